//! A rapporteur's screen at a laptop's 80×24 and at 60×20: a refusal says
//! why and is read whole beside the clock; the removal of their group is
//! told the moment it happens; the form offers only the group's fields.

use crossterm::event::KeyCode;

use super::{context, keys, now, screen, session_model};
use crate::app::{Field, Model, Msg, update};
use crate::i18n::Lang;
use crate::session::{AgendaEdit, Command, Role, Why};

/// The example session served, and a rapporteur of its second group.
fn rapporteur() -> (Model, Model, String) {
    let facilitator = session_model(Lang::Es);
    let open = facilitator.open().expect("a session is open");
    let axis = open.session.groups[1].axis.clone();
    let host = open.host.clone();
    let joined = Model::joined(
        context(Lang::Es),
        host,
        Role::Rapporteur { axis: axis.clone() },
    );
    (facilitator, joined, axis)
}

/// Every word of `words` is in the footer, in order: nothing cut, read
/// from the status line (left of the clock) on into the line below.
fn shows_whole(screen: &str, words: &str) {
    let rows: Vec<&str> = screen.lines().map(|l| l.trim_matches('"')).collect();
    let [status, below] = rows[rows.len() - 2..] else {
        panic!("two footer rows")
    };
    let left = status.split('⏱').next().unwrap_or_default();
    let flat = format!("{left} {below}");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(words), "{words:?} not whole in\n{screen}");
}

#[test]
fn a_refusal_says_why_and_is_not_cut_by_the_clock() {
    let (_facilitator, mut model, _) = rapporteur();
    keys(&mut model, &[KeyCode::Char(' ')]);
    let words = Lang::Es.refused_because(Why::Clock);
    for (width, height) in [(80, 24), (60, 20)] {
        shows_whole(&screen(&model, width, height), words);
    }
    insta::assert_snapshot!("rapporteur_refused_80x24", screen(&model, 80, 24));
    insta::assert_snapshot!("rapporteur_refused_60x20", screen(&model, 60, 20));
}

#[test]
fn a_rapporteur_whose_group_is_removed_is_told_at_once() {
    let (facilitator, mut model, axis) = rapporteur();
    let host = facilitator.open().unwrap().host.clone();
    crate::session::lock(&host)
        .submit(
            999,
            &Role::Facilitator,
            Command::Agenda(AgendaEdit::RemoveGroup {
                axis,
                inputs_to: Some(facilitator.open().unwrap().session.groups[0].axis.clone()),
            }),
            now(),
        )
        .unwrap();
    // The wake-up only: no key pressed.
    update(&mut model, Msg::Changed, now());
    let words = Lang::Es.group_gone();
    for (width, height) in [(80, 24), (60, 20)] {
        shows_whole(&screen(&model, width, height), words);
    }
    insta::assert_snapshot!("rapporteur_group_gone_80x24", screen(&model, 80, 24));
    insta::assert_snapshot!("rapporteur_group_gone_60x20", screen(&model, 60, 20));
    // Then each key they may no longer use says the same.
    keys(&mut model, &[KeyCode::Char('a')]);
    let said = model.notice.as_ref().map(|n| n.text(Lang::Es));
    assert_eq!(said.as_deref(), Some(words));
}

#[test]
fn the_rapporteurs_form_does_not_offer_the_plenarys_fields() {
    let (_facilitator, mut model, _) = rapporteur();
    keys(&mut model, &[KeyCode::Char('e')]);
    let mut seen = Vec::new();
    for _ in 0..Field::ALL.len() * 2 {
        let form = model.open().unwrap().viewer.form.as_ref().expect("form");
        seen.push(form.field);
        keys(&mut model, &[KeyCode::Tab]);
    }
    for plenary in [Field::Status, Field::Observations, Field::Votes] {
        assert!(!seen.contains(&plenary), "{plenary:?} offered: {seen:?}");
    }
    assert!(seen.contains(&Field::Priority));
    let drawn = screen(&model, 80, 24);
    for label in ["Estado", "Observaciones", "Votos"] {
        assert!(!drawn.contains(label), "{label} drawn:\n{drawn}");
    }
    // The facilitator's form has them.
    let mut facilitator = session_model(Lang::Es);
    keys(&mut facilitator, &[KeyCode::Tab, KeyCode::Char('e')]);
    let drawn = screen(&facilitator, 160, 45);
    assert!(drawn.contains("Votos"), "{drawn}");
}
