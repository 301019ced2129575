//! Pieces shared by several screens: framed blocks, wrapped paragraphs with
//! bullets, the numbered list of a group's inputs, popups.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use textwrap::core::display_width;

use super::theme::THEME;
use crate::i18n::Lang;
use crate::model::input::{Kind, Scope};
use crate::model::session::Input;

/// A rounded box with its title at the top left (`framed.rs`).
pub fn framed(title: impl Into<String>) -> super::framed::Framed {
    super::framed::Framed::new(title)
}

/// Wraps `text` to `width` columns. Every line after the very first, also
/// those after a line break in the text, is indented by `indent`, so a
/// numbered item keeps its shape.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let width = width.max(indent.len() + 1);
    let first = textwrap::Options::new(width).subsequent_indent(indent);
    let rest = first.clone().initial_indent(indent);
    text.split('\n')
        .enumerate()
        .flat_map(|(n, line)| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                let options = if n == 0 { &first } else { &rest };
                textwrap::wrap(line, options)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
        })
        .collect()
}

/// As many whole words of `text` as fit in `width` columns, with "…" when
/// some are left out: never a word cut in the middle (a single word wider
/// than the width is the one exception, cut by characters). Cut, the text
/// is one line: its line breaks and runs of spaces are single spaces.
pub fn words_within(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    words_then_ellipsis(text, width)
}

/// [`words_within`] for a text cut whether or not it fits (more follows
/// it): the words that fit before the "…", and the "…".
fn words_then_ellipsis(text: &str, width: usize) -> String {
    if width <= 1 {
        return "…".repeat(width);
    }
    let room = width - 1;
    // Its leading spaces stay (a centred or indented line is cut too).
    let body = text.trim_start_matches(' ');
    let lead = &text[..text.len() - body.len()];
    let text = format!(
        "{lead}{}",
        body.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    // First fit, said here: with textwrap's `smawk` feature the default
    // would balance a paragraph's lines and leave the one line kept short.
    let options = textwrap::Options::new(room).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let first = textwrap::wrap(&text, options)
        .into_iter()
        .next()
        .map(|line| line.into_owned())
        .unwrap_or_default();
    // Wider still: a character wider than the room (textwrap breaks words
    // between characters, not within one).
    if display_width(&first) > room {
        return chars_within(&text, width);
    }
    format!("{}…", first.trim_end())
}

/// `text` in `width` columns, cut by characters with "…" when it is wider:
/// for a name, which has no words to cut between.
pub fn chars_within(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let wide = display_width(c.encode_utf8(&mut [0; 4]));
        if used + wide + 1 > width {
            break;
        }
        used += wide;
        cut.push(c);
    }
    if width > 0 {
        cut.push('…');
    }
    cut
}

