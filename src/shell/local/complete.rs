//! `Tab` in the import prompt: completes a path as a shell does, to the
//! folders and session files (`.json`) it could mean. Reads the folder, so
//! it runs in the local shell, never in `update`.

use std::path::{Path, PathBuf};

/// The typed path completed: the one entry it can mean (a folder gets its
/// `/`), or what all the entries it can mean start with; `None` when
/// nothing more can be added.
pub fn complete_path(typed: &str, home: Option<&Path>) -> Option<String> {
    let (dir_part, prefix) = match typed.rfind('/') {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => ("", typed),
    };
    let dir: PathBuf = match (dir_part.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ if dir_part.is_empty() => PathBuf::from("."),
        _ => PathBuf::from(dir_part),
    };
    let mut matches: Vec<(String, bool)> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let is_dir = entry.path().is_dir();
            let wanted = is_dir
                || Path::new(&name)
                    .extension()
                    .is_some_and(|e| e == crate::store::EXTENSION);
            let hidden = name.starts_with('.') && !prefix.starts_with('.');
            (wanted && !hidden && name.starts_with(prefix)).then_some((name, is_dir))
        })
        .collect();
    matches.sort();
    let completed = match matches.as_slice() {
        [] => return None,
        [(name, is_dir)] => format!("{name}{}", if *is_dir { "/" } else { "" }),
        [(first, _), rest @ ..] => rest.iter().fold(first.clone(), |common, (name, _)| {
            common
                .chars()
                .zip(name.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        }),
    };
    let result = format!("{dir_part}{completed}");
    (result != typed).then_some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_folders_and_session_files_like_a_shell() {
        let dir = tempfile::tempdir().unwrap();
        let usb = dir.path().join("memoria-usb");
        std::fs::create_dir(&usb).unwrap();
        for name in ["grupo1.json", "grupo3.json", "notas.txt", ".oculto.json"] {
            std::fs::write(usb.join(name), "{}").unwrap();
        }
        let base = format!("{}/", dir.path().display());
        assert_eq!(
            complete_path(&format!("{base}mem"), None),
            Some(format!("{base}memoria-usb/")),
            "a folder gets its slash"
        );
        let inside = format!("{base}memoria-usb/");
        assert_eq!(
            complete_path(&inside, None),
            Some(format!("{inside}grupo")),
            "what both files share; no text file, no hidden one"
        );
        assert_eq!(
            complete_path(&format!("{inside}grupo3"), None),
            Some(format!("{inside}grupo3.json"))
        );
        assert_eq!(complete_path(&format!("{inside}grupo3.json"), None), None);
        assert_eq!(complete_path(&format!("{inside}x"), None), None);
        assert_eq!(
            complete_path("~/memoria-usb/grupo1", Some(dir.path())),
            Some("~/memoria-usb/grupo1.json".into()),
            "the tilde stays as typed"
        );
    }
}
