//! Words of phone polls (issue 23) in the plan, plan.csv and polls-csv.
//! Kept apart from the big tables so the two grow without conflicts.

/// The words of a poll's result and of the polls' CSV.
pub struct PollWords {
    /// A poll, in the plan's line for an input ("Votación (puntos)").
    pub poll: &'static str,
    pub kind_points: &'static str,
    pub kind_consent: &'static str,
    pub kind_yes_no: &'static str,
    pub agree: &'static str,
    pub live_with: &'static str,
    pub reserve: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub abstain: &'static str,
    /// The result of a poll still open: none yet.
    pub still_open: &'static str,
    pub secret: &'static str,
    pub named: &'static str,
    // The columns of plan.csv and polls-csv.
    pub col_poll: &'static str,
    pub col_kind: &'static str,
    pub col_ballot: &'static str,
    pub col_opened: &'static str,
    pub col_closed: &'static str,
    pub col_entitled: &'static str,
    pub col_voted: &'static str,
    pub col_result: &'static str,
    pub col_points: &'static str,
    pub col_reasons: &'static str,
    pub col_card: &'static str,
    pub col_answer: &'static str,
    pub col_reason: &'static str,
}

/// The words of the poll screens in the terminal: the facilitator's
/// chooser and questions, the room's count and results.
pub struct PollScreenWords {
    /// The chooser's title ("Nueva votación").
    pub chooser_title: &'static str,
    /// Consent per input, as the chooser lists it.
    pub consent_line: &'static str,
    /// A named poll: each card's ballot kept under its label.
    pub named_line: &'static str,
    /// A secret poll: no ballot keeps its card.
    pub secret_line: &'static str,
    /// The chooser's keys.
    pub chooser_keys: &'static str,
    /// While the shell reads the cards file.
    pub reading_cards: &'static str,
    /// Nothing to vote on this step.
    pub no_inputs: &'static str,
    pub close_question: &'static str,
    pub close_detail: &'static str,
    /// The closed poll's overlay title, and its keys.
    pub closed_title: &'static str,
    pub closed_keys: &'static str,
    /// Results of a closed named poll kept under labels: the key to forget them.
    pub closed_keys_named: &'static str,
    /// The room's line under the count: the results wait for the reveal.
    pub results_hidden: &'static str,
    pub closed_hidden: &'static str,
    // Told after each step.
    pub opened: &'static str,
    pub closed: &'static str,
    pub revealed: &'static str,
    pub made_secret: &'static str,
    /// Over the QR and the address on the room's screen.
    pub vote_here: &'static str,
    /// The web page's address on the join screen.
    pub web_page: &'static str,
    /// `V` in the help.
    pub key_poll: &'static str,
    /// On the open poll's question: the keys for one card.
    pub card_keys: &'static str,
    /// The prompts for a card's label: counted on paper, or revoked.
    pub paper_title: &'static str,
    pub revoke_title: &'static str,
    /// Told when the typed label is not a card of the poll.
    pub unknown_card: &'static str,
}
