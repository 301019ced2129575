//! The local terminal's input: keys, pastes and resizes, read off the loop.

use crossterm::event::Event;

use crate::app::Msg;
use crate::shell::drive::Incoming;

/// Terminal input, read by a thread of its own that blocks until a key,
/// a paste or a resize arrives. (crossterm's async stream polls its reader
/// with a zero timeout on every wake, spinning on the reader's lock while
/// its own waker thread holds it: measurable CPU on every tick.)
pub(super) fn spawn_input_reader()
-> tokio::sync::mpsc::UnboundedReceiver<std::result::Result<Event, ()>> {
    let (events, received) = tokio::sync::mpsc::unbounded_channel();
    std::thread::Builder::new()
        .name("taller-input".into())
        .spawn(move || {
            loop {
                let event = crossterm::event::read().map_err(|_| ());
                let failed = event.is_err();
                if events.send(event).is_err() || failed {
                    break;
                }
            }
        })
        .expect("the input thread starts");
    received
}

/// A terminal event as the loop takes it.
pub(super) fn to_incoming(event: Event) -> Option<Incoming> {
    match event {
        Event::Key(key) => Some(Incoming::Msg(Msg::Key(key))),
        Event::Paste(text) => Some(Incoming::Msg(Msg::Paste(text))),
        // The next frame fills the new size.
        Event::Resize(width, height) => {
            Some(Incoming::Resize(ratatui::layout::Size::new(width, height)))
        }
        _ => None,
    }
}
