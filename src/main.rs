//! taller: run a live, in-person workshop from a projected terminal.

use taller::shell::{access, local};
use taller::{app, cli, export, i18n, model, store};

use std::path::PathBuf;
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use app::{Context, Model, Prompt, Start};
use cli::Command;
use export::formats::{Format, Source};
use i18n::Lang;
use model::workshop::Workshop;
use store::Store;

/// Every line the command line prints goes through `text::escape`: messages
/// quote names, paths and file contents (a serde error quotes the text it
/// could not read), which may carry escape sequences a terminal would run.
macro_rules! say {
    ($($arg:tt)*) => { println!("{}", taller::text::escape(&format!($($arg)*))) };
}

/// [`say!`], on the standard error.
macro_rules! complain {
    ($($arg:tt)*) => { eprintln!("{}", taller::text::escape(&format!($($arg)*))) };
}

fn main() -> ExitCode {
    // color-eyre first: the terminal's panic hook is installed on top of it,
    // so a panic restores the terminal before the report is printed.
    let _ = color_eyre::install();
    // A panic message could quote session text (a string slice, say): only
    // where it happened is printed, never what.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" ({}:{})", l.file(), l.line()));
        complain!("taller: internal error{place}");
    }));
    let (lang, cli) = cli::parse();
    let Some(dir) = cli.sessions_dir.or_else(Store::default_dir) else {
        complain!("taller: {}", lang.t().err_no_data_dir);
        return ExitCode::FAILURE;
    };
    let store = Store::new(dir);
    let context = |tz: TimeZone| Context {
        lang,
        tz,
        now: Timestamp::now(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        muted: cli.no_bell,
        // The terminal's shell gives the writer when it starts.
        writer: None,
    };
    let guard = Guard {
        lang,
        allow_shared: cli.allow_shared_dir,
    };
    // The plan is written in the plenary's language unless one is asked for.
    let plan_lang = cli.lang;
    match run(cli.command, &store, lang, plan_lang, guard, context) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            complain!("taller: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Refuses to write sessions in a folder other users can write in, unless
/// `--allow-shared-dir` says the person knows.
#[derive(Clone, Copy)]
struct Guard {
    lang: Lang,
    allow_shared: bool,
}

impl Guard {
    /// For the folder sessions are written in (a session file's own folder).
    fn folder(self, dir: &std::path::Path) -> Result<(), String> {
        match store::shared_dir(dir) {
            Some((at, mode)) if !self.allow_shared => {
                Err(self.lang.shared_dir_refused(at.display(), mode))
            }
            _ => Ok(()),
        }
    }

    fn file(self, path: &std::path::Path) -> Result<(), String> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        self.folder(dir)
    }
}

fn run(
    command: Option<Command>,
    store: &Store,
    lang: Lang,
    plan_lang: Option<Lang>,
    guard: Guard,
    context: impl Fn(TimeZone) -> Context,
) -> Result<(), String> {
    let tz = TimeZone::system();
    let (model, lock) = match command {
        None => {
            guard.folder(store.dir())?;
            local::ensure_terminal(lang)?;
            let start = start_screen(store, lang, &tz)?;
            (Model::start(context(tz.clone()), start), None)
        }
        Some(Command::New {
            name,
            group,
            workshop,
        }) => {
            guard.folder(store.dir())?;
            let workshop = match workshop {
                Some(spec) => taller::definitions::load(&spec, lang)?,
                None => Workshop::default_for(lang).map_err(|e| e.to_string())?,
            };
            // A group laptop: the axis named by its number or id.
            let axis = match group {
                Some(named) => {
                    let axis = workshop.find_axis(&named).ok_or_else(|| {
                        let known: Vec<String> = workshop
                            .breakout
                            .axes
                            .iter()
                            .map(|a| format!("{} ({})", a.number, a.id))
                            .collect();
                        lang.unknown_group(&named, &known.join(", "))
                    })?;
                    Some((axis.id.clone(), axis.number))
                }
                None => None,
            };
            let name = match name {
                Some(name) => store::validate_name(&name).map_err(|e| e.describe(lang))?,
                None => {
                    let base = taller::default_session_name(&tz);
                    let base = match &axis {
                        Some((_, number)) => format!("{base}-{}", lang.group_file_suffix(*number)),
                        None => base,
                    };
                    store.free_name(&base)
                }
            };
            if store.path_for(&name).is_ok_and(|path| path.exists()) {
                return Err(lang.session_exists(&name));
            }
            // Checked before the file is written, so no half-started session stays behind.
            local::ensure_terminal(lang)?;
            let group = axis.as_ref().map(|(id, _)| id.as_str());
            let (opened, lock) = access::create_with(store, &name, group, workshop, lang)?;
            say!("{}", lang.created(opened.path.display()));
            (Model::with_session(context(tz), opened), lock)
        }
        Some(Command::Open { target }) => {
            let path = resolve(store, &target, lang)?;
            guard.file(&path)?;
            let (opened, lock) = access::open(path, lang)?;
            if let Err(message) = local::ensure_terminal(lang) {
                // Opened for nobody: the lock file taken for it goes too.
                if let Some(lock) = lock {
                    lock.remove();
                }
                return Err(message);
            }
            (Model::with_session(context(tz), opened), lock)
        }
        Some(Command::Workshop { action }) => return workshop_command(action, lang),
        Some(Command::Import { master, files }) => {
            return import(store, &master, &files, lang, guard);
        }
        Some(Command::Consolidate {
            files,
            out,
            skip_bad,
            title,
            date,
            place,
            docx,
        }) => {
            let plan = PlanOptions {
                lang: plan_lang,
                title,
                date,
                place,
                docx,
            };
            return consolidate(&files, &out, skip_bad, &plan, lang, &tz);
        }
        Some(Command::Restore { target, generation }) => {
            let path = resolve(store, &target, lang)?;
            if generation.is_some() {
                guard.file(&path)?;
            }
            return restore(&path, generation, lang, &tz);
        }
        Some(Command::List) => return list(store, lang, &tz),
        Some(Command::Serve {
            target,
            listen,
            headless,
            authorized_keys,
            workshop,
        }) => {
            let options = taller::shell::serve::Options {
                listen,
                authorized_keys,
            };
            let new = NewServed { headless, workshop };
            return serve(store, target, &options, new, lang, guard, context);
        }
        Some(Command::Codes { target, new }) => {
            let path = resolve(store, &target, lang)?;
            guard.file(&path)?;
            return codes(&path, new, lang);
        }
        Some(Command::Export {
            target,
            format,
            out,
        }) => {
            let path = resolve(store, &target, lang)?;
            let session = noted(access::load(&path, lang)?, &path, lang);
            return export(&session, format, out.as_deref(), lang, &tz);
        }
    };
    let ending = local::run(model, store.clone(), lock).map_err(|report| report.to_string())?;
    said(ending, lang)
}

/// How the interface ended, told: "saved" only when it was; unsaved work,
/// even rescued, is not a success.
fn said(ending: local::Ending, lang: Lang) -> Result<(), String> {
    match ending {
        local::Ending::Nothing => Ok(()),
        local::Ending::Saved(path) => {
            say!("{}", lang.saved_in(path.display()));
            Ok(())
        }
        local::Ending::Recovered { path, reason, copy } => {
            Err(lang.unsaved_recovered(path.display(), reason, copy.display()))
        }
        local::Ending::Lost { path, reason } => Err(lang.unsaved_lost(path.display(), reason)),
    }
}

/// `taller import MASTER PATH...`: the files' inputs, deletions, rosters,
/// the plenary's say and clocks into the master (one merge rule, see
/// `model::merge`); a folder brings every session file in it (a USB stick).
/// The master is locked, backed up, written atomically; a bad or foreign
/// file named on the line stops everything, naming it; in a folder, files
/// that are not sessions of this workshop are skipped, saying so.
fn import(
    store: &Store,
    master: &str,
    paths: &[PathBuf],
    lang: Lang,
    guard: Guard,
) -> Result<(), String> {
    let path = resolve(store, master, lang)?;
    guard.file(&path)?;
    let (opened, lock) = access::open(path.clone(), lang)?;
    if let Some(holder) = opened.read_only {
        return Err(lang.in_use(holder));
    }
    if let Some(note) = &opened.note {
        complain!("taller: {}: {note}", path.display());
    }
    let mut session = *opened.session;
    let now = Timestamp::now();
    let same = |a: &std::path::Path| {
        std::fs::canonicalize(a)
            .ok()
            .zip(std::fs::canonicalize(&path).ok())
            .is_some_and(|(a, b)| a == b)
    };
    // (file, from a folder): a file of a folder may be skipped.
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
    let mut changed = false;
    let mut lines = Vec::new();
    for (file, in_folder) in &files {
        // The master itself on the stick: nothing to bring.
        if same(file) {
            continue;
        }
        let other = match access::load(file, lang) {
            Ok(loaded) => noted(loaded, file, lang),
            Err(message) if *in_folder => {
                complain!("taller: {}", lang.skipped(message));
                continue;
            }
            Err(message) => return Err(message),
        };
        if other.workshop.id != session.workshop.id {
            let error = taller::consolidate::MergeError::OtherWorkshop {
                file: file.display().to_string(),
                workshop: other.workshop.id.clone(),
                expected: session.workshop.id.clone(),
            };
            if *in_folder {
                complain!("taller: {}", lang.skipped(error.describe(lang)));
                continue;
            }
            return Err(error.describe(lang));
        }
        let label = file.display().to_string();
        let report = session.import(&other, &label, now);
        changed |= report.changed();
        lines.push(lang.imported_from(&label, &report.describe(&session, lang)));
    }
    if changed {
        let _ = store::backup::take(&path, now);
        store::write_atomic(&path, &store::to_json(&session))
            .map_err(|error| lang.cannot_write(path.display(), store::describe_io(&error, lang)))?;
    }
    drop(lock);
    for line in lines {
        say!("{line}");
    }
    Ok(())
}

/// What `taller consolidate` is asked about the plan itself.
struct PlanOptions {
    /// `--lang`; without it, the language of the plenary's session.
    lang: Option<Lang>,
    title: Option<String>,
    date: Option<String>,
    place: Option<String>,
    docx: bool,
}

/// `taller consolidate PATH... --out DIR`: every file read (a folder: each
/// session file in it; a bad file is named; nothing is written unless
/// --skip-bad), none modified, and the outputs written atomically into DIR,
/// which holds no input. Says on the standard error, and in the plan, when
/// no file carries the plenary's decisions.
fn consolidate(
    paths: &[PathBuf],
    out: &std::path::Path,
    skip_bad: bool,
    plan: &PlanOptions,
    lang: Lang,
    tz: &TimeZone,
) -> Result<(), String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = store::session_files_in(path)
                .map_err(|error| lang.cannot_open(path.display(), error))?;
            if found.is_empty() {
                return Err(lang.no_sessions_in_folder(path.display()));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let outputs =
        Format::CONSOLIDATED.map(|format| out.join(format!("plan.{}", format.extension())));
    let same = |a: &std::path::Path, b: &std::path::Path| {
        std::fs::canonicalize(a)
            .ok()
            .zip(std::fs::canonicalize(b).ok())
            .is_some_and(|(a, b)| a == b)
            || a == b
    };
    if files
        .iter()
        .any(|file| outputs.iter().any(|output| same(file, output)))
    {
        return Err(lang.t().err_output_is_input.to_string());
    }
    let mut sources = Vec::new();
    let mut bad = Vec::new();
    for file in &files {
        match access::load(file, lang) {
            Ok(loaded) => sources.push((file.display().to_string(), noted(loaded, file, lang))),
            Err(message) => bad.push(message),
        }
    }
    if !bad.is_empty() && !skip_bad {
        return Err(bad.join("\n"));
    }
    for message in &bad {
        complain!("taller: {}", lang.skipped(message));
    }
    let mut consolidation =
        taller::consolidate::merge(sources).map_err(|error| error.describe(lang))?;
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
        complain!("taller: {}", lang.no_plenary_decisions());
    } else {
        complain!(
            "taller: {}",
            lang.schedule_from(&consolidation.schedule_from)
        );
    }
    if std::fs::metadata(out).is_ok_and(|meta| !meta.is_dir()) {
        return Err(lang.out_is_a_file(out.display()));
    }
    store::create_private_dir_all(out).map_err(|error| lang.cannot_write(out.display(), error))?;
    let now = Timestamp::now();
    let mut contents = Vec::new();
    for format in Format::CONSOLIDATED {
        let text = format
            .render(Source::Merged(&consolidation), plan_lang, tz, now)
            .map_err(|error| error.describe(lang))?;
        contents.push(format.file_bytes(text));
    }
    for path in &outputs {
        check_out(path, lang)?;
    }
    for (path, bytes) in outputs.iter().zip(contents) {
        store::write_atomic(path, &bytes)
            .map_err(|error| lang.cannot_write(path.display(), store::describe_io(&error, lang)))?;
    }
    let inputs = consolidation.session.input_count();
    say!(
        "{}",
        lang.consolidated(inputs, files.len() - bad.len(), out.display())
    );
    if plan.docx {
        docx(&outputs[0], &out.join("plan.docx"), lang)?;
    }
    Ok(())
}

