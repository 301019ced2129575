//! Words of the offline day (issue 12): group laptops, import, the plan.
//! Kept apart from the big table so the two grow without conflicts.

use std::fmt::Display;

use super::Lang;

/// "1 nuevo", "3 nuevos": a count and the word that agrees with it.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Lang {
    /// "Grupo 2: 3 nuevos, 1 actualizado, 1 eliminado; relatoría actualizada".
    pub fn merge_group_report(
        self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String {
        let (group, new, upd, del, ros) = match self {
            Lang::Es => (
                format!("Grupo {number}"),
                ("nuevo", "nuevos"),
                ("actualizado", "actualizados"),
                ("eliminado", "eliminados"),
                "relatoría actualizada",
            ),
            Lang::En => (
                format!("Group {number}"),
                ("new", "new"),
                ("updated", "updated"),
                ("deleted", "deleted"),
                "roster updated",
            ),
        };
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

    pub fn merge_nothing_new(self) -> &'static str {
        self.pick("nada nuevo", "nothing new")
    }

    pub fn merge_clocks(self, n: usize) -> String {
        match self {
            Lang::Es => count(n, "reloj actualizado", "relojes actualizados"),
            Lang::En => count(n, "clock updated", "clocks updated"),
        }
    }

    /// A group laptop's changes to other groups, left out.
    pub fn merge_outside(self, n: usize) -> String {
        match self {
            Lang::Es => format!(
                "{} fuera de su grupo no {}: un archivo de grupo cambia solo su grupo",
                count(n, "cambio", "cambios"),
                if n == 1 { "se tomó" } else { "se tomaron" }
            ),
            Lang::En => format!(
                "{} outside its group not taken: a group laptop's file changes only its group",
                count(n, "change", "changes")
            ),
        }
    }

    /// A group laptop's file tried to change the plenary's say.
    pub fn merge_verdicts_refused(self, n: usize) -> String {
        match self {
            Lang::Es => format!(
                "{} de la plenaria (estado, votos, observaciones) no se tomaron: vienen solo de la sesión de la plenaria",
                count(n, "decisión", "decisiones")
            ),
            Lang::En => format!(
                "{} of the plenary (verdict, votes, observations) not taken: they come only from the plenary's session",
                count(n, "decision", "decisions")
            ),
        }
    }

    /// Changes dated ahead of this machine's clock: named, and they did not win.
    pub fn merge_future(self, n: usize, latest: jiff::Timestamp) -> String {
        // In words, as the rest of the sentence: "1 de enero de 2999, 00:00 UTC".
        let at = latest.to_zoned(jiff::tz::TimeZone::UTC);
        let latest = format!(
            "{}, {} UTC",
            self.date_in_words(at.date()),
            at.strftime("%H:%M")
        );
        match self {
            Lang::Es => format!(
                "{} con fecha futura (hasta {latest}) no {}: ¿reloj adelantado en esa computadora? Lo de aquí se queda; lo nuevo entra con la hora de ahora",
                count(n, "cambio", "cambios"),
                if n == 1 { "ganó" } else { "ganaron" }
            ),
            Lang::En => format!(
                "{} dated in the future (up to {latest}) did not win: is that computer's clock ahead? What is here stays; what is new comes dated now",
                count(n, "change", "changes")
            ),
        }
    }

    /// Texts changed on both computers since the laptop took the room's,
    /// merged word by word; where both changed the same words, both kept.
    pub fn merge_words(self, merged: &[String], overlapped: &[String]) -> String {
        let (merged, overlapped) = (merged.join(", "), overlapped.join(", "));
        match self {
            Lang::Es => {
                let mut text = format!(
                    "cambiado en las dos computadoras, combinado palabra por palabra: {merged}"
                );
                if !overlapped.is_empty() {
                    text.push_str(&format!(
                        " (en {overlapped} cambiaron las mismas palabras: se guardan ambas, la otra marcada «⟦otra versión: …⟧»)"
                    ));
                }
                text
            }
            Lang::En => {
                let mut text = format!("changed on both computers, merged word by word: {merged}");
                if !overlapped.is_empty() {
                    text.push_str(&format!(
                        " (in {overlapped} the same words changed: both kept, the other marked \"⟦other version: …⟧\")"
                    ));
                }
                text
            }
        }
    }

    /// Two texts of one input at one time: both kept, the other marked.
    pub fn merge_versions(self, n: usize) -> String {
        match self {
            Lang::Es => format!(
                "{} con dos textos distintos: se guardan ambos, el otro marcado «⟦otra versión: …⟧»",
                count(n, "insumo", "insumos")
            ),
            Lang::En => format!(
                "{} with two different texts: both kept, the other marked \"⟦other version: …⟧\"",
                count(n, "input", "inputs")
            ),
        }
    }

    /// What an import did, and from where.
    pub fn imported_from(self, from: impl Display, what: &str) -> String {
        self.pick(
            format!("Traído de {from}: {what}"),
            format!("Brought from {from}: {what}"),
        )
    }

    /// A folder given to import holds no session file.
    pub fn no_sessions_in_folder(self, dir: impl Display) -> String {
        self.pick(
            format!("{dir} no tiene archivos de sesión (.json)"),
            format!("{dir} holds no session files (.json)"),
        )
    }

    /// "3 archivos de memoria USB/": what a folder import names.
    pub fn files_in_folder(self, n: usize, dir: impl Display) -> String {
        match self {
            Lang::Es => format!("{} de {dir}", count(n, "archivo", "archivos")),
            Lang::En => format!("{} in {dir}", count(n, "file", "files")),
        }
    }
}

