//! The agenda keys as a person uses them: prompts for titles and minutes,
//! questions before removing, undo, refusals for other roles, and another
//! screen staying on what it looked at while the facilitator reshapes the day.

use super::*;
use crate::model::schedule::places::opening;
use crate::session::Role;

fn titles(model: &Model) -> Vec<String> {
    open(model)
        .session
        .workshop
        .opening
        .items
        .iter()
        .map(|i| i.title.clone())
        .collect()
}

fn shift(model: &mut Model, code: KeyCode) {
    update(
        model,
        Msg::Key(KeyEvent::new(code, KeyModifiers::SHIFT)),
        at(1),
    );
}

#[test]
fn a_asks_a_title_then_the_minutes_and_u_takes_both_back() {
    let mut m = model();
    press(&mut m, KeyCode::Char(' '));
    let before = titles(&m);
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "Llegada del ministro");
    press(&mut m, KeyCode::Enter);
    assert_eq!(titles(&m)[1], "Llegada del ministro");
    assert_eq!(
        open(&m).viewer.agenda_item(&open(&m).session),
        1,
        "the new item is selected"
    );
    let target = open(&m).viewer.editor.as_ref().map(|e| e.target.clone());
    let item = open(&m).session.workshop.opening.items[1].id.clone();
    assert_eq!(target, Some(EditTarget::ItemMinutes { item }));
    // The offered 10 is selected: typing replaces it.
    type_text(&mut m, "12");
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(open(&m).session.workshop.opening.items[1].minutes, 12);
    assert!(
        open(&m).session.is_running(&opening(0)),
        "the clock that ran still runs"
    );
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(open(&m).session.workshop.opening.items[1].minutes, 10);
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(titles(&m), before);
}

#[test]
fn an_empty_title_is_refused_and_the_prompt_stays_until_esc() {
    let mut m = model();
    let before = titles(&m);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Enter);
    let notice = m.notice.clone().expect("said why");
    assert!(notice.is_error);
    assert_eq!(notice.text(Lang::Es), Lang::Es.refused_empty_title());
    assert!(open(&m).viewer.editor.is_some());
    press(&mut m, KeyCode::Esc);
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(titles(&m), before);
}

#[test]
fn rename_move_and_remove_an_item_with_its_keys() {
    let mut m = model();
    press(&mut m, KeyCode::Char('e'));
    // The current title is offered selected: typing replaces it.
    type_text(&mut m, "Bienvenida");
    press(&mut m, KeyCode::Enter);
    assert_eq!(titles(&m)[0], "Bienvenida");
    shift(&mut m, KeyCode::Down);
    assert_eq!(titles(&m)[1], "Bienvenida");
    assert_eq!(
        open(&m).viewer.agenda_item(&open(&m).session),
        1,
        "the selection goes with it"
    );
    press(&mut m, KeyCode::Char('K'));
    assert_eq!(titles(&m)[0], "Bienvenida");
    press(&mut m, KeyCode::Char('d'));
    assert!(matches!(m.overlay, Some(Overlay::ConfirmRemoveItem(_))));
    press(&mut m, KeyCode::Char('n'));
    assert_eq!(titles(&m)[0], "Bienvenida", "no: nothing removed");
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Enter);
    assert!(!titles(&m).contains(&"Bienvenida".to_string()));
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(titles(&m)[0], "Bienvenida", "back in its place");
}

#[test]
fn b_adds_a_break_that_the_schedule_counts() {
    let mut m = model();
    let rows = open(&m).session.plan(at(1)).rows.len();
    press(&mut m, KeyCode::End);
    press(&mut m, KeyCode::Char('b'));
    press(&mut m, KeyCode::Enter); // "Pausa", as offered
    press(&mut m, KeyCode::Enter); // 15 minutes, as offered
    let items = &open(&m).session.workshop.opening.items;
    let last = items.last().unwrap();
    assert_eq!((last.title.as_str(), last.minutes), ("Pausa", 15));
    assert_eq!(last.kind, crate::model::workshop::ItemKind::Break);
    assert_eq!(open(&m).session.plan(at(1)).rows.len(), rows + 1);
}

#[test]
fn a_group_is_added_renamed_and_removed_with_its_inputs_moved_where_chosen() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "una idea");
    press(&mut m, KeyCode::Char('N'));
    type_text(&mut m, "Protección de datos");
    press(&mut m, KeyCode::Enter);
    assert_eq!(open(&m).session.groups.len(), 6);
    assert_eq!(
        open(&m).viewer.group(&open(&m).session),
        5,
        "the screen goes to the new group"
    );
    press(&mut m, KeyCode::Char('E'));
    type_text(&mut m, "Datos personales");
    press(&mut m, KeyCode::Enter);
    assert_eq!(open(&m).session.group_title(5), "Datos personales");

    // The first group has an input: its removal asks where it goes.
    press(&mut m, KeyCode::Home);
    for _ in 0..6 {
        press(&mut m, KeyCode::Left);
    }
    press(&mut m, KeyCode::Char('D'));
    let second = open(&m).session.groups[1].axis.clone();
    let third = open(&m).session.groups[2].axis.clone();
    let first = open(&m).session.groups[0].axis.clone();
    assert_eq!(
        m.overlay,
        Some(Overlay::RemoveGroup {
            axis: first.clone(),
            into: Some(second)
        })
    );
    press(&mut m, KeyCode::Right);
    assert_eq!(
        m.overlay,
        Some(Overlay::RemoveGroup {
            axis: first.clone(),
            into: Some(third.clone())
        })
    );
    press(&mut m, KeyCode::Enter);
    assert!(m.overlay.is_none());
    assert_eq!(open(&m).session.groups.len(), 5);
    let now_third = open(&m).session.groups.iter().position(|g| g.axis == third);
    assert_eq!(inputs(&m, now_third.unwrap()), ["una idea"], "nothing lost");
    assert!(
        m.notice
            .as_ref()
            .unwrap()
            .text(Lang::Es)
            .contains("1 insumo")
    );
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(open(&m).session.groups[0].axis, first);
    assert_eq!(inputs(&m, 0), ["una idea"]);
}

