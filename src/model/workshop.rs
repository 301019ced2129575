//! The workshop definition: what is planned, before anybody types anything.
//!
//! A session keeps its own copy of the definition, so a saved file is
//! self-contained: the organizer can reopen or consolidate it years later
//! without the binary that wrote it.

use serde::{Deserialize, Serialize};

/// The languages a workshop may be written in, by code: those the
/// interface speaks (`i18n::Lang::ALL`, which a test holds equal).
pub const LANGUAGES: [&str; 3] = ["es", "en", "pt"];

/// The member states of the Regional Conference on Migration: the countries
/// of a workshop (and of every session file) that names none.
pub const CRM_MEMBERS: [&str; 11] = [
    "Belize",
    "Canadá",
    "Costa Rica",
    "El Salvador",
    "Estados Unidos",
    "Guatemala",
    "Honduras",
    "México",
    "Nicaragua",
    "Panamá",
    "República Dominicana",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    /// Stable identifier shared by every language of the same workshop; two
    /// sessions can only be consolidated when their workshop ids match.
    pub id: String,
    /// Language of the texts below (`es`, `en`, `pt`).
    pub language: String,
    pub title: String,
    /// Who convenes the workshop and for whom.
    #[serde(default)]
    pub convener: String,
    /// Date and place, as planned.
    #[serde(default)]
    pub when_where: String,
    /// What the workshop must produce.
    #[serde(default)]
    pub final_product: String,
    /// Principles every proposed action must respect.
    #[serde(default)]
    pub principles: Vec<String>,
    /// Member and invited countries; sessions written before definitions
    /// existed name none, and had the CRM's.
    #[serde(default)]
    pub countries: Countries,
    pub opening: Opening,
    pub breakout: Breakout,
    pub closing: Closing,
}

/// The countries an action can involve: the members (ticked together with
/// the form's `t`) and those invited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Countries {
    pub members: Vec<String>,
    #[serde(default)]
    pub invited: Vec<String>,
}

impl Default for Countries {
    fn default() -> Countries {
        Countries {
            members: CRM_MEMBERS.iter().map(|c| c.to_string()).collect(),
            invited: Vec::new(),
        }
    }
}

/// What an agenda item is: worked on, or a pause the schedule counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    #[default]
    Item,
    Break,
    Lunch,
}

impl ItemKind {
    pub fn is_item(&self) -> bool {
        *self == ItemKind::Item
    }
}

/// The opening plenary: its title and agenda items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub title: String,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    /// Planned duration in minutes.
    pub minutes: u32,
    /// A break or lunch has a clock and a row in the schedule, no text.
    #[serde(default, skip_serializing_if = "ItemKind::is_item")]
    pub kind: ItemKind,
    /// Paragraphs shown to the room; a paragraph starting with "- " is a bullet.
    #[serde(default)]
    pub body: Vec<String>,
    #[serde(default, flatten)]
    pub thresholds: Thresholds,
}

/// When a clock warns and turns urgent, as shares of its time left; unset
/// means the defaults (20 % and 5 %, or the last minute).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning_percent: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub danger_percent: Option<u8>,
}

/// The breakout part: one group per axis of the Action Plan, in parallel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakout {
    pub title: String,
    /// Planned duration of the breakout period, shared by all groups.
    pub minutes: u32,
    /// What every group is asked to do.
    #[serde(default)]
    pub instructions: Vec<String>,
    /// For every group's clock.
    #[serde(default, flatten)]
    pub thresholds: Thresholds,
    pub axes: Vec<Axis>,
}

/// One axis of the Action Plan; each gets its own working group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Axis {
    /// Stable key, used by groups to name their axis.
    pub id: String,
    pub number: u32,
    pub title: String,
    /// What this group is asked to do, beyond the shared instructions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<String>,
    /// Example actions that guide the discussion.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// The closing plenary: each group reports back, then the consolidation step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub title: String,
    /// Planned minutes for each group's report-back.
    pub report_minutes: u32,
    /// For every report-back's clock.
    #[serde(default, flatten)]
    pub thresholds: Thresholds,
    pub final_step: AgendaItem,
}

impl Workshop {
    pub fn axis(&self, id: &str) -> Option<&Axis> {
        self.breakout.axes.iter().find(|axis| axis.id == id)
    }

    /// The ways to name an axis, for a person who named none of them:
    /// "1 (inteligencia), 2 (informacion), …".
    pub fn axes_named(&self) -> String {
        let known: Vec<String> = self
            .breakout
            .axes
            .iter()
            .map(|a| format!("{} ({})", a.number, a.id))
            .collect();
        known.join(", ")
    }

    /// The axis a person names: its number ("3", "grupo3", "eje 3") or its
    /// id ("soluciones"), in any case.
    pub fn find_axis(&self, named: &str) -> Option<&Axis> {
        let named = named.trim().to_lowercase();
        let number = ["grupo", "group", "eje", "axis"]
            .iter()
            .find_map(|prefix| named.strip_prefix(prefix))
            .unwrap_or(&named)
            .trim()
            .parse::<u32>()
            .ok();
        self.breakout.axes.iter().find(|axis| match number {
            Some(n) => axis.number == n,
            None => axis.id.to_lowercase() == named,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sessions in any language consolidate together: the same ids, minutes
    /// and groups, only the words differ.
    #[test]
    fn every_language_parses_and_describes_the_same_workshop() {
        let es = Workshop::default_for("es").unwrap();
        let ids = |w: &Workshop| {
            w.breakout
                .axes
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        };
        let items = |w: &Workshop| {
            w.opening
                .items
                .iter()
                .map(|i| (i.id.clone(), i.minutes))
                .collect::<Vec<_>>()
        };
        for code in ["en", "pt"] {
            let other = Workshop::default_for(code).unwrap();
            assert_eq!(other.language, code);
            assert_eq!(es.id, other.id);
            assert_eq!(ids(&es), ids(&other));
            assert_eq!(items(&es), items(&other));
            assert_eq!(es.breakout.minutes, other.breakout.minutes);
            assert_eq!(es.closing.report_minutes, other.closing.report_minutes);
            assert_eq!(es.closing.final_step.id, other.closing.final_step.id);
            assert_ne!(es.title, other.title, "{code} is translated");
        }
        assert_eq!(es.language, "es");
    }

    #[test]
    fn default_workshop_has_the_five_axes_of_the_concept_note() {
        let es = Workshop::default_for("es").unwrap();
        let titles: Vec<_> = es.breakout.axes.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Inteligencia/Investigación: recopilación e intercambio de información",
                "Operaciones de Terreno: cooperación, respuesta policial y judicial",
                "Detención Administrativa, Alternativas",
                "Soluciones Migratorias",
                "Prevención y asistencia a los migrantes vulnerables: Víctimas (de crímenes asociados)",
            ]
        );
        for axis in &es.breakout.axes {
            assert!(
                !axis.examples.is_empty(),
                "axis {} has no guiding examples",
                axis.id
            );
        }
    }

    #[test]
    fn default_workshop_carries_the_principles() {
        let es = Workshop::default_for("es").unwrap();
        let all = es.principles.join(" ");
        assert!(all.contains("regionales y no locales"));
        assert!(all.contains("Coalición Regional"));
        assert!(all.contains("corredor migratorio"));
    }
}
