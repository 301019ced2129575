//! The floor under the ballot server's figures (`BENCH_BARE=1`): a bare
//! HTTP server on the same kind of listener, on the same two cores, against
//! the same client. It answers a card's first ballot 201 and any other 409
//! (a set of tokens behind a lock), holds `/events` open after one event,
//! and does nothing else: no session, no host, no save, no phone told of
//! the count, no limits per address. What a flood of new connections costs
//! any server on this machine, whatever it does with a ballot.

use std::collections::HashSet;
use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, Sse};
use axum::routing::{get, post};
use futures_util::StreamExt;
use uuid::Uuid;

/// The cards that voted in the open poll.
type Voted = Arc<Mutex<HashSet<String>>>;

/// Serves until standard input closes; each line read opens a fresh poll
/// (nobody voted), its id printed, as the real server's `serve` does.
pub fn serve(cards: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_reuseaddr(true).unwrap();
        socket.bind(SocketAddr::from(([127, 0, 0, 1], 0))).unwrap();
        // The real server's backlog (`shell/web/server.rs`).
        let listener = socket.listen(1024).unwrap();
        let addr = listener.local_addr().unwrap();
        let voted: Voted = Arc::default();
        let router = Router::new()
            .route("/api/ballot", post(ballot))
            .route("/api/poll", get(poll))
            .route("/events", get(events))
            .with_state(Arc::clone(&voted));
        let mut poll_id = 1u128;
        let said = serde_json::json!({
            "addr": addr.to_string(),
            "poll": Uuid::from_u128(poll_id),
            "inputs": (1..=3).map(|n| Uuid::from_u128(1000 + n)).collect::<Vec<_>>(),
            "tokens": (0..cards).map(|n| format!("CARD{n:06}")).collect::<Vec<_>>(),
        });
        println!("{said}");
        std::io::stdout().flush().unwrap();
        let mut asking = crate::polls_asked();
        let served = tokio::spawn(async move { axum::serve(listener, router).await });
        while asking.recv().await.is_some() {
            voted.lock().unwrap().clear();
            poll_id += 1;
            println!("{}", Uuid::from_u128(poll_id));
            std::io::stdout().flush().unwrap();
        }
        served.abort();
    });
}

async fn ballot(State(voted): State<Voted>, body: String) -> (StatusCode, &'static str) {
    let Ok(ballot) = serde_json::from_str::<serde_json::Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "{\"refused\":\"invalid\"}");
    };
    let Some(token) = ballot["token"].as_str() else {
        return (StatusCode::BAD_REQUEST, "{\"refused\":\"invalid\"}");
    };
    if voted.lock().unwrap().insert(token.to_string()) {
        (StatusCode::CREATED, "{\"recorded\":true}")
    } else {
        (StatusCode::CONFLICT, "{\"refused\":\"already_voted\"}")
    }
}

async fn poll(State(voted): State<Voted>) -> axum::Json<serde_json::Value> {
    let cast = voted.lock().unwrap().len();
    axum::Json(serde_json::json!({ "cast": cast }))
}

async fn events() -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let first = Event::default().event("view").data("{}");
    Sse::new(
        futures_util::stream::once(async move { Ok(first) }).chain(futures_util::stream::pending()),
    )
}
