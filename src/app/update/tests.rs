//! Behaviour through `update`, with a fake clock and no terminal.

use crate::model::schedule::places::{breakout, opening, report};
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// `update`, counting what it saves from here: the host writes, not the
/// screen, so saves are counted at the writer, one call at a time.
fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    written();
    super::update(model, msg, now)
}
use crate::app::{
    Context, EditTarget, Effect, Model, Msg, OpenedSession, Overlay, Page, Part, SaveState, Start,
    StartEntry,
};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::model::workshop::Workshop;
use crate::store::Summary;

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + second).unwrap()
}

fn session() -> Session {
    Session::new("prueba", Workshop::default_for(Lang::Es).unwrap(), at(0))
}

fn context() -> Context {
    Context {
        lang: Lang::Es,
        tz: TimeZone::UTC,
        now: at(0),
        no_color: false,
        muted: false,
        writer: Some(Box::new(ThreadWriter)),
    }
}

thread_local! {
    /// What the host of this test's session handed its writer (each test
    /// runs on a thread of its own).
    static WRITTEN: std::cell::RefCell<Vec<std::sync::Arc<Session>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

struct ThreadWriter;

impl crate::session::Writer for ThreadWriter {
    fn write(&mut self, _: &std::path::Path, _: u64, session: std::sync::Arc<Session>) -> bool {
        WRITTEN.with(|w| w.borrow_mut().push(session));
        true
    }
}

/// The snapshots written since the last look, newest last.
fn written() -> Vec<std::sync::Arc<Session>> {
    WRITTEN.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

fn opened(path: &str, session: Session) -> OpenedSession {
    OpenedSession {
        path: PathBuf::from(path),
        view: None,
        session: Box::new(session),
        read_only: None,
        note: None,
    }
}

fn model() -> Model {
    Model::with_session(context(), opened("prueba.json", session()))
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn press(model: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(model, key(code), at(1))
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, key(KeyCode::Char(c)), at(1));
    }
}

fn open(model: &Model) -> &crate::app::Open {
    model.open().expect("a session is open")
}

fn inputs(model: &Model, group: usize) -> Vec<String> {
    open(model).session.groups[group]
        .inputs
        .iter()
        .map(|i| i.text.clone())
        .collect()
}

/// Snapshots written by the last call of `update`.
fn saves(_effects: &[Effect]) -> usize {
    written().len()
}

fn go_to_groups(model: &mut Model) {
    press(model, KeyCode::Tab);
    assert_eq!(open(model).viewer.part, Part::Groups);
}

fn add_input(model: &mut Model, text: &str) -> Vec<Effect> {
    press(model, KeyCode::Char('a'));
    type_text(model, text);
    press(model, KeyCode::Esc)
}

#[test]
fn tab_and_number_keys_move_between_the_three_parts() {
    let mut m = model();
    assert_eq!(open(&m).viewer.part, Part::Opening);
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Tab);
    assert_eq!(open(&m).viewer.part, Part::Closing);
    press(&mut m, KeyCode::Tab);
    assert_eq!(open(&m).viewer.part, Part::Opening, "Tab wraps around");
    press(&mut m, KeyCode::BackTab);
    assert_eq!(open(&m).viewer.part, Part::Closing);
    press(&mut m, KeyCode::Char('2'));
    assert_eq!(open(&m).viewer.part, Part::Groups);
}

#[test]
fn arrows_move_between_groups_and_stop_at_the_ends() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Left);
    assert_eq!(open(&m).viewer.group(&open(&m).session), 0);
    for _ in 0..10 {
        press(&mut m, KeyCode::Char('l'));
    }
    assert_eq!(open(&m).viewer.group(&open(&m).session), 4);
    press(&mut m, KeyCode::Char('h'));
    assert_eq!(open(&m).viewer.group(&open(&m).session), 3);
}

#[test]
fn typing_an_input_with_accents_keeps_it_and_saves() {
    let mut m = model();
    go_to_groups(&mut m);
    let effects = add_input(
        &mut m,
        "Intercambio de información en «tiempo real» — ñandú 🚨 情報",
    );
    assert_eq!(
        inputs(&m, 0),
        ["Intercambio de información en «tiempo real» — ñandú 🚨 情報"]
    );
    assert_eq!(saves(&effects), 1);
    assert_eq!(open(&m).save, SaveState::Pending);
    let input = &open(&m).session.groups[0].inputs[0];
    assert_eq!(input.created_at, at(1));
    assert!(open(&m).viewer.editor.is_none());
}

#[test]
fn enter_in_the_editor_is_a_new_line_not_the_end() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "uno");
    press(&mut m, KeyCode::Enter);
    type_text(&mut m, "dos");
    assert!(open(&m).viewer.editor.is_some());
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), ["uno\ndos"]);
}

#[test]
fn an_empty_new_input_is_not_added() {
    let mut m = model();
    go_to_groups(&mut m);
    let effects = add_input(&mut m, "   ");
    assert!(inputs(&m, 0).is_empty());
    assert_eq!(saves(&effects), 0);
    assert!(m.notice.is_some());
}

#[test]
fn tab_on_an_empty_new_input_keeps_the_editor_for_the_text() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('a'));
    press(&mut m, KeyCode::Tab);
    assert!(open(&m).viewer.editor.is_some(), "still typing");
    assert!(open(&m).viewer.form.is_none());
    type_text(&mut m, "con texto");
    press(&mut m, KeyCode::Tab);
    assert!(open(&m).viewer.form.is_some(), "now the fields");
    assert_eq!(inputs(&m, 0), ["con texto"]);
}

#[test]
fn editing_changes_the_selected_input_only() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "primero");
    add_input(&mut m, "segundo");
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Char('e'));
    type_text(&mut m, " (revisado)");
    let effects = update(&mut m, key(KeyCode::Esc), at(50));
    assert_eq!(inputs(&m, 0), ["primero (revisado)", "segundo"]);
    assert_eq!(saves(&effects), 1);
    let first = &open(&m).session.groups[0].inputs[0];
    assert_eq!((first.created_at, first.updated_at), (at(1), at(50)));
}

#[test]
fn leaving_an_edit_unchanged_does_not_save() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "igual");
    press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&press(&mut m, KeyCode::Esc)), 0);
}

#[test]
fn delete_asks_first_and_undo_puts_the_input_back_in_place() {
    let mut m = model();
    go_to_groups(&mut m);
    for text in ["a", "b", "c"] {
        add_input(&mut m, text);
    }
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Char('d'));
    assert!(matches!(m.overlay, Some(Overlay::ConfirmDelete { .. })));
    press(&mut m, KeyCode::Char('n'));
    assert_eq!(inputs(&m, 0), ["a", "b", "c"], "n cancels");
    assert!(m.overlay.is_none());

    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Char('x'));
    assert!(m.overlay.is_some(), "other keys leave the question open");
    let effects = press(&mut m, KeyCode::Char('s'));
    assert_eq!(inputs(&m, 0), ["a", "c"]);
    assert_eq!(saves(&effects), 1);

    let effects = press(&mut m, KeyCode::Char('u'));
    assert_eq!(inputs(&m, 0), ["a", "b", "c"]);
    assert_eq!(saves(&effects), 1);
    assert_eq!(open(&m).viewer.selected_in(0, &open(&m).session), 1);
    assert_eq!(
        saves(&press(&mut m, KeyCode::Char('u'))),
        0,
        "nothing left to undo"
    );
}

#[test]
fn deleting_the_last_input_keeps_the_selection_in_range() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "a");
    add_input(&mut m, "b");
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Enter);
    assert_eq!(open(&m).viewer.selected_in(0, &open(&m).session), 0);
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Enter);
    assert!(inputs(&m, 0).is_empty());
    press(&mut m, KeyCode::Char('d'));
    assert!(m.overlay.is_none(), "nothing to delete");
}

