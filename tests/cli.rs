//! The command line without a terminal: list, refused names, files that must
//! not be opened (and must stay untouched), help and version.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{BIN, sessions};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");

fn taller(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG")
        .output()
        .expect("taller runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn list_says_when_there_is_nothing() {
    let dir = sessions();
    let output = taller(dir.path(), &["list"]);
    assert!(output.status.success());
    assert!(
        stdout(&output).contains("Aún no hay sesiones guardadas"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn list_shows_name_workshop_last_change_and_inputs_and_damaged_files() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo-taller-ctim.json"), EXAMPLE).unwrap();
    std::fs::write(
        dir.path().join("roto.json"),
        "{\"format\": \"taller-session\", ",
    )
    .unwrap();
    let output = taller(dir.path(), &["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("NOMBRE") && lines[0].contains("INSUMOS"),
        "{text}"
    );
    assert!(lines[1].starts_with("ejemplo-taller-ctim"), "{text}");
    assert!(lines[1].contains("2018-02-20 16:30"), "{text}");
    assert!(lines[1].contains("  8  "), "{text}");
    assert!(lines[1].contains("Plan de Trabajo Regional"), "{text}");
    assert!(
        lines[2].starts_with("roto") && lines[2].contains("no se puede abrir"),
        "{text}"
    );

    let english = taller(dir.path(), &["--lang", "en", "list"]);
    assert!(
        stdout(&english).contains("LAST CHANGE"),
        "{}",
        stdout(&english)
    );
}

#[test]
fn names_that_would_escape_the_folder_are_refused() {
    let dir = sessions();
    for name in ["../fuera", "/etc/x", "", "  ", ".oculto", "a\u{1b}b"] {
        let output = taller(dir.path(), &["new", "--name", name]);
        assert!(!output.status.success(), "{name:?} was accepted");
        assert!(
            stderr(&output).starts_with("taller: "),
            "{name:?}: {}",
            stderr(&output)
        );
    }
    assert!(!dir.path().join("..").join("fuera.json").exists());
    let output = taller(dir.path(), &["open", "..\\x"]);
    assert!(!output.status.success());
}

#[test]
fn new_never_replaces_an_existing_session() {
    let dir = sessions();
    let path = dir.path().join("ejemplo-taller-ctim.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let output = taller(dir.path(), &["new", "--name", "ejemplo-taller-ctim"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("ya existe"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn opening_a_missing_file_names_it() {
    let dir = sessions();
    let output = taller(dir.path(), &["open", "no-existe"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("no-existe.json") && message.contains("no existe"),
        "{message}"
    );
}

#[test]
fn files_that_are_not_sessions_are_refused_and_left_untouched() {
    let dir = sessions();
    let newer = EXAMPLE.replace("\"schema_version\": 3", "\"schema_version\": 7");
    let cases: [(&str, &str, &str); 5] = [
        ("notas.json", "esto no es JSON", "no es JSON válido"),
        (
            "otro.json",
            "{\"nombre\": \"otra cosa\"}",
            "no es una sesión de taller",
        ),
        ("truncado.json", &EXAMPLE[..EXAMPLE.len() / 3], "línea"),
        ("nuevo.json", &newer, "versión más nueva"),
        (
            "tipos.json",
            &EXAMPLE.replacen("\"groups\": [", "\"groups\": 3, \"x\": [", 1),
            "datos no válidos",
        ),
    ];
    for (file, content, expected) in cases {
        let path = dir.path().join(file);
        std::fs::write(&path, content).unwrap();
        let output = taller(dir.path(), &["open", path.to_str().unwrap()]);
        assert!(!output.status.success(), "{file} was opened");
        let message = stderr(&output);
        assert!(message.contains(file), "{file}: {message}");
        assert!(message.contains(expected), "{file}: {message}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            content,
            "{file} was modified"
        );
    }
}

#[test]
fn help_and_version_follow_the_language() {
    let dir = sessions();
    let spanish = taller(dir.path(), &["--help"]);
    assert!(spanish.status.success());
    assert!(
        stdout(&spanish).contains("Lista las sesiones guardadas"),
        "{}",
        stdout(&spanish)
    );
    let english = taller(dir.path(), &["--lang", "en", "--help"]);
    assert!(
        stdout(&english).contains("List the saved sessions"),
        "{}",
        stdout(&english)
    );
    let version = taller(dir.path(), &["--version"]);
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn without_a_terminal_nothing_is_created() {
    let dir = sessions();
    let output = taller(dir.path(), &["new", "--name", "sin-terminal"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("terminal interactiva"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("sin-terminal.json").exists());
}

#[test]
fn export_schedule_csv_to_stdout_and_to_a_file() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo-taller-ctim.json"), EXAMPLE).unwrap();
    let output = taller(
        dir.path(),
        &["export", "ejemplo-taller-ctim", "--format", "schedule-csv"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("punto,inicio previsto"), "{text}");
    assert!(
        text.contains("Antecedentes regionales,2018-02-20 14:00,2018-02-20 14:20,20,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 12);

    let out = dir.path().join("horario.csv");
    let output = taller(
        dir.path(),
        &[
            "export",
            "ejemplo-taller-ctim",
            "--format",
            "schedule-csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFpunto"),
        "a BOM for spreadsheet programs"
    );

    let session = dir.path().join("ejemplo-taller-ctim.json");
    let output = taller(
        dir.path(),
        &[
            "export",
            "ejemplo-taller-ctim",
            "--format",
            "schedule-csv",
            "--out",
            session.to_str().unwrap(),
        ],
    );
    assert!(
        !output.status.success(),
        "a session is never overwritten by an export"
    );
    assert_eq!(std::fs::read_to_string(&session).unwrap(), EXAMPLE);
}

#[test]
fn consolidate_merges_files_into_the_draft_plan_and_touches_no_input() {
    let dir = sessions();
    let example = dir.path().join("ejemplo.json");
    std::fs::write(&example, EXAMPLE).unwrap();
    // A second laptop: the same workshop, another group's inputs.
    let second = EXAMPLE
        .replace("\"ejemplo-taller-ctim\"", "\"sala-2\"")
        .replacen(
            "Crear una plataforma regional permanente",
            "Crear un observatorio regional permanente",
            1,
        );
    let mut value: serde_json::Value = serde_json::from_str(&second).unwrap();
    for group in value["groups"].as_array_mut().unwrap() {
        for input in group["inputs"].as_array_mut().unwrap() {
            input["id"] = serde_json::json!(uuid_for(input["text"].as_str().unwrap()));
        }
    }
    let second_path = dir.path().join("sala-2.json");
    let second_text = serde_json::to_string_pretty(&value).unwrap();
    std::fs::write(&second_path, &second_text).unwrap();

    let out = dir.path().join("plan");
    let output = taller(
        dir.path(),
        &[
            "consolidate",
            example.to_str().unwrap(),
            second_path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(
        md.starts_with("# Borrador del Plan de Trabajo Regional"),
        "{md}"
    );
    assert!(md.contains("## 1. Inteligencia/Investigación"), "{md}");
    assert!(
        md.contains("**1.1** Crear una plataforma regional permanente"),
        "{md}"
    );
    assert!(
        md.contains("**Posible duplicado de:**"),
        "the two near-identical actions are flagged: {md}"
    );
    let csv = std::fs::read(out.join("plan.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBFeje,"));
    let reopened = taller(
        dir.path(),
        &[
            "export",
            out.join("plan.json").to_str().unwrap(),
            "--format",
            "schedule-csv",
        ],
    );
    assert!(
        reopened.status.success(),
        "plan.json is a session: {}",
        stderr(&reopened)
    );
    assert_eq!(
        std::fs::read_to_string(&example).unwrap(),
        EXAMPLE,
        "inputs are never modified"
    );
    assert_eq!(std::fs::read_to_string(&second_path).unwrap(), second_text);

    let broken = dir.path().join("roto.json");
    std::fs::write(&broken, "{ roto").unwrap();
    let refused = taller(
        dir.path(),
        &[
            "consolidate",
            example.to_str().unwrap(),
            broken.to_str().unwrap(),
            "--out",
            dir.path().join("otro").to_str().unwrap(),
        ],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("roto.json"),
        "the bad file is named"
    );
    assert!(
        !dir.path().join("otro").exists(),
        "nothing written without --skip-bad"
    );
    let skipped = taller(
        dir.path(),
        &[
            "consolidate",
            example.to_str().unwrap(),
            broken.to_str().unwrap(),
            "--skip-bad",
            "--out",
            dir.path().join("otro").to_str().unwrap(),
        ],
    );
    assert!(skipped.status.success(), "{}", stderr(&skipped));

    let onto_input = taller(
        dir.path(),
        &[
            "consolidate",
            out.join("plan.json").to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        !onto_input.status.success(),
        "an output over an input is refused"
    );
}

/// A stable id made from a text, so the second laptop's inputs differ from the first's.
fn uuid_for(text: &str) -> String {
    let hash = text
        .bytes()
        .fold(0u128, |h, b| h.wrapping_mul(31).wrapping_add(u128::from(b)));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (hash >> 96) as u32,
        (hash >> 80) as u16,
        (hash >> 68) as u16 & 0xfff,
        (hash >> 56) as u16 & 0xfff,
        hash as u64 & 0xffff_ffff_ffff
    )
}

#[test]
fn import_brings_another_laptops_inputs_once_with_their_origin() {
    let dir = sessions();
    let master = dir.path().join("maestra.json");
    std::fs::write(&master, EXAMPLE).unwrap();
    let mut other: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    other["groups"][3]["inputs"] = serde_json::json!([{
        "id": "11111111-2222-4333-8444-555555555555",
        "text": "Regularización migratoria coordinada en la región",
        "created_at": "2018-02-20T16:00:00Z",
        "updated_at": "2018-02-20T16:00:00Z"
    }]);
    let laptop = dir.path().join("sala-4.json");
    std::fs::write(&laptop, serde_json::to_string(&other).unwrap()).unwrap();
    let laptop_before = std::fs::read_to_string(&laptop).unwrap();

    let first = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), laptop.to_str().unwrap()],
    );
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).starts_with("Traído de ")
            && stdout(&first)
                .trim_end()
                .ends_with("sala-4.json: Grupo 4: 1 nuevo"),
        "{}",
        stdout(&first)
    );
    let again = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), laptop.to_str().unwrap()],
    );
    assert!(
        stdout(&again).trim_end().ends_with(": nada nuevo"),
        "importing twice adds nothing: {}",
        stdout(&again)
    );

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&master).unwrap()).unwrap();
    let imported = &json["groups"][3]["inputs"][0];
    assert_eq!(
        imported["id"], "11111111-2222-4333-8444-555555555555",
        "ids are kept"
    );
    assert_eq!(imported["origin"]["axis"], "soluciones");
    assert!(
        imported["origin"]["file"]
            .as_str()
            .unwrap()
            .ends_with("sala-4.json")
    );
    assert_eq!(
        std::fs::read_to_string(&laptop).unwrap(),
        laptop_before,
        "the imported file is untouched"
    );
}

/// `serve NEW --workshop builtin:border`: the served session is of that
/// workshop; an existing session or a wrong definition is refused and
/// nothing is created or changed.
#[test]
fn serve_creates_its_session_from_the_workshop_given_and_refuses_it_for_an_existing_one() {
    let dir = sessions();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("existente.json"), EXAMPLE).unwrap();
    let refused = taller(
        dir.path(),
        &[
            "serve",
            "existente",
            "--workshop",
            "builtin:border",
            "--headless",
        ],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("--workshop"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("existente.json")).unwrap(),
        EXAMPLE
    );
    let wrong = taller(
        dir.path(),
        &[
            "serve",
            "nueva",
            "--workshop",
            "no-existe.toml",
            "--headless",
        ],
    );
    assert!(!wrong.status.success());
    assert!(!dir.path().join("nueva.json").exists());

    // A free loopback port, then the server on it until it says how to join.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let web = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(BIN)
        .args([
            "serve",
            "frontera",
            "--workshop",
            "builtin:border",
            "--headless",
        ])
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--web", &format!("127.0.0.1:{web}")])
        .env("TALLER_SESSIONS_DIR", dir.path())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("datos"))
        .env_remove("TALLER_LANG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(server.stdout.take().unwrap());
    let mut printed = String::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let page = format!("http://127.0.0.1:{web}/");
    while !printed.contains(&page) && std::time::Instant::now() < deadline {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap() == 0 {
            break;
        }
        printed.push_str(&line);
    }
    // The page answers on its address while the session is served.
    let answered = std::net::TcpStream::connect(("127.0.0.1", web)).is_ok_and(|mut page| {
        use std::io::{Read, Write};
        let _ = page.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let mut answer = String::new();
        let _ = page.read_to_string(&mut answer);
        answer.starts_with("HTTP/1.1 200")
    });
    let stopped = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let status = server.wait().unwrap();
    assert!(status.success(), "{status:?} {printed}");
    assert!(printed.contains("SHA256:"), "{printed}");
    assert!(
        printed.contains(&format!("Los teléfonos votan en {page}")),
        "the ballot page's address: {printed}"
    );
    assert!(answered, "the ballot page answered while serving");
    let saved = std::fs::read_to_string(dir.path().join("frontera.json")).unwrap();
    assert!(saved.contains("\"border-coordination\""), "{saved}");
}

#[test]
fn every_format_name_exports_and_an_unknown_one_lists_them() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo-taller-ctim.json"), EXAMPLE).unwrap();
    for (name, starts) in [
        ("plan", "# "),
        ("csv", ""),
        ("json", "{"),
        ("status", "punto,"),
        ("schedule-csv", "punto,"),
        ("agenda-md", "#"),
        ("polls-csv", "Votación (id),"),
    ] {
        let output = taller(
            dir.path(),
            &["export", "ejemplo-taller-ctim", "--format", name],
        );
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(
            !text.is_empty() && text.starts_with(starts),
            "{name}: {text}"
        );
    }
    let output = taller(
        dir.path(),
        &["export", "ejemplo-taller-ctim", "--format", "pdf"],
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("plan, csv, json, status, schedule-csv, agenda-md, polls-csv"),
        "{}",
        stderr(&output)
    );
}
