//! The shipped clocks give the legal and contractual deadlines exactly, and bad clock
//! definitions are refused with their location.

use super::*;
use crate::domain::{ClockFacts, ClockState, Flag};
use chrono::{DateTime, TimeDelta, Utc};

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T14:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn clocks() -> Vec<crate::domain::ClockDef> {
    Config::embedded().unwrap().catalog.clocks
}

/// The deadline of shipped clock `id` given `facts`, the incident declared and aware at t0.
fn due(id: &str, facts: &ClockFacts) -> Option<DateTime<Utc>> {
    let all = clocks();
    let def = all.iter().find(|c| c.id == id).unwrap();
    def.state(facts, t0(), t0()).deadline()
}

fn entity() -> ClockFacts {
    ClockFacts {
        entity: crate::domain::EntityFlags {
            nis2: true,
            dora: true,
        },
        ..ClockFacts::default()
    }
}

#[test]
fn every_shipped_clock_has_its_legal_or_contractual_deadline_to_the_second() {
    let aware = t0() + TimeDelta::seconds(37);
    let mut facts = entity();
    facts.retainer = Some(crate::domain::clocks::RetainerTerms::around_the_clock(
        aware, 60,
    ));
    facts.flags.insert(Flag::PersonalData, aware);
    facts.flags.insert(Flag::Significant, aware);
    facts.flags.insert(Flag::Major, aware);
    facts.started.insert("gdpr-subjects".into(), aware);
    let h = TimeDelta::hours;
    assert_eq!(
        due("retainer-sla", &facts),
        Some(aware + TimeDelta::minutes(60))
    );
    assert_eq!(due("gdpr-authority", &facts), Some(aware + h(72)));
    assert_eq!(due("gdpr-subjects", &facts), Some(aware + h(72)));
    assert_eq!(due("nis2-early-warning", &facts), Some(aware + h(24)));
    assert_eq!(due("nis2-notification", &facts), Some(aware + h(72)));
    assert_eq!(due("dora-initial", &facts), Some(aware + h(4)));
    // Chained: each report from the instant the previous one was sent.
    let sent = t0() + h(60);
    facts
        .met
        .insert("nis2-notification".into(), (sent, "r".into()));
    facts.met.insert("dora-initial".into(), (sent, "r".into()));
    let month = |t: DateTime<Utc>| t.checked_add_months(chrono::Months::new(1)).unwrap();
    assert_eq!(due("nis2-final-report", &facts), Some(month(sent)));
    assert_eq!(due("dora-intermediate", &facts), Some(sent + h(72)));
    facts
        .met
        .insert("dora-intermediate".into(), (sent + h(70), "r".into()));
    assert_eq!(due("dora-final", &facts), Some(month(sent + h(70))));
}

#[test]
fn nis2_and_dora_clocks_do_not_apply_to_other_organisations() {
    let all = clocks();
    let mut facts = ClockFacts::default();
    facts.flags.insert(Flag::Significant, t0());
    facts.flags.insert(Flag::Major, t0());
    for def in all
        .iter()
        .filter(|c| c.id.starts_with("nis2") || c.id.starts_with("dora"))
    {
        assert_eq!(
            def.state(&facts, t0(), t0()),
            ClockState::NotApplicable,
            "{}",
            def.id
        );
    }
}

#[test]
fn a_user_clock_replaces_a_shipped_one_by_id_and_others_are_added() {
    let text = "clocks:\n  - id: retainer-sla\n    name: Our SOC\n    authority: SOC\n    starts: retainer-alerted\n    duration: 30m\n  - id: insurer\n    name: Insurer declaration\n    authority: Insurer\n    starts: declared\n    duration: 5d\n";
    let config = Config::with_user_text("u.yaml", text).unwrap();
    let all = &config.catalog.clocks;
    assert_eq!(all.len(), clocks().len() + 1);
    assert_eq!(all[0].name, "Our SOC");
    assert_eq!(all.last().unwrap().id, "insurer");
}

