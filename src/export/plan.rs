//! The draft Regional Work Plan from a consolidation: `plan.md` (converts
//! cleanly to .docx with pandoc: headings, pipe tables, lists) and
//! `plan.csv` (one row per input, every field).

use std::fmt::Write;

use jiff::tz::TimeZone;

use super::spreadsheet::write_row;
use crate::consolidate::Consolidation;
use crate::i18n::Lang;
use crate::model::input::{ActionFields, Kind, Status};
use crate::model::session::Input;

/// A table cell: pipes and line breaks would break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// plan.md, without control or bidi characters (`crate::text::strip`): the
/// document is read in editors and terminals, and pandoc carries them on.
pub fn markdown(c: &Consolidation, lang: Lang, tz: &TimeZone) -> String {
    crate::text::strip(&markdown_of(c, lang, tz)).into_owned()
}

fn markdown_of(c: &Consolidation, lang: Lang, tz: &TimeZone) -> String {
    let t = lang.t();
    let s = &c.session;
    let w = &s.workshop;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", t.plan_title);
    let _ = writeln!(md, "*{}*\n", w.title);
    let _ = writeln!(md, "## {}\n", t.plan_context);
    let _ = writeln!(md, "{}\n", w.final_product);
    for principle in &w.principles {
        let _ = writeln!(md, "- {principle}");
    }
    let _ = writeln!(md);
    if let Some(method) = w.opening.items.iter().find(|i| i.id == "metodologia") {
        let _ = writeln!(md, "## {}\n", method.title);
        for paragraph in &method.body {
            match paragraph.strip_prefix("- ") {
                // "- 1. …" is a numbered step: a numbered list, not a bullet holding one.
                Some(bullet)
                    if bullet
                        .split_once(". ")
                        .is_some_and(|(n, _)| n.parse::<u32>().is_ok()) =>
                {
                    let _ = writeln!(md, "{bullet}");
                }
                Some(bullet) => {
                    let _ = writeln!(md, "- {bullet}");
                }
                None => {
                    let _ = writeln!(md, "\n{paragraph}\n");
                }
            }
        }
        let _ = writeln!(md);
    }
    for (g, group) in s.groups.iter().enumerate() {
        let _ = writeln!(md, "## {}\n", s.group_title(g));
        let of_kind = |kind: Kind| {
            group
                .inputs
                .iter()
                .map(|i| &**i)
                .filter(move |i| i.kind == kind)
        };
        // Agreed actions first, then those the plenary has not decided on,
        // each table by votes; actions to revise are listed with the
        // observations; dropped ones stay out of the plan (plan.csv has them).
        let with_status = |status: Option<Status>| {
            let mut actions: Vec<&Input> = of_kind(Kind::Action)
                .filter(|i| i.plenary.status == status)
                .collect();
            actions.sort_by_key(|i| std::cmp::Reverse(i.plenary.votes));
            actions
        };
        for (status, heading) in [
            (Some(Status::Agreed), t.plan_agreed),
            (None, t.plan_actions),
        ] {
            let actions = with_status(status);
            if actions.is_empty() {
                continue;
            }
            let _ = writeln!(md, "### {heading}\n");
            action_table(&mut md, c, &actions, lang);
        }
        let revise = with_status(Some(Status::ToRevise));
        if !revise.is_empty() {
            let _ = writeln!(md, "### {}\n", t.plan_to_revise);
            for input in revise {
                let observations = &input.plenary.observations;
                let note = if observations.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", observations.replace('\n', " "))
                };
                bullet(&mut md, c, input, &note, lang);
            }
            let _ = writeln!(md);
        }
        for (kind, heading) in [
            (Kind::Agreement, t.plan_agreements),
            (Kind::OpenQuestion, t.plan_questions),
            (Kind::ParkingLot, t.plan_parking),
        ] {
            let items: Vec<&Input> = of_kind(kind).collect();
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(md, "### {heading}\n");
            for input in items {
                bullet(&mut md, c, input, "", lang);
            }
            let _ = writeln!(md);
        }
    }
    let _ = writeln!(md, "## {}\n", t.plan_annex);
    for (g, group) in s.groups.iter().enumerate() {
        let _ = writeln!(md, "### {}\n", s.group_title(g));
        let _ = writeln!(md, "- {}: {}", t.facilitator, group.facilitator);
        let _ = writeln!(md, "- {}: {}", t.rapporteur, group.rapporteur);
        for p in &group.participants {
            let _ = writeln!(md, "- {}", p.describe());
        }
        let _ = writeln!(md);
    }
    // The schedule's rows as text, not its CSV: the quote that keeps a
    // spreadsheet from running a title has no place in a document.
    let table = crate::export::schedule_csv::table(s, s.updated_at, tz, lang);
    let mut rows = table.iter();
    if let Some(header) = rows.next() {
        let _ = writeln!(md, "### {}\n", t.schedule_title);
        let _ = writeln!(md, "| {} |", header.join(" | "));
        let _ = writeln!(md, "|{}", "---|".repeat(header.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|text| cell(text)).collect();
            let _ = writeln!(md, "| {} |", cells.join(" | "));
        }
    }
    md
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

