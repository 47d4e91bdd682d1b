//! Properties of the fold: deterministic, incremental equals full, unknown refs ignored.

use super::*;
use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

fn declaration() -> Declaration {
    Declaration {
        id: IncidentId::new(false, 2026, 7),
        title: "Phishing wave".into(),
        severity: Severity::Medium,
        category: Category::Fraud,
        tlp: Tlp::Amber,
        detected_at: None,
        commander: None,
        scope: Scope::default(),
        summary: String::new(),
        exercise: false,
        phases: vec![
            PhaseSpec {
                id: "identification".into(),
                name: "Identification".into(),
            },
            PhaseSpec {
                id: "containment".into(),
                name: "Containment".into(),
            },
        ],
        checklist: vec![
            ItemSpec {
                id: "i1".into(),
                phase: "identification".into(),
                text: "Scope".into(),
                owner: None,
            },
            ItemSpec {
                id: "i2".into(),
                phase: "identification".into(),
                text: "Severity".into(),
                owner: None,
            },
            ItemSpec {
                id: "c1".into(),
                phase: "containment".into(),
                text: "Isolate".into(),
                owner: None,
            },
        ],
    }
}

fn chain(changes: Vec<Change>) -> Vec<Event> {
    let mut head = ChainHead::genesis();
    let mut events = Vec::new();
    let all = std::iter::once(Change::Declared(declaration())).chain(changes);
    for (n, change) in all.enumerate() {
        let event = head.next_event(t0() + TimeDelta::minutes(n as i64), "alice", change);
        head = head.advanced(&event.to_record());
        events.push(event);
    }
    events
}

#[test]
fn declaration_sets_everything() {
    let state = fold(&chain(vec![])).unwrap();
    assert_eq!(state.title, "Phishing wave");
    assert_eq!(state.current_phase, 0);
    assert_eq!(state.progress(0), (0, 2));
    assert_eq!(state.progress(1), (0, 1));
    assert_eq!(state.declared_at, t0());
}

#[test]
fn check_uncheck_and_phase() {
    let state = fold(&chain(vec![
        Change::ItemChecked { item: "i1".into() },
        Change::ItemChecked { item: "i2".into() },
        Change::ItemUnchecked { item: "i2".into() },
        Change::PhaseAdvanced {
            phase: "containment".into(),
            name: "Containment".into(),
        },
        Change::ItemChecked {
            item: "nope".into(),
        },
    ]))
    .unwrap();
    assert_eq!(state.progress(0), (1, 2));
    let done = state.item("i1").and_then(|i| i.done.clone()).unwrap();
    assert_eq!(done.at, t0() + TimeDelta::minutes(1));
    assert_eq!(done.by, "alice");
    assert_eq!(state.phase().map(|p| p.name.as_str()), Some("Containment"));
    assert_eq!(state.event_count, 6);
}

#[test]
fn retainer_clock_runs_from_first_alert() {
    let alert = || Change::RetainerAlerted {
        retainer: "CSIRT".into(),
        response_minutes: 60,
    };
    let state = fold(&chain(vec![alert(), alert()])).unwrap();
    let a = state.retainer_alert.unwrap();
    assert_eq!(a.at, t0() + TimeDelta::minutes(1));
}

#[test]
fn corrections_refer_to_the_original() {
    let state = fold(&chain(vec![
        Change::NoteAdded {
            text: "FS02 down".into(),
        },
        Change::Corrected {
            event: 2,
            text: "it was FS03".into(),
        },
    ]))
    .unwrap();
    assert_eq!(state.corrections.get(&2), Some(&vec![3]));
}

#[test]
fn journal_must_start_with_a_declaration() {
    assert_eq!(fold(&[]), Err(FoldError::Empty));
    let mut events = chain(vec![Change::NoteAdded { text: "x".into() }]);
    events.remove(0);
    assert_eq!(fold(&events), Err(FoldError::NotDeclaredFirst(2)));
    let twice = chain(vec![Change::Declared(declaration())]);
    assert_eq!(fold(&twice), Err(FoldError::DeclaredTwice(2)));
}

fn any_change() -> impl Strategy<Value = Change> {
    let item = prop_oneof![Just("i1"), Just("i2"), Just("c1"), Just("zz")].prop_map(String::from);
    prop_oneof![
        item.clone().prop_map(|item| Change::ItemChecked { item }),
        item.prop_map(|item| Change::ItemUnchecked { item }),
        "[a-z]{0,8}".prop_map(|text| Change::NoteAdded { text }),
        (0u8..6).prop_map(|l| Change::SeverityChanged {
            severity: Severity::ALL[l as usize]
        }),
        prop_oneof![Just("identification"), Just("containment"), Just("nope")].prop_map(|p| {
            Change::PhaseAdvanced {
                phase: p.into(),
                name: p.into(),
            }
        }),
        (1u32..120).prop_map(|m| Change::RetainerAlerted {
            retainer: "R".into(),
            response_minutes: m
        }),
    ]
}

proptest! {
    #[test]
    fn fold_is_deterministic_and_incremental(changes in proptest::collection::vec(any_change(), 0..40)) {
        let events = chain(changes);
        let full = fold(&events).unwrap();
        prop_assert_eq!(&full, &fold(&events).unwrap());
        let mut live = IncidentState::declared(&events[0]).unwrap();
        for e in &events[1..] {
            live.apply(e).unwrap();
        }
        prop_assert_eq!(&live, &full);
        prop_assert_eq!(full.event_count, events.len() as u64);
        prop_assert!(full.current_phase < full.phases.len());
    }

    #[test]
    fn summary_follows_the_fold(changes in proptest::collection::vec(any_change(), 0..30)) {
        let events = chain(changes);
        let mut head = ChainHead::genesis().advanced(&events[0].to_record());
        let mut summary = IncidentSummary::declared(&events[0], head.clone()).unwrap();
        for e in &events[1..] {
            head = head.advanced(&e.to_record());
            summary.apply(e, head.clone());
        }
        let state = fold(&events).unwrap();
        prop_assert_eq!(summary.severity, state.severity);
        prop_assert_eq!(Some(summary.phase.as_str()), state.phase().map(|p| p.name.as_str()));
        prop_assert_eq!(summary.head.count, events.len() as u64);
    }
}
