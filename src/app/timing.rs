//! What the keys and the passing seconds do to the timers.

use std::collections::HashMap;

use jiff::Timestamp;

use super::{Effect, Open};
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::timer::Phase;

/// How long an item's clock must have run before moving on starts the next.
pub(super) const MOVED_ON_AFTER_MS: u64 = 60_000;

/// Every timer's phase now.
pub(super) fn phases(session: &Session, now: Timestamp) -> HashMap<TimerId, Phase> {
    session
        .timer_ids()
        .into_iter()
        .map(|id| (id, session.timer(id).phase(now)))
        .collect()
}

/// `Space`: start or pause. Starting a report-back first sizes the slots
/// still waiting to the time left.
pub(super) fn toggle(open: &mut Open, id: TimerId, now: Timestamp) {
    if open.session.is_running(id) {
        pause(open, id, now);
    } else {
        start(open, id, now);
    }
}

pub(super) fn start(open: &mut Open, id: TimerId, now: Timestamp) {
    if matches!(id, TimerId::Report(_)) && !open.session.timer(id).has_started() {
        open.session.size_report_slots(now);
    }
    if let Some(timer) = open.session.timer_mut(id) {
        timer.start(now);
    }
    remember(open, id, now);
}

pub(super) fn pause(open: &mut Open, id: TimerId, now: Timestamp) {
    if let Some(timer) = open.session.timer_mut(id) {
        timer.pause(now);
    }
    if matches!(id, TimerId::Report(_)) {
        // An overrun is taken from the groups still to report.
        open.session.size_report_slots(now);
    }
    remember(open, id, now);
}

/// With auto-start on, leaving a running item for another starts the other
/// one: the facilitator moves the agenda on with one key. Returns whether a
/// timer changed.
/// Leaving a part (Tab, 1-3) with a plenary clock running stops it, with
/// auto-start on: the item is over, and no clock runs out of sight.
pub(super) fn leave_part(open: &mut Open, from: TimerId, now: Timestamp) -> bool {
    let plenary = !matches!(from, TimerId::Breakout(_));
    if plenary && open.session.schedule.auto_start && open.session.is_running(from) {
        pause(open, from, now);
        return true;
    }
    false
}

pub(super) fn move_on(open: &mut Open, from: TimerId, to: TimerId, now: Timestamp) -> bool {
    let forward = match (from, to) {
        (TimerId::Opening(a), TimerId::Opening(b)) | (TimerId::Report(a), TimerId::Report(b)) => {
            b > a
        }
        (TimerId::Report(_), TimerId::Final) => true,
        _ => false,
    };
    // Only forward, to an item not yet begun: looking back at an earlier
    // item must not restart it or rewrite when it ended.
    // And only once the item has really run a while: paging ahead to look
    // must not mark every later item as held.
    let ran = open.session.timer(from).elapsed_ms(now) >= MOVED_ON_AFTER_MS;
    if !forward
        || !ran
        || !open.session.schedule.auto_start
        || !open.session.is_running(from)
        || open.session.timer(to).has_started()
    {
        return false;
    }
    pause(open, from, now);
    if !open.session.is_running(to) {
        start(open, to, now);
    }
    true
}

/// `S` on the breakouts: all groups start together, or all pause.
pub(super) fn toggle_all_groups(open: &mut Open, now: Timestamp) {
    let groups: Vec<TimerId> = (0..open.session.groups.len())
        .map(TimerId::Breakout)
        .collect();
    let all_running = groups.iter().all(|id| open.session.is_running(*id));
    for id in groups {
        if all_running {
            pause(open, id, now);
        } else if !open.session.is_running(id) {
            start(open, id, now);
        }
    }
}

/// A second passed: ring once when a running timer enters its warning or
/// runs out, and save, so the phase change survives a crash.
pub(super) fn on_tick(open: &mut Open, muted: bool, now: Timestamp) -> Vec<Effect> {
    let mut bell = false;
    let mut changed = false;
    for id in open.session.timer_ids() {
        let timer = open.session.timer(id);
        if !timer.is_running() {
            continue;
        }
        let phase = timer.phase(now);
        let before = open.phases.insert(id, phase).unwrap_or(Phase::NotStarted);
        if phase != before {
            changed = true;
            let crossed = |mark: Phase| before < mark && phase >= mark;
            bell |= crossed(Phase::Warning) || crossed(Phase::Overtime);
        }
    }
    let mut effects = Vec::new();
    if bell && open.session.schedule.bell && !muted {
        effects.push(Effect::Bell);
    }
    if changed {
        effects.extend(super::update::save(open));
    }
    effects
}

fn remember(open: &mut Open, id: TimerId, now: Timestamp) {
    let phase = open.session.timer(id).phase(now);
    open.phases.insert(id, phase);
}
