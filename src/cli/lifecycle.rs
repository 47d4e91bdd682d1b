//! `set`, `close` and `reopen`: the incident's own facts changed after its declaration,
//! and how it ends, through the same rules as the dashboard (`domain::rules`).

use super::items::{Writer, state};
use super::{Failure, Outcome, non_empty};
use crate::domain::{Amendment, Change, Field, IncidentId, Refusal, Resolution, rules};
use crate::input::amend;
use crate::{ops, text};

/// `warroom set ID FIELD VALUE [--reason R]`.
pub fn set(w: &Writer, id: IncidentId, field: Field, value: &str, reason: Option<&str>) -> Outcome {
    let state = state(w.store, id)?;
    let amendment = parse_value(w, field, value, state.declared_at)?;
    let reason = reason.map(crate::input::clean_line).unwrap_or_default();
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
    let summary = summary.map(crate::input::clean_line).unwrap_or_default();
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
        Refusal::ClocksRunning(_) | Refusal::RetainerNotAlerted => Err(Failure::Failed(why)),
        Refusal::DuplicateOfItself | Refusal::MissingDetail => Err(Failure::Usage(why)),
    }
}

/// The typed value of a fact, read as the dashboard's form reads it.
fn parse_value(
    w: &Writer,
    field: Field,
    typed: &str,
    declared_at: chrono::DateTime<chrono::Utc>,
) -> Result<Amendment, Failure> {
    let cx = amend::Context {
        now: w.now,
        zone: crate::input::Zone::Local,
        declared_at,
        force: w.force,
    };
    amend::parse_value(field, typed, &cx)
        .map_err(|bad| Failure::Usage(text::bad_value(field, typed.trim(), &bad)))
}
