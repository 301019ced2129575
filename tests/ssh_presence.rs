//! Issue 21 over real SSH: `taller serve --headless` on loopback, the
//! facilitator and group 1's rapporteur joined with OpenSSH's own client,
//! each in a pseudo-terminal of 80×24 read through a terminal emulator.
//! Both open the same input and append a sentence; whichever keeps first,
//! both sentences are in the text. While one edits, the other's screen
//! says so beside the input, and it goes when they leave the form, or when
//! their connection drops.
//!
//! Bounded: every wait has a limit, every ssh runs under `timeout`, and
//! the server is stopped by SIGTERM (killed if it ever lingers).

use std::io::{BufRead, Read, Write};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod common;

/// Every wait in this test is bounded by this.
const LIMIT: Duration = Duration::from_secs(15);

/// `taller serve NAME --headless` on a loopback port of its own.
struct Served {
    child: Child,
    addr: SocketAddr,
    printed: String,
    dir: tempfile::TempDir,
}

impl Served {
    fn start() -> Served {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let listen = format!("127.0.0.1:{port}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_taller"))
            .arg("--sessions-dir")
            .arg(dir.path().join("sesiones"))
            .args([
                "serve",
                "en-vivo",
                "--headless",
                "--no-web",
                "--listen",
                &listen,
            ])
            .env("XDG_DATA_HOME", dir.path().join("datos"))
            .env("HOME", dir.path())
            .env("LANG", "es_ES.UTF-8")
            .env_remove("TALLER_LANG")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut printed = String::new();
        let deadline = Instant::now() + LIMIT;
        while !printed.contains("SHA256:") {
            assert!(Instant::now() < deadline, "{printed}");
            let mut line = String::new();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            printed.push_str(&line);
        }
        Served {
            child,
            addr: listen.parse().unwrap(),
            printed,
            dir,
        }
    }

    /// The code printed for `user`.
    fn code(&self, user: &str) -> String {
        let at = format!("{user}@127.0.0.1");
        self.printed
            .lines()
            .find(|l| l.contains(&at))
            .and_then(|l| l.split_whitespace().nth(5))
            .unwrap_or_else(|| panic!("{user}: {}", self.printed))
            .to_string()
    }

    /// SIGTERM (it saves), then the session file as written.
    fn stop(mut self) -> serde_json::Value {
        unsafe { libc_kill(self.child.id() as i32, 15) };
        let deadline = Instant::now() + LIMIT;
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "the server stops on SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
        let file = self.dir.path().join("sesiones").join("en-vivo.json");
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, signal: i32) -> i32;
}

/// One person at OpenSSH's client in a terminal of 80×24.
struct Ssh {
    user: &'static str,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _askpass: tempfile::TempDir,
}

impl Ssh {
    fn join(served: &Served, user: &'static str) -> Ssh {
        Ssh::join_port(served.addr.port(), user, &served.code(user))
    }

