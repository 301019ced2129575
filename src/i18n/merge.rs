//! Words of two people's edits of one text merged (issue 21): told to
//! the person who kept last and to the one whose words were overlapped.
//! Kept apart from the big table so the two grow without conflicts.

use super::Lang;
use crate::model::patch::TextField;

impl Lang {
    fn text_field(self, field: TextField) -> &'static str {
        match field {
            TextField::Text => self.pick("texto", "text"),
            TextField::Observations => self.pick("observaciones", "observations"),
        }
    }

    /// Your edit met changes someone made meanwhile, in other words.
    pub fn merged_with_others(self, number: &str, field: TextField) -> String {
        let field = self.text_field(field);
        self.pick(
            format!(
                "Insumo {number} ({field}): otra persona lo cambió mientras usted escribía; se guardan los cambios de ambos"
            ),
            format!(
                "Input {number} ({field}): someone else changed it while you typed; both your changes are kept"
            ),
        )
    }

    /// Your edit and someone else's changed the same words.
    pub fn overlapped_yours_kept(self, number: &str, field: TextField) -> String {
        let field = self.text_field(field);
        self.pick(
            format!(
                "Insumo {number} ({field}): otra persona cambió las mismas palabras mientras usted escribía; quedan las suyas y, marcadas «⟦otra versión: …⟧», las de la otra persona. Revíselo"
            ),
            format!(
                "Input {number} ({field}): someone else changed the same words while you typed; yours stay and theirs follow, marked \"⟦other version: …⟧\". Please check it"
            ),
        )
    }

    /// Someone else's edit changed the same words as yours.
    pub fn overlapped_yours_marked(self, number: &str, field: TextField) -> String {
        let field = self.text_field(field);
        self.pick(
            format!(
                "Insumo {number} ({field}): otra persona cambió las mismas palabras que usted; quedan las suyas y las de usted siguen, marcadas «⟦otra versión: …⟧». Revíselo"
            ),
            format!(
                "Input {number} ({field}): someone else changed the same words as you; theirs stay and yours follow, marked \"⟦other version: …⟧\". Please check it"
            ),
        )
    }
}