/// plan.docx from plan.md with pandoc, when it is installed; otherwise
/// says how to make it. Written beside, then moved into place, so a
/// failed conversion leaves no half document.
fn docx(md: &std::path::Path, docx: &std::path::Path, lang: Lang) -> Result<(), String> {
    let partial = docx.with_extension("docx.partial");
    {
        // Private from the first byte: pandoc writes into this file.
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&partial)
            .map_err(|error| lang.cannot_write(partial.display(), error))?;
    }
    let run = std::process::Command::new("pandoc")
        .arg(md)
        .args(["-f", "markdown", "-t", "docx", "-o"])
        .arg(&partial)
        .output();
    match run {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let _ = std::fs::remove_file(&partial);
            complain!("taller: {}", lang.docx_no_pandoc(md.display()));
            Ok(())
        }
        Err(error) => Err(lang.docx_failed(error)),
        Ok(output) if !output.status.success() => {
            let _ = std::fs::remove_file(&partial);
            Err(lang.docx_failed(String::from_utf8_lossy(&output.stderr).trim()))
        }
        Ok(_) => {
            std::fs::rename(&partial, docx)
                .map_err(|error| lang.cannot_write(docx.display(), error))?;
            say!("{}", lang.docx_written(docx.display()));
            Ok(())
        }
    }
}

