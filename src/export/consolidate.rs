//! Many session files of one workshop (one per laptop, say) made into one:
//! every input once, under its axis, with where it came from, and possible
//! duplicates across groups flagged, never merged. The result does not
//! depend on the order of the files.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::i18n::Lang;
use crate::model::input::Origin;
use crate::model::session::{Participant, Session};
use crate::model::similar::{self, Place};

pub struct Consolidation {
    pub session: Session,
    /// Where each consolidated input came from: its file and group.
    pub origins: HashMap<Uuid, Origin>,
    pub duplicates: HashMap<Uuid, Place>,
    /// Whether any file carries decisions of the plenary (verdicts,
    /// observations, votes). Without them the plan cannot say what was
    /// agreed: the plenary's own session is missing.
    pub decisions: bool,
    /// The file whose schedule the plan shows: the one that ran the plenary.
    pub schedule_from: String,
    /// Made from the served session itself (`ssh … plan`): it is the
    /// plenary's session, so the plan never asks to pass it as well.
    pub live: bool,
}

/// Why the files cannot be consolidated, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    Nothing,
    OtherWorkshop {
        file: String,
        workshop: String,
        expected: String,
    },
}

impl MergeError {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            MergeError::Nothing => lang.t().nothing_to_consolidate.to_string(),
            MergeError::OtherWorkshop {
                file,
                workshop,
                expected,
            } => lang.other_workshop(file, workshop, expected),
        }
    }
}

/// Merges sessions of one workshop with the one rule of `model::merge`:
/// each input once (the copy changed last wins, part by part), deletions
/// dropped, the plenary's say, rosters and clocks each from where they
/// changed last. The workshop and the schedule come from the file that ran
/// the plenary (the newest file when none did).
pub fn merge(sources: Vec<(String, Session)>) -> Result<Consolidation, MergeError> {
    merge_at(sources, jiff::Timestamp::now())
}

