//! First run: what warroom is and the keys to start, generated from the keymap.

use super::theme;
use crate::app::App;
use crate::app::keymap::Mode;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", text::WELCOME_TITLE)).style(theme::strong()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [_, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let mut lines: Vec<Line> = text::WELCOME_BODY.iter().map(|l| Line::raw(*l)).collect();
    lines.push(Line::styled(text::WELCOME_KEYS_INTRO, theme::strong()));
    lines.extend(key_lines(app, Mode::Welcome));
    lines.push(Line::raw(""));
    lines.push(Line::styled(text::WELCOME_DASHBOARD_INTRO, theme::strong()));
    lines.extend(key_lines(app, Mode::Dashboard));
    let padded =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(0)]).areas::<2>(body)[1];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), padded);
}

/// One line per action of `mode`: its keys, then what it does.
pub fn key_lines(app: &App, mode: Mode) -> Vec<Line<'static>> {
    let Some(bindings) = app.config.keymap.0.get(&mode) else {
        return vec![];
    };
    let mut seen = Vec::new();
    let mut lines = Vec::new();
    for (_, action) in &bindings.0 {
        if seen.contains(action) {
            continue;
        }
        seen.push(*action);
        let keys: Vec<String> = app
            .config
            .keymap
            .keys_for(mode, *action)
            .iter()
            .map(|k| k.to_string())
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<16}", keys.join(", ")), theme::strong()),
            Span::raw(text::describe(*action)),
        ]));
    }
    lines
}
