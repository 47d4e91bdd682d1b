//! Every subcommand and every bad-input case, on the real binary, with exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn warroom(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("warroom").unwrap();
    cmd.arg("--data-dir")
        .arg(dir)
        .env("HOME", dir)
        .env("TZ", "UTC")
        .env("WARROOM_NOW", "2026-11-28T14:00:00Z")
        .env_remove("WARROOM_CONFIG")
        .env_remove("WARROOM_DATA_DIR");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn new_incident(dir: &Path) -> String {
    let id = stdout(warroom(dir).args(["new", "--title", "Phishing wave", "--severity", "high"]));
    id.trim().to_string()
}

fn show_json(dir: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&stdout(warroom(dir).args(["show", id, "--json"]))).unwrap()
}

#[test]
fn new_prints_the_id_and_json_on_request() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(new_incident(dir.path()), "IR-2026-0001");
    let out = stdout(warroom(dir.path()).args([
        "new",
        "--title",
        "Second",
        "--severity",
        "4",
        "--category",
        "fraud",
        "--tlp",
        "red",
        "--json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "IR-2026-0002");
    let shown = show_json(dir.path(), "IR-2026-0002");
    assert_eq!(shown["severity"]["level"], 4);
    assert_eq!(shown["category"], "fraud");
    assert_eq!(shown["tlp"], "TLP:RED");
}

#[test]
fn bad_values_exit_2_and_list_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["new", "--title", "x", "--severity", "9"], "5 (emergency)"),
        (
            &[
                "new",
                "--title",
                "x",
                "--severity",
                "1",
                "--category",
                "worms",
            ],
            "malicious-code",
        ),
        (
            &["new", "--title", "x", "--severity", "1", "--tlp", "white"],
            "TLP:AMBER+STRICT",
        ),
        (
            &["new", "--title", "  ", "--severity", "1"],
            "--title is empty",
        ),
        (&["new", "--severity", "1"], "--title"),
        (&["show", "foo"], "IR-2026-0007"),
        (&["snapshot", "--width", "0"], "--width"),
        (&["frobnicate"], "unrecognized subcommand"),
    ];
    for (args, expected) in cases {
        warroom(dir.path())
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*expected));
    }
    // Nothing was written by any of them.
    assert_eq!(stdout(warroom(dir.path()).arg("list")), "");
}

#[test]
fn unknown_incident_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["show", "IR-2026-0042"],
        vec!["note", "IR-2026-0042", "hello"],
        vec!["alert-retainer", "IR-2026-0042"],
        vec!["verify", "IR-2026-0042"],
    ] {
        warroom(dir.path())
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("IR-2026-0042"));
    }
}

#[test]
fn note_check_uncheck_and_alert_retainer_reach_show() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_incident(dir.path());
    let before = show_json(dir.path(), &id);
    assert_eq!(before["phase"]["id"], "identification");
    assert_eq!(before["checklist"][0]["id"], "id-record-detection");
    assert_eq!(before["checklist"][0]["done"], false);
    assert!(before["clocks"]["retainer"].is_null());

    let saved =
        stdout(warroom(dir.path()).args(["note", &id, "Mail gateway quarantined 40 messages"]));
    assert_eq!(saved.trim(), format!("saved {id} event 2"));
    stdout(warroom(dir.path()).args(["check", &id, "id-scope"]));
    stdout(warroom(dir.path()).args(["alert-retainer", &id]));

    let after = show_json(dir.path(), &id);
    let scope = after["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "id-scope")
        .unwrap()
        .clone();
    assert_eq!(scope["done"], true);
    assert_eq!(scope["done_at"], "2026-11-28T14:00:00Z");
    assert_eq!(after["clocks"]["retainer"]["status"], "running");
    assert_eq!(after["clocks"]["retainer"]["seconds_left"], 3600);
    let journal = after["journal"].as_array().unwrap();
    assert_eq!(journal.len(), 4);
    assert_eq!(
        journal[1]["change"]["text"],
        "Mail gateway quarantined 40 messages"
    );

    stdout(warroom(dir.path()).args(["uncheck", &id, "id-scope"]));
    let reopened = show_json(dir.path(), &id);
    assert_eq!(reopened["checklist"][2]["done"], false);

    let text = stdout(warroom(dir.path()).args(["show", &id]));
    assert!(text.contains("[ ] id-scope"), "{text}");
    assert!(text.contains("Mail gateway quarantined 40 messages"));
}

