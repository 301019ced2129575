//! Join codes: one per role, random (40 bits), easy to read aloud and write
//! on a board (`K7QM-2XD9`, Crockford's base 32: no I, L, O or U), typed in
//! any case, with the look-alikes (`O` for `0`, `I` or `L` for `1`) taken as
//! what they look like.
//!
//! A code belongs to a role that does not move when the facilitator changes
//! the groups during the day: the facilitator, a group's axis (not its
//! place: `grupo3` is whichever group is third now), the room, the reader.
//! Kept private beside the session (`.NAME.json.codes`, 0600): a version
//! line, then one line per role, `facilitador`, `eje:AXIS`, `sala`,
//! `lectura`, a space, its code. A removed group's code stays in the file
//! (unused while the group is gone), so undoing the removal brings it back.
//! Files of the first version keyed groups by place (`grupo3 CODE`): read,
//! each code goes to the group now at that place, and the file is written
//! again in this version.

use std::io;
use std::path::{Path, PathBuf};

use subtle::ConstantTimeEq;

use super::roles::{self, Groups, RoleKey};
use crate::i18n::Lang;
use crate::store;

/// Crockford's base 32; ballot tokens (`shell::tokens`) are spelled in it too.
pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Eight characters of five bits each.
const CODE_CHARS: usize = 8;
const MAX_FILE_BYTES: u64 = 64 * 1024;
/// The first line of a codes file of this version.
const HEADER: &str = "#taller-codes 2";
const VERSION: u32 = 2;
/// Where a group's line says its axis: `eje:inteligencia`.
const GROUP_PREFIX: &str = "eje:";

impl RoleKey {
    /// How the codes file names it.
    fn file_key(&self) -> String {
        match self {
            RoleKey::Facilitator => "facilitador".into(),
            RoleKey::Group(axis) => format!("{GROUP_PREFIX}{}", escape_axis(axis)),
            RoleKey::Room => "sala".into(),
            RoleKey::Reader => "lectura".into(),
        }
    }

    fn from_file_key(key: &str) -> Option<RoleKey> {
        match key {
            "facilitador" => Some(RoleKey::Facilitator),
            "sala" => Some(RoleKey::Room),
            "lectura" => Some(RoleKey::Reader),
            _ => key
                .strip_prefix(GROUP_PREFIX)
                .and_then(unescape_axis)
                .filter(|axis| !axis.is_empty())
                .map(RoleKey::Group),
        }
    }
}

