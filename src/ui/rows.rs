//! A buffer's cells a row at a time, for the frame's fast paths (`kept`,
//! `framed`, `lettering`, `lines`, `screen_text`, and the terminal's change
//! finder through [`rows_range`]). The one place that leans on ratatui laying a buffer's cells out as its rows one
//! after another; the test below fails if it stops doing so.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The `width` cells of row `y` from column `x`, which the caller keeps
/// within the buffer.
pub fn row_cells(buffer: &mut Buffer, x: u16, y: u16, width: u16) -> &mut [Cell] {
    let start = buffer.index_of(x, y);
    &mut buffer.content[start..start + usize::from(width)]
}

/// Where rows `rows` (counted from the buffer's top) lie in its cells, one
/// after another: for the terminal's change finder, which compares what
/// is shown with the next frame a run of rows at a time.
pub fn rows_range(buffer: &Buffer, rows: std::ops::Range<u16>) -> std::ops::Range<usize> {
    let width = usize::from(buffer.area.width);
    usize::from(rows.start) * width..usize::from(rows.end) * width
}

/// `f` on every cell of `area` (within the buffer), a row at a time.
pub fn each_cell(buffer: &mut Buffer, area: Rect, mut f: impl FnMut(&mut Cell)) {
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        row_cells(buffer, area.x, y, area.width)
            .iter_mut()
            .for_each(&mut f);
    }
}

/// `buffer.set_style(area, style)`, a row at a time: ratatui's finds each
/// cell by its position, which is most of the cost of styling the room's
/// blank background every frame.
pub fn style_area(buffer: &mut Buffer, area: Rect, style: Style) {
    each_cell(buffer, area, |cell| {
        cell.set_style(style);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rect() -> impl Strategy<Value = Rect> {
        (0u16..12, 0u16..12, 0u16..12, 0u16..12).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
    }

    proptest! {
        #[test]
        fn styling_an_area_by_rows_is_ratatuis_set_style(screen in rect(), area in rect()) {
            use ratatui::style::{Color, Modifier};
            let style = Style::new().fg(Color::White).bg(Color::Black).add_modifier(Modifier::BOLD);
            let mut ours = Buffer::empty(screen);
            let mut theirs = Buffer::empty(screen);
            style_area(&mut ours, area, style);
            theirs.set_style(area, style);
            prop_assert_eq!(ours, theirs);
        }
    }

    /// The frame's fast paths (the views through this file, `screen_text`,
    /// the terminal's change finder) take a buffer's cells as its rows one
    /// after another, from its area's top left: if ratatui lays them out
    /// otherwise, this fails.
    #[test]
    fn a_buffer_is_its_rows_one_after_another() {
        let area = Rect::new(3, 2, 7, 4);
        let mut buffer = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buffer[(x, y)].set_symbol(&format!("{x},{y}"));
            }
        }
        for (row, y) in buffer.content.chunks(usize::from(area.width)).zip(area.y..) {
            for (cell, x) in row.iter().zip(area.x..) {
                assert_eq!(cell.symbol(), format!("{x},{y}"));
                assert_eq!(
                    buffer.index_of(x, y),
                    usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x)
                );
            }
        }
        assert_eq!(buffer.content.len(), usize::from(area.width * area.height));
        let rows = rows_range(&buffer, 1..3);
        assert_eq!(rows.start, buffer.index_of(area.x, area.y + 1));
        assert_eq!(rows.end, buffer.index_of(area.x, area.y + 3));
    }

    #[test]
    fn a_row_is_its_cells_left_to_right() {
        let area = Rect::new(3, 2, 7, 4);
        let mut buffer = Buffer::empty(area);
        buffer[(5, 4)].set_symbol("a");
        buffer[(6, 4)].set_symbol("b");
        let row = row_cells(&mut buffer, 5, 4, 2);
        assert_eq!([row[0].symbol(), row[1].symbol()], ["a", "b"]);
        let mut seen = 0;
        each_cell(&mut buffer, Rect::new(0, 0, 5, 4), |_| seen += 1);
        assert_eq!(seen, 2 * 2, "only the part inside the buffer");
    }
}
