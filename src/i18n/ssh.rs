//! What people joining over SSH read: prompts, refusals, notices.

use std::fmt::Display;

use super::Lang;

// What is said while joining (prompts, their instructions, the banner) is
// ASCII: the client's locale is not known until after joining, and OpenSSH in
// a locale without UTF-8 shows other bytes escaped (`C\303\263digo`).

impl Lang {
    /// The keyboard-interactive prompt: `Codigo de grupo3: ` (ASCII).
    pub fn ssh_code_prompt(self, name: &str) -> String {
        self.pick(format!("Codigo de {name}: "), format!("Code for {name}: "))
    }

    /// Shown when the user name is no role, before any code is asked (ASCII).
    pub fn ssh_unknown_user(self, user: &str, names: &str) -> String {
        let user = ascii(user);
        self.pick(
            format!("\"{user}\" no es un nombre de este taller. Use uno de: {names}."),
            format!("\"{user}\" is not a name of this workshop. Use one of: {names}."),
        )
    }

    /// Before a code from an address with many wrong ones is checked
    /// (ASCII): in the prompt's instructions, and the banner.
    pub fn ssh_wait_for_turn(self, seconds: u64) -> String {
        self.pick(
            format!(
                "Demasiados codigos equivocados desde esta computadora: espere {seconds} segundos; el codigo que escriba se comprueba entonces."
            ),
            format!(
                "Too many wrong codes from this computer: wait {seconds} seconds; the code you type is checked then."
            ),
        )
    }

    pub fn ssh_unknown_user_prompt(self) -> &'static str {
        self.pick("Pulse Enter para salir: ", "Press Enter to leave: ")
    }

    /// A client that asked for no terminal (`ssh -T`, or a command).
    pub fn ssh_no_pty(self, user: &str) -> String {
        let names = self.format_names();
        self.pick(
            format!(
                "taller necesita una terminal: conéctese con  ssh -t -p PUERTO {user}@SERVIDOR  (o añada {names} para un documento)."
            ),
            format!(
                "taller needs a terminal: connect with  ssh -t -p PORT {user}@HOST  (or add {names} for a document)."
            ),
        )
    }

    pub fn ssh_exec_refused(self, command: impl Display) -> String {
        let names = self.format_names();
        self.pick(
            format!("taller: «{command}» no se ejecuta aquí; solo {names}."),
            format!("taller: \"{command}\" is not run here; only {names}."),
        )
    }

    pub fn ssh_session_ended(self) -> &'static str {
        self.pick(
            "La sesión en vivo terminó. Gracias.",
            "The live session has ended. Thank you.",
        )
    }

    pub fn ssh_too_slow(self) -> &'static str {
        self.pick(
            "La conexión no recibía la pantalla: vuelva a conectarse.",
            "The connection was not receiving the screen: connect again.",
        )
    }

    pub fn ssh_paste_too_large(self, max_mib: usize) -> String {
        self.pick(
            format!("Texto pegado demasiado grande (más de {max_mib} MiB): no se insertó."),
            format!("Pasted text too large (over {max_mib} MiB): not inserted."),
        )
    }

    pub fn ssh_cannot_keep_codes(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("no se pueden guardar los códigos en {path}: {reason}"),
            format!("cannot keep the codes in {path}: {reason}"),
        )
    }

    /// After a group's code on the join screen: its axis works as the user
    /// name too, and stays when groups are removed or reordered.
    pub fn join_also_as(self, axis: &str) -> String {
        self.pick(format!("también: {axis}"), format!("also: {axis}"))
    }

    /// A codes file with a line taller cannot read: left as it is.
    pub fn ssh_codes_damaged(self, line: usize) -> String {
        self.pick(
            format!("la línea {line} está dañada (no se reescribe: corríjala o use «taller codes NOMBRE --new»)"),
            format!("line {line} is damaged (not written over: fix it or run `taller codes NAME --new`)"),
        )
    }

    /// A codes file written by a newer taller: left as it is.
    pub fn ssh_codes_newer(self, version: u32) -> String {
        self.pick(
            format!("es de una versión más nueva de taller (formato {version}); actualice taller"),
            format!("it is from a newer taller (format {version}); update taller"),
        )
    }

    pub fn ssh_cannot_keep_key(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("no se puede usar la clave del servidor en {path}: {reason}"),
            format!("cannot use the server key in {path}: {reason}"),
        )
    }
}

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

    /// Everything said while joining reads the same in any locale.
    #[test]
    fn what_is_said_while_joining_is_ascii() {
        for lang in [Lang::Es, Lang::En] {
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
