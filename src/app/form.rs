//! The input form: every field of an input, `Tab` from one to the next,
//! pick-lists for closed choices, the multi-line editor for the text.
//! Edits are made on a copy and kept in the session when the form closes.

use crossterm::event::{KeyCode, KeyEvent};
use uuid::Uuid;

use super::editor::{EditTarget, Editor};
use crate::model::input::{CRM_MEMBERS, Kind, Priority, Scope, Status, Timeframe, cycle};
use crate::model::session::Input;

/// More votes than any room gives; keeps a held key from reaching absurd numbers.
const MAX_VOTES: u32 = 9999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kind,
    Text,
    Scope,
    Countries,
    Lead,
    Partners,
    Timeframe,
    Date,
    Indicator,
    Priority,
    /// The closing plenary's say: status, observations, votes.
    Status,
    Observations,
    Votes,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Kind,
        Field::Text,
        Field::Scope,
        Field::Countries,
        Field::Lead,
        Field::Partners,
        Field::Timeframe,
        Field::Date,
        Field::Indicator,
        Field::Priority,
        Field::Status,
        Field::Observations,
        Field::Votes,
    ];

    fn step(self, forward: bool) -> Field {
        let i = Field::ALL.iter().position(|f| *f == self).unwrap_or(0);
        let n = Field::ALL.len();
        Field::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    /// Fields typed into, with an editor of their own.
    pub fn is_typed(self) -> bool {
        matches!(
            self,
            Field::Text
                | Field::Lead
                | Field::Partners
                | Field::Date
                | Field::Indicator
                | Field::Observations
        )
    }
}

pub struct Form {
    pub group: usize,
    pub id: Uuid,
    pub field: Field,
    /// The input as edited so far.
    pub draft: Input,
    /// The editor of the current typed field.
    pub editor: Editor,
    /// The country under the cursor in the countries list; one past the
    /// last is "add an invited country".
    pub country: usize,
    /// The name of a country being added, when typing one.
    pub adding: Option<Editor>,
    /// Countries invited in this form, added to the session when it is kept.
    pub added: Vec<String>,
    /// Whether digits were typed since the votes field was reached: the
    /// first one replaces the count, as in a spreadsheet cell.
    pub typing_votes: bool,
}

impl Form {
    pub fn new(group: usize, input: &Input) -> Form {
        let editor = Editor::new(
            EditTarget::Input {
                group,
                id: input.id,
            },
            &input.text,
        );
        Form {
            group,
            id: input.id,
            field: Field::Text,
            draft: input.clone(),
            editor,
            country: 0,
            adding: None,
            added: Vec::new(),
            typing_votes: false,
        }
    }

    /// Every country that can be picked: the CRM members, then the invited
    /// (the session's and those added here).
    pub fn countries(&self, invited: &[String]) -> Vec<String> {
        CRM_MEMBERS
            .iter()
            .map(|c| c.to_string())
            .chain(invited.iter().cloned())
            .chain(self.added.iter().cloned())
            .collect()
    }

