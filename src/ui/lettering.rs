//! Letters as large as an area allows, for the room to read from the back.
//!
//! `tui-big-text` stops at 8 rows per character, so a projected clock at
//! 200×60 is no larger than at 160×45. Here each pixel of the 8×8 font
//! (the same `font8x8` glyphs `tui-big-text` draws) becomes a block of
//! whole cells, and half blocks (`▀` `▄`) give the vertical steps between
//! whole rows. Glyphs are trimmed to their ink, so a colon takes the width
//! of a colon, not of a digit.

use font8x8::{BASIC_FONTS, LATIN_FONTS, UnicodeFonts};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::rows::row_cells;

/// Blank pixels between two glyphs.
const SPACING: u16 = 1;
/// Every digit is this many pixels wide (the font's widest digit).
const DIGIT_WIDTH: usize = 7;
/// A space is this many pixels wide (the font's is all blank).
const SPACE_WIDTH: u16 = 4;
/// A pixel may be up to twice as tall as wide (the 7×7 digits then have the
/// proportions of a condensed typeface, as stage timers use), and up to 3:2
/// wider than tall: beyond that the digits look stretched.
const TALLEST: u16 = 2;
const WIDEST: (u16, u16) = (3, 2);

/// How big one font pixel is drawn, in half cells: `half_columns` wide and
/// `half_rows` tall. A terminal cell is about twice as tall as wide, so
/// `half_columns` twice `half_rows` gives square pixels. Odd numbers of
/// half columns draw with quadrant blocks (`▘` `▞` …), even ones with whole
/// and half-height blocks only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub half_columns: u16,
    pub half_rows: u16,
}

impl Scale {
    /// Each pixel a whole number of cells wide.
    pub const fn cells(columns: u16, half_rows: u16) -> Scale {
        Scale {
            half_columns: columns * 2,
            half_rows,
        }
    }

    /// How much area a pixel takes, to compare scales.
    pub fn weight(self) -> u32 {
        u32::from(self.half_columns) * u32::from(self.half_rows)
    }
}

/// A line of text laid out in font pixels, ready to draw at any scale.
#[derive(Debug, Clone)]
pub struct Lettering {
    /// The pixels, row after row, each row `width` long: one allocation,
    /// as a clock lays its text out every second.
    pixels: Vec<bool>,
    /// How many pixel rows.
    height: u16,
    width: u16,
    /// The font's first row drawn (rows above it have no ink in any glyph).
    top: u8,
    /// Each character and the pixel column where its glyph starts.
    starts: Vec<(char, u16)>,
}

impl Lettering {
    /// Lays out `text`; characters the font lacks are drawn as blanks.
    pub fn new(text: &str) -> Lettering {
        // Each character's pixel columns: digits keep one width whatever
        // their ink, so a running clock stays in place (only the digit that
        // changed is drawn again); a character the font lacks is a blank.
        let columns = |c: char, glyph: Option<[u8; 8]>| {
            let glyph = glyph?;
            Some(if c.is_ascii_digit() {
                (0, DIGIT_WIDTH - 1)
            } else {
                ink_columns(&glyph).unwrap_or((0, SPACE_WIDTH as usize - 1))
            })
        };
        let mut starts = Vec::with_capacity(text.len());
        let mut width = 0usize;
        // Bit `r`: some glyph has ink in font row `r`.
        let mut inked = 0u8;
        for (i, c) in text.chars().enumerate() {
            let glyph = glyph(c);
            if i > 0 {
                width += usize::from(SPACING);
            }
            starts.push((c, width as u16));
            width += match columns(c, glyph) {
                Some((left, right)) => right - left + 1,
                None => usize::from(SPACE_WIDTH),
            };
            for (row, bits) in glyph.iter().flatten().enumerate() {
                inked |= u8::from(*bits != 0) << row;
            }
        }
        // Only the rows with ink in some glyph: digits leave the last one blank.
        let top = (0..8).find(|&r| inked >> r & 1 == 1).unwrap_or(0);
        let bottom = (0..8).rev().find(|&r| inked >> r & 1 == 1).unwrap_or(0);
        let height = bottom - top + 1;
        let mut pixels = vec![false; height * width];
        for &(c, start) in &starts {
            let glyph = glyph(c);
            let (Some(glyph), Some((left, right))) = (glyph, columns(c, glyph)) else {
                continue;
            };
            for (row, bits) in glyph[top..=bottom].iter().enumerate() {
                let at = row * width + usize::from(start);
                for (pixel, column) in pixels[at..].iter_mut().zip(left..=right) {
                    *pixel = bits >> column & 1 == 1;
                }
            }
        }
        Lettering {
            pixels,
            height: height as u16,
            width: width as u16,
            top: top as u8,
            starts,
        }
    }

