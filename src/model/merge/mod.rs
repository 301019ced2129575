//! One rule for bringing a session into another: `import` (the `i` key and
//! `taller import`), `taller consolidate` and the live host all call
//! `merge_into`.
//!
//! Every part of a session carries the time it last changed, and the copy
//! changed last wins, part by part:
//!
//! - an input's text, kind, fields and group: its `updated_at`;
//! - the plenary's verdict, observations and votes: `plenary.updated_at`
//!   (so "votes cleared" beats an older copy that had votes);
//! - a deletion: its tombstone's time (a copy changed later comes back);
//! - a group's roster, field by field: the facilitator, the rapporteur and
//!   each participant, each with its own time (`roster_times`; a file
//!   without them dates every name it has with `roster_updated_at`), so a
//!   laptop that set only the rapporteur leaves the rest alone;
//! - a clock: its last start, pause, stop or reset;
//! - the plan's title, date and place: `details.updated_at`.
//!
//! Before any of that, the other file is vetted (`vet`): a group laptop's
//! file changes only its own group and never the plenary's say, and a time
//! ahead of this machine's clock (beyond `FUTURE_TOLERANCE`) never wins.
//! Two texts of one input with one time are both kept (`versions`).
//! Between a group laptop and the room's session, where the text both
//! copies started from is known (`Input::import_base`), an input's text
//! changed on both sides merges word by word instead (`text_from_base`).
//!
//! Ties are broken by the content itself, never by which file came first,
//! so merging is order-independent and idempotent: merging A then B gives
//! what B then A gives, and merging a file twice changes nothing the
//! second time. Only where inputs sit in a list depends on the order (new
//! ones are appended); `consolidate` sorts its files first.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

use super::group::{Group, Participant, RosterRole};
use super::input::Plenary;
use super::input::{Input, Origin};
use super::session::{Session, Tombstone};
use super::timer::Timer;
use super::versions;

mod report;
mod vet;

pub use report::{GroupReport, MergeReport, ReportWords};
use vet::vet;

/// Keeps in the tombstone what the plenary said after the deletion, the
/// latest such say; returns whether the tombstone changed.
fn keep_after(tomb: &mut Tombstone, plenary: &Plenary) -> bool {
    let after = plenary.updated_at.is_some_and(|at| at > tomb.at);
    let later = tomb
        .plenary
        .as_ref()
        .is_none_or(|kept| plenary_key(plenary) > plenary_key(kept));
    if after && later {
        tomb.plenary = Some(plenary.clone());
    }
    after && later
}

/// Forgets a kept say that the (later) deletion now covers.
fn void_before(tomb: &mut Tombstone) -> bool {
    let covered = tomb
        .plenary
        .as_ref()
        .is_some_and(|p| p.updated_at.is_none_or(|at| at <= tomb.at));
    if covered {
        tomb.plenary = None;
    }
    covered
}

/// What decides between two copies of an input's text, fields and group:
/// the later edit, then (same time) the content, compared as text.
fn content_key(input: &Input, axis: &str) -> (Timestamp, String) {
    // The text without the versions kept after it: two copies that differ
    // only there weigh the same, and keep every version between them.
    let text = versions::main(&input.text);
    let content = serde_json::to_string(&(axis, text, input.kind, &input.action))
        .expect("an input always serializes");
    (input.updated_at, content)
}

fn plenary_key(plenary: &Plenary) -> (Option<Timestamp>, String) {
    let content = serde_json::to_string(&(plenary.status, &plenary.observations, plenary.votes))
        .expect("a verdict always serializes");
    (plenary.updated_at, content)
}

/// Merges `other`'s roster into `target` field by field: the facilitator,
/// the rapporteur and each participant (by key) from the copy that changed
/// it last (ties: by content). Every field `target` keeps is dated, so a
/// later `roster_updated_at` never re-dates it. Returns whether a name,
/// a participant or their details changed.
fn merge_roster(target: &mut Group, other: &Group) -> bool {
    let mut shown = false;
    for role in [RosterRole::Facilitator, RosterRole::Rapporteur] {
        let theirs = (other.role_time(role), role_name(other, role).clone());
        let ours = (target.role_time(role), role_name(target, role).clone());
        let (at, name) = if theirs > ours { theirs } else { ours };
        shown |= *role_name(target, role) != name;
        *role_name_mut(target, role) = name;
        *role_time_mut(target, role) = at;
    }

    // Each participant: present (with its details) or taken off, whichever
    // is later; a removal and an addition at one time keep the person.
    type Say = (Option<Timestamp>, bool, String);
    let say_of = |p: Option<&Participant>, at: Option<Timestamp>| -> Say {
        let content = p.map_or_else(String::new, |p| {
            serde_json::to_string(p).expect("a participant always serializes")
        });
        (at, p.is_some(), content)
    };
    let mut says: HashMap<String, (Say, Option<Participant>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for group in [&*target, other] {
        let present = group.participant_times();
        let removed = group
            .roster_times
            .removed
            .iter()
            .map(|(k, at)| (k, None, Some(*at)));
        let entries = present
            .iter()
            .map(|(k, p, at)| (k, Some(*p), *at))
            .chain(removed);
        for (key, p, at) in entries {
            let say = say_of(p, at);
            if p.is_some() && !order.contains(key) {
                order.push(key.clone());
            }
            let better = says.get(key).is_none_or(|(kept, _)| say > *kept);
            if better {
                says.insert(key.clone(), (say, p.cloned()));
            }
        }
    }
    let mut participants = Vec::new();
    let mut times = BTreeMap::new();
    let mut removed = BTreeMap::new();
    for key in &order {
        if let Some(((at, true, _), Some(p))) = says.get(key) {
            participants.push(p.clone());
            if let Some(at) = at {
                times.insert(key.clone(), *at);
            }
        }
    }
    for (key, ((at, present, _), _)) in &says {
        if let (Some(at), false) = (at, present) {
            removed.insert(key.clone(), *at);
        }
    }
    shown |= target.participants != participants;
    target.participants = participants;
    target.roster_times.participants = times;
    target.roster_times.removed = removed;
    target.roster_updated_at = target
        .roster_updated_at
        .max(other.roster_updated_at)
        .max(target.roster_times.latest());
    shown
}

fn role_name(group: &Group, role: RosterRole) -> &String {
    match role {
        RosterRole::Facilitator => &group.facilitator,
        RosterRole::Rapporteur => &group.rapporteur,
    }
}

fn role_name_mut(group: &mut Group, role: RosterRole) -> &mut String {
    match role {
        RosterRole::Facilitator => &mut group.facilitator,
        RosterRole::Rapporteur => &mut group.rapporteur,
    }
}

fn role_time_mut(group: &mut Group, role: RosterRole) -> &mut Option<Timestamp> {
    match role {
        RosterRole::Facilitator => &mut group.roster_times.facilitator,
        RosterRole::Rapporteur => &mut group.roster_times.rapporteur,
    }
}

/// Which of two copies of a clock to keep: the one changed last; clocks
/// nobody ever started or reset keep `base`'s planned minutes (the
/// schedule is the receiving session's).
fn later_clock(base: &Timer, other: &Timer) -> bool {
    match (base.last_change(), other.last_change()) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) if a != b => b > a,
        _ => {
            let text = |t: &Timer| serde_json::to_string(t).expect("a timer always serializes");
            text(other) > text(base)
        }
    }
}

