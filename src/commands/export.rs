//! `taller export`: a session in another format, to the standard output or
//! atomically to a file (with a byte-order mark there when the format wants
//! one, see `export::formats`).

use std::path::Path;

use jiff::Timestamp;

use crate::export::formats::{Format, Source};
use crate::model::session::FORMAT;
use crate::shell::access;
use crate::store::{self, LoadError};

use super::{Out, Setup, check_out, noted};

/// `to`: the file to write; `None`, the standard output.
pub fn run(
    setup: &Setup,
    out: &mut Out,
    target: &str,
    format: Format,
    to: Option<&Path>,
) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(target)?;
    let session = noted(access::load(&path, lang)?, &path, lang, out);
    let source = Source::Session {
        session: &session,
        live: false,
    };
    let text = format
        .render(source, lang, &setup.tz, Timestamp::now())
        .map_err(|error| error.describe(lang))?;
    let Some(to) = to else {
        return out
            .write(&text)
            .map_err(|error| lang.cannot_write("-", store::describe_io(&error, lang)));
    };
    if to.is_dir() {
        return Err(lang.out_is_a_folder(to.display()));
    }
    check_out(to, lang)?;
    if says_it_is_a_session(to) {
        return Err(lang.cannot_write(to.display(), lang.t().err_output_is_session));
    }
    store::write_atomic(to, &format.file_bytes(text))
        .map_err(|error| lang.cannot_write(to.display(), store::describe_io(&error, lang)))
}

/// Whether a file is a session, even one this build cannot read (damaged,
/// or from a newer taller): an export never replaces one.
pub(super) fn says_it_is_a_session(path: &Path) -> bool {
    match store::load(path) {
        Ok(_) => true,
        Err(
            LoadError::NewerSchema { .. }
            | LoadError::NoSchemaVersion
            | LoadError::Invalid { .. }
            | LoadError::OutOfRange(_),
        ) => true,
        // Cut short, or its JSON broken: it still names its format.
        Err(LoadError::NotJson { .. }) => store::read_file(path)
            .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(&format!("\"{FORMAT}\""))),
        Err(_) => false,
    }
}
