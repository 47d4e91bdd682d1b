//! The search bar under or over a list: `/query  hint`, the hint saying whether the
//! query is being typed or applied. The Contacts pane and the full-screen journal draw
//! it.

use super::format::safe;
use super::labels;
use super::{rows, theme::Look};
use crate::app::ContactSearch;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn bar(buf: &mut Buffer, area: Rect, look: Look, search: &ContactSearch) {
    let hint = if search.editing {
        labels::search_editing()
    } else {
        labels::search_applied()
    };
    let line = Line::from(vec![
        Span::styled("/", look.label()),
        Span::styled(safe(search.input.value()).into_owned(), look.strong()),
        Span::styled(format!("  {hint}"), look.dim()),
    ]);
    rows::lines(buf, area, [line]);
}
