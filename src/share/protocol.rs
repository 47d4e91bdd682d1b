//! What owner and clients say to each other, one JSON value per line.
//!
//! A client opens with a [`Hello`]; the owner answers a [`Greeting`]. A command then
//! sends [`Request`]s (store operations: reads, and writes that carry an expiry) and gets
//! one [`Response`] each. A follower gets an [`Update::Snapshot`], then every change,
//! and an [`Update::Ping`] when nothing happens, so that it can tell a stopped owner
//! from a quiet one.

use crate::domain::{Event, IncidentId, IncidentSummary};
use crate::store::{NewEvent, Problem, StoreError};
use serde::{Deserialize, Serialize};

/// Bumped when a message changes shape: a client and an owner of different versions
/// refuse each other with a message instead of misreading.
pub const VERSION: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A command working on the store through the owner.
    Client,
    /// A dashboard or wall showing what the owner shows.
    Follower,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Hello {
    pub version: u32,
    pub role: Role,
    /// Who sits at a follower: the handle its operator's dashboard says (a claim the
    /// owner checks against the roster by the kernel's login), and whether it is a wall.
    #[serde(default)]
    pub seat: Seat,
}

/// Who sits at a follower, as it says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub handle: Option<String>,
    pub wall: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Greeting {
    Welcome { version: u32, pid: u32 },
    Refused { reason: String },
}

/// A journal record on the wire: its bytes as text when they are UTF-8 (as every
/// record warroom writes is), else in hex, so that any stored byte goes through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    Text(String),
    Hex { hex: String },
}

impl Record {
    pub fn wrap(bytes: Vec<u8>) -> Record {
        match String::from_utf8(bytes) {
            Ok(text) => Record::Text(text),
            Err(e) => Record::Hex {
                hex: hex::encode(e.into_bytes()),
            },
        }
    }

    pub fn unwrap_bytes(self) -> Result<Vec<u8>, StoreError> {
        match self {
            Record::Text(text) => Ok(text.into_bytes()),
            Record::Hex { hex } => hex::decode(hex)
                .map_err(|e| StoreError::Owner(format!("a record in hex does not decode: {e}"))),
        }
    }
}

pub fn wrap_all(records: Vec<Vec<u8>>) -> Vec<Record> {
    records.into_iter().map(Record::wrap).collect()
}

pub fn unwrap_all(records: Vec<Record>) -> Result<Vec<Vec<u8>>, StoreError> {
    records.into_iter().map(Record::unwrap_bytes).collect()
}

/// One operation on the store.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    List,
    Summary {
        id: IncidentId,
    },
    Records {
        id: IncidentId,
    },
    DirectoryRecords,
    TakenIds,
    Append {
        id: IncidentId,
        batch: Vec<NewEvent>,
    },
    AppendDirectory {
        batch: Vec<NewEvent>,
    },
    Import {
        id: IncidentId,
        records: Vec<Record>,
    },
    ReindexUnlisted,
    Damaged,
    RebuiltAt,
    Verified {
        id: IncidentId,
    },
}

impl Op {
    /// Whether the operation changes the store (and so goes to the owner's writer, in
    /// order, and is dropped once expired).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Op::Append { .. }
                | Op::AppendDirectory { .. }
                | Op::Import { .. }
                | Op::ReindexUnlisted
                | Op::Verified { .. }
        )
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// Echoed in the response.
    pub id: u64,
    /// On the machine's monotonic clock ([`super::wire::monotonic_ms`]): a write not
    /// started by then is never carried out, because its client has given up on it.
    pub expires_ms: u64,
    pub op: Op,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    List(Vec<IncidentSummary>),
    Summary(Option<IncidentSummary>),
    Records(Vec<Record>),
    Events(Vec<Event>),
    Ids(Vec<IncidentId>),
    Imported(bool),
    Damaged(Vec<(IncidentId, String)>),
    Text(Option<String>),
    Done,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Response {
    pub id: u64,
    pub result: Result<Answer, WireError>,
}

