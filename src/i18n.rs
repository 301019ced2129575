//! Every string a person sees, in Spanish (first) and English.
//!
//! A struct with one field per string makes a missing translation a compile
//! error instead of a blank on the projector.

use std::fmt::Display;

pub use keys::KeyWords;

mod agenda;
mod keys;
mod labels;
mod merge;
mod offline;
mod outputs;
mod presence;
mod roles;
mod screens;
mod ssh;
mod workshop;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    /// Every language the interface speaks.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// Parses `es`, `en`, or a locale such as `en_US.UTF-8`.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        if value.starts_with("es") {
            Some(Lang::Es)
        } else if value.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Es => &ES,
            Lang::En => &EN,
        }
    }

    fn pick<T>(self, es: T, en: T) -> T {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }

    /// A country's name in this language. Names are stored as the CRM lists
    /// them (the built-in workshop's members, in every session file), so only the screen
    /// translates; a name not known here (an invited country, typed by a
    /// rapporteur) is shown as typed.
    pub fn country(self, stored: &str) -> &str {
        // (as stored, Spanish, English)
        const NAMES: [(&str, &str, &str); 6] = [
            ("Belize", "Belice", "Belize"),
            ("Canadá", "Canadá", "Canada"),
            ("Estados Unidos", "Estados Unidos", "United States"),
            ("México", "México", "Mexico"),
            ("Panamá", "Panamá", "Panama"),
            (
                "República Dominicana",
                "República Dominicana",
                "Dominican Republic",
            ),
        ];
        NAMES
            .iter()
            .find(|(name, ..)| *name == stored)
            .map_or(stored, |(_, es, en)| self.pick(es, en))
    }

    pub fn inputs(self, n: usize) -> String {
        match (self, n) {
            (Lang::Es, 1) => "1 insumo".into(),
            (Lang::Es, n) => format!("{n} insumos"),
            (Lang::En, 1) => "1 input".into(),
            (Lang::En, n) => format!("{n} inputs"),
        }
    }

    pub fn groups(self, n: usize) -> String {
        match (self, n) {
            (Lang::Es, 1) => "1 grupo".into(),
            (Lang::Es, n) => format!("{n} grupos"),
            (Lang::En, 1) => "1 group".into(),
            (Lang::En, n) => format!("{n} groups"),
        }
    }

    pub fn minutes(self, n: u32) -> String {
        format!("{n} min")
    }

    pub fn item_of(self, i: usize, n: usize) -> String {
        self.pick(format!("Punto {i} de {n}"), format!("Item {i} of {n}"))
    }

    pub fn group_of(self, i: usize, n: usize) -> String {
        self.pick(format!("Grupo {i} de {n}"), format!("Group {i} of {n}"))
    }

    pub fn part_of(self, i: usize, n: usize) -> String {
        self.pick(format!("Parte {i} de {n}"), format!("Part {i} of {n}"))
    }

    pub fn report_of(self, i: usize, n: usize) -> String {
        self.pick(
            format!("Grupo {i} de {n} socializa"),
            format!("Group {i} of {n} reports back"),
        )
    }

    pub fn axis_label(self, number: u32) -> String {
        self.pick(format!("Eje {number}"), format!("Axis {number}"))
    }

    pub fn new_input_title(self, axis: impl Display) -> String {
        self.pick(
            format!(" Nuevo insumo — {axis} "),
            format!(" New input — {axis} "),
        )
    }

    pub fn edit_input_title(self, n: usize) -> String {
        self.pick(format!(" Editar insumo {n} "), format!(" Edit input {n} "))
    }

    pub fn role_title(self, role: &str, group: usize) -> String {
        self.pick(
            format!(" {role} del grupo {group} "),
            format!(" {role} of group {group} "),
        )
    }

    pub fn saved_at(self, time: impl Display) -> String {
        self.pick(format!("Guardado {time}"), format!("Saved {time}"))
    }

    pub fn save_failed(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("¡No se pudo guardar {path}: {reason}! Lo escrito sigue en memoria; Ctrl+S reintenta."),
            format!("Could not save {path}: {reason}! Your text is still in memory; Ctrl+S retries."),
        )
    }

    pub fn too_small(self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        self.pick(
            format!("Ventana demasiado pequeña ({w}×{h}). Se necesita al menos {min_w}×{min_h}."),
            format!("Window too small ({w}×{h}). At least {min_w}×{min_h} is needed."),
        )
    }

    pub fn no_sessions_in(self, dir: impl Display) -> String {
        self.pick(
            format!("Aún no hay sesiones guardadas en {dir}"),
            format!("No saved sessions yet in {dir}"),
        )
    }

    pub fn created(self, path: impl Display) -> String {
        self.pick(
            format!("Sesión creada: {path}"),
            format!("Session created: {path}"),
        )
    }

    pub fn cannot_open(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("No se puede abrir {path}: {reason}"),
            format!("Cannot open {path}: {reason}"),
        )
    }

    pub fn saved_in(self, path: impl Display) -> String {
        self.pick(
            format!("Sesión guardada en {path}"),
            format!("Session saved in {path}"),
        )
    }

    pub fn read_only(self, holder: impl Display) -> String {
        self.pick(
            format!("Solo lectura: la usa el {holder}"),
            format!("Read-only: in use by {holder}"),
        )
    }

    pub fn too_large(self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b / (1024 * 1024);
        self.pick(
            format!(
                "es demasiado grande para ser una sesión ({} MB; el máximo es {} MB)",
                mb(bytes),
                mb(max)
            ),
            format!(
                "it is too large to be a session ({} MB; the limit is {} MB)",
                mb(bytes),
                mb(max)
            ),
        )
    }

    /// A write refused because taller could not open the file after it.
    pub fn too_large_to_write(self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        self.pick(
            format!(
                "no se escribió: serían {} MB y taller solo abre sesiones de hasta {} MB; el archivo anterior queda como estaba",
                mb(bytes),
                mb(max)
            ),
            format!(
                "not written: it would be {} MB and taller opens sessions of at most {} MB; the file there is left as it was",
                mb(bytes),
                mb(max)
            ),
        )
    }

    pub fn in_use(self, holder: impl Display) -> String {
        self.pick(
            format!(
                "no se puede cambiar: la sesión está abierta por el {holder}; ciérrela allí primero"
            ),
            format!("cannot change it: the session is open by {holder}; close it there first"),
        )
    }

    pub fn holder(self, pid: impl Display, host: impl Display) -> String {
        self.pick(
            format!("proceso {pid} en {host}"),
            format!("process {pid} on {host}"),
        )
    }

    pub fn backups_hint(self, n: usize, when: &str, name: &str) -> String {
        self.pick(
            format!(". Copia buena más reciente: la {n}, de {when}. Para recuperarla: taller restore \"{name}\" {n}"),
            format!(". Newest good backup: number {n}, from {when}. To bring it back: taller restore \"{name}\" {n}"),
        )
    }

    pub fn no_backups(self, path: impl Display) -> String {
        self.pick(
            format!("No hay copias de seguridad de {path}"),
            format!("There are no backups of {path}"),
        )
    }

    pub fn no_such_backup(self, n: usize, count: usize) -> String {
        self.pick(
            format!("no hay copia número {n}: hay {count}"),
            format!("there is no backup number {n}: there are {count}"),
        )
    }

    pub fn restored_from(self, n: usize, path: impl Display) -> String {
        self.pick(
            format!("Restaurada la copia {n} en {path}; el archivo anterior quedó como copia 1."),
            format!("Restored backup {n} to {path}; the previous file is now backup 1."),
        )
    }

    pub fn unsaved_recovered(
        self,
        path: impl Display,
        reason: impl Display,
        copy: impl Display,
    ) -> String {
        self.pick(
            format!("no se pudo guardar {path} ({reason}); la sesión, con todo lo escrito, quedó en {copy}, que «taller open» abre"),
            format!("could not save {path} ({reason}); the session, with everything typed, is in {copy}, which \"taller open\" opens"),
        )
    }

    pub fn unsaved_lost(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("no se pudo guardar {path} ({reason}) ni escribir un archivo de recuperación en ninguna carpeta: lo no guardado se perdió"),
            format!("could not save {path} ({reason}) nor write a recovery file in any folder: what was unsaved is lost"),
        )
    }

    pub fn crashed_saved(self, path: impl Display) -> String {
        self.pick(
            format!("taller falló, pero no se perdió nada: la sesión, con lo que estaba en el editor, está en {path}"),
            format!("taller failed, but nothing was lost: the session, with what was in the editor, is in {path}"),
        )
    }

    pub fn trashed(self, path: impl Display) -> String {
        self.pick(
            format!("Movida a la papelera: {path}"),
            format!("Moved to the trash: {path}"),
        )
    }

    pub fn cannot_write(self, path: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("No se puede escribir {path}: {reason}"),
            format!("Cannot write {path}: {reason}"),
        )
    }

    pub fn default_workshop_hint(self, title: impl Display) -> String {
        self.pick(
            format!("taller por defecto: {title}"),
            format!("default workshop: {title}"),
        )
    }

    pub fn not_json(self, line: usize, column: usize, reason: impl Display) -> String {
        self.pick(
            format!("no es JSON válido (línea {line}, columna {column}: {reason})"),
            format!("not valid JSON (line {line}, column {column}: {reason})"),
        )
    }

    pub fn invalid_session(self, line: usize, column: usize, reason: impl Display) -> String {
        self.pick(
            format!("la sesión tiene datos no válidos (línea {line}, columna {column}: {reason})"),
            format!("the session has invalid data (line {line}, column {column}: {reason})"),
        )
    }

    pub fn newer_schema(self, found: u64, supported: u32) -> String {
        self.pick(
            format!(
                "fue escrita por una versión más nueva de taller (esquema {found}; esta versión entiende hasta {supported}). Actualice taller; el archivo no se ha modificado."
            ),
            format!(
                "it was written by a newer taller (schema {found}; this version reads up to {supported}). Update taller; the file was not changed."
            ),
        )
    }

    pub fn session_exists(self, name: impl Display) -> String {
        self.pick(
            format!("ya existe una sesión llamada «{name}»; use otro nombre o «taller open {name}»"),
            format!("a session named \"{name}\" already exists; pick another name or use \"taller open {name}\""),
        )
    }

    /// `serve NAME --workshop FILE` for a session that already has its workshop.
    pub fn workshop_for_new_only(self, name: impl Display) -> String {
        self.pick(
            format!("la sesión «{name}» ya existe y tiene su taller; --workshop sirve solo para una sesión nueva: «taller serve {name}» la sirve como está"),
            format!("the session \"{name}\" already exists with its workshop; --workshop is only for a new session: \"taller serve {name}\" serves it as it is"),
        )
    }

    pub fn duration_out_of_range(self, field: &str, value: u64, max: u64) -> String {
        self.pick(
            format!("el campo {field} está fuera de rango ({value}; el máximo es {max})"),
            format!("the field {field} is out of range ({value}; the most allowed is {max})"),
        )
    }

    pub fn time_out_of_range(
        self,
        field: &str,
        value: impl Display,
        earliest: i16,
        latest: i16,
    ) -> String {
        self.pick(
            format!(
                "el campo {field} tiene una fecha fuera de rango ({value}; se aceptan los años {earliest} a {latest})"
            ),
            format!(
                "the field {field} has a date out of range ({value}; years {earliest} to {latest} are accepted)"
            ),
        )
    }

    pub fn renewed_ids(self, n: usize) -> String {
        match (self, n) {
            (Lang::Es, 1) => "1 insumo con id repetido recibió un id nuevo".into(),
            (Lang::Es, n) => format!("{n} insumos con id repetido recibieron un id nuevo"),
            (Lang::En, 1) => "1 input with a repeated id was given a new id".into(),
            (Lang::En, n) => format!("{n} inputs with a repeated id were given new ids"),
        }
    }

    pub fn minutes_refused(self, text: &str, max: u32) -> String {
        self.pick(
            format!("«{text}» no es una duración válida: escriba los minutos, de 1 a {max}"),
            format!("\"{text}\" is not a valid length: type the minutes, 1 to {max}"),
        )
    }

    /// The schedule's drift, as the header says it.
    pub fn drift(self, minutes: i64) -> String {
        match (self, minutes) {
            (Lang::Es, 0) => "en hora".into(),
            (Lang::Es, m) if m > 0 => format!("+{m} min de retraso"),
            (Lang::Es, m) => format!("{} min de adelanto", -m),
            (Lang::En, 0) => "on schedule".into(),
            (Lang::En, m) if m > 0 => format!("+{m} min behind"),
            (Lang::En, m) => format!("{} min ahead", -m),
        }
    }

    /// The drift of a past day, after its date: a session reopened later
    /// shows where that day stood when its clocks stopped.
    pub fn drift_on(self, day: jiff::civil::Date, minutes: i64) -> String {
        let date = self.pick(day.strftime("%d/%m/%Y"), day.strftime("%d %b %Y"));
        format!("{date}: {}", self.drift(minutes))
    }

    pub fn expected_end(self, time: impl Display) -> String {
        self.pick(
            format!("fin previsto {time}"),
            format!("expected end {time}"),
        )
    }

    pub fn minutes_title(self, item: impl Display) -> String {
        self.pick(
            format!(" Minutos previstos — {item} "),
            format!(" Planned minutes — {item} "),
        )
    }

    /// `m` on a group's breakout: one planned length for the groups that
    /// work in parallel, so the prompt says it changes every group's.
    pub fn minutes_every_breakout_title(self, breakout: impl Display) -> String {
        self.pick(
            format!(" Minutos previstos de todos los grupos — {breakout} "),
            format!(" Planned minutes of every group — {breakout} "),
        )
    }

    /// `m` on a report-back: every group's slot has the planned length.
    pub fn minutes_every_report_title(self) -> String {
        self.pick(
            " Minutos previstos de todos los grupos — socialización ".to_string(),
            " Planned minutes of every group — report-back ".to_string(),
        )
    }

    pub fn time_of_day(self, time: impl Display) -> String {
        self.pick(format!("hora {time}"), format!("time {time}"))
    }

    pub fn cannot_listen(self, address: &str, reason: &str) -> String {
        self.pick(
            format!("No se puede escuchar en {address}: {reason} (¿otro taller ya sirve ahí? use --listen)"),
            format!("Cannot listen on {address}: {reason} (is another taller serving there? use --listen)"),
        )
    }

    pub fn bad_authorized_key(self, file: &str, line: &str) -> String {
        self.pick(
            format!("{file}: línea no válida ({line}); cada línea es `ROL ssh-ed25519 AAAA…`"),
            format!("{file}: invalid line ({line}); each line is `ROLE ssh-ed25519 AAAA…`"),
        )
    }

    /// Why an authorized-keys file was not read, said after its name.
    pub fn keys_unread(self, why: &crate::store::ReadError) -> String {
        use crate::store::ReadError;
        match why {
            ReadError::NotFound => self.pick("no existe", "it does not exist").to_string(),
            ReadError::NotRegular(_) => self
                .pick(
                    "no es un archivo normal (¿una tubería, un dispositivo?)",
                    "not a regular file (a pipe, a device?)",
                )
                .to_string(),
            ReadError::TooLarge(_) => self.pick(
                format!(
                    "demasiado grande para claves autorizadas (más de {} KiB)",
                    crate::shell::ssh::auth::MAX_KEYS_BYTES / 1024
                ),
                format!(
                    "too large for authorized keys (over {} KiB)",
                    crate::shell::ssh::auth::MAX_KEYS_BYTES / 1024
                ),
            ),
            ReadError::Io(error) => crate::store::describe_io(error, self),
        }
    }

    pub fn serving_held(self, holder: &str) -> String {
        self.pick(
            format!("No se puede servir esta sesión: {holder}. Ciérrela allí primero."),
            format!("Cannot serve this session: {holder}. Close it there first."),
        )
    }

    pub fn join_addresses(self, addresses: &str) -> String {
        self.pick(
            format!("Si no conecta, pruebe otra dirección de esta computadora: {addresses}"),
            format!("If it does not connect, try another address of this computer: {addresses}"),
        )
    }

    pub fn join_fingerprint(self, fingerprint: &str) -> String {
        self.pick(
            format!("La primera vez, ssh muestra una huella: debe ser {fingerprint}"),
            format!("The first time, ssh shows a fingerprint: it must be {fingerprint}"),
        )
    }

    pub fn settings_line(self, bell: bool) -> String {
        let yes_no = |on: bool| match (self, on) {
            (Lang::Es, true) => "sí",
            (Lang::Es, false) => "no",
            (Lang::En, true) => "on",
            (Lang::En, false) => "off",
        };
        self.pick(
            format!(
                "b  campana: {} · i  inicio previsto · n  siguiente punto · Esc vuelve",
                yes_no(bell)
            ),
            format!(
                "b  bell: {} · i  planned start · n  next item · Esc goes back",
                yes_no(bell)
            ),
        )
    }

    pub fn time_refused(self, text: &str) -> String {
        self.pick(
            format!("«{text}» no es una hora: escriba HH:MM, por ejemplo 09:30"),
            format!("\"{text}\" is not a time: type HH:MM, for example 09:30"),
        )
    }

    pub fn moved_to(self, group: impl Display) -> String {
        self.pick(
            format!("Insumo movido a «{group}». «u» lo devuelve."),
            format!("Input moved to \"{group}\". \"u\" moves it back."),
        )
    }

    /// "2 acciones (1 regional, 1 nacional) · 1 acuerdo · 1 pregunta abierta"
    pub fn counts(self, counts: &crate::model::session::Counts) -> String {
        use crate::model::input::{Kind, Scope};
        let mut parts = Vec::new();
        for (kind, n) in Kind::ALL.iter().zip(counts.kinds) {
            if n == 0 {
                continue;
            }
            let mut part = format!("{} {n}", self.kind(*kind).to_lowercase());
            if *kind == Kind::Action {
                let scopes: Vec<String> = Scope::ALL
                    .iter()
                    .zip(counts.scopes)
                    .filter(|(_, n)| *n > 0)
                    .map(|(scope, n)| format!("{} {n}", self.scope(*scope)))
                    .collect();
                if !scopes.is_empty() {
                    part.push_str(&format!(" ({})", scopes.join(", ")));
                }
            }
            parts.push(part);
        }
        parts.join(" · ")
    }

    /// `number` is the input's own ("4.2"), as the plan names it.
    pub fn similar_to(self, number: impl Display, group: impl Display) -> String {
        self.pick(
            format!("posible duplicado del insumo {number} de «{group}» (g para ir)"),
            format!("possible duplicate of input {number} in \"{group}\" (g to go there)"),
        )
    }

    pub fn more_text(self, bytes: usize) -> String {
        let kb = bytes.div_ceil(1024);
        self.pick(
            format!("… sigue ({kb} KB más; Enter para verlo entero)"),
            format!("… continues ({kb} KB more; Enter to see all of it)"),
        )
    }

    pub fn participants_title(self, group: usize) -> String {
        self.pick(
            format!(" Participantes del grupo {group} "),
            format!(" Participants of group {group} "),
        )
    }

    pub fn other_workshop(self, file: &str, workshop: &str, expected: &str) -> String {
        self.pick(
            format!("{file} es de otro taller («{workshop}», no «{expected}»)"),
            format!("{file} is from another workshop (\"{workshop}\", not \"{expected}\")"),
        )
    }

    pub fn similar_in_plan(self, opening: &str, group: impl Display) -> String {
        self.pick(
            format!("posible duplicado de «{opening}», de «{group}»"),
            format!("possible duplicate of \"{opening}\", in \"{group}\""),
        )
    }

    pub fn consolidated(self, inputs: usize, files: usize, dir: impl Display) -> String {
        self.pick(
            format!("{inputs} insumos de {files} archivo(s) consolidados en {dir}: plan.md, plan.csv, plan.json"),
            format!("{inputs} inputs from {files} file(s) consolidated in {dir}: plan.md, plan.csv, plan.json"),
        )
    }

    pub fn skipped(self, reason: impl Display) -> String {
        self.pick(
            format!("se omite — {reason}"),
            format!("skipped — {reason}"),
        )
    }

    pub fn votes(self, n: u32) -> String {
        match (self, n) {
            (Lang::Es, 1) => "1 voto".into(),
            (Lang::Es, n) => format!("{n} votos"),
            (Lang::En, 1) => "1 vote".into(),
            (Lang::En, n) => format!("{n} votes"),
        }
    }

    pub fn imported(self, added: usize, updated: usize, from: impl Display) -> String {
        self.pick(
            format!("{added} insumo(s) nuevo(s) y {updated} actualizado(s), traídos de {from}"),
            format!("{added} new and {updated} updated input(s), brought from {from}"),
        )
    }

    pub fn name_too_long(self, max: usize) -> String {
        self.pick(
            format!("el nombre es demasiado largo: como máximo {max} caracteres (menos con emoji o alfabetos no latinos)"),
            format!("the name is too long: at most {max} characters (fewer with emoji or non-Latin scripts)"),
        )
    }

    // Command-line usage errors. clap words its own in English; these say
    // the same in the interface's language (see `cli::usage_error`).

    pub fn cli_unexpected_argument(self, arg: &str) -> String {
        self.pick(
            format!("argumento inesperado «{arg}»"),
            format!("unexpected argument '{arg}' found"),
        )
    }

    pub fn cli_unknown_command(self, name: &str) -> String {
        self.pick(
            format!("no existe el comando «{name}»"),
            format!("unrecognized subcommand '{name}'"),
        )
    }

    pub fn cli_missing_value(self, arg: &str) -> String {
        self.pick(
            format!("falta el valor de «{arg}»"),
            format!("a value is required for '{arg}' but none was supplied"),
        )
    }

    pub fn cli_invalid_value(self, value: &str, arg: &str) -> String {
        self.pick(
            format!("valor no válido «{value}» para «{arg}»"),
            format!("invalid value '{value}' for '{arg}'"),
        )
    }

    pub fn cli_possible_values(self, values: &str) -> String {
        self.pick(
            format!("valores posibles: {values}"),
            format!("possible values: {values}"),
        )
    }

    pub fn cli_missing_arguments(self) -> &'static str {
        self.pick(
            "faltan estos argumentos obligatorios:",
            "the following required arguments were not provided:",
        )
    }

    pub fn cli_unexpected_value(self, value: &str, arg: &str) -> String {
        self.pick(
            format!("valor inesperado «{value}» para «{arg}»: no se esperaban más"),
            format!("unexpected value '{value}' for '{arg}' found; no more were expected"),
        )
    }

    pub fn cli_conflict(self, arg: &str, other: &str) -> String {
        self.pick(
            format!("el argumento «{arg}» no se puede usar junto con «{other}»"),
            format!("the argument '{arg}' cannot be used with '{other}'"),
        )
    }

    pub fn cli_used_twice(self, arg: &str) -> String {
        self.pick(
            format!("el argumento «{arg}» no se puede dar más de una vez"),
            format!("the argument '{arg}' cannot be used multiple times"),
        )
    }

    pub fn cli_no_equals(self, arg: &str) -> String {
        self.pick(
            format!("hace falta un signo = para dar el valor de «{arg}»"),
            format!("equal sign is needed when assigning values to '{arg}'"),
        )
    }

    pub fn cli_needs_command(self, name: &str) -> String {
        self.pick(
            format!("«{name}» necesita un comando"),
            format!("'{name}' requires a subcommand but one was not provided"),
        )
    }

    pub fn cli_invalid_utf8(self) -> &'static str {
        self.pick(
            "un argumento no es texto válido (UTF-8)",
            "invalid UTF-8 was detected in one or more arguments",
        )
    }

    pub fn cli_did_you_mean(self, suggestion: &str) -> String {
        self.pick(
            format!("sugerencia: ¿quiso decir «{suggestion}»?"),
            format!("tip: did you mean '{suggestion}'?"),
        )
    }

    pub fn cli_usage(self, usage: &str) -> String {
        self.pick(format!("Uso: {usage}"), format!("Usage: {usage}"))
    }

    pub fn cli_try_help(self) -> &'static str {
        self.pick(
            "Para más información, pruebe «--help».",
            "For more information, try '--help'.",
        )
    }
}

