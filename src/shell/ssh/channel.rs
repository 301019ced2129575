//! One SSH session channel, from its requests to its end: a document for
//! `exec plan`, a line for a client without a terminal, or a person's screen.
//!
//! The channel's messages are read from the moment it opens and all the
//! time after (russh waits on a full channel queue, and would stop reading
//! the connection); writing goes through the outbox's own task, so reading
//! never waits on a slow client.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::layout::{Rect, Size};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Paragraph};
use russh::server::Msg as ServerMsg;
use russh::{Channel, ChannelMsg};
use tokio::sync::watch;

use super::Shared;
use super::cut::Cutter;
use super::input::{self, ClientInput as Parsed};
use super::outbox::{Outbox, Stopped};
use super::present::{self, OpenScreen};
use super::showing::{Showings, Watching};
use crate::i18n::Lang;
use crate::shell::drive::{Event, Incoming, InputSource, Output, Stop, drive, sleep_until};
use crate::shell::live::{Format, Role, Screen};
use crate::terminal::{self, ClientTerminal};

/// The most bytes left waiting for a client that is behind: frames drawn on
/// each other are appended up to this, then replaced by the whole screen.
const MAX_WAITING: usize = 32 * 1024;
/// How long a notice from the shell (a paste too large) stays.
const NOTICE_FOR: Duration = Duration::from_secs(4);
/// How long a client whose connection the facilitator closed is given to
/// hang up by itself before it is cut.
const DISMISSED_HANG_UP: Duration = Duration::from_secs(1);

/// Who opened the channel, and how to reach what is shared.
pub struct Opened {
    pub shared: Arc<Shared>,
    pub role: Role,
    pub user: String,
    /// Where the connection comes from.
    pub address: std::net::IpAddr,
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

/// The outputs `ssh … COMMAND` may ask for: any format's name, nothing else.
pub fn document_for(command: &[u8]) -> Option<Format> {
    Format::from_name(std::str::from_utf8(command).ok()?.trim())
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
                Some(size) => {
                    let role = opened.role.clone();
                    let counted =
                        opened
                            .shared
                            .present
                            .open(role, &opened.user, opened.address, size);
                    let Some(here) = counted else {
                        let line = format!(
                            "{}\n",
                            lang.ssh_too_many_screens(present::PER_ROLE_AND_ADDRESS)
                        );
                        return send_and_close(&channel, line.as_bytes(), 1, &opened).await;
                    };
                    return screen(channel, opened, here, size, lang).await;
                }
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
    let Some(format) = document_for(command) else {
        let shown = String::from_utf8_lossy(command);
        let shown: String = shown.chars().take(60).collect();
        let line = format!("{}\n", lang.ssh_exec_refused(crate::text::escape(&shown)));
        return send_and_close(&channel, line.as_bytes(), 1, opened).await;
    };
    let live = Arc::clone(&opened.shared.live);
    let text = tokio::task::spawn_blocking(move || live.document(format, lang)).await;
    let Ok(mut text) = text else {
        return end(&channel, 1).await;
    };
    if pty {
        // A terminal in raw mode moves down without going back on `\n` alone.
        text = text.replace('\n', "\r\n");
    }
    send_and_close(&channel, text.as_bytes(), 0, opened).await;
}

/// Why a client's input ended.
enum Gone {
    /// The window closed, or the connection ended: nobody to tell.
    Closed,
    /// The server stops: the client is told, and its terminal put back.
    Shutdown,
    /// The facilitator closed this screen: told too, its terminal put back.
    Dismissed,
    /// The writer stopped: everything sent, or the client stuck or gone.
    Writer(Option<Stopped>),
    /// The shared drawing it watched failed.
    Broken,
}

/// A client's keys: the bytes its terminal sends, parsed; its window's
/// size; and whatever ends it.
struct Keys<'a> {
    channel: &'a mut Channel<ServerMsg>,
    writing: &'a mut tokio::task::JoinHandle<Stopped>,
    shutdown: watch::Receiver<bool>,
    parser: input::Parser,
    last_bytes: Instant,
    lang: Lang,
    /// Input read while the client watched a shared drawing, for its own screen.
    pending: Vec<Incoming>,
    /// Set while the client watches a shared drawing.
    broken: Option<watch::Receiver<bool>>,
    /// This screen on the server's list: its size kept there, and closed
    /// from there.
    here: OpenScreen,
}

