//! `view(&Model, &mut Frame)`: drawing is a pure function of the model.
//! One file per screen; the frame (header, footer, popups) lives here.

pub mod canvas;
mod clock;
mod clock_tick;
mod closing;
mod editor;
mod form;
mod framed;
mod groups;
mod help;
mod join;
pub mod kept;
mod lettering;
mod lines;
mod opening;
mod poll;
pub mod qr;
mod room;
mod room_clock;
mod room_final;
pub(crate) mod row_columns;
pub(crate) mod rows;
mod schedule;
mod screen_text;
mod served;
mod start;
pub mod theme;
mod widgets;
mod wrapped;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use textwrap::core::display_width;

use crate::app::{Mode, Model, Notice, NoticeText, Open, Overlay, Page, Part, SaveState};
use crate::i18n::Lang;
pub use canvas::Canvas;
use theme::THEME;
use widgets::words_within;

/// Below this size the screens cannot say anything useful.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

/// The screen of `model`, drawn whole on `frame`.
pub fn view(model: &Model, frame: &mut Frame) {
    draw(model, &mut Canvas::fresh(frame));
}

/// [`view`] on the canvas a terminal hands out, leaving the regions the
/// last frame drew the same as they are (see [`kept`]). The one place the
/// canvas is taken apart: the views below draw on the frame and say their
/// regions to `kept`, each given both, and never see the terminal that
/// keeps them (`crate::terminal`).
pub fn draw(model: &Model, canvas: &mut Canvas) {
    // The room's clock a second on, and nothing else: drawn alone.
    if canvas.tick(|buffer, drawn| clock_tick::tick(model, buffer, drawn)) {
        return;
    }
    let (frame, kept) = canvas.parts();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, model.lang);
        return;
    }
    match &model.page {
        Page::Start(start) => start::render(frame, area, start, model),
        Page::Workshop(open) => workshop(frame, area, open, model, kept),
    }
    if model.overlay.is_some() {
        kept.covered_somewhere();
    }
    match &model.overlay {
        Some(Overlay::Help) => help::render(frame, area, model),
        Some(Overlay::Join) => {
            if let Some(join) = &model.join {
                join::render(frame, area, join, model.web.as_deref(), model.lang);
            }
        }
        Some(Overlay::FacilitatorCode) => {
            if let Some(join) = &model.join {
                served::facilitator_code(frame, area, join, model.lang);
            }
        }
        Some(Overlay::Connections { selected, asking }) => {
            if let Some(join) = &model.join {
                served::connections(frame, area, join, model, *selected, *asking);
            }
        }
        Some(Overlay::WhereFile) => {
            if let Some(open) = model.open() {
                served::where_file(frame, area, open, model);
            }
        }
        Some(Overlay::ConfirmDelete { id }) => {
            if let Some(open) = model.open() {
                let session = &open.session;
                let text = session
                    .group_of_input(*id)
                    .and_then(|group| session.input(group, *id));
                let text = text.map_or("", |input| input.text.as_str());
                confirm(frame, area, model.lang.t().confirm_delete, text, model.lang);
            }
        }
        Some(Overlay::ConfirmReset(id)) => {
            if let Some(open) = model.open() {
                let detail = clock::status(&open.session, id, model.now, model.lang);
                confirm(
                    frame,
                    area,
                    model.lang.t().confirm_reset,
                    &detail,
                    model.lang,
                );
            }
        }
        Some(Overlay::ConfirmRemoveItem(id)) => {
            if let Some(open) = model.open() {
                let items = &open.session.workshop.opening.items;
                let title = items.iter().find(|i| i.id == *id).map(|i| i.title.as_str());
                let question = model.lang.confirm_remove_item();
                confirm(frame, area, question, title.unwrap_or(""), model.lang);
            }
        }
        Some(Overlay::RemoveGroup { axis, into }) => {
            if let Some(open) = model.open() {
                match groups::remove_question(open, axis, into.as_deref(), model.lang) {
                    (question, detail, None) => {
                        confirm(frame, area, &question, &detail, model.lang)
                    }
                    (question, detail, Some(keys)) => {
                        ask(frame, area, &question, &detail, keys);
                    }
                }
            }
        }
        Some(Overlay::ConfirmTrash(path)) => {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            confirm(frame, area, model.lang.t().confirm_trash, &name, model.lang);
        }
        Some(Overlay::PollChooser(chooser)) => {
            if let Some(open) = model.open() {
                poll::chooser(frame, area, open, chooser, model.lang);
            }
        }
        Some(Overlay::ClosePoll(id)) => {
            if let Some(open) = model.open() {
                let detail = poll::close_detail(open, *id, model.lang);
                let ps = model.lang.poll_screen();
                let keys = format!("{} · {}", model.lang.t().confirm_keys, ps.card_keys);
                ask(frame, area, ps.close_question, &detail, &keys);
            }
        }
        Some(Overlay::PollClosed(id)) => {
            if let Some(open) = model.open() {
                poll::closed(frame, area, open, *id, model.lang);
            }
        }
        Some(Overlay::ConfirmQuit) => {
            let reason = match model.open().map(|open| &open.save) {
                Some(SaveState::Failed(reason)) => reason.as_str(),
                _ => "",
            };
            confirm(frame, area, model.lang.t().confirm_quit, reason, model.lang);
        }
        None => {}
    }
    if model.no_color {
        strip_colour(frame);
    }
    screen_text::clean(frame.buffer_mut(), &kept.clean());
}

