//! The one function that changes a session: it checks who may, makes the
//! change, and says how to undo it.

use jiff::Timestamp;

use super::clocks;
use super::command::{ClockAction, Command, Setting, group_at};
use super::outcome::{Applied, Outcome, Overlap, Refused};
use super::role::Role;
use crate::model::patch::TextField;
use crate::model::schedule::TimerId;
use crate::model::session::{Participant, RosterRole, Session};

fn done(changed: bool, undo: Option<Command>) -> Result<Applied, Refused> {
    Ok(Applied {
        changed,
        undo: undo.filter(|_| changed),
        outcome: Outcome::Done,
    })
}

/// Applies `command` as `role` at `now`. Nothing else changes a session.
pub fn apply(
    session: &mut Session,
    command: &Command,
    role: &Role,
    now: Timestamp,
) -> Result<Applied, Refused> {
    if let Some(why) = role.why_not(command, session) {
        return Err(Refused::NotAllowed(why));
    }
    match command {
        Command::AddInput { axis, id, text } => {
            if text.trim().is_empty() {
                return Err(Refused::EmptyText);
            }
            let group = group_at(session, axis).ok_or(Refused::NoSuchGroup)?;
            session.add_input_with_id(group, *id, text.clone(), now);
            Ok(Applied {
                changed: true,
                // Undo covers edits, deletes and moves: a `u` must never
                // delete what a person has just typed.
                undo: None,
                outcome: Outcome::At {
                    axis: axis.clone(),
                    id: *id,
                    merges: Vec::new(),
                },
            })
        }
        Command::PatchInput { id, patch } => {
            if patch.text.as_ref().is_some_and(|t| t.trim().is_empty()) {
                return Err(Refused::EmptyText);
            }
            let group = session.group_of_input(*id).ok_or(Refused::NoSuchInput)?;
            let (landed, merges, mut inverse) = {
                let input = session.input(group, *id).ok_or(Refused::NoSuchInput)?;
                let (landed, merges) = patch.merged_onto(input, &session.workshop.language);
                let inverse = landed.inverse(input);
                (landed, merges, inverse)
            };
            // A text typed over a base is undone the same way: from the text
            // as this edit left it, merged with whatever came since, so undo
            // takes back this edit's words and no one else's.
            if patch.merges(TextField::Text) {
                inverse.bases.text = landed.text.clone();
            }
            if patch.merges(TextField::Observations) {
                inverse.bases.observations = landed.observations.clone();
            }
            let changed = session.patch_input(group, *id, &landed, now);
            Ok(Applied {
                changed,
                undo: changed.then_some(Command::PatchInput {
                    id: *id,
                    patch: inverse,
                }),
                outcome: Outcome::At {
                    axis: session.groups[group].axis.clone(),
                    id: *id,
                    merges,
                },
            })
        }
        Command::DeleteInput { id } => {
            let group = session.group_of_input(*id).ok_or(Refused::NoSuchInput)?;
            let axis = session.groups[group].axis.clone();
            let (index, input) = session
                .remove_input(group, *id, now)
                .ok_or(Refused::NoSuchInput)?;
            Ok(Applied {
                changed: true,
                undo: Some(Command::RestoreInput {
                    axis,
                    index,
                    input: Box::new(input),
                }),
                outcome: Outcome::Deleted { id: *id },
            })
        }
        Command::RestoreInput { axis, index, input } => {
            if session.group_of_input(input.id).is_some() {
                // Already back (twice the same undo): nothing to do.
                return done(false, None);
            }
            let group = group_at(session, axis).ok_or(Refused::NoSuchGroup)?;
            if !session.restore_input(group, *index, (**input).clone(), now) {
                return Err(Refused::NoSuchGroup);
            }
            Ok(Applied {
                changed: true,
                undo: Some(Command::DeleteInput { id: input.id }),
                outcome: Outcome::At {
                    axis: axis.clone(),
                    id: input.id,
                    merges: Vec::new(),
                },
            })
        }
        Command::MoveInput { id, axis, index } => {
            let from = session.group_of_input(*id).ok_or(Refused::NoSuchInput)?;
            let group = &group_at(session, axis).ok_or(Refused::NoSuchGroup)?;
            let at = session.groups[from]
                .inputs
                .iter()
                .position(|i| i.id == *id)
                .ok_or(Refused::NoSuchInput)?;
            if from == *group && at == *index {
                return done(false, None);
            }
            session
                .move_input(from, *id, *group, *index, now)
                .ok_or(Refused::NoSuchInput)?;
            Ok(Applied {
                changed: true,
                undo: Some(Command::MoveInput {
                    id: *id,
                    axis: session.groups[from].axis.clone(),
                    index: at,
                }),
                outcome: Outcome::At {
                    axis: axis.clone(),
                    id: *id,
                    merges: Vec::new(),
                },
            })
        }
        Command::SetRoster {
            axis,
            role,
            name,
            base,
        } => {
            let group = &group_at(session, axis).ok_or(Refused::NoSuchGroup)?;
            let g = &session.groups[*group];
            let before = match role {
                RosterRole::Facilitator => g.facilitator.clone(),
                RosterRole::Rapporteur => g.rapporteur.clone(),
            };
            let (landed, merged) = match base {
                Some(base) if *base != before && *name != before => {
                    let merged = crate::model::word_merge::merge(base, name, &before);
                    let text = merged.text(&session.workshop.language);
                    (text, Some(merged.overlapped()))
                }
                _ => (name.clone(), None),
            };
            let changed = session.set_role(*group, *role, landed.clone(), now);
            let undo = Command::SetRoster {
                axis: axis.clone(),
                role: *role,
                name: before,
                // Undone by merging too: only this edit's words go.
                base: base.as_ref().map(|_| landed),
            };
            Ok(Applied {
                changed,
                undo: changed.then_some(undo),
                outcome: merged_outcome(
                    Overlap::Roster {
                        axis: axis.clone(),
                        role: *role,
                    },
                    merged,
                ),
            })
        }
        Command::SetParticipants {
            axis,
            participants,
            base,
        } => {
            let group = &group_at(session, axis).ok_or(Refused::NoSuchGroup)?;
            let before: Vec<Participant> = session.groups[*group].participants.clone();
            let (landed, merged) = match base {
                Some(base) if *base != before && *participants != before => {
                    let (landed, overlapped) = Participant::merged(
                        base,
                        participants,
                        &before,
                        &session.workshop.language,
                    );
                    (landed, Some(overlapped))
                }
                _ => (participants.clone(), None),
            };
            let changed = session.set_participants(*group, landed.clone(), now);
            let undo = Command::SetParticipants {
                axis: axis.clone(),
                participants: before,
                // Undone by merging too: only this edit's lines go.
                base: base.as_ref().map(|_| landed),
            };
            Ok(Applied {
                changed,
                undo: changed.then_some(undo),
                outcome: merged_outcome(Overlap::Participants { axis: axis.clone() }, merged),
            })
        }
        Command::InviteCountry(country) => {
            let country = country.trim();
            let known = session.invited_countries.iter().any(|c| c == country);
            if !country.is_empty() && !known {
                session.invited_countries.push(country.to_string());
            }
            done(!country.is_empty() && !known, None)
        }
        Command::Clock { timer, action } => clock(session, timer, *action, now),
        Command::Agenda(edit) => super::agenda::apply(session, edit, now),
        Command::Schedule(setting) => {
            let schedule = &mut session.schedule;
            let changed = match *setting {
                Setting::Bell(on) => std::mem::replace(&mut schedule.bell, on) != on,
                Setting::PlannedStart(at) => {
                    std::mem::replace(&mut schedule.planned_start, at) != at
                }
            };
            done(changed, None)
        }
        Command::RoomMessage(message) => done(session.set_room_message(message, now), None),
        Command::Import { files, .. } => {
            if let Some((file, other)) = files
                .iter()
                .find(|(_, other)| other.workshop.id != session.workshop.id)
            {
                return Err(Refused::OtherWorkshop {
                    file: file.clone(),
                    workshop: other.workshop.id.clone(),
                    expected: session.workshop.id.clone(),
                });
            }
            let mut report = crate::model::merge::MergeReport::default();
            for (file, other) in files {
                report.absorb(session.import(other, file, now));
            }
            report.in_order_of(session);
            Ok(Applied {
                changed: report.changed(),
                undo: None,
                outcome: Outcome::Imported(report),
            })
        }
        Command::Poll(edit) => super::poll::edit(session, edit, now),
        Command::Ballot { poll, card, answer } => {
            super::poll::ballot(session, *poll, card, answer, now)
        }
    }
}

