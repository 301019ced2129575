//! A ballot as the page sends it, and what each refusal is in HTTP.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde::Deserialize;
use uuid::Uuid;

use crate::model::poll::{Answer, BallotRefused, Choice, Consent, ConsentAnswer};
use crate::session::Refused;

/// `{"token", "poll", "points": {INPUT: N}}`, or `"consent": {INPUT: LEVEL
/// or {"level", "reason"}}`, or `"choice": "yes"|"no"|"abstain"`: exactly
/// one of the three. Anything else in it is a malformed ballot.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotBody {
    pub token: String,
    pub poll: Uuid,
    #[serde(default)]
    points: Option<BTreeMap<Uuid, u32>>,
    #[serde(default)]
    consent: Option<BTreeMap<Uuid, ConsentGiven>>,
    #[serde(default)]
    choice: Option<Choice>,
}

/// A consent answer: its level alone, or with a reason.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ConsentGiven {
    Level(Consent),
    WithReason {
        level: Consent,
        #[serde(default)]
        reason: String,
    },
}

impl BallotBody {
    /// The answer it carries, if it carries exactly one.
    pub fn answer(self) -> Option<Answer> {
        match (self.points, self.consent, self.choice) {
            (Some(points), None, None) => Some(Answer::Points(points)),
            (None, Some(consent), None) => Some(Answer::Consent(
                consent
                    .into_iter()
                    .map(|(input, given)| {
                        let (level, reason) = match given {
                            ConsentGiven::Level(level) => (level, String::new()),
                            ConsentGiven::WithReason { level, reason } => (level, reason),
                        };
                        (input, ConsentAnswer { level, reason })
                    })
                    .collect(),
            )),
            (None, None, Some(choice)) => Some(Answer::Choice(choice)),
            _ => None,
        }
    }
}

/// A refused ballot's status, and the word the page reads to say why.
pub fn refused(why: &Refused) -> (StatusCode, &'static str) {
    let Refused::Ballot(why) = why else {
        // Not a ballot's fault: the session cannot take one now.
        return (StatusCode::SERVICE_UNAVAILABLE, "unavailable");
    };
    match why {
        BallotRefused::NoSuchPoll => (StatusCode::BAD_REQUEST, "no_such_poll"),
        BallotRefused::Closed => (StatusCode::GONE, "closed"),
        BallotRefused::NotEntitled => (StatusCode::UNAUTHORIZED, "not_entitled"),
        BallotRefused::AlreadyVoted => (StatusCode::CONFLICT, "already_voted"),
        BallotRefused::OnPaper => (StatusCode::CONFLICT, "on_paper"),
        BallotRefused::Invalid(_) => (StatusCode::BAD_REQUEST, "invalid"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Option<Answer> {
        serde_json::from_str::<BallotBody>(json).ok()?.answer()
    }

    #[test]
    fn a_ballot_carries_exactly_one_answer() {
        let id = Uuid::from_u128(7);
        let points = format!(r#"{{"token":"t","poll":"{id}","points":{{"{id}":2}}}}"#);
        assert_eq!(
            read(&points),
            Some(Answer::Points(BTreeMap::from([(id, 2)])))
        );
        let consent = format!(r#"{{"token":"t","poll":"{id}","consent":{{"{id}":"live_with"}}}}"#);
        let Some(Answer::Consent(given)) = read(&consent) else {
            panic!("a consent ballot")
        };
        assert_eq!(given[&id].level, Consent::LiveWith);
        let reasoned = format!(
            r#"{{"token":"t","poll":"{id}","consent":{{"{id}":{{"level":"reserve","reason":"plazo"}}}}}}"#
        );
        let Some(Answer::Consent(given)) = read(&reasoned) else {
            panic!("a consent ballot with a reason")
        };
        assert_eq!(given[&id].reason, "plazo");
        let choice = format!(r#"{{"token":"t","poll":"{id}","choice":"abstain"}}"#);
        assert_eq!(read(&choice), Some(Answer::Choice(Choice::Abstain)));
        let both = format!(r#"{{"token":"t","poll":"{id}","choice":"yes","points":{{}}}}"#);
        assert_eq!(read(&both), None);
        let none = format!(r#"{{"token":"t","poll":"{id}"}}"#);
        assert_eq!(read(&none), None);
        let extra = format!(r#"{{"token":"t","poll":"{id}","choice":"yes","card":"Brasil"}}"#);
        assert_eq!(read(&extra), None, "a ballot names no card");
        let negative = format!(r#"{{"token":"t","poll":"{id}","points":{{"{id}":-1}}}}"#);
        assert_eq!(read(&negative), None);
    }
}
