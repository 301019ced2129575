//! This screen's part in presence (issue 21): it tells the host which
//! input it is editing whenever that changes, and says so when it opens
//! one someone else is editing; and it names who is editing an input, for
//! the list to show beside it.
//!
//! Nothing here blocks anyone: edits of one input merge when kept.

use std::sync::Arc;

use uuid::Uuid;

use super::editor::EditTarget;
use super::notice::info_formatted;
use super::{Model, Open, Page, Viewer};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::session::{Editing, PersonId, Role};

/// The input this screen has an editor or form open on, if any: its text,
/// its observations, any field.
pub fn edited(viewer: &Viewer) -> Option<Uuid> {
    let form = viewer.form.as_ref().map(|form| form.id);
    let editor = viewer
        .editor
        .as_ref()
        .and_then(|editor| match editor.target {
            EditTarget::Input { id, .. } => Some(id),
            _ => None,
        });
    form.or(editor)
}

/// What this screen edits, as the host was last told, and who else was
/// editing it when its person was last told.
#[derive(Debug, Default)]
pub struct Mine {
    input: Option<Uuid>,
    told: Vec<PersonId>,
}

impl Mine {
    pub fn input(&self) -> Option<Uuid> {
        self.input
    }
}

/// After every message: when what this screen edits changed, the host is
/// told (and wakes the others). Someone else in the same input, there
/// first or come after, is named in a notice once, without closing
/// anything: the list that marks them is under the form. A screen that
/// only looks never edits, so never shows.
pub(super) fn report(model: &mut Model) {
    let Page::Workshop(open) = &mut model.page else {
        return;
    };
    if open.read_only.is_some() {
        return;
    }
    let now = edited(&open.viewer);
    if now != open.editing.input {
        open.editing = Mine {
            input: now,
            told: Vec::new(),
        };
        let editing = now.map(|input| Editing {
            input,
            role: open.role.clone(),
        });
        let mut host = crate::session::lock(&open.host);
        let up_to_date = host.revision() == open.revision;
        host.set_editing(open.person, editing);
        // This screen's own change is no news to it; another's, made
        // before, still wakes it.
        if up_to_date {
            open.revisions.borrow_and_update();
            open.revision = host.revision();
        }
        open.presence = Arc::clone(host.presence());
    }
    let Some(input) = now else {
        return;
    };
    let others = open.presence.editors(input, open.person);
    if others
        .iter()
        .any(|other| !open.editing.told.contains(other))
    {
        let presence = Arc::clone(&open.presence);
        let session = Arc::clone(&open.session);
        let me = open.person;
        model.notice = Some(info_formatted(move |lang| {
            lang.also_editing(&names(&presence.others(input, me), &session, lang))
        }));
    }
    open.editing.told = others;
}

/// "grupo1 está editando", for the list to show beside this input; `None`
/// when nobody else is editing it.
pub fn line(open: &Open, input: Uuid, lang: Lang) -> Option<String> {
    let others = open.presence.others(input, open.person);
    (!others.is_empty()).then(|| lang.is_editing(&names(&others, &open.session, lang)))
}

/// What each person is called: the rapporteur's name from their group's
/// roster when it is filled in, otherwise the user name they joined with
/// (`grupo1` as the group is numbered now, `facilitador`).
fn names(roles: &[&Role], session: &Session, lang: Lang) -> Vec<String> {
    roles.iter().map(|role| name(role, session, lang)).collect()
}

fn name(role: &Role, session: &Session, lang: Lang) -> String {
    match role {
        Role::Rapporteur { axis } => {
            let at = session.groups.iter().position(|g| g.axis == *axis);
            match at.map(|g| (g, session.groups[g].rapporteur.trim())) {
                Some((_, named)) if !named.is_empty() => person(named).to_string(),
                Some((g, _)) => lang.user_name(Some(g + 1)),
                // A group removed meanwhile: its axis is still who it was.
                None => axis.clone(),
            }
        }
        // The session names no facilitator of the day (each group's
        // facilitator is that group's), so the role's user name.
        // A ballot page never edits an input, so it is never named here.
        Role::Facilitator | Role::Room | Role::Reader | Role::Ballot => lang.user_name(None),
    }
}

/// The person of a roster's name: rosters read "Name — Institution,
/// Country", and beside an input the name is enough.
fn person(named: &str) -> &str {
    named.split(" — ").next().unwrap_or(named).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    #[test]
    fn a_rapporteur_is_named_from_the_roster_else_by_their_user_name() {
        let mut session = Session::new(
            "s",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        let axis = session.groups[1].axis.clone();
        let role = Role::Rapporteur { axis: axis.clone() };
        assert_eq!(name(&role, &session, Lang::Es), "grupo2");
        session.groups.remove(0);
        assert_eq!(name(&role, &session, Lang::En), "grupo1", "its number now");
        if let Some(group) = session.group_mut(0) {
            group.rapporteur = "Ana Pérez — Policía, Panamá".into();
        }
        assert_eq!(name(&role, &session, Lang::Es), "Ana Pérez");
        assert_eq!(name(&Role::Facilitator, &session, Lang::Es), "facilitador");
    }
}
