//! A client's terminal as ratatui sees it: a fixed viewport at the size the
//! client said (clamped), and a backend that writes escape sequences into a
//! buffer, so each frame leaves as one write and the local terminal is never
//! asked anything (its size, its cursor) on a client's behalf. A frame where
//! nothing changed is no bytes at all.

use std::io::{self, BufWriter, Write};
use std::sync::{Arc, Mutex};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

/// The smallest and largest sizes drawn: a client saying 0×0 (some do,
/// before their first resize) or 60000×60000 gets something sane.
pub const MIN_SIZE: (u16, u16) = (20, 6);
pub const MAX_SIZE: (u16, u16) = (500, 200);

/// A size from the client (pty-req, window-change) as drawn.
pub fn clamp(cols: u32, rows: u32) -> Size {
    let fit =
        |value: u32, (min, max): (u16, u16)| u16::try_from(value).unwrap_or(max).clamp(min, max);
    Size::new(
        fit(cols, (MIN_SIZE.0, MAX_SIZE.0)),
        fit(rows, (MIN_SIZE.1, MAX_SIZE.1)),
    )
}

/// Where the backend writes, through a buffer (one lock a frame, not one a
/// cell): bytes this connection takes each frame.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::ErrorKind::Other)?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The escape sequences a client's terminal is given, in a buffer.
pub struct Remote {
    out: CrosstermBackend<BufWriter<Sink>>,
    size: Size,
    cursor: Position,
    /// Whether the client's cursor is hidden already: ratatui hides it on
    /// every frame, which would be bytes on every frame.
    hidden: bool,
}

impl Backend for Remote {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Nothing changed: not even the colour reset after the cells.
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        self.out.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden {
            return Ok(());
        }
        self.hidden = true;
        self.out.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if !self.hidden {
            return Ok(());
        }
        self.hidden = false;
        self.out.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.out.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.out.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.out.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One client's terminal: frames drawn into bytes.
pub struct ClientTerminal {
    terminal: Terminal<Remote>,
    sink: Sink,
}

impl ClientTerminal {
    pub fn new(size: Size) -> io::Result<ClientTerminal> {
        let sink = Sink::default();
        let remote = Remote {
            out: CrosstermBackend::new(BufWriter::with_capacity(16 * 1024, sink.clone())),
            size,
            cursor: Position::ORIGIN,
            hidden: false,
        };
        let area = Rect::new(0, 0, size.width, size.height);
        let terminal = Terminal::with_options(
            remote,
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        Ok(ClientTerminal { terminal, sink })
    }

    pub fn size(&self) -> Size {
        self.terminal.backend().size
    }

    /// The client's window changed: the next frame is drawn whole at the new size.
    pub fn resize(&mut self, size: Size) -> io::Result<()> {
        self.terminal.backend_mut().size = size;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))
    }

    /// The next frame is drawn whole (its previous one never reached the
    /// client), from a cleared screen, after [`enter`] (the cursor hidden).
    pub fn redraw_whole(&mut self) -> io::Result<()> {
        self.terminal.backend_mut().hidden = true;
        self.terminal.clear()
    }

    /// Draws a frame: only what changed since the last one.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        self.terminal.draw(render).map(|_| ())
    }

    /// What was written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        if Write::flush(&mut self.terminal.backend_mut().out).is_err() {
            return Vec::new();
        }
        self.sink
            .0
            .lock()
            .map(|mut bytes| std::mem::take(&mut *bytes))
            .unwrap_or_default()
    }
}

/// Into the alternate screen, bracketed paste on, cursor hidden.
pub fn enter() -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        crossterm::cursor::Hide,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    );
    out
}

/// The client's terminal as it was: paste off, cursor shown, main screen,
/// colours reset; then `line`, if any, on the main screen.
pub fn leave(line: Option<&str>) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(
        out,
        crossterm::style::ResetColor,
        DisableBracketedPaste,
        crossterm::cursor::Show,
        LeaveAlternateScreen
    );
    if let Some(line) = line {
        out.extend_from_slice(crate::text::escape(line).as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Paragraph;

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp(0, 0), Size::new(20, 6));
        assert_eq!(clamp(80, 24), Size::new(80, 24));
        assert_eq!(clamp(70000, 5000), Size::new(500, 200));
        assert_eq!(clamp(u32::MAX, u32::MAX), Size::new(500, 200));
    }

    #[test]
    fn a_clock_tick_costs_a_few_bytes() {
        let mut terminal = ClientTerminal::new(Size::new(80, 24)).unwrap();
        let clock = |text: &'static str| {
            move |frame: &mut Frame| {
                frame.render_widget(
                    Paragraph::new(format!("Grupo 1 — Operaciones\n\n▶ {text}")),
                    frame.area(),
                )
            }
        };
        terminal.draw(clock("12:34")).unwrap();
        terminal.take();
        terminal.draw(clock("12:35")).unwrap();
        let tick = terminal.take();
        assert!(tick.len() <= 300, "{} bytes for one second", tick.len());
    }

    #[test]
    fn a_frame_is_bytes_a_terminal_shows() {
        let mut terminal = ClientTerminal::new(Size::new(30, 6)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("Grupo 3: acción"), frame.area()))
            .unwrap();
        let mut screen = vt100::Parser::new(6, 30, 0);
        screen.process(&terminal.take());
        assert!(screen.screen().contents().contains("Grupo 3: acción"));
        // Nothing changed: nothing sent.
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("Grupo 3: acción"), frame.area()))
            .unwrap();
        assert!(terminal.take().is_empty());
        terminal.resize(Size::new(40, 8)).unwrap();
        terminal.redraw_whole().unwrap();
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("otra"), frame.area()))
            .unwrap();
        let mut screen = vt100::Parser::new(8, 40, 0);
        screen.process(&terminal.take());
        assert!(screen.screen().contents().starts_with("otra"));
    }
}
