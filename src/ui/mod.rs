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
mod investigation_view;
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
use theme::Look;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    let look = Look::of(app);
    // The words of this frame, including the flashes and errors the app keeps as
    // `Said`, are made in its language: `tr` reads the thread's language, which the
    // app's text built in `update` (the same thread) then shares.
    crate::i18n::set(look.lang);
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
        status::banner(frame, banner, look, app);
    }
    match (&app.active, &app.journal_view) {
        (None, _) => welcome::draw(frame, body, look, app),
        (Some(active), Some(view)) => journal_view::draw(frame, body, look, app, active, view),
        (Some(active), None) if app.investigation.is_some() => {
            if let Some(view) = &app.investigation {
                investigation_view::draw(frame, body, look, app, active, view);
            }
        }
        (Some(active), None) if app.wall => wall::draw(frame, body, look, app, active),
        (Some(active), None) => dashboard(frame, body, look, app, active),
    }
    status::draw(frame, status_line, look, app);
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::draw(frame, body, look, app, *scroll),
        Some(Overlay::Picker { cursor }) => overlays::picker(frame, body, look, app, *cursor),
        Some(Overlay::Line(form)) => overlays::line(frame, body, look, app, form),
        Some(Overlay::NewIncident(form)) => overlays::new_incident(frame, body, look, app, form),
        Some(Overlay::Assign(form)) => overlays::assign(frame, body, look, app, form),
        Some(Overlay::Confirm(confirm)) => overlays::confirm(frame, body, look, confirm),
        Some(Overlay::Contact(form)) => overlays::contact(frame, body, look, form),
        Some(Overlay::Incident(form)) => overlays::incident(frame, body, look, form),
        Some(Overlay::Review(form)) => overlays::review(frame, body, look, form),
        Some(Overlay::Draft {
            title,
            text,
            scroll,
        }) => overlays::viewer(frame, body, look, title, text, *scroll),
    }
}

fn dashboard(frame: &mut Frame, area: Rect, look: Look, app: &App, active: &crate::app::Active) {
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
        exercise_banner(frame, banner, look);
    }
    let [incident_area, clocks_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
    let [checklist_area, contacts_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(middle);
    incident::draw(frame, incident_area, look, app, &active.state);
    clocks::draw(frame, clocks_area, look, app, &active.state);
    checklist::draw(frame, checklist_area, look, app, &active.state);
    contacts::draw(frame, contacts_area, look, app);
    journal::draw(frame, bottom, look, app, active);
}

fn exercise_banner(frame: &mut Frame, area: Rect, look: Look) {
    let word = format!(" {} ", text::exercise());
    let repeat = usize::from(area.width) / word.chars().count() + 1;
    let line = Line::from(word.repeat(repeat)).style(look.exercise());
    rows::lines(frame.buffer_mut(), area, [line]);
}

/// A bordered pane whose border shows whether it has the focus.
pub(crate) fn pane(look: Look, title: &str, app: &App, pane: Option<Pane>) -> Block<'static> {
    let focused = pane.is_some_and(|p| p == app.focus) && app.overlay.is_none();
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(look.border(focused))
        .title(Line::from(format!(" {title} ")).style(if focused {
            look.border(true)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Start, Zone};
    use crate::config::Config;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::style::Color;
    use theme::ThemeKind;

    fn app(theme: ThemeKind) -> App {
        let mut config = Config::embedded().unwrap();
        config.theme = theme;
        App::new(Start {
            config,
            author: "camille".into(),
            data_dir: "/var/lib/warroom".into(),
            now: chrono::DateTime::UNIX_EPOCH,
            zone: Zone::Fixed(chrono::FixedOffset::east_opt(3600).unwrap()),
            incidents: vec![],
            events: None,
            directory: vec![],
        })
    }

    fn frame(app: &App) -> Buffer {
        let mut terminal = ratatui::Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|frame| draw(frame, app)).unwrap();
        terminal.backend().buffer().clone()
    }

    fn coloured(buffer: &Buffer) -> bool {
        buffer
            .content
            .iter()
            .any(|c| c.fg != Color::Reset || c.bg != Color::Reset)
    }

    /// Each frame is drawn in its own app's theme, whatever the thread drew before: a
    /// theme left behind by the previous frame would show here.
    #[test]
    fn frames_in_different_themes_on_one_thread_keep_their_own() {
        let standard = app(ThemeKind::Standard);
        let mono = app(ThemeKind::Mono);
        let bright = app(ThemeKind::HighContrast);
        let first = frame(&standard);
        assert!(coloured(&first));
        assert!(!coloured(&frame(&mono)));
        assert_eq!(frame(&standard), first, "standard after mono");
        let high = frame(&bright);
        assert!(high.content.iter().all(|c| c.fg != Color::DarkGray));
        assert_eq!(frame(&standard), first, "standard after high contrast");
        assert!(!coloured(&frame(&mono)), "mono after high contrast");
        assert_eq!(frame(&bright), high, "high contrast after mono");
    }
}
