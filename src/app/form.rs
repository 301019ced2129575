//! The input form: every field of an input, `Tab` from one to the next,
//! pick-lists for closed choices, the multi-line editor for the text.
//! Edits are made on a copy and kept in the session when the form closes.

use crossterm::event::{KeyCode, KeyEvent};
use uuid::Uuid;

use super::editor::{EditTarget, Editor};
use crate::i18n::Lang;
use crate::model::input::{Kind, Priority, Scope, Status, Timeframe, cycle};
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
    /// One value, one field: a term (short, medium, long) or a date or
    /// period typed in words. Two fields looked like two values, and typing
    /// a date silently cleared the chosen term.
    Timeframe,
    Indicator,
    Priority,
    /// The closing plenary's say: status, observations, votes.
    Status,
    Observations,
    Votes,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Kind,
        Field::Text,
        Field::Scope,
        Field::Countries,
        Field::Lead,
        Field::Partners,
        Field::Timeframe,
        Field::Indicator,
        Field::Priority,
        Field::Status,
        Field::Observations,
        Field::Votes,
    ];

    /// The fields a group fills in: all but the plenary's (status,
    /// observations, votes, the last three), which a rapporteur's form does
    /// not offer.
    pub const GROUP: &[Field] = Field::ALL.split_at(Field::ALL.len() - 3).0;

    fn step(self, fields: &[Field], forward: bool) -> Field {
        let i = fields.iter().position(|f| *f == self).unwrap_or(0);
        let n = fields.len();
        fields[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    /// Fields typed into, with an editor of their own (the timeframe also
    /// has one, for its date, used only on that choice).
    pub fn is_typed(self) -> bool {
        matches!(
            self,
            Field::Text | Field::Lead | Field::Partners | Field::Indicator | Field::Observations
        )
    }
}

pub struct Form {
    /// The group the input was in when the form opened, by axis.
    pub axis: String,
    pub id: Uuid,
    pub field: Field,
    /// The input as edited so far.
    pub draft: Input,
    /// The editor of the current typed field.
    pub editor: Editor,
    /// The country under the cursor in the countries list; one past the
    /// last is "add an invited country".
    pub country: usize,
    /// The name of a country being added, when typing one: a prompt shown
    /// on the add row, left by Enter or Tab (the name added) or Esc.
    pub adding: Option<Editor>,
    /// Countries invited in this form, added to the session when it is kept.
    pub added: Vec<String>,
    /// Whether digits were typed since the votes field was reached: the
    /// first one replaces the count, as in a spreadsheet cell.
    pub typing_votes: bool,
    /// On the timeframe, "date or period" is chosen: keys type the date
    /// into the editor. The typed date stays in the editor while the
    /// arrows pass over the terms, so stepping past it loses nothing.
    pub on_date: bool,
    /// The input as this form last kept it: what it sends is only what the
    /// person changed since, never the fields others changed meanwhile.
    pub base: Input,
    /// The workshop's member countries, listed first and ticked together by `t`.
    pub members: Vec<String>,
    /// Keeping it was refused once (see `Editor::refused`).
    pub refused: bool,
    /// The fields offered, in order: every one, or a group's only
    /// (`without_plenary`), as the person's role fills in.
    pub fields: &'static [Field],
}

impl Form {
    pub fn new(axis: &str, input: &Input, members: &[String]) -> Form {
        let editor = Editor::new(
            EditTarget::Input {
                axis: axis.to_string(),
                id: input.id,
            },
            &input.text,
        );
        Form {
            axis: axis.to_string(),
            id: input.id,
            field: Field::Text,
            draft: input.clone(),
            editor,
            country: 0,
            adding: None,
            added: Vec::new(),
            typing_votes: false,
            on_date: false,
            base: input.clone(),
            members: members.to_vec(),
            refused: false,
            fields: &Field::ALL,
        }
    }

    /// The form of a person who does not give the plenary's verdict (a
    /// rapporteur): it does not offer the fields only to refuse them.
    pub fn without_plenary(mut self) -> Form {
        self.fields = Field::GROUP;
        self
    }

    /// Every country that can be picked: the workshop's members, then the invited
    /// (the session's and those added here).
    pub fn countries(&self, invited: &[String]) -> Vec<String> {
        self.members
            .iter()
            .cloned()
            .chain(invited.iter().cloned())
            .chain(self.added.iter().cloned())
            .collect()
    }

    /// A key for the form; false when it did nothing (the caller decides).
    pub fn on_key(&mut self, key: KeyEvent, invited: &[String]) -> bool {
        if self.adding.is_some() {
            match key.code {
                KeyCode::Enter => self.finish_adding(invited),
                // Tab leaves the prompt for the next field, the name kept:
                // what is typed next goes there, never into a hidden box.
                KeyCode::Tab | KeyCode::BackTab => {
                    self.finish_adding(invited);
                    self.go(self.field.step(self.fields, key.code == KeyCode::Tab));
                }
                _ => {
                    if let Some(adding) = &mut self.adding {
                        adding.input(key);
                    }
                }
            }
            return true;
        }
        match key.code {
            KeyCode::Tab => self.go(self.field.step(self.fields, true)),
            KeyCode::BackTab => self.go(self.field.step(self.fields, false)),
            _ if self.field.is_typed() => {
                // Enter ends a one-line field by moving on; the text takes new lines.
                if key.code == KeyCode::Enter && self.field != Field::Text {
                    self.go(self.field.step(self.fields, true));
                } else {
                    self.editor.input(key);
                }
            }
            _ if self.field == Field::Timeframe => return self.timeframe_key(key),
            _ if self.field == Field::Countries => return self.countries_key(key, invited),
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
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
                self.pick(key.code != KeyCode::Left);
            }
            _ => return false,
        }
        true
    }

    /// The countries checklist: the CRM members, the invited, then the row
    /// that adds one.
    fn countries_key(&mut self, key: KeyEvent, invited: &[String]) -> bool {
        let count = self.countries(invited).len();
        match key.code {
            KeyCode::Up => self.country = self.country.saturating_sub(1),
            KeyCode::Down => self.country = (self.country + 1).min(count),
            KeyCode::Home | KeyCode::PageUp => self.country = 0,
            KeyCode::End | KeyCode::PageDown => self.country = count,
            // Twelve keystrokes to mark the whole CRM were eleven too many.
            KeyCode::Char('t' | 'T') => self.toggle_members(),
            KeyCode::Char(' ') | KeyCode::Enter if self.country >= count => {
                self.country = count;
                self.adding = Some(Editor::new(EditTarget::FormLine, ""));
            }
            KeyCode::Char(' ') | KeyCode::Enter => {
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

    /// Ticks every member country, or unticks them all when all are ticked
    /// (invited countries stay as they are).
    fn toggle_members(&mut self) {
        let members = &self.members;
        let chosen = &mut self.draft.action.countries;
        let all = members.iter().all(|m| chosen.contains(m));
        if all {
            chosen.retain(|c| !members.contains(c));
        } else {
            for member in members {
                if !chosen.contains(member) {
                    chosen.push(member.clone());
                }
            }
        }
    }

    /// The typed name becomes an invited country, ticked; a name already
    /// listed (in any language the interface speaks, any case: "belice" is
    /// Belize, "nicarágua" Nicaragua) is ticked instead of listed twice.
    fn finish_adding(&mut self, invited: &[String]) {
        let Some(adding) = self.adding.take() else {
            return;
        };
        let name = adding.text();
        if name.is_empty() {
            return;
        }
        let all = self.countries(invited);
        let wanted = name.to_lowercase();
        let known = all.iter().position(|c| {
            std::iter::once(c.as_str())
                .chain(Lang::ALL.iter().map(|lang| lang.country(c)))
                .any(|n| n.to_lowercase() == wanted)
        });
        let chosen = &mut self.draft.action.countries;
        match known {
            Some(i) => {
                if !chosen.contains(&all[i]) {
                    chosen.push(all[i].clone());
                }
                self.country = i;
            }
            None => {
                self.added.push(name.clone());
                chosen.push(name);
                self.country = all.len();
            }
        }
    }

    /// The timeframe: ←→ step through not set, the three terms and "date
    /// or period"; on the date, keys type it. A character typed on a term
    /// starts a date rather than being lost.
    fn timeframe_key(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Left | KeyCode::Right => self.pick(key.code == KeyCode::Right),
            KeyCode::Char(' ') if !self.on_date => self.pick(true),
            KeyCode::Enter => self.go(self.field.step(self.fields, true)),
            KeyCode::Char(_) if !self.on_date => {
                self.editor = Editor::new(EditTarget::FormLine, "");
                self.on_date = true;
                self.editor.input(key);
                self.keep_date();
            }
            _ if self.on_date => {
                self.editor.input(key);
                self.keep_date();
            }
            _ => return false,
        }
        true
    }

    /// The date as typed so far is the timeframe (empty: not set).
    fn keep_date(&mut self) {
        let text = self.editor.text();
        self.draft.action.timeframe = (!text.is_empty()).then_some(Timeframe::Date(text));
    }

    /// Pasted text goes into the field being typed, if any; on the
    /// timeframe it is a date.
    pub fn paste(&mut self, text: &str) -> bool {
        if let Some(adding) = &mut self.adding {
            adding.paste(text);
            return true;
        }
        if self.field == Field::Timeframe {
            if !self.on_date {
                self.editor = Editor::new(EditTarget::FormLine, "");
                self.on_date = true;
            }
            self.editor.paste(text);
            self.keep_date();
            return true;
        }
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
                // Slots: the terms, then "date or period" (one past them).
                let terms = Timeframe::CHOICES.len();
                let current = if self.on_date {
                    Some(terms)
                } else {
                    match &action.timeframe {
                        Some(Timeframe::Date(_)) | None => None,
                        Some(choice) => Timeframe::CHOICES.iter().position(|c| c == choice),
                    }
                };
                let slots: Vec<usize> = (0..=terms).collect();
                let next = cycle(&slots, current, forward);
                self.on_date = next == Some(terms);
                match next {
                    Some(i) if i < terms => action.timeframe = Some(Timeframe::CHOICES[i].clone()),
                    Some(_) => self.keep_date(),
                    None => action.timeframe = None,
                }
            }
            _ => {}
        }
    }

    /// Keeps the typed field in the draft, then focuses `field` with its text.
    fn go(&mut self, field: Field) {
        self.keep_typed();
        self.field = field;
        self.typing_votes = false;
        self.on_date = false;
        let text = match field {
            Field::Text => self.draft.text.clone(),
            Field::Lead => self.draft.action.lead.clone(),
            Field::Partners => self.draft.action.partners.clone(),
            Field::Indicator => self.draft.action.indicator.clone(),
            Field::Observations => self.draft.plenary.observations.clone(),
            Field::Timeframe => match &self.draft.action.timeframe {
                Some(Timeframe::Date(date)) => {
                    self.on_date = true;
                    date.clone()
                }
                _ => String::new(),
            },
            _ => return,
        };
        let target = if field == Field::Text {
            EditTarget::Input {
                axis: self.axis.clone(),
                id: self.id,
            }
        } else {
            EditTarget::FormLine
        };
        self.editor = Editor::new(target, &text);
    }

    /// The typed field's text into the draft.
    pub fn keep_typed(&mut self) {
        if self.field == Field::Timeframe && self.on_date {
            self.keep_date();
        }
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
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;
    use jiff::Timestamp;

    fn crm() -> Vec<String> {
        crate::model::workshop::Countries::default().members
    }

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
            import_base: None,
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
        let mut form = Form::new("eje", &input(), &crm());
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
    fn the_timeframe_is_one_field_a_term_or_a_typed_date() {
        let mut form = Form::new("eje", &input(), &crm());
        form.go(Field::Timeframe);
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Short));
        press(&mut form, KeyCode::Right);
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Long));
        press(&mut form, KeyCode::Right);
        assert!(form.on_date, "after the terms: date or period");
        type_text(&mut form, "junio 2019");
        assert_eq!(
            form.draft.action.timeframe,
            Some(Timeframe::Date("junio 2019".into())),
            "the space is part of the date, not a step"
        );
        // Stepping back to a term and forth again keeps the typed date.
        press(&mut form, KeyCode::Left);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Long));
        press(&mut form, KeyCode::Right);
        assert_eq!(
            form.draft.action.timeframe,
            Some(Timeframe::Date("junio 2019".into()))
        );
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.field, Field::Indicator, "no separate date field");
        assert_eq!(
            form.draft.action.timeframe,
            Some(Timeframe::Date("junio 2019".into()))
        );
        // Back on it, the date is there to edit; emptied, it is not set.
        press(&mut form, KeyCode::BackTab);
        assert!(form.on_date);
        for _ in 0..10 {
            press(&mut form, KeyCode::Backspace);
        }
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.draft.action.timeframe, None);
    }

    #[test]
    fn typing_on_a_term_starts_a_date_instead_of_losing_the_keys() {
        let mut form = Form::new("eje", &input(), &crm());
        form.go(Field::Timeframe);
        press(&mut form, KeyCode::Right);
        press(&mut form, KeyCode::Right);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Medium));
        type_text(&mut form, "2019");
        assert!(form.on_date);
        assert_eq!(
            form.draft.action.timeframe,
            Some(Timeframe::Date("2019".into()))
        );
        press(&mut form, KeyCode::Left);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Long));
        press(&mut form, KeyCode::Left);
        assert_eq!(form.draft.action.timeframe, Some(Timeframe::Medium));
    }

    #[test]
    fn t_ticks_every_crm_member_and_again_unticks_them() {
        let mut form = Form::new("eje", &input(), &crm());
        form.go(Field::Countries);
        press(&mut form, KeyCode::Down);
        press(&mut form, KeyCode::Char(' '));
        for _ in 0..20 {
            press(&mut form, KeyCode::Down);
        }
        press(&mut form, KeyCode::Up);
        press(&mut form, KeyCode::Char(' '));
        assert_eq!(form.draft.action.countries, ["Canadá", "Brasil"]);
        press(&mut form, KeyCode::Char('t'));
        assert_eq!(form.draft.action.countries.len(), 12);
        assert!(
            crm()
                .iter()
                .all(|m| form.draft.action.countries.iter().any(|c| c == m))
        );
        press(&mut form, KeyCode::Char('t'));
        assert_eq!(form.draft.action.countries, ["Brasil"], "invited stay");
    }

    #[test]
    fn tab_leaves_the_add_prompt_and_the_next_field_gets_the_typing() {
        let mut form = Form::new("eje", &input(), &crm());
        form.go(Field::Countries);
        press(&mut form, KeyCode::End);
        press(&mut form, KeyCode::Char(' '));
        assert!(form.adding.is_some());
        // Opened by mistake, left with Tab: nothing added, Lead gets the text.
        press(&mut form, KeyCode::Tab);
        assert!(form.adding.is_none());
        assert_eq!(form.field, Field::Lead);
        type_text(&mut form, "Secretaría Técnica");
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.draft.action.lead, "Secretaría Técnica");
        assert!(form.added.is_empty());
        // A name typed and Tab: added, ticked, and on to the next field.
        form.go(Field::Countries);
        press(&mut form, KeyCode::End);
        press(&mut form, KeyCode::Enter);
        type_text(&mut form, "Ecuador");
        press(&mut form, KeyCode::Tab);
        assert_eq!(form.added, ["Ecuador"]);
        assert_eq!(form.draft.action.countries, ["Ecuador"]);
        assert_eq!(form.field, Field::Lead);
        // A listed country typed in any language is ticked, not added twice.
        form.go(Field::Countries);
        press(&mut form, KeyCode::End);
        press(&mut form, KeyCode::Enter);
        type_text(&mut form, "belice");
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.added, ["Ecuador"]);
        assert_eq!(form.draft.action.countries, ["Ecuador", "Belize"]);
        assert_eq!(form.country, 0, "the cursor is on it");
        // As a Portuguese screen spells it.
        form.go(Field::Countries);
        press(&mut form, KeyCode::End);
        press(&mut form, KeyCode::Enter);
        type_text(&mut form, "Nicarágua");
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.added, ["Ecuador"], "no second Nicaragua");
        assert_eq!(
            form.draft.action.countries,
            ["Ecuador", "Belize", "Nicaragua"]
        );
    }

    #[test]
    fn votes_are_typed_as_digits_or_stepped_with_the_arrows() {
        let mut form = Form::new("eje", &input(), &crm());
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
        let mut form = Form::new("eje", &input(), &crm());
        form.go(Field::Kind);
        press(&mut form, KeyCode::Left);
        assert_eq!(form.draft.kind, Kind::ParkingLot);
        for _ in 0..4 {
            press(&mut form, KeyCode::Right);
        }
        assert_eq!(form.draft.kind, Kind::ParkingLot);
    }
}
