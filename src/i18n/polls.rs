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
