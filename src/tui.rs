//! The shell around `update`: the terminal, the event loop, signals, and the
//! effects carried out for the model.
//!
//! The loop sleeps until something happens (a key, a paste, a resize, a save
//! finishing, a signal): there is no tick, so an idle screen costs nothing.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write, stdout};
use std::path::PathBuf;
use std::time::Duration;

use color_eyre::Result;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event, EventStream};
use crossterm::execute;
use futures_util::StreamExt;
use jiff::Timestamp;
use ratatui::DefaultTerminal;
use tokio::signal::unix::{SignalKind, signal};

use crate::access;
use crate::app::{Effect, Model, Msg, update};
use crate::i18n::Lang;
use crate::saver::{Outcome, Saver};
use crate::store::Store;
use crate::store::lock::SessionLock;
use crate::ui;

/// Runs the interface until the person quits; returns the session file
/// that was open at the end, if any.
/// `lock` is the open session's lock, if any; it is held until the end.
pub fn run(model: Model, store: Store, lock: Option<SessionLock>) -> Result<Option<PathBuf>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut terminal = Terminal::enter()?;
    let result = runtime.block_on(event_loop(&mut terminal.0, model, &store, lock));
    drop(terminal);
    result
}

/// The interface needs a terminal on both ends; say so plainly when there is none.
pub fn ensure_terminal(lang: Lang) -> std::result::Result<(), String> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(lang.t().err_not_a_terminal.to_string())
    }
}

/// The terminal in raw mode on the alternate screen, with bracketed paste;
/// put back as it was when dropped, and by the panic hook before a panic report.
struct Terminal(DefaultTerminal);

impl Terminal {
    fn enter() -> io::Result<Terminal> {
        // ratatui installs its restoring panic hook on top of color-eyre's,
        // so a panic puts the terminal back before the report is printed.
        let terminal = ratatui::try_init()?;
        let restore_and_report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableBracketedPaste);
            restore_and_report(info);
        }));
        execute!(stdout(), EnableBracketedPaste)?;
        Ok(Terminal(terminal))
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

async fn event_loop(
    terminal: &mut DefaultTerminal,
    mut model: Model,
    store: &Store,
    mut lock: Option<SessionLock>,
) -> Result<Option<PathBuf>> {
    let mut events = EventStream::new();
    let (outcome_tx, mut outcomes) = tokio::sync::mpsc::unbounded_channel::<Outcome>();
    let saver = Saver::spawn(outcome_tx);
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::view(&model, frame))?;
            dirty = false;
        }
        // Only a running timer makes the screen change by itself: then, and
        // only then, wake just after the next whole second.
        let wake = model.wake_at();
        let tick = async {
            match wake {
                Some(at) => tokio::time::sleep(until(at)).await,
                None => std::future::pending::<()>().await,
            }
        };
        let first = tokio::select! {
            () = tick => Some(Msg::Tick),
            event = events.next() => match event {
                Some(Ok(event)) => to_msg(event),
                // The terminal is gone or unreadable: keep what was typed and leave.
                Some(Err(_)) | None => Some(Msg::Terminate),
            },
            Some(Outcome { path, seq, result }) = outcomes.recv() => Some(Msg::Saved { path, seq, result }),
            _ = sigterm.recv() => Some(Msg::Terminate),
            _ = sighup.recv() => Some(Msg::Terminate),
            _ = sigint.recv() => Some(Msg::Terminate),
        };
        // Handle everything already queued before drawing once.
        let mut queue: VecDeque<Msg> = first.into_iter().collect();
        // Polled inside the task (not with a no-op waker, which would leave
        // crossterm's stream waiting to wake nobody).
        loop {
            tokio::select! {
                biased;
                Some(Ok(event)) = events.next() => queue.extend(to_msg(event)),
                () = std::future::ready(()) => break,
            }
        }
        while let Ok(outcome) = outcomes.try_recv() {
            let Outcome { path, seq, result } = outcome;
            queue.push_back(Msg::Saved { path, seq, result });
        }
        while let Some(msg) = queue.pop_front() {
            dirty = true;
            let effects = update(&mut model, msg, Timestamp::now());
            for effect in effects {
                match effect {
                    Effect::Save { path, seq, session } => saver.save(path, seq, session),
                    Effect::Bell => {
                        let mut out = stdout();
                        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                    }
                    Effect::Open(path) => {
                        let result = access::open(path, model.lang).map(|(opened, taken)| {
                            lock = taken;
                            opened
                        });
                        queue.push_front(Msg::Opened(result));
                    }
                    Effect::Create(name) => {
                        let result =
                            access::create(store, &name, model.lang).map(|(opened, taken)| {
                                lock = taken;
                                opened
                            });
                        queue.push_front(Msg::Opened(result));
                    }
                    Effect::Quit { even_if_unsaved } => match saver.flush() {
                        Some(reason) if !even_if_unsaved => {
                            queue.push_front(Msg::QuitBlocked(reason))
                        }
                        _ => return Ok(model.open().map(|open| open.path.clone())),
                    },
                }
            }
        }
    }
}

/// How long until a wall-clock instant (zero if it has passed).
fn until(at: Timestamp) -> Duration {
    let nanos = at.duration_since(Timestamp::now()).as_nanos().max(0);
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

fn to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(..) => Some(Msg::Resize),
        _ => None,
    }
}
