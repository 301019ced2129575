//! The keys of the workshop screen in one table: (screen or mode, key) →
//! action. The table drives the dispatch (`actions::on_workshop_key`), the
//! help overlay (`bindings`, which also bounds the help's scrolling), the
//! footer (`footer`: the entries marked for it, each with its action's word)
//! and the permission check (an action knows the kind of change it sends, so
//! a read-only or Room/Reader/Rapporteur screen shows only the keys its
//! person may use, and a refused key says why; the host's `Refused` stays
//! the final word).
//!
//! The start screen, the editor and the form keep their own short lists.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Mode, Model, Open, Page, Part};
use crate::i18n::{Lang, Strings};
use crate::model::session::RosterRole;
use crate::session::{Change, Command, InputPatch, Role, Why};

mod footer;
#[cfg(test)]
use footer::fit_footer;
pub use footer::{fit_hints, footer};

/// What a key does on the workshop screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Tab, Shift+Tab, 1 2 3: the day's parts.
    Parts,
    /// Space: start or pause the clock on screen.
    Timer,
    /// Move on: end what runs, start what follows in the day.
    Next,
    /// Every group's clock at once (the breakouts).
    AllGroups,
    /// One minute more or less.
    Extend,
    /// Back to zero (asks first).
    Reset,
    /// The clock's planned minutes.
    Minutes,
    /// The room view, in and out.
    Room,
    /// Type the room's message, or take the shown one down.
    RoomMessage,
    /// The day's schedule, in and out.
    Schedule,
    Bell,
    PlannedStart,
    /// Out of the room view or the schedule.
    Back,
    /// ← →: group, report or opening item.
    Page,
    /// ↑ ↓ Home End: input or opening item.
    Select,
    Add,
    Edit,
    Delete,
    Undo,
    Redo,
    /// The selected input up or down its list.
    Reorder,
    /// The selected input to the group before or after.
    MoveGroup,
    Duplicate,
    Import,
    Facilitator,
    Rapporteur,
    Participants,
    /// Where the session file is.
    WhereFile,
    Examples,
    Scroll,
    Save,
    Help,
    Quit,
    /// The opening's agenda, the facilitator's: a new item after the
    /// selected one, a break, the selected one renamed, moved, removed.
    AddItem,
    AddBreak,
    RenameItem,
    MoveItem,
    RemoveItem,
    /// The groups: a new one, this one renamed, removed.
    AddGroup,
    RenameGroup,
    RemoveGroup,
    /// `V` in the closing plenary: a phone poll opened, closed, revealed.
    Poll,
}

impl Action {
    /// The kind of change the action sends, `None` if it only looks.
    pub fn sends(self) -> Option<Change> {
        use Action::*;
        match self {
            Timer | Next | AllGroups | Extend | Reset | Minutes => Some(Change::Clock),
            Bell | PlannedStart => Some(Change::Schedule),
            RoomMessage => Some(Change::RoomMessage),
            Import => Some(Change::Import),
            Add | Edit | Delete | Reorder | MoveGroup => Some(Change::Inputs),
            Facilitator | Rapporteur | Participants => Some(Change::Roster),
            Undo | Redo => Some(Change::Undo),
            Poll => Some(Change::Poll),
            AddItem | AddBreak | RenameItem | MoveItem | RemoveItem | AddGroup | RenameGroup
            | RemoveGroup => Some(Change::Agenda),
            Parts | Room | Schedule | Back | Page | Select | Duplicate | WhereFile | Examples
            | Scroll | Save | Help | Quit => None,
        }
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The key, whatever modifiers come with it (as typed: `K` is a capital).
    Is(KeyCode),
    /// The character with Ctrl.
    Ctrl(char),
    /// The key with Shift (arrows).
    Shift(KeyCode),
}

const fn ch(c: char) -> Key {
    Key::Is(KeyCode::Char(c))
}

impl Key {
    /// A key with Ctrl or Shift named: matched before plain keys.
    pub(super) fn exact(self, key: &KeyEvent) -> bool {
        match self {
            Key::Is(_) => false,
            Key::Ctrl(c) => {
                key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
            }
            Key::Shift(code) => key.modifiers.contains(KeyModifiers::SHIFT) && key.code == code,
        }
    }

