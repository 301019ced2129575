//! Which cells of a new frame differ from what a terminal shows, as
//! ratatui's own diff says, for a fraction of its cost.
//!
//! ratatui's `Buffer::diff` asks every cell its display width and compares
//! it field by field, its symbol through a call to `memcmp`: at 200×60 that
//! cost as much as drawing the frame, though a keystroke changes a few
//! rows. Here each cell of the new frame is read once into a [`CellPrint`]: a
//! few numbers that are equal exactly when the cells are. The prints of
//! what is shown are kept from the last frame, so finding what changed is
//! comparing numbers. Then each row is sorted:
//!
//! - a row where every cell, before and after, is one cell wide and drawn
//!   as it is: the diff of such a row is the cells that differ, so those
//!   are taken straight;
//! - any other row (wide or zero-width characters, skipped or forced
//!   cells, symbols too long for a print) goes to ratatui's diff, so how
//!   wide characters and their trailing cells are sent stays ratatui's
//!   decision. The diff carries state from a cell into the next ones only
//!   as far as that cell is wide; a row with a cell reaching past its end
//!   (a wide character in the last column) is diffed together with the
//!   rows it reaches into, and a special cell (whose width is ratatui's
//!   to reckon) sends the rest of the frame to ratatui's diff. Frames never
//!   hold one: text is cut where a character no longer fits.
//!
//! A property test below holds the result to ratatui's diff of the whole
//! buffer.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Color;

use crate::ui::row_columns::RowColumns;
use crate::ui::rows::rows_range;

/// What a terminal shows: the last frame sent, and its cells' prints.
pub struct Shown {
    buffer: Buffer,
    prints: Vec<CellPrint>,
    widths: Widths,
    /// By row: every print held is one cell wide and drawn as it is. The
    /// columns a frame keeps from the last are then not read again at all
    /// (a running room clock keeps nearly the whole screen).
    narrow_rows: Vec<bool>,
    /// The last frame's changes, and a row's columns: kept to be filled
    /// again, as a tick allocates nothing it need not.
    changed: Vec<(u16, u16)>,
    columns: Vec<usize>,
    /// The cells a tick changed, and their prints (see
    /// [`take_only`](Shown::take_only)).
    found: Vec<(usize, CellPrint)>,
}

impl Shown {
    /// An empty screen of this area.
    pub fn new(area: Rect) -> Shown {
        let mut shown = Shown {
            buffer: Buffer::empty(Rect::ZERO),
            prints: Vec::new(),
            widths: Widths::default(),
            narrow_rows: Vec::new(),
            changed: Vec::new(),
            columns: Vec::new(),
            found: Vec::new(),
        };
        shown.set(&Buffer::empty(area));
        shown
    }

    /// The last frame.
    pub fn buffer(&self) -> &Buffer {
        &self.buffer
    }

    /// Takes `buffer` as what the screen shows (it was sent otherwise).
    pub fn set(&mut self, buffer: &Buffer) {
        self.buffer.clone_from(buffer);
        let widths = &mut self.widths;
        self.prints = buffer
            .content
            .iter()
            .map(|cell| CellPrint::of(cell, widths))
            .collect();
        // Not known until a frame has read them.
        self.narrow_rows = vec![false; usize::from(buffer.area.height)];
    }