#[test]
fn the_agenda_keys_are_refused_to_a_rapporteur_with_the_reason() {
    let facilitator = model();
    let host = open(&facilitator).host.clone();
    let axis = open(&facilitator).session.groups[1].axis.clone();
    let mut rapporteur = Model::joined(context(), host, Role::Rapporteur { axis });
    let before = open(&rapporteur).session.clone();
    for code in [KeyCode::Char('N'), KeyCode::Char('E'), KeyCode::Char('D')] {
        press(&mut rapporteur, code);
        let notice = rapporteur.notice.clone().expect("the refused key says why");
        let agenda = Lang::Es.refused_because(crate::session::Why::Agenda);
        assert_eq!(notice.text(Lang::Es), agenda, "{code:?}");
        assert!(open(&rapporteur).viewer.editor.is_none());
    }
    press(&mut rapporteur, KeyCode::Char('1'));
    for code in ['a', 'b', 'e', 'd', 'K'] {
        press(&mut rapporteur, KeyCode::Char(code));
        assert_eq!(
            rapporteur.notice.as_ref().map(|n| n.text(Lang::Es)),
            Some(
                Lang::Es
                    .refused_because(crate::session::Why::Agenda)
                    .to_string()
            ),
            "{code}"
        );
    }
    assert_eq!(open(&rapporteur).session, before);
    let keys = crate::app::bindings(&rapporteur);
    assert!(keys.iter().all(|(k, _)| *k != "b"), "{keys:?}");
}

#[test]
fn another_screen_stays_on_its_item_and_group_while_the_day_is_reshaped() {
    let mut facilitator = model();
    let host = open(&facilitator).host.clone();
    let mut other = Model::joined(context(), host, Role::Reader);
    press(&mut other, KeyCode::Down);
    press(&mut other, KeyCode::Down);
    let watched = titles(&other)[2].clone();
    press(&mut facilitator, KeyCode::Char('a'));
    type_text(&mut facilitator, "Llegada del ministro");
    press(&mut facilitator, KeyCode::Enter);
    press(&mut facilitator, KeyCode::Esc);
    // A revision made elsewhere: the other screen follows it.
    update(&mut other, Msg::Changed, at(2));
    let o = open(&other);
    assert_eq!(o.session.workshop.opening.items.len(), 5);
    assert_eq!(
        o.session.workshop.opening.items[o.viewer.agenda_item(&o.session)].title,
        watched
    );
}

#[test]
fn a_reset_asked_before_the_agenda_changed_resets_the_clock_it_was_asked_of() {
    let mut here = model();
    let host = open(&here).host.clone();
    let mut there = Model::joined(context(), host, Role::Facilitator);
    press(&mut here, KeyCode::Down);
    press(&mut here, KeyCode::Char(' '));
    press(&mut here, KeyCode::Char(' '));
    let asked = open(&here).session.workshop.opening.items[1].id.clone();
    press(&mut here, KeyCode::Char('r'));
    assert_eq!(m_overlay(&here), Some(Overlay::ConfirmReset(opening(1))));
    // Another facilitator's screen adds an item at the top meanwhile.
    press(&mut there, KeyCode::Char('a'));
    type_text(&mut there, "Llegada del ministro");
    press(&mut there, KeyCode::Enter);
    press(&mut there, KeyCode::Esc);
    assert_eq!(open(&there).session.workshop.opening.items.len(), 5);
    // And moves the first item down: the clock asked about is third now.
    press(&mut there, KeyCode::Home);
    press(&mut there, KeyCode::Char('J'));
    update(&mut here, Msg::Changed, at(2));
    press(&mut here, KeyCode::Char('s'));
    let session = &open(&here).session;
    let at_now = session
        .workshop
        .opening
        .items
        .iter()
        .position(|i| i.id == asked)
        .unwrap();
    assert!(!session.timer(&opening(at_now)).has_started(), "reset");
}

fn m_overlay(model: &Model) -> Option<Overlay> {
    model.overlay.clone()
}

/// A room screen shows the facilitator's agenda item by id: an item added
/// before it elsewhere, before the facilitator's screen says anything
/// again, leaves the room on the same item, not on the one now in its place.
#[test]
fn a_room_screen_stays_on_the_facilitators_item_when_one_is_added_before_it() {
    use crate::session::{AgendaEdit, Command, Role, new_item};
    let mut facilitator = model();
    press(&mut facilitator, KeyCode::Down);
    let host = open(&facilitator).host.clone();
    let shown = open(&facilitator).session.workshop.opening.items[1]
        .id
        .clone();
    let mut room = Model::joined(context(), host.clone(), Role::Room);
    assert_eq!(open(&room).viewer.agenda_item(&open(&room).session), 1);
    {
        let mut locked = crate::session::lock(&host);
        let item = new_item(
            locked.session(),
            "Llegada del ministro",
            5,
            Default::default(),
        );
        locked
            .submit(
                999,
                &Role::Facilitator,
                Command::Agenda(AgendaEdit::AddItem {
                    index: 0,
                    item: Box::new(item),
                }),
                at(1),
            )
            .unwrap();
    }
    update(&mut room, Msg::Changed, at(1));
    let items = &open(&room).session.workshop.opening.items;
    assert_eq!(
        items[open(&room).viewer.agenda_item(&open(&room).session)].id,
        shown
    );
}
