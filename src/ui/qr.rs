//! A QR code drawn with half blocks (`▀ ▄ █` and space): a cell holds two
//! modules one above the other, so a module is about as wide as it is tall
//! in a terminal's cells. What a glyph's foreground draws is the light
//! modules, in white on black: right on any terminal that shows colours,
//! and the right way round on a dark one that shows none (`NO_COLOR`), the
//! usual case for a projected terminal.
//!
//! A screen asks [`TerminalQr::scale_to_fit`] for the largest code its room
//! holds (each module `scale` columns wide and `scale` half rows tall), and
//! shows the address as text alone when the answer is `None`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::qr::Qr;

/// Two light modules around the code: a terminal has little room, and the
/// dark screen around it is not light. Scanners read it at this margin.
const QUIET: usize = 2;

/// A QR code ready for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalQr {
    qr: Qr,
}

impl TerminalQr {
    /// `None` when the text is too long for a QR code.
    pub fn new(text: &str) -> Option<TerminalQr> {
        Qr::new(text, QUIET).map(|qr| TerminalQr { qr })
    }

    /// The columns and rows the code takes at this scale (1 the smallest).
    pub fn size(&self, scale: u16) -> (u16, u16) {
        let side = self.qr.size() * usize::from(scale.max(1));
        let cells = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        (cells(side), cells(side.div_ceil(2)))
    }

    /// The largest scale whose code fits in `columns` × `rows`; `None` when
    /// even the smallest does not (then the address is shown as text).
    pub fn scale_to_fit(&self, columns: u16, rows: u16) -> Option<u16> {
        (1..=16).rev().find(|&scale| {
            let (w, h) = self.size(scale);
            w <= columns && h <= rows
        })
    }

    /// The code's rows of glyphs at this scale, each [`size`](Self::size)
    /// columns wide.
    pub fn lines(&self, scale: u16) -> Vec<String> {
        let scale = usize::from(scale.max(1));
        let side = self.qr.size() * scale;
        // A half row past the code's last (an odd count) is left dark.
        let light = |x: usize, y: usize| y < side && !self.qr.is_dark(x / scale, y / scale);
        (0..side.div_ceil(2))
            .map(|row| {
                (0..side)
                    .map(|x| match (light(x, 2 * row), light(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect()
    }

    /// [`lines`](Self::lines) in white on black, for a paragraph.
    pub fn styled_lines(&self, scale: u16) -> Vec<Line<'static>> {
        self.lines(scale)
            .into_iter()
            .map(|line| Line::styled(line, style()))
            .collect()
    }
}

fn style() -> Style {
    Style::default().fg(Color::White).bg(Color::Black)
}

/// Draws the code as large as it fits, centred in the area; nothing when it
/// does not fit at all (the screen has said the address as text).
impl Widget for &TerminalQr {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(scale) = self.scale_to_fit(area.width, area.height) else {
            return;
        };
        let (w, h) = self.size(scale);
        let x = area.x + (area.width - w) / 2;
        let y = area.y + (area.height - h) / 2;
        for (i, line) in self.lines(scale).iter().enumerate() {
            buf.set_string(x, y + i as u16, line, style());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "http://192.168.1.20:8080/";

    /// The light modules the glyphs of `lines` draw, back as a matrix.
    fn light_of(lines: &[String]) -> Vec<Vec<bool>> {
        let mut rows = Vec::new();
        for line in lines {
            let (top, bottom): (Vec<bool>, Vec<bool>) = line
                .chars()
                .map(|c| match c {
                    '█' => (true, true),
                    '▀' => (true, false),
                    '▄' => (false, true),
                    ' ' => (false, false),
                    other => panic!("{other:?} is no half block"),
                })
                .unzip();
            rows.push(top);
            rows.push(bottom);
        }
        rows
    }

    /// Which modules are light, each `scale` × `scale`.
    fn expected(qr: &Qr, scale: usize) -> Vec<Vec<bool>> {
        let side = qr.size() * scale;
        (0..side)
            .map(|y| {
                (0..side)
                    .map(|x| !qr.is_dark(x / scale, y / scale))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn two_modules_a_cell_light_drawn_and_the_code_read_back() {
        let shown = TerminalQr::new(LINK).unwrap();
        let qr = Qr::new(LINK, QUIET).unwrap();
        let lines = shown.lines(1);
        let (w, h) = shown.size(1);
        assert_eq!(lines.len(), usize::from(h));
        assert!(lines.iter().all(|l| l.chars().count() == usize::from(w)));
        assert_eq!(usize::from(w), qr.size());
        assert_eq!(light_of(&lines)[..qr.size()], expected(&qr, 1));
        // The first row is the quiet zone, light all along.
        assert!(lines[0].chars().all(|c| c == '█'));
    }

    #[test]
    fn a_larger_scale_makes_each_module_a_square_of_cells() {
        let shown = TerminalQr::new(LINK).unwrap();
        let qr = Qr::new(LINK, QUIET).unwrap();
        assert_eq!(light_of(&shown.lines(3))[..qr.size() * 3], expected(&qr, 3));
        let (w, h) = shown.size(1);
        assert_eq!(shown.scale_to_fit(w, h), Some(1));
        assert_eq!(shown.scale_to_fit(w - 1, h), None, "too narrow: text");
        assert_eq!(shown.scale_to_fit(w, h - 1), None, "too short: text");
        assert_eq!(shown.scale_to_fit(w * 2, h * 2), Some(2));
        assert_eq!(shown.scale_to_fit(w * 3, h * 2), Some(2));
    }

    #[test]
    fn the_widget_centres_the_largest_code_and_draws_nothing_when_too_small() {
        let shown = TerminalQr::new(LINK).unwrap();
        let (w, h) = shown.size(1);
        let area = Rect::new(0, 0, w + 4, h + 2);
        let mut buf = Buffer::empty(area);
        (&shown).render(area, &mut buf);
        let row: String = (0..area.width)
            .map(|x| buf[(x, 1)].symbol().to_string())
            .collect();
        assert_eq!(row, format!("  {}  ", shown.lines(1)[0]));
        assert_eq!(buf[(2, 1)].style().bg, Some(Color::Black));
        let small = Rect::new(0, 0, w - 1, h);
        let mut buf = Buffer::empty(small);
        (&shown).render(small, &mut buf);
        assert_eq!(buf, Buffer::empty(small));
    }
}
