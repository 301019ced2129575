//! Spanish: every word a person reads, in this one file.

use std::fmt::Display;

use super::cli_words::{CliWords, HelpPage, arg};
use super::offline::count;
use super::ssh::ascii;
use super::workshop::ascii_short;
use super::{FileKind, KeyWords, Language, PlanWords, PollScreenWords, PollWords, Strings};
use crate::model::patch::TextField;
use crate::model::poll::{BallotFault, BallotRefused, MAX_REASON_CHARS, PollRefused};
use crate::model::workshop::ItemKind;

pub struct Es;

impl Language for Es {
    fn t(&self) -> &'static Strings {
        &STRINGS
    }

    fn country_name(&self, stored: &str) -> Option<&'static str> {
        Some(match stored {
            "Belize" => "Belice",
            "Brasil" => "Brasil",
            "Canadá" => "Canadá",
            "Colombia" => "Colombia",
            "Ecuador" => "Ecuador",
            "Estados Unidos" => "Estados Unidos",
            "México" => "México",
            "Nicaragua" => "Nicaragua",
            "Panamá" => "Panamá",
            "República Dominicana" => "República Dominicana",
            _ => return None,
        })
    }

    // Counts, titles, sessions and their files, the schedule, the command line.
    fn inputs(&self, n: usize) -> String {
        match n {
            1 => "1 insumo".into(),
            n => format!("{n} insumos"),
        }
    }

    fn groups(&self, n: usize) -> String {
        match n {
            1 => "1 grupo".into(),
            n => format!("{n} grupos"),
        }
    }

    fn item_of(&self, i: usize, n: usize) -> String {
        format!("Punto {i} de {n}")
    }

    fn group_of(&self, i: usize, n: usize) -> String {
        format!("Grupo {i} de {n}")
    }

    fn part_of(&self, i: usize, n: usize) -> String {
        format!("Parte {i} de {n}")
    }

    fn report_of(&self, i: usize, n: usize) -> String {
        format!("Grupo {i} de {n} socializa")
    }

    fn axis_label(&self, number: u32) -> String {
        format!("Eje {number}")
    }

    fn new_input_title(&self, axis: &dyn Display) -> String {
        format!(" Nuevo insumo — {axis} ")
    }

    fn edit_input_title(&self, n: usize) -> String {
        format!(" Editar insumo {n} ")
    }

    fn role_title(&self, role: &str, group: usize) -> String {
        format!(" {role} del grupo {group} ")
    }

    fn saved_at(&self, time: &dyn Display) -> String {
        format!("Guardado {time}")
    }

    fn save_failed(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!(
            "¡No se pudo guardar {path}: {reason}! Lo escrito sigue en memoria; Ctrl+S reintenta."
        )
    }

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        format!("Ventana demasiado pequeña ({w}×{h}). Se necesita al menos {min_w}×{min_h}.")
    }

    fn no_sessions_in(&self, dir: &dyn Display) -> String {
        format!("Aún no hay sesiones guardadas en {dir}")
    }

    fn created(&self, path: &dyn Display) -> String {
        format!("Sesión creada: {path}")
    }

    fn cannot_open(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("No se puede abrir {path}: {reason}")
    }

    fn saved_in(&self, path: &dyn Display) -> String {
        format!("Sesión guardada en {path}")
    }

    fn read_only(&self, holder: &dyn Display) -> String {
        format!("Solo lectura: la usa el {holder}")
    }

    fn too_large(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b / (1024 * 1024);
        format!(
            "es demasiado grande para ser una sesión ({} MB; el máximo es {} MB)",
            mb(bytes),
            mb(max)
        )
    }

    fn too_large_to_write(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        format!(
            "no se escribió: serían {} MB y taller solo abre sesiones de hasta {} MB; el archivo anterior queda como estaba",
            mb(bytes),
            mb(max)
        )
    }

    fn in_use(&self, holder: &dyn Display) -> String {
        format!(
            "no se puede cambiar: la sesión está abierta por el {holder}; ciérrela allí primero"
        )
    }

    fn holder(&self, pid: &dyn Display, host: &dyn Display) -> String {
        format!("proceso {pid} en {host}")
    }

    fn backups_hint(&self, n: usize, when: &str, name: &str) -> String {
        format!(
            ". Copia buena más reciente: la {n}, de {when}. Para recuperarla: taller restore \"{name}\" {n}"
        )
    }

    fn no_backups(&self, path: &dyn Display) -> String {
        format!("No hay copias de seguridad de {path}")
    }

    fn no_such_backup(&self, n: usize, count: usize) -> String {
        format!("no hay copia número {n}: hay {count}")
    }

    fn restored_from(&self, n: usize, path: &dyn Display) -> String {
        format!("Restaurada la copia {n} en {path}; el archivo anterior quedó como copia 1.")
    }

    fn unsaved_recovered(
        &self,
        path: &dyn Display,
        reason: &dyn Display,
        copy: &dyn Display,
    ) -> String {
        format!(
            "no se pudo guardar {path} ({reason}); la sesión, con todo lo escrito, quedó en {copy}, que «taller open» abre"
        )
    }

    fn unsaved_lost(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!(
            "no se pudo guardar {path} ({reason}) ni escribir un archivo de recuperación en ninguna carpeta: lo no guardado se perdió"
        )
    }

    fn crashed_saved(&self, path: &dyn Display) -> String {
        format!(
            "taller falló, pero no se perdió nada: la sesión, con lo que estaba en el editor, está en {path}"
        )
    }

    fn trashed(&self, path: &dyn Display) -> String {
        format!("Movida a la papelera: {path}")
    }

    fn cannot_write(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("No se puede escribir {path}: {reason}")
    }

    fn default_workshop_hint(&self, title: &dyn Display) -> String {
        format!("taller por defecto: {title}")
    }

    fn not_json(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("no es JSON válido (línea {line}, columna {column}: {reason})")
    }

    fn invalid_session(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("la sesión tiene datos no válidos (línea {line}, columna {column}: {reason})")
    }

    fn newer_schema(&self, found: u64, supported: u32) -> String {
        format!(
            "fue escrita por una versión más nueva de taller (esquema {found}; esta versión entiende hasta {supported}). Actualice taller; el archivo no se ha modificado."
        )
    }

    fn session_exists(&self, name: &dyn Display) -> String {
        format!("ya existe una sesión llamada «{name}»; use otro nombre o «taller open {name}»")
    }

    fn workshop_for_new_only(&self, name: &dyn Display) -> String {
        format!(
            "la sesión «{name}» ya existe y tiene su taller; --workshop sirve solo para una sesión nueva: «taller serve {name}» la sirve como está"
        )
    }

    fn duration_out_of_range(&self, field: &str, value: u64, max: u64) -> String {
        format!("el campo {field} está fuera de rango ({value}; el máximo es {max})")
    }

    fn time_out_of_range(
        &self,
        field: &str,
        value: &dyn Display,
        earliest: i16,
        latest: i16,
    ) -> String {
        format!(
            "el campo {field} tiene una fecha fuera de rango ({value}; se aceptan los años {earliest} a {latest})"
        )
    }

    fn renewed_ids(&self, n: usize) -> String {
        match n {
            1 => "1 insumo con id repetido recibió un id nuevo".into(),
            n => format!("{n} insumos con id repetido recibieron un id nuevo"),
        }
    }

    fn minutes_refused(&self, text: &str, max: u32) -> String {
        format!("«{text}» no es una duración válida: escriba los minutos, de 1 a {max}")
    }

    fn drift(&self, minutes: i64) -> String {
        match minutes {
            0 => "en hora".into(),
            m if m > 0 => format!("+{m} min de retraso"),
            m => format!("{} min de adelanto", -m),
        }
    }

    fn drift_on(&self, day: jiff::civil::Date, minutes: i64) -> String {
        let date = day.strftime("%d/%m/%Y");
        format!("{date}: {}", self.drift(minutes))
    }

    fn expected_end(&self, time: &dyn Display) -> String {
        format!("fin previsto {time}")
    }

    fn minutes_title(&self, item: &dyn Display) -> String {
        format!(" Minutos previstos — {item} ")
    }

    fn minutes_every_breakout_title(&self, breakout: &dyn Display) -> String {
        format!(" Minutos previstos de todos los grupos — {breakout} ")
    }

    fn minutes_every_report_title(&self) -> String {
        " Minutos previstos de todos los grupos — socialización ".to_string()
    }

    fn time_of_day(&self, time: &dyn Display) -> String {
        format!("hora {time}")
    }

    fn cannot_listen(&self, address: &str, reason: &str) -> String {
        format!(
            "No se puede escuchar en {address}: {reason} (¿otro taller ya sirve ahí? use --listen)"
        )
    }

    fn bad_authorized_key(&self, file: &str, line: &str) -> String {
        format!("{file}: línea no válida ({line}); cada línea es `ROL ssh-ed25519 AAAA…`")
    }

    fn keys_missing(&self) -> &'static str {
        "no existe"
    }

    fn keys_not_regular(&self) -> &'static str {
        "no es un archivo normal (¿una tubería, un dispositivo?)"
    }

    fn keys_too_large(&self, max_kib: u64) -> String {
        format!("demasiado grande para claves autorizadas (más de {max_kib} KiB)")
    }

    fn serving_held(&self, holder: &str) -> String {
        format!("No se puede servir esta sesión: {holder}. Ciérrela allí primero.")
    }

    fn join_addresses(&self, addresses: &str) -> String {
        format!("Si no conecta, pruebe otra dirección de esta computadora: {addresses}")
    }

    fn join_fingerprint(&self, fingerprint: &str) -> String {
        format!("La primera vez, ssh muestra una huella: debe ser {fingerprint}")
    }

    fn join_web(&self, link: &str) -> String {
        format!("Los teléfonos votan en {link}")
    }

    fn settings_line(&self, bell: bool) -> String {
        let yes_no = |on: bool| match on {
            true => "sí",
            false => "no",
        };
        format!(
            "b  campana: {} · i  inicio previsto · n  siguiente punto · Esc vuelve",
            yes_no(bell)
        )
    }

    fn time_refused(&self, text: &str) -> String {
        format!("«{text}» no es una hora: escriba HH:MM, por ejemplo 09:30")
    }

    fn moved_to(&self, group: &dyn Display) -> String {
        format!("Insumo movido a «{group}». «u» lo devuelve.")
    }

    fn similar_to(&self, number: &dyn Display, group: &dyn Display) -> String {
        format!("posible duplicado del insumo {number} de «{group}» (g para ir)")
    }

    fn more_text(&self, bytes: usize) -> String {
        let kb = bytes.div_ceil(1024);
        format!("… sigue ({kb} KB más; Enter para verlo entero)")
    }

    fn participants_title(&self, group: usize) -> String {
        format!(" Participantes del grupo {group} ")
    }

    fn other_workshop(&self, file: &str, workshop: &str, expected: &str) -> String {
        format!("{file} es de otro taller («{workshop}», no «{expected}»)")
    }

    fn similar_in_plan(&self, opening: &str, group: &dyn Display) -> String {
        format!("posible duplicado de «{opening}», de «{group}»")
    }

    fn consolidated(&self, inputs: usize, files: usize, dir: &dyn Display) -> String {
        format!(
            "{} de {} consolidados en {dir}: plan.md, plan.csv, plan.json",
            count(inputs, "insumo", "insumos"),
            count(files, "archivo", "archivos")
        )
    }

    fn skipped(&self, reason: &dyn Display) -> String {
        format!("se omite — {reason}")
    }

    fn votes(&self, n: u32) -> String {
        match n {
            1 => "1 voto".into(),
            n => format!("{n} votos"),
        }
    }

    fn imported(&self, added: usize, updated: usize, from: &dyn Display) -> String {
        format!(
            "{} y {updated} {}, traídos de {from}",
            count(added, "insumo nuevo", "insumos nuevos"),
            if updated == 1 {
                "actualizado"
            } else {
                "actualizados"
            }
        )
    }

    fn name_too_long(&self, max: usize) -> String {
        format!(
            "el nombre es demasiado largo: como máximo {max} caracteres (menos con emoji o alfabetos no latinos)"
        )
    }

    fn cli_unexpected_argument(&self, arg: &str) -> String {
        format!("argumento inesperado «{arg}»")
    }

    fn cli_unknown_command(&self, name: &str) -> String {
        format!("no existe el comando «{name}»")
    }

    fn cli_missing_value(&self, arg: &str) -> String {
        format!("falta el valor de «{arg}»")
    }

    fn cli_invalid_value(&self, value: &str, arg: &str) -> String {
        format!("valor no válido «{value}» para «{arg}»")
    }

    fn cli_possible_values(&self, values: &str) -> String {
        format!("valores posibles: {values}")
    }

    fn cli_missing_arguments(&self) -> &'static str {
        "faltan estos argumentos obligatorios:"
    }

    fn cli_unexpected_value(&self, value: &str, arg: &str) -> String {
        format!("valor inesperado «{value}» para «{arg}»: no se esperaban más")
    }

    fn cli_conflict(&self, arg: &str, other: &str) -> String {
        format!("el argumento «{arg}» no se puede usar junto con «{other}»")
    }

    fn cli_used_twice(&self, arg: &str) -> String {
        format!("el argumento «{arg}» no se puede dar más de una vez")
    }

    fn cli_no_equals(&self, arg: &str) -> String {
        format!("hace falta un signo = para dar el valor de «{arg}»")
    }

    fn cli_needs_command(&self, name: &str) -> String {
        format!("«{name}» necesita un comando")
    }

    fn cli_invalid_utf8(&self) -> &'static str {
        "un argumento no es texto válido (UTF-8)"
    }

    fn cli_did_you_mean(&self, suggestion: &str) -> String {
        format!("sugerencia: ¿quiso decir «{suggestion}»?")
    }

    fn cli_usage(&self, usage: &str) -> String {
        format!("Uso: {usage}")
    }

    fn cli_try_help(&self) -> &'static str {
        "Para más información, pruebe «--help»."
    }

    fn file_kind(&self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Fifo => "una tubería con nombre (FIFO)",
            FileKind::Device => "un dispositivo",
            FileKind::Socket => "un socket",
            FileKind::Symlink => "un enlace simbólico",
            FileKind::Folder => "una carpeta",
            FileKind::HardLinked => "un archivo con otros nombres (enlace duro)",
            FileKind::Other => "algo que no es un archivo",
        }
    }

    fn not_regular(&self, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!("no es un archivo normal sino {what}; no se lee")
    }

    fn unsafe_path(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        match kind {
            FileKind::Symlink => format!(
                "{path} es un enlace simbólico; taller no escribe a través de él. Si no lo puso usted, alguien más puede escribir en esta carpeta: revísela y borre el enlace"
            ),
            FileKind::HardLinked => format!(
                "{path} es un enlace duro a otro archivo; taller no escribe en él, porque cambiaría ese archivo. Si no lo puso usted, alguien más puede escribir en esta carpeta: revísela y borre {path}"
            ),
            FileKind::Other => {
                format!("{path} pertenece a otro usuario; taller no lo usa. Revise la carpeta")
            }
            _ => format!("{path} es {what}, no lo que taller espera ahí; bórrelo o muévalo"),
        }
    }

    fn shared_dir_refused(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "otros usuarios pueden escribir en la carpeta {dir} (permisos {mode:o}): podrían leer, cambiar o reemplazar las sesiones. Use una carpeta privada (chmod 700 {dir}) o, si lo sabe y lo acepta, añada --allow-shared-dir"
        )
    }

    fn shared_dir_warning(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "aviso: otros usuarios pueden escribir en la carpeta {dir} (permisos {mode:o}); taller no guardará sesiones ahí sin --allow-shared-dir"
        )
    }

    fn backup_damaged(
        &self,
        n: usize,
        copy: &dyn Display,
        reason: &dyn Display,
        name: &str,
    ) -> String {
        format!(
            "la copia {n} está dañada y no se restauró ({copy}: {reason}). La sesión no cambió; «taller restore \"{name}\"» lista las demás copias"
        )
    }

    fn out_is_a_file(&self, path: &dyn Display) -> String {
        format!(
            "{path} ya existe y es un archivo, no una carpeta: --out necesita una carpeta (nueva o existente) para plan.md, plan.csv y plan.json. Elija otra ruta"
        )
    }

    fn backup_failed(&self, folder: &dyn Display, reason: &dyn Display) -> String {
        format!("Guardado sin copia de seguridad: {reason} (carpeta {folder})")
    }

    fn out_not_regular(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!(
            "{path} ya existe y es {what}: --out solo reemplaza un archivo normal, y taller no escribe a través de {what}. Elija otra ruta"
        )
    }

    fn out_is_a_folder(&self, path: &dyn Display) -> String {
        format!(
            "{path} es una carpeta: --out necesita la ruta de un archivo, por ejemplo {path}/horario.csv"
        )
    }

    // The agenda changed on the day (issue 15): prompts, questions, refusals and help of the agenda keys.
    fn refused_no_item(&self) -> &'static str {
        "Ese punto de la agenda ya no está (alguien lo quitó)"
    }

    fn refused_empty_title(&self) -> &'static str {
        "El título no puede quedar vacío"
    }

    fn refused_last_group(&self) -> &'static str {
        "La jornada necesita al menos un grupo: este es el último"
    }

    fn refused_last_item(&self) -> &'static str {
        "La agenda necesita al menos un punto: este es el último"
    }

    fn refused_group_has_inputs(&self, count: usize) -> String {
        format!(
            "El grupo tiene {}: diga a qué grupo pasan antes de eliminarlo",
            self.inputs(count)
        )
    }

    fn break_title(&self) -> &'static str {
        "Pausa"
    }

    fn new_item_title(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Item => " Nuevo punto de la agenda: título ",
            ItemKind::Break | ItemKind::Lunch => " Nueva pausa: título ",
        }
    }

    fn item_title_prompt(&self, n: usize) -> String {
        format!(" Título del punto {n} ")
    }

    fn new_group_title(&self) -> &'static str {
        " Nuevo grupo: nombre "
    }

    fn group_title_prompt(&self, n: usize) -> String {
        format!(" Nombre del grupo {n} ")
    }

    fn refused_text_stays(&self, reason: &str) -> String {
        format!("{reason} · su texto sigue aquí: Esc otra vez lo guarda como borrador")
    }

    fn draft_kept(&self) -> &'static str {
        "Su texto queda guardado como borrador: pulse a en un grupo donde pueda escribir y vuelve al editor"
    }

    fn draft_kept_nowhere(&self, text: &str) -> String {
        let text = text.replace('\n', " / ");
        format!(
            "Su grupo ya no está y no puede escribir en otro; su texto, para copiarlo: «{text}»"
        )
    }

    fn draft_back(&self) -> &'static str {
        "Su borrador guardado vuelve al editor"
    }

    fn prompt_gone(&self) -> &'static str {
        " (ya no está en la agenda) "
    }

    fn group_added(&self, short: &str) -> String {
        format!("Grupo añadido · nombre corto: {short}")
    }

    fn item_removed(&self, title: &str) -> String {
        format!("Quitado: {title} · u lo devuelve")
    }

    fn group_removed(&self, title: &str, inputs: usize, into: Option<usize>) -> String {
        match into {
            Some(into) => format!(
                "Grupo eliminado; {} al grupo {into} · u lo devuelve",
                self.inputs(inputs)
            ),
            None => format!("Grupo eliminado: {title} · u lo devuelve"),
        }
    }

    fn confirm_remove_item(&self) -> &'static str {
        "¿Quitar este punto de la agenda? Su reloj se detiene; u lo devuelve con su tiempo."
    }

    fn confirm_remove_group(&self) -> &'static str {
        "¿Eliminar este grupo? Su reloj se detiene; u lo devuelve."
    }

    fn remove_group_into(&self, title: &str, inputs: usize) -> String {
        format!("¿Eliminar el grupo «{title}»? Sus insumos ({inputs}) pasan al grupo:")
    }

    fn remove_group_keys(&self) -> &'static str {
        "← →: elige el grupo · s / Enter: eliminar · n / Esc: no"
    }

    fn key_add_item(&self) -> &'static str {
        "añadir un punto tras el seleccionado (título y minutos)"
    }

    fn key_add_break(&self) -> &'static str {
        "añadir una pausa tras el seleccionado"
    }

    fn key_rename_item(&self) -> &'static str {
        "cambiar el título del punto"
    }

    fn key_move_item(&self) -> &'static str {
        "subir / bajar el punto en la agenda"
    }

    fn key_remove_item(&self) -> &'static str {
        "quitar el punto de la agenda (pregunta antes)"
    }

    fn key_add_group(&self) -> &'static str {
        "añadir un grupo (su nombre)"
    }

    fn key_rename_group(&self) -> &'static str {
        "cambiar el nombre del grupo"
    }

    fn key_remove_group(&self) -> &'static str {
        "eliminar el grupo (pregunta antes; sus insumos pasan a otro)"
    }

    // The footer's words.
    fn key_words(&self) -> &'static KeyWords {
        &KEY_WORDS
    }

    // Two people's edits of one text merged (issue 21).
    fn input_field(&self, number: &str, field: TextField) -> String {
        let field = match field {
            TextField::Text => "texto",
            TextField::Observations => "observaciones",
        };
        format!("Insumo {number} ({field})")
    }

    fn participants_of(&self, group: &str) -> String {
        format!("Participantes de «{group}»")
    }

    fn roster_of(&self, role: crate::model::session::RosterRole, group: &str) -> String {
        use crate::model::session::RosterRole;
        match role {
            RosterRole::Facilitator => format!("Facilitador/a de «{group}»"),
            RosterRole::Rapporteur => format!("Relator/a de «{group}»"),
        }
    }

    fn merged_with_others(&self, what: &str) -> String {
        format!(
            "{what}: otra persona lo cambió mientras usted escribía; se guardan los cambios de ambos"
        )
    }

    fn overlapped_yours_kept(&self, what: &str) -> String {
        format!(
            "{what}: otra persona cambió las mismas palabras mientras usted escribía; quedan las suyas y, marcadas «⟦otra versión: …⟧», las de la otra persona. Revíselo"
        )
    }

    fn overlapped_yours_marked(&self, what: &str) -> String {
        format!(
            "{what}: otra persona cambió las mismas palabras que usted; quedan las suyas y las de usted siguen, marcadas «⟦otra versión: …⟧». Revíselo"
        )
    }

    // The offline day (issue 12): group laptops, import, the plan.
    fn merge_group_report(
        &self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String {
        let group = format!("Grupo {number}");
        let (new, upd, del) = (
            ("nuevo", "nuevos"),
            ("actualizado", "actualizados"),
            ("eliminado", "eliminados"),
        );
        let ros = "relatoría actualizada";
        let mut counts = Vec::new();
        for (n, (one, many)) in [(added, new), (updated, upd), (deleted, del)] {
            if n > 0 {
                counts.push(count(n, one, many));
            }
        }
        let mut text = format!("{group}: {}", counts.join(", "));
        if roster {
            if !counts.is_empty() {
                text.push_str("; ");
            }
            text.push_str(ros);
        }
        text
    }

    fn merge_nothing_new(&self) -> &'static str {
        "nada nuevo"
    }

    fn merge_clocks(&self, n: usize) -> String {
        count(n, "reloj actualizado", "relojes actualizados")
    }

    fn merge_outside(&self, n: usize) -> String {
        format!(
            "{} fuera de su grupo no {}: un archivo de grupo cambia solo su grupo",
            count(n, "cambio", "cambios"),
            if n == 1 { "se tomó" } else { "se tomaron" }
        )
    }

    fn merge_verdicts_refused(&self, n: usize) -> String {
        format!(
            "{} de la plenaria (estado, votos, observaciones) no se tomaron: vienen solo de la sesión de la plenaria",
            count(n, "decisión", "decisiones")
        )
    }

    fn merge_future(&self, n: usize, latest: jiff::Timestamp) -> String {
        // In words, as the rest of the sentence: "1 de enero de 2999, 00:00 UTC".
        let at = latest.to_zoned(jiff::tz::TimeZone::UTC);
        let latest = format!(
            "{}, {} UTC",
            self.date_in_words(at.date()),
            at.strftime("%H:%M")
        );
        format!(
            "{} con fecha futura (hasta {latest}) no {}: ¿reloj adelantado en esa computadora? Lo de aquí se queda; lo nuevo entra con la hora de ahora",
            count(n, "cambio", "cambios"),
            if n == 1 { "ganó" } else { "ganaron" }
        )
    }

    fn merge_words(&self, merged: &[String], overlapped: &[String]) -> String {
        let (merged, overlapped) = (merged.join(", "), overlapped.join(", "));
        let mut text =
            format!("cambiado en las dos computadoras, combinado palabra por palabra: {merged}");
        if !overlapped.is_empty() {
            text.push_str(&format!(
                    " (en {overlapped} cambiaron las mismas palabras: se guardan ambas, la otra marcada «⟦otra versión: …⟧»)"
                ));
        }
        text
    }

    fn merge_versions(&self, n: usize) -> String {
        format!(
            "{} con dos textos distintos: se guardan ambos, el otro marcado «⟦otra versión: …⟧»",
            count(n, "insumo", "insumos")
        )
    }

    fn imported_from(&self, from: &dyn Display, what: &str) -> String {
        format!("Traído de {from}: {what}")
    }

    fn no_sessions_in_folder(&self, dir: &dyn Display) -> String {
        format!("{dir} no tiene archivos de sesión (.json)")
    }

    fn files_in_folder(&self, n: usize, dir: &dyn Display) -> String {
        format!("{} de {dir}", count(n, "archivo", "archivos"))
    }

    fn plan_words(&self) -> &'static PlanWords {
        &PLAN_WORDS
    }

    fn poll_words(&self) -> &'static PollWords {
        &POLL_WORDS
    }

    fn poll_turnout(&self, voted: usize, could: usize) -> String {
        format!("{voted} de {could} votaron")
    }

    fn poll_points(&self, n: u32) -> String {
        match n {
            1 => "1 punto".into(),
            n => format!("{n} puntos"),
        }
    }

    fn poll_screen(&self) -> &'static PollScreenWords {
        &POLL_SCREEN
    }

    fn poll_votes(&self, cast: usize, entitled: usize) -> String {
        format!("Votos: {cast} de {entitled}")
    }

    fn poll_points_rule(&self, points: u32, max_per_input: u32) -> String {
        format!("Puntos: {points} por tarjeta, como máximo {max_per_input} en un insumo")
    }

    fn poll_yes_no_on(&self, number: &str) -> String {
        format!("Sí / no / abstención sobre el insumo {number}")
    }

    fn poll_over(&self, inputs: usize) -> String {
        match inputs {
            1 => "Sobre 1 insumo".into(),
            n => format!("Sobre {n} insumos"),
        }
    }

    fn poll_no_cards(&self, name: &str) -> String {
        format!(
            "Aún no hay tarjetas de votación: créelas con «taller tokens {name}» y pulse V otra vez"
        )
    }

    fn poll_cards(&self, n: usize) -> String {
        match n {
            1 => "1 tarjeta puede votar".into(),
            n => format!("{n} tarjetas pueden votar"),
        }
    }

    fn poll_cards_unread(&self, why: &str) -> String {
        format!("No se pudieron leer las tarjetas de votación: {why}")
    }

    fn poll_card_on_paper(&self, card: &str) -> String {
        format!("{card}: votó en papel; su voto por teléfono se rechaza")
    }

    fn poll_card_revoked(&self, card: &str) -> String {
        format!("Tarjeta {card} anulada: ya no abre la votación")
    }

    fn no_plenary_decisions(&self) -> &'static str {
        "ningún archivo trae decisiones de la plenaria: el plan las muestra todas sin decisión; pase también la sesión de la plenaria"
    }

    fn schedule_from(&self, file: &dyn Display) -> String {
        format!("horario tomado de {file} (la sesión de la plenaria)")
    }

    fn plan_fields_of(&self, number: &str) -> String {
        format!("Datos de {number}:")
    }

    fn date_in_words(&self, date: jiff::civil::Date) -> String {
        const MONTHS: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        let month = (date.month() as usize).clamp(1, 12) - 1;
        format!("{} de {} de {}", date.day(), MONTHS[month], date.year())
    }

    fn numbered(&self, number: &str, axis: u32) -> String {
        format!("{number} (Eje {axis})")
    }

    fn docx_written(&self, path: &dyn Display) -> String {
        format!("plan.docx escrito en {path}")
    }

    fn docx_no_pandoc(&self, md: &dyn Display) -> String {
        format!(
            "pandoc no está instalado: no se escribió plan.docx. Instálelo (https://pandoc.org, o «apt install pandoc») y ejecute: pandoc {md} -o plan.docx"
        )
    }

    fn docx_failed(&self, reason: &dyn Display) -> String {
        format!("pandoc no pudo escribir plan.docx: {reason}")
    }

    fn unknown_group(&self, named: &str, known: &str) -> String {
        format!("no hay grupo «{named}»; los grupos son: {known}")
    }

    fn group_file_suffix(&self, number: u32) -> String {
        format!("grupo{number}")
    }

    fn group_laptop(&self, number: u32, title: &str) -> String {
        format!("Computadora del grupo {number} · {title}")
    }

    fn group_laptop_stays(&self, number: u32) -> String {
        format!("Esta computadora es del grupo {number}: muestra solo ese grupo")
    }

    fn key_where_file(&self) -> &'static str {
        "dónde está el archivo"
    }

    fn group_prompt(&self) -> &'static str {
        " Computadora de grupo: número del grupo (1–5) o su eje "
    }

    fn key_new_group(&self) -> &'static str {
        "nueva sesión de una computadora de grupo"
    }

    // Output formats (`export::formats`).
    fn format_plan(&self) -> &'static str {
        "el borrador del plan de trabajo, en Markdown"
    }

    fn format_csv(&self) -> &'static str {
        "los aportes del plan, uno por fila, en CSV"
    }

    fn format_json(&self) -> &'static str {
        "la sesión entera, un archivo que taller abre"
    }

    fn format_status(&self) -> &'static str {
        "cómo va el día: cada punto de la agenda, previsto y real, en CSV"
    }

    fn format_schedule_csv(&self) -> &'static str {
        "horario previsto y real de cada punto de la agenda, en CSV"
    }

    fn format_agenda_md(&self) -> &'static str {
        "la agenda imprimible, en Markdown"
    }

    fn format_polls_csv(&self) -> &'static str {
        "las votaciones por teléfono, una fila por votación e insumo, en CSV"
    }

    fn one_of(&self, names: &[&str]) -> String {
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} o {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    fn cli_words(&self) -> &'static CliWords {
        &CLI_WORDS
    }

    // Presence (issue 21): who is editing an input now.
    fn people(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} y {last}", rest.join(", ")),
        }
    }

    fn is_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        if names.len() > 1 {
            format!("{who} están editando")
        } else {
            format!("{who} está editando")
        }
    }

    fn also_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        let verb = if names.len() > 1 { "están" } else { "está" };
        format!("{who} también {verb} editando este insumo; al guardar se juntan los cambios")
    }

    // Why a role's change is refused (issue 20).
    fn refused_clock(&self) -> &'static str {
        "Los relojes los lleva la facilitación"
    }

    fn refused_schedule(&self) -> &'static str {
        "La hora de inicio y la campana las lleva la facilitación"
    }

    fn refused_room_message(&self) -> &'static str {
        "El mensaje a la sala lo pone la facilitación"
    }

    fn refused_import(&self) -> &'static str {
        "Importar un archivo lo hace la facilitación"
    }

    fn refused_agenda(&self) -> &'static str {
        "La agenda y los grupos los cambia la facilitación"
    }

    fn refused_verdict(&self) -> &'static str {
        "Estado, observaciones y votos los decide la plenaria"
    }

    fn refused_other_group(&self) -> &'static str {
        "Eso es de otro grupo: usted cambia solo el suyo"
    }

    fn refused_move_to_other_group(&self) -> &'static str {
        "Pasar un insumo a otro grupo lo hace la facilitación"
    }

    fn refused_screen_only(&self) -> &'static str {
        "Esta pantalla solo muestra la sesión"
    }

    fn refused_poll(&self) -> &'static str {
        "Las votaciones las lleva la facilitación"
    }

    fn refused_ballot(&self) -> &'static str {
        "Un voto se emite desde una tarjeta de votación, no desde una pantalla"
    }

    fn refused_ballot_only(&self) -> &'static str {
        "La página de una tarjeta solo emite votos"
    }

    fn ballot_refused(&self, why: BallotRefused) -> String {
        match why {
            BallotRefused::NoSuchPoll => "Esa votación no existe".into(),
            BallotRefused::Closed => "La votación está cerrada".into(),
            BallotRefused::NotEntitled => "Esta tarjeta no puede votar en esta votación".into(),
            BallotRefused::AlreadyVoted => "Esta tarjeta ya votó".into(),
            BallotRefused::OnPaper => "El voto de esta tarjeta se contó en papel".into(),
            BallotRefused::Invalid(fault) => match fault {
                BallotFault::WrongKind => "Ese voto no es de esta votación".into(),
                BallotFault::NotInPoll => "Un insumo no está en esta votación".into(),
                BallotFault::OverBudget { given, budget } => {
                    format!("{given} puntos: la tarjeta tiene {budget}")
                }
                BallotFault::OverCap { given, cap } => {
                    format!("{given} puntos en un insumo: como máximo {cap}")
                }
                BallotFault::Empty => "El voto está vacío".into(),
                BallotFault::ReasonTooLong { chars } => {
                    format!("El motivo tiene {chars} caracteres: como máximo {MAX_REASON_CHARS}")
                }
            },
        }
    }

    fn poll_refused(&self, why: PollRefused) -> &'static str {
        match why {
            PollRefused::NoSuchPoll => "Esa votación no existe",
            PollRefused::AnotherOpen => "Ya hay una votación abierta: ciérrela antes",
            PollRefused::NoInputs => "Una votación necesita insumos que estén en la sesión",
            PollRefused::OneInputOnly => "Sí / no / abstención se vota sobre un solo insumo",
            PollRefused::NoPoints => "Los puntos y el máximo por insumo son al menos 1",
            PollRefused::TakenId => "Ya hay una votación con ese identificador",
            PollRefused::StillOpen => "La votación sigue abierta: ciérrela antes",
            PollRefused::AlreadyClosed => "La votación ya está cerrada",
            PollRefused::NoCards => "Ninguna tarjeta puede votar: cree las tarjetas antes",
            PollRefused::VotedByPhone => "Esta tarjeta ya votó por teléfono",
        }
    }

    fn group_gone(&self) -> &'static str {
        "La facilitación quitó su grupo de esta sesión"
    }

    // The served session's screens: who is connected, codes, how a screen closed.
    fn ssh_closed_by_facilitator(&self) -> &'static str {
        "La facilitación cerró esta conexión."
    }

    fn ssh_too_many_screens(&self, most: usize) -> String {
        format!(
            "Ya hay {most} pantallas de este papel abiertas desde su computadora: cierre una y vuelva a conectarse."
        )
    }

    fn headless_stopped(
        &self,
        signal: &str,
        closed: usize,
        left: usize,
        path: &dyn Display,
    ) -> String {
        let left = match left {
            0 => String::new(),
            1 => " 1 pantalla no se cerró a tiempo y se cortó;".to_string(),
            n => format!(" {n} pantallas no se cerraron a tiempo y se cortaron;"),
        };
        format!(
            "taller: {signal} recibida: {closed} pantalla(s) avisada(s) y cerrada(s) con su terminal restaurada;{left} sesión guardada en {path}."
        )
    }

    fn join_facilitator_apart(&self, key: &str) -> String {
        format!("El código de facilitación no se proyecta: {key} lo muestra en esta pantalla.")
    }

    fn join_keys(&self, connected: usize) -> String {
        format!("F código de facilitación · C conexiones ({connected}) · otra tecla cierra")
    }

    fn facilitator_code_title(&self) -> &'static str {
        " Código de facilitación "
    }

    fn facilitator_code_lines(&self, command: &str, code: &str) -> [String; 3] {
        [
            "Solo para quien facilita: no lo deje proyectado.".to_string(),
            format!("{command}   código {code}"),
            "Cualquier tecla lo oculta.".to_string(),
        ]
    }

    fn connections_title(&self) -> &'static str {
        " Conexiones "
    }

    fn connections_none(&self) -> &'static str {
        "Nadie está conectado por ssh."
    }

    fn connections_header(&self) -> [&'static str; 4] {
        ["Papel", "Dirección", "Desde", "Tamaño"]
    }

    fn connections_keys(&self) -> &'static str {
        "↑↓ elegir · x cerrar la conexión · Esc cierra"
    }

    fn connections_confirm(&self, who: &str) -> String {
        format!("¿Cerrar la conexión de {who}? s sí · n no")
    }

    fn connection_gone(&self) -> &'static str {
        "Esa conexión ya se había cerrado: no se cerró ninguna otra."
    }

    fn connection_closed(&self, who: &str) -> String {
        format!("Conexión de {who} cerrada.")
    }

    fn remote_copy_lines(&self) -> [&'static str; 3] {
        [
            "Esta sesión se guarda en la computadora de la facilitación.",
            "Para tener una copia en la suya, escriba en otra terminal el mismo ssh con que entró, con json al final:",
            "ssh -p PUERTO USUARIO@DIRECCIÓN json > copia.json",
        ]
    }

    fn any_key_closes(&self) -> &'static str {
        "Cualquier tecla cierra."
    }

    fn where_file_title(&self) -> &'static str {
        " Dónde está el archivo "
    }

    fn where_file_lines(&self, name: &dyn Display, dir: &dyn Display) -> [String; 3] {
        [
            format!("Archivo: {name}"),
            format!("Carpeta: {dir}"),
            "Cópielo a la memoria USB. Cualquier tecla cierra.".to_string(),
        ]
    }

    // What people joining over SSH read.
    fn ssh_code_prompt(&self, name: &str) -> String {
        format!("Codigo de {name}: ")
    }

    fn ssh_unknown_user(&self, user: &str, names: &str) -> String {
        let user = ascii(user);
        format!("\"{user}\" no es un nombre de este taller. Use uno de: {names}.")
    }

    fn ssh_wait_for_turn(&self, seconds: u64) -> String {
        format!(
            "Demasiados codigos equivocados desde esta computadora: espere {seconds} segundos; el codigo que escriba se comprueba entonces."
        )
    }

    fn ssh_unknown_user_prompt(&self) -> &'static str {
        "Pulse Enter para salir: "
    }

    fn ssh_no_pty(&self, user: &str, formats: &str) -> String {
        format!(
            "taller necesita una terminal: conéctese con  ssh -t -p PUERTO {user}@SERVIDOR  (o añada {formats} para un documento)."
        )
    }

    fn ssh_exec_refused(&self, command: &dyn Display, formats: &str) -> String {
        format!("taller: «{command}» no se ejecuta aquí; solo {formats}.")
    }

    fn ssh_session_ended(&self) -> &'static str {
        "La sesión en vivo terminó. Gracias."
    }

    fn ssh_too_slow(&self) -> &'static str {
        "La conexión no recibía la pantalla: vuelva a conectarse."
    }

    fn ssh_paste_too_large(&self, max_mib: usize) -> String {
        format!("Texto pegado demasiado grande (más de {max_mib} MiB): no se insertó.")
    }

    fn ssh_cannot_keep_codes(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("no se pueden guardar los códigos en {path}: {reason}")
    }

    fn join_also_as(&self, axis: &str) -> String {
        format!("también: {axis}")
    }

    fn ssh_codes_damaged(&self, line: usize) -> String {
        format!(
            "la línea {line} está dañada (no se reescribe: corríjala o use «taller codes NOMBRE --new»)"
        )
    }

    fn ssh_codes_newer(&self, version: u32) -> String {
        format!("es de una versión más nueva de taller (formato {version}); actualice taller")
    }

    fn ssh_cannot_keep_key(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("no se puede usar la clave del servidor en {path}: {reason}")
    }

    // Ballot cards (issue 23): `taller tokens` and the cards file.
    fn tokens_cannot_keep(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("no se pueden guardar las claves de votación en {path}: {reason}")
    }

    fn tokens_damaged(&self, line: usize) -> String {
        format!(
            "la línea {line} está dañada (no se reescribe: corríjala o use «taller tokens NOMBRE --new»)"
        )
    }

    fn tokens_newer(&self, version: u32) -> String {
        format!("es de una versión más nueva de taller (formato {version}); actualice taller")
    }

    fn tokens_no_such_card(&self, label: &str, known: &str) -> String {
        format!("ninguna tarjeta se llama «{label}»; las tarjetas son: {known}")
    }

    fn tokens_none(&self) -> &'static str {
        "esta sesión aún no tiene tarjetas de votación: «taller tokens NOMBRE» las crea"
    }

    fn tokens_revoked(&self, label: &str) -> String {
        format!("Tarjeta «{label}» anulada: su clave ya no sirve para votar.")
    }

    fn tokens_left_out(&self, labels: &str) -> String {
        format!("tarjetas anuladas, no se muestran: {labels}")
    }

    fn tokens_count_per_delegation(&self) -> &'static str {
        "--count es para tarjetas por persona (--per person); por delegación hay una por país"
    }

    fn tokens_person_needs_count(&self) -> &'static str {
        "diga cuántas tarjetas por persona con --count N"
    }

    fn tokens_kept_other_kind(&self, kept_per_delegation: bool) -> String {
        let kept = if kept_per_delegation {
            "por delegación"
        } else {
            "por persona"
        };
        format!(
            "las tarjetas de esta sesión son {kept}; para reemplazarlas todas use --new (las claves anteriores dejarán de servir)"
        )
    }

    fn tokens_no_countries(&self) -> &'static str {
        "el taller de esta sesión no nombra países: use --per person --count N"
    }

    fn tokens_no_address(&self, host: &str) -> String {
        format!(
            "no se encontró la dirección de esta computadora en la red de la sala; los enlaces usan «{host}»: indique la correcta con --web DIRECCIÓN:PUERTO"
        )
    }

    fn tokens_bad_web(&self, value: &str) -> String {
        format!(
            "«{value}» no es una dirección: escriba DIRECCIÓN:PUERTO, por ejemplo 192.168.1.20:8080"
        )
    }

    fn cards_title(&self, session: &str) -> String {
        format!("Tarjetas de votación: {session}")
    }

    fn cards_numbered(&self, label: &str) -> String {
        format!("Tarjeta {label}")
    }

    fn cards_how(&self) -> &'static str {
        "Para votar, escanee el código con la cámara de su teléfono. O abra la dirección en el navegador y escriba su clave. La clave es secreta: no la muestre."
    }

    fn cards_token(&self) -> &'static str {
        "Clave de votación"
    }

    fn cards_written(&self, path: &dyn Display, name: &dyn Display, cards: usize) -> String {
        let each = if cards == 1 {
            "1 tarjeta".to_string()
        } else {
            format!("{cards} tarjetas")
        };
        format!(
            "{each} en {path}, con sus códigos QR al lado; para imprimirlas, en esa carpeta: pandoc {name} -o tarjetas.docx"
        )
    }

    fn cards_no_qr(&self, link: &str) -> String {
        format!("la dirección «{link}» es demasiado larga para un código QR")
    }

    // Workshop definitions (issue 15): the TOML file, the `workshop` commands, the printable agenda.
    fn def_missing_title(&self) -> String {
        "falta el título (title)".to_string()
    }

    fn def_empty_title(&self) -> String {
        "el título está vacío".to_string()
    }

    fn def_zero_minutes(&self) -> String {
        "los minutos deben ser más de 0".to_string()
    }

    fn def_too_many_minutes(&self, max: u32) -> String {
        format!("los minutos no pueden pasar de {max} (una semana)")
    }

    fn def_percent(&self) -> String {
        "un porcentaje va de 0 a 100".to_string()
    }

    fn def_duplicate_id(&self, id: &str) -> String {
        format!("el id «{id}» está vacío o repetido")
    }

    fn def_unknown_key(&self, key: &str) -> String {
        format!("clave desconocida «{key}»")
    }

    fn def_missing_key(&self, key: &str) -> String {
        format!("falta la clave «{key}»")
    }

    fn def_unreadable(&self, reason: &dyn Display) -> String {
        format!("no se puede leer: {reason}")
    }

    fn def_language(&self, language: &str, known: &str) -> String {
        format!("idioma «{language}» desconocido: {known}")
    }

    fn def_no_groups(&self) -> String {
        "no hay ningún grupo ([[groups]])".to_string()
    }

    fn def_bad_short(&self, short: &str) -> String {
        let said = format!(
            "nombre corto «{short}» inválido: una palabra de letras a-z sin tilde, \
                 cifras y guiones, con alguna letra"
        );
        // A name that was fine before ids became ASCII (`niñez`) gets the
        // spelling to use instead.
        match ascii_short(short) {
            Some(ascii) => format!("{said} (escriba «{ascii}»)"),
            None => said,
        }
    }

    fn def_role_short(&self, short: &str) -> String {
        format!(
            "el nombre corto «{short}» es el nombre de un papel al conectarse \
                 (grupoN, sala, lectura, facilitador…): elija otro"
        )
    }

    fn def_not_utf8(&self) -> String {
        "el archivo no es texto UTF-8 desde aquí (guárdelo como UTF-8)".to_string()
    }

    fn def_not_a_file(&self, file: &str) -> String {
        format!("{file}: no es un archivo normal (¿una tubería, un dispositivo?)")
    }

    fn def_too_big(&self, file: &str, max_kib: u64) -> String {
        format!("{file}: demasiado grande para una definición (más de {max_kib} KiB)")
    }

    fn def_duplicate_short(&self, short: &str) -> String {
        format!("el nombre corto «{short}» ya lo usa otro grupo")
    }

    fn def_final_break(&self) -> String {
        "el paso final no puede ser una pausa".to_string()
    }

    fn def_unknown_builtin(&self, name: &str, known: &str) -> String {
        format!("no hay un taller incluido «{name}»; los incluidos: {known}")
    }

    fn def_cannot_read(&self, file: &str, error: &std::io::Error) -> String {
        if error.kind() == std::io::ErrorKind::NotFound {
            return format!("{file}: {}", self.t().err_not_found);
        }
        format!("no se puede leer {file}: {error}")
    }

    fn def_invalid(&self, file: &str, problems: usize) -> String {
        match problems {
            1 => format!("{file}: la definición del taller tiene 1 problema:"),
            n => format!("{file}: la definición del taller tiene {n} problemas:"),
        }
    }

    fn def_valid(&self, file: &str, title: &str, groups: usize, items: usize) -> String {
        format!("{file}: correcto — «{title}», {groups} grupos, {items} puntos de agenda")
    }

    fn def_written(&self, file: &dyn Display) -> String {
        format!("Plantilla del taller escrita en {file}")
    }

    fn def_exists(&self, file: &dyn Display) -> String {
        format!("{file} ya existe; no se reemplaza")
    }

    fn workshop_choice(&self, title: &str, at: usize, of: usize) -> String {
        format!("taller ({at}/{of}, ←/→ cambia): {title}")
    }

    fn break_text(&self, lunch: bool) -> &'static str {
        match lunch {
            false => "Pausa.",
            true => "Almuerzo.",
        }
    }

    fn agenda_heading(&self) -> &'static str {
        "Agenda"
    }

    fn agenda_columns(&self) -> [&'static str; 3] {
        ["Hora", "Punto", "Minutos"]
    }

    fn agenda_planned_from(&self, start: &str) -> String {
        format!("Horario previsto desde las {start}.")
    }

    fn agenda_groups_heading(&self) -> &'static str {
        "Grupos de trabajo"
    }

    fn agenda_principles(&self) -> &'static str {
        "Principios"
    }

    fn agenda_final_product(&self) -> &'static str {
        "Producto final"
    }

    fn agenda_examples(&self) -> &'static str {
        "Ejemplos"
    }
}

