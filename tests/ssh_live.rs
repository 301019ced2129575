//! The real live session served over SSH on loopback: people join with
//! russh's client, type as from their keyboards, and read each other's
//! changes on their own screens (read with vt100).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use russh::ChannelMsg;
use russh::client;
use ssh_client::Client;
use taller::app::{Context, Model, Overlay};
use taller::i18n::Lang;
use taller::model::session::Session;
use taller::model::workshop::Workshop;
use taller::session::{AgendaEdit, Command, Host, Recorder, Role, new_axis};
use taller::shell::live::Live;
use taller::shell::person::Served;
use taller::shell::serve;
use taller::shell::ssh::{ServeConfig, Server, codes, host_key};
use tokio::sync::oneshot;

#[path = "support/ssh_client.rs"]
mod ssh_client;

const LIMIT: Duration = Duration::from_secs(15);

struct Person {
    _handle: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
    screen: vt100::Parser,
}

impl Person {
    async fn join(addr: SocketAddr, user: &str, code: &str) -> Person {
        let (handle, channel) = ssh_client::join(addr, user, code, 120, 30).await;
        Person {
            _handle: handle,
            channel,
            screen: vt100::Parser::new(30, 120, 0),
        }
    }

    async fn keys(&mut self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }

    /// Reads until the screen shows `text`.
    async fn shows(&mut self, text: &str) -> String {
        let found = tokio::time::timeout(LIMIT, async {
            loop {
                let contents = self.screen.screen().contents();
                if contents.contains(text) {
                    return contents;
                }
                match self.channel.wait().await {
                    Some(ChannelMsg::Data { data }) => self.screen.process(&data),
                    Some(_) => {}
                    None => return contents,
                }
            }
        })
        .await;
        match found {
            Ok(contents) if contents.contains(text) => contents,
            _ => panic!(
                "never saw {text:?}; the screen shows:\n{}",
                self.screen.screen().contents()
            ),
        }
    }
}

/// The codes as made when serving began, by the user names of the groups then.
struct Known {
    codes: codes::Codes,
    groups: Vec<(String, usize, String)>,
}

impl Known {
    fn of(codes: codes::Codes, live: &dyn Live) -> Known {
        Known {
            codes,
            groups: live.groups(),
        }
    }

    fn get(&self, user: &str) -> Option<&str> {
        self.codes.for_user(user, &self.groups)
    }
}

#[tokio::test]
async fn a_rapporteurs_input_typed_over_ssh_shows_on_the_facilitators_screen() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(
        "en vivo",
        Workshop::default_for(Lang::Es).unwrap(),
        Timestamp::UNIX_EPOCH,
    );
    let host = Host::new(
        dir.path().join("vivo.json"),
        session,
        None,
        Box::new(Recorder::default()),
        Timestamp::now(),
    );
    let live = Arc::new(Served {
        host: host.shared(),
        tz: TimeZone::UTC,
        web: None,
    });
    let codes = Known::of(
        codes::load_or_create(&dir.path().join("vivo.json"), &live.groups()).unwrap(),
        &*live,
    );
    let key = host_key::load_or_create(dir.path()).unwrap();
    let mut config = ServeConfig::new(key, codes.codes.clone(), Lang::Es);
    config.listen = "127.0.0.1:0".parse().unwrap();
    let server = Server::bind(config).await.unwrap();
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let serving: Arc<dyn Live> = live.clone();
    let done = tokio::spawn(server.run(serving, async {
        let _ = stopped.await;
    }));

    let mut rapporteur = Person::join(addr, "grupo3", codes.get("grupo3").unwrap()).await;
    rapporteur.shows("Grupo 3 de 5").await;
    let mut facilitator =
        Person::join(addr, "facilitador", codes.get("facilitador").unwrap()).await;
    facilitator.shows("taller").await;
    // Its group's page, then a clock key it may not use: it is told why.
    rapporteur.keys(b" ").await;
    rapporteur.shows("Los relojes los lleva").await;
    // An input typed key by key (UTF-8 split across packets), a lone Esc to finish.
    rapporteur.keys(b"a").await;
    for chunk in [
        &b"Acci\xc3"[..],
        b"\xb3n com\xc3\xban",
        b" de la regi\xc3\xb3n",
    ] {
        rapporteur.keys(chunk).await;
    }
    rapporteur.keys(b"\x1b").await;
    rapporteur.shows("Acción común de la región").await;
    // The facilitator goes to group 3 and finds it there.
    facilitator.keys(b"2").await;
    facilitator.keys(b"\x1b[C").await;
    facilitator.keys(b"\x1b[C").await;
    facilitator.shows("Acción común de la región").await;

    let _ = stop.send(());
    tokio::time::timeout(LIMIT, done).await.unwrap().unwrap();
}

