//! A frame drawn with regions taken from the last one (`ui::kept`) is the
//! frame drawn whole: random walks through the screens, the editor, the
//! popups and resizes, each frame compared with a fresh drawing, and with
//! what a terminal shows after the bytes sent.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

use super::{context, now};
use crate::app::{Model, Msg, Notice, NoticeText, OpenedSession, update};
use crate::i18n::Lang;
use crate::terminal::{ClientTerminal, enter};
use crate::ui::{draw, view};

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode),
    Resize(u16, u16),
    /// Seconds pass: a running clock's digits change, some of their rows
    /// alike (issue 20: only the rows whose strokes change are drawn).
    Tick(i64),
    /// A notice shows (or goes) under the screen.
    Notice(bool),
}

fn step() -> impl Strategy<Value = Step> {
    let keys = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::End,
        KeyCode::Home,
        KeyCode::Tab,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('a'),
        KeyCode::Char('e'),
        KeyCode::Char('ñ'),
        KeyCode::Char(' '),
        KeyCode::Backspace,
        KeyCode::Char('x'),
        KeyCode::Char('d'),
        KeyCode::Char('u'),
        KeyCode::Char('L'),
        KeyCode::Char('?'),
        KeyCode::Char('p'),
        KeyCode::Char('3'),
        KeyCode::Char('2'),
    ];
    prop_oneof![
        12 => prop::sample::select(keys.to_vec()).prop_map(Step::Key),
        1 => prop::sample::select(vec![(80u16, 24u16), (120, 40), (100, 30)])
            .prop_map(|(w, h)| Step::Resize(w, h)),
        4 => prop::sample::select(vec![1i64, 1, 1, 7, 60, 600]).prop_map(Step::Tick),
    ]
}

fn model() -> Model {
    let mut model = opening();
    // On the groups' pages, where the list is.
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    update(&mut model, Msg::Key(tab), now());
    model
}

/// On the day's first screen, the opening's first item.
fn opening() -> Model {
    let opened = OpenedSession {
        path: PathBuf::from("muestra.json"),
        view: None,
        session: Box::new(crate::sample::session(150, 3)),
        read_only: None,
        note: None,
    };
    Model::with_session(context(Lang::Es), opened)
}

fn whole(model: &Model, size: Size) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|frame| view(model, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The room's big clock running, and what a facilitator does around it:
/// pause and start it, move on, stretch it, type the room's message,
/// open the help, change language, a notice, the other parts, a resize.
fn room_step() -> impl Strategy<Value = Step> {
    let keys = [
        KeyCode::Char(' '),
        KeyCode::Char('n'),
        KeyCode::Char('+'),
        KeyCode::Char('-'),
        KeyCode::Char('M'),
        KeyCode::Char('ó'),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Char('1'),
        KeyCode::Char('2'),
        KeyCode::Char('p'),
        KeyCode::Char('?'),
        KeyCode::Char('L'),
    ];
    prop_oneof![
        4 => prop::sample::select(keys.to_vec()).prop_map(Step::Key),
        1 => prop::sample::select(vec![(80u16, 24u16), (120, 40), (160, 45)])
            .prop_map(|(w, h)| Step::Resize(w, h)),
        1 => prop::bool::ANY.prop_map(Step::Notice),
        12 => prop::sample::select(vec![1i64, 1, 1, 1, 59, 240]).prop_map(Step::Tick),
    ]
}

/// Takes `steps` on `model`, drawing each frame on a terminal that keeps
/// the last: each is the frame drawn whole, and what a terminal shows
/// after the bytes sent. Returns how many were a clock's second drawn
/// alone.
fn walk(mut model: Model, steps: Vec<Step>) -> Result<usize, TestCaseError> {
    let mut at = now();
    let mut size = Size::new(100, 30);
    let mut terminal = ClientTerminal::new(size).unwrap().keeping_frames();
    let mut screen = vt100::Parser::new(size.height, size.width, 0);
    screen.process(&enter());
    let mut alone = 0;
    for step in steps {
        match step {
            Step::Key(code) => {
                let key = KeyEvent::new(code, KeyModifiers::NONE);
                update(&mut model, Msg::Key(key), at);
            }
            Step::Tick(seconds) => {
                at += jiff::SignedDuration::from_secs(seconds);
                update(&mut model, Msg::Tick, at);
            }
            Step::Resize(width, height) => {
                size = Size::new(width, height);
                terminal.resize(size).unwrap();
                screen.screen_mut().set_size(height, width);
                update(&mut model, Msg::Resize, at);
            }
            Step::Notice(shown) => {
                model.notice = shown.then(|| Notice {
                    said: NoticeText::Line(|t| t.paused),
                    is_error: false,
                });
            }
        }
        terminal
            .draw(|canvas| {
                draw(&model, canvas);
                alone += usize::from(canvas.ticked());
            })
            .unwrap();
        screen.process(&terminal.take());
        let expected = whole(&model, size);
        let shown = terminal.last().unwrap();
        let differs = shown
            .content
            .iter()
            .zip(&expected.content)
            .position(|(a, b)| a != b)
            .map(|at| (at % usize::from(size.width), at / usize::from(size.width)));
        prop_assert_eq!(
            differs,
            None,
            "kept {:?}, drawn {:?}",
            differs.map(|(x, y)| shown[(x as u16, y as u16)].clone()),
            differs.map(|(x, y)| expected[(x as u16, y as u16)].clone())
        );
        for y in 0..size.height {
            for x in 0..size.width {
                let cell = screen.screen().cell(y, x).unwrap();
                if cell.is_wide_continuation() {
                    continue;
                }
                let shown = match cell.contents() {
                    "" => " ",
                    text => text,
                };
                let drawn = expected[(x, y)].symbol();
                // Runs of `█` go as reverse-video spaces (`cells`).
                let block = drawn == "█" && shown == " " && cell.inverse();
                prop_assert!(
                    shown == drawn || block,
                    "({}, {}): {:?} shown, {:?} drawn",
                    x,
                    y,
                    shown,
                    drawn
                );
            }
        }
    }
    Ok(alone)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_frame_with_kept_regions_is_the_frame_drawn_whole(
        steps in prop::collection::vec(step(), 1..60),
    ) {
        walk(model(), steps)?;
    }

    /// A second of the room's clock drawn alone (`clock_tick`) is the
    /// frame drawn whole, whatever happened around it.
    #[test]
    fn a_room_clock_second_drawn_alone_is_the_frame_drawn_whole(
        steps in prop::collection::vec(room_step(), 1..80),
    ) {
        let mut model = opening();
        for code in [KeyCode::Char('p'), KeyCode::Char(' ')] {
            update(&mut model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), now());
        }
        walk(model, steps)?;
    }
}

