//! Parts of a frame the terminal already shows, left as they are instead
//! of drawn again.
//!
//! The terminal draws each frame over the last one it showed (see
//! `crate::terminal`): a cell keeps what it showed until something is
//! drawn there. The list of inputs is most of a screen and, between two
//! keystrokes, mostly the same inputs in the same places; a running room
//! clock changes one or two digits a second. Each input's rows, each digit,
//! is a *region*: its area and a [`RegionKey`] of everything its drawing depends
//! on. A region whose area and key are those of one in the last frame is
//! not drawn at all, and the terminal does not compare it again. Every
//! other cell starts the frame blank, as on a fresh buffer: the cells
//! outside the last frame's regions before drawing begins
//! ([`Kept::clear_loose`]), a region's cells when it is drawn.
//!
//! What is drawn over the screen afterwards (the editor's popup, a form, a
//! question, the shell's notice) is said with [`Kept::covered`]: a region
//! left as it was is only right when the same things covered the same
//! places in the last frame. The terminal checks that once the frame is
//! drawn, and that every cell of the last frame's regions was a region
//! again (else it holds what the last frame drew there); when not, it
//! draws the frame again on a blank screen. Drawing stays a function of
//! the model: what is left is exactly what would be drawn.
//!
//! A region is drawn by its own closure alone: nothing is drawn into its
//! area before it in a frame (a cell left as it was would keep that), and
//! what is drawn over it after is in its key or said as a cover.
//!
//! A screen is handed a [`Canvas`](super::Canvas): the frame and its regions in one, as
//! the terminal gives them out. Screens and shells pass it on whole
//! (`Screen::draw`, `ui::draw`); only `ui::draw` takes it apart for the
//! views. The terminal keeps what the last frame drew ([`Drawn`]) and
//! makes each canvas over it; no screen holds any of that.

use std::any::Any;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use ratatui::style::Style;
use ratatui::text::Line;

use super::lettering::Scale;
use super::lines::Rows;
use super::row_columns::RowColumns;
use super::rows;
use crate::i18n::Lang;

pub use super::rows::style_area;

/// Everything a region's drawing depends on.
#[derive(Clone, PartialEq)]
pub enum RegionKey {
    /// Lines drawn from the region's top (an input's rows in a list):
    /// the key is the drawing itself, so nothing that shows on the rows
    /// can be left out of it.
    Rows(Rows),
    /// Boxes of text (a group's task and examples): their words, part by
    /// part, how far they are scrolled, the language of their titles.
    Text {
        parts: [Vec<String>; 3],
        first: usize,
        lang: Lang,
    },
    /// Blank cells in a style: the room's background around its clock.
    Blank(Style),
    /// Lines centred on a background (the room's title over its clock).
    Centred {
        lines: Vec<Line<'static>>,
        background: Style,
    },
    /// A panel drawn from these words alone (the room's poll: its count,
    /// its results, where to vote): drawn again only when they change.
    Said {
        said: Vec<String>,
        background: Style,
    },
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

/// What a frame drew as regions, and what covered the screen.
#[derive(Default)]
pub struct Drawn {
    regions: Vec<(Rect, RegionKey)>,
    covers: Vec<Rect>,
    /// Something covered the screen whose place was not said.
    opaque: bool,
    /// What the room's big clock left for its next second, when the frame
    /// showed it with nothing over it: that second may be drawn alone
    /// (`clock_tick`, which alone knows what it holds), the rest of the
    /// frame left as it is.
    ticking: Option<Box<dyn Any + Send>>,
}

impl Drawn {
    /// The regions whose cells still hold what they drew (none once
    /// something covered the screen in places not said).
    fn trusted(&self) -> &[(Rect, RegionKey)] {
        if self.opaque { &[] } else { &self.regions }
    }

    /// What the room's clock left, if it is a `T`, and the frame's regions
    /// (its digits among them), for a tick to move on.
    pub fn ticking<T: Any>(&mut self) -> Option<(&mut T, &mut [(Rect, RegionKey)])> {
        let ticking = self.ticking.as_mut()?.downcast_mut()?;
        Some((ticking, &mut self.regions))
    }

    /// A frame covered anywhere is drawn whole again: a tick draws the
    /// clock alone.
    fn settled(mut self) -> Drawn {
        if self.opaque || !self.covers.is_empty() {
            self.ticking = None;
        }
        self
    }
}

/// One frame's regions: the last frame's, which the screen still shows,
/// and this frame's as they are drawn.
pub struct Kept<'a> {
    /// What the last frame drew, when the buffer drawn on still holds it;
    /// `None`: everything is drawn.
    last: Option<&'a Drawn>,
    now: Drawn,
    /// Regions found drawn the same in the same place: left as they were.
    same: Vec<Rect>,
    /// Regions drawn that hold only blanks and the font's blocks.
    plain: Vec<Rect>,
}

