//! A ballot to the room's count, on the real path: `taller serve` (the
//! binary, in its own process) with its SSH server and its ballot page on
//! 127.0.0.1, a facilitator who opens a points poll from the closing
//! plenary (`3`, `V`, Enter), and the room's screen (`sala`) joined over
//! SSH, read with vt100 until its screen changes: the room draws "Votos: N
//! de M" in big letters, and nothing else on its poll screen moves.
//!
//! 1. `ONE_BY_ONE` ballots one after another: from each ballot sent to the
//!    room's screen showing it counted (p50, p99, max).
//! 2. 500 ballots fired at once from 60 other cards (fresh connections):
//!    from the first sent to the room's screen showing all of them, and
//!    from the last answer to it.
//!
//! Everything binds and connects to 127.0.0.1, in a temporary folder; every
//! wait is bounded, and the server is stopped (SIGTERM) at the end.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use russh::{ChannelMsg, client};
use taller::i18n::Lang;
use taller::model::session::Session;
use taller::model::workshop::Workshop;
use uuid::Uuid;

use crate::flood::{self, Shot};
use crate::http_client;
use crate::ssh_client::{self, Client};

const ONE_BY_ONE: usize = 40;
const FLOOD: usize = 500;
const FLOOD_CARDS: usize = 60;
const CARDS: usize = ONE_BY_ONE + FLOOD_CARDS;
/// No wait is longer than this.
const LIMIT: Duration = Duration::from_secs(20);

