//! What leaves taller for other programs: files made from a session.

pub mod agenda;
pub mod formats;
pub mod plan;
pub mod schedule_csv;
pub mod spreadsheet;
mod words;
