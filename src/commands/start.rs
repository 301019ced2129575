//! `taller` alone: the start screen, to choose a session or begin one.

use crate::app::{Model, Prompt, Start};
use crate::model::workshop::Workshop;
use crate::shell::{access, local};

use super::{Out, Setup, definitions, said};

/// The start screen in this terminal, until the person leaves.
pub fn run(setup: &Setup, out: &mut Out) -> Result<(), String> {
    setup.guard_folder(setup.store.dir())?;
    local::ensure_terminal(setup.lang)?;
    let start = screen(setup, out)?;
    let model = Model::start(setup.context(), start);
    let ending = local::run(model, setup.store.clone(), None).map_err(|r| r.to_string())?;
    said(ending, setup.lang, out)
}

/// What the start screen offers: the sessions of the folder, and the
/// workshops to begin one of.
pub fn screen(setup: &Setup, out: &mut Out) -> Result<Start, String> {
    let (store, lang) = (&setup.store, setup.lang);
    let workshop = Workshop::default_for(lang).map_err(|error| error.to_string())?;
    // Definitions kept beside the sessions (`workshops/`): offered to choose
    // from; one that does not read is said on the standard error, not offered.
    let mut workshops = Vec::new();
    if let Some(dir) = store.workshops_dir() {
        for (file, found) in definitions::in_folder(&dir, lang) {
            match found {
                Ok(found) => workshops.push(found),
                Err(reason) => out.complain(format_args!("{file}: {reason}")),
            }
        }
    }
    if !workshops.is_empty() {
        workshops.insert(0, workshop.clone());
    }
    Ok(Start {
        workshops,
        workshop: 0,
        sessions_dir: store.dir().display().to_string(),
        default_title: workshop.title,
        suggested_name: store.free_name(&crate::default_session_name(&setup.tz)),
        entries: access::entries(store, lang)?,
        selected: 0,
        naming: None,
        prompt: Prompt::New,
    })
}
