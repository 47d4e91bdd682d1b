//! A journal event and the SHA-256 chain that links each event to the one before it.

use super::Change;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev_hash` of an incident's first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Position in the incident's journal, starting at 1; also the event's id.
    pub id: u64,
    /// When it was written: the machine's clock, never set by hand. The chain and the
    /// numbering follow it.
    pub at: DateTime<Utc>,
    /// When it happened, as stated by whoever wrote it, when that is not when it was
    /// written (most of a crisis is written down after the fact). Absent in records of
    /// events written as they happened, and in every record before schema 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
    pub author: String,
    /// Hex SHA-256 of the previous event's stored record ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    pub change: Change,
    /// Its author's SSHSIG (namespace `warroom`, armored) over [`Event::signed_body`];
    /// absent in records written before signing, or on purpose (`unsigned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Written without a signature because the operator said so (`--unsigned`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsigned: bool,
}

/// What an author signs: the incident, when it was written and when it happened, and
/// the change. Not its place in the chain (it may be written by an owner process that
/// numbers it) nor its author's name (the signing key says who): the chain and the
/// roster bind those. Fixed field order, so the same event always gives the same bytes.
#[derive(Serialize)]
struct SignedBody<'a> {
    namespace: &'static str,
    incident: &'a str,
    at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    occurred_at: Option<DateTime<Utc>>,
    change: &'a Change,
}

/// The bytes an author signs for a change to `incident` written at `at`, said to have
/// happened at `occurred_at` (`None` when the same as `at`).
pub fn signed_body(
    incident: &super::IncidentId,
    at: DateTime<Utc>,
    occurred_at: Option<DateTime<Utc>>,
    change: &Change,
) -> Vec<u8> {
    let body = SignedBody {
        namespace: "warroom-event-1",
        incident: &incident.to_string(),
        at,
        occurred_at: occurred_at.filter(|o| *o != at),
        change,
    };
    // Serialising these plain types cannot fail (no maps with non-string keys).
    serde_json::to_vec(&body).unwrap_or_default()
}

/// Where a journal ends: how many events it has and the hash of the last record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub count: u64,
    pub hash: String,
}

impl ChainHead {
    pub fn genesis() -> Self {
        ChainHead {
            count: 0,
            hash: GENESIS_HASH.to_string(),
        }
    }

    /// The event that would extend this chain.
    pub fn next_event(&self, at: DateTime<Utc>, author: &str, change: Change) -> Event {
        Event {
            id: self.count + 1,
            at,
            occurred_at: None,
            author: author.to_string(),
            prev_hash: self.hash.clone(),
            change,
            signature: None,
            unsigned: false,
        }
    }

    /// The head after `record` (the stored bytes of the next event) is appended.
    pub fn advanced(&self, record: &[u8]) -> ChainHead {
        ChainHead {
            count: self.count + 1,
            hash: record_hash(record),
        }
    }
}

/// Two times closer than this are the same for a reader: no "logged at" is said.
pub const SAME_MINUTE: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

impl Event {
    /// When it happened (clocks, the checklist, the timeline, the report use this).
    pub fn occurred(&self) -> DateTime<Utc> {
        self.occurred_at.unwrap_or(self.at)
    }

    /// When it was written, when that is more than a minute from when it happened:
    /// what screens and reports add ("13:05, logged 14:20").
    pub fn logged_apart(&self) -> Option<DateTime<Utc>> {
        let gap = (self.at - self.occurred()).abs();
        (gap > SAME_MINUTE).then_some(self.at)
    }

    /// What its author signed (see [`signed_body`]), for an event of `incident`.
    pub fn signed_body(&self, incident: &super::IncidentId) -> Vec<u8> {
        signed_body(incident, self.at, self.occurred_at, &self.change)
    }

