//! The served session's overlays on the facilitator's own screen: the
//! facilitator's code (shown apart from the projected join screen, on
//! purpose), who is connected, and where the session's file is (or, on a
//! screen joined over ssh, how to get a copy).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::{JoinInfo, Model, Open};
use crate::i18n::Lang;

/// A popup of `lines`, wrapped at word boundaries, as wide as they need up
/// to the screen's width.
fn boxed(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let width = (widest + 2).max(title.chars().count() as u16 + 4);
    let width = width.min(area.width.saturating_sub(2).max(10));
    let inner = width.saturating_sub(2).max(1);
    let height: u16 = lines
        .iter()
        .map(|l| (l.width() as u16).div_ceil(inner).max(1))
        .sum::<u16>()
        + 2;
    let inside = popup(frame, centered(area, width, height), title);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inside);
}

pub fn facilitator_code(frame: &mut Frame, area: Rect, join: &JoinInfo, lang: Lang) {
    let (cards, _) = join.roles.now(lang);
    let Some(card) = cards.iter().find(|card| card.facilitator) else {
        return;
    };
    let [warn, line, keys] = lang.facilitator_code_lines(&join.command(&card.user), &card.code);
    let lines = vec![
        Line::styled(warn, THEME.error),
        Line::default(),
        Line::styled(line, THEME.number),
        Line::default(),
        Line::styled(keys, THEME.dim),
    ];
    boxed(frame, area, lang.facilitator_code_title(), lines);
}

pub fn connections(
    frame: &mut Frame,
    area: Rect,
    join: &JoinInfo,
    model: &Model,
    selected: Option<u64>,
    asking: bool,
) {
    let lang = model.lang;
    let now = join.connections.now();
    let mut lines = Vec::new();
    if now.is_empty() {
        lines.push(Line::raw(lang.connections_none()));
    } else {
        let rows: Vec<[String; 4]> = now
            .iter()
            .map(|c| {
                [
                    c.user.clone(),
                    c.address.clone(),
                    c.since
                        .to_zoned(model.tz.clone())
                        .strftime("%H:%M:%S")
                        .to_string(),
                    format!("{}×{}", c.cols, c.rows),
                ]
            })
            .collect();
        let header = lang.connections_header().map(str::to_string);
        let mut widths = [0; 4];
        for row in std::iter::once(&header).chain(&rows) {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |row: &[String; 4]| {
            let [a, b, c, d] = row;
            let [wa, wb, wc, _] = widths;
            format!(" {a:wa$}  {b:wb$}  {c:wc$}  {d} ")
        };
        lines.push(Line::styled(line(&header), THEME.dim));
        let asked = now.iter().position(|card| Some(card.id) == selected);
        let selected = asked.unwrap_or(0);
        for (i, row) in rows.iter().enumerate() {
            if i == selected {
                lines.push(Line::styled(line(row), THEME.selected));
            } else {
                lines.push(Line::raw(line(row)));
            }
        }
        if asking {
            lines.push(Line::default());
            match asked {
                Some(place) => {
                    let who = format!("{} ({})", now[place].user, now[place].address);
                    lines.push(Line::styled(lang.connections_confirm(&who), THEME.error));
                }
                None => lines.push(Line::styled(lang.connection_gone(), THEME.dim)),
            }
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(lang.connections_keys(), THEME.dim));
    boxed(frame, area, lang.connections_title(), lines);
}

pub fn where_file(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let lang = model.lang;
    let lines: Vec<Line> = if model.remote {
        let [said, how, command] = lang.remote_copy_lines();
        vec![
            Line::raw(said),
            Line::default(),
            Line::raw(how),
            Line::styled(command, THEME.number),
            Line::default(),
            Line::styled(lang.any_key_closes(), THEME.dim),
        ]
    } else {
        let (file, folder) = crate::app::laptop::file_and_folder(open);
        let [file, folder, keys] = lang.where_file_lines(file, folder);
        vec![
            Line::styled(file, THEME.number),
            Line::raw(folder),
            Line::default(),
            Line::styled(keys, THEME.dim),
        ]
    };
    boxed(frame, area, lang.where_file_title(), lines);
}
