//! Breakout groups: one page per axis, with its guiding examples, the
//! group's roster and the inputs the rapporteur types.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::kept::RegionKey;
use super::theme::THEME;
use super::widgets::{InputList, framed, line_within, paragraph_lines, render_inputs};
use crate::app::Open;
use crate::i18n::Lang;
use crate::model::session::Group;

/// From this width the examples sit beside the inputs instead of above them.
const SIDE_BY_SIDE: u16 = 120;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    open: &Open,
    lang: Lang,
    kept: &mut super::kept::Kept,
) {
    let session = &open.session;
    let at = open.viewer.group(session);
    let Some(group) = session.groups.get(at) else {
        return;
    };
    let t = lang.t();
    let [roster_area, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let roster = line_within(roster_line(group, lang), usize::from(roster_area.width));
    frame.render_widget(Paragraph::new(roster), roster_area);

    let axis = session.workshop.axis(&group.axis);
    let shared = &session.workshop.breakout.instructions;
    let own: &[String] = axis.map_or(&[], |a| &a.instructions);
    let axis_examples: &[String] = axis.map_or(&[], |a| &a.examples);
    // The shared task, then the group's own, when its definition gives one.
    let task = || -> Vec<String> { shared.iter().chain(own).cloned().collect() };
    let examples = || -> Vec<String> { axis_examples.iter().map(|e| format!("- {e}")).collect() };
    let show_examples = open.viewer.show_examples && !axis_examples.is_empty();
    // The task and the examples change only with the workshop: a region
    // copied from the last frame when they show the same (`kept`), made
    // only when drawn.
    let text_key = || RegionKey::Text {
        parts: [shared, own, axis_examples].map(<[String]>::to_vec),
        first: open.viewer.scroll,
        lang,
    };
    let inputs_area = if !show_examples {
        rest
    } else if area.width >= SIDE_BY_SIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Min(1)]).areas(rest);
        kept.frame_region(frame, left, text_key(), |frame| {
            task_and_examples(frame, left, &task(), &examples(), open.viewer.scroll, lang);
        });
        right
    } else {
        // Narrower, the task leads the examples in one box (PgDn reads on),
        // which gets at most a third of the height above the inputs.
        let mut text = task();
        text.extend(examples());
        let wanted: usize = paragraph_lines(&text, rest.width.saturating_sub(2))
            .iter()
            .map(Vec::len)
            .sum();
        let height = (wanted as u16 + 2).min(rest.height / 3).max(3);
        let [top, bottom] =
            Layout::vertical([Constraint::Length(height), Constraint::Min(1)]).areas(rest);
        let title = format!("{} · {} (x)", t.instructions, t.examples);
        kept.frame_region(frame, top, text_key(), |frame| {
            framed_paragraphs(frame, top, title, &text, open.viewer.scroll, lang);
        });
        bottom
    };

    let block = framed(format!(
        "{} · {}",
        t.group_inputs,
        lang.inputs(group.inputs.len())
    ));
    let inner = block.inner(inputs_area);
    frame.render_widget(block, inputs_area);
    let selected = open.viewer.selected_in(at, session);
    let list = InputList {
        inputs: &group.inputs,
        selected: Some(selected),
        empty: t.no_inputs,
        similar: &|input| similar_flag(open, input, lang),
        editing: &|input| crate::app::presence::line(open, input.id, lang),
    };
    render_inputs(frame, inner, list, lang, kept);
}

pub fn roster_line(group: &Group, lang: Lang) -> Line<'static> {
    let t = lang.t();
    let name = |n: &str| {
        if n.is_empty() {
            Span::styled(t.unassigned.to_string(), THEME.dim)
        } else {
            Span::styled(n.to_string(), THEME.location)
        }
    };
    let mut spans = vec![
        Span::raw(format!(" {}: ", t.facilitator)),
        name(&group.facilitator),
        Span::raw(format!("   {}: ", t.rapporteur)),
        name(&group.rapporteur),
    ];
    if !group.participants.is_empty() {
        spans.push(Span::raw(format!("   {}: ", t.participants)));
        spans.push(Span::styled(
            group.participants.len().to_string(),
            THEME.location,
        ));
    }
    Line::from(spans)
}

/// Wide screens keep the group's task in view above the examples.
fn task_and_examples(
    frame: &mut Frame,
    area: Rect,
    task: &[String],
    examples: &[String],
    first: usize,
    lang: Lang,
) {
    let task_lines: usize = paragraph_lines(task, area.width.saturating_sub(2))
        .iter()
        .map(|p| p.len() + 1)
        .sum();
    let [task_area, examples_area] = Layout::vertical([
        Constraint::Length(task_lines as u16 + 1),
        Constraint::Min(3),
    ])
    .areas(area);
    let block = framed(lang.t().instructions);
    let inner = block.inner(task_area);
    frame.render_widget(block, task_area);
    super::widgets::render_paragraphs(frame, inner, task, 0, lang);
    render_examples(frame, examples_area, examples, first, lang);
}

fn render_examples(frame: &mut Frame, area: Rect, examples: &[String], first: usize, lang: Lang) {
    let title = format!("{} (x)", lang.t().examples);
    framed_paragraphs(frame, area, title, examples, first, lang);
}

fn framed_paragraphs(
    frame: &mut Frame,
    area: Rect,
    title: String,
    text: &[String],
    first: usize,
    lang: Lang,
) {
    let block = framed(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    super::widgets::render_paragraphs(frame, inner, text, first, lang);
}

/// "posible duplicado del insumo 4.2 de «Soluciones Migratorias» (g para
/// ir)", when an input has a possible duplicate anywhere in the session.
pub fn similar_flag(
    open: &Open,
    input: &crate::model::session::Input,
    lang: Lang,
) -> Option<String> {
    let place = open.duplicates.get(&input.id)?;
    let position = open
        .session
        .groups
        .get(place.group)?
        .inputs
        .iter()
        .position(|i| i.id == place.id)?;
    // The number the plan prints for it too ("Posible duplicado de: 4.2").
    let number = open.session.input_number(place.group, position);
    Some(lang.similar_to(number, open.session.group_title(place.group)))
}

/// The question before a group is removed: (question, detail, keys). One
/// with inputs names the group they go to, chosen with ← → (its own keys);
/// an empty one is a plain yes/no (`None`: the usual keys).
pub fn remove_question(
    open: &Open,
    axis: &str,
    into: Option<&str>,
    lang: Lang,
) -> (String, String, Option<&'static str>) {
    let session = &open.session;
    let at = session.groups.iter().position(|g| g.axis == axis);
    let title = at.map_or(axis.to_string(), |g| session.group_title(g).to_string());
    let inputs = at.map_or(0, |g| session.groups[g].inputs.len());
    match into.and_then(|to| session.groups.iter().position(|g| g.axis == to)) {
        Some(to) => (
            lang.remove_group_into(&title, inputs),
            format!("‹ {}. {} ›", to + 1, session.group_title(to)),
            Some(lang.remove_group_keys()),
        ),
        None => (lang.confirm_remove_group().to_string(), title, None),
    }
}
