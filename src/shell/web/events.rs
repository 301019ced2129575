//! `GET /events`: the public view as server-sent events. A stream sends the
//! view when it connects and each time it changes, named by what changed,
//! and a comment at each of the publisher's keep-alive beats; it holds no
//! timer of its own and does no work in between.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::extract::State;
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use tokio::sync::watch;

use super::publisher::Beat;
use super::shared::PageShared;
use super::socket::Socket;
use super::view::PublicView;

/// How long a browser waits before it connects again after the stream drops.
const RECONNECT_AFTER: Duration = Duration::from_secs(3);

pub async fn events(
    State(shared): State<Arc<PageShared>>,
    Extension(socket): Extension<Socket>,
) -> Response {
    // This connection stays open: the system is to drop it if the phone goes.
    let _ = socket.drop_when_gone();
    let follower = shared.beats.follow();
    let mut response = Sse::new(stream(follower)).into_response();
    // A proxy must not hold the events back to fill a buffer.
    response.headers_mut().insert(
        "x-accel-buffering",
        axum::http::HeaderValue::from_static("no"),
    );
    response
}

/// One phone's stream: what it last sent, and the beats it follows.
struct Follow {
    beats: watch::Receiver<Beat>,
    sent: Option<Arc<PublicView>>,
}

fn stream(beats: watch::Receiver<Beat>) -> impl Stream<Item = Result<Event, Infallible>> {
    futures_util::stream::unfold(Follow { beats, sent: None }, |mut follow| async move {
        // The publisher gone (the server stops): the stream ends.
        follow.beats.changed().await.ok()?;
        let beat = follow.beats.borrow_and_update().clone();
        let event = match &follow.sent {
            Some(sent) if Arc::ptr_eq(sent, &beat.view) || **sent == *beat.view => {
                Event::default().comment("")
            }
            sent => {
                let name = what_changed(sent.as_deref(), &beat.view);
                let event = Event::default().event(name).data(&*beat.json);
                if sent.is_none() {
                    event.retry(RECONNECT_AFTER)
                } else {
                    event
                }
            }
        };
        follow.sent = Some(beat.view);
        Some((Ok(event), follow))
    })
}

/// The event's name: what the phone is told changed since it last heard.
pub fn what_changed(before: Option<&PublicView>, now: &PublicView) -> &'static str {
    let Some(before) = before else {
        return "view";
    };
    let poll_id = |view: &PublicView| view.poll.as_ref().map(|p| p.id);
    if poll_id(before) != poll_id(now) {
        return if now.poll.is_some() {
            "poll_opened"
        } else {
            "poll_closed"
        };
    }
    let count = |view: &PublicView| view.poll.as_ref().map(|p| (p.cast, p.entitled));
    if count(before) != count(now) {
        return "count_changed";
    }
    if before.presenting != now.presenting {
        return "presenting_changed";
    }
    "view"
}
