//! The one selectable list of the screen: every list with a selected row (checklist,
//! clocks, contacts, the journal's tabs, the incident switcher, the assignee chooser)
//! is drawn by [`SelectableList`].
//!
//! It is ratatui's `List` as a fresh `ListState` draws it (same window around the
//! selection, same highlight, same highlight symbol; a test checks the cells are the
//! same), with two differences that keep a frame fast: rows are made only for what is
//! shown (a 100,000-event journal is not formatted to show 30 of it), and they are
//! written straight into the buffer instead of styling every cell of the area two or
//! three times first.

use super::theme::Look;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{ListState, Paragraph, StatefulWidget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// A full-screen tab's list: `count` rows made by `row`, the one at `cursor` kept in
/// view and highlighted; `none` when there are none.
pub fn rows<'a, T: Into<Text<'a>>, N: Into<Text<'a>>>(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    cursor: usize,
    count: usize,
    none: impl FnOnce() -> N,
    row: impl FnMut(usize) -> T,
) {
    if count == 0 {
        frame.render_widget(Paragraph::new(none()).style(look.dim()), area);
        return;
    }
    let list = SelectableList::new(count, row).highlight_style(look.selected());
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, area, &mut state);
}

/// `count` rows made by `row` (a [`Text`] of one line or more), of which the state's
/// selected one is kept in view and highlighted. The state is ratatui's `ListState`:
/// build a fresh one with the selection at every frame, and read its offset (the first
/// row shown) after drawing.
pub struct SelectableList<'s, R, H = fn(usize) -> usize> {
    count: usize,
    row: R,
    height: H,
    highlight: Style,
    symbol: Option<&'s str>,
}

impl<'s, R> SelectableList<'s, R> {
    /// Rows of one line each.
    pub fn new<'a, T: Into<Text<'a>>>(count: usize, row: R) -> Self
    where
        R: FnMut(usize) -> T,
    {
        SelectableList {
            count,
            row,
            height: |_| 1,
            highlight: Style::new(),
            symbol: None,
        }
    }
}

impl<'s, R, H> SelectableList<'s, R, H> {
    /// How many lines row `i` takes, known without making it (the text it makes must
    /// have that many lines).
    pub fn heights<H2: Fn(usize) -> usize>(self, height: H2) -> SelectableList<'s, R, H2> {
        SelectableList {
            count: self.count,
            row: self.row,
            height,
            highlight: self.highlight,
            symbol: self.symbol,
        }
    }

    /// The style laid over the selected row, across the width.
    pub fn highlight_style(self, highlight: Style) -> Self {
        SelectableList { highlight, ..self }
    }

    /// Drawn before the selected row, the others indented as much.
    pub fn highlight_symbol(self, symbol: &'s str) -> Self {
        SelectableList {
            symbol: Some(symbol),
            ..self
        }
    }
}

impl<'a, R, T, H> StatefulWidget for SelectableList<'_, R, H>
where
    R: FnMut(usize) -> T,
    T: Into<Text<'a>>,
    H: Fn(usize) -> usize,
{
    type State = ListState;

    fn render(mut self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.count == 0 {
            state.select(None);
            return;
        }
        if state.selected().is_some_and(|s| s >= self.count) {
            state.select(Some(self.count - 1));
        }
        let selected = state.selected();
        let shown = window(
            self.count,
            selected,
            state.offset(),
            usize::from(area.height),
            &self.height,
        );
        *state.offset_mut() = shown.start;
        // The room for the symbol is kept on every row while a row is selected.
        let symbol = self.symbol.filter(|_| selected.is_some()).unwrap_or("");
        let indent = u16::try_from(symbol.width())
            .unwrap_or(u16::MAX)
            .min(area.width);
        let mut y = area.y;
        for i in shown {
            let height = u16::try_from((self.height)(i)).unwrap_or(u16::MAX);
            let row_area = Rect { y, height, ..area }.intersection(area);
            y = y.saturating_add(height);
            let text: Text = (self.row)(i).into();
            draw_text(buf, row_area, indent, &text);
            if selected == Some(i) {
                buf.set_style(row_area, self.highlight);
                buf.set_stringn(
                    area.x,
                    row_area.y,
                    symbol,
                    usize::from(indent),
                    Style::new(),
                );
            }
        }
    }
}

/// What `Text` and `Line` draw (left-aligned: no row here is aligned otherwise), their
/// styles laid only where they are set.
fn draw_text(buf: &mut Buffer, area: Rect, indent: u16, text: &Text) {
    let area = Rect {
        x: area.x.saturating_add(indent),
        width: area.width.saturating_sub(indent),
        ..area
    };
    if text.style != Style::new() {
        buf.set_style(area, text.style);
    }
    for (line, y) in text.lines.iter().zip(area.top()..area.bottom()) {
        if line.style != Style::new() && line.width() > 0 {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                line.style,
            );
        }
        buf.set_line(area.x, y, line, area.width);
    }
}

