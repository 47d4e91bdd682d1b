//! `warroom asset`: the affected assets from the command line — merged not added twice,
//! states moved by events with their time (`--at`), fields set, refusals (exit 2) that
//! store nothing, and the counts and scope hint `warroom show` gives.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;

fn register(dir: &std::path::Path, id: &str) -> Vec<Value> {
    serde_json::from_str(&ok(warroom(dir).args(["asset", "list", id, "--json"]))).unwrap()
}

#[test]
fn assets_are_merged_not_added_twice_and_their_states_kept_with_their_time() {
    let dir = tmp();
    let id = declare(dir.path(), "Files encrypted on FS01", "4");
    ok(warroom(dir.path()).args(["ioc", "add", &id, "ip", "192.0.2.10"]));
    let add = |args: &[&str]| ok(warroom(dir.path()).args(["asset", "add", &id]).args(args));
    let first = add(&[
        "host",
        "FS01.corp.example",
        "--owner",
        "IT ops",
        "--state",
        "compromised",
        "--observable",
        "o1",
        "--at",
        "13:00",
    ]);
    assert!(first.contains("asset A1"), "{first}");
    let again = add(&[
        "host",
        " fs01.CORP.example. ",
        "--note",
        "ransom note on D:",
    ]);
    assert!(again.contains("already known: merged into A1"), "{again}");
    assert!(add(&["account", "svc-backup"]).contains("asset A2"));
    assert!(add(&["data-store", "HR share", "--state", "contained"]).contains("asset A3"));

    // Restored now; contained at 13:40, told after: it takes its place in time.
    ok(warroom(dir.path()).args(["asset", "state", &id, "a1", "restored"]));
    ok(warroom(dir.path()).args(["asset", "state", &id, "A1", "contained", "--at", "13:40"]));
    let same = ok(warroom(dir.path()).args(["asset", "state", &id, "A1", "restored"]));
    assert!(
        same.contains("A1 is already restored; nothing recorded"),
        "{same}"
    );

    let all = register(dir.path(), &id);
    assert_eq!(all.len(), 3, "{all:?}");
    let a1 = &all[0];
    assert_eq!(a1["id"], "A1");
    assert_eq!(a1["kind"], "host");
    assert_eq!(a1["name"], "FS01.corp.example");
    assert_eq!(a1["owner"], "IT ops");
    assert_eq!(a1["note"], "ransom note on D:");
    assert_eq!(a1["observables"], serde_json::json!(["O1"]));
    assert_eq!(a1["state"], "restored");
    assert_eq!(a1["reports"], 2);
    let moves: Vec<(&str, &str)> = a1["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["state"].as_str().unwrap(), c["at"].as_str().unwrap()))
        .collect();
    assert_eq!(
        moves,
        [
            ("compromised", "2026-11-28T13:00:00Z"),
            ("contained", "2026-11-28T13:40:00Z"),
            ("restored", "2026-11-28T14:00:00Z"),
        ]
    );
    assert_eq!(all[1]["state"], "suspected");
    assert_eq!(all[2]["kind"], "data-store");

    let listed = ok(warroom(dir.path()).args(["asset", "list", &id]));
    assert!(
        listed.contains("A1   host         FS01.corp.example  [restored 2026-11-28 14:00Z]"),
        "{listed}"
    );
    assert!(listed.contains("owner: IT ops"), "{listed}");

    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        shown.contains("Assets: 1 suspected · 1 contained · 1 restored"),
        "{shown}"
    );
    assert!(shown.contains("Affected asset (host): FS01.corp.example, compromised"));
    assert!(shown.contains("Asset A1 (FS01.corp.example): contained"));
    let json = show_json(dir.path(), &id);
    assert_eq!(json["asset_counts"]["restored"], 1);
    assert_eq!(json["asset_counts"]["compromised"], 0);
    assert_eq!(json["assets"].as_array().unwrap().len(), 3);
    ok(warroom(dir.path()).args(["verify", &id]));
}

#[test]
fn a_confirmed_host_hints_at_endpoints_until_the_scope_is_amended() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "3");
    ok(warroom(dir.path()).args(["asset", "add", &id, "host", "ws-042"]));
    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        !shown.contains("assets imply"),
        "a suspicion is no hint: {shown}"
    );
    ok(warroom(dir.path()).args(["asset", "state", &id, "A1", "compromised"]));
    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        shown.contains("Scope: none recorded (assets imply: endpoints)"),
        "{shown}"
    );
    // Only a hint: the declared scope is what it was until someone amends it.
    let json = show_json(dir.path(), &id);
    assert_eq!(json["scope"]["endpoints"], false);
    assert_eq!(json["asset_implied_scope"]["endpoints"], true);
    ok(warroom(dir.path()).args(["set", &id, "scope", "endpoints", "--reason", "ws-042"]));
    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(!shown.contains("assets imply"), "{shown}");
}

