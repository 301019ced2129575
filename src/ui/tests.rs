//! Every screen drawn at a laptop size (80×24) and a projector size (160×45),
//! compared with reviewed snapshots; odd sizes must never panic; styles that
//! text snapshots cannot show are checked on the buffer.

use crate::model::schedule::places::{breakout, opening};
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::view;
use crate::app::{Context, Model, Msg, OpenedSession, Start, StartEntry, update};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::store::{self, Summary};

const EXAMPLE: &str = include_str!("../../sessions/ejemplo-taller-ctim.json");

fn example() -> Session {
    store::parse(EXAMPLE.as_bytes()).expect("the example session parses")
}

fn session_model(lang: Lang) -> Model {
    let opened = OpenedSession {
        path: PathBuf::from("ejemplo.json"),
        view: None,
        session: Box::new(example()),
        read_only: None,
        note: None,
    };
    Model::with_session(context(lang), opened)
}

/// The moment the example session was saved: mid-breakout, 78 minutes in.
fn now() -> Timestamp {
    "2018-02-20T16:30:00Z".parse().unwrap()
}

fn context(lang: Lang) -> Context {
    Context {
        lang,
        tz: TimeZone::UTC,
        now: now(),
        no_color: false,
        muted: false,
        writer: Some(Box::new(crate::session::Recorder::default())),
    }
}

fn keys(model: &mut Model, codes: &[KeyCode]) {
    for code in codes {
        update(
            model,
            Msg::Key(KeyEvent::new(*code, KeyModifiers::NONE)),
            now(),
        );
    }
}

fn type_text(model: &mut Model, text: &str) {
    let codes: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    keys(model, &codes);
}

fn start_model() -> Model {
    let session = example();
    Model::start(
        context(Lang::Es),
        Start {
            sessions_dir: "~/.local/share/taller/sessions".into(),
            default_title: session.workshop.title.clone(),
            suggested_name: "taller-2018-02-20".into(),
            entries: vec![
                StartEntry {
                    name: "ejemplo-taller-ctim".into(),
                    path: "ejemplo-taller-ctim.json".into(),
                    summary: Ok(Summary::of(&session)),
                },
                StartEntry {
                    name: "copia-dañada".into(),
                    path: "copia-dañada.json".into(),
                    summary: Err(
                        "no es JSON válido (línea 3, columna 1: EOF while parsing an object)"
                            .into(),
                    ),
                },
            ],
            selected: 0,
            naming: None,
            prompt: crate::app::Prompt::New,
            workshops: Vec::new(),
            workshop: 0,
        },
    )
}

fn draw(model: &Model, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(model, frame)).unwrap();
    terminal
}

fn screen(model: &Model, width: u16, height: u16) -> String {
    draw(model, width, height).backend().to_string()
}

/// Snapshots of a room view at a laptop's size and two projectors'.
macro_rules! room_snapshots {
    ($name:literal, $model:expr) => {
        let model = $model;
        insta::assert_snapshot!(concat!($name, "_80x24"), screen(&model, 80, 24));
        insta::assert_snapshot!(concat!($name, "_160x45"), screen(&model, 160, 45));
        insta::assert_snapshot!(concat!($name, "_200x60"), screen(&model, 200, 60));
    };
}

/// Snapshots of one model at both sizes.
macro_rules! snapshots {
    ($name:literal, $model:expr) => {
        let model = $model;
        insta::assert_snapshot!(concat!($name, "_80x24"), screen(&model, 80, 24));
        insta::assert_snapshot!(concat!($name, "_160x45"), screen(&model, 160, 45));
    };
}

#[test]
fn start_screen() {
    snapshots!("start", start_model());
}

#[test]
fn start_screen_naming_a_new_session() {
    let mut model = start_model();
    keys(&mut model, &[KeyCode::Enter]);
    snapshots!("start_naming", model);
}

#[test]
fn opening_plenary() {
    snapshots!("opening", session_model(Lang::Es));
}

#[test]
fn opening_plenary_principles_item() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Down]);
    snapshots!("opening_principles", model);
}

#[test]
fn breakout_group() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab]);
    snapshots!("groups", model);
}

#[test]
fn breakout_group_without_inputs_and_examples_hidden() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Char('x'),
        ],
    );
    snapshots!("groups_empty", model);
}

