//! 500 ballots fired at once, two ways a phone may send one:
//!
//! - `fresh`: each ballot on a connection of its own, opened when it is
//!   sent (a phone whose page was loaded long ago, its connection closed);
//!   the time includes the TCP handshake, on the same two cores.
//! - `kept`: each ballot on a connection already open (the page was just
//!   loaded, the browser keeps its connection alive), all opened before the
//!   burst; the time is the server's answer alone, from the request written
//!   to the answer read.
//!
//! Either way every request is written by its own task at once and the
//! client's CPU is read too: on two cores the client competes with the
//! server it measures.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::http_client::{connect_from, post_from};
use crate::phone_address;

/// One ballot: the card's address and its request body.
pub struct Shot {
    pub card: usize,
    pub body: String,
}

/// Each shot on its own new connection (`Connection: close`).
pub async fn fresh(addr: SocketAddr, shots: Vec<Shot>) -> Vec<(u16, Duration)> {
    let tasks = shots.into_iter().map(|shot| {
        tokio::spawn(async move {
            let started = Instant::now();
            let answer = post_from(phone_address(shot.card), addr, "/api/ballot", &shot.body).await;
            (answer.status, started.elapsed())
        })
    });
    futures_util::future::join_all(tasks)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

/// Each shot on a connection opened (and kept alive) before any is sent;
/// all are then written at once, `at_burst` called just before.
pub async fn kept<T>(
    addr: SocketAddr,
    shots: Vec<Shot>,
    at_burst: impl FnOnce() -> T,
) -> (T, Vec<(u16, Duration)>) {
    let mut ready = Vec::new();
    for shot in shots {
        let stream = connect_from(phone_address(shot.card), addr)
            .await
            .expect("a kept connection");
        let _ = stream.set_nodelay(true);
        let request = format!(
            "POST /api/ballot HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{}",
            shot.body.len(),
            shot.body
        );
        ready.push((stream, request));
    }
    // The server has taken every connection before the burst.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (go, wait) = tokio::sync::watch::channel(false);
    let tasks: Vec<_> = ready
        .into_iter()
        .map(|(mut stream, request)| {
            let mut wait = wait.clone();
            tokio::spawn(async move {
                let _ = wait.wait_for(|go| *go).await;
                let started = Instant::now();
                stream.write_all(request.as_bytes()).await.unwrap();
                let status = read_answer(&mut stream).await;
                (status, started.elapsed())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let before = at_burst();
    go.send(true).unwrap();
    let answers = futures_util::future::join_all(tasks)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    (before, answers)
}

/// Reads one answer on a kept-alive connection: its head, then as many
/// bytes as it says its body has. Its status.
async fn read_answer(stream: &mut TcpStream) -> u16 {
    let mut got = Vec::new();
    let mut chunk = [0u8; 2048];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(20), stream.read(&mut chunk))
            .await
            .expect("an answer in time")
            .expect("read");
        if n == 0 {
            break;
        }
        got.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&got);
        let Some((head, body)) = text.split_once("\r\n\r\n") else {
            continue;
        };
        let length = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse::<usize>().ok())?
            })
            .unwrap_or(0);
        if body.len() >= length {
            break;
        }
    }
    crate::http_client::parse(got).status
}
