//! The changed cells of a frame as the few bytes a client's terminal needs:
//! a style is said only when it changes (one SGR sequence for all of it),
//! the cursor moves the shortest way (written next to, a few columns on,
//! down a row, or to a place), and a row that ends blank is erased to its
//! end in three bytes. What the terminal shows is the same as with
//! crossterm's backend (colours are the same 256-colour numbers).
//!
//! What the client's terminal is left at (its pen and cursor, a [`PenAndCursor`])
//! carries from one frame to the next, so a clock's tick does not say its
//! colours again. A shared drawing brings a client that got the whole
//! screen to the same ink as those that got the change ([`settle`]), so the
//! same bytes go on to all of them.

use std::io::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

/// The terminal's pen: what the next printed character looks like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    modifier: Modifier::empty(),
};

impl Pen {
    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// A blank cell as an erased one looks: a space, no colour, no attribute.
fn is_erased(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell) == PLAIN
}

/// `█` with pen `pen` looks like a space with `pen`'s reverse video flipped:
/// the whole cell in one colour. That space is one byte where `█` is three,
/// so a clock's big digits are written with it where it looks the same on
/// every terminal: the colour is one of the screen's own (the terminal's
/// default colours may not swap exactly), nothing else is drawn on the
/// cell (underline, strike-through, hidden, blink, dim or italic would show
/// on one and not the other), and bold is not on one of the eight colours
/// a terminal may brighten for bold text. The space's pen, when so.
fn as_space(cell: &Cell) -> Option<Pen> {
    if cell.symbol() != "█" {
        return None;
    }
    let pen = Pen::of(cell);
    if pen
        .modifier
        .intersects(!(Modifier::BOLD | Modifier::REVERSED))
    {
        return None;
    }
    let shown = if pen.modifier.contains(Modifier::REVERSED) {
        pen.bg
    } else {
        pen.fg
    };
    let brightened = |color: Color| match color {
        Color::Indexed(n) => n < 8,
        Color::Black
        | Color::Red
        | Color::Green
        | Color::Yellow
        | Color::Blue
        | Color::Magenta
        | Color::Cyan
        | Color::Gray => true,
        _ => false,
    };
    if shown == Color::Reset || (pen.modifier.contains(Modifier::BOLD) && brightened(shown)) {
        return None;
    }
    Some(Pen {
        modifier: pen.modifier ^ Modifier::REVERSED,
        ..pen
    })
}

/// How many bytes the SGR sequence from `from` to `to` takes (counted,
/// not written: weighing a run of blocks allocated nothing).
fn pen_cost(from: Pen, to: Pen) -> usize {
    let mut count = Count(0);
    let mut pen = from;
    set_pen(&mut count, &mut pen, to);
    count.0
}

/// Where [`set_pen`] puts its bytes: the output, or a count of them.
trait Sink {
    fn put(&mut self, bytes: &[u8]);
    fn len(&self) -> usize;
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    fn len(&self) -> usize {
        Vec::len(self)
    }
}

/// Bytes counted, not kept.
struct Count(usize);

impl Sink for Count {
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }

    fn len(&self) -> usize {
        self.0
    }
}

/// Where a client's terminal was left: its pen, and its cursor if known.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PenAndCursor {
    pen: Pen,
    cursor: Option<(u16, u16)>,
}

impl Default for PenAndCursor {
    /// A terminal just reset: plain pen, cursor wherever.
    fn default() -> PenAndCursor {
        PenAndCursor {
            pen: PLAIN,
            cursor: None,
        }
    }
}

impl PenAndCursor {
    /// The cursor was put at `at`.
    pub fn cursor_at(&mut self, at: (u16, u16)) {
        self.cursor = Some(at);
    }
}

/// Brings a terminal left at `ink` to `to`: the pen, and the cursor if
/// `to` knows where it is.
pub fn settle(out: &mut Vec<u8>, ink: &mut PenAndCursor, to: PenAndCursor) {
    set_pen(out, &mut ink.pen, to.pen);
    match to.cursor {
        Some((x, y)) if ink.cursor != to.cursor => {
            let _ = write!(out, "\x1b[{};{}H", y + 1, x + 1);
            ink.cursor = to.cursor;
        }
        Some(_) => {}
        None => ink.cursor = None,
    }
}

