//! The Incident pane: what is happening, how bad, under which label, in which phase.

use super::format::{content, hms, safe};
use super::labels;
use super::{pane, rows, theme::Look};
use crate::app::App;
use crate::domain::IncidentState;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App, s: &IncidentState) {
    let label = |t: String| Span::styled(format!("{} ", text::colon(&t)), look.label());
    let zone = app.zone;
    let when = |t| {
        format!(
            "{} ({} {})",
            zone.format(t, "%d %b %H:%M"),
            zone.format_utc(t),
            text::STATUS_UTC
        )
    };
    let phase_count = s.phases.len();
    let phase = s
        .phase()
        .map(|p| {
            format!(
                "{} ({}/{phase_count})",
                content(&p.name),
                s.current_phase + 1
            )
        })
        .unwrap_or_else(text::not_set);
    let commander = s
        .commander
        .as_deref()
        .map(safe)
        .unwrap_or_else(|| text::not_set().into());
    let mut declared = vec![
        label(text::label_declared()),
        Span::raw(when(s.declared_at)),
    ];
    if let Some(detected) = s.detected_at {
        declared.push(Span::styled(
            format!(
                " · {} ",
                text::colon(&text::label_detected().to_lowercase())
            ),
            look.label(),
        ));
        declared.push(Span::raw(zone.format(detected, "%H:%M")));
    }
    declared.push(Span::styled(
        format!(" · {}", text::ago(&hms(app.now - s.declared_at))),
        look.dim(),
    ));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(s.id.to_string(), look.strong()),
            Span::raw("  "),
            Span::styled(content(&s.title).into_owned(), look.strong()),
        ]),
        Line::from(vec![
            Span::styled(
                format!(
                    " {} {} ",
                    s.severity.level(),
                    crate::i18n::terms::severity(s.severity).to_uppercase()
                ),
                look.severity(s.severity),
            ),
            Span::raw(" "),
            Span::styled(format!(" {} ", s.tlp.label()), look.tlp(s.tlp)),
            Span::raw("  "),
            label(text::label_category()),
            Span::raw(crate::i18n::terms::category(s.category)),
        ]),
        Line::from(vec![
            label(labels::label_phase()),
            Span::raw(phase),
            Span::raw("  "),
            label(text::label_commander()),
            Span::raw(commander.into_owned()),
        ]),
        Line::from(declared),
        scope_line(look, app, s),
    ];
    lines.push(next_actions(look, app, s));
    // Below `Next`: at 80×24 the pane has six rows and this is the seventh, like the
    // summary; the scope hint above says what matters at a glance.
    if !s.assets.is_empty() {
        lines.push(Line::from(vec![
            label(text::label_assets()),
            Span::raw(text::asset_counts(&s.assets.counts())),
        ]));
    }
    if !s.summary.is_empty() {
        lines.push(Line::from(vec![
            label(text::label_summary()),
            Span::raw(content(&s.summary).into_owned()),
        ]));
    }
    let mut block = pane(look, &labels::pane_incident(), app, None);
    // Who is here, on the bottom border: every row inside is taken at 80×24.
    if !app.presence.is_empty() {
        block = block.title_bottom(here_line(look, app, s));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // No wrapping: each fact keeps its own row, cut at the edge on narrow screens.
    rows::lines(frame.buffer_mut(), inner, lines);
}

/// `Next: first open item · second · third`: steps carried over, then the current phase.
fn next_actions(look: Look, app: &App, s: &IncidentState) -> Line<'static> {
    let open: Vec<String> = s
        .next_open()
        .take(3)
        .map(|i| match &i.owner {
            Some(owner) => format!("{} ({})", content(&i.text), content(app.role_name(owner))),
            None => content(&i.text).into_owned(),
        })
        .collect();
    let mut spans = vec![Span::styled(
        format!("{} ", text::colon(&labels::label_next())),
        look.label(),
    )];
    if open.is_empty() {
        spans.push(Span::styled(labels::next_none(), look.dim()));
    } else {
        spans.push(Span::styled(open.join(" · "), look.strong()));
    }
    Line::from(spans)
}

/// `Scope: network (assets imply: endpoints)`: the declared scope, and in amber the
/// areas confirmed assets imply that it leaves out. Only a hint: the scope changes when
/// someone amends it (`e`, `warroom set ID scope …`), never by itself. In red, the
/// areas the retainer's contract does not cover, and whom to call for them.
fn scope_line(look: Look, app: &App, s: &IncidentState) -> Line<'static> {
    let mut spans = vec![
        Span::styled(
            format!("{} ", text::colon(&text::label_scope())),
            look.label(),
        ),
        Span::raw(text::scope(s.scope)),
    ];
    if let Some(hint) = text::scope_hint(s) {
        spans.push(Span::styled(format!(" {hint}"), look.due_soon()));
    }
    if !app.config.retainer.outside(&s.scope).is_empty()
        && let Some(gap) = text::contract_gap(&app.config.retainer, &s.scope, &app.directory())
    {
        spans.push(Span::styled(
            format!(" · {}", content(&gap)),
            look.overdue(),
        ));
    }
    Line::from(spans)
}

/// `Here: alex (Incident commander) since 09:12 · sam since 09:20 · wall since 08:55`:
/// who has a dashboard or wall open on the store, as the owner saw them connect, each
/// named by the roster where it says who they are.
fn here_line(look: Look, app: &App, s: &IncidentState) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {} ", text::colon(&labels::label_here())),
        look.label(),
    )];
    for (n, here) in crate::app::gathered(&app.presence, &s.roster)
        .iter()
        .enumerate()
    {
        if n > 0 {
            spans.push(Span::styled(" · ", look.dim()));
        }
        let name = if here.wall {
            labels::here_wall()
        } else {
            here.name.clone()
        };
        spans.push(Span::styled(safe(&name).into_owned(), look.strong()));
        if here.screens > 1 {
            spans.push(Span::raw(format!(" ×{}", here.screens)));
        }
        let roles: Vec<String> = here
            .member
            .map(|m| {
                m.roles
                    .iter()
                    .map(|r| content(app.role_name(r)).into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if !roles.is_empty() {
            spans.push(Span::raw(format!(" ({})", roles.join(", "))));
        }
        let since = app.zone.format(here.since, "%H:%M");
        spans.push(Span::styled(
            format!(" {}", labels::here_since(&since)),
            look.dim(),
        ));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}
