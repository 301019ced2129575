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
    pub nothing_here: &'static str,
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
    nothing_here: "Sin insumos.",
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
    nothing_here: "No inputs.",
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