/// Writes the cells at `changed` (row by row, left to right, as ratatui's
/// diff gives them) of `buffer` to `out`, on a terminal left at `ink`.
pub fn encode(buffer: &Buffer, changed: &[(u16, u16)], out: &mut Vec<u8>, ink: &mut PenAndCursor) {
    encode_runs(buffer, changed, out, ink, true);
}

/// [`encode`], with `repeat`: a cell written right after one that looks
/// the same (a run of a big digit's blocks, a blank band) is the same
/// bytes again. Every choice for a cell (its pen, a block or a space,
/// erasing the row) is the same for the cell next to it that looks the
/// same, so this only spares working it out again, at most of a tick's
/// cells; a test holds the bytes to those of `repeat` off.
fn encode_runs(
    buffer: &Buffer,
    changed: &[(u16, u16)],
    out: &mut Vec<u8>,
    ink: &mut PenAndCursor,
    repeat: bool,
) {
    let area = buffer.area;
    let PenAndCursor {
        mut pen,
        mut cursor,
    } = *ink;
    // A row erased to its end: its later changed cells are written already.
    let mut erased_from: Option<(u16, u16)> = None;
    // The cell written last and the bytes that wrote it, while the cursor
    // is right after it.
    let mut written: Option<(&Cell, &[u8])> = None;
    let mut i = 0;
    while i < changed.len() {
        let (x, y) = changed[i];
        i += 1;
        if erased_from.is_some_and(|(ex, ey)| ey == y && x >= ex) {
            continue;
        }
        let Some(cell) = buffer.cell((x, y)) else {
            continue;
        };
        if let Some((was, bytes)) = written
            && repeat
            && cursor == Some((x, y))
            && looks_the_same(cell, was)
        {
            out.extend_from_slice(bytes);
            cursor = (x + 1 < area.right()).then_some((x + 1, y));
            continue;
        }
        written = None;
        // The rest of the row is blank, and more than one of its cells
        // changed: erase it rather than write spaces over it.
        if is_erased(cell) {
            let in_row = changed[i..].iter().take_while(|(_, cy)| *cy == y).count();
            if in_row >= 1 && rest_is_erased(buffer, x, y) {
                move_to(out, &mut cursor, (x, y), buffer, pen);
                set_pen(out, &mut pen, PLAIN);
                out.extend_from_slice(b"\x1b[K");
                erased_from = Some((x, y));
                continue;
            }
        }
        move_to(out, &mut cursor, (x, y), buffer, pen);
        let bytes: &[u8] = match as_space(cell) {
            Some(space) if space_is_cheaper(buffer, changed, i, pen, Pen::of(cell), space) => {
                set_pen(out, &mut pen, space);
                b" "
            }
            _ => {
                set_pen(out, &mut pen, Pen::of(cell));
                cell.symbol().as_bytes()
            }
        };
        out.extend_from_slice(bytes);
        // One column on, unless the symbol may not be one column wide on
        // the client (then the next cell says where it is), or it filled
        // the last column (the terminal then waits to wrap).
        let next = x + 1;
        cursor = (one_column(cell.symbol()) && next < area.right()).then_some((next, y));
        written = cursor.is_some().then_some((cell, bytes));
    }
    *ink = PenAndCursor { pen, cursor };
}

