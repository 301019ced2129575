//! Which connections are let in, so one laptop (or a few) on the Wi-Fi
//! cannot keep the room from joining: a cap per address well below the
//! total, a share of the slots kept for addresses that have joined before,
//! and, when crowded, connections that do not reach the code prompt are let
//! go sooner (people at the prompt keep their two minutes). Since those at
//! the prompt are not let go early, one address may hold only a few
//! connections that have not joined yet: a laptop joining needs one or two,
//! its screens already in count apart.
//!
//! The ballot page's server shares it: there no connection ever "joins", so
//! its limits set `waiting_per_address` to `per_address` and keep no slots.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Addresses remembered as having joined (a room has a few dozen laptops).
const MAX_KNOWN: usize = 4096;

/// How many connections are let in.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections served at once.
    pub total: usize,
    /// Connections from one address at once (a laptop has a screen or two,
    /// and asks for a document now and then).
    pub per_address: usize,
    /// Of `per_address`, the connections that have not joined yet (a
    /// laptop joining needs one or two): a flood that waits at the code
    /// prompt, never let go early, holds this many per address only.
    pub waiting_per_address: usize,
    /// Of `total`, the slots only addresses that have joined before take:
    /// someone whose connection dropped gets back in during a flood.
    pub kept_for_known: usize,
    /// When crowded, a connection that has not sent its SSH greeting after
    /// this long is let go, and one still exchanging keys (not yet at the
    /// code prompt) after six times this long.
    pub idle_when_crowded: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            total: 512,
            per_address: 16,
            waiting_per_address: 4,
            kept_for_known: 128,
            idle_when_crowded: Duration::from_secs(10),
        }
    }
}

/// The connections open now, per address.
pub struct Admission {
    limits: Limits,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    open: HashMap<IpAddr, Open>,
    total: usize,
    /// Addresses that have joined, and when they last did.
    known: HashMap<IpAddr, Instant>,
}

/// The connections open from one address.
#[derive(Default, Clone, Copy)]
struct Open {
    all: usize,
    /// Of `all`, those that have joined (told by the connection itself).
    joined: usize,
}

impl Open {
    fn waiting(self) -> usize {
        self.all.saturating_sub(self.joined)
    }
}

/// One connection let in; its slot is given back when it is dropped.
pub struct Admitted {
    admission: Arc<Admission>,
    address: IpAddr,
}

impl Admission {
    pub fn new(limits: Limits) -> Arc<Admission> {
        Arc::new(Admission {
            limits,
            state: Mutex::default(),
        })
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The next connection on `listener` that is let in, with its slot:
    /// one refused is closed at once, and a failed accept (out of file
    /// descriptors, say) waits a moment rather than spin. Cancel-safe, for
    /// a server's `select!`: nothing admitted is lost when it is dropped.
    pub async fn next(
        self: &Arc<Self>,
        listener: &tokio::net::TcpListener,
    ) -> (tokio::net::TcpStream, std::net::SocketAddr, Admitted) {
        loop {
            let Ok((stream, peer)) = listener.accept().await else {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            if let Some(admitted) = self.admit(peer.ip()) {
                return (stream, peer, admitted);
            }
        }
    }

    /// A slot for a connection from `address`, or `None` when it must be
    /// closed at once.
    pub fn admit(self: &Arc<Self>, address: IpAddr) -> Option<Admitted> {
        let mut state = self.state.lock().ok()?;
        let from_there = state.open.get(&address).copied().unwrap_or_default();
        let for_strangers = self.limits.total.saturating_sub(self.limits.kept_for_known);
        let full = state.total >= self.limits.total
            || (!state.known.contains_key(&address) && state.total >= for_strangers);
        if from_there.all >= self.limits.per_address
            || from_there.waiting() >= self.limits.waiting_per_address
            || full
        {
            return None;
        }
        state.open.entry(address).or_default().all += 1;
        state.total += 1;
        Some(Admitted {
            admission: Arc::clone(self),
            address,
        })
    }

    /// Whether connections that have not reached the prompt are let go
    /// sooner: half of the strangers' slots are taken.
    pub fn crowded(&self) -> bool {
        let for_strangers = self.limits.total.saturating_sub(self.limits.kept_for_known);
        self.state
            .lock()
            .map_or(true, |state| state.total * 2 >= for_strangers)
    }

    /// A connection from `address` has joined: it may take the kept slots
    /// from now on, and the connection no longer counts as waiting. Its
    /// end is told by [`Admission::left`].
    pub fn joined(&self, address: IpAddr) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(open) = state.open.get_mut(&address) {
            open.joined = (open.joined + 1).min(open.all);
        }
        if state.known.len() >= MAX_KNOWN
            && !state.known.contains_key(&address)
            && let Some(oldest) = state
                .known
                .iter()
                .min_by_key(|(_, when)| **when)
                .map(|(a, _)| *a)
        {
            state.known.remove(&oldest);
        }
        state.known.insert(address, Instant::now());
    }

    /// A connection from `address` that had joined has ended.
    pub fn left(&self, address: IpAddr) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(open) = state.open.get_mut(&address) {
            open.joined = open.joined.saturating_sub(1);
        }
    }

