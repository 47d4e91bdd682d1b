//! The directory from the command line: list and search, vCard export (checked with a
//! strict reader of RFC 6350's syntax), contacts saved in the store, the call log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;

fn example(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = warroom(dir);
    cmd.arg("--config").arg(example_config()).args(args);
    cmd
}

#[test]
fn contacts_lists_everyone_and_search_ranks() {
    let dir = tmp();
    let all: Vec<Value> =
        serde_json::from_str(&ok(&mut example(dir.path(), &["contacts", "--json"]))).unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids[..3], ["point-of-contact", "retainer", "karim"]);
    assert!(ids.contains(&"cert-fr") && ids.contains(&"cnil"));
    let cert = all.iter().find(|c| c["id"] == "cert-fr-phone").unwrap();
    assert_eq!(cert["verified"], false);
    assert!(cert["source"].as_str().unwrap().contains("CERT-FR"));

    let found = ok(&mut example(dir.path(), &["contacts", "--search", "cnil"]));
    assert!(
        found.lines().next().unwrap().starts_with("cnil "),
        "{found}"
    );
    let none = ok(&mut example(dir.path(), &["contacts", "--search", "zzzzq"]));
    assert_eq!(none, "");
}

/// RFC 6350 syntax, strictly: CRLF lines of at most 75 octets, folded lines start with
/// a space, every card BEGIN/VERSION:4.0/.../END with an FN, every line NAME[;...]:VALUE.
fn parse_vcards(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("\r\n"), "CRLF at the end");
    let mut unfolded: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "line over 75 octets: {raw}");
        assert!(
            !raw.contains('\n') && !raw.contains('\r'),
            "bare newline in {raw:?}"
        );
        match raw.strip_prefix(' ') {
            Some(rest) => unfolded
                .last_mut()
                .expect("a fold follows a line")
                .push_str(rest),
            None => unfolded.push(raw.to_string()),
        }
    }
    let mut cards = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in unfolded {
        let (name, value) = line.split_once(':').expect("NAME:VALUE");
        let name = name.split(';').next().unwrap().to_ascii_uppercase();
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "bad property name {name}"
        );
        match name.as_str() {
            "BEGIN" => {
                assert_eq!(value, "VCARD");
                assert!(current.replace(Vec::new()).is_none(), "nested BEGIN");
            }
            "END" => {
                let card = current.take().expect("END without BEGIN");
                assert_eq!(card[0], ("VERSION".into(), "4.0".into()), "VERSION first");
                assert!(card.iter().any(|(n, _)| n == "FN"), "FN required");
                cards.push(card);
            }
            _ => current
                .as_mut()
                .expect("property outside a card")
                .push((name, value.to_string())),
        }
    }
    assert!(current.is_none(), "unterminated card");
    cards
}

#[test]
fn the_vcard_export_is_valid_vcard_4() {
    let dir = tmp();
    let text = ok(&mut example(dir.path(), &["contacts", "export", "--vcard"]));
    let cards = parse_vcards(&text);
    let listed: Vec<Value> =
        serde_json::from_str(&ok(&mut example(dir.path(), &["contacts", "--json"]))).unwrap();
    assert_eq!(cards.len(), listed.len());
    let camille = &cards[0];
    assert!(camille.contains(&("FN".into(), "Camille Durand".into())));
    assert!(camille.contains(&("TEL".into(), "tel:+33600000001".into())));
    // A comma in a value is escaped.
    assert!(camille.contains(&("TITLE".into(), "IT lead\\, cyber point of contact".into())));
    let file = dir.path().join("directory.vcf");
    let mut cmd = example(dir.path(), &["contacts", "export", "--vcard", "-o"]);
    cmd.arg(&file);
    ok(&mut cmd);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let err = fails(&mut example(dir.path(), &["contacts", "export"]), 2);
    assert!(err.contains("--vcard"), "{err}");
}

