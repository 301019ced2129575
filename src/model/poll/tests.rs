//! What a ballot may say, and what the tally keeps.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use uuid::Uuid;

use super::*;

fn cards(labels: &[&str]) -> BTreeSet<CardLabel> {
    labels.iter().map(|l| l.to_string()).collect()
}

fn poll(kind: PollKind, inputs: usize) -> Poll {
    let inputs = (0..inputs).map(|_| Uuid::new_v4()).collect();
    let entitled = cards(&["Guatemala", "México", "Panamá"]);
    Poll::open(
        Uuid::new_v4(),
        kind,
        inputs,
        false,
        entitled,
        Timestamp::UNIX_EPOCH,
    )
}

fn points(poll: &Poll, given: &[u32]) -> Answer {
    Answer::Points(
        poll.inputs
            .iter()
            .copied()
            .zip(given.iter().copied())
            .collect(),
    )
}

fn consent(poll: &Poll, level: Consent, reason: &str) -> Answer {
    let answer = ConsentAnswer {
        level,
        reason: reason.into(),
    };
    Answer::Consent([(poll.inputs[0], answer)].into())
}

fn fault(poll: &Poll, answer: &Answer) -> BallotFault {
    match poll.check("Guatemala", answer) {
        Err(BallotRefused::Invalid(fault)) => fault,
        other => panic!("expected a fault, got {other:?}"),
    }
}

#[test]
fn defaults_are_five_points_at_most_three_on_one_input() {
    assert_eq!(
        PollKind::points(),
        PollKind::Points {
            points: 5,
            max_per_input: 3
        }
    );
}

#[test]
fn points_within_the_budget_and_the_cap_are_kept_without_zeros() {
    let p = poll(PollKind::points(), 3);
    let kept = p.check("México", &points(&p, &[3, 0, 2])).unwrap();
    assert_eq!(
        kept,
        Answer::Points([(p.inputs[0], 3), (p.inputs[2], 2)].into())
    );
}

#[test]
fn points_over_the_budget_over_the_cap_elsewhere_or_none_are_impossible() {
    let p = poll(PollKind::points(), 3);
    assert_eq!(
        fault(&p, &points(&p, &[3, 3, 0])),
        BallotFault::OverBudget {
            given: 6,
            budget: 5
        }
    );
    assert_eq!(
        fault(&p, &points(&p, &[4, 0, 0])),
        BallotFault::OverCap { given: 4, cap: 3 }
    );
    assert_eq!(fault(&p, &points(&p, &[0, 0, 0])), BallotFault::Empty);
    assert_eq!(
        fault(&p, &Answer::Points(BTreeMap::new())),
        BallotFault::Empty
    );
    let elsewhere = Answer::Points([(Uuid::new_v4(), 1)].into());
    assert_eq!(fault(&p, &elsewhere), BallotFault::NotInPoll);
    // Sums that overflow a u32 are still seen as over the budget.
    let huge = poll(
        PollKind::Points {
            points: 5,
            max_per_input: u32::MAX,
        },
        2,
    );
    assert!(matches!(
        fault(&huge, &points(&huge, &[u32::MAX, u32::MAX])),
        BallotFault::OverBudget { .. }
    ));
}

#[test]
fn an_answer_of_another_kind_is_impossible() {
    let p = poll(PollKind::points(), 1);
    assert_eq!(
        fault(&p, &Answer::Choice(Choice::Yes)),
        BallotFault::WrongKind
    );
    let c = poll(PollKind::Consent, 1);
    assert_eq!(fault(&c, &points(&p, &[1])), BallotFault::WrongKind);
    let y = poll(PollKind::YesNo, 1);
    assert_eq!(
        fault(&y, &consent(&c, Consent::Agree, "")),
        BallotFault::WrongKind
    );
    assert!(y.check("Panamá", &Answer::Choice(Choice::Abstain)).is_ok());
}

