//! One writer per session: a lock on a hidden side file (`.NAME.json.lock`) that is
//! never renamed, so the lock and the session can't come apart. The system
//! releases it when the holder dies, however it dies.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::safe::{FileKind, check_own_regular};

/// Held while a session is open for writing; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// Releases the lock and removes its file: for a holder that is done
    /// with the session (a failed open, a rename, the trash). Only the file
    /// this lock holds is removed, never one someone made since.
    pub fn remove(self) {
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Who holds a session, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: String,
    pub host: String,
}

impl Holder {
    /// "process 123 on sala-1", in the person's language.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        lang.holder(&self.pid, &self.host)
    }
}

#[derive(Debug)]
pub enum LockError {
    Held(Holder),
    /// No lock file can be made here (a read-only medium, say).
    Unavailable,
    /// The lock's path is a symbolic link, or not a regular file of ours:
    /// planted, so neither written through nor trusted.
    Unsafe(PathBuf, FileKind),
}

impl LockError {
    /// For a refusal, in the person's words: `None` when there is nothing to refuse.
    pub fn refusal(&self, lang: crate::i18n::Lang) -> Option<String> {
        match self {
            LockError::Held(holder) => Some(lang.in_use(holder.describe(lang))),
            LockError::Unavailable => None,
            LockError::Unsafe(path, kind) => Some(lang.unsafe_path(path.display(), *kind)),
        }
    }
}

pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".lock");
    session.with_file_name(name)
}

/// Whether the open file is still the one at `path` (a holder that was
/// done may have removed it between our open and our lock).
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Takes the session's lock, or says who has it.
pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    // A holder removes its lock file only while holding it; a lock taken on
    // a file removed meanwhile guards nothing, so it is taken again.
    for _ in 0..8 {
        let mut file = open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = (&mut file).take(256).read_to_string(&mut text);
                let mut words = text.split_whitespace();
                let pid = words.next().unwrap_or("?").to_string();
                let host = words.next().unwrap_or("?").to_string();
                return Err(LockError::Held(Holder { pid, host }));
            }
            Err(TryLockError::Error(_)) => return Err(LockError::Unavailable),
        }
        if !same_file(&file, &path) {
            continue;
        }
        // Who we are, for the next one who tries; the lock holds even if this fails.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{} {}", std::process::id(), host_name()));
        return Ok(SessionLock { file, path });
    }
    Err(LockError::Unavailable)
}

/// Opens (or creates, private) the lock file itself: never through a
/// symbolic link, never a FIFO or a device, never another user's file.
fn open_lock_file(path: &Path) -> Result<File, LockError> {
    let opened = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path);
    let file = match opened {
        Ok(file) => file,
        Err(_) => {
            // Say why when it is a planted link; otherwise the medium refuses.
            return match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    Err(LockError::Unsafe(path.to_path_buf(), FileKind::Symlink))
                }
                _ => Err(LockError::Unavailable),
            };
        }
    };
    check_own_regular(&file, path)
        .map_err(|error| {
            let kind = error
                .get_ref()
                .and_then(|e| e.downcast_ref::<super::safe::Unsafe>())
                .map_or(FileKind::Other, |found| found.kind);
            LockError::Unsafe(path.to_path_buf(), kind)
        })
        .and_then(|meta| {
            // A hard link planted as the lock would have "PID host" written
            // into the file it shares with another name.
            if meta.nlink() == 1 {
                Ok(())
            } else {
                Err(LockError::Unsafe(path.to_path_buf(), FileKind::HardLinked))
            }
        })?;
    Ok(file)
}

/// This machine's name, as the kernel has it; `?` where it can't be read.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|name| name.trim().to_string())
        .ok()
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "?".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_learns_who_has_it_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala.json");
        let first = acquire(&session).unwrap();
        match acquire(&session) {
            Err(LockError::Held(holder)) => {
                assert_eq!(holder.pid, std::process::id().to_string());
                assert_eq!(holder.host, host_name());
            }
            other => panic!("expected the lock to be held, got {other:?}"),
        }
        drop(first);
        assert!(acquire(&session).is_ok(), "released when dropped");
        assert!(lock_path(&session).ends_with(".sala.json.lock"));
    }

    #[test]
    fn a_planted_link_or_fifo_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("k.json");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&session)).unwrap();
        assert!(matches!(
            acquire(&session),
            Err(LockError::Unsafe(_, FileKind::Symlink))
        ));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");

        let other = dir.path().join("o.json");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(lock_path(&other))
                .status()
                .unwrap()
                .success()
        );
        assert!(matches!(
            acquire(&other),
            Err(LockError::Unsafe(_, FileKind::Fifo))
        ));
    }

    #[test]
    fn only_the_holder_removes_the_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("k.json");
        let held = acquire(&session).unwrap();
        assert!(acquire(&session).is_err());
        held.remove();
        assert!(!lock_path(&session).exists());
        // A lock taken after the removal holds a new file, and holds it alone.
        let again = acquire(&session).unwrap();
        assert!(matches!(acquire(&session), Err(LockError::Held(_))));
        drop(again);
    }

    #[test]
    fn a_planted_hard_link_is_refused_and_its_other_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("k.json");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        std::fs::hard_link(&victim, lock_path(&session)).unwrap();
        assert!(matches!(
            acquire(&session),
            Err(LockError::Unsafe(_, FileKind::HardLinked))
        ));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    }
}
