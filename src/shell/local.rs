//! The local terminal's shell around `update`: the terminal, signals, and
//! the effects carried out for the model. Its loop is the one every screen
//! runs (`shell::drive`), with this terminal's input ([`Local`]: keys from a
//! reader thread, disk work and saves finished off the loop, signals) and
//! frames.
//!
//! The loop sleeps until something happens (a key, a paste, a resize, a save
//! finishing, a signal) or until the model asks to be woken (a running clock's
//! next second, a draft to save, a save to retry): with none of those, an
//! idle screen costs nothing.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write, stdout};
use std::ops::ControlFlow;
use std::os::fd::AsFd;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use color_eyre::Result;
use color_eyre::eyre::eyre;
use crossterm::event::Event;
use jiff::Timestamp;
use tokio::signal::unix::{SignalKind, signal};

use crate::app::{Effect, Model, Msg, Relisted, SavedView, update};
use crate::i18n::Lang;
use crate::shell::access;
use crate::shell::drive::{self, Incoming, Stop, drive};
use crate::shell::live::{Beside, Flow, Screen};
use crate::shell::saver::{SaveReport, Saver};
use crate::store::Store;
use crate::store::lock::SessionLock;
use crate::terminal::{self, ClientTerminal};
use crate::ui;

mod complete;
mod input;
mod recovery;

use input::{spawn_input_reader, to_incoming};

/// How the interface ended, for the caller to say (and to choose the exit
/// status): "saved" only when it was.
#[derive(Debug)]
pub enum Ending {
    /// No session of this viewer's to report: the start screen, or read-only.
    Nothing,
    /// Every change is in the session's file.
    Saved(PathBuf),
    /// The last save failed, so the session went to a recovery file.
    Recovered {
        path: PathBuf,
        reason: String,
        copy: PathBuf,
    },
    /// The last save failed and no folder took a recovery file either.
    Lost { path: PathBuf, reason: String },
}

/// Runs the interface until the person quits; says how it ended.
/// `lock` is the open session's lock, if any; it is held until the end.
pub fn run(model: Model, store: Store, lock: Option<SessionLock>) -> Result<Ending> {
    one_malloc_arena();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let terminal = Terminal::enter()?;
    let result = runtime.block_on(event_loop(model, &store, lock, None));
    drop(terminal);
    result
}

/// Every thread of this terminal allocates from the one heap. glibc gives
/// each new thread that allocates a heap of its own (an arena, up to eight
/// per core): here that is the input reader and the saver, each holding
/// 20-40 KiB for the few allocations a key or a save makes, on a program
/// whose screen runs on one thread. A served session (`run_beside`), with
/// its worker threads, keeps glibc's choice.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: a setting of glibc's allocator, made before this terminal's
    // threads start.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Like `run`, with work beside it on the same runtime (two threads: the
/// served screens never wait on this terminal's frames, nor it on theirs).
pub fn run_beside(
    model: Model,
    store: Store,
    lock: Option<SessionLock>,
    beside: Beside,
) -> Result<Ending> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let terminal = Terminal::enter()?;
    let result = runtime.block_on(event_loop(model, &store, lock, Some(beside)));
    drop(terminal);
    result
}

/// The interface needs a terminal on both ends; say so plainly when there is none.
pub fn ensure_terminal(lang: Lang) -> std::result::Result<(), String> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(lang.t().err_not_a_terminal.to_string())
    }
}

/// The terminal in raw mode on the alternate screen, with bracketed paste
/// and the cursor hidden (the frames show it where an editor wants it);
/// put back as it was when dropped, and by the panic hook before a panic
/// report. The same bytes as an SSH client's terminal gets.
struct Terminal;

impl Terminal {
    fn enter() -> io::Result<Terminal> {
        crossterm::terminal::enable_raw_mode()?;
        // The hook is the whole process's, but the terminal is this thread's:
        // a panic elsewhere (a served person's screen, which ends only that
        // connection) must neither take the facilitator's screen out of raw
        // mode nor print a report across it. Here, the terminal is put back
        // before color-eyre's report is printed.
        let screen_thread = std::thread::current().id();
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() != screen_thread {
                return;
            }
            restore();
            report(info);
        }));
        let terminal = Terminal;
        let mut out = stdout();
        out.write_all(&terminal::enter())?;
        out.flush()?;
        Ok(terminal)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        restore();
    }
}

