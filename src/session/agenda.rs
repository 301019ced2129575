//! The agenda changes on the day: the facilitator adds, renames, removes and
//! reorders the opening's items and breaks, changes their minutes, and adds,
//! renames and removes groups. Each edit is one command with its undo.
//!
//! The clocks stay true because they are keyed by the item's id and the
//! group's axis (`schedule::item_key`), never by position: an item moved or
//! an item added before it leaves a running clock running, with its time.
//! Removing an item or a group stops its clock and keeps it in the undo, so
//! undo puts it back as it was. The plan, the expected end and the
//! report-back slots are computed from the session, so they follow at once.
//!
//! This is the one place that adds or removes groups (besides merging a file
//! with an unknown axis in), so a change to how groups are held stays here.

use jiff::Timestamp;
use uuid::Uuid;

use super::agenda_edit::{AgendaEdit, RemovedGroup};
use super::outcome::{Applied, Outcome, Refused};
use crate::model::definition::slug;
use crate::model::limits::MAX_PLANNED_MINUTES;
use crate::model::schedule::{TimerId, breakout_key, item_key, report_key};
use crate::model::session::{Group, Input, Session};
use crate::model::timer::Timer;
use crate::model::workshop::{AgendaItem, Axis, ItemKind, Thresholds};

/// A new agenda item as the facilitator names it: an id of its own (from
/// the title, never one the agenda or the final step has).
pub fn new_item(session: &Session, title: &str, minutes: u32, kind: ItemKind) -> AgendaItem {
    let w = &session.workshop;
    let taken = |id: &str| {
        w.opening.items.iter().any(|i| i.id == id)
            || w.closing.final_step.id == id
            || session.schedule.timers.contains_key(&item_key(id))
    };
    let base = match slug(title) {
        s if s.is_empty() => "punto".to_string(),
        s => s,
    };
    AgendaItem {
        id: free(&base, taken),
        title: title.trim().to_string(),
        minutes,
        kind,
        body: Vec::new(),
        thresholds: Thresholds::default(),
    }
}

/// A new group's axis: a short id from its name (one word where it is
/// free: it names the group's role and commands), the next number.
pub fn new_axis(session: &Session, title: &str) -> Axis {
    let taken = |id: &str| axis_taken(session, id);
    let full = slug(title);
    let first = full.split('-').next().unwrap_or_default().to_string();
    // A short name all of digits reads as a group number.
    let usable = |s: &str| !s.is_empty() && !s.chars().all(|c| c.is_ascii_digit());
    let base = if usable(&first) && !taken(&first) {
        first
    } else if usable(&full) {
        full
    } else {
        "grupo".to_string()
    };
    Axis {
        id: free(&base, taken),
        number: next_number(session),
        title: title.trim().to_string(),
        instructions: Vec::new(),
        examples: Vec::new(),
    }
}

/// Whether a new group may not take `id`: a group or axis has it, or had
/// it earlier in the session (its join code still names it).
fn axis_taken(session: &Session, id: &str) -> bool {
    // A role's name (`sala`, `grupo2`) would take that role's way in.
    crate::model::definition::is_role_name(&id.to_lowercase())
        || session.workshop.breakout.axes.iter().any(|a| a.id == id)
        || session.groups.iter().any(|g| g.axis == id)
        || session.removed_groups.iter().any(|r| r == id)
}

/// The number after the highest axis's: numbers name a group's inputs in
/// the plan ("2.3"), so a new group never takes the number of one there.
fn next_number(session: &Session) -> u32 {
    let highest = session
        .workshop
        .breakout
        .axes
        .iter()
        .map(|a| a.number)
        .max();
    highest.unwrap_or(0) + 1
}

