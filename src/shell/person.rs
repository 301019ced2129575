//! One person's screen on a live session, for a shell to drive: the
//! application model of that person, joined to the session's host.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::live::{Flow, Format, Live, Screen};
use crate::app::{Context, Effect, Model, Msg, update};
use crate::i18n::Lang;
use crate::session::{Role, SharedHost};

pub struct Person {
    model: Model,
}

impl Person {
    pub fn join(host: SharedHost, role: Role, lang: Lang, tz: TimeZone) -> Person {
        let context = Context {
            lang,
            tz,
            now: Timestamp::now(),
            no_color: false,
            muted: false,
            // The host writes; a joined screen never opens another session.
            writer: None,
        };
        let mut model = Model::joined(context, host, role);
        // Over ssh: `w` tells how to get a copy, not this machine's folder.
        model.remote = true;
        Person { model }
    }
}

impl Drop for Person {
    /// The connection went (closed window, dropped network) mid-edit: what
    /// was typed is kept in the session, so the same person finds it again
    /// when they reconnect. Nothing typed leaves with a connection.
    fn drop(&mut self) {
        let _ = update(&mut self.model, Msg::Terminate, Timestamp::now());
    }
}

impl Screen for Person {
    fn handle(&mut self, msg: Msg, now: Timestamp) -> Flow {
        let mut flow = Flow::Continue;
        for effect in update(&mut self.model, msg, now) {
            match effect {
                Effect::Quit { .. } => return Flow::Leave,
                Effect::Bell => flow = Flow::Ring,
                // A joined screen reads and writes nothing of the serving
                // machine's disk: no paths, no other sessions.
                Effect::Import(_) => {
                    self.model.notice = Some(crate::app::error_line(|t| t.import_only_here));
                }
                // A facilitator joined over ssh opens polls for the cards
                // kept beside the served session, on this machine.
                Effect::Cards(path) => {
                    let cards = crate::shell::tokens::entitled_now(&path, self.model.lang);
                    let _ = update(&mut self.model, Msg::Cards { path, cards }, now);
                }
                Effect::RevokeCard { path, card } => {
                    let done = crate::shell::tokens::revoke_now(&path, &card, self.model.lang);
                    let msg = Msg::CardRevoked { path, card, done };
                    let _ = update(&mut self.model, msg, now);
                }
                _ => {}
            }
        }
        flow
    }

    fn draw(&mut self, canvas: &mut crate::ui::Canvas) {
        crate::ui::draw(&self.model, canvas);
    }

    fn wake_at(&self) -> Option<Timestamp> {
        self.model.wake_at()
    }

    fn revisions(&self) -> Option<tokio::sync::watch::Receiver<u64>> {
        self.model.open().map(|open| open.revisions.clone())
    }
}

/// The live session served: a host every screen joins.
pub struct Served {
    pub host: SharedHost,
    pub tz: TimeZone,
    /// The ballot page's address, shown on the room's screen while a poll
    /// is open; none with `--no-web`.
    pub web: Option<String>,
}

impl Served {
    /// The revision the host holds now.
    fn session(&self) -> std::sync::Arc<crate::model::session::Session> {
        std::sync::Arc::clone(crate::session::lock(&self.host).session())
    }
}

impl Live for Served {
    fn groups(&self) -> Vec<(String, usize, String)> {
        self.session().numbered_groups()
    }

    fn join(&self, role: Role, lang: Lang) -> Box<dyn Screen> {
        let mut person = Person::join(self.host.clone(), role, lang, self.tz.clone());
        person.model.set_web_address(self.web.clone());
        Box::new(person)
    }

