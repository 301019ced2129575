//! `taller serve`'s transport: people join the live session with `ssh`, each
//! with a screen of their own drawn at their terminal's size.

pub mod auth;
pub mod codes;
pub mod host_key;
pub mod input;
pub mod roles;
pub mod terminal;