/// Plain strings, one field each.
pub struct Strings {
    pub new_session: &'static str,
    pub saved_sessions: &'static str,
    pub start_title: &'static str,
    pub name_prompt: &'static str,
    pub name_prompt_keys: &'static str,
    pub rename_prompt: &'static str,
    pub planned_start_title: &'static str,
    pub template_prompt: &'static str,
    pub last_change: &'static str,
    pub agenda: &'static str,
    pub examples: &'static str,
    pub instructions: &'static str,
    pub principles: &'static str,
    pub facilitator: &'static str,
    pub rapporteur: &'static str,
    pub unassigned: &'static str,
    pub group_inputs: &'static str,
    pub no_inputs: &'static str,
    pub no_inputs_report: &'static str,
    pub presents: &'static str,
    /// Before the title of what comes after the current item, in the room view.
    pub next_up: &'static str,
    pub final_product: &'static str,
    pub summary_by_group: &'static str,
    pub total: &'static str,
    pub more_above: &'static str,
    pub more_below: &'static str,
    pub more_above_keys: &'static str,
    pub more_below_keys: &'static str,
    pub editor_keys: &'static str,
    pub line_editor_keys: &'static str,
    pub confirm_delete: &'static str,
    pub confirm_keys: &'static str,
    pub confirm_quit: &'static str,
    pub deleted: &'static str,
    pub restored: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub emptied_deleted: &'static str,
    pub empty_not_added: &'static str,
    pub not_set: &'static str,
    pub import_title: &'static str,
    pub ranking: &'static str,
    pub key_import: &'static str,
    pub status_agreed: &'static str,
    pub status_revise: &'static str,
    pub status_dropped: &'static str,
    pub field_status: &'static str,
    pub field_observations: &'static str,
    pub field_votes: &'static str,
    pub plan_to_revise: &'static str,
    pub plan_agreed: &'static str,
    pub plan_title: &'static str,
    pub plan_context: &'static str,
    pub plan_actions: &'static str,
    pub plan_agreements: &'static str,
    pub plan_questions: &'static str,
    pub plan_parking: &'static str,
    pub plan_annex: &'static str,
    pub csv_axis: &'static str,
    pub csv_origin: &'static str,
    pub csv_duplicate_of: &'static str,
    pub nothing_to_consolidate: &'static str,
    pub err_output_is_input: &'static str,
    pub participants_keys: &'static str,
    pub participants: &'static str,
    pub key_participants: &'static str,
    pub add_country: &'static str,
    pub country_prompt: &'static str,
    pub form_country_keys: &'static str,
    pub form_adding_keys: &'static str,
    pub form_timeframe_keys: &'static str,
    pub flag_national: &'static str,
    pub form_keys: &'static str,
    pub field_kind: &'static str,
    pub field_text: &'static str,
    pub field_scope: &'static str,
    pub field_countries: &'static str,
    pub field_lead: &'static str,
    pub field_partners: &'static str,
    pub field_timeframe: &'static str,
    pub timeframe_date: &'static str,
    pub field_indicator: &'static str,
    pub field_priority: &'static str,
    pub text_kept: &'static str,
    pub paste_needs_group: &'static str,
    pub read_only_badge: &'static str,
    pub renamed: &'static str,
    pub confirm_trash: &'static str,
    pub key_rename: &'static str,
    pub key_template: &'static str,
    pub key_trash: &'static str,
    pub crashed: &'static str,
    pub recovered: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    /// The join screen's last line: it asks nothing, so any key closes it.
    pub footer_start: &'static str,
    pub opening_session: &'static str,
    // Key help: what each key does.
    pub key_parts: &'static str,
    pub key_groups: &'static str,
    pub key_select: &'static str,
    pub key_scroll: &'static str,
    pub key_add: &'static str,
    pub key_edit: &'static str,
    pub key_delete: &'static str,
    pub key_undo: &'static str,
    pub key_reorder: &'static str,
    pub key_back: &'static str,
    /// `n`: moving on is an action of its own.
    pub key_auto_start: &'static str,
    pub key_bell: &'static str,
    pub key_planned_start: &'static str,
    pub part_opening: &'static str,
    pub part_groups: &'static str,
    pub part_closing: &'static str,
    pub key_duplicate: &'static str,
    pub key_move_group: &'static str,
    pub key_facilitator: &'static str,
    pub key_rapporteur: &'static str,
    pub key_examples: &'static str,
    pub key_help: &'static str,
    pub key_save: &'static str,
    pub key_quit: &'static str,
    pub key_open: &'static str,
    pub key_new: &'static str,
    pub key_start_quit: &'static str,
    pub key_editor_finish: &'static str,
    pub key_editor_newline: &'static str,
    pub key_editor_save: &'static str,
    pub key_editor_paste: &'static str,
    pub key_prompt_accept: &'static str,
    pub key_prompt_cancel: &'static str,
    pub key_prompt_replace: &'static str,
    pub key_prompt_edit: &'static str,
    pub key_form_fields: &'static str,
    pub key_form_choose: &'static str,
    pub key_form_countries: &'static str,
    pub keys_form_countries: &'static str,
    pub key_form_all: &'static str,
    pub key_form_add: &'static str,
    pub key_form_date: &'static str,
    pub key_form_keep: &'static str,
    pub key_editor_fields: &'static str,
    // Errors a person can cause.
    pub phase_idle: &'static str,
    pub phase_normal: &'static str,
    pub phase_warning: &'static str,
    pub phase_danger: &'static str,
    pub phase_overtime: &'static str,
    pub paused: &'static str,
    pub confirm_reset: &'static str,
    pub schedule_title: &'static str,
    pub col_item: &'static str,
    pub col_planned: &'static str,
    pub col_actual: &'static str,
    pub col_expected: &'static str,
    pub col_state: &'static str,
    pub csv_item: &'static str,
    pub csv_planned_start: &'static str,
    pub csv_planned_end: &'static str,
    pub csv_planned_minutes: &'static str,
    pub csv_actual_start: &'static str,
    pub csv_actual_end: &'static str,
    pub csv_actual_minutes: &'static str,
    pub csv_difference: &'static str,
    pub err_output_is_session: &'static str,
    pub state_done: &'static str,
    pub state_running: &'static str,
    pub state_ahead: &'static str,
    pub kind_action: &'static str,
    pub kind_agreement: &'static str,
    pub kind_question: &'static str,
    pub kind_parking: &'static str,
    pub scope_regional: &'static str,
    pub scope_multilateral: &'static str,
    pub scope_bilateral: &'static str,
    pub scope_national: &'static str,
    pub priority_high: &'static str,
    pub priority_medium: &'static str,
    pub priority_low: &'static str,
    pub timeframe_short: &'static str,
    pub timeframe_medium: &'static str,
    pub timeframe_long: &'static str,
    pub state_paused: &'static str,
    pub state_skipped: &'static str,
    pub key_timer: &'static str,
    pub key_all_groups: &'static str,
    pub key_plus_minus: &'static str,
    pub key_reset: &'static str,
    pub key_minutes: &'static str,
    pub key_room: &'static str,
    pub key_room_message: &'static str,
    pub refused_gone: &'static str,
    pub refused_no_group: &'static str,
    pub refused_changed_since: &'static str,
    pub selected_deleted_elsewhere: &'static str,
    pub editing_deleted_elsewhere: &'static str,
    pub moved_on: &'static str,
    pub import_only_here: &'static str,
    pub plenary_is_the_facilitators: &'static str,
    pub join_title: &'static str,
    pub join_intro: &'static str,
    pub join_code: &'static str,
    pub key_join: &'static str,
    pub day_over: &'static str,
    pub room_message_title: &'static str,
    pub room_message_cleared: &'static str,
    pub key_schedule: &'static str,
    pub keys_scroll: &'static str,
    pub key_space: &'static str,
    pub keys_delete: &'static str,
    pub err_not_found: &'static str,
    pub err_not_a_session: &'static str,
    pub err_no_schema_version: &'static str,
    pub err_name_empty: &'static str,
    pub err_name_separator: &'static str,
    pub err_name_control: &'static str,
    pub err_name_invisible: &'static str,
    pub err_name_whitespace: &'static str,
    pub err_name_dot: &'static str,
    pub err_is_directory: &'static str,
    pub err_no_data_dir: &'static str,
    pub err_not_a_terminal: &'static str,
    // Command line.
    pub col_name: &'static str,
    pub col_workshop: &'static str,
    pub col_last_change: &'static str,
    pub col_inputs: &'static str,
    pub damaged: &'static str,
}

