//! An input with every field, a long text and long observations: the
//! closing list says its verdict and votes first, and the room reads it in
//! the largest letters that hold it, its observations whole or cut with an
//! ellipsis.

use std::sync::Arc;

use crossterm::event::KeyCode;

use super::{draw, keys, screen, session_model};
use crate::app::{Model, Page};
use crate::i18n::Lang;
use crate::model::input::Status;
use crate::ui::widgets::fields_summary;

/// About 330 characters: a long input, as rapporteurs write them.
const LONG: &str = "Crear una plataforma regional permanente para el intercambio de \
información sobre amenazas, incidentes y buenas prácticas entre los equipos nacionales \
de respuesta, con protocolos comunes de clasificación, un calendario de ejercicios \
conjuntos, capacitación técnica para los países con menos recursos y un informe anual.";

const OBSERVATIONS: &str = "La plenaria pide sumar a los puntos focales de \
migración y a la academia, revisar el calendario con la Secretaría Técnica antes de \
junio, y presentar en la próxima reunión un presupuesto por país con las fuentes de \
financiamiento ya comprometidas y las que faltan por gestionar ante los cooperantes \
de la región, sin duplicar los mecanismos existentes del SICA.";

/// The example session after `codes`, its group 1's first input long,
/// with every field and the plenary's verdict (set after the keys: a
/// command publishes the session again).
fn long_input(codes: &[KeyCode]) -> Model {
    assert!(
        (300..=360).contains(&LONG.chars().count()),
        "{}",
        LONG.len()
    );
    let mut model = session_model(Lang::Es);
    keys(&mut model, codes);
    if let Page::Workshop(open) = &mut model.page {
        let session = Arc::make_mut(&mut open.session);
        let group = Arc::make_mut(&mut session.groups[0]);
        let input = Arc::make_mut(&mut group.inputs[0]);
        input.text = LONG.into();
        input.plenary.status = Some(Status::Agreed);
        input.plenary.votes = 11;
        input.plenary.observations = OBSERVATIONS.into();
    }
    model
}

fn summary(model: &Model) -> String {
    let open = model.open().expect("a session is open");
    fields_summary(&open.session.groups[0].inputs[0], Lang::Es)
}

#[test]
fn the_closing_list_says_the_verdict_and_votes_of_an_input_with_many_fields() {
    let model = long_input(&[KeyCode::Char('3')]);
    let verdict = format!(
        "{} · 11 votos",
        Lang::Es.status(Status::Agreed).to_uppercase()
    );
    for (width, height) in [(80, 24), (160, 45), (200, 60)] {
        let shown = screen(&model, width, height);
        assert!(shown.contains(&verdict), "{width}×{height}:\n{shown}");
    }
    room_snapshots!("closing_list_many_fields", model);
}

/// The rows of the screen, trimmed, without the frame's quotes.
fn rows(shown: &str) -> Vec<String> {
    shown
        .lines()
        .map(|line| line.trim_matches('"').trim().to_string())
        .collect()
}

/// Whether the input's text shows as ordinary letters (its first words on a row).
fn in_ordinary_letters(shown: &str) -> bool {
    rows(shown)
        .iter()
        .any(|row| row.contains("Crear una plataforma"))
}

/// The fields as the room shows them: the rows from the one that starts
/// them to the end, joined.
fn fields_shown(shown: &str, summary: &str) -> String {
    let rows = rows(shown);
    let start: String = summary.chars().take(20).collect();
    let first = rows
        .iter()
        .position(|row| row.starts_with(&start))
        .unwrap_or_else(|| panic!("the fields show:\n{shown}"));
    rows[first..]
        .iter()
        .filter(|row| !row.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_input_is_socialized_in_large_letters_and_its_fields_never_cut_silently() {
    let model = long_input(&[KeyCode::Char('3'), KeyCode::Char(' '), KeyCode::Char('p')]);
    let summary = summary(&model);
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (width, height) in [(80, 24), (160, 45), (200, 60)] {
        let shown = screen(&model, width, height);
        let fields = fields_shown(&shown, &summary);
        // Whole, or its beginning and an ellipsis.
        let whole = words(&fields) == words(&summary);
        let cut = fields.strip_suffix('…').is_some_and(|head| {
            let head = words(head);
            !head.is_empty() && words(&summary).starts_with(&head)
        });
        assert!(whole || cut, "{width}×{height}: {fields:?}\n{shown}");
        if width >= 160 {
            // A projector: large letters, not the ordinary ones.
            assert!(
                !in_ordinary_letters(&shown),
                "{width}×{height} in ordinary letters:\n{shown}"
            );
            let buffer = draw(&model, width, height).backend().buffer().clone();
            let blocks = buffer
                .content()
                .iter()
                .filter(|cell| "▘▝▀▖▌▞▛▗▚▐▜▄▙▟█".contains(cell.symbol()))
                .count();
            assert!(blocks > 500, "{width}×{height}: {blocks} block cells");
        }
    }
    room_snapshots!("room_socialize_long", model);
}
