//! Reading a journal past its damage. A database that no longer opens, or reads only up
//! to a bad spot, still holds its records: sled stores each value as it was given, so
//! the records (JSON starting `{"id":`) can be found in the raw bytes of its files, some
//! more than once (older copies of a page). The hash chain then says which are
//! authentic: forward from the start, and backward from the head the index recorded.

use crate::domain::{ChainHead, Event, GENESIS_HASH, record_hash};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::path::Path;

/// Every record found, by event id (distinct byte strings only).
#[derive(Debug, Default)]
pub struct Found {
    by_id: BTreeMap<u64, Vec<Vec<u8>>>,
    /// The incident whose journal is read: a declaration of another is not its first
    /// event (journal folders swapped or copied).
    of: Option<crate::domain::IncidentId>,
}

impl Found {
    /// Records of incident `id`'s journal.
    pub fn of(id: crate::domain::IncidentId) -> Self {
        Found {
            of: Some(id),
            ..Found::default()
        }
    }

    /// The records in `bytes`.
    pub fn scan_bytes(&mut self, bytes: &[u8]) {
        const START: &[u8] = b"{\"id\":";
        let mut at = 0;
        while let Some(offset) = find(&bytes[at..], START) {
            let start = at + offset;
            at = start + 1;
            let mut values =
                serde_json::Deserializer::from_slice(&bytes[start..]).into_iter::<IgnoredAny>();
            if !matches!(values.next(), Some(Ok(_))) {
                continue;
            }
            let record = &bytes[start..start + values.byte_offset()];
            if let Ok(event) = Event::from_record(record)
                && self.belongs(&event)
            {
                let copies = self.by_id.entry(event.id).or_default();
                if !copies.iter().any(|c| c == record) {
                    copies.push(record.to_vec());
                }
            }
        }
    }

    /// The records in the files of the database folder `folder` (its log and blobs).
    pub fn scan_folder(&mut self, folder: &Path) {
        let mut files = vec![folder.join("db")];
        if let Ok(blobs) = std::fs::read_dir(folder.join("blobs")) {
            files.extend(blobs.flatten().map(|b| b.path()));
        }
        for file in files {
            if let Ok(bytes) = std::fs::read(&file) {
                self.scan_bytes(&bytes);
            }
        }
    }

    fn belongs(&self, event: &Event) -> bool {
        match (&event.change, self.of) {
            (crate::domain::Change::Declared(d), Some(id)) => d.id == id,
            _ => true,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// What the chain makes of the records found, against the head the index recorded
    /// (`None` if it has none).
    pub fn chain(&self, head: Option<&ChainHead>) -> Chain {
        // Forward from the start: each record names the hash of the one before. Of
        // several copies that follow, the one the next event names is taken (another
        // may be a damaged copy that still parses).
        let named_by_next = |id: u64, record: &[u8]| {
            let hash = record_hash(record);
            self.by_id.get(&(id + 1)).is_some_and(|next| {
                next.iter()
                    .any(|c| Event::from_record(c).is_ok_and(|e| e.prev_hash == hash))
            })
        };
        let mut forward: Vec<Vec<u8>> = Vec::new();
        let mut expected = GENESIS_HASH.to_string();
        for id in 1.. {
            let next = self.by_id.get(&id).and_then(|copies| {
                let follows =
                    |c: &&Vec<u8>| Event::from_record(c).is_ok_and(|e| e.prev_hash == expected);
                copies
                    .iter()
                    .filter(follows)
                    .find(|c| named_by_next(id, c))
                    .or_else(|| copies.iter().find(follows))
            });
            let Some(record) = next else {
                break;
            };
            expected = record_hash(record);
            forward.push(record.clone());
        }
        // Backward from the recorded head: each record is the one the next names.
        let mut backward_from = None;
        if let Some(head) = head {
            let mut want = head.hash.clone();
            let mut id = head.count;
            while id > 0 {
                let found = self
                    .by_id
                    .get(&id)
                    .and_then(|copies| copies.iter().find(|c| record_hash(c) == want));
                let Some(record) = found else {
                    break;
                };
                backward_from = Some(id);
                want = Event::from_record(record)
                    .map(|e| e.prev_hash)
                    .unwrap_or_default();
                id -= 1;
            }
        }
        let last_found = self.by_id.keys().next_back().copied().unwrap_or(0);
        let readable = u64::try_from(forward.len()).unwrap_or(u64::MAX);
        // Complete: the chain from the start goes through the recorded head (and, the
        // index being a cache that may lag, whatever follows it, linked to it, is kept
        // too); with no head, it has no gap.
        let complete = match head {
            None => readable == last_found,
            Some(h) => usize::try_from(h.count)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|last| forward.get(last))
                .is_some_and(|r| record_hash(r) == h.hash),
        };
        let end = head.map_or(last_found, |h| h.count.max(readable));
        Chain {
            readable_from_start: readable.min(end),
            linked_to_head_from: backward_from,
            end,
            past_head: head.map_or(0, |h| readable.saturating_sub(h.count)),
            records: complete.then_some(forward),
        }
    }
}

/// What a damaged journal's records amount to.
#[derive(Debug, PartialEq, Eq)]
pub struct Chain {
    /// Events 1 to this one read and chain from the start.
    pub readable_from_start: u64,
    /// Events from this one to the recorded head read and chain to that head.
    pub linked_to_head_from: Option<u64>,
    /// The last event there should be (the recorded head, else the last found).
    pub end: u64,
    /// Events read past the head the index recorded (written after the index was last
    /// saved), kept in `records`.
    pub past_head: u64,
    /// The whole journal, when every event was found and chains to the head: enough to
    /// rebuild its database.
    pub records: Option<Vec<Vec<u8>>>,
}

/// The first event of a journal that cannot be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// No readable record of it was found.
    Unreadable(u64),
    /// It reads, but the next event names another hash for it: it was changed.
    Altered(u64),
}

