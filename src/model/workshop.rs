//! The workshop definition: what is planned, before anybody types anything.
//!
//! A session keeps its own copy of the definition, so a saved file is
//! self-contained: the organizer can reopen or consolidate it years later
//! without the binary that wrote it.

use serde::{Deserialize, Serialize};

/// The workshop this binary ships with, in each language it speaks, written
/// in the same TOML format as a facilitator's own (`definition`).
pub const DEFAULT_ES: &str = include_str!("workshops/ctim.es.toml");
pub const DEFAULT_EN: &str = include_str!("workshops/ctim.en.toml");
pub const DEFAULT_PT: &str = include_str!("workshops/ctim.pt.toml");

/// The languages a workshop may be written in, by code: those the
/// interface speaks (`i18n::Lang::ALL`, which a test holds equal).
pub const LANGUAGES: [&str; 3] = ["es", "en", "pt"];

/// Other workshops shipped beside the default: `builtin:NAME`.
pub const BUILTIN: [(&str, &str); 1] = [("border", include_str!("workshops/border.en.toml"))];

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
    pub opening: Plenary,
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

/// A plenary part made of agenda items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plenary {
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

/// Why the embedded workshop could not be used; only a broken build causes it.
#[derive(Debug)]
pub struct DefaultWorkshopError(String);

impl std::fmt::Display for DefaultWorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "embedded workshop definition is invalid: {}", self.0)
    }
}

impl std::error::Error for DefaultWorkshopError {}

impl Workshop {
    /// The workshop from the concept note, in a language named by its code
    /// (`"es"`, `"en"`, `"pt"`; anything else is Spanish). The model knows no `Lang`:
    /// the interface's `Lang` names its code (`AsRef<str>`).
    pub fn default_for(lang: impl AsRef<str>) -> Result<Workshop, DefaultWorkshopError> {
        let text = match lang.as_ref() {
            "en" => DEFAULT_EN,
            "pt" => DEFAULT_PT,
            _ => DEFAULT_ES,
        };
        super::definition::parse(text).map_err(|problems| {
            DefaultWorkshopError(
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }

    /// The definition text of a workshop shipped with the binary: `ctim`
    /// (the default, in the interface language) or one of [`BUILTIN`].
    /// `lang` is a language code, as for [`Workshop::default_for`].
    pub fn builtin_text(name: &str, lang: impl AsRef<str>) -> Option<&'static str> {
        match name {
            "ctim" | "default" => Some(match lang.as_ref() {
                "en" => DEFAULT_EN,
                "pt" => DEFAULT_PT,
                _ => DEFAULT_ES,
            }),
            _ => BUILTIN
                .iter()
                .find(|(known, _)| *known == name)
                .map(|(_, text)| *text),
        }
    }

    /// The names `builtin:NAME` accepts.
    pub fn builtin_names() -> Vec<&'static str> {
        std::iter::once("ctim")
            .chain(BUILTIN.iter().map(|(name, _)| *name))
            .collect()
    }

    pub fn axis(&self, id: &str) -> Option<&Axis> {
        self.breakout.axes.iter().find(|axis| axis.id == id)
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