/// An action's fields as text, empty where not set; the table and the CSV
/// share them so the two files never disagree.
fn action_values(a: &ActionFields, lang: Lang) -> [String; 7] {
    [
        a.scope.map_or(String::new(), |x| x.label(lang).to_string()),
        a.countries.join(", "),
        a.lead.clone(),
        a.partners.clone(),
        a.timeframe
            .as_ref()
            .map_or(String::new(), |x| x.label(lang)),
        a.indicator.clone(),
        a.priority
            .map_or(String::new(), |x| x.label(lang).to_string()),
    ]
}

/// The plan's table of actions: every field, and the room's votes.
fn action_table(md: &mut String, c: &Consolidation, actions: &[&Input], lang: Lang) {
    let t = lang.t();
    let mut header = vec![t.field_text];
    header.extend(action_names(lang));
    header.push(t.field_votes);
    let _ = writeln!(md, "| {} |", header.join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(header.len()));
    for input in actions {
        let mut row = vec![format!(
            "{}{}",
            cell(&input.text),
            duplicate_note(c, input, lang)
        )];
        row.extend(action_values(&input.action, lang).iter().map(|v| cell(v)));
        row.push(input.plenary.votes.to_string());
        let _ = writeln!(md, "| {} |", row.join(" | "));
    }
    let _ = writeln!(md);
}

/// One input as a list item on one line: its text, `note`, and its possible duplicate.
fn bullet(md: &mut String, c: &Consolidation, input: &Input, note: &str, lang: Lang) {
    let _ = writeln!(
        md,
        "- {}{note}{}",
        input.text.replace('\n', " "),
        duplicate_note(c, input, lang)
    );
}

fn duplicate_note(c: &Consolidation, input: &Input, lang: Lang) -> String {
    let Some(place) = c.duplicates.get(&input.id) else {
        return String::new();
    };
    let s = &c.session;
    // Its opening words, not its number: the plan's tables are sorted by
    // votes and split by status, so a number would point nowhere.
    let other = s
        .input(place.group, place.id)
        .map_or(String::new(), |i| opening_words(&i.text));
    // With the other's origin, so the organizer can find it in its file.
    let origin = c
        .origins
        .get(&place.id)
        .map_or(String::new(), |o| format!(", {}", o.file));
    format!(
        " *({}{origin})*",
        // Inside the note's italics, a typed * or _ would end them early.
        lang.similar_in_plan(
            &cell(
                &other
                    .replace('\\', "\\\\")
                    .replace('*', "\\*")
                    .replace('_', "\\_")
            ),
            s.group_title(place.group)
        )
    )
}

/// The first words of a text, enough to recognise it: "Crear una plataforma regional…".
fn opening_words(text: &str) -> String {
    const WORDS: usize = 6;
    let mut words = text.split_whitespace();
    let opening: Vec<&str> = words.by_ref().take(WORDS).collect();
    let more = if words.next().is_some() { "…" } else { "" };
    format!("{}{more}", opening.join(" "))
}

