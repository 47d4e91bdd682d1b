//! Importing observables from another tool's file: which format it is (said, or seen
//! from its content), every value read and checked before anything is stored, and the
//! observables that appear more than once in the file merged by the register's own rule.

use super::json::{At, ImportError, Why, parse};
use crate::domain::{ObservableKind, ObservableSpec, Observables, Tlp};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Misp,
    Stix,
}

/// What a file gives: observables, each once, and how many of its entries were of
/// types that have no observable kind (skipped, not refused).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    pub observables: Vec<ObservableSpec>,
    pub skipped: usize,
}

impl Imported {
    /// How many of the file's observables `register` has already (merged into it, not
    /// added) and how many it does not.
    pub fn merged_and_added(&self, register: &Observables) -> (usize, usize) {
        let merged = self
            .observables
            .iter()
            .filter(|spec| register.find(spec.kind, &spec.value).is_some())
            .count();
        (merged, self.observables.len() - merged)
    }
}

/// The format a file's content shows: a MISP event has `Event`, a STIX bundle says so.
pub fn detect(value: &Value) -> Option<Format> {
    if value.get("Event").is_some_and(Value::is_object) {
        Some(Format::Misp)
    } else if value.get("type").and_then(Value::as_str) == Some("bundle") {
        Some(Format::Stix)
    } else {
        None
    }
}

/// The observables of `text`, read as `format` (or as its content shows), for an
/// incident whose TLP is `incident_tlp`: a TLP equal to it is left unset, so the
/// observable follows the incident's.
pub fn read(
    text: &str,
    format: Option<Format>,
    incident_tlp: Tlp,
) -> Result<(Format, Imported), ImportError> {
    let value = parse(text)?;
    let format = match format.or_else(|| detect(&value)) {
        Some(format) => format,
        None => return Err(At::root(&value).fail(Why::NotAnExport)),
    };
    let mut imported = match format {
        Format::Misp => super::misp::import(&value)?,
        Format::Stix => super::stix::import(&value)?,
    };
    for spec in &mut imported.observables {
        if spec.tlp == Some(incident_tlp) {
            spec.tlp = None;
        }
    }
    imported.observables = merged(&imported.observables);
    Ok((format, imported))
}

/// A date a file may state.
type Seen = Option<DateTime<Utc>>;

/// Each observable once, as the register would keep them (flags raised stay raised,
/// notes add up, links unite, the seen dates the entries state widen).
pub fn merged(specs: &[ObservableSpec]) -> Vec<ObservableSpec> {
    let mut register = Observables::default();
    // By the register's own key, each entry's place in it.
    let mut places: HashMap<(ObservableKind, String), usize> = HashMap::new();
    let mut seen: Vec<(Seen, Seen)> = Vec::new();
    for spec in specs {
        register.report(spec, DateTime::UNIX_EPOCH, "");
        let next = places.len();
        let place = *places
            .entry((spec.kind, spec.value.clone()))
            .or_insert(next);
        if place == seen.len() {
            seen.push((None, None));
        }
        if let Some((first, last)) = seen.get_mut(place) {
            *first = [*first, spec.first_seen].into_iter().flatten().min();
            *last = [*last, spec.last_seen].into_iter().flatten().max();
        }
    }
    register
        .all
        .into_iter()
        .zip(seen)
        .map(|(record, (first_seen, last_seen))| ObservableSpec {
            first_seen,
            last_seen,
            ..record.spec
        })
        .collect()
}