/// An axis id on one line of the file: whitespace, controls and `%` as
/// `%XX` (ids from definitions never have them; a group imported from an
/// old file might).
fn escape_axis(axis: &str) -> String {
    let mut out = String::with_capacity(axis.len());
    for c in axis.chars() {
        if c == '%' || c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape_axis(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// One role as printed on a card and on the join screen: the user name to
/// type now (`grupo3`), its code, and for a group its axis id (which works
/// as a user name too, and does not change when groups move).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode {
    pub user: String,
    pub code: String,
    pub axis: Option<String>,
}

/// The codes of one session, by role, in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    pub(super) entries: Vec<(RoleKey, String)>,
}

impl Codes {
    pub fn get(&self, key: &RoleKey) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| c.as_str())
    }

    /// The code of whoever joins as `user` now (`grupo2`: the group now
    /// second), for these groups.
    pub fn for_user(&self, user: &str, groups: &Groups) -> Option<&str> {
        self.get(&roles::from_user_name(user, groups)?.key)
    }

    /// Whether `typed` is the code of `key`, compared in constant time
    /// (after the look-alikes are read as what they look like).
    pub fn accepts(&self, key: &RoleKey, typed: &str) -> bool {
        let Some(code) = self.get(key) else {
            return false;
        };
        let expected = normalize(code);
        let typed = normalize(typed);
        bool::from(expected.as_bytes().ct_eq(typed.as_bytes()))
    }

    /// One card per role of these groups, in the order they are printed:
    /// the facilitator, the groups as they stand now, the room, the reader.
    /// A group with no code yet has none.
    pub fn cards(&self, groups: &Groups) -> Vec<JoinCode> {
        role_keys(groups)
            .into_iter()
            .filter_map(|(user, key)| {
                let code = self.get(&key)?.to_string();
                let axis = match key {
                    RoleKey::Group(axis) => Some(axis),
                    _ => None,
                };
                Some(JoinCode { user, code, axis })
            })
            .collect()
    }

    /// Codes made for the roles of `groups` that have none; whether any was.
    pub(super) fn complete(&mut self, groups: &Groups) -> io::Result<bool> {
        let mut changed = false;
        for (_, key) in role_keys(groups) {
            if self.get(&key).is_none() {
                self.entries.push((key, generate()?));
                changed = true;
            }
        }
        Ok(changed)
    }

    pub(super) fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n");
        for (key, code) in &self.entries {
            text.push_str(&format!("{} {code}\n", key.file_key()));
        }
        text
    }

    /// A codes file's text; groups of a first-version file (`grupo3 CODE`)
    /// go to the axis now at that place. A line that is not a role and a
    /// code makes the whole file damaged: it is never written over.
    fn parse(text: &str, groups: &Groups) -> Result<Parsed, Unreadable> {
        let mut lines = text.lines().peekable();
        let version = match lines.peek().and_then(|l| l.strip_prefix("#taller-codes ")) {
            Some(v) => {
                lines.next();
                v.trim()
                    .parse::<u32>()
                    .map_err(|_| Unreadable::Damaged(1))?
            }
            None => 1,
        };
        if version > VERSION {
            return Err(Unreadable::Newer(version));
        }
        let mut entries: Vec<(RoleKey, String)> = Vec::new();
        let mut by_place: Vec<(usize, String)> = Vec::new();
        let first = usize::from(version > 1) + 1;
        for (i, line) in lines.enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let damaged = Unreadable::Damaged(i + first);
            let (name, code) = line.rsplit_once(' ').ok_or(damaged.clone())?;
            let code = code.trim().to_string();
            if normalize(&code).len() != CODE_CHARS {
                return Err(damaged);
            }
            let place = (version == 1)
                .then(|| name.strip_prefix("grupo"))
                .flatten()
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<usize>().ok());
            match (place, RoleKey::from_file_key(name)) {
                (Some(place), _) => by_place.push((place, code)),
                (None, Some(key)) if version > 1 || !matches!(key, RoleKey::Group(_)) => {
                    if !entries.iter().any(|(k, _)| *k == key) {
                        entries.push((key, code));
                    }
                }
                _ => return Err(damaged),
            }
        }
        let migrated = version < VERSION;
        for (place, code) in by_place {
            if let Some((axis, _, _)) = groups.iter().find(|(_, n, _)| *n == place) {
                let key = RoleKey::Group(axis.clone());
                if !entries.iter().any(|(k, _)| *k == key) {
                    entries.push((key, code));
                }
            }
        }
        Ok(Parsed {
            codes: Codes { entries },
            migrated,
        })
    }
}

pub(super) struct Parsed {
    pub(super) codes: Codes,
    /// Read from a file of an older version: to be written again.
    pub(super) migrated: bool,
}

/// Why a codes file (or a tokens file, `shell::tokens`) is not read: it
/// is left as it is, never written over.
#[derive(Debug, Clone)]
pub enum Unreadable {
    /// This line is not what the file's lines are (a role and a code; a
    /// label, a token and a state).
    Damaged(usize),
    /// Written by a newer taller, in this version.
    Newer(u32),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Damaged(line) => write!(f, "line {line} damaged"),
            Unreadable::Newer(version) => write!(f, "version {version}, from a newer taller"),
        }
    }
}

impl std::error::Error for Unreadable {}

impl From<Unreadable> for io::Error {
    fn from(why: Unreadable) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, why)
    }
}

