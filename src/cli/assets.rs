//! `warroom asset add|list|state|set|export`: the affected assets from the command line.
//! Every refusal (an unknown asset, observable or evidence item, a field or state that
//! does not exist, a name another asset has) exits 2 and stores nothing.

use super::args::AssetCommand;
use super::items::{Writer, state};
use super::{Failure, Outcome, non_empty};
use crate::domain::{
    AssetEdit, AssetKind, AssetRecord, AssetSpec, AssetState, Change, ClosedList, IncidentId,
    IncidentState, links,
};
use crate::input::clean_line;
use crate::text;
use crate::ui::format::safe;
use serde_json::json;

pub fn asset(w: &Writer, config: &crate::config::Config, command: AssetCommand) -> Outcome {
    match command {
        AssetCommand::Export {
            id,
            format: super::args::AssetFormat::Csv,
            max_tlp,
            output,
        } => super::interchange::export(
            w.store,
            config,
            id,
            super::interchange::Target::AssetsCsv,
            max_tlp,
            output.as_deref(),
        ),
        AssetCommand::Add {
            id,
            kind,
            name,
            owner,
            state: initial,
            note,
            observables,
            evidence,
        } => {
            let name = non_empty(&name, &text::cli_the_asset_name())?;
            let before = state(w.store, id)?;
            let observables =
                super::linked(id, links::observables(&before.observables, &observables))?;
            let evidence = super::linked(id, links::evidence(&before, &evidence))?;
            let spec = AssetSpec {
                owner: clean_line(&owner).trim().to_string(),
                state: initial,
                note: clean_line(&note).trim().to_string(),
                observables,
                evidence,
                ..AssetSpec::new(kind, name.clone())
            };
            let known = before.assets.find(kind, &name).map(|a| a.id.clone());
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::AssetAdded { asset: spec },
            )?;
            if let Some(entry) = state(w.store, id)?.assets.find(kind, &name) {
                outln!("{}", text::cli_asset_saved(&entry.id, known.is_some()));
            }
            Ok(())
        }
        AssetCommand::List { id, json } => list(w, id, json),
        AssetCommand::State {
            id,
            asset,
            state: to,
        } => {
            let current = state(w.store, id)?;
            let entry = known(&current, &asset)?;
            // The same state again records nothing, unless --at places it in time.
            if entry.state() == to && w.occurred.is_none() {
                outln!(
                    "{}",
                    text::cli_asset_already(
                        &id.to_string(),
                        &entry.id,
                        &text::asset_state_name(to)
                    )
                );
                return Ok(());
            }
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::AssetStateChanged {
                    asset: entry.id.clone(),
                    state: to,
                },
            )
        }
        AssetCommand::Set {
            id,
            asset,
            field,
            value,
        } => {
            let current = state(w.store, id)?;
            let entry = known(&current, &asset)?;
            let edit = read_edit(&field, &value)?;
            if unchanged(entry, &edit) {
                outln!(
                    "{}",
                    text::cli_asset_unchanged(&id.to_string(), &entry.id, field.trim())
                );
                return Ok(());
            }
            // A new kind or name must not make it another asset already registered.
            let (kind, name) = match &edit {
                AssetEdit::Kind(kind) => (*kind, entry.name.as_str()),
                AssetEdit::Name(name) => (entry.kind, name.as_str()),
                AssetEdit::Owner(_) | AssetEdit::Note(_) => (entry.kind, ""),
            };
            if let Some(other) = current
                .assets
                .find(kind, name)
                .filter(|other| other.id != entry.id)
            {
                return Err(Failure::Usage(text::cli_asset_name_taken(
                    &other.id,
                    &text::asset_kind_name(kind),
                    &other.name,
                )));
            }
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::AssetEdited {
                    asset: entry.id.clone(),
                    edit,
                },
            )
        }
    }
}

