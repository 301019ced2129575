//! The input form's keys, and what changed in it committed to the session:
//! only the fields the person changed, the countries they invited, the
//! plenary's say only from who may give it.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;

use super::refused::keep_refused_form;
use crate::app::keymap::Key;
use crate::app::notice::info;
use crate::app::{Effect, Notice, Open};
use crate::model::patch::InputPatch;
use crate::session::Command;

/// Keys of the input form: `Esc` keeps everything and closes it, `Ctrl+S`
/// keeps it and stays; the rest edits the form's copy.
pub(super) fn on_form_key(
    open: &mut Open,
    notice: &mut Option<Notice>,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    // Esc while naming a new country leaves just that name.
    if key.code == KeyCode::Esc
        && let Some(form) = &mut open.viewer.form
        && form.adding.take().is_some()
    {
        return Vec::new();
    }
    if key.code == KeyCode::Esc || Key::Ctrl('s').exact(&key) {
        let keep_open = key.code != KeyCode::Esc;
        commit_form(open, notice, now, keep_open);
        return Vec::new();
    }
    let invited = open.session.invited_countries.clone();
    if let Some(form) = &mut open.viewer.form
        && form.on_key(key, &invited)
    {
        open.draft_since.get_or_insert(now);
    }
    Vec::new()
}

/// Sends what the person changed in the form since it was last kept — only
/// those fields — and the countries they invited. The text may not be left
/// empty (the input keeps its text and says so). An input deleted elsewhere
/// meanwhile comes back as a new one: typed words are never dropped.
/// Returns whether the session changed.
pub(super) fn commit_form(
    open: &mut Open,
    notice: &mut Option<Notice>,
    now: Timestamp,
    keep_open: bool,
) -> bool {
    let Some(mut form) = open.viewer.form.take() else {
        return false;
    };
    open.draft_since = None;
    form.keep_typed();
    if form.draft.text.trim().is_empty() {
        form.draft.text = form.base.text.clone();
        *notice = Some(info(|t| t.text_kept));
    }
    let mut changed = false;
    for country in form.added.drain(..) {
        changed |= open
            .submit(Command::InviteCountry(country), now)
            .is_ok_and(|applied| applied.changed);
    }
    if open.session.group_of_input(form.id).is_none() {
        // Gone: added back, its fields after it.
        let id = uuid::Uuid::new_v4();
        let add = Command::AddInput {
            axis: form.axis.clone(),
            id,
            text: form.draft.text.clone(),
        };
        if let Err(refused) = open.submit(add, now) {
            keep_refused_form(open, notice, form, &refused, keep_open);
            return changed;
        }
        if let Some(group) = open.session.group_of_input(id)
            && let Some(added) = open.session.input(group, id)
        {
            form.base = added.clone();
            form.id = id;
            form.draft.id = id;
            form.axis.clone_from(&open.session.groups[group].axis);
        }
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
        changed = true;
    }
    let mut patch = InputPatch::between(&form.base, &form.draft);
    // Texts typed over what the form found merge with others' edits.
    patch.bases.text = patch.text.as_ref().map(|_| form.base.text.clone());
    patch.bases.observations = patch
        .observations
        .as_ref()
        .map(|_| form.base.plenary.observations.clone());
    let verdict = Command::PatchInput {
        id: form.id,
        patch: InputPatch {
            votes: Some(0),
            ..InputPatch::default()
        },
    };
    if patch.is_plenary() && !open.role.may(&verdict, &open.session) {
        // The plenary's say is the room's: the rest of the form is kept.
        patch.status = None;
        patch.observations = None;
        patch.votes = None;
        form.draft.plenary = form.base.plenary.clone();
        *notice = Some(info(|t| t.plenary_is_the_facilitators));
    }
    if !patch.is_empty() {
        match open.submit(Command::PatchInput { id: form.id, patch }, now) {
            Ok(applied) => {
                changed |= applied.changed;
                if let Some(told) = crate::app::merged::for_writer(&open.session, &applied.outcome)
                {
                    *notice = Some(told);
                }
                form.base = form.draft.clone();
            }
            Err(refused) => {
                keep_refused_form(open, notice, form, &refused, keep_open);
                return changed;
            }
        }
    }
    if keep_open {
        open.viewer.form = Some(form);
    }
    changed
}
