//! What a screen tells its person in the footer: one line, an error or not.
//! Used by every part of `app` (the start screen, the workshop's update),
//! so it lives apart from both: `update` and `start` never import each other.

use crate::i18n::Lang;
use crate::session::Refused;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// A refusal as the person reads it.
pub(super) fn refusal(refused: &Refused, lang: Lang) -> Notice {
    error_notice(refused.describe(lang))
}

pub(super) fn info(text: &str) -> Notice {
    Notice {
        text: text.to_string(),
        is_error: false,
    }
}

pub(super) fn error_notice(text: String) -> Notice {
    Notice {
        text,
        is_error: true,
    }
}