/// The asset `typed` names (`A2`, `a2`, or its name when no other asset has it), or a
/// refusal that says where to look.
fn known<'s>(state: &'s IncidentState, typed: &str) -> Result<&'s AssetRecord, Failure> {
    let id = super::linked(state.id, links::assets(&state.assets, &[typed.to_string()]))?;
    id.first()
        .and_then(|id| state.assets.get(id))
        .ok_or_else(|| Failure::Usage(text::cli_unknown_asset(&state.id.to_string(), typed)))
}

/// `FIELD VALUE` of `asset set` as the edit it means.
fn read_edit(field: &str, value: &str) -> Result<AssetEdit, Failure> {
    Ok(match field.trim().to_ascii_lowercase().as_str() {
        "owner" => AssetEdit::Owner(clean_line(value).trim().to_string()),
        "note" => AssetEdit::Note(clean_line(value).trim().to_string()),
        "name" => AssetEdit::Name(non_empty(value, &text::cli_the_asset_name())?),
        "kind" => AssetEdit::Kind(
            AssetKind::parse_typed(value).map_err(|e| Failure::Usage(text::unknown_value(&e)))?,
        ),
        _ => return Err(Failure::Usage(text::cli_bad_asset_field(field))),
    })
}

fn unchanged(entry: &AssetRecord, edit: &AssetEdit) -> bool {
    match edit {
        AssetEdit::Kind(kind) => entry.kind == *kind,
        AssetEdit::Name(name) => entry.name == *name,
        AssetEdit::Owner(owner) => entry.owner == *owner,
        AssetEdit::Note(note) => entry.note == *note,
    }
}

/// One asset for machines: canonical kind and state, its moves with their instants.
pub(super) fn asset_json(a: &AssetRecord) -> serde_json::Value {
    json!({
        "id": a.id,
        "kind": a.kind.slug(),
        "name": a.name,
        "owner": a.owner,
        "state": a.state().slug(),
        "last_change": a.last_change(),
        "note": a.note,
        "observables": a.observables,
        "evidence": a.evidence,
        "history": a.history.iter().map(|c| json!({
            "state": c.state.slug(), "at": c.at, "by": c.by, "event": c.event,
        })).collect::<Vec<_>>(),
        "reported_at": a.reported_at,
        "reported_by": a.reported_by,
        "reports": a.reports,
    })
}

fn list(w: &Writer, id: IncidentId, json: bool) -> Outcome {
    let state = state(w.store, id)?;
    if json {
        let all: Vec<_> = state.assets.all.iter().map(asset_json).collect();
        let out = crate::report::pretty_json(&all).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    for a in &state.assets.all {
        let since = a.last_change().format("%Y-%m-%d %H:%MZ");
        outln!(
            "{:<4} {:<12} {}  [{} {since}]",
            a.id,
            text::asset_kind_name(a.kind),
            safe(&a.name),
            text::asset_state_name(a.state()),
        );
        if !a.owner.is_empty() {
            outln!("     {}", text::cli_asset_owner(&safe(&a.owner)));
        }
        if !a.note.is_empty() {
            outln!("     {}", safe(&a.note));
        }
        let links: Vec<&str> = a
            .observables
            .iter()
            .chain(&a.evidence)
            .map(String::as_str)
            .collect();
        if !links.is_empty() {
            outln!("     → {}", safe(&links.join(", ")));
        }
    }
    Ok(())
}

/// Asset counts by state for `warroom show`: `2 compromised · 1 contained`, or nothing.
pub(super) fn counts_line(state: &IncidentState) -> Option<String> {
    (!state.assets.is_empty()).then(|| text::asset_counts(&state.assets.counts()))
}

/// The state an asset is in, as `show --json` counts them.
pub(super) fn counts_json(state: &IncidentState) -> serde_json::Value {
    let counts: serde_json::Map<String, serde_json::Value> = AssetState::ALL
        .into_iter()
        .map(|s| {
            let n = state.assets.all.iter().filter(|a| a.state() == s).count();
            (s.slug().to_string(), json!(n))
        })
        .collect();
    serde_json::Value::Object(counts)
}
