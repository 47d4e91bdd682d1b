//! The investigation view (`I`): a tab per register of what the attacker did and left.
//! Only the rows on screen are formatted.

use super::format::{fit, safe};
use super::labels;
use super::list::rows;
use super::{search, theme::Look};
use crate::app::{Active, App, InvestigationTab, InvestigationView};
use crate::domain::observable::defang;
use crate::domain::{AssetRecord, AssetState, AttackStep, ObservableRecord};
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
        InvestigationTab::Assets => {
            assets(frame, body, look, app, active, view, &listed);
            if let Some(a) = app.selected_asset() {
                asset_detail(frame, detail, look, app, a);
            }
        }
        InvestigationTab::Attack => {
            attack_steps(frame, body, look, app, active, view, &listed);
            if let Some(step) = app.selected_step() {
                step_detail(frame, detail, look, app, step);
            }
        }
    }
    if let Some(search) = &view.search {
        search::bar(frame.buffer_mut(), input, look, search);
    }
}

fn tab_strip(look: Look, active: &Active, view: &InvestigationView) -> Line<'static> {
    let s = &active.state;
    let labels = [
        (
            InvestigationTab::Observables,
            format!("{} ({})", labels::observables_tab(), s.observables.len()),
        ),
        (
            InvestigationTab::Assets,
            format!("{} ({})", labels::assets_tab(), s.assets.len()),
        ),
        (
            InvestigationTab::Attack,
            format!("{} ({})", labels::attack_tab(), s.attack_timeline.len()),
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
    let keys = match view.tab {
        InvestigationTab::Observables => labels::observables_keys(),
        InvestigationTab::Assets => labels::assets_keys(),
        InvestigationTab::Attack => labels::attack_keys(),
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
    let none = none_text(view, labels::observables_none);
    // The value gets a column of its own, cut if long (shown whole below).
    let value_width = usize::from(body.width / 2).clamp(16, 48);
    rows(frame, body, look, view.cursor, listed.len(), none, |i| {
        let Some(o) = listed.get(i).and_then(|&n| all.get(n)) else {
            return Line::default();
        };
        let spec = &o.spec;
        let flags = text::observable_flags(o, state.tlp);
        let value = safe(&defang(spec.kind, &spec.value)).into_owned();
        Line::from(vec![
            Span::styled(
                format!("{:<5} {:<13}", o.id, spec.kind.slug()),
                look.label(),
            ),
            Span::styled(column(&value, value_width), look.strong()),
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
    detail_box(frame, area, look, lines);
}

/// "Nothing found" under a search, else what to do in an empty register.
fn none_text(view: &InvestigationView, empty: fn() -> String) -> impl Fn() -> String {
    let searching = view.hits.is_some();
    move || {
        if searching {
            labels::search_nothing()
        } else {
            empty()
        }
    }
}

/// `text` cut or padded to `width` columns.
fn column(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{:pad$}", "")
}

fn assets(
    frame: &mut Frame,
    body: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &InvestigationView,
    listed: &[usize],
) {
    let all = &active.state.assets.all;
    let name_width = usize::from(body.width / 4).clamp(12, 32);
    let none = none_text(view, labels::assets_none);
    rows(frame, body, look, view.cursor, listed.len(), none, |i| {
        let Some(a) = listed.get(i).and_then(|&n| all.get(n)) else {
            return Line::default();
        };
        let state = a.state();
        // Red while the attacker may be on it, amber while held, green once back.
        let style = match state {
            AssetState::Compromised => look.overdue(),
            AssetState::Suspected | AssetState::Contained => look.due_soon(),
            AssetState::Cleaned | AssetState::Restored => look.done(),
        };
        Line::from(vec![
            Span::styled(format!("{:<5} {:<11}", a.id, a.kind.slug()), look.label()),
            Span::styled(column(&safe(&a.name), name_width), look.strong()),
            Span::styled(format!("  {:<12}", text::asset_state_name(state)), style),
            Span::styled(
                format!(" {}", app.zone.format(a.last_change(), "%d %b %H:%M")),
                look.dim(),
            ),
            Span::raw(format!("  {}", safe(&a.owner))),
        ])
    });
}

/// An asset's moves from state to state, with when and who, then its owner and links.
fn asset_detail(frame: &mut Frame, area: Rect, look: Look, app: &App, a: &AssetRecord) {
    let moves: Vec<String> = a
        .history
        .iter()
        .map(|c| {
            format!(
                "{} {} ({})",
                text::asset_state_name(c.state),
                app.zone.format(c.at, "%d %b %H:%M"),
                safe(&c.by)
            )
        })
        .collect();
    let links = joined_links(&a.observables, &a.evidence);
    let lines = vec![
        Line::from(vec![
            Span::styled(safe(&a.name).into_owned(), look.strong()),
            Span::styled(format!("  {}", safe(&a.note)), look.dim()),
        ]),
        Line::from(Span::styled(moves.join(" → "), look.dim())),
        Line::from(Span::styled(
            labels::asset_links(&or_dash(&safe(&a.owner)), &or_dash(&links)),
            look.dim(),
        )),
    ];
    detail_box(frame, area, look, lines);
}

fn attack_steps(
    frame: &mut Frame,
    body: Rect,
    look: Look,
    app: &App,
    active: &Active,
    view: &InvestigationView,
    listed: &[usize],
) {
    let sorted = active.state.attack_timeline.sorted();
    let attack_width = usize::from(body.width / 3).clamp(12, 40);
    let none = none_text(view, labels::attack_none);
    rows(frame, body, look, view.cursor, listed.len(), none, |i| {
        let Some(step) = listed.get(i).and_then(|&n| sorted.get(n)) else {
            return Line::default();
        };
        let s = &step.spec;
        let attack = s
            .technique
            .as_deref()
            .map(text::attack_technique)
            .or_else(|| s.tactic.as_deref().map(text::attack_tactic))
            .unwrap_or_default();
        Line::from(vec![
            Span::styled(format!("{:<5} ", s.id), look.label()),
            Span::styled(
                format!("{}  ", app.zone.format(s.at, "%Y-%m-%d %H:%M")),
                look.dim(),
            ),
            Span::styled(column(&safe(&attack), attack_width), look.label()),
            Span::styled(format!("  {}", safe(&s.description)), look.strong()),
        ])
    });
}

/// An attack step whole: what happened, its tactic and technique by name, where it is
/// known from, what it is linked to, who wrote it down.
fn step_detail(frame: &mut Frame, area: Rect, look: Look, app: &App, step: &AttackStep) {
    let s = &step.spec;
    let attack: Vec<String> = s
        .tactic
        .iter()
        .map(|t| text::attack_tactic(t))
        .chain(s.technique.iter().map(|t| text::attack_technique(t)))
        .collect();
    let links = joined_links(&s.observables, &s.assets);
    let lines = vec![
        Line::from(Span::styled(
            safe(&s.description).into_owned(),
            look.strong(),
        )),
        Line::from(Span::styled(attack.join(" · "), look.dim())),
        Line::from(Span::styled(
            labels::attack_step_detail(
                &safe(&step.recorded_by),
                &app.zone.format(step.recorded_at, "%d %b %H:%M"),
                &or_dash(&safe(&s.source)),
                &or_dash(&links),
            ),
            look.dim(),
        )),
    ];
    detail_box(frame, area, look, lines);
}

fn detail_box(frame: &mut Frame, area: Rect, look: Look, lines: Vec<Line<'_>>) {
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP).border_style(look.dim())),
        area,
    );
}

/// Two lists of linked ids, made safe and joined.
fn joined_links(first: &[String], second: &[String]) -> String {
    let links: Vec<String> = first
        .iter()
        .chain(second)
        .map(|l| safe(l).into_owned())
        .collect();
    links.join(", ")
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}