/// The terminal as it was: colours, paste, cursor, main screen, cooked mode.
fn restore() {
    let mut out = stdout();
    let _ = out
        .write_all(&terminal::leave(None))
        .and_then(|()| out.flush());
    let _ = crossterm::terminal::disable_raw_mode();
}

async fn event_loop(
    mut model: Model,
    store: &Store,
    lock: Option<SessionLock>,
    beside: Option<Beside>,
) -> Result<Ending> {
    let (outcome_tx, outcomes) = tokio::sync::mpsc::unbounded_channel::<SaveReport>();
    let (done, finished) = tokio::sync::mpsc::unbounded_channel::<Done>();
    // The open session's lock: handed over by disk work done off the loop.
    let lock = Arc::new(Mutex::new(lock));
    let shell = Shell {
        store,
        done,
        followed: None,
        saver: Saver::spawn(outcome_tx),
        lock: Arc::clone(&lock),
    };
    // The one writer of this terminal: for the session open now, or the one
    // the start screen will open.
    match &mut model.page {
        crate::app::Page::Workshop(open) => {
            open.host().set_writer(shell.saver.writer());
            // The room's screens follow this one from where it opens (its
            // own revision: this screen has it already).
            if open.role == crate::session::Role::Facilitator && open.read_only.is_none() {
                let stage = open.stage();
                open.host().set_stage(stage);
                open.revisions.borrow_and_update();
            }
        }
        crate::app::Page::Start(_) => model.writer = Some(shell.saver.writer()),
    }
    let mut input = Local {
        events: Some(spawn_input_reader()),
        finished,
        outcomes,
        lock,
        sigterm: signal(SignalKind::terminate())?,
        sighup: signal(SignalKind::hangup())?,
        sigint: signal(SignalKind::interrupt())?,
    };
    // Started now that the writer is in place; stopped when the loop ends.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let beside = beside.map(|start| tokio::spawn(start(stopped)));
    let mut screen = LocalShell {
        model,
        shell,
        ended: None,
    };
    let mut output = Shown::new()?;
    let ending = match drive(&mut screen, &mut input, &mut output).await {
        Stop::Left => match screen.ended.take() {
            Some(Ok(ending)) => Ok(ending),
            Some(Err(said)) => Err(eyre!(said)),
            None => Ok(Ending::Nothing),
        },
        // A panic while drawing: the terminal is back (the hook), the
        // session goes to a recovery file.
        Stop::Failed(_) if output.panicked => Err(eyre!(rescue(&mut screen.model, store))),
        Stop::Failed(error) => Err(error.into()),
        Stop::Ended(never) => match never {},
        Stop::HandedBack => Ok(Ending::Nothing),
    };
    let _ = stop.send(true);
    if let Some(beside) = beside {
        let _ = tokio::time::timeout(Duration::from_secs(5), beside).await;
    }
    ending
}

/// This terminal's input: keys, pastes and resizes from its reader thread,
/// disk work and saves finished off the loop, and the signals that end it.
struct Local {
    /// `None` once the terminal is gone.
    events: Option<tokio::sync::mpsc::UnboundedReceiver<std::result::Result<Event, ()>>>,
    finished: tokio::sync::mpsc::UnboundedReceiver<Done>,
    outcomes: tokio::sync::mpsc::UnboundedReceiver<SaveReport>,
    lock: Arc<Mutex<Option<SessionLock>>>,
    sigterm: tokio::signal::unix::Signal,
    sighup: tokio::signal::unix::Signal,
    sigint: tokio::signal::unix::Signal,
}

impl Local {
    /// Disk work done: a session opened hands its lock to the shell.
    fn finished(&self, done: Done) -> Msg {
        match done {
            Done::Opened(result) => Msg::Opened(result.map(|(opened, lock)| {
                *self.lock.lock().unwrap_or_else(|p| p.into_inner()) = lock;
                opened
            })),
            Done::Msg(msg) => msg,
        }
    }
}

impl drive::InputSource for Local {
    type End = std::convert::Infallible;

