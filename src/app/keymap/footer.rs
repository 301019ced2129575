//! The workshop screen's footer: the table's entries marked for it, each
//! with its action's word, in rank order while they fit, the help last.

use super::{Action, KeyContext, usable};
use crate::app::{Mode, Open, Part};
use crate::i18n::Lang;

/// What an action is called in the footer on this screen; `None` leaves it
/// out (the opening's ← → and ↑ ↓ both step its items: one is enough).
fn footer_word(action: Action, screen: &KeyContext, lang: Lang) -> Option<&'static str> {
    let w = lang.key_words();
    let opening = screen.part == Part::Opening;
    Some(match action {
        Action::Timer => w.clock,
        Action::Next => w.next,
        Action::Add => w.add,
        Action::Edit => w.edit,
        Action::Delete => w.delete,
        Action::Page if opening => return None,
        Action::Page => w.group,
        Action::Select if opening => w.item,
        Action::Select => w.input,
        Action::Bell => w.bell,
        Action::PlannedStart => w.start_time,
        Action::Back => w.back,
        // In the schedule, `c` goes back as `Esc` does: `Esc` says it.
        Action::Schedule if screen.mode == Mode::Schedule => return None,
        Action::Room => w.room,
        Action::Schedule => w.schedule,
        Action::Parts => w.part,
        Action::Quit => w.quit,
        Action::Help => w.help,
        _ => return None,
    })
}

/// The footer of the workshop screen: (key, word) in rank order, the keys
/// of a room view or the schedule first; `fit_footer` keeps what fits.
fn footer_entries(open: &Open, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let screen = KeyContext::of(open);
    let t = lang.t();
    let mut entries: Vec<(bool, u8, &'static str, &'static str)> = usable(&screen)
        .filter_map(|b| {
            let (rank, key) = b.footer?;
            if b.action == Action::Help {
                return None;
            }
            let word = footer_word(b.action, &screen, lang)?;
            Some((b.at.normal, rank, key.text(t), word))
        })
        .collect();
    entries.sort_by_key(|(normal, rank, _, _)| (*normal, *rank));
    entries
        .into_iter()
        .map(|(_, _, key, word)| (key, word))
        .collect()
}

/// The workshop screen's footer within `width` columns: the table's
/// footer entries this screen's person may use, whole, in rank order while
/// they fit; the help always last (it lists the rest). On a read-only
/// session the line says so first.
pub fn footer(open: &Open, lang: Lang, width: usize) -> String {
    let entries = footer_entries(open, lang);
    let (help, read_only) = (lang.key_words().help, lang.key_words().read_only);
    fit_footer(
        &entries,
        open.read_only.is_some().then_some(read_only),
        ("?", help),
        width,
    )
}

pub(super) fn fit_footer(
    entries: &[(&str, &str)],
    read_only: Option<&str>,
    help: (&str, &str),
    width: usize,
) -> String {
    let entry = |(key, word): (&str, &str)| format!("{key} {word}");
    let entries: Vec<String> = entries.iter().map(|e| entry(*e)).collect();
    fit_hints(
        read_only,
        entries.iter().map(String::as_str),
        &entry(help),
        width,
    )
}

/// Hints joined by " · " in `width` columns: `first` (if any) and `last`
/// always, and between them each of `hints`, in order, that still fits
/// (one too long is passed over, a shorter one after it still shown), so
/// no hint is ever cut in the middle. The workshop screen's footer, and
/// every other line of keys (`ui::render_footer`).
pub fn fit_hints<'a>(
    first: Option<&str>,
    hints: impl IntoIterator<Item = &'a str>,
    last: &str,
    width: usize,
) -> String {
    use textwrap::core::display_width;
    const BETWEEN: &str = " · ";
    let mut parts: Vec<&str> = first.into_iter().collect();
    let mut used = parts
        .iter()
        .map(|p| display_width(p) + display_width(BETWEEN))
        .sum::<usize>()
        + display_width(last);
    for hint in hints {
        let cost = display_width(hint) + display_width(BETWEEN);
        if used + cost <= width {
            used += cost;
            parts.push(hint);
        }
    }
    parts.push(last);
    parts.join(BETWEEN)
}
