//! Closing plenary: each group's report-back, then the consolidation step.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::groups::roster_line;
use super::theme::THEME;
use super::widgets::{framed, paragraph_lines, render_inputs, render_paragraphs, wrap};
use crate::app::Open;
use crate::i18n::Lang;

pub fn render(frame: &mut Frame, area: Rect, open: &Open, lang: Lang) {
    let session = &open.session;
    let report = open.viewer.report;
    match session.groups.get(report) {
        Some(group) => {
            let title = session.group_title(report);
            let number = session
                .workshop
                .axis(&group.axis)
                .map_or(report as u32 + 1, |a| a.number);
            let heading = format!("{}: {title}", lang.axis_label(number));
            let heading_lines = wrap(&heading, area.width as usize, "");
            let [roster, heading_area, counts_area, list_area] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(heading_lines.len().min(3) as u16),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(area);
            let counts = Line::styled(format!(" {}", lang.counts(&group.counts())), THEME.dim);
            frame.render_widget(Paragraph::new(counts), counts_area);
            frame.render_widget(Paragraph::new(roster_line(group, lang)), roster);
            let lines: Vec<Line> = heading_lines
                .into_iter()
                .map(|l| Line::styled(l, THEME.location))
                .collect();
            frame.render_widget(Paragraph::new(lines), heading_area);
            let block = framed(format!(
                "{}: {} · {}",
                lang.t().presents,
                if group.facilitator.is_empty() {
                    lang.t().unassigned
                } else {
                    &group.facilitator
                },
                lang.inputs(group.inputs.len())
            ));
            let inner = block.inner(list_area);
            frame.render_widget(block, list_area);
            let selected = open.viewer.selected_in(report);
            render_inputs(
                frame,
                inner,
                &group.inputs,
                Some(selected),
                lang.t().no_inputs_report,
                lang,
                &|input| super::groups::similar_flag(open, input, lang),
            );
        }
        None => final_step(frame, area, open, lang),
    }
}

/// The last page: what happens to the inputs now, and how many there are.
fn final_step(frame: &mut Frame, area: Rect, open: &Open, lang: Lang) {
    let session = &open.session;
    let t = lang.t();
    let step = &session.workshop.closing.final_step;
    let summary_height = session.groups.len() as u16 * 2 + 3;
    // Each paragraph's lines, with one blank line between paragraphs.
    let body_lines: u16 = paragraph_lines(&step.body, area.width.saturating_sub(2))
        .iter()
        .map(|p| p.len() as u16 + 1)
        .sum::<u16>()
        .saturating_sub(1);
    let [body_area, summary_area] = Layout::vertical([
        Constraint::Max(body_lines + 2),
        Constraint::Min(summary_height.min(area.height / 2)),
    ])
    .areas(area);
    let block = framed(&step.title);
    let inner = block.inner(body_area);
    frame.render_widget(block, body_area);
    render_paragraphs(frame, inner, &step.body, open.viewer.scroll, lang);

    let block = framed(t.summary_by_group);
    let inner = block.inner(summary_area);
    frame.render_widget(block, summary_area);
    let count_width = 12;
    let title_width = (inner.width as usize).saturating_sub(count_width + 1);
    // Each group: its title and count, then (where it fits) its kinds and scopes.
    let two_lines = inner.height as usize > session.groups.len() * 2;
    let mut lines: Vec<Line> = Vec::new();
    let rankings: Vec<Vec<_>> = session.groups.iter().map(|g| g.ranking()).collect();
    for (i, (group, ranked)) in session.groups.iter().zip(&rankings).enumerate() {
        let title: String = session.group_title(i).chars().take(title_width).collect();
        let pad = title_width.saturating_sub(title.chars().count());
        lines.push(Line::from(vec![
            Span::raw(format!("{title}{} ", " ".repeat(pad))),
            Span::styled(
                format!("{:>count_width$}", lang.inputs(group.inputs.len())),
                THEME.number,
            ),
        ]));
        if two_lines {
            // The counts, and the room's favourite: the ranking by votes, per axis.
            let mut line = lang.counts(&group.counts());
            if let Some(top) = ranked.first() {
                let text: String = top.text.chars().take(40).collect();
                line.push_str(&format!(" · ★ «{text}» {}", lang.votes(top.plenary.votes)));
            }
            lines.push(Line::styled(format!("  {line}"), THEME.dim));
        }
    }
    let pad = title_width.saturating_sub(t.total.chars().count());
    lines.push(Line::from(vec![
        Span::styled(format!("{}{} ", t.total, " ".repeat(pad)), THEME.location),
        Span::styled(
            format!("{:>count_width$}", lang.inputs(session.input_count())),
            THEME.number,
        ),
    ]));
    // The ranking per axis: the most voted inputs, where the room voted.
    if rankings.iter().any(|r| !r.is_empty()) {
        lines.push(Line::default());
        lines.push(Line::styled(t.ranking, THEME.location));
        for (g, (group, ranked)) in session.groups.iter().zip(&rankings).enumerate() {
            if ranked.is_empty() {
                continue;
            }
            let number = session
                .workshop
                .axis(&group.axis)
                .map_or(g as u32 + 1, |a| a.number);
            let top: Vec<String> = ranked
                .iter()
                .take(3)
                .map(|i| {
                    format!(
                        "«{}» {}",
                        i.text.chars().take(30).collect::<String>(),
                        i.plenary.votes
                    )
                })
                .collect();
            lines.push(Line::raw(format!(
                "{}: {}",
                lang.axis_label(number),
                top.join(" · ")
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
