//! The text editor a rapporteur types in: `ratatui-textarea` with word wrap,
//! and what the typed text is for.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};
use uuid::Uuid;

use crate::model::schedule::TimerId;
use crate::model::session::RosterRole;
use crate::model::workshop::ItemKind;

/// What the editor's text will become when editing ends. Groups are named
/// by axis and items by id: what the person opened it on, whatever others
/// add, move or remove meanwhile; one gone refuses the text, which is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new input of the group of `axis`; it exists once the text is
    /// first kept.
    NewInput {
        axis: String,
    },
    /// An input, and the group it was in when the editor opened (for a
    /// new input there, should someone delete this one meanwhile).
    Input {
        axis: String,
        id: Uuid,
    },
    Role {
        axis: String,
        role: RosterRole,
    },
    /// The planned minutes of a timebox.
    Minutes(TimerId),
    /// A group's participants, one per line.
    Participants {
        axis: String,
    },
    /// The path of a session file to import (another laptop's).
    ImportPath,
    /// When the day was planned to start (`HH:MM`).
    PlannedStart,
    /// A one-line field of the input form; the form keeps its text.
    FormLine,
    /// The name of a session about to be created (start screen).
    SessionName,
    /// The message shown large on the room screens.
    RoomMessage,
    /// The title of a new agenda item (or break) to put after the item of
    /// id `after` (none: first; wherever that item is by then, the end if
    /// it went); its minutes are asked next.
    NewItem {
        after: Option<String>,
        kind: ItemKind,
    },
    /// The title of the agenda item of this id.
    ItemTitle {
        item: String,
    },
    /// The planned minutes of the agenda item of this id.
    ItemMinutes {
        item: String,
    },
    /// The name of a new group.
    NewGroup,
    /// The label of a card of the open poll (by id): voted on paper, or
    /// to revoke.
    PollCard {
        poll: uuid::Uuid,
        action: super::poll::CardAction,
    },
    /// The name of the group of this axis.
    GroupTitle {
        axis: String,
    },
}

impl EditTarget {
    /// One-line targets finish on Enter; inputs take new lines.
    pub fn is_single_line(&self) -> bool {
        matches!(
            self,
            EditTarget::Role { .. }
                | EditTarget::Minutes(_)
                | EditTarget::PlannedStart
                | EditTarget::ImportPath
                | EditTarget::FormLine
                | EditTarget::SessionName
                | EditTarget::RoomMessage
                | EditTarget::NewItem { .. }
                | EditTarget::ItemTitle { .. }
                | EditTarget::ItemMinutes { .. }
                | EditTarget::NewGroup
                | EditTarget::GroupTitle { .. }
                | EditTarget::PollCard { .. }
        )
    }
}

pub struct Editor {
    pub target: EditTarget,
    pub textarea: TextArea<'static>,
    /// The value a prompt opened with, so `Esc` can put it back even after
    /// the draft save has already kept what was typed over it.
    pub original: Option<String>,
    /// Finishing was refused once (its group removed, or no longer this
    /// person's): the next `Esc` keeps the text as a draft and leaves, so a
    /// refusal never traps the person nor closes what they typed.
    pub refused: bool,
    /// The input's text as this editor last found or left it: kept from
    /// here, the edit is merged with whatever others changed since, not
    /// written over it (`model::word_merge`).
    pub base: Option<String>,
}

