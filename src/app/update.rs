//! `update(model, msg, now) -> effects`: every behaviour of the program.
//!
//! Pure: it reads no clock (`now` is given), touches no disk and no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{
    Change, EditTarget, Editor, Effect, Form, Mode, Model, Msg, Notice, Open, Overlay, Page, Part,
    SaveState, start, timing,
};
use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::Role;

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    model.now = now;
    match msg {
        Msg::ToImport(result) => match (&mut model.page, result) {
            (Page::Workshop(open), Ok((file, other, note))) => {
                if other.workshop.id != open.session.workshop.id {
                    let error = crate::consolidate::MergeError::OtherWorkshop {
                        file,
                        workshop: other.workshop.id.clone(),
                        expected: open.session.workshop.id.clone(),
                    };
                    model.notice = Some(error_notice(error.describe(model.lang)));
                    return Vec::new();
                }
                let report = open.session.import(&other, &file, now);
                let imported = model
                    .lang
                    .imported_from(&file, &report.describe(&open.session, model.lang));
                let text = match note {
                    Some(note) => format!("{imported} · {note}"),
                    None => imported,
                };
                model.notice = Some(info(&text));
                if report.changed() {
                    save(open).into_iter().collect()
                } else {
                    Vec::new()
                }
            }
            (_, Err(reason)) => {
                model.notice = Some(error_notice(reason));
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
                if open.duplicates_due {
                    open.refresh_duplicates();
                }
                let mut effects = timing::on_tick(open, model.muted, now);
                effects.extend(keep_the_draft(
                    open,
                    model.lang,
                    &model.tz,
                    &mut model.notice,
                    now,
                ));
                effects.extend(retry_if_due(open, now));
                effects
            }
            Page::Start(_) => Vec::new(),
        },
        Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Msg::Key(key) => on_key(model, key, now),
        Msg::Paste(text) => on_paste(model, &text),
        Msg::Resize => Vec::new(),
        Msg::Opened(result) => on_opened(model, now, result),
        Msg::Saved { path, seq, result } => on_saved(model, path, seq, result, now),
        Msg::QuitBlocked(reason) => {
            if let Page::Workshop(open) = &mut model.page {
                open.save = SaveState::Failed(reason);
            }
            model.overlay = Some(Overlay::ConfirmQuit);
            Vec::new()
        }
        Msg::Terminate => {
            let mut effects = match &mut model.page {
                Page::Workshop(open) => {
                    let form = commit_form(open, model.lang, &mut model.notice, now, false);
                    if commit_editor(open, model.lang, &model.tz, &mut model.notice, now, false)
                        || form
                    {
                        save(open).into_iter().collect()
                    } else {
                        retry_failed_save(open).into_iter().collect()
                    }
                }
                Page::Start(_) => Vec::new(),
            };
            effects.push(Effect::Quit {
                even_if_unsaved: true,
            });
            effects
        }
    }
}

