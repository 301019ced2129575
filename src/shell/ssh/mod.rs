//! `taller serve`'s transport: people join the live session with `ssh`, each
//! with a screen of their own drawn at their terminal's size.
//!
//! How a caller serves a session:
//!
//! ```text
//! let key = host_key::load_or_create(&host_key::default_dir()?)?;   // once, 0600
//! let codes = codes::load_or_create(&session_path, &live.groups())?; // .NAME.json.codes
//! let mut config = ServeConfig::new(key, codes, lang);               // 0.0.0.0:2222
//! config.follow(session_path);            // follow `codes --new`; keep new groups' codes
//! // and call `config.codes.cover(&live.groups())` when the groups change.
//! serve(live, config, shutdown).await?;                              // or Server::bind + run
//! ```
//!
//! How the [`Live`] is used: `groups()` on each login try (keep it cheap);
//! `join(role, lang)` once per terminal, from that connection's task; the
//! [`Screen`](crate::shell::live::Screen) it returns is driven by that one
//! task only (never two calls at once), and dropped when the person leaves,
//! their connection drops, or the server stops. Its methods run on the
//! async runtime, so they must not block (no disk, no locks held long);
//! `revisions()` is awaited so a new revision redraws at once, and
//! `wake_at()` is slept until. `document()` runs on the blocking pool.
//! Any tokio runtime with `net` and `time` serves (current-thread too).

pub mod auth;
mod cells;
mod changes;
pub mod channel;
pub mod codes;
mod current_codes;
mod cut;
mod handler;
pub mod host_key;
pub mod input;
pub mod lan;
pub mod outbox;
pub mod present;
pub mod roles;
mod showing;
pub mod terminal;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use russh::keys::PrivateKey;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::i18n::Lang;
use crate::shell::live::Live;
use auth::{AuthorizedKeys, Backoff};
use codes::{Codes, CurrentCodes};

/// The default address: every interface, port 2222.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:2222";
/// Connections served at once; more are closed at once.
const MAX_CONNECTIONS: usize = 512;
/// How long clients are given to leave cleanly when the server stops.
const GOODBYE: Duration = Duration::from_secs(3);
/// How long a client whose screens said goodbye is given to hang up.
const FLUSH: Duration = Duration::from_secs(1);
/// A connection that has not joined by then is closed.
const HANDSHAKE: Duration = Duration::from_secs(30);

/// How to serve.
pub struct ServeConfig {
    /// Where to listen (`0.0.0.0:2222`; tests use `127.0.0.1:0`).
    pub listen: SocketAddr,
    /// The server's key ([`host_key::load_or_create`]).
    pub host_key: PrivateKey,
    /// The session's join codes ([`codes::load_or_create`]), shared with
    /// whoever gives new groups theirs ([`CurrentCodes::cover`]) and shows them.
    pub codes: Arc<CurrentCodes>,
    /// Keys that join as a role without a code (`--authorized-keys`).
    pub authorized_keys: AuthorizedKeys,
    /// The language of prompts and of screens whose client sends none.
    pub lang: Lang,
    /// A client that takes no bytes for this long is dropped.
    pub stuck_after: Duration,
    /// How often a silent client is asked whether it is still there; after
    /// three unanswered asks it is dropped. Idle screens are never timed out.
    pub keepalive: Duration,
    /// The wait before a wrong code is answered.
    pub wrong_code_delay: Duration,
    /// The screens open, shared with whoever shows them (the facilitator).
    pub present: Arc<present::Present>,
}

impl ServeConfig {
    pub fn new(host_key: PrivateKey, codes: Codes, lang: Lang) -> ServeConfig {
        ServeConfig {
            listen: DEFAULT_LISTEN.parse().expect("a valid address"),
            host_key,
            codes: Arc::new(CurrentCodes::fixed(codes)),
            authorized_keys: AuthorizedKeys::default(),
            lang,
            stuck_after: Duration::from_secs(5),
            keepalive: Duration::from_secs(15),
            wrong_code_delay: Duration::from_secs(2),
            present: Arc::default(),
        }
    }

    /// Follows `session`'s codes file, so `taller codes NAME --new` counts
    /// while serving, and a new group's code is kept there.
    pub fn follow(&mut self, session: PathBuf) {
        let codes = self.codes.codes();
        self.codes = Arc::new(CurrentCodes::following(session, codes));
    }
}

/// What every connection shares.
pub struct Shared {
    live: Arc<dyn Live>,
    codes: Arc<CurrentCodes>,
    authorized_keys: AuthorizedKeys,
    backoff: Backoff,
    lang: Lang,
    stuck_after: Duration,
    ssh: Arc<russh::server::Config>,
    /// The room's screens, drawn once per size and language.
    showings: Arc<showing::Showings>,
    /// Every screen open: who, from where, since when.
    present: Arc<present::Present>,
}

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: TcpListener,
    config: ServeConfig,
}

impl Server {
    pub async fn bind(config: ServeConfig) -> io::Result<Server> {
        let listener = TcpListener::bind(config.listen).await?;
        Ok(Server { listener, config })
    }

