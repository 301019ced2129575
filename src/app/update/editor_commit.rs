//! The editor's keys, and its text committed to the session: a new input,
//! an input's text (merged with others' edits), a roster name, minutes, a
//! time, the room's message; the agenda's prompts go to `app::agenda`.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::refused::keep_refused_editor;
use crate::app::keymap::Key;
use crate::app::notice::{error_formatted, info};
use crate::app::typed::{MAX_MINUTES, parse_minutes, parse_time_of_day};
use crate::app::{EditTarget, Editor, Effect, Form, Notice, Open};
use crate::model::patch::InputPatch;
use crate::session::{ClockAction, Command, Role, Setting};

pub(super) fn on_editor_key(
    open: &mut Open,
    notice: &mut Option<Notice>,
    tz: &TimeZone,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    let Some(editor) = &mut open.viewer.editor else {
        return Vec::new();
    };
    // A one-line prompt (minutes, a time, a name, a path) is a question:
    // Esc takes the question back and leaves the old value as it was.
    if key.code == KeyCode::Esc && editor.target.is_single_line() {
        let target = editor.target.clone();
        let original = editor.original.take();
        open.viewer.editor = None;
        open.draft_since = None;
        // A name the draft save already kept is put back as it was.
        if let (EditTarget::Role { axis, role }, Some(name)) = (target, original) {
            let put_back = Command::SetRoster {
                axis,
                role,
                name,
                base: None,
            };
            let _ = open.submit(put_back, now);
        }
        return Vec::new();
    }
    let finishes =
        key.code == KeyCode::Esc || (key.code == KeyCode::Enter && editor.target.is_single_line());
    // The import prompt asks the shell to read the file.
    if finishes && editor.target == EditTarget::ImportPath {
        // A file dragged onto the terminal arrives quoted: the quotes are not the name.
        let path = editor
            .text()
            .trim()
            .trim_matches(|c| c == '\'' || c == '"')
            .to_string();
        open.viewer.editor = None;
        return if key.code == KeyCode::Enter && !path.is_empty() {
            vec![Effect::Import(std::path::PathBuf::from(path))]
        } else {
            Vec::new()
        };
    }
    // A card's label goes to the poll (paper) or to the shell (revoke).
    if let (true, EditTarget::PollCard { poll, action }) = (finishes, &editor.target) {
        let (poll, action) = (*poll, *action);
        let typed = editor.text();
        open.viewer.editor = None;
        return if key.code == KeyCode::Enter && !typed.trim().is_empty() {
            crate::app::poll::on_card_typed(open, notice, poll, action, &typed, now)
        } else {
            Vec::new()
        };
    }
    if finishes {
        commit_editor(open, tz, notice, now, false);
        return Vec::new();
    }
    if Key::Ctrl('s').exact(&key) {
        // Kept text is saved already; with nothing new, save as asked.
        if !commit_editor(open, tz, notice, now, true) {
            open.host().save_now();
            open.refresh();
        }
        return Vec::new();
    }
    // Tab from the text of an input goes on to its other fields.
    let is_input = matches!(
        editor.target,
        EditTarget::NewInput { .. } | EditTarget::Input { .. }
    );
    if key.code == KeyCode::Tab && is_input {
        commit_editor(open, tz, notice, now, true);
        // Nothing typed yet: the editor stays open for the text (the notice says why).
        if let Some(EditTarget::Input { id, .. }) =
            open.viewer.editor.as_ref().map(|e| e.target.clone())
            && let Some(group) = open.session.group_of_input(id)
        {
            open.viewer.editor = None;
            if let Some(input) = open.session.input(group, id) {
                let axis = &open.session.groups[group].axis;
                let mut form = Form::new(axis, input, &open.session.workshop.countries.members);
                if open.role != Role::Facilitator {
                    form = form.without_plenary();
                }
                form.on_key(key, &open.session.invited_countries);
                open.viewer.form = Some(form);
            }
        }
        return Vec::new();
    }
    if editor.input(key) {
        open.draft_since.get_or_insert(now);
    }
    Vec::new()
}

