//! polls-csv and the plan's poll lines, from a session that ran a named
//! points poll, a secret consent poll and an open yes/no poll.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use uuid::Uuid;

use super::render;
use crate::i18n::Lang;
use crate::model::poll::{Answer, Choice, Consent, ConsentAnswer, PollKind};
use crate::model::session::Session;
use crate::model::workshop::Workshop;
use crate::session::{Command, PollEdit, Role, apply};

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
}

pub(crate) struct Ran {
    pub session: Session,
    pub inputs: Vec<Uuid>,
    pub polls: [Uuid; 3],
}

/// Three inputs in group 2 ("2.1", "2.2", "2.3"); a named points poll
/// (Guatemala 3 on 2.1 and 2 on 2.3; México 1 on 2.1), a secret consent
/// poll (Panamá's reservation with a reason that looks like a formula),
/// both closed; a yes/no poll still open with one vote.
pub(crate) fn ran() -> Ran {
    let mut s = Session::new("votos", Workshop::default_for("es").unwrap(), at(0));
    let inputs: Vec<Uuid> = ["uno", "dos", "tres"]
        .map(|t| s.add_input(1, t.into(), at(0)).unwrap())
        .to_vec();
    let cards: BTreeSet<String> = ["Guatemala", "México", "Panamá"].map(String::from).into();
    let polls = [Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4()];
    let mut run = |command: Command, role: &Role, minute| {
        apply(&mut s, &command, role, at(minute)).unwrap();
    };
    let facilitate = Role::Facilitator;
    let open = |id, kind, inputs: &[Uuid], secret| {
        Command::Poll(PollEdit::Open {
            id,
            kind,
            inputs: inputs.to_vec(),
            secret,
            entitled: cards.clone(),
        })
    };
    let ballot = |poll, card: &str, answer| Command::Ballot {
        poll,
        card: card.into(),
        answer,
    };
    run(
        open(polls[0], PollKind::points(), &inputs, false),
        &facilitate,
        1,
    );
    let given = [(inputs[0], 3), (inputs[2], 2)].into();
    run(
        ballot(polls[0], "Guatemala", Answer::Points(given)),
        &Role::Ballot,
        2,
    );
    let given = [(inputs[0], 1)].into();
    run(
        ballot(polls[0], "México", Answer::Points(given)),
        &Role::Ballot,
        2,
    );
    run(
        Command::Poll(PollEdit::Close { id: polls[0] }),
        &facilitate,
        3,
    );
    run(
        Command::Poll(PollEdit::Reveal { id: polls[0] }),
        &facilitate,
        3,
    );
    run(
        open(polls[1], PollKind::Consent, &inputs[1..2], true),
        &facilitate,
        4,
    );
    let reserve = ConsentAnswer {
        level: Consent::Reserve,
        reason: "=HYPERLINK(\"x\")".into(),
    };
    let consent = Answer::Consent([(inputs[1], reserve)].into());
    run(ballot(polls[1], "Panamá", consent), &Role::Ballot, 5);
    run(
        Command::Poll(PollEdit::Close { id: polls[1] }),
        &facilitate,
        6,
    );
    run(
        open(polls[2], PollKind::YesNo, &inputs[2..], false),
        &facilitate,
        7,
    );
    let yes = Answer::Choice(Choice::Yes);
    run(ballot(polls[2], "México", yes), &Role::Ballot, 8);
    Ran {
        session: s,
        inputs,
        polls,
    }
}

fn rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn one_row_per_poll_and_input_with_the_rooms_numbers_and_results() {
    let ran = ran();
    let text = render(&ran.session, &TimeZone::UTC, Lang::Es);
    let rows = rows(&text);
    assert_eq!(
        rows[0][..10],
        [
            "Votación (id)",
            "Tipo de votación",
            "Voto",
            "Abierta",
            "Cerrada",
            "Podían votar",
            "Votaron",
            "número",
            "Texto",
            "Puntos"
        ]
    );
    let id = ran.polls[0].to_string();
    let points: Vec<(&str, &str)> = rows[1..4]
        .iter()
        .map(|r| (r[7].as_str(), r[9].as_str()))
        .collect();
    assert_eq!(points, [("2.1", "4"), ("2.2", "0"), ("2.3", "2")]);
    assert_eq!(
        rows[1][..7],
        [
            &id,
            "puntos",
            "nominal",
            "2027-01-15 08:01",
            "2027-01-15 08:03",
            "3",
            "2"
        ]
    );
    let consent = &rows[4];
    assert_eq!(consent[2], "secreta");
    assert_eq!(consent[7], "2.2");
    assert_eq!(consent[10..13], ["0", "0", "1"]);
    // Starting with its level, the cell is text, never a formula.
    assert_eq!(consent[13], "reserva: =HYPERLINK(\"x\")");
    let open = &rows[5];
    assert_eq!(open[4], "", "not closed");
    assert!(
        open[9..].iter().all(String::is_empty),
        "no result while open: {open:?}"
    );
}

#[test]
fn named_ballots_follow_and_a_secret_polls_never_do() {
    let ran = ran();
    let text = render(&ran.session, &TimeZone::UTC, Lang::Es);
    let rows = rows(&text);
    let blank = rows
        .iter()
        .position(|r| r.iter().all(String::is_empty))
        .unwrap();
    assert_eq!(
        rows[blank + 1],
        [
            "Votación (id)",
            "Tarjeta",
            "número",
            "Voto emitido",
            "Motivo"
        ]
    );
    let ballots: Vec<[&str; 3]> = rows[blank + 2..]
        .iter()
        .map(|r| [r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    assert_eq!(
        ballots,
        [
            ["Guatemala", "2.1", "3 puntos"],
            ["Guatemala", "2.3", "2 puntos"],
            ["México", "2.1", "1 punto"],
            ["México", "2.3", "sí"],
        ]
    );
    assert!(!text.contains("Panamá"), "the secret poll's voter: {text}");
}

#[test]
fn the_plan_says_each_inputs_poll_turnout_and_result() {
    let ran = ran();
    let c = crate::export::consolidate::merge(vec![("votos".into(), ran.session.clone())]).unwrap();
    let md = crate::export::plan::markdown(&c, Lang::Es, &TimeZone::UTC);
    assert!(md.contains("**Votos:** 4"), "points joined the votes: {md}");
    assert!(
        md.contains("**Votación (puntos):** 2 de 3 votaron · 4 puntos"),
        "{md}"
    );
    assert!(
        md.contains(
            "**Votación (consentimiento):** 1 de 3 votaron · de acuerdo 0 · puede vivir con ello 0 · reserva 1 (reserva: =HYPERLINK(\"x\"))"
        ),
        "{md}"
    );
    assert!(
        md.contains("**Votación (sí / no / abstención):** 1 de 3 votaron · votación abierta, sin resultado aún"),
        "{md}"
    );
    let csv = crate::export::plan::csv(&c, Lang::Es);
    let rows = rows(&csv);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let third = rows.iter().find(|r| r[1] == "2.3").unwrap();
    assert_eq!(
        third[col("Tipo de votación")],
        "puntos | sí / no / abstención"
    );
    assert_eq!(third[col("Podían votar")], "3 | 3");
    assert_eq!(third[col("Votaron")], "2 | 1");
    assert_eq!(
        third[col("Resultado")],
        "2 puntos | votación abierta, sin resultado aún"
    );
    let _ = ran.inputs;
}
