//! Reports out, journals out and in: `warroom export` and `warroom import`.

use super::args::ExportFormat;
use super::{Failure, Outcome};
use crate::config::Config;
use crate::domain::{IncidentId, fold};
use crate::store::{Store, StoreError};
use crate::{report, text};
use chrono::{DateTime, Utc};
use std::path::Path;

pub fn export(
    store: &dyn Store,
    config: &Config,
    id: IncidentId,
    format: ExportFormat,
    output: Option<&Path>,
    now: DateTime<Utc>,
) -> Outcome {
    let body = match format {
        ExportFormat::Journal => {
            let records = store.records(id)?;
            if records.is_empty() {
                return Err(StoreError::UnknownIncident(id).into());
            }
            let mut body = String::new();
            for record in records {
                body.push_str(&String::from_utf8_lossy(&record));
                body.push('\n');
            }
            body
        }
        _ => {
            let events = store.events(id)?;
            let state = fold(&events).map_err(|e| Failure::Failed(format!("{id}: {e}")))?;
            let head = store.summary(id)?.map(|s| s.head.hash).unwrap_or_default();
            let r = report::build(&state, &events, config, &head, now);
            match format {
                ExportFormat::Md => report::markdown(&r),
                ExportFormat::Html => report::html(&r),
                _ => report::json(&r) + "\n",
            }
        }
    };
    match output {
        None => out!("{body}"),
        Some(path) => {
            std::fs::write(path, body).map_err(|e| {
                Failure::Failed(text::cli_cannot_write(
                    &path.display().to_string(),
                    &e.to_string(),
                ))
            })?;
            outln!("{}", path.display());
        }
    }
    Ok(())
}

pub fn import(store: &dyn Store, file: &Path) -> Outcome {
    let name = file.display().to_string();
    let content = std::fs::read(file)
        .map_err(|e| Failure::Usage(text::cli_cannot_read(&name, &e.to_string())))?;
    let records: Vec<Vec<u8>> = content
        .split(|b| *b == b'\n')
        .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
        .map(<[u8]>::to_vec)
        .collect();
    let first = records
        .first()
        .and_then(|r| crate::domain::Event::from_record(r).ok())
        .ok_or_else(|| Failure::Usage(text::cli_not_a_journal(&name)))?;
    let crate::domain::Change::Declared(d) = &first.change else {
        return Err(Failure::Usage(text::cli_not_a_journal(&name)));
    };
    let id = d.id;
    match store.import(id, &records) {
        Ok(true) => outln!("{}", text::cli_imported(id, records.len())),
        Ok(false) => outln!("{}", text::cli_already_imported(id)),
        Err(e @ StoreError::Rejected { .. }) => {
            return Err(Failure::Usage(format!("{name}: {e}")));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}
