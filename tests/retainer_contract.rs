#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The retainer contract as written: response time by severity, counted in business
//! hours less public holidays, and an incident beyond the contract's scope said at once.

mod common;
use common::cli::*;

const CONTRACT: &str = r#"
contacts:
  - { id: ot-vendor, name: "OT Vendor Hotline", phones: ["+33 1 99 99 99 99"], kind: provider }
retainer:
  name: "Acme IR"
  contract: "IR-42"
  response_minutes: 480
  response:
    - { from_severity: 4, within: 1h }
    - { from_severity: 3, within: 4h }
  coverage: { hours: "08:00-18:00", time_zone: Europe/Paris, holidays: FR }
  scope: [network, endpoints]
  report_due_days: 10
  out_of_scope: [ot-vendor]
"#;

fn with_contract(cmd: &mut assert_cmd::Command, dir: &std::path::Path) {
    cmd.arg("--config").arg(dir.join("config.yaml"));
}

#[test]
fn the_response_time_of_the_tier_is_counted_in_business_hours() {
    let dir = tmp();
    let id = declare_with_config(
        dir.path(),
        CONTRACT,
        "File server encrypted",
        &["--severity", "3"],
    );
    // Friday 27 November 2026, 17:00 in Paris: one covered hour that day, three on Monday.
    let mut alert = warroom_at(dir.path(), "2026-11-27T16:00:00Z");
    with_contract(&mut alert, dir.path());
    ok(alert.args(["alert-retainer", &id]));
    let shown = show_json(dir.path(), &id);
    let clocks = shown["clocks"].as_array().unwrap();
    let sla = clocks.iter().find(|c| c["id"] == "retainer-sla").unwrap();
    assert_eq!(sla["deadline"], "2026-11-30T10:00:00Z", "{sla}");
    assert_eq!(sla["in_business_hours"], true, "{sla}");
    // Amber with a quarter of the covered time left (Monday 09:00 in Paris), not on
    // Sunday evening.
    assert_eq!(sla["warn_at"], "2026-11-30T09:00:00Z", "{sla}");
    let mut snapshot = warroom_at(dir.path(), "2026-11-27T16:30:00Z");
    with_contract(&mut snapshot, dir.path());
    let screen = ok(snapshot.args(["snapshot", &id, "--width", "160", "--height", "50"]));
    assert!(screen.contains("counted in business hours"), "{screen}");
    assert!(
        screen.contains("responds within 240 min of business hours"),
        "{screen}"
    );
}

#[test]
fn the_retainers_report_is_due_days_after_closure() {
    let dir = tmp();
    let id = declare_with_config(dir.path(), CONTRACT, "Phishing", &["--severity", "4"]);
    let report = |dir: &std::path::Path| {
        let shown = show_json(dir, &id);
        let clocks = shown["clocks"].as_array().unwrap().clone();
        clocks
            .into_iter()
            .find(|c| c["id"] == "retainer-report")
            .unwrap()
    };
    // No retainer alerted: no report owed.
    assert_eq!(report(dir.path())["status"], "not_applicable");
    let mut alert = warroom(dir.path());
    with_contract(&mut alert, dir.path());
    ok(alert.args(["alert-retainer", &id]));
    assert_eq!(report(dir.path())["status"], "waiting");
    ok(warroom(dir.path()).args(["close", &id, "--resolution", "resolved", "--leave-open"]));
    let due = report(dir.path());
    assert_eq!(due["status"], "running", "{due}");
    assert_eq!(due["deadline"], "2026-12-08T14:00:00Z", "{due}");
    assert_eq!(due["authority"], "Acme IR", "{due}");
    // Reopened: not due until closed again.
    ok(warroom(dir.path()).args(["reopen", &id, "--reason", "reinfection"]));
    assert_eq!(report(dir.path())["status"], "waiting");
}

#[test]
fn an_incident_beyond_the_contract_says_whom_to_call() {
    let dir = tmp();
    std::fs::write(dir.path().join("config.yaml"), CONTRACT).unwrap();
    let mut new = warroom(dir.path());
    with_contract(&mut new, dir.path());
    let out = new
        .args([
            "new",
            "--title",
            "PLC halted",
            "--severity",
            "4",
            "--scope",
            "network,ot",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("outside the retainer contract: OT (industrial) — call OT Vendor Hotline (+33 1 99 99 99 99)"),
        "{stderr}"
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    // Amended to what the contract covers: nothing said.
    let mut set = warroom(dir.path());
    with_contract(&mut set, dir.path());
    let out = set
        .args(["set", &id, "scope", "network,endpoints"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8(out.stderr).unwrap().is_empty());
    // Amended beyond it again: said again, and on the dashboard's Incident pane.
    let mut set = warroom(dir.path());
    with_contract(&mut set, dir.path());
    let out = set
        .args(["set", &id, "scope", "cloud"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("outside the retainer contract: cloud")
    );
    let mut snapshot = warroom(dir.path());
    with_contract(&mut snapshot, dir.path());
    let screen = ok(snapshot.args(["snapshot", &id, "--width", "200", "--height", "50"]));
    assert!(
        screen.contains("outside the retainer contract: cloud — call OT Vendor Hotline"),
        "{screen}"
    );
}

#[test]
fn a_bad_scope_is_refused_with_the_areas() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args(["new", "--title", "x", "--severity", "2", "--scope", "moon"]),
        2,
    );
    assert!(
        err.contains("network, cloud, endpoints, ot, personal-data"),
        "{err}"
    );
}
