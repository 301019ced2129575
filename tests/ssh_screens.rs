//! The real `taller serve --headless` on loopback, joined by many screens
//! at once (russh's client): what a screen costs the server's memory, and
//! how every screen is closed when the server stops. Bounded in count and
//! time; every server stops by itself (SIGTERM, then the test's end).

use std::io::BufRead;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client;
use ssh_client::Client;

#[path = "support/ssh_client.rs"]
mod ssh_client;

/// Every wait in these tests is bounded by this.
const LIMIT: Duration = Duration::from_secs(20);

/// `taller serve NAME --headless` on a loopback port of its own, with the
/// lines it printed on how to join.
struct Served {
    child: Child,
    addr: SocketAddr,
    printed: String,
    _dir: tempfile::TempDir,
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
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
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
            _dir: dir,
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

    /// The server's resident memory, in bytes (`VmRSS`).
    fn rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        kib * 1024
    }

    /// SIGTERM; then what it said on its standard error, and how it ended.
    fn stop(mut self) -> (std::process::ExitStatus, String) {
        unsafe { libc_kill(self.child.id() as i32, 15) };
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut said = String::new();
                use std::io::Read;
                let _ = self.child.stderr.take().unwrap().read_to_string(&mut said);
                return (status, said);
            }
            assert!(Instant::now() < deadline, "the server stops on SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
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

/// Connects from `from` (any 127.x.y.z is this machine) and joins.
async fn join_from(
    from: Ipv4Addr,
    to: SocketAddr,
    user: &str,
    code: &str,
) -> client::Handle<Client> {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(IpAddr::V4(from), 0)).unwrap();
    let stream = tokio::time::timeout(LIMIT, socket.connect(to))
        .await
        .unwrap()
        .unwrap();
    let mut handle = ssh_client::connect_over(stream, client::Config::default()).await;
    let (_, taken) = ssh_client::sign_in(&mut handle, user, code).await;
    assert!(taken, "{user} joins from {from}");
    handle
}

/// A terminal read into an emulator until `done`, or until the channel
/// closes; its exit status, if it said one.
async fn read(
    channel: &mut russh::Channel<client::Msg>,
    screen: &mut vt100::Parser,
    mut done: impl FnMut(&vt100::Parser) -> bool,
) -> Option<u32> {
    let mut status = None;
    let _ = tokio::time::timeout(LIMIT, async {
        while !done(screen) {
            match channel.wait().await {
                Some(ChannelMsg::Data { data }) => screen.process(&data),
                Some(ChannelMsg::ExitStatus { exit_status }) => status = Some(exit_status),
                Some(_) => {}
                None => return,
            }
        }
    })
    .await;
    status
}

/// Waits until `settled` holds for the server's memory (or the limit).
fn settle(served: &Served, settled: impl Fn(u64) -> bool) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let rss = served.rss();
        if settled(rss) || Instant::now() > deadline {
            return rss;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

const MIB: u64 = 1 << 20;

/// Issue 20, item 22: `lectura` screens at the largest size a client may
/// ask for cost the server a few MiB each at most, and that memory is given
/// back when they leave.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_largest_screens_cost_a_few_mib_each_and_are_given_back() {
    const SCREENS: u8 = 24;
    let served = Served::start();
    let code = served.code("lectura");
    // One screen first, so what every process pays once (the runtime, the
    // first frame's tables) is in the measure before.
    let warm = join_from(Ipv4Addr::new(127, 0, 0, 9), served.addr, "lectura", &code).await;
    let mut channel = ssh_client::terminal(&warm, 80, 24).await;
    let mut screen = vt100::Parser::new(24, 80, 0);
    read(&mut channel, &mut screen, |s| {
        s.screen().contents().contains("Taller")
    })
    .await;
    drop(channel);
    drop(warm);
    std::thread::sleep(Duration::from_millis(300));
    let before = served.rss();

    let mut open = Vec::new();
    for n in 0..SCREENS {
        let from = Ipv4Addr::new(127, 0, 1, 10 + n);
        let handle = join_from(from, served.addr, "lectura", &code).await;
        let mut channel = ssh_client::terminal(&handle, 60_000, 60_000).await;
        // Read as a terminal of the size drawn (the server's clamp).
        let mut screen = vt100::Parser::new(80, 240, 0);
        read(&mut channel, &mut screen, |s| {
            s.screen().contents().contains("Taller")
        })
        .await;
        assert!(screen.screen().contents().contains("Taller"), "{from}");
        // Kept reading, so the server never waits on this client.
        let reading = tokio::spawn(async move { while channel.wait().await.is_some() {} });
        open.push((handle, reading));
    }
    std::thread::sleep(Duration::from_millis(300));
    let during = served.rss();
    for (handle, reading) in open {
        drop(handle);
        reading.abort();
    }
    let grown = during.saturating_sub(before);
    let after = settle(&served, |rss| rss.saturating_sub(before) < 16 * MIB);
    let kept = after.saturating_sub(before);
    eprintln!(
        "VmRSS before {} MiB, with {SCREENS} screens {} MiB (+{:.1} MiB each), after {} MiB",
        before / MIB,
        during / MIB,
        grown as f64 / MIB as f64 / f64::from(SCREENS),
        after / MIB
    );
    assert!(
        grown <= u64::from(SCREENS) * 4 * MIB,
        "{} MiB for {SCREENS} screens",
        grown / MIB
    );
    assert!(kept < 16 * MIB, "{} MiB kept after they left", kept / MIB);
    let (status, _) = served.stop();
    assert!(status.success());
}

