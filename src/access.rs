//! Opening and creating sessions for a viewer: the file is read (or
//! written) and locked, so one instance writes and any other only reads.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::app::{Opened, StartEntry};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::model::workshop::Workshop;
use crate::store::lock::{self, LockError, SessionLock};
use crate::store::{self, CreateError, Store, backup};

/// The sessions folder as the start screen lists it.
pub fn entries(store: &Store, lang: Lang) -> Result<Vec<StartEntry>, String> {
    let listings = store
        .list(lang)
        .map_err(|error| lang.cannot_open(store.dir().display(), error))?;
    Ok(listings
        .into_iter()
        .map(|l| StartEntry {
            name: l.name,
            path: l.path,
            summary: l.session,
        })
        .collect())
}

/// Loads a session and takes its lock; if another instance has the lock,
/// the session opens read-only, saying who has it.
pub fn open(path: PathBuf, lang: Lang) -> Result<(Opened, Option<SessionLock>), String> {
    let session = load(&path, lang)?;
    Ok(locked(path, session, lang))
}

/// Reads a session, or says which file could not be opened and why, and
/// what good copies of it there are.
pub fn load(path: &std::path::Path, lang: Lang) -> Result<Session, String> {
    store::load(path).map_err(|error| {
        let mut message = lang.cannot_open(path.display(), error.describe(lang));
        // A damaged file is never overwritten; its good copies are offered.
        let kept = backup::list(path, lang).map(|b| b.len()).unwrap_or(0);
        if kept > 0 {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            message.push_str(&lang.backups_hint(kept, &name));
        }
        message
    })
}

/// A new session of the default workshop, written at once so it is never only in memory.
pub fn create(
    store: &Store,
    name: &str,
    lang: Lang,
) -> Result<(Opened, Option<SessionLock>), String> {
    let workshop = Workshop::default_for(lang).map_err(|error| error.to_string())?;
    let session = Session::new(name, workshop, Timestamp::now());
    match store.create(&session) {
        Ok(path) => Ok(locked(path, session, lang)),
        Err(error @ CreateError::Exists(_)) => Err(error.describe(lang)),
        Err(error) => Err(lang.cannot_write(store.dir().display(), error.describe(lang))),
    }
}

fn locked(path: PathBuf, session: Session, lang: Lang) -> (Opened, Option<SessionLock>) {
    let (lock, read_only) = match lock::acquire(&path) {
        Ok(lock) => (Some(lock), None),
        Err(LockError::Held(holder)) => (None, Some(lang.holder(holder.pid, holder.host))),
        // No lock can be made (a read-only medium): open anyway; a save
        // there fails and says why, with the text kept in memory.
        Err(LockError::Unavailable) => (None, None),
    };
    let opened = Opened {
        path,
        session: Box::new(session),
        read_only,
    };
    (opened, lock)
}
