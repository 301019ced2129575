//! `update(model, msg, now) -> effects`: every behaviour of the program.
//!
//! Pure: it reads no clock (`now` is given), touches no disk and no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::notice::{error_told, error_worded, info, info_worded, refusal, told};
use super::{
    EditTarget, Editor, Effect, Form, Mode, Model, Msg, Notice, Open, Overlay, Page, SaveState,
    start,
};
use crate::model::patch::InputPatch;
use crate::model::session::Session;
use crate::session::{ClockAction, Command, Host, Outcome, Refused, Role, Setting, Writer};

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let stage_before = model.open().map(Open::stage);
    // A key is the facilitator saying where they are, even unmoved.
    let acted = matches!(msg, Msg::Key(_) | Msg::Paste(_));
    let effects = handle(model, msg, now);
    if let Page::Workshop(open) = &mut model.page {
        // The facilitator's place is the room's: room screens follow the
        // facilitator who moved or acted last (two facilitators' screens
        // do not pull the room back and forth on every tick).
        let stage = open.stage();
        if open.role == Role::Facilitator
            && open.read_only.is_none()
            && (acted || stage_before.as_ref() != Some(&stage))
        {
            open.host().set_stage(stage);
            open.revisions.borrow_and_update();
        }
        open.follow_stage();
        // Someone else's edit overlapped this person's words: told here,
        // whichever way this screen took the revision.
        if !open.overlaps.is_empty() {
            let overlaps = std::mem::take(&mut open.overlaps);
            if let Some(told) = super::merged::for_overlapped(&open.session, &overlaps) {
                model.notice = Some(told);
            }
        }
    }
    // Which input this screen edits now, for every other screen to show.
    super::presence::report(model);
    effects
}

fn handle(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    model.now = now;
    match msg {
        Msg::ToImport(result) => match (&mut model.page, result) {
            (Page::Workshop(open), Ok((file, files, note))) => {
                let command = Command::Import {
                    label: file.clone(),
                    files,
                };
                match open.submit(command, now) {
                    Ok(applied) => {
                        let report = match applied.outcome {
                            Outcome::Imported(report) => Some(report),
                            _ => None,
                        };
                        // The report names groups as this revision has them.
                        let session = open.session.clone();
                        model.notice = Some(info_worded(move |lang| {
                            let what = match &report {
                                Some(report) => report.describe(&session, lang),
                                None => lang.merge_nothing_new().to_string(),
                            };
                            let imported = lang.imported_from(&file, &what);
                            match &note {
                                Some(note) => format!("{imported} · {note}"),
                                None => imported,
                            }
                        }));
                    }
                    Err(refused) => model.notice = Some(refusal(&refused)),
                }
                Vec::new()
            }
            (_, Err(reason)) => {
                model.notice = Some(error_told(reason));
                Vec::new()
            }
            _ => Vec::new(),
        },
        Msg::Listed(result) => {
            if let Page::Start(start) = &mut model.page {
                start::on_listed(start, &mut model.notice, result);
            }
            Vec::new()
        }
        Msg::Tick => match &mut model.page {
            Page::Workshop(open) => {
                // Every screen ticks the host; a phase crossing is seen once.
                open.host().tick(now);
                open.refresh();
                let mut effects = Vec::new();
                if open.bells_due() && !model.muted && open.role.rings() {
                    effects.push(Effect::Bell);
                }
                keep_the_draft(open, &model.tz, &mut model.notice, now);
                if open.read_only.is_some() {
                    effects.push(Effect::Follow(open.path.clone()));
                }
                effects
            }
            Page::Start(_) => Vec::new(),
        },
        Msg::Changed => {
            if let Page::Workshop(open) = &mut model.page {
                on_changed(open, &mut model.notice);
            }
            Vec::new()
        }
        Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Msg::Key(key) => on_key(model, key, now),
        Msg::Paste(text) => on_paste(model, &text),
        Msg::Resize => Vec::new(),
        Msg::Opened(result) => on_opened(model, now, result),
        Msg::Saved { path, seq, result } => on_saved(model, path, seq, result, now),
        Msg::BackupFailed { path, error } => {
            if let Page::Workshop(open) = &model.page
                && open.path == path
            {
                let folder = crate::store::backup::folder_for(&path);
                model.notice = Some(error_worded(move |lang| {
                    let reason = crate::store::describe_io(&error, lang);
                    lang.backup_failed(folder.display(), reason)
                }));
            }
            Vec::new()
        }
        Msg::QuitBlocked(reason) => {
            if let Page::Workshop(open) = &mut model.page {
                open.host().failed(reason, now);
                open.refresh();
            }
            model.overlay = Some(Overlay::ConfirmQuit);
            Vec::new()
        }
        Msg::Terminate => {
            if let Page::Workshop(open) = &mut model.page {
                commit_form(open, &mut model.notice, now, false);
                commit_editor(open, &model.tz, &mut model.notice, now, false);
                open.host().retry_failed_save();
            }
            vec![Effect::Quit {
                even_if_unsaved: true,
            }]
        }
    }
}