/// The words of plan.md and plan.csv.
pub struct PlanWords {
    pub date: &'static str,
    pub place: &'static str,
    pub axis: &'static str,
    pub agreed: &'static str,
    pub to_revise: &'static str,
    pub undecided: &'static str,
    pub agreements: &'static str,
    pub agreements_to_revise: &'static str,
    pub questions: &'static str,
    pub pending: &'static str,
    pub observations: &'static str,
    pub votes: &'static str,
    pub status: &'static str,
    pub duplicate: &'static str,
    pub annex: &'static str,
    pub annex_dropped: &'static str,
    pub annex_people: &'static str,
    pub annex_schedule: &'static str,
    pub no_country: &'static str,
    pub leads: &'static str,
    pub facilitates: &'static str,
    pub reports: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub number: &'static str,
    pub no_decisions: &'static str,
    /// The live plan (`ssh … plan`) is the plenary's session itself.
    pub no_decisions_yet: &'static str,
    pub nothing_here: &'static str,
    pub ranking_note: &'static str,
}

const PLAN_ES: PlanWords = PlanWords {
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

const PLAN_EN: PlanWords = PlanWords {
    date: "Date",
    place: "Place",
    axis: "Axis",
    agreed: "Agreed actions",
    to_revise: "Actions to revise",
    undecided: "Proposed actions (no plenary decision yet)",
    agreements: "Agreements",
    agreements_to_revise: "Agreements to revise",
    questions: "Open questions",
    pending: "Parking lot",
    observations: "Plenary observations",
    votes: "Votes",
    status: "Status",
    duplicate: "Possible duplicate of",
    annex: "Annex",
    annex_dropped: "inputs the plenary dropped",
    annex_people: "participants by country",
    annex_schedule: "the day's schedule",
    no_country: "Country not given",
    leads: "Facilitation and reporting",
    facilitates: "facilitated by",
    reports: "rapporteur",
    planned: "planned",
    actual: "actual",
    number: "number",
    no_decisions: "No file carries decisions of the plenary (agreements, observations or votes): every action is shown undecided. Pass the plenary's session (the facilitator's) to taller consolidate as well.",
    no_decisions_yet: "The plenary has not decided yet (agreements, observations or votes): every action is shown undecided.",
    nothing_here: "No inputs.",
    ranking_note: "The inputs voted for, most votes first; each with its number in its axis's list.",
};

impl Lang {
    pub fn plan_words(self) -> &'static PlanWords {
        self.pick(&PLAN_ES, &PLAN_EN)
    }

    /// On the standard error when no file carries the plenary's decisions.
    pub fn no_plenary_decisions(self) -> &'static str {
        self.pick(
            "ningún archivo trae decisiones de la plenaria: el plan las muestra todas sin decisión; pase también la sesión de la plenaria",
            "no file carries the plenary's decisions: the plan shows every action undecided; pass the plenary's session as well",
        )
    }

    /// Where the plan's schedule comes from.
    pub fn schedule_from(self, file: impl Display) -> String {
        self.pick(
            format!("horario tomado de {file} (la sesión de la plenaria)"),
            format!("schedule taken from {file} (the plenary's session)"),
        )
    }

    /// "Datos de 2.3": what parts an input's pasted list from its fields.
    pub fn plan_fields_of(self, number: &str) -> String {
        self.pick(
            format!("Datos de {number}:"),
            format!("Details of {number}:"),
        )
    }

    /// "4 de diciembre de 2026", "4 December 2026": a date in words, as a
    /// plan written in the language reads it.
    pub fn date_in_words(self, date: jiff::civil::Date) -> String {
        const ES: [&str; 12] = [
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
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = (date.month() as usize).clamp(1, 12) - 1;
        match self {
            Lang::Es => format!("{} de {} de {}", date.day(), ES[month], date.year()),
            Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
        }
    }

    /// "2.3 (Eje 2)": an input named in a plan.
    pub fn numbered(self, number: &str, axis: u32) -> String {
        self.pick(
            format!("{number} (Eje {axis})"),
            format!("{number} (Axis {axis})"),
        )
    }

    pub fn docx_written(self, path: impl Display) -> String {
        self.pick(
            format!("plan.docx escrito en {path}"),
            format!("plan.docx written in {path}"),
        )
    }

    pub fn docx_no_pandoc(self, md: impl Display) -> String {
        self.pick(
            format!("pandoc no está instalado: no se escribió plan.docx. Instálelo (https://pandoc.org, o «apt install pandoc») y ejecute: pandoc {md} -o plan.docx"),
            format!("pandoc is not installed: plan.docx was not written. Install it (https://pandoc.org, or \"apt install pandoc\") and run: pandoc {md} -o plan.docx"),
        )
    }

    pub fn docx_failed(self, reason: impl Display) -> String {
        self.pick(
            format!("pandoc no pudo escribir plan.docx: {reason}"),
            format!("pandoc could not write plan.docx: {reason}"),
        )
    }
}

