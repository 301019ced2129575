//! The facilitator's phone polls, from the closing plenary (`V`).
//!
//! One key follows the poll's life: with no poll open, `V` opens the
//! chooser (points, consent, yes/no; named or secret; `Enter` opens it with
//! its defaults); with one open, it asks to close it; on a closed poll whose
//! results are still hidden, it offers to reveal them (and, for a named
//! one, to forget who voted what). Each step is a `Command::Poll` sent to
//! the host like any other change; the host has the last word.
//!
//! The cards that may vote are the shell's to read (they live in a file
//! beside the session): the chooser asks for them with `Effect::Cards` each
//! time it opens, and the answer (`Msg::Cards`) lands in `Open::cards`.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use uuid::Uuid;

use super::notice::{info_formatted, refusal};
use super::{EditTarget, Editor, Effect, Model, Open, Overlay, Page};
use crate::i18n::Lang;
use crate::model::input::Status;
use crate::model::poll::{
    CardLabel, DEFAULT_MAX_PER_INPUT, DEFAULT_POINTS, Poll, PollKind, find_card,
};
use crate::session::{Command, PollEdit};

/// What is done to one card of the open poll, typed by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    /// The delegation voted on paper: its phone ballot is refused.
    Paper,
    /// The card is lost or misused: its token opens nothing any more.
    Revoke,
}

/// The kinds the chooser offers, in its order (the issue's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooserKind {
    Points,
    Consent,
    YesNo,
}

impl ChooserKind {
    pub const ALL: [ChooserKind; 3] = [
        ChooserKind::Points,
        ChooserKind::Consent,
        ChooserKind::YesNo,
    ];
}

/// The poll about to be opened, as the facilitator sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chooser {
    pub kind: ChooserKind,
    pub points: u32,
    pub max_per_input: u32,
    pub secret: bool,
    /// What a points or consent poll covers, in the room's order: the
    /// report-back's group, or on the final step every input not dropped.
    pub inputs: Vec<Uuid>,
    /// What a yes/no poll is on: the input selected, if any.
    pub selected: Option<Uuid>,
}

/// The cards the shell read for the chooser: `None` while it reads them.
pub type CardsRead = Option<Result<BTreeSet<CardLabel>, String>>;

impl Chooser {
    /// The chooser for the step on screen, with the defaults.
    pub fn for_step(open: &Open) -> Chooser {
        let session = &open.session;
        let kept = |g: usize| {
            session.groups[g]
                .inputs
                .iter()
                .filter(|i| i.plenary.status != Some(Status::Dropped))
                .map(|i| i.id)
                .collect::<Vec<_>>()
        };
        let report = open.viewer.report_axis().and_then(|axis| {
            let g = session.groups.iter().position(|g| g.axis == axis)?;
            Some((g, axis.to_string()))
        });
        let (inputs, selected) = match report {
            Some((g, axis)) => {
                let place = open.viewer.selected_in(g, session);
                let selected = open
                    .viewer
                    .selected_id(&axis)
                    .or_else(|| session.groups[g].inputs.get(place).map(|i| i.id));
                (kept(g), selected)
            }
            None => {
                let all: Vec<Uuid> = (0..session.groups.len()).flat_map(kept).collect();
                let first = all.first().copied();
                (all, first)
            }
        };
        Chooser {
            kind: ChooserKind::Points,
            points: DEFAULT_POINTS,
            max_per_input: DEFAULT_MAX_PER_INPUT,
            secret: false,
            inputs,
            selected,
        }
    }

    pub fn poll_kind(&self) -> PollKind {
        match self.kind {
            ChooserKind::Points => PollKind::Points {
                points: self.points,
                max_per_input: self.max_per_input,
            },
            ChooserKind::Consent => PollKind::Consent,
            ChooserKind::YesNo => PollKind::YesNo,
        }
    }

    /// What the poll opened now would be over.
    pub fn voted(&self) -> Vec<Uuid> {
        match self.kind {
            ChooserKind::YesNo => self.selected.into_iter().collect(),
            _ => self.inputs.clone(),
        }
    }

