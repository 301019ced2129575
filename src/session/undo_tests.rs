//! Undo holds groups by their axis, never by position, and the agenda keeps
//! its numbers and ids apart when the facilitator reshapes the day.

use crate::model::schedule::places::{breakout, opening, report};
use uuid::Uuid;

use super::test_support::{add, at};
use super::*;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

fn host() -> Host {
    let workshop = Workshop::default_for(crate::i18n::Lang::Es).unwrap();
    let session = Session::new("review", workshop, at(0));
    Host::new(
        "r.json".into(),
        session,
        None,
        Box::new(Recorder::default()),
        at(0),
    )
}

/// A facilitator removes the group of `axis`, with no inputs to move.
fn remove_group(host: &mut Host, who: PersonId, axis: String, minute: i64) {
    host.submit(
        who,
        &Role::Facilitator,
        Command::Agenda(AgendaEdit::RemoveGroup {
            axis,
            inputs_to: None,
        }),
        at(minute),
    )
    .unwrap();
}

fn axis_of(host: &Host, id: Uuid) -> Option<String> {
    let s = host.session();
    s.group_of_input(id).map(|g| s.groups[g].axis.clone())
}

#[test]
fn undoing_a_delete_after_an_earlier_group_was_removed_restores_into_its_own_group() {
    let mut host = host();
    let (a, b) = (host.join(), host.join());
    let f = Role::Facilitator;
    let id = add(&mut host, a, &f, 2, "conclusión del grupo 3");
    let axis3 = host.session().groups[2].axis.clone();
    host.submit(a, &f, Command::DeleteInput { id }, at(2))
        .unwrap();
    let first = host.session().groups[0].axis.clone();
    remove_group(&mut host, b, first, 3);
    host.undo(a, &f, at(4)).unwrap();
    assert_eq!(
        axis_of(&host, id),
        Some(axis3),
        "the input came back into another group"
    );
}

#[test]
fn a_rapporteurs_undo_still_works_after_an_earlier_group_was_removed() {
    let mut host = host();
    let (r, f) = (host.join(), host.join());
    let axis3 = host.session().groups[2].axis.clone();
    let rap = Role::Rapporteur {
        axis: axis3.clone(),
    };
    let id = add(&mut host, r, &rap, 2, "conclusión del grupo 3");
    host.submit(r, &rap, Command::DeleteInput { id }, at(2))
        .unwrap();
    let first = host.session().groups[0].axis.clone();
    remove_group(&mut host, f, first, 3);
    let undone = host.undo(r, &rap, at(4));
    assert!(undone.is_ok(), "rapporteur's undo refused: {undone:?}");
    assert_eq!(axis_of(&host, id), Some(axis3));
}

#[test]
fn undoing_a_move_after_an_earlier_group_was_removed_returns_it_to_its_group() {
    let mut host = host();
    let (a, b) = (host.join(), host.join());
    let f = Role::Facilitator;
    let id = add(&mut host, a, &f, 2, "uno");
    let axis3 = host.session().groups[2].axis.clone();
    host.submit(
        a,
        &f,
        Command::MoveInput {
            id,
            axis: host.session().groups[3].axis.clone(),
            index: 0,
        },
        at(2),
    )
    .unwrap();
    let first = host.session().groups[0].axis.clone();
    remove_group(&mut host, b, first, 3);
    let undone = host.undo(a, &f, at(4));
    assert_eq!(
        axis_of(&host, id),
        Some(axis3),
        "undo of the move: {undone:?}"
    );
}