/// What a merge of a group's text says: whether there was one, and whether
/// the two edits changed the same words.
fn merged_outcome(text: Overlap, overlapped: Option<bool>) -> Outcome {
    match overlapped {
        Some(overlapped) => Outcome::GroupMerged { text, overlapped },
        None => Outcome::Done,
    }
}

fn clock(
    session: &mut Session,
    timer: &TimerId,
    action: ClockAction,
    now: Timestamp,
) -> Result<Applied, Refused> {
    if session.timer_key(timer).is_none() && action != ClockAction::Next {
        // Said of what is missing: an agenda item is not a group.
        return Err(match timer {
            TimerId::Opening(_) => Refused::NoSuchItem,
            _ => Refused::NoSuchGroup,
        });
    }
    let before = session.schedule.clone();
    let mut outcome = Outcome::Done;
    match action {
        ClockAction::Start => clocks::start(session, timer, now),
        ClockAction::Pause => clocks::pause(session, timer, now),
        ClockAction::Extend(minutes) => {
            if let Some(t) = session.timer_mut(timer) {
                t.add_minutes(minutes);
            }
        }
        ClockAction::SetMinutes(minutes) => session.set_planned_minutes(timer, minutes),
        ClockAction::Reset => {
            if let Some(t) = session.timer_mut(timer) {
                t.reset(now);
            }
        }
        ClockAction::StartAllGroups => clocks::all_groups(session, true, now),
        ClockAction::PauseAllGroups => clocks::all_groups(session, false, now),
        ClockAction::Next => outcome = Outcome::NowRunning(clocks::next(session, now)),
    }
    let changed = session.schedule != before || matches!(action, ClockAction::SetMinutes(_));
    Ok(Applied {
        changed,
        undo: None,
        outcome,
    })
}