/// Someone else changed the session: this screen follows, its selection
/// stays on its inputs, and what was being edited is never dropped.
fn on_changed(open: &mut Open, notice: &mut Option<Notice>) {
    let own_group = |open: &Open| match &open.role {
        Role::Rapporteur { axis } => open.session.groups.iter().any(|g| g.axis == *axis),
        _ => true,
    };
    let had_group = own_group(open);
    if open.refresh() {
        *notice = Some(info(|t| t.selected_deleted_elsewhere));
    }
    // An editor or form on an input deleted elsewhere keeps its text: it
    // becomes a new input, added back when the typist finishes.
    let gone = |id| open.session.group_of_input(id).is_none();
    if let Some(editor) = &mut open.viewer.editor
        && let EditTarget::Input { axis, id } = editor.target.clone()
        && gone(id)
    {
        editor.target = EditTarget::NewInput { axis };
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
    }
    if let Some(form) = &open.viewer.form
        && gone(form.id)
    {
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
    }
    // An input moved elsewhere: the editor and the form follow it to its
    // group (where a new one goes, should it be deleted later).
    if let Some(editor) = &mut open.viewer.editor
        && let EditTarget::Input { axis, id } = &mut editor.target
        && let Some(now_in) = open.session.group_of_input(*id)
    {
        axis.clone_from(&open.session.groups[now_in].axis);
    }
    if let Some(form) = &mut open.viewer.form
        && let Some(now_in) = open.session.group_of_input(form.id)
    {
        form.axis.clone_from(&open.session.groups[now_in].axis);
    }
    // A rapporteur whose group the facilitator removed is told now, in
    // words, not by the refusal of their next key.
    if had_group && !own_group(open) {
        *notice = Some(error_worded(|lang| lang.group_gone().to_string()));
    }
}

