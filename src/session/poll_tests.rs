//! Polls on a live host: the facilitator's edits, the cards' ballots, who
//! may send which, and what the audit log keeps.

use std::collections::BTreeSet;
use std::sync::Arc;

use uuid::Uuid;

use super::test_support::{add, at};
use super::*;
use crate::model::poll::PollRefused;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

pub(super) const CARDS: [&str; 4] = ["Guatemala", "México", "Panamá", "Costa Rica"];

pub(super) fn cards() -> BTreeSet<CardLabel> {
    CARDS.iter().map(|c| c.to_string()).collect()
}

/// A host with three inputs in the first group, and their ids.
pub(super) fn host_with_inputs() -> (Host, Vec<Uuid>) {
    let session = Session::new("votos", Workshop::default_for("es").unwrap(), at(0));
    let mut host = Host::new(
        "votos.json".into(),
        session,
        None,
        Box::new(Recorder::default()),
        at(0),
    );
    let me = host.join();
    let ids = ["uno", "dos", "tres"]
        .map(|text| add(&mut host, me, &Role::Facilitator, 0, text))
        .to_vec();
    (host, ids)
}

fn open(host: &mut Host, kind: PollKind, inputs: &[Uuid], secret: bool) -> Result<Uuid, Refused> {
    let id = Uuid::new_v4();
    let edit = PollEdit::Open {
        id,
        kind,
        inputs: inputs.to_vec(),
        secret,
        entitled: cards(),
    };
    facilitate(host, edit, 2)?;
    Ok(id)
}

fn facilitate(host: &mut Host, edit: PollEdit, minute: i64) -> Result<Applied, Refused> {
    host.submit(0, &Role::Facilitator, Command::Poll(edit), at(minute))
}

fn vote(host: &mut Host, poll: Uuid, card: &str, answer: Answer) -> Result<Applied, Refused> {
    let ballot = Command::Ballot {
        poll,
        card: card.into(),
        answer,
    };
    host.submit(0, &Role::Ballot, ballot, at(3))
}

fn points(given: &[(Uuid, u32)]) -> Answer {
    Answer::Points(given.iter().copied().collect())
}

fn poll(host: &Host, id: Uuid) -> Poll {
    host.session()
        .polls
        .iter()
        .find(|p| p.id == id)
        .map(|p| Poll::clone(p))
        .unwrap()
}

fn log(host: &Host) -> Vec<PollEventKind> {
    host.session()
        .poll_log
        .iter()
        .map(|e| e.what.clone())
        .collect()
}

#[test]
fn revealed_points_add_to_the_votes_typed_by_hand_and_rank() {
    let (mut host, ids) = host_with_inputs();
    let typed = InputPatch {
        votes: Some(2),
        ..InputPatch::default()
    };
    let patch = Command::PatchInput {
        id: ids[0],
        patch: typed,
    };
    host.submit(0, &Role::Facilitator, patch, at(1)).unwrap();
    let id = open(&mut host, PollKind::points(), &ids, false).unwrap();
    vote(
        &mut host,
        id,
        "Guatemala",
        points(&[(ids[0], 3), (ids[2], 2)]),
    )
    .unwrap();
    vote(&mut host, id, "México", points(&[(ids[2], 3), (ids[1], 1)])).unwrap();
    assert_eq!(
        facilitate(&mut host, PollEdit::Reveal { id }, 4),
        Err(Refused::Poll(PollRefused::StillOpen)),
        "the count stays hidden while the poll is open"
    );
    assert_eq!(host.session().groups[0].inputs[2].plenary.votes, 0);
    facilitate(&mut host, PollEdit::Close { id }, 5).unwrap();
    facilitate(&mut host, PollEdit::Reveal { id }, 6).unwrap();
    let inputs = &host.session().groups[0].inputs;
    let votes: Vec<u32> = inputs.iter().map(|i| i.plenary.votes).collect();
    assert_eq!(votes, [5, 1, 5], "2 typed + 3 points; 1; 5");
    assert_eq!(inputs[1].plenary.updated_at, Some(at(6)));
    let ranked = host.session().ranking_across_axes();
    assert_eq!(ranked[0].input.plenary.votes, 5);
    assert_eq!(ranked.len(), 3);
    // Revealed twice adds nothing twice.
    let again = facilitate(&mut host, PollEdit::Reveal { id }, 7).unwrap();
    assert!(!again.changed);
    assert_eq!(host.session().groups[0].inputs[0].plenary.votes, 5);
    assert_eq!(
        log(&host),
        [
            PollEventKind::Opened,
            PollEventKind::Closed,
            PollEventKind::Revealed
        ]
    );
}

