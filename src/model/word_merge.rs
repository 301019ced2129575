//! Two edits of one text, made from the same text, merged word by word
//! (three-way): what each changed in a different place both stay; where
//! both changed the same words, neither is dropped: the words of `mine`
//! (the edit kept last) stay in the text and the words of `theirs` follow
//! them marked as another version, the one way taller writes a kept second
//! version (`versions::marked`).
//!
//! A text is cut into words and the blank space between them, so the
//! merge keeps its spacing and line breaks exactly. Pure: no screen, no
//! language until the merged text is written.

use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// The merge of two edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pieces: Vec<Piece>,
    overlaps: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// Both edits changed these words differently: `kept` stays in the
    /// text, `other` follows it marked.
    Both {
        kept: String,
        other: String,
    },
}

impl Merged {
    /// Whether the two edits changed the same words: the people who made
    /// them should be told, and read the text again.
    pub fn overlapped(&self) -> bool {
        self.overlaps > 0
    }

    /// How many places the two edits overlapped.
    pub fn overlaps(&self) -> usize {
        self.overlaps
    }

    /// The merged text, another version marked in the workshop's `language`.
    pub fn text(&self, language: &str) -> String {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(words) => text.push_str(words),
                Piece::Both { kept, other } => {
                    // The mark goes right after the kept words, before the
                    // blank that follows them (a line break stays after it).
                    let core = kept.trim_end();
                    text.push_str(core);
                    text.push(' ');
                    text.push_str(&super::versions::marked(other.trim(), language));
                    text.push_str(&kept[core.len()..]);
                }
            }
        }
        text
    }
}

/// Merges the change from `base` to `mine` with the change from `base` to
/// `theirs`. An unchanged side gives the other side exactly; the same
/// change on both sides is made once.
pub fn merge(base: &str, mine: &str, theirs: &str) -> Merged {
    if mine == theirs || theirs == base {
        return whole(mine);
    }
    if mine == base {
        return whole(theirs);
    }
    let (b, m, t) = (tokens(base), tokens(mine), tokens(theirs));
    let ours = hunks(&b, &m);
    let others = hunks(&b, &t);
    let mut pieces = Vec::new();
    let mut overlaps = 0;
    let mut out = String::new();
    let (mut i, mut j, mut at) = (0, 0, 0);
    while i < ours.len() || j < others.len() {
        // The next change in the base, and every change of either side
        // that overlaps it, transitively: one region.
        let first = match (ours.get(i), others.get(j)) {
            // Words added at a place go before a change starting there.
            (Some(a), Some(b)) if (b.base.start, b.base.end) < (a.base.start, a.base.end) => {
                b.base.clone()
            }
            (Some(a), _) => a.base.clone(),
            (None, Some(b)) => b.base.clone(),
            (None, None) => unreachable!("the loop runs while a change is left"),
        };
        let mut region = first;
        let (from_mine, from_theirs) = (i, j);
        loop {
            if let Some(h) = ours.get(i).filter(|h| touches(&h.base, &region)) {
                region = region.start.min(h.base.start)..region.end.max(h.base.end);
                i += 1;
            } else if let Some(h) = others.get(j).filter(|h| touches(&h.base, &region)) {
                region = region.start.min(h.base.start)..region.end.max(h.base.end);
                j += 1;
            } else {
                break;
            }
        }
        append(&mut out, &b[at..region.start].concat());
        at = region.end;
        let mine_here = version(&b, &region, &ours[from_mine..i], &m);
        let theirs_here = version(&b, &region, &others[from_theirs..j], &t);
        if from_mine == i {
            append(&mut out, &theirs_here);
        } else if from_theirs == j || mine_here == theirs_here {
            append(&mut out, &mine_here);
        } else if region.is_empty() {
            // Both added words at the same place, taking none away (two
            // sentences appended): both stay, the one kept first first.
            append(&mut out, &theirs_here);
            append(&mut out, &mine_here);
        } else {
            overlaps += 1;
            // Words taken away on one side and changed on the other: the
            // changed words stay, nothing to mark.
            if theirs_here.trim().is_empty() {
                append(&mut out, &mine_here);
            } else if mine_here.trim().is_empty() {
                append(&mut out, &theirs_here);
            } else {
                if ends_in_word(&out) && starts_with_word(&mine_here) {
                    out.push(' ');
                }
                pieces.push(Piece::Text(std::mem::take(&mut out)));
                pieces.push(Piece::Both {
                    kept: mine_here,
                    other: theirs_here,
                });
            }
        }
    }
    append(&mut out, &b[at..].concat());
    pieces.push(Piece::Text(out));
    pieces.retain(|p| *p != Piece::Text(String::new()));
    Merged { pieces, overlaps }
}

