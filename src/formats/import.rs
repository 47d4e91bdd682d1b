//! Importing observables from another tool's file: which format it is (said, or seen
//! from its content), every value read and checked before anything is stored, and the
//! observables that appear more than once in the file merged by the register's own rule.

use super::json::{At, ImportError, Why, parse};
use crate::domain::{ObservableSpec, Observables, Tlp};
use chrono::DateTime;
use serde_json::Value;

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

/// Each observable once, as the register would keep them (flags raised stay raised,
/// notes add up, links unite).
pub fn merged(specs: &[ObservableSpec]) -> Vec<ObservableSpec> {
    let mut register = Observables::default();
    for spec in specs {
        register.report(spec, DateTime::UNIX_EPOCH, "");
    }
    register.all.into_iter().map(|record| record.spec).collect()
}