#[test]
fn a_consent_or_yes_no_reveal_leaves_the_votes_alone() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::YesNo, &ids[..1], false).unwrap();
    vote(&mut host, id, "Panamá", Answer::Choice(Choice::Yes)).unwrap();
    facilitate(&mut host, PollEdit::Close { id }, 4).unwrap();
    facilitate(&mut host, PollEdit::Reveal { id }, 5).unwrap();
    assert_eq!(host.session().groups[0].inputs[0].plenary.votes, 0);
    assert_eq!(poll(&host, id).tally.choices.yes, 1);
}

#[test]
fn one_poll_is_open_at_a_time_and_each_is_a_possible_one() {
    let (mut host, ids) = host_with_inputs();
    let first = open(&mut host, PollKind::Consent, &ids, true).unwrap();
    assert_eq!(
        open(&mut host, PollKind::points(), &ids, false),
        Err(Refused::Poll(PollRefused::AnotherOpen))
    );
    facilitate(&mut host, PollEdit::Close { id: first }, 3).unwrap();
    assert_eq!(
        facilitate(&mut host, PollEdit::Close { id: first }, 3),
        Err(Refused::Poll(PollRefused::AlreadyClosed))
    );
    let refused = |host: &mut Host, kind, inputs: &[Uuid], entitled: BTreeSet<CardLabel>| {
        let edit = PollEdit::Open {
            id: Uuid::new_v4(),
            kind,
            inputs: inputs.to_vec(),
            secret: false,
            entitled,
        };
        match facilitate(host, edit, 4) {
            Err(Refused::Poll(why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    let no_points = PollKind::Points {
        points: 0,
        max_per_input: 3,
    };
    assert_eq!(
        refused(&mut host, PollKind::YesNo, &ids, cards()),
        PollRefused::OneInputOnly
    );
    assert_eq!(
        refused(&mut host, PollKind::Consent, &[], cards()),
        PollRefused::NoInputs
    );
    assert_eq!(
        refused(&mut host, PollKind::Consent, &[Uuid::new_v4()], cards()),
        PollRefused::NoInputs
    );
    assert_eq!(
        refused(&mut host, no_points, &ids, cards()),
        PollRefused::NoPoints
    );
    assert_eq!(
        refused(&mut host, PollKind::Consent, &ids, BTreeSet::new()),
        PollRefused::NoCards
    );
    let edit = PollEdit::Open {
        id: first,
        kind: PollKind::Consent,
        inputs: ids.clone(),
        secret: false,
        entitled: cards(),
    };
    assert_eq!(
        facilitate(&mut host, edit, 4),
        Err(Refused::Poll(PollRefused::TakenId))
    );
    // Each input once, in the order given.
    let twice = [ids[2], ids[0], ids[2]];
    let second = open(&mut host, PollKind::points(), &twice, false).unwrap();
    assert_eq!(poll(&host, second).inputs, [ids[2], ids[0]]);
    assert_eq!(host.session().open_poll().map(|p| p.id), Some(second));
    assert!(
        facilitate(&mut host, PollEdit::Reveal { id: Uuid::new_v4() }, 5)
            == Err(Refused::Poll(PollRefused::NoSuchPoll))
    );
}

#[test]
fn refused_attempts_are_logged_once_and_saved_impossible_ballots_are_not() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::points(), &ids, false).unwrap();
    let one = || points(&[(ids[0], 1)]);
    vote(&mut host, id, "México", one()).unwrap();
    facilitate(
        &mut host,
        PollEdit::Paper {
            id,
            card: "Panamá".into(),
        },
        3,
    )
    .unwrap();
    let revision = host.revision();
    let refusals = [
        ("México", BallotRefused::AlreadyVoted),
        ("Panamá", BallotRefused::OnPaper),
        ("Chile", BallotRefused::NotEntitled),
    ];
    for (card, why) in refusals {
        assert_eq!(vote(&mut host, id, card, one()), Err(Refused::Ballot(why)));
    }
    assert!(host.revision() > revision, "each refusal is published");
    assert_eq!(host.snapshot().save, SaveState::Pending, "and saved");
    // The same refusal again, and impossible ballots, add no line.
    let before = host.session().poll_log.len();
    vote(&mut host, id, "México", one()).unwrap_err();
    let over = points(&[(ids[0], 3), (ids[1], 3)]);
    let invalid = vote(&mut host, id, "Guatemala", over).unwrap_err();
    assert!(matches!(
        invalid,
        Refused::Ballot(BallotRefused::Invalid(BallotFault::OverBudget { .. }))
    ));
    let nowhere = vote(&mut host, Uuid::new_v4(), "Guatemala", one()).unwrap_err();
    assert_eq!(nowhere, Refused::Ballot(BallotRefused::NoSuchPoll));
    assert_eq!(host.session().poll_log.len(), before);
    facilitate(&mut host, PollEdit::Close { id }, 4).unwrap();
    assert_eq!(
        vote(&mut host, id, "Guatemala", one()),
        Err(Refused::Ballot(BallotRefused::Closed))
    );
    let refused: Vec<_> = log(&host)
        .into_iter()
        .filter_map(|what| match what {
            PollEventKind::Refused { card, why } => Some((card, why)),
            _ => None,
        })
        .collect();
    let expected: Vec<_> = refusals
        .iter()
        .map(|(c, w)| (c.to_string(), *w))
        .chain([("Guatemala".to_string(), BallotRefused::Closed)])
        .collect();
    assert_eq!(refused, expected);
}

#[test]
fn a_card_on_paper_or_revoked_is_refused_and_paper_comes_before_the_phone() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::YesNo, &ids[..1], false).unwrap();
    vote(&mut host, id, "Guatemala", Answer::Choice(Choice::No)).unwrap();
    let paper = |card: &str| PollEdit::Paper {
        id,
        card: card.into(),
    };
    assert_eq!(
        facilitate(&mut host, paper("Guatemala"), 3),
        Err(Refused::Poll(PollRefused::VotedByPhone))
    );
    facilitate(&mut host, paper("México"), 3).unwrap();
    assert!(!facilitate(&mut host, paper("México"), 3).unwrap().changed);
    let revoke = PollEdit::Revoke {
        card: "Panamá".into(),
    };
    facilitate(&mut host, revoke, 3).unwrap();
    assert!(!poll(&host, id).entitled.contains("Panamá"));
    assert_eq!(
        vote(&mut host, id, "Panamá", Answer::Choice(Choice::Yes)),
        Err(Refused::Ballot(BallotRefused::NotEntitled))
    );
    let last = host.session().poll_log.iter().rev().nth(1).unwrap().clone();
    assert_eq!(last.poll, None, "a revoke is about every poll");
    assert_eq!(last.what, PollEventKind::Revoked("Panamá".into()));
}