#[test]
fn breakout_group_editor() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('a')]);
    type_text(
        &mut model,
        "Designar un punto focal por país; reunión técnica semestral en Panamá 🇵🇦 — acción regional.",
    );
    snapshots!("groups_editor", model);
}

#[test]
fn breakout_group_rapporteur_field() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Char('R'),
        ],
    );
    type_text(&mut model, "Dña. Begoña Núñez");
    snapshots!("groups_rapporteur", model);
}

#[test]
fn help_overlay() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('?')]);
    snapshots!("help_groups", model);
}

#[test]
fn confirm_delete() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('d')]);
    snapshots!("confirm_delete", model);
}

#[test]
fn closing_report_back() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('3'), KeyCode::Down]);
    snapshots!("closing_report", model);
}

#[test]
fn closing_final_step() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('3'), KeyCode::End]);
    for _ in 0..5 {
        keys(&mut model, &[KeyCode::Right]);
    }
    snapshots!("closing_final", model);
}

#[test]
fn english_interface() {
    let mut model = session_model(Lang::En);
    keys(&mut model, &[KeyCode::Tab]);
    snapshots!("groups_english", model);
}

#[test]
fn save_failure_is_shown_with_the_path() {
    let mut model = session_model(Lang::Es);
    update(
        &mut model,
        Msg::Saved {
            path: "ejemplo.json".into(),
            seq: 1,
            result: Err("No space left on device (os error 28)".into()),
        },
        now(),
    );
    let text = screen(&model, 160, 45);
    assert!(
        text.contains("No se pudo guardar ejemplo.json: No space left on device"),
        "{text}"
    );
}

#[test]
fn room_view_of_a_plenary_item() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[KeyCode::Char('3'), KeyCode::Char(' '), KeyCode::Char('p')],
    );
    room_snapshots!("room_report", model);
}

#[test]
fn room_view_during_the_breakouts_is_a_dashboard() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('p')]);
    room_snapshots!("room_dashboard", model);
}

#[test]
fn schedule_view() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('c')]);
    snapshots!("schedule", model);
}

/// The example session, a day of 2018, opened years later: its schedule and
/// the room's dashboard say where that day stood when its clocks stopped
/// (+22 minutes), never a drift of millions of minutes since; the header,
/// made for the day under way, says none.
#[test]
fn a_past_day_shows_its_own_drift_not_the_years_since() {
    let later: Timestamp = "2026-12-04T16:05:00Z".parse().unwrap();
    for (codes, size, header) in [
        (&[KeyCode::Tab, KeyCode::Char('c')][..], (80, 24), true),
        (&[KeyCode::Tab, KeyCode::Char('c')][..], (160, 45), true),
        (&[KeyCode::Tab, KeyCode::Char('p')][..], (160, 45), false),
    ] {
        let mut model = session_model(Lang::Es);
        keys(&mut model, codes);
        model.now = later;
        let text = screen(&model, size.0, size.1);
        assert!(
            text.contains("20/02/2018: +22 min de retraso"),
            "{codes:?} {size:?}:\n{text}"
        );
        assert!(text.contains("fin previsto 17:57"), "{text}");
        let first = text.lines().next().unwrap_or_default();
        assert!(!header || !first.contains("retraso"), "{first}");
    }
    // A newcomer tries the keys on it: the first group reports back today.
    // No drift counts the years since; its slot keeps its 10 minutes.
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('3')]);
    model.now = later;
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE)),
        later,
    );
    keys(&mut model, &[KeyCode::Char('c')]);
    model.now = later;
    let text = screen(&model, 160, 45);
    assert!(
        !text.contains("retraso") && !text.contains("adelanto"),
        "{text}"
    );
    assert!(text.contains("Cronograma · fin previsto 17:10"), "{text}");
    assert!(text.contains("⏱ 10:00 · en tiempo"), "{text}");
    // The same day on the day: no date, the drift as it goes.
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('c')]);
    let text = screen(&model, 160, 45);
    assert!(text.contains("Cronograma · +22 min de retraso"), "{text}");
}

