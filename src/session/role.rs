//! Who may do what: decided by the action, not by a list of refused keys.

use super::command::Command;
use crate::model::session::Session;

/// The kinds of change a command makes (and undo): what a key sends,
/// known before the command is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Add, edit, delete, move or restore an input; invite a country.
    Inputs,
    /// A group's facilitator, rapporteur or participants.
    Roster,
    /// Start, pause, extend, reset a clock; move on to the next item.
    Clock,
    /// The day's settings: planned start, bell.
    Schedule,
    /// The message projected to the room.
    RoomMessage,
    /// Merge another session file in.
    Import,
    /// The day's agenda and its groups: add, rename, remove, reorder.
    Agenda,
    /// Undo or redo one's own last change.
    Undo,
    /// Open, close, reveal a phone poll; mark paper ballots, revoke a card.
    Poll,
    /// Cast a ballot card's vote (the web page's only change).
    Ballot,
}

impl Command {
    /// The kind of change this command makes.
    pub fn change(&self) -> Change {
        match self {
            Command::AddInput { .. }
            | Command::PatchInput { .. }
            | Command::DeleteInput { .. }
            | Command::RestoreInput { .. }
            | Command::MoveInput { .. }
            | Command::InviteCountry(_) => Change::Inputs,
            Command::SetRoster { .. } | Command::SetParticipants { .. } => Change::Roster,
            Command::Clock { .. } => Change::Clock,
            Command::Schedule(_) => Change::Schedule,
            Command::RoomMessage(_) => Change::RoomMessage,
            Command::Import { .. } => Change::Import,
            Command::Agenda(_) => Change::Agenda,
            Command::Poll(_) => Change::Poll,
            Command::Ballot { .. } => Change::Ballot,
        }
    }
}

/// Who a person is in the live session.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    /// Runs the day: every change, every clock.
    Facilitator,
    /// A group's rapporteur: that group's inputs and roster, by the group's axis.
    Rapporteur { axis: String },
    /// A room screen: read-only, it follows the facilitator's part.
    Room,
    /// Read-only browsing.
    Reader,
    /// A ballot card's web page: it casts ballots and nothing else.
    Ballot,
}

/// Why a role does not make a change: what the refused person reads,
/// so they know whose the change is (a clock, a verdict, another group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    /// Clocks and moving on are the facilitator's.
    Clock,
    /// The day's start time and bell are the facilitator's.
    Schedule,
    /// The message to the room is the facilitator's.
    RoomMessage,
    /// Merging a file in is the facilitator's.
    Import,
    /// The agenda and its groups are the facilitator's.
    Agenda,
    /// The verdict, observations and votes are the plenary's.
    Verdict,
    /// Another group's inputs or roster.
    OtherGroup,
    /// Moving an input to another group is the facilitator's.
    MoveToOtherGroup,
    /// This rapporteur's group was removed from the session.
    GroupGone,
    /// A room or reading screen only shows.
    ScreenOnly,
    /// Polls are the facilitator's.
    Poll,
    /// A ballot is cast from a ballot card, not from a screen.
    Ballot,
    /// A ballot card's page casts ballots only.
    BallotOnly,
}

/// Said in the person's language; here, beside `Why`, so the languages'
/// files know nothing of sessions.
impl crate::i18n::Lang {
    pub fn refused_because(self, why: Why) -> &'static str {
        match why {
            Why::Clock => self.refused_clock(),
            Why::Schedule => self.refused_schedule(),
            Why::RoomMessage => self.refused_room_message(),
            Why::Import => self.refused_import(),
            Why::Agenda => self.refused_agenda(),
            Why::Verdict => self.refused_verdict(),
            Why::OtherGroup => self.refused_other_group(),
            Why::MoveToOtherGroup => self.refused_move_to_other_group(),
            Why::GroupGone => self.group_gone(),
            Why::ScreenOnly => self.refused_screen_only(),
            Why::Poll => self.refused_poll(),
            Why::Ballot => self.refused_ballot(),
            Why::BallotOnly => self.refused_ballot_only(),
        }
    }
}

impl Why {
    /// Why a role that never makes this kind of change does not.
    pub fn of_change(change: Change) -> Why {
        match change {
            Change::Clock => Why::Clock,
            Change::Schedule => Why::Schedule,
            Change::RoomMessage => Why::RoomMessage,
            Change::Import => Why::Import,
            Change::Agenda => Why::Agenda,
            Change::Poll => Why::Poll,
            Change::Ballot => Why::Ballot,
            Change::Inputs | Change::Roster | Change::Undo => Why::ScreenOnly,
        }
    }
}

impl Role {
    /// Whether this role may make this change to this session.
    pub fn may(&self, command: &Command, session: &Session) -> bool {
        self.why_not(command, session).is_none()
    }

    /// Why this role may not make this change to this session; `None` if it may.
    pub fn why_not(&self, command: &Command, session: &Session) -> Option<Why> {
        // A ballot counts only from a ballot card's page, whose card the
        // page proved with its token: not even the facilitator casts one.
        let ballot = matches!(command, Command::Ballot { .. });
        match self {
            Role::Facilitator => ballot.then_some(Why::Ballot),
            Role::Ballot => (!ballot).then_some(Why::BallotOnly),
            Role::Room | Role::Reader => Some(Why::ScreenOnly),
            Role::Rapporteur { axis } => {
                let why = rapporteur_why_not(axis, command, session)?;
                // Whatever it was, a group that is gone says so first.
                let gone = super::command::group_at(session, axis).is_none();
                Some(if gone { Why::GroupGone } else { why })
            }
        }
    }

