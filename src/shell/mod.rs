//! Shells carry screens: the local terminal and SSH connections. Each owns
//! where keys come from and where frames go; the session core behind them is
//! one and the same.

pub mod access;
pub mod admission;
pub mod backoff;
pub mod drive;
pub mod live;
pub mod local;
pub mod person;
pub mod saver;
pub mod serve;
pub mod ssh;
pub mod tokens;
pub mod web;
