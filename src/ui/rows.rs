//! Rows of one line drawn straight into the buffer. `List` and `Paragraph` style every
//! cell of their area two or three times (widget, item, line) before drawing any text;
//! for the panes that show one line per row that was a fifth of a 250×70 frame. Rows
//! are also built only for what is shown, not for the whole list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// One line per row from the top of `area`, cut at its width; what does not fit below
/// is not drawn.
pub fn lines<'a>(buf: &mut Buffer, area: Rect, lines: impl IntoIterator<Item = Line<'a>>) {
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        buf.set_line(area.x, y, &line, area.width);
    }
}

/// `count` rows made by `row`, scrolled as `List` scrolls from the top so that the
/// selected one (clamped to the last) is in view, and highlighted across the width.
pub fn selectable<'a>(
    buf: &mut Buffer,
    area: Rect,
    count: usize,
    selected: Option<usize>,
    highlight: Style,
    row: impl FnMut(usize) -> Line<'a>,
) {
    let height = usize::from(area.height);
    let selected = selected.filter(|_| count > 0).map(|s| s.min(count - 1));
    let first = selected.map_or(0, |s| (s + 1).saturating_sub(height));
    lines(buf, area, (first..count).map(row));
    if let Some(offset) = selected.map(|s| s - first).filter(|&o| o < height) {
        let y = area
            .y
            .saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
        buf.set_style(
            Rect {
                y,
                height: 1,
                ..area
            },
            highlight,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::{List, ListState, StatefulWidget};

    /// The same cells as `List` with a fresh state, for every selection.
    #[test]
    fn rows_scroll_and_highlight_like_a_list() {
        let area = Rect::new(1, 1, 12, 4);
        let texts: Vec<String> = (0..9).map(|n| format!("row {n} ✓ 漢字")).collect();
        let highlight = Style::new().reversed();
        for selected in [None, Some(0), Some(3), Some(4), Some(8), Some(20)] {
            let mut ours = Buffer::empty(Rect::new(0, 0, 14, 6));
            selectable(&mut ours, area, texts.len(), selected, highlight, |i| {
                Line::raw(texts[i].clone())
            });
            let mut theirs = Buffer::empty(Rect::new(0, 0, 14, 6));
            let list =
                List::new(texts.iter().map(|t| Line::raw(t.clone()))).highlight_style(highlight);
            let mut state = ListState::default().with_selected(selected);
            StatefulWidget::render(list, area, &mut theirs, &mut state);
            assert_eq!(ours, theirs, "selected {selected:?}");
        }
    }

    #[test]
    fn an_empty_list_draws_nothing() {
        let area = Rect::new(0, 0, 5, 2);
        let mut buf = Buffer::empty(area);
        selectable(&mut buf, area, 0, Some(3), Style::new().reversed(), |_| {
            Line::raw("never")
        });
        assert_eq!(buf, Buffer::empty(Rect::new(0, 0, 5, 2)));
    }
}