static STRINGS: Strings = Strings {
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
    footer_start: "Enter abrir · n nueva · r renombrar · c plantilla · q salir · d papelera · ? ayuda",
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
    join_web_in_clear: "Sin cifrar: use wifi WPA2 o el punto de acceso de esta computadora.",
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

static KEY_WORDS: KeyWords = KeyWords {
    read_only: "SOLO LECTURA",
    clock: "reloj",
    next: "siguiente",
    add: "añadir",
    edit: "editar",
    delete: "eliminar",
    group: "grupo",
    item: "punto",
    input: "insumo",
    bell: "campana",
    start_time: "hora de inicio",
    back: "vuelve",
    room: "sala",
    schedule: "cronograma",
    part: "parte",
    quit: "salir",
    help: "ayuda",
    redo: "rehacer lo deshecho",
};

static PLAN_WORDS: PlanWords = PlanWords {
    date: "Fecha",
    place: "Lugar",
    axis: "Eje",
    agreed: "Acciones acordadas",
    to_revise: "Acciones a revisar",
    undecided: "Acciones propuestas (sin decisión de la plenaria)",
    agreements: "Acuerdos",
    agreements_to_revise: "Acuerdos a revisar",
    questions: "Preguntas abiertas",
    pending: "Pendientes",
    observations: "Observaciones de la plenaria",
    votes: "Votos",
    status: "Estado",
    duplicate: "Posible duplicado de",
    annex: "Anexo",
    annex_dropped: "insumos descartados por la plenaria",
    annex_people: "participantes por país",
    annex_schedule: "horario del taller",
    no_country: "País no indicado",
    leads: "Facilitación y relatoría",
    facilitates: "facilita",
    reports: "relata",
    planned: "previsto",
    actual: "real",
    number: "número",
    no_decisions: "Ningún archivo trae decisiones de la plenaria (acuerdos, observaciones ni votos): todas las acciones figuran sin decisión. Pase también la sesión de la plenaria (la de la facilitación) a taller consolidate.",
    no_decisions_yet: "La plenaria todavía no ha decidido (acuerdos, observaciones ni votos): todas las acciones figuran sin decisión.",
    nothing_here: "Sin insumos.",
    ranking_note: "Los insumos votados, del más votado al menos; cada uno con su número en la lista de su eje.",
};

static CLI_WORDS: CliWords = CliWords {
    page: Some(HelpPage {
        template: "{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}",
        error: "error",
        options: "Opciones",
        arguments: "Argumentos",
        commands: "Comandos",
        command: "COMANDO",
        usage: &[
            ("", "taller [OPCIONES] [COMANDO]"),
            ("new", "taller new [OPCIONES]"),
            (
                "workshop",
                "taller workshop [OPCIONES] <init|check> ARCHIVO",
            ),
            ("workshop init", "taller workshop init [OPCIONES] ARCHIVO"),
            ("workshop check", "taller workshop check [OPCIONES] ARCHIVO"),
            ("open", "taller open [OPCIONES] <NOMBRE|RUTA>"),
            ("list", "taller list [OPCIONES]"),
            ("import", "taller import MAESTRA RUTA..."),
            (
                "consolidate",
                "taller consolidate RUTA... --out CARPETA [OPCIONES]",
            ),
            ("restore", "taller restore [OPCIONES] <NOMBRE|RUTA> [N]"),
            ("serve", "taller serve [OPCIONES] [NOMBRE|RUTA]"),
            ("codes", "taller codes [OPCIONES] <NOMBRE|RUTA> [--new]"),
            (
                "tokens",
                "taller tokens [OPCIONES] <NOMBRE|RUTA> [--per delegation|person] [--count N] [--new]",
            ),
            (
                "export",
                "taller export [OPCIONES] --format FORMATO <NOMBRE|RUTA>",
            ),
        ],
        help: "Muestra esta ayuda",
        version: "Muestra la versión",
    }),
    about: &[
        (
            "",
            "Conduzca un taller presencial desde una terminal proyectada.",
        ),
        ("new", "Empieza una sesión nueva del taller por defecto"),
        (
            "workshop",
            "Escribe o comprueba una definición de taller (TOML)",
        ),
        (
            "workshop init",
            "Escribe el taller incluido como plantilla comentada",
        ),
        (
            "workshop check",
            "Comprueba una definición: cada problema con su línea y columna",
        ),
        ("open", "Abre una sesión guardada, por nombre o por ruta"),
        ("list", "Lista las sesiones guardadas"),
        (
            "import",
            "Trae los archivos de sesión de otras computadoras a una sesión maestra",
        ),
        (
            "consolidate",
            "Une archivos de sesión de un mismo taller en el borrador del plan de trabajo",
        ),
        (
            "restore",
            "Lista las copias de seguridad de una sesión, o restaura la copia N",
        ),
        (
            "serve",
            "Sirve una sesión en vivo: los demás se unen con `ssh`, cada quien en su pantalla",
        ),
        (
            "codes",
            "Muestra los códigos para unirse por SSH a la sesión, una línea por rol",
        ),
        (
            "tokens",
            "Muestra las tarjetas para votar desde el teléfono, una línea por tarjeta: etiqueta, clave y enlace",
        ),
        ("export", "Escribe una sesión en otro formato"),
    ],
    args: &[
        arg(
            "",
            "lang",
            "Idioma de la interfaz: {languages} (o la variable TALLER_LANG)",
            Some("IDIOMA"),
        ),
        arg(
            "",
            "no_bell",
            "No hacer sonar nunca la campana de la terminal",
            None,
        ),
        arg(
            "",
            "sessions_dir",
            "Carpeta donde se guardan las sesiones (o la variable TALLER_SESSIONS_DIR)",
            Some("CARPETA"),
        ),
        arg(
            "",
            "allow_shared_dir",
            "Guardar sesiones aunque otros usuarios puedan escribir en la carpeta",
            None,
        ),
        arg(
            "new",
            "name",
            "Nombre de la sesión (por defecto: taller-FECHA, o taller-FECHA-grupoN)",
            Some("NOMBRE"),
        ),
        arg(
            "new",
            "group",
            "Computadora de grupo: la sesión de un solo grupo (su número o el id del eje)",
            Some("N"),
        ),
        arg(
            "new",
            "workshop",
            "El taller: un archivo de definición (TOML), o builtin:NOMBRE",
            Some("ARCHIVO"),
        ),
        arg(
            "workshop init",
            "file",
            "El archivo que se escribe (nunca se reemplaza)",
            Some("ARCHIVO"),
        ),
        arg(
            "workshop init",
            "from",
            "Qué taller se escribe: ctim (el de por defecto) u otro incluido",
            Some("NOMBRE"),
        ),
        arg(
            "workshop check",
            "file",
            "El archivo de definición (TOML), o builtin:NOMBRE",
            Some("ARCHIVO"),
        ),
        arg(
            "open",
            "target",
            "Nombre de una sesión de la carpeta, o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "import",
            "master",
            "La sesión maestra (nombre o ruta)",
            Some("MAESTRA"),
        ),
        arg(
            "import",
            "files",
            "Archivos de sesión que se traen, o carpetas (todos sus archivos de sesión)",
            Some("RUTA"),
        ),
        arg(
            "consolidate",
            "files",
            "Archivos de sesión (los de cada computadora y el de la plenaria), o carpetas",
            Some("RUTA"),
        ),
        arg(
            "consolidate",
            "out",
            "Carpeta para plan.md, plan.csv y plan.json",
            Some("CARPETA"),
        ),
        arg(
            "consolidate",
            "skip_bad",
            "Omitir los archivos que no se pueden leer en vez de no escribir nada",
            None,
        ),
        arg(
            "consolidate",
            "title",
            "Título del plan (por defecto: el de las sesiones, o «Borrador del Plan de Trabajo Regional»)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "date",
            "Fecha del plan (por defecto: la de las sesiones, o el día del taller)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "place",
            "Lugar del plan (por defecto: el de las sesiones)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "docx",
            "Escribir también plan.docx con pandoc, si está instalado",
            None,
        ),
        arg(
            "restore",
            "target",
            "Nombre de una sesión de la carpeta, o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "restore",
            "generation",
            "La copia que se restaura (1 es la más reciente); sin N, se listan",
            None,
        ),
        arg(
            "serve",
            "target",
            "Nombre de una sesión (se crea si no existe), o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "serve",
            "listen",
            "Dónde escuchar SSH (todas las interfaces, puerto 2222)",
            Some("DIRECCIÓN:PUERTO"),
        ),
        arg(
            "serve",
            "web",
            "Dónde escucha la página de votación de los teléfonos (todas las interfaces, puerto 8080)",
            Some("DIRECCIÓN:PUERTO"),
        ),
        arg(
            "serve",
            "no_web",
            "No servir la página de votación (nadie vota por teléfono)",
            None,
        ),
        arg(
            "serve",
            "headless",
            "Servir sin pantalla aquí: muestra cómo unirse y espera SIGTERM",
            None,
        ),
        arg(
            "serve",
            "authorized_keys",
            "Da roles a claves públicas: líneas `ROL ssh-ed25519 AAAA…`",
            Some("ARCHIVO"),
        ),
        arg(
            "serve",
            "workshop",
            "Para una sesión nueva: su taller, un archivo de definición (TOML) o builtin:NOMBRE",
            Some("ARCHIVO"),
        ),
        arg(
            "codes",
            "target",
            "Nombre de una sesión de la carpeta, o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "codes",
            "new",
            "Reemplaza todos los códigos por otros nuevos",
            None,
        ),
        arg(
            "tokens",
            "target",
            "Nombre de una sesión de la carpeta, o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "tokens",
            "per",
            "Para quién son las tarjetas: delegation (una por país, por defecto) o person (numeradas)",
            None,
        ),
        arg(
            "tokens",
            "count",
            "Asegura que haya N tarjetas por persona (se conservan las ya hechas)",
            None,
        ),
        arg(
            "tokens",
            "new",
            "Reemplaza todas las tarjetas por otras nuevas (las claves anteriores dejan de servir)",
            None,
        ),
        arg(
            "tokens",
            "revoke",
            "Anula una tarjeta al instante: su clave ya no sirve para votar",
            Some("ETIQUETA"),
        ),
        arg(
            "tokens",
            "cards",
            "Escribe las tarjetas en Markdown para pandoc, con una imagen QR cada una al lado",
            Some("ARCHIVO"),
        ),
        arg(
            "tokens",
            "web",
            "La dirección de los enlaces (por defecto, esta computadora en la red de la sala, puerto 8080)",
            Some("DIRECCIÓN:PUERTO"),
        ),
        arg(
            "export",
            "target",
            "Nombre de una sesión de la carpeta, o ruta de un archivo .json",
            Some("NOMBRE|RUTA"),
        ),
        arg(
            "export",
            "format",
            "Qué escribir: {formats} (lo mismo funciona con `ssh … NOMBRE`)",
            Some("FORMATO"),
        ),
        arg(
            "export",
            "out",
            "Escribir en este archivo en vez de la salida estándar",
            Some("ARCHIVO"),
        ),
    ],
    list_formats: false,
};

static POLL_WORDS: PollWords = PollWords {
    poll: "Votación",
    kind_points: "puntos",
    kind_consent: "consentimiento",
    kind_yes_no: "sí / no / abstención",
    agree: "de acuerdo",
    live_with: "puede vivir con ello",
    reserve: "reserva",
    yes: "sí",
    no: "no",
    abstain: "abstención",
    still_open: "votación abierta, sin resultado aún",
    secret: "secreta",
    named: "nominal",
    col_poll: "Votación (id)",
    col_kind: "Tipo de votación",
    col_ballot: "Voto",
    col_opened: "Abierta",
    col_closed: "Cerrada",
    col_entitled: "Podían votar",
    col_voted: "Votaron",
    col_result: "Resultado",
    col_points: "Puntos",
    col_reasons: "Motivos",
    col_card: "Tarjeta",
    col_answer: "Voto emitido",
    col_reason: "Motivo",
};

static POLL_SCREEN: PollScreenWords = PollScreenWords {
    chooser_title: "Nueva votación",
    consent_line: "Consentimiento por insumo: de acuerdo / puedo vivir con ello / reserva",
    named_line: "Nominal: cada voto queda con su tarjeta",
    secret_line: "Secreta: ningún voto guarda su tarjeta",
    chooser_keys: "↑↓ tipo · + − puntos · < > máximo · s secreta · Enter abrir · Esc cancelar",
    reading_cards: "Leyendo las tarjetas de votación…",
    no_inputs: "No hay insumos que votar en este paso",
    card_keys: "P votó en papel · R anular una tarjeta",
    paper_title: "Tarjeta que votó en papel (su nombre o número)",
    revoke_title: "Tarjeta que se anula (su nombre o número)",
    unknown_card: "Ninguna tarjeta de esta votación se llama así",
    close_question: "¿Cerrar la votación?",
    close_detail: "Las tarjetas que no votaron ya no podrán hacerlo.",
    closed_title: "Votación cerrada",
    closed_keys: "V revelar resultados · N nueva votación · Esc volver",
    closed_keys_named: "S hacerla secreta (olvidar qué votó cada tarjeta)",
    results_hidden: "Los resultados se muestran al cerrar y revelar la votación",
    closed_hidden: "Votación cerrada · resultados aún ocultos",
    opened: "Votación abierta",
    closed: "Votación cerrada",
    revealed: "Resultados revelados",
    made_secret: "La votación es secreta ahora: olvidó qué votó cada tarjeta",
    vote_here: "Vote desde su teléfono",
    web_page: "Página de votación",
    key_poll: "votación: abrir, cerrar, revelar",
};
