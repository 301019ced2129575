//! The printable agenda (`taller export NAME --format agenda-md`): the day's
//! rows with their planned times, breaks included, then what each group is
//! asked; Markdown that pandoc turns into a document, like the plan.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::plan::{inline as escape_md, line_start};
use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::workshop::ItemKind;

/// A paragraph of the definition: a bullet ("- ") stays one.
fn paragraph(text: &str) -> String {
    match text.strip_prefix("- ") {
        Some(rest) => format!("- {}\n", escape_md(rest)),
        None => format!("{}\n\n", line_start(text)),
    }
}

/// The Markdown text. Times run from the session's planned start (or, not
/// set, from when its first clock started, or from `now`).
pub fn render(session: &Session, now: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let w = &session.workshop;
    let plan = session.plan(now);
    let clock = |ts: Timestamp| ts.to_zoned(tz.clone()).strftime("%H:%M").to_string();
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape_md(&w.title)));
    for line in [&w.convener, &w.when_where] {
        if !line.trim().is_empty() {
            out.push_str(&format!("{}\n\n", line_start(line)));
        }
    }
    if !w.final_product.trim().is_empty() {
        out.push_str(&format!(
            "**{}:** {}\n\n",
            lang.agenda_final_product(),
            escape_md(&w.final_product)
        ));
    }
    out.push_str(&format!("## {}\n\n", lang.agenda_heading()));
    if let Some(first) = plan.rows.first() {
        let day = first
            .planned_start
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string();
        out.push_str(&format!("{}\n\n", lang.agenda_planned_from(&day)));
    }
    let [time, item, minutes] = lang.agenda_columns();
    out.push_str(&format!("| {time} | {item} | {minutes} |\n|---|---|--:|\n"));
    for row in &plan.rows {
        let planned = row.planned_end.duration_since(row.planned_start).as_mins();
        let pause = match row.timers.first() {
            Some(TimerId::Opening(id)) => w
                .opening
                .items
                .iter()
                .find(|i| i.id == *id)
                .map(|item| item.kind),
            _ => None,
        }
        .filter(|kind| !kind.is_item());
        // A break stands out on paper as on the screen.
        let label = match pause {
            Some(kind) => format!(
                "*{}* ({})",
                escape_md(&row.label),
                lang.break_text(kind == ItemKind::Lunch)
                    .trim_end_matches('.')
            ),
            None => escape_md(&row.label),
        };
        out.push_str(&format!(
            "| {}–{} | {label} | {planned} |\n",
            clock(row.planned_start),
            clock(row.planned_end),
        ));
    }
    out.push('\n');
    if !w.principles.is_empty() {
        out.push_str(&format!("## {}\n\n", lang.agenda_principles()));
        for principle in &w.principles {
            out.push_str(&format!("- {}\n", escape_md(principle)));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", lang.agenda_groups_heading()));
    for text in &w.breakout.instructions {
        out.push_str(&paragraph(text));
    }
    for axis in &w.breakout.axes {
        out.push_str(&format!(
            "### {}. {}\n\n",
            axis.number,
            escape_md(&axis.title)
        ));
        for text in &axis.instructions {
            out.push_str(&paragraph(text));
        }
        if !axis.examples.is_empty() {
            out.push_str(&format!("{}:\n\n", lang.agenda_examples()));
            for example in &axis.examples {
                out.push_str(&format!("- {}\n", escape_md(example)));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;

    #[test]
    fn the_agenda_runs_from_the_planned_start_with_the_lunch_break() {
        let text = Workshop::builtin_text("border", Lang::En).unwrap();
        let workshop = crate::model::definition::parse(text).unwrap();
        let start = Timestamp::from_second(1_700_000_000).unwrap(); // 22:13 UTC
        let mut session = Session::new("day", workshop, start);
        session.schedule.planned_start = Some("2026-12-01T09:00:00Z".parse().unwrap());
        let text = render(&session, start, &TimeZone::UTC, Lang::En);
        assert!(text.starts_with("# Workshop on inter-agency"), "{text}");
        assert!(
            text.contains("| 09:00–09:15 | Welcome and objectives | 15 |"),
            "{text}"
        );
        assert!(
            text.contains("| 09:35–10:20 | *Lunch* (Lunch) | 45 |"),
            "{text}"
        );
        assert!(
            text.contains("| 10:20–11:20 | Working groups | 60 |"),
            "{text}"
        );
        assert!(
            text.contains("### 3. Protection of people in transit"),
            "{text}"
        );
        assert!(
            text.contains("- Referral of unaccompanied children"),
            "{text}"
        );
    }

    #[test]
    fn the_default_workshop_prints_in_spanish() {
        let session = Session::new(
            "sala",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        let text = render(&session, Timestamp::UNIX_EPOCH, &TimeZone::UTC, Lang::Es);
        assert!(text.contains("| Hora | Punto | Minutos |"), "{text}");
        assert!(text.contains("Soluciones Migratorias"), "{text}");
    }
}
