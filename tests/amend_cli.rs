//! Changing the record from the command line: a retraction removes its event's effect, a
//! correction can re-date it, the incident's facts are amended with a reason, and an
//! incident is closed and reopened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;

#[test]
fn a_retracted_alert_or_flag_runs_no_clock_and_the_fact_can_be_recorded_again() {
    let dir = tmp();
    let id = declare(dir.path(), "Customer database exposed", "3");
    ok(warroom(dir.path()).args(["alert-retainer", &id]));
    ok(warroom(dir.path()).args(["flag", &id, "personal-data", "--at", "2026-11-28 09:00"]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(clock(&shown, "retainer-sla")["state"], "running");
    assert_eq!(clock(&shown, "gdpr-authority")["state"], "running");

    ok(warroom(dir.path()).args(["retract", &id, "#2", "--reason", "sent to the wrong CSIRT"]));
    ok(warroom(dir.path()).args(["retract", &id, "3", "--reason", "typo in the time"]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(clock(&shown, "retainer-sla")["state"], "waiting", "{shown}");
    assert_eq!(
        clock(&shown, "gdpr-authority")["state"],
        "waiting",
        "{shown}"
    );
    let text = ok(warroom_at(dir.path(), "2026-12-05T00:00:00Z").args(["show", &id]));
    assert!(!text.contains("OVERDUE"), "{text}");

    // Recorded anew with the right time: not "already set".
    let out =
        ok(warroom(dir.path()).args(["flag", &id, "personal-data", "--at", "2026-11-28 10:00"]));
    assert!(!out.contains("nothing recorded"), "{out}");
    let shown = show_json(dir.path(), &id);
    assert_eq!(
        clock(&shown, "gdpr-authority")["deadline"],
        "2026-12-01T10:00:00Z"
    );
}

#[test]
fn a_correction_that_says_when_moves_the_deadline() {
    let dir = tmp();
    let id = declare(dir.path(), "Customer database exposed", "3");
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    ok(warroom(dir.path()).args([
        "correct",
        &id,
        "#2",
        "the DPO knew since the morning",
        "--happened",
        "2026-11-28 08:30",
    ]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(
        clock(&shown, "gdpr-authority")["deadline"],
        "2026-12-01T08:30:00Z"
    );
    let err = fails(
        warroom(dir.path()).args(["correct", &id, "1", "x", "--happened", "08:00"]),
        2,
    );
    assert!(err.contains("detected-at"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["retract", &id, "#x2", "--reason", "r"]),
        2,
    );
    assert!(err.contains("#x2"), "{err}");
}

#[test]
fn a_retracted_call_lesson_or_evidence_is_left_out_of_the_report() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "4");
    ok(warroom(dir.path()).args(["lesson", &id, "cause", "Phishing mail to the accountant"]));
    ok(warroom(dir.path()).args(["lesson", &id, "cause", "Wrong lesson, other incident"]));
    ok(warroom(dir.path()).args(["retract", &id, "3", "--reason", "belongs to IR-2026-0002"]));
    let report = ok(warroom(dir.path()).args(["export", &id, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    let lessons = json["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 1, "{lessons:?}");
    let md = ok(warroom(dir.path()).args(["export", &id, "--format", "md"]));
    let section = md.split("## Retracted entries").nth(1).unwrap();
    assert!(
        section.contains("Wrong lesson") && section.contains("belongs to IR"),
        "{md}"
    );
    let timeline = md
        .split("## Timeline")
        .nth(1)
        .unwrap()
        .split("## Retracted")
        .next()
        .unwrap();
    assert!(!timeline.contains("Wrong lesson"), "{timeline}");
}