#[test]
fn a_closed_named_poll_made_secret_forgets_whose_ballot_was_whose() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::points(), &ids, false).unwrap();
    vote(&mut host, id, "Guatemala", points(&[(ids[1], 3)])).unwrap();
    assert_eq!(poll(&host, id).ballots.len(), 1);
    assert_eq!(
        facilitate(&mut host, PollEdit::MakeSecret { id }, 4),
        Err(Refused::Poll(PollRefused::StillOpen))
    );
    facilitate(&mut host, PollEdit::Close { id }, 4).unwrap();
    facilitate(&mut host, PollEdit::MakeSecret { id }, 5).unwrap();
    let made = poll(&host, id);
    assert!(made.secret && made.ballots.is_empty());
    assert_eq!(made.tally.points[&ids[1]], 3);
    assert_eq!(made.voted.len(), 1);
    assert_eq!(log(&host).last(), Some(&PollEventKind::MadeSecret));
}

#[test]
fn ballots_come_from_ballot_pages_and_polls_from_the_facilitator_never_undone() {
    let (mut host, ids) = host_with_inputs();
    let axis = host.session().groups[0].axis.clone();
    let edit = Command::Poll(PollEdit::Close { id: Uuid::new_v4() });
    let rapporteur = Role::Rapporteur { axis: axis.clone() };
    for (role, why) in [
        (&rapporteur, Why::Poll),
        (&Role::Room, Why::ScreenOnly),
        (&Role::Ballot, Why::BallotOnly),
    ] {
        assert_eq!(
            host.submit(0, role, edit.clone(), at(2)),
            Err(Refused::NotAllowed(why))
        );
    }
    let add = Command::AddInput {
        axis,
        id: Uuid::new_v4(),
        text: "desde un teléfono".into(),
    };
    assert_eq!(
        host.submit(0, &Role::Ballot, add, at(2)),
        Err(Refused::NotAllowed(Why::BallotOnly))
    );
    let id = open(&mut host, PollKind::YesNo, &ids[..1], false).unwrap();
    let ballot = Command::Ballot {
        poll: id,
        card: "México".into(),
        answer: Answer::Choice(Choice::Yes),
    };
    for (role, why) in [
        (&Role::Facilitator, Why::Ballot),
        (&rapporteur, Why::Ballot),
        (&Role::Reader, Why::ScreenOnly),
    ] {
        assert_eq!(
            host.submit(0, role, ballot.clone(), at(2)),
            Err(Refused::NotAllowed(why))
        );
    }
    assert!(Role::Ballot.may_make(Change::Ballot));
    assert!(!Role::Ballot.may_make(Change::Inputs));
    assert!(!Role::Facilitator.may_make(Change::Ballot));
    let voter = host.join();
    host.submit(voter, &Role::Ballot, ballot, at(3)).unwrap();
    assert_eq!(
        host.undo(voter, &Role::Ballot, at(4)),
        Err(Refused::NothingToUndo)
    );
    facilitate(&mut host, PollEdit::Close { id }, 4).unwrap();
    assert_eq!(
        host.undo(0, &Role::Facilitator, at(5)),
        Err(Refused::NothingToUndo)
    );
}

