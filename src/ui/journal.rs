//! The Journal strip: the latest events, newest first.

use super::format::safe;
use super::{pane, rows, theme};
use crate::app::{Active, App, Pane};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const AUTHOR_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, active: &Active) {
    let total = active.events.len();
    let title = format!("{} ({total})", text::pane_journal());
    let block = pane(&title, app, Some(Pane::Journal));
    let inner = block.inner(area);
    let rows = usize::from(inner.height);
    let skip = app.cursors.journal.min(total.saturating_sub(1));
    let lines = active
        .events
        .iter()
        .rev()
        .skip(skip)
        .take(rows)
        .map(|event| {
            let author: String = safe(&event.author).chars().take(AUTHOR_WIDTH).collect();
            let mut line = Line::from(vec![
                Span::styled(app.zone.format(event.at, "%H:%M:%S"), theme::dim()),
                Span::raw(" "),
                Span::styled(format!("#{:<5} ", event.id), theme::dim()),
                Span::styled(format!("{author:<AUTHOR_WIDTH$} "), theme::label()),
                Span::raw(safe(&text::event_line(&event.change, Some(&active.state))).into_owned()),
            ]);
            if active.state.corrections.contains_key(&event.id) {
                line = line.style(
                    ratatui::style::Style::new()
                        .add_modifier(ratatui::style::Modifier::CROSSED_OUT),
                );
            }
            line
        });
    frame.render_widget(block, area);
    rows::lines(frame.buffer_mut(), inner, lines);
}
