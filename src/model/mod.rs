//! The domain: workshops and sessions. Plain serde data plus logic; nothing
//! here knows about terminals, so the command-line tools can use it too.

pub mod builtin;
pub mod day;
pub mod definition;
pub mod group;
pub mod input;
pub mod limits;
pub mod merge;
pub mod numbering;
pub mod patch;
pub mod poll;
pub mod ranking;
pub mod schedule;
pub mod session;
pub mod similar;
pub mod timer;
pub mod versions;
pub mod word_merge;
pub mod workshop;
