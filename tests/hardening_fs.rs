//! The real binary against a hostile or careless filesystem: locks held by
//! others, files left by a kill, planted symbolic links, folders others can
//! write, FIFOs and devices where a session should be, and the messages
//! said when a backup or an output path is wrong.

mod common;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Tui, sessions};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

/// The binary without a terminal, stopped (and failed) if it runs past a few
/// seconds, and held to 1 GB of memory so an unbounded read cannot take the machine.
fn taller(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1000000; exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("taller runs");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("taller {args:?} did not finish within 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// The id of a process that has ended (and was reaped), for stale temp files.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

// Item 2: only the holder removes its lock.

#[test]
fn a_failed_open_leaves_the_lock_of_the_holder_alone() {
    let dir = sessions();
    let path = dir.path().join("k.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let holder = Tui::start(dir.path(), &["open", "k"], 100, 30);
    holder.wait_for("Plenaria de apertura");
    let lock = dir.path().join(".k.json.lock");
    assert!(lock.exists());

    // Meanwhile the file is replaced by a newer taller's: a second open fails.
    let newer = EXAMPLE.replace("\"schema_version\": 3", "\"schema_version\": 99");
    std::fs::write(&path, &newer).unwrap();
    let second = taller(dir.path(), &["open", "k"]);
    assert!(!second.status.success());
    assert!(stderr(&second).contains("99"), "{}", stderr(&second));
    assert!(lock.exists(), "the holder's lock file is still there");

    std::fs::write(&path, EXAMPLE).unwrap();
    let third = Tui::start(dir.path(), &["open", "k"], 100, 30);
    let screen = third.wait_for("Plenaria de apertura");
    let screen = if screen.contains("SOLO LECTURA") {
        screen
    } else {
        std::thread::sleep(Duration::from_millis(300));
        third.screen()
    };
    assert!(
        screen.contains("SOLO LECTURA"),
        "a third opener only reads while the first holds it:\n{screen}"
    );
    drop(third);
    drop(holder);
}

#[test]
fn an_open_without_a_terminal_leaves_no_lock_file() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    let output = taller(dir.path(), &["open", "k"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("terminal interactiva"));
    assert!(
        !dir.path().join(".k.json.lock").exists(),
        "nobody holds it, so no lock file stays"
    );
}

// Item 5: temp files of dead processes are cleaned on open.

#[test]
fn stale_temp_files_of_dead_processes_are_removed_on_open() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    let dead = dead_pid();
    let stale = dir.path().join(format!(".k.json.{dead}.tmp"));
    std::fs::write(&stale, EXAMPLE).unwrap();
    // This test's own process is alive: its temp file is never touched.
    let live = dir
        .path()
        .join(format!(".k.json.{}.tmp", std::process::id()));
    std::fs::write(&live, "live").unwrap();
    // A symbolic link of the right name is not ours to remove or follow.
    let target = dir.path().join("target.txt");
    std::fs::write(&target, "target").unwrap();
    let link = dir.path().join(format!(".k.json.{}.tmp", dead_pid()));
    std::os::unix::fs::symlink(&target, &link).unwrap();
    // Other names are left alone.
    let other = dir.path().join(format!(".otra.json.{dead}.tmp"));
    std::fs::write(&other, "other").unwrap();
    let odd = dir.path().join(".k.json.abc.tmp");
    std::fs::write(&odd, "odd").unwrap();

    let mut tui = Tui::start(dir.path(), &["open", "k"], 100, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());

    assert!(!stale.exists(), "a dead process's temp file is cleaned");
    assert!(live.exists(), "a live process's temp file stays");
    assert!(std::fs::symlink_metadata(&link).is_ok(), "a link stays");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "target");
    assert!(other.exists() && odd.exists());
}

// Item 6: no write goes through a planted symbolic link.

#[test]
fn a_symlink_planted_as_the_lock_file_is_refused_not_written_through() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let lock = dir.path().join(".k.json.lock");
    std::os::unix::fs::symlink(&victim, &lock).unwrap();

    let output = taller(dir.path(), &["open", "k"]);
    assert!(!output.status.success());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(mode(&victim), 0o644);
    assert!(
        std::fs::symlink_metadata(&lock)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        stderr(&output).contains(".k.json.lock") && stderr(&output).contains("enlace"),
        "it names the link: {}",
        stderr(&output)
    );

    let tui = Tui::start(dir.path(), &["open", "k"], 100, 30);
    let screen = tui.wait_for(".k.json.lock");
    assert!(screen.contains("enlace simbólico"), "{screen}");
    assert!(!tui.wait_exit());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_symlinked_backups_folder_receives_nothing() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    std::fs::set_permissions(
        dir.path().join("k.json"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.path().join(".taller-backups")).unwrap();

    let mut tui = Tui::start(dir.path(), &["open", "k"], 160, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(" "); // a clock starts: a change, so a save (and a backup first)
    // The save succeeds, but the screen says the backup was not made, and why.
    let screen = tui.wait_for("Guardado sin copia de seguridad");
    assert!(
        screen.contains("taller-backups") && screen.contains("enlace simbólico"),
        "{screen}"
    );
    tui.send(" ");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(
        std::fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "no backup written through the link"
    );
    assert_eq!(mode(&elsewhere), 0o755, "its mode untouched");
    let restore = taller(dir.path(), &["restore", "k"]);
    assert!(!restore.status.success(), "{}", stdout(&restore));
    assert!(
        stderr(&restore).contains("enlace simbólico"),
        "{}",
        stderr(&restore)
    );
    // It names the backups folder, not the session file.
    assert!(
        stderr(&restore).contains(".taller-backups") && !stderr(&restore).contains("k.json:"),
        "{}",
        stderr(&restore)
    );
}

// Item 7: folders others can write; private parents under umask 000.

#[test]
fn a_folder_others_can_write_is_refused_unless_allowed() {
    let dir = sessions();
    let shared = dir.path().join("compartida");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();

    let tui = Tui::start(&shared, &["new", "--name", "x"], 100, 30);
    assert!(!tui.wait_exit(), "refused");
    assert!(!shared.join("x.json").exists());
    let output = taller(&shared, &["--lang", "en", "restore", "x", "1"]);
    assert!(
        stderr(&output).contains("--allow-shared-dir"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("other users"),
        "{}",
        stderr(&output)
    );

    let mut tui = Tui::start(
        &shared,
        &["new", "--name", "x", "--allow-shared-dir"],
        100,
        30,
    );
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(shared.join("x.json").exists());

    // Listing only reads: it works, and warns.
    let list = taller(&shared, &["list"]);
    assert!(list.status.success());
    assert!(
        stderr(&list).contains("--allow-shared-dir"),
        "{}",
        stderr(&list)
    );
}

#[test]
fn missing_parents_of_the_sessions_folder_are_private_under_umask_000() {
    let dir = sessions();
    let folder = dir.path().join("a").join("b").join("sesiones");
    let mut tui = Tui::start_with(&folder, &["new", "--name", "p"], 100, 30, &[], Some(0));
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    for created in [
        dir.path().join("a"),
        dir.path().join("a").join("b"),
        folder.clone(),
    ] {
        assert_eq!(mode(&created), 0o700, "{}", created.display());
    }
}

// Item 8: FIFOs, devices and other non-regular files are never read.

#[test]
fn a_fifo_in_the_folder_does_not_hang_list_or_the_start_screen() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    mkfifo(&dir.path().join("zz.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("cero.json")).unwrap();

    let output = taller(dir.path(), &["list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("zz") && text.contains("FIFO"), "{text}");
    assert!(
        text.contains("cero") && text.contains("dispositivo"),
        "{text}"
    );
    assert!(
        text.contains("ejemplo-taller-ctim") || text.contains("k "),
        "{text}"
    );

    let mut tui = Tui::start(dir.path(), &[], 100, 30);
    tui.wait_for("Nueva sesión");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn importing_or_opening_a_fifo_or_a_device_fails_at_once() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    let fifo = dir.path().join("tubo.json");
    mkfifo(&fifo);
    let zero = dir.path().join("cero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();

    let import = taller(dir.path(), &["import", "k", fifo.to_str().unwrap()]);
    assert!(!import.status.success());
    assert!(stderr(&import).contains("FIFO"), "{}", stderr(&import));
    let export = taller(
        dir.path(),
        &["export", zero.to_str().unwrap(), "--format", "schedule-csv"],
    );
    assert!(!export.status.success());
    assert!(
        stderr(&export).contains("dispositivo"),
        "{}",
        stderr(&export)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("k.json")).unwrap(),
        EXAMPLE
    );

    // A link to a real session file, typed by a person, still opens.
    let link = dir.path().join("enlace.json");
    std::os::unix::fs::symlink(dir.path().join("k.json"), &link).unwrap();
    let export = taller(
        dir.path(),
        &["export", link.to_str().unwrap(), "--format", "schedule-csv"],
    );
    assert!(export.status.success(), "{}", stderr(&export));
}

// Item 14: messages that name the right file and the right action.

#[test]
fn restoring_a_damaged_backup_names_the_backup() {
    let dir = sessions();
    let path = dir.path().join("k.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let copies = dir.path().join(".taller-backups").join("k");
    std::fs::create_dir_all(&copies).unwrap();
    let damaged = copies.join("k.20260101T000000.000Z.json");
    std::fs::write(&damaged, "{ roto").unwrap();

    for (lang, words) in [("es", "dañada"), ("en", "damaged")] {
        let output = taller(dir.path(), &["--lang", lang, "restore", "k", "1"]);
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(message.contains(words), "{message}");
        assert!(
            message.contains("k.20260101T000000.000Z.json"),
            "names the backup: {message}"
        );
        assert!(
            !message.contains("escribir") && !message.contains("write"),
            "{message}"
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn out_at_an_existing_file_says_which_and_what_to_do() {
    let dir = sessions();
    let path = dir.path().join("k.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let file = dir.path().join("plan");
    std::fs::write(&file, "mine").unwrap();
    let folder = dir.path().join("carpeta");
    std::fs::create_dir(&folder).unwrap();

    for (lang, words) in [("es", "carpeta"), ("en", "folder")] {
        let output = taller(
            dir.path(),
            &[
                "--lang",
                lang,
                "consolidate",
                path.to_str().unwrap(),
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(!message.contains("os error"), "{message}");
        assert!(message.contains(file.to_str().unwrap()), "{message}");
        assert!(
            message.contains(words) && message.contains("--out"),
            "{message}"
        );

        let output = taller(
            dir.path(),
            &[
                "--lang",
                lang,
                "export",
                "k",
                "--format",
                "schedule-csv",
                "--out",
                folder.to_str().unwrap(),
            ],
        );
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(!message.contains("os error"), "{message}");
        assert!(message.contains(folder.to_str().unwrap()), "{message}");
        assert!(message.contains("--out"), "{message}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

// Issue 14, second review: --out never replaces what is not a regular file.

#[test]
fn out_at_a_fifo_or_a_link_is_refused_and_left_in_place() {
    let dir = sessions();
    let path = dir.path().join("k.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let fifo = dir.path().join("tubo.csv");
    mkfifo(&fifo);
    let link = dir.path().join("enlace.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();

    for (out, words) in [(&fifo, "FIFO"), (&link, "enlace simbólico")] {
        let output = taller(
            dir.path(),
            &[
                "export",
                "k",
                "--format",
                "schedule-csv",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(message.contains(out.to_str().unwrap()), "{message}");
        assert!(
            message.contains(words) && message.contains("--out"),
            "{message}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");

    // consolidate: the same rule for its three outputs.
    let plans = dir.path().join("planes");
    std::fs::create_dir(&plans).unwrap();
    std::os::unix::fs::symlink(&victim, plans.join("plan.csv")).unwrap();
    let output = taller(
        dir.path(),
        &[
            "--lang",
            "en",
            "consolidate",
            path.to_str().unwrap(),
            "--out",
            plans.to_str().unwrap(),
        ],
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("plan.csv") && stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(!plans.join("plan.md").exists(), "nothing written");

    // A regular file named with --out is replaced, as before.
    let csv = dir.path().join("horario.csv");
    std::fs::write(&csv, "old").unwrap();
    let output = taller(
        dir.path(),
        &[
            "export",
            "k",
            "--format",
            "schedule-csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_ne!(std::fs::read_to_string(&csv).unwrap(), "old");
}

#[test]
fn a_hard_link_planted_as_the_lock_file_is_refused_not_written_through() {
    let dir = sessions();
    std::fs::write(dir.path().join("k.json"), EXAMPLE).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let lock = dir.path().join(".k.json.lock");
    std::fs::hard_link(&victim, &lock).unwrap();

    let output = taller(dir.path(), &["open", "k"]);
    assert!(!output.status.success());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(
        stderr(&output).contains(".k.json.lock") && stderr(&output).contains("enlace duro"),
        "it names the link: {}",
        stderr(&output)
    );

    let tui = Tui::start(dir.path(), &["open", "k"], 100, 30);
    tui.wait_for(".k.json.lock");
    assert!(!tui.wait_exit());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_sticky_shared_folder_or_a_shared_parent_is_refused_unless_allowed() {
    let dir = sessions();
    // Sticky and ours, but others can still plant links in it.
    let sticky = dir.path().join("pegajosa");
    std::fs::create_dir(&sticky).unwrap();
    std::fs::set_permissions(&sticky, std::fs::Permissions::from_mode(0o1777)).unwrap();
    // Private, inside a parent others can write in: it can be swapped.
    let parent = dir.path().join("abierta");
    let inner = parent.join("sesiones");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o777)).unwrap();

    for (folder, named) in [(&sticky, &sticky), (&inner, &parent)] {
        let output = taller(folder, &["--lang", "en", "restore", "x", "1"]);
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(
            message.contains("--allow-shared-dir")
                && message.contains(&format!("folder {} ", named.display())),
            "{message}"
        );
        let tui = Tui::start(folder, &["new", "--name", "x"], 100, 30);
        assert!(!tui.wait_exit(), "refused");
        assert!(!folder.join("x.json").exists());
    }

    let mut tui = Tui::start(
        &inner,
        &["new", "--name", "x", "--allow-shared-dir"],
        100,
        30,
    );
    tui.wait_for("Plenaria de apertura");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(inner.join("x.json").exists());
    std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn a_newer_file_with_a_good_backup_is_said_in_whole_sentences() {
    let dir = sessions();
    let path = dir.path().join("k.json");
    let newer = EXAMPLE.replacen("\"schema_version\": 3", "\"schema_version\": 999", 1);
    std::fs::write(&path, &newer).unwrap();
    let copies = dir.path().join(".taller-backups").join("k");
    std::fs::create_dir_all(&copies).unwrap();
    std::fs::write(copies.join("k.20260101T000000.000Z.json"), EXAMPLE).unwrap();

    for (lang, words) in [("es", "Copia buena"), ("en", "Newest good backup")] {
        let output = taller(
            dir.path(),
            &["--lang", lang, "export", "k", "--format", "schedule-csv"],
        );
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(message.contains(words), "{message}");
        assert!(!message.contains(".."), "{message}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}
