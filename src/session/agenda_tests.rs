//! The agenda edited on the day, through the host as every screen sends it:
//! each edit and its undo, who may make it, and the clocks kept true.

use crate::model::schedule::places::{breakout, opening, report};
use uuid::Uuid;

use super::test_support::{add, at};
use super::*;
use crate::model::schedule::{RowState, TimerId, item_key};
use crate::model::session::Session;
use crate::model::workshop::{ItemKind, Workshop};

struct Day {
    host: Host,
    facilitator: PersonId,
    rapporteur: PersonId,
    reader: PersonId,
}

impl Day {
    fn new() -> Day {
        let workshop = Workshop::default_for(crate::i18n::Lang::Es).unwrap();
        let mut session = Session::new("agenda", workshop, at(0));
        session.schedule.planned_start = Some(at(0));
        let mut host = Host::new(
            "agenda.json".into(),
            session,
            None,
            Box::new(Recorder::default()),
            at(0),
        );
        let (facilitator, rapporteur, reader) = (host.join(), host.join(), host.join());
        Day {
            host,
            facilitator,
            rapporteur,
            reader,
        }
    }

    fn session(&self) -> &Session {
        self.host.session()
    }

    fn edit(&mut self, edit: AgendaEdit, minute: i64) -> Result<Applied, Refused> {
        self.host.submit(
            self.facilitator,
            &Role::Facilitator,
            Command::Agenda(edit),
            at(minute),
        )
    }

    fn undo(&mut self, minute: i64) -> Result<Applied, Refused> {
        self.host
            .undo(self.facilitator, &Role::Facilitator, at(minute))
    }

    fn redo(&mut self, minute: i64) -> Result<Applied, Refused> {
        self.host
            .redo(self.facilitator, &Role::Facilitator, at(minute))
    }

    fn clock(&mut self, timer: TimerId, action: ClockAction, minute: i64) {
        self.host
            .submit(
                self.facilitator,
                &Role::Facilitator,
                Command::Clock { timer, action },
                at(minute),
            )
            .unwrap();
    }

    fn ids(&self) -> Vec<String> {
        self.session()
            .workshop
            .opening
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }

    fn axes(&self) -> Vec<String> {
        self.session()
            .groups
            .iter()
            .map(|g| g.axis.clone())
            .collect()
    }

    fn running(&self) -> Vec<TimerId> {
        let s = self.session();
        s.timer_ids()
            .into_iter()
            .filter(|id| s.is_running(id))
            .collect()
    }

    fn add_input(&mut self, group: usize, text: &str) -> Uuid {
        add(
            &mut self.host,
            self.facilitator,
            &Role::Facilitator,
            group,
            text,
        )
    }
}

fn minister(session: &Session) -> AgendaItem {
    new_item(session, "Llegada del ministro", 10, ItemKind::Item)
}

use crate::model::workshop::AgendaItem;

#[test]
fn an_item_added_before_the_running_one_leaves_its_clock_running_and_undo_takes_it_out() {
    let mut day = Day::new();
    day.clock(opening(1), ClockAction::Start, 0);
    let before = day.ids();
    let item = minister(day.session());
    assert_eq!(item.id, "llegada-del-ministro");
    day.edit(
        AgendaEdit::AddItem {
            index: 0,
            item: Box::new(item),
        },
        5,
    )
    .unwrap();
    assert_eq!(day.ids()[0], "llegada-del-ministro");
    assert_eq!(
        day.running(),
        vec![opening(1)],
        "the same item runs, one place down"
    );
    assert_eq!(day.ids()[2], before[1], "one place down");
    let timer = day.session().timer(&opening(1));
    assert_eq!(timer.elapsed_ms(at(5)), 5 * 60_000, "its time kept");
    day.undo(6).unwrap();
    assert_eq!(day.ids(), before);
    assert_eq!(day.running(), vec![opening(1)]);
    day.redo(7).unwrap();
    assert_eq!(day.ids()[0], "llegada-del-ministro");
}

