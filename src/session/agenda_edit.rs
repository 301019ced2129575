//! The agenda edits the facilitator sends on the day, as values: part of
//! `Command`, applied by `agenda`, kept in undo.

use jiff::Timestamp;
use uuid::Uuid;

use crate::model::session::Group;
use crate::model::timer::Timer;
use crate::model::workshop::{AgendaItem, Axis};

/// One change to the day's agenda or its groups.
#[derive(Debug, Clone, PartialEq)]
pub enum AgendaEdit {
    /// A new item (or break) at `index` of the opening's agenda; its id is
    /// chosen by the sender (`new_item`), so its screen can select it.
    AddItem {
        index: usize,
        item: Box<AgendaItem>,
    },
    RenameItem {
        id: String,
        title: String,
    },
    /// The planned minutes of an item, and of its clock. `clock_secs` gives
    /// the clock its own timebox instead: the undo of a change made to a
    /// clock that `+`/`-` had already moved off the plan.
    ItemMinutes {
        id: String,
        minutes: u32,
        clock_secs: Option<u32>,
    },
    /// To place `index` of the agenda.
    MoveItem {
        id: String,
        index: usize,
    },
    RemoveItem {
        id: String,
    },
    /// A removed item back at its place, with its clock as it was (the
    /// undo of a remove).
    RestoreItem {
        index: usize,
        item: Box<AgendaItem>,
        clock: Option<Box<Timer>>,
    },
    /// A new group (and axis) at the end; its axis id is chosen by the
    /// sender (`new_axis`).
    AddGroup {
        axis: Box<Axis>,
    },
    RenameGroup {
        axis: String,
        title: String,
    },
    /// Removes a group; one with inputs needs a group to move them to.
    RemoveGroup {
        axis: String,
        inputs_to: Option<String>,
    },
    /// A removed group back at its place (the undo of a remove).
    RestoreGroup(Box<RemovedGroup>),
}

/// What removing a group took away, to put it back.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedGroup {
    pub group_index: usize,
    /// Where its axis was in the workshop (a group imported from an axis
    /// the workshop lacks has none).
    pub axis_index: Option<usize>,
    pub axis: Option<Axis>,
    /// The group with its roster, without its inputs (they went elsewhere).
    pub group: Group,
    /// Its breakout and report-back clocks, by key, as they were: one that
    /// ran still says since when, so the undo can give it back its time.
    pub clocks: Vec<(String, Timer)>,
    /// When it was removed.
    pub removed_at: Timestamp,
    /// Where its inputs went, and which they were, in order.
    pub inputs_to: Option<String>,
    pub inputs: Vec<Uuid>,
}
