//! Pieces shared by several screens: framed blocks, wrapped paragraphs with
//! bullets, the numbered list of a group's inputs, popups.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

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

/// Wraps `text` to `width` columns. Every line after the very first, also
/// those after a line break in the text, is indented by `indent`, so a
/// numbered item keeps its shape.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(indent.len() + 1);
    let first = textwrap::Options::new(width).subsequent_indent(indent);
    let rest = first.clone().initial_indent(indent);
    text.split('\n')
        .enumerate()
        .flat_map(|(n, line)| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                let options = if n == 0 { &first } else { &rest };
                textwrap::wrap(line, options)
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
/// and kept in view. Drawn line by line rather than with ratatui's `List`,
/// which leaves out an item taller than the area: a long input must still
/// show its beginning on the projector.
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
    let width = area.width as usize;
    let digits = inputs.len().to_string().len();
    let indent = " ".repeat(digits + 2);
    let selected = selected.map(|s| s.min(inputs.len() - 1));
    let mut lines: Vec<Line> = Vec::new();
    let mut starts = Vec::with_capacity(inputs.len() + 1);
    for (i, input) in inputs.iter().enumerate() {
        starts.push(lines.len());
        let number = format!("{:>digits$}. ", i + 1);
        let style = if selected == Some(i) {
            THEME.selected
        } else {
            THEME.text
        };
        for (n, line) in wrap(&format!("{number}{}", input.text), width, &indent)
            .into_iter()
            .enumerate()
        {
            // Padded to the full width so the selection reads as a band.
            let pad = width.saturating_sub(textwrap::core::display_width(&line));
            let line = match line.strip_prefix(&number) {
                Some(rest) if n == 0 => Line::from(vec![
                    Span::styled(number.clone(), THEME.number.patch(style)),
                    Span::styled(format!("{rest}{}", " ".repeat(pad)), style),
                ]),
                _ => Line::styled(format!("{line}{}", " ".repeat(pad)), style),
            };
            lines.push(line);
        }
    }
    starts.push(lines.len());
    let height = area.height as usize;
    let offset = match selected {
        Some(s) if starts[s + 1] > height => {
            let (begin, end) = (starts[s], starts[s + 1]);
            // The whole item if it fits, else from its first line.
            if end - begin <= height {
                end - height
            } else {
                begin
            }
        }
        _ => 0,
    };
    let more_below = lines.len() > offset + height;
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), area);
    // Small markers in the corner say there is more than the area shows.
    let mut mark = |y: u16, text: &'static str| {
        let corner = Rect::new(area.right() - 1, y, 1, 1);
        frame.render_widget(Paragraph::new(text).style(THEME.dim), corner);
    };
    if offset > 0 {
        mark(area.top(), "▲");
    }
    if more_below {
        mark(area.bottom() - 1, "▼");
    }
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
