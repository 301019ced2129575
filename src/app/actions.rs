//! What each action of the workshop screen's keymap does. The key is
//! looked up in the table (`keymap`), checked against what this screen's
//! person may change, then run here. The host still decides every change:
//! a change it refuses says why and the screen stays as it was.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use std::sync::Arc;

use jiff::tz::TimeZone;

use super::keymap::{self, Action, KeyContext};
use super::notice::{error_formatted, info, info_formatted, refusal};
use super::{EditTarget, Editor, Effect, Form, Mode, Notice, Open, Overlay, Part};
use crate::model::schedule::TimerId;
use crate::model::session::RosterRole;
use crate::session::{ClockAction, Command, Outcome, Refused, Role, Setting, Why};

/// A key on the workshop screen (no editor, form or overlay open).
pub(super) fn on_workshop_key(
    open: &mut Open,
    overlay: &mut Option<Overlay>,
    notice: &mut Option<Notice>,
    tz: &TimeZone,
    key: KeyEvent,
    now: Timestamp,
) -> Vec<Effect> {
    let screen = KeyContext::of(open);
    let Some(binding) = keymap::lookup(&screen, &key) else {
        return Vec::new();
    };
    // A key that would change what this screen may not says why.
    if binding.action.sends().is_some() && !screen.may(binding.action) {
        *notice = Some(match &open.read_only {
            Some(holder) => {
                let holder = holder.clone();
                error_formatted(move |lang| lang.read_only(&holder))
            }
            None => {
                let why = screen.why_not(binding.action).unwrap_or(Why::ScreenOnly);
                refusal(&Refused::NotAllowed(why))
            }
        });
        return Vec::new();
    }
    let mut run = ActionContext { open, notice, now };
    run.action(binding.action, overlay, tz, key.code)
}

/// One action being run on one screen.
struct ActionContext<'a> {
    open: &'a mut Open,
    notice: &'a mut Option<Notice>,
    now: Timestamp,
}