    /// A key that changes the settings; false when it is not one of them.
    fn set(&mut self, code: KeyCode) -> bool {
        let at = ChooserKind::ALL
            .iter()
            .position(|k| *k == self.kind)
            .unwrap_or(0);
        let count = ChooserKind::ALL.len();
        match code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.kind = ChooserKind::ALL[(at + count - 1) % count]
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.kind = ChooserKind::ALL[(at + 1) % count];
            }
            KeyCode::Char('+') => self.points = (self.points + 1).min(99),
            KeyCode::Char('-') => self.points = self.points.saturating_sub(1).max(1),
            KeyCode::Char('>') => self.max_per_input = (self.max_per_input + 1).min(99),
            KeyCode::Char('<') => self.max_per_input = self.max_per_input.saturating_sub(1).max(1),
            KeyCode::Char('s' | 'S') => self.secret = !self.secret,
            _ => return false,
        }
        // The cap on one input never passes the card's points.
        self.max_per_input = self.max_per_input.min(self.points);
        true
    }
}

/// The poll `V` acts on: the open one, else the last one opened.
fn latest(open: &Open) -> Option<&Poll> {
    open.session.open_poll().or_else(|| {
        open.session
            .polls
            .iter()
            .max_by_key(|p| p.opened_at)
            .map(|p| &**p)
    })
}

/// `V` on the closing plenary: the next step of the poll's life.
pub(super) fn on_v(open: &mut Open, overlay: &mut Option<Overlay>) -> Vec<Effect> {
    match latest(open) {
        Some(poll) if poll.closed_at.is_none() => {
            *overlay = Some(Overlay::ClosePoll(poll.id));
            Vec::new()
        }
        Some(poll) if poll.revealed_at.is_none() => {
            *overlay = Some(Overlay::PollClosed(poll.id));
            Vec::new()
        }
        _ => choose(open, overlay),
    }
}

/// Opens the chooser, and asks the shell for the cards as they are now.
fn choose(open: &mut Open, overlay: &mut Option<Overlay>) -> Vec<Effect> {
    *overlay = Some(Overlay::PollChooser(Box::new(Chooser::for_step(open))));
    open.cards = None;
    vec![Effect::Cards(open.path.clone())]
}

/// The shell's answer to `Effect::Cards`, for the session still open.
pub(super) fn on_cards(
    model: &mut Model,
    path: &std::path::Path,
    cards: Result<BTreeSet<CardLabel>, String>,
) {
    if let Page::Workshop(open) = &mut model.page
        && open.path == path
    {
        open.cards = Some(cards);
    }
}

/// A key on one of the poll's overlays; `None`: not one of them.
pub(super) fn on_key(
    model: &mut Model,
    overlay: &Overlay,
    key: &KeyEvent,
    now: Timestamp,
) -> Option<Vec<Effect>> {
    let Page::Workshop(open) = &mut model.page else {
        return None;
    };
    let notice = &mut model.notice;
    let mut effects = Vec::new();
    model.overlay = match overlay {
        Overlay::PollChooser(chooser) => {
            let mut chooser = chooser.clone();
            match key.code {
                KeyCode::Esc => None,
                KeyCode::Enter => match open_poll(open, &chooser, now) {
                    Opened::Done => {
                        *notice = Some(said(|l| l.poll_screen().opened));
                        None
                    }
                    Opened::Refused(told) => {
                        *notice = Some(told);
                        Some(Overlay::PollChooser(chooser))
                    }
                    // Nothing to open yet: the chooser says why.
                    Opened::NotYet => Some(Overlay::PollChooser(chooser)),
                },
                code => {
                    chooser.set(code);
                    Some(Overlay::PollChooser(chooser))
                }
            }
        }
        Overlay::ClosePoll(id) => match key.code {
            KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y' | 'V') => {
                send(open, notice, PollEdit::Close { id: *id }, now, |l| {
                    l.poll_screen().closed
                });
                // Next: reveal, on the same screen.
                open.session
                    .poll(*id)
                    .is_some_and(|p| p.closed_at.is_some())
                    .then_some(Overlay::PollClosed(*id))
            }
            KeyCode::Esc | KeyCode::Char('n' | 'N') => None,
            KeyCode::Char(c @ ('p' | 'P' | 'r' | 'R')) => {
                let action = match c {
                    'p' | 'P' => CardAction::Paper,
                    _ => CardAction::Revoke,
                };
                let target = EditTarget::PollCard { poll: *id, action };
                open.viewer.editor = Some(Editor::new(target, ""));
                None
            }
            _ => Some(overlay.clone()),
        },
        Overlay::PollClosed(id) => match key.code {
            KeyCode::Enter | KeyCode::Char('V' | 'v') => {
                send(open, notice, PollEdit::Reveal { id: *id }, now, |l| {
                    l.poll_screen().revealed
                });
                None
            }
            KeyCode::Char('S') if open.session.poll(*id).is_some_and(|p| !p.secret) => {
                send(open, notice, PollEdit::MakeSecret { id: *id }, now, |l| {
                    l.poll_screen().made_secret
                });
                Some(overlay.clone())
            }
            KeyCode::Char('N' | 'n') => {
                let mut next = None;
                effects = choose(open, &mut next);
                next
            }
            KeyCode::Esc => None,
            _ => Some(overlay.clone()),
        },
        _ => return None,
    };
    Some(effects)
}