#[test]
fn check_of_an_unknown_item_lists_the_items() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_incident(dir.path());
    warroom(dir.path())
        .args(["check", &id, "no-such-item"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no checklist item 'no-such-item'")
                .and(predicate::str::contains("id-scope")),
        );
}

#[test]
fn empty_note_and_invalid_utf8_are_bad_input() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let id = new_incident(dir.path());
    warroom(dir.path())
        .args(["note", &id, "   "])
        .assert()
        .code(2);
    let bad = std::ffi::OsStr::from_bytes(&[0x66, 0x6f, 0xff]);
    warroom(dir.path())
        .args(["note", &id])
        .arg(bad)
        .assert()
        .code(2);
    assert_eq!(
        show_json(dir.path(), &id)["journal"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn list_shows_incidents_and_marks_exercises() {
    let dir = tempfile::tempdir().unwrap();
    new_incident(dir.path());
    let demo = stdout(warroom(dir.path()).arg("demo"));
    assert_eq!(demo.trim(), "EX-2026-0001");
    let list = stdout(warroom(dir.path()).arg("list"));
    assert!(
        list.contains("IR-2026-0001") && list.contains("Phishing wave"),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.starts_with("EX-2026-0001") && l.contains("[EXERCISE]")),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(warroom(dir.path()).args(["list", "--json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn snapshot_renders_the_dashboard_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let welcome = stdout(warroom(dir.path()).arg("snapshot"));
    assert!(welcome.contains("No incident in this store yet"));
    assert_eq!(welcome.lines().count(), 40);
    let id = new_incident(dir.path());
    let screen =
        stdout(warroom(dir.path()).args(["snapshot", &id, "--width", "120", "--height", "40"]));
    assert!(
        screen.contains(&id) && screen.contains("Checklist") && screen.contains("Phishing wave")
    );
    assert!(screen.lines().all(|l| l.chars().count() <= 120));
    let small = stdout(warroom(dir.path()).args(["snapshot", "--width", "60", "--height", "20"]));
    assert!(small.contains("at least 80×24"), "{small}");
}

#[test]
fn verify_reports_every_journal() {
    let dir = tempfile::tempdir().unwrap();
    new_incident(dir.path());
    stdout(warroom(dir.path()).arg("demo"));
    let out = stdout(warroom(dir.path()).arg("verify"));
    assert!(out.contains("IR-2026-0001: ok, 1 events"), "{out}");
    assert!(out.contains("EX-2026-0001: ok, 8 events"), "{out}");
}

#[test]
fn config_check_accepts_the_example_and_locates_errors() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.yaml");
    warroom(dir.path())
        .args(["config", "check"])
        .arg(&example)
        .assert()
        .success()
        .stdout("ok\n");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "organisation: ACME\norganization: typo\n").unwrap();
    warroom(dir.path())
        .args(["config", "check"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:2:1: unknown field `organization`",
            bad.display()
        )));
    // The same file given as --config stops any command before it touches the store.
    warroom(dir.path())
        .arg("--config")
        .arg(&bad)
        .arg("list")
        .assert()
        .code(2);
    assert!(!dir.path().join("db").exists());
}

#[test]
fn a_store_in_use_is_named_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let _owner = warroom::store::SledStore::open(dir.path()).unwrap();
    let out = warroom(dir.path())
        .arg("list")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&dir.path().display().to_string()) && err.contains("in use"),
        "{err}"
    );
}

#[test]
fn help_names_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(warroom(dir.path()).arg("--help"));
    for name in [
        "new",
        "list",
        "show",
        "note",
        "check",
        "alert-retainer",
        "snapshot",
        "verify",
        "config",
    ] {
        assert!(help.contains(name), "{name} missing from --help");
    }
}

#[test]
fn verify_names_the_first_altered_event() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_incident(dir.path());
    for n in 0..3 {
        stdout(warroom(dir.path()).args(["note", &id, &format!("note {n}")]));
    }
    {
        // Tamper with event 2 behind warroom's back, as an attacker with disk access could.
        let db = sled::open(dir.path().join("db")).unwrap();
        let journal = db.open_tree(format!("journal/{id}")).unwrap();
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
