#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The command line on the real binary: every subcommand and every bad-input case, with
//! exit codes (0 success, 1 failure, 2 bad usage or input) and output.
//!
//! Every test runs in its own temporary directory, used as the data directory and as
//! `HOME`, with "now" pinned to 2026-11-28T14:00:00Z and the time zone set to UTC.

mod common;

use assert_cmd::Command;
use common::cli::*;
use predicates::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------
// new

#[test]
fn new_prints_the_first_id() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).args(["new", "--title", "Phishing wave", "--severity", "3"]));
    assert_eq!(out, "IR-2026-0001\n");
    assert_eq!(declare(dir.path(), "Second", "1"), "IR-2026-0002");
}

#[test]
fn new_json_prints_an_object_with_the_id() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).args([
        "new",
        "--title",
        "Ransomware on FS01",
        "--severity",
        "high",
        "--json",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.is_object(), "{out}");
    assert_eq!(v["id"], "IR-2026-0001");
    assert_eq!(v["title"], "Ransomware on FS01");
}

#[test]
fn new_accepts_severity_by_number_and_by_name() {
    let dir = tmp();
    let names = ["Baseline", "Low", "Medium", "High", "Severe", "Emergency"];
    for (level, name) in names.iter().enumerate() {
        let by_number = declare(dir.path(), "by number", &level.to_string());
        let shown = show_json(dir.path(), &by_number);
        assert_eq!(shown["severity"]["level"], level, "{by_number}");
        assert_eq!(shown["severity"]["name"], *name, "{by_number}");

        let by_name = declare(dir.path(), "by name", &name.to_lowercase());
        let shown = show_json(dir.path(), &by_name);
        assert_eq!(shown["severity"]["level"], level, "{by_name}");
        assert_eq!(shown["severity"]["name"], *name, "{by_name}");
    }
    // Any case.
    let id = declare(dir.path(), "upper case", "EMERGENCY");
    assert_eq!(show_json(dir.path(), &id)["severity"]["level"], 5);
}

#[test]
fn new_records_category_and_tlp_with_defaults() {
    let dir = tmp();
    let id = declare(dir.path(), "Defaults", "2");
    let shown = show_json(dir.path(), &id);
    assert_eq!(shown["category"], "other");
    assert_eq!(shown["tlp"], "TLP:AMBER");
    assert_eq!(shown["exercise"], false);

    let cases = [
        ("malicious-code", "red", "TLP:RED"),
        ("fraud", "amber+strict", "TLP:AMBER+STRICT"),
        ("intrusions", "Amber-Strict", "TLP:AMBER+STRICT"),
        ("availability", "TLP:GREEN", "TLP:GREEN"),
        ("test", "clear", "TLP:CLEAR"),
    ];
    for (category, tlp, label) in cases {
        let out = ok(warroom(dir.path()).args([
            "new",
            "--title",
            "Labelled",
            "--severity",
            "low",
            "--category",
            category,
            "--tlp",
            tlp,
        ]));
        let shown = show_json(dir.path(), out.trim());
        assert_eq!(shown["category"], category);
        assert_eq!(shown["tlp"], label);
    }
}

#[test]
fn new_trims_the_title() {
    let dir = tmp();
    let id = declare(dir.path(), "  Lost laptop  ", "1");
    assert_eq!(show_json(dir.path(), &id)["title"], "Lost laptop");
}

#[test]
fn new_severity_out_of_range_exits_2_listing_valid_values() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args(["new", "--title", "x", "--severity", "9"]),
        2,
    );
    assert!(err.contains("'9'"), "{err}");
    for valid in [
        "0 (baseline)",
        "1 (low)",
        "2 (medium)",
        "3 (high)",
        "4 (severe)",
        "5 (emergency)",
    ] {
        assert!(err.contains(valid), "missing {valid}: {err}");
    }
    assert!(list_json(dir.path()).is_empty());
}

#[test]
fn new_unknown_severity_name_exits_2() {
    let dir = tmp();
    for bad in ["critical", "", "-1", "3.5", "6"] {
        let err = fails(
            warroom(dir.path())
                .args(["new", "--title", "x"])
                .arg(format!("--severity={bad}")),
            2,
        );
        assert!(err.contains("5 (emergency)"), "{bad}: {err}");
    }
}

#[test]
fn new_bad_category_exits_2_listing_valid_values() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args([
            "new",
            "--title",
            "x",
            "--severity",
            "1",
            "--category",
            "worms",
        ]),
        2,
    );
    assert!(err.contains("worms"), "{err}");
    for valid in [
        "abusive-content",
        "malicious-code",
        "information-gathering",
        "intrusion-attempts",
        "intrusions",
        "availability",
        "information-content-security",
        "fraud",
        "vulnerable",
        "other",
        "test",
    ] {
        assert!(err.contains(valid), "missing {valid}: {err}");
    }
    assert!(list_json(dir.path()).is_empty());
}

#[test]
fn new_bad_tlp_exits_2_listing_valid_values() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args(["new", "--title", "x", "--severity", "1", "--tlp", "white"]),
        2,
    );
    assert!(err.contains("white"), "{err}");
    for valid in [
        "TLP:RED",
        "TLP:AMBER+STRICT",
        "TLP:AMBER",
        "TLP:GREEN",
        "TLP:CLEAR",
    ] {
        assert!(err.contains(valid), "missing {valid}: {err}");
    }
    assert!(list_json(dir.path()).is_empty());
}

#[test]
fn new_empty_title_exits_2() {
    let dir = tmp();
    for blank in ["", "   ", "\t"] {
        let err = fails(
            warroom(dir.path()).args(["new", "--title", blank, "--severity", "1"]),
            2,
        );
        assert!(err.contains("--title is empty"), "{blank:?}: {err}");
    }
    assert!(list_json(dir.path()).is_empty());
    // The failed attempts did not use up a number.
    assert_eq!(declare(dir.path(), "First real one", "1"), "IR-2026-0001");
}

