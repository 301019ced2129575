//! What people joining over SSH read: prompts, refusals, notices.

// What is said while joining (prompts, their instructions, the banner) is
// ASCII: the client's locale is not known until after joining, and OpenSSH in
// a locale without UTF-8 shows other bytes escaped (`C\303\263digo`).

/// `text` in printable ASCII, for what is said while joining: accents
/// dropped (`Detención` reads `Detencion`), anything else shown as `?`.
pub fn ascii(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Everything said while joining reads the same in any locale.
    #[test]
    fn what_is_said_while_joining_is_ascii() {
        for lang in Lang::ALL {
            let said = [
                lang.ssh_code_prompt("grupo4"),
                lang.ssh_unknown_user("Detención\u{1b}[2J«»", "facilitador, grupo1"),
                lang.ssh_unknown_user_prompt().to_string(),
                lang.ssh_wait_for_turn(30),
            ];
            for text in said {
                assert!(
                    text.chars().all(|c| c.is_ascii_graphic() || c == ' '),
                    "{text:?}"
                );
            }
        }
        assert_eq!(Lang::Es.ssh_code_prompt("grupo4"), "Codigo de grupo4: ");
        assert_eq!(ascii("Detención ñ «x»"), "Detencion n ?x?");
    }
}
