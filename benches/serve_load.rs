//! Load on `taller serve`, driven from outside the server's process, on
//! loopback only (127.0.0.1), bounded in clients and seconds. Run by
//! `bench/serve-50.sh`, which starts the server and the tmux anchor.
//!
//! ```text
//! serve_load taller 127.0.0.1:PORT CODES_FILE SERVER_PID [CLIENTS] [SECONDS] [TRIALS]
//! serve_load tmux SOCKET_NAME SERVER_PID [CLIENTS] [SECONDS]
//! ```
//!
//! `taller`: a facilitator joins at 80×24 and starts the clock (Space); the
//! room joins until there are CLIENTS screens at 80×24; after a few seconds
//! to settle, SECONDS are measured: the server's CPU time (utime + stime of
//! /proc/PID/stat), its RSS with 0 and with CLIENTS clients, the terminal
//! bytes each client received, as terminal bytes (the SSH channel's payload)
//! and on the wire (TCP, SSH framing and encryption included), per client
//! per clock tick. Then, the load still connected, latencies: a rapporteur
//! types words key by key (each key timed to its own screen), commits each
//! with Esc, and the time until a facilitator's and the room's screens
//! (read with vt100) show the word is taken.
//!
//! `tmux`: CLIENTS `tmux attach` in ptys at 80×24 on the anchor session (a
//! running clock), and the tmux server's CPU, RSS and bytes the same way.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client;
use ssh_client::Client;
use tokio::sync::mpsc;

#[path = "../tests/support/ssh_client.rs"]
mod ssh_client;

