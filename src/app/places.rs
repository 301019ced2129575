//! A screen stays on what it was looking at when the facilitator reshapes
//! the day: the viewer holds positions (the agenda item, the group, each
//! group's selection, the prompt open on an item or a group), and a new
//! revision with items or groups added, moved or removed maps each position
//! through the item's id or the group's axis, never by where it was.

use super::{EditTarget, Overlay, Viewer};
use crate::model::session::Session;

/// Said for a place that is gone: a prompt on it is refused when it
/// finishes (and keeps its text), rather than landing on a neighbour.
const GONE: usize = usize::MAX;

fn items(session: &Session) -> impl Iterator<Item = &str> {
    session.workshop.opening.items.iter().map(|i| i.id.as_str())
}

fn axes(session: &Session) -> impl Iterator<Item = &str> {
    session.groups.iter().map(|g| g.axis.as_str())
}

/// Where the agenda item at `index` of `old` is in `new`.
fn item_in(old: &Session, new: &Session, index: usize) -> Option<usize> {
    let id = old.workshop.opening.items.get(index)?.id.as_str();
    items(new).position(|other| other == id)
}

/// Where the group at `index` of `old` is in `new`; a group removed is
/// where its inputs went, if it had any.
fn group_in(old: &Session, new: &Session, index: usize) -> Option<usize> {
    let group = old.groups.get(index)?;
    axes(new).position(|axis| axis == group.axis).or_else(|| {
        group
            .inputs
            .iter()
            .find_map(|input| new.group_of_input(input.id))
    })
}

/// Where the group at `index` of `old` is in `new`, if it is still there.
fn same_group(old: &Session, new: &Session, index: usize) -> Option<usize> {
    let axis = old.groups.get(index)?.axis.as_str();
    axes(new).position(|other| other == axis)
}

/// The questions a screen has open follow the session's new shape too (a
/// reset names its clock by id, so it needs nothing).
pub(super) fn relocate_question(question: &mut Overlay, old: &Session, new: &Session) {
    if std::ptr::eq(old, new) {
        return;
    }
    if let Overlay::ConfirmDelete { group, id } = question {
        *group = new.group_of_input(*id).unwrap_or(*group);
    }
}