/// `base`, or `base-2`, `base-3`… the first not taken.
fn free(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn changed(undo: AgendaEdit) -> Result<Applied, Refused> {
    Ok(Applied {
        changed: true,
        undo: Some(super::Command::Agenda(undo)),
        outcome: Outcome::Done,
    })
}

fn unchanged() -> Result<Applied, Refused> {
    Ok(Applied {
        changed: false,
        undo: None,
        outcome: Outcome::Done,
    })
}

fn title_of(title: &str) -> Result<String, Refused> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Refused::EmptyTitle);
    }
    Ok(title.to_string())
}

fn minutes_of(minutes: u32) -> Result<u32, Refused> {
    if (1..=MAX_PLANNED_MINUTES).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(Refused::Minutes(minutes))
    }
}

fn item_at(session: &Session, id: &str) -> Result<usize, Refused> {
    session
        .workshop
        .opening
        .items
        .iter()
        .position(|i| i.id == id)
        .ok_or(Refused::NoSuchItem)
}

fn group_at(session: &Session, axis: &str) -> Result<usize, Refused> {
    session
        .groups
        .iter()
        .position(|g| g.axis == axis)
        .ok_or(Refused::NoSuchGroup)
}

/// Applies an agenda edit (the role was checked by `apply`).
pub(super) fn apply(
    session: &mut Session,
    edit: &AgendaEdit,
    now: Timestamp,
) -> Result<Applied, Refused> {
    let result = match edit {
        AgendaEdit::AddItem { index, item } => add_item(session, *index, item, None),
        AgendaEdit::RestoreItem { index, item, clock } => {
            add_item(session, *index, item, clock.as_deref())
        }
        AgendaEdit::RenameItem { id, title } => {
            let title = title_of(title)?;
            let at = item_at(session, id)?;
            let item = &mut session.workshop.opening.items[at];
            if item.title == title {
                return unchanged();
            }
            let before = std::mem::replace(&mut item.title, title);
            changed(AgendaEdit::RenameItem {
                id: id.clone(),
                title: before,
            })
        }
        AgendaEdit::ItemMinutes {
            id,
            minutes,
            clock_secs,
        } => {
            let minutes = minutes_of(*minutes)?;
            let at = item_at(session, id)?;
            let key = item_key(id);
            let before = session.workshop.opening.items[at].minutes;
            let clock_before = session.schedule.timers.get(&key).map(|t| t.planned_secs);
            session.set_planned_minutes(&TimerId::Opening(id.clone()), minutes);
            if let (Some(secs), Some(timer)) = (clock_secs, session.schedule.timers.get_mut(&key)) {
                timer.planned_secs = *secs;
            }
            let clock_after = session.schedule.timers.get(&key).map(|t| t.planned_secs);
            if before == minutes && clock_before == clock_after {
                return unchanged();
            }
            changed(AgendaEdit::ItemMinutes {
                id: id.clone(),
                minutes: before,
                // Only when the clock had left the plan: otherwise it follows the minutes.
                clock_secs: clock_before.filter(|secs| *secs != planned_secs(before)),
            })
        }
        AgendaEdit::MoveItem { id, index } => {
            let from = item_at(session, id)?;
            let items = &mut session.workshop.opening.items;
            let to = (*index).min(items.len() - 1);
            if from == to {
                return unchanged();
            }
            let item = items.remove(from);
            items.insert(to, item);
            changed(AgendaEdit::MoveItem {
                id: id.clone(),
                index: from,
            })
        }
        AgendaEdit::RemoveItem { id } => {
            let at = item_at(session, id)?;
            // An opening with no item has nothing to show or to time.
            if session.workshop.opening.items.len() == 1 {
                return Err(Refused::LastItem);
            }
            let item = session.workshop.opening.items.remove(at);
            // Its clock stops with it, its time kept for the undo.
            let clock = session.schedule.timers.remove(&item_key(id)).map(|mut t| {
                t.pause(now);
                Box::new(t)
            });
            changed(AgendaEdit::RestoreItem {
                index: at,
                item: Box::new(item),
                clock,
            })
        }
        AgendaEdit::AddGroup { axis } => add_group(session, axis),
        AgendaEdit::RenameGroup { axis, title } => {
            let title = title_of(title)?;
            group_at(session, axis)?;
            let Some(known) = session
                .workshop
                .breakout
                .axes
                .iter_mut()
                .find(|a| a.id == *axis)
            else {
                // A group from another file's axis: it gets an axis of its own.
                let number = next_number(session);
                session.workshop.breakout.axes.push(Axis {
                    id: axis.clone(),
                    number,
                    title,
                    instructions: Vec::new(),
                    examples: Vec::new(),
                });
                return changed(AgendaEdit::RenameGroup {
                    axis: axis.clone(),
                    title: axis.clone(),
                });
            };
            if known.title == title {
                return unchanged();
            }
            let before = std::mem::replace(&mut known.title, title);
            changed(AgendaEdit::RenameGroup {
                axis: axis.clone(),
                title: before,
            })
        }
        AgendaEdit::RemoveGroup { axis, inputs_to } => {
            remove_group(session, axis, inputs_to.as_deref(), now)
        }
        AgendaEdit::RestoreGroup(removed) => restore_group(session, removed, now),
    }?;
    if result.changed {
        session.touch(now);
        follow_report_slots(session, now);
    }
    Ok(result)
}