/// Adds `piece` to the merged text. Pieces come from different edits:
/// where one ends in a word and the next starts with one (a word typed at
/// the end of one change, a word added at the start of the next), a space
/// keeps them two words, never one glued.
fn append(out: &mut String, piece: &str) {
    if ends_in_word(out) && starts_with_word(piece) {
        out.push(' ');
    }
    out.push_str(piece);
}

fn is_word(c: char) -> bool {
    !c.is_whitespace() && c != '⟦' && c != '⟧'
}

fn ends_in_word(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_word)
}

fn starts_with_word(text: &str) -> bool {
    text.chars().next().is_some_and(is_word)
}

fn whole(text: &str) -> Merged {
    Merged {
        pieces: vec![Piece::Text(text.to_string())],
        overlaps: 0,
    }
}

/// Words, the blank space between them, and each marked version whole
/// (`⟦…⟧`, nested ones inside it): joined again they are the text. A
/// version is one token so that no merge can take one of its brackets and
/// leave the other, which would run the rest of the text into the version
/// and glue the words at its edge. A bracket with no partner stands alone
/// (so a word right after it is still a word).
pub fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Blank,
        Bracket,
        Word,
    }
    let class = |c: char| match c {
        c if c.is_whitespace() => Class::Blank,
        '⟦' | '⟧' => Class::Bracket,
        _ => Class::Word,
    };
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let now = class(c);
        if let Some(before) = last
            && (before != now || now == Class::Bracket)
        {
            tokens.push(&text[start..at]);
            start = at;
        }
        last = Some(now);
        if c == '⟦'
            && let Some(end) = version_end(&text[at..])
        {
            // The whole version, then on after it.
            tokens.push(&text[at..at + end]);
            start = at + end;
            last = None;
            while chars.next_if(|&(next, _)| next < start).is_some() {}
        }
    }
    if start < text.len() {
        tokens.push(&text[start..]);
    }
    tokens
}

/// Where the version opening `text` ends (past its closing bracket), when
/// it is closed.
fn version_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '⟦' => depth += 1,
            '⟧' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    None
}

/// The words of a text, those of its marked versions too.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '⟦' || c == '⟧')
        .filter(|w| !w.is_empty())
}

/// One change from the base: the base's tokens `base` became the edit's
/// tokens `edit`.
#[derive(Debug, Clone)]
struct Hunk {
    base: Range<usize>,
    edit: Range<usize>,
}

/// The changes from `base` to `edit`, in order. Two changes with only blank
/// space between them are one: "a b" to "x y" is one change, not two with
/// a shared space that would split an overlap in pieces.
fn hunks(base: &[&str], edit: &[&str]) -> Vec<Hunk> {
    let mut hunks: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, base, edit) {
        let (tag, mut old, mut new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        // Words added or taken away with the blank beside them could be
        // told with the blank before or after ("Dos. " or " Dos."): always
        // the one furthest back, so two edits tell the same words alike
        // and an edit next to another does not seem to overlap it.
        let floor = hunks.last().map_or(0, |h: &Hunk| h.base.end);
        while old.start > floor && new.start > 0 {
            let same = match (old.is_empty(), new.is_empty()) {
                (false, true) => base[old.start - 1] == base[old.end - 1],
                (true, false) => edit[new.start - 1] == edit[new.end - 1],
                _ => false,
            };
            if !same {
                break;
            }
            old = old.start - 1..old.end - 1;
            new = new.start - 1..new.end - 1;
        }
        match hunks.last_mut() {
            // (An insertion may be told at the start of the deletion just
            // before it: contiguous too.)
            Some(last)
                if base
                    .get(last.base.end..old.start)
                    .is_none_or(|gap| gap.iter().all(|t| t.trim().is_empty())) =>
            {
                last.base = last.base.start.min(old.start)..last.base.end.max(old.end);
                last.edit = last.edit.start.min(new.start)..last.edit.end.max(new.end);
            }
            _ => hunks.push(Hunk {
                base: old,
                edit: new,
            }),
        }
    }
    hunks
}