#[test]
fn new_without_required_flags_exits_2() {
    let dir = tmp();
    let err = fails(warroom(dir.path()).args(["new", "--severity", "1"]), 2);
    assert!(err.contains("--title"), "{err}");
    let err = fails(warroom(dir.path()).args(["new", "--title", "x"]), 2);
    assert!(err.contains("--severity"), "{err}");
}

#[test]
fn new_with_invalid_utf8_title_exits_2() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tmp();
    let title = std::ffi::OsStr::from_bytes(&[0x66, 0x6f, 0xff]);
    let err = fails(
        warroom(dir.path())
            .args(["new", "--severity", "1", "--title"])
            .arg(title),
        2,
    );
    assert!(err.contains("UTF-8"), "{err}");
    assert!(list_json(dir.path()).is_empty());
}

// ---------------------------------------------------------------------------------------
// list

#[test]
fn list_of_an_empty_store_prints_nothing() {
    let dir = tmp();
    warroom(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    assert_eq!(
        ok(warroom(dir.path()).args(["list", "--json"])).trim(),
        "[]"
    );
}

#[test]
fn list_shows_incidents_most_recently_updated_first() {
    let dir = tmp();
    let first = declare(dir.path(), "Phishing wave", "high");
    let second = declare(dir.path(), "Fraudulent transfer", "4");
    let out = ok(warroom(dir.path()).arg("list"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    // Same instant: the newer declaration is listed first.
    assert!(lines[0].starts_with(&second), "{out}");
    assert!(lines[0].contains("4 Severe"), "{out}");
    assert!(lines[0].contains("Fraudulent transfer"), "{out}");
    assert!(lines[0].contains("Identification"), "{out}");
    assert!(lines[1].starts_with(&first), "{out}");
    assert!(lines[1].contains("3 High"), "{out}");
    assert!(!out.contains("EXERCISE"), "{out}");

    // A later change to the first puts it on top.
    warroom(dir.path())
        .env("WARROOM_NOW", "2026-11-28T14:05:00Z")
        .args(["note", &first, "Mail gateway rule added"])
        .assert()
        .success();
    let out = ok(warroom(dir.path()).arg("list"));
    assert!(out.lines().next().unwrap().starts_with(&first), "{out}");
}

#[test]
fn list_json_is_an_array_of_summaries() {
    let dir = tmp();
    let first = declare(dir.path(), "Phishing wave", "high");
    let second = declare(dir.path(), "Fraudulent transfer", "severe");
    let list = list_json(dir.path());
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], second.as_str());
    assert_eq!(list[0]["title"], "Fraudulent transfer");
    assert_eq!(list[0]["severity"], "severe");
    assert_eq!(list[1]["id"], first.as_str());
    assert_eq!(list[1]["tlp"], "TLP:AMBER");
    assert_eq!(list[1]["exercise"], false);
    assert_eq!(list[1]["closed"], false);
    assert_eq!(list[1]["declared_at"], NOW);
    assert_eq!(list[1]["head"]["count"], 1);
}

// ---------------------------------------------------------------------------------------
// show

#[test]
fn show_text_has_header_clocks_checklist_and_journal() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let out = ok(warroom(dir.path()).args(["show", &id]));
    let first = out.lines().next().unwrap();
    assert_eq!(first, format!("{id}  Phishing wave"));
    assert!(out.contains("3 High  TLP:AMBER  Other"), "{out}");
    assert!(out.contains("Declared: 2026-11-28T14:00:00+00:00"), "{out}");
    assert!(out.contains("Since declared: 00:00:00"), "{out}");
    assert!(
        out.contains("Retainer response (Retainer CSIRT (set in your config)): waiting"),
        "{out}"
    );
    assert!(
        out.contains("NIS2 early warning (CSIRT / NIS2 authority (ANSSI)): not applicable"),
        "{out}"
    );
    assert!(out.contains("▶ Identification 0/29"), "{out}");
    assert!(out.contains("Playbook: Generic incident"), "{out}");
    assert!(out.contains("[ ] gn-categorise"), "{out}");
    assert!(out.contains("[ ] gn-actions"), "{out}");
    assert!(out.contains("Journal (1)"), "{out}");
    assert!(
        out.contains("#1    2026-11-28 14:00:00Z tester"),
        "the author is $USER: {out}"
    );
    assert!(
        out.contains("Declared: Phishing wave (severity 3 High)"),
        "{out}"
    );
}

#[test]
fn show_json_lists_checklist_items_with_ids_and_done_flags() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let shown = show_json(dir.path(), &id);
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["title"], "Phishing wave");
    assert_eq!(shown["severity"]["level"], 3);
    assert_eq!(shown["declared_at"], NOW);
    assert_eq!(shown["phase"]["id"], "identification");
    assert_eq!(shown["phase"]["index"], 0);
    assert_eq!(shown["phases"].as_array().unwrap().len(), 5);
    assert_eq!(shown["phases"][0]["total"], 29);
    assert_eq!(shown["playbook"]["id"], "generic");
    assert_eq!(shown["phase_model"]["id"], "picerl");
    let items = shown["checklist"].as_array().unwrap();
    assert_eq!(items.len(), 72);
    for i in items {
        assert!(i["id"].as_str().is_some_and(|s| !s.is_empty()), "{i}");
        assert_eq!(i["done"], false, "{i}");
        assert_eq!(i["status"], "open", "{i}");
        assert!(i["owner"].is_string(), "{i}");
        assert!(i["done_by"].is_null(), "{i}");
        assert!(i["done_at"].is_null(), "{i}");
    }
    assert_eq!(item(&shown, "gn-isolate")["phase"], "containment");
    assert_eq!(shown["since_declared_seconds"], 0);
    assert_eq!(shown["clocks"].as_array().unwrap().len(), 10);
    assert_eq!(clock(&shown, "gdpr-authority")["status"], "waiting");
    assert_eq!(shown["journal"].as_array().unwrap().len(), 1);
}

