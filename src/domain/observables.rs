//! The observables register of an incident: each observable once, however many times it
//! was reported. A report of a value already in the register (same kind, same canonical
//! value) is merged into it: flags are kept once raised, links are united, the first and
//! last time it was seen widen (from the report's time, or the dates an imported file
//! states). Entries are numbered `O1`, `O2`… in the order they were
//! first reported.

use super::Tlp;
use super::observable::ObservableKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An observable as one report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservableSpec {
    pub kind: ObservableKind,
    /// Canonical (see `observable::normalise`), never defanged.
    pub value: String,
    /// An indicator of compromise: worth looking for elsewhere (MISP's `to_ids`).
    #[serde(default)]
    pub ioc: bool,
    /// Seen in this organisation's systems, not only reported by someone else.
    #[serde(default)]
    pub sighted: bool,
    /// Unset: the incident's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tlp: Option<Tlp>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Journal events it was found in or is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<u64>,
    /// Evidence items it was found in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Affected assets it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<String>,
    /// When it was first and last seen, as another tool's file states it (an import);
    /// unset, the report's own time is both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<DateTime<Utc>>,
}

impl ObservableSpec {
    pub fn new(kind: ObservableKind, value: String) -> Self {
        ObservableSpec {
            kind,
            value,
            ioc: false,
            sighted: false,
            tlp: None,
            source: String::new(),
            note: String::new(),
            events: Vec::new(),
            evidence: Vec::new(),
            assets: Vec::new(),
            first_seen: None,
            last_seen: None,
        }
    }

    /// The span this report says it was seen in: the dates it states (one alone is
    /// both ends), else the moment `at` of the report.
    pub fn seen(&self, at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        let first = self.first_seen.or(self.last_seen).unwrap_or(at);
        let last = self.last_seen.or(self.first_seen).unwrap_or(at);
        (first.min(last), last.max(first))
    }
}

/// A fact of an observable set anew (`ioc set O3 ioc no`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "kebab-case")]
pub enum ObservableEdit {
    Ioc(bool),
    Sighted(bool),
    Tlp(Option<Tlp>),
    Source(String),
    Note(String),
}

/// An observable in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservableRecord {
    /// `O1`, `O2`…
    pub id: String,
    pub spec: ObservableSpec,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    /// Who reported it first.
    pub reported_by: String,
    /// How many reports were merged into it.
    pub reports: u32,
}

impl ObservableRecord {
    /// Another report of the same value: flags stay raised, a TLP or source stated
    /// later is kept, notes add up, links are united, the seen span widens.
    fn merge(&mut self, spec: &ObservableSpec, at: DateTime<Utc>) {
        let mine = &mut self.spec;
        mine.ioc |= spec.ioc;
        mine.sighted |= spec.sighted;
        if spec.tlp.is_some() {
            mine.tlp = spec.tlp;
        }
        if !spec.source.is_empty() && mine.source.is_empty() {
            mine.source.clone_from(&spec.source);
        }
        if !spec.note.is_empty() && !mine.note.contains(&spec.note) {
            if !mine.note.is_empty() {
                mine.note.push_str("; ");
            }
            mine.note.push_str(&spec.note);
        }
        unite(&mut mine.events, &spec.events);
        unite(&mut mine.evidence, &spec.evidence);
        unite(&mut mine.assets, &spec.assets);
        let (first, last) = spec.seen(at);
        self.first_seen = self.first_seen.min(first);
        self.last_seen = self.last_seen.max(last);
        self.reports += 1;
    }

    fn edit(&mut self, edit: &ObservableEdit) {
        let spec = &mut self.spec;
        match edit {
            ObservableEdit::Ioc(yes) => spec.ioc = *yes,
            ObservableEdit::Sighted(yes) => spec.sighted = *yes,
            ObservableEdit::Tlp(tlp) => spec.tlp = *tlp,
            ObservableEdit::Source(source) => spec.source.clone_from(source),
            ObservableEdit::Note(note) => spec.note.clone_from(note),
        }
    }

    /// Its TLP: its own, else the incident's.
    pub fn tlp(&self, incident: Tlp) -> Tlp {
        self.spec.tlp.unwrap_or(incident)
    }
}

