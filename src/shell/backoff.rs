//! A growing wait per address after wrong secrets (SSH join codes, ballot
//! tokens), with bounded memory: guessing from one laptop or phone grows
//! slow however many connections it opens.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Secrets checked from one address before each further check waits.
const FREE_CHECKS: u32 = 3;
/// The longest wait before a check, in [`Backoff`] units (seconds when
/// serving): always well inside the join window, so the right code typed
/// after many wrong ones is still checked, never cut.
const MAX_WAIT_UNITS: u32 = 30;
/// The longest wait before a check when serving.
pub const MAX_WAIT: Duration = Duration::from_secs(MAX_WAIT_UNITS as u64);
/// An address's checks are forgotten after this long without one.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// Addresses remembered at most (a room has a few dozen laptops).
const MAX_ADDRESSES: usize = 4096;

/// Turns to have a code (or token) checked, per address and across its
/// connections: each check takes the address's next turn, and each turn
/// after the first few comes later (1, 2, 4 … up to 30 units after the one
/// before), so guessing from one laptop grows slow however many connections
/// it opens. A right code gives the address its free turns back.
pub struct Backoff {
    unit: Duration,
    addresses: Mutex<HashMap<IpAddr, Turns>>,
}

#[derive(Clone, Copy)]
struct Turns {
    /// Checks since the last right code (each counted when it is taken).
    checks: u32,
    /// When the last one was taken.
    last: Instant,
    /// The next turn free.
    next: Instant,
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff::new(Duration::from_secs(1))
    }
}

impl Backoff {
    /// Waits counted in `unit`s (a second when serving; less in tests).
    pub fn new(unit: Duration) -> Backoff {
        Backoff {
            unit,
            addresses: Mutex::default(),
        }
    }

    fn max_wait(&self) -> Duration {
        self.unit * MAX_WAIT_UNITS
    }

    /// The wait after the `checks`-th check before the next one.
    fn wait_after(&self, checks: u32) -> Duration {
        match checks.saturating_sub(FREE_CHECKS) {
            0 => Duration::ZERO,
            over => (self.unit * (1u32 << (over - 1).min(5))).min(self.max_wait()),
        }
    }

    fn turns(&self, address: IpAddr, now: Instant) -> Option<Turns> {
        let addresses = self.addresses.lock().ok()?;
        addresses
            .get(&address)
            .filter(|turns| now.duration_since(turns.last) < FORGET_AFTER)
            .copied()
    }

    /// How long before a code from `address` can be checked (what the
    /// person is told to wait); zero when at once.
    pub fn waiting(&self, address: IpAddr, now: Instant) -> Duration {
        self.turns(address, now).map_or(Duration::ZERO, |turns| {
            turns.next.saturating_duration_since(now)
        })
    }

    /// Takes `address`'s next turn for one check: the instant the code is
    /// checked (at most the longest wait from now), or, when the next free
    /// turn is further than that (other connections hold the turns before
    /// it), `Err` with how long until it; then nothing is checked.
    pub fn take_turn(&self, address: IpAddr, now: Instant) -> Result<Instant, Duration> {
        let Ok(mut addresses) = self.addresses.lock() else {
            return Err(self.max_wait());
        };
        if addresses.len() >= MAX_ADDRESSES && !addresses.contains_key(&address) {
            addresses.retain(|_, turns| now.duration_since(turns.last) < FORGET_AFTER);
            if addresses.len() >= MAX_ADDRESSES {
                // Still full of recent ones: the oldest goes.
                if let Some(oldest) = addresses
                    .iter()
                    .min_by_key(|(_, turns)| turns.last)
                    .map(|(a, _)| *a)
                {
                    addresses.remove(&oldest);
                }
            }
        }
        let fresh = Turns {
            checks: 0,
            last: now,
            next: now,
        };
        let turns = addresses.entry(address).or_insert(fresh);
        if now.duration_since(turns.last) >= FORGET_AFTER {
            *turns = fresh;
        }
        let turn = turns.next.max(now);
        if turn - now > self.max_wait() {
            return Err(turn - now);
        }
        turns.checks = turns.checks.saturating_add(1);
        turns.last = now;
        turns.next = turn + self.wait_after(turns.checks);
        Ok(turn)
    }