    async fn next(&mut self) -> drive::Event<Self::End> {
        let mut incoming = Vec::new();
        let events = async {
            match self.events.as_mut() {
                Some(events) => events.recv().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            Some(done) = self.finished.recv() => incoming.push(Incoming::Msg(self.finished(done))),
            event = events => match event {
                Some(Ok(event)) => incoming.extend(to_incoming(event)),
                // The terminal is gone or unreadable: keep what was typed and leave.
                Some(Err(())) | None => {
                    self.events = None;
                    incoming.push(Incoming::Msg(Msg::Terminate));
                }
            },
            Some(outcome) = self.outcomes.recv() => {
                incoming.extend(outcome_msgs(outcome).into_iter().map(Incoming::Msg));
            }
            _ = self.sigterm.recv() => incoming.push(Incoming::Msg(Msg::Terminate)),
            _ = self.sighup.recv() => incoming.push(Incoming::Msg(Msg::Terminate)),
            _ = self.sigint.recv() => incoming.push(Incoming::Msg(Msg::Terminate)),
        }
        // Everything already queued is handled before drawing once.
        while let Some(Ok(event)) = self.events.as_mut().map(|e| e.try_recv()) {
            match event {
                Ok(event) => incoming.extend(to_incoming(event)),
                Err(()) => incoming.push(Incoming::Msg(Msg::Terminate)),
            }
        }
        while let Ok(outcome) = self.outcomes.try_recv() {
            incoming.extend(outcome_msgs(outcome).into_iter().map(Incoming::Msg));
        }
        drive::Event::Input(incoming)
    }
}

/// The person at this terminal: the application model, and the shell's
/// work done for it (disk, opening, leaving).
struct LocalShell<'a> {
    model: Model,
    shell: Shell<'a>,
    /// How the interface ended, once it did (`Err`: what to say after a crash).
    ended: Option<std::result::Result<Ending, String>>,
}

impl Screen for LocalShell<'_> {
    fn handle(&mut self, msg: Msg, _now: Timestamp) -> Flow {
        let mut flow = Flow::Continue;
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            if complete_import_path(&mut self.model, &msg) {
                continue;
            }
            let now = Timestamp::now();
            let model = &mut self.model;
            let step = panic::catch_unwind(AssertUnwindSafe(|| {
                simulated_crash(&msg);
                update(model, msg, now)
            }));
            let Ok(effects) = step else {
                self.ended = Some(Err(rescue(&mut self.model, self.shell.store)));
                return Flow::Leave;
            };
            for effect in effects {
                if let Effect::Bell = effect {
                    flow = Flow::Ring;
                    continue;
                }
                if let ControlFlow::Break(ending) =
                    self.shell.carry_out(effect, &self.model, &mut queue)
                {
                    self.ended = Some(Ok(ending));
                    return Flow::Leave;
                }
            }
        }
        flow
    }

    fn draw(&mut self, canvas: &mut ui::Canvas) {
        ui::draw(&self.model, canvas);
    }

    fn wake_at(&self) -> Option<Timestamp> {
        self.model.wake_at()
    }

    fn revisions(&self) -> Option<tokio::sync::watch::Receiver<u64>> {
        self.model.open().map(|open| open.revisions.clone())
    }
}

/// This terminal's frames, encoded as an SSH client's are (styles said
/// once, short cursor moves, blank row ends erased, the pen carried from
/// frame to frame), each written with one `write` on the terminal.
struct Shown {
    terminal: ClientTerminal,
    /// The terminal's own descriptor, unbuffered: the standard output's
    /// line buffer would cut a frame at its last newline.
    out: std::fs::File,
    /// Drawing panicked (the terminal is back already, by the hook).
    panicked: bool,
}

