//! `taller serve [NAME]`: the session opened (or created) and held by this
//! process, served over SSH; the facilitator's screen here unless headless.

use jiff::Timestamp;

use crate::app::Model;
use crate::session::{Host, Recorder, Role};
use crate::shell::serve::{self, Options};
use crate::shell::{access, local};
use crate::store;

use super::{Out, Setup, definitions, said};

/// `target`: the session (created if new; default: today's name);
/// `headless`: no screen here, the join lines printed, until SIGTERM;
/// `workshop`: for a new session, a definition file or `builtin:NAME`.
pub fn run(
    setup: &Setup,
    out: &mut Out,
    target: Option<&str>,
    options: &Options,
    headless: bool,
    workshop: Option<&str>,
) -> Result<(), String> {
    let (store, lang, tz) = (&setup.store, setup.lang, &setup.tz);
    setup.guard_folder(store.dir())?;
    if !headless {
        local::ensure_terminal(lang)?;
    }
    // Read before anything is created: a wrong definition leaves no session.
    let workshop = match workshop {
        Some(spec) => Some(definitions::load(spec, lang)?),
        None => None,
    };
    let existing = match target {
        Some(target) => setup.resolve(target).ok().filter(|p| p.exists()),
        None => None,
    };
    let (opened, lock) = match existing {
        Some(path) => {
            if workshop.is_some() {
                let name = path.file_stem().unwrap_or_default().to_string_lossy();
                return Err(lang.workshop_for_new_only(name));
            }
            setup.guard_file(&path)?;
            access::open(path, lang)?
        }
        None => {
            let name = match target {
                Some(name) => store::validate_name(name).map_err(|e| e.describe(lang))?,
                None => store.free_name(&crate::default_session_name(tz)),
            };
            let (opened, lock) = match workshop {
                Some(workshop) => access::create_with(store, &name, None, workshop, lang)?,
                None => access::create(store, &name, lang)?,
            };
            out.say(lang.created(opened.path.display()));
            (opened, lock)
        }
    };
    if let Some(holder) = &opened.read_only {
        return Err(lang.serving_held(holder));
    }
    let path = opened.path.clone();
    // The writer is set by whoever runs the loop (the screen, or headless).
    let host = Host::new(
        path.clone(),
        *opened.session,
        None,
        Box::new(Recorder::default()),
        Timestamp::now(),
    )
    .shared();
    let ready = serve::prepare(&host, &path, options, lang, tz.clone())?;
    if headless {
        let lines = serve::join_lines(&ready.join, lang);
        let result = serve::headless(host, ready, || {
            for line in lines {
                out.say(line);
            }
        });
        drop(lock);
        return result.map_err(|e| lang.cannot_listen(&options.listen.to_string(), &e.to_string()));
    }
    let mut model = Model::joined(setup.context(), host, Role::Facilitator);
    if let Some(view) = &opened.view {
        model.restore_view(view);
    }
    model.set_web_address(ready.join.web.clone());
    model.join = Some(ready.join.clone());
    let ending = local::run_beside(model, store.clone(), lock, serve::beside(ready))
        .map_err(|report| report.to_string())?;
    said(ending, lang, out)
}
