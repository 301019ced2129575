//! The keys of each screen, as the help overlay lists them: one place that
//! says which keys a screen takes, read by the help (and bounding its
//! scrolling) so the two never drift apart.

use super::{Mode, Model, Page, Part};
use crate::i18n::Strings;

/// The keys of the screen the person is on, as (keys, what they do).
pub fn bindings(model: &Model) -> Vec<(&'static str, &'static str)> {
    let t: &Strings = model.lang.t();
    let common_tail = [
        ("Ctrl+S", t.key_save),
        ("? · F1", t.key_help),
        ("q", t.key_quit),
    ];
    let open = match &model.page {
        Page::Start(_) => {
            return vec![
                ("↑ ↓ Home End", t.key_select),
                ("Enter", t.key_open),
                ("n", t.key_new),
                ("g", model.lang.key_new_group()),
                ("r", t.key_rename),
                ("c", t.key_template),
                (t.keys_delete, t.key_trash),
                ("? · F1", t.key_help),
                ("q / Esc", t.key_start_quit),
            ];
        }
        Page::Workshop(open) => open,
    };
    if open.viewer.form.is_some() {
        return vec![
            ("Tab · Shift+Tab", t.key_form_fields),
            ("← → · 0-9", t.key_form_choose),
            (t.keys_form_countries, t.key_form_countries),
            ("t", t.key_form_all),
            ("a-z", t.key_form_add),
            ("a-z 0-9", t.key_form_date),
            ("Ctrl+S", t.key_editor_save),
            ("Esc", t.key_form_keep),
        ];
    }
    // One-line prompts (minutes, a time, a name, a path) are questions.
    if let Some(editor) = &open.viewer.editor
        && editor.target.is_single_line()
    {
        return vec![
            ("Enter", t.key_prompt_accept),
            ("Esc", t.key_prompt_cancel),
            ("a-z 0-9", t.key_prompt_replace),
            ("← → Home End", t.key_prompt_edit),
        ];
    }
    if open.viewer.editor.is_some() {
        return vec![
            ("Esc", t.key_editor_finish),
            ("Enter", t.key_editor_newline),
            ("Ctrl+S", t.key_editor_save),
            ("Tab", t.key_editor_fields),
            ("Ctrl+Shift+V / Shift+Ins", t.key_editor_paste),
        ];
    }
    let part = open.viewer.part;
    // The room view, the schedule and a read-only session take fewer keys.
    let moving = [("Tab · 1 2 3", t.key_parts), ("← →", t.key_groups)];
    let clock = [
        (t.key_space, t.key_timer),
        ("n", t.key_auto_start),
        ("+ −", t.key_plus_minus),
        ("r", t.key_reset),
    ];
    if open.read_only.is_some() {
        let mut keys = moving.to_vec();
        keys.extend([
            ("p", t.key_room),
            ("c", t.key_schedule),
            ("? · F1", t.key_help),
            ("q", t.key_start_quit),
        ]);
        return keys;
    }
    match open.viewer.mode {
        Mode::Room => {
            let mut keys = moving.to_vec();
            keys.extend(clock);
            keys.extend([
                ("M", t.key_room_message),
                ("p · Esc", t.key_back),
                ("c", t.key_schedule),
                ("? · F1", t.key_help),
                ("q", t.key_quit),
            ]);
            return keys;
        }
        Mode::Schedule => {
            let mut keys = vec![("b", t.key_bell), ("i", t.key_planned_start)];
            keys.extend(moving);
            keys.extend(clock);
            keys.extend([
                ("c · Esc", t.key_back),
                ("p", t.key_room),
                ("? · F1", t.key_help),
                ("q", t.key_quit),
            ]);
            return keys;
        }
        Mode::Normal => {}
    }
    let mut keys = vec![
        ("Tab · 1 2 3", t.key_parts),
        (t.key_space, t.key_timer),
        ("n", t.key_auto_start),
    ];
    if part == Part::Groups {
        keys.push(("S", t.key_all_groups));
    }
    keys.extend([
        ("+ −", t.key_plus_minus),
        ("r", t.key_reset),
        ("m", t.key_minutes),
        ("p", t.key_room),
        ("M", t.key_room_message),
        ("c", t.key_schedule),
    ]);
    if model.join.is_some() {
        keys.push(("U", t.key_join));
    }
    if part == Part::Opening {
        keys.push(("↑ ↓ ← →", t.key_select));
    } else {
        keys.push(("← →", t.key_groups));
    }
    // Input keys only where a group's inputs are on screen.
    if open
        .viewer
        .focused_group(open.session.groups.len())
        .is_some()
    {
        keys.extend([
            ("↑ ↓ Home End", t.key_select),
            ("a", t.key_add),
            ("Enter / e", t.key_edit),
            (t.keys_delete, t.key_delete),
            ("u", t.key_undo),
            ("Shift+↑↓ · K J", t.key_reorder),
            ("Shift+←→ · H L", t.key_move_group),
            ("g", t.key_duplicate),
            ("i", t.key_import),
            ("F", t.key_facilitator),
            ("R", t.key_rapporteur),
            ("P", t.key_participants),
        ]);
    }
    keys.push(("w", model.lang.key_where_file()));
    if part == Part::Groups {
        keys.push(("x", t.key_examples));
    }
    keys.push((t.keys_scroll, t.key_scroll));
    keys.extend(common_tail);
    keys
}