    fn document(&self, format: Format, lang: Lang) -> String {
        let session = self.session();
        let source = crate::export::formats::Source::Session {
            session: &session,
            live: true,
        };
        // One session merges with nothing: the merge cannot fail.
        format
            .render(source, lang, &self.tz, Timestamp::now())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;
    use crate::session::{Host, Recorder};

    fn served() -> Served {
        let session = Session::new(
            "en vivo",
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        );
        let host = Host::new(
            "vivo.json".into(),
            session,
            None,
            Box::new(Recorder::default()),
            Timestamp::now(),
        );
        Served {
            host: host.shared(),
            tz: TimeZone::UTC,
            web: None,
        }
    }

    fn screen(person: &mut dyn Screen) -> String {
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        terminal
            .draw(|frame| person.draw(&mut crate::ui::Canvas::fresh(frame)))
            .unwrap();
        terminal.backend().to_string()
    }

    fn keys(person: &mut dyn Screen, text: &str) {
        for c in text.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\u{1b}' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            person.handle(
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                Timestamp::now(),
            );
        }
    }

    /// `taller serve` hands every screen the ballot page's address: the
    /// room shows it while a poll is open, so phones know where to vote.
    #[test]
    fn the_room_shows_where_phones_vote_while_a_poll_is_open() {
        let mut live = served();
        live.web = Some("http://192.168.1.20:8080/".into());
        let mut room = live.join(Role::Room, Lang::Es);
        // The facilitator takes the room to the closing plenary.
        let mut facilitator = live.join(Role::Facilitator, Lang::Es);
        keys(&mut *facilitator, "3");
        room.handle(Msg::Changed, Timestamp::now());
        assert!(!screen(&mut *room).contains("192.168.1.20:8080"));
        {
            let mut host = crate::session::lock(&live.host);
            let person = host.join();
            let axis = host.session().groups[0].axis.clone();
            let input = uuid::Uuid::new_v4();
            let add = crate::session::Command::AddInput {
                axis,
                id: input,
                text: "Protocolo regional de intercambio".into(),
            };
            host.submit(person, &Role::Facilitator, add, Timestamp::now())
                .unwrap();
            let poll = crate::session::PollEdit::Open {
                id: uuid::Uuid::new_v4(),
                kind: crate::model::poll::PollKind::YesNo,
                inputs: vec![input],
                secret: false,
                entitled: ["1".to_string(), "2".to_string()].into(),
            };
            let command = crate::session::Command::Poll(poll);
            host.submit(person, &Role::Facilitator, command, Timestamp::now())
                .unwrap();
        }
        room.handle(Msg::Changed, Timestamp::now());
        let shown = screen(&mut *room);
        assert!(shown.contains("192.168.1.20:8080"), "{shown}");
    }

    #[test]
    fn a_rapporteurs_input_shows_on_the_facilitators_screen_and_the_rooms() {
        let live = served();
        let (axis, _, _) = live.groups()[2].clone();
        let mut facilitator = live.join(Role::Facilitator, Lang::Es);
        let mut rapporteur = live.join(Role::Rapporteur { axis }, Lang::Es);
        let mut room = live.join(Role::Room, Lang::Es);
        assert!(
            screen(&mut *rapporteur).contains("Grupo 3 de 5"),
            "lands on its group"
        );

        let changes = facilitator.revisions().unwrap();
        keys(&mut *rapporteur, "aAcción común de la región\u{1b}");
        assert!(
            changes.has_changed().unwrap(),
            "the facilitator's screen is woken"
        );
        // The facilitator goes to group 3: the input is there, with accents.
        keys(&mut *facilitator, "2ll");
        facilitator.handle(Msg::Changed, Timestamp::now());
        assert!(screen(&mut *facilitator).contains("Acción común de la región"));
        // The room follows the facilitator into the breakouts: the dashboard.
        room.handle(Msg::Changed, Timestamp::now());
        assert!(
            screen(&mut *room).contains("Eje 3"),
            "{}",
            screen(&mut *room)
        );
    }

    #[test]
    fn a_rapporteur_is_told_why_a_clock_key_does_nothing() {
        let live = served();
        let (axis, _, _) = live.groups()[0].clone();
        let mut rapporteur = live.join(Role::Rapporteur { axis }, Lang::Es);
        keys(&mut *rapporteur, " ");
        assert!(screen(&mut *rapporteur).contains("Los relojes los lleva la facilitación"));
        let mut room = live.join(Role::Room, Lang::Es);
        keys(&mut *room, "a");
        assert_eq!(
            room.handle(
                Msg::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)),
                Timestamp::now()
            ),
            Flow::Leave
        );
    }

    #[test]
    fn a_rapporteur_never_types_into_a_change_it_cannot_make() {
        let live = served();
        let (axis, _, _) = live.groups()[0].clone();
        let mut rapporteur = live.join(Role::Rapporteur { axis }, Lang::Es);
        // Another group's page: `a` says why at once, no editor opens.
        keys(&mut *rapporteur, "l");
        keys(&mut *rapporteur, "a");
        let shown = screen(&mut *rapporteur);
        assert!(shown.contains("Eso es de otro grupo"), "{shown}");
        assert!(!shown.contains("Nuevo insumo"), "{shown}");
        // Its own group: the input is kept, the votes typed in the form are not.
        keys(&mut *rapporteur, "haPropia\u{1b}");
        keys(&mut *rapporteur, "\n");
        for _ in 0..10 {
            rapporteur.handle(
                Msg::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
                Timestamp::now(),
            );
        }
        // The form does not offer the plenary's fields at all.
        let shown = screen(&mut *rapporteur);
        assert!(!shown.contains("Votos"), "{shown}");
        keys(&mut *rapporteur, "7\u{1b}");
        let session = std::sync::Arc::clone(live.host.lock().unwrap().session());
        let input = &session.groups[0].inputs[0];
        assert_eq!(input.text, "Propia");
        assert_eq!(input.plenary.votes, 0, "the votes are the room's");
    }

    #[test]
    fn two_facilitators_do_not_pull_the_room_back_and_forth() {
        let live = served();
        let mut projected = live.join(Role::Facilitator, Lang::Es);
        let mut joined = live.join(Role::Facilitator, Lang::Es);
        let mut room = live.join(Role::Room, Lang::Es);
        // The projected screen goes to the breakouts; the room follows.
        keys(&mut *projected, "2");
        let mut changes = room.revisions().unwrap();
        changes.borrow_and_update();
        // The other facilitator's screen only ticks and takes revisions.
        for _ in 0..3 {
            joined.handle(Msg::Tick, Timestamp::now());
            joined.handle(Msg::Changed, Timestamp::now());
            projected.handle(Msg::Tick, Timestamp::now());
        }
        assert!(!changes.has_changed().unwrap(), "no revision for the room");
        room.handle(Msg::Changed, Timestamp::now());
        assert!(
            screen(&mut *room).contains("Eje 3"),
            "{}",
            screen(&mut *room)
        );
        // Until it acts: then the room follows it.
        keys(&mut *joined, "1");
        room.handle(Msg::Changed, Timestamp::now());
        assert!(
            !screen(&mut *room).contains("Eje 3"),
            "{}",
            screen(&mut *room)
        );
    }

    #[test]
    fn every_room_screen_shows_the_facilitators_agenda_item_even_one_that_pressed_keys() {
        let live = served();
        let mut facilitator = live.join(Role::Facilitator, Lang::Es);
        let mut room = live.join(Role::Room, Lang::Es);
        let mut other_room = live.join(Role::Room, Lang::Es);
        // No clock runs: the facilitator reads item 3 with the room.
        keys(&mut *facilitator, "jj");
        let third = "Metodología propuesta";
        for screen_of in [&mut room, &mut other_room] {
            screen_of.handle(Msg::Changed, Timestamp::now());
            assert!(
                screen(&mut **screen_of).contains(third),
                "{}",
                screen(&mut **screen_of)
            );
        }
        // Keys on one room screen do not take it elsewhere.
        keys(&mut *other_room, "k");
        other_room.handle(Msg::Changed, Timestamp::now());
        assert!(
            screen(&mut *other_room).contains(third),
            "{}",
            screen(&mut *other_room)
        );
    }

    #[test]
    fn w_over_ssh_tells_how_to_get_a_copy_not_the_servers_folder() {
        let live = served();
        let (axis, _, _) = live.groups()[0].clone();
        let mut rapporteur = live.join(Role::Rapporteur { axis }, Lang::Es);
        keys(&mut *rapporteur, "w");
        let shown = screen(&mut *rapporteur);
        assert!(shown.contains("json > copia.json"), "{shown}");
        assert!(!shown.contains("Carpeta"), "{shown}");
    }

    #[test]
    fn documents_are_written_as_the_command_line_writes_them() {
        let live = served();
        let plan = live.document(Format::Plan, Lang::Es);
        assert!(plan.starts_with('#'));
        // Issue 20: the live plan is the plenary's session; it said "pase
        // también la sesión de la plenaria", and gave the date as ISO.
        assert!(!plan.to_lowercase().contains("pase también"), "{plan}");
        assert!(
            plan.contains("La plenaria todavía no ha decidido"),
            "{plan}"
        );
        assert!(plan.contains("**Fecha:** 1 de enero de 1970\n"), "{plan}");
        assert!(
            live.document(Format::Json, Lang::Es)
                .contains("taller-session")
        );
    }
}