/// Whether two cells print alike: the symbol and the pen (what
/// [`encode`] writes of a cell).
#[inline]
fn looks_the_same(cell: &Cell, other: &Cell) -> bool {
    let (a, b) = (cell.symbol().as_bytes(), other.symbol().as_bytes());
    // Byte by byte: a symbol is a few bytes, and `==` called `memcmp`.
    cell.fg == other.fg
        && cell.bg == other.bg
        && cell.modifier == other.modifier
        && a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Whether the block at `changed[at - 1]` and the same blocks changed right
/// after it on its row cost fewer bytes as spaces in reverse video (pen
/// `space`) than as `█` (pen `solid`), from the pen `pen` and on to the
/// pen of the cell written after them.
fn space_is_cheaper(
    buffer: &Buffer,
    changed: &[(u16, u16)],
    at: usize,
    pen: Pen,
    solid: Pen,
    space: Pen,
) -> bool {
    if pen == space {
        return true;
    }
    let (x, y) = changed[at - 1];
    // Within a run that went as blocks: the rest of it goes so too (it is
    // shorter), without weighing it again at every cell.
    let left_of = at.checked_sub(2).map(|before| changed[before]);
    let in_run = left_of.is_some_and(|(lx, ly)| {
        ly == y
            && lx + 1 == x
            && buffer
                .cell((lx, ly))
                .is_some_and(|c| as_space(c) == Some(space))
    });
    if pen == solid && in_run {
        return false;
    }
    let mut run = 1;
    let mut next = None;
    for &(cx, cy) in &changed[at..] {
        let cell = buffer.cell((cx, cy));
        if cy == y && cx == x + run && cell.is_some_and(|c| as_space(c) == Some(space)) {
            run += 1;
            continue;
        }
        // A block of the same pen next takes its own way (then, likely this one's).
        next = cell.filter(|c| as_space(c) != Some(space)).map(Pen::of);
        break;
    }
    let run = usize::from(run);
    let after = |from: Pen| next.map_or(0, |to| pen_cost(from, to));
    pen_cost(pen, space) + run + after(space) < pen_cost(pen, solid) + 3 * run + after(solid)
}

/// Whether every cell from `x` to the row's end is blank.
fn rest_is_erased(buffer: &Buffer, x: u16, y: u16) -> bool {
    (x..buffer.area.right()).all(|cx| buffer.cell((cx, y)).is_some_and(is_erased))
}

/// Whether a terminal surely moves one column on after printing `symbol`.
fn one_column(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii() => !c.is_ascii_control(),
        // Box drawing and block elements (the big digits), one column
        // each: told without the width tables, as they are most of a tick.
        (Some('\u{2500}'..='\u{259F}'), None) => true,
        (Some(_), None) => textwrap::core::display_width(symbol) == 1,
        _ => false,
    }
}

/// A short escape sequence or run of bytes, built on the stack: a tick of
/// the room's clock moves the cursor and changes the pen a few hundred
/// times, and formatting each candidate way into a new `Vec` through
/// `write!` was a tenth of a tick's instructions (callgrind). Holds at most
/// `Way::ROOM` bytes; one that would not fit is [too long](Way::fits) and is
/// never taken.
#[derive(Clone, Copy)]
struct Way {
    bytes: [u8; Way::ROOM],
    len: usize,
}

impl Way {
    const ROOM: usize = 32;

    fn new() -> Way {
        Way {
            bytes: [0; Way::ROOM],
            len: 0,
        }
    }

    fn push(&mut self, bytes: &[u8]) -> &mut Way {
        match self.bytes.get_mut(self.len..self.len + bytes.len()) {
            Some(room) => {
                room.copy_from_slice(bytes);
                self.len += bytes.len();
            }
            None => self.len = usize::MAX,
        }
        self
    }

    /// A number in decimal, as `write!` says it.
    fn number(&mut self, n: u16) -> &mut Way {
        let mut digits = [0u8; 5];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[at..])
    }

    fn fits(&self) -> bool {
        self.len <= Way::ROOM
    }

    fn len(&self) -> usize {
        self.len
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len.min(Way::ROOM)]
    }
}