#[test]
fn an_item_added_after_the_running_one_moves_the_expected_end() {
    let mut day = Day::new();
    day.clock(opening(0), ClockAction::Start, 0);
    let end = day.session().plan(at(1)).expected_end;
    let item = minister(day.session());
    day.edit(
        AgendaEdit::AddItem {
            index: 1,
            item: Box::new(item),
        },
        1,
    )
    .unwrap();
    let plan = day.session().plan(at(1));
    assert_eq!(plan.expected_end, end + jiff::SignedDuration::from_mins(10));
    assert_eq!(plan.rows[1].label, "Llegada del ministro");
    assert_eq!(plan.rows[1].state, RowState::Ahead);
}

#[test]
fn rename_and_minutes_are_undone_to_what_they_were() {
    let mut day = Day::new();
    let id = day.ids()[2].clone();
    let title = day.session().workshop.opening.items[2].title.clone();
    day.edit(
        AgendaEdit::RenameItem {
            id: id.clone(),
            title: "  Metodología revisada ".into(),
        },
        1,
    )
    .unwrap();
    assert_eq!(
        day.session().workshop.opening.items[2].title,
        "Metodología revisada"
    );
    day.undo(2).unwrap();
    assert_eq!(day.session().workshop.opening.items[2].title, title);

    // A clock moved off the plan by `+` comes back to its own timebox.
    day.clock(opening(2), ClockAction::Start, 3);
    day.clock(opening(2), ClockAction::Extend(5), 3);
    let planned = day.session().workshop.opening.items[2].minutes;
    day.edit(
        AgendaEdit::ItemMinutes {
            id: id.clone(),
            minutes: 40,
            clock_secs: None,
        },
        4,
    )
    .unwrap();
    assert_eq!(day.session().timer(&opening(2)).planned_secs, 2400);
    assert!(day.session().is_running(&opening(2)));
    day.undo(5).unwrap();
    assert_eq!(day.session().workshop.opening.items[2].minutes, planned);
    assert_eq!(
        day.session().timer(&opening(2)).planned_secs,
        (planned + 5) * 60
    );
}

#[test]
fn a_moved_item_keeps_its_clock_and_moves_back_on_undo() {
    let mut day = Day::new();
    day.clock(opening(2), ClockAction::Start, 0);
    let before = day.ids();
    let id = before[2].clone();
    day.edit(
        AgendaEdit::MoveItem {
            id: id.clone(),
            index: 0,
        },
        3,
    )
    .unwrap();
    assert_eq!(day.ids()[0], id);
    assert_eq!(day.running(), vec![opening(2)], "the same item, now first");
    assert_eq!(
        day.session().timer(&opening(2)).elapsed_ms(at(3)),
        3 * 60_000
    );
    day.undo(4).unwrap();
    assert_eq!(day.ids(), before);
    assert_eq!(day.running(), vec![opening(2)]);
}

#[test]
fn removing_the_running_item_stops_it_and_undo_puts_it_back_with_its_time() {
    let mut day = Day::new();
    day.clock(opening(1), ClockAction::Start, 0);
    let before = day.ids();
    let id = before[1].clone();
    day.edit(AgendaEdit::RemoveItem { id: id.clone() }, 4)
        .unwrap();
    assert!(day.running().is_empty(), "its clock stopped with it");
    assert!(!day.session().schedule.timers.contains_key(&item_key(&id)));
    day.undo(9).unwrap();
    assert_eq!(day.ids(), before, "back in its place");
    let timer = day.session().timer(&opening(1));
    assert!(!timer.is_running());
    assert_eq!(timer.elapsed_ms(at(9)), 4 * 60_000, "with the time it had");
    assert_eq!(timer.first_started_at, Some(at(0)));
}

