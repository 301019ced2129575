//! A whole day of a workshop other than the built-in one (issue 15): the
//! shipped three-group English workshop with a lunch break, in the real
//! binary: groups, clocks moving on through the day, capture, closing,
//! consolidation, and its printable agenda.

mod common;

use common::{ESC, RIGHT, TAB, Tui, read_json, session_file, sessions};

#[test]
fn a_whole_day_of_the_three_group_workshop_with_lunch() {
    let dir = sessions();
    let args = [
        "--lang",
        "en",
        "new",
        "--name",
        "border-day",
        "--workshop",
        "builtin:border",
    ];
    let mut tui = Tui::start(dir.path(), &args, 100, 30);
    tui.wait_for("Welcome and objectives");
    // The clocks: start the first item, then move on through the morning.
    tui.send(" ");
    tui.wait_for("14:5");
    tui.send("n");
    tui.wait_for("The crossings today");
    tui.send("n");
    // The lunch break has a clock and no text but its name.
    let screen = tui.wait_for("Lunch.");
    assert!(
        screen.contains("45:00") || screen.contains("44:5"),
        "{screen}"
    );
    tui.send("n");
    let screen = tui.wait_for("Group 1 of 3");
    assert!(screen.contains("Information sharing"), "{screen}");
    // Capture in two groups; the form's countries are the workshop's.
    tui.send("a");
    tui.wait_for("New input");
    tui.type_text("A shared daily report at each crossing");
    tui.send(TAB);
    tui.wait_for("Lead institution");
    tui.send(TAB);
    tui.wait_for("Costa Rica");
    tui.send("t");
    tui.wait_for("[x] Panama");
    tui.send(ESC);
    tui.wait_for("1 input");
    tui.send(RIGHT);
    tui.wait_for("Group 2 of 3");
    tui.send("a");
    tui.wait_for("New input");
    tui.type_text("Joint procedures for large arrivals");
    tui.send(ESC);
    tui.wait_for("1 input");
    // The closing: three report-backs, then the final step.
    for _ in 0..4 {
        tui.send("n");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    tui.wait_for("Agreeing the list of joint actions");
    tui.send("q");
    assert!(tui.wait_exit(), "q quits cleanly");

    let path = session_file(dir.path(), "border-day");
    let json = read_json(&path);
    assert_eq!(json["workshop"]["id"], "border-coordination");
    assert_eq!(json["workshop"]["opening"]["items"][2]["kind"], "lunch");
    assert_eq!(
        json["groups"][0]["inputs"][0]["action"]["countries"],
        serde_json::json!(["Costa Rica", "Nicaragua", "Panamá"])
    );
    assert_eq!(json["invited_countries"], serde_json::json!(["Colombia"]));
    let timers = &json["schedule"]["timers"];
    for key in [
        "opening/welcome",
        "opening/lunch",
        "breakout/data",
        "report/protection",
        "closing/agreement",
    ] {
        assert!(
            timers[key]["first_started_at"].is_string(),
            "{key} ran: {timers}"
        );
    }

    // Consolidation: the plan keeps the workshop's axes.
    let out = dir.path().join("plan");
    let output = std::process::Command::new(common::BIN)
        .args(["--lang", "en", "consolidate", "border-day.json", "--out"])
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
    assert_eq!(plan["groups"][0]["axis"], "data");
    assert_eq!(plan["groups"][1]["axis"], "response");
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(md.contains("A shared daily report") && md.contains("Joint procedures"));

    // The printable agenda, the lunch break in its place.
    let output = std::process::Command::new(common::BIN)
        .args([
            "--lang",
            "en",
            "export",
            "border-day",
            "--format",
            "agenda-md",
        ])
        .env("TALLER_SESSIONS_DIR", dir.path())
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(output.status.success());
    let agenda = String::from_utf8(output.stdout).unwrap();
    assert!(agenda.contains("| *Lunch* (Lunch) | 45 |"), "{agenda}");
    assert!(
        agenda.contains("### 3. Protection of people in transit"),
        "{agenda}"
    );
}

#[test]
fn workshop_init_check_and_new_from_the_file() {
    let dir = sessions();
    let file = dir.path().join("mine.toml");
    let run = |args: &[&str]| {
        std::process::Command::new(common::BIN)
            .args(args)
            .env("TALLER_SESSIONS_DIR", dir.path().join("sessions"))
            .output()
            .unwrap()
    };
    let f = file.to_str().unwrap();
    let out = run(&["--lang", "en", "workshop", "init", f]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("# Title of the workshop (required)."),
        "{text}"
    );
    assert!(
        !run(&["workshop", "init", f]).status.success(),
        "never replaced"
    );
    let out = run(&["workshop", "check", f]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Broken: a duplicate short name and zero minutes, each with its place.
    let broken = text
        .replace("short = \"operaciones\"", "short = \"inteligencia\"")
        .replace("minutes = 90", "minutes = 0");
    std::fs::write(&file, broken).unwrap();
    let out = run(&["--lang", "en", "workshop", "check", f]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("2 problems"), "{said}");
    assert!(said.contains(&format!("{f}:")), "{said}");
    assert!(
        said.contains("the short name 'inteligencia' is used by another group"),
        "{said}"
    );
    std::fs::write(&file, text.replace("Costa Rica", "Brasil")).unwrap();

    let sessions_dir = dir.path().join("sessions");
    let mut tui = Tui::start(
        &sessions_dir,
        &["new", "--name", "mio", "--workshop", f],
        100,
        30,
    );
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&session_file(&sessions_dir, "mio"));
    assert_eq!(json["workshop"]["countries"]["members"][2], "Brasil");
}

#[test]
fn the_start_screen_offers_the_definitions_of_the_data_folder() {
    let dir = sessions();
    let sessions_dir = dir.path().join("sessions");
    std::fs::create_dir_all(dir.path().join("workshops")).unwrap();
    let border = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/model/workshops/border.en.toml"
    ))
    .unwrap();
    std::fs::write(dir.path().join("workshops/border.toml"), border).unwrap();
    let mut tui = Tui::start(&sessions_dir, &[], 100, 30);
    tui.wait_for("taller (1/2");
    tui.send(RIGHT);
    tui.wait_for("Workshop on inter-agency coordination");
    tui.send("\r");
    tui.wait_for("Nombre de la nueva sesión");
    tui.type_text("frontera");
    tui.send("\r");
    tui.wait_for("Welcome and objectives");
    tui.send("q");
    assert!(tui.wait_exit());
    let json = read_json(&session_file(&sessions_dir, "frontera"));
    assert_eq!(json["workshop"]["id"], "border-coordination");
}
