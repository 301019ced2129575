//! A plenary with phones, for the tests and benchmarks of the ballot page:
//! a session with inputs in two groups, ballot cards in a real tokens file
//! beside it, a host, and the ballot page served on 127.0.0.1 (a free
//! port), stopped when the room is dropped or stopped.
//!
//! Included by path (`#[path = "support/ballot_room.rs"] mod ballot_room;`),
//! beside `http_client.rs`; not every test uses every part.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use taller::i18n::Lang;
use taller::model::poll::PollKind;
use taller::model::session::Session;
use taller::model::workshop::Workshop;
use taller::session::{Command, Host, PersonId, PollEdit, Recorder, Role, SharedHost, Stage, lock};
use taller::shell::tokens::Tokens;
use taller::shell::web::cards::SessionCards;
use taller::shell::web::{WebConfig, WebServer};
use tokio::sync::oneshot;
use uuid::Uuid;

/// Words no phone may ever be sent: an input outside every poll.
pub const NOT_IN_ANY_POLL: &str = "Borrador reservado de la facilitación";

pub struct Room {
    pub host: SharedHost,
    pub addr: SocketAddr,
    /// The inputs the polls are about, in the room's order.
    pub inputs: Vec<Uuid>,
    /// Each card: its label and its token, as printed.
    pub cards: Vec<(String, String)>,
    pub session_path: PathBuf,
    facilitator: PersonId,
    stop: Option<oneshot::Sender<()>>,
    served: Option<tokio::task::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Room {
    /// A room with `cards` cards (labels "1", "2" … or the given ones),
    /// served with `config` changed by `tune`.
    pub async fn start(labels: Vec<String>, tune: impl FnOnce(&mut WebConfig)) -> Room {
        let dir = tempfile::tempdir().unwrap();
        let session_path = dir.path().join("plenaria.json");
        let now = Timestamp::now();
        let mut session = Session::new("plenaria", Workshop::default_for(Lang::Es).unwrap(), now);
        let inputs: Vec<Uuid> = [
            (0, "Mesa regional de datos migratorios"),
            (0, "Protocolo común de retorno asistido"),
            (1, "Capacitación conjunta de fronteras"),
        ]
        .into_iter()
        .map(|(g, text)| session.add_input(g, text.into(), now).unwrap())
        .collect();
        session.add_input(1, NOT_IN_ANY_POLL.into(), now).unwrap();
        let tokens = Tokens::load_or_create(&session_path, &labels).unwrap();
        let cards = tokens
            .cards()
            .iter()
            .map(|card| (card.label.clone(), card.token.clone()))
            .collect();
        let host = Host::new(
            session_path.clone(),
            session,
            None,
            Box::new(Recorder::default()),
            now,
        )
        .shared();
        let facilitator = lock(&host).join();
        let mut config = WebConfig::new(
            "127.0.0.1:0".parse().unwrap(),
            Arc::new(SessionCards::follow(session_path.clone())),
        );
        tune(&mut config);
        let server = WebServer::bind(config).await.unwrap();
        let addr = server.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let served = tokio::spawn(server.run(host.clone(), async {
            let _ = stopped.await;
        }));
        Room {
            host,
            addr,
            inputs,
            cards,
            session_path,
            facilitator,
            stop: Some(stop),
            served: Some(served),
            _dir: dir,
        }
    }

    /// Countries, as cards per delegation are labelled.
    pub fn delegations() -> Vec<String> {
        [
            "Guatemala",
            "Honduras",
            "El Salvador",
            "Costa Rica",
            "Brasil",
        ]
        .map(String::from)
        .to_vec()
    }

    pub fn token_of(&self, label: &str) -> String {
        self.cards
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| t.clone())
            .unwrap()
    }

    /// Opens a poll over `inputs` that every card may vote in but `apart`.
    pub fn open_poll(&self, kind: PollKind, inputs: Vec<Uuid>, apart: &[&str]) -> Uuid {
        let id = Uuid::new_v4();
        let entitled: BTreeSet<String> = self
            .cards
            .iter()
            .map(|(label, _)| label.clone())
            .filter(|label| !apart.contains(&label.as_str()))
            .collect();
        let edit = PollEdit::Open {
            id,
            kind,
            inputs,
            secret: false,
            entitled,
        };
        self.facilitate(Command::Poll(edit));
        id
    }

    pub fn facilitate(&self, command: Command) {
        lock(&self.host)
            .submit(
                self.facilitator,
                &Role::Facilitator,
                command,
                Timestamp::now(),
            )
            .expect("the facilitator's change is made");
    }

    pub fn present(&self, input: Option<Uuid>) {
        lock(&self.host).set_stage(Stage::Closing { presenting: input });
    }

    /// The session as it is now.
    pub fn session(&self) -> Arc<Session> {
        Arc::clone(lock(&self.host).session())
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(served) = self.served.take() {
            tokio::time::timeout(std::time::Duration::from_secs(10), served)
                .await
                .expect("the server stops in time")
                .unwrap();
        }
    }
}
