//! The editor popup over the screen it edits.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{centered, popup};
use crate::app::{EditTarget, Editor, Open};
use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::Role;

pub fn render(frame: &mut Frame, body: Rect, editor: &Editor, open: &Open, lang: Lang) {
    let t = lang.t();
    let session = &open.session;
    // A group removed meanwhile is named gone, never numbered from its
    // marker (`usize::MAX`, which `+ 1` would overflow).
    let gone = |group: usize| session.groups.get(group).is_none();
    let title = match editor.target.clone() {
        EditTarget::NewInput { group }
        | EditTarget::Role { group, .. }
        | EditTarget::Participants { group }
            if gone(group) =>
        {
            lang.prompt_gone().to_string()
        }
        EditTarget::NewInput { group } => lang.new_input_title(session.group_title(group)),
        EditTarget::Input { group, id } => {
            let position = session
                .groups
                .get(group)
                .and_then(|g| g.inputs.iter().position(|i| i.id == id));
            lang.edit_input_title(position.map_or(0, |p| p + 1))
        }
        EditTarget::Role { group, role } => {
            let role = match role {
                Role::Facilitator => t.facilitator,
                Role::Rapporteur => t.rapporteur,
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
        EditTarget::Participants { group } => lang.participants_title(group + 1),
        EditTarget::ImportPath => t.import_title.to_string(),
        EditTarget::FormLine => String::new(),
        EditTarget::SessionName => t.name_prompt.to_string(),
        EditTarget::RoomMessage => t.room_message_title.to_string(),
        EditTarget::NewItem { kind, .. } => lang.new_item_title(kind).to_string(),
        EditTarget::ItemTitle { item } => match session.workshop.opening.items.get(item) {
            Some(_) => lang.item_title_prompt(item + 1),
            None => lang.prompt_gone().to_string(),
        },
        EditTarget::ItemMinutes { item } => match session.workshop.opening.items.get(item) {
            Some(found) => lang.minutes_title(&found.title),
            None => lang.prompt_gone().to_string(),
        },
        EditTarget::NewGroup => lang.new_group_title().to_string(),
        EditTarget::GroupTitle { group } => match session.groups.get(group) {
            Some(_) => lang.group_title_prompt(group + 1),
            None => lang.prompt_gone().to_string(),
        },
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

    /// An editor on a group removed meanwhile holds the "gone" marker: its
    /// title says so instead of overflowing into a number.
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
        let gone = usize::MAX;
        for target in [
            EditTarget::Role {
                group: gone,
                role: Role::Rapporteur,
            },
            EditTarget::Participants { group: gone },
            EditTarget::NewInput { group: gone },
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
            let editor = Editor::new(EditTarget::NewInput { group: 0 }, text);
            let mut terminal = Terminal::new(TestBackend::new(width, 8)).unwrap();
            terminal
                .draw(|frame| frame.render_widget(&editor.textarea, frame.area()))
                .unwrap();
            words_whole(&terminal.backend().to_string(), text);
        }
    }
}
