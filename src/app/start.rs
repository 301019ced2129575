//! The start screen's keys: choose, open, and the session browser's
//! operations (new, rename, use as template, trash).

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::notice::{error_formatted, error_told, info, told};
use super::{EditTarget, Editor, Effect, Notice, Overlay, Relisted, Start, StartEntry};
use crate::store;

/// What the name typed in the start screen's prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    New,
    Rename(PathBuf),
    Template(PathBuf),
    /// A group laptop's session: the group's number or axis id.
    Group,
}

pub(super) fn on_key(
    start: &mut Start,
    overlay: &mut Option<Overlay>,
    notice: &mut Option<Notice>,
    key: KeyEvent,
) -> Vec<Effect> {
    if start.naming.is_some() {
        return on_prompt_key(start, notice, key);
    }
    let quit = vec![Effect::Quit {
        even_if_unsaved: false,
    }];
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return quit;
    }
    let last = start.entries.len();
    let entry = start
        .selected
        .checked_sub(1)
        .and_then(|i| start.entries.get(i));
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => start.selected = start.selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => start.selected = (start.selected + 1).min(last),
        KeyCode::Home => start.selected = 0,
        KeyCode::End => start.selected = last,
        KeyCode::Char('n') => ask_name(start, Prompt::New, ""),
        // On "new session", the workshop it starts, when there is a choice.
        KeyCode::Left | KeyCode::Right if start.selected == 0 && !start.workshops.is_empty() => {
            let n = start.workshops.len();
            start.workshop = match key.code {
                KeyCode::Left => (start.workshop + n - 1) % n,
                _ => (start.workshop + 1) % n,
            };
        }
        KeyCode::Char('g') => {
            ask_name(start, Prompt::Group, "");
            if let Some(naming) = &mut start.naming {
                naming.textarea.set_placeholder_text("1");
            }
        }
        KeyCode::Enter => match entry {
            None => ask_name(start, Prompt::New, ""),
            Some(StartEntry {
                path,
                summary: Ok(_),
                ..
            }) => {
                *notice = Some(info(|t| t.opening_session));
                return vec![Effect::Open(path.clone())];
            }
            Some(StartEntry {
                path,
                summary: Err(reason),
                ..
            }) => {
                let (path, reason) = (path.clone(), reason.clone());
                *notice = Some(error_formatted(move |lang| {
                    lang.cannot_open(path.display(), &reason)
                }));
            }
        },
        KeyCode::Char('r') => {
            if let Some(StartEntry {
                path,
                name,
                summary: Ok(_),
            }) = entry
            {
                let (path, name) = (path.clone(), name.clone());
                ask_name(start, Prompt::Rename(path), &name);
            }
        }
        KeyCode::Char('c') => {
            if let Some(StartEntry {
                path,
                summary: Ok(_),
                ..
            }) = entry
            {
                let path = path.clone();
                ask_name(start, Prompt::Template(path), "");
            }
        }
        KeyCode::Char('d') | KeyCode::Delete => {
            if let Some(entry) = entry {
                *overlay = Some(Overlay::ConfirmTrash(entry.path.clone()));
            }
        }
        KeyCode::Char('?') => *overlay = Some(Overlay::Help),
        KeyCode::Char('q') | KeyCode::Esc => return quit,
        _ => {}
    }
    Vec::new()
}

fn on_prompt_key(start: &mut Start, notice: &mut Option<Notice>, key: KeyEvent) -> Vec<Effect> {
    let Some(naming) = &mut start.naming else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => start.naming = None,
        KeyCode::Enter if start.prompt == Prompt::Group => {
            // The shell knows the workshop's groups: it resolves the number.
            let typed = naming.text();
            let group = if typed.trim().is_empty() {
                "1".to_string()
            } else {
                typed
            };
            return vec![Effect::CreateGroup(group)];
        }
        KeyCode::Enter => {
            // Left empty, the suggestion shown in the field is the name.
            let typed = naming.text();
            let name = if typed.is_empty() {
                start.suggested_name.clone()
            } else {
                typed
            };
            match store::validate_name(&name) {
                // The prompt stays until the shell answers, so a refused name
                // (one that exists already) can be fixed, not retyped.
                Ok(name) => {
                    return vec![match start.prompt.clone() {
                        Prompt::New => match start.workshops.get(start.workshop) {
                            Some(workshop) if start.workshop > 0 => Effect::CreateFrom {
                                name,
                                workshop: Box::new(workshop.clone()),
                            },
                            _ => Effect::Create(name),
                        },
                        Prompt::Rename(from) => Effect::Rename { from, to: name },
                        Prompt::Template(from) => Effect::Template { from, name },
                        Prompt::Group => Effect::CreateGroup(name),
                    }];
                }
                Err(error) => *notice = Some(error_formatted(move |lang| error.describe(lang))),
            }
        }
        _ => {
            naming.input(key);
        }
    }
    Vec::new()
}

/// Opens the name prompt: empty with the suggestion as placeholder, or
/// holding the current name, selected, when renaming: typing a new name
/// replaces it, an arrow keeps it to edit.
fn ask_name(start: &mut Start, prompt: Prompt, current: &str) {
    let mut editor = Editor::suggested(EditTarget::SessionName, current);
    editor.textarea.set_placeholder_text(&start.suggested_name);
    start.prompt = prompt;
    start.naming = Some(editor);
}

/// The shell did a browser operation and listed the folder again.
pub(super) fn on_listed(
    start: &mut Start,
    notice: &mut Option<Notice>,
    result: Result<Relisted, String>,
) {
    match result {
        Ok(relisted) => {
            start.entries = relisted.entries;
            // The list is sorted anew: follow the session, not the row number.
            let row = relisted
                .select
                .and_then(|path| start.entries.iter().position(|e| e.path == path))
                .map(|i| i + 1);
            start.selected = row.unwrap_or(start.selected).min(start.entries.len());
            start.suggested_name = relisted.suggested_name;
            start.naming = None;
            *notice = Some(told(relisted.done));
        }
        Err(reason) => *notice = Some(error_told(reason)),
    }
}
