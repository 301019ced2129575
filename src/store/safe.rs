//! The filesystem as it may be, not as it should be: folders made private
//! whatever the umask, side folders that must not be symbolic links, files
//! read only if they are regular and not too large, and temp files left by
//! dead processes.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// What a path is when it is not a regular file: one type, declared where
/// the languages name it (the store imports the strings, not the reverse).
pub use crate::i18n::FileKind;

/// Read from the filesystem here, where the filesystem is known.
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

/// A path taller refuses to write through, carried inside an `io::Error`
/// so it travels the usual error paths and can be said in either language.
#[derive(Debug)]
pub struct Unsafe {
    pub path: PathBuf,
    pub kind: FileKind,
}

impl std::fmt::Display for Unsafe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.unsafe_path(self.path.display(), self.kind))
    }
}

impl std::error::Error for Unsafe {}

pub fn unsafe_error(path: &Path, kind: FileKind) -> io::Error {
    io::Error::other(Unsafe {
        path: path.to_path_buf(),
        kind,
    })
}

/// Bytes taller would not read back (over the read cap, `MAX_FILE_BYTES`):
/// refused before the disk is touched, so the file there stays as it was.
#[derive(Debug)]
pub struct TooLargeToRead {
    pub bytes: u64,
    pub max: u64,
}

impl std::fmt::Display for TooLargeToRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.too_large_to_write(self.bytes, self.max))
    }
}

impl std::error::Error for TooLargeToRead {}

/// Refuses `bytes` over `max`: what cannot be read back is never written.
pub fn within_read_cap(bytes: &[u8], max: u64) -> io::Result<()> {
    let len = bytes.len() as u64;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            TooLargeToRead { bytes: len, max },
        ));
    }
    Ok(())
}

/// An I/O error in the person's language where taller has its own words for it.
pub fn describe_io(error: &io::Error, lang: crate::i18n::Lang) -> String {
    let inner = error.get_ref();
    if let Some(found) = inner.and_then(|e| e.downcast_ref::<Unsafe>()) {
        return lang.unsafe_path(found.path.display(), found.kind);
    }
    if let Some(big) = inner.and_then(|e| e.downcast_ref::<TooLargeToRead>()) {
        return lang.too_large_to_write(big.bytes, big.max);
    }
    error.to_string()
}

pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Checks that an opened side file (lock, temp) is a regular file of ours:
/// what was opened is what was meant, whatever raced in before.
pub fn check_own_regular(file: &File, path: &Path) -> io::Result<fs::Metadata> {
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(unsafe_error(path, FileKind::of(meta.file_type())));
    }
    if meta.uid() != euid() {
        return Err(unsafe_error(path, FileKind::Other));
    }
    Ok(meta)
}

/// Creates `dir` and any missing parents private (0700), whatever the umask:
/// each folder made here is made 0700 and set so again after.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = dir;
    while fs::symlink_metadata(at).is_err() {
        missing.push(at);
        match at.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => at = parent,
            _ => break,
        }
    }
    for folder in missing.into_iter().rev() {
        match DirBuilder::new().mode(0o700).create(folder) {
            Ok(()) => fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?,
            // Made a moment ago by someone else: checked below like any other.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    if fs::metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(io::Error::from(io::ErrorKind::NotADirectory))
    }
}

/// A folder taller keeps beside the sessions (backups, trash): made private
/// if missing, and refused if it is a symbolic link, not a folder, or not ours.
pub fn private_side_dir(dir: &Path) -> io::Result<()> {
    if let Err(error) = DirBuilder::new().mode(0o700).create(dir)
        && error.kind() != io::ErrorKind::AlreadyExists
    {
        return Err(error);
    }
    let meta = fs::symlink_metadata(dir)?;
    if !meta.is_dir() {
        return Err(unsafe_error(dir, FileKind::of(meta.file_type())));
    }
    if meta.uid() != euid() {
        return Err(unsafe_error(dir, FileKind::Other));
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}

/// Whether an existing side folder may be read from: a real folder (a
/// missing one is fine: nothing to read).
pub fn readable_side_dir(dir: &Path) -> io::Result<bool> {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(true),
        Ok(meta) => Err(unsafe_error(dir, FileKind::of(meta.file_type()))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

/// Checks a path given with `--out` before anything is written there: a
/// missing path or a regular file (replaced whole, as a save replaces a
/// session) is fine; a symbolic link, FIFO, device or socket is refused, so
/// the rename never replaces what the person did not mean to lose.
pub fn check_output(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(unsafe_error(path, FileKind::of(meta.file_type()))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
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

/// Whether a process of this machine is running.
pub fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only asks whether the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// The process id in the name of an atomic write's temp file of `target`
/// (`.NAME.PID.tmp`, or `.NAME.PID.N.tmp` after a name collision).
pub fn temp_owner(target_name: &str, temp_name: &str) -> Option<u32> {
    let middle = temp_name
        .strip_prefix('.')?
        .strip_prefix(target_name)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?;
    let (pid, extra) = match middle.split_once('.') {
        Some((pid, n)) => (pid, Some(n)),
        None => (middle, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || extra.is_some_and(|n| !digits(n)) {
        return None;
    }
    pid.parse().ok()
}

/// Removes the temp files a killed save of `session` left (full copies of
/// it, named after the dead process): only regular files of the exact
/// pattern, never a symbolic link, never one of a live process.
/// Returns what was removed.
pub fn clean_stale_temps(session: &Path) -> Vec<PathBuf> {
    let Some(target) = session.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let folder = session
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let me = std::process::id();
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| temp_owner(target, n)) else {
            continue;
        };
        if pid == me || alive(pid) {
            continue;
        }
        let path = entry.path();
        let ours = fs::symlink_metadata(&path)
            .is_ok_and(|meta| meta.file_type().is_file() && meta.uid() == euid());
        if ours && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_exactly() {
        assert_eq!(temp_owner("k.json", ".k.json.123.tmp"), Some(123));
        assert_eq!(temp_owner("k.json", ".k.json.123.2.tmp"), Some(123));
        for other in [
            ".k.json.tmp",
            ".k.json..tmp",
            ".k.json.12a.tmp",
            ".k.json.1.x.tmp",
            "k.json.123.tmp",
            ".kk.json.123.tmp",
            ".k.json.123.tmp.bak",
        ] {
            assert_eq!(temp_owner("k.json", other), None, "{other}");
        }
    }

    #[test]
    fn this_process_is_alive_and_a_reaped_one_is_not() {
        assert!(alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!alive(pid));
        assert!(!alive(0));
    }

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

    #[test]
    fn side_folders_that_are_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o755)).unwrap();
        let link = dir.path().join(".taller-backups");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let error = private_side_dir(&link).unwrap_err();
        assert!(describe_io(&error, crate::i18n::Lang::Es).contains("enlace simbólico"));
        assert!(readable_side_dir(&link).is_err());
        let mode = fs::metadata(&elsewhere).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "the link's target is not chmod'ed");
        assert!(!readable_side_dir(&dir.path().join("none")).unwrap());
    }
}
