//! The editor popup over the screen it edits.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::{EditTarget, Editor, Open};
use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::RosterRole;

pub fn render(frame: &mut Frame, body: Rect, editor: &Editor, open: &Open, lang: Lang) {
    let t = lang.t();
    let session = &open.session;
    // Groups and items are numbered by where they are now; one removed
    // meanwhile is named gone.
    let group_of = |axis: &str| session.groups.iter().position(|g| g.axis == axis);
    let item_of = |id: &str| {
        session
            .workshop
            .opening
            .items
            .iter()
            .position(|i| i.id == id)
    };
    let title = match editor.target.clone() {
        EditTarget::NewInput { axis }
        | EditTarget::Role { axis, .. }
        | EditTarget::Participants { axis }
        | EditTarget::GroupTitle { axis }
            if group_of(&axis).is_none() =>
        {
            lang.prompt_gone().to_string()
        }
        EditTarget::ItemTitle { item } | EditTarget::ItemMinutes { item }
            if item_of(&item).is_none() =>
        {
            lang.prompt_gone().to_string()
        }
        EditTarget::NewInput { axis } => {
            let group = group_of(&axis).unwrap_or_default();
            lang.new_input_title(session.group_title(group))
        }
        EditTarget::Input { id, .. } => {
            let position = session
                .group_of_input(id)
                .and_then(|g| session.groups[g].inputs.iter().position(|i| i.id == id));
            lang.edit_input_title(position.map_or(0, |p| p + 1))
        }
        EditTarget::Role { axis, role } => {
            let group = group_of(&axis).unwrap_or_default();
            let role = match role {
                RosterRole::Facilitator => t.facilitator,
                RosterRole::Rapporteur => t.rapporteur,
            };
            lang.role_title(role, group + 1)
        }
        // The breakouts and the report-backs share one planned length: the
        // prompt names every group, not the one whose page it was typed on.
        EditTarget::Minutes(TimerId::Breakout(_)) => {
            lang.minutes_every_breakout_title(&session.workshop.breakout.title)
        }
        EditTarget::Minutes(TimerId::Report(_)) => lang.minutes_every_report_title(),
        EditTarget::Minutes(timer) => lang.minutes_title(session.timer_label(&timer)),
        EditTarget::PlannedStart => t.planned_start_title.to_string(),
        EditTarget::Participants { axis } => {
            lang.participants_title(group_of(&axis).unwrap_or_default() + 1)
        }
        EditTarget::ImportPath => t.import_title.to_string(),
        EditTarget::PollCard { action, .. } => match action {
            crate::app::poll::CardAction::Paper => lang.poll_screen().paper_title.to_string(),
            crate::app::poll::CardAction::Revoke => lang.poll_screen().revoke_title.to_string(),
        },
        EditTarget::FormLine => String::new(),
        EditTarget::SessionName => t.name_prompt.to_string(),
        EditTarget::RoomMessage => t.room_message_title.to_string(),
        EditTarget::NewItem { kind, .. } => lang.new_item_title(kind).to_string(),
        EditTarget::ItemTitle { item } => {
            lang.item_title_prompt(item_of(&item).unwrap_or_default() + 1)
        }
        EditTarget::ItemMinutes { item } => {
            let items = &session.workshop.opening.items;
            let at = item_of(&item).unwrap_or_default();
            lang.minutes_title(items.get(at).map_or("", |found| found.title.as_str()))
        }
        EditTarget::NewGroup => lang.new_group_title().to_string(),
        EditTarget::GroupTitle { axis } => {
            lang.group_title_prompt(group_of(&axis).unwrap_or_default() + 1)
        }
    };
    let title: String = title
        .chars()
        .take(body.width.saturating_sub(4) as usize)
        .collect();
    let keys = if editor.target.is_single_line() {
        t.line_editor_keys
    } else if matches!(editor.target, EditTarget::Participants { .. }) {
        // How to type a person, and the profiles of the concept note.
        t.participants_keys
    } else {
        t.editor_keys
    };
    let inner = popup(frame, area(editor, body), &title);
    // The hint wraps: the roster's explains how to type a person.
    let hint_lines = super::widgets::wrap(keys, inner.width.max(1) as usize, "")
        .len()
        .min(4) as u16;
    let [text, hint] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(hint_lines)]).areas(inner);
    frame.render_widget(&editor.textarea, text);
    frame.render_widget(
        Paragraph::new(keys)
            .style(THEME.dim)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        hint,
    );
}

