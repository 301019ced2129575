//! One SSH session channel, from its requests to its end: a document for
//! `exec plan`, a line for a client without a terminal, or a person's screen.
//!
//! The channel's messages are read from the moment it opens and all the
//! time after (russh waits on a full channel queue, and would stop reading
//! the connection); writing goes through the outbox's own task, so reading
//! never waits on a slow client.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Paragraph};
use russh::server::Msg as ServerMsg;
use russh::{Channel, ChannelMsg};
use tokio::sync::watch;

use super::Shared;
use super::cut::Cutter;
use super::input::{self, Input};
use super::outbox::{Outbox, Stopped};
use super::showing::{Showings, Watching};
use super::terminal::{self, ClientTerminal};
use crate::app::Msg;
use crate::i18n::Lang;
use crate::shell::live::{Document, Flow, Role, Screen};

/// The most bytes left waiting for a client that is behind: frames drawn on
/// each other are appended up to this, then replaced by the whole screen.
const MAX_WAITING: usize = 32 * 1024;
/// How long a notice from the shell (a paste too large) stays.
const NOTICE_FOR: Duration = Duration::from_secs(4);

/// Who opened the channel, and how to reach what is shared.
pub struct Opened {
    pub shared: Arc<Shared>,
    pub role: Role,
    pub user: String,
    pub shutdown: watch::Receiver<bool>,
    /// Ends the whole connection (a client stuck for seconds).
    pub cutter: Arc<Cutter>,
}

/// What the client asked for before its shell or command.
#[derive(Default)]
struct Asked {
    size: Option<Size>,
    /// `(rank, language)`: TALLER_LANG over LC_ALL over LC_MESSAGES over LANG.
    lang: Option<(u8, Lang)>,
}

/// Whether an environment variable the client sends is taken: language and
/// terminal only.
pub fn env_allowed(name: &str) -> bool {
    matches!(name, "LANG" | "TALLER_LANG" | "TERM") || name.starts_with("LC_")
}

/// The documents `ssh … COMMAND` may ask for.
pub fn document_for(command: &[u8]) -> Option<Document> {
    match std::str::from_utf8(command).ok()?.trim() {
        "plan" => Some(Document::Plan),
        "csv" => Some(Document::Csv),
        "json" => Some(Document::Json),
        "status" => Some(Document::Status),
        _ => None,
    }
}

fn lang_rank(name: &str) -> Option<u8> {
    match name {
        "TALLER_LANG" => Some(4),
        "LC_ALL" => Some(3),
        "LC_MESSAGES" => Some(2),
        "LANG" => Some(1),
        _ => None,
    }
}

pub async fn run(mut channel: Channel<ServerMsg>, opened: Opened) {
    let mut asked = Asked::default();
    let mut shutdown = opened.shutdown.clone();
    loop {
        let message = tokio::select! {
            message = channel.wait() => message,
            () = ended(&mut shutdown) => return end(&channel, 0).await,
        };
        let lang = asked.lang.map_or(opened.shared.lang, |(_, lang)| lang);
        match message {
            Some(ChannelMsg::RequestPty {
                col_width,
                row_height,
                ..
            }) => asked.size = Some(terminal::clamp(col_width, row_height)),
            // A window resized before the shell starts: only with a terminal.
            Some(ChannelMsg::WindowChange {
                col_width,
                row_height,
                ..
            }) if asked.size.is_some() => asked.size = Some(terminal::clamp(col_width, row_height)),
            Some(ChannelMsg::SetEnv {
                variable_name,
                variable_value,
                ..
            }) => {
                if let (Some(rank), Some(lang)) =
                    (lang_rank(&variable_name), Lang::parse(&variable_value))
                    && asked.lang.is_none_or(|(kept, _)| rank >= kept)
                {
                    asked.lang = Some((rank, lang));
                }
            }
            Some(ChannelMsg::Exec { command, .. }) => {
                return exec(channel, &opened, &command, asked.size.is_some(), lang).await;
            }
            Some(ChannelMsg::RequestShell { .. }) => match asked.size {
                Some(size) => return screen(channel, opened, size, lang).await,
                None => {
                    let user = crate::text::escape(&opened.user);
                    let line = format!("{}\n", lang.ssh_no_pty(&user));
                    send_and_close(&channel, line.as_bytes(), 1, &opened).await;
                    return;
                }
            },
            Some(ChannelMsg::Eof | ChannelMsg::Close) | None => return,
            // Subsystems, X11, agents and signals were refused by the handler.
            Some(_) => {}
        }
    }
}