impl Shown {
    fn new() -> io::Result<Shown> {
        let (width, height) = crossterm::terminal::size()?;
        let mut terminal = ClientTerminal::new(ratatui::layout::Size::new(width, height))?;
        // The screen was entered with the cursor hidden; the first frame
        // starts from a reset pen.
        terminal.redraw_whole()?;
        let out = std::fs::File::from(stdout().as_fd().try_clone_to_owned()?);
        Ok(Shown {
            terminal,
            out,
            panicked: false,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.out.write_all(bytes)
    }
}

impl drive::Output for Shown {
    fn resize(&mut self, size: ratatui::layout::Size) -> io::Result<()> {
        self.terminal.resize(size)
    }

    fn draw(&mut self, screen: &mut dyn Screen) -> io::Result<()> {
        let terminal = &mut self.terminal;
        let drawn = panic::catch_unwind(AssertUnwindSafe(|| {
            terminal.draw(|canvas| screen.draw(canvas))
        }));
        match drawn {
            Ok(result) => result?,
            Err(_) => {
                self.panicked = true;
                return Err(io::Error::other("drawing panicked"));
            }
        }
        self.terminal.send_to(&mut self.out)
    }

    fn ring(&mut self) {
        let _ = self.write(b"\x07");
    }
}

/// A save's outcome as messages: the save, then a backup that failed before it.
fn outcome_msgs(outcome: SaveReport) -> Vec<Msg> {
    let SaveReport {
        path,
        seq,
        result,
        backup,
    } = outcome;
    let mut msgs = vec![Msg::Saved {
        path: path.clone(),
        seq,
        result,
    }];
    if let Some(error) = backup {
        msgs.push(Msg::BackupFailed { path, error });
    }
    msgs
}

/// Disk work done off the loop, back for the model.
enum Done {
    Opened(std::result::Result<(crate::app::OpenedSession, Option<SessionLock>), String>),
    Msg(Msg),
}

/// What the loop does for the model: disk, bell, opening, leaving.
struct Shell<'a> {
    store: &'a Store,
    /// Where disk work done off the loop reports.
    done: tokio::sync::mpsc::UnboundedSender<Done>,
    /// When the followed file was last read (read-only screens).
    followed: Option<std::time::SystemTime>,
    saver: Saver,
    /// The open session's lock, held until the end.
    lock: Arc<Mutex<Option<SessionLock>>>,
}

impl Shell<'_> {
    /// The session opened now is held by this lock until the end.
    fn keep(&self, lock: Option<SessionLock>) {
        *self.lock.lock().unwrap_or_else(|p| p.into_inner()) = lock;
    }

    /// A read-only screen reads the file again when its writer saved it:
    /// the new revision then reaches the screen like any other change. The
    /// file is read off the loop.
    fn follow(&mut self, path: PathBuf, model: &Model) {
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if modified.is_none() || modified == self.followed {
            return;
        }
        let first_look = self.followed.is_none();
        self.followed = modified;
        let Some(open) = model.open().filter(|_| !first_look) else {
            return;
        };
        let host = open.host.clone();
        tokio::task::spawn_blocking(move || {
            if let Ok(session) = crate::store::load(&path) {
                crate::session::lock(&host).reload(session, Timestamp::now());
            }
        });
    }

    fn carry_out(
        &mut self,
        effect: Effect,
        model: &Model,
        queue: &mut VecDeque<Msg>,
    ) -> ControlFlow<Ending> {
        match effect {
            // Rung by the terminal's output, with the frame.
            Effect::Bell => {}
            // Reading a session, or a folder of them, runs off the loop: a
            // slow disk or a big file never freezes the screen.
            Effect::Open(path) => {
                let (lang, done) = (model.lang, self.done.clone());
                tokio::task::spawn_blocking(move || {
                    let _ = done.send(Done::Opened(access::open(path, lang)));
                });
            }
            Effect::CreateGroup(typed) => {
                let result = create_group(self.store, &typed, model.lang).map(|(opened, lock)| {
                    self.keep(lock);
                    opened
                });
                queue.push_front(Msg::Opened(result));
            }
            Effect::CreateFrom { name, workshop } => {
                let result = access::create_with(self.store, &name, None, *workshop, model.lang);
                let result = result.map(|(opened, lock)| {
                    self.keep(lock);
                    opened
                });
                queue.push_front(Msg::Opened(result));
            }
            Effect::Create(name) => {
                let result = access::create(self.store, &name, model.lang).map(|(opened, lock)| {
                    self.keep(lock);
                    opened
                });
                queue.push_front(Msg::Opened(result));
            }
            Effect::Rename { from, to } => {
                let done = self.store.rename(&from, &to, model.lang);
                self.relist(
                    done.map(|path| (model.lang.t().renamed.to_string(), Some(path))),
                    model,
                    queue,
                );
            }
            Effect::Template { from, name } => {
                let done = self.store.use_as_template(&from, &name, model.lang);
                self.relist(
                    done.map(|path| (model.lang.created(path.display()), Some(path))),
                    model,
                    queue,
                );
            }
            Effect::Import(typed) => {
                let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
                let path = from_home(&typed, home.as_deref());
                let lang = model.lang;
                let workshop = model
                    .open()
                    .map_or(String::new(), |open| open.session.workshop.id.clone());
                let done = self.done.clone();
                tokio::task::spawn_blocking(move || {
                    let result = if path.is_dir() {
                        import_folder(&path, lang, workshop)
                    } else {
                        access::load(&path, lang).map(|loaded| {
                            let note = loaded.note(lang);
                            let file = path.display().to_string();
                            (file.clone(), vec![(file, loaded.session)], note)
                        })
                    };
                    let _ = done.send(Done::Msg(Msg::ToImport(result)));
                });
            }
            Effect::Follow(path) => self.follow(path, model),
            // A small private file: read off the loop all the same.
            Effect::Cards(path) => {
                let (lang, done) = (model.lang, self.done.clone());
                tokio::task::spawn_blocking(move || {
                    let cards = crate::shell::tokens::entitled_now(&path, lang);
                    let _ = done.send(Done::Msg(Msg::Cards { path, cards }));
                });
            }
            Effect::RevokeCard { path, card } => {
                let (lang, done) = (model.lang, self.done.clone());
                tokio::task::spawn_blocking(move || {
                    let revoked = crate::shell::tokens::revoke_now(&path, &card, lang);
                    let msg = Msg::CardRevoked {
                        path,
                        card,
                        done: revoked,
                    };
                    let _ = done.send(Done::Msg(msg));
                });
            }
            Effect::Trash(path) => {
                let done = self.store.trash(&path, model.lang);
                self.relist(
                    done.map(|kept| (model.lang.trashed(kept.display()), None)),
                    model,
                    queue,
                );
            }
            Effect::Quit { even_if_unsaved } => match self.saver.flush() {
                Some(reason) if !even_if_unsaved => queue.push_front(Msg::QuitBlocked(reason)),
                failed => {
                    remember_view(model);
                    return ControlFlow::Break(ending(model, self.store, failed));
                }
            },
        }
        ControlFlow::Continue(())
    }
}