    fn join_port(port: u16, user: &'static str, code: &str) -> Ssh {
        use std::os::unix::fs::PermissionsExt;
        let askpass_dir = tempfile::tempdir().unwrap();
        let askpass = askpass_dir.path().join("askpass.sh");
        std::fs::write(&askpass, format!("#!/bin/sh\necho '{code}'\n")).unwrap();
        std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700)).unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new("timeout");
        command.args(["60", "ssh", "-F", "/dev/null", "-tt"]);
        command.args(["-p", &port.to_string()]);
        for option in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "LogLevel=ERROR",
            "PubkeyAuthentication=no",
            "PreferredAuthentications=keyboard-interactive",
            "NumberOfPasswordPrompts=1",
            "ConnectTimeout=5",
        ] {
            command.args(["-o", option]);
        }
        command.arg(format!("{user}@127.0.0.1"));
        command.env("TERM", "xterm-256color");
        command.env("SSH_ASKPASS", askpass.display().to_string());
        command.env("SSH_ASKPASS_REQUIRE", "force");
        command.env("DISPLAY", ":0");
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Ssh {
            user,
            child,
            writer,
            screen,
            _askpass: askpass_dir,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `holds`; its contents then.
    fn until(&self, what: &str, holds: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + LIMIT;
        loop {
            let contents = self.contents();
            if holds(&contents) {
                return contents;
            }
            assert!(
                Instant::now() < deadline,
                "{}'s screen never {what}:\n{contents}",
                self.user
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn shows(&self, text: &str) -> String {
        self.until(&format!("showed {text:?}"), |s| s.contains(text))
    }

    fn lost(&self, text: &str) -> String {
        self.until(&format!("lost {text:?}"), |s| !s.contains(text))
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc alone: a pause after it, so it is not read as the start of a
    /// key's sequence.
    fn esc(&mut self) {
        self.keys("\x1b");
        std::thread::sleep(Duration::from_millis(150));
    }
}

impl Drop for Ssh {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ssh` is there, or the test says why it passes without it.
fn openssh() -> bool {
    let found = Command::new("ssh")
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("skipped: OpenSSH's ssh is not installed (apt-get install openssh-client)");
    }
    found
}

const END: &str = "\x1b[F";

/// Both open input `n` (`first` opening it first, the other told who is
/// editing it), each appends a sentence, and `first` keeps first.
fn both_append(first: &mut Ssh, second: &mut Ssh, n: usize, sentences: [&str; 2]) {
    let editing = |who: &Ssh| format!("{} está editando", who.user);
    first.keys("\r");
    first.shows(&format!("Editar insumo {n}"));
    // Beside the input, on the other screen, while the form is open.
    let seen = second.shows(&format!("✎ {}", editing(first)));
    let row_of = |text: &str| seen.lines().position(|l| l.contains(text));
    let marker = row_of("✎");
    assert!(
        row_of(&format!("│{n}. ")) < marker,
        "under input {n}:\n{seen}"
    );
    if let Some(next) = row_of(&format!("│{}. ", n + 1)) {
        assert!(marker < Some(next), "under input {n}:\n{seen}");
    }
    // Opening it too says who else is in it, and opens it all the same.
    second.keys("\r");
    second.shows(&format!("Editar insumo {n}"));
    second.shows(&format!("{} también", first.user));
    // And whoever was in it first is told who came, under their form.
    first.shows(&format!("{} también", second.user));
    for (who, sentence) in [(&mut *first, sentences[0]), (&mut *second, sentences[1])] {
        who.keys(END);
        who.keys(&format!(" {sentence}"));
        who.shows(sentence);
    }
    first.esc();
    first.lost(&format!("Editar insumo {n}"));
    second.esc();
    second.lost(&format!("Editar insumo {n}"));
    // Both sentences on both screens, and nobody shown editing any more.
    for who in [&*first, &*second] {
        for sentence in sentences {
            who.shows(sentence);
        }
        who.lost("está editando");
    }
}

#[test]
fn two_people_append_to_one_input_in_either_order_and_see_each_other_editing() {
    if !openssh() {
        return;
    }
    let served = Served::start();
    let mut facilitator = Ssh::join(&served, "facilitador");
    let mut rapporteur = Ssh::join(&served, "grupo1");
    rapporteur.shows("Grupo 1 de");
    facilitator.shows("Plenaria de apertura");
    // The facilitator goes to the groups: group 1's page, as the rapporteur's.
    facilitator.keys("2");
    facilitator.shows("Grupo 1 de");

    // Two inputs of group 1, written by its rapporteur.
    for text in ["Primera base.", "Segunda base."] {
        rapporteur.keys("a");
        rapporteur.shows("Nuevo insumo");
        rapporteur.keys(text);
        rapporteur.esc();
        rapporteur.lost("Nuevo insumo");
        facilitator.shows(text);
    }
    // Each on the first input now.
    facilitator.keys("k");
    rapporteur.keys("k");

    // Input 1: the rapporteur keeps first, then the facilitator.
    both_append(
        &mut rapporteur,
        &mut facilitator,
        1,
        ["Frase del grupo.", "Frase de la facilitación."],
    );
    // Input 2: the facilitator keeps first, then the rapporteur.
    facilitator.keys("j");
    rapporteur.keys("j");
    both_append(
        &mut facilitator,
        &mut rapporteur,
        2,
        ["Otra de la facilitación.", "Otra del grupo."],
    );

    // A connection dropped mid-edit leaves no one shown editing.
    rapporteur.keys("\r");
    rapporteur.shows("Editar insumo 2");
    facilitator.shows("✎ grupo1 está editando");
    let _ = rapporteur.child.kill();
    facilitator.lost("está editando");
    drop(rapporteur);
    drop(facilitator);

    let session = served.stop();
    let texts: Vec<String> = session["groups"][0]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| input["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    for (text, words) in texts.iter().zip([
        [
            "Primera base.",
            "Frase del grupo.",
            "Frase de la facilitación.",
        ],
        [
            "Segunda base.",
            "Otra de la facilitación.",
            "Otra del grupo.",
        ],
    ]) {
        for words in words {
            assert!(text.contains(words), "{words:?} not in {text:?}");
        }
    }
}

/// The facilitator at `taller serve`'s own screen (not headless), grupo1
/// over OpenSSH: the local screen is woken by the other's editing and by
/// its end, and the other's by the local one's.
#[test]
fn the_local_facilitators_screen_and_a_rapporteurs_see_each_other_editing() {
    if !openssh() {
        return;
    }
    let sessions = common::sessions();
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("datos");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let env = [
        ("HOME", home.path().to_str().unwrap()),
        ("XDG_DATA_HOME", data.to_str().unwrap()),
        ("LANG", "es_ES.UTF-8"),
    ];
    let mut local = common::Tui::start_with(
        sessions.path(),
        &["serve", "en-vivo", "--no-web", "--listen", &listen],
        80,
        24,
        &env,
        None,
    );
    local.wait_for("Plenaria de apertura");
    // The codes, as `taller codes` prints them for the cards.
    let codes = Command::new(common::BIN)
        .args(["codes", "en-vivo"])
        .env("TALLER_SESSIONS_DIR", sessions.path())
        .envs(env)
        .output()
        .unwrap();
    let codes = String::from_utf8(codes.stdout).unwrap();
    let code = codes
        .lines()
        .find_map(|l| l.strip_prefix("grupo1 "))
        .unwrap_or_else(|| panic!("{codes}"))
        .trim()
        .to_string();
    let mut rapporteur = Ssh::join_port(port, "grupo1", &code);
    rapporteur.shows("Grupo 1 de");
    local.send("2");
    local.wait_for("Grupo 1 de");
    rapporteur.keys("a");
    rapporteur.shows("Nuevo insumo");
    rapporteur.keys("Base local.");
    rapporteur.esc();
    rapporteur.lost("Nuevo insumo");
    local.wait_for("Base local.");

    // The rapporteur edits: the local screen says so, then says who when
    // it opens the same input.
    rapporteur.keys("\r");
    rapporteur.shows("Editar insumo 1");
    local.wait_for("✎ grupo1 está editando");
    local.send(common::ENTER);
    local.wait_for("grupo1 también");
    for (sentence, keys) in [("Frase del grupo.", true), ("Frase local.", false)] {
        if keys {
            rapporteur.keys(END);
            rapporteur.keys(&format!(" {sentence}"));
            rapporteur.shows(sentence);
        } else {
            local.send(END);
            local.type_text(&format!(" {sentence}"));
            local.wait_for(sentence);
        }
    }
    rapporteur.esc();
    rapporteur.lost("Editar insumo 1");
    local.send(common::ESC);
    std::thread::sleep(Duration::from_millis(150));
    let shown = local.wait_for("Frase local.");
    assert!(!shown.contains("Editar insumo"), "{shown}");
    for sentence in ["Base local.", "Frase del grupo.", "Frase local."] {
        rapporteur.shows(sentence);
        local.wait_for(sentence);
    }
    assert!(!local.screen().contains("está editando"));

    // The local facilitator edits: the rapporteur's screen says so, until
    // the form is closed.
    local.send(common::ENTER);
    local.wait_for("Editar insumo 1");
    rapporteur.shows("✎ facilitador está editando");
    local.send(common::ESC);
    rapporteur.lost("está editando");
    drop(rapporteur);
    local.signal("TERM");
    assert!(local.wait_exit());
    let saved = common::read_json(&common::session_file(sessions.path(), "en-vivo"));
    let text = saved["groups"][0]["inputs"][0]["text"]
        .as_str()
        .unwrap_or_default();
    for sentence in ["Base local.", "Frase del grupo.", "Frase local."] {
        assert!(text.contains(sentence), "{sentence:?} not in {text:?}");
    }
}