/// A served session on loopback, and its codes.
async fn serving(
    dir: &std::path::Path,
) -> (
    SocketAddr,
    Known,
    taller::session::SharedHost,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let session = Session::new(
        "en vivo",
        Workshop::default_for(Lang::Es).unwrap(),
        Timestamp::UNIX_EPOCH,
    );
    let host = Host::new(
        dir.join("vivo.json"),
        session,
        None,
        Box::new(Recorder::default()),
        Timestamp::now(),
    )
    .shared();
    let live = Arc::new(Served {
        host: host.clone(),
        tz: TimeZone::UTC,
        web: None,
    });
    let codes = Known::of(
        codes::load_or_create(&dir.join("vivo.json"), &live.groups()).unwrap(),
        &*live,
    );
    let key = host_key::load_or_create(dir).unwrap();
    let mut config = ServeConfig::new(key, codes.codes.clone(), Lang::Es);
    config.listen = "127.0.0.1:0".parse().unwrap();
    let server = Server::bind(config).await.unwrap();
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let serving: Arc<dyn Live> = live;
    let done = tokio::spawn(server.run(serving, async {
        let _ = stopped.await;
    }));
    (addr, codes, host, stop, done)
}

fn texts(host: &taller::session::SharedHost) -> Vec<String> {
    let host = host.lock().unwrap();
    host.session()
        .groups
        .iter()
        .flat_map(|g| g.inputs.iter().map(|i| i.text.clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_rapporteurs_type_at_once_and_the_facilitator_sees_every_word() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, codes, host, stop, done) = serving(dir.path()).await;
    let mut facilitator =
        Person::join(addr, "facilitador", codes.get("facilitador").unwrap()).await;
    facilitator.shows("Plenaria de apertura").await;
    let mut room = Person::join(addr, "sala", codes.get("sala").unwrap()).await;
    room.shows("Antecedentes regionales").await;
    let typing = (1..=5).map(|n| {
        let code = codes.get(&format!("grupo{n}")).unwrap().to_string();
        tokio::spawn(async move {
            let mut rapporteur = Person::join(addr, &format!("grupo{n}"), &code).await;
            rapporteur.shows(&format!("Grupo {n} de 5")).await;
            rapporteur.keys(b"a").await;
            let text = format!("Acción regional del grupo {n}: información compartida, año 2026");
            // Typed in small packets, as a person types.
            for chunk in text.as_bytes().chunks(7) {
                rapporteur.keys(chunk).await;
            }
            rapporteur.keys(b"\x1b").await;
            rapporteur.shows(&text).await;
            rapporteur
        })
    });
    let mut rapporteurs = Vec::new();
    for typed in typing {
        rapporteurs.push(typed.await.unwrap());
    }
    // The facilitator reads every group's page: every word is there.
    facilitator.keys(b"2").await;
    for n in 1..=5 {
        facilitator
            .shows(&format!(
                "Acción regional del grupo {n}: información compartida"
            ))
            .await;
        facilitator.keys(b"\x1b[C").await;
    }
    // The room screen followed the facilitator into the breakouts; its
    // keys change nothing.
    room.shows("Eje 5").await;
    room.keys(b"aNo debe entrar\x1b").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let all = texts(&host);
    assert_eq!(all.len(), 5, "{all:?}");
    assert!(!all.iter().any(|t| t.contains("No debe entrar")));
    drop(rapporteurs);
    let _ = stop.send(());
    tokio::time::timeout(LIMIT, done).await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rapporteur_cut_off_mid_edit_finds_the_text_on_reconnecting() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, codes, host, stop, done) = serving(dir.path()).await;
    let code = codes.get("grupo2").unwrap().to_string();
    let mut rapporteur = Person::join(addr, "grupo2", &code).await;
    rapporteur.shows("Grupo 2 de 5").await;
    rapporteur
        .keys("aBorrador a medias de la relatoría".as_bytes())
        .await;
    rapporteur.shows("Borrador a medias").await;
    // The laptop's network drops: the connection is gone, no Esc, no q.
    drop(rapporteur);
    let deadline = std::time::Instant::now() + LIMIT;
    while !texts(&host)
        .iter()
        .any(|t| t == "Borrador a medias de la relatoría")
    {
        assert!(std::time::Instant::now() < deadline, "{:?}", texts(&host));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut again = Person::join(addr, "grupo2", &code).await;
    again.shows("Borrador a medias de la relatoría").await;
    let _ = stop.send(());
    tokio::time::timeout(LIMIT, done).await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn room_screens_share_a_drawing_and_a_key_on_one_stays_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, codes, _host, stop, done) = serving(dir.path()).await;
    let mut facilitator =
        Person::join(addr, "facilitador", codes.get("facilitador").unwrap()).await;
    facilitator.shows("Plenaria de apertura").await;
    let code = codes.get("sala").unwrap().to_string();
    let mut first = Person::join(addr, "sala", &code).await;
    let mut second = Person::join(addr, "sala", &code).await;
    first.shows("Antecedentes regionales").await;
    second.shows("Antecedentes regionales").await;
    // F1 on the first room screen: its help is its own.
    first.keys(b"\x1bOP").await;
    let help = "Cualquier tecla cierra esta ayuda";
    first.shows(help).await;
    // Both follow the facilitator into the breakouts.
    facilitator.keys(b"2").await;
    first.shows("Eje 5").await;
    second.shows("Eje 5").await;
    first.shows(help).await;
    assert!(!second.screen.screen().contents().contains(help));
    // The help goes with the next key; then both show the same, cell
    // by cell, and go on showing it as the facilitator moves on.
    first.keys(b"\x1b").await;
    facilitator.keys(b"1").await;
    first.shows("Antecedentes regionales").await;
    second.shows("Antecedentes regionales").await;
    let deadline = std::time::Instant::now() + LIMIT;
    loop {
        if looks(first.screen.screen()) == looks(second.screen.screen()) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the two room screens differ"
        );
        for person in [&mut first, &mut second] {
            if let Ok(Some(ChannelMsg::Data { data })) =
                tokio::time::timeout(Duration::from_millis(100), person.channel.wait()).await
            {
                person.screen.process(&data);
            }
        }
    }
    let _ = stop.send(());
    tokio::time::timeout(LIMIT, done).await.unwrap().unwrap();
}