#[test]
fn an_undo_is_refused_when_someone_changed_the_item_since() {
    let mut day = Day::new();
    let id = day.ids()[0].clone();
    day.edit(
        AgendaEdit::RenameItem {
            id: id.clone(),
            title: "Uno".into(),
        },
        1,
    )
    .unwrap();
    let other = day.host.join();
    day.host
        .submit(
            other,
            &Role::Facilitator,
            Command::Agenda(AgendaEdit::RenameItem {
                id: id.clone(),
                title: "Dos".into(),
            }),
            at(2),
        )
        .unwrap();
    assert_eq!(day.undo(3), Err(Refused::ChangedSince));
    assert_eq!(day.session().workshop.opening.items[0].title, "Dos");
}

#[test]
fn bad_titles_and_minutes_are_refused_and_change_nothing() {
    let mut day = Day::new();
    let before = day.session().clone();
    let id = day.ids()[0].clone();
    let refusals = [
        (
            AgendaEdit::RenameItem {
                id: id.clone(),
                title: "   ".into(),
            },
            Refused::EmptyTitle,
        ),
        (
            AgendaEdit::ItemMinutes {
                id: id.clone(),
                minutes: 0,
                clock_secs: None,
            },
            Refused::Minutes(0),
        ),
        (
            AgendaEdit::RenameItem {
                id: "no-existe".into(),
                title: "x".into(),
            },
            Refused::NoSuchItem,
        ),
        (
            AgendaEdit::RenameGroup {
                axis: "no-existe".into(),
                title: "x".into(),
            },
            Refused::NoSuchGroup,
        ),
    ];
    for (edit, refused) in refusals {
        assert_eq!(day.edit(edit, 1), Err(refused));
    }
    assert_eq!(*day.session(), before);
}

#[test]
fn a_group_added_renamed_and_removed_empty_and_each_undone() {
    let mut day = Day::new();
    let before = day.session().clone();
    let axis = new_axis(day.session(), "Protección de datos");
    assert_eq!(axis.id, "proteccion");
    // A group named after a role's way in does not take it.
    assert_eq!(
        new_axis(day.session(), "Sala de prensa").id,
        "sala-de-prensa"
    );
    assert_eq!(new_axis(day.session(), "Grupo2").id, "grupo2-2");
    assert_eq!(axis.number, 6);
    day.edit(
        AgendaEdit::AddGroup {
            axis: Box::new(axis),
        },
        1,
    )
    .unwrap();
    assert_eq!(day.axes().last().unwrap(), "proteccion");
    assert_eq!(day.session().group_title(5), "Protección de datos");
    assert_eq!(day.session().plan(at(1)).rows.len(), 4 + 1 + 6 + 1);
    day.edit(
        AgendaEdit::RenameGroup {
            axis: "proteccion".into(),
            title: "Datos".into(),
        },
        2,
    )
    .unwrap();
    assert_eq!(day.session().group_title(5), "Datos");
    day.undo(3).unwrap();
    assert_eq!(day.session().group_title(5), "Protección de datos");
    day.undo(4).unwrap();
    assert_eq!(day.session().groups, before.groups);
    assert_eq!(day.session().workshop, before.workshop);

    // An empty group goes without a question, and comes back with its roster.
    day.host
        .submit(
            day.facilitator,
            &Role::Facilitator,
            Command::SetRoster {
                axis: day.axes()[2].clone(),
                role: crate::model::session::RosterRole::Rapporteur,
                name: "Ana".into(),
                base: None,
            },
            at(5),
        )
        .unwrap();
    let axis = day.axes()[2].clone();
    day.edit(
        AgendaEdit::RemoveGroup {
            axis: axis.clone(),
            inputs_to: None,
        },
        6,
    )
    .unwrap();
    assert_eq!(day.session().groups.len(), 4);
    assert!(day.session().workshop.axis(&axis).is_none());
    day.undo(7).unwrap();
    assert_eq!(day.axes()[2], axis);
    assert_eq!(day.session().groups[2].rapporteur, "Ana");
    assert!(day.session().workshop.axis(&axis).is_some());
}

