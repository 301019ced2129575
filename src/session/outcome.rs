//! What applying a command gives back: the change made (with its undo and
//! what to show), or why it was refused.

use uuid::Uuid;

use super::command::Command;
use super::role::Why;
use crate::i18n::Lang;
use crate::model::patch::{Merge, TextField};
use crate::model::poll::{BallotRefused, PollRefused};
use crate::model::schedule::TimerId;
use crate::model::session::RosterRole;

/// A change made.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// False when the session already was as asked (nothing to save).
    pub changed: bool,
    /// The command that puts back what this one changed, for its sender's undo.
    pub undo: Option<Command>,
    pub outcome: Outcome,
}

/// What a change produced that its sender may want to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Moving on started this clock (none: the day is over).
    NowRunning(Option<TimerId>),
    /// What merging another laptop's file did, group by group
    /// (`model::merge`): new, updated, deleted inputs, roster changes.
    Imported(crate::model::merge::MergeReport),
    /// The input now sits in the group of `axis` (after an add, an edit, a
    /// move, an undo that put it back). An edit of a text someone else
    /// changed since it started says which fields were merged.
    At {
        axis: String,
        id: Uuid,
        merges: Vec<Merge>,
    },
    /// A group's participants or roster name, edited from a text someone
    /// else changed since: merged, and whether the two edits changed the
    /// same words.
    GroupMerged {
        text: Overlap,
        overlapped: bool,
    },
    /// The input is gone.
    Deleted {
        id: Uuid,
    },
}

/// Why a change was not made; translated only when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// This person's role does not make this change, and why.
    NotAllowed(Why),
    /// Another instance holds the session: who, in words.
    ReadOnly(String),
    /// The input is no longer there (someone deleted it meanwhile).
    NoSuchInput,
    NoSuchGroup,
    EmptyText,
    OtherWorkshop {
        file: String,
        workshop: String,
        expected: String,
    },
    NothingToUndo,
    NothingToRedo,
    /// Someone else changed it since: undoing would overwrite their change.
    ChangedSince,
    /// The agenda item is no longer there (someone removed it meanwhile).
    NoSuchItem,
    /// A title (an item's, a group's) cannot be empty.
    EmptyTitle,
    /// Minutes out of 1..=`limits::MAX_PLANNED_MINUTES`.
    Minutes(u32),
    /// The day keeps at least one group.
    LastGroup,
    /// The opening keeps at least one agenda item.
    LastItem,
    /// A group with this many inputs is removed only by saying where they go.
    GroupHasInputs(usize),
    /// A ballot not counted, and why (the web page maps it to its status).
    Ballot(BallotRefused),
    /// A poll edit that cannot be made (another poll is open, the poll is
    /// still open, no such poll…).
    Poll(PollRefused),
}

impl Refused {
    pub fn describe(&self, lang: Lang) -> String {
        let t = lang.t();
        match self {
            Refused::NotAllowed(why) => lang.refused_because(*why).to_string(),
            Refused::ReadOnly(holder) => lang.read_only(holder),
            Refused::NoSuchInput => t.refused_gone.to_string(),
            Refused::NoSuchGroup => t.refused_no_group.to_string(),
            Refused::EmptyText => t.empty_not_added.to_string(),
            Refused::OtherWorkshop {
                file,
                workshop,
                expected,
            } => lang.other_workshop(file, workshop, expected),
            Refused::NothingToUndo => t.nothing_to_undo.to_string(),
            Refused::NothingToRedo => t.nothing_to_redo.to_string(),
            Refused::ChangedSince => t.refused_changed_since.to_string(),
            Refused::NoSuchItem => lang.refused_no_item().to_string(),
            Refused::EmptyTitle => lang.refused_empty_title().to_string(),
            Refused::Minutes(minutes) => lang.minutes_refused(
                &minutes.to_string(),
                crate::model::limits::MAX_PLANNED_MINUTES,
            ),
            Refused::LastGroup => lang.refused_last_group().to_string(),
            Refused::LastItem => lang.refused_last_item().to_string(),
            Refused::GroupHasInputs(count) => lang.refused_group_has_inputs(*count),
            Refused::Ballot(why) => lang.ballot_refused(*why),
            Refused::Poll(why) => lang.poll_refused(*why).to_string(),
        }
    }
}

/// Someone else's edit changed the same words as this person's edit of
/// this text: both versions were kept, this person's marked.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Overlap {
    /// An input's text or observations.
    Input { id: Uuid, field: TextField },
    /// The participants of the group of this axis.
    Participants { axis: String },
    /// The facilitator's or rapporteur's name of the group of this axis.
    Roster { axis: String, role: RosterRole },
}
