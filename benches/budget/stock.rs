//! ratatui's stock pieces against ours (issue 22, item 3): where a stock
//! piece meets the budget within its noise (a keystroke ≤ 1 ms p99 at
//! 2,000 inputs, ≤ 300 bytes per room screen per tick), it is to replace
//! ours. Printed, as the keystroke percentiles are:
//!
//! - the terminal layer: ratatui's `Terminal::draw` on its crossterm
//!   backend (a blank buffer each frame, `Buffer::diff`, crossterm's
//!   encoder) against `ClientTerminal` (kept regions, `terminal/changes.rs`,
//!   `terminal/cells.rs`), both drawing the same views: a keystroke's
//!   percentiles and the bytes of a room clock's tick;
//! - the wrapping: ratatui's `Paragraph` with `Wrap` drawing the inputs a
//!   list shows, numbered, against our whole frame of that screen.

use std::cell::Cell;
use std::hint::black_box;
use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

use criterion::Criterion;
use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::{Terminal, TerminalOptions, Viewport};
use taller::app::{Model, Msg, update};
use taller::terminal::ClientTerminal;
use taller::ui;

use super::{HEIGHT, WIDTH, key, now, on_screen, percentiles, thread_cpu};

/// Where ratatui's crossterm backend writes: the bytes counted, as a
/// terminal would be sent them.
#[derive(Clone, Default)]
struct Counted(Rc<Cell<usize>>);

impl Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        black_box(bytes);
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// ratatui's own terminal on its crossterm backend: a fixed viewport, so
/// it never asks a real terminal anything.
struct Stock {
    terminal: Terminal<CrosstermBackend<Counted>>,
    sent: Counted,
}

fn stock(size: Size) -> Stock {
    let area = Rect::new(0, 0, size.width, size.height);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let sent = Counted::default();
    let backend = CrosstermBackend::new(sent.clone());
    Stock {
        terminal: Terminal::with_options(backend, options).unwrap(),
        sent,
    }
}

/// A frame of `model` on ratatui's terminal: the bytes it sent.
fn stock_frame(stock: &mut Stock, model: &Model) -> usize {
    stock.terminal.draw(|f| ui::view(model, f)).unwrap();
    stock.sent.0.replace(0)
}

/// A frame of `model` on ours: the bytes it sent.
fn our_frame(terminal: &mut ClientTerminal, model: &Model) -> usize {
    terminal.draw(|canvas| ui::draw(model, canvas)).unwrap();
    black_box(terminal.take()).len()
}

/// Runs only when asked for (`cargo bench --bench budget -- stock`): it
/// takes a minute, and it compares rather than keeps a budget.
pub fn stock_pieces(_: &mut Criterion) {
    if !std::env::args().skip(1).any(|arg| arg.contains("stock")) {
        return;
    }
    keystrokes();
    room_ticks();
    wrapping();
}

/// Selecting the next input, 3,000 times, on the groups' screen of a
/// 2,000-input session at 200×60: update and frame, each terminal.
fn keystrokes() {
    let size = Size::new(WIDTH, HEIGHT);
    type Frame = Box<dyn FnMut(&Model) -> usize>;
    let mut ours = ClientTerminal::new(size).unwrap();
    let mut theirs = stock(size);
    let terminals: [(&str, Frame); 2] = [
        ("ours", Box::new(move |m| our_frame(&mut ours, m))),
        ("stock", Box::new(move |m| stock_frame(&mut theirs, m))),
    ];
    for (name, mut frame) in terminals {
        let mut m = on_screen(&[KeyCode::Tab]);
        frame(&m);
        let (mut wall, mut cpu, mut bytes) = (Vec::new(), Vec::new(), 0);
        for n in 0..3_000 {
            let started = Instant::now();
            let started_cpu = thread_cpu();
            key(
                &mut m,
                if n % 2 == 0 {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                },
            );
            bytes += frame(&m);
            cpu.push(thread_cpu() - started_cpu);
            wall.push(started.elapsed());
        }
        percentiles(&format!("stock/keystroke, {name} terminal"), wall);
        percentiles(&format!("stock/keystroke, {name} terminal: CPU time"), cpu);
        println!(
            "stock/keystroke, {name} terminal: {} bytes a frame",
            bytes / 3_000
        );
    }
}

