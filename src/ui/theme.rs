//! Colours and styles. Red means overdue, amber due soon; severities use the colours of
//! the US Cyber Incident Severity Schema; TLP labels the colours FIRST prescribes.
//!
//! Every style is asked of the frame's [`Look`]: `look.dim()`, `look.severity(sev)`.

use crate::app::App;
use crate::domain::{Severity, Tlp};
use crate::i18n::Lang;
use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeKind;

/// How one frame is drawn: its theme and its language. Made once by `ui::draw` from the
/// app and handed to every function that draws, so a frame depends on the app alone —
/// not on what the frame before it (or another app on the same thread) set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub theme: ThemeKind,
    pub lang: Lang,
}

impl Look {
    pub fn of(app: &App) -> Look {
        Look {
            theme: app.config.theme,
            lang: app.lang,
        }
    }

    /// A style as this look's theme draws it.
    fn apply(self, style: Style) -> Style {
        match self.theme {
            ThemeKind::Standard => style,
            ThemeKind::HighContrast => {
                let brighter = |c: Option<Color>| match c {
                    Some(Color::DarkGray) => Some(Color::Gray),
                    Some(Color::Gray) => Some(Color::White),
                    other => other,
                };
                let mut s = style;
                s.fg = brighter(s.fg);
                if s.bg == Some(SELECTED_BG) {
                    s.bg = Some(Color::Blue);
                }
                s.add_modifier(Modifier::BOLD)
            }
            ThemeKind::Mono => {
                // No colour: what a background marked (banners, overdue, selection) is
                // shown reversed instead.
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

    /// `fg` on `bg`, in bold: what must stand out (a banner, a label, a deadline).
    fn marked(self, fg: Color, bg: Color) -> Style {
        self.apply(Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD))
    }

    pub fn severity(self, sev: Severity) -> Style {
        let (fg, bg) = match sev {
            Severity::Emergency => (Color::White, Color::Black),
            Severity::Severe => (Color::White, Color::Red),
            Severity::High => (Color::Black, ORANGE),
            Severity::Medium => (Color::Black, Color::Yellow),
            Severity::Low => (Color::Black, Color::Green),
            Severity::Baseline => (Color::Black, Color::White),
        };
        self.marked(fg, bg)
    }

    /// TLP 2.0 labels are shown in their colour on a black background.
    pub fn tlp(self, label: Tlp) -> Style {
        let fg = match label {
            Tlp::Red => TLP_RED,
            Tlp::AmberStrict | Tlp::Amber => TLP_AMBER,
            Tlp::Green => TLP_GREEN,
            Tlp::Clear => Color::White,
        };
        self.marked(fg, Color::Black)
    }

    pub fn exercise(self) -> Style {
        self.marked(Color::Black, Color::Magenta)
    }

    pub fn border(self, focused: bool) -> Style {
        self.apply(if focused {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::DarkGray)
        })
    }

    pub fn label(self) -> Style {
        self.apply(Style::new().fg(Color::Gray))
    }

    pub fn dim(self) -> Style {
        self.apply(Style::new().fg(Color::DarkGray))
    }

    pub fn strong(self) -> Style {
        self.apply(Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn done(self) -> Style {
        self.apply(Style::new().fg(Color::Green))
    }

    pub fn due_soon(self) -> Style {
        self.apply(Style::new().fg(AMBER).add_modifier(Modifier::BOLD))
    }

    pub fn overdue(self) -> Style {
        self.marked(Color::White, Color::Red)
    }

    pub fn selected(self) -> Style {
        self.apply(Style::new().bg(SELECTED_BG).add_modifier(Modifier::BOLD))
    }

    /// The selected row's style in a list: marked only while its pane has the focus.
    pub fn highlight(self, focused: bool) -> Style {
        if focused {
            self.selected()
        } else {
            Style::new()
        }
    }

    pub fn error(self) -> Style {
        self.marked(Color::White, Color::Red)
    }

    pub fn ok(self) -> Style {
        self.apply(Style::new().fg(Color::Green))
    }
}

pub const AMBER: Color = Color::Rgb(255, 191, 0);
pub const ORANGE: Color = Color::Rgb(255, 140, 0);
pub const TLP_RED: Color = Color::Rgb(255, 43, 43);
pub const TLP_AMBER: Color = Color::Rgb(255, 192, 0);
pub const TLP_GREEN: Color = Color::Rgb(51, 255, 0);
/// The selected row's background (bright blue in high contrast).
const SELECTED_BG: Color = Color::Rgb(40, 60, 90);
