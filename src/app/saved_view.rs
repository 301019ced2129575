//! Where a screen was left in a session — part, agenda item, group,
//! report-back and each group's selected input — as kept between runs.
//! Groups and inputs are named by axis and id, not by position, so the view
//! still lands right after inputs were added, moved or imported elsewhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Part, Viewer};
use crate::model::session::Session;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SavedView {
    #[serde(default)]
    pub part: SavedPart,
    #[serde(default)]
    pub agenda_item: usize,
    /// The same item by id: the agenda may have been reordered since (the
    /// place above is kept for views written before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item_id: Option<String>,
    /// The breakout group, by axis.
    #[serde(default)]
    pub group: Option<String>,
    /// The report-back, by axis; none is the final step.
    #[serde(default)]
    pub report: Option<String>,
    /// Each group's selected input, by axis.
    #[serde(default)]
    pub selected: BTreeMap<String, Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedPart {
    #[default]
    Opening,
    Groups,
    Closing,
}

impl SavedView {
    pub fn of(viewer: &Viewer, session: &Session) -> SavedView {
        let selected = session
            .groups
            .iter()
            .filter_map(|group| Some((group.axis.clone(), viewer.selected_id(&group.axis)?)))
            .collect();
        SavedView {
            part: match viewer.part {
                Part::Opening => SavedPart::Opening,
                Part::Groups => SavedPart::Groups,
                Part::Closing => SavedPart::Closing,
            },
            agenda_item: viewer.agenda_item(session),
            agenda_item_id: Some(viewer.item_id().to_string()),
            group: Some(viewer.group_axis().to_string()),
            report: viewer.report_axis().map(str::to_string),
            selected,
        }
    }

    /// Puts the viewer where the view says, as far as the session still has
    /// those places; what it no longer has is left as it was.
    pub fn restore(&self, viewer: &mut Viewer, session: &Session) {
        let group_of = |axis: &str| session.groups.iter().position(|g| g.axis == axis);
        viewer.part = match self.part {
            SavedPart::Opening => Part::Opening,
            SavedPart::Groups => Part::Groups,
            SavedPart::Closing => Part::Closing,
        };
        let items = &session.workshop.opening.items;
        let by_id = self
            .agenda_item_id
            .as_deref()
            .and_then(|id| items.iter().position(|item| item.id == id));
        if let Some(at) = by_id {
            viewer.set_agenda_item(session, at);
        } else if self.agenda_item < items.len() {
            viewer.set_agenda_item(session, self.agenda_item);
        }
        if let Some(g) = self.group.as_deref().and_then(group_of) {
            viewer.set_group(session, g);
        }
        match self.report.as_deref() {
            Some(axis) => {
                if let Some(g) = group_of(axis) {
                    viewer.set_report(session, g);
                }
            }
            None => viewer.set_report(session, session.groups.len()),
        }
        for (axis, id) in &self.selected {
            let Some(g) = group_of(axis) else { continue };
            if let Some(index) = session.groups[g].inputs.iter().position(|i| i.id == *id) {
                viewer.select(g, index, session);
            }
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// A damaged view is no view: the session opens at its start.
    pub fn from_json(bytes: &[u8]) -> Option<SavedView> {
        serde_json::from_slice(bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/ejemplo-taller-ctim.json"
        );
        crate::store::load(std::path::Path::new(path)).unwrap()
    }

    #[test]
    fn the_view_lands_on_the_same_input_after_others_were_added_above_it() {
        let mut session = session();
        let mut viewer = Viewer::new(&session);
        viewer.part = Part::Groups;
        viewer.set_group(&session, 1);
        viewer.select(1, 1, &session);
        viewer.set_report(&session, 2);
        let chosen = session.groups[1].inputs[1].id;
        let saved = SavedView::from_json(&SavedView::of(&viewer, &session).to_json()).unwrap();

        // Elsewhere, two inputs arrive above it.
        let now = jiff::Timestamp::now();
        for text in ["primero", "segundo"] {
            session.add_input(1, text.into(), now);
            let group = session.group_mut(1).unwrap();
            let added = group.inputs.pop().unwrap();
            group.inputs.insert(0, added);
        }
        let mut reopened = Viewer::new(&session);
        saved.restore(&mut reopened, &session);
        assert_eq!(reopened.part, Part::Groups);
        assert_eq!(reopened.group(&session), 1);
        assert_eq!(reopened.report(&session), 2);
        let at = reopened.selected_in(1, &session);
        assert_eq!(session.groups[1].inputs[at].id, chosen);
    }

    #[test]
    fn a_restored_selection_stays_on_its_input_when_others_add_above_it() {
        let mut session = session();
        let mut viewer = Viewer::new(&session);
        viewer.select(1, 1, &session);
        let chosen = session.groups[1].inputs[1].id;
        let saved = SavedView::of(&viewer, &session);

        let mut reopened = Viewer::new(&session);
        saved.restore(&mut reopened, &session);
        // Someone else adds an input at the top of that group.
        session.add_input(1, "desde otra pantalla".into(), jiff::Timestamp::now());
        let group = session.group_mut(1).unwrap();
        let added = group.inputs.pop().unwrap();
        group.inputs.insert(0, added);
        reopened.follow(&session);
        let at = reopened.selected_in(1, &session);
        assert_eq!(session.groups[1].inputs[at].id, chosen);
    }

    #[test]
    fn a_view_of_places_the_session_no_longer_has_changes_nothing_there() {
        let session = session();
        let saved = SavedView {
            part: SavedPart::Closing,
            agenda_item: 99,
            agenda_item_id: Some("no-such-item".into()),
            group: Some("no-such-axis".into()),
            report: None,
            selected: BTreeMap::from([("no-such-axis".into(), Uuid::nil())]),
        };
        let mut viewer = Viewer::new(&session);
        saved.restore(&mut viewer, &session);
        assert_eq!(viewer.part, Part::Closing);
        assert_eq!(viewer.agenda_item(&session), 0);
        assert_eq!(viewer.group(&session), 0);
        assert_eq!(
            viewer.report(&session),
            session.groups.len(),
            "the final step"
        );
        assert_eq!(SavedView::from_json(b"{not json"), None);
    }

    #[test]
    fn the_view_lands_on_the_same_agenda_item_after_the_agenda_was_reordered() {
        let mut session = session();
        let mut viewer = Viewer::new(&session);
        viewer.set_agenda_item(&session, 1);
        let saved = SavedView::of(&viewer, &session);
        let watched = session.workshop.opening.items[1].id.clone();
        session.workshop.opening.items.swap(1, 3);
        let mut reopened = Viewer::new(&session);
        saved.restore(&mut reopened, &session);
        assert_eq!(reopened.item_id(), watched);
        assert_eq!(reopened.agenda_item(&session), 3);
    }
}
