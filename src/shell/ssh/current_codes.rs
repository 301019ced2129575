//! The codes a running server checks and its join screen shows, as they
//! are now: the session's codes file is followed (`taller codes NAME --new`
//! counts from the next try), and the groups too (a group added while
//! serving gets its code, kept in the file).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::codes::{Codes, JoinCode, codes_path, describe, read};
use super::roles::{Groups, RoleKey};
use crate::i18n::Lang;
use crate::store;

/// The codes a server checks and its join screen shows: fixed, or following
/// the session's codes file, so `taller codes NAME --new` run while serving
/// counts from the next try, and a group added while serving gets a code
/// kept there.
pub struct CurrentCodes {
    session: Option<PathBuf>,
    seen: Mutex<Seen>,
}

struct Seen {
    /// The file's identity when last read or written.
    identity: Option<FileIdentity>,
    codes: Codes,
    /// The groups as last covered: the cards follow them.
    groups: Vec<(String, usize, String)>,
    /// Why the last new code could not be kept, if it could not.
    problem: Option<io::Error>,
}

/// A file's inode and modification time: a new one after each atomic write.
type FileIdentity = (u64, i64, i64);

impl CurrentCodes {
    pub fn fixed(codes: Codes) -> CurrentCodes {
        CurrentCodes::with(None, codes)
    }

    /// `codes` as read from `session`'s codes file, read again when it changes.
    pub fn following(session: PathBuf, codes: Codes) -> CurrentCodes {
        CurrentCodes::with(Some(session), codes)
    }

    fn with(session: Option<PathBuf>, codes: Codes) -> CurrentCodes {
        let identity = session.as_deref().and_then(|s| identity(&codes_path(s)));
        CurrentCodes {
            session,
            seen: Mutex::new(Seen {
                identity,
                codes,
                groups: Vec::new(),
                problem: None,
            }),
        }
    }

    /// The codes as they are now.
    pub fn codes(&self) -> Codes {
        match self.seen.lock() {
            Ok(mut seen) => {
                self.refresh(&mut seen);
                seen.codes.clone()
            }
            Err(_) => Codes {
                entries: Vec::new(),
            },
        }
    }

    /// Whether `typed` is the current code of `key`.
    pub fn accepts(&self, key: &RoleKey, typed: &str) -> bool {
        let Ok(mut seen) = self.seen.lock() else {
            return false;
        };
        self.refresh(&mut seen);
        seen.codes.accepts(key, typed)
    }

    /// Gives every role of `groups` a code, the groups as they are now: a
    /// group added since gets one, made and kept in the codes file (unless
    /// the file cannot be read or written: then it has none, and
    /// [`CurrentCodes::problem`] says why). A code is never taken away: a
    /// removed group's stays for when it comes back.
    pub fn cover(&self, groups: &Groups) {
        let Ok(mut seen) = self.seen.lock() else {
            return;
        };
        seen.groups = groups.to_vec();
        let Some(session) = &self.session else {
            let made = seen.codes.complete(groups);
            seen.problem = made.err();
            return;
        };
        let path = codes_path(session);
        let kept = (|| {
            // Read again first: what another `taller codes` wrote is kept.
            let (mut codes, mut changed) = match read(&path, groups)? {
                Some(parsed) => (parsed.codes, parsed.migrated),
                // Gone meanwhile: written again with the codes known.
                None => (seen.codes.clone(), true),
            };
            changed |= codes.complete(groups)?;
            if changed {
                store::write_atomic(&path, codes.to_text().as_bytes())?;
            }
            Ok::<_, io::Error>(codes)
        })();
        match kept {
            Ok(codes) => {
                seen.codes = codes;
                seen.identity = identity(&path);
                seen.problem = None;
            }
            Err(error) => seen.problem = Some(error),
        }
    }

    /// The cards of the groups as last covered, with the codes as they are.
    pub fn cards(&self) -> Vec<JoinCode> {
        let Ok(mut seen) = self.seen.lock() else {
            return Vec::new();
        };
        self.refresh(&mut seen);
        seen.codes.cards(&seen.groups)
    }

    /// Whether every role of the groups last covered has a code kept.
    pub fn all_kept(&self) -> bool {
        self.seen.lock().is_ok_and(|seen| seen.problem.is_none())
    }

    /// Why a group has no code, in words, when the last one could not be kept.
    pub fn problem(&self, lang: Lang) -> Option<String> {
        let seen = self.seen.lock().ok()?;
        let error = seen.problem.as_ref()?;
        let path = self
            .session
            .as_deref()
            .map(|s| codes_path(s).display().to_string())
            .unwrap_or_default();
        Some(lang.ssh_cannot_keep_codes(path, describe(error, lang)))
    }

