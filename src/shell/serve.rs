//! `taller serve`: one laptop serves the session; everyone else joins with
//! `ssh`. The facilitator's own screen (unless `--headless`) and every SSH
//! screen are people on one host, with one writer.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::live::Live;
use super::person::Served;
use super::ssh::codes;
use super::ssh::current_codes::CurrentCodes;
use super::ssh::present::Present;
use super::ssh::{ServeConfig, Server, auth, host_key, lan};
use super::web::cards::SessionCards;
use super::web::{WebConfig, WebServer};
use crate::app::{ConnectionCard, Connections, JoinInfo, RoleCard, RoleCards};
use crate::i18n::Lang;
use crate::session::SharedHost;

/// How to serve, from the command line.
pub struct Options {
    pub listen: SocketAddr,
    /// Where the ballot page listens; none with `--no-web`.
    pub web: Option<SocketAddr>,
    pub authorized_keys: Option<PathBuf>,
}

/// Everything ready to serve: the server's configuration, what the join
/// screen says, and the live session.
pub struct Ready {
    pub config: ServeConfig,
    pub join: JoinInfo,
    pub live: Arc<dyn Live>,
    /// Watched while serving, so a group added gets its code.
    pub host: SharedHost,
    /// The ballot page's server, unless `--no-web`.
    pub web: Option<WebConfig>,
}

/// Makes (or reads) the server key and the session's codes, checks the
/// address can be listened on, and says how to join. Errors are one line
/// for the person.
pub fn prepare(
    host: &SharedHost,
    path: &Path,
    options: &Options,
    lang: Lang,
    tz: TimeZone,
) -> Result<Ready, String> {
    let mut addresses: Vec<String> = lan::addresses().iter().map(ToString::to_string).collect();
    if !options.listen.ip().is_unspecified() {
        addresses = vec![options.listen.ip().to_string()];
    }
    let web_link = options.web.map(|web| web_link(web, &addresses));
    let live: Arc<dyn Live> = Arc::new(Served {
        host: host.clone(),
        tz,
        web: web_link.clone(),
    });
    let groups = live.groups();
    let dir = host_key::default_dir().ok_or_else(|| lang.t().err_no_data_dir.to_string())?;
    let key = host_key::load_or_create(&dir)
        .map_err(|e| lang.cannot_write(dir.display(), crate::store::describe_io(&e, lang)))?;
    let fingerprint = host_key::fingerprint(&key);
    let kept = codes::load_or_create(path, &groups).map_err(|e| {
        lang.ssh_cannot_keep_codes(codes::codes_path(path).display(), codes::describe(&e, lang))
    })?;
    // Said now, before any screen: a port in use is a plain message.
    std::net::TcpListener::bind(options.listen)
        .map_err(|e| lang.cannot_listen(&options.listen.to_string(), &e.to_string()))?;
    if let Some(web) = options.web {
        std::net::TcpListener::bind(web)
            .map_err(|e| lang.cannot_listen(&web.to_string(), &e.to_string()))?;
    }
    // The ballot cards' tokens, read again whenever `taller tokens` changes them.
    let web = options
        .web
        .map(|listen| WebConfig::new(listen, Arc::new(SessionCards::follow(path.to_path_buf()))));
    let mut config = ServeConfig::new(key, kept, lang);
    config.listen = options.listen;
    config.follow(path.to_path_buf());
    config.codes.cover(&groups);
    let join = JoinInfo {
        fingerprint,
        addresses,
        port: options.listen.port(),
        roles: role_cards(Arc::clone(&config.codes)),
        connections: connections(Arc::clone(&config.present)),
        web: web_link,
    };
    if let Some(file) = &options.authorized_keys {
        config.authorized_keys = auth::AuthorizedKeys::read(file, &groups)
            .map_err(|e| lang.cannot_open(file.display(), lang.keys_unread(&e)))?
            .map_err(|bad| {
                lang.bad_authorized_key(
                    &file.display().to_string(),
                    &format!("{}: {}", bad.number, bad.reason),
                )
            })?;
    }
    Ok(Ready {
        config,
        join,
        live,
        host: host.clone(),
        web,
    })
}

