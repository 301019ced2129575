//! Lines already wrapped, drawn straight into the frame's buffer.
//!
//! The group's list of inputs and the task and examples beside it are
//! wrapped by us before drawing, so ratatui's `Paragraph` has nothing left
//! to do but cut each line into graphemes and write them cell by cell. That
//! cut was the dearest part of a keystroke's frame: every character on the
//! screen went through the grapheme segmenter, though nearly all of them are
//! plain ASCII letters that are a grapheme each.
//!
//! `draw` writes exactly what `Paragraph::new(lines)` writes (same cells,
//! same symbols, same styles; a property test below holds it to that), but
//! lets a printable ASCII character followed by another one through without
//! asking the segmenter: between two such characters there is always a
//! grapheme boundary. Everything else (accents, emoji, controls, a `\r\n`)
//! is handed to ratatui's own segmentation, a run at a time.

use std::sync::Arc;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::rows::row_cells;

/// Draws `lines` from the top of `area`, each cut at its width, as
/// `Paragraph::new(lines)` would.
pub fn draw<'a, 'b: 'a>(
    buf: &mut Buffer,
    area: Rect,
    lines: impl IntoIterator<Item = &'a Line<'b>>,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    let lines: Vec<&Line> = lines.into_iter().take(area.height.into()).collect();
    // Where each line starts: a centred or right-aligned line needs its
    // width first. One cut at the area's edge is rare here: ratatui draws
    // those, as it cuts them in its own way.
    let mut starts = Vec::with_capacity(lines.len());
    for line in &lines {
        let start = match line.alignment {
            None | Some(Alignment::Left) => Some(0),
            Some(alignment) => walk(line, width, |_, _, _| {}).map(|used| match alignment {
                Alignment::Center => (width / 2).saturating_sub(used / 2),
                _ => width.saturating_sub(used),
            }),
        };
        let Some(start) = start else {
            let owned: Vec<Line> = lines.into_iter().cloned().collect();
            Paragraph::new(owned).render(area, buf);
            return;
        };
        starts.push(start);
    }
    for ((y, line), start) in (area.top()..area.bottom()).zip(lines).zip(starts) {
        let row = &mut row_cells(buf, area.x, y, area.width)[start..];
        walk(line, row.len(), |x, symbol, style| {
            row[x].set_symbol(symbol).set_style(style);
        });
    }
}

/// `Paragraph::new(lines).style(style)`: the area takes the style first,
/// as a header's or footer's band does, then the lines are drawn on it.
pub fn draw_on<'a, 'b: 'a>(
    buf: &mut Buffer,
    area: Rect,
    style: Style,
    lines: impl IntoIterator<Item = &'a Line<'b>>,
) {
    super::rows::style_area(buf, area, style);
    draw(buf, area, lines);
}

/// Lines drawn from an area's top, and what is laid over them: an input's
/// rows in a list, as a region of the frame (`kept`). The value is both
/// the drawing and its key: a region is drawn from it alone, and left as
/// it was when the last frame drew an equal one in the same place, so
/// whatever shows on the rows (the number, the text, its fields, who is
/// editing it, its flag, the selection, the language of all of it) is
/// compared, and nothing can be forgotten.
#[derive(Clone)]
pub struct Rows {
    /// Lines shared between frames: an input's wrapped text (`wrapped`),
    /// the same `Arc` while it is kept, so most frames compare an address.
    pub shared: Arc<[Line<'static>]>,
    /// Lines made for this frame, after them (who is editing it, its flag).
    pub own: Vec<Line<'static>>,
    /// Lines not shown, from the first (above the list's top).
    pub skip: usize,
    /// A style laid over every cell after the lines (the selection's band).
    pub band: Option<Style>,
    /// A mark in the top and in the bottom right-hand corner, drawn last
    /// (the list's "more above", "more below").
    pub corners: [Option<Span<'static>>; 2],
}

impl Rows {
    /// Draws the rows in `area`, on blank cells.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) {
        draw(
            buf,
            area,
            self.shared.iter().chain(&self.own).skip(self.skip),
        );
        if let Some(band) = self.band {
            buf.set_style(area, band);
        }
        if area.is_empty() {
            return;
        }
        let rows = [area.top(), area.bottom() - 1];
        for (mark, y) in self.corners.iter().zip(rows) {
            if let Some(mark) = mark {
                let corner = Rect::new(area.right() - 1, y, 1, 1);
                Paragraph::new(mark.content.clone())
                    .style(mark.style)
                    .render(corner, buf);
            }
        }
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        (Arc::ptr_eq(&self.shared, &other.shared) || self.shared == other.shared)
            && self.own == other.own
            && self.skip == other.skip
            && self.band == other.band
            && self.corners == other.corners
    }
}

/// A printable ASCII character: one grapheme, one cell, whatever surrounds
/// it, as long as what follows is one too.
fn plain(byte: u8) -> bool {
    (0x20..0x7f).contains(&byte)
}

/// One line laid out in a row of `max` cells: `put` is told each
/// grapheme's column, symbol and style. Cut where the next grapheme would
/// not fit (`None`), else the cells it took.
fn walk(line: &Line<'_>, max: usize, mut put: impl FnMut(usize, &str, Style)) -> Option<usize> {
    let mut x = 0;
    for span in &line.spans {
        let style = Style::default().patch(line.style).patch(span.style);
        let text = span.content.as_ref();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if plain(bytes[i]) && bytes.get(i + 1).is_none_or(|b| plain(*b)) {
                if x == max {
                    return None;
                }
                put(x, &text[i..=i], style);
                x += 1;
                i += 1;
                continue;
            }
            // A run up to the next boundary between two plain characters
            // (a char boundary too): ratatui's segmenter cuts it, as the
            // whole span would have been cut there.
            let mut end = i + 1;
            while end < bytes.len() && !(plain(bytes[end - 1]) && plain(bytes[end])) {
                end += 1;
            }
            for grapheme in Span::raw(&text[i..end]).styled_graphemes(Style::default()) {
                let width = usize::from(grapheme.symbol.cell_width());
                // As `Paragraph`: a grapheme wider than the line is left
                // out, one that no longer fits ends the line, and a
                // zero-width one takes no cell.
                if width > max {
                    continue;
                }
                if x + width > max {
                    return None;
                }
                if width == 0 {
                    continue;
                }
                put(x, grapheme.symbol, style);
                x += width;
            }
            i = end;
        }
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};