    fn plain(self, key: &KeyEvent) -> bool {
        matches!(self, Key::Is(code) if code == key.code)
    }
}

/// How a key is written in the help and the footer; some names translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Text(&'static str),
    Space,
    Delete,
    Scroll,
}

impl Label {
    fn text(self, t: &Strings) -> &'static str {
        match self {
            Label::Text(text) => text,
            Label::Space => t.key_space,
            Label::Delete => t.keys_delete,
            Label::Scroll => t.keys_scroll,
        }
    }
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Where {
    /// The part's own screen.
    pub normal: bool,
    /// The room view.
    pub room: bool,
    /// The schedule.
    pub schedule: bool,
    /// Only on this part.
    pub part: Option<Part>,
    /// Only where a group's inputs are on screen.
    pub inputs: bool,
    /// Not on a session another instance holds.
    pub writable: bool,
}

impl Where {
    /// Every workshop screen: the keys that run the day.
    const ALL: Where = Where {
        normal: true,
        room: true,
        schedule: true,
        part: None,
        inputs: false,
        writable: false,
    };
    /// The part's own screen only: editing keys wait for it.
    const PART: Where = Where {
        room: false,
        schedule: false,
        ..Where::ALL
    };
    /// The part's own screen, with a group's inputs on it.
    const INPUTS: Where = Where {
        inputs: true,
        ..Where::PART
    };
    /// The room view and the schedule.
    const VIEWS: Where = Where {
        normal: false,
        ..Where::ALL
    };
    const SCHEDULE: Where = Where {
        room: false,
        ..Where::VIEWS
    };
    /// The opening's own screen: its agenda.
    const AGENDA: Where = Where {
        part: Some(Part::Opening),
        ..Where::PART
    };
    /// A group's own page.
    const GROUPS: Where = Where {
        part: Some(Part::Groups),
        ..Where::PART
    };

