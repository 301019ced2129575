//! The host of a live session: it owns the session and its revision number,
//! the single writer, each person's undo, the clocks' phases (one bell and
//! one phase-change save per session, not per screen) and the duplicate
//! index, and publishes every revision to the screens that follow it.
//!
//! Publishing copies nothing: a revision is an `Arc` of the session, shared
//! by every screen until the next change. The change after it copies what
//! it touches: the session's few fields, the list of groups, the list of
//! input pointers of the group changed and the input changed; every other
//! group and input stays shared with the revisions screens hold.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jiff::{SignedDuration, Timestamp};
use tokio::sync::watch;
use uuid::Uuid;

use super::apply::apply;
use super::command::Command;
use super::outcome::{Applied, Outcome, Overlap, Refused};
use super::presence::{Editing, PersonId, Presence};
use super::role::Role;
use super::undo::{Done, History, Touched, merges, still_holds};
use crate::model::patch::TextField;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::similar::Place;
use crate::model::timer::Phase;

/// The host as the screens share it: locked only to apply a change or take
/// a snapshot, never while drawing.
pub type SharedHost = Arc<Mutex<Host>>;

/// The host, locked for one step. A poisoned lock is still the session: a
/// panic on one screen must not take every other screen's typing with it.
pub fn lock(host: &SharedHost) -> std::sync::MutexGuard<'_, Host> {
    host.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A failed save is tried again this often, until it succeeds.
pub const RETRY_SAVE_AFTER: SignedDuration = SignedDuration::from_secs(5);

/// Said when the writer is gone (its thread stopped), which only a bug can
/// cause.
pub const WRITER_GONE: &str = "the saving thread stopped";

/// Where the session's snapshots go to be written, in order.
pub trait Writer: Send {
    /// Queues snapshot `seq`; false when the writer is gone.
    fn write(&mut self, path: &Path, seq: u64, session: Arc<Session>) -> bool;
}

/// Snapshots as a writer was given them, numbered.
pub type Written = Arc<Mutex<Vec<(u64, Arc<Session>)>>>;

/// A writer that keeps the snapshots in memory: for tests and benchmarks,
/// which look at what would have been written.
#[derive(Debug, Default, Clone)]
pub struct Recorder(pub Written);

impl Writer for Recorder {
    fn write(&mut self, _: &Path, seq: u64, session: Arc<Session>) -> bool {
        if let Ok(mut written) = self.0.lock() {
            written.push((seq, session));
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// On disk as shown (at this time, if saved in this run).
    Saved(Option<Timestamp>),
    /// Sent to the writer, not confirmed yet.
    Pending,
    Failed(String),
}

/// What the facilitator is showing the room: the part of the day, and during
/// the report-backs the input being presented. Room screens follow it; it is
/// live state, not part of the session file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The opening, on the agenda item of this id (none: the first), so
    /// an item added or moved before it leaves the room on the same item.
    Opening {
        item: Option<String>,
    },
    Groups,
    Closing {
        presenting: Option<Uuid>,
    },
}

/// One revision of the session, as every screen reads it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub revision: u64,
    pub session: Arc<Session>,
    /// Possible duplicates: each flagged input and its most similar other.
    pub duplicates: Arc<HashMap<Uuid, Place>>,
    pub save: SaveState,
    /// How many times the bell has rung: a screen that rings rings when it grows.
    pub bells: u64,
    /// Set when another instance holds the session: who, in words.
    pub read_only: Option<String>,
    pub stage: Stage,
    /// When a failed save is tried again (a screen must tick the host then).
    pub retry_at: Option<Timestamp>,
    /// Who is editing which input now (live, never saved).
    pub presence: Arc<Presence>,
    /// Inputs changed: a screen should tick the host just after its next
    /// frame, so duplicates are found without delaying a keystroke.
    pub duplicates_due: bool,
}

