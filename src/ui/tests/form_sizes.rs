//! The input form at a laptop's 80×24 and at the smallest size taller
//! draws: after any keys in the countries checklist the cursor row is on
//! screen (so `Space` ticks the country one sees), and what is typed after
//! leaving the checklist lands in the next field, never in a hidden box.

use crossterm::event::KeyCode;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::{draw, keys, row, session_model, type_text};
use crate::app::{Field, Model};
use crate::i18n::Lang;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH};

const SIZES: [(u16, u16); 2] = [(80, 24), (MIN_WIDTH, MIN_HEIGHT)];

/// The example session, its first group's first input open in the form,
/// on the countries field.
fn on_countries(lang: Lang) -> Model {
    let mut model = session_model(lang);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Enter, KeyCode::Tab, KeyCode::Tab],
    );
    assert_eq!(form(&model).field, Field::Countries);
    model
}

fn form(model: &Model) -> &crate::app::Form {
    let open = model.open().expect("a session is open");
    open.viewer.form.as_ref().expect("the form is open")
}

/// The start of the cursor row as drawn: the country with its box, the add
/// row, or the prompt that names a new country.
fn cursor_row_text(model: &Model) -> String {
    let open = model.open().expect("a session is open");
    let form = form(model);
    let all = form.countries(&open.session.invited_countries);
    let t = model.lang.t();
    let text = match all.get(form.country) {
        Some(country) => {
            let mark = if form.draft.action.countries.contains(country) {
                "[x]"
            } else {
                "[ ]"
            };
            format!("{mark} {}", model.lang.country(country))
        }
        None if form.adding.is_some() => format!("+ {}", t.country_prompt),
        None => format!("+ {}", t.add_country),
    };
    // Narrow screens cut the row; its beginning tells it apart.
    text.chars().take(12).collect()
}

/// Where `text` is drawn highlighted (reversed), if it is.
fn highlighted(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let wanted: Vec<char> = text.chars().collect();
    (0..buffer.area.height).find_map(|y| {
        let cells: Vec<char> = row(buffer, y).chars().collect();
        (0..cells.len())
            .filter(|x| cells[*x..].starts_with(&wanted))
            .map(|x| (x as u16, y))
            .find(|(x, y)| {
                buffer[(*x, *y)]
                    .style()
                    .add_modifier
                    .contains(Modifier::REVERSED)
            })
    })
}

fn assert_cursor_row_visible(model: &Model, pressed: &[KeyCode]) {
    let expected = cursor_row_text(model);
    for (w, h) in SIZES {
        let terminal = draw(model, w, h);
        let buffer = terminal.backend().buffer();
        assert!(
            highlighted(buffer, &expected).is_some(),
            "at {w}×{h} after {pressed:?}, the cursor row «{expected}» is not on screen:\n{}",
            terminal.backend()
        );
    }
}

/// Keys that stay in the checklist (Esc only cancels a country being named).
fn checklist_key() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => Just(KeyCode::Down),
        2 => Just(KeyCode::Up),
        3 => Just(KeyCode::Char(' ')),
        1 => Just(KeyCode::Enter),
        1 => Just(KeyCode::Home),
        1 => Just(KeyCode::End),
        1 => Just(KeyCode::PageUp),
        1 => Just(KeyCode::PageDown),
        1 => Just(KeyCode::Char('t')),
        1 => Just(KeyCode::Left),
        1 => Just(KeyCode::Right),
        1 => Just(KeyCode::Backspace),
        1 => Just(KeyCode::Esc),
        2 => proptest::sample::select(vec!['a', 'é', 'ñ', 'Z', ' ']).prop_map(KeyCode::Char),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_checklist_cursor_stays_on_screen_and_nothing_typed_after_it_is_lost(
        codes in proptest::collection::vec(checklist_key(), 0..40)
    ) {
        let mut model = on_countries(Lang::Es);
        let mut pressed = Vec::new();
        for code in codes {
            // Esc with no country being named closes the form: not a checklist key.
            if code == KeyCode::Esc && form(&model).adding.is_none() {
                continue;
            }
            keys(&mut model, &[code]);
            pressed.push(code);
            prop_assert_eq!(form(&model).field, Field::Countries);
            assert_cursor_row_visible(&model, &pressed);
        }
        let before = form(&model).draft.action.lead.clone();
        keys(&mut model, &[KeyCode::Tab]);
        prop_assert_eq!(form(&model).field, Field::Lead, "Tab leaves the checklist");
        type_text(&mut model, " y Ministerio de Seguridad Pública");
        keys(&mut model, &[KeyCode::Esc]);
        let open = model.open().expect("a session is open");
        prop_assert!(open.viewer.form.is_none(), "Esc kept the form and closed it");
        let lead = &open.session.groups[0].inputs[0].action.lead;
        prop_assert_eq!(lead, &format!("{before} y Ministerio de Seguridad Pública"));
    }
}

