//! The application as data: the `Model`, the messages that change it, and the
//! effects it asks the shell (`tui`) to carry out. `update` never touches the
//! terminal, the disk or the clock, so every behaviour is testable.

mod editor;
mod form;
mod history;
mod keymap;
pub mod laptop;
mod saved_view;
mod start;
mod timing;
mod update;

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use uuid::Uuid;

use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::similar::Place;
use crate::model::timer::Phase;
use crate::store::Summary;

pub use editor::{EditTarget, Editor};
pub use form::{Field, Form};
pub use history::{Change, History, UNDO_DEPTH};
pub use keymap::bindings;
pub use saved_view::SavedView;
pub use start::Prompt;
pub use update::update;

/// What the shell knows of the world when the model starts.
pub struct Context {
    pub lang: Lang,
    /// Where times are shown; fixed in tests so snapshots don't depend on the machine.
    pub tz: TimeZone,
    pub now: Timestamp,
    /// `NO_COLOR`: distinctions by weight and reversal only.
    pub no_color: bool,
    /// `--no-bell`: never ring, whatever the session says.
    pub muted: bool,
}

/// Everything one viewer's screen needs.
pub struct Model {
    pub lang: Lang,
    pub tz: TimeZone,
    /// The time of the last message; drawing reads the clock from here.
    pub now: Timestamp,
    pub no_color: bool,
    pub muted: bool,
    pub page: Page,
    pub overlay: Option<Overlay>,
    /// A one-off message under the screen; cleared by the next key.
    pub notice: Option<Notice>,
    /// The first key the help shows, on a screen too small for all of them.
    pub help_scroll: usize,
}

pub enum Page {
    Start(Box<Start>),
    Workshop(Box<Open>),
}

/// The start screen: a new session first, then the saved ones.
pub struct Start {
    pub sessions_dir: String,
    pub default_title: String,
    pub suggested_name: String,
    pub entries: Vec<StartEntry>,
    /// 0 is "new session"; `n` is `entries[n - 1]`.
    pub selected: usize,
    /// The name prompt, when open, and what the name is for.
    pub naming: Option<Editor>,
    pub prompt: Prompt,
}

impl Start {
    /// A start screen with nothing on it, before a session is opened in its place.
    fn empty() -> Start {
        Start {
            sessions_dir: String::new(),
            default_title: String::new(),
            suggested_name: String::new(),
            entries: Vec::new(),
            selected: 0,
            naming: None,
            prompt: Prompt::New,
        }
    }
}

#[derive(Debug)]
pub struct StartEntry {
    pub name: String,
    pub path: PathBuf,
    pub summary: Result<Summary, String>,
}

/// An open session and this viewer's way of looking at it.
pub struct Open {
    pub session: Session,
    pub path: PathBuf,
    pub viewer: Viewer,
    /// Edits, deletes and moves of inputs, for `u` and `Ctrl+R`.
    pub history: History,
    /// Possible duplicates: each flagged input and its most similar other.
    pub duplicates: HashMap<uuid::Uuid, Place>,
    /// What the duplicates were computed from (ids and edit times), so they
    /// are computed again only when an input's text may have changed.
    pub duplicates_of: u64,
    /// The inputs changed: find the duplicates at the next wake-up.
    pub duplicates_due: bool,
    pub save: SaveState,
    /// Set when another instance holds the session: who, in words.
    pub read_only: Option<String>,
    /// When the editor's text first changed without being saved.
    pub draft_since: Option<Timestamp>,
    /// When to try a failed save again.
    pub retry_at: Option<Timestamp>,
    /// The number of the last snapshot sent to the writer: "saved" is shown
    /// only once that one is on disk, not an older one.
    pub save_seq: u64,
    /// Each timer's phase when last looked at, so a bell rings once per
    /// crossing and not again after a reopen.
    pub phases: HashMap<TimerId, Phase>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// On disk as shown (at this time, if this viewer saved it).
    Saved(Option<Timestamp>),
    /// Sent to the writer, not confirmed yet.
    Pending,
    Failed(String),
}

