//! Opening plenary: the agenda, and the selected item's content for the room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::clock;
use super::theme::THEME;
use super::widgets::{framed, render_paragraphs};
use crate::app::{Model, Open};
use crate::i18n::Lang;
use crate::model::schedule::{RowState, TimerId};

/// From this width the agenda sits beside the content instead of above it.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(frame: &mut Frame, area: Rect, open: &Open, model: &Model) {
    let lang = model.lang;
    let plenary = &open.session.workshop.opening;
    let selected = open.viewer.agenda_item(&open.session);
    let agenda_height = plenary.items.len() as u16 + 2;
    let (agenda_area, content_area) = if area.width >= SIDE_BY_SIDE {
        let agenda_width = (area.width * 35 / 100).clamp(44, 60);
        let [left, right] =
            Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(1)]).areas(area);
        // Beside the agenda, what the day must produce and the rules it keeps,
        // in view all through the plenary.
        let [agenda, product, principles] = Layout::vertical([
            Constraint::Length(agenda_height),
            Constraint::Length(6),
            Constraint::Min(0),
        ])
        .areas(left);
        let workshop = &open.session.workshop;
        framed_paragraphs(
            frame,
            product,
            lang.t().final_product,
            std::slice::from_ref(&workshop.final_product),
            lang,
        );
        let bullets: Vec<String> = workshop
            .principles
            .iter()
            .map(|p| format!("- {p}"))
            .collect();
        framed_paragraphs(frame, principles, lang.t().principles, &bullets, lang);
        (agenda, right)
    } else {
        let [top, bottom] =
            Layout::vertical([Constraint::Length(agenda_height), Constraint::Min(1)]).areas(area);
        (top, bottom)
    };

    let block = framed(lang.t().agenda);
    let inner = block.inner(agenda_area);
    frame.render_widget(block, agenda_area);
    let minutes_width = 9;
    let title_width = (inner.width as usize).saturating_sub(minutes_width + 4);
    let plan = open.session.plan(model.now);
    let items: Vec<ListItem> = plenary
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let title: String = item.title.chars().take(title_width).collect();
            let pad = title_width.saturating_sub(title.chars().count());
            ListItem::new(Line::from(vec![
                Span::styled(format!("{}. ", i + 1), THEME.number),
                Span::raw(format!("{title}{} ", " ".repeat(pad))),
                item_time(
                    open,
                    model,
                    &item.id,
                    plan.rows.get(i).map(|row| row.state),
                    item.minutes,
                    minutes_width,
                ),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(THEME.selected),
        inner,
        &mut state,
    );

    if let Some(item) = plenary.items.get(selected) {
        let block = framed(&item.title);
        let inner = block.inner(content_area);
        frame.render_widget(block, content_area);
        // A break or lunch has no text of its own: the room sees what it is.
        let pause;
        let body = if item.kind.is_item() {
            &item.body
        } else {
            let lunch = item.kind == crate::model::workshop::ItemKind::Lunch;
            pause = vec![lang.break_text(lunch).to_string()];
            &pause
        };
        render_paragraphs(frame, inner, body, open.viewer.scroll, lang);
    }
}

fn framed_paragraphs(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    paragraphs: &[String],
    lang: Lang,
) {
    if area.height < 3 {
        return;
    }
    let block = framed(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    render_paragraphs(frame, inner, paragraphs, 0, lang);
}

/// Beside each agenda item: its planned minutes, its clock while it runs,
/// or the minutes it really took once done.
/// `state` is the item's row in the day's plan: it says whether a stopped
/// clock is over or paused.
fn item_time(
    open: &Open,
    model: &Model,
    item: &str,
    state: Option<RowState>,
    planned: u32,
    width: usize,
) -> Span<'static> {
    let timer = open.session.timer(&TimerId::Opening(item.to_string()));
    let (text, style) = match state {
        Some(RowState::Running) => (
            format!("▶ {}", timer.display(model.now)),
            clock::phase_style(timer.phase(model.now)),
        ),
        Some(RowState::Paused) => (format!("⏸ {}", timer.display(model.now)), THEME.location),
        Some(RowState::Done) => {
            let took = (timer.elapsed_ms(model.now) / 60_000) as u32;
            (format!("✓ {}", model.lang.minutes(took)), THEME.dim)
        }
        Some(RowState::Skipped) => (model.lang.t().state_skipped.to_string(), THEME.dim),
        Some(RowState::Ahead) | None => (model.lang.minutes(planned), THEME.dim),
    };
    Span::styled(format!("{text:>width$}"), style)
}