    /// The cells of `next` that differ from what is shown, in ratatui's
    /// diff order; what is shown becomes `next` (equal cell for cell, as
    /// `Cell` compares them). A frame of another area is compared with an
    /// empty screen of its area.
    ///
    /// The cells in `same` are known to be what is shown (they were copied
    /// from it) and are not read again.
    pub fn take(&mut self, next: &Buffer, same: &[Rect]) -> &[(u16, u16)] {
        if self.buffer.area != next.area {
            *self = Shown::new(next.area);
        }
        let mut changed = std::mem::take(&mut self.changed);
        changed.clear();
        // Of the row being read, the columns that differ, and those known
        // to be the same.
        let mut columns = std::mem::take(&mut self.columns);
        let skipped = RowColumns::new(same.to_vec(), next.area);
        // Rows for ratatui's diff, not yet diffed: a run grows while a row
        // reaches into the next.
        let mut pending: Option<Range<u16>> = None;
        // Rows still reached by a cell of a row above.
        let mut carried: usize = 0;
        for y in 0..next.area.height {
            let cells = rows_range(next, y..y + 1);
            columns.clear();
            let narrow_row = &mut self.narrow_rows[usize::from(y)];
            let row = Row::read(
                &mut self.prints[cells.clone()],
                (
                    &self.buffer.content[cells.clone()],
                    &next.content[cells.clone()],
                ),
                &mut self.widths,
                &mut columns,
                (skipped.on_row(next.area.y + y), *narrow_row),
            );
            *narrow_row = row.narrow_now;
            if carried == 0 && (row.narrow || (columns.is_empty() && row.reaches == 0)) {
                if let Some(rows) = pending.take() {
                    self.diff_rows(next, rows, &mut changed);
                }
                for &x in &columns {
                    self.buffer.content[cells.start + x].clone_from(&next.content[cells.start + x]);
                    changed.push((next.area.x + x as u16, next.area.y + y));
                }
            } else {
                pending.get_or_insert(y..y).end = y + 1;
            }
            carried = row.reaches.max(carried.saturating_sub(1));
        }
        if let Some(rows) = pending {
            self.diff_rows(next, rows, &mut changed);
        }
        self.columns = columns;
        self.changed = changed;
        &self.changed
    }

    /// [`take`](Self::take) for a frame that differs from what is shown in
    /// the cells of `only` at most (a room clock's second, drawn alone):
    /// only those are read. That is the diff when every cell shown is
    /// narrow and drawn as it is, and every new one too (a wide cell
    /// changes the diff of the cells after it, a special one is in every
    /// diff): else the whole frame is compared.
    pub fn take_only(&mut self, next: &Buffer, only: &[Rect]) -> &[(u16, u16)] {
        let area = next.area;
        let width = usize::from(area.width);
        if self.buffer.area != area || !self.narrow_rows.iter().all(|narrow| *narrow) {
            return self.take(next, &[]);
        }
        let inside = only
            .iter()
            .map(|rect| rect.intersection(area))
            .filter(|rect| !rect.is_empty());
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        for rect in inside {
            for y in rect.top()..rect.bottom() {
                let row = usize::from(y - area.y) * width;
                for x in rect.left()..rect.right() {
                    let at = row + usize::from(x - area.x);
                    if same_cell(&next.content[at], &self.buffer.content[at]) {
                        continue;
                    }
                    let print = CellPrint::of(&next.content[at], &mut self.widths);
                    if !print.narrow() {
                        self.found = found;
                        return self.take(next, &[]);
                    }
                    found.push((at, print));
                }
            }
        }
        // In the diff's order, each cell once.
        found.sort_unstable_by_key(|(at, _)| *at);
        found.dedup_by_key(|(at, _)| *at);
        let mut changed = std::mem::take(&mut self.changed);
        changed.clear();
        for &(at, print) in &found {
            self.buffer.content[at].clone_from(&next.content[at]);
            self.prints[at] = print;
            changed.push((area.x + (at % width) as u16, area.y + (at / width) as u16));
        }
        self.found = found;
        self.changed = changed;
        &self.changed
    }

    /// These rows (counted from the area's top) through ratatui's diff.
    fn diff_rows(&mut self, next: &Buffer, rows: Range<u16>, changed: &mut Vec<(u16, u16)>) {
        let cells = rows_range(next, rows.clone());
        let part = |buffer: &Buffer| Buffer {
            area: Rect::new(
                next.area.x,
                next.area.y + rows.start,
                next.area.width,
                rows.end - rows.start,
            ),
            content: buffer.content[cells.clone()].to_vec(),
        };
        changed.extend(
            part(&self.buffer)
                .diff(&part(next))
                .iter()
                .map(|(x, y, _)| (*x, *y)),
        );
        self.buffer.content[cells.clone()].clone_from_slice(&next.content[cells]);
    }
}