/// The three parts of the workshop, in agenda order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Opening,
    Groups,
    Closing,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Opening, Part::Groups, Part::Closing];

    pub fn index(self) -> usize {
        Part::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Per-viewer state: where this person is and what they are doing.
pub struct Viewer {
    pub part: Part,
    /// Selected agenda item of the opening plenary.
    pub agenda_item: usize,
    /// Current breakout group.
    pub group: usize,
    /// Closing plenary page: one per group, then the final step.
    pub report: usize,
    /// Selected input, per group.
    pub selected: Vec<usize>,
    pub mode: Mode,
    /// First paragraph shown of a long text (agenda item, final step).
    pub scroll: usize,
    pub show_examples: bool,
    pub editor: Option<Editor>,
    /// The input form, when open (it has its own editors).
    pub form: Option<Form>,
}

impl Viewer {
    pub fn new(groups: usize) -> Viewer {
        Viewer {
            part: Part::Opening,
            agenda_item: 0,
            group: 0,
            report: 0,
            selected: vec![0; groups],
            mode: Mode::Normal,
            scroll: 0,
            show_examples: true,
            editor: None,
            form: None,
        }
    }

    /// The group whose inputs the keys act on, if the screen shows one.
    pub fn focused_group(&self, groups: usize) -> Option<usize> {
        match self.part {
            Part::Opening => None,
            Part::Groups => Some(self.group).filter(|g| *g < groups),
            Part::Closing => Some(self.report).filter(|g| *g < groups),
        }
    }

    pub fn selected_in(&self, group: usize) -> usize {
        self.selected.get(group).copied().unwrap_or(0)
    }

    /// The timer that `Space`, `+`, `-`, `r` and `m` act on, on this page.
    pub fn current_timer(&self, groups: usize) -> TimerId {
        match self.part {
            Part::Opening => TimerId::Opening(self.agenda_item),
            Part::Groups => TimerId::Breakout(self.group),
            Part::Closing if self.report < groups => TimerId::Report(self.report),
            Part::Closing => TimerId::Final,
        }
    }
}

/// How the session is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The part's own screen.
    Normal,
    /// For the room: the big clock, or every group's clock during the breakouts.
    Room,
    /// The day's schedule: planned, actual, expected.
    Schedule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmDelete { group: usize, id: Uuid },
    ConfirmReset(TimerId),
    ConfirmTrash(PathBuf),
    ConfirmQuit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Something that happened.
#[derive(Debug)]
pub enum Msg {
    Key(crossterm::event::KeyEvent),
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    /// The terminal changed size; only a redraw is needed.
    Resize,
    /// The shell loaded (or created) the session asked for.
    Opened(Result<Opened, String>),
    /// The writer finished the save numbered `seq`.
    Saved {
        path: PathBuf,
        seq: u64,
        result: Result<(), String>,
    },
    /// Quitting was asked but the last save had failed.
    QuitBlocked(String),
    /// SIGTERM, SIGHUP or SIGINT: save what there is and leave.
    Terminate,
    /// A second has passed while a timer runs.
    Tick,
    /// A browser operation is done (what, in words) and the folder listed
    /// again; or why it could not be done.
    Listed(Result<Relisted, String>),
    /// The shell read a session file to import: its name and content, and
    /// what had to be mended to read it, to tell.
    ToImport(Result<(String, Box<Session>, Option<String>), String>),
}

/// The sessions folder after a browser operation.
#[derive(Debug)]
pub struct Relisted {
    pub entries: Vec<StartEntry>,
    /// What was done, in words.
    pub done: String,
    /// The session to select: the renamed or new one (None: keep the place).
    pub select: Option<PathBuf>,
    /// A free name to suggest next, the old one may be taken now.
    pub suggested_name: String,
}

/// A session the shell has opened for this viewer.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub session: Box<Session>,
    /// Who holds the session, when another instance does: then this viewer
    /// may look but not change anything.
    pub read_only: Option<String>,
    /// Where this session's screen was left last time, if known.
    pub view: Option<SavedView>,
    /// What had to be mended to read the file (repeated ids), to tell.
    pub note: Option<String>,
}

/// Something the shell must do for the model.
#[derive(Debug)]
pub enum Effect {
    /// Write this snapshot; `seq` numbers the snapshots of this viewer.
    Save {
        path: PathBuf,
        seq: u64,
        session: Box<Session>,
    },
    Open(PathBuf),
    Create(String),
    Rename {
        from: PathBuf,
        to: String,
    },
    /// A new session from another's workshop.
    Template {
        from: PathBuf,
        name: String,
    },
    Trash(PathBuf),
    /// Read another session file to import into the open one.
    Import(PathBuf),
    /// Ring the terminal bell: a timer reached its warning or its end.
    Bell,
    /// Leave once every save is done; if the last one failed, only when `even_if_unsaved`.
    Quit {
        even_if_unsaved: bool,
    },
}