    fn holds(&self, screen: &KeyContext) -> bool {
        let mode = match screen.mode {
            Mode::Normal => self.normal,
            Mode::Room => self.room,
            Mode::Schedule => self.schedule,
        };
        mode && self.part.is_none_or(|part| part == screen.part)
            && (!self.inputs || screen.inputs)
            && (!self.writable || !screen.read_only)
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// The keys as the help writes them.
    pub shown: Label,
    pub action: Action,
    pub at: Where,
    /// In the footer: its rank (lower first, while they fit) and the key
    /// as the footer writes it. The help is always last.
    pub footer: Option<(u8, Label)>,
}

const fn bind(keys: &'static [Key], shown: &'static str, action: Action, at: Where) -> Binding {
    Binding {
        keys,
        shown: Label::Text(shown),
        action,
        at,
        footer: None,
    }
}

const fn in_footer(binding: Binding, rank: u8, key: Label) -> Binding {
    Binding {
        footer: Some((rank, key)),
        ..binding
    }
}

const fn shown(binding: Binding, label: Label) -> Binding {
    Binding {
        shown: label,
        ..binding
    }
}

const fn text(key: &'static str) -> Label {
    Label::Text(key)
}

use Action as A;
use KeyCode as C;

/// The workshop screen's keys, in the help's order.
pub const TABLE: &[Binding] = &[
    in_footer(
        bind(
            &[
                Key::Is(C::Tab),
                Key::Is(C::BackTab),
                ch('1'),
                ch('2'),
                ch('3'),
            ],
            "Tab · 1 2 3",
            A::Parts,
            Where::ALL,
        ),
        13,
        text("Tab"),
    ),
    in_footer(
        shown(bind(&[ch(' ')], "", A::Timer, Where::ALL), Label::Space),
        5,
        Label::Space,
    ),
    in_footer(bind(&[ch('n')], "n", A::Next, Where::ALL), 6, text("n")),
    bind(
        &[ch('S')],
        "S",
        A::AllGroups,
        Where {
            part: Some(Part::Groups),
            ..Where::ALL
        },
    ),
    bind(&[ch('+'), ch('-')], "+ −", A::Extend, Where::ALL),
    bind(&[ch('r')], "r", A::Reset, Where::ALL),
    bind(&[ch('m')], "m", A::Minutes, Where::PART),
    in_footer(bind(&[ch('p')], "p", A::Room, Where::ALL), 11, text("p")),
    bind(&[ch('M')], "M", A::RoomMessage, Where::ALL),
    in_footer(
        bind(&[ch('c')], "c", A::Schedule, Where::ALL),
        12,
        text("c"),
    ),
    in_footer(
        bind(&[ch('b')], "b", A::Bell, Where::SCHEDULE),
        8,
        text("b"),
    ),
    in_footer(
        bind(&[ch('i')], "i", A::PlannedStart, Where::SCHEDULE),
        9,
        text("i"),
    ),
    in_footer(
        bind(&[Key::Is(C::Esc)], "Esc", A::Back, Where::VIEWS),
        10,
        text("Esc"),
    ),
    in_footer(
        bind(
            &[Key::Is(C::Left), Key::Is(C::Right), ch('h'), ch('l')],
            "← →",
            A::Page,
            Where::ALL,
        ),
        4,
        text("←→"),
    ),
    in_footer(
        bind(
            &[
                Key::Is(C::Up),
                Key::Is(C::Down),
                ch('k'),
                ch('j'),
                Key::Is(C::Home),
                Key::Is(C::End),
            ],
            "↑ ↓ Home End",
            A::Select,
            Where::ALL,
        ),
        7,
        text("↑↓"),
    ),
    in_footer(bind(&[ch('a')], "a", A::Add, Where::INPUTS), 1, text("a")),
    bind(&[ch('a')], "a", A::AddItem, Where::AGENDA),
    bind(&[ch('b')], "b", A::AddBreak, Where::AGENDA),
    bind(
        &[Key::Is(C::Enter), ch('e')],
        "Enter / e",
        A::RenameItem,
        Where::AGENDA,
    ),
    shown(
        bind(
            &[ch('d'), Key::Is(C::Delete)],
            "",
            A::RemoveItem,
            Where::AGENDA,
        ),
        Label::Delete,
    ),
    bind(
        &[Key::Shift(C::Up), Key::Shift(C::Down), ch('K'), ch('J')],
        "Shift+↑↓ · K J",
        A::MoveItem,
        Where::AGENDA,
    ),
    in_footer(
        bind(
            &[Key::Is(C::Enter), ch('e')],
            "Enter / e",
            A::Edit,
            Where::INPUTS,
        ),
        2,
        text("Enter"),
    ),
    in_footer(
        shown(
            bind(&[ch('d'), Key::Is(C::Delete)], "", A::Delete, Where::INPUTS),
            Label::Delete,
        ),
        3,
        text("d"),
    ),
    bind(&[ch('u')], "u", A::Undo, Where::PART),
    bind(&[Key::Ctrl('r')], "Ctrl+R", A::Redo, Where::PART),
    bind(
        &[Key::Shift(C::Up), Key::Shift(C::Down), ch('K'), ch('J')],
        "Shift+↑↓ · K J",
        A::Reorder,
        Where::INPUTS,
    ),
    bind(
        &[Key::Shift(C::Left), Key::Shift(C::Right), ch('H'), ch('L')],
        "Shift+←→ · H L",
        A::MoveGroup,
        Where::INPUTS,
    ),
    bind(&[ch('g')], "g", A::Duplicate, Where::PART),
    bind(&[ch('i')], "i", A::Import, Where::PART),
    bind(&[ch('F')], "F", A::Facilitator, Where::INPUTS),
    bind(&[ch('R')], "R", A::Rapporteur, Where::INPUTS),
    bind(&[ch('P')], "P", A::Participants, Where::INPUTS),
    bind(&[ch('N')], "N", A::AddGroup, Where::GROUPS),
    bind(&[ch('E')], "E", A::RenameGroup, Where::GROUPS),
    bind(&[ch('D')], "D", A::RemoveGroup, Where::GROUPS),
    bind(
        &[ch('V')],
        "V",
        A::Poll,
        Where {
            part: Some(Part::Closing),
            schedule: false,
            ..Where::ALL
        },
    ),
    bind(&[ch('w')], "w", A::WhereFile, Where::ALL),
    bind(&[ch('x')], "x", A::Examples, Where::PART),
    shown(
        bind(
            &[Key::Is(C::PageDown), Key::Is(C::PageUp)],
            "",
            A::Scroll,
            Where::PART,
        ),
        Label::Scroll,
    ),
    bind(
        &[Key::Ctrl('s')],
        "Ctrl+S",
        A::Save,
        Where {
            writable: true,
            ..Where::ALL
        },
    ),
    bind(&[ch('?'), Key::Is(C::F(1))], "? · F1", A::Help, Where::ALL),
    in_footer(
        bind(&[ch('q'), Key::Ctrl('c')], "q", A::Quit, Where::ALL),
        14,
        text("q"),
    ),
];

/// What the table needs to know of a workshop screen.
#[derive(Debug, Clone)]
pub struct KeyContext {
    pub mode: Mode,
    pub part: Part,
    /// A group's inputs are on screen.
    pub inputs: bool,
    /// Another instance holds the session.
    pub read_only: bool,
    pub role: Role,
    /// Actions whose change the role may not make on this page, probed with
    /// the command each would send (a rapporteur on another group's page
    /// adds nothing there): refused before any typing, not after.
    pub refused: Vec<(Action, Why)>,
}

impl KeyContext {
    pub fn of(open: &Open) -> KeyContext {
        KeyContext {
            mode: open.viewer.mode,
            part: open.viewer.part,
            inputs: open.viewer.focused_group(&open.session).is_some(),
            read_only: open.read_only.is_some(),
            role: open.role.clone(),
            refused: refused_here(open),
        }
    }

