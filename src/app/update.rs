//! `update(model, msg, now) -> effects`: every behaviour of the program.
//!
//! Pure: it reads no clock (`now` is given), touches no disk and no terminal.
//! This file dispatches each message; the jobs it hands to have a file each:
//! the editor's commit (`editor_commit`), the form's (`form_commit`), what a
//! refused one keeps (`refused`), the draft kept while typing (`draft`), a
//! paste (`paste`). Keys on a session's page are `app::actions`'.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use jiff::Timestamp;

use draft::keep_the_draft;
use editor_commit::{commit_editor, on_editor_key};
use form_commit::{commit_form, on_form_key};
use paste::on_paste;

use super::notice::{error_formatted, error_told, info, info_formatted, refusal, told};
use super::{EditTarget, Effect, Model, Msg, Notice, Open, Overlay, Page, SaveState, start};
use crate::model::session::Session;
use crate::session::{ClockAction, Command, Host, Outcome, Refused, Role, Writer};

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let stage_before = model.open().map(Open::stage);
    // A key is the facilitator saying where they are, even unmoved.
    let acted = matches!(msg, Msg::Key(_) | Msg::Paste(_));
    let effects = handle(model, msg, now);
    if let Page::Workshop(open) = &mut model.page {
        // The facilitator's place is the room's: room screens follow the
        // facilitator who moved or acted last (two facilitators' screens
        // do not pull the room back and forth on every tick).
        let stage = open.stage();
        if open.role == Role::Facilitator
            && open.read_only.is_none()
            && (acted || stage_before.as_ref() != Some(&stage))
        {
            open.host().set_stage(stage);
            open.revisions.borrow_and_update();
        }
        open.follow_stage();
        // Someone else's edit overlapped this person's words: told here,
        // whichever way this screen took the revision.
        if !open.overlaps.is_empty() {
            let overlaps = std::mem::take(&mut open.overlaps);
            if let Some(told) = super::merged::for_overlapped(&open.session, &overlaps) {
                model.notice = Some(told);
            }
        }
    }
    // Which input this screen edits now, for every other screen to show.
    super::presence::report(model);
    effects
}

fn handle(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    model.now = now;
    match msg {
        Msg::ToImport(result) => match (&mut model.page, result) {
            (Page::Workshop(open), Ok((file, files, note))) => {
                let command = Command::Import {
                    label: file.clone(),
                    files,
                };
                match open.submit(command, now) {
                    Ok(applied) => {
                        let report = match applied.outcome {
                            Outcome::Imported(report) => Some(report),
                            _ => None,
                        };
                        // The report names groups as this revision has them.
                        let session = open.session.clone();
                        model.notice = Some(info_formatted(move |lang| {
                            let what = match &report {
                                Some(report) => report.describe(&session, lang),
                                None => lang.merge_nothing_new().to_string(),
                            };
                            let imported = lang.imported_from(&file, &what);
                            match &note {
                                Some(note) => format!("{imported} · {note}"),
                                None => imported,
                            }
                        }));
                    }
                    Err(refused) => model.notice = Some(refusal(&refused)),
                }
                Vec::new()
            }
            (_, Err(reason)) => {
                model.notice = Some(error_told(reason));
                Vec::new()
            }
            _ => Vec::new(),
        },
        Msg::Cards { path, cards } => {
            super::poll::on_cards(model, &path, cards);
            Vec::new()
        }
        Msg::CardRevoked { path, card, done } => {
            super::poll::on_revoked(model, &path, card, done, now);
            Vec::new()
        }
        Msg::Listed(result) => {
            if let Page::Start(start) = &mut model.page {
                start::on_listed(start, &mut model.notice, result);
            }
            Vec::new()
        }
        Msg::Tick => match &mut model.page {
            Page::Workshop(open) => {
                // Every screen ticks the host; a phase crossing is seen once.
                open.host().tick(now);
                open.refresh();
                let mut effects = Vec::new();
                if open.bells_due() && !model.muted && open.role.rings() {
                    effects.push(Effect::Bell);
                }
                keep_the_draft(open, &model.tz, &mut model.notice, now);
                if open.read_only.is_some() {
                    effects.push(Effect::Follow(open.path.clone()));
                }
                effects
            }
            Page::Start(_) => Vec::new(),
        },
        Msg::Changed => {
            if let Page::Workshop(open) = &mut model.page {
                on_changed(open, &mut model.notice);
            }
            Vec::new()
        }
        Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Msg::Key(key) => on_key(model, key, now),
        Msg::Paste(text) => on_paste(model, &text),
        Msg::Resize => Vec::new(),
        Msg::Opened(result) => on_opened(model, now, result),
        Msg::Saved { path, seq, result } => on_saved(model, path, seq, result, now),
        Msg::BackupFailed { path, error } => {
            if let Page::Workshop(open) = &model.page
                && open.path == path
            {
                let folder = crate::store::backup::folder_for(&path);
                model.notice = Some(error_formatted(move |lang| {
                    let reason = crate::store::describe_io(&error, lang);
                    lang.backup_failed(folder.display(), reason)
                }));
            }
            Vec::new()
        }
        Msg::QuitBlocked(reason) => {
            if let Page::Workshop(open) = &mut model.page {
                open.host().failed(reason, now);
                open.refresh();
            }
            model.overlay = Some(Overlay::ConfirmQuit);
            Vec::new()
        }
        Msg::Terminate => {
            if let Page::Workshop(open) = &mut model.page {
                commit_form(open, &mut model.notice, now, false);
                commit_editor(open, &model.tz, &mut model.notice, now, false);
                open.host().retry_failed_save();
            }
            vec![Effect::Quit {
                even_if_unsaved: true,
            }]
        }
    }
}

