//! taller's SSH transport end to end on loopback, with a small fake live
//! session: russh's client (and OpenSSH's, when installed) joins, screens
//! are read with a terminal emulator (vt100).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyModifiers};
use jiff::Timestamp;
use ratatui::widgets::Paragraph;
use russh::ChannelMsg;
use russh::client::{self, KeyboardInteractiveAuthResponse};
use ssh_client::{Client, connect};
use taller::app::Msg;
use taller::i18n::Lang;
use taller::shell::live::{Flow, Format, Live, Role, Screen};
use taller::shell::ssh::{ServeConfig, Server, codes, host_key};
use taller::ui::Canvas;
use tokio::sync::{oneshot, watch};

#[path = "support/ssh_client.rs"]
mod ssh_client;

/// Every wait in these tests is bounded by this.
const LIMIT: Duration = Duration::from_secs(10);

struct FakeLive {
    revision: watch::Sender<u64>,
    screens: Arc<AtomicUsize>,
    /// Fill the whole screen with the revision (large frames).
    fill: bool,
}

struct FakeScreen {
    role: Role,
    lang: Lang,
    revision: watch::Receiver<u64>,
    last_key: String,
    pasted: usize,
    screens: Arc<AtomicUsize>,
    fill: bool,
}

impl Drop for FakeScreen {
    fn drop(&mut self) {
        self.screens.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Screen for FakeScreen {
    fn handle(&mut self, msg: Msg, _now: Timestamp) -> Flow {
        match msg {
            Msg::Key(key) if key.code == KeyCode::Char('q') => return Flow::Leave,
            Msg::Key(key) if key.code == KeyCode::Char('P') => {
                panic!("a failing screen (on purpose)")
            }
            Msg::Key(key)
                if key.code == KeyCode::Char('d') && key.modifiers == KeyModifiers::CONTROL =>
            {
                return Flow::Leave;
            }
            Msg::Key(key) => self.last_key = format!("{:?}", key.code),
            Msg::Paste(text) => self.pasted = text.len(),
            // Taken: the shell wakes it for the next revision only.
            Msg::Changed => {
                self.revision.borrow_and_update();
            }
            _ => {}
        }
        Flow::Continue
    }

    fn draw(&mut self, frame: &mut Canvas) {
        let area = frame.area();
        let revision = *self.revision.borrow();
        let text = if self.fill {
            format!("{revision:06} ").repeat(usize::from(area.width) * usize::from(area.height) / 7)
        } else {
            format!(
                "Taller de prueba\nrol {:?} idioma {:?}\ntamaño {}x{}\nrevision {revision}\ntecla {}\npegado {}",
                self.role, self.lang, area.width, area.height, self.last_key, self.pasted
            )
        };
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: false }),
            area,
        );
    }

    fn wake_at(&self) -> Option<Timestamp> {
        None
    }

    fn revisions(&self) -> Option<watch::Receiver<u64>> {
        Some(self.revision.clone())
    }
}

impl Live for FakeLive {
    fn groups(&self) -> Vec<(String, usize, String)> {
        vec![
            ("inteligencia".into(), 1, "Inteligencia".into()),
            ("operaciones".into(), 2, "Operaciones".into()),
            ("detencion".into(), 3, "Detención".into()),
        ]
    }

    fn join(&self, role: Role, lang: Lang) -> Box<dyn Screen> {
        self.screens.fetch_add(1, Ordering::SeqCst);
        Box::new(FakeScreen {
            role,
            lang,
            revision: self.revision.subscribe(),
            last_key: String::new(),
            pasted: 0,
            screens: Arc::clone(&self.screens),
            fill: self.fill,
        })
    }

    fn document(&self, document: Format, _lang: Lang) -> String {
        format!("# Plan de trabajo ({document:?})\n\n- Acción regional 1\n")
    }
}

struct Running {
    addr: SocketAddr,
    codes: codes::Codes,
    live: Arc<FakeLive>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
    _dir: tempfile::TempDir,
}

impl Running {
    fn code(&self, name: &str) -> String {
        self.codes
            .for_user(name, &self.live.groups())
            .unwrap()
            .to_string()
    }

    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(LIMIT, self.done)
            .await
            .unwrap()
            .unwrap();
    }
}

async fn start(fill: bool, tune: impl FnOnce(&mut ServeConfig)) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let key = host_key::load_or_create(dir.path()).unwrap();
    let (revision, _) = watch::channel(0);
    let live = Arc::new(FakeLive {
        revision,
        screens: Arc::default(),
        fill,
    });
    let codes = codes::load_or_create(&dir.path().join("taller.json"), &live.groups()).unwrap();
    let mut config = ServeConfig::new(key, codes.clone(), Lang::Es);
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.follow(dir.path().join("taller.json"));
    config.wrong_code_delay = Duration::from_millis(200);
    tune(&mut config);
    let server = Server::bind(config).await.unwrap();
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let serving: Arc<dyn Live> = live.clone();
    let done = tokio::spawn(server.run(serving, async {
        let _ = stopped.await;
    }));
    Running {
        addr,
        codes,
        live,
        stop: Some(stop),
        done,
        _dir: dir,
    }
}

/// Joins with a code through keyboard-interactive, asked for in words;
/// whether it was taken.
async fn join(handle: &mut client::Handle<Client>, user: &str, code: &str) -> bool {
    let (prompt, taken) = ssh_client::sign_in(handle, user, code).await;
    let prompt = prompt.expect("a prompt for the code");
    assert!(prompt.starts_with("Codigo de "), "{prompt:?}");
    taken
}

