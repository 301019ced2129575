//! What a screen tells its person in the footer: one line, an error or not.
//! Used by every part of `app` (the start screen, the workshop's update),
//! so it lives apart from both: `update` and `start` never import each other.
//!
//! A notice holds what was said, not its words: it is put in words when it is
//! drawn, in the language of the screen that draws it. The same refusal reads
//! in Spanish on one rapporteur's screen and in English on another's, and the
//! code that decides what to say never formats text.

use std::fmt;
use std::sync::Arc;

use crate::i18n::{Lang, Strings};
use crate::session::Refused;

#[derive(Clone, PartialEq, Eq)]
pub struct Notice {
    pub said: NoticeText,
    pub is_error: bool,
}

impl Notice {
    /// The notice in words, as a screen in `lang` shows it.
    pub fn text(&self, lang: Lang) -> String {
        self.said.words(lang)
    }
}

impl fmt::Debug for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Notice")
            .field("said", &self.said)
            .field("is_error", &self.is_error)
            .finish()
    }
}

/// What a notice says, put in words only when asked, in the asker's language.
#[derive(Clone)]
pub enum NoticeText {
    /// One of the interface's own lines.
    Line(fn(&'static Strings) -> &'static str),
    /// A command the session refused, with its reason.
    Refused(Refused),
    /// Words that depend on what happened (a file name, a count, a group).
    Formatted(Arc<dyn Fn(Lang) -> String + Send + Sync>),
    /// Words the shell already put in this screen's language: its reports of
    /// the disk work it did for this screen (opening, listing, reading a file
    /// to import), which arrive as messages.
    Translated(String),
}

impl NoticeText {
    /// Words made from what happened, in whichever language draws them.
    pub fn formatted(words: impl Fn(Lang) -> String + Send + Sync + 'static) -> NoticeText {
        NoticeText::Formatted(Arc::new(words))
    }

    pub fn words(&self, lang: Lang) -> String {
        match self {
            NoticeText::Line(line) => line(lang.t()).to_string(),
            NoticeText::Refused(refused) => refused.describe(lang),
            NoticeText::Formatted(words) => words(lang),
            NoticeText::Translated(words) => words.clone(),
        }
    }
}

/// Two notices are the same when they read the same in every language: what
/// a person would see is what counts.
impl PartialEq for NoticeText {
    fn eq(&self, other: &NoticeText) -> bool {
        Lang::ALL
            .iter()
            .all(|&lang| self.words(lang) == other.words(lang))
    }
}

impl Eq for NoticeText {}

impl fmt::Debug for NoticeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeText::Refused(refused) => f.debug_tuple("Refused").field(refused).finish(),
            _ => f
                .debug_tuple("NoticeText")
                .field(&self.words(Lang::Es))
                .finish(),
        }
    }
}

/// A refusal as the person reads it.
pub(crate) fn refusal(refused: &Refused) -> Notice {
    Notice {
        said: NoticeText::Refused(refused.clone()),
        is_error: true,
    }
}

/// One of the interface's lines, not an error.
pub(crate) fn info(line: fn(&'static Strings) -> &'static str) -> Notice {
    Notice {
        said: NoticeText::Line(line),
        is_error: false,
    }
}

/// An error in one of the interface's lines.
pub(crate) fn error_line(line: fn(&'static Strings) -> &'static str) -> Notice {
    Notice {
        said: NoticeText::Line(line),
        is_error: true,
    }
}

/// The shell's report, in words already, not an error.
pub(crate) fn told(words: String) -> Notice {
    Notice {
        said: NoticeText::Translated(words),
        is_error: false,
    }
}

/// The shell's report of what failed, in words already.
pub(crate) fn error_told(words: String) -> Notice {
    Notice {
        said: NoticeText::Translated(words),
        is_error: true,
    }
}

/// Words made from what happened, not an error.
pub(crate) fn info_formatted(words: impl Fn(Lang) -> String + Send + Sync + 'static) -> Notice {
    Notice {
        said: NoticeText::formatted(words),
        is_error: false,
    }
}

/// An error in words made from what happened.
pub(crate) fn error_formatted(words: impl Fn(Lang) -> String + Send + Sync + 'static) -> Notice {
    Notice {
        said: NoticeText::formatted(words),
        is_error: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_put_in_words_by_the_screen_that_draws_it() {
        let refused = refusal(&Refused::NotAllowed(crate::session::Why::Clock));
        assert_eq!(
            refused.text(Lang::Es),
            Refused::NotAllowed(crate::session::Why::Clock).describe(Lang::Es)
        );
        assert_eq!(
            refused.text(Lang::En),
            Refused::NotAllowed(crate::session::Why::Clock).describe(Lang::En)
        );
        assert_ne!(refused.text(Lang::Es), refused.text(Lang::En));

        let group = String::from("Eje 3");
        let moved = info_formatted(move |lang| lang.moved_to(&group));
        assert!(moved.text(Lang::Es).contains("Eje 3"));
        assert_ne!(moved.text(Lang::Es), moved.text(Lang::En));
    }

    #[test]
    fn notices_are_equal_when_they_read_the_same_in_every_language() {
        assert_eq!(info(|t| t.undone), info(|t| t.undone));
        assert_ne!(info(|t| t.undone), info(|t| t.redone));
        assert_ne!(info(|t| t.undone), error_line(|t| t.undone));
        // A line told in Spanish only is not that line: in English it differs.
        let words = Lang::Es.t().undone.to_string();
        assert_ne!(info(|t| t.undone), told(words), "English differs");
    }
}
