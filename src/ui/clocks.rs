//! The Clocks pane: time since declaration, then every clock that applies, most pressing
//! first — time left (amber when due soon, red and counting up when overdue), deadline
//! in local time and UTC, how early or late a met clock was, what a waiting clock waits
//! for. Clocks that do not apply are counted on the last line.

use super::format::{content, hms, safe};
use super::labels;
use super::list::SelectableList;
use super::{pane, rows, theme::Look};
use crate::app::{App, Pane};
use crate::domain::{ClockState, ClockView, IncidentState, Trigger, Urgency};
use crate::text;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::ListState;

/// Rows the pane would like: borders, the "since declared" line, two per clock and
/// one for the clocks that do not apply.
pub fn wanted_height(app: &App) -> u16 {
    let rows: usize = app.clock_rows().iter().map(|c| rows_of(&c.state)).sum();
    u16::try_from(rows + 4).unwrap_or(u16::MAX)
}

fn rows_of(state: &ClockState) -> usize {
    match state {
        ClockState::Waiting | ClockState::NotApplicable => 1,
        _ => 2,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, s: &IncidentState) {
    let block = pane(look, &labels::pane_clocks(), app, Some(Pane::Clocks));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [since, list_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    let since_line = match &s.closure {
        Some(closure) => Line::from(Span::styled(
            labels::closed_after(
                &hms(s.elapsed(app.now)),
                &text::resolution_name(&closure.resolution),
            ),
            look.strong(),
        )),
        None => Line::from(vec![
            Span::styled(format!("{} ", text::clock_since_declared()), look.label()),
            Span::styled(hms(s.elapsed(app.now)), look.strong()),
        ]),
    };
    rows::lines(frame.buffer_mut(), since, [since_line]);
    let rows = app.clock_rows();
    let width = usize::from(list_area.width);
    let focused = app.focus == Pane::Clocks && app.overlay.is_none();
    let list = SelectableList::new(rows.len(), |i| item(look, app, &rows[i], width))
        .heights(|i| rows_of(&rows[i].state))
        .highlight_style(look.highlight(focused));
    let mut state = ListState::default().with_selected(focused.then_some(app.cursors.clocks));
    frame.render_stateful_widget(list, list_area, &mut state);
    let not_applicable = s
        .clocks()
        .0
        .iter()
        .filter(|c| c.state == ClockState::NotApplicable)
        .count();
    // Running or overdue clocks the pane has no room for are never hidden silently.
    let hidden = hidden_running(&rows, state.offset(), list_area.height);
    let mut spans = Vec::new();
    if hidden > 0 {
        spans.push(Span::styled(
            labels::clocks_more_running(hidden),
            look.due_soon(),
        ));
    }
    let rest = match (rows.is_empty(), not_applicable) {
        (true, 0) => labels::clocks_none(),
        (_, 0) => String::new(),
        (_, n) => labels::clocks_not_applicable(n),
    };
    if !rest.is_empty() {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", look.dim()));
        }
        spans.push(Span::styled(rest, look.dim()));
    }
    rows::lines(frame.buffer_mut(), footer, [Line::from(spans)]);
}

/// How many running or overdue clocks lie past the rows shown, the list drawn from
/// `offset` in `height` rows (a waiting clock takes one row, any other two).
pub fn hidden_running(rows: &[ClockView], offset: usize, height: u16) -> usize {
    let mut left = usize::from(height);
    let mut shown = offset;
    for c in rows.iter().skip(offset) {
        let need = rows_of(&c.state);
        if need > left {
            break;
        }
        left -= need;
        shown += 1;
    }
    rows.iter()
        .enumerate()
        .filter(|(i, c)| {
            (*i < offset || *i >= shown) && matches!(c.state, ClockState::Running { .. })
        })
        .count()
}

/// Name and authority on the left, the value on the right of the first row; the
/// deadline, the reference or the reason on the second.
/// (Its lines are as many as [`rows_of`] says.)
fn item(look: Look, app: &App, c: &ClockView, width: usize) -> Text<'static> {
    let title = format!("{} · {}", content(&c.name), content(&c.authority));
    if let ClockState::Waiting = c.state {
        // The name keeps at least half the row; what it waits for gets the rest.
        let title_room = title.chars().count().min(width / 2);
        let waits = super::format::fit(&waits_for(app, c), width.saturating_sub(title_room + 1))
            .into_owned();
        let room = width.saturating_sub(waits.chars().count() + 1);
        return Text::from(Line::from(vec![
            Span::styled(super::format::fit(&title, room).into_owned(), look.dim()),
            Span::raw(" "),
            Span::styled(waits, look.dim()),
        ]));
    }
    let value = urgency_cell(look, &c.state, app.now, Worded::Yes);
    let value_chars = value.content.chars().count();
    let room = width.saturating_sub(value_chars + 1);
    let title = super::format::fit(&title, room).into_owned();
    let pad = width.saturating_sub(title.chars().count() + value_chars);
    let first = Line::from(vec![
        Span::styled(title, look.label()),
        Span::raw(" ".repeat(pad)),
        value,
    ]);
    let second = match &c.state {
        ClockState::Met { reference, at, .. } => format!(
            "  {} {} · {} {}",
            labels::clock_met_at(),
            when(app, *at),
            text::clock_ref(),
            safe(reference)
        ),
        ClockState::Waived { reason, .. } => format!("  {}", safe(reason)),
        other => match other.deadline() {
            Some(d) if c.in_business_hours => format!(
                "  {} {} · {}",
                text::clock_due_text(),
                when(app, d),
                labels::clock_business_hours()
            ),
            Some(d) => format!("  {} {}", text::clock_due_text(), when(app, d)),
            None => String::new(),
        },
    };
    Text::from(vec![first, Line::styled(second, look.dim())])
}