/// `taller restore NAME`: the kept generations, numbered, newest first;
/// `taller restore NAME N`: puts generation N back (keeping the current file
/// as a generation, so the restore can itself be undone).
fn restore(
    path: &std::path::Path,
    generation: Option<usize>,
    lang: Lang,
    tz: &TimeZone,
) -> Result<(), String> {
    // What cannot be opened is the backups folder, not the session.
    let kept = store::backup::list(path, lang).map_err(|error| {
        let folder = store::backup::folder_for(path);
        lang.cannot_open(folder.display(), store::describe_io(&error, lang))
    })?;
    let Some(n) = generation else {
        if kept.is_empty() {
            say!("{}", lang.no_backups(path.display()));
        }
        for (i, copy) in kept.iter().enumerate() {
            let when = copy.taken_at.map_or(String::from("?"), |at| {
                at.to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            });
            let what = match &copy.session {
                Ok(summary) => lang.inputs(summary.inputs),
                Err(reason) => format!("{}: {reason}", lang.t().damaged),
            };
            say!("{:>3}  {when}  {what}", i + 1);
        }
        return Ok(());
    };
    let copy = n
        .checked_sub(1)
        .and_then(|i| kept.get(i))
        .ok_or_else(|| lang.no_such_backup(n, kept.len()))?;
    // Never behind the back of an instance that has the session open.
    let _lock = match store::lock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(refused) => match refused.refusal(lang) {
            Some(message) => return Err(message),
            None => None,
        },
    };
    store::backup::restore(path, &copy.path, Timestamp::now()).map_err(|error| match error {
        // The copy is what is wrong: it is named, and the session is untouched.
        store::backup::RestoreError::Damaged(reason) => {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            lang.backup_damaged(n, copy.path.display(), reason.describe(lang), &name)
        }
        store::backup::RestoreError::Write(error) => {
            lang.cannot_write(path.display(), store::describe_io(&error, lang))
        }
    })?;
    say!("{}", lang.restored_from(n, path.display()));
    Ok(())
}

