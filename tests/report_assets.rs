//! The report's sections on what the incident touched: affected assets (state and when
//! it last changed) and observables (defanged, flags, TLP, source), in Markdown, HTML
//! and JSON, in English and French; absent from an incident that has neither.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use std::path::Path;

fn incident(dir: &Path) -> String {
    let id = declare(dir, "Files encrypted on FS01", "4");
    let run = |args: &[&str]| {
        ok(warroom(dir).args(args));
    };
    run(&[
        "ioc",
        "add",
        &id,
        "url",
        "https://evil.example.com/pay",
        "--sighted",
        "--source",
        "proxy <log>",
    ]);
    run(&[
        "ioc",
        "add",
        &id,
        "md5",
        "d41d8cd98f00b204e9800998ecf8427e",
        "--not-ioc",
        "--tlp",
        "green",
    ]);
    run(&[
        "asset",
        "add",
        &id,
        "host",
        "FS01",
        "--owner",
        "IT | ops",
        "--state",
        "compromised",
        "--observable",
        "O1",
        "--at",
        "13:00",
    ]);
    run(&["asset", "add", &id, "account", "svc_backup*"]);
    run(&["asset", "state", &id, "A1", "contained", "--at", "13:40"]);
    id
}

/// The lines of `text` from the one starting with `from` up to the one starting with `to`.
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in {text}"));
    let end = start
        + text[start..]
            .find(to)
            .unwrap_or_else(|| panic!("no {to:?} in {text}"));
    &text[start..end]
}

#[test]
fn assets_and_observables_have_their_sections_defanged_and_escaped() {
    let dir = tmp();
    let id = incident(dir.path());
    let md = ok(warroom(dir.path()).args(["export", &id, "--format", "md"]));
    let sections = between(&md, "## Affected assets", "## Lessons learned");
    assert!(!sections.contains("https://"), "{sections}");
    insta::assert_snapshot!(sections);

    let html = ok(warroom(dir.path()).args(["export", &id, "--format", "html"]));
    let sections = between(
        &html,
        "<h2>Affected assets</h2>",
        "<h2>Lessons learned</h2>",
    );
    assert!(
        sections.contains("<td>hxxps://evil[.]example[.]com/pay</td>"),
        "{sections}"
    );
    assert!(sections.contains("proxy &lt;log&gt;"), "{sections}");
    assert!(sections.contains("<td>IT | ops</td>"), "{sections}");
    assert!(
        sections.contains("<td>contained</td><td>2026-11-28 13:40:00 UTC</td>"),
        "{sections}"
    );
    assert!(!sections.contains("href"), "{sections}");

    let json: serde_json::Value = serde_json::from_str(&ok(
        warroom(dir.path()).args(["export", &id, "--format", "json"])
    ))
    .unwrap();
    assert_eq!(json["assets"][0]["state"], "contained");
    assert_eq!(json["assets"][0]["kind"], "host");
    assert_eq!(json["assets"][0]["history"].as_array().unwrap().len(), 2);
    // The host contained at 13:40 is when the incident was contained: no phase moved.
    let contained = json["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "contained")
        .unwrap();
    assert_eq!(contained["at"], "2026-11-28T13:40:00Z");
    assert_eq!(
        json["observables"][0]["value"],
        "https://evil.example.com/pay"
    );
    assert_eq!(
        json["observables"][0]["defanged"],
        "hxxps://evil[.]example[.]com/pay"
    );
    assert_eq!(json["observables"][1]["tlp"], "TLP:GREEN");

    let fr = ok(warroom(dir.path()).args(["--lang", "fr", "export", &id, "--format", "md"]));
    assert!(fr.contains("## Actifs touchés"), "{fr}");
    assert!(fr.contains("| Dernier changement (UTC) |"), "{fr}");
    assert!(fr.contains("| confiné |"), "{fr}");
    assert!(fr.contains("vu chez nous"), "{fr}");
}

#[test]
fn an_incident_without_them_has_no_such_sections() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing", "2");
    let md = ok(warroom(dir.path()).args(["export", &id, "--format", "md"]));
    assert!(
        !md.contains("Affected assets") && !md.contains("Observables"),
        "{md}"
    );
    let json = ok(warroom(dir.path()).args(["export", &id, "--format", "json"]));
    assert!(
        !json.contains("\"assets\"") && !json.contains("\"observables\""),
        "{json}"
    );
}
