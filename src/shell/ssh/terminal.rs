//! A client's terminal as ratatui sees it: a fixed viewport at the size the
//! client said (clamped), and a backend that writes escape sequences into a
//! buffer, so each frame leaves as one write and the local terminal is never
//! asked anything (its size, its cursor) on a client's behalf. A frame where
//! nothing changed is no bytes at all; the bytes of one that did are made
//! by [`cells`]. The local terminal's frames are made here too (`tui.rs`):
//! one way for frames to reach a terminal, and its fewest bytes.

use std::io;
use std::sync::{Arc, Mutex};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::{cells, changes};
use crate::ui::kept::{Drawn, Kept};

/// The smallest and largest sizes drawn: a client saying 0×0 (some do,
/// before their first resize) or 60000×60000 gets something sane. The
/// largest is more than a projector shows legibly (200×60 fills a wall);
/// a screen keeps about 150 bytes a cell (ratatui's two buffers, what the
/// client shows and its prints), so 240×80 costs under 3 MiB, where
/// 500×200 cost 16 MiB to whoever had any code.
pub const MIN_SIZE: (u16, u16) = (20, 6);
pub const MAX_SIZE: (u16, u16) = (240, 80);

/// A size from the client (pty-req, window-change) as drawn.
pub fn clamp(cols: u32, rows: u32) -> Size {
    let fit =
        |value: u32, (min, max): (u16, u16)| u16::try_from(value).unwrap_or(max).clamp(min, max);
    Size::new(
        fit(cols, (MIN_SIZE.0, MAX_SIZE.0)),
        fit(rows, (MIN_SIZE.1, MAX_SIZE.1)),
    )
}

/// What ratatui asked of the client's terminal during one frame: where
/// the cursor goes, whether the screen was cleared. Which cells changed is
/// worked out after (see [`changes`]), and the bytes from the whole frame
/// (see [`cells`]).
#[derive(Default)]
struct Notes {
    /// The cursor shown at this position; `None`: hidden.
    cursor: Option<Position>,
    cleared: bool,
}

/// The backend ratatui draws on: it writes nothing itself, it takes notes.
struct Remote {
    notes: Arc<Mutex<Notes>>,
    size: Size,
    position: Position,
}

impl Remote {
    fn notes(&self) -> io::Result<std::sync::MutexGuard<'_, Notes>> {
        self.notes.lock().map_err(|_| io::Error::other("notes"))
    }
}

impl Backend for Remote {
    type Error = io::Error;

    /// Left unread: ratatui's diff is lazy, and [`changes`] finds the
    /// same cells for a fraction of its cost.
    fn draw<'a, I>(&mut self, _: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.notes()?.cursor = None;
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        let position = self.position;
        self.notes()?.cursor = Some(position);
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.position)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.position = position.into();
        let mut notes = self.notes()?;
        if notes.cursor.is_some() {
            notes.cursor = Some(self.position);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.notes()?.cleared = true;
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
        self.notes()?.cleared = true;
        Ok(())
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
    notes: Arc<Mutex<Notes>>,
    out: Vec<u8>,
    /// Where the client's terminal was left (pen and cursor).
    ink: cells::Ink,
    /// Whether the client's cursor shows.
    visible: bool,
    /// What the client's screen shows: the last frame. The next one is
    /// compared with it.
    shown: changes::Shown,
    /// Whether others may ask for the last frame (a shared drawing sends it
    /// whole to whoever joins or falls behind).
    keeping: bool,
    /// What the last frame drew as regions, when the client shows that
    /// frame and the next may copy from it (see `ui::kept`).
    drawn: Option<Drawn>,
}

