//! The live session: every change is a `Command`, applied by one function
//! that checks who may make it and returns how to undo it; a `Host` owns the
//! session, its revisions, the single writer, each person's undo and the
//! clocks' phases, and every screen reads what it publishes.
//!
//! The session never knows a screen: screens (`app`) send commands and read
//! snapshots; shells (`tui`, `shell`) carry screens.

mod agenda;
mod apply;
mod clocks;
mod command;
mod host;
mod presence;
mod role;
mod undo;

#[cfg(test)]
mod agenda_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod undo_tests;
#[cfg(test)]
mod writers_tests;

pub use crate::model::patch::InputPatch;
pub use agenda::{AgendaEdit, RemovedGroup, new_axis, new_item};
pub use apply::{Applied, Outcome, Refused, apply};
pub use command::{ClockAction, Command, Setting};
pub use host::{
    Host, Overlap, PersonId, Recorder, SaveState, SharedHost, Snapshot, Stage, WRITER_GONE, Writer,
    Written, lock,
};
pub use presence::{Editing, Presence};
pub use role::{Change, Role, Why};
