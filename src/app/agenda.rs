//! The facilitator's agenda keys: on the opening's agenda, add an item or a
//! break, rename, time, move and remove one; on a group's page, add, rename
//! and remove a group. Titles and minutes are typed in the one-line prompt
//! every other name uses; removing asks first, and a group with inputs asks
//! where they go. The host decides (`session::agenda`); a refusal says why
//! and keeps what was typed.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;

use super::keymap::Action;
use super::notice::{error_formatted, info_formatted, refusal};
use super::{EditTarget, Editor, Notice, Open, Overlay, Part};
use crate::model::workshop::ItemKind;
use crate::session::{AgendaEdit, Command, Refused, new_axis, new_item};

/// The title a new break is offered with, in the workshop's language.
fn break_title(language: &str) -> &'static str {
    crate::i18n::Lang::parse(language)
        .unwrap_or_default()
        .break_title()
}

/// Minutes a new item gets before the prompt asks: the prompt offers them.
fn default_minutes(kind: ItemKind) -> u32 {
    if kind.is_item() { 10 } else { 15 }
}

/// An agenda action on the workshop screen (the keymap checked the role).
pub(super) fn on_action(
    open: &mut Open,
    overlay: &mut Option<Overlay>,
    notice: &mut Option<Notice>,
    action: Action,
    back: bool,
    now: Timestamp,
) {
    let items = &open.session.workshop.opening.items;
    let selected = open.viewer.agenda_item(&open.session);
    let item = items.get(selected).cloned();
    let groups = open.session.groups.len();
    let focused = open.viewer.focused_group(&open.session);
    match action {
        Action::AddItem | Action::AddBreak => {
            let kind = if action == Action::AddItem {
                ItemKind::Item
            } else {
                ItemKind::Break
            };
            // After the selected item: where the room is, what comes next.
            let after = item.map(|item| item.id);
            let target = EditTarget::NewItem { after, kind };
            open.viewer.editor = Some(if kind.is_item() {
                Editor::new(target, "")
            } else {
                // In the session's own language: the agenda is the workshop's.
                Editor::suggested(target, break_title(&open.session.workshop.language))
            });
        }
        Action::RenameItem => {
            if let Some(item) = item {
                let target = EditTarget::ItemTitle {
                    item: item.id.clone(),
                };
                open.viewer.editor = Some(Editor::suggested(target, &item.title));
            }
        }
        Action::MoveItem => {
            let Some(item) = item else { return };
            let to = selected.saturating_add_signed(if back { -1 } else { 1 });
            if to >= items.len() || to == selected {
                return;
            }
            let command = Command::Agenda(AgendaEdit::MoveItem {
                id: item.id,
                index: to,
            });
            if let Err(refused) = open.submit(command, now) {
                *notice = Some(refusal(&refused));
            }
        }
        Action::RemoveItem => {
            if let Some(item) = item {
                *overlay = Some(Overlay::ConfirmRemoveItem(item.id));
            }
        }
        Action::AddGroup => open.viewer.editor = Some(Editor::new(EditTarget::NewGroup, "")),
        Action::RenameGroup => {
            if let Some(group) = focused {
                let title = open.session.group_title(group).to_string();
                let axis = open.session.groups[group].axis.clone();
                let target = EditTarget::GroupTitle { axis };
                open.viewer.editor = Some(Editor::suggested(target, &title));
            }
        }
        Action::RemoveGroup => {
            let Some(group) = focused else {
                return;
            };
            if groups == 1 {
                *notice = Some(refusal(&Refused::LastGroup));
                return;
            }
            let g = &open.session.groups[group];
            // The inputs go to the next group by default (the one before, for the last).
            let into = (!g.inputs.is_empty()).then(|| {
                let other = if group + 1 < groups {
                    group + 1
                } else {
                    group - 1
                };
                open.session.groups[other].axis.clone()
            });
            *overlay = Some(Overlay::RemoveGroup {
                axis: g.axis.clone(),
                into,
            });
        }
        _ => {}
    }
}