/// How far ahead of this machine's clock a time may be and still count as
/// now: two laptops' clocks a few minutes apart are a normal day; a time
/// beyond this is a clock that runs ahead (or a forged date).
pub const FUTURE_TOLERANCE: SignedDuration = SignedDuration::from_mins(5);

/// An input's text when the text both copies grew from is known. Between
/// a group laptop and the room's session, each keeps per input the other
/// copy's text as it last took it in (`Input::import_base`): the laptop
/// the room's, the room the laptop's. Where one copy is still that text,
/// the other's change is taken whole; where both changed since, the two
/// changes merge word by word, as two people's edits of one text do live
/// (`word_merge`): the copy changed last leads, its words in the text, the
/// other's, where they changed the same words, marked after them. `None`:
/// the texts agree, the two are not a laptop and the room (`paired`), or
/// no base is known (the times decide, as before).
fn text_from_base(
    existing: &Input,
    incoming: &Input,
    incoming_leads: bool,
    bases: Bases,
    language: &str,
) -> Option<TextMerge> {
    if existing.text == incoming.text || !bases.paired {
        return None;
    }
    // Only a text both copies come from is a base: a wrong one takes words
    // for deleted. The laptop's record (the room's text as it last took it
    // in) always is, the room's history being one line. The room's record
    // (a laptop's text as it took it in) is only when that laptop is the
    // input's: two laptops of one group each change it, and the room's
    // record may be the other's.
    let laptops = if bases.existing_is_laptop {
        &existing.import_base
    } else {
        &incoming.import_base
    };
    let rooms = if bases.existing_is_laptop {
        incoming
            .import_base
            .as_ref()
            .filter(|_| bases.rooms_is_this_laptops)
    } else {
        existing
            .import_base
            .as_ref()
            .filter(|_| bases.rooms_is_this_laptops)
    };
    let known = [laptops.as_ref(), rooms];
    let known = || known.into_iter().flatten().map(String::as_str);
    // Either record, though, is a text already taken in: a copy still at
    // it brings nothing new, whoever's it was.
    let seen = [&existing.import_base, &incoming.import_base];
    let seen = || seen.into_iter().flatten().map(String::as_str);
    let unchanged = |text: &str| TextMerge {
        text: text.to_string(),
        both: false,
        overlapped: false,
    };
    // One copy is still the text the other last saw: the other's change
    // alone (a file imported again brings nothing new).
    if seen().any(|b| b == incoming.text) {
        return Some(unchanged(&existing.text));
    }
    // This copy still at a text the other took in: the other's is newer.
    // Sure for a laptop (the room took in this very text); for the room,
    // only at the base it shares with this laptop (the text it took in may
    // be another laptop's, whose words this one lacks).
    let taken_in = |b: &str| b == existing.text;
    if if bases.existing_is_laptop {
        seen().any(taken_in)
    } else {
        known().any(taken_in)
    } {
        return Some(unchanged(&incoming.text));
    }
    // This session's own record first: it is the later one when the room
    // imports a laptop again.
    let base = known().next()?;
    let (lead, other) = if incoming_leads {
        (&incoming.text, &existing.text)
    } else {
        (&existing.text, &incoming.text)
    };
    let merged = super::word_merge::merge(base, lead, other);
    Some(TextMerge {
        text: merged.text(language),
        both: true,
        overlapped: merged.overlapped(),
    })
}

/// Which records of the other's text `text_from_base` may take as a base.
#[derive(Clone, Copy)]
struct Bases {
    /// The two are a laptop and the room.
    paired: bool,
    /// This session is the laptop (it imports the room's file).
    existing_is_laptop: bool,
    /// The room's record of the input is this laptop's text: the input
    /// came to the room from this laptop's file.
    rooms_is_this_laptops: bool,
}

/// What `text_from_base` made of two texts.
struct TextMerge {
    text: String,
    /// Both copies changed the text since the base.
    both: bool,
    /// And changed some of the same words.
    overlapped: bool,
}

