//! The real binary in a pseudo-terminal: type, paste, resize, quit, reopen.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{ENTER, ESC, RIGHT, TAB, Tui, read_json, session_file, sessions};

const ACCENTED: &str =
    "Acción regional: información compartida en «tiempo real» — año 2018, ñandú 🚨 情報";

#[test]
fn type_an_input_with_accents_quit_and_find_it_again() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "sala-1"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.wait_for("Grupo 1 de 5");
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text(ACCENTED);
    tui.send(ESC);
    tui.wait_for("1 insumo");
    tui.send("q");
    assert!(tui.wait_exit(), "q quits cleanly");

    let path = session_file(dir.path(), "sala-1");
    let json = read_json(&path);
    assert_eq!(json["format"], "taller-session");
    let input = &json["groups"][0]["inputs"][0];
    assert_eq!(input["text"], ACCENTED);
    assert!(input["id"].as_str().is_some_and(|id| id.len() == 36));
    assert!(input["created_at"].as_str().is_some());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "session files are private");

    let mut tui = Tui::start(dir.path(), &["open", "sala-1"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    let screen = tui.wait_for("1 insumo");
    assert!(
        screen.contains("información compartida en «tiempo real»"),
        "{screen}"
    );
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn start_screen_creates_then_lists_a_session() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &[], 80, 24);
    tui.wait_for("Nueva sesión");
    tui.send(ENTER);
    tui.wait_for("Nombre de la nueva sesión");
    tui.type_text(" San José");
    tui.send(ENTER);
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    let created: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(created.len(), 1, "{created:?}");
    assert_eq!(
        created[0], "San José.json",
        "the typed name replaces the suggestion"
    );

    let tui = Tui::start(dir.path(), &[], 80, 24);
    let screen = tui.wait_for("San José");
    assert!(screen.contains("0 insumos"), "{screen}");
}

#[test]
fn bracketed_paste_arrives_as_one_input_with_its_line_breaks() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "pegar"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send(RIGHT);
    tui.wait_for("Grupo 2 de 5");
    tui.paste("Primera línea\rSegunda línea con acentos: cooperación");
    tui.wait_for("Nuevo insumo");
    tui.send(ESC);
    tui.wait_for("1 insumo");
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&session_file(dir.path(), "pegar"));
    assert_eq!(
        json["groups"][1]["inputs"][0]["text"],
        "Primera línea\nSegunda línea con acentos: cooperación"
    );
}

#[test]
fn sigterm_while_typing_keeps_the_text() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "senal"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Texto a medio escribir, sin Esc");
    tui.wait_for("sin Esc");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &tui.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(tui.wait_exit(), "SIGTERM saves and exits cleanly");
    let json = read_json(&session_file(dir.path(), "senal"));
    assert_eq!(
        json["groups"][0]["inputs"][0]["text"],
        "Texto a medio escribir, sin Esc"
    );
}

#[test]
fn resizing_redraws_and_a_tiny_window_says_it_is_too_small() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "tamano"], 80, 24);
    tui.wait_for("Plenaria de apertura");
    tui.resize(30, 8);
    tui.wait_for("demasiado pequeña");
    tui.resize(160, 45);
    tui.wait_for("Producto final");
    tui.send("?");
    tui.wait_for("Teclas");
    tui.send(ESC);
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn english_interface_with_lang_flag() {
    let dir = sessions();
    let mut tui = Tui::start(
        dir.path(),
        &["--lang", "en", "new", "--name", "english"],
        100,
        30,
    );
    tui.wait_for("Opening plenary");
    tui.send(TAB);
    let screen = tui.wait_for("Group 1 of 5");
    assert!(screen.contains("Guiding examples"), "{screen}");
    assert!(screen.contains("a add"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn delete_asks_and_undo_restores_across_a_reopen() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "borrar"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    for text in ["primero", "segundo"] {
        tui.send("a");
        tui.wait_for("Nuevo insumo");
        tui.type_text(text);
        tui.send(ESC);
    }
    tui.wait_for("2 insumos");
    tui.send("d");
    tui.wait_for("¿Eliminar este insumo?");
    tui.send("s");
    tui.wait_for("Insumo eliminado");
    tui.send("u");
    tui.wait_for("Cambio deshecho");
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&session_file(dir.path(), "borrar"));
    let texts: Vec<_> = json["groups"][0]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["primero", "segundo"]);
}

/// The seconds left on the status-line clock (`⏱ mm:ss`).
fn clock_seconds(screen: &str) -> u64 {
    let at = screen.find("⏱ ").expect("the status line shows a clock") + "⏱ ".len();
    let text: String = screen[at..].chars().take(5).collect();
    let (m, s) = text.split_once(':').expect("mm:ss");
    m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap()
}

