//! Every output taller writes for people and other programs, declared once:
//! its name, its file extension, whether a file of it starts with a
//! byte-order mark, and how it is made. `taller export NAME --format F`,
//! `ssh facilitador@HOST F` and `taller consolidate` all look formats up
//! here, so a name that works in one place works in the others.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::export::consolidate::{Consolidation, MergeError};
use crate::i18n::Lang;
use crate::model::session::Session;

/// An output format; what each writes is said by `Lang::format_description`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The draft work plan, as Markdown for pandoc.
    Plan,
    /// The draft work plan's inputs, one row each, as CSV.
    Csv,
    /// The session itself, as a file taller opens.
    Json,
    /// Where the day stands: each agenda row's planned and actual times.
    Status,
    /// Planned against actual times of every agenda row, as CSV.
    ScheduleCsv,
    /// The printable agenda, as Markdown for pandoc.
    AgendaMd,
    /// The phone polls: one row per poll and input, then named ballots.
    PollsCsv,
}

/// One row of the registry.
struct Declared {
    format: Format,
    name: &'static str,
    extension: &'static str,
    /// Spreadsheet programs read a CSV file's accents right only with a
    /// byte-order mark; Markdown and JSON go without (pandoc and JSON
    /// readers would take it for text). Never on a terminal or a pipe.
    bom: bool,
}

/// The registry: the order here is the order names are listed in.
const DECLARED: [Declared; 7] = [
    Declared {
        format: Format::Plan,
        name: "plan",
        extension: "md",
        bom: false,
    },
    Declared {
        format: Format::Csv,
        name: "csv",
        extension: "csv",
        bom: true,
    },
    Declared {
        format: Format::Json,
        name: "json",
        extension: "json",
        bom: false,
    },
    Declared {
        format: Format::Status,
        name: "status",
        extension: "csv",
        bom: true,
    },
    Declared {
        format: Format::ScheduleCsv,
        name: "schedule-csv",
        extension: "csv",
        bom: true,
    },
    Declared {
        format: Format::AgendaMd,
        name: "agenda-md",
        extension: "md",
        bom: false,
    },
    Declared {
        format: Format::PollsCsv,
        name: "polls-csv",
        extension: "csv",
        bom: true,
    },
];

/// What a format is made from.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// One session as it is: `taller export`, `ssh … F`. `live`: it is the
    /// session being served, the plenary's own, so its plan never asks for
    /// the plenary's file as well.
    Session { session: &'a Session, live: bool },
    /// Sessions of every laptop merged: `taller consolidate`.
    Merged(&'a Consolidation),
}

impl Format {
    /// Every format, in the registry's order.
    pub const ALL: [Format; 7] = [
        Format::Plan,
        Format::Csv,
        Format::Json,
        Format::Status,
        Format::ScheduleCsv,
        Format::AgendaMd,
        Format::PollsCsv,
    ];

    /// What `taller consolidate` writes, as `plan.EXTENSION` each.
    pub const CONSOLIDATED: [Format; 3] = [Format::Plan, Format::Csv, Format::Json];

    fn declared(self) -> &'static Declared {
        DECLARED
            .iter()
            .find(|row| row.format == self)
            .expect("every format is declared")
    }

    /// The name typed after `--format` and after `ssh … `.
    pub fn name(self) -> &'static str {
        self.declared().name
    }

    pub fn extension(self) -> &'static str {
        self.declared().extension
    }

    /// Whether a file of this format starts with a byte-order mark.
    pub fn bom(self) -> bool {
        self.declared().bom
    }

    /// The format of a name exactly as declared (lower case, no spaces).
    pub fn from_name(name: &str) -> Option<Format> {
        DECLARED
            .iter()
            .find(|row| row.name == name)
            .map(|row| row.format)
    }

    /// Every name, in the registry's order.
    pub fn names() -> Vec<&'static str> {
        DECLARED.iter().map(|row| row.name).collect()
    }

    /// The text of this format. `now` and `tz` place the day's clocks and
    /// dates; `lang` is the language of the words written.
    pub fn render(
        self,
        source: Source,
        lang: Lang,
        tz: &TimeZone,
        now: Timestamp,
    ) -> Result<String, MergeError> {
        let session = match source {
            Source::Session { session, .. } => session,
            Source::Merged(c) => &c.session,
        };
        Ok(match self {
            Format::Plan => merged(source, |c| crate::export::plan::markdown(c, lang, tz))?,
            Format::Csv => merged(source, |c| crate::export::plan::csv(c, lang))?,
            Format::Json => {
                // Data another taller opens: the text kept whole, its control
                // and bidi characters as JSON escapes, so printing it is safe.
                let json = String::from_utf8(crate::store::to_json(session))
                    .expect("serde_json writes UTF-8");
                crate::text::escape_json(&json).into_owned()
            }
            Format::Status | Format::ScheduleCsv => {
                crate::export::schedule_csv::render(session, now, tz, lang)
            }
            Format::AgendaMd => crate::export::agenda::render(session, now, tz, lang),
            Format::PollsCsv => crate::export::polls_csv::render(session, tz, lang),
        })
    }

    /// The bytes of a file of this format holding `text`.
    pub fn file_bytes(self, text: String) -> Vec<u8> {
        let mut bytes = if self.bom() {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend(text.into_bytes());
        bytes
    }
}