/// Merges `other` into `base`, part by part, the copy changed last
/// winning (see the module's notes). Inputs new to `base` are appended to
/// the group of their axis (made if `base` lacks it) and remember `file`
/// as where they came from. `base`'s workshop (but for the axis of a group
/// only `other` knows), schedule settings, group
/// laptop axis and room message stay its own.
pub fn merge_into(base: &mut Session, other: &Session, file: &str, now: Timestamp) -> MergeReport {
    let mut report = MergeReport::default();
    // What the file may change, and only with times that are not ahead of
    // this machine's clock.
    let vetted = vet(base, other, now, &mut report);
    let other = &vetted;
    report.brought_decisions = other
        .groups
        .iter()
        .flat_map(|g| &g.inputs)
        .any(|i| i.plenary.has_decision());
    let language = base.workshop.language.clone();
    // A group laptop and the room's session (either way round): the two
    // copies whose texts merge from a base.
    let paired = base.only_group.is_some() != other.only_group.is_some();

    // Tombstones: every deletion known to either, each at its latest time.
    let mut tombs: HashMap<Uuid, usize> = base
        .deleted
        .iter()
        .enumerate()
        .map(|(n, t)| (t.id, n))
        .collect();
    for tomb in &other.deleted {
        let n = match tombs.get(&tomb.id) {
            Some(&n) => n,
            None => {
                tombs.insert(tomb.id, base.deleted.len());
                base.deleted.push(Tombstone {
                    plenary: None,
                    ..tomb.clone()
                });
                report.quiet = true;
                base.deleted.len() - 1
            }
        };
        let kept = &mut base.deleted[n];
        if (tomb.at, &tomb.axis) > (kept.at, &kept.axis) {
            kept.at = tomb.at;
            kept.axis = tomb.axis.clone();
            report.quiet = true;
        }
        if kept.group_only && !tomb.group_only {
            kept.group_only = false;
            report.quiet = true;
        }
        if let Some(plenary) = &tomb.plenary {
            report.quiet |= keep_after(kept, plenary);
        }
        report.quiet |= void_before(kept);
    }
    // When the input was deleted, as a copy in the group of `axis` sees it.
    let deleted_at = |base: &Session, id: Uuid, axis: &str| {
        tombs
            .get(&id)
            .map(|&n| &base.deleted[n])
            .filter(|t| t.strikes(axis))
            .map(|t| t.at)
    };

    // Inputs.
    for group in &other.groups {
        for incoming in &group.inputs {
            let here = base.groups.iter().enumerate().find_map(|(g, grp)| {
                grp.inputs
                    .iter()
                    .position(|i| i.id == incoming.id)
                    .map(|i| (g, i))
            });
            // A copy deleted since, and new here, is left out; what the
            // plenary said of it after the deletion stays with the tombstone.
            let deleted = deleted_at(base, incoming.id, &group.axis)
                .is_some_and(|at| incoming.updated_at <= at);
            if here.is_none() && deleted {
                let n = tombs[&incoming.id];
                report.quiet |= keep_after(&mut base.deleted[n], &incoming.plenary);
                continue;
            }
            // Between a laptop and the room, each keeps the other's text
            // as it takes it in: the base of their next merge.
            let record = |kept: &Option<String>| {
                if paired {
                    Some(incoming.text.clone())
                } else {
                    kept.clone()
                }
            };
            let Some((g, i)) = here else {
                let import_base = record(&incoming.import_base);
                // Shared, not copied: only an input without an origin (or
                // with a base to set) is.
                let mut input = Arc::clone(incoming);
                if input.origin.is_none() {
                    Arc::make_mut(&mut input).origin = Some(Origin {
                        file: file.to_string(),
                        axis: group.axis.clone(),
                    });
                }
                if input.import_base != import_base {
                    Arc::make_mut(&mut input).import_base = import_base;
                }
                base.group_of_axis(&group.axis).inputs.push(input);
                report.group(&group.axis).added += 1;
                report.quiet = true;
                continue;
            };
            let mut changed = false;
            let axis_here = base.groups[g].axis.clone();
            let covered = incoming.plenary.updated_at.is_some_and(|t| {
                deleted_at(base, incoming.id, &axis_here).is_some_and(|at| t <= at)
            });
            let existing = &base.groups[g].inputs[i];
            let earlier = existing.created_at > incoming.created_at;
            let take_plenary =
                !covered && plenary_key(&incoming.plenary) > plenary_key(&existing.plenary);
            let leads = content_key(incoming, &group.axis) > content_key(existing, &axis_here);
            // A base known: the two texts merged word by word.
            let existing_is_laptop = base.only_group.is_some();
            let rooms_input = if existing_is_laptop {
                incoming
            } else {
                existing
            };
            let bases = Bases {
                paired,
                existing_is_laptop,
                // Made on this laptop: its file brought it to the room, and
                // only this laptop changes it there.
                rooms_is_this_laptops: !existing_is_laptop
                    && rooms_input.origin.as_ref().is_some_and(|o| o.file == file),
            };
            let from_base = text_from_base(existing, incoming, leads, bases, &language);
            let merges = from_base.as_ref().is_some_and(|m| m.text != existing.text);
            // The other copy's text, kind, fields and group, when it leads
            // and brings something (a text merged in before brings
            // nothing again).
            let take_content = leads
                && (from_base.is_none()
                    || merges
                    || incoming.kind != existing.kind
                    || incoming.action != existing.action
                    || incoming.updated_at != existing.updated_at
                    || axis_here != group.axis);
            let import_base = record(&existing.import_base);
            let rebased = existing.import_base != import_base;
            // One time, two texts, no base: both kept, the one that leads
            // first.
            let both = (incoming.updated_at == existing.updated_at && from_base.is_none())
                .then(|| {
                    let (lead, other) = if take_content {
                        (&incoming.text, &existing.text)
                    } else {
                        (&existing.text, &incoming.text)
                    };
                    versions::keep_both(lead, other, &language)
                })
                .flatten();
            if earlier || take_plenary || take_content || both.is_some() || merges || rebased {
                // Copied only here, where it changes (inputs are shared
                // between a session's revisions).
                let existing =
                    Arc::make_mut(&mut base.group_mut(g).expect("a group found above").inputs[i]);
                if earlier {
                    existing.created_at = incoming.created_at;
                }
                if take_plenary {
                    changed |= !existing.plenary.same_decision(&incoming.plenary);
                    existing.plenary = incoming.plenary.clone();
                }
                let text = from_base.as_ref().map_or(&incoming.text, |m| &m.text);
                if take_content {
                    let same = existing.text == *text
                        && existing.kind == incoming.kind
                        && existing.action == incoming.action;
                    changed |= !same || axis_here != group.axis;
                    existing.text = text.clone();
                    existing.kind = incoming.kind;
                    existing.action = incoming.action.clone();
                    existing.updated_at = incoming.updated_at;
                } else if merges {
                    changed = true;
                    existing.text = text.clone();
                    existing.updated_at = existing.updated_at.max(incoming.updated_at);
                }
                if let Some(text) = both {
                    changed |= existing.text != text;
                    existing.text = text;
                    report.versions += 1;
                }
                if let Some(merge) = from_base.filter(|m| m.both && merges) {
                    report.merged.push((incoming.id, merge.overlapped));
                }
                existing.import_base = import_base;
                report.quiet = true;
            }
            if take_content && axis_here != group.axis {
                // Moved to another group there, later: it moves here too.
                let input = base
                    .group_mut(g)
                    .expect("a group found above")
                    .inputs
                    .remove(i);
                // At the end of its new group: no number the room has
                // heard there changes (issue 20, item 5).
                base.group_of_axis(&group.axis).inputs.push(input);
            }
            if changed {
                report.group(&group.axis).updated += 1;
            }
        }
    }

    // Deletions: an input whose text was last changed before its deletion
    // goes; one edited after it stays, with only what the plenary said of it
    // after the deletion.
    for g in 0..base.groups.len() {
        // A group none of whose inputs was deleted elsewhere stays shared.
        if !base.groups[g]
            .inputs
            .iter()
            .any(|i| tombs.contains_key(&i.id))
        {
            continue;
        }
        let axis = base.groups[g].axis.clone();
        let mut gone = 0;
        let mut kept_inputs = Vec::with_capacity(base.groups[g].inputs.len());
        let taken = std::mem::take(&mut base.group_mut(g).expect("a group in range").inputs);
        for mut input in taken {
            // A deletion only a group laptop knows strikes only in its group.
            let Some(&n) = tombs
                .get(&input.id)
                .filter(|&&n| base.deleted[n].strikes(&axis))
            else {
                kept_inputs.push(input);
                continue;
            };
            let tomb = &mut base.deleted[n];
            report.quiet |= keep_after(tomb, &input.plenary);
            if input.updated_at <= tomb.at {
                gone += 1;
                continue;
            }
            let after = tomb.plenary.clone().unwrap_or_default();
            if plenary_key(&after) > plenary_key(&input.plenary) {
                Arc::make_mut(&mut input).plenary = after;
                report.quiet = true;
            }
            if input.plenary.updated_at.is_some_and(|at| at <= tomb.at) {
                report.quiet |= input.plenary != Plenary::default();
                Arc::make_mut(&mut input).plenary = Plenary::default();
            }
            kept_inputs.push(input);
        }
        base.group_mut(g).expect("a group in range").inputs = kept_inputs;
        if gone > 0 {
            report.group(&axis).deleted += gone;
        }
    }

    // Rosters: each field from the copy that changed it last; a field
    // nobody touched (empty, no time) never overwrites a name.
    for group in &other.groups {
        let known = base.groups.iter().any(|g| g.axis == group.axis);
        if !known && !group.has_roster() && group.roster_times.is_empty() {
            continue;
        }
        let target = base.group_of_axis(&group.axis);
        let before = target.clone();
        let shown = merge_roster(target, group);
        if *target != before {
            report.quiet = true;
        }
        if shown {
            report.group(&group.axis).roster = true;
        }
    }

    // Clocks: each from the copy that last did something with it.
    for (key, timer) in &other.schedule.timers {
        match base.schedule.timers.get_mut(key) {
            Some(kept) if later_clock(kept, timer) => {
                *kept = timer.clone();
                report.clocks += 1;
            }
            Some(_) => {}
            None => {
                if timer.last_change().is_some() {
                    report.clocks += 1;
                }
                base.schedule.timers.insert(key.clone(), timer.clone());
                report.quiet = true;
            }
        }
    }

    for country in &other.invited_countries {
        if !base.invited_countries.contains(country) {
            base.invited_countries.push(country.clone());
        }
    }

    let details_key = |s: &Session| {
        (
            s.details.updated_at,
            serde_json::to_string(&s.details).expect("details always serialize"),
        )
    };
    if details_key(other) > details_key(base) {
        report.details = base.details.title != other.details.title
            || base.details.date != other.details.date
            || base.details.place != other.details.place;
        base.details = other.details.clone();
        report.quiet = true;
    }

    // A group `base` had no axis for (removed there since, or added on the
    // laptop) keeps the title and content the other file gives its axis,
    // with a number of its own, rather than showing as a bare axis id.
    let axes = &mut base.workshop.breakout.axes;
    for group in &base.groups {
        if axes.iter().any(|a| a.id == group.axis) {
            continue;
        }
        if let Some(axis) = other.workshop.axis(&group.axis) {
            let number = axes.iter().map(|a| a.number).max().unwrap_or(0) + 1;
            axes.push(crate::model::workshop::Axis {
                number,
                ..axis.clone()
            });
        }
    }

    report.in_order_of(base);
    if report.changed() {
        base.touch(now);
    }
    report
}