#[test]
fn show_unknown_well_formed_id_exits_1() {
    let dir = tmp();
    declare(dir.path(), "Only one", "1");
    let err = fails(warroom(dir.path()).args(["show", "IR-2026-0042"]), 1);
    assert!(err.contains("IR-2026-0042"), "{err}");
    assert!(err.contains("no incident"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["show", "IR-2026-0042", "--json"]),
        1,
    );
    assert!(err.contains("IR-2026-0042"), "{err}");
}

#[test]
fn malformed_ids_exit_2_for_every_subcommand_taking_one() {
    let dir = tmp();
    let id = declare(dir.path(), "Real", "1");
    let forms: [&[&str]; 7] = [
        &["show"],
        &["note"],
        &["check"],
        &["uncheck"],
        &["alert-retainer"],
        &["snapshot"],
        &["verify"],
    ];
    for bad in [
        "foo",
        "IR-26-1",
        "IR-2026-0",
        "XX-2026-0001",
        "IR-2026-0001-2",
    ] {
        for form in forms {
            let mut cmd = warroom(dir.path());
            cmd.args(form).arg(bad);
            if matches!(form[0], "note" | "check" | "uncheck") {
                cmd.arg("gn-categorise");
            }
            let err = fails(&mut cmd, 2);
            assert!(
                err.contains(&format!("'{bad}' is not an incident id")),
                "{form:?} {bad}: {err}"
            );
            assert!(err.contains("IR-2026-0007"), "{form:?} {bad}: {err}");
        }
    }
    // Nothing was written by the refused commands.
    assert_eq!(journal_len(dir.path(), &id), 1);
}

#[test]
fn ids_are_case_insensitive_and_zero_padding_is_optional() {
    let dir = tmp();
    let id = declare(dir.path(), "Padded", "1");
    for spelling in ["ir-2026-0001", "IR-2026-1", "ir-2026-01", " IR-2026-0001 "] {
        let shown = show_json(dir.path(), spelling);
        assert_eq!(shown["id"], id.as_str(), "{spelling}");
    }
}

#[test]
fn missing_id_argument_exits_2() {
    let dir = tmp();
    for sub in ["show", "note", "check", "uncheck", "alert-retainer"] {
        let err = fails(warroom(dir.path()).arg(sub), 2);
        assert!(err.contains("<ID>"), "{sub}: {err}");
    }
}

// ---------------------------------------------------------------------------------------
// note

#[test]
fn note_is_saved_and_appears_in_the_journal() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let out = ok(warroom(dir.path()).args(["note", &id, "FS01 unplugged, left powered on"]));
    assert_eq!(out, format!("saved {id} event 2\n"));

    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(text.contains("Journal (2)"), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("FS01 unplugged, left powered on"))
        .unwrap_or_else(|| panic!("note missing from the journal: {text}"));
    assert!(line.contains("#2"), "{line}");
    assert!(line.contains("tester"), "{line}");

    let journal = show_json(dir.path(), &id)["journal"].clone();
    let note = &journal.as_array().unwrap()[1];
    assert_eq!(note["id"], 2);
    assert_eq!(note["author"], "tester");
    assert_eq!(note["at"], NOW);
    assert!(
        note.to_string().contains("FS01 unplugged, left powered on"),
        "{note}"
    );
}

#[test]
fn note_text_is_trimmed() {
    let dir = tmp();
    let id = declare(dir.path(), "Trim", "1");
    ok(warroom(dir.path()).args(["note", &id, "   spaced out   "]));
    let out = ok(warroom(dir.path()).args(["show", &id]));
    let line = out.lines().find(|l| l.contains("spaced out")).unwrap();
    assert!(line.ends_with("tester     spaced out"), "{line:?}");
}

#[test]
fn empty_note_exits_2_and_records_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    for blank in ["", "   ", "\n\t"] {
        let err = fails(warroom(dir.path()).args(["note", &id, blank]), 2);
        assert!(err.contains("the note is empty"), "{blank:?}: {err}");
    }
    assert_eq!(journal_len(dir.path(), &id), 1);
}

#[test]
fn note_without_text_exits_2() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let err = fails(warroom(dir.path()).args(["note", &id]), 2);
    assert!(err.contains("<TEXT>"), "{err}");
}

#[test]
fn note_on_unknown_incident_exits_1() {
    let dir = tmp();
    declare(dir.path(), "Phishing wave", "high");
    let err = fails(
        warroom(dir.path()).args(["note", "IR-2026-0099", "hello"]),
        1,
    );
    assert!(err.contains("no incident IR-2026-0099"), "{err}");
    assert_eq!(list_json(dir.path()).len(), 1);
}

#[test]
fn note_with_invalid_utf8_exits_2() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let text = std::ffi::OsStr::from_bytes(&[0x66, 0x6f, 0xff]);
    let err = fails(warroom(dir.path()).args(["note", &id]).arg(text), 2);
    assert!(err.contains("invalid UTF-8"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), 1);
}

// ---------------------------------------------------------------------------------------
// check / uncheck