    /// The address actually bound (the port chosen, for port 0).
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves `live` until `shutdown` completes; then every client is told
    /// the session ended, its terminal put back, and closed.
    pub async fn run(self, live: Arc<dyn Live>, shutdown: impl Future<Output = ()> + Send) {
        let config = self.config;
        let ssh = russh::server::Config {
            methods: handler::methods(!config.authorized_keys.is_empty()),
            auth_rejection_time: config.wrong_code_delay,
            // OpenSSH asks "none" first to learn the methods: no wait for that.
            auth_rejection_time_initial: Some(Duration::ZERO),
            keys: vec![config.host_key],
            // A room screen sits still for hours: never timed out for being idle.
            inactivity_timeout: None,
            keepalive_interval: Some(config.keepalive),
            keepalive_max: 3,
            // Keys offered from an agent count too; code guesses have their own limit.
            max_auth_attempts: 10,
            nodelay: true,
            ..Default::default()
        };
        let shared = Arc::new(Shared {
            live,
            codes: config.codes,
            authorized_keys: config.authorized_keys,
            backoff: Backoff::default(),
            lang: config.lang,
            stuck_after: config.stuck_after,
            ssh: Arc::new(ssh),
            showings: Arc::default(),
            present: config.present,
        });
        let (ended, ended_rx) = watch::channel(false);
        let mut connections = JoinSet::new();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
                accepted = self.listener.accept() => {
                    let Ok((stream, peer)) = accepted else {
                        // Out of file descriptors, say: wait a moment rather than spin.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    };
                    if connections.len() >= MAX_CONNECTIONS {
                        drop(stream);
                        continue;
                    }
                    let _ = stream.set_nodelay(true);
                    connections.spawn(connection(stream, peer, Arc::clone(&shared), ended_rx.clone()));
                }
            }
        }
        drop(self.listener);
        let _ = ended.send(true);
        // Each connection's goodbye, then its time to write it out.
        let _ = tokio::time::timeout(GOODBYE + FLUSH + Duration::from_millis(500), async {
            while connections.join_next().await.is_some() {}
        })
        .await;
        connections.shutdown().await;
    }
}

/// Binds `config.listen` and serves `live` until `shutdown` completes.
pub async fn serve(
    live: Arc<dyn Live>,
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send,
) -> io::Result<()> {
    Server::bind(config).await?.run(live, shutdown).await;
    Ok(())
}

/// One client's connection, until it closes, is dropped as stuck, or the
/// server has said goodbye.
async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    shared: Arc<Shared>,
    mut ended: watch::Receiver<bool>,
) {
    let cutter = Arc::new(cut::Cutter::default());
    let channels = Arc::new(AtomicUsize::new(0));
    let joined = Arc::new(AtomicBool::new(false));
    let handler = handler::Connection {
        shared: Arc::clone(&shared),
        address: peer.ip(),
        shutdown: ended.clone(),
        cutter: Arc::clone(&cutter),
        joined: None,
        wrong: 0,
        channels: Arc::clone(&channels),
        joined_flag: Arc::clone(&joined),
    };
    let stream = cut::Cuttable::new(stream, Arc::clone(&cutter));
    let handshake = russh::server::run_stream(Arc::clone(&shared.ssh), stream, handler);
    let Ok(Ok(running)) = tokio::time::timeout(HANDSHAKE, handshake).await else {
        return;
    };
    let handle = running.handle();
    let mut session = tokio::spawn(running);
    let stopping = tokio::select! {
        _ = cutter.cut_off() => false,
        // Whoever has not joined in time (a socket left open) is let go.
        () = async {
            tokio::time::sleep(HANDSHAKE).await;
            if joined.load(Ordering::SeqCst) {
                std::future::pending::<()>().await;
            }
        } => false,
        _ = ended.wait_for(|ended| *ended) => true,
        // The session ended by itself (the client left).
        _ = &mut session => return,
    };
    if stopping {
        // The screens say goodbye themselves; then the connection ends.
        let goodbyes = async {
            while channels.load(Ordering::SeqCst) > 0 {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        tokio::select! {
            _ = tokio::time::timeout(GOODBYE, goodbyes) => {}
            _ = cutter.cut_off() => {}
            _ = &mut session => return,
        }
        // Its screens closed, the client hangs up by itself (OpenSSH does
        // once its channel is closed on both sides). A disconnect sent
        // before that reaches OpenSSH as "Received disconnect", exit 255,
        // though it had the goodbye and the exit status.
        tokio::select! {
            hung_up = tokio::time::timeout(FLUSH, &mut session) => if hung_up.is_ok() {
                return;
            },
            _ = cutter.cut_off() => {}
        }
        let bye = handle.disconnect(
            russh::Disconnect::ByApplication,
            String::new(),
            String::new(),
        );
        let _ = tokio::time::timeout(Duration::from_millis(200), bye).await;
        // Saying goodbye only queues it: the connection is cut once the
        // session has written it out, not before.
        tokio::select! {
            _ = tokio::time::timeout(Duration::from_millis(300), &mut session) => {}
            _ = cutter.cut_off() => {}
        }
    }
    // Whatever the session task was waiting on fails now, and it ends.
    cutter.cut();
}
