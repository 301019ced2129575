//! The room's big clock (the room view in the plenaries): the item's title,
//! its clock as large as fits, its phase in words and what comes next; and
//! what a frame of it leaves for the next second to be drawn alone
//! (`clock_tick`).

use std::sync::Weak;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::clock::{
    Digits, Glyphs, digits_style, phase_label_in, phase_style, render_digits, render_digits_kept,
};
use super::kept::{Kept, RegionKey, style_area};
use super::lettering;
use super::theme::THEME;
use super::widgets::wrap;
use crate::app::{Model, Open};
use crate::i18n::Lang;
use crate::model::schedule::{RowState, TimerId};
use crate::model::session::Session;
use crate::model::timer::Phase;

/// The current item's title, its clock as large as fits, and its phase in
/// words, in `area` of the `room`'s.
pub fn render(
    frame: &mut Frame,
    (room, area): (Rect, Rect),
    open: &Open,
    model: &Model,
    id: &TimerId,
    kept: &mut Kept,
) {
    let session = &open.session;
    let timer = session.timer(id);
    let title = session.timer_label(id);
    let title_lines: Vec<Line> = wrap(&title, area.width.saturating_sub(4) as usize, "")
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, THEME.room_title))
        .collect();
    let [top, title_area, clock_area, label_area, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(title_lines.len() as u16),
        Constraint::Min(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    // Every cell but the clock's (filled with the digits, see
    // `render_digits_kept`) and the words under it is a region: a tick
    // draws again only the digits that changed and those words.
    for blank in [top, bottom] {
        kept.region(
            frame.buffer_mut(),
            blank,
            RegionKey::Blank(THEME.room),
            |buffer| style_area(buffer, blank, THEME.room),
        );
    }
    let title_key = RegionKey::Centred {
        lines: title_lines.clone(),
        background: THEME.room,
    };
    kept.frame_region(frame, title_area, title_key, |frame| {
        style_area(frame.buffer_mut(), title_area, THEME.room);
        frame.render_widget(Paragraph::new(title_lines).centered(), title_area);
    });
    // The clock's row of the day, worked out once for this frame (see
    // `phase_label_in`).
    let (state, next) = session.row_and_next(id);
    // A stopped clock must not pass for a running one from the back row: its
    // digits dim, with the word for its state below them, large but smaller.
    let stopped_word = if state == Some(RowState::Done) {
        Some(model.lang.t().state_done)
    } else if timer.has_started() && !timer.is_running() {
        Some(model.lang.t().paused)
    } else {
        None
    };
    let face = Face::of(session, id, model, state, stopped_word.is_some());
    // A stopped clock gives a quarter of its height to the word saying so.
    let (clock_area, word) = match stopped_word {
        Some(word) => {
            let [clock_area, word_area] =
                Layout::vertical([Constraint::Fill(3), Constraint::Fill(1)]).areas(clock_area);
            (clock_area, Some((word_area, word.to_uppercase())))
        }
        None => (clock_area, None),
    };
    let lettering = lettering::Lettering::new(&face.display);
    let size = Digits::fitting_laid_out(&face.display, &lettering, clock_area.as_size());
    let glyphs = render_digits_kept(
        frame,
        kept,
        clock_area,
        (&face.display, &lettering),
        (face.digits, THEME.room),
        size,
    );
    if let Some((word_area, word)) = word {
        let word_size = Digits::fitting(&word, word_area.as_size()).at_most(size.half());
        style_area(frame.buffer_mut(), word_area, THEME.room);
        render_digits(frame, word_area, &word, THEME.room_title, word_size);
    }
    // The clock in words changes every second; what comes next, under
    // it, seldom: a region of its own, left as it is.
    let now_row = Rect {
        height: label_area.height.min(1),
        ..label_area
    };
    let next_row = Rect {
        y: now_row.bottom(),
        height: label_area.height - now_row.height,
        ..label_area
    };
    face.draw_now(frame.buffer_mut(), now_row);
    let style = face.words;
    let next_lines: Vec<Line<'static>> = next
        .map(|next| {
            Line::styled(format!("{}: {next}", model.lang.t().next_up), THEME.room).centered()
        })
        .into_iter()
        .collect();
    let key = RegionKey::Centred {
        lines: next_lines.clone(),
        background: style,
    };
    kept.region(frame.buffer_mut(), next_row, key, |buffer| {
        super::lines::draw_on(buffer, next_row, style, &next_lines);
    });
    // Large digits alone on the screen: the next second may redraw
    // only them and the words under them.
    if let Some(glyphs) = glyphs {
        kept.ticking(Ticking {
            session: std::sync::Arc::downgrade(&open.session),
            id: id.clone(),
            lang: model.lang,
            room,
            state,
            stopped: stopped_word.is_some(),
            face,
            glyphs,
            now_row,
        });
    }
}

/// What a room clock shows that changes from second to second, as the
/// clock stands in the frame's session.
#[derive(Clone, PartialEq)]
pub struct Face {
    pub display: String,
    pub phase: Phase,
    /// The style of the words under the digits (and what comes next).
    pub words: Style,
    pub digits: Style,
    /// The clock in words, under the digits.
    pub now: String,
}

impl Face {
    /// The clock `id` at `model.now`; its row of the day in `state`, and
    /// whether it is stopped (its digits dim).
    pub fn of(
        session: &Session,
        id: &TimerId,
        model: &Model,
        state: Option<RowState>,
        stopped: bool,
    ) -> Face {
        let timer = session.timer(id);
        let phase = timer.phase(model.now);
        let mut digits = THEME.room.patch(digits_style(phase));
        if stopped {
            digits = digits.add_modifier(THEME.digits_paused);
        }
        let display = timer.display(model.now);
        let now = format!(
            "{} · {}",
            display,
            phase_label_in(session, id, model.now, model.lang, state)
        );
        Face {
            display,
            phase,
            words: THEME.room.patch(phase_style(phase)),
            digits,
            now,
        }
    }

    /// The clock in words on `row`, centred, on cells as blank as a fresh
    /// frame's.
    pub fn draw_now(&self, buffer: &mut Buffer, row: Rect) {
        let line = Line::from(self.now.as_str()).centered();
        super::lines::draw_on(buffer, row, self.words, [&line]);
    }
}

/// The room's big clock as a frame drew it.
pub struct Ticking {
    /// The revision drawn; weak, so its address is not reused while held.
    pub session: Weak<Session>,
    pub id: TimerId,
    pub lang: Lang,
    /// The room view's area (all of the frame's but a notice's row).
    pub room: Rect,
    /// The clock's row of the day, and whether the clock was stopped: of
    /// the session alone, so the same while it is.
    pub state: Option<RowState>,
    pub stopped: bool,
    pub face: Face,
    pub glyphs: Glyphs,
    /// The row of the clock in words.
    pub now_row: Rect,
}