#[test]
fn a_group_with_inputs_is_removed_only_into_another_and_undo_brings_them_back() {
    let mut day = Day::new();
    let a = day.add_input(1, "uno");
    let b = day.add_input(1, "dos");
    let kept = day.add_input(3, "ya estaba");
    let (axis, into) = (day.axes()[1].clone(), day.axes()[3].clone());
    day.clock(breakout(1), ClockAction::Start, 2);
    assert_eq!(
        day.edit(
            AgendaEdit::RemoveGroup {
                axis: axis.clone(),
                inputs_to: None,
            },
            3,
        ),
        Err(Refused::GroupHasInputs(2))
    );
    assert_eq!(
        day.edit(
            AgendaEdit::RemoveGroup {
                axis: axis.clone(),
                inputs_to: Some(axis.clone()),
            },
            3,
        ),
        Err(Refused::GroupHasInputs(2))
    );
    day.edit(
        AgendaEdit::RemoveGroup {
            axis: axis.clone(),
            inputs_to: Some(into.clone()),
        },
        3,
    )
    .unwrap();
    let target = day.axes().iter().position(|x| *x == into).unwrap();
    let there: Vec<Uuid> = day.session().groups[target]
        .inputs
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(there, vec![kept, a, b], "nothing lost, in their order");
    assert_eq!(day.session().input_count(), 3);
    day.undo(8).unwrap();
    assert_eq!(day.axes()[1], axis);
    let back: Vec<Uuid> = day.session().groups[1]
        .inputs
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(back, vec![a, b]);
    assert_eq!(day.session().groups[3].inputs.len(), 1);
    let clock = day.session().timer(&breakout(1));
    assert!(clock.is_running(), "its clock as it was: running");
    assert_eq!(
        clock.elapsed_ms(at(8)),
        6 * 60_000,
        "with the time it would have had"
    );
    day.redo(9).unwrap();
    assert_eq!(day.session().groups.len(), 4);
}

#[test]
fn the_last_group_stays() {
    let mut day = Day::new();
    for axis in day.axes().into_iter().skip(1) {
        day.edit(
            AgendaEdit::RemoveGroup {
                axis,
                inputs_to: None,
            },
            1,
        )
        .unwrap();
    }
    let last = day.axes()[0].clone();
    assert_eq!(
        day.edit(
            AgendaEdit::RemoveGroup {
                axis: last,
                inputs_to: None,
            },
            2,
        ),
        Err(Refused::LastGroup)
    );
}

#[test]
fn only_the_facilitator_shapes_the_agenda() {
    let mut day = Day::new();
    let axis = day.axes()[0].clone();
    let id = day.ids()[0].clone();
    let edits = [
        AgendaEdit::AddItem {
            index: 0,
            item: Box::new(minister(day.session())),
        },
        AgendaEdit::RenameItem {
            id: id.clone(),
            title: "x".into(),
        },
        AgendaEdit::ItemMinutes {
            id: id.clone(),
            minutes: 5,
            clock_secs: None,
        },
        AgendaEdit::MoveItem {
            id: id.clone(),
            index: 2,
        },
        AgendaEdit::RemoveItem { id },
        AgendaEdit::AddGroup {
            axis: Box::new(new_axis(day.session(), "Nuevo")),
        },
        AgendaEdit::RenameGroup {
            axis: axis.clone(),
            title: "Propio".into(),
        },
        AgendaEdit::RemoveGroup {
            axis: axis.clone(),
            inputs_to: None,
        },
    ];
    let before = day.session().clone();
    let rapporteur = Role::Rapporteur { axis };
    for edit in edits {
        let command = Command::Agenda(edit);
        for (person, role) in [
            (day.rapporteur, &rapporteur),
            (day.reader, &Role::Reader),
            (day.reader, &Role::Room),
        ] {
            assert_eq!(
                day.host.submit(person, role, command.clone(), at(1)),
                Err(Refused::NotAllowed(if *role == rapporteur {
                    super::Why::Agenda
                } else {
                    super::Why::ScreenOnly
                })),
                "{role:?} {command:?}"
            );
            assert!(!role.may_make(command.change()));
        }
        assert!(Role::Facilitator.may(&command, day.session()));
    }
    assert_eq!(*day.session(), before);
}