    /// A key for the form; false when it did nothing (the caller decides).
    pub fn on_key(&mut self, key: KeyEvent, invited: &[String]) -> bool {
        if let Some(adding) = &mut self.adding {
            match key.code {
                KeyCode::Enter => {
                    let name = adding.text();
                    self.adding = None;
                    let known = self
                        .countries(invited)
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(&name));
                    if !name.is_empty() && !known {
                        self.added.push(name.clone());
                        self.draft.action.countries.push(name);
                        self.country = self.countries(invited).len() - 1;
                    }
                }
                _ => {
                    adding.textarea.input(key);
                }
            }
            return true;
        }
        match key.code {
            KeyCode::Tab => self.go(self.field.step(true)),
            KeyCode::BackTab => self.go(self.field.step(false)),
            _ if self.field.is_typed() => {
                // Enter ends a one-line field by moving on; the text takes new lines.
                if key.code == KeyCode::Enter && self.field != Field::Text {
                    self.go(self.field.step(true));
                } else {
                    self.editor.textarea.input(key);
                }
            }
            // Forty stickers are typed, not pressed forty times.
            KeyCode::Char(digit @ '0'..='9') if self.field == Field::Votes => {
                let votes = &mut self.draft.plenary.votes;
                if !std::mem::replace(&mut self.typing_votes, true) {
                    *votes = 0;
                }
                let typed = votes
                    .saturating_mul(10)
                    .saturating_add(digit.to_digit(10).unwrap_or(0));
                *votes = typed.min(MAX_VOTES);
            }
            KeyCode::Backspace if self.field == Field::Votes => {
                self.draft.plenary.votes /= 10;
            }
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                if self.field != Field::Countries =>
            {
                self.pick(key.code != KeyCode::Left);
            }
            KeyCode::Up | KeyCode::Down if self.field == Field::Countries => {
                // One slot past the last country adds one.
                let count = self.countries(invited).len() + 1;
                self.country = if key.code == KeyCode::Up {
                    self.country.saturating_sub(1)
                } else {
                    (self.country + 1).min(count - 1)
                };
            }
            KeyCode::Char(' ') | KeyCode::Enter
                if self.field == Field::Countries
                    && self.country == self.countries(invited).len() =>
            {
                self.adding = Some(Editor::new(EditTarget::FormLine, ""));
            }
            KeyCode::Char(' ') | KeyCode::Enter if self.field == Field::Countries => {
                if let Some(country) = self.countries(invited).get(self.country) {
                    let chosen = &mut self.draft.action.countries;
                    match chosen.iter().position(|c| c == country) {
                        Some(i) => {
                            chosen.remove(i);
                        }
                        None => chosen.push(country.clone()),
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// Pasted text goes into the field being typed, if any.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.field.is_typed() {
            self.editor.paste(text);
        }
        self.field.is_typed()
    }

    fn pick(&mut self, forward: bool) {
        let action = &mut self.draft.action;
        match self.field {
            Field::Kind => {
                self.draft.kind =
                    cycle(&Kind::ALL, Some(self.draft.kind), forward).unwrap_or_else(|| {
                        // Kind is never "not set": skip over the empty slot.
                        cycle(&Kind::ALL, None, forward).unwrap_or_default()
                    });
            }
            Field::Scope => action.scope = cycle(&Scope::ALL, action.scope, forward),
            Field::Priority => action.priority = cycle(&Priority::ALL, action.priority, forward),
            Field::Status => {
                let plenary = &mut self.draft.plenary;
                plenary.status = cycle(&Status::ALL, plenary.status, forward);
            }
            Field::Votes => {
                let votes = &mut self.draft.plenary.votes;
                *votes = if forward {
                    votes.saturating_add(1)
                } else {
                    votes.saturating_sub(1)
                };
            }
            Field::Timeframe => {
                let current = match &action.timeframe {
                    Some(Timeframe::Date(_)) | None => None,
                    Some(choice) => Timeframe::CHOICES.iter().position(|c| c == choice),
                };
                let indices: Vec<usize> = (0..Timeframe::CHOICES.len()).collect();
                action.timeframe =
                    cycle(&indices, current, forward).map(|i| Timeframe::CHOICES[i].clone());
            }
            _ => {}
        }
    }

    /// Keeps the typed field in the draft, then focuses `field` with its text.
    fn go(&mut self, field: Field) {
        self.keep_typed();
        self.field = field;
        self.typing_votes = false;
        let text = match field {
            Field::Text => self.draft.text.clone(),
            Field::Lead => self.draft.action.lead.clone(),
            Field::Partners => self.draft.action.partners.clone(),
            Field::Indicator => self.draft.action.indicator.clone(),
            Field::Observations => self.draft.plenary.observations.clone(),
            Field::Date => match &self.draft.action.timeframe {
                Some(Timeframe::Date(date)) => date.clone(),
                _ => String::new(),
            },
            _ => return,
        };
        let target = if field == Field::Text {
            EditTarget::Input {
                group: self.group,
                id: self.id,
            }
        } else {
            EditTarget::FormLine
        };
        self.editor = Editor::new(target, &text);
    }

    /// The typed field's text into the draft.
    pub fn keep_typed(&mut self) {
        if !self.field.is_typed() {
            return;
        }
        let text = self.editor.text();
        let action = &mut self.draft.action;
        match self.field {
            Field::Text => self.draft.text = text,
            Field::Lead => action.lead = text,
            Field::Partners => action.partners = text,
            Field::Indicator => action.indicator = text,
            Field::Observations => self.draft.plenary.observations = text,
            Field::Date if !text.is_empty() => action.timeframe = Some(Timeframe::Date(text)),
            Field::Date => {
                if matches!(action.timeframe, Some(Timeframe::Date(_))) {
                    action.timeframe = None;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;
    use jiff::Timestamp;

    fn input() -> Input {
        Input {
            id: Uuid::nil(),
            text: "Plataforma regional".into(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            kind: Kind::Action,
            action: Default::default(),
            plenary: Default::default(),
            origin: None,
        }
    }

    fn press(form: &mut Form, code: KeyCode) {
        form.on_key(
            KeyEvent::new(code, KeyModifiers::NONE),
            &["Brasil".to_string()],
        );
    }

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            press(form, KeyCode::Char(c));
        }
    }

    #[test]
    fn tab_walks_the_fields_and_keeps_what_was_typed() {
        let mut form = Form::new(0, &input());
        assert_eq!(form.field, Field::Text);
        type_text(&mut form, " de información");
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.field, Field::Scope);
        assert_eq!(form.draft.text, "Plataforma regional de información");
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.action.scope, Some(Scope::Regional));
        press(&mut form, KeyCode::Tab);
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Char(' '));
        press(&mut form, KeyCode::End);
        assert_eq!(form.draft.action.countries, ["Canadá"]);
        for _ in 0..20 {
            press(&mut form, KeyCode::Down);
        }
        press(&mut form, KeyCode::Up);
        press(&mut form, KeyCode::Enter);
        assert_eq!(
            form.draft.action.countries,
            ["Canadá", "Brasil"],
            "invited countries can be picked"
        );
        // One past the last: a new invited country, typed.
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Enter);
        type_text(&mut form, "Ecuador");
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.added, ["Ecuador"]);
        assert_eq!(form.draft.action.countries, ["Canadá", "Brasil", "Ecuador"]);
        press(&mut form, KeyCode::Tab);
        type_text(&mut form, "Secretaría Técnica");
        press(&mut form, KeyCode::Enter);
        assert_eq!(
            form.field,
            Field::Partners,
            "Enter moves on from a one-line field"
        );
        assert_eq!(form.draft.action.lead, "Secretaría Técnica");
    }

