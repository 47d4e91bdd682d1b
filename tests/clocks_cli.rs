//! Clocks from the command line: flags, start/met/waive, drafts, and `show --json`, on
//! the real binary and store. "Now" is pinned and moved with `WARROOM_NOW`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;

/// A personal-data breach at a NIS2 entity, declared at NOW.
fn breach(dir: &Path) -> String {
    declare_with_config(
        dir,
        "nis2_entity: true\n",
        "Customer database exposed",
        &[
            "--severity",
            "3",
            "--category",
            "information-content-security",
        ],
    )
}

fn at(dir: &Path, now: &str) -> assert_cmd::Command {
    let mut cmd = warroom(dir);
    cmd.env("WARROOM_NOW", now);
    cmd
}

#[test]
fn a_personal_data_breach_at_a_nis2_entity_runs_the_retainer_gdpr_and_nis2_clocks() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["alert-retainer", &id]));
    let out = ok(warroom(dir.path()).args([
        "flag",
        &id,
        "personal-data",
        "--at",
        "2026-11-28T09:12:00Z",
    ]));
    assert_eq!(
        out,
        format!("saved {id} event 3\nstarted gdpr-authority, due 2026-12-01T09:12:00+00:00\n")
    );
    let out = ok(warroom(dir.path()).args(["flag", &id, "significant"]));
    assert!(
        out.contains("started nis2-early-warning, due 2026-11-29T14:00:00+00:00"),
        "{out}"
    );
    assert!(
        out.contains("started nis2-notification, due 2026-12-01T14:00:00+00:00"),
        "{out}"
    );

    let mut later = at(dir.path(), "2026-11-28T20:00:00Z");
    let shown: Value = serde_json::from_str(&ok(later.args(["show", &id, "--json"]))).unwrap();
    let ids: Vec<&str> = shown["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // Most pressing first; the retainer is overdue by then.
    assert_eq!(
        ids[..4],
        [
            "retainer-sla",
            "nis2-early-warning",
            "gdpr-authority",
            "nis2-notification"
        ]
    );
    let sla = clock(&shown, "retainer-sla");
    assert_eq!(sla["status"], "overdue");
    assert_eq!(sla["seconds_left"], -(5 * 3600));
    let gdpr = clock(&shown, "gdpr-authority");
    assert_eq!(gdpr["state"], "running");
    assert_eq!(gdpr["start"], "2026-11-28T09:12:00Z");
    assert_eq!(gdpr["deadline"], "2026-12-01T09:12:00Z");
    assert_eq!(
        gdpr["seconds_left"],
        72 * 3600 - (20 * 3600 - 9 * 3600 - 12 * 60)
    );
    assert_eq!(
        clock(&shown, "nis2-early-warning")["seconds_left"],
        18 * 3600
    );
    assert_eq!(clock(&shown, "dora-initial")["status"], "not_applicable");
    assert_eq!(shown["flags"]["personal-data"], "2026-11-28T09:12:00Z");

    let text = ok(at(dir.path(), "2026-11-28T20:00:00Z").args(["show", &id]));
    assert!(
        text.contains("GDPR notification (CNIL (data-protection authority)): 2d 13:12:00 left (due 2026-12-01T09:12:00+00:00)"),
        "{text}"
    );
}

#[test]
fn a_flag_backdated_earlier_is_recorded_and_moves_its_deadlines() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    let flag_at =
        |when: &str| ok(warroom(dir.path()).args(["flag", &id, "personal-data", "--at", when]));
    let out = flag_at("2026-11-28T09:12:00Z");
    assert_eq!(
        out,
        format!("saved {id} event 3\nstarted gdpr-authority, due 2026-12-01T09:12:00+00:00\n")
    );
    let shown = show_json(dir.path(), &id);
    assert_eq!(
        clock(&shown, "gdpr-authority")["deadline"],
        "2026-12-01T09:12:00Z"
    );
    assert_eq!(shown["flags"]["personal-data"], "2026-11-28T09:12:00Z");
    // Later than, or the same as, the recorded instant: nothing recorded.
    for later in ["2026-11-28T10:00:00Z", "2026-11-28T09:12:00Z"] {
        let out = flag_at(later);
        assert!(
            out.contains("already has personal-data since 2026-11-28T09:12:00+00:00"),
            "{out}"
        );
        assert!(out.contains("nothing recorded"), "{out}");
    }
    let out = ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    assert!(out.contains("nothing recorded"), "{out}");
    assert_eq!(journal_len(dir.path(), &id), 3);
}

