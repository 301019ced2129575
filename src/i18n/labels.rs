//! The names of the model's closed choices (kind, scope, verdict, priority,
//! timeframe) and the words of a merge report. They live with the strings so
//! the model knows no language: `model` never imports `i18n`.

use super::Lang;
use crate::model::input::{Kind, Priority, Scope, Status, Timeframe};
use crate::model::merge::ReportWords;

impl Lang {
    pub fn kind(self, kind: Kind) -> &'static str {
        let t = self.t();
        match kind {
            Kind::Action => t.kind_action,
            Kind::Agreement => t.kind_agreement,
            Kind::OpenQuestion => t.kind_question,
            Kind::ParkingLot => t.kind_parking,
        }
    }

    pub fn scope(self, scope: Scope) -> &'static str {
        let t = self.t();
        match scope {
            Scope::Regional => t.scope_regional,
            Scope::Multilateral => t.scope_multilateral,
            Scope::Bilateral => t.scope_bilateral,
            Scope::National => t.scope_national,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        let t = self.t();
        match status {
            Status::Agreed => t.status_agreed,
            Status::ToRevise => t.status_revise,
            Status::Dropped => t.status_dropped,
        }
    }

    pub fn priority(self, priority: Priority) -> &'static str {
        let t = self.t();
        match priority {
            Priority::High => t.priority_high,
            Priority::Medium => t.priority_medium,
            Priority::Low => t.priority_low,
        }
    }

    /// A closed timeframe by name; a typed date as typed.
    pub fn timeframe(self, timeframe: &Timeframe) -> String {
        let t = self.t();
        match timeframe {
            Timeframe::Short => t.timeframe_short.into(),
            Timeframe::Medium => t.timeframe_medium.into(),
            Timeframe::Long => t.timeframe_long.into(),
            Timeframe::Date(date) => date.clone(),
        }
    }
}

/// `Workshop::default_for(lang)` takes a language's code: the model names
/// no `Lang`.
impl AsRef<str> for Lang {
    fn as_ref(&self) -> &str {
        self.code()
    }
}

impl ReportWords for Lang {
    fn merge_group_report(
        self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String {
        self.speaker()
            .merge_group_report(number, added, updated, deleted, roster)
    }

    fn merge_nothing_new(self) -> &'static str {
        self.speaker().merge_nothing_new()
    }

    fn merge_clocks(self, n: usize) -> String {
        self.speaker().merge_clocks(n)
    }

    fn merge_outside(self, n: usize) -> String {
        self.speaker().merge_outside(n)
    }

    fn merge_verdicts_refused(self, n: usize) -> String {
        self.speaker().merge_verdicts_refused(n)
    }

    fn merge_future(self, n: usize, latest: jiff::Timestamp) -> String {
        self.speaker().merge_future(n, latest)
    }

    fn merge_versions(self, n: usize) -> String {
        self.speaker().merge_versions(n)
    }

    fn merge_words(self, merged: &[String], overlapped: &[String]) -> String {
        self.speaker().merge_words(merged, overlapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::{GroupReport, MergeReport};
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;

    fn session() -> Session {
        let now = jiff::Timestamp::from_second(0).unwrap();
        Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), now)
    }

    fn group(n: usize, added: usize, updated: usize, deleted: usize, roster: bool) -> GroupReport {
        let session = session();
        GroupReport {
            axis: session.groups[n].axis.clone(),
            added,
            updated,
            deleted,
            roster,
        }
    }

    /// The sentences the merge tests of the model used to pin.
    #[test]
    fn a_merge_report_is_told_in_the_language() {
        let session = session();
        let roster = MergeReport {
            groups: vec![group(2, 0, 0, 0, true)],
            ..MergeReport::default()
        };
        assert_eq!(
            roster.describe(&session, Lang::Es),
            "Grupo 3: relatoría actualizada"
        );
        let counts = MergeReport {
            groups: vec![group(1, 1, 1, 1, false)],
            ..MergeReport::default()
        };
        assert_eq!(
            counts.describe(&session, Lang::Es),
            "Grupo 2: 1 nuevo, 1 actualizado, 1 eliminado"
        );
        assert_eq!(
            MergeReport::default().describe(&session, Lang::En),
            "nothing new"
        );
    }

    #[test]
    fn the_default_workshop_follows_the_language_code() {
        let es = Workshop::default_for(Lang::Es).unwrap();
        let en = Workshop::default_for(Lang::En).unwrap();
        assert_eq!((es.language.as_str(), en.language.as_str()), ("es", "en"));
    }
}