/// What one pass over a row finds.
struct Row {
    /// Every cell, before and after, is one cell wide and drawn as it is:
    /// the columns that differ are the row's diff.
    narrow: bool,
    /// Every cell after is.
    narrow_now: bool,
    /// How many rows after this one a cell (before or after) reaches
    /// into: none for nearly every row; all of them for a cell whose width
    /// is ratatui's to reckon.
    reaches: usize,
}

impl Row {
    /// Reads the new row `is` into `prints` (which held the shown row
    /// `was`'s) and notes in `columns` where they differ.
    /// The columns in `same` (in order) are as shown: their prints stand,
    /// and are not read again when the row's prints were all narrow (a
    /// narrow cell neither widens the row's diff nor reaches past it).
    fn read(
        prints: &mut [CellPrint],
        (was, is): (&[Cell], &[Cell]),
        widths: &mut Widths,
        columns: &mut Vec<usize>,
        (same, same_narrow): (&[Range<usize>], bool),
    ) -> Row {
        let room = prints.len();
        let mut row = Row {
            narrow: true,
            narrow_now: true,
            reaches: 0,
        };
        let mut x = 0;
        for kept in same.iter().chain(std::iter::once(&(room..room))) {
            let start = kept.start.clamp(x, room);
            let end = kept.end.clamp(start, room);
            for at in x..start {
                let old = prints[at];
                // A cell drawn again as it was (most of a big digit's, when
                // the next digit shares its strokes) keeps its print: one
                // comparison instead of reading it into numbers.
                if !old.special() && same_cell(&is[at], &was[at]) {
                    row.note(at, room, old);
                    row.narrow_now &= old.narrow();
                    continue;
                }
                let new = CellPrint::of(&is[at], widths);
                row.note(at, room, old);
                row.note(at, room, new);
                row.narrow_now &= new.narrow();
                if new != old || new.special() {
                    columns.push(at);
                }
                prints[at] = new;
            }
            if !same_narrow {
                for (at, print) in prints.iter().enumerate().take(end).skip(start) {
                    row.note(at, room, *print);
                    row.narrow_now &= print.narrow();
                }
            }
            x = end;
        }
        row
    }

    /// A cell (before or after) at column `x` of a row `room` wide.
    #[inline]
    fn note(&mut self, x: usize, room: usize, print: CellPrint) {
        let cells = print.cells();
        self.narrow &= print.narrow();
        if print.special() {
            self.reaches = usize::MAX;
        } else if x + cells > room {
            self.reaches = self.reaches.max((x + cells - room).div_ceil(room));
        }
    }
}

