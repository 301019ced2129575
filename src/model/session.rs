//! A session: one run of a workshop, with what every group captured.
//!
//! This is the shared state that is saved to disk. What each person looks at
//! (screen, selection, editor) lives in `app::Viewer`, never here, so several
//! terminals can later work on one session at once.

use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use super::group::{Counts, Group, Participant, RosterRole, RosterTimes, participant_keys};
pub use super::input::Input;
use super::input::{ActionFields, Kind, Plenary};
use super::schedule::{FINAL_PREFIX, REPORT_PREFIX, Schedule};
use super::workshop::Workshop;

/// The `n`th id derived from `from`: the same every time, shaped as a
/// random (version 4) UUID like the ones taller makes.
fn derived_id(from: Uuid, n: u64) -> Uuid {
    // splitmix64's finalizer: fixed forever (a std hasher may change between
    // Rust releases, and with it the ids of a file read again).
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (high, low) = from.as_u64_pair();
    let a = mix(high ^ mix(low ^ n));
    let b = mix(low ^ mix(a ^ high.rotate_left(17)));
    let bytes = ((u128::from(a) << 64) | u128::from(b)).to_be_bytes();
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The `format` tag that marks a JSON file as a taller session.
pub const FORMAT: &str = "taller-session";
/// The schema this build writes. Bump it, and add a migration in `store`,
/// whenever an older binary could misread what a newer one writes.
pub const SCHEMA_VERSION: u32 = 5;
/// The oldest schema this build can read (and migrate in memory).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub schema_version: u32,
    pub name: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Which program wrote the file last (`taller 0.1.0`), for support.
    #[serde(default)]
    pub written_by: String,
    pub workshop: Workshop,
    /// One group per axis of the workshop, in the workshop's order. Each
    /// group shared, not owned: a published revision shares every group it
    /// did not change with the one before, so a change copies the list of
    /// one group, not of every group. Change a group through `group_mut`.
    pub groups: Vec<Arc<Group>>,
    /// Timers and the day's plan (schema 2; a schema-1 file has none yet).
    #[serde(default)]
    pub schedule: Schedule,
    /// Countries invited beyond the CRM members (schema 3), e.g. Brasil.
    #[serde(default)]
    pub invited_countries: Vec<String>,
    /// A short message the facilitator puts on the room screens ("Cierre en
    /// 2 minutos"); empty when none is shown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub room_message: String,
    /// Schema 4: inputs deleted here or in a file merged in, so that no
    /// merge brings them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// Schema 4: a group laptop's session works on this axis only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_group: Option<String>,
    /// Schema 4: the plan's title, date and place, as the organizers write them.
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
    /// The axis ids of groups removed on the day: a new group never takes
    /// one, or it would inherit that group's join code (and its rapporteur).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_groups: Vec<String>,
    /// Schema 5: the phone polls run here, oldest first (`model::poll`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ///
    /// Each poll shared, as groups are: a ballot copies the poll it is
    /// cast in, not every poll of the day.
    pub polls: Vec<Arc<super::poll::Poll>>,
    /// Schema 5: what happened to the polls, append-only: the audit. Each
    /// event shared: a revision's copy of the log copies pointers, not the
    /// cards' labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub poll_log: Vec<Arc<super::poll::PollEvent>>,
}

/// What is left of a deleted input: enough for every merge to drop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Uuid,
    /// When it was deleted: a copy changed later than this comes back.
    pub at: Timestamp,
    /// The axis of the group it was deleted from.
    pub axis: String,
    /// The plenary's say on it given after the deletion, in some file that
    /// did not know of it: kept in case a later edit brings the input back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plenary: Option<super::input::Plenary>,
    /// Known only from a group laptop's file: it deletes the input only in
    /// that group (`axis`), so a file marked for group 3 cannot strike
    /// group 1's input when that arrives later. Any other file that knows
    /// the deletion vouches for it whole.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub group_only: bool,
}

impl Tombstone {
    /// Whether this deletion strikes a copy of the input in the group of `axis`.
    pub fn strikes(&self, axis: &str) -> bool {
        !self.group_only || self.axis == axis
    }
}

/// The title, date and place printed at the top of the plan; empty fields
/// fall back to the workshop's title and the day the session started.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// When they were last changed, so merging keeps the latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        *self == Details::default()
    }
}

