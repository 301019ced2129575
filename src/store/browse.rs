//! What the session browser does to files: rename, use as a template,
//! move to the trash. None of it touches a session another instance has
//! open, and none of it replaces a file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::lock::{self, LockError};
use super::safe::{describe_io, private_side_dir};
use super::{Store, backup, load, to_json, write_new};
use crate::i18n::Lang;
use crate::model::session::Session;

/// Why the browser could not do what was asked, in the person's words.
pub type Refusal = String;

impl Store {
    /// Renames a session (file and the name inside it); its backups follow.
    pub fn rename(&self, from: &Path, to_name: &str, lang: Lang) -> Result<PathBuf, Refusal> {
        let to = self.path_for(to_name).map_err(|e| e.describe(lang))?;
        let lock = hold(from, lang)?;
        let mut session =
            load(from).map_err(|e| lang.cannot_open(from.display(), e.describe(lang)))?;
        session.name = to_name.trim().to_string();
        write_new(&to, &to_json(&session))
            .map_err(|error| refuse_write(&to, to_name, error, lang))?;
        fs::remove_file(from).map_err(|error| lang.cannot_write(from.display(), error))?;
        let (old_backups, new_backups) = (backup::folder_for(from), backup::folder_for(&to));
        if old_backups.exists() && !new_backups.exists() {
            let _ = fs::rename(old_backups, new_backups);
        }
        // The old name's lock file has nothing left to guard.
        if let Some(lock) = lock {
            lock.remove();
        }
        Ok(to)
    }

    /// A new session from another's workshop (its agenda and minutes as
    /// edited there), with empty groups: the other is a template.
    pub fn use_as_template(&self, from: &Path, name: &str, lang: Lang) -> Result<PathBuf, Refusal> {
        let to = self.path_for(name).map_err(|e| e.describe(lang))?;
        let template =
            load(from).map_err(|e| lang.cannot_open(from.display(), e.describe(lang)))?;
        let session = Session::new(name.trim(), template.workshop, Timestamp::now());
        write_new(&to, &to_json(&session)).map_err(|error| refuse_write(&to, name, error, lang))?;
        Ok(to)
    }

    /// Moves a session to `.taller-trash/` in the folder, under a name that
    /// says when, so it can be put back by hand.
    pub fn trash(&self, path: &Path, lang: Lang) -> Result<PathBuf, Refusal> {
        let lock = hold(path, lang)?;
        let trash = self.trash_dir();
        // A real folder of ours: a planted link would carry the session elsewhere.
        private_side_dir(&trash)
            .map_err(|error| lang.cannot_write(trash.display(), describe_io(&error, lang)))?;
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
        let to = trash.join(format!("{stem}.{stamp}.json"));
        if to.exists() {
            return Err(
                lang.cannot_write(to.display(), io::Error::from(io::ErrorKind::AlreadyExists))
            );
        }
        fs::rename(path, &to).map_err(|error| lang.cannot_write(path.display(), error))?;
        // Its backups go with it: a new session of the same name must not
        // inherit them (nor `taller restore` offer them).
        let backups = backup::folder_for(path);
        if backups.exists() {
            let _ = fs::rename(&backups, trash.join(format!("{stem}.{stamp}.backups")));
        }
        if let Some(lock) = lock {
            lock.remove();
        }
        Ok(to)
    }

    pub fn trash_dir(&self) -> PathBuf {
        self.dir().join(".taller-trash")
    }
}

/// The session's lock for the time of the change, or who has it.
fn hold(path: &Path, lang: Lang) -> Result<Option<lock::SessionLock>, Refusal> {
    match lock::acquire(path) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::Unavailable) => Ok(None),
        Err(refused) => Err(refused.refusal(lang).unwrap_or_default()),
    }
}

fn refuse_write(to: &Path, name: &str, error: io::Error, lang: Lang) -> Refusal {
    if error.kind() == io::ErrorKind::AlreadyExists {
        lang.session_exists(name.trim())
    } else {
        lang.cannot_write(to.display(), error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;

    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().to_path_buf());
        for name in names {
            let mut s = Session::new(
                name,
                Workshop::default_for(Lang::Es).unwrap(),
                Timestamp::UNIX_EPOCH,
            );
            s.add_input(0, format!("insumo de {name}"), Timestamp::UNIX_EPOCH);
            s.workshop.breakout.minutes = 75;
            store.create(&s).unwrap();
        }
        (dir, store)
    }

    #[test]
    fn rename_moves_the_file_and_the_name_inside_and_never_replaces() {
        let (_dir, store) = store_with(&["lunes", "martes"]);
        let lunes = store.path_for("lunes").unwrap();
        assert!(
            store
                .rename(&lunes, "martes", Lang::Es)
                .unwrap_err()
                .contains("ya existe")
        );
        assert!(lunes.exists(), "a refused rename leaves the file");
        let to = store.rename(&lunes, "Sesión del lunes", Lang::Es).unwrap();
        assert!(!lunes.exists());
        let renamed = load(&to).unwrap();
        assert_eq!(renamed.name, "Sesión del lunes");
        assert_eq!(renamed.input_count(), 1);
    }

    #[test]
    fn a_template_keeps_the_workshop_not_the_inputs() {
        let (_dir, store) = store_with(&["modelo"]);
        let to = store
            .use_as_template(
                &store.path_for("modelo").unwrap(),
                "segunda edición",
                Lang::Es,
            )
            .unwrap();
        let copy = load(&to).unwrap();
        assert_eq!(copy.workshop.breakout.minutes, 75);
        assert_eq!(copy.input_count(), 0);
        assert_eq!(copy.name, "segunda edición");
    }

    #[test]
    fn trash_keeps_the_file_out_of_the_list() {
        let (_dir, store) = store_with(&["borrar"]);
        let path = store.path_for("borrar").unwrap();
        let kept = store.trash(&path, Lang::Es).unwrap();
        assert!(!path.exists());
        assert_eq!(load(&kept).unwrap().name, "borrar");
        assert!(store.list(Lang::Es).unwrap().is_empty());
    }

    #[test]
    fn a_session_open_elsewhere_is_not_renamed_or_trashed() {
        let (_dir, store) = store_with(&["abierta"]);
        let path = store.path_for("abierta").unwrap();
        let _held = lock::acquire(&path).unwrap();
        assert!(store.trash(&path, Lang::Es).is_err());
        assert!(store.rename(&path, "otra", Lang::Es).is_err());
        assert!(path.exists());
    }

    #[test]
    fn a_linked_trash_folder_is_refused() {
        let (dir, store) = store_with(&["borrar"]);
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, store.trash_dir()).unwrap();
        let path = store.path_for("borrar").unwrap();
        let refusal = store.trash(&path, Lang::Es).unwrap_err();
        assert!(refusal.contains("enlace simbólico"), "{refusal}");
        assert!(path.exists());
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }
}
