//! The war-room wall (`W`, or `warroom wall`): for a projector read from across the
//! room. The severity as a full-width banner, the most urgent clock in big digits, the
//! other running clocks, the phase with its progress, the commander, the last entries.

use super::clocks::{Worded, urgency_cell};
use super::format::{content, fit, safe};
use super::labels;
use super::theme::Look;
use crate::app::{Active, App};
use crate::domain::{ClockState, ClockView};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::{BigText, PixelSize};

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, active: &Active) {
    let s = &active.state;
    let rows = app.clock_rows();
    let running: Vec<&ClockView> = rows
        .iter()
        .filter(|c| matches!(c.state, ClockState::Running { .. }))
        .collect();
    let big_height = if area.height >= 30 { 10 } else { 6 };
    let others = u16::try_from(running.len().saturating_sub(1).min(5)).unwrap_or(0);
    let [banner, big, other, phase, journal] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(big_height),
        Constraint::Length(others + u16::from(others > 0)),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(area);

    // The banner: severity colour, full width; EXERCISE when it is one.
    let mut title = format!(
        " {} {}  ·  {}  ·  {}  ·  {} ",
        s.severity.level(),
        crate::i18n::terms::severity(s.severity).to_uppercase(),
        s.id,
        content(&s.title),
        s.tlp.label()
    );
    if s.exercise {
        title = format!(" {} ·{title}", text::exercise());
    }
    let style = if s.exercise {
        look.exercise()
    } else {
        look.severity(s.severity)
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::raw(fit(&title, usize::from(banner.width)).into_owned()),
            Line::raw(""),
        ])
        .style(style)
        .alignment(Alignment::Center),
        banner,
    );

    match running.first() {
        Some(clock) => big_clock(frame, big, look, app, clock),
        None => frame.render_widget(
            Paragraph::new(labels::wall_no_clock())
                .style(look.dim())
                .alignment(Alignment::Center),
            big,
        ),
    }

    let lines: Vec<Line> = running
        .iter()
        .skip(1)
        .take(5)
        .map(|c| clock_line(look, app, c, usize::from(other.width)))
        .collect();
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), other);

    let (closed, total) = s.progress(s.current_phase);
    let phase_name = s
        .phase()
        .map(|p| content(&p.name).into_owned())
        .unwrap_or_default();
    let commander = s
        .commander
        .as_deref()
        .map(|c| safe(c).into_owned())
        .unwrap_or_else(text::not_set);
    let mut phase_line = vec![
        Span::styled(
            format!("{} ", text::colon(&labels::label_phase())),
            look.label(),
        ),
        Span::styled(
            format!("{phase_name}  {}  {closed}/{total}", bar(closed, total, 20)),
            look.strong(),
        ),
        Span::styled(
            format!("     {} ", text::colon(&text::label_commander())),
            look.label(),
        ),
        Span::styled(commander, look.strong()),
    ];
    // Known once the owner has said who is connected.
    if !app.presence.is_empty() {
        let n = crate::app::responders(&app.presence, &s.roster);
        phase_line.push(Span::styled(
            format!("     {}", labels::wall_responders(n)),
            look.label(),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(phase_line)).alignment(Alignment::Center),
        phase,
    );

    let shown = usize::from(journal.height.saturating_sub(2) / 2).max(1);
    let entries: Vec<Line> = active
        .events
        .iter()
        .rev()
        .filter(|e| !s.retracted.contains_key(&e.id))
        .take(shown)
        .flat_map(|e| {
            [
                Line::from(vec![
                    Span::styled(app.zone.format(e.occurred(), "%H:%M  "), look.label()),
                    Span::styled(
                        safe(&text::event_line(&e.change, Some(s))).into_owned(),
                        look.strong(),
                    ),
                ]),
                Line::raw(""),
            ]
        })
        .collect();
    frame.render_widget(
        Paragraph::new(entries).block(
            Block::bordered()
                .title(format!(" {} ", text::pane_journal()))
                .border_style(look.dim()),
        ),
        journal,
    );
}

/// The clock's time left (or overdue) in big digits, with its name and deadline.
fn big_clock(frame: &mut Frame, area: Rect, look: Look, app: &App, clock: &ClockView) {
    let value = urgency_cell(look, &clock.state, app.now, Worded::No);
    let [name, digits, due] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(format!(
            "{} · {}",
            content(&clock.name),
            content(&clock.authority)
        ))
        .style(look.strong())
        .alignment(Alignment::Center),
        name,
    );
    // Full-size glyphs are 8×8 cells; smaller ones when the screen is.
    let chars = u16::try_from(value.content.chars().count()).unwrap_or(u16::MAX);
    let size = if digits.height >= 8 && digits.width >= chars.saturating_mul(8) {
        PixelSize::Full
    } else if digits.height >= 4 && digits.width >= chars.saturating_mul(4) {
        PixelSize::Quadrant
    } else {
        PixelSize::Sextant
    };
    frame.render_widget(
        BigText::builder()
            .pixel_size(size)
            .style(value.style)
            .lines(vec![Line::raw(value.content)])
            .centered()
            .build(),
        digits,
    );
    if let Some(deadline) = clock.state.deadline() {
        frame.render_widget(
            Paragraph::new(format!(
                "{} {} · {} {}",
                text::clock_due_text(),
                app.zone.format(deadline, "%a %d %b %H:%M"),
                app.zone.format_utc(deadline),
                text::STATUS_UTC
            ))
            .style(look.label())
            .alignment(Alignment::Center),
            due,
        );
    }
}

fn clock_line(look: Look, app: &App, c: &ClockView, width: usize) -> Line<'static> {
    let name = fit(
        &format!("{} · {}", content(&c.name), content(&c.authority)),
        width / 2,
    )
    .into_owned();
    Line::from(vec![
        Span::styled(format!("{name}   "), look.label()),
        urgency_cell(look, &c.state, app.now, Worded::Yes),
    ])
}

/// A bar of `width` cells for closed/total.
fn bar(closed: usize, total: usize, width: usize) -> String {
    let full = (closed * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}
