//! The application as data: the `Model`, the messages that change it, and the
//! effects it asks the shell (`shell::local`, `shell::person`) to carry out.
//! `update` never touches the terminal, the disk or the clock, so every
//! behaviour is testable.

mod actions;
mod agenda;
mod editor;
mod form;
mod keymap;
pub mod laptop;
mod merged;
mod notice;
pub mod poll;
pub mod presence;
mod saved_view;
mod served;
mod start;
mod typed;
mod update;
mod viewer;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use uuid::Uuid;

use crate::i18n::Lang;
use crate::model::schedule::{Clock, TimerId};
use crate::model::session::Session;
use crate::model::similar::Place;
use crate::session::{
    Applied, Command, Host, PersonId, Refused, Role, SharedHost, Snapshot, Stage, Writer,
};
use crate::store::Summary;

pub use crate::session::SaveState;

pub use editor::{EditTarget, Editor};
pub use form::{Field, Form};
pub use keymap::{bindings, fit_hints, footer};
pub(crate) use notice::error_line;
pub use notice::{Notice, NoticeText};
pub use saved_view::SavedView;
pub use start::Prompt;
pub use update::update;
pub use viewer::Viewer;

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
    /// Where a session opened on this screen is written: the shell's writer.
    pub writer: Option<Box<dyn Writer>>,
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
    /// Given to the host of the session this screen opens.
    pub writer: Option<Box<dyn Writer>>,
    /// How to join, when this screen serves its session live (`U` shows it).
    pub join: Option<JoinInfo>,
    /// Drawn for a person on another computer (over ssh): this machine's
    /// folders are nothing to them.
    pub remote: bool,
    /// The ballot page's address (`http://192.168.1.20:8080/`) when the
    /// session is served with its web page: the join screen and the room
    /// show it, as text and as a QR code. Set by the serving shell.
    pub web: Option<String>,
}

/// What the join screen of a served session tells the room.
#[derive(Debug, Clone)]
pub struct JoinInfo {
    /// The server key's fingerprint (`SHA256:…`), to check on first connect.
    pub fingerprint: String,
    /// This machine's addresses on the room's network.
    pub addresses: Vec<String>,
    pub port: u16,
    /// Each role as it is when the screen is drawn: groups come and go
    /// during the day, and a group added gets its code while serving.
    pub roles: RoleCards,
    /// Who is connected now, and how to close one.
    pub connections: Connections,
    /// The ballot page's address for phones, when they can vote
    /// (`--no-web`: none).
    pub web: Option<String>,
}

/// One screen open over ssh, as the facilitator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionCard {
    pub id: u64,
    /// The name typed to join (`grupo3`, `sala`).
    pub user: String,
    pub address: String,
    pub since: Timestamp,
    pub cols: u16,
    pub rows: u16,
}

/// The server's open screens, read each time they are drawn, and closed
/// by id (true: it was still open).
#[derive(Clone)]
pub struct Connections {
    now: Arc<dyn Fn() -> Vec<ConnectionCard> + Send + Sync>,
    close: Arc<dyn Fn(u64) -> bool + Send + Sync>,
}

impl Connections {
    pub fn new(
        now: impl Fn() -> Vec<ConnectionCard> + Send + Sync + 'static,
        close: impl Fn(u64) -> bool + Send + Sync + 'static,
    ) -> Connections {
        Connections {
            now: Arc::new(now),
            close: Arc::new(close),
        }
    }

    /// Nobody connected, and nothing to close.
    pub fn none() -> Connections {
        Connections::new(Vec::new, |_| false)
    }

    pub fn now(&self) -> Vec<ConnectionCard> {
        (self.now)()
    }

    pub fn close(&self, id: u64) -> bool {
        (self.close)(id)
    }
}

impl std::fmt::Debug for Connections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Connections")
    }
}

/// One role on the join screen: the user name to type now (`grupo3`), its
/// code, and for a group its axis (which works as a user name too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCard {
    pub user: String,
    pub code: String,
    pub axis: Option<String>,
    /// The facilitator's card: never on the projected join screen.
    pub facilitator: bool,
}

/// The roles' cards as they are now, and why a group has no code yet, if
/// one has none (in the language asked for).
pub type CardsNow = (Vec<RoleCard>, Option<String>);

/// Where the join screen reads the roles from each time it is drawn.
#[derive(Clone)]
pub struct RoleCards(Arc<dyn Fn(Lang) -> CardsNow + Send + Sync>);

impl RoleCards {
    pub fn new(now: impl Fn(Lang) -> CardsNow + Send + Sync + 'static) -> RoleCards {
        RoleCards(Arc::new(now))
    }