/// The session read, once what had to be mended to read it is said on the
/// standard error, naming the file (the output may be going to a file).
fn noted(loaded: store::Loaded, file: &std::path::Path, lang: Lang) -> model::session::Session {
    if let Some(note) = loaded.note(lang) {
        complain!("taller: {}: {note}", file.display());
    }
    loaded.session
}

/// `NAME|PATH`: a session of the folder first (its name may end in ".json"),
/// then a path to any session file.
fn resolve(store: &Store, target: &str, lang: Lang) -> Result<PathBuf, String> {
    let in_folder = store.path_for(target).ok().filter(|path| path.exists());
    match in_folder {
        Some(path) => Ok(path),
        None if cli::looks_like_path(target) => Ok(PathBuf::from(target)),
        None => store.path_for(target).map_err(|e| e.describe(lang)),
    }
}

/// One rule for every `--out` file (export's, consolidate's three): a new
/// path, or a regular file that is replaced whole; never a symbolic link, a
/// FIFO, a device or a socket, which the rename would replace.
fn check_out(path: &std::path::Path, lang: Lang) -> Result<(), String> {
    store::check_output(path).map_err(|error| match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => {
            lang.out_not_regular(path.display(), store::FileKind::of(meta.file_type()))
        }
        _ => lang.cannot_write(path.display(), store::describe_io(&error, lang)),
    })
}

