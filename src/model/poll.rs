//! Phone ballots: a poll the facilitator opens over some inputs, the
//! ballots ballot cards cast, and what is kept of them.
//!
//! A named poll keeps each card's ballot under its label. A secret poll
//! keeps no label, no time and no order of its ballots: each is folded into
//! the tally as it arrives, and the cards that voted are kept apart, in
//! `voted` (as OpenSlides does), so a file cannot tell who voted what.
//!
//! What a ballot may say is checked here, in one place (`Poll::check`), for
//! every way one arrives.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A ballot card's label: the delegation's country ("Guatemala") for cards
/// per delegation, a number ("7") for cards per person. Unique among a
/// session's cards. What the session knows of a card: never its token.
pub type CardLabel = String;

/// The card a person named (`--revoke mexico`, a card typed on the poll's
/// question): exactly, or else in any case and without accents when that
/// names one card alone.
pub fn find_card<'a>(
    labels: impl IntoIterator<Item = &'a CardLabel> + Clone,
    named: &str,
) -> Option<&'a CardLabel> {
    let named = named.trim();
    if let Some(label) = labels.clone().into_iter().find(|l| *l == named) {
        return Some(label);
    }
    let folded = fold(named);
    let mut like = labels.into_iter().filter(|l| fold(l) == folded);
    match (like.next(), like.next()) {
        (Some(label), None) => Some(label),
        _ => None,
    }
}

/// A label as a person may type it: lower case, no accents.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The points each card spends on a points poll, unless the facilitator
/// says otherwise.
pub const DEFAULT_POINTS: u32 = 5;
/// The most points a card may put on one input, by default.
pub const DEFAULT_MAX_PER_INPUT: u32 = 3;
/// The longest reason a consent answer keeps, in characters (trimmed).
pub const MAX_REASON_CHARS: usize = 280;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poll {
    pub id: Uuid,
    pub kind: PollKind,
    /// What is voted, in the room's order.
    pub inputs: Vec<Uuid>,
    #[serde(default)]
    pub secret: bool,
    pub opened_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_at: Option<Timestamp>,
    /// Cards that may vote, frozen at open (minus those revoked since).
    #[serde(default)]
    pub entitled: BTreeSet<CardLabel>,
    /// Cards that voted: kept apart from the ballots.
    #[serde(default)]
    pub voted: BTreeSet<CardLabel>,
    /// Cards counted on paper: their phone ballot is refused.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub paper: BTreeSet<CardLabel>,
    /// Named polls only; always empty when secret.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ballots: BTreeMap<CardLabel, Answer>,
    /// Both kinds; a secret poll keeps only this.
    #[serde(default)]
    pub tally: Tally,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollKind {
    /// Each card spends `points`, at most `max_per_input` on one input.
    Points { points: u32, max_per_input: u32 },
    /// Per input: agree, can live with it, or a reservation (with a reason).
    Consent,
    /// Yes, no or abstain, on one input.
    YesNo,
}

impl PollKind {
    /// A points poll with the defaults (5 points, at most 3 on one input).
    pub fn points() -> PollKind {
        PollKind::Points {
            points: DEFAULT_POINTS,
            max_per_input: DEFAULT_MAX_PER_INPUT,
        }
    }
}

/// What one card voted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Points(BTreeMap<Uuid, u32>),
    Consent(BTreeMap<Uuid, ConsentAnswer>),
    Choice(Choice),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentAnswer {
    pub level: Consent,
    /// At most `MAX_REASON_CHARS` characters, trimmed; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Agree,
    LiveWith,
    Reserve,
}

impl Consent {
    pub const ALL: [Consent; 3] = [Consent::Agree, Consent::LiveWith, Consent::Reserve];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Yes, Choice::No, Choice::Abstain];
}

/// What a poll's ballots add up to. Nothing here tells the order in which
/// ballots arrived: counts, and reasons kept sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Points per input (a points poll).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<Uuid, u32>,
    /// Consent per input (a consent poll).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consent: BTreeMap<Uuid, ConsentCount>,
    /// Yes, no and abstain (a yes/no poll).
    #[serde(default, skip_serializing_if = "ChoiceCount::is_empty")]
    pub choices: ChoiceCount,
}

/// One input's consent: how many said each, and the reasons given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentCount {
    #[serde(default)]
    pub agree: u32,
    #[serde(default)]
    pub live_with: u32,
    #[serde(default)]
    pub reserve: u32,
    /// Every reason given, with its level, sorted (never in order of arrival).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<(Consent, String)>,
}

