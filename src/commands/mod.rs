//! The subcommands, one file each, above the shells: each is a function of
//! plain values (names, paths, flags) that returns `Ok` or the message to
//! print, so tests call it directly; `main.rs` only parses and dispatches.
//! What a command says goes through [`Out`], never straight to the process's
//! streams, so a test reads it too.

use std::fmt::Display;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;

use crate::app::Context;
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::shell::local::Ending;
use crate::store::{self, Store};

pub mod codes;
pub mod consolidate;
pub mod definitions;
mod docx;
pub mod export;
pub mod import;
pub mod list;
pub mod new;
pub mod open;
pub mod restore;
pub mod serve;
pub mod start;
pub mod tokens;
pub mod workshop;

/// Where every command writes: what it says (the standard output) and what
/// it complains about (the standard error), each line escaped.
pub struct Out<'w> {
    said: &'w mut dyn Write,
    complained: &'w mut dyn Write,
    /// The first write of what the command answers that failed (a full
    /// disk behind `> codes.txt`): the command then did not do its job.
    failed: Option<io::Error>,
}

impl<'w> Out<'w> {
    pub fn new(said: &'w mut dyn Write, complained: &'w mut dyn Write) -> Out<'w> {
        Out {
            said,
            complained,
            failed: None,
        }
    }

    /// One line of what the command answers. Escaped: messages quote names,
    /// paths and file contents (a serde error quotes the text it could not
    /// read), which may carry escape sequences a terminal would run. A
    /// closed output is not an error of the command (`taller list | head`);
    /// any other failure is kept for [`failed`](Self::failed).
    pub fn say(&mut self, line: impl Display) {
        let written = writeln!(self.said, "{}", crate::text::escape(&line.to_string()));
        self.keep_failure(written);
    }

    /// Why what the command answered could not all be written, if so.
    pub fn failed(&self) -> Option<&io::Error> {
        self.failed.as_ref()
    }

    fn keep_failure(&mut self, written: io::Result<()>) {
        if let Err(error) = written
            && error.kind() != io::ErrorKind::BrokenPipe
            && self.failed.is_none()
        {
            self.failed = Some(error);
        }
    }

    /// One line on the standard error, `taller: ` first, escaped as [`say`](Self::say).
    pub fn complain(&mut self, line: impl Display) {
        let line = format!("taller: {line}");
        let _ = writeln!(self.complained, "{}", crate::text::escape(&line));
    }

    /// A document as it is (an export to the standard output): made safe by
    /// its format already, and written whole or failed.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        self.said.write_all(text.as_bytes())?;
        self.said.flush()
    }
}

/// How taller was started: what every command shares (the sessions folder,
/// the language, the global flags and the time zone).
pub struct Setup {
    pub store: Store,
    pub lang: Lang,
    /// `--allow-shared-dir`: the person knows other users can write there.
    pub allow_shared: bool,
    /// Where times are shown.
    pub tz: TimeZone,
    /// `NO_COLOR`.
    pub no_color: bool,
    /// `--no-bell`.
    pub muted: bool,
}

impl Setup {
    /// Refuses to write sessions in a folder other users can write in,
    /// unless `--allow-shared-dir` says the person knows.
    pub fn guard_folder(&self, dir: &Path) -> Result<(), String> {
        match store::shared_dir(dir) {
            Some((at, mode)) if !self.allow_shared => {
                Err(self.lang.shared_dir_refused(at.display(), mode))
            }
            _ => Ok(()),
        }
    }

