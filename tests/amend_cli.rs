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
        .split("## What we did")
        .nth(1)
        .unwrap()
        .split("## Retracted")
        .next()
        .unwrap();
    assert!(!timeline.contains("Wrong lesson"), "{timeline}");
}

#[test]
fn every_fact_can_be_set_with_a_reason_and_a_bad_value_lists_the_valid_ones() {
    let dir = tmp();
    let id = declare(dir.path(), "Mail server encrypted", "3");
    let set = |args: &[&str]| {
        let mut all = vec!["set", id.as_str()];
        all.extend_from_slice(args);
        ok(warroom(dir.path()).args(all))
    };
    let before = show_json(dir.path(), &id)["escalation"]
        .as_array()
        .unwrap()
        .len();
    let out = set(&["severity", "5", "--reason", "payroll data encrypted too"]);
    let after = show_json(dir.path(), &id)["escalation"]
        .as_array()
        .unwrap()
        .len();
    assert!(
        after > before,
        "severity 5 calls more people: {before} → {after}"
    );
    assert!(
        out.contains("saved") && out.contains("payroll data encrypted too"),
        "{out}"
    );
    set(&["title", "Ransomware on the mail and payroll servers"]);
    set(&["category", "malicious-code"]);
    set(&["tlp", "TLP:RED"]);
    set(&["commander", "Camille Martin"]);
    set(&["scope", "network,endpoints,personal-data"]);
    set(&["summary", "LockBit-style encryption after a phishing mail"]);
    set(&["detected-at", "2026-11-28 06:40"]);
    set(&["nis2", "yes"]);
    let shown = show_json(dir.path(), &id);
    assert_eq!(shown["severity"]["level"], 5);
    assert_eq!(shown["title"], "Ransomware on the mail and payroll servers");
    assert_eq!(shown["category"], "malicious-code");
    assert_eq!(shown["tlp"], "TLP:RED");
    assert_eq!(shown["commander"], "Camille Martin");
    assert_eq!(shown["scope"]["personal_data"], true);
    assert_eq!(shown["scope"]["cloud"], false);
    assert_eq!(shown["detected_at"], "2026-11-28T06:40:00Z");
    assert_eq!(shown["entity"]["nis2"], true);
    // The list follows (title, severity).
    let listed = list_json(dir.path());
    assert_eq!(listed[0]["severity"], "emergency", "{listed:?}");
    assert!(listed[0].get("history").is_none());

    // Same value: said, nothing recorded.
    let before = journal_len(dir.path(), &id);
    let out = set(&["severity", "5"]);
    assert!(out.contains("nothing recorded"), "{out}");
    assert_eq!(journal_len(dir.path(), &id), before);
    // Clearing.
    set(&["commander", "none"]);
    assert_eq!(
        show_json(dir.path(), &id)["commander"],
        serde_json::Value::Null
    );

    let err = fails(warroom(dir.path()).args(["set", &id, "colour", "red"]), 2);
    assert!(
        err.contains("detected-at") && err.contains("colour"),
        "{err}"
    );
    let err = fails(warroom(dir.path()).args(["set", &id, "severity", "9"]), 2);
    assert!(err.contains("9"), "{err}");
    let err = fails(warroom(dir.path()).args(["set", &id, "scope", "moon"]), 2);
    assert!(err.contains("personal-data"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["set", &id, "detected-at", "2027-01-01 00:00"]),
        2,
    );
    assert!(err.contains("future"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), before + 1);
}

#[test]
fn closing_needs_every_clock_settled_or_left_open_on_purpose_and_can_be_undone() {
    let dir = tmp();
    let id = declare(dir.path(), "Customer database exposed", "3");
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    let err = fails(
        warroom(dir.path()).args(["close", &id, "--resolution", "resolved"]),
        1,
    );
    assert!(
        err.contains("gdpr-authority") && err.contains("--leave-open"),
        "{err}"
    );
    ok(warroom(dir.path()).args(["clock", &id, "gdpr-authority", "met", "--ref", "CNIL-1"]));
    ok(warroom(dir.path()).args([
        "clock",
        &id,
        "gdpr-subjects",
        "waive",
        "--reason",
        "no high risk to people",
    ]));
    let out = ok(warroom_at(dir.path(), "2026-12-02T16:30:00Z").args([
        "close",
        &id,
        "--resolution",
        "resolved",
        "--summary",
        "Restored from backups",
    ]));
    assert!(out.contains("Closed: resolved"), "{out}");
    let text = ok(warroom_at(dir.path(), "2026-12-09T00:00:00Z").args(["show", &id]));
    assert!(
        text.contains("Closed (resolved) at 2026-12-02T16:30:00+00:00, after 4d 02:30:00"),
        "the duration stops at the close: {text}"
    );
    let md = ok(warroom(dir.path()).args(["export", &id, "--format", "md"]));
    for row in [
        "| Resolution | resolved |",
        "| How it ended | Restored from backups |",
        "| Duration | 4d 02:30:00 |",
        "| Closed | 2026-12-02 16:30:00 UTC | 4d 02:30:00 |",
    ] {
        assert!(md.contains(row), "{row} in {md}");
    }
    let list = ok(warroom(dir.path()).arg("list"));
    assert!(list.contains("[closed]"), "{list}");
    let again = ok(warroom(dir.path()).args(["close", &id, "--resolution", "resolved"]));
    assert!(again.contains("already closed"), "{again}");

    ok(warroom(dir.path()).args(["reopen", &id, "--reason", "new encrypted share found"]));
    let listed = list_json(dir.path());
    assert_eq!(listed[0]["closed"], false);
    let out = ok(warroom(dir.path()).args(["reopen", &id, "--reason", "x"]));
    assert!(out.contains("not closed"), "{out}");
}

