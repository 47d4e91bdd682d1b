//! MISP event JSON (the core format of MISP 2.4/2.5): the incident as an event, its
//! observables as attributes.
//!
//! | observable   | MISP type (category)                  | back in             |
//! |--------------|---------------------------------------|---------------------|
//! | ip           | `ip-dst` (Network activity)           | `ip-src`, `ip-dst`  |
//! | cidr         | `ip-dst` with the network, `10.0.0.0/8` | the same, with `/` |
//! | domain       | `domain` (Network activity)           | `domain`, `hostname`|
//! | url          | `url` (Network activity)              | `url`               |
//! | email        | `email-src` (Payload delivery)        | `email`, `email-src`, `email-dst` |
//! | md5 … sha512 | `md5`, `sha1`, `sha256`, `sha512` (Payload delivery) | the same |
//! | file-name    | `filename` (Payload delivery)         | `filename` without a folder separator |
//! | file-path    | `filename` (Payload delivery)         | `filename` with one |
//! | registry-key | `regkey` (Persistence mechanism)      | `regkey`            |
//! | account      | `target-user` (Targeting data)        | `target-user`       |
//! | process      | `text` (Other), tag `warroom:observable-kind="process"` | `text` with the tag |
//! | cve          | `vulnerability` (External analysis)   | `vulnerability`     |
//! | technique    | `text` (Other), tag `warroom:observable-kind="technique"` | `text` with the tag |
//! | other        | `other` (Other)                       | `other`             |
//!
//! Why: an address seen in an incident is nearly always where the attacker's traffic
//! went (C2, exfiltration), so `ip-dst`; an e-mail address is the phishing sender,
//! `email-src`; MISP has one `filename` type for names and paths; it has no type for a
//! command line nor for an ATT&CK id outside galaxies, so these are `text` with a tag
//! saying what they are (plain `text` attributes are free text and are not imported).
//! Other types are skipped on import and counted.
//!
//! `to_ids` is the IOC flag; a sighted observable carries one sighting (type 0) by the
//! organisation; `comment` is the note (and the source, also in a tag
//! `warroom:source="…"` that an import reads back); `first_seen` and `last_seen` are
//! the register's, and an import keeps them (an attribute without them: its
//! `timestamp`); every attribute is tagged with its own `tlp:…`. The event: `info` the title, `date` the detection (or declaration)
//! day, `threat_level_id` from the severity (emergency, severe, high → 1 high; medium
//! → 2; low → 3; baseline → 4 undefined), `analysis` 1 ongoing or 2 completed once
//! closed, `distribution` from the export's TLP (clear → 3 all communities, green → 1
//! this community, anything else → 0 your organisation only), tags `tlp:…` (the most
//! restrictive kept) and the ENISA Reference Security Incident Taxonomy machine tag
//! (see `rsit`).

use super::audience::{Audience, Item, Tally};
use super::import::Imported;
use super::json::{At, ImportError};
use super::{Export, Source, uuid_for};
use crate::domain::{Category, ObservableKind, ObservableRecord, ObservableSpec, Severity, Tlp};
use crate::input::clean_line;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

/// The tag that tells what a `text` attribute holds.
const KIND_TAG: &str = "warroom:observable-kind";

/// The tag that carries an observable's source, so that it comes back as one (the
/// comment says it too, for people).
const SOURCE_TAG: &str = "warroom:source";

/// The MISP type and category an observable of `kind` goes out as.
pub fn type_of(kind: ObservableKind) -> (&'static str, &'static str) {
    use ObservableKind as K;
    match kind {
        K::Ip | K::Cidr => ("ip-dst", "Network activity"),
        K::Domain => ("domain", "Network activity"),
        K::Url => ("url", "Network activity"),
        K::Email => ("email-src", "Payload delivery"),
        K::Md5 => ("md5", "Payload delivery"),
        K::Sha1 => ("sha1", "Payload delivery"),
        K::Sha256 => ("sha256", "Payload delivery"),
        K::Sha512 => ("sha512", "Payload delivery"),
        K::FileName | K::FilePath => ("filename", "Payload delivery"),
        K::RegistryKey => ("regkey", "Persistence mechanism"),
        K::Account => ("target-user", "Targeting data"),
        K::Process | K::Technique => ("text", "Other"),
        K::Cve => ("vulnerability", "External analysis"),
        K::Other => ("other", "Other"),
    }
}

/// The kind an attribute of MISP type `misp` holding `value` is read as; `tagged` is
/// the kind its `warroom:observable-kind` tag names, if any. `None`: not imported.
pub fn kind_of(misp: &str, value: &str, tagged: Option<ObservableKind>) -> Option<ObservableKind> {
    use ObservableKind as K;
    let path_like = value.contains(['/', '\\']);
    Some(match misp {
        "ip-src" | "ip-dst" if value.contains('/') => K::Cidr,
        "ip-src" | "ip-dst" => K::Ip,
        "domain" | "hostname" => K::Domain,
        "url" => K::Url,
        "email" | "email-src" | "email-dst" => K::Email,
        "md5" => K::Md5,
        "sha1" => K::Sha1,
        "sha256" => K::Sha256,
        "sha512" => K::Sha512,
        "filename" if path_like => K::FilePath,
        "filename" => K::FileName,
        "regkey" => K::RegistryKey,
        "target-user" => K::Account,
        "vulnerability" => K::Cve,
        "other" => K::Other,
        "text" => return tagged,
        _ => return None,
    })
}