/// A served session as `taller serve` runs it: its codes follow the codes
/// file and the groups, and the facilitator's join screen (`U`) reads them.
struct Day {
    addr: SocketAddr,
    host: taller::session::SharedHost,
    live: Arc<Served>,
    path: std::path::PathBuf,
    join: taller::app::JoinInfo,
    facilitator: taller::session::PersonId,
    stop: oneshot::Sender<()>,
    done: tokio::task::JoinHandle<()>,
    keeper: tokio::task::JoinHandle<()>,
}

async fn serving_day(dir: &std::path::Path) -> Day {
    let path = dir.join("dia.json");
    let session = Session::new(
        "día",
        Workshop::default_for(Lang::Es).unwrap(),
        Timestamp::UNIX_EPOCH,
    );
    let host = Host::new(
        path.clone(),
        session,
        None,
        Box::new(Recorder::default()),
        Timestamp::now(),
    )
    .shared();
    let facilitator = host.lock().unwrap().join();
    let live = Arc::new(Served {
        host: host.clone(),
        tz: TimeZone::UTC,
        web: None,
    });
    let codes = codes::load_or_create(&path, &live.groups()).unwrap();
    let key = host_key::load_or_create(dir).unwrap();
    let mut config = ServeConfig::new(key, codes, Lang::Es);
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.follow(path.clone());
    let book = Arc::clone(&config.codes);
    let present = Arc::clone(&config.present);
    let keeper = tokio::spawn(serve::keep_codes(
        host.clone(),
        live.clone(),
        Arc::clone(&book),
        |_| {},
    ));
    let server = Server::bind(config).await.unwrap();
    let addr = server.local_addr().unwrap();
    let join = taller::app::JoinInfo {
        fingerprint: "SHA256:prueba".into(),
        addresses: vec!["127.0.0.1".into()],
        port: addr.port(),
        roles: serve::role_cards(book),
        connections: serve::connections(present),
        web: None,
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let serving: Arc<dyn Live> = live.clone();
    let done = tokio::spawn(server.run(serving, async {
        let _ = stopped.await;
    }));
    Day {
        addr,
        host,
        live,
        path,
        join,
        facilitator,
        stop,
        done,
        keeper,
    }
}

impl Day {
    /// The facilitator changes the groups.
    fn edit(&self, edit: AgendaEdit) {
        self.host
            .lock()
            .unwrap()
            .submit(
                self.facilitator,
                &Role::Facilitator,
                Command::Agenda(edit),
                Timestamp::now(),
            )
            .unwrap();
    }

    fn undo(&self) {
        self.host
            .lock()
            .unwrap()
            .undo(self.facilitator, &Role::Facilitator, Timestamp::now())
            .unwrap();
    }

    fn axes(&self) -> Vec<String> {
        self.live
            .groups()
            .into_iter()
            .map(|(axis, _, _)| axis)
            .collect()
    }

    /// The facilitator's join screen (`U`), as drawn on their terminal.
    fn join_screen(&self) -> String {
        let context = Context {
            lang: Lang::Es,
            tz: TimeZone::UTC,
            now: Timestamp::now(),
            no_color: true,
            muted: true,
            writer: None,
        };
        let mut model = Model::joined(context, self.host.clone(), Role::Facilitator);
        model.join = Some(self.join.clone());
        model.overlay = Some(Overlay::Join);
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
        terminal
            .draw(|frame| taller::ui::view(&model, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let width = usize::from(buffer.area.width);
        buffer
            .content()
            .chunks(width)
            .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The code the join screen shows for `user` (`grupo2`), once it shows
    /// what `ready` says it should (the codes follow the groups a moment
    /// after they change).
    async fn shown_code(&self, user: &str, ready: impl Fn(&str) -> bool) -> Option<String> {
        let deadline = std::time::Instant::now() + LIMIT;
        let screen = loop {
            let screen = self.join_screen();
            if ready(&screen) {
                break screen;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the join screen never got there:\n{screen}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let command = format!(" {user}@127.0.0.1 ");
        let line = screen.lines().find(|line| line.contains(&command))?;
        let after = line.split("código ").nth(1)?;
        Some(after.chars().take(9).collect())
    }

    async fn refused(&self, user: &str, code: &str) -> bool {
        let mut handle = ssh_client::connect(self.addr, client::Config::default()).await;
        let (_, taken) = ssh_client::sign_in(&mut handle, user, code).await;
        !taken
    }

    async fn end(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(LIMIT, self.done)
            .await
            .unwrap()
            .unwrap();
        self.keeper.abort();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_groups_code_stops_at_once_and_its_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let day = serving_day(dir.path()).await;
    let axes = day.axes();
    let (second, third) = (axes[1].clone(), axes[2].clone());
    let old_second = day.shown_code("grupo2", |_| true).await.unwrap();
    let old_third = day.shown_code("grupo3", |_| true).await.unwrap();

    day.edit(AgendaEdit::RemoveGroup {
        axis: second.clone(),
        inputs_to: None,
    });
    let gone = format!("también: {second}");
    let now_second = day
        .shown_code("grupo2", |screen| !screen.contains(&gone))
        .await
        .unwrap();
    // The card "grupo2 CODE" of the removed group opens nothing now: not
    // the group now second, not the removed one by its name.
    assert!(day.refused("grupo2", &old_second).await);
    assert!(day.refused(&second, &old_second).await);
    // `grupo2` is the group now second, with its own code (the one it had
    // as third); its old card names a place no group has the code of.
    assert_eq!(now_second, old_third);
    assert!(day.refused("grupo3", &old_third).await);
    let mut rapporteur = Person::join(day.addr, "grupo2", &now_second).await;
    rapporteur.shows("Grupo 2 de 4").await;
    let title = day.live.groups()[1].2.clone();
    assert_eq!(day.live.groups()[1].0, third);
    rapporteur.shows(&title).await;
    drop(rapporteur);

    // Undone: the group is back at its place, with the same code.
    day.undo();
    let back = format!("también: {second}");
    let again = day
        .shown_code("grupo2", |screen| screen.contains(&back))
        .await
        .unwrap();
    assert_eq!(again, old_second);
    let mut rapporteur = Person::join(day.addr, "grupo2", &old_second).await;
    rapporteur.shows("Grupo 2 de 5").await;
    drop(rapporteur);
    day.end().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_added_while_serving_is_joined_with_the_code_its_join_screen_shows() {
    let dir = tempfile::tempdir().unwrap();
    let day = serving_day(dir.path()).await;
    let axis = {
        let host = day.host.lock().unwrap();
        new_axis(host.session(), "Protección de datos")
    };
    let id = axis.id.clone();
    day.edit(AgendaEdit::AddGroup {
        axis: Box::new(axis),
    });
    let code = day
        .shown_code("grupo6", |screen| screen.contains(" grupo6@"))
        .await
        .expect("the new group on the join screen");
    let mut rapporteur = Person::join(day.addr, "grupo6", &code).await;
    rapporteur.shows("Grupo 6 de 6").await;
    rapporteur.shows("Protección de datos").await;
    drop(rapporteur);
    // Its axis's name joins it too, and the code is kept for the next day.
    assert!(!day.refused(&id, &code).await);
    let kept = codes::load_or_create(&day.path, &day.live.groups()).unwrap();
    assert_eq!(
        kept.for_user("grupo6", &day.live.groups()),
        Some(code.as_str())
    );
    day.end().await;
}

/// What a person sees on each cell, and whether the cursor shows. A block
/// `█` and a space in reverse video of the same colour look the same: the
/// encoder sends whichever is fewer bytes, so two screens that got the
/// same frame by different ways may hold either.
fn looks(screen: &vt100::Screen) -> (Vec<String>, bool) {
    let (rows, cols) = screen.size();
    let mut cells = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            let (fg, bg) = if cell.inverse() {
                (cell.bgcolor(), cell.fgcolor())
            } else {
                (cell.fgcolor(), cell.bgcolor())
            };
            let solid = match cell.contents() {
                "█" => Some(fg),
                "" | " " => Some(bg),
                _ => None,
            };
            cells.push(match solid {
                Some(color) if !cell.underline() && !cell.italic() => {
                    let brightened = cell.bold() && matches!(color, vt100::Color::Idx(n) if n < 8);
                    format!("solid {color:?} {brightened}")
                }
                _ => format!(
                    "{:?} {fg:?} {bg:?} {} {} {}",
                    cell.contents(),
                    cell.bold(),
                    cell.italic(),
                    cell.underline()
                ),
            });
        }
    }
    (cells, screen.hide_cursor())
}
