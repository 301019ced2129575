//! Issue 14, the items where work could be lost or a false word said: a
//! signal while saves fail, the roster as a draft, repeated input ids, and
//! durations and times out of range. The real binary, in a pseudo-terminal
//! where a person would use it, on the command line otherwise.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use common::{ENTER, ESC, TAB, Tui, read_json, session_file, sessions};
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

fn taller(dir: &Path, args: &[&str]) -> Output {
    Command::new(common::BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG")
        .env_remove("TALLER_TEST_FAIL_SAVES")
        .output()
        .expect("taller runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn files_in(dir: &Path, containing: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.to_string_lossy().contains(containing))
                .collect()
        })
        .unwrap_or_default()
}

fn inputs_of(json: &Value, group: usize) -> Vec<String> {
    json["groups"][group]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect()
}

// ------------------------------------------------- 1. a signal while saves fail

/// A session whose folder refuses every write (the debug-build fault hook
/// stands in for a full disk or a read-only folder: the tests run as root,
/// whom a read-only folder does not stop). Returns the started program, the
/// folder the temporary files go to, and the session file.
#[cfg(debug_assertions)]
fn failing_session(dir: &Path, tmp: &Path, home: &Path) -> (Tui, PathBuf) {
    let path = session_file(dir, "lleno");
    write_json(&path, &example());
    let env = [
        ("TALLER_TEST_FAIL_SAVES", dir.to_str().unwrap()),
        ("TMPDIR", tmp.to_str().unwrap()),
        ("HOME", home.to_str().unwrap()),
    ];
    let mut tui = Tui::start_with(dir, &["open", "lleno"], 100, 30, &env, None);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Texto que el disco lleno no aceptó");
    tui.send(ESC);
    tui.wait_for("No se pudo guardar");
    (tui, path)
}

/// What every way out of a failing save must leave: the text in one private
/// recovery file in the temporary folder (the session's folder refuses
/// writes), a message saying where, no "saved", a non-zero exit status.
#[cfg(debug_assertions)]
fn check_recovered(ok: bool, screen: &str, dir: &Path, tmp: &Path, path: &Path) {
    assert!(
        !ok,
        "unsaved work that went to a recovery file is not success"
    );
    assert!(
        !screen.contains("Sesión guardada"),
        "never 'saved' when it was not:\n{screen}"
    );
    let recovered = files_in(tmp, "lleno.recuperado-");
    assert_eq!(recovered.len(), 1, "one recovery file: {recovered:?}");
    let name = recovered[0].file_name().unwrap().to_string_lossy();
    assert!(
        screen.contains(&*name),
        "the message says where it went:\n{screen}"
    );
    let json = read_json(&recovered[0]);
    assert!(
        inputs_of(&json, 0).contains(&"Texto que el disco lleno no aceptó".to_string()),
        "the recovery file holds the unsaved input"
    );
    let mode = std::fs::metadata(&recovered[0])
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the recovery file is private");
    assert!(
        !inputs_of(&read_json(path), 0).contains(&"Texto que el disco lleno no aceptó".to_string()),
        "the session file was really not written (the fault hook works)"
    );
    assert!(
        files_in(dir, "recuperado").is_empty(),
        "nothing claimed in a folder that refuses writes"
    );
}

#[cfg(debug_assertions)]
#[test]
fn sigterm_while_saves_fail_writes_a_recovery_file_and_exits_non_zero() {
    let dir = sessions();
    let tmp = sessions();
    let (tui, path) = failing_session(dir.path(), tmp.path(), tmp.path());
    tui.signal("TERM");
    let (ok, screen) = tui.wait_exit_screen();
    check_recovered(ok, &screen, dir.path(), tmp.path(), &path);
}

#[cfg(debug_assertions)]
#[test]
fn quitting_anyway_while_saves_fail_writes_a_recovery_file_and_exits_non_zero() {
    let dir = sessions();
    let tmp = sessions();
    let (mut tui, path) = failing_session(dir.path(), tmp.path(), tmp.path());
    tui.send("q");
    tui.wait_for("¿Salir de");
    tui.send("s");
    let (ok, screen) = tui.wait_exit_screen();
    check_recovered(ok, &screen, dir.path(), tmp.path(), &path);
}

