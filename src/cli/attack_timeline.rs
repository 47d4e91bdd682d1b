//! `warroom timeline add|list|set|techniques`: the attack timeline from the command
//! line, the same events as the dashboard writes, and the ATT&CK catalogue.

use super::args::TimelineCommand;
use super::items::{Writer, state};
use super::{Failure, Outcome, linked};
use crate::assets::attack::catalogue;
use crate::domain::attack_timeline::links_and_source;
use crate::domain::dwell::{Dwell, dwell};
use crate::domain::{AttackStepEdit, AttackStepSpec, Catalogue, Change, IncidentState, links};
use crate::input::clean_line;
use crate::text;
use crate::ui::format::safe;
use chrono::{DateTime, Utc};
use serde::Serialize;

pub fn timeline(w: &Writer, command: TimelineCommand) -> Outcome {
    match command {
        TimelineCommand::Add {
            id,
            when,
            description,
            tactic,
            technique,
            observables,
            assets,
            source,
        } => {
            let description = super::non_empty(&description, &text::cli_the_description())?;
            let (tactic, technique) = catalogue()
                .read(tactic.as_deref(), technique.as_deref())
                .map_err(|e| Failure::Usage(text::bad_attack(&e)))?;
            let before = state(w.store, id)?;
            let at = attacker_time(w, &before, &when)?;
            let step = AttackStepSpec {
                tactic,
                technique,
                observables: observable_ids(&before, &observables)?,
                assets: asset_ids(&before, &assets)?,
                source: clean_line(&source).trim().to_string(),
                ..AttackStepSpec::new(before.attack_timeline.next_id(), at, description)
            };
            let change = Change::AttackStepAdded { step };
            let events = crate::ops::append(w.store, id, w.when(), w.author, vec![change])?;
            for event in &events {
                outln!("{}", text::cli_saved(id, event.id));
            }
            // The id as stored: the writer may have given a free one.
            if let Some(Change::AttackStepAdded { step }) = events.last().map(|e| &e.change) {
                outln!("{}", text::cli_attack_step_added(&step.id));
            }
            Ok(())
        }
        TimelineCommand::List { id, json } => list(w, id, json),
        TimelineCommand::Set {
            id,
            step,
            field,
            value,
        } => {
            let current = state(w.store, id)?;
            let Some(entry) = current.attack_timeline.get(&step) else {
                let id = id.to_string();
                return Err(Failure::Usage(text::cli_unknown_attack_step(&id, &step)));
            };
            let edit = read_edit(w, &current, &entry.spec, &field, &value)?;
            let change = Change::AttackStepEdited {
                step: entry.spec.id.clone(),
                edit,
            };
            super::append(w.store, id, w.when(), w.author, change)
        }
        // Run before a store is opened (see `cli::run`); here for completeness.
        TimelineCommand::Techniques { tactic, json } => techniques(tactic.as_deref(), json),
    }
}

/// When the attacker did it, as typed: any time up to now, and more than a year before
/// the declaration only with `--force` (the same rule as `--at`).
fn attacker_time(w: &Writer, state: &IncidentState, typed: &str) -> Result<DateTime<Utc>, Failure> {
    use crate::input::when;
    when::parse(typed, w.now, crate::input::Zone::Local)
        .and_then(|at| when::check(at, w.now, state.declared_at, w.force).map(|()| at))
        .map_err(|e| Failure::Usage(text::when_error(&e)))
}

/// Observable ids as the register writes them (`o3` → `O3`); an unknown one is refused.
fn observable_ids(state: &IncidentState, typed: &[String]) -> Result<Vec<String>, Failure> {
    linked(state.id, links::observables(&state.observables, typed))
}

/// Asset ids (`A2`) for typed ids or names (`WS-042`); an unknown one is refused.
fn asset_ids(state: &IncidentState, typed: &[String]) -> Result<Vec<String>, Failure> {
    linked(state.id, links::assets(&state.assets, typed))
}

/// A comma-separated list (`O1,O3`), `-` or nothing for none.
fn list_of(value: &str) -> Vec<String> {
    if cleared(value) {
        return Vec::new();
    }
    value.split(',').map(str::to_string).collect()
}

/// `-`, `none` or nothing: the optional field cleared.
fn cleared(value: &str) -> bool {
    matches!(value.trim(), "" | "-" | "none")
}

