//! The live session: every change is a `Command`, applied by one function
//! that checks who may make it and returns how to undo it; a `Host` owns the
//! session, its revisions, the single writer, each person's undo and the
//! clocks' phases, and every screen reads what it publishes.
//!
//! The session never knows a screen: screens (`app`) send commands and read
//! snapshots; shells (`tui`, `shell`) carry screens.

mod agenda;
mod agenda_edit;
mod apply;
mod clocks;
mod command;
mod host;
mod outcome;
mod poll;
mod presence;
mod role;
mod undo;

#[cfg(test)]
mod agenda_tests;
#[cfg(test)]
mod poll_race_tests;
#[cfg(test)]
mod poll_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod undo_tests;
#[cfg(test)]
mod writers_tests;

pub use crate::model::patch::InputPatch;
pub use crate::model::poll::{
    Answer, BallotFault, BallotRefused, CardLabel, Choice, Consent, ConsentAnswer, Poll, PollEvent,
    PollEventKind, PollKind, PollRefused, Tally,
};
pub use agenda::{new_axis, new_item};
pub use agenda_edit::{AgendaEdit, RemovedGroup};
pub use apply::apply;
pub use command::{ClockAction, Command, PollEdit, Setting};
pub use host::{
    Host, Recorder, SaveState, SharedHost, Snapshot, Stage, WRITER_GONE, Writer, Written, lock,
};
pub use outcome::{Applied, Outcome, Overlap, Refused};
pub use presence::{Editing, PersonId, Presence};
pub use role::{Change, Role, Why};
