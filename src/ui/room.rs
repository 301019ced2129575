//! The room view (`p`): what the back row must read. In the plenaries, the
//! item and its big clock; during the breakouts, every group's clock at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::clock::{
    Digits, digits_style, phase_label, phase_label_in, phase_style, render_digits,
    render_digits_kept,
};
use super::kept::{Kept, RegionKey, style_area};
use super::lettering;
use super::theme::THEME;
use super::widgets::wrap;
use crate::app::{Model, Open, Part};
use crate::model::schedule::{RowState, TimerId};

pub fn render(frame: &mut Frame, area: Rect, open: &Open, model: &Model, kept: &mut Kept) {
    // The message's band fills its own cells; the big clock its own.
    let area = message(frame, area, &open.session.room_message);
    // A poll of this step fills the room: its count, then its results.
    if let Some(poll) = super::poll::shown(open) {
        super::poll::room(frame, area, open, model, poll, kept);
        return;
    }
    let fill = |frame: &mut Frame| style_area(frame.buffer_mut(), area, THEME.room);
    match (open.viewer.part, open.projected()) {
        (Part::Groups, _) => {
            fill(frame);
            dashboard(frame, area, open, model)
        }
        (_, TimerId::Report(axis))
            if let Some(g) = open.session.groups.iter().position(|g| g.axis == axis)
                && !open.session.groups[g].inputs.is_empty() =>
        {
            fill(frame);
            socialize(frame, area, open, model, g)
        }
        (_, TimerId::Final) if super::room_final::has_ranking(open) => {
            fill(frame);
            super::room_final::render(frame, area, open, model)
        }
        (_, id) => big_clock(frame, area, open, model, &id, kept),
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

/// The current item's title, its clock as large as fits, and its phase in words.
fn big_clock(
    frame: &mut Frame,
    area: Rect,
    open: &Open,
    model: &Model,
    id: &TimerId,
    kept: &mut Kept,
) {
    let session = &open.session;
    let timer = session.timer(id);
    let title = session.timer_label(id);
    let title_lines: Vec<Line> = wrap(&title, area.width.saturating_sub(4) as usize, "")
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, THEME.room_title))
        .collect();
    let [top, title_area, clock_area, label_area, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(title_lines.len() as u16),
        Constraint::Min(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    // Every cell but the clock's (filled with the digits, see
    // `render_digits_kept`) and the words under it is a region: a tick
    // draws again only the digits that changed and those words.
    for blank in [top, bottom] {
        kept.region(
            frame.buffer_mut(),
            blank,
            RegionKey::Blank(THEME.room),
            |buffer| style_area(buffer, blank, THEME.room),
        );
    }
    let title_key = RegionKey::Centred {
        lines: title_lines.clone(),
        background: THEME.room,
    };
    kept.frame_region(frame, title_area, title_key, |frame| {
        style_area(frame.buffer_mut(), title_area, THEME.room);
        frame.render_widget(Paragraph::new(title_lines).centered(), title_area);
    });
    let phase = timer.phase(model.now);
    let style = THEME.room.patch(phase_style(phase));
    let mut digits = THEME.room.patch(digits_style(phase));
    // The clock's row of the day, worked out once for this frame (see
    // `phase_label_in`).
    let (state, next) = session.row_and_next(id);
    // A stopped clock must not pass for a running one from the back row: its
    // digits dim, with the word for its state below them, large but smaller.
    let stopped_word = if state == Some(RowState::Done) {
        Some(model.lang.t().state_done)
    } else if timer.has_started() && !timer.is_running() {
        Some(model.lang.t().paused)
    } else {
        None
    };
    let display = timer.display(model.now);
    // A stopped clock gives a quarter of its height to the word saying so.
    let (clock_area, word) = match stopped_word {
        Some(word) => {
            digits = digits.add_modifier(THEME.digits_paused);
            let [clock_area, word_area] =
                Layout::vertical([Constraint::Fill(3), Constraint::Fill(1)]).areas(clock_area);
            (clock_area, Some((word_area, word.to_uppercase())))
        }
        None => (clock_area, None),
    };
    let lettering = lettering::Lettering::new(&display);
    let size = Digits::fitting_laid_out(&display, &lettering, clock_area.as_size());
    render_digits_kept(
        frame,
        kept,
        clock_area,
        (&display, &lettering),
        (digits, THEME.room),
        size,
    );
    if let Some((word_area, word)) = word {
        let word_size = Digits::fitting(&word, word_area.as_size()).at_most(size.half());
        style_area(frame.buffer_mut(), word_area, THEME.room);
        render_digits(frame, word_area, &word, THEME.room_title, word_size);
    }
    // The clock in words changes every second; what comes next, under
    // it, seldom: a region of its own, left as it is.
    let now_row = Rect {
        height: label_area.height.min(1),
        ..label_area
    };
    let next_row = Rect {
        y: now_row.bottom(),
        height: label_area.height - now_row.height,
        ..label_area
    };
    let now_line = Line::from(format!(
        "{} · {}",
        display,
        phase_label_in(session, id, model.now, model.lang, state)
    ))
    .centered();
    super::lines::draw_on(frame.buffer_mut(), now_row, style, [&now_line]);
    let next_lines: Vec<Line<'static>> = next
        .map(|next| {
            Line::styled(format!("{}: {next}", model.lang.t().next_up), THEME.room).centered()
        })
        .into_iter()
        .collect();
    let key = RegionKey::Centred {
        lines: next_lines.clone(),
        background: style,
    };
    kept.region(frame.buffer_mut(), next_row, key, |buffer| {
        super::lines::draw_on(buffer, next_row, style, &next_lines);
    });
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
