//! Playbooks and the checklist from the command line: choosing a playbook, assigning,
//! moving between phases, adding items, not applicable, and `warroom playbook`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use std::path::{Path, PathBuf};

fn new_with(dir: &Path, args: &[&str]) -> String {
    let mut cmd = warroom(dir);
    cmd.args(["new", "--title", "Case", "--severity", "3"])
        .args(args);
    ok(&mut cmd).trim().to_string()
}

fn item_ids(shown: &serde_json::Value) -> Vec<String> {
    shown["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

const OWN_RANSOMWARE: &str = "id: ransomware\nname: Our ransomware plan\ncategories: [malicious-code]\nitems:\n  - id: our-call\n    stage: detect\n    owner: it-lead\n    text: \"Call Bob\"\n";

/// A config file in `dir` with a `playbooks/` folder holding `files`.
fn config_with_playbooks(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    let playbooks = dir.join("conf").join("playbooks");
    std::fs::create_dir_all(&playbooks).unwrap();
    for (name, text) in files {
        std::fs::write(playbooks.join(name), text).unwrap();
    }
    let config = dir.join("conf").join("config.yaml");
    std::fs::write(&config, "organisation: ACME\n").unwrap();
    config
}

#[test]
fn the_category_picks_the_playbook_and_the_option_overrides_it() {
    let dir = tmp();
    let by_category = new_with(dir.path(), &["--category", "malicious-code"]);
    let shown = show_json(dir.path(), &by_category);
    assert_eq!(shown["playbook"]["id"], "ransomware");
    assert!(item_ids(&shown).iter().all(|i| i.starts_with("rw-")));
    assert_eq!(item(&shown, "rw-isolate")["phase"], "containment");
    assert!(item(&shown, "rw-alert-retainer")["hints"]["starts"][0] == "retainer-sla");

    let named = new_with(dir.path(), &["--playbook", "ddos"]);
    let shown = show_json(dir.path(), &named);
    assert_eq!(shown["playbook"]["id"], "ddos");
    assert_eq!(shown["category"], "other");
}

#[test]
fn an_unknown_playbook_is_bad_input_listing_the_valid_ones() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args([
            "new",
            "--title",
            "T",
            "--severity",
            "1",
            "--playbook",
            "wiper",
        ]),
        2,
    );
    assert!(
        err.contains("unknown playbook 'wiper'; valid values: generic, ransomware, phishing-bec, personal-data-breach, ddos"),
        "{err}"
    );
    assert!(list_json(dir.path()).is_empty(), "nothing declared");
}

#[test]
fn an_incident_keeps_its_checklist_when_the_playbook_file_changes() {
    let dir = tmp();
    let id = new_with(dir.path(), &["--category", "malicious-code"]);
    let before = show_json(dir.path(), &id);
    let config = config_with_playbooks(dir.path(), &[("ransomware.yaml", OWN_RANSOMWARE)]);
    let mut list = warroom(dir.path());
    list.arg("--config").arg(&config).args(["playbook", "list"]);
    let listed = ok(&mut list);
    assert!(listed.contains("Our ransomware plan"), "{listed}");
    // The running incident is unchanged...
    let mut show = warroom(dir.path());
    show.arg("--config")
        .arg(&config)
        .args(["show", &id, "--json"]);
    let after: serde_json::Value = serde_json::from_str(&ok(&mut show)).unwrap();
    assert_eq!(item_ids(&after), item_ids(&before));
    assert!(item_ids(&after).len() >= 30);
    // ...and a new one gets the new file.
    let mut new = warroom(dir.path());
    new.arg("--config").arg(&config).args([
        "new",
        "--title",
        "Second",
        "--severity",
        "2",
        "--category",
        "malicious-code",
    ]);
    let second = ok(&mut new).trim().to_string();
    assert_eq!(item_ids(&show_json(dir.path(), &second)), ["our-call"]);
}

#[test]
fn assign_records_once_and_dash_takes_back() {
    let dir = tmp();
    let id = new_with(dir.path(), &[]);
    let out = ok(warroom(dir.path()).args(["assign", &id, "gn-isolate", "Sam Leroy"]));
    assert_eq!(out, format!("saved {id} event 2\n"));
    assert_eq!(
        item(&show_json(dir.path(), &id), "gn-isolate")["assignee"],
        "Sam Leroy"
    );
    let again = ok(warroom(dir.path()).args(["assign", &id, "gn-isolate", "Sam Leroy"]));
    assert!(
        again.contains("already assigned to Sam Leroy; nothing recorded"),
        "{again}"
    );
    ok(warroom(dir.path()).args(["assign", &id, "gn-isolate", "-"]));
    assert!(item(&show_json(dir.path(), &id), "gn-isolate")["assignee"].is_null());
    assert_eq!(journal_len(dir.path(), &id), 3);

    let err = fails(warroom(dir.path()).args(["assign", &id, "nope", "Sam"]), 1);
    assert!(err.contains("has no checklist item 'nope'"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["assign", &id, "gn-isolate", " \t"]),
        2,
    );
    assert!(err.contains("the person is empty"), "{err}");
}

