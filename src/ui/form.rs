//! The input form over the screen: one row per field, the current one
//! marked; the text in its editor; the countries as a checklist.
//!
//! The form fits any size the program allows (down to 50×14): the current
//! field gets its rows first, the others one row each around it, and a
//! field that does not fit is left out with an arrow saying so. The
//! checklist scrolls with its cursor, so the country `Space` ticks is
//! always the one highlighted on screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::{Field, Form};
use crate::i18n::Lang;

/// `number` is the input's place in its group's list, for the title.
pub fn render(
    frame: &mut Frame,
    body: Rect,
    form: &Form,
    invited: &[String],
    number: usize,
    lang: Lang,
) {
    let t = lang.t();
    let area = centered(
        body,
        body.width.saturating_sub(2),
        body.height.saturating_sub(1),
    );
    let inner = popup(frame, area, &lang.edit_input_title(number));
    if inner.height < 1 || inner.width < 10 {
        return;
    }
    // The keys line goes first when rows are short: the fields need them.
    let keys_height = u16::from(inner.height >= 3);
    let [rows, keys] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(keys_height)]).areas(inner);
    let label_width = 26.min(inner.width / 3);
    let countries = form.countries(invited);
    let plan = plan_rows(form.fields, form.field, countries.len() + 1, rows.height);
    let first_shown = plan.first().map(|(i, _)| *i).unwrap_or(0);
    let last_shown = plan.last().map(|(i, _)| *i).unwrap_or(0);
    let draft = &form.draft;
    let action = &draft.action;
    let none = || t.not_set.to_string();
    let mut y = rows.y;
    for (index, height) in plan {
        let field = form.fields[index];
        let row = Rect::new(rows.x, y, rows.width, height);
        y += height;
        let current = field == form.field;
        let [label_area, _, value_area] = Layout::horizontal([
            Constraint::Length(label_width),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(row);
        // Fields left out above or below are not silently gone.
        let marker = if current {
            "› "
        } else if index == first_shown && index > 0 {
            "↑ "
        } else if index == last_shown && index + 1 < form.fields.len() {
            "↓ "
        } else {
            "  "
        };
        let label_style = if current {
            THEME.selected
        } else {
            THEME.block_title
        };
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", field_label(field, lang))).style(label_style),
            label_area,
        );
        if current && field.is_typed() {
            frame.render_widget(&form.editor.textarea, value_area);
            continue;
        }
        let value = match field {
            Field::Kind => pick(lang.kind(draft.kind), current),
            Field::Text => draft.text.clone(),
            Field::Scope => pick(
                &action
                    .scope
                    .map_or_else(none, |s| lang.scope(s).to_string()),
                current,
            ),
            Field::Countries if current => {
                render_checklist(frame, value_area, form, &countries, lang);
                continue;
            }
            Field::Countries if action.countries.is_empty() => none(),
            Field::Countries => action
                .countries
                .iter()
                .map(|c| lang.country(c))
                .collect::<Vec<_>>()
                .join(", "),
            Field::Lead => action.lead.clone(),
            Field::Partners => action.partners.clone(),
            Field::Timeframe if current && form.on_date => {
                // "◀ fecha o periodo: junio 2019▏ ▶": the choice and the date in one row.
                let prefix = format!("◀ {}: ", t.timeframe_date);
                let [label, date, end] = Layout::horizontal([
                    Constraint::Length(prefix.chars().count() as u16),
                    Constraint::Min(1),
                    Constraint::Length(2),
                ])
                .areas(value_area);
                frame.render_widget(Paragraph::new(prefix), label);
                frame.render_widget(&form.editor.textarea, date);
                frame.render_widget(Paragraph::new(" ▶"), end);
                continue;
            }
            Field::Timeframe => pick(
                &action
                    .timeframe
                    .as_ref()
                    .map_or_else(none, |tf| lang.timeframe(tf)),
                current,
            ),
            Field::Indicator => action.indicator.clone(),
            Field::Status => pick(
                &draft
                    .plenary
                    .status
                    .map_or_else(none, |s| lang.status(s).to_string()),
                current,
            ),
            Field::Observations => draft.plenary.observations.clone(),
            Field::Votes => pick(&draft.plenary.votes.to_string(), current),
            Field::Priority => pick(
                &action
                    .priority
                    .map_or_else(none, |p| lang.priority(p).to_string()),
                current,
            ),
        };
        let width = usize::from(value_area.width.max(1));
        frame.render_widget(Paragraph::new(wrapped(&value, width)), value_area);
    }
    frame.render_widget(Paragraph::new(keys_hint(form, lang)).style(THEME.dim), keys);
}