#[test]
fn report_back_slots_follow_an_agenda_change_once_the_groups_report() {
    let mut day = Day::new();
    // The day runs late: the first group reports until 175, and the four
    // still to report share the 25 minutes left (6 each).
    day.clock(report(0), ClockAction::Start, 160);
    day.clock(report(0), ClockAction::Pause, 175);
    let slot = |day: &Day| day.session().timer(&report(1)).planned_secs / 60;
    let before = slot(&day);
    assert_eq!(before, 6);
    // Ten minutes more in the plan: the four groups still to report share
    // them, never past their planned 10.
    let item = new_item(day.session(), "Pausa", 10, ItemKind::Break);
    day.edit(
        AgendaEdit::AddItem {
            index: 4,
            item: Box::new(item),
        },
        175,
    )
    .unwrap();
    assert_eq!(slot(&day), 8, "35 minutes for four");
}

/// A clock is named by its group, not by a place: a start sent for the
/// third group after the facilitator removed the second one (a key read
/// before the removal arrived) starts the third group's clock, never the
/// fourth one's that took its place.
#[test]
fn a_clock_sent_for_a_group_lands_on_it_after_a_group_before_it_is_removed() {
    let mut day = Day::new();
    let axes = day.axes();
    let third = TimerId::Breakout(axes[2].clone());
    day.edit(
        AgendaEdit::RemoveGroup {
            axis: axes[1].clone(),
            inputs_to: None,
        },
        1,
    )
    .unwrap();
    day.clock(third.clone(), ClockAction::Start, 2);
    assert_eq!(day.running(), vec![third]);
    // The removed group's clock names nothing now: refused, not moved.
    let gone = day.host.submit(
        day.facilitator,
        &Role::Facilitator,
        Command::Clock {
            timer: TimerId::Report(axes[1].clone()),
            action: ClockAction::Start,
        },
        at(3),
    );
    assert_eq!(gone.map(|_| ()), Err(Refused::NoSuchGroup));
}

/// An item's minutes asked for by its clock reach that item when another
/// was added before it meanwhile.
#[test]
fn minutes_set_on_an_items_clock_reach_it_after_an_item_is_added_before_it() {
    let mut day = Day::new();
    let second = day.ids()[1].clone();
    let item = minister(day.session());
    day.edit(
        AgendaEdit::AddItem {
            index: 0,
            item: Box::new(item),
        },
        1,
    )
    .unwrap();
    day.clock(
        TimerId::Opening(second.clone()),
        ClockAction::SetMinutes(42),
        2,
    );
    let items = &day.session().workshop.opening.items;
    let minutes = |id: &str| items.iter().find(|i| i.id == id).map(|i| i.minutes);
    assert_eq!(minutes(&second), Some(42));
    assert_ne!(minutes(&items[1].id), Some(42), "not the one now second");
}

/// An input sent for a group reaches it though the facilitator removed a
/// group before it between the key and the command: the command names the
/// group by axis, so a place read before the removal cannot go stale.
#[test]
fn an_input_sent_for_a_group_lands_in_it_after_a_group_before_it_is_removed() {
    let mut day = Day::new();
    let axes = day.axes();
    day.edit(
        AgendaEdit::RemoveGroup {
            axis: axes[0].clone(),
            inputs_to: None,
        },
        1,
    )
    .unwrap();
    let id = Uuid::from_u128(7);
    let applied = day
        .host
        .submit(
            day.facilitator,
            &Role::Facilitator,
            Command::AddInput {
                axis: axes[2].clone(),
                id,
                text: "para el tercero".into(),
            },
            at(2),
        )
        .unwrap();
    let Outcome::At { axis, .. } = applied.outcome else {
        panic!("an add says where the input is")
    };
    assert_eq!(axis, axes[2]);
    let group = day.session().group_of_input(id).unwrap();
    assert_eq!(day.session().groups[group].axis, axes[2]);
}