#[test]
fn phase_next_refuses_open_items_unless_forced() {
    let dir = tmp();
    let id = new_with(dir.path(), &["--playbook", "ddos"]);
    let err = fails(warroom(dir.path()).args(["phase", &id, "next"]), 1);
    assert!(err.contains("still open (dd-"), "{err}");
    assert!(err.contains("pass --force"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), 1, "nothing written");

    ok(warroom(dir.path()).args(["phase", &id, "next", "--force"]));
    let shown = show_json(dir.path(), &id);
    assert_eq!(shown["phase"]["id"], "containment");
    let moved = &shown["journal"][1]["change"];
    assert_eq!(moved["kind"], "phase_advanced");
    assert!(
        moved["left_open"].as_array().unwrap().len() >= 10,
        "{moved}"
    );

    ok(warroom(dir.path()).args(["phase", &id, "back"]));
    assert_eq!(show_json(dir.path(), &id)["phase"]["id"], "identification");
    // Jumping ahead past open items is refused like `next`.
    fails(warroom(dir.path()).args(["phase", &id, "lessons"]), 1);
    ok(warroom(dir.path()).args(["phase", &id, "lessons", "--force"]));
    assert_eq!(show_json(dir.path(), &id)["phase"]["id"], "lessons");
    let err = fails(warroom(dir.path()).args(["phase", &id, "next"]), 1);
    assert!(err.contains("This is the last phase"), "{err}");
    let out = ok(warroom(dir.path()).args(["phase", &id, "lessons"]));
    assert!(out.contains("already in Lessons learned"), "{out}");
    let err = fails(warroom(dir.path()).args(["phase", &id, "triage"]), 1);
    assert!(
        err.contains(
            "has no phase 'triage'; use next, back or one of: identification, containment"
        ),
        "{err}"
    );
}

#[test]
fn add_item_prints_its_id_and_checks_owner_and_phase() {
    let dir = tmp();
    let id = new_with(dir.path(), &[]);
    let out =
        ok(warroom(dir.path()).args(["add-item", &id, "Call the mayor", "--owner", "management"]));
    assert_eq!(out, "add-1\n");
    let added = item(&show_json(dir.path(), &id), "add-1").clone();
    assert_eq!(added["phase"], "identification");
    assert_eq!(added["owner"], "management");
    let out = ok(warroom(dir.path()).args(["add-item", &id, "Rebuild DC", "--phase", "recovery"]));
    assert_eq!(out, "add-2\n");
    assert_eq!(
        item(&show_json(dir.path(), &id), "add-2")["phase"],
        "recovery"
    );

    let err = fails(
        warroom(dir.path()).args(["add-item", &id, "x", "--owner", "boss"]),
        2,
    );
    assert!(
        err.contains("unknown role 'boss'; valid values: point-of-contact, incident-commander"),
        "{err}"
    );
    let err = fails(
        warroom(dir.path()).args(["add-item", &id, "x", "--phase", "nope"]),
        1,
    );
    assert!(err.contains("has no phase 'nope'"), "{err}");
    // Control characters are dropped; nothing is left.
    let err = fails(
        warroom(dir.path()).args(["add-item", &id, " \u{7}\u{1b} "]),
        2,
    );
    assert!(err.contains("the item text is empty"), "{err}");
    assert_eq!(journal_len(dir.path(), &id), 3);
}

#[test]
fn not_applicable_records_the_reason_and_check_clears_it() {
    let dir = tmp();
    let id = new_with(dir.path(), &[]);
    ok(warroom(dir.path()).args([
        "not-applicable",
        &id,
        "gn-gdpr-check",
        "no personal data held",
    ]));
    let shown = show_json(dir.path(), &id);
    let gdpr = item(&shown, "gn-gdpr-check");
    assert_eq!(gdpr["status"], "not_applicable");
    assert_eq!(gdpr["not_applicable"]["reason"], "no personal data held");
    assert_eq!(shown["phases"][0]["closed"], 1);
    let text = ok(warroom(dir.path()).args(["show", &id]));
    assert!(text.contains("[-] gn-gdpr-check"), "{text}");
    assert!(text.contains("Not applicable: "), "{text}");

    ok(warroom(dir.path()).args(["uncheck", &id, "gn-gdpr-check"]));
    assert_eq!(
        item(&show_json(dir.path(), &id), "gn-gdpr-check")["status"],
        "open"
    );
    let err = fails(
        warroom(dir.path()).args(["not-applicable", &id, "gn-gdpr-check", ""]),
        2,
    );
    assert!(err.contains("the reason is empty"), "{err}");
}

