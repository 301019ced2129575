//! The ballot page: `taller serve` also serves, on the room's network, the
//! page delegates vote on from their phones, over the same live session the
//! SSH screens share.
//!
//! What answers, and nothing else (404):
//!
//! ```text
//! GET  /              the page (one file, styles and script inside)
//! GET  /v/{token}     the same page; it reads the card's token from its path
//! GET  /api/poll      the open poll as JSON, or 204 when none
//! POST /api/ballot    {"token","poll","points"|"consent"|"choice"}: 201, 400,
//!                     401, 409, 410, 413 (over 16 KB), 429 (wrong tokens)
//! GET  /events        server-sent events: the public view when it changes
//! ```
//!
//! Only the open poll and the presented input are ever served (`view`); a
//! ballot is one command on the host, checked and recorded under its lock.

mod api;
mod ballot;
pub mod cards;
mod events;
mod page;
mod publisher;
mod routes;
mod server;
mod shared;
mod socket;
pub mod view;

pub use server::{WebConfig, WebServer, web_limits};

/// The default address: every interface, port 8080.
pub const DEFAULT_WEB: &str = "0.0.0.0:8080";

/// Which ballot card a typed token is: `None` for an unknown or revoked one.
/// The tokens beside the session answer it; tests give their own.
pub trait Cards: Send + Sync {
    fn card_of(&self, typed: &str) -> Option<String>;
}
