//! When things happened, from the command line: `--at` on writing commands, refused in
//! the future or implausibly far back (unless `--force`), shown beside when it was
//! logged, and used by clocks, the timeline and the report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;

fn events(dir: &Path, id: &str) -> Vec<Value> {
    ok(warroom(dir).args(["export", id, "--format", "journal"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_note_written_later_keeps_when_it_happened_and_says_when_it_was_logged() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    // Now is 14:00 UTC; the call happened at 13:05 local (TZ=UTC).
    ok(warroom(dir.path()).args(["note", &id, "Called the hoster", "--at", "13:05"]));
    let journal = events(dir.path(), &id);
    let note = journal.last().unwrap();
    assert_eq!(note["occurred_at"], "2026-11-28T13:05:00Z");
    assert_eq!(note["at"], "2026-11-28T14:00:00Z", "written now");
    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        shown.contains("2026-11-28 13:05:00Z")
            && shown.contains("Called the hoster (logged 2026-11-28 14:00Z)"),
        "{shown}"
    );
    // Without --at, one time only.
    ok(warroom(dir.path()).args(["note", &id, "Now"]));
    assert!(
        events(dir.path(), &id)
            .last()
            .unwrap()
            .get("occurred_at")
            .is_none()
    );
}

#[test]
fn every_form_of_when_is_read() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    for (when, expected) in [
        ("2026-11-28T12:00:00+01:00", "2026-11-28T11:00:00Z"),
        ("2026-11-27 22:30", "2026-11-27T22:30:00Z"),
        ("09:15", "2026-11-28T09:15:00Z"),
        // Later today than now: yesterday.
        ("23:50", "2026-11-27T23:50:00Z"),
        ("-25m", "2026-11-28T13:35:00Z"),
        ("-2h", "2026-11-28T12:00:00Z"),
    ] {
        let text = format!("said {when}");
        ok(warroom(dir.path()).args(["note", &id, &text, "--at", when]));
        let last = events(dir.path(), &id).pop().unwrap();
        assert_eq!(last["occurred_at"], expected, "--at {when}");
    }
}

#[test]
fn a_time_in_the_future_or_unreadable_is_refused_and_nothing_is_written() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    let before = journal_len(dir.path(), &id);
    let err = fails(
        warroom(dir.path()).args(["note", &id, "x", "--at", "2026-11-28 15:00"]),
        2,
    );
    assert!(
        err.contains("2026-11-28 15:00:00 UTC"),
        "the parsed instant: {err}"
    );
    assert!(err.contains("future"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["note", &id, "x", "--at", "half past"]),
        2,
    );
    assert!(err.contains("half past"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), before);
}

#[test]
fn a_time_long_before_the_declaration_needs_force() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    let err = fails(
        warroom(dir.path()).args(["flag", &id, "personal-data", "--at", "1900-01-01 00:00"]),
        2,
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), 1);
    // Weeks before is normal: the attacker came first.
    ok(warroom(dir.path()).args([
        "note",
        &id,
        "First phishing mail",
        "--at",
        "2026-11-02 08:00",
    ]));
    ok(warroom(dir.path()).args([
        "note",
        &id,
        "Old log line",
        "--at",
        "2024-01-01 00:00",
        "--force",
    ]));
    assert_eq!(journal_len(dir.path(), &id), 3);
}

#[test]
fn at_is_refused_on_a_command_that_writes_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    let err = fails(warroom(dir.path()).args(["show", &id, "--at", "13:00"]), 2);
    assert!(err.contains("--at"), "{err}");
}

#[test]
fn a_bad_warroom_now_is_an_error_not_ignored() {
    let dir = tmp();
    let err = fails(warroom_at(dir.path(), "yesterday-ish").args(["list"]), 2);
    assert!(err.contains("WARROOM_NOW"), "{err}");
}

#[test]
fn a_notification_met_on_time_but_logged_late_counts_as_met_on_time() {
    let dir = tmp();
    let id = declare_with_config(
        dir.path(),
        "nis2_entity: true\n",
        "Customer database exposed",
        &["--severity", "3"],
    );
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    // Deadline 2026-12-01 14:00; sent on the 1st at 10:00, written down on the 2nd.
    ok(warroom_at(dir.path(), "2026-12-02T09:00:00Z").args([
        "clock",
        &id,
        "gdpr-authority",
        "met",
        "--ref",
        "CNIL-2026-1234",
        "--at",
        "2026-12-01 10:00",
    ]));
    let shown = show_json(dir.path(), &id);
    let gdpr = clock(&shown, "gdpr-authority");
    assert_eq!(gdpr["state"], "met", "{gdpr}");
    assert_eq!(gdpr["at"], "2026-12-01T10:00:00Z", "{gdpr}");
    let text = ok(warroom_at(dir.path(), "2026-12-02T09:00:00Z").args(["show", &id]));
    let line = text
        .lines()
        .find(|l| l.starts_with("GDPR notification"))
        .unwrap();
    assert!(
        line.contains("met 2026-12-01T10:00:00") && !line.contains("late"),
        "{line}"
    );
    let report =
        ok(warroom_at(dir.path(), "2026-12-02T09:00:00Z").args(["export", &id, "--format", "md"]));
    assert!(
        report.contains("2026-12-01 10:00:00 UTC (logged 2026-12-02 09:00:00 UTC)"),
        "{report}"
    );
}