impl Editor {
    pub fn new(target: EditTarget, text: &str) -> Editor {
        let lines = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        // One-line fields scroll sideways, so the start of a long name stays
        // reachable; texts wrap at words, long words by characters.
        textarea.set_wrap_mode(if target.is_single_line() {
            WrapMode::None
        } else {
            WrapMode::WordOrGlyph
        });
        textarea.set_cursor_line_style(Style::default());
        textarea.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        // Reversed, like the cursor, so a selected value shows without colour too.
        textarea.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            target,
            textarea,
            original: None,
            refused: false,
            base: None,
        }
    }

    /// A prompt holding a value to keep or replace (minutes, a time, a
    /// name): the value starts selected, as in a form's text box, so the
    /// first character typed replaces it instead of being appended to it
    /// ("25" over "20" must not give "2025"); an arrow, `Home` or `End`
    /// first keeps it for editing.
    pub fn suggested(target: EditTarget, text: &str) -> Editor {
        let mut editor = Editor::new(target, text);
        editor.original = Some(text.to_string());
        if !text.is_empty() {
            editor.textarea.select_all();
        }
        editor
    }

    /// A key typed into the text; true when the text changed.
    pub fn input(&mut self, key: crossterm::event::KeyEvent) -> bool {
        use crossterm::event::KeyCode;
        let moves = matches!(
            key.code,
            KeyCode::Left
                | KeyCode::Right
                | KeyCode::Up
                | KeyCode::Down
                | KeyCode::Home
                | KeyCode::End
        );
        // The textarea keeps a selection when the cursor cannot move (→ at
        // the end), and the next character would still replace the value:
        // a move always means "keep it, I am editing".
        if moves
            && !key
                .modifiers
                .contains(crossterm::event::KeyModifiers::SHIFT)
        {
            self.textarea.cancel_selection();
        }
        self.textarea.input(key)
    }

    /// Whether the whole value is still selected, to be replaced by typing.
    pub fn is_selected(&self) -> bool {
        self.textarea.is_selecting()
    }

    /// The text as it will be kept: lines joined, surrounding blank space trimmed.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n").trim().to_string()
    }

    /// Inserts pasted text as one edit. Terminals send line breaks as `\r`;
    /// one-line fields get spaces instead of breaks. Control and bidi
    /// characters are dropped (`crate::text::strip`): what is pasted is
    /// stored, and would reach terminals and documents later.
    pub fn paste(&mut self, pasted: &str) {
        let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let text = crate::text::strip(&text);
        let text = if self.target.is_single_line() {
            text.replace('\n', " ")
        } else {
            text.into_owned()
        };
        self.textarea.insert_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_normalises_line_breaks() {
        let mut editor = Editor::new(EditTarget::NewInput { axis: "eje".into() }, "");
        editor.paste("uno\r\ndos\rtres");
        assert_eq!(editor.text(), "uno\ndos\ntres");
        let mut line = Editor::new(EditTarget::SessionName, "");
        line.paste("a\r\nb");
        assert_eq!(line.text(), "a b");
    }

    /// A paste is stored: what it carries must not later reach a terminal
    /// or a document. Line breaks and tabs are text; the rest goes.
    #[test]
    fn paste_drops_control_and_bidi_characters() {
        let mut editor = Editor::new(EditTarget::NewInput { axis: "eje".into() }, "");
        editor.paste("uno\u{1b}]52;c;aGk=\u{7}\r\n\tdos\u{9b}\u{202E}\u{0}tres");
        assert_eq!(editor.text(), "uno]52;c;aGk=\n\tdostres");
    }

    fn key(code: crossterm::event::KeyCode) -> crossterm::event::KeyEvent {
        crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)
    }

    #[test]
    fn a_suggested_value_is_replaced_by_typing_and_kept_by_moving() {
        use crossterm::event::KeyCode;
        let mut minutes = Editor::suggested(EditTarget::PlannedStart, "20");
        minutes.input(key(KeyCode::Char('2')));
        minutes.input(key(KeyCode::Char('5')));
        assert_eq!(minutes.text(), "25");
        for first in [KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End] {
            let mut name = Editor::suggested(EditTarget::SessionName, "Sala 1");
            name.input(key(first));
            assert!(!name.is_selected());
            name.input(key(KeyCode::End));
            name.input(key(KeyCode::Char('b')));
            assert_eq!(name.text(), "Sala 1b", "{first:?} keeps the value");
        }
        let mut cleared = Editor::suggested(EditTarget::SessionName, "Sala 1");
        cleared.input(key(KeyCode::Backspace));
        assert_eq!(cleared.text(), "", "Backspace clears a selected value");
        let mut pasted = Editor::suggested(EditTarget::SessionName, "Sala 1");
        pasted.paste("Sala 2");
        assert_eq!(pasted.text(), "Sala 2", "a paste replaces it too");
        let empty = Editor::suggested(EditTarget::SessionName, "");
        assert!(!empty.is_selected());
    }

    #[test]
    fn starts_with_the_existing_text_and_trims_it() {
        let editor = Editor::new(EditTarget::SessionName, "  Año 2018  ");
        assert_eq!(editor.text(), "Año 2018");
    }
}
