//! Drawing: a pure function of the app's state. Nothing here changes state or does I/O.
//!
//! ```text
//! ┌ Incident ─────────────────────────┐┌ Clocks ───────────────┐
//! │ id, title, severity, TLP, phase…  ││ since declared, SLA   │
//! └───────────────────────────────────┘└───────────────────────┘
//! ┌ Checklist ────────────────────────┐┌ Contacts ─────────────┐
//! │ phase strip, current phase items  ││ directory + detail    │
//! └───────────────────────────────────┘└───────────────────────┘
//! ┌ Journal ─────────────────────────────────────────────────────┐
//! │ newest events                                                │
//! └──────────────────────────────────────────────────────────────┘
//!  status: saved mark · data dir · local time · UTC
//! ```

mod checklist;
mod clocks;
mod contacts;
pub mod format;
mod help;
mod incident;
mod journal;
mod journal_view;
mod labels;
mod list;
mod overlays;
mod rows;
mod search;
mod status;
pub mod theme;
mod wall;
mod welcome;

use crate::app::{App, Overlay, Pane};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    theme::set(app.config.theme);
    crate::i18n::set(app.lang);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = text::too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    // A failed write's cause, too long for the status line, in full above it.
    let banner_rows = status::banner_rows(app, area.width);
    let [body, banner, status_line] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(banner_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    if banner_rows > 0 {
        status::banner(frame, banner, app);
    }
    match (&app.active, &app.journal_view) {
        (None, _) => welcome::draw(frame, body, app),
        (Some(active), Some(view)) => journal_view::draw(frame, body, app, active, view),
        (Some(active), None) if app.wall => wall::draw(frame, body, app, active),
        (Some(active), None) => dashboard(frame, body, app, active),
    }
    status::draw(frame, status_line, app);
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::draw(frame, body, app, *scroll),
        Some(Overlay::Picker { cursor }) => overlays::picker(frame, body, app, *cursor),
        Some(Overlay::Line(form)) => overlays::line(frame, body, app, form),
        Some(Overlay::NewIncident(form)) => overlays::new_incident(frame, body, app, form),
        Some(Overlay::Assign(form)) => overlays::assign(frame, body, app, form),
        Some(Overlay::Confirm(confirm)) => overlays::confirm(frame, body, confirm),
        Some(Overlay::Contact(form)) => overlays::contact(frame, body, form),
        Some(Overlay::Incident(form)) => overlays::incident(frame, body, form),
        Some(Overlay::Draft {
            title,
            text,
            scroll,
        }) => overlays::viewer(frame, body, title, text, *scroll),
    }
}

fn dashboard(frame: &mut Frame, area: Rect, app: &App, active: &crate::app::Active) {
    let exercise = u16::from(active.state.exercise);
    let journal_height = if area.height >= 36 { 9 } else { 6 };
    // The top row grows with the clocks, up to a third of the screen.
    let top_height = clocks::wanted_height(app).clamp(8, (area.height / 3).max(8));
    let [banner, top, middle, bottom] = Layout::vertical([
        Constraint::Length(exercise),
        Constraint::Length(top_height),
        Constraint::Min(5),
        Constraint::Length(journal_height),
    ])
    .areas(area);
    if exercise > 0 {
        exercise_banner(frame, banner);
    }
    let [incident_area, clocks_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
    let [checklist_area, contacts_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(middle);
    incident::draw(frame, incident_area, app, &active.state);
    clocks::draw(frame, clocks_area, app, &active.state);
    checklist::draw(frame, checklist_area, app, &active.state);
    contacts::draw(frame, contacts_area, app);
    journal::draw(frame, bottom, app, active);
}

fn exercise_banner(frame: &mut Frame, area: Rect) {
    let word = format!(" {} ", text::exercise());
    let repeat = usize::from(area.width) / word.chars().count() + 1;
    let line = Line::from(word.repeat(repeat)).style(theme::exercise());
    rows::lines(frame.buffer_mut(), area, [line]);
}

/// A bordered pane whose border shows whether it has the focus.
pub(crate) fn pane(title: &str, app: &App, pane: Option<Pane>) -> Block<'static> {
    let focused = pane.is_some_and(|p| p == app.focus) && app.overlay.is_none();
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme::border(focused))
        .title(Line::from(format!(" {title} ")).style(if focused {
            theme::border(true)
        } else {
            Style::new()
        }))
}

/// Renders one frame at `width`×`height` and returns it as plain text, one line per row,
/// trailing spaces trimmed. The same `draw` as the screen: `warroom snapshot` uses it.
pub fn to_text(app: &App, width: u16, height: u16) -> String {
    // The test backend cannot fail: its error type is `Infallible`.
    let Ok(mut terminal) =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|frame| draw(frame, app));
    buffer_text(terminal.backend().buffer())
}

pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let width = usize::from(buffer.area.width.max(1));
    let mut out = String::new();
    for row in buffer.content.chunks(width) {
        // The cell after a wide character is its right half: skip it.
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