impl Session {
    /// Brings in another session of the same workshop (see
    /// `merge::merge_into`): inputs, deletions, the plenary's say, rosters
    /// and clocks, each copy changed last winning; importing twice changes
    /// nothing. Returns what it did, per group.
    pub fn import(&mut self, other: &Session, file: &str, now: Timestamp) -> MergeReport {
        merge_into(self, other, file, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::input::Status;
    use crate::model::schedule::places::breakout;
    use crate::model::session::Participant;
    use crate::model::workshop::Workshop;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + s).unwrap()
    }

    fn session() -> Session {
        Session::new("sala", Workshop::default_for("es").unwrap(), at(0))
    }

    fn vote(
        s: &mut Session,
        group: usize,
        id: Uuid,
        votes: u32,
        status: Option<Status>,
        when: i64,
    ) {
        let mut edited = s.input(group, id).unwrap().clone();
        edited.plenary.votes = votes;
        edited.plenary.status = status;
        assert!(s.replace_input(group, &edited, at(when)));
    }

    /// Review: a group removed at the master since came back from an older
    /// laptop's file titled with its bare axis id ("operaciones").
    #[test]
    fn a_group_the_master_lacks_comes_back_with_its_title_and_a_number_of_its_own() {
        let mut master = session();
        let mut laptop = session();
        let axis = master.groups[1].axis.clone();
        let title = master.workshop.axis(&axis).unwrap().title.clone();
        laptop.add_input(1, "dicho en el grupo".into(), at(5));
        master.groups.remove(1);
        master.workshop.breakout.axes.retain(|a| a.id != axis);
        master.import(&laptop, "grupo2.json", at(10));
        let back = master.groups.iter().position(|g| g.axis == axis).unwrap();
        assert_eq!(master.group_title(back), title);
        let mut numbers: Vec<u32> = master
            .workshop
            .breakout
            .axes
            .iter()
            .map(|a| a.number)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(
            numbers.len(),
            master.workshop.breakout.axes.len(),
            "numbers stay unique"
        );
        // Imported again: nothing more to add.
        let axes = master.workshop.breakout.axes.len();
        master.import(&laptop, "grupo2.json", at(20));
        assert_eq!(master.workshop.breakout.axes.len(), axes);
    }

    /// Rehearsal: import dropped every group's roster ("Presenta: (sin asignar)").
    #[test]
    fn import_brings_the_roster_and_says_so() {
        let mut master = session();
        let mut laptop = session();
        laptop.set_role(
            2,
            crate::model::group::RosterRole::Facilitator,
            "Dra. Quirós".into(),
            at(5),
        );
        laptop.set_role(
            2,
            crate::model::group::RosterRole::Rapporteur,
            "Lic. Benítez".into(),
            at(6),
        );
        laptop.set_participants(
            2,
            Participant::parse_lines("Ana Mora; Costa Rica; Fiscal"),
            at(7),
        );
        let report = master.import(&laptop, "grupo3.json", at(10));
        assert_eq!(master.groups[2].rapporteur, "Lic. Benítez");
        assert_eq!(master.groups[2].facilitator, "Dra. Quirós");
        assert_eq!(master.groups[2].participants.len(), 1);
        // Told as "Grupo 3: relatoría actualizada" (the strings' tests pin it).
        assert_eq!(report.groups.len(), 1);
        assert_eq!((report.groups[0].added, report.groups[0].updated), (0, 0));
        assert!(report.groups[0].roster);
        // A roster changed later at the master is not undone by the laptop.
        master.set_role(
            2,
            crate::model::group::RosterRole::Rapporteur,
            "Otra".into(),
            at(20),
        );
        assert!(!master.import(&laptop, "grupo3.json", at(30)).changed());
        assert_eq!(master.groups[2].rapporteur, "Otra");
    }

    fn roster(s: &Session, g: usize) -> (String, String, Vec<String>) {
        let group = &s.groups[g];
        let mut people: Vec<String> = group.participants.iter().map(|p| p.to_line()).collect();
        people.sort();
        (group.facilitator.clone(), group.rapporteur.clone(), people)
    }

    /// Issue 20, item 3: group 3 online had a facilitator and three
    /// participants; its offline laptop set only the rapporteur. Import
    /// left no facilitator and no participants, or, the other way round,
    /// lost the rapporteur. Each field merges on its own: both ways round,
    /// whether the laptop typed before or after the room, and for files
    /// written before fields had their own times.
    #[test]
    fn a_laptop_that_set_only_the_rapporteur_keeps_what_the_room_typed() {
        use crate::model::session::{RosterRole, RosterTimes};
        let people = "Ana Mora; Costa Rica\nLuis Pérez; México\nEva Ruiz; Panamá";
        let expected = (
            "Dra. Quirós".to_string(),
            "Lic. Benítez".to_string(),
            vec![
                "Ana Mora; Costa Rica".to_string(),
                "Eva Ruiz; Panamá".to_string(),
                "Luis Pérez; México".to_string(),
            ],
        );
        for laptop_at in [3, 8] {
            let mut online = session();
            online.set_role(2, RosterRole::Facilitator, "Dra. Quirós".into(), at(5));
            online.set_participants(2, Participant::parse_lines(people), at(6));
            let mut laptop = session();
            laptop.set_role(
                2,
                RosterRole::Rapporteur,
                "Lic. Benítez".into(),
                at(laptop_at),
            );
            // As files written before fields had their own times.
            let mut old_online = online.clone();
            let mut old_laptop = laptop.clone();
            for s in [&mut old_online, &mut old_laptop] {
                s.group_mut(2).unwrap().roster_times = RosterTimes::default();
            }
            for (online, laptop) in [(&online, &laptop), (&old_online, &old_laptop)] {
                let mut master = online.clone();
                let report = master.import(laptop, "grupo3.json", at(10));
                assert_eq!(
                    roster(&master, 2),
                    expected,
                    "laptop into the room at {laptop_at}"
                );
                assert!(report.groups[0].roster, "the rapporteur is news");
                let mut back = laptop.clone();
                back.import(online, "sala.json", at(10));
                assert_eq!(
                    roster(&back, 2),
                    expected,
                    "the room into the laptop at {laptop_at}"
                );
                // And again: nothing more.
                assert!(!master.import(laptop, "grupo3.json", at(11)).changed());
                assert!(!back.import(online, "sala.json", at(11)).changed());
            }
        }
    }

