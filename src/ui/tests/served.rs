//! The served session's overlays (issue 20, items 11–13): the projected
//! join screen without the facilitator's code, that code shown apart on
//! purpose, who is connected (and closing one, after a question), and
//! `w` read whole at 80×24, or, over ssh, how to get a copy.

use std::sync::{Arc, Mutex};

use crossterm::event::KeyCode;
use jiff::Timestamp;

use super::{keys, now, screen, session_model};
use crate::app::{ConnectionCard, Connections, JoinInfo, Model, RoleCard, RoleCards};
use crate::i18n::Lang;

const FACILITATOR_CODE: &str = "zafiro-ocho-42";

fn card(user: &str, code: &str, axis: Option<&str>, facilitator: bool) -> RoleCard {
    RoleCard {
        user: user.into(),
        code: code.into(),
        axis: axis.map(Into::into),
        facilitator,
    }
}

/// A served session's facilitator screen, with two people connected.
fn served(open: Arc<Mutex<Vec<ConnectionCard>>>) -> Model {
    let mut model = session_model(Lang::Es);
    let since: Timestamp = "2018-02-20T16:05:09Z".parse().unwrap();
    {
        let mut list = open.lock().unwrap();
        list.push(ConnectionCard {
            id: 7,
            user: "grupo3".into(),
            address: "192.168.1.23".into(),
            since,
            cols: 80,
            rows: 24,
        });
        list.push(ConnectionCard {
            id: 9,
            user: "lectura".into(),
            address: "192.168.1.99".into(),
            since,
            cols: 240,
            rows: 80,
        });
    }
    let closing = Arc::clone(&open);
    model.join = Some(JoinInfo {
        fingerprint: "SHA256:prueba".into(),
        addresses: vec!["192.168.1.20".into()],
        port: 2222,
        roles: RoleCards::new(|_| {
            (
                vec![
                    card("facilitador", FACILITATOR_CODE, None, true),
                    card("grupo1", "rio-azul-11", Some("inteligencia"), false),
                    card("grupo2", "sol-rojo-22", Some("operaciones"), false),
                    card("sala", "mar-gris-33", None, false),
                    card("lectura", "luz-verde-44", None, false),
                ],
                None,
            )
        }),
        connections: Connections::new(
            move || open.lock().unwrap().clone(),
            move |id| {
                let mut list = closing.lock().unwrap();
                let before = list.len();
                list.retain(|c| c.id != id);
                list.len() < before
            },
        ),
        web: None,
    });
    model
}

#[test]
fn the_projected_join_screen_has_no_facilitator_code() {
    let mut model = served(Arc::default());
    keys(&mut model, &[KeyCode::Char('U')]);
    for (width, height) in [(80, 24), (160, 45)] {
        let shown = screen(&model, width, height);
        assert!(!shown.contains(FACILITATOR_CODE), "{shown}");
        assert!(!shown.contains("facilitador@"), "{shown}");
        assert!(shown.contains("sala@192.168.1.20"), "{shown}");
        assert!(shown.contains("luz-verde-44"), "{shown}");
    }
    insta::assert_snapshot!("join_without_facilitator_80x24", screen(&model, 80, 24));
    insta::assert_snapshot!("join_without_facilitator_160x45", screen(&model, 160, 45));
    // `F` shows it, apart and on purpose; any key hides it again.
    keys(&mut model, &[KeyCode::Char('F')]);
    let shown = screen(&model, 80, 24);
    assert!(shown.contains(FACILITATOR_CODE), "{shown}");
    assert!(shown.contains("no lo deje proyectado"), "{shown}");
    insta::assert_snapshot!("facilitator_code_80x24", shown);
    keys(&mut model, &[KeyCode::Char(' ')]);
    assert!(!screen(&model, 80, 24).contains(FACILITATOR_CODE));
}

