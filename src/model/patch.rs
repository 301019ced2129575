//! The fields of an input that one edit changed. A form sends these, never a
//! whole copy taken when it opened: a rapporteur fixing a text must not put
//! back the verdict and votes the facilitator gave meanwhile.
//!
//! Two people editing the same text is merged too: an edit of the text or
//! the observations may carry the text it started from (`Bases`), and when
//! someone else changed that text meanwhile, the two changes are merged
//! word by word (`word_merge`) instead of the last one overwriting.

use super::input::{Kind, Priority, Scope, Status, Timeframe};
use jiff::Timestamp;
use uuid::Uuid;

use super::session::{Input, Session};

/// Each field is `Some` when it changed, holding its new value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputPatch {
    pub text: Option<String>,
    pub kind: Option<Kind>,
    pub scope: Option<Option<Scope>>,
    pub countries: Option<Vec<String>>,
    pub lead: Option<String>,
    pub partners: Option<String>,
    pub timeframe: Option<Option<Timeframe>>,
    pub indicator: Option<String>,
    pub priority: Option<Option<Priority>>,
    pub status: Option<Option<Status>>,
    pub observations: Option<String>,
    pub votes: Option<u32>,
    /// What the merged texts were when the edit started.
    pub bases: Bases,
}

/// The text and observations an edit started from, when it says: with a
/// base, a text someone else changed since is merged, not overwritten.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bases {
    pub text: Option<String>,
    pub observations: Option<String>,
}

/// The fields of an input written as prose, which merge word by word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Text,
    Observations,
}

/// A field edited from a base someone else changed since: merged, and
/// whether the two edits changed the same words (both versions then kept,
/// the other marked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub field: TextField,
    pub overlapped: bool,
}

/// Runs `$m!(field, path)` for every field: one list, so a field added to
/// the patch cannot be forgotten by one of its operations.
macro_rules! each_field {
    ($m:ident) => {
        $m!(text, text);
        $m!(kind, kind);
        $m!(scope, action.scope);
        $m!(countries, action.countries);
        $m!(lead, action.lead);
        $m!(partners, action.partners);
        $m!(timeframe, action.timeframe);
        $m!(indicator, action.indicator);
        $m!(priority, action.priority);
        $m!(status, plenary.status);
        $m!(observations, plenary.observations);
        $m!(votes, plenary.votes);
    };
}

impl InputPatch {
    /// The text alone.
    pub fn text(text: String) -> InputPatch {
        InputPatch {
            text: Some(text),
            ..InputPatch::default()
        }
    }

    /// The text alone, typed over `base`.
    pub fn text_from(base: String, text: String) -> InputPatch {
        InputPatch {
            text: Some(text),
            bases: Bases {
                text: Some(base),
                observations: None,
            },
            ..InputPatch::default()
        }
    }

    /// The patch as it lands on `input` now: a text with a base that
    /// someone else changed since carries both changes, merged. Returns it
    /// without bases, and the fields merged.
    pub fn merged_onto(&self, input: &Input, language: &str) -> (InputPatch, Vec<Merge>) {
        let mut landed = InputPatch {
            bases: Bases::default(),
            ..self.clone()
        };
        let mut merges = Vec::new();
        let fields = [
            (
                TextField::Text,
                &self.bases.text,
                &mut landed.text,
                &input.text,
            ),
            (
                TextField::Observations,
                &self.bases.observations,
                &mut landed.observations,
                &input.plenary.observations,
            ),
        ];
        for (field, base, mine, now) in fields {
            if let (Some(base), Some(text)) = (base, mine.as_mut())
                && base != now
                && text != now
            {
                let merged = super::word_merge::merge(base, text, now);
                *text = merged.text(language);
                merges.push(Merge {
                    field,
                    overlapped: merged.overlapped(),
                });
            }
        }
        (landed, merges)
    }

    /// Whether the field merges when this patch is applied (it has a base).
    pub fn merges(&self, field: TextField) -> bool {
        match field {
            TextField::Text => self.bases.text.is_some() && self.text.is_some(),
            TextField::Observations => {
                self.bases.observations.is_some() && self.observations.is_some()
            }
        }
    }

    /// What changed from `before` to `after`.
    pub fn between(before: &Input, after: &Input) -> InputPatch {
        let mut patch = InputPatch::default();
        macro_rules! diff {
            ($field:ident, $($path:ident).+) => {
                if before.$($path).+ != after.$($path).+ {
                    patch.$field = Some(after.$($path).+.clone());
                }
            };
        }
        each_field!(diff);
        patch
    }

    pub fn is_empty(&self) -> bool {
        *self == InputPatch::default()
    }

    /// Whether it touches what the closing plenary decides.
    pub fn is_plenary(&self) -> bool {
        self.status.is_some() || self.observations.is_some() || self.votes.is_some()
    }

