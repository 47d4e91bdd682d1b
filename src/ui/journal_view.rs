//! The full-screen journal (`J`): tabs for the journal, the evidence register and the
//! lessons learned. Only the rows on screen are formatted, so a 100,000-event journal
//! draws as fast as a short one.

use super::format::{fit, safe};
use super::labels;
use super::list::rows;
use super::{search, theme::Look};
use crate::app::{Active, App, JournalTab, JournalView, KindFilter};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &JournalView,
) {
    let mut title = vec![Span::styled(
        format!(" {} ", labels::journal_view_title()),
        look.border(true),
    )];
    if active.state.exercise {
        title.insert(
            0,
            Span::styled(format!(" {} ", text::exercise()), look.exercise()),
        );
    }
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(look.border(true))
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let input_rows = u16::from(view.quick_note.is_some() || view.search.is_some());
    let [tabs, body, detail, input] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(4),
        Constraint::Length(input_rows),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(tab_strip(look, app, active, view)), tabs);
    match view.tab {
        JournalTab::Journal => journal(frame, body, detail, look, app, active, view),
        JournalTab::Evidence => evidence(frame, body, detail, look, app, active, view),
        JournalTab::Lessons => lessons(frame, body, look, active, view),
    }
    if let Some(note) = &view.quick_note {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{} ", labels::quick_note()), look.label()),
                Span::styled(safe(note.value()).into_owned(), look.strong()),
                Span::styled(format!("  {}", labels::quick_note_hint()), look.dim()),
            ])),
            input,
        );
    } else if let Some(search) = &view.search {
        search::bar(frame.buffer_mut(), input, look, search);
    }
}

fn tab_strip(look: Look, app: &App, active: &Active, view: &JournalView) -> Line<'static> {
    let s = &active.state;
    let labels = [
        (
            JournalTab::Journal,
            format!("{} ({})", text::pane_journal(), active.events.len()),
        ),
        (
            JournalTab::Evidence,
            format!("{} ({})", text::report_evidence(), s.evidence.len()),
        ),
        (
            JournalTab::Lessons,
            format!("{} ({})", text::report_lessons(), s.lessons.len()),
        ),
    ];
    let mut spans = Vec::new();
    for (i, (tab, label)) in labels.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", look.dim()));
        }
        let style = if tab == view.tab {
            look.selected()
        } else {
            look.dim()
        };
        spans.push(Span::styled(label, style));
    }
    if view.tab == JournalTab::Journal {
        spans.push(Span::styled(
            format!(
                "   {}: {}",
                labels::label_showing(),
                labels::kind_filter_name(view.kind)
            ),
            if view.kind == KindFilter::All {
                look.dim()
            } else {
                look.label()
            },
        ));
    }
    let _ = app;
    Line::from(spans)
}

