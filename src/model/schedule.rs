//! The day's schedule: one timer per agenda item, breakout group and
//! report-back slot; planned against actual; the drift and the expected end.
//!
//! "Planned" is the workshop definition (the session's copy, whose minutes
//! the facilitator may edit). A timer's own timebox may differ from it (`+`,
//! `-`, report slots sized to the time left); that is what "expected" uses.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::timer::Timer;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// When the day was planned to start; without it, the first timer started anchors the plan.
    #[serde(default)]
    pub planned_start: Option<Timestamp>,
    /// Moving to the next item while the current one runs starts the next one's timer.
    #[serde(default = "yes")]
    pub auto_start: bool,
    /// Ring the terminal bell at warning and at zero.
    #[serde(default = "yes")]
    pub bell: bool,
    /// Timers by key (see `TimerId::key`); absent means not started, planned as defined.
    #[serde(default)]
    pub timers: BTreeMap<String, Timer>,
}

fn yes() -> bool {
    true
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule {
            planned_start: None,
            auto_start: true,
            bell: true,
            timers: BTreeMap::new(),
        }
    }
}

/// How long after its clocks last moved a day is over: longer than any
/// pause of a workshop day, shorter than the night before the next one.
pub const DAY_OVER_AFTER: SignedDuration = SignedDuration::from_hours(12);

/// Which timebox: an opening agenda item's (by the item's id), a group's
/// breakout or report-back (by the group's axis), or the closing's final
/// step. Named as the file keys clocks (`TimerId::key`), never by place: a
/// clock asked for stays that clock whatever the facilitator adds, moves or
/// removes meanwhile.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimerId {
    Opening(String),
    Breakout(String),
    Report(String),
    Final,
}
/// A [`TimerId`] lent by the session rather than owned: walking the day's
/// clocks, as every screen does every second, makes no string of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock<'a> {
    Opening(&'a str),
    Breakout(&'a str),
    Report(&'a str),
    Final,
}

impl TimerId {
    /// This id, lent.
    pub fn lent(&self) -> Clock<'_> {
        match self {
            TimerId::Opening(item) => Clock::Opening(item),
            TimerId::Breakout(axis) => Clock::Breakout(axis),
            TimerId::Report(axis) => Clock::Report(axis),
            TimerId::Final => Clock::Final,
        }
    }
}

impl Clock<'_> {
    /// The id, owned.
    pub fn to_id(self) -> TimerId {
        match self {
            Clock::Opening(item) => TimerId::Opening(item.to_owned()),
            Clock::Breakout(axis) => TimerId::Breakout(axis.to_owned()),
            Clock::Report(axis) => TimerId::Report(axis.to_owned()),
            Clock::Final => TimerId::Final,
        }
    }
}

/// Where a row of the schedule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    /// Started, stopped, and a later row has started since: over.
    Done,
    Running,
    /// Started and stopped, with nothing later started: it may resume, so
    /// its time left still counts.
    Paused,
    /// Never started, though a later row has: passed over.
    Skipped,
    Ahead,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// The timers behind the row (all groups for the breakout row).
    pub timers: Vec<TimerId>,
    pub planned_start: Timestamp,
    pub planned_end: Timestamp,
    pub actual_start: Option<Timestamp>,
    pub actual_end: Option<Timestamp>,
    /// For rows still ahead or running: when they should now start and end.
    pub expected_start: Timestamp,
    pub expected_end: Timestamp,
    pub state: RowState,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub rows: Vec<Row>,
    pub planned_end: Timestamp,
    pub expected_end: Timestamp,
    /// The moment it was read at.
    pub read_at: Timestamp,
}

impl Plan {
    /// Where the row of this clock stands.
    pub fn state_of(&self, id: &TimerId) -> Option<RowState> {
        self.rows
            .iter()
            .find(|row| row.timers.contains(id))
            .map(|row| row.state)
    }

    /// What comes after this clock's row, in words.
    pub fn label_after(&self, id: &TimerId) -> Option<&str> {
        let at = self.rows.iter().position(|row| row.timers.contains(id))?;
        self.rows.get(at + 1).map(|row| row.label.as_str())
    }

    /// Positive when late, negative when early, in whole minutes (rounded toward zero).
    pub fn drift_minutes(&self) -> i64 {
        self.expected_end.duration_since(self.planned_end).as_secs() / 60
    }

    /// Whether the day it plans ended long before it was read: clocks run
    /// again on an old session (the example's day of 2018, tried today).
    /// Its drift would count the years between, so none is shown.
    pub fn planned_day_is_over(&self) -> bool {
        self.read_at.duration_since(self.planned_end) >= DAY_OVER_AFTER
    }

    /// The drift, when the day it plans is the day it is read on.
    pub fn drift(&self) -> Option<i64> {
        (!self.planned_day_is_over()).then(|| self.drift_minutes())
    }
}

/// The key an agenda item's clock is saved under: by its id, so the clock
/// stays with the item wherever the agenda moves it.
pub fn item_key(id: &str) -> String {
    format!("{ITEM_PREFIX}{id}")
}

/// The key of a group's breakout clock, by the group's axis.
pub fn breakout_key(axis: &str) -> String {
    format!("{BREAKOUT_PREFIX}{axis}")
}

/// The key of a group's report-back clock, by the group's axis.
pub fn report_key(axis: &str) -> String {
    format!("{REPORT_PREFIX}{axis}")
}

/// How the keys clocks are saved under begin: the kind of clock, then
/// the item's id or the group's axis (`report/prevencion`).
pub const ITEM_PREFIX: &str = "opening/";
pub const BREAKOUT_PREFIX: &str = "breakout/";
pub const REPORT_PREFIX: &str = "report/";
pub const FINAL_PREFIX: &str = "closing/";

/// Clocks named by their place in the built-in workshop's day, for tests
/// that walk a day laid out as that workshop lays it out.
#[cfg(test)]
pub(crate) mod places {
    use super::TimerId;
    use crate::model::workshop::Workshop;

    fn workshop() -> Workshop {
        Workshop::default_for("es").expect("the built-in workshop")
    }

    /// The clock of the built-in agenda's item `index`.
    pub fn opening(index: usize) -> TimerId {
        TimerId::Opening(workshop().opening.items[index].id.clone())
    }

    /// The breakout clock of the built-in workshop's group `index`.
    pub fn breakout(index: usize) -> TimerId {
        TimerId::Breakout(workshop().breakout.axes[index].id.clone())
    }

    /// The report-back clock of the built-in workshop's group `index`.
    pub fn report(index: usize) -> TimerId {
        TimerId::Report(workshop().breakout.axes[index].id.clone())
    }
}
