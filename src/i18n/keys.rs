//! The footer's words: one short word per action of the keymap table
//! (`app::keymap`), next to the key the table names. No key is written in a
//! translated sentence, so the footer and the keys can't drift apart.

/// One short word per action shown in the footer.
pub struct KeyWords {
    /// Before the keys of a session another instance holds.
    pub read_only: &'static str,
    pub clock: &'static str,
    pub next: &'static str,
    pub add: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub group: &'static str,
    /// An item of the opening's agenda.
    pub item: &'static str,
    pub input: &'static str,
    pub bell: &'static str,
    pub start_time: &'static str,
    pub back: &'static str,
    pub room: &'static str,
    pub schedule: &'static str,
    pub part: &'static str,
    pub quit: &'static str,
    pub help: &'static str,
    /// The help's line for Ctrl+R.
    pub redo: &'static str,
}