fn error_of(text: &str) -> String {
    Config::with_user_text("user.yaml", text)
        .unwrap_err()
        .to_string()
}

#[test]
fn bad_clocks_are_located() {
    let base = "clocks:\n  - id: insurer\n    name: Insurer\n    authority: Insurer\n    starts: declared\n    duration: 5d\n";
    let err = error_of(&base.replace("duration: 5d", "duration: 5 weeks"));
    assert!(
        err.starts_with(
            "user.yaml:6:15: clocks[0]: found '5 weeks', expected a duration such as 30m, 72h"
        ),
        "{err}"
    );
    let err = error_of(&base.replace("starts: declared", "starts: when-ready"));
    assert!(
        err.starts_with(
            "user.yaml:5:13: clocks[0]: found 'when-ready', expected declared, retainer-alerted"
        ),
        "{err}"
    );
    let err = error_of(&base.replace("starts: declared", "starts: met:insurer"));
    assert_eq!(
        err.lines()
            .next()
            .unwrap()
            .split(", expected")
            .next()
            .unwrap(),
        "user.yaml:5:13: found `met:insurer` as what starts `insurer`"
    );
    let twice = format!("{base}{}", &base["clocks:\n".len()..]);
    let err = error_of(&twice);
    assert_eq!(
        err,
        "user.yaml:7:9: found the clock id `insurer` twice, expected each id once"
    );
    let err = error_of(&base.replace("duration: 5d", "duration: 5d\n    applies: [eu-entity]"));
    assert!(
        err.starts_with("user.yaml:7:15: clocks[0].applies[0]: unknown variant `eu-entity`"),
        "{err}"
    );
}

#[test]
fn spans_longer_than_ten_years_are_refused_with_their_location() {
    let base = "clocks:\n  - id: other\n    name: Other\n    authority: A\n    starts: declared\n    duration: 5d\n  - id: insurer\n    name: Insurer\n    authority: Insurer\n    starts: declared\n    duration: 5d\n";
    let err = error_of(&base.replace(
        "duration: 5d\n  - id: insurer",
        "duration: 200000000000m\n  - id: insurer",
    ));
    assert_eq!(
        err,
        "user.yaml:6:15: found `duration: 200000000000m` for the clock `other`, expected at most ten years (3653d or 120 months)"
    );
    let last = |text: &str| format!("{}{text}", base.trim_end_matches("duration: 5d\n"));
    let err = error_of(&last("duration: 4294967295 months\n"));
    assert!(
        err.starts_with(
            "user.yaml:11:15: found `duration: 4294967295 months` for the clock `insurer`"
        ),
        "{err}"
    );
    let err = error_of(&last("duration: 5d\n    warn: 9999999999999999m\n"));
    assert!(
        err.starts_with("user.yaml:12:11: found `warn: 9999999999999999m` for the clock `insurer`"),
        "{err}"
    );
    let err = error_of(&last(
        "duration: 5d\n    cap: { after_awareness: 121 months }\n",
    ));
    assert!(
        err.starts_with("user.yaml:12:29: found `after_awareness: 121 months`"),
        "{err}"
    );
    // Ten years exactly is allowed.
    for ok in [
        "duration: 120 months\n",
        "duration: 3653d\n    warn: 3653d\n",
    ] {
        Config::with_user_text("user.yaml", &last(ok)).unwrap();
    }
}

#[test]
fn playbook_clock_hints_name_defined_clocks() {
    let config = Config::embedded().unwrap();
    let ids: Vec<&str> = config
        .catalog
        .clocks
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for book in &config.catalog.playbooks {
        for item in &book.items {
            for clock in item.starts.iter().chain(&item.stops) {
                assert!(ids.contains(&clock.as_str()), "{}: {clock}", item.id);
            }
        }
    }
}
