//! Several people edit the same inputs' text at once (issue 21's "Done
//! when"): each opens a text, types and erases words in their own copy,
//! and keeps it whenever they like, while others keep theirs, delete,
//! move, remove the group, undo and redo. Whatever the order, every word
//! someone typed and kept is in the text (or in a version kept beside
//! it) until someone who saw it takes it away; an undo takes back only
//! its author's words; the same commands give the same session.
//!
//! "Last writer wins" fails here: a text kept from an older base would
//! drop the words someone else kept meanwhile, words nobody saw.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

fn at(step: usize) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + step as i64).unwrap()
}

/// One thing a person does. Numbers pick among what exists then.
#[derive(Debug, Clone)]
enum Act {
    /// Opens an input's text: what it says now is the base of their copy.
    Open {
        pick: usize,
    },
    /// Types words of their own at a place in their copy (opening the
    /// picked input first if they have none open).
    Type {
        pick: usize,
        at: usize,
        words: u8,
    },
    /// Erases words of their copy, theirs or anyone's (opening first, as
    /// typing does).
    Erase {
        pick: usize,
        at: usize,
        words: u8,
    },
    /// Keeps their copy (Esc): it lands merged with whatever others kept.
    Keep,
    Undo,
    Redo,
    Delete {
        pick: usize,
    },
    Move {
        pick: usize,
        group: usize,
    },
    /// Removes the group the picked input is in; its inputs go to another.
    RemoveGroup {
        pick: usize,
        into: usize,
    },
}

fn act() -> impl Strategy<Value = Act> {
    // Mostly the first input: the more writers on one text, the more
    // merges.
    let pick = || prop_oneof![3 => Just(0usize), 1 => Just(1usize)];
    prop_oneof![
        2 => pick().prop_map(|pick| Act::Open { pick }),
        6 => (pick(), any::<usize>(), 1..4u8)
            .prop_map(|(pick, at, words)| Act::Type { pick, at, words }),
        2 => (pick(), any::<usize>(), 1..3u8)
            .prop_map(|(pick, at, words)| Act::Erase { pick, at, words }),
        6 => Just(Act::Keep),
        4 => Just(Act::Undo),
        2 => Just(Act::Redo),
        1 => pick().prop_map(|pick| Act::Delete { pick }),
        1 => (pick(), 0..3usize).prop_map(|(pick, group)| Act::Move { pick, group }),
        1 => (pick(), any::<usize>()).prop_map(|(pick, into)| Act::RemoveGroup { pick, into }),
    ]
}

/// A person's open editor: the input, the text it started from, and
/// their copy's words.
struct Editor {
    id: Uuid,
    base: String,
    words: Vec<String>,
}

/// A word only this person typed, at this step: where it ends up can be
/// told.
fn typed(who: usize, step: usize, k: u8) -> String {
    format!("w{who}s{step}k{k}")
}

fn typist(word: &str) -> Option<usize> {
    let rest = word.strip_prefix('w')?;
    rest.split('s').next()?.parse().ok()
}

fn text_of(session: &Session, id: Uuid) -> Option<&str> {
    let g = session.group_of_input(id)?;
    session.input(g, id).map(|i| i.text.as_str())
}

/// An editor on the input `id` as `session` has it, if it is there.
fn open(session: &Session, id: Uuid) -> Option<Editor> {
    let text = text_of(session, id)?;
    Some(Editor {
        id,
        base: text.to_string(),
        words: text.split_whitespace().map(str::to_string).collect(),
    })
}

fn words_of(text: &str) -> HashSet<&str> {
    crate::model::word_merge::words(text).collect()
}

/// How many times `word` is in `text`.
fn copies(text: &str, word: &str) -> usize {
    crate::model::word_merge::words(text)
        .filter(|w| *w == word)
        .count()
}