/// Someone else changed the session: this screen follows, its selection
/// stays on its inputs, and what was being edited is never dropped.
fn on_changed(open: &mut Open, notice: &mut Option<Notice>) {
    let own_group = |open: &Open| match &open.role {
        Role::Rapporteur { axis } => open.session.groups.iter().any(|g| g.axis == *axis),
        _ => true,
    };
    let had_group = own_group(open);
    if open.refresh() {
        *notice = Some(info(|t| t.selected_deleted_elsewhere));
    }
    // An editor or form on an input deleted elsewhere keeps its text: it
    // becomes a new input, added back when the typist finishes.
    let gone = |id| open.session.group_of_input(id).is_none();
    if let Some(editor) = &mut open.viewer.editor
        && let EditTarget::Input { axis, id } = editor.target.clone()
        && gone(id)
    {
        editor.target = EditTarget::NewInput { axis };
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
    }
    if let Some(form) = &open.viewer.form
        && gone(form.id)
    {
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
    }
    // An input moved elsewhere: the editor and the form follow it to its
    // group (where a new one goes, should it be deleted later).
    if let Some(editor) = &mut open.viewer.editor
        && let EditTarget::Input { axis, id } = &mut editor.target
        && let Some(now_in) = open.session.group_of_input(*id)
    {
        axis.clone_from(&open.session.groups[now_in].axis);
    }
    if let Some(form) = &mut open.viewer.form
        && let Some(now_in) = open.session.group_of_input(form.id)
    {
        form.axis.clone_from(&open.session.groups[now_in].axis);
    }
    // A rapporteur whose group the facilitator removed is told now, in
    // words, not by the refusal of their next key.
    if had_group && !own_group(open) {
        *notice = Some(error_formatted(|lang| lang.group_gone().to_string()));
    }
}

fn on_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    // A message is read once; the next key makes room for the next one.
    model.notice = None;
    // A key acts on the session as it is now, not on this screen's last
    // copy: a revision made elsewhere whose wake-up has not arrived yet is
    // taken first (cheap: the session is shared, not copied). One made
    // between this and the key's command is harmless: commands name groups,
    // items, clocks and inputs by id, as the person saw them.
    if let Page::Workshop(open) = &mut model.page
        && open.revisions.has_changed().unwrap_or(false)
    {
        on_changed(open, &mut model.notice);
    }
    if let Some(overlay) = model.overlay.take() {
        return on_overlay_key(model, overlay, key, now);
    }
    // F1 is help everywhere, also while typing, where `?` is a character.
    if key.code == KeyCode::F(1) {
        model.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match &mut model.page {
        Page::Start(start) => start::on_key(start, &mut model.overlay, &mut model.notice, key),
        Page::Workshop(open) => {
            if open.viewer.form.is_some() {
                on_form_key(open, &mut model.notice, key, now)
            } else if open.viewer.editor.is_some() {
                on_editor_key(open, &mut model.notice, &model.tz, key, now)
            } else if let Some(notice) = super::laptop::on_key(open, &key) {
                model.notice = Some(notice);
                Vec::new()
            } else if key.code == KeyCode::Char('U') && model.join.is_some() {
                // How to join the served session, for the board and the room.
                model.overlay = Some(Overlay::Join);
                Vec::new()
            } else {
                super::actions::on_workshop_key(
                    open,
                    &mut model.overlay,
                    &mut model.notice,
                    &model.tz,
                    key,
                    now,
                )
            }
        }
    }
}

