//! The columns a set of rectangles covers, row by row.
//!
//! A frame's kept regions are looked up for every row, three times a frame
//! (the loose cells made blank, the screen's text cleaned, the frame
//! compared with what is shown). Worked out row by row — every region
//! tested, the row's columns sorted — that was a tenth of a running room
//! clock's tick; now each region is put on the rows it crosses, once.

use std::ops::Range;

use ratatui::layout::Rect;

/// For each row of an area, the columns (counted from its left, within its
/// width) the rectangles cover, in order of where they start.
pub struct RowColumns {
    top: u16,
    /// Every row's columns, one row after another.
    columns: Vec<Range<usize>>,
    /// Where each row's columns begin in `columns`, and where the last
    /// row's end.
    starts: Vec<usize>,
}

impl RowColumns {
    /// Each rectangle is put on the rows it crosses, in order of where it
    /// starts: as much work as the rows the rectangles cross, where testing
    /// every rectangle on every row was the rows times the rectangles, and
    /// a running clock's kept regions are many, most of them short bands
    /// (the parts of a digit that did not change).
    pub fn new(rects: Vec<Rect>, area: Rect) -> RowColumns {
        let width = usize::from(area.width);
        let start_of = |rect: &Rect| usize::from(rect.left().saturating_sub(area.x));
        let rows_of = |rect: &Rect| {
            let rows = rect.top().max(area.top())..rect.bottom().min(area.bottom());
            usize::from(rows.start - area.top())..usize::from(rows.end.max(rows.start) - area.top())
        };
        // In order of where they start (a stable sort: rectangles that
        // start together keep the order they were given in).
        let mut by_start = rects;
        by_start.sort_by_key(start_of);
        let mut starts = vec![0; usize::from(area.height) + 1];
        for rect in &by_start {
            for row in rows_of(rect) {
                starts[row + 1] += 1;
            }
        }
        for row in 1..starts.len() {
            starts[row] += starts[row - 1];
        }
        let mut columns = vec![0..0; starts[starts.len() - 1]];
        let mut next = starts.clone();
        for rect in &by_start {
            let left = start_of(rect);
            let covered = left..(left + usize::from(rect.width)).min(width);
            for row in rows_of(rect) {
                columns[next[row]] = covered.clone();
                next[row] += 1;
            }
        }
        RowColumns {
            top: area.top(),
            columns,
            starts,
        }
    }

    /// The columns covered on row `y` (a row of the area), in order.
    pub fn on_row(&self, y: u16) -> &[Range<usize>] {
        let Some(row) = y.checked_sub(self.top).map(usize::from) else {
            return &[];
        };
        match (self.starts.get(row), self.starts.get(row + 1)) {
            (Some(&start), Some(&end)) => &self.columns[start..end],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Row by row, as it was worked out before: every rectangle
    /// tested, the row's columns sorted by where they start.
    fn each_row(rects: &[Rect], area: Rect, y: u16) -> Vec<Range<usize>> {
        let width = usize::from(area.width);
        let mut columns: Vec<Range<usize>> = rects
            .iter()
            .filter(|rect| (rect.top()..rect.bottom()).contains(&y))
            .map(|rect| {
                let left = usize::from(rect.left().saturating_sub(area.x));
                left..(left + usize::from(rect.width)).min(width)
            })
            .collect();
        columns.sort_by_key(|range| range.start);
        columns
    }

    #[test]
    fn each_row_has_the_columns_crossing_it_in_order() {
        let area = Rect::new(0, 0, 20, 6);
        let rects = [Rect::new(10, 1, 4, 3), Rect::new(2, 1, 5, 3)];
        let found = RowColumns::new(rects.to_vec(), area);
        assert_eq!(found.on_row(0), &[] as &[Range<usize>]);
        assert_eq!(found.on_row(2), &[2..7, 10..14]);
        assert_eq!(found.on_row(4), &[] as &[Range<usize>]);
        assert_eq!(found.on_row(9), &[] as &[Range<usize>]);
    }

    proptest! {
        #[test]
        fn rows_say_what_testing_every_region_said(
            area in (0u16..5, 0u16..5, 1u16..30, 1u16..20)
                .prop_map(|(x, y, w, h)| Rect::new(x, y, w, h)),
            rects in prop::collection::vec(
                (0u16..40, 0u16..30, 0u16..12, 0u16..12)
                    .prop_map(|(x, y, w, h)| Rect::new(x, y, w, h)),
                0..12,
            ),
        ) {
            let found = RowColumns::new(rects.clone(), area);
            for y in area.top()..area.bottom() {
                let expected = each_row(&rects, area, y);
                prop_assert_eq!(found.on_row(y), expected.as_slice());
            }
        }
    }
}