/// `taller serve` on two loopback ports of its own, in its own folder.
struct Served {
    child: Child,
    ssh: SocketAddr,
    web: SocketAddr,
    printed: String,
    _dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `taller` with its folders in `dir`: no key, code or session of the
/// person running the bench is read or written.
fn taller(binary: &Path, dir: &Path) -> Command {
    let mut command = Command::new(binary);
    command
        .arg("--sessions-dir")
        .arg(dir.join("sesiones"))
        .env("XDG_DATA_HOME", dir.join("datos"))
        .env("HOME", dir)
        .env("LANG", "es_ES.UTF-8")
        .env_remove("TALLER_LANG")
        .env_remove("TALLER_SESSIONS_DIR");
    command
}

impl Served {
    /// A plenary with inputs in every group and `CARDS` ballot cards, served.
    fn start(binary: &Path) -> (Served, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sesiones");
        std::fs::create_dir_all(&sessions).unwrap();
        let now = Timestamp::now();
        let mut session = Session::new("plenaria", Workshop::default_for(Lang::Es).unwrap(), now);
        for group in 0..session.groups.len() {
            for n in 1..=3 {
                session.add_input(group, format!("Propuesta {n} del grupo {}", group + 1), now);
            }
        }
        taller::store::write_atomic(
            &sessions.join("plenaria.json"),
            &taller::store::to_json(&session),
        )
        .unwrap();
        let made = taller(binary, dir.path())
            .args(["tokens", "plenaria", "--per", "person", "--count"])
            .arg(CARDS.to_string())
            .output()
            .unwrap();
        assert!(made.status.success(), "{made:?}");
        // Each line: the label, the token, the link.
        let tokens: Vec<String> = String::from_utf8_lossy(&made.stdout)
            .lines()
            .filter_map(|line| line.split_whitespace().nth(1).map(String::from))
            .collect();
        assert_eq!(tokens.len(), CARDS, "{made:?}");

        let (ssh, web) = (free_port(), free_port());
        let mut child = taller(binary, dir.path())
            .args(["serve", "plenaria", "--headless", "--listen"])
            .arg(format!("127.0.0.1:{ssh}"))
            .arg("--web")
            .arg(format!("127.0.0.1:{web}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut printed = String::new();
        let deadline = Instant::now() + LIMIT;
        while !printed.contains(&format!("127.0.0.1:{web}")) {
            assert!(Instant::now() < deadline, "{printed}");
            let mut line = String::new();
            if out.read_line(&mut line).unwrap() == 0 {
                panic!("taller serve ended: {printed}");
            }
            printed.push_str(&line);
        }
        let served = Served {
            child,
            ssh: format!("127.0.0.1:{ssh}").parse().unwrap(),
            web: format!("127.0.0.1:{web}").parse().unwrap(),
            printed,
            _dir: dir,
        };
        (served, tokens)
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
}

impl Drop for Served {
    fn drop(&mut self) {
        // SIGTERM: the server closes its screens and saves, as a person's ^C.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.child.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A screen joined over SSH, read with vt100.
struct Screen {
    _handle: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
    parser: vt100::Parser,
}

impl Screen {
    async fn join(addr: SocketAddr, user: &str, code: &str) -> Screen {
        let (cols, rows) = (80, 24);
        let (handle, channel) = ssh_client::join(addr, user, code, cols, rows).await;
        Screen {
            _handle: handle,
            channel,
            parser: vt100::Parser::new(rows as u16, cols as u16, 0),
        }
    }

    async fn keys(&mut self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }

    fn shown(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads until the screen shows `text`: when it did, or `None` after
    /// `within`.
    async fn shows(&mut self, text: &str, within: Duration) -> Option<Instant> {
        tokio::time::timeout(within, async {
            loop {
                if self.shown().contains(text) {
                    return Some(Instant::now());
                }
                match self.channel.wait().await {
                    Some(ChannelMsg::Data { data }) => self.parser.process(&data),
                    Some(_) => {}
                    None => return None,
                }
            }
        })
        .await
        .ok()
        .flatten()
    }
}

impl Screen {
    /// Reads until the screen differs from `before`: when it did, or `None`
    /// after `within`. The room draws its count in big letters, which vt100
    /// cannot read back as text; nothing else on the poll's screen moves.
    async fn changes(&mut self, before: &str, within: Duration) -> Option<Instant> {
        tokio::time::timeout(within, async {
            loop {
                match self.channel.wait().await {
                    Some(ChannelMsg::Data { data }) => self.parser.process(&data),
                    Some(_) => {}
                    None => return None,
                }
                if self.shown() != before {
                    return Some(Instant::now());
                }
            }
        })
        .await
        .ok()
        .flatten()
    }

    /// Reads until nothing arrives for `quiet`: when the screen last changed.
    async fn settles(&mut self, quiet: Duration) -> Option<Instant> {
        let mut last = None;
        loop {
            let before = self.shown();
            match self.changes(&before, quiet).await {
                Some(at) => last = Some(at),
                None => return last,
            }
        }
    }
}

fn ballot(token: &str, poll: Uuid, input: Uuid) -> String {
    serde_json::json!({ "token": token, "poll": poll, "points": { input.to_string(): 1 } })
        .to_string()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Measures, and prints what it measured.
pub async fn measure(binary: &Path) {
    let (served, tokens) = Served::start(binary);
    let mut facilitator =
        Screen::join(served.ssh, "facilitador", &served.code("facilitador")).await;
    facilitator.shows("", LIMIT).await;
    // The closing plenary, then the poll chooser, then its first kind
    // (points) with its defaults.
    facilitator.keys(b"3").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    facilitator.keys(b"V").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    facilitator.keys(b"\r").await;
    let deadline = Instant::now() + LIMIT;
    let poll = loop {
        let answer = http_client::get(served.web, "/api/poll").await;
        if answer.status == 200 {
            break answer.json();
        }
        assert!(
            Instant::now() < deadline,
            "no poll opened: {}",
            facilitator.shown()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let id: Uuid = poll["id"].as_str().unwrap().parse().unwrap();
    let input: Uuid = poll["inputs"][0]["id"].as_str().unwrap().parse().unwrap();

    let mut room = Screen::join(served.ssh, "sala", &served.code("sala")).await;
    assert!(
        room.shows("Votación", LIMIT).await.is_some(),
        "the room shows the poll: {}",
        room.shown()
    );
    room.settles(Duration::from_millis(500)).await;

    // 1. One by one: each ballot redraws the room's count, and only it.
    let mut took = Vec::new();
    for (k, token) in tokens[..ONE_BY_ONE].iter().enumerate() {
        let before = room.shown();
        let started = Instant::now();
        let answer = http_client::post(served.web, "/api/ballot", &ballot(token, id, input)).await;
        assert_eq!(answer.status, 201, "{}", answer.body);
        let shown = room
            .changes(&before, Duration::from_secs(5))
            .await
            .unwrap_or_else(|| panic!("the room counts {}: {}", k + 1, room.shown()));
        took.push(shown - started);
        // The count's frame is whole before the next ballot.
        room.settles(Duration::from_millis(100)).await;
    }
    let cast = http_client::get(served.web, "/api/poll").await.json()["cast"].clone();
    assert_eq!(cast, serde_json::json!(ONE_BY_ONE));
    took.sort();
    let at = |q: usize| ms(took[(took.len() * q).div_ceil(100).saturating_sub(1)]);
    println!(
        "room: {ONE_BY_ONE} ballots one by one, sent to the room's screen (sala over SSH, taller serve) \
         showing the new count: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(50),
        at(99),
        at(100)
    );

    // 2. 500 at once from the other 60 cards.
    let shots: Vec<Shot> = (0..FLOOD)
        .map(|n| {
            let card = ONE_BY_ONE + n % FLOOD_CARDS;
            Shot {
                card,
                body: ballot(&tokens[card], id, input),
            }
        })
        .collect();
    let web = served.web;
    let started = Instant::now();
    let fired = tokio::spawn(async move {
        let answers = flood::fresh(web, shots).await;
        (answers, Instant::now())
    });
    // The room's last redraw: the count with every card in it.
    let all = room
        .settles(Duration::from_secs(2))
        .await
        .unwrap_or_else(|| panic!("the room counts every card: {}", room.shown()));
    let (answers, answered) = fired.await.unwrap();
    let recorded = answers.iter().filter(|(status, _)| *status == 201).count();
    assert_eq!(recorded, FLOOD_CARDS, "exactly one ballot per card");
    let cast = http_client::get(served.web, "/api/poll").await.json()["cast"].clone();
    assert_eq!(cast, serde_json::json!(CARDS));
    let mut times: Vec<Duration> = answers.iter().map(|(_, t)| *t).collect();
    times.sort();
    let at = |q: usize| ms(times[(times.len() * q).div_ceil(100).saturating_sub(1)]);
    println!(
        "room: {FLOOD} ballots at once from {FLOOD_CARDS} cards, the facilitator's and the room's \
         screens following: {recorded} recorded, answer p50 {:.1} ms, p99 {:.1} ms; the room's screen \
         showed all {CARDS} {:.1} ms after the first was sent ({:+.1} ms from the last answer)",
        at(50),
        at(99),
        ms(all - started),
        (all.duration_since(started).as_secs_f64()
            - answered.duration_since(started).as_secs_f64())
            * 1000.0
    );
    drop(room);
    drop(facilitator);
    drop(served);
}