#[test]
fn a_secret_ballot_leaves_no_time_not_even_the_sessions() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::Consent, &ids, true).unwrap();
    let before = host.session().updated_at;
    let answer = ConsentAnswer {
        level: Consent::Reserve,
        reason: "presupuesto".into(),
    };
    let ballot = Answer::Consent([(ids[0], answer)].into());
    let ballot = Command::Ballot {
        poll: id,
        card: "Panamá".into(),
        answer: ballot,
    };
    host.submit(0, &Role::Ballot, ballot, at(9)).unwrap();
    assert_eq!(host.session().updated_at, before);
    assert_eq!(poll(&host, id).voted.len(), 1);
}

#[test]
fn an_import_never_brings_polls_and_keeps_the_masters() {
    let (mut host, ids) = host_with_inputs();
    let id = open(&mut host, PollKind::points(), &ids, false).unwrap();
    vote(&mut host, id, "México", points(&[(ids[0], 2)])).unwrap();
    let master = Arc::clone(host.session());
    let mut other = Session::clone(&master);
    other.polls.clear();
    other.poll_log.clear();
    let mut theirs = other.clone();
    theirs.polls.push(Arc::new(Poll::open(
        Uuid::new_v4(),
        PollKind::Consent,
        ids.clone(),
        true,
        cards(),
        at(1),
    )));
    for file in [other, theirs] {
        let import = Command::Import {
            label: "grupo.json".into(),
            files: vec![("grupo.json".into(), file)],
        };
        host.submit(0, &Role::Facilitator, import, at(8)).unwrap();
        assert_eq!(host.session().polls, master.polls);
        assert_eq!(host.session().poll_log, master.poll_log);
    }
}

#[test]
fn a_ballot_copies_its_own_poll_only_and_a_refused_one_copies_nothing() {
    // A burst of phones: snapshots are out (screens, the phones' view, a
    // save in progress), so every revision the host makes is a copy. Most
    // ballots in a burst are refused; a recorded one must not copy the
    // day's other polls.
    let (mut host, ids) = host_with_inputs();
    let earlier = open(&mut host, PollKind::points(), &ids, false).unwrap();
    vote(&mut host, earlier, "México", points(&[(ids[0], 2)])).unwrap();
    facilitate(&mut host, PollEdit::Close { id: earlier }, 2).unwrap();
    let id = open(&mut host, PollKind::points(), &ids, false).unwrap();
    vote(&mut host, id, "México", points(&[(ids[0], 1)])).unwrap();
    // The first refusal of a card is logged (a change); the next is not.
    let again = || points(&[(ids[1], 1)]);
    let first = vote(&mut host, id, "México", again());
    assert_eq!(first, Err(Refused::Ballot(BallotRefused::AlreadyVoted)));

    let before = Arc::clone(host.session());
    let refused = vote(&mut host, id, "México", again());
    assert_eq!(refused, Err(Refused::Ballot(BallotRefused::AlreadyVoted)));
    assert!(
        Arc::ptr_eq(&before, host.session()),
        "a refused ballot, already logged, leaves the session as it was, uncopied"
    );

    vote(&mut host, id, "Panamá", points(&[(ids[2], 3)])).unwrap();
    let after = host.session();
    assert!(!Arc::ptr_eq(&before, after));
    let shared = |poll: Uuid| {
        let find = |s: &Session| Arc::clone(s.polls.iter().find(|p| p.id == poll).unwrap());
        Arc::ptr_eq(&find(&before), &find(after))
    };
    assert!(
        shared(earlier),
        "the day's other polls are shared, not copied"
    );
    assert!(!shared(id), "the poll voted in is this revision's own");
    assert!(
        before
            .poll_log
            .iter()
            .zip(&after.poll_log)
            .all(|(a, b)| Arc::ptr_eq(a, b)),
        "the audit's events are shared too"
    );
}