impl ConsentCount {
    pub fn of(&self, level: Consent) -> u32 {
        match level {
            Consent::Agree => self.agree,
            Consent::LiveWith => self.live_with,
            Consent::Reserve => self.reserve,
        }
    }

    fn add(&mut self, answer: &ConsentAnswer) {
        let slot = match answer.level {
            Consent::Agree => &mut self.agree,
            Consent::LiveWith => &mut self.live_with,
            Consent::Reserve => &mut self.reserve,
        };
        *slot = slot.saturating_add(1);
        if !answer.reason.is_empty() {
            let reason = (answer.level, answer.reason.clone());
            let at = self.reasons.partition_point(|r| *r <= reason);
            self.reasons.insert(at, reason);
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceCount {
    #[serde(default)]
    pub yes: u32,
    #[serde(default)]
    pub no: u32,
    #[serde(default)]
    pub abstain: u32,
}

impl ChoiceCount {
    pub fn is_empty(&self) -> bool {
        *self == ChoiceCount::default()
    }

    pub fn of(&self, choice: Choice) -> u32 {
        match choice {
            Choice::Yes => self.yes,
            Choice::No => self.no,
            Choice::Abstain => self.abstain,
        }
    }
}

impl Tally {
    /// Adds one checked ballot.
    pub fn add(&mut self, answer: &Answer) {
        match answer {
            Answer::Points(points) => {
                for (input, n) in points {
                    let slot = self.points.entry(*input).or_default();
                    *slot = slot.saturating_add(*n);
                }
            }
            Answer::Consent(answers) => {
                for (input, answer) in answers {
                    self.consent.entry(*input).or_default().add(answer);
                }
            }
            Answer::Choice(choice) => {
                let c = &mut self.choices;
                let slot = match choice {
                    Choice::Yes => &mut c.yes,
                    Choice::No => &mut c.no,
                    Choice::Abstain => &mut c.abstain,
                };
                *slot = slot.saturating_add(1);
            }
        }
    }
}

/// One line of the poll log: append-only, the audit of what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollEvent {
    pub at: Timestamp,
    /// The poll, if the event is about one (a revoked card is about all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<Uuid>,
    pub what: PollEventKind,
}

/// What happened. A secret poll's log never says what a card voted, only
/// that it was refused (a vote recorded is not logged: `voted` says it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollEventKind {
    Opened,
    Closed,
    Revealed,
    MadeSecret,
    Paper(CardLabel),
    Revoked(CardLabel),
    Refused { card: CardLabel, why: BallotRefused },
}

/// Why a ballot was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotRefused {
    /// No poll of that id (HTTP 400).
    NoSuchPoll,
    /// The poll is closed (410).
    Closed,
    /// The card may not vote in this poll: revoked, or made after it
    /// opened (401).
    NotEntitled,
    /// This card already voted in this poll (409).
    AlreadyVoted,
    /// This card was counted on paper (409).
    OnPaper,
    /// The ballot itself is impossible (400).
    Invalid(BallotFault),
}

impl BallotRefused {
    /// Whether the host writes this refusal to the poll log: attempts
    /// from a real card at a real poll, worth an audit. An impossible
    /// ballot is the page's mistake, not a card's attempt.
    pub fn is_logged(self) -> bool {
        match self {
            BallotRefused::Closed
            | BallotRefused::NotEntitled
            | BallotRefused::AlreadyVoted
            | BallotRefused::OnPaper => true,
            BallotRefused::NoSuchPoll | BallotRefused::Invalid(_) => false,
        }
    }
}

/// What is impossible in a ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotFault {
    /// An answer of another kind than the poll's.
    WrongKind,
    /// An input the poll is not about.
    NotInPoll,
    /// More points than the card has.
    OverBudget { given: u64, budget: u32 },
    /// More points on one input than the cap.
    OverCap { given: u32, cap: u32 },
    /// Nothing voted (no point, no consent).
    Empty,
    /// A reason longer than `MAX_REASON_CHARS`.
    ReasonTooLong { chars: usize },
}