impl<'a> Kept<'a> {
    /// Nothing kept from a last frame: every region is drawn.
    pub fn none() -> Kept<'static> {
        Kept {
            last: None,
            now: Drawn::default(),
            same: Vec::new(),
            plain: Vec::new(),
        }
    }

    /// Drawn on a buffer that holds the frame `drawn` describes.
    pub fn over(drawn: &'a Drawn) -> Kept<'a> {
        Kept {
            last: Some(drawn),
            now: Drawn::default(),
            same: Vec::new(),
            plain: Vec::new(),
        }
    }

    /// Before drawing: every cell of `buffer` outside the last frame's
    /// regions blank, as on a fresh buffer (all of them, with no last frame).
    pub fn clear_loose(&self, buffer: &mut Buffer) {
        let trusted = self.last.map_or(&[][..], Drawn::trusted);
        if trusted.is_empty() {
            buffer.reset();
            return;
        }
        let area = buffer.area;
        let width = usize::from(area.width);
        let kept_columns = RowColumns::new(trusted.iter().map(|(rect, _)| *rect).collect(), area);
        for y in area.top()..area.bottom() {
            let row = rows::row_cells(buffer, area.x, y, area.width);
            let mut x = 0;
            for kept in kept_columns
                .on_row(y)
                .iter()
                .chain(std::iter::once(&(width..width)))
            {
                let start = kept.start.clamp(x, width);
                for cell in &mut row[x..start] {
                    cell.reset();
                }
                x = kept.end.clamp(start, width);
            }
        }
    }

    /// The region at `area` with this key: left as it is when the last
    /// frame drew it there the same, else made blank and drawn by `draw`.
    pub fn region(
        &mut self,
        buffer: &mut Buffer,
        area: Rect,
        key: RegionKey,
        draw: impl FnOnce(&mut Buffer),
    ) {
        self.place(buffer, area, key, |buffer, _, _| draw(buffer));
    }

    /// Lines as a region keyed by themselves ([`Rows`]): drawn from the
    /// key alone, so what shows is what is compared.
    pub fn rows(&mut self, buffer: &mut Buffer, area: Rect, rows: Rows) {
        self.place(buffer, area, RegionKey::Rows(rows), |buffer, area, key| {
            if let RegionKey::Rows(rows) = key {
                rows.draw(buffer, area);
            }
        });
    }

    /// [`region`](Self::region), its drawing handed its area (within the
    /// buffer) and its key.
    fn place(
        &mut self,
        buffer: &mut Buffer,
        area: Rect,
        key: RegionKey,
        draw: impl FnOnce(&mut Buffer, Rect, &RegionKey),
    ) {
        let area = area.intersection(buffer.area);
        if self.drawn_same(area, &key) {
            self.same.push(area);
        } else {
            reset_area(buffer, area);
            draw(buffer, area, &key);
            if let RegionKey::Blank(_) | RegionKey::Glyph { .. } = key {
                self.plain.push(area);
            }
        }
        self.now.regions.push((area, key));
    }

    /// [`region`](Self::region) drawn over what the last frame drew in the
    /// same place, not made blank first: `draw` is given the buffer and the
    /// key of the region the last frame drew at `area`, if any (its cells
    /// still hold that drawing), sets every cell of `area` that differs
    /// from it, and returns the parts of `area` it left as they were (a
    /// big digit's strokes shared with the digit before: neither compared
    /// nor sent again).
    pub fn region_over(
        &mut self,
        buffer: &mut Buffer,
        area: Rect,
        key: RegionKey,
        draw: impl FnOnce(&mut Buffer, Option<&RegionKey>) -> Vec<Rect>,
    ) {
        let area = area.intersection(buffer.area);
        if self.drawn_same(area, &key) {
            self.same.push(area);
        } else {
            // The last drawn there is what its cells hold.
            let before = self.last.and_then(|drawn| {
                drawn
                    .trusted()
                    .iter()
                    .rev()
                    .find(|(place, _)| *place == area)
                    .map(|(_, key)| key)
            });
            let left = draw(buffer, before);
            self.same.extend(
                left.into_iter()
                    .map(|part| part.intersection(area))
                    .filter(|part| !part.is_empty()),
            );
            if let RegionKey::Blank(_) | RegionKey::Glyph { .. } = key {
                self.plain.push(area);
            }
        }
        self.now.regions.push((area, key));
    }

    /// [`region`](Self::region), drawn by widgets on the frame.
    pub fn frame_region(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        key: RegionKey,
        draw: impl FnOnce(&mut Frame),
    ) {
        let area = area.intersection(frame.area());
        if self.drawn_same(area, &key) {
            self.same.push(area);
        } else {
            reset_area(frame.buffer_mut(), area);
            draw(frame);
        }
        self.now.regions.push((area, key));
    }

    /// Whether the last frame drew `area` with `key`, and nothing covered
    /// it there in places not said.
    fn drawn_same(&self, area: Rect, key: &RegionKey) -> bool {
        self.last.is_some_and(|drawn| {
            drawn
                .trusted()
                .iter()
                .any(|(place, kept)| *place == area && kept == key)
        })
    }

    /// How many regions the frame has drawn so far.
    pub fn region_count(&self) -> usize {
        self.now.regions.len()
    }

    /// The room's big clock was drawn, and left `ticking` for its next
    /// second (see [`Drawn::ticking`]).
    pub fn ticking(&mut self, ticking: impl Any + Send) {
        self.now.ticking = Some(Box::new(ticking));
    }

    /// Something is drawn over the screen at `area`, every cell of it,
    /// after the regions under it (said before them).
    pub fn covered(&mut self, area: Rect) {
        self.now.covers.push(area);
    }

    /// Something was drawn over the screen, somewhere.
    pub fn covered_somewhere(&mut self) {
        self.now.opaque = true;
    }

    /// The parts of the regions left as they were that nothing covered
    /// since: their cells are what the screen shows.
    pub fn untouched(&self) -> Vec<Rect> {
        self.uncovered(self.same.clone())
    }

    /// The parts of the frame that need no cleaning (`ui::screen_text`):
    /// the regions left as they were (cleaned when drawn), and those drawn
    /// with only blanks and the font's blocks, but what covered them.
    pub fn clean(&self) -> Vec<Rect> {
        self.uncovered(self.same.iter().chain(&self.plain).copied().collect())
    }

    /// The parts of `areas` that nothing covered since they were drawn.
    fn uncovered(&self, parts: Vec<Rect>) -> Vec<Rect> {
        if self.now.opaque {
            // Covered in places not said: any of them may be.
            return Vec::new();
        }
        minus_each(parts, self.now.covers.iter().copied())
    }

    /// What this frame drew, and the areas left from the last frame that
    /// the terminal need not compare again; `None` when what was left
    /// cannot be trusted and the frame must be drawn again on a blank
    /// buffer: the screen was covered otherwise than in the last frame, or
    /// a cell of the last frame's regions was in none this time (it still
    /// holds what the last frame drew there). A frame with a form or a
    /// question open draws once: nothing is left from one, and one is
    /// drawn rightly over a frame without.
    pub fn finish(self) -> Option<(Drawn, Vec<Rect>)> {
        let Some(last) = self.last else {
            return Some((self.now.settled(), Vec::new()));
        };
        let trusted = last.trusted();
        // Regions left as they were show the last frame's cells under the
        // last frame's covers: right when the same covers are drawn over
        // them again.
        if !self.same.is_empty() && self.now.covers != last.covers {
            return None;
        }
        let same_places = trusted.len() == self.now.regions.len()
            && trusted
                .iter()
                .zip(&self.now.regions)
                .all(|((before, _), (now, _))| before == now);
        if !same_places {
            let drawn: Vec<Rect> = trusted
                .iter()
                .map(|(rect, _)| *rect)
                .filter(|rect| !rect.is_empty())
                .collect();
            let stale = minus_each(drawn, self.now.regions.iter().map(|(region, _)| *region));
            if !stale.is_empty() {
                return None;
            }
        }
        let untouched = self.untouched();
        Some((self.now.settled(), untouched))
    }
}

/// Every cell of `area` blank, a row at a time.
fn reset_area(buffer: &mut Buffer, area: Rect) {
    rows::each_cell(buffer, area, |cell| {
        cell.reset();
    });
}

/// The cells of `parts` in none of `holes`, as rectangles.
pub fn minus_each(mut parts: Vec<Rect>, holes: impl IntoIterator<Item = Rect>) -> Vec<Rect> {
    for hole in holes {
        parts = parts
            .into_iter()
            .flat_map(|part| minus(part, hole))
            .collect();
    }
    parts
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
    }
}
