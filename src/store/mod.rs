//! Where journals live. A [`Store`] keeps one journal per incident plus an index of
//! incident summaries; every append is durable (flushed) before it returns.

mod append;
mod error;
mod location;
pub mod lock;
mod memory;
pub mod salvage;
mod sharing;
mod sled_store;

pub use append::NewEvent;
pub use error::{Exposure, IoStep, Part, Problem, StoreError};
#[cfg(test)]
pub use location::private_tempdir;
pub use location::{check_private_dir, create_private_dir, default_data_dir};
pub use memory::MemoryStore;
pub use sharing::{Sharing, share, sharing};
pub use sled_store::{SCHEMA_VERSION, SledStore, kept_folders, only_readable, repair};

use crate::domain::{Event, IncidentId, IncidentSummary};

pub trait Store: Send {
    /// Every incident's summary, most recently updated first.
    fn list(&self) -> Result<Vec<IncidentSummary>, StoreError>;

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError>;

    /// The stored bytes of each event, in order: what the hash chain covers.
    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError>;

    /// Appends `batch` to the incident's journal in one atomic, durable step and returns
    /// the events as stored. A batch that starts with a declaration creates the incident.
    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError>;

    /// Appends several batches, each to its incident, each in order and all-or-none on
    /// its own, with as few syncs as the store can: a store on disk syncs each journal
    /// written to once for the lot (group commit). A batch that fails fails alone,
    /// unless the sync of its journal fails, which fails every batch of that journal.
    fn append_all(
        &self,
        batches: &[(IncidentId, Vec<NewEvent>)],
    ) -> Vec<Result<Vec<Event>, StoreError>> {
        batches
            .iter()
            .map(|(id, batch)| self.append(*id, batch))
            .collect()
    }

    /// Human-readable location, for the status line and messages.
    fn location(&self) -> String;

    /// Adds an incident from a journal exported elsewhere, records byte for byte.
    /// `Ok(false)` when the same journal is already here (importing twice changes
    /// nothing); an incident with the same id and other content is refused.
    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError>;

    /// The directory journal: contacts added or edited from the dashboard, in order.
    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError>;

    /// Appends contact changes to the directory journal, durably, and returns them.
    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError>;

    /// The directory journal's events, parsed.
    fn directory_events(&self) -> Result<Vec<Event>, StoreError> {
        self.directory_records()?
            .iter()
            .zip(1..)
            .map(|(r, n)| parse_event(n, r).map_err(StoreError::Directory))
            .collect()
    }

    /// Puts back in the index the incidents that have events on disk but no index
    /// entry (so `list` missed them), and returns them; `verify` runs it and says so.
    fn reindex_unlisted(&self) -> Result<Vec<IncidentId>, StoreError> {
        Ok(Vec::new())
    }

    /// The incidents found damaged (by any process, until verified or repaired), with
    /// what was found.
    fn damaged(&self) -> Result<Vec<(IncidentId, String)>, StoreError> {
        Ok(Vec::new())
    }

    /// When the index was last rebuilt from the journals: a journal restored from an
    /// older copy before then cannot be told from the original.
    fn index_rebuilt_at(&self) -> Result<Option<String>, StoreError> {
        Ok(None)
    }

    /// Incident `id` was verified sound: it is no longer listed as damaged.
    fn verified(&self, _id: IncidentId) -> Result<(), StoreError> {
        Ok(())
    }

    /// The directory the store lives in, where drafts and exports may be written;
    /// `None` for a store that is not on disk.
    fn directory(&self) -> Option<&std::path::Path> {
        None
    }

    /// The events of an incident, parsed.
    fn events(&self, id: IncidentId) -> Result<Vec<Event>, StoreError> {
        let records = self.records(id)?;
        if records.is_empty() && self.summary(id)?.is_none() {
            return Err(StoreError::UnknownIncident(id));
        }
        records
            .iter()
            .enumerate()
            .map(|(n, r)| parse_record(id, n, r))
            .collect()
    }

    /// The events of an incident after its first `seen`: what a reader that has
    /// folded `seen` events has not read yet.
    fn events_after(&self, id: IncidentId, seen: u64) -> Result<Vec<Event>, StoreError> {
        let mut events = self.events(id)?;
        let seen = usize::try_from(seen)
            .unwrap_or(usize::MAX)
            .min(events.len());
        Ok(events.split_off(seen))
    }

    /// Every id a new incident must not take: the listed ones, and for a store on
    /// disk any that has a journal without an index entry.
    fn taken_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        Ok(self.list()?.into_iter().map(|s| s.id).collect())
    }

    /// The next free id of the year for real incidents or exercises.
    fn next_id(&self, exercise: bool, year: u16) -> Result<IncidentId, StoreError> {
        let last = self
            .taken_ids()?
            .iter()
            .filter(|id| id.exercise == exercise && id.year == year)
            .map(|id| id.number)
            .max()
            .unwrap_or(0);
        Ok(IncidentId::new(exercise, year, last + 1))
    }
}

/// Parses the `n`th (0-based) record of an incident's journal.
fn parse_record(id: IncidentId, n: usize, record: &[u8]) -> Result<Event, StoreError> {
    parse_event(n as u64 + 1, record).map_err(|problem| StoreError::Corrupt { id, problem })
}

/// Parses the record of event `event` (from 1).
fn parse_event(event: u64, record: &[u8]) -> Result<Event, Problem> {
    Event::from_record(record).map_err(|e| Problem::Unparsable {
        event,
        cause: e.to_string(),
    })
}

/// Open incidents first, then closed ones; most recently updated first within each.
fn sort_for_list(summaries: &mut [IncidentSummary]) {
    summaries.sort_by(|a, b| {
        a.closed
            .cmp(&b.closed)
            .then(b.updated_at.cmp(&a.updated_at))
            .then(b.id.cmp(&a.id))
    });
}

#[cfg(test)]
pub(crate) mod conformance;
