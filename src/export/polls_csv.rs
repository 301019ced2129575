//! `polls-csv`: the audit of the phone polls, for a spreadsheet. One row
//! per poll and input (its kind, whether secret, when it opened and
//! closed, how many could vote and did, the input's number as the room
//! heard it, the result); then, for named polls only, each card's ballot,
//! one row per card and input. A secret poll has no second part: nothing
//! in the session could fill it.

use jiff::tz::TimeZone;

use super::poll_results::{choice, consent_level, kind, time};
use super::spreadsheet::write_row;
use crate::i18n::Lang;
use crate::model::poll::{Answer, Choice, Consent, Poll, PollKind};
use crate::model::session::Session;

/// The CSV text (UTF-8, header first).
pub fn render(session: &Session, tz: &TimeZone, lang: Lang) -> String {
    let t = lang.t();
    let w = lang.poll_words();
    let numbers = session.input_numbers();
    let texts: std::collections::HashMap<_, _> = session
        .groups
        .iter()
        .flat_map(|g| g.inputs.iter().map(|i| (i.id, i.text.as_str())))
        .collect();
    // Two parts of different widths, as a spreadsheet reads them.
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut header = vec![
        w.col_poll,
        w.col_kind,
        w.col_ballot,
        w.col_opened,
        w.col_closed,
        w.col_entitled,
        w.col_voted,
        lang.plan_words().number,
        t.field_text,
        w.col_points,
    ];
    header.extend(Consent::ALL.map(|level| consent_level(level, lang)));
    header.push(w.col_reasons);
    header.extend(Choice::ALL.map(|c| choice(c, lang)));
    write_row(&mut out, header);
    for poll in &session.polls {
        for input in &poll.inputs {
            let mut row = vec![
                poll.id.to_string(),
                kind(poll.kind, lang).to_string(),
                if poll.secret { w.secret } else { w.named }.to_string(),
                time(Some(poll.opened_at), tz),
                time(poll.closed_at, tz),
                poll.could_vote().to_string(),
                poll.voted.len().to_string(),
                numbers.get(input).cloned().unwrap_or_default(),
                texts.get(input).copied().unwrap_or_default().to_string(),
            ];
            row.extend(result_cells(poll, *input, lang));
            write_row(&mut out, row);
        }
    }
    let named: Vec<&Poll> = session
        .polls
        .iter()
        .map(std::sync::Arc::as_ref)
        .filter(|p| !p.secret && !p.ballots.is_empty())
        .collect();
    if !named.is_empty() {
        write_row(&mut out, [""]);
        let header = [
            w.col_poll,
            w.col_card,
            lang.plan_words().number,
            w.col_answer,
            w.col_reason,
        ];
        write_row(&mut out, header);
    }
    for poll in named {
        let number = |input| numbers.get(input).cloned().unwrap_or_default();
        for (card, answer) in &poll.ballots {
            // In the room's order of the poll's inputs.
            let rows: Vec<[String; 3]> = match answer {
                Answer::Points(points) => poll
                    .inputs
                    .iter()
                    .filter_map(|i| points.get(i).map(|n| (i, n)))
                    .map(|(i, n)| [number(i), lang.poll_points(*n), String::new()])
                    .collect(),
                Answer::Consent(answers) => poll
                    .inputs
                    .iter()
                    .filter_map(|i| answers.get(i).map(|a| (i, a)))
                    .map(|(i, a)| {
                        let level = consent_level(a.level, lang).to_string();
                        [number(i), level, a.reason.clone()]
                    })
                    .collect(),
                Answer::Choice(c) => poll
                    .inputs
                    .iter()
                    .map(|i| [number(i), choice(*c, lang).to_string(), String::new()])
                    .collect(),
            };
            for [number, said, reason] in rows {
                let row = [poll.id.to_string(), card.clone(), number, said, reason];
                write_row(&mut out, row);
            }
        }
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 strings")
}

/// The result columns of one poll and input: points; agree, live with,
/// reserve and the reasons; yes, no, abstain. Only the poll's kind's are
/// filled, and none while it is open.
fn result_cells(poll: &Poll, input: uuid::Uuid, lang: Lang) -> Vec<String> {
    let mut cells = vec![String::new(); 8];
    if poll.is_open() {
        return cells;
    }
    let tally = &poll.tally;
    match poll.kind {
        PollKind::Points { .. } => {
            cells[0] = tally.points.get(&input).copied().unwrap_or(0).to_string();
        }
        PollKind::Consent => {
            let count = tally.consent.get(&input).cloned().unwrap_or_default();
            for (n, level) in Consent::ALL.into_iter().enumerate() {
                cells[1 + n] = count.of(level).to_string();
            }
            cells[4] = super::poll_results::reasons(&count, lang);
        }
        PollKind::YesNo => {
            for (n, c) in Choice::ALL.into_iter().enumerate() {
                cells[5 + n] = tally.choices.of(c).to_string();
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests;
