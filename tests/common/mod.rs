//! Drives the real binary in a pseudo-terminal and reads its screen through a
//! terminal emulator (vt100), as a person would see it.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_taller");
const PATIENCE: Duration = Duration::from_secs(15);

pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program has written to the terminal so far.
    written: Arc<AtomicUsize>,
}

/// A private sessions folder for one test.
pub fn sessions() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

impl Tui {
    pub fn start(sessions: &Path, args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::start_with(sessions, args, cols, rows, &[], None)
    }

    /// With extra environment variables and, optionally, a umask.
    pub fn start_with(
        sessions: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        umask: Option<u32>,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(BIN);
        command.args(args);
        command.env("TALLER_SESSIONS_DIR", sessions);
        command.env("TERM", "xterm-256color");
        command.env("TZ", "UTC");
        command.env_remove("TALLER_LANG");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        command.umask(umask);
        let child = pair.slave.spawn_command(command).expect("taller starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        let written = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&written);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                count.fetch_add(n, Ordering::SeqCst);
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Tui {
            master: pair.master,
            writer,
            child,
            screen,
            written,
        }
    }

    pub fn bytes_written(&self) -> usize {
        self.written.load(Ordering::SeqCst)
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("never saw {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("the terminal takes keys");
        self.writer.flush().unwrap();
        // Keys typed too fast arrive as one read; that is fine, but give the
        // program a moment so each test step reads like a person's.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Types text one character at a time, as from a keyboard.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(c.encode_utf8(&mut [0; 4]));
        }
    }

    /// Bracketed paste, as a terminal sends it.
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the terminal resizes");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Sends a signal to the program (`TERM`, `HUP`, `KILL`…).
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Waits for the program to end; whether it succeeded, and the screen
    /// it left behind.
    pub fn wait_exit_screen(self) -> (bool, String) {
        let screen = Arc::clone(&self.screen);
        let ok = self.wait_exit();
        std::thread::sleep(Duration::from_millis(100));
        let left = screen.lock().unwrap().screen().contents();
        (ok, left)
    }

    /// Waits for the program to end and returns whether it succeeded.
    pub fn wait_exit(mut self) -> bool {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited on") {
                return status.success();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("taller did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

pub fn session_file(sessions: &Path, name: &str) -> PathBuf {
    sessions.join(format!("{name}.json"))
}

pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the session file exists");
    serde_json::from_str(&text).expect("the session file is JSON")
}

pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const RIGHT: &str = "\x1b[C";
