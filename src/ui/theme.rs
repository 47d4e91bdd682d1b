//! Colours and styles. Red means overdue, amber due soon; severities use the colours of
//! the US Cyber Incident Severity Schema; TLP labels the colours FIRST prescribes.

use crate::domain::{Severity, Tlp};
use ratatui::style::{Color, Modifier, Style};

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
    Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD)
}

/// TLP 2.0 labels are shown in their colour on a black background.
pub fn tlp(label: Tlp) -> Style {
    let fg = match label {
        Tlp::Red => TLP_RED,
        Tlp::AmberStrict | Tlp::Amber => TLP_AMBER,
        Tlp::Green => TLP_GREEN,
        Tlp::Clear => Color::White,
    };
    Style::new()
        .fg(fg)
        .bg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

pub fn exercise() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Magenta)
        .add_modifier(Modifier::BOLD)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn label() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn strong() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn done() -> Style {
    Style::new().fg(Color::Green)
}

pub fn due_soon() -> Style {
    Style::new().fg(AMBER).add_modifier(Modifier::BOLD)
}

pub fn overdue() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new()
        .bg(Color::Rgb(40, 60, 90))
        .add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}