    /// Writes the changed fields; returns whether the input changed.
    pub fn apply(&self, input: &mut Input) -> bool {
        let mut changed = false;
        macro_rules! set {
            ($field:ident, $($path:ident).+) => {
                if let Some(value) = &self.$field
                    && input.$($path).+ != *value
                {
                    input.$($path).+ = value.clone();
                    changed = true;
                }
            };
        }
        each_field!(set);
        changed
    }

    /// The same fields as they are in `input` now: applied after this
    /// patch, it puts them back.
    pub fn inverse(&self, input: &Input) -> InputPatch {
        let mut inverse = InputPatch::default();
        macro_rules! back {
            ($field:ident, $($path:ident).+) => {
                if self.$field.is_some() {
                    inverse.$field = Some(input.$($path).+.clone());
                }
            };
        }
        each_field!(back);
        inverse
    }

    /// Adds the fields of `other` this patch lacks (for the way back over
    /// two edits: the older value of each field wins).
    pub fn keep_missing_from(&mut self, other: &InputPatch) {
        macro_rules! keep {
            ($field:ident, $($path:ident).+) => {
                if self.$field.is_none() {
                    self.$field = other.$field.clone();
                }
            };
        }
        each_field!(keep);
    }

    /// Takes every field `other` carries (for the way on over two edits:
    /// the newer value of each field wins).
    pub fn override_with(&mut self, other: &InputPatch) {
        macro_rules! take {
            ($field:ident, $($path:ident).+) => {
                if other.$field.is_some() {
                    self.$field = other.$field.clone();
                }
            };
        }
        each_field!(take);
    }

    /// Whether `input` still holds every value of this patch: nobody else
    /// changed those fields since. A text with a base needs not: undoing
    /// it merges, taking back only its own words.
    pub fn holds_in(&self, input: &Input) -> bool {
        let mut this = self.clone();
        if self.merges(TextField::Text) {
            this.text = None;
        }
        if self.merges(TextField::Observations) {
            this.observations = None;
        }
        let mut holds = true;
        macro_rules! check {
            ($field:ident, $($path:ident).+) => {
                if let Some(value) = &this.$field {
                    holds &= input.$($path).+ == *value;
                }
            };
        }
        each_field!(check);
        holds
    }
}

impl Session {
    /// Writes the fields a patch carries; returns whether the input changed.
    pub fn patch_input(
        &mut self,
        group: usize,
        id: Uuid,
        patch: &InputPatch,
        now: Timestamp,
    ) -> bool {
        let Some(input) = self.input_mut(group, id) else {
            return false;
        };
        let content = (input.text.clone(), input.kind, input.action.clone());
        let plenary = input.plenary.clone();
        if !patch.apply(input) {
            return false;
        }
        // Each part keeps its own change time (see `merge`): a vote is not
        // an edit of the text, and clearing votes is a change of the vote.
        if (&input.text, input.kind, &input.action) != (&content.0, content.1, &content.2) {
            input.updated_at = now;
        }
        if !input.plenary.same_decision(&plenary) {
            input.plenary.updated_at = Some(now);
        }
        self.touch(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Input {
        let mut session = crate::model::session::Session::new(
            "t",
            crate::model::workshop::Workshop::default_for("es").unwrap(),
            jiff::Timestamp::UNIX_EPOCH,
        );
        let id = session
            .add_input(0, "Texto".into(), jiff::Timestamp::UNIX_EPOCH)
            .unwrap();
        session.input(0, id).unwrap().clone()
    }

    #[test]
    fn a_patch_carries_only_what_changed_and_inverts() {
        let before = input();
        let mut after = before.clone();
        after.text = "Texto nuevo".into();
        after.plenary.votes = 4;
        let patch = InputPatch::between(&before, &after);
        assert_eq!(patch.text.as_deref(), Some("Texto nuevo"));
        assert_eq!(patch.votes, Some(4));
        assert_eq!(patch.kind, None);
        assert!(patch.is_plenary());

        let mut target = before.clone();
        let inverse = patch.inverse(&target);
        assert!(patch.apply(&mut target));
        assert!(patch.holds_in(&target));
        assert!(!patch.apply(&mut target), "applying twice changes nothing");
        assert!(inverse.apply(&mut target));
        assert_eq!(target, before);
    }

    #[test]
    fn two_patches_of_different_fields_both_hold() {
        let base = input();
        let mut text = base.clone();
        text.text = "Corregido".into();
        let mut verdict = base.clone();
        verdict.plenary.status = Some(Status::Agreed);
        let mut merged = base.clone();
        InputPatch::between(&base, &verdict).apply(&mut merged);
        InputPatch::between(&base, &text).apply(&mut merged);
        assert_eq!(merged.text, "Corregido");
        assert_eq!(merged.plenary.status, Some(Status::Agreed));
    }
}
