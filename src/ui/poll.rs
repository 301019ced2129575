//! Phone polls on the terminal: the facilitator's chooser and questions
//! (`V`), the line the closing screen keeps while a poll runs, and the
//! room's panel — the count while the poll is open, the results as bars
//! once revealed, and where phones vote (the page's address and its QR).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::kept::{Kept, RegionKey, style_area};
use super::qr::TerminalQr;
use super::theme::THEME;
use super::widgets::{self, words_within};
use crate::app::poll::{Chooser, ChooserKind};
use crate::app::{Model, Open, Part};
use crate::i18n::Lang;
use crate::model::poll::{Choice, Consent, Poll, PollKind};
use crate::model::session::Session;

/// The poll the screens show: the one open, else the last one, while the
/// closing plenary is on a step it was about (the report-back of one of
/// its inputs' groups, or the final step).
pub fn shown(open: &Open) -> Option<&Poll> {
    if open.viewer.part != Part::Closing {
        return None;
    }
    let session = &open.session;
    let poll = session.open_poll().or_else(|| {
        session
            .polls
            .iter()
            .max_by_key(|p| p.opened_at)
            .map(|p| &**p)
    })?;
    let here = match open.viewer.report_axis() {
        None => true,
        Some(axis) => poll.inputs.iter().any(|id| {
            session
                .group_of_input(*id)
                .is_some_and(|g| session.groups[g].axis == axis)
        }),
    };
    here.then_some(poll)
}

fn kind_name(kind: PollKind, lang: Lang) -> String {
    let w = lang.poll_words();
    let name = match kind {
        PollKind::Points { .. } => w.kind_points,
        PollKind::Consent => w.kind_consent,
        PollKind::YesNo => w.kind_yes_no,
    };
    format!("{} ({name})", w.poll)
}

/// The facilitator's line over the closing screen: the poll's kind and its
/// count, live; whether its results are still hidden.
pub fn status_line(poll: &Poll, lang: Lang) -> Line<'static> {
    let ps = lang.poll_screen();
    let mut spans = vec![
        Span::styled(
            format!(" {} · ", kind_name(poll.kind, lang)),
            THEME.location,
        ),
        Span::styled(
            lang.poll_votes(poll.voted.len(), poll.entitled.len()),
            THEME.number,
        ),
    ];
    let state = match (poll.closed_at, poll.revealed_at) {
        (None, _) => format!(" · V: {}", ps.close_question),
        (Some(_), None) => format!(" · {}", ps.closed_hidden),
        (Some(_), Some(_)) => format!(" · {}", ps.revealed),
    };
    spans.push(Span::styled(state, THEME.dim));
    Line::from(spans)
}

