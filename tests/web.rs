//! The ballot page's HTTP contract (issue 23), over real sockets on
//! 127.0.0.1: every status code, the events, the back-off and the limits,
//! and a thousand malformed requests that change nothing and leak nothing.

#[path = "support/ballot_room.rs"]
mod ballot_room;
#[path = "support/http_client.rs"]
mod http_client;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use ballot_room::{NOT_IN_ANY_POLL, Room};
use http_client::{Events, get, post, post_from, send_raw, send_raw_from};
use jiff::Timestamp;
use taller::model::poll::PollKind;
use taller::session::{Answer, Choice, Command, PollEdit, Role, lock};
use uuid::Uuid;

fn points(room: &Room, token: &str, poll: Uuid, given: &[(usize, u32)]) -> String {
    let given: serde_json::Map<String, serde_json::Value> = given
        .iter()
        .map(|(i, n)| (room.inputs[*i].to_string(), (*n).into()))
        .collect();
    serde_json::json!({ "token": token, "poll": poll, "points": given }).to_string()
}

fn assert_secured(answer: &http_client::Answer) {
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
    assert!(answer.header("content-security-policy").is_some());
    assert!(answer.header("set-cookie").is_none(), "no cookie, ever");
}

#[tokio::test]
async fn every_status_code_of_the_contract() {
    let room = Room::start(Room::delegations(), |_| {}).await;
    let at = room.addr;

    let page = get(at, "/").await;
    assert_eq!(page.status, 200);
    assert_secured(&page);
    assert!(page.body.contains("<script>"), "the page itself");
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"));
    let card_page = get(at, &format!("/v/{}", room.token_of("Brasil"))).await;
    assert_eq!(card_page.status, 200);
    assert_eq!(
        card_page.body, page.body,
        "the same page: it reads its path"
    );

    let none = get(at, "/api/poll").await;
    assert_eq!(none.status, 204, "no poll open");
    assert_secured(&none);

    let poll = room.open_poll(PollKind::points(), room.inputs.clone(), &["Costa Rica"]);
    let open = get(at, "/api/poll").await;
    assert_eq!(open.status, 200);
    let json = open.json();
    assert_eq!(json["id"], poll.to_string());
    assert_eq!(json["kind"], "points");
    assert_eq!(
        (json["points"].as_u64(), json["max_per_input"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(json["inputs"][0]["number"], "1.1");
    assert_eq!(json["inputs"][2]["number"], "2.1");
    assert_eq!(
        json["inputs"][0]["text"],
        "Mesa regional de datos migratorios"
    );
    assert_eq!(
        (json["cast"].as_u64(), json["entitled"].as_u64()),
        (Some(0), Some(4))
    );
    assert_eq!(json["open"], true);

    let guatemala = room.token_of("Guatemala");
    let recorded = post(
        at,
        "/api/ballot",
        &points(&room, &guatemala, poll, &[(0, 3), (2, 2)]),
    )
    .await;
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    assert_secured(&recorded);
    assert_eq!(get(at, "/api/poll").await.json()["cast"], 1);
    // A token as people type it: lower case, no dash.
    let typed = guatemala.to_lowercase().replace('-', "");
    let again = post(at, "/api/ballot", &points(&room, &typed, poll, &[(1, 1)])).await;
    assert_eq!(
        (again.status, again.json()["error"].as_str()),
        (409, Some("already_voted"))
    );

    room.facilitate(Command::Poll(PollEdit::Paper {
        id: poll,
        card: "Honduras".into(),
    }));
    let paper = post(
        at,
        "/api/ballot",
        &points(&room, &room.token_of("Honduras"), poll, &[(0, 1)]),
    )
    .await;
    assert_eq!(
        (paper.status, paper.json()["error"].as_str()),
        (409, Some("on_paper"))
    );

    let salvador = room.token_of("El Salvador");
    for (given, why) in [
        (vec![(0, 3), (1, 3)], "more points than the card has"),
        (vec![(0, 4)], "over the cap on one input"),
        (vec![], "nothing voted"),
    ] {
        let bad = post(at, "/api/ballot", &points(&room, &salvador, poll, &given)).await;
        assert_eq!(bad.status, 400, "{why}: {}", bad.body);
    }
    let elsewhere = serde_json::json!({
        "token": salvador, "poll": poll, "points": { Uuid::new_v4().to_string(): 1 }
    });
    assert_eq!(
        post(at, "/api/ballot", &elsewhere.to_string()).await.status,
        400,
        "an input not in the poll"
    );
    let no_poll = points(&room, &salvador, Uuid::new_v4(), &[(0, 1)]);
    assert_eq!(
        post(at, "/api/ballot", &no_poll).await.status,
        400,
        "no such poll"
    );
    let wrong_kind = serde_json::json!({ "token": salvador, "poll": poll, "choice": "yes" });
    assert_eq!(
        post(at, "/api/ballot", &wrong_kind.to_string())
            .await
            .status,
        400
    );
    assert_eq!(post(at, "/api/ballot", "{not json").await.status, 400);

    let unknown = post(
        at,
        "/api/ballot",
        &points(&room, "ZZZZZ-ZZZZZ", poll, &[(0, 1)]),
    )
    .await;
    assert_eq!(unknown.status, 401);
    let not_entitled = points(&room, &room.token_of("Costa Rica"), poll, &[(0, 1)]);
    assert_eq!(
        post(at, "/api/ballot", &not_entitled).await.status,
        401,
        "made after the poll opened"
    );

    let reason = "x".repeat(17 * 1024);
    let huge = serde_json::json!({ "token": salvador, "poll": poll, "choice": reason });
    let too_big = post(at, "/api/ballot", &huge.to_string()).await;
    assert_eq!(too_big.status, 413);
    assert_secured(&too_big);

    let counted = post(
        at,
        "/api/ballot",
        &points(&room, &salvador, poll, &[(1, 2), (2, 3)]),
    )
    .await;
    assert_eq!(
        counted.status, 201,
        "the card's refused tries left it its ballot"
    );

    room.facilitate(Command::Poll(PollEdit::Close { id: poll }));
    assert_eq!(
        get(at, "/api/poll").await.status,
        204,
        "a closed poll is not served"
    );
    let late = post(
        at,
        "/api/ballot",
        &points(&room, &room.token_of("Brasil"), poll, &[(0, 1)]),
    )
    .await;
    assert_eq!(
        (late.status, late.json()["error"].as_str()),
        (410, Some("closed"))
    );

    for (method, path) in [
        ("GET", "/nada"),
        ("GET", "/api/"),
        ("GET", "/api/ballot"),
        ("POST", "/"),
        ("DELETE", "/api/poll"),
        ("GET", "/v/"),
        ("GET", "/v/A/B"),
        ("GET", "/../etc/passwd"),
        ("GET", "/plenaria.json"),
    ] {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        );
        let answer = send_raw(at, request.as_bytes()).await;
        assert!(
            matches!(answer.status, 404 | 400),
            "{method} {path}: {}",
            answer.status
        );
        if answer.status == 404 {
            assert_secured(&answer);
        }
    }
    let session = room.session();
    assert_eq!(session.polls[0].voted.len(), 2, "Guatemala and El Salvador");
    room.stop().await;
}

#[tokio::test]
async fn the_events_say_what_changed_and_end_with_the_server() {
    let room = Room::start(Room::delegations(), |_| {}).await;
    let mut events = Events::open(room.addr).await.unwrap();
    let within = Duration::from_secs(5);
    let first = events.next(within).await.expect("the view at once");
    assert_eq!(first.name, "view");
    assert!(first.data.contains("\"poll\":null"), "{}", first.data);

    room.present(Some(room.inputs[2]));
    let presenting = events.next(within).await.unwrap();
    assert_eq!(presenting.name, "presenting_changed");
    assert!(
        presenting
            .data
            .contains("Capacitación conjunta de fronteras")
    );
    assert!(presenting.data.contains("\"number\":\"2.1\""));

    let poll = room.open_poll(PollKind::YesNo, vec![room.inputs[1]], &[]);
    let opened = events.next(within).await.unwrap();
    assert_eq!(opened.name, "poll_opened");
    assert!(opened.data.contains(&poll.to_string()));

    let ballot =
        serde_json::json!({ "token": room.token_of("Brasil"), "poll": poll, "choice": "no" });
    assert_eq!(
        post(room.addr, "/api/ballot", &ballot.to_string())
            .await
            .status,
        201
    );
    let counted = events.next(within).await.unwrap();
    assert_eq!(counted.name, "count_changed");
    assert!(counted.data.contains("\"cast\":1"), "{}", counted.data);
    assert!(!counted.data.contains("Brasil"), "who voted is never sent");

    room.facilitate(Command::Poll(PollEdit::Close { id: poll }));
    let closed = events.next(within).await.unwrap();
    assert_eq!(closed.name, "poll_closed");
    assert!(closed.data.contains("\"poll\":null"));

    // A revision that changes nothing a phone sees (the same input presented) sends nothing.
    room.present(Some(room.inputs[2]));
    assert!(events.next(Duration::from_millis(300)).await.is_none());

    let started = Instant::now();
    room.stop().await;
    assert!(events.next(within).await.is_none(), "the stream ends");
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// Ballots arriving together are sent to the phones as one count now and
/// then, not one view per ballot; the newest count is never held back.
#[tokio::test]
async fn a_burst_of_ballots_reaches_every_phone_as_its_last_count() {
    let room = Room::start(Room::delegations(), |_| {}).await;
    let poll = room.open_poll(PollKind::YesNo, vec![room.inputs[1]], &[]);
    let mut events = Events::open(room.addr).await.unwrap();
    let within = Duration::from_secs(5);
    let first = events.next(within).await.expect("the view at once");
    assert!(first.data.contains("\"cast\":0"), "{}", first.data);
    // One ballot, sent to the phone at once; then the others back to back,
    // as the host takes ballots arriving together, within the gap after it.
    let cards = Room::delegations();
    let voter = lock(&room.host).join();
    let vote = |card: &String| {
        let ballot = Command::Ballot {
            poll,
            card: card.clone(),
            answer: Answer::Choice(Choice::Yes),
        };
        lock(&room.host)
            .submit(voter, &Role::Ballot, ballot, Timestamp::now())
            .expect("recorded");
    };
    vote(&cards[0]);
    let alone = events.next(within).await.expect("the first count");
    assert!(alone.data.contains("\"cast\":1"), "{}", alone.data);
    cards[1..].iter().for_each(vote);
    // Whatever the phone was sent in between, its last count is all of them.
    let want = format!("\"cast\":{}", cards.len());
    let mut counts = 0;
    loop {
        let event = events.next(within).await.expect("the last count comes");
        assert_eq!(event.name, "count_changed");
        counts += 1;
        if event.data.contains(&want) {
            break;
        }
    }
    assert!(counts <= cards.len());
    assert!(events.next(Duration::from_millis(300)).await.is_none());
    room.stop().await;
}

#[tokio::test]
async fn the_keep_alive_is_one_beat_for_every_stream() {
    let room = Room::start(Room::delegations(), |config| {
        config.keep_alive = Duration::from_millis(200);
    })
    .await;
    let mut a = Events::open(room.addr).await.unwrap();
    let mut b = Events::open(room.addr).await.unwrap();
    assert!(a.next(Duration::from_secs(5)).await.is_some());
    assert!(b.next(Duration::from_secs(5)).await.is_some());
    tokio::time::sleep(Duration::from_millis(700)).await;
    // No event, only the beat's comments.
    assert!(a.next(Duration::from_millis(50)).await.is_none());
    assert!(b.next(Duration::from_millis(50)).await.is_none());
    for events in [&a, &b] {
        // Three or so beats in 700 ms, one comment each, on each stream.
        let beats = events.pending().matches(": \n\n").count();
        assert!((2..=5).contains(&beats), "{:?}", events.pending());
    }
    room.stop().await;
}

#[tokio::test]
async fn wrong_tokens_back_off_per_address() {
    let room = Room::start(Room::delegations(), |config| {
        config.backoff_unit = Duration::from_millis(400);
    })
    .await;
    let poll = room.open_poll(PollKind::YesNo, vec![room.inputs[0]], &[]);
    let guess = |token: &str| {
        serde_json::json!({ "token": token, "poll": poll, "choice": "yes" }).to_string()
    };
    let here = IpAddr::from([127, 0, 0, 1]);
    let there = IpAddr::from([127, 0, 0, 2]);
    let mut statuses = Vec::new();
    for n in 0..6 {
        let answer = post_from(
            here,
            room.addr,
            "/api/ballot",
            &guess(&format!("AAAAA-AAAA{n}")),
        )
        .await;
        statuses.push(answer.status);
        if answer.status == 429 {
            let wait: u64 = answer.header("retry-after").unwrap().parse().unwrap();
            assert!((1..=30).contains(&wait), "{wait}");
        }
    }
    assert_eq!(&statuses[..4], &[401, 401, 401, 401], "{statuses:?}");
    assert_eq!(statuses[4], 429, "{statuses:?}");
    // While one address waits, even its right token waits; another does not.
    let right = guess(&room.token_of("Brasil"));
    assert_eq!(
        post_from(here, room.addr, "/api/ballot", &right)
            .await
            .status,
        429
    );
    assert_eq!(
        post_from(there, room.addr, "/api/ballot", &guess("BBBBB-BBBBB"))
            .await
            .status,
        401
    );
    assert_eq!(
        post_from(there, room.addr, "/api/ballot", &right)
            .await
            .status,
        201
    );
    // Its turn come, the address is heard again.
    tokio::time::sleep(Duration::from_millis(450)).await;
    let guatemala = guess(&room.token_of("Guatemala"));
    assert_eq!(
        post_from(here, room.addr, "/api/ballot", &guatemala)
            .await
            .status,
        201
    );
    room.stop().await;
}

#[tokio::test]
async fn connections_are_capped_per_address_and_a_silent_one_is_dropped() {
    let room = Room::start(Room::delegations(), |config| {
        config.limits.per_address = 3;
        config.limits.waiting_per_address = 3;
        config.head_within = Duration::from_millis(300);
    })
    .await;
    let here = IpAddr::from([127, 0, 0, 1]);
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(Events::open_from(here, room.addr).await.unwrap());
    }
    for events in &mut held {
        assert!(events.next(Duration::from_secs(5)).await.is_some());
    }
    let refused = send_raw_from(
        here,
        room.addr,
        b"GET /api/poll HTTP/1.1\r\nHost: x\r\n\r\n",
    )
    .await;
    assert_eq!(refused.status, 0, "closed unanswered");
    let other = send_raw_from(
        IpAddr::from([127, 0, 0, 3]),
        room.addr,
        b"GET /api/poll HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(other.status, 204, "another phone gets in");
    drop(held);

    // Half a request's head, then nothing: dropped once its time is up.
    let started = Instant::now();
    let slow = send_raw(room.addr, b"GET /api/poll HTTP/1.1\r\nHost:").await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(slow.status, 0 | 408), "{}", slow.status);
    room.stop().await;
}

/// Issue 23: "Malformed requests, 1,000 of them, change nothing and leak
/// nothing", in bounded time.
#[tokio::test]
async fn a_thousand_malformed_requests_change_nothing_and_leak_nothing() {
    let room = Room::start(Room::delegations(), |config| {
        config.head_within = Duration::from_millis(500);
    })
    .await;
    let poll = room.open_poll(PollKind::Consent, room.inputs[..2].to_vec(), &[]);
    let brasil = room.token_of("Brasil");
    let body = serde_json::json!({ "token": brasil, "poll": poll, "consent": { room.inputs[0].to_string(): "agree" } });
    assert_eq!(
        post(room.addr, "/api/ballot", &body.to_string())
            .await
            .status,
        201
    );
    let before = serde_json::to_string(&*room.session()).unwrap();
    let revision = taller::session::lock(&room.host).revision();

    let long = "A".repeat(70 * 1024);
    let shapes: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02\xff\xfe garbage\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        format!("GET /{long} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes(),
        format!("GET / HTTP/1.1\r\nX-Big: {long}\r\n\r\n").into_bytes(),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{\"a\":".to_vec(),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n".to_vec(),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n{}".to_vec(),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n".to_vec(),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n".to_vec(),
        with_body(format!("{{\"token\":\"{brasil}\",\"poll\":\"nope\"}}").as_bytes()),
        with_body(b"{\"token\":[],\"poll\":{},\"consent\":\"\xff\"}"),
        b"POST /api/ballot HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n[]".to_vec(),
        b"GET /events/../api/poll HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /%2e%2e/plenaria.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /api/poll HTTP/1.1\r\nHost: x\r\nCookie: session=1\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n".to_vec(),
        b"GET /v/%00%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
    ];
    let started = Instant::now();
    let mut answers = Vec::new();
    // From many loopback addresses, a few at once: the per-address caps
    // and the back-off are not what is tested here.
    for round in 0..50 {
        let batch = shapes.iter().enumerate().map(|(i, bytes)| {
            let from = IpAddr::from([127, 0, 1 + (round % 200) as u8, 1 + i as u8]);
            send_raw_from(from, room.addr, bytes)
        });
        answers.extend(futures_util::future::join_all(batch).await);
    }
    assert_eq!(answers.len(), 1000);
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "{:?}",
        started.elapsed()
    );

    for answer in &answers {
        assert!(
            answer.status == 0
                || (400..500).contains(&answer.status)
                || answer.status == 200
                || answer.status == 204,
            "{} {:?}",
            answer.status,
            String::from_utf8_lossy(&answer.raw[..answer.raw.len().min(200)])
        );
        let seen = String::from_utf8_lossy(&answer.raw);
        for secret in [
            brasil.as_str(),
            "Brasil",
            "Guatemala",
            NOT_IN_ANY_POLL,
            "plenaria.json",
            "\"ballots\"",
            "\"voted\"",
        ] {
            assert!(!seen.contains(secret), "{secret} leaked: {seen:.300}");
        }
        assert!(answer.header("set-cookie").is_none());
    }
    assert_eq!(
        serde_json::to_string(&*room.session()).unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(taller::session::lock(&room.host).revision(), revision);
    // The server still answers.
    assert_eq!(get(room.addr, "/api/poll").await.status, 200);
    room.stop().await;
}

/// A ballot's request around `body`, bytes as they are.
fn with_body(body: &[u8]) -> Vec<u8> {
    let head = format!(
        "POST /api/ballot HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    [head.as_bytes(), body].concat()
}
