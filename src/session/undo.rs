//! Each person's undo: `u` undoes your own last change, never someone
//! else's, and not when someone else changed the same thing since.

use uuid::Uuid;

use super::command::Command;
use crate::model::patch::{InputPatch, TextField};
use crate::model::session::{Participant, RosterRole, Session};
use crate::model::word_merge;

/// Changes remembered per person.
pub const UNDO_DEPTH: usize = 50;

/// A change a person made: how to undo it, and how to make it again.
#[derive(Debug, Clone)]
pub(super) struct Done {
    pub undo: Command,
    pub redo: Command,
    /// Someone else's change was carried into it since (see
    /// `History::follow`): a later edit of the same input is another change.
    pub carried: bool,
}

impl Done {
    pub fn new(undo: Command, redo: Command) -> Done {
        Done {
            undo,
            redo,
            carried: false,
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct History {
    undo: Vec<Done>,
    redo: Vec<Done>,
}

impl History {
    /// Remembers a change just made; a new change forgets what was undone.
    /// Successive edits of one input's fields (the draft kept every second,
    /// say) are one change: the first one's way back, the last one's way on.
    pub fn record(&mut self, done: Done) {
        self.redo.clear();
        if let Some(last) = self.undo.last_mut()
            && !last.carried
            && let (
                Command::PatchInput {
                    id: last_id,
                    patch: last_back,
                },
                Command::PatchInput { id, patch: back },
                Command::PatchInput { patch: last_on, .. },
                Command::PatchInput { patch: on, .. },
            ) = (&mut last.undo, &done.undo, &mut last.redo, &done.redo)
            && last_id == id
            && follows(last_back, back)
        {
            last_back.keep_missing_from(back);
            last_on.override_with(on);
            // A merged text goes back from what the last edit left to what
            // the first found, and on again the other way.
            macro_rules! join {
                ($field:ident) => {
                    if let Some(left) = &back.bases.$field {
                        last_back.bases.$field = Some(left.clone());
                        last_on.$field = Some(left.clone());
                        last_on.bases.$field = last_back.$field.clone();
                    }
                };
            }
            join!(text);
            join!(observations);
            return;
        }
        self.undo.push(done);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    pub fn take_undo(&mut self) -> Option<Done> {
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<Done> {
        self.redo.pop()
    }

    pub fn push_undo(&mut self, done: Done) {
        self.undo.push(done);
    }

    pub fn push_redo(&mut self, done: Done) {
        self.redo.push(done);
    }

    /// Someone's change landed: every merged text this history would put
    /// back is carried onto the session as it is now, one change at a time
    /// (where both changed the same words, both versions stay, as in any
    /// merge). Merged late, at the undo, a word someone else erased and a
    /// third person typed again between the same words looks like the
    /// undone edit's own, and the undo would take it; carried at each
    /// change, the erasure reaches the undo first. (A redo merges late,
    /// from exactly what its undo left: see `Host::step_history`.)
    pub fn follow(&mut self, session: &Session, touched: &Touched) {
        for done in &mut self.undo {
            if touched.reaches(&done.undo) {
                done.carried |= carry(&mut done.undo, session);
            }
        }
    }
}

/// The texts a change may have changed: only undos of those need carrying
/// (looking an input up is a walk through the session, too dear to make for
/// every undo of every person at every change of a big session).
pub(super) enum Touched<'a> {
    Nothing,
    /// An input's text or observations.
    Input(Uuid),
    /// A group's roster names or participants.
    Group(&'a str),
    /// Any (an import).
    Everything,
}

impl Touched<'_> {
    /// What `command` may have changed of the texts an undo puts back.
    /// Every command is named: a new one must say.
    pub fn by(command: &Command) -> Touched<'_> {
        match command {
            Command::PatchInput { id, .. } => Touched::Input(*id),
            Command::SetRoster { axis, .. } | Command::SetParticipants { axis, .. } => {
                Touched::Group(axis)
            }
            Command::Import { .. } => Touched::Everything,
            // Adding, deleting, putting back or moving an input, and the
            // agenda's edits, leave every text as it was.
            Command::AddInput { .. }
            | Command::RestoreInput { .. }
            | Command::DeleteInput { .. }
            | Command::MoveInput { .. }
            | Command::InviteCountry(_)
            | Command::Clock { .. }
            | Command::Schedule(_)
            | Command::RoomMessage(_)
            | Command::Agenda(_)
            // Polls touch votes (a reveal) and their own record, no text.
            | Command::Poll(_)
            | Command::Ballot { .. } => Touched::Nothing,
        }
    }

    fn reaches(&self, undo: &Command) -> bool {
        match (self, undo) {
            (Touched::Nothing, _) => false,
            (Touched::Everything, _) => true,
            (Touched::Input(id), Command::PatchInput { id: undone, .. }) => id == undone,
            (
                Touched::Group(axis),
                Command::SetRoster { axis: undone, .. }
                | Command::SetParticipants { axis: undone, .. },
            ) => axis == undone,
            (Touched::Input(_) | Touched::Group(_), _) => false,
        }
    }
}

/// Whether applying `command` merges a text with what is there (it carries
/// the text it was made from).
pub(super) fn merges(command: &Command) -> bool {
    match command {
        Command::PatchInput { patch, .. } => {
            patch.merges(TextField::Text) || patch.merges(TextField::Observations)
        }
        Command::SetRoster { base, .. } => base.is_some(),
        Command::SetParticipants { base, .. } => base.is_some(),
        Command::AddInput { .. }
        | Command::RestoreInput { .. }
        | Command::DeleteInput { .. }
        | Command::MoveInput { .. }
        | Command::InviteCountry(_)
        | Command::Clock { .. }
        | Command::Schedule(_)
        | Command::RoomMessage(_)
        | Command::Agenda(_)
        | Command::Import { .. }
        | Command::Poll(_)
        | Command::Ballot { .. } => false,
    }
}

/// Carries a merging undo onto `session`: what it would write becomes what
/// it would write merged with everything changed since its base, and its
/// base the session's value now. Returns whether it changed.
fn carry(command: &mut Command, session: &Session) -> bool {
    let language = &session.workshop.language;
    match command {
        Command::PatchInput { id, patch } => {
            let Some(input) = session
                .group_of_input(*id)
                .and_then(|g| session.input(g, *id))
            else {
                return false;
            };
            let text = carry_text(
                &mut patch.bases.text,
                &mut patch.text,
                &input.text,
                language,
            );
            let observations = carry_text(
                &mut patch.bases.observations,
                &mut patch.observations,
                &input.plenary.observations,
                language,
            );
            text || observations
        }
        Command::SetRoster {
            axis,
            role,
            name,
            base: Some(base),
        } => {
            let Some(group) = session.groups.iter().find(|g| g.axis == *axis) else {
                return false;
            };
            let now = match role {
                RosterRole::Facilitator => &group.facilitator,
                RosterRole::Rapporteur => &group.rapporteur,
            };
            let differs = base != now;
            if differs {
                *name = word_merge::merge(base, name, now).text(language);
                *base = now.clone();
            }
            differs
        }
        Command::SetParticipants {
            axis,
            participants,
            base: Some(base),
        } => {
            let Some(group) = session.groups.iter().find(|g| g.axis == *axis) else {
                return false;
            };
            let differs = *base != group.participants;
            if differs {
                *participants =
                    Participant::merged(base, participants, &group.participants, language).0;
                *base = group.participants.clone();
            }
            differs
        }
        Command::SetRoster { base: None, .. }
        | Command::SetParticipants { base: None, .. }
        | Command::AddInput { .. }
        | Command::RestoreInput { .. }
        | Command::DeleteInput { .. }
        | Command::MoveInput { .. }
        | Command::InviteCountry(_)
        | Command::Clock { .. }
        | Command::Schedule(_)
        | Command::RoomMessage(_)
        | Command::Agenda(_)
        | Command::Import { .. }
        | Command::Poll(_)
        | Command::Ballot { .. } => false,
    }
}

fn carry_text(
    base: &mut Option<String>,
    text: &mut Option<String>,
    now: &str,
    language: &str,
) -> bool {
    if let (Some(base), Some(text)) = (base.as_mut(), text.as_mut())
        && base != now
    {
        *text = word_merge::merge(base, text, now).text(language);
        *base = now.to_string();
        return true;
    }
    false
}

/// Whether the undo `back` of an edit can join the undo `last_back` of the
/// one before it: a merged text only when nobody changed it in between
/// (the second edit found it as the first left it), or one undo would take
/// back their words too.
fn follows(last_back: &InputPatch, back: &InputPatch) -> bool {
    macro_rules! joins {
        ($field:ident, $which:expr) => {
            match (last_back.merges($which), back.merges($which)) {
                (true, true) => last_back.bases.$field == back.$field,
                // A plain value and a merged one do not mix.
                (true, false) => back.$field.is_none(),
                (false, true) => last_back.$field.is_none(),
                (false, false) => true,
            }
        };
    }
    joins!(text, TextField::Text) && joins!(observations, TextField::Observations)
}

/// Whether the session still shows `made` as its author left it, so that
/// undoing it (or redoing the undo) overwrites nobody's later change.
///
/// Every command is named, none caught by `_`: a new command does not
/// compile until it says whether its undo may overwrite someone's change.
pub(super) fn still_holds(made: &Command, session: &Session) -> bool {
    let input = |id| {
        session
            .group_of_input(id)
            .and_then(|g| session.input(g, id))
    };
    match made {
        Command::PatchInput { id, patch } => input(*id).is_some_and(|i| patch.holds_in(i)),
        Command::AddInput { id, text, .. } => input(*id).is_some_and(|i| i.text == *text),
        Command::RestoreInput {
            input: restored, ..
        } => input(restored.id).is_some_and(|i| i.text == restored.text),
        Command::DeleteInput { id } => input(*id).is_none(),
        Command::MoveInput { id, axis, .. } => session
            .group_of_input(*id)
            .is_some_and(|g| session.groups[g].axis == *axis),
        // A name edited from a base merges: undoing it takes back its words.
        Command::SetRoster { base: Some(_), .. } => true,
        Command::SetRoster {
            axis, role, name, ..
        } => session
            .groups
            .iter()
            .find(|g| g.axis == *axis)
            .is_some_and(|g| {
                *name
                    == *match role {
                        RosterRole::Facilitator => &g.facilitator,
                        RosterRole::Rapporteur => &g.rapporteur,
                    }
            }),
        // A list edited from a base merges: undoing it takes back its lines.
        Command::SetParticipants { base: Some(_), .. } => true,
        Command::SetParticipants {
            axis, participants, ..
        } => session
            .groups
            .iter()
            .find(|g| g.axis == *axis)
            .is_some_and(|g| g.participants == *participants),
        Command::Agenda(edit) => super::agenda::still_holds(edit, session),
        // Applying these leaves no undo (see `apply`): nothing to check.
        Command::InviteCountry(_)
        | Command::Clock { .. }
        | Command::Schedule(_)
        | Command::RoomMessage(_)
        | Command::Import { .. }
        | Command::Poll(_)
        | Command::Ballot { .. } => true,
    }
}
