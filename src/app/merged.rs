//! What a screen says when two people's edits of one text were merged
//! (`model::word_merge`): the person who kept last is told by their own
//! commit, the person whose words were overlapped by the host
//! (`Host::take_overlaps`). The input is named by its number ("2.3") as
//! the revision shown has it.

use uuid::Uuid;

use super::notice::{Notice, error_worded, info_worded};
use crate::model::patch::Merge;
use crate::model::session::Session;
use crate::session::Overlap;

/// The input's number now, if it is still there.
fn number(session: &Session, id: Uuid) -> Option<String> {
    let group = session.group_of_input(id)?;
    let place = session.groups[group]
        .inputs
        .iter()
        .position(|i| i.id == id)?;
    Some(session.input_number(group, place))
}

/// For the person whose edit was just kept: an overlap first, it asks
/// them to read the text again.
pub(super) fn for_writer(session: &Session, id: Uuid, merges: &[Merge]) -> Option<Notice> {
    let number = number(session, id)?;
    if let Some(merge) = merges.iter().find(|m| m.overlapped) {
        let field = merge.field;
        return Some(error_worded(move |lang| {
            lang.overlapped_yours_kept(&number, field)
        }));
    }
    let field = merges.first()?.field;
    Some(info_worded(move |lang| {
        lang.merged_with_others(&number, field)
    }))
}

/// For a person whose words someone else's edit overlapped (the last told).
pub(super) fn for_overlapped(session: &Session, overlaps: &[Overlap]) -> Option<Notice> {
    let overlap = overlaps
        .iter()
        .rev()
        .find(|o| session.group_of_input(o.id).is_some())?;
    let number = number(session, overlap.id)?;
    let field = overlap.field;
    Some(error_worded(move |lang| {
        lang.overlapped_yours_marked(&number, field)
    }))
}
