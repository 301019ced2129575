//! Opening and creating sessions for a viewer: the file is read (or
//! written) and locked, so one instance writes and any other only reads.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::app::{OpenedSession, SavedView, StartEntry};
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
            // A file that cannot be opened says where its good copies are.
            summary: l
                .session
                .map_err(|reason| with_backups_hint(reason, &l.path, lang)),
            name: l.name,
            path: l.path,
        })
        .collect())
}

/// Loads a session and takes its lock; if another instance has the lock,
/// the session opens read-only, saying who has it.
pub fn open(path: PathBuf, lang: Lang) -> Result<(OpenedSession, Option<SessionLock>), String> {
    // The lock first, then the file: read the other way round, a holder's
    // last save between the two would be lost under this copy. Only for a
    // file that is there: a wrong path must not leave a lock file behind.
    if !path.is_file() {
        return Err(load(&path, lang).err().unwrap_or_default());
    }
    let (lock, read_only) = lock_for(&path, lang)?;
    let loaded = match load(&path, lang) {
        Ok(loaded) => loaded,
        Err(message) => {
            // Our own lock only: a lock another instance holds is never touched.
            if let Some(lock) = lock {
                lock.remove();
            }
            return Err(message);
        }
    };
    if lock.is_some() {
        // The writer now: temp files of saves killed midway are its to clean.
        store::clean_stale_temps(&path);
    }
    Ok((
        OpenedSession {
            view: store::view::read(&path).and_then(|bytes| SavedView::from_json(&bytes)),
            note: loaded.note(lang),
            path,
            session: Box::new(loaded.session),
            read_only,
        },
        lock,
    ))
}

/// Reads a session, or says which file could not be opened and why, and
/// what good copies of it there are. What had to be mended to read it is
/// in `Loaded::note`, for the caller to say.
pub fn load(path: &std::path::Path, lang: Lang) -> Result<store::Loaded, String> {
    store::load_noting(path).map_err(|error| {
        // A damaged file is never overwritten; its good copies are offered.
        let message = lang.cannot_open(path.display(), error.describe(lang));
        with_backups_hint(message, path, lang)
    })
}

/// A new session of the default workshop, written at once so it is never only in memory.
pub fn create(
    store: &Store,
    name: &str,
    lang: Lang,
) -> Result<(OpenedSession, Option<SessionLock>), String> {
    create_for(store, name, None, lang)
}

/// Like `create`; with `group` (an axis id), a group laptop's session: it
/// shows that group only.
pub fn create_for(
    store: &Store,
    name: &str,
    group: Option<&str>,
    lang: Lang,
) -> Result<(OpenedSession, Option<SessionLock>), String> {
    let workshop = Workshop::default_for(lang).map_err(|error| error.to_string())?;
    create_with(store, name, group, workshop, lang)
}

/// Like `create_for`, of the workshop given (a definition the facilitator wrote).
pub fn create_with(
    store: &Store,
    name: &str,
    group: Option<&str>,
    workshop: Workshop,
    lang: Lang,
) -> Result<(OpenedSession, Option<SessionLock>), String> {
    let mut session = Session::new(name, workshop, Timestamp::now());
    session.only_group = group.map(str::to_string);
    match store.create(&session) {
        Ok(path) => locked(path, session, lang),
        Err(error @ CreateError::Exists(_)) => Err(error.describe(lang)),
        Err(error) => Err(lang.cannot_write(store.dir().display(), error.describe(lang))),
    }
}

fn locked(
    path: PathBuf,
    session: Session,
    lang: Lang,
) -> Result<(OpenedSession, Option<SessionLock>), String> {
    let (lock, read_only) = lock_for(&path, lang)?;
    let opened = OpenedSession {
        path,
        session: Box::new(session),
        read_only,
        view: None,
        note: None,
    };
    Ok((opened, lock))
}

/// `message`, then where its good copies are: one sentence after another,
/// whether or not the message ended its own with a period.
fn with_backups_hint(message: String, path: &std::path::Path, lang: Lang) -> String {
    let hint = backups_hint(path, lang);
    if hint.is_empty() {
        return message;
    }
    format!("{}{hint}", message.trim_end_matches('.'))
}

/// ". There are 3 backups: taller restore NAME lists them", or nothing.
fn backups_hint(path: &std::path::Path, lang: Lang) -> String {
    let kept = backup::list(path, lang).unwrap_or_default();
    // The newest copy that opens is the one to offer.
    let Some((n, good)) = kept
        .iter()
        .enumerate()
        .find(|(_, copy)| copy.session.is_ok())
    else {
        return String::new();
    };
    let name = path.file_stem().unwrap_or_default().to_string_lossy();
    let when = good.taken_at.map_or_else(String::new, |at| {
        at.to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    });
    lang.backups_hint(n + 1, &when, &name)
}

/// The session's lock, or who holds it, in words; refused when the lock's
/// path was planted (a link, a FIFO, another user's file).
type LockFor = (Option<SessionLock>, Option<String>);

fn lock_for(path: &std::path::Path, lang: Lang) -> Result<LockFor, String> {
    match lock::acquire(path) {
        Ok(lock) => Ok((Some(lock), None)),
        Err(LockError::Held(holder)) => Ok((None, Some(holder.describe(lang)))),
        // No lock can be made (a read-only medium): open anyway; a save
        // there fails and says why, with the text kept in memory.
        Err(LockError::Unavailable) => Ok((None, None)),
        Err(refused) => {
            Err(lang.cannot_open(path.display(), refused.refusal(lang).unwrap_or_default()))
        }
    }
}
