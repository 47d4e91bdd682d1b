//! STIX 2.1 bundles: the organisation (identity), the incident, each observable as a
//! cyber-observable object inside an observed-data (first and last seen, how many
//! reports), an indicator with its STIX pattern for each IOC (based on that
//! observed-data), a sighting by the organisation for each sighted one, CVEs as
//! vulnerabilities and ATT&CK techniques as attack-patterns (external reference
//! `mitre-attack`), `other` values as notes, each step of the attack timeline as a note
//! about the incident (created at the step's time, its content the description) that
//! also refers to the attack-pattern of its technique (the observable's when there is
//! one, else made for it), and the TLP 2.0 marking-definitions (the official ids of
//! OASIS's TLP 2.0 extension) on every object.
//!
//! | observable   | object                                      |
//! |--------------|---------------------------------------------|
//! | ip, cidr     | `ipv4-addr` / `ipv6-addr` (a network as `value`) |
//! | domain       | `domain-name`                               |
//! | url          | `url`                                       |
//! | email        | `email-addr`                                |
//! | md5 … sha512 | `file` with `hashes` (`MD5`, `SHA-1`, `SHA-256`, `SHA-512`) |
//! | file-name    | `file` with `name`                          |
//! | file-path    | `file` with `name` and `parent_directory_ref` → `directory` |
//! | registry-key | `windows-registry-key`                      |
//! | account      | `user-account` with `account_login`         |
//! | process      | `process` with `command_line`               |
//! | cve          | `vulnerability` (external reference `cve`)  |
//! | technique    | `attack-pattern` (external reference `mitre-attack`) |
//! | other        | `note` whose abstract is `warroom: other observable` |
//!
//! A CVE, a technique or an `other` value cannot be an indicator (no STIX pattern
//! matches them), so their IOC flag does not travel in STIX; MISP keeps it.
//!
//! Ids are deterministic, so a second export of the same incident gives the same ids:
//! cyber-observable objects use the STIX 2.1 rule (UUIDv5 in the STIX namespace of
//! their id-contributing properties, so the same address has the same id everywhere),
//! every other object a UUIDv5 of the incident id and the value in warroom's
//! namespace. The identity's dates are fixed (the epoch): it is one object in every
//! export.

pub mod import;
pub mod pattern;

pub use import::import;

use super::audience::{Audience, Item, Tally};
use super::{Export, Source, uuid_for};
use crate::domain::{ObservableKind, ObservableRecord, Tlp};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use std::collections::HashSet;

/// The namespace of STIX 2.1 deterministic ids for cyber-observable objects.
const SCO_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x00ab_edb4_aa42_466c_9c01_fed2_3315_a9b7);

/// The TLP 2.0 extension definition (OASIS cti-stix-common-objects).
pub const TLP_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// The external reference that carries an observable's source (its description), so
/// that an import gives it back.
pub const SOURCE_REFERENCE: &str = "warroom-source";

/// The abstract of the note an `other` observable travels in.
pub const OTHER_ABSTRACT: &str = "warroom: other observable";

/// The official marking-definition of each TLP 2.0 label.
pub fn marking_id(tlp: Tlp) -> &'static str {
    match tlp {
        Tlp::Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Tlp::Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Tlp::Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Tlp::AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        Tlp::Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    }
}

fn marking(tlp: Tlp) -> Value {
    let level = tlp
        .label()
        .strip_prefix("TLP:")
        .unwrap_or_default()
        .to_ascii_lowercase();
    json!({
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": marking_id(tlp),
        "created": "2022-10-01T00:00:00.000Z",
        "name": tlp.label(),
        "extensions": {
            TLP_EXTENSION: { "extension_type": "property-extension", "tlp_2_0": level }
        }
    })
}

/// A text to carry as a STIX note about the incident (the attack timeline's steps),
/// with the TLP that decides whether it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What makes its id: unique within the incident (`attack/S2`).
    pub key: String,
    pub summary: String,
    pub content: String,
    pub at: DateTime<Utc>,
    pub tlp: Tlp,
    pub item: Item,
    /// ATT&CK technique ids (canonical) whose attack-patterns the note also refers to.
    pub techniques: Vec<String>,
}

