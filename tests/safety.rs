//! Never lose a word: the real binary killed, hung up on, crashed, run
//! twice on one session and under the most open umask.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::{ENTER, ESC, TAB, Tui, read_json, session_file, sessions};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Small, reproducible pseudo-random delays (no dependency for a test).
struct Delays(u64);

impl Delays {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn killed_at_random_moments_while_saving_the_file_always_parses() {
    let dir = sessions();
    let mut delays = Delays(0x7a11e5);
    let mut tui = Tui::start(dir.path(), &["new", "--name", "matar"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    let path = session_file(dir.path(), "matar");
    let mut seen_inputs = 0;
    for round in 0..12 {
        let mut tui = Tui::start(dir.path(), &["open", "matar"], 100, 30);
        tui.wait_for("Plenaria de apertura");
        tui.send(TAB);
        // Saves in quick succession: each input is a save, each clock key too.
        let started = Instant::now();
        let deadline = Duration::from_millis(100 + delays.next_ms(400));
        let mut n = 0;
        while started.elapsed() < deadline {
            tui.send("a");
            tui.type_text(&format!("ronda {round} insumo {n} — acción regional"));
            tui.send(ESC);
            tui.send("+");
            n += 1;
        }
        tui.signal("KILL");
        let _ = tui.wait_exit();
        let json = read_json(&path);
        assert_eq!(
            json["format"], "taller-session",
            "round {round}: the file always parses"
        );
        let inputs = json["groups"][0]["inputs"].as_array().unwrap().len();
        assert!(
            inputs >= seen_inputs,
            "round {round}: nothing saved earlier was lost"
        );
        seen_inputs = inputs;
        let leftovers: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(
            leftovers.len() <= 1,
            "at most the temp file of the killed write: {leftovers:?}"
        );
    }
    assert!(seen_inputs > 0);
}

#[test]
fn a_hang_up_while_typing_keeps_the_text() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "colgar"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("La terminal se cerró a mitad de frase, sin Esc");
    tui.wait_for("sin Esc");
    tui.signal("HUP");
    assert!(tui.wait_exit(), "SIGHUP saves and exits cleanly");
    let json = read_json(&session_file(dir.path(), "colgar"));
    assert_eq!(
        json["groups"][0]["inputs"][0]["text"],
        "La terminal se cerró a mitad de frase, sin Esc"
    );
}

#[test]
fn a_draft_is_on_disk_within_two_seconds_without_leaving_the_editor() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "borrador"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Texto que nadie ha guardado a mano");
    std::thread::sleep(Duration::from_millis(2000));
    let json = read_json(&session_file(dir.path(), "borrador"));
    assert_eq!(
        json["groups"][0]["inputs"][0]["text"],
        "Texto que nadie ha guardado a mano"
    );
    tui.signal("KILL");
}

#[test]
fn files_and_folders_are_private_under_umask_000() {
    let dir = sessions();
    let folder = dir.path().join("nuevas");
    let mut tui = Tui::start_with(
        &folder,
        &["new", "--name", "privada"],
        100,
        30,
        &[],
        Some(0),
    );
    tui.wait_for("Plenaria de apertura");
    tui.send(" ");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(mode(&folder), 0o700, "sessions folder");
    assert_eq!(
        mode(&session_file(&folder, "privada")),
        0o600,
        "session file"
    );
    let backups = folder.join(".taller-backups");
    assert_eq!(mode(&backups), 0o700, "backups folder");
    for copy in std::fs::read_dir(backups.join("privada")).unwrap() {
        assert_eq!(mode(&copy.unwrap().path()), 0o600, "backup copy");
    }
}

#[test]
fn a_second_instance_opens_read_only_until_the_first_dies() {
    let dir = sessions();
    let first = Tui::start(dir.path(), &["new", "--name", "compartida"], 100, 30);
    first.wait_for("Plenaria de apertura");
    let mut second = Tui::start(dir.path(), &["open", "compartida"], 100, 30);
    // Wait for the holder's pid, not the header: the header can be drawn a
    // moment before the line that names the holder.
    let screen = second.wait_for(&first.pid().to_string());
    assert!(screen.contains("SOLO LECTURA"), "it says so:\n{screen}");
    second.send(TAB);
    second.send("a");
    second.wait_for("Solo lectura: la usa el proceso");
    second.send("q");
    assert!(second.wait_exit());

    first.signal("KILL");
    let _ = first.wait_exit();
    let third = Tui::start(dir.path(), &["open", "compartida"], 100, 30);
    let screen = third.wait_for("Plenaria de apertura");
    assert!(
        !screen.contains("SOLO LECTURA"),
        "a dead holder's lock is gone:\n{screen}"
    );
}

/// The crash is simulated by debug builds only.
#[cfg(debug_assertions)]
#[test]
fn a_crash_writes_a_recovery_file_with_the_text_being_typed() {
    let dir = sessions();
    let env = [("TALLER_TEST_PANIC", "1")];
    let mut tui = Tui::start_with(dir.path(), &["new", "--name", "fallo"], 100, 30, &env, None);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Conclusión escrita justo antes del fallo");
    tui.send("\x1b[24~"); // F12
    assert!(!tui.wait_exit(), "a crash exits with an error");
    let recovered: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("fallo.recuperado-"))
        .collect();
    assert_eq!(recovered.len(), 1, "one recovery file");
    let json = read_json(&recovered[0]);
    assert_eq!(
        json["groups"][0]["inputs"][0]["text"],
        "Conclusión escrita justo antes del fallo"
    );
    assert_eq!(mode(&recovered[0]), 0o600);
}