#[test]
fn a_restored_group_and_one_added_meanwhile_do_not_share_a_number() {
    let mut host = host();
    let (a, b) = (host.join(), host.join());
    let f = Role::Facilitator;
    let last = host.session().groups.last().unwrap().axis.clone();
    remove_group(&mut host, a, last, 1);
    let axis = new_axis(host.session(), "Datos");
    host.submit(
        b,
        &f,
        Command::Agenda(AgendaEdit::AddGroup {
            axis: Box::new(axis),
        }),
        at(2),
    )
    .unwrap();
    host.undo(a, &f, at(3)).unwrap();
    let mut numbers: Vec<u32> = host
        .session()
        .workshop
        .breakout
        .axes
        .iter()
        .map(|x| x.number)
        .collect();
    let n = numbers.len();
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        n,
        "two groups share a number: {:?}",
        host.session()
            .workshop
            .breakout
            .axes
            .iter()
            .map(|x| (&x.id, x.number))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_last_agenda_item_stays_and_undo_brings_the_others_back() {
    let mut host = host();
    let a = host.join();
    let f = Role::Facilitator;
    host.submit(
        a,
        &f,
        Command::Clock {
            timer: opening(0),
            action: ClockAction::Start,
        },
        at(0),
    )
    .unwrap();
    let ids: Vec<String> = host
        .session()
        .workshop
        .opening
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let (last, before) = ids.split_last().unwrap();
    for id in before {
        host.submit(
            a,
            &f,
            Command::Agenda(AgendaEdit::RemoveItem { id: id.clone() }),
            at(1),
        )
        .unwrap();
    }
    let refused = host.submit(
        a,
        &f,
        Command::Agenda(AgendaEdit::RemoveItem { id: last.clone() }),
        at(1),
    );
    assert_eq!(refused.map(|_| ()), Err(Refused::LastItem));
    let space = host.submit(
        a,
        &f,
        Command::Clock {
            timer: TimerId::Opening("no-such-item".into()),
            action: ClockAction::Start,
        },
        at(1),
    );
    assert_eq!(space.map(|_| ()), Err(Refused::NoSuchItem), "not a group");
    host.submit(
        a,
        &f,
        Command::Clock {
            timer: crate::model::schedule::TimerId::Final,
            action: ClockAction::Next,
        },
        at(2),
    )
    .unwrap();
    let _ = host.session().plan(at(3));
    for _ in 0..3 {
        let _ = host.undo(a, &f, at(4));
    }
    assert_eq!(host.session().workshop.opening.items.len(), 4);
}

#[test]
fn a_new_group_named_like_a_removed_one_gets_an_axis_of_its_own() {
    let mut host = host();
    let a = host.join();
    let f = Role::Facilitator;
    let removed = host.session().groups[4].axis.clone();
    remove_group(&mut host, a, removed.clone(), 1);
    let axis = new_axis(host.session(), &removed);
    assert_ne!(
        axis.id, removed,
        "it would inherit the removed group's code"
    );
    let reused = host.submit(
        a,
        &f,
        Command::Agenda(AgendaEdit::AddGroup {
            axis: Box::new(crate::model::workshop::Axis {
                id: removed.clone(),
                ..axis.clone()
            }),
        }),
        at(2),
    );
    assert_eq!(reused.map(|_| ()), Err(Refused::ChangedSince));
    // Undoing the removal still brings the group back with its own axis.
    host.undo(a, &f, at(3)).unwrap();
    assert!(host.session().groups.iter().any(|g| g.axis == removed));
}

fn clock(host: &mut Host, who: PersonId, timer: TimerId, action: ClockAction, minute: i64) {
    host.submit(
        who,
        &Role::Facilitator,
        Command::Clock { timer, action },
        at(minute),
    )
    .unwrap();
}

/// The breakouts run in parallel; a group removed by mistake and brought
/// back runs on with the others, its time counted through the gap.
#[test]
fn undoing_a_group_removal_puts_its_running_breakout_back_running() {
    let mut host = host();
    let f = host.join();
    let any = breakout(0);
    clock(&mut host, f, any, ClockAction::StartAllGroups, 0);
    let axis = host.session().groups[2].axis.clone();
    remove_group(&mut host, f, axis.clone(), 30);
    host.undo(f, &Role::Facilitator, at(32)).unwrap();
    let s = host.session();
    let g = s.groups.iter().position(|g| g.axis == axis).unwrap();
    let back = s.timer(&breakout(g));
    assert!(back.is_running(), "paused while the others run: {back:?}");
    let other = s.timer(&breakout(0));
    assert_eq!(back.elapsed_ms(at(40)), other.elapsed_ms(at(40)));
    assert_eq!(back.elapsed_ms(at(40)), 40 * 60_000);
}

/// Brought back after the breakouts ended, it ended with them; one that
/// was paused comes back paused, its time as it was.
#[test]
fn a_restored_breakout_stops_when_the_others_stopped() {
    let mut host = host();
    let f = host.join();
    clock(&mut host, f, breakout(0), ClockAction::StartAllGroups, 0);
    clock(&mut host, f, breakout(1), ClockAction::Pause, 20);
    let (running, paused) = (
        host.session().groups[2].axis.clone(),
        host.session().groups[1].axis.clone(),
    );
    remove_group(&mut host, f, running.clone(), 30);
    remove_group(&mut host, f, paused.clone(), 31);
    // The first group reports back: the breakouts end.
    clock(&mut host, f, report(0), ClockAction::Start, 50);
    host.undo(f, &Role::Facilitator, at(55)).unwrap();
    host.undo(f, &Role::Facilitator, at(56)).unwrap();
    let s = host.session();
    let timer = |axis: &str| {
        let g = s.groups.iter().position(|g| g.axis == axis).unwrap();
        s.timer(&breakout(g))
    };
    assert!(!timer(&running).is_running());
    assert_eq!(timer(&running).elapsed_ms(at(60)), 50 * 60_000);
    assert_eq!(timer(&paused).elapsed_ms(at(60)), 20 * 60_000);
    assert_eq!(
        s.timer_ids()
            .into_iter()
            .filter(|id| s.is_running(id))
            .collect::<Vec<_>>(),
        vec![report(0)]
    );
}

/// A group removed while it reported back comes back reporting, unless
/// another item has been put in front of the room since.
#[test]
fn a_restored_report_back_runs_on_unless_another_item_started() {
    let mut host = host();
    let f = host.join();
    let axis = host.session().groups[1].axis.clone();
    clock(&mut host, f, report(1), ClockAction::Start, 0);
    remove_group(&mut host, f, axis.clone(), 4);
    host.undo(f, &Role::Facilitator, at(6)).unwrap();
    let g = |host: &Host| {
        let s = host.session();
        s.groups.iter().position(|g| g.axis == axis).unwrap()
    };
    assert!(host.session().is_running(&report(g(&host))));
    remove_group(&mut host, f, axis.clone(), 7);
    clock(&mut host, f, report(0), ClockAction::Start, 8);
    host.undo(f, &Role::Facilitator, at(9)).unwrap();
    let back = host.session().timer(&report(g(&host)));
    assert!(!back.is_running(), "two items in front of the room");
    assert_eq!(back.elapsed_ms(at(10)), 8 * 60_000);
}
