//! Workshops other than the built-in one (issue 15): a large definition and
//! the shipped three-group one draw at a laptop's size on every screen.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{context, now, screen, start_model};
use crate::app::{Model, Msg, OpenedSession, update};
use crate::i18n::Lang;
use crate::model::definition;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

fn model_of(session: Session, lang: Lang) -> Model {
    Model::with_session(
        context(lang),
        OpenedSession {
            path: PathBuf::from("taller.json"),
            view: None,
            session: Box::new(session),
            read_only: None,
            note: None,
        },
    )
}

fn press(model: &mut Model, code: KeyCode) {
    update(
        model,
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        now(),
    );
}

/// Every part, the room and schedule views, and the whole day walked with
/// `n`, drawn at 80×24 (and at a projector's size).
fn walk(mut model: Model) -> Vec<String> {
    let mut shown = Vec::new();
    for part in ['1', '2', '3'] {
        press(&mut model, KeyCode::Char(part));
        for _ in 0..14 {
            shown.push(screen(&model, 80, 24));
            press(&mut model, KeyCode::Down);
            press(&mut model, KeyCode::Tab);
        }
        for mode in ['p', 'c'] {
            press(&mut model, KeyCode::Char(mode));
            shown.push(screen(&model, 80, 24));
            shown.push(screen(&model, 160, 45));
            press(&mut model, KeyCode::Esc);
        }
    }
    press(&mut model, KeyCode::Char('1'));
    press(&mut model, KeyCode::Home);
    press(&mut model, KeyCode::Char(' '));
    for _ in 0..30 {
        press(&mut model, KeyCode::Char('n'));
        shown.push(screen(&model, 80, 24));
    }
    shown
}

#[test]
fn twelve_groups_and_ten_items_draw_at_80x24() {
    let workshop = definition::parse(&definition::tests::large()).unwrap();
    let session = Session::new("grande", workshop, now());
    let shown = walk(model_of(session, Lang::Es));
    assert!(
        shown.iter().any(|s| s.contains("Pausa.")),
        "a break says so"
    );
    assert!(
        shown.iter().any(|s| s.contains("Grupo 12")),
        "the last group is reached"
    );
}

#[test]
fn the_three_group_workshop_draws_in_english() {
    let workshop = border();
    let session = Session::new("border", workshop, now());
    let shown = walk(model_of(session, Lang::En));
    assert!(
        shown.iter().any(|s| s.contains("Lunch.")),
        "the lunch break shows"
    );
}

#[test]
fn the_start_screen_offers_the_workshops_of_the_data_folder() {
    let mut model = start_model();
    let other = border();
    if let crate::app::Page::Start(start) = &mut model.page {
        start.workshops = vec![
            crate::model::workshop::Workshop::default_for(Lang::Es).unwrap(),
            other,
        ];
    }
    press(&mut model, KeyCode::Right);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("taller (2/2"), "{shown}");
    assert!(shown.contains("Workshop on inter-agency"), "{shown}");
    press(&mut model, KeyCode::Enter);
    let key = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let effects = update(&mut model, Msg::Key(key), now());
    assert!(
        matches!(effects.as_slice(), [crate::app::Effect::CreateFrom { workshop, .. }]
            if workshop.id == "border-coordination"),
        "{effects:?}"
    );
}

/// The three-group built-in workshop, read as a file of it would be.
fn border() -> Workshop {
    let text = Workshop::builtin_text("border", Lang::En).unwrap();
    definition::parse(text).unwrap()
}