/// `m` on one group's page changes every group's breakout (they run in
/// parallel with one planned length): the prompt says so, not one group's
/// name; the same for a report-back's slot.
#[test]
fn the_minutes_prompt_of_a_group_says_it_changes_every_group() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Right, KeyCode::Char('m')],
    );
    for (width, height) in [(80, 24), (160, 45)] {
        let text = screen(&model, width, height);
        assert!(
            text.contains("Minutos previstos de todos los grupos — Grupos de trabajo"),
            "{text}"
        );
        assert!(!text.contains("Minutos previstos — Operaciones"), "{text}");
    }
    keys(&mut model, &[KeyCode::Backspace, KeyCode::Backspace]);
    type_text(&mut model, "100");
    keys(&mut model, &[KeyCode::Enter]);
    let open = model.open().unwrap();
    for g in 0..open.session.groups.len() {
        assert_eq!(
            open.session.timer(&breakout(g)).planned_secs,
            100 * 60,
            "what the prompt said: every group's breakout"
        );
    }
    let mut model = session_model(Lang::En);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('m')],
    );
    let text = screen(&model, 80, 24);
    assert!(
        text.contains("Planned minutes of every group — report-back"),
        "{text}"
    );
}

/// Reading ahead never hides the clock that runs: the status line shows
/// the first group's report-back counting down, and names it, while the
/// facilitator reads the second group's page.
#[test]
fn the_status_line_shows_the_clock_that_runs_and_names_it() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('3'), KeyCode::Char(' ')]);
    keys(&mut model, &[KeyCode::Right]);
    model.now = now() + jiff::SignedDuration::from_mins(1);
    for (width, height) in [(80u16, 24u16), (160, 45)] {
        let text = screen(&model, width, height);
        let status = text
            .lines()
            .nth(usize::from(height) - 2)
            .unwrap_or_default();
        assert!(
            status.contains("⏱ 09:00 · en tiempo · Inteligencia/Investigac…"),
            "{text}"
        );
        assert!(text.contains("Grupo 2 de 5 socializa"), "{text}");
    }
    // Its own clock once it runs, with no name: the page already says it.
    keys(&mut model, &[KeyCode::Left]);
    model.now = now() + jiff::SignedDuration::from_mins(1);
    let text = screen(&model, 80, 24);
    let status = text.lines().nth(22).unwrap_or_default();
    assert!(status.contains("⏱ 09:00 · en tiempo \""), "{status}");
}

/// The style of the first cell that shows `text` on screen.
fn style_of(terminal: &Terminal<TestBackend>, text: &str) -> ratatui::style::Style {
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let line = row(buffer, y);
        if let Some(at) = line.find(text) {
            let x = line[..at].chars().count() as u16;
            return buffer[(x, y)].style();
        }
    }
    panic!("{text:?} is not on screen");
}

#[test]
fn each_phase_looks_different_without_relying_on_colour() {
    use crate::session::{ClockAction, Command};
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab]);
    let minute = |m: i64| now() + jiff::SignedDuration::from_mins(m);
    let cases = [
        (0, "en tiempo", Modifier::empty()),
        (75, "queda poco tiempo", Modifier::BOLD),
        (89, "último minuto", Modifier::UNDERLINED),
        (91, "TIEMPO EXCEDIDO", Modifier::REVERSED),
    ];
    let mut looks = Vec::new();
    for (after, label, modifier) in cases {
        if let crate::app::Page::Workshop(open) = &mut model.page {
            for action in [ClockAction::Reset, ClockAction::Start] {
                let timer = breakout(0);
                open.submit(Command::Clock { timer, action }, now())
                    .unwrap();
            }
        }
        update(&mut model, Msg::Tick, minute(after));
        let terminal = draw(&model, 80, 24);
        let style = style_of(&terminal, label);
        assert!(style.add_modifier.contains(modifier), "{label}: {style:?}");
        looks.push((style.fg, style.add_modifier));
    }
    looks.dedup();
    assert_eq!(looks.len(), 4, "four phases, four looks: {looks:?}");
    let terminal = draw(&model, 80, 24);
    assert!(
        row(terminal.backend().buffer(), 22).contains("+01:00"),
        "overtime counts up"
    );
}

