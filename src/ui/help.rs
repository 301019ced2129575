//! `?`: every key that works on the current screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup, wrap};
use crate::app::{Model, Page, Part};
use crate::i18n::Strings;

/// The keys of the screen the person is on, as (keys, what they do).
pub fn bindings(model: &Model) -> Vec<(&'static str, &'static str)> {
    let t: &Strings = model.lang.t();
    let common_tail = [("Ctrl+S", t.key_save), ("?", t.key_help), ("q", t.key_quit)];
    match &model.page {
        Page::Start(_) => vec![
            ("↑ ↓", t.key_select),
            ("Enter", t.key_open),
            ("n", t.key_new),
            ("?", t.key_help),
            ("q / Esc", t.key_start_quit),
        ],
        Page::Workshop(open) if open.viewer.editor.is_some() => vec![
            ("Esc", t.key_editor_finish),
            ("Enter", t.key_editor_newline),
            ("Ctrl+S", t.key_editor_save),
            ("Ctrl+Shift+V / Shift+Ins", t.key_editor_paste),
        ],
        Page::Workshop(open) => {
            let mut keys = vec![
                ("Tab / Shift+Tab · 1 2 3", t.key_parts),
                (t.key_space, t.key_timer),
            ];
            if open.viewer.part == Part::Groups {
                keys.push(("S", t.key_all_groups));
            }
            keys.extend([
                ("+ −", t.key_plus_minus),
                ("r", t.key_reset),
                ("m", t.key_minutes),
                ("p", t.key_room),
                ("c", t.key_schedule),
            ]);
            match open.viewer.part {
                Part::Opening => {
                    keys.push(("↑ ↓ · ← → · k j", t.key_select));
                    keys.push((t.keys_scroll, t.key_scroll));
                }
                Part::Groups | Part::Closing => {
                    keys.push(("← → · h l", t.key_groups));
                    keys.push(("↑ ↓ · k j", t.key_select));
                    keys.push(("a", t.key_add));
                    keys.push(("Enter / e", t.key_edit));
                    keys.push(("d", t.key_delete));
                    keys.push(("u", t.key_undo));
                    keys.push(("F", t.key_facilitator));
                    keys.push(("R", t.key_rapporteur));
                    if open.viewer.part == Part::Groups {
                        keys.push(("x", t.key_examples));
                    }
                    keys.push((t.keys_scroll, t.key_scroll));
                }
            }
            keys.extend(common_tail);
            keys
        }
    }
}

pub fn render(frame: &mut Frame, area: Rect, model: &Model) {
    let keys = bindings(model);
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let width = area.width.saturating_sub(4).min(76);
    let text_width = (width as usize).saturating_sub(key_width + 2);
    let mut lines: Vec<Line> = Vec::new();
    for (key, what) in keys {
        for (i, part) in wrap(what, text_width, "").into_iter().enumerate() {
            let key = if i == 0 { key } else { "" };
            let pad = key_width - key.chars().count();
            lines.push(Line::from(vec![
                Span::styled(format!("{key}{}", " ".repeat(pad)), THEME.number),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(model.lang.t().help_close, THEME.dim));
    let height = lines.len() as u16 + 2;
    let inner = popup(
        frame,
        centered(area, width, height),
        model.lang.t().help_title,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
