//! `taller consolidate PATH... --out DIR`: every file read (a folder: each
//! session file in it; a bad file is named; nothing is written unless
//! --skip-bad), none modified, and the outputs written atomically into DIR,
//! which holds no input. Says on the standard error, and in the plan, when
//! no file carries the plenary's decisions.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::export::formats::{Format, Source};
use crate::i18n::Lang;
use crate::shell::access;
use crate::store;

use super::{Out, Setup, check_out, docx, noted, same_file, session_files};

/// What is asked about the plan itself.
#[derive(Debug, Clone, Default)]
pub struct PlanAsked {
    /// `--lang`; without it, the language of the plenary's session.
    pub lang: Option<Lang>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    /// Also plan.docx, with pandoc.
    pub docx: bool,
}

/// `paths`: session files and folders; `folder`: where the plan goes;
/// `skip_bad`: leave out the files that do not read instead of writing nothing.
pub fn run(
    setup: &Setup,
    out: &mut Out,
    paths: &[PathBuf],
    folder: &Path,
    skip_bad: bool,
    plan: &PlanAsked,
) -> Result<(), String> {
    let lang = setup.lang;
    let files: Vec<PathBuf> = session_files(paths, lang)?
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    let outputs =
        Format::CONSOLIDATED.map(|format| folder.join(format!("plan.{}", format.extension())));
    if files
        .iter()
        .any(|file| outputs.iter().any(|output| same_file(file, output)))
    {
        return Err(lang.t().err_output_is_input.to_string());
    }
    let mut sources = Vec::new();
    let mut bad = Vec::new();
    for file in &files {
        match access::load(file, lang) {
            Ok(loaded) => {
                sources.push((file.display().to_string(), noted(loaded, file, lang, out)))
            }
            Err(message) => bad.push(message),
        }
    }
    if !bad.is_empty() && !skip_bad {
        return Err(bad.join("\n"));
    }
    for message in &bad {
        out.complain(lang.skipped(message));
    }
    let mut consolidation =
        crate::export::consolidate::merge(sources).map_err(|error| error.describe(lang))?;
    let plan_lang = plan
        .lang
        .unwrap_or_else(|| Lang::parse(&consolidation.session.workshop.language).unwrap_or(lang));
    consolidation.session.set_details(
        plan.title.as_deref(),
        plan.date.as_deref(),
        plan.place.as_deref(),
        consolidation.session.updated_at,
    );
    if !consolidation.decisions {
        out.complain(lang.no_plenary_decisions());
    } else {
        out.complain(lang.schedule_from(&consolidation.schedule_from));
    }
    if std::fs::metadata(folder).is_ok_and(|meta| !meta.is_dir()) {
        return Err(lang.out_is_a_file(folder.display()));
    }
    store::create_private_dir_all(folder)
        .map_err(|error| lang.cannot_write(folder.display(), error))?;
    let now = Timestamp::now();
    let mut contents = Vec::new();
    for format in Format::CONSOLIDATED {
        let text = format
            .render(Source::Merged(&consolidation), plan_lang, &setup.tz, now)
            .map_err(|error| error.describe(lang))?;
        contents.push(format.file_bytes(text));
    }
    for path in &outputs {
        check_out(path, lang)?;
    }
    // plan.json is a session file (another taller opens it): the one there
    // may be a session someone still works on, not the last plan. It is kept
    // as a backup generation first, or nothing is written.
    let json = folder.join(format!("plan.{}", Format::Json.extension()));
    store::backup::take(&json, now)
        .map_err(|error| lang.cannot_write(json.display(), store::describe_io(&error, lang)))?;
    for (path, bytes) in outputs.iter().zip(contents) {
        store::write_atomic(path, &bytes)
            .map_err(|error| lang.cannot_write(path.display(), store::describe_io(&error, lang)))?;
    }
    let inputs = consolidation.session.input_count();
    out.say(lang.consolidated(inputs, files.len() - bad.len(), folder.display()));
    if plan.docx {
        docx::convert(&outputs[0], &folder.join("plan.docx"), lang, out)?;
    }
    Ok(())
}
