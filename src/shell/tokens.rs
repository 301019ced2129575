//! Ballot tokens: one per card, the secret a delegate's phone sends with
//! its ballot. Ten characters of Crockford's base 32 (50 random bits, the
//! join codes' alphabet: no I, L, O or U), printed `K7QM2-XD9AB`, typed in
//! any case, with or without the dash, the look-alikes (`O` for `0`, `I` or
//! `L` for `1`) read as what they look like.
//!
//! A card has a label (`CardLabel`): the delegation's country for cards per
//! delegation, a number for cards per person. What a session and its polls
//! know of a card is its label, never its token: the tokens are kept apart,
//! private, beside the session (`.NAME.json.tokens`, 0600), written
//! atomically like the join codes: a version line, then one line per card,
//! its label, a space, its token, a space, `ok` or `revoked`.
//!
//! A revoked card stays in the file (its label is taken: a new card never
//! gets the label of a lost one by chance), and its token no longer opens
//! anything. The web server reads the file again when [`Tokens::stamp`]
//! changes, so a revoke from the command line works at once.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use subtle::{ConditionallySelectable, ConstantTimeEq};

use crate::i18n::Lang;
pub use crate::model::poll::CardLabel;
use crate::model::session::Session;
use crate::shell::ssh::codes::{ALPHABET, Unreadable, normalize, random_in_alphabet};
use crate::store;

/// The most cards per person a session makes: a large plenary, not a typo.
pub const MAX_COUNT: usize = 1000;
/// Ten characters of five bits each: 50 bits, more than the 40 the join
/// codes have, since a card lives a whole plenary on paper.
const TOKEN_CHARS: usize = 10;
/// Longer than anything a person types for a token: not even normalized.
const MAX_TYPED: usize = 64;
const MAX_FILE_BYTES: u64 = 256 * 1024;
const HEADER: &str = "#taller-tokens 1";
const VERSION_PREFIX: &str = "#taller-tokens ";
const VERSION: u32 = 1;
const OK: &str = "ok";
const REVOKED: &str = "revoked";

/// Whom a session's cards are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// One card per country of the session: its members and the invited.
    Delegation,
    /// Numbered cards, "1", "2", …
    Person,
}

/// One ballot card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub label: CardLabel,
    /// As printed: `K7QM2-XD9AB`.
    pub token: String,
    pub revoked: bool,
}

/// A session's ballot cards, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    cards: Vec<Card>,
}

/// A session's cards as a server checks typed tokens against them: each
/// token already spelled the one way a typed one is read. Under 500 ballots
/// at once, spelling 90 tokens again for each ballot was most of the check.
#[derive(Debug, Clone, Default)]
pub struct CardCheck {
    cards: Vec<(Vec<u8>, Card)>,
}

impl CardCheck {
    /// The card whose token was typed, if it is one and not revoked. Every
    /// card's token is compared, in constant time, whatever matched: how
    /// long the answer takes says nothing of how near the guess was.
    pub fn card_of(&self, typed: &str) -> Option<CardLabel> {
        if typed.len() > MAX_TYPED {
            return None;
        }
        let typed = normalize(typed);
        // Every token has this length: saying so early tells nothing.
        if typed.len() != TOKEN_CHARS {
            return None;
        }
        let mut found: u32 = 0;
        for (i, (spelled, _)) in self.cards.iter().enumerate() {
            let same = spelled.as_slice().ct_eq(typed.as_bytes());
            let place = u32::try_from(i + 1).unwrap_or(u32::MAX);
            found.conditional_assign(&place, same);
        }
        let (_, card) = self
            .cards
            .get(usize::try_from(found).ok()?.checked_sub(1)?)?;
        (!card.revoked).then(|| card.label.clone())
    }
}

/// When the tokens file last changed: another value means it is to be read
/// again. The inode is in it because every write is a rename of a new file,
/// so two writes within one tick of the clock still differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: Option<SystemTime>,
    inode: u64,
    len: u64,
}

impl Tokens {
    /// Every card, revoked ones too, in the order they were made.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Whom the cards are for, from their labels (a country is never only
    /// digits); `None` when there are none.
    pub fn per(&self) -> Option<Per> {
        let first = self.cards.first()?;
        Some(if is_number(&first.label) {
            Per::Person
        } else {
            Per::Delegation
        })
    }