#[test]
fn no_color_keeps_the_signals_but_drops_the_colours() {
    let mut model = session_model(Lang::Es);
    model.no_color = true;
    keys(&mut model, &[KeyCode::Tab, KeyCode::Down]);
    let terminal = draw(&model, 80, 24);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let second = (0..24)
        .find(|y| row(buffer, *y).contains("│2. Protocolo"))
        .unwrap();
    assert!(buffer[(1, second)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn too_small_says_so() {
    insta::assert_snapshot!("too_small", screen(&session_model(Lang::Es), 40, 10));
}

#[test]
fn no_size_panics_on_any_screen() {
    let mut models = vec![start_model()];
    let mut naming = start_model();
    keys(&mut naming, &[KeyCode::Enter]);
    models.push(naming);
    let paths: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Tab],
        &[KeyCode::Tab, KeyCode::Char('a')],
        &[KeyCode::Tab, KeyCode::Char('F')],
        &[KeyCode::Tab, KeyCode::Char('?')],
        &[KeyCode::Tab, KeyCode::Char('d')],
        &[KeyCode::Char('3')],
        &[KeyCode::Char('3'), KeyCode::End, KeyCode::End],
        &[KeyCode::Char('p')],
        &[KeyCode::Tab, KeyCode::Char('p')],
        &[KeyCode::Char('c')],
        &[KeyCode::Tab, KeyCode::Char('m')],
        &[KeyCode::Tab, KeyCode::Char('r')],
        &[KeyCode::Tab, KeyCode::Enter, KeyCode::Tab, KeyCode::Tab],
        &[
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::End,
            KeyCode::Enter,
        ],
    ];
    for path in paths {
        let mut model = session_model(Lang::Es);
        keys(&mut model, path);
        if path.ends_with(&[KeyCode::End, KeyCode::End]) {
            for _ in 0..6 {
                keys(&mut model, &[KeyCode::Right]);
            }
        }
        models.push(model);
    }
    for model in &models {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 6),
            (300, 5),
            (49, 13),
            (50, 14),
            (51, 15),
            (300, 100),
            (7, 300),
        ] {
            draw(model, w, h);
        }
    }
}

#[test]
fn a_long_selected_input_still_shows_its_beginning() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('a')]);
    let long: String = (1..=40)
        .map(|n| format!("Párrafo {n} de una conclusión muy larga.\n"))
        .collect();
    update(&mut model, Msg::Paste(long), now());
    keys(&mut model, &[KeyCode::Esc]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("4. Párrafo 1 de una conclusión"), "{shown}");
    assert!(shown.contains("▲"), "more above is marked: {shown}");
    keys(&mut model, &[KeyCode::Home]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("1. Crear una plataforma"), "{shown}");
    assert!(shown.contains("▼"), "more below is marked: {shown}");
}

#[test]
fn line_breaks_inside_an_input_keep_the_hanging_indent() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('a')]);
    update(
        &mut model,
        Msg::Paste("Primera línea\nSegunda línea".into()),
        now(),
    );
    keys(&mut model, &[KeyCode::Esc]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("│4. Primera línea"), "{shown}");
    assert!(shown.contains("│   Segunda línea"), "{shown}");
}

#[test]
fn selected_input_is_reversed_not_only_coloured() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Down]);
    let terminal = draw(&model, 80, 24);
    let buffer = terminal.backend().buffer();
    let second = (0..24)
        .find(|y| row(buffer, *y).contains("│2. Protocolo"))
        .expect("the second input is on screen");
    let cell = &buffer[(1, second)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    let first = (0..24)
        .find(|y| row(buffer, *y).contains("Pregunta abierta:"))
        .unwrap();
    assert!(!buffer[(1, first)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn current_part_tab_is_marked() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab]);
    let terminal = draw(&model, 160, 45);
    let buffer = terminal.backend().buffer();
    let tabs = row(buffer, 1);
    let at = tabs.find("2 Grupos de trabajo").unwrap();
    let column = tabs[..at].chars().count() as u16;
    assert!(buffer[(column, 1)].modifier.contains(Modifier::REVERSED));
    let opening = tabs.find("1 Plenaria").unwrap();
    let column = tabs[..opening].chars().count() as u16;
    assert!(!buffer[(column, 1)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn errors_stand_out_on_red() {
    let mut model = start_model();
    keys(&mut model, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    let terminal = draw(&model, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(row(buffer, 22).contains("No se puede abrir"));
    assert_eq!(buffer[(2, 22)].bg, Color::Red);
}

fn row(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn input_form() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Enter, KeyCode::BackTab],
    );
    snapshots!("form_kind", model);
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Enter, KeyCode::Tab, KeyCode::Tab],
    );
    snapshots!("form_countries", model);
}

#[test]
fn a_national_action_is_flagged_gently() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[KeyCode::Tab, KeyCode::Down, KeyCode::Enter, KeyCode::Tab],
    );
    for _ in 0..4 {
        keys(&mut model, &[KeyCode::Right]);
    }
    keys(&mut model, &[KeyCode::Esc]);
    let shown = screen(&model, 160, 45);
    assert!(
        shown.contains("las acciones deben ser regionales"),
        "{shown}"
    );
}

