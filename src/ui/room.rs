//! The room view (`p`): what the back row must read. In the plenaries, the
//! item and its big clock; during the breakouts, every group's clock at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::clock::{Digits, digits_style, phase_label, phase_style, render_digits};
use super::kept::{Kept, style_area};
use super::lettering;
use super::theme::THEME;
use super::widgets::wrap;
use crate::app::{Model, Open, Part};
use crate::model::schedule::TimerId;

pub fn render(frame: &mut Frame, room: Rect, open: &Open, model: &Model, kept: &mut Kept) {
    // The message's band fills its own cells; the big clock its own.
    let area = message(frame, room, &open.session.room_message);
    let fill = |frame: &mut Frame| style_area(frame.buffer_mut(), area, THEME.room);
    match shows(open) {
        Shows::Poll(poll) => super::poll::room(frame, area, open, model, poll, kept),
        Shows::Dashboard => {
            fill(frame);
            dashboard(frame, area, open, model)
        }
        Shows::Socialize(g) => {
            fill(frame);
            socialize(frame, area, open, model, g)
        }
        Shows::Ranking => {
            fill(frame);
            super::room_final::render(frame, area, open, model)
        }
        Shows::BigClock(id) => {
            super::room_clock::render(frame, (room, area), open, model, &id, kept)
        }
    }
}

/// What fills the room's screen.
pub enum Shows<'a> {
    /// A poll of this step: its count, then its results.
    Poll(&'a crate::model::poll::Poll),
    /// Every group's clock, during the breakouts.
    Dashboard,
    /// The inputs of this group being presented.
    Socialize(usize),
    /// The closing's ranking of inputs.
    Ranking,
    /// The item's title and its clock, large.
    BigClock(TimerId),
}

/// What the room's screen shows now, in this order: a poll the facilitator
/// put up; every group's clock during the breakouts; the inputs of the group
/// reporting back (its clock projected, and it has inputs); the closing's
/// ranking once there is one; else the projected item's clock, large. The
/// frame drawn and a second of the big clock drawn alone
/// (`clock_tick`) both ask here, so they never disagree.
pub fn shows(open: &Open) -> Shows<'_> {
    if let Some(poll) = super::poll::shown(open) {
        return Shows::Poll(poll);
    }
    match (open.viewer.part, open.projected()) {
        (Part::Groups, _) => Shows::Dashboard,
        (_, TimerId::Report(axis))
            if let Some(g) = open.session.groups.iter().position(|g| g.axis == axis)
                && !open.session.groups[g].inputs.is_empty() =>
        {
            Shows::Socialize(g)
        }
        (_, TimerId::Final) if super::room_final::has_ranking(open) => Shows::Ranking,
        (_, id) => Shows::BigClock(id),
    }
}

/// The facilitator's message to the room, across the top in the largest
/// letters that fit a third of the screen (ordinary bold letters when none
/// do); returns the area left for the rest.
fn message(frame: &mut Frame, area: Rect, message: &str) -> Rect {
    if message.is_empty() || area.height < 3 {
        return area;
    }
    let band = area.inner(ratatui::layout::Margin::new(2, 0));
    let third = Size::new(band.width, (area.height / 3).max(1));
    let (height, large) = match lettering::Paragraph::fitting(message, third) {
        Some(large) => (large.height() + 2, Some(large)),
        None => {
            let lines = wrap(message, band.width as usize, "").len() as u16;
            (lines.min(third.height) + 2, None)
        }
    };
    let [band_area, rest] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
    frame.render_widget(Block::default().style(THEME.room_message), band_area);
    let inner = band_area.inner(ratatui::layout::Margin::new(2, 1));
    match large {
        Some(large) => large.render(inner, frame.buffer_mut(), THEME.room_message),
        None => frame.render_widget(
            Paragraph::new(message.to_string())
                .style(THEME.room_message)
                .centered()
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        ),
    }
    rest
}

