//! A workshop definition as a person writes it: a TOML file, with comments
//! and multi-line text, read into a [`Workshop`] (which sessions keep as
//! JSON, as before). Every problem found points to its line and column.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::workshop::{
    AgendaItem, Axis, Breakout, Closing, Countries, ItemKind, Plenary, Thresholds, Workshop,
};
use crate::i18n::Lang;

/// One thing wrong in a definition, where it is (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
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
fn slug(title: &str) -> String {
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
    lang: Lang,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, span: Range<usize>, message: String) {
        let (line, column) = place(self.text, span.start);
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    fn title(&mut self, title: &Spanned<String>) -> String {
        if title.get_ref().trim().is_empty() {
            self.at(title.span(), self.lang.def_empty_title());
        }
        title.get_ref().trim().to_string()
    }

    fn minutes(&mut self, minutes: &Spanned<u32>) -> u32 {
        let max = super::limits::MAX_PLANNED_MINUTES;
        if *minutes.get_ref() == 0 {
            self.at(minutes.span(), self.lang.def_zero_minutes());
        } else if *minutes.get_ref() > max {
            // A session file refuses such a timebox when it is read.
            self.at(minutes.span(), self.lang.def_too_many_minutes(max));
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
                self.at(percent.span(), self.lang.def_percent());
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
                    self.at(id.span(), self.lang.def_duplicate_id(&key));
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

/// The problem toml or serde found, in the reader's language.
fn syntax_problem(text: &str, error: &toml::de::Error, lang: Lang) -> Problem {
    let (line, column) = error.span().map_or((1, 1), |span| place(text, span.start));
    let message = error.message().trim();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    let message = if let Some(key) = quoted("unknown field `") {
        lang.def_unknown_key(&key)
    } else if let Some(key) = quoted("missing field `") {
        if key == "title" {
            lang.def_missing_title()
        } else {
            lang.def_missing_key(&key)
        }
    } else {
        lang.def_unreadable(message)
    };
    Problem {
        line,
        column,
        message,
    }
}

/// Reads a definition; `lang` is the language problems are written in.
pub fn parse(text: &str, lang: Lang) -> Result<Workshop, Vec<Problem>> {
    let def: Def =
        toml::from_str(text).map_err(|error| vec![syntax_problem(text, &error, lang)])?;
    let mut check = Checker {
        text,
        lang,
        problems: Vec::new(),
    };
    let title = match &def.title {
        Some(title) => check.title(title),
        None => {
            check.problems.push(Problem {
                line: 1,
                column: 1,
                message: lang.def_missing_title(),
            });
            String::new()
        }
    };
    let language = def.language.get_ref().trim().to_string();
    if Lang::parse(&language).is_none() || language.len() != 2 {
        check.at(def.language.span(), lang.def_language(&language));
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
            message: lang.def_no_groups(),
        });
    }
    let mut shorts: HashMap<String, ()> = HashMap::new();
    let mut axes = Vec::new();
    for (i, group) in def.groups.iter().enumerate() {
        let short = group.short.get_ref().trim().to_string();
        let folded = short.to_lowercase();
        if short.is_empty()
            || short.chars().any(char::is_whitespace)
            || short.chars().all(|c| c.is_ascii_digit())
        {
            check.at(group.short.span(), lang.def_bad_short(&short));
        } else if shorts.contains_key(&folded) {
            check.at(group.short.span(), lang.def_duplicate_short(&short));
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
        check.at(span, lang.def_final_break());
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
        opening: Plenary {
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

/// What `taller new --workshop` and `taller workshop check` name: a file,
/// or `builtin:NAME` for one shipped with the binary.
pub fn load(spec: &str, lang: Lang) -> Result<Workshop, String> {
    let (text, shown) = match spec.strip_prefix("builtin:") {
        Some(name) => {
            let text = Workshop::builtin_text(name, lang).ok_or_else(|| {
                lang.def_unknown_builtin(name, &Workshop::builtin_names().join(", "))
            })?;
            (text.to_string(), spec.to_string())
        }
        None => {
            let text = std::fs::read_to_string(spec)
                .map_err(|error| lang.def_cannot_read(spec, &error))?;
            (text, spec.to_string())
        }
    };
    parse(&text, lang).map_err(|problems| report(&shown, &problems, lang))
}

/// Every problem of a file, one line each: `FILE:LINE:COLUMN: message`.
pub fn report(file: &str, problems: &[Problem], lang: Lang) -> String {
    let mut out = lang.def_invalid(file, problems.len());
    for problem in problems {
        out.push_str(&format!("\n  {file}:{problem}"));
    }
    out
}

/// The definitions kept in a folder (`*.toml`), each with its file name;
/// a file that does not read is left out, saying why.
pub fn in_folder(dir: &std::path::Path, lang: Lang) -> Vec<(String, Result<Workshop, String>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let workshop = load(&path.to_string_lossy(), lang);
            (name, workshop)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[cfg(test)]
pub(crate) mod tests;
