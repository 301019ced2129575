//! What of another session may come in at all: a group laptop's file
//! changes only its own group, and a time ahead of this machine's clock
//! never wins.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::Timestamp;
use uuid::Uuid;

use super::{FUTURE_TOLERANCE, MergeReport, plenary_key, role_name, role_name_mut, role_time_mut};
use crate::model::input::Plenary;
use crate::model::session::{Group, Input, Participant, RosterRole, Session};
use crate::model::versions;

/// The part of `other` that may come into `base`:
///
/// - a group laptop's file (`only_group`) changes only its own group: its
///   inputs that `base` does not hold in another group, deletions of those
///   (or of inputs `base` never had, deleted in that group), its roster
///   and its breakout clock; never the plenary's say, the plan's details or
///   another group. What it tried beyond that is counted, not taken;
/// - a time beyond `now + FUTURE_TOLERANCE` never wins: what `base` holds
///   of that part stays (an input's text from the future is kept as
///   another version of it), and what `base` lacks comes dated `now`.
pub(super) fn vet(
    base: &Session,
    other: &Session,
    now: Timestamp,
    report: &mut MergeReport,
) -> Session {
    let mut v = other.clone();
    let here: HashMap<Uuid, (&str, &Input)> = base
        .groups
        .iter()
        .flat_map(|g| {
            g.inputs
                .iter()
                .map(move |i| (i.id, (g.axis.as_str(), &**i)))
        })
        .collect();
    let same = |a: &Input, b: &Input| {
        a.text == b.text
            && a.kind == b.kind
            && a.action == b.action
            && a.plenary.same_decision(&b.plenary)
    };
    if let Some(own) = other.only_group.as_deref() {
        let beyond = |i: &Input| here.get(&i.id).is_none_or(|(_, kept)| !same(kept, i));
        v.groups.retain(|g| {
            if g.axis != own {
                report.outside += g.inputs.iter().filter(|i| beyond(i)).count();
            }
            g.axis == own
        });
        for group in v.groups_mut() {
            group.inputs.retain(|i| match here.get(&i.id) {
                Some((axis, kept)) if *axis != own => {
                    report.outside += usize::from(!same(kept, i));
                    false
                }
                _ => true,
            });
            for input in &mut group.inputs {
                // A say the laptop gave (a time, or a decision) that would
                // have won here; an untouched or older one tried nothing.
                let said = input.plenary.updated_at.is_some() || input.plenary.has_decision();
                let kept = here.get(&input.id).map(|(_, kept)| &kept.plenary);
                let tried =
                    said && kept.is_none_or(|kept| plenary_key(&input.plenary) > plenary_key(kept));
                report.verdicts_refused += usize::from(tried);
                if input.plenary != Plenary::default() {
                    Arc::make_mut(input).plenary = Plenary::default();
                }
            }
        }
        v.deleted.retain_mut(|tomb| {
            tomb.plenary = None;
            tomb.group_only = true;
            let allowed = match here.get(&tomb.id) {
                Some((axis, _)) => *axis == own,
                None => tomb.axis == own,
            };
            if !allowed && !base.deleted.iter().any(|t| t.id == tomb.id) {
                report.outside += 1;
            }
            allowed
        });
        let clock = crate::model::schedule::breakout_key(own);
        v.schedule.timers.retain(|key, _| *key == clock);
        v.details = base.details.clone();
    }

    let horizon = now
        .saturating_add(FUTURE_TOLERANCE)
        .unwrap_or(Timestamp::MAX);
    let ahead = |at: Timestamp| at > horizon;
    let mut noted: Vec<Timestamp> = Vec::new();
    let language = base.workshop.language.clone();

    // Inputs: edits and verdicts from the future, and moves they would make.
    let mut moves: Vec<(usize, Uuid, String)> = Vec::new();
    for (g, group) in v.groups.iter_mut().enumerate() {
        let axis = group.axis.clone();
        let group = Arc::make_mut(group);
        for input in &mut group.inputs {
            let future_plenary = input.plenary.updated_at.is_some_and(ahead);
            if !ahead(input.updated_at) && !ahead(input.created_at) && !future_plenary {
                continue;
            }
            let input = Arc::make_mut(input);
            match here.get(&input.id) {
                Some((kept_axis, kept)) => {
                    if ahead(input.updated_at) {
                        let moved = *kept_axis != axis;
                        let differs = kept.text != input.text
                            || kept.kind != input.kind
                            || kept.action != input.action
                            || moved;
                        if differs {
                            noted.push(input.updated_at);
                        }
                        // What is here stays; the other text comes after it.
                        input.text = versions::keep_both(&kept.text, &input.text, &language)
                            .unwrap_or_else(|| kept.text.clone());
                        input.kind = kept.kind;
                        input.action = kept.action.clone();
                        input.updated_at = kept.updated_at;
                        if moved {
                            moves.push((g, input.id, (*kept_axis).to_string()));
                        }
                    }
                    if ahead(input.created_at) {
                        input.created_at = kept.created_at;
                    }
                    if let Some(at) = input.plenary.updated_at.filter(|at| ahead(*at)) {
                        if !kept.plenary.same_decision(&input.plenary) {
                            noted.push(at);
                        }
                        input.plenary = kept.plenary.clone();
                    }
                }
                None => {
                    // One new input, named once, at its latest time.
                    let latest = [input.updated_at, input.created_at]
                        .into_iter()
                        .chain(input.plenary.updated_at)
                        .max()
                        .expect("two times at least");
                    noted.push(latest);
                    for at in [&mut input.updated_at, &mut input.created_at] {
                        if ahead(*at) {
                            *at = now;
                        }
                    }
                    if input.plenary.updated_at.is_some_and(ahead) {
                        input.plenary.updated_at = Some(now);
                    }
                }
            }
        }
    }
    for (g, id, axis) in moves {
        let group = v.group_mut(g).expect("a group seen above");
        if let Some(i) = group.inputs.iter().position(|i| i.id == id) {
            let input = group.inputs.remove(i);
            v.group_of_axis(&axis).inputs.push(input);
        }
    }

    // Deletions from the future: never of an input here; dated now otherwise.
    v.deleted.retain_mut(|tomb| {
        if let Some(at) = tomb.plenary.as_ref().and_then(|p| p.updated_at)
            && ahead(at)
        {
            noted.push(at);
            tomb.plenary = None;
        }
        if !ahead(tomb.at) {
            return true;
        }
        if base.deleted.iter().any(|t| t.id == tomb.id) {
            return false;
        }
        noted.push(tomb.at);
        if here.contains_key(&tomb.id) {
            return false;
        }
        tomb.at = now;
        true
    });

    // Rosters, field by field.
    for group in v.groups_mut() {
        let kept = base.groups.iter().find(|g| g.axis == group.axis);
        vet_roster(group, kept.map(|g| &**g), now, &ahead, &mut noted);
    }

    // Clocks and the plan's details: the ones here stay.
    let keys: Vec<String> = v.schedule.timers.keys().cloned().collect();
    for key in keys {
        let Some(at) = v.schedule.timers[&key]
            .last_change()
            .filter(|at| ahead(*at))
        else {
            continue;
        };
        match base.schedule.timers.get(&key) {
            Some(kept) => {
                if *kept != v.schedule.timers[&key] {
                    noted.push(at);
                }
                v.schedule.timers.insert(key, kept.clone());
            }
            None => {
                noted.push(at);
                v.schedule.timers.remove(&key);
            }
        }
    }
    if let Some(at) = v.details.updated_at.filter(|at| ahead(*at)) {
        if v.details.title != base.details.title
            || v.details.date != base.details.date
            || v.details.place != base.details.place
        {
            noted.push(at);
        }
        v.details = base.details.clone();
    }
    report.future += noted.len();
    report.future_latest = noted.iter().copied().max();
    v
}