impl InputSource for Keys<'_> {
    type End = Gone;

    async fn next(&mut self) -> Event<Gone> {
        if !self.pending.is_empty() {
            return Event::Input(std::mem::take(&mut self.pending));
        }
        loop {
            let settle = self
                .parser
                .unsettled()
                .then(|| self.last_bytes + input::ESC_TIMEOUT);
            let mut incoming = Vec::new();
            tokio::select! {
                message = self.channel.wait() => match message {
                    Some(ChannelMsg::Data { data }) => {
                        self.last_bytes = Instant::now();
                        for input in self.parser.feed(&data) {
                            match input {
                                Parsed::PasteTooLarge => incoming.push(Incoming::Notice(
                                    self.lang.ssh_paste_too_large(input::MAX_PASTE_BYTES >> 20),
                                )),
                                other => incoming.extend(other.into_msg().map(Incoming::Msg)),
                            }
                        }
                    }
                    Some(ChannelMsg::WindowChange { col_width, row_height, .. }) => {
                        let size = terminal::clamp(col_width, row_height);
                        self.here.resized(size);
                        incoming.push(Incoming::Resize(size));
                    }
                    Some(ChannelMsg::Eof | ChannelMsg::Close) | None => return Event::End(Gone::Closed),
                    Some(_) => {}
                },
                () = sleep_until(settle) => {
                    let settled = self.parser.settle();
                    incoming.extend(settled.into_iter().filter_map(Parsed::into_msg).map(Incoming::Msg));
                }
                () = ended(&mut self.shutdown) => return Event::End(Gone::Shutdown),
                () = ended(&mut self.here.closed) => return Event::End(Gone::Dismissed),
                stopped = &mut *self.writing => return Event::End(Gone::Writer(stopped.ok())),
                () = broken(self.broken.as_mut()) => return Event::End(Gone::Broken),
            }
            if !incoming.is_empty() {
                return Event::Input(incoming);
            }
        }
    }
}

/// Completes if the shared drawing watched failed.
async fn broken(broken: Option<&mut watch::Receiver<bool>>) {
    match broken {
        Some(broken) => {
            let _ = broken.wait_for(|broken| *broken).await;
        }
        None => std::future::pending().await,
    }
}

/// A client's frames: drawn on the frame before (which was sent or waits
/// to be), only what changed; a client too far behind gets the whole
/// screen instead of what waits.
struct Frames {
    terminal: ClientTerminal,
    outbox: Arc<Outbox>,
    /// The next frame is the whole screen.
    whole: bool,
    /// The bell goes with the next frame.
    ring: bool,
    notice: Option<(String, Instant)>,
    /// A room screen's way back to the shared drawing, once its person's
    /// input is taken.
    showings: Option<(Arc<Showings>, Lang)>,
    may_rejoin: bool,
    rejoined: Option<Watching>,
}

impl Output for Frames {
    fn resize(&mut self, size: Size) -> std::io::Result<()> {
        self.terminal.resize(size)
    }

    fn draw(&mut self, screen: &mut dyn Screen) -> std::io::Result<()> {
        let bell: &[u8] = if std::mem::take(&mut self.ring) {
            b"\x07"
        } else {
            b""
        };
        let text = self.notice.as_ref().map(|(text, _)| text.as_str());
        let mut put = false;
        if !self.whole {
            self.terminal.draw(|canvas| draw(canvas, screen, text))?;
            let mut bytes = bell.to_vec();
            bytes.extend(self.terminal.take());
            put = self.outbox.append(bytes, MAX_WAITING);
        }
        if !put {
            let mut bytes = terminal::enter();
            bytes.extend_from_slice(bell);
            self.terminal.redraw_whole()?;
            self.terminal.draw(|canvas| draw(canvas, screen, text))?;
            bytes.extend(self.terminal.take());
            self.outbox.put(bytes);
        }
        self.whole = false;
        // Showing what the room's shared drawing shows again: back on it.
        if let Some((showings, lang)) = &self.showings
            && self.may_rejoin
            && self.notice.is_none()
            && self.terminal.cursor_hidden()
            && let Some(last) = self.terminal.last()
        {
            self.rejoined = showings.rejoin(
                self.terminal.size(),
                *lang,
                &self.outbox,
                last,
                self.terminal.ink(),
            );
        }
        Ok(())
    }

    fn ring(&mut self) {
        self.ring = true;
    }

    fn notice(&mut self, text: String) {
        self.notice = Some((text, Instant::now()));
    }

    fn notice_until(&self) -> Option<Instant> {
        self.notice.as_ref().map(|(_, since)| *since + NOTICE_FOR)
    }

    fn notice_gone(&mut self) {
        self.notice = None;
    }

    fn handled(&mut self) {
        self.may_rejoin = true;
    }

    fn hand_back(&mut self) -> bool {
        self.rejoined.is_some()
    }
}

