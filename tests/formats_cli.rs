//! Exchange formats from the command line: MISP and STIX exports that come back as the
//! same register, the same ids at every export, files refused whole with the JSON path
//! of their first error and nothing stored, what the audience's TLP leaves out said on
//! standard error, and the journal as a Timesketch timeline.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use common::exchange::{OBSERVABLES, register, register_in_full, rich_incident, with_attack};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn export(dir: &Path, id: &str, args: &[&str]) -> String {
    ok(warroom(dir).args(["ioc", "export", id]).args(args))
}

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

fn notes(dir: &Path, id: &str) -> Vec<String> {
    let listed: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir).args(["ioc", "list", id, "--json"]))).unwrap();
    listed
        .iter()
        .map(|o| o["spec"]["note"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn round_trip(format: &str) {
    let dir = tmp();
    let id = rich_incident(dir.path());
    with_attack(dir.path(), &id);
    // Reported an hour before, and again now: seen from 13:00 to 14:00.
    ok(warroom(dir.path()).args(["--at", "-1h", "ioc", "add", &id, "ip", "198.51.100.7"]));
    let file = write(
        dir.path(),
        "out.json",
        &export(dir.path(), &id, &["--format", format]),
    );
    let fresh = declare(dir.path(), "Shared by a partner", "3");
    // No --format: the content says which.
    let later = "2026-11-29T10:00:00Z";
    let said = ok(warroom_at(dir.path(), later)
        .args(["ioc", "import", &fresh])
        .arg(&file)
        .arg("--json"));
    let said: Value = serde_json::from_str(&said).unwrap();
    assert_eq!(said["format"], format);
    assert_eq!(said["added"], OBSERVABLES.len());
    assert_eq!(said["merged"], 0);
    assert_eq!(said["skipped"], 0);
    assert_eq!(register(dir.path(), &fresh), register(dir.path(), &id));
    // The seen dates and the sources came with them (not the import's time, the next
    // day). A source not stated says where it came from.
    let (sent, got) = (
        register_in_full(dir.path(), &id),
        register_in_full(dir.path(), &fresh),
    );
    let from = if format == "misp" {
        "MISP: Ransomware on the file servers"
    } else {
        "STIX"
    };
    for (sent, got) in sent.iter().zip(&got) {
        let source = if sent.5.is_empty() { from } else { &sent.5 };
        assert_eq!(got.5, source, "{sent:?}");
        // STIX carries no seen dates for a CVE, a technique or an `other` value.
        if format == "misp" || !["cve", "technique", "other"].contains(&sent.0.as_str()) {
            assert_eq!((&got.6, &got.7), (&sent.6, &sent.7), "{sent:?}");
        }
    }
    assert_eq!(got[0].5, "proxy");
    // The notes came back as written, and an observable without one has none: nothing
    // generated for the export is taken for an analyst's note.
    assert_eq!(notes(dir.path(), &fresh), notes(dir.path(), &id));
    assert!(notes(dir.path(), &id).iter().any(String::is_empty));
    assert!(notes(dir.path(), &id).iter().any(|n| !n.is_empty()));
    assert_eq!(
        (got[0].6.as_str(), got[0].7.as_str()),
        ("2026-11-28T13:00:00Z", "2026-11-28T14:00:00Z")
    );
    // Again: every one merged into itself, the register unchanged.
    let again = ok(warroom_at(dir.path(), later)
        .args(["ioc", "import", &fresh])
        .arg(&file));
    assert!(again.contains("0 observables added, 17 merged"), "{again}");
    assert_eq!(register(dir.path(), &fresh), register(dir.path(), &id));
    assert_eq!(register_in_full(dir.path(), &fresh), got);
    ok(warroom(dir.path()).args(["verify", &fresh]));
}

#[test]
fn a_misp_event_comes_back_as_the_same_register() {
    round_trip("misp");
}

#[test]
fn a_stix_bundle_comes_back_as_the_same_register() {
    round_trip("stix");
}

#[test]
fn exports_are_refanged_and_give_the_same_ids_every_time() {
    let dir = tmp();
    let id = rich_incident(dir.path());
    for format in ["misp", "stix", "csv"] {
        let first = export(dir.path(), &id, &["--format", format]);
        assert_eq!(
            first,
            export(dir.path(), &id, &["--format", format]),
            "{format}"
        );
        assert!(first.contains("198.51.100.7"), "{format}");
        assert!(first.contains("https://evil.example/pay"), "{format}");
        assert!(
            !first.contains("[.]") && !first.contains("hxxp"),
            "{format}"
        );
    }
    let misp: Value =
        serde_json::from_str(&export(dir.path(), &id, &["--format", "misp"])).unwrap();
    let event = &misp["Event"];
    assert_eq!(event["info"], "Ransomware on the file servers");
    assert_eq!(event["threat_level_id"], "1");
    let tags: Vec<&str> = event["Tag"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    // The most restrictive observable is TLP:RED.
    assert_eq!(tags, ["tlp:red", "rsit:malicious-code=\"infected-system\""]);
    let ip = &event["Attribute"][0];
    assert_eq!(ip["type"], "ip-dst");
    assert_eq!(ip["to_ids"], true);
    assert_eq!(ip["comment"], "C2 \"beacon\" (source: proxy)");
    assert_eq!(ip["Sighting"].as_array().unwrap().len(), 1);

    let stix: Value =
        serde_json::from_str(&export(dir.path(), &id, &["--format", "stix"])).unwrap();
    let objects = stix["objects"].as_array().unwrap();
    let of_type = |t: &str| objects.iter().filter(|o| o["type"] == t).count();
    // IOCs: every kind a pattern can match, but for the file path and the account.
    assert_eq!(of_type("indicator"), 12);
    assert_eq!(of_type("observed-data"), 14);
    assert_eq!(of_type("sighting"), 4);
    let red = objects
        .iter()
        .find(|o| o["id"] == "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1")
        .unwrap();
    assert_eq!(red["name"], "TLP:RED");
    let pattern = objects
        .iter()
        .find(|o| o["type"] == "indicator" && o["name"] == "invoice.pdf.exe")
        .unwrap();
    assert_eq!(pattern["pattern"], "[file:name = 'invoice.pdf.exe']");
}

#[test]
fn what_the_audience_may_not_see_is_left_out_and_said() {
    let dir = tmp();
    let id = rich_incident(dir.path());
    let out = warroom(dir.path())
        .args([
            "ioc",
            "export",
            &id,
            "--format",
            "csv",
            "--max-tlp",
            "green",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let csv = String::from_utf8(out.stdout).unwrap();
    let said = String::from_utf8(out.stderr).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "id,kind,value,ioc,sighted,tlp,source,first_seen,last_seen,note,links"
    );
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[1].starts_with("O2,cidr,203.0.113.0/24,true,false,TLP:GREEN,"));
    assert!(rows[2].starts_with("O3,domain,evil.example,true,false,TLP:CLEAR,"));
    assert!(
        said.contains("13 observables left out (TLP:AMBER)"),
        "{said}"
    );
    assert!(
        said.contains("1 observable left out (TLP:AMBER+STRICT)"),
        "{said}"
    );
    assert!(said.contains("1 observable left out (TLP:RED)"), "{said}");

    // The title is the incident's (TLP:AMBER): a green audience gets the id only.
    let misp: Value = serde_json::from_str(&export(
        dir.path(),
        &id,
        &["--format", "misp", "--max-tlp", "green"],
    ))
    .unwrap();
    assert_eq!(misp["Event"]["info"], id.as_str());
    assert_eq!(misp["Event"]["Tag"][0]["name"], "tlp:green");
    assert_eq!(misp["Event"]["distribution"], "1");
    let fr = warroom(dir.path())
        .args(["--lang", "fr", "ioc", "export", &id, "--format", "stix"])
        .args(["--max-tlp", "clear"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let fr = String::from_utf8(fr).unwrap();
    assert!(
        fr.contains("1 observable laissé de côté (TLP:GREEN)"),
        "{fr}"
    );
    assert!(
        fr.contains("titre et résumé de l’incident laissés de côté"),
        "{fr}"
    );

    // red: everything, nothing said.
    let all = warroom(dir.path())
        .args(["ioc", "export", &id, "--format", "csv", "--max-tlp", "red"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(all.stderr.is_empty());
    assert_eq!(String::from_utf8(all.stdout).unwrap().lines().count(), 18);
}

#[test]
fn the_journal_is_a_timesketch_timeline() {
    let dir = tmp();
    let id = rich_incident(dir.path());
    let csv = ok(warroom(dir.path()).args(["export", &id, "--format", "timesketch-csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "message,datetime,timestamp,timestamp_desc,incident,event,author,kind,tlp,recorded_at,retracted"
    );
    // Declared, the note, 17 observables; the note written an hour late has a second row.
    assert_eq!(lines.count(), 20, "{csv}");
    assert!(
        csv.contains("\"Servers isolated, \"\"quarantine\"\" VLAN\",2026-11-28T13:00:00.000000Z,1795870800000000,Response action,"),
        "{csv}"
    );
    let jsonl = ok(warroom(dir.path()).args(["export", &id, "--format", "timesketch-jsonl"]));
    let rows: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 20);
    assert_eq!(rows[0]["event"], "2");
    assert_eq!(rows[0]["timestamp_desc"], "Response action");
    assert_eq!(rows[0]["kind"], "note_added");
    let recorded = rows
        .iter()
        .find(|r| r["timestamp_desc"] == "Event recorded")
        .unwrap();
    assert_eq!(recorded["event"], "2");
    assert_eq!(recorded["datetime"], "2026-11-28T14:00:00.000000Z");
    assert_eq!(recorded["timestamp"], 1_795_874_400_000_000_i64);

    let out = warroom(dir.path())
        .args([
            "export",
            &id,
            "--format",
            "timesketch-jsonl",
            "--max-tlp",
            "green",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("19 journal events left out (TLP:AMBER)"),
        "{said}"
    );

    let refused = fails(
        warroom(dir.path()).args(["export", &id, "--format", "md", "--max-tlp", "green"]),
        2,
    );
    assert!(refused.contains("--max-tlp applies to"), "{refused}");
}

#[test]
fn a_file_with_an_error_is_refused_whole_with_where_and_nothing_is_stored() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "4");
    let events = journal_len(dir.path(), &id);
    let bad_misp = r#"{"Event": {"info": "x", "Attribute": [
        {"type": "domain", "value": "fine.example", "to_ids": true},
        {"type": "ip-dst", "value": "300.1.1.1", "to_ids": true}]}}"#;
    let bad_stix = r#"{"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "domain-name", "id": "domain-name--1", "value": "fine.example"},
        {"type": "indicator", "id": "indicator--2", "pattern_type": "stix",
         "pattern": "[file:hashes.MD5 = 'abc']"}]}"#;
    let cases: [(&str, &str, &[&str], &str); 10] = [
        (
            "date.misp.json",
            r#"{"Event": {"Attribute": [{"type": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e", "first_seen": "yesterday"}]}}"#,
            &[],
            "date.misp.json: Event.Attribute[0].first_seen: 'yesterday' is not a date and time",
        ),
        (
            "stamp.misp.json",
            r#"{"Event": {"Attribute": [{"type": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e", "timestamp": "0"}]}}"#,
            &[],
            "stamp.misp.json: Event.Attribute[0].timestamp: 0 is outside the dates warroom accepts (1990 to 2100)",
        ),
        (
            "date.stix.json",
            r#"{"type": "bundle", "id": "bundle--1", "objects": [
                {"type": "domain-name", "id": "domain-name--1", "value": "fine.example"},
                {"type": "observed-data", "id": "observed-data--2", "object_refs": ["domain-name--1"],
                 "first_observed": "1970-01-01T00:00:00Z", "last_observed": "2026-11-28T13:00:00Z"}]}"#,
            &[],
            "date.stix.json: objects[1].first_observed: 1970-01-01T00:00:00Z is outside",
        ),
        (
            "bad.misp.json",
            bad_misp,
            &[],
            "bad.misp.json: Event.Attribute[1].value: '300.1.1.1' is not a valid ip",
        ),
        (
            "bad.stix.json",
            bad_stix,
            &[],
            "bad.stix.json: objects[1].pattern: 'abc' is not a valid md5",
        ),
        (
            "text.json",
            "{\"Event\": [",
            &[],
            "text.json: not JSON (line 1, column 11)",
        ),
        (
            "other.json",
            "{\"a\": 1}",
            &[],
            "other.json: neither a MISP event",
        ),
        (
            "stix.json",
            bad_stix,
            &["--format", "misp"],
            "stix.json: Event: missing",
        ),
        (
            "noval.json",
            r#"{"Event": {"Attribute": [{"type": "md5"}]}}"#,
            &[],
            "noval.json: Event.Attribute[0].value: missing",
        ),
        (
            "flag.json",
            r#"{"Event": {"Attribute": [{"type": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e", "to_ids": "maybe"}]}}"#,
            &[],
            "flag.json: Event.Attribute[0].to_ids: true or false was expected",
        ),
    ];
    for (name, body, args, says) in cases {
        let file = write(dir.path(), name, body);
        let said = fails(
            warroom(dir.path())
                .args(["ioc", "import", &id])
                .arg(&file)
                .args(args),
            2,
        );
        assert!(said.contains(says), "{name}: {said}");
    }
    assert_eq!(journal_len(dir.path(), &id), events);
    assert!(register(dir.path(), &id).is_empty());
    let said = fails(
        warroom(dir.path())
            .args(["--lang", "fr", "ioc", "import", &id])
            .arg(dir.path().join("text.json")),
        2,
    );
    assert!(said.contains("pas du JSON (ligne 1, colonne 11)"), "{said}");
}