/// Socializing a group's inputs: the one being presented fills the screen
/// in the largest letters that hold it whole, its fields below, and in the
/// top corners its place in the list and the group's clock, small.
fn socialize(frame: &mut Frame, area: Rect, open: &Open, model: &Model, g: usize) {
    let session = &open.session;
    let group = &session.groups[g];
    let index = open
        .viewer
        .selected_in(g, session)
        .min(group.inputs.len() - 1);
    let input = &group.inputs[index];
    let id = TimerId::Report(group.axis.clone());
    let timer = session.timer(&id);
    let clock_style = THEME.room.patch(phase_style(timer.phase(model.now)));
    let width = area.width.saturating_sub(4) as usize;
    let fields = wrap(
        &super::widgets::fields_summary(input, model.lang),
        width,
        "",
    );
    let kind = match input.kind {
        crate::model::input::Kind::Action => String::new(),
        other => format!("{}: ", model.lang.kind(other)),
    };
    let text = format!("{kind}{}", input.text);
    // The text is set in the largest letters that hold it above a few lines
    // of fields; the fields then take the rows the text leaves, if needed.
    let areas = |fields: usize| {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(fields as u16),
        ])
        .areas::<5>(area)
    };
    let few = fields.len().min(SUMMARY_LINES);
    let inner = areas(few)[2].inner(ratatui::layout::Margin::new(2, 0));
    let large = lettering::Paragraph::fitting(&text, inner.as_size());
    let text_rows = match &large {
        Some(large) => large.height(),
        None => wrap(&text, inner.width as usize, "").len() as u16,
    };
    let spare = usize::from(inner.height.saturating_sub(text_rows));
    let summary: Vec<Line> = at_most(fields, few + spare, width)
        .into_iter()
        .map(|l| Line::styled(l, THEME.room))
        .collect();
    let [heading_area, _, text_area, _, fields_area] = areas(summary.len());
    let clock = format!(
        " {} · {} ",
        timer.display(model.now),
        phase_label(session, &id, model.now, model.lang)
    );
    let [place_area, clock_area] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(textwrap::core::display_width(&clock) as u16),
    ])
    .areas(heading_area);
    // The input's number as the room hears it and the plan prints it (2.3),
    // then how far along the group's list the presentation is.
    let place = format!(
        " {} ({}/{}) · {}",
        session.input_number(g, index),
        index + 1,
        group.inputs.len(),
        session.group_title(g)
    );
    frame.render_widget(
        Paragraph::new(super::widgets::words_within(
            &place,
            place_area.width as usize,
        ))
        .style(THEME.room_title),
        place_area,
    );
    frame.render_widget(Paragraph::new(clock).style(clock_style), clock_area);
    let inner = text_area.inner(ratatui::layout::Margin::new(2, 0));
    match large {
        Some(large) => large.render(inner, frame.buffer_mut(), THEME.room_title),
        None => {
            let lines: Vec<Line> = at_most(
                wrap(&text, inner.width as usize, ""),
                inner.height as usize,
                inner.width as usize,
            )
            .into_iter()
            .map(|l| Line::styled(l, THEME.room_title))
            .collect();
            let shown = lines.len() as u16;
            let [centred] = Layout::vertical([Constraint::Length(shown)])
                .flex(ratatui::layout::Flex::Center)
                .areas(inner);
            frame.render_widget(Paragraph::new(lines).centered(), centred);
        }
    }
    frame.render_widget(Paragraph::new(summary).centered(), fields_area);
}

/// The fields of the input being socialized take this many lines at
/// least (cut with an ellipsis), more when the text leaves rows.
const SUMMARY_LINES: usize = 3;

