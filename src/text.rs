//! Text from files and pastes on its way out of taller.
//!
//! Session files, and what is pasted into the editor, can carry characters a
//! terminal or a document reader acts on instead of showing: ESC starts
//! escape sequences (OSC 52 sets the clipboard, OSC 0 the window title),
//! BEL rings, NUL cuts strings short, C1 controls are escape sequences of
//! their own, and bidi controls (U+202E…) reorder what is shown so a text
//! reads differently from what it is. This module is the one rule for them,
//! used at every edge where text leaves taller:
//!
//! - **unsafe** ([`is_unsafe`]): C0 controls except line feed and tab (which
//!   belong in a multi-line text), DEL, C1 controls, and the bidi controls
//!   U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C; the line and
//!   paragraph separators U+2028 and U+2029 (a line break to some programs,
//!   nothing to others); and the zero-width joiner U+200D.
//! - **documents and stored pastes** drop them ([`strip`]): plan.md,
//!   plan.csv, the schedule CSV, the editor's paste. Nobody reading a
//!   document needs an invisible ESC, and a dropped character cannot act.
//!   A line or paragraph separator becomes a line feed.
//! - **messages** show them escaped, as `\u{1b}` ([`escape`]): `taller list`
//!   and errors quoting a file. The person fixing a file needs to see that
//!   something is there, and where.
//! - **JSON** written for other programs (plan.json) keeps them, as `\u001b`
//!   escapes ([`escape_json`]): the data stays whole and reads back the same,
//!   and the file is still safe to print.
//!
//! The screen has its own, stricter rule (`ui::screen_text`), applied when
//! drawing, since terminals also disagree on the width of some characters.

use std::borrow::Cow;
use std::fmt::Write;

/// Bidi controls: embeddings, overrides and isolates, the marks, and the
/// Arabic letter mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// A character that shows as nothing: Unicode's format characters
/// (category Cf: zero-width space and joiners, bidi controls, the byte-order
/// mark, soft hyphen, tags…), and the Hangul fillers and combining grapheme
/// joiner, which are blank letters. Two texts differing only by these look
/// the same. The list is Unicode 16's Cf, spelled out: no crate at hand
/// gives general categories, and the set changes rarely.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            // Not Cf, but blank: they make look-alike names just as well.
            | '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
    )
}

/// The line and paragraph separators: line breaks some programs honour and
/// others ignore, so a text shows as one line here and two there.
pub fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// A character that must never reach a terminal or a document raw.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_bidi_control(c)
        || is_line_separator(c)
        || c == '\u{200D}'
}

/// `text` without its unsafe characters; line feeds and tabs kept, and
/// line and paragraph separators made line feeds. A zero-width joiner is
/// dropped: an emoji sequence becomes its emoji side by side, as most
/// terminals show it anyway (and as the screen splits it, `ui::screen_text`).
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(
            text.chars()
                .filter_map(|c| match c {
                    c if is_line_separator(c) => Some('\n'),
                    c if is_unsafe(c) => None,
                    c => Some(c),
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` with its unsafe characters shown as `\u{1b}`; line feeds and
/// tabs kept.
pub fn escape(text: &str) -> Cow<'_, str> {
    escaped(text, |out, c| {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    })
}

/// A name as `taller list` shows it: like [`escape`], and its invisible
/// characters and spaces other than the plain one escaped too, so two names
/// never look the same. (A name typed in taller cannot hold them; a file
/// named by hand can.)
pub fn escape_name(name: &str) -> Cow<'_, str> {
    escaped_where(
        name,
        |c| is_unsafe(c) || is_invisible(c) || (c.is_whitespace() && c != ' '),
        |out, c| {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        },
    )
}

/// JSON text with its unsafe characters as `\u001b` escapes. Outside its
/// strings JSON is ASCII without controls other than line breaks, so every
/// such character is inside a string, where the escape means the same
/// character: the data reads back unchanged.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    // Every unsafe character is in the Basic Multilingual Plane: four hex digits.
    escaped(json, |out, c| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

fn escaped(text: &str, show: impl Fn(&mut String, char)) -> Cow<'_, str> {
    escaped_where(text, is_unsafe, show)
}

fn escaped_where(
    text: &str,
    shown: impl Fn(char) -> bool,
    show: impl Fn(&mut String, char),
) -> Cow<'_, str> {
    if !text.chars().any(&shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if shown(c) {
            show(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\u{1b}]52;c;aGk=\u{7}b\u{0}c\u{9b}31md\u{202E}e\u{7f}f\r\u{2066}g\u{200F}h\u{61C}i";

    #[test]
    fn the_rule_covers_c0_del_c1_and_bidi_but_not_line_feed_or_tab() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\r', '\u{7f}', '\u{80}', '\u{9b}', '\u{9f}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{61C}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['\n', '\t', 'a', 'ñ', '«', '🚨', '情', '\u{a0}'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn documents_drop_them() {
        assert_eq!(strip(HOSTILE), "a]52;c;aGk=bc31mdefghi");
        assert_eq!(strip("línea\n\tsangría"), "línea\n\tsangría");
        assert!(matches!(strip("limpio"), Cow::Borrowed(_)));
    }

    #[test]
    fn messages_show_them_escaped() {
        assert_eq!(
            escape("x\u{1b}]0;t\u{7}\u{202E}y\nz"),
            "x\\u{1b}]0;t\\u{7}\\u{202e}y\nz"
        );
    }

    #[test]
    fn json_keeps_them_as_escapes_and_reads_back_the_same() {
        let json = serde_json::to_string_pretty(&vec![HOSTILE]).unwrap();
        let safe = escape_json(&json);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, [HOSTILE]);
    }

    #[test]
    fn separators_become_line_feeds_and_joiners_go() {
        assert_eq!(strip("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(strip("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(escape("a\u{2028}b\u{200D}c"), "a\\u{2028}b\\u{200d}c");
        assert_eq!(escape_name("a\u{2029}b\u{200D}c"), "a\\u{2029}b\\u{200d}c");
        let json = serde_json::to_string(&"a\u{2028}b").unwrap();
        let back: String = serde_json::from_str(&escape_json(&json)).unwrap();
        assert_eq!(back, "a\u{2028}b");
    }
}
