//! The workshops this binary ships with: the concept note's, in each
//! language the interface speaks, and the others `builtin:NAME` names. Read
//! with the same parser as a facilitator's own file (`definition`).

use super::workshop::Workshop;

/// The workshop this binary ships with, in each language it speaks, written
/// in the same TOML format as a facilitator's own (`definition`).
pub const DEFAULT_ES: &str = include_str!("workshops/ctim.es.toml");
pub const DEFAULT_EN: &str = include_str!("workshops/ctim.en.toml");
pub const DEFAULT_PT: &str = include_str!("workshops/ctim.pt.toml");

/// Other workshops shipped beside the default: `builtin:NAME`.
pub const BUILTIN: [(&str, &str); 1] = [("border", include_str!("workshops/border.en.toml"))];

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
}
