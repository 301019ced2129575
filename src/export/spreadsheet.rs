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
//! a formula's first character; and since spreadsheets skip leading blanks
//! (spaces, no-break spaces, line breaks) and some read the fullwidth
//! `＝ ＋ － ＠` as their ASCII selves, a formula behind those is one too.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula:
/// ASCII, fullwidth and small forms, and the minus sign.
const FORMULA_STARTS: [char; 13] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}', '\u{FE62}',
    '\u{FE63}', '\u{FE6B}', '\u{2212}',
];

/// Whether a spreadsheet could read `text` as a formula: a formula's first
/// character after any blanks (whitespace, line breaks, invisible
/// characters), or a cell that starts with a tab or carriage return.
fn could_be_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r'])
        || text
            .trim_start_matches(|c: char| c.is_whitespace() || crate::text::is_invisible(c))
            .starts_with(FORMULA_STARTS)
}

/// `text` as a CSV cell a spreadsheet will show, never run, without
/// control or bidi characters. A plain signed number ("+4", "-12") is left
/// as it is: it is not a formula, and the schedule's differences must stay
/// numbers.
pub fn cell(text: &str) -> Cow<'_, str> {
    let text = crate::text::strip(text);
    if could_be_formula(&text) && !is_number(&text) {
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
            // Issue 20: behind a blank, a line break or in fullwidth.
            (" =1+1", "' =1+1"),
            ("\u{a0}=1+1", "'\u{a0}=1+1"),
            ("\n=cmd|' /C calc'!A0", "'\n=cmd|' /C calc'!A0"),
            ("\r\n@SUM(A1)", "'\n@SUM(A1)"),
            ("  \t+1+1", "'  \t+1+1"),
            ("\u{3000}-2+3", "'\u{3000}-2+3"),
            ("\u{200b}=1", "'\u{200b}=1"),
            ("＝1+1", "'＝1+1"),
            ("＋1+1", "'＋1+1"),
            ("－2+3", "'－2+3"),
            ("＠SUM(A1)", "'＠SUM(A1)"),
            ("\u{2212}1+1", "'\u{2212}1+1"),
            (" Texto = otro", " Texto = otro"),
            ("Crear una red = regional", "Crear una red = regional"),
            ("", ""),
        ] {
            assert_eq!(cell(text), written, "{text:?}");
        }
    }

    proptest::proptest! {
        /// Whatever blanks come first, a formula's first character behind
        /// them gets the quote.
        #[test]
        fn a_formula_behind_blanks_is_never_run(
            blanks in "[ \u{a0}\n\t\r\u{3000}\u{200b}]{0,4}",
            start in "[=+\\-@＝＋－＠]",
            rest in "[A-Z(1+)]{1,8}",
        ) {
            let text = format!("{blanks}{start}{rest}");
            proptest::prop_assume!(!is_number(&crate::text::strip(&text)));
            proptest::prop_assert!(cell(&text).starts_with('\''), "{:?}", cell(&text));
        }
    }
}