/// The timebox a clock of `minutes` gets (as `Timer` bounds it).
fn planned_secs(minutes: u32) -> u32 {
    Timer::new(minutes).planned_secs
}

fn add_item(
    session: &mut Session,
    index: usize,
    item: &AgendaItem,
    clock: Option<&Timer>,
) -> Result<Applied, Refused> {
    let title = title_of(&item.title)?;
    minutes_of(item.minutes)?;
    let w = &session.workshop;
    if item.id.trim().is_empty()
        || w.opening.items.iter().any(|i| i.id == item.id)
        || w.closing.final_step.id == item.id
    {
        // Already back (twice the same undo), or someone took its id since.
        return Err(Refused::ChangedSince);
    }
    let items = &mut session.workshop.opening.items;
    let index = index.min(items.len());
    items.insert(
        index,
        AgendaItem {
            title,
            ..item.clone()
        },
    );
    let key = item_key(&item.id);
    match clock {
        Some(timer) => {
            session.schedule.timers.insert(key, timer.clone());
        }
        // A new item starts with no clock of its own: planned as defined.
        None => {
            session.schedule.timers.remove(&key);
        }
    }
    changed(AgendaEdit::RemoveItem {
        id: item.id.clone(),
    })
}

fn add_group(session: &mut Session, axis: &Axis) -> Result<Applied, Refused> {
    let title = title_of(&axis.title)?;
    let id = axis.id.trim();
    if id.is_empty() || axis_taken(session, id) {
        return Err(Refused::ChangedSince);
    }
    session.workshop.breakout.axes.push(Axis {
        title,
        id: id.to_string(),
        ..axis.clone()
    });
    session.groups.push(std::sync::Arc::new(Group::empty(id)));
    for key in [breakout_key(id), report_key(id)] {
        session.schedule.timers.remove(&key);
    }
    changed(AgendaEdit::RemoveGroup {
        axis: id.to_string(),
        inputs_to: None,
    })
}

