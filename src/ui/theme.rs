//! The one place colours and emphasis are chosen.
//!
//! Projectors wash out colour, so every distinction that matters is also
//! carried by weight, reversal or text, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub header: Style,
    pub header_title: Style,
    pub tab: Style,
    pub tab_current: Style,
    pub location: Style,
    pub block_title: Style,
    pub border: Style,
    pub text: Style,
    pub dim: Style,
    pub selected: Style,
    pub number: Style,
    pub keys: Style,
    pub notice: Style,
    pub error: Style,
    pub saved: Style,
    pub pending: Style,
    pub popup: Style,
    pub popup_border: Style,
    /// The room view: high contrast, readable from the back of the room.
    pub room: Style,
    pub room_title: Style,
    /// The facilitator's message on the room screens: it must stand out
    /// from the clock, also without colour (reversed).
    pub room_message: Style,
    /// Timer phases. Each carries a modifier as well as a colour, so the
    /// phases stay distinct under `NO_COLOR` and on a washed-out projector.
    /// Nothing blinks: a blinking clock vanishes half of every second in a
    /// real terminal; overtime is its colour, reverse video and its words.
    pub phase_idle: Style,
    pub phase_normal: Style,
    pub phase_warning: Style,
    pub phase_danger: Style,
    pub phase_overtime: Style,
    /// The same phases in the room's big digits: bright on black, and no
    /// underline or reversal, which would cut across or hollow out the
    /// block digits. The phase's words beside them keep those signals.
    pub digits_idle: Style,
    pub digits_normal: Style,
    pub digits_warning: Style,
    pub digits_danger: Style,
    pub digits_overtime: Style,
    /// A paused clock's digits are dimmed, with the word paused large.
    pub digits_paused: Modifier,
}

pub const THEME: Theme = Theme {
    header: Style::new().fg(Color::White).bg(Color::Blue),
    header_title: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    tab: Style::new(),
    tab_current: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    location: Style::new().add_modifier(Modifier::BOLD),
    block_title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    text: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    number: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    keys: Style::new().fg(Color::Black).bg(Color::Gray),
    notice: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    saved: Style::new().fg(Color::White).bg(Color::Blue),
    pending: Style::new().fg(Color::Yellow).bg(Color::Blue),
    popup: Style::new(),
    popup_border: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    room: Style::new().fg(Color::White).bg(Color::Black),
    room_title: Style::new()
        .fg(Color::White)
        .bg(Color::Black)
        .add_modifier(Modifier::BOLD),
    room_message: Style::new()
        .fg(Color::LightYellow)
        .bg(Color::Black)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    phase_idle: Style::new().add_modifier(Modifier::DIM),
    phase_normal: Style::new().fg(Color::Green),
    phase_warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    phase_danger: Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    phase_overtime: Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    digits_idle: Style::new().fg(Color::Gray),
    digits_normal: Style::new()
        .fg(Color::LightGreen)
        .add_modifier(Modifier::BOLD),
    digits_warning: Style::new()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD),
    digits_danger: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    digits_overtime: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    digits_paused: Modifier::DIM,
};