/// Reads the channel into a terminal emulator until `done` says so.
async fn read_until(
    channel: &mut russh::Channel<client::Msg>,
    screen: &mut vt100::Parser,
    mut done: impl FnMut(&vt100::Parser) -> bool,
) {
    tokio::time::timeout(LIMIT, async {
        while !done(screen) {
            match channel.wait().await {
                Some(ChannelMsg::Data { data }) => screen.process(&data),
                Some(_) => {}
                None => panic!(
                    "the channel closed; screen:\n{}",
                    screen.screen().contents()
                ),
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("timed out; screen:\n{}", screen.screen().contents()));
}

/// The exit status and everything written, until the channel closes.
async fn until_closed(channel: &mut russh::Channel<client::Msg>) -> (Option<u32>, Vec<u8>) {
    let mut status = None;
    let mut out = Vec::new();
    tokio::time::timeout(LIMIT, async {
        while let Some(message) = channel.wait().await {
            match message {
                ChannelMsg::Data { data } => out.extend_from_slice(&data),
                ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                _ => {}
            }
        }
    })
    .await
    .expect("the channel closes");
    (status, out)
}

#[tokio::test]
async fn a_right_code_gets_a_screen_that_resizes_and_leaves_cleanly() {
    let server = start(false, |_| {}).await;
    let mut wrong = connect(server.addr, client::Config::default()).await;
    assert!(
        !join(&mut wrong, "grupo3", "AAAA-AAAA").await,
        "a wrong code is refused"
    );
    drop(wrong);

    let mut handle = connect(server.addr, client::Config::default()).await;
    assert!(
        join(
            &mut handle,
            "detencion",
            &server.code("grupo3").to_lowercase()
        )
        .await
    );
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.set_env(false, "LANG", "en_US.UTF-8").await.unwrap();
    channel
        .request_pty(false, "xterm-256color", 60, 20, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(20, 60, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 60x20")
    })
    .await;
    let text = screen.screen().contents();
    assert!(text.contains("Taller de prueba"), "{text}");
    assert!(
        text.contains("Rapporteur { axis: \"detencion\" }"),
        "{text}"
    );
    assert!(text.contains("idioma En"), "the client's LANG: {text}");
    assert!(screen.screen().alternate_screen());

    // The window grows: the screen is drawn at the new size.
    channel.window_change(100, 30, 0, 0).await.unwrap();
    screen.screen_mut().set_size(30, 100);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 100x30")
    })
    .await;

    // A client saying 0x0 is drawn at the smallest size, not at none.
    channel.window_change(0, 0, 0, 0).await.unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 20x6")
    })
    .await;
    channel.window_change(100, 30, 0, 0).await.unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 100x30")
    })
    .await;

    // Keys from the raw bytes, an arrow split across packets, a paste.
    channel.data(&b"\x1b["[..]).await.unwrap();
    channel.data(&b"A"[..]).await.unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tecla Up")
    })
    .await;
    channel
        .data(&b"\x1b[200~Acci\xc3\xb3n\x1b[201~"[..])
        .await
        .unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("pegado 7")
    })
    .await;
    // Ctrl+C is a key like any other: the screen stays.
    channel.data(&b"\x03"[..]).await.unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tecla Char('c')")
    })
    .await;

    // A revision of the session redraws the screen.
    server.live.revision.send_replace(7);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("revision 7")
    })
    .await;

    channel.data(&b"q"[..]).await.unwrap();
    let (status, rest) = until_closed(&mut channel).await;
    screen.process(&rest);
    assert_eq!(status, Some(0));
    assert!(
        !screen.screen().alternate_screen(),
        "the main screen is back"
    );
    assert!(!screen.screen().hide_cursor(), "the cursor is shown");
    assert!(!screen.screen().bracketed_paste(), "bracketed paste is off");
    assert_eq!(server.live.screens.load(Ordering::SeqCst), 0);
    server.stop().await;
}

#[tokio::test]
async fn documents_over_exec_and_nothing_else() {
    let server = start(false, |_| {}).await;
    let mut handle = connect(server.addr, client::Config::default()).await;
    let code = server.code("facilitador");
    assert!(
        handle
            .authenticate_password("facilitador", code)
            .await
            .unwrap()
            .success(),
        "a client that only offers passwords joins too"
    );
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.exec(true, "plan").await.unwrap();
    let (status, out) = until_closed(&mut channel).await;
    assert_eq!(status, Some(0));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "# Plan de trabajo (Plan)\n\n- Acción regional 1\n"
    );

    let mut channel = handle.channel_open_session().await.unwrap();
    channel.exec(true, "cat /etc/passwd").await.unwrap();
    let (status, out) = until_closed(&mut channel).await;
    assert_eq!(status, Some(1));
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("plan, csv, json, status, schedule-csv, agenda-md o polls-csv"),
        "{out}"
    );

    // No terminal: one line saying how to join, and the channel closes.
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.request_shell(true).await.unwrap();
    let (status, out) = until_closed(&mut channel).await;
    assert_eq!(status, Some(1));
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("ssh -t -p"), "{out}");
    assert_eq!(out.lines().count(), 1);

    // Subsystems (SFTP), agents and other variables are refused; language is taken.
    let mut channel = handle.channel_open_session().await.unwrap();
    let mut replies = Vec::new();
    channel.request_subsystem(true, "sftp").await.unwrap();
    channel
        .set_env(true, "LD_PRELOAD", "/tmp/x.so")
        .await
        .unwrap();
    channel.set_env(true, "LANG", "es_MX.UTF-8").await.unwrap();
    channel.agent_forward(true).await.unwrap();
    tokio::time::timeout(LIMIT, async {
        while replies.len() < 4 {
            match channel.wait().await {
                Some(ChannelMsg::Success) => replies.push(true),
                Some(ChannelMsg::Failure) => replies.push(false),
                Some(_) => {}
                None => break,
            }
        }
    })
    .await
    .unwrap();
    assert_eq!(replies, [false, false, true, false]);

    // No port forwarding either way.
    let direct = tokio::time::timeout(
        LIMIT,
        handle.channel_open_direct_tcpip(
            "127.0.0.1",
            u32::from(server.addr.port()),
            "127.0.0.1",
            0,
        ),
    )
    .await
    .unwrap();
    assert!(direct.is_err(), "a direct-tcpip channel is refused");
    let forward = tokio::time::timeout(LIMIT, handle.tcpip_forward("127.0.0.1", 0))
        .await
        .unwrap();
    assert!(forward.is_err(), "a remote forward is refused");
    server.stop().await;
}

