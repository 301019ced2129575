//! Timeboxes as wall-clock facts: when a timer started running and how much
//! time it had gathered before. What remains is computed when asked, so a
//! timer survives a restart and never drifts.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Warning when this share of the planned time is left.
pub const DEFAULT_WARNING_PERCENT: u8 = 20;
/// Danger when this share is left, or in the last minute, whichever comes first.
pub const DEFAULT_DANGER_PERCENT: u8 = 5;
const LAST_MINUTE_MS: i64 = 60_000;
/// `-` never takes a timebox below one minute.
const MIN_PLANNED_SECS: u32 = 60;
/// Nor `+` above a whole day.
const MAX_PLANNED_SECS: u32 = 24 * 3600;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// Planned length, in seconds; `+`/`-` and the schedule adjust it.
    pub planned_secs: u32,
    /// Running time gathered before `running_since`, in milliseconds.
    #[serde(default)]
    pub accumulated_ms: u64,
    /// Set while running.
    #[serde(default)]
    pub running_since: Option<Timestamp>,
    /// When it first started: the item's actual start.
    #[serde(default)]
    pub first_started_at: Option<Timestamp>,
    /// When it was last paused or stopped: the item's actual end.
    #[serde(default)]
    pub stopped_at: Option<Timestamp>,
    #[serde(default)]
    pub warning_percent: Option<u8>,
    #[serde(default)]
    pub danger_percent: Option<u8>,
    /// Schema 4: when it was last reset, so a reset made after another
    /// laptop's run beats that run when the files are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<Timestamp>,
}

/// How much of its timebox a timer has used, as the room should see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    NotStarted,
    Normal,
    Warning,
    Danger,
    Overtime,
}

impl Timer {
    pub fn new(planned_minutes: u32) -> Timer {
        Timer {
            planned_secs: planned_secs(planned_minutes),
            accumulated_ms: 0,
            running_since: None,
            first_started_at: None,
            stopped_at: None,
            warning_percent: None,
            danger_percent: None,
            reset_at: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn has_started(&self) -> bool {
        self.first_started_at.is_some()
    }

    /// The last time it started, paused or stopped; none if it never ran.
    pub fn last_activity(&self) -> Option<Timestamp> {
        [self.first_started_at, self.stopped_at, self.running_since]
            .into_iter()
            .flatten()
            .max()
    }

    /// Running time so far. A clock set backwards counts as no time, never negative.
    pub fn elapsed_ms(&self, now: Timestamp) -> u64 {
        let running = self.running_since.map_or(0, |since| {
            let ms = now.duration_since(since).as_millis();
            u64::try_from(ms.max(0)).unwrap_or(u64::MAX)
        });
        self.accumulated_ms.saturating_add(running)
    }

    /// Time left in milliseconds; negative in overtime.
    pub fn remaining_ms(&self, now: Timestamp) -> i64 {
        let planned = i64::from(self.planned_secs) * 1000;
        planned - i64::try_from(self.elapsed_ms(now)).unwrap_or(i64::MAX)
    }

    pub fn start(&mut self, now: Timestamp) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
            self.first_started_at.get_or_insert(now);
            self.stopped_at = None;
        }
    }

    pub fn pause(&mut self, now: Timestamp) {
        if self.running_since.is_some() {
            self.accumulated_ms = self.elapsed_ms(now);
            self.running_since = None;
            self.stopped_at = Some(now);
        }
    }

    /// `+`/`-`: whole minutes on the planned length, within one minute and one day.
    pub fn add_minutes(&mut self, minutes: i32) {
        let secs = i64::from(self.planned_secs) + i64::from(minutes) * 60;
        self.planned_secs =
            secs.clamp(i64::from(MIN_PLANNED_SECS), i64::from(MAX_PLANNED_SECS)) as u32;
    }

    /// The timebox in whole minutes, rounded to the nearest.
    pub fn planned_minutes(&self) -> u32 {
        (self.planned_secs + 30) / 60
    }

    pub fn set_planned_minutes(&mut self, minutes: u32) {
        self.planned_secs = planned_secs(minutes);
    }

    /// Back to not started; the planned length stays, and when it was
    /// reset is kept (see `last_change`).
    pub fn reset(&mut self, now: Timestamp) {
        *self = Timer {
            planned_secs: self.planned_secs,
            warning_percent: self.warning_percent,
            danger_percent: self.danger_percent,
            reset_at: Some(now),
            ..Timer::new(0)
        };
    }

    /// The last time anybody did something with this clock: started,
    /// paused, stopped or reset it. Merging keeps the copy changed last.
    pub fn last_change(&self) -> Option<Timestamp> {
        self.last_activity().max(self.reset_at)
    }

    pub fn phase(&self, now: Timestamp) -> Phase {
        if !self.has_started() {
            return Phase::NotStarted;
        }
        let planned = i64::from(self.planned_secs) * 1000;
        let remaining = self.remaining_ms(now);
        let share = |percent: Option<u8>, default: u8| {
            planned * i64::from(percent.unwrap_or(default).min(100)) / 100
        };
        if remaining < 0 {
            Phase::Overtime
        } else if remaining
            <= share(self.danger_percent, DEFAULT_DANGER_PERCENT).max(LAST_MINUTE_MS)
        {
            Phase::Danger
        } else if remaining <= share(self.warning_percent, DEFAULT_WARNING_PERCENT) {
            Phase::Warning
        } else {
            Phase::Normal
        }
    }

