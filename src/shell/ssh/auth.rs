//! Who may come in: public keys granted roles by an authorized-keys file.
//! (The growing wait after wrong codes is `shell::backoff`, shared with the
//! ballot page's tokens.)

use std::io;
use std::path::Path;

use russh::keys::PublicKey;

use crate::store::ReadError;

use super::roles::RoleKey;
use super::roles::{self, Groups};

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
    use std::time::{Duration, Instant};

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