#[test]
fn check_marks_the_item_done_with_author_and_time() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    warroom(dir.path())
        .env("WARROOM_NOW", "2026-11-28T14:10:00Z")
        .args(["check", &id, "gn-categorise"])
        .assert()
        .success()
        .stdout(format!("saved {id} event 2\n"));

    let shown = show_json(dir.path(), &id);
    let scope = item(&shown, "gn-categorise");
    assert_eq!(scope["done"], true, "{scope}");
    assert_eq!(scope["done_by"], "tester", "{scope}");
    assert_eq!(scope["done_at"], "2026-11-28T14:10:00Z", "{scope}");
    // Only that item.
    let done: Vec<&Value> = shown["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == true)
        .collect();
    assert_eq!(done.len(), 1, "{done:?}");

    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(text.contains("[x] gn-categorise"), "{text}");
    assert!(text.contains("▶ Identification 1/29"), "{text}");
    assert!(
        text.contains("Done: Classify the incident (ENISA taxonomy) and rate severity"),
        "{text}"
    );
}

#[test]
fn uncheck_reopens_the_item() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    ok(warroom(dir.path()).args(["check", &id, "gn-isolate"]));
    assert_eq!(
        item(&show_json(dir.path(), &id), "gn-isolate")["done"],
        true
    );

    let out = ok(warroom(dir.path()).args(["uncheck", &id, "gn-isolate"]));
    assert_eq!(out, format!("saved {id} event 3\n"));
    let shown = show_json(dir.path(), &id);
    let isolate = item(&shown, "gn-isolate");
    assert_eq!(isolate["done"], false, "{isolate}");
    assert!(isolate["done_by"].is_null(), "{isolate}");
    assert!(isolate["done_at"].is_null(), "{isolate}");

    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(text.contains("[ ] gn-isolate"), "{text}");
    assert!(
        text.contains("Reopened: Cut affected machines off the network"),
        "{text}"
    );
}

#[test]
fn check_or_uncheck_of_unknown_item_exits_1_listing_valid_items() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    for sub in ["check", "uncheck"] {
        let err = fails(warroom(dir.path()).args([sub, &id, "no-such-item"]), 1);
        assert!(
            err.contains(&format!("{id} has no checklist item 'no-such-item'")),
            "{sub}: {err}"
        );
        for valid in [
            "gn-record-detection",
            "gn-categorise",
            "gn-isolate",
            "gn-actions",
        ] {
            assert!(err.contains(valid), "{sub}: missing {valid}: {err}");
        }
    }
    assert_eq!(journal_len(dir.path(), &id), 1);
}

#[test]
fn check_on_unknown_incident_exits_1() {
    let dir = tmp();
    declare(dir.path(), "Phishing wave", "high");
    for sub in ["check", "uncheck"] {
        let err = fails(
            warroom(dir.path()).args([sub, "IR-2026-0077", "gn-categorise"]),
            1,
        );
        assert!(err.contains("no incident IR-2026-0077"), "{sub}: {err}");
    }
}

#[test]
fn check_without_item_exits_2() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    for sub in ["check", "uncheck"] {
        let err = fails(warroom(dir.path()).args([sub, &id]), 2);
        assert!(err.contains("<ITEM_ID>"), "{sub}: {err}");
    }
}

#[test]
fn the_configured_operator_is_recorded_as_author() {
    let dir = tmp();
    let config = example_config();
    let out = ok(warroom(dir.path()).arg("--config").arg(&config).args([
        "new",
        "--title",
        "Configured",
        "--severity",
        "2",
    ]));
    let id = out.trim().to_string();
    ok(warroom(dir.path())
        .env("WARROOM_CONFIG", &config)
        .args(["check", &id, "gn-categorise"]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(item(&shown, "gn-categorise")["done_by"], "Camille Durand");
    assert_eq!(shown["journal"][0]["author"], "Camille Durand");
}

// ---------------------------------------------------------------------------------------
// alert-retainer and clocks

#[test]
fn alert_retainer_starts_the_sla_clock() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    assert_eq!(
        clock(&show_json(dir.path(), &id), "retainer-sla")["status"],
        "waiting"
    );

    let out = ok(warroom(dir.path()).args(["alert-retainer", &id]));
    assert_eq!(out, format!("saved {id} event 2\n"));

    let shown = show_json(dir.path(), &id);
    let sla = clock(&shown, "retainer-sla");
    assert_eq!(sla["start"], NOW);
    assert_eq!(sla["deadline"], "2026-11-28T15:00:00Z");
    assert_eq!(sla["status"], "running");
    assert_eq!(sla["seconds_left"], 3600);
    assert_eq!(sla["authority"], "Retainer CSIRT (set in your config)");

    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        text.contains("Retainer response (Retainer CSIRT (set in your config)): 01:00:00 left (due 2026-11-28T15:00:00+00:00)"),
        "{text}"
    );
    assert!(text.contains("Retainer alerted: Retainer CSIRT"), "{text}");
}

#[test]
fn alert_retainer_uses_the_configured_retainer() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    ok(warroom(dir.path())
        .arg("--config")
        .arg(example_config())
        .args(["alert-retainer", &id]));
    let shown = show_json(dir.path(), &id);
    let sla = clock(&shown, "retainer-sla");
    assert_eq!(sla["authority"], "Acme Incident Response");
    // The example's contract: 4 h for severity 3, in business hours in Paris; alerted
    // on Saturday, so counted from Monday 08:00 (07:00 UTC).
    assert_eq!(sla["deadline"], "2026-11-30T11:00:00Z");
}