    /// Whether this screen's person may use the action at all: it sends
    /// nothing, or a change their role makes on a session this instance holds.
    pub fn may(&self, action: Action) -> bool {
        action.sends().is_none_or(|change| {
            !self.read_only
                && self.role.may_make(change)
                && !self.refused.iter().any(|(a, _)| *a == action)
        })
    }

    /// Why this screen's role may not use the action (a screen held by
    /// another instance is told apart by the caller): `None` if it may.
    pub fn why_not(&self, action: Action) -> Option<Why> {
        let change = action.sends()?;
        self.role.why_never(change).or_else(|| {
            self.refused
                .iter()
                .find(|(a, _)| *a == action)
                .map(|(_, why)| *why)
        })
    }
}

/// The actions of this page whose command the role may not send: each
/// probed with the command it would send, decided by `Role::may`.
fn refused_here(open: &Open) -> Vec<(Action, Why)> {
    if open.role == Role::Facilitator {
        return Vec::new();
    }
    let session = &open.session;
    let groups = session.groups.len();
    let group = open.viewer.focused_group(session);
    let selected = group
        .and_then(|g| {
            session.groups[g]
                .inputs
                .get(open.viewer.selected_in(g, session))
        })
        .map(|input| input.id);
    let roster = |role| {
        group.map(|group| Command::SetRoster {
            axis: session.groups[group].axis.clone(),
            role,
            name: String::new(),
            base: None,
        })
    };
    // Another group: the next one, or the one before the last.
    let other = group.map(|g| {
        if g + 1 < groups {
            g + 1
        } else {
            g.saturating_sub(1)
        }
    });
    let probes = [
        (
            Action::Add,
            group.map(|group| Command::AddInput {
                axis: session.groups[group].axis.clone(),
                id: uuid::Uuid::nil(),
                text: "·".into(),
            }),
        ),
        (
            Action::Edit,
            selected.map(|id| Command::PatchInput {
                id,
                patch: InputPatch::text("·".into()),
            }),
        ),
        (
            Action::Delete,
            selected.map(|id| Command::DeleteInput { id }),
        ),
        (
            Action::MoveGroup,
            selected.zip(other).map(|(id, group)| Command::MoveInput {
                id,
                axis: session.groups[group].axis.clone(),
                index: 0,
            }),
        ),
        (
            Action::Participants,
            group.map(|group| Command::SetParticipants {
                axis: session.groups[group].axis.clone(),
                participants: Vec::new(),
                base: None,
            }),
        ),
        (Action::Facilitator, roster(RosterRole::Facilitator)),
        (Action::Rapporteur, roster(RosterRole::Rapporteur)),
    ];
    probes
        .into_iter()
        .filter_map(|(action, command)| {
            let why = open.role.why_not(command.as_ref()?, session)?;
            Some((action, why))
        })
        .collect()
}

/// The binding a key takes on this screen: keys named with Ctrl or Shift
/// first, then the key whatever its modifiers (as the screen always took it).
pub fn lookup(screen: &KeyContext, key: &KeyEvent) -> Option<&'static Binding> {
    let active = || TABLE.iter().filter(|b| b.at.holds(screen));
    active()
        .find(|b| b.keys.iter().any(|k| k.exact(key)))
        .or_else(|| active().find(|b| b.keys.iter().any(|k| k.plain(key))))
}

