//! Words of workshop definitions (issue 15): the TOML file's problems, the
//! `workshop` commands, the start screen's choice, the printable agenda.
//! Kept apart from the big table so the two grow without conflicts.

use super::Lang;
use crate::model::definition::Issue;

impl Lang {
    /// What is wrong in a workshop definition, in words.
    pub fn def_issue(self, issue: &Issue) -> String {
        match issue {
            Issue::MissingTitle => self.def_missing_title(),
            Issue::EmptyTitle => self.def_empty_title(),
            Issue::ZeroMinutes => self.def_zero_minutes(),
            Issue::TooManyMinutes(max) => self.def_too_many_minutes(*max),
            Issue::Percent => self.def_percent(),
            Issue::DuplicateId(id) => self.def_duplicate_id(id),
            Issue::UnknownKey(key) => self.def_unknown_key(key),
            Issue::MissingKey(key) => self.def_missing_key(key),
            Issue::Unreadable(reason) => self.def_unreadable(reason),
            Issue::Language(language) => {
                self.def_language(language, &self.one_of(&crate::model::workshop::LANGUAGES))
            }
            Issue::NoGroups => self.def_no_groups(),
            Issue::BadShort(short) => self.def_bad_short(short),
            Issue::RoleShort(short) => self.def_role_short(short),
            Issue::DuplicateShort(short) => self.def_duplicate_short(short),
            Issue::FinalBreak => self.def_final_break(),
            Issue::NotUtf8 => self.def_not_utf8(),
        }
    }
}

/// `short` without its accents, when that makes it a valid short name.
pub(super) fn ascii_short(short: &str) -> Option<String> {
    let ascii = super::ssh::ascii(short);
    let fine = ascii != short
        && ascii.chars().any(|c| c.is_ascii_alphabetic())
        && ascii.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !ascii.starts_with('-')
        && !ascii.ends_with('-');
    fine.then_some(ascii)
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn a_short_name_with_accents_is_told_how_to_write_it() {
        assert!(
            Lang::Es
                .def_bad_short("niñez")
                .ends_with("(escriba «ninez»)")
        );
        assert!(
            Lang::En
                .def_bad_short("género")
                .ends_with("(write 'genero')")
        );
        // Nothing to suggest for what is not a word once unaccented.
        assert!(
            Lang::Es
                .def_bad_short("\u{43e}ne")
                .ends_with("con alguna letra")
        );
    }
}