#[test]
fn the_facilitator_sees_who_is_connected_and_closes_one_after_asking() {
    let open = Arc::new(Mutex::new(Vec::new()));
    let mut model = served(Arc::clone(&open));
    keys(&mut model, &[KeyCode::Char('U'), KeyCode::Char('C')]);
    let shown = screen(&model, 80, 24);
    for seen in ["grupo3", "192.168.1.23", "16:05:09", "80×24", "240×80"] {
        assert!(shown.contains(seen), "{seen}: {shown}");
    }
    insta::assert_snapshot!("connections_80x24", shown);
    insta::assert_snapshot!("connections_160x45", screen(&model, 160, 45));
    // The second one, `x`: it asks first; `n` keeps it.
    keys(&mut model, &[KeyCode::Down, KeyCode::Char('x')]);
    assert!(screen(&model, 80, 24).contains("¿Cerrar la conexión de lectura (192.168.1.99)?"));
    keys(&mut model, &[KeyCode::Char('n')]);
    assert_eq!(open.lock().unwrap().len(), 2);
    keys(&mut model, &[KeyCode::Char('x'), KeyCode::Char('s')]);
    let left: Vec<u64> = open.lock().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(left, vec![7]);
    assert!(screen(&model, 80, 24).contains("Conexión de lectura (192.168.1.99) cerrada"));
}

/// The question names one person: if someone listed above them leaves
/// before the answer, the answer closes that person still, nobody else; if
/// they left themselves, it closes nobody and says so.
#[test]
fn closing_after_someone_left_closes_the_one_asked_about() {
    let open = Arc::new(Mutex::new(Vec::new()));
    let mut model = served(Arc::clone(&open));
    let third = ConnectionCard {
        id: 11,
        user: "facilitador".into(),
        address: "192.168.1.20".into(),
        ..open.lock().unwrap()[0].clone()
    };
    open.lock().unwrap().push(third);
    keys(&mut model, &[KeyCode::Char('U'), KeyCode::Char('C')]);
    keys(&mut model, &[KeyCode::Down, KeyCode::Char('x')]);
    assert!(screen(&model, 80, 24).contains("¿Cerrar la conexión de lectura (192.168.1.99)?"));
    // grupo3, listed first, leaves by itself while the question is up.
    open.lock().unwrap().retain(|c| c.id != 7);
    assert!(screen(&model, 80, 24).contains("¿Cerrar la conexión de lectura (192.168.1.99)?"));
    keys(&mut model, &[KeyCode::Char('s')]);
    let left: Vec<u64> = open.lock().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(left, vec![11], "lectura was the one asked about");
    open.lock().unwrap().clear();
    // Asked about someone who then leaves: the answer closes nobody.
    let mut model = served(Arc::clone(&open));
    keys(
        &mut model,
        &[KeyCode::Char('U'), KeyCode::Char('C'), KeyCode::Char('x')],
    );
    open.lock().unwrap().retain(|c| c.id != 7);
    assert!(screen(&model, 80, 24).contains("ya se había cerrado"));
    keys(&mut model, &[KeyCode::Char('s')]);
    let left: Vec<u64> = open.lock().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(left, vec![9]);
    assert!(screen(&model, 80, 24).contains("no se cerró ninguna otra"));
}

#[test]
fn w_shows_the_whole_folder_at_80x24_and_over_ssh_how_to_get_a_copy() {
    let mut model = session_model(Lang::Es);
    if let crate::app::Page::Workshop(open) = &mut model.page {
        open.path =
            "/home/facilitacion/.local/share/taller/sessions/ejemplo-taller-ctim.json".into();
    }
    keys(&mut model, &[KeyCode::Char('w')]);
    let shown = screen(&model, 80, 24);
    assert!(
        shown.contains("/home/facilitacion/.local/share/taller/sessions"),
        "{shown}"
    );
    insta::assert_snapshot!("where_file_80x24", shown);
    // The same key on a screen joined over ssh: no folder of this machine.
    keys(&mut model, &[KeyCode::Esc]);
    model.remote = true;
    keys(&mut model, &[KeyCode::Char('w')]);
    let shown = screen(&model, 80, 24);
    assert!(!shown.contains("/home/facilitacion"), "{shown}");
    assert!(shown.contains("json > copia.json"), "{shown}");
    insta::assert_snapshot!("where_file_remote_80x24", shown);
    let _ = now();
}
