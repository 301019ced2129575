//! `taller workshop init FILE` / `check FILE`: a definition written from a
//! built-in one, or read and checked, every problem with its place.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::workshop::Workshop;
use crate::store;

use super::{Out, definitions};

/// Writes the built-in workshop `from` as a commented template; never
/// replaces a file.
pub fn init(lang: Lang, out: &mut Out, file: &Path, from: &str) -> Result<(), String> {
    let text = Workshop::builtin_text(from, lang)
        .ok_or_else(|| lang.def_unknown_builtin(from, &Workshop::builtin_names().join(", ")))?;
    if std::fs::symlink_metadata(file).is_ok() {
        return Err(lang.def_exists(file.display()));
    }
    store::write_atomic(file, text.as_bytes())
        .map_err(|error| lang.cannot_write(file.display(), store::describe_io(&error, lang)))?;
    out.say(lang.def_written(file.display()));
    Ok(())
}

/// Reads a definition file or `builtin:NAME`, and says what it holds.
pub fn check(lang: Lang, out: &mut Out, file: &str) -> Result<(), String> {
    let workshop = definitions::load(file, lang)?;
    out.say(lang.def_valid(
        file,
        &workshop.title,
        workshop.breakout.axes.len(),
        workshop.opening.items.len(),
    ));
    Ok(())
}