/// The workshop screen's keys its person may use, in the table's order.
fn usable(screen: &KeyContext) -> impl Iterator<Item = &'static Binding> + '_ {
    TABLE
        .iter()
        .filter(move |b| b.at.holds(screen) && screen.may(b.action))
}

/// What an action does, as the help says it on this screen.
fn help_text(action: Action, screen: &KeyContext, lang: Lang) -> &'static str {
    let t = lang.t();
    match action {
        Action::Parts => t.key_parts,
        Action::Timer => t.key_timer,
        Action::Next => t.key_auto_start,
        Action::AllGroups => t.key_all_groups,
        Action::Extend => t.key_plus_minus,
        Action::Reset => t.key_reset,
        Action::Minutes => t.key_minutes,
        Action::Room if screen.mode == Mode::Room => t.key_back,
        Action::Room => t.key_room,
        Action::RoomMessage => t.key_room_message,
        Action::Schedule if screen.mode == Mode::Schedule => t.key_back,
        Action::Schedule => t.key_schedule,
        Action::Bell => t.key_bell,
        Action::PlannedStart => t.key_planned_start,
        Action::Back => t.key_back,
        Action::Page if screen.part == Part::Opening => t.key_select,
        Action::Page => t.key_groups,
        Action::Select => t.key_select,
        Action::Add => t.key_add,
        Action::Edit => t.key_edit,
        Action::Delete => t.key_delete,
        Action::Undo => t.key_undo,
        Action::Redo => lang.key_words().redo,
        Action::Reorder => t.key_reorder,
        Action::MoveGroup => t.key_move_group,
        Action::Duplicate => t.key_duplicate,
        Action::Import => t.key_import,
        Action::Facilitator => t.key_facilitator,
        Action::Rapporteur => t.key_rapporteur,
        Action::Participants => t.key_participants,
        Action::WhereFile => lang.key_where_file(),
        Action::Examples => t.key_examples,
        Action::Scroll => t.key_scroll,
        Action::Save => t.key_save,
        Action::Help => t.key_help,
        Action::Quit if screen.read_only => t.key_start_quit,
        Action::Quit => t.key_quit,
        Action::AddItem => lang.key_add_item(),
        Action::AddBreak => lang.key_add_break(),
        Action::RenameItem => lang.key_rename_item(),
        Action::MoveItem => lang.key_move_item(),
        Action::RemoveItem => lang.key_remove_item(),
        Action::AddGroup => lang.key_add_group(),
        Action::RenameGroup => lang.key_rename_group(),
        Action::RemoveGroup => lang.key_remove_group(),
        Action::Poll => lang.poll_screen().key_poll,
    }
}

