//! `warroom ioc add|list|set|export|import`: the observables register from the command
//! line, the same events as the dashboard writes (export and import: `interchange.rs`).

use super::args::IocCommand;
use super::items::{Writer, state};
use super::{Failure, Outcome, linked};
use crate::domain::observable::{defang, normalise};
use crate::domain::{Change, ClosedList, ObservableEdit, ObservableSpec, Tlp, links};
use crate::input::clean_line;
use crate::text;
use crate::ui::format::safe;

pub fn ioc(w: &Writer, config: &crate::config::Config, command: IocCommand) -> Outcome {
    match command {
        IocCommand::Add {
            id,
            kind,
            value,
            not_ioc,
            sighted,
            tlp,
            source,
            note,
            events,
            evidence,
            assets,
        } => {
            let value = normalise(kind, &value)
                .map_err(|why| Failure::Usage(text::bad_observable(kind, &value, why)))?;
            let before = state(w.store, id)?;
            if let Some(missing) = events.iter().find(|&&n| n > before.event_count) {
                return Err(Failure::Usage(text::cli_unknown_event(
                    id,
                    *missing,
                    before.event_count,
                )));
            }
            let evidence = linked(id, links::evidence(&before, &evidence))?;
            let assets = linked(id, links::assets(&before.assets, &assets))?;
            let spec = ObservableSpec {
                ioc: !not_ioc,
                sighted,
                tlp,
                source: clean_line(&source).trim().to_string(),
                note: clean_line(&note).trim().to_string(),
                events,
                evidence,
                assets,
                ..ObservableSpec::new(kind, value.clone())
            };
            let known = before.observables.find(kind, &value).map(|o| o.id.clone());
            let events = crate::ops::append(
                w.store,
                id,
                w.when(),
                w.author,
                vec![Change::ObservableReported { observable: spec }],
            )?;
            let after = state(w.store, id)?;
            let entry = after.observables.find(kind, &value).map(|o| o.id.clone());
            for event in events {
                outln!("{}", text::cli_saved(id, event.id));
            }
            if let Some(entry) = entry {
                outln!("{}", text::cli_observable_saved(&entry, known.is_some()));
            }
            Ok(())
        }
        IocCommand::List { id, json } => list(w, id, json),
        IocCommand::Export {
            id,
            format,
            max_tlp,
            output,
        } => {
            let target = super::interchange::Target::of_ioc(format);
            super::interchange::export(w.store, config, id, target, max_tlp, output.as_deref())
        }
        IocCommand::Import {
            id,
            file,
            format,
            json,
        } => super::interchange::import(w, id, &file, format, json),
        IocCommand::Set {
            id,
            observable,
            field,
            value,
        } => {
            let current = state(w.store, id)?;
            let Some(entry) = current.observables.get(observable.trim()) else {
                let id = id.to_string();
                return Err(Failure::Usage(text::cli_unknown_observable(
                    &id,
                    &observable,
                )));
            };
            let edit = read_edit(&field, &value)?;
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::ObservableEdited {
                    observable: entry.id.clone(),
                    edit,
                },
            )
        }
    }
}

/// `FIELD VALUE` of `ioc set` as the edit it means.
fn read_edit(field: &str, value: &str) -> Result<ObservableEdit, Failure> {
    let yes_no =
        || text::yes_or_no(value).ok_or_else(|| Failure::Usage(text::cli_bad_yes_no(field, value)));
    Ok(match field.trim().to_ascii_lowercase().as_str() {
        "ioc" => ObservableEdit::Ioc(yes_no()?),
        "sighted" => ObservableEdit::Sighted(yes_no()?),
        "tlp" if matches!(value.trim(), "" | "-" | "none") => ObservableEdit::Tlp(None),
        "tlp" => ObservableEdit::Tlp(Some(
            Tlp::parse_typed(value).map_err(|e| Failure::Usage(text::unknown_value(&e)))?,
        )),
        "source" => ObservableEdit::Source(clean_line(value).trim().to_string()),
        "note" => ObservableEdit::Note(clean_line(value).trim().to_string()),
        _ => return Err(Failure::Usage(text::cli_bad_observable_field(field))),
    })
}

fn list(w: &Writer, id: crate::domain::IncidentId, json: bool) -> Outcome {
    let state = state(w.store, id)?;
    if json {
        let out = crate::report::pretty_json(&state.observables.all)
            .map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    for o in &state.observables.all {
        let spec = &o.spec;
        let flags = text::observable_flags(o, state.tlp);
        outln!(
            "{:<4} {:<12} {}  [{}]",
            o.id,
            spec.kind.slug(),
            safe(&defang(spec.kind, &spec.value)),
            flags.join(", ")
        );
        for line in [&spec.source, &spec.note]
            .into_iter()
            .filter(|l| !l.is_empty())
        {
            outln!("     {}", safe(line));
        }
    }
    Ok(())
}
