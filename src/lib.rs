//! taller as a library: the domain, the application model and its views,
//! the store, the shells and the subcommands. The binary (`main.rs`) only
//! parses the command line and dispatches to `commands`; the benchmarks and
//! tests use the library directly.

pub mod app;
pub mod cli;
pub mod commands;
pub mod export;
pub mod i18n;
pub mod model;
pub mod qr;
pub mod sample;
pub mod session;
pub mod shell;
pub mod store;
pub mod terminal;
pub mod text;
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