/// Moves the cursor to `to` the shortest way: the unchanged cells between
/// (when they look as the pen writes and are few), forward a few columns,
/// down rows from the start of one, or a position.
fn move_to(
    out: &mut Vec<u8>,
    cursor: &mut Option<(u16, u16)>,
    to: (u16, u16),
    buffer: &Buffer,
    pen: Pen,
) {
    // Most changed cells follow the one written before: nothing to say.
    if *cursor == Some(to) {
        return;
    }
    let (x, y) = to;
    let mut place = Way::new();
    place
        .push(b"\x1b[")
        .number(y.saturating_add(1))
        .push(b";")
        .number(x.saturating_add(1))
        .push(b"H");
    let Some((cx, cy)) = *cursor else {
        out.extend_from_slice(place.as_bytes());
        *cursor = Some(to);
        return;
    };
    let mut best = place;
    let mut try_way = |way: Way| {
        if way.fits() && way.len() < best.len() {
            best = way;
        }
    };
    if cy == y && x > cx {
        let gap = x - cx;
        // Writing the cells between again, when they look as the pen
        // writes: one byte each.
        if gap <= 4 {
            let mut between = Way::new();
            let same = (cx..x).all(|bx| {
                let Some(cell) = buffer.cell((bx, y)) else {
                    return false;
                };
                if as_space(cell) == Some(pen) {
                    between.push(b" ");
                    return true;
                }
                let plain =
                    Pen::of(cell) == pen && cell.symbol().len() == 1 && one_column(cell.symbol());
                if plain {
                    between.push(cell.symbol().as_bytes());
                }
                plain
            });
            if same {
                try_way(between);
            }
        }
        try_way(*forward(&mut Way::new(), gap));
    }
    if y > cy {
        let mut way = Way::new();
        way.push(b"\r");
        let down = y - cy;
        if down <= 3 {
            for _ in 0..down {
                way.push(b"\n");
            }
        } else {
            way.push(b"\x1b[").number(down).push(b"B");
        }
        if x > 0 {
            forward(&mut way, x);
        }
        try_way(way);
        // Straight down, then sideways: the next row of a clock's digit.
        let mut way = Way::new();
        if down == 1 {
            way.push(b"\x1b[B");
        } else {
            way.push(b"\x1b[").number(down).push(b"B");
        }
        match x.cmp(&cx) {
            std::cmp::Ordering::Less => {
                back(&mut way, cx - x);
            }
            std::cmp::Ordering::Greater => {
                forward(&mut way, x - cx);
            }
            std::cmp::Ordering::Equal => {}
        }
        try_way(way);
    }
    if cy == y && x < cx {
        try_way(*back(&mut Way::new(), cx - x));
    }
    out.extend_from_slice(best.as_bytes());
    *cursor = Some(to);
}

/// Backspaces for a few columns (one byte each), else a move left.
fn back(way: &mut Way, columns: u16) -> &mut Way {
    if columns <= 4 {
        for _ in 0..columns {
            way.push(b"\x08");
        }
        way
    } else {
        way.push(b"\x1b[").number(columns).push(b"D")
    }
}

fn forward(way: &mut Way, columns: u16) -> &mut Way {
    if columns == 1 {
        way.push(b"\x1b[C")
    } else {
        way.push(b"\x1b[").number(columns).push(b"C")
    }
}