impl Chain {
    /// The first event that cannot be trusted, if any.
    pub fn first_bad(&self) -> Option<Bad> {
        if self.records.is_some() {
            return None;
        }
        let read = self.readable_from_start;
        Some(match self.linked_to_head_from {
            Some(from) if read > 0 && from == read + 1 => Bad::Altered(read),
            _ => Bad::Unreadable(read + 1),
        })
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ChainHead, Change};

    fn journal(n: u64) -> (Vec<Vec<u8>>, ChainHead) {
        let mut head = ChainHead::genesis();
        let mut records = Vec::new();
        for i in 0..n {
            let event = head.next_event(
                chrono::DateTime::UNIX_EPOCH,
                "t",
                Change::NoteAdded {
                    text: format!("note {i}"),
                },
            );
            let record = event.to_record();
            head = head.advanced(&record);
            records.push(record);
        }
        (records, head)
    }

    /// Records laid out as in a log: with noise between them and older copies.
    fn raw(records: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = b"\x00\x13garbage{\"id\":\"not an event\"}".to_vec();
        for r in records {
            bytes.extend_from_slice(b"\x07\x00\x01");
            bytes.extend_from_slice(r);
        }
        bytes.extend_from_slice(&records[0]);
        bytes
    }

    #[test]
    fn a_whole_journal_is_found_again_in_raw_bytes() {
        let (records, head) = journal(5);
        let mut found = Found::default();
        found.scan_bytes(&raw(&records));
        let chain = found.chain(Some(&head));
        assert_eq!(chain.records.as_ref(), Some(&records));
        assert_eq!(chain.first_bad(), None);
        assert_eq!(chain.linked_to_head_from, Some(1));
    }

    #[test]
    fn a_damaged_record_is_named_and_the_rest_read_past_it() {
        let (records, head) = journal(6);
        let mut bytes = raw(&records);
        // One byte of event 3 changed: it no longer parses.
        let third = find(&bytes, &records[2]).unwrap_or_default();
        bytes[third + 2] = b'X';
        let mut found = Found::default();
        found.scan_bytes(&bytes);
        let chain = found.chain(Some(&head));
        assert_eq!(chain.first_bad(), Some(Bad::Unreadable(3)));
        assert_eq!(chain.readable_from_start, 2);
        assert_eq!(chain.linked_to_head_from, Some(4));
        assert_eq!(chain.records, None);
    }

    #[test]
    fn of_two_copies_the_one_the_next_event_names_is_taken() {
        let (records, head) = journal(4);
        let mut bytes = raw(&records);
        // A damaged copy of event 2 that still parses, before the good one.
        let damaged = String::from_utf8_lossy(&records[1]).replace("note 1", "noXe 1");
        let mut with_copy = damaged.into_bytes();
        with_copy.extend_from_slice(&bytes);
        bytes = with_copy;
        let mut found = Found::default();
        found.scan_bytes(&bytes);
        assert_eq!(found.chain(Some(&head)).records.as_ref(), Some(&records));
    }

    #[test]
    fn events_past_a_lagging_head_are_kept() {
        let (records, _) = journal(6);
        let (_, head_at_4) = journal(4);
        let mut found = Found::default();
        found.scan_bytes(&raw(&records));
        let chain = found.chain(Some(&head_at_4));
        assert_eq!(chain.records.as_ref(), Some(&records));
        assert_eq!(chain.past_head, 2);
    }

    #[test]
    fn an_altered_record_that_still_parses_breaks_the_chain_there() {
        let (records, head) = journal(4);
        let altered: Vec<Vec<u8>> = records
            .iter()
            .map(|r| {
                String::from_utf8_lossy(r)
                    .replace("note 1", "note X")
                    .into_bytes()
            })
            .collect();
        let mut found = Found::default();
        found.scan_bytes(&raw(&altered));
        let chain = found.chain(Some(&head));
        // Event 2 chains from event 1, but event 3 names another hash for it.
        assert_eq!(chain.first_bad(), Some(Bad::Altered(2)));
        assert_eq!(chain.linked_to_head_from, Some(3));
    }
}