/// `merge` as this machine's clock reads `now`: a time ahead of it does
/// not win (see `model::merge`).
pub fn merge_at(
    mut sources: Vec<(String, Session)>,
    now: jiff::Timestamp,
) -> Result<Consolidation, MergeError> {
    // A fixed order first, so nothing below depends on the order given.
    sources.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.updated_at.cmp(&a.1.updated_at))
            .then_with(|| store_order(&a.1).cmp(&store_order(&b.1)))
    });
    let (_, base) = sources.first().ok_or(MergeError::Nothing)?;
    let expected = base.workshop.id.clone();
    for (file, session) in &sources {
        if session.workshop.id != expected {
            return Err(MergeError::OtherWorkshop {
                file: file.clone(),
                workshop: session.workshop.id.clone(),
                expected,
            });
        }
    }
    // A group laptop's file is never the plenary's, whatever it claims
    // (issue 20: `consolidate` took a group's file for the plenary's).
    let newest = sources
        .iter()
        .max_by_key(|(file, session)| (session.only_group.is_none(), recency(file, session)))
        .unwrap_or(&sources[0]);
    // The plenary's file: where the room last decided or timed a report-back.
    let plenary = sources
        .iter()
        .filter(|(_, s)| s.only_group.is_none())
        .filter_map(|(file, s)| {
            s.plenary_activity()
                .map(|at| (at, std::cmp::Reverse(file), s))
        })
        .max_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)))
        .map(|(_, std::cmp::Reverse(file), s)| (file.clone(), s));
    let (schedule_from, speaker) = match &plenary {
        Some((file, s)) => (file.clone(), *s),
        None => (newest.0.clone(), &newest.1),
    };
    let mut merged = Session::new("consolidado", speaker.workshop.clone(), speaker.updated_at);
    merged.created_at = sources
        .iter()
        .map(|(_, s)| s.created_at)
        .min()
        .unwrap_or(speaker.created_at);
    merged.schedule = speaker.schedule.clone();
    merged.details = speaker.details.clone();
    // The polls run in the plenary's file, as they were: no other file
    // brings any (see `model::merge`).
    merged.polls = speaker.polls.clone();
    merged.poll_log = speaker.poll_log.clone();
    let place_in_newest = places_in_newest_groups(&sources);
    let mut decisions = false;
    for (file, session) in &sources {
        let report = crate::model::merge::merge_into(&mut merged, session, file, now);
        decisions |= report.brought_decisions;
    }
    merged.updated_at = sources
        .iter()
        .map(|(_, s)| s.updated_at)
        .max()
        .unwrap_or(merged.updated_at);
    merged.invited_countries.sort();
    merged.invited_countries.dedup();

    // Each group's order as the plenary's session has it, so every number
    // the room heard stays; the inputs it lacks after, in the order of
    // their group's newest copy, then by place (issue 20, item 5).
    let heard: HashMap<Uuid, usize> = plenary
        .iter()
        .flat_map(|(_, s)| &s.groups)
        .flat_map(|g| g.inputs.iter().enumerate().map(|(i, input)| (input.id, i)))
        .collect();
    for group in merged.groups_mut() {
        let mut keyed: Vec<_> = std::mem::take(&mut group.inputs)
            .into_iter()
            .enumerate()
            .map(|(index, input)| {
                let heard = heard.get(&input.id).copied();
                let newest = place_in_newest.get(&input.id).copied();
                (
                    (
                        heard.is_none(),
                        heard.unwrap_or(0),
                        newest.is_none(),
                        newest.unwrap_or(index),
                        input.created_at,
                        input.id,
                    ),
                    input,
                )
            })
            .collect();
        keyed.sort_by_key(|a| a.0);
        group.inputs = keyed.into_iter().map(|(_, input)| input).collect();
        group
            .participants
            .sort_by(|a: &Participant, b: &Participant| {
                (&a.name, &a.country).cmp(&(&b.name, &b.country))
            });
    }
    let origins = merged
        .groups
        .iter()
        .flat_map(|g| {
            g.inputs.iter().map(|input| {
                let origin = input.origin.as_ref().map_or_else(
                    || Origin {
                        file: String::new(),
                        axis: g.axis.clone(),
                    },
                    |o| Origin {
                        file: o.file.clone(),
                        axis: o.axis.clone(),
                    },
                );
                (input.id, origin)
            })
        })
        .collect();
    let duplicates = similar::duplicates(&merged);
    Ok(Consolidation {
        session: merged,
        origins,
        duplicates,
        decisions,
        schedule_from,
        live: false,
    })
}

/// Two copies of one file name (the same file given twice, or one file of
/// two sticks) sort by their content, so which comes first never depends
/// on the order given.
fn store_order(session: &Session) -> Vec<u8> {
    crate::store::to_json(session)
}

/// Which of two files is newer: the later save, then the first by name.
fn recency<'a>(file: &'a str, session: &Session) -> (jiff::Timestamp, std::cmp::Reverse<&'a str>) {
    (session.updated_at, std::cmp::Reverse(file))
}

