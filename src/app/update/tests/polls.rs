//! `V` in the closing plenary as the facilitator uses it: the chooser over
//! the step's inputs, the cards the shell reads, opening, closing after a
//! question, revealing, making a named poll secret.

use super::*;
use crate::app::poll::ChooserKind;
use crate::model::poll::{Answer, Choice, PollKind};
use crate::session::{Command, Role};

fn cards(labels: &[&str]) -> Msg {
    Msg::Cards {
        path: PathBuf::from("prueba.json"),
        cards: Ok(labels.iter().map(|l| l.to_string()).collect()),
    }
}

/// A model on the first report-back, its group with two inputs.
fn on_report_back() -> Model {
    let mut m = model();
    go_to_groups(&mut m);
    add_input(&mut m, "reunión de enlaces");
    add_input(&mut m, "protocolo común");
    press(&mut m, KeyCode::Tab);
    assert_eq!(open(&m).viewer.part, Part::Closing);
    m
}

fn chooser(m: &Model) -> crate::app::poll::Chooser {
    match &m.overlay {
        Some(Overlay::PollChooser(chooser)) => (**chooser).clone(),
        other => panic!("no chooser: {other:?}"),
    }
}

fn ids(m: &Model, group: usize) -> Vec<uuid::Uuid> {
    open(m).session.groups[group]
        .inputs
        .iter()
        .map(|i| i.id)
        .collect()
}

fn ballot(m: &mut Model, card: &str, answer: Answer) {
    let poll = open(m).session.open_poll().unwrap().id;
    let Page::Workshop(o) = &mut m.page else {
        unreachable!()
    };
    let person = o.person;
    let command = Command::Ballot {
        poll,
        card: card.into(),
        answer,
    };
    o.host()
        .submit(person, &Role::Ballot, command, at(2))
        .unwrap();
    o.refresh();
}

#[test]
fn v_on_a_report_back_chooses_over_its_group_and_asks_the_shell_for_the_cards() {
    let mut m = on_report_back();
    let effects = press(&mut m, KeyCode::Char('V'));
    assert!(
        matches!(effects.as_slice(), [Effect::Cards(path)] if path == &PathBuf::from("prueba.json")),
        "{effects:?}"
    );
    let c = chooser(&m);
    assert_eq!(c.kind, ChooserKind::Points);
    assert_eq!((c.points, c.max_per_input, c.secret), (5, 3, false));
    assert_eq!(c.inputs, ids(&m, 0));
    // Until the cards are read, Enter opens nothing.
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).session.polls.is_empty());
    assert!(matches!(m.overlay, Some(Overlay::PollChooser(_))));
}

#[test]
fn without_cards_no_poll_opens_and_the_chooser_stays() {
    let mut m = on_report_back();
    press(&mut m, KeyCode::Char('V'));
    update(&mut m, cards(&[]), at(1));
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).session.polls.is_empty());
    assert!(matches!(m.overlay, Some(Overlay::PollChooser(_))));
    // Cards of another session are not this one's.
    let other = Msg::Cards {
        path: PathBuf::from("otra.json"),
        cards: Ok(["1".to_string()].into()),
    };
    update(&mut m, other, at(1));
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).session.polls.is_empty());
}

#[test]
fn enter_opens_the_default_points_poll_for_the_cards_read() {
    let mut m = on_report_back();
    press(&mut m, KeyCode::Char('V'));
    update(&mut m, cards(&["1", "2", "3"]), at(1));
    press(&mut m, KeyCode::Enter);
    assert!(m.overlay.is_none());
    let poll = open(&m)
        .session
        .open_poll()
        .cloned()
        .expect("a poll is open");
    assert_eq!(poll.kind, PollKind::points());
    assert_eq!(poll.inputs, ids(&m, 0));
    assert!(!poll.secret);
    assert_eq!(poll.entitled.len(), 3);
}

#[test]
fn the_chooser_sets_kind_points_cap_and_secrecy() {
    let mut m = on_report_back();
    press(&mut m, KeyCode::Char('V'));
    for c in ['+', '+', '>', '-'] {
        press(&mut m, KeyCode::Char(c));
    }
    let c = chooser(&m);
    assert_eq!((c.points, c.max_per_input), (6, 4));
    // The cap never passes the card's points.
    for _ in 0..10 {
        press(&mut m, KeyCode::Char('-'));
    }
    assert_eq!((chooser(&m).points, chooser(&m).max_per_input), (1, 1));
    press(&mut m, KeyCode::Char('s'));
    press(&mut m, KeyCode::Down);
    press(&mut m, KeyCode::Down);
    let c = chooser(&m);
    assert_eq!(c.kind, ChooserKind::YesNo);
    assert!(c.secret);
    update(&mut m, cards(&["1", "2"]), at(1));
    press(&mut m, KeyCode::Enter);
    let poll = open(&m).session.open_poll().cloned().unwrap();
    assert_eq!(poll.kind, PollKind::YesNo);
    assert!(poll.secret);
    // On the input selected in the report-back.
    let o = open(&m);
    let place = o.viewer.selected_in(0, &o.session);
    assert_eq!(poll.inputs, [ids(&m, 0)[place]]);
}