/// Keeps where the screen was, so the next run reopens there. Only the
/// session's writer keeps it (a read-only viewer's place is its own), and a
/// failure costs nothing but the convenience.
fn remember_view(model: &Model) {
    if let Some(open) = model.open().filter(|open| open.read_only.is_none()) {
        let view = SavedView::of(&open.viewer, &open.session);
        let _ = crate::store::view::write(&open.path, &view.to_json());
    }
}

/// A typed path as a shell reads it: `~/…` is in the home folder.
/// A group laptop's session from the start screen: the group named by its
/// number or axis id, the file named after it (`taller-DATE-grupoN`).
fn create_group(
    store: &Store,
    typed: &str,
    lang: crate::i18n::Lang,
) -> Result<
    (
        crate::app::OpenedSession,
        Option<crate::store::lock::SessionLock>,
    ),
    String,
> {
    let workshop =
        crate::model::workshop::Workshop::default_for(lang).map_err(|e| e.to_string())?;
    let axis = workshop
        .find_axis(typed)
        .ok_or_else(|| lang.unknown_group(typed.trim(), &workshop.axes_named()))?;
    let tz = jiff::tz::TimeZone::system();
    let base = format!(
        "{}-{}",
        crate::default_session_name(&tz),
        lang.group_file_suffix(axis.number)
    );
    let name = store.free_name(&base);
    access::create_for(store, &name, Some(&axis.id), lang)
}

/// `Tab` in the import prompt completes the path typed (it reads the
/// folder, so here and not in `update`); true when the key was used.
fn complete_import_path(model: &mut Model, msg: &Msg) -> bool {
    use crate::app::{EditTarget, Editor};
    let Msg::Key(key) = msg else {
        return false;
    };
    if key.code != crossterm::event::KeyCode::Tab
        || key.kind == crossterm::event::KeyEventKind::Release
    {
        return false;
    }
    let crate::app::Page::Workshop(open) = &mut model.page else {
        return false;
    };
    let Some(editor) = &open.viewer.editor else {
        return false;
    };
    if editor.target != EditTarget::ImportPath {
        return false;
    }
    let typed = editor.textarea.lines().join("");
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    if let Some(completed) = complete::complete_path(&typed, home.as_deref()) {
        open.viewer.editor = Some(Editor::new(EditTarget::ImportPath, &completed));
    }
    true
}

