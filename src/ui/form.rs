//! The input form over the screen: one row per field, the current one
//! marked; the text in its editor; the countries as a checklist.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::{Field, Form};
use crate::i18n::Lang;
use crate::model::input::Timeframe;

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
    if inner.height < 4 || inner.width < 10 {
        return;
    }
    let label_width = 26.min(inner.width / 3);
    let text_height = if form.field == Field::Text { 6 } else { 2 };
    let countries_height = if form.field == Field::Countries { 5 } else { 1 };
    let [rows, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let heights = Field::ALL.map(|field| match field {
        Field::Text => Constraint::Length(text_height),
        Field::Countries => Constraint::Length(countries_height),
        _ => Constraint::Length(1),
    });
    let areas = Layout::vertical(heights).split(rows);
    let draft = &form.draft;
    let action = &draft.action;
    let none = || t.not_set.to_string();
    for (field, row) in Field::ALL.iter().zip(areas.iter()) {
        let current = *field == form.field;
        let [label_area, _, value_area] = Layout::horizontal([
            Constraint::Length(label_width),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(*row);
        let marker = if current { "› " } else { "  " };
        let label_style = if current {
            THEME.selected
        } else {
            THEME.block_title
        };
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", field_label(*field, lang))).style(label_style),
            label_area,
        );
        if current && field.is_typed() {
            frame.render_widget(&form.editor.textarea, value_area);
            continue;
        }
        let value = match field {
            Field::Kind => pick(draft.kind.label(lang), current),
            Field::Text => draft.text.clone(),
            Field::Scope => pick(
                &action
                    .scope
                    .map_or_else(none, |s| s.label(lang).to_string()),
                current,
            ),
            Field::Countries if current => {
                // The countries, then the slot that adds one (or its name being typed).
                let all = form.countries(invited);
                let add = match &form.adding {
                    Some(_) => String::new(),
                    None => format!("+ {}", t.add_country),
                };
                let rows = countries_height as usize;
                let first = form.country.saturating_sub(rows - 1);
                let lines: Vec<Line> = all
                    .iter()
                    .map(|country| {
                        let mark = if action.countries.contains(country) {
                            "[x]"
                        } else {
                            "[ ]"
                        };
                        format!("{mark} {country}")
                    })
                    .chain([add])
                    .enumerate()
                    .skip(first)
                    .take(rows)
                    .map(|(i, text)| {
                        let style = if i == form.country {
                            THEME.selected
                        } else {
                            THEME.text
                        };
                        Line::styled(text, style)
                    })
                    .collect();
                frame.render_widget(Paragraph::new(lines), value_area);
                if let Some(adding) = &form.adding {
                    let row = (all.len() - first) as u16;
                    if row < value_area.height {
                        let at = Rect::new(value_area.x, value_area.y + row, value_area.width, 1);
                        frame.render_widget(&adding.textarea, at);
                    }
                }
                continue;
            }
            Field::Countries if action.countries.is_empty() => none(),
            Field::Countries => action.countries.join(", "),
            Field::Lead => action.lead.clone(),
            Field::Partners => action.partners.clone(),
            Field::Timeframe => {
                let label = match &action.timeframe {
                    Some(Timeframe::Date(_)) | None => none(),
                    Some(choice) => choice.label(lang),
                };
                pick(&label, current)
            }
            Field::Date => match &action.timeframe {
                Some(Timeframe::Date(date)) => date.clone(),
                _ => String::new(),
            },
            Field::Indicator => action.indicator.clone(),
            Field::Status => pick(
                &draft
                    .plenary
                    .status
                    .map_or_else(none, |s| s.label(lang).to_string()),
                current,
            ),
            Field::Observations => draft.plenary.observations.clone(),
            Field::Votes => pick(&draft.plenary.votes.to_string(), current),
            Field::Priority => pick(
                &action
                    .priority
                    .map_or_else(none, |p| p.label(lang).to_string()),
                current,
            ),
        };
        frame.render_widget(
            Paragraph::new(Span::raw(value)).wrap(ratatui::widgets::Wrap { trim: false }),
            value_area,
        );
    }
    frame.render_widget(Paragraph::new(t.form_keys).style(THEME.dim), keys);
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
        Field::Date => t.field_date,
        Field::Indicator => t.field_indicator,
        Field::Priority => t.field_priority,
        Field::Status => t.field_status,
        Field::Observations => t.field_observations,
        Field::Votes => t.field_votes,
    }
}
