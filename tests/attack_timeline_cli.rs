//! `warroom timeline`: the attack timeline from the command line — steps at their own
//! time (long before detection), read in the order they happened, ATT&CK tactics and
//! techniques checked and named in the operator's language, dwell time, and refusals
//! (exit 2) that store nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;

const NOW: &str = "2026-11-28T12:00:00Z";

fn at(dir: &std::path::Path) -> assert_cmd::Command {
    warroom_at(dir, NOW)
}

fn declare_now(dir: &std::path::Path) -> String {
    ok(at(dir).args(["new", "--title", "Ransomware on FS01", "--severity", "4"]))
        .trim()
        .to_string()
}

fn listing(dir: &std::path::Path, id: &str) -> Value {
    serde_json::from_str(&ok(at(dir).args(["timeline", "list", id, "--json"]))).unwrap()
}

#[test]
fn steps_are_read_in_the_order_they_happened_with_names_and_dwell_time() {
    let dir = tmp();
    let id = declare_now(dir.path());
    ok(at(dir.path()).args(["ioc", "add", &id, "ip", "203.0.113.7"]));
    ok(at(dir.path()).args(["asset", "add", &id, "host", "WS-042"]));
    let add = |args: &[&str]| ok(at(dir.path()).args(["timeline", "add", &id]).args(args));
    let first = add(&[
        "2026-11-02T03:14:00Z",
        "Invoice e-mail with a macro opened by j.doe",
        "--tactic",
        "initial-access",
        "--technique",
        "t1566.001",
        "--observable",
        "o1",
        "--asset",
        "WS-042",
        "--source",
        "mail gateway logs",
    ]);
    assert!(first.contains("attack step S1"), "{first}");
    add(&[
        "2026-11-27T22:00:00Z",
        "Files encrypted on FS01",
        "--technique",
        "T1486",
    ]);
    add(&[
        "-20d",
        "RDP from WS-042 to FS01",
        "--tactic",
        "TA0008",
        "--technique",
        "T1021.001",
    ]);
    // A technique ATT&CK has and warroom does not list is kept, without a name.
    add(&[
        "-19d",
        "Kerberos tickets requested in bulk",
        "--technique",
        "T1558.004",
    ]);
    ok(at(dir.path()).args(["set", &id, "detected-at", "2026-11-28T06:30:00Z"]));

    let json = listing(dir.path(), &id);
    let steps = json["steps"].as_array().unwrap();
    let order: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(order, ["S1", "S3", "S4", "S2"]);
    assert_eq!(steps[0]["tactic"], "TA0001");
    assert_eq!(steps[0]["technique"], "T1566.001");
    assert_eq!(steps[0]["observables"], serde_json::json!(["O1"]));
    // The asset's name is stored as its id.
    assert_eq!(steps[0]["assets"], serde_json::json!(["A1"]));
    assert_eq!(steps[1]["at"], "2026-11-08T12:00:00Z");
    assert_eq!(json["dwell"]["first_activity"], "2026-11-02T03:14:00Z");
    assert_eq!(json["dwell"]["detected"], "2026-11-28T06:30:00Z");
    assert_eq!(json["dwell"]["detected_is_declared"], false);
    // 26 days 03:16 from the phishing e-mail to detection.
    assert_eq!(json["dwell"]["dwell"], 26 * 86_400 + 3 * 3600 + 16 * 60);
    assert_eq!(json["dwell"]["contained"], Value::Null);

    let listed = ok(at(dir.path()).args(["timeline", "list", &id]));
    for expected in [
        "S1   2026-11-02 03:14 UTC  T1566.001 Spearphishing Attachment [TA0001 Initial Access]",
        "     O1, A1 — mail gateway logs",
        "S4   2026-11-09 12:00 UTC  T1558.004\n",
        "T1486 Data Encrypted for Impact",
        "First attacker activity: 2026-11-02 03:14 UTC",
        "Detection: 2026-11-28 06:30 UTC\n",
        "Containment: not yet",
        "Dwell time (first activity to detection): 26d 03:16:00",
    ] {
        assert!(listed.contains(expected), "{expected}\n{listed}");
    }
    let french = ok(at(dir.path()).args(["--lang", "fr", "timeline", "list", &id]));
    for expected in [
        "T1566.001 Hameçonnage ciblé par pièce jointe [TA0001 Accès initial]",
        "Temps de présence (de la première activité à la détection)",
        "26j 03:16:00",
    ] {
        assert!(french.contains(expected), "{expected}\n{french}");
    }
    let shown = ok(at(dir.path()).args(["show", &id]));
    assert!(
        shown.contains("Attack step S2, 2026-11-27 22:00 UTC (T1486 Data Encrypted for Impact): Files encrypted on FS01"),
        "{shown}"
    );
    ok(at(dir.path()).args(["verify", &id]));
}

