//! The Contacts pane: for the incident at hand, the escalation plan (who should have
//! been alerted, who has been reached, the next one to call on top), then the
//! directory; `/` filters it by fuzzy search with the matched letters highlighted; the
//! selected contact's details below.

use super::format::{content, fit, safe};
use super::labels;
use super::list::SelectableList;
use super::{pane, rows, search, theme::Look};
use crate::app::{App, ContactRow, Pane};
use crate::domain::{Contact, ContactKind, StepStatus};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListState, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App) {
    let directory = app.directory();
    let rows = app.contact_rows(&directory);
    let block = pane(look, &labels::pane_contacts(), app, Some(Pane::Contacts));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let search_rows = u16::from(app.search.is_some());
    let detail_height = match inner.height {
        16.. => 5,
        9.. => 3,
        _ => 0,
    };
    let [search_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(search_rows),
        Constraint::Min(0),
        Constraint::Length(detail_height),
    ])
    .areas(inner);
    if let Some(search) = &app.search {
        search::bar(frame.buffer_mut(), search_area, look, search);
    }
    let width = usize::from(list_area.width);
    let focused = app.focus == Pane::Contacts && app.overlay.is_none();
    let cursor = app.cursors.contacts.min(rows.len().saturating_sub(1));
    if rows.is_empty() {
        let none = Line::styled(labels::search_none(), look.dim());
        rows::lines(frame.buffer_mut(), list_area, [none]);
    } else {
        let list = SelectableList::new(rows.len(), |n| row(look, app, &rows[n], &directory, width))
            .highlight_style(look.highlight(focused));
        let mut state = ListState::default().with_selected(Some(cursor));
        frame.render_stateful_widget(list, list_area, &mut state);
    }
    let selected = rows.get(cursor).and_then(|r| match r {
        ContactRow::Step { contact, .. } => contact.and_then(|i| directory.get(i)),
        ContactRow::Contact { index, .. } => directory.get(*index),
    });
    if let Some(c) = selected.filter(|_| detail_height > 0) {
        frame.render_widget(
            Paragraph::new(detail(look, c))
                .wrap(Wrap { trim: true })
                .block(
                    ratatui::widgets::Block::new()
                        .borders(ratatui::widgets::Borders::TOP)
                        .border_style(look.dim()),
                ),
            detail_area,
        );
    }
}

fn row(
    look: Look,
    app: &App,
    r: &ContactRow,
    directory: &[Contact],
    width: usize,
) -> Line<'static> {
    match r {
        ContactRow::Step { step, contact } => {
            let who = contact
                .and_then(|i| directory.get(i))
                .map_or_else(labels::nobody_for_role, |c| content(&c.name).into_owned());
            let (mark, status, style) = match &step.status {
                StepStatus::Reached { at, .. } => (
                    "✓",
                    format!("{} {}", text::step_reached(), app.zone.format(*at, "%H:%M")),
                    look.done(),
                ),
                StepStatus::Tried { attempts, last, at } => (
                    "…",
                    format!(
                        "{} ×{attempts} {}",
                        text::outcome_name(*last),
                        app.zone.format(*at, "%H:%M")
                    ),
                    look.due_soon(),
                ),
                StepStatus::ToCall => ("○", text::step_to_call(), look.strong()),
            };
            let left = format!("{mark} {} · {who}", content(app.role_name(&step.role)));
            let room = width.saturating_sub(status.chars().count() + 1);
            let left = fit(&left, room).into_owned();
            let pad = width.saturating_sub(left.chars().count() + status.chars().count());
            Line::from(vec![
                Span::styled(left, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(status, style),
            ])
        }
        ContactRow::Contact { index, name_chars } => {
            let Some(c) = directory.get(*index) else {
                return Line::raw("");
            };
            let mut spans = highlighted(look, &crate::i18n::localized(&c.name), name_chars);
            if !c.verified {
                spans.push(Span::styled(" ⚠", look.due_soon()));
            }
            if let Some(phone) = c.phones.first() {
                spans.push(Span::raw(format!("  {}", safe(phone))));
            }
            if !c.role.is_empty() {
                spans.push(Span::styled(format!("  {}", content(&c.role)), look.dim()));
            }
            Line::from(spans)
        }
    }
}

/// The name with the characters a search matched in bold and underlined.
fn highlighted(look: Look, name: &str, chars: &[usize]) -> Vec<Span<'static>> {
    let name = safe(name);
    if chars.is_empty() {
        return vec![Span::styled(name.into_owned(), look.strong())];
    }
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if chars.binary_search(&i).is_ok() {
                look.strong()
                    .add_modifier(Modifier::UNDERLINED | Modifier::REVERSED)
            } else {
                look.strong()
            };
            Span::styled(c.to_string(), style)
        })
        .collect()
}

/// Phones, e-mail, other channels, availability; kind and contract; the notes; the
/// verification mark and the source.
fn detail(look: Look, c: &Contact) -> Vec<Line<'static>> {
    let mut reach: Vec<String> = c.phones.iter().map(|p| safe(p).into_owned()).collect();
    if !c.email.is_empty() {
        reach.push(safe(&c.email).into_owned());
    }
    reach.extend(c.channels.iter().map(|x| safe(x).into_owned()));
    if !c.availability.is_empty() {
        reach.push(content(&c.availability).into_owned());
    }
    let mut facts = vec![text::kind_name(c.kind).to_string()];
    if !c.organisation.is_empty() && c.kind != ContactKind::Retainer {
        facts.push(safe(&c.organisation).into_owned());
    }
    if !c.contract.is_empty() {
        facts.push(format!(
            "{} {}",
            labels::contact_contract(),
            safe(&c.contract)
        ));
    }
    // The retainer's role already says its response times by severity.
    if c.kind == ContactKind::Retainer {
        facts.push(safe(&c.role).into_owned());
    } else if let Some(m) = c.response_minutes {
        facts.push(text::retainer_role_plain(m));
    }
    let mut lines = vec![
        Line::styled(reach.join(" · "), look.label()),
        Line::styled(facts.join(" · "), look.dim()),
    ];
    if !c.verified {
        lines.push(Line::styled(text::verify_before_use(), look.due_soon()));
    }
    if !c.notes.is_empty() {
        lines.push(Line::styled(content(&c.notes).into_owned(), look.dim()));
    }
    let mut origin = Vec::new();
    if let Some(date) = c.checked {
        origin.push(format!("{} {date}", labels::contact_checked()));
    }
    if !c.source.is_empty() {
        origin.push(format!("{} {}", labels::contact_source(), safe(&c.source)));
    }
    if !origin.is_empty() {
        lines.push(Line::styled(origin.join(" · "), look.dim()));
    }
    lines
}