/// An input the room voted for, as the ranking lists it.
#[derive(Debug)]
pub struct Voted<'a> {
    pub group: usize,
    /// Its number in the plan: axis, then place in the group ("2.3").
    pub number: String,
    pub input: &'a Input,
}

impl Session {
    /// The phone poll open now, if one (there is at most one).
    pub fn open_poll(&self) -> Option<&super::poll::Poll> {
        self.polls.iter().map(Arc::as_ref).find(|p| p.is_open())
    }

    /// The phone poll of this id.
    pub fn poll(&self, id: Uuid) -> Option<&super::poll::Poll> {
        self.polls.iter().map(Arc::as_ref).find(|p| p.id == id)
    }

    /// A fresh session of `workshop`: one empty group per axis.
    pub fn new(name: &str, workshop: Workshop, now: Timestamp) -> Session {
        let invited_countries = workshop.countries.invited.clone();
        let groups = workshop
            .breakout
            .axes
            .iter()
            .map(|axis| Arc::new(Group::empty(&axis.id)))
            .collect();
        Session {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            name: name.to_string(),
            created_at: now,
            updated_at: now,
            written_by: written_by(),
            workshop,
            groups,
            schedule: Schedule::default(),
            invited_countries,
            room_message: String::new(),
            deleted: Vec::new(),
            only_group: None,
            details: Details::default(),
            removed_groups: Vec::new(),
            polls: Vec::new(),
            poll_log: Vec::new(),
        }
    }

    /// The index of the group a group laptop works on, if this is one.
    pub fn only_group_index(&self) -> Option<usize> {
        let axis = self.only_group.as_deref()?;
        self.groups.iter().position(|g| g.axis == axis)
    }

    /// The group to change; shared with a published revision, it is copied
    /// first (that one group's list of input pointers, not the session's).
    /// Every change to a group goes through here.
    pub fn group_mut(&mut self, group: usize) -> Option<&mut Group> {
        self.groups.get_mut(group).map(Arc::make_mut)
    }

    /// Every group, to change them all (a migration, a merge): each is
    /// copied if shared, so use it only where every group changes.
    pub fn groups_mut(&mut self) -> impl Iterator<Item = &mut Group> {
        self.groups.iter_mut().map(Arc::make_mut)
    }

    /// Sets the plan's title, date and place (empty: unchanged); returns
    /// false when nothing changed.
    pub fn set_details(
        &mut self,
        title: Option<&str>,
        date: Option<&str>,
        place: Option<&str>,
        now: Timestamp,
    ) -> bool {
        let mut details = self.details.clone();
        for (slot, value) in [
            (&mut details.title, title),
            (&mut details.date, date),
            (&mut details.place, place),
        ] {
            if let Some(value) = value {
                *slot = value.trim().to_string();
            }
        }
        details.updated_at = self.details.updated_at;
        if details == self.details {
            return false;
        }
        details.updated_at = Some(now);
        self.details = details;
        self.touch(now);
        true
    }