#[test]
fn a_saved_contact_stays_in_the_store_and_replaces_by_id() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).args([
        "contacts",
        "save",
        "--name",
        "Zoé Dupont",
        "--roles",
        "communications",
        "--phone",
        "+33 6 11 22 33 44",
        "--kind",
        "internal",
    ]));
    assert_eq!(out, "saved contact zoé-dupont\n");
    ok(warroom(dir.path()).args([
        "contacts",
        "save",
        "--id",
        "zoé-dupont",
        "--name",
        "Zoé Dupont-Moreau",
    ]));
    let all: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir.path()).args(["contacts", "--json"]))).unwrap();
    let zoe: Vec<&Value> = all.iter().filter(|c| c["id"] == "zoé-dupont").collect();
    assert_eq!(zoe.len(), 1);
    assert_eq!(zoe[0]["name"], "Zoé Dupont-Moreau");
    let err = fails(
        warroom(dir.path()).args(["contacts", "save", "--name", "X", "--roles", "boss"]),
        2,
    );
    assert!(err.contains("unknown role 'boss'"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["contacts", "save", "--name", "X", "--kind", "friend"]),
        2,
    );
    assert!(err.contains("unknown contact kind 'friend'"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["contacts", "save", "--name", " "]),
        2,
    );
    assert!(err.contains("--name is empty"), "{err}");
}

#[test]
fn a_new_contact_named_like_an_existing_one_gets_its_own_id() {
    let dir = tmp();
    let save = |name: &str| {
        ok(warroom(dir.path()).args(["contacts", "save", "--name", name, "--phone", "+33 1"]))
    };
    // `CNIL` slugs to the public entry's id `cnil`: a new entry, the public one kept.
    assert_eq!(save("CNIL"), "saved contact cnil-2\n");
    assert_eq!(save("CNIL"), "saved contact cnil-3\n");
    let all: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir.path()).args(["contacts", "--json"]))).unwrap();
    let public = all.iter().find(|c| c["id"] == "cnil").unwrap();
    assert_eq!(public["name"], "CNIL breach notification");
    for id in ["cnil-2", "cnil-3"] {
        assert!(
            all.iter().any(|c| c["id"] == id && c["name"] == "CNIL"),
            "{id}"
        );
    }
}

#[test]
fn calls_are_logged_and_the_retainer_call_starts_its_clock() {
    let dir = tmp();
    let id = ok(&mut example(
        dir.path(),
        &[
            "new",
            "--title",
            "Ransomware",
            "--severity",
            "4",
            "--category",
            "malicious-code",
        ],
    ))
    .trim()
    .to_string();
    let shown: Value =
        serde_json::from_str(&ok(&mut example(dir.path(), &["show", &id, "--json"]))).unwrap();
    let roles: Vec<&str> = shown["escalation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            "point-of-contact",
            "management",
            "retainer-csirt",
            "insurer",
            "hosting-provider"
        ]
    );
    let out = ok(&mut example(
        dir.path(),
        &[
            "call",
            &id,
            "Camille Durand",
            "reached",
            "--note",
            "on the bridge",
        ],
    ));
    assert_eq!(out, format!("saved {id} event 2\n"));
    ok(&mut example(
        dir.path(),
        &["call", &id, "nadia-roux", "no-answer"],
    ));
    let out = ok(&mut example(
        dir.path(),
        &["call", &id, "retainer", "email"],
    ));
    assert_eq!(out, format!("saved {id} event 4\nsaved {id} event 5\n"));
    let shown: Value =
        serde_json::from_str(&ok(&mut example(dir.path(), &["show", &id, "--json"]))).unwrap();
    assert_eq!(clock(&shown, "retainer-sla")["status"], "running");
    assert_eq!(clock(&shown, "retainer-sla")["start"], NOW);
    let steps = shown["escalation"].as_array().unwrap();
    assert_eq!(steps[0]["role"], "management");
    assert_eq!(steps[0]["status"], "tried");
    assert_eq!(steps[1]["role"], "insurer");
    assert_eq!(steps[3]["status"], "reached");
    let attempts = shown["contact_attempts"].as_array().unwrap();
    assert_eq!(attempts[0]["contact_id"], "point-of-contact");
    assert_eq!(attempts[0]["note"], "on the bridge");
    let text = ok(&mut example(dir.path(), &["show", &id]));
    assert!(
        text.contains("Called Camille Durand: reached (on the bridge)"),
        "{text}"
    );

    let err = fails(
        &mut example(dir.path(), &["call", &id, "nadi", "reached"]),
        1,
    );
    assert!(
        err.contains("no contact 'nadi'; closest: nadia-roux (Nadia Roux)")
            || err.contains("closest: nadia-roux"),
        "{err}"
    );
    let err = fails(
        &mut example(dir.path(), &["call", &id, "nadia-roux", "waved"]),
        2,
    );
    assert!(err.contains("unknown outcome 'waved'"), "{err}");
}
