//! Possible duplicates: inputs whose words largely overlap, in any group.
//! Compared through an index of word shingles, so the work grows with the
//! number of inputs, not with the number of pairs.

use std::collections::HashMap;

use uuid::Uuid;

use super::session::Session;

/// Two inputs sharing at least this share of their shingles are flagged.
pub const THRESHOLD: f64 = 0.5;
/// A shingle found in more inputs than this says nothing (it is common
/// wording); it is left out of the comparison.
const COMMON: usize = 50;

/// Where an input stands: its group and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    pub group: usize,
    pub id: Uuid,
}

/// For each input that has one, its most similar other input.
pub fn duplicates(session: &Session) -> HashMap<Uuid, Place> {
    let inputs: Vec<(Place, Vec<u64>)> = session
        .groups
        .iter()
        .enumerate()
        .flat_map(|(group, g)| {
            g.inputs
                .iter()
                .map(move |i| (Place { group, id: i.id }, shingles(&i.text)))
        })
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (n, (_, shingles)) in inputs.iter().enumerate() {
        for s in shingles {
            index.entry(*s).or_default().push(n);
        }
    }
    let mut found = HashMap::new();
    for (n, (place, shingles)) in inputs.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for s in shingles {
            let holders = &index[s];
            if holders.len() > COMMON {
                continue;
            }
            for &other in holders {
                if other != n {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let best = shared
            .into_iter()
            .map(|(other, common)| {
                let union = shingles.len() + inputs[other].1.len() - common;
                (other, common as f64 / union.max(1) as f64)
            })
            .filter(|(_, score)| *score >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((other, _)) = best {
            found.insert(place.id, inputs[other].0);
        }
    }
    found
}

/// Words (lowercase, without accents) and pairs of neighbouring words, hashed.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(fold)
        .collect();
    let mut out: Vec<u64> = words.iter().map(|w| hash(w)).collect();
    out.extend(
        words
            .windows(2)
            .map(|pair| hash(&format!("{} {}", pair[0], pair[1]))),
    );
    out.sort_unstable();
    out.dedup();
    out
}

fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

fn hash(text: &str) -> u64 {
    // FNV-1a: stable across runs and platforms, enough for shingles.
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    #[test]
    fn near_repeats_across_groups_are_found_and_different_texts_are_not() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("dup", Workshop::default_for("es").unwrap(), now);
        let a = s
            .add_input(
                0,
                "Crear una plataforma regional de intercambio de información entre fiscalías"
                    .into(),
                now,
            )
            .unwrap();
        let b = s
            .add_input(
                3,
                "crear UNA plataforma regional para intercambio de informacion entre las fiscalias"
                    .into(),
                now,
            )
            .unwrap();
        let c = s
            .add_input(
                1,
                "Campaña de prevención en las rutas del corredor migratorio".into(),
                now,
            )
            .unwrap();
        let found = duplicates(&s);
        assert_eq!(found.get(&a), Some(&Place { group: 3, id: b }));
        assert_eq!(found.get(&b), Some(&Place { group: 0, id: a }));
        assert!(!found.contains_key(&c));
    }
}
