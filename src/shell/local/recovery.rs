//! Where an open session goes when it cannot go to its own file: a new
//! recovery file, `NAME.recuperado-TIME.json`, in the first folder that
//! takes it. Used when taller must leave while saves fail (a signal, or
//! "quit anyway") and after a panic, so leaving never loses what is in memory.

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::i18n::Lang;
use crate::model::session::Session;
use crate::store;

/// Writes `session` (the one whose file is `path`) to a new private file,
/// never over anything, trying in turn: beside its file, the sessions
/// folder, the temporary folder, the home folder. Returns where it went, or
/// the last reason it could go nowhere.
pub fn write(
    session: &Session,
    path: &Path,
    sessions_dir: &Path,
    lang: Lang,
) -> io::Result<PathBuf> {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    let beside = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut folders: Vec<PathBuf> = Vec::new();
    for folder in [
        Some(beside.to_path_buf()),
        Some(sessions_dir.to_path_buf()),
        Some(std::env::temp_dir()),
        home,
    ]
    .into_iter()
    .flatten()
    {
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let bytes = store::to_json(session);
    let mut last = io::Error::other("no folder to write to");
    for folder in folders {
        // Two rescues within one second must not refuse each other.
        for n in 1..=9 {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let name = format!("{stem}.{}-{stamp}{suffix}.json", lang.t().recovered);
            let copy = folder.join(name);
            match store::write_new(&copy, &bytes) {
                Ok(()) => return Ok(copy),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = error,
                Err(error) => {
                    last = error;
                    break;
                }
            }
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn goes_to_the_next_folder_when_one_cannot_take_it_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(
            "rescate",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        // Its own folder does not exist (gone, or unreachable): the sessions folder takes it.
        let path = dir.path().join("no-existe").join("rescate.json");
        let first = write(&session, &path, dir.path(), Lang::Es).unwrap();
        assert_eq!(first.parent(), Some(dir.path()));
        assert!(first.to_string_lossy().contains("rescate.recuperado-"));
        let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let second = write(&session, &path, dir.path(), Lang::Es).unwrap();
        assert_ne!(first, second, "a second rescue does not replace the first");
        assert_eq!(store::load(&first).unwrap(), session);
    }
}
