//! The formats CSIRTs exchange: MISP events and STIX 2.1 bundles (out and in), Timesketch
//! timelines (CSV and JSON lines) and plain CSV tables; which file is made of what is
//! said once, in exchange.rs, for both faces. Each format is one file; they
//! share what an export may show an audience (`audience.rs`) and how an import says
//! where a file is wrong (`json.rs`). Values go out refanged (canonical): the readers
//! are machines. Nothing here reads a clock or a file: the caller passes the state, the
//! events and `now`, and writes the text it gets back.

pub mod audience;
pub mod exchange;
pub mod import;
pub mod json;
pub mod misp;
pub mod stix;
pub mod table;
pub mod timesketch;

pub use audience::{Audience, Item, Tally};
pub use exchange::{Target, export};
pub use import::{Format, Imported, detect, read};
pub use json::{ImportError, Why};

use crate::domain::{Event, IncidentState};

/// What an export is made from: the incident as folded, its journal, and who sends it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub state: &'a IncidentState,
    pub events: &'a [Event],
    /// The organisation sending it (the config's `organisation`).
    pub organisation: &'a str,
}

/// An export's text, and what the audience's TLP left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub body: String,
    pub tally: Tally,
}

/// A namespace of warroom's own for name-based (v5) UUIDs: the same incident and value
/// give the same id at every export, so a receiver updates what it has instead of
/// adding it twice.
pub(crate) fn uuid_for(name: &str) -> uuid::Uuid {
    let namespace = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"urn:warroom:exchange");
    uuid::Uuid::new_v5(&namespace, name.as_bytes())
}

/// JSON for people and machines alike: indented, keys in a fixed order, one final
/// newline. A `Value` always serialises.
pub(crate) fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
