//! Merging two edits of one text (`model::word_merge`), as a screen's
//! commit does on the host while others wait for the lock: the budget is
//! 1 ms at p99 for a text of 5,000 characters.
//! `cargo bench --bench word_merge`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use taller::model::word_merge::merge;
use taller::sample;

/// A text of at least 5,000 characters, and two edits of it: the
/// facilitator rewords its start and adds a sentence; the rapporteur fixes
/// a word in the middle and adds another. And an edit that overlaps the
/// first: another first word, the same sentence shorter.
fn texts() -> (String, String, String, String) {
    let mut base = String::new();
    let mut seed = 1;
    while base.chars().count() < 5_000 {
        if !base.is_empty() {
            base.push(if seed % 4 == 0 { '\n' } else { ' ' });
        }
        base.push_str(&sample::input_text(seed));
        seed += 1;
    }
    let middle = base.len() / 2;
    let space = middle + base[middle..].find(' ').expect("a space in the middle");
    let first = base.find(' ').expect("a space");
    let mut mine = format!("Ampliar{}", &base[first..]).replacen(' ', " muy ", 1);
    mine.push_str(" Con fondos propios desde el primer año.");
    let mut theirs = base.clone();
    theirs.insert_str(space, " regional");
    theirs.push_str("\nLiderada por los ministerios de cada país.");
    let mut overlapping = base.clone();
    overlapping.insert_str(space, " andina");
    let mut overlapping = format!("Reforzar{}", &overlapping[first..]);
    overlapping.push_str(" Con fondos propios.");
    (base, mine, theirs, overlapping)
}

fn word_merge(c: &mut Criterion) {
    let (base, mine, theirs, overlapping) = texts();
    let mut group = c.benchmark_group("word_merge_5000_chars");
    group.bench_function("two_edits_apart", |b| {
        b.iter(|| merge(black_box(&base), black_box(&mine), black_box(&theirs)).text("es"))
    });
    group.bench_function("two_edits_overlapping", |b| {
        b.iter(|| merge(black_box(&base), black_box(&mine), black_box(&overlapping)).text("es"))
    });
    group.finish();
}

/// p50 and p99 over many merges, as the budget is stated.
fn word_merge_percentiles(_: &mut Criterion) {
    let (base, mine, theirs, overlapping) = texts();
    assert!(!merge(&base, &mine, &theirs).overlapped());
    assert!(merge(&base, &mine, &overlapping).overlapped());
    for (what, other) in [("apart", &theirs), ("overlapping", &overlapping)] {
        let mut samples: Vec<Duration> = (0..3_000)
            .map(|_| {
                let started = Instant::now();
                black_box(merge(black_box(&base), black_box(&mine), black_box(other)).text("es"));
                started.elapsed()
            })
            .collect();
        samples.sort();
        let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
        println!(
            "word merge of two edits {what}, {} characters: p50 {:?}, p99 {:?}, max {:?} over {}",
            base.chars().count(),
            at(0.50),
            at(0.99),
            samples[samples.len() - 1],
            samples.len()
        );
    }
}

criterion_group!(benches, word_merge_percentiles, word_merge);
criterion_main!(benches);
