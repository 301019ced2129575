use super::*;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

/// A small valid definition, to break one key at a time.
const SMALL: &str = r#"language = "en"
title = "A small workshop"

[opening]
title = "Opening"

[[opening.items]]
title = "Welcome"
minutes = 10

[breakout]
title = "Groups"
minutes = 30

[[groups]]
short = "one"
name = "Group one"

[[groups]]
short = "two"
name = "Group two"

[closing]
title = "Closing"
report_minutes = 5

[closing.final_step]
title = "Wrap up"
minutes = 10
"#;

fn problems(text: &str) -> Vec<Problem> {
    parse(text).expect_err("refused")
}

#[test]
fn the_built_in_workshops_parse_in_every_language() {
    for lang in crate::model::workshop::LANGUAGES {
        for name in Workshop::builtin_names() {
            let text = Workshop::builtin_text(name, lang).unwrap();
            parse(text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        }
    }
    let border = parse(Workshop::builtin_text("border", "en").unwrap()).unwrap();
    assert_eq!(border.breakout.axes.len(), 3);
    assert_eq!(border.opening.items[2].kind, ItemKind::Lunch);
    assert!(border.opening.items[2].body.is_empty());
    assert_eq!(
        border.countries.members,
        ["Costa Rica", "Nicaragua", "Panamá"]
    );
    assert_eq!(border.breakout.axes[0].instructions.len(), 1);
    assert_eq!(border.opening.items[1].thresholds.warning_percent, Some(25));
}

#[test]
fn a_small_definition_gets_ids_numbers_and_the_crm_countries() {
    let w = parse(SMALL).unwrap();
    assert_eq!(w.id, "a-small-workshop");
    assert_eq!(w.opening.items[0].id, "welcome");
    assert_eq!(w.breakout.axes[1].number, 2);
    assert_eq!(w.breakout.axes[1].id, "two");
    assert_eq!(w.countries, Countries::default());
    assert!(w.find_axis("two").is_some());
}

#[test]
fn content_is_paragraphs_and_bullets() {
    let text = "First line\ncontinues.\n\nSecond.\n- a bullet\n- another\n  wrapped\n\nLast.";
    assert_eq!(
        paragraphs(text),
        [
            "First line continues.",
            "Second.",
            "- a bullet",
            "- another wrapped",
            "Last."
        ]
    );
}

#[test]
fn a_missing_title_is_refused_with_line_and_column() {
    let text = SMALL.replace("title = \"A small workshop\"\n", "");
    let p = problems(&text);
    assert_eq!((p[0].line, p[0].column), (1, 1), "{p:?}");
    assert_eq!(p[0].issue, Issue::MissingTitle, "{p:?}");
    // An empty one points to itself.
    let p = problems(&SMALL.replace("\"A small workshop\"", "\"  \""));
    assert_eq!((p[0].line, p[0].column), (2, 9), "{p:?}");
}

#[test]
fn zero_minutes_are_refused_where_they_are_written() {
    let text = SMALL.replace("minutes = 10\n\n[breakout]", "minutes = 0\n\n[breakout]");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].line, p[0].column), (9, 11), "{p:?}");
    assert_eq!(p[0].issue, Issue::ZeroMinutes);
    // More than a week is what a session file would refuse to read.
    let p = problems(&SMALL.replace("minutes = 30", "minutes = 99999"));
    assert_eq!((p[0].line, p[0].column), (13, 11), "{p:?}");
    let p = problems(&SMALL.replace("report_minutes = 5", "report_minutes = 0"));
    assert_eq!((p[0].line, p[0].column), (25, 18), "{p:?}");
}

#[test]
fn duplicate_short_names_are_refused_at_the_second() {
    let text = SMALL.replace("short = \"two\"", "short = \"ONE\"");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].line, p[0].column), (20, 9), "{p:?}");
    assert_eq!(p[0].issue, Issue::DuplicateShort("ONE".into()));
    // Spaces, or only digits (read as a group's number), are refused too.
    assert_eq!(problems(&SMALL.replace("\"two\"", "\"2\"")).len(), 1);
    assert_eq!(problems(&SMALL.replace("\"two\"", "\"tw o\"")).len(), 1);
}

#[test]
fn unknown_keys_are_refused_with_line_and_column() {
    let text = SMALL.replace("name = \"Group two\"", "name = \"Group two\"\nnmae = \"x\"");
    let p = problems(&text);
    assert_eq!((p[0].line, p[0].column), (22, 1), "{p:?}");
    assert_eq!(p[0].issue, Issue::UnknownKey("nmae".into()));
    let p = parse(&format!("colour = 1\n{SMALL}")).unwrap_err();
    assert_eq!((p[0].line, p[0].column), (1, 1), "{p:?}");
    assert_eq!(p[0].issue, Issue::UnknownKey("colour".into()));
}

#[test]
fn several_problems_are_all_reported_in_order() {
    let text = SMALL
        .replace("short = \"two\"", "short = \"one\"")
        .replace("minutes = 30", "minutes = 0");
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].line < p[1].line);
    assert_eq!((p[0].line, p[0].column), (13, 11), "{p:?}");
}

#[test]
fn syntax_errors_point_to_their_place() {
    let p = problems(&SMALL.replace("minutes = 30", "minutes = thirty"));
    assert_eq!(p[0].line, 13, "{p:?}");
}