#[test]
fn emptying_the_text_in_the_form_keeps_the_old_text_and_says_so() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "corto");
    press(&mut m, KeyCode::Enter);
    for _ in 0..5 {
        press(&mut m, KeyCode::Backspace);
    }
    let effects = press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), ["corto"]);
    assert_eq!(saves(&effects), 0);
    assert!(m.notice.is_some());
}

#[test]
fn the_form_sets_kind_scope_and_countries_and_saves_on_esc() {
    use crate::model::input::{Kind, Scope};
    let mut m = model();
    go_to_groups(&mut m);
    // Quick entry, then Tab on to the other fields.
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "Protocolo común de intercambio");
    press(&mut m, KeyCode::Tab);
    assert!(open(&m).viewer.form.is_some());
    assert_eq!(
        inputs(&m, 0),
        ["Protocolo común de intercambio"],
        "the text is kept at once"
    );
    press(&mut m, KeyCode::BackTab);
    press(&mut m, KeyCode::BackTab);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Char(' '));
    let effects = press(&mut m, KeyCode::Esc);
    assert_eq!(saves(&effects), 1);
    let input = &open(&m).session.groups[0].inputs[0];
    assert_eq!(input.kind, Kind::Agreement);
    assert_eq!(input.action.scope, Some(Scope::Regional));
    assert_eq!(input.action.countries, ["Belize"]);
    assert!(open(&m).viewer.form.is_none());
}

#[test]
fn paste_arrives_as_one_insert_and_outside_the_editor_starts_an_input() {
    let mut m = model();
    go_to_groups(&mut m);
    update(
        &mut m,
        Msg::Paste("línea uno\r\nlínea dos\rlínea tres".into()),
        at(1),
    );
    assert!(open(&m).viewer.editor.is_some());
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), ["línea uno\nlínea dos\nlínea tres"]);
}

#[test]
fn a_megabyte_paste_is_kept_whole() {
    let mut m = model();
    go_to_groups(&mut m);
    let text = "Acción regional de intercambio de información. ".repeat(22_000);
    update(&mut m, Msg::Paste(text.clone()), at(1));
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), [text.trim()]);
}

#[test]
fn ctrl_s_in_the_editor_keeps_the_text_without_duplicating_it() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "borrador");
    assert_eq!(saves(&update(&mut m, ctrl('s'), at(2))), 1);
    assert_eq!(inputs(&m, 0), ["borrador"]);
    assert!(matches!(
        open(&m).viewer.editor.as_ref().map(|e| e.target.clone()),
        Some(EditTarget::Input { axis, .. }) if axis == open(&m).session.groups[0].axis
    ));
    type_text(&mut m, " final");
    update(&mut m, ctrl('s'), at(3));
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), ["borrador final"]);
}

#[test]
fn facilitator_and_rapporteur_are_one_line_fields() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Char('F'));
    type_text(&mut m, "María José Pérez (OIM)");
    let effects = press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    press(&mut m, KeyCode::Char('R'));
    update(&mut m, Msg::Paste("Fiscal\r\nAdjunto".into()), at(1));
    press(&mut m, KeyCode::Enter);
    let group = &open(&m).session.groups[1];
    assert_eq!(group.facilitator, "María José Pérez (OIM)");
    assert_eq!(group.rapporteur, "Fiscal Adjunto");
}

#[test]
fn quit_rewrites_nothing_unchanged_and_asks_when_a_save_failed() {
    let mut m = model();
    let effects = press(&mut m, KeyCode::Char('q'));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Quit {
                even_if_unsaved: false
            }]
        ),
        "a session only looked at is not rewritten: {effects:?}"
    );
    update(&mut m, Msg::QuitBlocked("disco lleno".into()), at(1));
    assert_eq!(m.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(open(&m).save, SaveState::Failed("disco lleno".into()));
    let effects = press(&mut m, KeyCode::Esc);
    assert!(effects.is_empty(), "Esc stays");
    let effects = press(&mut m, KeyCode::Char('q'));
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Quit {
                even_if_unsaved: false
            }]
        ),
        "{effects:?}"
    );
    assert_eq!(
        saves(&effects),
        1,
        "after a failure, quitting tries the save again"
    );
    update(&mut m, Msg::QuitBlocked("disco lleno".into()), at(1));
    let effects = press(&mut m, KeyCode::Char('s'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Quit {
            even_if_unsaved: true
        }]
    ));
}

#[test]
fn a_signal_while_typing_keeps_the_text() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('a'));
    type_text(&mut m, "a medio escribir");
    let effects = update(&mut m, Msg::Terminate, at(9));
    assert_eq!(inputs(&m, 0), ["a medio escribir"]);
    let saved = written();
    match effects.as_slice() {
        [
            Effect::Quit {
                even_if_unsaved: true,
            },
        ] => {
            assert_eq!(saved.len(), 1);
            assert_eq!(saved[0].groups[0].inputs[0].text, "a medio escribir");
        }
        other => panic!("unexpected effects {other:?}"),
    }
}

#[test]
fn save_outcomes_show_in_the_state() {
    let mut m = model();
    update(&mut m, ctrl('s'), at(1));
    assert_eq!(open(&m).save, SaveState::Pending);
    update(
        &mut m,
        Msg::Saved {
            path: "prueba.json".into(),
            seq: 1,
            result: Ok(()),
        },
        at(2),
    );
    assert_eq!(open(&m).save, SaveState::Saved(Some(at(2))));
    update(
        &mut m,
        Msg::Saved {
            path: "otra.json".into(),
            seq: 1,
            result: Err("x".into()),
        },
        at(3),
    );
    assert_eq!(
        open(&m).save,
        SaveState::Saved(Some(at(2))),
        "another file's outcome is not ours"
    );
    update(
        &mut m,
        Msg::Saved {
            path: "prueba.json".into(),
            seq: 1,
            result: Err("sin espacio".into()),
        },
        at(3),
    );
    assert_eq!(open(&m).save, SaveState::Failed("sin espacio".into()));
}

#[test]
fn saved_is_shown_only_when_the_newest_snapshot_is_on_disk() {
    let mut m = model();
    update(&mut m, ctrl('s'), at(1));
    update(&mut m, ctrl('s'), at(2));
    let saved = |seq| Msg::Saved {
        path: "prueba.json".into(),
        seq,
        result: Ok(()),
    };
    update(&mut m, saved(1), at(3));
    assert_eq!(
        open(&m).save,
        SaveState::Pending,
        "snapshot 2 is still on its way"
    );
    update(&mut m, saved(2), at(4));
    assert_eq!(open(&m).save, SaveState::Saved(Some(at(4))));
}

#[test]
fn help_is_closed_by_any_key_which_does_nothing_else() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('?'));
    assert_eq!(m.overlay, Some(Overlay::Help));
    press(&mut m, KeyCode::Char('a'));
    assert!(m.overlay.is_none());
    assert!(open(&m).viewer.editor.is_none());
}

#[test]
fn the_join_screen_is_closed_by_any_key_which_does_nothing_else() {
    let mut m = model();
    go_to_groups(&mut m);
    m.join = Some(crate::app::JoinInfo {
        fingerprint: "SHA256:x".into(),
        addresses: vec!["192.0.2.1".into()],
        port: 2222,
        roles: crate::app::RoleCards::new(|_| (Vec::new(), None)),
        connections: crate::app::Connections::none(),
        web: None,
    });
    for code in [
        KeyCode::Char(' '),
        KeyCode::Char('a'),
        KeyCode::Char('q'),
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Esc,
        KeyCode::Enter,
    ] {
        press(&mut m, KeyCode::Char('U'));
        assert_eq!(m.overlay, Some(Overlay::Join));
        let effects = press(&mut m, code);
        assert!(m.overlay.is_none(), "{code:?} closes the join screen");
        assert!(effects.is_empty(), "{code:?}: {effects:?}");
        assert!(open(&m).viewer.editor.is_none(), "{code:?}");
    }
    // Its last line says so, in both languages, beside the two keys it has.
    assert!(
        crate::i18n::Lang::Es
            .join_keys(2)
            .ends_with("otra tecla cierra")
    );
    assert!(
        crate::i18n::Lang::En
            .join_keys(2)
            .ends_with("any other key closes")
    );
}

