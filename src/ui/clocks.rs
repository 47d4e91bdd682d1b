//! The Clocks pane: time since declaration and every running deadline, most urgent first.

use super::format::{hms, safe};
use super::{pane, theme};
use crate::app::App;
use crate::domain::{ClockStatus, Countdown, IncidentState};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const NAME_WIDTH: usize = 15;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &IncidentState) {
    let name = |t: &str| Span::styled(format!("{t:<NAME_WIDTH$}"), theme::label());
    let mut lines = vec![Line::from(vec![
        name(text::CLOCK_SINCE_DECLARED),
        Span::styled(hms(app.now - s.declared_at), theme::strong()),
    ])];
    match &s.retainer_alert {
        None => {
            let hint = app
                .config
                .keymap
                .keys_for(
                    crate::app::keymap::Mode::Dashboard,
                    crate::app::Action::AlertRetainer,
                )
                .first()
                .map(|k| format!(" (key {k})"))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                name(text::CLOCK_RETAINER),
                Span::styled(format!("{}{hint}", text::CLOCK_NOT_ALERTED), theme::dim()),
            ]));
        }
        Some(alert) => {
            let clock = Countdown::from_minutes(alert.at, alert.response_minutes);
            let value = match clock.status(app.now) {
                ClockStatus::Running { left } => Span::styled(
                    format!("{} {}", hms(left), text::CLOCK_LEFT),
                    theme::strong(),
                ),
                ClockStatus::DueSoon { left } => Span::styled(
                    format!("{} {}", hms(left), text::CLOCK_LEFT),
                    theme::due_soon(),
                ),
                ClockStatus::Overdue { by } => Span::styled(
                    format!("+{} {}", hms(by), text::CLOCK_OVERDUE),
                    theme::overdue(),
                ),
            };
            lines.push(Line::from(vec![name(text::CLOCK_RETAINER), value]));
            let indent = || Span::raw(" ");
            lines.push(Line::from(vec![
                indent(),
                Span::styled(
                    format!(
                        "{} {} · {} {}",
                        text::CLOCK_DUE,
                        app.zone.format(clock.deadline, "%H:%M"),
                        app.zone.format_utc(clock.deadline),
                        text::STATUS_UTC,
                    ),
                    theme::dim(),
                ),
            ]));
            lines.push(Line::from(vec![
                indent(),
                Span::styled(safe(&alert.retainer).into_owned(), theme::dim()),
            ]));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane(text::PANE_CLOCKS, app, None)),
        area,
    );
}
