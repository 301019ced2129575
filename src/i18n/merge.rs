//! Words of two people's edits of one text merged (issue 21): told to
//! the person who kept last and to the one whose words were overlapped.
//! Kept apart from the big table so the two grow without conflicts.

use super::Lang;
use crate::model::patch::TextField;

impl Lang {
    /// "Insumo 2.3 (texto)": which text of which input.
    pub fn input_field(self, number: &str, field: TextField) -> String {
        let field = match field {
            TextField::Text => self.pick("texto", "text"),
            TextField::Observations => self.pick("observaciones", "observations"),
        };
        self.pick(
            format!("Insumo {number} ({field})"),
            format!("Input {number} ({field})"),
        )
    }

    /// "Participantes de «Eje 2»": the list of a group.
    pub fn participants_of(self, group: &str) -> String {
        self.pick(
            format!("Participantes de «{group}»"),
            format!("Participants of \"{group}\""),
        )
    }

    /// "Relator/a de «Eje 2»": a name of a group's roster.
    pub fn roster_of(self, role: crate::model::session::Role, group: &str) -> String {
        use crate::model::session::Role;
        match role {
            Role::Facilitator => self.pick(
                format!("Facilitador/a de «{group}»"),
                format!("Facilitator of \"{group}\""),
            ),
            Role::Rapporteur => self.pick(
                format!("Relator/a de «{group}»"),
                format!("Rapporteur of \"{group}\""),
            ),
        }
    }

    /// Your edit of `what` met changes someone made meanwhile, elsewhere in it.
    pub fn merged_with_others(self, what: &str) -> String {
        self.pick(
            format!(
                "{what}: otra persona lo cambió mientras usted escribía; se guardan los cambios de ambos"
            ),
            format!("{what}: someone else changed it while you typed; both your changes are kept"),
        )
    }

    /// Your edit and someone else's changed the same words.
    pub fn overlapped_yours_kept(self, what: &str) -> String {
        self.pick(
            format!(
                "{what}: otra persona cambió las mismas palabras mientras usted escribía; quedan las suyas y, marcadas «⟦otra versión: …⟧», las de la otra persona. Revíselo"
            ),
            format!(
                "{what}: someone else changed the same words while you typed; yours stay and theirs follow, marked \"⟦other version: …⟧\". Please check it"
            ),
        )
    }

    /// Someone else's edit changed the same words as yours.
    pub fn overlapped_yours_marked(self, what: &str) -> String {
        self.pick(
            format!(
                "{what}: otra persona cambió las mismas palabras que usted; quedan las suyas y las de usted siguen, marcadas «⟦otra versión: …⟧». Revíselo"
            ),
            format!(
                "{what}: someone else changed the same words as you; theirs stay and yours follow, marked \"⟦other version: …⟧\". Please check it"
            ),
        )
    }
}
