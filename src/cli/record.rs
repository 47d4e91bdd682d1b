//! The written record of an incident: evidence register, lessons learned, corrections
//! and retractions. Each is a journal event; nothing is edited in place.

use super::args::{Command, EvidenceCommand, Hashed};
use super::items::{Writer, state};
use super::{Failure, Outcome, append, non_empty};
use crate::domain::{Change, EvidenceRecord, EvidenceSpec, IncidentId, Lesson, LessonKind};
use crate::evidence::{self, Check};
use crate::text;
use crate::ui::format::safe;
use chrono::NaiveDate;
use std::io::{IsTerminal, Write};

pub fn evidence(w: &Writer, command: EvidenceCommand) -> Outcome {
    match command {
        EvidenceCommand::Add {
            id,
            kind,
            description,
            file,
            sha256,
            location,
            collected_by,
            collected_at,
            hashed,
        } => {
            let description = non_empty(&description, "--description")?;
            let state = state(w.store, id)?;
            let hashed = match (hashed, &file) {
                (Some(hashed), _) => Some(hashed),
                (None, Some(path)) => Some(hash(path)?),
                (None, None) => None,
            };
            let sha256 = match (&hashed, sha256) {
                (None, Some(hex)) => {
                    let hex = hex.trim().to_ascii_lowercase();
                    if !evidence::is_sha256(&hex) {
                        return Err(Failure::Usage(text::cli_bad_sha256(&hex)));
                    }
                    Some(hex)
                }
                _ => None,
            };
            let reference = state.new_evidence_ref();
            let spec = EvidenceSpec {
                reference: reference.clone(),
                kind,
                description,
                location: location.unwrap_or_default(),
                sha256,
                size: None,
                collected_by,
                collected_at,
            };
            append(
                w.store,
                id,
                w.now,
                w.author,
                crate::ops::registration(spec, hashed),
            )?;
            outln!("{}", safe(&reference));
            Ok(())
        }
        EvidenceCommand::List { id, json } => list(w, id, json),
        EvidenceCommand::Transfer { id, item, to, note } => {
            let to = non_empty(&to, "--to")?;
            let state = state(w.store, id)?;
            if state.evidence_item(&item).is_none() {
                return Err(Failure::Failed(text::cli_unknown_evidence(id, &item)));
            }
            let note = crate::input::clean_line(&note).trim().to_string();
            append(
                w.store,
                id,
                w.now,
                w.author,
                Change::EvidenceTransferred {
                    evidence: item,
                    to,
                    note,
                },
            )
        }
        EvidenceCommand::Verify { id } => verify_items(&evidence_items(w.store, id)?),
    }
}

/// Does before the store is reached what needs no store and may take long: hashing the
/// file of `evidence add --file` (a disk image can take minutes).
pub fn prepare(mut command: Command) -> Result<Command, Failure> {
    if let Command::Evidence {
        command:
            EvidenceCommand::Add {
                file: Some(path),
                hashed,
                ..
            },
    } = &mut command
    {
        *hashed = Some(hash(path)?);
    }
    Ok(command)
}

/// Hashes `path` for registration, drawing a progress bar on standard error when it is
/// a terminal.
fn hash(path: &std::path::Path) -> Result<Hashed, Failure> {
    let tty = std::io::stderr().is_terminal();
    let mut last = 0u64;
    let mut progress = |done: u64, total: u64| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if tty && percent != last {
            last = percent;
            let filled = usize::try_from(percent / 5).unwrap_or(20);
            let _ = write!(
                std::io::stderr(),
                "\r{} [{}{}] {percent:>3}%",
                text::hashing(),
                "#".repeat(filled),
                " ".repeat(20 - filled.min(20))
            );
        }
    };
    let result = crate::ops::hash_evidence(path, &mut progress).map_err(|e| {
        Failure::Failed(text::cli_cannot_read(
            &path.display().to_string(),
            &text::io_cause(&e),
        ))
    });
    if tty {
        let _ = writeln!(std::io::stderr());
    }
    result
}