#[test]
fn a_megabyte_input_is_kept_whole_and_drawn_quickly() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('a')]);
    let text = "Acción regional con información compartida entre países. ".repeat(18_000);
    assert!(text.len() > 1_000_000);
    update(&mut model, Msg::Paste(text.clone()), now());
    keys(&mut model, &[KeyCode::Esc]);
    let kept = &model.open().unwrap().session.groups[0].inputs[3].text;
    assert_eq!(kept.len(), text.trim().len(), "saved whole, never cut");
    let shown = screen(&model, 160, 45);
    assert!(
        shown.contains("KB más"),
        "the list says there is more: {shown}"
    );
}

#[test]
fn socializing_shows_the_input_large_with_the_groups_clock() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[
            KeyCode::Char('3'),
            KeyCode::Char(' '),
            KeyCode::Char('p'),
            KeyCode::Down,
        ],
    );
    room_snapshots!("room_socialize", model);
}

#[test]
fn socializing_steps_through_the_inputs() {
    let mut model = session_model(Lang::Es);
    keys(
        &mut model,
        &[
            KeyCode::Char('3'),
            KeyCode::Char(' '),
            KeyCode::Char('p'),
            KeyCode::Down,
        ],
    );
    let shown = screen(&model, 160, 45);
    // Named by its number, as the plan names it, and how far along it is.
    assert!(shown.contains(" 1.2 (2/3) · "), "{shown}");
    // At 80×24 the text is too long for large letters: ordinary ones, whole.
    let shown = screen(&model, 80, 24);
    assert!(
        shown.contains("Protocolo regional estandarizado"),
        "{shown}"
    );
}

#[test]
fn the_final_step_ranks_each_axis_by_votes() {
    let mut model = session_model(Lang::Es);
    if let crate::app::Page::Workshop(open) = &mut model.page {
        let inputs = &mut std::sync::Arc::make_mut(&mut open.session)
            .group_mut(0)
            .unwrap()
            .inputs;
        std::sync::Arc::make_mut(&mut inputs[1]).plenary.votes = 9;
        std::sync::Arc::make_mut(&mut inputs[0]).plenary.votes = 4;
    }
    keys(&mut model, &[KeyCode::Char('3'), KeyCode::End]);
    for _ in 0..5 {
        keys(&mut model, &[KeyCode::Right]);
    }
    let shown = screen(&model, 160, 45);
    // Across axes, numbered, whole texts (they fit at 160 columns).
    let first = shown
        .find("1. 1.2 Protocolo regional estandarizado desde la detección del delito: entrevista inicial, preservación de evidencia digital y aviso inmediato al punto")
        .expect(&shown);
    let second = shown
        .find("2. 1.1 Crear una plataforma regional")
        .expect(&shown);
    assert!(first < second, "most voted first:\n{shown}");
    assert!(shown.contains("— 9 votos"), "{shown}");
    // Then the axis's own ranking, under its name.
    let axis = shown.find("Eje 1: Inteligencia").expect(&shown);
    assert!(axis > second, "{shown}");
    // At 80×24 nothing is cut mid-word, and the rest is a PgDn away.
    let narrow = screen(&model, 80, 24);
    assert!(narrow.contains("▼ sigue (AvPág)"), "{narrow}");
    keys(&mut model, &[KeyCode::PageDown; 4]);
    let narrow = screen(&model, 80, 24);
    assert!(narrow.contains("1. 1.2 Protocolo regional"), "{narrow}");
    for line in narrow.lines().filter(|l| l.contains("1.2 Protocolo")) {
        let text = line.trim_matches(|c| c == '│' || c == '"' || c == ' ');
        assert!(
            !text.ends_with(|c: char| c.is_alphabetic()) || text.ends_with("evidencia"),
            "cut at a word: {line}"
        );
    }
}

/// The columns and rows that hold a block character of the big digits.
fn digits_extent(terminal: &Terminal<TestBackend>) -> (u16, u16) {
    let buf = terminal.backend().buffer();
    let area = buf.area;
    let block = |x: u16, y: u16| matches!(buf[(x, y)].symbol(), "█" | "▀" | "▄");
    let rows = (0..area.height)
        .filter(|&y| (0..area.width).any(|x| block(x, y)))
        .count() as u16;
    let columns = (0..area.width)
        .filter(|&x| (0..area.height).any(|y| block(x, y)))
        .count() as u16;
    (columns, rows)
}

