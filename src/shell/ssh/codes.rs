//! Join codes: one per role, random (40 bits), easy to read aloud and write
//! on a board (`K7QM-2XD9`, Crockford's base 32: no I, L, O or U), typed in
//! any case, with the look-alikes (`O` for `0`, `I` or `L` for `1`) taken as
//! what they look like. Kept private beside the session (`.NAME.json.codes`,
//! one line per role: its user name, a space, its code).

use std::io;
use std::path::{Path, PathBuf};

use subtle::ConstantTimeEq;

use crate::store;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Eight characters of five bits each.
const CODE_CHARS: usize = 8;
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// The codes of one session, by user name, in the order they are printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    entries: Vec<(String, String)>,
}

impl Codes {
    /// One line per role: its user name, a space, its code.
    pub fn lines(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, c)| (n.as_str(), c.as_str()))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.lines().find(|(n, _)| *n == name).map(|(_, c)| c)
    }

    /// Whether `typed` is the code of `name`, compared in constant time
    /// (after the look-alikes are read as what they look like).
    pub fn accepts(&self, name: &str, typed: &str) -> bool {
        let Some(code) = self.get(name) else {
            return false;
        };
        let expected = normalize(code);
        let typed = normalize(typed);
        bool::from(expected.as_bytes().ct_eq(typed.as_bytes()))
    }

    fn to_text(&self) -> String {
        self.lines().map(|(n, c)| format!("{n} {c}\n")).collect()
    }

    fn parse(text: &str) -> Codes {
        let entries = text
            .lines()
            .filter_map(|line| line.split_once(' '))
            .filter(|(name, code)| !name.is_empty() && normalize(code).len() == CODE_CHARS)
            .map(|(name, code)| (name.to_string(), code.trim().to_string()))
            .collect();
        Codes { entries }
    }
}

/// The codes a server checks: fixed, or following the session's codes file,
/// so `taller codes NAME --new` run while serving counts from the next try.
pub struct CurrentCodes {
    session: Option<PathBuf>,
    /// The file's identity (inode, change time) when last read, and its codes.
    seen: std::sync::Mutex<(Option<FileIdentity>, Codes)>,
}

/// A file's inode and modification time: a new one after each atomic write.
type FileIdentity = (u64, i64, i64);

impl CurrentCodes {
    pub fn fixed(codes: Codes) -> CurrentCodes {
        CurrentCodes {
            session: None,
            seen: std::sync::Mutex::new((None, codes)),
        }
    }

    /// `codes` as read from `session`'s codes file, read again when it changes.
    pub fn following(session: PathBuf, codes: Codes) -> CurrentCodes {
        let identity = identity(&codes_path(&session));
        CurrentCodes {
            session: Some(session),
            seen: std::sync::Mutex::new((identity, codes)),
        }
    }

    /// Whether `typed` is the current code of `name`.
    pub fn accepts(&self, name: &str, typed: &str) -> bool {
        let Ok(mut seen) = self.seen.lock() else {
            return false;
        };
        if let Some(session) = &self.session {
            let path = codes_path(session);
            let now = identity(&path);
            if now.is_some() && now != seen.0 {
                // A file that cannot be read keeps the codes known.
                if let Ok(Some(bytes)) = store::side::read_secret(&path, MAX_FILE_BYTES) {
                    let codes = Codes::parse(&String::from_utf8_lossy(&bytes));
                    if codes.lines().next().is_some() {
                        *seen = (now, codes);
                    }
                }
            }
        }
        seen.1.accepts(name, typed)
    }
}

fn identity(path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    Some((meta.ino(), meta.mtime(), meta.mtime_nsec()))
}

/// `.NAME.json.codes` beside the session file.
pub fn codes_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".codes");
    session.with_file_name(name)
}

/// The session's codes for these user names: those kept are kept, any
/// missing (a group added since) are made and saved.
pub fn load_or_create(session: &Path, names: &[String]) -> io::Result<Codes> {
    let path = codes_path(session);
    let kept = match store::side::read_secret(&path, MAX_FILE_BYTES)? {
        Some(bytes) => Codes::parse(&String::from_utf8_lossy(&bytes)),
        None => Codes {
            entries: Vec::new(),
        },
    };
    let mut changed = false;
    let mut entries = Vec::with_capacity(names.len());
    for name in names {
        let code = match kept.get(name) {
            Some(code) => code.to_string(),
            None => {
                changed = true;
                generate()?
            }
        };
        entries.push((name.clone(), code));
    }
    let codes = Codes { entries };
    if changed {
        store::write_atomic(&path, codes.to_text().as_bytes())?;
    }
    Ok(codes)
}

