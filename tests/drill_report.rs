#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `warroom drill report`: how fast a drill went, from its journal, beside the one before.

mod common;
use common::cli::*;
use std::path::Path;

fn at(dir: &Path, now: &str, args: &[&str]) -> String {
    ok(warroom_at(dir, now).args(args))
}

/// A drill begun at `start` (hh:mm on 2026-11-28), with the team's moves `after` minutes.
fn run_drill(dir: &Path, start: &str, first: i64, retainer: i64, commander: i64) -> String {
    let time = |minutes: i64| {
        let (h, m) = start.split_once(':').unwrap();
        let total = h.parse::<i64>().unwrap() * 60 + m.parse::<i64>().unwrap() + minutes;
        format!("2026-11-28T{:02}:{:02}:00Z", total / 60, total % 60)
    };
    let id = at(dir, &time(0), &["drill", "phishing-campaign"])
        .trim()
        .to_string();
    at(
        dir,
        &time(first),
        &["note", &id, "Mail gateway searched for the campaign"],
    );
    at(dir, &time(retainer), &["alert-retainer", &id]);
    at(
        dir,
        &time(commander),
        &["call", &id, "point-of-contact", "reached"],
    );
    id
}

#[test]
fn a_drill_reports_its_times_beside_the_drill_before_it() {
    let dir = tmp();
    let first = run_drill(dir.path(), "09:00", 6, 20, 12);
    let second = run_drill(dir.path(), "14:00", 2, 8, 15);
    let report = at(
        dir.path(),
        "2026-11-28T16:00:00Z",
        &["drill", "report", &second],
    );
    assert!(
        report.contains(&format!(
            "Drill {second} · phishing-campaign · began 2026-11-28 14:00 UTC"
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("the drill before it, {first}")),
        "{report}"
    );
    let line = |label: &str| {
        report
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label}: {report}"))
            .to_string()
    };
    let declare = line("to take it in hand (first entry)");
    assert!(
        declare.contains("00:02:00")
            && declare.contains("00:06:00")
            && declare.contains("00:04:00 faster"),
        "{declare}"
    );
    let retainer = line("to alert the retainer");
    assert!(
        retainer.contains("00:08:00") && retainer.contains("00:12:00 faster"),
        "{retainer}"
    );
    let commander = line("to reach the commander");
    assert!(
        commander.contains("00:15:00") && commander.contains("00:03:00 slower"),
        "{commander}"
    );
    assert!(report.contains("Items left open:"), "{report}");

    let json: serde_json::Value = serde_json::from_str(&at(
        dir.path(),
        "2026-11-28T16:00:00Z",
        &["drill", "report", &second, "--json"],
    ))
    .unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["drill"]["to_alert_retainer"], 8 * 60);
    assert_eq!(json["previous"]["to_alert_retainer"], 20 * 60);
    // The first drill has none before it.
    let json: serde_json::Value = serde_json::from_str(&at(
        dir.path(),
        "2026-11-28T16:00:00Z",
        &["drill", "report", &first, "--json"],
    ))
    .unwrap();
    assert!(json["previous"].is_null(), "{json}");
}

#[test]
fn an_incident_that_is_no_drill_is_refused() {
    let dir = tmp();
    let id = declare(dir.path(), "Real one", "3");
    let err = fails(warroom(dir.path()).args(["drill", "report", &id]), 1);
    assert!(err.contains("is not a drill"), "{err}");
}