/// Why a facilitator's poll edit was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollRefused {
    /// No poll of that id.
    NoSuchPoll,
    /// Another poll is open: one at a time.
    AnotherOpen,
    /// A poll over no input, or over one that is not there.
    NoInputs,
    /// A yes/no poll is about one input.
    OneInputOnly,
    /// Points and the cap on one input are at least 1.
    NoPoints,
    /// An id already taken by another poll.
    TakenId,
    /// Revealing or making secret waits for the poll to close.
    StillOpen,
    /// Closing or marking paper on a poll already closed.
    AlreadyClosed,
    /// A poll no card may vote in.
    NoCards,
    /// A card that voted by phone cannot be counted on paper too.
    VotedByPhone,
}

impl Poll {
    /// A poll opened now over `inputs`, nobody having voted.
    pub fn open(
        id: Uuid,
        kind: PollKind,
        inputs: Vec<Uuid>,
        secret: bool,
        entitled: BTreeSet<CardLabel>,
        now: Timestamp,
    ) -> Poll {
        Poll {
            id,
            kind,
            inputs,
            secret,
            opened_at: now,
            closed_at: None,
            revealed_at: None,
            entitled,
            voted: BTreeSet::new(),
            paper: BTreeSet::new(),
            ballots: BTreeMap::new(),
            tally: Tally::default(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Whether `card` may cast `answer` now; the answer as it is kept
    /// (reasons trimmed, inputs given no point left out).
    pub fn check(&self, card: &str, answer: &Answer) -> Result<Answer, BallotRefused> {
        if !self.is_open() {
            return Err(BallotRefused::Closed);
        }
        if self.paper.contains(card) {
            return Err(BallotRefused::OnPaper);
        }
        if self.voted.contains(card) {
            return Err(BallotRefused::AlreadyVoted);
        }
        if !self.entitled.contains(card) {
            return Err(BallotRefused::NotEntitled);
        }
        self.valid(answer).map_err(BallotRefused::Invalid)
    }

    /// Whether `answer` is a possible ballot in this poll, whoever casts it.
    pub fn valid(&self, answer: &Answer) -> Result<Answer, BallotFault> {
        let in_poll = |input: &Uuid| self.inputs.contains(input);
        match (self.kind, answer) {
            (
                PollKind::Points {
                    points,
                    max_per_input,
                },
                Answer::Points(given),
            ) => {
                if !given.keys().all(in_poll) {
                    return Err(BallotFault::NotInPoll);
                }
                if let Some(&over) = given.values().find(|n| **n > max_per_input) {
                    return Err(BallotFault::OverCap {
                        given: over,
                        cap: max_per_input,
                    });
                }
                let total: u64 = given.values().map(|n| u64::from(*n)).sum();
                if total > u64::from(points) {
                    return Err(BallotFault::OverBudget {
                        given: total,
                        budget: points,
                    });
                }
                if total == 0 {
                    return Err(BallotFault::Empty);
                }
                let kept = given.iter().filter(|(_, n)| **n > 0);
                Ok(Answer::Points(kept.map(|(i, n)| (*i, *n)).collect()))
            }
            (PollKind::Consent, Answer::Consent(given)) => {
                if !given.keys().all(in_poll) {
                    return Err(BallotFault::NotInPoll);
                }
                if given.is_empty() {
                    return Err(BallotFault::Empty);
                }
                let mut kept = BTreeMap::new();
                for (input, answer) in given {
                    let reason = answer.reason.trim();
                    let chars = reason.chars().count();
                    if chars > MAX_REASON_CHARS {
                        return Err(BallotFault::ReasonTooLong { chars });
                    }
                    let answer = ConsentAnswer {
                        level: answer.level,
                        reason: reason.to_string(),
                    };
                    kept.insert(*input, answer);
                }
                Ok(Answer::Consent(kept))
            }
            (PollKind::YesNo, Answer::Choice(choice)) => Ok(Answer::Choice(*choice)),
            (PollKind::Points { .. } | PollKind::Consent | PollKind::YesNo, _) => {
                Err(BallotFault::WrongKind)
            }
        }
    }

    /// Records a ballot `check` gave back: counted, the card marked as
    /// voted, and kept under its label only if the poll is named.
    pub fn record(&mut self, card: &str, checked: Answer) {
        self.tally.add(&checked);
        self.voted.insert(card.to_string());
        if !self.secret {
            self.ballots.insert(card.to_string(), checked);
        }
    }

    /// How many cards could vote: those entitled, and those counted on
    /// paper or who voted before being revoked.
    pub fn could_vote(&self) -> usize {
        self.entitled.union(&self.voted).count()
    }
}

#[cfg(test)]
mod tests;
