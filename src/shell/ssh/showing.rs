//! Screens that show the same thing at the same size share one drawing, as
//! tmux does: the room's screens (`sala`) of one size and language are
//! drawn once per revision or clock tick, and the same bytes go to each.
//! Fifty room screens cost one drawing, not fifty, and wake one task.
//!
//! What a person does on a room screen is theirs: their first key gives
//! them a screen of their own (a notice, the help), drawn on from what the
//! shared drawing last showed them; once their screen shows the same as
//! the shared one again, they are back on it.

use std::sync::{Arc, Mutex, Weak};

use jiff::Timestamp;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use tokio::sync::{Notify, watch};

use super::cells::{self, Ink};
use super::outbox::Outbox;
use super::terminal::ClientTerminal;
use crate::i18n::Lang;
use crate::shell::live::{Flow, Live, Role};

/// Which screens share a drawing: the room's, of one size and language.
type Key = (u16, u16, Lang);

/// Every shared drawing of a server.
#[derive(Default)]
pub struct Showings {
    /// A few at most (one per size and language in the room): a list.
    drawings: Mutex<Vec<(Key, Weak<Showing>)>>,
}

/// One drawing, shown on every screen that watches it.
pub struct Showing {
    viewers: Mutex<Viewers>,
    /// Someone joined or left: the drawing sends or stops.
    changed: Notify,
    /// The drawing failed (a panic while drawing): its viewers are cut off.
    broken: watch::Sender<bool>,
}

#[derive(Default)]
struct Viewers {
    next: u64,
    list: Vec<Viewer>,
    /// The frame every viewer in step shows (or will, once its outbox is
    /// sent), and where their terminals are left.
    last: Option<Buffer>,
    ink: Ink,
    /// No drawing anymore: nobody may join it.
    ended: bool,
}

struct Viewer {
    id: u64,
    outbox: Arc<Outbox>,
    /// Whether its screen shows `last` (or will): it takes changes only.
    in_step: bool,
}

/// A screen watching a shared drawing; it stops watching when dropped.
pub struct Watching {
    showing: Arc<Showing>,
    id: u64,
}

/// The most bytes left waiting for a viewer that is behind: changes are
/// appended up to this, then the whole screen replaces them.
const MAX_WAITING: usize = 32 * 1024;

impl Showings {
    /// Whether screens of this role share drawings.
    pub fn shares(role: &Role) -> bool {
        *role == Role::Room
    }

    /// Starts watching the drawing for this size and language (drawn from
    /// now on if nobody watched it): the whole screen comes first.
    pub fn watch(
        self: &Arc<Self>,
        live: &Arc<dyn Live>,
        size: Size,
        lang: Lang,
        outbox: Arc<Outbox>,
        shutdown: watch::Receiver<bool>,
    ) -> Watching {
        let key = (size.width, size.height, lang);
        let mut drawings = lock(&self.drawings);
        if let Some(showing) = find(&drawings, key) {
            let mut viewers = lock(&showing.viewers);
            if !viewers.ended {
                let id = viewers.add(outbox, false);
                drop(viewers);
                showing.changed.notify_one();
                return Watching { showing, id };
            }
        }
        let showing = Arc::new(Showing {
            viewers: Mutex::default(),
            changed: Notify::new(),
            broken: watch::channel(false).0,
        });
        let id = lock(&showing.viewers).add(outbox, false);
        drawings.retain(|(_, drawing)| drawing.strong_count() > 0);
        drawings.push((key, Arc::downgrade(&showing)));
        drop(drawings);
        let screen = live.join(Role::Room, lang);
        let drawing = tokio::spawn(draw(
            Arc::clone(self),
            Arc::clone(&showing),
            screen,
            size,
            shutdown,
        ));
        let watched = Arc::clone(&showing);
        tokio::spawn(async move {
            if drawing.await.is_err() {
                watched.broken.send_replace(true);
            }
        });
        Watching { showing, id }
    }

    /// Back on the shared drawing, if there is one for this size and
    /// language and the screen shows exactly its last frame: the changes go
    /// on from there (once the terminal, left at `ink`, is brought to the
    /// shared drawing's).
    pub fn rejoin(
        &self,
        size: Size,
        lang: Lang,
        outbox: &Arc<Outbox>,
        shown: &Buffer,
        mut ink: Ink,
    ) -> Option<Watching> {
        let key = (size.width, size.height, lang);
        let showing = find(&lock(&self.drawings), key)?;
        let mut viewers = lock(&showing.viewers);
        if viewers.ended || viewers.last.as_ref() != Some(shown) {
            return None;
        }
        let mut settle = Vec::new();
        cells::settle(&mut settle, &mut ink, viewers.ink);
        if !outbox.append(settle, MAX_WAITING) {
            return None;
        }
        let id = viewers.add(Arc::clone(outbox), true);
        drop(viewers);
        Some(Watching { showing, id })
    }

