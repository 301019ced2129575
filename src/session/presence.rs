//! Who is editing which input now: live state the host holds and
//! publishes with every revision, never saved and never a command (it is
//! not a change of the session, so there is nothing to undo or save).
//!
//! Keyed by the screen (its `PersonId`, one per open screen, even two of
//! one role) and by the input's UUID, never by a position: inputs move,
//! groups are removed and renumbered while someone types.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::role::Role;

/// A person following the session from one screen: each screen has its own
/// undo and presence, even two of one role.
pub type PersonId = u64;

/// One screen with an editor or form open on an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub input: Uuid,
    /// Who edits, as the screen joined: a name is made of it when drawn
    /// (the rapporteur's name from the roster as it is then).
    pub role: Role,
}

/// Every screen editing an input now. Ordered by screen, so the same
/// people are named in the same order on every screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presence {
    editing: BTreeMap<PersonId, Editing>,
}

impl Presence {
    /// This screen now edits `editing` (`None`: no input). True when that
    /// changed what others see.
    pub fn set(&mut self, person: PersonId, editing: Option<Editing>) -> bool {
        match editing {
            Some(editing) => self.editing.insert(person, editing.clone()) != Some(editing),
            None => self.editing.remove(&person).is_some(),
        }
    }

    /// What this screen edits, if anything.
    pub fn of(&self, person: PersonId) -> Option<&Editing> {
        self.editing.get(&person)
    }

    /// The roles of the screens other than `me` editing `input`, in the
    /// order they are named.
    pub fn others(&self, input: Uuid, me: PersonId) -> Vec<&Role> {
        self.editing
            .iter()
            .filter(|(person, editing)| **person != me && editing.input == input)
            .map(|(_, editing)| &editing.role)
            .collect()
    }

    /// The screens other than `me` editing `input`.
    pub fn editors(&self, input: Uuid, me: PersonId) -> Vec<PersonId> {
        self.editing
            .iter()
            .filter(|(person, editing)| **person != me && editing.input == input)
            .map(|(person, _)| *person)
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.editing.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rapporteur(axis: &str) -> Role {
        Role::Rapporteur { axis: axis.into() }
    }

    fn on(input: Uuid, role: Role) -> Option<Editing> {
        Some(Editing { input, role })
    }

    #[test]
    fn a_screen_editing_shows_to_others_and_not_to_itself() {
        let input = Uuid::new_v4();
        let mut presence = Presence::default();
        assert!(presence.set(1, on(input, rapporteur("eje1"))));
        assert_eq!(presence.others(input, 2), vec![&rapporteur("eje1")]);
        assert!(presence.others(input, 1).is_empty(), "not to itself");
        assert!(presence.others(Uuid::new_v4(), 2).is_empty(), "only there");
        assert_eq!(presence.editors(input, 2), vec![1]);
        assert!(presence.editors(input, 1).is_empty());
    }

    #[test]
    fn only_a_real_change_is_a_change() {
        let input = Uuid::new_v4();
        let mut presence = Presence::default();
        assert!(!presence.set(1, None), "nobody was editing");
        assert!(presence.set(1, on(input, Role::Facilitator)));
        assert!(
            !presence.set(1, on(input, Role::Facilitator)),
            "the same again wakes nobody"
        );
        let other = Uuid::new_v4();
        assert!(presence.set(1, on(other, Role::Facilitator)), "moved on");
        assert!(presence.others(input, 2).is_empty(), "left the first");
        assert!(presence.set(1, None));
        assert!(presence.is_empty());
    }

    /// The host publishes presence like a revision, only when it changes,
    /// and a screen that leaves takes its presence with it.
    #[test]
    fn the_host_wakes_screens_only_for_a_change_and_forgets_who_left() {
        use crate::model::session::Session;
        use crate::model::workshop::Workshop;
        use jiff::Timestamp;
        let session = Session::new(
            "s",
            Workshop::default_for(crate::i18n::Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        let mut host = crate::session::Host::new(
            "s.json".into(),
            session,
            None,
            Box::new(crate::session::Recorder::default()),
            Timestamp::UNIX_EPOCH,
        );
        let (editor, other) = (host.join(), host.join());
        let mut woken = host.revisions();
        woken.borrow_and_update();
        let input = Uuid::new_v4();
        host.set_editing(editor, on(input, Role::Facilitator));
        assert!(woken.has_changed().unwrap());
        woken.borrow_and_update();
        assert_eq!(host.snapshot().presence.others(input, other).len(), 1);
        host.set_editing(editor, on(input, Role::Facilitator));
        host.set_editing(other, None);
        host.leave(other);
        assert!(
            !woken.has_changed().unwrap(),
            "nothing changed, nobody woken"
        );
        host.leave(editor);
        assert!(woken.has_changed().unwrap());
        assert!(host.snapshot().presence.is_empty(), "no ghost");
    }

    #[test]
    fn two_screens_of_one_role_are_two_people() {
        let input = Uuid::new_v4();
        let mut presence = Presence::default();
        presence.set(3, on(input, Role::Facilitator));
        presence.set(1, on(input, rapporteur("eje2")));
        presence.set(2, on(input, Role::Facilitator));
        // In the order of the screens, whoever looks.
        assert_eq!(
            presence.others(input, 9),
            vec![&rapporteur("eje2"), &Role::Facilitator, &Role::Facilitator]
        );
        assert_eq!(
            presence.others(input, 2),
            vec![&rapporteur("eje2"), &Role::Facilitator]
        );
        presence.set(3, None);
        assert_eq!(presence.of(2).map(|e| e.input), Some(input));
        assert_eq!(presence.others(input, 2), vec![&rapporteur("eje2")]);
    }
}