    /// [`guard_folder`](Self::guard_folder) for a session file's own folder.
    pub fn guard_file(&self, path: &Path) -> Result<(), String> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.guard_folder(dir)
    }

    /// `NAME|PATH`: a session of the folder first (its name may end in
    /// ".json"), then a path to any session file.
    pub fn resolve(&self, target: &str) -> Result<PathBuf, String> {
        let in_folder = self.store.path_for(target).ok().filter(|p| p.exists());
        match in_folder {
            Some(path) => Ok(path),
            None if crate::cli::looks_like_path(target) => Ok(PathBuf::from(target)),
            None => self
                .store
                .path_for(target)
                .map_err(|e| e.describe(self.lang)),
        }
    }

    /// A screen's setting, now; the terminal's shell gives the writer when
    /// it starts.
    pub fn context(&self) -> Context {
        Context {
            lang: self.lang,
            tz: self.tz.clone(),
            now: jiff::Timestamp::now(),
            no_color: self.no_color,
            muted: self.muted,
            writer: None,
        }
    }
}

/// The session read, once what had to be mended to read it is said on the
/// standard error, naming the file (the output may be going to a file).
fn noted(loaded: store::Loaded, file: &Path, lang: Lang, out: &mut Out) -> Session {
    if let Some(note) = loaded.note(lang) {
        out.complain(format_args!("{}: {note}", file.display()));
    }
    loaded.session
}

/// One rule for every `--out` file (export's, consolidate's three): a new
/// path, or a regular file that is replaced whole; never a symbolic link, a
/// FIFO, a device or a socket, which the rename would replace.
fn check_out(path: &Path, lang: Lang) -> Result<(), String> {
    store::check_output(path).map_err(|error| match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => {
            lang.out_not_regular(path.display(), store::FileKind::of(meta.file_type()))
        }
        _ => lang.cannot_write(path.display(), store::describe_io(&error, lang)),
    })
}

/// Whether two paths name one file (or one path not there yet).
fn same_file(a: &Path, b: &Path) -> bool {
    std::fs::canonicalize(a)
        .ok()
        .zip(std::fs::canonicalize(b).ok())
        .is_some_and(|(a, b)| a == b)
        || a == b
}

/// Every session file the paths name: a folder brings each one in it
/// (a USB stick), marked as from a folder; an empty folder is an error.
fn session_files(paths: &[PathBuf], lang: Lang) -> Result<Vec<(PathBuf, bool)>, String> {
    let mut files = Vec::new();
    for given in paths {
        if given.is_dir() {
            let found = store::session_files_in(given)
                .map_err(|error| lang.cannot_open(given.display(), error))?;
            if found.is_empty() {
                return Err(lang.no_sessions_in_folder(given.display()));
            }
            files.extend(found.into_iter().map(|f| (f, true)));
        } else {
            files.push((given.clone(), false));
        }
    }
    Ok(files)
}

/// How the interface ended, told: "saved" only when it was; unsaved work,
/// even rescued, is not a success.
fn said(ending: Ending, lang: Lang, out: &mut Out) -> Result<(), String> {
    match ending {
        Ending::Nothing => Ok(()),
        Ending::Saved(path) => {
            out.say(lang.saved_in(path.display()));
            Ok(())
        }
        Ending::Recovered { path, reason, copy } => {
            Err(lang.unsaved_recovered(path.display(), reason, copy.display()))
        }
        Ending::Lost { path, reason } => Err(lang.unsaved_lost(path.display(), reason)),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A setup over a sessions folder, in English, UTC, no shared-folder
    /// refusal to trip over in a temporary directory.
    pub fn setup(dir: &Path) -> Setup {
        Setup {
            store: Store::new(dir.to_path_buf()),
            lang: Lang::En,
            allow_shared: false,
            tz: TimeZone::UTC,
            no_color: true,
            muted: true,
        }
    }

    /// What a command said and complained, as text.
    #[derive(Default)]
    pub struct Heard {
        pub said: Vec<u8>,
        pub complained: Vec<u8>,
    }

    impl Heard {
        pub fn out(&mut self) -> Out<'_> {
            Out::new(&mut self.said, &mut self.complained)
        }
        pub fn said(&self) -> String {
            String::from_utf8_lossy(&self.said).into_owned()
        }
        pub fn complained(&self) -> String {
            String::from_utf8_lossy(&self.complained).into_owned()
        }
    }
}