/// The first `count` lines, the last of them ending in "…" when some were
/// left out: a cut text says so.
fn at_most(mut lines: Vec<String>, count: usize, width: usize) -> Vec<String> {
    if lines.len() > count {
        lines.truncate(count);
        if let Some(last) = lines.last_mut() {
            *last = super::widgets::words_within(&format!("{last}…"), width);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

/// One tile per group: axis, own clock, phase, inputs captured.
fn dashboard(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let session = &open.session;
    let lang = model.lang;
    let groups = session.groups.len();
    let time = model
        .now
        .to_zoned(model.tz.clone())
        .strftime("%H:%M")
        .to_string();
    let plan = session.plan(session.day_moment(model.now));
    // The breakout period's own clock: the group with the most time left.
    let period = session
        .breakout_clocks()
        .map(|id| session.timer(&id))
        .filter(|timer| timer.is_running())
        .max_by_key(|timer| timer.remaining_ms(model.now))
        .map_or(String::new(), |timer| {
            format!(" {}", timer.display(model.now))
        });
    let heading = format!(
        "{}{period} · {} · {}",
        session.workshop.breakout.title,
        lang.time_of_day(time),
        super::schedule::drift_and_end(session, &plan, model)
    );
    let [heading_area, tiles_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(heading).style(THEME.room_title).centered(),
        heading_area,
    );
    if groups == 0 || tiles_area.height == 0 {
        return;
    }
    let columns: usize = if tiles_area.width >= 150 {
        3
    } else if tiles_area.width >= 70 {
        2
    } else {
        1
    };
    let rows = groups.div_ceil(columns);
    let row_areas =
        Layout::vertical(vec![Constraint::Ratio(1, rows as u32); rows]).split(tiles_area);
    let tiles: Vec<Rect> = row_areas
        .iter()
        .flat_map(|row_area| {
            Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns])
                .split(*row_area)
                .to_vec()
        })
        .take(groups)
        .collect();
    // One digit size for every tile, fitted to the smallest, so the clocks
    // side by side share a size and a baseline.
    let smallest = tiles
        .iter()
        .map(|tile| tile_areas(tile_block(false, String::new()).inner(*tile))[1].as_size())
        .min_by_key(|size| (size.width, size.height))
        .unwrap_or_default();
    let displays: Vec<String> = session
        .breakout_clocks()
        .map(|id| session.timer(&id).display(model.now))
        .collect();
    let digits = Digits::fitting_all(displays.iter().map(String::as_str), smallest);
    for (g, tile) in tiles.into_iter().enumerate() {
        group_tile(frame, tile, open, model, g, digits);
    }
}

/// A tile's frame; the current group's is thick.
fn tile_block(current: bool, title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if current {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if current {
            THEME.room_title
        } else {
            THEME.room
        })
        .title(Line::styled(title, THEME.room_title))
}

/// Inside a tile: two lines of title, the clock, one line of footer. The
/// title keeps its two lines even when one would do, so clocks line up.
fn tile_areas(inner: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner)
}

fn group_tile(frame: &mut Frame, area: Rect, open: &Open, model: &Model, g: usize, digits: Digits) {
    let session = &open.session;
    let id = TimerId::Breakout(session.groups[g].axis.clone());
    let timer = session.timer(&id);
    let phase = timer.phase(model.now);
    let style = THEME.room.patch(phase_style(phase));
    let mut digits_look = THEME.room.patch(digits_style(phase));
    if timer.has_started() && !timer.is_running() {
        digits_look = digits_look.add_modifier(THEME.digits_paused);
    }
    let number = session
        .workshop
        .axis(&session.groups[g].axis)
        .map_or(g as u32 + 1, |a| a.number);
    let block = tile_block(
        session.groups[g].axis == open.viewer.group_axis(),
        format!(" {} ", model.lang.axis_label(number)),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let title: Vec<Line> = wrap(session.group_title(g), inner.width as usize, "")
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, THEME.room_title))
        .collect();
    let footer = format!(
        "{} · {}",
        phase_label(session, &id, model.now, model.lang),
        model.lang.inputs(session.groups[g].inputs.len())
    );
    let [title_area, clock_area, footer_area] = tile_areas(inner);
    frame.render_widget(Paragraph::new(title).centered(), title_area);
    render_digits(
        frame,
        clock_area,
        &timer.display(model.now),
        digits_look,
        digits,
    );
    frame.render_widget(Paragraph::new(footer).style(style).centered(), footer_area);
}
