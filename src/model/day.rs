//! The day as a session's clocks see it: which clock is which, its label
//! and planned minutes, which one runs, the report-back slots sized to the
//! time left, and the day's plan against its actual times (drift, expected
//! end). Apart from `schedule.rs`, which holds the data a session keeps, so
//! that the session's file knows the schedule without the schedule's rules
//! knowing the session's file the other way round.

use jiff::{SignedDuration, Timestamp};

use super::schedule::{
    BREAKOUT_PREFIX, Clock, DAY_OVER_AFTER, FINAL_PREFIX, ITEM_PREFIX, Plan, REPORT_PREFIX, Row,
    RowState, TimerId,
};
use super::session::Session;
use super::timer::Timer;

impl Session {
    /// The clock of the agenda item at `index`, in the day's order.
    pub fn item_clock(&self, index: usize) -> Option<TimerId> {
        let item = self.workshop.opening.items.get(index)?;
        Some(TimerId::Opening(item.id.clone()))
    }

    /// The breakout clock of the group at `index`, in the day's order.
    pub fn breakout_clock(&self, index: usize) -> Option<TimerId> {
        Some(TimerId::Breakout(self.groups.get(index)?.axis.clone()))
    }

    /// The report-back clock of the group at `index`, in the day's order.
    pub fn report_clock(&self, index: usize) -> Option<TimerId> {
        Some(TimerId::Report(self.groups.get(index)?.axis.clone()))
    }

    fn has_group(&self, axis: &str) -> bool {
        self.groups.iter().any(|g| g.axis == axis)
    }

    fn item(&self, id: &str) -> Option<&crate::model::workshop::AgendaItem> {
        self.workshop
            .opening
            .items
            .iter()
            .find(|item| item.id == id)
    }

    /// The key a timer is saved under; none for an item or a group the
    /// day no longer has.
    pub fn timer_key(&self, id: &TimerId) -> Option<String> {
        self.with_timer_key(id.lent(), str::to_owned)
    }

    /// The key a timer is saved under, lent to `with`: every screen looks
    /// up every clock every second, and a key made on the heap for each
    /// look-up was a tenth of a room clock's tick (`bench/versus-termdown.sh`).
    fn with_timer_key<R>(&self, id: Clock, with: impl FnOnce(&str) -> R) -> Option<R> {
        let (prefix, name) = match id {
            Clock::Opening(item) => (ITEM_PREFIX, self.item(item)?.id.as_str()),
            Clock::Breakout(axis) => (BREAKOUT_PREFIX, self.group_axis(axis)?),
            Clock::Report(axis) => (REPORT_PREFIX, self.group_axis(axis)?),
            Clock::Final => (FINAL_PREFIX, self.workshop.closing.final_step.id.as_str()),
        };
        let mut stack = [0u8; 128];
        let length = prefix.len() + name.len();
        if length > stack.len() {
            return Some(with(&format!("{prefix}{name}")));
        }
        stack[..prefix.len()].copy_from_slice(prefix.as_bytes());
        stack[prefix.len()..length].copy_from_slice(name.as_bytes());
        // Two whole strings one after the other: always UTF-8.
        std::str::from_utf8(&stack[..length]).ok().map(with)
    }