/// Each input's place in the newest copy of its group (newest file, then
/// first by name): a rapporteur's reordering there is the order.
fn places_in_newest_groups(sources: &[(String, Session)]) -> HashMap<Uuid, usize> {
    let mut newest: BTreeMap<&str, (&Session, &String)> = BTreeMap::new();
    for (file, session) in sources {
        // A group laptop's file speaks only for its own group.
        let own = |axis: &str| session.only_group.as_deref().is_none_or(|own| own == axis);
        for group in session.groups.iter().filter(|g| own(&g.axis)) {
            let newer = newest
                .get(group.axis.as_str())
                .is_none_or(|(kept, kept_file)| recency(file, session) > recency(kept_file, kept));
            if newer {
                newest.insert(group.axis.as_str(), (session, file));
            }
        }
    }
    newest
        .iter()
        .filter_map(|(axis, (session, _))| session.groups.iter().find(|g| g.axis == *axis))
        .flat_map(|g| g.inputs.iter().enumerate().map(|(i, input)| (input.id, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::places::opening;
    use crate::model::session::Input;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + s).unwrap()
    }

    fn group_session(group: usize, texts: &[&str], when: i64) -> Session {
        let mut s = Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), at(when));
        for (n, text) in texts.iter().enumerate() {
            s.add_input(group, text.to_string(), at(when + n as i64));
        }
        s.group_mut(group).unwrap().rapporteur = format!("Relator {group}");
        s
    }

    fn all_texts(c: &Consolidation) -> Vec<Vec<String>> {
        c.session
            .groups
            .iter()
            .map(|g| g.inputs.iter().map(|i| i.text.clone()).collect())
            .collect()
    }

    #[test]
    fn inputs_of_every_file_land_under_their_axis_once_in_any_order() {
        let a = group_session(
            0,
            &["plataforma regional de información", "protocolo común"],
            0,
        );
        let b = group_session(3, &["regularización migratoria"], 100);
        let c = group_session(4, &["campaña de prevención"], 200);
        let files = [("a.json", a), ("b.json", b), ("c.json", c)];
        let forward = merge(
            files
                .iter()
                .map(|(f, s)| (f.to_string(), s.clone()))
                .collect(),
        )
        .unwrap();
        let backward = merge(
            files
                .iter()
                .rev()
                .map(|(f, s)| (f.to_string(), s.clone()))
                .collect(),
        )
        .unwrap();
        assert_eq!(
            all_texts(&forward),
            all_texts(&backward),
            "order independent"
        );
        assert_eq!(forward.session.groups[0].inputs.len(), 2);
        assert_eq!(
            forward.session.groups[3].inputs[0].text,
            "regularización migratoria"
        );
        assert_eq!(forward.session.groups[3].rapporteur, "Relator 3");
        let id = forward.session.groups[4].inputs[0].id;
        assert_eq!(
            forward.origins[&id],
            Origin {
                file: "c.json".into(),
                axis: "prevencion".into()
            }
        );
    }

    #[test]
    fn a_file_with_itself_gives_it_once_and_the_latest_edit_wins() {
        let a = group_session(1, &["operaciones conjuntas"], 0);
        let mut edited = a.clone();
        let id = edited.groups[1].inputs[0].id;
        edited.edit_input(1, id, "operaciones conjuntas trimestrales".into(), at(500));
        let merged = merge(vec![
            ("a.json".into(), a.clone()),
            ("a-copia.json".into(), edited),
            ("a.json".into(), a),
        ])
        .unwrap();
        assert_eq!(merged.session.input_count(), 1);
        assert_eq!(
            merged.session.groups[1].inputs[0].text,
            "operaciones conjuntas trimestrales"
        );
    }

    #[test]
    fn the_plenary_verdict_survives_a_later_text_edit_elsewhere() {
        let a = group_session(1, &["operaciones conjuntas"], 0);
        let id = a.groups[1].inputs[0].id;
        let mut in_room = a.clone();
        let mut edited = Input::clone(&in_room.groups[1].inputs[0]);
        edited.plenary.status = Some(crate::model::input::Status::Agreed);
        edited.plenary.votes = 7;
        in_room.replace_input(1, &edited, at(100));
        let mut at_desk = a.clone();
        at_desk.edit_input(1, id, "operaciones conjuntas semestrales".into(), at(200));
        for files in [
            vec![
                ("sala.json".into(), in_room.clone()),
                ("mesa.json".into(), at_desk.clone()),
            ],
            vec![("mesa.json".into(), at_desk), ("sala.json".into(), in_room)],
        ] {
            let merged = merge(files).unwrap();
            let input = &merged.session.groups[1].inputs[0];
            assert_eq!(input.text, "operaciones conjuntas semestrales");
            assert_eq!(input.plenary.votes, 7);
            assert_eq!(
                input.plenary.status,
                Some(crate::model::input::Status::Agreed)
            );
        }
    }

    #[test]
    fn a_reordering_on_the_newest_copy_is_the_order() {
        let original = group_session(0, &["A", "B", "C"], 0);
        let mut reordered = original.clone();
        let c = reordered.groups[0].inputs[2].id;
        reordered.move_input(0, c, 0, 0, at(500));
        for files in [
            vec![
                ("a.json".into(), original.clone()),
                ("b.json".into(), reordered.clone()),
            ],
            vec![
                ("b.json".into(), reordered.clone()),
                ("a.json".into(), original.clone()),
            ],
        ] {
            assert_eq!(all_texts(&merge(files).unwrap())[0], ["C", "A", "B"]);
        }
    }

    /// Issue 20, item 5: the plan renumbered what the room had heard when
    /// a later copy listed a group in another order. With the plenary's
    /// session among the files, its order is the order.
    #[test]
    fn the_plenarys_order_is_the_order_whatever_a_later_copy_says() {
        let mut room = group_session(0, &["A", "B", "C"], 0);
        let mut voted = Input::clone(&room.groups[0].inputs[1]);
        voted.plenary.votes = 4;
        room.replace_input(0, &voted, at(100));
        let mut later = room.clone();
        let c = later.groups[0].inputs[2].id;
        later.move_input(0, c, 0, 0, at(500));
        later.add_input(0, "D".into(), at(501));
        // The room voted last: it is the plenary's session.
        voted.plenary.votes = 5;
        room.replace_input(0, &voted, at(600));
        later.updated_at = at(900);
        let files = vec![("sala.json".into(), room), ("copia.json".into(), later)];
        assert_eq!(all_texts(&merge(files).unwrap())[0], ["A", "B", "C", "D"]);
    }

    #[test]
    fn clocks_that_never_ran_keep_the_newest_planned_minutes() {
        let mut old = group_session(0, &["x"], 0);
        old.timer_mut(&opening(0));
        let mut new = old.clone();
        new.set_planned_minutes(&opening(0), 55);
        new.updated_at = at(900);
        // "a.json" sorts first: the tie must not go to it.
        let merged = merge(vec![("b.json".into(), new), ("a.json".into(), old)]).unwrap();
        assert_eq!(merged.session.timer(&opening(0)).planned_secs, 55 * 60);
    }

    /// Issue 20, item 24: `consolidate` took a group laptop's file for the
    /// plenary's (it had the latest "verdict"), so the plan showed that
    /// file's schedule and its forged decision.
    #[test]
    fn a_group_laptops_file_is_never_the_plenarys() {
        use crate::model::input::Status;
        let mut room = group_session(2, &["protocolo común", "campaña"], 0);
        let id = room.groups[2].inputs[0].id;
        let mut voted = Input::clone(&room.groups[2].inputs[0]);
        voted.plenary.status = Some(Status::Agreed);
        voted.plenary.votes = 7;
        room.replace_input(2, &voted, at(100));
        let mut laptop = room.clone();
        laptop.only_group = Some(laptop.groups[2].axis.clone());
        let mut forged = voted.clone();
        forged.plenary.status = Some(Status::Dropped);
        forged.plenary.votes = 0;
        laptop.replace_input(2, &forged, at(500));
        laptop.add_input(2, "nuevo del grupo".into(), at(501));
        for files in [
            vec![
                ("sala.json".to_string(), room.clone()),
                ("a-grupo3.json".to_string(), laptop.clone()),
            ],
            vec![
                ("a-grupo3.json".to_string(), laptop.clone()),
                ("sala.json".to_string(), room.clone()),
            ],
        ] {
            let merged = merge(files).unwrap();
            assert_eq!(merged.schedule_from, "sala.json");
            let input = merged.session.groups[2]
                .inputs
                .iter()
                .find(|i| i.id == id)
                .unwrap();
            assert_eq!(input.plenary.status, Some(Status::Agreed));
            assert_eq!(input.plenary.votes, 7);
            // The room's numbers stay; the laptop's new input comes last.
            assert_eq!(
                all_texts(&merged)[2],
                ["protocolo común", "campaña", "nuevo del grupo"]
            );
        }
    }

    #[test]
    fn another_workshop_is_refused_by_name() {
        let a = group_session(0, &["x"], 0);
        let mut other = group_session(0, &["y"], 0);
        other.workshop.id = "otro-taller".into();
        let error = merge(vec![("a.json".into(), a), ("otro.json".into(), other)])
            .err()
            .unwrap();
        assert!(error.describe(Lang::Es).contains("otro.json"));
    }

    #[test]
    fn duplicates_across_groups_are_flagged_not_merged() {
        let a = group_session(
            0,
            &["Crear una plataforma regional de intercambio de información entre fiscalías"],
            0,
        );
        let b = group_session(
            2,
            &["crear una plataforma regional para el intercambio de información entre fiscalías"],
            50,
        );
        let merged = merge(vec![("a.json".into(), a), ("b.json".into(), b)]).unwrap();
        assert_eq!(merged.session.input_count(), 2, "both kept");
        assert_eq!(merged.duplicates.len(), 2, "each points to the other");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Inputs as (id seed, text seed, edit second): ids repeat across
        /// files on purpose, as when a file was copied between laptops.
        fn files() -> impl Strategy<Value = Vec<Vec<(u8, u8, i64)>>> {
            prop::collection::vec(
                prop::collection::vec((0u8..12, 0u8..6, 0i64..50), 0..8),
                1..5,
            )
        }

        fn build(files: &[Vec<(u8, u8, i64)>]) -> Vec<(String, Session)> {
            const TEXTS: [&str; 6] = [
                "plataforma regional de intercambio de información",
                "plataforma regional para intercambio de información",
                "protocolo común de detección",
                "campaña de prevención en el corredor",
                "alternativas a la detención",
                "regularización migratoria",
            ];
            files
                .iter()
                .enumerate()
                .map(|(n, inputs)| {
                    let mut s = Session::new("p", Workshop::default_for(Lang::Es).unwrap(), at(0));
                    for (id, text, second) in inputs {
                        // One id always lives in one group, whatever the file.
                        let group = *id as usize % 5;
                        let input = Input {
                            id: Uuid::from_u128(u128::from(*id) + 1),
                            text: TEXTS[*text as usize].to_string(),
                            created_at: at(i64::from(*id)),
                            updated_at: at(*second),
                            kind: Default::default(),
                            action: Default::default(),
                            plenary: Default::default(),
                            origin: None,
                            import_base: None,
                        };
                        let g = s.group_mut(group).unwrap();
                        if !g.inputs.iter().any(|i| i.id == input.id) {
                            g.inputs.push(std::sync::Arc::new(input));
                        }
                    }
                    (format!("sala-{n}.json"), s)
                })
                .collect()
        }

        fn shape(c: &Consolidation) -> Vec<Vec<(Uuid, String)>> {
            c.session
                .groups
                .iter()
                .map(|g| g.inputs.iter().map(|i| (i.id, i.text.clone())).collect())
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn the_order_of_the_files_does_not_matter(files in files()) {
                let sessions = build(&files);
                let forward = merge(sessions.clone()).unwrap();
                let mut reversed = sessions;
                reversed.reverse();
                prop_assert_eq!(shape(&forward), shape(&merge(reversed).unwrap()));
            }

            #[test]
            fn a_file_twice_is_the_file_once(files in files()) {
                let sessions = build(&files);
                let once = merge(sessions.clone()).unwrap();
                let twice = merge(sessions.iter().chain(sessions.iter()).cloned().collect()).unwrap();
                prop_assert_eq!(shape(&once), shape(&twice));
            }

            #[test]
            fn every_input_is_there_exactly_once(files in files()) {
                let sessions = build(&files);
                let merged = merge(sessions.clone()).unwrap();
                let ids: Vec<Uuid> = merged.session.groups.iter().flat_map(|g| g.inputs.iter().map(|i| i.id)).collect();
                let unique: std::collections::BTreeSet<Uuid> = ids.iter().copied().collect();
                prop_assert_eq!(ids.len(), unique.len(), "no input twice");
                for (_, s) in &sessions {
                    for g in &s.groups {
                        for i in &g.inputs {
                            prop_assert!(unique.contains(&i.id), "input lost");
                        }
                    }
                }
                // A flagged duplicate always points at an input that is there.
                for place in merged.duplicates.values() {
                    prop_assert!(unique.contains(&place.id));
                }
            }
        }
    }
}
