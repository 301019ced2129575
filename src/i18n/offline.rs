//! Words of the offline day (issue 12): group laptops, import, the plan.
//! Kept apart from the big table so the two grow without conflicts.

/// "1 nuevo", "3 nuevos": a count and the word that agrees with it.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The words of plan.md and plan.csv.
pub struct PlanWords {
    pub date: &'static str,
    pub place: &'static str,
    pub axis: &'static str,
    pub agreed: &'static str,
    pub to_revise: &'static str,
    pub undecided: &'static str,
    pub agreements: &'static str,
    pub agreements_to_revise: &'static str,
    pub questions: &'static str,
    pub pending: &'static str,
    pub observations: &'static str,
    pub votes: &'static str,
    pub status: &'static str,
    pub duplicate: &'static str,
    pub annex: &'static str,
    pub annex_dropped: &'static str,
    pub annex_people: &'static str,
    pub annex_schedule: &'static str,
    pub no_country: &'static str,
    pub leads: &'static str,
    pub facilitates: &'static str,
    pub reports: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub number: &'static str,
    pub no_decisions: &'static str,
    /// The live plan (`ssh … plan`) is the plenary's session itself.
    pub no_decisions_yet: &'static str,
    pub nothing_here: &'static str,
    pub ranking_note: &'static str,
}