/// Twelve groups and ten agenda items (two of them breaks): a session
/// starts, the schedule counts every row.
pub(crate) fn large() -> String {
    let mut text = String::from(
        "language = \"es\"\ntitle = \"Taller grande\"\n[opening]\ntitle = \"Apertura\"\n",
    );
    for i in 1..=10 {
        let kind = if i == 4 || i == 8 {
            "kind = \"break\"\n"
        } else {
            ""
        };
        text.push_str(&format!(
            "[[opening.items]]\ntitle = \"Punto {i} con un título bastante largo para la pantalla\"\nminutes = {}\n{kind}content = \"\"\"\nTexto del punto {i}.\n- viñeta\n\"\"\"\n",
            5 + i
        ));
    }
    text.push_str("[breakout]\ntitle = \"Grupos\"\nminutes = 45\n");
    for g in 1..=12 {
        text.push_str(&format!(
            "[[groups]]\nshort = \"g{g}\"\nname = \"Grupo {g}: un eje con nombre largo\"\nexamples = [\"Ejemplo {g}\"]\n"
        ));
    }
    text.push_str("[closing]\ntitle = \"Cierre\"\nreport_minutes = 4\n[closing.final_step]\ntitle = \"Final\"\nminutes = 10\n");
    text
}

#[test]
fn twelve_groups_and_ten_items_make_a_session() {
    let w = parse(&large()).unwrap();
    assert_eq!(w.opening.items.len(), 10);
    assert_eq!(w.breakout.axes.len(), 12);
    let session = Session::new("grande", w, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(session.groups.len(), 12);
    let plan = session.plan(jiff::Timestamp::UNIX_EPOCH);
    // 10 items, the breakout, 12 report-backs, the final step.
    assert_eq!(plan.rows.len(), 24);
    let minutes: i64 = (1..=10).map(|i| 5 + i).sum::<i64>() + 45 + 12 * 4 + 10;
    assert_eq!(plan.planned_end.as_second(), minutes * 60);
    assert!(
        session.workshop.opening.items[3].body.is_empty(),
        "a break has no text"
    );
}

#[test]
fn old_sessions_without_countries_get_the_crm_members() {
    let mut json = serde_json::to_value(Workshop::default_for("es").unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("countries");
    let back: Workshop = serde_json::from_value(json).unwrap();
    assert_eq!(back.countries, Countries::default());
    assert_eq!(back.countries.members.len(), 11);
}

#[test]
fn short_names_that_are_role_names_are_refused_with_line_and_column() {
    // The issue's case: group one called after group two's way in.
    for role in [
        "grupo2",
        "Grupo2",
        "group7",
        "grupo10",
        "sala",
        "ROOM",
        "lectura",
        "reader",
        "facilitador",
        "facilitator",
    ] {
        let p = problems(&SMALL.replace("short = \"one\"", &format!("short = \"{role}\"")));
        assert_eq!(p.len(), 1, "{role}: {p:?}");
        assert_eq!((p[0].line, p[0].column), (16, 9), "{role}: {p:?}");
        assert_eq!(p[0].issue, Issue::RoleShort(role.into()), "{role}");
    }
    // A word that only begins like one is a name like any other.
    let fine = parse(&SMALL.replace("\"one\"", "\"grupos-de-datos\"")).unwrap();
    assert_eq!(fine.breakout.axes[0].id, "grupos-de-datos");
    assert!(parse(&SMALL.replace("\"one\"", "\"salas\"")).is_ok());
    assert!(parse(&SMALL.replace("\"one\"", "\"grupo\"")).is_ok());
}

#[test]
fn short_names_that_only_look_like_another_are_refused() {
    // Cyrillic "о", fullwidth letters, a no-break space, an accent: each
    // looks like (or could be typed as) another word, so none is one word.
    for short in [
        "\u{43e}ne",
        "ｏｎｅ",
        "tw\u{a0}o",
        "dat\u{e9}",
        "-x",
        "x-",
        "3-4",
    ] {
        let p = problems(&SMALL.replace("short = \"two\"", &format!("short = \"{short}\"")));
        assert_eq!(p.len(), 1, "{short}: {p:?}");
        assert_eq!((p[0].line, p[0].column), (20, 9), "{short}: {p:?}");
        assert_eq!(p[0].issue, Issue::BadShort(short.into()), "{short}");
    }
    // A Kelvin sign is a K after NFC: the same name as "kone", so the second.
    let text = SMALL
        .replace("short = \"one\"", "short = \"kone\"")
        .replace("short = \"two\"", "short = \"\u{212a}ONE\"");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].line, p[0].column), (20, 9), "{p:?}");
    assert_eq!(p[0].issue, Issue::DuplicateShort("KONE".into()));
    // Dashes and digits inside a word are fine, kept as written.
    let fine = parse(&SMALL.replace("\"two\"", "\"Eje-2\"")).unwrap();
    assert_eq!(fine.breakout.axes[1].id, "Eje-2");
}

#[test]
fn the_first_byte_that_is_not_utf8_is_placed() {
    assert_eq!(utf8_problem(SMALL.as_bytes()), None);
    let mut bytes = b"language = \"es\"\ntitle = \"Caf".to_vec();
    bytes.push(0xe9); // Latin-1's é
    bytes.extend_from_slice(b"\"\n");
    let p = utf8_problem(&bytes).unwrap();
    assert_eq!((p.line, p.column, p.issue), (2, 13, Issue::NotUtf8));
    // Columns count characters, not bytes.
    let p = utf8_problem(b"t = \"\xc3\xb1\xff\"").unwrap();
    assert_eq!((p.line, p.column), (1, 7));
}