impl ClientTerminal {
    pub fn new(size: Size) -> io::Result<ClientTerminal> {
        let notes = Arc::new(Mutex::new(Notes::default()));
        let remote = Remote {
            notes: Arc::clone(&notes),
            size,
            position: Position::ORIGIN,
        };
        let area = Rect::new(0, 0, size.width, size.height);
        let terminal = Terminal::with_options(
            remote,
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        Ok(ClientTerminal {
            terminal,
            notes,
            out: Vec::new(),
            ink: cells::Ink::default(),
            visible: true,
            shown: changes::Shown::new(Rect::ZERO),
            keeping: false,
            drawn: None,
        })
    }

    /// Keeps each frame, for [`whole`](Self::whole).
    pub fn keeping_frames(mut self) -> ClientTerminal {
        self.keeping = true;
        self
    }

    pub fn size(&self) -> Size {
        self.terminal.backend().size
    }

    /// The client's window changed: the next frame is drawn whole at the new size.
    pub fn resize(&mut self, size: Size) -> io::Result<()> {
        self.drawn = None;
        self.terminal.backend_mut().size = size;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))?;
        // Resizing clears the screen (said with the next frame).
        self.notes
            .lock()
            .map_err(|_| io::Error::other("notes"))?
            .cleared = true;
        Ok(())
    }

    /// The next frame is drawn whole (its previous one never reached the
    /// client), from a cleared screen, after [`enter`] (the cursor hidden).
    pub fn redraw_whole(&mut self) -> io::Result<()> {
        self.drawn = None;
        self.visible = false;
        self.ink = cells::Ink::default();
        self.terminal.clear()
    }

    /// Draws a frame: only what changed since the last one.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        let mut render = Some(render);
        self.draw_kept(|frame, _| {
            if let Some(render) = render.take() {
                render(frame);
            }
        })
    }

    /// Draws a frame, copying from the last one the regions drawn the same
    /// (see `ui::kept`), and sends only what changed.
    pub fn draw_kept(&mut self, mut render: impl FnMut(&mut Frame, &mut Kept)) -> io::Result<()> {
        let cleared = self
            .notes
            .lock()
            .map_err(|_| io::Error::other("notes"))?
            .cleared;
        let last = self.drawn.take().filter(|_| !cleared);
        let mut kept = match &last {
            Some(drawn) => Kept::from(self.shown.buffer(), drawn),
            None => Kept::none(),
        };
        let mut completed = self.terminal.draw(|frame| render(frame, &mut kept))?;
        let (drawn, untouched) = match kept.finish() {
            Some(finished) => finished,
            // Covered otherwise than in the last frame: drawn again, whole.
            None => {
                let mut kept = Kept::none();
                completed = self.terminal.draw(|frame| render(frame, &mut kept))?;
                kept.finish().unwrap_or_default()
            }
        };
        self.drawn = Some(drawn);
        let mut notes = self.notes.lock().map_err(|_| io::Error::other("notes"))?;
        if std::mem::take(&mut notes.cleared) {
            self.out.extend_from_slice(b"\x1b[0m\x1b[2J");
            self.ink = cells::Ink::default();
            self.shown = changes::Shown::new(completed.buffer.area);
        }
        let cursor = notes.cursor;
        drop(notes);
        let changed = self.shown.take(completed.buffer, &untouched);
        if !changed.is_empty() {
            cells::encode(completed.buffer, &changed, &mut self.out, &mut self.ink);
        }
        self.place_cursor(cursor);
        Ok(())
    }

    /// The cursor shown where the screen wants it, or hidden.
    fn place_cursor(&mut self, cursor: Option<Position>) {
        match cursor {
            Some(at) => {
                let mut to = self.ink;
                to.cursor_at((at.x, at.y));
                cells::settle(&mut self.out, &mut self.ink, to);
                if !self.visible {
                    let _ = crossterm::queue!(self.out, crossterm::cursor::Show);
                    self.visible = true;
                }
            }
            None if self.visible => {
                let _ = crossterm::queue!(self.out, crossterm::cursor::Hide);
                self.visible = false;
            }
            None => {}
        }
    }

    /// What was written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// The last frame as a whole screen, after [`enter`], for a client
    /// whose screen shows anything else (only when [`keeping_frames`](Self::keeping_frames)):
    /// it leaves that client's terminal as this one's, so the next changes
    /// suit both.
    pub fn whole(&self) -> Vec<u8> {
        let mut out = enter();
        let mut ink = cells::Ink::default();
        if let Some(last) = self.last() {
            let changed = changes::Shown::new(last.area).take(last, &[]);
            cells::encode(last, &changed, &mut out, &mut ink);
        }
        cells::settle(&mut out, &mut ink, self.ink);
        if self.visible {
            let _ = crossterm::queue!(out, crossterm::cursor::Show);
        }
        out
    }

    /// Where this terminal's client was left.
    pub fn ink(&self) -> cells::Ink {
        self.ink
    }

    /// Whether the client's cursor is hidden (as on every shared drawing).
    pub fn cursor_hidden(&self) -> bool {
        !self.visible
    }

    /// Takes `shown` as what the client's screen shows (it was sent by a
    /// shared drawing): the next frame is drawn on it, changes only.
    pub fn prime(&mut self, shown: &Buffer, ink: cells::Ink) -> io::Result<()> {
        let mut notes = self.notes.lock().map_err(|_| io::Error::other("notes"))?;
        notes.cleared = false;
        notes.cursor = None;
        drop(notes);
        self.shown.set(shown);
        // What it shows was drawn by another screen: nothing to copy from.
        self.drawn = None;
        self.out.clear();
        self.visible = false;
        self.ink = ink;
        Ok(())
    }

    /// The last frame, when kept.
    pub fn last(&self) -> Option<&Buffer> {
        self.keeping.then(|| self.shown.buffer())
    }
}

