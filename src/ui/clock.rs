//! How a timer looks: its phase as words and style, and the big digits a
//! room can read.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::theme::THEME;
use crate::i18n::Lang;
use crate::model::timer::{Phase, Timer};

pub fn phase_style(phase: Phase) -> Style {
    match phase {
        Phase::NotStarted => THEME.phase_idle,
        Phase::Normal => THEME.phase_normal,
        Phase::Warning => THEME.phase_warning,
        Phase::Danger => THEME.phase_danger,
        Phase::Overtime => THEME.phase_overtime,
    }
}

/// The phase in words, with "paused" when it is not running: colour is never
/// the only signal.
pub fn phase_label(timer: &Timer, now: Timestamp, lang: Lang) -> String {
    let t = lang.t();
    let phase = timer.phase(now);
    let word = match phase {
        Phase::NotStarted => t.phase_idle,
        Phase::Normal => t.phase_normal,
        Phase::Warning => t.phase_warning,
        Phase::Danger => t.phase_danger,
        Phase::Overtime => t.phase_overtime,
    };
    if timer.has_started() && !timer.is_running() {
        format!("{word} · {}", t.paused)
    } else {
        word.to_string()
    }
}

/// `⏱ 09:59 · en tiempo`: the plain clock, readable at any size.
pub fn status(timer: &Timer, now: Timestamp, lang: Lang) -> String {
    format!(
        "⏱ {} · {}",
        timer.display(now),
        phase_label(timer, now, lang)
    )
}

/// Glyph sizes tried from the largest; the finer block characters
/// (sextants, octants) are skipped: projectors and some fonts garble them.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// The largest digits that fit in `area`, centred; plain text when even the
/// smallest do not fit. Returns the height used.
pub fn render_big(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let chars = text.chars().count() as u16;
    let fit = SIZES
        .iter()
        .find(|(_, w, h)| chars * w <= area.width && *h <= area.height);
    match fit {
        Some((size, _, height)) => {
            let [row] = Layout::vertical([Constraint::Length(*height)])
                .flex(Flex::Center)
                .areas(area);
            let big = BigText::builder()
                .pixel_size(*size)
                .style(style)
                .lines(vec![Line::from(text.to_string())])
                .centered()
                .build();
            frame.render_widget(big, row);
            *height
        }
        None => {
            let [row] = Layout::vertical([Constraint::Length(1)])
                .flex(Flex::Center)
                .areas(area);
            frame.render_widget(
                Paragraph::new(text.to_string()).style(style).centered(),
                row,
            );
            1
        }
    }
}
