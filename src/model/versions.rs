//! Two texts of one input edited at the same moment (two laptops, one
//! time), or a text from a laptop whose clock ran ahead: neither is
//! dropped. The text kept leads, and every other one follows it, marked:
//!
//! `Crear una plataforma regional ⟦otra versión: Crear una red regional⟧`
//!
//! The mark is part of the text, as the file keeps it, so it reads the
//! same on every screen and in the plan; it is written in the workshop's
//! language and read in either. A person resolves it by editing the text.

/// The opening of a marked version, by workshop language; the first is
/// the default. Each is recognised whatever the language.
const MARKS: [(&str, &str); 3] = [
    ("es", "⟦otra versión: "),
    ("en", "⟦other version: "),
    ("pt", "⟦outra versão: "),
];
const CLOSE: char = '⟧';

/// The text a person typed last (`main`) and the other versions kept
/// after it, in the order written.
pub fn split(text: &str) -> (&str, Vec<&str>) {
    let mut rest = text;
    let mut versions = Vec::new();
    while let Some(body) = rest.strip_suffix(CLOSE) {
        let found = MARKS
            .iter()
            .filter_map(|(_, mark)| body.rfind(&format!(" {mark}")).map(|at| (at, mark)))
            .max_by_key(|(at, _)| *at);
        let Some((at, mark)) = found else {
            break;
        };
        versions.push(&body[at + 1 + mark.len()..]);
        rest = &body[..at];
    }
    versions.reverse();
    (rest, versions)
}

/// The text without the other versions: what decides which copy leads.
pub fn main(text: &str) -> &str {
    split(text).0
}

/// Both texts in one: `lead`'s main text first, then every other text
/// either held (mains and versions), once each, in a fixed order, so the
/// result depends neither on the order of the merge nor on how often it
/// is repeated. `None` when `other` brings nothing `lead` lacks.
pub fn keep_both(lead: &str, other: &str, language: &str) -> Option<String> {
    let (main, mut versions) = split(lead);
    let (other_main, other_versions) = split(other);
    let before = versions.len();
    for text in std::iter::once(other_main).chain(other_versions) {
        if text != main && !text.trim().is_empty() && !versions.contains(&text) {
            versions.push(text);
        }
    }
    if versions.len() == before {
        return None;
    }
    versions.sort_unstable();
    let mut text = main.to_string();
    for version in versions {
        text.push(' ');
        text.push_str(&marked(version, language));
    }
    Some(text)
}

/// `version` marked as another version, in the workshop's `language`:
/// `⟦otra versión: …⟧`. The one way a kept second version is written, by
/// an import (whole texts, after the kept one) and by a live merge (the
/// words where two edits overlapped, after the words kept there).
pub fn marked(version: &str, language: &str) -> String {
    let mark = MARKS
        .iter()
        .find(|(lang, _)| *lang == language)
        .unwrap_or(&MARKS[0])
        .1;
    format!("{mark}{version}{CLOSE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_texts_are_kept_once_in_any_order() {
        let ab = keep_both("red regional", "plataforma regional", "es").unwrap();
        assert_eq!(ab, "red regional ⟦otra versión: plataforma regional⟧");
        assert_eq!(split(&ab), ("red regional", vec!["plataforma regional"]));
        assert_eq!(keep_both(&ab, "plataforma regional", "es"), None, "once");
        assert_eq!(keep_both(&ab, "red regional", "es"), None);
        let abc = keep_both(&ab, "campaña", "en").unwrap();
        assert_eq!(
            abc,
            "red regional ⟦other version: campaña⟧ ⟦other version: plataforma regional⟧"
        );
        assert_eq!(main(&abc), "red regional");
        assert_eq!(keep_both(&abc, &ab, "es"), None);
        // A text that only looks like a mark stays text.
        assert_eq!(split("a ⟧"), ("a ⟧", vec![]));
    }
}