/// Into the alternate screen, bracketed paste on, cursor hidden.
pub fn enter() -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crossterm::queue!(
        out,
        // Colours reset first: a cleared screen takes the current background.
        crossterm::style::ResetColor,
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
        assert_eq!(clamp(200, 60), Size::new(200, 60));
        assert_eq!(clamp(70000, 5000), Size::new(240, 80));
        assert_eq!(clamp(u32::MAX, u32::MAX), Size::new(240, 80));
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

    #[test]
    fn a_whole_screen_leaves_a_client_where_the_changes_leave_the_others() {
        use ratatui::style::{Color, Style};
        let mut shared = ClientTerminal::new(Size::new(30, 6))
            .unwrap()
            .keeping_frames();
        let clock = |text: &'static str, color: Color| {
            move |frame: &mut Frame| {
                frame.render_widget(
                    Paragraph::new(format!("Sala\n▶ {text}")).style(Style::new().fg(color)),
                    frame.area(),
                )
            }
        };
        let mut early = vt100::Parser::new(6, 30, 0);
        early.process(&enter());
        shared.draw(clock("12:00", Color::Green)).unwrap();
        early.process(&shared.take());
        shared.draw(clock("12:01", Color::Yellow)).unwrap();
        early.process(&shared.take());
        // One that joins now gets the whole screen; then both take the
        // same changes.
        let mut late = vt100::Parser::new(6, 30, 0);
        late.process(&shared.whole());
        assert_eq!(
            early.screen().contents_formatted(),
            late.screen().contents_formatted()
        );
        shared.draw(clock("12:02", Color::Yellow)).unwrap();
        let change = shared.take();
        assert!(change.len() < 20, "{} bytes", change.len());
        early.process(&change);
        late.process(&change);
        assert!(late.screen().contents().contains("▶ 12:02"));
        assert_eq!(
            early.screen().contents_formatted(),
            late.screen().contents_formatted()
        );
        let cell = late.screen().cell(1, 6).unwrap();
        assert_eq!(cell.contents(), "2");
        assert_eq!(cell.fgcolor(), vt100::Color::Idx(3));
    }
}
