//! The draft Regional Work Plan from a consolidation: `plan.md`, a
//! document to circulate (it converts to .docx with pandoc: headings,
//! paragraphs and lists only, no wide table, so every action reads whole
//! on an A4 portrait page), and `plan.csv` (one row per input, every field).
//!
//! Every input has its number ("2.3": its place in its axis's list, the
//! one `Session::input_number` gives), the same in both files, on every
//! screen and in the ranking, so a possible duplicate is named by its
//! number and axis, and a number the room heard reads the same on paper.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use jiff::tz::TimeZone;
use uuid::Uuid;

use super::spreadsheet::write_row;
use crate::export::consolidate::Consolidation;
use crate::i18n::Lang;
use crate::model::input::{ActionFields, Kind, Status};
use crate::model::session::{Input, Session};

/// plan.md, without control or bidi characters (`crate::text::strip`): the
/// document is read in editors and terminals, and pandoc carries them on.
pub fn markdown(c: &Consolidation, lang: Lang, tz: &TimeZone) -> String {
    crate::text::strip(&markdown_of(c, lang, tz)).into_owned()
}

/// Where an input goes in the plan, in the order the plan lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Agreed,
    ToRevise,
    Undecided,
    Agreements,
    AgreementsToRevise,
    Questions,
    Pending,
    /// The annex of inputs the plenary dropped.
    Dropped,
}

fn section(input: &Input) -> Section {
    let status = input.plenary.status;
    if status == Some(Status::Dropped) {
        return Section::Dropped;
    }
    match (input.kind, status) {
        (Kind::Action, Some(Status::Agreed)) => Section::Agreed,
        (Kind::Action, Some(Status::ToRevise)) => Section::ToRevise,
        (Kind::Action, _) => Section::Undecided,
        (Kind::Agreement, Some(Status::ToRevise)) => Section::AgreementsToRevise,
        (Kind::Agreement, _) => Section::Agreements,
        (Kind::OpenQuestion, _) => Section::Questions,
        (Kind::ParkingLot, _) => Section::Pending,
    }
}

/// A group's inputs in the plan's order: by section, and within one, most
/// votes first (ties keep the group's order).
fn in_plan_order(inputs: &[std::sync::Arc<Input>]) -> Vec<&Input> {
    let mut ordered: Vec<&Input> = inputs.iter().map(|i| &**i).collect();
    ordered.sort_by_key(|i| (section(i), std::cmp::Reverse(i.plenary.votes)));
    ordered
}

