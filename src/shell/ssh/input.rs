//! A client's keys from the raw bytes its terminal sends (crossterm reads
//! only the local terminal): termina's parser for keys, and bracketed paste
//! handled here, so a paste split across packets arrives as one piece and a
//! huge one is refused with a cap instead of being parsed byte by byte.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use termina::Event;
use termina::event::{KeyCode as TKey, Modifiers};

use crate::app::Msg;

/// A lone Esc is a key once nothing followed it for this long (an escape
/// sequence's bytes arrive together, or nearly).
pub const ESC_TIMEOUT: Duration = Duration::from_millis(80);
/// The largest paste taken: far more than any input's text.
pub const MAX_PASTE_BYTES: usize = 1024 * 1024;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the bytes meant.
#[derive(Debug, PartialEq)]
pub enum ClientInput {
    Key(KeyEvent),
    Paste(String),
    /// A paste over the cap, dropped whole: say so.
    PasteTooLarge,
}

impl ClientInput {
    /// The app's message, if this is one.
    pub fn into_msg(self) -> Option<Msg> {
        match self {
            ClientInput::Key(key) => Some(Msg::Key(key)),
            ClientInput::Paste(text) => Some(Msg::Paste(text)),
            ClientInput::PasteTooLarge => None,
        }
    }
}

/// The bytes of one client's terminal, parsed as they come.
#[derive(Default)]
pub struct Parser {
    keys: termina::Parser,
    /// Bytes held back: they may begin a paste's start marker.
    held: Vec<u8>,
    /// Inside a bracketed paste: what was pasted so far.
    paste: Option<Paste>,
    /// Bytes came that may still be part of a sequence (a lone Esc).
    unsettled: bool,
}

#[derive(Default)]
struct Paste {
    bytes: Vec<u8>,
    too_large: bool,
}