/// A field's value in rows `width` wide, cut between words (a word wider
/// than the row is split, not lost). A line break typed or pasted in the
/// text stays one: the rows never run "información:" into "1. Designar".
fn wrapped(value: &str, width: usize) -> Vec<Line<'static>> {
    value
        .split('\n')
        .flat_map(|line| textwrap::wrap(line.trim_end_matches('\r'), width))
        .map(|row| Line::raw(row.into_owned()))
        .collect()
}

/// The keys of the form's current field (the footer shows them too).
pub fn keys_hint(form: &Form, lang: Lang) -> &'static str {
    let t = lang.t();
    match form.field {
        _ if form.adding.is_some() => t.form_adding_keys,
        Field::Countries => t.form_country_keys,
        Field::Timeframe => t.form_timeframe_keys,
        _ => t.form_keys,
    }
}

/// Which fields are drawn, in order, with their heights, in `available`
/// rows: the current field first gets what it needs (the text 6 rows, the
/// checklist a row per country, at least 3 when the rows allow), the
/// others one row each, as many before as after it; with room to spare
/// the text keeps 2 rows.
fn plan_rows(
    fields: &[Field],
    current: Field,
    checklist: usize,
    available: u16,
) -> Vec<(usize, u16)> {
    let n = fields.len();
    let at = fields.iter().position(|f| *f == current).unwrap_or(0);
    let wanted = match current {
        Field::Text => 6,
        Field::Countries => u16::try_from(checklist).unwrap_or(u16::MAX),
        _ => 1,
    };
    let others = (n - 1) as u16;
    let text_spare = u16::from(current != Field::Text);
    if wanted + others + text_spare <= available {
        return fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let h = match f {
                    _ if i == at => wanted,
                    Field::Text => 2,
                    _ => 1,
                };
                (i, h)
            })
            .collect();
    }
    let height = available
        .saturating_sub(others)
        .clamp(wanted.min(3), wanted)
        .min(available);
    let room = usize::from(available - height);
    let (before, after) = (at, n - 1 - at);
    let mut above = (room / 2).min(before);
    let below = (room - above).min(after);
    above = (room - below).min(before);
    (at - above..=at + below)
        .map(|i| (i, if i == at { height } else { 1 }))
        .collect()
}

/// The countries, then the row that adds one: as many as fit, scrolled so
/// the cursor row is on screen (in the middle while the list goes on).
fn render_checklist(frame: &mut Frame, area: Rect, form: &Form, all: &[String], lang: Lang) {
    let t = lang.t();
    let chosen = &form.draft.action.countries;
    let total = all.len() + 1;
    let rows = usize::from(area.height).max(1);
    let cursor = form.country.min(total - 1);
    let first = cursor
        .saturating_sub(rows / 2)
        .min(total.saturating_sub(rows));
    for (offset, i) in (first..total).take(rows).enumerate() {
        let at = Rect::new(area.x, area.y + offset as u16, area.width, 1);
        let style = if i == cursor {
            THEME.selected
        } else {
            THEME.text
        };
        if i < all.len() {
            let mark = if chosen.contains(&all[i]) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = format!("{mark} {}", lang.country(&all[i]));
            frame.render_widget(Paragraph::new(Line::styled(text, style)), at);
            continue;
        }
        match &form.adding {
            // The name being typed, on its own labelled row.
            Some(adding) => {
                let label = format!("+ {}", t.country_prompt);
                let [label_area, field] = Layout::horizontal([
                    Constraint::Length(label.chars().count() as u16),
                    Constraint::Min(1),
                ])
                .areas(at);
                frame.render_widget(Paragraph::new(Line::styled(label, style)), label_area);
                frame.render_widget(&adding.textarea, field);
            }
            None => {
                let text = format!("+ {}", t.add_country);
                frame.render_widget(Paragraph::new(Line::styled(text, style)), at);
            }
        }
    }
}

/// `◀ value ▶` on the current pick-list, so it reads as one.
fn pick(value: &str, current: bool) -> String {
    if current {
        format!("◀ {value} ▶")
    } else {
        value.to_string()
    }
}

pub fn field_label(field: Field, lang: Lang) -> &'static str {
    let t = lang.t();
    match field {
        Field::Kind => t.field_kind,
        Field::Text => t.field_text,
        Field::Scope => t.field_scope,
        Field::Countries => t.field_countries,
        Field::Lead => t.field_lead,
        Field::Partners => t.field_partners,
        Field::Timeframe => t.field_timeframe,
        Field::Indicator => t.field_indicator,
        Field::Priority => t.field_priority,
        Field::Status => t.field_status,
        Field::Observations => t.field_observations,
        Field::Votes => t.field_votes,
    }
}
