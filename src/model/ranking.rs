//! Where a ranking is cut: the room sees the first few by votes, and an
//! input with as many votes as the last one shown is shown too (issue 20:
//! 4.1 with 10 votes was dropped while 2.2 with 10 was shown).

/// The first `at_least` of `ranked` (most votes first), and every one
/// after them with as many votes as the last of those.
pub fn through_ties<T>(ranked: &[T], at_least: usize, votes: impl Fn(&T) -> u32) -> &[T] {
    let Some(last) = at_least.checked_sub(1).and_then(|i| ranked.get(i)) else {
        return &ranked[..at_least.min(ranked.len())];
    };
    let cut = votes(last);
    let end = ranked[at_least..]
        .iter()
        .position(|item| votes(item) != cut)
        .map_or(ranked.len(), |tied| at_least + tied);
    &ranked[..end]
}

/// Each place of `ranked` (most votes first), from 1, shared by ties:
/// 12, 10, 10, 7 votes are places 1, 2, 2, 4.
pub fn places<T>(ranked: &[T], votes: impl Fn(&T) -> u32) -> Vec<usize> {
    let mut places = Vec::with_capacity(ranked.len());
    for (i, item) in ranked.iter().enumerate() {
        let place = match i.checked_sub(1) {
            Some(before) if votes(&ranked[before]) == votes(item) => places[before],
            _ => i + 1,
        };
        places.push(place);
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_at_the_cut_are_all_shown() {
        let votes = [12, 11, 10, 10, 10, 10, 9, 3];
        let shown = through_ties(&votes, 3, |v| *v);
        assert_eq!(shown, &[12, 11, 10, 10, 10, 10]);
        assert_eq!(through_ties(&votes, 2, |v| *v), &[12, 11]);
        assert_eq!(
            through_ties(&votes, 7, |v| *v),
            &[12, 11, 10, 10, 10, 10, 9]
        );
        assert_eq!(through_ties(&votes, 20, |v| *v), &votes);
        assert_eq!(through_ties(&votes, 0, |v| *v), &[] as &[u32]);
        assert_eq!(through_ties(&[] as &[u32], 5, |v| *v), &[] as &[u32]);
    }

    #[test]
    fn ties_share_a_place() {
        assert_eq!(places(&[12, 10, 10, 7, 7, 1], |v| *v), [1, 2, 2, 4, 4, 6]);
    }
}
