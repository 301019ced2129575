//! The schedule (`c`): every item's planned, actual and expected times, the
//! drift and the expected end of the day, and the timing settings.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::theme::THEME;
use super::widgets::framed;
use crate::app::{Model, Open};
use crate::model::schedule::{Plan, RowState};
use crate::model::session::Session;

/// The day's drift and expected end in words; a past day's after its date,
/// measured against the moment its clocks stopped (`Session::day_moment`);
/// only the expected end for clocks run on a day planned long before.
pub fn drift_and_end(session: &Session, plan: &Plan, model: &Model) -> String {
    let lang = model.lang;
    let end = lang.expected_end(hour_minute(plan.expected_end, &model.tz));
    let at = session.day_moment(model.now);
    let drift = match plan.drift() {
        None => return end,
        Some(minutes) if at == model.now => lang.drift(minutes),
        Some(minutes) => lang.drift_on(at.to_zoned(model.tz.clone()).date(), minutes),
    };
    format!("{drift} · {end}")
}

pub fn render(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let lang = model.lang;
    let t = lang.t();
    let session = &open.session;
    // A past day is read as it stood when its clocks stopped.
    let at = session.day_moment(model.now);
    let plan = session.plan(at);
    let hm = |ts: Timestamp| hour_minute(ts, &model.tz);
    let title = format!(
        "{} · {}",
        t.schedule_title,
        drift_and_end(session, &plan, model)
    );
    let block = framed(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [table_area, settings_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);

    let current = open.viewer.current_timer();
    let rows: Vec<Row> = plan
        .rows
        .iter()
        .map(|row| {
            let actual = match (row.actual_start, row.actual_end) {
                (Some(start), Some(end)) => format!("{}–{}", hm(start), hm(end)),
                (Some(start), None) => format!("{}–", hm(start)),
                _ => String::new(),
            };
            let expected = match row.state {
                RowState::Done | RowState::Skipped => String::new(),
                RowState::Running | RowState::Paused => format!("–{}", hm(row.expected_end)),
                RowState::Ahead => format!("{}–{}", hm(row.expected_start), hm(row.expected_end)),
            };
            let (state, style) = match row.state {
                RowState::Done => (t.state_done, THEME.dim),
                RowState::Running => (t.state_running, THEME.location),
                RowState::Paused => (t.state_paused, THEME.location),
                RowState::Skipped => (t.state_skipped, THEME.dim),
                RowState::Ahead => (t.state_ahead, THEME.text),
            };
            let marker = if row.timers.contains(&current) {
                "› "
            } else {
                "  "
            };
            Row::new(vec![
                Cell::from(format!("{marker}{}", row.label)),
                Cell::from(format!("{}–{}", hm(row.planned_start), hm(row.planned_end))),
                Cell::from(actual),
                Cell::from(expected),
                Cell::from(Span::styled(state, style)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        t.col_item,
        t.col_planned,
        t.col_actual,
        t.col_expected,
        t.col_state,
    ])
    .style(THEME.block_title);
    let table = Table::new(
        rows,
        [
            Constraint::Min(20),
            Constraint::Length(11),
            Constraint::Length(11),
            Constraint::Length(11),
            Constraint::Length(12),
        ],
    )
    .header(header)
    .column_spacing(1);
    frame.render_widget(table, table_area);
    let settings = lang.settings_line(session.schedule.bell);
    frame.render_widget(
        Paragraph::new(Line::styled(settings, THEME.dim)),
        settings_area,
    );
}

pub fn hour_minute(ts: Timestamp, tz: &TimeZone) -> String {
    ts.to_zoned(tz.clone()).strftime("%H:%M").to_string()
}
