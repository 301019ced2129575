//! Words of workshop definitions (issue 15): the TOML file's problems, the
//! `workshop` commands, the start screen's choice, the printable agenda.
//! Kept apart from the big table so the two grow without conflicts.

use std::fmt::Display;

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
            Issue::Language(language) => self.def_language(language),
            Issue::NoGroups => self.def_no_groups(),
            Issue::BadShort(short) => self.def_bad_short(short),
            Issue::RoleShort(short) => self.def_role_short(short),
            Issue::DuplicateShort(short) => self.def_duplicate_short(short),
            Issue::FinalBreak => self.def_final_break(),
            Issue::NotUtf8 => self.def_not_utf8(),
        }
    }

    pub fn def_missing_title(self) -> String {
        self.pick("falta el título (title)", "the title is missing (title)")
            .to_string()
    }

    pub fn def_empty_title(self) -> String {
        self.pick("el título está vacío", "the title is empty")
            .to_string()
    }

    pub fn def_zero_minutes(self) -> String {
        self.pick(
            "los minutos deben ser más de 0",
            "minutes must be more than 0",
        )
        .to_string()
    }

    pub fn def_too_many_minutes(self, max: u32) -> String {
        self.pick(
            format!("los minutos no pueden pasar de {max} (una semana)"),
            format!("minutes cannot exceed {max} (a week)"),
        )
    }

    pub fn def_percent(self) -> String {
        self.pick(
            "un porcentaje va de 0 a 100",
            "a percentage goes from 0 to 100",
        )
        .to_string()
    }

    pub fn def_duplicate_id(self, id: &str) -> String {
        self.pick(
            format!("el id «{id}» está vacío o repetido"),
            format!("the id '{id}' is empty or used twice"),
        )
    }

    pub fn def_unknown_key(self, key: &str) -> String {
        self.pick(
            format!("clave desconocida «{key}»"),
            format!("unknown key '{key}'"),
        )
    }

    pub fn def_missing_key(self, key: &str) -> String {
        self.pick(
            format!("falta la clave «{key}»"),
            format!("the key '{key}' is missing"),
        )
    }

    pub fn def_unreadable(self, reason: impl Display) -> String {
        self.pick(
            format!("no se puede leer: {reason}"),
            format!("cannot be read: {reason}"),
        )
    }

    pub fn def_language(self, language: &str) -> String {
        self.pick(
            format!("idioma «{language}» desconocido: es o en"),
            format!("unknown language '{language}': es or en"),
        )
    }

    pub fn def_no_groups(self) -> String {
        self.pick(
            "no hay ningún grupo ([[groups]])",
            "there are no groups ([[groups]])",
        )
        .to_string()
    }

    pub fn def_bad_short(self, short: &str) -> String {
        let said = self.pick(
            format!(
                "nombre corto «{short}» inválido: una palabra de letras a-z sin tilde, \
                 cifras y guiones, con alguna letra"
            ),
            format!(
                "invalid short name '{short}': one word of letters a-z without accents, \
                 digits and dashes, with a letter in it"
            ),
        );
        // A name that was fine before ids became ASCII (`niñez`) gets the
        // spelling to use instead.
        match ascii_short(short) {
            Some(ascii) => self.pick(
                format!("{said} (escriba «{ascii}»)"),
                format!("{said} (write '{ascii}')"),
            ),
            None => said,
        }
    }

    pub fn def_role_short(self, short: &str) -> String {
        self.pick(
            format!(
                "el nombre corto «{short}» es el nombre de un papel al conectarse \
                 (grupoN, sala, lectura, facilitador…): elija otro"
            ),
            format!(
                "the short name '{short}' is the name of a role when joining \
                 (groupN, room, reader, facilitator…): choose another"
            ),
        )
    }

    pub fn def_not_utf8(self) -> String {
        self.pick(
            "el archivo no es texto UTF-8 desde aquí (guárdelo como UTF-8)",
            "the file is not UTF-8 text from here (save it as UTF-8)",
        )
        .to_string()
    }

    pub fn def_not_a_file(self, file: &str) -> String {
        self.pick(
            format!("{file}: no es un archivo normal (¿una tubería, un dispositivo?)"),
            format!("{file}: not a regular file (a pipe, a device?)"),
        )
    }

    pub fn def_too_big(self, file: &str, max_kib: u64) -> String {
        self.pick(
            format!("{file}: demasiado grande para una definición (más de {max_kib} KiB)"),
            format!("{file}: too large for a definition (over {max_kib} KiB)"),
        )
    }

    pub fn def_duplicate_short(self, short: &str) -> String {
        self.pick(
            format!("el nombre corto «{short}» ya lo usa otro grupo"),
            format!("the short name '{short}' is used by another group"),
        )
    }

    pub fn def_final_break(self) -> String {
        self.pick(
            "el paso final no puede ser una pausa",
            "the final step cannot be a break",
        )
        .to_string()
    }

    pub fn def_unknown_builtin(self, name: &str, known: &str) -> String {
        self.pick(
            format!("no hay un taller incluido «{name}»; los incluidos: {known}"),
            format!("there is no built-in workshop '{name}'; built in: {known}"),
        )
    }

    pub fn def_cannot_read(self, file: &str, error: &std::io::Error) -> String {
        if error.kind() == std::io::ErrorKind::NotFound {
            return format!("{file}: {}", self.t().err_not_found);
        }
        self.pick(
            format!("no se puede leer {file}: {error}"),
            format!("cannot read {file}: {error}"),
        )
    }

    pub fn def_invalid(self, file: &str, problems: usize) -> String {
        match (self, problems) {
            (Lang::Es, 1) => format!("{file}: la definición del taller tiene 1 problema:"),
            (Lang::Es, n) => format!("{file}: la definición del taller tiene {n} problemas:"),
            (Lang::En, 1) => format!("{file}: the workshop definition has 1 problem:"),
            (Lang::En, n) => format!("{file}: the workshop definition has {n} problems:"),
        }
    }

    /// `taller workshop check`: the file is good.
    pub fn def_valid(self, file: &str, title: &str, groups: usize, items: usize) -> String {
        self.pick(
            format!("{file}: correcto — «{title}», {groups} grupos, {items} puntos de agenda"),
            format!("{file}: valid — '{title}', {groups} groups, {items} agenda items"),
        )
    }

    pub fn def_written(self, file: impl Display) -> String {
        self.pick(
            format!("Plantilla del taller escrita en {file}"),
            format!("Workshop template written to {file}"),
        )
    }

    pub fn def_exists(self, file: impl Display) -> String {
        self.pick(
            format!("{file} ya existe; no se reemplaza"),
            format!("{file} exists already; it is not replaced"),
        )
    }

    /// The start screen, on "new session" when there are several workshops.
    pub fn workshop_choice(self, title: &str, at: usize, of: usize) -> String {
        self.pick(
            format!("taller ({at}/{of}, ←/→ cambia): {title}"),
            format!("workshop ({at}/{of}, ←/→ changes): {title}"),
        )
    }

    /// What a break shows on the room's screen instead of text.
    pub fn break_text(self, lunch: bool) -> &'static str {
        match (self, lunch) {
            (Lang::Es, false) => "Pausa.",
            (Lang::Es, true) => "Almuerzo.",
            (Lang::En, false) => "Break.",
            (Lang::En, true) => "Lunch.",
        }
    }

    // The printable agenda (`taller export --format agenda-md`).

    pub fn agenda_heading(self) -> &'static str {
        self.pick("Agenda", "Agenda")
    }

    pub fn agenda_columns(self) -> [&'static str; 3] {
        self.pick(["Hora", "Punto", "Minutos"], ["Time", "Item", "Minutes"])
    }

    pub fn agenda_planned_from(self, start: &str) -> String {
        self.pick(
            format!("Horario previsto desde las {start}."),
            format!("Times as planned from {start}."),
        )
    }

    pub fn agenda_groups_heading(self) -> &'static str {
        self.pick("Grupos de trabajo", "Working groups")
    }

    pub fn agenda_principles(self) -> &'static str {
        self.pick("Principios", "Principles")
    }

    pub fn agenda_final_product(self) -> &'static str {
        self.pick("Producto final", "Final product")
    }

    pub fn agenda_examples(self) -> &'static str {
        self.pick("Ejemplos", "Examples")
    }
}

/// `short` without its accents, when that makes it a valid short name.
fn ascii_short(short: &str) -> Option<String> {
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
