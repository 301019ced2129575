//! A breakout group: its axis, its roster (each name with its own time, so
//! merges take names one by one) and its inputs.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::input::{Input, Kind, Scope};

/// A breakout group working on one axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The `id` of the workshop axis this group builds.
    pub axis: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub rapporteur: String,
    /// Schema 3: who took part, with country and role.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Each input shared, not owned: a published revision of the session
    /// shares every input it did not change with the one before, so a
    /// change costs what it changed, not a copy of every input.
    #[serde(default)]
    pub inputs: Vec<Arc<Input>>,
    /// Schema 4: when the facilitator, rapporteur or participants last
    /// changed (the latest of them). A file without `roster_times` dates
    /// every field it names with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_updated_at: Option<Timestamp>,
    /// When each roster field last changed, so that each merges on its own:
    /// a laptop that set only the rapporteur leaves the facilitator and the
    /// participants typed elsewhere alone (optional: older files lack it).
    #[serde(default, skip_serializing_if = "RosterTimes::is_empty")]
    pub roster_times: RosterTimes,
}

/// The change times of a group's roster, field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterTimes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rapporteur: Option<Timestamp>,
    /// Each participant, by its key (see `participant_keys`): when added
    /// or last changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub participants: BTreeMap<String, Timestamp>,
    /// Participants taken off the roster, by key, and when: no merge with
    /// an older copy puts them back.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed: BTreeMap<String, Timestamp>,
}

impl RosterTimes {
    pub fn is_empty(&self) -> bool {
        *self == RosterTimes::default()
    }

    /// The latest time of any field.
    pub fn latest(&self) -> Option<Timestamp> {
        [self.facilitator, self.rapporteur]
            .into_iter()
            .flatten()
            .chain(self.participants.values().copied())
            .chain(self.removed.values().copied())
            .max()
    }
}

/// Each participant's key: the name as a person reads it (case, spacing
/// aside), with `#2`, `#3`… for a name that repeats in the list, so two
/// people of one name stay two.
pub fn participant_keys(list: &[Participant]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    list.iter()
        .map(|p| {
            let name = p
                .name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let n = seen.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { name } else { format!("{name}#{n}") }
        })
        .collect()
}

/// A member of a group's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    #[serde(default)]
    pub country: String,
    /// One of the concept note's profiles (Fiscal/Procurador, Director/a de
    /// Migración, …) or any other, in the rapporteur's words.
    #[serde(default)]
    pub role: String,
}

impl Participant {
    /// Two edits of a group's list, merged as the lines a person types
    /// (`to_line`), word by word: people added by both stay. Returns the
    /// list and whether the two edits changed the same words.
    pub fn merged(
        base: &[Participant],
        mine: &[Participant],
        now: &[Participant],
        language: &str,
    ) -> (Vec<Participant>, bool) {
        let lines = |list: &[Participant]| {
            list.iter()
                .map(Participant::to_line)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let merged = super::word_merge::merge(&lines(base), &lines(mine), &lines(now));
        (
            Participant::parse_lines(&merged.text(language)),
            merged.overlapped(),
        )
    }

    /// One line per person, "Name; Country; Role", as typed in the roster.
    pub fn parse_lines(text: &str) -> Vec<Participant> {
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let mut parts = line.split(';').map(str::trim);
                let name = parts.next().unwrap_or_default().to_string();
                let country = parts.next().unwrap_or_default().to_string();
                let role = parts.collect::<Vec<_>>().join("; ");
                Participant {
                    name,
                    country,
                    role,
                }
            })
            .collect()
    }

    /// Back to the line typed in the roster; empty fields at the end are
    /// left off, so nobody reads "Luis Pérez; México; ".
    pub fn to_line(&self) -> String {
        let mut fields = vec![self.name.as_str(), &self.country, &self.role];
        while fields.len() > 1 && fields.last().is_some_and(|f| f.is_empty()) {
            fields.pop();
        }
        fields.join("; ")
    }

    /// "Ana Mora (Costa Rica, Fiscal)": the name, then whatever else is
    /// known, never an empty slot such as "(México; )".
    pub fn describe(&self) -> String {
        let known: Vec<&str> = [self.country.as_str(), &self.role]
            .into_iter()
            .filter(|f| !f.is_empty())
            .collect();
        if known.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, known.join(", "))
        }
    }
}

/// How many inputs of each kind a group has, and its actions by scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Indexed like `Kind::ALL`.
    pub kinds: [usize; 4],
    /// Actions by scope, indexed like `Scope::ALL`.
    pub scopes: [usize; 4],
}

impl Group {
    /// A group of `axis` with no roster and no inputs yet.
    pub fn empty(axis: &str) -> Group {
        Group {
            axis: axis.to_string(),
            facilitator: String::new(),
            rapporteur: String::new(),
            participants: Vec::new(),
            inputs: Vec::new(),
            roster_updated_at: None,
            roster_times: RosterTimes::default(),
        }
    }

    /// When the facilitator or the rapporteur was last set: its own time;
    /// in a file from before fields had one, the roster's time if it names
    /// someone. `None`: nobody touched it, and it never overwrites a name.
    pub fn role_time(&self, role: RosterRole) -> Option<Timestamp> {
        let (own, name) = match role {
            RosterRole::Facilitator => (self.roster_times.facilitator, &self.facilitator),
            RosterRole::Rapporteur => (self.roster_times.rapporteur, &self.rapporteur),
        };
        own.or(self.roster_updated_at.filter(|_| !name.is_empty()))
    }

    /// Each participant with its key and when it was added or last changed
    /// (its own time, else the roster's).
    pub fn participant_times(&self) -> Vec<(String, &Participant, Option<Timestamp>)> {
        participant_keys(&self.participants)
            .into_iter()
            .zip(&self.participants)
            .map(|(key, p)| {
                let at = self
                    .roster_times
                    .participants
                    .get(&key)
                    .copied()
                    .or(self.roster_updated_at);
                (key, p, at)
            })
            .collect()
    }

    /// Whether the group has a facilitator, a rapporteur or participants.
    pub fn has_roster(&self) -> bool {
        !self.facilitator.is_empty() || !self.rapporteur.is_empty() || !self.participants.is_empty()
    }

    /// The inputs the room voted for (dropped ones aside), most votes first;
    /// ties keep the order of the list.
    pub fn ranking(&self) -> Vec<&Input> {
        let mut ranked: Vec<&Input> = self
            .inputs
            .iter()
            .map(|i| &**i)
            .filter(|i| i.plenary.ranks())
            .collect();
        ranked.sort_by_key(|i| std::cmp::Reverse(i.plenary.votes));
        ranked
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for input in &self.inputs {
            if let Some(k) = Kind::ALL.iter().position(|k| *k == input.kind) {
                counts.kinds[k] += 1;
            }
            if input.kind == Kind::Action
                && let Some(s) = input
                    .action
                    .scope
                    .and_then(|scope| Scope::ALL.iter().position(|s| *s == scope))
            {
                counts.scopes[s] += 1;
            }
        }
        counts
    }
}

/// Which roster role of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RosterRole {
    Facilitator,
    Rapporteur,
}
