//! What the terminal is finally given to draw.
//!
//! Session text reaches the screen through dozens of places (lists, titles,
//! headers, popups, the form) and through the editor's text area, which is
//! not ours; it is cleaned once, here, on the frame's buffer after every
//! screen has drawn into it, so no place can forget. The stored text is
//! never changed: only what this frame shows.
//!
//! Two kinds of characters are redrawn:
//!
//! - those a terminal acts on or hides: controls and bidi controls
//!   (`crate::text::is_unsafe`), zero-width and other format characters
//!   (`crate::text::is_invisible`). A right-to-left override would reorder
//!   the rest of the line as the terminal shows it. They are dropped.
//! - those whose width terminals and unicode-width disagree on: a flag
//!   (two regional indicators, one wide glyph to ratatui, two letters or two
//!   wide glyphs to many terminals), a ZWJ sequence (one glyph to ratatui,
//!   each emoji apart to most terminals), emoji variation selectors, skin
//!   tones and the keycap mark. When the terminal's cursor ends up elsewhere
//!   than ratatui believes, cells are left unwritten and fragments of one
//!   page stay on the next. A flag becomes its two letters (🇲🇽 → MX), and a
//!   sequence keeps its first emoji, within the cells ratatui reserved.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;

/// Redraws, in place, every cell of `buffer` holding a character above,
/// but those in `clean_already` (copied from a frame cleaned before).
/// Row by row over the cells themselves: this runs on every frame, and
/// most cells are plain text that only needs a glance.
pub fn clean(buffer: &mut Buffer, clean_already: &[Rect]) {
    let area = buffer.area;
    let done = super::row_columns::RowColumns::new(clean_already.to_vec(), area);
    for y in area.top()..area.bottom() {
        let row = super::rows::row_cells(buffer, area.x, y, area.width);
        clean_row(row, done.on_row(y));
    }
}

/// [`clean`] on the cells of `area` alone (a room clock's line of words,
/// drawn again on its own).
pub fn clean_in(buffer: &mut Buffer, area: Rect) {
    let area = area.intersection(buffer.area);
    let (x, width) = (area.x - buffer.area.x, usize::from(area.width));
    for y in area.top()..area.bottom() {
        let row = super::rows::row_cells(buffer, buffer.area.x, y, buffer.area.width);
        let outside = [0..usize::from(x), usize::from(x) + width..row.len()];
        clean_row(row, &outside);
    }
}

/// One row of cells, but its columns in `done` (in order).
fn clean_row(row: &mut [ratatui::buffer::Cell], done: &[std::ops::Range<usize>]) {
    let mut next_done = done.iter().peekable();
    // The last character found fine: runs of one (the big clock's
    // blocks) are looked at once.
    let mut fine = ' ';
    let mut x = 0;
    while x < row.len() {
        if let Some(cleaned) = next_done.peek()
            && x >= cleaned.start
        {
            x = x.max(cleaned.end);
            next_done.next();
            continue;
        }
        let symbol = row[x].symbol();
        // One byte is one ASCII character: nearly every cell, told
        // without walking the symbol.
        if symbol.len() <= 1 || symbol.is_ascii() {
            x += 1;
            continue;
        }
        let mut chars = symbol.chars();
        let single = chars.next().filter(|_| chars.next().is_none());
        if single == Some(fine) || !symbol.chars().any(is_redrawn) {
            fine = single.unwrap_or(fine);
            x += 1;
            continue;
        }
        // The cells ratatui laid out for this symbol: the new text fits
        // in them, blanks fill the rest, the layout stays as it was.
        let reserved = usize::from(symbol.cell_width()).clamp(1, row.len() - x);
        let pieces = pieces(symbol);
        let style = row[x].style();
        let mut used = 0;
        for piece in pieces {
            let width = usize::from(piece.as_str().cell_width());
            if used + width > reserved {
                break;
            }
            row[x + used].set_symbol(&piece).set_style(style);
            for hidden in &mut row[x + used + 1..x + used + width] {
                hidden.reset();
                hidden.set_style(style);
            }
            used += width;
        }
        for blank in &mut row[x + used..x + reserved] {
            blank.set_symbol(" ").set_style(style);
        }
        x += reserved;
    }
}

/// A regional indicator: half of a flag.
fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Skin tones: wide on their own, part of the emoji before them otherwise.
fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Variation selectors ask for text or emoji presentation (and change the
/// width for some terminals only); the keycap mark joins a digit into a
/// wide glyph for some terminals only.
fn is_presentation(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}')
}

