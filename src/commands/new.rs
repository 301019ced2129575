//! `taller new`: a new session of a workshop, for the plenary or for one
//! group's laptop, opened on this terminal.

use crate::app::{Model, OpenedSession};
use crate::model::workshop::Workshop;
use crate::shell::{access, local};
use crate::store::{self, lock::SessionLock};

use super::{Out, Setup, definitions, said};

/// `name`: the session's (default: taller-DATE, or taller-DATE-grupoN);
/// `group`: a group laptop's axis, by number or id; `workshop`: a
/// definition file or `builtin:NAME` (default: the built-in one).
pub fn run(
    setup: &Setup,
    out: &mut Out,
    name: Option<&str>,
    group: Option<&str>,
    workshop: Option<&str>,
) -> Result<(), String> {
    let (opened, lock) = create(setup, out, name, group, workshop)?;
    let model = Model::with_session(setup.context(), opened);
    let ending = local::run(model, setup.store.clone(), lock).map_err(|r| r.to_string())?;
    said(ending, setup.lang, out)
}

/// The session written and locked, once this terminal is known to be one:
/// nothing is left behind for a screen that cannot start.
fn create(
    setup: &Setup,
    out: &mut Out,
    name: Option<&str>,
    group: Option<&str>,
    workshop: Option<&str>,
) -> Result<(OpenedSession, Option<SessionLock>), String> {
    let (store, lang) = (&setup.store, setup.lang);
    setup.guard_folder(store.dir())?;
    let workshop = match workshop {
        Some(spec) => definitions::load(spec, lang)?,
        None => Workshop::default_for(lang).map_err(|e| e.to_string())?,
    };
    // A group laptop: the axis named by its number or id.
    let axis = match group {
        Some(named) => {
            let axis = workshop
                .find_axis(named)
                .ok_or_else(|| lang.unknown_group(named, &workshop.axes_named()))?;
            Some((axis.id.clone(), axis.number))
        }
        None => None,
    };
    let name = match name {
        Some(name) => store::validate_name(name).map_err(|e| e.describe(lang))?,
        None => {
            let base = crate::default_session_name(&setup.tz);
            let base = match &axis {
                Some((_, number)) => format!("{base}-{}", lang.group_file_suffix(*number)),
                None => base,
            };
            store.free_name(&base)
        }
    };
    if store.path_for(&name).is_ok_and(|path| path.exists()) {
        return Err(lang.session_exists(&name));
    }
    // Checked before the file is written, so no half-started session stays behind.
    local::ensure_terminal(lang)?;
    let group = axis.as_ref().map(|(id, _)| id.as_str());
    let (opened, lock) = access::create_with(store, &name, group, workshop, lang)?;
    out.say(lang.created(opened.path.display()));
    Ok((opened, lock))
}