#[tokio::test]
async fn unknown_names_and_repeated_wrong_codes_are_refused() {
    let server = start(false, |_| {}).await;
    let mut handle = connect(server.addr, client::Config::default()).await;
    let asked = handle
        .authenticate_keyboard_interactive_start("root", None)
        .await
        .unwrap();
    let KeyboardInteractiveAuthResponse::InfoRequest { instructions, .. } = asked else {
        panic!("{asked:?}");
    };
    assert!(
        instructions.contains("facilitador, grupo1"),
        "{instructions}"
    );
    let answer = handle
        .authenticate_keyboard_interactive_respond(vec![server.code("facilitador")])
        .await
        .unwrap();
    assert!(!matches!(answer, KeyboardInteractiveAuthResponse::Success));
    // A few wrong codes, and the connection takes no more.
    for _ in 0..3 {
        let taken = handle
            .authenticate_password("sala", "0000-0000")
            .await
            .map(|r| r.success())
            .unwrap_or(false);
        assert!(!taken);
    }
    let after = handle
        .authenticate_password("sala", server.code("sala"))
        .await
        .map(|r| r.success())
        .unwrap_or(false);
    assert!(
        !after,
        "no more tries on this connection, even with the right code"
    );
    server.stop().await;
}

/// `n` connections from this address, each at grupo1's code prompt.
async fn at_the_prompt(addr: SocketAddr, n: usize) -> Vec<client::Handle<Client>> {
    let mut handles = Vec::new();
    for _ in 0..n {
        let mut handle = connect(addr, client::Config::default()).await;
        let asked = handle
            .authenticate_keyboard_interactive_start("grupo1", None)
            .await
            .unwrap();
        assert!(matches!(
            asked,
            KeyboardInteractiveAuthResponse::InfoRequest { .. }
        ));
        handles.push(handle);
    }
    handles
}