/// A screen of `user` from 127.0.0.1 at `cols`×`rows`, read until drawn.
async fn drawn(
    served: &Served,
    user: &str,
    cols: u16,
    rows: u16,
) -> (
    client::Handle<Client>,
    russh::Channel<client::Msg>,
    vt100::Parser,
) {
    let (handle, mut channel, mut screen) = terminal_of(served, user, cols, rows).await;
    read(&mut channel, &mut screen, |s| {
        s.screen().alternate_screen() && !s.screen().contents().trim().is_empty()
    })
    .await;
    assert!(screen.screen().alternate_screen(), "{user}");
    (handle, channel, screen)
}

/// `user` joined from this machine with a terminal of that size asked
/// for, nothing read yet.
async fn terminal_of(
    served: &Served,
    user: &str,
    cols: u16,
    rows: u16,
) -> (
    client::Handle<Client>,
    russh::Channel<client::Msg>,
    vt100::Parser,
) {
    let handle = join_from(Ipv4Addr::LOCALHOST, served.addr, user, &served.code(user)).await;
    let channel = ssh_client::terminal(&handle, cols.into(), rows.into()).await;
    (handle, channel, vt100::Parser::new(rows, cols, 0))
}

/// Issue 20, item 22: one code does not buy screen after screen from one
/// address; the one past the cap is told why, in words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screens_of_one_role_from_one_address_are_capped() {
    let served = Served::start();
    let mut open = Vec::new();
    for _ in 0..4 {
        open.push(drawn(&served, "lectura", 80, 24).await);
    }
    let (_handle, mut channel, mut screen) = terminal_of(&served, "lectura", 80, 24).await;
    let status = read(&mut channel, &mut screen, |_| false).await;
    assert_eq!(status, Some(1));
    assert!(
        screen.screen().contents().contains("Ya hay 4 pantallas"),
        "{}",
        screen.screen().contents()
    );
    // Another role from the same address still joins.
    drawn(&served, "sala", 80, 24).await;
    // One closed makes room for another.
    open.pop();
    let mut joined = false;
    for _ in 0..50 {
        let (_handle, mut channel, mut screen) = terminal_of(&served, "lectura", 80, 24).await;
        read(&mut channel, &mut screen, |s| {
            s.screen().alternate_screen() || s.screen().contents().contains("Ya hay")
        })
        .await;
        if screen.screen().alternate_screen() {
            joined = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(joined);
    drop(open);
    let (status, _) = served.stop();
    assert!(status.success());
}

/// Issue 20, item 15: SIGTERM on `--headless` with eight screens on, twenty
/// times: every one is told the session ended, its terminal put back (main
/// screen, cursor shown) and given exit status 0; the server says on its
/// standard error what it did.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_closes_eight_screens_cleanly_twenty_times() {
    let users = [
        ("facilitador", 160, 45),
        ("grupo1", 80, 24),
        ("grupo2", 100, 30),
        ("grupo3", 60, 20),
        ("sala", 200, 60),
        ("sala", 80, 24),
        ("lectura", 80, 24),
        ("grupo1", 80, 24),
    ];
    for round in 0..20 {
        let served = Served::start();
        let mut clients = Vec::new();
        for (user, cols, rows) in users {
            clients.push(drawn(&served, user, cols, rows).await);
        }
        let closing: Vec<_> = clients
            .into_iter()
            .map(|(handle, mut channel, mut screen)| {
                tokio::spawn(async move {
                    let status = read(&mut channel, &mut screen, |_| false).await;
                    drop(handle);
                    (status, screen)
                })
            })
            .collect();
        let (stopped, said) = served.stop();
        assert!(stopped.success(), "round {round}: {said}");
        assert!(
            said.contains("SIGTERM recibida: 8 pantalla(s)"),
            "round {round}: {said}"
        );
        for ((user, _, _), client) in users.iter().zip(closing) {
            let (status, screen) = client.await.unwrap();
            let screen = screen.screen();
            assert_eq!(status, Some(0), "round {round}, {user}");
            assert!(!screen.alternate_screen(), "round {round}, {user}");
            assert!(!screen.hide_cursor(), "round {round}, {user}");
            assert!(
                screen.contents().contains("La sesión en vivo terminó"),
                "round {round}, {user}: {}",
                screen.contents()
            );
        }
    }
}
