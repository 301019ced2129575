//! Parts of a frame the terminal already shows, taken from the last frame
//! instead of drawn again.
//!
//! ratatui draws every cell of every frame, and the terminal's side then
//! compares every cell with the last frame: at 200×60 a keystroke that
//! moves the selection by one input cost as much as the first frame. The
//! list of inputs is most of a screen and, between two keystrokes, mostly
//! the same inputs in the same places. Each input's rows are a *region*:
//! its area and a [`Key`] of everything its drawing depends on. A region
//! whose area and key are those of one in the last frame is copied from it
//! (a copy is a fraction of drawing), and the terminal does not compare it
//! again.
//!
//! What is drawn over the screen afterwards (the editor's popup, a form, a
//! question, the shell's notice) is said with [`Kept::covered`]: a copy is
//! only right when the same things covered the same places in the last
//! frame. The terminal checks that once the frame is drawn, and draws the
//! frame again without copies when they differ. Drawing stays a function of
//! the model: what is copied is exactly what would be drawn.

use std::ops::Range;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use ratatui::style::Style;

use super::lettering::Scale;
use crate::i18n::Lang;
use crate::model::session::Input;

/// Everything a region's drawing depends on.
#[derive(Clone, PartialEq)]
pub enum Key {
    /// An input's rows in a list.
    Input(InputRows),
    /// Boxes of text (a group's task and examples): their words, part by
    /// part, how far they are scrolled, the language of their titles.
    Text {
        parts: [Vec<String>; 3],
        first: usize,
        lang: Lang,
    },
    /// Blank cells in a style: the room's background around its clock.
    Blank(Style),
    /// One character of the room's large lettering (a digit of the big
    /// clock): a running clock changes one or two of them a second, and
    /// only those are drawn and compared again.
    Glyph {
        symbol: char,
        scale: Scale,
        style: Style,
        /// The font rows the whole text takes: (first, how many).
        rows: (u8, u8),
    },
}

/// Everything an input's rows in the list depend on. The input is held, so
/// its address names it while the key is kept: an input changed by anyone
/// is a new `Arc`.
#[derive(Clone)]
pub struct InputRows {
    pub input: Arc<Input>,
    pub number: usize,
    pub digits: usize,
    pub width: u16,
    /// Its lines not shown above the list's top (the first item, scrolled).
    pub skip: usize,
    pub selected: bool,
    /// Its possible-duplicate flag.
    pub flag: Option<String>,
    /// Who else is editing it now.
    pub editing: Option<String>,
    pub lang: Lang,
    /// Whether the list's "more above" and "more below" marks, drawn in its
    /// corners afterwards, fall on these rows.
    pub marks: (bool, bool),
}

impl PartialEq for InputRows {
    fn eq(&self, other: &InputRows) -> bool {
        Arc::ptr_eq(&self.input, &other.input)
            && (
                self.number,
                self.digits,
                self.width,
                self.skip,
                self.selected,
            ) == (
                other.number,
                other.digits,
                other.width,
                other.skip,
                other.selected,
            )
            && self.flag == other.flag
            && self.editing == other.editing
            && self.lang == other.lang
            && self.marks == other.marks
    }
}

/// What a frame drew as regions, and what covered the screen.
#[derive(Clone, Default)]
pub struct Drawn {
    regions: Vec<(Rect, Key)>,
    covers: Vec<Rect>,
    /// Something covered the screen whose place was not said.
    opaque: bool,
}

/// One frame's regions: the last frame's to copy from, this frame's as
/// they are drawn.
pub struct Kept<'a> {
    /// The last frame as the terminal shows it, with what it drew; `None`:
    /// everything is drawn.
    last: Option<(&'a Buffer, &'a Drawn)>,
    now: Drawn,
    copied: Vec<Rect>,
}