#[test]
fn consent_reasons_are_trimmed_and_at_most_280_characters() {
    let c = poll(PollKind::Consent, 2);
    let kept = c
        .check(
            "Panamá",
            &consent(&c, Consent::Reserve, "  falta presupuesto \n"),
        )
        .unwrap();
    let Answer::Consent(kept) = kept else {
        panic!("a consent answer")
    };
    assert_eq!(kept[&c.inputs[0]].reason, "falta presupuesto");
    let long = "ñ".repeat(MAX_REASON_CHARS);
    assert!(
        c.check("Panamá", &consent(&c, Consent::Reserve, &long))
            .is_ok()
    );
    let longer = format!("{long}x");
    assert_eq!(
        fault(&c, &consent(&c, Consent::Reserve, &longer)),
        BallotFault::ReasonTooLong { chars: 281 }
    );
    let elsewhere = Answer::Consent(
        [(
            Uuid::new_v4(),
            ConsentAnswer {
                level: Consent::Agree,
                reason: String::new(),
            },
        )]
        .into(),
    );
    assert_eq!(fault(&c, &elsewhere), BallotFault::NotInPoll);
    assert_eq!(
        fault(&c, &Answer::Consent(BTreeMap::new())),
        BallotFault::Empty
    );
}

#[test]
fn a_card_votes_once_while_open_if_entitled_and_not_on_paper() {
    let mut p = poll(PollKind::YesNo, 1);
    let yes = Answer::Choice(Choice::Yes);
    assert_eq!(p.check("Chile", &yes), Err(BallotRefused::NotEntitled));
    let checked = p.check("México", &yes).unwrap();
    p.record("México", checked);
    assert_eq!(p.check("México", &yes), Err(BallotRefused::AlreadyVoted));
    p.paper.insert("Panamá".into());
    assert_eq!(p.check("Panamá", &yes), Err(BallotRefused::OnPaper));
    p.closed_at = Some(Timestamp::UNIX_EPOCH);
    assert_eq!(p.check("Guatemala", &yes), Err(BallotRefused::Closed));
}

#[test]
fn the_tally_adds_every_ballot_and_a_named_poll_keeps_each_by_card() {
    let mut p = poll(PollKind::points(), 2);
    for (card, given) in [
        ("Guatemala", [3, 2]),
        ("México", [1, 0]),
        ("Panamá", [0, 3]),
    ] {
        let checked = p.check(card, &points(&p, &given)).unwrap();
        p.record(card, checked);
    }
    assert_eq!(p.tally.points[&p.inputs[0]], 4);
    assert_eq!(p.tally.points[&p.inputs[1]], 5);
    assert_eq!(p.ballots.len(), 3);
    assert_eq!(p.voted, cards(&["Guatemala", "México", "Panamá"]));
}

#[test]
fn a_secret_poll_keeps_the_tally_and_who_voted_apart_and_reasons_sorted() {
    let mut c = poll(PollKind::Consent, 1);
    c.secret = true;
    for (card, level, reason) in [
        ("Panamá", Consent::Reserve, "zeta"),
        ("Guatemala", Consent::Agree, ""),
        ("México", Consent::Reserve, "alfa"),
    ] {
        let checked = c.check(card, &consent(&c, level, reason)).unwrap();
        c.record(card, checked);
    }
    assert!(c.ballots.is_empty());
    assert_eq!(c.voted.len(), 3);
    let count = &c.tally.consent[&c.inputs[0]];
    assert_eq!((count.agree, count.live_with, count.reserve), (1, 0, 2));
    assert_eq!(
        count.reasons,
        [
            (Consent::Reserve, "alfa".to_string()),
            (Consent::Reserve, "zeta".to_string())
        ]
    );
    let json = serde_json::to_string(&c).unwrap();
    assert!(!json.contains("\"ballots\""), "{json}");
}

#[test]
fn yes_no_counts_each_choice() {
    let mut y = poll(PollKind::YesNo, 1);
    for (card, choice) in [
        ("Guatemala", Choice::Yes),
        ("México", Choice::No),
        ("Panamá", Choice::Yes),
    ] {
        let checked = y.check(card, &Answer::Choice(choice)).unwrap();
        y.record(card, checked);
    }
    let c = y.tally.choices;
    assert_eq!(Choice::ALL.map(|ch| c.of(ch)), [2, 1, 0]);
}

#[test]
fn the_file_names_kinds_and_answers_as_the_web_page_does() {
    let value = serde_json::to_value(Answer::Choice(Choice::Abstain)).unwrap();
    assert_eq!(value, serde_json::json!({"choice": "abstain"}));
    let level = serde_json::to_value(Consent::LiveWith).unwrap();
    assert_eq!(level, "live_with");
    let kind = serde_json::to_value(PollKind::YesNo).unwrap();
    assert_eq!(kind, "yes_no");
}