impl ActionContext<'_> {
    /// Sends a change; a refusal is shown and `None` returned.
    fn send(&mut self, command: Command) -> Option<crate::session::Applied> {
        match self.open.submit(command, self.now) {
            Ok(applied) => Some(applied),
            Err(refused) => {
                *self.notice = Some(refusal(&refused));
                None
            }
        }
    }

    fn action(
        &mut self,
        action: Action,
        overlay: &mut Option<Overlay>,
        tz: &TimeZone,
        code: KeyCode,
    ) -> Vec<Effect> {
        let now = self.now;
        let timer = self.open.viewer.current_timer();
        let clock = |action| Command::Clock {
            timer: timer.clone(),
            action,
        };
        // The direction of a key that has one: back for ← ↑ - K H Shift+Tab.
        let back = matches!(
            code,
            KeyCode::Left
                | KeyCode::Up
                | KeyCode::BackTab
                | KeyCode::Char('h' | 'k' | 'K' | 'H' | '-')
        );
        let delta = if back { -1 } else { 1 };
        match action {
            Action::Parts => {
                let count = Part::ALL.len();
                let current = self.open.viewer.part.index();
                let next = match code {
                    KeyCode::Char(c @ '1'..='3') => c as usize - '1' as usize,
                    KeyCode::BackTab => (current + count - 1) % count,
                    _ => (current + 1) % count,
                };
                switch_part(self.open, next);
            }
            Action::Page => step_page(self.open, delta),
            Action::Select => {
                let delta = match code {
                    KeyCode::Home => isize::MIN,
                    KeyCode::End => isize::MAX,
                    _ => delta,
                };
                step_selection(self.open, delta);
            }
            Action::Scroll => scroll(self.open, if code == KeyCode::PageUp { -1 } else { 1 }),
            Action::Examples => {
                self.open.viewer.show_examples = !self.open.viewer.show_examples;
            }
            Action::Import => {
                self.open.viewer.editor = Some(Editor::new(EditTarget::ImportPath, ""));
            }
            Action::Duplicate => go_to_duplicate(self.open),
            Action::Help => *overlay = Some(Overlay::Help),
            Action::Poll => return super::poll::on_v(self.open, overlay),
            Action::Quit => return quit(self.open),
            Action::Save => {
                self.open.host().save_now();
                self.open.refresh();
            }
            // A popup: the folder is read whole, whatever the screen's width.
            Action::WhereFile => *overlay = Some(Overlay::WhereFile),
            Action::Room => {
                self.open.viewer.mode = toggle_mode(self.open.viewer.mode, Mode::Room);
            }
            Action::Schedule => {
                self.open.viewer.mode = toggle_mode(self.open.viewer.mode, Mode::Schedule);
            }
            Action::Back => self.open.viewer.mode = Mode::Normal,
            Action::PlannedStart => {
                let start = self.open.session.schedule.planned_start.unwrap_or(now);
                let text = start.to_zoned(tz.clone()).strftime("%H:%M").to_string();
                self.open.viewer.editor = Some(Editor::suggested(EditTarget::PlannedStart, &text));
            }
            Action::Bell => {
                let bell = !self.open.session.schedule.bell;
                self.send(Command::Schedule(Setting::Bell(bell)));
            }
            Action::Timer => {
                let action = if self.open.session.is_running(&timer) {
                    ClockAction::Pause
                } else {
                    ClockAction::Start
                };
                self.send(clock(action));
            }
            // Moving on is its own key: looking at the next item starts nothing.
            Action::Next => {
                if let Some(applied) = self.send(clock(ClockAction::Next)) {
                    match applied.outcome {
                        Outcome::NowRunning(Some(running)) => {
                            let session = Arc::clone(&self.open.session);
                            self.open.viewer.show(&running, &session);
                            *self.notice = Some(info(|t| t.moved_on));
                        }
                        _ => *self.notice = Some(info(|t| t.day_over)),
                    }
                }
            }
            Action::AllGroups => {
                let session = &self.open.session;
                let all_running = session.breakout_clocks().all(|id| session.is_running(&id));
                let action = if all_running {
                    ClockAction::PauseAllGroups
                } else {
                    ClockAction::StartAllGroups
                };
                self.send(clock(action));
            }
            Action::Extend => {
                self.send(clock(ClockAction::Extend(delta as i32)));
            }
            Action::Reset => {
                if self.open.session.timer(&timer).has_started() {
                    *overlay = Some(Overlay::ConfirmReset(timer.clone()));
                }
            }
            // One key for the room's message: type one, or take the shown one down.
            Action::RoomMessage => {
                if self.open.session.room_message.is_empty() {
                    self.open.viewer.editor = Some(Editor::new(EditTarget::RoomMessage, ""));
                } else if self.send(Command::RoomMessage(String::new())).is_some() {
                    *self.notice = Some(info(|t| t.room_message_cleared));
                }
            }
            Action::Minutes => {
                let minutes = self
                    .open
                    .session
                    .timer(&timer)
                    .planned_minutes()
                    .to_string();
                // An agenda item's minutes are the agenda's: one change, with its undo.
                let target = match &timer {
                    TimerId::Opening(item) => EditTarget::ItemMinutes { item: item.clone() },
                    _ => EditTarget::Minutes(timer.clone()),
                };
                self.open.viewer.editor = Some(Editor::suggested(target, &minutes));
            }
            Action::AddItem
            | Action::AddBreak
            | Action::RenameItem
            | Action::MoveItem
            | Action::RemoveItem
            | Action::AddGroup
            | Action::RenameGroup
            | Action::RemoveGroup => {
                super::agenda::on_action(self.open, overlay, self.notice, action, back, now)
            }
            Action::Add => {
                if let Some(group) = self.open.viewer.focused_group(&self.open.session) {
                    let axis = self.open.session.groups[group].axis.clone();
                    // Words kept from an editor whose group went away come back here.
                    let kept = self.open.viewer.kept.take();
                    if kept.is_some() {
                        *self.notice = Some(info_formatted(|lang| lang.draft_back().to_string()));
                    }
                    let text = kept.as_deref().unwrap_or("");
                    self.open.viewer.editor =
                        Some(Editor::new(EditTarget::NewInput { axis }, text));
                }
            }
            Action::Edit => {
                if let Some((group, input)) = selected_input(self.open) {
                    let members = &self.open.session.workshop.countries.members;
                    let axis = &self.open.session.groups[group].axis;
                    let form = Form::new(axis, &input, members);
                    self.open.viewer.form = Some(match self.open.role {
                        Role::Facilitator => form,
                        _ => form.without_plenary(),
                    });
                }
            }
            Action::Delete => {
                if let Some((_, input)) = selected_input(self.open) {
                    *overlay = Some(Overlay::ConfirmDelete { id: input.id });
                }
            }
            Action::Undo => undo_or_redo(self.open, self.notice, false, now),
            Action::Redo => undo_or_redo(self.open, self.notice, true, now),
            Action::Reorder => move_selected(self.open, self.notice, delta, false, now),
            Action::MoveGroup => move_selected(self.open, self.notice, delta, true, now),
            Action::Participants => {
                if let Some(group) = self.open.viewer.focused_group(&self.open.session) {
                    let g = &self.open.session.groups[group];
                    let lines: Vec<String> = g.participants.iter().map(|p| p.to_line()).collect();
                    let target = EditTarget::Participants {
                        axis: g.axis.clone(),
                    };
                    let mut editor = Editor::new(target, &lines.join("\n"));
                    // Kept, it merges with what others changed meanwhile.
                    editor.base = Some(lines.join("\n"));
                    self.open.viewer.editor = Some(editor);
                }
            }
            Action::Facilitator | Action::Rapporteur => {
                if let Some(group) = self.open.viewer.focused_group(&self.open.session) {
                    let role = if action == Action::Facilitator {
                        RosterRole::Facilitator
                    } else {
                        RosterRole::Rapporteur
                    };
                    let g = &self.open.session.groups[group];
                    let current = match role {
                        RosterRole::Facilitator => &g.facilitator,
                        RosterRole::Rapporteur => &g.rapporteur,
                    };
                    let target = EditTarget::Role {
                        axis: g.axis.clone(),
                        role,
                    };
                    let mut editor = Editor::suggested(target, current);
                    // Kept, it merges with what others changed meanwhile.
                    editor.base = Some(current.clone());
                    self.open.viewer.editor = Some(editor);
                }
            }
        }
        Vec::new()
    }
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
    // A failed save is tried once more before the question is asked.
    open.host().retry_failed_save();
    open.refresh();
    vec![Effect::Quit {
        even_if_unsaved: false,
    }]
}