/// The consolidation a plan is written from: one session's alone, or the
/// merge already made.
fn merged<T>(source: Source, write: impl FnOnce(&Consolidation) -> T) -> Result<T, MergeError> {
    match source {
        Source::Session { session, live } => {
            let mut c =
                crate::export::consolidate::merge(vec![(session.name.clone(), session.clone())])?;
            c.live = live;
            Ok(write(&c))
        }
        Source::Merged(c) => Ok(write(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;

    fn session() -> Session {
        Session::new(
            "prueba",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn every_format_is_declared_once_by_a_name_of_its_own() {
        assert_eq!(DECLARED.len(), Format::ALL.len());
        for format in Format::ALL {
            let rows = DECLARED.iter().filter(|r| r.format == format).count();
            assert_eq!(rows, 1, "{format:?}");
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        let mut names = Format::names();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Format::ALL.len(), "names are unique");
        assert_eq!(
            Format::names(),
            [
                "plan",
                "csv",
                "json",
                "status",
                "schedule-csv",
                "agenda-md",
                "polls-csv"
            ]
        );
        for wrong in ["PLAN", " plan", "pdf", ""] {
            assert_eq!(Format::from_name(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn csv_files_carry_a_byte_order_mark_and_the_others_do_not() {
        for format in Format::ALL {
            let bytes = format.file_bytes("x".into());
            assert_eq!(
                bytes.starts_with(b"\xEF\xBB\xBF"),
                format.extension() == "csv",
                "{format:?}"
            );
            assert!(bytes.ends_with(b"x"));
        }
    }

    #[test]
    fn each_format_writes_what_it_says() {
        let session = session();
        let tz = TimeZone::UTC;
        let now = Timestamp::UNIX_EPOCH;
        let of = |format: Format| {
            let source = Source::Session {
                session: &session,
                live: false,
            };
            format.render(source, Lang::En, &tz, now).unwrap()
        };
        assert!(of(Format::Plan).starts_with("# "), "{}", of(Format::Plan));
        assert!(crate::store::parse(of(Format::Json).as_bytes()).is_ok());
        assert!(
            of(Format::AgendaMd).starts_with('#'),
            "{}",
            of(Format::AgendaMd)
        );
        assert_eq!(of(Format::Status), of(Format::ScheduleCsv));
        assert_ne!(of(Format::Csv), of(Format::ScheduleCsv));
        // The same plan whether one session is exported or merged first.
        let merged =
            crate::export::consolidate::merge(vec![("prueba".into(), session.clone())]).unwrap();
        assert_eq!(
            Format::Plan
                .render(Source::Merged(&merged), Lang::En, &tz, now)
                .unwrap(),
            of(Format::Plan)
        );
    }
}
