use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

fn config(yaml: &str) -> Config {
    Config::with_user_text("user.yaml", yaml).unwrap()
}

fn ids(gaps: &[Gap]) -> Vec<&'static str> {
    gaps.iter().map(|g| g.id).collect()
}

/// An organisation that prepared everything.
const READY: &str = r#"
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
nis2_entity: false
dora_entity: false
sector: health
sector_csirt: cert-sante
"#;

fn contacts(config: &Config, saved: &[crate::domain::Event]) -> Vec<Contact> {
    crate::contacts::directory(config, saved)
}

#[test]
fn an_organisation_that_prepared_is_ready() {
    let config = config(READY);
    let drills = [NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()];
    let gaps = gaps(&config, &contacts(&config, &[]), &drills, today());
    // The retainer itself is one of the organisation's contacts to verify.
    assert_eq!(ids(&gaps), vec!["contact-stale"], "{gaps:?}");
    assert_eq!(gaps[0].subject.as_deref(), Some("retainer"));
    assert!(
        gaps[0].fix.contains("warroom contacts verify retainer"),
        "{gaps:?}"
    );
}

#[test]
fn the_default_config_lacks_everything_it_can() {
    let config = Config::embedded().unwrap();
    let gaps = gaps(&config, &contacts(&config, &[]), &[], today());
    let found = ids(&gaps);
    for id in [
        "no-point-of-contact",
        "no-deputy",
        "retainer-hotline",
        "retainer-contract",
        "retainer-tiers",
        "retainer-scope",
        "no-drill",
        "nis2-unstated",
        "dora-unstated",
        "sector-unstated",
    ] {
        assert!(found.contains(&id), "{id} missing from {found:?}");
    }
}

#[test]
fn a_contact_verified_over_a_year_ago_is_stale_until_verified_again() {
    let config = config(READY);
    let drills = [today()];
    let verified = |on: NaiveDate| crate::domain::Event {
        change: crate::domain::Change::ContactVerified {
            id: "retainer".into(),
            on,
        },
        ..crate::domain::ChainHead::genesis().next_event(
            chrono::DateTime::UNIX_EPOCH,
            "op",
            crate::domain::Change::NoteAdded {
                text: String::new(),
            },
        )
    };
    let recent = [verified(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap())];
    assert!(gaps(&config, &contacts(&config, &recent), &drills, today()).is_empty());
    let old = [verified(NaiveDate::from_ymd_opt(2025, 11, 30).unwrap())];
    let stale = gaps(&config, &contacts(&config, &old), &drills, today());
    assert_eq!(ids(&stale), vec!["contact-stale"]);
    assert!(stale[0].what.contains("2025-11-30"), "{stale:?}");
}

#[test]
fn a_drill_counts_for_a_year_and_a_sector_csirt_is_asked_for() {
    let mut config = config(READY);
    config.sector_csirt = None;
    let old_drill = [NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()];
    let found = gaps(&config, &contacts(&config, &[]), &old_drill, today());
    assert!(ids(&found).contains(&"no-drill"), "{found:?}");
    assert!(ids(&found).contains(&"no-sector-csirt"), "{found:?}");
    let fix = found.iter().find(|g| g.id == "no-sector-csirt").unwrap();
    assert!(fix.fix.contains("sector_csirt: cert-sante"), "{fix:?}");
}

#[test]
fn holidays_beyond_the_known_years_are_said() {
    let text = READY.replace(
        "  scope: [network, endpoints]",
        "  scope: [network, endpoints]\n  coverage: { hours: \"08:00-18:00\", time_zone: Europe/Paris, holidays: FR }",
    );
    let config = config(&text);
    let late = NaiveDate::from_ymd_opt(2030, 3, 1).unwrap();
    let found = gaps(&config, &contacts(&config, &[]), &[late], late);
    assert!(ids(&found).contains(&"holidays-unknown"), "{found:?}");
    assert!(
        !ids(&gaps(&config, &contacts(&config, &[]), &[today()], today()))
            .contains(&"holidays-unknown")
    );
}
