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
fn screen(setup: &Setup, out: &mut Out) -> Result<Start, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{Heard, setup};

    #[test]
    fn the_workshops_beside_the_sessions_are_offered_and_a_bad_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sesiones");
        let workshops = dir.path().join("workshops");
        std::fs::create_dir_all(&sessions).unwrap();
        std::fs::create_dir_all(&workshops).unwrap();
        let border = Workshop::builtin_text("border", crate::i18n::Lang::En).unwrap();
        std::fs::write(workshops.join("border.toml"), border).unwrap();
        std::fs::write(workshops.join("roto.toml"), "title = ").unwrap();
        let setup = setup(&sessions);
        let mut heard = Heard::default();

        let start = screen(&setup, &mut heard.out()).unwrap();
        // The built-in one first, then the one that reads; not the bad one.
        assert_eq!(start.workshops.len(), 2);
        let expected = definitions::load("builtin:border", crate::i18n::Lang::En).unwrap();
        assert_eq!(start.workshops[1].id, expected.id);
        assert!(
            heard.complained().contains("roto.toml"),
            "{}",
            heard.complained()
        );
        assert!(start.entries.is_empty());
    }
}
