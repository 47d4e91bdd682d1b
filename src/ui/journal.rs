//! The Journal strip: the latest events, newest first.

use super::format::{event_time, safe};
use super::{pane, rows, theme::Look};
use crate::app::{Active, App, Pane};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const AUTHOR_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, active: &Active) {
    let total = active.events.len();
    let title = format!("{} ({total})", text::pane_journal());
    let block = pane(look, &title, app, Some(Pane::Journal));
    let inner = block.inner(area);
    let rows = usize::from(inner.height);
    let skip = app.cursors.journal.min(total.saturating_sub(1));
    let shown: Vec<_> = active
        .events
        .iter()
        .rev()
        .skip(skip)
        .take(rows)
        .map(|event| (event, event_time(event, app.zone, app.now)))
        .collect();
    // Times of today alone, the date too for others: aligned on the widest shown.
    let width = shown
        .iter()
        .map(|(_, (when, _))| when.chars().count())
        .max()
        .unwrap_or(0);
    let lines = shown.into_iter().map(|(event, (when, logged))| {
        let author: String = safe(&event.author).chars().take(AUTHOR_WIDTH).collect();
        let mut spans = vec![
            Span::styled(format!("{when:>width$}"), look.dim()),
            Span::raw(" "),
            Span::styled(format!("#{:<5} ", event.id), look.dim()),
            Span::styled(format!("{author:<AUTHOR_WIDTH$} "), look.label()),
        ];
        if let Some(logged) = logged {
            spans.push(Span::styled(format!("({logged}) "), look.dim()));
        }
        spans.push(Span::raw(
            safe(&text::event_line(&event.change, Some(&active.state))).into_owned(),
        ));
        let mut line = Line::from(spans);
        let amended = active.state.corrections.contains_key(&event.id)
            || active.state.retracted.contains_key(&event.id);
        if amended {
            line = line.style(
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::CROSSED_OUT),
            );
        }
        line
    });
    frame.render_widget(block, area);
    rows::lines(frame.buffer_mut(), inner, lines);
}
