//! Why a role's change is refused (issue 20, item 14): the person reads
//! whose the change is, not only that it is not theirs.

use super::Lang;
use crate::session::Why;

impl Lang {
    pub fn refused_because(self, why: Why) -> &'static str {
        match why {
            Why::Clock => self.pick(
                "Los relojes los lleva la facilitación",
                "The clocks are the facilitator's",
            ),
            Why::Schedule => self.pick(
                "La hora de inicio y la campana las lleva la facilitación",
                "The start time and the bell are the facilitator's",
            ),
            Why::RoomMessage => self.pick(
                "El mensaje a la sala lo pone la facilitación",
                "The message to the room is the facilitator's",
            ),
            Why::Import => self.pick(
                "Importar un archivo lo hace la facilitación",
                "Importing a file is the facilitator's",
            ),
            Why::Agenda => self.pick(
                "La agenda y los grupos los cambia la facilitación",
                "The agenda and the groups are the facilitator's",
            ),
            Why::Verdict => self.pick(
                "Estado, observaciones y votos los decide la plenaria",
                "Status, observations and votes are the plenary's",
            ),
            Why::OtherGroup => self.pick(
                "Eso es de otro grupo: usted cambia solo el suyo",
                "That is another group's: you change only yours",
            ),
            Why::MoveToOtherGroup => self.pick(
                "Pasar un insumo a otro grupo lo hace la facilitación",
                "Moving an input to another group is the facilitator's",
            ),
            Why::GroupGone => self.group_gone(),
            Why::ScreenOnly => self.pick(
                "Esta pantalla solo muestra la sesión",
                "This screen only shows the session",
            ),
        }
    }

    /// A rapporteur whose group the facilitator removed, told when it happens.
    pub fn group_gone(self) -> &'static str {
        self.pick(
            "La facilitación quitó su grupo de esta sesión",
            "The facilitator removed your group from this session",
        )
    }
}
