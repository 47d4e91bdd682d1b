#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `warroom ready`: what the preparation lacks, with the fix for each; `contacts verify`.

mod common;
use common::cli::*;

const PREPARED: &str = r#"
point_of_contact: { name: "Camille", phones: ["+33 6 00 00 00 01"], checked: 2026-10-01 }
contacts:
  - { id: karim, name: "Karim", roles: [point-of-contact], phones: ["+33 6 00 00 00 02"], checked: 2026-09-01 }
retainer:
  name: "Acme IR"
  hotline: "+33 1 00 00 00 00"
  contract: "IR-42"
  response_minutes: 240
  response: [{ from_severity: 4, within: 1h }]
  scope: [network, endpoints]
nis2_entity: true
dora_entity: false
sector: manufacturing
"#;

fn with_config(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = warroom(dir);
    cmd.arg("--config").arg(dir.join("config.yaml"));
    cmd
}

#[test]
fn a_prepared_organisation_is_ready_once_its_contacts_are_verified_and_a_drill_run() {
    let dir = tmp();
    std::fs::write(dir.path().join("config.yaml"), PREPARED).unwrap();
    // Not yet: no drill, and the retainer's details never verified.
    let out = with_config(dir.path())
        .args(["ready"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("✗ No drill was ever run"), "{listed}");
    assert!(
        listed.contains("fix: call or write to check them, then: warroom contacts verify retainer"),
        "{listed}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("Not ready: 2 things to put right")
    );
    ok(with_config(dir.path()).args(["drill", "phishing-campaign"]));
    let said = ok(with_config(dir.path()).args(["contacts", "verify", "retainer"]));
    assert!(
        said.contains("contact retainer verified on 2026-11-28"),
        "{said}"
    );
    assert_eq!(
        ok(with_config(dir.path()).args(["ready"])).trim(),
        "Ready: nothing missing"
    );
}

#[test]
fn the_json_carries_stable_ids_and_a_schema_version() {
    let dir = tmp();
    let out = warroom(dir.path())
        .args(["ready", "--json"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["ready"], false);
    let ids: Vec<&str> = value["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    for id in [
        "no-point-of-contact",
        "no-deputy",
        "retainer-contract",
        "no-drill",
        "nis2-unstated",
        "sector-unstated",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    assert!(value["gaps"][0]["fix"].is_string());
}

#[test]
fn verifying_a_contact_checks_the_day_and_the_contact() {
    let dir = tmp();
    let err = fails(
        warroom(dir.path()).args(["contacts", "verify", "retainer", "--on", "2027-01-01"]),
        2,
    );
    assert!(err.contains("a day still to come"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["contacts", "verify", "retainer", "--on", "tomorrow"]),
        2,
    );
    assert!(err.contains("expected a day as YYYY-MM-DD"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["contacts", "verify", "nobody-at-all"]),
        1,
    );
    assert!(err.contains("nobody-at-all"), "{err}");
    // A day past is kept as given, and shown with the contact.
    ok(warroom(dir.path()).args(["contacts", "verify", "cert-fr", "--on", "2026-06-01"]));
    let listed: serde_json::Value =
        serde_json::from_str(&ok(warroom(dir.path()).args(["contacts", "--json"]))).unwrap();
    let cert = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "cert-fr")
        .unwrap();
    assert_eq!(cert["checked"], "2026-06-01", "{cert}");
}

#[test]
fn the_welcome_screen_shows_what_the_preparation_lacks() {
    let dir = tmp();
    let screen = ok(warroom(dir.path()).args(["snapshot", "--width", "120", "--height", "40"]));
    assert!(
        screen.contains("Before the incident: 12 to put right (warroom ready)"),
        "{screen}"
    );
    assert!(
        screen.contains("✗ No deputy for the point of contact — give a second person"),
        "{screen}"
    );
    assert!(screen.contains("… and 6 more: warroom ready"), "{screen}");
    std::fs::write(dir.path().join("config.yaml"), PREPARED).unwrap();
    ok(with_config(dir.path()).args(["contacts", "verify", "retainer"]));
    // Still no drill (one would open its incident instead of the welcome screen).
    let screen = ok(with_config(dir.path()).args(["snapshot", "--width", "120", "--height", "40"]));
    assert!(
        screen.contains("Before the incident: 1 to put right"),
        "{screen}"
    );
    assert!(screen.contains("No drill was ever run"), "{screen}");
}
