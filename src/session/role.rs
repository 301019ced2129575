//! Who may do what: decided by the action, not by a list of refused keys.

use super::command::Command;
use crate::model::session::Session;

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
}

impl Role {
    /// Whether this role may make this change to this session.
    pub fn may(&self, command: &Command, session: &Session) -> bool {
        match self {
            Role::Facilitator => true,
            Role::Room | Role::Reader => false,
            Role::Rapporteur { axis } => {
                let own = |group: usize| session.groups.get(group).is_some_and(|g| g.axis == *axis);
                let own_input = |id| {
                    session
                        .groups
                        .iter()
                        .any(|g| g.axis == *axis && g.inputs.iter().any(|i| i.id == id))
                };
                match command {
                    Command::AddInput { group, .. }
                    | Command::RestoreInput { group, .. }
                    | Command::SetRoster { group, .. }
                    | Command::SetParticipants { group, .. } => own(*group),
                    // The plenary's verdict, observations and votes are the room's.
                    Command::PatchInput { id, patch } => own_input(*id) && !patch.is_plenary(),
                    Command::DeleteInput { id } => own_input(*id),
                    // Reordering its own list; moving to another group is the facilitator's.
                    Command::MoveInput { id, group, .. } => own_input(*id) && own(*group),
                    Command::InviteCountry(_) => true,
                    Command::Clock { .. }
                    | Command::Schedule(_)
                    | Command::RoomMessage(_)
                    | Command::Import { .. } => false,
                }
            }
        }
    }

    /// Whether this role's screen rings the bell: the projected screens.
    pub fn rings(&self) -> bool {
        matches!(self, Role::Facilitator | Role::Room)
    }

    /// Whether this role changes anything at all.
    pub fn writes(&self) -> bool {
        matches!(self, Role::Facilitator | Role::Rapporteur { .. })
    }
}