#[test]
fn clocks_run_from_the_declaration_and_the_first_alert() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    ok(warroom(dir.path()).args(["alert-retainer", &id]));
    // A reminder later does not restart the clock.
    ok(warroom(dir.path())
        .env("WARROOM_NOW", "2026-11-28T14:20:00Z")
        .args(["alert-retainer", &id]));

    let later = |cmd: &mut Command| {
        cmd.env("WARROOM_NOW", "2026-11-28T15:30:00Z");
    };
    let mut cmd = warroom(dir.path());
    later(&mut cmd);
    let shown: Value = serde_json::from_str(&ok(cmd.args(["show", &id, "--json"]))).unwrap();
    assert_eq!(shown["since_declared_seconds"], 5400);
    let sla = clock(&shown, "retainer-sla");
    assert_eq!(sla["start"], NOW);
    assert_eq!(sla["status"], "overdue");
    assert_eq!(sla["seconds_left"], -1800);
    // Clocks are listed most pressing first.
    assert_eq!(shown["clocks"][0]["id"], "retainer-sla");

    let mut cmd = warroom(dir.path());
    later(&mut cmd);
    let text = ok(cmd.args(["show", &id]));
    assert!(text.contains("Since declared: 01:30:00"), "{text}");
    assert!(
        text.contains("Retainer response (Retainer CSIRT (set in your config)): +00:30:00 OVERDUE"),
        "{text}"
    );
}

#[test]
fn alert_retainer_on_unknown_incident_exits_1() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args(["alert-retainer", "IR-2026-0003"]),
        1,
    );
    assert!(err.contains("no incident IR-2026-0003"), "{err}");
}

// ---------------------------------------------------------------------------------------
// demo

#[test]
fn demo_prints_an_exercise_id_and_list_marks_it() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).arg("demo"));
    let id = out.trim().to_string();
    assert!(id.starts_with("EX-2026-"), "{out}");
    assert_eq!(id, "EX-2026-0001");

    // Exercises stay out of the list unless asked for.
    assert_eq!(ok(warroom(dir.path()).arg("list")), "");
    let list = ok(warroom(dir.path()).args(["list", "--all"]));
    let line = list.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(line.ends_with("[EXERCISE]"), "{line}");

    let shown = show_json(dir.path(), &id);
    assert_eq!(shown["exercise"], true);
    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(text.lines().any(|l| l == "EXERCISE"), "{text}");

    // Real incidents are numbered apart from exercises.
    let real = declare(dir.path(), "Real one", "2");
    assert_eq!(real, "IR-2026-0001");
    let list = ok(warroom(dir.path()).args(["list", "--all"]));
    let real_line = list.lines().find(|l| l.starts_with(&real)).unwrap();
    assert!(!real_line.contains("EXERCISE"), "{real_line}");
    assert_eq!(ok(warroom(dir.path()).arg("demo")).trim(), "EX-2026-0002");
}

// ---------------------------------------------------------------------------------------
// snapshot

#[test]
fn snapshot_of_an_empty_store_shows_the_welcome() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).args(["snapshot", "--width", "100", "--height", "40"]));
    assert!(
        out.contains("warroom — the incident war room in your terminal"),
        "{out}"
    );
    assert!(out.contains("No incident in this store yet."), "{out}");
    assert!(out.contains("Keys on this screen:"), "{out}");
    // Default size: 120×40.
    let out = ok(warroom(dir.path()).arg("snapshot"));
    assert!(out.contains("No incident in this store yet."), "{out}");
    assert_eq!(out.lines().count(), 40, "{out}");
}

#[test]
fn snapshot_of_an_incident_shows_its_id_and_checklist() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let out = ok(warroom(dir.path()).args(["snapshot", &id, "--width", "120", "--height", "40"]));
    assert!(out.contains(&id), "{out}");
    assert!(out.contains("Phishing wave"), "{out}");
    assert!(out.contains("Checklist"), "{out}");
    assert!(out.contains("Journal"), "{out}");
    assert!(out.contains("Clocks"), "{out}");
    assert!(!out.contains("No incident in this store yet."), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 40, "{out}");
}

#[test]
fn snapshot_defaults_to_the_most_recently_updated_incident() {
    let dir = tmp();
    let first = declare(dir.path(), "Older incident", "1");
    let second = declare(dir.path(), "Newer incident", "1");
    let out = ok(warroom(dir.path()).arg("snapshot"));
    assert!(out.contains(&second), "{out}");
    assert!(!out.contains("Older incident"), "{out}");

    ok(warroom(dir.path())
        .env("WARROOM_NOW", "2026-11-28T14:30:00Z")
        .args(["note", &first, "Touched later"]));
    let out = ok(warroom(dir.path())
        .env("WARROOM_NOW", "2026-11-28T14:30:00Z")
        .arg("snapshot"));
    assert!(out.contains("Older incident"), "{out}");
    assert!(!out.contains("Newer incident"), "{out}");
}

#[test]
fn snapshot_of_an_exercise_says_so() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).arg("demo")).trim().to_string();
    let out = ok(warroom(dir.path()).args(["snapshot", &id]));
    assert!(out.contains(&id), "{out}");
    assert!(out.contains("EXERCISE"), "{out}");
}

#[test]
fn snapshot_too_small_shows_the_minimum_size() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "high");
    let out = ok(warroom(dir.path()).args(["snapshot", &id, "--width", "60", "--height", "20"]));
    assert!(out.contains("needs a terminal of at least 80×24"), "{out}");
    assert!(!out.contains("Checklist"), "{out}");
    // 80×24 is enough.
    let out = ok(warroom(dir.path()).args(["snapshot", &id, "--width", "80", "--height", "24"]));
    assert!(!out.contains("needs a terminal"), "{out}");
    assert!(out.contains(&id), "{out}");
}

#[test]
fn snapshot_size_out_of_range_exits_2() {
    let dir = tmp();
    for (flag, value) in [
        ("--width", "0"),
        ("--height", "0"),
        ("--width", "1001"),
        ("--height", "-1"),
        ("--width", "wide"),
    ] {
        let err = fails(
            warroom(dir.path())
                .arg("snapshot")
                .arg(format!("{flag}={value}")),
            2,
        );
        assert!(
            err.contains(&format!("invalid value '{value}' for '{flag}")),
            "{flag}={value}: {err}"
        );
    }
}