/// `V`'s chooser: the three kinds, their settings, named or secret, and
/// the cards that will vote (or how to make them).
pub fn chooser(frame: &mut Frame, area: Rect, open: &Open, chooser: &Chooser, lang: Lang) {
    let ps = lang.poll_screen();
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = width.saturating_sub(2) as usize;
    let session = &open.session;
    let numbers = session.input_numbers();
    let on = chooser
        .selected
        .and_then(|id| numbers.get(&id).cloned())
        .unwrap_or_else(|| "—".into());
    let kinds = [
        (
            ChooserKind::Points,
            lang.poll_points_rule(chooser.points, chooser.max_per_input),
        ),
        (ChooserKind::Consent, ps.consent_line.to_string()),
        (ChooserKind::YesNo, lang.poll_yes_no_on(&on)),
    ];
    let mut lines = vec![
        Line::styled(lang.poll_over(chooser.voted().len()), THEME.dim),
        Line::default(),
    ];
    for (kind, text) in kinds {
        let chosen = kind == chooser.kind;
        let mark = if chosen { "▶ " } else { "  " };
        let style = if chosen { THEME.selected } else { THEME.text };
        for (n, line) in widgets::wrap(&text, inner_width.saturating_sub(2), "")
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { mark } else { "  " };
            lines.push(Line::styled(format!("{lead}{line}"), style));
        }
    }
    lines.push(Line::default());
    let ballot = if chooser.secret {
        ps.secret_line
    } else {
        ps.named_line
    };
    lines.push(Line::styled(
        words_within(ballot, inner_width),
        THEME.location,
    ));
    let cards = match &open.cards {
        None => Line::styled(ps.reading_cards, THEME.dim),
        Some(Ok(cards)) if !cards.is_empty() => Line::styled(
            words_within(&lang.poll_cards(cards.len()), inner_width),
            THEME.dim,
        ),
        Some(Ok(_)) => {
            let name = open.path.file_stem().unwrap_or_default().to_string_lossy();
            let text = lang.poll_no_cards(&name);
            for line in widgets::wrap(&text, inner_width, "") {
                lines.push(Line::styled(line, THEME.error));
            }
            Line::default()
        }
        Some(Err(why)) => Line::styled(
            words_within(&lang.poll_cards_unread(why), inner_width),
            THEME.error,
        ),
    };
    lines.push(cards);
    if chooser.voted().is_empty() {
        lines.push(Line::styled(ps.no_inputs, THEME.error));
    }
    lines.push(Line::default());
    for line in widgets::wrap(ps.chooser_keys, inner_width, "") {
        lines.push(Line::styled(line, THEME.dim));
    }
    let height = lines.len() as u16 + 2;
    let inner = widgets::popup(
        frame,
        widgets::centered(area, width, height),
        ps.chooser_title,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What `V` asks before closing the open poll: its count so far.
pub fn close_detail(open: &Open, id: uuid::Uuid, lang: Lang) -> String {
    let ps = lang.poll_screen();
    match open.session.poll(id) {
        Some(poll) => format!(
            "{} · {}",
            lang.poll_votes(poll.voted.len(), poll.entitled.len()),
            ps.close_detail
        ),
        None => ps.close_detail.to_string(),
    }
}

/// A closed poll whose results are hidden: reveal, make secret, or next.
pub fn closed(frame: &mut Frame, area: Rect, open: &Open, id: uuid::Uuid, lang: Lang) {
    let ps = lang.poll_screen();
    let Some(poll) = open.session.poll(id) else {
        return;
    };
    let width = area.width.saturating_sub(4).min(70);
    let inner_width = width.saturating_sub(2) as usize;
    let mut lines = vec![
        Line::styled(kind_name(poll.kind, lang), THEME.location),
        Line::styled(
            lang.poll_turnout(poll.voted.len(), poll.entitled.len()),
            THEME.number,
        ),
        Line::default(),
    ];
    let mut keys = ps.closed_keys.to_string();
    if !poll.secret {
        keys = format!("{keys} · {}", ps.closed_keys_named);
    }
    for line in widgets::wrap(&keys, inner_width, "") {
        lines.push(Line::styled(line, THEME.dim));
    }
    let height = lines.len() as u16 + 2;
    let inner = widgets::popup(
        frame,
        widgets::centered(area, width, height),
        ps.closed_title,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Everything the room's poll panel shows, as words: its key (a tick with
/// nothing new draws none of it again) and what it draws.
fn said(poll: &Poll, session: &Session, web: Option<&str>, lang: Lang) -> Vec<String> {
    let mut said = vec![
        kind_name(poll.kind, lang),
        lang.poll_votes(poll.voted.len(), poll.entitled.len()),
        format!("{:?}{:?}", poll.closed_at, poll.revealed_at),
    ];
    if poll.revealed_at.is_some() {
        said.extend(
            result_rows(poll, session, lang)
                .into_iter()
                .map(|r| format!("{}|{}|{:?}", r.label, r.text, r.counts)),
        );
    } else if poll.closed_at.is_none()
        && let Some(web) = web
    {
        said.push(web.to_string());
    }
    said
}

/// The room's panel for a poll, in place of the clock: one region, so a
/// tick redraws none of it; a ballot landing changes the count and only
/// then is it drawn again.
pub fn room(
    frame: &mut Frame,
    area: Rect,
    open: &Open,
    model: &Model,
    poll: &Poll,
    kept: &mut Kept,
) {
    let session = &open.session;
    let key = RegionKey::Said {
        said: said(poll, session, model.web.as_deref(), model.lang),
        background: THEME.room,
    };
    kept.frame_region(frame, area, key, |frame| {
        style_area(frame.buffer_mut(), area, THEME.room);
        draw_room(frame, area, session, model, poll);
    });
}

fn draw_room(frame: &mut Frame, area: Rect, session: &Session, model: &Model, poll: &Poll) {
    let lang = model.lang;
    let ps = lang.poll_screen();
    let area = area.inner(Margin::new(2, 1));
    let title = words_within(&kind_name(poll.kind, lang), area.width as usize);
    let votes = lang.poll_votes(poll.voted.len(), poll.entitled.len());
    let [title_area, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(title).style(THEME.room_title).centered(),
        title_area,
    );
    if poll.revealed_at.is_some() {
        let [count_area, _, bars_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        frame.render_widget(
            Paragraph::new(votes).style(THEME.room).centered(),
            count_area,
        );
        bars(frame, bars_area, &result_rows(poll, session, lang), lang);
        return;
    }
    // While open: where to vote beside the count; once closed, the count alone.
    let web = model.web.as_deref().filter(|_| poll.closed_at.is_none());
    let (count_area, web_area) = match web {
        Some(_) => {
            let [count, web] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(body);
            (count, Some(web))
        }
        None => (body, None),
    };
    let hidden = if poll.closed_at.is_none() {
        ps.results_hidden
    } else {
        ps.closed_hidden
    };
    let [big, note] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(count_area);
    let size = Size::new(big.width, big.height);
    match super::lettering::Paragraph::fitting(&votes, size) {
        Some(large) => large.render(big, frame.buffer_mut(), THEME.room_title),
        None => frame.render_widget(
            Paragraph::new(votes).style(THEME.room_title).centered(),
            big,
        ),
    }
    frame.render_widget(
        Paragraph::new(hidden)
            .style(THEME.room)
            .centered()
            .wrap(ratatui::widgets::Wrap { trim: true }),
        note,
    );
    if let (Some(web), Some(web_area)) = (web, web_area) {
        address(frame, web_area, web, ps.vote_here, THEME.room);
    }
}

/// Where phones vote: a line of words, the address, and the QR code as large
/// as the rest of the area holds (the address alone when none fits).
pub fn address(frame: &mut Frame, area: Rect, web: &str, heading: &str, style: Style) {
    let [heading_area, link_area, code_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let width = area.width as usize;
    frame.render_widget(
        Paragraph::new(words_within(heading, width))
            .style(style)
            .centered(),
        heading_area,
    );
    frame.render_widget(
        Paragraph::new(words_within(web, width))
            .style(style.patch(THEME.number))
            .centered(),
        link_area,
    );
    if let Some(qr) = TerminalQr::new(web) {
        frame.render_widget(&qr, code_area);
    }
}

/// One bar of the results: what it is about, its counts and their words.
#[derive(Debug)]
struct ResultRow {
    /// The input's number in the room ("2.3"), or the answer's word.
    label: String,
    text: String,
    counts: Vec<(u32, &'static str)>,
}

fn result_rows(poll: &Poll, session: &Session, lang: Lang) -> Vec<ResultRow> {
    let w = lang.poll_words();
    let numbers = session.input_numbers();
    let input = |id: &uuid::Uuid| {
        let number = numbers.get(id).cloned().unwrap_or_default();
        let text = session
            .group_of_input(*id)
            .and_then(|g| session.input(g, *id))
            .map_or(String::new(), |i| i.text.clone());
        (number, text)
    };
    match poll.kind {
        PollKind::Points { .. } => poll
            .inputs
            .iter()
            .map(|id| {
                let (label, text) = input(id);
                let n = poll.tally.points.get(id).copied().unwrap_or(0);
                ResultRow {
                    label,
                    text,
                    counts: vec![(n, "")],
                }
            })
            .collect(),
        PollKind::Consent => poll
            .inputs
            .iter()
            .map(|id| {
                let (label, text) = input(id);
                let count = poll.tally.consent.get(id).cloned().unwrap_or_default();
                let word = |c: Consent| match c {
                    Consent::Agree => w.agree,
                    Consent::LiveWith => w.live_with,
                    Consent::Reserve => w.reserve,
                };
                ResultRow {
                    label,
                    text,
                    counts: Consent::ALL
                        .iter()
                        .map(|c| (count.of(*c), word(*c)))
                        .collect(),
                }
            })
            .collect(),
        PollKind::YesNo => Choice::ALL
            .iter()
            .map(|c| {
                let word = match c {
                    Choice::Yes => w.yes,
                    Choice::No => w.no,
                    Choice::Abstain => w.abstain,
                };
                ResultRow {
                    label: word.to_string(),
                    text: String::new(),
                    counts: vec![(poll.tally.choices.of(*c), "")],
                }
            })
            .collect(),
    }
}

/// The results as bars, longest for the largest count, the numbers at
/// their ends; a consent row's three counts side by side, each in its shade.
fn bars(frame: &mut Frame, area: Rect, rows: &[ResultRow], lang: Lang) {
    let most = rows
        .iter()
        .map(|r| r.counts.iter().map(|(n, _)| n).sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let label_width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    let shades = ['█', '▓', '░'];
    // Which shade says what, once over the bars (consent's three levels).
    if let Some(first) = rows.first()
        && first.counts.len() > 1
    {
        let w = lang.poll_words();
        let legend: Vec<String> = [w.agree, w.live_with, w.reserve]
            .iter()
            .zip(shades)
            .map(|(word, shade)| format!("{shade} {word}"))
            .collect();
        lines.push(Line::styled(
            words_within(&legend.join("   "), area.width as usize),
            THEME.room_title,
        ));
        lines.push(Line::default());
    }
    let width = area.width as usize;
    let bar_room = width.saturating_sub(label_width + 12) * 2 / 3;
    for row in rows {
        let mut spans = vec![Span::styled(
            format!("{:>label_width$}  ", row.label),
            THEME.room_title,
        )];
        for (i, (n, _)) in row.counts.iter().enumerate() {
            let length = (*n as usize * bar_room).div_ceil(most as usize);
            let bar: String = std::iter::repeat_n(shades[i % 3], length).collect();
            spans.push(Span::styled(bar, THEME.room_title));
            spans.push(Span::styled(format!(" {n} "), THEME.room_title));
        }
        lines.push(Line::from(spans));
        let under = row.text.clone();
        if !under.trim().is_empty() {
            let lead = " ".repeat(label_width + 2);
            lines.push(Line::styled(
                words_within(&format!("{lead}{under}"), width),
                THEME.room,
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
