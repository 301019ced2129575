//! Every change to a session, as a value: what the keys of every screen, the
//! import and the live host send, and what undo sends back.

use std::collections::BTreeSet;

use jiff::Timestamp;
use uuid::Uuid;

use super::agenda_edit::AgendaEdit;
use crate::model::patch::InputPatch;
use crate::model::poll::{Answer, CardLabel, PollKind};
use crate::model::schedule::TimerId;
use crate::model::session::{Input, Participant, RosterRole, Session};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A new input at the end of the group of `axis`; the id is chosen by
    /// the sender, so its screen can select the input it just made.
    AddInput {
        axis: String,
        id: Uuid,
        text: String,
    },
    /// Only the fields that changed: two people editing different fields of
    /// one input both keep their change.
    PatchInput {
        id: Uuid,
        patch: InputPatch,
    },
    DeleteInput {
        id: Uuid,
    },
    /// An input put back where it was (the undo of a delete). Like every
    /// command, it names its group by axis: an undo kept while the
    /// facilitator removes a group before this one still lands on its own
    /// group.
    RestoreInput {
        axis: String,
        index: usize,
        input: Box<Input>,
    },
    /// To place `index` of the group of `axis` (its own group to reorder).
    MoveInput {
        id: Uuid,
        axis: String,
        index: usize,
    },
    /// A group's facilitator or rapporteur. With `base`, the name the
    /// editor started from: someone else's change since is merged.
    SetRoster {
        axis: String,
        role: RosterRole,
        name: String,
        base: Option<String>,
    },
    /// A group's participants. With `base`, the list the editor started
    /// from: someone else's change since is merged, not overwritten.
    SetParticipants {
        axis: String,
        participants: Vec<Participant>,
        base: Option<Vec<Participant>>,
    },
    /// A country invited beyond the CRM members, offered in every form.
    InviteCountry(String),
    Clock {
        timer: TimerId,
        action: ClockAction,
    },
    Schedule(Setting),
    /// The message on the room screens; empty takes it down.
    RoomMessage(String),
    /// The facilitator shapes the day: agenda items, breaks and groups.
    Agenda(AgendaEdit),
    /// Other laptops' sessions brought in (a folder: one per file), each
    /// merged on its own, so each is vetted as what it is: a group laptop's
    /// file changes only its group (see `model::merge`). `label` says what
    /// was brought ("grupo3.json", "3 archivos de …"); each file's name
    /// goes with its inputs as their origin.
    Import {
        label: String,
        files: Vec<(String, Session)>,
    },
    /// The facilitator runs a phone poll: open, close, reveal, and the
    /// cards it concerns. Never undone: the log keeps what happened.
    Poll(PollEdit),
    /// A ballot card's vote, from the web page (`Role::Ballot`): checked
    /// and recorded in one apply, under the host's lock, so no race counts
    /// a card twice. Never undone.
    Ballot {
        poll: Uuid,
        card: CardLabel,
        answer: Answer,
    },
}

/// What the facilitator does to the polls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollEdit {
    /// A new poll; refused while another is open.
    Open {
        id: Uuid,
        kind: PollKind,
        inputs: Vec<Uuid>,
        secret: bool,
        /// The cards that may vote, frozen now.
        entitled: BTreeSet<CardLabel>,
    },
    Close {
        id: Uuid,
    },
    /// Only a closed poll. A points poll's points go into each input's
    /// `plenary.votes` here (hand-typed votes stay and add).
    Reveal {
        id: Uuid,
    },
    /// A closed named poll forgets whose ballot was whose (its tally stays).
    MakeSecret {
        id: Uuid,
    },
    /// This card voted on paper: its phone ballot is refused.
    Paper {
        id: Uuid,
        card: CardLabel,
    },
    /// The card is taken out of every open poll's `entitled`, logged.
    Revoke {
        card: CardLabel,
    },
}

/// What is done to a clock. Clocks change only on purpose: looking around
/// never sends one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockAction {
    /// Starts it; a plenary item stops the one running, a first report-back
    /// ends the breakouts.
    Start,
    Pause,
    /// Minutes more (or fewer) on this clock.
    Extend(i32),
    /// The planned minutes of this item, on the clock and in the plan.
    SetMinutes(u32),
    Reset,
    /// Every group's breakout clock together.
    StartAllGroups,
    PauseAllGroups,
    /// Moving on: the running item stops and the next in the day starts.
    Next,
}

/// The day's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Bell(bool),
    PlannedStart(Option<Timestamp>),
}

impl Command {
    /// The input a command is about, if one. Every command is named, none
    /// caught by `_`: a new command that touches an input does not compile
    /// until it says so here (duplicates are searched again after it).
    pub fn input(&self) -> Option<Uuid> {
        match self {
            Command::AddInput { id, .. }
            | Command::PatchInput { id, .. }
            | Command::DeleteInput { id }
            | Command::MoveInput { id, .. } => Some(*id),
            Command::RestoreInput { input, .. } => Some(input.id),
            Command::SetRoster { .. }
            | Command::SetParticipants { .. }
            | Command::InviteCountry(_)
            | Command::Clock { .. }
            | Command::Schedule(_)
            | Command::RoomMessage(_)
            | Command::Agenda(_)
            | Command::Import { .. }
            | Command::Poll(_)
            | Command::Ballot { .. } => None,
        }
    }
}

/// Where the group of `axis` is in `session` now, if it is still there.
pub fn group_at(session: &Session, axis: &str) -> Option<usize> {
    session.groups.iter().position(|g| g.axis == axis)
}