    /// Each participant on their own: a person taken off on the laptop
    /// goes, one added there comes, and a correction made in the room to
    /// another stays.
    #[test]
    fn each_participant_merges_on_their_own() {
        let mut room = session();
        room.set_participants(
            1,
            Participant::parse_lines("Ana Mora; Costa Rica\nLuis Pérez; México"),
            at(5),
        );
        let mut laptop = room.clone();
        laptop.set_participants(
            1,
            Participant::parse_lines("Ana Mora; Costa Rica\nEva Ruiz; Panamá"),
            at(10),
        );
        room.set_participants(
            1,
            Participant::parse_lines("Ana Mora; Guatemala\nLuis Pérez; México"),
            at(12),
        );
        let want = (
            String::new(),
            String::new(),
            vec![
                "Ana Mora; Guatemala".to_string(),
                "Eva Ruiz; Panamá".to_string(),
            ],
        );
        let mut a = room.clone();
        a.import(&laptop, "grupo2.json", at(20));
        assert_eq!(roster(&a, 1), want);
        let mut b = laptop.clone();
        b.import(&room, "sala.json", at(20));
        assert_eq!(roster(&b, 1), want);
        // An older copy does not bring Luis back.
        let mut c = a.clone();
        assert!(!c.import(&room, "sala.json", at(21)).changed() || roster(&c, 1) == want);
        assert_eq!(roster(&c, 1), want);
    }

    /// A laptop of group 3 (`--group 3`) that got a copy of the room's
    /// session first: it knows every group's inputs.
    fn laptop_of_group_3(room: &Session) -> Session {
        let mut laptop = room.clone();
        laptop.only_group = Some(laptop.groups[2].axis.clone());
        laptop
    }

    /// Issue 20, item 24: a file marked for group 3 deleted group 1's input
    /// for ever (a deletion dated 2999, or with group 3 written as its
    /// group), and rewrote other groups' inputs, here or moved into its own.
    #[test]
    fn a_group_laptop_changes_only_its_own_group() {
        let mut room = session();
        let theirs = room.add_input(0, "del grupo 1".into(), at(1)).unwrap();
        let other = room.add_input(1, "del grupo 2".into(), at(1)).unwrap();
        let own = room.add_input(2, "del grupo 3".into(), at(1)).unwrap();
        let mut laptop = laptop_of_group_3(&room);
        laptop.remove_input(0, theirs, at(5)).unwrap();
        // Deletions dated far ahead, or said to be of group 3.
        for (n, axis) in [laptop.groups[0].axis.clone(), laptop.groups[2].axis.clone()]
            .into_iter()
            .enumerate()
        {
            laptop.deleted.push(Tombstone {
                id: Uuid::from_u128(n as u128 + 7),
                at: "2999-01-01T00:00:00Z".parse().unwrap(),
                axis,
                plenary: None,
                group_only: false,
            });
        }
        laptop.deleted[0].axis = laptop.groups[2].axis.clone();
        laptop.edit_input(1, other, "reescrito por el grupo 3".into(), at(6));
        laptop.move_input(1, other, 2, 0, at(7));
        laptop.edit_input(2, own, "del grupo 3, corregido".into(), at(8));
        let new = laptop
            .add_input(2, "nuevo del grupo 3".into(), at(9))
            .unwrap();
        let report = room.import(&laptop, "grupo3.json", at(10));
        assert_eq!(room.input(0, theirs).unwrap().text, "del grupo 1");
        assert_eq!(room.input(1, other).unwrap().text, "del grupo 2");
        assert_eq!(room.input(2, own).unwrap().text, "del grupo 3, corregido");
        assert!(room.input(2, new).is_some(), "its own group's news come in");
        // Its deletion of group 1's input (said to be group 3's), one
        // of an input unknown here in group 1, and the move.
        assert_eq!(report.outside, 3, "{report:?}");
        assert_eq!(report.future, 1, "the deletion dated 2999 is named");
        // No deletion of group 1's input is kept to strike it later.
        assert!(room.deleted.iter().all(|t| t.id != theirs));
        assert!(!room.import(&laptop, "grupo3.json", at(11)).changed());
        // Nor one said to be of group 3, of an input group 1 brings later.
        let mut group_1 = session();
        group_1.only_group = Some(group_1.groups[0].axis.clone());
        group_1.add_input_with_id(0, Uuid::from_u128(8), "llega después".into(), at(3));
        room.import(&group_1, "grupo1.json", at(12));
        assert!(room.input(0, Uuid::from_u128(8)).is_some(), "it arrives");
        // The same deletion in group 3 itself still strikes there.
        let mut stale = laptop_of_group_3(&session());
        stale.add_input_with_id(2, Uuid::from_u128(8), "copia vieja".into(), at(3));
        let mut fresh = session();
        fresh.import(&laptop, "grupo3.json", at(10));
        fresh.import(&stale, "grupo3-viejo.json", at(12));
        assert!(fresh.input(2, Uuid::from_u128(8)).is_none());
    }

    /// Issue 20, item 24: the plenary's verdict came from a group laptop.
    #[test]
    fn verdicts_come_only_from_the_plenarys_session() {
        let mut room = session();
        let id = room.add_input(2, "protocolo".into(), at(1)).unwrap();
        vote(&mut room, 2, id, 3, Some(Status::Agreed), 2);
        let mut laptop = laptop_of_group_3(&room);
        vote(&mut laptop, 2, id, 40, Some(Status::Dropped), 20);
        let new = laptop.add_input(2, "nuevo".into(), at(21)).unwrap();
        vote(&mut laptop, 2, new, 9, Some(Status::Agreed), 22);
        let report = room.import(&laptop, "grupo3.json", at(30));
        let plenary = &room.input(2, id).unwrap().plenary;
        assert_eq!((plenary.votes, plenary.status), (3, Some(Status::Agreed)));
        let brought = &room.input(2, new).expect("the input comes").plenary;
        assert!(!brought.has_decision(), "without the verdict: {brought:?}");
        assert_eq!(report.verdicts_refused, 2);
        assert!(!report.brought_decisions);
        // The room's own copy, not a group laptop's, still brings them.
        let mut copy = session();
        assert!(copy.import(&room, "sala.json", at(30)).brought_decisions);
    }