/// A card's label typed on the open poll's question: marked as voted on
/// paper at once, or handed to the shell to revoke in the tokens file
/// (the session logs it when the shell says it is done).
pub(super) fn on_card_typed(
    open: &mut Open,
    notice: &mut Option<super::Notice>,
    poll: Uuid,
    action: CardAction,
    typed: &str,
    now: Timestamp,
) -> Vec<Effect> {
    let Some(card) = open
        .session
        .poll(poll)
        .and_then(|p| find_card(p.entitled.iter().chain(&p.voted), typed))
        .cloned()
    else {
        *notice = Some(said(|l| l.poll_screen().unknown_card));
        return Vec::new();
    };
    match action {
        CardAction::Paper => {
            let edit = PollEdit::Paper {
                id: poll,
                card: card.clone(),
            };
            *notice = Some(match open.submit(Command::Poll(edit), now) {
                Ok(_) => info_formatted(move |lang| lang.poll_card_on_paper(&card)),
                Err(refused) => refusal(&refused),
            });
            Vec::new()
        }
        CardAction::Revoke => vec![Effect::RevokeCard {
            path: open.path.clone(),
            card,
        }],
    }
}

/// The shell revoked the card in the tokens file (or could not): the
/// session takes it out of the open poll and logs it.
pub(super) fn on_revoked(
    model: &mut Model,
    path: &std::path::Path,
    card: CardLabel,
    done: Result<(), String>,
    now: Timestamp,
) {
    let Page::Workshop(open) = &mut model.page else {
        return;
    };
    if open.path != path {
        return;
    }
    if let Err(why) = done {
        model.notice = Some(super::notice::error_formatted(move |_| why.clone()));
        return;
    }
    let edit = PollEdit::Revoke { card: card.clone() };
    model.notice = Some(match open.submit(Command::Poll(edit), now) {
        Ok(_) => info_formatted(move |lang| lang.poll_card_revoked(&card)),
        Err(refused) => refusal(&refused),
    });
}

fn said(words: fn(Lang) -> &'static str) -> super::Notice {
    info_formatted(move |lang| words(lang).to_string())
}

fn send(
    open: &mut Open,
    notice: &mut Option<super::Notice>,
    edit: PollEdit,
    now: Timestamp,
    done: fn(Lang) -> &'static str,
) {
    *notice = Some(match open.submit(Command::Poll(edit), now) {
        Ok(_) => said(done),
        Err(refused) => refusal(&refused),
    });
}

enum Opened {
    Done,
    Refused(super::Notice),
    NotYet,
}

/// Opens the chosen poll for the cards the shell read; without cards (or
/// before they are read) nothing is opened: nobody could vote in it.
fn open_poll(open: &mut Open, chooser: &Chooser, now: Timestamp) -> Opened {
    let Some(Ok(entitled)) = open.cards.clone() else {
        return Opened::NotYet;
    };
    if entitled.is_empty() {
        return Opened::NotYet;
    }
    let command = Command::Poll(PollEdit::Open {
        id: Uuid::new_v4(),
        kind: chooser.poll_kind(),
        inputs: chooser.voted(),
        secret: chooser.secret,
        entitled,
    });
    match open.submit(command, now) {
        Ok(_) => Opened::Done,
        Err(refused) => Opened::Refused(refusal(&refused)),
    }
}