#[test]
fn the_room_clock_fills_the_projected_screen_and_grows_with_it() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('p')]);
    let share = |(columns, rows): (u16, u16), (width, height): (u16, u16)| {
        (f32::from(columns) / f32::from(width)).max(f32::from(rows) / f32::from(height))
    };
    let projector = digits_extent(&draw(&model, 160, 45));
    assert!(
        share(projector, (160, 45)) >= 0.6,
        "at 160×45 the digits take {projector:?}"
    );
    let large = digits_extent(&draw(&model, 200, 60));
    assert!(
        large.0 > projector.0 && large.1 > projector.1,
        "at 200×60 {large:?}, at 160×45 {projector:?}"
    );
    room_snapshots!("room_clock", model);
}

#[test]
fn the_room_message_stands_large_above_the_clock() {
    let mut model = session_model(Lang::Es);
    if let crate::app::Page::Workshop(open) = &mut model.page {
        std::sync::Arc::make_mut(&mut open.session).room_message = "Cierre en 2 minutos".into();
    }
    keys(&mut model, &[KeyCode::Char('p')]);
    // Large letters at projector size: not as plain text, but a band of blocks.
    let projector = draw(&model, 160, 45);
    let text = projector.backend().to_string();
    assert!(!text.contains("Cierre en 2 minutos"), "{text}");
    let buf = projector.backend().buffer();
    let message_style = buf[(0, 0)].style();
    assert!(
        message_style
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "the band stands out without colour too"
    );
    insta::assert_snapshot!("room_message_160x45", text);
    // Too small for large letters: the words as they are.
    let small = screen(&model, 60, 16);
    assert!(small.contains("Cierre en 2 minutos"), "{small}");
}

#[test]
fn at_the_smallest_size_every_key_of_the_help_is_reached_by_scrolling() {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Tab, KeyCode::Char('?')]);
    let wanted: Vec<&str> = crate::app::bindings(&model)
        .iter()
        .map(|(_, what)| *what)
        .collect();
    let mut seen = String::new();
    for _ in 0..wanted.len() {
        let shown = screen(&model, 50, 14);
        assert!(shown.contains("Teclas"), "the help stays open:\n{shown}");
        seen.push_str(&shown.replace(['│', '║', '"'], " "));
        keys(&mut model, &[KeyCode::Down]);
    }
    let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    for what in wanted {
        // The first words of each description, as wrapped in the column.
        let start: String = what
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(seen.contains(&start), "never shown: {what}\n{seen}");
    }
    keys(&mut model, &[KeyCode::Char('x')]);
    assert_eq!(model.overlay, None, "any other key closes it");
    assert_eq!(model.help_scroll, 0);
}

/// The far edge of what a file may hold (`model::limits`): every screen and
/// the schedule export are drawn, with the clock now and at the last year.
#[test]
fn a_session_at_the_edge_of_every_limit_draws_without_panicking() {
    use crate::model::limits::{MAX_ACCUMULATED_MS, MAX_PLANNED_MINUTES, check};
    let mut session = example();
    for item in &mut session.workshop.opening.items {
        item.minutes = MAX_PLANNED_MINUTES;
    }
    session.workshop.breakout.minutes = MAX_PLANNED_MINUTES;
    session.workshop.closing.report_minutes = MAX_PLANNED_MINUTES;
    session.workshop.closing.final_step.minutes = MAX_PLANNED_MINUTES;
    let last: Timestamp = "2999-12-31T23:59:59Z".parse().unwrap();
    let first: Timestamp = "1900-01-01T00:00:00Z".parse().unwrap();
    session.schedule.planned_start = Some(last);
    for id in session.timer_ids() {
        let timer = session.timer_mut(&id).unwrap();
        timer.planned_secs = MAX_PLANNED_MINUTES * 60;
        timer.accumulated_ms = MAX_ACCUMULATED_MS;
    }
    let running = session.timer_mut(&breakout(0)).unwrap();
    running.running_since = Some(first);
    running.first_started_at = Some(first);
    assert_eq!(check(&session), Ok(()), "a session a file may hold");
    for at in [now(), first, last] {
        let _ = crate::export::schedule_csv::render(&session, at, &TimeZone::UTC, Lang::Es);
        let mut model = Model::with_session(
            Context {
                now: at,
                ..context(Lang::Es)
            },
            OpenedSession {
                path: PathBuf::from("limites.json"),
                session: Box::new(session.clone()),
                read_only: None,
                note: None,
                view: None,
            },
        );
        // Keys at that same moment: the screens read the clock from the model.
        let press = |model: &mut Model, code: KeyCode| {
            update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), at);
        };
        for part in ['1', '2', '3'] {
            press(&mut model, KeyCode::Char(part));
            let _ = screen(&model, 80, 24);
            for mode in ['p', 'c'] {
                press(&mut model, KeyCode::Char(mode));
                let _ = screen(&model, 160, 45);
                press(&mut model, KeyCode::Esc);
            }
        }
    }
}

