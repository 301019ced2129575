//! A group laptop's session (`taller new --group N`): it opens on its
//! group, shows only that group (the keys that would leave it say why
//! instead), and `w` tells where its file is, to copy it to the USB stick.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Notice, Open, Part};
use crate::i18n::Lang;

/// The group's number on a group laptop, `None` elsewhere.
fn laptop_group(open: &Open) -> Option<(usize, u32)> {
    let g = open.session.only_group_index()?;
    let number = open
        .session
        .workshop
        .axis(&open.session.groups[g].axis)
        .map_or(g as u32 + 1, |a| a.number);
    Some((g, number))
}

/// On a group laptop, puts the screen on its group (on opening, reopening).
pub(super) fn pin(open: &mut Open) {
    if let Some((g, _)) = laptop_group(open) {
        let session = std::sync::Arc::clone(&open.session);
        open.viewer.part = Part::Groups;
        open.viewer.set_group(&session, g);
    }
}

/// `w` (the keymap's `WhereFile`): the file's name and its folder.
pub fn file_and_folder(open: &Open) -> (String, String) {
    let file = open.path.file_name().unwrap_or_default();
    let folder = open.path.parent().unwrap_or(&open.path);
    (
        file.to_string_lossy().into_owned(),
        folder.display().to_string(),
    )
}

/// A key answered here: on a group laptop, the keys that would leave its
/// group. `None`: the key goes on.
pub(super) fn on_key(open: &Open, key: &KeyEvent) -> Option<Notice> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let (_, number) = laptop_group(open)?;
    let leaves = match key.code {
        KeyCode::Tab | KeyCode::BackTab => true,
        KeyCode::Char('1'..='3' | 'h' | 'l' | 'H' | 'L') => plain,
        KeyCode::Left | KeyCode::Right => true,
        _ => false,
    };
    leaves.then(|| super::notice::info_formatted(move |lang| lang.group_laptop_stays(number)))
}

/// The header's words for a group laptop: "Computadora del grupo 3 · …".
pub fn header(open: &Open, lang: Lang) -> Option<String> {
    let (g, number) = laptop_group(open)?;
    Some(lang.group_laptop(number, open.session.group_title(g)))
}
