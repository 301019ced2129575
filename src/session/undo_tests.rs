//! Undo holds groups by their axis, never by position: the facilitator
//! removing a group before one leaves its undo landing on it.

use jiff::Timestamp;
use uuid::Uuid;

use super::*;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
}

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

fn add(host: &mut Host, who: PersonId, role: &Role, group: usize, text: &str) -> Uuid {
    let id = Uuid::new_v4();
    host.submit(
        who,
        role,
        Command::AddInput {
            group,
            id,
            text: text.into(),
        },
        at(1),
    )
    .unwrap();
    id
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
    host.submit(
        b,
        &f,
        Command::Agenda(AgendaEdit::RemoveGroup {
            axis: first,
            inputs_to: None,
        }),
        at(3),
    )
    .unwrap();
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
    host.submit(
        f,
        &Role::Facilitator,
        Command::Agenda(AgendaEdit::RemoveGroup {
            axis: first,
            inputs_to: None,
        }),
        at(3),
    )
    .unwrap();
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
    host.submit(
        b,
        &f,
        Command::Agenda(AgendaEdit::RemoveGroup {
            axis: first,
            inputs_to: None,
        }),
        at(3),
    )
    .unwrap();
    let undone = host.undo(a, &f, at(4));
    assert_eq!(
        axis_of(&host, id),
        Some(axis3),
        "undo of the move: {undone:?}"
    );
}
