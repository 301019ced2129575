//! `GET /api/poll` and `POST /api/ballot`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use super::ballot::{self, BallotBody};
use super::shared::{BALLOT_LIMIT, PageShared};
use super::view::PublicView;
use crate::session::{Command, Role, lock};

/// A ballot's body must arrive within this: a phone sends a few hundred
/// bytes at once; a body dribbled in holds no connection longer.
const BODY_WITHIN: Duration = Duration::from_secs(10);

/// The open poll as JSON, or 204 when none is open. Read from the host, not
/// from the events' last view: that one may wait out the publisher's gap,
/// and a phone that was just told "recorded" must count its own ballot.
pub async fn poll(State(shared): State<Arc<PageShared>>) -> Response {
    let snapshot = lock(&shared.host).snapshot();
    match PublicView::of(&snapshot.session, &snapshot.stage).poll {
        Some(poll) => Json(poll).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    }
}

/// A card's ballot: read (16 KB at most), its token checked (wrong ones
/// back off per address), then checked and recorded in one command on the
/// host, under its lock: no race counts a card twice.
pub async fn ballot(
    State(shared): State<Arc<PageShared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    // Said too big at once, not after waiting for what will not come.
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > BALLOT_LIMIT as u64) {
        return said(StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    }
    let body = match tokio::time::timeout(BODY_WITHIN, Bytes::from_request(request, &())).await {
        Err(_) => return said(StatusCode::REQUEST_TIMEOUT, "too_slow"),
        Ok(Err(rejection)) => {
            let status = rejection.status();
            return said(
                status,
                if status == StatusCode::PAYLOAD_TOO_LARGE {
                    "too_large"
                } else {
                    "malformed"
                },
            );
        }
        Ok(Ok(body)) => body,
    };
    let Ok(body) = serde_json::from_slice::<BallotBody>(&body) else {
        return said(StatusCode::BAD_REQUEST, "malformed");
    };
    let address = peer.ip();
    let wait = shared.backoff.waiting(address, Instant::now());
    if !wait.is_zero() {
        return wait_for(wait);
    }
    let (token, poll) = (body.token.clone(), body.poll);
    let Some(answer) = body.answer() else {
        return said(StatusCode::BAD_REQUEST, "malformed");
    };
    let Some(card) = shared.cards.card_of(&token) else {
        // Each wrong token takes the address's next turn: after a few, the
        // next one waits longer and longer.
        let _ = shared.backoff.take_turn(address, Instant::now());
        return said(StatusCode::UNAUTHORIZED, "unknown_token");
    };
    let command = Command::Ballot { poll, card, answer };
    let result = lock(&shared.host).submit(shared.person, &Role::Ballot, command, Timestamp::now());
    match result {
        Ok(_) => said(StatusCode::CREATED, "recorded"),
        Err(why) => {
            let (status, word) = ballot::refused(&why);
            said(status, word)
        }
    }
}

/// An answer the page reads: its status and one word.
fn said(status: StatusCode, word: &'static str) -> Response {
    let key = if status.is_success() {
        "result"
    } else {
        "error"
    };
    (status, Json(serde_json::json!({ key: word }))).into_response()
}

/// Too many wrong tokens from this address: how long until the next is
/// checked.
fn wait_for(wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let mut response = said(StatusCode::TOO_MANY_REQUESTS, "wait");
    if let Ok(value) = seconds.to_string().parse() {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
