//! Checklist commands: assign, move between phases, add an item, mark one not
//! applicable. The same changes the dashboard's keys write.

use super::{Failure, Outcome, append, non_empty};
use crate::config::Config;
use crate::domain::{Change, ChecklistItem, Hints, IncidentId, IncidentState, ItemSpec, fold};
use crate::store::Store;
use crate::{ops, text};
use chrono::{DateTime, Utc};

/// Who writes, when, and where: what every command here needs.
pub struct Writer<'a> {
    pub store: &'a dyn Store,
    pub now: DateTime<Utc>,
    /// When what is written happened, if the operator said (`--at`).
    pub occurred: Option<DateTime<Utc>>,
    /// `--force`: go ahead though the command would refuse.
    pub force: bool,
    pub author: &'a str,
}

impl Writer<'_> {
    /// When the write is made and when what it records happened.
    pub fn when(&self) -> ops::When {
        ops::When::new(self.now, self.occurred)
    }
}

pub fn state(store: &dyn Store, id: IncidentId) -> Result<IncidentState, Failure> {
    let events = store.events(id)?;
    fold(&events).map_err(|e| Failure::Failed(format!("{id}: {}", crate::text::fold_error(&e))))
}

/// The item, or a failure listing the incident's item ids.
pub fn item<'s>(state: &'s IncidentState, item_id: &str) -> Result<&'s ChecklistItem, Failure> {
    state.item(item_id).ok_or_else(|| {
        let known: Vec<&str> = state.checklist.iter().map(|i| i.id.as_str()).collect();
        Failure::Failed(text::cli_unknown_item(state.id, item_id, &known))
    })
}

pub fn assign(w: &Writer, id: IncidentId, item_id: String, person: &str) -> Outcome {
    let state = state(w.store, id)?;
    let current = item(&state, &item_id)?.assignee.clone();
    let person = match person.trim() {
        "-" => None,
        _ => Some(non_empty(person, &text::cli_the_person())?),
    };
    if current == person {
        outln!(
            "{}",
            text::cli_already_assigned(id, &item_id, person.as_deref())
        );
        return Ok(());
    }
    let change = Change::ItemAssigned {
        item: item_id,
        person,
    };
    append(w.store, id, w.when(), w.author, change)
}

pub fn phase(w: &Writer, id: IncidentId, target: &str) -> Outcome {
    let force = w.force;
    let state = state(w.store, id)?;
    let index = match target {
        "next" => state.current_phase + 1,
        "back" => match state.current_phase.checked_sub(1) {
            Some(i) => i,
            None => return Err(Failure::Failed(text::flash_first_phase())),
        },
        other => state.phase_index(other).ok_or_else(|| {
            let known: Vec<&str> = state.phases.iter().map(|p| p.id.as_str()).collect();
            Failure::Failed(text::cli_unknown_phase(id, other, &known))
        })?,
    };
    if index >= state.phases.len() {
        return Err(Failure::Failed(text::flash_last_phase()));
    }
    let Some(change) = state.move_to_phase(index) else {
        outln!(
            "{}",
            text::cli_already_in_phase(id, &state.phases[index].name)
        );
        return Ok(());
    };
    let open: Vec<&str> = state
        .open_items_of_phase(state.current_phase)
        .map(|i| i.id.as_str())
        .collect();
    // Moving forward past open items is a decision; moving back is not blocked.
    if index > state.current_phase && !open.is_empty() && !force {
        return Err(Failure::Failed(text::cli_items_open(id, &open)));
    }
    append(w.store, id, w.when(), w.author, change)
}

pub fn add_item(
    w: &Writer,
    config: &Config,
    id: IncidentId,
    text_in: &str,
    phase: Option<String>,
    owner: Option<String>,
) -> Outcome {
    let text_in = non_empty(text_in, &text::cli_the_item())?;
    if let Some(role) = &owner
        && !config.roles.iter().any(|r| &r.id == role)
    {
        let known: Vec<&str> = config.roles.iter().map(|r| r.id.as_str()).collect();
        return Err(Failure::Usage(text::cli_unknown_role(role, &known)));
    }
    let state = state(w.store, id)?;
    let phase = match phase {
        None => state.phase().map(|p| p.id.clone()).unwrap_or_default(),
        Some(p) if state.phase_index(&p).is_some() => p,
        Some(p) => {
            let known: Vec<&str> = state.phases.iter().map(|p| p.id.as_str()).collect();
            return Err(Failure::Failed(text::cli_unknown_phase(id, &p, &known)));
        }
    };
    let item_id = state.new_item_id();
    let change = Change::ItemAdded {
        item: ItemSpec {
            id: item_id.clone(),
            phase,
            text: text_in,
            owner,
            hints: Hints::default(),
        },
    };
    ops::append(w.store, id, w.when(), w.author, vec![change])?;
    outln!("{item_id}");
    Ok(())
}

pub fn not_applicable(w: &Writer, id: IncidentId, item_id: String, reason: &str) -> Outcome {
    let reason = non_empty(reason, &text::cli_the_reason())?;
    let state = state(w.store, id)?;
    item(&state, &item_id)?;
    let change = Change::ItemNotApplicable {
        item: item_id,
        reason,
    };
    append(w.store, id, w.when(), w.author, change)
}

/// Ticks a step, and (unless `no_clocks`) records what it means for the clocks it is
/// tied to, as the dashboard does once the operator says yes: each said on its line.
pub fn check(
    w: &Writer,
    id: IncidentId,
    item_id: &str,
    reference: Option<&str>,
    no_clocks: bool,
) -> Outcome {
    let state = state(w.store, id)?;
    let step = item(&state, item_id)?;
    if step.done.is_some() {
        outln!("{}", text::cli_already(id, item_id, true));
        return Ok(());
    }
    let reference = match reference {
        Some(r) => super::non_empty(r, "--ref")?,
        None => text::met_by_step(item_id),
    };
    let clocks = if no_clocks {
        vec![]
    } else {
        crate::domain::rules::step_clock_changes(&state, step, &reference)
    };
    let mut changes = vec![Change::ItemChecked {
        item: item_id.to_string(),
    }];
    changes.extend(clocks.iter().cloned());
    let after = state
        .with_changes(&clocks, w.occurred.unwrap_or(w.now))
        .clocks();
    let events = ops::append(w.store, id, w.when(), w.author, changes)?;
    if let Some(last) = events.last() {
        outln!("{}", text::cli_saved(id, last.id));
    }
    super::clocks::say_clock_moves(&state.clocks(), &after, &reference);
    if no_clocks {
        let tied: Vec<&str> = step
            .hints
            .starts
            .iter()
            .chain(&step.hints.stops)
            .map(String::as_str)
            .collect();
        if !tied.is_empty() {
            outln!("{}", text::cli_clocks_left(&tied.join(", ")));
        }
    }
    Ok(())
}