pub struct Host {
    path: PathBuf,
    session: Arc<Session>,
    revision: u64,
    read_only: Option<String>,
    people: HashMap<PersonId, History>,
    next_person: PersonId,
    /// Each clock's phase as last seen: a few dozen, looked through.
    phases: Vec<(TimerId, Phase)>,
    duplicates: Arc<HashMap<Uuid, Place>>,
    duplicates_of: u64,
    duplicates_due: bool,
    save: SaveState,
    save_seq: u64,
    retry_at: Option<Timestamp>,
    bells: u64,
    stage: Stage,
    writer: Box<dyn Writer>,
    revisions: watch::Sender<u64>,
    /// Who last wrote each input's text or observations, each group's
    /// participants: the person to tell when someone else's edit overlaps
    /// theirs.
    writers: HashMap<Overlap, PersonId>,
    /// Overlapping edits of someone else's words, for each person to be
    /// told on their screen.
    overlaps: HashMap<PersonId, Vec<Overlap>>,
    /// Who is editing which input: published, never saved.
    presence: Arc<Presence>,
}

impl Host {
    pub fn new(
        path: PathBuf,
        session: Session,
        read_only: Option<String>,
        writer: Box<dyn Writer>,
        now: Timestamp,
    ) -> Host {
        let phases = phases(&session, now);
        let mut host = Host {
            path,
            session: Arc::new(session),
            revision: 0,
            read_only,
            people: HashMap::new(),
            next_person: 1,
            phases,
            duplicates: Arc::new(HashMap::new()),
            duplicates_of: 0,
            duplicates_due: false,
            save: SaveState::Saved(None),
            save_seq: 0,
            retry_at: None,
            bells: 0,
            stage: Stage::Opening { item: None },
            writer,
            revisions: watch::channel(0).0,
            writers: HashMap::new(),
            overlaps: HashMap::new(),
            presence: Arc::default(),
        };
        host.refresh_duplicates();
        host
    }

    pub fn shared(self) -> SharedHost {
        Arc::new(Mutex::new(self))
    }

    /// A new person following the session, with an undo of their own.
    pub fn join(&mut self) -> PersonId {
        let person = self.next_person;
        self.next_person += 1;
        self.people.insert(person, History::default());
        person
    }

    /// The person left (quit, closed window, dropped connection): their
    /// undo goes with them, and what they were editing stops showing.
    pub fn leave(&mut self, person: PersonId) {
        self.people.remove(&person);
        self.overlaps.remove(&person);
        self.set_editing(person, None);
    }

    /// This person's screen now edits this input (`None`: none). Every
    /// screen is woken only when that changes what they show.
    pub fn set_editing(&mut self, person: PersonId, editing: Option<Editing>) {
        if self.presence.of(person) == editing.as_ref() {
            return;
        }
        Arc::make_mut(&mut self.presence).set(person, editing);
        self.publish();
    }

    /// Who is editing which input now.
    pub fn presence(&self) -> &Arc<Presence> {
        &self.presence
    }

    /// The revision screens were last given.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What this person is to be told about edits that overlapped theirs
    /// since they were last told.
    pub fn take_overlaps(&mut self, person: PersonId) -> Vec<Overlap> {
        self.overlaps.remove(&person).unwrap_or_default()
    }

    /// A text edit landed: whoever wrote the words it overlapped is told.
    fn note_writer(&mut self, person: PersonId, command: &Command, applied: &Applied) {
        let input = |id: Uuid, field| Overlap::Input { id, field };
        // Every command is named, none caught by `_`: a new command that
        // writes text does not compile until it says whose words it wrote.
        let written: Vec<Overlap> = match command {
            Command::AddInput { id, .. } => vec![input(*id, TextField::Text)],
            Command::PatchInput { id, patch } => [
                (TextField::Text, patch.text.is_some()),
                (TextField::Observations, patch.observations.is_some()),
            ]
            .into_iter()
            .filter_map(|(field, changed)| changed.then_some(input(*id, field)))
            .collect(),
            Command::SetParticipants { axis, .. } => {
                vec![Overlap::Participants { axis: axis.clone() }]
            }
            Command::SetRoster { axis, role, .. } => vec![Overlap::Roster {
                axis: axis.clone(),
                role: *role,
            }],
            // Moved, removed or put back as it was: nobody's words written.
            Command::DeleteInput { .. }
            | Command::RestoreInput { .. }
            | Command::MoveInput { .. }
            | Command::InviteCountry(_)
            | Command::Clock { .. }
            | Command::Schedule(_)
            | Command::RoomMessage(_)
            | Command::Agenda(_)
            | Command::Import { .. }
            | Command::Poll(_)
            | Command::Ballot { .. } => return,
        };
        let overlapped: Vec<Overlap> = match (&applied.outcome, command) {
            (Outcome::At { merges, .. }, Command::PatchInput { id, .. }) => merges
                .iter()
                .filter(|m| m.overlapped)
                .map(|m| input(*id, m.field))
                .collect(),
            (
                Outcome::GroupMerged {
                    text,
                    overlapped: true,
                },
                _,
            ) => vec![text.clone()],
            _ => Vec::new(),
        };
        for overlap in overlapped {
            if let Some(&other) = self.writers.get(&overlap)
                && other != person
                && self.people.contains_key(&other)
            {
                self.overlaps.entry(other).or_default().push(overlap);
            }
        }
        for written in written {
            self.writers.insert(written, person);
        }
    }

