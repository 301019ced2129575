//! Where one person is in the session and what they are doing there.

use std::collections::HashMap;

use uuid::Uuid;

use super::{Editor, Form, Mode, Part};
use crate::model::schedule::TimerId;
use crate::model::session::Session;

/// Per-viewer state: where this person is and what they are doing. Every
/// place is held by what it shows (an item's id, a group's axis, an
/// input's id), so another person adding, moving or removing items,
/// groups or inputs never moves this screen; a position is worked out only
/// to draw a number or walk to a neighbour.
pub struct Viewer {
    pub part: Part,
    /// The agenda item of the opening plenary, by id.
    item: String,
    /// The breakout group, by axis.
    group: String,
    /// The closing plenary's page: a group's report-back, by axis; none is
    /// the final step.
    report: Option<String>,
    /// Each group's selected input, by the group's axis.
    selected: HashMap<String, Uuid>,
    /// Where each place was last seen: when its item, group or input goes,
    /// the screen shows the one now there (`follow`).
    seen: Seen,
    pub mode: Mode,
    /// First paragraph shown of a long text (agenda item, final step).
    pub scroll: usize,
    pub show_examples: bool,
    pub editor: Option<Editor>,
    /// The input form, when open (it has its own editors).
    pub form: Option<Form>,
    /// Words from an editor or form whose group went away, kept for this
    /// person: the next new input they open starts with them.
    pub kept: Option<String>,
}

/// The positions a viewer's places had when last seen.
#[derive(Default)]
struct Seen {
    item: usize,
    group: usize,
    report: usize,
    selected: HashMap<String, usize>,
}

fn axis_at(session: &Session, group: usize) -> Option<&str> {
    session.groups.get(group).map(|g| g.axis.as_str())
}

fn group_named(session: &Session, axis: &str) -> Option<usize> {
    session.groups.iter().position(|g| g.axis == axis)
}

impl Viewer {
    pub fn new(session: &Session) -> Viewer {
        let first = session.groups.first().map(|g| g.axis.clone());
        let item = session.workshop.opening.items.first();
        Viewer {
            part: Part::Opening,
            item: item.map(|i| i.id.clone()).unwrap_or_default(),
            group: first.clone().unwrap_or_default(),
            report: first,
            selected: HashMap::new(),
            seen: Seen::default(),
            mode: Mode::Normal,
            scroll: 0,
            show_examples: true,
            editor: None,
            form: None,
            kept: None,
        }
    }

    /// The agenda item shown, by id.
    pub fn item_id(&self) -> &str {
        &self.item
    }

    /// The breakout group shown, by axis.
    pub fn group_axis(&self) -> &str {
        &self.group
    }

