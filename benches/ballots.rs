//! Phones on the ballot page (issue 23), measured on 127.0.0.1:
//!
//! 1. 200 phones hold `/events` open while a poll is open and nobody
//!    votes: the server's CPU per minute, and its memory per connection
//!    (≤ 64 KiB).
//! 2. 500 ballots fired at once from 60 cards, the 200 phones still open,
//!    `BENCH_FLOODS` times (3) each way (`flood.rs`): each on a new
//!    connection, then each on one kept alive: exactly 60 recorded each time, the answers' p50/p99/max, the
//!    server's and the client's CPU (on two cores they share), and how
//!    many counts a phone was sent meanwhile.
//! 3. 30 ballots one after another, 100 ms apart: from a ballot sent to
//!    the count changed on a phone's events stream, p99 (≤ 50 ms).
//! 4. With `TALLER_BIN` set to a built `taller`: a ballot to the room's
//!    screen's "Votos: N de M", through `taller serve` and SSH (`room.rs`).
//!
//! The server runs in a child process (this program again, with
//! `TALLER_BALLOT_SERVER=1`), saving to disk as `taller serve` does, so its
//! CPU and memory are its own, read from /proc. `BENCH_IDLE_SECS` sets how
//! long the idle phones are watched (default 60), `BENCH_PHONES` how many
//! there are (200), `BENCH_CLIENT_THREADS` the client's threads (1). Run
//! with `cargo bench --bench ballots` (bench/phones.sh). With `BENCH_BARE=1`
//! the server is a bare one that only answers (`ballots/bare.rs`), and only
//! parts 1 and 2 are measured: the floor under the figures.

#[path = "../tests/support/ballot_room.rs"]
mod ballot_room;
#[path = "ballots/bare.rs"]
mod bare;
#[path = "ballots/flood.rs"]
mod flood;
#[path = "../tests/support/http_client.rs"]
mod http_client;
#[path = "ballots/room.rs"]
mod room;
#[path = "../tests/support/ssh_client.rs"]
mod ssh_client;

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, SocketAddr};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use ballot_room::Room;
use http_client::{Events, post_from};
use taller::model::poll::PollKind;
use taller::session::lock;
use uuid::Uuid;

const PHONES: usize = 200;
const FLOOD: usize = 500;
const FLOOD_CARDS: usize = 60;
const ONE_BY_ONE: usize = 30;

fn main() {
    match std::env::var("TALLER_BALLOT_SERVER").as_deref() {
        Ok("1") => return serve(),
        Ok("bare") => return bare::serve(FLOOD_CARDS + ONE_BY_ONE),
        _ => {}
    }
    // `cargo bench` passes `--bench`; nothing else is taken. The client
    // runs on one thread by default: on two cores, a second one mostly
    // takes the server's core (BENCH_CLIENT_THREADS to change it).
    let threads: usize = std::env::var("BENCH_CLIENT_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(measure());
}

/// The server: a room with 90 cards and a points poll open, its address,
/// poll, inputs and tokens printed as one JSON line; it serves until its
/// standard input closes.
fn serve() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let labels = taller::shell::tokens::people(FLOOD_CARDS + ONE_BY_ONE);
        let room = Room::start(labels, |config| {
            // 200 phones from a few loopback addresses, not one per phone.
            config.limits.per_address = 64;
            config.limits.waiting_per_address = 64;
        })
        .await;
        // Saved to disk as `taller serve` saves, by its writer thread, each
        // save's report going back to the host: a test's writer that keeps
        // every snapshot would cost what no server pays.
        let (reports, mut reported) = tokio::sync::mpsc::unbounded_channel();
        let saver = taller::shell::saver::Saver::spawn(reports);
        lock(&room.host).set_writer(saver.writer());
        let host = room.host.clone();
        tokio::spawn(async move {
            while let Some(report) = reported.recv().await {
                let taller::shell::saver::SaveReport { seq, result, .. } = report;
                lock(&host).saved(seq, result, jiff::Timestamp::now());
            }
        });
        let poll = room.open_poll(PollKind::points(), room.inputs.clone(), &[]);
        let said = serde_json::json!({
            "addr": room.addr.to_string(),
            "poll": poll,
            "inputs": room.inputs,
            "tokens": room.cards.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
        });
        println!("{said}");
        std::io::stdout().flush().unwrap();
        // Each line asks for a fresh poll (the last one closed), so each
        // flood starts from cards that have not voted.
        let mut asking = polls_asked();
        let mut open = poll;
        while asking.recv().await.is_some() {
            room.facilitate(taller::session::Command::Poll(
                taller::session::PollEdit::Close { id: open },
            ));
            open = room.open_poll(PollKind::points(), room.inputs.clone(), &[]);
            println!("{open}");
            std::io::stdout().flush().unwrap();
        }
        room.stop().await;
        drop(saver);
    });
}