/// The attack timeline's steps as notes, in the order they happened, with the
/// incident's TLP.
pub fn attack_notes(state: &crate::domain::IncidentState) -> Vec<Note> {
    state
        .attack_timeline
        .sorted()
        .into_iter()
        .map(|step| {
            let spec = &step.spec;
            let attack: Vec<&str> = [spec.tactic.as_deref(), spec.technique.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            Note {
                key: format!("attack/{}", spec.id),
                summary: crate::text::stix_attack_step(
                    &spec.id,
                    &time(spec.at),
                    &attack.join(", "),
                ),
                content: spec.description.clone(),
                at: spec.at,
                tlp: state.tlp,
                item: Item::AttackStep,
                techniques: spec.technique.iter().cloned().collect(),
            }
        })
        .collect()
}

fn time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// `type--uuid` for an object of warroom's, named by `key` within the incident.
fn sdo_id(kind: &str, incident: &str, key: &str) -> String {
    format!(
        "{kind}--{}",
        v4_form(&format!("{incident}/stix/{kind}/{key}"))
    )
}

/// STIX 2.1 asks for UUIDv4 in the ids of everything but cyber-observable objects
/// (the OASIS validator warns on any other version): the UUIDv5 of `name` in warroom's
/// namespace, its version and variant bits set as a v4's. As random-looking as a v4,
/// and the same at every export.
fn v4_form(name: &str) -> uuid::Uuid {
    uuid::Builder::from_random_bytes(*uuid_for(name).as_bytes()).into_uuid()
}

/// `type--uuid` of a cyber-observable object by its id-contributing properties.
fn sco_id(kind: &str, contributing: &Value) -> String {
    let canonical = serde_json::to_string(contributing).unwrap_or_default();
    format!(
        "{kind}--{}",
        uuid::Uuid::new_v5(&SCO_NAMESPACE, canonical.as_bytes())
    )
}

/// The cyber-observable objects that hold an observable, the one it names last (a
/// file path: its folder, then the file); empty for kinds that are not one.
pub fn scos(kind: ObservableKind, value: &str) -> Vec<Value> {
    use ObservableKind as K;
    let simple = |t: &str, property: &str| {
        let contributing = json!({ property: value });
        let mut object =
            json!({ "type": t, "spec_version": "2.1", "id": sco_id(t, &contributing) });
        object[property] = json!(value);
        vec![object]
    };
    match kind {
        K::Ip | K::Cidr if value.contains(':') => simple("ipv6-addr", "value"),
        K::Ip | K::Cidr => simple("ipv4-addr", "value"),
        K::Domain => simple("domain-name", "value"),
        K::Url => simple("url", "value"),
        K::Email => simple("email-addr", "value"),
        K::Md5 | K::Sha1 | K::Sha256 | K::Sha512 => {
            let key = pattern::hash_key(kind).unwrap_or_default();
            let hashes = json!({ key: value });
            let id = sco_id("file", &json!({ "hashes": hashes }));
            vec![json!({ "type": "file", "spec_version": "2.1", "id": id, "hashes": hashes })]
        }
        K::FileName => simple("file", "name"),
        K::FilePath => {
            let (folder, name) = pattern::split_path(value);
            let folder_id = sco_id("directory", &json!({ "path": folder }));
            let file_id = sco_id(
                "file",
                &json!({ "name": name, "parent_directory_ref": folder_id }),
            );
            vec![
                json!({ "type": "directory", "spec_version": "2.1", "id": folder_id, "path": folder }),
                json!({
                    "type": "file", "spec_version": "2.1", "id": file_id,
                    "name": name, "parent_directory_ref": folder_id,
                }),
            ]
        }
        K::RegistryKey => simple("windows-registry-key", "key"),
        K::Account => simple("user-account", "account_login"),
        // A process has no id-contributing property, and STIX wants a UUIDv4 for it.
        K::Process => {
            let id = format!("process--{}", v4_form(&format!("process/{value}")));
            vec![
                json!({ "type": "process", "spec_version": "2.1", "id": id, "command_line": value }),
            ]
        }
        K::Cve | K::Technique | K::Other => Vec::new(),
    }
}

/// The incident, the observables and the notes `audience` may see, as a STIX bundle.
pub fn export(source: &Source<'_>, audience: Audience, notes: &[Note]) -> Export {
    let state = source.state;
    let incident = state.id.to_string();
    let mut tally = Tally::default();
    let identity_id = format!(
        "identity--{}",
        v4_form(&format!("organisation/{}", source.organisation))
    );
    let incident_id = sdo_id("incident", &incident, "");
    let mut bundle = Bundle::default();
    for o in &state.observables.all {
        let tlp = o.tlp(state.tlp);
        if tally.admit(audience, Item::Observable, tlp) {
            bundle.observable(&incident, o, tlp, &identity_id, &incident_id);
        }
    }
    for note in notes {
        if tally.admit(audience, note.item, note.tlp) {
            bundle.markings.insert(note.tlp);
            let mut refs = vec![json!(incident_id)];
            for technique in &note.techniques {
                // The observable's attack-pattern when the bundle has it (same id).
                let pattern = attack_pattern(&incident, technique, note, &identity_id);
                refs.push(pattern["id"].clone());
                bundle.add(pattern);
            }
            bundle.add(json!({
                "type": "note", "spec_version": "2.1",
                "id": sdo_id("note", &incident, &note.key),
                "created": time(note.at), "modified": time(note.at),
                "created_by_ref": identity_id,
                "abstract": note.summary, "content": note.content,
                "object_refs": refs,
                "object_marking_refs": [marking_id(note.tlp)],
            }));
        }
    }
    let titled = tally.admit(audience, Item::Title, state.tlp);
    let marking_of_all = tally.marking();
    let mut incident_object = json!({
        "type": "incident", "spec_version": "2.1", "id": incident_id,
        "created": time(state.declared_at), "modified": time(state.last_event_at),
        "created_by_ref": identity_id,
        "name": if titled { state.title.clone() } else { incident.clone() },
        "external_references": [{ "source_name": "warroom", "external_id": incident }],
        "object_marking_refs": [marking_id(marking_of_all)],
    });
    if titled && !state.summary.is_empty() {
        incident_object["description"] = json!(state.summary);
    }
    let identity = json!({
        "type": "identity", "spec_version": "2.1", "id": identity_id,
        "created": "1970-01-01T00:00:00.000Z", "modified": "1970-01-01T00:00:00.000Z",
        "name": source.organisation, "identity_class": "organization",
    });
    let mut used = bundle.markings.clone();
    used.insert(marking_of_all);
    let mut markings: Vec<Tlp> = used.into_iter().collect();
    markings.sort_by_key(|t| t.rank());
    let mut objects = vec![identity];
    objects.extend(markings.into_iter().map(marking));
    objects.push(incident_object);
    objects.extend(bundle.objects);
    let body = json!({
        "type": "bundle",
        "id": format!("bundle--{}", v4_form(&format!("{incident}/stix/bundle"))),
        "objects": objects,
    });
    Export {
        body: super::pretty(&body),
        tally,
    }
}

/// The attack-pattern of an ATT&CK technique a note refers to, with the id the
/// technique's observable would give it.
fn attack_pattern(incident: &str, technique: &str, note: &Note, identity: &str) -> Value {
    let key = format!("{}/{technique}", ObservableKind::Technique.slug());
    json!({
        "type": "attack-pattern", "spec_version": "2.1",
        "id": sdo_id("attack-pattern", incident, &key),
        "created": time(note.at), "modified": time(note.at),
        "created_by_ref": identity, "object_marking_refs": [marking_id(note.tlp)],
        "name": technique,
        "external_references": [{ "source_name": "mitre-attack", "external_id": technique }],
    })
}

/// The objects of a bundle in the order they were added, each once.
#[derive(Default)]
struct Bundle {
    objects: Vec<Value>,
    ids: HashSet<String>,
    markings: HashSet<Tlp>,
}

impl Bundle {
    fn add(&mut self, object: Value) {
        let id = object["id"].as_str().unwrap_or_default().to_string();
        if self.ids.insert(id) {
            self.objects.push(object);
        }
    }

    /// One observable: its objects, its observed-data, its indicator, its sighting.
    fn observable(
        &mut self,
        incident: &str,
        o: &ObservableRecord,
        tlp: Tlp,
        identity: &str,
        incident_id: &str,
    ) {
        use ObservableKind as K;
        self.markings.insert(tlp);
        let spec = &o.spec;
        let key = format!("{}/{}", spec.kind.slug(), spec.value);
        let marked = json!([marking_id(tlp)]);
        let common = |kind: &str| {
            json!({
                "type": kind, "spec_version": "2.1", "id": sdo_id(kind, incident, &key),
                "created": time(o.first_seen), "modified": time(o.last_seen),
                "created_by_ref": identity, "object_marking_refs": marked,
            })
        };
        let relate = |bundle: &mut Bundle, kind: &str, from: &str, to: &str| {
            let mut r = common("relationship");
            r["id"] = json!(sdo_id(
                "relationship",
                incident,
                &format!("{key}/{kind}/{to}")
            ));
            r["relationship_type"] = json!(kind);
            r["source_ref"] = json!(from);
            r["target_ref"] = json!(to);
            bundle.add(r);
        };
        let mut main = match spec.kind {
            K::Cve => {
                let mut v = common("vulnerability");
                v["name"] = json!(spec.value);
                v["external_references"] =
                    json!([{ "source_name": "cve", "external_id": spec.value }]);
                v
            }
            K::Technique => {
                let mut a = common("attack-pattern");
                a["name"] = json!(spec.value);
                // No `url`: STIX wants a hash of what a URL points to, beside it.
                a["external_references"] =
                    json!([{ "source_name": "mitre-attack", "external_id": spec.value }]);
                a
            }
            K::Other => {
                let mut n = common("note");
                n["abstract"] = json!(OTHER_ABSTRACT);
                n["content"] = json!(spec.value);
                n["object_refs"] = json!([incident_id]);
                n
            }
            _ => {
                let objects = scos(spec.kind, &spec.value);
                let refs: Vec<Value> = objects.iter().map(|s| s["id"].clone()).collect();
                for mut sco in objects {
                    sco["object_marking_refs"] = marked.clone();
                    self.add(sco);
                }
                let mut seen = common("observed-data");
                seen["first_observed"] = json!(time(o.first_seen));
                seen["last_observed"] = json!(time(o.last_seen));
                seen["number_observed"] = json!(o.reports.max(1));
                seen["object_refs"] = json!(refs);
                seen
            }
        };
        // An observed-data has no description.
        if !spec.note.is_empty() && main["type"] != "note" && main["type"] != "observed-data" {
            main["description"] = json!(spec.note);
        }
        let with_source = |object: &mut Value| {
            if spec.source.is_empty() {
                return;
            }
            let reference = json!({ "source_name": SOURCE_REFERENCE, "description": spec.source });
            match object["external_references"].as_array_mut() {
                Some(references) => references.push(reference),
                None => object["external_references"] = json!([reference]),
            }
        };
        with_source(&mut main);
        let main_id = main["id"].as_str().unwrap_or_default().to_string();
        self.add(main);
        let indicator = pattern::write(spec.kind, &spec.value).filter(|_| spec.ioc);
        let mut represented = main_id.clone();
        if let Some(pattern) = indicator {
            let mut i = common("indicator");
            i["name"] = json!(spec.value);
            i["indicator_types"] = json!(["malicious-activity"]);
            i["pattern"] = json!(pattern);
            i["pattern_type"] = json!("stix");
            i["pattern_version"] = json!("2.1");
            i["valid_from"] = json!(time(o.first_seen));
            i["description"] = json!(if spec.note.is_empty() {
                crate::text::stix_indicator(spec.kind.slug(), incident)
            } else {
                spec.note.clone()
            });
            with_source(&mut i);
            let indicator_id = i["id"].as_str().unwrap_or_default().to_string();
            self.add(i);
            relate(self, "based-on", &indicator_id, &main_id);
            represented = indicator_id;
        }
        if spec.kind != K::Other {
            relate(self, "related-to", &represented, incident_id);
        }
        if spec.sighted {
            let mut s = common("sighting");
            s["sighting_of_ref"] = json!(represented);
            s["where_sighted_refs"] = json!([identity]);
            s["first_seen"] = json!(time(o.first_seen));
            s["last_seen"] = json!(time(o.last_seen));
            s["count"] = json!(o.reports.max(1));
            if main_id.starts_with("observed-data--") {
                s["observed_data_refs"] = json!([main_id]);
            }
            self.add(s);
        }
    }
}
