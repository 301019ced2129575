//! A paste: into the editor or the form, or a new input on a group's page.

use crate::app::notice::info;
use crate::app::{EditTarget, Editor, Effect, Mode, Model, Overlay, Page};

/// A paste goes into the editor, or starts a new input on a group's page.
/// Anywhere else it is not dropped silently: the person is told where it can go.
pub(super) fn on_paste(model: &mut Model, text: &str) -> Vec<Effect> {
    if model.overlay == Some(Overlay::Help) {
        model.overlay = None;
        model.help_scroll = 0;
    }
    let pasted = match &mut model.page {
        Page::Start(start) => start
            .naming
            .as_mut()
            .map(|naming| naming.paste(text))
            .is_some(),
        Page::Workshop(open) if model.overlay.is_some() || open.read_only.is_some() => false,
        Page::Workshop(open) => {
            if let Some(form) = &mut open.viewer.form {
                let pasted = form.paste(text);
                if pasted {
                    open.draft_since.get_or_insert(model.now);
                }
                return if pasted {
                    Vec::new()
                } else {
                    model.notice = Some(info(|t| t.paste_needs_group));
                    Vec::new()
                };
            }
            if open.viewer.editor.is_none()
                && open.viewer.mode == Mode::Normal
                && let Some(group) = open.viewer.focused_group(&open.session)
            {
                let axis = open.session.groups[group].axis.clone();
                open.viewer.editor = Some(Editor::new(EditTarget::NewInput { axis }, ""));
            }
            let pasted = open
                .viewer
                .editor
                .as_mut()
                .map(|editor| editor.paste(text))
                .is_some();
            if pasted {
                open.draft_since.get_or_insert(model.now);
            }
            pasted
        }
    };
    if !pasted {
        model.notice = Some(info(|t| t.paste_needs_group));
    }
    Vec::new()
}
