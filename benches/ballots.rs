//! Phones on the ballot page (issue 23), measured on 127.0.0.1:
//!
//! 1. 200 phones hold `/events` open while a poll is open and nobody
//!    votes: the server's CPU per minute, and its memory per connection
//!    (≤ 64 KiB).
//! 2. 500 ballots fired at once from 60 cards: exactly 60 recorded, and
//!    the answers' p99 (≤ 20 ms).
//! 3. 30 ballots one after another: from a ballot sent to the count
//!    changed on a phone's events stream, p99 (≤ 50 ms).
//!
//! The server runs in a child process (this program again, with
//! `TALLER_BALLOT_SERVER=1`), so its CPU and memory are its own, read from
//! /proc. `BENCH_IDLE_SECS` sets how long the idle phones are watched
//! (default 60). Run with `cargo bench --bench ballots` (bench/phones.sh).

#[path = "../tests/support/ballot_room.rs"]
mod ballot_room;
#[path = "../tests/support/http_client.rs"]
mod http_client;

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, SocketAddr};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ballot_room::Room;
use http_client::{Events, post_from};
use taller::model::poll::PollKind;
use uuid::Uuid;

const PHONES: usize = 200;
const FLOOD: usize = 500;
const FLOOD_CARDS: usize = 60;
const ONE_BY_ONE: usize = 30;

fn main() {
    if std::env::var("TALLER_BALLOT_SERVER").is_ok_and(|v| v == "1") {
        return serve();
    }
    // `cargo bench` passes `--bench`; nothing else is taken.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
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
        let poll = room.open_poll(PollKind::points(), room.inputs.clone(), &[]);
        let said = serde_json::json!({
            "addr": room.addr.to_string(),
            "poll": poll,
            "inputs": room.inputs,
            "tokens": room.cards.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
        });
        println!("{said}");
        std::io::stdout().flush().unwrap();
        tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {}
        })
        .await
        .unwrap();
        room.stop().await;
    });
}

struct Server {
    child: Child,
    addr: SocketAddr,
    poll: Uuid,
    inputs: Vec<Uuid>,
    tokens: Vec<String>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env("TALLER_BALLOT_SERVER", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let said: serde_json::Value = serde_json::from_str(&line).unwrap();
        let ids =
            |v: &serde_json::Value| -> Vec<Uuid> { serde_json::from_value(v.clone()).unwrap() };
        Server {
            addr: said["addr"].as_str().unwrap().parse().unwrap(),
            poll: said["poll"].as_str().unwrap().parse().unwrap(),
            inputs: ids(&said["inputs"]),
            tokens: serde_json::from_value(said["tokens"].clone()).unwrap(),
            child,
        }
    }

    /// User and system CPU time so far.
    fn cpu(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
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
        Duration::from_millis((fields[0] + fields[1]) * 1000 / ticks)
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

fn p99(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[(times.len() * 99).div_ceil(100).saturating_sub(1)]
}

async fn measure() {
    let server = Server::start();
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
    let idle_cpu = server.cpu() - cpu_before;
    let per_minute = idle_cpu.as_secs_f64() * 60.0 / idle_secs as f64;
    println!(
        "idle: {phones_count} phones on /events for {idle_secs} s: server CPU {:.1} ms per minute; \
         memory {rss_before} KiB → {rss_after} KiB, {:.1} KiB per connection",
        per_minute * 1000.0,
        per_phone as f64 / 1024.0
    );

    // 2. 500 ballots at once from 60 cards.
    let cpu_before = server.cpu();
    let flood_started = Instant::now();
    let flood = (0..FLOOD).map(|n| {
        let card = n % FLOOD_CARDS;
        let body = ballot(&server, card, n);
        let addr = server.addr;
        tokio::spawn(async move {
            let started = Instant::now();
            let answer = post_from(phone_address(card), addr, "/api/ballot", &body).await;
            (answer.status, started.elapsed())
        })
    });
    let flood: Vec<_> = futures_util::future::join_all(flood)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let flood_took = flood_started.elapsed();
    let flood_cpu = server.cpu() - cpu_before;
    let recorded = flood.iter().filter(|(status, _)| *status == 201).count();
    let refused = flood.iter().filter(|(status, _)| *status == 409).count();
    let cast = http_client::get(server.addr, "/api/poll").await.json()["cast"].clone();
    let times: Vec<Duration> = flood.iter().map(|(_, t)| *t).collect();
    let median = {
        let mut sorted = times.clone();
        sorted.sort();
        sorted[sorted.len() / 2]
    };
    println!(
        "flood: {FLOOD} ballots at once from {FLOOD_CARDS} cards: {recorded} recorded (201), \
         {refused} already voted (409), the poll counts {cast}; answer p50 {:.1} ms, p99 {:.1} ms; \
         all answered in {:.0} ms, server CPU {:.0} ms",
        median.as_secs_f64() * 1000.0,
        p99(times).as_secs_f64() * 1000.0,
        flood_took.as_secs_f64() * 1000.0,
        flood_cpu.as_secs_f64() * 1000.0,
    );
    assert_eq!(recorded, FLOOD_CARDS, "exactly one ballot per card");
    assert_eq!(cast, serde_json::json!(FLOOD_CARDS));

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
        p99(to_count).as_secs_f64() * 1000.0
    );
    drop(phones);
}
