//! Words of the agenda changed on the day (issue 15): the prompts, the
//! questions, the refusals and the help of the facilitator's agenda keys.
//! Kept apart from the big table so the two grow without conflicts.

use super::Lang;

impl Lang {
    pub fn refused_no_item(self) -> &'static str {
        self.pick(
            "Ese punto de la agenda ya no está (alguien lo quitó)",
            "That agenda item is no longer there (someone removed it)",
        )
    }

    pub fn refused_empty_title(self) -> &'static str {
        self.pick(
            "El título no puede quedar vacío",
            "The title cannot be empty",
        )
    }

    pub fn refused_last_group(self) -> &'static str {
        self.pick(
            "La jornada necesita al menos un grupo: este es el último",
            "The day needs at least one group: this is the last one",
        )
    }

    pub fn refused_group_has_inputs(self, count: usize) -> String {
        self.pick(
            format!(
                "El grupo tiene {}: diga a qué grupo pasan antes de eliminarlo",
                self.inputs(count)
            ),
            format!(
                "The group has {}: say which group they go to before removing it",
                self.inputs(count)
            ),
        )
    }
}