    /// The pixels of font row `row` (counted from `top`); none past the last.
    fn row(&self, row: usize) -> &[bool] {
        let width = usize::from(self.width);
        self.pixels
            .get(row * width..(row + 1) * width)
            .unwrap_or(&[])
    }

    /// Each character with the cells it is drawn in at `scale` (columns
    /// counted from the lettering's left, the blank before it included).
    /// `None` at a scale whose pixels are not whole cells wide
    /// (a cell there shows two characters).
    pub fn glyph_columns(&self, scale: Scale) -> Option<Vec<(char, std::ops::Range<u16>)>> {
        if !scale.half_columns.is_multiple_of(2) {
            return None;
        }
        let cells = scale.half_columns / 2;
        let ends = self
            .starts
            .iter()
            .skip(1)
            .map(|(_, start)| start - SPACING)
            .chain(std::iter::once(self.width));
        Some(
            self.starts
                .iter()
                .zip(ends)
                .enumerate()
                .map(|(i, (&(c, start), end))| {
                    let start = if i == 0 { start } else { start - SPACING };
                    (c, start * cells..end * cells)
                })
                .collect(),
        )
    }

    /// The font rows it takes: (first, how many).
    pub fn rows(&self) -> (u8, u8) {
        (self.top, self.height as u8)
    }

    /// The cells it takes at `scale`: (columns, rows).
    pub fn size(&self, scale: Scale) -> Size {
        let half_rows = self.height * scale.half_rows;
        let half_columns = self.width * scale.half_columns;
        Size::new(half_columns.div_ceil(2), half_rows.div_ceil(2))
    }

    /// The largest scale at which it fits in `area`, if any: the pixel's area
    /// is maximised within the stretch allowed, and the squarer pixel
    /// preferred among equals.
    pub fn largest_scale(&self, area: Size) -> Option<Scale> {
        if self.width == 0 {
            return None;
        }
        let max_columns = area.width / self.width;
        let max_half_rows = area.height.saturating_mul(2) / self.height.max(1);
        let (wide, narrow) = WIDEST;
        (1..=max_columns)
            .flat_map(|columns| {
                let shortest = (columns * narrow).div_ceil(wide).max(1);
                let tallest = (columns * TALLEST).min(max_half_rows);
                (shortest..=tallest).map(move |half_rows| Scale::cells(columns, half_rows))
            })
            .max_by_key(|s| {
                let columns = s.half_columns / 2;
                (s.weight(), std::cmp::Reverse(columns.abs_diff(s.half_rows)))
            })
    }

    /// A widget that draws it at `scale`, centred in the area it is given.
    pub fn at(&self, scale: Scale, style: Style) -> Lettered<'_> {
        Lettered {
            lettering: self,
            scale,
            style,
        }
    }
}

/// A lettering at a given scale, as a ratatui widget.
pub struct Lettered<'a> {
    lettering: &'a Lettering,
    scale: Scale,
    style: Style,
}

