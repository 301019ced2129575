//! Undo and redo of what changes inputs: edits, deletes and moves (`u`,
//! `Ctrl+R`), the last `UNDO_DEPTH` of them.

use jiff::Timestamp;
use uuid::Uuid;

use crate::model::session::{Input, Session};

/// Changes remembered for undo.
pub const UNDO_DEPTH: usize = 50;

#[derive(Debug, Clone)]
pub enum Change {
    /// An input's text, kind or fields changed.
    Edit {
        group: usize,
        before: Box<Input>,
        after: Box<Input>,
    },
    Delete {
        group: usize,
        index: usize,
        input: Box<Input>,
    },
    /// Moved within a group (reordered) or to another group.
    Move {
        id: Uuid,
        from: (usize, usize),
        to: (usize, usize),
    },
}

#[derive(Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Remembers a change just made; a new change forgets what was undone.
    /// Successive edits of one input (the draft saved every second, say)
    /// are one change.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        if let (
            Some(Change::Edit {
                before: first,
                after,
                ..
            }),
            Change::Edit {
                before,
                after: newest,
                ..
            },
        ) = (self.undo.last_mut(), &change)
            && first.id == before.id
            && *after == *before
        {
            *after = newest.clone();
            return;
        }
        self.undo.push(change);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// Undoes the last change; returns the group and place it concerns.
    pub fn undo(&mut self, session: &mut Session, now: Timestamp) -> Option<(usize, usize)> {
        let change = self.undo.pop()?;
        let place = apply(&change, session, now, true);
        if place.is_some() {
            self.redo.push(change);
        }
        place
    }

    pub fn redo(&mut self, session: &mut Session, now: Timestamp) -> Option<(usize, usize)> {
        let change = self.redo.pop()?;
        let place = apply(&change, session, now, false);
        if place.is_some() {
            self.undo.push(change);
        }
        place
    }
}

/// Applies a change backwards (`undo`) or forwards; the place it lands.
fn apply(
    change: &Change,
    session: &mut Session,
    now: Timestamp,
    undo: bool,
) -> Option<(usize, usize)> {
    match change {
        Change::Edit {
            group,
            before,
            after,
        } => {
            let wanted = if undo { before } else { after };
            session.replace_input(*group, wanted, now);
            let index = session
                .groups
                .get(*group)?
                .inputs
                .iter()
                .position(|i| i.id == wanted.id)?;
            Some((*group, index))
        }
        Change::Delete {
            group,
            index,
            input,
        } => {
            if undo {
                session
                    .restore_input(*group, *index, (**input).clone(), now)
                    .then_some((*group, *index))
            } else {
                let (index, _) = session.remove_input(*group, input.id, now)?;
                Some((*group, index))
            }
        }
        Change::Move { id, from, to } => {
            let (source, target) = if undo { (to, from) } else { (from, to) };
            session.move_input(source.0, *id, target.0, target.1, now)?;
            Some(*target)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::workshop::Workshop;

    fn session() -> Session {
        Session::new(
            "historia",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        )
    }

    fn texts(s: &Session, group: usize) -> Vec<String> {
        s.groups[group]
            .inputs
            .iter()
            .map(|i| i.text.clone())
            .collect()
    }

    #[test]
    fn undo_and_redo_walk_edits_deletes_and_moves() {
        let mut s = session();
        let now = Timestamp::UNIX_EPOCH;
        let a = s.add_input(0, "a".into(), now).unwrap();
        let b = s.add_input(0, "b".into(), now).unwrap();
        let mut h = History::default();

        let before = s.groups[0].inputs[0].clone();
        let mut after = before.clone();
        after.text = "a editada".into();
        s.replace_input(0, &after, now);
        h.record(Change::Edit {
            group: 0,
            before: Box::new(before),
            after: Box::new(after),
        });

        let from = (0, 1);
        s.move_input(0, b, 2, 0, now).unwrap();
        h.record(Change::Move {
            id: b,
            from,
            to: (2, 0),
        });

        let (index, input) = s.remove_input(0, a, now).unwrap();
        h.record(Change::Delete {
            group: 0,
            index,
            input: Box::new(input),
        });
        assert!(texts(&s, 0).is_empty());

        assert_eq!(h.undo(&mut s, now), Some((0, 0)));
        assert_eq!(texts(&s, 0), ["a editada"]);
        assert_eq!(h.undo(&mut s, now), Some((0, 1)));
        assert_eq!(texts(&s, 0), ["a editada", "b"]);
        assert!(texts(&s, 2).is_empty());
        assert_eq!(h.undo(&mut s, now), Some((0, 0)));
        assert_eq!(texts(&s, 0), ["a", "b"]);
        assert_eq!(h.undo(&mut s, now), None);

        h.redo(&mut s, now);
        h.redo(&mut s, now);
        assert_eq!(texts(&s, 2), ["b"]);
        assert_eq!(texts(&s, 0), ["a editada"]);
    }

    #[test]
    fn successive_edits_of_one_input_are_one_change_and_depth_is_bounded() {
        let mut s = session();
        let now = Timestamp::UNIX_EPOCH;
        s.add_input(0, "v0".into(), now).unwrap();
        let mut h = History::default();
        for n in 1..=3 {
            let before = s.groups[0].inputs[0].clone();
            let mut after = before.clone();
            after.text = format!("v{n}");
            s.replace_input(0, &after, now);
            h.record(Change::Edit {
                group: 0,
                before: Box::new(before),
                after: Box::new(after),
            });
        }
        h.undo(&mut s, now);
        assert_eq!(texts(&s, 0), ["v0"], "one undo takes back the whole edit");

        for n in 0..(UNDO_DEPTH + 10) {
            let id = s.add_input(1, format!("{n}"), now).unwrap();
            let (index, input) = s.remove_input(1, id, now).unwrap();
            h.record(Change::Delete {
                group: 1,
                index,
                input: Box::new(input),
            });
        }
        let undone = std::iter::from_fn(|| h.undo(&mut s, now)).count();
        assert_eq!(undone, UNDO_DEPTH);
    }
}
