//! Large, realistic sessions for benchmarks and load tests: Spanish inputs
//! of the length rapporteurs type, spread over the groups, with rosters and
//! clocks. Deterministic for a given seed.

use jiff::{SignedDuration, Timestamp};

use crate::i18n::Lang;
use crate::model::schedule::TimerId;
use crate::model::session::Session;
use crate::model::workshop::Workshop;

const OPENINGS: &[&str] = &[
    "Crear un mecanismo regional",
    "Establecer un protocolo común",
    "Fortalecer la cooperación entre fiscalías",
    "Definir estándares mínimos",
    "Promover el intercambio de información",
    "Diseñar un plan de formación permanente",
    "Elaborar lineamientos regionales",
    "Impulsar operaciones conjuntas",
    "Consolidar una red de puntos focales",
    "Revisar las políticas nacionales",
];
const SUBJECTS: &[&str] = &[
    "para la detección temprana del tráfico ilícito de migrantes",
    "sobre rutas y modos de operación de las redes criminales",
    "en materia de persecución penal a traficantes y delitos conexos",
    "para la protección de víctimas de crímenes asociados",
    "de alternativas a la detención administrativa",
    "para niñas, niños y adolescentes no acompañados",
    "con las autoridades migratorias y policiales de la región",
    "en coordinación con la Coalición Regional, sin duplicar esfuerzos",
];
const DETAILS: &[&str] = &[
    "con indicadores anuales reportados a la Secretaría Técnica",
    "que incluya a todos los países miembros de la CRM",
    "aprovechando las bases de datos compartidas existentes",
    "con acompañamiento técnico de la OIM y de la UNODC",
    "priorizando los pasos fronterizos del corredor migratorio",
    "mediante reuniones técnicas semestrales",
    "con enfoque de derechos humanos y de género",
    "y un mecanismo de seguimiento con plazos claros",
];

/// A deterministic pseudo-random sequence (no dependency for sample data).
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One input's text: one to three sentences, about 120 to 470 characters.
pub fn input_text(seed: u64) -> String {
    let mut seq = Sequence(seed);
    let sentences = 1 + seq.below(3);
    (0..sentences)
        .map(|_| {
            format!(
                "{} {} {}.",
                seq.pick(OPENINGS),
                seq.pick(SUBJECTS),
                seq.pick(DETAILS)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A session of the default workshop with `inputs` inputs spread over the
/// groups, rosters filled in, the opening done and the breakouts running.
pub fn session(inputs: usize, seed: u64) -> Session {
    let start = Timestamp::from_second(1_519_135_200).expect("a fixed, valid time");
    let workshop = Workshop::default_for(Lang::Es).expect("the embedded workshop parses");
    let mut session = Session::new("muestra", workshop, start);
    let groups = session.groups.len();
    for (g, group) in session.groups_mut().enumerate() {
        group.facilitator = format!("Facilitadora del eje {}", g + 1);
        group.rapporteur = format!("Relator del eje {}", g + 1);
    }
    for n in 0..inputs {
        let at = start + SignedDuration::from_secs(n as i64);
        session.add_input(n % groups, input_text(seed.wrapping_add(n as u64)), at);
    }
    let items: Vec<TimerId> = (0..session.workshop.opening.items.len())
        .filter_map(|i| session.item_clock(i))
        .collect();
    for (i, id) in items.iter().enumerate() {
        if let Some(timer) = session.timer_mut(id) {
            timer.start(start + SignedDuration::from_mins(15 * i as i64));
            timer.pause(start + SignedDuration::from_mins(15 * i as i64 + 14));
        }
    }
    let breakouts: Vec<TimerId> = session.breakout_clocks().collect();
    for id in &breakouts {
        if let Some(timer) = session.timer_mut(id) {
            timer.start(start + SignedDuration::from_mins(65));
        }
    }
    session
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_realistic_and_reproducible() {
        let s = session(500, 7);
        assert_eq!(s.input_count(), 500);
        assert!(s.groups.iter().all(|g| g.inputs.len() == 100));
        let lengths: Vec<usize> = s.groups[0]
            .inputs
            .iter()
            .map(|i| i.text.chars().count())
            .collect();
        assert!(
            lengths.iter().all(|n| (60..=600).contains(n)),
            "{lengths:?}"
        );
        assert_eq!(input_text(3), input_text(3));
        assert!(s.any_running());
    }
}
