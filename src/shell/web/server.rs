//! The ballot page's listener: each phone's connection let in by address
//! (as SSH laptops are), served over HTTP/1.1 with a bound on reading a
//! request's head, and closed when the server stops.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::Cards;
use super::publisher::Beats;
use super::routes;
use super::shared::PageShared;
use super::socket::Socket;
use crate::session::SharedHost;
use crate::shell::admission::{Admission, Limits};
use crate::shell::backoff::Backoff;

/// Connections waiting to be accepted (the system caps it at `somaxconn`).
const BACKLOG: u32 = 1024;

/// How to serve the ballot page.
pub struct WebConfig {
    /// Where to listen (`0.0.0.0:8080`; tests use `127.0.0.1:0`).
    pub listen: SocketAddr,
    /// Which card a typed token is, if any (the tokens beside the session).
    pub cards: Arc<dyn Cards>,
    /// How many connections are let in, per address and in all.
    pub limits: Limits,
    /// The unit of the growing wait after wrong tokens from one address
    /// (a second when serving; less in tests).
    pub backoff_unit: Duration,
    /// A request whose head has not arrived in this long is dropped, and so
    /// is a kept-alive connection silent this long between requests.
    pub head_within: Duration,
    /// How often every open `/events` stream hears that the server is there
    /// (one timer for all of them, not one per phone).
    pub keep_alive: Duration,
}

impl WebConfig {
    pub fn new(listen: SocketAddr, cards: Arc<dyn Cards>) -> WebConfig {
        WebConfig {
            listen,
            cards,
            limits: web_limits(),
            backoff_unit: Duration::from_secs(1),
            head_within: Duration::from_secs(10),
            keep_alive: Duration::from_secs(20),
        }
    }
}

/// A room of forty phones, each with its events stream, the page and a
/// ballot at once (browsers open up to six connections to one address);
/// nothing "joins" here, so no slots are kept for known addresses.
pub fn web_limits() -> Limits {
    Limits {
        total: 1024,
        per_address: 12,
        waiting_per_address: 12,
        kept_for_known: 0,
        idle_when_crowded: Duration::from_secs(10),
    }
}

/// The ballot page's server, bound, not yet serving.
pub struct WebServer {
    listener: TcpListener,
    config: WebConfig,
}

impl WebServer {
    pub async fn bind(config: WebConfig) -> io::Result<WebServer> {
        let socket = match config.listen {
            SocketAddr::V4(_) => TcpSocket::new_v4()?,
            SocketAddr::V6(_) => TcpSocket::new_v6()?,
        };
        socket.set_reuseaddr(true)?;
        socket.bind(config.listen)?;
        // A room's phones arrive together (a poll opens, the Wi-Fi comes
        // back): tokio's backlog of 128 overflowed under 500 ballots at
        // once, and each connection dropped was tried again a second later.
        let listener = socket.listen(BACKLOG)?;
        Ok(WebServer { listener, config })
    }

    /// The address actually bound (the port chosen, for port 0).
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves `host`'s open poll and presented input until `shutdown`
    /// completes; then every stream ends and every connection is closed.
    pub async fn run(self, host: SharedHost, shutdown: impl Future<Output = ()> + Send) {
        let config = self.config;
        let (beats, publishing) = Beats::start(host.clone(), config.keep_alive);
        let shared = Arc::new(PageShared::new(
            host,
            config.cards,
            Backoff::new(config.backoff_unit),
            beats,
        ));
        let router = routes::router(Arc::clone(&shared));
        let admission = Admission::new(config.limits);
        let (ended, ended_rx) = watch::channel(false);
        let mut connections = JoinSet::new();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
                (stream, peer, admitted) = admission.next(&self.listener) => {
                    let served = serve_connection(stream, peer, router.clone(), config.head_within, ended_rx.clone());
                    connections.spawn(async move {
                        served.await;
                        drop(admitted);
                    });
                }
            }
        }
        drop(self.listener);
        // Every events stream ends with its publisher; then each connection
        // finishes the answer it is writing and closes.
        publishing.abort();
        drop(shared);
        let _ = ended.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(2), async {
            while connections.join_next().await.is_some() {}
        })
        .await;
        connections.shutdown().await;
    }
}

/// One phone's connection, until it closes, is silent too long, or the
/// server stops.
async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: axum::Router,
    head_within: Duration,
    mut ended: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let socket = Socket(stream.as_raw_fd());
    let tower = TowerToHyperService::new(router);
    // The peer's address, for the back-off and nothing else; the socket,
    // for an events stream to be dropped when its phone is gone.
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        request.extensions_mut().insert(socket);
        hyper::service::Service::call(&tower, request)
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(head_within)
        // The smallest buffer hyper takes: a request's head is small, and
        // bodies are read apart and capped.
        .max_buf_size(8 * 1024)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = ended.wait_for(|ended| *ended) => {}
    }
    connection.as_mut().graceful_shutdown();
    let _ = tokio::time::timeout(Duration::from_secs(1), connection).await;
}