    /// The cards as they are now, and what keeps a group from having one.
    pub fn now(&self, lang: Lang) -> CardsNow {
        (self.0)(lang)
    }
}

impl std::fmt::Debug for RoleCards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RoleCards")
    }
}

impl JoinInfo {
    /// `ssh -p 2222 grupo3@192.168.1.20`, for the first address.
    pub fn command(&self, user: &str) -> String {
        let host = self.addresses.first().map_or("HOST", String::as_str);
        if self.port == 22 {
            format!("ssh {user}@{host}")
        } else {
            format!("ssh -p {} {user}@{host}", self.port)
        }
    }
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
    /// The workshops "new session" can start, the built-in one first; empty
    /// when there is no other (no definitions in the data folder).
    pub workshops: Vec<crate::model::workshop::Workshop>,
    /// Which of `workshops` a new session starts.
    pub workshop: usize,
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
            workshops: Vec::new(),
            workshop: 0,
        }
    }
}

#[derive(Debug)]
pub struct StartEntry {
    pub name: String,
    pub path: PathBuf,
    pub summary: Result<Summary, String>,
}

/// An open session as this person sees it: the host's latest revision, and
/// this person's own way of looking at it.
pub struct Open {
    pub host: SharedHost,
    pub person: PersonId,
    pub role: Role,
    /// The revision shown: shared with the host, never copied.
    pub session: Arc<Session>,
    pub revision: u64,
    pub path: PathBuf,
    pub viewer: Viewer,
    /// Possible duplicates: each flagged input and its most similar other.
    pub duplicates: Arc<HashMap<uuid::Uuid, Place>>,
    pub save: SaveState,
    /// Set when another instance holds the session: who, in words.
    pub read_only: Option<String>,
    /// When the editor's text first changed without being saved.
    pub draft_since: Option<Timestamp>,
    /// When the host asks to be ticked: a failed save to retry.
    pub retry_at: Option<Timestamp>,
    /// The host has duplicates to find: tick it just after this frame.
    pub duplicates_due: bool,
    /// The bells this screen has rung.
    pub bells_heard: u64,
    /// The bells the host had rung at the revision shown.
    pub bells_rung: u64,
    /// What the facilitator shows the room, for room screens to follow.
    pub stage: Stage,
    /// Changes with every revision the host publishes.
    pub revisions: tokio::sync::watch::Receiver<u64>,
    /// Others' edits that overlapped this person's words, not told yet.
    pub overlaps: Vec<crate::session::Overlap>,
    /// Who is editing which input, as of the revision shown (`presence`).
    pub presence: Arc<crate::session::Presence>,
    /// The input this screen last told the host it edits.
    pub editing: presence::Mine,
    /// The ballot cards the shell read when the poll chooser last opened.
    pub cards: poll::CardsRead,
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
    /// Delete this input (by id, wherever it is now)?
    ConfirmDelete {
        id: Uuid,
    },
    ConfirmReset(TimerId),
    /// Take this item (by id) out of the agenda?
    ConfirmRemoveItem(String),
    /// Remove this group (by axis)? One with inputs asks where they go:
    /// `into`, chosen with ← →.
    RemoveGroup {
        axis: String,
        into: Option<String>,
    },
    ConfirmTrash(PathBuf),
    ConfirmQuit,
    /// How to join the served session: the commands, the codes, the key.
    Join,
    /// The facilitator's own code, shown on purpose from the join screen.
    FacilitatorCode,
    /// Who is connected. The selection is a connection's id (the first
    /// one when `None` or gone): connections come and go while the list is
    /// open, and a place would then name someone else. `asking`: close the
    /// selected one?
    Connections {
        selected: Option<u64>,
        asking: bool,
    },
    /// Where the session's file is (`w`), or how to get a copy over ssh.
    WhereFile,
    /// `V`: the poll about to be opened.
    PollChooser(Box<poll::Chooser>),
    /// Close the open poll (by id)?
    ClosePoll(Uuid),
    /// A closed poll whose results are still hidden: reveal them, make a
    /// named one secret, or choose the next poll.
    PollClosed(Uuid),
}

/// What the shell read to import: what to call it ("grupo3.json", "3
/// archivos de …"), each file's name and session, and what had to be
/// mended to read them, to tell.
pub type ToImport = (String, Vec<(String, Session)>, Option<String>);

