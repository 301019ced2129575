//! What a screen says when two people's edits of one text were merged
//! (`model::word_merge`): the person who kept last is told by their own
//! commit, the person whose words were overlapped by the host
//! (`Host::take_overlaps`). An input is named by its number ("2.3"), a
//! group by its title, as the revision shown has them.

use std::sync::Arc;

use uuid::Uuid;

use super::notice::{Notice, error_formatted, info_formatted};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::session::{Outcome, Overlap};

/// What was merged, in words, if it is still there.
fn what(session: &Session, overlap: &Overlap) -> Option<Arc<dyn Fn(Lang) -> String + Send + Sync>> {
    match overlap {
        Overlap::Input { id, field } => {
            let number = number(session, *id)?;
            let field = *field;
            Some(Arc::new(move |lang: Lang| lang.input_field(&number, field)))
        }
        Overlap::Participants { axis } => {
            let group = session.groups.iter().position(|g| g.axis == *axis)?;
            let title = session.group_title(group).to_string();
            Some(Arc::new(move |lang: Lang| lang.participants_of(&title)))
        }
        Overlap::Roster { axis, role } => {
            let group = session.groups.iter().position(|g| g.axis == *axis)?;
            let title = session.group_title(group).to_string();
            let role = *role;
            Some(Arc::new(move |lang: Lang| lang.roster_of(role, &title)))
        }
    }
}

/// The input's number now, if it is still there.
fn number(session: &Session, id: Uuid) -> Option<String> {
    let group = session.group_of_input(id)?;
    let place = session.groups[group]
        .inputs
        .iter()
        .position(|i| i.id == id)?;
    Some(session.input_number(group, place))
}

/// For the person whose edit was just kept, from its outcome: an overlap
/// asks them to read the text again.
pub(super) fn for_writer(session: &Session, outcome: &Outcome) -> Option<Notice> {
    let (merged, overlapped) = match outcome {
        Outcome::At { id, merges, .. } => {
            let merge = merges
                .iter()
                .find(|m| m.overlapped)
                .or_else(|| merges.first())?;
            let field = merge.field;
            (Overlap::Input { id: *id, field }, merge.overlapped)
        }
        Outcome::GroupMerged { text, overlapped } => (text.clone(), *overlapped),
        _ => return None,
    };
    let what = what(session, &merged)?;
    Some(if overlapped {
        error_formatted(move |lang| lang.overlapped_yours_kept(&what(lang)))
    } else {
        info_formatted(move |lang| lang.merged_with_others(&what(lang)))
    })
}

/// For a person whose words someone else's edit overlapped (the last told).
pub(super) fn for_overlapped(session: &Session, overlaps: &[Overlap]) -> Option<Notice> {
    let what = overlaps.iter().rev().find_map(|o| what(session, o))?;
    Some(error_formatted(move |lang| {
        lang.overlapped_yours_marked(&what(lang))
    }))
}
