//! Issue 14, the items where work could be lost or a false word said: a
//! signal while saves fail, the roster as a draft, repeated input ids, and
//! durations and times out of range. The real binary, in a pseudo-terminal
//! where a person would use it, on the command line otherwise.

mod common;

use std::time::Duration;

use common::{ENTER, TAB, Tui, read_json, session_file, sessions};

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