/// The walk above takes the tick's way: a running room clock's seconds,
/// around a pause, a notice and the room's message, are nearly all drawn
/// alone.
#[test]
fn a_running_room_clock_is_drawn_alone_around_what_happens() {
    let mut model = opening();
    for code in [KeyCode::Char('p'), KeyCode::Char(' ')] {
        update(
            &mut model,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
            now(),
        );
    }
    let seconds = |n: usize| vec![Step::Tick(1); n];
    let steps = [
        seconds(20),
        vec![Step::Notice(true)],
        seconds(5),
        vec![Step::Notice(false)],
        seconds(20),
        // Paused, then running again.
        vec![Step::Key(KeyCode::Char(' '))],
        seconds(5),
        vec![Step::Key(KeyCode::Char(' '))],
        seconds(20),
        // A message for the room, typed over the clock, then shown above it.
        vec![Step::Key(KeyCode::Char('M'))],
        "Café"
            .chars()
            .map(|c| Step::Key(KeyCode::Char(c)))
            .collect(),
        seconds(3),
        vec![Step::Key(KeyCode::Enter)],
        seconds(20),
    ]
    .concat();
    let alone = walk(model, steps).unwrap();
    // Drawn whole: the first second after each change, and those with a
    // notice or the message's editor over the clock.
    assert!(alone >= 80, "{alone} of 113 seconds drawn alone");
}

/// A frame is drawn twice only when what covers the screen changes and a
/// copy was made under it; with a form open, and typing in it, once.
#[test]
fn a_form_open_draws_each_frame_once() {
    let mut model = model();
    let mut terminal = ClientTerminal::new(Size::new(120, 40)).unwrap();
    let draws = |model: &Model, terminal: &mut ClientTerminal| {
        let mut count = 0;
        terminal
            .draw(|canvas| {
                count += 1;
                draw(model, canvas);
            })
            .unwrap();
        count
    };
    let press = |model: &mut Model, code: KeyCode| {
        update(
            model,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
            now(),
        );
    };
    assert_eq!(draws(&model, &mut terminal), 1);
    press(&mut model, KeyCode::Down);
    assert_eq!(draws(&model, &mut terminal), 1);
    // The input's form, over the list: the copies made before it was drawn
    // are right under it.
    press(&mut model, KeyCode::Enter);
    assert!(model.open().unwrap().viewer.form.is_some());
    assert_eq!(draws(&model, &mut terminal), 1, "opening the form");
    for letter in ['a', 'ñ', 'b'] {
        press(&mut model, KeyCode::Char(letter));
        assert_eq!(draws(&model, &mut terminal), 1, "typing {letter}");
    }
    press(&mut model, KeyCode::Esc);
    assert_eq!(draws(&model, &mut terminal), 1, "leaving the form");
}