#[test]
fn snapshot_of_unknown_incident_exits_1() {
    let dir = tmp();
    declare(dir.path(), "Phishing wave", "high");
    let err = fails(warroom(dir.path()).args(["snapshot", "IR-2026-0005"]), 1);
    assert!(err.contains("no incident IR-2026-0005"), "{err}");
}

// ---------------------------------------------------------------------------------------
// verify

#[test]
fn verify_says_ok_for_every_incident() {
    let dir = tmp();
    let first = declare(dir.path(), "Phishing wave", "high");
    let second = declare(dir.path(), "Fraudulent transfer", "4");
    ok(warroom(dir.path()).args(["note", &first, "one"]));
    ok(warroom(dir.path()).args(["check", &first, "gn-categorise"]));

    let out = ok(warroom(dir.path()).arg("verify"));
    // A line per incident, then its signatures: none here (no identity), so every
    // event is named as written before signing.
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        out.contains("    signatures: 0 signed, 3 unsigned (before signing)"),
        "{out}"
    );
    assert!(
        out.contains("    #1–#3: unsigned (before signing)"),
        "{out}"
    );
    let line_of = |id: &str| *lines.iter().find(|l| l.starts_with(id)).unwrap();
    assert!(
        line_of(&first).starts_with(&format!("{first}: ok, 3 events, head ")),
        "{out}"
    );
    assert!(
        line_of(&second).starts_with(&format!("{second}: ok, 1 events, head ")),
        "{out}"
    );
    // The head is the hash recorded in the summary.
    for s in list_json(dir.path()) {
        let id = s["id"].as_str().unwrap();
        let hash = s["head"]["hash"].as_str().unwrap();
        assert_eq!(hash.len(), 64, "{s}");
        assert!(line_of(id).ends_with(&format!("head {hash}")), "{out}");
    }
}

#[test]
fn verify_one_incident() {
    let dir = tmp();
    let first = declare(dir.path(), "Phishing wave", "high");
    let second = declare(dir.path(), "Fraudulent transfer", "4");
    let out = ok(warroom(dir.path()).args(["verify", &second]));
    assert_eq!(
        out.lines().filter(|l| !l.starts_with(' ')).count(),
        1,
        "{out}"
    );
    assert!(out.starts_with(&format!("{second}: ok, 1 events")), "{out}");
    assert!(!out.contains(&first), "{out}");
}

#[test]
fn verify_of_an_empty_store_succeeds() {
    let dir = tmp();
    warroom(dir.path())
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::contains("BROKEN").not());
}

#[test]
fn verify_of_unknown_incident_exits_1() {
    let dir = tmp();
    declare(dir.path(), "Phishing wave", "high");
    let err = fails(warroom(dir.path()).args(["verify", "IR-2026-0002"]), 1);
    assert!(err.contains("no incident IR-2026-0002"), "{err}");
}

// ---------------------------------------------------------------------------------------
// config

#[test]
fn config_check_accepts_the_example() {
    let dir = tmp();
    bare(dir.path())
        .args(["config", "check"])
        .arg(example_config())
        .assert()
        .success()
        .stdout("ok\n")
        .stderr(predicate::str::is_empty());
}

#[test]
fn config_check_without_a_file_checks_the_embedded_default() {
    let dir = tmp();
    bare(dir.path())
        .args(["config", "check"])
        .assert()
        .success()
        .stdout("ok\n");
}

#[test]
fn config_check_reports_an_unknown_key_with_its_location() {
    let dir = tmp();
    let bad = bad_config(dir.path());
    let err = fails(bare(dir.path()).args(["config", "check"]).arg(&bad), 2);
    let expected = format!("{}:2:1:", bad.display());
    assert!(
        err.starts_with(&format!("warroom: {expected}")),
        "expected the message to start with {expected}: {err}"
    );
    assert!(err.contains("organization"), "{err}");
    assert!(err.contains("organisation"), "{err}");
}

#[test]
fn config_check_reports_a_bad_value_with_its_location() {
    let dir = tmp();
    let path = dir.path().join("zero.yaml");
    std::fs::write(
        &path,
        "# comment\nretainer:\n  name: \"X\"\n  hotline: \"\"\n  email: \"\"\n  contract: \"\"\n  response_minutes: 0\n",
    )
    .unwrap();
    let err = fails(bare(dir.path()).args(["config", "check"]).arg(&path), 2);
    assert!(
        err.starts_with(&format!("warroom: {}:7:3:", path.display())),
        "{err}"
    );
    assert!(err.contains("response_minutes: 0"), "{err}");
}

#[test]
fn config_check_follows_config_flag_and_env() {
    let dir = tmp();
    let bad = bad_config(dir.path());
    let err = fails(
        bare(dir.path())
            .arg("--config")
            .arg(&bad)
            .args(["config", "check"]),
        2,
    );
    assert!(err.contains(&format!("{}:2:1:", bad.display())), "{err}");
    let err = fails(
        bare(dir.path())
            .env("WARROOM_CONFIG", &bad)
            .args(["config", "check"]),
        2,
    );
    assert!(err.contains(&format!("{}:2:1:", bad.display())), "{err}");
    // An explicit file wins over the flag.
    bare(dir.path())
        .arg("--config")
        .arg(&bad)
        .args(["config", "check"])
        .arg(example_config())
        .assert()
        .success()
        .stdout("ok\n");
}

#[test]
fn config_check_of_a_missing_file_exits_2() {
    let dir = tmp();
    let missing = dir.path().join("missing.yaml");
    let err = fails(bare(dir.path()).args(["config", "check"]).arg(&missing), 2);
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert!(err.contains("cannot read the file"), "{err}");
}