#[test]
fn containment_is_when_the_incident_left_its_containment_phase() {
    let dir = tmp();
    let id = declare_now(dir.path());
    ok(at(dir.path()).args(["timeline", "add", &id, "-3d", "Initial access"]));
    let move_to = |now: &str, phase: &str| {
        ok(warroom_at(dir.path(), now).args(["--force", "phase", &id, phase]));
    };
    move_to("2026-11-28T13:00:00Z", "containment");
    move_to("2026-11-28T18:00:00Z", "eradication");
    let dwell = &listing(dir.path(), &id)["dwell"];
    assert_eq!(dwell["detected_is_declared"], true);
    assert_eq!(dwell["contained"], "2026-11-28T18:00:00Z");
    assert_eq!(dwell["to_containment"], 6 * 3600);
    assert_eq!(dwell["exposure"], 3 * 86_400 + 6 * 3600);
}

#[test]
fn a_field_is_set_by_an_event_and_a_retracted_step_keeps_its_id() {
    let dir = tmp();
    let id = declare_now(dir.path());
    ok(at(dir.path()).args(["ioc", "add", &id, "domain", "evil.example.com"]));
    let add = |args: &[&str]| ok(at(dir.path()).args(["timeline", "add", &id]).args(args));
    add(&["-5d", "Phishing", "--tactic", "TA0001"]);
    add(&["-4d", "Wrong host"]);
    let set = |args: &[&str]| ok(at(dir.path()).args(["timeline", "set", &id]).args(args));
    set(&["s1", "technique", "T1566.002"]);
    set(&["S1", "observables", "o1"]);
    set(&["S1", "when", "2026-11-20T08:00:00Z"]);
    set(&["S1", "source", "retainer's report"]);
    let steps = &listing(dir.path(), &id)["steps"];
    assert_eq!(steps[0]["technique"], "T1566.002");
    assert_eq!(steps[0]["observables"], serde_json::json!(["O1"]));
    assert_eq!(steps[0]["at"], "2026-11-20T08:00:00Z");
    assert_eq!(steps[0]["source"], "retainer's report");
    set(&["S1", "tactic", "-"]);
    assert_eq!(listing(dir.path(), &id)["steps"][0].get("tactic"), None);

    // Event 4 added S2: retracted, it leaves the timeline; S2 is never given again.
    ok(at(dir.path()).args(["retract", &id, "4", "--reason", "another incident"]));
    let added = add(&["-1d", "Encryption"]);
    assert!(added.contains("attack step S3"), "{added}");
    let json = listing(dir.path(), &id);
    let ids: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["S1", "S3"]);
}