pub static ES: Strings = Strings {
    new_session: "Nueva sesión",
    saved_sessions: "Sesiones guardadas",
    start_title: " taller — facilitación de talleres presenciales ",
    name_prompt: " Nombre de la nueva sesión ",
    name_prompt_keys: "Enter acepta · Esc cancela",
    rename_prompt: " Nuevo nombre de la sesión ",
    planned_start_title: " Hora prevista de inicio del día (HH:MM) ",
    template_prompt: " Sesión nueva con el mismo taller ",
    last_change: "último cambio",
    agenda: "Agenda",
    examples: "Ejemplos orientadores",
    instructions: "Consigna",
    principles: "Principios",
    facilitator: "Facilitador(a)",
    rapporteur: "Relator(a)",
    unassigned: "(sin asignar)",
    group_inputs: "Insumos del grupo",
    no_inputs: "Aún no hay insumos. Pulse «a» para añadir el primero.",
    no_inputs_report: "Este grupo aún no tiene insumos que socializar.",
    presents: "Presenta",
    next_up: "Siguiente",
    final_product: "Producto final",
    summary_by_group: "Insumos por grupo",
    total: "Total",
    more_above: "▲ más arriba (RePág)",
    more_below: "▼ sigue (AvPág)",
    more_above_keys: "▲ más teclas arriba (↑)",
    more_below_keys: "▼ más teclas abajo (↓)",
    editor_keys: "Esc termina y guarda · Enter nueva línea · Ctrl+S guarda ahora · F1 ayuda",
    line_editor_keys: "Enter acepta · Esc cancela · escribir reemplaza; ←→ edita",
    confirm_delete: "¿Eliminar este insumo?",
    confirm_keys: "s / Enter: sí · n / Esc: no",
    confirm_quit: "No se pudo guardar. ¿Salir de todas formas? Lo no guardado irá a un archivo de recuperación.",
    deleted: "Insumo eliminado. «u» lo recupera.",
    restored: "Insumo recuperado.",
    nothing_to_undo: "No hay cambios que deshacer.",
    nothing_to_redo: "No hay cambios que rehacer.",
    undone: "Cambio deshecho. Ctrl+R lo rehace.",
    redone: "Cambio rehecho.",
    emptied_deleted: "El insumo quedó vacío y se eliminó. «u» lo recupera.",
    empty_not_added: "Insumo vacío: no se añadió nada.",
    not_set: "—",
    ranking: "Prioridades según los votos de la sala",
    import_title: " Traer de otra computadora: archivo o carpeta (Tab completa la ruta) ",
    key_import: "traer los insumos de otra computadora (archivo de sesión)",
    status_agreed: "consensuado",
    status_revise: "a revisar",
    status_dropped: "descartado",
    field_status: "Estado en plenaria",
    field_observations: "Observaciones",
    field_votes: "Votos",
    plan_to_revise: "Acciones a revisar",
    plan_agreed: "Acciones consensuadas",
    plan_title: "Borrador del Plan de Trabajo Regional",
    plan_context: "Contexto y principios",
    plan_actions: "Acciones propuestas (sin decisión de la plenaria)",
    plan_agreements: "Acuerdos",
    plan_questions: "Preguntas abiertas",
    plan_parking: "Pendientes",
    plan_annex: "Anexo: grupos y horario",
    csv_axis: "eje",
    csv_origin: "archivo de origen",
    csv_duplicate_of: "posible duplicado de",
    nothing_to_consolidate: "no hay sesiones que consolidar",
    err_output_is_input: "la carpeta de salida contiene uno de los archivos de entrada; elija otra",
    participants_keys: "Una persona por línea: Nombre; País; Rol (Fiscal/Procurador, Director/a de Migración, Director/a de Policía Migratoria, Investigador/a Principal, Representante de la Coalición Regional, u otro) · Esc guarda",
    participants: "Participantes",
    key_participants: "participantes del grupo (nombre; país; rol)",
    add_country: "añadir un país invitado (Enter, escribir, Enter)",
    country_prompt: "País invitado: ",
    form_country_keys: "↑↓ mover · Espacio marca · t miembros · Tab sigue · Esc guarda y cierra",
    form_adding_keys: "Escriba el país · Enter lo añade · Tab lo añade y sigue · Esc cancela",
    form_timeframe_keys: "←→ plazo o «fecha o periodo», que se escribe · Tab sigue · Esc guarda y cierra",
    flag_national: "alcance nacional: las acciones deben ser regionales, no locales",
    form_keys: "Tab campo · ←→ elegir · 0-9 votos · Esc guarda y cierra",
    field_kind: "Tipo",
    field_text: "Texto",
    field_scope: "Alcance",
    field_countries: "Países",
    field_lead: "Institución líder",
    field_partners: "Socios / coordinación",
    field_timeframe: "Plazo",
    timeframe_date: "fecha o periodo",
    field_indicator: "Indicador",
    field_priority: "Prioridad",
    text_kept: "El texto no puede quedar vacío: se mantuvo el anterior (para borrar el insumo, «d»).",
    read_only_badge: "SOLO LECTURA",
    renamed: "Sesión renombrada.",
    confirm_trash: "¿Mover esta sesión a la papelera? Podrá recuperarse desde la carpeta .taller-trash.",
    key_rename: "renombrar la sesión elegida",
    key_template: "nueva sesión con el mismo taller (como plantilla)",
    key_trash: "mover la sesión a la papelera (pide confirmación)",
    crashed: "taller falló. Lo guardado hasta el último segundo está en el archivo de la sesión.",
    recovered: "recuperado",
    paste_needs_group: "Lo pegado no se guardó: pegue en la página de un grupo (Tab) o dentro del editor.",
    help_title: " Teclas ",
    help_close: "Cualquier tecla cierra esta ayuda",
    footer_start: "Enter abrir · n nueva · r renombrar · c plantilla · d papelera · q salir · ? ayuda",
    opening_session: "Abriendo la sesión…",
    key_parts: "parte siguiente / anterior",
    key_groups: "grupo anterior / siguiente",
    key_select: "elegir",
    key_scroll: "leer más abajo / arriba",
    key_add: "añadir un insumo",
    key_edit: "editar el insumo (formulario)",
    key_delete: "eliminar (pide confirmación)",
    key_undo: "deshacer (Ctrl+R rehace)",
    key_reorder: "subir / bajar el insumo",
    key_back: "volver a la pantalla de la parte",
    key_auto_start: "siguiente: termina lo que corre e inicia lo que sigue en el día",
    key_bell: "campana: sí / no",
    key_planned_start: "hora prevista de inicio del día",
    part_opening: "Plenaria de apertura",
    part_groups: "Grupos de trabajo",
    part_closing: "Plenaria de cierre",
    key_duplicate: "ir al posible duplicado",
    key_move_group: "mover el insumo de grupo",
    key_facilitator: "nombre del facilitador(a)",
    key_rapporteur: "nombre del relator(a)",
    key_examples: "mostrar / ocultar ejemplos",
    key_help: "esta ayuda",
    key_save: "guardar ahora",
    key_quit: "guardar y salir",
    key_open: "abrir la sesión elegida",
    key_new: "nueva sesión del taller por defecto",
    key_start_quit: "salir",
    key_editor_finish: "terminar y guardar el texto",
    key_editor_newline: "nueva línea",
    key_editor_save: "guardar sin salir del editor",
    key_editor_paste: "pegar (llega como un solo bloque)",
    key_prompt_accept: "aceptar",
    key_prompt_cancel: "cancelar y dejar el valor anterior",
    key_prompt_replace: "el primer carácter escrito reemplaza el valor marcado",
    key_prompt_edit: "conservar el valor para editarlo",
    key_form_fields: "campo siguiente / anterior",
    key_form_choose: "elegir: tipo, alcance, plazo, prioridad, estado, votos",
    key_form_countries: "países: mover / marcar o desmarcar",
    keys_form_countries: "↑ ↓ · Espacio",
    key_form_all: "países: marcar o desmarcar todos los países miembros",
    key_form_add: "en «añadir un país invitado»: escribirlo (Enter o Tab lo añade, Esc cancela)",
    key_form_date: "plazo en «fecha o periodo»: escribir la fecha",
    key_form_keep: "guardar y cerrar el formulario",
    key_editor_fields: "pasar a los demás campos del insumo",
    phase_idle: "sin iniciar",
    phase_normal: "en tiempo",
    phase_warning: "queda poco tiempo",
    phase_danger: "último minuto",
    phase_overtime: "TIEMPO EXCEDIDO",
    paused: "en pausa",
    confirm_reset: "¿Reiniciar este temporizador? Se perderá el tiempo contado.",
    schedule_title: "Cronograma",
    col_item: "Punto",
    col_planned: "Previsto",
    col_actual: "Real",
    col_expected: "Previsión",
    col_state: "Estado",
    csv_item: "punto",
    csv_planned_start: "inicio previsto",
    csv_planned_end: "fin previsto",
    csv_planned_minutes: "minutos previstos",
    csv_actual_start: "inicio real",
    csv_actual_end: "fin real",
    csv_actual_minutes: "minutos reales",
    csv_difference: "diferencia (min)",
    err_output_is_session: "el archivo de salida es una sesión de taller; no se sobrescribe",
    state_done: "hecho",
    state_running: "▶ en curso",
    state_ahead: "pendiente",
    kind_action: "Acción",
    kind_agreement: "Acuerdo",
    kind_question: "Pregunta abierta",
    kind_parking: "Pendiente",
    scope_regional: "regional",
    scope_multilateral: "multilateral",
    scope_bilateral: "bilateral",
    scope_national: "nacional",
    priority_high: "alta",
    priority_medium: "media",
    priority_low: "baja",
    timeframe_short: "corto plazo",
    timeframe_medium: "mediano plazo",
    timeframe_long: "largo plazo",
    state_paused: "⏸ en pausa",
    state_skipped: "omitido",
    key_timer: "iniciar / pausar el reloj",
    key_all_groups: "iniciar / pausar todos los grupos",
    key_plus_minus: "un minuto más / menos",
    key_reset: "reiniciar el reloj (pide confirmación)",
    key_minutes: "minutos previstos",
    key_room: "vista de sala (reloj grande)",
    key_room_message: "mensaje para la sala (otra vez M lo retira)",
    refused_gone: "Ese insumo ya no está: otra persona lo eliminó",
    refused_no_group: "Ese grupo ya no está en la sesión",
    refused_changed_since: "No se deshace: otra persona cambió eso después",
    selected_deleted_elsewhere: "Otra persona eliminó el insumo seleccionado: la selección pasó al siguiente",
    editing_deleted_elsewhere: "Otra persona eliminó este insumo: su texto se conserva y se añadirá de nuevo al terminar",
    moved_on: "Siguiente punto en marcha",
    import_only_here: "Importar archivos se hace en la computadora que sirve la sesión",
    plenary_is_the_facilitators: "Se guardó el insumo; el estado, las observaciones y los votos los registra la facilitación",
    join_title: " Unirse a la sesión en vivo ",
    join_intro: "Para la pizarra: cada quien escribe su línea en una terminal y luego su código",
    join_code: "código",
    key_join: "cómo unirse a la sesión en vivo (comandos y códigos)",
    day_over: "No queda nada por iniciar: el día terminó",
    room_message_title: "Mensaje para la sala (Enter lo muestra, Esc cancela)",
    room_message_cleared: "Mensaje retirado de la sala",
    key_schedule: "cronograma del día",
    keys_scroll: "AvPág RePág",
    key_space: "Espacio",
    keys_delete: "d / Supr",
    err_not_found: "el archivo no existe",
    err_not_a_session: "no es una sesión de taller (falta \"format\": \"taller-session\")",
    err_no_schema_version: "le falta un número de versión válido (\"schema_version\"); no se puede saber cómo leerla",
    err_name_empty: "el nombre de la sesión está vacío",
    err_name_separator: "el nombre no puede contener «/» ni «\\»: una sesión vive siempre en la carpeta de sesiones",
    err_name_control: "el nombre contiene caracteres de control",
    err_name_whitespace: "el nombre contiene un espacio especial (sin separación, ancho, ideográfico…) o un salto de línea o de párrafo: se vería igual que otro. Use solo espacios normales",
    err_name_invisible: "el nombre contiene caracteres invisibles (de ancho cero, de formato o que cambian la dirección del texto): se vería igual que otro",
    err_name_dot: "el nombre no puede empezar por «.»",
    err_is_directory: "es una carpeta, no un archivo de sesión",
    err_not_a_terminal: "taller necesita una terminal interactiva; para usarlo sin ella, vea «taller list» y «taller --help»",
    err_no_data_dir: "no se encontró la carpeta de datos del usuario; indique una con --sessions-dir CARPETA o TALLER_SESSIONS_DIR",
    col_name: "NOMBRE",
    col_workshop: "TALLER",
    col_last_change: "ÚLTIMO CAMBIO",
    col_inputs: "INSUMOS",
    damaged: "no se puede abrir",
};

