//! The room view of the closing plenary's final step: what the room voted
//! for, across axes and per axis, under the numbers the room heard, with
//! the step's clock small in a corner. The README promises it; the room saw
//! only the clock before.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::clock::{phase_label, phase_style};
use super::theme::THEME;
use super::widgets::words_within;
use crate::app::{Model, Open};
use crate::model::schedule::TimerId;

/// Whether the room view of the final step has a ranking to show.
pub fn has_ranking(open: &Open) -> bool {
    open.session
        .groups
        .iter()
        .flat_map(|g| &g.inputs)
        .any(|i| i.plenary.ranks())
}

/// Wide enough for the ranking across axes and the axes' own side by side.
const TWO_COLUMNS: u16 = 120;

pub fn render(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let session = &open.session;
    let lang = model.lang;
    let timer = session.timer(&TimerId::Final);
    let clock = format!(
        " {} · {} ",
        timer.display(model.now),
        phase_label(session, &TimerId::Final, model.now, lang)
    );
    let [heading_area, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let [title_area, clock_area] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(textwrap::core::display_width(&clock) as u16),
    ])
    .areas(heading_area);
    let title = format!(" {}", session.workshop.closing.final_step.title);
    frame.render_widget(
        Paragraph::new(words_within(&title, title_area.width as usize)).style(THEME.room_title),
        title_area,
    );
    let clock_style = THEME.room.patch(phase_style(timer.phase(model.now)));
    frame.render_widget(Paragraph::new(clock).style(clock_style), clock_area);

    let body = body.inner(Margin::new(2, 0));
    if body.width >= TWO_COLUMNS {
        let [left, _, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Fill(1),
        ])
        .areas(body);
        // The across ranking on the left, each axis's own on the right.
        let mut blocks =
            super::closing::ranking_blocks(session, left.width.min(right.width), lang).into_iter();
        column(frame, left, blocks.next().into_iter().collect());
        column(frame, right, blocks.collect());
    } else {
        column(
            frame,
            body,
            super::closing::ranking_blocks(session, body.width, lang),
        );
    }
}

/// Blocks one under another, a blank line between them; cut with "…" when
/// they do not fit (the room cannot scroll).
fn column(frame: &mut Frame, area: Rect, blocks: Vec<Vec<Line<'static>>>) {
    let mut lines = Vec::new();
    super::closing::stack(&mut lines, blocks, area.height, Line::raw("…"));
    frame.render_widget(Paragraph::new(lines).style(THEME.room), area);
}
