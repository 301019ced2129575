//! The routes, and what every answer carries.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::shared::{BALLOT_LIMIT, PageShared};
use super::{api, events, page};

pub fn router(shared: Arc<PageShared>) -> Router {
    Router::new()
        .route("/", get(page::page))
        .route("/v/{token}", get(page::page))
        .route("/api/poll", get(api::poll))
        .route("/api/ballot", post(api::ballot))
        .route("/events", get(events::events))
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(DefaultBodyLimit::max(BALLOT_LIMIT))
        .layer(axum::middleware::map_response(secured))
        .with_state(shared)
}

/// Anything else: nothing is there, whatever the method.
async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// Every answer: never sniffed as another type, never framed, no referrer
/// (the card's token is in the page's address), never cached (it is live),
/// and, unless it is the page, a policy that lets it load nothing.
async fn secured(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    // No cookie is ever set; none slips in either.
    headers.remove(header::SET_COOKIE);
    response
}
