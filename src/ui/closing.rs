//! Closing plenary: each group's report-back, then the consolidation step.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::groups::roster_line;
use super::theme::THEME;
use textwrap::core::display_width;

use super::widgets::{
    InputList, framed, line_within, paragraph_lines, render_inputs, words_within, wrap,
};
use crate::app::Open;
use crate::i18n::Lang;
use crate::model::session::{Session, Voted};

pub fn render(
    frame: &mut Frame,
    area: Rect,
    open: &Open,
    lang: Lang,
    kept: &mut super::kept::Kept,
) {
    let session = &open.session;
    let report = open.viewer.report(session);
    match session.groups.get(report) {
        Some(group) => {
            let title = session.group_title(report);
            let number = session.axis_number(report);
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
            let line = line_within(roster_line(group, lang), usize::from(roster.width));
            frame.render_widget(Paragraph::new(line), roster);
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
            let selected = open.viewer.selected_in(report, session);
            let list = InputList {
                inputs: &group.inputs,
                selected: Some(selected),
                empty: lang.t().no_inputs_report,
                similar: &|input| super::groups::similar_flag(open, input, lang),
                editing: &|input| crate::app::presence::line(open, input.id, lang),
            };
            render_inputs(frame, inner, list, lang, kept);
        }
        None => final_step(frame, area, open, lang),
    }
}

/// The last page: what happens to the inputs now, how many there are, and
/// what the room voted for — across axes, then per axis. It reads as one
/// text in blocks (`PgDn`/`PgUp` move a block at a time), so nothing is cut
/// off on a short screen.
fn final_step(frame: &mut Frame, area: Rect, open: &Open, lang: Lang) {
    let session = &open.session;
    let step = &session.workshop.closing.final_step;
    let block = framed(&step.title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let blocks = final_step_blocks(session, inner.width, lang);
    debug_assert_eq!(blocks.len(), crate::app::final_step_blocks(session));
    render_blocks(frame, inner, blocks, open.viewer.scroll, lang);
}

/// The final step's blocks, in the order `crate::app::final_step_blocks`
/// counts them: the step's paragraphs, the inputs per group, and where the
/// room voted, the ranking across axes and each axis's own.
fn final_step_blocks(session: &Session, width: u16, lang: Lang) -> Vec<Vec<Line<'static>>> {
    let t = lang.t();
    let step = &session.workshop.closing.final_step;
    let mut blocks = paragraph_lines(&step.body, width);

    let mut summary = vec![Line::styled(t.summary_by_group, THEME.location)];
    let count_width = 12;
    let title_width = (width as usize).saturating_sub(count_width + 1);
    for (g, group) in session.groups.iter().enumerate() {
        let title = words_within(session.group_title(g), title_width);
        let pad = title_width.saturating_sub(display_width(&title));
        summary.push(Line::from(vec![
            Span::raw(format!("{title}{} ", " ".repeat(pad))),
            Span::styled(
                format!("{:>count_width$}", lang.inputs(group.inputs.len())),
                THEME.number,
            ),
        ]));
        summary.push(Line::styled(
            format!("  {}", lang.counts(&group.counts())),
            THEME.dim,
        ));
    }
    let pad = title_width.saturating_sub(display_width(t.total));
    summary.push(Line::from(vec![
        Span::styled(format!("{}{} ", t.total, " ".repeat(pad)), THEME.location),
        Span::styled(
            format!("{:>count_width$}", lang.inputs(session.input_count())),
            THEME.number,
        ),
    ]));
    blocks.push(summary);
    blocks.extend(ranking_blocks(session, width, lang));
    blocks
}

/// What the room voted for, as blocks: the ranking across axes, then each
/// axis's own (none when nobody voted). Each lists its first few, and every
/// input tied with the last of them; the facilitator's final step and the
/// room view show the same.
pub(super) fn ranking_blocks(session: &Session, width: u16, lang: Lang) -> Vec<Vec<Line<'static>>> {
    use crate::model::ranking::{places, through_ties};
    let ranked = session.ranking_across_axes();
    if ranked.is_empty() {
        return Vec::new();
    }
    let votes = |v: &Voted| v.input.plenary.votes;
    let mut across = vec![Line::styled(lang.t().ranking, THEME.location)];
    let shown = through_ties(&ranked, RANKED_ACROSS, votes);
    for (place, voted) in places(shown, votes).into_iter().zip(shown) {
        across.extend(ranked_lines(&format!("{place}. "), voted, width, lang));
    }
    let mut blocks = vec![across];
    for g in 0..session.groups.len() {
        let voted: Vec<&Voted> = ranked.iter().filter(|v| v.group == g).collect();
        if voted.is_empty() {
            continue;
        }
        let heading = format!(
            "{}: {}",
            lang.axis_label(session.axis_number(g)),
            session.group_title(g)
        );
        let mut lines: Vec<Line> = wrap(&heading, width as usize, "  ")
            .into_iter()
            .map(|l| Line::styled(l, THEME.location))
            .collect();
        for voted in through_ties(&voted, RANKED_PER_AXIS, |v| votes(v)) {
            lines.extend(ranked_lines("  ", voted, width, lang));
        }
        blocks.push(lines);
    }
    blocks
}

/// How many inputs the ranking across axes lists, and each axis's (ties
/// with the last one shown come too).
const RANKED_ACROSS: usize = 5;
const RANKED_PER_AXIS: usize = 3;
/// A ranked input's text takes at most this many lines, cut at a word.
const RANKED_LINES: usize = 3;

/// `1. 2.3 Crear una plataforma regional… — 12 votos`, wrapped in whole
/// words under its number.
fn ranked_lines(lead: &str, voted: &Voted, width: u16, lang: Lang) -> Vec<Line<'static>> {
    let entry = format!(
        "{lead}{} {} — {}",
        voted.number,
        voted
            .input
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        lang.votes(voted.input.plenary.votes)
    );
    let indent = " ".repeat(display_width(lead) + display_width(&voted.number) + 1);
    let mut lines = wrap(&entry, width as usize, &indent);
    if lines.len() > RANKED_LINES {
        lines.truncate(RANKED_LINES);
        let last = &mut lines[RANKED_LINES - 1];
        *last = words_within(&format!("{last}…"), width as usize);
    }
    lines.into_iter().map(Line::raw).collect()
}

/// Draws blocks from `first` on, a blank line between them, saying when
/// there is more above or below.
fn render_blocks(
    frame: &mut Frame,
    area: Rect,
    blocks: Vec<Vec<Line<'static>>>,
    first: usize,
    lang: Lang,
) {
    let t = lang.t();
    let first = first.min(blocks.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if first > 0 {
        lines.push(Line::styled(t.more_above, THEME.dim));
    }
    let below = Line::styled(t.more_below, THEME.dim);
    stack(
        &mut lines,
        blocks.into_iter().skip(first),
        area.height,
        below,
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// Puts `blocks` under `lines`, a blank line between blocks, and cuts
/// them to `height` rows with `below` as the last when they do not fit.
pub(super) fn stack(
    lines: &mut Vec<Line<'static>>,
    blocks: impl IntoIterator<Item = Vec<Line<'static>>>,
    height: u16,
    below: Line<'static>,
) {
    for (i, block) in blocks.into_iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(block);
    }
    let height = height as usize;
    if lines.len() > height {
        lines.truncate(height.saturating_sub(1));
        lines.push(below);
    }
}
