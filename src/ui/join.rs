//! `U` on a served session: what to write on the board — for each role the
//! command to type and its code — and the server key's fingerprint to check
//! on first connect. The roles are read each time it is drawn: a group
//! added, removed or moved during the day shows as it is now.
//!
//! It is made to be projected, so the facilitator's code is not on it:
//! `F` shows that one apart, on purpose (`ui::served`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::qr::TerminalQr;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::JoinInfo;
use crate::i18n::Lang;

pub fn render(frame: &mut Frame, area: Rect, join: &JoinInfo, web: Option<&str>, lang: Lang) {
    let t = lang.t();
    let (cards, problem) = join.roles.now(lang);
    let commands: Vec<(String, &str, Option<&str>)> = cards
        .iter()
        .filter(|card| !card.facilitator)
        .map(|card| {
            (
                join.command(&card.user),
                card.code.as_str(),
                card.axis.as_deref(),
            )
        })
        .collect();
    let width = commands
        .iter()
        .map(|(command, _, _)| command.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = vec![Line::styled(t.join_intro, THEME.location), Line::default()];
    for (command, code, axis) in &commands {
        let mut spans = vec![
            Span::raw(format!("{command:width$}   ")),
            Span::styled(format!("{} {code}", t.join_code), THEME.number),
        ];
        // The axis stays a group's name when the numbers move.
        if let Some(axis) = axis {
            spans.push(Span::styled(
                format!("   {}", lang.join_also_as(axis)),
                THEME.dim,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    if let Some(problem) = problem {
        lines.push(Line::styled(problem, THEME.error));
    }
    if join.addresses.len() > 1 {
        lines.push(Line::raw(lang.join_addresses(&join.addresses.join(", "))));
    }
    lines.push(Line::raw(lang.join_fingerprint(&join.fingerprint)));
    // The address in words, with the warning that HTTP is in clear.
    if let Some(link) = web {
        lines.push(Line::raw(lang.join_web(link)));
        lines.push(Line::styled(t.join_web_in_clear, THEME.dim));
    }
    lines.push(Line::styled(lang.join_facilitator_apart("F"), THEME.dim));
    let connected = join.connections.now().len();
    lines.push(Line::styled(lang.join_keys(connected), THEME.dim));
    let text_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    // The ballot page beside the commands: its address, and its QR code as
    // large as the screen leaves (phones scan it from the back rows); on a
    // screen with no room beside them, only the line of text above.
    let words = lang.poll_screen().web_page;
    let address_width = web.map_or(0, |web| web.chars().count().max(words.chars().count())) as u16;
    let room = area.width.saturating_sub(text_width + 6);
    let web = web.filter(|_| room >= address_width);
    let Some(web) = web else {
        let height = lines.len() as u16 + 2;
        let inner = popup(frame, centered(area, text_width + 2, height), t.join_title);
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    };
    let rows = area.height.saturating_sub(4);
    let code = TerminalQr::new(web).and_then(|qr| {
        let scale = qr.scale_to_fit(room, rows.saturating_sub(2))?;
        Some(qr.size(scale))
    });
    let (code_width, code_height) = code.unwrap_or((0, 0));
    let side = code_width.max(address_width);
    let height = (lines.len() as u16).max(code_height + 2) + 2;
    let inner = popup(
        frame,
        centered(area, text_width + side + 4, height),
        t.join_title,
    );
    let [text_area, _, web_area] = Layout::horizontal([
        Constraint::Length(text_width),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines), text_area);
    super::poll::address(frame, web_area, web, words, THEME.text);
}
