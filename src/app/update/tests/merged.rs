//! Two screens on one host edit the same input's text at once: whoever
//! keeps last does not win; both edits stay, and an overlap is told on
//! both screens (issue 21, item 2).

use super::*;
use crate::session::Role;

/// The facilitator's screen and group 1's rapporteur's, both on group 1's
/// page, with one input "Base." in it.
fn two_screens() -> (Model, Model) {
    let mut facilitator = model();
    go_to_groups(&mut facilitator);
    add_input(&mut facilitator, "Base.");
    let host = open(&facilitator).host.clone();
    let axis = open(&facilitator).session.groups[0].axis.clone();
    let rapporteur = Model::joined(context(), host, Role::Rapporteur { axis });
    (facilitator, rapporteur)
}

/// The screen follows the revision another screen made.
fn follow(model: &mut Model) {
    update(model, Msg::Changed, at(2));
}

fn text(model: &Model) -> String {
    open(model).session.groups[0].inputs[0].text.clone()
}

#[test]
fn both_sentences_appended_at_once_stay_in_either_order() {
    for facilitator_first in [true, false] {
        let (mut facilitator, mut rapporteur) = two_screens();
        press(&mut facilitator, KeyCode::Char('e'));
        press(&mut rapporteur, KeyCode::Char('e'));
        type_text(&mut facilitator, " Del facilitador.");
        type_text(&mut rapporteur, " Del relator.");
        let (first, second) = if facilitator_first {
            (&mut facilitator, &mut rapporteur)
        } else {
            (&mut rapporteur, &mut facilitator)
        };
        press(first, KeyCode::Esc);
        follow(second);
        press(second, KeyCode::Esc);
        follow(first);
        for screen in [&facilitator, &rapporteur] {
            let kept = text(screen);
            assert!(kept.starts_with("Base. "), "{kept}");
            assert!(kept.contains(" Del facilitador."), "{kept}");
            assert!(kept.contains(" Del relator."), "{kept}");
            assert!(!kept.contains('⟦'), "no overlap: {kept}");
        }
        // The one who kept last is told the text holds another's change too.
        let second = if facilitator_first {
            &rapporteur
        } else {
            &facilitator
        };
        let said = second.notice.as_ref().expect("told").text(Lang::Es);
        assert!(said.contains("1.1"), "{said}");
    }
}

#[test]
fn an_overlap_keeps_both_versions_and_is_told_on_both_screens() {
    let (mut facilitator, mut rapporteur) = two_screens();
    press(&mut facilitator, KeyCode::Char('e'));
    press(&mut rapporteur, KeyCode::Char('e'));
    for screen in [&mut facilitator, &mut rapporteur] {
        for _ in 0.."Base.".len() {
            press(screen, KeyCode::Backspace);
        }
    }
    type_text(&mut facilitator, "Red regional.");
    type_text(&mut rapporteur, "Red andina.");
    press(&mut facilitator, KeyCode::Esc);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Esc);
    follow(&mut facilitator);
    assert_eq!(
        text(&rapporteur),
        "Red andina. ⟦otra versión: Red regional.⟧",
        "the last kept stays, the other follows, marked"
    );
    for screen in [&facilitator, &rapporteur] {
        let notice = screen.notice.as_ref().expect("both are told");
        assert!(notice.is_error, "it asks to read the text again");
        for lang in Lang::ALL {
            let said = notice.text(lang);
            assert!(said.contains("1.1"), "{said}");
            assert!(said.contains("⟦"), "{said}");
        }
    }
    assert_ne!(
        facilitator.notice.as_ref().unwrap().text(Lang::Es),
        rapporteur.notice.as_ref().unwrap().text(Lang::Es),
        "each is told whose words are marked"
    );
}

/// `u` after a merged edit takes back that person's sentence only, even
/// after the other wrote again.
#[test]
fn undo_of_a_merged_edit_keeps_the_other_persons_words() {
    let (mut facilitator, mut rapporteur) = two_screens();
    press(&mut facilitator, KeyCode::Char('e'));
    press(&mut rapporteur, KeyCode::Char('e'));
    type_text(&mut facilitator, " Del facilitador.");
    type_text(&mut rapporteur, " Del relator.");
    press(&mut facilitator, KeyCode::Esc);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Esc);
    // The facilitator writes again, on top of the merged text.
    follow(&mut facilitator);
    press(&mut facilitator, KeyCode::Char('e'));
    type_text(&mut facilitator, " Otra.");
    press(&mut facilitator, KeyCode::Esc);
    follow(&mut rapporteur);
    assert_eq!(
        text(&rapporteur),
        "Base. Del facilitador. Del relator. Otra."
    );
    press(&mut rapporteur, KeyCode::Char('u'));
    assert_eq!(text(&rapporteur), "Base. Del facilitador. Otra.");
    follow(&mut facilitator);
    press(&mut facilitator, KeyCode::Char('u'));
    assert_eq!(text(&facilitator), "Base. Del facilitador.");
}

