//! `taller open NAME|PATH`: a saved session on this terminal.

use crate::app::Model;
use crate::shell::{access, local};

use super::{Out, Setup, said};

pub fn run(setup: &Setup, out: &mut Out, target: &str) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(target)?;
    setup.guard_file(&path)?;
    let (opened, lock) = access::open(path, lang)?;
    if let Err(message) = local::ensure_terminal(lang) {
        // Opened for nobody: the lock file taken for it goes too.
        if let Some(lock) = lock {
            lock.remove();
        }
        return Err(message);
    }
    let model = Model::with_session(setup.context(), opened);
    let ending = local::run(model, setup.store.clone(), lock).map_err(|r| r.to_string())?;
    said(ending, lang, out)
}