/// Wrong codes from many connections of one address at once take that
/// address's turns one after the other: a few are checked, the rest are
/// asked again and told in words how long to wait. The next person from
/// that address is told the wait at the prompt, and the right code typed
/// at once is checked when the turn comes, not refused.
#[tokio::test]
async fn parallel_wrong_codes_wait_their_turn_and_the_wait_is_said() {
    // Waits in fifths of a second (up to 6 s) instead of seconds.
    let server = start(false, |config| {
        config.backoff_unit = Duration::from_millis(200);
        // Twenty connections from one address (above its usual cap),
        // all at the prompt at once.
        config.limits.per_address = 32;
        config.limits.waiting_per_address = 32;
    })
    .await;
    let handles = at_the_prompt(server.addr, 20).await;
    // Twenty wrong answers at once.
    let mut answering = tokio::task::JoinSet::new();
    for mut handle in handles {
        answering.spawn(async move {
            let answer = handle
                .authenticate_keyboard_interactive_respond(vec!["0000-0000".into()])
                .await
                .unwrap();
            (handle, answer)
        });
    }
    let answers = tokio::time::timeout(LIMIT, answering.join_all())
        .await
        .expect("every answer in time");
    let mut checked = 0;
    let mut told = 0;
    for (_, answer) in answers {
        match answer {
            KeyboardInteractiveAuthResponse::Failure { .. } => checked += 1,
            KeyboardInteractiveAuthResponse::InfoRequest { instructions, .. } => {
                assert!(
                    instructions.contains("espere ") && instructions.contains(" segundos"),
                    "{instructions:?}"
                );
                told += 1;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!((1..=8).contains(&checked), "{checked} checked at once");
    assert_eq!(checked + told, 20);

    let mut handle = connect(server.addr, client::Config::default()).await;
    let asked = handle
        .authenticate_keyboard_interactive_start("grupo1", None)
        .await
        .unwrap();
    let KeyboardInteractiveAuthResponse::InfoRequest { instructions, .. } = asked else {
        panic!("{asked:?}");
    };
    assert!(instructions.contains("espere "), "{instructions:?}");
    let answer = tokio::time::timeout(
        LIMIT,
        handle.authenticate_keyboard_interactive_respond(vec![server.code("grupo1")]),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(
        matches!(answer, KeyboardInteractiveAuthResponse::Success),
        "{answer:?}"
    );
    server.stop().await;
}

/// A code typed at OpenSSH's password prompt (no words of ours there)
/// while other connections from the same address hold every turn within
/// reach: it waits for its turn and is checked then, not refused unchecked.
#[tokio::test]
async fn a_password_typed_while_the_turns_are_held_is_checked_at_its_turn() {
    // Waits in quarters of a second (up to 7.5 s) instead of seconds: the
    // eight turns taken reach 7.75 s, so for the first quarter second no
    // further turn is within reach.
    let server = start(false, |config| {
        config.backoff_unit = Duration::from_millis(250);
        config.limits.per_address = 32;
        config.limits.waiting_per_address = 32;
    })
    .await;
    let handles = at_the_prompt(server.addr, 12).await;
    let mut typing = connect(server.addr, client::Config::default()).await;
    // Twelve wrong answers at once hold the turns within reach.
    let mut answering = tokio::task::JoinSet::new();
    for mut handle in handles {
        answering.spawn(async move {
            let _ = handle
                .authenticate_keyboard_interactive_respond(vec!["0000-0000".into()])
                .await;
            Some(handle)
        });
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = std::time::Instant::now();
    let answer = tokio::time::timeout(
        Duration::from_secs(15),
        typing.authenticate_password("grupo1", server.code("grupo1")),
    )
    .await
    .expect("checked in time")
    .unwrap();
    assert!(answer.success(), "{answer:?}");
    assert!(
        started.elapsed() >= Duration::from_secs(5),
        "it waited for its turn: {:?}",
        started.elapsed()
    );
    let _ = tokio::time::timeout(LIMIT, answering.join_all()).await;
    server.stop().await;
}

/// A TCP connection to `server` from the loopback address `from`
/// (127.0.0.x: each is another "laptop" to the server).
async fn tcp_from(from: [u8; 4], server: SocketAddr) -> tokio::net::TcpStream {
    assert_eq!(from[0], 127, "loopback only");
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((from, 0))).unwrap();
    tokio::time::timeout(LIMIT, socket.connect(server))
        .await
        .unwrap()
        .unwrap()
}

/// Joins as grupo1 from the loopback address `from`, within the limit.
async fn joins_from(from: [u8; 4], server: &Running) -> bool {
    let stream = tcp_from(from, server.addr).await;
    let mut handle = ssh_client::connect_over(stream, client::Config::default()).await;
    tokio::time::timeout(LIMIT, join(&mut handle, "grupo1", &server.code("grupo1")))
        .await
        .expect("joined in time")
}

/// Whether the server closes `stream` within `within` (after its greeting).
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buffer = [0u8; 256];
    tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}

/// Idle TCP connections (nothing sent, as a flood would) from one address,
/// then from several: one address holds only its cap, others still join;
/// when strangers fill their share, an address that joined before gets in;
/// crowded, idle ones are let go within a second or so (not after the
/// two-minute join window) until it is no longer crowded, and a newcomer
/// gets in again.
#[tokio::test]
async fn a_flood_of_idle_connections_does_not_keep_people_out() {
    use taller::shell::admission::Limits;
    let server = start(false, |config| {
        config.limits = Limits {
            total: 12,
            per_address: 3,
            waiting_per_address: 3,
            kept_for_known: 4,
            idle_when_crowded: Duration::from_millis(300),
        }
    })
    .await;
    // 127.0.0.1 has joined before.
    assert!(joins_from([127, 0, 0, 1], &server).await);

    // One address floods: 100 connections, 3 kept, the rest closed at once.
    let started = std::time::Instant::now();
    let mut flood = Vec::new();
    for _ in 0..100 {
        flood.push(tcp_from([127, 0, 0, 2], server.addr).await);
    }
    let mut kept = Vec::new();
    for mut stream in flood {
        if !closed_within(&mut stream, Duration::from_millis(100)).await {
            kept.push(stream);
        }
    }
    assert!(kept.len() <= 3, "{} kept from one address", kept.len());
    assert!(joins_from([127, 0, 0, 3], &server).await, "another joins");

    // Several addresses fill the strangers' share (12 − 4).
    for last in 4..10 {
        for _ in 0..3 {
            kept.push(tcp_from([127, 0, 0, last], server.addr).await);
        }
    }
    assert!(
        joins_from([127, 0, 0, 1], &server).await,
        "an address that joined before gets a kept slot"
    );
    // Crowded: idle ones are let go within a second or so, until the
    // strangers hold at most half their share.
    let flooding = kept.len();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut still_open = 0;
    for stream in &mut kept {
        if !closed_within(stream, Duration::from_millis(50)).await {
            still_open += 1;
        }
    }
    assert!(
        still_open < 4,
        "{still_open} of {flooding} idle connections still open"
    );
    assert!(
        joins_from([127, 0, 0, 20], &server).await,
        "a newcomer joins"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    server.stop().await;
}

/// A connection from `from` that reaches the code prompt and stays there
/// (a plain `ssh` left waiting), or `None` when the server closed it first.
async fn at_prompt_from(from: [u8; 4], server: &Running) -> Option<client::Handle<Client>> {
    let stream = tcp_from(from, server.addr).await;
    let connected = client::connect_stream(Arc::new(client::Config::default()), stream, Client);
    let mut handle = tokio::time::timeout(LIMIT, connected).await.ok()?.ok()?;
    let asked = handle.authenticate_keyboard_interactive_start("grupo1", None);
    match tokio::time::timeout(LIMIT, asked).await.ok()?.ok()? {
        KeyboardInteractiveAuthResponse::InfoRequest { .. } => Some(handle),
        _ => None,
    }
}

/// Connections at the code prompt keep their join window even when
/// crowded, so one address may keep only a few of them: a flood of them
/// from one address holds that few, a laptop whose screens joined still
/// opens more, and another address joins.
#[tokio::test]
async fn a_flood_waiting_at_the_prompt_holds_few_slots() {
    use taller::shell::admission::Limits;
    let server = start(false, |config| {
        config.limits = Limits {
            total: 40,
            per_address: 8,
            waiting_per_address: 2,
            kept_for_known: 10,
            idle_when_crowded: Duration::from_millis(300),
        }
    })
    .await;
    let started = std::time::Instant::now();
    let mut waiting = Vec::new();
    for _ in 0..12 {
        if let Some(handle) = at_prompt_from([127, 0, 0, 2], &server).await {
            waiting.push(handle);
        }
    }
    assert_eq!(waiting.len(), 2, "one address holds 2 at the prompt");
    // A laptop with four screens joined opens a fifth.
    let mut screens = Vec::new();
    for _ in 0..5 {
        let stream = tcp_from([127, 0, 0, 3], server.addr).await;
        let mut handle = ssh_client::connect_over(stream, client::Config::default()).await;
        let code = server.code("grupo1");
        let joined = join(&mut handle, "grupo1", &code);
        assert!(tokio::time::timeout(LIMIT, joined).await.unwrap());
        screens.push(handle);
    }
    assert!(joins_from([127, 0, 0, 4], &server).await, "another joins");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    drop(waiting);
    drop(screens);
    server.stop().await;
}

#[tokio::test]
async fn a_client_that_stops_reading_does_not_slow_another() {
    let server = start(true, |config| {
        config.stuck_after = Duration::from_millis(400)
    })
    .await;
    let code = server.code("sala");
    // A client with a small window whose application never reads: its
    // connection stops taking bytes once that window is spent.
    let mut stuck = connect(
        server.addr,
        client::Config {
            window_size: 4096,
            channel_buffer_size: 1,
            ..Default::default()
        },
    )
    .await;
    assert!(join(&mut stuck, "sala", &code).await);
    let stuck_channel = stuck.channel_open_session().await.unwrap();
    stuck_channel
        .request_pty(false, "xterm", 200, 60, 0, 0, &[])
        .await
        .unwrap();
    stuck_channel.request_shell(false).await.unwrap();

    let mut reader = connect(server.addr, client::Config::default()).await;
    assert!(join(&mut reader, "sala", &code).await);
    let mut channel = reader.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 200, 60, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(60, 200, 0);
    let started = std::time::Instant::now();
    for revision in 1..=40u64 {
        server.live.revision.send_replace(revision);
        let expected = format!("{revision:06}");
        read_until(&mut channel, &mut screen, |s| {
            s.screen().contents().starts_with(&expected)
        })
        .await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "40 full frames took {:?}",
        started.elapsed()
    );
    // The stuck one is dropped after its grace; the other stays.
    let mut stuck_channel = stuck_channel;
    tokio::time::timeout(LIMIT, until_closed(&mut stuck_channel))
        .await
        .expect("the stuck client is dropped");
    server.live.revision.send_replace(41);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().starts_with("000041")
    })
    .await;
    drop(stuck_channel);
    drop(stuck);
    server.stop().await;
}

#[tokio::test]
async fn stopping_the_server_tells_every_client() {
    let server = start(false, |_| {}).await;
    let mut handle = connect(server.addr, client::Config::default()).await;
    assert!(join(&mut handle, "lectura", &server.code("lectura")).await);
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("Reader")
    })
    .await;
    let live = Arc::clone(&server.live);
    let stopping = tokio::spawn(server.stop());
    let (status, rest) = until_closed(&mut channel).await;
    screen.process(&rest);
    assert_eq!(status, Some(0));
    assert!(!screen.screen().alternate_screen());
    assert!(
        screen
            .screen()
            .contents()
            .contains("La sesión en vivo terminó")
    );
    stopping.await.unwrap();
    assert_eq!(live.screens.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn many_connections_come_and_go_without_growing() {
    let server = start(false, |_| {}).await;
    let code = server.code("grupo1");
    for _ in 0..30 {
        let mut handle = connect(server.addr, client::Config::default()).await;
        assert!(join(&mut handle, "grupo1", &code).await);
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(false, "xterm", 80, 24, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(false).await.unwrap();
        // Garbage in the middle of a session is only bytes.
        channel
            .data(&b"\x1b[999;999;999;999\xff\xfe\x1bP\x1b]"[..])
            .await
            .unwrap();
        drop(channel);
        drop(handle);
    }
    tokio::time::timeout(LIMIT, async {
        while server.live.screens.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("every screen is dropped with its connection");
    // Still serving.
    let mut handle = connect(server.addr, client::Config::default()).await;
    assert!(join(&mut handle, "grupo1", &code).await);
    server.stop().await;
}

#[tokio::test]
async fn a_verified_key_joins_as_its_role_only() {
    use russh::keys::PrivateKeyWithHashAlg;
    use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
    let key = russh::keys::PrivateKey::new(
        KeypairData::Ed25519(Ed25519Keypair::from_seed(&[7; 32])),
        "sala",
    )
    .unwrap();
    let line = format!("sala {}\n", key.public_key().to_openssh().unwrap());
    let other = russh::keys::PrivateKey::new(
        KeypairData::Ed25519(Ed25519Keypair::from_seed(&[8; 32])),
        "",
    )
    .unwrap();
    let server = start(false, |config| {
        config.authorized_keys = taller::shell::ssh::auth::AuthorizedKeys::parse(
            &line,
            &[("inteligencia".to_string(), 1, String::new())],
        )
        .unwrap();
    })
    .await;
    let key = Arc::new(key);
    let with =
        |key: &Arc<russh::keys::PrivateKey>| PrivateKeyWithHashAlg::new(Arc::clone(key), None);
    let mut handle = connect(server.addr, client::Config::default()).await;
    let as_facilitator = handle
        .authenticate_publickey("facilitador", with(&key))
        .await
        .unwrap();
    assert!(
        !as_facilitator.success(),
        "a key granted sala is not the facilitator's"
    );
    let unknown = handle
        .authenticate_publickey("sala", with(&Arc::new(other)))
        .await
        .unwrap();
    assert!(!unknown.success(), "a key not in the file is refused");
    let as_room = handle
        .authenticate_publickey("sala", with(&key))
        .await
        .unwrap();
    assert!(as_room.success());
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("rol Room")
    })
    .await;
    server.stop().await;
}

#[tokio::test]
async fn a_failing_screen_ends_its_connection_not_the_server() {
    let server = start(false, |_| {}).await;
    let code = server.code("grupo1");
    let mut handle = connect(server.addr, client::Config::default()).await;
    assert!(join(&mut handle, "grupo1", &code).await);
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("Taller")
    })
    .await;
    channel.data(&b"P"[..]).await.unwrap();
    until_closed(&mut channel).await;
    // Others still join and see their screen.
    let mut handle = connect(server.addr, client::Config::default()).await;
    assert!(join(&mut handle, "grupo1", &code).await);
    let mut channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    let mut screen = vt100::Parser::new(24, 80, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("Taller")
    })
    .await;
    server.stop().await;
}