/// `is == was`, as `Cell`'s `==` says, told in place: the styles first,
/// then the symbol's bytes one by one. Most of a redrawn digit's cells are
/// as they were, and `==` called out to compare them and out again to
/// `memcmp` for symbols of one to three bytes.
#[inline]
fn same_cell(is: &Cell, was: &Cell) -> bool {
    #[allow(deprecated)]
    let skip = is.skip == was.skip;
    let (a, b) = (is.symbol().as_bytes(), was.symbol().as_bytes());
    is.fg == was.fg
        && is.bg == was.bg
        && is.underline_color == was.underline_color
        && is.modifier == was.modifier
        && is.diff_option == was.diff_option
        && skip
        && a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A cell as numbers: two prints are equal exactly when their cells are
/// (as `Cell`'s `==` says), unless either is [special](CellPrint::special).
#[derive(Clone, Copy, PartialEq, Eq)]
struct CellPrint {
    /// The symbol's bytes, and its length in the top byte.
    symbol: u64,
    /// Foreground and background.
    colors: u64,
    /// Underline colour, modifiers, the cell's width, and whether it is
    /// special.
    rest: u64,
}

impl CellPrint {
    const SPECIAL: u64 = 1 << 63;
    /// Where the width is, in `rest`.
    const WIDTH_SHIFT: u32 = 48;

    /// Only `diff_option` says a cell is skipped: ratatui's deprecated
    /// `skip` flag is not read, as nothing here or in the widgets used
    /// sets it (`set_diff_option(CellDiffOption::Skip)` replaced it).
    #[inline]
    fn of(cell: &Cell, widths: &mut Widths) -> CellPrint {
        let symbol = cell.symbol();
        let plain = cell.diff_option == CellDiffOption::None;
        // Nearly every cell: one printable ASCII character, drawn as it is.
        let (key, cells) = match symbol.as_bytes() {
            [byte] if plain && (0x20..0x7f).contains(byte) => (u64::from(*byte) | 1 << 56, Some(1)),
            bytes => match symbol_key(bytes) {
                Some(key) if plain => (key, widths.of(key, symbol)),
                key => (key.unwrap_or(0), None),
            },
        };
        let rest = u64::from(color(cell.underline_color))
            | u64::from(cell.modifier.bits()) << 32
            | match cells {
                Some(cells) => u64::from(cells) << CellPrint::WIDTH_SHIFT,
                None => CellPrint::SPECIAL,
            };
        CellPrint {
            symbol: key,
            colors: u64::from(color(cell.fg)) | u64::from(color(cell.bg)) << 32,
            rest,
        }
    }

    /// A cell skipped, always updated or of a forced width, or a symbol
    /// too long or too wide for a print: its row goes to ratatui's diff.
    fn special(self) -> bool {
        self.rest & CellPrint::SPECIAL != 0
    }

    /// One cell wide and drawn as it is.
    fn narrow(self) -> bool {
        self.cells() == 1 && !self.special()
    }

    /// How many cells it takes (none said for a special one, which counts
    /// as reaching to the end of the frame).
    fn cells(self) -> usize {
        (self.rest >> CellPrint::WIDTH_SHIFT) as usize & 0xff
    }
}

/// A symbol of up to seven bytes (any one character is) as a number: its
/// bytes, and its length in the top byte. Longer ones have none.
fn symbol_key(bytes: &[u8]) -> Option<u64> {
    if let [byte] = bytes {
        return Some(u64::from(*byte) | 1 << 56);
    }
    if bytes.len() > 7 {
        return None;
    }
    // Byte by byte: a copy of a few bytes of unknown length is a call to
    // `memcpy`, for most of a big digit's cells.
    let key = bytes
        .iter()
        .rev()
        .fold(0u64, |key, byte| key << 8 | u64::from(*byte));
    Some(key | (bytes.len() as u64) << 56)
}

/// A colour as a number, one for each colour. The terminal's own colour,
/// which most cells have, is told without the table.
#[inline]
fn color(color: Color) -> u32 {
    if color == Color::Reset {
        return 0;
    }
    let named = |n: u32| n << 24;
    match color {
        Color::Reset => named(0),
        Color::Black => named(1),
        Color::Red => named(2),
        Color::Green => named(3),
        Color::Yellow => named(4),
        Color::Blue => named(5),
        Color::Magenta => named(6),
        Color::Cyan => named(7),
        Color::Gray => named(8),
        Color::DarkGray => named(9),
        Color::LightRed => named(10),
        Color::LightGreen => named(11),
        Color::LightYellow => named(12),
        Color::LightBlue => named(13),
        Color::LightMagenta => named(14),
        Color::LightCyan => named(15),
        Color::White => named(16),
        Color::Rgb(r, g, b) => named(17) | u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b),
        Color::Indexed(i) => named(18) | u32::from(i),
    }
}

/// Cell widths of symbols, as the diff reckons them: a printable ASCII
/// character is one cell; the few other symbols frames have (borders,
/// accents, blocks) repeat, and are looked up in Unicode's tables once.
#[derive(Default)]
struct Widths {
    /// By symbol key; a small table, each key in one place.
    known: Vec<(u64, u8)>,
    /// The last symbol looked up: a big digit's cells are runs of one.
    last: Option<(u64, u8)>,
}

impl Widths {
    const SLOTS: usize = 64;

