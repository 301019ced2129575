//! Generations of a session kept beside it, in `.taller-backups/NAME/`, so a
//! wrong delete can still be undone after quitting, and a damaged file has a
//! good copy to come back to.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};

use super::safe::{FileKind, private_side_dir, readable_side_dir, unsafe_error};
use super::{LoadError, Summary, load, read_file, write_atomic};
use crate::i18n::Lang;

/// How many generations are kept per session.
pub const KEEP: usize = 10;
/// A new generation at most this often while a session is being written.
pub const EVERY: SignedDuration = SignedDuration::from_mins(5);

/// One kept generation.
pub struct Backup {
    pub path: PathBuf,
    pub taken_at: Option<Timestamp>,
    pub session: Result<Summary, String>,
}

/// The folder that holds a session's generations.
pub fn folder_for(session: &Path) -> PathBuf {
    let stem = session.file_stem().unwrap_or_default();
    session.with_file_name(".taller-backups").join(stem)
}

/// Copies the session file as it is now into a new generation (if the file
/// exists), then forgets the oldest beyond `KEEP`. Returns the copy's path.
pub fn take(session: &Path, now: Timestamp) -> io::Result<Option<PathBuf>> {
    let bytes = match read_file(session) {
        Ok(bytes) => bytes,
        Err(LoadError::NotFound) => return Ok(None),
        Err(LoadError::Io(error)) => return Err(error),
        // A FIFO or a device where the session should be: said as such.
        Err(LoadError::IsDirectory) => return Err(unsafe_error(session, FileKind::Folder)),
        Err(LoadError::NotRegular(kind)) => return Err(unsafe_error(session, kind)),
        Err(error) => {
            let reason = error.describe(Lang::En);
            return Err(io::Error::new(io::ErrorKind::InvalidData, reason));
        }
    };
    let folder = folder_for(session);
    // Both folders real and ours: a planted link would take the copies elsewhere.
    for dir in [folder.parent().unwrap_or(&folder), folder.as_path()] {
        private_side_dir(dir)?;
    }
    // Sortable, and valid in a file name on every system.
    let stamp = now.strftime("%Y%m%dT%H%M%S%.3fZ").to_string();
    let stem = session.file_stem().unwrap_or_default().to_string_lossy();
    let copy = folder.join(format!("{stem}.{stamp}.json"));
    write_atomic(&copy, &bytes)?;
    prune(&folder)?;
    Ok(Some(copy))
}

fn prune(folder: &Path) -> io::Result<()> {
    let mut copies = generation_files(folder)?;
    copies.sort();
    let excess = copies.len().saturating_sub(KEEP);
    for old in copies.into_iter().take(excess) {
        fs::remove_file(old)?;
    }
    Ok(())
}

fn generation_files(folder: &Path) -> io::Result<Vec<PathBuf>> {
    // Copies are only ever read from real folders, never through a link.
    for dir in [folder.parent().unwrap_or(folder), folder] {
        if !readable_side_dir(dir)? {
            return Ok(Vec::new());
        }
    }
    match fs::read_dir(folder) {
        Ok(entries) => Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(error) => Err(error),
    }
}

/// The generations of a session, newest first, each with what it holds.
pub fn list(session: &Path, lang: Lang) -> io::Result<Vec<Backup>> {
    let mut copies = generation_files(&folder_for(session))?;
    copies.sort();
    copies.reverse();
    Ok(copies
        .into_iter()
        .map(|path| Backup {
            taken_at: taken_at(&path),
            session: load(&path)
                .map(|s| Summary::of(&s))
                .map_err(|e| e.describe(lang)),
            path,
        })
        .collect())
}

fn taken_at(copy: &Path) -> Option<Timestamp> {
    let name = copy.file_stem()?.to_string_lossy().into_owned();
    // "NAME.20261128T153000.123Z": the last two dot-separated parts.
    let mut parts = name.rsplit('.');
    let (fraction, seconds) = (parts.next()?, parts.next()?);
    let text = format!("{seconds}.{fraction}");
    let utc = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S%.fZ", &text)
        .ok()?
        .to_datetime()
        .ok()?;
    utc.to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|zoned| zoned.timestamp())
}

/// Why a generation was not put back.
#[derive(Debug)]
pub enum RestoreError {
    /// The copy itself cannot be read as a session: nothing was changed.
    Damaged(LoadError),
    /// Writing the session (or keeping it as a generation first) failed.
    Write(io::Error),
}

/// Puts a generation back as the session. The current file is kept as a
/// generation first, so a restore can itself be undone.
pub fn restore(session: &Path, copy: &Path, now: Timestamp) -> Result<(), RestoreError> {
    let bytes = read_file(copy).map_err(RestoreError::Damaged)?;
    super::parse(&bytes).map_err(RestoreError::Damaged)?;
    take(session, now).map_err(RestoreError::Write)?;
    write_atomic(session, &bytes).map_err(RestoreError::Write)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;
    use std::os::unix::fs::PermissionsExt;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + second).unwrap()
    }

    fn write_session(path: &Path, inputs: usize) {
        let mut s = Session::new("copias", Workshop::default_for(Lang::Es).unwrap(), at(0));
        for n in 0..inputs {
            s.add_input(0, format!("insumo {n}"), at(0));
        }
        write_atomic(path, &super::super::to_json(&s)).unwrap();
    }

    #[test]
    fn keeps_the_last_ten_generations_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copias.json");
        for n in 0..13 {
            write_session(&path, n);
            take(&path, at(n as i64 * 300)).unwrap();
        }
        let kept = list(&path, Lang::Es).unwrap();
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept[0].session.as_ref().unwrap().inputs, 12);
        assert_eq!(kept[0].taken_at, Some(at(12 * 300)));
        assert_eq!(kept[9].session.as_ref().unwrap().inputs, 3);
        let mode = fs::metadata(folder_for(&path))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn restoring_keeps_the_current_file_as_a_generation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copias.json");
        write_session(&path, 5);
        let five = take(&path, at(0)).unwrap().unwrap();
        write_session(&path, 1);
        restore(&path, &five, at(60)).unwrap();
        assert_eq!(load(&path).unwrap().input_count(), 5);
        let kept = list(&path, Lang::Es).unwrap();
        assert_eq!(
            kept[0].session.as_ref().unwrap().inputs,
            1,
            "the replaced file is kept"
        );
    }

    #[test]
    fn a_missing_session_has_nothing_to_copy() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            take(&dir.path().join("nada.json"), at(0))
                .unwrap()
                .is_none()
        );
        assert!(
            list(&dir.path().join("nada.json"), Lang::Es)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_linked_backups_folder_is_neither_written_nor_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copias.json");
        write_session(&path, 1);
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(".taller-backups")).unwrap();
        assert!(take(&path, at(0)).is_err());
        assert!(list(&path, Lang::Es).is_err());
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
        let mode = fs::metadata(&elsewhere).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
    }

    #[test]
    fn a_damaged_copy_is_not_restored_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copias.json");
        write_session(&path, 2);
        let copy = take(&path, at(0)).unwrap().unwrap();
        fs::write(&copy, "{ roto").unwrap();
        let before = fs::read(&path).unwrap();
        assert!(matches!(
            restore(&path, &copy, at(60)),
            Err(RestoreError::Damaged(_))
        ));
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_fifo_where_the_session_should_be_is_named_not_copied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tubo.json");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        let error = take(&path, at(0)).unwrap_err();
        let said = super::super::describe_io(&error, Lang::Es);
        assert!(
            said.contains("tubo.json") && said.contains("FIFO"),
            "{said}"
        );
        assert!(!folder_for(&path).exists());
    }
}
