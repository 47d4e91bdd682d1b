//! The attack timeline and the affected assets in the exchange files: the steps as
//! "Attacker activity" rows of the Timesketch timeline, sorted with the journal's, and
//! as STIX notes referring to their technique's attack-pattern; the assets as CSV
//! (`asset export`); what the audience's TLP leaves out of them, said; and the
//! dashboard's export of every exchange file (`ops::export_exchange`) equal to what
//! the command line writes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use common::exchange::{rich_incident, with_attack};
use serde_json::Value;

fn incident() -> (tempfile::TempDir, String) {
    let dir = tmp();
    let id = rich_incident(dir.path());
    with_attack(dir.path(), &id);
    (dir, id)
}

#[test]
fn attack_steps_are_timesketch_rows_in_time_with_the_journal() {
    let (dir, id) = incident();
    let jsonl = ok(warroom(dir.path()).args(["export", &id, "--format", "timesketch-jsonl"]));
    let rows: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 20 journal rows and 4 more events (2 assets, 2 steps), and the 2 steps' rows.
    assert_eq!(rows.len(), 26);
    let times: Vec<i64> = rows
        .iter()
        .map(|r| r["timestamp"].as_i64().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    // Weeks before the response: the first rows.
    let first = &rows[0];
    assert_eq!(first["timestamp_desc"], "Attacker activity");
    assert_eq!(
        first["message"],
        "PowerShell launched from the \"invoice\" attachment"
    );
    assert_eq!(first["datetime"], "2026-11-07T03:14:00.000000Z");
    assert_eq!(first["step"], "S1");
    assert_eq!(first["tactic"], "TA0002");
    assert_eq!(first["technique"], "T1059.001");
    assert_eq!(first["observables"], "O14");
    assert_eq!(first["tlp"], "TLP:AMBER");
    let second = &rows[1];
    assert_eq!(second["step"], "S2");
    assert_eq!(second["assets"], "A1");
    assert_eq!(second["observables"], "O1");
    assert_eq!(second["source"], "EDR alert");
    assert_eq!(rows[2]["timestamp_desc"], "Response action");

    let csv = ok(warroom(dir.path()).args(["export", &id, "--format", "timesketch-csv"]));
    assert_eq!(
        csv.lines().next().unwrap(),
        "message,datetime,timestamp,timestamp_desc,incident,event,step,author,kind,tlp,\
         recorded_at,retracted,tactic,technique,observables,assets,source"
    );
    assert!(
        csv.lines().nth(1).unwrap().starts_with(
            "\"PowerShell launched from the \"\"invoice\"\" attachment\",2026-11-07T03:14:00.000000Z,"
        ),
        "{csv}"
    );

    // The steps carry the incident's TLP (AMBER): a green audience gets none, and is told.
    let out = warroom(dir.path())
        .args([
            "export",
            &id,
            "--format",
            "timesketch-csv",
            "--max-tlp",
            "green",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("2 attack steps left out (TLP:AMBER)"),
        "{said}"
    );
    assert!(
        said.contains("23 journal events left out (TLP:AMBER)"),
        "{said}"
    );
    let fr = warroom(dir.path())
        .args(["--lang", "fr", "export", &id, "--format", "timesketch-csv"])
        .args(["--max-tlp", "clear"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let fr = String::from_utf8(fr).unwrap();
    assert!(
        fr.contains("2 étapes de l’attaque laissées de côté (TLP:AMBER)"),
        "{fr}"
    );
}

#[test]
fn attack_steps_are_stix_notes_about_the_incident_and_their_technique() {
    let (dir, id) = incident();
    // A technique the register does not have: its attack-pattern is made for the note.
    ok(warroom(dir.path())
        .args(["timeline", "add", &id, "2026-11-08T10:00:00Z"])
        .args(["Backups deleted", "--technique", "T1490"]));
    let stix: Value = serde_json::from_str(&ok(
        warroom(dir.path()).args(["export", &id, "--format", "stix"])
    ))
    .unwrap();
    let objects = stix["objects"].as_array().unwrap();
    let incident = objects.iter().find(|o| o["type"] == "incident").unwrap();
    let notes: Vec<&Value> = objects
        .iter()
        .filter(|o| o["type"] == "note" && o["abstract"].as_str().unwrap().starts_with("Attacker"))
        .collect();
    assert_eq!(notes.len(), 3);
    let pattern_of = |technique: &str| {
        objects
            .iter()
            .find(|o| {
                o["type"] == "attack-pattern"
                    && o["external_references"][0]["external_id"] == technique
            })
            .unwrap()["id"]
            .clone()
    };
    let s1 = notes[0];
    assert_eq!(
        s1["content"],
        "PowerShell launched from the \"invoice\" attachment"
    );
    assert_eq!(s1["created"], "2026-11-07T03:14:00.000Z");
    assert_eq!(
        s1["abstract"],
        "Attacker activity S1 at 2026-11-07T03:14:00.000Z (TA0002, T1059.001)"
    );
    // The register's own attack-pattern for T1059.001, not a second one.
    assert_eq!(
        s1["object_refs"],
        serde_json::json!([incident["id"], pattern_of("T1059.001")])
    );
    let made = notes[1];
    assert_eq!(made["content"], "Backups deleted");
    assert_eq!(made["object_refs"][1], pattern_of("T1490"));
    assert_eq!(notes[2]["object_refs"], serde_json::json!([incident["id"]]));
    let patterns = objects
        .iter()
        .filter(|o| o["type"] == "attack-pattern")
        .count();
    assert_eq!(patterns, 2);
    // The same ids at every export.
    assert_eq!(
        ok(warroom(dir.path()).args(["ioc", "export", &id, "--format", "stix"])),
        ok(warroom(dir.path()).args(["export", &id, "--format", "stix"]))
    );
    // Green: no steps, and said.
    let out = warroom(dir.path())
        .args(["export", &id, "--format", "stix", "--max-tlp", "green"])
        .assert()
        .success()
        .get_output()
        .clone();
    let green: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !green["objects"].as_array().unwrap().iter().any(|o| o["type"] == "note"
            && o["abstract"].as_str().unwrap().starts_with("Attacker")),
    );
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("3 attack steps left out (TLP:AMBER)"),
        "{said}"
    );
}

#[test]
fn assets_are_a_csv_table_left_out_whole_above_the_audience() {
    let (dir, id) = incident();
    let csv = ok(warroom(dir.path()).args(["asset", "export", &id]));
    assert_eq!(
        csv,
        "id,kind,name,owner,state,since,note,observables,evidence\n\
         A1,host,FS01,IT ops,compromised,2026-11-28T14:00:00.000000Z,\"file server, \"\"encrypted\"\"\",O1,\n\
         A2,account,svc_backup,,contained,2026-11-28T14:00:00.000000Z,,,\n"
    );
    // A move entered late and dated before the last one: the state now stays the later
    // one, since its own time.
    ok(warroom(dir.path()).args(["--at", "-2h", "asset", "state", &id, "A2", "cleaned"]));
    let file = dir.path().join("assets.csv");
    ok(warroom(dir.path())
        .args([
            "asset",
            "export",
            &id,
            "--format",
            "csv",
            "--max-tlp",
            "amber",
            "-o",
        ])
        .arg(&file));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("A2,account,svc_backup,,contained,2026-11-28T14:00:00.000000Z,"),
        "{written}"
    );
    let out = warroom(dir.path())
        .args(["asset", "export", &id, "--max-tlp", "green"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "id,kind,name,owner,state,since,note,observables,evidence\n"
    );
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("2 affected assets left out (TLP:AMBER)"),
        "{said}"
    );
    let fr = fails(
        warroom(dir.path()).args(["--lang", "fr", "asset", "export", &id, "--format", "xlsx"]),
        2,
    );
    assert!(fr.contains("xlsx"), "{fr}");
    let said = String::from_utf8(
        warroom(dir.path())
            .args(["--lang", "fr", "asset", "export", &id, "--max-tlp", "clear"])
            .assert()
            .success()
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        said.contains("2 actifs touchés laissés de côté (TLP:AMBER)"),
        "{said}"
    );
}

#[test]
fn the_dashboard_writes_every_exchange_file_as_the_command_line_does() {
    use warroom::domain::IncidentId;
    use warroom::store::SledStore;
    let (dir, id) = incident();
    let cli = |args: &[&str]| ok(warroom(dir.path()).args(args));
    let wanted = [
        (
            "misp.json",
            cli(&["ioc", "export", &id, "--format", "misp"]),
        ),
        ("stix.json", cli(&["export", &id, "--format", "stix"])),
        (
            "timesketch.jsonl",
            cli(&["export", &id, "--format", "timesketch-jsonl"]),
        ),
        (
            "observables.csv",
            cli(&["ioc", "export", &id, "--format", "csv"]),
        ),
        ("assets.csv", cli(&["asset", "export", &id])),
    ];
    let store = SledStore::open(dir.path()).unwrap();
    let config = warroom::config::Config::embedded().unwrap();
    let incident: IncidentId = id.parse().unwrap();
    let paths = warroom::ops::export_exchange(&store, &config, incident).unwrap();
    let reports = dir.path().join("reports");
    assert_eq!(
        paths,
        wanted
            .iter()
            .map(|(tail, _)| reports.join(format!("{id}-{tail}")))
            .collect::<Vec<_>>()
    );
    for (path, (tail, body)) in paths.iter().zip(&wanted) {
        // Everything: the team's own copy (the observables at TLP:RED too).
        assert_eq!(&std::fs::read_to_string(path).unwrap(), body, "{tail}");
    }
    assert!(wanted[3].1.contains("TLP:RED"));
    // Written again: replaced whole, nothing left beside them.
    warroom::ops::export_exchange(&store, &config, incident).unwrap();
    let names = std::fs::read_dir(&reports).unwrap().count();
    assert_eq!(names, 5);
}