/// With no folder at all that takes a recovery file (the temporary and home
/// folders refuse writes too), leaving still never says "saved": it says the
/// unsaved work is lost, and fails.
#[cfg(debug_assertions)]
#[test]
fn sigterm_when_no_folder_takes_a_recovery_file_says_the_work_is_lost() {
    let dir = sessions();
    let (tmp, home) = (dir.path().join("tmp"), dir.path().join("home"));
    for folder in [&tmp, &home] {
        std::fs::create_dir(folder).unwrap();
    }
    let (tui, _) = failing_session(dir.path(), &tmp, &home);
    tui.signal("TERM");
    let (ok, screen) = tui.wait_exit_screen();
    assert!(!ok, "lost work is not success");
    assert!(!screen.contains("Sesión guardada"), "{screen}");
    assert!(screen.contains("se perdió"), "it says so:\n{screen}");
    for folder in [dir.path(), &tmp, &home] {
        assert!(files_in(folder, "recuperado").is_empty(), "{folder:?}");
    }
}

// ------------------------------------------------- 3. the roster as a draft

#[test]
fn the_roster_being_typed_reaches_the_disk_as_a_draft() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "lista"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("P");
    tui.wait_for("Participantes del grupo");
    tui.type_text("Ana Pérez; Guatemala; Fiscal");
    tui.send(ENTER);
    tui.type_text("Luis Mora; Panamá; Director de Migración");
    std::thread::sleep(Duration::from_millis(2500));
    tui.signal("KILL");
    let _ = tui.wait_exit();
    let json = read_json(&session_file(dir.path(), "lista"));
    let roster = json["groups"][0]["participants"].as_array().unwrap();
    assert_eq!(roster.len(), 2, "{roster:?}");
    assert_eq!(roster[1]["name"], "Luis Mora");
    assert_eq!(roster[1]["role"], "Director de Migración");
}

#[test]
fn a_name_prompt_being_typed_reaches_the_disk_as_a_draft() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "relatora"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("R");
    tui.type_text("María José Quesada");
    tui.wait_for("María José Quesada");
    std::thread::sleep(Duration::from_millis(2500));
    tui.signal("KILL");
    let _ = tui.wait_exit();
    let json = read_json(&session_file(dir.path(), "relatora"));
    assert_eq!(json["groups"][0]["rapporteur"], "María José Quesada");
}

// ------------------------------------------------- 4. repeated input ids

/// The example with group 1's third input carrying the first one's id.
fn with_a_repeated_id() -> Value {
    let mut value = example();
    let first = value["groups"][0]["inputs"][0]["id"].clone();
    value["groups"][0]["inputs"][2]["id"] = first;
    value
}

#[test]
fn deleting_the_copy_of_a_repeated_id_deletes_that_input() {
    let dir = sessions();
    let path = session_file(dir.path(), "repetido");
    write_json(&path, &with_a_repeated_id());
    let before = inputs_of(&read_json(&path), 0);
    let mut tui = Tui::start(dir.path(), &["open", "repetido"], 100, 30);
    // The notice is on the last rows: waiting for the title alone may catch
    // a frame only half parsed.
    let screen = tui.wait_for("recibió un id nuevo");
    tui.send(TAB);
    tui.send("j");
    tui.send("j");
    tui.send("d");
    tui.wait_for("¿Eliminar");
    tui.send(ENTER);
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&path);
    assert_eq!(inputs_of(&json, 0), before[..2], "the third input went");
    assert!(
        screen.contains("1 insumo con id repetido recibió un id nuevo"),
        "the person is told:\n{screen}"
    );
    let ids: std::collections::HashSet<_> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["inputs"].as_array().unwrap())
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let count: usize = (0..5).map(|g| inputs_of(&json, g).len()).sum();
    assert_eq!(ids.len(), count, "every id unique once saved");
}

