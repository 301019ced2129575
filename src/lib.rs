//! taller as a library: the domain, the application model and its views,
//! the store. The binary (`main.rs`) is the command line around it; the
//! benchmarks use it directly.

pub mod access;
pub mod app;
pub mod cli;
pub mod complete;
pub mod consolidate;
pub mod definitions;
pub mod export;
pub mod i18n;
pub mod model;
pub mod recovery;
pub mod sample;
pub mod saver;
pub mod session;
pub mod shell;
pub mod store;
pub mod terminal;
pub mod text;
pub mod tui;
pub mod ui;

/// `taller-2026-11-28`: today's date, where the workshop happens; the name
/// suggested for a new session.
pub fn default_session_name(tz: &jiff::tz::TimeZone) -> String {
    format!(
        "taller-{}",
        jiff::Timestamp::now()
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d")
    )
}
