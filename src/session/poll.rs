//! Applying the facilitator's poll edits and the cards' ballots. Neither
//! is undone: a poll's record and its log are what happened.

use std::collections::HashSet;
use std::sync::Arc;

use jiff::Timestamp;
use uuid::Uuid;

use super::command::PollEdit;
use super::outcome::{Applied, Outcome, Refused};
use crate::model::poll::{
    Answer, BallotRefused, Poll, PollEvent, PollEventKind, PollKind, PollRefused,
};
use crate::model::session::Session;

fn done(changed: bool) -> Result<Applied, Refused> {
    Ok(Applied {
        changed,
        undo: None,
        outcome: Outcome::Done,
    })
}

fn log(session: &mut Session, poll: Option<Uuid>, what: PollEventKind, now: Timestamp) {
    session.poll_log.push(Arc::new(PollEvent {
        at: now,
        poll,
        what,
    }));
}

/// The poll `id`, made this revision's own (the others stay shared).
fn poll_mut(session: &mut Session, id: Uuid) -> Result<&mut Poll, Refused> {
    session
        .polls
        .iter_mut()
        .find(|p| p.id == id)
        .map(Arc::make_mut)
        .ok_or(Refused::Poll(PollRefused::NoSuchPoll))
}

/// The facilitator's edit of the polls.
pub fn edit(session: &mut Session, edit: &PollEdit, now: Timestamp) -> Result<Applied, Refused> {
    let refused = |why| Err(Refused::Poll(why));
    let (id, what) = match edit {
        PollEdit::Open {
            id,
            kind,
            inputs,
            secret,
            entitled,
        } => {
            if session.open_poll().is_some() {
                return refused(PollRefused::AnotherOpen);
            }
            if session.poll(*id).is_some() {
                return refused(PollRefused::TakenId);
            }
            // Each input once, in the order given (the room's).
            let mut seen = HashSet::new();
            let inputs: Vec<Uuid> = inputs.iter().copied().filter(|i| seen.insert(*i)).collect();
            let there = |i: &Uuid| session.group_of_input(*i).is_some();
            if inputs.is_empty() || !inputs.iter().all(there) {
                return refused(PollRefused::NoInputs);
            }
            match kind {
                PollKind::YesNo if inputs.len() != 1 => {
                    return refused(PollRefused::OneInputOnly);
                }
                PollKind::Points {
                    points,
                    max_per_input,
                } if *points == 0 || *max_per_input == 0 => {
                    return refused(PollRefused::NoPoints);
                }
                PollKind::YesNo | PollKind::Points { .. } | PollKind::Consent => {}
            }
            if entitled.is_empty() {
                return refused(PollRefused::NoCards);
            }
            let poll = Poll::open(*id, *kind, inputs, *secret, entitled.clone(), now);
            session.polls.push(Arc::new(poll));
            (Some(*id), PollEventKind::Opened)
        }
        PollEdit::Close { id } => {
            let poll = poll_mut(session, *id)?;
            if !poll.is_open() {
                return refused(PollRefused::AlreadyClosed);
            }
            poll.closed_at = Some(now);
            (Some(*id), PollEventKind::Closed)
        }
        PollEdit::Reveal { id } => {
            let poll = poll_mut(session, *id)?;
            if poll.is_open() {
                return refused(PollRefused::StillOpen);
            }
            if poll.revealed_at.is_some() {
                return done(false);
            }
            poll.revealed_at = Some(now);
            let points = match poll.kind {
                PollKind::Points { .. } => poll.tally.points.clone(),
                PollKind::Consent | PollKind::YesNo => Default::default(),
            };
            add_votes(session, &points, now);
            (Some(*id), PollEventKind::Revealed)
        }
        PollEdit::MakeSecret { id } => {
            let poll = poll_mut(session, *id)?;
            if poll.is_open() {
                return refused(PollRefused::StillOpen);
            }
            if poll.secret {
                return done(false);
            }
            poll.secret = true;
            poll.ballots.clear();
            (Some(*id), PollEventKind::MadeSecret)
        }
        PollEdit::Paper { id, card } => {
            let poll = poll_mut(session, *id)?;
            if !poll.is_open() {
                return refused(PollRefused::AlreadyClosed);
            }
            if poll.voted.contains(card) {
                return refused(PollRefused::VotedByPhone);
            }
            if !poll.paper.insert(card.clone()) {
                return done(false);
            }
            (Some(*id), PollEventKind::Paper(card.clone()))
        }
        PollEdit::Revoke { card } => {
            // Logged even when no poll is open: the audit says when a card
            // stopped counting.
            for poll in session.polls.iter_mut().filter(|p| p.is_open()) {
                Arc::make_mut(poll).entitled.remove(card);
            }
            (None, PollEventKind::Revoked(card.clone()))
        }
    };
    log(session, id, what, now);
    session.touch(now);
    done(true)
}

/// A revealed points poll's points join each input's votes, with the
/// plenary's change time: the ranking and the plan carry them, and votes
/// typed by hand (stickers counted on a flipchart) stay and add.
fn add_votes(
    session: &mut Session,
    points: &std::collections::BTreeMap<Uuid, u32>,
    now: Timestamp,
) {
    for (&id, &n) in points.iter().filter(|(_, n)| **n > 0) {
        let Some(group) = session.group_of_input(id) else {
            // Deleted since the poll opened: nothing to carry them to.
            continue;
        };
        if let Some(input) = session.input_mut(group, id) {
            input.plenary.votes = input.plenary.votes.saturating_add(n);
            input.plenary.updated_at = Some(now);
        }
    }
}

/// Why a card's ballot would be refused, if it would: read without
/// touching the session, so a refused ballot (a phone sending again, a
/// room of 409s in a burst) copies nothing that a snapshot shares.
pub fn ballot_refused(
    session: &Session,
    poll: Uuid,
    card: &str,
    answer: &Answer,
) -> Option<Refused> {
    let Some(poll) = session.poll(poll) else {
        return Some(Refused::Ballot(BallotRefused::NoSuchPoll));
    };
    poll.check(card, answer).err().map(Refused::Ballot)
}

/// A card's ballot: checked and recorded at once.
pub fn ballot(
    session: &mut Session,
    poll: Uuid,
    card: &str,
    answer: &Answer,
    now: Timestamp,
) -> Result<Applied, Refused> {
    let poll = session
        .polls
        .iter_mut()
        .find(|p| p.id == poll)
        .ok_or(Refused::Ballot(BallotRefused::NoSuchPoll))?;
    let checked = poll.check(card, answer).map_err(Refused::Ballot)?;
    let poll = Arc::make_mut(poll);
    poll.record(card, checked);
    // A secret ballot leaves no time behind, not even the session's.
    if !poll.secret {
        session.touch(now);
    }
    done(true)
}

/// The log line for a ballot refused, if the audit keeps it: a real card
/// at a real poll, refused for a reason of its own (closed, voted, paper,
/// not entitled), and not already logged, so a phone that retries does
/// not grow the file.
pub fn refused_event(
    session: &Session,
    poll: Uuid,
    card: &str,
    why: BallotRefused,
    now: Timestamp,
) -> Option<PollEvent> {
    if !why.is_logged() || session.poll(poll).is_none() {
        return None;
    }
    let what = PollEventKind::Refused {
        card: card.to_string(),
        why,
    };
    let known = session
        .poll_log
        .iter()
        .any(|e| e.poll == Some(poll) && e.what == what);
    (!known).then_some(PollEvent {
        at: now,
        poll: Some(poll),
        what,
    })
}