pub static EN: Strings = Strings {
    new_session: "New session",
    saved_sessions: "Saved sessions",
    start_title: " taller — running in-person workshops ",
    name_prompt: " Name of the new session ",
    name_prompt_keys: "Enter accepts · Esc cancels",
    rename_prompt: " New name of the session ",
    planned_start_title: " Planned start of the day (HH:MM) ",
    template_prompt: " New session of the same workshop ",
    last_change: "last change",
    agenda: "Agenda",
    examples: "Guiding examples",
    instructions: "Task",
    principles: "Principles",
    facilitator: "Facilitator",
    rapporteur: "Rapporteur",
    unassigned: "(not assigned)",
    group_inputs: "Group inputs",
    no_inputs: "No inputs yet. Press \"a\" to add the first one.",
    no_inputs_report: "This group has no inputs to present yet.",
    presents: "Presented by",
    next_up: "Next",
    final_product: "Final product",
    summary_by_group: "Inputs per group",
    total: "Total",
    more_above: "▲ more above (PgUp)",
    more_below: "▼ continues (PgDn)",
    more_above_keys: "▲ more keys above (↑)",
    more_below_keys: "▼ more keys below (↓)",
    editor_keys: "Esc finishes and saves · Enter new line · Ctrl+S saves now · F1 help",
    line_editor_keys: "Enter accepts · Esc cancels · typing replaces; ←→ edits",
    confirm_delete: "Delete this input?",
    confirm_keys: "y / Enter: yes · n / Esc: no",
    confirm_quit: "Could not save. Quit anyway? Unsaved changes will go to a recovery file.",
    deleted: "Input deleted. \"u\" brings it back.",
    restored: "Input restored.",
    nothing_to_undo: "No changes to undo.",
    nothing_to_redo: "No changes to redo.",
    undone: "Change undone. Ctrl+R redoes it.",
    redone: "Change redone.",
    emptied_deleted: "The input was left empty and was deleted. \"u\" brings it back.",
    empty_not_added: "Empty input: nothing was added.",
    not_set: "—",
    ranking: "Priorities by the room's votes",
    import_title: " Bring in from another laptop: file or folder (Tab completes the path) ",
    key_import: "bring in another laptop's inputs (session file)",
    status_agreed: "agreed",
    status_revise: "to revise",
    status_dropped: "dropped",
    field_status: "Plenary status",
    field_observations: "Observations",
    field_votes: "Votes",
    plan_to_revise: "Actions to revise",
    plan_agreed: "Agreed actions",
    plan_title: "Draft Regional Work Plan",
    plan_context: "Context and principles",
    plan_actions: "Proposed actions (no plenary decision yet)",
    plan_agreements: "Agreements",
    plan_questions: "Open questions",
    plan_parking: "Parking lot",
    plan_annex: "Annex: groups and schedule",
    csv_axis: "axis",
    csv_origin: "origin file",
    csv_duplicate_of: "possible duplicate of",
    nothing_to_consolidate: "there are no sessions to consolidate",
    err_output_is_input: "the output folder holds one of the input files; choose another",
    participants_keys: "One person per line: Name; Country; Role (Prosecutor, Director of Migration, Director of Migration Police, Lead Investigator, Regional Coalition representative, or other) · Esc keeps",
    participants: "Participants",
    key_participants: "the group's participants (name; country; role)",
    add_country: "add an invited country (Enter, type, Enter)",
    country_prompt: "Invited country: ",
    form_country_keys: "↑↓ move · Space ticks · t members · Tab next · Esc keeps, closes",
    form_adding_keys: "Type the country · Enter adds it · Tab adds it, goes on · Esc cancels",
    form_timeframe_keys: "←→ a term or «date or period», then type it · Tab next · Esc keeps, closes",
    flag_national: "national scope: actions must be regional, not local",
    form_keys: "Tab field · ←→ choose · 0-9 votes · Esc keeps, closes",
    field_kind: "Kind",
    field_text: "Text",
    field_scope: "Scope",
    field_countries: "Countries",
    field_lead: "Lead institution",
    field_partners: "Partners / coordination",
    field_timeframe: "Timeframe",
    timeframe_date: "date or period",
    field_indicator: "Indicator",
    field_priority: "Priority",
    text_kept: "The text cannot be left empty: the previous one was kept (to delete the input, \"d\").",
    read_only_badge: "READ-ONLY",
    renamed: "Session renamed.",
    confirm_trash: "Move this session to the trash? It can be recovered from the .taller-trash folder.",
    key_rename: "rename the selected session",
    key_template: "new session of the same workshop (as a template)",
    key_trash: "move the session to the trash (asks first)",
    crashed: "taller failed. What was saved up to the last second is in the session file.",
    recovered: "recovered",
    paste_needs_group: "The paste was not kept: paste on a group's page (Tab) or inside the editor.",
    help_title: " Keys ",
    help_close: "Any key closes this help",
    footer_start: "Enter open · n new · r rename · c template · d trash · q quit · ? help",
    opening_session: "Opening the session…",
    key_parts: "next / previous part",
    key_groups: "previous / next group",
    key_select: "select",
    key_scroll: "read further down / up",
    key_add: "add an input",
    key_edit: "edit the input (form)",
    key_delete: "delete the input (asks first)",
    key_undo: "undo (Ctrl+R redoes)",
    key_reorder: "move the input up / down the list",
    key_back: "back to the part's screen",
    key_auto_start: "next: stops what runs and starts what comes next in the day",
    key_bell: "bell: on / off",
    key_planned_start: "planned start of the day",
    part_opening: "Opening plenary",
    part_groups: "Working groups",
    part_closing: "Closing plenary",
    key_duplicate: "go to the input's possible duplicate",
    key_move_group: "move the input to another group",
    key_facilitator: "facilitator's name",
    key_rapporteur: "rapporteur's name",
    key_examples: "show / hide task and examples",
    key_help: "this help",
    key_save: "save now",
    key_quit: "save and quit",
    key_open: "open the selected session",
    key_new: "new session of the default workshop",
    key_start_quit: "quit",
    key_editor_finish: "finish and keep the text",
    key_editor_newline: "new line",
    key_editor_save: "save without leaving the editor",
    key_editor_paste: "paste (arrives as one block)",
    key_prompt_accept: "accept",
    key_prompt_cancel: "cancel and leave the old value",
    key_prompt_replace: "the first character typed replaces the highlighted value",
    key_prompt_edit: "keep the value to edit it",
    key_form_fields: "next / previous field",
    key_form_choose: "choose: kind, scope, timeframe, priority, status, votes",
    key_form_countries: "countries: move / tick or untick",
    keys_form_countries: "↑ ↓ · Space",
    key_form_all: "countries: tick or untick every member country of the workshop",
    key_form_add: "on «add an invited country»: type it (Enter or Tab adds it, Esc cancels)",
    key_form_date: "timeframe on «date or period»: type the date",
    key_form_keep: "keep and close the form",
    key_editor_fields: "go on to the input's other fields",
    phase_idle: "not started",
    phase_normal: "on time",
    phase_warning: "time running low",
    phase_danger: "last minute",
    phase_overtime: "OVERTIME",
    paused: "paused",
    confirm_reset: "Reset this timer? The time counted will be lost.",
    schedule_title: "Schedule",
    col_item: "Item",
    col_planned: "Planned",
    col_actual: "Actual",
    col_expected: "Expected",
    col_state: "State",
    csv_item: "item",
    csv_planned_start: "planned start",
    csv_planned_end: "planned end",
    csv_planned_minutes: "planned minutes",
    csv_actual_start: "actual start",
    csv_actual_end: "actual end",
    csv_actual_minutes: "actual minutes",
    csv_difference: "difference (min)",
    err_output_is_session: "the output file is a taller session; it is not overwritten",
    state_done: "done",
    state_running: "▶ running",
    state_ahead: "ahead",
    kind_action: "Action",
    kind_agreement: "Agreement",
    kind_question: "Open question",
    kind_parking: "Parking lot",
    scope_regional: "regional",
    scope_multilateral: "multilateral",
    scope_bilateral: "bilateral",
    scope_national: "national",
    priority_high: "high",
    priority_medium: "medium",
    priority_low: "low",
    timeframe_short: "short term",
    timeframe_medium: "medium term",
    timeframe_long: "long term",
    state_paused: "⏸ paused",
    state_skipped: "skipped",
    key_timer: "start / pause the clock",
    key_all_groups: "start / pause every group",
    key_plus_minus: "one minute more / less",
    key_reset: "reset the clock (asks first)",
    key_minutes: "type the planned minutes",
    key_room: "room view (big clock)",
    key_room_message: "message for the room (M again takes it down)",
    refused_gone: "That input is gone: someone else deleted it",
    refused_no_group: "That group is no longer in the session",
    refused_changed_since: "Not undone: someone else changed it since",
    selected_deleted_elsewhere: "Someone else deleted the selected input: the selection moved to the next one",
    editing_deleted_elsewhere: "Someone else deleted this input: your text is kept and will be added again when you finish",
    moved_on: "Next item running",
    import_only_here: "Files are imported on the computer serving the session",
    plenary_is_the_facilitators: "The input was kept; its status, observations and votes are the facilitator's to record",
    join_title: " Join the live session ",
    join_intro: "For the board: each person types their line in a terminal, then their code",
    join_code: "code",
    key_join: "how to join the live session (commands and codes)",
    day_over: "Nothing left to start: the day is over",
    room_message_title: "Message for the room (Enter shows it, Esc cancels)",
    room_message_cleared: "Message taken down from the room screens",
    key_schedule: "the day's schedule",
    keys_scroll: "PgDn PgUp",
    key_space: "Space",
    keys_delete: "d / Del",
    err_not_found: "the file does not exist",
    err_not_a_session: "it is not a taller session (\"format\": \"taller-session\" is missing)",
    err_no_schema_version: "it has no valid version number (\"schema_version\"), so it cannot be read safely",
    err_name_empty: "the session name is empty",
    err_name_separator: "the name cannot contain \"/\" or \"\\\": a session always lives in the sessions folder",
    err_name_control: "the name contains control characters",
    err_name_whitespace: "the name contains a special space (no-break, wide, ideographic…) or a line or paragraph separator: it would look like another. Use plain spaces only",
    err_name_invisible: "the name contains invisible characters (zero-width, format or text-direction controls): it would look like another",
    err_name_dot: "the name cannot start with \".\"",
    err_is_directory: "it is a folder, not a session file",
    err_not_a_terminal: "taller needs an interactive terminal; without one, see \"taller list\" and \"taller --help\"",
    err_no_data_dir: "no user data folder was found; name one with --sessions-dir DIR or TALLER_SESSIONS_DIR",
    col_name: "NAME",
    col_workshop: "WORKSHOP",
    col_last_change: "LAST CHANGE",
    col_inputs: "INPUTS",
    damaged: "cannot be opened",
};