/// `NO_COLOR`: keep bold, reversal and underline; drop every colour.
fn strip_colour(frame: &mut Frame) {
    let area = frame.area();
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buffer[(x, y)];
            cell.fg = ratatui::style::Color::Reset;
            cell.bg = ratatui::style::Color::Reset;
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, lang: Lang) {
    let text = lang.too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    frame.render_widget(
        Paragraph::new(text)
            .style(THEME.error)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn workshop(frame: &mut Frame, area: Rect, open: &Open, model: &Model, kept: &mut kept::Kept) {
    let save_error = match &open.save {
        SaveState::Failed(reason) => Some(Notice {
            said: NoticeText::Translated(model.lang.save_failed(open.path.display(), reason)),
            is_error: true,
        }),
        _ => None,
    };
    let notice = model.notice.as_ref().or(save_error.as_ref());
    if open.viewer.mode == Mode::Room {
        // Nothing but the clocks, unless something must be said.
        let [room_area, status] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(notice.is_some() as u16),
        ])
        .areas(area);
        // The editor's popup clears its area over the clock's digits.
        if let Some(editor) = &open.viewer.editor {
            kept.covered(editor::area(editor, room_area));
        }
        room::render(frame, room_area, open, model, kept);
        // The room's message is typed from the room view too.
        if let Some(editor) = &open.viewer.editor {
            editor::render(frame, room_area, editor, open, model.lang);
        }
        if let Some(notice) = notice {
            render_notice(frame, status, notice, model.lang);
        }
        return;
    }
    let [header, body, footer_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    // The editor's popup clears every cell of its area: said first, so
    // the regions under it copy nothing there.
    if let Some(editor) = &open.viewer.editor {
        kept.covered(editor::area(editor, body));
    }
    render_header(frame, header, open, model);
    match (open.viewer.mode, open.viewer.part) {
        (Mode::Schedule, _) => schedule::render(frame, body, open, model),
        (_, Part::Opening) => opening::render(frame, body, open, model),
        (_, Part::Groups) => groups::render(frame, body, open, model.lang, kept),
        (_, Part::Closing) => {
            // The poll of this step, live, over the step's own screen.
            let body = match poll::shown(open) {
                Some(shown) => {
                    let [line, rest] =
                        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
                    frame.render_widget(Paragraph::new(poll::status_line(shown, model.lang)), line);
                    rest
                }
                None => body,
            };
            closing::render(frame, body, open, model.lang, kept)
        }
    }
    let t = model.lang.t();
    let form_keys = open
        .viewer
        .form
        .as_ref()
        .map(|f| form::keys_hint(f, model.lang));
    // The workshop's keys come from the keymap table; the line leaves one
    // column each side.
    let table_keys;
    let keys = match &open.viewer.editor {
        _ if form_keys.is_some() => form_keys.unwrap_or(t.form_keys),
        Some(editor) if editor.target.is_single_line() => t.line_editor_keys,
        Some(_) => t.editor_keys,
        None => {
            let width = footer_area.width.saturating_sub(2) as usize;
            table_keys = crate::app::footer(open, model.lang, width);
            &table_keys
        }
    };
    // The clock that runs, not the one of the page being read.
    let current = open.viewer.current_timer();
    let clock = clock::running_status(&open.session, &current, model.now, model.lang);
    render_footer(frame, footer_area, notice, model.lang, Some(&clock), keys);
    if let Some(editor) = &open.viewer.editor {
        editor::render(frame, body, editor, open, model.lang);
    }
    if let Some(f) = &open.viewer.form {
        kept.covered_somewhere();
        let session = &open.session;
        let number = session
            .group_of_input(f.id)
            .and_then(|g| session.groups[g].inputs.iter().position(|i| i.id == f.id))
            .map_or(0, |p| p + 1);
        form::render(
            frame,
            body,
            f,
            &open.session.invited_countries,
            number,
            model.lang,
        );
    }
}

/// Three lines: where the session is and whether it is saved; the three
/// parts with the current one marked; the exact place inside the part.
fn render_header(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let lang = model.lang;
    let session = &open.session;
    let [top, tabs, place] = Layout::vertical([Constraint::Length(1); 3]).areas(area);

    let (state, state_style) = match &open.save {
        SaveState::Saved(Some(at)) => {
            let time = at
                .to_zoned(model.tz.clone())
                .strftime("%H:%M:%S")
                .to_string();
            (lang.saved_at(time), THEME.saved)
        }
        SaveState::Saved(None) => (String::new(), THEME.saved),
        SaveState::Pending => ("…".to_string(), THEME.pending),
        SaveState::Failed(_) => ("!".to_string(), THEME.error),
    };
    let (state, state_style) = match &open.read_only {
        Some(_) => (lang.t().read_only_badge.to_string(), THEME.error),
        None => (state, state_style),
    };
    // Once the day has started, how it is going beats the workshop's title.
    // A day under way: a clock runs, or one stopped in the last hours. A
    // session reopened days later shows no drift against a long-gone day.
    let live = session.last_clock_move().is_some() && !session.day_is_past(model.now);
    let state = if live {
        let plan = session.plan(model.now);
        let day = schedule::drift_and_end(session, &plan, model);
        if state.is_empty() {
            day
        } else {
            format!("{day} · {state}")
        }
    } else {
        state
    };
    let state_width = state.chars().count() as u16 + 2;
    let [title_area, state_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(state_width)]).areas(top);
    // A group laptop says which group it is, in place of the workshop.
    let subtitle =
        crate::app::laptop::header(open, lang).unwrap_or_else(|| session.workshop.title.clone());
    // Cut between words, with "…", where the header is narrower than it;
    // the session's name, a name of one piece, by characters.
    let name = format!(" {} ", session.name);
    let width = usize::from(title_area.width);
    let room = width.saturating_sub(display_width(&name));
    let mut title = vec![Span::styled(
        widgets::chars_within(&name, width),
        THEME.header_title,
    )];
    // The workshop's title where its first word and a "…" can follow the
    // "· " (a title with no spaces, cut by characters, from 8 columns on).
    let first_word = subtitle.split_whitespace().next().map_or(0, display_width);
    if room >= 2 + (first_word + 1).min(8) {
        let subtitle = words_within(&subtitle, room - 2);
        title.push(Span::styled(format!("· {subtitle}"), THEME.header));
    }
    let title = Line::from(title);
    lines::draw_on(frame.buffer_mut(), title_area, THEME.header, &[title]);
    frame.render_widget(
        Paragraph::new(format!(" {state} "))
            .style(state_style)
            .right_aligned(),
        state_area,
    );

    // The parts in the interface's language; their content is the workshop's own.
    let t = lang.t();
    let names = [t.part_opening, t.part_groups, t.part_closing];
    let current = open.viewer.part.index();
    // Where the three names do not fit (a 60-column laptop), the other
    // parts go by their number alone, and no name is cut. Each tab is
    // " N name ", two " │ " between them; the last tab's closing space may
    // fall off the edge.
    let whole: usize = 1 + names.iter().map(|n| display_width(n) + 4).sum::<usize>() + 2 * 3;
    let numbers_only = whole - 1 > usize::from(tabs.width);
    let mut spans = vec![Span::raw(" ")];
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", THEME.dim));
        }
        let (style, tab) = match i == current {
            true => (THEME.tab_current, format!(" {} {name} ", i + 1)),
            false if numbers_only => (THEME.tab, format!(" {} ", i + 1)),
            false => (THEME.tab, format!(" {} {name} ", i + 1)),
        };
        spans.push(Span::styled(tab, style));
    }
    lines::draw(frame.buffer_mut(), tabs, &[Line::from(spans)]);
    let place_line = Line::from(location(open, lang, usize::from(place.width)));
    lines::draw_on(frame.buffer_mut(), place, THEME.location, &[place_line]);
}

