//! The rules of the day's clocks. Clocks change only on purpose: at most one
//! plenary item runs, starting a report-back ends the breakouts, and moving
//! on is an action of its own.

use jiff::Timestamp;

use crate::model::schedule::{RowState, TimerId};
use crate::model::session::Session;

/// Plenary clocks: one item at a time in front of the room.
fn is_plenary(id: &TimerId) -> bool {
    !matches!(id, TimerId::Breakout(_))
}

pub(super) fn start(session: &mut Session, id: &TimerId, now: Timestamp) {
    if is_plenary(id) {
        // Another item in front of the room stops: two ▶ would be two clocks
        // the room reads at once, and a drift that jumps.
        for other in session.timer_ids() {
            if other != *id && is_plenary(&other) && session.is_running(&other) {
                pause(session, &other, now);
            }
        }
    }
    if matches!(id, TimerId::Report(_)) {
        // The groups report back: the breakouts are over, so the day's
        // expected end stops counting their clocks.
        let breakouts: Vec<TimerId> = session.breakout_clocks().collect();
        for breakout in &breakouts {
            pause(session, breakout, now);
        }
        if !session.timer(id).has_started() {
            session.size_report_slots(now);
        }
    }
    if let Some(timer) = session.timer_mut(id) {
        timer.start(now);
    }
}

pub(super) fn pause(session: &mut Session, id: &TimerId, now: Timestamp) {
    if !session.is_running(id) {
        return;
    }
    if let Some(timer) = session.timer_mut(id) {
        timer.pause(now);
    }
    if matches!(id, TimerId::Report(_)) {
        // An overrun is taken from the groups still to report.
        session.size_report_slots(now);
    }
}

pub(super) fn all_groups(session: &mut Session, run: bool, now: Timestamp) {
    let breakouts: Vec<TimerId> = session.breakout_clocks().collect();
    for id in &breakouts {
        if run {
            if !session.is_running(id) {
                start(session, id, now);
            }
        } else {
            pause(session, id, now);
        }
    }
}

/// Moving on: what runs stops and what comes next in the day starts — the
/// next agenda item, the breakouts after the opening, the first report-back
/// after the breakouts, the final step after the last report-back. With
/// nothing running, the first part of the day not yet begun starts. Returns
/// the clock now running, if any.
pub(super) fn next(session: &mut Session, now: Timestamp) -> Option<TimerId> {
    let plan = session.plan(now);
    let running = plan
        .rows
        .iter()
        .position(|row| row.state == RowState::Running);
    let target = match running {
        Some(r) => {
            for id in &plan.rows[r].timers {
                pause(session, id, now);
            }
            plan.rows.get(r + 1)
        }
        None => plan.rows.iter().find(|row| row.state == RowState::Ahead),
    }?;
    let ids = target.timers.clone();
    for id in &ids {
        start(session, id, now);
    }
    ids.first().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::places::{breakout, opening, report};
    use crate::model::workshop::Workshop;

    fn session() -> Session {
        let workshop = Workshop::default_for(crate::i18n::Lang::Es).unwrap();
        Session::new("t", workshop, Timestamp::UNIX_EPOCH)
    }

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap()
    }

    fn running(session: &Session) -> Vec<TimerId> {
        session
            .timer_ids()
            .into_iter()
            .filter(|id| session.is_running(id))
            .collect()
    }

    #[test]
    fn starting_a_plenary_item_stops_the_one_running() {
        let mut s = session();
        start(&mut s, &opening(1), at(0));
        start(&mut s, &opening(2), at(60));
        assert_eq!(running(&s), vec![opening(2)]);
    }

    #[test]
    fn the_first_report_back_ends_the_breakouts() {
        let mut s = session();
        all_groups(&mut s, true, at(0));
        assert_eq!(running(&s).len(), s.groups.len());
        start(&mut s, &report(0), at(600));
        assert_eq!(running(&s), vec![report(0)]);
    }

    /// The breakouts began late and the facilitator cut them short to
    /// report back on time: the time they had left is not owed any more,
    /// so each group gets its planned slot.
    #[test]
    fn report_backs_begun_on_time_get_their_planned_slots() {
        let mut s = session();
        s.schedule.planned_start = Some(at(0));
        // Planned: the closing at 150 minutes, five slots of 10, the final step 15.
        all_groups(&mut s, true, at(70 * 60));
        start(&mut s, &report(0), at(150 * 60));
        for g in 0..s.groups.len() {
            assert_eq!(s.timer(&report(g)).planned_secs, 600, "group {g}");
        }
        assert_eq!(s.plan(at(150 * 60)).drift_minutes(), 0);
    }

    #[test]
    fn next_walks_the_day_in_order() {
        let mut s = session();
        let items = s.workshop.opening.items.len();
        let mut t = 0;
        let mut step = |s: &mut Session| {
            t += 120;
            next(s, at(t))
        };
        assert_eq!(step(&mut s), Some(opening(0)));
        for i in 1..items {
            assert_eq!(step(&mut s), Some(opening(i)));
            assert_eq!(running(&s), vec![opening(i)]);
        }
        assert_eq!(step(&mut s), Some(breakout(0)));
        assert_eq!(running(&s).len(), s.groups.len(), "every group starts");
        assert_eq!(step(&mut s), Some(report(0)));
        assert_eq!(running(&s), vec![report(0)]);
        for g in 1..s.groups.len() {
            assert_eq!(step(&mut s), Some(report(g)));
        }
        assert_eq!(step(&mut s), Some(TimerId::Final));
        assert_eq!(step(&mut s), None, "the day is over");
        assert!(running(&s).is_empty());
    }
}