    /// `mm:ss` left (`h:mm:ss` from an hour), or `+mm:ss` over time: never a negative number.
    pub fn display(&self, now: Timestamp) -> String {
        let remaining = self.remaining_ms(now);
        if remaining >= 0 {
            // Rounded up: "00:00" only once the time is really over.
            clock((remaining as u64).div_ceil(1000))
        } else {
            // Rounded up too: the first moment over shows "+00:01", never "+00:00".
            format!("+{}", clock(remaining.unsigned_abs().div_ceil(1000)))
        }
    }
}

/// Minutes as a timebox in seconds, within one minute and one day.
fn planned_secs(minutes: u32) -> u32 {
    minutes
        .saturating_mul(60)
        .clamp(MIN_PLANNED_SECS, MAX_PLANNED_SECS)
}

/// Seconds as `mm:ss`, or `h:mm:ss` from an hour on.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + seconds).unwrap()
    }

    fn at_ms(ms: i64) -> Timestamp {
        Timestamp::from_millisecond(1_700_000_000_000 + ms).unwrap()
    }

    #[test]
    fn counts_down_from_its_planned_length() {
        let mut t = Timer::new(10);
        assert_eq!(t.display(at(0)), "10:00");
        assert_eq!(t.phase(at(0)), Phase::NotStarted);
        t.start(at(0));
        assert_eq!(t.display(at(1)), "09:59");
        assert_eq!(
            t.display(at_ms(500)),
            "10:00",
            "rounded up until a whole second passed"
        );
        assert_eq!(t.phase(at(1)), Phase::Normal);
    }

    #[test]
    fn pause_and_resume_keep_the_time_gathered() {
        let mut t = Timer::new(10);
        t.start(at(0));
        t.pause(at(60));
        assert_eq!(t.stopped_at, Some(at(60)));
        assert_eq!(t.display(at(500)), "09:00", "a paused timer does not move");
        t.start(at(1000));
        assert_eq!(t.stopped_at, None);
        assert_eq!(t.first_started_at, Some(at(0)));
        assert_eq!(t.display(at(1030)), "08:30");
        t.pause(at(1030));
        assert!(!t.is_running());
    }

    #[test]
    fn phases_follow_the_thresholds() {
        let mut t = Timer::new(10);
        t.start(at(0));
        assert_eq!(t.phase(at(479)), Phase::Normal);
        assert_eq!(t.phase(at(480)), Phase::Warning, "20% of 10 min left");
        assert_eq!(t.phase(at(539)), Phase::Warning);
        assert_eq!(t.phase(at(540)), Phase::Danger, "the last minute beats 5%");
        assert_eq!(t.phase(at(600)), Phase::Danger, "00:00 is still in time");
        assert_eq!(t.phase(at(601)), Phase::Overtime);

        let mut long = Timer::new(60);
        long.start(at(0));
        assert_eq!(long.phase(at(3600 - 181)), Phase::Warning);
        assert_eq!(
            long.phase(at(3600 - 180)),
            Phase::Danger,
            "5% of an hour is 3 minutes"
        );
        long.warning_percent = Some(50);
        assert_eq!(long.phase(at(1800)), Phase::Warning, "per-timer threshold");
    }

    #[test]
    fn overtime_is_shown_as_a_plus_never_negative() {
        let mut t = Timer::new(1);
        t.start(at(0));
        assert_eq!(t.display(at(60)), "00:00");
        assert_eq!(t.display(at(61)), "+00:01");
        assert_eq!(t.display(at_ms(60_002)), "+00:01", "never +00:00");
        assert_eq!(t.display(at(60 + 3725)), "+1:02:05");
    }

    #[test]
    fn plus_and_minus_stay_between_a_minute_and_a_day() {
        let mut t = Timer::new(2);
        t.add_minutes(-1);
        t.add_minutes(-1);
        assert_eq!(t.planned_secs, 60);
        t.add_minutes(5);
        assert_eq!(t.planned_secs, 360);
        t.add_minutes(100_000);
        assert_eq!(t.planned_secs, 24 * 3600);
    }

    #[test]
    fn reopening_later_shows_the_time_that_passed() {
        let mut t = Timer::new(10);
        t.start(at(0));
        let saved = serde_json::to_string(&t).unwrap();
        let reopened: Timer = serde_json::from_str(&saved).unwrap();
        assert_eq!(
            reopened.display(at(300)),
            "05:00",
            "five minutes later, five minutes gone"
        );
    }

    #[test]
    fn a_clock_set_backwards_counts_no_time() {
        let mut t = Timer::new(10);
        t.start(at(100));
        assert_eq!(t.elapsed_ms(at(50)), 0);
    }

    #[test]
    fn reset_keeps_the_planned_length() {
        let mut t = Timer::new(10);
        t.add_minutes(2);
        t.start(at(0));
        t.reset(at(30));
        assert_eq!(t.planned_secs, 720);
        assert_eq!(t.reset_at, Some(at(30)));
        assert_eq!(
            t.last_change(),
            Some(at(30)),
            "the reset is the last change"
        );
        assert_eq!(t.phase(at(10)), Phase::NotStarted);
        assert!(t.first_started_at.is_none());
    }
}