async fn end(channel: &Channel<ServerMsg>, status: u32) {
    let _ = channel.exit_status(status).await;
    let _ = channel.eof().await;
    let _ = channel.close().await;
}

/// Writes `bytes` through the channel's window, then the exit status, and
/// closes; a client that stops taking bytes is dropped.
async fn send_and_close(channel: &Channel<ServerMsg>, bytes: &[u8], status: u32, opened: &Opened) {
    let outbox = Outbox::default();
    outbox.put(bytes.to_vec());
    outbox.close();
    match outbox
        .write_to(channel.make_writer(), opened.shared.stuck_after)
        .await
    {
        Stopped::Done => end(channel, status).await,
        Stopped::Stuck | Stopped::Gone => opened.cutter.cut(),
    }
}

/// `ssh … plan`: the document, then exit status 0; anything else one line
/// and status 1.
async fn exec(channel: Channel<ServerMsg>, opened: &Opened, command: &[u8], pty: bool, lang: Lang) {
    let Some(document) = document_for(command) else {
        let shown = String::from_utf8_lossy(command);
        let shown: String = shown.chars().take(60).collect();
        let line = format!("{}\n", lang.ssh_exec_refused(crate::text::escape(&shown)));
        return send_and_close(&channel, line.as_bytes(), 1, opened).await;
    };
    let live = Arc::clone(&opened.shared.live);
    let text = tokio::task::spawn_blocking(move || live.document(document, lang)).await;
    let Ok(mut text) = text else {
        return end(&channel, 1).await;
    };
    if pty {
        // A terminal in raw mode moves down without going back on `\n` alone.
        text = text.replace('\n', "\r\n");
    }
    send_and_close(&channel, text.as_bytes(), 0, opened).await;
}

/// What a client's terminal shows: a shared drawing (the room's, until the
/// person presses a key), or a screen of its own.
enum Shown {
    Watching(Watching),
    Own {
        screen: Box<dyn Screen>,
        revisions: watch::Receiver<u64>,
        revisions_open: bool,
    },
}

impl Shown {
    fn own(screen: Box<dyn Screen>) -> Shown {
        Shown::Own {
            revisions: screen.revisions(),
            revisions_open: true,
            screen,
        }
    }
}

