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

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::Lang;
use crate::model::session::Input;

/// Everything an input's rows in the list depend on. The input is held, so
/// its address names it while the key is kept: an input changed by anyone
/// is a new `Arc`.
#[derive(Clone)]
pub struct Key {
    pub input: Arc<Input>,
    pub number: usize,
    pub digits: usize,
    pub width: u16,
    /// Its lines not shown above the list's top (the first item, scrolled).
    pub skip: usize,
    pub selected: bool,
    /// Its possible-duplicate flag.
    pub flag: Option<String>,
    pub lang: Lang,
    /// Whether the list's "more above" and "more below" marks, drawn in its
    /// corners afterwards, fall on these rows.
    pub marks: (bool, bool),
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
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
        let shown = self.last.and_then(|(shown, drawn)| {
            let same = shown.area == buffer.area
                && drawn
                    .regions
                    .iter()
                    .any(|(place, kept)| *place == area && *kept == key);
            same.then_some(shown)
        });
        match shown {
            Some(shown) => {
                for y in area.top()..area.bottom() {
                    let from = shown.index_of(area.x, y);
                    let to = buffer.index_of(area.x, y);
                    let width = usize::from(area.width);
                    buffer.content[to..to + width]
                        .clone_from_slice(&shown.content[from..from + width]);
                }
                self.copied.push(area);
            }
            None => draw(buffer),
        }
        self.now.regions.push((area, key));
    }

    /// Something was drawn over the screen at `area`.
    pub fn covered(&mut self, area: Rect) {
        self.now.covers.push(area);
    }

    /// Something was drawn over the screen, somewhere.
    pub fn covered_somewhere(&mut self) {
        self.now.opaque = true;
    }

    /// What this frame drew, and the areas copied from the last frame that
    /// the terminal need not compare again; `None` when the copies cannot
    /// be trusted (the screen was covered otherwise than in the last frame)
    /// and the frame must be drawn again with nothing copied.
    pub fn finish(self) -> Option<(Drawn, Vec<Rect>)> {
        if self.copied.is_empty() {
            return Some((self.now, Vec::new()));
        }
        let (_, last) = self.last?;
        if self.now.opaque || last.opaque || self.now.covers != last.covers {
            return None;
        }
        // A copy under a cover was drawn over again: compared as any cell.
        let untouched = self
            .copied
            .into_iter()
            .filter(|copied| {
                self.now
                    .covers
                    .iter()
                    .all(|cover| !cover.intersects(*copied))
            })
            .collect();
        Some((self.now, untouched))
    }
}