#[test]
fn entries_without_an_observable_kind_are_skipped_and_counted() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing", "3");
    let file = write(
        dir.path(),
        "feed.json",
        r#"{"Event": {"info": "Partner feed", "Tag": [{"name": "tlp:green"}],
            "Attribute": [
              {"type": "AS", "value": "64496"},
              {"type": "text", "value": "free words"},
              {"type": "hostname", "value": "Mail.Evil.Example", "to_ids": "1",
               "comment": "sender host"}],
            "Object": [{"name": "file", "Attribute": [
              {"type": "sha256", "value": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
               "to_ids": false, "Tag": [{"name": "tlp:white"}], "Sighting": [{"type": "0"}]}]}]}}"#,
    );
    let said = ok(warroom(dir.path()).args(["ioc", "import", &id]).arg(&file));
    assert!(said.contains("2 observables added, 0 merged"), "{said}");
    assert!(said.contains("2 entries skipped"), "{said}");
    let got = register(dir.path(), &id);
    assert_eq!(
        got,
        vec![
            (
                "domain".into(),
                "mail.evil.example".into(),
                true,
                false,
                "TLP:GREEN".into()
            ),
            (
                "sha256".into(),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into(),
                false,
                true,
                "TLP:CLEAR".into()
            ),
        ]
    );
}