impl Lettered<'_> {
    /// Where its top left cell falls, centred in `area`.
    pub fn origin(&self, area: Rect) -> (u16, u16) {
        let size = self.lettering.size(self.scale);
        (
            area.x + area.width.saturating_sub(size.width) / 2,
            area.y + area.height.saturating_sub(size.height) / 2,
        )
    }

    /// Only its cells in `columns` (counted from its left), centred in
    /// `area` as the whole of it is.
    pub fn render_columns(&self, area: Rect, buf: &mut Buffer, columns: std::ops::Range<u16>) {
        self.each_block(area, buf, columns, None, |_, cell, block, _| {
            // Blank cells inside the letters take the letters' style too:
            // a terminal then gets no colour change between a block and a
            // space, only the characters.
            cell.set_symbol(QUARTERS[block]).set_style(self.style);
        });
    }

    /// [`render_columns`](Self::render_columns) on cells whatever they
    /// held: each is made what a blank cell drawn on becomes. A running
    /// clock's digit is every cell of its region, so the region is neither
    /// blanked first nor styled cell by cell: each cell is a copy of one of
    /// the sixteen made here (a fifth of a tick's instructions went to
    /// blanking, then setting each symbol and patching each style).
    pub fn fill_columns(&self, area: Rect, buf: &mut Buffer, columns: std::ops::Range<u16>) {
        let blocks = self.blocks();
        self.each_block(area, buf, columns, None, |_, cell, block, _| {
            cell.clone_from(&blocks[block]);
        });
    }

    /// [`fill_columns`](Self::fill_columns) on cells that show `before`
    /// there already (this lettering with another digit in `columns`,
    /// drawn at this scale and style): only the cells whose block differs
    /// are set. Returns the parts of the cells in `columns` left as they
    /// were, in bands of rows: a running clock's digit shares most of its
    /// strokes with the one before, and what is left is neither read nor
    /// compared again (the cells touched each second were most of a tick's
    /// cache misses).
    pub fn refill_columns(
        &self,
        before: &Lettering,
        area: Rect,
        buf: &mut Buffer,
        columns: std::ops::Range<u16>,
    ) -> Vec<Rect> {
        let laid_out = |lettering: &Lettering| (lettering.size(self.scale), lettering.rows());
        if laid_out(before) != laid_out(self.lettering) {
            self.fill_columns(area, buf, columns);
            return Vec::new();
        }
        let blocks = self.blocks();
        // By row: the first and last cell (from the columns' left) set.
        let mut changed: Vec<Option<(u16, u16)>> = Vec::new();
        let drawn = self.each_block(area, buf, columns, Some(before), |at, cell, block, was| {
            if was == Some(block) {
                return;
            }
            cell.clone_from(&blocks[block]);
            let (column, row) = (at.x, usize::from(at.y));
            if changed.len() <= row {
                changed.resize(row + 1, None);
            }
            let span = changed[row].get_or_insert((column, column));
            span.1 = column;
        });
        let Some(drawn) = drawn else {
            return Vec::new();
        };
        let mut left = Vec::new();
        let mut row = 0;
        while row < drawn.height {
            let span = |row: u16| changed.get(usize::from(row)).copied().flatten();
            let mut rows = 1;
            while row + rows < drawn.height && span(row + rows) == span(row) {
                rows += 1;
            }
            let band = Rect::new(drawn.x, drawn.y + row, drawn.width, rows);
            match span(row) {
                None => left.push(band),
                Some((first, last)) => {
                    left.push(Rect {
                        width: first,
                        ..band
                    });
                    left.push(Rect {
                        x: band.x + last + 1,
                        width: band.width - last - 1,
                        ..band
                    });
                }
            }
            row += rows;
        }
        left.retain(|part| !part.is_empty());
        left
    }

    /// What a blank cell becomes with each block drawn on it.
    fn blocks(&self) -> [Cell; 16] {
        std::array::from_fn(|block| {
            let mut cell = Cell::default();
            cell.set_symbol(QUARTERS[block]).set_style(self.style);
            cell
        })
    }

    /// `draw` on each of its cells in `columns` (counted from its left),
    /// centred in `area`: the cell's place (from the first one drawn), the
    /// cell, the block (an index in [`QUARTERS`]) it shows, and the block
    /// `before` (laid out as this one) shows there. Returns the cells drawn.
    fn each_block(
        &self,
        area: Rect,
        buf: &mut Buffer,
        columns: std::ops::Range<u16>,
        before: Option<&Lettering>,
        mut draw: impl FnMut(Position, &mut Cell, usize, Option<usize>),
    ) -> Option<Rect> {
        let size = self.lettering.size(self.scale);
        let (left, top) = self.origin(area);
        let Scale {
            half_columns,
            half_rows,
        } = self.scale;
        // Within the buffer, whatever the area says.
        let end = columns
            .end
            .min(size.width)
            .min(area.width)
            .min(buf.area.right().saturating_sub(left));
        if columns.start >= end {
            return None;
        }
        // A running clock draws a digit or two a second: the font column of
        // each half cell is worked out once, not for each of its rows.
        let font_columns: Vec<usize> = (columns.start * 2..end * 2)
            .map(|hx| usize::from(hx / half_columns))
            .collect();
        let rows = size
            .height
            .min(area.height)
            .min(buf.area.bottom().saturating_sub(top));
        // The font's pixel rows in a cell row's upper and lower half.
        fn halves(lettering: &Lettering, row: u16, half_rows: u16) -> (&[bool], &[bool]) {
            let pixels = |hy: u16| lettering.row(usize::from(hy / half_rows));
            (pixels(row * 2), pixels(row * 2 + 1))
        }
        let block = |(upper, lower): (&[bool], &[bool]), pair: &[usize]| {
            let ink = |pixels: &[bool], x: usize| usize::from(pixels.get(x) == Some(&true));
            let (l, r) = (pair[0], pair[1]);
            ink(upper, l) | ink(upper, r) << 1 | ink(lower, l) << 2 | ink(lower, r) << 3
        };
        for row in 0..rows {
            let now = halves(self.lettering, row, half_rows);
            let was = before.map(|before| halves(before, row, half_rows));
            let cells = row_cells(buf, left + columns.start, top + row, end - columns.start);
            for ((column, cell), pair) in (0..).zip(cells).zip(font_columns.chunks_exact(2)) {
                let was = was.map(|was| block(was, pair));
                draw(Position::new(column, row), cell, block(now, pair), was);
            }
        }
        Some(Rect::new(
            left + columns.start,
            top,
            end - columns.start,
            rows,
        ))
    }
}