#[test]
fn fields_are_set_by_events_and_bad_input_stores_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "4");
    ok(warroom(dir.path()).args(["asset", "add", &id, "host", "ws1"]));
    ok(warroom(dir.path()).args(["asset", "add", &id, "host", "ws2"]));
    ok(warroom(dir.path()).args(["asset", "set", &id, "A1", "owner", "Sales"]));
    ok(warroom(dir.path()).args(["asset", "set", &id, "A1", "name", "WS1-cfo"]));
    ok(warroom(dir.path()).args(["asset", "set", &id, "a1", "kind", "service"]));
    ok(warroom(dir.path()).args(["asset", "set", &id, "A1", "note", "the CFO's"]));
    let same = ok(warroom(dir.path()).args(["asset", "set", &id, "A1", "owner", "Sales"]));
    assert!(same.contains("nothing recorded"), "{same}");
    let all = register(dir.path(), &id);
    assert_eq!(all[0]["owner"], "Sales");
    assert_eq!(all[0]["name"], "WS1-cfo");
    assert_eq!(all[0]["kind"], "service");
    assert_eq!(all[0]["note"], "the CFO's");
    // Under its new name it is found again.
    let merged = ok(warroom(dir.path()).args(["asset", "add", &id, "service", "ws1-CFO"]));
    assert!(merged.contains("merged into A1"), "{merged}");
    // A host of that name is another asset.
    ok(warroom(dir.path()).args(["asset", "add", &id, "host", "WS1-cfo"]));

    let events = journal_len(dir.path(), &id);
    for (args, says) in [
        (
            vec!["add", &id, "laptop", "x"],
            "unknown asset kind 'laptop'",
        ),
        (vec!["add", &id, "host", "  "], "the asset's name is empty"),
        (
            vec!["add", &id, "host", "x", "--state", "pwned"],
            "unknown asset state 'pwned'",
        ),
        (
            vec!["add", &id, "host", "x", "--observable", "O4"],
            "has no observable 'O4'",
        ),
        (
            vec!["add", &id, "host", "x", "--evidence", "E9"],
            "has no evidence item 'E9'",
        ),
        (vec!["state", &id, "A7", "contained"], "has no asset 'A7'"),
        (vec!["state", &id, "O1", "contained"], "has no asset 'O1'"),
        (
            vec!["state", &id, "A1", "fixed"],
            "unknown asset state 'fixed'",
        ),
        (
            vec!["set", &id, "A1", "colour", "red"],
            "has no field 'colour'",
        ),
        (
            vec!["set", &id, "A1", "kind", "laptop"],
            "unknown asset kind",
        ),
        (
            vec!["set", &id, "A1", "name", ""],
            "the asset's name is empty",
        ),
        (
            vec!["set", &id, "A1", "kind", "host"],
            "A3 is already the host 'WS1-cfo'",
        ),
        (
            vec!["set", &id, "A2", "name", " wS1-Cfo"],
            "A3 is already the host",
        ),
        (
            vec!["set", &id, "A1", "name", "WS1-cfo "],
            "nothing recorded",
        ),
    ] {
        let out = warroom(dir.path())
            .arg("asset")
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let said = format!("{err}{}", String::from_utf8_lossy(&out.stdout));
        assert!(said.contains(says), "{args:?}: {said}");
    }
    for args in [
        vec!["add", &id, "laptop", "x"],
        vec!["state", &id, "A7", "contained"],
        vec!["set", &id, "A1", "kind", "host"],
    ] {
        fails(warroom(dir.path()).arg("asset").args(&args), 2);
    }
    assert_eq!(
        journal_len(dir.path(), &id),
        events,
        "a refusal stores nothing"
    );
}

#[test]
fn the_register_and_refusals_speak_french() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "4");
    let err = fails(
        warroom(dir.path()).args(["--lang", "fr", "asset", "add", &id, "poste", "x"]),
        2,
    );
    assert!(err.contains("poste"), "{err}");
    ok(warroom(dir.path()).args([
        "asset",
        "add",
        &id,
        "data-store",
        "HR share",
        "--owner",
        "RH",
    ]));
    // Positionals keep their order under French help (`asset state ID ASSET STATE`).
    ok(warroom(dir.path()).args(["--lang", "fr", "asset", "state", &id, "A1", "compromised"]));
    let listed = ok(warroom(dir.path()).args(["--lang", "fr", "asset", "list", &id]));
    assert!(listed.contains("stockage de données"), "{listed}");
    assert!(listed.contains("[compromis 2026-11-28 14:00Z]"), "{listed}");
    assert!(listed.contains("propriétaire : RH"), "{listed}");
    let shown = ok(warroom(dir.path()).args(["--lang", "fr", "show", &id]));
    assert!(shown.contains("Actifs\u{a0}: 1 compromis"), "{shown}");
    assert!(shown.contains("Actif A1 (HR share) : compromis"), "{shown}");
}