    /// Every voted input of every group, most votes first (ties keep the
    /// order of the agenda), each with its number in the plan ("2.3": the
    /// third input of axis 2).
    pub fn ranking_across_axes(&self) -> Vec<Voted<'_>> {
        let mut voted: Vec<Voted> = self
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                group
                    .inputs
                    .iter()
                    .enumerate()
                    .filter(|(_, input)| input.plenary.ranks())
                    .map(move |(place, input)| Voted {
                        group: g,
                        number: self.input_number(g, place),
                        input,
                    })
            })
            .collect();
        voted.sort_by_key(|v| std::cmp::Reverse(v.input.plenary.votes));
        voted
    }

    /// The last time the plenary did something here: a verdict,
    /// observations or votes given or cleared, or a report-back or the
    /// final step timed. `None`: this file never ran the plenary.
    pub fn plenary_activity(&self) -> Option<Timestamp> {
        let decisions = self
            .groups
            .iter()
            .flat_map(|g| &g.inputs)
            .filter_map(|i| i.plenary.updated_at);
        let clocks = self
            .schedule
            .timers
            .iter()
            .filter(|(key, _)| key.starts_with(REPORT_PREFIX) || key.starts_with(FINAL_PREFIX))
            .filter_map(|(_, t)| t.last_change());
        decisions.chain(clocks).max()
    }

    /// Shows `message` on the room screens, or clears it when empty;
    /// returns false when nothing changed.
    pub fn set_room_message(&mut self, message: &str, now: Timestamp) -> bool {
        let message = message.trim();
        if self.room_message == message {
            return false;
        }
        self.room_message = message.to_string();
        self.touch(now);
        true
    }

    pub fn input_count(&self) -> usize {
        self.groups.iter().map(|group| group.inputs.len()).sum()
    }

    /// Each group as join codes name it: its axis, its number (its place,
    /// from 1) and its title.
    pub fn numbered_groups(&self) -> Vec<(String, usize, String)> {
        self.groups
            .iter()
            .enumerate()
            .map(|(g, group)| (group.axis.clone(), g + 1, self.group_title(g).to_string()))
            .collect()
    }

    /// Title of the axis a group works on; the axis id if the workshop lost it.
    pub fn group_title(&self, group: usize) -> &str {
        let Some(g) = self.groups.get(group) else {
            return "";
        };
        self.workshop
            .axis(&g.axis)
            .map_or(g.axis.as_str(), |axis| axis.title.as_str())
    }

    /// Appends an input to a group and returns its id.
    pub fn add_input(&mut self, group: usize, text: String, now: Timestamp) -> Option<Uuid> {
        let id = Uuid::new_v4();
        self.add_input_with_id(group, id, text, now).then_some(id)
    }

    /// Appends an input whose id its author chose (so the author's screen can
    /// select it); returns false when there is no such group.
    pub fn add_input_with_id(
        &mut self,
        group: usize,
        id: Uuid,
        text: String,
        now: Timestamp,
    ) -> bool {
        let Some(g) = self.group_mut(group) else {
            return false;
        };
        g.inputs.push(Arc::new(Input {
            id,
            text,
            created_at: now,
            updated_at: now,
            kind: Kind::default(),
            action: ActionFields::default(),
            plenary: Plenary::default(),
            origin: None,
            import_base: None,
        }));
        self.touch(now);
        true
    }

    /// The group an input is in, wherever it was moved.
    pub fn group_of_input(&self, id: Uuid) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| g.inputs.iter().any(|input| input.id == id))
    }

    /// Replaces an input's text; returns false when nothing changed.
    pub fn edit_input(&mut self, group: usize, id: Uuid, text: String, now: Timestamp) -> bool {
        let Some(input) = self.input_mut(group, id) else {
            return false;
        };
        if input.text == text {
            return false;
        }
        input.text = text;
        input.updated_at = now;
        self.touch(now);
        true
    }

    /// Deletes an input, returning it with its position so it can be put
    /// back. It leaves a tombstone, so merging an older copy of it from
    /// another file does not bring it back.
    pub fn remove_input(
        &mut self,
        group: usize,
        id: Uuid,
        now: Timestamp,
    ) -> Option<(usize, Input)> {
        let (index, input) = self.take_input(group, id)?;
        let axis = self.groups[group].axis.clone();
        self.deleted.retain(|t| t.id != id);
        self.deleted.push(Tombstone {
            id,
            at: now,
            axis,
            plenary: None,
            group_only: false,
        });
        self.touch(now);
        Some((index, input))
    }

    /// Takes an input out of its group, leaving no tombstone (a move).
    fn take_input(&mut self, group: usize, id: Uuid) -> Option<(usize, Input)> {
        let g = self.group_mut(group)?;
        let index = g.inputs.iter().position(|input| input.id == id)?;
        Some((index, Arc::unwrap_or_clone(g.inputs.remove(index))))
    }

    /// Puts a removed input back where it was (or at the end if the list shrank).
    pub fn restore_input(
        &mut self,
        group: usize,
        index: usize,
        input: Input,
        now: Timestamp,
    ) -> bool {
        if group >= self.groups.len() {
            return false;
        }
        let mut input = input;
        // Put back after its deletion: a change later than its tombstone,
        // so no merge drops it again.
        if let Some(at) = self.deleted.iter().find(|t| t.id == input.id).map(|t| t.at) {
            input.updated_at = input.updated_at.max(now).max(at);
            if input.plenary.has_decision() {
                input.plenary.updated_at = input.updated_at.into();
            }
        }
        self.deleted.retain(|t| t.id != input.id);
        let g = self.group_mut(group).expect("a group just checked");
        g.inputs.insert(index.min(g.inputs.len()), Arc::new(input));
        self.touch(now);
        true
    }

    /// Puts an edited copy of an input in its place (text, kind, fields);
    /// returns false when nothing differs.
    pub fn replace_input(&mut self, group: usize, edited: &Input, now: Timestamp) -> bool {
        let Some(input) = self.input_mut(group, edited.id) else {
            return false;
        };
        let same_text =
            input.text == edited.text && input.kind == edited.kind && input.action == edited.action;
        let same_plenary = input.plenary.same_decision(&edited.plenary);
        if same_text && same_plenary {
            return false;
        }
        if !same_text {
            input.text = edited.text.clone();
            input.kind = edited.kind;
            input.action = edited.action.clone();
            input.updated_at = now;
        }
        if !same_plenary {
            // The plenary's say has its own time: clearing votes or a
            // verdict is a change too, and beats an older copy that had them.
            input.plenary = crate::model::input::Plenary {
                updated_at: Some(now),
                ..edited.plenary.clone()
            };
        }
        self.touch(now);
        true
    }

    /// Gives every input whose id repeats an earlier one's (groups, then
    /// inputs, in order) an id of its own, so that a delete, an edit, an
    /// import or a consolidation reaches the input meant and loses none.
    /// The new id is derived from the old one, not drawn at random: the same
    /// file read twice gets the same ids, so importing it twice still adds
    /// nothing. Returns how many inputs were given a new id.
    pub fn renew_repeated_ids(&mut self) -> usize {
        let mut taken = std::collections::HashSet::new();
        let mut repeated = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            for (i, input) in group.inputs.iter().enumerate() {
                if !taken.insert(input.id) {
                    repeated.push((g, i));
                }
            }
        }
        for &(g, i) in &repeated {
            let old = self.groups[g].inputs[i].id;
            // Every id of the file is taken first, so a new one never meets one.
            let new = (1..)
                .map(|n| derived_id(old, n))
                .find(|id| taken.insert(*id))
                .expect("an unbounded range always finds a free id");
            Arc::make_mut(&mut self.group_mut(g).expect("a group just seen").inputs[i]).id = new;
        }
        repeated.len()
    }

    /// The group of `axis`; an axis the workshop lacks gets a group of its
    /// own, so inputs written under it are kept.
    pub fn group_of_axis(&mut self, axis: &str) -> &mut Group {
        let index = match self.groups.iter().position(|g| g.axis == axis) {
            Some(index) => index,
            None => {
                self.groups.push(Arc::new(Group::empty(axis)));
                self.groups.len() - 1
            }
        };
        Arc::make_mut(&mut self.groups[index])
    }

    /// Moves an input to `to_index` of group `to` (its own group to reorder);
    /// returns where it was.
    pub fn move_input(
        &mut self,
        from: usize,
        id: Uuid,
        to: usize,
        to_index: usize,
        now: Timestamp,
    ) -> Option<usize> {
        if to >= self.groups.len() {
            return None;
        }
        let (index, mut input) = self.take_input(from, id)?;
        self.touch(now);
        // A move is an edit: merged with another laptop's copy, the moved one wins.
        input.updated_at = now;
        let target = &mut Arc::make_mut(&mut self.groups[to]).inputs;
        target.insert(to_index.min(target.len()), Arc::new(input));
        Some(index)
    }

    pub fn set_participants(
        &mut self,
        group: usize,
        participants: Vec<Participant>,
        now: Timestamp,
    ) -> bool {
        let Some(g) = self.group_mut(group) else {
            return false;
        };
        if g.participants == participants {
            return false;
        }
        // Only who was added, changed or taken off gets this time: the
        // others keep theirs, so a merge weighs each person on their own.
        let before: HashMap<String, (Participant, Option<Timestamp>)> = g
            .participant_times()
            .into_iter()
            .map(|(key, p, at)| (key, (p.clone(), at)))
            .collect();
        let keys = participant_keys(&participants);
        let mut times = BTreeMap::new();
        for (key, p) in keys.iter().zip(&participants) {
            let at = match before.get(key) {
                Some((old, Some(at))) if old == p => *at,
                _ => now,
            };
            times.insert(key.clone(), at);
            g.roster_times.removed.remove(key);
        }
        for key in before.keys().filter(|k| !times.contains_key(*k)) {
            g.roster_times.removed.insert(key.clone(), now);
        }
        g.roster_times.participants = times;
        g.participants = participants;
        g.roster_updated_at = Some(now);
        self.touch(now);
        true
    }

    pub fn set_role(
        &mut self,
        group: usize,
        role: RosterRole,
        name: String,
        now: Timestamp,
    ) -> bool {
        let Some(g) = self.group_mut(group) else {
            return false;
        };
        let slot = match role {
            RosterRole::Facilitator => &mut g.facilitator,
            RosterRole::Rapporteur => &mut g.rapporteur,
        };
        if *slot == name {
            return false;
        }
        *slot = name;
        match role {
            RosterRole::Facilitator => g.roster_times.facilitator = Some(now),
            RosterRole::Rapporteur => g.roster_times.rapporteur = Some(now),
        }
        g.roster_updated_at = Some(now);
        self.touch(now);
        true
    }

    /// The input `id` of group `group`, if it is there.
    pub fn input(&self, group: usize, id: Uuid) -> Option<&Input> {
        self.groups
            .get(group)?
            .inputs
            .iter()
            .find(|i| i.id == id)
            .map(|i| &**i)
    }

    /// The input to change; shared with a published revision, it is copied
    /// first (that one input, not the session).
    pub(crate) fn input_mut(&mut self, group: usize, id: Uuid) -> Option<&mut Input> {
        self.group_mut(group)?
            .inputs
            .iter_mut()
            .find(|input| input.id == id)
            .map(Arc::make_mut)
    }

    pub(crate) fn touch(&mut self, now: Timestamp) {
        self.updated_at = now;
        self.written_by = written_by();
    }
}