#[test]
fn bad_input_is_refused_with_the_reason_and_stores_nothing() {
    let dir = tmp();
    let id = declare_now(dir.path());
    ok(at(dir.path()).args([
        "timeline",
        "add",
        &id,
        "-2d",
        "Phishing",
        "--technique",
        "T1566",
    ]));
    let events = journal_len(dir.path(), &id);
    for (args, says) in [
        (
            vec!["add", &id, "-1d", "x", "--tactic", "TA0099"],
            "'TA0099' is not an ATT&CK Enterprise tactic",
        ),
        (
            vec!["add", &id, "-1d", "x", "--technique", "T15"],
            "'T15' is not an ATT&CK technique id",
        ),
        (
            vec![
                "add",
                &id,
                "-1d",
                "x",
                "--tactic",
                "impact",
                "--technique",
                "T1486.001",
            ],
            "",
        ),
        (
            vec![
                "add",
                &id,
                "-1d",
                "x",
                "--tactic",
                "TA0040",
                "--technique",
                "T1566.001",
            ],
            "T1566.001 Spearphishing Attachment is not a technique of TA0040 Impact; its tactics: TA0001 Initial Access",
        ),
        (
            vec!["add", &id, "-1d", "x", "--observable", "O4"],
            "has no observable 'O4'",
        ),
        (vec!["add", &id, "-1d", "  "], "the description"),
        (
            vec!["add", &id, "2026-11-29T12:00:00Z", "x"],
            "in the future",
        ),
        (
            vec!["add", &id, "2024-01-01T00:00:00Z", "x"],
            "more than a year before",
        ),
        (vec!["add", &id, "yesterday", "x"], "is not a time"),
        (
            vec!["set", &id, "S7", "source", "x"],
            "has no attack step 'S7'",
        ),
        (
            vec!["set", &id, "S1", "colour", "red"],
            "has no field 'colour'",
        ),
        (
            vec!["set", &id, "S1", "tactic", "impact"],
            "T1566 Phishing is not a technique of TA0040 Impact",
        ),
    ] {
        if says.is_empty() {
            // A sub-technique warroom does not list is checked against its parent's
            // tactics, and so accepted here: T1486's tactic is Impact.
            ok(at(dir.path()).arg("timeline").args(&args));
            continue;
        }
        let err = fails(at(dir.path()).arg("timeline").args(&args), 2);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(
        journal_len(dir.path(), &id),
        events + 1,
        "a refusal stores nothing"
    );
    // Long before the declaration is fine when the operator says so.
    ok(at(dir.path()).args([
        "--force",
        "timeline",
        "add",
        &id,
        "2024-01-01T00:00:00Z",
        "Old access",
    ]));
}

#[test]
fn the_catalogue_is_listed_in_both_languages_and_for_machines() {
    let dir = tmp();
    let en = ok(warroom(dir.path()).args(["timeline", "techniques"]));
    assert!(en.starts_with("ATT&CK Enterprise v18"), "{en}");
    assert!(en.contains("TA0040 Impact  (impact)"), "{en}");
    assert!(
        en.contains("  T1486      Data Encrypted for Impact"),
        "{en}"
    );
    let fr = ok(warroom(dir.path()).args([
        "--lang",
        "fr",
        "timeline",
        "techniques",
        "--tactic",
        "ta0006",
    ]));
    assert!(fr.contains("TA0006 Accès aux identifiants"), "{fr}");
    assert!(
        fr.contains("T1110.003  Pulvérisation de mots de passe"),
        "{fr}"
    );
    assert!(!fr.contains("T1486"), "only the tactic asked for: {fr}");
    let json: Value = serde_json::from_str(&ok(warroom(dir.path()).args([
        "timeline",
        "techniques",
        "--json",
    ])))
    .unwrap();
    let tactics = json["tactics"].as_array().unwrap();
    assert_eq!(tactics.len(), 14);
    assert_eq!(tactics[2]["id"], "TA0001");
    assert_eq!(tactics[2]["name"], "Initial Access");
    let phishing = tactics[2]["techniques"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "T1566")
        .unwrap();
    assert_eq!(phishing["name"], "Phishing");
    let err = fails(
        warroom(dir.path()).args(["timeline", "techniques", "--tactic", "x"]),
        2,
    );
    assert!(
        err.contains("'x' is not an ATT&CK Enterprise tactic"),
        "{err}"
    );
}

#[test]
fn the_report_tells_what_the_attacker_did_apart_from_what_we_did() {
    let dir = tmp();
    let id = declare_now(dir.path());
    let add = |args: &[&str]| ok(at(dir.path()).args(["timeline", "add", &id]).args(args));
    add(&[
        "2026-11-20T08:00:00Z",
        "Files <b>encrypted</b>",
        "--technique",
        "T1486",
    ]);
    add(&[
        "2026-11-10T08:00:00Z",
        "VPN login with a stolen password",
        "--tactic",
        "TA0001",
        "--technique",
        "T1133",
    ]);
    ok(at(dir.path()).args(["note", &id, "FS01 unplugged"]));
    let md = ok(at(dir.path()).args(["export", &id, "--format", "md"]));
    let attacker = md.split("## What the attacker did").nth(1).unwrap();
    let attacker = attacker.split("## Dwell time").next().unwrap();
    let vpn = attacker.find("| S2 | 2026-11-10 08:00:00 UTC | TA0001 Initial Access | T1133 External Remote Services |").unwrap();
    let encrypted = attacker
        .find("| S1 | 2026-11-20 08:00:00 UTC |  | T1486 Data Encrypted for Impact |")
        .unwrap();
    assert!(vpn < encrypted, "in the order it happened: {attacker}");
    assert!(!attacker.contains("<b>"), "escaped: {attacker}");
    assert!(!attacker.contains("FS01 unplugged"), "{attacker}");
    let dwell = md
        .split("## Dwell time")
        .nth(1)
        .unwrap()
        .split("## What we did")
        .next()
        .unwrap();
    assert!(
        dwell.contains("| First attacker activity | 2026-11-10 08:00:00 UTC |"),
        "{dwell}"
    );
    assert!(
        dwell.contains("| Dwell time (first activity to detection) | 18d 04:00:00 |"),
        "{dwell}"
    );
    let we = md.split("## What we did").nth(1).unwrap();
    assert!(we.contains("FS01 unplugged"), "{we}");

    let fr = ok(at(dir.path()).args(["--lang", "fr", "export", &id, "--format", "md"]));
    assert!(fr.contains("## Ce que l’attaquant a fait"), "{fr}");
    assert!(
        fr.contains("T1133 Services d’accès distant exposés"),
        "{fr}"
    );
    assert!(fr.contains("## Ce que nous avons fait"), "{fr}");
    let json: Value =
        serde_json::from_str(&ok(at(dir.path()).args(["export", &id, "--format", "json"])))
            .unwrap();
    assert_eq!(json["attack_timeline"][0]["technique"], "T1133");
    assert_eq!(json["dwell"]["dwell"], 18 * 86_400 + 4 * 3600);
}
