//! `taller list`: one line per session, newest first, damaged files included.

use crate::text::escape_name;

use super::{Out, Setup};

pub fn run(setup: &Setup, out: &mut Out) -> Result<(), String> {
    let (store, lang) = (&setup.store, setup.lang);
    let t = lang.t();
    if let Some((at, mode)) = crate::store::shared_dir(store.dir()) {
        out.complain(lang.shared_dir_warning(at.display(), mode));
    }
    let listings = store
        .list(lang)
        .map_err(|error| lang.cannot_open(store.dir().display(), error))?;
    if listings.is_empty() {
        out.say(lang.no_sessions_in(store.dir().display()));
        return Ok(());
    }
    // One line per session, whatever a name or title holds.
    let one_line = |text: &str| text.replace(['\n', '\t'], " ");
    let name_width = listings
        .iter()
        .map(|l| escape_name(&one_line(&l.name)).chars().count())
        .max()
        .unwrap_or(0)
        .max(t.col_name.chars().count());
    // Columns as wide as their heading in this language ("CONTRIBUIÇÕES").
    let when_width = t.col_last_change.chars().count().max(16);
    let inputs_width = t.col_inputs.chars().count().max(7);
    out.say(format_args!(
        "{:name_width$}  {:when_width$}  {:>inputs_width$}  {}",
        t.col_name, t.col_last_change, t.col_inputs, t.col_workshop
    ));
    for listing in listings {
        let name = escape_name(&one_line(&listing.name)).into_owned();
        match listing.session {
            Ok(summary) => {
                let when = summary
                    .updated_at
                    .to_zoned(setup.tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string();
                out.say(format_args!(
                    "{:name_width$}  {when:when_width$}  {:>inputs_width$}  {}",
                    name,
                    summary.inputs,
                    one_line(&summary.workshop)
                ));
            }
            Err(reason) => out.say(format_args!(
                "{:name_width$}  {}: {}",
                name,
                t.damaged,
                one_line(&reason)
            )),
        }
    }
    Ok(())
}
