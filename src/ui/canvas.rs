//! The frame a terminal hands a screen: ratatui's frame, and the record of
//! the regions drawn on it (`kept`), over what the last frame drew there.
//!
//! One value, so a screen's `draw` takes one argument and knows nothing of
//! the terminal's state: a screen drawn on a fresh buffer (a test, a
//! one-off) gets [`Canvas::fresh`], one on a terminal that keeps its last
//! frame gets [`Canvas::over`] it. It is ratatui's frame for everything
//! else (`area`, `render_widget`, `buffer_mut`).
//!
//! Nothing is touched until the screen draws: a canvas over the last frame
//! first offers it a [`tick`](Canvas::tick), where the room's running clock
//! moves on alone (`clock_tick`) and the rest of the buffer stays as it
//! is. Only when the screen draws does the buffer start as a fresh frame
//! ([`Kept::clear_loose`]). Drawing anything after a tick spoils it: the
//! terminal then draws the frame again, whole.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::kept::{Drawn, Kept};

pub struct Canvas<'c, 'k, 'f> {
    frame: &'c mut Frame<'f>,
    stage: Stage<'k>,
}

enum Stage<'k> {
    /// Nothing drawn yet; the buffer holds the last frame, as described
    /// (nothing known: it is blanked before drawing).
    Before(Option<&'k mut Drawn>),
    Drawing(Kept<'k>),
    /// The last frame's clock moved on alone: these cells changed.
    Ticked(Vec<Rect>),
    /// Drawn on after a tick: what the buffer holds is no frame.
    Spoiled(Kept<'k>),
}

/// What a frame came to, for the terminal to send.
pub enum Drew<'k> {
    /// Drawn by the screen, these regions over the last frame's.
    Drawn(Kept<'k>),
    /// The last frame, its clock a second on: only these cells changed.
    Ticked(Vec<Rect>),
    /// Drawn on after a tick: to be drawn again, on a blank buffer.
    Spoiled,
}

impl<'c, 'k, 'f> Canvas<'c, 'k, 'f> {
    /// `frame`, its buffer holding the last frame that `last` describes
    /// (`None`: nothing is known of it, and it is blanked first).
    pub fn over(frame: &'c mut Frame<'f>, last: Option<&'k mut Drawn>) -> Canvas<'c, 'k, 'f> {
        Canvas {
            frame,
            stage: Stage::Before(last),
        }
    }

    /// The last frame's running room clock moved on by `tick`, when it
    /// can be alone: handed the buffer (the last frame) and its record, it
    /// changes both and says which cells changed, or changes nothing and
    /// says `None`. Only before anything is drawn; true when it ticked, and
    /// the screen draws nothing more.
    pub fn tick(
        &mut self,
        tick: impl FnOnce(&mut Buffer, &mut Drawn) -> Option<Vec<Rect>>,
    ) -> bool {
        let Stage::Before(Some(drawn)) = &mut self.stage else {
            return false;
        };
        match tick(self.frame.buffer_mut(), drawn) {
            Some(changed) => {
                self.stage = Stage::Ticked(changed);
                true
            }
            None => false,
        }
    }

    /// Whether the last frame's clock moved on alone, and nothing more was
    /// drawn.
    pub fn ticked(&self) -> bool {
        matches!(self.stage, Stage::Ticked(_))
    }

    /// The frame and its regions apart, for the views to draw with both.
    pub fn parts(&mut self) -> (&mut Frame<'f>, &mut Kept<'k>) {
        self.begin();
        let kept = match &mut self.stage {
            Stage::Drawing(kept) => kept,
            Stage::Spoiled(kept) => kept,
            // `begin` left neither.
            Stage::Before(_) | Stage::Ticked(_) => unreachable!("a canvas begun draws"),
        };
        (self.frame, kept)
    }

    /// Something is drawn over the screen at `area`: see [`Kept::covered`].
    pub fn covered(&mut self, area: Rect) {
        self.parts().1.covered(area);
    }

    /// What the frame came to.
    pub fn finish(mut self) -> Drew<'k> {
        // A screen that drew nothing drew a blank frame.
        if let Stage::Before(_) = self.stage {
            self.begin();
        }
        match self.stage {
            Stage::Drawing(kept) => Drew::Drawn(kept),
            Stage::Ticked(changed) => Drew::Ticked(changed),
            Stage::Spoiled(_) | Stage::Before(_) => Drew::Spoiled,
        }
    }

    /// Drawing starts: the buffer as a fresh frame's, but what the last
    /// frame's regions may leave (a tick, already done, is spoiled).
    fn begin(&mut self) {
        match &mut self.stage {
            Stage::Before(last) => {
                let kept = match last.take() {
                    Some(drawn) => Kept::over(drawn),
                    None => Kept::none(),
                };
                kept.clear_loose(self.frame.buffer_mut());
                self.stage = Stage::Drawing(kept);
            }
            Stage::Ticked(_) => self.stage = Stage::Spoiled(Kept::none()),
            Stage::Drawing(_) | Stage::Spoiled(_) => {}
        }
    }
}

impl<'c, 'f> Canvas<'c, 'static, 'f> {
    /// `frame`, on a blank buffer: every region is drawn.
    pub fn fresh(frame: &'c mut Frame<'f>) -> Canvas<'c, 'static, 'f> {
        Canvas {
            frame,
            stage: Stage::Drawing(Kept::none()),
        }
    }
}

impl<'f> std::ops::Deref for Canvas<'_, '_, 'f> {
    type Target = Frame<'f>;

    fn deref(&self) -> &Frame<'f> {
        self.frame
    }
}

impl<'f> std::ops::DerefMut for Canvas<'_, '_, 'f> {
    fn deref_mut(&mut self) -> &mut Frame<'f> {
        self.parts().0
    }
}