impl Widget for Lettered<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = self.lettering.size(self.scale).width;
        self.render_columns(area, buf, 0..width);
    }
}

/// The block for each set of lit quarters: bit 0 top left, 1 top right,
/// 2 bottom left, 3 bottom right.
const QUARTERS: [&str; 16] = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
];

/// A paragraph set in large letters: whole words wrapped to the width, in
/// the largest letters at which all of it fits. `None` when it fits only in
/// ordinary text, or has characters the font lacks (then the caller draws
/// it as ordinary text, so no character is ever lost).
pub struct Paragraph {
    lines: Vec<Lettering>,
    scale: Scale,
}

/// Scales tried for a paragraph, largest first: past these, a text of a few
/// lines no longer fits a projected screen.
const PARAGRAPH_SCALES: [Scale; 4] = [
    Scale::cells(2, 3),
    Scale::cells(1, 2),
    Scale::cells(1, 1),
    // Quadrant blocks: a character in 4×4 cells, twice as many per line.
    Scale {
        half_columns: 1,
        half_rows: 1,
    },
];

impl Paragraph {
    pub fn fitting(text: &str, area: Size) -> Option<Paragraph> {
        let text: String = text.chars().map(plain_punctuation).collect();
        if text
            .chars()
            .any(|c| !c.is_whitespace() && glyph(c).is_none())
        {
            return None;
        }
        let words: Vec<(&str, u16)> = text
            .split_whitespace()
            .map(|word| (word, Lettering::new(word).width))
            .collect();
        if words.is_empty() {
            return None;
        }
        PARAGRAPH_SCALES.into_iter().find_map(|scale| {
            // The pixels a line may take at this scale; words are never
            // broken: a word wider than that sends the text to a smaller scale.
            let pixels = area.width.saturating_mul(2) / scale.half_columns;
            let lines: Vec<Lettering> = wrap_pixels(&words, pixels)?
                .iter()
                .map(|line| Lettering::new(line))
                .collect();
            let paragraph = Paragraph { lines, scale };
            (paragraph.height() <= area.height).then_some(paragraph)
        })
    }

    /// The rows it takes.
    pub fn height(&self) -> u16 {
        self.lines
            .iter()
            .map(|l| l.size(self.scale).height + 1)
            .sum::<u16>()
            .saturating_sub(1)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) {
        let top = area.y + area.height.saturating_sub(self.height()) / 2;
        let mut y = top;
        for line in &self.lines {
            let height = line.size(self.scale).height;
            let row = Rect::new(area.x, y, area.width, height).intersection(area);
            line.at(self.scale, style).render(row, buf);
            y += height + 1;
        }
    }
}