/// Says the new pen in one SGR sequence, only what differs. Written
/// straight into `out`, codes and all (see [`Way`] for why).
fn set_pen<S: Sink>(out: &mut S, pen: &mut Pen, to: Pen) {
    if *pen == to {
        return;
    }
    if to == PLAIN {
        out.put(b"\x1b[0m");
        *pen = to;
        return;
    }
    out.put(b"\x1b[");
    let opened = out.len();
    // Each code after the first follows a `;`.
    let code = |out: &mut S, code: &[u8]| {
        if out.len() > opened {
            out.put(b";");
        }
        out.put(code);
    };
    let removed = pen.modifier - to.modifier;
    let added = to.modifier - pen.modifier;
    let mut fresh = added;
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        // Bold and dim end together: what stays is said again.
        code(out, b"22");
        fresh |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    for (modifier, off) in [
        (Modifier::ITALIC, b"23"),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::REVERSED, b"27"),
        (Modifier::HIDDEN, b"28"),
        (Modifier::CROSSED_OUT, b"29"),
    ] {
        if removed.contains(modifier) {
            code(out, off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        code(out, b"25");
        fresh |= to.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    for (modifier, on) in [
        (Modifier::BOLD, b"1"),
        (Modifier::DIM, b"2"),
        (Modifier::ITALIC, b"3"),
        (Modifier::UNDERLINED, b"4"),
        (Modifier::SLOW_BLINK, b"5"),
        (Modifier::RAPID_BLINK, b"6"),
        (Modifier::REVERSED, b"7"),
        (Modifier::HIDDEN, b"8"),
        (Modifier::CROSSED_OUT, b"9"),
    ] {
        if fresh.contains(modifier) {
            code(out, on);
        }
    }
    if to.fg != pen.fg {
        code(out, color(to.fg, 38).as_bytes());
    }
    if to.bg != pen.bg {
        code(out, color(to.bg, 48).as_bytes());
    }
    out.put(b"m");
    *pen = to;
}

/// A colour as the terminal takes it: the 256-colour number crossterm
/// sends, in its shortest form.
fn color(color: Color, base: u8) -> Way {
    let mut way = Way::new();
    let index = match color {
        Color::Reset => return *way.number(u16::from(base) + 1),
        Color::Rgb(r, g, b) => {
            way.number(base.into()).push(b";2;");
            way.number(r.into()).push(b";").number(g.into()).push(b";");
            return *way.number(b.into());
        }
        Color::Indexed(n) => n,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    match index {
        // The eight bright ones have short codes of their own (90–97,
        // 100–107), the same palette entries; the first eight keep the
        // 256-colour form, which no terminal brightens for bold.
        8..=15 => *way.number(u16::from(index - 8 + if base == 38 { 90 } else { 100 })),
        _ => *way.number(base.into()).push(b";5;").number(index.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn box_drawing_and_blocks_are_one_column_as_the_width_tables_say() {
        for c in '\u{2500}'..='\u{259F}' {
            let symbol = c.to_string();
            assert_eq!(textwrap::core::display_width(&symbol), 1, "{c}");
            assert!(one_column(&symbol), "{c}");
        }
    }
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{Paragraph, Widget};

    /// What `before` then the change to `after` look like on a terminal,
    /// cell by cell, next to `after` drawn on a fresh one.
    fn shown(before: &Buffer, after: &Buffer) -> (vt100::Parser, usize) {
        let area = after.area;
        let mut screen = vt100::Parser::new(area.height, area.width, 0);
        let blank = Buffer::empty(area);
        let mut bytes = Vec::new();
        let mut ink = PenAndCursor::default();
        encode(before, &diff(&blank, before), &mut bytes, &mut ink);
        screen.process(&bytes);
        let mut change = Vec::new();
        encode(after, &diff(before, after), &mut change, &mut ink);
        screen.process(&change);
        (screen, change.len())
    }

    fn diff(before: &Buffer, after: &Buffer) -> Vec<(u16, u16)> {
        before
            .diff(after)
            .iter()
            .map(|(x, y, _)| (*x, *y))
            .collect()
    }

    fn same(screen: &vt100::Parser, buffer: &Buffer) {
        let area = buffer.area;
        for y in 0..area.height {
            for x in 0..area.width {
                let cell = &buffer[(x, y)];
                let got = screen.screen().cell(y, x).unwrap();
                if got.is_wide_continuation() {
                    continue;
                }
                let want = cell.symbol();
                let got_symbol = if got.contents().is_empty() {
                    " "
                } else {
                    got.contents()
                };
                assert_eq!(got_symbol, want, "symbol at {x},{y}");
                assert_eq!(
                    got.bold(),
                    cell.modifier.contains(Modifier::BOLD),
                    "{x},{y}"
                );
                assert_eq!(
                    got.inverse(),
                    cell.modifier.contains(Modifier::REVERSED),
                    "{x},{y}"
                );
                assert_eq!(got.fgcolor(), vt(cell.fg), "fg at {x},{y}");
                assert_eq!(got.bgcolor(), vt(cell.bg), "bg at {x},{y}");
            }
        }
    }

    fn vt(color: Color) -> vt100::Color {
        match color {
            Color::Reset => vt100::Color::Default,
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            Color::Indexed(n) => vt100::Color::Idx(n),
            other => {
                let code = super::color(other, 38);
                let code: u8 = std::str::from_utf8(code.as_bytes())
                    .unwrap()
                    .rsplit(';')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                vt100::Color::Idx(if code >= 90 { code - 90 + 8 } else { code })
            }
        }
    }

    fn drawn(width: u16, height: u16, lines: Vec<Line<'static>>) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        Paragraph::new(lines).render(buffer.area, &mut buffer);
        buffer
    }

    /// A frame of a few symbols and pens, so that runs of cells alike
    /// are common, as in a big digit.
    fn frame(width: u16, height: u16) -> impl Strategy<Value = Buffer> {
        let cells = usize::from(width) * usize::from(height);
        prop::collection::vec((0usize..4, 0usize..3, 0usize..2, 0u8..8), cells).prop_map(
            move |cells| {
                let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
                for (at, (symbol, fg, bg, modifier)) in cells.into_iter().enumerate() {
                    let fg = [Color::Reset, Color::LightGreen, Color::Indexed(2)][fg];
                    let bg = [Color::Reset, Color::Black][bg];
                    buffer.content[at]
                        .set_symbol([" ", "█", "a", "ó"][symbol])
                        .set_style(
                            Style::new()
                                .fg(fg)
                                .bg(bg)
                                .add_modifier(Modifier::from_bits_truncate(u16::from(modifier))),
                        );
                }
                buffer
            },
        )
    }

    proptest! {
        #[test]
        fn runs_are_the_bytes_of_each_cell_alone(
            (before, after) in (1u16..12, 1u16..5)
                .prop_flat_map(|(width, height)| (frame(width, height), frame(width, height)))
        ) {
            let blank = Buffer::empty(after.area);
            let write = |repeat: bool| {
                let mut bytes = Vec::new();
                let mut ink = PenAndCursor::default();
                encode_runs(&before, &diff(&blank, &before), &mut bytes, &mut ink, repeat);
                encode_runs(&after, &diff(&before, &after), &mut bytes, &mut ink, repeat);
                (bytes, ink)
            };
            prop_assert_eq!(write(true), write(false));
        }
    }

    #[test]
    fn a_change_shows_what_a_whole_drawing_shows() {
        let before = drawn(
            30,
            5,
            vec![
                Line::from(vec![
                    Span::styled("Grupo 3 ", Style::new().bold()),
                    Span::styled("acción común", Style::new().fg(Color::Yellow)),
                ]),
                Line::from("▶ 12:34 ████ restante larga línea"),
                Line::from(Span::styled("  seleccionado  ", Style::new().reversed())),
                Line::from("fin"),
            ],
        );
        let after = drawn(
            30,
            5,
            vec![
                Line::from(vec![
                    Span::styled("Grupo 3 ", Style::new().bold().underlined()),
                    Span::styled(
                        "acciÓn",
                        Style::new().fg(Color::Rgb(1, 2, 3)).bg(Color::Blue),
                    ),
                ]),
                Line::from("▶ 12:35 ████"),
                Line::from(Span::styled("  seleccionado  ", Style::new().italic())),
                Line::from(""),
                Line::from(Span::styled(
                    "nuevo 日本",
                    Style::new().fg(Color::DarkGray).bg(Color::LightCyan),
                )),
            ],
        );
        let (screen, _) = shown(&before, &after);
        same(&screen, &after);
        // And back: styles taken off, rows grown again.
        let (screen, _) = shown(&after, &before);
        same(&screen, &before);
    }

    #[test]
    fn a_clock_tick_is_a_few_bytes() {
        let clock = |text: &str| {
            drawn(
                80,
                24,
                vec![
                    Line::from(""),
                    Line::from(format!("   Grupo 1 — Operaciones   ▶ {text}   restante")),
                ],
            )
        };
        let (screen, bytes) = shown(&clock("12:34"), &clock("12:35"));
        same(&screen, &clock("12:35"));
        // A position (8 bytes) and one digit.
        assert!(bytes <= 10, "{bytes} bytes");
    }

    #[test]
    fn a_big_digit_goes_down_its_rows_without_coming_back_to_the_margin() {
        let digit = |rows: [&str; 4]| {
            drawn(
                80,
                6,
                rows.iter()
                    .map(|row| Line::styled(format!("{:>64}", row), Style::new().bold()))
                    .collect(),
            )
        };
        let before = digit(["████  ", "  ██  ", "  ██  ", "██████"]);
        let after = digit(["██████", "    ██", "  ██  ", "██    "]);
        let (screen, bytes) = shown(&before, &after);
        same(&screen, &after);
        assert!(bytes <= 60, "{bytes} bytes");
    }

    /// What a person sees in a cell: a cell of one colour all over (a
    /// block, or a space, in either video), or a character with its looks.
    #[derive(PartialEq, Debug)]
    enum Look {
        Solid(vt100::Color),
        Glyph(String, vt100::Color, vt100::Color, [bool; 4]),
    }

    fn look(
        symbol: &str,
        (fg, bg): (vt100::Color, vt100::Color),
        [bold, italic, underline, inverse]: [bool; 4],
    ) -> Look {
        let (front, back) = if inverse { (bg, fg) } else { (fg, bg) };
        let low = |c: vt100::Color| matches!(c, vt100::Color::Idx(n) if n < 8);
        let solid = match symbol {
            "█" => Some(front),
            " " | "" => Some(back),
            _ => None,
        };
        match solid {
            // Bold may brighten the eight first colours; underline and
            // italic draw on the cell.
            Some(color) if !(underline || italic || (bold && low(color))) => Look::Solid(color),
            _ => Look::Glyph(
                symbol.to_string(),
                fg,
                bg,
                [bold, italic, underline, inverse],
            ),
        }
    }

    /// Every cell of the screen looks as the buffer's does.
    fn looks_the_same(screen: &vt100::Parser, buffer: &Buffer) {
        let area = buffer.area;
        for y in 0..area.height {
            for x in 0..area.width {
                let cell = &buffer[(x, y)];
                let got = screen.screen().cell(y, x).unwrap();
                let m = cell.modifier;
                let want = look(
                    cell.symbol(),
                    (vt(cell.fg), vt(cell.bg)),
                    [
                        m.contains(Modifier::BOLD),
                        m.contains(Modifier::ITALIC),
                        m.contains(Modifier::UNDERLINED),
                        m.contains(Modifier::REVERSED),
                    ],
                );
                let seen = look(
                    got.contents(),
                    (got.fgcolor(), got.bgcolor()),
                    [got.bold(), got.italic(), got.underline(), got.inverse()],
                );
                assert_eq!(seen, want, "at {x},{y}");
            }
        }
    }

    /// A clock's big digits, as the room's lettering draws them: pixels of
    /// 2×2 cells of `█`, `pixels` rows of `#` and blanks.
    fn big(width: u16, height: u16, pixels: &[&str], style: Style) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        Line::from("Sala — plenaria").render(Rect::new(0, 0, width, 1), &mut buffer);
        for (row, line) in pixels.iter().enumerate() {
            for (column, pixel) in line.chars().enumerate() {
                for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                    let at = (6 + 2 * column as u16 + dx, 2 + 2 * row as u16 + dy);
                    let symbol = if pixel == '#' { "█" } else { " " };
                    buffer[at].set_symbol(symbol).set_style(style);
                }
            }
        }
        buffer
    }

    const TWELVE_34: [&str; 5] = [
        " #  ###  #  ### #  #",
        "##    #     #   #  #",
        " #  ###     ### ####",
        " #  #    #    #    #",
        "### ###     ###    #",
    ];
    const TWELVE_35: [&str; 5] = [
        " #  ###  #  ### ####",
        "##    #     #   #   ",
        " #  ###     ### ####",
        " #  #    #    #    #",
        "### ###     ### ####",
    ];

    #[test]
    fn a_big_digit_is_written_with_one_byte_blocks_where_they_look_the_same() {
        let digits = Style::new().fg(Color::LightGreen).bold();
        let before = big(60, 14, &TWELVE_34, digits);
        let after = big(60, 14, &TWELVE_35, digits);
        let (screen, _) = shown(&before, &after);
        looks_the_same(&screen, &after);
        // The long runs of blocks go as spaces (a short one between blanks
        // costs more in switching video than it saves).
        let cells = after.content.iter().filter(|c| c.symbol() == "█").count();
        let mut whole = Vec::new();
        let blank = Buffer::empty(after.area);
        encode(
            &after,
            &diff(&blank, &after),
            &mut whole,
            &mut PenAndCursor::default(),
        );
        let blocks = String::from_utf8_lossy(&whole).matches('█').count();
        assert!(
            blocks * 2 < cells,
            "{blocks} of {cells} blocks written as such"
        );
        let (_, bytes) = shown(&before, &after);
        // As `█`, the same change took 105 bytes.
        assert!(bytes <= 75, "{bytes} bytes");
        // And in reverse video, on a colour: the blocks are the background.
        let reversed = Style::new()
            .fg(Color::Indexed(208))
            .bg(Color::Blue)
            .reversed();
        let (screen, _) = shown(
            &big(60, 14, &TWELVE_34, reversed),
            &big(60, 14, &TWELVE_35, reversed),
        );
        looks_the_same(&screen, &big(60, 14, &TWELVE_35, reversed));
    }

    #[test]
    fn a_block_stays_a_block_where_a_space_would_look_otherwise() {
        for style in [
            // The terminal's own colours, which need not swap exactly.
            Style::new().bold(),
            // Bold may brighten it on one and not the other.
            Style::new().fg(Color::Green).bold(),
            Style::new().fg(Color::Indexed(3)).bold(),
            // Drawn over the cell.
            Style::new().fg(Color::LightGreen).underlined(),
            Style::new().fg(Color::LightGreen).italic(),
            Style::new().fg(Color::LightGreen).dim(),
            Style::new().fg(Color::LightGreen).crossed_out(),
        ] {
            let before = big(60, 14, &TWELVE_34, style);
            let after = big(60, 14, &TWELVE_35, style);
            let (screen, _) = shown(&before, &after);
            looks_the_same(&screen, &after);
            let mut whole = Vec::new();
            encode(
                &after,
                &diff(&Buffer::empty(after.area), &after),
                &mut whole,
                &mut PenAndCursor::default(),
            );
            let blocks = String::from_utf8_lossy(&whole).matches('█').count();
            let cells = after.content.iter().filter(|c| c.symbol() == "█").count();
            assert_eq!(blocks, cells, "{style:?}");
        }
    }

    #[test]
    fn a_row_that_ends_blank_is_erased() {
        let before = drawn(
            40,
            2,
            vec![Line::from("una línea larga que se va a acortar")],
        );
        let after = drawn(40, 2, vec![Line::from("una")]);
        let (screen, bytes) = shown(&before, &after);
        same(&screen, &after);
        assert!(bytes <= 12, "{bytes} bytes");
    }

    #[test]
    fn a_way_says_numbers_as_write_does() {
        for n in 0..=u16::MAX {
            let mut way = Way::new();
            way.push(b"\x1b[").number(n).push(b"C");
            assert_eq!(way.as_bytes(), format!("\x1b[{n}C").as_bytes());
        }
    }

    #[test]
    fn a_way_too_long_is_never_taken() {
        let mut way = Way::new();
        for _ in 0..Way::ROOM {
            way.push(b"\x08");
        }
        assert!(way.fits());
        way.push(b"\x08");
        assert!(!way.fits());
        // The farthest cursor move still fits.
        let mut far = Way::new();
        far.push(b"\x1b[")
            .number(u16::MAX)
            .push(b";")
            .number(u16::MAX)
            .push(b"H");
        assert!(far.fits());
    }

    #[test]
    fn colours_are_the_codes_crossterm_sends() {
        for (colour, base, code) in [
            (Color::Reset, 38, "39"),
            (Color::Reset, 48, "49"),
            (Color::Rgb(1, 22, 255), 38, "38;2;1;22;255"),
            (Color::Indexed(200), 48, "48;5;200"),
            (Color::Red, 38, "38;5;1"),
            (Color::LightRed, 38, "91"),
            (Color::White, 48, "107"),
        ] {
            assert_eq!(
                color(colour, base).as_bytes(),
                code.as_bytes(),
                "{colour:?}"
            );
        }
    }

    #[test]
    fn moves_are_the_shortest_way() {
        let buffer = Buffer::empty(Rect::new(0, 0, 120, 40));
        let moved = |from: Option<(u16, u16)>, to: (u16, u16)| {
            let mut out = Vec::new();
            let mut cursor = from;
            move_to(&mut out, &mut cursor, to, &buffer, PLAIN);
            assert_eq!(cursor, Some(to));
            String::from_utf8(out).unwrap()
        };
        assert_eq!(moved(None, (9, 19)), "\x1b[20;10H");
        assert_eq!(moved(Some((3, 5)), (3, 5)), "");
        assert_eq!(moved(Some((3, 5)), (5, 5)), "  ");
        assert_eq!(moved(Some((3, 5)), (60, 5)), "\x1b[57C");
        assert_eq!(moved(Some((10, 5)), (8, 5)), "\x08\x08");
        assert_eq!(moved(Some((40, 5)), (20, 5)), "\x1b[20D");
        assert_eq!(moved(Some((7, 5)), (7, 6)), "\x1b[B");
        assert_eq!(moved(Some((7, 5)), (0, 7)), "\r\n\n");
        assert_eq!(moved(Some((7, 5)), (60, 30)), "\x1b[31;61H");
    }
}