fn remove_group(
    session: &mut Session,
    axis: &str,
    inputs_to: Option<&str>,
    now: Timestamp,
) -> Result<Applied, Refused> {
    let at = group_at(session, axis)?;
    if session.groups.len() == 1 {
        return Err(Refused::LastGroup);
    }
    let count = session.groups[at].inputs.len();
    let target = match inputs_to {
        _ if count == 0 => None,
        None => return Err(Refused::GroupHasInputs(count)),
        Some(to) if to == axis => return Err(Refused::GroupHasInputs(count)),
        Some(to) => Some(group_at(session, to)?),
    };
    let mut group = std::sync::Arc::unwrap_or_clone(session.groups.remove(at));
    let inputs = std::mem::take(&mut group.inputs);
    let moved: Vec<Uuid> = inputs.iter().map(|i| i.id).collect();
    if let Some(target) = target {
        // The group before it moved down one place when it left.
        let target = if target > at { target - 1 } else { target };
        for input in inputs {
            move_into(session, target, input, now);
        }
    }
    let axis_index = session
        .workshop
        .breakout
        .axes
        .iter()
        .position(|a| a.id == axis);
    let removed_axis = axis_index.map(|i| session.workshop.breakout.axes.remove(i));
    if !session.removed_groups.iter().any(|r| r == axis) {
        session.removed_groups.push(axis.to_string());
    }
    let clocks = [breakout_key(axis), report_key(axis)]
        .into_iter()
        .filter_map(|key| Some((key.clone(), session.schedule.timers.remove(&key)?)))
        .collect();
    changed(AgendaEdit::RestoreGroup(Box::new(RemovedGroup {
        group_index: at,
        axis_index,
        axis: removed_axis,
        group,
        clocks,
        removed_at: now,
        inputs_to: target.map(|_| inputs_to.unwrap_or_default().to_string()),
        inputs: moved,
    })))
}

fn restore_group(
    session: &mut Session,
    removed: &RemovedGroup,
    now: Timestamp,
) -> Result<Applied, Refused> {
    let axis = removed.group.axis.clone();
    if session.groups.iter().any(|g| g.axis == axis) {
        return Err(Refused::ChangedSince);
    }
    if let Some(known) = &removed.axis
        && !session
            .workshop
            .breakout
            .axes
            .iter()
            .any(|a| a.id == known.id)
    {
        // A group added since may have taken its number (the highest was
        // free): two groups never share one, so it comes back with the next.
        let number = if session
            .workshop
            .breakout
            .axes
            .iter()
            .any(|a| a.number == known.number)
        {
            next_number(session)
        } else {
            known.number
        };
        let axes = &mut session.workshop.breakout.axes;
        let index = removed.axis_index.unwrap_or(axes.len()).min(axes.len());
        axes.insert(
            index,
            Axis {
                number,
                ..known.clone()
            },
        );
    }
    let index = removed.group_index.min(session.groups.len());
    session
        .groups
        .insert(index, std::sync::Arc::new(removed.group.clone()));
    for (key, timer) in &removed.clocks {
        let timer = as_it_was(session, key, timer, removed.removed_at, now);
        session.schedule.timers.insert(key.clone(), timer);
    }
    // Its inputs come back from where they went, as they are now (edited
    // there since, they keep the edit); one deleted meanwhile stays deleted.
    if let Some(to) = &removed.inputs_to
        && let Some(target) = session.groups.iter().position(|g| g.axis == *to)
    {
        for id in &removed.inputs {
            if let Some(i) = session.groups[target]
                .inputs
                .iter()
                .position(|x| x.id == *id)
            {
                let taken = session
                    .group_mut(target)
                    .expect("a group found above")
                    .inputs
                    .remove(i);
                move_into(session, index, taken, now);
            }
        }
    }
    changed(AgendaEdit::RemoveGroup {
        axis,
        inputs_to: removed.inputs_to.clone(),
    })
}

