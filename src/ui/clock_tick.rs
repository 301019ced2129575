//! A second of the room's big clock, drawn alone.
//!
//! A running clock on the room's screen changes one or two digits and the
//! words under them each second; the rest of the frame is as it was. Drawn
//! whole, the frame was most of a tick's cost (the title wrapped again, the
//! layout, every region's key compared, every cell outside them blanked,
//! cleaned and compared again). When nothing but the clock's second moved
//! since the last frame, only its changed digits and its line of words are
//! drawn, over the last frame, and the terminal compares only those cells.
//!
//! "Nothing but the second" is told, not hoped: the frame was the room's
//! big clock with nothing over it (no popup, no question, no notice, colour
//! on), the session shown is the very revision that frame drew (an `Arc`
//! is never changed in place while shown: every change is a new revision),
//! the screen, language, size and clock are the same, and the digits at the
//! new second lay out in the same cells at the same size and phase. Any
//! doubt, and the frame is drawn whole, as always. A property test draws
//! every frame both ways (`ui::tests::kept`).

use std::sync::{Arc, Weak};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::clock::{Digits, Glyphs};
use super::kept::{Drawn, minus_each};
use super::lettering::Lettering;
use super::room::{self, Shows};
use super::room_clock::Ticking;
use crate::app::{Mode, Model, Page, SaveState};

/// Moves the last frame's room clock on to `model.now` in `buffer` (which
/// holds the frame `drawn` describes) and in `drawn`, when only the clock's
/// second changed: returns the cells that changed. `None`, and nothing
/// touched, when the frame must be drawn whole.
pub fn tick(model: &Model, buffer: &mut Buffer, drawn: &mut Drawn) -> Option<Vec<Rect>> {
    let (ticking, regions) = drawn.ticking::<Ticking>()?;
    let Page::Workshop(open) = &model.page else {
        return None;
    };
    let alone = model.overlay.is_none()
        && model.notice.is_none()
        && !model.no_color
        && model.lang == ticking.lang
        && !matches!(open.save, SaveState::Failed(_))
        && open.viewer.mode == Mode::Room
        && open.viewer.editor.is_none()
        && open.viewer.form.is_none()
        && Weak::as_ptr(&ticking.session) == Arc::as_ptr(&open.session)
        // The room had the whole frame, as it has with no notice now.
        && buffer.area == ticking.room;
    if !alone || !matches!(room::shows(open), Shows::BigClock(id) if id == ticking.id) {
        return None;
    }
    let face = super::room_clock::Face::of(
        &open.session,
        &ticking.id,
        model,
        ticking.state,
        ticking.stopped,
    );
    if face == ticking.face {
        return Some(Vec::new());
    }
    // A new phase restyles more than the digits (what comes next, too).
    if face.phase != ticking.face.phase {
        return None;
    }
    let lettering = Lettering::new(&face.display);
    let area = ticking.glyphs.area;
    let Digits::Scaled(scale) = Digits::fitting_laid_out(&face.display, &lettering, area.as_size())
    else {
        return None;
    };
    let mut glyphs = Glyphs::of(&lettering, scale, face.digits, area)?;
    glyphs.regions = ticking.glyphs.regions.clone();
    let drawn_regions = regions.get_mut(glyphs.regions.clone())?;
    let same_places = glyphs.inked == ticking.glyphs.inked
        && glyphs.each.len() == drawn_regions.len()
        && glyphs
            .each
            .iter()
            .zip(drawn_regions.iter())
            .all(|(glyph, (cells, _))| glyph.cells == *cells);
    if !same_places {
        return None;
    }
    // Decided: from here the buffer and its record move on together.
    let mut changed = Vec::new();
    for (at, (glyph, (_, key))) in glyphs.each.iter().zip(drawn_regions).enumerate() {
        if *key == glyph.key {
            continue;
        }
        let left = glyphs.draw(buffer, (&face.display, &lettering), at, Some(key));
        changed.extend(minus_each(vec![glyph.cells], left));
        key.clone_from(&glyph.key);
    }
    if face.now != ticking.face.now {
        let row = ticking.now_row;
        super::rows::each_cell(buffer, row, |cell| {
            cell.reset();
        });
        face.draw_now(buffer, row);
        super::screen_text::clean_in(buffer, row);
        changed.push(row);
    }
    ticking.face = face;
    ticking.glyphs = glyphs;
    Some(changed)
}
