//! Text from files on its way out of the binary (issue 14, items 9–11):
//! what `taller list`, error messages and `consolidate` print or write must
//! never carry escape sequences, C1 or bidi controls raw, nor formulas.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{BIN, sessions};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");
const TITLE: &str = "\"title\": \"Taller para elaborar un Plan de Trabajo Regional contra el Tráfico Ilícito de Migrantes\"";
/// OSC 52 (sets the clipboard) and OSC 0 (sets the window title), as a
/// session file's JSON would carry them.
const OSC_JSON: &str = "\\u001b]52;c;aGk=\\u0007\\u001b]0;hola\\u0007\\u009b31m\\u202e";

fn taller(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG")
        .output()
        .expect("taller runs")
}

/// Any byte or character a terminal would act on instead of showing.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| taller::text::is_unsafe(*c))
        .collect()
}

#[test]
fn list_shows_a_title_carrying_escape_sequences_escaped() {
    let dir = sessions();
    let planted = EXAMPLE.replacen(TITLE, &format!("\"title\": \"Taller {OSC_JSON} fin\""), 1);
    assert_ne!(planted, EXAMPLE);
    std::fs::write(dir.path().join("plantado.json"), planted).unwrap();
    let output = taller(dir.path(), &["list"]);
    assert!(output.status.success());
    assert_eq!(
        raw_controls(&output.stdout),
        [],
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Taller \\u{1b}]52;c;aGk=\\u{7}"), "{text}");
}

#[test]
fn an_error_quoting_the_file_shows_its_escape_sequences_escaped() {
    let dir = sessions();
    let planted = EXAMPLE.replacen(
        "\"kind\": \"action\"",
        &format!("\"kind\": \"{OSC_JSON}\""),
        1,
    );
    let path = dir.path().join("plantado.json");
    std::fs::write(&path, &planted).unwrap();
    let path = path.to_str().unwrap();
    let output = taller(dir.path(), &["export", path, "--format", "schedule-csv"]);
    assert!(!output.status.success());
    assert_eq!(
        raw_controls(&output.stderr),
        [],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("\\u{1b}]52"), "{text}");
    // The listing quotes the same reason.
    let output = taller(dir.path(), &["list"]);
    assert_eq!(
        raw_controls(&output.stdout),
        [],
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn consolidate_writes_no_raw_controls_and_plan_json_keeps_the_text() {
    let dir = sessions();
    let planted = EXAMPLE.replacen(TITLE, &format!("\"title\": \"Taller {OSC_JSON}\""), 1);
    let file = dir.path().join("plantado.json");
    std::fs::write(&file, &planted).unwrap();
    let out = dir.path().join("plan");
    let output = taller(
        dir.path(),
        &[
            "consolidate",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    for name in ["plan.md", "plan.csv", "plan.json"] {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert_eq!(raw_controls(&bytes), [], "{name}");
    }
    // plan.json is data: the title reads back exactly as it was.
    let back = taller::store::load(&out.join("plan.json")).unwrap();
    let original = taller::store::parse(planted.as_bytes()).unwrap();
    assert_eq!(back.workshop.title, original.workshop.title);
}

#[test]
fn a_name_with_invisible_characters_is_refused_with_a_message() {
    let dir = sessions();
    for (lang, word) in [("es", "invisibles"), ("en", "invisible")] {
        let output = taller(
            dir.path(),
            &["--lang", lang, "new", "--name", "sala\u{200B}1"],
        );
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(word), "{message}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A file named by hand (not through taller) with a zero-width space must
/// not pass for another session in the listing.
#[test]
fn list_shows_invisible_characters_in_file_names() {
    let dir = sessions();
    std::fs::write(dir.path().join("sala1.json"), EXAMPLE).unwrap();
    std::fs::write(dir.path().join("sala\u{200B}1.json"), EXAMPLE).unwrap();
    let output = taller(dir.path(), &["list"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("sala\\u{200b}1 "), "{text}");
    assert!(!text.contains('\u{200B}'), "{text}");
}

/// "a b", "a\u{A0}b", "a\u{2002}b", "a\u{3000}b" would be four sessions that
/// look the same; line and paragraph separators would break the listing.
#[test]
fn names_with_special_spaces_or_separators_are_refused_and_listed_escaped() {
    let dir = sessions();
    for name in [
        "a\u{A0}b",
        "a\u{2002}b",
        "a\u{3000}b",
        "a\u{2028}b",
        "a\u{2029}b",
    ] {
        let output = taller(dir.path(), &["new", "--name", name]);
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains("espacio"), "{name:?}: {message}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    // Files named by hand: every one shown apart, nothing raw.
    for name in ["a b", "a\u{A0}b", "a\u{2028}b", "a\u{200D}b"] {
        std::fs::write(dir.path().join(format!("{name}.json")), EXAMPLE).unwrap();
    }
    let output = taller(dir.path(), &["list"]);
    let text = String::from_utf8_lossy(&output.stdout);
    for shown in ["a\\u{a0}b ", "a\\u{2028}b ", "a\\u{200d}b "] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    for raw in ['\u{A0}', '\u{2028}', '\u{200D}'] {
        assert!(!text.contains(raw), "{raw:?}: {text}");
    }
}

/// In documents a line or paragraph separator is a line break, and a
/// zero-width joiner is dropped (an emoji sequence becomes its emoji). A
/// field of plan.md is one line (issue 20): its line breaks are spaces.
#[test]
fn plan_md_has_no_separators_or_joiners() {
    let dir = sessions();
    let planted = EXAMPLE.replacen(
        TITLE,
        "\"title\": \"Uno\\u2028Dos\\u2029Tres 👨\\u200d👩\"",
        1,
    );
    let file = dir.path().join("plantado.json");
    std::fs::write(&file, &planted).unwrap();
    let out = dir.path().join("plan");
    let output = taller(
        dir.path(),
        &[
            "consolidate",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    for raw in ['\u{2028}', '\u{2029}', '\u{200D}'] {
        assert!(!md.contains(raw), "{raw:?}");
    }
    assert!(md.contains("Uno Dos Tres 👨👩"), "{md}");
}
