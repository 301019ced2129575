//! The ranges a session's durations and times must lie in to be read.
//!
//! A file can say anything: 4294967295 planned minutes, a clock that ran for
//! longer than the universe, a start in the year 9999. Such numbers are not
//! a workshop, and the day's plan added them up until the time library
//! panicked. They are refused when the file is read, naming the field; the
//! plan's arithmetic also saturates, in case a sum of sane numbers still
//! runs off the end.

use jiff::Timestamp;

use super::session::Session;
use super::timer::Timer;

/// The longest timebox a file may plan, and the `m` key accept: a week (a
/// residential course may plan one).
pub const MAX_PLANNED_MINUTES: u32 = 7 * 24 * 60;
/// The most running time a clock may have gathered: a century, far beyond a
/// clock left running while taller stayed closed for a year.
pub const MAX_ACCUMULATED_MS: u64 = 100 * 366 * 24 * 3600 * 1000;
/// Times must fall within these years: no session was written before, and a
/// plan several years long still fits in the time library after.
pub const EARLIEST_YEAR: i16 = 1900;
pub const LATEST_YEAR: i16 = 2999;

/// The first field found out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutOfRange {
    /// A duration above its maximum (in the field's own unit).
    Duration { field: String, value: u64, max: u64 },
    /// A time outside `EARLIEST_YEAR..=LATEST_YEAR`.
    Time { field: String, value: Timestamp },
}

/// Checks every duration and time of the session; the first one out of
/// range is named (a timer's key is quoted with escapes: it comes from the file).
pub fn check(session: &Session) -> Result<(), OutOfRange> {
    let w = &session.workshop;
    let minutes = |field: String, value: u32| {
        if value > MAX_PLANNED_MINUTES {
            Err(OutOfRange::Duration {
                field,
                value: u64::from(value),
                max: u64::from(MAX_PLANNED_MINUTES),
            })
        } else {
            Ok(())
        }
    };
    for (i, item) in w.opening.items.iter().enumerate() {
        minutes(format!("workshop.opening.items[{i}].minutes"), item.minutes)?;
    }
    minutes("workshop.breakout.minutes".into(), w.breakout.minutes)?;
    minutes(
        "workshop.closing.report_minutes".into(),
        w.closing.report_minutes,
    )?;
    minutes(
        "workshop.closing.final_step.minutes".into(),
        w.closing.final_step.minutes,
    )?;
    time("created_at".into(), Some(session.created_at))?;
    time("updated_at".into(), Some(session.updated_at))?;
    time(
        "schedule.planned_start".into(),
        session.schedule.planned_start,
    )?;
    for (key, timer) in &session.schedule.timers {
        check_timer(&format!("schedule.timers[{key:?}]"), timer)?;
    }
    for (g, group) in session.groups.iter().enumerate() {
        for (i, input) in group.inputs.iter().enumerate() {
            let field = |name: &str| format!("groups[{g}].inputs[{i}].{name}");
            time(field("created_at"), Some(input.created_at))?;
            time(field("updated_at"), Some(input.updated_at))?;
            time(field("plenary.updated_at"), input.plenary.updated_at)?;
        }
        time(
            format!("groups[{g}].roster_updated_at"),
            group.roster_updated_at,
        )?;
        let times = &group.roster_times;
        time(
            format!("groups[{g}].roster_times.facilitator"),
            times.facilitator,
        )?;
        time(
            format!("groups[{g}].roster_times.rapporteur"),
            times.rapporteur,
        )?;
        for (kind, map) in [
            ("participants", &times.participants),
            ("removed", &times.removed),
        ] {
            for (key, at) in map {
                time(
                    format!("groups[{g}].roster_times.{kind}[{key:?}]"),
                    Some(*at),
                )?;
            }
        }
    }
    for (i, tomb) in session.deleted.iter().enumerate() {
        time(format!("deleted[{i}].at"), Some(tomb.at))?;
    }
    time("details.updated_at".into(), session.details.updated_at)?;
    for (i, poll) in session.polls.iter().enumerate() {
        time(format!("polls[{i}].opened_at"), Some(poll.opened_at))?;
        time(format!("polls[{i}].closed_at"), poll.closed_at)?;
        time(format!("polls[{i}].revealed_at"), poll.revealed_at)?;
    }
    for (i, event) in session.poll_log.iter().enumerate() {
        time(format!("poll_log[{i}].at"), Some(event.at))?;
    }
    Ok(())
}

fn check_timer(at: &str, timer: &Timer) -> Result<(), OutOfRange> {
    let max_secs = u64::from(MAX_PLANNED_MINUTES) * 60;
    if u64::from(timer.planned_secs) > max_secs {
        return Err(OutOfRange::Duration {
            field: format!("{at}.planned_secs"),
            value: u64::from(timer.planned_secs),
            max: max_secs,
        });
    }
    if timer.accumulated_ms > MAX_ACCUMULATED_MS {
        return Err(OutOfRange::Duration {
            field: format!("{at}.accumulated_ms"),
            value: timer.accumulated_ms,
            max: MAX_ACCUMULATED_MS,
        });
    }
    time(format!("{at}.running_since"), timer.running_since)?;
    time(format!("{at}.first_started_at"), timer.first_started_at)?;
    time(format!("{at}.stopped_at"), timer.stopped_at)?;
    time(format!("{at}.reset_at"), timer.reset_at)
}

fn time(field: String, value: Option<Timestamp>) -> Result<(), OutOfRange> {
    let Some(value) = value else {
        return Ok(());
    };
    // In UTC, as the file writes it.
    let year = value.to_zoned(jiff::tz::TimeZone::UTC).year();
    if (EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(OutOfRange::Time { field, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::TimerId;
    use crate::model::schedule::places::opening;
    use crate::model::workshop::Workshop;

    fn session() -> Session {
        let now = Timestamp::from_second(1_700_000_000).unwrap();
        Session::new("límites", Workshop::default_for("es").unwrap(), now)
    }

    #[test]
    fn a_real_session_is_in_range_and_the_edges_are_named() {
        let mut s = session();
        s.timer_mut(&opening(0))
            .unwrap()
            .start(Timestamp::UNIX_EPOCH);
        assert_eq!(check(&s), Ok(()));

        let mut long = s.clone();
        long.workshop.breakout.minutes = MAX_PLANNED_MINUTES;
        assert_eq!(check(&long), Ok(()), "a week is allowed");
        long.workshop.breakout.minutes = u32::MAX;
        assert!(matches!(
            check(&long),
            Err(OutOfRange::Duration { field, .. }) if field == "workshop.breakout.minutes"
        ));

        let mut far = s.clone();
        far.schedule.planned_start = Some("3000-01-01T00:00:00Z".parse().unwrap());
        assert!(matches!(
            check(&far),
            Err(OutOfRange::Time { field, .. }) if field == "schedule.planned_start"
        ));

        let mut gathered = s;
        gathered.timer_mut(&TimerId::Final).unwrap().accumulated_ms = u64::MAX;
        assert!(matches!(
            check(&gathered),
            Err(OutOfRange::Duration { field, .. })
                if field == "schedule.timers[\"closing/consolidacion\"].accumulated_ms"
        ));
    }
}
