//! What leaves taller for other programs: files made from a session, or
//! from many (`consolidate`: one workshop's session files made into one plan).

pub mod agenda;
pub mod consolidate;
pub mod formats;
pub mod plan;
pub mod poll_results;
pub mod polls_csv;
pub mod schedule_csv;
pub mod spreadsheet;
mod words;