fn on_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    // A message is read once; the next key makes room for the next one.
    model.notice = None;
    // A key acts on the session as it is now, not on this screen's last
    // copy: a revision made elsewhere whose wake-up has not arrived yet is
    // taken first (cheap: the session is shared, not copied). One made
    // between this and the key's command is harmless: commands name groups,
    // items, clocks and inputs by id, as the person saw them.
    if let Page::Workshop(open) = &mut model.page
        && open.revisions.has_changed().unwrap_or(false)
    {
        on_changed(open, &mut model.notice);
    }
    if let Some(overlay) = model.overlay.take() {
        return on_overlay_key(model, overlay, key, now);
    }
    // F1 is help everywhere, also while typing, where `?` is a character.
    if key.code == KeyCode::F(1) {
        model.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match &mut model.page {
        Page::Start(start) => start::on_key(start, &mut model.overlay, &mut model.notice, key),
        Page::Workshop(open) => {
            if open.viewer.form.is_some() {
                on_form_key(open, &mut model.notice, key, now)
            } else if open.viewer.editor.is_some() {
                on_editor_key(open, &mut model.notice, &model.tz, key, now)
            } else if let Some(notice) = super::laptop::on_key(open, &key) {
                model.notice = Some(notice);
                Vec::new()
            } else if key.code == KeyCode::Char('U') && model.join.is_some() {
                // How to join the served session, for the board and the room.
                model.overlay = Some(Overlay::Join);
                Vec::new()
            } else {
                super::actions::on_workshop_key(
                    open,
                    &mut model.overlay,
                    &mut model.notice,
                    &model.tz,
                    key,
                    now,
                )
            }
        }
    }
}

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn on_overlay_key(
    model: &mut Model,
    overlay: Overlay,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    let yes = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y')
    );
    let no = matches!(key.code, KeyCode::Esc | KeyCode::Char('n' | 'N'));
    if super::served::on_key(model, &overlay, &key).is_some() {
        return Vec::new();
    }
    if overlay == Overlay::Help {
        // On a small screen the help scrolls; any other key closes it.
        let keys = super::bindings(model).len();
        match key.code {
            KeyCode::Down | KeyCode::PageDown | KeyCode::Char('j') => {
                model.help_scroll = (model.help_scroll + 1).min(keys.saturating_sub(1));
                model.overlay = Some(overlay);
            }
            KeyCode::Up | KeyCode::PageUp | KeyCode::Char('k') => {
                model.help_scroll = model.help_scroll.saturating_sub(1);
                model.overlay = Some(overlay);
            }
            _ => model.help_scroll = 0,
        }
        return Vec::new();
    }
    if overlay == Overlay::Join {
        // The join screen asks nothing: any key closes it, and does nothing else.
        return Vec::new();
    }
    if matches!(
        overlay,
        Overlay::ConfirmRemoveItem(_) | Overlay::RemoveGroup { .. }
    ) {
        if let Page::Workshop(open) = &mut model.page {
            model.overlay =
                super::agenda::on_question_key(open, overlay, &mut model.notice, key, now);
        }
        return Vec::new();
    }
    if no {
        return Vec::new();
    }
    if !yes {
        // Any other key leaves the question on screen.
        model.overlay = Some(overlay);
        return Vec::new();
    }
    if let Overlay::ConfirmTrash(path) = overlay {
        return vec![Effect::Trash(path)];
    }
    let Page::Workshop(open) = &mut model.page else {
        return Vec::new();
    };
    match overlay {
        Overlay::ConfirmDelete { id, .. } => {
            model.notice = Some(match delete_input(open, id, now) {
                Ok(()) => info(|t| t.deleted),
                Err(refused) => refusal(&refused),
            });
            Vec::new()
        }
        Overlay::ConfirmReset(timer) => {
            let reset = Command::Clock {
                timer,
                action: ClockAction::Reset,
            };
            if let Err(refused) = open.submit(reset, now) {
                model.notice = Some(refusal(&refused));
            }
            Vec::new()
        }
        Overlay::ConfirmQuit => vec![Effect::Quit {
            even_if_unsaved: true,
        }],
        _ => Vec::new(),
    }
}

pub(super) fn on_opened(
    model: &mut Model,
    now: Timestamp,
    result: Result<super::Opened, String>,
) -> Vec<Effect> {
    match result {
        Ok(opened) => {
            // The person at this terminal runs the session: a host of its own.
            let writer = model.writer.take().unwrap_or_else(|| Box::new(NoWriter));
            let read_only = opened.read_only.clone();
            let host = Host::new(opened.path, *opened.session, read_only, writer, now);
            let mut open = Open::join(host.shared(), Role::Facilitator);
            if let Some(view) = &opened.view {
                view.restore(&mut open.viewer, &open.session);
            }
            super::laptop::pin(&mut open);
            let note = opened.note;
            if let Some(holder) = opened.read_only {
                model.notice = Some(error_worded(move |lang| {
                    let read_only = lang.read_only(&holder);
                    match &note {
                        Some(note) => format!("{read_only} · {note}"),
                        None => read_only,
                    }
                }));
            } else {
                model.notice = note.map(told);
            }
            model.page = Page::Workshop(Box::new(open));
        }
        Err(reason) => model.notice = Some(error_told(reason)),
    }
    Vec::new()
}