    /// The axis, as the session holds it, of a group the day still has.
    fn group_axis<'a>(&self, axis: &'a str) -> Option<&'a str> {
        self.has_group(axis).then_some(axis)
    }

    /// What a timer is for, in the workshop's words.
    pub fn timer_label(&self, id: &TimerId) -> String {
        let w = &self.workshop;
        match id {
            TimerId::Opening(item) => self.item(item).map_or(String::new(), |i| i.title.clone()),
            TimerId::Breakout(axis) | TimerId::Report(axis) => self
                .groups
                .iter()
                .position(|g| g.axis == *axis)
                .map_or(String::new(), |g| self.group_title(g).to_string()),
            TimerId::Final => w.closing.final_step.title.clone(),
        }
    }

    /// The timebox as the workshop plans it, in minutes.
    pub fn planned_minutes(&self, id: &TimerId) -> u32 {
        self.planned_minutes_of(id.lent())
    }

    fn planned_minutes_of(&self, id: Clock) -> u32 {
        let w = &self.workshop;
        match id {
            Clock::Opening(item) => self.item(item).map_or(0, |item| item.minutes),
            Clock::Breakout(_) => w.breakout.minutes,
            Clock::Report(_) => w.closing.report_minutes,
            Clock::Final => w.closing.final_step.minutes,
        }
    }

    /// The timer as it stands; one never started is the planned timebox.
    pub fn timer(&self, id: &TimerId) -> Timer {
        self.clock_timer(id.lent())
    }

    /// [`timer`](Self::timer) of a lent id.
    pub fn clock_timer(&self, id: Clock) -> Timer {
        self.with_timer_key(id, |key| self.schedule.timers.get(key).cloned())
            .flatten()
            .unwrap_or_else(|| self.planned_timer(id))
    }

    /// The timer to change, created as planned on first use.
    pub fn timer_mut(&mut self, id: &TimerId) -> Option<&mut Timer> {
        let key = self.timer_key(id)?;
        let planned = self.planned_timer(id.lent());
        Some(self.schedule.timers.entry(key).or_insert(planned))
    }

    /// A clock as the workshop plans it: its minutes and, where the
    /// definition sets them, its own warning and danger thresholds.
    fn planned_timer(&self, id: Clock) -> Timer {
        let w = &self.workshop;
        let thresholds = match id {
            Clock::Opening(item) => self.item(item).map(|i| i.thresholds).unwrap_or_default(),
            Clock::Breakout(_) => w.breakout.thresholds,
            Clock::Report(_) => w.closing.thresholds,
            Clock::Final => w.closing.final_step.thresholds,
        };
        let mut timer = Timer::new(self.planned_minutes_of(id));
        timer.warning_percent = thresholds.warning_percent;
        timer.danger_percent = thresholds.danger_percent;
        timer
    }

    /// Every group's breakout clock, in the day's order.
    pub fn breakout_clocks(&self) -> impl Iterator<Item = TimerId> + '_ {
        self.groups
            .iter()
            .map(|g| TimerId::Breakout(g.axis.clone()))
    }

    /// Every group's report-back clock, in the day's order.
    pub fn report_clocks(&self) -> impl Iterator<Item = TimerId> + '_ {
        self.groups.iter().map(|g| TimerId::Report(g.axis.clone()))
    }

    /// Every timer of the day, in agenda order.
    pub fn timer_ids(&self) -> Vec<TimerId> {
        self.clocks().map(Clock::to_id).collect()
    }

    /// Every clock of the day, in agenda order, lent: what a walk over
    /// them every second needs, without a string made for each.
    pub fn clocks(&self) -> impl Iterator<Item = Clock<'_>> {
        (0..self.day_row_count()).flat_map(|row| self.row_clocks(row))
    }

    pub fn is_running(&self, id: &TimerId) -> bool {
        self.timer(id).is_running()
    }

    /// The clock a status line shows while `selected` is the page's: the
    /// one that runs, so reading ahead or back never hides the time of
    /// what is going on. The page's own clock while it runs; else the item
    /// in front of the room; else, while the groups work, the page's own
    /// group clock if it ran, or the breakouts' (the group with the most
    /// time left); with nothing running, the page's own.
    pub fn running_clock(&self, selected: &TimerId, now: Timestamp) -> TimerId {
        if self.is_running(selected) {
            return selected.clone();
        }
        let ids = self.timer_ids();
        let running = |id: &&TimerId| self.is_running(id);
        if let Some(plenary) = ids
            .iter()
            .filter(|id| !matches!(id, TimerId::Breakout(_)))
            .find(running)
        {
            return plenary.clone();
        }
        let breakout = ids
            .iter()
            .filter(|id| matches!(id, TimerId::Breakout(_)))
            .filter(running)
            .max_by_key(|id| self.timer(id).remaining_ms(now));
        match breakout {
            Some(_)
                if matches!(selected, TimerId::Breakout(_))
                    && self.timer(selected).has_started() =>
            {
                selected.clone()
            }
            Some(id) => id.clone(),
            None => selected.clone(),
        }
    }

    /// What comes after this clock's row in the day's plan, in words.
    pub fn next_label(&self, id: &TimerId, _now: Timestamp) -> Option<String> {
        self.row_and_next(id).1
    }

    /// Where the row of this clock stands in the day's plan.
    pub fn row_state(&self, id: &TimerId, _now: Timestamp) -> Option<RowState> {
        self.row_and_next(id).0
    }

    /// The state of this clock's row in the day's plan and the words of the
    /// row after it: `plan(now).state_of(id)` and `.label_after(id)`, from
    /// the clocks of that row and the rows after, without the times of
    /// every row (neither depends on the time). The room's clock asks every
    /// second, and working the whole plan out was a twentieth of a tick's
    /// instructions and a seventh of the code it ran (callgrind).
    pub fn row_and_next(&self, id: &TimerId) -> (Option<RowState>, Option<String>) {
        let Some(at) = self.row_of(id.lent()) else {
            return (None, None);
        };
        let (running, started) = self
            .row_clocks(at)
            .map(|clock| self.clock_timer(clock))
            .fold((false, false), |(running, started), timer| {
                (
                    running || timer.is_running(),
                    started || timer.has_started(),
                )
            });
        let later_started = (at + 1..self.day_row_count())
            .flat_map(|row| self.row_clocks(row))
            .any(|clock| self.clock_timer(clock).has_started());
        let state = state_of_row(running, started, later_started);
        let next = (at + 1 < self.day_row_count()).then(|| self.row_label(at + 1));
        (Some(state), next)
    }

    /// How many rows the day has: each opening item's, the breakout's
    /// (every group's clock in one), each group's report-back, the final.
    fn day_row_count(&self) -> usize {
        self.workshop.opening.items.len() + 1 + self.groups.len() + 1
    }

    /// The clocks of the day's row `row`, lent.
    fn row_clocks(&self, row: usize) -> impl Iterator<Item = Clock<'_>> {
        let items = &self.workshop.opening.items;
        let breakout = items.len();
        let one = match row.checked_sub(breakout + 1) {
            None => items.get(row).map(|item| Clock::Opening(&item.id)),
            Some(report) => match self.groups.get(report) {
                Some(g) => Some(Clock::Report(&g.axis)),
                None => (report == self.groups.len()).then_some(Clock::Final),
            },
        };
        let groups = (row == breakout).then_some(&self.groups);
        one.into_iter().chain(
            groups
                .into_iter()
                .flatten()
                .map(|g| Clock::Breakout(&g.axis)),
        )
    }

    /// The day's row a clock is on; none for one the day no longer has.
    fn row_of(&self, id: Clock) -> Option<usize> {
        let items = &self.workshop.opening.items;
        let group = |axis: &str| self.groups.iter().position(|g| g.axis == axis);
        match id {
            Clock::Opening(item) => items.iter().position(|i| i.id == item),
            Clock::Breakout(axis) => group(axis).map(|_| items.len()),
            Clock::Report(axis) => group(axis).map(|g| items.len() + 1 + g),
            Clock::Final => Some(items.len() + 1 + self.groups.len()),
        }
    }

    /// The words of the day's row `row` (see `day_row_count`).
    fn row_label(&self, row: usize) -> String {
        let w = &self.workshop;
        let items = &w.opening.items;
        match row.checked_sub(items.len() + 1) {
            None => items
                .get(row)
                .map_or(&w.breakout.title, |item| &item.title)
                .clone(),
            Some(report) if report < self.groups.len() => self.group_title(report).to_string(),
            Some(_) => w.closing.final_step.title.clone(),
        }
    }

    /// Whether a clock of the day runs. A clock whose item or group the
    /// facilitator removed, brought back by merging an older file, is not
    /// the day's: it never keeps the screens ticking.
    pub fn any_running(&self) -> bool {
        self.schedule
            .timers
            .iter()
            .any(|(key, timer)| timer.is_running() && self.is_of_the_day(key))
    }

    /// When the day's clocks last started or stopped; none if none ran.
    pub fn last_clock_move(&self) -> Option<Timestamp> {
        self.schedule
            .timers
            .iter()
            .filter(|(key, _)| self.is_of_the_day(key))
            .filter_map(|(_, timer)| timer.last_activity())
            .max()
    }

    /// The moment the day's plan is read at: `now` while the day lasts. A
    /// day is past when nothing runs and its clocks last moved (or, none
    /// ran, it was planned to start) `DAY_OVER_AFTER` ago or more; it is then
    /// read at that moment, so its drift and expected end are the ones
    /// that day had, never the years since it (a session reopened later,
    /// the example file).
    pub fn day_moment(&self, now: Timestamp) -> Timestamp {
        if self.any_running() {
            return now;
        }
        match self.last_clock_move().or(self.schedule.planned_start) {
            Some(last) if now.duration_since(last) >= DAY_OVER_AFTER => last,
            _ => now,
        }
    }

    /// Whether the day's plan is a past day's (see `day_moment`).
    pub fn day_is_past(&self, now: Timestamp) -> bool {
        self.day_moment(now) != now
    }

    /// Whether a timer key names an item, a group or the final step the
    /// day still has.
    fn is_of_the_day(&self, key: &str) -> bool {
        let w = &self.workshop;
        let group = |axis: &str| self.groups.iter().any(|g| g.axis == axis);
        match key.split_once('/') {
            Some(("opening", id)) => w.opening.items.iter().any(|i| i.id == id),
            Some(("breakout" | "report", axis)) => group(axis),
            Some(("closing", id)) => w.closing.final_step.id == id,
            _ => false,
        }
    }

    /// Changes the planned minutes of a timebox in the session's workshop,
    /// and the timebox of its clocks.
    pub fn set_planned_minutes(&mut self, id: &TimerId, minutes: u32) {
        let w = &mut self.workshop;
        match id {
            TimerId::Opening(item) => {
                if let Some(item) = w.opening.items.iter_mut().find(|i| i.id == *item) {
                    item.minutes = minutes;
                }
            }
            TimerId::Breakout(_) => w.breakout.minutes = minutes,
            TimerId::Report(_) => w.closing.report_minutes = minutes,
            TimerId::Final => w.closing.final_step.minutes = minutes,
        }
        let shared: Vec<TimerId> = match id {
            TimerId::Breakout(_) => self.breakout_clocks().collect(),
            TimerId::Report(_) => self.report_clocks().collect(),
            other => vec![other.clone()],
        };
        // The clocks follow, running ones too: the plan and the clock on
        // the wall must say the same.
        for id in shared {
            if let Some(key) = self.timer_key(&id)
                && let Some(timer) = self.schedule.timers.get_mut(&key)
            {
                timer.set_planned_minutes(minutes);
            }
        }
    }

    /// Sizes the report-back slots not yet started to share equally the
    /// time left before the planned end of the day (keeping the final step's
    /// time), so an overrun is absorbed by the groups still to come. A slot
    /// never grows past its planned minutes: when the day runs ahead, the
    /// time in hand shows as the schedule's drift, and each clock still
    /// counts what the group was promised, so its warnings mean something.
    pub fn size_report_slots(&mut self, now: Timestamp) {
        let waiting: Vec<TimerId> = self
            .report_clocks()
            .filter(|id| !self.timer(id).has_started())
            .collect();
        if waiting.is_empty() {
            return;
        }
        let plan = self.plan(now);
        // What still runs or may resume owes its time first: of the closing
        // only, since the report-backs begin as they are sized (a breakout
        // just paused by the first one owes nothing).
        let closing = |row: &&Row| {
            row.timers
                .iter()
                .any(|id| matches!(id, TimerId::Report(_) | TimerId::Final))
        };
        let busy_until = plan
            .rows
            .iter()
            .filter(closing)
            .filter(|row| matches!(row.state, RowState::Running | RowState::Paused))
            .map(|row| row.expected_end)
            .fold(now, Timestamp::max);
        let final_secs = i64::from(self.timer(&TimerId::Final).planned_secs);
        let left = plan.planned_end.duration_since(busy_until).as_secs() - final_secs;
        let planned = i64::from(self.workshop.closing.report_minutes);
        // A day planned long ago has no time left to share: the slots keep
        // their planned minutes.
        let share = match plan.planned_day_is_over() {
            true => planned,
            false => left / 60 / waiting.len() as i64,
        }
        .clamp(1, planned.max(1));
        let minutes = u32::try_from(share).unwrap_or(u32::MAX);
        for id in waiting {
            if let Some(timer) = self.timer_mut(&id) {
                timer.set_planned_minutes(minutes);
            }
        }
    }

    /// Planned, actual and expected times of every row of the day.
    pub fn plan(&self, now: Timestamp) -> Plan {
        let rows: Vec<(String, Vec<TimerId>)> = (0..self.day_row_count())
            .map(|row| {
                let ids = self.row_clocks(row).map(Clock::to_id).collect();
                (self.row_label(row), ids)
            })
            .collect();

        let first_start = self
            .schedule
            .timers
            .values()
            .filter_map(|t| t.first_started_at)
            .min();
        let anchor = self.schedule.planned_start.or(first_start).unwrap_or(now);
        let timers: Vec<Vec<Timer>> = rows
            .iter()
            .map(|(_, ids)| ids.iter().map(|id| self.timer(id)).collect())
            .collect();
        let started = |r: usize| timers[r].iter().any(Timer::has_started);
        let last_started = (0..rows.len()).rev().find(|r| started(*r));
        let mut planned_cursor = anchor;
        let mut expected_cursor = anchor;
        let mut out = Vec::with_capacity(rows.len());
        for (r, (label, ids)) in rows.into_iter().enumerate() {
            let timers = &timers[r];
            let planned = SignedDuration::from_mins(i64::from(
                ids.first().map_or(0, |id| self.planned_minutes(id)),
            ));
            let planned_start = planned_cursor;
            let planned_end = later(planned_start, planned);
            planned_cursor = planned_end;

            let actual_start = timers.iter().filter_map(|t| t.first_started_at).min();
            let later_started = last_started.is_some_and(|last| last > r);
            let state = state_of_row(
                timers.iter().any(Timer::is_running),
                timers.iter().any(Timer::has_started),
                later_started,
            );
            let actual_end = match state {
                RowState::Done => timers.iter().filter_map(|t| t.stopped_at).max(),
                _ => None,
            };
            // Time still owed from now: by the clocks that run, or, when all
            // are paused, by every started one (it may resume). A parallel
            // group that stopped while others work counts as finished.
            let running = state == RowState::Running;
            let owed = || {
                timers
                    .iter()
                    .filter(|t| {
                        if running {
                            t.is_running()
                        } else {
                            t.has_started()
                        }
                    })
                    .map(|t| later(now, SignedDuration::from_millis(t.remaining_ms(now).max(0))))
                    .fold(now, Timestamp::max)
            };
            let (expected_start, expected_end) = match state {
                RowState::Done => {
                    let start = actual_start.unwrap_or(expected_cursor);
                    (start, actual_end.unwrap_or(start))
                }
                RowState::Running | RowState::Paused => (actual_start.unwrap_or(now), owed()),
                RowState::Skipped => (expected_cursor, expected_cursor),
                RowState::Ahead => {
                    let start = expected_cursor.max(now);
                    let timebox = timers.iter().map(|t| t.planned_secs).max().unwrap_or(0);
                    (
                        start,
                        later(start, SignedDuration::from_secs(i64::from(timebox))),
                    )
                }
            };
            expected_cursor = expected_cursor.max(expected_end);
            out.push(Row {
                label,
                timers: ids,
                planned_start,
                planned_end,
                actual_start,
                actual_end,
                expected_start,
                expected_end,
                state,
            });
        }
        Plan {
            rows: out,
            planned_end: planned_cursor,
            expected_end: expected_cursor,
            read_at: now,
        }
    }
}