    /// The card whose token was typed, if it is one and not revoked. Every
    /// card's token is compared, in constant time, whatever matched: how
    /// long the answer takes says nothing of how near the guess was.
    pub fn card_of(&self, typed: &str) -> Option<CardLabel> {
        self.check().card_of(typed)
    }

    /// The cards made ready to check typed tokens against, many times over:
    /// each token spelled once, not once per ballot.
    pub fn check(&self) -> CardCheck {
        CardCheck {
            cards: self
                .cards
                .iter()
                .map(|card| (normalize(&card.token).into_bytes(), card.clone()))
                .collect(),
        }
    }

    /// The cards that may vote: every one not revoked.
    pub fn entitled(&self) -> BTreeSet<CardLabel> {
        self.cards
            .iter()
            .filter(|c| !c.revoked)
            .map(|c| c.label.clone())
            .collect()
    }

    /// The label of the card a person named (`--revoke mexico`): exactly,
    /// or else in any case and without accents, when that names one card.
    pub fn find_label(&self, named: &str) -> Option<&CardLabel> {
        crate::model::poll::find_card(self.cards.iter().map(|c| &c.label), named)
    }

    /// Revokes the card of this label, for good: its token opens nothing
    /// from now on. False when no card has this label.
    pub fn revoke(&mut self, label: &str) -> bool {
        match self.cards.iter_mut().find(|c| c.label == label) {
            Some(card) => {
                card.revoked = true;
                true
            }
            None => false,
        }
    }

    /// A card made for each of these labels that has none; whether any was.
    pub fn complete(&mut self, labels: &[CardLabel]) -> io::Result<bool> {
        let mut changed = false;
        for label in labels {
            let label = label.trim();
            if label.is_empty() || self.cards.iter().any(|c| c.label == label) {
                continue;
            }
            let token = self.unused_token()?;
            self.cards.push(Card {
                label: label.to_string(),
                token,
                revoked: false,
            });
            changed = true;
        }
        Ok(changed)
    }

    /// A fresh token no card has (two alike are as good as impossible;
    /// they would make one card answer for another).
    fn unused_token(&self) -> io::Result<String> {
        loop {
            let token = generate()?;
            if !self.cards.iter().any(|c| c.token == token) {
                return Ok(token);
            }
        }
    }

    fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n");
        for card in &self.cards {
            let state = if card.revoked { REVOKED } else { OK };
            text.push_str(&format!(
                "{} {} {state}\n",
                escape_label(&card.label),
                card.token
            ));
        }
        text
    }

    /// A tokens file's text. A line that is not a label, a token and a
    /// state makes the whole file damaged: it is never written over (its
    /// tokens may be on cards already handed out).
    fn parse(text: &str) -> Result<Tokens, Unreadable> {
        let mut lines = text.lines();
        let version = lines
            .next()
            .and_then(|l| l.strip_prefix(VERSION_PREFIX))
            .and_then(|v| v.trim().parse::<u32>().ok())
            .ok_or(Unreadable::Damaged(1))?;
        if version > VERSION {
            return Err(Unreadable::Newer(version));
        }
        let mut cards: Vec<Card> = Vec::new();
        for (i, line) in lines.enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let damaged = Unreadable::Damaged(i + 2);
            let mut parts = line.rsplitn(3, ' ');
            let (Some(state), Some(token), Some(label)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(damaged);
            };
            let revoked = match state {
                OK => false,
                REVOKED => true,
                _ => return Err(damaged),
            };
            let spelled = normalize(token);
            let label = unescape_label(label).ok_or(damaged.clone())?;
            if spelled.len() != TOKEN_CHARS
                || !spelled.bytes().all(|b| ALPHABET.contains(&b))
                || label.trim().is_empty()
                || cards.iter().any(|c| c.label == label)
            {
                return Err(damaged);
            }
            cards.push(Card {
                label,
                token: token.to_string(),
                revoked,
            });
        }
        Ok(Tokens { cards })
    }

    /// `.NAME.json.tokens` beside the session file.
    pub fn path(session: &Path) -> PathBuf {
        let mut name = std::ffi::OsString::from(".");
        name.push(session.file_name().unwrap_or_default());
        name.push(".tokens");
        session.with_file_name(name)
    }

    /// The session's cards as kept; none when there is no file yet (then
    /// nobody can vote from a phone). Never a file that is not a private
    /// regular file of ours, damaged or newer: that is an error.
    pub fn load(session: &Path) -> io::Result<Tokens> {
        let Some(bytes) = store::side::read_secret(&Tokens::path(session), MAX_FILE_BYTES)? else {
            return Ok(Tokens::default());
        };
        let text = String::from_utf8(bytes).map_err(|_| Unreadable::Damaged(1))?;
        Ok(Tokens::parse(&text)?)
    }

    /// The session's cards with one for each of `labels`: those kept are
    /// kept (revoked ones stay revoked), those missing are made, and the
    /// file is written when any was.
    pub fn load_or_create(session: &Path, labels: &[CardLabel]) -> io::Result<Tokens> {
        let mut tokens = Tokens::load(session)?;
        if tokens.complete(labels)? {
            tokens.save(session)?;
        }
        Ok(tokens)
    }

    /// New cards for these labels, replacing every card kept: the old
    /// tokens open nothing any more.
    pub fn renew(session: &Path, labels: &[CardLabel]) -> io::Result<Tokens> {
        let mut tokens = Tokens::default();
        tokens.complete(labels)?;
        tokens.save(session)?;
        Ok(tokens)
    }

    /// Written privately and atomically: a reader sees the old file or the
    /// new one, never half of it.
    pub fn save(&self, session: &Path) -> io::Result<()> {
        store::write_atomic(&Tokens::path(session), self.to_text().as_bytes())
    }

    /// When the session's tokens file last changed; `None` when there is
    /// none (or it cannot be looked at: reading it will say why).
    pub fn stamp(session: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(Tokens::path(session)).ok()?;
        Some(Stamp {
            modified: meta.modified().ok(),
            inode: meta.ino(),
            len: meta.len(),
        })
    }
}

