//! Every string a person sees. A language is one file: `es.rs` (first),
//! `en.rs`, `pt.rs`, each implementing [`Language`], the one list of what a
//! person reads. A language that lacks a string does not compile, and only
//! the chosen language's words are formatted.
//!
//! The other files here hold what is the same in every language: the
//! tables' shapes and the helpers that build on the language's words.

use std::ops::Deref;

pub use cli_words::{ArgWords, CliWords, HelpPage};
pub use keys::KeyWords;
pub use language::Language;
pub use offline::PlanWords;
pub use polls::{PollScreenWords, PollWords};
pub use strings::Strings;

mod cli_words;
mod forward;
mod keys;
mod labels;
mod language;
mod offline;
mod polls;
mod presence;
mod ssh;
mod strings;
mod workshop;

mod en;
mod es;
mod pt;

#[cfg(test)]
mod every_string;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Es,
    En,
    Pt,
}

impl Lang {
    /// Every language the interface speaks.
    pub const ALL: [Lang; 3] = [Lang::Es, Lang::En, Lang::Pt];

    /// Parses a language's code (`es`, `en`, `pt`) or a locale such as `en_US.UTF-8`.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| value.starts_with(lang.code()))
    }

    /// The language's code, as `--lang`, `TALLER_LANG` and a workshop
    /// file name it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    /// The chosen language's words.
    pub fn speaker(self) -> &'static dyn Language {
        match self {
            Lang::Es => &es::Es,
            Lang::En => &en::En,
            Lang::Pt => &pt::Pt,
        }
    }

    /// A country's name in this language. Names are stored as the CRM lists
    /// them (the built-in workshop's members, in every session file), so only the screen
    /// translates; a name not known here (an invited country, typed by a
    /// rapporteur) is shown as typed.
    pub fn country(self, stored: &str) -> &str {
        self.speaker().country_name(stored).unwrap_or(stored)
    }

    pub fn minutes(self, n: u32) -> String {
        format!("{n} min")
    }

    /// "2 acciones (1 regional, 1 nacional) · 1 acuerdo · 1 pregunta abierta"
    pub fn counts(self, counts: &crate::model::session::Counts) -> String {
        use crate::model::input::{Kind, Scope};
        let mut parts = Vec::new();
        for (kind, n) in Kind::ALL.iter().zip(counts.kinds) {
            if n == 0 {
                continue;
            }
            let mut part = format!("{} {n}", self.kind(*kind).to_lowercase());
            if *kind == Kind::Action {
                let scopes: Vec<String> = Scope::ALL
                    .iter()
                    .zip(counts.scopes)
                    .filter(|(_, n)| *n > 0)
                    .map(|(scope, n)| format!("{} {n}", self.scope(*scope)))
                    .collect();
                if !scopes.is_empty() {
                    part.push_str(&format!(" ({})", scopes.join(", ")));
                }
            }
            parts.push(part);
        }
        parts.join(" · ")
    }
}

/// What a path is when it is not a regular file. Declared here, with the
/// words that name it, and used by the store (`store::safe::FileKind`,
/// which reads it from the filesystem): the strings never import the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    Device,
    Socket,
    Symlink,
    Folder,
    /// A regular file with other names (hard links): writing it would
    /// change a file elsewhere.
    HardLinked,
    /// Anything else; for a side file, one that belongs to another user.
    Other,
}

/// `lang.inputs(3)`, `lang.t().quit`: a language's words are reached
/// through `Lang`, so call sites name no language.
impl Deref for Lang {
    type Target = dyn Language;

    fn deref(&self) -> &(dyn Language + 'static) {
        self.speaker()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flags_and_locales() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN_us.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("es_CR"), Some(Lang::Es));
        assert_eq!(Lang::parse("pt"), Some(Lang::Pt));
        assert_eq!(Lang::parse("pt_BR.UTF-8"), Some(Lang::Pt));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn country_names_follow_the_interface_language() {
        // (as stored, Spanish, English, Portuguese)
        let names = [
            ("Belize", "Belice", "Belize", "Belize"),
            ("México", "México", "Mexico", "México"),
            ("Panamá", "Panamá", "Panama", "Panamá"),
            ("Nicaragua", "Nicaragua", "Nicaragua", "Nicarágua"),
            (
                "Estados Unidos",
                "Estados Unidos",
                "United States",
                "Estados Unidos",
            ),
            (
                "República Dominicana",
                "República Dominicana",
                "Dominican Republic",
                "República Dominicana",
            ),
            ("Canadá", "Canadá", "Canada", "Canadá"),
            ("Costa Rica", "Costa Rica", "Costa Rica", "Costa Rica"),
            ("Brasil", "Brasil", "Brazil", "Brasil"),
            ("Colombia", "Colombia", "Colombia", "Colômbia"),
            ("Ecuador", "Ecuador", "Ecuador", "Equador"),
            // Typed by a rapporteur, not known here: shown as typed.
            ("Guyana", "Guyana", "Guyana", "Guyana"),
        ];
        for (stored, es, en, pt) in names {
            assert_eq!(Lang::Es.country(stored), es);
            assert_eq!(Lang::En.country(stored), en);
            assert_eq!(Lang::Pt.country(stored), pt);
        }
    }

    #[test]
    fn plural_inputs() {
        assert_eq!(Lang::Es.inputs(1), "1 insumo");
        assert_eq!(Lang::Es.inputs(3), "3 insumos");
        assert_eq!(Lang::En.inputs(0), "0 inputs");
        assert_eq!(Lang::Pt.inputs(1), "1 contribuição");
        assert_eq!(Lang::Pt.inputs(2), "2 contribuições");
    }
}
