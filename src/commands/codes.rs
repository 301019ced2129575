//! `taller codes NAME [--new]`: the SSH join codes, one line per role (the
//! user name to type, a space, its code), made the first time, replaced
//! with `--new`. A group's user name is its place now (`grupo3`); its code
//! belongs to its axis, so it follows the group when groups move. Nothing
//! else goes on the line: cards and scripts read "name space code".

use crate::shell::access;
use crate::shell::ssh::codes;

use super::{Out, Setup, noted};

/// `renew`: replace every code with a new one.
pub fn run(setup: &Setup, out: &mut Out, target: &str, renew: bool) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(target)?;
    setup.guard_file(&path)?;
    let session = noted(access::load(&path, lang)?, &path, lang, out);
    let groups = session.numbered_groups();
    let kept = if renew {
        codes::renew(&path, &groups)
    } else {
        codes::load_or_create(&path, &groups)
    };
    let kept = kept.map_err(|error| {
        lang.ssh_cannot_keep_codes(
            codes::codes_path(&path).display(),
            codes::describe(&error, lang),
        )
    })?;
    for card in kept.cards(&groups) {
        out.say(format_args!("{} {}", card.user, card.code));
    }
    Ok(())
}
