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
                stages: vec![],
            },
            PhaseSpec {
                id: "containment".into(),
                name: "Containment".into(),
                stages: vec![],
            },
        ],
        checklist: vec![
            ItemSpec {
                id: "i1".into(),
                phase: "identification".into(),
                text: "Scope".into(),
                owner: None,
                hints: Hints::default(),
            },
            ItemSpec {
                id: "i2".into(),
                phase: "identification".into(),
                text: "Severity".into(),
                owner: None,
                hints: Hints::default(),
            },
            ItemSpec {
                id: "c1".into(),
                phase: "containment".into(),
                text: "Isolate".into(),
                owner: None,
                hints: Hints::default(),
            },
        ],
        phase_model: None,
        playbook: None,
        clocks: vec![ClockDef {
            id: "gdpr".into(),
            name: "GDPR".into(),
            authority: "CNIL".into(),
            starts: Trigger::Flag(Flag::PersonalData),
            duration: Span::Minutes(72 * 60),
            warn: Warn::default(),
            applies: vec![],
            cap: None,
            note: String::new(),
        }],
        entity: EntityFlags::default(),
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
            left_open: vec![],
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
fn a_backdated_flag_moves_the_deadline_earlier_never_later() {
    let minutes = TimeDelta::minutes;
    let flag = |at: Option<i64>| Change::FlagSet {
        flag: Flag::PersonalData,
        at: at.map(|m| t0() + minutes(m)),
    };
    let deadline = |changes| {
        let state = fold(&chain(changes)).unwrap();
        state.clocks().get("gdpr").unwrap().state.deadline()
    };
    // Recorded at event 2 (t0 + 1 min), then backdated to 30 min before t0.
    assert_eq!(
        deadline(vec![flag(None)]),
        Some(t0() + minutes(1) + TimeDelta::hours(72))
    );
    let backdated = vec![flag(None), flag(Some(-30)), flag(Some(-10)), flag(None)];
    let state = fold(&chain(backdated.clone())).unwrap();
    assert_eq!(
        state.clock_facts.flags.get(&Flag::PersonalData),
        Some(&(t0() - minutes(30)))
    );
    assert_eq!(
        deadline(backdated),
        Some(t0() - minutes(30) + TimeDelta::hours(72))
    );
}