/// The ballot page's address for phones (`http://192.168.1.20:8080/`): the
/// address the page listens on, or this machine's first on the room's
/// network when it listens on every one.
fn web_link(web: SocketAddr, addresses: &[String]) -> String {
    let host = if web.ip().is_unspecified() {
        addresses.first().map_or("HOST".to_string(), Clone::clone)
    } else {
        web.ip().to_string()
    };
    format!("http://{host}:{}/", web.port())
}

/// The join screen's roles, read from the codes as they are each time.
pub fn role_cards(codes: Arc<CurrentCodes>) -> RoleCards {
    RoleCards::new(move |lang| {
        let cards = codes.cards().iter().map(to_role_card).collect();
        (cards, codes.problem(lang))
    })
}

fn to_role_card(card: &codes::JoinCode) -> RoleCard {
    RoleCard {
        user: card.user.clone(),
        code: card.code.clone(),
        axis: card.axis.clone(),
        facilitator: card.axis.is_none()
            && super::ssh::roles::from_user_name(&card.user, &[])
                .is_some_and(|joining| joining.role == crate::session::Role::Facilitator),
    }
}

/// The screens open on the server, for the facilitator to see and close.
pub fn connections(present: Arc<Present>) -> Connections {
    let closing = Arc::clone(&present);
    Connections::new(
        move || {
            present
                .now()
                .into_iter()
                .map(|c| ConnectionCard {
                    id: c.id,
                    user: crate::text::escape(&c.user).into_owned(),
                    address: c.address.to_string(),
                    since: c.since,
                    cols: c.size.width,
                    rows: c.size.height,
                })
                .collect()
        },
        move |id| closing.close(id),
    )
}

/// Gives each group its code as the groups change while serving: one added
/// gets a new code, kept in the codes file (off the event loop: it writes
/// to disk); a removed one's stays there for its undo. Returns when the
/// session's host is gone. `announce` hears each group's card that is new
/// (a group added, or one whose number moved).
pub async fn keep_codes(
    host: SharedHost,
    live: Arc<dyn Live>,
    codes: Arc<CurrentCodes>,
    announce: impl Fn(&codes::JoinCode) + Send,
) {
    let mut revisions = crate::session::lock(&host).revisions();
    drop(host);
    let mut covered: Option<Vec<(String, usize, String)>> = None;
    loop {
        let groups = live.groups();
        if covered.as_ref() != Some(&groups) {
            let before = codes.cards();
            let book = Arc::clone(&codes);
            let now = groups.clone();
            let _ = tokio::task::spawn_blocking(move || book.cover(&now)).await;
            for card in codes.cards() {
                if card.axis.is_some() && !before.contains(&card) {
                    announce(&card);
                }
            }
            // One that could not be kept is tried again at the next revision.
            if codes.all_kept() {
                covered = Some(groups);
            }
        }
        if revisions.changed().await.is_err() {
            return;
        }
    }
}

/// The join screen's lines, for `--headless` to print.
pub fn join_lines(join: &JoinInfo, lang: Lang) -> Vec<String> {
    let t = lang.t();
    let mut lines = vec![t.join_intro.to_string(), String::new()];
    let (cards, _) = join.roles.now(lang);
    let width = cards
        .iter()
        .map(|card| join.command(&card.user).chars().count())
        .max()
        .unwrap_or(0);
    for card in &cards {
        lines.push(join_line(join, card, width, lang));
    }
    lines.push(String::new());
    if join.addresses.len() > 1 {
        lines.push(lang.join_addresses(&join.addresses.join(", ")));
    }
    lines.push(lang.join_fingerprint(&join.fingerprint));
    if let Some(link) = &join.web {
        lines.push(lang.join_web(link));
        lines.push(lang.t().join_web_in_clear.to_string());
    }
    lines
}

/// One role's line: its command, its code, and a group's axis.
fn join_line(join: &JoinInfo, card: &RoleCard, width: usize, lang: Lang) -> String {
    let mut line = format!(
        "{:width$}   {} {}",
        join.command(&card.user),
        lang.t().join_code,
        card.code
    );
    if let Some(axis) = &card.axis {
        line.push_str(&format!("   {}", lang.join_also_as(axis)));
    }
    line
}