    /// Issue 20, item 24: a laptop whose clock ran an hour ahead beat a
    /// correction the plenary made ten minutes before the import.
    #[test]
    fn a_time_ahead_of_this_clock_does_not_win_and_is_named() {
        let now = at(7200);
        let mut room = session();
        let id = room.add_input(2, "plataforma".into(), at(1)).unwrap();
        let mut laptop = laptop_of_group_3(&room);
        room.edit_input(2, id, "plataforma regional (plenaria)".into(), at(6600));
        // Typed at about the same moment, stamped an hour ahead.
        laptop.edit_input(2, id, "plataforma (grupo)".into(), at(6000 + 3600));
        let new = laptop
            .add_input(2, "nuevo".into(), at(7000 + 3600))
            .unwrap();
        let report = room.import(&laptop, "grupo3.json", now);
        let kept = room.input(2, id).unwrap();
        assert_eq!(
            kept.text, "plataforma regional (plenaria) ⟦otra versión: plataforma (grupo)⟧",
            "the plenary's leads, the laptop's is not lost"
        );
        assert_eq!(kept.updated_at, at(6600));
        assert_eq!(room.input(2, new).unwrap().updated_at, now, "dated now");
        assert_eq!(report.future, 2);
        assert_eq!(report.future_latest, Some(at(10600)));
        // A time within the tolerance is an ordinary later edit.
        let mut close = laptop_of_group_3(&room);
        close.edit_input(2, id, "casi a la vez".into(), at(7200 + 60));
        let report = room.import(&close, "grupo3.json", now);
        assert_eq!(room.input(2, id).unwrap().text, "casi a la vez");
        assert_eq!(report.future, 0);
    }

    /// Issue 20, item 24: two copies with the same time and different
    /// text dropped one silently. Both are kept, either way round.
    #[test]
    fn one_time_two_texts_keeps_both_either_way() {
        let mut room = session();
        let id = room.add_input(2, "red regional".into(), at(1)).unwrap();
        let mut laptop = laptop_of_group_3(&room);
        room.edit_input(2, id, "red regional de fiscalías".into(), at(5));
        laptop.edit_input(2, id, "red regional de puntos focales".into(), at(5));
        let mut a = room.clone();
        let report = a.import(&laptop, "grupo3.json", at(10));
        let mut b = laptop.clone();
        b.import(&room, "sala.json", at(10));
        let text = &a.input(2, id).unwrap().text;
        assert_eq!(text, &b.input(2, id).unwrap().text);
        assert!(text.contains("red regional de fiscalías"), "{text}");
        assert!(text.contains("red regional de puntos focales"), "{text}");
        assert!(text.contains("⟦otra versión: "), "{text}");
        assert_eq!(report.versions, 1);
        assert_eq!(report.counts(), (0, 1));
        assert!(!a.import(&laptop, "grupo3.json", at(11)).changed());
    }

    /// A group laptop made from the room's session: it imports the room's
    /// file, keeping each text it took in as the base of its own edits.
    fn laptop_from(room: &Session) -> Session {
        let mut laptop = session();
        laptop.only_group = Some(laptop.groups[2].axis.clone());
        laptop.import(room, "sala.json", at(2));
        laptop
    }

    /// Issue 21, item 2: the room and group 3's laptop each added a
    /// sentence to one input; the base the laptop kept merges them.
    #[test]
    fn a_text_both_copies_changed_since_the_laptop_took_it_merges_word_by_word() {
        let mut room = session();
        let base = "Crear una red regional.";
        let id = room.add_input(2, base.into(), at(1)).unwrap();
        let mut laptop = laptop_from(&room);
        assert_eq!(
            laptop.input(2, id).unwrap().import_base.as_deref(),
            Some(base)
        );
        room.edit_input(2, id, format!("{base} Con fondos propios."), at(5));
        laptop.edit_input(2, id, format!("{base} Liderada por Chile."), at(6));
        let report = room.import(&laptop, "grupo3.json", at(10));
        let text = room.input(2, id).unwrap().text.clone();
        assert!(text.contains("Con fondos propios."), "{text}");
        assert!(text.contains("Liderada por Chile."), "{text}");
        assert!(!text.contains('⟦'), "nothing overlapped: {text}");
        assert_eq!(report.merged, vec![(id, false)]);
        assert_eq!(report.counts(), (0, 1));
        let said = report.describe(&room, crate::i18n::Lang::Es);
        assert!(
            said.contains("combinado palabra por palabra: 3.1"),
            "{said}"
        );
        // The room keeps the laptop's text as it took it in: twice changes
        // nothing.
        let laptops = laptop.input(2, id).unwrap().text.clone();
        assert_eq!(room.input(2, id).unwrap().import_base, Some(laptops));
        assert!(!room.import(&laptop, "grupo3.json", at(11)).changed());
        // The laptop takes the merged text back, and its base with it.
        laptop.import(&room, "sala.json", at(12));
        assert_eq!(laptop.input(2, id).unwrap().text, text);
        assert_eq!(
            laptop.input(2, id).unwrap().import_base.as_deref(),
            Some(&*text)
        );
    }

    /// Two laptops of one group, both made from the room, each add a
    /// sentence to one input; the room imports one, then the other: the
    /// room's record of the first laptop's text is no base for the second,
    /// whose words would otherwise replace the first's.
    #[test]
    fn two_laptops_of_one_group_each_keep_their_sentence() {
        let mut room = session();
        let base = "Crear una red regional.";
        let id = room.add_input(2, base.into(), at(1)).unwrap();
        let mut first = laptop_from(&room);
        let mut second = laptop_from(&room);
        first.edit_input(2, id, format!("{base} Con fondos propios."), at(5));
        second.edit_input(2, id, format!("{base} Liderada por Chile."), at(6));
        room.import(&first, "grupo3-a.json", at(10));
        room.import(&second, "grupo3-b.json", at(11));
        let text = room.input(2, id).unwrap().text.clone();
        assert!(text.contains("Con fondos propios."), "{text}");
        assert!(text.contains("Liderada por Chile."), "{text}");
        assert_eq!(text.matches("Crear una red regional.").count(), 1, "{text}");
    }

    /// The day as it mostly runs: a laptop made with `--group 3` types an
    /// input, the room imports it, then both change it, more than once;
    /// each import merges from the laptop's text the room took in last, so
    /// no sentence is lost and none comes twice.
    #[test]
    fn a_new_laptop_input_edited_on_both_merges_at_every_import() {
        let mut room = session();
        let mut laptop = session();
        laptop.only_group = Some(laptop.groups[2].axis.clone());
        let id = laptop.add_input(2, "Crear una red.".into(), at(1)).unwrap();
        room.import(&laptop, "grupo3.json", at(2));
        let said = |who: &mut Session, sentence: &str, when: i64| {
            let text = who.input(2, id).unwrap().text.clone();
            who.edit_input(2, id, format!("{text} {sentence}"), at(when));
        };
        said(&mut room, "Sala uno.", 3);
        said(&mut laptop, "Grupo uno.", 4);
        let first = room.import(&laptop, "grupo3.json", at(5));
        assert_eq!(first.merged, vec![(id, false)]);
        said(&mut room, "Sala dos.", 6);
        said(&mut laptop, "Grupo dos.", 7);
        let second = room.import(&laptop, "grupo3.json", at(8));
        assert_eq!(second.merged, vec![(id, false)]);
        let text = room.input(2, id).unwrap().text.clone();
        for sentence in [
            "Crear una red.",
            "Sala uno.",
            "Grupo uno.",
            "Sala dos.",
            "Grupo dos.",
        ] {
            assert_eq!(
                text.matches(sentence).count(),
                1,
                "{sentence} once in {text:?}"
            );
        }
    }

