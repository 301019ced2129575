//! The rounded, titled box every screen draws its parts in.
//!
//! It draws what ratatui's `Block` draws for it (borders, corners, the title
//! at the top left; a property test below holds it to the same cells), but
//! not `Block`'s first step, a pass over every cell of the area to give it
//! the block's style: the box has none, so that pass changed nothing, and
//! with two boxes filling the groups screen it was a sixth of a keystroke's
//! frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::theme::THEME;

pub struct Framed {
    /// The same box as a `Block`, for what its borders leave inside.
    block: Block<'static>,
    title: Line<'static>,
}

impl Framed {
    pub fn new(title: impl Into<String>) -> Framed {
        let title = Line::from(Span::styled(
            format!(" {} ", title.into()),
            THEME.block_title,
        ));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(THEME.border)
            .title(title.clone());
        Framed { block, title }
    }

    /// The area inside the borders.
    pub fn inner(&self, area: Rect) -> Rect {
        self.block.inner(area)
    }
}

impl Widget for Framed {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = border::ROUNDED;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(THEME.border);
        };
        // Sides first, then the corners over their ends, as `Block` does.
        for y in top..=bottom {
            put(left, y, set.vertical_left);
        }
        for x in left..=right {
            put(x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            put(right, y, set.vertical_right);
        }
        for x in left..=right {
            put(x, bottom, set.horizontal_bottom);
        }
        put(right, bottom, set.bottom_right);
        put(right, top, set.top_right);
        put(left, bottom, set.bottom_left);
        put(left, top, set.top_left);
        // The title, from the cell after the left border, cut before the right one.
        let room = Rect::new(left + 1, top, area.width.saturating_sub(2), 1);
        if !room.is_empty() {
            let width = u16::try_from(self.title.width()).unwrap_or(u16::MAX);
            self.title.render(
                Rect {
                    width: width.min(room.width),
                    ..room
                },
                buf,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Style};

    fn used(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for (n, cell) in buf.content.iter_mut().enumerate() {
            cell.set_symbol(["x", "é", " "][n % 3])
                .set_style(Style::default().fg([Color::Red, Color::Reset][n % 2]));
        }
        buf
    }

    proptest! {
        #[test]
        fn draws_what_a_block_draws(
            title in "[a-zñ ·漢🇲]{0,30}",
            x in 0..12u16,
            y in 0..6u16,
            width in 0..30u16,
            height in 0..10u16,
        ) {
            let whole = Rect::new(0, 0, 30, 10);
            let area = Rect::new(x, y, width, height);
            let framed = Framed::new(title.clone());
            let mut expected = used(whole);
            framed.block.clone().render(area, &mut expected);
            let mut drawn = used(whole);
            prop_assert_eq!(framed.inner(area), framed.block.inner(area));
            framed.render(area, &mut drawn);
            prop_assert_eq!(drawn, expected);
        }
    }
}
