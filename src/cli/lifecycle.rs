//! `set`, `close` and `reopen`: the incident's own facts changed after its declaration,
//! and how it ends, through the same rules as the dashboard (`domain::rules`).

use super::items::{Writer, state};
use super::{Failure, Outcome, args, non_empty};
use crate::domain::{Amendment, Change, Field, IncidentId, Refusal, Resolution, Scope, rules};
use crate::{ops, text};

/// `warroom set ID FIELD VALUE [--reason R]`.
pub fn set(w: &Writer, id: IncidentId, field: Field, value: &str, reason: Option<&str>) -> Outcome {
    let state = state(w.store, id)?;
    let amendment = parse_value(w, field, value, state.declared_at)?;
    let reason = reason
        .map(crate::app::forms::clean_line)
        .unwrap_or_default();
    match rules::amend(&state, amendment, &reason) {
        Ok(change) => record(w, id, change),
        Err(refusal) => said(id, &refusal),
    }
}

/// `warroom close ID --resolution R [--summary S] [--leave-open]`.
pub fn close(
    w: &Writer,
    id: IncidentId,
    resolution: Resolution,
    summary: Option<&str>,
    leave_open: bool,
) -> Outcome {
    let state = state(w.store, id)?;
    let summary = summary
        .map(crate::app::forms::clean_line)
        .unwrap_or_default();
    match rules::close(&state, resolution, &summary, leave_open) {
        Ok(change) => record(w, id, change),
        Err(refusal) => said(id, &refusal),
    }
}

/// `warroom reopen ID --reason R`.
pub fn reopen(w: &Writer, id: IncidentId, reason: &str) -> Outcome {
    let state = state(w.store, id)?;
    let reason = non_empty(reason, "--reason")?;
    match rules::reopen(&state, &reason) {
        Ok(change) => record(w, id, change),
        Err(refusal) => said(id, &refusal),
    }
}

fn record(w: &Writer, id: IncidentId, change: Change) -> Outcome {
    let line = text::event_line(&change, None);
    for event in ops::append(w.store, id, w.when(), w.author, vec![change])? {
        outln!("{}", text::cli_saved(id, event.id));
    }
    outln!("{}", crate::ui::format::safe(&line));
    Ok(())
}

/// Nothing recorded, and why: said on standard output when there is nothing to do
/// (exit 0), as a failure when what was asked cannot be done (exit 1).
fn said(id: IncidentId, refusal: &Refusal) -> Outcome {
    let why = text::refusal(id, refusal);
    match refusal {
        Refusal::Unchanged(_) | Refusal::AlreadyClosed | Refusal::NotClosed => {
            outln!("{why}");
            Ok(())
        }
        Refusal::ClocksRunning(_) => Err(Failure::Failed(why)),
        Refusal::DuplicateOfItself | Refusal::MissingDetail => Err(Failure::Usage(why)),
    }
}

/// The typed value of a fact, checked as the declaration checks it.
fn parse_value(
    w: &Writer,
    field: Field,
    typed: &str,
    declared_at: chrono::DateTime<chrono::Utc>,
) -> Result<Amendment, Failure> {
    let cleaned = crate::app::forms::clean_line(typed);
    let value = cleaned.trim();
    let cleared = value.is_empty() || value.eq_ignore_ascii_case("none");
    let bad = |valid: &str| Failure::Usage(text::cli_bad_value(field.slug(), value, valid));
    Ok(match field {
        Field::Title => Amendment::Title(non_empty(value, field.slug())?),
        Field::Summary => Amendment::Summary(value.to_string()),
        Field::Severity => {
            Amendment::Severity(args::parse_severity(value).map_err(Failure::Usage)?)
        }
        Field::Category => {
            Amendment::Category(args::parse_category(value).map_err(Failure::Usage)?)
        }
        Field::Tlp => Amendment::Tlp(args::parse_tlp(value).map_err(Failure::Usage)?),
        Field::Commander => Amendment::Commander((!cleared).then(|| value.to_string())),
        Field::Scope => Amendment::Scope(parse_scope(value).ok_or_else(|| bad(SCOPE_AREAS))?),
        Field::DetectedAt if cleared => Amendment::DetectedAt(None),
        Field::DetectedAt => {
            let at = crate::app::when::parse(value, w.now, crate::app::Zone::Local)
                .and_then(|at| {
                    crate::app::when::check(at, w.now, declared_at, w.force).map(|()| at)
                })
                .map_err(|e| Failure::Usage(text::when_error(&e)))?;
            Amendment::DetectedAt(Some(at))
        }
        Field::Nis2 => Amendment::Nis2(yes_no(value).ok_or_else(|| bad("yes, no"))?),
        Field::Dora => Amendment::Dora(yes_no(value).ok_or_else(|| bad("yes, no"))?),
    })
}

const SCOPE_AREAS: &str = "network, cloud, endpoints, personal-data (comma-separated), none";

/// `network,cloud` → those areas; `none` → none.
pub fn parse_scope(typed: &str) -> Option<Scope> {
    let mut scope = Scope::default();
    if typed.trim().eq_ignore_ascii_case("none") {
        return Some(scope);
    }
    for area in typed.split([',', ' ']).filter(|a| !a.is_empty()) {
        match area.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "network" => scope.network = true,
            "cloud" => scope.cloud = true,
            "endpoints" => scope.endpoints = true,
            "personal-data" => scope.personal_data = true,
            _ => return None,
        }
    }
    Some(scope)
}

fn yes_no(typed: &str) -> Option<bool> {
    match typed.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "on" | "oui" => Some(true),
        "no" | "n" | "false" | "off" | "non" => Some(false),
        _ => None,
    }
}