/// `taller export`: to the standard output, or atomically to a file (with a
/// byte-order mark there when the format wants one, see `export::formats`).
fn export(
    session: &model::session::Session,
    format: Format,
    out: Option<&std::path::Path>,
    lang: Lang,
    tz: &TimeZone,
) -> Result<(), String> {
    let source = Source::Session {
        session,
        live: false,
    };
    let text = format
        .render(source, lang, tz, Timestamp::now())
        .map_err(|error| error.describe(lang))?;
    let Some(out) = out else {
        print!("{text}");
        return Ok(());
    };
    if out.is_dir() {
        return Err(lang.out_is_a_folder(out.display()));
    }
    check_out(out, lang)?;
    if says_it_is_a_session(out) {
        return Err(lang.cannot_write(out.display(), lang.t().err_output_is_session));
    }
    store::write_atomic(out, &format.file_bytes(text))
        .map_err(|error| lang.cannot_write(out.display(), store::describe_io(&error, lang)))
}

/// Whether a file is a session, even one this build cannot read (damaged,
/// or from a newer taller): an export never replaces one.
fn says_it_is_a_session(path: &std::path::Path) -> bool {
    use store::LoadError;
    match store::load(path) {
        Ok(_) => true,
        Err(
            LoadError::NewerSchema { .. }
            | LoadError::NoSchemaVersion
            | LoadError::Invalid { .. }
            | LoadError::OutOfRange(_),
        ) => true,
        // Cut short, or its JSON broken: it still names its format.
        Err(LoadError::NotJson { .. }) => store::read_file(path).is_ok_and(|bytes| {
            String::from_utf8_lossy(&bytes).contains(&format!("\"{}\"", model::session::FORMAT))
        }),
        Err(_) => false,
    }
}

