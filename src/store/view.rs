//! Where each session's screen was left, kept beside it in a small hidden
//! file (`.NAME.json.view`), so reopening lands there and not on the
//! opening plenary. Apart from the session on purpose: looking around is
//! not a change, and a session only looked at is never rewritten.
//!
//! The content is the caller's; a missing or unreadable file is no error,
//! since the view is a convenience and the session stands without it.

use std::path::{Path, PathBuf};

use super::write_atomic;

/// A view is a few hundred bytes; anything larger is not one.
const MAX_VIEW_BYTES: u64 = 64 * 1024;

pub fn view_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".view");
    session.with_file_name(name)
}

/// The view last saved for this session, if a readable one is there.
pub fn read(session: &Path) -> Option<Vec<u8>> {
    let path = view_path(session);
    // Never a link planted in its place (a person never types this path),
    // and never a FIFO or a device: only a small regular file.
    if std::fs::symlink_metadata(&path)
        .ok()?
        .file_type()
        .is_symlink()
    {
        return None;
    }
    super::safe::read_regular(&path, MAX_VIEW_BYTES).ok()
}

/// Keeps the view, privately and atomically like a session.
pub fn write(session: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic(&view_path(session), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_kept_beside_its_session_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala.json");
        assert_eq!(read(&session), None);
        write(&session, b"{\"part\":\"groups\"}").unwrap();
        assert_eq!(view_path(&session), dir.path().join(".sala.json.view"));
        assert_eq!(
            read(&session).as_deref(),
            Some(&b"{\"part\":\"groups\"}"[..])
        );
    }

    #[test]
    fn a_link_in_place_of_the_view_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala.json");
        std::fs::write(dir.path().join("secret"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), view_path(&session)).unwrap();
        assert_eq!(read(&session), None);
    }

    #[test]
    fn writing_over_a_planted_link_replaces_the_link_not_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala.json");
        let target = dir.path().join("secret");
        std::fs::write(&target, b"x").unwrap();
        std::os::unix::fs::symlink(&target, view_path(&session)).unwrap();
        write(&session, b"{}").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"x");
        assert!(
            std::fs::symlink_metadata(view_path(&session))
                .unwrap()
                .is_file()
        );
    }
}
