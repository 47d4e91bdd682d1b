//! `warroom list` and `warroom show`: for people (text) and machines (`--json`).

use super::{Failure, Outcome};
use crate::domain::{ClockState, ClockView, Event, IncidentId, Urgency, fold};
use crate::store::Store;
use crate::text;
use crate::ui::format::{content, hms, safe};
use chrono::{DateTime, Utc};
use serde_json::json;

/// Incidents, most recently updated first; exercises only when `all`, so that drills
/// never mix with real incidents by accident.
pub fn list(store: &dyn Store, json: bool, all: bool) -> Outcome {
    let incidents: Vec<_> = store
        .list()?
        .into_iter()
        .filter(|s| all || !s.exercise)
        .collect();
    // Found damaged by some process, until verified or repaired.
    let damaged: std::collections::BTreeMap<_, _> = store.damaged()?.into_iter().collect();
    if json {
        let mut listed = Vec::new();
        for s in &incidents {
            let mut entry = serde_json::to_value(s).map_err(|e| Failure::Failed(e.to_string()))?;
            // What the index keeps to undo a retraction is not for scripts.
            if let Some(fields) = entry.as_object_mut() {
                fields.remove("declared_as");
                fields.remove("history");
            }
            if let Some(why) = damaged.get(&s.id) {
                entry["damaged"] = serde_json::Value::String(why.clone());
            }
            listed.push(entry);
        }
        let out =
            crate::report::pretty_json(&listed).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    for s in incidents {
        let mut exercise = if s.exercise {
            format!(" [{}]", text::exercise())
        } else {
            String::new()
        };
        if s.closed {
            exercise.push_str(&format!(" [{}]", text::closed()));
        }
        if damaged.contains_key(&s.id) {
            exercise.push_str(&format!("  {}", text::damaged()));
        }
        outln!(
            "{}  {}  {:<16} {}{exercise}",
            s.id,
            format!(
                "{} {}",
                s.severity.level(),
                crate::i18n::terms::severity(s.severity)
            ),
            content(&s.phase),
            content(&s.title)
        );
    }
    Ok(())
}

/// One clock for machines: its state, instants in RFC 3339 UTC, and where it stands now.
fn clock_json(c: &ClockView, now: DateTime<Utc>) -> serde_json::Value {
    let mut v = json!({ "id": c.id, "name": c.name, "authority": c.authority });
    // The state's own fields (start, deadline, met at, reference, reason) as serialised.
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&c.state) {
        for (k, field) in fields {
            v[k] = field;
        }
    }
    let (status, seconds) = match c.state.urgency(now) {
        Urgency::Overdue(std::cmp::Reverse(by)) => ("overdue", Some(-by.num_seconds())),
        Urgency::DueSoon(left) => ("due_soon", Some(left.num_seconds())),
        Urgency::Running(left) => ("running", Some(left.num_seconds())),
        Urgency::Waiting => ("waiting", None),
        Urgency::Met => ("met", None),
        Urgency::Waived => ("waived", None),
        Urgency::NotApplicable => ("not_applicable", None),
    };
    v["status"] = json!(status);
    v["seconds_left"] = json!(seconds);
    // The retainer's response time counted in its business hours (its deadline is
    // exact; `seconds_left` is plain time to it).
    if c.in_business_hours {
        v["in_business_hours"] = json!(true);
    }
    v
}

/// One clock for people: `GDPR notification (CNIL): 71:59:58 left, due 2026-12-01T…`.
fn clock_line(c: &ClockView, now: DateTime<Utc>) -> String {
    let due = c
        .state
        .deadline()
        .map(|d| format!(" ({} {})", text::clock_due_text(), d.to_rfc3339()))
        .unwrap_or_default();
    let value = match (&c.state, c.state.urgency(now)) {
        (_, Urgency::Overdue(std::cmp::Reverse(by))) => {
            format!("+{} {}", hms(by), text::clock_overdue())
        }
        (_, Urgency::DueSoon(left) | Urgency::Running(left)) => {
            format!("{} {}", hms(left), text::clock_left())
        }
        (ClockState::Met { at, reference, .. }, _) => {
            format!(
                "{} {} {} {}",
                text::clock_met(),
                at.to_rfc3339(),
                text::clock_ref(),
                safe(reference)
            )
        }
        (ClockState::Waived { reason, .. }, _) => {
            format!("{} {}", text::colon(&text::clock_waived()), safe(reason))
        }
        (ClockState::NotApplicable, _) => text::clock_not_applicable(),
        _ => text::clock_waiting(),
    };
    let clock = format!("{} ({})", content(&c.name), content(&c.authority));
    format!("{} {value}{due}", text::colon(&clock))
}