/// A roster's fields dated ahead of `now`: held back where `kept` (the
/// group here) has that field, dated `now` where it has not.
fn vet_roster(
    group: &mut Group,
    kept: Option<&Group>,
    now: Timestamp,
    ahead: &dyn Fn(Timestamp) -> bool,
    noted: &mut Vec<Timestamp>,
) {
    let any_ahead = group.roster_updated_at.is_some_and(ahead)
        || [
            group.roster_times.facilitator,
            group.roster_times.rapporteur,
        ]
        .into_iter()
        .flatten()
        .chain(group.roster_times.participants.values().copied())
        .chain(group.roster_times.removed.values().copied())
        .any(ahead);
    if !any_ahead {
        return;
    }
    for role in [RosterRole::Facilitator, RosterRole::Rapporteur] {
        let at = group.role_time(role);
        *role_time_mut(group, role) = at;
        let Some(at) = at.filter(|at| ahead(*at)) else {
            continue;
        };
        let kept_name = kept.map(|k| (k.role_time(role), role_name(k, role).clone()));
        match kept_name {
            Some((Some(_), name)) => {
                if name != *role_name(group, role) {
                    noted.push(at);
                }
                // Untouched: it never overwrites what is here.
                role_name_mut(group, role).clear();
                *role_time_mut(group, role) = None;
            }
            _ => {
                noted.push(at);
                *role_time_mut(group, role) = Some(now);
            }
        }
    }
    let kept_people: HashMap<String, (Participant, Option<Timestamp>)> = kept
        .map(|k| {
            k.participant_times()
                .into_iter()
                .map(|(key, p, at)| (key, (p.clone(), at)))
                .collect()
        })
        .unwrap_or_default();
    let mut people = Vec::new();
    let mut times = BTreeMap::new();
    for (key, p, at) in group.participant_times() {
        match at.filter(|at| ahead(*at)) {
            None => {
                people.push(p.clone());
                if let Some(at) = at {
                    times.insert(key, at);
                }
            }
            Some(at) => match kept_people.get(&key) {
                Some((here, _)) => {
                    if here != p {
                        noted.push(at);
                    }
                }
                None => {
                    noted.push(at);
                    people.push(p.clone());
                    times.insert(key, now);
                }
            },
        }
    }
    group.participants = people;
    group.roster_times.participants = times;
    let removed = std::mem::take(&mut group.roster_times.removed);
    for (key, at) in removed {
        if !ahead(at) {
            group.roster_times.removed.insert(key, at);
        } else if !kept_people.contains_key(&key) {
            noted.push(at);
            group.roster_times.removed.insert(key, now);
        } else {
            noted.push(at);
        }
    }
    group.roster_updated_at = group.roster_times.latest();
}