/// Two people add a participant each to the same group's list at once:
/// both are there, and an overlap is told on both screens.
#[test]
fn participants_added_on_two_screens_both_stay() {
    let (mut facilitator, mut rapporteur) = two_screens();
    for screen in [&mut facilitator, &mut rapporteur] {
        press(screen, KeyCode::Char('P'));
        update(screen, Msg::Paste("Ana; Chile".into()), at(1));
        press(screen, KeyCode::Esc);
    }
    follow(&mut facilitator);
    for screen in [&mut facilitator, &mut rapporteur] {
        press(screen, KeyCode::Char('P'));
    }
    update(&mut facilitator, Msg::Paste("\nLuis; Perú".into()), at(2));
    update(&mut rapporteur, Msg::Paste("\nEva; México".into()), at(2));
    press(&mut facilitator, KeyCode::Esc);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Esc);
    let names: Vec<String> = open(&rapporteur).session.groups[0]
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, ["Ana", "Luis", "Eva"]);
    let said = rapporteur.notice.as_ref().expect("told").text(Lang::En);
    assert!(said.contains("Participants of"), "{said}");

    // Both rename Eva: the overlap is kept and told on both screens.
    follow(&mut facilitator);
    for (screen, name) in [(&mut facilitator, "Eva María"), (&mut rapporteur, "Evita")] {
        press(screen, KeyCode::Char('P'));
        for _ in 0.."Eva; México".chars().count() {
            press(screen, KeyCode::Backspace);
        }
        type_text(screen, &format!("{name}; México"));
    }
    press(&mut facilitator, KeyCode::Esc);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Esc);
    follow(&mut facilitator);
    let lines: Vec<String> = open(&facilitator).session.groups[0]
        .participants
        .iter()
        .map(|p| p.to_line())
        .collect();
    assert!(lines.iter().any(|l| l.contains("Eva María")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("Evita")), "{lines:?}");
    for screen in [&facilitator, &rapporteur] {
        let notice = screen.notice.as_ref().expect("both are told");
        assert!(notice.is_error);
        assert!(notice.text(Lang::Es).contains("Participantes de"));
    }
}

/// Two people name the group's rapporteur at once: neither name is lost,
/// both are told, and undo takes back only its author's name.
#[test]
fn a_roster_name_typed_on_two_screens_keeps_both() {
    let (mut facilitator, mut rapporteur) = two_screens();
    press(&mut facilitator, KeyCode::Char('R'));
    press(&mut rapporteur, KeyCode::Char('R'));
    type_text(&mut facilitator, "Luis");
    type_text(&mut rapporteur, "Eva");
    press(&mut facilitator, KeyCode::Enter);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Enter);
    follow(&mut facilitator);
    let name = |m: &Model| open(m).session.groups[0].rapporteur.clone();
    assert_eq!(name(&rapporteur), "Luis Eva", "two names added to none");
    // Both rename it: an overlap, told on both screens.
    press(&mut facilitator, KeyCode::Char('R'));
    press(&mut rapporteur, KeyCode::Char('R'));
    type_text(&mut facilitator, "Ana");
    type_text(&mut rapporteur, "Sara");
    press(&mut facilitator, KeyCode::Enter);
    follow(&mut rapporteur);
    press(&mut rapporteur, KeyCode::Enter);
    follow(&mut facilitator);
    assert_eq!(name(&rapporteur), "Sara ⟦otra versión: Ana⟧");
    for screen in [&facilitator, &rapporteur] {
        let said = screen.notice.as_ref().expect("both are told");
        assert!(said.text(Lang::Es).contains("Relator/a de"), "{said:?}");
    }
    press(&mut rapporteur, KeyCode::Char('u'));
    assert_eq!(name(&rapporteur), "Ana", "the rapporteur's name taken back");
}
