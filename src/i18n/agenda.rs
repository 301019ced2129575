//! Words of the agenda changed on the day (issue 15): the prompts, the
//! questions, the refusals and the help of the facilitator's agenda keys.
//! Kept apart from the big table so the two grow without conflicts.

use super::Lang;
use crate::model::workshop::ItemKind;

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

    pub fn refused_last_item(self) -> &'static str {
        self.pick(
            "La agenda necesita al menos un punto: este es el último",
            "The agenda needs at least one item: this is the last one",
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

    /// The title a new break is offered with.
    pub fn break_title(self) -> &'static str {
        self.pick("Pausa", "Break")
    }

    pub fn new_item_title(self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Item => self.pick(
                " Nuevo punto de la agenda: título ",
                " New agenda item: title ",
            ),
            ItemKind::Break | ItemKind::Lunch => {
                self.pick(" Nueva pausa: título ", " New break: title ")
            }
        }
    }

    pub fn item_title_prompt(self, n: usize) -> String {
        self.pick(
            format!(" Título del punto {n} "),
            format!(" Title of item {n} "),
        )
    }

    pub fn new_group_title(self) -> &'static str {
        self.pick(" Nuevo grupo: nombre ", " New group: name ")
    }

    pub fn group_title_prompt(self, n: usize) -> String {
        self.pick(
            format!(" Nombre del grupo {n} "),
            format!(" Name of group {n} "),
        )
    }

    /// Finishing an editor or form was refused (`reason`): the words stay.
    pub fn refused_text_stays(self, reason: &str) -> String {
        self.pick(
            format!("{reason} · su texto sigue aquí: Esc otra vez lo guarda como borrador"),
            format!("{reason} · your text is still here: Esc again keeps it as a draft"),
        )
    }

    /// Words left in an editor that could not be kept, saved for the person.
    pub fn draft_kept(self) -> &'static str {
        self.pick(
            "Su texto queda guardado como borrador: pulse a en un grupo donde pueda escribir y vuelve al editor",
            "Your text is kept as a draft: press a in a group you may write to and it comes back in the editor",
        )
    }

    /// The words of a person who may write in no group any more (their
    /// group removed), shown so they can copy them.
    pub fn draft_kept_nowhere(self, text: &str) -> String {
        let text = text.replace('\n', " / ");
        self.pick(
            format!(
                "Su grupo ya no está y no puede escribir en otro; su texto, para copiarlo: «{text}»"
            ),
            format!(
                "Your group is gone and you may write in no other; your text, to copy it: «{text}»"
            ),
        )
    }

    pub fn draft_back(self) -> &'static str {
        self.pick(
            "Su borrador guardado vuelve al editor",
            "Your kept draft is back in the editor",
        )
    }

    /// Said when a prompt's item or group was removed by someone meanwhile.
    pub fn prompt_gone(self) -> &'static str {
        self.pick(" (ya no está en la agenda) ", " (no longer on the agenda) ")
    }

    pub fn group_added(self, short: &str) -> String {
        self.pick(
            format!("Grupo añadido · nombre corto: {short}"),
            format!("Group added · short name: {short}"),
        )
    }

    pub fn item_removed(self, title: &str) -> String {
        self.pick(
            format!("Quitado: {title} · u lo devuelve"),
            format!("Removed: {title} · u brings it back"),
        )
    }

    /// `into`: the number of the group the inputs went to.
    pub fn group_removed(self, title: &str, inputs: usize, into: Option<usize>) -> String {
        match into {
            Some(into) => self.pick(
                format!(
                    "Grupo eliminado; {} al grupo {into} · u lo devuelve",
                    self.inputs(inputs)
                ),
                format!(
                    "Group removed; {} to group {into} · u brings it back",
                    self.inputs(inputs)
                ),
            ),
            None => self.pick(
                format!("Grupo eliminado: {title} · u lo devuelve"),
                format!("Group removed: {title} · u brings it back"),
            ),
        }
    }

    pub fn confirm_remove_item(self) -> &'static str {
        self.pick(
            "¿Quitar este punto de la agenda? Su reloj se detiene; u lo devuelve con su tiempo.",
            "Take this item off the agenda? Its clock stops; u brings it back with its time.",
        )
    }

    pub fn confirm_remove_group(self) -> &'static str {
        self.pick(
            "¿Eliminar este grupo? Su reloj se detiene; u lo devuelve.",
            "Remove this group? Its clock stops; u brings it back.",
        )
    }

    /// The question for a group with inputs: they go to another group,
    /// named below it.
    pub fn remove_group_into(self, title: &str, inputs: usize) -> String {
        self.pick(
            format!("¿Eliminar el grupo «{title}»? Sus insumos ({inputs}) pasan al grupo:"),
            format!("Remove the group \"{title}\"? Its inputs ({inputs}) go to the group:"),
        )
    }

    pub fn remove_group_keys(self) -> &'static str {
        self.pick(
            "← →: elige el grupo · s / Enter: eliminar · n / Esc: no",
            "← →: choose the group · y / Enter: remove · n / Esc: no",
        )
    }

    pub fn key_add_item(self) -> &'static str {
        self.pick(
            "añadir un punto tras el seleccionado (título y minutos)",
            "add an item after the selected one (title, minutes)",
        )
    }

    pub fn key_add_break(self) -> &'static str {
        self.pick(
            "añadir una pausa tras el seleccionado",
            "add a break after the selected one",
        )
    }

    pub fn key_rename_item(self) -> &'static str {
        self.pick("cambiar el título del punto", "rename the item")
    }

    pub fn key_move_item(self) -> &'static str {
        self.pick(
            "subir / bajar el punto en la agenda",
            "move the item up / down the agenda",
        )
    }

    pub fn key_remove_item(self) -> &'static str {
        self.pick(
            "quitar el punto de la agenda (pregunta antes)",
            "take the item off the agenda (asks first)",
        )
    }

    pub fn key_add_group(self) -> &'static str {
        self.pick("añadir un grupo (su nombre)", "add a group (its name)")
    }

    pub fn key_rename_group(self) -> &'static str {
        self.pick("cambiar el nombre del grupo", "rename the group")
    }

    pub fn key_remove_group(self) -> &'static str {
        self.pick(
            "eliminar el grupo (pregunta antes; sus insumos pasan a otro)",
            "remove the group (asks first; its inputs go to another)",
        )
    }
}
