//! The investigation view (`I`): a tab per register of what the attacker did and left.
//! Only the rows on screen are formatted.

use super::format::{fit, safe};
use super::labels;
use super::list::rows;
use super::{search, theme::Look};
use crate::app::{Active, App, InvestigationTab, InvestigationView};
use crate::domain::ObservableRecord;
use crate::domain::observable::defang;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &InvestigationView,
) {
    let mut title = vec![Span::styled(
        format!(" {} ", labels::investigation_view_title()),
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
    let [tabs, body, detail, input] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(4),
        Constraint::Length(u16::from(view.search.is_some())),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(tab_strip(look, active, view)), tabs);
    let listed = app.investigation_rows();
    match view.tab {
        InvestigationTab::Observables => {
            observables(frame, body, look, active, view, &listed);
            if let Some(o) = app.selected_observable() {
                observable_detail(frame, detail, look, app, o);
            }
        }
    }
    if let Some(search) = &view.search {
        search::bar(frame.buffer_mut(), input, look, search);
    }
}

fn tab_strip(look: Look, active: &Active, view: &InvestigationView) -> Line<'static> {
    let s = &active.state;
    let labels = [(
        InvestigationTab::Observables,
        format!("{} ({})", labels::observables_tab(), s.observables.len()),
    )];
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
    let keys = match view.tab {
        InvestigationTab::Observables => labels::observables_keys(),
    };
    spans.push(Span::styled(format!("   {keys}"), look.dim()));
    Line::from(spans)
}

fn observables(
    frame: &mut Frame,
    body: Rect,
    look: Look,
    active: &Active,
    view: &InvestigationView,
    listed: &[usize],
) {
    let state = &active.state;
    let all = &state.observables.all;
    let none = || {
        if view.hits.is_some() {
            labels::search_nothing()
        } else {
            labels::observables_none()
        }
    };
    // The value gets a column of its own, cut if long (shown whole below).
    let value_width = usize::from(body.width / 2).clamp(16, 48);
    rows(frame, body, look, view.cursor, listed.len(), none, |i| {
        let Some(o) = listed.get(i).and_then(|&n| all.get(n)) else {
            return Line::default();
        };
        let spec = &o.spec;
        let flags = text::observable_flags(o, state.tlp);
        let value = safe(&defang(spec.kind, &spec.value)).into_owned();
        let value = fit(&value, value_width);
        let pad = value_width.saturating_sub(value.width());
        Line::from(vec![
            Span::styled(
                format!("{:<5} {:<13}", o.id, spec.kind.slug()),
                look.label(),
            ),
            Span::styled(format!("{value}{:pad$}", ""), look.strong()),
            Span::styled(format!("  {}", flags.join(" · ")), look.dim()),
            Span::raw(format!("  {}", safe(&spec.note))),
        ])
    });
}

/// The selected observable in full: its value, where it came from, when it was seen,
/// what it is linked to.
fn observable_detail(frame: &mut Frame, area: Rect, look: Look, app: &App, o: &ObservableRecord) {
    let spec = &o.spec;
    let when = |t| app.zone.format(t, "%d %b %H:%M");
    let mut links = Vec::new();
    links.extend(spec.events.iter().map(|e| format!("#{e}")));
    links.extend(spec.evidence.iter().map(|e| safe(e).into_owned()));
    links.extend(spec.assets.iter().map(|a| safe(a).into_owned()));
    let lines = vec![
        Line::from(Span::styled(
            safe(&defang(spec.kind, &spec.value)).into_owned(),
            look.strong(),
        )),
        Line::from(Span::styled(
            labels::observable_detail(
                &when(o.first_seen),
                &when(o.last_seen),
                &safe(&o.reported_by),
                o.reports,
            ),
            look.dim(),
        )),
        Line::from(Span::styled(
            labels::observable_links(&or_dash(&safe(&spec.source)), &or_dash(&links.join(", "))),
            look.dim(),
        )),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP).border_style(look.dim())),
        area,
    );
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}
