//! Clock commands: flags that start clocks, starting/meeting/waiving a clock by hand,
//! and notification drafts. The same changes the dashboard's keys write.

use super::args::ClockAction;
use super::items::{Writer, state};
use super::{Failure, Outcome, append, non_empty};
use crate::config::Config;
use crate::domain::{Change, ClockState, Clocks, Flag, IncidentId};
use crate::drafts::{self, DraftKind};
use crate::{ops, text};
use chrono::{DateTime, Utc};
use std::path::Path;

/// Sets a flag; with `--at`, when it became true (the event says so, and the clocks it
/// starts count from then).
pub fn flag(w: &Writer, id: IncidentId, flag: Flag, at: Option<DateTime<Utc>>) -> Outcome {
    let state = state(w.store, id)?;
    let recorded = state.clock_facts.flags.get(&flag);
    // Backdating to before the recorded instant is recorded: the deadlines move earlier.
    let earlier = matches!((at, recorded), (Some(at), Some(since)) if at < *since);
    if state.clock_facts.holds(flag) && !earlier {
        // Entity flags may come from the config at declaration, with no event.
        let since = recorded.unwrap_or(&state.declared_at);
        outln!(
            "{}",
            text::cli_flag_already(id, flag.slug(), &since.to_rfc3339())
        );
        return Ok(());
    }
    let before = state.clocks();
    let change = Change::FlagSet { flag, at: None };
    let after = state.clocks_if(&change, at.unwrap_or(w.now));
    for event in ops::append(w.store, id, w.when(), w.author, vec![change])? {
        outln!("{}", text::cli_saved(id, event.id));
    }
    // A flag whose clocks need NIS2 or DORA to cover the incident: say so, and how.
    for amendment in crate::domain::rules::uncovered_by(&state, flag) {
        outln!(
            "{}",
            text::cli_flag_uncovered(id, flag.slug(), amendment.field().slug())
        );
    }
    say_clock_moves(&before, &after, "");
    Ok(())
}

/// What recording something did to the clocks, a line for each: started (with its
/// deadline), or met with `reference`.
pub fn say_clock_moves(before: &Clocks, after: &Clocks, reference: &str) {
    for clock in before.started_in(after) {
        if let Some(deadline) = clock.state.deadline() {
            outln!(
                "{}",
                text::cli_clock_started(&clock.id, &deadline.to_rfc3339())
            );
        }
    }
    for clock in before.met_in(after) {
        outln!("{}", text::cli_clock_met_by_step(&clock.id, reference));
    }
}

pub fn clock(
    w: &Writer,
    id: IncidentId,
    clock_id: &str,
    action: ClockAction,
    reference: Option<String>,
    reason: Option<String>,
) -> Outcome {
    let state = state(w.store, id)?;
    let clocks = state.clocks();
    let Some(clock) = clocks.get(clock_id) else {
        let known: Vec<&str> = clocks.0.iter().map(|c| c.id.as_str()).collect();
        return Err(Failure::Failed(text::cli_unknown_clock(
            id, clock_id, &known,
        )));
    };
    if clock.state == ClockState::NotApplicable {
        return Err(Failure::Failed(text::cli_clock_not_applicable(
            id, clock_id,
        )));
    }
    let closed = matches!(
        clock.state,
        ClockState::Met { .. } | ClockState::Waived { .. }
    );
    let change = match action {
        ClockAction::Start => {
            if clock.state != ClockState::Waiting {
                outln!("{}", text::cli_clock_already(id, clock_id));
                return Ok(());
            }
            Change::ClockStarted {
                clock: clock_id.to_string(),
            }
        }
        // A reference that arrives after the clock was met is recorded beside it.
        ClockAction::Met if matches!(&clock.state, ClockState::Met { reference: kept, .. } if reference.as_deref().is_some_and(|r| !r.trim().is_empty() && r.trim() != kept)) =>
        {
            let change = Change::ClockMet {
                clock: clock_id.to_string(),
                reference: non_empty(reference.as_deref().unwrap_or(""), "--ref")?,
            };
            append(w.store, id, w.when(), w.author, change)?;
            outln!("{}", text::cli_reference_added(clock_id));
            return Ok(());
        }
        ClockAction::Met | ClockAction::Waive if closed => {
            outln!("{}", text::cli_clock_already(id, clock_id));
            return Ok(());
        }
        ClockAction::Met => Change::ClockMet {
            clock: clock_id.to_string(),
            reference: match reference {
                Some(r) => non_empty(&r, "--ref")?,
                None => String::new(),
            },
        },
        ClockAction::Waive => Change::ClockWaived {
            clock: clock_id.to_string(),
            reason: non_empty(reason.as_deref().unwrap_or(""), "--reason")?,
        },
    };
    append(w.store, id, w.when(), w.author, change)
}

pub fn draft(
    w: &Writer,
    config: &Config,
    id: IncidentId,
    kind: DraftKind,
    output: Option<&Path>,
) -> Outcome {
    let events = w.store.events(id)?;
    let state = crate::domain::fold(&events).map_err(|e| Failure::Failed(format!("{id}: {e}")))?;
    let body = drafts::render(kind, &state, &events, config, w.now);
    // The terminal gets every line made safe (the title, summary… are user text); a
    // file gets the draft as written.
    super::to_file_or_out(output, &body, super::safe_lines)
}