fn written_by() -> String {
    concat!("taller ", env!("CARGO_PKG_VERSION")).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let workshop = Workshop::default_for("es").unwrap();
        Session::new("prueba", workshop, Timestamp::UNIX_EPOCH)
    }

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    #[test]
    fn new_session_has_one_empty_group_per_axis() {
        let s = session();
        assert_eq!(s.groups.len(), 5);
        assert_eq!(s.groups[0].axis, "inteligencia");
        assert_eq!(s.input_count(), 0);
        assert_eq!(s.format, FORMAT);
        assert_eq!(s.schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn inputs_keep_creation_time_and_unique_ids() {
        let mut s = session();
        let a = s.add_input(0, "uno".into(), at(10)).unwrap();
        let b = s.add_input(0, "dos".into(), at(20)).unwrap();
        assert_ne!(a, b);
        assert!(s.edit_input(0, a, "uno, corregido".into(), at(30)));
        let first = &s.groups[0].inputs[0];
        assert_eq!(first.created_at, at(10));
        assert_eq!(first.updated_at, at(30));
        assert_eq!(s.updated_at, at(30));
    }

    #[test]
    fn editing_to_the_same_text_changes_nothing() {
        let mut s = session();
        let a = s.add_input(1, "igual".into(), at(10)).unwrap();
        assert!(!s.edit_input(1, a, "igual".into(), at(99)));
        assert_eq!(s.updated_at, at(10));
    }

    #[test]
    fn removed_input_goes_back_to_its_place() {
        let mut s = session();
        let ids: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|t| s.add_input(2, t.to_string(), at(1)).unwrap())
            .collect();
        let (index, input) = s.remove_input(2, ids[1], at(2)).unwrap();
        assert_eq!(index, 1);
        assert_eq!(s.groups[2].inputs.len(), 2);
        assert!(s.restore_input(2, index, input, at(3)));
        let back: Vec<_> = s.groups[2].inputs.iter().map(|i| i.id).collect();
        assert_eq!(back, ids);
    }

    #[test]
    fn participants_are_typed_one_per_line() {
        let people = Participant::parse_lines(
            "Ana Mora; Costa Rica; Fiscal\n\n  Luis Pérez ;México\nSin país",
        );
        assert_eq!(people.len(), 3);
        assert_eq!(
            people[0],
            Participant {
                name: "Ana Mora".into(),
                country: "Costa Rica".into(),
                role: "Fiscal".into()
            }
        );
        assert_eq!(people[1].country, "México");
        assert_eq!(people[2].role, "");
        assert_eq!(people[1].to_line(), "Luis Pérez; México");
        assert_eq!(people[1].describe(), "Luis Pérez (México)");
        assert_eq!(people[2].describe(), "Sin país");
        assert_eq!(people[0].describe(), "Ana Mora (Costa Rica, Fiscal)");
        assert_eq!(people[0].to_line(), "Ana Mora; Costa Rica; Fiscal");
        assert_eq!(
            Participant::parse_lines(&people[0].to_line()),
            [people[0].clone()]
        );
    }

    #[test]
    fn a_moved_input_counts_as_edited() {
        let mut s = session();
        let id = s.add_input(0, "mover".into(), at(10)).unwrap();
        assert_eq!(s.move_input(0, id, 2, 0, at(40)), Some(0));
        assert_eq!(s.groups[2].inputs[0].updated_at, at(40));
    }

    #[test]
    fn importing_adds_new_inputs_and_takes_only_later_edits() {
        let mut here = session();
        let mut there = session();
        let id = there.add_input(1, "original".into(), at(10)).unwrap();
        assert_eq!(here.import(&there, "otra.json", at(20)).counts(), (1, 0));
        assert_eq!(
            here.import(&there, "otra.json", at(21)).counts(),
            (0, 0),
            "twice adds nothing"
        );
        there.edit_input(1, id, "corregido allá".into(), at(30));
        assert_eq!(here.import(&there, "otra.json", at(31)).counts(), (0, 1));
        assert_eq!(here.groups[1].inputs[0].text, "corregido allá");
        here.edit_input(1, id, "corregido aquí después".into(), at(40));
        assert_eq!(
            here.import(&there, "otra.json", at(41)).counts(),
            (0, 0),
            "older copy ignored"
        );
        assert_eq!(here.groups[1].inputs[0].text, "corregido aquí después");
    }

    #[test]
    fn importing_a_later_text_fix_keeps_the_rooms_verdict_here() {
        let mut here = session();
        let id = here.add_input(1, "original".into(), at(10)).unwrap();
        let mut there = here.clone();
        let mut voted = Input::clone(&here.groups[1].inputs[0]);
        voted.plenary.votes = 7;
        here.replace_input(1, &voted, at(20));
        there.edit_input(1, id, "corregido en el grupo".into(), at(30));
        assert_eq!(here.import(&there, "grupo.json", at(40)).counts(), (0, 1));
        let input = &here.groups[1].inputs[0];
        assert_eq!(input.text, "corregido en el grupo");
        assert_eq!(input.plenary.votes, 7);
    }

    #[test]
    fn importing_an_unknown_axis_keeps_its_inputs() {
        let mut here = session();
        let mut there = session();
        there.group_mut(4).unwrap().axis = "eje-nuevo".into();
        there.add_input(4, "idea de otro eje".into(), at(10));
        assert_eq!(here.import(&there, "otra.json", at(20)).counts(), (1, 0));
        let group = here.groups.iter().find(|g| g.axis == "eje-nuevo").unwrap();
        assert_eq!(group.inputs[0].text, "idea de otro eje");
    }

    #[test]
    fn out_of_range_groups_are_refused_not_panicking() {
        let mut s = session();
        assert!(s.add_input(99, "x".into(), at(1)).is_none());
        assert!(!s.set_role(99, RosterRole::Rapporteur, "x".into(), at(1)));
        assert_eq!(s.group_title(99), "");
    }

    #[test]
    fn repeated_ids_are_renewed_the_same_way_every_time() {
        let mut s = session();
        let first = s.add_input(0, "uno".into(), at(1)).unwrap();
        s.add_input(2, "dos".into(), at(2));
        s.add_input(0, "tres".into(), at(3));
        s.add_input(3, "cuatro".into(), at(4));
        Arc::make_mut(&mut s.group_mut(0).unwrap().inputs[1]).id = first;
        Arc::make_mut(&mut s.group_mut(3).unwrap().inputs[0]).id = first;
        let mut again = s.clone();
        assert_eq!(s.renew_repeated_ids(), 2);
        assert_eq!(
            s.groups[0].inputs[0].id, first,
            "the first copy keeps its id"
        );
        let ids: std::collections::HashSet<Uuid> = s
            .groups
            .iter()
            .flat_map(|g| g.inputs.iter().map(|i| i.id))
            .collect();
        assert_eq!(ids.len(), 4, "every id unique");
        assert_eq!(s.groups[3].inputs[0].id.get_version_num(), 4);
        assert_eq!(again.renew_repeated_ids(), 2);
        assert_eq!(again, s, "read twice, the same ids");
        assert_eq!(s.renew_repeated_ids(), 0, "nothing left to renew");
    }
}
