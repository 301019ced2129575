//! Several people on one host, in random interleavings: nothing panics,
//! nothing committed vanishes unless someone deleted it, each person's undo
//! reverts only their own changes, and the same commands always give the
//! same session.

use crate::model::schedule::places::opening;
use std::collections::HashMap;

use jiff::Timestamp;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::model::patch::InputPatch;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

fn at(step: usize) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + step as i64).unwrap()
}

/// One thing a simulated person does. Indexes pick among what exists then.
#[derive(Debug, Clone)]
enum Act {
    Add {
        group: usize,
        words: u8,
    },
    Edit {
        pick: usize,
        words: u8,
    },
    Verdict {
        pick: usize,
        votes: u8,
    },
    Delete {
        pick: usize,
    },
    Move {
        pick: usize,
        group: usize,
        index: usize,
    },
    /// Opens an input's text to edit, as an editor does: the text then is
    /// the base of what this person keeps next.
    Open {
        pick: usize,
    },
    /// Adds words at the end of the text opened, and keeps it, merged with
    /// whatever others kept meanwhile.
    Append {
        words: u8,
    },
    Undo,
    Redo,
    Clock {
        timer: usize,
        start: bool,
    },
    Next,
    /// The facilitator's agenda: an item at a place, renamed, moved, timed,
    /// removed; a group added, renamed, removed (its inputs into another).
    AddItem {
        index: usize,
    },
    RenameItem {
        pick: usize,
    },
    MoveItem {
        pick: usize,
        index: usize,
    },
    ItemMinutes {
        pick: usize,
        minutes: u32,
    },
    RemoveItem {
        pick: usize,
    },
    AddGroup,
    RenameGroup {
        pick: usize,
    },
    RemoveGroup {
        pick: usize,
        into: usize,
    },
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        3 => (0..3usize, 1..6u8).prop_map(|(group, words)| Act::Add { group, words }),
        3 => (any::<usize>(), 1..6u8).prop_map(|(pick, words)| Act::Edit { pick, words }),
        1 => (any::<usize>(), 0..9u8).prop_map(|(pick, votes)| Act::Verdict { pick, votes }),
        2 => any::<usize>().prop_map(|pick| Act::Delete { pick }),
        2 => (any::<usize>(), 0..3usize, 0..4usize)
            .prop_map(|(pick, group, index)| Act::Move { pick, group, index }),
        2 => any::<usize>().prop_map(|pick| Act::Open { pick }),
        3 => (1..4u8).prop_map(|words| Act::Append { words }),
        2 => Just(Act::Undo),
        1 => Just(Act::Redo),
        1 => (0..4usize, any::<bool>()).prop_map(|(timer, start)| Act::Clock { timer, start }),
        1 => Just(Act::Next),
        1 => (0..6usize).prop_map(|index| Act::AddItem { index }),
        1 => any::<usize>().prop_map(|pick| Act::RenameItem { pick }),
        1 => (any::<usize>(), 0..6usize).prop_map(|(pick, index)| Act::MoveItem { pick, index }),
        1 => (any::<usize>(), 0..40u32).prop_map(|(pick, minutes)| Act::ItemMinutes { pick, minutes }),
        1 => any::<usize>().prop_map(|pick| Act::RemoveItem { pick }),
        1 => Just(Act::AddGroup),
        1 => any::<usize>().prop_map(|pick| Act::RenameGroup { pick }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(pick, into)| Act::RemoveGroup { pick, into }),
    ]
}

/// The people: the facilitator, and the rapporteurs of the first two groups.
fn roles(session: &Session) -> [Role; 3] {
    [
        Role::Facilitator,
        Role::Rapporteur {
            axis: session.groups[0].axis.clone(),
        },
        Role::Rapporteur {
            axis: session.groups[1].axis.clone(),
        },
    ]
}

