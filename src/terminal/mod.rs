//! The one terminal layer: frames into the bytes a terminal needs, for the
//! local terminal (`shell/local.rs`) and every SSH client alike, behind one small
//! interface ([`ClientTerminal`]: draw a frame, take its bytes). The views
//! only draw (`ui`); which cells changed is found here ([`changes`]) and
//! made into bytes ([`cells`]): styles said once, short cursor moves, blank
//! row ends erased, the pen carried from frame to frame. A frame where
//! nothing changed is no bytes at all, and each frame leaves as one write.
//! A client's terminal is a fixed viewport at the size the client said
//! (clamped): it is never asked anything (its size, its cursor).

pub mod cells;
mod changes;

use std::io;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::ui::canvas::{Canvas, Drew};
use crate::ui::kept::Drawn;

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

/// The backend ratatui's terminal is made with: it is never drawn through
/// (see [`ClientTerminal`]), only asked its size.
struct Remote {
    size: Size,
}

impl Backend for Remote {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, _: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> io::Result<()> {
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
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
///
/// A frame is drawn over the last one, on a buffer that keeps it: ratatui's
/// `Terminal::draw` blanks a whole buffer for every frame and leaves the
/// caller to compare every cell again, where a room clock's tick changes a
/// digit or two. Here the cells outside the last frame's regions are made
/// blank, the regions drawn the same are left as they are (`ui::kept`),
/// and only the rest is cleaned, compared and sent. ratatui's terminal
/// only hands out the frame ([`Terminal::get_frame`]): its buffers are
/// never swapped. A frame never shows the terminal's cursor (the editor
/// draws its own), as ratatui keeps the place a frame asks for to itself.
pub struct ClientTerminal {
    /// Its current buffer is the canvas: the last frame, drawn over.
    terminal: Terminal<Remote>,
    /// The screen is to be cleared with the next frame.
    cleared: bool,
    out: Vec<u8>,
    /// Where the client's terminal was left (pen and cursor).
    ink: cells::PenAndCursor,
    /// Whether the client's cursor shows.
    visible: bool,
    /// What the client's screen shows: the last frame. The next one is
    /// compared with it.
    shown: changes::Shown,
    /// Whether others may ask for the last frame (a shared drawing sends it
    /// whole to whoever joins or falls behind).
    keeping: bool,
    /// What the last frame drew as regions, when the canvas holds that
    /// frame and the next may leave them as they are (see `ui::kept`).
    drawn: Option<Drawn>,
}

impl ClientTerminal {
    pub fn new(size: Size) -> io::Result<ClientTerminal> {
        let area = Rect::new(0, 0, size.width, size.height);
        let terminal = Terminal::with_options(
            Remote { size },
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        Ok(ClientTerminal {
            terminal,
            cleared: false,
            out: Vec::new(),
            ink: cells::PenAndCursor::default(),
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
        self.cleared = true;
        Ok(())
    }

    /// The next frame is drawn whole (its previous one never reached the
    /// client), from a cleared screen, after [`enter`] (the cursor hidden).
    pub fn redraw_whole(&mut self) -> io::Result<()> {
        self.drawn = None;
        self.visible = false;
        self.ink = cells::PenAndCursor::default();
        self.cleared = true;
        Ok(())
    }

    /// Draws a frame over the last one, leaving the regions drawn the same
    /// as they are (see `ui::kept`), and sends only what changed. `render`
    /// is handed the canvas (the frame and its regions); it runs again, on
    /// a blank buffer, when what was left cannot be trusted. A room clock's
    /// second drawn alone (`Canvas::tick`) is compared alone.
    pub fn draw(&mut self, mut render: impl FnMut(&mut Canvas)) -> io::Result<()> {
        let mut last = self.drawn.take().filter(|_| !self.cleared);
        let compare = match render_on(&mut self.terminal, last.as_mut(), &mut render) {
            Drew::Ticked(changed) => Some(Compare::Only(changed)),
            Drew::Drawn(kept) => kept.finish().map(|(drawn, untouched)| {
                self.drawn = Some(drawn);
                Compare::AllBut(untouched)
            }),
            Drew::Spoiled => None,
        };
        let compare = match compare {
            // The last frame's record moved on with its clock.
            Some(Compare::Only(changed)) => {
                self.drawn = last;
                Compare::Only(changed)
            }
            Some(drawn) => drawn,
            // What was left cannot be trusted: drawn again, whole.
            None => {
                let whole = match render_on(&mut self.terminal, None, &mut render) {
                    Drew::Drawn(kept) => kept.finish(),
                    Drew::Ticked(_) | Drew::Spoiled => None,
                };
                self.drawn = whole.map(|(drawn, _)| drawn);
                Compare::AllBut(Vec::new())
            }
        };
        let canvas = self.terminal.current_buffer_mut();
        if std::mem::take(&mut self.cleared) {
            self.out.extend_from_slice(b"\x1b[0m\x1b[2J");
            self.ink = cells::PenAndCursor::default();
            self.shown = changes::Shown::new(canvas.area);
        }
        let changed = match &compare {
            Compare::Only(places) => self.shown.take_only(canvas, places),
            Compare::AllBut(untouched) => self.shown.take(canvas, untouched),
        };
        if !changed.is_empty() {
            cells::encode(canvas, changed, &mut self.out, &mut self.ink);
        }
        if self.visible {
            let _ = crossterm::queue!(self.out, crossterm::cursor::Hide);
            self.visible = false;
        }
        Ok(())
    }

    /// What was written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// Writes what was written since the last call to `sink`, in one
    /// `write`, keeping the room it took for the next frame.
    pub fn send_to(&mut self, sink: &mut impl io::Write) -> io::Result<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        let sent = sink.write_all(&self.out);
        self.out.clear();
        sent
    }

    /// The last frame as a whole screen, after [`enter`], for a client
    /// whose screen shows anything else (only when [`keeping_frames`](Self::keeping_frames)):
    /// it leaves that client's terminal as this one's, so the next changes
    /// suit both.
    pub fn whole(&self) -> Vec<u8> {
        let mut out = enter();
        let mut ink = cells::PenAndCursor::default();
        if let Some(last) = self.last() {
            let mut fresh = changes::Shown::new(last.area);
            let changed = fresh.take(last, &[]);
            cells::encode(last, changed, &mut out, &mut ink);
        }
        cells::settle(&mut out, &mut ink, self.ink);
        if self.visible {
            let _ = crossterm::queue!(out, crossterm::cursor::Show);
        }
        out
    }

    /// Where this terminal's client was left.
    pub fn ink(&self) -> cells::PenAndCursor {
        self.ink
    }

    /// Whether the client's cursor is hidden (as on every shared drawing).
    pub fn cursor_hidden(&self) -> bool {
        !self.visible
    }

    /// Takes `shown` as what the client's screen shows (it was sent by a
    /// shared drawing): the next frame is drawn on it, changes only.
    pub fn prime(&mut self, shown: &Buffer, ink: cells::PenAndCursor) -> io::Result<()> {
        self.cleared = false;
        self.shown.set(shown);
        // What it shows was drawn by another screen: no region of it is
        // this one's to leave as it is.
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

/// Which cells of a frame may differ from what the client shows.
enum Compare {
    /// Only these (a room clock's second drawn alone).
    Only(Vec<Rect>),
    /// Any but these (regions left as the last frame drew them).
    AllBut(Vec<Rect>),
}

/// One drawing of a frame on `terminal`'s canvas, which holds the last
/// frame, as `last` describes (`None`: nothing known of it).
fn render_on<'k>(
    terminal: &mut Terminal<Remote>,
    last: Option<&'k mut Drawn>,
    render: &mut impl FnMut(&mut Canvas),
) -> Drew<'k> {
    let mut frame = terminal.get_frame();
    let mut canvas = Canvas::over(&mut frame, last);
    render(&mut canvas);
    canvas.finish()
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

    /// `text` over the whole frame.
    fn paint(canvas: &mut Canvas, text: &'static str) {
        let area = canvas.area();
        canvas.render_widget(Paragraph::new(text), area);
    }

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
            move |frame: &mut Canvas| {
                let area = frame.area();
                frame.render_widget(
                    Paragraph::new(format!("Grupo 1 — Operaciones\n\n▶ {text}")),
                    area,
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
            .draw(|frame| paint(frame, "Grupo 3: acción"))
            .unwrap();
        let mut screen = vt100::Parser::new(6, 30, 0);
        screen.process(&terminal.take());
        assert!(screen.screen().contents().contains("Grupo 3: acción"));
        // Nothing changed: nothing sent.
        terminal
            .draw(|frame| paint(frame, "Grupo 3: acción"))
            .unwrap();
        assert!(terminal.take().is_empty());
        terminal.resize(Size::new(40, 8)).unwrap();
        terminal.redraw_whole().unwrap();
        terminal.draw(|frame| paint(frame, "otra")).unwrap();
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
            move |frame: &mut Canvas| {
                let area = frame.area();
                frame.render_widget(
                    Paragraph::new(format!("Sala\n▶ {text}")).style(Style::new().fg(color)),
                    area,
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
