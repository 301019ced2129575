//! The start screen: "new session" first, then the saved sessions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::theme::THEME;
use super::widgets::{centered, framed, popup};
use crate::app::{Model, Prompt, Start};

pub fn render(frame: &mut Frame, area: Rect, start: &Start, model: &Model) {
    let lang = model.lang;
    let t = lang.t();
    let [title, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(t.start_title).style(THEME.header_title),
        title,
    );

    let mut items = vec![ListItem::new(vec![
        Line::styled(format!("+ {}", t.new_session), THEME.location),
        Line::styled(
            match start.workshops.get(start.workshop) {
                Some(chosen) => format!(
                    "  {}",
                    lang.workshop_choice(&chosen.title, start.workshop + 1, start.workshops.len())
                ),
                None => format!("  {}", lang.default_workshop_hint(&start.default_title)),
            },
            THEME.dim,
        ),
    ])];
    for entry in &start.entries {
        let detail = match &entry.summary {
            Ok(summary) => {
                let when = summary
                    .updated_at
                    .to_zoned(model.tz.clone())
                    .strftime("%Y-%m-%d %H:%M");
                Line::styled(
                    // Date and size first: they tell sessions apart; the title rarely does.
                    format!(
                        "  {} {when} · {} · {} · {}",
                        t.last_change,
                        lang.groups(summary.groups),
                        lang.inputs(summary.inputs),
                        summary.workshop
                    ),
                    THEME.dim,
                )
            }
            Err(reason) => Line::styled(format!("  {}: {reason}", t.damaged), THEME.error),
        };
        items.push(ListItem::new(vec![
            // Escaped, as in `taller list`: invisible characters in a name
            // made by hand would make it look like another session.
            Line::styled(
                format!("  {}", crate::text::escape_name(&entry.name)),
                THEME.text,
            ),
            detail,
        ]));
    }
    let block = framed(t.saved_sessions);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if start.entries.is_empty() {
        let [list_area, hint] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
        render_list(frame, list_area, items, start.selected);
        frame.render_widget(
            Paragraph::new(lang.no_sessions_in(&start.sessions_dir)).style(THEME.dim),
            hint,
        );
    } else {
        render_list(frame, inner, items, start.selected);
    }

    super::render_footer(
        frame,
        footer,
        model.notice.as_ref(),
        model.lang,
        None,
        t.footer_start,
    );

    if let Some(naming) = &start.naming {
        let area = centered(body, 60, 5);
        let title = match start.prompt {
            Prompt::New => t.name_prompt,
            Prompt::Rename(_) => t.rename_prompt,
            Prompt::Template(_) => t.template_prompt,
            Prompt::Group => model.lang.group_prompt(),
        };
        let inner = popup(frame, area, title);
        let [field, hint] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(2)]).areas(inner);
        frame.render_widget(&naming.textarea, field);
        frame.render_widget(
            Paragraph::new(Span::styled(t.name_prompt_keys, THEME.dim)),
            hint,
        );
    }
}

fn render_list(frame: &mut Frame, area: Rect, items: Vec<ListItem>, selected: usize) {
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(THEME.selected),
        area,
        &mut state,
    );
}
