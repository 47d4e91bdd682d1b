//! Observables from a STIX 2.1 bundle: indicators whose pattern is a plain list of
//! equalities (IOCs), cyber-observable objects (context, unless an indicator names the
//! same value), vulnerabilities with a CVE id, attack-patterns with an ATT&CK id, and
//! warroom's notes of `other` values. A sighting marks what it is of as sighted. An
//! indicator's `valid_from` is when it was first seen, an observed-data's
//! `first_observed` and `last_observed` when the objects it holds were; a source
//! warroom wrote (external reference `warroom-source`) comes back as it was. TLP
//! comes from each object's marking (TLP 2.0 or 1.0 ids, or the bundle's own TLP
//! marking-definitions). Whatever else the bundle holds is left alone; an indicator
//! whose pattern says more than values, and objects of other cyber-observable types,
//! are counted as skipped. The description warroom gives an indicator without a note
//! does not come back as a note.

use super::super::import::Imported;
use super::super::json::{At, ImportError, Why};
use super::{OTHER_ABSTRACT, SOURCE_REFERENCE, marking_id, pattern};
use crate::domain::{ObservableKind, ObservableSpec, Tlp};
use crate::i18n::Lang;
use crate::input::clean_line;
use crate::text;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// TLP 1.0's marking-definitions (STIX 2.1, section 7.2.1.4), still common in feeds.
const TLP1: [(&str, Tlp); 4] = [
    (
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
        Tlp::Clear,
    ),
    (
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        Tlp::Green,
    ),
    (
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        Tlp::Amber,
    ),
    (
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
        Tlp::Red,
    ),
];

/// Cyber-observable types this reader has no observable kind for.
const OTHER_SCOS: [&str; 8] = [
    "artifact",
    "autonomous-system",
    "email-message",
    "mac-addr",
    "mutex",
    "network-traffic",
    "software",
    "x509-certificate",
];

pub fn import(value: &Value) -> Result<Imported, ImportError> {
    let root = At::root(value);
    let kind = root.field("type")?;
    if kind.str()? != "bundle" {
        return Err(root.fail(Why::NotAnExport));
    }
    let objects = root.field("objects")?.items()?;
    let by_id: HashMap<&str, &At<'_>> = objects
        .iter()
        .filter_map(|o| Some((o.value.get("id")?.as_str()?, o)))
        .collect();
    let markings = markings(&objects);
    let exported_from = warroom_incident(&objects)?;
    let observed = observed(&objects)?;
    let mut found: Vec<(String, ObservableSpec)> = Vec::new();
    let mut sighted: HashSet<String> = HashSet::new();
    let mut skipped = 0;
    for object in &objects {
        let id = object.field("id")?.str()?.to_string();
        let tlp = object
            .opt_items("object_marking_refs")?
            .iter()
            .filter_map(|m| m.value.as_str().and_then(|m| markings.get(m)))
            .max_by_key(|t| t.rank())
            .copied();
        // A cyber-observable object was seen when the observed-data holding it says,
        // and comes from where it says.
        let context = observed.get(&id);
        let source = match own_source(object)? {
            Some(own) => own,
            None => context
                .and_then(|c| c.source.clone())
                .unwrap_or_else(|| "STIX".to_string()),
        };
        let mark = |mut spec: ObservableSpec| {
            spec.tlp = tlp;
            spec.source.clone_from(&source);
            if let Some(seen) = context {
                spec.first_seen = spec.first_seen.or(seen.first);
                spec.last_seen = spec.last_seen.or(seen.last);
            }
            (id.clone(), spec)
        };
        let note = |spec: ObservableSpec| -> Result<ObservableSpec, ImportError> {
            let description = clean_line(object.opt_str("description")?.unwrap_or_default());
            let description = description.trim();
            let generated = exported_from
                .as_deref()
                .is_some_and(|incident| is_generated(description, spec.kind, incident));
            Ok(ObservableSpec {
                note: if generated {
                    String::new()
                } else {
                    description.to_string()
                },
                ..spec
            })
        };
        match object.field("type")?.str()? {
            "indicator" => match indicator(object)? {
                Some(specs) => {
                    for spec in specs {
                        found.push(mark(note(spec)?));
                    }
                }
                None => skipped += 1,
            },
            "vulnerability" => match external(object, "cve", ObservableKind::Cve)? {
                Some(spec) => found.push(mark(note(spec)?)),
                None => skipped += 1,
            },
            "attack-pattern" => {
                match external(object, "mitre-attack", ObservableKind::Technique)? {
                    Some(spec) => found.push(mark(note(spec)?)),
                    None => skipped += 1,
                }
            }
            "note" if object.opt_str("abstract")? == Some(OTHER_ABSTRACT) => {
                let content = object.field("content")?;
                let value = content.observable(ObservableKind::Other, content.str()?)?;
                found.push(mark(ObservableSpec::new(ObservableKind::Other, value)));
            }
            "sighting" => {
                sighted.insert(object.field("sighting_of_ref")?.str()?.to_string());
                for seen in object.opt_items("observed_data_refs")? {
                    let Some(data) = seen.value.as_str().and_then(|s| by_id.get(s)) else {
                        continue;
                    };
                    for r in data.opt_items("object_refs")? {
                        sighted.insert(r.str()?.to_string());
                    }
                    sighted.insert(seen.str()?.to_string());
                }
            }
            t if OTHER_SCOS.contains(&t) => skipped += 1,
            t => {
                let specs = sco(object, t, &by_id)?;
                found.extend(specs.into_iter().map(mark));
            }
        }
    }
    // What an observed-data holds was seen with it.
    for object in &objects {
        if object.value.get("type").and_then(Value::as_str) == Some("observed-data")
            && let Some(id) = object.value.get("id").and_then(Value::as_str)
            && sighted.contains(id)
        {
            for r in object.opt_items("object_refs")? {
                sighted.insert(r.str()?.to_string());
            }
        }
    }
    let observables = found
        .into_iter()
        .map(|(id, spec)| ObservableSpec {
            sighted: sighted.contains(&id),
            ..spec
        })
        .collect();
    Ok(Imported {
        observables,
        skipped,
    })
}