#[test]
fn retainer_clock_runs_from_first_alert() {
    let alert = || Change::RetainerAlerted {
        retainer: "CSIRT".into(),
        response_minutes: 60,
        coverage: Default::default(),
        report_due_days: None,
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
            occurred_at: None,
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

#[test]
fn not_applicable_assignment_and_reopening() {
    let state = fold(&chain(vec![
        Change::ItemAssigned {
            item: "i1".into(),
            person: Some("Sam".into()),
        },
        Change::ItemNotApplicable {
            item: "i2".into(),
            reason: "no personal data".into(),
        },
    ]))
    .unwrap();
    let i1 = state.item("i1").unwrap();
    assert_eq!(i1.assignee.as_deref(), Some("Sam"));
    assert!(i1.is_open());
    let i2 = state.item("i2").unwrap();
    assert_eq!(
        i2.not_applicable.as_ref().unwrap().reason,
        "no personal data"
    );
    // Not applicable counts as dealt with.
    assert_eq!(state.progress(0), (1, 2));
    assert_eq!(state.open_items_of_phase(0).count(), 1);

    let later = fold(&chain(vec![
        Change::ItemNotApplicable {
            item: "i2".into(),
            reason: "r".into(),
        },
        Change::ItemChecked { item: "i2".into() },
        Change::ItemAssigned {
            item: "i2".into(),
            person: None,
        },
    ]))
    .unwrap();
    let i2 = later.item("i2").unwrap();
    assert!(i2.not_applicable.is_none() && i2.done.is_some() && i2.assignee.is_none());
    let reopened = fold(&chain(vec![
        Change::ItemNotApplicable {
            item: "i2".into(),
            reason: "r".into(),
        },
        Change::ItemUnchecked { item: "i2".into() },
    ]))
    .unwrap();
    assert!(reopened.item("i2").unwrap().is_open());
}

#[test]
fn moving_phase_names_what_was_left_open() {
    let state = fold(&chain(vec![Change::ItemChecked { item: "i1".into() }])).unwrap();
    assert_eq!(
        state.next_phase().map(|p| p.id.as_str()),
        Some("containment")
    );
    assert_eq!(state.move_to_phase(0), None, "already there");
    assert_eq!(state.move_to_phase(9), None, "no such phase");
    let change = state.move_to_phase(1).unwrap();
    assert_eq!(
        change,
        Change::PhaseAdvanced {
            phase: "containment".into(),
            name: "Containment".into(),
            left_open: vec!["i2".into()],
        }
    );
    let moved = fold(&chain(vec![change])).unwrap();
    assert_eq!(moved.current_phase, 1);
    assert_eq!(moved.next_phase(), None);
}

#[test]
fn added_items_get_fresh_ids() {
    let spec = |id: &str| ItemSpec {
        id: id.into(),
        phase: "containment".into(),
        text: "extra".into(),
        owner: None,
        hints: Hints::default(),
    };
    let state = fold(&chain(vec![])).unwrap();
    assert_eq!(state.new_item_id(), "add-1");
    let state = fold(&chain(vec![Change::ItemAdded {
        item: spec("add-1"),
    }]))
    .unwrap();
    assert_eq!(state.new_item_id(), "add-2");
    assert_eq!(state.progress(1), (0, 2));
}

fn any_change() -> impl Strategy<Value = Change> {
    let item = prop_oneof![Just("i1"), Just("i2"), Just("c1"), Just("zz")].prop_map(String::from);
    prop_oneof![
        item.clone().prop_map(|item| Change::ItemChecked { item }),
        item.clone().prop_map(|item| Change::ItemUnchecked { item }),
        item.clone().prop_map(|item| Change::ItemNotApplicable {
            item,
            reason: "r".into()
        }),
        (item, prop::option::of("[a-z]{1,5}"))
            .prop_map(|(item, person)| Change::ItemAssigned { item, person }),
        "[a-z]{0,8}".prop_map(|text| Change::NoteAdded { text }),
        (0u8..6).prop_map(|l| Change::Amended {
            amendment: Amendment::Severity(Severity::ALL[l as usize]),
            reason: String::new(),
        }),
        "[a-z]{1,5}".prop_map(|t| Change::Amended {
            amendment: Amendment::Title(t),
            reason: "r".into(),
        }),
        any::<bool>().prop_map(|on| Change::Amended {
            amendment: Amendment::Nis2(on),
            reason: String::new(),
        }),
        Just(Change::Closed {
            resolution: Resolution::Resolved,
            summary: String::new(),
            left_running: vec![],
        }),
        Just(Change::Reopened { reason: "r".into() }),
        (1u64..45).prop_map(|event| Change::Retracted {
            event,
            reason: "r".into()
        }),
        (1u64..45, -200i64..200).prop_map(|(event, m)| Change::Corrected {
            event,
            text: "t".into(),
            occurred_at: Some(t0() + TimeDelta::minutes(m)),
        }),
        Just(Change::ClockStarted {
            clock: "gdpr".into()
        }),
        (-200i64..200).prop_map(|m| Change::FlagSet {
            flag: Flag::PersonalData,
            at: Some(t0() + TimeDelta::minutes(m)),
        }),
        "[a-z]{1,5}".prop_map(|contact| Change::ContactAttempted {
            contact,
            contact_id: None,
            outcome: ContactOutcome::Reached,
            note: String::new(),
        }),
        "[a-z]{1,5}".prop_map(|text| Change::LessonAdded {
            lesson: Lesson {
                kind: LessonKind::Cause,
                text,
                owner: None,
                due: None,
            }
        }),
        prop_oneof![Just("identification"), Just("containment"), Just("nope")].prop_map(|p| {
            Change::PhaseAdvanced {
                phase: p.into(),
                name: p.into(),
                left_open: vec![],
            }
        }),
        (1u32..120).prop_map(|m| Change::RetainerAlerted {
            retainer: "R".into(),
            response_minutes: m,
            coverage: Default::default(),
            report_due_days: None,
        }),
        Just(Change::FlagSet {
            flag: Flag::PersonalData,
            at: None
        }),
        Just(Change::ClockMet {
            clock: "gdpr".into(),
            reference: "r".into()
        }),
        Just(Change::ClockWaived {
            clock: "gdpr".into(),
            reason: "w".into()
        }),
        any_asset_change(),
    ]
}

/// Assets reported (some twice, under another case), moved and renamed.
fn any_asset_change() -> impl Strategy<Value = Change> {
    let id = prop_oneof![Just("A1"), Just("A2"), Just("A9")].prop_map(String::from);
    let state = (0usize..5).prop_map(|i| AssetState::ALL[i]);
    prop_oneof![
        (
            prop_oneof![Just("fs01"), Just("FS01"), Just("svc")],
            prop::option::of(state.clone())
        )
            .prop_map(|(name, state)| Change::AssetAdded {
                asset: AssetSpec {
                    state,
                    ..AssetSpec::new(AssetKind::Host, name.into())
                }
            }),
        (id.clone(), state).prop_map(|(asset, state)| Change::AssetStateChanged { asset, state }),
        (id, prop_oneof![Just("fs01"), Just("db")]).prop_map(|(asset, name)| {
            Change::AssetEdited {
                asset,
                edit: AssetEdit::Name(name.into()),
            }
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
        for n in 2..=events.len() {
            live.follow(&events[..n]).unwrap();
        }
        prop_assert_eq!(&live, &full);
        prop_assert_eq!(full.event_count, events.len() as u64);
        prop_assert!(full.current_phase < full.phases.len());
    }

    /// A clock's deadline depends on the facts, not on when or after what else the
    /// journal is folded: notes appended later change no deadline.
    #[test]
    fn deadlines_do_not_depend_on_when_the_journal_is_folded(
        changes in proptest::collection::vec(any_change(), 0..30),
        notes in 0usize..5,
    ) {
        let deadlines = |events: &[Event]| -> Vec<Option<DateTime<Utc>>> {
            fold(events).unwrap().clocks().0.iter().map(|c| c.state.deadline()).collect()
        };
        let mut more = changes.clone();
        more.extend((0..notes).map(|n| Change::NoteAdded { text: format!("later {n}") }));
        prop_assert_eq!(deadlines(&chain(changes)), deadlines(&chain(more)));
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
        prop_assert_eq!(&summary.title, &state.title);
        prop_assert_eq!(summary.closed, state.closure.is_some());
        prop_assert_eq!(Some(summary.phase.as_str()), state.phase().map(|p| p.name.as_str()));
        prop_assert_eq!(summary.head.count, events.len() as u64);
    }

    /// A retracted event has no effect at all: the incident is as if it had never been
    /// recorded (a note in its place keeps the numbers), on everything but the journal's
    /// own lines.
    #[test]
    fn a_retraction_undoes_its_event(
        changes in proptest::collection::vec(any_change(), 1..40),
        pick in any::<prop::sample::Index>(),
    ) {
        let events = chain(changes.clone());
        let target = 2 + pick.index(events.len() - 1) as u64;
        let mut retracted = changes.clone();
        retracted.push(Change::Retracted { event: target, reason: "wrong".into() });
        let mut without = changes;
        without[(target - 2) as usize] = Change::NoteAdded { text: "placeholder".into() };
        prop_assert_eq!(facts(fold(&chain(retracted)).unwrap()), facts(fold(&chain(without)).unwrap()));
    }

    /// Facts are dated by when they happened, never by when they were written down: the
    /// same journal written late (each event logged an hour after it happened) folds to
    /// the same incident as one written as it happened.
    #[test]
    fn facts_follow_when_things_happened_not_when_they_were_logged(
        changes in proptest::collection::vec(any_change(), 0..30),
    ) {
        let live = chain(changes);
        let late: Vec<Event> = live
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.occurred_at = Some(e.occurred());
                e.at += TimeDelta::hours(1);
                e
            })
            .collect();
        let as_it_happened = fold(&live).unwrap();
        let written_late = fold(&late).unwrap();
        prop_assert_eq!(written_late.last_event_at, as_it_happened.last_event_at + TimeDelta::hours(1));
        prop_assert_eq!(facts(written_late), facts(as_it_happened));
    }
}

/// The state without what only describes the journal itself.
fn facts(mut state: IncidentState) -> IncidentState {
    state.retracted.clear();
    state.corrections.clear();
    state.event_count = 0;
    state.last_event_at = DateTime::UNIX_EPOCH;
    state
}

#[test]
fn a_retracted_flag_stops_its_clock_and_can_be_set_again() {
    let flag = |m: i64| Change::FlagSet {
        flag: Flag::PersonalData,
        at: Some(t0() + TimeDelta::minutes(m)),
    };
    let state = fold(&chain(vec![
        flag(-600),
        Change::Retracted {
            event: 2,
            reason: "typo".into(),
        },
    ]))
    .unwrap();
    assert!(state.clock_facts.flags.is_empty());
    assert_eq!(state.clocks().get("gdpr").unwrap().state.deadline(), None);
    let again = fold(&chain(vec![
        flag(-600),
        Change::Retracted {
            event: 2,
            reason: "typo".into(),
        },
        flag(-60),
    ]))
    .unwrap();
    assert_eq!(
        again.clocks().get("gdpr").unwrap().state.deadline(),
        Some(t0() - TimeDelta::minutes(60) + TimeDelta::hours(72))
    );
}

#[test]
fn a_correction_with_a_time_moves_the_deadline_and_a_retracted_retraction_restores() {
    let state = fold(&chain(vec![
        Change::FlagSet {
            flag: Flag::PersonalData,
            at: None,
        },
        Change::Corrected {
            event: 2,
            text: "known since the morning".into(),
            occurred_at: Some(t0() - TimeDelta::hours(5)),
        },
    ]))
    .unwrap();
    assert_eq!(
        state.clocks().get("gdpr").unwrap().state.deadline(),
        Some(t0() - TimeDelta::hours(5) + TimeDelta::hours(72))
    );
    let restored = fold(&chain(vec![
        Change::ItemChecked { item: "i1".into() },
        Change::Retracted {
            event: 2,
            reason: "not done".into(),
        },
        Change::Retracted {
            event: 3,
            reason: "it was done".into(),
        },
    ]))
    .unwrap();
    assert!(restored.item("i1").unwrap().done.is_some());
    assert_eq!(restored.retracted.get(&3).map(|r| r.0), Some(4));
    assert!(!restored.retracted.contains_key(&2));
}

#[test]
fn the_declaration_cannot_be_retracted() {
    let state = fold(&chain(vec![Change::Retracted {
        event: 1,
        reason: "oops".into(),
    }]))
    .unwrap();
    assert_eq!(state.title, "Phishing wave");
    assert!(state.retracted.is_empty());
}

#[test]
fn a_roster_change_cannot_be_retracted() {
    let member = crate::domain::Member {
        handle: "alex".into(),
        name: "Alex".into(),
        email: None,
        roles: vec![],
        access: crate::domain::Access::Write,
        public_key: "ssh-ed25519 AAAA".into(),
        unix_user: None,
    };
    let events = chain(vec![
        Change::MemberAdded { member },
        Change::MemberRevoked {
            handle: "alex".into(),
            reason: "left".into(),
        },
        Change::Retracted {
            event: 2,
            reason: "oops".into(),
        },
        Change::Retracted {
            event: 3,
            reason: "oops".into(),
        },
    ]);
    let state = fold(&events).unwrap();
    assert!(state.retracted.is_empty(), "{:?}", state.retracted);
    assert!(crate::domain::withdrawn(&events).is_empty());
    assert_eq!(state.roster.entries.len(), 1);
    assert!(state.roster.entries[0].revoked.is_some());
}

/// Signatures are checked over the change as serialised again, so a field added since
/// must be left out at its default: an event written before it then gives back the
/// very bytes its author signed.
#[test]
fn fields_added_later_leave_old_events_signing_the_same_bytes() {
    let old_shapes = [
        Change::Amended {
            amendment: Amendment::Scope(Scope {
                network: true,
                ..Scope::default()
            }),
            reason: "r".into(),
        },
        Change::RetainerAlerted {
            retainer: "CSIRT".into(),
            response_minutes: 60,
            coverage: Default::default(),
            report_due_days: None,
        },
    ];
    for change in old_shapes {
        let bytes = serde_json::to_vec(&change).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        for added in ["\"ot\"", "\"coverage\"", "\"report_due_days\""] {
            assert!(!text.contains(added), "{added} in {text}");
        }
        let again: Change = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(serde_json::to_vec(&again).unwrap(), bytes);
    }
}