/// `taller workshop init FILE` / `check FILE`.
fn workshop_command(action: cli::WorkshopAction, lang: Lang) -> Result<(), String> {
    match action {
        cli::WorkshopAction::Init { file, from } => {
            let text = Workshop::builtin_text(&from, lang).ok_or_else(|| {
                lang.def_unknown_builtin(&from, &Workshop::builtin_names().join(", "))
            })?;
            if std::fs::symlink_metadata(&file).is_ok() {
                return Err(lang.def_exists(file.display()));
            }
            store::write_atomic(&file, text.as_bytes()).map_err(|error| {
                lang.cannot_write(file.display(), store::describe_io(&error, lang))
            })?;
            say!("{}", lang.def_written(file.display()));
            Ok(())
        }
        cli::WorkshopAction::Check { file } => {
            let workshop = taller::definitions::load(&file, lang)?;
            say!(
                "{}",
                lang.def_valid(
                    &file,
                    &workshop.title,
                    workshop.breakout.axes.len(),
                    workshop.opening.items.len()
                )
            );
            Ok(())
        }
    }
}

fn start_screen(store: &Store, lang: Lang, tz: &TimeZone) -> Result<Start, String> {
    let workshop = Workshop::default_for(lang).map_err(|error| error.to_string())?;
    // Definitions kept beside the sessions (`workshops/`): offered to choose
    // from; one that does not read is said on the standard error, not offered.
    let mut workshops = Vec::new();
    if let Some(dir) = store.workshops_dir() {
        for (file, found) in taller::definitions::in_folder(&dir, lang) {
            match found {
                Ok(found) => workshops.push(found),
                Err(reason) => complain!("taller: {file}: {reason}"),
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
        suggested_name: store.free_name(&taller::default_session_name(tz)),
        entries: access::entries(store, lang)?,
        selected: 0,
        naming: None,
        prompt: Prompt::New,
    })
}

/// `taller codes NAME [--new]`: the SSH join codes, one line per role (the
/// user name to type, a space, its code), made the first time, replaced
/// with `--new`. A group's user name is its place now (`grupo3`); its code
/// belongs to its axis, so it follows the group when groups move. Nothing
/// else goes on the line: cards and scripts read "name space code".
fn codes(path: &std::path::Path, new: bool, lang: Lang) -> Result<(), String> {
    use taller::shell::ssh::codes;
    let session = noted(access::load(path, lang)?, path, lang);
    let groups = session.numbered_groups();
    let kept = if new {
        codes::renew(path, &groups)
    } else {
        codes::load_or_create(path, &groups)
    };
    let kept = kept.map_err(|error| {
        lang.ssh_cannot_keep_codes(
            codes::codes_path(path).display(),
            codes::describe(&error, lang),
        )
    })?;
    for card in kept.cards(&groups) {
        say!("{} {}", card.user, card.code);
    }
    Ok(())
}

/// `taller serve [NAME]`: the session opened (or created) and held by this
/// process, served over SSH; the facilitator's screen here unless headless.
/// How `serve` runs, and the workshop of a session it creates.
struct NewServed {
    headless: bool,
    /// A definition file or builtin:NAME; the built-in workshop without one.
    workshop: Option<String>,
}

fn serve(
    store: &Store,
    target: Option<String>,
    options: &taller::shell::serve::Options,
    new: NewServed,
    lang: Lang,
    guard: Guard,
    context: impl Fn(TimeZone) -> Context,
) -> Result<(), String> {
    use taller::session::{Host, Role};
    use taller::shell::serve;
    let tz = TimeZone::system();
    let headless = new.headless;
    guard.folder(store.dir())?;
    if !headless {
        local::ensure_terminal(lang)?;
    }
    // Read before anything is created: a wrong definition leaves no session.
    let workshop = match &new.workshop {
        Some(spec) => Some(taller::definitions::load(spec, lang)?),
        None => None,
    };
    let existing = match &target {
        Some(target) => resolve(store, target, lang).ok().filter(|p| p.exists()),
        None => None,
    };
    let (opened, lock) = match existing {
        Some(path) => {
            if workshop.is_some() {
                let name = path.file_stem().unwrap_or_default().to_string_lossy();
                return Err(lang.workshop_for_new_only(name));
            }
            guard.file(&path)?;
            access::open(path, lang)?
        }
        None => {
            let name = match target {
                Some(name) => store::validate_name(&name).map_err(|e| e.describe(lang))?,
                None => store.free_name(&taller::default_session_name(&tz)),
            };
            let (opened, lock) = match workshop {
                Some(workshop) => access::create_with(store, &name, None, workshop, lang)?,
                None => access::create(store, &name, lang)?,
            };
            say!("{}", lang.created(opened.path.display()));
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
        Box::new(taller::session::Recorder::default()),
        Timestamp::now(),
    )
    .shared();
    let ready = serve::prepare(&host, &path, options, lang, tz.clone())?;
    if headless {
        let lines = serve::join_lines(&ready.join, lang);
        let result = serve::headless(host, ready, || {
            for line in lines {
                say!("{line}");
            }
        });
        drop(lock);
        return result.map_err(|e| lang.cannot_listen(&options.listen.to_string(), &e.to_string()));
    }
    let mut model = Model::joined(context(tz), host, Role::Facilitator);
    if let Some(view) = &opened.view {
        model.restore_view(view);
    }
    model.join = Some(ready.join.clone());
    let ending = local::run_beside(model, store.clone(), lock, serve::beside(ready))
        .map_err(|report| report.to_string())?;
    said(ending, lang)
}

/// `taller list`: one line per session, newest first, damaged files included.
fn list(store: &Store, lang: Lang, tz: &TimeZone) -> Result<(), String> {
    let t = lang.t();
    if let Some((at, mode)) = store::shared_dir(store.dir()) {
        complain!("taller: {}", lang.shared_dir_warning(at.display(), mode));
    }
    let listings = store
        .list(lang)
        .map_err(|error| lang.cannot_open(store.dir().display(), error))?;
    if listings.is_empty() {
        say!("{}", lang.no_sessions_in(store.dir().display()));
        return Ok(());
    }
    // One line per session, whatever a name or title holds.
    let one_line = |text: &str| text.replace(['\n', '\t'], " ");
    let name_width = listings
        .iter()
        .map(|l| {
            taller::text::escape_name(&one_line(&l.name))
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0)
        .max(t.col_name.len());
    say!(
        "{:name_width$}  {:16}  {:>7}  {}",
        t.col_name,
        t.col_last_change,
        t.col_inputs,
        t.col_workshop
    );
    for listing in listings {
        let name = taller::text::escape_name(&one_line(&listing.name)).into_owned();
        match listing.session {
            Ok(summary) => {
                let when = summary
                    .updated_at
                    .to_zoned(tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string();
                say!(
                    "{:name_width$}  {when:16}  {:>7}  {}",
                    name,
                    summary.inputs,
                    one_line(&summary.workshop)
                );
            }
            Err(reason) => say!("{:name_width$}  {}: {}", name, t.damaged, one_line(&reason)),
        }
    }
    Ok(())
}
