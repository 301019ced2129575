//! Writes that leave a file either wholly old or wholly new, never torn,
//! and private to its owner whatever the umask.
//!
//! Each step goes through a `Faults` hook, so tests can make any step fail
//! (once, or every time) and check what is left on disk.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The steps of a write, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateTemp,
    WriteTemp,
    SyncTemp,
    Replace,
    SyncFolder,
}

#[cfg(test)]
impl Step {
    pub const ALL: [Step; 5] = [
        Step::CreateTemp,
        Step::WriteTemp,
        Step::SyncTemp,
        Step::Replace,
        Step::SyncFolder,
    ];
}

/// Asked before each step; an error makes that step fail as the disk would.
pub trait Faults {
    fn before(&self, step: Step) -> io::Result<()>;
}

/// Debug builds only: with `TALLER_TEST_FAIL_SAVES=DIR`, every write into
/// DIR (or a folder inside it) fails as a full disk would, so the binary's
/// tests can see what a person sees when saves fail: the tests run as root,
/// whom a read-only folder does not stop. Release builds ignore it.
struct FailSavesFromEnv<'a>(&'a Path);

impl Faults for FailSavesFromEnv<'_> {
    fn before(&self, step: Step) -> io::Result<()> {
        if cfg!(debug_assertions)
            && step == Step::CreateTemp
            && std::env::var_os("TALLER_TEST_FAIL_SAVES").is_some_and(|dir| self.0.starts_with(dir))
        {
            // ENOSPC (28 on Linux and macOS): "No space left on device".
            return Err(io::Error::from_raw_os_error(28));
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` so that the file is always either the complete
/// old version or the complete new one, and readable only by its owner:
/// a private temp file in the same folder, fsync, rename over, fsync folder.
///
/// Nothing over the read cap (`MAX_FILE_BYTES`) is written: taller would
/// refuse to open it, so the old file is kept and the write fails, saying so.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    super::safe::within_read_cap(bytes, super::MAX_FILE_BYTES)?;
    write_atomic_with(path, bytes, &FailSavesFromEnv(path))
}

pub fn write_atomic_with(path: &Path, bytes: &[u8], faults: &dyn Faults) -> io::Result<()> {
    let (temp, file) = create_temp(path, faults)?;
    let result = (|| {
        write_private(file, bytes, faults)?;
        faults.before(Step::Replace)?;
        fs::rename(&temp, path)?;
        faults.before(Step::SyncFolder)?;
        File::open(folder(path))?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Like `write_atomic`, but fails with `AlreadyExists` instead of replacing
/// a file: the complete file is linked into place, which the system refuses
/// if the name is taken, even by a file created a moment ago.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    super::safe::within_read_cap(bytes, super::MAX_FILE_BYTES)?;
    let (temp, file) = create_temp(path, &FailSavesFromEnv(path))?;
    let result = (|| {
        write_private(file, bytes, &FailSavesFromEnv(path))?;
        fs::hard_link(&temp, path)?;
        File::open(folder(path))?.sync_all()
    })();
    let _ = fs::remove_file(&temp);
    result
}

fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// How many names are tried before a write gives up on a folder where
/// every temp name is taken.
const TEMP_NAMES: usize = 16;

/// `.NAME.PID.tmp` beside the target (same folder, so the rename is
/// atomic), then `.NAME.PID.1.tmp`, … if that name is taken.
fn temp_path(path: &Path, attempt: usize) -> io::Result<PathBuf> {
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".{}", std::process::id()));
    if attempt > 0 {
        temp_name.push(format!(".{attempt}"));
    }
    temp_name.push(".tmp");
    Ok(path.with_file_name(temp_name))
}

/// Creates the temp file new: never an existing file, never through a
/// symbolic link (`O_EXCL|O_NOFOLLOW`). A name already taken, whatever took
/// it, is left alone and the next name is tried.
fn create_temp(path: &Path, faults: &dyn Faults) -> io::Result<(PathBuf, File)> {
    faults.before(Step::CreateTemp)?;
    for attempt in 0..TEMP_NAMES {
        let temp = temp_path(path, attempt)?;
        let opened = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&temp);
        match opened {
            Ok(file) => {
                if let Err(error) = super::safe::check_own_regular(&file, &temp) {
                    let _ = fs::remove_file(&temp);
                    return Err(error);
                }
                return Ok((temp, file));
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("every temp name beside {} is taken", path.display()),
    ))
}

/// Writes the bytes to the new private file and flushes them to the disk.
fn write_private(mut file: File, bytes: &[u8], faults: &dyn Faults) -> io::Result<()> {
    // The mode it was created with is filtered by the umask; a session stays
    // private whatever it is (fchmod: the file opened, not whatever the name is now).
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    if let Err(error) = faults.before(Step::WriteTemp) {
        // A full disk takes part of the data before it refuses the rest.
        file.write_all(&bytes[..bytes.len() / 2])?;
        return Err(error);
    }
    file.write_all(bytes)?;
    faults.before(Step::SyncTemp)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Fails one step: once, or every time it is reached.
    struct FailAt {
        step: Step,
        forever: bool,
        done: Cell<bool>,
    }

    impl Faults for FailAt {
        fn before(&self, step: Step) -> io::Result<()> {
            if step == self.step && (self.forever || !self.done.replace(true)) {
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    format!("injected at {step:?}"),
                ));
            }
            Ok(())
        }
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_complete_old_or_new_file() {
        let old = b"{\"version\": \"old\", \"texto\": \"acci\xc3\xb3n\"}".to_vec();
        let new = b"{\"version\": \"new\", \"texto\": \"informaci\xc3\xb3n compartida\"}".to_vec();
        for step in Step::ALL {
            for forever in [false, true] {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("sesion.json");
                write_atomic(&path, &old).unwrap();
                let faults = FailAt {
                    step,
                    forever,
                    done: Cell::new(false),
                };
                let first = write_atomic_with(&path, &new, &faults);
                let on_disk = fs::read(&path).unwrap();
                assert!(
                    on_disk == old || on_disk == new,
                    "{step:?}: torn file {on_disk:?}"
                );
                if step != Step::SyncFolder {
                    assert!(first.is_err(), "{step:?} must report its failure");
                    assert_eq!(
                        on_disk, old,
                        "{step:?}: failed before the rename, the old file stays"
                    );
                }
                // The retry succeeds unless the fault is permanent.
                let retry = write_atomic_with(&path, &new, &faults);
                assert_eq!(retry.is_ok(), !forever, "{step:?} forever={forever}");
                let on_disk = fs::read(&path).unwrap();
                assert!(on_disk == old || on_disk == new);
                let leftovers: Vec<_> = fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().file_name())
                    .collect();
                assert_eq!(
                    leftovers.len(),
                    1,
                    "{step:?}: no temp file left behind: {leftovers:?}"
                );
            }
        }
    }

    #[test]
    fn a_planted_temp_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "keep me").unwrap();
        fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
        // The first name a link, the second a file someone left: both kept.
        std::os::unix::fs::symlink(&victim, temp_path(&path, 0).unwrap()).unwrap();
        fs::write(temp_path(&path, 1).unwrap(), "someone else's").unwrap();
        write_atomic(&path, b"session").unwrap();
        write_new(&dir.path().join("new.json"), b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"session");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        let mode = fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "the link's target is not chmod'ed");
        assert_eq!(
            fs::read_to_string(temp_path(&path, 1).unwrap()).unwrap(),
            "someone else's"
        );
        assert!(
            fs::symlink_metadata(temp_path(&path, 0).unwrap())
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // Every name taken: a clean failure, nothing written.
        for attempt in 2..TEMP_NAMES {
            std::os::unix::fs::symlink(&victim, temp_path(&path, attempt).unwrap()).unwrap();
        }
        let error = write_atomic(&path, b"other").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"session");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    }
}