    /// Why this role never makes this kind of change; `None` if it may.
    pub fn why_never(&self, change: Change) -> Option<Why> {
        (!self.may_make(change)).then(|| match self {
            Role::Room | Role::Reader => Why::ScreenOnly,
            Role::Ballot => Why::BallotOnly,
            Role::Facilitator | Role::Rapporteur { .. } => Why::of_change(change),
        })
    }

    /// Whether this role ever makes this kind of change: what a key says
    /// before there is a command, so a screen shows only the keys its
    /// person may use. `may` (and the host) stays the final word.
    pub fn may_make(&self, change: Change) -> bool {
        match self {
            Role::Facilitator => change != Change::Ballot,
            Role::Ballot => change == Change::Ballot,
            Role::Room | Role::Reader => false,
            Role::Rapporteur { .. } => {
                matches!(change, Change::Inputs | Change::Roster | Change::Undo)
            }
        }
    }

    /// Whether this role's screen rings the bell: the projected screens.
    pub fn rings(&self) -> bool {
        matches!(self, Role::Facilitator | Role::Room)
    }
}

/// A group's rapporteur: that group's inputs and roster, by the group's axis.
fn rapporteur_why_not(axis: &str, command: &Command, session: &Session) -> Option<Why> {
    let own_axis =
        |named: &str| named == axis && super::command::group_at(session, named).is_some();
    let own_input = |id| {
        session
            .groups
            .iter()
            .any(|g| g.axis == *axis && g.inputs.iter().any(|i| i.id == id))
    };
    let unless = |ok: bool, why: Why| (!ok).then_some(why);
    match command {
        Command::AddInput { axis: named, .. }
        | Command::RestoreInput { axis: named, .. }
        | Command::SetRoster { axis: named, .. }
        | Command::SetParticipants { axis: named, .. } => unless(own_axis(named), Why::OtherGroup),
        // The plenary's verdict, observations and votes are the room's.
        Command::PatchInput { id, patch } => unless(own_input(*id), Why::OtherGroup)
            .or_else(|| unless(!patch.is_plenary(), Why::Verdict)),
        Command::DeleteInput { id } => unless(own_input(*id), Why::OtherGroup),
        // Reordering its own list; moving to another group is the facilitator's.
        Command::MoveInput {
            id, axis: named, ..
        } => unless(own_input(*id), Why::OtherGroup)
            .or_else(|| unless(own_axis(named), Why::MoveToOtherGroup)),
        Command::InviteCountry(_) => None,
        Command::Clock { .. } => Some(Why::Clock),
        Command::Schedule(_) => Some(Why::Schedule),
        Command::RoomMessage(_) => Some(Why::RoomMessage),
        Command::Import { .. } => Some(Why::Import),
        // The day's shape is the facilitator's.
        Command::Agenda(_) => Some(Why::Agenda),
        Command::Poll(_) => Some(Why::Poll),
        Command::Ballot { .. } => Some(Why::Ballot),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::places::breakout;
    use crate::model::session::RosterRole;
    use crate::model::workshop::Workshop;
    use crate::session::{ClockAction, Setting};

    /// The keys a screen shows come from `may_make`; the host decides by
    /// `may`. Nothing `may` allows is hidden by `may_make`.
    #[test]
    fn a_role_allowed_a_command_may_make_its_kind_of_change() {
        let now = jiff::Timestamp::from_second(0).unwrap();
        let mut session = Session::new("roles", Workshop::default_for("es").unwrap(), now);
        let id = session.add_input(0, "uno".into(), now).unwrap();
        let axis = session.groups[0].axis.clone();
        let commands = [
            Command::AddInput {
                axis: axis.clone(),
                id: uuid::Uuid::new_v4(),
                text: "dos".into(),
            },
            Command::DeleteInput { id },
            Command::MoveInput {
                id,
                axis: axis.clone(),
                index: 0,
            },
            Command::SetRoster {
                axis: axis.clone(),
                role: RosterRole::Rapporteur,
                name: "Ana".into(),
                base: None,
            },
            Command::SetParticipants {
                axis: axis.clone(),
                participants: Vec::new(),
                base: None,
            },
            Command::InviteCountry("Chile".into()),
            Command::Clock {
                timer: breakout(0),
                action: ClockAction::Start,
            },
            Command::Schedule(Setting::Bell(false)),
            Command::RoomMessage("pausa".into()),
        ];
        let roles = [
            Role::Facilitator,
            Role::Rapporteur { axis },
            Role::Room,
            Role::Reader,
        ];
        for role in &roles {
            for command in &commands {
                if role.may(command, &session) {
                    assert!(role.may_make(command.change()), "{role:?} {command:?}");
                }
            }
        }
        assert!(!Role::Room.may_make(Change::Clock));
        assert!(!Role::Rapporteur { axis: "x".into() }.may_make(Change::Clock));
    }
}
