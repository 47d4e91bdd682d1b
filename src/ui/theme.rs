//! Colours and styles. Red means overdue, amber due soon; severities use the colours of
//! the US Cyber Incident Severity Schema; TLP labels the colours FIRST prescribes.

use crate::domain::{Severity, Tlp};
use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;

pub use crate::config::ThemeKind;

thread_local! {
    // Set by `ui::draw` from the app at the start of every frame, so drawing stays a
    // function of the app's state (and tests on other threads do not interfere).
    static THEME: Cell<ThemeKind> = const { Cell::new(ThemeKind::Standard) };
}

pub fn set(kind: ThemeKind) {
    THEME.with(|t| t.set(kind));
}

/// A style as the current theme draws it.
fn apply(style: Style) -> Style {
    match THEME.with(Cell::get) {
        ThemeKind::Standard => style,
        ThemeKind::HighContrast => {
            let brighter = |c: Option<Color>| match c {
                Some(Color::DarkGray) => Some(Color::Gray),
                Some(Color::Gray) => Some(Color::White),
                other => other,
            };
            let mut s = style;
            s.fg = brighter(s.fg);
            if s.bg == Some(Color::Rgb(40, 60, 90)) {
                s.bg = Some(Color::Blue);
            }
            s.add_modifier(Modifier::BOLD)
        }
        ThemeKind::Mono => {
            // No colour: what a background marked (banners, overdue, selection) is shown
            // reversed instead.
            let marked = style.bg.is_some_and(|c| c != Color::Reset);
            let mut s = style;
            s.fg = None;
            s.bg = None;
            s.underline_color = None;
            if marked {
                s = s.add_modifier(Modifier::REVERSED);
            }
            s
        }
    }
}

pub const AMBER: Color = Color::Rgb(255, 191, 0);
pub const ORANGE: Color = Color::Rgb(255, 140, 0);
pub const TLP_RED: Color = Color::Rgb(255, 43, 43);
pub const TLP_AMBER: Color = Color::Rgb(255, 192, 0);
pub const TLP_GREEN: Color = Color::Rgb(51, 255, 0);

pub fn severity(sev: Severity) -> Style {
    let (fg, bg) = match sev {
        Severity::Emergency => (Color::White, Color::Black),
        Severity::Severe => (Color::White, Color::Red),
        Severity::High => (Color::Black, ORANGE),
        Severity::Medium => (Color::Black, Color::Yellow),
        Severity::Low => (Color::Black, Color::Green),
        Severity::Baseline => (Color::Black, Color::White),
    };
    apply(Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD))
}

/// TLP 2.0 labels are shown in their colour on a black background.
pub fn tlp(label: Tlp) -> Style {
    let fg = match label {
        Tlp::Red => TLP_RED,
        Tlp::AmberStrict | Tlp::Amber => TLP_AMBER,
        Tlp::Green => TLP_GREEN,
        Tlp::Clear => Color::White,
    };
    apply(
        Style::new()
            .fg(fg)
            .bg(Color::Black)
            .add_modifier(Modifier::BOLD),
    )
}

pub fn exercise() -> Style {
    apply(
        Style::new()
            .fg(Color::Black)
            .bg(Color::Magenta)
            .add_modifier(Modifier::BOLD),
    )
}

pub fn border(focused: bool) -> Style {
    apply(if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    })
}

pub fn label() -> Style {
    apply(Style::new().fg(Color::Gray))
}

pub fn dim() -> Style {
    apply(Style::new().fg(Color::DarkGray))
}

pub fn strong() -> Style {
    apply(Style::new().add_modifier(Modifier::BOLD))
}

pub fn done() -> Style {
    apply(Style::new().fg(Color::Green))
}

pub fn due_soon() -> Style {
    apply(Style::new().fg(AMBER).add_modifier(Modifier::BOLD))
}

pub fn overdue() -> Style {
    apply(
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD),
    )
}

pub fn selected() -> Style {
    apply(
        Style::new()
            .bg(Color::Rgb(40, 60, 90))
            .add_modifier(Modifier::BOLD),
    )
}

/// The selected row's style in a list: marked only while its pane has the focus.
pub fn highlight(focused: bool) -> Style {
    if focused { selected() } else { Style::new() }
}

pub fn error() -> Style {
    apply(
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD),
    )
}

pub fn ok() -> Style {
    apply(Style::new().fg(Color::Green))
}