/// A person's screen, until they leave, their connection ends, or the server stops.
async fn screen(mut channel: Channel<ServerMsg>, opened: Opened, size: Size, lang: Lang) {
    let shared = &opened.shared;
    let shares = Showings::shares(&opened.role);
    let Ok(terminal) = ClientTerminal::new(size) else {
        return end(&channel, 1).await;
    };
    // A screen that may share a drawing keeps its frames, to know when it
    // shows the same as the shared one again.
    let mut terminal = if shares {
        terminal.keeping_frames()
    } else {
        terminal
    };
    let outbox = Arc::new(Outbox::default());
    let writer = channel.make_writer();
    let mut writing = tokio::spawn({
        let outbox = Arc::clone(&outbox);
        let stuck_after = shared.stuck_after;
        async move { outbox.write_to(writer, stuck_after).await }
    });
    let watch_shared = |size: Size| {
        shared.showings.watch(
            &shared.live,
            size,
            lang,
            Arc::clone(&outbox),
            opened.shutdown.clone(),
        )
    };
    let mut shown = if shares {
        Shown::Watching(watch_shared(size))
    } else {
        Shown::own(shared.live.join(opened.role.clone(), lang))
    };
    let mut shutdown = opened.shutdown.clone();
    let mut parser = input::Parser::default();
    let mut last_bytes = Instant::now();
    let mut notice: Option<(String, Instant)> = None;
    let mut dirty = true;
    let mut first = true;
    // The bell goes with the next frame.
    let mut ring = false;
    let farewell: Option<&str> = loop {
        if let Shown::Own { screen, .. } = &mut shown
            && dirty
        {
            // Drawn on the frame before it, which has been sent or waits to
            // be: only what changed. A client too far behind gets the whole
            // screen instead of what waits.
            let bell: &[u8] = if std::mem::take(&mut ring) {
                b"\x07"
            } else {
                b""
            };
            let text = notice.as_ref().map(|(text, _)| text.as_str());
            let mut put = false;
            if !first {
                if terminal
                    .draw(|frame| draw(frame, screen.as_mut(), text))
                    .is_err()
                {
                    break None;
                }
                let mut bytes = bell.to_vec();
                bytes.extend(terminal.take());
                put = outbox.append(bytes, MAX_WAITING);
            }
            if !put {
                let mut bytes = terminal::enter();
                bytes.extend_from_slice(bell);
                if terminal.redraw_whole().is_err()
                    || terminal
                        .draw(|frame| draw(frame, screen.as_mut(), text))
                        .is_err()
                {
                    break None;
                }
                bytes.extend(terminal.take());
                outbox.put(bytes);
            }
            dirty = false;
            first = false;
            // Showing what the room's shared drawing shows again: back on it.
            if shares
                && notice.is_none()
                && terminal.cursor_hidden()
                && let Some(last) = terminal.last()
                && let Some(watching) =
                    shared
                        .showings
                        .rejoin(terminal.size(), lang, &outbox, last, terminal.ink())
            {
                shown = Shown::Watching(watching);
            }
        }
        let (wake, revisions, watching) = match &mut shown {
            Shown::Own {
                screen,
                revisions,
                revisions_open,
            } => (screen.wake_at(), revisions_open.then_some(revisions), None),
            Shown::Watching(watching) => (None, None, Some(&*watching)),
        };
        let settle = parser.unsettled().then(|| last_bytes + input::ESC_TIMEOUT);
        let notice_until = notice.as_ref().map(|(_, since)| *since + NOTICE_FOR);
        let mut messages: Vec<Msg> = Vec::new();
        let mut resized = None;
        let mut revisions_closed = false;
        tokio::select! {
            message = channel.wait() => match message {
                Some(ChannelMsg::Data { data }) => {
                    last_bytes = Instant::now();
                    for input in parser.feed(&data) {
                        match input {
                            Input::PasteTooLarge => {
                                notice = Some((lang.ssh_paste_too_large(input::MAX_PASTE_BYTES >> 20), Instant::now()));
                                dirty = true;
                            }
                            other => messages.extend(other.into_msg()),
                        }
                    }
                }
                Some(ChannelMsg::WindowChange { col_width, row_height, .. }) => {
                    resized = Some(terminal::clamp(col_width, row_height));
                }
                // The window closed, or the connection ended: nobody to tell.
                Some(ChannelMsg::Eof | ChannelMsg::Close) | None => {
                    outbox.close();
                    writing.abort();
                    return;
                }
                Some(_) => {}
            },
            () = sleep_until(settle) => {
                messages.extend(parser.settle().into_iter().filter_map(Input::into_msg));
            }
            () = sleep_until_timestamp(wake) => messages.push(Msg::Tick),
            changed = changed(revisions) => match changed {
                // The screen takes the new revision, then is drawn.
                true => messages.push(Msg::Changed),
                // The session stopped publishing: nothing more will change by itself.
                false => revisions_closed = true,
            },
            () = sleep_until(notice_until) => {
                notice = None;
                dirty = true;
            }
            () = broken(watching) => {
                opened.cutter.cut();
                return;
            }
            () = ended(&mut shutdown) => break Some(lang.ssh_session_ended()),
            stopped = &mut writing => {
                if !matches!(stopped, Ok(Stopped::Done | Stopped::Gone)) {
                    opened.cutter.cut();
                }
                return;
            }
        }
        if let Some(size) = resized {
            if terminal.resize(size).is_err() {
                break None;
            }
            match &mut shown {
                // Another size: another shared drawing, whole from the start.
                Shown::Watching(_) => shown = Shown::Watching(watch_shared(size)),
                Shown::Own { .. } => messages.push(Msg::Resize),
            }
        }
        if revisions_closed && let Shown::Own { revisions_open, .. } = &mut shown {
            *revisions_open = false;
        }
        // A key (or a notice) on a shared drawing: a screen of this
        // person's own, drawn on from what the shared one showed them.
        if (!messages.is_empty() || notice.is_some())
            && let Shown::Watching(_) = shown
        {
            let Shown::Watching(watching) = std::mem::replace(
                &mut shown,
                Shown::own(shared.live.join(opened.role.clone(), lang)),
            ) else {
                unreachable!("matched above");
            };
            match watching.leave() {
                Some((last, ink)) if last.area == terminal.size().into() => {
                    if terminal.prime(&last, ink).is_err() {
                        break None;
                    }
                }
                _ => first = true,
            }
            dirty = true;
        }
        let Shown::Own { screen, .. } = &mut shown else {
            continue;
        };
        let mut left = false;
        for message in messages {
            dirty = true;
            match screen.handle(message, Timestamp::now()) {
                Flow::Continue => {}
                Flow::Ring => ring = true,
                Flow::Leave => {
                    left = true;
                    break;
                }
            }
        }
        if left {
            break None;
        }
    };
    drop(shown);
    outbox.put(terminal::leave(farewell));
    outbox.close();
    match tokio::time::timeout(shared.stuck_after, &mut writing).await {
        Ok(Ok(Stopped::Done)) => end(&channel, 0).await,
        _ => {
            writing.abort();
            opened.cutter.cut();
        }
    }
}

