//! First run: what warroom is and the keys to start, generated from the keymap.

use super::labels;
use super::theme::Look;
use crate::app::App;
use crate::keys::Mode;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App) {
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", labels::welcome_title())).style(look.strong()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [_, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let intro: Vec<Line> = labels::welcome_body().into_iter().map(Line::raw).collect();
    let mut lines = vec![Line::styled(labels::welcome_keys_intro(), look.strong())];
    lines.extend(key_lines(look, app, Mode::Welcome));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        labels::welcome_dashboard_intro(),
        look.strong(),
    ));
    let padded =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(0)]).areas::<2>(body)[1];
    // The dashboard's keys go below the text, in two columns when one is too short.
    let width = usize::from(padded.width.max(1));
    let rows_of = |lines: &[Line]| -> u16 {
        let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
        u16::try_from(rows).unwrap_or(u16::MAX)
    };
    let ready = readiness_lines(look, app, usize::from(padded.height) / 4);
    let [intro_area, ready_area, top, keys] = Layout::vertical([
        Constraint::Length(rows_of(&intro)),
        Constraint::Length(u16::try_from(ready.len()).unwrap_or(u16::MAX)),
        Constraint::Length(rows_of(&lines)),
        Constraint::Min(0),
    ])
    .areas(padded);
    frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: false }), intro_area);
    frame.render_widget(Paragraph::new(ready), ready_area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), top);
    let mut dashboard = key_lines(look, app, Mode::Dashboard);
    let rows = usize::from(keys.height);
    // Two columns only when each is wide enough to read; else one, cut with a pointer
    // to the full list.
    if dashboard.len() <= rows || keys.width < 100 {
        if dashboard.len() > rows {
            dashboard.truncate(rows.saturating_sub(1));
            dashboard.push(Line::styled(
                format!("  {}", labels::welcome_more_keys()),
                look.dim(),
            ));
        }
        frame.render_widget(Paragraph::new(dashboard), keys);
        return;
    }
    let right = dashboard.split_off(dashboard.len().div_ceil(2));
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(keys);
    frame.render_widget(Paragraph::new(dashboard), left_area);
    frame.render_widget(Paragraph::new(right), right_area);
}

/// What the preparation lacks, in at most `rows` rows: a title, then each gap with its
/// fix, then how many more `warroom ready` lists. Nothing when ready.
fn readiness_lines(look: Look, app: &App, rows: usize) -> Vec<Line<'static>> {
    let gaps = &app.readiness;
    // The title, one gap, "… and N more" and a blank row: four at least.
    if gaps.is_empty() || rows < 4 {
        return Vec::new();
    }
    let mut lines = vec![Line::styled(
        text::ready_panel_title(gaps.len()),
        look.due_soon(),
    )];
    // The title, a blank row after, and a row for "… and N more" when some are left.
    let room = rows.saturating_sub(3).max(1);
    for gap in gaps.iter().take(room) {
        lines.push(Line::from(vec![
            Span::styled("✗ ", look.due_soon()),
            Span::raw(super::format::safe(&gap.what).into_owned()),
            Span::styled(format!(" — {}", super::format::safe(&gap.fix)), look.dim()),
        ]));
    }
    if gaps.len() > room {
        lines.push(Line::styled(
            text::ready_panel_more(gaps.len() - room),
            look.dim(),
        ));
    }
    lines.push(Line::raw(""));
    lines
}

/// One line per action of `mode`: its keys, then what it does.
pub fn key_lines(look: Look, app: &App, mode: Mode) -> Vec<Line<'static>> {
    let Some(bindings) = app.config.keymap.0.get(&mode) else {
        return vec![];
    };
    let mut seen = Vec::new();
    let mut lines = Vec::new();
    for (_, action) in &bindings.0 {
        // Taking over only means something to a follower whose owner has gone.
        let irrelevant = *action == crate::app::Action::TakeOver && !app.follower;
        if seen.contains(action) || irrelevant {
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
            Span::styled(format!("  {:<14}", keys.join(", ")), look.strong()),
            Span::raw(text::describe(*action)),
        ]));
    }
    lines
}
