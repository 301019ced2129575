//! What a shell needs from the live session: a screen per person, and the
//! session's documents for commands run without a screen (`ssh … plan`).
//!
//! The session core implements these; the shells (the local terminal, the
//! SSH server) only drive them, so neither knows how the other works.

use jiff::Timestamp;

use crate::app::Msg;
use crate::i18n::Lang;
use crate::ui::Canvas;

pub use crate::export::formats::Format;
pub use crate::session::Role;

/// Work that runs beside a screen's shell while it lasts (the SSH server of
/// a served session beside the facilitator's terminal): started once the
/// shell's writer is in place, told to stop when the shell ends, and waited
/// for before the shell returns. Here, below both, so the server (`serve`)
/// and the local terminal (`local`) each import it, neither the other.
pub type Beside = Box<
    dyn FnOnce(
            tokio::sync::watch::Receiver<bool>,
        ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>
        + Send,
>;

/// What a person's screen does after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// Ring this person's terminal bell (a projected screen: a clock reached
    /// its warning or its end), and go on.
    Ring,
    /// The person left (`q`, `Ctrl+D`): close their terminal cleanly.
    Leave,
}

/// One person's screen on the live session.
pub trait Screen: Send {
    /// A key, a paste, a resize or a tick from this person's terminal.
    fn handle(&mut self, msg: Msg, now: Timestamp) -> Flow;
    /// Draws this person's screen on the canvas the terminal hands out, at
    /// its size (`ui::draw`: what the last frame drew the same is left).
    fn draw(&mut self, canvas: &mut Canvas);
    /// When to send `Msg::Tick` next, if ever (a running clock's next second,
    /// a draft to save); `None`: only when something happens.
    fn wake_at(&self) -> Option<Timestamp>;
    /// Changes whenever the shared session has a new revision, so the shell
    /// redraws this screen; it never needs to poll. As this screen has seen
    /// it: a screen marks a revision seen once it takes it (on
    /// `Msg::Changed`, or its own change). `None`: the screen follows no
    /// session (the start screen).
    fn revisions(&self) -> Option<tokio::sync::watch::Receiver<u64>>;
}

/// The live session as a shell sees it.
pub trait Live: Send + Sync {
    /// The groups people may join as rapporteurs: (axis, number from 1, title).
    fn groups(&self) -> Vec<(String, usize, String)>;
    /// A new screen for a person with this role, in this language.
    fn join(&self, role: Role, lang: Lang) -> Box<dyn Screen>;
    /// An output of the live session, as `taller export` would write it
    /// to the standard output (`ssh … plan`).
    fn document(&self, format: Format, lang: Lang) -> String;
}
