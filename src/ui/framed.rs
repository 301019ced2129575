//! The rounded, titled box every screen draws its parts in, and the
//! double-bordered popup that editors, forms and questions open in.
//!
//! It draws what ratatui's `Block` draws for it (borders, corners, the title
//! at the top left; a property test below holds it to the same cells), but
//! not `Block`'s first step, a pass over every cell of the area to give it
//! the block's style: the box has none, so that pass changed nothing, and
//! with two boxes filling the groups screen it was a sixth of a keystroke's
//! frame. A popup clears the cells it covers and gives them its style in one
//! pass, where `Clear` and then `Block` made two.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::theme::THEME;

pub struct Framed {
    /// The same box as a `Block`, for what its borders leave inside.
    block: Block<'static>,
    title: Line<'static>,
    set: border::Set<'static>,
    border_style: Style,
    /// A popup clears what it covers and gives it its own style first.
    popup: Option<Style>,
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
        Framed {
            block,
            title,
            set: border::ROUNDED,
            border_style: THEME.border,
            popup: None,
        }
    }

    /// A popup's box: double borders, over cells cleared and given the
    /// popup's style, as `Clear` then a styled `Block` draw it, but in one
    /// pass over the area rather than two.
    pub fn popup(title: &str) -> Framed {
        let title = Line::from(Span::styled(title.to_string(), THEME.popup_border));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Double)
            .border_style(THEME.popup_border)
            .title(title.clone())
            .style(THEME.popup);
        Framed {
            block,
            title,
            set: border::DOUBLE,
            border_style: THEME.popup_border,
            popup: Some(THEME.popup),
        }
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
        if let Some(style) = self.popup {
            super::rows::each_cell(buf, area, |cell| {
                cell.reset();
                cell.set_style(style);
            });
        }
        let set = self.set;
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let border_style = self.border_style;
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(border_style);
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

            let popup = Framed::popup(&title);
            let mut expected = used(whole);
            ratatui::widgets::Clear.render(area, &mut expected);
            popup.block.clone().render(area, &mut expected);
            let mut drawn = used(whole);
            prop_assert_eq!(popup.inner(area), popup.block.inner(area));
            popup.render(area, &mut drawn);
            prop_assert_eq!(drawn, expected);
        }
    }
}
