//! The room view in every state of its clock, at every size a room uses:
//! nothing in it blinks, neither in the frame nor in the bytes sent. A
//! blinking clock vanishes half of every second in a real terminal.

use crate::model::schedule::places::{self, breakout, opening};
use crossterm::event::KeyCode;
use jiff::{SignedDuration, Timestamp};
use ratatui::layout::Size;
use ratatui::style::Modifier;

use super::{draw, keys, now, session_model};
use crate::app::{Model, Msg, Page, update};
use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::timer::Phase;
use crate::session::{ClockAction, Command};
use crate::terminal::ClientTerminal;

const SIZES: [(u16, u16); 5] = [(60, 20), (80, 24), (120, 40), (160, 45), (200, 60)];

fn clock(model: &mut Model, timer: &TimerId, action: ClockAction, at: Timestamp) {
    if let Page::Workshop(open) = &mut model.page {
        open.submit(
            Command::Clock {
                timer: timer.clone(),
                action,
            },
            at,
        )
        .unwrap();
    }
    update(model, Msg::Tick, at);
}

fn phase(model: &Model, timer: &TimerId) -> Phase {
    let Page::Workshop(open) = &model.page else {
        panic!("a workshop is open")
    };
    open.session.timer(timer).phase(model.now)
}

/// The SGR parameters that ask for blinking (5 slow, 6 rapid), skipping
/// the colour numbers of `38;5;n`, `48;5;n` and `38;2;r;g;b`.
fn blinks(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for sequence in text.split("\x1b[").skip(1) {
        let Some(end) = sequence.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !sequence[end..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = sequence[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                "38" | "48" | "58" => {
                    i += match params.get(i + 1) {
                        Some(&"5") => 3,
                        Some(&"2") => 5,
                        _ => 1,
                    };
                    continue;
                }
                "5" | "6" => found.push(format!("\\e[{}m", &sequence[..end])),
                _ => {}
            }
            i += 1;
        }
    }
    found
}

/// Every frame of `model` at every size, drawn and sent: no cell blinks,
/// no byte asks a terminal to.
fn assert_nothing_blinks(model: &Model, what: &str) {
    for (width, height) in SIZES {
        let terminal = draw(model, width, height);
        for (i, cell) in terminal.backend().buffer().content().iter().enumerate() {
            assert!(
                !cell
                    .modifier
                    .intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK),
                "{what} at {width}×{height}: cell {i} ({:?}) blinks",
                cell.symbol()
            );
        }
        let mut client = ClientTerminal::new(Size::new(width, height)).unwrap();
        client
            .draw(|canvas| crate::ui::draw(model, canvas))
            .unwrap();
        let sent = blinks(&client.take());
        assert!(sent.is_empty(), "{what} at {width}×{height}: {sent:?}");
    }
}

/// Runs `timer` from its start to well past its end on the room view,
/// checking each minute (and each phase) as it passes; then pauses it.
/// Returns the phases seen.
fn run_through(model: &mut Model, timer: &TimerId, what: &str) -> Vec<Phase> {
    let start = now();
    clock(model, timer, ClockAction::Reset, start);
    clock(model, timer, ClockAction::Start, start);
    let mut seen = Vec::new();
    // Every 20 seconds: a short item's last minute is not skipped.
    for step in 0..=150 * 3 {
        let at = start + SignedDuration::from_secs(step * 20);
        update(model, Msg::Tick, at);
        let phase = phase(model, timer);
        if seen.last() != Some(&phase) || step % 30 == 0 {
            let when = format!("{}:{:02}", step / 3, step % 3 * 20);
            assert_nothing_blinks(model, &format!("{what}, at {when}, {phase:?}"));
        }
        if seen.last() != Some(&phase) {
            seen.push(phase);
        }
    }
    let at = start + SignedDuration::from_mins(151);
    clock(model, timer, ClockAction::Pause, at);
    assert_nothing_blinks(model, &format!("{what}, paused in overtime"));
    seen
}