fn list(w: &Writer, id: IncidentId, json: bool) -> Outcome {
    let state = state(w.store, id)?;
    if json {
        let out = crate::report::pretty_json(&state.evidence)
            .map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    for item in &state.evidence {
        let spec = &item.spec;
        outln!(
            "{:<4} {:<13} {}  [{}]",
            safe(&spec.reference),
            spec.kind.slug(),
            safe(&spec.description),
            safe(item.custodian())
        );
        if let Some(hash) = &spec.sha256 {
            outln!("     sha256 {}", safe(hash));
        }
        if !spec.location.is_empty() {
            outln!("     {} {}", text::evidence_at(), safe(&spec.location));
        }
    }
    Ok(())
}

/// The evidence register of incident `id`.
pub fn evidence_items(
    store: &dyn crate::store::Store,
    id: IncidentId,
) -> Result<Vec<EvidenceRecord>, Failure> {
    Ok(state(store, id)?.evidence)
}

/// Re-hashes each item whose file is reachable; run without the store held.
pub fn verify_items(items: &[EvidenceRecord]) -> Outcome {
    let mut mismatches = 0;
    for item in items {
        let r = safe(&item.spec.reference);
        match evidence::verify(item) {
            Check::Matches => outln!("{r} {}", text::evidence_ok()),
            Check::Mismatch { found } => {
                mismatches += 1;
                outln!("{r} {} {}", text::evidence_mismatch(), safe(&found));
            }
            Check::Unreachable(why) => {
                outln!("{r} {}: {}", text::evidence_unreachable(), safe(&why))
            }
            Check::NoHash => outln!("{r} {}", text::evidence_no_hash()),
        }
    }
    if mismatches > 0 {
        return Err(Failure::Failed(text::cli_evidence_changed(mismatches)));
    }
    Ok(())
}

pub fn lesson(
    w: &Writer,
    id: IncidentId,
    kind: LessonKind,
    text_in: &str,
    owner: Option<String>,
    due: Option<NaiveDate>,
) -> Outcome {
    let lesson = Lesson {
        kind,
        text: non_empty(text_in, &text::cli_the_lesson())?,
        owner: owner
            .map(|o| crate::input::clean_line(&o).trim().to_string())
            .filter(|o| !o.is_empty()),
        due,
    };
    append(
        w.store,
        id,
        w.when(),
        w.author,
        Change::LessonAdded { lesson },
    )
}

/// A retraction names an event that exists and is not the declaration (the incident
/// itself); the event then counts as if it had never been recorded.
pub fn retract(w: &Writer, id: IncidentId, event: u64, reason: &str) -> Outcome {
    existing_event(w, id, event)?;
    if event == 1 {
        return Err(Failure::Failed(text::cli_cannot_retract_declaration()));
    }
    let events = w.store.events(id)?;
    if events
        .iter()
        .find(|e| e.id == event)
        .is_some_and(|e| !crate::domain::may_be_retracted(&e.change))
    {
        return Err(Failure::Failed(text::cli_cannot_retract_roster()));
    }
    let reason = non_empty(reason, "--reason")?;
    append(
        w.store,
        id,
        w.when(),
        w.author,
        Change::Retracted { event, reason },
    )
}

/// A correction names an event that exists; `--happened` re-dates it (not the
/// declaration: its time is when the incident was declared).
pub fn correct(
    w: &Writer,
    id: IncidentId,
    event: u64,
    text_in: &str,
    happened: Option<&str>,
) -> Outcome {
    let declared_at = existing_event(w, id, event)?;
    let occurred_at = match happened {
        None => None,
        Some(_) if event == 1 => {
            return Err(Failure::Usage(text::cli_cannot_redate_declaration()));
        }
        Some(typed) => {
            let at = crate::input::when::parse(typed, w.now, crate::input::Zone::Local)
                .and_then(|at| {
                    crate::input::when::check(at, w.now, declared_at, w.force).map(|()| at)
                })
                .map_err(|e| Failure::Usage(text::when_error(&e)))?;
            Some(at)
        }
    };
    let change = Change::Corrected {
        event,
        text: non_empty(text_in, &text::cli_the_correction())?,
        occurred_at,
    };
    append(w.store, id, w.when(), w.author, change)
}

/// Fails unless `event` is in the incident's journal; gives when it was declared.
fn existing_event(
    w: &Writer,
    id: IncidentId,
    event: u64,
) -> Result<chrono::DateTime<chrono::Utc>, Failure> {
    let state = state(w.store, id)?;
    if event == 0 || event > state.event_count {
        return Err(Failure::Failed(text::cli_unknown_event(
            id,
            event,
            state.event_count,
        )));
    }
    Ok(state.declared_at)
}