#[test]
fn the_header_shows_the_clocks_own_timebox_after_plus_and_minus() {
    let mut model = session_model(Lang::Es);
    let before = screen(&model, 120, 30);
    assert!(
        before.contains("Antecedentes regionales · 20 min"),
        "{before}"
    );
    keys(&mut model, &[KeyCode::Char('+'), KeyCode::Char('+')]);
    let after = screen(&model, 120, 30);
    assert!(
        after.contains("Antecedentes regionales · 22 min"),
        "{after}"
    );
}

#[test]
fn a_finished_item_says_so_not_paused() {
    // In the example day, the opening's items are over: a later part ran.
    let model = session_model(Lang::Es);
    let shown = screen(&model, 120, 30);
    let footer = shown.lines().rev().nth(1).unwrap_or_default();
    assert!(footer.contains("· hecho"), "{footer}");
    assert!(!footer.contains("en pausa"), "{footer}");
}

mod final_ranking;
mod form_sizes;
mod kept;
mod polls;
mod portuguese;
mod presence;
mod roles;
mod room_frames;
mod served;
mod socialized;
mod workshops;

#[test]
fn reading_ahead_then_p_projects_the_item_that_runs() {
    let mut model = session_model(Lang::Es);
    if let crate::app::Page::Workshop(open) = &mut model.page {
        use crate::session::{ClockAction, Command};
        let start = Command::Clock {
            timer: opening(1),
            action: ClockAction::Start,
        };
        open.submit(start, now()).unwrap();
    }
    // The facilitator reads item 3 while item 2 runs, then projects.
    keys(
        &mut model,
        &[KeyCode::Char('1'), KeyCode::Down, KeyCode::Down],
    );
    keys(&mut model, &[KeyCode::Down, KeyCode::Char('p')]);
    let shown = screen(&model, 120, 40);
    assert!(shown.contains("Objetivos del taller"), "{shown}");
    assert!(
        shown.contains("Siguiente: Metodología propuesta"),
        "{shown}"
    );
}

#[test]
fn key_hints_that_do_not_fit_are_left_out_whole_and_the_last_stays() {
    let keys = Lang::Es.t().footer_start;
    assert_eq!(super::hints_within(keys, 90), keys);
    // At 80 columns the trash's hint goes, quitting's stays.
    assert_eq!(
        super::hints_within(keys, 78),
        "Enter abrir · n nueva · r renombrar · c plantilla · q salir · ? ayuda"
    );
    assert_eq!(super::hints_within(keys, 21), "Enter abrir · ? ayuda");
    // A hint too long is passed over, a shorter one after it still shown.
    assert_eq!(super::hints_within(keys, 20), "n nueva · ? ayuda");
    assert_eq!(
        super::hints_within(keys, 58),
        "Enter abrir · n nueva · r renombrar · q salir · ? ayuda"
    );
    // Narrower than the last hint: that hint alone, cut where the line ends.
    assert_eq!(super::hints_within(keys, 5), "? ayuda");
}

#[test]
fn the_breadcrumb_keeps_its_place_and_count_where_the_title_cannot_show() {
    use textwrap::core::display_width;
    let mut model = session_model(Lang::Pt);
    keys(&mut model, &[KeyCode::Tab]);
    let crate::app::Page::Workshop(open) = &model.page else {
        panic!("the example opens in the workshop");
    };
    for width in [50, 60, 80] {
        let line = super::location(open, Lang::Pt, width);
        assert!(display_width(&line) <= width, "{line:?} at {width}");
        assert!(line.starts_with(" Etapa 2 de 3 › Grupo"), "{line:?}");
        assert!(line.ends_with("contribuições"), "{line:?} at {width}");
    }
}