/// Whether the session published a new revision (false: it never will).
async fn changed(revisions: Option<&mut watch::Receiver<u64>>) -> bool {
    match revisions {
        Some(revisions) => revisions.changed().await.is_ok(),
        None => std::future::pending().await,
    }
}

/// Completes if the shared drawing watched failed.
async fn broken(watching: Option<&Watching>) {
    match watching {
        Some(watching) => watching.broken().await,
        None => std::future::pending().await,
    }
}

/// The person's screen, and under it, for a few seconds, the shell's notice.
fn draw(
    frame: &mut ratatui::Frame,
    screen: &mut dyn crate::shell::live::Screen,
    notice: Option<&str>,
) {
    screen.draw(frame);
    if let Some(text) = notice {
        let area = frame.area();
        let line = Rect::new(
            area.x,
            area.bottom().saturating_sub(1),
            area.width,
            1.min(area.height),
        );
        frame.render_widget(Clear, line);
        frame.render_widget(
            Paragraph::new(text).style(Style::default().add_modifier(Modifier::REVERSED)),
            line,
        );
    }
}

/// Once the server stops (the guard of the watch is never held across a wait).
async fn ended(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|ended| *ended).await;
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at.into()).await,
        None => std::future::pending().await,
    }
}

pub(super) async fn sleep_until_timestamp(at: Option<Timestamp>) {
    match at {
        Some(at) => {
            let nanos = at.duration_since(Timestamp::now()).as_nanos().max(0);
            let wait = Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX));
            tokio::time::sleep(wait).await;
        }
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_language_and_terminal_come_from_the_client() {
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "TALLER_LANG", "TERM"] {
            assert!(env_allowed(name), "{name}");
        }
        for name in ["PATH", "LD_PRELOAD", "HOME", "TALLER_SESSIONS_DIR", ""] {
            assert!(!env_allowed(name), "{name}");
        }
    }

    #[test]
    fn only_the_four_documents_run() {
        assert_eq!(document_for(b"plan"), Some(Document::Plan));
        assert_eq!(document_for(b" status\n"), Some(Document::Status));
        assert_eq!(document_for(b"json"), Some(Document::Json));
        assert_eq!(document_for(b"csv"), Some(Document::Csv));
        for other in [&b"sh"[..], b"plan; rm -rf /", b"", b"PLAN", b"\xff"] {
            assert_eq!(document_for(other), None);
        }
    }
}