/// What is wrong with a codes file, or another error reading or writing
/// it, in words for the person.
pub fn describe(error: &io::Error, lang: Lang) -> String {
    match error.get_ref().and_then(|e| e.downcast_ref::<Unreadable>()) {
        Some(Unreadable::Damaged(line)) => lang.ssh_codes_damaged(*line),
        Some(Unreadable::Newer(version)) => lang.ssh_codes_newer(*version),
        None => store::describe_io(error, lang),
    }
}

/// Every role of these groups: the user name typed for it now, and its key.
fn role_keys(groups: &Groups) -> Vec<(String, RoleKey)> {
    let mut keys = vec![("facilitador".to_string(), RoleKey::Facilitator)];
    let mut ordered: Vec<&(String, usize, String)> = groups.iter().collect();
    ordered.sort_by_key(|(_, n, _)| *n);
    keys.extend(
        ordered
            .into_iter()
            .map(|(axis, n, _)| (roles::group_name(*n), RoleKey::Group(axis.clone()))),
    );
    keys.push(("sala".into(), RoleKey::Room));
    keys.push(("lectura".into(), RoleKey::Reader));
    keys
}

/// `.NAME.json.codes` beside the session file.
pub fn codes_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".codes");
    session.with_file_name(name)
}

/// The codes file as it is, `None` when there is none; never one that is
/// not a private regular file of ours, damaged or newer.
pub(super) fn read(path: &Path, groups: &Groups) -> io::Result<Option<Parsed>> {
    let Some(bytes) = store::side::read_secret(path, MAX_FILE_BYTES)? else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes).map_err(|_| Unreadable::Damaged(1))?;
    Ok(Some(Codes::parse(&text, groups)?))
}

/// The session's codes for the roles of these groups: those kept are kept
/// (a first-version file's moved to the groups' axes), any missing (a group
/// added since) are made, and the file is written again when anything
/// changed. A damaged or newer file is an error and stays as it is.
pub fn load_or_create(session: &Path, groups: &Groups) -> io::Result<Codes> {
    let path = codes_path(session);
    let (mut codes, mut changed) = match read(&path, groups)? {
        Some(parsed) => (parsed.codes, parsed.migrated),
        None => (
            Codes {
                entries: Vec::new(),
            },
            false,
        ),
    };
    changed |= codes.complete(groups)?;
    if changed {
        store::write_atomic(&path, codes.to_text().as_bytes())?;
    }
    Ok(codes)
}

/// New codes for every role of these groups, replacing the old ones (a
/// removed group's too: it gets a new one if it comes back).
pub fn renew(session: &Path, groups: &Groups) -> io::Result<Codes> {
    let mut codes = Codes {
        entries: Vec::new(),
    };
    codes.complete(groups)?;
    store::write_atomic(&codes_path(session), codes.to_text().as_bytes())?;
    Ok(codes)
}

/// A fresh code: 40 random bits, `K7QM-2XD9`.
pub fn generate() -> io::Result<String> {
    random_in_alphabet(CODE_CHARS)
}