/// The keys of the screen the person is on, as (keys, what they do).
pub fn bindings(model: &Model) -> Vec<(&'static str, &'static str)> {
    let t: &Strings = model.lang.t();
    let open = match &model.page {
        Page::Start(_) => {
            return vec![
                ("↑ ↓ Home End", t.key_select),
                ("Enter", t.key_open),
                ("n", t.key_new),
                ("g", model.lang.key_new_group()),
                ("r", t.key_rename),
                ("c", t.key_template),
                (t.keys_delete, t.key_trash),
                ("? · F1", t.key_help),
                ("q / Esc", t.key_start_quit),
            ];
        }
        Page::Workshop(open) => open,
    };
    if open.viewer.form.is_some() {
        return vec![
            ("Tab · Shift+Tab", t.key_form_fields),
            ("← → · 0-9", t.key_form_choose),
            (t.keys_form_countries, t.key_form_countries),
            ("t", t.key_form_all),
            ("a-z", t.key_form_add),
            ("a-z 0-9", t.key_form_date),
            ("Ctrl+S", t.key_editor_save),
            ("Esc", t.key_form_keep),
        ];
    }
    // One-line prompts (minutes, a time, a name, a path) are questions.
    if let Some(editor) = &open.viewer.editor
        && editor.target.is_single_line()
    {
        return vec![
            ("Enter", t.key_prompt_accept),
            ("Esc", t.key_prompt_cancel),
            ("a-z 0-9", t.key_prompt_replace),
            ("← → Home End", t.key_prompt_edit),
        ];
    }
    if open.viewer.editor.is_some() {
        return vec![
            ("Esc", t.key_editor_finish),
            ("Enter", t.key_editor_newline),
            ("Ctrl+S", t.key_editor_save),
            ("Tab", t.key_editor_fields),
            ("Ctrl+Shift+V / Shift+Ins", t.key_editor_paste),
        ];
    }
    let screen = KeyContext::of(open);
    let mut keys: Vec<_> = usable(&screen)
        .map(|b| (b.shown.text(t), help_text(b.action, &screen, model.lang)))
        .collect();
    // A served session's join screen: the model's, not the workshop's.
    if model.join.is_some() {
        keys.push(("U", t.key_join));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screens() -> Vec<KeyContext> {
        let mut all = Vec::new();
        for mode in [Mode::Normal, Mode::Room, Mode::Schedule] {
            for part in Part::ALL {
                // The opening shows no group's inputs (`KeyContext::of`).
                let with_inputs: &[bool] = if part == Part::Opening {
                    &[false]
                } else {
                    &[false, true]
                };
                for &inputs in with_inputs {
                    for read_only in [false, true] {
                        for role in [
                            Role::Facilitator,
                            Role::Rapporteur { axis: "a".into() },
                            Role::Room,
                            Role::Reader,
                        ] {
                            all.push(KeyContext {
                                mode,
                                part,
                                inputs,
                                read_only,
                                role,
                                refused: Vec::new(),
                            });
                        }
                    }
                }
            }
        }
        all
    }

    fn event(key: Key) -> KeyEvent {
        match key {
            Key::Is(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Shift(code) => KeyEvent::new(code, KeyModifiers::SHIFT),
        }
    }

    /// Every key the table lists on a screen reaches its own action there:
    /// no row hides another, so the help never lists a key that does
    /// something else.
    #[test]
    fn no_binding_shadows_another_on_any_screen() {
        for screen in screens() {
            for binding in TABLE.iter().filter(|b| b.at.holds(&screen)) {
                for key in binding.keys {
                    let found = lookup(&screen, &event(*key)).map(|b| b.action);
                    assert_eq!(found, Some(binding.action), "{key:?} on {screen:?}");
                }
            }
        }
    }

    /// A screen lists only what its person may do: a read-only session, a
    /// room screen or a reader sends nothing, a rapporteur runs no clock.
    #[test]
    fn the_keys_shown_are_the_keys_the_role_may_use() {
        for screen in screens() {
            for binding in usable(&screen) {
                let Some(change) = binding.action.sends() else {
                    continue;
                };
                assert!(!screen.read_only, "{:?} on {screen:?}", binding.action);
                assert!(screen.role.may_make(change));
                assert!(!matches!(screen.role, Role::Room | Role::Reader));
                if matches!(screen.role, Role::Rapporteur { .. }) {
                    assert!(!matches!(change, Change::Clock | Change::Schedule));
                }
            }
        }
    }

    /// The footer's entries are whole and end with the help, however narrow.
    #[test]
    fn the_footer_keeps_whole_entries_and_the_help() {
        let entries = [("a", "añadir"), ("Enter", "editar"), ("d", "eliminar")];
        assert_eq!(
            fit_footer(&entries, None, ("?", "ayuda"), 80),
            "a añadir · Enter editar · d eliminar · ? ayuda"
        );
        assert_eq!(
            fit_footer(&entries, None, ("?", "ayuda"), 31),
            "a añadir · d eliminar · ? ayuda"
        );
        assert_eq!(
            fit_footer(&entries, Some("SOLO LECTURA"), ("?", "ayuda"), 5),
            "SOLO LECTURA · ? ayuda"
        );
    }
}