#[test]
fn opening_plenary_selects_items_and_scrolls_within_bounds() {
    let mut m = model();
    press(&mut m, KeyCode::Down);
    assert_eq!(open(&m).viewer.agenda_item(&open(&m).session), 1);
    for _ in 0..50 {
        press(&mut m, KeyCode::PageDown);
    }
    let paragraphs = open(&m).session.workshop.opening.items[1].body.len();
    assert_eq!(open(&m).viewer.scroll, paragraphs - 1);
    press(&mut m, KeyCode::Down);
    assert_eq!(open(&m).viewer.scroll, 0, "a new item starts at its top");
    press(&mut m, KeyCode::Char('a'));
    assert_eq!(
        open(&m).viewer.editor.as_ref().map(|e| e.target.clone()),
        Some(EditTarget::NewItem {
            after: Some(open(&m).session.workshop.opening.items[2].id.clone()),
            kind: crate::model::workshop::ItemKind::Item
        }),
        "no group to add an input to in the opening: `a` adds to the agenda"
    );
}

#[test]
fn closing_plenary_steps_through_reports_then_the_final_step() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Right);
    add_input(&mut m, "de operaciones");
    press(&mut m, KeyCode::Tab);
    assert_eq!(open(&m).viewer.part, Part::Closing);
    press(&mut m, KeyCode::Right);
    assert_eq!(open(&m).viewer.focused_group(&open(&m).session), Some(1));
    press(&mut m, KeyCode::Char('e'));
    type_text(&mut m, " y judicial");
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 1), ["de operaciones y judicial"]);
    for _ in 0..10 {
        press(&mut m, KeyCode::Right);
    }
    assert_eq!(open(&m).viewer.report(&open(&m).session), 5);
    assert_eq!(open(&m).viewer.focused_group(&open(&m).session), None);
    press(&mut m, KeyCode::Char('a'));
    assert!(open(&m).viewer.editor.is_none());
}

#[test]
fn key_releases_are_ignored() {
    let mut m = model();
    let mut release = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    update(&mut m, Msg::Key(release), at(1));
    assert_eq!(open(&m).viewer.part, Part::Opening);
}

fn start_model(entries: Vec<StartEntry>) -> Model {
    Model::start(
        context(),
        Start {
            sessions_dir: "/sesiones".into(),
            default_title: "Taller".into(),
            suggested_name: "taller-2026-11-28".into(),
            entries,
            selected: 0,
            naming: None,
            prompt: crate::app::Prompt::New,
            workshops: Vec::new(),
            workshop: 0,
        },
    )
}

#[test]
fn start_screen_creates_a_named_session() {
    let mut m = start_model(Vec::new());
    press(&mut m, KeyCode::Enter);
    type_text(&mut m, " San José");
    let effects = press(&mut m, KeyCode::Enter);
    match effects.as_slice() {
        [Effect::Create(name)] => assert_eq!(name, "San José"),
        other => panic!("unexpected effects {other:?}"),
    }
}

#[test]
fn an_empty_name_prompt_takes_the_suggestion() {
    let mut m = start_model(Vec::new());
    press(&mut m, KeyCode::Char('n'));
    let effects = press(&mut m, KeyCode::Enter);
    assert!(matches!(effects.as_slice(), [Effect::Create(name)] if name == "taller-2026-11-28"));
}

#[test]
fn a_refused_create_keeps_the_typed_name_to_fix() {
    let mut m = start_model(Vec::new());
    press(&mut m, KeyCode::Char('n'));
    type_text(&mut m, "Sala Norte");
    press(&mut m, KeyCode::Enter);
    update(
        &mut m,
        Msg::Opened(Err("ya existe una sesión llamada «Sala Norte»".into())),
        at(1),
    );
    let Page::Start(start) = &m.page else {
        panic!()
    };
    assert_eq!(
        start.naming.as_ref().map(|e| e.text()),
        Some("Sala Norte".to_string())
    );
    assert!(m.notice.as_ref().is_some_and(|n| n.is_error));
}

#[test]
fn start_screen_refuses_names_that_escape_the_folder() {
    let mut m = start_model(Vec::new());
    press(&mut m, KeyCode::Char('n'));
    for _ in 0.."taller-2026-11-28".len() {
        press(&mut m, KeyCode::Backspace);
    }
    type_text(&mut m, "../fuera");
    let effects = press(&mut m, KeyCode::Enter);
    assert!(effects.is_empty());
    assert!(m.notice.as_ref().is_some_and(|n| n.is_error));
    let Page::Start(start) = &m.page else {
        panic!()
    };
    assert!(
        start.naming.is_some(),
        "the prompt stays open to fix the name"
    );
}

#[test]
fn start_screen_opens_good_sessions_and_explains_damaged_ones() {
    let summary = Summary {
        workshop: "Taller".into(),
        updated_at: at(0),
        groups: 5,
        inputs: 3,
    };
    let mut m = start_model(vec![
        StartEntry {
            name: "bueno".into(),
            path: "bueno.json".into(),
            summary: Ok(summary),
        },
        StartEntry {
            name: "roto".into(),
            path: "roto.json".into(),
            summary: Err("no es JSON".into()),
        },
    ]);
    press(&mut m, KeyCode::Down);
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Open(path)] if path == &PathBuf::from("bueno.json"))
    );
    press(&mut m, KeyCode::Down);
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert!(
        m.notice
            .as_ref()
            .is_some_and(|n| n.is_error && n.text(Lang::Es).contains("no es JSON"))
    );

    update(
        &mut m,
        Msg::Opened(Ok(opened("bueno.json", session()))),
        at(1),
    );
    assert!(m.open().is_some());
}

#[test]
fn start_screen_keeps_going_when_opening_fails() {
    let mut m = start_model(Vec::new());
    update(
        &mut m,
        Msg::Opened(Err("No se puede abrir x.json: el archivo no existe".into())),
        at(1),
    );
    assert!(matches!(m.page, Page::Start(_)));
    assert!(m.notice.as_ref().is_some_and(|n| n.is_error));
}

// ---------------------------------------------------------------- timers

use crate::app::Mode;
use crate::model::schedule::TimerId;

fn timer(model: &Model, id: TimerId) -> crate::model::timer::Timer {
    open(model).session.timer(&id)
}

#[test]
fn space_starts_and_pauses_the_current_item_and_saves() {
    let mut m = model();
    let effects = update(&mut m, key(KeyCode::Char(' ')), at(0));
    assert_eq!(saves(&effects), 1);
    assert!(timer(&m, opening(0)).is_running());
    assert!(m.wants_ticks(), "a running timer wakes the loop");
    update(&mut m, key(KeyCode::Char(' ')), at(90));
    let t = timer(&m, opening(0));
    assert!(!t.is_running());
    assert_eq!(t.elapsed_ms(at(500)), 90_000);
    assert!(!m.wants_ticks(), "nothing runs: no wake-ups");
}

#[test]
fn plus_minus_and_minutes_change_the_timebox() {
    let mut m = model();
    press(&mut m, KeyCode::Char('+'));
    press(&mut m, KeyCode::Char('+'));
    press(&mut m, KeyCode::Char('-'));
    assert_eq!(timer(&m, opening(0)).planned_secs, 21 * 60);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Char('m'));
    for _ in 0..3 {
        press(&mut m, KeyCode::Backspace);
    }
    type_text(&mut m, "25");
    let effects = press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    assert_eq!(open(&m).session.workshop.opening.items[1].minutes, 25);
    assert_eq!(timer(&m, opening(1)).planned_secs, 25 * 60);
}

