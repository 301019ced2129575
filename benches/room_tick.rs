//! The room's countdown, one second at a time (issue 20, item 20): a new
//! session's first clock running, the room view at 120×40 as
//! `bench/versus-termdown.sh` draws it, each tick updated, drawn and made
//! into bytes. `cargo bench --bench room_tick`.
//!
//! A real tick comes after a second asleep, while other programs ran: its
//! code and data are no longer in the caches, and it costs several times
//! what the same tick costs run back to back. So besides the warm figure,
//! each tick is timed after the caches were filled with other data
//! (`cold`), which is what `bench/side-by-side.sh` sees, without the
//! wake-up and the write every program pays.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use ratatui::layout::Size;
use taller::app::{Context, Model, Msg, OpenedSession, update};
use taller::i18n::Lang;
use taller::model::session::Session;
use taller::model::workshop::Workshop;
use taller::terminal::ClientTerminal;
use taller::ui;

/// More than this machine's last-level cache: writing it leaves none of
/// the tick's lines there.
const EVICT_BYTES: usize = 64 << 20;

fn start() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap()
}

struct Discard;

impl taller::session::Writer for Discard {
    fn write(&mut self, _: &std::path::Path, _: u64, _: std::sync::Arc<Session>) -> bool {
        true
    }
}

/// A new session (the default workshop), its first clock started, the
/// room view on: `taller new`, Space, `p`.
fn room() -> Model {
    let context = Context {
        lang: Lang::Es,
        tz: TimeZone::UTC,
        now: start(),
        no_color: false,
        muted: true,
        writer: Some(Box::new(Discard)),
    };
    let session = Session::new("sala", Workshop::default_for("es").unwrap(), start());
    let opened = OpenedSession {
        path: PathBuf::from("sala.json"),
        view: None,
        session: Box::new(session),
        read_only: None,
        note: None,
    };
    let mut model = Model::with_session(context, opened);
    for key in [KeyCode::Char(' '), KeyCode::Char('p')] {
        update(
            &mut model,
            Msg::Key(KeyEvent::new(key, KeyModifiers::NONE)),
            start(),
        );
    }
    model
}

/// The room's clock as the program runs it: a tick a second, each frame
/// drawn over the last and made into bytes.
struct Room {
    model: Model,
    terminal: ClientTerminal,
    second: i64,
}

impl Room {
    fn new() -> Room {
        let mut room = Room {
            model: room(),
            terminal: ClientTerminal::new(Size::new(120, 40)).unwrap(),
            second: 0,
        };
        room.tick();
        room
    }

    fn tick(&mut self) -> usize {
        self.second += 1;
        let at = start() + SignedDuration::from_secs(self.second);
        update(&mut self.model, Msg::Tick, at);
        let model = &self.model;
        self.terminal
            .draw(|canvas| ui::draw(model, canvas))
            .unwrap();
        self.terminal.take().len()
    }
}

fn evict(scratch: &mut [u8], round: u8) {
    for chunk in scratch.chunks_mut(64) {
        chunk[0] = round;
    }
    black_box(scratch);
}

fn room_tick(c: &mut Criterion) {
    let mut group = c.benchmark_group("room_clock_tick_120x40");
    let mut room = Room::new();
    group.bench_function("warm", |b| b.iter(|| black_box(room.tick())));
    let mut room = Room::new();
    let mut scratch = vec![0u8; EVICT_BYTES];
    group.bench_function("cold", |b| {
        b.iter_custom(|ticks| {
            let mut spent = Duration::ZERO;
            for n in 0..ticks {
                evict(&mut scratch, n as u8);
                let started = Instant::now();
                black_box(room.tick());
                spent += started.elapsed();
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, room_tick);
criterion_main!(benches);