/// Whether the prompt is one of the agenda's.
pub(super) fn is_agenda_prompt(target: &EditTarget) -> bool {
    matches!(
        target,
        EditTarget::NewItem { .. }
            | EditTarget::ItemTitle { .. }
            | EditTarget::ItemMinutes { .. }
            | EditTarget::NewGroup
            | EditTarget::GroupTitle { .. }
    )
}

/// An agenda prompt finished with `text`: sends its edit. A refusal (an
/// empty title, minutes out of range, the item gone) leaves the prompt open
/// with what was typed; `Esc` still takes the question back. Returns
/// whether the session changed.
pub(super) fn commit(
    open: &mut Open,
    editor: Editor,
    notice: &mut Option<Notice>,
    now: Timestamp,
) -> bool {
    let text = editor.text();
    let session = std::sync::Arc::clone(&open.session);
    let items = &session.workshop.opening.items;
    let title = text.trim();
    let edit = match editor.target.clone() {
        _ if title.is_empty() && !matches!(editor.target, EditTarget::ItemMinutes { .. }) => {
            Err(Refused::EmptyTitle)
        }
        EditTarget::NewItem { after, kind } => Ok(AgendaEdit::AddItem {
            // After the item it was to follow, wherever that is now; at
            // the end if it went.
            index: match after {
                Some(id) => items
                    .iter()
                    .position(|i| i.id == id)
                    .map_or(items.len(), |at| at + 1),
                None => 0,
            },
            item: Box::new(new_item(&session, title, default_minutes(kind), kind)),
        }),
        // The host refuses an item or a group gone meanwhile.
        EditTarget::ItemTitle { item } => Ok(AgendaEdit::RenameItem {
            id: item,
            title: title.to_string(),
        }),
        EditTarget::ItemMinutes { item } => match super::typed::parse_minutes(&text) {
            Some(minutes) => Ok(AgendaEdit::ItemMinutes {
                id: item,
                minutes,
                clock_secs: None,
            }),
            None => {
                let typed = text.clone();
                *notice = Some(error_formatted(move |lang| {
                    lang.minutes_refused(&typed, super::typed::MAX_MINUTES)
                }));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::NewGroup => Ok(AgendaEdit::AddGroup {
            axis: Box::new(new_axis(&session, title)),
        }),
        EditTarget::GroupTitle { axis } => Ok(AgendaEdit::RenameGroup {
            axis,
            title: title.to_string(),
        }),
        _ => return false,
    };
    let result = edit.and_then(|edit| {
        let sent = edit.clone();
        open.submit(Command::Agenda(edit), now)
            .map(|applied| (sent, applied))
    });
    match result {
        Ok((edit, applied)) => {
            after(open, notice, &edit);
            applied.changed
        }
        // Not this person's to change: said, and the prompt closes.
        Err(refused @ (Refused::NotAllowed(_) | Refused::ReadOnly(_))) => {
            *notice = Some(refusal(&refused));
            false
        }
        Err(refused) => {
            *notice = Some(refusal(&refused));
            open.viewer.editor = Some(editor);
            false
        }
    }
}

/// Where the screen goes after an edit it made: to the new item (whose
/// minutes are asked next), to the new group.
fn after(open: &mut Open, notice: &mut Option<Notice>, edit: &AgendaEdit) {
    // Every edit is named, none caught by `_`: a new one does not compile
    // until it says where the screen goes after it.
    match edit {
        AgendaEdit::AddItem { item, .. } => {
            let items = &open.session.workshop.opening.items;
            if items.iter().any(|i| i.id == item.id) {
                let session = std::sync::Arc::clone(&open.session);
                open.viewer.show_item(&session, &item.id);
                open.viewer.scroll = 0;
                let minutes = item.minutes.to_string();
                open.viewer.editor = Some(Editor::suggested(
                    EditTarget::ItemMinutes {
                        item: item.id.clone(),
                    },
                    &minutes,
                ));
            }
        }
        AgendaEdit::AddGroup { axis } => {
            if let Some(at) = open.session.groups.iter().position(|g| g.axis == axis.id) {
                let session = std::sync::Arc::clone(&open.session);
                open.viewer.part = Part::Groups;
                open.viewer.set_group(&session, at);
                open.viewer.scroll = 0;
                let short = axis.id.clone();
                *notice = Some(info_formatted(move |lang| lang.group_added(&short)));
            }
        }
        // The screen stays: the edited item or group is where it was.
        AgendaEdit::RenameItem { .. }
        | AgendaEdit::ItemMinutes { .. }
        | AgendaEdit::MoveItem { .. }
        | AgendaEdit::RemoveItem { .. }
        | AgendaEdit::RestoreItem { .. }
        | AgendaEdit::RenameGroup { .. }
        | AgendaEdit::RemoveGroup { .. }
        | AgendaEdit::RestoreGroup(_) => {}
    }
}

/// A key on an agenda question. `None`: the question is answered or taken
/// back; `Some`: it stays (← → chose another group for the inputs, or the
/// key means nothing here).
pub(super) fn on_question_key(
    open: &mut Open,
    overlay: Overlay,
    notice: &mut Option<Notice>,
    key: KeyEvent,
    now: Timestamp,
) -> Option<Overlay> {
    let yes = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y')
    );
    let no = matches!(key.code, KeyCode::Esc | KeyCode::Char('n' | 'N'));
    let step = match key.code {
        KeyCode::Left | KeyCode::Up | KeyCode::Char('h' | 'k') => Some(-1),
        KeyCode::Right | KeyCode::Down | KeyCode::Char('l' | 'j') => Some(1),
        _ => None,
    };
    if no {
        return None;
    }
    match overlay {
        Overlay::RemoveGroup {
            axis,
            into: Some(into),
        } if step.is_some() => {
            let others: Vec<&str> = open
                .session
                .groups
                .iter()
                .map(|g| g.axis.as_str())
                .filter(|a| *a != axis)
                .collect();
            let at = others.iter().position(|a| *a == into).unwrap_or(0);
            let next = (at as isize + step.unwrap_or(0)).rem_euclid(others.len().max(1) as isize);
            let into = others.get(next as usize).map(|a| a.to_string());
            Some(Overlay::RemoveGroup { axis, into })
        }
        overlay if !yes => Some(overlay),
        Overlay::ConfirmRemoveItem(id) => {
            let title = open
                .session
                .workshop
                .opening
                .items
                .iter()
                .find(|i| i.id == id)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            let command = Command::Agenda(AgendaEdit::RemoveItem { id });
            *notice = Some(match open.submit(command, now) {
                Ok(_) => info_formatted(move |lang| lang.item_removed(&title)),
                Err(refused) => refusal(&refused),
            });
            None
        }
        Overlay::RemoveGroup { axis, into } => {
            let at = open.session.groups.iter().position(|g| g.axis == axis);
            let title = at.map_or(axis.clone(), |g| open.session.group_title(g).to_string());
            let count = at.map_or(0, |g| open.session.groups[g].inputs.len());
            let command = Command::Agenda(AgendaEdit::RemoveGroup {
                axis,
                inputs_to: into.clone(),
            });
            let result = open.submit(command, now);
            // Their number once the group has gone.
            let into = into
                .as_deref()
                .and_then(|to| open.session.groups.iter().position(|g| g.axis == to))
                .map(|g| g + 1);
            *notice = Some(match result {
                Ok(_) => info_formatted(move |lang| lang.group_removed(&title, count, into)),
                Err(refused) => refusal(&refused),
            });
            None
        }
        _ => None,
    }
}
