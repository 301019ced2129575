//! Issue 23's "Done when": random ballots from random cards, valid and
//! not, fired from several threads at one shared host, give exactly one
//! ballot per card per poll, a tally that is the sum of the ballots
//! accepted, and a secret poll whose saved file keeps no card's label in
//! any ballot and no time of any ballot.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use proptest::prelude::*;
use uuid::Uuid;

use super::poll_tests::{CARDS, cards, host_with_inputs};
use super::test_support::at;
use super::*;

/// One ballot as a phone sends it: numbers pick among the cards (some
/// beyond them: unknown cards) and the poll's inputs (some beyond them:
/// inputs not in the poll).
#[derive(Debug, Clone)]
struct Shot {
    card: usize,
    points: Vec<(usize, u32)>,
}

fn shot() -> impl Strategy<Value = Shot> {
    (
        0..CARDS.len() + 2,
        prop::collection::vec((0usize..4, 0u32..5), 0..4),
    )
        .prop_map(|(card, points)| Shot { card, points })
}

fn label(card: usize) -> String {
    CARDS
        .get(card)
        .map_or_else(|| format!("tarjeta {card}"), |c| c.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn concurrent_ballots_count_each_card_once_and_keep_secrets(
        threads in prop::collection::vec(prop::collection::vec(shot(), 1..12), 2..5),
        secret in any::<bool>(),
        revoked in prop::option::of(0..CARDS.len()),
    ) {
        let (mut host, ids) = host_with_inputs();
        let poll = Uuid::new_v4();
        let open = PollEdit::Open {
            id: poll,
            kind: PollKind::points(),
            inputs: ids[..2].to_vec(),
            secret,
            entitled: cards(),
        };
        host.submit(0, &Role::Facilitator, Command::Poll(open), at(2)).unwrap();
        if let Some(card) = revoked {
            let revoke = PollEdit::Revoke { card: label(card) };
            host.submit(0, &Role::Facilitator, Command::Poll(revoke), at(2)).unwrap();
        }
        let host = host.shared();
        // An input beyond the poll's two: the third of the group, or none.
        let input = |n: usize| ids.get(n).copied().unwrap_or_else(Uuid::nil);
        let accepted = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for shots in &threads {
                let (host, accepted) = (&host, &accepted);
                scope.spawn(move || {
                    for shot in shots {
                        let mut given = BTreeMap::new();
                        for (n, points) in &shot.points {
                            *given.entry(input(*n)).or_insert(0) += points;
                        }
                        let ballot = Command::Ballot {
                            poll,
                            card: label(shot.card),
                            answer: Answer::Points(given.clone()),
                        };
                        let result = lock(host).submit(0, &Role::Ballot, ballot, at(3));
                        match result {
                            Ok(_) => accepted.lock().unwrap().push((label(shot.card), given)),
                            Err(Refused::Ballot(_)) => {}
                            Err(other) => panic!("{other:?}"),
                        }
                    }
                });
            }
        });
        let accepted = accepted.into_inner().unwrap();
        let session = std::sync::Arc::clone(lock(&host).session());
        let kept = session.polls.iter().find(|p| p.id == poll).unwrap();

        let voters: BTreeSet<String> = accepted.iter().map(|(c, _)| c.clone()).collect();
        prop_assert_eq!(voters.len(), accepted.len(), "a card counted twice");
        prop_assert_eq!(&kept.voted, &voters);
        prop_assert!(voters.iter().all(|c| kept.entitled.contains(c)));
        let mut sum: BTreeMap<Uuid, u32> = BTreeMap::new();
        for (_, given) in &accepted {
            prop_assert!(given.keys().all(|i| ids[..2].contains(i)));
            prop_assert!(given.values().sum::<u32>() <= 5 && given.values().all(|n| *n <= 3));
            for (input, n) in given.iter().filter(|(_, n)| **n > 0) {
                *sum.entry(*input).or_default() += n;
            }
        }
        prop_assert_eq!(&kept.tally.points, &sum);

        if secret {
            prop_assert!(kept.ballots.is_empty());
            let file: serde_json::Value =
                serde_json::from_slice(&crate::store::to_json(&session)).unwrap();
            let mut saved = file["polls"][0].clone();
            // Who could vote and who did: kept apart, on purpose.
            for apart in ["entitled", "voted", "paper"] {
                saved.as_object_mut().unwrap().remove(apart);
            }
            let rest = saved.to_string();
            for card in CARDS {
                prop_assert!(!rest.contains(card), "{} in {}", card, rest);
            }
            let times: BTreeSet<String> = times_in(&saved);
            let opened = serde_json::to_value(at(2)).unwrap();
            prop_assert_eq!(times, BTreeSet::from([opened.as_str().unwrap().to_string()]));
            prop_assert_eq!(session.updated_at, at(2), "no ballot's time, even the session's");
        } else {
            let named: BTreeMap<String, Answer> = accepted
                .iter()
                .map(|(card, given)| {
                    let given = given.iter().filter(|(_, n)| **n > 0);
                    (card.clone(), Answer::Points(given.map(|(i, n)| (*i, *n)).collect()))
                })
                .collect();
            prop_assert_eq!(&kept.ballots, &named);
        }
    }
}

/// Every string in `value` that reads as a time.
fn times_in(value: &serde_json::Value) -> BTreeSet<String> {
    match value {
        serde_json::Value::String(s) if s.parse::<jiff::Timestamp>().is_ok() => {
            BTreeSet::from([s.clone()])
        }
        serde_json::Value::Array(items) => items.iter().flat_map(times_in).collect(),
        serde_json::Value::Object(fields) => fields.values().flat_map(times_in).collect(),
        _ => BTreeSet::new(),
    }
}