const LIMIT: Duration = Duration::from_secs(20);
const SETTLE: Duration = Duration::from_secs(3);
/// Clock ticks per second of /proc/PID/stat (`getconf CLK_TCK`).
const CLK_TCK: f64 = 100.0;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`: drop cargo's flags.
    let args: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    match args.as_slice() {
        ["taller", addr, codes, pid, rest @ ..] => {
            let addr: SocketAddr = addr.parse().expect("an address");
            assert!(addr.ip().is_loopback(), "loopback only");
            let clients = number(rest.first(), 50);
            let seconds = number(rest.get(1), 60);
            let trials = number(rest.get(2), 40);
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(taller(
                addr,
                codes,
                pid.parse().unwrap(),
                clients,
                seconds,
                trials,
            ));
        }
        ["tmux", socket, pid, rest @ ..] => {
            tmux(
                socket,
                pid.parse().unwrap(),
                number(rest.first(), 50),
                number(rest.get(1), 60),
            );
        }
        _ => {
            eprintln!("usage: serve_load taller ADDR CODES_FILE PID [CLIENTS] [SECONDS] [TRIALS]");
            eprintln!("       serve_load tmux SOCKET PID [CLIENTS] [SECONDS]");
            eprintln!("(run by bench/serve-50.sh)");
        }
    }
}

fn number(arg: Option<&&str>, default: usize) -> usize {
    arg.map_or(default, |a| a.parse().expect("a number"))
}

/// What /proc says about the server.
#[derive(Clone, Copy)]
struct Proc {
    cpu_ticks: u64,
    rss_kib: u64,
}

fn proc_of(pid: u32) -> Proc {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the server runs");
    // Fields after the command's closing parenthesis: utime is 14th, stime 15th.
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let cpu_ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Proc { cpu_ticks, rss_kib }
}

/// Prints the figures of one measured run, one `key value` per line.
fn report(
    name: &str,
    clients: usize,
    seconds: usize,
    (idle, before, after): (Proc, Proc, Proc),
    payload: u64,
    ticks: u64,
) {
    let cpu_ms = (after.cpu_ticks - before.cpu_ticks) as f64 * 1000.0 / CLK_TCK;
    let per_minute = cpu_ms * 60.0 / seconds as f64;
    let rss_growth = before.rss_kib.saturating_sub(idle.rss_kib) as f64 / clients as f64;
    let ticks = ticks.max(1) as f64;
    let clients_f = clients as f64;
    println!("{name} clients {clients}");
    println!("{name} seconds {seconds}");
    println!("{name} clock_ticks_seen {ticks}");
    println!("{name} cpu_ms_per_minute {per_minute:.0}");
    println!("{name} rss_kib_idle {}", idle.rss_kib);
    println!("{name} rss_kib_loaded {}", before.rss_kib);
    println!("{name} rss_kib_end {}", after.rss_kib);
    println!("{name} rss_kib_per_client {rss_growth:.1}");
    println!(
        "{name} terminal_bytes_per_client_per_tick {:.0}",
        payload as f64 / clients_f / ticks
    );
}

/// A TCP stream that counts the bytes it reads: what the server sent, SSH
/// framing and encryption included.
struct Counted {
    inner: tokio::net::TcpStream,
    read: Arc<AtomicU64>,
}

impl tokio::io::AsyncRead for Counted {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = std::pin::Pin::new(&mut self.inner).poll_read(cx, buf);
        let n = buf.filled().len() - before;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        polled
    }
}

impl tokio::io::AsyncWrite for Counted {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

async fn join(
    addr: SocketAddr,
    user: &str,
    code: &str,
    cols: u32,
    rows: u32,
) -> (client::Handle<Client>, russh::Channel<client::Msg>) {
    join_counted(addr, user, code, cols, rows, Arc::default()).await
}

/// Joins over a stream that counts what the server sends.
async fn join_counted(
    addr: SocketAddr,
    user: &str,
    code: &str,
    cols: u32,
    rows: u32,
    wire: Arc<AtomicU64>,
) -> (client::Handle<Client>, russh::Channel<client::Msg>) {
    // Each connection from an address of its own (any 127.x.y.z is this
    // machine): the server caps screens of one role per address, and the
    // load stands for a room of laptops, not one.
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    if addr.ip().is_loopback() {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let from = std::net::Ipv4Addr::new(127, 1, (n / 250) as u8, (n % 250 + 1) as u8);
        socket.bind(SocketAddr::new(from.into(), 0)).unwrap();
    }
    let inner = tokio::time::timeout(LIMIT, socket.connect(addr))
        .await
        .expect("connected in time")
        .expect("connected");
    inner.set_nodelay(true).unwrap();
    let stream = Counted { inner, read: wire };
    let mut handle = ssh_client::connect_over(stream, client::Config::default()).await;
    let (_, taken) = ssh_client::sign_in(&mut handle, user, code).await;
    assert!(taken, "{user} joins");
    let channel = ssh_client::terminal(&handle, cols, rows).await;
    (handle, channel)
}

/// A screen read with vt100, for the clients whose contents are checked.
struct Watched {
    _handle: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
    screen: vt100::Parser,
}

impl Watched {
    async fn join(addr: SocketAddr, user: &str, code: &str, cols: u16, rows: u16) -> Watched {
        let (handle, channel) = join(addr, user, code, cols.into(), rows.into()).await;
        Watched {
            _handle: handle,
            channel,
            screen: vt100::Parser::new(rows, cols, 0),
        }
    }

    async fn keys(&mut self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }

    /// Reads until the screen shows `text`, or `within` passes: false then.
    async fn shows(&mut self, text: &str, within: Duration) -> bool {
        tokio::time::timeout(within, async {
            loop {
                if self.screen.screen().contents().contains(text) {
                    return true;
                }
                match self.channel.wait().await {
                    Some(ChannelMsg::Data { data }) => self.screen.process(&data),
                    Some(_) => {}
                    None => return false,
                }
            }
        })
        .await
        .unwrap_or(false)
    }

    /// Reads until a frame carries `byte` (an echoed key), or `within` passes.
    async fn echoes(&mut self, byte: u8, within: Duration) -> bool {
        tokio::time::timeout(within, async {
            loop {
                match self.channel.wait().await {
                    Some(ChannelMsg::Data { data }) => {
                        self.screen.process(&data);
                        if data.contains(&byte) {
                            return true;
                        }
                    }
                    Some(_) => {}
                    None => return false,
                }
            }
        })
        .await
        .unwrap_or(false)
    }

    /// Takes whatever arrived, without waiting.
    fn drain(&mut self) {
        loop {
            match self.channel.wait().now_or_never() {
                Some(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Some(Some(_)) => {}
                _ => break,
            }
        }
    }
}

/// `Future::now_or_never` without the futures crate.
trait NowOrNever: std::future::Future + Sized {
    fn now_or_never(self) -> Option<Self::Output> {
        let waker = std::task::Waker::noop();
        let mut context = std::task::Context::from_waker(waker);
        let mut this = std::pin::pin!(self);
        match this.as_mut().poll(&mut context) {
            std::task::Poll::Ready(output) => Some(output),
            std::task::Poll::Pending => None,
        }
    }
}
impl<F: std::future::Future> NowOrNever for F {}

/// The codes file's roles as user names: a group's line names its axis
/// (`eje:inteligencia`), which is a user name for the group too.
fn read_codes(path: &str) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .expect("the codes file")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(n, c)| {
            let user = n.strip_prefix("eje:").unwrap_or(n);
            (user.to_string(), c.trim().to_string())
        })
        .collect()
}

fn code_of<'a>(codes: &'a [(String, String)], prefixes: &[&str]) -> (&'a str, &'a str) {
    codes
        .iter()
        .find(|(n, _)| prefixes.iter().any(|p| n.starts_with(p)))
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .unwrap_or_else(|| panic!("no role like {prefixes:?} in {codes:?}"))
}

async fn taller(
    addr: SocketAddr,
    codes: &str,
    pid: u32,
    clients: usize,
    seconds: usize,
    trials: usize,
) {
    let codes = read_codes(codes);
    let facilitator_code = code_of(&codes, &["facilit"]);
    let room_code = code_of(&codes, &["sala", "room"]);
    let group_code = codes
        .iter()
        .find(|(n, _)| !["facilitador", "sala", "lectura"].contains(&n.as_str()))
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .expect("a group's code");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = proc_of(pid);

    // The facilitator starts the clock; everyone else is the room.
    let mut facilitator = Watched::join(addr, facilitator_code.0, facilitator_code.1, 80, 24).await;
    assert!(facilitator.shows("", LIMIT).await);
    tokio::time::sleep(Duration::from_millis(500)).await;
    facilitator.keys(b" ").await;
    let payload = Arc::new(AtomicU64::new(0));
    let wire = Arc::new(AtomicU64::new(0));
    // Frames the first room screen received (one per tick, at rest).
    let frames = Arc::new(AtomicU64::new(0));
    let (screen_tx, mut screen_rx) = mpsc::unbounded_channel::<String>();
    let (ready_tx, mut ready_rx) = mpsc::unbounded_channel::<()>();
    let mut tasks = Vec::new();
    for n in 1..clients {
        let (user, code) = (room_code.0.to_string(), room_code.1.to_string());
        let payload = Arc::clone(&payload);
        let wire = Arc::clone(&wire);
        let frames = Arc::clone(&frames);
        let ready = ready_tx.clone();
        let screen_tx = screen_tx.clone();
        tasks.push(tokio::spawn(async move {
            let (_handle, mut channel) = join_counted(addr, &user, &code, 80, 24, wire).await;
            let mut screen = (n == 1).then(|| vt100::Parser::new(24, 80, 0));
            let mut first = true;
            while let Some(message) = channel.wait().await {
                if let ChannelMsg::Data { data } = message {
                    payload.fetch_add(data.len() as u64, Ordering::Relaxed);
                    if let Some(screen) = screen.as_mut() {
                        // SERVE_LOAD_DUMP=FILE keeps this screen's bytes, to read.
                        if let Ok(file) = std::env::var("SERVE_LOAD_DUMP") {
                            use std::io::Write;
                            let mut file = std::fs::OpenOptions::new()
                                .create(true)
                                .append(true)
                                .open(file)
                                .unwrap();
                            let _ = file.write_all(&data);
                            let _ = file.write_all(b"\n=====\n");
                        }
                        frames.fetch_add(1, Ordering::Relaxed);
                        screen.process(&data);
                        let _ = screen_tx.send(screen.screen().contents());
                    }
                    if std::mem::take(&mut first) {
                        let _ = ready.send(());
                    }
                }
            }
        }));
        // Joined one after another, as a room fills.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for _ in 1..clients {
        tokio::time::timeout(LIMIT, ready_rx.recv())
            .await
            .expect("every client sees its first frame in time");
    }
    // The facilitator's own bytes count too: a task keeps reading them.
    let facilitator_payload = Arc::new(AtomicU64::new(0));
    let reading = {
        let counted = Arc::clone(&facilitator_payload);
        tokio::spawn(async move {
            while let Some(message) = facilitator.channel.wait().await {
                if let ChannelMsg::Data { data } = message {
                    counted.fetch_add(data.len() as u64, Ordering::Relaxed);
                }
            }
        })
    };
    tokio::time::sleep(SETTLE).await;

    let before = proc_of(pid);
    let payload0 = payload.load(Ordering::Relaxed) + facilitator_payload.load(Ordering::Relaxed);
    let frames0 = frames.load(Ordering::Relaxed);
    let wire0 = wire.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(seconds as u64)).await;
    let after = proc_of(pid);
    let wire_bytes = wire.load(Ordering::Relaxed) - wire0;
    let payload1 = payload.load(Ordering::Relaxed) + facilitator_payload.load(Ordering::Relaxed);
    let ticks = frames.load(Ordering::Relaxed) - frames0;
    let mut room_screen = String::new();
    while let Ok(screen) = screen_rx.try_recv() {
        room_screen = screen;
    }
    eprintln!("--- a room screen at the end of the minute ---\n{room_screen}\n---");
    report(
        "taller",
        clients,
        seconds,
        (idle, before, after),
        payload1 - payload0,
        ticks,
    );
    // Counted on the room's connections (all but the facilitator's).
    println!(
        "taller wire_bytes_per_client_per_tick {:.0}",
        wire_bytes as f64 / (clients - 1).max(1) as f64 / ticks.max(1) as f64
    );

    // Latency, with the load still connected and the clock running.
    reading.abort();
    let _ = reading.await;
    // The timed clients have a thread and a runtime of their own, so the
    // load's 49 clients, read on this one, do not delay what is timed.
    let roles = [facilitator_code, room_code, group_code]
        .map(|(user, code)| (user.to_string(), code.to_string()));
    let timing = std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(latencies(addr, roles, trials));
    });
    while !timing.is_finished() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    timing.join().unwrap();
    for task in tasks {
        task.abort();
    }
}

/// Keystroke to the typist's own screen, and a committed input to the
/// facilitator's and the room's screens.
async fn latencies(addr: SocketAddr, roles: [(String, String); 3], trials: usize) {
    let mut facilitator = Watched::join(addr, &roles[0].0, &roles[0].1, 160, 60).await;
    let mut room = Watched::join(addr, &roles[1].0, &roles[1].1, 160, 60).await;
    let mut rapporteur = Watched::join(addr, &roles[2].0, &roles[2].1, 80, 24).await;
    assert!(rapporteur.shows("1", LIMIT).await);
    // The facilitator goes to the breakouts: group 1's page; the room follows.
    facilitator.shows("", LIMIT).await;
    facilitator.keys(b"2").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Group 1's clock runs: the room's 49 screens tick on.
    facilitator.keys(b" ").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    facilitator.drain();
    room.drain();
    let mut keystrokes = Vec::new();
    let mut to_facilitator = Vec::new();
    let mut to_room = Vec::new();
    let (mut missed_keys, mut missed_facilitator, mut missed_room) = (0, 0, 0);
    // Letters no escape sequence of a frame uses, so an echo is recognised.
    const LETTERS: &[u8] = b"xqzwvky";
    for trial in 0..trials {
        let mut word = Vec::new();
        let mut n = trial + LETTERS.len().pow(5);
        while n > 0 {
            word.push(LETTERS[n % LETTERS.len()]);
            n /= LETTERS.len();
        }
        rapporteur.keys(b"a").await;
        rapporteur.echoes(b'\x1b', Duration::from_secs(2)).await;
        tokio::time::sleep(Duration::from_millis(20)).await;
        rapporteur.drain();
        for &letter in &word {
            let sent = Instant::now();
            rapporteur.keys(&[letter]).await;
            if rapporteur.echoes(letter, Duration::from_secs(2)).await {
                keystrokes.push(sent.elapsed());
            } else {
                missed_keys += 1;
            }
        }
        let word = String::from_utf8(word).unwrap();
        facilitator.drain();
        room.drain();
        // The room's dashboard shows how many inputs group 1 has.
        let count = format!("· {} insumo", trial + 1);
        let sent = Instant::now();
        // Ctrl+S keeps the input (a lone Esc would be read as a key only
        // after input::ESC_TIMEOUT, 80 ms, with nothing after it).
        rapporteur.keys(b"\x13").await;
        // Both screens are read at once: neither waits on the other.
        let (seen_f, seen_r) = tokio::join!(
            async {
                let ok = facilitator.shows(&word, Duration::from_secs(2)).await;
                (ok, sent.elapsed())
            },
            async {
                let ok = room.shows(&count, Duration::from_secs(2)).await;
                (ok, sent.elapsed())
            }
        );
        match seen_f {
            (true, took) => to_facilitator.push(took),
            _ => missed_facilitator += 1,
        }
        match seen_r {
            (true, took) => to_room.push(took),
            _ => missed_room += 1,
        }
        // Esc closes the form (not timed).
        rapporteur.keys(b"\x1b").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        rapporteur.drain();
    }
    eprintln!(
        "--- the facilitator's screen after the trials ---\n{}\n---",
        facilitator.screen.screen().contents()
    );
    eprintln!(
        "--- the room's screen after the trials ---\n{}\n---",
        room.screen.screen().contents()
    );
    percentiles("keystroke_to_own_screen", &mut keystrokes, missed_keys);
    percentiles(
        "commit_to_facilitator",
        &mut to_facilitator,
        missed_facilitator,
    );
    percentiles("commit_to_room", &mut to_room, missed_room);
}

fn percentiles(name: &str, samples: &mut [Duration], missed: usize) {
    samples.sort();
    let at = |q: f64| -> f64 {
        if samples.is_empty() {
            return f64::NAN;
        }
        let i = ((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i].as_secs_f64() * 1000.0
    };
    println!(
        "latency {name} n {} missed {missed} p50_ms {:.2} p90_ms {:.2} p99_ms {:.2} max_ms {:.2}",
        samples.len(),
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    );
}

fn tmux(socket: &str, pid: u32, clients: usize, seconds: usize) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    std::thread::sleep(Duration::from_secs(1));
    let idle = proc_of(pid);
    let payload = Arc::new(AtomicU64::new(0));
    let mut children = Vec::new();
    let system = native_pty_system();
    for _ in 0..clients {
        let pair = system
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new("tmux");
        command.args(["-L", socket, "attach", "-t", "anchor"]);
        command.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(command).unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let payload = Arc::clone(&payload);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                payload.fetch_add(n as u64, Ordering::Relaxed);
            }
        });
        children.push((child, pair.master));
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(SETTLE);
    let before = proc_of(pid);
    let payload0 = payload.load(Ordering::Relaxed);
    std::thread::sleep(Duration::from_secs(seconds as u64));
    let after = proc_of(pid);
    let payload1 = payload.load(Ordering::Relaxed);
    // tmux writes to the ptys: what the clients read is what it sent. One
    // tick a second (the anchor's clock).
    report(
        "tmux",
        clients,
        seconds,
        (idle, before, after),
        payload1 - payload0,
        seconds as u64,
    );
    for (mut child, _master) in children {
        let _ = child.kill();
        let _ = child.wait();
    }
}