/// A panic in another thread (a served person's screen) leaves the local
/// screen as it was: still raw, still drawing, keys still answered.
#[cfg(debug_assertions)]
#[test]
fn a_crash_in_another_thread_leaves_the_screen_working() {
    let dir = sessions();
    let env = [("TALLER_TEST_PANIC", "1")];
    let mut tui = Tui::start_with(dir.path(), &["new", "--name", "sigue"], 100, 30, &env, None);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.send("\x1b[23~"); // F11
    // Out of raw mode, `a` would wait for a line feed and never arrive.
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Después del fallo ajeno");
    tui.send("\x1b");
    tui.wait_for("Después del fallo ajeno");
    tui.send("q");
    assert!(tui.wait_exit(), "it leaves as usual");
    let json = read_json(&dir.path().join("sigue.json"));
    assert_eq!(
        json["groups"][0]["inputs"][0]["text"],
        "Después del fallo ajeno"
    );
}

#[test]
fn a_wrong_delete_is_undone_after_quitting_with_restore() {
    let dir = sessions();
    let run = |keys: &[&str]| {
        let mut tui = Tui::start(dir.path(), &["open", "copias"], 100, 30);
        tui.wait_for("Plenaria de apertura");
        tui.send(TAB);
        for key in keys {
            tui.send(key);
        }
        tui.send("q");
        assert!(tui.wait_exit());
    };
    let mut tui = Tui::start(dir.path(), &["new", "--name", "copias"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    run(&["a", "insumo valioso", ESC]);
    run(&["d", ENTER]);
    let path = session_file(dir.path(), "copias");
    assert!(
        read_json(&path)["groups"][0]["inputs"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let taller = |args: &[&str]| {
        std::process::Command::new(common::BIN)
            .args(args)
            .env("TALLER_SESSIONS_DIR", dir.path())
            .output()
            .unwrap()
    };
    let listing = taller(&["restore", "copias"]);
    let text = String::from_utf8_lossy(&listing.stdout).into_owned();
    assert!(
        text.contains("  1  ") && text.contains("1 insumo"),
        "{text}"
    );
    let restored = taller(&["restore", "copias", "1"]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert_eq!(
        read_json(&path)["groups"][0]["inputs"][0]["text"],
        "insumo valioso"
    );

    std::fs::write(&path, "{ roto").unwrap();
    let damaged = taller(&["list"]);
    assert!(String::from_utf8_lossy(&damaged.stdout).contains("no se puede abrir"));
    let open = Tui::start(dir.path(), &["open", "copias"], 100, 30);
    assert!(!open.wait_exit());
    let output = taller(&["export", "copias", "--format", "schedule-csv"]);
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        message.contains("taller restore \"copias\" 1"),
        "a damaged file offers its newest good copy: {message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{ roto",
        "never overwritten"
    );
}

#[test]
fn a_read_only_second_instance_follows_the_writer_live() {
    let dir = sessions();
    let mut writer = Tui::start(dir.path(), &["new", "--name", "en-vivo"], 100, 30);
    writer.wait_for("Plenaria de apertura");
    let mut reader = Tui::start(dir.path(), &["open", "en-vivo"], 100, 30);
    reader.wait_for(&writer.pid().to_string());
    reader.send(TAB);
    reader.wait_for("Grupo 1 de 5");
    writer.send(TAB);
    writer.send("a");
    writer.wait_for("Nuevo insumo");
    writer.type_text("Acción escrita en la otra terminal");
    writer.send(ESC);
    writer.wait_for("1 insumo");
    // Within about a second the reader shows it, without a key pressed.
    let started = Instant::now();
    reader.wait_for("Acción escrita en la otra terminal");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "followed in {:?}",
        started.elapsed()
    );
    writer.send("q");
    assert!(writer.wait_exit());
    reader.send("q");
    let _ = reader.wait_exit();
}