    /// A read-only host follows the instance that writes: the file read
    /// again replaces the session, and every screen sees the new revision.
    pub fn reload(&mut self, session: Session, now: Timestamp) {
        if self.read_only.is_none() || *self.session == session {
            return;
        }
        self.session = Arc::new(session);
        self.phases = phases(&self.session, now);
        self.duplicates_due = true;
        self.publish();
    }

    /// The facilitator moved: the room screens follow.
    pub fn set_stage(&mut self, stage: Stage) {
        if self.stage != stage {
            self.stage = stage;
            self.publish();
        }
    }

    /// The writer, given once the shell has started it.
    pub fn set_writer(&mut self, writer: Box<dyn Writer>) {
        self.writer = writer;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            revision: self.revision,
            session: Arc::clone(&self.session),
            duplicates: Arc::clone(&self.duplicates),
            save: self.save.clone(),
            bells: self.bells,
            read_only: self.read_only.clone(),
            stage: self.stage.clone(),
            retry_at: self.retry_at,
            duplicates_due: self.duplicates_due,
            presence: Arc::clone(&self.presence),
        }
    }

    /// Changes with every revision, for screens to redraw.
    pub fn revisions(&self) -> watch::Receiver<u64> {
        self.revisions.subscribe()
    }

    /// Applies a person's change; saves and publishes it if it changed anything.
    pub fn submit(
        &mut self,
        person: PersonId,
        role: &Role,
        command: Command,
        now: Timestamp,
    ) -> Result<Applied, Refused> {
        if let Some(holder) = &self.read_only {
            return Err(Refused::ReadOnly(holder.clone()));
        }
        if let Some(why) = role.why_not(&command, &self.session) {
            return Err(Refused::NotAllowed(why));
        }
        // A refused ballot is answered before the session is made this
        // host's own: `make_mut` copies it whenever a snapshot is out (a
        // screen, the phones' view, a save in progress), and in a burst most
        // ballots are refused (the same card sending again).
        if let Command::Ballot { poll, card, answer } = &command
            && let Some(refused) = super::poll::ballot_refused(&self.session, *poll, card, answer)
        {
            self.log_refused_ballot(&command, &refused, now);
            return Err(refused);
        }
        let applied = match apply(Arc::make_mut(&mut self.session), &command, role, now) {
            Ok(applied) => applied,
            Err(refused) => {
                self.log_refused_ballot(&command, &refused, now);
                return Err(refused);
            }
        };
        if applied.changed {
            self.note_writer(person, &command, &applied);
            if let Some(undo) = applied.undo.clone() {
                self.people
                    .entry(person)
                    .or_default()
                    .record(Done::new(undo, command.clone()));
            }
            self.changed(&command, now);
        }
        Ok(applied)
    }

    /// A ballot refused for a reason of the card's own (closed, already
    /// voted, on paper, not entitled) goes into the poll log: the audit
    /// of attempts, saved like any change and never undone.
    fn log_refused_ballot(&mut self, command: &Command, refused: &Refused, now: Timestamp) {
        let (Command::Ballot { poll, card, .. }, Refused::Ballot(why)) = (command, refused) else {
            return;
        };
        let Some(event) = super::poll::refused_event(&self.session, *poll, card, *why, now) else {
            return;
        };
        Arc::make_mut(&mut self.session)
            .poll_log
            .push(Arc::new(event));
        self.queue_save();
        self.publish();
    }

    /// Undoes this person's last change, unless someone changed it since.
    pub fn undo(
        &mut self,
        person: PersonId,
        role: &Role,
        now: Timestamp,
    ) -> Result<Applied, Refused> {
        self.step_history(person, role, now, true)
    }

    /// Makes again this person's last undone change.
    pub fn redo(
        &mut self,
        person: PersonId,
        role: &Role,
        now: Timestamp,
    ) -> Result<Applied, Refused> {
        self.step_history(person, role, now, false)
    }

    fn step_history(
        &mut self,
        person: PersonId,
        role: &Role,
        now: Timestamp,
        undo: bool,
    ) -> Result<Applied, Refused> {
        if let Some(holder) = &self.read_only {
            return Err(Refused::ReadOnly(holder.clone()));
        }
        let history = self.people.entry(person).or_default();
        let taken = if undo {
            history.take_undo()
        } else {
            history.take_redo()
        };
        let Some(done) = taken else {
            return Err(if undo {
                Refused::NothingToUndo
            } else {
                Refused::NothingToRedo
            });
        };
        // The session must still show what this person left, or undoing it
        // would overwrite someone else's later change.
        let (check, command) = if undo {
            (&done.redo, &done.undo)
        } else {
            (&done.undo, &done.redo)
        };
        let put_back = |host: &mut Host, done: Done| {
            let history = host.people.entry(person).or_default();
            if undo {
                history.push_undo(done);
            } else {
                history.push_redo(done);
            }
        };
        if !still_holds(check, &self.session) {
            put_back(self, done);
            return Err(Refused::ChangedSince);
        }
        let command = command.clone();
        let result = apply(Arc::make_mut(&mut self.session), &command, role, now);
        match result {
            // An undo carried over others' changes may find all of its
            // words changed since: nothing is left to take back, and its
            // redo would have nothing exact to put on again.
            Ok(applied) if undo && !applied.changed && merges(&command) => {
                put_back(self, done);
                Err(Refused::ChangedSince)
            }
            Ok(applied) => {
                let mut done = done;
                // A merged text goes on again (or back) exactly from what
                // this step left to what it found.
                if let Some(inverse) = applied.undo.clone().filter(merges) {
                    if undo {
                        done.redo = inverse;
                    } else {
                        done.undo = inverse;
                    }
                }
                let history = self.people.entry(person).or_default();
                if undo {
                    history.push_redo(done);
                } else {
                    history.push_undo(done);
                }
                if applied.changed {
                    self.changed(&command, now);
                }
                Ok(applied)
            }
            Err(refused) => {
                put_back(self, done);
                Err(refused)
            }
        }
    }

    /// Every merged text anyone could undo is carried onto the change just
    /// made (see `History::follow`).
    fn follow_histories(&mut self, command: &Command) {
        let touched = Touched::by(command);
        for history in self.people.values_mut() {
            history.follow(&self.session, &touched);
        }
    }

    /// After a change: undos follow it, phases follow the clocks, duplicates
    /// are due, the session is saved and the revision published.
    fn changed(&mut self, command: &Command, now: Timestamp) {
        self.follow_histories(command);
        // Every command is named, none caught by `_`: a new command does
        // not compile until it says whether it moves the clocks.
        match command {
            // A clock set by hand starts from its phase now: no bell for it.
            // An agenda edit may set an item's minutes or bring a group's
            // clocks back: each takes its phase now, so none rings for it.
            Command::Clock { .. } | Command::Import { .. } | Command::Agenda(_) => {
                self.phases = phases(&self.session, now)
            }
            Command::AddInput { .. }
            | Command::PatchInput { .. }
            | Command::DeleteInput { .. }
            | Command::RestoreInput { .. }
            | Command::MoveInput { .. }
            | Command::SetRoster { .. }
            | Command::SetParticipants { .. }
            | Command::InviteCountry(_)
            | Command::Schedule(_)
            | Command::RoomMessage(_)
            | Command::Poll(_)
            | Command::Ballot { .. } => {}
        }
        // Only marked due: whether the inputs really differ from those last
        // searched (an edit undone before the tick does not) reads every
        // input, so it is told on the tick, after the frame, not here. A
        // group removed moves its inputs and renumbers the groups that
        // duplicates point to.
        if command.input().is_some()
            || matches!(command, Command::Import { .. } | Command::Agenda(_))
        {
            self.duplicates_due = true;
        }
        self.queue_save();
        self.publish();
    }

    fn publish(&mut self) {
        self.revision += 1;
        self.revisions.send_replace(self.revision);
    }

    fn queue_save(&mut self) {
        if self.read_only.is_some() {
            return;
        }
        self.save_seq += 1;
        self.save = SaveState::Pending;
        self.retry_at = None;
        if !self
            .writer
            .write(&self.path, self.save_seq, Arc::clone(&self.session))
        {
            self.save = SaveState::Failed(WRITER_GONE.to_string());
        }
    }

    /// `Ctrl+S`: save now, even unchanged.
    pub fn save_now(&mut self) {
        self.queue_save();
        self.publish();
    }

    /// Before leaving: a failed save is tried once more.
    pub fn retry_failed_save(&mut self) {
        if matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
    }

    /// The writer said the last save failed (when asked before leaving).
    pub fn failed(&mut self, reason: String, now: Timestamp) {
        self.save = SaveState::Failed(reason);
        self.retry_at = Some(now + RETRY_SAVE_AFTER);
        self.publish();
    }

    /// The writer finished snapshot `seq`.
    pub fn saved(&mut self, seq: u64, result: Result<(), String>, now: Timestamp) {
        match result {
            Err(reason) => {
                self.save = SaveState::Failed(reason);
                self.retry_at = Some(now + RETRY_SAVE_AFTER);
            }
            // An older snapshot on disk is not yet what the screens show.
            Ok(()) if seq == self.save_seq => self.save = SaveState::Saved(Some(now)),
            Ok(()) => return,
        }
        self.publish();
    }

    /// Time passes: a running clock that enters its warning or runs out rings
    /// the bell once and is saved (so the phase change survives a crash),
    /// duplicates due are found, a failed save is retried. Every screen may
    /// call it every second: a crossing is seen once, whoever sees it.
    pub fn tick(&mut self, now: Timestamp) {
        let mut phase_changed = false;
        let mut bell = false;
        for clock in self.session.clocks() {
            let timer = self.session.clock_timer(clock);
            if !timer.is_running() {
                continue;
            }
            let phase = timer.phase(now);
            // Found in place: a running clock's id is not made again
            // every second.
            let known = self.phases.iter_mut().find(|(id, _)| id.lent() == clock);
            let before = match known {
                Some((_, known)) => std::mem::replace(known, phase),
                None => {
                    self.phases.push((clock.to_id(), phase));
                    Phase::NotStarted
                }
            };
            if phase != before {
                phase_changed = true;
                let crossed = |mark: Phase| before < mark && phase >= mark;
                bell |= crossed(Phase::Warning) || crossed(Phase::Overtime);
            }
        }
        let mut publish = false;
        if bell && self.session.schedule.bell {
            self.bells += 1;
            publish = true;
        }
        if self.duplicates_due {
            self.refresh_duplicates();
            publish = true;
        }
        if phase_changed || self.retry_at.is_some_and(|at| now >= at) {
            self.queue_save();
            publish = true;
        }
        if publish {
            self.publish();
        }
    }

    fn refresh_duplicates(&mut self) {
        self.duplicates_due = false;
        let fingerprint = self.inputs_fingerprint();
        if fingerprint != self.duplicates_of {
            self.duplicates = Arc::new(crate::model::similar::duplicates(&self.session));
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

/// Every timer's phase now.
fn phases(session: &Session, now: Timestamp) -> Vec<(TimerId, Phase)> {
    session
        .timer_ids()
        .into_iter()
        .map(|id| {
            let phase = session.timer(&id).phase(now);
            (id, phase)
        })
        .collect()
}