/// Looking around changes nothing but this screen: no clock starts, pauses
/// or moves on because a person went to read another page.
fn switch_part(open: &mut Open, index: usize) {
    let part = Part::ALL[index.min(Part::ALL.len() - 1)];
    if part != open.viewer.part {
        open.viewer.part = part;
        open.viewer.scroll = 0;
    }
}

/// `←`/`→`: agenda items in the opening, groups in the breakouts, report-back
/// pages (then the final step) in the closing plenary.
fn step_page(open: &mut Open, delta: isize) {
    let session = &open.session;
    let groups = session.groups.len();
    let viewer = &mut open.viewer;
    let (current, count) = match viewer.part {
        Part::Opening => (
            viewer.agenda_item(session),
            session.workshop.opening.items.len(),
        ),
        Part::Groups => (viewer.group(session), groups),
        Part::Closing => (viewer.report(session), groups + 1),
    };
    let next = step(current, delta, count);
    if next == current {
        return;
    }
    match viewer.part {
        Part::Opening => viewer.set_agenda_item(session, next),
        Part::Groups => viewer.set_group(session, next),
        Part::Closing => viewer.set_report(session, next),
    }
    viewer.scroll = 0;
}

/// `↑`/`↓`: agenda items in the opening, inputs where a group is shown.
fn step_selection(open: &mut Open, delta: isize) {
    let session = &open.session;
    let viewer = &mut open.viewer;
    if viewer.part == Part::Opening {
        let count = session.workshop.opening.items.len();
        let current = viewer.agenda_item(session);
        let next = step(current, delta, count);
        if next != current {
            viewer.set_agenda_item(session, next);
            viewer.scroll = 0;
        }
        return;
    }
    if let Some(group) = viewer.focused_group(session) {
        let count = session.groups[group].inputs.len();
        let next = step(viewer.selected_in(group, session), delta, count);
        viewer.select(group, next, session);
    }
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
            .get(open.viewer.agenda_item(&open.session))
            .map(|i| i.body.len()),
        // The task and the examples read as one text on narrow screens.
        Part::Groups => (open.session.groups)
            .get(open.viewer.group(&open.session))
            .map(|group| {
                let w = &open.session.workshop;
                w.breakout.instructions.len()
                    + w.axis(&group.axis).map_or(0, |axis| axis.examples.len())
            }),
        Part::Closing if open.viewer.report_axis().is_none() => {
            Some(super::final_step_blocks(&open.session))
        }
        Part::Closing => None,
    };
    if let Some(count) = paragraphs {
        open.viewer.scroll = step(open.viewer.scroll, delta, count);
    }
}

