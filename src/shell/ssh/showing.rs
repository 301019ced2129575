//! Screens that show the same thing at the same size share one drawing, as
//! tmux does: the room's screens (`sala`) of one size and language are
//! drawn once per revision or clock tick, and the same bytes go to each.
//! Fifty room screens cost one drawing, not fifty, and wake one task.
//!
//! What a person does on a room screen is theirs: their first key gives
//! them a screen of their own (a notice, the help), drawn on from what the
//! shared drawing last showed them; once their screen shows the same as
//! the shared one again, they are back on it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};

use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use tokio::sync::{Notify, watch};

use super::outbox::Outbox;
use crate::i18n::Lang;
use crate::shell::drive::{Event, InputSource, Output, Stop, drive};
use crate::shell::live::{Live, Role};
use crate::terminal::ClientTerminal;
use crate::terminal::cells::{self, PenAndCursor};

/// Which screens share a drawing: the room's, of one size and language.
type Key = (u16, u16, Lang);

/// Every shared drawing of a server.
#[derive(Default)]
pub struct Showings {
    /// A few at most (one per size and language in the room): a list.
    drawings: Mutex<Vec<(Key, Weak<Showing>)>>,
    /// Drawings whose task still runs (each holds a screen of the session):
    /// a server that stops waits for them, so it returns with none left.
    running: Arc<AtomicUsize>,
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
    ink: PenAndCursor,
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
    /// Once every shared drawing's task has ended (their viewers gone).
    pub async fn all_ended(&self) {
        while self.running.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

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
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            if drawing.await.is_err() {
                watched.broken.send_replace(true);
            }
            running.fetch_sub(1, Ordering::SeqCst);
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
        mut ink: PenAndCursor,
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
    pub fn leave(self) -> Option<(Buffer, PenAndCursor)> {
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

    /// Turns true if the drawing fails.
    pub fn broken_signal(&self) -> watch::Receiver<bool> {
        self.showing.broken.subscribe()
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

/// The shared drawing's task: one room screen driven like any other, its
/// frames sent to every viewer; until nobody watches or the server stops.
async fn draw(
    showings: Arc<Showings>,
    showing: Arc<Showing>,
    mut screen: Box<dyn crate::shell::live::Screen>,
    size: Size,
    shutdown: watch::Receiver<bool>,
) {
    let Ok(terminal) = ClientTerminal::new(size) else {
        showing.broken.send_replace(true);
        return;
    };
    let mut input = Viewing {
        showings,
        showing: Arc::clone(&showing),
        shutdown,
    };
    let mut output = Broadcast {
        showing: Arc::clone(&showing),
        terminal: terminal.keeping_frames(),
        ring: false,
    };
    if let Stop::Failed(_) = drive(screen.as_mut(), &mut input, &mut output).await {
        showing.broken.send_replace(true);
    }
}

/// A shared drawing's input: nobody types on it; someone joining asks for
/// a frame, the last one leaving (or the server stopping) ends it.
struct Viewing {
    showings: Arc<Showings>,
    showing: Arc<Showing>,
    shutdown: watch::Receiver<bool>,
}

impl InputSource for Viewing {
    type End = ();

    async fn next(&mut self) -> Event<()> {
        if self.showings.end_if_unwatched(&self.showing) {
            return Event::End(());
        }
        tokio::select! {
            () = self.showing.changed.notified() => Event::Redraw,
            _ = self.shutdown.wait_for(|ended| *ended) => Event::End(()),
        }
    }
}

/// A shared drawing's frames: the change to every viewer in step, the
/// whole screen to the others.
struct Broadcast {
    showing: Arc<Showing>,
    terminal: ClientTerminal,
    ring: bool,
}

impl Output for Broadcast {
    fn resize(&mut self, _: Size) -> std::io::Result<()> {
        // A drawing has one size; viewers of another watch another drawing.
        Ok(())
    }

    fn draw(&mut self, screen: &mut dyn crate::shell::live::Screen) -> std::io::Result<()> {
        self.terminal.draw(|canvas| screen.draw(canvas))?;
        let mut change = Vec::new();
        if std::mem::take(&mut self.ring) {
            change.push(b'\x07');
        }
        change.extend(self.terminal.take());
        send(&self.showing, &self.terminal, &change);
        Ok(())
    }

    fn ring(&mut self) {
        self.ring = true;
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