fn unite<T: PartialEq + Clone>(into: &mut Vec<T>, from: &[T]) {
    for x in from {
        if !into.contains(x) {
            into.push(x.clone());
        }
    }
}

/// The register, with an index by kind and value so that a report is merged in constant
/// time however many observables the incident has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Observables {
    pub all: Vec<ObservableRecord>,
    #[serde(skip)]
    by_value: HashMap<(ObservableKind, String), usize>,
}

impl Observables {
    pub fn report(&mut self, spec: &ObservableSpec, at: DateTime<Utc>, by: &str) {
        let key = (spec.kind, spec.value.clone());
        if let Some(&i) = self.by_value.get(&key)
            && let Some(record) = self.all.get_mut(i)
        {
            record.merge(spec, at);
            return;
        }
        self.by_value.insert(key, self.all.len());
        let (first_seen, last_seen) = spec.seen(at);
        self.all.push(ObservableRecord {
            id: format!("O{}", self.all.len() + 1),
            spec: spec.clone(),
            first_seen,
            last_seen,
            reported_by: by.to_string(),
            reports: 1,
        });
    }

    pub fn edit(&mut self, id: &str, edit: &ObservableEdit) {
        if let Some(record) = self.get_mut(id) {
            record.edit(edit);
        }
    }

    /// The observable an operator means by `typed`, the one rule for every face: its
    /// id as written or typed (`O3`, `o3`, spaces around it trimmed).
    pub fn resolve(&self, typed: &str) -> Option<&ObservableRecord> {
        self.get(typed.trim())
    }

    /// The entry `O3`, found by its number.
    pub fn get(&self, id: &str) -> Option<&ObservableRecord> {
        let n: usize = id.strip_prefix(['O', 'o'])?.parse().ok()?;
        self.all.get(n.checked_sub(1)?)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut ObservableRecord> {
        let n: usize = id.strip_prefix(['O', 'o'])?.parse().ok()?;
        self.all.get_mut(n.checked_sub(1)?)
    }

    /// The entry for this kind and canonical value, if reported.
    pub fn find(&self, kind: ObservableKind, value: &str) -> Option<&ObservableRecord> {
        let &i = self.by_value.get(&(kind, value.to_string()))?;
        self.all.get(i)
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 11, 28, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn stated_seen_dates_widen_the_span_and_the_report_time_is_the_default() {
        let mut register = Observables::default();
        let spec = ObservableSpec::new(ObservableKind::Domain, "evil.example".into());
        // Imported: seen from 2 to 5, reported at 12; the report's time is not a sighting.
        let imported = ObservableSpec {
            first_seen: Some(at(2)),
            last_seen: Some(at(5)),
            ..spec.clone()
        };
        register.report(&imported, at(12), "a");
        let o = &register.all[0];
        assert_eq!((o.first_seen, o.last_seen), (at(2), at(5)));
        // Only a first seen: it is both ends; widens to 1.
        let earlier = ObservableSpec {
            first_seen: Some(at(1)),
            ..spec.clone()
        };
        register.report(&earlier, at(12), "a");
        let o = &register.all[0];
        assert_eq!((o.first_seen, o.last_seen), (at(1), at(5)));
        // Typed by hand at 9: the report's time.
        register.report(&spec, at(9), "a");
        let o = &register.all[0];
        assert_eq!((o.first_seen, o.last_seen, o.reports), (at(1), at(9), 3));
        // Stated backwards: read in order.
        let backwards = ObservableSpec {
            first_seen: Some(at(8)),
            last_seen: Some(at(7)),
            ..spec
        };
        assert_eq!(backwards.seen(at(12)), (at(7), at(8)));
    }

    #[test]
    fn a_journal_without_seen_dates_still_reads() {
        let old = r#"{"kind":"ip","value":"198.51.100.7","ioc":true}"#;
        let spec: Result<ObservableSpec, _> = serde_json::from_str(old);
        assert!(
            spec.as_ref().is_ok_and(|s| s.first_seen.is_none()),
            "{spec:?}"
        );
        let written =
            serde_json::to_string(&spec.unwrap_or_else(|e| panic!("{e}"))).unwrap_or_default();
        assert!(!written.contains("seen"), "{written}");
    }
}