    /// Reads the codes file again when it changed; one that cannot be read
    /// keeps the codes known.
    fn refresh(&self, seen: &mut Seen) {
        let Some(session) = &self.session else {
            return;
        };
        let path = codes_path(session);
        let now = identity(&path);
        if now.is_some()
            && now != seen.identity
            && let Ok(Some(parsed)) = read(&path, &seen.groups)
            && !parsed.codes.entries.is_empty()
        {
            seen.codes = parsed.codes;
            seen.identity = now;
        }
    }
}

fn identity(path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    Some((meta.ino(), meta.mtime(), meta.mtime_nsec()))
}

#[cfg(test)]
mod tests {
    use super::super::codes::tests::{group, groups, three};
    use super::super::codes::{load_or_create, renew};
    use super::*;

    #[test]
    fn a_server_follows_codes_renewed_while_it_serves() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let first = load_or_create(&session, &three()).unwrap();
        let current = CurrentCodes::following(session.clone(), first.clone());
        let old = first.get(&RoleKey::Room).unwrap().to_string();
        assert!(current.accepts(&RoleKey::Room, &old));
        let renewed = renew(&session, &three()).unwrap();
        assert!(!current.accepts(&RoleKey::Room, &old));
        assert!(current.accepts(&RoleKey::Room, renewed.get(&RoleKey::Room).unwrap()));
        let fixed = CurrentCodes::fixed(first);
        assert!(fixed.accepts(&RoleKey::Room, &old));
    }

    #[test]
    fn a_damaged_or_newer_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let path = codes_path(&session);
        for (text, line) in [
            (
                "#taller-codes 2\nfacilitador AAAA-1111\nsala ???\n",
                Some(3),
            ),
            (
                "#taller-codes 2\nfacilitador AAAA-1111\n\u{0}\u{1}\n",
                Some(3),
            ),
            (
                "#taller-codes 3\nfacilitador AAAA-1111\nnuevo:x BBBB-2222\n",
                None,
            ),
        ] {
            store::write_atomic(&path, text.as_bytes()).unwrap();
            let error = load_or_create(&session, &three()).unwrap_err();
            let said = describe(&error, Lang::Es);
            match line {
                Some(line) => assert!(said.contains(&format!("línea {line}")), "{said}"),
                None => assert!(said.contains("más nueva"), "{said}"),
            }
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
            let current = CurrentCodes::following(
                session.clone(),
                Codes {
                    entries: vec![(RoleKey::Room, "EEEE-5555".into())],
                },
            );
            current.cover(&three());
            assert!(current.problem(Lang::En).is_some());
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
            // The codes known still work; a group with no code is no card.
            assert!(current.accepts(&RoleKey::Room, "EEEE-5555"));
            assert!(current.cards().iter().all(|c| c.axis.is_none()));
        }
    }

    #[test]
    fn a_group_added_while_serving_gets_a_kept_code_and_a_removed_ones_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let codes = load_or_create(&session, &three()).unwrap();
        let current = CurrentCodes::following(session.clone(), codes.clone());
        current.cover(&three());
        assert_eq!(current.cards(), codes.cards(&three()));
        let four = groups(&["inteligencia", "operaciones", "detencion", "logistica"]);
        current.cover(&four);
        assert!(current.problem(Lang::Es).is_none());
        let cards = current.cards();
        let added = cards.iter().find(|c| c.user == "grupo4").unwrap();
        assert_eq!(added.axis.as_deref(), Some("logistica"));
        assert!(current.accepts(&group("logistica"), &added.code));
        // Kept in the file, for `taller codes` and the next serve.
        let kept = load_or_create(&session, &four).unwrap();
        assert_eq!(kept.get(&group("logistica")), Some(added.code.as_str()));
        // Group 2 removed: no card; the group now second is `grupo2`.
        let removed = groups(&["inteligencia", "detencion", "logistica"]);
        current.cover(&removed);
        let cards = current.cards();
        assert!(
            cards
                .iter()
                .all(|c| c.axis.as_deref() != Some("operaciones"))
        );
        let second = cards.iter().find(|c| c.user == "grupo2").unwrap();
        assert_eq!(second.code, codes.get(&group("detencion")).unwrap());
        // Back (undo): the same code as before.
        current.cover(&four);
        let back = current.cards();
        let operaciones = back.iter().find(|c| c.user == "grupo2").unwrap();
        assert_eq!(
            Some(operaciones.code.as_str()),
            codes.get(&group("operaciones"))
        );
    }
}
