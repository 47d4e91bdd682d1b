//! The Checklist pane: a strip of phases with their progress, then the current phase's
//! items with owner and who ticked them when.

use super::format::safe;
use super::{pane, theme};
use crate::app::{App, Pane};
use crate::domain::IncidentState;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &IncidentState) {
    let title = match s.phase() {
        Some(p) => {
            let (done, total) = s.progress(s.current_phase);
            format!(
                "{} — {} {done}/{total}",
                text::PANE_CHECKLIST,
                safe(&p.name)
            )
        }
        None => text::PANE_CHECKLIST.to_string(),
    };
    let block = pane(&title, app, Some(Pane::Checklist));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [strip, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(phase_strip(s)), strip);

    let items: Vec<ListItem> = s
        .items_of_phase(s.current_phase)
        .map(|item| {
            // Who ticked it and when comes first: the text may be cut on narrow screens.
            let mut spans = match &item.done {
                Some(done) => vec![
                    Span::styled("[x] ", theme::done()),
                    Span::styled(
                        format!("{} {} ", app.zone.format(done.at, "%H:%M"), safe(&done.by)),
                        theme::done(),
                    ),
                ],
                None => vec![Span::raw("[ ] ")],
            };
            spans.push(Span::raw(safe(&item.text).into_owned()));
            if let Some(owner) = &item.owner {
                spans.push(Span::styled(format!(" · {}", safe(owner)), theme::dim()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(text::CHECKLIST_EMPTY).style(theme::dim()),
            list_area,
        );
        return;
    }
    let focused = app.focus == Pane::Checklist && app.overlay.is_none();
    let list = List::new(items).highlight_style(if focused {
        theme::selected()
    } else {
        ratatui::style::Style::new()
    });
    let mut state = ListState::default().with_selected(Some(app.cursors.checklist));
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// `▶ Identification 2/7 │ Containment 0/5 │ …`, the current phase highlighted.
fn phase_strip(s: &IncidentState) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, phase) in s.phases.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme::dim()));
        }
        let (done, total) = s.progress(i);
        let label = format!("{} {done}/{total}", safe(&phase.name));
        if i == s.current_phase {
            spans.push(Span::styled(format!("▶ {label}"), theme::strong()));
        } else if total > 0 && done == total {
            spans.push(Span::styled(label, theme::done()));
        } else {
            spans.push(Span::styled(label, theme::dim()));
        }
    }
    Line::from(spans)
}
