//! A QR code of a text: its modules, dark or light, with the quiet zone a
//! scanner needs around them. One matrix for every place it is shown: the
//! views draw it in the terminal (`ui::qr`), the ballot cards carry it as
//! an image (`export::qr`).

use qrcode::{Color, EcLevel, QrCode};

/// The modules of one QR code, quiet zone included, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules on a side, quiet zone included.
    size: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// The QR code of `text` with `quiet` light modules on every side (the
    /// standard asks four; a screen short of room gets by with two).
    /// Medium error correction: a card may be folded or smudged, and a
    /// projected code is seen through a phone's camera from far. `None`
    /// when the text is too long for any QR code.
    pub fn new(text: &str, quiet: usize) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
        let inner = code.width();
        let size = inner + 2 * quiet;
        let colors = code.to_colors();
        let mut dark = vec![false; size * size];
        for y in 0..inner {
            for x in 0..inner {
                dark[(y + quiet) * size + x + quiet] = colors[y * inner + x] == Color::Dark;
            }
        }
        Some(Qr { size, dark })
    }

    /// Modules on a side, quiet zone included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark; outside the code,
    /// light (as the quiet zone is).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_framed_by_its_quiet_zone_and_finder_patterns() {
        let qr = Qr::new("http://192.168.1.20:8080/v/K7QM2-XD9AB", 4).unwrap();
        let inner = qr.size() - 8;
        assert!(
            inner >= 21 && (inner - 21).is_multiple_of(4),
            "a QR version's width"
        );
        for i in 0..qr.size() {
            for q in 0..4 {
                assert!(!qr.is_dark(i, q) && !qr.is_dark(q, i), "quiet zone");
            }
        }
        // The top-left finder pattern: a dark ring of 7, a light one, a dark 3×3.
        let at = |x: usize, y: usize| qr.is_dark(4 + x, 4 + y);
        assert!((0..7).all(|i| at(i, 0) && at(0, i) && at(6, i) && at(i, 6)));
        assert!((1..6).all(|i| !at(i, 1) && !at(1, i)));
        assert!((2..5).all(|i| (2..5).all(|j| at(i, j))));
        assert!(Qr::new(&"x".repeat(5000), 4).is_none());
    }
}
