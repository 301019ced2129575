//! The formats in the person's language: what each writes, the list of
//! their names, and the messages that name them. Said here, beside the
//! registry, so the languages' files know nothing of exports.

use std::fmt::Display;

use super::formats::Format;
use crate::i18n::Lang;

impl Lang {
    /// What a format writes, in a few words (`taller export --help`).
    pub fn format_description(self, format: Format) -> &'static str {
        match format {
            Format::Plan => self.format_plan(),
            Format::Csv => self.format_csv(),
            Format::Json => self.format_json(),
            Format::Status => self.format_status(),
            Format::ScheduleCsv => self.format_schedule_csv(),
            Format::AgendaMd => self.format_agenda_md(),
            Format::PollsCsv => self.format_polls_csv(),
        }
    }

    /// Every format's name: "plan, csv, … o agenda-md".
    pub fn format_names(self) -> String {
        self.one_of(&Format::names())
    }

    /// An SSH client that asked for no terminal: how to ask for one, or for
    /// a document.
    pub fn ssh_no_pty(self, user: &str) -> String {
        self.speaker().ssh_no_pty(user, &self.format_names())
    }

    /// A command over SSH that is no format's name.
    pub fn ssh_exec_refused(self, command: impl Display) -> String {
        self.speaker()
            .ssh_exec_refused(&command, &self.format_names())
    }
}
