//! Reopening a session lands where its screen was left, not on the opening.

mod common;

use common::{ESC, RIGHT, TAB, Tui, read_json, session_file, sessions};

const DOWN: &str = "\x1b[B";

#[test]
fn reopening_lands_on_the_group_and_input_left() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "relator"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.wait_for("Grupo 1 de 5");
    tui.send(RIGHT);
    tui.send(RIGHT);
    tui.wait_for("Grupo 3 de 5");
    for text in ["Primera acción", "Segunda acción"] {
        tui.send("a");
        tui.wait_for("Nuevo insumo");
        tui.type_text(text);
        tui.send(ESC);
        tui.wait_for(text);
    }
    tui.send(DOWN);
    tui.send("q");
    assert!(tui.wait_exit());

    let mut tui = Tui::start(dir.path(), &["open", "relator"], 100, 30);
    // The list is drawn after the header: wait for it, then read both.
    let screen = tui.wait_for("Segunda acción");
    assert!(screen.contains("Grupo 3 de 5"), "{screen}");
    // The selection is where it was: `d` deletes the second input.
    tui.send("d");
    tui.send("s");
    tui.wait_for("1 insumo");
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&session_file(dir.path(), "relator"));
    let inputs = json["groups"][2]["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 1);
    assert_eq!(inputs[0]["text"], "Primera acción");
}
