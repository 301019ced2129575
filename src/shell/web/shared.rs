//! What every request may use: the host, the page's one person on it, the
//! cards, the back-off of wrong tokens and the beats of `/events`.

use std::sync::Arc;

use super::Cards;
use super::publisher::Beats;
use crate::session::{PersonId, SharedHost, lock};
use crate::shell::backoff::Backoff;

/// The largest ballot read: a consent ballot over every input of a plenary,
/// each with a reason, fits several times over.
pub const BALLOT_LIMIT: usize = 16 * 1024;

/// What every request may use.
pub struct PageShared {
    pub host: SharedHost,
    /// The page's one person on the host: ballots have no undo to keep
    /// apart, and a card is not a person of the session.
    pub person: PersonId,
    pub cards: Arc<dyn Cards>,
    /// Wrong tokens, per address.
    pub backoff: Backoff,
    pub beats: Beats,
}

impl PageShared {
    pub fn new(
        host: SharedHost,
        cards: Arc<dyn Cards>,
        backoff: Backoff,
        beats: Beats,
    ) -> PageShared {
        let person = lock(&host).join();
        PageShared {
            host,
            person,
            cards,
            backoff,
            beats,
        }
    }
}

impl Drop for PageShared {
    fn drop(&mut self) {
        lock(&self.host).leave(self.person);
    }
}
