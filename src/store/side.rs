//! Small private files taller keeps for itself (the SSH server's key, a
//! session's join codes): read only when they are regular files of ours that
//! nobody else can read, never through a link; written privately and
//! atomically like a session.

use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use super::safe::{self, FileKind, ReadError};

/// A secret kept in a file: what is wrong with the file when it is not read.
pub fn read_secret(path: &Path, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    if !meta.file_type().is_file() {
        return Err(safe::unsafe_error(path, FileKind::of(meta.file_type())));
    }
    // Another user's file, or one others may read, is not a secret of ours.
    if meta.uid() != safe::euid() || meta.permissions().mode() & 0o077 != 0 {
        return Err(safe::unsafe_error(path, FileKind::Other));
    }
    match safe::read_regular(path, cap) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::NotFound) => Ok(None),
        Err(ReadError::NotRegular(kind)) => Err(safe::unsafe_error(path, kind)),
        Err(ReadError::TooLarge(_)) => Err(io::Error::from(io::ErrorKind::FileTooLarge)),
        Err(ReadError::Io(error)) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_private_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.json.codes");
        assert!(read_secret(&path, 100).unwrap().is_none());
        super::super::write_atomic(&path, b"x").unwrap();
        assert_eq!(read_secret(&path, 100).unwrap().unwrap(), b"x");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(read_secret(&path, 100).is_err());
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(read_secret(&link, 100).is_err());
    }
}