#[test]
fn invalid_config_makes_list_exit_2() {
    let dir = tmp();
    let bad = bad_config(dir.path());
    let err = fails(warroom(dir.path()).arg("--config").arg(&bad).arg("list"), 2);
    assert!(err.contains(&format!("{}:2:1:", bad.display())), "{err}");
    let err = fails(
        warroom(dir.path()).env("WARROOM_CONFIG", &bad).arg("list"),
        2,
    );
    assert!(err.contains(&format!("{}:2:1:", bad.display())), "{err}");
    // A missing --config file is bad usage too, not silently ignored.
    let err = fails(
        warroom(dir.path())
            .arg("--config")
            .arg(dir.path().join("nope.yaml"))
            .arg("list"),
        2,
    );
    assert!(err.contains("nope.yaml"), "{err}");
}

#[test]
fn user_config_in_home_is_picked_up() {
    let dir = tmp();
    let config_dir = dir.path().join(".config").join("warroom");
    std::fs::create_dir_all(&config_dir).unwrap();
    let user = config_dir.join("config.yaml");
    std::fs::write(&user, "operator: \"Home User\"\n").unwrap();
    let id = declare(dir.path(), "From home config", "1");
    assert_eq!(
        show_json(dir.path(), &id)["journal"][0]["author"],
        "Home User"
    );

    std::fs::write(&user, "organisation: \"Example\"\norganization: x\n").unwrap();
    let err = fails(warroom(dir.path()).arg("list"), 2);
    assert!(err.contains(&format!("{}:2:1:", user.display())), "{err}");
    let err = fails(bare(dir.path()).args(["config", "check"]), 2);
    assert!(err.contains(&format!("{}:2:1:", user.display())), "{err}");
}

// ---------------------------------------------------------------------------------------
// store

#[test]
fn store_in_use_exits_1_naming_the_directory() {
    use warroom::store::SledStore;
    let dir = tmp();
    declare(dir.path(), "Phishing wave", "high");
    let held = SledStore::open(dir.path()).unwrap();
    let err = fails(warroom(dir.path()).arg("list"), 1);
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
    assert!(err.contains("in use"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["note", "IR-2026-0001", "blocked"]),
        1,
    );
    assert!(err.contains("in use"), "{err}");
    drop(held);
    // Released: the store works again and the refused note was not written.
    let out = ok(warroom(dir.path()).arg("list"));
    assert!(out.contains("IR-2026-0001"), "{out}");
    assert_eq!(journal_len(dir.path(), "IR-2026-0001"), 1);
}

#[test]
fn data_dir_can_come_from_the_environment() {
    let dir = tmp();
    let store = dir.path().join("store");
    let out = ok(bare(dir.path()).env("WARROOM_DATA_DIR", &store).args([
        "new",
        "--title",
        "Env store",
        "--severity",
        "1",
    ]));
    assert_eq!(out.trim(), "IR-2026-0001");
    assert!(store.is_dir());
    let out = ok(warroom(&store).arg("list"));
    assert!(out.contains("Env store"), "{out}");
    // The flag wins over the environment.
    let other = dir.path().join("other");
    let out = ok(bare(dir.path())
        .env("WARROOM_DATA_DIR", &store)
        .arg("--data-dir")
        .arg(&other)
        .arg("list"));
    assert!(out.is_empty(), "{out}");
}

#[test]
fn a_file_as_data_dir_exits_1() {
    let dir = tmp();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = fails(bare(dir.path()).arg("--data-dir").arg(&file).arg("list"), 1);
    assert!(err.contains(&file.display().to_string()), "{err}");
}

// ---------------------------------------------------------------------------------------
// help and usage

#[test]
fn help_mentions_every_subcommand() {
    let dir = tmp();
    let out = ok(bare(dir.path()).arg("--help"));
    for sub in SUBCOMMANDS {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(sub)),
            "--help does not list {sub}: {out}"
        );
    }
    assert!(out.contains("--data-dir"), "{out}");
    assert!(out.contains("--config"), "{out}");
    assert!(out.contains("Exit codes"), "{out}");
}

#[test]
fn every_subcommand_has_help() {
    let dir = tmp();
    for sub in SUBCOMMANDS {
        let out = ok(bare(dir.path()).args([sub, "--help"]));
        assert!(out.contains("Usage: warroom"), "{sub}: {out}");
        assert!(out.contains(sub), "{sub}: {out}");
    }
}

#[test]
fn version_prints_the_crate_version() {
    let dir = tmp();
    bare(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("warroom {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_subcommand_or_flag_exits_2() {
    let dir = tmp();
    let err = fails(warroom(dir.path()).arg("frobnicate"), 2);
    assert!(err.contains("frobnicate"), "{err}");
    let err = fails(warroom(dir.path()).args(["list", "--yaml"]), 2);
    assert!(err.contains("--yaml"), "{err}");
    let err = fails(warroom(dir.path()).args(["config", "lint"]), 2);
    assert!(err.contains("lint"), "{err}");
    let err = fails(warroom(dir.path()).arg("config"), 2);
    assert!(err.contains("check"), "{err}");
}

#[test]
fn verify_names_the_first_altered_event() {
    let dir = tmp();
    let id = declare(dir.path(), "Tamper", "2");
    for n in 0..3 {
        ok(warroom(dir.path()).args(["note", &id, &format!("note {n}")]));
    }
    {
        // Tamper with event 2 behind warroom's back, as an attacker with disk access could.
        let db = sled::open(dir.path().join("journals").join(&id)).unwrap();
        let journal = db.open_tree("journal").unwrap();
        let key = 2u64.to_be_bytes();
        let record = journal.get(key).unwrap().unwrap().to_vec();
        let altered = String::from_utf8(record)
            .unwrap()
            .replace("note 0", "note X");
        journal.insert(key, altered.as_bytes()).unwrap();
        db.flush().unwrap();
    }
    warroom(dir.path())
        .args(["verify", &id])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("{id}: BROKEN at event 2")));
}

