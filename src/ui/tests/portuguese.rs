//! The interface in Portuguese (`--lang pt`): a new session of the built-in
//! workshop, in Portuguese, drawn at a laptop's size and a projector's;
//! Portuguese words are longer than Spanish ones in places, so every screen
//! is also drawn at odd sizes without a panic.

use std::path::PathBuf;

use crossterm::event::KeyCode;

use super::{context, draw, keys, now, screen};
use crate::app::{Model, OpenedSession};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

/// A new session of the built-in workshop, as `taller --lang pt new` starts it.
fn portuguese() -> Model {
    let workshop = Workshop::default_for(Lang::Pt).expect("the Portuguese workshop parses");
    let session = Session::new("oficina", workshop, now());
    Model::with_session(
        context(Lang::Pt),
        OpenedSession {
            path: PathBuf::from("oficina.json"),
            view: None,
            session: Box::new(session),
            read_only: None,
            note: None,
        },
    )
}

#[test]
fn the_opening_plenary_in_portuguese() {
    let model = portuguese();
    let small = screen(&model, 80, 24);
    // Accents are drawn, not dropped or escaped.
    assert!(small.contains("Plenária de abertura"), "{small}");
    insta::assert_snapshot!("pt_opening_80x24", small);
    insta::assert_snapshot!("pt_opening_160x45", screen(&model, 160, 45));
}

#[test]
fn a_group_in_portuguese() {
    let mut model = portuguese();
    keys(&mut model, &[KeyCode::Tab]);
    insta::assert_snapshot!("pt_group_80x24", screen(&model, 80, 24));
}

#[test]
fn the_help_and_the_schedule_in_portuguese() {
    let mut model = portuguese();
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('?')]);
    insta::assert_snapshot!("pt_help_80x24", screen(&model, 80, 24));
    let mut model = portuguese();
    keys(&mut model, &[KeyCode::Char('c')]);
    insta::assert_snapshot!("pt_schedule_80x24", screen(&model, 80, 24));
}

#[test]
fn no_portuguese_screen_panics_at_any_size() {
    let paths: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Tab],
        &[KeyCode::Tab, KeyCode::Char('a')],
        &[KeyCode::Tab, KeyCode::Char('?')],
        &[KeyCode::Char('3')],
        &[KeyCode::Char('p')],
        &[KeyCode::Char('c')],
        &[KeyCode::Tab, KeyCode::Char('m')],
    ];
    for path in paths {
        let mut model = portuguese();
        keys(&mut model, path);
        for (w, h) in [(0, 0), (1, 1), (20, 6), (49, 13), (51, 15), (300, 100)] {
            draw(&model, w, h);
        }
    }
}
