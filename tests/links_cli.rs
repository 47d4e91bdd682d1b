//! Links between observables, assets, attack steps and evidence are facts: a link typed
//! on the command line names an entry the incident has — an asset by its id or its
//! exact name (any case), stored as its id — or it is refused (exit 2) with what was
//! typed, and nothing is stored.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;

const NOW: &str = "2026-11-28T12:00:00Z";

fn at(dir: &std::path::Path) -> assert_cmd::Command {
    warroom_at(dir, NOW)
}

/// An incident with the host WS-042 (A1), the data store FS01 (A2), the host fs01
/// (A3, the same name as A2), the observable O1 and the evidence item E1.
fn incident(dir: &std::path::Path) -> String {
    let id = ok(at(dir).args(["new", "--title", "Ransomware on FS01", "--severity", "4"]))
        .trim()
        .to_string();
    for (kind, name) in [("host", "WS-042"), ("data-store", "FS01"), ("host", "fs01")] {
        ok(at(dir).args(["asset", "add", &id, kind, name]));
    }
    ok(at(dir).args(["ioc", "add", &id, "ip", "203.0.113.7"]));
    ok(at(dir).args([
        "evidence",
        "add",
        &id,
        "--kind",
        "log",
        "--description",
        "proxy log",
        "--sha256",
        &"0".repeat(64),
    ]));
    id
}

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(at(dir).args(args).arg("--json"))).unwrap()
}

#[test]
fn links_by_id_or_name_are_stored_as_ids() {
    let dir = tmp();
    let d = dir.path();
    let id = incident(d);
    ok(at(d).args([
        "timeline",
        "add",
        &id,
        "-3d",
        "Macro opened",
        "--asset",
        "ws-042",
        "--asset",
        "A1",
        "--observable",
        "o1",
    ]));
    ok(at(d).args([
        "ioc",
        "add",
        &id,
        "domain",
        "evil.example",
        "--asset",
        " WS-042 ",
        "--asset",
        "a2",
        "--evidence",
        "e1",
    ]));
    let steps = json(d, &["timeline", "list", &id]);
    assert_eq!(steps["steps"][0]["assets"], serde_json::json!(["A1"]));
    assert_eq!(steps["steps"][0]["observables"], serde_json::json!(["O1"]));
    let iocs = json(d, &["ioc", "list", &id]);
    assert_eq!(iocs[1]["spec"]["assets"], serde_json::json!(["A1", "A2"]));
    assert_eq!(iocs[1]["spec"]["evidence"], serde_json::json!(["E1"]));

    // `timeline set` takes names too, and clears with "-".
    ok(at(d).args(["timeline", "set", &id, "S1", "assets", "A3,ws-042"]));
    let steps = json(d, &["timeline", "list", &id]);
    assert_eq!(steps["steps"][0]["assets"], serde_json::json!(["A3", "A1"]));
    ok(at(d).args(["timeline", "set", &id, "S1", "assets", "-"]));
    let steps = json(d, &["timeline", "list", &id]);
    assert_eq!(steps["steps"][0]["assets"], Value::Null, "none left");

    // An asset's state and facts are set by its name too, when no other asset has it.
    ok(at(d).args(["asset", "state", &id, "ws-042", "contained"]));
    ok(at(d).args(["asset", "set", &id, "WS-042", "owner", "IT"]));
    let assets = json(d, &["asset", "list", &id]);
    let ws = assets
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "WS-042")
        .unwrap();
    assert_eq!(
        (ws["state"].as_str(), ws["owner"].as_str()),
        (Some("contained"), Some("IT"))
    );
}

#[test]
fn a_link_to_nothing_is_refused_and_nothing_is_stored() {
    let dir = tmp();
    let d = dir.path();
    let id = incident(d);
    ok(at(d).args(["timeline", "add", &id, "-3d", "Macro opened"]));
    let events = journal_len(d, &id);
    for (args, says) in [
        (
            vec!["timeline", "add", &id, "-2d", "RDP", "--asset", "WS-043"],
            format!("{id} has no asset 'WS-043'"),
        ),
        (
            vec![
                "timeline", "add", &id, "-2d", "RDP", "--asset", "A1", "--asset", "A9",
            ],
            format!("{id} has no asset 'A9'"),
        ),
        (
            vec!["timeline", "add", &id, "-2d", "RDP", "--observable", "O2"],
            format!("{id} has no observable 'O2'"),
        ),
        (
            vec!["timeline", "set", &id, "S1", "assets", "A1,nowhere"],
            format!("{id} has no asset 'nowhere'"),
        ),
        (
            vec!["timeline", "set", &id, "S1", "observables", "O7"],
            format!("{id} has no observable 'O7'"),
        ),
        (
            vec![
                "ioc",
                "add",
                &id,
                "domain",
                "evil.example",
                "--asset",
                "DC01",
            ],
            format!("{id} has no asset 'DC01'"),
        ),
        (
            vec![
                "ioc",
                "add",
                &id,
                "domain",
                "evil.example",
                "--evidence",
                "E2",
            ],
            format!("{id} has no evidence item 'E2'"),
        ),
        (
            vec!["asset", "add", &id, "host", "DC01", "--observable", "O5"],
            format!("{id} has no observable 'O5'"),
        ),
        (
            vec!["asset", "add", &id, "host", "DC01", "--evidence", "E4"],
            format!("{id} has no evidence item 'E4'"),
        ),
        (
            vec!["asset", "state", &id, "fs01", "contained"],
            format!(
                "{id} has several assets named 'fs01' (A2, A3): give the one you mean by its id"
            ),
        ),
        // A name two assets share must be given by id.
        (
            vec!["timeline", "add", &id, "-2d", "RDP", "--asset", "FS01"],
            format!(
                "{id} has several assets named 'FS01' (A2, A3): give the one you mean by its id"
            ),
        ),
    ] {
        let err = fails(at(d).args(&args), 2);
        assert!(err.contains(&says), "{args:?}: {err}");
    }
    assert_eq!(journal_len(d, &id), events, "nothing stored");
    let iocs = json(d, &["ioc", "list", &id]);
    assert_eq!(iocs.as_array().unwrap().len(), 1);
}

#[test]
fn refusals_read_in_french() {
    let dir = tmp();
    let d = dir.path();
    let id = incident(d);
    let err = fails(
        at(d).args([
            "--lang", "fr", "timeline", "add", &id, "-2d", "RDP", "--asset", "fs01",
        ]),
        2,
    );
    assert!(
        err.contains("a plusieurs actifs nommés « fs01 » (A2, A3)\u{a0}: désignez"),
        "{err}"
    );
}
