//! What is being typed, kept in the session a moment after the last key,
//! so a crash or a lost laptop loses seconds of words, not a paragraph.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::editor_commit::commit_editor;
use super::form_commit::commit_form;
use crate::app::{EditTarget, Notice, Open};

/// Puts what is being typed into the session (and so on disk), the editor
/// staying open. Text only: an emptied input is not deleted behind the
/// typist's back, and a half-typed number of minutes is not judged yet.
pub(super) fn keep_the_draft(
    open: &mut Open,
    tz: &TimeZone,
    notice: &mut Option<Notice>,
    now: Timestamp,
) {
    let Some(since) = open.draft_since else {
        return;
    };
    if now < since + crate::app::DRAFT_SAVE_AFTER {
        return;
    }
    // Due: whatever happens now, this draft has had its turn, so the loop
    // does not wake for it again (a draft left unsaved would spin it).
    open.draft_since = None;
    if open.viewer.form.is_some() {
        commit_form(open, notice, now, true);
        return;
    }
    let Some(editor) = open.viewer.editor.as_ref() else {
        return;
    };
    // Whatever a person types as prose or names, the roster included, is
    // words that would be lost; minutes and times are judged only when done.
    let text_target = matches!(
        editor.target,
        EditTarget::NewInput { .. }
            | EditTarget::Input { .. }
            | EditTarget::Role { .. }
            | EditTarget::Participants { .. }
    );
    if text_target && !editor.text().is_empty() && open.read_only.is_none() {
        commit_editor(open, tz, notice, now, true);
    }
}