    #[cfg(test)]
    fn open(&self) -> usize {
        self.state.lock().unwrap().total
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let Ok(mut state) = self.admission.state.lock() else {
            return;
        };
        state.total = state.total.saturating_sub(1);
        if let Some(open) = state.open.get_mut(&self.address) {
            open.all = open.all.saturating_sub(1);
            if open.all == 0 {
                state.open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    #[test]
    fn one_address_takes_its_share_strangers_leave_room_for_known_ones() {
        let admission = Admission::new(Limits {
            total: 10,
            per_address: 3,
            waiting_per_address: 3,
            kept_for_known: 4,
            idle_when_crowded: Duration::from_secs(1),
        });
        admission.joined(address(1));
        assert!(!admission.crowded());
        let mut held: Vec<_> = (0..50)
            .filter_map(|_| admission.admit(address(2)))
            .collect();
        assert_eq!(held.len(), 3, "one address holds its cap only");
        held.extend((3..9).filter_map(|a| admission.admit(address(a))));
        assert_eq!(admission.open(), 6, "strangers take 10 − 4 slots");
        assert!(admission.crowded());
        assert!(admission.admit(address(9)).is_none());
        let known: Vec<_> = (0..3).filter_map(|_| admission.admit(address(1))).collect();
        assert_eq!(known.len(), 3, "an address that joined before gets in");
        drop(held);
        drop(known);
        assert_eq!(admission.open(), 0, "every slot is given back");
        assert!(admission.admit(address(9)).is_some());
    }

    #[test]
    fn one_address_holds_few_connections_that_have_not_joined_its_screens_apart() {
        let admission = Admission::new(Limits {
            total: 100,
            per_address: 16,
            waiting_per_address: 4,
            kept_for_known: 20,
            idle_when_crowded: Duration::from_secs(1),
        });
        // A flood at the prompt: never let go early, so held to 4.
        let waiting: Vec<_> = (0..50)
            .filter_map(|_| admission.admit(address(2)))
            .collect();
        assert_eq!(waiting.len(), 4, "one address holds 4 waiting");
        assert!(admission.admit(address(3)).is_some(), "another gets in");
        // A laptop whose screens have joined opens more, one or two at a time.
        let mut screens = Vec::new();
        for _ in 0..12 {
            let screen = admission.admit(address(1)).expect("a screen gets in");
            admission.joined(address(1));
            screens.push(screen);
        }
        let joining: Vec<_> = (0..10)
            .filter_map(|_| admission.admit(address(1)))
            .collect();
        assert_eq!(joining.len(), 4, "16 in all, 4 of them waiting");
        drop(joining);
        // A screen that ended gives its joined place back, not a waiting one.
        drop(screens.pop());
        admission.left(address(1));
        let joining: Vec<_> = (0..10)
            .filter_map(|_| admission.admit(address(1)))
            .collect();
        assert_eq!(joining.len(), 4, "still 4 waiting, not 5");
        drop(joining);
        drop(screens);
        for _ in 0..11 {
            admission.left(address(1));
        }
        drop(waiting);
        assert_eq!(admission.open(), 0, "every slot is given back");
        assert!(admission.state.lock().unwrap().open.is_empty());
    }

    #[test]
    fn known_addresses_stay_bounded() {
        let admission = Admission::new(Limits::default());
        for i in 0..(MAX_KNOWN as u32 + 100) {
            admission.joined(IpAddr::from(i.to_be_bytes()));
        }
        assert!(admission.state.lock().unwrap().known.len() <= MAX_KNOWN);
    }
}