#[test]
fn a_wrong_number_of_minutes_is_refused_and_can_be_fixed() {
    let mut m = model();
    press(&mut m, KeyCode::Char('m'));
    type_text(&mut m, "x");
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert!(m.notice.as_ref().is_some_and(|n| n.is_error));
    assert!(open(&m).viewer.editor.is_some(), "still editing");
    press(&mut m, KeyCode::Backspace);
    type_text(&mut m, "30");
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(open(&m).session.workshop.opening.items[0].minutes, 30);
}

/// Esc always takes a one-line prompt back, even while its value is refused.
#[test]
fn esc_cancels_the_minutes_prompt_even_with_a_wrong_value() {
    let mut m = model();
    press(&mut m, KeyCode::Char('m'));
    type_text(&mut m, "x");
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).viewer.editor.is_some(), "refused, still editing");
    assert!(press(&mut m, KeyCode::Esc).is_empty());
    assert!(open(&m).viewer.editor.is_none(), "Esc closed it");
    assert_eq!(open(&m).session.workshop.opening.items[0].minutes, 20);
}

/// One limit for what `m` accepts and what a file may hold: a week.
#[test]
fn the_minutes_prompt_takes_what_a_file_may_hold_and_says_the_limit() {
    use crate::model::limits::MAX_PLANNED_MINUTES;
    let mut m = model();
    press(&mut m, KeyCode::Char('m'));
    type_text(&mut m, &MAX_PLANNED_MINUTES.to_string());
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).viewer.editor.is_none(), "{:?}", m.notice);
    assert_eq!(
        open(&m).session.workshop.opening.items[0].minutes,
        MAX_PLANNED_MINUTES
    );
    press(&mut m, KeyCode::Char('m'));
    type_text(&mut m, &(MAX_PLANNED_MINUTES + 1).to_string());
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).viewer.editor.is_some(), "refused");
    let notice = m
        .notice
        .as_ref()
        .map(|n| n.text(Lang::Es))
        .unwrap_or_default();
    assert!(
        notice.contains(&format!("de 1 a {MAX_PLANNED_MINUTES}")),
        "{notice}"
    );
}

#[test]
fn reset_asks_first() {
    let mut m = model();
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    update(&mut m, key(KeyCode::Char('r')), at(30));
    assert_eq!(m.overlay, Some(Overlay::ConfirmReset(opening(0))));
    update(&mut m, key(KeyCode::Esc), at(31));
    assert!(timer(&m, opening(0)).has_started());
    update(&mut m, key(KeyCode::Char('r')), at(32));
    update(&mut m, key(KeyCode::Char('s')), at(33));
    assert!(!timer(&m, opening(0)).has_started());
}

#[test]
fn breakout_groups_run_in_parallel_and_start_together() {
    let mut m = model();
    go_to_groups(&mut m);
    update(&mut m, key(KeyCode::Char('S')), at(0));
    for g in 0..5 {
        assert!(timer(&m, breakout(g)).is_running(), "group {g}");
    }
    update(&mut m, key(KeyCode::Right), at(10));
    update(&mut m, key(KeyCode::Char(' ')), at(20));
    assert!(
        !timer(&m, breakout(1)).is_running(),
        "Space pauses only this group"
    );
    assert!(
        timer(&m, breakout(0)).is_running(),
        "moving between groups stops nothing"
    );
    update(&mut m, key(KeyCode::Char('S')), at(30));
    assert!((0..5).all(|g| timer(&m, breakout(g)).is_running()));
    update(&mut m, key(KeyCode::Char('S')), at(40));
    assert!((0..5).all(|g| !timer(&m, breakout(g)).is_running()));
}

#[test]
fn the_bell_rings_once_at_warning_and_once_at_zero() {
    let mut m = model();
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    let bells = |effects: &[Effect]| effects.iter().filter(|e| matches!(e, Effect::Bell)).count();
    let mut rung = Vec::new();
    for second in 1..=1300 {
        let effects = update(&mut m, Msg::Tick, at(second));
        if bells(&effects) > 0 {
            rung.push(second);
        }
    }
    // 20 minutes: warning with 4 minutes left, zero passed at 20:01.
    assert_eq!(rung, [960, 1201]);
}

#[test]
fn no_bell_when_muted_or_switched_off() {
    let mut m = model();
    m.muted = true;
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    let effects = update(&mut m, Msg::Tick, at(1201));
    assert!(!effects.iter().any(|e| matches!(e, Effect::Bell)));
    assert_eq!(saves(&effects), 1, "a phase change is still saved");
}

#[test]
fn reopening_does_not_ring_for_a_phase_already_reached() {
    let mut s = session();
    s.timer_mut(&opening(0)).unwrap().start(at(0));
    let mut m = Model::with_session(
        Context {
            now: at(1300),
            ..context()
        },
        opened("x.json", s),
    );
    let effects = update(&mut m, Msg::Tick, at(1301));
    assert!(!effects.iter().any(|e| matches!(e, Effect::Bell)));
}

#[test]
fn the_room_view_runs_the_clock_but_does_not_edit() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('p'));
    assert_eq!(open(&m).viewer.mode, Mode::Room);
    press(&mut m, KeyCode::Char('a'));
    assert!(open(&m).viewer.editor.is_none());
    update(&mut m, key(KeyCode::Char(' ')), at(5));
    assert!(timer(&m, breakout(0)).is_running());
    press(&mut m, KeyCode::Char('p'));
    assert_eq!(open(&m).viewer.mode, Mode::Normal);
}

#[test]
fn the_first_report_back_sizes_the_slots_to_the_time_left() {
    let mut s = session();
    s.schedule.planned_start = Some(at(0));
    let mut m = Model::with_session(context(), opened("x.json", s));
    press(&mut m, KeyCode::Char('3'));
    // Planned: reports start 150 min in; we start them 10 minutes late.
    update(&mut m, key(KeyCode::Char(' ')), at(160 * 60));
    assert_eq!(timer(&m, report(0)).planned_secs, 8 * 60);
    assert_eq!(timer(&m, report(4)).planned_secs, 8 * 60);
}

// ---------------------------------------------------------------- never lose a word

#[test]
fn typed_text_reaches_the_disk_a_second_after_the_first_keystroke() {
    let mut m = model();
    go_to_groups(&mut m);
    assert_eq!(m.wake_at(), None, "idle: no wake-ups at all");
    update(&mut m, key(KeyCode::Char('a')), at(10));
    update(&mut m, key(KeyCode::Char('C')), at(10));
    assert_eq!(m.wake_at(), Some(at(11)));
    update(&mut m, key(KeyCode::Char('o')), at(10));
    assert!(update(&mut m, Msg::Tick, at(10)).is_empty(), "not yet");
    update(&mut m, Msg::Tick, at(11));
    match written().as_slice() {
        [session] => assert_eq!(session.groups[0].inputs[0].text, "Co"),
        other => panic!("expected the draft to be saved: {other:?}"),
    }
    assert!(
        open(&m).viewer.editor.is_some(),
        "the typist goes on typing"
    );
    // One more wake-up, right away, to look for duplicates of the new text.
    assert_eq!(m.wake_at(), Some(at(11)));
    update(&mut m, Msg::Tick, at(11));
    assert_eq!(m.wake_at(), None);
    type_text(&mut m, "mité");
    press(&mut m, KeyCode::Esc);
    assert_eq!(inputs(&m, 0), ["Comité"], "one input, not two");
}