/// The labels of cards per delegation: the workshop's member countries,
/// then those the session invited (as the form lists them).
pub fn delegations(session: &Session) -> Vec<CardLabel> {
    let mut labels: Vec<CardLabel> = Vec::new();
    let countries = session.workshop.countries.members.iter();
    for country in countries.chain(&session.invited_countries) {
        let country = country.trim();
        if !country.is_empty() && !labels.iter().any(|l| l == country) {
            labels.push(country.to_string());
        }
    }
    labels
}

/// The labels of `count` cards per person: "1" to "count".
pub fn people(count: usize) -> Vec<CardLabel> {
    (1..=count).map(|n| n.to_string()).collect()
}

fn is_number(label: &str) -> bool {
    !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())
}

/// A label on one line of the file: `%`, controls and whitespace other than
/// a plain space as `%XX` (a country's name has none of them; a label is
/// read back from the line's start to its last two spaces).
fn escape_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if c == '%' || c.is_control() || (c.is_whitespace() && c != ' ') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape_label(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A fresh token: 50 random bits, `K7QM2-XD9AB`.
fn generate() -> io::Result<String> {
    random_in_alphabet(TOKEN_CHARS)
}

/// The cards of the session at `session` that may vote now, for the poll
/// chooser (`Effect::Cards`); an unreadable file says why in words.
pub fn entitled_now(session: &Path, lang: Lang) -> Result<BTreeSet<CardLabel>, String> {
    Tokens::load(session)
        .map(|tokens| tokens.entitled())
        .map_err(|error| describe(&error, lang))
}

/// Revokes the card of this label in the tokens beside `session`, for the
/// facilitator's screen (`Effect::RevokeCard`): from then on its token
/// opens nothing. Why not, in words.
pub fn revoke_now(session: &Path, card: &str, lang: Lang) -> Result<(), String> {
    let path = Tokens::path(session);
    let cannot = |e: &io::Error| lang.cannot_write(path.display(), describe(e, lang));
    let mut tokens = Tokens::load(session).map_err(|e| cannot(&e))?;
    if !tokens.revoke(card) {
        return Err(lang.poll_screen().unknown_card.to_string());
    }
    tokens.save(session).map_err(|e| cannot(&e))
}

/// What is wrong with a tokens file, or another error reading or writing
/// it, in words for the person.
pub fn describe(error: &io::Error, lang: Lang) -> String {
    match error.get_ref().and_then(|e| e.downcast_ref::<Unreadable>()) {
        Some(Unreadable::Damaged(line)) => lang.tokens_damaged(*line),
        Some(Unreadable::Newer(version)) => lang.tokens_newer(*version),
        None => store::describe_io(error, lang),
    }
}

#[cfg(test)]
mod tests;
