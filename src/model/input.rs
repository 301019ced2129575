//! What an input says beyond its text: its kind, and for an action the
//! fields a work plan needs. Only the text is ever required: a rapporteur
//! types first and fills fields later.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A proposed action for the work plan.
    #[default]
    Action,
    Agreement,
    OpenQuestion,
    /// Raised, not handled here ("parking lot").
    ParkingLot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Regional,
    Multilateral,
    Bilateral,
    National,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeframe {
    Short,
    Medium,
    Long,
    /// A date or period in the rapporteur's words ("junio 2019").
    Date(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// What the closing plenary decided about an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Agreed by the plenary: it goes into the plan.
    Agreed,
    ToRevise,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Agreed, Status::ToRevise, Status::Dropped];
}

/// What the plenary said of an input when its group reported back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Plenary {
    #[serde(default)]
    pub status: Option<Status>,
    /// Observations typed by the facilitator.
    #[serde(default)]
    pub observations: String,
    /// Dot votes from the room (stickers on the flipchart, one per delegation…).
    #[serde(default)]
    pub votes: u32,
    /// Schema 4: when the verdict, observations or votes last changed; none
    /// if the plenary never touched the input. "Votes cleared" or "verdict
    /// removed" carry a time, so they beat an older copy that had them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
}

impl Plenary {
    /// The same verdict, observations and votes, whenever they were given.
    pub fn same_decision(&self, other: &Plenary) -> bool {
        self.status == other.status
            && self.observations == other.observations
            && self.votes == other.votes
    }

    /// Whether the plenary said anything of the input: a verdict,
    /// observations or votes.
    pub fn has_decision(&self) -> bool {
        self.status.is_some() || !self.observations.trim().is_empty() || self.votes > 0
    }

    /// Whether the input belongs in the room's ranking: voted, and not
    /// dropped (votes given before the room dropped it no longer count).
    pub fn ranks(&self) -> bool {
        self.votes > 0 && self.status != Some(Status::Dropped)
    }
}

/// The fields of a proposed action; all optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionFields {
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Countries involved, by name as listed (members and invited).
    #[serde(default)]
    pub countries: Vec<String>,
    /// Lead institution.
    #[serde(default)]
    pub lead: String,
    /// Partners and coordination (e.g. the Regional Coalition).
    #[serde(default)]
    pub partners: String,
    #[serde(default)]
    pub timeframe: Option<Timeframe>,
    /// How completion will be known.
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub priority: Option<Priority>,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Action,
        Kind::Agreement,
        Kind::OpenQuestion,
        Kind::ParkingLot,
    ];
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::Regional,
        Scope::Multilateral,
        Scope::Bilateral,
        Scope::National,
    ];
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
}

impl Timeframe {
    /// The closed choices; a date is typed.
    pub const CHOICES: [Timeframe; 3] = [Timeframe::Short, Timeframe::Medium, Timeframe::Long];
}

/// The next choice in a closed list, `None` (not set) included as the
/// first: pick-lists cycle through "not set" too.
pub fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let position = current.and_then(|c| all.iter().position(|a| *a == c));
    let slots = all.len() + 1;
    let index = position.map_or(0, |p| p + 1);
    let next = if forward {
        (index + 1) % slots
    } else {
        (index + slots - 1) % slots
    };
    next.checked_sub(1).map(|i| all[i])
}

/// One contribution of a group, as typed by its rapporteur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// Unique across sessions and laptops, so merged sessions never collide.
    pub id: Uuid,
    pub text: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Schema 3: what the input is; an input typed quickly is an action.
    #[serde(default)]
    pub kind: Kind,
    /// Schema 3: the work-plan fields of an action (all optional).
    #[serde(default)]
    pub action: ActionFields,
    /// Schema 3: status, observations and votes from the closing plenary.
    #[serde(default)]
    pub plenary: Plenary,
    /// Schema 3: where an imported input came from (none: typed here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// On a group laptop: the text this input had in the session it last
    /// imported (the room's), so that importing the laptop back merges the
    /// two texts word by word against it (`model::merge`). Optional: files
    /// without it read as before, and no other session keeps one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_base: Option<String>,
}

/// The file and group an imported input was written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    /// The axis of the group that wrote it.
    pub axis: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_lists_cycle_through_not_set() {
        assert_eq!(cycle(&Scope::ALL, None, true), Some(Scope::Regional));
        assert_eq!(cycle(&Scope::ALL, Some(Scope::National), true), None);
        assert_eq!(cycle(&Scope::ALL, None, false), Some(Scope::National));
        assert_eq!(cycle(&Scope::ALL, Some(Scope::Regional), false), None);
    }

    #[test]
    fn dropped_inputs_leave_the_ranking_whatever_their_votes() {
        let mut plenary = Plenary {
            votes: 4,
            ..Plenary::default()
        };
        assert!(plenary.ranks());
        plenary.status = Some(Status::Dropped);
        assert!(!plenary.ranks());
        plenary.status = Some(Status::ToRevise);
        assert!(plenary.ranks());
        plenary.votes = 0;
        assert!(!plenary.ranks());
    }

    #[test]
    fn fields_read_back_as_written() {
        let fields = ActionFields {
            scope: Some(Scope::Regional),
            countries: vec!["México".into(), "Panamá".into()],
            lead: "Secretaría Técnica de la CRM".into(),
            partners: "Coalición Regional".into(),
            timeframe: Some(Timeframe::Date("junio 2019".into())),
            indicator: "Protocolo aprobado por los 11 países".into(),
            priority: Some(Priority::High),
        };
        let json = serde_json::to_string(&fields).unwrap();
        assert!(
            json.contains("\"regional\"") && json.contains("\"date\":\"junio 2019\""),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<ActionFields>(&json).unwrap(), fields);
        assert_eq!(
            serde_json::from_str::<ActionFields>("{}").unwrap(),
            ActionFields::default()
        );
    }
}