#[test]
fn playbook_list_and_show() {
    let dir = tmp();
    let out = ok(warroom(dir.path()).args(["playbook", "list"]));
    for id in [
        "generic",
        "ransomware",
        "phishing-bec",
        "personal-data-breach",
        "ddos",
    ] {
        assert!(out.lines().any(|l| l.starts_with(id)), "{id}: {out}");
    }
    assert!(out.contains("picked by: malicious-code"), "{out}");
    let all: serde_json::Value =
        serde_json::from_str(&ok(warroom(dir.path()).args(["playbook", "list", "--json"])))
            .unwrap();
    assert_eq!(all.as_array().unwrap().len(), 5);
    assert!(all[1]["items"].as_u64().unwrap() >= 30);

    let shown = ok(warroom(dir.path()).args(["playbook", "show", "ransomware"]));
    assert!(shown.starts_with("ransomware — Ransomware\n"), "{shown}");
    let containment = shown.find("\nContainment\n").unwrap();
    let isolate = shown.find("rw-isolate").unwrap();
    assert!(isolate > containment, "{shown}");
    assert!(shown.contains("Call: Retainer CSIRT"), "{shown}");

    let json: serde_json::Value = serde_json::from_str(&ok(warroom(dir.path()).args([
        "playbook",
        "show",
        "ransomware",
        "--json",
    ])))
    .unwrap();
    assert_eq!(json["phase_model"], "picerl");
    assert_eq!(json["phases"].as_array().unwrap().len(), 5);
    let err = fails(warroom(dir.path()).args(["playbook", "show", "wiper"]), 2);
    assert!(err.contains("unknown playbook 'wiper'"), "{err}");
}

#[test]
fn playbook_check_says_ok_or_where_the_fault_is() {
    let dir = tmp();
    let good = dir.path().join("good.yaml");
    std::fs::write(&good, OWN_RANSOMWARE).unwrap();
    let out = ok(warroom(dir.path()).args(["playbook", "check"]).arg(&good));
    assert_eq!(
        out,
        "ok: playbook ransomware (detect 1, analyse 0, contain 0, eradicate 0, recover 0, learn 0)\n"
    );
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, OWN_RANSOMWARE.replace("owner: it-lead", "owner: bob")).unwrap();
    let err = fails(warroom(dir.path()).args(["playbook", "check"]).arg(&bad), 2);
    assert!(
        err.contains(&format!(
            "{}:7:12: found the role `bob` as owner of item `our-call`",
            bad.display()
        )),
        "{err}"
    );
    let missing = dir.path().join("missing.yaml");
    let err = fails(
        warroom(dir.path())
            .args(["playbook", "check"])
            .arg(&missing),
        2,
    );
    assert!(
        err.contains("missing.yaml:1:1: cannot read the file"),
        "{err}"
    );
}

#[test]
fn a_broken_user_playbook_stops_every_command_with_its_location() {
    let dir = tmp();
    let config = config_with_playbooks(
        dir.path(),
        &[(
            "broken.yaml",
            &OWN_RANSOMWARE.replace("stage: detect", "stage: triage"),
        )],
    );
    let mut cmd = warroom(dir.path());
    cmd.arg("--config").arg(&config).args(["config", "check"]);
    let err = fails(&mut cmd, 2);
    assert!(
        err.contains("broken.yaml:6:12: items[0].stage: unknown variant `triage`"),
        "{err}"
    );
    let mut cmd = warroom(dir.path());
    cmd.arg("--config")
        .arg(&config)
        .args(["new", "--title", "T", "--severity", "1"]);
    fails(&mut cmd, 2);
    assert!(list_json(dir.path()).is_empty(), "nothing written");
}

#[test]
fn user_playbooks_are_found_beside_the_platform_config_too() {
    let dir = tmp();
    let playbooks = dir.path().join(".config/warroom/playbooks");
    std::fs::create_dir_all(&playbooks).unwrap();
    std::fs::write(
        playbooks.join("own.yaml"),
        OWN_RANSOMWARE.replace("id: ransomware", "id: own"),
    )
    .unwrap();
    let out = ok(warroom(dir.path()).args(["playbook", "list"]));
    assert!(out.contains("own "), "{out}");
}
