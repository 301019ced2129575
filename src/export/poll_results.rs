//! What the phone polls said of each input, in words: one source for
//! plan.md, plan.csv and polls-csv, so the three never disagree.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use uuid::Uuid;

use crate::i18n::Lang;
use crate::model::poll::{Choice, Consent, ConsentCount, Poll, PollKind};
use crate::model::session::Session;

/// Every poll about `input`, oldest first.
pub fn polls_of(session: &Session, input: Uuid) -> impl Iterator<Item = &Poll> {
    session
        .polls
        .iter()
        .map(std::sync::Arc::as_ref)
        .filter(move |p| p.inputs.contains(&input))
}

/// The poll's kind, as a person reads it ("puntos").
pub fn kind(kind: PollKind, lang: Lang) -> &'static str {
    let w = lang.poll_words();
    match kind {
        PollKind::Points { .. } => w.kind_points,
        PollKind::Consent => w.kind_consent,
        PollKind::YesNo => w.kind_yes_no,
    }
}

pub fn consent_level(level: Consent, lang: Lang) -> &'static str {
    let w = lang.poll_words();
    match level {
        Consent::Agree => w.agree,
        Consent::LiveWith => w.live_with,
        Consent::Reserve => w.reserve,
    }
}

pub fn choice(choice: Choice, lang: Lang) -> &'static str {
    let w = lang.poll_words();
    match choice {
        Choice::Yes => w.yes,
        Choice::No => w.no,
        Choice::Abstain => w.abstain,
    }
}

/// The reasons given on one input, each with its level:
/// "reserva: falta presupuesto; reserva: …".
pub fn reasons(count: &ConsentCount, lang: Lang) -> String {
    count
        .reasons
        .iter()
        .map(|(level, reason)| format!("{}: {reason}", consent_level(*level, lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the poll says of `input`: points, consent counts with the reasons
/// given, or yes/no/abstain; nothing yet while the poll is open.
pub fn result(poll: &Poll, input: Uuid, lang: Lang) -> String {
    if poll.is_open() {
        return lang.poll_words().still_open.to_string();
    }
    let t = &poll.tally;
    match poll.kind {
        PollKind::Points { .. } => lang.poll_points(t.points.get(&input).copied().unwrap_or(0)),
        PollKind::Consent => {
            let empty = ConsentCount::default();
            let count = t.consent.get(&input).unwrap_or(&empty);
            let counts = Consent::ALL
                .map(|level| format!("{} {}", consent_level(level, lang), count.of(level)))
                .join(" · ");
            match reasons(count, lang) {
                reasons if reasons.is_empty() => counts,
                reasons => format!("{counts} ({reasons})"),
            }
        }
        PollKind::YesNo => Choice::ALL
            .map(|c| format!("{} {}", choice(c, lang), t.choices.of(c)))
            .join(" · "),
    }
}

/// One line of the plan for `input` in `poll`: "Votación (puntos): 9 de
/// 14 votaron · 12 puntos".
pub fn line(poll: &Poll, input: Uuid, lang: Lang) -> (String, String) {
    let label = format!("{} ({})", lang.poll_words().poll, kind(poll.kind, lang));
    let turnout = lang.poll_turnout(poll.voted.len(), poll.could_vote());
    (label, format!("{turnout} · {}", result(poll, input, lang)))
}

/// A poll's time as the schedule's CSV writes times.
pub fn time(at: Option<Timestamp>, tz: &TimeZone) -> String {
    at.map_or(String::new(), |at| {
        at.to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    })
}