fn journal(
    frame: &mut Frame,
    body: Rect,
    detail: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &JournalView,
) {
    let ids = app.journal_rows();
    let width = usize::from(body.width);
    let state = &active.state;
    let event_of = |id: u64| {
        active
            .events
            .get(usize::try_from(id).unwrap_or(0).wrapping_sub(1))
    };
    rows(
        frame,
        body,
        look,
        view.cursor,
        ids.len(),
        labels::journal_nothing,
        |i| {
            let Some(e) = event_of(ids[i]) else {
                return Line::default();
            };
            let id = &ids[i];
            let amended = state.retracted.contains_key(id) || state.corrections.contains_key(id);
            let logged = e
                .logged_apart()
                .map(|t| format!("({}) ", text::logged_at(&app.zone.format(t, "%d %b %H:%M"))));
            let head = format!(
                "{} · {} {}  #{:<6} {:<12} {}",
                app.zone.format(e.occurred(), "%a %d %b %H:%M:%S"),
                app.zone.format_utc(e.occurred()),
                text::STATUS_UTC,
                e.id,
                fit(&safe(&e.author), 12),
                logged.unwrap_or_default()
            );
            let body_text = safe(&text::event_line(&e.change, Some(state))).into_owned();
            let room = width.saturating_sub(head.chars().count());
            let style = if amended {
                look.dim().add_modifier(Modifier::CROSSED_OUT)
            } else {
                Style::new()
            };
            Line::from(vec![
                Span::styled(head, look.dim().patch(style)),
                Span::styled(fit(&body_text, room).into_owned(), style),
            ])
        },
    );
    // The selected event in full, with what amended it.
    let Some(e) = ids.get(view.cursor).and_then(|id| event_of(*id)) else {
        return;
    };
    let mut lines = vec![Line::raw(
        safe(&text::event_line(&e.change, Some(state))).into_owned(),
    )];
    if let Some((by, reason)) = state.retracted.get(&e.id) {
        lines.push(Line::styled(
            text::report_retracted(*by, &safe(reason)),
            look.due_soon(),
        ));
    }
    if let Some(ids) = state.corrections.get(&e.id) {
        for id in ids {
            if let Some(c) = event_of(*id) {
                lines.push(Line::styled(
                    format!("#{id}: {}", safe(&text::event_line(&c.change, Some(state)))),
                    look.label(),
                ));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::new()
                .borders(ratatui::widgets::Borders::TOP)
                .border_style(look.dim()),
        ),
        detail,
    );
}

fn evidence(
    frame: &mut Frame,
    body: Rect,
    detail: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &JournalView,
) {
    let items = &active.state.evidence;
    rows(
        frame,
        body,
        look,
        view.cursor,
        items.len(),
        labels::evidence_none,
        |i| {
            let e = &items[i];
            let hash = e
                .spec
                .sha256
                .as_deref()
                .map(|h| format!("sha256 {}…", safe(&h.chars().take(16).collect::<String>())))
                .unwrap_or_else(labels::evidence_no_hash_short);
            Line::from(vec![
                Span::styled(format!("{:<4} ", safe(&e.spec.reference)), look.strong()),
                Span::styled(format!("{:<13} ", e.spec.kind.slug()), look.dim()),
                Span::raw(safe(&e.spec.description).into_owned()),
                Span::styled(format!("  [{}]  ", safe(e.custodian())), look.label()),
                Span::styled(hash, look.dim()),
            ])
        },
    );
    if let Some(e) = items.get(view.cursor) {
        let trail: Vec<String> = e
            .custody
            .iter()
            .map(|c| format!("{} → {}", app.zone.format(c.at, "%d %b %H:%M"), safe(&c.to)))
            .collect();
        let lines = vec![
            Line::styled(
                format!("{} {}", text::report_custody(), trail.join(" · ")),
                look.label(),
            ),
            Line::styled(safe(&e.spec.location).into_owned(), look.dim()),
            Line::styled(e.spec.sha256.clone().unwrap_or_default(), look.dim()),
        ];
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(
                Block::new()
                    .borders(ratatui::widgets::Borders::TOP)
                    .border_style(look.dim()),
            ),
            detail,
        );
    }
}

fn lessons(frame: &mut Frame, body: Rect, look: Look, active: &Active, view: &JournalView) {
    let lessons = &active.state.lessons;
    rows(
        frame,
        body,
        look,
        view.cursor,
        lessons.len(),
        labels::lessons_none,
        |i| {
            let l = &lessons[i];
            let mut spans = vec![
                Span::styled(
                    format!("{:<16} ", text::lesson_kind_name(l.kind)),
                    look.label(),
                ),
                Span::raw(safe(&l.text).into_owned()),
            ];
            if let Some(owner) = &l.owner {
                spans.push(Span::styled(format!("  → {}", safe(owner)), look.strong()));
            }
            if let Some(due) = l.due {
                spans.push(Span::styled(format!("  {due}"), look.dim()));
            }
            Line::from(spans)
        },
    );
}