impl Lang {
    /// `taller new --group 9` when the workshop has no such group.
    pub fn unknown_group(self, named: &str, known: &str) -> String {
        self.pick(
            format!("no hay grupo «{named}»; los grupos son: {known}"),
            format!("there is no group \"{named}\"; the groups are: {known}"),
        )
    }

    /// The end of a group laptop's file name: "grupo3".
    pub fn group_file_suffix(self, number: u32) -> String {
        self.pick(format!("grupo{number}"), format!("group{number}"))
    }

    /// The header of a group laptop: "Computadora del grupo 3 · Soluciones…".
    pub fn group_laptop(self, number: u32, title: &str) -> String {
        self.pick(
            format!("Computadora del grupo {number} · {title}"),
            format!("Group {number} laptop · {title}"),
        )
    }

    /// A key that would leave the group, on a group laptop.
    pub fn group_laptop_stays(self, number: u32) -> String {
        self.pick(
            format!("Esta computadora es del grupo {number}: muestra solo ese grupo"),
            format!("This is group {number}'s laptop: it shows that group only"),
        )
    }

    /// `w`: where the session's file is (to copy it to the USB stick):
    /// the file's name first, which a narrow screen must not cut.
    pub fn key_where_file(self) -> &'static str {
        self.pick("dónde está el archivo", "where the file is")
    }
}

impl Lang {
    /// The start screen's prompt for a group laptop.
    pub fn group_prompt(self) -> &'static str {
        self.pick(
            " Computadora de grupo: número del grupo (1–5) o su eje ",
            " Group laptop: the group's number (1–5) or its axis ",
        )
    }

    pub fn key_new_group(self) -> &'static str {
        self.pick(
            "nueva sesión de una computadora de grupo",
            "new session for a group laptop",
        )
    }
}