/// `text` as one line: every line break (a line feed, a carriage return, a
/// line or paragraph separator, a vertical tab or form feed, a next-line)
/// a space, and its unsafe characters dropped (`crate::text`). A field is
/// one paragraph: a break inside it would let its next line start a
/// heading, a YAML block (the docx's title), a fenced div (a custom style)
/// or a list. The breaks are split on before the stripping, which drops
/// the control characters among them and so would glue the words either
/// side ("uno\rdos" read "unodos").
pub(crate) fn one_line(text: &str) -> String {
    text.split([
        '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
    .map(|part| crate::text::strip(part).trim().to_owned())
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// Text typed in the room, safe inside a paragraph: one line, and what
/// markdown (pandoc's) would read as emphasis, code, a link, a citation,
/// an entity, math, a heading's closing `#` or attributes (`{…}`) or raw
/// HTML is escaped.
pub(crate) fn inline(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let escape = match ch {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' | '^' | '$' | '@' | '#'
            | '{' => true,
            // "&amp;" and "&#38;" are entities; "I & D" is not.
            '&' => chars
                .peek()
                .is_some_and(|next| next.is_alphanumeric() || *next == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A line that starts a paragraph: also what would make it a heading, a
/// quote, a list, a rule, a table, a definition or a fenced div is escaped.
pub(crate) fn line_start(text: &str) -> String {
    let text = inline(text);
    if text.starts_with(['+', '-', '=', ':', '%']) {
        return format!("\\{text}");
    }
    // "2018. El año…", "a) primero", "(iv) cuarto" are not lists. Pandoc
    // takes a marker followed by a space, a tab ("1.\tuno" is a list) or
    // the line's end; the stop is escaped whenever anything but a letter
    // or digit follows ("1..", "a.)" too), which changes nothing pandoc
    // shows, while "1.5" and "a.m." stay as typed in plan.md.
    let (open, rest) = match text.strip_prefix('(') {
        Some(rest) => ("\\(", rest),
        None => ("", text.as_str()),
    };
    let marker = rest
        .find(['.', ')'])
        .filter(|&end| is_list_marker(&rest[..end]))
        .filter(|&end| !rest[end + 1..].starts_with(char::is_alphanumeric));
    match marker {
        Some(end) => format!("{open}{}\\{}", &rest[..end], &rest[end..]),
        None if !open.is_empty() => format!("{open}{rest}"),
        None => text,
    }
}

/// What pandoc takes for a list marker's number: digits, one letter, or a
/// roman numeral.
fn is_list_marker(word: &str) -> bool {
    !word.is_empty()
        && (word.bytes().all(|b| b.is_ascii_digit())
            || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
            || word.bytes().all(|b| b"ivxlcdmIVXLCDM".contains(&b)))
}

/// One line of a pasted list ("- a", "• a", "1. a", "1) a"): its marker
/// as markdown ("-" or "1.") and its text.
fn list_item(line: &str) -> Option<(String, &str)> {
    let line = line.trim_start();
    for bullet in ["- ", "* ", "• ", "– ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(("-".into(), rest.trim()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((format!("{}.", &line[..digits]), rest.trim()));
        }
    }
    None
}

/// An input's text under its number: its first paragraph beside the
/// number, then the rest, a pasted list kept as a list. Returns whether
/// the text ended in a bulleted list (so the fields' list must not join it).
fn text_block(md: &mut String, number: &str, text: &str) -> bool {
    let mut blocks: Vec<(bool, Vec<String>)> = Vec::new(); // (is list, lines)
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.push((false, Vec::new()));
            continue;
        }
        match list_item(trimmed) {
            Some((marker, rest)) => {
                let item = format!("{marker} {}", line_start(rest));
                match blocks.last_mut() {
                    Some((true, lines)) => lines.push(item),
                    _ => blocks.push((true, vec![item])),
                }
            }
            None => match blocks.last_mut() {
                // A line after another can still make it a heading ("---",
                // "==="), so each starts as a paragraph would.
                Some((false, lines)) if !lines.is_empty() => lines.push(line_start(trimmed)),
                _ => blocks.push((false, vec![line_start(trimmed)])),
            },
        }
    }
    blocks.retain(|(_, lines)| !lines.is_empty());
    let mut first = true;
    let mut ends_in_list = false;
    if blocks.first().is_none_or(|(list, _)| *list) {
        let _ = writeln!(md, "**{number}**\n");
        first = false;
    }
    for (list, lines) in blocks {
        if list {
            let _ = writeln!(md, "{}\n", lines.join("\n"));
        } else if first {
            let _ = writeln!(md, "**{number}** {}\n", lines.join(" "));
            first = false;
        } else {
            let _ = writeln!(md, "{}\n", lines.join(" "));
        }
        ends_in_list = list && lines.last().is_some_and(|line| line.starts_with("- "));
    }
    ends_in_list
}

/// The plan's fields of an input, as "label: value" lines, set ones only.
fn field_lines(
    c: &Consolidation,
    input: &Input,
    numbers: &HashMap<Uuid, String>,
    lang: Lang,
) -> Vec<String> {
    let w = lang.plan_words();
    let t = lang.t();
    let mut lines = Vec::new();
    if input.kind == Kind::Action {
        for (name, value) in action_names(lang)
            .iter()
            .zip(action_values(&input.action, lang))
        {
            if !value.is_empty() {
                lines.push(format!("**{name}:** {}", inline(&value)));
            }
        }
    }
    if let Some(status) = input.plenary.status
        && input.kind != Kind::Action
        && status == Status::ToRevise
    {
        lines.push(format!("**{}:** {}", w.status, lang.status(status)));
    }
    if input.plenary.votes > 0 {
        lines.push(format!("**{}:** {}", w.votes, input.plenary.votes));
    }
    for poll in super::poll_results::polls_of(&c.session, input.id) {
        let (label, said) = super::poll_results::line(poll, input.id, lang);
        lines.push(format!("**{label}:** {}", inline(&said)));
    }
    let observations = input.plenary.observations.trim();
    if !observations.is_empty() {
        let text: Vec<String> = observations
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(inline)
            .collect();
        lines.push(format!("**{}:** {}", w.observations, text.join(" ")));
    }
    if let Some(place) = c.duplicates.get(&input.id)
        && let Some(number) = numbers.get(&place.id)
    {
        let axis = c.session.axis_number(place.group);
        lines.push(format!(
            "**{}:** {}",
            w.duplicate,
            lang.numbered(number, axis)
        ));
    }
    let _ = t;
    lines
}

/// An input as the plan shows it: number and text, then its fields.
fn entry(
    md: &mut String,
    c: &Consolidation,
    input: &Input,
    numbers: &HashMap<Uuid, String>,
    lang: Lang,
) {
    let number = numbers.get(&input.id).map_or("", String::as_str);
    let ends_in_list = text_block(md, number, &input.text);
    let lines = field_lines(c, input, numbers, lang);
    if lines.is_empty() {
        return;
    }
    if ends_in_list {
        // Two bulleted lists in a row are one to pandoc (whatever their
        // bullets): a line naming the input parts them, where a raw
        // `<!-- -->` would show in plan.md.
        let _ = writeln!(md, "*{}*\n", lang.plan_fields_of(number));
    }
    for line in lines {
        let _ = writeln!(md, "- {line}");
    }
    let _ = writeln!(md);
}

fn markdown_of(c: &Consolidation, lang: Lang, tz: &TimeZone) -> String {
    let t = lang.t();
    let w = lang.plan_words();
    let s = &c.session;
    let numbers = s.input_numbers();
    let mut md = String::new();
    let title = if s.details.title.is_empty() {
        t.plan_title
    } else {
        s.details.title.as_str()
    };
    let _ = writeln!(md, "# {}\n", inline(title));
    let _ = writeln!(md, "*{}*\n", inline(&s.workshop.title));
    // In words, in the plan's language: "4 de diciembre de 2026". A date
    // the organizers wrote is kept as written, unless it is an ISO one.
    let date = if s.details.date.is_empty() {
        lang.date_in_words(s.created_at.to_zoned(tz.clone()).date())
    } else {
        match s.details.date.parse::<jiff::civil::Date>() {
            Ok(date) => lang.date_in_words(date),
            Err(_) => s.details.date.clone(),
        }
    };
    let _ = writeln!(md, "**{}:** {}\n", w.date, inline(&date));
    if !s.details.place.is_empty() {
        let _ = writeln!(md, "**{}:** {}\n", w.place, inline(&s.details.place));
    }
    if !c.decisions {
        let note = if c.live {
            w.no_decisions_yet
        } else {
            w.no_decisions
        };
        let _ = writeln!(md, "> **{note}**\n");
    }
    for (g, group) in s.groups.iter().enumerate() {
        let _ = writeln!(
            md,
            "## {}. {}\n",
            s.axis_number(g),
            inline(s.group_title(g))
        );
        let ordered = in_plan_order(&group.inputs);
        if ordered.iter().all(|i| section(i) == Section::Dropped) {
            let _ = writeln!(md, "{}\n", w.nothing_here);
        }
        let mut current = None;
        for input in ordered {
            let here = section(input);
            if here == Section::Dropped {
                break;
            }
            if current != Some(here) {
                let heading = match here {
                    Section::Agreed => w.agreed,
                    Section::ToRevise => w.to_revise,
                    Section::Undecided => w.undecided,
                    Section::Agreements => w.agreements,
                    Section::AgreementsToRevise => w.agreements_to_revise,
                    Section::Questions => w.questions,
                    Section::Pending | Section::Dropped => w.pending,
                };
                let _ = writeln!(md, "### {heading}\n");
                current = Some(here);
            }
            entry(&mut md, c, input, &numbers, lang);
        }
    }

    ranking(&mut md, s, lang);

    // Annex 1: what the plenary dropped, with why.
    let dropped: Vec<(usize, &Input)> = s
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            in_plan_order(&group.inputs)
                .into_iter()
                .map(move |i| (g, i))
        })
        .filter(|(_, i)| section(i) == Section::Dropped)
        .collect();
    let mut annex = 0;
    let mut annex_heading = |md: &mut String, title: &str| {
        annex += 1;
        let _ = writeln!(md, "## {} {annex}: {title}\n", w.annex);
    };
    if !dropped.is_empty() {
        annex_heading(&mut md, w.annex_dropped);
        let mut current = None;
        for (g, input) in dropped {
            if current != Some(g) {
                let _ = writeln!(
                    md,
                    "### {}. {}\n",
                    s.axis_number(g),
                    inline(s.group_title(g))
                );
                current = Some(g);
            }
            entry(&mut md, c, input, &numbers, lang);
        }
    }

    // Annex 2: who took part, by country; who led each group.
    annex_heading(&mut md, w.annex_people);
    let mut by_country: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (g, group) in s.groups.iter().enumerate() {
        for p in &group.participants {
            let country = if p.country.trim().is_empty() {
                w.no_country.to_string()
            } else {
                lang.country(p.country.trim()).to_string()
            };
            let mut line = inline(&p.name);
            if !p.role.is_empty() {
                line.push_str(&format!(", {}", inline(&p.role)));
            }
            line.push_str(&format!(" ({} {})", w.axis, s.axis_number(g)));
            by_country.entry(country).or_default().push(line);
        }
    }
    // "País no indicado" last.
    let unknown = by_country.remove(w.no_country);
    for (country, people) in by_country
        .into_iter()
        .chain(unknown.map(|p| (w.no_country.to_string(), p)))
    {
        let _ = writeln!(md, "### {}\n", inline(&country));
        for person in people {
            let _ = writeln!(md, "- {person}");
        }
        let _ = writeln!(md);
    }
    let leads: Vec<String> = s
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| !group.facilitator.is_empty() || !group.rapporteur.is_empty())
        .map(|(g, group)| {
            let mut parts = Vec::new();
            if !group.facilitator.is_empty() {
                parts.push(format!("{} {}", w.facilitates, inline(&group.facilitator)));
            }
            if !group.rapporteur.is_empty() {
                parts.push(format!("{} {}", w.reports, inline(&group.rapporteur)));
            }
            format!(
                "- **{} {}:** {}",
                w.axis,
                s.axis_number(g),
                parts.join("; ")
            )
        })
        .collect();
    if !leads.is_empty() {
        let _ = writeln!(md, "### {}\n", w.leads);
        let _ = writeln!(md, "{}\n", leads.join("\n"));
    }

    // Annex 3: the day as it went, one line per row (no wide table).
    let table = crate::export::schedule_csv::table(s, s.updated_at, tz, lang);
    annex_heading(&mut md, w.annex_schedule);
    for row in table.iter().skip(1) {
        // item, planned start, planned end, planned min, actual start, actual end, actual min, diff, state
        let clock = |text: &str| text.rsplit(' ').next().unwrap_or("").to_string();
        let mut line = format!(
            "- **{}:** {} {}–{} ({} min)",
            inline(&row[0]),
            w.planned,
            clock(&row[1]),
            clock(&row[2]),
            row[3]
        );
        if !row[4].is_empty() {
            let end = if row[5].is_empty() {
                "…".to_string()
            } else {
                clock(&row[5])
            };
            line.push_str(&format!(
                "; {} {}–{end} ({} min)",
                w.actual,
                clock(&row[4]),
                row[6]
            ));
        }
        line.push_str(&format!("; {}", row[8]));
        let _ = writeln!(md, "{line}");
    }
    md
}

