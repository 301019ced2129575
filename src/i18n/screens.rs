//! What the served session's screens say about themselves: who is
//! connected, the facilitator's own code, where a copy of the session is,
//! and how a screen or the server closed.

use std::fmt::Display;

use super::Lang;

impl Lang {
    /// A screen closed by the facilitator, on the main screen after it.
    pub fn ssh_closed_by_facilitator(self) -> &'static str {
        self.pick(
            "La facilitación cerró esta conexión.",
            "The facilitator closed this connection.",
        )
    }

    /// One screen too many of one role from one address.
    pub fn ssh_too_many_screens(self, most: usize) -> String {
        self.pick(
            format!(
                "Ya hay {most} pantallas de este papel abiertas desde su computadora: cierre una y vuelva a conectarse."
            ),
            format!(
                "{most} screens of this role are already open from your computer: close one and connect again."
            ),
        )
    }

    /// `--headless` on its standard error, once a signal stopped it.
    pub fn headless_stopped(
        self,
        signal: &str,
        closed: usize,
        left: usize,
        path: impl Display,
    ) -> String {
        let left = match (self, left) {
            (_, 0) => String::new(),
            (Lang::Es, 1) => " 1 pantalla no se cerró a tiempo y se cortó;".to_string(),
            (Lang::Es, n) => format!(" {n} pantallas no se cerraron a tiempo y se cortaron;"),
            (Lang::En, 1) => " 1 screen did not close in time and was cut;".to_string(),
            (Lang::En, n) => format!(" {n} screens did not close in time and were cut;"),
        };
        self.pick(
            format!(
                "taller: {signal} recibida: {closed} pantalla(s) avisada(s) y cerrada(s) con su terminal restaurada;{left} sesión guardada en {path}."
            ),
            format!(
                "taller: {signal} received: {closed} screen(s) told and closed with their terminal restored;{left} session saved to {path}."
            ),
        )
    }

    /// The join screen's line that leads to the facilitator's code.
    pub fn join_facilitator_apart(self, key: &str) -> String {
        self.pick(
            format!("El código de facilitación no se proyecta: {key} lo muestra en esta pantalla."),
            format!("The facilitator's code is not projected: {key} shows it on this screen."),
        )
    }

    /// The join screen's keys, with how many screens are connected now.
    pub fn join_keys(self, connected: usize) -> String {
        self.pick(
            format!("F código de facilitación · C conexiones ({connected}) · otra tecla cierra"),
            format!("F facilitator's code · C connections ({connected}) · any other key closes"),
        )
    }

    pub fn facilitator_code_title(self) -> &'static str {
        self.pick(" Código de facilitación ", " Facilitator's code ")
    }

    /// The facilitator's code, shown on purpose.
    pub fn facilitator_code_lines(self, command: &str, code: &str) -> [String; 3] {
        self.pick(
            [
                "Solo para quien facilita: no lo deje proyectado.".to_string(),
                format!("{command}   código {code}"),
                "Cualquier tecla lo oculta.".to_string(),
            ],
            [
                "For the facilitator only: do not leave it projected.".to_string(),
                format!("{command}   code {code}"),
                "Any key hides it.".to_string(),
            ],
        )
    }

    pub fn connections_title(self) -> &'static str {
        self.pick(" Conexiones ", " Connections ")
    }

    pub fn connections_none(self) -> &'static str {
        self.pick(
            "Nadie está conectado por ssh.",
            "Nobody is connected over ssh.",
        )
    }

    /// The columns of the connections list.
    pub fn connections_header(self) -> [&'static str; 4] {
        self.pick(
            ["Papel", "Dirección", "Desde", "Tamaño"],
            ["Role", "Address", "Since", "Size"],
        )
    }

    pub fn connections_keys(self) -> &'static str {
        self.pick(
            "↑↓ elegir · x cerrar la conexión · Esc cierra",
            "↑↓ choose · x close the connection · Esc closes",
        )
    }

    /// Asked before a connection is closed.
    pub fn connections_confirm(self, who: &str) -> String {
        self.pick(
            format!("¿Cerrar la conexión de {who}? s sí · n no"),
            format!("Close {who}'s connection? y yes · n no"),
        )
    }

    pub fn connection_gone(self) -> &'static str {
        self.pick(
            "Esa conexión ya se había cerrado: no se cerró ninguna otra.",
            "That connection had already closed: no other was closed.",
        )
    }

    pub fn connection_closed(self, who: &str) -> String {
        self.pick(
            format!("Conexión de {who} cerrada."),
            format!("{who}'s connection closed."),
        )
    }

    /// `w` on a screen joined over ssh: the serving machine's folders are
    /// not the person's; a copy comes over ssh.
    pub fn remote_copy_lines(self) -> [&'static str; 3] {
        self.pick(
            [
                "Esta sesión se guarda en la computadora de la facilitación.",
                "Para tener una copia en la suya, escriba en otra terminal el mismo ssh con que entró, con json al final:",
                "ssh -p PUERTO USUARIO@DIRECCIÓN json > copia.json",
            ],
            [
                "This session is saved on the facilitator's computer.",
                "For a copy on yours, type in another terminal the same ssh you joined with, with json at the end:",
                "ssh -p PORT USER@ADDRESS json > copy.json",
            ],
        )
    }

    pub fn any_key_closes(self) -> &'static str {
        self.pick("Cualquier tecla cierra.", "Any key closes.")
    }

    pub fn where_file_title(self) -> &'static str {
        self.pick(" Dónde está el archivo ", " Where the file is ")
    }

    /// `w` on this machine: the file, its folder, what to do with it.
    pub fn where_file_lines(self, name: impl Display, dir: impl Display) -> [String; 3] {
        self.pick(
            [
                format!("Archivo: {name}"),
                format!("Carpeta: {dir}"),
                "Cópielo a la memoria USB. Cualquier tecla cierra.".to_string(),
            ],
            [
                format!("File: {name}"),
                format!("Folder: {dir}"),
                "Copy it to the USB stick. Any key closes.".to_string(),
            ],
        )
    }
}
