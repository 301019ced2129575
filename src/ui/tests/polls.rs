//! Phone polls on the terminal (issue 23): the facilitator's chooser, the
//! room's count while a poll is open (with where to vote), the results as
//! bars once revealed, the join screen with the ballot page's QR; and a
//! room frame during an open poll that sends nothing while nothing changes.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crossterm::event::KeyCode;
use jiff::SignedDuration;
use ratatui::layout::Size;
use uuid::Uuid;

use super::{keys, now, screen, session_model};
use crate::app::{Connections, JoinInfo, Model, Msg, Page, RoleCards, update};
use crate::i18n::Lang;
use crate::model::poll::{Answer, CardLabel, Choice, Consent, ConsentAnswer, PollKind};
use crate::session::{Command, PollEdit, Role};
use crate::terminal::ClientTerminal;
use crate::ui::draw;

const WEB: &str = "http://192.168.1.20:8080/";

fn cards(n: usize) -> BTreeSet<CardLabel> {
    (1..=n).map(|i| i.to_string()).collect()
}

/// The example session on the closing plenary's first report-back.
fn closing() -> Model {
    let mut model = session_model(Lang::Es);
    keys(&mut model, &[KeyCode::Char('3')]);
    model
}

fn with_open<T>(model: &mut Model, f: impl FnOnce(&mut crate::app::Open) -> T) -> T {
    let Page::Workshop(open) = &mut model.page else {
        panic!("a workshop is open")
    };
    f(open)
}

/// The report-back group's inputs (the room's order).
fn report_inputs(model: &mut Model) -> Vec<Uuid> {
    with_open(model, |open| {
        let session = &open.session;
        let g = open.viewer.report(session);
        session.groups[g].inputs.iter().map(|i| i.id).collect()
    })
}

fn open_poll(model: &mut Model, kind: PollKind, inputs: Vec<Uuid>, entitled: usize) -> Uuid {
    let id = Uuid::new_v4();
    with_open(model, |open| {
        let command = Command::Poll(PollEdit::Open {
            id,
            kind,
            inputs,
            secret: false,
            entitled: cards(entitled),
        });
        open.submit(command, now()).unwrap();
    });
    id
}

fn vote(model: &mut Model, poll: Uuid, card: usize, answer: Answer) {
    with_open(model, |open| {
        let person = open.person;
        let command = Command::Ballot {
            poll,
            card: card.to_string(),
            answer,
        };
        open.host()
            .submit(person, &Role::Ballot, command, now())
            .unwrap();
    });
    update(model, Msg::Changed, now());
}

fn edit(model: &mut Model, edit: PollEdit) {
    with_open(model, |open| {
        open.submit(Command::Poll(edit), now()).unwrap()
    });
}

fn reveal(model: &mut Model, id: Uuid) {
    edit(model, PollEdit::Close { id });
    edit(model, PollEdit::Reveal { id });
}

#[test]
fn the_chooser_with_cards_and_without() {
    let mut model = closing();
    keys(&mut model, &[KeyCode::Char('V')]);
    let path = PathBuf::from("ejemplo.json");
    update(
        &mut model,
        Msg::Cards {
            path: path.clone(),
            cards: Ok(cards(14)),
        },
        now(),
    );
    snapshots!("poll_chooser", &model);
    update(
        &mut model,
        Msg::Cards {
            path,
            cards: Ok(BTreeSet::new()),
        },
        now(),
    );
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("taller tokens ejemplo"), "{shown}");
}

#[test]
fn the_room_counts_votes_and_hides_results_while_open() {
    let mut model = closing();
    let inputs = report_inputs(&mut model);
    let poll = open_poll(&mut model, PollKind::points(), inputs.clone(), 14);
    for card in 1..=9 {
        vote(
            &mut model,
            poll,
            card,
            Answer::Points([(inputs[0], 1)].into()),
        );
    }
    model.set_web_address(Some(WEB.into()));
    keys(&mut model, &[KeyCode::Char('p')]);
    snapshots!("poll_room_open", &model);
    // The facilitator's own screen says the count too.
    keys(&mut model, &[KeyCode::Char('p')]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("Votos: 9 de 14"), "{shown}");
    // Without a page served, the count alone; still no result.
    model.set_web_address(None);
    keys(&mut model, &[KeyCode::Char('p')]);
    let shown = screen(&model, 160, 45);
    assert!(!shown.contains("8080"));
}

#[test]
fn revealed_points_show_as_bars_under_the_rooms_numbers() {
    let mut model = closing();
    let inputs = report_inputs(&mut model);
    let poll = open_poll(&mut model, PollKind::points(), inputs.clone(), 14);
    vote(
        &mut model,
        poll,
        1,
        Answer::Points([(inputs[0], 3), (inputs[1], 2)].into()),
    );
    vote(
        &mut model,
        poll,
        2,
        Answer::Points([(inputs[1], 3), (inputs[2], 2)].into()),
    );
    reveal(&mut model, poll);
    keys(&mut model, &[KeyCode::Char('p')]);
    snapshots!("poll_room_points", &model);
}

#[test]
fn revealed_consent_and_yes_no() {
    let mut model = closing();
    let inputs = report_inputs(&mut model);
    let poll = open_poll(&mut model, PollKind::Consent, inputs[..2].to_vec(), 5);
    let consent = |a: Consent, b: Consent| {
        let answer = |level| ConsentAnswer {
            level,
            reason: String::new(),
        };
        Answer::Consent([(inputs[0], answer(a)), (inputs[1], answer(b))].into())
    };
    vote(
        &mut model,
        poll,
        1,
        consent(Consent::Agree, Consent::Reserve),
    );
    vote(
        &mut model,
        poll,
        2,
        consent(Consent::Agree, Consent::LiveWith),
    );
    reveal(&mut model, poll);
    keys(&mut model, &[KeyCode::Char('p')]);
    snapshots!("poll_room_consent", &model);
    let poll = open_poll(&mut model, PollKind::YesNo, inputs[..1].to_vec(), 5);
    for (card, choice) in [
        (1, Choice::Yes),
        (2, Choice::Yes),
        (3, Choice::No),
        (4, Choice::Abstain),
    ] {
        vote(&mut model, poll, card, Answer::Choice(choice));
    }
    reveal(&mut model, poll);
    snapshots!("poll_room_yes_no", &model);
}

