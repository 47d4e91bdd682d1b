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

/// Closing an incident the retainer was alerted on asks for its review, in the
/// dashboard; what is chosen and typed there is the event recorded.
#[test]
fn closing_in_the_dashboard_asks_for_the_review() {
    let dir = tmp();
    let d = dir.path();
    let id = declare(d, "Phishing wave", "3");
    ok(warroom(d).args(["alert-retainer", &id]));
    let mut screen = common::pty::Dashboard::start(d);
    screen.wait_for("the incident", |s| s.contains("Phishing wave"));
    // F, Enter (resolved), y (leave the retainer's clock running).
    screen.keys("F");
    screen.wait_for("the closing form", |s| s.contains("Close the incident"));
    screen.keys("\r");
    screen.wait_for("the confirmation", |s| s.contains("Close anyway"));
    screen.keys("y");
    screen.wait_for("the review form", |s| {
        s.contains("How did the retainer do on this incident?")
    });
    // The response clock still runs: not known. Scope (Tab): ← makes it "no".
    screen.keys("\t");
    screen.keys("\x1b[D");
    screen.wait_for("scope said", |s| s.contains("scope enough:       ‹ no ›"));
    // The note, four rows down, and Enter.
    screen.keys("\t\t\t\tslow to call back\r");
    screen.wait_for("the review in the journal", |s| {
        s.contains("Retainer reviewed")
    });
    screen.keys("q");
    screen.wait_exit();
    let json: serde_json::Value =
        serde_json::from_str(&ok(warroom(d).args(["retainer", "review", "--json"]))).unwrap();
    let review = &json["reviews"][0];
    assert_eq!(review["sla_met"], "unknown", "{json}");
    assert_eq!(review["scope_sufficient"], "no", "{json}");
    assert_eq!(review["note"], "slow to call back", "{json}");
}
