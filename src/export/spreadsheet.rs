//! One rule for every CSV cell taller writes, so `plan.csv` and the
//! schedule CSV can never disagree on it.
//!
//! A spreadsheet program opening a CSV runs a cell that begins with `=`,
//! `+`, `-` or `@` as a formula (and some also after a tab or a carriage
//! return): text typed in the room, or planted in a session file, could
//! fetch URLs or run commands on the organizer's computer. OWASP's rule for
//! CSV injection is to start such a cell with a single quote, which the
//! spreadsheet shows as text and does not run. Control and bidi characters
//! are dropped first (`crate::text`'s rule for documents), so none can hide
//! a formula's first character.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell a spreadsheet will show, never run, without
/// control or bidi characters. A plain signed number ("+4", "-12") is left
/// as it is: it is not a formula, and the schedule's differences must stay
/// numbers.
pub fn cell(text: &str) -> Cow<'_, str> {
    let text = crate::text::strip(text);
    if text.starts_with(FORMULA_STARTS) && !is_number(&text) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// `+4`, `-12`, `-0.5`: an optional sign, digits, at most one point.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Writes one row with every cell through [`cell`].
pub fn write_row<I, S>(out: &mut csv::Writer<Vec<u8>>, row: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    out.write_record(row.into_iter().map(|text| cell(text.as_ref()).into_owned()))
        .expect("writing to memory cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_a_quote_numbers_and_text_do_not() {
        for (text, written) in [
            ("=1+1", "'=1+1"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\u{202E}=1", "'=1"),
            ("\u{1b}@x", "'@x"),
            ("-", "'-"),
            ("+4", "+4"),
            ("-12", "-12"),
            ("-0.5", "-0.5"),
            ("Crear una red = regional", "Crear una red = regional"),
            ("", ""),
        ] {
            assert_eq!(cell(text), written, "{text:?}");
        }
    }
}
