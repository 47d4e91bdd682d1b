//! The attack timeline in the fold, and dwell time.

use super::*;
use chrono::{DateTime, TimeDelta, Utc};

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

fn phase(id: &str, stages: Vec<Stage>) -> PhaseSpec {
    PhaseSpec {
        id: id.into(),
        name: id.into(),
        stages,
    }
}

fn declaration(detected_at: Option<DateTime<Utc>>) -> Declaration {
    Declaration {
        id: IncidentId::new(false, 2026, 9),
        title: "Ransomware".into(),
        severity: Severity::High,
        category: Category::MaliciousCode,
        tlp: Tlp::Amber,
        detected_at,
        commander: None,
        scope: Scope::default(),
        summary: String::new(),
        exercise: false,
        phases: vec![
            phase("identification", vec![Stage::Detect, Stage::Analyse]),
            phase("containment", vec![Stage::Contain]),
            phase("eradication", vec![Stage::Eradicate]),
        ],
        checklist: Vec::new(),
        phase_model: None,
        playbook: None,
        clocks: Vec::new(),
        entity: EntityFlags::default(),
    }
}

/// The journal: the declaration at t0, then each change an hour after the one before.
fn journal(detected_at: Option<DateTime<Utc>>, changes: Vec<Change>) -> Vec<Event> {
    let mut head = ChainHead::genesis();
    let all = std::iter::once(Change::Declared(declaration(detected_at))).chain(changes);
    all.enumerate()
        .map(|(n, change)| {
            let event = head.next_event(t0() + TimeDelta::hours(n as i64), "ann", change);
            head = head.advanced(&event.to_record());
            event
        })
        .collect()
}

fn step(id: &str, at: DateTime<Utc>, what: &str) -> Change {
    Change::AttackStepAdded {
        step: AttackStepSpec::new(id.into(), at, what.into()),
    }
}