#[test]
fn the_join_screen_shows_the_ballot_page_with_its_qr() {
    let mut model = closing();
    model.join = Some(JoinInfo {
        fingerprint: "SHA256:prueba".into(),
        addresses: vec!["192.168.1.20".into()],
        port: 2222,
        roles: RoleCards::new(|_| (Vec::new(), None)),
        connections: Connections::none(),
        web: Some(WEB.into()),
    });
    model.set_web_address(Some(WEB.into()));
    keys(&mut model, &[KeyCode::Char('U')]);
    snapshots!("poll_join_qr", &model);
    // Too small for the code: the address as text.
    let shown = screen(&model, 80, 24);
    assert!(shown.contains(WEB), "{shown}");
    let big = screen(&model, 160, 45);
    // The code's light quiet zone, a row of full blocks its width across.
    let code = crate::ui::qr::TerminalQr::new(WEB).unwrap();
    let (width, _) = code.size(1);
    assert!(big.contains(&"█".repeat(usize::from(width))), "{big}");
}

/// Draws `model` on `terminal`, keeping what it can; the bytes sent.
fn frame(model: &Model, terminal: &mut ClientTerminal) -> usize {
    terminal.draw(|canvas| draw(model, canvas)).unwrap();
    terminal.take().len()
}

#[test]
fn the_room_frame_of_an_open_poll_sends_nothing_until_a_ballot_lands() {
    let mut model = closing();
    let inputs = report_inputs(&mut model);
    let poll = open_poll(&mut model, PollKind::points(), inputs.clone(), 14);
    model.set_web_address(Some(WEB.into()));
    keys(&mut model, &[KeyCode::Char('p')]);
    let mut terminal = ClientTerminal::new(Size::new(160, 45)).unwrap();
    let first = frame(&model, &mut terminal);
    assert!(first > 1000, "the first frame draws the screen: {first}");
    // Ticks while a clock runs: nothing on the poll's panel changes.
    for second in 1..=3 {
        let at = now() + SignedDuration::from_secs(second);
        update(&mut model, Msg::Tick, at);
        let sent = frame(&model, &mut terminal);
        assert!(sent < 32, "tick {second} sent {sent} bytes");
    }
    vote(&mut model, poll, 1, Answer::Points([(inputs[0], 1)].into()));
    let sent = frame(&model, &mut terminal);
    assert!(sent > 0, "a ballot changes the count");
    // The count, drawn again, is far less than the whole screen.
    assert!(sent < first, "{sent} of {first}");
}

/// `V` on the open poll, then `P` or `R` and a card's label: marked as
/// voted on paper at once (its phone ballot refused), or revoked through
/// the shell and logged; a label no card has is said so.
#[test]
fn a_card_is_marked_on_paper_or_revoked_from_the_open_polls_question() {
    use crate::model::poll::{BallotRefused, PollEventKind};
    use crate::session::Refused;
    let mut model = closing();
    let inputs = report_inputs(&mut model);
    let poll = open_poll(&mut model, PollKind::YesNo, inputs[..1].to_vec(), 4);
    keys(&mut model, &[KeyCode::Char('V'), KeyCode::Char('P')]);
    snapshots!("poll_card_paper_prompt", &model);
    super::type_text(&mut model, "3");
    keys(&mut model, &[KeyCode::Enter]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains("3: votó en papel"), "{shown}");
    let refused = with_open(&mut model, |open| {
        let command = Command::Ballot {
            poll,
            card: "3".into(),
            answer: Answer::Choice(Choice::Yes),
        };
        open.host()
            .submit(open.person, &Role::Ballot, command, now())
    });
    assert!(
        matches!(refused, Err(Refused::Ballot(BallotRefused::OnPaper))),
        "{refused:?}"
    );

    // A label no card of the poll has: said, nothing sent.
    keys(&mut model, &[KeyCode::Char('V'), KeyCode::Char('R')]);
    super::type_text(&mut model, "Atlántida");
    let effects = update(&mut model, Msg::Key(KeyCode::Enter.into()), now());
    assert!(effects.is_empty(), "{effects:?}");
    assert!(screen(&model, 80, 24).contains("Ninguna tarjeta"));

    // Revoked: the shell is asked, and once it says done the poll no
    // longer counts the card and the log says so.
    keys(&mut model, &[KeyCode::Char('V'), KeyCode::Char('R')]);
    super::type_text(&mut model, "2");
    let effects = update(&mut model, Msg::Key(KeyCode::Enter.into()), now());
    let [crate::app::Effect::RevokeCard { path, card }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(card, "2");
    let msg = Msg::CardRevoked {
        path: path.clone(),
        card: card.clone(),
        done: Ok(()),
    };
    update(&mut model, msg, now());
    with_open(&mut model, |open| {
        let session = &open.session;
        assert!(!session.poll(poll).unwrap().entitled.contains("2"));
        assert!(
            session
                .poll_log
                .iter()
                .any(|e| e.what == PollEventKind::Revoked("2".into()))
        );
    });
    assert!(screen(&model, 80, 24).contains("Tarjeta 2 anulada"));
}