#[test]
fn the_room_view_never_blinks_in_any_state_of_its_clock() {
    let every_phase = [
        Phase::Normal,
        Phase::Warning,
        Phase::Danger,
        Phase::Overtime,
    ];
    // A plenary item's big clock: running, warning, last minute,
    // overtime, paused.
    let mut plenary = session_model(Lang::Es);
    keys(&mut plenary, &[KeyCode::Char('p')]);
    let mut seen = run_through(&mut plenary, &opening(0), "plenary");
    // Finished: a later item ran, the projected one is over.
    let at = now() + SignedDuration::from_mins(152);
    clock(&mut plenary, &opening(0), ClockAction::Start, at);
    clock(&mut plenary, &opening(0), ClockAction::Next, at);
    clock(&mut plenary, &opening(1), ClockAction::Pause, at);
    let shown = super::screen(&plenary, 120, 40);
    assert!(shown.contains("hecho"), "the first item is over:\n{shown}");
    assert_nothing_blinks(&plenary, "plenary, finished");

    // The breakouts' dashboard, every group's clock.
    let mut breakouts = session_model(Lang::Es);
    keys(&mut breakouts, &[KeyCode::Tab, KeyCode::Char('p')]);
    seen.extend(run_through(&mut breakouts, &breakout(0), "breakouts"));

    // A report-back, its group's inputs socialized under a small clock.
    let mut report = session_model(Lang::Es);
    keys(&mut report, &[KeyCode::Char('3'), KeyCode::Char('p')]);
    seen.extend(run_through(&mut report, &places::report(0), "report-back"));
    assert!(every_phase.iter().all(|p| seen.contains(p)), "{seen:?}");
}

#[test]
fn blinking_is_found_in_the_bytes_and_colour_numbers_are_not() {
    assert_eq!(blinks(b"\x1b[1;5mX"), vec!["\\e[1;5m"]);
    assert_eq!(blinks(b"\x1b[6m"), vec!["\\e[6m"]);
    assert!(blinks(b"\x1b[38;5;5m\x1b[48;5;6;1m\x1b[38;2;5;6;5mX\x1b[5C").is_empty());
}

/// A running room clock, second by second through its phases: every frame
/// drawn over the last one is the frame drawn whole, and the terminal after
/// the bytes shows it; nearly every second draws the digits that changed
/// and the words under them alone (`clock_tick`), the rest of the frame
/// neither drawn nor compared again.
#[test]
fn a_ticking_room_clock_draws_its_second_alone() {
    use ratatui::buffer::Buffer;
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('p')]);
    let timer = opening(0);
    let start = now();
    clock(&mut model, &timer, ClockAction::Reset, start);
    clock(&mut model, &timer, ClockAction::Start, start);
    let size = Size::new(120, 40);
    let mut terminal = ClientTerminal::new(size).unwrap().keeping_frames();
    let mut screen = vt100::Parser::new(size.height, size.width, 0);
    screen.process(&crate::terminal::enter());
    let mut alone = 0;
    let mut draws = 0;
    // Across the minute boundaries, into overtime and its "+".
    let seconds = (0..40).chain(290..330).chain(1190..1260);
    for second in seconds.clone() {
        let at = start + SignedDuration::from_secs(second);
        update(&mut model, Msg::Tick, at);
        terminal
            .draw(|canvas| {
                draws += 1;
                crate::ui::draw(&model, canvas);
                alone += usize::from(canvas.ticked());
            })
            .unwrap();
        screen.process(&terminal.take());
        let expected: Buffer = draw(&model, size.width, size.height)
            .backend()
            .buffer()
            .clone();
        let shown = terminal.last().unwrap();
        let differs = (0..shown.content.len()).find(|&i| shown.content[i] != expected.content[i]);
        assert_eq!(differs, None, "second {second}: kept frame differs");
        for y in 0..size.height {
            for x in 0..size.width {
                let cell = screen.screen().cell(y, x).unwrap();
                let on_screen = match cell.contents() {
                    "" => " ".to_string(),
                    text => text.to_string(),
                };
                let drawn = expected[(x, y)].symbol();
                let block = drawn == "█" && on_screen == " " && cell.inverse();
                assert!(
                    on_screen == drawn || block,
                    "second {second} ({x}, {y}): {on_screen:?} shown, {drawn:?} drawn"
                );
            }
        }
    }
    // Drawn whole: the first frame, a new phase, a minute of other width
    // (three in all here).
    assert!(alone >= 145, "{alone} of 150 ticks drawn alone");

    // Each tick drawn once: what the last frame left is trusted.
    assert_eq!(draws, seconds.count());
}