/// A line of styled spans in `width` columns: the spans that fit whole with
/// room for a "…" after them, then as many whole words of the next one as
/// fit before the "…" (none of a word, and the "…" after the span's own
/// leading spaces, where not even its first word fits: a label or a name is
/// never shown in part, nor a label without a sign that more follows).
pub fn line_within(line: Line<'static>, width: usize) -> Line<'static> {
    let mut used = 0;
    let count = line.spans.len();
    let mut spans = Vec::with_capacity(count);
    for (at, span) in line.spans.into_iter().enumerate() {
        let wide = display_width(&span.content);
        // Whole, if a "…" still fits after it when more would follow.
        let more = usize::from(at + 1 < count && wide > 0);
        if used + wide + more <= width {
            used += wide;
            spans.push(span);
            continue;
        }
        let room = width - used;
        let body = span.content.trim_start();
        let lead = &span.content[..span.content.len() - body.len()];
        let first_word = body.split_whitespace().next().map_or(0, display_width);
        let cut = if room > display_width(lead) + first_word {
            format!(
                "{lead}{}",
                words_then_ellipsis(body, room - display_width(lead))
            )
        } else if room > display_width(lead) {
            format!("{lead}…")
        } else {
            "…".repeat(room.min(1))
        };
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line { spans, ..line }
}

/// Paragraphs as lines: "- " starts a bullet (drawn "•" with a hanging
/// indent), a blank line between paragraphs.
pub fn paragraph_lines(paragraphs: &[String], width: u16) -> Vec<Vec<Line<'static>>> {
    paragraphs
        .iter()
        .map(|paragraph| match paragraph.strip_prefix("- ") {
            Some(bullet) => wrap(&format!("• {bullet}"), width as usize, "  ")
                .into_iter()
                .map(|l| Line::styled(l, THEME.text))
                .collect(),
            None => wrap(paragraph, width as usize, "")
                .into_iter()
                .map(|l| Line::styled(l, THEME.text))
                .collect(),
        })
        .collect()
}

/// Draws paragraphs from `first` on, saying when there is more above or below.
pub fn render_paragraphs(
    frame: &mut Frame,
    area: Rect,
    paragraphs: &[String],
    first: usize,
    lang: Lang,
) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = lang.t();
    let first = first.min(paragraphs.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    if first > 0 {
        lines.push(Line::styled(t.more_above, THEME.dim));
    }
    for (i, paragraph) in paragraph_lines(&paragraphs[first.min(paragraphs.len())..], area.width)
        .into_iter()
        .enumerate()
    {
        // Bullets sit together; prose paragraphs get air between them.
        let is_bullet = paragraphs[first + i].starts_with("- ");
        if i > 0 && !is_bullet {
            lines.push(Line::default());
        }
        lines.extend(paragraph);
    }
    let height = area.height as usize;
    if lines.len() > height {
        lines.truncate(height.saturating_sub(1));
        lines.push(Line::styled(t.more_below, THEME.dim));
    }
    // Wrapped already: drawn without a second pass through `Paragraph`.
    super::lines::draw(frame.buffer_mut(), area, &lines);
}

/// A group's inputs, numbered, wrapped, with the selected one highlighted
/// and kept in view. Drawn line by line rather than with ratatui's `List`,
/// which leaves out an item taller than the area: a long input must still
/// show its beginning on the projector.
/// A group's inputs as a list shows them.
pub struct InputList<'a> {
    pub inputs: &'a [std::sync::Arc<Input>],
    pub selected: Option<usize>,
    /// Said when there are none.
    pub empty: &'a str,
    /// An input's possible-duplicate flag, if any.
    pub similar: &'a dyn Fn(&Input) -> Option<String>,
    /// Who else is editing an input now ("grupo1 está editando"), if anyone.
    pub editing: &'a dyn Fn(&Input) -> Option<String>,
}