fn selected_input(open: &Open) -> Option<(usize, crate::model::session::Input)> {
    let group = open.viewer.focused_group(&open.session)?;
    let index = open.viewer.selected_in(group, &open.session);
    let input = open.session.groups[group].inputs.get(index)?;
    Some((group, crate::model::session::Input::clone(input)))
}

/// `g`: to the possible duplicate of the selected input, wherever it is.
fn go_to_duplicate(open: &mut Open) {
    let Some((_, input)) = selected_input(open) else {
        return;
    };
    let Some(place) = open.duplicates.get(&input.id).copied() else {
        return;
    };
    let session = std::sync::Arc::clone(&open.session);
    let Some(group) = open.viewer.select_id(place.id, &session) else {
        return;
    };
    if open.viewer.part == Part::Closing {
        open.viewer.set_report(&session, group);
    } else {
        open.viewer.part = Part::Groups;
        open.viewer.set_group(&session, group);
    }
}

/// `u` and `Ctrl+R`: this person's own last change, shown where it lands.
fn undo_or_redo(open: &mut Open, notice: &mut Option<Notice>, redo: bool, now: Timestamp) {
    let result = {
        let (person, role) = (open.person, open.role.clone());
        let mut host = open.host();
        if redo {
            host.redo(person, &role, now)
        } else {
            host.undo(person, &role, now)
        }
    };
    open.refresh();
    let applied = match result {
        Ok(applied) => applied,
        Err(refused) => {
            *notice = Some(refusal(&refused));
            return;
        }
    };
    *notice = Some(if redo {
        info(|t| t.redone)
    } else {
        info(|t| t.undone)
    });
    let Outcome::At { id, .. } = applied.outcome else {
        return;
    };
    let session = std::sync::Arc::clone(&open.session);
    let Some(group) = open.viewer.select_id(id, &session) else {
        return;
    };
    if open.viewer.part == Part::Opening {
        open.viewer.part = Part::Groups;
    }
    if open.viewer.part == Part::Groups {
        open.viewer.set_group(&session, group);
    } else {
        open.viewer.set_report(&session, group);
    }
}

/// Shift+arrows: the selected input one place up or down its list, or to
/// the previous or next group (an input raised in the wrong group), the
/// selection following it, so a second press moves the same input again.
fn move_selected(
    open: &mut Open,
    notice: &mut Option<Notice>,
    delta: isize,
    across: bool,
    now: Timestamp,
) {
    let Some((group, input)) = selected_input(open) else {
        return;
    };
    let groups = open.session.groups.len();
    let index = open.viewer.selected_in(group, &open.session);
    let (to_group, to_index) = if across {
        let target = group.saturating_add_signed(delta);
        if target >= groups || target == group {
            return;
        }
        (target, open.session.groups[target].inputs.len())
    } else {
        let count = open.session.groups[group].inputs.len();
        let target = index.saturating_add_signed(delta);
        if target >= count || target == index {
            return;
        }
        (group, target)
    };
    let command = Command::MoveInput {
        id: input.id,
        axis: open.session.groups[to_group].axis.clone(),
        index: to_index,
    };
    if let Err(refused) = open.submit(command, now) {
        *notice = Some(refusal(&refused));
        return;
    }
    let session = std::sync::Arc::clone(&open.session);
    if across {
        // This group's selection goes to the neighbour; the moved input is
        // selected in its new group, where the screen goes with it.
        open.viewer.select(group, index, &session);
        open.viewer.select_id(input.id, &session);
        match open.viewer.part {
            Part::Closing => open.viewer.set_report(&session, to_group),
            _ => open.viewer.set_group(&session, to_group),
        }
        let title = open.session.group_title(to_group).to_string();
        *notice = Some(info_formatted(move |lang| lang.moved_to(&title)));
    } else {
        open.viewer.select_id(input.id, &session);
    }
}
