//! `taller codes NAME [--new]`: the SSH join codes, printed for cards.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::{BIN, sessions};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");

fn taller(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env_remove("TALLER_LANG")
        .output()
        .expect("taller runs")
}

fn lines(output: &Output) -> Vec<String> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn codes_are_one_line_per_role_kept_private_and_replaced_on_demand() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    let first = lines(&taller(dir.path(), &["codes", "ejemplo"]));
    let names: Vec<&str> = first.iter().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(
        names,
        [
            "facilitador",
            "grupo1",
            "grupo2",
            "grupo3",
            "grupo4",
            "grupo5",
            "sala",
            "lectura"
        ]
    );
    for line in &first {
        let code = line.split(' ').nth(1).unwrap();
        assert_eq!(code.len(), 9, "{line}");
        assert_eq!(&code[4..5], "-", "{line}");
    }
    assert_eq!(lines(&taller(dir.path(), &["codes", "ejemplo"])), first);
    let file = dir.path().join(".ejemplo.json.codes");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let renewed = lines(&taller(dir.path(), &["codes", "ejemplo", "--new"]));
    assert_eq!(renewed.len(), first.len());
    assert!(renewed.iter().zip(&first).all(|(new, old)| new != old));
    assert_eq!(lines(&taller(dir.path(), &["codes", "ejemplo"])), renewed);
}

#[test]
fn codes_of_a_missing_session_say_so() {
    let dir = sessions();
    let output = taller(dir.path(), &["codes", "no-existe"]);
    assert!(!output.status.success());
    assert!(!dir.path().join(".no-existe.json.codes").exists());
}

#[test]
fn a_codes_file_keyed_by_place_keeps_its_codes_and_is_written_by_axis() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    // As the first taller serve wrote it: one line per place.
    let old = [
        ("facilitador", "AAAA-1111"),
        ("grupo1", "BBBB-2222"),
        ("grupo2", "CCCC-3333"),
        ("grupo3", "DDDD-4444"),
        ("grupo4", "EEEE-5555"),
        ("grupo5", "FFFF-6666"),
        ("sala", "GGGG-7777"),
        ("lectura", "HHHH-8888"),
    ];
    let file = dir.path().join(".ejemplo.json.codes");
    let text: String = old.iter().map(|(n, c)| format!("{n} {c}\n")).collect();
    std::fs::write(&file, text).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let printed = lines(&taller(dir.path(), &["codes", "ejemplo"]));
    let expected: Vec<String> = old.iter().map(|(n, c)| format!("{n} {c}")).collect();
    assert_eq!(printed, expected);
    let kept = std::fs::read_to_string(&file).unwrap();
    assert!(kept.starts_with("#taller-codes 2\n"), "{kept}");
    assert!(!kept.contains("grupo"), "{kept}");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(lines(&taller(dir.path(), &["codes", "ejemplo"])), expected);
}

#[test]
fn a_damaged_codes_file_is_said_and_left_as_it_is() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    let file = dir.path().join(".ejemplo.json.codes");
    std::fs::write(&file, "#taller-codes 2\nfacilitador AAAA-1111\nbasura\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let output = taller(dir.path(), &["codes", "ejemplo"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("línea 3"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "#taller-codes 2\nfacilitador AAAA-1111\nbasura\n"
    );
}