#[test]
fn a_draft_is_not_judged_before_it_is_finished() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "texto");
    press(&mut m, KeyCode::Enter);
    for _ in 0..5 {
        update(&mut m, key(KeyCode::Backspace), at(1));
    }
    assert!(
        update(&mut m, Msg::Tick, at(5)).is_empty(),
        "an emptied draft deletes nothing by itself"
    );
    assert_eq!(inputs(&m, 0), ["texto"]);
}

#[test]
fn a_failed_save_is_retried_until_it_succeeds() {
    let mut m = model();
    update(&mut m, ctrl('s'), at(0));
    let failed = Msg::Saved {
        path: "prueba.json".into(),
        seq: 1,
        result: Err("disco lleno".into()),
    };
    update(&mut m, failed, at(1));
    assert_eq!(m.wake_at(), Some(at(6)));
    assert!(update(&mut m, Msg::Tick, at(3)).is_empty());
    let effects = update(&mut m, Msg::Tick, at(6));
    assert_eq!(saves(&effects), 1);
    update(
        &mut m,
        Msg::Saved {
            path: "prueba.json".into(),
            seq: 2,
            result: Ok(()),
        },
        at(7),
    );
    assert_eq!(open(&m).save, SaveState::Saved(Some(at(7))));
    assert_eq!(m.wake_at(), None);
}

#[test]
fn read_only_viewers_can_look_but_not_change() {
    let mut o = opened("x.json", session());
    o.read_only = Some("proceso 42 en sala-1".into());
    let mut m = Model::with_session(context(), o);
    go_to_groups(&mut m);
    for code in [
        KeyCode::Char('a'),
        KeyCode::Char(' '),
        KeyCode::Char('+'),
        KeyCode::Char('F'),
    ] {
        assert!(press(&mut m, code).is_empty());
        assert!(
            m.notice
                .as_ref()
                .is_some_and(|n| n.text(Lang::Es).contains("proceso 42")),
            "{code:?}"
        );
    }
    assert!(open(&m).viewer.editor.is_none());
    assert!(update(&mut m, ctrl('s'), at(1)).is_empty());
    update(&mut m, Msg::Paste("texto".into()), at(1));
    assert!(inputs(&m, 0).is_empty());
    press(&mut m, KeyCode::Right);
    assert_eq!(
        open(&m).viewer.group(&open(&m).session),
        1,
        "moving around still works"
    );
    let effects = press(&mut m, KeyCode::Char('q'));
    assert!(
        matches!(effects.as_slice(), [Effect::Quit { .. }]),
        "{effects:?}"
    );
}

#[test]
fn the_browser_renames_copies_and_trashes_the_selected_session() {
    let summary = Summary {
        workshop: "Taller".into(),
        updated_at: at(0),
        groups: 5,
        inputs: 3,
    };
    let entry = StartEntry {
        name: "lunes".into(),
        path: "lunes.json".into(),
        summary: Ok(summary),
    };
    let mut m = start_model(vec![entry]);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Char('r'));
    let Page::Start(start) = &m.page else {
        panic!()
    };
    assert_eq!(
        start.naming.as_ref().map(|e| e.text()),
        Some("lunes".to_string()),
        "renaming starts from the name"
    );
    // An arrow first keeps the old name to add to it.
    press(&mut m, KeyCode::End);
    type_text(&mut m, " 2");
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Rename { from, to }] if from == &PathBuf::from("lunes.json") && to == "lunes 2"),
        "{effects:?}"
    );
    update(
        &mut m,
        Msg::Listed(Ok(crate::app::Relisted {
            entries: Vec::new(),
            done: "Sesión renombrada.".into(),
            select: Some("lunes 2.json".into()),
            suggested_name: "taller-2026-11-28".into(),
        })),
        at(1),
    );
    let Page::Start(start) = &m.page else {
        panic!()
    };
    assert!(start.naming.is_none());
    assert_eq!(start.selected, 0, "the selection follows the shorter list");

    let summary = Summary {
        workshop: "Taller".into(),
        updated_at: at(0),
        groups: 5,
        inputs: 3,
    };
    let entry = StartEntry {
        name: "lunes".into(),
        path: "lunes.json".into(),
        summary: Ok(summary),
    };
    let mut m = start_model(vec![entry]);
    press(&mut m, KeyCode::End);
    press(&mut m, KeyCode::Char('c'));
    type_text(&mut m, "martes");
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Template { name, .. }] if name == "martes"),
        "{effects:?}"
    );
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Char('d'));
    assert!(matches!(m.overlay, Some(Overlay::ConfirmTrash(_))));
    let effects = press(&mut m, KeyCode::Char('s'));
    assert!(
        matches!(effects.as_slice(), [Effect::Trash(path)] if path == &PathBuf::from("lunes.json"))
    );
}

#[test]
fn a_draft_that_cannot_be_saved_does_not_keep_waking_the_loop() {
    let mut m = model();
    press(&mut m, KeyCode::Char('m'));
    update(&mut m, key(KeyCode::Char('5')), at(1));
    assert_eq!(m.wake_at(), Some(at(2)));
    assert!(
        update(&mut m, Msg::Tick, at(2)).is_empty(),
        "minutes are kept on Enter, not as a draft"
    );
    assert_eq!(m.wake_at(), None, "and the loop goes back to sleep");
}

#[test]
fn a_read_only_viewer_never_writes_even_when_a_clock_changes_phase() {
    let mut s = session();
    s.timer_mut(&opening(0)).unwrap().start(at(0));
    let mut o = opened("x.json", s);
    o.read_only = Some("proceso 7 en sala".into());
    let mut m = Model::with_session(context(), o);
    for second in 1..1300 {
        let effects = update(&mut m, Msg::Tick, at(second));
        assert_eq!(saves(&effects), 0, "second {second}");
    }
    assert_eq!(open(&m).save, SaveState::Saved(None));
}

#[test]
fn the_planned_start_is_typed_in_the_schedule() {
    let mut m = model();
    press(&mut m, KeyCode::Char('c'));
    press(&mut m, KeyCode::Char('i'));
    for _ in 0..5 {
        press(&mut m, KeyCode::Backspace);
    }
    type_text(&mut m, "9x30");
    assert!(press(&mut m, KeyCode::Enter).is_empty());
    assert!(
        m.notice.as_ref().is_some_and(|n| n.is_error),
        "not a time: said, and the field stays"
    );
    for _ in 0..4 {
        press(&mut m, KeyCode::Backspace);
    }
    type_text(&mut m, "09:30");
    let effects = press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    let start = open(&m).session.schedule.planned_start.expect("set");
    let local = start.to_zoned(TimeZone::UTC);
    assert_eq!((local.hour(), local.minute()), (9, 30));
    assert_eq!(local.date(), at(1).to_zoned(TimeZone::UTC).date(), "today");
}