pub fn render_inputs(
    frame: &mut Frame,
    area: Rect,
    list: InputList,
    lang: Lang,
    kept: &mut super::kept::Kept,
) {
    let InputList {
        inputs,
        selected,
        empty,
        similar,
        editing,
    } = list;
    if area.width < 2 || area.height == 0 {
        return;
    }
    if inputs.is_empty() {
        let lines: Vec<Line> = wrap(empty, area.width as usize, "")
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let width = area.width as usize;
    let height = area.height as usize;
    let digits = inputs.len().to_string().len();
    let indent = " ".repeat(digits + 2);
    let selected = selected.map(|s| s.min(inputs.len() - 1));
    // Only the inputs that can show are wrapped: a group of hundreds costs
    // what a screenful costs (the budget is a keystroke under a millisecond).
    // Their lines are kept between frames (`wrapped`), and within this one:
    // finding where the view starts measures the items it then draws.
    let made: std::cell::RefCell<HashMap<usize, Item>> = Default::default();
    let item = |i: usize| -> usize {
        let mut made = made.borrow_mut();
        let item = made.entry(i).or_insert_with(|| {
            let text = super::wrapped::lines(&inputs[i], i + 1, digits, width, lang, || {
                item_lines(i, &inputs[i], digits, &indent, width, lang)
            });
            let flag = similar(&inputs[i]).map_or_else(Vec::new, |flag| {
                wrap(&format!("{indent}≈ {flag}"), width, &indent)
                    .into_iter()
                    .map(|l| Line::styled(l, THEME.phase_warning))
                    .collect()
            });
            let presence = editing(&inputs[i]).map_or_else(Vec::new, |who| {
                wrap(&format!("{indent}✎ {who}"), width, &indent)
                    .into_iter()
                    .map(|l| Line::styled(l, THEME.location))
                    .collect()
            });
            Item {
                text,
                presence,
                flag,
            }
        });
        item.rows().count()
    };
    let (first, skip) = first_visible(inputs.len(), selected, height, item);
    // The items that show.
    let mut count = 0;
    let mut next = first;
    while count < skip + height && next < inputs.len() {
        count += item(next);
        next += 1;
    }
    let more_below = count > skip + height || next < inputs.len();
    let marks = (first > 0 || skip > 0, more_below);
    let mut made = made.into_inner();
    // Each item in its rows, the selected one as a band across the width,
    // the marks in the corners: a region of its own, left as it was when
    // the last frame drew the same rows there (`kept`, `lines::Rows`).
    let buffer = frame.buffer_mut();
    let mut row = 0;
    for i in first..next {
        let Some(item) = made.remove(&i) else { break };
        let hidden = if i == first { skip } else { 0 };
        let rows = item.rows().count().saturating_sub(hidden).min(height - row);
        if rows == 0 {
            break;
        }
        let rect = Rect::new(area.x, area.y + row as u16, area.width, rows as u16);
        // Small marks in the corners say there is more than the area shows.
        let mark = |shown: bool, text: &'static str| shown.then(|| Span::styled(text, THEME.dim));
        let mut own = item.presence;
        own.extend(item.flag);
        let drawn = super::lines::Rows {
            shared: item.text,
            own,
            skip: hidden,
            band: (selected == Some(i)).then_some(THEME.selected),
            corners: [
                mark(marks.0 && rect.top() == area.top(), "▲"),
                mark(marks.1 && rect.bottom() == area.bottom(), "▼"),
            ],
        };
        kept.rows(buffer, rect, drawn);
        row += rows;
    }
}

/// An input's lines as the list shows them: its own (kept between frames),
/// then who else is editing it and its possible-duplicate flag (which
/// change with other screens and other inputs).
struct Item {
    text: std::sync::Arc<[Line<'static>]>,
    presence: Vec<Line<'static>>,
    flag: Vec<Line<'static>>,
}

impl Item {
    fn rows(&self) -> impl Iterator<Item = &Line<'static>> {
        self.text.iter().chain(&self.presence).chain(&self.flag)
    }
}

/// Where the view starts, as (first item, lines of it to skip): from the
/// top while the selected input fits there; otherwise scrolled just enough
/// to end with it, or to start with it when it is taller than the area.
/// Measures only the items near the view.
fn first_visible(
    count: usize,
    selected: Option<usize>,
    height: usize,
    lines_of: impl Fn(usize) -> usize,
) -> (usize, usize) {
    let Some(selected) = selected else {
        return (0, 0);
    };
    let mut used = 0;
    for i in 0..=selected {
        used += lines_of(i);
        if used > height {
            break;
        }
    }
    if used <= height {
        return (0, 0);
    }
    let own = lines_of(selected);
    if own >= height {
        return (selected, 0);
    }
    // Walk back from the selected item until the area is full.
    let mut used = own;
    let mut first = selected;
    while first > 0 && used < height {
        first -= 1;
        used += lines_of(first);
    }
    debug_assert!(first < count);
    (first, used.saturating_sub(height))
}

/// One numbered input, wrapped with a hanging indent: its kind when not an
/// action, its text, then a dim line with the fields set, and a flag when it
/// goes against the workshop's principles.
fn item_lines(
    i: usize,
    input: &Input,
    digits: usize,
    indent: &str,
    width: usize,
    lang: Lang,
) -> Vec<Line<'static>> {
    let number = format!("{:>digits$}. ", i + 1);
    let kind = match input.kind {
        Kind::Action => String::new(),
        other => format!("{}: ", lang.kind(other)),
    };
    // A very long input (a pasted document) shows its beginning: wrapping a
    // megabyte every frame would freeze the screen. The text itself is kept whole.
    let (text, cut) = shown_text(&input.text);
    let mut lines: Vec<Line<'static>> = wrap(&format!("{number}{kind}{text}"), width, indent)
        .into_iter()
        .enumerate()
        .map(|(n, line)| match line.strip_prefix(&number) {
            Some(rest) if n == 0 => {
                // The kind may have wrapped at a tiny width: cut on a character boundary.
                let cut = (0..=kind.len().min(rest.len()))
                    .rev()
                    .find(|c| rest.is_char_boundary(*c))
                    .unwrap_or(0);
                let (head, text) = rest.split_at(cut);
                Line::from(vec![
                    Span::styled(number.clone(), THEME.number),
                    Span::styled(head.to_string(), THEME.location),
                    Span::styled(text.to_string(), THEME.text),
                ])
            }
            _ => Line::styled(line, THEME.text),
        })
        .collect();
    if cut > 0 {
        lines.push(Line::styled(
            format!("{indent}{}", lang.more_text(cut)),
            THEME.dim,
        ));
    }
    let summary = fields_summary(input, lang);
    if !summary.is_empty() {
        // At most two lines: the form shows it all.
        let mut summary = wrap(&format!("{indent}{summary}"), width, indent);
        if summary.len() > 2 {
            summary.truncate(2);
            summary[1].push('…');
        }
        lines.extend(summary.into_iter().map(|l| Line::styled(l, THEME.dim)));
    }
    if input.kind == Kind::Action && input.action.scope == Some(Scope::National) {
        lines.push(Line::styled(
            format!("{indent}⚠ {}", lang.t().flag_national),
            THEME.phase_warning,
        ));
    }
    lines
}

