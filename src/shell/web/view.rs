//! What a phone may see of the session, and nothing else: the open poll
//! (its inputs with the numbers the room hears, and how many cards voted of
//! how many may) and the input being presented. Never a ballot, a card's
//! label, a token, or anything else the session holds.

use serde::Serialize;
use uuid::Uuid;

use crate::model::poll::{Poll, PollKind};
use crate::model::session::Session;
use crate::session::Stage;

/// Everything the page is sent, in one piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicView {
    /// The open poll; none between polls (a closed one is not served).
    pub poll: Option<PollView>,
    /// The input the facilitator presents to the room now.
    pub presenting: Option<InputView>,
}

/// The open poll, as `GET /api/poll` answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PollView {
    pub id: Uuid,
    /// "points", "consent" or "yes_no".
    pub kind: &'static str,
    /// A points poll's points per card, and the most on one input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_per_input: Option<u32>,
    pub inputs: Vec<InputView>,
    /// Cards that voted, of those that may.
    pub cast: usize,
    pub entitled: usize,
    pub open: bool,
}

/// An input as the room hears it: "2.3" and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputView {
    pub id: Uuid,
    pub number: String,
    pub text: String,
}

impl PublicView {
    pub fn of(session: &Session, stage: &Stage) -> PublicView {
        let presenting = match stage {
            Stage::Closing {
                presenting: Some(id),
            } => input_view(session, *id),
            _ => None,
        };
        let poll = session.open_poll().map(|poll| poll_view(session, poll));
        PublicView { poll, presenting }
    }
}

fn poll_view(session: &Session, poll: &Poll) -> PollView {
    let (kind, points, max_per_input) = match poll.kind {
        PollKind::Points {
            points,
            max_per_input,
        } => ("points", Some(points), Some(max_per_input)),
        PollKind::Consent => ("consent", None, None),
        PollKind::YesNo => ("yes_no", None, None),
    };
    PollView {
        id: poll.id,
        kind,
        points,
        max_per_input,
        // An input deleted while the poll is open is no longer offered.
        inputs: poll
            .inputs
            .iter()
            .filter_map(|id| input_view(session, *id))
            .collect(),
        // Cards counted, by phone or on paper, of those that may vote.
        cast: poll.voted.union(&poll.paper).count(),
        entitled: poll.entitled.len(),
        open: poll.is_open(),
    }
}

/// The input of this id with its number, if the session has it.
fn input_view(session: &Session, id: Uuid) -> Option<InputView> {
    session.groups.iter().enumerate().find_map(|(g, group)| {
        let place = group.inputs.iter().position(|input| input.id == id)?;
        Some(InputView {
            id,
            number: session.input_number(g, place),
            text: group.inputs[place].text.clone(),
        })
    })
}