/// Every session file of a folder (a USB stick), to import one by one:
/// each is vetted as what it is (a group laptop's file changes only its
/// group), and each input remembers its file. Files that are not sessions
/// of the open workshop are left out, and the note says which.
fn import_folder(dir: &Path, lang: Lang, workshop: String) -> Result<crate::app::ToImport, String> {
    let files =
        crate::store::session_files_in(dir).map_err(|e| lang.cannot_open(dir.display(), e))?;
    let mut loaded = Vec::new();
    let mut skipped = Vec::new();
    for file in &files {
        match access::load(file, lang) {
            Ok(found) if found.session.workshop.id == workshop => {
                loaded.push((file.display().to_string(), found.session));
            }
            Ok(found) => skipped.push(
                crate::export::consolidate::MergeError::OtherWorkshop {
                    file: file.display().to_string(),
                    workshop: found.session.workshop.id,
                    expected: workshop.clone(),
                }
                .describe(lang),
            ),
            Err(reason) => skipped.push(reason),
        }
    }
    if loaded.is_empty() {
        return Err(lang.no_sessions_in_folder(dir.display()));
    }
    let note = (!skipped.is_empty()).then(|| lang.skipped(skipped.join("; ")));
    Ok((
        lang.files_in_folder(loaded.len(), dir.display()),
        loaded,
        note,
    ))
}

fn from_home(typed: &Path, home: Option<&Path>) -> PathBuf {
    match (typed.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => typed.to_path_buf(),
    }
}

impl Shell<'_> {
    /// After a browser operation: what was done (or why not), and the folder anew.
    fn relist(
        &self,
        done: Result<(String, Option<PathBuf>), String>,
        model: &Model,
        queue: &mut VecDeque<Msg>,
    ) {
        let result = done.and_then(|(done, select)| {
            let entries = access::entries(self.store, model.lang)?;
            let suggested_name = self
                .store
                .free_name(&crate::default_session_name(&model.tz));
            Ok(Relisted {
                entries,
                done,
                select,
                suggested_name,
            })
        });
        queue.push_front(Msg::Listed(result));
    }
}

/// Leaving, once the writer is done: the session is on disk, or, when the
/// last save failed (`failed`), it goes to a recovery file wherever one can
/// be written, so leaving anyway never drops what is in memory.
fn ending(model: &Model, store: &Store, failed: Option<String>) -> Ending {
    // A read-only viewer wrote nothing: nothing to report.
    let Some(open) = model.open().filter(|open| open.read_only.is_none()) else {
        return Ending::Nothing;
    };
    let path = open.path.clone();
    let Some(reason) = failed else {
        return Ending::Saved(path);
    };
    match recovery::write(&open.session, &path, store.dir(), model.lang) {
        Ok(copy) => Ending::Recovered { path, reason, copy },
        Err(_) => Ending::Lost { path, reason },
    }
}

/// After a panic (the terminal already restored by the hook): the session,
/// with what was in the editor, goes to a new recovery file (beside it, or
/// wherever one can be written), never over anything. Returns what to tell
/// the person.
fn rescue(model: &mut Model, store: &Store) -> String {
    let lang = model.lang;
    // Keeping the editor's text is itself guarded: the model may be half-changed.
    let _ = panic::catch_unwind(AssertUnwindSafe(|| {
        update(model, Msg::Terminate, Timestamp::now())
    }));
    let Some(open) = model.open() else {
        return lang.t().crashed.to_string();
    };
    match recovery::write(&open.session, &open.path, store.dir(), lang) {
        Ok(copy) => lang.crashed_saved(copy.display()),
        Err(_) => lang.t().crashed.to_string(),
    }
}

/// Lets the end-to-end tests crash the program on purpose (F12 with
/// TALLER_TEST_PANIC set), or a thread other than the screen's (F11), in
/// debug builds only.
fn simulated_crash(msg: &Msg) {
    if !cfg!(debug_assertions) || std::env::var_os("TALLER_TEST_PANIC").is_none() {
        return;
    }
    let Msg::Key(key) = msg else { return };
    match key.code {
        crossterm::event::KeyCode::F(12) => panic!("simulated crash (TALLER_TEST_PANIC)"),
        crossterm::event::KeyCode::F(11) => {
            let _ = std::thread::spawn(|| panic!("simulated crash elsewhere (TALLER_TEST_PANIC)"))
                .join();
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_folder_only_at_the_start() {
        let home = Path::new("/casa/ana");
        assert_eq!(
            from_home(Path::new("~/sala-2.json"), Some(home)),
            Path::new("/casa/ana/sala-2.json")
        );
        assert_eq!(
            from_home(Path::new("a/~/b.json"), Some(home)),
            Path::new("a/~/b.json")
        );
        assert_eq!(
            from_home(Path::new("~ana.json"), Some(home)),
            Path::new("~ana.json")
        );
        assert_eq!(
            from_home(Path::new("~/x.json"), None),
            Path::new("~/x.json")
        );
    }
}