/// Serves until SIGTERM, SIGINT or SIGHUP, with no screen here: the saver
/// writes the host's snapshots, and every client is told when it ends.
/// `announce` (how to join) runs once the server listens and those signals
/// are caught, so whoever reads it can join at once, or stop it safely.
pub fn headless(host: SharedHost, ready: Ready, announce: impl FnOnce()) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let stop = stop_signal()?;
        let (outcome_tx, mut outcomes) = tokio::sync::mpsc::unbounded_channel();
        let saver = crate::shell::saver::Saver::spawn(outcome_tx);
        crate::session::lock(&host).set_writer(saver.writer());
        let acks = {
            let host = host.clone();
            tokio::spawn(async move {
                while let Some(outcome) = outcomes.recv().await {
                    let crate::shell::saver::SaveReport { seq, result, .. } = outcome;
                    crate::session::lock(&host).saved(seq, result, Timestamp::now());
                }
            })
        };
        let lang = ready.config.lang;
        let join = ready.join.clone();
        let keeper = tokio::spawn(keep_codes(
            ready.host.clone(),
            Arc::clone(&ready.live),
            Arc::clone(&ready.config.codes),
            // No screen here: a new group's line is printed as it comes.
            move |card| {
                let line = join_line(&join, &to_role_card(card), 0, lang);
                println!("{}", crate::text::escape(&line));
            },
        ));
        let present = Arc::clone(&ready.config.present);
        let server = Server::bind(ready.config).await?;
        let web = match ready.web {
            Some(config) => Some(WebServer::bind(config).await?),
            None => None,
        };
        announce();
        // Which signal, and how many screens were open when it came.
        let caught = std::sync::Mutex::new(None);
        let (stopping, stopped) = tokio::sync::watch::channel(false);
        let stop = async {
            let signal = stop.await;
            if let Ok(mut caught) = caught.lock() {
                *caught = Some((signal, present.len()));
            }
            let _ = stopping.send(true);
        };
        let web = serve_web(web, ready.host.clone(), stopped);
        tokio::join!(server.run(ready.live, stop), web);
        keeper.abort();
        // Every save handed over is on disk before this returns.
        drop(saver);
        acks.abort();
        // Whoever stopped it (a service manager, a person at a terminal)
        // is told what was done.
        if let Some((signal, screens)) = caught.lock().ok().and_then(|mut c| c.take()) {
            let path = crate::session::lock(&host).path().to_path_buf();
            // Said from what happened: those still open now did not close.
            let left = present.len();
            let closed = screens.saturating_sub(left);
            let said = lang.headless_stopped(signal, closed, left, path.display());
            eprintln!("{}", crate::text::escape(&said));
        }
        Ok(())
    })
}

/// SIGTERM, SIGINT or SIGHUP (its name), caught from the moment this returns (not
/// from the first poll: a signal sent just after start must not kill the
/// process before its last save).
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = &'static str>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut hup = signal(SignalKind::hangup())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
            _ = hup.recv() => "SIGHUP",
        }
    })
}

/// The SSH server as work beside the facilitator's screen: it stops when
/// that screen ends.
pub fn beside(ready: Ready) -> crate::shell::live::Beside {
    Box::new(move |mut stopped| {
        Box::pin(async move {
            let keeper = tokio::spawn(keep_codes(
                ready.host.clone(),
                Arc::clone(&ready.live),
                Arc::clone(&ready.config.codes),
                |_| {},
            ));
            let Ok(server) = Server::bind(ready.config).await else {
                keeper.abort();
                return;
            };
            // No page if its port was taken since `prepare`: SSH still serves.
            let web = match ready.web {
                Some(config) => WebServer::bind(config).await.ok(),
                None => None,
            };
            let web = serve_web(web, ready.host.clone(), stopped.clone());
            let stop = async move {
                let _ = stopped.wait_for(|stopped| *stopped).await;
            };
            tokio::join!(server.run(ready.live, stop), web);
            keeper.abort();
        })
    })
}

/// The ballot page beside the SSH server, until `stopped` turns true.
async fn serve_web(
    web: Option<WebServer>,
    host: SharedHost,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    let Some(web) = web else { return };
    web.run(host, async move {
        let _ = stopped.wait_for(|stopped| *stopped).await;
    })
    .await;
}