/// A person's screen, until they leave, their connection ends, or the
/// server stops. A room screen watches the shared drawing until its
/// person presses a key.
async fn screen(
    mut channel: Channel<ServerMsg>,
    opened: Opened,
    here: OpenScreen,
    size: Size,
    lang: Lang,
) {
    let shared = &opened.shared;
    let shares = Showings::shares(&opened.role);
    let Ok(terminal) = ClientTerminal::new(size) else {
        return end(&channel, 1).await;
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
    let mut frames = Frames {
        // A screen that may share a drawing keeps its frames, to know
        // when it shows the same as the shared one again.
        terminal: if shares {
            terminal.keeping_frames()
        } else {
            terminal
        },
        outbox: Arc::clone(&outbox),
        whole: true,
        ring: false,
        notice: None,
        showings: shares.then(|| (Arc::clone(&shared.showings), lang)),
        may_rejoin: false,
        rejoined: None,
    };
    let mut watching = shares.then(|| watch_shared(size));
    let mut own: Option<Box<dyn Screen>> = None;
    let ended: Result<Option<&str>, Gone> = {
        let mut keys = Keys {
            channel: &mut channel,
            writing: &mut writing,
            shutdown: opened.shutdown.clone(),
            parser: input::Parser::default(),
            last_bytes: Instant::now(),
            lang,
            pending: Vec::new(),
            broken: None,
            here,
        };
        loop {
            if let Some(shown) = watching.take() {
                keys.broken = Some(shown.broken_signal());
                let event = keys.next().await;
                keys.broken = None;
                let incoming = match event {
                    Event::Input(incoming) => incoming,
                    Event::Redraw => Vec::new(),
                    Event::End(gone) => break Err(gone),
                };
                // Another size: another shared drawing, whole from the start.
                if incoming.iter().all(|i| matches!(i, Incoming::Resize(_))) {
                    let mut size = frames.terminal.size();
                    for came in incoming {
                        if let Incoming::Resize(to) = came {
                            size = to;
                        }
                    }
                    drop(shown);
                    if frames.terminal.resize(size).is_err() {
                        break Ok(None);
                    }
                    watching = Some(watch_shared(size));
                    continue;
                }
                // A key (or a notice): a screen of this person's own, drawn
                // on from what the shared one showed them.
                match shown.leave() {
                    Some((last, ink)) if last.area == frames.terminal.size().into() => {
                        if frames.terminal.prime(&last, ink).is_err() {
                            break Ok(None);
                        }
                        frames.whole = false;
                    }
                    _ => frames.whole = true,
                }
                keys.pending = incoming;
                frames.may_rejoin = false;
                own = Some(shared.live.join(opened.role.clone(), lang));
            }
            let Some(screen) = own.as_mut() else {
                own = Some(shared.live.join(opened.role.clone(), lang));
                continue;
            };
            match drive(screen.as_mut(), &mut keys, &mut frames).await {
                Stop::Left | Stop::Failed(_) => break Ok(None),
                Stop::Ended(gone) => break Err(gone),
                Stop::HandedBack => {
                    own = None;
                    watching = frames.rejoined.take();
                }
            }
        }
    };
    drop(watching);
    drop(own);
    let dismissed = matches!(ended, Err(Gone::Dismissed));
    let farewell = match ended {
        Ok(farewell) => farewell,
        Err(Gone::Shutdown) => Some(lang.ssh_session_ended()),
        Err(Gone::Dismissed) => Some(lang.ssh_closed_by_facilitator()),
        Err(Gone::Closed) => {
            outbox.close();
            writing.abort();
            return;
        }
        Err(Gone::Writer(stopped)) => {
            if !matches!(stopped, Some(Stopped::Done | Stopped::Gone)) {
                opened.cutter.cut();
            }
            return;
        }
        Err(Gone::Broken) => {
            opened.cutter.cut();
            return;
        }
    };
    outbox.put(terminal::leave(farewell));
    outbox.close();
    match tokio::time::timeout(shared.stuck_after, &mut writing).await {
        Ok(Ok(Stopped::Done)) => end(&channel, 0).await,
        _ => {
            writing.abort();
            opened.cutter.cut();
            return;
        }
    }
    if dismissed {
        // The facilitator closed the connection, not only this screen: a
        // stranger must not open another one on it without a code. The
        // client is given a moment to take its exit status and hang up.
        tokio::select! {
            () = tokio::time::sleep(DISMISSED_HANG_UP) => {}
            _ = opened.cutter.cut_off() => {}
        }
        opened.cutter.cut();
    }
}

/// The person's screen, and under it, for a few seconds, the shell's notice.
fn draw(
    canvas: &mut crate::ui::Canvas,
    screen: &mut dyn crate::shell::live::Screen,
    notice: Option<&str>,
) {
    screen.draw(canvas);
    if let Some(text) = notice {
        let area = canvas.area();
        let line = Rect::new(
            area.x,
            area.bottom().saturating_sub(1),
            area.width,
            1.min(area.height),
        );
        canvas.covered(line);
        canvas.render_widget(Clear, line);
        canvas.render_widget(
            Paragraph::new(text).style(Style::default().add_modifier(Modifier::REVERSED)),
            line,
        );
    }
}

/// Once the server stops (the guard of the watch is never held across a wait).
async fn ended(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|ended| *ended).await;
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
    fn only_the_formats_run() {
        assert_eq!(document_for(b"plan"), Some(Format::Plan));
        assert_eq!(document_for(b" status\n"), Some(Format::Status));
        assert_eq!(document_for(b"json"), Some(Format::Json));
        assert_eq!(document_for(b"csv"), Some(Format::Csv));
        assert_eq!(document_for(b"schedule-csv"), Some(Format::ScheduleCsv));
        assert_eq!(document_for(b"agenda-md"), Some(Format::AgendaMd));
        for other in [&b"sh"[..], b"plan; rm -rf /", b"", b"PLAN", b"\xff"] {
            assert_eq!(document_for(other), None);
        }
    }
}
