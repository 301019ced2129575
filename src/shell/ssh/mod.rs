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
pub mod channel;
pub mod codes;
pub mod current_codes;
mod cut;
mod handler;
pub mod host_key;
pub mod input;
pub mod lan;
pub mod outbox;
pub mod present;
pub mod roles;
mod showing;

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
use crate::shell::admission::{Admission, Admitted, Limits};
use crate::shell::backoff::{self, Backoff};
use crate::shell::live::Live;
use auth::AuthorizedKeys;
use codes::Codes;
use current_codes::CurrentCodes;

/// The default address: every interface, port 2222.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:2222";
/// How long clients are given to leave cleanly when the server stops.
const GOODBYE: Duration = Duration::from_secs(3);
/// A connection that has not joined by then is closed: two minutes at the
/// code prompt (copying a code from the board takes a while), plus the
/// longest wait after wrong codes.
const JOIN_WINDOW: Duration = Duration::from_secs(120 + backoff::MAX_WAIT.as_secs());
/// How long a client whose screens said goodbye is given to hang up.
const FLUSH: Duration = Duration::from_secs(1);

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
    /// How long a connection may be silent before its TCP connection is
    /// probed (by the system, every this long; after three unanswered probes
    /// it is dropped). Not an SSH keepalive: before joining a client may be
    /// sent only what joining needs (OpenSSH quits on anything else). Idle
    /// screens are never timed out.
    pub keepalive: Duration,
    /// The wait before a wrong code is answered.
    pub wrong_code_delay: Duration,
    /// The unit of the growing wait between codes checked from one address
    /// after a few wrong ones (1, 2, 4 … 30 units; a second when serving).
    pub backoff_unit: Duration,
    /// How many connections are let in, from one address and in all.
    pub limits: Limits,
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
            backoff_unit: Duration::from_secs(1),
            limits: Limits::default(),
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
    admission: Arc<Admission>,
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
        let keepalive = config.keepalive;
        let ssh = russh::server::Config {
            methods: handler::methods(!config.authorized_keys.is_empty()),
            auth_rejection_time: config.wrong_code_delay,
            // OpenSSH asks "none" first to learn the methods: no wait for that.
            auth_rejection_time_initial: Some(Duration::ZERO),
            keys: vec![config.host_key],
            // A room screen sits still for hours: never timed out for being idle.
            inactivity_timeout: None,
            // russh would send its keepalive at the code prompt too, which
            // OpenSSH refuses ("bad message during authentication: type 80"):
            // the system's TCP keepalive watches connections instead.
            keepalive_interval: None,
            // Keys offered from an agent count too; code guesses have their own limit.
            max_auth_attempts: 10,
            nodelay: true,
            ..Default::default()
        };
        let shared = Arc::new(Shared {
            live,
            codes: config.codes,
            authorized_keys: config.authorized_keys,
            backoff: Backoff::new(config.backoff_unit),
            admission: Admission::new(config.limits),
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
                (stream, peer, admitted) = shared.admission.next(&self.listener) => {
                    let _ = stream.set_nodelay(true);
                    let _ = probe_when_silent(&stream, keepalive);
                    connections.spawn(connection(stream, peer, admitted, Arc::clone(&shared), ended_rx.clone()));
                }
            }
        }
        drop(self.listener);
        let _ = ended.send(true);
        // Each connection's goodbye, then its time to write it out.
        let _ = tokio::time::timeout(GOODBYE + FLUSH + Duration::from_millis(500), async {
            while connections.join_next().await.is_some() {}
            // The room's shared drawings end once their viewers have.
            shared.showings.all_ended().await;
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

/// Has the system probe `stream` after `every` of silence, every `every`,
/// and drop it after three probes go unanswered (a laptop that left the
/// Wi-Fi or slept). Probes are empty TCP segments: the client's SSH never
/// sees them, so they are fine before it has joined.
///
/// Keepalive probes are only sent on a silent connection, and a screen
/// with a running clock is never silent: it always has a second's frame
/// waiting to be acknowledged. So the same bound is set on data left
/// unacknowledged (Linux's `TCP_USER_TIMEOUT`); without it a laptop gone
/// mid-tick would hold its screen until TCP gave up retransmitting, about
/// a quarter of an hour.
fn probe_when_silent(stream: &tokio::net::TcpStream, every: Duration) -> io::Result<()> {
    let probes = socket2::TcpKeepalive::new()
        .with_time(every)
        .with_interval(every)
        .with_retries(3);
    let socket = socket2::SockRef::from(stream);
    socket.set_tcp_keepalive(&probes)?;
    #[cfg(target_os = "linux")]
    socket.set_tcp_user_timeout(Some(gone_after(every)))?;
    Ok(())
}

/// How long a client may leave what it was sent unacknowledged, or not
/// answer probes: the first probe's wait and three more.
fn gone_after(every: Duration) -> Duration {
    every * 4
}

/// One client's connection, until it closes, is dropped as stuck, or the
/// server has said goodbye.
async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    admitted: Admitted,
    shared: Arc<Shared>,
    mut ended: watch::Receiver<bool>,
) {
    let cutter = Arc::new(cut::Cutter::default());
    let channels = Arc::new(AtomicUsize::new(0));
    let joined = Arc::new(AtomicBool::new(false));
    let asked = Arc::new(AtomicBool::new(false));
    let spoke = AtomicBool::new(false);
    let handler = handler::Connection {
        shared: Arc::clone(&shared),
        address: peer.ip(),
        shutdown: ended.clone(),
        cutter: Arc::clone(&cutter),
        joined: None,
        wrong: 0,
        channels: Arc::clone(&channels),
        joined_flag: Arc::clone(&joined),
        asked: Arc::clone(&asked),
    };
    let let_go = let_go(&shared.admission, &joined, &spoke, &asked, JOIN_WINDOW);
    tokio::pin!(let_go);
    let stream = cut::Cuttable::new(stream, Arc::clone(&cutter));
    let handshake = russh::server::run_stream(Arc::clone(&shared.ssh), stream, handler);
    let running = tokio::select! {
        running = handshake => running,
        () = &mut let_go => return,
    };
    let Ok(running) = running else { return };
    // It has sent its SSH identification.
    spoke.store(true, Ordering::SeqCst);
    let handle = running.handle();
    let mut session = tokio::spawn(running);
    'served: {
        let stopping = tokio::select! {
            _ = cutter.cut_off() => false,
            // Whoever has not joined in time, or idles while the server is
            // crowded, is let go.
            () = &mut let_go => false,
            _ = ended.wait_for(|ended| *ended) => true,
            // The session ended by itself (the client left).
            _ = &mut session => break 'served,
        };
        if stopping {
            // The screens say goodbye themselves; then the connection ends.
            let goodbyes = screens_closed(&channels);
            tokio::select! {
                _ = tokio::time::timeout(GOODBYE, goodbyes) => {}
                _ = cutter.cut_off() => {}
                _ = &mut session => break 'served,
            }
            // Its screens closed, the client hangs up by itself (OpenSSH does
            // once its channel is closed on both sides). A disconnect sent
            // before that reaches OpenSSH as "Received disconnect", exit 255,
            // though it had the goodbye and the exit status.
            tokio::select! {
                hung_up = tokio::time::timeout(FLUSH, &mut session) => if hung_up.is_ok() {
                    break 'served;
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
    }
    // Whatever the session task was waiting on fails now, and it ends.
    cutter.cut();
    // The connection is over once its screens are: a server that stops
    // returns with every screen gone, not with one still closing behind it.
    let _ = tokio::time::timeout(GOODBYE, screens_closed(&channels)).await;
    drop(admitted);
}

/// Once every screen of a connection has ended (its task is over).
async fn screens_closed(channels: &AtomicUsize) {
    while channels.load(Ordering::SeqCst) > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// When a connection that has not joined is let go: at the end of the join
/// window, or sooner when the server is crowded and it has not reached the
/// code prompt: after `idle_when_crowded` if it never even spoke SSH (a
/// socket left open), after six times that if it is still exchanging keys
/// (a person may be comparing the fingerprint). Never once it has joined.
///
/// The window counts from the accept, and starts again when the client
/// reaches the code prompt: OpenSSH asks a first-time joiner to check the
/// server's fingerprint before that, and the time spent reading it must
/// not come off the two minutes at the prompt.
async fn let_go(
    admission: &Admission,
    joined: &AtomicBool,
    spoke: &AtomicBool,
    asked: &AtomicBool,
    window: Duration,
) {
    let accepted = tokio::time::Instant::now();
    let mut window_ends = accepted + window;
    let mut at_prompt = false;
    let idle = admission.limits().idle_when_crowded;
    loop {
        tokio::time::sleep_until((tokio::time::Instant::now() + idle).min(window_ends)).await;
        if joined.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
        let now = tokio::time::Instant::now();
        if !at_prompt && asked.load(Ordering::SeqCst) {
            at_prompt = true;
            window_ends = window_ends.max(now + window);
        }
        let patience = if spoke.load(Ordering::SeqCst) {
            idle * 6
        } else {
            idle
        };
        let idle_too_long = !at_prompt && now - accepted >= patience;
        if (idle_too_long && admission.crowded()) || now >= window_ends {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 20, item 1: the time a first-time joiner spends on OpenSSH's
    /// fingerprint question does not come off their time at the prompt.
    #[tokio::test]
    async fn the_join_window_starts_again_at_the_code_prompt() {
        let admission = Admission::new(Limits {
            idle_when_crowded: Duration::from_millis(20),
            ..Limits::default()
        });
        let (joined, spoke, asked) = (
            AtomicBool::new(false),
            AtomicBool::new(true),
            AtomicBool::new(false),
        );
        let window = Duration::from_millis(400);
        let started = tokio::time::Instant::now();
        let reach_prompt = async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            asked.store(true, Ordering::SeqCst);
            std::future::pending::<()>().await
        };
        tokio::select! {
            () = let_go(&admission, &joined, &spoke, &asked, window) => {}
            () = reach_prompt => {}
        }
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_millis(300) + window,
            "let go after {waited:?}"
        );
        assert!(waited < Duration::from_secs(5), "let go after {waited:?}");
    }

    /// The longest wait for a code's turn ends well inside the join window,
    /// so the right code typed after many wrong ones is still checked.
    #[test]
    fn the_longest_wait_for_a_turn_is_inside_the_join_window() {
        assert!(backoff::MAX_WAIT < JOIN_WINDOW);
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn a_client_that_stops_acknowledging_is_let_go_like_a_silent_one() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let _client = tokio::net::TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (stream, _) = listener.accept().await.unwrap();
        probe_when_silent(&stream, Duration::from_secs(15)).unwrap();
        let socket = socket2::SockRef::from(&stream);
        assert!(socket.keepalive().unwrap());
        assert_eq!(
            socket.tcp_user_timeout().unwrap(),
            Some(Duration::from_secs(60))
        );
    }
}
