//! A plain HTTP/1.1 client over a socket, for the tests and benchmarks of
//! the ballot page: each request on its own connection (`Connection:
//! close`), read to the end, so a test can send anything at all, malformed
//! requests included, and see every byte of what comes back.
//!
//! Included by path (`#[path = "support/http_client.rs"] mod http_client;`);
//! not every test uses every part.
#![allow(dead_code)]

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// No request waits longer than this for its answer.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// What came back: the status (0 when the server closed without one), the
/// headers (names in lower case) and the body.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Everything, as received.
    pub raw: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// A connection from `from` (any 127.x.y.z address: each is its own
/// "phone" to the server's per-address limits).
pub async fn connect_from(from: IpAddr, to: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(from, 0))?;
    socket.connect(to).await
}

/// Sends `bytes` as they are and reads the answer to the end.
pub async fn send_raw_from(from: IpAddr, to: SocketAddr, bytes: &[u8]) -> Answer {
    let exchange = async {
        let mut stream = connect_from(from, to).await?;
        // The server may close before reading everything (a body too big):
        // what it answered is still read.
        let _ = stream.write_all(bytes).await;
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw).await;
        Ok::<_, std::io::Error>(raw)
    };
    let raw = tokio::time::timeout(ANSWER_WITHIN, exchange)
        .await
        .expect("an answer in time")
        .expect("connected");
    parse(raw)
}

pub async fn send_raw(to: SocketAddr, bytes: &[u8]) -> Answer {
    send_raw_from(IpAddr::from([127, 0, 0, 1]), to, bytes).await
}

pub async fn get(to: SocketAddr, path: &str) -> Answer {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\r\n");
    send_raw(to, request.as_bytes()).await
}

pub async fn post_from(from: IpAddr, to: SocketAddr, path: &str, body: &str) -> Answer {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {to}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    send_raw_from(from, to, request.as_bytes()).await
}

pub async fn post(to: SocketAddr, path: &str, body: &str) -> Answer {
    post_from(IpAddr::from([127, 0, 0, 1]), to, path, body).await
}

/// Reads an answer: status line, headers, and the body as sent (a chunked
/// body is taken apart).
pub fn parse(raw: Vec<u8>) -> Answer {
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Answer {
        status,
        headers,
        body,
        raw,
    }
}

pub fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// An open `/events` stream, read event by event.
pub struct Events {
    stream: TcpStream,
    buffer: String,
}

/// One server-sent event: its name (`view` when none) and its data.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Events {
    pub async fn open_from(from: IpAddr, to: SocketAddr) -> std::io::Result<Events> {
        let mut stream = connect_from(from, to).await?;
        let request =
            format!("GET /events HTTP/1.1\r\nHost: {to}\r\nAccept: text/event-stream\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        Ok(Events {
            stream,
            buffer: String::new(),
        })
    }

    pub async fn open(to: SocketAddr) -> std::io::Result<Events> {
        Events::open_from(IpAddr::from([127, 0, 0, 1]), to).await
    }

    /// The next event with data (keep-alive comments skipped), or `None`
    /// when the stream ended or `within` passed.
    pub async fn next(&mut self, within: Duration) -> Option<Event> {
        tokio::time::timeout(within, self.next_event())
            .await
            .ok()
            .flatten()
    }

    async fn next_event(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.take_event() {
                return Some(event);
            }
            let mut chunk = [0u8; 4096];
            let n = self.stream.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            self.buffer.push_str(&String::from_utf8_lossy(&chunk[..n]));
        }
    }

    /// The first complete event in what was read: the lines of a
    /// chunk-framed stream are found by their `event:` and `data:` fields.
    fn take_event(&mut self) -> Option<Event> {
        let start = self.buffer.find("data: ")?;
        let end = start + self.buffer[start..].find('\n')?;
        let data = self.buffer[start + 6..end].trim_end().to_string();
        let before = &self.buffer[..start];
        let name = before
            .rfind("event: ")
            .map(|at| {
                before[at + 7..]
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            })
            .filter(|_| !before.is_empty())
            .unwrap_or_else(|| "view".into());
        self.buffer.drain(..end);
        Some(Event { name, data })
    }

    /// Bytes received so far and not taken as events (keep-alives count).
    pub fn pending(&self) -> &str {
        &self.buffer
    }
}