/// Where snapshots go when no writer was given: nowhere, and it says so, so
/// the screen shows the save failed instead of pretending.
struct NoWriter;

impl Writer for NoWriter {
    fn write(&mut self, _: &std::path::Path, _: u64, _: std::sync::Arc<Session>) -> bool {
        false
    }
}

fn on_saved(
    model: &mut Model,
    path: std::path::PathBuf,
    seq: u64,
    result: Result<(), String>,
    now: Timestamp,
) -> Vec<Effect> {
    if let Page::Workshop(open) = &mut model.page
        && open.path == path
    {
        open.host().saved(seq, result, now);
        open.refresh();
        // Nothing is lost any more: the question has no reason to stay.
        if matches!(open.save, SaveState::Saved(_)) && model.overlay == Some(Overlay::ConfirmQuit) {
            model.overlay = None;
        }
    }
    Vec::new()
}

/// Deletes an input; the selection goes to its neighbour (a person's own
/// delete is not reported as a loss, as one made elsewhere is).
fn delete_input(open: &mut Open, id: uuid::Uuid, now: Timestamp) -> Result<(), Refused> {
    open.submit(Command::DeleteInput { id }, now).map(|_| ())
}

// ---------------------------------------------------------------- the editor

fn on_editor_key(
    open: &mut Open,
    notice: &mut Option<Notice>,
    tz: &TimeZone,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    let Some(editor) = &mut open.viewer.editor else {
        return Vec::new();
    };
    // A one-line prompt (minutes, a time, a name, a path) is a question:
    // Esc takes the question back and leaves the old value as it was.
    if key.code == KeyCode::Esc && editor.target.is_single_line() {
        let target = editor.target.clone();
        let original = editor.original.take();
        open.viewer.editor = None;
        open.draft_since = None;
        // A name the draft save already kept is put back as it was.
        if let (EditTarget::Role { axis, role }, Some(name)) = (target, original) {
            let put_back = Command::SetRoster {
                axis,
                role,
                name,
                base: None,
            };
            let _ = open.submit(put_back, now);
        }
        return Vec::new();
    }
    let finishes =
        key.code == KeyCode::Esc || (key.code == KeyCode::Enter && editor.target.is_single_line());
    // The import prompt asks the shell to read the file.
    if finishes && editor.target == EditTarget::ImportPath {
        // A file dragged onto the terminal arrives quoted: the quotes are not the name.
        let path = editor
            .text()
            .trim()
            .trim_matches(|c| c == '\'' || c == '"')
            .to_string();
        open.viewer.editor = None;
        return if key.code == KeyCode::Enter && !path.is_empty() {
            vec![Effect::Import(std::path::PathBuf::from(path))]
        } else {
            Vec::new()
        };
    }
    if finishes {
        commit_editor(open, tz, notice, now, false);
        return Vec::new();
    }
    if ctrl(&key, 's') {
        // Kept text is saved already; with nothing new, save as asked.
        if !commit_editor(open, tz, notice, now, true) {
            open.host().save_now();
            open.refresh();
        }
        return Vec::new();
    }
    // Tab from the text of an input goes on to its other fields.
    let is_input = matches!(
        editor.target,
        EditTarget::NewInput { .. } | EditTarget::Input { .. }
    );
    if key.code == KeyCode::Tab && is_input {
        commit_editor(open, tz, notice, now, true);
        // Nothing typed yet: the editor stays open for the text (the notice says why).
        if let Some(EditTarget::Input { id, .. }) =
            open.viewer.editor.as_ref().map(|e| e.target.clone())
            && let Some(group) = open.session.group_of_input(id)
        {
            open.viewer.editor = None;
            if let Some(input) = open.session.input(group, id) {
                let axis = &open.session.groups[group].axis;
                let mut form = Form::new(axis, input, &open.session.workshop.countries.members);
                if open.role != Role::Facilitator {
                    form = form.without_plenary();
                }
                form.on_key(key, &open.session.invited_countries);
                open.viewer.form = Some(form);
            }
        }
        return Vec::new();
    }
    if editor.input(key) {
        open.draft_since.get_or_insert(now);
    }
    Vec::new()
}