    #[test]
    fn a_typed_date_is_the_timeframe_and_clearing_it_unsets_it() {
        let mut form = Form::new(0, &input());
        form.go(Field::Timeframe);
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Short));
        press(&mut form, KeyCode::Tab);
        type_text(&mut form, "junio 2019");
        press(&mut form, KeyCode::Tab);
        assert_eq!(
            form.draft.action.timeframe,
            Some(Timeframe::Date("junio 2019".into()))
        );
        form.go(Field::Date);
        for _ in 0..10 {
            press(&mut form, KeyCode::Backspace);
        }
        form.keep_typed();
        assert_eq!(form.draft.action.timeframe, None);
    }

    #[test]
    fn votes_are_typed_as_digits_or_stepped_with_the_arrows() {
        let mut form = Form::new(0, &input());
        form.go(Field::Votes);
        form.draft.plenary.votes = 7;
        type_text(&mut form, "42");
        assert_eq!(form.draft.plenary.votes, 42, "the first digit replaces");
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.plenary.votes, 43);
        press(&mut form, KeyCode::Backspace);
        assert_eq!(form.draft.plenary.votes, 4);
        type_text(&mut form, "99999999");
        assert_eq!(form.draft.plenary.votes, MAX_VOTES);
    }

    #[test]
    fn the_kind_cycles_without_an_empty_slot() {
        let mut form = Form::new(0, &input());
        form.go(Field::Kind);
        press(&mut form, KeyCode::Left);
        assert_eq!(form.draft.kind, Kind::ParkingLot);
        for _ in 0..4 {
            press(&mut form, KeyCode::Right);
        }
        assert_eq!(form.draft.kind, Kind::ParkingLot);
    }
}
