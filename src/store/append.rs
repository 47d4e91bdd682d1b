//! The pure part of an append, shared by every store: number, chain and check the new
//! events against the incident's summary, and compute the summary after them.

use super::StoreError;
use crate::domain::{Change, Event, IncidentId, IncidentSummary};
use chrono::{DateTime, Utc};

/// An event before it is numbered and chained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub at: DateTime<Utc>,
    pub author: String,
    pub change: Change,
}

impl NewEvent {
    pub fn new(at: DateTime<Utc>, author: impl Into<String>, change: Change) -> Self {
        NewEvent {
            at,
            author: author.into(),
            change,
        }
    }
}

/// What a store must write: each event with its record, and the new summary.
pub struct Planned {
    pub events: Vec<(Event, Vec<u8>)>,
    pub summary: IncidentSummary,
}

pub fn plan(
    id: IncidentId,
    current: Option<IncidentSummary>,
    batch: &[NewEvent],
) -> Result<Planned, StoreError> {
    let reject = |detail: &str| StoreError::Rejected {
        id,
        detail: detail.to_string(),
    };
    let (first, _) = batch
        .split_first()
        .ok_or_else(|| reject("nothing to append"))?;
    let mut summary = current;
    let mut head = summary
        .as_ref()
        .map(|s| s.head.clone())
        .unwrap_or_else(crate::domain::ChainHead::genesis);
    match (&summary, &first.change) {
        (Some(_), Change::Declared(_)) => return Err(StoreError::AlreadyExists(id)),
        (None, Change::Declared(d)) if d.id != id => {
            return Err(reject("the declaration names another id"));
        }
        (None, Change::Declared(_)) => {}
        (None, _) => return Err(StoreError::UnknownIncident(id)),
        (Some(_), _) => {}
    }
    let mut events = Vec::with_capacity(batch.len());
    for new in batch {
        let event = head.next_event(new.at, &new.author, new.change.clone());
        let record = event.to_record();
        head = head.advanced(&record);
        match summary.as_mut() {
            Some(s) => {
                if matches!(event.change, Change::Declared(_)) {
                    return Err(reject("a journal can be declared only once"));
                }
                s.apply(&event, head.clone());
            }
            None => summary = IncidentSummary::declared(&event, head.clone()),
        }
        events.push((event, record));
    }
    let summary = summary.ok_or_else(|| reject("no declaration"))?;
    Ok(Planned { events, summary })
}

/// Events with the records to store, and the journal's head after them.
pub type PlannedDirectory = (Vec<(Event, Vec<u8>)>, crate::domain::ChainHead);

/// The directory journal's append: only `ContactSaved` events, chained after `head`.
pub fn plan_directory(
    head: Option<crate::domain::ChainHead>,
    batch: &[NewEvent],
) -> Result<PlannedDirectory, StoreError> {
    if batch.is_empty() {
        return Err(StoreError::Directory("nothing to append".into()));
    }
    let mut head = head.unwrap_or_else(crate::domain::ChainHead::genesis);
    let mut events = Vec::with_capacity(batch.len());
    for new in batch {
        if !matches!(new.change, Change::ContactSaved { .. }) {
            return Err(StoreError::Directory(
                "only contact changes belong in the directory".into(),
            ));
        }
        let event = head.next_event(new.at, &new.author, new.change.clone());
        let record = event.to_record();
        head = head.advanced(&record);
        events.push((event, record));
    }
    Ok((events, head))
}

/// An imported journal, checked: its chain verifies and it starts with the declaration
/// of `id`. Returns the events with their records (byte for byte as given) and the
/// summary after them.
pub fn plan_import(id: IncidentId, records: &[Vec<u8>]) -> Result<Planned, StoreError> {
    let reject = |detail: String| StoreError::Rejected { id, detail };
    crate::domain::verify_chain(records.iter().map(Vec::as_slice), None)
        .map_err(|e| reject(e.to_string()))?;
    let mut head = crate::domain::ChainHead::genesis();
    let mut summary: Option<IncidentSummary> = None;
    let mut events = Vec::with_capacity(records.len());
    for record in records {
        let event =
            Event::from_record(record).map_err(|e| reject(format!("unreadable event: {e}")))?;
        head = head.advanced(record);
        match summary.as_mut() {
            Some(s) => s.apply(&event, head.clone()),
            None => match &event.change {
                Change::Declared(d) if d.id == id => {
                    summary = IncidentSummary::declared(&event, head.clone());
                }
                _ => {
                    return Err(reject(
                        "the journal does not start with its declaration".into(),
                    ));
                }
            },
        }
        events.push((event, record.clone()));
    }
    let summary = summary.ok_or_else(|| reject("the journal is empty".into()))?;
    Ok(Planned { events, summary })
}
