//! Pieces shared by several screens: framed blocks, wrapped paragraphs with
//! bullets, the numbered list of a group's inputs, popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::theme::THEME;
use crate::i18n::Lang;
use crate::model::session::Input;

pub fn framed(title: impl Into<String>) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(THEME.border)
        .title(Span::styled(
            format!(" {} ", title.into()),
            THEME.block_title,
        ))
}

/// Wraps `text` to `width` columns, each line after the first indented by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(indent.len() + 1);
    let options = textwrap::Options::new(width).subsequent_indent(indent);
    text.split('\n')
        .flat_map(|line| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(line, &options)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
        })
        .collect()
}

/// Paragraphs as lines: "- " starts a bullet (drawn "•" with a hanging
/// indent), a blank line between paragraphs.
pub fn paragraph_lines(paragraphs: &[String], width: u16) -> Vec<Vec<Line<'static>>> {
    paragraphs
        .iter()
        .map(|paragraph| match paragraph.strip_prefix("- ") {
            Some(bullet) => wrap(&format!("• {bullet}"), width as usize, "  ")
                .into_iter()
                .map(|l| Line::styled(l, THEME.text))
                .collect(),
            None => wrap(paragraph, width as usize, "")
                .into_iter()
                .map(|l| Line::styled(l, THEME.text))
                .collect(),
        })
        .collect()
}

/// Draws paragraphs from `first` on, saying when there is more above or below.
pub fn render_paragraphs(
    frame: &mut Frame,
    area: Rect,
    paragraphs: &[String],
    first: usize,
    lang: Lang,
) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = lang.t();
    let first = first.min(paragraphs.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if first > 0 {
        lines.push(Line::styled(t.more_above, THEME.dim));
    }
    for (i, paragraph) in paragraph_lines(&paragraphs[first.min(paragraphs.len())..], area.width)
        .into_iter()
        .enumerate()
    {
        // Bullets sit together; prose paragraphs get air between them.
        let is_bullet = paragraphs[first + i].starts_with("- ");
        if i > 0 && !is_bullet {
            lines.push(Line::default());
        }
        lines.extend(paragraph);
    }
    let height = area.height as usize;
    if lines.len() > height {
        lines.truncate(height.saturating_sub(1));
        lines.push(Line::styled(t.more_below, THEME.dim));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A group's inputs, numbered, wrapped, with the selected one highlighted
/// (when `selected` is given) and kept in view.
pub fn render_inputs(
    frame: &mut Frame,
    area: Rect,
    inputs: &[Input],
    selected: Option<usize>,
    empty: &str,
) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    if inputs.is_empty() {
        let lines: Vec<Line> = wrap(empty, area.width as usize, "")
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let digits = inputs.len().to_string().len();
    let indent = " ".repeat(digits + 2);
    let items: Vec<ListItem> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let number = format!("{:>digits$}. ", i + 1);
            let body = wrap(
                &format!("{number}{}", input.text),
                area.width as usize,
                &indent,
            );
            let lines: Vec<Line> = body
                .into_iter()
                .enumerate()
                .map(|(n, line)| match line.strip_prefix(&number) {
                    Some(rest) if n == 0 => Line::from(vec![
                        Span::styled(number.clone(), THEME.number),
                        Span::raw(rest.to_string()),
                    ]),
                    _ => Line::raw(line),
                })
                .collect();
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default().with_selected(selected.map(|s| s.min(inputs.len() - 1)));
    let list = List::new(items).highlight_style(THEME.selected);
    frame.render_stateful_widget(list, area, &mut state);
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Clears a popup's area and frames it; returns the inside.
pub fn popup(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(THEME.popup_border)
        .title(Span::styled(title.to_string(), THEME.popup_border))
        .style(THEME.popup);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_accents_and_indents_continuations() {
        let lines = wrap("• acción regional sobre información compartida", 20, "  ");
        assert!(lines.len() > 1);
        assert!(lines[1].starts_with("  "));
        assert!(lines.join(" ").contains("información"));
    }

    #[test]
    fn wrap_never_loops_on_tiny_widths() {
        assert!(!wrap("palabra", 0, "    ").is_empty());
        assert_eq!(wrap("", 10, ""), [""]);
    }
}