/// The breadcrumb under the tabs: part, then item or group, in `width`
/// columns. The item's or group's title gives way first (whole words, then
/// "…"), so where the screen is and its count or timebox stay readable.
fn location(open: &Open, lang: Lang, width: usize) -> String {
    let session = &open.session;
    let viewer = &open.viewer;
    let part = lang.part_of(viewer.part.index() + 1, Part::ALL.len());
    let groups = session.groups.len();
    // The clock's own timebox: `+`, `-` and the sizing of report-back slots
    // change it, and the header must say what the clock counts down.
    let timebox = lang.minutes(session.timer(&viewer.current_timer()).planned_minutes());
    let (lead, title, tail) = match viewer.part {
        Part::Opening => {
            let items = &session.workshop.opening.items;
            let at = viewer.agenda_item(session);
            match items.get(at) {
                Some(item) => (
                    format!("{} · ", lang.item_of(at + 1, items.len())),
                    item.title.as_str(),
                    format!(" · {timebox}"),
                ),
                None => (String::new(), "", String::new()),
            }
        }
        Part::Groups => {
            let group = viewer.group(session);
            let inputs = session.groups.get(group).map_or(0, |g| g.inputs.len());
            (
                format!("{} · ", lang.group_of(group + 1, groups)),
                session.group_title(group),
                format!(" · {}", lang.inputs(inputs)),
            )
        }
        Part::Closing if viewer.report(session) < groups => {
            let report = viewer.report(session);
            (
                format!("{} · ", lang.report_of(report + 1, groups)),
                session.group_title(report),
                format!(" · {timebox}"),
            )
        }
        Part::Closing => (
            String::new(),
            session.workshop.closing.final_step.title.as_str(),
            format!(" · {timebox}"),
        ),
    };
    let lead = format!(" {part} › {lead}");
    let around = display_width(&lead) + display_width(&tail);
    match width.checked_sub(around) {
        // The title, or a word of it, and the "…".
        Some(room) if room > 2 => format!("{lead}{}{tail}", words_within(title, room)),
        // No room for the title: the place and the count or timebox.
        _ => words_within(&format!("{}{tail}", lead.trim_end_matches(" · ")), width),
    }
}