/// Keeps the editor's text in the session. With `keep_open` the editor stays,
/// now editing the input it created. Returns whether the session changed.
fn commit_editor(
    open: &mut Open,
    tz: &TimeZone,
    notice: &mut Option<Notice>,
    now: Timestamp,
    keep_open: bool,
) -> bool {
    let Some(editor) = open.viewer.editor.take() else {
        return false;
    };
    open.draft_since = None;
    if super::agenda::is_agenda_prompt(&editor.target) {
        return super::agenda::commit(open, editor, notice, now);
    }
    let text = editor.text();
    let sent = text.clone();
    let mut target = editor.target.clone();
    let command = match editor.target.clone() {
        EditTarget::NewInput { axis } => {
            if text.is_empty() {
                *notice = Some(info(|t| t.empty_not_added));
                None
            } else {
                let id = uuid::Uuid::new_v4();
                target = EditTarget::Input {
                    axis: axis.clone(),
                    id,
                };
                Some(Command::AddInput { axis, id, text })
            }
        }
        // An input emptied by hand is a delete, and can be undone like one.
        EditTarget::Input { axis, id } if text.is_empty() => {
            target = EditTarget::NewInput { axis };
            *notice = Some(info(|t| t.emptied_deleted));
            Some(Command::DeleteInput { id })
        }
        // Typed over the text this editor found: merged with others' edits.
        EditTarget::Input { id, .. } => Some(Command::PatchInput {
            id,
            patch: match editor.base.clone() {
                Some(base) => InputPatch::text_from(base, text),
                None => InputPatch::text(text),
            },
        }),
        EditTarget::Role { axis, role } => Some(Command::SetRoster {
            axis,
            role,
            name: text,
            base: editor.base.clone(),
        }),
        EditTarget::Participants { axis } => Some(Command::SetParticipants {
            axis,
            participants: crate::model::session::Participant::parse_lines(&text),
            base: editor
                .base
                .as_deref()
                .map(crate::model::session::Participant::parse_lines),
        }),
        EditTarget::Minutes(timer) => match parse_minutes(&text) {
            Some(minutes) => Some(Command::Clock {
                timer,
                action: ClockAction::SetMinutes(minutes),
            }),
            None => {
                // Stay in the field so the number can be fixed.
                let typed = text.clone();
                *notice = Some(error_worded(move |lang| {
                    lang.minutes_refused(&typed, MAX_MINUTES)
                }));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::PlannedStart => match parse_time_of_day(&text, now, tz) {
            Some(start) => Some(Command::Schedule(Setting::PlannedStart(Some(start)))),
            None => {
                let typed = text.clone();
                *notice = Some(error_worded(move |lang| lang.time_refused(&typed)));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::RoomMessage => Some(Command::RoomMessage(text)),
        EditTarget::ImportPath | EditTarget::SessionName | EditTarget::FormLine => None,
        // Sent above, by the agenda's own commit.
        EditTarget::NewItem { .. }
        | EditTarget::ItemTitle { .. }
        | EditTarget::ItemMinutes { .. }
        | EditTarget::NewGroup
        | EditTarget::GroupTitle { .. } => None,
    };
    let Some(command) = command else {
        if keep_open {
            open.viewer.editor = Some(Editor { target, ..editor });
        }
        return false;
    };
    let added = match &command {
        Command::AddInput { id, .. } => Some(*id),
        _ => None,
    };
    let merges = matches!(
        target,
        EditTarget::Input { .. } | EditTarget::Participants { .. } | EditTarget::Role { .. }
    );
    match open.submit(command, now) {
        Ok(applied) => {
            if let Some(id) = added {
                let session = std::sync::Arc::clone(&open.session);
                open.viewer.select_id(id, &session);
            }
            if let Some(told) = super::merged::for_writer(&open.session, &applied.outcome) {
                *notice = Some(told);
            }
            if keep_open {
                // What was sent is the base of what is typed next: the
                // others' words merged in meanwhile are kept by the merge.
                let base = merges.then_some(sent);
                open.viewer.editor = Some(Editor {
                    target,
                    base,
                    ..editor
                });
            }
            applied.changed
        }
        Err(refused) => {
            keep_refused_editor(open, notice, editor, &refused, keep_open);
            false
        }
    }
}

/// A refused editor (its group removed, no longer this person's, another
/// instance holding the session) never closes with words in it, or the keys
/// that follow would run as commands: it stays, saying why. Told once, `Esc`
/// leaves it, the words kept as this person's draft for their next input.
fn keep_refused_editor(
    open: &mut Open,
    notice: &mut Option<Notice>,
    editor: Editor,
    refused: &Refused,
    keep_open: bool,
) {
    let text = editor.text();
    if text.trim().is_empty() && !keep_open {
        *notice = Some(refusal(refused));
        return;
    }
    if editor.refused && !keep_open {
        keep_as_draft(open, notice, text);
        return;
    }
    let refused = refused.clone();
    *notice = Some(error_worded(move |lang| {
        lang.refused_text_stays(&refused.describe(lang))
    }));
    open.viewer.editor = Some(Editor {
        refused: true,
        ..editor
    });
}

/// Words that could not go where they were typed, kept for this person
/// (after any kept before): their next new input starts with them.
fn keep_as_draft(open: &mut Open, notice: &mut Option<Notice>, text: String) {
    let kept = match open.viewer.kept.take() {
        Some(before) => format!("{before}\n\n{text}"),
        None => text,
    };
    // A rapporteur whose group was removed may write nowhere: `a` would
    // not bring the draft back, so the words are shown, to be copied.
    let writable = open.session.groups.iter().any(|group| {
        let add = Command::AddInput {
            axis: group.axis.clone(),
            id: uuid::Uuid::nil(),
            text: "·".into(),
        };
        open.role.may(&add, &open.session)
    });
    *notice = Some(if writable {
        info_worded(|lang| lang.draft_kept().to_string())
    } else {
        let shown = kept.clone();
        error_worded(move |lang| lang.draft_kept_nowhere(&shown))
    });
    open.viewer.kept = Some(kept);
}

/// "9:30" or "14:05" today, in the room's time zone; empty clears it.
fn parse_time_of_day(text: &str, now: Timestamp, tz: &TimeZone) -> Option<Timestamp> {
    let (hour, minute) = text.trim().split_once(':')?;
    let (hour, minute): (i8, i8) = (hour.trim().parse().ok()?, minute.trim().parse().ok()?);
    let today = now.to_zoned(tz.clone()).date();
    let time = jiff::civil::Time::new(hour, minute, 0, 0).ok()?;
    today
        .to_datetime(time)
        .to_zoned(tz.clone())
        .ok()
        .map(|z| z.timestamp())
}

/// The longest timebox `m` accepts: the longest a file may plan, so a
/// value a file holds can always be typed back.
pub(super) const MAX_MINUTES: u32 = crate::model::limits::MAX_PLANNED_MINUTES;

pub(super) fn parse_minutes(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_MINUTES).contains(m))
}

/// Keys of the input form: `Esc` keeps everything and closes it, `Ctrl+S`
/// keeps it and stays; the rest edits the form's copy.
fn on_form_key(
    open: &mut Open,
    notice: &mut Option<Notice>,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    // Esc while naming a new country leaves just that name.
    if key.code == KeyCode::Esc
        && let Some(form) = &mut open.viewer.form
        && form.adding.take().is_some()
    {
        return Vec::new();
    }
    if key.code == KeyCode::Esc || ctrl(&key, 's') {
        let keep_open = key.code != KeyCode::Esc;
        commit_form(open, notice, now, keep_open);
        return Vec::new();
    }
    let invited = open.session.invited_countries.clone();
    if let Some(form) = &mut open.viewer.form
        && form.on_key(key, &invited)
    {
        open.draft_since.get_or_insert(now);
    }
    Vec::new()
}

/// Sends what the person changed in the form since it was last kept — only
/// those fields — and the countries they invited. The text may not be left
/// empty (the input keeps its text and says so). An input deleted elsewhere
/// meanwhile comes back as a new one: typed words are never dropped.
/// Returns whether the session changed.
fn commit_form(
    open: &mut Open,
    notice: &mut Option<Notice>,
    now: Timestamp,
    keep_open: bool,
) -> bool {
    let Some(mut form) = open.viewer.form.take() else {
        return false;
    };
    open.draft_since = None;
    form.keep_typed();
    if form.draft.text.trim().is_empty() {
        form.draft.text = form.base.text.clone();
        *notice = Some(info(|t| t.text_kept));
    }
    let mut changed = false;
    for country in form.added.drain(..) {
        changed |= open
            .submit(Command::InviteCountry(country), now)
            .is_ok_and(|applied| applied.changed);
    }
    if open.session.group_of_input(form.id).is_none() {
        // Gone: added back, its fields after it.
        let id = uuid::Uuid::new_v4();
        let add = Command::AddInput {
            axis: form.axis.clone(),
            id,
            text: form.draft.text.clone(),
        };
        if let Err(refused) = open.submit(add, now) {
            keep_refused_form(open, notice, form, &refused, keep_open);
            return changed;
        }
        if let Some(group) = open.session.group_of_input(id)
            && let Some(added) = open.session.input(group, id)
        {
            form.base = added.clone();
            form.id = id;
            form.draft.id = id;
            form.axis.clone_from(&open.session.groups[group].axis);
        }
        *notice = Some(info(|t| t.editing_deleted_elsewhere));
        changed = true;
    }
    let mut patch = InputPatch::between(&form.base, &form.draft);
    // Texts typed over what the form found merge with others' edits.
    patch.bases.text = patch.text.as_ref().map(|_| form.base.text.clone());
    patch.bases.observations = patch
        .observations
        .as_ref()
        .map(|_| form.base.plenary.observations.clone());
    let verdict = Command::PatchInput {
        id: form.id,
        patch: InputPatch {
            votes: Some(0),
            ..InputPatch::default()
        },
    };
    if patch.is_plenary() && !open.role.may(&verdict, &open.session) {
        // The plenary's say is the room's: the rest of the form is kept.
        patch.status = None;
        patch.observations = None;
        patch.votes = None;
        form.draft.plenary = form.base.plenary.clone();
        *notice = Some(info(|t| t.plenary_is_the_facilitators));
    }
    if !patch.is_empty() {
        match open.submit(Command::PatchInput { id: form.id, patch }, now) {
            Ok(applied) => {
                changed |= applied.changed;
                if let Some(told) = super::merged::for_writer(&open.session, &applied.outcome) {
                    *notice = Some(told);
                }
                form.base = form.draft.clone();
            }
            Err(refused) => {
                keep_refused_form(open, notice, form, &refused, keep_open);
                return changed;
            }
        }
    }
    if keep_open {
        open.viewer.form = Some(form);
    }
    changed
}

/// A refused form stays, saying why; told once, `Esc` leaves it, its text
/// kept as this person's draft when the session does not hold it already.
fn keep_refused_form(
    open: &mut Open,
    notice: &mut Option<Notice>,
    mut form: Form,
    refused: &Refused,
    keep_open: bool,
) {
    if form.refused && !keep_open {
        let held =
            open.session.group_of_input(form.id).is_some() && form.draft.text == form.base.text;
        if held || form.draft.text.trim().is_empty() {
            *notice = Some(refusal(refused));
        } else {
            keep_as_draft(open, notice, form.draft.text);
        }
        return;
    }
    let refused = refused.clone();
    *notice = Some(error_worded(move |lang| {
        lang.refused_text_stays(&refused.describe(lang))
    }));
    form.refused = true;
    open.viewer.form = Some(form);
}

/// Puts what is being typed into the session (and so on disk), the editor
/// staying open. Text only: an emptied input is not deleted behind the
/// typist's back, and a half-typed number of minutes is not judged yet.
fn keep_the_draft(open: &mut Open, tz: &TimeZone, notice: &mut Option<Notice>, now: Timestamp) {
    let Some(since) = open.draft_since else {
        return;
    };
    if now < since + super::DRAFT_SAVE_AFTER {
        return;
    }
    // Due: whatever happens now, this draft has had its turn, so the loop
    // does not wake for it again (a draft left unsaved would spin it).
    open.draft_since = None;
    if open.viewer.form.is_some() {
        commit_form(open, notice, now, true);
        return;
    }
    let Some(editor) = open.viewer.editor.as_ref() else {
        return;
    };
    // Whatever a person types as prose or names, the roster included, is
    // words that would be lost; minutes and times are judged only when done.
    let text_target = matches!(
        editor.target,
        EditTarget::NewInput { .. }
            | EditTarget::Input { .. }
            | EditTarget::Role { .. }
            | EditTarget::Participants { .. }
    );
    if text_target && !editor.text().is_empty() && open.read_only.is_none() {
        commit_editor(open, tz, notice, now, true);
    }
}

/// A paste goes into the editor, or starts a new input on a group's page.
/// Anywhere else it is not dropped silently: the person is told where it can go.
fn on_paste(model: &mut Model, text: &str) -> Vec<Effect> {
    if model.overlay == Some(Overlay::Help) {
        model.overlay = None;
        model.help_scroll = 0;
    }
    let pasted = match &mut model.page {
        Page::Start(start) => start
            .naming
            .as_mut()
            .map(|naming| naming.paste(text))
            .is_some(),
        Page::Workshop(open) if model.overlay.is_some() || open.read_only.is_some() => false,
        Page::Workshop(open) => {
            if let Some(form) = &mut open.viewer.form {
                let pasted = form.paste(text);
                if pasted {
                    open.draft_since.get_or_insert(model.now);
                }
                return if pasted {
                    Vec::new()
                } else {
                    model.notice = Some(info(|t| t.paste_needs_group));
                    Vec::new()
                };
            }
            if open.viewer.editor.is_none()
                && open.viewer.mode == Mode::Normal
                && let Some(group) = open.viewer.focused_group(&open.session)
            {
                let axis = open.session.groups[group].axis.clone();
                open.viewer.editor = Some(Editor::new(EditTarget::NewInput { axis }, ""));
            }
            let pasted = open
                .viewer
                .editor
                .as_mut()
                .map(|editor| editor.paste(text))
                .is_some();
            if pasted {
                open.draft_since.get_or_insert(model.now);
            }
            pasted
        }
    };
    if !pasted {
        model.notice = Some(info(|t| t.paste_needs_group));
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