    /// Pieces of text where the fast path and the segmenter could part:
    /// accents precomposed and combining, a prepended mark before a plain
    /// letter, flags, ZWJ sequences, skin tones, wide letters, controls,
    /// `\r\n`, zero-width characters.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        " ",
        "~",
        ".",
        "ó",
        "o\u{301}",
        "n\u{303}",
        "\u{600}1",
        "\u{600}",
        "🇲🇽",
        "🇲",
        "👨\u{200D}👩\u{200D}👧",
        "\u{200D}",
        "👍\u{1F3FD}",
        "❤\u{FE0F}",
        "1\u{20E3}",
        "漢字",
        "\r\n",
        "\r",
        "\n",
        "\t",
        "\u{7f}",
        "\u{85}",
        "\u{200B}",
        "\u{202E}",
        "가",
        "\u{1100}\u{1161}",
        "é",
        "—",
        "…",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    fn style() -> impl Strategy<Value = Style> {
        (0..4u8).prop_map(|n| match n {
            0 => Style::default(),
            1 => Style::default().fg(Color::Yellow),
            2 => Style::default()
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            _ => Style::default().remove_modifier(Modifier::BOLD),
        })
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        let alignment = proptest::sample::select(vec![
            None,
            None,
            Some(Alignment::Left),
            Some(Alignment::Center),
            Some(Alignment::Right),
        ]);
        (
            proptest::collection::vec((text(), style()), 0..4),
            style(),
            alignment,
        )
            .prop_map(|(spans, style, alignment)| {
                let line = Line::from(
                    spans
                        .into_iter()
                        .map(|(text, style)| Span::styled(text, style))
                        .collect::<Vec<_>>(),
                )
                .style(style);
                match alignment {
                    Some(alignment) => line.alignment(alignment),
                    None => line,
                }
            })
    }

    /// A buffer already written on, as a frame is by the time a list is drawn.
    fn used(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (n, cell) in buf.content.iter_mut().enumerate() {
            let style = [
                Style::default().fg(Color::Red),
                Style::default()
                    .bg(Color::Green)
                    .add_modifier(Modifier::ITALIC),
                Style::default(),
                Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ][n % 4];
            cell.set_symbol(["x", "é", " "][n % 3]).set_style(style);
        }
        buf
    }

    proptest! {
        #[test]
        fn draws_what_a_paragraph_draws(
            lines in proptest::collection::vec(line(), 0..6),
            width in 1..30u16,
            height in 1..8u16,
            x in 0..3u16,
            band in style(),
        ) {
            let whole = Rect::new(0, 0, 34, 9);
            let area = Rect::new(x, 1, width, height);
            let mut expected = used(whole);
            Paragraph::new(lines.clone()).render(area, &mut expected);
            let mut drawn = used(whole);
            draw(&mut drawn, area, &lines);
            prop_assert_eq!(&drawn, &expected);
            let mut expected = used(whole);
            Paragraph::new(lines.clone()).style(band).render(area, &mut expected);
            let mut drawn = used(whole);
            draw_on(&mut drawn, area, band, &lines);
            prop_assert_eq!(drawn, expected);
        }
    }

    #[test]
    fn an_area_outside_the_buffer_draws_nothing_and_does_not_panic() {
        let mut buf = used(Rect::new(0, 0, 10, 3));
        let before = buf.clone();
        draw(&mut buf, Rect::new(20, 20, 5, 5), &[Line::from("hola")]);
        assert_eq!(buf, before);
        draw(&mut buf, Rect::new(8, 2, 5, 5), &[Line::from("canción")]);
        assert_eq!(buf[(8, 2)].symbol(), "c");
        assert_eq!(buf[(9, 2)].symbol(), "a");
    }

    #[test]
    fn centred_lines_are_drawn_as_a_paragraph_draws_them() {
        let lines = vec![
            Line::from("título").centered(),
            Line::from("a la izquierda"),
        ];
        let area = Rect::new(0, 0, 20, 2);
        let mut expected = used(area);
        Paragraph::new(lines.clone()).render(area, &mut expected);
        let mut drawn = used(area);
        draw(&mut drawn, area, &lines);
        assert_eq!(drawn, expected);
    }
}
