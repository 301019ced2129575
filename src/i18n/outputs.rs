//! The words about output formats (`export::formats`): what each writes,
//! and the list of their names.

use super::Lang;
use crate::export::formats::Format;

impl Lang {
    /// What a format writes, in a few words (`taller export --help`).
    pub fn format_description(self, format: Format) -> &'static str {
        match format {
            Format::Plan => self.pick(
                "el borrador del plan de trabajo, en Markdown",
                "the draft work plan, as Markdown",
            ),
            Format::Csv => self.pick(
                "los aportes del plan, uno por fila, en CSV",
                "the plan's inputs, one per row, as CSV",
            ),
            Format::Json => self.pick(
                "la sesión entera, un archivo que taller abre",
                "the whole session, a file taller opens",
            ),
            Format::Status => self.pick(
                "cómo va el día: cada punto de la agenda, previsto y real, en CSV",
                "where the day stands: each agenda row, planned and actual, as CSV",
            ),
            Format::ScheduleCsv => self.pick(
                "horario previsto y real de cada punto de la agenda, en CSV",
                "planned against actual times of every agenda row, as CSV",
            ),
            Format::AgendaMd => self.pick(
                "la agenda imprimible, en Markdown",
                "the printable agenda, as Markdown",
            ),
        }
    }

    /// Every format's name: "plan, csv, … o agenda-md".
    pub fn format_names(self) -> String {
        let names = Format::names();
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), self.pick("o", "or")),
            None => String::new(),
        }
    }
}