/// OpenSSH's client, if this machine has it; the tests that need it say so
/// and pass without it.
fn openssh() -> Option<&'static str> {
    let found = std::process::Command::new("ssh")
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("skipped: OpenSSH's ssh is not installed (apt-get install openssh-client)");
    }
    found.then_some("ssh")
}

/// ssh's arguments for a throwaway test: no known hosts, no keys, no
/// config, the code given by an askpass script.
fn openssh_args(
    addr: SocketAddr,
    dir: &std::path::Path,
    code: &str,
) -> (Vec<String>, Vec<(String, String)>) {
    use std::os::unix::fs::PermissionsExt;
    let askpass = dir.join("askpass.sh");
    std::fs::write(&askpass, format!("#!/bin/sh\necho '{code}'\n")).unwrap();
    std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700)).unwrap();
    let args = [
        "-F",
        "/dev/null",
        "-p",
        &addr.port().to_string(),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "PubkeyAuthentication=no",
        "-o",
        "PreferredAuthentications=keyboard-interactive",
        "-o",
        "NumberOfPasswordPrompts=1",
        "-o",
        "ConnectTimeout=5",
    ]
    .map(String::from)
    .to_vec();
    let env = vec![
        ("SSH_ASKPASS".to_string(), askpass.display().to_string()),
        ("SSH_ASKPASS_REQUIRE".to_string(), "force".to_string()),
        ("DISPLAY".to_string(), ":0".to_string()),
    ];
    (args, env)
}