/// The ENISA RSIT machine tag of a category: its class, and the class's most general
/// type in MISP's `rsit` taxonomy (to be refined in MISP when known).
pub fn rsit(category: Category) -> &'static str {
    match category {
        Category::AbusiveContent => "rsit:abusive-content=\"spam\"",
        Category::MaliciousCode => "rsit:malicious-code=\"infected-system\"",
        Category::InformationGathering => "rsit:information-gathering=\"scanner\"",
        Category::IntrusionAttempts => "rsit:intrusion-attempts=\"exploit\"",
        Category::Intrusions => "rsit:intrusions=\"unprivileged-account-compromise\"",
        Category::Availability => "rsit:availability=\"dos\"",
        Category::InformationContentSecurity => {
            "rsit:information-content-security=\"unauthorised-information-access\""
        }
        Category::Fraud => "rsit:fraud=\"masquerade\"",
        Category::Vulnerable => "rsit:vulnerable=\"vulnerable-system\"",
        Category::Other => "rsit:other=\"other\"",
        Category::Test => "rsit:test=\"test\"",
    }
}

/// `tlp:amber+strict`: MISP's tlp taxonomy, TLP 2.0 names.
pub fn tlp_tag(tlp: Tlp) -> String {
    tlp.label().to_ascii_lowercase()
}

fn tlp_of_tag(name: &str) -> Option<Tlp> {
    let bare = name.trim().strip_prefix("tlp:")?;
    // TLP 1.0's white is 2.0's clear.
    let bare = if bare.eq_ignore_ascii_case("white") {
        "clear"
    } else {
        bare
    };
    Tlp::ALL
        .into_iter()
        .find(|t| t.label().eq_ignore_ascii_case(&format!("TLP:{bare}")))
}

fn threat_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Emergency | Severity::Severe | Severity::High => "1",
        Severity::Medium => "2",
        Severity::Low => "3",
        Severity::Baseline => "4",
    }
}

fn distribution(tlp: Tlp) -> &'static str {
    match tlp {
        Tlp::Clear => "3",
        Tlp::Green => "1",
        Tlp::Amber | Tlp::AmberStrict | Tlp::Red => "0",
    }
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, false)
}

/// The incident and the observables `audience` may see, as a MISP event.
pub fn export(source: &Source<'_>, audience: Audience) -> Export {
    let state = source.state;
    let mut tally = Tally::default();
    let id = state.id.to_string();
    let attributes: Vec<Value> = state
        .observables
        .all
        .iter()
        .filter(|o| tally.admit(audience, Item::Observable, o.tlp(state.tlp)))
        .map(|o| attribute(&id, o, state.tlp, source.organisation))
        .collect();
    let info = if tally.admit(audience, Item::Title, state.tlp) {
        state.title.clone()
    } else {
        id.clone()
    };
    let day = state.detected_at.unwrap_or(state.declared_at);
    let marking = tally.marking();
    let event = json!({
        "Event": {
            "uuid": uuid_for(&id).to_string(),
            "info": info,
            "date": day.format("%Y-%m-%d").to_string(),
            "timestamp": state.last_event_at.timestamp().to_string(),
            "published": false,
            "threat_level_id": threat_level(state.severity),
            "analysis": if state.closure.is_some() { "2" } else { "1" },
            "distribution": distribution(marking),
            "Orgc": {
                "name": source.organisation,
                "uuid": uuid_for(&format!("organisation/{}", source.organisation)).to_string(),
            },
            "Tag": [{ "name": tlp_tag(marking) }, { "name": rsit(state.category) }],
            "Attribute": attributes,
        }
    });
    Export {
        body: super::pretty(&event),
        tally,
    }
}

fn attribute(incident: &str, o: &ObservableRecord, incident_tlp: Tlp, organisation: &str) -> Value {
    let spec = &o.spec;
    let (misp_type, category) = type_of(spec.kind);
    let mut tags = vec![json!({ "name": tlp_tag(o.tlp(incident_tlp)) })];
    if misp_type == "text" {
        tags.push(json!({ "name": format!("{KIND_TAG}=\"{}\"", spec.kind.slug()) }));
    }
    if !spec.source.is_empty() {
        tags.push(json!({ "name": format!("{SOURCE_TAG}=\"{}\"", spec.source) }));
    }
    let comment = match (spec.note.is_empty(), spec.source.is_empty()) {
        (_, true) => spec.note.clone(),
        (true, false) => format!("source: {}", spec.source),
        (false, false) => format!("{} (source: {})", spec.note, spec.source),
    };
    let key = format!("{incident}/{}/{}", spec.kind.slug(), spec.value);
    let mut attribute = json!({
        "uuid": uuid_for(&key).to_string(),
        "type": misp_type,
        "category": category,
        "value": spec.value,
        "to_ids": spec.ioc,
        "comment": comment,
        "first_seen": instant(o.first_seen),
        "last_seen": instant(o.last_seen),
        "timestamp": o.last_seen.timestamp().to_string(),
        "distribution": "5",
        "Tag": tags,
    });
    if spec.sighted {
        attribute["Sighting"] = json!([{
            "uuid": uuid_for(&format!("{key}/sighting")).to_string(),
            "type": "0",
            "date_sighting": o.last_seen.timestamp().to_string(),
            "source": organisation,
        }]);
    }
    attribute
}