#[test]
fn inputs_are_reordered_and_moved_to_another_group_and_undo_redo_follow() {
    let mut m = model();
    go_to_groups(&mut m);
    for text in ["a", "b", "c"] {
        add_input(&mut m, text);
    }
    let shift = |code| Msg::Key(KeyEvent::new(code, KeyModifiers::SHIFT));
    // c is selected: up one place.
    let effects = update(&mut m, shift(KeyCode::Up), at(1));
    assert_eq!(saves(&effects), 1);
    assert_eq!(inputs(&m, 0), ["a", "c", "b"]);
    assert_eq!(
        open(&m).viewer.selected_in(0, &open(&m).session),
        1,
        "the selection follows"
    );
    // ...then to the next group, raised in the wrong one.
    update(&mut m, shift(KeyCode::Right), at(2));
    assert_eq!(inputs(&m, 0), ["a", "b"]);
    assert_eq!(inputs(&m, 1), ["c"]);
    assert!(
        m.notice
            .as_ref()
            .is_some_and(|n| n.text(Lang::Es).contains("Operaciones de Terreno"))
    );
    assert_eq!(
        open(&m).viewer.group(&open(&m).session),
        1,
        "the screen follows the input"
    );
    press(&mut m, KeyCode::Left);
    // Edit b, delete a: then undo walks back through all of it.
    press(&mut m, KeyCode::End);
    press(&mut m, KeyCode::Char('e'));
    type_text(&mut m, "!");
    press(&mut m, KeyCode::Esc);
    press(&mut m, KeyCode::Home);
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Enter);
    assert_eq!(inputs(&m, 0), ["b!"]);
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(inputs(&m, 0), ["a", "b!"]);
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(inputs(&m, 0), ["a", "b"]);
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(
        inputs(&m, 0),
        ["a", "c", "b"],
        "the move across groups is undone"
    );
    press(&mut m, KeyCode::Char('u'));
    assert_eq!(inputs(&m, 0), ["a", "b", "c"]);
    update(&mut m, ctrl('r'), at(9));
    assert_eq!(inputs(&m, 0), ["a", "c", "b"]);
    // K and J do the same where Shift+arrows do not reach the program.
    press(&mut m, KeyCode::Char('J'));
    assert_eq!(inputs(&m, 0), ["a", "b", "c"]);
}

#[test]
fn a_possible_duplicate_in_another_group_is_flagged_and_g_goes_there() {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(
        &mut m,
        "Crear una plataforma regional de intercambio de información entre fiscalías",
    );
    press(&mut m, KeyCode::Right);
    press(&mut m, KeyCode::Right);
    add_input(&mut m, "Campaña regional de prevención");
    add_input(
        &mut m,
        "crear una plataforma regional para el intercambio de informacion entre fiscalias",
    );
    assert_eq!(
        m.wake_at(),
        Some(at(1)),
        "found just after the frame, not on the keystroke"
    );
    update(&mut m, Msg::Tick, at(1));
    let first = open(&m).session.groups[0].inputs[0].id;
    let dup = open(&m).session.groups[2].inputs[1].id;
    assert_eq!(
        open(&m).duplicates.get(&dup).map(|p| (p.group, p.id)),
        Some((0, first))
    );
    press(&mut m, KeyCode::Char('g'));
    assert_eq!(open(&m).viewer.group(&open(&m).session), 0);
    assert_eq!(open(&m).viewer.selected_in(0, &open(&m).session), 0);
    // Deleting one clears the flag on the other.
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Enter);
    update(&mut m, Msg::Tick, at(2));
    assert!(open(&m).duplicates.is_empty());
}

#[test]
fn the_roster_takes_participants_with_country_and_role() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('P'));
    update(
        &mut m,
        Msg::Paste(
            "Ana Mora; Costa Rica; Fiscal\r\nJosé Núñez; México; Director de Migración".into(),
        ),
        at(1),
    );
    let effects = press(&mut m, KeyCode::Esc);
    assert_eq!(saves(&effects), 1);
    let people = &open(&m).session.groups[0].participants;
    assert_eq!(people.len(), 2);
    assert_eq!(people[1].name, "José Núñez");
    assert_eq!(people[1].role, "Director de Migración");
    press(&mut m, KeyCode::Char('P'));
    let Some(editor) = &open(&m).viewer.editor else {
        panic!("the roster opens again")
    };
    assert!(
        editor.text().starts_with("Ana Mora; Costa Rica; Fiscal"),
        "as typed"
    );
}

/// Issue 20, item 24: a folder's files were first made into one session,
/// the first file's: a group laptop's file went in unvetted, and the rest
/// were read as that group's. Each file is merged on its own now.
#[test]
fn each_file_of_a_folder_is_vetted_as_what_it_is() {
    let mut m = model();
    go_to_groups(&mut m);
    let mut first = session();
    first.only_group = Some(first.groups[0].axis.clone());
    first.add_input(0, "del grupo 1".into(), at(5));
    // Group 1's laptop also says something of group 2: not its group.
    first.add_input(1, "no es de su grupo".into(), at(5));
    let mut third = session();
    third.only_group = Some(third.groups[2].axis.clone());
    let id = third.add_input(2, "del grupo 3".into(), at(5)).unwrap();
    let mut voted = third.input(2, id).unwrap().clone();
    voted.plenary.votes = 9;
    third.replace_input(2, &voted, at(6));
    let loaded = Msg::ToImport(Ok((
        "2 archivos".into(),
        vec![("grupo1.json".into(), first), ("grupo3.json".into(), third)],
        None,
    )));
    update(&mut m, loaded, at(7));
    assert_eq!(inputs(&m, 0), ["del grupo 1"]);
    assert!(inputs(&m, 1).is_empty());
    assert_eq!(inputs(&m, 2), ["del grupo 3"]);
    assert_eq!(open(&m).session.groups[2].inputs[0].plenary.votes, 0);
}

#[test]
fn i_imports_another_laptops_file_once() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('i'));
    // Dragged onto the terminal, the file arrives quoted.
    type_text(&mut m, "'/portátil/sala-2.json' ");
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Import(path)] if path == std::path::Path::new("/portátil/sala-2.json")),
        "{effects:?}"
    );
    let mut other = session();
    other.add_input(2, "Estándares regionales de albergues".into(), at(5));
    let loaded = || {
        Msg::ToImport(Ok((
            "sala-2.json".into(),
            vec![("sala-2.json".into(), other.clone())],
            None,
        )))
    };
    let effects = update(&mut m, loaded(), at(6));
    assert_eq!(saves(&effects), 1);
    assert_eq!(inputs(&m, 2), ["Estándares regionales de albergues"]);
    assert_eq!(
        open(&m).session.groups[2].inputs[0]
            .origin
            .as_ref()
            .map(|o| o.file.as_str()),
        Some("sala-2.json")
    );
    let effects = update(&mut m, loaded(), at(7));
    assert_eq!(saves(&effects), 0, "a second import adds nothing");
    let mut foreign = session();
    foreign.workshop.id = "otro".into();
    update(
        &mut m,
        Msg::ToImport(Ok((
            "otro.json".into(),
            vec![("otro.json".into(), foreign)],
            None,
        ))),
        at(8),
    );
    assert!(
        m.notice
            .as_ref()
            .is_some_and(|n| n.is_error && n.text(Lang::Es).contains("otro.json"))
    );
}

// ------------------------------------------------- prompts holding a value

fn editor_text(model: &Model) -> Option<String> {
    open(model).viewer.editor.as_ref().map(|e| e.text())
}

#[test]
fn typed_minutes_replace_the_planned_ones_and_esc_keeps_them() {
    let mut m = model();
    press(&mut m, KeyCode::Char('m'));
    assert_eq!(editor_text(&m).as_deref(), Some("20"));
    type_text(&mut m, "25");
    assert_eq!(editor_text(&m).as_deref(), Some("25"), "not 2025");
    let effects = press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    assert_eq!(open(&m).session.workshop.opening.items[0].minutes, 25);
    // An arrow first keeps the value to edit it.
    press(&mut m, KeyCode::Char('m'));
    press(&mut m, KeyCode::Left);
    type_text(&mut m, "1");
    assert_eq!(editor_text(&m).as_deref(), Some("215"));
    let effects = press(&mut m, KeyCode::Esc);
    assert!(effects.is_empty(), "Esc cancels: nothing to save");
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(open(&m).session.workshop.opening.items[0].minutes, 25);
}