/// `chars` random characters of the alphabet (five bits each, at most
/// twelve), cut in two halves by a dash to be read aloud: the join codes
/// and the ballot tokens (`shell::tokens`) alike.
pub(crate) fn random_in_alphabet(chars: usize) -> io::Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(io::Error::other)?;
    let bits = u64::from_be_bytes(bytes);
    let text: String = (0..chars.min(12))
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    let half = text.len() / 2;
    Ok(format!("{}-{}", &text[..half], &text[half..]))
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
pub(super) mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// Groups as `Live::groups` gives them, numbered in order.
    pub(in super::super) fn groups(axes: &[&str]) -> Vec<(String, usize, String)> {
        axes.iter()
            .enumerate()
            .map(|(i, axis)| (axis.to_string(), i + 1, axis.to_uppercase()))
            .collect()
    }

    pub(in super::super) fn three() -> Vec<(String, usize, String)> {
        groups(&["inteligencia", "operaciones", "detencion"])
    }

    pub(in super::super) fn group(axis: &str) -> RoleKey {
        RoleKey::Group(axis.into())
    }

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
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
            entries: vec![(group("detencion"), "K7QM-2XD0".into())],
        };
        for typed in ["K7QM-2XD0", "k7qm2xd0", "k7qm 2xdo", " K7QM-2XDO "] {
            assert!(codes.accepts(&group("detencion"), typed), "{typed}");
        }
        for typed in ["K7QM-2XD1", "K7QM2XD", "", "K7QM-2XD00"] {
            assert!(!codes.accepts(&group("detencion"), typed), "{typed}");
        }
        assert!(!codes.accepts(&group("operaciones"), "K7QM-2XD0"));
        assert_eq!(normalize("il-o"), "110");
    }

    #[test]
    fn codes_are_kept_private_by_role_and_renewed_on_demand() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("sala-1.json");
        let two = groups(&["inteligencia", "operaciones"]);
        let first = load_or_create(&session, &two).unwrap();
        let users: Vec<_> = first.cards(&two).into_iter().map(|c| c.user).collect();
        assert_eq!(
            users,
            ["facilitador", "grupo1", "grupo2", "sala", "lectura"]
        );
        let path = dir.path().join(".sala-1.json.codes");
        assert_eq!(mode(&path), 0o600);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("#taller-codes 2\n"), "{text}");
        assert!(text.contains("\neje:operaciones "), "{text}");
        assert_eq!(load_or_create(&session, &two).unwrap(), first);
        // A group added later gets a code; the others keep theirs.
        let more = load_or_create(&session, &three()).unwrap();
        assert_eq!(
            more.get(&group("inteligencia")),
            first.get(&group("inteligencia"))
        );
        assert!(more.get(&group("detencion")).is_some());
        let renewed = renew(&session, &three()).unwrap();
        assert_ne!(
            renewed.get(&RoleKey::Facilitator),
            first.get(&RoleKey::Facilitator)
        );
        assert_eq!(load_or_create(&session, &three()).unwrap(), renewed);
    }

    #[test]
    fn a_file_keyed_by_place_is_moved_to_the_groups_axes_and_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("viejo.json");
        let path = codes_path(&session);
        let old = "facilitador AAAA-1111\ngrupo1 BBBB-2222\ngrupo2 CCCC-3333\n\
                   grupo3 DDDD-4444\nsala EEEE-5555\nlectura FFFF-6666\n";
        store::write_atomic(&path, old.as_bytes()).unwrap();
        let codes = load_or_create(&session, &three()).unwrap();
        assert_eq!(codes.get(&group("operaciones")), Some("CCCC-3333"));
        assert_eq!(codes.for_user("grupo3", &three()), Some("DDDD-4444"));
        assert_eq!(codes.for_user("facilitador", &three()), Some("AAAA-1111"));
        assert_eq!(codes.for_user("lectura", &three()), Some("FFFF-6666"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(HEADER) && text.contains("eje:detencion DDDD-4444"));
        assert!(!text.contains("grupo"), "{text}");
        assert_eq!(mode(&path), 0o600);
        // Read again (now by axis), with group 2 gone: the others keep theirs.
        let after = groups(&["inteligencia", "detencion"]);
        let again = load_or_create(&session, &after).unwrap();
        assert_eq!(again.for_user("grupo2", &after), Some("DDDD-4444"));
        assert_eq!(again.get(&group("operaciones")), Some("CCCC-3333"));
    }

    #[test]
    fn an_axis_of_any_text_keeps_one_line() {
        for axis in ["inteligencia", "eje 3", "a%b", "línea\nnueva", "sala"] {
            let key = group(axis);
            let file_key = key.file_key();
            assert!(!file_key.contains([' ', '\n']), "{file_key}");
            assert_eq!(RoleKey::from_file_key(&file_key), Some(key));
        }
        // A group whose axis is `sala` is not the room.
        assert_ne!(group("sala").file_key(), RoleKey::Room.file_key());
    }
}