/// What the list shows of a text: at most `SHOWN_BYTES`, cut on a character
/// boundary, and how many bytes were left out.
fn shown_text(text: &str) -> (&str, usize) {
    if text.len() <= SHOWN_BYTES {
        return (text, 0);
    }
    let cut = (0..=SHOWN_BYTES)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    (&text[..cut], text.len() - cut)
}

/// The list shows this much of an input's text; the form shows it all.
const SHOWN_BYTES: usize = 2000;

/// "CONSENSUADO · 11 votos · regional · Costa Rica, México · Secretaría
/// Técnica · mediano plazo · prioridad alta · observaciones: …": the
/// plenary's verdict and votes first, so a line cut short still says them.
pub fn fields_summary(input: &Input, lang: Lang) -> String {
    let a = &input.action;
    let t = lang.t();
    let mut parts: Vec<String> = Vec::new();
    let plenary = &input.plenary;
    if let Some(status) = plenary.status {
        parts.push(lang.status(status).to_uppercase());
    }
    if plenary.votes > 0 {
        parts.push(lang.votes(plenary.votes));
    }
    if let Some(scope) = a.scope {
        parts.push(lang.scope(scope).to_string());
    }
    if !a.countries.is_empty() {
        let names: Vec<&str> = a.countries.iter().map(|c| lang.country(c)).collect();
        parts.push(names.join(", "));
    }
    for text in [&a.lead, &a.partners] {
        if !text.is_empty() {
            parts.push(text.clone());
        }
    }
    if let Some(timeframe) = &a.timeframe {
        parts.push(lang.timeframe(timeframe));
    }
    if !a.indicator.is_empty() {
        parts.push(format!(
            "{}: {}",
            t.field_indicator.to_lowercase(),
            a.indicator
        ));
    }
    if let Some(priority) = a.priority {
        parts.push(format!(
            "{} {}",
            t.field_priority.to_lowercase(),
            lang.priority(priority)
        ));
    }
    if !plenary.observations.is_empty() {
        parts.push(format!(
            "{}: {}",
            t.field_observations.to_lowercase(),
            plenary.observations
        ));
    }
    parts.join(" · ")
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Clears a popup's area and frames it; returns the inside.
pub fn popup(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let block = super::framed::Framed::popup(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_within_cuts_a_name_by_characters_to_the_width() {
        assert_eq!(
            chars_within(" ejemplo-taller-ctim ", 19),
            " ejemplo-taller-ct…"
        );
        assert_eq!(
            chars_within(" ejemplo-taller-ctim ", 21),
            " ejemplo-taller-ctim "
        );
        assert_eq!(chars_within("sesión", 3), "se…");
        assert_eq!(chars_within("漢字漢字", 5), "漢字…");
        assert_eq!(chars_within("abc", 1), "…");
        assert_eq!(chars_within("abc", 0), "");
    }

    #[test]
    fn line_within_keeps_whole_spans_then_whole_words_of_the_next() {
        let line = Line::from(vec![
            Span::raw(" Relator(a): "),
            Span::styled("Lic. Carlos Benítez — Fiscalía", THEME.location),
            Span::raw("   Participantes: "),
            Span::raw("4"),
        ]);
        let text = |line: &Line| {
            line.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        };
        let cut = line_within(line.clone(), 40);
        assert_eq!(text(&cut), " Relator(a): Lic. Carlos Benítez —…");
        assert_eq!(cut.spans[1].style, THEME.location);
        assert_eq!(text(&line_within(line.clone(), 80)), text(&line));
        assert_eq!(text(&line_within(line.clone(), 14)), " Relator(a): …");
        // The label fits, but nothing after it would: it says more follows.
        assert_eq!(text(&line_within(line.clone(), 13)), " Relator(a):…");
        // Not even the first word fits: none of it, the "…" after the spaces.
        assert_eq!(text(&line_within(line.clone(), 16)), " Relator(a): …");
        // A label that does not fit whole is left out the same way.
        assert_eq!(
            text(&line_within(line, 47)),
            " Relator(a): Lic. Carlos Benítez — Fiscalía   …"
        );
    }

    #[test]
    fn words_within_fills_the_width_with_whole_words_then_an_ellipsis() {
        let title = "· Taller para elaborar un Plan de Trabajo Regional";
        // As many words as fit beside the "…", not a balanced paragraph's first line.
        assert_eq!(words_within(title, 23), "· Taller para elaborar…");
        assert_eq!(words_within(title, 22), "· Taller para…");
        assert_eq!(words_within(title, 60), title);
        // A line break in the text is a space in one line.
        assert_eq!(
            words_within("Acción\nregional conjunta", 17),
            "Acción regional…"
        );
        // So are a carriage return, a tab and runs of spaces; leading spaces stay.
        assert_eq!(
            words_within("  Acción\r\n\tregional  conjunta", 19),
            "  Acción regional…"
        );
        // A word wider than the width is the one thing cut.
        assert_eq!(words_within("Inteligencia", 5), "Inte…");
        // Never wider than the width, with wide characters too.
        for width in 0..8 {
            let cut = words_within("北京市公安局出入境管理处", width);
            assert!(display_width(&cut) <= width, "{cut:?} at {width}");
        }
        assert_eq!(words_within("北京市公安局", 4), "北…");
        assert_eq!(words_within("北京市公安局", 2), "…");
        assert_eq!(words_within("abc def", 1), "…");
        assert_eq!(words_within("abc def", 0), "");
    }

    #[test]
    fn wrap_keeps_accents_and_indents_continuations() {
        let lines = wrap("• acción regional sobre información compartida", 20, "  ");
        assert!(lines.len() > 1);
        assert!(lines[1].starts_with("  "));
        assert!(lines.join(" ").contains("información"));
    }

    #[test]
    fn wrap_never_loops_on_tiny_widths() {
        assert!(!wrap("palabra", 0, "    ").is_empty());
        assert_eq!(wrap("", 10, ""), [""]);
    }
}

#[cfg(test)]
mod scrolling {
    use super::first_visible;

    /// Lines of items 0.., repeating a pattern of heights.
    fn heights(i: usize) -> usize {
        [1, 3, 2, 7, 1][i % 5]
    }

    #[test]
    fn the_selected_item_is_always_in_view_from_its_first_line() {
        for height in 1..20 {
            for selected in 0..40 {
                let (first, skip) = first_visible(40, Some(selected), height, heights);
                assert!(first <= selected, "h={height} s={selected}");
                let before: usize = (first..selected).map(heights).sum::<usize>()
                    - skip.min((first..selected).map(heights).sum());
                let start_of_selected = if first == selected { 0 } else { before };
                assert!(
                    start_of_selected < height || heights(selected) > height,
                    "h={height} s={selected}"
                );
                if heights(selected) <= height {
                    let end = (first..=selected).map(heights).sum::<usize>() - skip;
                    assert!(
                        end <= height,
                        "the whole selected item shows: h={height} s={selected}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_top_stays_put_while_the_selection_fits() {
        assert_eq!(first_visible(40, Some(2), 10, heights), (0, 0));
        assert_eq!(first_visible(40, None, 10, heights), (0, 0));
    }
}
