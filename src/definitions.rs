//! Workshop definitions where people name them: a file, `builtin:NAME`, or
//! the data folder's `workshops/`; problems in the reader's language. The
//! reading itself is the model's (`model::definition`), which knows no language.

use crate::i18n::Lang;
use crate::model::definition::parse;
use crate::model::workshop::Workshop;

pub use crate::model::definition::Problem;

/// What `taller new --workshop` and `taller workshop check` name: a file,
/// or `builtin:NAME` for one shipped with the binary.
pub fn load(spec: &str, lang: Lang) -> Result<Workshop, String> {
    let (text, shown) = match spec.strip_prefix("builtin:") {
        Some(name) => {
            let text = Workshop::builtin_text(name, lang).ok_or_else(|| {
                lang.def_unknown_builtin(name, &Workshop::builtin_names().join(", "))
            })?;
            (text.to_string(), spec.to_string())
        }
        None => {
            let text = std::fs::read_to_string(spec)
                .map_err(|error| lang.def_cannot_read(spec, &error))?;
            (text, spec.to_string())
        }
    };
    parse(&text).map_err(|problems| report(&shown, &problems, lang))
}

/// Every problem of a file, one line each: `FILE:LINE:COLUMN: message`.
pub fn report(file: &str, problems: &[Problem], lang: Lang) -> String {
    let mut out = lang.def_invalid(file, problems.len());
    for problem in problems {
        out.push_str(&format!(
            "\n  {file}:{}:{}: {}",
            problem.line,
            problem.column,
            lang.def_issue(&problem.issue)
        ));
    }
    out
}

/// The definitions kept in a folder (`*.toml`), each with its file name;
/// a file that does not read is left out, saying why.
pub fn in_folder(dir: &std::path::Path, lang: Lang) -> Vec<(String, Result<Workshop, String>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let workshop = load(&path.to_string_lossy(), lang);
            (name, workshop)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}