/// New codes for every role, replacing the old ones.
pub fn renew(session: &Path, names: &[String]) -> io::Result<Codes> {
    let entries = names
        .iter()
        .map(|name| Ok((name.clone(), generate()?)))
        .collect::<io::Result<_>>()?;
    let codes = Codes { entries };
    store::write_atomic(&codes_path(session), codes.to_text().as_bytes())?;
    Ok(codes)
}

/// A fresh code: 40 random bits, `K7QM-2XD9`.
pub fn generate() -> io::Result<String> {
    let mut bytes = [0u8; 5];
    getrandom::fill(&mut bytes).map_err(io::Error::other)?;
    let bits = bytes.iter().fold(0u64, |acc, b| acc << 8 | u64::from(*b));
    let chars: String = (0..CODE_CHARS)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    Ok(format!("{}-{}", &chars[..4], &chars[4..]))
}

/// A code as typed, in the alphabet's own characters: upper case, no
/// separators, look-alikes read as what they look like. A character outside
/// the alphabet stays (and so never matches).
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\t' | '.' | '_'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn names(n: usize) -> Vec<String> {
        let groups: Vec<_> = (1..=n)
            .map(|i| (format!("eje{i}"), i, String::new()))
            .collect();
        super::super::roles::code_names(&groups)
    }

    #[test]
    fn a_code_is_forty_bits_in_two_halves() {
        for _ in 0..50 {
            let code = generate().unwrap();
            assert_eq!(code.len(), 9);
            assert_eq!(&code[4..5], "-");
            assert!(normalize(&code).bytes().all(|b| ALPHABET.contains(&b)));
        }
        assert_ne!(generate().unwrap(), generate().unwrap());
    }

    #[test]
    fn look_alikes_and_case_are_forgiven() {
        let codes = Codes {
            entries: vec![("grupo3".into(), "K7QM-2XD0".into())],
        };
        for typed in ["K7QM-2XD0", "k7qm2xd0", "k7qm 2xdo", " K7QM-2XDO "] {
            assert!(codes.accepts("grupo3", typed), "{typed}");
        }
        for typed in ["K7QM-2XD1", "K7QM2XD", "", "K7QM-2XD00"] {
            assert!(!codes.accepts("grupo3", typed), "{typed}");
        }
        assert!(!codes.accepts("grupo4", "K7QM-2XD0"));
        assert_eq!(normalize("il-o"), "110");
    }

    #[test]
    fn a_server_follows_codes_renewed_while_it_serves() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let first = load_or_create(&session, &names(1)).unwrap();
        let current = CurrentCodes::following(session.clone(), first.clone());
        let old = first.get("sala").unwrap().to_string();
        assert!(current.accepts("sala", &old));
        let renewed = renew(&session, &names(1)).unwrap();
        assert!(!current.accepts("sala", &old));
        assert!(current.accepts("sala", renewed.get("sala").unwrap()));
        let fixed = CurrentCodes::fixed(first);
        assert!(fixed.accepts("sala", &old));
    }

    #[test]
    fn codes_are_kept_private_and_renewed_on_demand() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala-1.json");
        let first = load_or_create(&session, &names(2)).unwrap();
        assert_eq!(first.lines().count(), 5);
        let path = dir.path().join(".sala-1.json.codes");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(load_or_create(&session, &names(2)).unwrap(), first);
        // A group added later gets a code; the others keep theirs.
        let more = load_or_create(&session, &names(3)).unwrap();
        assert_eq!(more.get("grupo1"), first.get("grupo1"));
        assert!(more.get("grupo3").is_some());
        let renewed = renew(&session, &names(3)).unwrap();
        assert_ne!(renewed.get("facilitador"), first.get("facilitador"));
        assert_eq!(load_or_create(&session, &names(3)).unwrap(), renewed);
    }
}