#[test]
fn a_running_timer_counts_down_and_keeps_counting_while_closed() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "reloj"], 100, 30);
    tui.wait_for("⏱ 20:00 · sin iniciar");
    tui.send(" ");
    tui.wait_for("⏱ 19:58");
    tui.send("q");
    assert!(tui.wait_exit());
    std::thread::sleep(std::time::Duration::from_secs(3));

    let tui = Tui::start(dir.path(), &["open", "reloj"], 100, 30);
    let screen = tui.wait_for("en tiempo");
    let left = clock_seconds(&screen);
    assert!(
        left <= 20 * 60 - 5,
        "the closed minutes counted too: {left} s left\n{screen}"
    );
    assert!(left >= 20 * 60 - 15, "but not more: {left} s left");
    let json = read_json(&session_file(dir.path(), "reloj"));
    assert!(json["schedule"]["timers"]["opening/antecedentes"]["running_since"].is_string());
}

#[test]
fn an_action_with_every_field_survives_quit_and_reopen() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "campos"], 120, 40);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Acción regional 🚀 de información compartida");
    tui.send(TAB);
    tui.wait_for("Institución líder");
    tui.send(RIGHT); // scope: regional
    tui.send(TAB);
    tui.send(" "); // Belize
    tui.send("\x1b[B"); // down
    tui.send(" "); // Canadá
    for (field, text) in [
        ("lead", "Secretaría Técnica"),
        ("partners", "Coalición Regional"),
    ] {
        tui.send(TAB);
        tui.type_text(text);
        let _ = field;
    }
    tui.send(TAB);
    tui.send(RIGHT); // timeframe: short (one field: a term or a date)
    tui.send(TAB);
    tui.type_text("Protocolo firmado por los 11 países");
    tui.send(TAB);
    tui.send(RIGHT); // priority: high
    tui.send(ESC);
    tui.wait_for("Secretaría Técnica · Coalición Regional");
    tui.send("q");
    assert!(tui.wait_exit());

    let json = read_json(&session_file(dir.path(), "campos"));
    let input = &json["groups"][0]["inputs"][0];
    assert_eq!(
        input["text"],
        "Acción regional 🚀 de información compartida"
    );
    assert_eq!(input["kind"], "action");
    let action = &input["action"];
    assert_eq!(action["scope"], "regional");
    assert_eq!(action["countries"], serde_json::json!(["Belize", "Canadá"]));
    assert_eq!(action["lead"], "Secretaría Técnica");
    assert_eq!(action["partners"], "Coalición Regional");
    assert_eq!(action["timeframe"], "short");
    assert_eq!(action["indicator"], "Protocolo firmado por los 11 países");
    assert_eq!(action["priority"], "high");

    let mut tui = Tui::start(dir.path(), &["open", "campos"], 120, 40);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send(ENTER);
    let screen = tui.wait_for("Institución líder");
    for shown in [
        "🚀",
        "regional",
        "Belice, Canadá", // stored as "Belize", shown in Spanish
        "Secretaría Técnica",
        "corto plazo",
        "Protocolo firmado",
        "alta",
    ] {
        assert!(
            screen.contains(shown),
            "{shown} missing after reopening:\n{screen}"
        );
    }
    tui.send(ESC);
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn quitting_leaves_no_session_text_on_the_terminal() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "pantalla"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.type_text("Texto confidencial de la fiscalía");
    tui.send(ESC);
    tui.wait_for("1 insumo");
    tui.send("q");
    let (ok, left) = tui.wait_exit_screen();
    assert!(ok);
    assert!(
        !left.contains("confidencial"),
        "the alternate screen is gone:\n{left}"
    );
    assert!(!left.contains("Plenaria de apertura"), "{left}");
}

#[test]
fn two_laptops_are_consolidated_into_one_plan_under_the_right_axes() {
    let dir = sessions();
    for (name, rights, text) in [
        ("sala-a", 0, "Acción del grupo de inteligencia"),
        ("sala-b", 1, "Acción del grupo de operaciones"),
    ] {
        let mut tui = Tui::start(dir.path(), &["new", "--name", name], 100, 30);
        tui.wait_for("Plenaria de apertura");
        tui.send(TAB);
        for _ in 0..rights {
            tui.send(RIGHT);
        }
        tui.send("a");
        tui.wait_for("Nuevo insumo");
        tui.type_text(text);
        tui.send(ESC);
        tui.wait_for("1 insumo");
        tui.send("q");
        assert!(tui.wait_exit());
    }
    let out = dir.path().join("plan");
    let output = std::process::Command::new(common::BIN)
        .args(["consolidate", "sala-a.json", "sala-b.json", "--out"])
        .arg(&out)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan = read_json(&out.join("plan.json"));
    assert_eq!(plan["groups"][0]["axis"], "inteligencia");
    assert_eq!(
        plan["groups"][0]["inputs"][0]["text"],
        "Acción del grupo de inteligencia"
    );
    assert_eq!(plan["groups"][1]["axis"], "operaciones");
    assert_eq!(
        plan["groups"][1]["inputs"][0]["text"],
        "Acción del grupo de operaciones"
    );
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(
        md.contains("Acción del grupo de inteligencia")
            && md.contains("Acción del grupo de operaciones")
    );
}
