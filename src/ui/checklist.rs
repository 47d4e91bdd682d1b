//! The Checklist pane: a strip of phases with a progress bar each, the shown phase's
//! items with owner, assignee and who ticked them when, and the selected item's hints.

use super::format::{content, fit, safe};
use super::labels;
use super::list::SelectableList;
use super::{pane, rows, theme::Look};
use crate::app::{App, Filter, Pane};
use crate::domain::{ChecklistItem, IncidentState};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::ListState;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, s: &IncidentState) {
    let shown = app.viewed_phase();
    let title = title(app, s, shown);
    let block = pane(look, &title, app, Some(Pane::Checklist));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let detail_rows = u16::from(inner.height >= 6);
    let [strip, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(detail_rows),
    ])
    .areas(inner);
    let strip_line = phase_strip(look, s, shown, usize::from(strip.width));
    rows::lines(frame.buffer_mut(), strip, [strip_line]);

    let visible = app.visible_items();
    if visible.is_empty() {
        let empty = match app.filter {
            Filter::All => labels::checklist_empty(),
            Filter::Open => labels::checklist_none_open(),
            Filter::Mine => labels::checklist_none_mine(),
        };
        rows::lines(
            frame.buffer_mut(),
            list_area,
            [Line::styled(empty, look.dim())],
        );
        return;
    }
    let width = usize::from(list_area.width);
    // Owner and assignee on every row, or (narrow pane) only on the detail line.
    let with_people = width >= 66;
    let focused = app.focus == Pane::Checklist && app.overlay.is_none();
    // Worked out once per frame, not per row: it reads every clock's state.
    let carried: Vec<&str> = s.carried_over().map(|i| i.id.as_str()).collect();
    let list = SelectableList::new(visible.len(), |n| {
        let item = visible[n];
        row(
            look,
            app,
            item,
            width,
            with_people,
            carried.contains(&item.id.as_str()),
        )
    })
    .highlight_style(look.highlight(focused));
    let mut state = ListState::default().with_selected(Some(app.cursors.checklist));
    frame.render_stateful_widget(list, list_area, &mut state);
    if let Some(item) = visible.get(app.cursors.checklist) {
        rows::lines(frame.buffer_mut(), detail_area, [detail(look, app, item)]);
    }
}

/// `Checklist — Containment 3/11`, plus the filter and a reminder when the shown phase
/// is not the one the incident is in.
fn title(app: &App, s: &IncidentState, shown: usize) -> String {
    let Some(phase) = s.phases.get(shown) else {
        return labels::pane_checklist();
    };
    let (closed, total) = s.progress(shown);
    let mut title = format!(
        "{} — {} {closed}/{total}",
        labels::pane_checklist(),
        content(&phase.name)
    );
    if app.filter != Filter::All {
        title.push_str(&format!(" · {}", labels::filter_name(app.filter)));
    }
    if shown != s.current_phase {
        title.push_str(&format!(" · {}", labels::checklist_not_current()));
    }
    title
}

/// `[x] 14:02 alex Isolate the hosts… → Sam · IT lead`: the text is cut so that who
/// owns and who has the item stay visible on the right.
fn row(
    look: Look,
    app: &App,
    item: &ChecklistItem,
    width: usize,
    with_people: bool,
    carried: bool,
) -> Line<'static> {
    let mut spans = match (&item.done, &item.not_applicable) {
        (Some(done), _) => vec![
            Span::styled("[x] ", look.done()),
            Span::styled(
                format!("{} {} ", app.zone.format(done.at, "%H:%M"), safe(&done.by)),
                look.done(),
            ),
        ],
        (None, Some(_)) => vec![Span::styled("[-] ", look.dim())],
        (None, None) => vec![Span::raw("[ ] ")],
    };
    // A step carried over from an earlier phase says so.
    if carried {
        spans.push(Span::styled(
            format!("{} ", labels::carried_mark()),
            look.due_soon(),
        ));
    }
    let mut tail = Vec::new();
    if with_people {
        if let Some(person) = &item.assignee {
            tail.push(Span::styled(format!(" → {}", safe(person)), look.label()));
        }
        if let Some(owner) = &item.owner {
            tail.push(Span::styled(
                format!(" · {}", content(app.role_name(owner))),
                look.dim(),
            ));
        }
    }
    let used = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let room = width.saturating_sub(used(&spans) + used(&tail));
    let text_style = if item.not_applicable.is_some() {
        look.dim()
    } else {
        ratatui::style::Style::new()
    };
    spans.push(Span::styled(
        fit(&content(&item.text), room).into_owned(),
        text_style,
    ));
    spans.extend(tail);
    Line::from(spans)
}