    /// Where both changed the same words, both versions are kept and the
    /// report says in which input.
    #[test]
    fn the_same_words_changed_on_both_keep_both_versions() {
        let mut room = session();
        let id = room
            .add_input(2, "Crear una red regional de alerta".into(), at(1))
            .unwrap();
        let mut laptop = laptop_from(&room);
        room.edit_input(2, id, "Crear una red andina de alerta".into(), at(5));
        laptop.edit_input(
            2,
            id,
            "Crear una plataforma nacional de alerta".into(),
            at(6),
        );
        let report = room.import(&laptop, "grupo3.json", at(10));
        assert_eq!(
            room.input(2, id).unwrap().text,
            "Crear una plataforma nacional ⟦otra versión: red andina⟧ de alerta",
            "the copy changed last leads"
        );
        assert_eq!(report.merged, vec![(id, true)]);
        let said = report.describe(&room, crate::i18n::Lang::En);
        assert!(said.contains("in 3.1 the same words changed"), "{said}");
        assert!(!room.import(&laptop, "grupo3.json", at(11)).changed());
    }

    /// Without a base (a laptop's file from before, or a copy of the
    /// room's made by hand) the copy changed last wins, as it always did.
    #[test]
    fn without_a_base_the_text_changed_last_wins_as_before() {
        let mut room = session();
        let base = "Crear una red regional.";
        let id = room.add_input(2, base.into(), at(1)).unwrap();
        let mut laptop = laptop_of_group_3(&room);
        room.edit_input(2, id, format!("{base} Con fondos propios."), at(5));
        laptop.edit_input(2, id, format!("{base} Liderada por Chile."), at(6));
        let report = room.import(&laptop, "grupo3.json", at(10));
        assert_eq!(
            room.input(2, id).unwrap().text,
            format!("{base} Liderada por Chile.")
        );
        assert!(report.merged.is_empty());
    }

    /// Issue 20, item 5: an import shifted the numbers the room had heard.
    /// An input moved into a group elsewhere comes at the end of it here.
    #[test]
    fn an_input_moved_elsewhere_comes_at_the_end_of_its_group() {
        let mut room = session();
        let a = room.add_input(1, "A".into(), at(1)).unwrap();
        let b = room.add_input(1, "B".into(), at(2)).unwrap();
        let c = room.add_input(0, "C".into(), at(3)).unwrap();
        let mut desk = room.clone();
        desk.move_input(0, c, 1, 0, at(10));
        room.import(&desk, "mesa.json", at(20));
        let ids: Vec<Uuid> = room.groups[1].inputs.iter().map(|i| i.id).collect();
        assert_eq!(ids, [a, b, c]);
        assert!(room.groups[0].inputs.is_empty());
    }

    /// Rehearsal: an input deleted on a group laptop came back, and the
    /// import said "1 nuevo y 1 actualizado" and nothing of the deletion.
    #[test]
    fn a_deletion_at_the_laptop_deletes_at_the_master_and_is_reported() {
        let mut laptop = session();
        let keep = laptop.add_input(1, "se queda".into(), at(1)).unwrap();
        let gone = laptop.add_input(1, "se borra".into(), at(2)).unwrap();
        let mut master = session();
        master.import(&laptop, "grupo2.json", at(3));
        assert_eq!(master.groups[1].inputs.len(), 2);
        laptop.remove_input(1, gone, at(4)).unwrap();
        laptop.add_input(1, "nuevo".into(), at(5));
        laptop.edit_input(1, keep, "se queda, corregido".into(), at(6));
        let report = master.import(&laptop, "grupo2.json", at(7));
        let texts: Vec<&str> = master.groups[1]
            .inputs
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(texts, ["se queda, corregido", "nuevo"]);
        // Told as "Grupo 2: 1 nuevo, 1 actualizado, 1 eliminado".
        let g = &report.groups[0];
        assert_eq!((g.added, g.updated, g.deleted, g.roster), (1, 1, 1, false));
        // And no other merge brings it back: not the old copy, not twice.
        let mut old = session();
        old.import(&laptop, "x", at(1));
        let mut older = session();
        older.add_input(1, "x".into(), at(1));
        let copy = Arc::make_mut(&mut older.group_mut(1).unwrap().inputs[0]);
        copy.id = gone;
        copy.updated_at = at(2);
        assert!(!master.import(&older, "vieja.json", at(8)).changed());
        assert!(master.input(1, gone).is_none());
    }

    /// Rehearsal: "votes cleared" and "verdict removed" could not be told
    /// from "never voted", so an older copy with votes won.
    #[test]
    fn cleared_votes_and_a_removed_verdict_beat_an_older_copy_that_had_them() {
        let mut master = session();
        let id = master.add_input(0, "plataforma".into(), at(1)).unwrap();
        vote(&mut master, 0, id, 5, Some(Status::Agreed), 10);
        let copy = master.clone();
        vote(&mut master, 0, id, 0, None, 20);
        assert!(!master.import(&copy, "copia.json", at(30)).changed());
        let plenary = &master.input(0, id).unwrap().plenary;
        assert_eq!((plenary.votes, plenary.status), (0, None));
        // Either way round.
        let mut other = copy.clone();
        let report = other.import(&master, "sala.json", at(30));
        assert_eq!(other.input(0, id).unwrap().plenary.votes, 0);
        assert_eq!(report.counts(), (0, 1));
    }

    /// Rehearsal: a clock reset could not be told from an older run.
    #[test]
    fn a_reset_beats_an_older_run_and_a_later_run_beats_a_reset() {
        let mut laptop = session();
        laptop.timer_mut(&breakout(0)).unwrap().start(at(10));
        let mut master = laptop.clone();
        master.timer_mut(&breakout(0)).unwrap().reset(at(20));
        assert!(!master.import(&laptop, "grupo1.json", at(30)).changed());
        assert!(!master.timer(&breakout(0)).has_started());
        let mut back = laptop.clone();
        assert_eq!(back.import(&master, "sala.json", at(30)).clocks, 1);
        assert!(!back.timer(&breakout(0)).has_started());
        laptop.timer_mut(&breakout(0)).unwrap().pause(at(40));
        master.import(&laptop, "grupo1.json", at(50));
        assert!(
            master.timer(&breakout(0)).has_started(),
            "ran after the reset"
        );
    }

