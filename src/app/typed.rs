//! What a one-line prompt's text means: a number of minutes, a time of
//! day. Below the dispatch and the agenda's prompts, which both read them.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// "9:30" or "14:05" today, in the room's time zone; empty clears it.
pub(super) fn parse_time_of_day(text: &str, now: Timestamp, tz: &TimeZone) -> Option<Timestamp> {
    let (hour, minute) = text.trim().split_once(':')?;
    let (hour, minute): (i8, i8) = (hour.trim().parse().ok()?, minute.trim().parse().ok()?);
    let today = now.to_zoned(tz.clone()).date();
    let time = jiff::civil::Time::new(hour, minute, 0, 0).ok()?;
    today
        .to_datetime(time)
        .to_zoned(tz.clone())
        .ok()
        .map(|z| z.timestamp())
}

/// The longest timebox `m` accepts: the longest a file may plan, so a
/// value a file holds can always be typed back.
pub(super) const MAX_MINUTES: u32 = crate::model::limits::MAX_PLANNED_MINUTES;

pub(super) fn parse_minutes(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_MINUTES).contains(m))
}