/// `ssh facilitador@127.0.0.1 COMMAND` with the real OpenSSH client (at most
/// 20 s): its output, once it has succeeded.
async fn openssh_exec(
    ssh: &'static str,
    addr: SocketAddr,
    dir: &std::path::Path,
    code: &str,
    command: &str,
) -> std::process::Output {
    let (mut args, env) = openssh_args(addr, dir, code);
    args.extend(["facilitador@127.0.0.1".to_string(), command.to_string()]);
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("timeout")
            .arg("20")
            .arg(ssh)
            .args(&args)
            .envs(env)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        output.status.success(),
        "ssh failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[tokio::test]
async fn openssh_prints_the_plan_over_exec() {
    let Some(ssh) = openssh() else { return };
    let server = start(false, |_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let code = server.code("facilitador");
    let output = openssh_exec(ssh, server.addr, dir.path(), &code, "plan").await;
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "# Plan de trabajo (Plan)\n\n- Acción regional 1\n"
    );
    server.stop().await;
}

#[tokio::test]
async fn openssh_in_a_terminal_gets_the_screen_and_leaves_with_q() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let Some(ssh) = openssh() else { return };
    let server = start(false, |_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let (args, env) = openssh_args(server.addr, dir.path(), &server.code("grupo2"));
    let session = tokio::task::spawn_blocking(move || {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new("timeout");
        command.arg("20");
        command.arg(ssh);
        command.args(&args);
        command.args(["-tt", "-o", "SendEnv=TALLER_LANG", "grupo2@127.0.0.1"]);
        command.env("TERM", "xterm-256color");
        command.env("TALLER_LANG", "en");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let mut writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(std::sync::Mutex::new(vt100::Parser::new(24, 80, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        let shows = |text: &str| {
            let deadline = std::time::Instant::now() + LIMIT;
            loop {
                let contents = screen.lock().unwrap().screen().contents();
                if contents.contains(text) {
                    return contents;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "never saw {text:?}:\n{contents}"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        };
        let first = shows("Taller de prueba");
        assert!(first.contains("operaciones"), "{first}");
        assert!(first.contains("tamaño 80x24"), "{first}");
        // The language sent by the client.
        assert!(first.contains("idioma En"), "{first}");
        writer.write_all(b"\x1b[B").unwrap();
        shows("tecla Down");
        writer.write_all(b"q").unwrap();
        let deadline = std::time::Instant::now() + LIMIT;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "ssh did not end");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "exit status 0: {status:?}");
        let screen = screen.lock().unwrap();
        assert!(!screen.screen().alternate_screen());
    });
    session.await.unwrap();
    server.stop().await;
}

/// Someone copying the code from the board takes their time: OpenSSH in a
/// terminal without a UTF-8 locale shows the prompt as written, waits 30 s
/// at it (russh's keepalive used to end it at ~16 s: "bad message during
/// authentication: type 80"), then the right code gets the screen.
#[tokio::test]
async fn openssh_waiting_30_s_at_the_prompt_in_a_plain_locale_still_joins() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let Some(ssh) = openssh() else { return };
    let server = start(false, |_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let code = server.code("grupo2");
    // The code is typed at the terminal, not given by askpass.
    let (args, _) = openssh_args(server.addr, dir.path(), "unused");
    let session = tokio::task::spawn_blocking(move || {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new("timeout");
        command.arg("60");
        command.arg(ssh);
        command.args(&args);
        command.args(["-tt", "grupo2@127.0.0.1"]);
        command.env("TERM", "xterm-256color");
        command.env("LC_ALL", "C");
        command.env("LANG", "C");
        command.env_remove("SSH_ASKPASS");
        command.env_remove("DISPLAY");
        let mut child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let mut writer = pair.master.take_writer().unwrap();
        let raw = Arc::new(std::sync::Mutex::new(Vec::new()));
        let feed = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        let shows = |text: &str, within: Duration| {
            let deadline = std::time::Instant::now() + within;
            loop {
                let seen = String::from_utf8_lossy(&raw.lock().unwrap()).into_owned();
                if seen.contains(text) {
                    return seen;
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "never saw {text:?}:\n{seen}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        };
        let asked = shows("de grupo2: ", LIMIT);
        assert!(asked.contains("Codigo de grupo2: "), "{asked:?}");
        std::thread::sleep(Duration::from_secs(30));
        assert!(
            child.try_wait().unwrap().is_none(),
            "ssh left the prompt: {}",
            String::from_utf8_lossy(&raw.lock().unwrap())
        );
        writer.write_all(format!("{code}\r").as_bytes()).unwrap();
        shows("Taller de prueba", LIMIT);
        writer.write_all(b"q").unwrap();
        let deadline = std::time::Instant::now() + LIMIT;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "ssh did not end");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "exit status 0: {status:?}");
    });
    session.await.unwrap();
    server.stop().await;
}

/// OpenSSH asking for a password (its own prompt, no words of ours) is
/// told the wait in the banner it prints before that prompt, and the right
/// password typed during the wait is checked when the turn comes.
#[tokio::test]
async fn openssh_with_a_password_is_told_the_wait_in_the_banner() {
    let Some(ssh) = openssh() else { return };
    let server = start(false, |config| {
        config.backoff_unit = Duration::from_millis(200)
    })
    .await;
    // Seven wrong codes from this address, three per connection.
    let mut wrong = 0;
    while wrong < 7 {
        let mut handle = connect(server.addr, client::Config::default()).await;
        for _ in 0..3.min(7 - wrong) {
            let taken = handle
                .authenticate_password("facilitador", "0000-0000")
                .await
                .map(|r| r.success())
                .unwrap_or(false);
            assert!(!taken);
            wrong += 1;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (args, env) = openssh_args(server.addr, dir.path(), &server.code("facilitador"));
    let args: Vec<String> = args
        .into_iter()
        .map(|arg| match arg.as_str() {
            "LogLevel=ERROR" => "LogLevel=INFO".to_string(),
            "PreferredAuthentications=keyboard-interactive" => {
                "PreferredAuthentications=password".to_string()
            }
            _ => arg,
        })
        .collect();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("timeout")
            .arg("20")
            .arg(ssh)
            .args(&args)
            .args(["facilitador@127.0.0.1", "status"])
            .envs(env)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("espere "), "{said}");
    assert!(output.status.success(), "{said}");
    server.stop().await;
}

/// A free port on loopback, for a binary told where to listen.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn taller_serve_headless_is_joined_by_openssh_and_saves_on_sigterm() {
    let Some(ssh) = openssh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sesiones");
    let data = dir.path().join("datos");
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let bin = env!("CARGO_BIN_EXE_taller");
    let mut server = std::process::Command::new(bin)
        .args(["--sessions-dir"])
        .arg(&sessions)
        .args([
            "serve",
            "en-vivo",
            "--headless",
            "--no-web",
            "--listen",
            &listen,
        ])
        .env("XDG_DATA_HOME", &data)
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // It prints how to join: the command and code of each role.
    let mut out = std::io::BufReader::new(server.stdout.take().unwrap());
    let mut printed = String::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !printed.contains("SHA256:") {
        assert!(std::time::Instant::now() < deadline, "{printed}");
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap() == 0 {
            break;
        }
        printed.push_str(&line);
    }
    let code = printed
        .lines()
        .find(|l| l.contains("facilitador@127.0.0.1"))
        .and_then(|l| l.split_whitespace().last())
        .expect(&printed)
        .to_string();
    let addr: SocketAddr = listen.parse().unwrap();
    let output = openssh_exec(ssh, addr, dir.path(), &code, "status").await;
    assert!(String::from_utf8_lossy(&output.stdout).contains("Antecedentes regionales"));
    // SIGTERM: it stops, and the session is on disk, private.
    unsafe { libc_kill(server.id() as i32, 15) };
    let status = tokio::task::spawn_blocking(move || server.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success(), "{status:?}");
    let file = sessions.join("en-vivo.json");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, signal: i32) -> i32;
}

/// Eight screens on when the server stops, twenty times over: each one is
/// told the session ended, its terminal put back (main screen, cursor
/// shown) and given an exit status, none cut off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_closes_eight_clients_cleanly_every_time() {
    for round in 0..20 {
        let server = start(false, |_| {}).await;
        let users = [
            "grupo1",
            "grupo2",
            "grupo3",
            "sala",
            "sala",
            "lectura",
            "facilitador",
            "grupo1",
        ];
        let mut clients = Vec::new();
        for (i, user) in users.iter().enumerate() {
            let size = [(80, 24), (100, 30), (60, 20), (200, 60)][i % 4];
            let (handle, mut channel) =
                ssh_client::join(server.addr, user, &server.code(user), size.0, size.1).await;
            let mut screen = vt100::Parser::new(size.1 as u16, size.0 as u16, 0);
            read_until(&mut channel, &mut screen, |s| {
                s.screen().contents().contains("Taller de prueba")
            })
            .await;
            clients.push((handle, channel, screen));
        }
        let live = Arc::clone(&server.live);
        let stopping = tokio::spawn(server.stop());
        let closing = clients
            .into_iter()
            .map(|(handle, mut channel, mut screen)| {
                tokio::spawn(async move {
                    let (status, rest) = until_closed(&mut channel).await;
                    screen.process(&rest);
                    drop(handle);
                    (status, screen)
                })
            });
        let mut ended = Vec::new();
        for client in closing {
            ended.push(client.await.unwrap());
        }
        for (i, (status, screen)) in ended.iter().enumerate() {
            let screen = screen.screen();
            assert_eq!(*status, Some(0), "round {round}, client {i}");
            assert!(!screen.alternate_screen(), "round {round}, client {i}");
            assert!(!screen.hide_cursor(), "round {round}, client {i}");
            assert!(
                screen.contents().contains("La sesión en vivo terminó"),
                "round {round}, client {i}: {}",
                screen.contents()
            );
        }
        stopping.await.unwrap();
        assert_eq!(live.screens.load(Ordering::SeqCst), 0);
    }
}

/// Issue 20, item 12: the server lists each screen (role, address, size as
/// it is now) and the facilitator's close ends one with words, its
/// terminal put back.
#[tokio::test]
async fn a_screen_is_listed_and_closed_from_the_list_with_a_goodbye() {
    let mut present = None;
    let server = start(false, |config| present = Some(Arc::clone(&config.present))).await;
    let present = present.unwrap();
    let (handle, mut channel) =
        ssh_client::join(server.addr, "lectura", &server.code("lectura"), 80, 24).await;
    let mut screen = vt100::Parser::new(30, 100, 0);
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 80x24")
    })
    .await;
    channel.window_change(100, 30, 0, 0).await.unwrap();
    read_until(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("tamaño 100x30")
    })
    .await;
    let listed = present.now();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].role, Role::Reader);
    assert_eq!(listed[0].address.to_string(), "127.0.0.1");
    assert_eq!((listed[0].size.width, listed[0].size.height), (100, 30));
    assert!(present.close(listed[0].id));
    let (status, rest) = until_closed(&mut channel).await;
    screen.process(&rest);
    assert_eq!(status, Some(0));
    assert!(!screen.screen().alternate_screen());
    assert!(!screen.screen().hide_cursor());
    assert!(
        screen
            .screen()
            .contents()
            .contains("La facilitación cerró esta conexión")
    );
    tokio::time::timeout(LIMIT, async {
        while !present.is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("taken off the list once closed");
    // The whole connection is closed, not only that screen: nobody opens
    // another one on it without the code.
    let closed = tokio::time::timeout(LIMIT, async {
        while !handle.is_closed() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        closed.is_ok(),
        "the connection stays open after being closed"
    );
    server.stop().await;
}

/// One OpenSSH client in a terminal of its own, read into an emulator.
struct OpenSsh {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Arc<std::sync::Mutex<vt100::Parser>>,
    _pty: Box<dyn portable_pty::MasterPty + Send>,
}

fn openssh_terminal(
    ssh: &str,
    addr: SocketAddr,
    dir: &std::path::Path,
    user: &str,
    code: &str,
) -> OpenSsh {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let (args, env) = openssh_args(addr, dir, code);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new("timeout");
    command.arg("20");
    command.arg(ssh);
    command.args(&args);
    command.args(["-tt", &format!("{user}@127.0.0.1")]);
    command.env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    let child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let screen = Arc::new(std::sync::Mutex::new(vt100::Parser::new(24, 80, 0)));
    let feed = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            feed.lock().unwrap().process(&buffer[..n]);
        }
    });
    OpenSsh {
        child,
        screen,
        _pty: pair.master,
    }
}