/// The widest and tallest a text's editor gets. Lines a projector wide
/// (190 characters) are hard to read back; at a hundred they read as a
/// page does, and the room keeps the group's list in view around them.
const TEXT_WIDTH: u16 = 100;
const TEXT_HEIGHT: u16 = 30;

/// Where the editor's popup goes over `body`: a line's width for one line,
/// else nearly all of it, up to a readable page.
pub fn area(editor: &Editor, body: Rect) -> Rect {
    let (width, height) = if editor.target.is_single_line() {
        (body.width.saturating_sub(4).min(70), 4)
    } else {
        (
            body.width.saturating_sub(2).min(TEXT_WIDTH),
            body.height.saturating_sub(2).clamp(4, TEXT_HEIGHT),
        )
    };
    centered(body, width, height)
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::model::workshop::Workshop;
    use crate::session::{Host, Recorder};

    /// An editor on a group or an item removed meanwhile still names it by
    /// id: its title says it is gone instead of numbering another.
    #[test]
    fn an_editor_on_a_removed_group_is_titled_gone() {
        let now = jiff::Timestamp::UNIX_EPOCH;
        let workshop = Workshop::default_for(Lang::Es).unwrap();
        let session = crate::model::session::Session::new("quitado", workshop, now);
        let host = Host::new(
            "q.json".into(),
            session,
            None,
            Box::new(Recorder::default()),
            now,
        );
        let open = Open::join(host.shared(), crate::session::Role::Facilitator);
        let gone = || "eje-quitado".to_string();
        for target in [
            EditTarget::Role {
                axis: gone(),
                role: RosterRole::Rapporteur,
            },
            EditTarget::Participants { axis: gone() },
            EditTarget::NewInput { axis: gone() },
            EditTarget::GroupTitle { axis: gone() },
            EditTarget::ItemTitle { item: gone() },
            EditTarget::ItemMinutes { item: gone() },
        ] {
            let editor = Editor::new(target.clone(), "Conclusión");
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| render(frame, frame.area(), &editor, &open, Lang::Es))
                .unwrap();
            let screen = terminal.backend().to_string();
            assert!(screen.contains("ya no está"), "{target:?}:\n{screen}");
        }
    }
}

#[cfg(test)]
mod wrapping {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::{EditTarget, Editor};

    /// Every word of `text` is whole on some row of `screen`.
    pub(crate) fn words_whole(screen: &str, text: &str) {
        for word in text.split_whitespace() {
            assert!(
                screen.lines().any(|row| row.contains(word)),
                "{word:?} split:\n{screen}"
            );
        }
    }

    /// Spanish typed at a laptop's width wraps between words, never inside
    /// one (an accent is one column, not two bytes).
    #[test]
    fn the_editor_wraps_between_words() {
        let text = "Designación de puntos focales de información: \
                    análisis, investigación y protección de víctimas en la región";
        for width in [20u16, 27, 33, 41] {
            let editor = Editor::new(EditTarget::NewInput { axis: "eje".into() }, text);
            let mut terminal = Terminal::new(TestBackend::new(width, 8)).unwrap();
            terminal
                .draw(|frame| frame.render_widget(&editor.textarea, frame.area()))
                .unwrap();
            words_whole(&terminal.backend().to_string(), text);
        }
    }
}