impl Viewer {
    /// Follows the session's new shape from `old` to `new` (see the module).
    pub(super) fn relocate(&mut self, old: &Session, new: &Session) {
        let same_items = items(old).eq(items(new));
        let same_groups = axes(old).eq(axes(new));
        if same_items && same_groups {
            return;
        }
        let item_count = new.workshop.opening.items.len();
        let group_count = new.groups.len();
        let last = |count: usize, at: usize| at.min(count.saturating_sub(1));
        if !same_items {
            self.agenda_item = item_in(old, new, self.agenda_item)
                .unwrap_or_else(|| last(item_count, self.agenda_item));
        }
        if !same_groups {
            self.group =
                group_in(old, new, self.group).unwrap_or_else(|| last(group_count, self.group));
            // Past the last group is the final step, in any shape.
            self.report = if self.report >= old.groups.len() {
                group_count
            } else {
                group_in(old, new, self.report).unwrap_or_else(|| last(group_count, self.report))
            };
            let mut selected = vec![0; group_count];
            let mut anchors = vec![None; group_count];
            for (g, axis) in axes(new).enumerate() {
                if let Some(was) = axes(old).position(|other| other == axis) {
                    selected[g] = self.selected.get(was).copied().unwrap_or(0);
                    anchors[g] = self.anchors.get(was).copied().flatten();
                }
            }
            self.selected = selected;
            self.anchors = anchors;
            if let Some(form) = &mut self.form {
                form.group = group_in(old, new, form.group).unwrap_or(GONE);
            }
        }
        let item = |at: usize| item_in(old, new, at).unwrap_or(GONE);
        // An editor stays on its own group, never on the one a removed
        // group's inputs went to: words typed for one group are not sent to
        // another (where a rapporteur may not write) behind the typist's
        // back. Gone, it is refused when it finishes and keeps its words; an
        // input's editor follows the input itself (`on_changed`).
        let group = |at: usize| same_group(old, new, at).unwrap_or(GONE);
        let Some(editor) = &mut self.editor else {
            return;
        };
        editor.target = match editor.target.clone() {
            EditTarget::NewInput { group: g } => EditTarget::NewInput { group: group(g) },
            EditTarget::Input { group: g, id } => EditTarget::Input {
                group: group(g),
                id,
            },
            EditTarget::Role { group: g, role } => EditTarget::Role {
                group: group(g),
                role,
            },
            EditTarget::Participants { group: g } => EditTarget::Participants { group: group(g) },
            EditTarget::GroupTitle { group: g } => EditTarget::GroupTitle { group: group(g) },
            EditTarget::ItemTitle { item: i } => EditTarget::ItemTitle { item: item(i) },
            EditTarget::ItemMinutes { item: i } => EditTarget::ItemMinutes { item: item(i) },
            // A new item goes after the one it was to follow, wherever that is now.
            EditTarget::NewItem { at, kind } => EditTarget::NewItem {
                at: match at.checked_sub(1) {
                    Some(before) => item_in(old, new, before).map_or(item_count, |i| i + 1),
                    None => 0,
                },
                kind,
            },
            other => other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;
    use crate::session::{AgendaEdit, Command, Role, apply, new_axis, new_item};

    fn session() -> Session {
        let workshop = Workshop::default_for("es").unwrap();
        Session::new("lugares", workshop, jiff::Timestamp::UNIX_EPOCH)
    }

    fn edit(session: &Session, edit: AgendaEdit) -> Session {
        let mut new = session.clone();
        apply(
            &mut new,
            &Command::Agenda(edit),
            &Role::Facilitator,
            jiff::Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        new
    }

    #[test]
    fn the_selected_item_stays_selected_when_one_is_added_above_it() {
        let old = session();
        let mut viewer = Viewer::new(old.groups.len());
        viewer.agenda_item = 2;
        let item = new_item(&old, "Llegada del ministro", 10, Default::default());
        let new = edit(
            &old,
            AgendaEdit::AddItem {
                index: 0,
                item: Box::new(item),
            },
        );
        viewer.relocate(&old, &new);
        assert_eq!(viewer.agenda_item, 3);
    }

    #[test]
    fn a_screen_on_a_removed_group_goes_where_its_inputs_went() {
        let mut old = session();
        let id = old
            .add_input(1, "uno".into(), jiff::Timestamp::UNIX_EPOCH)
            .unwrap();
        let mut viewer = Viewer::new(old.groups.len());
        viewer.group = 1;
        viewer.report = old.groups.len(); // the final step
        viewer.select_id(id, &old);
        viewer.selected[3] = 0;
        let into = old.groups[3].axis.clone();
        let new = edit(
            &old,
            AgendaEdit::RemoveGroup {
                axis: old.groups[1].axis.clone(),
                inputs_to: Some(into),
            },
        );
        viewer.editor = None;
        viewer.relocate(&old, &new);
        assert_eq!(viewer.group, 2, "group 4 is third now, with the inputs");
        assert_eq!(viewer.report, new.groups.len(), "still the final step");
        assert_eq!(viewer.selected.len(), new.groups.len());
    }

    #[test]
    fn a_prompt_on_a_removed_item_is_not_moved_to_its_neighbour() {
        let old = session();
        let mut viewer = Viewer::new(old.groups.len());
        viewer.editor = Some(super::super::Editor::new(
            EditTarget::ItemTitle { item: 1 },
            "Otro título",
        ));
        let new = edit(
            &old,
            AgendaEdit::RemoveItem {
                id: old.workshop.opening.items[1].id.clone(),
            },
        );
        viewer.relocate(&old, &new);
        assert_eq!(
            viewer.editor.as_ref().map(|e| e.target.clone()),
            Some(EditTarget::ItemTitle { item: GONE })
        );
        let added = edit(
            &new,
            AgendaEdit::AddGroup {
                axis: Box::new(new_axis(&new, "Nuevo")),
            },
        );
        viewer.group = 4;
        viewer.relocate(&new, &added);
        assert_eq!(viewer.group, 4, "a group added at the end moves nothing");
        assert_eq!(viewer.selected.len(), 6);
    }
}
