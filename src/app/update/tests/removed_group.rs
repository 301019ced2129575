//! A person typing in a group the facilitator removes keeps every word and can leave.

use super::*;
use crate::session::{AgendaEdit, Command, Role};

/// Another facilitator (person 999) removes the group of `axis`, its
/// inputs going to `inputs_to`.
fn remove_elsewhere(host: &crate::session::SharedHost, axis: String, inputs_to: Option<String>) {
    crate::session::lock(host)
        .submit(
            999,
            &Role::Facilitator,
            Command::Agenda(AgendaEdit::RemoveGroup { axis, inputs_to }),
            at(1),
        )
        .unwrap();
}

fn all_texts(model: &Model) -> Vec<String> {
    open(model)
        .session
        .groups
        .iter()
        .flat_map(|g| g.inputs.iter().map(|i| i.text.clone()))
        .collect()
}

/// A facilitator's session, and a rapporteur of its second group joined
/// to the same host.
struct Joined {
    /// Kept: the facilitator stays in the room.
    _facilitator: Model,
    host: crate::session::SharedHost,
    /// The rapporteur's group, and the one after it.
    axis: String,
    next: String,
    rapporteur: Model,
}

fn rapporteur_of_second_group() -> Joined {
    let facilitator = model();
    let host = open(&facilitator).host.clone();
    let axis = open(&facilitator).session.groups[1].axis.clone();
    let next = open(&facilitator).session.groups[2].axis.clone();
    let rapporteur = Model::joined(
        context(),
        host.clone(),
        Role::Rapporteur { axis: axis.clone() },
    );
    Joined {
        _facilitator: facilitator,
        host,
        axis,
        next,
        rapporteur,
    }
}

/// The rapporteur types in a new input, the group is removed meanwhile,
/// and they press Esc.
fn typing_when_the_group_goes() -> Joined {
    let mut joined = rapporteur_of_second_group();
    let rapporteur = &mut joined.rapporteur;
    press(rapporteur, KeyCode::Char('a'));
    type_text(rapporteur, "Conclusión importante");
    remove_elsewhere(&joined.host, joined.axis.clone(), None);
    update(rapporteur, Msg::Changed, at(1));
    press(rapporteur, KeyCode::Esc);
    joined
}

#[test]
fn a_rapporteur_typing_in_a_removed_empty_group_keeps_the_text() {
    let Joined {
        _facilitator,
        rapporteur,
        ..
    } = typing_when_the_group_goes();
    let editor = open(&rapporteur).viewer.editor.as_ref().map(|e| e.text());
    let kept = all_texts(&rapporteur)
        .iter()
        .any(|t| t.contains("Conclusión"))
        || editor.as_deref().is_some_and(|t| t.contains("Conclusión"));
    assert!(
        kept,
        "text lost; notice: {:?}",
        rapporteur.notice.as_ref().map(|n| n.text(Lang::Es))
    );
}

#[test]
fn a_rapporteur_editing_an_input_whose_group_is_removed_keeps_what_they_type() {
    let Joined {
        _facilitator,
        host,
        axis,
        next: into,
        mut rapporteur,
    } = rapporteur_of_second_group();
    add_input(&mut rapporteur, "Primera");
    press(&mut rapporteur, KeyCode::Char('e'));
    press(&mut rapporteur, KeyCode::End);
    type_text(&mut rapporteur, " y segunda parte");
    remove_elsewhere(&host, axis, Some(into));
    update(&mut rapporteur, Msg::Changed, at(1));
    type_text(&mut rapporteur, " y tercera");
    press(&mut rapporteur, KeyCode::Esc);
    // `e` opened the input's form: refused, it stays with every word.
    let form = open(&rapporteur)
        .viewer
        .form
        .as_ref()
        .map(|f| f.draft.text.clone());
    let kept = all_texts(&rapporteur).iter().any(|t| t.contains("tercera"))
        || form.as_deref().is_some_and(|t| t.contains("tercera"));
    assert!(
        kept,
        "text lost; texts {:?} notice: {:?}",
        all_texts(&rapporteur),
        rapporteur.notice.as_ref().map(|n| n.text(Lang::Es))
    );
    // Told once, Esc leaves it, the words kept as the person's draft.
    press(&mut rapporteur, KeyCode::Esc);
    assert!(open(&rapporteur).viewer.form.is_none());
    let draft = open(&rapporteur).viewer.kept.clone().unwrap_or_default();
    assert!(
        draft.contains("Primera y segunda parte y tercera"),
        "{draft:?}"
    );
}

#[test]
fn a_facilitator_typing_in_a_group_another_removes_can_leave_the_editor() {
    let mut here = model();
    let host = open(&here).host.clone();
    go_to_groups(&mut here);
    press(&mut here, KeyCode::Right);
    let axis = open(&here).session.groups[1].axis.clone();
    press(&mut here, KeyCode::Char('a'));
    type_text(&mut here, "Texto del facilitador");
    remove_elsewhere(&host, axis, None);
    update(&mut here, Msg::Changed, at(1));
    press(&mut here, KeyCode::Esc);
    press(&mut here, KeyCode::Esc);
    press(&mut here, KeyCode::Esc);
    let target = open(&here).viewer.editor.as_ref().map(|e| e.target.clone());
    assert!(
        target.is_none(),
        "still trapped in {target:?}; notice {:?}; texts {:?}",
        here.notice.as_ref().map(|n| n.text(Lang::Es)),
        all_texts(&here)
    );
}