    /// Takes `address`'s next turn, waiting for one to come within reach
    /// when other connections hold them all: for a code that cannot be
    /// asked again with words of ours (OpenSSH's password prompt), so it
    /// is checked late rather than refused unchecked. The join window
    /// bounds the wait.
    pub async fn next_turn(&self, address: IpAddr) -> Instant {
        loop {
            match self.take_turn(address, Instant::now()) {
                Ok(turn) => return turn,
                Err(wait) => {
                    let within_reach = wait.saturating_sub(self.max_wait()).max(self.unit / 10);
                    tokio::time::sleep(within_reach).await;
                }
            }
        }
    }

    /// A right code: the address's turns are free again.
    pub fn succeeded(&self, address: IpAddr) {
        if let Ok(mut addresses) = self.addresses.lock() {
            addresses.remove(&address);
        }
    }

    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.addresses.lock().unwrap().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_grow_per_address_and_memory_stays_bounded() {
        let backoff = Backoff::default();
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let there: IpAddr = "10.0.0.2".parse().unwrap();
        let now = Instant::now();
        for _ in 0..=FREE_CHECKS {
            assert_eq!(backoff.waiting(here, now), Duration::ZERO);
            assert_eq!(backoff.take_turn(here, now), Ok(now));
        }
        assert_eq!(backoff.waiting(here, now), Duration::from_secs(1));
        let mut at = now;
        for _ in 0..50 {
            // One after the other, each when its turn comes.
            at = backoff.take_turn(here, at).unwrap();
        }
        assert_eq!(backoff.waiting(here, at), MAX_WAIT);
        assert_eq!(backoff.waiting(there, at), Duration::ZERO);
        assert_eq!(backoff.waiting(here, at + FORGET_AFTER), Duration::ZERO);
        backoff.succeeded(here);
        assert_eq!(backoff.take_turn(here, at), Ok(at));
        for i in 0..(MAX_ADDRESSES as u32 + 100) {
            let _ = backoff.take_turn(IpAddr::from(i.to_be_bytes()), now);
        }
        assert!(backoff.remembered() <= MAX_ADDRESSES);
    }

    /// 200 codes at once from one address (parallel connections): only the
    /// turns within the longest wait are checked, each at its own time;
    /// the rest are told how long to wait and not checked.
    #[test]
    fn parallel_tries_share_one_address_turns() {
        let backoff = Backoff::default();
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let now = Instant::now();
        let turns: Vec<_> = (0..200).map(|_| backoff.take_turn(here, now)).collect();
        let checked: Vec<Instant> = turns.iter().filter_map(|t| t.ok()).collect();
        assert!(checked.len() <= 8, "{} checked", checked.len());
        assert!(checked.iter().all(|&t| t - now <= MAX_WAIT));
        assert!(checked.windows(2).all(|w| w[0] <= w[1]));
        for refused in turns.iter().filter_map(|t| t.err()) {
            assert!(refused > MAX_WAIT, "{refused:?}");
        }
    }

    /// With every turn within reach held, a code that must wait for its
    /// turn gets the next one that comes into reach, not a refusal.
    #[tokio::test]
    async fn a_code_that_cannot_be_asked_again_waits_for_its_turn() {
        let backoff = Backoff::new(Duration::from_millis(20));
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let now = Instant::now();
        let held = (0..50)
            .filter(|_| backoff.take_turn(here, now).is_ok())
            .count();
        assert!(backoff.take_turn(here, now).is_err(), "{held} turns held");
        let turn = tokio::time::timeout(Duration::from_secs(5), backoff.next_turn(here))
            .await
            .expect("a turn in time");
        assert!(turn - now > backoff.max_wait(), "after the held ones");
        assert!(turn - Instant::now() <= backoff.max_wait());
    }
}
