//! `?`: every key that works on the current screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup, wrap};
use crate::app::{Model, bindings};

pub fn render(frame: &mut Frame, area: Rect, model: &Model) {
    let keys = bindings(model);
    let t = model.lang.t();
    // One column on a projector; on a laptop screen, two, so every key
    // shows without scrolling. The columns are filled top to bottom. On a
    // screen too small for either, one column that ↑ ↓ scroll a key at a time.
    let one = columns(&keys, 1, area.width.saturating_sub(4).min(76));
    let two_width = area.width.saturating_sub(2);
    let two = columns(&keys, 2, two_width);
    let room = area.height.saturating_sub(4) as usize;
    let (width, mut lines) = if one.len() <= room {
        (area.width.saturating_sub(4).min(76), one)
    } else if two.len() <= room {
        (two_width, two)
    } else {
        let width = area.width.min(76);
        let first = model.help_scroll.min(keys.len().saturating_sub(1));
        let mut lines = Vec::new();
        if first > 0 {
            lines.push(Line::styled(t.more_above_keys, THEME.dim));
        }
        lines.extend(columns(&keys[first..], 1, width));
        let shown = room.saturating_sub(1).max(1);
        if lines.len() > shown {
            lines.truncate(shown.saturating_sub(1).max(1));
            lines.push(Line::styled(t.more_below_keys, THEME.dim));
        }
        (width, lines)
    };
    lines.push(Line::default());
    lines.push(Line::styled(t.help_close, THEME.dim));
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, centered(area, width, height), t.help_title);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The bindings laid out in `count` (1 or 2) columns within `width`
/// (borders included), split where the two columns come out most even.
fn columns(keys: &[(&str, &str)], count: usize, width: u16) -> Vec<Line<'static>> {
    let count = count.clamp(1, 2);
    let column_width = (width.saturating_sub(2) as usize) / count;
    let chunks: Vec<&[(&str, &str)]> = if count == 1 {
        vec![keys]
    } else {
        let split = (0..=keys.len())
            .min_by_key(|at| {
                let (left, right) = keys.split_at(*at);
                block(left, column_width)
                    .len()
                    .max(block(right, column_width).len())
            })
            .unwrap_or(0);
        let (left, right) = keys.split_at(split);
        vec![left, right]
    };
    let blocks: Vec<Vec<(String, String)>> =
        chunks.iter().map(|c| block(c, column_width)).collect();
    let rows = blocks.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|row| {
            let spans: Vec<Span> = blocks
                .iter()
                .flat_map(|block| match block.get(row) {
                    Some((key, text)) => vec![
                        Span::styled(key.clone(), THEME.number),
                        Span::raw(text.clone()),
                    ],
                    None => vec![Span::raw(" ".repeat(column_width))],
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// One column's rows: the key (padded), then its wrapped description.
fn block(keys: &[(&str, &str)], column_width: usize) -> Vec<(String, String)> {
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let text_width = column_width.saturating_sub(key_width + 1).max(8);
    keys.iter()
        .flat_map(|(key, what)| {
            wrap(what, text_width, "")
                .into_iter()
                .enumerate()
                .map(move |(i, part)| {
                    let key = if i == 0 { *key } else { "" };
                    (format!("{key:key_width$}"), format!("{part:text_width$} "))
                })
        })
        .collect()
}
