//! What people joining over SSH read: prompts, refusals, notices.

use std::fmt::Display;

use super::Lang;

impl Lang {
    /// The keyboard-interactive prompt: `Código de grupo3: `.
    pub fn ssh_code_prompt(self, name: &str) -> String {
        self.pick(format!("Código de {name}: "), format!("Code for {name}: "))
    }

    /// Shown when the user name is no role, before any code is asked.
    pub fn ssh_unknown_user(self, user: &str, names: &str) -> String {
        self.pick(
            format!("«{user}» no es un nombre de este taller. Use uno de: {names}."),
            format!("\"{user}\" is not a name of this workshop. Use one of: {names}."),
        )
    }

    pub fn ssh_unknown_user_prompt(self) -> &'static str {
        self.pick("Pulse Enter para salir: ", "Press Enter to leave: ")
    }

    /// A client that asked for no terminal (`ssh -T`, or a command).
    pub fn ssh_no_pty(self, user: &str) -> String {
        self.pick(
            format!(
                "taller necesita una terminal: conéctese con  ssh -t -p PUERTO {user}@SERVIDOR  (o añada plan, csv, json o status para un documento)."
            ),
            format!(
                "taller needs a terminal: connect with  ssh -t -p PORT {user}@HOST  (or add plan, csv, json or status for a document)."
            ),
        )
    }

    pub fn ssh_exec_refused(self, command: impl Display) -> String {
        self.pick(
            format!("taller: «{command}» no se ejecuta aquí; solo plan, csv, json o status."),
            format!("taller: \"{command}\" is not run here; only plan, csv, json or status."),
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