/// Whether an urgency cell says `left` or `overdue` after the time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Worded {
    Yes,
    No,
}

/// A clock's urgency as it is shown, in the Clocks pane and on the wall: the time left
/// (amber when due soon), `+` the time overdue in red, how early or late a met clock
/// was, or that it was waived; nothing for a clock that waits or does not apply.
pub fn urgency_cell(
    look: Look,
    state: &ClockState,
    now: DateTime<Utc>,
    worded: Worded,
) -> Span<'static> {
    let timed = |time: String, word: String, style: Style| {
        let text = match worded {
            Worded::Yes => format!("{time} {word}"),
            Worded::No => time,
        };
        Span::styled(text, style)
    };
    match state.urgency(now) {
        Urgency::Overdue(std::cmp::Reverse(by)) => timed(
            format!("+{}", hms(by)),
            text::clock_overdue(),
            look.overdue(),
        ),
        Urgency::DueSoon(left) => timed(hms(left), text::clock_left(), look.due_soon()),
        Urgency::Running(left) => timed(hms(left), text::clock_left(), look.strong()),
        Urgency::Met => Span::styled(met_by(state), look.done()),
        Urgency::Waived => Span::styled(text::clock_waived(), look.dim()),
        Urgency::Waiting | Urgency::NotApplicable => Span::styled("", look.dim()),
    }
}

/// `Tue 01 Dec 15:00 · 14:00 UTC`.
fn when(app: &App, t: DateTime<Utc>) -> String {
    format!(
        "{} · {} {}",
        app.zone.format(t, "%a %d %b %H:%M"),
        app.zone.format_utc(t),
        text::STATUS_UTC
    )
}

/// `met 09:12:33 early` / `met 01:00:00 late`.
fn met_by(state: &ClockState) -> String {
    match state {
        ClockState::Met {
            at,
            deadline: Some(deadline),
            ..
        } => {
            if at <= deadline {
                text::clock_met_early(&hms(*deadline - *at))
            } else {
                text::clock_met_late(&hms(*at - *deadline))
            }
        }
        _ => text::clock_met(),
    }
}

/// What a waiting clock waits for, with the key that records it.
fn waits_for(app: &App, c: &ClockView) -> String {
    use crate::app::Action;
    use crate::keys::Mode;
    let trigger = app
        .active
        .as_ref()
        .and_then(|a| a.state.clock_defs.iter().find(|d| d.id == c.id))
        .map(|d| d.starts.clone());
    let key = |action: Action| {
        app.config
            .keymap
            .keys_for(Mode::Dashboard, action)
            .first()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default()
    };
    match trigger {
        Some(Trigger::Flag(flag)) => {
            let action = match flag {
                crate::domain::Flag::PersonalData => Action::FlagPersonalData,
                crate::domain::Flag::Significant => Action::FlagSignificant,
                _ => Action::FlagMajor,
            };
            format!(
                "{} {}{}",
                labels::clock_waits(),
                text::flag_short(flag),
                key(action)
            )
        }
        Some(Trigger::RetainerAlerted) => {
            format!(
                "{} {}{}",
                labels::clock_waits(),
                labels::clock_retainer_alert(),
                key(Action::AlertRetainer)
            )
        }
        Some(Trigger::Closed) => format!("{} {}", labels::clock_waits(), labels::clock_closure()),
        Some(Trigger::Met(other)) => format!("{} {other}", labels::clock_waits_met()),
        _ => format!("{}{}", labels::clock_by_hand(), key(Action::StartClock)),
    }
}