/// Issue 20, item 15, with the real OpenSSH client: eight terminals on
/// when the server stops (as `q` or SIGTERM stop it), three times over;
/// every `ssh` exits 0 (not "Received disconnect", 255) with its terminal
/// back on the main screen, the cursor shown, and the goodbye read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssh_clients_all_leave_cleanly_when_the_server_stops() {
    let Some(ssh) = openssh() else { return };
    for round in 0..3 {
        // Eight laptops, all from 127.0.0.1 and all joining at once: more
        // than one address may have waiting at the prompt.
        let server = start(false, |config| config.limits.waiting_per_address = 8).await;
        let users = [
            "grupo1",
            "grupo2",
            "grupo3",
            "sala",
            "sala",
            "lectura",
            "facilitador",
            "grupo1",
        ];
        let dirs: Vec<_> = users.iter().map(|_| tempfile::tempdir().unwrap()).collect();
        let clients: Vec<OpenSsh> = users
            .iter()
            .zip(&dirs)
            .map(|(user, dir)| {
                openssh_terminal(ssh, server.addr, dir.path(), user, &server.code(user))
            })
            .collect();
        let on = tokio::task::spawn_blocking({
            let screens: Vec<_> = clients.iter().map(|c| Arc::clone(&c.screen)).collect();
            move || {
                let deadline = std::time::Instant::now() + LIMIT;
                for screen in screens {
                    while !screen
                        .lock()
                        .unwrap()
                        .screen()
                        .contents()
                        .contains("Taller de prueba")
                    {
                        assert!(std::time::Instant::now() < deadline, "a screen never came");
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            }
        });
        on.await.unwrap();
        server.stop().await;
        let ended = tokio::task::spawn_blocking(move || {
            let deadline = std::time::Instant::now() + LIMIT;
            clients
                .into_iter()
                .map(|mut client| {
                    let status = loop {
                        if let Some(status) = client.child.try_wait().unwrap() {
                            break status;
                        }
                        assert!(std::time::Instant::now() < deadline, "ssh did not end");
                        std::thread::sleep(Duration::from_millis(20));
                    };
                    // What ssh printed last reaches the emulator just after it ends.
                    std::thread::sleep(Duration::from_millis(50));
                    let screen = client.screen.lock().unwrap();
                    (
                        status.exit_code(),
                        screen.screen().alternate_screen(),
                        screen.screen().hide_cursor(),
                        screen.screen().contents(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap();
        for (user, (code, alternate, hidden, contents)) in users.iter().zip(ended) {
            assert_eq!(code, 0, "round {round}, {user}: {contents}");
            assert!(!alternate, "round {round}, {user}");
            assert!(!hidden, "round {round}, {user}");
            assert!(
                contents.contains("La sesión en vivo terminó"),
                "round {round}, {user}: {contents}"
            );
            assert!(
                !contents.contains("disconnect"),
                "round {round}, {user}: {contents}"
            );
        }
    }
}
