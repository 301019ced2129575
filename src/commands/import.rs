//! `taller import MASTER PATH...`: the files' inputs, deletions, rosters,
//! the plenary's say and clocks into the master (one merge rule, see
//! `model::merge`); a folder brings every session file in it (a USB stick).
//! The master is locked, backed up, written atomically; a bad or foreign
//! file named on the line stops everything, naming it; in a folder, files
//! that are not sessions of this workshop are skipped, saying so.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::export::consolidate::MergeError;
use crate::shell::access;
use crate::store;

use super::{Out, Setup, noted, same_file, session_files};

/// `master`: the session brought into (a name or a path); `paths`: session
/// files and folders. Says one line per file brought in.
pub fn run(setup: &Setup, out: &mut Out, master: &str, paths: &[PathBuf]) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(master)?;
    setup.guard_file(&path)?;
    let (opened, lock) = access::open(path.clone(), lang)?;
    if let Some(holder) = opened.read_only {
        return Err(lang.in_use(holder));
    }
    if let Some(note) = &opened.note {
        out.complain(format_args!("{}: {note}", path.display()));
    }
    let mut session = *opened.session;
    let now = Timestamp::now();
    let mut changed = false;
    let mut lines = Vec::new();
    for (file, in_folder) in session_files(paths, lang)? {
        // The master itself on the stick: nothing to bring.
        if same_file(&file, &path) {
            continue;
        }
        let other = match access::load(&file, lang) {
            Ok(loaded) => noted(loaded, &file, lang, out),
            Err(message) if in_folder => {
                out.complain(lang.skipped(message));
                continue;
            }
            Err(message) => return Err(message),
        };
        if other.workshop.id != session.workshop.id {
            let error = MergeError::OtherWorkshop {
                file: file.display().to_string(),
                workshop: other.workshop.id.clone(),
                expected: session.workshop.id.clone(),
            };
            if in_folder {
                out.complain(lang.skipped(error.describe(lang)));
                continue;
            }
            return Err(error.describe(lang));
        }
        let label = file.display().to_string();
        let report = session.import(&other, &label, now);
        changed |= report.changed();
        lines.push(lang.imported_from(&label, &report.describe(&session, lang)));
    }
    if changed {
        // The merge keeps every word, so a backup that cannot be made does
        // not stop it; it is said, as the interface says it after a save.
        if let Err(error) = store::backup::take(&path, now) {
            let folder = store::backup::folder_for(&path);
            out.complain(lang.backup_failed(folder.display(), store::describe_io(&error, lang)));
        }
        store::write_atomic(&path, &store::to_json(&session))
            .map_err(|error| lang.cannot_write(path.display(), store::describe_io(&error, lang)))?;
    }
    drop(lock);
    for line in lines {
        out.say(line);
    }
    Ok(())
}