#[test]
fn the_final_step_chooses_over_every_input_not_dropped() {
    let mut m = on_report_back();
    for _ in 0..10 {
        press(&mut m, KeyCode::Right);
    }
    assert_eq!(open(&m).viewer.report_axis(), None);
    let Page::Workshop(o) = &mut m.page else {
        unreachable!()
    };
    let dropped = o.session.groups[0].inputs[1].id;
    let patch = crate::session::InputPatch {
        status: Some(Some(crate::model::input::Status::Dropped)),
        ..Default::default()
    };
    o.submit(Command::PatchInput { id: dropped, patch }, at(1))
        .unwrap();
    press(&mut m, KeyCode::Char('V'));
    assert_eq!(chooser(&m).inputs, ids(&m, 0)[..1]);
}

#[test]
fn v_asks_before_closing_then_offers_to_reveal_and_to_forget_the_labels() {
    let mut m = on_report_back();
    press(&mut m, KeyCode::Char('V'));
    update(&mut m, cards(&["1", "2", "3"]), at(1));
    press(&mut m, KeyCode::Enter);
    let first = ids(&m, 0)[0];
    ballot(&mut m, "2", Answer::Points([(first, 3)].into()));
    let id = open(&m).session.open_poll().unwrap().id;
    press(&mut m, KeyCode::Char('V'));
    assert_eq!(m.overlay, Some(Overlay::ClosePoll(id)));
    // No: still open.
    press(&mut m, KeyCode::Char('n'));
    assert!(open(&m).session.open_poll().is_some());
    press(&mut m, KeyCode::Char('V'));
    press(&mut m, KeyCode::Enter);
    assert!(open(&m).session.open_poll().is_none());
    assert_eq!(m.overlay, Some(Overlay::PollClosed(id)));
    // A named poll can forget who voted what.
    press(&mut m, KeyCode::Char('S'));
    let poll = open(&m).session.poll(id).cloned().unwrap();
    assert!(poll.secret && poll.ballots.is_empty());
    assert_eq!(poll.voted.len(), 1);
    press(&mut m, KeyCode::Char('V'));
    let poll = open(&m).session.poll(id).cloned().unwrap();
    assert!(poll.revealed_at.is_some());
    assert!(m.overlay.is_none());
    // Revealed: the points went into the input's votes.
    assert_eq!(open(&m).session.groups[0].inputs[0].plenary.votes, 3);
    // A revealed poll done, V chooses the next one.
    let effects = press(&mut m, KeyCode::Char('V'));
    assert!(matches!(effects.as_slice(), [Effect::Cards(_)]));
    assert!(matches!(m.overlay, Some(Overlay::PollChooser(_))));
}

#[test]
fn a_closed_poll_reveals_later_and_a_yes_no_tally_is_kept() {
    let mut m = on_report_back();
    press(&mut m, KeyCode::Char('V'));
    press(&mut m, KeyCode::Up);
    assert_eq!(chooser(&m).kind, ChooserKind::YesNo);
    update(&mut m, cards(&["1", "2"]), at(1));
    press(&mut m, KeyCode::Enter);
    ballot(&mut m, "1", Answer::Choice(Choice::Yes));
    press(&mut m, KeyCode::Char('V'));
    press(&mut m, KeyCode::Char('s'));
    press(&mut m, KeyCode::Esc);
    assert!(m.overlay.is_none());
    let id = open(&m).session.polls[0].id;
    // Later: V on the closed poll offers the reveal again.
    press(&mut m, KeyCode::Char('V'));
    assert_eq!(m.overlay, Some(Overlay::PollClosed(id)));
    press(&mut m, KeyCode::Enter);
    let poll = &open(&m).session.polls[0];
    assert!(poll.revealed_at.is_some());
    assert_eq!(poll.tally.choices.yes, 1);
}

#[test]
fn v_is_the_closing_plenarys_and_the_facilitators() {
    let mut m = model();
    let effects = press(&mut m, KeyCode::Char('V'));
    assert!(effects.is_empty());
    assert!(m.overlay.is_none(), "not in the opening");
}
