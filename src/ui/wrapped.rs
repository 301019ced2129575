//! The wrapped lines of the inputs drawn lately, kept between frames.
//!
//! Wrapping an input (textwrap, then its numbered first line, its fields,
//! its flags) was the dearest part of a keystroke's frame after the drawing
//! itself, and moving the selection wraps the same inputs again. An input
//! changed by anyone is a new `Arc` (`model::session`), so the lines are
//! kept under the input's address with the `Arc` itself held: the address
//! cannot be reused while it is kept, and an input changed since is simply
//! another key. Drawing stays a function of the model: what is kept is
//! exactly what would be wrapped again.
//!
//! One store per thread (each served screen draws on its own), emptied when
//! it grows past a few screenfuls' worth of inputs. The lines are an `Arc`:
//! a list's regions hold them as their key (`lines::Rows`), and the
//! terminal that keeps those may move between threads.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use ratatui::text::Line;

use crate::i18n::Lang;
use crate::model::session::Input;

/// Inputs kept at most, per thread: many screenfuls, a few hundred KiB.
const KEPT: usize = 2_048;

/// What an input's lines depend on besides the input: its number, the
/// width of that number's column, the width of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    input: usize,
    number: usize,
    digits: usize,
    width: usize,
}

struct Kept {
    /// Holds the input, so its address names it while it is kept.
    _input: Arc<Input>,
    lang: Lang,
    lines: Arc<[Line<'static>]>,
}

thread_local! {
    static STORE: RefCell<HashMap<Key, Kept>> = RefCell::new(HashMap::new());
}

/// The lines of `input`, numbered `number` in a column `digits` wide,
/// wrapped to `width` in `lang`: kept ones if these were made before,
/// else made by `make` and kept.
pub fn lines(
    input: &Arc<Input>,
    number: usize,
    digits: usize,
    width: usize,
    lang: Lang,
    make: impl FnOnce() -> Vec<Line<'static>>,
) -> Arc<[Line<'static>]> {
    let key = Key {
        input: Arc::as_ptr(input) as usize,
        number,
        digits,
        width,
    };
    STORE.with_borrow_mut(|store| {
        if let Some(kept) = store.get(&key)
            && kept.lang == lang
        {
            return Arc::clone(&kept.lines);
        }
        let lines: Arc<[Line<'static>]> = make().into();
        if store.len() >= KEPT {
            store.clear();
        }
        store.insert(
            key,
            Kept {
                _input: Arc::clone(input),
                lang,
                lines: Arc::clone(&lines),
            },
        );
        lines
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn input(text: &str) -> Arc<Input> {
        Arc::new(Input {
            id: uuid::Uuid::new_v4(),
            text: text.into(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            kind: Default::default(),
            action: Default::default(),
            plenary: Default::default(),
            origin: None,
            import_base: None,
        })
    }

    fn made(input: &Arc<Input>, number: usize, width: usize, lang: Lang) -> (Vec<String>, bool) {
        let mut called = false;
        let lines = lines(input, number, 1, width, lang, || {
            called = true;
            vec![Line::from(format!(
                "{number}. {} @{width} {lang:?}",
                input.text
            ))]
        });
        (lines.iter().map(|l| l.to_string()).collect(), called)
    }

    #[test]
    fn the_same_input_is_wrapped_once_and_a_changed_one_again() {
        let first = input("uno");
        assert_eq!(
            made(&first, 1, 40, Lang::Es),
            (vec!["1. uno @40 Es".into()], true)
        );
        assert_eq!(
            made(&first, 1, 40, Lang::Es),
            (vec!["1. uno @40 Es".into()], false)
        );
        // Another number, width or language is wrapped anew.
        assert!(made(&first, 2, 40, Lang::Es).1);
        assert!(made(&first, 1, 30, Lang::Es).1);
        assert_eq!(
            made(&first, 1, 40, Lang::En),
            (vec!["1. uno @40 En".into()], true)
        );
        // A changed input is another Arc: never the old lines.
        let mut changed = Arc::clone(&first);
        Arc::make_mut(&mut changed).text = "uno corregido".into();
        assert_eq!(
            made(&changed, 1, 40, Lang::Es),
            (vec!["1. uno corregido @40 Es".into()], true)
        );
    }

    #[test]
    fn a_kept_input_keeps_its_address_from_being_reused() {
        let gone = input("borrado");
        let (_, called) = made(&gone, 1, 40, Lang::Es);
        assert!(called);
        let address = Arc::as_ptr(&gone);
        drop(gone);
        // The store still holds it: a new input cannot take its address
        // and be shown with its lines.
        for _ in 0..64 {
            let other = input("otro");
            assert_ne!(Arc::as_ptr(&other), address);
            assert_eq!(made(&other, 1, 40, Lang::Es).0, ["1. otro @40 Es"]);
        }
    }
}