impl Model {
    pub fn start(context: Context, start: Start) -> Model {
        Model::new(context, Page::Start(Box::new(start)))
    }

    pub fn with_session(context: Context, opened: Opened) -> Model {
        let mut model = Model::new(context, Page::Start(Box::new(Start::empty())));
        let now = model.now;
        update::on_opened(&mut model, now, Ok(opened));
        model
    }

    fn new(context: Context, page: Page) -> Model {
        let Context {
            lang,
            tz,
            now,
            no_color,
            muted,
        } = context;
        Model {
            lang,
            tz,
            now,
            no_color,
            muted,
            page,
            overlay: None,
            notice: None,
            help_scroll: 0,
        }
    }

    pub fn open(&self) -> Option<&Open> {
        match &self.page {
            Page::Workshop(open) => Some(open),
            Page::Start(_) => None,
        }
    }

    /// Whether the screen changes by itself: a timer runs, so the shell
    /// must wake every second. Otherwise nothing happens until an event.
    pub fn wants_ticks(&self) -> bool {
        self.open().is_some_and(|open| open.session.any_running())
    }

    /// When the shell must next send `Msg::Tick`, if ever: just after the
    /// next whole second while a clock runs, a second after the first
    /// unsaved keystroke in the editor, or when a failed save is retried.
    /// `None`: sleep until something happens.
    pub fn wake_at(&self) -> Option<Timestamp> {
        let open = self.open()?;
        let second = self.wants_ticks().then(|| {
            let into = self.now.as_nanosecond().rem_euclid(1_000_000_000) as i64;
            self.now + jiff::SignedDuration::from_nanos(1_000_000_000 - into + 2_000_000)
        });
        let draft = open.draft_since.map(|since| since + DRAFT_SAVE_AFTER);
        let duplicates = open.duplicates_due.then_some(self.now);
        [second, draft, open.retry_at, duplicates]
            .into_iter()
            .flatten()
            .min()
    }
}

/// The blocks of the closing plenary's final step, which `PgDn` and `PgUp`
/// move through: the step's paragraphs, the inputs per group, then where
/// the room voted, the ranking across axes and one per axis.
pub fn final_step_blocks(session: &Session) -> usize {
    let ranked = session.ranking_across_axes();
    let axes = (0..session.groups.len())
        .filter(|g| ranked.iter().any(|v| v.group == *g))
        .count();
    let ranking = if ranked.is_empty() { 0 } else { 1 + axes };
    session.workshop.closing.final_step.body.len() + 1 + ranking
}

/// Text in the editor reaches the disk this long after its first unsaved
/// change: a crash mid-paragraph loses at most the last moments of typing.
pub const DRAFT_SAVE_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(1);
/// A failed save is tried again this often, until it succeeds.
pub const RETRY_SAVE_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(5);

impl Open {
    pub fn new(path: PathBuf, session: Session, now: Timestamp) -> Open {
        let viewer = Viewer::new(session.groups.len());
        let phases = timing::phases(&session, now);
        let mut open = Open {
            session,
            path,
            viewer,
            history: History::default(),
            duplicates: HashMap::new(),
            duplicates_of: 0,
            duplicates_due: false,
            save: SaveState::Saved(None),
            read_only: None,
            draft_since: None,
            retry_at: None,
            save_seq: 0,
            phases,
        };
        open.refresh_duplicates();
        open
    }

    /// Notes whether the inputs changed since the duplicates were found
    /// (cheap); finding them again waits for the next wake-up, just after
    /// this keystroke's frame is drawn, so the keystroke never waits on it.
    pub fn note_inputs_changed(&mut self) {
        self.duplicates_due = self.inputs_fingerprint() != self.duplicates_of;
    }

    /// Finds possible duplicates again if any input was added, removed,
    /// moved or edited since last time (cheap to check, dearer to find).
    pub fn refresh_duplicates(&mut self) {
        self.duplicates_due = false;
        let fingerprint = self.inputs_fingerprint();
        if fingerprint != self.duplicates_of {
            self.duplicates = crate::model::similar::duplicates(&self.session);
            self.duplicates_of = fingerprint;
        }
    }

    fn inputs_fingerprint(&self) -> u64 {
        self.session
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| group.inputs.iter().map(move |i| (g, i.id, i.updated_at)))
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, (g, id, at)| {
                let mixed = h ^ (g as u64) ^ (id.as_u128() as u64) ^ (at.as_nanosecond() as u64);
                mixed.wrapping_mul(0x0100_0000_01b3).rotate_left(5)
            })
    }
}
