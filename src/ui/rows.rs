//! Rows of one line drawn straight into the buffer. `Paragraph` styles every cell of
//! its area two or three times (widget, line) before drawing any text; for the panes
//! that show one line per row that was a fifth of a 250×70 frame. Selectable rows are
//! drawn by [`super::list::SelectableList`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// One line per row from the top of `area`, cut at its width; what does not fit below
/// is not drawn.
pub fn lines<'a>(buf: &mut Buffer, area: Rect, lines: impl IntoIterator<Item = Line<'a>>) {
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        buf.set_line(area.x, y, &line, area.width);
    }
}