fn state(events: &[Event]) -> IncidentState {
    fold(events).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn steps_are_read_in_the_order_they_happened_not_written() {
    let events = journal(
        None,
        vec![
            step("S1", t0() - days(2), "encryption"),
            step("S2", t0() - days(30), "phishing e-mail opened"),
            step("S3", t0() - days(9), "RDP to the file server"),
        ],
    );
    let s = state(&events);
    let order: Vec<&str> = s
        .attack_timeline
        .sorted()
        .iter()
        .map(|st| st.spec.id.as_str())
        .collect();
    assert_eq!(order, ["S2", "S3", "S1"]);
    assert_eq!(s.attack_timeline.first_activity(), Some(t0() - days(30)));
    assert_eq!(s.attack_timeline.next_id(), "S4");
    assert_eq!(
        s.attack_timeline
            .get("s3")
            .map(|st| st.recorded_by.as_str()),
        Some("ann")
    );
}

#[test]
fn an_edit_sets_one_fact_and_an_unknown_step_changes_nothing() {
    let events = journal(
        None,
        vec![
            step("S1", t0() - days(3), "phishing"),
            Change::AttackStepEdited {
                step: "S1".into(),
                edit: AttackStepEdit::Technique(Some("T1566.001".into())),
            },
            Change::AttackStepEdited {
                step: "S1".into(),
                edit: AttackStepEdit::At(t0() - days(5)),
            },
            Change::AttackStepEdited {
                step: "S9".into(),
                edit: AttackStepEdit::Description("nothing".into()),
            },
        ],
    );
    let s = state(&events);
    let s1 = s.attack_timeline.get("S1").map(|st| st.spec.clone());
    let mut expected = AttackStepSpec::new("S1".into(), t0() - days(5), "phishing".into());
    expected.technique = Some("T1566.001".into());
    assert_eq!(s1, Some(expected));
    assert_eq!(s.attack_timeline.len(), 1);
}

#[test]
fn a_retracted_step_is_gone_but_its_id_is_never_given_again() {
    let events = journal(
        None,
        vec![
            step("S1", t0() - days(3), "wrong host"),
            step("S2", t0() - days(1), "encryption"),
            Change::Retracted {
                event: 2,
                reason: "another incident".into(),
            },
        ],
    );
    let s = state(&events);
    assert!(s.attack_timeline.get("S1").is_none());
    assert!(s.attack_timeline.is_used("S1"));
    assert_eq!(s.attack_timeline.next_id(), "S3");
    assert_eq!(s.attack_timeline.first_activity(), Some(t0() - days(1)));
    // The live state follows the retraction as a fresh fold does.
    let mut live = state(&events[..3]);
    live.follow(&events).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(live, s);
}

#[test]
fn dwell_runs_from_the_first_step_to_detection_then_to_containment() {
    let detected = t0() - TimeDelta::hours(6);
    let events = journal(
        Some(detected),
        vec![
            step("S1", t0() - days(20), "initial access"),
            step("S2", t0() - days(1), "encryption"),
            Change::PhaseAdvanced {
                phase: "containment".into(),
                name: "containment".into(),
                left_open: Vec::new(),
            },
            Change::PhaseAdvanced {
                phase: "eradication".into(),
                name: "eradication".into(),
                left_open: Vec::new(),
            },
        ],
    );
    let s = state(&events);
    let d = dwell::dwell(&s);
    // Contained when it left the containment phase: event 5, four hours after t0.
    let contained = t0() + TimeDelta::hours(4);
    assert_eq!(d.first_activity, Some(t0() - days(20)));
    assert_eq!(d.detected, detected);
    assert!(!d.detected_is_declared);
    assert_eq!(d.contained, Some(contained));
    assert_eq!(d.dwell, Some(detected - (t0() - days(20))));
    assert_eq!(d.to_containment, Some(contained - detected));
    assert_eq!(d.exposure, Some(contained - (t0() - days(20))));
}

#[test]
fn dwell_follows_an_amended_detection_and_says_when_it_stands_in_for_it() {
    let events = journal(None, vec![step("S1", t0() - days(2), "access")]);
    let d = dwell::dwell(&state(&events));
    assert!(d.detected_is_declared);
    assert_eq!(d.detected, t0());
    assert_eq!(d.dwell, Some(days(2)));
    assert_eq!(
        (d.contained, d.to_containment, d.exposure),
        (None, None, None)
    );

    let mut changes = vec![step("S1", t0() - days(2), "access")];
    changes.push(Change::Amended {
        amendment: Amendment::DetectedAt(Some(t0() - days(1))),
        reason: "the EDR alert was the day before".into(),
    });
    let d = dwell::dwell(&state(&journal(None, changes)));
    assert!(!d.detected_is_declared);
    assert_eq!(d.dwell, Some(days(1)));
}

#[test]
fn no_steps_no_dwell_and_a_first_step_after_detection_gives_none() {
    let d = dwell::dwell(&state(&journal(None, Vec::new())));
    assert_eq!((d.first_activity, d.dwell), (None, None));
    let late = journal(
        Some(t0()),
        vec![step("S1", t0() + TimeDelta::hours(1), "more")],
    );
    let d = dwell::dwell(&state(&late));
    assert_eq!(d.first_activity, Some(t0() + TimeDelta::hours(1)));
    assert_eq!(d.dwell, None);
}

fn asset(name: &str, state: Option<AssetState>) -> Change {
    Change::AssetAdded {
        asset: AssetSpec {
            state,
            ..AssetSpec::new(AssetKind::Host, name.into())
        },
    }
}

fn asset_moved(id: &str, state: AssetState) -> Change {
    Change::AssetStateChanged {
        asset: id.into(),
        state,
    }
}

fn advanced(phase: &str) -> Change {
    Change::PhaseAdvanced {
        phase: phase.into(),
        name: phase.into(),
        left_open: Vec::new(),
    }
}

#[test]
fn the_first_asset_contained_before_the_phase_moves_on_is_containment() {
    let events = journal(
        Some(t0()),
        vec![
            step("S1", t0() - days(3), "access"),           // +1h
            asset("WS-042", Some(AssetState::Compromised)), // +2h
            asset("FS01", None),                            // +3h, suspected
            asset_moved("A2", AssetState::Contained),       // +4h: the first
            asset_moved("A1", AssetState::Contained),       // +5h
            advanced("containment"),                        // +6h
            advanced("eradication"),                        // +7h: the phase rule
        ],
    );
    let s = state(&events);
    assert_eq!(s.contained_at(), Some(t0() + TimeDelta::hours(7)));
    let d = dwell::dwell(&s);
    assert_eq!(d.contained, Some(t0() + TimeDelta::hours(4)));
    assert_eq!(d.to_containment, Some(TimeDelta::hours(4)));
    assert_eq!(d.exposure, Some(days(3) + TimeDelta::hours(4)));
}

#[test]
fn without_assets_contained_the_phase_rule_applies_and_the_earlier_one_wins() {
    // Assets never contained (or none at all) leave the phase rule alone.
    let events = journal(
        Some(t0()),
        vec![
            asset("WS-042", Some(AssetState::Compromised)), // +1h
            advanced("containment"),                        // +2h
            advanced("eradication"),                        // +3h
        ],
    );
    assert_eq!(
        dwell::containment(&state(&events)),
        Some(t0() + TimeDelta::hours(3))
    );
    // A host contained only after the phase moved on does not move containment later.
    let events = journal(
        Some(t0()),
        vec![
            asset("WS-042", Some(AssetState::Compromised)), // +1h
            advanced("containment"),                        // +2h
            advanced("eradication"),                        // +3h
            asset_moved("A1", AssetState::Cleaned),         // +4h
        ],
    );
    assert_eq!(
        dwell::containment(&state(&events)),
        Some(t0() + TimeDelta::hours(3))
    );
    // No asset, no phase past containment: not contained.
    let events = journal(Some(t0()), vec![advanced("containment")]);
    assert_eq!(dwell::containment(&state(&events)), None);
}

#[test]
fn an_asset_reported_already_contained_counts_from_when_it_was_reported() {
    let events = journal(
        Some(t0()),
        vec![
            asset("WS-042", Some(AssetState::Compromised)), // +1h
            asset("VPN", Some(AssetState::Restored)),       // +2h
            asset_moved("A1", AssetState::Contained),       // +3h
        ],
    );
    let s = state(&events);
    assert_eq!(s.assets.first_contained(), Some(t0() + TimeDelta::hours(2)));
    assert_eq!(dwell::dwell(&s).contained, Some(t0() + TimeDelta::hours(2)));
    // Set back to compromised later: it was contained then, and stays the first.
    let mut changes = vec![asset("WS-042", Some(AssetState::Contained))];
    changes.push(asset_moved("A1", AssetState::Compromised));
    let s = state(&journal(Some(t0()), changes));
    assert_eq!(dwell::containment(&s), Some(t0() + TimeDelta::hours(1)));
}