/// Words (with their widths in pixels) into lines of at most `pixels`,
/// each line as many words as fit, measured as the lettering draws them;
/// `None` when a word alone is wider.
fn wrap_pixels(words: &[(&str, u16)], pixels: u16) -> Option<Vec<String>> {
    // Between two words: a spacing, a space, a spacing.
    let gap = SPACE_WIDTH + 2 * SPACING;
    let mut lines: Vec<String> = Vec::new();
    let mut width = 0;
    for &(word, word_width) in words {
        if word_width > pixels {
            return None;
        }
        match lines.last_mut() {
            Some(line) if width + gap + word_width <= pixels => {
                line.push(' ');
                line.push_str(word);
                width += gap + word_width;
            }
            _ => {
                lines.push(word.to_string());
                width = word_width;
            }
        }
    }
    Some(lines)
}

/// Typographic punctuation the 8×8 font lacks, as the ASCII it stands for.
fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2013}' | '\u{2014}' => '-',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{2026}' => '.',
        other => other,
    }
}

fn glyph(c: char) -> Option<[u8; 8]> {
    if c == ' ' {
        return None;
    }
    BASIC_FONTS.get(c).or_else(|| LATIN_FONTS.get(c))
}

/// The leftmost and rightmost columns with ink (bit 0 is the left one).
fn ink_columns(glyph: &[u8; 8]) -> Option<(usize, usize)> {
    let all = glyph.iter().fold(0u8, |acc, row| acc | row);
    (all != 0).then(|| {
        (
            all.trailing_zeros() as usize,
            7 - all.leading_zeros() as usize,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, width: u16, height: u16) -> (Buffer, Option<Scale>) {
        let lettering = Lettering::new(text);
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        let scale = lettering.largest_scale(area.as_size());
        if let Some(scale) = scale {
            lettering.at(scale, Style::default()).render(area, &mut buf);
        }
        (buf, scale)
    }

    /// The span of the rows and columns that hold ink, first to last.
    fn extent(buf: &Buffer) -> (u16, u16) {
        let area = buf.area;
        let inked = |x: u16, y: u16| buf[(x, y)].symbol() != " ";
        let span = |hits: Vec<u16>| match (hits.first(), hits.last()) {
            (Some(first), Some(last)) => last - first + 1,
            _ => 0,
        };
        let rows = span(
            (0..area.height)
                .filter(|&y| (0..area.width).any(|x| inked(x, y)))
                .collect(),
        );
        let columns = span(
            (0..area.width)
                .filter(|&x| (0..area.height).any(|y| inked(x, y)))
                .collect(),
        );
        (columns, rows)
    }

    #[test]
    fn every_digit_is_as_wide_as_any_other_so_a_clock_stays_put() {
        let one = Scale::cells(1, 1);
        let widths: Vec<u16> = ["11:11", "00:00", "19:59", "47:38"]
            .iter()
            .map(|t| Lettering::new(t).size(one).width)
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{widths:?}");
    }

    #[test]
    fn a_colon_is_narrower_than_a_digit() {
        let digits = Lettering::new("00");
        let with_colon = Lettering::new("0:0");
        let one = Scale::cells(1, 1);
        // Two 7-pixel digits and a spacing; the colon adds 2 pixels and a spacing.
        assert_eq!(digits.size(one).width, 15);
        assert_eq!(with_colon.size(one).width, 15 + 2 + 1);
    }

    #[test]
    fn the_clock_grows_with_the_area() {
        let (_, small) = drawn("12:34", 80, 20);
        let (_, projector) = drawn("12:34", 156, 35);
        let (_, large) = drawn("12:34", 196, 50);
        let area = |s: Option<Scale>| s.map_or(0, Scale::weight);
        assert!(area(small) < area(projector), "{small:?} {projector:?}");
        assert!(area(projector) < area(large), "{projector:?} {large:?}");
    }

    #[test]
    fn the_lettering_fills_the_dimension_that_binds() {
        for (width, height) in [(156, 35), (196, 50), (100, 18), (120, 30), (200, 10)] {
            let (buf, scale) = drawn("+12:34", width, height);
            assert!(scale.is_some(), "{width}×{height}");
            let (columns, rows) = extent(&buf);
            let share =
                (f32::from(columns) / f32::from(width)).max(f32::from(rows) / f32::from(height));
            assert!(
                share >= 0.6,
                "{width}×{height}: {columns}×{rows} is {share:.2} of the area"
            );
        }
    }

    #[test]
    fn pixels_are_never_stretched_beyond_two_to_one_or_three_to_two() {
        for (width, height) in [(300, 5), (20, 60), (160, 45), (9, 4)] {
            if let (_, Some(s)) = drawn("00:00", width, height) {
                let columns = s.half_columns / 2;
                assert!(s.half_rows <= columns * 2, "{width}×{height}: {s:?}");
                assert!(columns * 2 <= s.half_rows * 3, "{width}×{height}: {s:?}");
            }
        }
    }

    #[test]
    fn too_small_an_area_gets_no_scale_and_nothing_panics() {
        for (width, height) in [(0, 0), (1, 1), (20, 3), (3, 20)] {
            let (buf, scale) = drawn("12:34", width, height);
            assert_eq!(scale, None, "{width}×{height}");
            assert_eq!(extent(&buf), (0, 0));
        }
        assert_eq!(Lettering::new("").largest_scale(Size::new(100, 100)), None);
    }

    #[test]
    fn accented_capitals_are_drawn() {
        let (buf, scale) = drawn("ÚLTIMO", 100, 20);
        assert!(scale.is_some());
        assert!(extent(&buf).0 > 50);
    }

    #[test]
    fn a_paragraph_takes_the_largest_letters_at_which_it_fits() {
        let short = Paragraph::fitting("Crear una plataforma regional", Size::new(156, 36));
        let short = short.expect("fits at 156×36");
        assert!(
            short.scale.weight() > Scale::cells(1, 1).weight(),
            "{:?}",
            short.scale
        );
        let text = "Crear una plataforma regional permanente para el intercambio de información";
        let wide = Paragraph::fitting(text, Size::new(156, 36)).expect("fits at 156×36");
        let narrow = Paragraph::fitting(text, Size::new(76, 16));
        assert!(narrow.is_none_or(|n| n.scale.weight() <= wide.scale.weight()));
        assert!(Paragraph::fitting(text, Size::new(30, 4)).is_none());
        // A character the font lacks sends the text to ordinary letters.
        assert!(Paragraph::fitting("Acción 🌎", Size::new(156, 36)).is_none());
        assert!(Paragraph::fitting("Acción — “regional”", Size::new(156, 36)).is_some());
    }

    #[test]
    fn quadrant_blocks_set_two_pixels_in_a_cell_each_way() {
        let lettering = Lettering::new("8");
        let quadrant = Scale {
            half_columns: 1,
            half_rows: 1,
        };
        // A digit is 7 pixels across (all digits alike) and "8" 7 down: 4 cells by 4.
        assert_eq!(lettering.size(quadrant), Size::new(4, 4));
        let area = Rect::new(0, 0, 4, 4);
        let mut buf = Buffer::empty(area);
        lettering
            .at(quadrant, Style::default())
            .render(area, &mut buf);
        let symbols: String = (0..4)
            .flat_map(|y| (0..4).map(move |x| (x, y)))
            .map(|p| buf[p].symbol().to_string())
            .collect();
        assert!(
            symbols.contains(['▘', '▝', '▖', '▗', '▌', '▐', '▞', '▚']),
            "{symbols}"
        );
    }

    #[test]
    fn half_rows_give_the_steps_between_whole_rows() {
        let lettering = Lettering::new("8");
        let odd = Scale::cells(1, 1);
        let area = Rect::new(0, 0, 10, 10);
        let mut buf = Buffer::empty(area);
        lettering.at(odd, Style::default()).render(area, &mut buf);
        let symbols: String = (0..10)
            .flat_map(|y| (0..10).map(move |x| (x, y)))
            .map(|p| buf[p].symbol().to_string())
            .collect();
        assert!(symbols.contains('▀') || symbols.contains('▄'), "{symbols}");
    }
}