impl Parser {
    /// The events these bytes finish, in order.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<ClientInput> {
        let mut out = Vec::new();
        let mut data = std::mem::take(&mut self.held);
        data.extend_from_slice(bytes);
        let mut rest: &[u8] = &data;
        while !rest.is_empty() {
            if let Some(paste) = &mut self.paste {
                // The end marker may straddle packets: look from just before
                // what came now.
                let from = paste.bytes.len().saturating_sub(PASTE_END.len() - 1);
                paste.bytes.extend_from_slice(rest);
                rest = &[];
                if let Some(at) = find(&paste.bytes[from..], PASTE_END) {
                    let end = from + at;
                    let after = paste.bytes.split_off(end + PASTE_END.len());
                    paste.bytes.truncate(end);
                    let done = self.paste.take().expect("inside a paste");
                    out.push(if done.too_large || done.bytes.len() > MAX_PASTE_BYTES {
                        ClientInput::PasteTooLarge
                    } else {
                        ClientInput::Paste(
                            String::from_utf8_lossy(&done.bytes)
                                .replace("\r\n", "\n")
                                .replace('\r', "\n"),
                        )
                    });
                    // What followed the paste is read as keys again.
                    out.extend(self.feed(&after));
                    return out;
                }
                if paste.bytes.len() > MAX_PASTE_BYTES {
                    // Keep only what the end marker could start with.
                    let keep = paste
                        .bytes
                        .split_off(paste.bytes.len() - (PASTE_END.len() - 1));
                    paste.bytes = keep;
                    paste.too_large = true;
                }
                continue;
            }
            match find(rest, PASTE_START) {
                Some(at) => {
                    self.keys_from(&rest[..at], false, &mut out);
                    self.paste = Some(Paste::default());
                    rest = &rest[at + PASTE_START.len()..];
                }
                None => {
                    // A tail that may begin the start marker waits for more.
                    let held = (1..PASTE_START.len())
                        .rev()
                        .find(|&n| rest.len() >= n && rest.ends_with(&PASTE_START[..n]))
                        .unwrap_or(0);
                    let (keys, tail) = rest.split_at(rest.len() - held);
                    self.keys_from(keys, true, &mut out);
                    self.held = tail.to_vec();
                    rest = &[];
                }
            }
        }
        self.unsettled = self.paste.is_none();
        out
    }

    /// Whether bytes wait to be read as keys once `ESC_TIMEOUT` passes
    /// without more: a lone Esc, or a sequence cut short.
    pub fn unsettled(&self) -> bool {
        self.unsettled
    }

    /// Nothing more came: what was waiting is read as it stands (a lone
    /// Esc is the Esc key).
    pub fn settle(&mut self) -> Vec<ClientInput> {
        let mut out = Vec::new();
        if self.paste.is_none() {
            let held = std::mem::take(&mut self.held);
            self.keys_from(&held, false, &mut out);
        }
        self.unsettled = false;
        out
    }

    fn keys_from(&mut self, bytes: &[u8], maybe_more: bool, out: &mut Vec<ClientInput>) {
        self.keys.parse(bytes, maybe_more);
        while let Some(event) = self.keys.pop() {
            out.extend(to_input(event));
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A termina event as the app's input: keys (press only) and pastes.
fn to_input(event: Event) -> Option<ClientInput> {
    match event {
        Event::Key(key) if key.kind == termina::event::KeyEventKind::Press => {
            let mut modifiers = KeyModifiers::empty();
            for (from, to) in [
                (Modifiers::SHIFT, KeyModifiers::SHIFT),
                (Modifiers::ALT, KeyModifiers::ALT),
                (Modifiers::CONTROL, KeyModifiers::CONTROL),
                (Modifiers::SUPER, KeyModifiers::SUPER),
            ] {
                if key.modifiers.contains(from) {
                    modifiers |= to;
                }
            }
            let control = modifiers.contains(KeyModifiers::CONTROL);
            let code = match key.code {
                // Windows consoles send Backspace as Ctrl+H, some clients Enter as Ctrl+J.
                TKey::Char('h') if control => {
                    modifiers.remove(KeyModifiers::CONTROL);
                    KeyCode::Backspace
                }
                TKey::Char('j') if control => {
                    modifiers.remove(KeyModifiers::CONTROL);
                    KeyCode::Enter
                }
                TKey::Char(c) => KeyCode::Char(c),
                TKey::Enter => KeyCode::Enter,
                TKey::Backspace => KeyCode::Backspace,
                TKey::Tab => KeyCode::Tab,
                TKey::BackTab => {
                    modifiers |= KeyModifiers::SHIFT;
                    KeyCode::BackTab
                }
                TKey::Escape => KeyCode::Esc,
                TKey::Left => KeyCode::Left,
                TKey::Right => KeyCode::Right,
                TKey::Up => KeyCode::Up,
                TKey::Down => KeyCode::Down,
                TKey::Home => KeyCode::Home,
                TKey::End => KeyCode::End,
                TKey::PageUp => KeyCode::PageUp,
                TKey::PageDown => KeyCode::PageDown,
                TKey::Insert => KeyCode::Insert,
                TKey::Delete => KeyCode::Delete,
                TKey::Function(n) => KeyCode::F(n),
                _ => return None,
            };
            Some(ClientInput::Key(KeyEvent {
                code,
                modifiers,
                kind: KeyEventKind::Press,
                state: KeyEventState::NONE,
            }))
        }
        Event::Paste(text) => Some(ClientInput::Paste(text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> ClientInput {
        ClientInput::Key(KeyEvent::new(code, modifiers))
    }

    fn plain(code: KeyCode) -> ClientInput {
        key(code, KeyModifiers::NONE)
    }

    /// Every packet fed in turn, then what settles after the timeout.
    fn parse(packets: &[&[u8]]) -> Vec<ClientInput> {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        for packet in packets {
            out.extend(parser.feed(packet));
        }
        out.extend(parser.settle());
        out
    }

    #[test]
    fn enter_arrives_as_carriage_return() {
        assert_eq!(parse(&[b"\r"]), [plain(KeyCode::Enter)]);
        assert_eq!(parse(&[b"\n"]), [plain(KeyCode::Enter)]);
    }

    #[test]
    fn utf8_split_across_packets_is_one_character() {
        // "ñ" is C3 B1; "€" is E2 82 AC.
        assert_eq!(parse(&[b"\xc3", b"\xb1"]), [plain(KeyCode::Char('ñ'))]);
        let mut parser = Parser::default();
        assert!(parser.feed(b"a\xe2\x82").len() == 1);
        assert_eq!(parser.feed(b"\xac"), [plain(KeyCode::Char('€'))]);
    }

    #[test]
    fn a_lone_esc_is_a_key_only_after_the_timeout() {
        let mut parser = Parser::default();
        assert_eq!(parser.feed(b"\x1b"), []);
        assert!(parser.unsettled());
        assert_eq!(parser.settle(), [plain(KeyCode::Esc)]);
        // An arrow split after its Esc is still an arrow.
        assert_eq!(parse(&[b"\x1b", b"[A"]), [plain(KeyCode::Up)]);
    }

    #[test]
    fn arrows_home_end_and_f1_from_common_terminals() {
        let cases: [(&[u8], ClientInput); 16] = [
            // xterm, Windows OpenSSH (VT input), macOS Terminal
            (b"\x1b[A", plain(KeyCode::Up)),
            (b"\x1b[D", plain(KeyCode::Left)),
            // application cursor mode (tmux, xterm after smkx)
            (b"\x1bOB", plain(KeyCode::Down)),
            (b"\x1bOC", plain(KeyCode::Right)),
            // Shift+arrows: xterm, tmux, macOS Terminal
            (b"\x1b[1;2A", key(KeyCode::Up, KeyModifiers::SHIFT)),
            (b"\x1b[1;2D", key(KeyCode::Left, KeyModifiers::SHIFT)),
            // Home / End: xterm, application mode, tmux/rxvt/Windows
            (b"\x1b[H", plain(KeyCode::Home)),
            (b"\x1b[F", plain(KeyCode::End)),
            (b"\x1bOH", plain(KeyCode::Home)),
            (b"\x1b[1~", plain(KeyCode::Home)),
            (b"\x1b[4~", plain(KeyCode::End)),
            // F1: xterm/macOS, rxvt/PuTTY style
            (b"\x1bOP", plain(KeyCode::F(1))),
            (b"\x1b[11~", plain(KeyCode::F(1))),
            (b"\x1b[Z", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            (b"\x7f", plain(KeyCode::Backspace)),
            // Windows consoles: Backspace as Ctrl+H
            (b"\x08", plain(KeyCode::Backspace)),
        ];
        for (bytes, expected) in cases {
            assert_eq!(parse(&[bytes]), [expected], "{bytes:?}");
        }
    }

    #[test]
    fn control_keys_and_capitals() {
        assert_eq!(
            parse(&[b"\x04"]),
            [key(KeyCode::Char('d'), KeyModifiers::CONTROL)]
        );
        assert_eq!(
            parse(&[b"\x03"]),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        assert_eq!(
            parse(&[b"L"]),
            [key(KeyCode::Char('L'), KeyModifiers::SHIFT)]
        );
    }

    #[test]
    fn a_paste_split_across_packets_is_one_paste() {
        let got = parse(&[
            b"a\x1b[20",
            b"0~Acci\xc3",
            b"\xb3n regional\r\nsegunda\x1b[2",
            b"01~b",
        ]);
        assert_eq!(
            got,
            [
                plain(KeyCode::Char('a')),
                ClientInput::Paste("Acción regional\nsegunda".into()),
                plain(KeyCode::Char('b')),
            ]
        );
        // Keys inside a paste are text, not keys.
        assert_eq!(
            parse(&[b"\x1b[200~q\x1b[A\x1b[201~"]),
            [ClientInput::Paste("q\x1b[A".into())]
        );
    }

    #[test]
    fn a_paste_over_the_cap_is_refused_and_typing_goes_on() {
        let mut parser = Parser::default();
        assert_eq!(parser.feed(b"\x1b[200~"), []);
        let chunk = vec![b'x'; 64 * 1024];
        for _ in 0..20 {
            assert_eq!(parser.feed(&chunk), []);
        }
        assert_eq!(parser.feed(b"\x1b[201"), []);
        assert_eq!(
            parser.feed(b"~q"),
            [ClientInput::PasteTooLarge, plain(KeyCode::Char('q'))]
        );
    }
}
