//! One event loop for every screen, the local terminal's and each SSH
//! client's: it sleeps until input comes, the screen asks to be woken (a
//! clock's next second, a draft to keep), or the session has a new
//! revision; hands what happened to the screen; and draws a frame when
//! something did. Where input comes from and where frames go are the
//! shell's ([`Input`], [`Output`]); with nothing due, it costs nothing.

use std::future::Future;
use std::io;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::layout::Size;
use tokio::sync::watch;

use super::live::{Flow, Screen};
use crate::app::Msg;

/// Something from the person's terminal, in order.
pub enum Incoming {
    Msg(Msg),
    /// The window has a new size: frames are drawn at it from now on.
    Resize(Size),
    /// A word from the shell itself (a paste too large), shown for a while.
    Notice(String),
}

/// What the input says next.
pub enum Event<E> {
    Input(Vec<Incoming>),
    /// Draw a frame though the screen did not change (someone new watches it).
    Redraw,
    /// No more input: the shell says why.
    End(E),
}

/// Where a screen's input comes from.
pub trait Input {
    /// Why input can end (the connection went, the server stopped).
    type End;
    /// Waits for the next input; it must be cancel-safe (the loop may
    /// drop it when a timer or a revision comes first).
    fn next(&mut self) -> impl Future<Output = Event<Self::End>> + Send;
}

/// Where a screen's frames go.
pub trait Output {
    fn resize(&mut self, size: Size) -> io::Result<()>;
    /// Draws the screen (and the shell's notice, if any).
    fn draw(&mut self, screen: &mut dyn Screen) -> io::Result<()>;
    /// The terminal's bell, with the next frame or now.
    fn ring(&mut self);
    /// A notice of the shell's own, drawn with the next frames.
    fn notice(&mut self, _text: String) {}
    /// When the shell's notice goes, if one shows.
    fn notice_until(&self) -> Option<Instant> {
        None
    }
    /// The shell's notice has had its time.
    fn notice_gone(&mut self) {}
    /// The screen took a batch of input.
    fn handled(&mut self) {}
    /// Asked after each frame: the shell takes the terminal back (a room
    /// screen goes back on the shared drawing).
    fn hand_back(&mut self) -> bool {
        false
    }
}

/// Why the loop stopped.
pub enum Stop<E> {
    /// The person left (`q`, `Ctrl+D`).
    Left,
    /// The input ended.
    Ended(E),
    /// A frame could not be made or written.
    Failed(io::Error),
    /// The shell took the terminal back ([`Output::hand_back`]).
    HandedBack,
}

/// Drives `screen` with what `input` brings, drawing to `output`, until
/// the person leaves, the input ends, or the shell takes the terminal back.
/// The first frame is drawn at once.
pub async fn drive<I: Input>(
    screen: &mut dyn Screen,
    input: &mut I,
    output: &mut impl Output,
) -> Stop<I::End> {
    let mut dirty = true;
    // A session that stopped publishing: not waited on again.
    let mut closed: Option<watch::Receiver<u64>> = None;
    let mut revisions: Option<watch::Receiver<u64>> = None;
    loop {
        if dirty {
            if let Err(error) = output.draw(screen) {
                return Stop::Failed(error);
            }
            dirty = false;
            if output.hand_back() {
                return Stop::HandedBack;
            }
        }
        let wake = screen.wake_at();
        // The screen's own receiver, as it has seen it (no wake for its own
        // change); the loop's, if the screen has not marked what it took.
        revisions = match (revisions.take(), screen.revisions()) {
            (Some(kept), Some(fresh))
                if kept.same_channel(&fresh) && fresh.has_changed().unwrap_or(true) =>
            {
                Some(kept)
            }
            (_, fresh) => fresh,
        };
        let waited = revisions
            .as_mut()
            .filter(|r| !closed.as_ref().is_some_and(|c| c.same_channel(r)));
        let notice_until = output.notice_until();
        let mut incoming = Vec::new();
        tokio::select! {
            event = input.next() => match event {
                Event::Input(input) => incoming = input,
                Event::Redraw => dirty = true,
                Event::End(end) => return Stop::Ended(end),
            },
            () = sleep_until_timestamp(wake) => incoming.push(Incoming::Msg(Msg::Tick)),
            changed = changed(waited) => match changed {
                // The screen takes the new revision, then is drawn.
                true => incoming.push(Incoming::Msg(Msg::Changed)),
                // Nothing more will change by itself.
                false => closed = revisions.clone(),
            },
            () = sleep_until(notice_until) => {
                output.notice_gone();
                dirty = true;
            }
        }
        for came in incoming {
            dirty = true;
            let msg = match came {
                Incoming::Msg(msg) => msg,
                Incoming::Resize(size) => {
                    if let Err(error) = output.resize(size) {
                        return Stop::Failed(error);
                    }
                    Msg::Resize
                }
                Incoming::Notice(text) => {
                    output.notice(text);
                    continue;
                }
            };
            match screen.handle(msg, Timestamp::now()) {
                Flow::Continue => {}
                Flow::Ring => output.ring(),
                Flow::Leave => return Stop::Left,
            }
        }
        output.handled();
    }
}

/// Whether a new revision came (false: the session stopped publishing).
async fn changed(revisions: Option<&mut watch::Receiver<u64>>) -> bool {
    match revisions {
        Some(revisions) => revisions.changed().await.is_ok(),
        None => std::future::pending().await,
    }
}

pub async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at.into()).await,
        None => std::future::pending().await,
    }
}

/// Until a wall-clock instant (at once if it has passed), or never.
pub async fn sleep_until_timestamp(at: Option<Timestamp>) {
    match at {
        Some(at) => tokio::time::sleep(until(at)).await,
        None => std::future::pending().await,
    }
}

/// How long until a wall-clock instant (zero if it has passed).
pub fn until(at: Timestamp) -> Duration {
    let nanos = at.duration_since(Timestamp::now()).as_nanos().max(0);
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}
