//! An editor or a form the session refused (its group removed, no longer
//! this person's, another instance holding the session): it stays, saying
//! why, and its words are never dropped.

use crate::app::notice::{error_formatted, info_formatted, refusal};
use crate::app::{Editor, Form, Notice, Open};
use crate::session::{Command, Refused};

/// A refused editor (its group removed, no longer this person's, another
/// instance holding the session) never closes with words in it, or the keys
/// that follow would run as commands: it stays, saying why. Told once, `Esc`
/// leaves it, the words kept as this person's draft for their next input.
pub(super) fn keep_refused_editor(
    open: &mut Open,
    notice: &mut Option<Notice>,
    editor: Editor,
    refused: &Refused,
    keep_open: bool,
) {
    let text = editor.text();
    if text.trim().is_empty() && !keep_open {
        *notice = Some(refusal(refused));
        return;
    }
    if editor.refused && !keep_open {
        keep_as_draft(open, notice, text);
        return;
    }
    let refused = refused.clone();
    *notice = Some(error_formatted(move |lang| {
        lang.refused_text_stays(&refused.describe(lang))
    }));
    open.viewer.editor = Some(Editor {
        refused: true,
        ..editor
    });
}

/// Words that could not go where they were typed, kept for this person
/// (after any kept before): their next new input starts with them.
fn keep_as_draft(open: &mut Open, notice: &mut Option<Notice>, text: String) {
    let kept = match open.viewer.kept.take() {
        Some(before) => format!("{before}\n\n{text}"),
        None => text,
    };
    // A rapporteur whose group was removed may write nowhere: `a` would
    // not bring the draft back, so the words are shown, to be copied.
    let writable = open.session.groups.iter().any(|group| {
        let add = Command::AddInput {
            axis: group.axis.clone(),
            id: uuid::Uuid::nil(),
            text: "·".into(),
        };
        open.role.may(&add, &open.session)
    });
    *notice = Some(if writable {
        info_formatted(|lang| lang.draft_kept().to_string())
    } else {
        let shown = kept.clone();
        error_formatted(move |lang| lang.draft_kept_nowhere(&shown))
    });
    open.viewer.kept = Some(kept);
}

/// A refused form stays, saying why; told once, `Esc` leaves it, its text
/// kept as this person's draft when the session does not hold it already.
pub(super) fn keep_refused_form(
    open: &mut Open,
    notice: &mut Option<Notice>,
    mut form: Form,
    refused: &Refused,
    keep_open: bool,
) {
    if form.refused && !keep_open {
        let held =
            open.session.group_of_input(form.id).is_some() && form.draft.text == form.base.text;
        if held || form.draft.text.trim().is_empty() {
            *notice = Some(refusal(refused));
        } else {
            keep_as_draft(open, notice, form.draft.text);
        }
        return;
    }
    let refused = refused.clone();
    *notice = Some(error_formatted(move |lang| {
        lang.refused_text_stays(&refused.describe(lang))
    }));
    form.refused = true;
    open.viewer.form = Some(form);
}
