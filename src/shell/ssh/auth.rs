//! Who may come in: a growing wait per address after wrong codes (with
//! bounded memory), and public keys granted roles by an authorized-keys file.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use russh::keys::PublicKey;

use crate::store::ReadError;

use super::roles::RoleKey;
use super::roles::{self, Groups};

/// Codes checked from one address before each further check waits.
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
/// The largest authorized-keys file read: a key's line is about a hundred
/// bytes, a room a few dozen laptops.
pub const MAX_KEYS_BYTES: u64 = 256 * 1024;

/// Said here, not in the languages' files, which know nothing of the store.
impl crate::i18n::Lang {
    /// Why an authorized-keys file was not read, said after its name.
    pub fn keys_unread(self, why: &ReadError) -> String {
        match why {
            ReadError::NotFound => self.keys_missing().to_string(),
            ReadError::NotRegular(_) => self.keys_not_regular().to_string(),
            ReadError::TooLarge(_) => self.keys_too_large(MAX_KEYS_BYTES / 1024),
            ReadError::Io(error) => crate::store::describe_io(error, self),
        }
    }
}

/// Turns to have a code checked, per address and across its connections:
/// each check takes the address's next turn, and each turn after the
/// first few comes later (1, 2, 4 … up to 30 units after the one before),
/// so guessing from one laptop grows slow however many connections it
/// opens. A right code gives the address its free turns back.
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

/// Public keys that join as a role without a code: `--authorized-keys FILE`,
/// lines `ROLE ssh-ed25519 AAAA… [comment]` (`#` starts a comment line).
/// A group named by number is the group at that place when the file is
/// read; the key stays with that group (its axis) when groups move.
#[derive(Debug, Default, Clone)]
pub struct AuthorizedKeys {
    keys: Vec<(RoleKey, PublicKey)>,
}

/// A line of an authorized-keys file that could not be read.
#[derive(Debug)]
pub struct BadLine {
    pub number: usize,
    pub reason: String,
}

impl AuthorizedKeys {
    /// Reads the file a person named: only a regular file (a pipe would
    /// hang the start, `/dev/zero` eat the memory), of at most
    /// [`MAX_KEYS_BYTES`].
    pub fn read(
        path: &Path,
        groups: &Groups,
    ) -> Result<Result<AuthorizedKeys, BadLine>, ReadError> {
        let bytes = crate::store::read_regular(path, MAX_KEYS_BYTES)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e)))?;
        Ok(AuthorizedKeys::parse(&text, groups))
    }

    pub fn parse(text: &str, groups: &Groups) -> Result<AuthorizedKeys, BadLine> {
        let mut keys = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: String| BadLine {
                number: i + 1,
                reason,
            };
            let (role, key) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| bad("ROLE ssh-ed25519 AAAA…".into()))?;
            let joining =
                roles::from_user_name(role, groups).ok_or_else(|| bad(role.to_string()))?;
            let key = PublicKey::from_openssh(key.trim()).map_err(|e| bad(e.to_string()))?;
            keys.push((joining.key, key));
        }
        Ok(AuthorizedKeys { keys })
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether this key may join as this role.
    pub fn grants(&self, role: &RoleKey, key: &PublicKey) -> bool {
        self.keys
            .iter()
            .any(|(name, granted)| name == role && granted.key_data() == key.key_data())
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
        // The wait is always shorter than the join window.
        assert!(MAX_WAIT < super::super::JOIN_WINDOW);
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

    #[test]
    fn keys_are_granted_by_role() {
        let groups = vec![("operaciones".to_string(), 2, "Operaciones".to_string())];
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ana@laptop";
        let text = format!("# facilitación\nfacilitador {key}\noperaciones {key}\n");
        let keys = AuthorizedKeys::parse(&text, &groups).unwrap();
        let public = PublicKey::from_openssh(key).unwrap();
        assert!(keys.grants(&RoleKey::Facilitator, &public));
        assert!(keys.grants(&RoleKey::Group("operaciones".into()), &public));
        assert!(!keys.grants(&RoleKey::Room, &public));
        let bad = AuthorizedKeys::parse("root ssh-ed25519 AAAA", &groups).unwrap_err();
        assert_eq!(bad.number, 1);
        assert!(AuthorizedKeys::parse("sala ssh-ed25519 nonsense", &groups).is_err());
    }

    /// `read` on another thread, so a hang fails the test instead of
    /// hanging it.
    fn read_within(path: &Path) -> Result<Result<AuthorizedKeys, BadLine>, ReadError> {
        let path = path.to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(AuthorizedKeys::read(&path, &Vec::new()));
        });
        rx.recv_timeout(Duration::from_secs(5))
            .expect("read returned in time")
    }

    #[test]
    fn a_pipe_for_keys_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("keys");
        let name = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let started = Instant::now();
        let Err(error) = read_within(&fifo) else {
            panic!("refused")
        };
        assert!(matches!(error, ReadError::NotRegular(_)), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
        let words = crate::i18n::Lang::En.keys_unread(&error);
        assert!(words.contains("not a regular file"), "{words}");
    }

    #[test]
    fn a_link_to_an_endless_device_for_keys_is_refused_and_a_big_file_is_not_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let Err(error) = read_within(&link) else {
            panic!("refused")
        };
        assert!(matches!(error, ReadError::NotRegular(_)), "{error:?}");
        let big = dir.path().join("big");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_KEYS_BYTES + 1).unwrap();
        let Err(error) = read_within(&big) else {
            panic!("refused")
        };
        assert!(matches!(error, ReadError::TooLarge(_)), "{error:?}");
        let words = crate::i18n::Lang::Es.keys_unread(&error);
        assert!(words.contains("demasiado grande"), "{words}");
        // A file of keys as people write it is read.
        let keys = dir.path().join("keys");
        std::fs::write(&keys, "# nadie aún\n").unwrap();
        assert!(read_within(&keys).unwrap().unwrap().is_empty());
    }
}