/// The rehearsal's trap, key for key: ↓ past the last country, `Space`,
/// then Tab and the lead institution.
#[test]
fn the_add_row_is_a_visible_prompt_and_tab_leaves_it() {
    let mut model = on_countries(Lang::Es);
    for _ in 0..20 {
        keys(&mut model, &[KeyCode::Down]);
    }
    assert_cursor_row_visible(&model, &[KeyCode::Down]);
    keys(&mut model, &[KeyCode::Char(' ')]);
    assert!(form(&model).adding.is_some());
    for (w, h) in SIZES {
        let terminal = draw(&model, w, h);
        let shown = terminal.backend().to_string();
        assert!(shown.contains("+ País invitado:"), "{w}×{h}:\n{shown}");
        assert!(shown.contains("Enter lo añade"), "{w}×{h}:\n{shown}");
    }
    keys(&mut model, &[KeyCode::Tab]);
    type_text(&mut model, "Fiscalía General");
    keys(&mut model, &[KeyCode::Esc]);
    let open = model.open().expect("a session is open");
    let input = &open.session.groups[0].inputs[0];
    assert_eq!(
        input.action.lead,
        "Secretaría Técnica de la CRMFiscalía General"
    );
    assert_eq!(
        open.session.invited_countries.len(),
        3,
        "no country was added by the stray box"
    );
}

/// Every field, reached by Tab, is on screen with its marker at every size
/// the form is drawn; a typed field shows its cursor.
#[test]
fn every_field_is_on_screen_when_it_is_the_current_one() {
    for (w, h) in [
        (MIN_WIDTH, MIN_HEIGHT),
        (60, 16),
        (80, 24),
        (100, 30),
        (160, 45),
    ] {
        let mut model = session_model(Lang::Es);
        keys(&mut model, &[KeyCode::Tab, KeyCode::Enter]);
        for _ in 0..Field::ALL.len() {
            let field = form(&model).field;
            let label = crate::ui::form::field_label(field, Lang::Es);
            let marker: String = format!("› {label}").chars().take(8).collect();
            let terminal = draw(&model, w, h);
            let buffer = terminal.backend().buffer();
            assert!(
                highlighted(buffer, &marker).is_some(),
                "{w}×{h}: {field:?} not on screen:\n{}",
                terminal.backend()
            );
            if field.is_typed() {
                let (x, y) = highlighted(buffer, &marker).expect("the field's row");
                let cursor = (y..buffer.area.height).any(|y| {
                    (x + 8..buffer.area.width).any(|x| {
                        let cell = &buffer[(x, y)];
                        cell.style().add_modifier.contains(Modifier::REVERSED)
                    })
                });
                assert!(cursor, "{w}×{h}: {field:?} shows no cursor");
            }
            keys(&mut model, &[KeyCode::Tab]);
        }
    }
}

