//! One task follows the session for every phone: at each revision it makes
//! the public view (the open poll, the presented input) and, only when that
//! changed, hands it to every events stream at once, written as JSON once;
//! at most one view each `SEND_GAP`, so that a burst of ballots is not a
//! burst of writes to every phone.
//! It also beats the one keep-alive they all send. While nothing changes no
//! phone costs any work and no timer runs per phone.

use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::view::PublicView;
use crate::model::session::Session;
use crate::session::{SharedHost, Stage, lock};

/// What every events stream follows: the view, as JSON, and the beat of the
/// keep-alive.
#[derive(Clone)]
pub struct Beat {
    pub view: Arc<PublicView>,
    /// The view written once for all streams.
    pub json: Arc<str>,
    /// Counts the keep-alives: a stream whose view is unchanged sends one.
    pub beat: u64,
}

impl Beat {
    fn new(view: PublicView, beat: u64) -> Beat {
        let json = serde_json::to_string(&view).unwrap_or_else(|_| "{}".into());
        Beat {
            view: Arc::new(view),
            json: json.into(),
            beat,
        }
    }
}

/// The publisher's beats, as the routes read them. When the publisher stops
/// every stream following it ends.
pub struct Beats {
    latest: watch::Receiver<Beat>,
}

impl Beats {
    /// Starts the publisher over `host`, beating every `keep_alive`.
    pub fn start(host: SharedHost, keep_alive: Duration) -> (Beats, JoinHandle<()>) {
        let first = {
            let host = lock(&host);
            let snapshot = host.snapshot();
            PublicView::of(&snapshot.session, &snapshot.stage)
        };
        let (tx, latest) = watch::channel(Beat::new(first, 0));
        let task = tokio::spawn(publish(host, tx, keep_alive));
        (Beats { latest }, task)
    }

    /// A new stream's own follower, which sees the view now as changed.
    pub fn follow(&self) -> watch::Receiver<Beat> {
        let mut follower = self.latest.clone();
        follower.mark_changed();
        follower
    }
}

/// The least time between two views handed to the streams. A ballot alone
/// is sent at once; in a burst (a room of phones voting within a second)
/// the count is sent at most this often, the newest each time. Each view
/// sent is one write per open stream: with 200 phones open, 500 ballots at
/// once made about 20 views, 4,000 writes beside the 500 answers. At 10 ms
/// a burst answered in ~25 ms still sent 2–4 views, 200 writes each, on the
/// cores answering the ballots; at 50 ms it sends the first at once and the
/// newest after the burst. A person watching the count sees no difference.
pub const SEND_GAP: Duration = Duration::from_millis(50);

async fn publish(host: SharedHost, tx: watch::Sender<Beat>, keep_alive: Duration) {
    let mut revisions = lock(&host).revisions();
    let mut tick = tokio::time::interval_at(Instant::now() + keep_alive, keep_alive);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // What the last view was made of: a revision that changed neither (a
    // save, someone's cursor) makes no view. Held weakly: a snapshot held
    // here would have the host copy the whole session at its next change.
    // (The allocation outlives a weak pointer, so its address is not
    // reused by a later revision.)
    let mut made_of: Option<(Weak<Session>, Stage)> = None;
    // When a view was last sent, and whether a revision waits for the gap.
    let mut sent_at: Option<Instant> = None;
    let mut waiting = false;
    loop {
        let gap_over = sent_at.map_or_else(Instant::now, |at| at + SEND_GAP);
        tokio::select! {
            changed = revisions.changed(), if !waiting => {
                if changed.is_err() {
                    return;
                }
                waiting = true;
            }
            () = tokio::time::sleep_until(gap_over), if waiting => {}
            _ = tick.tick() => {
                // The routes hold one follower; any more are open streams.
                if tx.receiver_count() > 1 {
                    tx.send_modify(|beat| beat.beat += 1);
                }
                continue;
            }
        }
        if !waiting || Instant::now() < gap_over {
            continue;
        }
        waiting = false;
        // The newest revision: those that came during the gap are in it.
        revisions.borrow_and_update();
        let (session, stage) = {
            let snapshot = lock(&host).snapshot();
            (snapshot.session, snapshot.stage)
        };
        if made_of
            .as_ref()
            .is_some_and(|(s, st)| std::ptr::eq(s.as_ptr(), Arc::as_ptr(&session)) && *st == stage)
        {
            continue;
        }
        let view = PublicView::of(&session, &stage);
        made_of = Some((Arc::downgrade(&session), stage));
        let sent = tx.send_if_modified(|beat| {
            if *beat.view == view {
                return false;
            }
            *beat = Beat::new(view, beat.beat);
            true
        });
        if sent {
            sent_at = Some(Instant::now());
        }
    }
}