    /// `None`: wider than a print holds.
    fn of(&mut self, key: u64, symbol: &str) -> Option<u8> {
        if let Some((last, cells)) = self.last
            && last == key
        {
            return Some(cells);
        }
        if self.known.is_empty() {
            self.known = vec![(u64::MAX, 0); Widths::SLOTS];
        }
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize;
        let (known, cells) = self.known[slot];
        if known == key {
            self.last = Some((key, cells));
            return Some(cells);
        }
        let cells = u8::try_from(symbol.cell_width()).ok()?;
        self.known[slot] = (key, cells);
        self.last = Some((key, cells));
        Some(cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Style};
    use std::num::NonZeroU16;

    /// Symbols where widths and the diff's trailing cells matter: plain,
    /// accented, wide, emoji with VS16, zero-width, a space.
    const SYMBOLS: &[&str] = &[
        " ",
        "a",
        "b",
        "ó",
        "─",
        "█",
        "漢",
        "字",
        "⚠️",
        "⌨️",
        "👍",
        "\u{200B}",
        "",
        // Several cells in one symbol: two wide letters, seven narrow ones
        // (a print's longest), and nine bytes (too long for a print).
        "漢字",
        "abcdefg",
        "\u{FF76}\u{FF9E}\u{FF9E}",
    ];

    fn cell() -> impl Strategy<Value = Cell> {
        (
            0..SYMBOLS.len(),
            0u8..4,
            0u8..3,
            prop::bool::ANY,
            0u8..12,
            1u16..10,
        )
            .prop_map(|(symbol, fg, bg, reversed, option, forced)| {
                let mut cell = Cell::new(SYMBOLS[symbol]);
                let colors = [Color::Reset, Color::Red, Color::Green, Color::Indexed(200)];
                let mut style = Style::new()
                    .fg(colors[usize::from(fg)])
                    .bg(colors[usize::from(bg)]);
                if reversed {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                cell.set_style(style);
                match option {
                    0 => cell.set_diff_option(CellDiffOption::Skip),
                    1 => cell.set_diff_option(CellDiffOption::AlwaysUpdate),
                    2 => cell.set_diff_option(CellDiffOption::ForcedWidth(
                        NonZeroU16::new(forced).unwrap(),
                    )),
                    _ => &mut cell,
                };
                cell
            })
    }

    /// Three frames of one size, each a few edits away from the one
    /// before (as frames are), or all new.
    fn frames() -> impl Strategy<Value = [Buffer; 3]> {
        (1u16..9, 1u16..7).prop_flat_map(|(width, height)| {
            let cells = usize::from(width) * usize::from(height);
            let change = move || {
                (
                    prop::collection::vec((0..cells, cell()), 0..12),
                    prop::bool::weighted(0.1),
                    prop::collection::vec(cell(), cells),
                )
            };
            (prop::collection::vec(cell(), cells), change(), change()).prop_map(
                move |(first, one, two)| {
                    let area = Rect::new(3, 2, width, height);
                    let first = Buffer {
                        area,
                        content: first,
                    };
                    let after = |before: &Buffer, (edits, all_new, fresh): (Vec<(usize, Cell)>, bool, Vec<Cell>)| {
                        let mut next = if all_new {
                            Buffer {
                                area,
                                content: fresh,
                            }
                        } else {
                            before.clone()
                        };
                        for (at, cell) in edits {
                            next.content[at] = cell;
                        }
                        next
                    };
                    let second = after(&first, one);
                    let third = after(&second, two);
                    [first, second, third].map(within)
                },
            )
        })
    }

    /// ratatui's diff itself indexes past the buffer for a cell reaching
    /// past the buffer's end; frames never hold one (text is cut where a
    /// character no longer fits), so neither do these.
    fn within(mut frame: Buffer) -> Buffer {
        let cells = frame.content.len();
        for (at, cell) in frame.content.iter_mut().enumerate() {
            if at + usize::from(cell.cell_width()) > cells {
                *cell = Cell::new("z");
            }
        }
        frame
    }

    fn positions(diff: Vec<(u16, u16, &Cell)>) -> Vec<(u16, u16)> {
        diff.iter().map(|(x, y, _)| (*x, *y)).collect()
    }

    proptest! {
        #[test]
        fn the_changes_are_ratatuis_diff_of_the_whole_frame([first, second, third] in frames()) {
            let mut shown = Shown::new(first.area);
            shown.set(&first);
            prop_assert_eq!(shown.take(&second, &[]), positions(first.diff(&second)));
            // What is shown now is the new frame, prints and all: the
            // next frame is compared with it.
            prop_assert_eq!(shown.buffer(), &second);
            prop_assert_eq!(shown.take(&third, &[]), positions(second.diff(&third)));
            prop_assert_eq!(shown.buffer(), &third);
        }

        #[test]
        fn cells_known_the_same_are_skipped_rightly(
            [first, second, _] in frames(),
            copies in prop::collection::vec((0u16..9, 0u16..7, 0u16..9, 0u16..7), 0..4),
        ) {
            // Rects of the new frame copied from the old one, as kept
            // regions are, and said to be the same.
            let area = first.area;
            let mut next = second;
            let same: Vec<Rect> = copies
                .into_iter()
                .map(|(x, y, w, h)| Rect::new(area.x + x, area.y + y, w, h).intersection(area))
                .collect();
            for rect in &same {
                for y in rect.top()..rect.bottom() {
                    for x in rect.left()..rect.right() {
                        next[(x, y)] = first[(x, y)].clone();
                    }
                }
            }
            let next = within(next);
            let same: Vec<Rect> = same
                .into_iter()
                .filter(|rect| {
                    (rect.top()..rect.bottom()).all(|y| {
                        (rect.left()..rect.right()).all(|x| next[(x, y)] == first[(x, y)])
                    })
                })
                .collect();
            let mut shown = Shown::new(area);
            shown.set(&first);
            prop_assert_eq!(shown.take(&next, &same), positions(first.diff(&next)));
            prop_assert_eq!(shown.buffer(), &next);
            // The same after a frame was read (not set): rows found narrow
            // then are not read again where they are kept.
            let mut shown = Shown::new(area);
            prop_assert_eq!(shown.take(&first, &[]), positions(Buffer::empty(area).diff(&first)));
            prop_assert_eq!(shown.take(&next, &same), positions(first.diff(&next)));
            prop_assert_eq!(shown.buffer(), &next);
        }

        #[test]
        fn changes_said_to_be_in_places_are_ratatuis_diff(
            [first, second, _] in frames(),
            places in prop::collection::vec((0u16..9, 0u16..7, 0u16..9, 0u16..7), 0..4),
        ) {
            // A frame that differs from the first only in these places
            // (a clock's tick: its digits and its words).
            let area = first.area;
            let places: Vec<Rect> = places
                .into_iter()
                .map(|(x, y, w, h)| Rect::new(area.x + x, area.y + y, w, h).intersection(area))
                .collect();
            let mut next = first.clone();
            for rect in &places {
                for y in rect.top()..rect.bottom() {
                    for x in rect.left()..rect.right() {
                        next[(x, y)] = second[(x, y)].clone();
                    }
                }
            }
            let next = within(next);
            let mut shown = Shown::new(area);
            prop_assert_eq!(shown.take(&first, &[]), positions(Buffer::empty(area).diff(&first)));
            prop_assert_eq!(shown.take_only(&next, &places), positions(first.diff(&next)));
            prop_assert_eq!(shown.buffer(), &next);
            // And again from there, the prints kept right.
            prop_assert_eq!(shown.take_only(&first, &places), positions(next.diff(&first)));
            prop_assert_eq!(shown.buffer(), &first);
        }

        #[test]
        fn equal_prints_are_equal_cells(a in cell(), b in cell()) {
            let mut widths = Widths::default();
            let (one, other) = (CellPrint::of(&a, &mut widths), CellPrint::of(&b, &mut widths));
            if !one.special() && !other.special() {
                prop_assert_eq!(one == other, a == b);
            }
        }
    }

    #[test]
    fn a_frame_of_another_size_is_drawn_whole() {
        let mut shown = Shown::new(Rect::new(0, 0, 2, 1));
        let next = Buffer::with_lines(["xyz", "123"]);
        assert_eq!(shown.take(&next, &[]).len(), 6);
        assert_eq!(shown.buffer(), &next);
    }

    #[test]
    fn an_unchanged_frame_has_no_changes() {
        let next = Buffer::with_lines(["Grupo 1", "acción"]);
        let mut shown = Shown::new(next.area);
        shown.set(&next);
        assert!(shown.take(&next, &[]).is_empty());
    }
}