#[test]
fn a_rapporteur_in_the_form_of_an_input_whose_group_is_removed_can_leave_it() {
    let Joined {
        _facilitator,
        host,
        axis,
        next: into,
        mut rapporteur,
    } = rapporteur_of_second_group();
    press(&mut rapporteur, KeyCode::Char('a'));
    type_text(&mut rapporteur, "Protocolo común");
    press(&mut rapporteur, KeyCode::Tab);
    assert!(open(&rapporteur).viewer.form.is_some());
    press(&mut rapporteur, KeyCode::BackTab);
    press(&mut rapporteur, KeyCode::BackTab);
    press(&mut rapporteur, KeyCode::Right);
    remove_elsewhere(&host, axis, Some(into));
    update(&mut rapporteur, Msg::Changed, at(1));
    for _ in 0..3 {
        press(&mut rapporteur, KeyCode::Esc);
    }
    assert!(
        open(&rapporteur).viewer.form.is_none(),
        "trapped in the form; notice {:?}",
        rapporteur.notice.as_ref().map(|n| n.text(Lang::Es))
    );
}

#[test]
fn a_key_pressed_before_the_wake_up_acts_on_the_latest_revision() {
    let mut here = model();
    let host = open(&here).host.clone();
    go_to_groups(&mut here);
    press(&mut here, KeyCode::Right);
    let axis = open(&here).session.groups[1].axis.clone();
    let first = open(&here).session.groups[0].axis.clone();
    remove_elsewhere(&host, first, None);
    // No `Msg::Changed` yet: the key comes first.
    add_input(&mut here, "Llega a su grupo");
    let session = crate::session::lock(&host).session().clone();
    let landed = session
        .groups
        .iter()
        .find(|g| g.inputs.iter().any(|i| i.text == "Llega a su grupo"))
        .map(|g| g.axis.clone());
    assert_eq!(landed, Some(axis));
}

#[test]
fn words_kept_from_a_removed_group_come_back_in_the_next_new_input() {
    let mut here = model();
    let host = open(&here).host.clone();
    go_to_groups(&mut here);
    press(&mut here, KeyCode::Right);
    let axis = open(&here).session.groups[1].axis.clone();
    press(&mut here, KeyCode::Char('a'));
    type_text(&mut here, "Texto del facilitador");
    remove_elsewhere(&host, axis, None);
    update(&mut here, Msg::Changed, at(1));
    press(&mut here, KeyCode::Esc);
    assert!(
        open(&here).viewer.editor.is_some(),
        "told first, not closed"
    );
    press(&mut here, KeyCode::Esc);
    assert!(open(&here).viewer.editor.is_none());
    let told = here.notice.as_ref().map(|n| n.text(Lang::Es)).unwrap();
    assert!(told.contains("borrador"), "{told}");
    press(&mut here, KeyCode::Char('a'));
    let editor = open(&here).viewer.editor.as_ref().map(|e| e.text());
    assert_eq!(editor.as_deref(), Some("Texto del facilitador"));
}

#[test]
fn a_rapporteur_left_with_no_group_is_shown_their_words() {
    let Joined {
        _facilitator,
        mut rapporteur,
        ..
    } = typing_when_the_group_goes();
    press(&mut rapporteur, KeyCode::Esc);
    assert!(open(&rapporteur).viewer.editor.is_none());
    let told = rapporteur
        .notice
        .as_ref()
        .map(|n| n.text(Lang::Es))
        .unwrap();
    assert!(told.contains("«Conclusión importante»"), "{told}");
}

/// The stale window: this screen read the session, then another
/// facilitator removed a group before the one it shows, and its key
/// arrives before the wake-up (the revision is marked seen, as when the
/// key's refresh ran just before the removal). The prompt names its group
/// by axis, so the words land where the person saw them, not in the group
/// that took that place.
#[test]
fn words_typed_for_a_group_land_in_it_when_a_group_before_it_goes_unseen() {
    let mut m = model();
    go_to_groups(&mut m);
    for _ in 0..3 {
        press(&mut m, KeyCode::Right);
    }
    let shown = open(&m).session.groups[3].axis.clone();
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "para este grupo");
    let host = open(&m).host.clone();
    let first = open(&m).session.groups[0].axis.clone();
    remove_elsewhere(&host, first, None);
    if let Page::Workshop(open) = &mut m.page {
        open.revisions.borrow_and_update();
    }
    press(&mut m, KeyCode::Esc);
    let session = &open(&m).session;
    let landed: Vec<&str> = session
        .groups
        .iter()
        .filter(|g| g.inputs.iter().any(|i| i.text == "para este grupo"))
        .map(|g| g.axis.as_str())
        .collect();
    assert_eq!(landed, [shown.as_str()]);
    assert_eq!(open(&m).viewer.group_axis(), shown, "the screen too");
}