/// The server's side of [`Server::fresh_poll`]: a message for each line
/// read on standard input, until it closes.
fn polls_asked() -> tokio::sync::mpsc::UnboundedReceiver<()> {
    let (asked, asking) = tokio::sync::mpsc::unbounded_channel::<()>();
    std::thread::spawn(move || {
        let mut line = String::new();
        while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
            line.clear();
            if asked.send(()).is_err() {
                break;
            }
        }
    });
    asking
}

struct Server {
    child: Child,
    said: BufReader<ChildStdout>,
    addr: SocketAddr,
    poll: Uuid,
    inputs: Vec<Uuid>,
    tokens: Vec<String>,
}

impl Server {
    fn start() -> Server {
        let server = if bare() { "bare" } else { "1" };
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env("TALLER_BALLOT_SERVER", server)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut said = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        said.read_line(&mut line).unwrap();
        let first: serde_json::Value = serde_json::from_str(&line).unwrap();
        let ids =
            |v: &serde_json::Value| -> Vec<Uuid> { serde_json::from_value(v.clone()).unwrap() };
        Server {
            addr: first["addr"].as_str().unwrap().parse().unwrap(),
            poll: first["poll"].as_str().unwrap().parse().unwrap(),
            inputs: ids(&first["inputs"]),
            tokens: serde_json::from_value(first["tokens"].clone()).unwrap(),
            child,
            said,
        }
    }

    /// Closes the open poll and opens a fresh one, which no card voted in.
    fn fresh_poll(&mut self) {
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(b"poll\n").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        self.said.read_line(&mut line).unwrap();
        self.poll = line.trim().parse().unwrap();
    }

    /// User and system CPU time so far.
    fn cpu(&self) -> Cpu {
        Cpu::of(&format!("/proc/{}", self.child.id()))
    }

    /// Resident memory, in KiB.
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// A process's CPU time: on the CPU in all (the scheduler's count, to the
/// nanosecond), and of that roughly how much in its own code (user) and in
/// the kernel's (system: TCP on loopback, mostly), in clock ticks.
#[derive(Clone, Copy)]
struct Cpu {
    ran: Duration,
    user: Duration,
    system: Duration,
}

impl Cpu {
    fn of(proc: &str) -> Cpu {
        let ran = std::fs::read_dir(format!("{proc}/task"))
            .unwrap()
            .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok())
            .filter_map(|line| line.split(' ').next()?.parse::<u64>().ok())
            .sum();
        let stat = std::fs::read_to_string(format!("{proc}/stat")).unwrap();
        // Fields after the command's closing parenthesis; utime and stime
        // are the 14th and 15th of the line.
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<u64> = after
            .split(' ')
            .skip(11)
            .take(2)
            .map(|f| f.parse().unwrap())
            .collect();
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
        let time = |t: u64| Duration::from_millis(t * 1000 / ticks);
        Cpu {
            ran: Duration::from_nanos(ran),
            user: time(fields[0]),
            system: time(fields[1]),
        }
    }