/// `FIELD VALUE` of `timeline set` as the edit it means, checked against the step's
/// other facts (a technique must fit the step's tactic, and the other way round).
fn read_edit(
    w: &Writer,
    state: &IncidentState,
    step: &AttackStepSpec,
    field: &str,
    value: &str,
) -> Result<AttackStepEdit, Failure> {
    let refused = |e: crate::domain::BadAttack| Failure::Usage(text::bad_attack(&e));
    let c = catalogue();
    Ok(match field.trim().to_ascii_lowercase().as_str() {
        "when" => AttackStepEdit::At(attacker_time(w, state, value)?),
        "description" => {
            AttackStepEdit::Description(super::non_empty(value, &text::cli_the_description())?)
        }
        "tactic" if cleared(value) => AttackStepEdit::Tactic(None),
        "tactic" => {
            let tactic = c.read_tactic(value).map_err(refused)?;
            if let Some(technique) = &step.technique {
                c.check_pair(&tactic, technique).map_err(refused)?;
            }
            AttackStepEdit::Tactic(Some(tactic))
        }
        "technique" if cleared(value) => AttackStepEdit::Technique(None),
        "technique" => {
            let technique = Catalogue::read_technique(value).map_err(refused)?;
            if let Some(tactic) = &step.tactic {
                c.check_pair(tactic, &technique).map_err(refused)?;
            }
            AttackStepEdit::Technique(Some(technique))
        }
        "observables" => AttackStepEdit::Observables(observable_ids(state, &list_of(value))?),
        "assets" => AttackStepEdit::Assets(asset_ids(state, &list_of(value))?),
        "source" => AttackStepEdit::Source(clean_line(value).trim().to_string()),
        _ => return Err(Failure::Usage(text::cli_bad_attack_step_field(field))),
    })
}

/// The steps and dwell time as machines read them: ids, never names.
#[derive(Serialize)]
struct Listing<'a> {
    steps: Vec<&'a crate::domain::AttackStep>,
    dwell: Dwell,
}

fn list(w: &Writer, id: crate::domain::IncidentId, json: bool) -> Outcome {
    let state = state(w.store, id)?;
    let steps = state.attack_timeline.sorted();
    let figures = dwell(&state);
    if json {
        let listing = Listing {
            steps,
            dwell: figures,
        };
        let out =
            crate::report::pretty_json(&listing).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    if steps.is_empty() {
        outln!("{}", text::cli_no_attack_steps(&id.to_string()));
    }
    for step in steps {
        let s = &step.spec;
        let attack: Vec<String> = s
            .technique
            .as_deref()
            .map(text::attack_technique)
            .into_iter()
            .chain(
                s.tactic
                    .as_deref()
                    .map(|t| format!("[{}]", text::attack_tactic(t))),
            )
            .collect();
        outln!("{:<4} {}  {}", safe(&s.id), utc(s.at), attack.join(" "));
        outln!("     {}", safe(&s.description));
        let about = links_and_source(&s.observables, &s.assets, &s.source);
        if !about.is_empty() {
            outln!("     {}", safe(&about));
        }
    }
    outln!("");
    for (label, value) in text::dwell_rows(&figures, utc) {
        outln!("{} {value}", text::colon(&label));
    }
    Ok(())
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// `timeline techniques [--tactic T] [--json]`: the catalogue, tactic by tactic, names
/// in the operator's language (with --json: ids and MITRE's English names).
pub fn techniques(tactic: Option<&str>, json: bool) -> Outcome {
    let c = catalogue();
    let only = tactic
        .map(|t| c.read_tactic(t))
        .transpose()
        .map_err(|e| Failure::Usage(text::bad_attack(&e)))?;
    let tactics: Vec<_> = c
        .tactics
        .iter()
        .filter(|t| only.as_ref().is_none_or(|o| *o == t.id))
        .collect();
    let of = |tactic: &str| -> Vec<&crate::domain::attack::Technique> {
        c.techniques
            .iter()
            .filter(|t| t.tactics.iter().any(|x| x == tactic))
            .collect()
    };
    if json {
        #[derive(Serialize)]
        struct Entry<'a> {
            #[serde(flatten)]
            tactic: &'a crate::domain::attack::Tactic,
            techniques: Vec<&'a crate::domain::attack::Technique>,
        }
        let entries: Vec<Entry> = tactics
            .iter()
            .map(|t| Entry {
                tactic: t,
                techniques: of(&t.id),
            })
            .collect();
        let out = crate::report::pretty_json(&serde_json::json!({
            "version": c.version,
            "tactics": entries,
        }))
        .map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    outln!("{}", c.version);
    for t in tactics {
        outln!("");
        outln!("{}  ({})", text::attack_tactic(&t.id), t.short);
        for technique in of(&t.id) {
            let name = text::attack_technique_name(&technique.id).unwrap_or_default();
            outln!("  {:<10} {name}", technique.id);
        }
    }
    Ok(())
}