/// The room's running clock, second after second, at a laptop's, a
/// room's and a projector's size: each frame, drawn over the last with
/// only the digits' changed rows drawn again, is the frame drawn whole.
#[test]
fn a_running_room_clock_is_drawn_as_whole_frames_every_second() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let size = Size::new(width, height);
        let mut model = opening();
        let mut at = now();
        // The first item's clock started, and the room's view of it: the
        // big digits.
        for code in [KeyCode::Char(' '), KeyCode::Char('p')] {
            update(
                &mut model,
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                at,
            );
        }
        let mut terminal = ClientTerminal::new(size).unwrap().keeping_frames();
        let mut most_sent = 0;
        for second in 0..130 {
            at += jiff::SignedDuration::from_secs(1);
            update(&mut model, Msg::Tick, at);
            terminal.draw(|canvas| draw(&model, canvas)).unwrap();
            let sent = terminal.take();
            let expected = whole(&model, size);
            let shown = terminal.last().unwrap();
            let differs = shown
                .content
                .iter()
                .zip(&expected.content)
                .position(|(a, b)| a != b);
            assert_eq!(differs, None, "{width}×{height}, second {second}");
            if second > 0 {
                most_sent = most_sent.max(sent.len());
            }
        }
        assert!(most_sent > 0, "{width}×{height}: the clock ran");
    }
}

/// What a list of inputs shows, one thing at a time: which input is
/// selected, which is flagged as a possible duplicate, who is editing
/// which, the language, and the inputs themselves.
#[derive(Clone)]
struct List {
    inputs: Vec<std::sync::Arc<crate::model::session::Input>>,
    selected: Option<usize>,
    flagged: Option<usize>,
    /// What the flag says.
    similar_to: &'static str,
    editing: Option<usize>,
    /// Who is editing.
    editor: &'static str,
    lang: Lang,
}

impl List {
    fn render(&self, canvas: &mut crate::ui::Canvas) {
        use crate::ui::widgets::{InputList, render_inputs};
        let at = |wanted: Option<usize>, input: &crate::model::session::Input| {
            wanted.is_some_and(|i| self.inputs[i].id == input.id)
        };
        let similar = |input: &crate::model::session::Input| {
            at(self.flagged, input).then(|| format!("parecida a {}", self.similar_to))
        };
        let editing = |input: &crate::model::session::Input| {
            at(self.editing, input).then(|| format!("{} está editando", self.editor))
        };
        let list = InputList {
            inputs: &self.inputs,
            selected: self.selected,
            empty: "nada",
            similar: &similar,
            editing: &editing,
        };
        let (frame, kept) = canvas.parts();
        let area = frame.area();
        let inner = ratatui::layout::Rect::new(2, 1, area.width - 4, area.height - 2);
        render_inputs(frame, inner, list, self.lang, kept);
    }

    fn whole(&self, size: Size) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        terminal
            .draw(|frame| self.render(&mut crate::ui::Canvas::fresh(frame)))
            .unwrap();
        terminal.backend().buffer().clone()
    }
}

/// One thing changed on a list.
type Change = fn(&mut List);

/// Every thing that shows on an input's rows changes what its region is
/// keyed by: changed alone, from one frame to the next, the frame drawn
/// over the last one is the frame drawn whole. A row's key is what the
/// row draws (`lines::Rows`), so a field left out of it cannot be; were
/// one left out, the region would be kept with its old look, and this
/// fails.
#[test]
fn whatever_shows_on_an_inputs_rows_is_in_its_key() {
    use crate::model::input::Priority;
    let session = crate::sample::session(200, 5);
    let most = session
        .groups
        .iter()
        .map(|g| &g.inputs)
        .max_by_key(|i| i.len());
    let base = List {
        inputs: most.unwrap().clone(),
        selected: Some(1),
        flagged: Some(0),
        similar_to: "1.2",
        editing: Some(1),
        editor: "grupo1",
        lang: Lang::Es,
    };
    assert!(base.inputs.len() > 8, "a list taller than the screen");
    let changes: [(&str, Change); 10] = [
        ("selection", (|l| l.selected = Some(2))),
        ("no selection", (|l| l.selected = None)),
        ("a flag", (|l| l.flagged = Some(2))),
        ("no flag", (|l| l.flagged = None)),
        // Its rows as many as before: only their words differ.
        ("what a flag says", (|l| l.similar_to = "3.4")),
        ("presence", (|l| l.editing = Some(0))),
        ("who is editing", (|l| l.editor = "grupo2")),
        ("language", (|l| l.lang = Lang::En)),
        (
            "a field",
            (|l| {
                let input = std::sync::Arc::make_mut(&mut l.inputs[2]);
                input.action.priority = Some(match input.action.priority {
                    Some(Priority::High) => Priority::Low,
                    _ => Priority::High,
                });
            }),
        ),
        ("scrolled", (|l| l.selected = Some(l.inputs.len() - 1))),
    ];
    let size = Size::new(70, 22);
    for (what, change) in &changes {
        let mut changed = base.clone();
        change(&mut changed);
        let mut terminal = ClientTerminal::new(size).unwrap().keeping_frames();
        // There and back: each way, the rows drawn over the last frame's.
        for (step, list) in [&base, &changed, &base].into_iter().enumerate() {
            terminal.draw(|canvas| list.render(canvas)).unwrap();
            let shown = terminal.last().unwrap();
            let expected = list.whole(size);
            assert!(
                shown.content == expected.content,
                "{what}, frame {step}: kept\n{}\ndrawn\n{}",
                text(shown),
                text(&expected)
            );
        }
    }
}

fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