/// A removed group's clock brought back as if it had never left: one that
/// ran runs on, its time counted through the gap, unless its part of the day
/// stopped since; it then stops when it would have (the breakouts paused,
/// the first report-back begun, another item put in front of the room).
fn as_it_was(
    session: &Session,
    key: &str,
    timer: &Timer,
    removed_at: Timestamp,
    now: Timestamp,
) -> Timer {
    let mut timer = timer.clone();
    if !timer.is_running() {
        return timer;
    }
    let since = |at: Option<Timestamp>| at.filter(|at| *at >= removed_at);
    let clocks = |kind: fn(&TimerId) -> bool| {
        session
            .timer_ids()
            .into_iter()
            .filter(kind)
            .map(|id| session.timer(&id))
            .collect::<Vec<_>>()
    };
    let started_since = |kind: fn(&TimerId) -> bool| {
        clocks(kind)
            .iter()
            .flat_map(|t| [since(t.first_started_at), since(t.running_since)])
            .flatten()
            .min()
    };
    let stopped = if key.starts_with("breakout/") {
        let breakouts = clocks(|id| matches!(id, TimerId::Breakout(_)));
        // Paused with the others, or ended by the first report-back.
        let paused = match breakouts.iter().any(Timer::is_running) {
            true => None,
            false => breakouts.iter().filter_map(|t| since(t.stopped_at)).max(),
        };
        let reports = started_since(|id| matches!(id, TimerId::Report(_)));
        paused.into_iter().chain(reports).min()
    } else {
        // One item in front of the room: another started since stops it.
        started_since(|id| !matches!(id, TimerId::Breakout(_)))
    };
    if let Some(at) = stopped {
        timer.pause(at.min(now));
    }
    timer
}

/// Once the groups have begun to report back, the slots still to come share
/// the time left again: a change to the agenda moves the planned end.
fn follow_report_slots(session: &mut Session, now: Timestamp) {
    let reporting = session
        .report_clocks()
        .any(|id| session.timer(&id).has_started());
    if reporting {
        session.size_report_slots(now);
    }
}

/// Whether the session still shows this edit as its author left it, so
/// that undoing it overwrites nobody's later change.
pub(super) fn still_holds(edit: &AgendaEdit, session: &Session) -> bool {
    let item = |id: &str| session.workshop.opening.items.iter().find(|i| i.id == id);
    let item_at = |id: &str| {
        session
            .workshop
            .opening
            .items
            .iter()
            .position(|i| i.id == id)
    };
    let group = |axis: &str| session.groups.iter().find(|g| g.axis == axis);
    let title = |axis: &str| session.workshop.axis(axis).map(|a| a.title.as_str());
    match edit {
        // Undoing an add removes the item: not once its clock has run.
        AgendaEdit::AddItem { item: added, .. } => item(&added.id).is_some_and(|i| {
            i.title == added.title.trim()
                && i.minutes == added.minutes
                && !session.timer(&TimerId::Opening(i.id.clone())).has_started()
        }),
        AgendaEdit::RestoreItem { item: back, .. } => {
            item(&back.id).is_some_and(|i| i.title == back.title)
        }
        AgendaEdit::RenameItem { id, title } => item(id).is_some_and(|i| i.title == title.trim()),
        AgendaEdit::ItemMinutes { id, minutes, .. } => {
            item(id).is_some_and(|i| i.minutes == *minutes)
        }
        AgendaEdit::MoveItem { id, index } => {
            let last = session.workshop.opening.items.len().saturating_sub(1);
            item_at(id) == Some((*index).min(last))
        }
        AgendaEdit::RemoveItem { id } => item(id).is_none(),
        // Undoing an add removes the group: not once it holds anything.
        AgendaEdit::AddGroup { axis } => group(&axis.id).is_some_and(|g| {
            g.inputs.is_empty() && !g.has_roster() && title(&axis.id) == Some(axis.title.trim())
        }),
        AgendaEdit::RenameGroup { axis, title: t } => title(axis) == Some(t.trim()),
        AgendaEdit::RemoveGroup { axis, .. } => group(axis).is_none(),
        AgendaEdit::RestoreGroup(removed) => group(&removed.group.axis).is_some(),
    }
}

/// `input` at the end of group `group`, stamped as changed `now`: a move is
/// an edit, so merged with another laptop's copy, the moved one wins.
fn move_into(session: &mut Session, group: usize, input: std::sync::Arc<Input>, now: Timestamp) {
    let mut input = std::sync::Arc::unwrap_or_clone(input);
    input.updated_at = now;
    session
        .group_mut(group)
        .expect("a group of the session")
        .inputs
        .push(std::sync::Arc::new(input));
}