#[test]
fn the_timeframe_is_one_row_with_the_typed_date() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Enter]);
    while form(&model).field != Field::Timeframe {
        keys(&mut model, &[KeyCode::Tab]);
    }
    keys(&mut model, &[KeyCode::Right, KeyCode::Right]);
    type_text(&mut model, "junio 2019");
    for (w, h) in SIZES {
        let shown = draw(&model, w, h).backend().to_string();
        assert!(!shown.contains("Fecha o periodo"), "one field:\n{shown}");
        let line = shown
            .lines()
            .find(|l| l.contains("› Plazo"))
            .unwrap_or_else(|| panic!("{w}×{h}:\n{shown}"));
        // The narrowest screen scrolls the date to keep its cursor in view.
        let whole = w >= 80 && line.contains("◀ fecha o periodo: junio 2019");
        let scrolled = line.contains("◀ fecha o periodo: ") && line.contains("2019");
        assert!(whole || (w < 80 && scrolled), "{line}");
    }
    keys(&mut model, &[KeyCode::Tab, KeyCode::Esc]);
    let open = model.open().expect("a session is open");
    let input = &open.session.groups[0].inputs[0];
    assert_eq!(
        input.action.timeframe,
        Some(crate::model::input::Timeframe::Date("junio 2019".into()))
    );
    let line = crate::ui::widgets::fields_summary(input, Lang::Es);
    assert!(
        line.contains("· junio 2019 ·") && !line.contains("mediano plazo"),
        "the list shows the date as the one timeframe: {line}"
    );
}

#[test]
fn countries_are_named_in_the_interface_language() {
    for (lang, names) in [
        (
            Lang::Es,
            ["Belice", "México", "Panamá", "Estados Unidos", "Canadá"],
        ),
        (
            Lang::En,
            ["Belize", "Mexico", "Panama", "United States", "Canada"],
        ),
    ] {
        let model = on_countries(lang);
        let shown = draw(&model, 160, 45).backend().to_string();
        for name in names {
            assert!(shown.contains(name), "{lang:?} {name}:\n{shown}");
        }
    }
    let model = on_countries(Lang::En);
    let shown = draw(&model, 160, 45).backend().to_string();
    assert!(shown.contains("Dominican Republic"), "{shown}");
    assert!(!shown.contains("México"), "{shown}");
}

#[test]
fn help_in_the_form_and_in_a_prompt_tells_their_own_keys() {
    let mut model = on_countries(Lang::Es);
    keys(&mut model, &[KeyCode::F(1)]);
    let shown = draw(&model, 160, 45).backend().to_string();
    assert!(
        shown.contains("marcar o desmarcar todos los países miembros"),
        "{shown}"
    );
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('m'), KeyCode::F(1)]);
    let shown = draw(&model, 160, 45).backend().to_string();
    assert!(
        shown.contains("cancelar y dejar el valor anterior"),
        "{shown}"
    );
}

/// Pasted lines in the text: the preview keeps the break (never
/// "información:1. Designar") and wraps between words at 80×24 and 60×20.
#[test]
fn the_texts_preview_keeps_line_breaks_and_whole_words() {
    let first = "Mecanismo regional de intercambio de información:";
    let second = "1. Designar puntos focales nacionales de investigación";
    for (width, height) in [(80, 24), (60, 20), SIZES[1]] {
        let mut model = session_model(Lang::Es);
        keys(&mut model, &[KeyCode::Tab, KeyCode::Char('a')]);
        type_text(&mut model, first);
        keys(&mut model, &[KeyCode::Enter]);
        type_text(&mut model, second);
        // Tab: the form; then back to the kind, so the text is a preview.
        keys(&mut model, &[KeyCode::Tab]);
        while form(&model).field != Field::Kind {
            keys(&mut model, &[KeyCode::BackTab]);
        }
        let screen = draw(&model, width, height).backend().to_string();
        assert!(!screen.contains("información:1."), "{screen}");
        let rows: Vec<&str> = screen.lines().collect();
        // The text's rows hold whole words only (what does not fit is left
        // for the editor, not cut in two).
        let words: Vec<&str> = first
            .split_whitespace()
            .chain(second.split_whitespace())
            .collect();
        let at = rows.iter().position(|r| r.contains("Mecanismo")).unwrap();
        let text_rows = [rows[at], rows[at + 1]];
        for row in text_rows.iter().take_while(|r| !r.contains("Alcance")) {
            let frame = |t: &str| t.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c));
            let tokens = row.split([' ', '"']).filter(|t| !t.is_empty() && !frame(t));
            for token in tokens {
                assert!(
                    token == "Texto" || words.contains(&token),
                    "{token:?} is not a whole word:\n{screen}"
                );
            }
        }
        if width == 80 {
            let at = rows.iter().position(|r| r.contains("Mecanismo")).unwrap();
            assert!(rows[at + 1].contains("1. Designar puntos"), "{screen}");
        }
    }
}
