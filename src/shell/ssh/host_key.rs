//! The server's own key: ed25519, made once and kept private in the data
//! folder, so the fingerprint people check on first connect stays the same
//! from one workshop day to the next.

use std::io;
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::{HashAlg, PrivateKey};

use crate::store;

/// The key's file name in the data folder.
pub const FILE_NAME: &str = "ssh_host_ed25519_key";
/// An OpenSSH ed25519 key is about 400 bytes.
const MAX_KEY_BYTES: u64 = 16 * 1024;

/// The platform data folder taller keeps its server key in
/// (e.g. `~/.local/share/taller`).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "taller", "taller").map(|d| d.data_dir().to_path_buf())
}

/// The server key kept in `dir`, made (0600, atomically, never over anything)
/// the first time.
pub fn load_or_create(dir: &Path) -> io::Result<PrivateKey> {
    let path = dir.join(FILE_NAME);
    if let Some(key) = read(&path)? {
        return Ok(key);
    }
    store::create_private_dir_all(dir)?;
    let key = generate()?;
    let text = key.to_openssh(LineEnding::LF).map_err(io::Error::other)?;
    match store::write_new(&path, text.as_bytes()) {
        Ok(()) => Ok(key),
        // Another server made one a moment ago: that one is the key.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => read(&path)?.ok_or(error),
        Err(error) => Err(error),
    }
}

fn read(path: &Path) -> io::Result<Option<PrivateKey>> {
    let Some(bytes) = store::side::read_secret(path, MAX_KEY_BYTES)? else {
        return Ok(None);
    };
    let key = PrivateKey::from_openssh(&bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(Some(key))
}

fn generate() -> io::Result<PrivateKey> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(io::Error::other)?;
    let pair = Ed25519Keypair::from_seed(&seed);
    PrivateKey::new(KeypairData::Ed25519(pair), "taller").map_err(io::Error::other)
}

/// `SHA256:…`, as OpenSSH shows a host key on first connect.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_key_is_made_once_and_kept_private() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("datos");
        let first = load_or_create(&folder).unwrap();
        let again = load_or_create(&folder).unwrap();
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
        let meta = std::fs::metadata(folder.join(FILE_NAME)).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_link_in_place_of_the_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        load_or_create(other.path()).unwrap();
        std::os::unix::fs::symlink(other.path().join(FILE_NAME), dir.path().join(FILE_NAME))
            .unwrap();
        assert!(load_or_create(dir.path()).is_err());
    }
}
