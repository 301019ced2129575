//! `taller restore NAME`: the kept generations, numbered, newest first;
//! `taller restore NAME N`: puts generation N back (keeping the current file
//! as a generation, so the restore can itself be undone).

use jiff::Timestamp;

use crate::store::{self, backup};

use super::{Out, Setup};

/// `generation`: which to put back (1 is the newest); `None` lists them.
pub fn run(
    setup: &Setup,
    out: &mut Out,
    target: &str,
    generation: Option<usize>,
) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(target)?;
    let path = path.as_path();
    if generation.is_some() {
        setup.guard_file(path)?;
    }
    // What cannot be opened is the backups folder, not the session.
    let kept = backup::list(path, lang).map_err(|error| {
        let folder = backup::folder_for(path);
        lang.cannot_open(folder.display(), store::describe_io(&error, lang))
    })?;
    let Some(n) = generation else {
        if kept.is_empty() {
            out.say(lang.no_backups(path.display()));
        }
        for (i, copy) in kept.iter().enumerate() {
            let when = copy.taken_at.map_or(String::from("?"), |at| {
                at.to_zoned(setup.tz.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            });
            let what = match &copy.session {
                Ok(summary) => lang.inputs(summary.inputs),
                Err(reason) => format!("{}: {reason}", lang.t().damaged),
            };
            out.say(format_args!("{:>3}  {when}  {what}", i + 1));
        }
        return Ok(());
    };
    let copy = n
        .checked_sub(1)
        .and_then(|i| kept.get(i))
        .ok_or_else(|| lang.no_such_backup(n, kept.len()))?;
    // Never behind the back of an instance that has the session open.
    let _lock = match store::lock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(refused) => match refused.refusal(lang) {
            Some(message) => return Err(message),
            None => None,
        },
    };
    backup::restore(path, &copy.path, Timestamp::now()).map_err(|error| match error {
        // The copy is what is wrong: it is named, and the session is untouched.
        backup::RestoreError::Damaged(reason) => {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            lang.backup_damaged(n, copy.path.display(), reason.describe(lang), &name)
        }
        backup::RestoreError::Write(error) => {
            lang.cannot_write(path.display(), store::describe_io(&error, lang))
        }
    })?;
    out.say(lang.restored_from(n, path.display()));
    Ok(())
}