#[test]
fn met_starts_the_chained_clock_and_waive_needs_a_reason() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["flag", &id, "significant"]));
    ok(at(dir.path(), "2026-11-30T10:00:00Z").args([
        "clock",
        &id,
        "nis2-notification",
        "met",
        "--ref",
        "ANSSI-2026-0042",
    ]));
    let shown = show_json(dir.path(), &id);
    let sent = clock(&shown, "nis2-notification");
    assert_eq!(sent["state"], "met");
    assert_eq!(sent["at"], "2026-11-30T10:00:00Z");
    assert_eq!(sent["reference"], "ANSSI-2026-0042");
    let report = clock(&shown, "nis2-final-report");
    assert_eq!(report["start"], "2026-11-30T10:00:00Z");
    assert_eq!(report["deadline"], "2026-12-30T10:00:00Z");

    let again = ok(warroom(dir.path()).args(["clock", &id, "nis2-notification", "met"]));
    assert!(again.contains("nothing recorded"), "{again}");
    let err = fails(
        warroom(dir.path()).args(["clock", &id, "gdpr-subjects", "waive"]),
        2,
    );
    assert!(err.contains("--reason is empty"), "{err}");
    ok(warroom(dir.path()).args([
        "clock",
        &id,
        "gdpr-subjects",
        "waive",
        "--reason",
        "no high risk",
    ]));
    assert_eq!(
        clock(&show_json(dir.path(), &id), "gdpr-subjects")["reason"],
        "no high risk"
    );
}

#[test]
fn start_by_hand_and_bad_clock_commands() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["clock", &id, "gdpr-subjects", "start"]));
    assert_eq!(
        clock(&show_json(dir.path(), &id), "gdpr-subjects")["deadline"],
        "2026-12-01T14:00:00Z"
    );
    let out = ok(warroom(dir.path()).args(["clock", &id, "gdpr-subjects", "start"]));
    assert!(out.contains("nothing recorded"), "{out}");
    let err = fails(
        warroom(dir.path()).args(["clock", &id, "gdpr-72h", "start"]),
        1,
    );
    assert!(
        err.contains(
            "has no clock 'gdpr-72h'; its clocks are: retainer-sla, retainer-report, gdpr-authority"
        ),
        "{err}"
    );
    let err = fails(
        warroom(dir.path()).args(["clock", &id, "dora-initial", "start"]),
        1,
    );
    assert!(err.contains("dora-initial does not apply"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["clock", &id, "gdpr-authority", "pause"]),
        2,
    );
    assert!(err.contains("invalid value 'pause'"), "{err}");
    let err = fails(warroom(dir.path()).args(["flag", &id, "urgent"]), 2);
    assert!(
        err.contains("unknown flag 'urgent'; valid values: personal-data"),
        "{err}"
    );
    let err = fails(
        warroom(dir.path()).args(["flag", &id, "major", "--at", "2027-01-01T00:00:00Z"]),
        2,
    );
    assert!(err.contains("is in the future"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["flag", &id, "major", "--at", "yesterday"]),
        2,
    );
    assert!(err.contains("'yesterday' is not a time"), "{err}");
    let out = ok(warroom(dir.path()).args(["flag", &id, "nis2-entity"]));
    assert!(out.contains("already has nis2-entity"), "{out}");
}

#[test]
fn the_dora_entity_flag_makes_dora_apply_and_its_cap_holds() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["flag", &id, "dora-entity"]));
    // Classified major 22 h after the incident was declared (awareness): the 24 h cap wins.
    ok(at(dir.path(), "2026-11-29T12:00:00Z").args(["flag", &id, "major"]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(
        clock(&shown, "dora-initial")["deadline"],
        "2026-11-29T14:00:00Z"
    );
}

#[test]
fn drafts_carry_the_fields_the_authority_asks_for() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    let gdpr = ok(warroom(dir.path()).args(["draft", &id, "gdpr"]));
    assert!(
        gdpr.starts_with("TLP:AMBER\nPersonal-data breach notification (GDPR Art. 33) - DRAFT\n"),
        "{gdpr}"
    );
    for field in [
        "Deadline: 2026-12-01 14:00:00 UTC",
        "Became aware: 2026-11-28 14:00:00 UTC",
        "Nature of the breach",
        "approximate number of people",
        "approximate number of records",
        "DPO",
        "Likely consequences",
        "Measures taken so far",
        "[TO COMPLETE",
    ] {
        assert!(gdpr.contains(field), "{field}: {gdpr}");
    }
    let early = ok(warroom(dir.path()).args(["draft", &id, "nis2-early"]));
    assert!(
        early.contains("Is an unlawful or malicious act suspected?"),
        "{early}"
    );
    assert!(early.contains("cross-border impact"), "{early}");
    let file = dir.path().join("final.txt");
    let out = ok(warroom(dir.path())
        .args(["draft", &id, "nis2-final", "-o"])
        .arg(&file));
    assert_eq!(out.trim(), file.display().to_string());
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("Type of threat or root cause"),
        "{written}"
    );
    let err = fails(warroom(dir.path()).args(["draft", &id, "dora"]), 2);
    assert!(
        err.contains(
            "valid values: gdpr, nis2-early, nis2-notification, nis2-final, dora-initial, dora-intermediate, dora-final"
        ),
        "{err}"
    );
}

