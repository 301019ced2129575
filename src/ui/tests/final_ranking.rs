//! The room view of the final step (issue 20 item 9): the ranking the
//! README promises, not only the clock; ties at the cut all shown.

use crossterm::event::KeyCode;

use super::{keys, screen, session_model};
use crate::app::{Model, Page};
use crate::i18n::Lang;

/// The example session in the final step, projected (no clock of the
/// plenary runs, so the room shows the selected step);
/// votes 12, 11, then four inputs tied at 10 across the cut of five.
fn final_step_projected() -> Model {
    let mut model = session_model(Lang::Es);
    if let Page::Workshop(open) = &mut model.page {
        let session = std::sync::Arc::make_mut(&mut open.session);
        for (g, place, votes) in [
            (0, 0, 12),
            (0, 1, 11),
            (1, 1, 10),
            (2, 0, 10),
            (4, 0, 10),
            (4, 1, 10),
            (0, 2, 2),
        ] {
            let input = &mut session.group_mut(g).unwrap().inputs[place];
            std::sync::Arc::make_mut(input).plenary.votes = votes;
        }
    }
    keys(
        &mut model,
        &[
            KeyCode::Char('3'),
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Char('p'),
        ],
    );
    model
}

#[test]
fn the_room_sees_the_ranking_in_the_final_step() {
    let model = final_step_projected();
    for (width, height) in [(200, 60), (160, 45), (80, 24)] {
        let shown = screen(&model, width, height);
        assert!(shown.contains("Consolidación del borrador"), "{shown}");
        assert!(
            shown.contains("1. 1.1 Crear una plataforma regional"),
            "{width}×{height}\n{shown}"
        );
        assert!(shown.contains("12 votos"), "{shown}");
    }
}

/// Issue 20: 4.1 with 10 votes was dropped while 2.2 with 10 was shown.
/// Ties at the cut of five share the place and are all shown.
#[test]
fn ties_at_the_cut_are_all_shown_to_the_room() {
    let model = final_step_projected();
    let shown = screen(&model, 200, 60);
    for tied in ["3. 2.2 ", "3. 3.1 ", "3. 5.1 ", "3. 5.2 "] {
        assert!(shown.contains(tied), "{tied}:\n{shown}");
    }
}

#[test]
fn room_view_of_the_final_step() {
    let model = final_step_projected();
    insta::assert_snapshot!("room_final_80x24", screen(&model, 80, 24));
    insta::assert_snapshot!("room_final_200x60", screen(&model, 200, 60));
}

/// Issue 20 item 5: a possible duplicate is named by the number the plan
/// prints for it ("Posible duplicado de: 5.2"), not its place alone.
#[test]
fn a_possible_duplicate_is_named_by_its_number() {
    let mut model = session_model(Lang::Es);
    if let Page::Workshop(open) = &mut model.page {
        let other = open.session.groups[4].inputs[1].id;
        let flagged = open.session.groups[0].inputs[0].id;
        let place = crate::model::similar::Place {
            group: 4,
            id: other,
        };
        open.duplicates = std::sync::Arc::new([(flagged, place)].into_iter().collect());
    }
    keys(&mut model, &[KeyCode::Tab]);
    let shown = screen(&model, 160, 45);
    assert!(
        shown.contains("posible duplicado del insumo 5.2 de «Prevención"),
        "{shown}"
    );
}

/// The facilitator's final step cuts at the same place: the four inputs
/// tied at 10 votes are all listed, sharing third place.
#[test]
fn the_facilitators_final_step_shows_the_ties_too() {
    let mut model = final_step_projected();
    keys(&mut model, &[KeyCode::Char('p')]);
    let mut seen = String::new();
    for _ in 0..8 {
        seen.push_str(&screen(&model, 160, 45));
        keys(&mut model, &[KeyCode::PageDown]);
    }
    assert!(
        seen.contains("Insumos por grupo"),
        "the facilitator's page: {seen}"
    );
    assert!(
        seen.contains("Prioridades según los votos de la sala"),
        "{seen}"
    );
    for tied in ["3. 2.2 ", "3. 3.1 ", "3. 5.1 ", "3. 5.2 "] {
        assert!(seen.contains(tied), "{tied}:\n{seen}");
    }
}