/// Whether a change of `a` and a change of `b` fall on the same words of
/// the base. Words added at one place touch only words added at the same
/// place, or a change around it; a change that ends where another starts
/// does not touch it.
fn touches(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// The words one side has in place of the base's `region`: its changes
/// there, the base's words between them.
fn version(base: &[&str], region: &Range<usize>, changes: &[Hunk], edit: &[&str]) -> String {
    let mut text = String::new();
    let mut at = region.start;
    for change in changes {
        text.extend(base[at..change.base.start].iter().copied());
        text.extend(edit[change.edit.clone()].iter().copied());
        at = change.base.end;
    }
    text.extend(base[at..region.end].iter().copied());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(base: &str, mine: &str, theirs: &str) -> (String, bool) {
        let merged = merge(base, mine, theirs);
        (merged.text("es"), merged.overlapped())
    }

    #[test]
    fn tokens_are_the_text_again() {
        let text = "  Crear una\n\tred ⟦otra versión: plataforma⟧ regional. ";
        assert_eq!(tokens(text).concat(), text);
        assert_eq!(
            tokens("a ⟦b c⟧d"),
            vec!["a", " ", "⟦b c⟧", "d"],
            "a version is one token"
        );
        assert_eq!(
            tokens("a ⟦b ⟦c⟧⟧ d⟧e ⟦f"),
            vec!["a", " ", "⟦b ⟦c⟧⟧", " ", "d", "⟧", "e", " ", "⟦", "f"],
            "nested versions inside, a lone bracket alone"
        );
        assert_eq!(
            words("a ⟦otra versión: b⟧c").collect::<Vec<_>>(),
            vec!["a", "otra", "versión:", "b", "c"]
        );
        assert!(tokens("").is_empty());
    }

    #[test]
    fn words_from_two_edits_that_meet_are_never_glued() {
        // Mine ends its change with a word where theirs starts adding
        // words: found by the many-writers property test.
        let base = "p0 s1 palabra ";
        let mine = "p0 s1 palabra  nueva";
        let theirs = "p0 s4 palabra palabra palabra  otra";
        let (text, _) = merged(base, mine, theirs);
        let words: Vec<&str> = words(&text).collect();
        assert!(words.contains(&"nueva"), "{text:?}");
        assert!(words.contains(&"otra"), "{text:?}");
        assert_eq!(
            words.iter().filter(|w| **w == "palabra").count(),
            3,
            "{text:?}"
        );
    }

    #[test]
    fn two_sentences_appended_both_stay() {
        let base = "Crear una red regional.";
        let mine = "Crear una red regional. Con fondos propios.";
        let theirs = "Crear una red regional.\nLiderada por Chile.";
        let (text, overlapped) = merged(base, mine, theirs);
        assert_eq!(
            text,
            "Crear una red regional.\nLiderada por Chile. Con fondos propios."
        );
        assert!(!overlapped);
    }

    #[test]
    fn changes_in_different_places_both_stay() {
        let base = "Crear una red regional de alerta temprana";
        let mine = "Crear una plataforma regional de alerta temprana";
        let theirs = "Crear una red regional de alerta muy temprana";
        assert_eq!(
            merged(base, mine, theirs),
            (
                "Crear una plataforma regional de alerta muy temprana".into(),
                false
            )
        );
    }

    #[test]
    fn an_overlap_keeps_both_versions_marked() {
        let base = "Crear una red regional de alerta";
        let mine = "Crear una plataforma nacional de alerta";
        let theirs = "Crear una red andina de alerta";
        let (text, overlapped) = merged(base, mine, theirs);
        assert_eq!(
            text,
            "Crear una plataforma nacional ⟦otra versión: red andina⟧ de alerta"
        );
        assert!(overlapped);
        assert_eq!(
            merge(base, mine, theirs).text("en"),
            "Crear una plataforma nacional ⟦other version: red andina⟧ de alerta"
        );
        // At the end of a line the mark stays on that line.
        let (text, _) = merged("uno dos\ntres", "uno DOS\ntres", "uno 2\ntres");
        assert_eq!(text, "uno DOS ⟦otra versión: 2⟧\ntres");
    }

    #[test]
    fn words_changed_where_the_other_deleted_stay_unmarked() {
        let (text, overlapped) = merged("a b c", "a B c", "a c");
        assert_eq!(text, "a B c");
        assert!(overlapped);
        let (text, overlapped) = merged("a b c", "a c", "a B c");
        assert_eq!(text, "a B c");
        assert!(overlapped);
    }

    #[test]
    fn an_unchanged_side_gives_the_other_exactly() {
        let base = "uno  dos\n\ntres";
        let edit = "uno dos\ntres cuatro ";
        assert_eq!(merged(base, base, edit), (edit.into(), false));
        assert_eq!(merged(base, edit, base), (edit.into(), false));
        assert_eq!(merged(base, edit, edit), (edit.into(), false));
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        /// One change a person makes to their copy, at a place picked
        /// among the words there are then.
        #[derive(Debug, Clone)]
        enum Change {
            Insert { at: usize, words: u8, line: bool },
            Delete { at: usize, words: u8 },
            Replace { at: usize },
        }

        fn change() -> impl Strategy<Value = Change> {
            prop_oneof![
                (any::<usize>(), 1..4u8, any::<bool>())
                    .prop_map(|(at, words, line)| Change::Insert { at, words, line }),
                (any::<usize>(), 1..3u8).prop_map(|(at, words)| Change::Delete { at, words }),
                any::<usize>().prop_map(|at| Change::Replace { at }),
            ]
        }

        /// Words that only this person types, each once: where it ends up
        /// can be checked.
        fn edit(base: &str, person: usize, changes: &[Change]) -> (String, Vec<String>) {
            let mut words: Vec<String> = base.split(' ').map(str::to_string).collect();
            let mut typed = Vec::new();
            let fresh = |typed: &mut Vec<String>| {
                let word = format!("p{person}w{}", typed.len());
                typed.push(word.clone());
                word
            };
            for change in changes {
                match *change {
                    Change::Insert { at, words: n, line } => {
                        let at = at % (words.len() + 1);
                        for k in 0..n {
                            let mut word = fresh(&mut typed);
                            if line && k == 0 {
                                word.insert(0, '\n');
                            }
                            words.insert(at + k as usize, word);
                        }
                    }
                    Change::Delete { at, words: n } if !words.is_empty() => {
                        let at = at % words.len();
                        let end = (at + n as usize).min(words.len());
                        words.drain(at..end);
                    }
                    Change::Replace { at } if !words.is_empty() => {
                        let at = at % words.len();
                        words[at] = fresh(&mut typed);
                    }
                    _ => {}
                }
            }
            let text = words.join(" ");
            // Kept: what this person typed and did not take away again.
            let kept = typed
                .into_iter()
                .filter(|w| text.split_whitespace().any(|t| t == w))
                .collect();
            (text, kept)
        }

        fn base() -> impl Strategy<Value = String> {
            proptest::collection::vec("[a-e]{1,3}", 0..30).prop_map(|w| w.join(" "))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            /// Two to four people edit the same text from the same base and
            /// keep it in any order, each merged into what the others kept
            /// before: every word someone typed and kept is in the text, in
            /// the words kept or in a marked version.
            #[test]
            fn no_typed_word_is_lost(
                base in base(),
                people in proptest::collection::vec(
                    proptest::collection::vec(change(), 0..6), 2..5),
                order in any::<proptest::sample::Index>(),
            ) {
                let edits: Vec<(String, Vec<String>)> = people
                    .iter()
                    .enumerate()
                    .map(|(person, changes)| edit(&base, person, changes))
                    .collect();
                // A rotation of the order people keep their edits in.
                let first = order.index(edits.len());
                let mut text = base.clone();
                let mut expected = Vec::new();
                for k in 0..edits.len() {
                    let (mine, kept) = &edits[(first + k) % edits.len()];
                    text = merge(&base, mine, &text).text("es");
                    expected.extend(kept.iter().cloned());
                }
                let words: Vec<&str> = super::super::words(&text).collect();
                for word in &expected {
                    prop_assert!(words.contains(&word.as_str()), "{word} lost: {text:?}");
                }
            }

            #[test]
            fn an_unchanged_side_and_the_same_change_give_the_edit(
                base in base(),
                changes in proptest::collection::vec(change(), 0..6),
                other in proptest::collection::vec(change(), 0..6),
            ) {
                let (mine, _) = edit(&base, 0, &changes);
                prop_assert_eq!(merge(&base, &base, &mine).text("es"), mine.clone());
                prop_assert_eq!(merge(&base, &mine, &base).text("es"), mine.clone());
                prop_assert_eq!(merge(&base, &mine, &mine).text("es"), mine.clone());
                prop_assert!(!merge(&base, &mine, &mine).overlapped());
                // The same question, the same answer.
                let (theirs, _) = edit(&base, 1, &other);
                prop_assert_eq!(merge(&base, &mine, &theirs), merge(&base, &mine, &theirs));
            }
        }
    }
}