/// What a path is when it is not a regular file, as the strings name it.
/// The store's `FileKind` converts into it, so the strings never import the
/// store (which imports them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    Device,
    Socket,
    Symlink,
    Folder,
    HardLinked,
    Other,
}

/// What the filesystem checks say: files that are not what they seem,
/// folders others can write, and paths given to the wrong action.
impl Lang {
    /// "a named pipe (FIFO)", "a device", … for a file that is not a plain one.
    pub fn file_kind(self, kind: impl Into<FileKind>) -> &'static str {
        match kind.into() {
            FileKind::Fifo => self.pick("una tubería con nombre (FIFO)", "a named pipe (FIFO)"),
            FileKind::Device => self.pick("un dispositivo", "a device"),
            FileKind::Socket => self.pick("un socket", "a socket"),
            FileKind::Symlink => self.pick("un enlace simbólico", "a symbolic link"),
            FileKind::Folder => self.pick("una carpeta", "a folder"),
            FileKind::HardLinked => self.pick(
                "un archivo con otros nombres (enlace duro)",
                "a file with other names (a hard link)",
            ),
            FileKind::Other => {
                self.pick("algo que no es un archivo", "something other than a file")
            }
        }
    }

    pub fn not_regular(self, kind: impl Into<FileKind>) -> String {
        let what = self.file_kind(kind);
        self.pick(
            format!("no es un archivo normal sino {what}; no se lee"),
            format!("it is not a regular file but {what}; it is not read"),
        )
    }

    /// A lock, backup or trash path that taller will not write through.
    pub fn unsafe_path(self, path: impl Display, kind: impl Into<FileKind>) -> String {
        let kind = kind.into();
        let what = self.file_kind(kind);
        match kind {
            FileKind::Symlink => self.pick(
                format!("{path} es un enlace simbólico; taller no escribe a través de él. Si no lo puso usted, alguien más puede escribir en esta carpeta: revísela y borre el enlace"),
                format!("{path} is a symbolic link; taller does not write through one. If you did not make it, someone else can write in this folder: check it and remove the link"),
            ),
            FileKind::HardLinked => self.pick(
                format!("{path} es un enlace duro a otro archivo; taller no escribe en él, porque cambiaría ese archivo. Si no lo puso usted, alguien más puede escribir en esta carpeta: revísela y borre {path}"),
                format!("{path} is a hard link to another file; taller does not write to it, as that would change the other file. If you did not make it, someone else can write in this folder: check it and remove {path}"),
            ),
            FileKind::Other => self.pick(
                format!("{path} pertenece a otro usuario; taller no lo usa. Revise la carpeta"),
                format!("{path} belongs to another user; taller does not use it. Check the folder"),
            ),
            _ => self.pick(
                format!("{path} es {what}, no lo que taller espera ahí; bórrelo o muévalo"),
                format!("{path} is {what}, not what taller expects there; remove or move it"),
            ),
        }
    }

    pub fn shared_dir_refused(self, dir: impl Display, mode: u32) -> String {
        self.pick(
            format!("otros usuarios pueden escribir en la carpeta {dir} (permisos {mode:o}): podrían leer, cambiar o reemplazar las sesiones. Use una carpeta privada (chmod 700 {dir}) o, si lo sabe y lo acepta, añada --allow-shared-dir"),
            format!("other users can write in the folder {dir} (mode {mode:o}): they could read, change or replace the sessions. Use a private folder (chmod 700 {dir}) or, if you know and accept it, add --allow-shared-dir"),
        )
    }

    pub fn shared_dir_warning(self, dir: impl Display, mode: u32) -> String {
        self.pick(
            format!("aviso: otros usuarios pueden escribir en la carpeta {dir} (permisos {mode:o}); taller no guardará sesiones ahí sin --allow-shared-dir"),
            format!("warning: other users can write in the folder {dir} (mode {mode:o}); taller will not save sessions there without --allow-shared-dir"),
        )
    }

    pub fn backup_damaged(
        self,
        n: usize,
        copy: impl Display,
        reason: impl Display,
        name: &str,
    ) -> String {
        self.pick(
            format!("la copia {n} está dañada y no se restauró ({copy}: {reason}). La sesión no cambió; «taller restore \"{name}\"» lista las demás copias"),
            format!("backup {n} is damaged and was not restored ({copy}: {reason}). The session is unchanged; taller restore \"{name}\" lists the other backups"),
        )
    }

    pub fn out_is_a_file(self, path: impl Display) -> String {
        self.pick(
            format!("{path} ya existe y es un archivo, no una carpeta: --out necesita una carpeta (nueva o existente) para plan.md, plan.csv y plan.json. Elija otra ruta"),
            format!("{path} already exists and is a file, not a folder: --out needs a folder (new or existing) for plan.md, plan.csv and plan.json. Choose another path"),
        )
    }

    /// The reason comes first after the verdict (the line may be cut at the
    /// screen's edge); an error of its own says the path, else the folder is named.
    pub fn backup_failed(self, folder: impl Display, reason: impl Display) -> String {
        self.pick(
            format!("Guardado sin copia de seguridad: {reason} (carpeta {folder})"),
            format!("Saved without a backup: {reason} (folder {folder})"),
        )
    }

    pub fn out_not_regular(self, path: impl Display, kind: impl Into<FileKind>) -> String {
        let what = self.file_kind(kind);
        self.pick(
            format!("{path} ya existe y es {what}: --out solo reemplaza un archivo normal, y taller no escribe a través de {what}. Elija otra ruta"),
            format!("{path} already exists and is {what}: --out only replaces a regular file, and taller does not write through {what}. Choose another path"),
        )
    }

    pub fn out_is_a_folder(self, path: impl Display) -> String {
        self.pick(
            format!("{path} es una carpeta: --out necesita la ruta de un archivo, por ejemplo {path}/horario.csv"),
            format!("{path} is a folder: --out needs the path of a file, for example {path}/schedule.csv"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flags_and_locales() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN_us.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("es_CR"), Some(Lang::Es));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn country_names_follow_the_interface_language() {
        let pairs = [
            ("Belize", "Belice", "Belize"),
            ("México", "México", "Mexico"),
            ("Panamá", "Panamá", "Panama"),
            ("Estados Unidos", "Estados Unidos", "United States"),
            (
                "República Dominicana",
                "República Dominicana",
                "Dominican Republic",
            ),
            ("Canadá", "Canadá", "Canada"),
            ("Costa Rica", "Costa Rica", "Costa Rica"),
            ("Brasil", "Brasil", "Brasil"),
        ];
        for (stored, es, en) in pairs {
            assert_eq!(Lang::Es.country(stored), es);
            assert_eq!(Lang::En.country(stored), en);
        }
    }

    #[test]
    fn plural_inputs() {
        assert_eq!(Lang::Es.inputs(1), "1 insumo");
        assert_eq!(Lang::Es.inputs(3), "3 insumos");
        assert_eq!(Lang::En.inputs(0), "0 inputs");
    }
}
