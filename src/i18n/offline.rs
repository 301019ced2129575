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