/// A store error as it crosses the socket: the variants a command acts on keep their
/// meaning (an id already taken, an incident unknown…) and their [`Problem`], worded by
/// the client in its own language; the rest travel as text, worded by the owner.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum WireError {
    UnknownIncident {
        id: IncidentId,
    },
    AlreadyExists {
        id: IncidentId,
    },
    Rejected {
        id: IncidentId,
        problem: Problem,
    },
    Corrupt {
        id: IncidentId,
        problem: Problem,
    },
    ImportConflict {
        id: IncidentId,
    },
    Directory {
        problem: Problem,
    },
    /// The write's expiry passed before the owner could start it: not carried out.
    Expired,
    /// The owner is closing: the write was not started (`started` false), or was and
    /// its outcome is not known.
    Closing {
        started: bool,
    },
    /// The owner started the write and has not finished it in this many seconds.
    Unknown {
        waited_s: u64,
    },
    /// The owner's writer panicked on this write: not carried out.
    Internal,
    Other {
        message: String,
    },
}

impl From<&StoreError> for WireError {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::UnknownIncident(id) => WireError::UnknownIncident { id: *id },
            StoreError::AlreadyExists(id) => WireError::AlreadyExists { id: *id },
            StoreError::Rejected { id, problem } => WireError::Rejected {
                id: *id,
                problem: problem.clone(),
            },
            StoreError::Corrupt { id, problem } => WireError::Corrupt {
                id: *id,
                problem: problem.clone(),
            },
            StoreError::ImportConflict(id) => WireError::ImportConflict { id: *id },
            StoreError::Directory(problem) => WireError::Directory {
                problem: problem.clone(),
            },
            StoreError::Internal => WireError::Internal,
            other => WireError::Other {
                message: crate::text::store_error(other),
            },
        }
    }
}

impl WireError {
    /// `pid` is the owner's, `waited` how long the client would wait.
    pub fn into_store_error(self, pid: u32, waited: std::time::Duration) -> StoreError {
        match self {
            WireError::UnknownIncident { id } => StoreError::UnknownIncident(id),
            WireError::AlreadyExists { id } => StoreError::AlreadyExists(id),
            WireError::Rejected { id, problem } => StoreError::Rejected { id, problem },
            WireError::Corrupt { id, problem } => StoreError::Corrupt { id, problem },
            WireError::ImportConflict { id } => StoreError::ImportConflict(id),
            WireError::Directory { problem } => StoreError::Directory(problem),
            WireError::Expired => StoreError::NotStarted { pid, waited },
            WireError::Closing { started } => StoreError::OwnerClosed {
                pid,
                maybe_written: started,
            },
            WireError::Unknown { waited_s } => StoreError::OutcomeUnknown { pid, waited_s },
            WireError::Internal => StoreError::Internal,
            WireError::Other { message } => StoreError::Owner(message),
        }
    }
}

/// What the owner sends a follower: the whole picture once, then every change.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Update {
    Snapshot {
        data_dir: String,
        incidents: Vec<IncidentSummary>,
        events: Option<Vec<Event>>,
        directory: Vec<Event>,
    },
    Saved {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    /// Events another process wrote through the owner (not shown unless on screen).
    Written {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    Loaded {
        id: IncidentId,
        events: Vec<Event>,
    },
    Directory {
        events: Vec<Event>,
    },
    /// Who has a dashboard or wall open on the store now, the owner first.
    Presence {
        present: Vec<crate::app::Present>,
    },
    /// Nothing new: the owner is alive and well.
    Ping,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_record_bytes_cross_the_wire_unchanged() {
        for bytes in [b"{\"id\":1}".to_vec(), vec![0xff, 0x00, b'{'], Vec::new()] {
            let line = serde_json::to_string(&Record::wrap(bytes.clone()))
                .unwrap_or_else(|e| panic!("{e}"));
            let back: Record = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back.unwrap_bytes().ok(), Some(bytes));
        }
    }
}
