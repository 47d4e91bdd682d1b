//! A realistic incident entered after the fact: three weeks of a health-service
//! ransomware attack (tests/fixtures/health-ransomware.txt), written on one day with
//! `--at`, then read back through `show`, the report, a draft and the dashboard.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;

/// When it was all written down.
const WRITTEN: &str = "2026-12-18T10:00:00Z";

fn replay(dir: &Path) -> String {
    let script = include_str!("fixtures/health-ransomware.txt");
    let mut id = String::new();
    for line in script
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let args: Vec<String> = line.split(" | ").map(|a| a.replace("{id}", &id)).collect();
        let out = ok(warroom_at(dir, WRITTEN).args(&args));
        if args[0] == "new" {
            id = out.trim().to_string();
        }
    }
    id
}

#[test]
fn three_weeks_entered_after_the_fact_read_back_as_they_happened() {
    let dir = tmp();
    let id = replay(dir.path());
    let at = |args: &[&str]| ok(warroom_at(dir.path(), WRITTEN).args(args));
    let shown: Value = serde_json::from_str(&at(&["show", &id, "--json"])).unwrap();
    assert!(shown["journal"].as_array().unwrap().len() >= 40);
    assert_eq!(shown["declared_at"], "2026-11-28T06:55:00Z");
    assert_eq!(shown["detected_at"], "2026-11-28T05:50:00Z");
    assert_eq!(shown["commander"], "Camille Martin");
    assert_eq!(shown["severity"]["level"], 5);

    // Every notification was sent on time, though written down weeks later.
    for (clock_id, met_at) in [
        ("retainer-sla", "2026-11-28T07:25:00Z"),
        ("nis2-early-warning", "2026-11-28T22:40:00Z"),
        ("gdpr-authority", "2026-11-30T16:20:00Z"),
        ("nis2-notification", "2026-12-01T09:10:00Z"),
    ] {
        let c = clock(&shown, clock_id);
        assert_eq!(c["state"], "met", "{clock_id}: {c}");
        assert_eq!(c["at"], met_at, "{clock_id}");
        assert!(
            c["at"].as_str().unwrap() <= c["deadline"].as_str().unwrap(),
            "{clock_id} met on time: {c}"
        );
    }
    assert_eq!(clock(&shown, "nis2-final-report")["state"], "waived");
    assert_eq!(shown["closure"]["resolution"]["kind"], "resolved");

    let text = at(&["show", &id]);
    for line in text.lines().filter(|l| l.contains("): met ")) {
        assert!(!line.contains("late"), "met on time: {line}");
    }
    assert!(text.contains("(logged 2026-12-18 10:00Z)"), "{text}");
    assert!(
        text.contains("Closed (resolved) at 2026-12-17T17:00:00+00:00, after 19d 10:05:00"),
        "{text}"
    );

    let md = at(&["export", &id, "--format", "md"]);
    for row in [
        "| Detected | 2026-11-28 05:50:00 UTC | 00:00:00 |",
        "| Declared | 2026-11-28 06:55:00 UTC | 01:05:00 |",
        "| Retainer engaged | 2026-11-28 07:10:00 UTC | 01:20:00 |",
        "| Contained | 2026-12-03 09:00:00 UTC | 5d 03:10:00 |",
        "| Closed | 2026-12-17 17:00:00 UTC | 19d 11:10:00 |",
        "| Resolution | resolved |",
        "| Duration | 19d 10:05:00 |",
    ] {
        assert!(md.contains(row), "{row}:\n{md}");
    }
    // The timeline runs in the order things happened: the phishing mail first.
    let timeline = md.split("## What we did").nth(1).unwrap();
    let first_row = timeline.lines().find(|l| l.starts_with("| 2 ")).unwrap();
    let declared_row = timeline.lines().find(|l| l.starts_with("| 1 ")).unwrap();
    assert!(
        timeline.find(first_row).unwrap() < timeline.find(declared_row).unwrap(),
        "{timeline}"
    );
    assert!(
        first_row.contains("2026-11-07 09:12:00 UTC (logged 2026-12-18 10:00:00 UTC)"),
        "{first_row}"
    );
    let retracted = md.split("## Retracted entries").nth(1).unwrap();
    assert!(retracted.contains("Wrong ward"), "{retracted}");
    assert!(
        !timeline
            .split("## Retracted")
            .next()
            .unwrap()
            .contains("Wrong ward")
    );

    let gdpr = at(&["draft", &id, "gdpr"]);
    assert!(gdpr.contains("Detected: 2026-11-28 05:50:00 UTC"), "{gdpr}");
    assert!(gdpr.contains("done — Cut affected"), "{gdpr}");
    assert!(gdpr.contains("Still to complete before sending:"), "{gdpr}");

    // The dashboard: dates on other days' journal lines, the incident closed.
    let screen = at(&["snapshot", &id]);
    assert!(
        screen.contains("Closed after 19d 10:05:00: resolved"),
        "{screen}"
    );
    assert!(screen.contains("17 Dec 17:00"), "{screen}");
    // Required steps left open are carried to the last phase; a step whose clock was
    // met by hand, or whose clock does not apply (DORA), is not.
    assert!(
        screen.contains("↩ carried over Alert the cyber insurer"),
        "{screen}"
    );
    assert!(
        !screen.contains("↩ carried over Notify the CNIL"),
        "{screen}"
    );
    assert!(!screen.contains("↩ carried over If a DORA"), "{screen}");
    assert!(ok(warroom(dir.path()).args(["verify", &id])).contains("ok"));
}