/// Runs the script on a host with two facilitators' screens and group 1's
/// rapporteur, two inputs in group 1 to start with; checks after every
/// step that no kept word is gone; returns the final session.
fn run(script: &[(usize, Act)]) -> Session {
    let workshop = Workshop::default_for(crate::i18n::Lang::Es).unwrap();
    let mut session = Session::new("writers", workshop, at(0));
    let inputs = [Uuid::from_u128(1), Uuid::from_u128(2)];
    for (id, text) in inputs
        .iter()
        .zip(["Crear una red regional.", "Fondos propios."])
    {
        assert!(session.add_input_with_id(0, *id, text.into(), at(1)));
    }
    let rapporteur = Role::Rapporteur {
        axis: session.groups[0].axis.clone(),
    };
    let mut host = Host::new(
        "writers.json".into(),
        session,
        None,
        Box::new(Recorder::default()),
        at(1),
    );
    let people = [host.join(), host.join(), host.join()];
    let roles = [Role::Facilitator, Role::Facilitator, rapporteur];
    let mut editors: HashMap<usize, Editor> = HashMap::new();
    // Words kept (and not taken away by someone who saw them): in which
    // input, by whom.
    let mut kept: HashMap<String, Uuid> = HashMap::new();
    // A person's own words their undo took back: their redo brings them.
    let mut undone: HashMap<String, Uuid> = HashMap::new();
    for (step, (who, act)) in script.iter().enumerate() {
        let who = *who % people.len();
        let now = at(step + 10);
        let before = host.session().clone();
        let submit = |host: &mut Host, command| host.submit(people[who], &roles[who], command, now);
        let result = match act {
            Act::Open { pick } => {
                if let Some(editor) = open(&before, inputs[*pick]) {
                    editors.insert(who, editor);
                }
                continue;
            }
            Act::Type { pick, at, words } => {
                if !editors.contains_key(&who)
                    && let Some(editor) = open(&before, inputs[*pick])
                {
                    editors.insert(who, editor);
                }
                if let Some(editor) = editors.get_mut(&who) {
                    let at = at % (editor.words.len() + 1);
                    for k in 0..*words {
                        editor.words.insert(at + k as usize, typed(who, step, k));
                    }
                }
                continue;
            }
            Act::Erase { pick, at, words } => {
                if !editors.contains_key(&who)
                    && let Some(editor) = open(&before, inputs[*pick])
                {
                    editors.insert(who, editor);
                }
                if let Some(editor) = editors.get_mut(&who)
                    && !editor.words.is_empty()
                {
                    let at = at % editor.words.len();
                    let end = (at + *words as usize).min(editor.words.len());
                    editor.words.drain(at..end);
                }
                continue;
            }
            Act::Keep => {
                let Some(editor) = editors.remove(&who) else {
                    continue;
                };
                let text = editor.words.join(" ");
                let result = submit(
                    &mut host,
                    Command::PatchInput {
                        id: editor.id,
                        patch: InputPatch::text_from(editor.base.clone(), text.clone()),
                    },
                );
                if result.is_ok() {
                    // What they saw and erased is taken away on purpose;
                    // what they typed is kept from now on.
                    // A word can be there twice (a version kept beside the
                    // text repeats it): erasing one of its copies counts.
                    let (mine, base) = (words_of(&text), words_of(&editor.base));
                    for word in &base {
                        if copies(&text, word) < copies(&editor.base, word) {
                            kept.remove(*word);
                        }
                    }
                    // (Words of the base are not typed now: if someone's
                    // undo took them back meanwhile, they stay taken.)
                    for word in mine.difference(&base) {
                        if typist(word) == Some(who) {
                            kept.insert(word.to_string(), editor.id);
                            undone.remove(*word);
                        }
                    }
                }
                result
            }
            Act::Undo => host.undo(people[who], &roles[who], now),
            Act::Redo => host.redo(people[who], &roles[who], now),
            Act::Delete { pick } => submit(&mut host, Command::DeleteInput { id: inputs[*pick] }),
            Act::Move { pick, group } => {
                let Some(axis) = before.groups.get(*group).map(|g| g.axis.clone()) else {
                    continue;
                };
                submit(
                    &mut host,
                    Command::MoveInput {
                        id: inputs[*pick],
                        axis,
                        index: 0,
                    },
                )
            }
            Act::RemoveGroup { pick, into } => {
                let Some(g) = before.group_of_input(inputs[*pick]) else {
                    continue;
                };
                let others: Vec<&str> = before
                    .groups
                    .iter()
                    .filter(|o| o.axis != before.groups[g].axis)
                    .map(|o| o.axis.as_str())
                    .collect();
                if others.is_empty() {
                    continue;
                }
                submit(
                    &mut host,
                    Command::Agenda(AgendaEdit::RemoveGroup {
                        axis: before.groups[g].axis.clone(),
                        inputs_to: Some(others[into % others.len()].to_string()),
                    }),
                )
            }
        };
        let after = host.session().clone();
        if result.is_err() {
            assert_eq!(before, after, "a refused change changes nothing");
        }
        if result.is_ok() && matches!(act, Act::Undo | Act::Redo) {
            // An undo (or redo) may take back its author's words, no one
            // else's; a redo brings back what their undo took. Counted in
            // copies (a merge may have put a word there twice, and the
            // author's step takes back theirs), and only what this step
            // did: a word their undo took may come back earlier through
            // someone else's merge (a conflict keeps both versions).
            let copies_in =
                |s: &Session, id: Uuid, word: &str| text_of(s, id).map(|t| copies(t, word));
            for (word, id) in kept.clone() {
                let (was, is) = (copies_in(&before, id, &word), copies_in(&after, id, &word));
                let fewer = matches!((was, is), (Some(was), Some(is)) if is < was);
                if fewer && typist(&word) == Some(who) {
                    kept.remove(&word);
                    undone.insert(word, id);
                }
            }
            for (word, id) in undone.clone() {
                // (An input brought back whole brings back what it had,
                // not these words.)
                let (was, is) = (copies_in(&before, id, &word), copies_in(&after, id, &word));
                let back = matches!((was, is), (Some(0), Some(is)) if is > 0);
                if back && typist(&word) == Some(who) {
                    undone.remove(&word);
                    kept.insert(word, id);
                }
            }
        }
        // Every word kept is still there, in the text or a version kept
        // beside it, wherever its input went (unless it was deleted).
        for (word, id) in &kept {
            if let Some(text) = text_of(&after, *id) {
                assert!(
                    words_of(text).contains(word.as_str()),
                    "{word} lost at step {step} ({act:?} by {who}): {text:?}"
                );
            }
        }
    }
    (**host.session()).clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn concurrent_writers_of_one_text_lose_no_word(
        script in proptest::collection::vec((0..3usize, act()), 1..50)
    ) {
        let first = run(&script);
        let again = run(&script);
        prop_assert_eq!(first, again, "the same commands give the same session");
    }
}