/// One unreadable incident is reported as broken and the others are still checked; an
/// incident missing from the index is listed again and checked too.
#[test]
fn verify_goes_on_past_an_unreadable_incident_and_relists_a_lost_one() {
    let dir = tmp();
    let ids: Vec<String> = ["One", "Two", "Three"]
        .iter()
        .map(|t| declare(dir.path(), t, "2"))
        .collect();
    // sled's config without its checksum, as a kill while writing it leaves it.
    let conf = dir.path().join("journals").join(&ids[1]).join("conf");
    let bytes = std::fs::read(&conf).unwrap();
    std::fs::write(&conf, &bytes[..bytes.len() - 4]).unwrap();
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("incidents")
            .unwrap()
            .remove(ids[2].as_str())
            .unwrap();
        db.flush().unwrap();
    }
    let out = warroom(dir.path())
        .arg("verify")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(&format!("{}: was missing from the incident list", ids[2])),
        "{out}"
    );
    assert!(out.contains(&format!("{}: ok", ids[0])), "{out}");
    assert!(out.contains(&format!("{}: BROKEN", ids[1])), "{out}");
    assert!(out.contains(&format!("{}: ok", ids[2])), "{out}");
}

#[test]
fn check_twice_or_uncheck_of_an_open_item_records_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Idempotent", "1");
    let out = ok(warroom(dir.path()).args(["uncheck", &id, "gn-isolate"]));
    assert!(out.contains("not done; nothing recorded"), "{out}");
    ok(warroom(dir.path()).args(["check", &id, "gn-isolate"]));
    let out = ok(warroom(dir.path()).args(["check", &id, "gn-isolate"]));
    assert!(out.contains("already done; nothing recorded"), "{out}");
    assert_eq!(journal_len(dir.path(), &id), 2);
}

#[test]
fn text_from_the_command_line_is_cleaned_like_the_forms() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).args(["new", "--title", "a\u{1b}[31mb\nc", "--severity", "1"]));
    let shown = show_json(dir.path(), id.trim());
    assert_eq!(shown["title"], "a[31mb c");
}

#[test]
fn a_reader_that_stops_early_does_not_crash_the_command() {
    let dir = tmp();
    ok(warroom(dir.path()).arg("demo"));
    // A pipe whose reader is already gone: every write fails with a broken pipe.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_warroom"))
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "show",
            "EX-2026-0001",
        ])
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn drill_lists_scenarios_and_starts_an_exercise_hidden_from_the_list() {
    let dir = tmp();
    let scenarios = ok(warroom(dir.path()).arg("drill"));
    assert_eq!(scenarios.lines().count(), 4, "{scenarios}");
    let id = ok(warroom(dir.path()).args(["drill", "phishing-campaign"]));
    assert_eq!(id.trim(), "EX-2026-0001");
    assert!(
        list_json(dir.path()).is_empty(),
        "exercises stay out of `list`"
    );
    let all: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir.path()).args(["list", "--json", "--all"]))).unwrap();
    assert_eq!(all.len(), 1);
    let shown = show_json(dir.path(), "EX-2026-0001");
    assert_eq!(shown["exercise"], true);
    assert_eq!(shown["journal"][1]["change"]["kind"], "drill_started");
    let md = ok(warroom(dir.path()).args(["export", "EX-2026-0001"]));
    assert!(md.contains("**EXERCISE**"), "exports say so too");
    let err = fails(warroom(dir.path()).args(["drill", "alien-invasion"]), 2);
    assert!(
        err.contains("unknown drill 'alien-invasion'; valid values: phishing-campaign"),
        "{err}"
    );
}

#[test]
fn no_color_makes_the_snapshot_command_monochrome_and_wall_renders() {
    let dir = tmp();
    ok(warroom(dir.path()).arg("demo"));
    let wall = ok(warroom(dir.path())
        .env("NO_COLOR", "1")
        .args(["snapshot", "--wall", "--width", "120", "--height", "35"]));
    assert!(wall.contains("EX-2026-0001"), "{wall}");
    assert!(wall.contains("█"), "{wall}");
}

/// With no config of their own, every user of a host gets the host's
/// (`$XDG_CONFIG_DIRS/warroom/config.yaml`), e.g. the shared war-room host's group; a
/// group the host lacks is named with the fix, exit 2, nothing created.
#[test]
fn the_hosts_config_is_read_when_the_user_has_none() {
    let dir = tmp();
    let host = dir.path().join("etc-xdg");
    std::fs::create_dir_all(host.join("warroom")).unwrap();
    std::fs::write(
        host.join("warroom/config.yaml"),
        "shared_host:\n  group: no-such-group-here\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let said = fails(
        bare(dir.path())
            .env("XDG_CONFIG_DIRS", &host)
            .arg("--data-dir")
            .arg(&store)
            .arg("list"),
        2,
    );
    assert!(
        said.contains(
            "group no-such-group-here (shared_host.group), which this host does not have"
        ),
        "{said}"
    );
    assert!(said.contains("groupadd no-such-group-here"), "{said}");
    assert!(!store.exists());
    // The user's own file comes first.
    let mine = dir.path().join(".config/warroom");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("config.yaml"), "organisation: Mine\n").unwrap();
    ok(bare(dir.path())
        .env("XDG_CONFIG_DIRS", &host)
        .arg("--data-dir")
        .arg(&store)
        .arg("list"));
}
