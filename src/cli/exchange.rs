//! Reports out, journals out and in: `warroom export` and `warroom import`.

use super::args::ExportFormat;
use super::{Failure, Outcome};
use crate::config::Config;
use crate::domain::{IncidentId, fold};
use crate::store::{Store, StoreError};
use crate::{report, text};
use chrono::{DateTime, Utc};
use std::io::IsTerminal;
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
    let journal = matches!(format, ExportFormat::Journal);
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    if journal && terminal {
        eprintln!("warroom: {}", text::cli_journal_on_terminal());
    }
    super::to_file_or_out(output, &body, |body| {
        if journal && terminal {
            body.lines().map(|line| json_shown(line) + "\n").collect()
        } else {
            body.to_string()
        }
    })
}

/// A journal record for a terminal: the characters a terminal would act on (DEL, C1
/// controls, bidi overrides; JSON escapes C0 controls already) written as JSON escapes,
/// so the line still reads as the same JSON.
fn json_shown(line: &str) -> String {
    line.chars()
        .map(|c| {
            let acts =
                c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if acts {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
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
            return Err(Failure::Usage(format!("{name}: {}", text::store_error(&e))));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_record_shown_on_a_terminal_acts_on_nothing_and_reads_the_same() {
        let record = "{\"text\":\"a\u{7f}b\u{9b}31mc\u{202e}d\\u001b\"}";
        let shown = super::json_shown(record);
        assert!(
            !shown.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{shown:?}"
        );
        let before: serde_json::Value = serde_json::from_str(record).unwrap_or_default();
        let after: serde_json::Value = serde_json::from_str(&shown).unwrap_or_default();
        assert_eq!(before, after);
    }
}
