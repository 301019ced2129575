//! Presence (issue 21): while a rapporteur edits an input, the
//! facilitator's screen shows it beside that input at a laptop's 80×24,
//! and it goes when they leave the editor or their screen goes; opening
//! an input someone edits says who, first.

use crossterm::event::KeyCode;

use super::{context, keys, now, screen, session_model};
use crate::app::{Model, Msg, Part, update};
use crate::i18n::Lang;
use crate::session::Role;

/// The example session served: the facilitator on the second group's page,
/// and that group's rapporteur, its first input selected on both.
fn two_screens() -> (Model, Model) {
    let mut facilitator = session_model(Lang::Es);
    let open = facilitator.open().expect("a session is open");
    let axis = open.session.groups[1].axis.clone();
    let host = open.host.clone();
    let rapporteur = Model::joined(context(Lang::Es), host, Role::Rapporteur { axis });
    keys(&mut facilitator, &[KeyCode::Char('2')]);
    let open = facilitator.open().expect("a session is open");
    assert_eq!(open.viewer.part, Part::Groups);
    for _ in open.viewer.group(&open.session)..1 {
        keys(&mut facilitator, &[KeyCode::Char('l')]);
    }
    let group = facilitator.open().map(|o| o.viewer.group(&o.session));
    assert_eq!(group, Some(1));
    (facilitator, rapporteur)
}

/// The rapporteur's name in the example's roster, as the marker says it.
fn rapporteur_name(model: &Model) -> String {
    let roster = model.open().map(|o| o.session.groups[1].rapporteur.clone());
    let roster = roster.unwrap_or_default();
    let name = roster.split(" — ").next().unwrap_or_default();
    assert!(!name.is_empty() && name.len() < roster.len(), "{roster}");
    name.to_string()
}

fn woken(model: &Model) -> bool {
    model
        .open()
        .is_some_and(|o| o.revisions.has_changed().unwrap_or(false))
}

#[test]
fn an_input_someone_edits_is_marked_on_the_other_screen_until_they_leave_it() {
    let (mut facilitator, mut rapporteur) = two_screens();
    let marker = format!("✎ {} está editando", rapporteur_name(&facilitator));
    assert!(!screen(&facilitator, 80, 24).contains(&marker));
    keys(&mut rapporteur, &[KeyCode::Enter]);
    assert!(woken(&facilitator), "the other screen is woken");
    update(&mut facilitator, Msg::Changed, now());
    let shown = screen(&facilitator, 80, 24);
    assert!(shown.contains(&marker), "{shown}");
    insta::assert_snapshot!("presence_marker_80x24", shown);
    // The rapporteur's own screen names nobody: they know.
    assert!(!screen(&rapporteur, 80, 24).contains("está editando"));

    // Keys inside the form change nothing others see: nobody is woken.
    update(&mut facilitator, Msg::Changed, now());
    keys(&mut rapporteur, &[KeyCode::Tab, KeyCode::Tab]);
    assert!(!woken(&facilitator), "no news, no wake-up");

    keys(&mut rapporteur, &[KeyCode::Esc]);
    assert!(woken(&facilitator));
    update(&mut facilitator, Msg::Changed, now());
    let shown = screen(&facilitator, 80, 24);
    assert!(!shown.contains("está editando"), "{shown}");
}

#[test]
fn opening_an_input_someone_edits_says_who_and_opens_it() {
    let (mut facilitator, mut rapporteur) = two_screens();
    keys(&mut rapporteur, &[KeyCode::Enter]);
    update(&mut facilitator, Msg::Changed, now());
    keys(&mut facilitator, &[KeyCode::Enter]);
    let open = facilitator.open().expect("a session is open");
    assert!(open.viewer.form.is_some(), "never blocked");
    let said = facilitator.notice.as_ref().map(|n| n.text(Lang::Es));
    let name = rapporteur_name(&facilitator);
    assert_eq!(
        said.as_deref(),
        Some(&*Lang::Es.also_editing(&[name])),
        "told first"
    );
    insta::assert_snapshot!("presence_opening_80x24", screen(&facilitator, 80, 24));
    // Both screens show the other as editing it, in English too.
    update(&mut rapporteur, Msg::Changed, now());
    let open = rapporteur.open().expect("a session is open");
    let id = open.session.groups[1].inputs[0].id;
    assert_eq!(
        crate::app::presence::line(open, id, Lang::En).as_deref(),
        Some("facilitador is editing")
    );
}

#[test]
fn a_screen_that_goes_mid_edit_leaves_no_ghost() {
    let (mut facilitator, mut rapporteur) = two_screens();
    keys(&mut rapporteur, &[KeyCode::Enter]);
    update(&mut facilitator, Msg::Changed, now());
    assert!(screen(&facilitator, 80, 24).contains("está editando"));
    // The connection drops: the screen is dropped as it was, form open.
    drop(rapporteur);
    assert!(woken(&facilitator), "the other screen is woken");
    update(&mut facilitator, Msg::Changed, now());
    let shown = screen(&facilitator, 80, 24);
    assert!(!shown.contains("está editando"), "{shown}");
    let open = facilitator.open().expect("a session is open");
    assert!(open.presence.is_empty());
}

#[test]
fn whoever_was_editing_first_is_told_once_when_another_opens_it() {
    let (mut facilitator, mut rapporteur) = two_screens();
    keys(&mut rapporteur, &[KeyCode::Enter]);
    assert!(rapporteur.notice.is_none(), "alone in it: nothing to say");
    update(&mut facilitator, Msg::Changed, now());
    keys(&mut facilitator, &[KeyCode::Enter]);
    // The rapporteur's list is under their form: the notice names who came.
    update(&mut rapporteur, Msg::Changed, now());
    let said = rapporteur.notice.as_ref().map(|n| n.text(Lang::Es));
    assert_eq!(
        said.as_deref(),
        Some(&*Lang::Es.also_editing(&["facilitador".to_string()]))
    );
    let shown = screen(&rapporteur, 80, 24);
    assert!(shown.contains("facilitador también está"), "{shown}");
    // Once: typing on clears it, and it does not come back.
    keys(&mut rapporteur, &[KeyCode::End]);
    update(&mut rapporteur, Msg::Changed, now());
    assert!(rapporteur.notice.is_none());
    // The facilitator leaves and comes back: told again.
    keys(&mut facilitator, &[KeyCode::Esc]);
    update(&mut rapporteur, Msg::Changed, now());
    keys(&mut facilitator, &[KeyCode::Enter]);
    update(&mut rapporteur, Msg::Changed, now());
    assert!(rapporteur.notice.is_some());
}
