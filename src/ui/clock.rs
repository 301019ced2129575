//! How a timer looks: its phase as words and style, and the big digits a
//! room can read.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect, Size};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::kept::{Kept, RegionKey, minus, style_area};
use super::lettering::{Lettering, Scale};
use super::theme::THEME;
use crate::i18n::Lang;
use crate::model::schedule::{RowState, TimerId};
use crate::model::session::Session;
use crate::model::timer::Phase;

pub fn phase_style(phase: Phase) -> Style {
    match phase {
        Phase::NotStarted => THEME.phase_idle,
        Phase::Normal => THEME.phase_normal,
        Phase::Warning => THEME.phase_warning,
        Phase::Danger => THEME.phase_danger,
        Phase::Overtime => THEME.phase_overtime,
    }
}

/// How the room's big digits look in a phase.
pub fn digits_style(phase: Phase) -> Style {
    match phase {
        Phase::NotStarted => THEME.digits_idle,
        Phase::Normal => THEME.digits_normal,
        Phase::Warning => THEME.digits_warning,
        Phase::Danger => THEME.digits_danger,
        Phase::Overtime => THEME.digits_overtime,
    }
}

/// The phase in words, with "paused" when it is not running: colour is never
/// the only signal. A clock whose part of the day is over says so, not
/// "paused": a later item has started and it will not resume.
pub fn phase_label(session: &Session, id: &TimerId, now: Timestamp, lang: Lang) -> String {
    phase_label_in(session, id, now, lang, session.row_state(id, now))
}

/// [`phase_label`] with the clock's row state read already from the day's
/// plan (`Plan::state_of`): the room redraws its clock every second, and
/// working the plan out once a tick instead of three times was a
/// twentieth of a tick's instructions (callgrind).
pub fn phase_label_in(
    session: &Session,
    id: &TimerId,
    now: Timestamp,
    lang: Lang,
    state: Option<RowState>,
) -> String {
    let t = lang.t();
    let timer = session.timer(id);
    if state == Some(RowState::Done) {
        return t.state_done.to_string();
    }
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
pub fn status(session: &Session, id: &TimerId, now: Timestamp, lang: Lang) -> String {
    format!(
        "⏱ {} · {}",
        session.timer(id).display(now),
        phase_label(session, id, now, lang)
    )
}

/// The status line's clock: the one that runs (`Session::running_clock`),
/// named when it is not the page's own, in its phase's style.
pub fn running_status(
    session: &Session,
    selected: &TimerId,
    now: Timestamp,
    lang: Lang,
) -> (String, Style) {
    let id = session.running_clock(selected, now);
    let mut text = status(session, &id, now, lang);
    if id != *selected {
        let name = match &id {
            TimerId::Breakout(_) => session.workshop.breakout.title.clone(),
            other => session.timer_label(other),
        };
        text = format!("{text} · {}", shortened(&name, STATUS_NAME_CHARS));
    }
    (text, phase_style(session.timer(&id).phase(now)))
}

/// Room enough for a name on an 80-column status line beside a notice.
const STATUS_NAME_CHARS: usize = 24;

/// `text` in at most `chars` characters, an ellipsis saying it was cut.
fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// How big a clock's digits are drawn: scaled to the area while the
/// lettering fits, then `tui-big-text`'s quadrant glyphs (the finer sextants
/// and octants are skipped: projectors and some fonts garble them), then
/// plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    Scaled(Scale),
    Quadrant,
    Plain,
}

/// Cells per character of the quadrant glyphs.
const QUADRANT: u16 = 4;

impl Digits {
    /// The largest digits that show `text` whole in `area`.
    pub fn fitting(text: &str, area: Size) -> Digits {
        Digits::fitting_laid_out(text, &Lettering::new(text), area)
    }

    /// [`fitting`](Self::fitting), `text` laid out already (a room clock's
    /// tick lays it out once, to size it and to draw it).
    pub fn fitting_laid_out(text: &str, lettering: &Lettering, area: Size) -> Digits {
        if let Some(scale) = lettering.largest_scale(area) {
            return Digits::Scaled(scale);
        }
        let chars = text.chars().count() as u16;
        if chars * QUADRANT <= area.width && QUADRANT <= area.height {
            Digits::Quadrant
        } else {
            Digits::Plain
        }
    }

    /// The digits that fit every one of `texts` in `area`: tiles side by side
    /// then share one size and baseline.
    pub fn fitting_all<'a>(texts: impl IntoIterator<Item = &'a str>, area: Size) -> Digits {
        texts
            .into_iter()
            .map(|text| Digits::fitting(text, area))
            .min_by_key(Digits::weight)
            .unwrap_or(Digits::Plain)
    }

    /// The smaller of the two.
    pub fn at_most(self, other: Digits) -> Digits {
        std::cmp::min_by_key(self, other, Digits::weight)
    }

    /// Half the size, for words set beside digits that must stay larger.
    pub fn half(self) -> Digits {
        match self {
            Digits::Scaled(s) => Digits::Scaled(Scale::cells(
                (s.half_columns / 4).max(1),
                (s.half_rows / 2).max(1),
            )),
            smaller => smaller,
        }
    }

    fn weight(&self) -> (u8, u32) {
        match self {
            Digits::Scaled(s) => (2, s.weight()),
            Digits::Quadrant => (1, 0),
            Digits::Plain => (0, 0),
        }
    }
}