#[test]
fn the_typed_start_time_replaces_the_suggested_one_and_esc_keeps_it() {
    let mut m = model();
    press(&mut m, KeyCode::Char('c'));
    press(&mut m, KeyCode::Char('i'));
    let suggested = editor_text(&m).expect("the prompt is open");
    assert_eq!(suggested.len(), 5, "HH:MM: {suggested}");
    type_text(&mut m, "08:30");
    assert_eq!(
        editor_text(&m).as_deref(),
        Some("08:30"),
        "not {suggested}08:30"
    );
    press(&mut m, KeyCode::Enter);
    let planned = open(&m).session.schedule.planned_start;
    assert!(planned.is_some());
    press(&mut m, KeyCode::Char('i'));
    type_text(&mut m, "10:00");
    assert!(press(&mut m, KeyCode::Esc).is_empty());
    assert_eq!(open(&m).session.schedule.planned_start, planned);
    assert_eq!(open(&m).viewer.mode, crate::app::Mode::Schedule);
}

#[test]
fn a_typed_name_replaces_the_facilitator_and_esc_keeps_the_old_one() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('F'));
    type_text(&mut m, "Ana Mora");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('F'));
    type_text(&mut m, "Lucía Pérez");
    assert_eq!(editor_text(&m).as_deref(), Some("Lucía Pérez"));
    // A second later the draft save keeps what is typed (nothing is lost
    // on a crash); Esc still puts the old name back, and saves that.
    update(&mut m, Msg::Tick, at(5));
    assert_eq!(open(&m).session.groups[0].facilitator, "Lucía Pérez");
    assert_eq!(saves(&press(&mut m, KeyCode::Esc)), 1);
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(open(&m).session.groups[0].facilitator, "Ana Mora");
    // Without a draft save in between, Esc has nothing to write.
    press(&mut m, KeyCode::Char('F'));
    type_text(&mut m, "Otra persona");
    assert!(press(&mut m, KeyCode::Esc).is_empty());
    assert_eq!(open(&m).session.groups[0].facilitator, "Ana Mora");
    press(&mut m, KeyCode::Char('R'));
    type_text(&mut m, "Carlos Benítez");
    press(&mut m, KeyCode::Enter);
    press(&mut m, KeyCode::Char('R'));
    press(&mut m, KeyCode::End);
    type_text(&mut m, " (Fiscalía)");
    press(&mut m, KeyCode::Enter);
    assert_eq!(
        open(&m).session.groups[0].rapporteur,
        "Carlos Benítez (Fiscalía)"
    );
}

#[test]
fn esc_in_the_import_prompt_imports_nothing() {
    let mut m = model();
    go_to_groups(&mut m);
    press(&mut m, KeyCode::Char('i'));
    type_text(&mut m, "/tmp/sala-2.json");
    let effects = press(&mut m, KeyCode::Esc);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(open(&m).viewer.editor.is_none());
    assert_eq!(
        open(&m).viewer.part,
        Part::Groups,
        "Esc only closes the prompt"
    );
}

#[test]
fn a_typed_session_name_replaces_the_old_one_and_esc_renames_nothing() {
    let entry = || StartEntry {
        name: "lunes".into(),
        path: "lunes.json".into(),
        summary: Ok(Summary {
            workshop: "Taller".into(),
            updated_at: at(0),
            groups: 5,
            inputs: 3,
        }),
    };
    let mut m = start_model(vec![entry()]);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Char('r'));
    type_text(&mut m, "martes");
    let effects = press(&mut m, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Rename { to, .. }] if to == "martes"),
        "{effects:?}"
    );
    let mut m = start_model(vec![entry()]);
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Char('r'));
    type_text(&mut m, "x");
    assert!(press(&mut m, KeyCode::Esc).is_empty());
    let Page::Start(start) = &m.page else {
        panic!()
    };
    assert!(
        start.naming.is_none(),
        "Esc closes the prompt, renames nothing"
    );
}

#[test]
fn the_room_message_is_typed_with_m_and_taken_down_with_m_again() {
    let mut m = model();
    press(&mut m, KeyCode::Char('p'));
    press(&mut m, KeyCode::Char('M'));
    type_text(&mut m, "Cierre en 2 minutos");
    let effects = press(&mut m, KeyCode::Enter);
    assert_eq!(saves(&effects), 1, "shown on every room screen: saved");
    assert_eq!(open(&m).session.room_message, "Cierre en 2 minutos");
    assert!(open(&m).viewer.editor.is_none());
    let effects = press(&mut m, KeyCode::Char('M'));
    assert_eq!(saves(&effects), 1);
    assert_eq!(open(&m).session.room_message, "");
    // Esc cancels: no message goes up.
    press(&mut m, KeyCode::Char('M'));
    type_text(&mut m, "borrador");
    press(&mut m, KeyCode::Esc);
    assert_eq!(open(&m).session.room_message, "");
}

#[test]
fn what_was_mended_to_read_a_file_is_told_on_open_and_on_import() {
    let note = Lang::Es.renewed_ids(2);
    let mut o = opened("x.json", session());
    o.note = Some(note.clone());
    let mut m = Model::with_session(context(), o);
    assert!(m.notice.as_ref().is_some_and(|n| n.text(Lang::Es) == note));

    go_to_groups(&mut m);
    let mut other = session();
    other.add_input(1, "Mesa regional de fiscales".into(), at(5));
    let loaded = Msg::ToImport(Ok((
        "sala-5.json".into(),
        vec![("sala-5.json".into(), other)],
        Some(note.clone()),
    )));
    update(&mut m, loaded, at(6));
    let told = m
        .notice
        .as_ref()
        .map(|n| n.text(Lang::Es))
        .unwrap_or_default();
    assert!(
        told.contains("sala-5.json") && told.contains(&note),
        "{told}"
    );
}

/// The clocks the host says run.
fn running(m: &Model) -> Vec<TimerId> {
    let session = &open(m).session;
    session
        .timer_ids()
        .into_iter()
        .filter(|id| session.is_running(id))
        .collect()
}

#[test]
fn looking_around_never_starts_pauses_or_moves_a_clock() {
    let mut m = model();
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    // Read the next items, go to the groups and back: item 1 runs on alone.
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Right,
        KeyCode::BackTab,
        KeyCode::Char('3'),
        KeyCode::Char('1'),
    ] {
        let effects = update(&mut m, key(code), at(600));
        assert_eq!(saves(&effects), 0, "{code:?} changed nothing");
    }
    assert_eq!(running(&m), [opening(0)]);
}

#[test]
fn space_on_another_item_leaves_one_running() {
    let mut m = model();
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    update(&mut m, key(KeyCode::Down), at(60));
    update(&mut m, key(KeyCode::Down), at(61));
    update(&mut m, key(KeyCode::Char(' ')), at(62));
    assert_eq!(running(&m), [opening(2)], "one ▶ at a time");
    assert_eq!(timer(&m, opening(0)).stopped_at, Some(at(62)));
}

#[test]
fn n_moves_on_to_the_next_item_and_shows_it() {
    let mut m = model();
    update(&mut m, key(KeyCode::Char(' ')), at(0));
    // Looking ahead first: n still moves on from the item that runs.
    update(&mut m, key(KeyCode::Down), at(5));
    update(&mut m, key(KeyCode::Down), at(6));
    let effects = update(&mut m, key(KeyCode::Char('n')), at(1200));
    assert_eq!(saves(&effects), 1);
    assert_eq!(running(&m), [opening(1)]);
    assert_eq!(timer(&m, opening(0)).stopped_at, Some(at(1200)));
    assert_eq!(
        open(&m).viewer.agenda_item(&open(&m).session),
        1,
        "the screen goes with it"
    );
    // From the last agenda item, n starts every group's breakout.
    for second in [1300, 1400, 1500] {
        update(&mut m, key(KeyCode::Char('n')), at(second));
    }
    assert_eq!(running(&m).len(), open(&m).session.groups.len());
    assert_eq!(open(&m).viewer.part, Part::Groups);
}