/// Something that happened.
#[derive(Debug)]
pub enum Msg {
    Key(crossterm::event::KeyEvent),
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    /// The terminal changed size; only a redraw is needed.
    Resize,
    /// The shell loaded (or created) the session asked for.
    Opened(Result<OpenedSession, String>),
    /// The writer finished the save numbered `seq`.
    Saved {
        path: PathBuf,
        seq: u64,
        result: Result<(), String>,
    },
    /// The backup due before a save of `path` could not be made.
    BackupFailed {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Quitting was asked but the last save had failed.
    QuitBlocked(String),
    /// SIGTERM, SIGHUP or SIGINT: save what there is and leave.
    Terminate,
    /// A second has passed while a timer runs.
    Tick,
    /// Someone else changed the live session: a new revision to show.
    Changed,
    /// A browser operation is done (what, in words) and the folder listed
    /// again; or why it could not be done.
    Listed(Result<Relisted, String>),
    /// The shell read a session file to import: its name and content, and
    /// what had to be mended to read it, to tell.
    /// Each file read is merged on its own (a folder: several).
    ToImport(Result<ToImport, String>),
    /// The ballot cards of the session at `path` that may vote now (not
    /// revoked), for the poll chooser; or why they could not be read.
    Cards {
        path: PathBuf,
        cards: Result<std::collections::BTreeSet<crate::model::poll::CardLabel>, String>,
    },
    /// The card was revoked in the tokens file beside the session at
    /// `path`, or why it could not be.
    CardRevoked {
        path: PathBuf,
        card: crate::model::poll::CardLabel,
        done: Result<(), String>,
    },
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
pub struct OpenedSession {
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
    Open(PathBuf),
    Create(String),
    /// A new session of a workshop chosen on the start screen.
    CreateFrom {
        name: String,
        workshop: Box<crate::model::workshop::Workshop>,
    },
    /// A group laptop's session (`taller new --group`): the group as typed.
    CreateGroup(String),
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
    /// Read-only: read the session file again if its writer saved it since.
    Follow(PathBuf),
    /// Read the ballot cards kept beside this session (answered with
    /// `Msg::Cards`): the poll chooser opens polls for them.
    Cards(PathBuf),
    /// Revoke this card in the tokens kept beside this session, so its
    /// token opens nothing from now on (answered with `Msg::CardRevoked`).
    RevokeCard {
        path: PathBuf,
        card: crate::model::poll::CardLabel,
    },
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

    pub fn with_session(context: Context, opened: OpenedSession) -> Model {
        let mut model = Model::new(context, Page::Start(Box::new(Start::empty())));
        let now = model.now;
        update::on_opened(&mut model, now, Ok(opened));
        model
    }

    /// A person joining a live session with a role: a rapporteur lands on
    /// their group's page, a room screen on the room view.
    pub fn joined(context: Context, host: SharedHost, role: Role) -> Model {
        let mut model = Model::new(context, Page::Start(Box::new(Start::empty())));
        let mut open = Open::join(host, role.clone());
        if let Role::Rapporteur { axis } = &role
            && let Some(group) = open.session.groups.iter().position(|g| g.axis == *axis)
        {
            let session = Arc::clone(&open.session);
            open.viewer.part = Part::Groups;
            open.viewer.set_group(&session, group);
        }
        open.follow_stage();
        model.page = Page::Workshop(Box::new(open));
        model
    }

    /// Puts the open session's screen where it was left last time.
    pub fn restore_view(&mut self, view: &SavedView) {
        if let Page::Workshop(open) = &mut self.page {
            let session = Arc::clone(&open.session);
            view.restore(&mut open.viewer, &session);
        }
    }

    fn new(context: Context, page: Page) -> Model {
        let Context {
            lang,
            tz,
            now,
            no_color,
            muted,
            writer,
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
            writer,
            join: None,
            remote: false,
            web: None,
        }
    }

    /// Where phones find the ballot page, for the join screen and the
    /// room; `None` when no page is served.
    pub fn set_web_address(&mut self, address: Option<String>) {
        self.web = address;
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
        // A read-only screen looks at the file once a second, to follow its writer.
        let follow = open.read_only.is_some().then(|| self.now + FOLLOW_EVERY);
        [second, draft, open.retry_at, duplicates, follow]
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

/// How often a read-only screen checks whether its writer saved.
pub const FOLLOW_EVERY: jiff::SignedDuration = jiff::SignedDuration::from_secs(1);

/// Text in the editor reaches the disk this long after its first unsaved
/// change: a crash mid-paragraph loses at most the last moments of typing.
pub const DRAFT_SAVE_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(1);

impl Open {
    /// A person joins the session the host holds, with this role.
    pub fn join(host: SharedHost, role: Role) -> Open {
        let (person, snapshot, revisions, path) = {
            let mut locked = crate::session::lock(&host);
            let person = locked.join();
            (
                person,
                locked.snapshot(),
                locked.revisions(),
                locked.path().to_path_buf(),
            )
        };
        let viewer = Viewer::new(&snapshot.session);
        let mut open = Open {
            host,
            person,
            role,
            session: Arc::clone(&snapshot.session),
            revision: snapshot.revision,
            path,
            viewer,
            duplicates: Arc::clone(&snapshot.duplicates),
            save: snapshot.save.clone(),
            read_only: snapshot.read_only.clone(),
            draft_since: None,
            retry_at: snapshot.retry_at,
            duplicates_due: snapshot.duplicates_due,
            bells_heard: snapshot.bells,
            bells_rung: snapshot.bells,
            stage: snapshot.stage.clone(),
            revisions,
            overlaps: Vec::new(),
            presence: Arc::clone(&snapshot.presence),
            editing: presence::Mine::default(),
            cards: None,
        };
        open.take(snapshot);
        open
    }

    /// The host, locked for one step (`session::lock`).
    pub fn host(&self) -> std::sync::MutexGuard<'_, Host> {
        crate::session::lock(&self.host)
    }

    /// Sends a change to the host and shows the revision it made.
    pub fn submit(&mut self, command: Command, now: Timestamp) -> Result<Applied, Refused> {
        let result = {
            let person = self.person;
            let role = self.role.clone();
            self.host().submit(person, &role, command, now)
        };
        self.refresh();
        result
    }

    /// Follows the host to its latest revision; returns whether the
    /// selected input of some group was deleted by someone else.
    pub fn refresh(&mut self) -> bool {
        let person = self.person;
        let (snapshot, overlaps) = {
            let mut host = self.host();
            (host.snapshot(), host.take_overlaps(person))
        };
        self.overlaps.extend(overlaps);
        self.take(snapshot)
    }

    fn take(&mut self, snapshot: Snapshot) -> bool {
        // Seen: the shell wakes this screen only for revisions made elsewhere.
        self.revisions.borrow_and_update();
        self.revision = snapshot.revision;
        // The facilitator may have reshaped the day: the screen holds its
        // places by id, and `follow` stands in for any that went.
        self.session = snapshot.session;
        self.duplicates = snapshot.duplicates;
        self.save = snapshot.save;
        self.read_only = snapshot.read_only;
        self.stage = snapshot.stage;
        self.bells_rung = snapshot.bells;
        self.retry_at = snapshot.retry_at;
        self.duplicates_due = snapshot.duplicates_due;
        self.presence = snapshot.presence;
        self.viewer.follow(&self.session)
    }

    /// What this screen shows the room, for the host to tell room screens.
    pub fn stage(&self) -> Stage {
        match self.viewer.part {
            Part::Opening => Stage::Opening {
                item: Some(self.viewer.item_id().to_string()),
            },
            Part::Groups => Stage::Groups,
            Part::Closing => Stage::Closing {
                presenting: self
                    .viewer
                    .report_axis()
                    .and_then(|axis| self.viewer.selected_id(axis)),
            },
        }
    }

    /// A room screen follows the facilitator's part and presented input.
    pub fn follow_stage(&mut self) {
        if self.role != Role::Room {
            return;
        }
        self.viewer.mode = Mode::Room;
        let session = Arc::clone(&self.session);
        match &self.stage {
            Stage::Opening { item } => {
                // Every room screen on the facilitator's item, even one
                // whose person pressed keys: they all show the same.
                self.viewer.part = Part::Opening;
                match item {
                    Some(id) => self.viewer.show_item(&session, id),
                    None => self.viewer.set_agenda_item(&session, 0),
                }
            }
            Stage::Groups => self.viewer.part = Part::Groups,
            Stage::Closing { presenting } => {
                self.viewer.part = Part::Closing;
                if let Some(group) = presenting.and_then(|id| self.viewer.select_id(id, &session)) {
                    self.viewer.set_report(&session, group);
                }
            }
        }
    }

    /// What the room view projects: the plenary item whose clock runs, so
    /// reading ahead never puts an idle clock in front of the room; the
    /// page's own clock when no plenary clock runs.
    pub fn projected(&self) -> TimerId {
        let current = self.viewer.current_timer();
        if self.viewer.part == Part::Groups {
            return current;
        }
        self.session
            .clocks()
            .find(|&clock| {
                !matches!(clock, Clock::Breakout(_)) && self.session.clock_timer(clock).is_running()
            })
            .map_or(current, Clock::to_id)
    }

    /// Whether the host rang the bell since this screen last rang it.
    pub fn bells_due(&mut self) -> bool {
        let due = self.bells_rung > self.bells_heard;
        self.bells_heard = self.bells_rung;
        due
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        let person = self.person;
        self.host().leave(person);
    }
}
