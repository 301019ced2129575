//! Who may come in: a growing wait per address after wrong codes (with
//! bounded memory), and public keys granted roles by an authorized-keys file.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use russh::keys::PublicKey;

use super::codes::RoleKey;
use super::roles::{self, Groups};

/// Wrong codes from one address before each further try waits.
const FREE_FAILURES: u32 = 3;
/// The longest wait before a try from an address that keeps failing.
pub const MAX_WAIT: Duration = Duration::from_secs(30);
/// An address's failures are forgotten after this long without one.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// Addresses remembered at most (a room has a few dozen laptops).
const MAX_ADDRESSES: usize = 4096;

/// Failures per address, so guessing from one laptop grows slow.
#[derive(Default)]
pub struct Backoff {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl Backoff {
    /// How long a try from `address` waits before it is checked.
    pub fn wait_for(&self, address: IpAddr, now: Instant) -> Duration {
        let Ok(failures) = self.failures.lock() else {
            return MAX_WAIT;
        };
        match failures.get(&address) {
            Some(&(count, last)) if now.duration_since(last) < FORGET_AFTER => {
                let over = count.saturating_sub(FREE_FAILURES);
                if over == 0 {
                    Duration::ZERO
                } else {
                    Duration::from_secs(1u64 << over.min(5)).min(MAX_WAIT)
                }
            }
            _ => Duration::ZERO,
        }
    }

    pub fn failed(&self, address: IpAddr, now: Instant) {
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if failures.len() >= MAX_ADDRESSES && !failures.contains_key(&address) {
            failures.retain(|_, (_, last)| now.duration_since(*last) < FORGET_AFTER);
            if failures.len() >= MAX_ADDRESSES {
                // Still full of recent ones: the oldest goes.
                if let Some(oldest) = failures
                    .iter()
                    .min_by_key(|(_, (_, last))| *last)
                    .map(|(a, _)| *a)
                {
                    failures.remove(&oldest);
                }
            }
        }
        let entry = failures.entry(address).or_insert((0, now));
        let count = if now.duration_since(entry.1) < FORGET_AFTER {
            entry.0
        } else {
            0
        };
        *entry = (count.saturating_add(1), now);
    }

    pub fn succeeded(&self, address: IpAddr) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&address);
        }
    }

    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.failures.lock().unwrap().len()
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
    pub fn read(path: &Path, groups: &Groups) -> io::Result<Result<AuthorizedKeys, BadLine>> {
        let text = std::fs::read_to_string(path)?;
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
    fn waits_grow_per_address_and_memory_stays_bounded() {
        let backoff = Backoff::default();
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let there: IpAddr = "10.0.0.2".parse().unwrap();
        let now = Instant::now();
        for _ in 0..FREE_FAILURES {
            backoff.failed(here, now);
        }
        assert_eq!(backoff.wait_for(here, now), Duration::ZERO);
        backoff.failed(here, now);
        let first = backoff.wait_for(here, now);
        backoff.failed(here, now);
        assert!(backoff.wait_for(here, now) > first);
        for _ in 0..50 {
            backoff.failed(here, now);
        }
        assert_eq!(backoff.wait_for(here, now), MAX_WAIT);
        assert_eq!(backoff.wait_for(there, now), Duration::ZERO);
        assert_eq!(backoff.wait_for(here, now + FORGET_AFTER), Duration::ZERO);
        backoff.succeeded(here);
        assert_eq!(backoff.wait_for(here, now), Duration::ZERO);
        for i in 0..(MAX_ADDRESSES as u32 + 100) {
            backoff.failed(IpAddr::from(i.to_be_bytes()), now);
        }
        assert!(backoff.remembered() <= MAX_ADDRESSES);
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
}