/// The status line (a notice on the left, the current clock always on the
/// right, as plain `mm:ss` readable at any size) and the keys of the screen.
pub(super) fn render_footer(
    frame: &mut Frame,
    area: Rect,
    notice: Option<&Notice>,
    lang: Lang,
    clock: Option<&(String, ratatui::style::Style)>,
    keys: &str,
) {
    let [status, key_line] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
    let clock_width = clock.map_or(0, |(text, _)| text.chars().count() as u16 + 2);
    let [notice_area, clock_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(clock_width)]).areas(status);
    if let Some((text, style)) = clock {
        let clock = Paragraph::new(format!("{text} "))
            .style(*style)
            .right_aligned();
        frame.render_widget(clock, clock_area);
    }
    // A notice too long to sit beside the clock goes on over the keys'
    // line (until the next key), wrapped between words: the clock stays,
    // and the reason of a refusal is read whole on a 60-column laptop.
    let mut rest = None;
    if let Some(notice) = notice {
        let words = notice.text(lang);
        let first = notice_area.width.saturating_sub(1) as usize;
        let (line, more) = notice_lines(&words, first, key_line.width.saturating_sub(2) as usize);
        draw_notice(frame, notice_area, notice, &line);
        rest = more.map(|more| (notice, more));
    }
    match rest {
        Some((notice, more)) => draw_notice(frame, key_line, notice, &more),
        None => {
            let keys = hints_within(keys, usize::from(key_line.width.saturating_sub(1)));
            let keys = Line::from(format!(" {keys}"));
            lines::draw_on(frame.buffer_mut(), key_line, THEME.keys, &[keys]);
        }
    }
}