/// The room's clock running, 120 seconds, at the size the served room's
/// budget is kept at (80×24, ≤ 300 bytes a tick), a room's and a
/// projector's: bytes a tick and time a tick, each terminal.
fn room_ticks() {
    for (width, height) in [(80, 24), (120, 40), (WIDTH, HEIGHT)] {
        let size = Size::new(width, height);
        let mut ours = ClientTerminal::new(size).unwrap();
        let mut theirs = stock(size);
        type Frame<'a> = Box<dyn FnMut(&Model) -> usize + 'a>;
        let terminals: [(&str, Frame); 2] = [
            ("ours", Box::new(|m| our_frame(&mut ours, m))),
            ("stock", Box::new(|m| stock_frame(&mut theirs, m))),
        ];
        for (name, mut frame) in terminals {
            // The opening's first item, its clock started, on the room view.
            let mut m = on_screen(&[]);
            let started_at = now();
            for code in [KeyCode::Char(' '), KeyCode::Char('p')] {
                key(&mut m, code);
            }
            frame(&m);
            let (mut sizes, mut cpu) = (Vec::new(), Vec::new());
            for second in 1..=120 {
                update(
                    &mut m,
                    Msg::Tick,
                    started_at + jiff::SignedDuration::from_secs(second),
                );
                let started_cpu = thread_cpu();
                sizes.push(frame(&m));
                cpu.push(thread_cpu() - started_cpu);
            }
            sizes.sort();
            let mean = sizes.iter().sum::<usize>() / sizes.len();
            println!(
                "stock/room tick {width}x{height}, {name} terminal: {mean} bytes a tick on average, median {}, most {}",
                sizes[sizes.len() / 2],
                sizes[sizes.len() - 1]
            );
            percentiles(
                &format!("stock/room tick {width}x{height}, {name} terminal: frame CPU time"),
                cpu,
            );
        }
    }
}

/// The inputs a list shows at 200×60, numbered, wrapped by ratatui's
/// `Paragraph` on a blank buffer (no scrolling, no fields, no selection:
/// less than our list draws), against our whole frame of that screen.
fn wrapping() {
    let m = on_screen(&[KeyCode::Tab]);
    let open = m.open().unwrap();
    let inputs = &open.session.groups[0].inputs;
    let area = Rect::new(0, 0, WIDTH - 2, HEIGHT - 5);
    let digits = inputs.len().to_string().len();
    let number = Style::new().add_modifier(Modifier::BOLD);
    fn line(
        digits: usize,
        number: Style,
        i: usize,
        input: &taller::model::session::Input,
    ) -> Line<'_> {
        Line::from(vec![
            Span::styled(format!("{:>digits$}. ", i + 1), number),
            Span::raw(input.text.as_str()),
        ])
    }
    // From the top; and scrolled to the group's end, where `Paragraph`
    // wraps every input above what shows.
    let scrolled = u16::try_from(inputs.len()).unwrap_or(u16::MAX);
    for (what, shown, scroll) in [
        ("the list's top", usize::from(area.height), 0),
        ("the list scrolled to its end", inputs.len(), scrolled),
    ] {
        let mut paragraph = Vec::new();
        for _ in 0..2_000 {
            let started = Instant::now();
            let lines: Vec<Line> = inputs
                .iter()
                .take(shown)
                .enumerate()
                .map(|(i, input)| line(digits, number, i, input))
                .collect();
            let mut buffer = Buffer::empty(area);
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .render(area, &mut buffer);
            black_box(&buffer);
            paragraph.push(started.elapsed());
        }
        percentiles(
            &format!(
                "stock/wrapping: {what} alone, Paragraph + Wrap ({} inputs)",
                inputs.len()
            ),
            paragraph,
        );
    }
    let mut whole = Vec::new();
    let mut terminal = Terminal::new(ratatui::backend::TestBackend::new(WIDTH, HEIGHT)).unwrap();
    for _ in 0..2_000 {
        let started = Instant::now();
        terminal.swap_buffers();
        terminal.current_buffer_mut().reset();
        let mut frame = terminal.get_frame();
        ui::view(&m, &mut frame);
        black_box(terminal.current_buffer_mut());
        whole.push(started.elapsed());
    }
    percentiles(
        "stock/wrapping: our whole frame of the screen, fresh",
        whole,
    );
}