pub fn show(
    store: &dyn Store,
    config: &crate::config::Config,
    id: IncidentId,
    as_json: bool,
    now: DateTime<Utc>,
) -> Outcome {
    let events: Vec<Event> = store.events(id)?;
    let state = fold(&events).map_err(|e| Failure::Failed(format!("{id}: {e}")))?;
    let clocks = state.clocks();
    let directory = crate::contacts::directory(config, &store.directory_events()?);
    let plan = crate::domain::escalation(&config.escalation, &state, &directory);
    let by_urgency = clocks.by_urgency(now);
    if as_json {
        let items: Vec<_> = state
            .checklist
            .iter()
            .map(|i| {
                json!({
                    "id": i.id, "phase": i.phase, "text": i.text, "owner": i.owner,
                    "assignee": i.assignee,
                    "status": if i.done.is_some() { "done" } else if i.not_applicable.is_some() { "not_applicable" } else { "open" },
                    "done": i.done.is_some(),
                    "done_by": i.done.as_ref().map(|d| &d.by),
                    "done_at": i.done.as_ref().map(|d| d.at),
                    "not_applicable": i.not_applicable.as_ref().map(|n| json!({ "reason": n.reason, "by": n.by, "at": n.at })),
                    "hints": i.hints,
                })
            })
            .collect();
        let out = json!({
            "id": state.id.to_string(),
            "title": state.title,
            "severity": { "level": state.severity.level(), "name": state.severity.name() },
            "category": state.category.slug(),
            "tlp": state.tlp.label(),
            "exercise": state.exercise,
            "declared_at": state.declared_at,
            "detected_at": state.detected_at,
            "commander": state.commander,
            "scope": state.scope,
            "summary": state.summary,
            "phase": state.phase().map(|p| json!({ "id": p.id, "name": p.name, "index": state.current_phase })),
            "phases": state.phases.iter().enumerate().map(|(index, p)| {
                let (closed, total) = state.progress(index);
                json!({ "id": p.id, "name": p.name, "closed": closed, "total": total })
            }).collect::<Vec<_>>(),
            "phase_model": state.phase_model,
            "playbook": state.playbook,
            "checklist": items,
            "since_declared_seconds": state.elapsed(now).num_seconds(),
            "closure": state.closure,
            "flags": state.clock_facts.flags,
            "entity": state.clock_facts.entity,
            "clocks": by_urgency.iter().map(|c| clock_json(c, now)).collect::<Vec<_>>(),
            "escalation": plan,
            "contact_attempts": state.contact_attempts,
            "assets": state.assets.all.iter().map(super::assets::asset_json).collect::<Vec<_>>(),
            "asset_counts": super::assets::counts_json(&state),
            // What the assets suggest; the declared scope above is changed only by an amendment.
            "asset_implied_scope": state.assets.implied_scope(),
            "journal": events,
        });
        let text = crate::report::pretty_json(&out).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{text}");
        return Ok(());
    }
    outln!("{}  {}", state.id, content(&state.title));
    outln!(
        "{} {}  {}  {}",
        state.severity.level(),
        crate::i18n::terms::severity(state.severity),
        state.tlp,
        crate::i18n::terms::category(state.category)
    );
    if state.exercise {
        outln!("{}", text::exercise());
    }
    outln!(
        "{} {}",
        text::colon(&text::label_declared()),
        state.declared_at.to_rfc3339()
    );
    match &state.closure {
        Some(closure) => outln!(
            "{}",
            text::closed_line(
                &text::resolution_name(&closure.resolution),
                &closure.at.to_rfc3339(),
                &hms(state.elapsed(now))
            )
        ),
        None => outln!(
            "{} {}",
            text::colon(&text::clock_since_declared()),
            hms(state.elapsed(now))
        ),
    }
    if let Some(counts) = super::assets::counts_line(&state) {
        outln!("{} {counts}", text::colon(&text::label_assets()));
    }
    if let Some(hint) = text::scope_hint(&state) {
        outln!(
            "{} {} {hint}",
            text::colon(&text::label_scope()),
            text::scope(state.scope)
        );
    }
    for clock in &by_urgency {
        outln!("{}", clock_line(clock, now));
    }
    for step in &plan {
        let status = match &step.status {
            crate::domain::StepStatus::Reached { contact, at } => {
                format!(
                    "{} {} {}",
                    text::step_reached(),
                    content(contact),
                    at.to_rfc3339()
                )
            }
            crate::domain::StepStatus::Tried { attempts, last, .. } => {
                format!("{} ×{attempts}", text::outcome_name(*last))
            }
            crate::domain::StepStatus::ToCall => text::step_to_call(),
        };
        let role = format!(
            "{} {}",
            text::label_escalation(),
            content(config.role_name(&step.role))
        );
        outln!(
            "{} {status} ({})",
            text::colon(&role),
            step.contacts.join(", ")
        );
    }
    if let Some(playbook) = &state.playbook {
        outln!(
            "{} {}",
            text::colon(&text::label_playbook()),
            content(&playbook.name)
        );
    }
    for (index, phase) in state.phases.iter().enumerate() {
        let (done, total) = state.progress(index);
        let marker = if index == state.current_phase {
            "▶"
        } else {
            " "
        };
        outln!("{marker} {} {done}/{total}", content(&phase.name));
        for item in state.items_of_phase(index) {
            let mark = match (&item.done, &item.not_applicable) {
                (Some(_), _) => "x",
                (None, Some(_)) => "-",
                (None, None) => " ",
            };
            let to = item
                .assignee
                .as_deref()
                .map(|a| format!(" → {}", safe(a)))
                .unwrap_or_default();
            outln!("    [{mark}] {:<22} {}{to}", item.id, content(&item.text));
        }
    }
    outln!("{} ({})", text::pane_journal(), events.len());
    for e in &events {
        // When it happened; when it was written down too, if apart.
        let logged = e
            .logged_apart()
            .map(|t| {
                format!(
                    " ({})",
                    text::logged_at(&t.format("%Y-%m-%d %H:%MZ").to_string())
                )
            })
            .unwrap_or_default();
        outln!(
            "  #{:<4} {} {:<10} {}{logged}",
            e.id,
            e.occurred().format("%Y-%m-%d %H:%M:%SZ"),
            safe(&e.author),
            safe(&text::event_line(&e.change, Some(&state)))
        );
    }
    Ok(())
}
