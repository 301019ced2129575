//! The day's planned against actual times, one row per agenda row, for a
//! spreadsheet.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::spreadsheet::write_row;
use crate::i18n::Lang;
use crate::model::schedule::RowState;
use crate::model::session::Session;

/// The CSV text (UTF-8, header first). `now` decides what is still running.
pub fn render(session: &Session, now: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in table(session, now, tz, lang) {
        write_row(&mut out, row);
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 strings")
}

/// The same rows as text, header first, before the CSV's rules: plan.md
/// draws them as a table.
pub fn table(session: &Session, now: Timestamp, tz: &TimeZone, lang: Lang) -> Vec<Vec<String>> {
    let t = lang.t();
    let plan = session.plan(now);
    let time = |ts: Option<Timestamp>| {
        ts.map_or(String::new(), |ts| {
            ts.to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
    };
    let header = [
        t.csv_item,
        t.csv_planned_start,
        t.csv_planned_end,
        t.csv_planned_minutes,
        t.csv_actual_start,
        t.csv_actual_end,
        t.csv_actual_minutes,
        t.csv_difference,
        t.col_state,
    ];
    let mut rows = vec![header.map(str::to_string).to_vec()];
    for row in &plan.rows {
        let planned = row.planned_end.duration_since(row.planned_start).as_mins();
        // Running time, pauses excluded; for the parallel groups, the longest.
        let actual = row
            .timers
            .iter()
            .map(|id| session.timer(id))
            .filter(|timer| timer.has_started())
            .map(|timer| (timer.elapsed_ms(now) / 60_000) as i64)
            .max();
        let state = match row.state {
            RowState::Done => t.state_done,
            RowState::Running => t.state_running.trim_start_matches("▶ "),
            RowState::Paused => t.state_paused.trim_start_matches("⏸ "),
            RowState::Skipped => t.state_skipped,
            RowState::Ahead => t.state_ahead,
        };
        rows.push(vec![
            row.label.clone(),
            time(Some(row.planned_start)),
            time(Some(row.planned_end)),
            planned.to_string(),
            time(row.actual_start),
            time(row.actual_end),
            actual.map_or(String::new(), |m| m.to_string()),
            actual.map_or(String::new(), |m| format!("{:+}", m - planned)),
            state.to_string(),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agenda titles come from the session file: control characters are
    /// dropped, one that looks like a formula is neutralized, while the signed differences stay numbers.
    #[test]
    fn an_agenda_title_reaches_the_spreadsheet_as_plain_text_never_a_formula() {
        let mut session =
            crate::store::parse(include_bytes!("../../sessions/ejemplo-taller-ctim.json")).unwrap();
        session.workshop.opening.items[0].title = "=cmd|' /C calc'!A0".into();
        session.workshop.opening.items[1].title = "Objetivos\u{1b}]0;x\u{7}\u{202E}".into();
        let now: Timestamp = "2018-02-20T16:30:00Z".parse().unwrap();
        let text = render(&session, now, &TimeZone::UTC, Lang::Es);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut rows = reader.records().map(Result::unwrap);
        let first = rows.next().unwrap();
        assert_eq!(&first[0], "'=cmd|' /C calc'!A0");
        assert_eq!(
            &rows.next().unwrap()[0],
            "Objetivos]0;x",
            "controls dropped"
        );
        assert_eq!(&first[7], "+4");
    }

    #[test]
    fn the_example_day_reads_as_planned_against_actual() {
        let session =
            crate::store::parse(include_bytes!("../../sessions/ejemplo-taller-ctim.json")).unwrap();
        let now: Timestamp = "2018-02-20T16:30:00Z".parse().unwrap();
        let text = render(&session, now, &TimeZone::UTC, Lang::Es);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header[0], "punto");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 11);
        let first = &rows[0];
        assert_eq!(&first[0], "Antecedentes regionales");
        assert_eq!(&first[1], "2018-02-20 14:00");
        assert_eq!(&first[3], "20");
        assert_eq!(&first[5], "2018-02-20 14:24");
        assert_eq!(&first[6], "24");
        assert_eq!(&first[7], "+4");
        assert_eq!(&first[8], "hecho");
        let breakout = &rows[4];
        assert_eq!(&breakout[0], "Grupos de trabajo");
        assert_eq!(&breakout[6], "78", "the longest-running group");
        assert_eq!(&breakout[8], "en pausa");
        assert_eq!(&rows[10][8], "pendiente");
    }
}