#[test]
fn starting_the_first_report_back_ends_the_breakouts() {
    let mut m = model();
    go_to_groups(&mut m);
    update(&mut m, key(KeyCode::Char('S')), at(0));
    press(&mut m, KeyCode::Tab);
    update(&mut m, key(KeyCode::Char(' ')), at(3000));
    assert_eq!(running(&m), [report(0)]);
    let plan = open(&m).session.plan(at(3000));
    assert!(
        plan.expected_end >= at(3000),
        "the day's end counts from the report-back"
    );
}

/// A group laptop (`taller new --group 3`): it opens on its group, and the
/// keys that would leave the group say why instead of leaving it.
#[test]
fn a_group_laptop_stays_on_its_group() {
    let mut laptop = session();
    laptop.only_group = Some("detencion".into());
    let mut model = Model::with_session(context(), opened("/tmp/taller-grupo3.json", laptop));
    assert_eq!(open(&model).viewer.part, Part::Groups);
    assert_eq!(open(&model).viewer.group(&open(&model).session), 2);
    for code in [
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Right,
        KeyCode::Left,
        KeyCode::Char('1'),
        KeyCode::Char('3'),
        KeyCode::Char('l'),
    ] {
        press(&mut model, code);
        assert_eq!(open(&model).viewer.part, Part::Groups, "{code:?}");
        assert_eq!(
            open(&model).viewer.group(&open(&model).session),
            2,
            "{code:?}"
        );
        let notice = model
            .notice
            .as_ref()
            .map(|n| n.text(Lang::Es))
            .unwrap_or_default();
        assert!(notice.contains("grupo 3"), "{code:?}: {notice}");
    }
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT)),
        at(1),
    );
    assert_eq!(
        open(&model).viewer.group(&open(&model).session),
        2,
        "Shift+→ does not move it out"
    );
    add_input(&mut model, "Alternativas a la detención");
    assert_eq!(inputs(&model, 2), ["Alternativas a la detención"]);
    press(&mut model, KeyCode::Char('w'));
    assert_eq!(model.overlay, Some(Overlay::WhereFile));
    let (file, folder) = crate::app::laptop::file_and_folder(open(&model));
    assert_eq!(file, "taller-grupo3.json");
    assert!(folder.starts_with("/tmp"), "{folder}");
}

#[test]
fn w_says_where_the_file_is_in_any_session_and_tab_still_moves_elsewhere() {
    let mut model = model();
    press(&mut model, KeyCode::Char('w'));
    assert_eq!(model.overlay, Some(Overlay::WhereFile));
    assert_eq!(
        crate::app::laptop::file_and_folder(open(&model)).0,
        "prueba.json"
    );
    // Any key closes it; then Tab moves on as ever.
    press(&mut model, KeyCode::Char('x'));
    assert_eq!(model.overlay, None);
    go_to_groups(&mut model);
}

/// The keymap's permission check: a key a role may not use says why and
/// changes nothing; the help and the footer don't offer it.
#[test]
fn a_rapporteur_is_told_why_a_clock_key_is_refused_and_is_not_offered_it() {
    use crate::session::{Role, Why};
    let facilitator = model();
    let host = open(&facilitator).host.clone();
    let axis = open(&facilitator).session.groups[1].axis.clone();
    let mut rapporteur = Model::joined(context(), host.clone(), Role::Rapporteur { axis });
    press(&mut rapporteur, KeyCode::Char(' '));
    let notice = rapporteur.notice.clone().expect("the refused key says why");
    assert!(notice.is_error);
    assert_eq!(notice.text(Lang::Es), Lang::Es.refused_because(Why::Clock));
    assert!(notice.text(Lang::Es).contains("relojes"));
    assert!(!open(&rapporteur).session.is_running(&breakout(1)));
    let keys = crate::app::bindings(&rapporteur);
    assert!(keys.iter().all(|(k, _)| *k != "Espacio"), "{keys:?}");
    assert!(keys.iter().any(|(k, _)| *k == "a"), "{keys:?}");
    let footer = crate::app::footer(open(&rapporteur), Lang::Es, 200);
    assert!(footer.contains("a añadir"), "{footer}");
    assert!(!footer.contains("reloj"), "{footer}");
    // Their own group's input: the table lets it through, the host adds it.
    press(&mut rapporteur, KeyCode::Char('a'));
    type_text(&mut rapporteur, "del relator");
    press(&mut rapporteur, KeyCode::Esc);
    assert_eq!(inputs(&rapporteur, 1), ["del relator"]);

    // A room screen sends nothing and lists no key that would.
    let mut room = Model::joined(context(), host, Role::Room);
    let keys = crate::app::bindings(&room);
    assert!(keys.iter().all(|(k, _)| *k != "Espacio"), "{keys:?}");
    press(&mut room, KeyCode::Char(' '));
    let said = room.notice.map(|n| n.text(Lang::Es));
    assert_eq!(
        said.as_deref(),
        Some(Lang::Es.refused_because(Why::ScreenOnly))
    );
}

#[test]
fn after_an_import_brings_a_new_axis_its_inputs_can_be_selected() {
    let mut m = model();
    go_to_groups(&mut m);
    let mut other = session();
    other.group_mut(0).unwrap().axis = "eje-invitado".into();
    for text in ["primera del eje nuevo", "segunda del eje nuevo"] {
        other.add_input(0, text.into(), at(2));
    }
    let loaded = Msg::ToImport(Ok((
        "otra.json".into(),
        vec![("otra.json".into(), other)],
        None,
    )));
    update(&mut m, loaded, at(3));
    let groups = open(&m).session.groups.len();
    assert_eq!(
        groups, 6,
        "the axis the workshop lacks has a group of its own"
    );
    for _ in 0..groups {
        press(&mut m, KeyCode::Right);
    }
    assert_eq!(open(&m).viewer.group(&open(&m).session), 5);
    press(&mut m, KeyCode::Down);
    assert_eq!(
        open(&m).viewer.selected_in(5, &open(&m).session),
        1,
        "the selection moves"
    );
    press(&mut m, KeyCode::Char('d'));
    press(&mut m, KeyCode::Char('s'));
    assert_eq!(inputs(&m, 5), ["primera del eje nuevo"]);
}

#[test]
fn l_l_moves_the_same_input_twice() {
    let mut m = model();
    go_to_groups(&mut m);
    for text in ["a", "b", "c"] {
        add_input(&mut m, text);
    }
    press(&mut m, KeyCode::Up);
    press(&mut m, KeyCode::Char('L'));
    press(&mut m, KeyCode::Char('L'));
    assert_eq!(inputs(&m, 0), ["a", "c"]);
    assert_eq!(
        inputs(&m, 1),
        Vec::<String>::new(),
        "passed through group 2"
    );
    assert_eq!(inputs(&m, 2), ["b"], "the same input, twice");
    assert_eq!(
        open(&m).viewer.group(&open(&m).session),
        2,
        "the screen goes with it"
    );
}

/// The facilitator's agenda keys (issue 15).
mod agenda;

/// The facilitator's phone polls from the closing plenary (issue 23).
mod polls;

/// A person typing in a group removed meanwhile (issue 15).
mod removed_group;

/// Two people editing the same input's text: both edits stay (issue 21).
mod merged;

#[test]
fn a_rapporteur_on_another_groups_page_is_told_it_is_another_groups() {
    use crate::session::{Role, Why};
    let facilitator = model();
    let host = open(&facilitator).host.clone();
    let axis = open(&facilitator).session.groups[1].axis.clone();
    let mut rapporteur = Model::joined(context(), host, Role::Rapporteur { axis });
    press(&mut rapporteur, KeyCode::Right);
    press(&mut rapporteur, KeyCode::Char('a'));
    let said = rapporteur.notice.as_ref().map(|n| n.text(Lang::Es));
    assert_eq!(
        said.as_deref(),
        Some(Lang::Es.refused_because(Why::OtherGroup))
    );
    assert!(open(&rapporteur).viewer.editor.is_none());
}