fn on_key(model: &mut Model, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
    // A message is read once; the next key makes room for the next one.
    model.notice = None;
    if let Some(overlay) = model.overlay.take() {
        return on_overlay_key(model, overlay, key, now);
    }
    // F1 is help everywhere, also while typing, where `?` is a character.
    if key.code == KeyCode::F(1) {
        model.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    let lang = model.lang;
    match &mut model.page {
        Page::Start(start) => {
            start::on_key(start, &mut model.overlay, &mut model.notice, lang, key)
        }
        Page::Workshop(open) => {
            if open.viewer.form.is_some() {
                on_form_key(open, &mut model.notice, lang, key, now)
            } else if open.viewer.editor.is_some() {
                on_editor_key(open, &mut model.notice, lang, &model.tz, key, now)
            } else if let Some(notice) = super::laptop::on_key(open, lang, &key) {
                model.notice = Some(notice);
                Vec::new()
            } else {
                on_workshop_key(
                    open,
                    &mut model.overlay,
                    &mut model.notice,
                    lang,
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
    if no {
        return Vec::new();
    }
    if !yes {
        // Any other key leaves the question on screen.
        model.overlay = Some(overlay);
        return Vec::new();
    }
    let lang = model.lang;
    if let Overlay::ConfirmTrash(path) = overlay {
        return vec![Effect::Trash(path)];
    }
    let Page::Workshop(open) = &mut model.page else {
        return Vec::new();
    };
    match overlay {
        Overlay::ConfirmDelete { group, id } if delete_input(open, group, id, now) => {
            model.notice = Some(info(lang.t().deleted));
            save(open).into_iter().collect()
        }
        Overlay::ConfirmReset(timer) => {
            if let Some(t) = open.session.timer_mut(timer) {
                t.reset(now);
            }
            open.phases.remove(&timer);
            save(open).into_iter().collect()
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
            let mut open = Open::new(opened.path, *opened.session, now);
            if let Some(view) = &opened.view {
                view.restore(&mut open.viewer, &open.session);
            }
            super::laptop::pin(&mut open);
            let note = opened.note;
            if let Some(holder) = opened.read_only {
                let read_only = model.lang.read_only(&holder);
                let text = match note {
                    Some(note) => format!("{read_only} · {note}"),
                    None => read_only,
                };
                model.notice = Some(error_notice(text));
                open.read_only = Some(holder);
            } else {
                model.notice = note.map(|note| info(&note));
            }
            model.page = Page::Workshop(Box::new(open));
        }
        Err(reason) => model.notice = Some(error_notice(reason)),
    }
    Vec::new()
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
        match result {
            Err(reason) => {
                open.save = SaveState::Failed(reason);
                open.retry_at = Some(now + super::RETRY_SAVE_AFTER);
            }
            // An older snapshot on disk is not yet what the screen shows.
            Ok(()) if seq == open.save_seq => {
                open.save = SaveState::Saved(Some(now));
                // Nothing is lost any more: the question has no reason to stay.
                if model.overlay == Some(Overlay::ConfirmQuit) {
                    model.overlay = None;
                }
            }
            Ok(()) => {}
        }
    }
    Vec::new()
}

// ---------------------------------------------------------------- the workshop

fn on_workshop_key(
    open: &mut Open,
    overlay: &mut Option<Overlay>,
    notice: &mut Option<Notice>,
    lang: Lang,
    tz: &TimeZone,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    if ctrl(&key, 's') && open.read_only.is_none() {
        return save(open).into_iter().collect();
    }
    if ctrl(&key, 'c') {
        return quit(open);
    }
    if let Some(holder) = &open.read_only
        && changes_the_session(open.viewer.mode, key.code)
    {
        *notice = Some(error_notice(lang.read_only(holder)));
        return Vec::new();
    }
    let groups = open.session.groups.len();
    let timer = open.viewer.current_timer(groups);
    // The room view and the schedule take the keys that run the day;
    // editing keys wait for the part's own screen.
    match (open.viewer.mode, key.code) {
        (Mode::Normal, _) => {}
        (_, KeyCode::Esc) => {
            open.viewer.mode = Mode::Normal;
            return Vec::new();
        }
        (Mode::Schedule, KeyCode::Char('a')) => {
            open.session.schedule.auto_start = !open.session.schedule.auto_start;
            return save(open).into_iter().collect();
        }
        (Mode::Schedule, KeyCode::Char('i')) => {
            let start = open.session.schedule.planned_start.unwrap_or(now);
            let text = start.to_zoned(tz.clone()).strftime("%H:%M").to_string();
            open.viewer.editor = Some(Editor::suggested(EditTarget::PlannedStart, &text));
            return Vec::new();
        }
        (Mode::Schedule, KeyCode::Char('b')) => {
            open.session.schedule.bell = !open.session.schedule.bell;
            return save(open).into_iter().collect();
        }
        (_, code) if !runs_the_day(code) => return Vec::new(),
        _ => {}
    }
    // Redo and moves change the session: the part's own screen, writers only.
    let may_edit = open.read_only.is_none() && open.viewer.mode == Mode::Normal;
    if ctrl(&key, 'r') && may_edit {
        return match undo_or_redo(open, true, now) {
            true => {
                *notice = Some(info(lang.t().redone));
                save(open).into_iter().collect()
            }
            false => {
                *notice = Some(info(lang.t().nothing_to_redo));
                Vec::new()
            }
        };
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) && may_edit {
        let step = match key.code {
            KeyCode::Up => Some((-1, false)),
            KeyCode::Down => Some((1, false)),
            KeyCode::Left => Some((-1, true)),
            KeyCode::Right => Some((1, true)),
            _ => None,
        };
        if let Some((delta, across)) = step {
            return move_selected(open, lang, notice, delta, across, now);
        }
    }
    let viewer = &mut open.viewer;
    match key.code {
        KeyCode::Tab => {
            let next = (viewer.part.index() + 1) % Part::ALL.len();
            return switch_part(open, next, now);
        }
        KeyCode::BackTab => {
            let previous = (viewer.part.index() + Part::ALL.len() - 1) % Part::ALL.len();
            return switch_part(open, previous, now);
        }
        KeyCode::Char(c @ '1'..='3') => return switch_part(open, c as usize - '1' as usize, now),
        KeyCode::Left | KeyCode::Char('h') => return step_page(open, -1, now),
        KeyCode::Right | KeyCode::Char('l') => return step_page(open, 1, now),
        KeyCode::Up | KeyCode::Char('k') => return step_selection(open, -1, now),
        KeyCode::Down | KeyCode::Char('j') => return step_selection(open, 1, now),
        KeyCode::Home => return step_selection(open, isize::MIN, now),
        KeyCode::End => return step_selection(open, isize::MAX, now),
        KeyCode::PageDown => scroll(open, 1),
        KeyCode::PageUp => scroll(open, -1),
        KeyCode::Char('x') => viewer.show_examples = !viewer.show_examples,
        KeyCode::Char('i') => viewer.editor = Some(Editor::new(EditTarget::ImportPath, "")),
        KeyCode::Char('g') => go_to_duplicate(open),
        KeyCode::Char('?') => *overlay = Some(Overlay::Help),
        KeyCode::Char('q') => return quit(open),
        KeyCode::Char('p') => viewer.mode = toggle_mode(viewer.mode, Mode::Room),
        KeyCode::Char('c') => viewer.mode = toggle_mode(viewer.mode, Mode::Schedule),
        KeyCode::Char(' ') => {
            timing::toggle(open, timer, now);
            return save(open).into_iter().collect();
        }
        KeyCode::Char('S') if viewer.part == Part::Groups => {
            timing::toggle_all_groups(open, now);
            return save(open).into_iter().collect();
        }
        KeyCode::Char(c @ ('+' | '-')) => {
            if let Some(t) = open.session.timer_mut(timer) {
                t.add_minutes(if c == '+' { 1 } else { -1 });
            }
            return save(open).into_iter().collect();
        }
        KeyCode::Char('r') if open.session.timer(timer).has_started() => {
            *overlay = Some(Overlay::ConfirmReset(timer));
        }
        // One key for the room's message: type one, or take the shown one down.
        KeyCode::Char('M') if open.session.room_message.is_empty() => {
            viewer.editor = Some(Editor::new(EditTarget::RoomMessage, ""));
        }
        KeyCode::Char('M') => {
            open.session.set_room_message("", now);
            *notice = Some(info(lang.t().room_message_cleared));
            return save(open).into_iter().collect();
        }
        KeyCode::Char('m') => {
            let minutes = open.session.timer(timer).planned_minutes().to_string();
            viewer.editor = Some(Editor::suggested(EditTarget::Minutes(timer), &minutes));
        }
        KeyCode::Char('a') => {
            if let Some(group) = viewer.focused_group(groups) {
                viewer.editor = Some(Editor::new(EditTarget::NewInput { group }, ""));
            }
        }
        KeyCode::Enter | KeyCode::Char('e') => {
            if let Some((group, input)) = selected_input(open) {
                open.viewer.form = Some(Form::new(group, &input));
            }
        }
        KeyCode::Char('d') | KeyCode::Delete => {
            if let Some((group, input)) = selected_input(open) {
                *overlay = Some(Overlay::ConfirmDelete {
                    group,
                    id: input.id,
                });
            }
        }
        KeyCode::Char('u') => match undo_or_redo(open, false, now) {
            true => {
                *notice = Some(info(lang.t().undone));
                return save(open).into_iter().collect();
            }
            false => *notice = Some(info(lang.t().nothing_to_undo)),
        },
        KeyCode::Char(c @ ('K' | 'J')) => {
            return move_selected(
                open,
                lang,
                notice,
                if c == 'K' { -1 } else { 1 },
                false,
                now,
            );
        }
        KeyCode::Char(c @ ('H' | 'L')) => {
            return move_selected(open, lang, notice, if c == 'H' { -1 } else { 1 }, true, now);
        }
        KeyCode::Char('P') => {
            if let Some(group) = viewer.focused_group(groups) {
                let lines: Vec<String> = open.session.groups[group]
                    .participants
                    .iter()
                    .map(|p| p.to_line())
                    .collect();
                let target = EditTarget::Participants { group };
                open.viewer.editor = Some(Editor::new(target, &lines.join("\n")));
            }
        }
        KeyCode::Char(c @ ('F' | 'R')) => {
            if let Some(group) = viewer.focused_group(groups) {
                let role = if c == 'F' {
                    Role::Facilitator
                } else {
                    Role::Rapporteur
                };
                let g = &open.session.groups[group];
                let current = match role {
                    Role::Facilitator => &g.facilitator,
                    Role::Rapporteur => &g.rapporteur,
                };
                let target = EditTarget::Role { group, role };
                open.viewer.editor = Some(Editor::suggested(target, current));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Keys refused while another instance holds the session.
fn changes_the_session(mode: Mode, code: KeyCode) -> bool {
    let settings = mode == Mode::Schedule && matches!(code, KeyCode::Char('a' | 'b' | 'i'));
    settings
        || matches!(
            code,
            KeyCode::Enter
                | KeyCode::Delete
                | KeyCode::Char(
                    'a' | 'e'
                        | 'i'
                        | 'd'
                        | 'u'
                        | 'F'
                        | 'R'
                        | 'P'
                        | 'm'
                        | 'M'
                        | ' '
                        | 'S'
                        | '+'
                        | '-'
                        | 'r'
                        | 'H'
                        | 'J'
                        | 'K'
                        | 'L'
                )
        )
}

/// Keys that still work in the room view and the schedule: moving through
/// the day and running its clocks, never editing.
fn runs_the_day(code: KeyCode) -> bool {
    matches!(
        code,
        KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Char(
                '1' | '2'
                    | '3'
                    | 'h'
                    | 'l'
                    | ' '
                    | '+'
                    | '-'
                    | 'r'
                    | 'S'
                    | 'p'
                    | 'c'
                    | 'M'
                    | '?'
                    | 'q'
            )
    )
}

fn toggle_mode(current: Mode, wanted: Mode) -> Mode {
    if current == wanted {
        Mode::Normal
    } else {
        wanted
    }
}

/// Every change is sent to the writer as it happens, so quitting only waits
/// for the writer, and writes again only what failed: a session just looked
/// at is not rewritten.
fn quit(open: &mut Open) -> Vec<Effect> {
    let mut effects: Vec<Effect> = retry_failed_save(open).into_iter().collect();
    effects.push(Effect::Quit {
        even_if_unsaved: false,
    });
    effects
}

fn retry_failed_save(open: &mut Open) -> Option<Effect> {
    if matches!(open.save, SaveState::Failed(_)) {
        save(open)
    } else {
        None
    }
}

fn switch_part(open: &mut Open, index: usize, now: Timestamp) -> Vec<Effect> {
    let part = Part::ALL[index.min(Part::ALL.len() - 1)];
    if part == open.viewer.part {
        return Vec::new();
    }
    let from = open.viewer.current_timer(open.session.groups.len());
    open.viewer.part = part;
    open.viewer.scroll = 0;
    if open.read_only.is_none() && timing::leave_part(open, from, now) {
        save(open).into_iter().collect()
    } else {
        Vec::new()
    }
}

/// `←`/`→`: agenda items in the opening, groups in the breakouts, report-back
/// pages (then the final step) in the closing plenary.
fn step_page(open: &mut Open, delta: isize, now: Timestamp) -> Vec<Effect> {
    let groups = open.session.groups.len();
    let viewer = &mut open.viewer;
    let from = viewer.current_timer(groups);
    let (current, count) = match viewer.part {
        Part::Opening => (
            &mut viewer.agenda_item,
            open.session.workshop.opening.items.len(),
        ),
        Part::Groups => (&mut viewer.group, groups),
        Part::Closing => (&mut viewer.report, groups + 1),
    };
    let next = step(*current, delta, count);
    if next == *current {
        return Vec::new();
    }
    *current = next;
    viewer.scroll = 0;
    follow_the_agenda(open, from, now)
}

/// `↑`/`↓`: agenda items in the opening, inputs where a group is shown.
fn step_selection(open: &mut Open, delta: isize, now: Timestamp) -> Vec<Effect> {
    let groups = open.session.groups.len();
    let viewer = &mut open.viewer;
    if viewer.part == Part::Opening {
        let count = open.session.workshop.opening.items.len();
        let next = step(viewer.agenda_item, delta, count);
        if next != viewer.agenda_item {
            let from = viewer.current_timer(groups);
            viewer.agenda_item = next;
            viewer.scroll = 0;
            return follow_the_agenda(open, from, now);
        }
        return Vec::new();
    }
    if let Some(group) = viewer.focused_group(groups) {
        let count = open.session.groups[group].inputs.len();
        if let Some(selected) = viewer.selected.get_mut(group) {
            *selected = step(*selected, delta, count);
        }
    }
    Vec::new()
}

/// In the plenaries, moving from a running item to the next starts it (when
/// the session says so). Breakout groups run in parallel: moving between
/// their pages changes no timer.
fn follow_the_agenda(open: &mut Open, from: TimerId, now: Timestamp) -> Vec<Effect> {
    let to = open.viewer.current_timer(open.session.groups.len());
    let writer = open.read_only.is_none();
    if !writer || matches!(from, TimerId::Breakout(_)) || !timing::move_on(open, from, to, now) {
        return Vec::new();
    }
    save(open).into_iter().collect()
}

fn step(current: usize, delta: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    current.saturating_add_signed(delta).min(count - 1)
}

/// Long texts scroll a paragraph at a time, so the bound is known here
/// without knowing the terminal's width.
fn scroll(open: &mut Open, delta: isize) {
    let paragraphs = match open.viewer.part {
        Part::Opening => open
            .session
            .workshop
            .opening
            .items
            .get(open.viewer.agenda_item)
            .map(|i| i.body.len()),
        // The task and the examples read as one text on narrow screens.
        Part::Groups => open.session.groups.get(open.viewer.group).map(|group| {
            let w = &open.session.workshop;
            w.breakout.instructions.len()
                + w.axis(&group.axis).map_or(0, |axis| axis.examples.len())
        }),
        Part::Closing if open.viewer.report == open.session.groups.len() => {
            Some(super::final_step_blocks(&open.session))
        }
        Part::Closing => None,
    };
    if let Some(count) = paragraphs {
        open.viewer.scroll = step(open.viewer.scroll, delta, count);
    }
}

fn selected_input(open: &Open) -> Option<(usize, crate::model::session::Input)> {
    let group = open.viewer.focused_group(open.session.groups.len())?;
    let index = open.viewer.selected_in(group);
    let input = open.session.groups[group].inputs.get(index)?;
    Some((group, input.clone()))
}

fn delete_input(open: &mut Open, group: usize, id: uuid::Uuid, now: Timestamp) -> bool {
    let Some((index, input)) = open.session.remove_input(group, id, now) else {
        return false;
    };
    open.history.record(Change::Delete {
        group,
        index,
        input: Box::new(input),
    });
    clamp_selection(open, group);
    true
}

/// `g`: to the possible duplicate of the selected input, wherever it is.
fn go_to_duplicate(open: &mut Open) {
    let Some((_, input)) = selected_input(open) else {
        return;
    };
    let Some(place) = open.duplicates.get(&input.id).copied() else {
        return;
    };
    let Some(index) = open
        .session
        .groups
        .get(place.group)
        .and_then(|g| g.inputs.iter().position(|i| i.id == place.id))
    else {
        return;
    };
    if open.viewer.part == Part::Closing {
        open.viewer.report = place.group;
    } else {
        open.viewer.part = Part::Groups;
        open.viewer.group = place.group;
    }
    if let Some(selected) = open.viewer.selected.get_mut(place.group) {
        *selected = index;
    }
}

/// An input's new text, remembered for undo.
fn edit_text(open: &mut Open, group: usize, id: uuid::Uuid, text: String, now: Timestamp) -> bool {
    let before = open.session.input(group, id).cloned();
    let changed = open.session.edit_input(group, id, text, now);
    record_edit(open, group, before, changed);
    changed
}

/// Records an edit as the input was before and as it is now in the session.
fn record_edit(
    open: &mut Open,
    group: usize,
    before: Option<crate::model::session::Input>,
    changed: bool,
) {
    let Some(before) = before.filter(|_| changed) else {
        return;
    };
    let after = open.session.input(group, before.id).cloned();
    if let Some(after) = after {
        open.history.record(Change::Edit {
            group,
            before: Box::new(before),
            after: Box::new(after),
        });
    }
}

/// `u` and `Ctrl+R`: the change undone or redone is shown where it lands.
fn undo_or_redo(open: &mut Open, redo: bool, now: Timestamp) -> bool {
    let place = if redo {
        open.history.redo(&mut open.session, now)
    } else {
        open.history.undo(&mut open.session, now)
    };
    let Some((group, index)) = place else {
        return false;
    };
    if let Some(selected) = open.viewer.selected.get_mut(group) {
        *selected = index.min(open.session.groups[group].inputs.len().saturating_sub(1));
    }
    for g in 0..open.session.groups.len() {
        clamp_selection(open, g);
    }
    if open.viewer.part == Part::Opening {
        open.viewer.part = Part::Groups;
    }
    if open.viewer.part == Part::Groups {
        open.viewer.group = group;
    } else {
        open.viewer.report = group;
    }
    true
}

/// Shift+arrows: the selected input one place up or down its list, or to
/// the previous or next group (an input raised in the wrong group), the
/// selection following it.
fn move_selected(
    open: &mut Open,
    lang: Lang,
    notice: &mut Option<Notice>,
    delta: isize,
    across: bool,
    now: Timestamp,
) -> Vec<Effect> {
    let Some((group, input)) = selected_input(open) else {
        return Vec::new();
    };
    let groups = open.session.groups.len();
    let index = open.viewer.selected_in(group);
    let to = if across {
        let target = group.saturating_add_signed(delta);
        if target >= groups || target == group {
            return Vec::new();
        }
        (target, open.session.groups[target].inputs.len())
    } else {
        let count = open.session.groups[group].inputs.len();
        let target = index.saturating_add_signed(delta);
        if target >= count || target == index {
            return Vec::new();
        }
        (group, target)
    };
    if open
        .session
        .move_input(group, input.id, to.0, to.1, now)
        .is_none()
    {
        return Vec::new();
    }
    open.history.record(Change::Move {
        id: input.id,
        from: (group, index),
        to,
    });
    if across {
        clamp_selection(open, group);
        *notice = Some(info(&lang.moved_to(open.session.group_title(to.0))));
    } else if let Some(selected) = open.viewer.selected.get_mut(group) {
        *selected = to.1;
    }
    save(open).into_iter().collect()
}

fn clamp_selection(open: &mut Open, group: usize) {
    let count = open.session.groups.get(group).map_or(0, |g| g.inputs.len());
    if let Some(selected) = open.viewer.selected.get_mut(group) {
        *selected = (*selected).min(count.saturating_sub(1));
    }
}

// ---------------------------------------------------------------- the editor

fn on_editor_key(
    open: &mut Open,
    notice: &mut Option<Notice>,
    lang: Lang,
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
        let target = editor.target;
        let original = editor.original.take();
        open.viewer.editor = None;
        open.draft_since = None;
        // A name the draft save already kept is put back as it was.
        if let (EditTarget::Role { group, role }, Some(name)) = (target, original)
            && open.session.set_role(group, role, name, now)
        {
            return save(open).into_iter().collect();
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
        let changed = commit_editor(open, lang, tz, notice, now, false);
        return if changed {
            save(open).into_iter().collect()
        } else {
            Vec::new()
        };
    }
    if ctrl(&key, 's') {
        commit_editor(open, lang, tz, notice, now, true);
        return save(open).into_iter().collect();
    }
    // Tab from the text of an input goes on to its other fields.
    let is_input = matches!(
        editor.target,
        EditTarget::NewInput { .. } | EditTarget::Input { .. }
    );
    if key.code == KeyCode::Tab && is_input {
        let changed = commit_editor(open, lang, tz, notice, now, true);
        // Nothing typed yet: the editor stays open for the text (the notice says why).
        if let Some(EditTarget::Input { group, id }) = open.viewer.editor.as_ref().map(|e| e.target)
        {
            open.viewer.editor = None;
            if let Some(input) = open.session.input(group, id) {
                let mut form = Form::new(group, input);
                form.on_key(key, &open.session.invited_countries);
                open.viewer.form = Some(form);
            }
        }
        return if changed {
            save(open).into_iter().collect()
        } else {
            Vec::new()
        };
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
    lang: Lang,
    tz: &TimeZone,
    notice: &mut Option<Notice>,
    now: Timestamp,
    keep_open: bool,
) -> bool {
    let Some(editor) = open.viewer.editor.take() else {
        return false;
    };
    open.draft_since = None;
    let text = editor.text();
    let mut target = editor.target;
    let changed = match editor.target {
        EditTarget::NewInput { group } => {
            if text.is_empty() {
                *notice = Some(info(lang.t().empty_not_added));
                false
            } else if let Some(id) = open.session.add_input(group, text, now) {
                target = EditTarget::Input { group, id };
                let last = open.session.groups[group].inputs.len() - 1;
                if let Some(selected) = open.viewer.selected.get_mut(group) {
                    *selected = last;
                }
                true
            } else {
                false
            }
        }
        EditTarget::Input { group, id } => {
            if text.is_empty() {
                // An input emptied by hand is a delete, and can be undone like one.
                let deleted = delete_input(open, group, id, now);
                if deleted {
                    *notice = Some(info(lang.t().emptied_deleted));
                    target = EditTarget::NewInput { group };
                }
                deleted
            } else {
                edit_text(open, group, id, text, now)
            }
        }
        EditTarget::Role { group, role } => open.session.set_role(group, role, text, now),
        EditTarget::Participants { group } => open.session.set_participants(
            group,
            crate::model::session::Participant::parse_lines(&text),
            now,
        ),
        EditTarget::Minutes(timer) => match parse_minutes(&text) {
            Some(minutes) => {
                open.session.set_planned_minutes(timer, minutes);
                true
            }
            None => {
                // Stay in the field so the number can be fixed.
                *notice = Some(error_notice(lang.minutes_refused(&text, MAX_MINUTES)));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::PlannedStart => match parse_time_of_day(&text, now, tz) {
            Some(start) => {
                open.session.schedule.planned_start = Some(start);
                true
            }
            None => {
                *notice = Some(error_notice(lang.time_refused(&text)));
                open.viewer.editor = Some(editor);
                return false;
            }
        },
        EditTarget::RoomMessage => open.session.set_room_message(&text, now),
        EditTarget::ImportPath | EditTarget::SessionName | EditTarget::FormLine => false,
    };
    if keep_open {
        open.viewer.editor = Some(Editor { target, ..editor });
    }
    changed
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

/// The longest timebox `m` accepts: a whole day.
const MAX_MINUTES: u32 = 24 * 60;

fn parse_minutes(text: &str) -> Option<u32> {
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
    lang: Lang,
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
        return if commit_form(open, lang, notice, now, keep_open) {
            save(open).into_iter().collect()
        } else {
            Vec::new()
        };
    }
    let invited = open.session.invited_countries.clone();
    if let Some(form) = &mut open.viewer.form
        && form.on_key(key, &invited)
    {
        open.draft_since.get_or_insert(now);
    }
    Vec::new()
}

/// Puts the form's copy of the input in the session; the text may not be
/// left empty (the input keeps its text and says so). Returns whether the
/// session changed.
fn commit_form(
    open: &mut Open,
    lang: Lang,
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
        if let Some(input) = open.session.input(form.group, form.id) {
            form.draft.text = input.text.clone();
        }
        *notice = Some(info(lang.t().text_kept));
    }
    for country in form.added.drain(..) {
        if !open.session.invited_countries.contains(&country) {
            open.session.invited_countries.push(country);
        }
    }
    let before = open.session.input(form.group, form.id).cloned();
    let changed = open.session.replace_input(form.group, &form.draft, now);
    record_edit(open, form.group, before, changed);
    if keep_open {
        open.viewer.form = Some(form);
    }
    changed
}

/// Puts what is being typed into the session and saves it, the editor
/// staying open. Text only: an emptied input is not deleted behind the
/// typist's back, and a half-typed number of minutes is not judged yet.
fn keep_the_draft(
    open: &mut Open,
    lang: Lang,
    tz: &TimeZone,
    notice: &mut Option<Notice>,
    now: Timestamp,
) -> Option<Effect> {
    let since = open.draft_since?;
    if now < since + super::DRAFT_SAVE_AFTER {
        return None;
    }
    // Due: whatever happens now, this draft has had its turn, so the loop
    // does not wake for it again (a draft left unsaved would spin it).
    open.draft_since = None;
    if open.viewer.form.is_some() {
        return if commit_form(open, lang, notice, now, true) {
            save(open)
        } else {
            None
        };
    }
    let editor = open.viewer.editor.as_ref()?;
    // Whatever a person types as prose or names, the roster included, is
    // words that would be lost; minutes and times are judged only when done.
    let text_target = matches!(
        editor.target,
        EditTarget::NewInput { .. }
            | EditTarget::Input { .. }
            | EditTarget::Role { .. }
            | EditTarget::Participants { .. }
    );
    if !text_target || editor.text().is_empty() || open.read_only.is_some() {
        return None;
    }
    if commit_editor(open, lang, tz, notice, now, true) {
        save(open)
    } else {
        None
    }
}

fn retry_if_due(open: &mut Open, now: Timestamp) -> Option<Effect> {
    let due = open.retry_at.is_some_and(|at| now >= at);
    if !due {
        return None;
    }
    open.retry_at = None;
    retry_failed_save(open)
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
                    model.notice = Some(info(model.lang.t().paste_needs_group));
                    Vec::new()
                };
            }
            let groups = open.session.groups.len();
            if open.viewer.editor.is_none()
                && open.viewer.mode == Mode::Normal
                && let Some(group) = open.viewer.focused_group(groups)
            {
                open.viewer.editor = Some(Editor::new(EditTarget::NewInput { group }, ""));
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
        model.notice = Some(info(model.lang.t().paste_needs_group));
    }
    Vec::new()
}

/// Sends a snapshot to the writer, numbered. Nothing when another instance
/// holds the session: a read-only viewer never writes, not even on a
/// clock's phase change.
pub(super) fn save(open: &mut Open) -> Option<Effect> {
    if open.read_only.is_some() {
        return None;
    }
    // Every change to the session passes here: the derived flags follow it.
    open.note_inputs_changed();
    open.save = SaveState::Pending;
    open.save_seq += 1;
    Some(Effect::Save {
        path: open.path.clone(),
        seq: open.save_seq,
        session: Box::new(open.session.clone()),
    })
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

#[cfg(test)]
mod tests;