    /// The report-back shown, by axis; none is the final step.
    pub fn report_axis(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// Where the agenda item shown is, to number it.
    pub fn agenda_item(&self, session: &Session) -> usize {
        let items = &session.workshop.opening.items;
        items
            .iter()
            .position(|i| i.id == self.item)
            .unwrap_or(self.seen.item.min(items.len().saturating_sub(1)))
    }

    /// Where the breakout group shown is, to number it.
    pub fn group(&self, session: &Session) -> usize {
        group_named(session, &self.group)
            .unwrap_or(self.seen.group.min(session.groups.len().saturating_sub(1)))
    }

    /// Where the closing's page is: a group's place, or past the last
    /// group for the final step.
    pub fn report(&self, session: &Session) -> usize {
        let groups = session.groups.len();
        match &self.report {
            None => groups,
            Some(axis) => {
                group_named(session, axis).unwrap_or(self.seen.report.min(groups.saturating_sub(1)))
            }
        }
    }

    /// Shows the agenda item at `at` (clamped to the agenda).
    pub fn set_agenda_item(&mut self, session: &Session, at: usize) {
        let items = &session.workshop.opening.items;
        let at = at.min(items.len().saturating_sub(1));
        if let Some(item) = items.get(at) {
            self.item = item.id.clone();
            self.seen.item = at;
        }
    }

    /// Shows the agenda item of this id.
    pub fn show_item(&mut self, session: &Session, id: &str) {
        let items = &session.workshop.opening.items;
        if let Some(at) = items.iter().position(|i| i.id == id) {
            self.set_agenda_item(session, at);
        }
    }

    /// Shows the group at `at` in the breakouts.
    pub fn set_group(&mut self, session: &Session, at: usize) {
        if let Some(axis) = axis_at(session, at) {
            self.group = axis.to_string();
            self.seen.group = at;
        }
    }

    /// Shows the report-back of the group at `at`; past the last group,
    /// the final step.
    pub fn set_report(&mut self, session: &Session, at: usize) {
        self.report = axis_at(session, at).map(str::to_string);
        self.seen.report = at;
    }

    /// The group whose inputs the keys act on, if the screen shows one.
    pub fn focused_group(&self, session: &Session) -> Option<usize> {
        let axis = self.focused_axis()?;
        group_named(session, axis)
    }

    /// The axis of the group whose inputs the keys act on, if any.
    pub fn focused_axis(&self) -> Option<&str> {
        match self.part {
            Part::Opening => None,
            Part::Groups => Some(&self.group),
            Part::Closing => self.report.as_deref(),
        }
    }

    /// Where the selected input of the group at `group` is.
    pub fn selected_in(&self, group: usize, session: &Session) -> usize {
        let Some(g) = session.groups.get(group) else {
            return 0;
        };
        let chosen = self.selected.get(&g.axis);
        chosen
            .and_then(|id| g.inputs.iter().position(|input| input.id == *id))
            .unwrap_or_else(|| {
                let seen = self.seen.selected.get(&g.axis).copied().unwrap_or(0);
                seen.min(g.inputs.len().saturating_sub(1))
            })
    }

    /// The selected input of the group of `axis`, by id.
    pub fn selected_id(&self, axis: &str) -> Option<Uuid> {
        self.selected.get(axis).copied()
    }

    /// Selects the input at `index` of `group` (clamped to the list).
    pub fn select(&mut self, group: usize, index: usize, session: &Session) {
        let Some(g) = session.groups.get(group) else {
            return;
        };
        let index = index.min(g.inputs.len().saturating_sub(1));
        set(&mut self.seen.selected, &g.axis, index);
        match g.inputs.get(index) {
            Some(input) => set(&mut self.selected, &g.axis, input.id),
            None => {
                self.selected.remove(&g.axis);
            }
        };
    }

    /// Selects the input `id` wherever it is; its group's place, or none
    /// if it is nowhere.
    pub fn select_id(&mut self, id: Uuid, session: &Session) -> Option<usize> {
        let group = session.group_of_input(id)?;
        let index = session.groups[group]
            .inputs
            .iter()
            .position(|i| i.id == id)?;
        self.select(group, index, session);
        Some(group)
    }

    /// Follows a new revision: every place still there stays as it is (it
    /// is held by id); one that went is replaced by what is now in its
    /// place: a removed group's screen goes where its selected input went,
    /// or to its neighbour; a deleted input's selection to the input now
    /// at its place. Returns whether a selected input was deleted
    /// elsewhere, so the screen can say so.
    pub fn follow(&mut self, session: &Session) -> bool {
        let items = &session.workshop.opening.items;
        match items.iter().position(|i| i.id == self.item) {
            Some(at) => self.seen.item = at,
            None => self.set_agenda_item(session, self.seen.item),
        }
        let went = |viewer: &Viewer, axis: &str| {
            let input = viewer.selected.get(axis)?;
            session.group_of_input(*input)
        };
        match group_named(session, &self.group) {
            Some(at) => self.seen.group = at,
            None => {
                let at = went(self, &self.group).unwrap_or(self.seen.group);
                let at = at.min(session.groups.len().saturating_sub(1));
                self.set_group(session, at);
            }
        }
        if let Some(axis) = self.report.clone() {
            match group_named(session, &axis) {
                Some(at) => self.seen.report = at,
                None => {
                    let at = went(self, &axis).unwrap_or(self.seen.report);
                    let at = at.min(session.groups.len().saturating_sub(1));
                    self.set_report(session, at);
                }
            }
        }
        let mut lost = false;
        for (g, group) in session.groups.iter().enumerate() {
            let chosen = self.selected.get(&group.axis);
            let found = chosen.and_then(|id| group.inputs.iter().position(|i| i.id == *id));
            match found {
                Some(index) => set(&mut self.seen.selected, &group.axis, index),
                None => {
                    lost |= chosen.is_some();
                    let index = self.selected_in(g, session);
                    self.select(g, index, session);
                }
            }
        }
        // The selections of groups gone were kept only to follow them.
        let present = |axis: &String| group_named(session, axis).is_some();
        self.selected.retain(|axis, _| present(axis));
        self.seen.selected.retain(|axis, _| present(axis));
        lost
    }

    /// Goes to the page of a clock (after moving on, to the one now running).
    pub fn show(&mut self, timer: &TimerId, session: &Session) {
        match timer {
            TimerId::Opening(item) => {
                self.part = Part::Opening;
                self.show_item(session, item);
            }
            TimerId::Breakout(axis) => {
                self.part = Part::Groups;
                if let Some(at) = group_named(session, axis) {
                    self.set_group(session, at);
                }
            }
            TimerId::Report(axis) => {
                self.part = Part::Closing;
                if let Some(at) = group_named(session, axis) {
                    self.set_report(session, at);
                }
            }
            TimerId::Final => {
                self.part = Part::Closing;
                self.report = None;
            }
        }
        self.scroll = 0;
    }

    /// The timer that `Space`, `+`, `-`, `r` and `m` act on, on this page.
    pub fn current_timer(&self) -> TimerId {
        match self.part {
            Part::Opening => TimerId::Opening(self.item.clone()),
            Part::Groups => TimerId::Breakout(self.group.clone()),
            Part::Closing => match &self.report {
                Some(axis) => TimerId::Report(axis.clone()),
                None => TimerId::Final,
            },
        }
    }
}

/// `map[key] = value`, the key copied only when it is new: a screen
/// follows every revision (every second while a clock runs), and its
/// selections are nearly always there already.
fn set<V>(map: &mut HashMap<String, V>, key: &str, value: V) {
    match map.get_mut(key) {
        Some(held) => *held = value,
        None => {
            map.insert(key.to_owned(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;
    use crate::session::{AgendaEdit, Command, Role, apply, new_item};

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
        let mut viewer = Viewer::new(&old);
        viewer.set_agenda_item(&old, 2);
        let item = new_item(&old, "Llegada del ministro", 10, Default::default());
        let new = edit(
            &old,
            AgendaEdit::AddItem {
                index: 0,
                item: Box::new(item),
            },
        );
        viewer.follow(&new);
        assert_eq!(viewer.agenda_item(&new), 3);
        assert_eq!(viewer.item_id(), old.workshop.opening.items[2].id);
    }

    #[test]
    fn a_screen_on_a_removed_group_goes_where_its_inputs_went() {
        let mut old = session();
        let id = old
            .add_input(1, "uno".into(), jiff::Timestamp::UNIX_EPOCH)
            .unwrap();
        let mut viewer = Viewer::new(&old);
        viewer.set_group(&old, 1);
        viewer.set_report(&old, old.groups.len()); // the final step
        viewer.select_id(id, &old);
        let into = old.groups[3].axis.clone();
        let new = edit(
            &old,
            AgendaEdit::RemoveGroup {
                axis: old.groups[1].axis.clone(),
                inputs_to: Some(into.clone()),
            },
        );
        viewer.follow(&new);
        assert_eq!(viewer.group_axis(), into, "with the inputs");
        assert_eq!(viewer.group(&new), 2, "group 4 is third now");
        assert_eq!(
            viewer.report(&new),
            new.groups.len(),
            "still the final step"
        );
    }

    /// A group put back before the one shown (the undo of its removal)
    /// moves nothing on this screen: the same group, the same input.
    #[test]
    fn a_selection_survives_a_group_put_back_before_it() {
        let mut old = session();
        let now = jiff::Timestamp::UNIX_EPOCH;
        old.add_input(3, "primera".into(), now);
        let chosen = old.add_input(3, "segunda".into(), now).unwrap();
        let axis = old.groups[3].axis.clone();
        let mut without = old.clone();
        let undo = apply(
            &mut without,
            &Command::Agenda(AgendaEdit::RemoveGroup {
                axis: old.groups[1].axis.clone(),
                inputs_to: None,
            }),
            &Role::Facilitator,
            now,
        )
        .unwrap()
        .undo
        .unwrap();
        let mut viewer = Viewer::new(&without);
        viewer.part = Part::Groups;
        viewer.set_group(&without, 2);
        viewer.select_id(chosen, &without);
        let mut back = without.clone();
        apply(&mut back, &undo, &Role::Facilitator, now).unwrap();
        assert_eq!(back.groups[3].axis, axis, "put back before it");
        assert!(!viewer.follow(&back));
        assert_eq!(viewer.group(&back), 3);
        assert_eq!(viewer.focused_group(&back), Some(3));
        assert_eq!(viewer.selected_in(3, &back), 1);
        assert_eq!(viewer.selected_id(&axis), Some(chosen));
    }

    /// The clock a page's keys act on is the page's own by id, whatever
    /// others did to the day since the page was opened.
    #[test]
    fn the_current_clock_is_the_pages_own_after_the_day_is_reshaped() {
        let old = session();
        let mut viewer = Viewer::new(&old);
        viewer.part = Part::Groups;
        viewer.set_group(&old, 2);
        let shown = old.groups[2].axis.clone();
        let new = edit(
            &old,
            AgendaEdit::RemoveGroup {
                axis: old.groups[0].axis.clone(),
                inputs_to: None,
            },
        );
        viewer.follow(&new);
        assert_eq!(viewer.current_timer(), TimerId::Breakout(shown));
    }
}