    fn mine() -> Cpu {
        Cpu::of("/proc/self")
    }

    fn total(self) -> Duration {
        self.ran
    }

    fn since(self, before: Cpu) -> Cpu {
        Cpu {
            ran: self.ran - before.ran,
            user: self.user - before.user,
            system: self.system - before.system,
        }
    }
}

impl std::fmt::Display for Cpu {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.1} ms (~{} user, ~{} system)",
            self.ran.as_secs_f64() * 1000.0,
            self.user.as_millis(),
            self.system.as_millis()
        )
    }
}

/// Whether the server is the bare one (`BENCH_BARE=1`, `bare.rs`): the
/// floor under the figures, what any server pays here.
fn bare() -> bool {
    std::env::var("BENCH_BARE").is_ok_and(|v| v == "1")
}

/// A loopback address per phone group: the server's per-address cap is
/// about one room's laptop, not what is measured.
fn phone_address(n: usize) -> IpAddr {
    IpAddr::from([127, 0, 2 + (n / 250) as u8, 1 + (n % 250) as u8])
}

fn ballot(server: &Server, card: usize, input: usize) -> String {
    serde_json::json!({
        "token": server.tokens[card],
        "poll": server.poll,
        "points": { server.inputs[input % server.inputs.len()].to_string(): 1 },
    })
    .to_string()
}

fn quantile(times: &[Duration], q: usize) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = (sorted.len() * q).div_ceil(100).saturating_sub(1);
    sorted[at].as_secs_f64() * 1000.0
}

fn p99(times: &[Duration]) -> f64 {
    quantile(times, 99)
}

/// 500 ballots at once from 60 cards, sent `how`, each flood in a fresh
/// poll: exactly 60 recorded. `phone`, if any, is a phone on `/events`:
/// how many views it was sent during the flood.
async fn flood(server: &mut Server, how: &str, phone: Option<&mut Events>) {
    server.fresh_poll();
    let mut phone = phone;
    if let Some(phone) = phone.as_deref_mut() {
        while phone.next(Duration::from_millis(100)).await.is_some() {}
    }
    let shots: Vec<flood::Shot> = (0..FLOOD)
        .map(|n| {
            let card = n % FLOOD_CARDS;
            flood::Shot {
                card,
                body: ballot(server, card, n),
            }
        })
        .collect();
    let cpus = || (server.cpu(), Cpu::mine());
    let started = Instant::now();
    // Connections kept alive are opened before the clock starts.
    let ((server_before, mine_before), answers, started) = match how {
        "kept" => {
            let (before, answers) =
                flood::kept(server.addr, shots, || (cpus(), Instant::now())).await;
            (before.0, answers, before.1)
        }
        _ => {
            let before = cpus();
            (before, flood::fresh(server.addr, shots).await, started)
        }
    };
    let took = started.elapsed();
    let (server_cpu, client_cpu) = (
        server.cpu().since(server_before),
        Cpu::mine().since(mine_before),
    );
    let recorded = answers.iter().filter(|(status, _)| *status == 201).count();
    let refused = answers.iter().filter(|(status, _)| *status == 409).count();
    let cast = http_client::get(server.addr, "/api/poll").await.json()["cast"].clone();
    let times: Vec<Duration> = answers.iter().map(|(_, t)| *t).collect();
    let mut views = String::new();
    if let Some(phone) = phone {
        let mut counted = 0;
        while let Some(event) = phone.next(Duration::from_millis(200)).await {
            counted += usize::from(event.name == "count_changed");
        }
        views = format!("; a phone on /events was sent {counted} counts");
    }
    println!(
        "flood ({how}): {FLOOD} ballots at once from {FLOOD_CARDS} cards: {recorded} recorded (201), \
         {refused} already voted (409), the poll counts {cast}; answer p50 {:.1} ms, p99 {:.1} ms, \
         max {:.1} ms; all answered in {:.0} ms, server CPU {server_cpu}, client CPU {client_cpu}{views}",
        quantile(&times, 50),
        p99(&times),
        quantile(&times, 100),
        took.as_secs_f64() * 1000.0,
    );
    assert_eq!(recorded, FLOOD_CARDS, "exactly one ballot per card");
    assert_eq!(cast, serde_json::json!(FLOOD_CARDS));
}

