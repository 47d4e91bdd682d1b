//! The `?` overlay: every key of every mode, straight from the keymap.

use super::labels;
use super::{theme::Look, welcome};
use crate::app::App;
use crate::keys::Mode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, scroll: usize) {
    let mut lines: Vec<Line> = Vec::new();
    for mode in [
        Mode::Dashboard,
        Mode::Welcome,
        Mode::Picker,
        Mode::Form,
        Mode::Confirm,
        Mode::Viewer,
        Mode::Journal,
        Mode::Investigation,
        Mode::Help,
        Mode::Global,
    ] {
        let keys = welcome::key_lines(look, app, mode);
        if keys.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(labels::mode_name(mode), look.strong()));
        lines.extend(keys);
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(area.width.min(90))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    let max_scroll = lines
        .len()
        .saturating_sub(usize::from(height.saturating_sub(2)));
    let scroll = u16::try_from(scroll.min(max_scroll)).unwrap_or(0);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", labels::pane_help()))
        .border_style(look.border(true));
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}