/// What the room voted for, most votes first, every voted input (ties are
/// never cut), each under the number the room heard.
fn ranking(md: &mut String, s: &Session, lang: Lang) {
    let w = lang.plan_words();
    let ranked = s.ranking_across_axes();
    if ranked.is_empty() {
        return;
    }
    // Under the name the room saw it by on the screens.
    let _ = writeln!(md, "## {}\n", lang.t().ranking);
    let _ = writeln!(md, "{}\n", w.ranking_note);
    for voted in ranked {
        let _ = writeln!(
            md,
            "- **{}** ({}) {} — **{}**",
            voted.number,
            lang.axis_label(s.axis_number(voted.group)),
            inline(&voted.input.text),
            lang.votes(voted.input.plenary.votes)
        );
    }
    let _ = writeln!(md);
}

/// The names of an action's fields, in the order of `action_values`.
fn action_names(lang: Lang) -> [&'static str; 7] {
    let t = lang.t();
    [
        t.field_scope,
        t.field_countries,
        t.field_lead,
        t.field_partners,
        t.field_timeframe,
        t.field_indicator,
        t.field_priority,
    ]
}

/// An action's fields as text, empty where not set; the plan and the CSV
/// share them so the two files never disagree.
fn action_values(a: &ActionFields, lang: Lang) -> [String; 7] {
    [
        a.scope.map_or(String::new(), |x| lang.scope(x).to_string()),
        a.countries
            .iter()
            .map(|c| lang.country(c))
            .collect::<Vec<_>>()
            .join(", "),
        a.lead.clone(),
        a.partners.clone(),
        a.timeframe
            .as_ref()
            .map_or(String::new(), |x| lang.timeframe(x)),
        a.indicator.clone(),
        a.priority
            .map_or(String::new(), |x| lang.priority(x).to_string()),
    ]
}