/// What an observed-data says of the objects it holds: when they were seen (widened
/// over every observed-data holding one) and where it comes from.
#[derive(Debug, Default)]
struct Observed {
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    source: Option<String>,
}

fn observed(objects: &[At<'_>]) -> Result<HashMap<String, Observed>, ImportError> {
    let mut held: HashMap<String, Observed> = HashMap::new();
    for object in objects {
        if object.value.get("type").and_then(Value::as_str) != Some("observed-data") {
            continue;
        }
        let first = object.opt_instant("first_observed")?;
        let last = object.opt_instant("last_observed")?;
        let source = own_source(object)?;
        for r in object.opt_items("object_refs")? {
            let entry = held.entry(r.str()?.to_string()).or_default();
            entry.first = [entry.first, first].into_iter().flatten().min();
            entry.last = [entry.last, last].into_iter().flatten().max();
            if entry.source.is_none() {
                entry.source.clone_from(&source);
            }
        }
    }
    Ok(held)
}

/// The source warroom wrote in an object's external references, if any.
fn own_source(object: &At<'_>) -> Result<Option<String>, ImportError> {
    for reference in object.opt_items("external_references")? {
        if reference.opt_str("source_name")? == Some(SOURCE_REFERENCE)
            && let Some(said) = reference.opt_str("description")?
        {
            return Ok(Some(clean_line(said).trim().to_string()));
        }
    }
    Ok(None)
}

/// The id of the incident a bundle written by warroom is about (its incident object's
/// `warroom` external reference), or `None` for a bundle from elsewhere.
fn warroom_incident(objects: &[At<'_>]) -> Result<Option<String>, ImportError> {
    for object in objects {
        if object.opt_str("type")? != Some("incident") {
            continue;
        }
        for reference in object.opt_items("external_references")? {
            if reference.opt_str("source_name")? == Some("warroom")
                && let Some(id) = reference.opt_str("external_id")?
            {
                return Ok(Some(id.to_string()));
            }
        }
    }
    Ok(None)
}

/// Whether an indicator's description is the one warroom writes, in any of its
/// languages, for an observable without a note: not an analyst's words, so no note.
fn is_generated(description: &str, kind: ObservableKind, incident: &str) -> bool {
    [Lang::En, Lang::Fr].into_iter().any(|lang| {
        crate::i18n::speaking(lang, || text::stix_indicator(kind.slug(), incident)) == description
    })
}

/// Marking-definition id → TLP: the official ones, and the bundle's own TLP markings.
fn markings(objects: &[At<'_>]) -> HashMap<String, Tlp> {
    let mut known: HashMap<String, Tlp> = Tlp::ALL
        .into_iter()
        .map(|t| (marking_id(t).to_string(), t))
        .chain(TLP1.into_iter().map(|(id, t)| (id.to_string(), t)))
        .collect();
    for object in objects {
        let v = object.value;
        if v.get("type").and_then(Value::as_str) != Some("marking-definition") {
            continue;
        }
        let level = v
            .pointer(&format!("/extensions/{}/tlp_2_0", super::TLP_EXTENSION))
            .or_else(|| v.pointer("/definition/tlp"))
            .and_then(Value::as_str);
        let tlp = level.and_then(|l| {
            let l = if l.eq_ignore_ascii_case("white") {
                "clear"
            } else {
                l
            };
            Tlp::ALL
                .into_iter()
                .find(|t| t.label().eq_ignore_ascii_case(&format!("TLP:{l}")))
        });
        if let (Some(id), Some(tlp)) = (v.get("id").and_then(Value::as_str), tlp) {
            known.entry(id.to_string()).or_insert(tlp);
        }
    }
    known
}

/// An indicator's observables, IOCs; `None` when its pattern is not plain values.
fn indicator(object: &At<'_>) -> Result<Option<Vec<ObservableSpec>>, ImportError> {
    if object.opt_str("pattern_type")?.is_some_and(|t| t != "stix") {
        return Ok(None);
    }
    let at = object.field("pattern")?;
    let Some(values) = pattern::read(at.str()?) else {
        return Ok(None);
    };
    // Valid from when it was first seen (warroom's own exports say so).
    let valid_from = object.opt_instant("valid_from")?;
    values
        .into_iter()
        .map(|(kind, value)| {
            let value = at.observable(kind, &value)?;
            Ok(ObservableSpec {
                ioc: true,
                first_seen: valid_from,
                ..ObservableSpec::new(kind, value)
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// A vulnerability's CVE or an attack-pattern's technique: by its external reference
/// from `source`, else by its name when that reads as one.
fn external(
    object: &At<'_>,
    source: &str,
    kind: ObservableKind,
) -> Result<Option<ObservableSpec>, ImportError> {
    for reference in object.opt_items("external_references")? {
        if reference.opt_str("source_name")? == Some(source)
            && let Some(id) = reference.get("external_id")
        {
            let value = id.observable(kind, id.str()?)?;
            return Ok(Some(ObservableSpec::new(kind, value)));
        }
    }
    let name = object.opt_str("name")?.unwrap_or_default();
    Ok(crate::domain::observable::normalise(kind, name)
        .ok()
        .map(|value| ObservableSpec::new(kind, value)))
}

/// The observables a cyber-observable object holds (a file: each hash, and its name
/// or path); none for other objects.
fn sco(
    object: &At<'_>,
    kind: &str,
    by_id: &HashMap<&str, &At<'_>>,
) -> Result<Vec<ObservableSpec>, ImportError> {
    use ObservableKind as K;
    let one = |property: &str,
               as_kind: fn(&str) -> ObservableKind|
     -> Result<Vec<ObservableSpec>, ImportError> {
        let Some(at) = object.get(property) else {
            return Ok(Vec::new());
        };
        let typed = at.str()?;
        let kind = as_kind(typed);
        Ok(vec![ObservableSpec::new(kind, at.observable(kind, typed)?)])
    };
    let ip = |v: &str| if v.contains('/') { K::Cidr } else { K::Ip };
    match kind {
        "ipv4-addr" | "ipv6-addr" => one("value", ip),
        "domain-name" => one("value", |_| K::Domain),
        "url" => one("value", |_| K::Url),
        "email-addr" => one("value", |_| K::Email),
        "windows-registry-key" => one("key", |_| K::RegistryKey),
        "process" => one("command_line", |_| K::Process),
        "user-account" if object.get("account_login").is_some() => {
            one("account_login", |_| K::Account)
        }
        "user-account" => one("user_id", |_| K::Account),
        "file" => {
            let mut specs = Vec::new();
            if let Some(hashes) = object.get("hashes") {
                let Some(map) = hashes.value.as_object() else {
                    return Err(hashes.fail(Why::WrongType {
                        expected: super::super::json::Expected::Object,
                    }));
                };
                for key in map.keys() {
                    let Some(kind) = pattern::hash_kind(key) else {
                        continue;
                    };
                    let at = hashes.field(key)?;
                    specs.push(ObservableSpec::new(kind, at.observable(kind, at.str()?)?));
                }
            }
            if let Some(name) = object.get("name") {
                let folder = match object.opt_str("parent_directory_ref")? {
                    Some(r) => match by_id.get(r) {
                        Some(dir) => dir.opt_str("path")?,
                        None => None,
                    },
                    None => None,
                };
                let (kind, typed) = match folder {
                    Some(folder) => (K::FilePath, pattern::join(folder, name.str()?)),
                    None => (K::FileName, name.str()?.to_string()),
                };
                specs.push(ObservableSpec::new(kind, name.observable(kind, &typed)?));
            }
            Ok(specs)
        }
        _ => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_warroom_writes_is_known_in_every_language_and_nothing_else_is() {
        for lang in [Lang::En, Lang::Fr] {
            let written = crate::i18n::speaking(lang, || {
                text::stix_indicator(ObservableKind::Domain.slug(), "2026-11-28-a")
            });
            assert!(is_generated(
                &written,
                ObservableKind::Domain,
                "2026-11-28-a"
            ));
            // Another kind or another incident: someone's words, kept as the note.
            assert!(!is_generated(&written, ObservableKind::Ip, "2026-11-28-a"));
            assert!(!is_generated(
                &written,
                ObservableKind::Domain,
                "2026-11-28-b"
            ));
        }
        assert!(!is_generated(
            "Seen beaconing every 60 s",
            ObservableKind::Domain,
            "x"
        ));
    }
}