    /// The exact bytes stored and hashed. JSON with the struct's fixed field order, so the
    /// same event always gives the same bytes.
    pub fn to_record(&self) -> Vec<u8> {
        // Serialising these plain types cannot fail (no maps with non-string keys).
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_record(record: &[u8]) -> Result<Event, serde_json::Error> {
        serde_json::from_slice(record)
    }
}

pub fn record_hash(record: &[u8]) -> String {
    hex::encode(Sha256::digest(record))
}

/// Why a journal fails verification, naming the first event that cannot be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {event}: {reason}")]
pub struct ChainBreak {
    pub event: u64,
    pub reason: String,
}

/// Checks every record of a journal in order: each parses, is numbered in sequence, and
/// links to the hash of the record before it. `expected_head` is the head hash kept
/// apart from the journal (in the index), which is what protects the last record.
pub fn verify_chain<'a>(
    records: impl IntoIterator<Item = &'a [u8]>,
    expected_head: Option<&str>,
) -> Result<ChainHead, ChainBreak> {
    let mut head = ChainHead::genesis();
    for record in records {
        let position = head.count + 1;
        let event = Event::from_record(record).map_err(|e| ChainBreak {
            event: position,
            reason: format!("record is not a valid event ({e})"),
        })?;
        if event.id != position {
            return Err(ChainBreak {
                event: position,
                reason: format!("numbered {} where {position} was expected", event.id),
            });
        }
        if event.prev_hash != head.hash {
            return Err(if position == 1 {
                ChainBreak {
                    event: 1,
                    reason: "the first event does not start from the genesis hash".into(),
                }
            } else {
                ChainBreak {
                    event: head.count,
                    reason: format!(
                        "its hash does not match the link stored in event {position} \
                         (event {} or that link was altered)",
                        head.count
                    ),
                }
            });
        }
        head = head.advanced(record);
    }
    if let Some(expected) = expected_head
        && expected != head.hash
    {
        return Err(ChainBreak {
            event: head.count,
            reason: "the last event does not match the journal head kept in the index".into(),
        });
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn note(text: &str) -> Change {
        Change::NoteAdded { text: text.into() }
    }

    fn journal(texts: &[String]) -> (Vec<Vec<u8>>, ChainHead) {
        let mut head = ChainHead::genesis();
        let mut records = Vec::new();
        let at = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        for t in texts {
            let record = head.next_event(at, "alice", note(t)).to_record();
            head = head.advanced(&record);
            records.push(record);
        }
        (records, head)
    }

    #[test]
    fn an_intact_chain_verifies() {
        let (records, head) = journal(&["a".into(), "b".into(), "c".into()]);
        let got = verify_chain(records.iter().map(Vec::as_slice), Some(&head.hash));
        assert_eq!(got, Ok(head));
    }

    #[test]
    fn a_missing_event_is_named() {
        let (mut records, head) = journal(&["a".into(), "b".into(), "c".into()]);
        records.remove(1);
        let err = verify_chain(records.iter().map(Vec::as_slice), Some(&head.hash)).unwrap_err();
        assert_eq!(err.event, 2);
    }

    #[test]
    fn record_round_trips() {
        let (records, _) = journal(&["hello".into()]);
        let event = Event::from_record(&records[0]).unwrap();
        assert_eq!(event.to_record(), records[0]);
    }

    proptest! {
        #[test]
        fn any_altered_byte_breaks_the_chain(
            texts in proptest::collection::vec("[a-z ]{0,12}", 1..6),
            which in any::<prop::sample::Index>(),
            byte in any::<prop::sample::Index>(),
            flip in 1u8..=255,
        ) {
            let (mut records, head) = journal(&texts);
            let r = which.index(records.len());
            let b = byte.index(records[r].len());
            records[r][b] ^= flip;
            let got = verify_chain(records.iter().map(Vec::as_slice), Some(&head.hash));
            prop_assert!(got.is_err());
            prop_assert!(got.unwrap_err().event <= r as u64 + 1);
        }
    }
}
