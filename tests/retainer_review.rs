#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The retainer reviewed: recorded as an event when an incident closes, listed over all
//! incidents with the totals to bring to the contract's renewal.

mod common;
use common::cli::*;
use std::path::Path;

fn at(dir: &Path, now: &str, args: &[&str]) -> String {
    ok(warroom_at(dir, now).args(args))
}

#[test]
fn reviews_are_recorded_and_listed_with_totals() {
    let dir = tmp();
    let d = dir.path();
    // One where the retainer started work in time, one where it was late.
    let quick = declare(d, "Phishing wave", "3");
    at(d, "2026-11-28T14:00:00Z", &["alert-retainer", &quick]);
    at(
        d,
        "2026-11-28T14:40:00Z",
        &["clock", &quick, "retainer-sla", "met", "--ref", "bridge"],
    );
    let slow = declare(d, "Ransomware on FS01", "3");
    at(d, "2026-11-28T14:00:00Z", &["alert-retainer", &slow]);
    at(
        d,
        "2026-11-28T15:30:00Z",
        &["clock", &slow, "retainer-sla", "met"],
    );
    // Said: scope and evidence; the response time comes from the journal.
    let saved = at(
        d,
        "2026-11-29T10:00:00Z",
        &[
            "retainer",
            "record",
            &quick,
            "--scope",
            "yes",
            "--evidence",
            "yes",
            "--report",
            "yes",
            "--complete",
            "no",
            "--note",
            "no recommendations in the report",
        ],
    );
    assert!(saved.contains("Retainer reviewed:"), "{saved}");
    assert!(saved.contains("response time kept yes"), "{saved}");
    at(
        d,
        "2026-11-29T10:05:00Z",
        &["retainer", "record", &slow, "--scope", "no"],
    );

    let listed = at(d, "2026-11-29T11:00:00Z", &["retainer", "review"]);
    assert!(
        listed.contains(&format!("{quick} · Phishing wave")),
        "{listed}"
    );
    assert!(
        listed.contains("work started 00:40:00 after the alert"),
        "{listed}"
    );
    assert!(
        listed.contains("work started 01:30:00 after the alert"),
        "{listed}"
    );
    assert!(
        listed.contains("no recommendations in the report"),
        "{listed}"
    );
    assert!(listed.contains("Over 2 reviewed incidents:"), "{listed}");
    assert!(listed.contains("response time kept: 1 of 2"), "{listed}");
    assert!(listed.contains("scope enough: 1 of 2"), "{listed}");

    let json: serde_json::Value = serde_json::from_str(&at(
        d,
        "2026-11-29T11:00:00Z",
        &["retainer", "review", "--json"],
    ))
    .unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["reviews"][1]["sla_met"], "no", "{json}");
    assert_eq!(json["reviews"][1]["report_received"], "unknown", "{json}");
    assert_eq!(json["totals"]["sla_met"]["yes"], 1);
    assert_eq!(json["totals"]["scope_sufficient"]["no"], 1);
}

#[test]
fn a_retainer_never_alerted_has_nothing_to_review_and_bad_verdicts_are_refused() {
    let dir = tmp();
    let id = declare(dir.path(), "Lost laptop", "2");
    let err = fails(
        warroom(dir.path()).args(["retainer", "record", &id, "--scope", "yes"]),
        1,
    );
    assert!(err.contains("never alerted"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["retainer", "record", &id, "--scope", "maybe"]),
        2,
    );
    assert!(err.contains("expected yes, no or unknown"), "{err}");
    assert!(
        ok(warroom(dir.path()).args(["retainer", "review"])).contains("No retainer review yet")
    );
}