fn on_overlay_key(
    model: &mut Model,
    overlay: Overlay,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    let yes = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y')
    );
    let no = matches!(key.code, KeyCode::Esc | KeyCode::Char('n' | 'N'));
    if super::served::on_key(model, &overlay, &key).is_some() {
        return Vec::new();
    }
    if let Some(effects) = super::poll::on_key(model, &overlay, &key, now) {
        return effects;
    }
    if overlay == Overlay::Help {
        // On a small screen the help scrolls; any other key closes it.
        let keys = super::bindings(model).len();
        match key.code {
            KeyCode::Down | KeyCode::PageDown | KeyCode::Char('j') => {
                model.help_scroll = (model.help_scroll + 1).min(keys.saturating_sub(1));
                model.overlay = Some(overlay);
            }
            KeyCode::Up | KeyCode::PageUp | KeyCode::Char('k') => {
                model.help_scroll = model.help_scroll.saturating_sub(1);
                model.overlay = Some(overlay);
            }
            _ => model.help_scroll = 0,
        }
        return Vec::new();
    }
    if overlay == Overlay::Join {
        // The join screen asks nothing: any key closes it, and does nothing else.
        return Vec::new();
    }
    if matches!(
        overlay,
        Overlay::ConfirmRemoveItem(_) | Overlay::RemoveGroup { .. }
    ) {
        if let Page::Workshop(open) = &mut model.page {
            model.overlay =
                super::agenda::on_question_key(open, overlay, &mut model.notice, key, now);
        }
        return Vec::new();
    }
    if no {
        return Vec::new();
    }
    if !yes {
        // Any other key leaves the question on screen.
        model.overlay = Some(overlay);
        return Vec::new();
    }
    if let Overlay::ConfirmTrash(path) = overlay {
        return vec![Effect::Trash(path)];
    }
    let Page::Workshop(open) = &mut model.page else {
        return Vec::new();
    };
    match overlay {
        Overlay::ConfirmDelete { id, .. } => {
            model.notice = Some(match delete_input(open, id, now) {
                Ok(()) => info(|t| t.deleted),
                Err(refused) => refusal(&refused),
            });
            Vec::new()
        }
        Overlay::ConfirmReset(timer) => {
            let reset = Command::Clock {
                timer,
                action: ClockAction::Reset,
            };
            if let Err(refused) = open.submit(reset, now) {
                model.notice = Some(refusal(&refused));
            }
            Vec::new()
        }
        Overlay::ConfirmQuit => vec![Effect::Quit {
            even_if_unsaved: true,
        }],
        _ => Vec::new(),
    }
}

pub(super) fn on_opened(
    model: &mut Model,
    now: Timestamp,
    result: Result<super::OpenedSession, String>,
) -> Vec<Effect> {
    match result {
        Ok(opened) => {
            // The person at this terminal runs the session: a host of its own.
            let writer = model.writer.take().unwrap_or_else(|| Box::new(NoWriter));
            let read_only = opened.read_only.clone();
            let host = Host::new(opened.path, *opened.session, read_only, writer, now);
            let mut open = Open::join(host.shared(), Role::Facilitator);
            if let Some(view) = &opened.view {
                view.restore(&mut open.viewer, &open.session);
            }
            super::laptop::pin(&mut open);
            let note = opened.note;
            if let Some(holder) = opened.read_only {
                model.notice = Some(error_formatted(move |lang| {
                    let read_only = lang.read_only(&holder);
                    match &note {
                        Some(note) => format!("{read_only} · {note}"),
                        None => read_only,
                    }
                }));
            } else {
                model.notice = note.map(told);
            }
            model.page = Page::Workshop(Box::new(open));
        }
        Err(reason) => model.notice = Some(error_told(reason)),
    }
    Vec::new()
}

/// Where snapshots go when no writer was given: nowhere, and it says so, so
/// the screen shows the save failed instead of pretending.
struct NoWriter;

impl Writer for NoWriter {
    fn write(&mut self, _: &std::path::Path, _: u64, _: std::sync::Arc<Session>) -> bool {
        false
    }
}

fn on_saved(
    model: &mut Model,
    path: std::path::PathBuf,
    seq: u64,
    result: Result<(), String>,
    now: Timestamp,
) -> Vec<Effect> {
    if let Page::Workshop(open) = &mut model.page
        && open.path == path
    {
        open.host().saved(seq, result, now);
        open.refresh();
        // Nothing is lost any more: the question has no reason to stay.
        if matches!(open.save, SaveState::Saved(_)) && model.overlay == Some(Overlay::ConfirmQuit) {
            model.overlay = None;
        }
    }
    Vec::new()
}

/// Deletes an input; the selection goes to its neighbour (a person's own
/// delete is not reported as a loss, as one made elsewhere is).
fn delete_input(open: &mut Open, id: uuid::Uuid, now: Timestamp) -> Result<(), Refused> {
    open.submit(Command::DeleteInput { id }, now).map(|_| ())
}

mod draft;
mod editor_commit;
mod form_commit;
mod paste;
mod refused;

#[cfg(test)]
mod tests;