/// The selected item's particulars: why not applicable, whom to call, what to keep,
/// which clocks it starts or stops.
fn detail(look: Look, app: &App, item: &ChecklistItem) -> Line<'static> {
    let mut parts: Vec<(String, String)> = Vec::new();
    if let Some(owner) = &item.owner {
        parts.push((
            labels::label_owner(),
            content(app.role_name(owner)).into_owned(),
        ));
    }
    if let Some(person) = &item.assignee {
        parts.push((labels::label_assignee(), safe(person).into_owned()));
    }
    if let Some(na) = &item.not_applicable {
        parts.push((labels::hint_not_applicable(), safe(&na.reason).into_owned()));
    }
    let hints = &item.hints;
    if let Some(call) = &hints.call {
        parts.push((text::hint_call(), content(app.role_name(call)).into_owned()));
    }
    if let Some(evidence) = &hints.evidence {
        parts.push((text::hint_keep(), content(evidence).into_owned()));
    }
    if !hints.starts.is_empty() {
        parts.push((text::hint_starts(), hints.starts.join(", ")));
    }
    if !hints.stops.is_empty() {
        parts.push((text::hint_stops(), hints.stops.join(", ")));
    }
    parts.push((labels::hint_id(), item.id.clone()));
    let mut spans = Vec::new();
    for (n, (label, value)) in parts.into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", look.dim()));
        }
        spans.push(Span::styled(
            format!("{} ", text::colon(&label)),
            look.label(),
        ));
        spans.push(Span::styled(value, look.dim()));
    }
    Line::from(spans)
}

/// One label per phase, made as detailed as `width` allows: name, count and a bar;
/// then name and count; then names cut short. The current phase is marked `▶`, the
/// shown one highlighted.
fn phase_strip(look: Look, s: &IncidentState, shown: usize, width: usize) -> Line<'static> {
    // Counted once: the labels are built several times while looking for a fit.
    let progress: Vec<(usize, usize)> = (0..s.phases.len()).map(|i| s.progress(i)).collect();
    let labels = |detail: Detail| -> Vec<String> {
        s.phases
            .iter()
            .zip(&progress)
            .enumerate()
            .map(|(i, (phase, &(closed, total)))| {
                let marker = if i == s.current_phase { "▶" } else { "" };
                let name = content(&phase.name);
                match detail {
                    Detail::Bar => {
                        format!("{marker}{name} {} {closed}/{total}", bar(closed, total))
                    }
                    Detail::Count => format!("{marker}{name} {closed}/{total}"),
                    Detail::Short(cut) => {
                        let short: String = name.chars().take(cut).collect();
                        format!("{marker}{} {closed}/{total}", short.trim_end())
                    }
                }
            })
            .collect()
    };
    // Wide separators while names are readable, thin ones when every column counts.
    let separator = |detail: Detail| match detail {
        Detail::Short(cut) if cut < 5 => "│",
        _ => " │ ",
    };
    let fits = |labels: &[String], sep: &str| {
        let seps = sep.width() * labels.len().saturating_sub(1);
        labels.iter().map(|l| l.width()).sum::<usize>() + seps <= width
    };
    let levels = [Detail::Bar, Detail::Count]
        .into_iter()
        .chain((1..=12).rev().map(Detail::Short));
    let mut chosen = (labels(Detail::Short(1)), "│");
    for detail in levels {
        let candidate = labels(detail);
        if fits(&candidate, separator(detail)) {
            chosen = (candidate, separator(detail));
            break;
        }
    }
    let (chosen, sep) = chosen;
    let mut spans = Vec::new();
    for (i, label) in chosen.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(sep, look.dim()));
        }
        let (closed, total) = progress[i];
        let style = if i == shown {
            look.selected()
        } else if i == s.current_phase {
            look.strong()
        } else if total > 0 && closed == total {
            look.done()
        } else {
            look.dim()
        };
        spans.push(Span::styled(label, style));
    }
    Line::from(spans)
}

#[derive(Clone, Copy)]
enum Detail {
    Bar,
    Count,
    Short(usize),
}

/// A five-cell progress bar: `██░░░`.
fn bar(closed: usize, total: usize) -> String {
    const CELLS: usize = 5;
    let full = match (closed, total) {
        (_, 0) | (0, _) => 0,
        (c, t) if c >= t => CELLS,
        // Some progress shows at least one cell; unfinished never shows all five.
        (c, t) => (c * CELLS / t).clamp(1, CELLS - 1),
    };
    format!("{}{}", "█".repeat(full), "░".repeat(CELLS - full))
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bar_is_empty_only_when_nothing_is_closed_and_full_only_when_all_are() {
        assert_eq!(bar(0, 8), "░░░░░");
        assert_eq!(bar(1, 8), "█░░░░");
        assert_eq!(bar(7, 8), "████░");
        assert_eq!(bar(8, 8), "█████");
        assert_eq!(bar(0, 0), "░░░░░");
    }
}