#[test]
fn open_incidents_are_listed_before_closed_ones() {
    let dir = tmp();
    let first = declare(dir.path(), "Old phishing", "2");
    let second = declare(dir.path(), "New ransomware", "4");
    ok(warroom_at(dir.path(), "2026-11-28T15:00:00Z").args([
        "close",
        &second,
        "--resolution",
        &format!("duplicate:{first}"),
    ]));
    let listed = list_json(dir.path());
    assert_eq!(listed[0]["id"], first.as_str(), "open first though older");
    assert_eq!(listed[1]["closed"], true);
    let err = fails(
        warroom(dir.path()).args([
            "close",
            &first,
            "--resolution",
            &format!("duplicate:{first}"),
        ]),
        2,
    );
    assert!(err.contains("itself"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["close", &first, "--resolution", "fixed"]),
        2,
    );
    assert!(err.contains("false-positive"), "{err}");
}

#[test]
fn ticking_a_step_tied_to_clocks_does_what_the_dashboard_does_and_says_so() {
    let dir = tmp();
    let id = declare_with_config(
        dir.path(),
        "nis2_entity: true\n",
        "Files encrypted on FS01",
        &["--severity", "4", "--category", "malicious-code"],
    );
    ok(warroom(dir.path()).args(["flag", &id, "significant"]));
    assert_eq!(
        clock(&show_json(dir.path(), &id), "nis2-early-warning")["state"],
        "running"
    );
    let out = ok(warroom(dir.path()).args([
        "check",
        &id,
        "rw-nis2-early-warning",
        "--ref",
        "CERTFR-2026-42",
    ]));
    assert!(
        out.contains("met nis2-early-warning (ref. CERTFR-2026-42)"),
        "{out}"
    );
    let shown = show_json(dir.path(), &id);
    assert_eq!(clock(&shown, "nis2-early-warning")["state"], "met");
    assert_eq!(
        clock(&shown, "nis2-early-warning")["reference"],
        "CERTFR-2026-42"
    );
    assert!(
        item(&shown, "rw-nis2-early-warning")["done"]
            .as_bool()
            .unwrap()
    );
}

#[test]
fn a_reference_can_be_added_to_a_clock_met_without_one() {
    let dir = tmp();
    let id = declare(dir.path(), "Customer database exposed", "3");
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    ok(warroom_at(dir.path(), "2026-11-29T10:00:00Z").args([
        "clock",
        &id,
        "gdpr-authority",
        "met",
    ]));
    let out = ok(warroom_at(dir.path(), "2026-11-30T10:00:00Z").args([
        "clock",
        &id,
        "gdpr-authority",
        "met",
        "--ref",
        "CNIL-2026-77",
    ]));
    assert!(
        out.contains("reference of gdpr-authority recorded"),
        "{out}"
    );
    let gdpr = clock(&show_json(dir.path(), &id), "gdpr-authority").clone();
    assert_eq!(gdpr["reference"], "CNIL-2026-77");
    assert_eq!(gdpr["at"], "2026-11-29T10:00:00Z", "met when it was");
    let out = ok(warroom(dir.path()).args(["clock", &id, "gdpr-authority", "met"]));
    assert!(
        out.contains("nothing recorded") && out.contains("--ref"),
        "{out}"
    );
}

#[test]
fn a_flag_whose_clocks_need_nis2_says_why_none_starts_and_how() {
    let dir = tmp();
    let id = declare(dir.path(), "Payment service down", "4");
    let out = ok(warroom(dir.path()).args(["flag", &id, "significant"]));
    assert!(
        out.contains("not marked as covered by nis2")
            && out.contains(&format!("warroom set {id} nis2 yes")),
        "{out}"
    );
    let out = ok(warroom(dir.path()).args(["set", &id, "nis2", "yes"]));
    assert!(out.contains("NIS2 applies: yes"), "{out}");
    assert_eq!(
        clock(&show_json(dir.path(), &id), "nis2-early-warning")["state"],
        "running"
    );
}