/// The observables of a MISP event: its attributes and those of its objects.
pub fn import(value: &Value) -> Result<Imported, ImportError> {
    let root = At::root(value);
    let event = root.field("Event")?;
    let event_tlp = tags(&event)?.iter().find_map(|t| tlp_of_tag(t));
    let info = event.opt_str("info")?.unwrap_or_default();
    let source = clean_line(&format!("MISP: {info}")).trim().to_string();
    let mut attributes = event.opt_items("Attribute")?;
    for object in event.opt_items("Object")? {
        attributes.extend(object.opt_items("Attribute")?);
    }
    let mut imported = Imported::default();
    for at in attributes {
        match observable(&at, event_tlp, &source)? {
            Some(spec) => imported.observables.push(spec),
            None => imported.skipped += 1,
        }
    }
    Ok(imported)
}

fn tags(at: &At<'_>) -> Result<Vec<String>, ImportError> {
    at.opt_items("Tag")?
        .iter()
        .map(|tag| tag.field("name").and_then(|n| n.str().map(str::to_string)))
        .collect()
}

/// One attribute as an observable; `None` for a type that has no observable kind.
fn observable(
    at: &At<'_>,
    event_tlp: Option<Tlp>,
    source: &str,
) -> Result<Option<ObservableSpec>, ImportError> {
    let misp_type = at.field("type")?.str()?;
    let value_at = at.field("value")?;
    let typed = value_at.str()?;
    let tags = tags(at)?;
    let machine_tag = |name: &str| {
        tags.iter().find_map(|t| {
            let rest = t.strip_prefix(name)?.strip_prefix('=')?;
            Some(rest.strip_prefix('"')?.strip_suffix('"')?.to_string())
        })
    };
    let tagged = machine_tag(KIND_TAG).and_then(|slug| slug.parse::<ObservableKind>().ok());
    let Some(kind) = kind_of(misp_type, typed, tagged) else {
        return Ok(None);
    };
    let value = value_at.observable(kind, typed)?;
    let ioc = match at.get("to_ids") {
        Some(flag) => flag.flag()?,
        None => false,
    };
    let sighted = at
        .opt_items("Sighting")?
        .iter()
        .any(|s| s.value.get("type").is_none_or(|t| t == "0" || t == 0));
    let comment = at.opt_str("comment")?.unwrap_or_default();
    // Its own source when the file names one (and the comment then says it too).
    let (source, note) = match machine_tag(SOURCE_TAG) {
        Some(own) => {
            let note = comment
                .strip_suffix(&format!(" (source: {own})"))
                .or_else(|| (comment == format!("source: {own}")).then_some(""))
                .unwrap_or(comment);
            (own, note)
        }
        None => (source.to_string(), comment),
    };
    // When it was seen: its first and last seen, else when it was last changed.
    let mut first_seen = at.opt_instant("first_seen")?;
    let mut last_seen = at.opt_instant("last_seen")?;
    if first_seen.is_none() && last_seen.is_none() {
        first_seen = at.opt_instant("timestamp")?;
        last_seen = first_seen;
    }
    Ok(Some(ObservableSpec {
        ioc,
        sighted,
        tlp: tags.iter().find_map(|t| tlp_of_tag(t)).or(event_tlp),
        source: clean_line(&source).trim().to_string(),
        note: clean_line(note).trim().to_string(),
        first_seen,
        last_seen,
        ..ObservableSpec::new(kind, value)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_comes_back_as_itself() {
        for kind in ObservableKind::ALL {
            let value = match kind {
                ObservableKind::Cidr => "10.0.0.0/8",
                ObservableKind::FilePath => "C:\\Temp\\x.exe",
                _ => "x",
            };
            let (misp, _) = type_of(kind);
            let tagged = (misp == "text").then_some(kind);
            assert_eq!(kind_of(misp, value, tagged), Some(kind), "{kind:?}");
        }
        assert_eq!(kind_of("text", "free words", None), None);
        assert_eq!(kind_of("AS", "64496", None), None);
    }

    #[test]
    fn tlp_tags_read_both_versions() {
        assert_eq!(tlp_of_tag("tlp:amber+strict"), Some(Tlp::AmberStrict));
        assert_eq!(tlp_of_tag("tlp:white"), Some(Tlp::Clear));
        assert_eq!(tlp_of_tag("TLP:RED"), None);
        assert_eq!(tlp_of_tag("tlp:RED"), Some(Tlp::Red));
        for tlp in Tlp::ALL {
            assert_eq!(tlp_of_tag(&tlp_tag(tlp)), Some(tlp));
        }
    }
}