async fn measure() {
    let mut server = Server::start();
    let idle_secs: u64 = std::env::var("BENCH_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);

    // 1. Idle phones.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_before = server.rss_kib();
    let mut phones = Vec::new();
    let phones_count: usize = std::env::var("BENCH_PHONES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(PHONES);
    for n in 0..phones_count {
        let mut events = Events::open_from(phone_address(n % 20), server.addr)
            .await
            .expect("a phone connects");
        events
            .next(Duration::from_secs(10))
            .await
            .expect("the view at once");
        phones.push(events);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_after = server.rss_kib();
    let per_phone = (rss_after.saturating_sub(rss_before)) * 1024 / phones_count.max(1) as u64;
    let cpu_before = server.cpu();
    tokio::time::sleep(Duration::from_secs(idle_secs)).await;
    let idle_cpu = server.cpu().since(cpu_before).total();
    let per_minute = idle_cpu.as_secs_f64() * 60.0 / idle_secs as f64;
    println!(
        "idle: {phones_count} phones on /events for {idle_secs} s: server CPU {:.1} ms per minute; \
         memory {rss_before} KiB → {rss_after} KiB, {:.1} KiB per connection",
        per_minute * 1000.0,
        per_phone as f64 / 1024.0
    );

    // 2. 500 ballots at once from 60 cards, the 200 phones still connected,
    // `BENCH_FLOODS` times each way (each in a poll of its own, so the
    // session grows as a day of polls does): one burst on this shared
    // machine says little, a few say how much they vary.
    let floods: usize = std::env::var("BENCH_FLOODS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    for how in ["fresh", "kept"] {
        for _ in 0..floods.max(1) {
            flood(&mut server, how, phones.get_mut(1)).await;
        }
    }

    if bare() {
        println!(
            "bare: a server that only answers (benches/ballots/bare.rs); nothing more measured"
        );
        return;
    }

    // 3. A ballot to the count on a phone, one by one.
    if phones.is_empty() {
        phones.push(
            Events::open_from(phone_address(0), server.addr)
                .await
                .unwrap(),
        );
    }
    let watcher = &mut phones[0];
    while watcher.next(Duration::from_millis(200)).await.is_some() {}
    let mut to_count = Vec::new();
    for k in 0..ONE_BY_ONE {
        // People voting one after another, not within the publisher's gap
        // (a burst's count is sent at most every `SEND_GAP`).
        tokio::time::sleep(Duration::from_millis(100)).await;
        let card = FLOOD_CARDS + k;
        let body = ballot(&server, card, k);
        let started = Instant::now();
        let answer = post_from(phone_address(card), server.addr, "/api/ballot", &body).await;
        assert_eq!(answer.status, 201);
        let want = format!("\"cast\":{}", FLOOD_CARDS + k + 1);
        loop {
            let event = watcher
                .next(Duration::from_secs(5))
                .await
                .expect("the count comes");
            if event.data.contains(&want) {
                break;
            }
        }
        to_count.push(started.elapsed());
    }
    println!(
        "count: {ONE_BY_ONE} ballots one by one, sent to the count on a phone's stream: p99 {:.1} ms",
        p99(&to_count)
    );
    drop(phones);
    drop(server);

    // 4. A ballot to the room's screen, through `taller serve` itself.
    match std::env::var_os("TALLER_BIN") {
        Some(binary) => room::measure(std::path::Path::new(&binary)).await,
        None => println!("room: not measured (TALLER_BIN names no taller binary)"),
    }
}
