//! The filesystem as it may be, not as it should be: files read only if
//! they are regular and not too large.

use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    Device,
    Socket,
    Symlink,
    Folder,
    /// Anything else; for a side file, one that belongs to another user.
    Other,
}

impl FileKind {
    pub fn of(file_type: fs::FileType) -> FileKind {
        if file_type.is_fifo() {
            FileKind::Fifo
        } else if file_type.is_char_device() || file_type.is_block_device() {
            FileKind::Device
        } else if file_type.is_socket() {
            FileKind::Socket
        } else if file_type.is_symlink() {
            FileKind::Symlink
        } else if file_type.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    NotRegular(FileKind),
    TooLarge(u64),
    Io(io::Error),
}

/// Reads a regular file of at most `cap` bytes. A path a person typed may be
/// a symbolic link to a session, so links are followed; but what is opened
/// must be a regular file (checked before opening, so a FIFO or a device is
/// never opened, and again on the open file), opened without blocking, and
/// read no further than the cap, whatever its size said.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(error),
    };
    let before = fs::metadata(path).map_err(io_error)?;
    if !before.is_file() {
        return Err(ReadError::NotRegular(FileKind::of(before.file_type())));
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io_error)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(FileKind::of(meta.file_type())));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_not_opened_and_a_link_to_a_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("tubo.json");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert!(matches!(
            read_regular(&fifo, 10),
            Err(ReadError::NotRegular(FileKind::Fifo))
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular(FileKind::Device))
        ));
        let file = dir.path().join("real.json");
        fs::write(&file, "0123456789").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(read_regular(&link, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_regular(&file, 9),
            Err(ReadError::TooLarge(10))
        ));
    }
}