impl<'a> Kept<'a> {
    /// Nothing to copy from: every region is drawn.
    pub fn none() -> Kept<'static> {
        Kept {
            last: None,
            now: Drawn::default(),
            copied: Vec::new(),
        }
    }

    /// Regions may be copied from `shown`, the frame `drawn` describes.
    pub fn from(shown: &'a Buffer, drawn: &'a Drawn) -> Kept<'a> {
        Kept {
            last: Some((shown, drawn)),
            now: Drawn::default(),
            copied: Vec::new(),
        }
    }

    /// The region at `area` with this key: copied from the last frame when
    /// it was drawn there the same, else drawn by `draw`.
    pub fn region(
        &mut self,
        buffer: &mut Buffer,
        area: Rect,
        key: Key,
        draw: impl FnOnce(&mut Buffer),
    ) {
        let area = area.intersection(buffer.area);
        if let Key::Blank(_) = key
            && self.drawn_same(buffer.area, area, &key)
        {
            // Styling blank cells is cheaper than copying them, and gives
            // the same cells: taken as copied all the same.
            draw(buffer);
            self.copied.push(area);
        } else if !self.copy(buffer, area, &key) {
            draw(buffer);
        }
        self.now.regions.push((area, key));
    }

    /// [`region`](Self::region), drawn by widgets on the frame.
    pub fn frame_region(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        key: Key,
        draw: impl FnOnce(&mut Frame),
    ) {
        let area = area.intersection(frame.area());
        if !self.copy(frame.buffer_mut(), area, &key) {
            draw(frame);
        }
        self.now.regions.push((area, key));
    }

    /// Whether the last frame, of a screen of `screen`, drew `area` with
    /// `key` and nothing covered it there in places not said.
    fn drawn_same(&self, screen: Rect, area: Rect, key: &Key) -> bool {
        // Something covered the last frame in places not said: its cells
        // may be that.
        self.last.is_some_and(|(shown, drawn)| {
            !drawn.opaque
                && shown.area == screen
                && drawn
                    .regions
                    .iter()
                    .any(|(place, kept)| *place == area && kept == key)
        })
    }

    /// Copies `area` from the last frame if it was drawn there with `key`.
    fn copy(&mut self, buffer: &mut Buffer, area: Rect, key: &Key) -> bool {
        let Some((shown, _)) = self.last else {
            return false;
        };
        if !self.drawn_same(buffer.area, area, key) {
            return false;
        }
        // What a cover said already will draw over is not worth copying.
        let mut parts = vec![area];
        for cover in &self.now.covers {
            parts = parts
                .into_iter()
                .flat_map(|part| minus(part, *cover))
                .collect();
        }
        for part in parts {
            let width = usize::from(part.width);
            for y in part.top()..part.bottom() {
                let from = shown.index_of(part.x, y);
                let to = buffer.index_of(part.x, y);
                buffer.content[to..to + width].clone_from_slice(&shown.content[from..from + width]);
            }
        }
        self.copied.push(area);
        true
    }

    /// Something is drawn over the screen at `area`, every cell of it,
    /// after the regions under it (said before them, nothing is copied
    /// there).
    pub fn covered(&mut self, area: Rect) {
        self.now.covers.push(area);
    }

    /// Something was drawn over the screen, somewhere.
    pub fn covered_somewhere(&mut self) {
        self.now.opaque = true;
    }

    /// The parts of the areas copied from the last frame that nothing
    /// covered since.
    pub fn untouched(&self) -> Vec<Rect> {
        if self.now.opaque {
            // Covered in places not said: any copy may be.
            return Vec::new();
        }
        let mut parts = self.copied.clone();
        for cover in &self.now.covers {
            parts = parts
                .into_iter()
                .flat_map(|part| minus(part, *cover))
                .collect();
        }
        parts
    }

    /// What this frame drew, and the areas copied from the last frame that
    /// the terminal need not compare again; `None` when the copies cannot
    /// be trusted (the screen was covered otherwise than in the last frame)
    /// and the frame must be drawn again with nothing copied. A frame with
    /// a form or a question open draws once: nothing is copied from one
    /// (see `copy`), and one copies rightly from a frame without.
    pub fn finish(self) -> Option<(Drawn, Vec<Rect>)> {
        if self.copied.is_empty() {
            return Some((self.now, Vec::new()));
        }
        let (_, last) = self.last?;
        // Copies are the last frame's cells under the last frame's covers:
        // right when the same covers are drawn over them again. Something
        // drawn over them now in places not said is drawn over right cells
        // (but nothing copied is taken as unchanged, see `untouched`).
        if last.opaque || self.now.covers != last.covers {
            return None;
        }
        // What a cover drew over a copy is compared as any cell.
        let untouched = self.untouched();
        Some((self.now, untouched))
    }
}

/// `buffer.set_style(area, style)`, a row at a time: ratatui's finds each
/// cell by its position, which is most of the cost of styling the room's
/// blank background every frame.
pub fn style_area(buffer: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let start = buffer.index_of(area.x, y);
        for cell in &mut buffer.content[start..start + width] {
            cell.set_style(style);
        }
    }
}

/// The columns (counted from `area`'s left, within its width) that the
/// `rects` cover on row `y`, in order, into `columns`: one row's share of
/// the areas copied from the last frame.
pub fn columns_on_row(rects: &[Rect], area: Rect, y: u16, columns: &mut Vec<Range<usize>>) {
    let width = usize::from(area.width);
    columns.clear();
    columns.extend(
        rects
            .iter()
            .filter(|rect| (rect.top()..rect.bottom()).contains(&y))
            .map(|rect| {
                let left = usize::from(rect.left().saturating_sub(area.x));
                left..(left + usize::from(rect.width)).min(width)
            }),
    );
    columns.sort_by_key(|range| range.start);
}

/// `area` but `hole`: up to four rectangles (above, below, left, right).
pub fn minus(area: Rect, hole: Rect) -> Vec<Rect> {
    let cut = area.intersection(hole);
    if cut.is_empty() {
        return vec![area];
    }
    [
        Rect::new(area.x, area.y, area.width, cut.y - area.y),
        Rect::new(
            area.x,
            cut.bottom(),
            area.width,
            area.bottom() - cut.bottom(),
        ),
        Rect::new(area.x, cut.y, cut.x - area.x, cut.height),
        Rect::new(cut.right(), cut.y, area.right() - cut.right(), cut.height),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rect() -> impl Strategy<Value = Rect> {
        (0u16..12, 0u16..12, 0u16..12, 0u16..12).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
    }

    proptest! {
        #[test]
        fn a_rectangle_minus_a_hole_is_its_cells_outside_the_hole(area in rect(), hole in rect()) {
            let parts = minus(area, hole);
            for y in 0..24 {
                for x in 0..24 {
                    let at = ratatui::layout::Position::new(x, y);
                    let inside = parts.iter().filter(|part| part.contains(at)).count();
                    let expected = area.contains(at) && !hole.contains(at);
                    prop_assert_eq!(inside, usize::from(expected), "({}, {})", x, y);
                }
            }
        }

        #[test]
        fn styling_an_area_by_rows_is_ratatuis_set_style(screen in rect(), area in rect()) {
            use ratatui::style::{Color, Modifier};
            let style = Style::new().fg(Color::White).bg(Color::Black).add_modifier(Modifier::BOLD);
            let mut ours = Buffer::empty(screen);
            let mut theirs = Buffer::empty(screen);
            style_area(&mut ours, area, style);
            theirs.set_style(area, style);
            prop_assert_eq!(ours, theirs);
        }
    }
}