    #[test]
    fn an_undone_deletion_survives_a_merge_with_the_file_that_saw_it() {
        let mut s = session();
        let id = s.add_input(0, "vuelve".into(), at(1)).unwrap();
        vote(&mut s, 0, id, 3, None, 2);
        let (index, input) = s.remove_input(0, id, at(3)).unwrap();
        let deleted = s.clone();
        assert!(s.restore_input(0, index, input, at(4)));
        s.import(&deleted, "borrada.json", at(5));
        let back = s.input(0, id).expect("still there");
        assert_eq!(back.plenary.votes, 3, "its votes too");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// An input: id, group, text, edit time, and the plenary's say
        /// (votes, verdict, time) if any.
        type InputSpec = (u8, u8, u8, i64, Option<(u8, u8, i64)>);

        /// One copy of a file's state: inputs, deletions (id, time),
        /// rosters, clocks.
        #[derive(Debug, Clone)]
        struct FileSpec {
            inputs: Vec<InputSpec>,
            deletions: Vec<(u8, i64)>,
            rosters: Vec<(u8, u8, i64)>,
            clocks: Vec<(u8, u8, i64)>,
        }

        fn file_spec() -> impl Strategy<Value = FileSpec> {
            (
                prop::collection::vec(
                    (
                        0u8..8,
                        0u8..5,
                        0u8..3,
                        0i64..40,
                        prop::option::of((0u8..4, 0u8..3, 0i64..40)),
                    ),
                    0..8,
                ),
                prop::collection::vec((0u8..8, 0i64..40), 0..3),
                prop::collection::vec((0u8..5, 0u8..3, 0i64..40), 0..3),
                prop::collection::vec((0u8..3, 0u8..3, 0i64..40), 0..3),
            )
                .prop_map(|(inputs, deletions, rosters, clocks)| FileSpec {
                    inputs,
                    deletions,
                    rosters,
                    clocks,
                })
        }

        fn build(spec: &FileSpec) -> Session {
            const TEXTS: [&str; 3] = ["plataforma regional", "protocolo común", "campaña"];
            const NAMES: [&str; 3] = ["", "Ana Mora", "Luis Pérez"];
            let mut s = session();
            for &(id, group, text, when, plenary) in &spec.inputs {
                let id = Uuid::from_u128(u128::from(id) + 1);
                if s.groups.iter().any(|g| g.inputs.iter().any(|i| i.id == id)) {
                    continue;
                }
                let plenary = plenary.map_or_else(Plenary::default, |(votes, status, t)| Plenary {
                    // votes 0 and no verdict: cleared.
                    votes: u32::from(votes),
                    status: [None, Some(Status::Agreed), Some(Status::Dropped)][status as usize],
                    observations: String::new(),
                    updated_at: Some(at(t)),
                });
                s.group_mut(group as usize)
                    .unwrap()
                    .inputs
                    .push(Arc::new(Input {
                        id,
                        text: TEXTS[text as usize].into(),
                        created_at: at(-(i64::from(id.as_u128() as u8))),
                        updated_at: at(when),
                        kind: Default::default(),
                        action: Default::default(),
                        plenary,
                        origin: None,
                        import_base: None,
                    }));
            }
            for &(id, when) in &spec.deletions {
                let id = Uuid::from_u128(u128::from(id) + 1);
                let group = s
                    .groups
                    .iter()
                    .position(|g| g.inputs.iter().any(|i| i.id == id));
                if let Some(g) = group {
                    let i = s.groups[g].inputs.iter().position(|i| i.id == id).unwrap();
                    s.group_mut(g).unwrap().inputs.remove(i);
                }
                if !s.deleted.iter().any(|t| t.id == id) {
                    s.deleted.push(Tombstone {
                        id,
                        at: at(when),
                        axis: s.groups[group.unwrap_or(0)].axis.clone(),
                        plenary: None,
                        group_only: false,
                    });
                }
            }
            for &(group, name, when) in &spec.rosters {
                let g = s.group_mut(group as usize).unwrap();
                g.rapporteur = NAMES[name as usize].into();
                g.roster_updated_at = Some(at(when));
            }
            for &(clock, what, when) in &spec.clocks {
                let t = s.timer_mut(&breakout(clock as usize)).unwrap();
                match what {
                    0 => t.start(at(when)),
                    1 => {
                        t.start(at(when));
                        t.pause(at(when + 5));
                    }
                    _ => t.reset(at(when)),
                }
            }
            s
        }

        /// Everything merging decides, but not where new inputs are put
        /// in a list, nor which file an input is said to come from.
        fn shape(s: &Session) -> String {
            let mut groups: Vec<_> = s
                .groups
                .iter()
                .map(|g| {
                    let mut inputs: Vec<_> = g
                        .inputs
                        .iter()
                        .map(|i| Input {
                            origin: None,
                            ..Input::clone(i)
                        })
                        .map(|i| serde_json::to_string(&i).unwrap())
                        .collect();
                    inputs.sort();
                    // Each field as dated (a field's own time or the
                    // roster's: the same fact however it is written).
                    use crate::model::group::RosterRole;
                    let people: Vec<_> = g
                        .participant_times()
                        .into_iter()
                        .map(|(k, p, at)| (k, p.clone(), at))
                        .collect();
                    let roster = serde_json::to_string(&(
                        (&g.facilitator, g.role_time(RosterRole::Facilitator)),
                        (&g.rapporteur, g.role_time(RosterRole::Rapporteur)),
                        people,
                        &g.roster_times.removed,
                    ))
                    .unwrap();
                    (g.axis.clone(), roster, inputs)
                })
                .collect();
            groups.sort();
            let mut deleted: Vec<String> = s
                .deleted
                .iter()
                .map(|t| serde_json::to_string(t).unwrap())
                .collect();
            deleted.sort();
            serde_json::to_string(&(groups, deleted, &s.schedule.timers)).unwrap()
        }

        fn fold(files: &[&Session]) -> Session {
            let mut merged = session();
            for (n, f) in files.iter().enumerate() {
                merge_into(&mut merged, f, &format!("f{n}"), at(100));
            }
            merged
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn merging_is_order_independent(
                specs in prop::collection::vec(file_spec(), 1..5),
                rotate in 0usize..5,
            ) {
                let files: Vec<Session> = specs.iter().map(build).collect();
                let forward: Vec<&Session> = files.iter().collect();
                let mut backward = forward.clone();
                backward.reverse();
                let mut rotated = forward.clone();
                rotated.rotate_left(rotate % forward.len());
                let expected = shape(&fold(&forward));
                prop_assert_eq!(&expected, &shape(&fold(&backward)));
                prop_assert_eq!(&expected, &shape(&fold(&rotated)));
                // Merging into one of the files gives the same as from nothing.
                let mut into_first = files[0].clone();
                for f in &files[1..] {
                    merge_into(&mut into_first, f, "x", at(100));
                }
                let mut from_nothing = fold(&forward);
                merge_into(&mut from_nothing, &files[0], "x", at(100));
                prop_assert_eq!(shape(&into_first), shape(&from_nothing));
            }

            #[test]
            fn merging_is_idempotent(specs in prop::collection::vec(file_spec(), 1..4)) {
                let files: Vec<Session> = specs.iter().map(build).collect();
                let mut merged = fold(&files.iter().collect::<Vec<_>>());
                let once = shape(&merged);
                for f in &files {
                    let report = merge_into(&mut merged, f, "again", at(200));
                    prop_assert!(!report.changed(), "{:?}", report);
                }
                let itself = merged.clone();
                prop_assert!(!merge_into(&mut merged, &itself, "self", at(300)).changed());
                prop_assert_eq!(once, shape(&merged));
            }
        }
    }
}
