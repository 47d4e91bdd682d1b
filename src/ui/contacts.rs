//! The Contacts pane: the directory, scrollable, with the selected contact's details.

use super::format::safe;
use super::{pane, theme};
use crate::app::{App, Pane};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let directory = app.directory();
    let block = pane(text::PANE_CONTACTS, app, Some(Pane::Contacts));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let detail_height = match inner.height {
        14.. => 5,
        8.. => 3,
        _ => 0,
    };
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(detail_height)]).areas(inner);
    let items: Vec<ListItem> = directory
        .iter()
        .map(|c| {
            let mut spans = vec![Span::styled(safe(&c.name).into_owned(), theme::strong())];
            if let Some(phone) = c.phones.first() {
                spans.push(Span::raw(format!("  {}", safe(phone))));
            }
            if !c.role.is_empty() {
                spans.push(Span::styled(format!("  {}", safe(&c.role)), theme::dim()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let focused = app.focus == Pane::Contacts && app.overlay.is_none();
    let list = List::new(items).highlight_style(if focused {
        theme::selected()
    } else {
        ratatui::style::Style::new()
    });
    let cursor = app.cursors.contacts.min(directory.len().saturating_sub(1));
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, list_area, &mut state);
    if let Some(c) = directory.get(cursor).filter(|_| detail_height > 0) {
        let mut reach: Vec<String> = c.phones.iter().map(|p| safe(p).into_owned()).collect();
        if !c.email.is_empty() {
            reach.push(safe(&c.email).into_owned());
        }
        if !c.hours.is_empty() {
            reach.push(safe(&c.hours).into_owned());
        }
        let lines = vec![
            Line::styled(reach.join(" · "), theme::label()),
            Line::styled(safe(&c.notes).into_owned(), theme::dim()),
        ];
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(
                ratatui::widgets::Block::new()
                    .borders(ratatui::widgets::Borders::TOP)
                    .border_style(theme::dim()),
            ),
            detail_area,
        );
    }
}