    /// The drawing ends when its last viewer left (under the map's lock, so
    /// nobody joins it meanwhile).
    fn end_if_unwatched(&self, showing: &Showing) -> bool {
        let mut drawings = lock(&self.drawings);
        let mut viewers = lock(&showing.viewers);
        if !viewers.list.is_empty() {
            return false;
        }
        viewers.ended = true;
        drawings.retain(|(_, drawing)| !std::ptr::eq(drawing.as_ptr(), showing));
        true
    }
}

impl Viewers {
    fn add(&mut self, outbox: Arc<Outbox>, in_step: bool) -> u64 {
        self.next += 1;
        self.list.push(Viewer {
            id: self.next,
            outbox,
            in_step,
        });
        self.next
    }
}

impl Watching {
    /// Stops watching; the frame its screen shows (or will, once its outbox
    /// is sent) and where its terminal is left, if it was in step: a screen
    /// of its own goes on from them.
    pub fn leave(self) -> Option<(Buffer, Ink)> {
        let mut viewers = lock(&self.showing.viewers);
        let at = viewers.list.iter().position(|v| v.id == self.id)?;
        let viewer = viewers.list.remove(at);
        let ink = viewers.ink;
        viewer
            .in_step
            .then(|| viewers.last.clone())
            .flatten()
            .map(|last| (last, ink))
    }

    /// Completes if the drawing failed.
    pub async fn broken(&self) {
        let mut broken = self.showing.broken.subscribe();
        let _ = broken.wait_for(|broken| *broken).await;
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        lock(&self.showing.viewers)
            .list
            .retain(|viewer| viewer.id != self.id);
        self.showing.changed.notify_one();
    }
}

fn find(drawings: &[(Key, Weak<Showing>)], key: Key) -> Option<Arc<Showing>> {
    drawings
        .iter()
        .filter(|(k, _)| *k == key)
        .find_map(|(_, drawing)| drawing.upgrade())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The shared drawing's task: one room screen, drawn when it changes, its
/// bytes sent to every viewer; until nobody watches or the server stops.
async fn draw(
    showings: Arc<Showings>,
    showing: Arc<Showing>,
    mut screen: Box<dyn crate::shell::live::Screen>,
    size: Size,
    mut shutdown: watch::Receiver<bool>,
) {
    let Ok(terminal) = ClientTerminal::new(size) else {
        showing.broken.send_replace(true);
        return;
    };
    let mut terminal = terminal.keeping_frames();
    let mut revisions = screen.revisions();
    let mut revisions_open = true;
    let mut dirty = true;
    let mut ring = false;
    loop {
        if dirty {
            if terminal.draw(|frame| screen.draw(frame)).is_err() {
                showing.broken.send_replace(true);
                return;
            }
            let mut change = Vec::new();
            if std::mem::take(&mut ring) {
                change.push(b'\x07');
            }
            change.extend(terminal.take());
            send(&showing, &terminal, &change);
            dirty = false;
        } else {
            // Someone joined: only they need anything.
            send(&showing, &terminal, &[]);
        }
        if showings.end_if_unwatched(&showing) {
            return;
        }
        let wake = screen.wake_at();
        let changed = tokio::select! {
            () = super::channel::sleep_until_timestamp(wake) => Some(crate::app::Msg::Tick),
            changed = revisions.changed(), if revisions_open => match changed {
                Ok(()) => Some(crate::app::Msg::Changed),
                Err(_) => {
                    revisions_open = false;
                    None
                }
            },
            () = showing.changed.notified() => None,
            _ = shutdown.wait_for(|ended| *ended) => return,
        };
        if let Some(msg) = changed {
            dirty = true;
            if screen.handle(msg, Timestamp::now()) == Flow::Ring {
                ring = true;
            }
        }
    }
}

/// The frame's change to every viewer in step; the whole frame to the others.
fn send(showing: &Showing, terminal: &ClientTerminal, change: &[u8]) {
    let mut viewers = lock(&showing.viewers);
    viewers.last = terminal.last().cloned();
    viewers.ink = terminal.ink();
    let mut whole: Option<Vec<u8>> = None;
    for viewer in &mut viewers.list {
        if viewer.in_step && viewer.outbox.append(change.to_vec(), MAX_WAITING) {
            continue;
        }
        let bytes = whole.get_or_insert_with(|| terminal.whole());
        viewer.outbox.put(bytes.clone());
        viewer.in_step = true;
    }
}
