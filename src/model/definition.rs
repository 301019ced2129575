//! A workshop definition as a person writes it: a TOML file, with comments
//! and multi-line text, read into a [`Workshop`] (which sessions keep as
//! JSON, as before). Every problem found points to its line and column; the
//! interface words it (`def_issue`), as the model knows no language.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::workshop::{
    AgendaItem, Axis, Breakout, Closing, Countries, ItemKind, Opening, Thresholds, Workshop,
};

/// One thing wrong in a definition, where it is (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub issue: Issue,
}

/// What is wrong; the interface words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    MissingTitle,
    EmptyTitle,
    ZeroMinutes,
    /// More than a session file accepts (the maximum).
    TooManyMinutes(u32),
    Percent,
    DuplicateId(String),
    UnknownKey(String),
    MissingKey(String),
    /// The TOML or a value's type, in the parser's words.
    Unreadable(String),
    Language(String),
    NoGroups,
    BadShort(String),
    /// A short name that is also a way in over SSH (`grupo2`, `sala`…):
    /// the board's line for it would let in the wrong person.
    RoleShort(String),
    DuplicateShort(String),
    FinalBreak,
    /// The file is not UTF-8: this is where its first invalid byte is.
    NotUtf8,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {:?}", self.line, self.column, self.issue)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Def {
    id: Option<String>,
    language: Spanned<String>,
    title: Option<Spanned<String>>,
    #[serde(default)]
    convener: String,
    #[serde(default)]
    when_where: String,
    #[serde(default)]
    final_product: String,
    #[serde(default)]
    principles: Vec<String>,
    countries: Option<DefCountries>,
    opening: DefOpening,
    breakout: DefBreakout,
    #[serde(default)]
    groups: Vec<DefGroup>,
    closing: DefClosing,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefCountries {
    members: Vec<String>,
    #[serde(default)]
    invited: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefOpening {
    title: Spanned<String>,
    #[serde(default)]
    items: Vec<DefItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefItem {
    id: Option<Spanned<String>>,
    title: Spanned<String>,
    minutes: Spanned<u32>,
    #[serde(default)]
    kind: ItemKind,
    #[serde(default)]
    content: String,
    warning_percent: Option<Spanned<u8>>,
    danger_percent: Option<Spanned<u8>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefBreakout {
    title: Spanned<String>,
    minutes: Spanned<u32>,
    #[serde(default)]
    instructions: String,
    warning_percent: Option<Spanned<u8>>,
    danger_percent: Option<Spanned<u8>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefGroup {
    short: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    instructions: String,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefClosing {
    title: Spanned<String>,
    report_minutes: Spanned<u32>,
    warning_percent: Option<Spanned<u8>>,
    danger_percent: Option<Spanned<u8>>,
    final_step: DefItem,
}

/// Line and column (1-based, in characters) of a byte offset.
fn place(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// A short name as it is kept: NFC, so that the same letters typed two
/// ways are one name (and a Kelvin sign is a K).
fn nfc(short: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    short.nfc().collect()
}

/// A short name is one word of ASCII letters, digits and dashes (after
/// NFC), with a letter in it; two are the same name in any case. ASCII
/// only, so that no two names only look alike: a Cyrillic "а", a
/// fullwidth "ａ" or a no-break space would make a second `data` that
/// nobody can tell from the first when it is read off the board and
/// typed at an `ssh` prompt.
fn is_one_word(short: &str) -> bool {
    !short.starts_with('-')
        && !short.ends_with('-')
        && short
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && short.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The names people type after `ssh` to join as a role (`grupoN` by a
/// group's place, `sala`, `lectura`, `facilitador`, and their English
/// words): a group called so would take another's line on the board.
pub(crate) fn is_role_name(folded: &str) -> bool {
    const ROLES: [&str; 6] = [
        "sala",
        "room",
        "lectura",
        "reader",
        "facilitador",
        "facilitator",
    ];
    let numbered = ["grupo", "group"].iter().any(|prefix| {
        folded
            .strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    numbered || ROLES.contains(&folded)
}

/// Where the first byte that is not UTF-8 sits, as line and column.
pub fn utf8_problem(bytes: &[u8]) -> Option<Problem> {
    let error = std::str::from_utf8(bytes).err()?;
    let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
    let (line, column) = place(valid, valid.len());
    Some(Problem {
        line,
        column,
        issue: Issue::NotUtf8,
    })
}

/// Multi-line text as the paragraphs a screen shows: a blank line ends a
/// paragraph, a line starting with "- " starts a bullet, other lines go on
/// with the paragraph they follow.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
        } else if line.starts_with("- ") || !open {
            out.push(line.to_string());
            open = true;
        } else if let Some(last) = out.last_mut() {
            last.push(' ');
            last.push_str(line);
        }
    }
    out
}

/// A stable key from a title: lower-case letters and digits, dashes between.
pub(crate) fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in title.nfd().filter(|c| c.is_ascii() || c.is_alphanumeric()) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

struct Checker<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, span: Range<usize>, issue: Issue) {
        let (line, column) = place(self.text, span.start);
        self.problems.push(Problem {
            line,
            column,
            issue,
        });
    }

    fn title(&mut self, title: &Spanned<String>) -> String {
        if title.get_ref().trim().is_empty() {
            self.at(title.span(), Issue::EmptyTitle);
        }
        title.get_ref().trim().to_string()
    }

    fn minutes(&mut self, minutes: &Spanned<u32>) -> u32 {
        let max = super::limits::MAX_PLANNED_MINUTES;
        if *minutes.get_ref() == 0 {
            self.at(minutes.span(), Issue::ZeroMinutes);
        } else if *minutes.get_ref() > max {
            // A session file refuses such a timebox when it is read.
            self.at(minutes.span(), Issue::TooManyMinutes(max));
        }
        *minutes.get_ref()
    }

    fn thresholds(
        &mut self,
        warning: &Option<Spanned<u8>>,
        danger: &Option<Spanned<u8>>,
    ) -> Thresholds {
        for percent in [warning, danger].into_iter().flatten() {
            if *percent.get_ref() > 100 {
                self.at(percent.span(), Issue::Percent);
            }
        }
        Thresholds {
            warning_percent: warning.as_ref().map(|p| *p.get_ref()),
            danger_percent: danger.as_ref().map(|p| *p.get_ref()),
        }
    }

    fn item(&mut self, item: &DefItem, ids: &mut HashMap<String, ()>, n: usize) -> AgendaItem {
        let title = self.title(&item.title);
        let id = match &item.id {
            Some(id) => {
                let key = id.get_ref().trim().to_string();
                if key.is_empty() || ids.contains_key(&key) {
                    self.at(id.span(), Issue::DuplicateId(key.clone()));
                }
                key
            }
            None => {
                // From the title; a second item of the same title is told apart.
                let base = match slug(&title) {
                    s if s.is_empty() => format!("item{n}"),
                    s => s,
                };
                let mut key = base.clone();
                let mut k = 2;
                while ids.contains_key(&key) {
                    key = format!("{base}-{k}");
                    k += 1;
                }
                key
            }
        };
        ids.insert(id.clone(), ());
        AgendaItem {
            id,
            title,
            minutes: self.minutes(&item.minutes),
            kind: item.kind,
            body: if item.kind.is_item() {
                paragraphs(&item.content)
            } else {
                Vec::new()
            },
            thresholds: self.thresholds(&item.warning_percent, &item.danger_percent),
        }
    }
}

/// The problem toml or serde found.
fn syntax_problem(text: &str, error: &toml::de::Error) -> Problem {
    let (line, column) = error.span().map_or((1, 1), |span| place(text, span.start));
    let message = error.message().trim();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    let issue = if let Some(key) = quoted("unknown field `") {
        Issue::UnknownKey(key)
    } else if let Some(key) = quoted("missing field `") {
        if key == "title" {
            Issue::MissingTitle
        } else {
            Issue::MissingKey(key)
        }
    } else {
        Issue::Unreadable(message.to_string())
    };
    Problem {
        line,
        column,
        issue,
    }
}

/// Reads a definition: the workshop, or every problem found, in order.
pub fn parse(text: &str) -> Result<Workshop, Vec<Problem>> {
    let def: Def = toml::from_str(text).map_err(|error| vec![syntax_problem(text, &error)])?;
    let mut check = Checker {
        text,
        problems: Vec::new(),
    };
    let title = match &def.title {
        Some(title) => check.title(title),
        None => {
            check.problems.push(Problem {
                line: 1,
                column: 1,
                issue: Issue::MissingTitle,
            });
            String::new()
        }
    };
    let language = def.language.get_ref().trim().to_string();
    if !super::workshop::LANGUAGES.contains(&language.as_str()) {
        check.at(def.language.span(), Issue::Language(language.clone()));
    }
    let mut ids = HashMap::new();
    let opening_title = check.title(&def.opening.title);
    let items: Vec<AgendaItem> = (def.opening.items.iter().enumerate())
        .map(|(i, item)| check.item(item, &mut ids, i + 1))
        .collect();
    let breakout_title = check.title(&def.breakout.title);
    let breakout_minutes = check.minutes(&def.breakout.minutes);
    let breakout_thresholds =
        check.thresholds(&def.breakout.warning_percent, &def.breakout.danger_percent);
    if def.groups.is_empty() {
        let (line, column) = place(text, def.breakout.title.span().start);
        check.problems.push(Problem {
            line,
            column,
            issue: Issue::NoGroups,
        });
    }
    let mut shorts: HashMap<String, ()> = HashMap::new();
    let mut axes = Vec::new();
    for (i, group) in def.groups.iter().enumerate() {
        let short = nfc(group.short.get_ref().trim());
        let folded = short.to_ascii_lowercase();
        if !is_one_word(&short) {
            check.at(group.short.span(), Issue::BadShort(short.clone()));
        } else if is_role_name(&folded) {
            check.at(group.short.span(), Issue::RoleShort(short.clone()));
        } else if shorts.contains_key(&folded) {
            check.at(group.short.span(), Issue::DuplicateShort(short.clone()));
        }
        shorts.insert(folded, ());
        axes.push(Axis {
            id: short,
            number: i as u32 + 1,
            title: check.title(&group.name),
            instructions: paragraphs(&group.instructions),
            examples: group.examples.clone(),
        });
    }
    let closing_title = check.title(&def.closing.title);
    let report_minutes = check.minutes(&def.closing.report_minutes);
    let closing_thresholds =
        check.thresholds(&def.closing.warning_percent, &def.closing.danger_percent);
    let final_step = check.item(&def.closing.final_step, &mut ids, items.len() + 1);
    if final_step.kind != ItemKind::Item {
        let span = def.closing.final_step.title.span();
        check.at(span, Issue::FinalBreak);
    }
    if !check.problems.is_empty() {
        let mut problems = check.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        return Err(problems);
    }
    let countries = match def.countries {
        Some(c) => Countries {
            members: c.members,
            invited: c.invited,
        },
        None => Countries::default(),
    };
    Ok(Workshop {
        id: def.id.unwrap_or_else(|| slug(&title)),
        language,
        title,
        convener: def.convener.trim().to_string(),
        when_where: def.when_where.trim().to_string(),
        final_product: def.final_product.trim().to_string(),
        principles: def.principles,
        countries,
        opening: Opening {
            title: opening_title,
            items,
        },
        breakout: Breakout {
            title: breakout_title,
            minutes: breakout_minutes,
            instructions: paragraphs(&def.breakout.instructions),
            thresholds: breakout_thresholds,
            axes,
        },
        closing: Closing {
            title: closing_title,
            report_minutes,
            thresholds: closing_thresholds,
            final_step,
        },
    })
}

#[cfg(test)]
pub(crate) mod tests;