#[test]
fn import_keeps_both_inputs_of_a_repeated_id_and_says_so() {
    let dir = sessions();
    let mut master = example();
    for group in master["groups"].as_array_mut().unwrap() {
        group["inputs"] = json!([]);
    }
    write_json(&session_file(dir.path(), "maestra"), &master);
    let other = dir.path().join("sala-3.json");
    write_json(&other, &with_a_repeated_id());
    let expected = inputs_of(&read_json(&other), 0);
    let output = taller(dir.path(), &["import", "maestra", other.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = read_json(&session_file(dir.path(), "maestra"));
    assert_eq!(inputs_of(&json, 0), expected, "both copies kept, in order");
    assert!(
        stderr(&output).contains("1 insumo con id repetido recibió un id nuevo"),
        "{}",
        stderr(&output)
    );
    // Importing again adds nothing: the new id is the same each time.
    let again = taller(dir.path(), &["import", "maestra", other.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        inputs_of(&read_json(&session_file(dir.path(), "maestra")), 0),
        expected
    );
}

#[test]
fn consolidate_keeps_both_inputs_of_a_repeated_id() {
    let dir = sessions();
    let file = dir.path().join("sala-4.json");
    write_json(&file, &with_a_repeated_id());
    let expected = inputs_of(&read_json(&file), 0);
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
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = read_json(&out.join("plan.json"));
    let mut kept = inputs_of(&plan, 0);
    let mut expected = expected;
    kept.sort();
    expected.sort();
    assert_eq!(kept, expected, "no input dropped");
    assert!(
        stderr(&output).contains("id repetido"),
        "{}",
        stderr(&output)
    );
}

// ------------------------------------------------- 13. durations and times out of range

/// Each field the adversarial run (and its neighbours) could set out
/// of range, with the name the error must give.
fn out_of_range() -> Vec<(&'static str, Value)> {
    let mut cases = Vec::new();
    let mut v = example();
    v["workshop"]["breakout"]["minutes"] = json!(4_294_967_295_u64);
    cases.push(("breakout.minutes", v));
    let mut v = example();
    v["workshop"]["opening"]["items"][0]["minutes"] = json!(4_000_000_000_u64);
    cases.push(("opening.items[0].minutes", v));
    let mut v = example();
    v["schedule"]["timers"]["opening/antecedentes"]["planned_secs"] = json!(4_294_967_295_u64);
    cases.push(("planned_secs", v));
    let mut v = example();
    v["schedule"]["timers"]["opening/antecedentes"]["accumulated_ms"] = json!(u64::MAX);
    cases.push(("accumulated_ms", v));
    let mut v = example();
    v["schedule"]["planned_start"] = json!("9999-12-30T00:00:00Z");
    cases.push(("planned_start", v));
    let mut v = example();
    v["schedule"]["timers"]["opening/antecedentes"]["first_started_at"] =
        json!("-009000-01-01T00:00:00Z");
    cases.push(("first_started_at", v));
    cases
}

#[test]
fn consolidate_export_and_open_refuse_durations_and_times_out_of_range_in_one_line() {
    let dir = sessions();
    for (field, value) in out_of_range() {
        let file = dir.path().join("fuera.json");
        write_json(&file, &value);
        let out = dir.path().join("plan");
        let file_arg = file.to_str().unwrap();
        for args in [
            vec!["consolidate", file_arg, "--out", out.to_str().unwrap()],
            vec!["export", file_arg, "--format", "schedule-csv"],
            // Without a terminal, open reads the file first: refused, not a panic later.
            vec!["open", file_arg],
        ] {
            let output = taller(dir.path(), &args);
            let message = stderr(&output);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{field}, {}: {message}",
                args[0]
            );
            assert_eq!(
                message.lines().count(),
                1,
                "{field}, {}: {message}",
                args[0]
            );
            assert!(message.contains(field), "{field}, {}: {message}", args[0]);
        }
        assert!(!out.exists(), "{field}: nothing written");
    }
}
