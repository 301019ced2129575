//! The session's ballot cards as the server checks tokens against them: the
//! tokens file beside the session, read again whenever it changed on disk,
//! so a card revoked from the command line opens nothing from then on.

use std::path::PathBuf;
use std::sync::Mutex;

use super::Cards;
use crate::shell::tokens::{CardCheck, Stamp, Tokens};

pub struct SessionCards {
    session: PathBuf,
    kept: Mutex<(Option<Stamp>, CardCheck)>,
}

impl SessionCards {
    /// Follows `session`'s tokens file (there may be none yet: then no card
    /// votes until `taller tokens` makes them).
    pub fn follow(session: PathBuf) -> SessionCards {
        let stamp = Tokens::stamp(&session);
        let check = Tokens::load(&session).unwrap_or_default().check();
        SessionCards {
            session,
            kept: Mutex::new((stamp, check)),
        }
    }
}

impl Cards for SessionCards {
    fn card_of(&self, typed: &str) -> Option<String> {
        let Ok(mut kept) = self.kept.lock() else {
            return None;
        };
        let now = Tokens::stamp(&self.session);
        if now != kept.0 {
            // A file that cannot be read now opens nothing: it may hold a
            // revoke this server must not miss.
            let check = Tokens::load(&self.session).unwrap_or_default().check();
            *kept = (now, check);
        }
        kept.1.card_of(typed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_revoked_on_disk_opens_nothing_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("plenaria.json");
        let cards = SessionCards::follow(session.clone());
        assert_eq!(cards.card_of("K7QM2-XD9AB"), None, "no file, no card");
        let labels = vec!["Guatemala".to_string(), "Brasil".to_string()];
        let made = Tokens::load_or_create(&session, &labels).unwrap();
        let token = made.cards()[0].token.clone();
        assert_eq!(cards.card_of(&token).as_deref(), Some("Guatemala"));
        assert_eq!(
            cards.card_of(&token.to_lowercase()).as_deref(),
            Some("Guatemala")
        );
        let mut revoked = Tokens::load(&session).unwrap();
        assert!(revoked.revoke("Guatemala"));
        revoked.save(&session).unwrap();
        assert_eq!(cards.card_of(&token), None);
        let other = &made.cards()[1].token;
        assert_eq!(cards.card_of(other).as_deref(), Some("Brasil"));
    }
}