/// The rows shown in `rows` lines, as `List` works them out from the state's offset
/// and selection: from the offset down while they fit, moved the least to bring the
/// selected row into view. Only whole rows are shown.
fn window(
    count: usize,
    selected: Option<usize>,
    offset: usize,
    rows: usize,
    height: impl Fn(usize) -> usize,
) -> Range<usize> {
    let fill = |first: usize| {
        let (mut last, mut used) = (first, 0);
        while last < count && used + height(last) <= rows {
            used += height(last);
            last += 1;
        }
        first..last
    };
    let offset = offset.min(count.saturating_sub(1));
    let Some(selected) = selected else {
        return fill(offset);
    };
    if selected < offset {
        return fill(selected);
    }
    let from_offset = fill(offset);
    if selected < from_offset.end {
        return from_offset;
    }
    // Up from the selected row, as many as fit.
    let (mut first, mut used) = (selected + 1, 0);
    while first > 0 && used + height(first - 1) <= rows {
        first -= 1;
        used += height(first);
    }
    if first > selected {
        // Taller than the area: nothing is shown.
        return selected..selected;
    }
    first..selected + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;
    use ratatui::widgets::{Block, List, ListItem, Widget};

    /// Draws `texts` with ours and with `List`, with and without a highlight symbol, from
    /// a state with each of `offsets` and `selections`: the same cells and the same state
    /// after drawing.
    fn like_a_list(
        texts: &[Text<'static>],
        area: Rect,
        offsets: &[usize],
        selections: &[Option<usize>],
    ) {
        let highlight = Style::new().reversed();
        let canvas = Rect::new(0, 0, area.right() + 2, area.bottom() + 2);
        for symbol in [None, Some("▶ ")] {
            for (&offset, &selected) in offsets
                .iter()
                .flat_map(|o| selections.iter().map(move |s| (o, s)))
            {
                let state = ListState::default()
                    .with_selected(selected)
                    .with_offset(offset);
                let mut ours = (Buffer::empty(canvas), state);
                let mut widget = SelectableList::new(texts.len(), |i| texts[i].clone())
                    .heights(|i| texts[i].height())
                    .highlight_style(highlight);
                if let Some(symbol) = symbol {
                    widget = widget.highlight_symbol(symbol);
                }
                widget.render(area, &mut ours.0, &mut ours.1);
                let mut theirs = (Buffer::empty(canvas), state);
                let mut list =
                    List::new(texts.iter().cloned().map(ListItem::new)).highlight_style(highlight);
                if let Some(symbol) = symbol {
                    list = list.highlight_symbol(symbol);
                }
                StatefulWidget::render(list, area, &mut theirs.0, &mut theirs.1);
                assert_eq!(ours, theirs, "{area:?} {symbol:?} {offset} {selected:?}");
            }
        }
    }

    /// Rows of one line, with wide characters cut at the edge.
    #[test]
    fn rows_scroll_and_highlight_like_a_list() {
        let texts: Vec<Text> = (0..9)
            .map(|n| Text::raw(format!("row {n} ✓ 漢字")))
            .collect();
        like_a_list(
            &texts,
            Rect::new(1, 1, 12, 4),
            &[0, 2, 7, 30],
            &[None, Some(0), Some(3), Some(4), Some(8), Some(20)],
        );
    }

    /// Rows of one and two lines, styled lines and empty ones, as the Clocks pane has;
    /// in an area of five rows, and of one, too low for some of them.
    #[test]
    fn rows_of_several_lines_like_a_list() {
        let texts: Vec<Text> = (0..8)
            .map(|n| {
                let first = Line::raw(format!("clock {n}"));
                match n % 3 {
                    0 => Text::from(first),
                    1 => Text::from(vec![
                        first,
                        Line::styled(format!("due {n}"), Style::new().dim()),
                    ]),
                    _ => Text::from(vec![first, Line::styled("", Style::new().dim())]),
                }
            })
            .collect();
        for area in [Rect::new(0, 1, 20, 5), Rect::new(0, 1, 20, 1)] {
            like_a_list(
                &texts,
                area,
                &[0, 3, 7],
                &[None, Some(0), Some(2), Some(5), Some(7)],
            );
        }
    }

    #[test]
    fn an_empty_list_draws_nothing_and_selects_nothing() {
        let area = Rect::new(0, 0, 5, 2);
        let mut buf = Buffer::empty(area);
        let mut state = ListState::default().with_selected(Some(3));
        SelectableList::new(0, |_| Line::raw("never")).render(area, &mut buf, &mut state);
        assert_eq!(buf, Buffer::empty(area));
        assert_eq!(state.selected(), None);
    }

    /// Inside a block, as the incident switcher draws it.
    #[test]
    fn in_a_block_like_a_list() {
        let area = Rect::new(0, 0, 16, 5);
        let texts = ["one", "two", "three", "four"];
        let mut ours = Buffer::empty(area);
        let block = Block::bordered().title(" t ");
        let inner = block.inner(area);
        block.render(area, &mut ours);
        SelectableList::new(texts.len(), |i| Line::raw(texts[i]))
            .highlight_style(Style::new().bold())
            .highlight_symbol("▶ ")
            .render(
                inner,
                &mut ours,
                &mut ListState::default().with_selected(Some(3)),
            );
        let mut theirs = Buffer::empty(area);
        StatefulWidget::render(
            List::new(texts)
                .block(Block::bordered().title(" t "))
                .highlight_style(Style::new().bold())
                .highlight_symbol("▶ "),
            area,
            &mut theirs,
            &mut ListState::default().with_selected(Some(3)),
        );
        assert_eq!(ours, theirs);
    }
}