/// `text` centred in `area` at the given size. Returns the height used.
pub fn render_digits(
    frame: &mut Frame,
    area: Rect,
    text: &str,
    style: Style,
    digits: Digits,
) -> u16 {
    match digits {
        Digits::Scaled(scale) => {
            let lettering = Lettering::new(text);
            frame.render_widget(lettering.at(scale, style), area);
            lettering.size(scale).height.min(area.height)
        }
        Digits::Quadrant => {
            let [row] = Layout::vertical([Constraint::Length(QUADRANT)])
                .flex(Flex::Center)
                .areas(area);
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(style)
                .lines(vec![Line::from(text.to_string())])
                .centered()
                .build();
            frame.render_widget(big, row);
            QUADRANT
        }
        Digits::Plain => {
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

/// [`render_digits`] on a `background` that fills `area`, each character
/// of large digits a region of its own (see `kept`), and the blank around
/// them too: a digit drawn the same in the same place as in the last frame
/// is copied from it, and the terminal does not compare it again. Returns
/// where the large digits went, when they are.
pub fn render_digits_kept(
    frame: &mut Frame,
    kept: &mut Kept,
    area: Rect,
    (text, lettering): (&str, &Lettering),
    (style, background): (Style, Style),
    digits: Digits,
) -> Option<Glyphs> {
    let glyphs = match digits {
        Digits::Scaled(scale) => Glyphs::of(lettering, scale, style, area),
        _ => None,
    };
    let Some(mut glyphs) = glyphs else {
        style_area(frame.buffer_mut(), area, background);
        render_digits(frame, area, text, style, digits);
        return None;
    };
    for blank in minus(area, glyphs.inked) {
        kept.region(
            frame.buffer_mut(),
            blank,
            RegionKey::Blank(background),
            |buffer| style_area(buffer, blank, background),
        );
    }
    glyphs.regions.start = kept.region_count();
    for (at, glyph) in glyphs.each.iter().enumerate() {
        kept.region_over(
            frame.buffer_mut(),
            glyph.cells,
            glyph.key.clone(),
            |buffer, before| glyphs.draw(buffer, (text, lettering), at, before),
        );
    }
    glyphs.regions.end = kept.region_count();
    Some(glyphs)
}

/// Large digits laid out in an area, each character a region of its own.
#[derive(Clone, PartialEq)]
pub struct Glyphs {
    pub area: Rect,
    pub scale: Scale,
    pub style: Style,
    /// The cells the digits take; the rest of the area is blank.
    pub inked: Rect,
    pub each: Vec<Glyph>,
    /// Where their regions are in the frame's (from `kept`'s count).
    pub regions: std::ops::Range<usize>,
}

/// One character of large digits.
#[derive(Clone, PartialEq)]
pub struct Glyph {
    pub cells: Rect,
    pub key: RegionKey,
    /// Its columns in the lettering, from its left.
    columns: std::ops::Range<u16>,
}

impl Glyphs {
    /// `lettering` at `scale`, centred in `area`, a glyph for each
    /// character (`None` when it has no columns of its own).
    pub fn of(lettering: &Lettering, scale: Scale, style: Style, area: Rect) -> Option<Glyphs> {
        let columns = lettering.glyph_columns(scale)?;
        let (left, top) = lettering.at(scale, style).origin(area);
        let size = lettering.size(scale);
        let height = size.height.min(area.height);
        let rows = lettering.rows();
        let each = columns
            .into_iter()
            .map(|(symbol, columns)| Glyph {
                cells: Rect::new(
                    left + columns.start,
                    top,
                    columns.end - columns.start,
                    height,
                )
                .intersection(area),
                key: RegionKey::Glyph {
                    symbol,
                    scale,
                    style,
                    rows,
                },
                columns,
            })
            .collect();
        Some(Glyphs {
            area,
            scale,
            style,
            inked: Rect::new(left, top, size.width, height).intersection(area),
            each,
            regions: 0..0,
        })
    }

    /// Draws the `at`th character of `text` (laid out as `lettering`) on
    /// its cells, which hold what `before` drew there, if known: each cell
    /// that differs is set. Returns the parts of its cells left as they
    /// were (see [`Kept::region_over`]).
    pub fn draw(
        &self,
        buffer: &mut Buffer,
        (text, lettering): (&str, &Lettering),
        at: usize,
        before: Option<&RegionKey>,
    ) -> Vec<Rect> {
        let glyph = &self.each[at];
        let drawn = lettering.at(self.scale, self.style);
        let columns = glyph.columns.clone();
        // A digit over another digit, the rest as it was (a running
        // clock, every second): only the cells that differ are set.
        match (before, &glyph.key) {
            (
                Some(&RegionKey::Glyph {
                    symbol: was,
                    scale: was_scale,
                    style: was_style,
                    rows: was_rows,
                }),
                &RegionKey::Glyph { symbol, rows, .. },
            ) if (was_scale, was_style, was_rows) == (self.scale, self.style, rows)
                && was.is_ascii_digit()
                && symbol.is_ascii_digit() =>
            {
                let before: String = text
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == at { was } else { c })
                    .collect();
                drawn.refill_columns(&Lettering::new(&before), self.area, buffer, columns)
            }
            _ => {
                drawn.fill_columns(self.area, buffer, columns);
                Vec::new()
            }
        }
    }
}