fn is_redrawn(c: char) -> bool {
    crate::text::is_unsafe(c)
        || crate::text::is_invisible(c)
        || is_regional_indicator(c)
        || is_skin_tone(c)
        || is_presentation(c)
}

/// A cell's symbol as the pieces, one glyph each, that terminals agree on:
/// dropped characters left out, a regional indicator as its letter,
/// combining marks kept with the glyph before them.
fn pieces(symbol: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for (i, c) in symbol.chars().enumerate() {
        if crate::text::is_unsafe(c)
            || crate::text::is_invisible(c)
            || is_presentation(c)
            || (i > 0 && is_skin_tone(c))
        {
            continue;
        }
        if is_regional_indicator(c) {
            let letter = char::from(b'A' + (u32::from(c) - 0x1F1E6) as u8);
            pieces.push(letter.to_string());
            continue;
        }
        let mut own = [0u8; 4];
        if c.encode_utf8(&mut own).cell_width() == 0 {
            if let Some(last) = pieces.last_mut() {
                last.push(c);
            }
            continue;
        }
        pieces.push(c.to_string());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::pieces;
    use ratatui::buffer::CellWidth;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use jiff::Timestamp;
    use jiff::tz::TimeZone;
    use ratatui::backend::{CrosstermBackend, TestBackend};
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use crate::app::{Context, Model, Msg, OpenedSession, update};
    use crate::i18n::Lang;
    use crate::ui::view;

    /// A flag (two regional indicators), a family (a ZWJ sequence), a heart
    /// with its emoji variation selector, a right-to-left override and a
    /// zero-width space: what terminals and unicode-width disagree on, or
    /// what reorders or hides text.
    const TRICKY: &str = "Bandera 🇲🇽 familia 👨\u{200D}👩\u{200D}👧 corazón ❤\u{FE0F} \
         \u{202E}invertido\u{202C} cero\u{200B}ancho pulgar 👍\u{1F3FD} fin";

    fn now() -> Timestamp {
        "2018-02-20T16:30:00Z".parse().unwrap()
    }

    /// The example session with the tricky text in group 1's first input,
    /// its facilitator, the workshop's title and the first axis's title.
    fn model() -> Model {
        let mut session =
            crate::store::parse(include_bytes!("../../sessions/ejemplo-taller-ctim.json")).unwrap();
        session.workshop.title = format!("Taller {TRICKY}");
        session.workshop.breakout.axes[0].title = format!("Eje {TRICKY}");
        let group = session.group_mut(0).unwrap();
        group.facilitator = TRICKY.into();
        std::sync::Arc::make_mut(&mut group.inputs[0]).text = TRICKY.into();
        let context = Context {
            lang: Lang::Es,
            tz: TimeZone::UTC,
            now: now(),
            no_color: false,
            muted: false,
            writer: Some(Box::new(crate::session::Recorder::default())),
        };
        let opened = OpenedSession {
            path: PathBuf::from("ejemplo.json"),
            session: Box::new(session),
            read_only: None,
            note: None,
            view: None,
        };
        Model::with_session(context, opened)
    }

    fn keys(model: &mut Model, codes: &[KeyCode]) {
        for code in codes {
            update(
                model,
                Msg::Key(KeyEvent::new(*code, KeyModifiers::NONE)),
                now(),
            );
        }
    }

    /// Code points that must never be handed to the terminal.
    fn is_unclean(c: char) -> bool {
        crate::text::is_unsafe(c)
            || crate::text::is_invisible(c)
            || ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
            || c == '\u{FE0F}'
            || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
    }

    fn unclean_cells(model: &Model, width: u16, height: u16) -> Vec<(u16, u16, String)> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view(model, frame)).unwrap();
        let buffer = terminal.backend().buffer();
        let mut found = Vec::new();
        for y in 0..height {
            for x in 0..width {
                let symbol = buffer[(x, y)].symbol();
                if symbol.chars().any(is_unclean) {
                    found.push((x, y, symbol.escape_unicode().to_string()));
                }
            }
        }
        found
    }

    #[test]
    fn flags_become_letters_and_sequences_their_first_emoji() {
        assert_eq!(pieces("🇲🇽"), ["M", "X"]);
        assert_eq!(pieces("👨\u{200D}👩\u{200D}👧"), ["👨", "👩", "👧"]);
        assert_eq!(pieces("❤\u{FE0F}"), ["❤"]);
        assert_eq!(pieces("👍\u{1F3FD}"), ["👍"]);
        assert_eq!(pieces("e\u{301}\u{200B}"), ["e\u{301}"]);
        assert!(pieces("\u{202E}").is_empty());
    }

    #[test]
    fn no_bidi_zero_width_or_ambiguous_emoji_reaches_the_terminal() {
        let pages: [(&str, &[KeyCode]); 6] = [
            ("opening", &[]),
            ("group", &[KeyCode::Tab]),
            ("editor", &[KeyCode::Tab, KeyCode::Char('e')]),
            ("report", &[KeyCode::Char('3'), KeyCode::Down]),
            (
                "socialize",
                &[KeyCode::Char('3'), KeyCode::Down, KeyCode::Char('p')],
            ),
            ("dashboard", &[KeyCode::Tab, KeyCode::Char('p')]),
        ];
        for (page, codes) in pages {
            let mut model = model();
            keys(&mut model, codes);
            for (width, height) in [(80, 24), (160, 45)] {
                let found = unclean_cells(&model, width, height);
                assert!(found.is_empty(), "{page} {width}x{height}: {found:?}");
            }
        }
    }

    /// The screen a terminal emulator (vt100, which measures each character
    /// as most terminals do) shows after drawing `models` in turn, as the
    /// program does: each frame sends only the cells that changed.
    fn emulated(models: &[&Model], width: u16, height: u16) -> String {
        let mut bytes = Vec::<u8>::new();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(&mut bytes), options).unwrap();
        for model in models {
            terminal.draw(|frame| view(model, frame)).unwrap();
        }
        drop(terminal);
        let mut parser = vt100::Parser::new(height, width, 0);
        parser.process(&bytes);
        // Row by row, trailing blanks trimmed: a blank written over old text
        // and a cell never written look the same to a person.
        parser
            .screen()
            .rows(0, width)
            .map(|row| row.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The start screen, like `taller list`, shows what a file's name hides:
    /// a name typed in taller cannot hold invisible characters, a file named
    /// by hand can, and must not pass for another session.
    #[test]
    fn names_differing_by_invisible_characters_look_different_on_the_start_screen() {
        use crate::app::{Prompt, Start, StartEntry};
        let entry = |name: &str| StartEntry {
            name: name.into(),
            path: format!("{name}.json").into(),
            summary: Err("x".into()),
        };
        let start = Start {
            sessions_dir: "sesiones".into(),
            default_title: "Taller".into(),
            suggested_name: "taller-2018-02-20".into(),
            entries: vec![entry("sala1"), entry("sala\u{200B}1")],
            selected: 0,
            naming: None,
            prompt: Prompt::New,
            workshops: Vec::new(),
            workshop: 0,
        };
        let context = Context {
            lang: Lang::Es,
            tz: TimeZone::UTC,
            now: now(),
            no_color: false,
            muted: false,
            writer: Some(Box::new(crate::session::Recorder::default())),
        };
        let model = Model::start(context, start);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|frame| view(&model, frame)).unwrap();
        let text = terminal.backend().to_string();
        assert!(text.contains("sala\\u{200b}1"), "{text}");
    }

    /// What ratatui believes the screen shows after drawing `model`: each
    /// row's symbols, the cells hidden under a wide one left out.
    fn drawn(model: &Model, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view(model, frame)).unwrap();
        let buffer = terminal.backend().buffer();
        (0..height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < width {
                    let symbol = buffer[(x, y)].symbol();
                    row.push_str(symbol);
                    x += symbol.cell_width().max(1);
                }
                row.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A page drawn over another shows, in a terminal, exactly what ratatui
    /// drew: nothing of the page before stays behind. (A heart with its
    /// emoji selector is two cells to ratatui and one to the terminal: the
    /// second cell, never written, kept the letter of the page before.)
    #[test]
    fn switching_pages_leaves_no_fragments_of_wide_emoji() {
        let mut before = model();
        keys(&mut before, &[KeyCode::Tab, KeyCode::Right]);
        let mut tricky = model();
        keys(&mut tricky, &[KeyCode::Tab]);
        for (width, height) in [(80, 24), (160, 45)] {
            let expected = drawn(&tricky, width, height);
            assert_eq!(
                emulated(&[&tricky], width, height),
                expected,
                "{width}x{height}"
            );
            assert_eq!(
                emulated(&[&before, &tricky], width, height),
                expected,
                "{width}x{height}, after another page"
            );
        }
    }
}
