//! What a merge did, group by group, and how it is said.

use jiff::Timestamp;
use uuid::Uuid;

use crate::model::session::Session;

/// What a merge did to one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupReport {
    /// The axis of the group.
    pub axis: String,
    pub added: usize,
    /// Inputs whose text, fields, group or plenary decision changed.
    pub updated: usize,
    pub deleted: usize,
    /// The facilitator, the rapporteur or the participants changed.
    pub roster: bool,
}

impl GroupReport {
    pub fn changed(&self) -> bool {
        self.added + self.updated + self.deleted > 0 || self.roster
    }
}

/// The words a merge report is told in. The interface's strings (`Lang`)
/// implement it: the model says what happened, the language says it.
pub trait ReportWords: Copy {
    /// "Grupo 2: 3 nuevos, 1 actualizado, 1 eliminado; relatoría actualizada".
    fn merge_group_report(
        self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String;
    fn merge_nothing_new(self) -> &'static str;
    fn merge_clocks(self, n: usize) -> String;
    /// "3 cambios fuera de su grupo no se tomaron".
    fn merge_outside(self, n: usize) -> String;
    /// "2 decisiones de la plenaria no se tomaron: vienen solo de su sesión".
    fn merge_verdicts_refused(self, n: usize) -> String;
    /// "1 cambio con fecha futura (hasta 1 de enero de 2999, 00:00 UTC) no ganó: ¿reloj adelantado?".
    fn merge_future(self, n: usize, latest: Timestamp) -> String;
    /// "1 insumo con dos textos a la misma hora: se guardan los dos (⟦otra versión: …⟧)".
    fn merge_versions(self, n: usize) -> String;
    /// "textos cambiados en las dos computadoras, combinados palabra por
    /// palabra: 1.2, 3.1 (en 3.1 las mismas palabras: …)": the numbers of
    /// the inputs merged, and of those where both changed the same words.
    fn merge_words(self, merged: &[String], overlapped: &[String]) -> String;
}

/// What a merge did, group by group, and beyond the groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Only the groups that changed, in the order of the session.
    pub groups: Vec<GroupReport>,
    /// Clocks that took the other file's time (a run or a reset).
    pub clocks: usize,
    /// The plan's title, date or place changed.
    pub details: bool,
    /// Whether the file merged in carries decisions of the plenary
    /// (verdicts, observations or votes).
    pub brought_decisions: bool,
    /// Something changed that is not worth saying (a deletion of an input
    /// this session never had, the time of an unchanged verdict): the
    /// session must still be saved.
    pub quiet: bool,
    /// A group laptop's changes beyond its own group (other groups' inputs
    /// and deletions), left out: its file changes only its group.
    pub outside: usize,
    /// Inputs whose plenary say (verdict, observations, votes) a group
    /// laptop's file tried to change, left out: that comes only from the
    /// plenary's session.
    pub verdicts_refused: usize,
    /// Changes dated after this machine's now (beyond `FUTURE_TOLERANCE`):
    /// none of them won; new ones were dated now, the rest held back (an
    /// input's text kept as another version).
    pub future: usize,
    /// The latest of those dates, to name it.
    pub future_latest: Option<Timestamp>,
    /// Inputs whose text was changed in two ways at one same time: both
    /// texts kept, the other marked (see `versions`).
    pub versions: usize,
    /// Inputs whose text both copies changed since the text a group laptop
    /// started from (`Input::import_base`): the two changes merged word by
    /// word. `true` where both changed the same words: both versions kept,
    /// the other marked.
    pub merged: Vec<(Uuid, bool)>,
}

impl MergeReport {
    pub fn changed(&self) -> bool {
        self.groups.iter().any(GroupReport::changed)
            || self.clocks > 0
            || self.details
            || self.quiet
    }

    /// New and updated inputs in all groups.
    pub fn counts(&self) -> (usize, usize) {
        self.groups
            .iter()
            .fold((0, 0), |(a, u), g| (a + g.added, u + g.updated))
    }

    pub fn deleted(&self) -> usize {
        self.groups.iter().map(|g| g.deleted).sum()
    }

    /// "Grupo 2: 3 nuevos, 1 actualizado, 1 eliminado; relatoría
    /// actualizada · Grupo 4: …", or that nothing changed.
    ///
    /// Told in `words`: the interface's language implements [`ReportWords`],
    /// so the model names no language.
    pub fn describe(&self, session: &Session, lang: impl ReportWords) -> String {
        let parts: Vec<String> = self
            .groups
            .iter()
            .filter(|g| g.changed())
            .map(|g| {
                let number = session
                    .workshop
                    .axis(&g.axis)
                    .map_or_else(|| g.axis.clone(), |a| a.number.to_string());
                lang.merge_group_report(&number, g.added, g.updated, g.deleted, g.roster)
            })
            .collect();
        let mut text = if parts.is_empty() {
            lang.merge_nothing_new().to_string()
        } else {
            parts.join(" · ")
        };
        if self.clocks > 0 {
            text.push_str(&format!(" · {}", lang.merge_clocks(self.clocks)));
        }
        if self.versions > 0 {
            text.push_str(&format!(" · {}", lang.merge_versions(self.versions)));
        }
        if !self.merged.is_empty() {
            let numbers = session.input_numbers();
            let number = |id: &Uuid| numbers.get(id).cloned().unwrap_or_else(|| id.to_string());
            let merged: Vec<String> = self.merged.iter().map(|(id, _)| number(id)).collect();
            let overlapped: Vec<String> = self
                .merged
                .iter()
                .filter(|(_, overlapped)| *overlapped)
                .map(|(id, _)| number(id))
                .collect();
            text.push_str(&format!(" · {}", lang.merge_words(&merged, &overlapped)));
        }
        if self.outside > 0 {
            text.push_str(&format!(" · {}", lang.merge_outside(self.outside)));
        }
        if self.verdicts_refused > 0 {
            let said = lang.merge_verdicts_refused(self.verdicts_refused);
            text.push_str(&format!(" · {said}"));
        }
        if let (n @ 1.., Some(latest)) = (self.future, self.future_latest) {
            text.push_str(&format!(" · {}", lang.merge_future(n, latest)));
        }
        text
    }

    /// Adds what another merge did (the next file of a folder).
    pub fn absorb(&mut self, other: MergeReport) {
        for g in other.groups {
            let mine = self.group(&g.axis);
            mine.added += g.added;
            mine.updated += g.updated;
            mine.deleted += g.deleted;
            mine.roster |= g.roster;
        }
        self.clocks += other.clocks;
        self.details |= other.details;
        self.brought_decisions |= other.brought_decisions;
        self.quiet |= other.quiet;
        self.outside += other.outside;
        self.verdicts_refused += other.verdicts_refused;
        self.future += other.future;
        self.future_latest = self.future_latest.max(other.future_latest);
        self.versions += other.versions;
        self.merged.extend(other.merged);
    }

    /// Groups in the order of `session`: the report reads like the screen.
    pub fn in_order_of(&mut self, session: &Session) {
        let order: Vec<&str> = session.groups.iter().map(|g| g.axis.as_str()).collect();
        self.groups
            .sort_by_key(|g| order.iter().position(|a| *a == g.axis));
    }

    pub(super) fn group(&mut self, axis: &str) -> &mut GroupReport {
        let index = match self.groups.iter().position(|g| g.axis == axis) {
            Some(index) => index,
            None => {
                self.groups.push(GroupReport {
                    axis: axis.to_string(),
                    ..GroupReport::default()
                });
                self.groups.len() - 1
            }
        };
        &mut self.groups[index]
    }
}