/// A line of key hints ("Enter abrir · n nueva · … · ? ayuda") in `width`
/// columns, fitted as the workshop screen's footer is ([`crate::app::fit_hints`]):
/// the last hint (the help, or how to leave a form) always kept.
fn hints_within(keys: &str, width: usize) -> String {
    match keys.rsplit_once(" · ") {
        Some((rest, last)) => crate::app::fit_hints(None, rest.split(" · "), last, width),
        None => keys.to_string(),
    }
}

/// A notice's words in two lines, cut between words: the first at most
/// `first` columns wide, the rest (if any) at most `rest` wide, ending in
/// "…" if even that is not enough.
fn notice_lines(text: &str, first: usize, rest: usize) -> (String, Option<String>) {
    let mut words = text.split_whitespace().peekable();
    // The first line may stay empty (a word wider than it goes below);
    // the second takes at least one word.
    let mut fill = |width: usize, may_stay_empty: bool| {
        let mut line = String::new();
        while let Some(word) = words.peek() {
            let needed = display_width(word) + usize::from(!line.is_empty());
            let room = display_width(&line) + needed <= width;
            if !room && (!line.is_empty() || may_stay_empty) {
                break;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            words.next();
        }
        line
    };
    let line = fill(first, true);
    let mut more = fill(rest, false);
    if words.peek().is_some() {
        while !more.is_empty() && display_width(&more) + 1 > rest {
            more.pop();
        }
        more.push('…');
    }
    (line, (!more.is_empty()).then_some(more))
}

/// A notice, put in words in the language of the screen that draws it.
fn render_notice(frame: &mut Frame, area: Rect, notice: &Notice, lang: Lang) {
    draw_notice(frame, area, notice, &notice.text(lang));
}

fn draw_notice(frame: &mut Frame, area: Rect, notice: &Notice, words: &str) {
    let style = if notice.is_error {
        THEME.error
    } else {
        THEME.notice
    };
    let text = Line::from(format!(" {words}"));
    lines::draw_on(frame.buffer_mut(), area, style, &[text]);
}

/// A yes/no question in a popup, with what it is about.
fn confirm(frame: &mut Frame, area: Rect, question: &str, detail: &str, lang: Lang) {
    ask(frame, area, question, detail, lang.t().confirm_keys);
}

/// A question in a popup, with what it is about and the keys that answer it.
fn ask(frame: &mut Frame, area: Rect, question: &str, detail: &str, keys: &str) {
    let width = area.width.saturating_sub(4).min(70);
    let inner_width = width.saturating_sub(2) as usize;
    // The question wraps: it must be read whole before anyone answers it.
    let mut lines: Vec<Line> = widgets::wrap(question, inner_width, "")
        .into_iter()
        .map(|l| Line::styled(l, THEME.location))
        .collect();
    lines.push(Line::default());
    let detail_lines = widgets::wrap(detail, inner_width, "");
    let shown = detail_lines.len().min(6);
    lines.extend(detail_lines.into_iter().take(shown).map(Line::raw));
    lines.push(Line::default());
    lines.push(Line::styled(keys.to_string(), THEME.dim));
    let height = lines.len() as u16 + 2;
    let inner = widgets::popup(frame, widgets::centered(area, width, height), "");
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests;