/// Where a row of the day stands, by whether a clock of it runs, one has
/// started, and a later row's clock has started.
fn state_of_row(running: bool, started: bool, later_started: bool) -> RowState {
    match (running, started, later_started) {
        (true, _, _) => RowState::Running,
        (false, true, true) => RowState::Done,
        (false, true, false) => RowState::Paused,
        (false, false, true) => RowState::Skipped,
        (false, false, false) => RowState::Ahead,
    }
}

/// `at` moved on by `by`, stopping at the last instant the time library
/// knows: files are checked on load, but a plan of many long items from
/// a late start must still be drawn, never a panic.
fn later(at: Timestamp, by: SignedDuration) -> Timestamp {
    at.saturating_add(by).unwrap_or(Timestamp::MAX)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::places::{breakout, opening, report};
    use crate::model::workshop::Workshop;

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + minute * 60).unwrap()
    }

    fn session() -> Session {
        Session::new("horario", Workshop::default_for("es").unwrap(), at(0))
    }

    fn start(s: &mut Session, id: TimerId, minute: i64) {
        s.timer_mut(&id).unwrap().start(at(minute));
    }

    fn stop(s: &mut Session, id: TimerId, minute: i64) {
        s.timer_mut(&id).unwrap().pause(at(minute));
    }

    /// The room's clock reads its row from `row_and_next`, the schedule
    /// from the whole plan: both say the same of every clock, whatever
    /// has run, paused or been skipped.
    #[test]
    fn a_clocks_row_is_what_the_whole_plan_says() {
        let mut s = session();
        let same = |s: &Session, now: Timestamp| {
            let plan = s.plan(now);
            let mut ids = s.timer_ids();
            ids.push(TimerId::Opening("no-such-item".into()));
            for id in ids {
                let expected = (plan.state_of(&id), plan.label_after(&id).map(str::to_owned));
                assert_eq!(s.row_and_next(&id), expected, "{id:?}");
                assert_eq!(s.row_state(&id, now), expected.0);
                assert_eq!(s.next_label(&id, now), expected.1);
            }
        };
        same(&s, at(0));
        start(&mut s, opening(0), 0);
        same(&s, at(3));
        stop(&mut s, opening(0), 5);
        same(&s, at(6));
        start(&mut s, opening(2), 6);
        same(&s, at(7));
        stop(&mut s, opening(2), 8);
        for g in 0..s.groups.len() {
            start(&mut s, breakout(g), 60);
        }
        stop(&mut s, breakout(0), 70);
        same(&s, at(71));
        start(&mut s, report(1), 160);
        same(&s, at(161));
        start(&mut s, TimerId::Final, 200);
        same(&s, at(201));
    }

    #[test]
    fn a_day_not_started_is_planned_from_now_and_on_time() {
        let s = session();
        let plan = s.plan(at(0));
        // 4 opening items, the breakout, 5 report-backs, the final step.
        assert_eq!(plan.rows.len(), 4 + 1 + 5 + 1);
        assert_eq!(plan.rows[0].planned_start, at(0));
        assert_eq!(plan.rows[1].planned_start, at(20));
        assert_eq!(plan.planned_end, at(20 + 15 + 15 + 10 + 90 + 50 + 15));
        assert_eq!(plan.drift_minutes(), 0);
        assert!(plan.rows.iter().all(|r| r.state == RowState::Ahead));
    }

    #[test]
    fn an_overrun_flows_into_everything_after_it() {
        let mut s = session();
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 27);
        start(&mut s, opening(1), 27);
        let plan = s.plan(at(27));
        assert_eq!(plan.rows[0].state, RowState::Done);
        assert_eq!(plan.rows[0].actual_end, Some(at(27)));
        assert_eq!(plan.rows[1].expected_start, at(27));
        assert_eq!(plan.rows[1].planned_start, at(20));
        assert_eq!(plan.drift_minutes(), 7, "+7 min late");
    }

    #[test]
    fn a_running_item_in_overtime_pushes_the_day_as_it_goes() {
        let mut s = session();
        start(&mut s, opening(0), 0);
        assert_eq!(s.plan(at(10)).drift_minutes(), 0, "in time");
        let plan = s.plan(at(25));
        assert_eq!(plan.rows[0].state, RowState::Running);
        assert_eq!(plan.rows[0].expected_end, at(25));
        assert_eq!(plan.drift_minutes(), 5);
    }

    #[test]
    fn finishing_early_brings_the_day_forward_but_never_into_the_past() {
        let mut s = session();
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 12);
        start(&mut s, opening(1), 12);
        let plan = s.plan(at(12));
        assert_eq!(plan.rows[0].state, RowState::Done);
        assert_eq!(plan.rows[1].expected_start, at(12));
        assert_eq!(plan.drift_minutes(), -8);
        stop(&mut s, opening(1), 13);
        start(&mut s, opening(2), 13);
        stop(&mut s, opening(2), 14);
        let later = s.plan(at(40));
        assert_eq!(
            later.rows[2].state,
            RowState::Paused,
            "the last one touched may resume"
        );
        assert_eq!(
            later.rows[3].expected_start,
            at(54),
            "its 14 minutes left count from now"
        );
    }

    #[test]
    fn a_pause_keeps_its_time_left_and_a_skipped_item_says_so() {
        let mut s = session();
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 5);
        let plan = s.plan(at(5));
        assert_eq!(plan.rows[0].state, RowState::Paused);
        assert_eq!(plan.rows[0].expected_end, at(20), "15 minutes still owed");
        assert_eq!(plan.drift_minutes(), 0, "a pause is not a gain");
        start(&mut s, opening(2), 5);
        let plan = s.plan(at(6));
        assert_eq!(plan.rows[0].state, RowState::Done);
        assert_eq!(plan.rows[1].state, RowState::Skipped);
    }

    #[test]
    fn parallel_groups_make_one_row_that_ends_with_the_last_group() {
        let mut s = session();
        let row = 4;
        for g in 0..5 {
            start(&mut s, breakout(g), 60);
        }
        stop(&mut s, breakout(0), 140);
        let plan = s.plan(at(150));
        assert_eq!(
            plan.rows[row].state,
            RowState::Running,
            "four groups still work"
        );
        assert_eq!(
            plan.rows[row].expected_end,
            at(150),
            "a group that stopped early owes nothing"
        );
        for g in 1..5 {
            stop(&mut s, breakout(g), 155);
        }
        assert_eq!(s.plan(at(155)).rows[row].state, RowState::Paused);
        start(&mut s, report(0), 156);
        let plan = s.plan(at(156));
        assert_eq!(plan.rows[row].state, RowState::Done);
        assert_eq!(plan.rows[row].actual_end, Some(at(155)));
    }

    #[test]
    fn report_slots_share_the_time_left_and_absorb_an_overrun() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        // Planned: closing starts at 150, five slots of 10, final step 15, end 215.
        s.size_report_slots(at(160));
        let minutes = |s: &Session, g| s.timer(&report(g)).planned_secs / 60;
        assert_eq!(minutes(&s, 0), 8, "40 minutes left for five groups");
        start(&mut s, report(0), 160);
        stop(&mut s, report(0), 172);
        s.size_report_slots(at(172));
        assert_eq!(minutes(&s, 0), 8, "a slot already used keeps its size");
        assert_eq!(minutes(&s, 1), 7, "28 minutes left for four groups");
    }

    /// The rehearsal's day: a quick morning, then groups that report back in
    /// a few minutes each. Sharing the time in hand made the slots 24, 25,
    /// 33, 45 and 78 minutes long; each clock keeps its planned 10, and the
    /// time in hand is the schedule's drift.
    #[test]
    fn report_slots_never_grow_when_the_day_runs_ahead() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        // Planned: the opening 60 minutes, the breakouts 90, the closing at 150.
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 30);
        for g in 0..5 {
            start(&mut s, breakout(g), 30);
            stop(&mut s, breakout(g), 90);
        }
        let minutes = |s: &Session, g| s.timer(&report(g)).planned_secs / 60;
        let mut t = 90;
        for g in 0..5 {
            // As the clocks do: a slot is sized when its group begins and
            // when the one before it stops.
            s.size_report_slots(at(t));
            start(&mut s, report(g), t);
            t += 3;
            stop(&mut s, report(g), t);
            s.size_report_slots(at(t));
            for h in 0..5 {
                assert_eq!(
                    minutes(&s, h),
                    10,
                    "group {h}'s slot after group {g} reported"
                );
            }
        }
        start(&mut s, TimerId::Final, t);
        let plan = s.plan(at(t));
        // 15 minutes of reports instead of 50, 60 of breakouts instead of 90,
        // 30 of opening instead of 60; the final step keeps its 15.
        assert_eq!(plan.expected_end, at(t + 15));
        assert_eq!(plan.drift_minutes(), -(35 + 30 + 30));
        assert_eq!(
            crate::i18n::Lang::Es.drift(plan.drift_minutes()),
            "95 min de adelanto"
        );
    }

    #[test]
    fn a_slot_shrunk_by_an_overrun_grows_back_no_further_than_planned() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        // The closing planned at 150: 50 minutes of reports, 15 of final step.
        s.size_report_slots(at(180));
        assert_eq!(
            s.timer(&report(0)).planned_secs / 60,
            4,
            "20 minutes for five"
        );
        // A longer day (the final step shortened) gives back time: never more than planned.
        s.set_planned_minutes(&TimerId::Final, 1);
        s.workshop.breakout.minutes = 200;
        s.size_report_slots(at(180));
        assert_eq!(s.timer(&report(0)).planned_secs / 60, 10);
    }

    #[test]
    fn a_past_day_is_read_when_its_clocks_stopped() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        assert_eq!(s.day_moment(at(5)), at(5), "planned, not begun: today");
        assert_eq!(
            s.day_moment(at(13 * 60)),
            at(0),
            "planned long ago, never run"
        );
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 27);
        assert_eq!(
            s.day_moment(at(600)),
            at(600),
            "a long lunch is still the day"
        );
        let years = 3 * 365 * 24 * 60;
        assert!(s.day_is_past(at(years)));
        assert_eq!(s.day_moment(at(years)), at(27));
        assert_eq!(s.plan(s.day_moment(at(years))).drift_minutes(), 7);
        start(&mut s, opening(1), years);
        assert_eq!(s.day_moment(at(years + 1)), at(years + 1), "a clock runs");
    }

    #[test]
    fn the_clock_shown_is_the_one_that_runs() {
        let mut s = session();
        let third = opening(2);
        assert_eq!(s.running_clock(&third, at(0)), third, "nothing runs");
        start(&mut s, opening(1), 0);
        assert_eq!(s.running_clock(&third, at(1)), opening(1));
        assert_eq!(s.running_clock(&report(2), at(1)), opening(1));
        stop(&mut s, opening(1), 2);
        for g in 0..5 {
            start(&mut s, breakout(g), 2);
        }
        stop(&mut s, breakout(3), 40);
        s.timer_mut(&breakout(1)).unwrap().add_minutes(10);
        assert_eq!(
            s.running_clock(&report(0), at(41)),
            breakout(1),
            "the breakouts' clock: the group with the most time left"
        );
        assert_eq!(
            s.running_clock(&breakout(3), at(41)),
            breakout(3),
            "a group's page keeps its own clock, stopped as it is"
        );
        start(&mut s, TimerId::Final, 42);
        assert_eq!(s.running_clock(&breakout(3), at(43)), TimerId::Final);
        assert_eq!(s.running_clock(&breakout(0), at(43)), breakout(0));
    }

    /// An old session's clocks run again today: its plan is of a day long
    /// over, so no drift counts the years between, and the report-back
    /// slots keep their planned minutes instead of sharing a time left that
    /// ran out long ago.
    #[test]
    fn clocks_run_again_on_a_long_past_day_show_no_drift_and_keep_their_slots() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        start(&mut s, opening(0), 0);
        stop(&mut s, opening(0), 27);
        assert_eq!(s.plan(at(27)).drift(), Some(7), "on the day itself");
        let years = 3 * 365 * 24 * 60;
        s.size_report_slots(at(years));
        start(&mut s, report(0), years);
        assert_eq!(s.timer(&report(4)).planned_secs, 600);
        let plan = s.plan(at(years + 1));
        assert!(plan.drift_minutes() > 1_000_000, "the years between");
        assert_eq!(plan.drift(), None);
    }

    #[test]
    fn report_slots_never_shrink_below_a_minute() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        s.size_report_slots(at(400));
        assert_eq!(s.timer(&report(4)).planned_secs, 60);
    }

    #[test]
    fn editing_planned_minutes_moves_the_plan_and_unstarted_timers() {
        let mut s = session();
        s.timer_mut(&breakout(2)).unwrap();
        s.set_planned_minutes(&breakout(0), 120);
        assert_eq!(s.timer(&breakout(2)).planned_secs, 7200);
        assert_eq!(s.workshop.breakout.minutes, 120);
        start(&mut s, opening(1), 0);
        s.set_planned_minutes(&opening(1), 30);
        assert_eq!(
            s.timer(&opening(1)).planned_secs,
            30 * 60,
            "a running clock follows the plan"
        );
    }

    #[test]
    fn an_item_can_set_its_own_thresholds() {
        let mut s = session();
        s.workshop.opening.items[0].thresholds.warning_percent = Some(50);
        start(&mut s, opening(0), 0);
        let timer = s.timer(&opening(0));
        assert_eq!(timer.warning_percent, Some(50));
        assert_eq!(
            timer.phase(at(10)),
            crate::model::timer::Phase::Warning,
            "half of 20 minutes left"
        );
        assert_eq!(
            s.timer(&opening(1)).warning_percent,
            None,
            "the others keep the default"
        );
    }

    #[test]
    fn timers_are_keyed_by_stable_ids() {
        let s = session();
        assert_eq!(s.timer_key(&opening(0)).unwrap(), "opening/antecedentes");
        assert_eq!(s.timer_key(&breakout(1)).unwrap(), "breakout/operaciones");
        assert_eq!(s.timer_key(&report(4)).unwrap(), "report/prevencion");
        assert_eq!(
            s.timer_key(&TimerId::Final).unwrap(),
            "closing/consolidacion"
        );
        assert_eq!(s.timer_key(&TimerId::Report("no-such-axis".into())), None);
    }

    #[test]
    fn a_plan_that_runs_off_the_end_of_time_is_drawn_not_a_panic() {
        // Past what a file may hold: the plan's arithmetic itself must hold.
        let mut s = session();
        s.schedule.planned_start = Some(Timestamp::MAX - SignedDuration::from_hours(1));
        for item in &mut s.workshop.opening.items {
            item.minutes = u32::MAX;
        }
        s.workshop.breakout.minutes = u32::MAX;
        let plan = s.plan(Timestamp::MAX - SignedDuration::from_hours(2));
        assert_eq!(plan.planned_end, Timestamp::MAX);
        s.size_report_slots(Timestamp::MAX - SignedDuration::from_hours(2));
    }

    #[test]
    fn a_running_clock_of_a_removed_item_does_not_keep_the_day_running() {
        let mut s = session();
        let key = s.timer_key(&opening(2)).unwrap();
        start(&mut s, opening(2), 0);
        assert!(s.any_running());
        // The item is gone; an older file merged in brought its clock back.
        s.workshop.opening.items.remove(2);
        assert!(s.schedule.timers.contains_key(&key));
        assert!(!s.any_running());
        start(&mut s, TimerId::Final, 1);
        assert!(s.any_running());
    }
}