#[test]
fn a_clock_keeps_its_definition_when_the_config_changes() {
    let dir = tmp();
    let id = breach(dir.path());
    ok(warroom(dir.path()).args(["flag", &id, "personal-data"]));
    let config = dir.path().join("short.yaml");
    std::fs::write(
        &config,
        "clocks:\n  - id: gdpr-authority\n    name: GDPR\n    authority: CNIL\n    starts: personal-data\n    duration: 24h\n",
    )
    .unwrap();
    let mut cmd = warroom(dir.path());
    cmd.arg("--config")
        .arg(&config)
        .args(["show", &id, "--json"]);
    let shown: Value = serde_json::from_str(&ok(&mut cmd)).unwrap();
    assert_eq!(
        clock(&shown, "gdpr-authority")["deadline"],
        "2026-12-01T14:00:00Z"
    );
}

#[test]
fn a_draft_lists_what_was_done_fills_the_dpo_and_ends_with_what_is_left() {
    let dir = tmp();
    let config = dir.path().join("dpo.yaml");
    std::fs::write(
        &config,
        "nis2_entity: true\ncontacts:\n  - { name: Dominique Roy, roles: [dpo], email: dpo@example.org, phones: [\"+33 1 00 00 00 00\"] }\n",
    )
    .unwrap();
    let with = |args: &[&str]| {
        let mut cmd = warroom(dir.path());
        cmd.arg("--config").arg(&config).args(args);
        ok(&mut cmd)
    };
    let id = with(&[
        "new",
        "--title",
        "Customer database exposed",
        "--severity",
        "3",
    ])
    .trim()
    .to_string();
    with(&["flag", &id, "personal-data"]);
    with(&["check", &id, "gn-isolate", "--at", "13:30"]);
    with(&[
        "note",
        &id,
        "Decision: no ransom will be paid",
        "--at",
        "13:40",
    ]);
    with(&["note", &id, "Action: wrong one", "--at", "13:45"]);
    with(&["retract", &id, "#5", "--reason", "typo"]);
    with(&["note", &id, "Just a remark"]);
    let gdpr = with(&["draft", &id, "gdpr"]);
    let measures = gdpr.split("Measures taken so far").nth(1).unwrap();
    assert!(
        measures.contains("2026-11-28 13:40:00 UTC, tester: no ransom will be paid"),
        "{measures}"
    );
    assert!(
        !measures.contains("wrong one") && !measures.contains("Just a remark"),
        "{measures}"
    );
    assert!(
        gdpr.contains("Dominique Roy, dpo@example.org, +33 1 00 00 00 00"),
        "{gdpr}"
    );
    assert!(
        gdpr.contains("2026-11-28 13:30:00 UTC, tester: done — Cut affected machines"),
        "{gdpr}"
    );
    let tail = gdpr
        .split("Still to complete before sending:")
        .nth(1)
        .unwrap();
    assert!(
        tail.contains("[ ] when it was detected (warroom set"),
        "{tail}"
    );
    assert!(!tail.contains("DPO"), "the DPO is known: {tail}");
    // Once detection is set, it is no longer left to complete.
    with(&["set", &id, "detected-at", "12:10"]);
    let gdpr = with(&["draft", &id, "gdpr"]);
    assert!(gdpr.contains("Detected: 2026-11-28 12:10:00 UTC"), "{gdpr}");
    assert!(!gdpr.contains("when it was detected"), "{gdpr}");
}