fn fresh() -> (Host, [PersonId; 3]) {
    let workshop = Workshop::default_for(crate::i18n::Lang::Es).unwrap();
    let session = Session::new("prop", workshop, at(0));
    let mut host = Host::new(
        "prop.json".into(),
        session,
        None,
        Box::new(Recorder::default()),
        at(0),
    );
    let people = [host.join(), host.join(), host.join()];
    (host, people)
}

fn ids(session: &Session) -> Vec<Uuid> {
    session
        .groups
        .iter()
        .flat_map(|g| g.inputs.iter().map(|i| i.id))
        .collect()
}

/// A word only this person typed at this step.
fn typed_word(who: usize, step: usize, k: u8) -> String {
    format!("w{who}x{step}k{k}")
}

/// The words of a text (the brackets of a marked version apart).
fn word_set(text: &str) -> std::collections::HashSet<&str> {
    crate::model::word_merge::words(text).collect()
}

/// Runs the script; checks the invariants after every step; returns the
/// final session.
fn run(script: &[(usize, Act)]) -> Session {
    let (mut host, people) = fresh();
    let roles = roles(host.session());
    // What the outcomes say exists, and who last changed each input.
    let mut exists: HashMap<Uuid, bool> = HashMap::new();
    let mut touched_by: HashMap<Uuid, usize> = HashMap::new();
    // Each person's open editor: the input and the text it started from.
    let mut editing: HashMap<usize, (Uuid, String)> = HashMap::new();
    for (step, (who, act)) in script.iter().enumerate() {
        let who = *who % 3;
        let now = at(step + 1);
        let before = host.session().clone();
        let all = ids(&before);
        let pick = |n: usize| (!all.is_empty()).then(|| all[n % all.len()]);
        let text = |words: u8| format!("p{who} s{step} {}", "palabra ".repeat(words as usize));
        let items: Vec<String> = before
            .workshop
            .opening
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let item = |n: usize| (!items.is_empty()).then(|| items[n % items.len()].clone());
        let axes: Vec<String> = before.groups.iter().map(|g| g.axis.clone()).collect();
        let axis = |n: usize| axes[n % axes.len()].clone();
        let agenda = |edit| Some(Command::Agenda(edit));
        let command = match act {
            Act::Add { group, words } => Some(Command::AddInput {
                // A place past the last group names none: refused.
                axis: axes.get(*group).cloned().unwrap_or_default(),
                id: Uuid::from_u128(step as u128 + 1),
                text: text(*words),
            }),
            Act::Edit { pick: n, words } => pick(*n).map(|id| Command::PatchInput {
                id,
                patch: InputPatch::text(text(*words)),
            }),
            Act::Verdict { pick: n, votes } => pick(*n).map(|id| Command::PatchInput {
                id,
                patch: InputPatch {
                    votes: Some(u32::from(*votes)),
                    ..InputPatch::default()
                },
            }),
            Act::Delete { pick: n } => pick(*n).map(|id| Command::DeleteInput { id }),
            Act::Move {
                pick: n,
                group,
                index,
            } => pick(*n).map(|id| Command::MoveInput {
                id,
                // A group past the last names none, and is refused as before.
                axis: before
                    .groups
                    .get(*group)
                    .map(|g| g.axis.clone())
                    .unwrap_or_default(),
                index: *index,
            }),
            Act::Clock { timer, start } => Some(Command::Clock {
                timer: opening(*timer),
                action: if *start {
                    ClockAction::Start
                } else {
                    ClockAction::Pause
                },
            }),
            Act::Next => Some(Command::Clock {
                timer: TimerId::Final,
                action: ClockAction::Next,
            }),
            Act::AddItem { index } => agenda(AgendaEdit::AddItem {
                index: *index,
                item: Box::new(new_item(
                    &before,
                    &format!("Punto {step}"),
                    5,
                    crate::model::workshop::ItemKind::Item,
                )),
            }),
            Act::RenameItem { pick } => {
                item(*pick).and_then(|id| agenda(AgendaEdit::RenameItem { id, title: text(1) }))
            }
            Act::MoveItem { pick, index } => {
                item(*pick).and_then(|id| agenda(AgendaEdit::MoveItem { id, index: *index }))
            }
            Act::ItemMinutes { pick, minutes } => item(*pick).and_then(|id| {
                agenda(AgendaEdit::ItemMinutes {
                    id,
                    minutes: *minutes,
                    clock_secs: None,
                })
            }),
            Act::RemoveItem { pick } => {
                item(*pick).and_then(|id| agenda(AgendaEdit::RemoveItem { id }))
            }
            Act::AddGroup => agenda(AgendaEdit::AddGroup {
                axis: Box::new(new_axis(&before, &format!("Grupo {step}"))),
            }),
            Act::RenameGroup { pick } => agenda(AgendaEdit::RenameGroup {
                axis: axis(*pick),
                title: text(1),
            }),
            Act::RemoveGroup { pick, into } => agenda(AgendaEdit::RemoveGroup {
                axis: axis(*pick),
                inputs_to: Some(axis(*into)),
            }),
            Act::Open { pick: n } => {
                if let Some(id) = pick(*n) {
                    let g = before.group_of_input(id).unwrap();
                    let text = before.input(g, id).unwrap().text.clone();
                    editing.insert(who, (id, text));
                }
                None
            }
            Act::Append { words } => editing.get(&who).map(|(id, base)| {
                let typed: Vec<String> = (0..*words).map(|k| typed_word(who, step, k)).collect();
                Command::PatchInput {
                    id: *id,
                    patch: InputPatch::text_from(
                        base.clone(),
                        format!("{base} {}", typed.join(" ")),
                    ),
                }
            }),
            Act::Undo | Act::Redo => None,
        };
        let result = match (act, command) {
            (Act::Undo, _) => host.undo(people[who], &roles[who], now),
            (Act::Redo, _) => host.redo(people[who], &roles[who], now),
            (_, Some(command)) => host.submit(people[who], &roles[who], command, now),
            (_, None) => continue,
        };
        let after = host.session().clone();
        if let (Act::Append { words }, Ok(_)) = (act, &result) {
            // A merged edit loses no word: not the ones typed, not the ones
            // others kept meanwhile (this person took none away).
            let (id, base) = editing.get_mut(&who).expect("appended to an open text");
            let text = |s: &Session| {
                s.input(s.group_of_input(*id).unwrap(), *id)
                    .unwrap()
                    .text
                    .clone()
            };
            let (was, now) = (text(&before), text(&after));
            let words_now = word_set(&now);
            for k in 0..*words {
                let typed = typed_word(who, step, k);
                assert!(words_now.contains(typed.as_str()), "{typed} lost: {now:?}");
            }
            for word in word_set(&was) {
                assert!(words_now.contains(word), "{word} of {was:?} lost: {now:?}");
            }
            // What was sent is the base of what is typed next.
            *base = format!(
                "{base} {}",
                (0..*words)
                    .map(|k| typed_word(who, step, k))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        // A clock runs on through every edit of the agenda, unless its own
        // item or group was taken out (then it is gone, not left behind).
        for (key, timer) in &before.schedule.timers {
            if timer.is_running()
                && result.is_ok()
                && matches!(
                    act,
                    Act::AddItem { .. }
                        | Act::RenameItem { .. }
                        | Act::MoveItem { .. }
                        | Act::ItemMinutes { .. }
                        | Act::RemoveItem { .. }
                        | Act::AddGroup
                        | Act::RenameGroup { .. }
                        | Act::RemoveGroup { .. }
                )
            {
                let now_running = after.schedule.timers.get(key).map(|t| t.is_running());
                assert_ne!(now_running, Some(false), "{key} stopped by {act:?}");
            }
        }
        // Every clock belongs to something on the day's plan.
        let keys: std::collections::HashSet<String> = after
            .timer_ids()
            .into_iter()
            .filter_map(|id| after.timer_key(&id))
            .collect();
        for key in after.schedule.timers.keys() {
            assert!(keys.contains(key), "{key} left behind after {act:?}");
        }
        if let Ok(applied) = &result {
            match applied.outcome {
                Outcome::At { id, .. } => {
                    exists.insert(id, true);
                    touched_by.insert(id, who);
                }
                Outcome::Deleted { id } => {
                    exists.insert(id, false);
                    touched_by.insert(id, who);
                }
                _ => {}
            }
            if applied.changed && matches!(act, Act::Undo | Act::Redo) {
                // An undo touches only what this person changed last.
                for id in ids(&before) {
                    let (Some(g0), Some(g1)) =
                        (before.group_of_input(id), after.group_of_input(id))
                    else {
                        continue;
                    };
                    let (a, b) = (before.input(g0, id).unwrap(), after.input(g1, id).unwrap());
                    if a.plenary != b.plenary {
                        assert_eq!(
                            touched_by.get(&id),
                            Some(&who),
                            "person {who}'s undo changed someone else's input"
                        );
                    }
                    if a.text != b.text && touched_by.get(&id) != Some(&who) {
                        // A merged edit undone after others wrote: it takes
                        // back this person's words (and marks) and no other.
                        let kept = word_set(&b.text);
                        let mine = format!("w{who}x");
                        for word in word_set(&a.text) {
                            assert!(
                                kept.contains(word)
                                    || word.starts_with(&mine)
                                    || ["⟦", "⟧", "otra", "versión:"].contains(&word),
                                "person {who}'s undo took {word} away: {:?} -> {:?}",
                                a.text,
                                b.text
                            );
                        }
                    }
                }
            }
        } else {
            assert_eq!(before, after, "a refused change changes nothing");
        }
        // Nothing committed vanishes, nothing deleted lingers.
        for (id, alive) in &exists {
            assert_eq!(
                after.group_of_input(*id).is_some(),
                *alive,
                "input {id} after step {step} ({act:?})"
            );
        }
        assert!(
            after
                .timer_ids()
                .into_iter()
                .filter(|id| !matches!(id, TimerId::Breakout(_)) && after.is_running(id))
                .count()
                <= 1,
            "at most one plenary item runs"
        );
    }
    (**host.session()).clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn many_people_on_one_host(script in proptest::collection::vec((0..3usize, act()), 1..60)) {
        let first = run(&script);
        let again = run(&script);
        prop_assert_eq!(first, again, "the same commands give the same session");
    }
}

#[test]
fn a_rapporteur_cannot_touch_another_group_or_the_verdict() {
    let (mut host, [_, rapporteur, _]) = fresh();
    let role = roles(host.session())[1].clone();
    let now = at(1);
    let other_group = Command::AddInput {
        axis: host.session().groups[2].axis.clone(),
        id: Uuid::from_u128(9),
        text: "ajeno".into(),
    };
    assert_eq!(
        host.submit(rapporteur, &role, other_group, now),
        Err(Refused::NotAllowed(super::Why::OtherGroup))
    );
    let own = Command::AddInput {
        axis: host.session().groups[0].axis.clone(),
        id: Uuid::from_u128(1),
        text: "propio".into(),
    };
    host.submit(rapporteur, &role, own, now).unwrap();
    let verdict = Command::PatchInput {
        id: Uuid::from_u128(1),
        patch: InputPatch {
            votes: Some(3),
            ..InputPatch::default()
        },
    };
    assert_eq!(
        host.submit(rapporteur, &role, verdict, now),
        Err(Refused::NotAllowed(super::Why::Verdict))
    );
    let clock = Command::Clock {
        timer: opening(0),
        action: ClockAction::Start,
    };
    assert_eq!(
        host.submit(rapporteur, &role, clock, now),
        Err(Refused::NotAllowed(super::Why::Clock))
    );
    let room = Role::Room;
    let edit = Command::PatchInput {
        id: Uuid::from_u128(1),
        patch: InputPatch::text("sala".into()),
    };
    assert_eq!(
        host.submit(rapporteur, &room, edit, now),
        Err(Refused::NotAllowed(super::Why::ScreenOnly))
    );
}

#[test]
fn undo_is_refused_when_someone_changed_the_same_field_since() {
    let (mut host, [facilitator, rapporteur, _]) = fresh();
    let roles = roles(host.session());
    let id = Uuid::from_u128(1);
    let add = Command::AddInput {
        axis: host.session().groups[0].axis.clone(),
        id,
        text: "uno".into(),
    };
    host.submit(rapporteur, &roles[1], add, at(1)).unwrap();
    let edit = |text: &str| Command::PatchInput {
        id,
        patch: InputPatch::text(text.into()),
    };
    host.submit(rapporteur, &roles[1], edit("dos"), at(2))
        .unwrap();
    host.submit(facilitator, &roles[0], edit("tres"), at(3))
        .unwrap();
    assert_eq!(
        host.undo(rapporteur, &roles[1], at(4)),
        Err(Refused::ChangedSince)
    );
    let text = |host: &Host| host.session().input(0, id).unwrap().text.clone();
    assert_eq!(text(&host), "tres", "the later change stands");
    host.undo(facilitator, &roles[0], at(5)).unwrap();
    assert_eq!(text(&host), "dos", "the facilitator's own undo works");
}

#[test]
fn a_revision_is_published_without_copying_inputs_others_hold() {
    let (mut host, [facilitator, ..]) = fresh();
    let mut revisions = host.revisions();
    let before = std::sync::Arc::clone(host.session());
    let add = Command::AddInput {
        axis: host.session().groups[0].axis.clone(),
        id: Uuid::from_u128(1),
        text: "nuevo".into(),
    };
    host.submit(facilitator, &Role::Facilitator, add, at(1))
        .unwrap();
    assert!(revisions.has_changed().unwrap());
    assert_eq!(*revisions.borrow_and_update(), 1);
    assert_eq!(
        before.input_count(),
        0,
        "a screen's revision stays as it was"
    );
    assert_eq!(host.session().input_count(), 1);
}

#[test]
fn a_change_copies_only_the_group_it_touches() {
    let (mut host, [facilitator, ..]) = fresh();
    for n in 0..6 {
        let add = Command::AddInput {
            axis: host.session().groups[n % 3].axis.clone(),
            id: Uuid::from_u128(10 + n as u128),
            text: format!("aporte {n}"),
        };
        host.submit(facilitator, &Role::Facilitator, add, at(n))
            .unwrap();
    }
    let shown = std::sync::Arc::clone(host.session());
    let patch = Command::PatchInput {
        id: Uuid::from_u128(11),
        patch: InputPatch::text("corregido".into()),
    };
    host.submit(facilitator, &Role::Facilitator, patch, at(9))
        .unwrap();
    let now = host.session();
    assert_eq!(
        shown.input(1, Uuid::from_u128(11)).unwrap().text,
        "aporte 1"
    );
    assert_eq!(now.input(1, Uuid::from_u128(11)).unwrap().text, "corregido");
    for g in [0, 2] {
        assert!(
            std::sync::Arc::ptr_eq(&shown.groups[g], &now.groups[g]),
            "group {g} untouched, so shared"
        );
    }
    assert!(!std::sync::Arc::ptr_eq(&shown.groups[1], &now.groups[1]));
    assert!(
        std::sync::Arc::ptr_eq(&shown.groups[1].inputs[1], &now.groups[1].inputs[1]),
        "the other input of the changed group stays shared"
    );
}

/// Two people append to the same text from the same base: both stay, in
/// either order. Undo of the merged edit takes back only its author's
/// words, even after the other wrote again (issue 21, item 2).
#[test]
fn edits_of_one_text_merge_and_undo_takes_back_only_your_words() {
    for facilitator_first in [true, false] {
        let (mut host, [facilitator, rapporteur, _]) = fresh();
        let roles = roles(host.session());
        let id = Uuid::from_u128(1);
        let add = Command::AddInput {
            axis: host.session().groups[0].axis.clone(),
            id,
            text: "Base.".into(),
        };
        host.submit(rapporteur, &roles[1], add, at(1)).unwrap();
        let append = |words: &str| Command::PatchInput {
            id,
            patch: InputPatch::text_from("Base.".into(), format!("Base. {words}")),
        };
        let text = |host: &Host| host.session().input(0, id).unwrap().text.clone();
        let (first, second) = if facilitator_first {
            ((facilitator, &roles[0]), (rapporteur, &roles[1]))
        } else {
            ((rapporteur, &roles[1]), (facilitator, &roles[0]))
        };
        host.submit(first.0, first.1, append("Uno."), at(2))
            .unwrap();
        let applied = host
            .submit(second.0, second.1, append("Dos."), at(3))
            .unwrap();
        assert_eq!(text(&host), "Base. Uno. Dos.");
        let Outcome::At { merges, .. } = applied.outcome else {
            panic!("an edit says where the input is")
        };
        assert_eq!(merges.len(), 1, "the second edit was merged");
        assert!(!merges[0].overlapped);
        // The first writes again, after the merge.
        let more = Command::PatchInput {
            id,
            patch: InputPatch::text_from("Base. Uno.".into(), "Base. Uno. Tres.".into()),
        };
        host.submit(first.0, first.1, more, at(4)).unwrap();
        assert_eq!(text(&host), "Base. Uno. Dos. Tres.");
        // The second's undo takes back "Dos." alone.
        host.undo(second.0, second.1, at(5)).unwrap();
        assert_eq!(text(&host), "Base. Uno. Tres.");
        // The first's edits are two undos ("Dos." came between them).
        host.undo(first.0, first.1, at(6)).unwrap();
        assert_eq!(text(&host), "Base. Uno.");
        host.redo(second.0, second.1, at(7)).unwrap();
        assert_eq!(text(&host), "Base. Uno. Dos.");
        // Undone while "Dos." stands: it stays.
        host.undo(first.0, first.1, at(8)).unwrap();
        assert_eq!(text(&host), "Base. Dos.");
    }
}

/// Two people add to a group's participants from the same list: both
/// stay, and undo takes back only its author's line (issue 21, item 2).
#[test]
fn participants_added_at_once_both_stay() {
    use crate::model::session::Participant;
    let (mut host, [facilitator, rapporteur, _]) = fresh();
    let roles = roles(host.session());
    let axis = host.session().groups[0].axis.clone();
    let list = |text: &str| Participant::parse_lines(text);
    let set = |text: &str| Command::SetParticipants {
        axis: axis.clone(),
        participants: list(text),
        base: Some(list("Ana; Chile")),
    };
    let first = Command::SetParticipants {
        axis: axis.clone(),
        participants: list("Ana; Chile"),
        base: None,
    };
    host.submit(facilitator, &roles[0], first, at(1)).unwrap();
    host.submit(facilitator, &roles[0], set("Ana; Chile\nLuis; Perú"), at(2))
        .unwrap();
    host.submit(
        rapporteur,
        &roles[1],
        set("Ana; Chile\nEva; México; Fiscal"),
        at(3),
    )
    .unwrap();
    let names = |host: &Host| -> Vec<String> {
        host.session().groups[0]
            .participants
            .iter()
            .map(Participant::to_line)
            .collect()
    };
    assert_eq!(
        names(&host),
        ["Ana; Chile", "Luis; Perú", "Eva; México; Fiscal"]
    );
    host.undo(facilitator, &roles[0], at(4)).unwrap();
    assert_eq!(names(&host), ["Ana; Chile", "Eva; México; Fiscal"]);
}