/// One row per input, every field, where it came from and its possible duplicate.
pub fn csv(c: &Consolidation, lang: Lang) -> String {
    let t = lang.t();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![t.csv_axis, t.field_kind, t.field_text];
    header.extend(action_names(lang));
    header.extend([
        t.field_status,
        t.field_observations,
        t.field_votes,
        t.csv_origin,
        t.csv_duplicate_of,
        "id",
    ]);
    write_row(&mut out, header);
    for (g, group) in c.session.groups.iter().enumerate() {
        for input in &group.inputs {
            let origin = c
                .origins
                .get(&input.id)
                .map_or(String::new(), |o| o.file.clone());
            let duplicate = c
                .duplicates
                .get(&input.id)
                .map_or(String::new(), |p| p.id.to_string());
            let mut row = vec![
                c.session.group_title(g).to_string(),
                input.kind.label(lang).to_string(),
                input.text.clone(),
            ];
            row.extend(action_values(&input.action, lang));
            row.extend([
                input
                    .plenary
                    .status
                    .map_or(String::new(), |x| x.label(lang).to_string()),
                input.plenary.observations.clone(),
                input.plenary.votes.to_string(),
                origin,
                duplicate,
                input.id.to_string(),
            ]);
            write_row(&mut out, row);
        }
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 strings")
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
            crate::consolidate::merge(vec![("ejemplo-taller-ctim.json".into(), example)]).unwrap();
        insta::assert_snapshot!("plan_md", markdown(&c, Lang::Es, &TimeZone::UTC));
        insta::assert_snapshot!("plan_csv", csv(&c, Lang::Es));
    }
    use crate::consolidate::merge;
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    #[test]
    fn a_possible_duplicate_is_named_by_its_opening_words_and_file() {
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
        let c = merge(vec![("sala-1.json".into(), a), ("sala-3.json".into(), b)]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        assert!(
            md.contains(
                "posible duplicado de «crear una \\*plataforma\\* regional para el…», de «"
            ),
            "{md}"
        );
        assert!(md.contains(", sala-3.json)*"), "{md}");
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
        s.groups[0].facilitator = hostile.into();
        let id = s.add_input(0, format!("línea\n{hostile}"), now).unwrap();
        let input = s.groups[0]
            .inputs
            .iter_mut()
            .find(|i| i.id == id)
            .map(std::sync::Arc::make_mut)
            .unwrap();
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
                text.contains("a]52;c;aGk=bcdef"),
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
        assert!(md.contains("\n| -5 % de demoras |"), "{md}");
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
        let input = s.groups[0]
            .inputs
            .iter_mut()
            .find(|i| i.id == id)
            .map(std::sync::Arc::make_mut)
            .unwrap();
        input.action.lead = "@SUM(A1)".into();
        input.action.partners = "+1+1".into();
        input.action.indicator = "-2+3".into();
        input.plenary.observations = "\t=1".into();
        let c = merge(vec![("sala.json".into(), s)]).unwrap();
        let text = csv(&c, Lang::Es);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "'=HYPERLINK(\"http://x\",\"clic\")");
        assert_eq!(&row[5], "'@SUM(A1)");
        assert_eq!(&row[6], "'+1+1");
        assert_eq!(&row[8], "'-2+3");
        assert_eq!(&row[11], "'\t=1");
        assert_eq!(&row[12], "0", "a number stays a number");
    }

    #[test]
    fn agreed_actions_lead_by_votes_revised_ones_carry_observations_dropped_ones_stay_out() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("plenaria", Workshop::default_for(Lang::Es).unwrap(), now);
        for (text, status, votes) in [
            ("Acción con pocos votos", Some(Status::Agreed), 2),
            ("Acción más votada", Some(Status::Agreed), 9),
            ("Acción a revisar", Some(Status::ToRevise), 0),
            ("Acción descartada", Some(Status::Dropped), 0),
            ("Acción sin decidir", None, 0),
        ] {
            let id = s.add_input(0, text.into(), now).unwrap();
            let input = s.groups[0]
                .inputs
                .iter_mut()
                .find(|i| i.id == id)
                .map(std::sync::Arc::make_mut)
                .unwrap();
            input.plenary.status = status;
            input.plenary.votes = votes;
            if status == Some(Status::ToRevise) {
                input.plenary.observations = "precisar los países".into();
            }
        }
        let c = merge(vec![("plenaria.json".into(), s)]).unwrap();
        let md = markdown(&c, Lang::Es, &TimeZone::UTC);
        let agreed = md
            .find("### Acciones consensuadas")
            .expect("an agreed table");
        let most = md.find("| Acción más votada").unwrap();
        let few = md.find("| Acción con pocos votos").unwrap();
        assert!(agreed < most && most < few, "by votes:\n{md}");
        assert!(
            md.contains("- Acción a revisar — precisar los países"),
            "{md}"
        );
        assert!(
            md.contains("### Acciones propuestas (sin decisión de la plenaria)"),
            "{md}"
        );
        assert!(!md.contains("Acción descartada"), "{md}");
        assert!(
            csv(&c, Lang::Es).contains("Acción descartada"),
            "the CSV keeps everything"
        );
    }
}