/// One row per input in its group's order (so by number), every field, its number, the
/// file it came from (by name) and its possible duplicate (by number and
/// axis); no internal ids.
pub fn csv(c: &Consolidation, lang: Lang) -> String {
    let t = lang.t();
    let w = lang.plan_words();
    let s = &c.session;
    let p = lang.poll_words();
    let numbers = s.input_numbers();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![t.csv_axis, w.number, t.field_kind, t.field_text];
    header.extend(action_names(lang));
    header.extend([
        t.field_status,
        t.field_observations,
        t.field_votes,
        p.col_kind,
        p.col_entitled,
        p.col_voted,
        p.col_result,
        t.csv_origin,
        t.csv_duplicate_of,
    ]);
    write_row(&mut out, header);
    for (g, group) in s.groups.iter().enumerate() {
        for input in group.inputs.iter().map(|i| &**i) {
            let origin = c.origins.get(&input.id).map_or(String::new(), |o| {
                std::path::Path::new(&o.file)
                    .file_name()
                    .map_or_else(|| o.file.clone(), |n| n.to_string_lossy().into_owned())
            });
            let duplicate = c
                .duplicates
                .get(&input.id)
                .and_then(|p| {
                    numbers
                        .get(&p.id)
                        .map(|n| lang.numbered(n, s.axis_number(p.group)))
                })
                .unwrap_or_default();
            let mut row = vec![
                s.group_title(g).to_string(),
                numbers.get(&input.id).cloned().unwrap_or_default(),
                lang.kind(input.kind).to_string(),
                input.text.clone(),
            ];
            row.extend(action_values(&input.action, lang));
            row.extend([
                input
                    .plenary
                    .status
                    .map_or(String::new(), |x| lang.status(x).to_string()),
                input.plenary.observations.clone(),
                input.plenary.votes.to_string(),
            ]);
            row.extend(poll_cells(s, input.id, lang));
            row.extend([origin, duplicate]);
            write_row(&mut out, row);
        }
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 strings")
}

/// plan.csv's poll columns of an input: each poll's kind, how many could
/// vote, how many did, and the result, several polls parted by " | ".
fn poll_cells(s: &Session, input: Uuid, lang: Lang) -> [String; 4] {
    use super::poll_results::{kind, polls_of, result};
    let polls: Vec<_> = polls_of(s, input).collect();
    let join = |cell: &dyn Fn(&crate::model::poll::Poll) -> String| {
        polls
            .iter()
            .map(|p| cell(p))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    [
        join(&|p| kind(p.kind, lang).to_string()),
        join(&|p| p.could_vote().to_string()),
        join(&|p| p.voted.len().to_string()),
        join(&|p| result(p, input, lang)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden files: the plan of the example session, as reviewed. A change
    /// in the plan's layout shows here first.
    #[test]
    fn golden_plan_of_the_example_session() {
        let example =
            crate::store::parse(include_bytes!("../../sessions/ejemplo-taller-ctim.json")).unwrap();
        let c =
            crate::export::consolidate::merge(vec![("ejemplo-taller-ctim.json".into(), example)])
                .unwrap();
        insta::assert_snapshot!("plan_md", markdown(&c, Lang::Es, &TimeZone::UTC));
        insta::assert_snapshot!("plan_csv", csv(&c, Lang::Es));
    }
    /// The offline day of tests/fixtures/offline: three group laptops and
    /// the facilitator's session, which imported them mid-day and ran the
    /// plenary.
    fn offline_day() -> Vec<(String, Session)> {
        [
            (
                "grupo1.json",
                &include_bytes!("../../tests/fixtures/offline/grupo1.json")[..],
            ),
            (
                "grupo3.json",
                include_bytes!("../../tests/fixtures/offline/grupo3.json"),
            ),
            (
                "grupo5.json",
                include_bytes!("../../tests/fixtures/offline/grupo5.json"),
            ),
            (
                "plenaria.json",
                include_bytes!("../../tests/fixtures/offline/plenaria.json"),
            ),
        ]
        .into_iter()
        .map(|(name, bytes)| (name.to_string(), crate::store::parse(bytes).unwrap()))
        .collect()
    }

    #[test]
    fn golden_plan_of_three_group_laptops_and_the_plenary() {
        let c = merge(offline_day()).unwrap();
        assert!(c.decisions);
        assert_eq!(c.schedule_from, "plenaria.json");
        insta::assert_snapshot!("offline_plan_md", markdown(&c, Lang::Es, &TimeZone::UTC));
        insta::assert_snapshot!("offline_plan_csv", csv(&c, Lang::Es));
    }

    /// Rehearsal: consolidating the laptops alone gave "sin decisión de la
    /// plenaria" everywhere, with a laptop's schedule, and said nothing.
    #[test]
    fn the_laptops_alone_say_the_plenary_is_missing() {
        let mut files = offline_day();
        files.pop();
        let c = merge(files).unwrap();
        assert!(!c.decisions);
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        assert!(md.contains("Pase también la sesión de la plenaria"), "{md}");
        assert!(!md.contains("### Acciones acordadas"), "{md}");
    }

    /// One rule: the master that imports the laptops (the `i` key, `taller
    /// import`) prints the same plan as consolidating all four files, in
    /// any order.
    #[test]
    fn importing_the_laptops_gives_the_plan_consolidating_gives() {
        let files = offline_day();
        let consolidated = markdown(&merge(files.clone()).unwrap(), Lang::Es, &TimeZone::UTC);
        let (_, mut master) = files[3].clone();
        for (name, laptop) in files[..3].iter().rev() {
            let report = master.import(laptop, name, master.updated_at);
            if name == "grupo1.json" {
                assert_eq!(
                    report.describe(&master, Lang::Es),
                    // The laptop and the plenary wrote input 1.2 at one
                    // time in two ways: both kept (issue 20, item 24).
                    "Grupo 1: 1 nuevo, 2 actualizados, 1 eliminado; relatoría actualizada · \
                     1 insumo con dos textos distintos: se guardan ambos, el otro marcado \
                     «⟦otra versión: …⟧»"
                );
            }
        }
        let imported = markdown(
            &merge(vec![("plenaria.json".into(), master)]).unwrap(),
            Lang::Es,
            &TimeZone::UTC,
        );
        assert_eq!(imported, consolidated);
        let mut reversed = files;
        reversed.reverse();
        assert_eq!(
            markdown(&merge(reversed).unwrap(), Lang::Es, &TimeZone::UTC),
            consolidated
        );
    }

    /// Rehearsal: the input deleted at a laptop was presented in the
    /// plenary and printed in the plan.
    #[test]
    fn an_input_deleted_at_a_laptop_stays_out_of_the_plan() {
        let c = merge(offline_day()).unwrap();
        assert!(
            !markdown(&c, Lang::Es, &TimeZone::UTC).contains("Reunión anual de puntos focales")
        );
        assert!(!csv(&c, Lang::Es).contains("Reunión anual de puntos focales"));
    }

    use crate::export::consolidate::merge;
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    /// Rehearsal: duplicate notes carried file paths; the CSV carried UUIDs.
    #[test]
    fn a_possible_duplicate_is_named_by_its_number_and_axis_never_a_path_or_id() {
        let now = Timestamp::UNIX_EPOCH;
        let workshop = Workshop::default_for(Lang::Es).unwrap();
        let mut a = Session::new("sala-1", workshop.clone(), now);
        a.add_input(
            0,
            "Crear una plataforma regional de intercambio de información entre fiscalías".into(),
            now,
        );
        let mut b = Session::new("sala-3", workshop, now);
        b.add_input(
            2,
            "crear una *plataforma* regional para el intercambio de información entre fiscalías"
                .into(),
            now,
        );
        let c = merge(vec![
            ("/media/usb/sala-1.json".into(), a),
            ("/media/usb/sala-3.json".into(), b),
        ])
        .unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        assert!(
            md.contains("- **Posible duplicado de:** 3.1 (Eje 3)"),
            "{md}"
        );
        assert!(
            md.contains("- **Posible duplicado de:** 1.1 (Eje 1)"),
            "{md}"
        );
        assert!(md.contains("crear una \\*plataforma\\* regional"), "{md}");
        let csv = csv(&c, Lang::Es);
        assert!(csv.contains(",3.1 (Eje 3)\n"), "{csv}");
        for text in [&md, &csv] {
            assert!(!text.contains("/media/usb"), "no path: {text}");
            for group in &c.session.groups {
                for input in &group.inputs {
                    assert!(!text.contains(&input.id.to_string()), "no id: {text}");
                }
            }
        }
    }

    /// Text planted in a session file (escape sequences, C1 controls, bidi
    /// overrides) never reaches the documents: a reader's terminal or
    /// editor would act on it.
    #[test]
    fn plan_md_and_csv_carry_no_control_or_bidi_characters() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{0}c\u{9b}d\u{202E}e\u{7f}f\r";
        let now = Timestamp::UNIX_EPOCH;
        let mut workshop = Workshop::default_for(Lang::Es).unwrap();
        workshop.title = format!("Título {hostile}");
        workshop.principles.push(hostile.into());
        let mut s = Session::new("sala", workshop, now);
        s.group_mut(0).unwrap().facilitator = hostile.into();
        let id = s.add_input(0, format!("línea\n{hostile}"), now).unwrap();
        let input = s.input_mut(0, id).unwrap();
        input.action.lead = hostile.into();
        input.plenary.observations = hostile.into();
        s.add_input(1, hostile.into(), now).unwrap();
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        for (name, text) in [
            ("plan.md", markdown(&c, Lang::Es, &TimeZone::UTC)),
            ("plan.csv", csv(&c, Lang::Es)),
        ] {
            let found: Vec<char> = text
                .chars()
                .filter(|c| crate::text::is_unsafe(*c))
                .collect();
            assert!(found.is_empty(), "{name}: {found:?}");
            assert!(
                text.contains("a]52;c;aGk=bcdef") || text.contains("a\\]52;c;aGk=bcdef"),
                "{name}: the rest is kept"
            );
        }
    }

    /// The quote that keeps a spreadsheet from running a title is for
    /// spreadsheets only: plan.md shows the title as it is.
    #[test]
    fn plan_md_shows_agenda_titles_without_the_spreadsheet_quote() {
        let now = Timestamp::UNIX_EPOCH;
        let mut workshop = Workshop::default_for(Lang::Es).unwrap();
        workshop.opening.items[0].title = "-5 % de demoras".into();
        let s = Session::new("sala", workshop, now);
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        assert!(md.contains("\n- **-5 % de demoras:** previsto"), "{md}");
    }

    /// OWASP's CSV injection rule: a cell a spreadsheet would read as a
    /// formula is written with a leading `'`, whatever field it is in.
    #[test]
    fn plan_csv_never_hands_a_spreadsheet_a_formula() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), now);
        let id = s
            .add_input(0, "=HYPERLINK(\"http://x\",\"clic\")".into(), now)
            .unwrap();
        let input = s.input_mut(0, id).unwrap();
        input.action.lead = "@SUM(A1)".into();
        input.action.partners = "+1+1".into();
        input.action.indicator = "-2+3".into();
        input.plenary.observations = "\t=1".into();
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        let text = csv(&c, Lang::Es);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[3], "'=HYPERLINK(\"http://x\",\"clic\")");
        assert_eq!(&row[6], "'@SUM(A1)");
        assert_eq!(&row[7], "'+1+1");
        assert_eq!(&row[9], "'-2+3");
        assert_eq!(&row[12], "'\t=1");
        assert_eq!(&row[13], "0", "a number stays a number");
    }

    /// Rehearsal: plan.md lost the observations of agreed actions, showed
    /// "a revisar" agreements as plain ones, listed "a revisar" actions
    /// without their fields, and dropped inputs vanished without a trace.
    #[test]
    fn every_decision_keeps_its_section_fields_and_observations() {
        use crate::model::input::Scope;
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("plenaria", Workshop::default_for(Lang::Es).unwrap(), now);
        for (text, kind, status, votes, observations) in [
            (
                "Acción con pocos votos",
                Kind::Action,
                Some(Status::Agreed),
                2,
                "con la Coalición",
            ),
            (
                "Acción más votada",
                Kind::Action,
                Some(Status::Agreed),
                9,
                "",
            ),
            (
                "Acción a revisar",
                Kind::Action,
                Some(Status::ToRevise),
                0,
                "precisar los países",
            ),
            (
                "Acción descartada",
                Kind::Action,
                Some(Status::Dropped),
                3,
                "ya existe en la Coalición",
            ),
            ("Acción sin decidir", Kind::Action, None, 0, ""),
            (
                "Acuerdo firme",
                Kind::Agreement,
                Some(Status::Agreed),
                0,
                "",
            ),
            (
                "Acuerdo por revisar",
                Kind::Agreement,
                Some(Status::ToRevise),
                0,
                "falta el plazo",
            ),
        ] {
            let id = s.add_input(0, text.into(), now).unwrap();
            let input = s.input_mut(0, id).unwrap();
            input.kind = kind;
            input.plenary.status = status;
            input.plenary.votes = votes;
            input.plenary.observations = observations.into();
            input.action.scope = Some(Scope::Regional);
        }
        let c = merge(vec![("plenaria.json".into(), s)]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle}:\n{md}"));
        // Most votes first within a section; each input keeps its number
        // in the list (the order it was added here).
        assert!(at("### Acciones acordadas") < at("**1.2** Acción más votada"));
        assert!(at("**1.2** Acción más votada") < at("**1.1** Acción con pocos votos"));
        assert!(
            at("**1.1** Acción con pocos votos")
                < at("- **Observaciones de la plenaria:** con la Coalición")
        );
        assert!(at("### Acciones a revisar") < at("**1.3** Acción a revisar"));
        let revise = &md[at("**1.3** Acción a revisar")..];
        assert!(revise.starts_with("**1.3** Acción a revisar\n\n- **Alcance:** regional\n- **Observaciones de la plenaria:** precisar los países"), "{md}");
        assert!(
            at("### Acciones propuestas (sin decisión de la plenaria)")
                < at("**1.5** Acción sin decidir")
        );
        assert!(at("### Acuerdos\n") < at("**1.6** Acuerdo firme"));
        assert!(at("### Acuerdos a revisar") < at("**1.7** Acuerdo por revisar"));
        assert!(at("**1.7** Acuerdo por revisar") < at("- **Estado:** a revisar"));
        // The dropped action: in the annex, with the plenary's reason, not in the axis.
        let annex = at("## Anexo 1: insumos descartados por la plenaria");
        assert!(annex < at("**1.4** Acción descartada"), "{md}");
        assert!(annex < at("ya existe en la Coalición"));
        assert!(!md.contains("Ningún archivo trae decisiones"), "{md}");
        assert!(
            csv(&c, Lang::Es).contains("Acción descartada"),
            "the CSV keeps everything"
        );
    }

    /// Rehearsal: a pasted numbered list was flattened into one cell; the
    /// plan had no date, place or numbering, and the workshop's boilerplate.
    #[test]
    fn pasted_lists_stay_lists_and_the_plan_has_date_place_and_no_boilerplate() {
        let now = Timestamp::from_second(1_519_135_200).unwrap(); // 2018-02-20 14:00 UTC
        let mut s = Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), now);
        let id = s
            .add_input(1, "Operaciones conjuntas:\n1. Intercambio de fiscales\n2) Equipos mixtos\n• Bitácora común".into(), now)
            .unwrap();
        let input = std::sync::Arc::make_mut(
            s.group_mut(1)
                .unwrap()
                .inputs
                .iter_mut()
                .find(|i| i.id == id)
                .unwrap(),
        );
        input.action.lead = "Fiscalías".into();
        s.set_details(None, None, Some("San José, Costa Rica"), now);
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        // Pandoc joins two bulleted lists in a row: a line parts them (a raw
        // `<!-- -->` did, and showed in plan.md).
        assert!(md.contains("**2.1** Operaciones conjuntas:\n\n1. Intercambio de fiscales\n2. Equipos mixtos\n- Bitácora común\n\n*Datos de 2.1:*\n\n- **Institución líder:** Fiscalías\n"), "{md}");
        assert!(!md.contains("<!--"), "{md}");
        // A date in words, in the plan's language.
        assert!(md.contains("**Fecha:** 20 de febrero de 2018\n"), "{md}");
        assert!(
            markdown(&c, Lang::En, &TimeZone::UTC).contains("**Date:** 20 February 2018\n"),
            "{md}"
        );
        assert!(md.contains("**Lugar:** San José, Costa Rica"), "{md}");
        assert!(
            !md.contains("## Metodología"),
            "no workshop boilerplate: {md}"
        );
        assert!(!md.contains("Contexto y principios"), "{md}");
        assert!(!md.contains("Lo más importante del Plan de Acción"), "{md}");
        assert!(!md.contains("|---|"), "no wide tables: {md}");
        // Rehearsal: no file had decisions and nothing said so.
        assert!(md.contains("Pase también la sesión de la plenaria"), "{md}");
    }

    /// Issue 20: the room called the last input "1.3" and voted it first;
    /// the plan renumbered it "1.1" (and "1.3" was another input). The
    /// plan's numbers are the list's, in plan.md, the ranking and plan.csv.
    #[test]
    fn the_plans_numbers_are_the_lists_whatever_the_verdicts_and_votes() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("plenaria", Workshop::default_for(Lang::Es).unwrap(), now);
        let texts = [
            "Primera, descartada",
            "Segunda, sin decidir",
            "Tercera, la más votada",
        ];
        let ids: Vec<Uuid> = texts
            .iter()
            .map(|text| s.add_input(1, (*text).into(), now).unwrap())
            .collect();
        let first = s.input_mut(1, ids[0]).unwrap();
        first.plenary.status = Some(Status::Dropped);
        first.plenary.votes = 2;
        let last = s.input_mut(1, ids[2]).unwrap();
        last.plenary.status = Some(Status::Agreed);
        last.plenary.votes = 14;
        let c = merge(vec![("plenaria.json".into(), s.clone())]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        let csv = csv(&c, Lang::Es);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        for (place, text) in texts.iter().enumerate() {
            let number = s.input_number(1, place);
            assert!(
                md.contains(&format!("**{number}** {text}")),
                "{number}: {md}"
            );
            let row = rows.iter().find(|r| &r[3] == *text).unwrap();
            assert_eq!(&row[1], number, "{csv}");
        }
        assert_eq!(s.input_number(1, 2), "2.3");
        // The ranking under the same number; the dropped one is not in it,
        // and keeps its number in the annex.
        let ranking = &md[md
            .find("## Prioridades según los votos de la sala")
            .expect(&md)..];
        assert!(
            ranking.contains("- **2.3** (Eje 2) Tercera, la más votada — **14 votos**"),
            "{md}"
        );
        assert!(!ranking[..ranking.find("## Anexo").unwrap()].contains("Primera"));
        let annex = md.find("## Anexo 1: insumos descartados").unwrap();
        assert!(md[annex..].contains("**2.1** Primera, descartada"), "{md}");
    }

    /// What a line break in a field would start, were it kept.
    const PLANTED: &str = "x\n\n---\ntitle: Plantado\n---\n\n# Encabezado plantado\n\n::: {custom-style=\"Plantado\"}\ndentro\n:::\n<!-- oculto -->\n```\ncodigo\n```\n| a | b |\n> cita\n- lista\n1. lista\nTexto\n===\n\u{2028}## separador\r# retorno\u{85}@cita [enlace](http://x) &amp; {.plantado custom-style=\"Plantado\"}";

    /// A session with `PLANTED` in every field a file can carry to the plan.
    fn planted() -> Consolidation {
        use crate::model::session::Participant;
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), now);
        s.set_details(Some(PLANTED), Some(PLANTED), Some(PLANTED), now);
        let group = s.group_mut(0).unwrap();
        group.facilitator = PLANTED.into();
        group.rapporteur = PLANTED.into();
        group.participants.push(Participant {
            name: PLANTED.into(),
            country: PLANTED.into(),
            role: PLANTED.into(),
        });
        for (text, status) in [
            (PLANTED, Some(Status::Agreed)),
            (PLANTED, Some(Status::Dropped)),
        ] {
            let id = s.add_input(0, text.into(), now).unwrap();
            let input = s.input_mut(0, id).unwrap();
            input.action.lead = PLANTED.into();
            input.action.partners = PLANTED.into();
            input.action.indicator = PLANTED.into();
            input.action.countries = vec![PLANTED.into()];
            input.plenary.observations = PLANTED.into();
            input.plenary.status = status;
            input.plenary.votes = 3;
        }
        merge(vec![("sala.json".into(), s)]).unwrap()
    }

    /// Issue 20: line breaks in a file's fields and roster names reached
    /// plan.md (and the docx pandoc makes of it) as headings, YAML metadata
    /// and custom styles. Every field is one paragraph of escaped text: no
    /// line of the plan is markup a field wrote.
    #[test]
    fn no_field_writes_markup_into_the_plan() {
        let md = markdown(&planted(), Lang::Es, &TimeZone::UTC);
        for line in md.lines() {
            for start in ["---", "title:", ":::", "<!--", "```", "|", ">", "==="] {
                assert!(!line.starts_with(start), "{line:?} in:\n{md}");
            }
            // The plan's own headings may hold a field (the title, a
            // country); none starts where a planted line would.
            if let Some(heading) = line.strip_prefix('#') {
                let heading = heading.trim_start_matches('#').trim_start();
                for planted in ["Encabezado", "separador", "retorno", "Texto", "dentro"] {
                    assert!(!heading.starts_with(planted), "{line:?}");
                }
            }
        }
        assert!(!md.replace("\\<!--", "").contains("<!--"), "{md}");
        assert!(
            md.contains("\\# Encabezado plantado"),
            "the words are kept: {md}"
        );
    }

    /// `md` as pandoc reads it with the reader `from` (pandoc's JSON), or
    /// None where pandoc is not installed.
    fn pandoc(md: &str, from: &str) -> Option<serde_json::Value> {
        use std::io::Write as _;
        use std::process::{Command, Stdio};
        let Ok(mut pandoc) = Command::new("pandoc")
            .args(["-f", from, "-t", "json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        else {
            eprintln!("skipped: pandoc is not installed (apt-get install pandoc)");
            return None;
        };
        pandoc
            .stdin
            .take()
            .unwrap()
            .write_all(md.as_bytes())
            .unwrap();
        let out = pandoc.wait_with_output().unwrap();
        assert!(out.status.success());
        Some(serde_json::from_slice(&out.stdout).unwrap())
    }

    /// Each text as a paragraph's start (`line_start`), one paragraph each,
    /// as pandoc reads them back: a paragraph's text, or `<Kind>` for any
    /// other block or inline. Pandoc's smart typography (curly quotes,
    /// dashes, ellipses) is left out, so the text compares as typed; it
    /// makes no blocks. None where pandoc is not installed.
    fn as_pandoc_reads(texts: &[&str]) -> Option<Vec<String>> {
        fn plain(inlines: &serde_json::Value) -> String {
            let mut out = String::new();
            for inline in inlines.as_array().unwrap() {
                match inline["t"].as_str().unwrap() {
                    "Str" => out.push_str(inline["c"].as_str().unwrap()),
                    "Space" | "SoftBreak" => out.push(' '),
                    other => out.push_str(&format!("<{other}>")),
                }
            }
            out
        }
        let md: String = texts.iter().map(|t| line_start(t) + "\n\n").collect();
        let doc = pandoc(&md, "markdown-smart")?;
        let blocks = doc["blocks"].as_array().unwrap();
        Some(
            blocks
                .iter()
                .map(|block| match block["t"].as_str().unwrap() {
                    "Para" => plain(&block["c"]),
                    other => format!("<{other}>"),
                })
                .collect(),
        )
    }

    /// The words a person typed, as a reader sees them: breaks and runs of
    /// spaces one space, invisible unsafe characters gone.
    fn typed_words(text: &str) -> String {
        text.split([
            ' ', '\t', '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .map(|word| crate::text::strip(word).into_owned())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// The proptest below found these: a list marker's stop followed by
    /// another stop ("1..", "a.)") was left bare. Pandoc reads them as
    /// text, but only because of what follows, so the stop is escaped as
    /// after any marker, and the rendering is still what was typed.
    #[test]
    fn a_marker_followed_by_another_stop_is_escaped_and_reads_as_typed() {
        assert_eq!(line_start("1..\u{2028}"), "1\\..");
        assert_eq!(line_start("a..\n"), "a\\..");
        assert_eq!(line_start("a.)"), "a\\.)");
        let texts = ["1..\u{2028}", "a..\n", "a.)", "1). x"];
        let Some(read) = as_pandoc_reads(&texts) else {
            return;
        };
        assert_eq!(read, ["1..", "a..", "a.)", "1). x"]);
    }

    /// Pandoc takes a tab after a marker as it takes a space: "1.\tuno" was
    /// an ordered list in the docx, and its number lost.
    #[test]
    fn a_tab_after_a_marker_starts_no_list() {
        assert_eq!(line_start("1.\tuno"), "1\\.\tuno");
        assert_eq!(line_start("(a)\tuno"), "\\(a\\)\tuno");
        // A letter or digit after the stop is no marker: kept as typed.
        assert_eq!(line_start("1.5 millones"), "1.5 millones");
        assert_eq!(line_start("a.m. llegan"), "a.m. llegan");
        let texts = ["1.\tuno", "(a)\tuno", "iv)\tcuarto", "1.5 millones"];
        let Some(read) = as_pandoc_reads(&texts) else {
            return;
        };
        assert_eq!(read, ["1. uno", "(a) uno", "iv) cuarto", "1.5 millones"]);
    }

    /// A carriage return, vertical tab, form feed or next-line between two
    /// words was dropped as a control character before it was made a
    /// space, and the words ran together ("uno\rdos" read "unodos").
    #[test]
    fn every_kind_of_line_break_keeps_the_words_apart() {
        assert_eq!(
            one_line("uno\rdos\u{b}tres\u{c}cuatro\u{85}cinco\u{2029}seis\u{1b}"),
            "uno dos tres cuatro cinco seis"
        );
        assert_eq!(inline("a\rb"), "a b");
    }

    /// The same through pandoc, where it is installed: no heading, div,
    /// code, quote or metadata comes from a field, and the words are there.
    #[test]
    fn pandoc_reads_every_field_as_text() {
        let md = markdown(&planted(), Lang::Es, &TimeZone::UTC);
        let Some(doc) = pandoc(&md, "markdown") else {
            return;
        };
        assert_eq!(doc["meta"], serde_json::json!({}), "no metadata");
        let json = doc.to_string();
        for planted in [
            "\"Div\"",
            "\"CodeBlock\"",
            "\"BlockQuote\"",
            "\"RawBlock\"",
            "\"RawInline\"",
            "\"Cite\"",
            "\"Link\"",
            "\"Table\"",
            "\"Code\"",
            "\"Span\"",
        ] {
            assert!(!json.contains(planted), "{planted} in {json}");
        }
        for block in doc["blocks"].as_array().unwrap() {
            if block["t"] == "Header" {
                // No class or style from a title ending in "{.x custom-style=…}".
                assert_eq!(block["c"][1][1], serde_json::json!([]), "{block}");
                assert_eq!(block["c"][1][2], serde_json::json!([]), "{block}");
                let first = &block["c"][2][0]["c"];
                for planted in ["Encabezado", "separador", "retorno", "Texto", "dentro"] {
                    assert_ne!(first, planted, "{block}");
                }
            }
        }
        assert!(json.contains("Encabezado"), "the words are kept");
    }

    proptest::proptest! {
        /// Any text, as a paragraph's start, is one line that starts no
        /// block but a paragraph.
        #[test]
        fn a_field_is_one_line_that_starts_a_paragraph(
            text in "[-#>:=+*|`~<!%() ai1.\n\r\u{2028}\u{85}a-z]{0,24}",
        ) {
            let line = line_start(&text);
            proptest::prop_assert!(!line.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']), "{:?}", line);
            proptest::prop_assert!(!line.starts_with(['-', '#', '>', ':', '=', '+', '*', '|', '`', '~', '<', '%', ' ']), "{:?}", line);
            // "1.", "a)", "(iv)" unescaped would start a list.
            let marker = line.split(' ').next().unwrap_or("");
            let escaped = marker.ends_with("\\.") || marker.ends_with("\\)");
            let unescaped = marker.ends_with(['.', ')']) && !escaped;
            proptest::prop_assert!(
                !unescaped || !is_list_marker(marker.trim_start_matches('(').trim_end_matches(['.', ')'])),
                "{:?}", line
            );
        }
    }

    proptest::proptest! {
        // One pandoc run per case: a few dozen cases, whatever
        // PROPTEST_CASES says.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Any typed text, as a paragraph's start, is one paragraph to
        /// pandoc (where it is installed) that reads as the words typed.
        #[test]
        fn pandoc_reads_any_typed_line_as_its_words(
            texts in proptest::collection::vec(
                "[-#>:=+*|`~<!%()\\[\\]\\\\&@^$_{}\"' .\t\n\r\u{b}\u{c}\u{85}\u{2028}\u{2029}a-zIVX0-9]{0,24}",
                1..40,
            ),
        ) {
            let texts: Vec<&str> = texts
                .iter()
                .map(String::as_str)
                .filter(|t| !typed_words(t).is_empty())
                .collect();
            let Some(read) = as_pandoc_reads(&texts) else {
                return Ok(());
            };
            let typed: Vec<String> = texts.iter().map(|t| typed_words(t)).collect();
            proptest::prop_assert_eq!(read, typed);
        }
    }

    #[test]
    fn the_plan_speaks_english_when_asked() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("sala", Workshop::default_for(Lang::En).unwrap(), now);
        s.add_input(0, "Regional platform".into(), now);
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        let md = markdown(&c, Lang::En, &TimeZone::UTC);
        assert!(md.starts_with("# Draft Regional Work Plan"), "{md}");
        assert!(md.contains("**1.1** Regional platform"), "{md}");
    }
}