/// Keeps the editor's text in the session. With `keep_open` the editor stays,
/// now editing the input it created. Returns whether the session changed.
pub(super) fn commit_editor(
    open: &mut Open,
    tz: &TimeZone,
    notice: &mut Option<Notice>,
    now: Timestamp,
    keep_open: bool,
) -> bool {
    let Some(editor) = open.viewer.editor.take() else {
        return false;
    };
    open.draft_since = None;
    if crate::app::agenda::is_agenda_prompt(&editor.target) {
        return crate::app::agenda::commit(open, editor, notice, now);
    }
    let text = editor.text();
    let sent = text.clone();
    let mut target = editor.target.clone();
    let command = match editor.target.clone() {
        EditTarget::NewInput { axis } => {
            if text.is_empty() {
                *notice = Some(info(|t| t.empty_not_added));
                None
            } else {
                let id = uuid::Uuid::new_v4();
                target = EditTarget::Input {
                    axis: axis.clone(),
                    id,
                };
                Some(Command::AddInput { axis, id, text })
            }
        }
        // An input emptied by hand is a delete, and can be undone like one.
        EditTarget::Input { axis, id } if text.is_empty() => {
            target = EditTarget::NewInput { axis };
            *notice = Some(info(|t| t.emptied_deleted));
            Some(Command::DeleteInput { id })
        }
        // Typed over the text this editor found: merged with others' edits.
        EditTarget::Input { id, .. } => Some(Command::PatchInput {
            id,
            patch: match editor.base.clone() {
                Some(base) => InputPatch::text_from(base, text),
                None => InputPatch::text(text),
            },
        }),
        EditTarget::Role { axis, role } => Some(Command::SetRoster {
            axis,
            role,
            name: text,
            base: editor.base.clone(),
        }),
        EditTarget::Participants { axis } => Some(Command::SetParticipants {
            axis,
            participants: crate::model::session::Participant::parse_lines(&text),
            base: editor
                .base
                .as_deref()
                .map(crate::model::session::Participant::parse_lines),
        }),
        EditTarget::Minutes(timer) => match parse_minutes(&text) {
            Some(minutes) => Some(Command::Clock {
                timer,
                action: ClockAction::SetMinutes(minutes),
            }),
            None => {
                // Stay in the field so the number can be fixed.
                let typed = text.clone();
                *notice = Some(error_formatted(move |lang| {
                    lang.minutes_refused(&typed, MAX_MINUTES)
                }));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::PlannedStart => match parse_time_of_day(&text, now, tz) {
            Some(start) => Some(Command::Schedule(Setting::PlannedStart(Some(start)))),
            None => {
                let typed = text.clone();
                *notice = Some(error_formatted(move |lang| lang.time_refused(&typed)));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::RoomMessage => Some(Command::RoomMessage(text)),
        EditTarget::ImportPath
        | EditTarget::SessionName
        | EditTarget::FormLine
        | EditTarget::PollCard { .. } => None,
        // Sent above, by the agenda's own commit.
        EditTarget::NewItem { .. }
        | EditTarget::ItemTitle { .. }
        | EditTarget::ItemMinutes { .. }
        | EditTarget::NewGroup
        | EditTarget::GroupTitle { .. } => None,
    };
    let Some(command) = command else {
        if keep_open {
            open.viewer.editor = Some(Editor { target, ..editor });
        }
        return false;
    };
    let added = match &command {
        Command::AddInput { id, .. } => Some(*id),
        _ => None,
    };
    let merges = matches!(
        target,
        EditTarget::Input { .. } | EditTarget::Participants { .. } | EditTarget::Role { .. }
    );
    match open.submit(command, now) {
        Ok(applied) => {
            if let Some(id) = added {
                let session = std::sync::Arc::clone(&open.session);
                open.viewer.select_id(id, &session);
            }
            if let Some(told) = crate::app::merged::for_writer(&open.session, &applied.outcome) {
                *notice = Some(told);
            }
            if keep_open {
                // What was sent is the base of what is typed next: the
                // others' words merged in meanwhile are kept by the merge.
                let base = merges.then_some(sent);
                open.viewer.editor = Some(Editor {
                    target,
                    base,
                    ..editor
                });
            }
            applied.changed
        }
        Err(refused) => {
            keep_refused_editor(open, notice, editor, &refused, keep_open);
            false
        }
    }
}
