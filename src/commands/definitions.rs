//! Workshop definitions where people name them: a file, `builtin:NAME`, or
//! the data folder's `workshops/`; problems in the reader's language. The
//! reading itself is the model's (`model::definition`), which knows no language.

use crate::i18n::Lang;
use crate::model::definition::{parse, utf8_problem};
use crate::model::workshop::Workshop;
use crate::store::ReadError;

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
            // Only a regular file, opened without waiting, read no further
            // than the cap: a pipe or /dev/zero is told apart, not read.
            let bytes = match crate::store::read_regular(std::path::Path::new(spec), MAX_BYTES) {
                Ok(bytes) => bytes,
                Err(ReadError::NotFound) => {
                    // Said as the system says it ("No such file or directory").
                    let error = std::io::Error::from_raw_os_error(libc::ENOENT);
                    return Err(lang.def_cannot_read(spec, &error));
                }
                Err(ReadError::Io(error)) => return Err(lang.def_cannot_read(spec, &error)),
                Err(ReadError::NotRegular(_)) => return Err(lang.def_not_a_file(spec)),
                Err(ReadError::TooLarge(_)) => {
                    return Err(lang.def_too_big(spec, MAX_BYTES / 1024));
                }
            };
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(error) => {
                    let problem = utf8_problem(error.as_bytes()).expect("not UTF-8");
                    return Err(report(spec, &[problem], lang));
                }
            };
            (text, spec.to_string())
        }
    };
    parse(&text).map_err(|problems| report(&shown, &problems, lang))
}

/// The largest definition read: the longest built-in is about 20 KiB, so
/// this is far more than a person writes, and far less than memory.
pub const MAX_BYTES: u64 = 1024 * 1024;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// `load` on another thread, so a hang fails the test instead of
    /// hanging it.
    fn load_within(path: &std::path::Path, seconds: u64) -> Result<Workshop, String> {
        let spec = path.to_string_lossy().into_owned();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(load(&spec, Lang::En));
        });
        rx.recv_timeout(Duration::from_secs(seconds))
            .expect("load returned in time")
    }

    #[test]
    fn a_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("def.toml");
        let name = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let started = Instant::now();
        let error = load_within(&fifo, 5).unwrap_err();
        assert!(error.contains("not a regular file"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_link_to_an_endless_device_is_refused_and_a_big_file_is_not_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let error = load_within(&link, 5).unwrap_err();
        assert!(error.contains("not a regular file"), "{error}");
        // A regular file past the cap is refused by its size.
        let big = dir.path().join("big.toml");
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap();
        let error = load_within(&big, 5).unwrap_err();
        assert!(error.contains("too large"), "{error}");
        // At the cap, it is read (and refused for what it says).
        file.set_len(MAX_BYTES).unwrap();
        let error = load_within(&big, 5).unwrap_err();
        assert!(!error.contains("too large"), "{error}");
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("latin1.toml");
        std::fs::write(&file, b"language = \"es\"\ntitle = \"Caf\xe9\"\n").unwrap();
        let error = load_within(&file, 5).unwrap_err();
        let spec = file.to_string_lossy();
        assert!(error.contains(&format!("{spec}:2:13: ")), "{error}");
        assert!(error.contains("UTF-8"), "{error}");
    }
}
