//! The engine on hand-made definitions: triggers, spans, caps, chains, precedence, and
//! properties (deadlines do not depend on when or in what company they are folded;
//! states only move forward).

use super::*;
use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-10-24T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn def(id: &str, starts: &str, duration: &str) -> ClockDef {
    ClockDef {
        id: id.into(),
        name: id.into(),
        authority: "A".into(),
        starts: starts.parse().unwrap(),
        duration: duration.parse().unwrap(),
        warn: Warn::default(),
        applies: vec![],
        cap: None,
        note: String::new(),
    }
}

fn state(d: &ClockDef, facts: &ClockFacts) -> ClockState {
    d.state(facts, t0(), t0())
}

fn deadline(d: &ClockDef, facts: &ClockFacts) -> Option<DateTime<Utc>> {
    state(d, facts).deadline()
}

#[test]
fn text_forms_parse_and_print_back() {
    for (text, span) in [
        ("72h", Span::Minutes(72 * 60)),
        ("30m", Span::Minutes(30)),
        ("5d", Span::Minutes(5 * 24 * 60)),
        ("1 month", Span::Months(1)),
        ("contract", Span::Contract),
    ] {
        assert_eq!(text.parse::<Span>(), Ok(span));
        assert_eq!(span.to_string(), text);
    }
    for bad in ["", "72", "h", "0h", "-3h", "3 weeks", "0 months"] {
        assert!(bad.parse::<Span>().is_err(), "{bad}");
    }
    assert_eq!("25%".parse::<Warn>(), Ok(Warn::Percent(25)));
    assert_eq!("6h".parse::<Warn>(), Ok(Warn::Minutes(360)));
    assert!("120%".parse::<Warn>().is_err());
    assert_eq!(
        "met:nis2-notification".parse::<Trigger>(),
        Ok(Trigger::Met("nis2-notification".into()))
    );
    assert!("when-ready".parse::<Trigger>().is_err());
    assert!("met:".parse::<Trigger>().is_err());
}

#[test]
fn spans_too_long_for_the_calendar_saturate_instead_of_panicking() {
    let max = DateTime::<Utc>::MAX_UTC;
    let mut minutes = def("minutes", "declared", "200000000000m");
    let months = def("months", "declared", "4294967295 months");
    let facts = ClockFacts::default();
    assert_eq!(deadline(&minutes, &facts), Some(max));
    assert_eq!(deadline(&months, &facts), Some(max));
    for warn in ["9999999999999999m", "100%", "25%"] {
        minutes.warn = warn.parse().unwrap();
        let ClockState::Running { warn_at, .. } = state(&minutes, &facts) else {
            panic!("running")
        };
        assert!(warn_at <= max, "{warn}");
    }
    let mut short = def("short", "declared", "1h");
    short.warn = "9999999999999999m".parse().unwrap();
    let ClockState::Running { warn_at, .. } = state(&short, &facts) else {
        panic!("running")
    };
    assert!(warn_at < t0(), "amber from the start");
    let mut capped = def("capped", "declared", "1h");
    capped.cap = Some(Cap {
        after_awareness: "4294967295 months".parse().unwrap(),
    });
    assert_eq!(deadline(&capped, &facts), Some(t0() + TimeDelta::hours(1)));
    // A retainer's contract time is at most u32::MAX minutes: always representable.
    let sla = def("sla", "retainer-alerted", "contract");
    let facts = ClockFacts {
        retainer: Some(RetainerTerms::around_the_clock(t0(), u32::MAX)),
        ..ClockFacts::default()
    };
    assert!(deadline(&sla, &facts).is_some());
}

#[test]
fn waits_for_its_trigger_then_runs_from_it() {
    let gdpr = def("gdpr", "personal-data", "72h");
    let mut facts = ClockFacts::default();
    assert_eq!(state(&gdpr, &facts), ClockState::Waiting);
    let aware = t0() + TimeDelta::minutes(7) + TimeDelta::seconds(13);
    facts.flags.insert(Flag::PersonalData, aware);
    assert_eq!(deadline(&gdpr, &facts), Some(aware + TimeDelta::hours(72)));
}

#[test]
fn the_retainer_clock_uses_the_contract_time_recorded_with_the_alert() {
    let sla = def("sla", "retainer-alerted", "contract");
    let facts = ClockFacts {
        retainer: Some(RetainerTerms::around_the_clock(t0(), 45)),
        ..ClockFacts::default()
    };
    assert_eq!(deadline(&sla, &facts), Some(t0() + TimeDelta::minutes(45)));
}

#[test]
fn dora_initial_is_the_earlier_of_4h_after_classification_and_24h_after_awareness() {
    let mut dora = def("dora", "major", "4h");
    dora.cap = Some(Cap {
        after_awareness: "24h".parse().unwrap(),
    });
    let awareness = t0();
    let at = |major: DateTime<Utc>| {
        let mut facts = ClockFacts::default();
        facts.flags.insert(Flag::Major, major);
        dora.state(&facts, t0(), awareness).deadline()
    };
    // Classified early: 4 h after classification comes first.
    assert_eq!(
        at(t0() + TimeDelta::hours(1)),
        Some(t0() + TimeDelta::hours(5))
    );
    // Classified late: the 24 h after awareness comes first.
    assert_eq!(
        at(t0() + TimeDelta::hours(22)),
        Some(t0() + TimeDelta::hours(24))
    );
    // Exactly at the boundary both agree.
    assert_eq!(
        at(t0() + TimeDelta::hours(20)),
        Some(t0() + TimeDelta::hours(24))
    );
}

#[test]
fn a_chained_clock_starts_when_the_one_before_is_met() {
    let notification = def("nis2-notification", "significant", "72h");
    let final_report = def("nis2-final", "met:nis2-notification", "1 month");
    let mut facts = ClockFacts::default();
    facts.flags.insert(Flag::Significant, t0());
    assert_eq!(state(&final_report, &facts), ClockState::Waiting);
    let sent = t0() + TimeDelta::hours(50);
    facts
        .met
        .insert("nis2-notification".into(), (sent, "ANSSI-42".into()));
    assert!(matches!(
        state(&notification, &facts),
        ClockState::Met { at, .. } if at == sent
    ));
    // One calendar month after 2026-10-26T14:00Z.
    assert_eq!(
        deadline(&final_report, &facts),
        Some(
            DateTime::parse_from_rfc3339("2026-11-26T14:00:00Z")
                .unwrap()
                .with_timezone(&Utc)
        )
    );
}

#[test]
fn a_deadline_does_not_move_across_a_daylight_saving_change() {
    use chrono_tz::Europe::Paris;
    // Aware on Saturday 24 Oct 2026, 14:00 in Paris (CEST); clocks go back on the 25th.
    let gdpr = def("gdpr", "personal-data", "72h");
    let mut facts = ClockFacts::default();
    facts.flags.insert(Flag::PersonalData, t0());
    let due = deadline(&gdpr, &facts).unwrap();
    assert_eq!(due - t0(), TimeDelta::hours(72), "72 real hours");
    assert_eq!(
        t0().with_timezone(&Paris).format("%d %H:%M %Z").to_string(),
        "24 14:00 CEST"
    );
    // Shown in Paris the deadline reads an hour earlier on the wall clock: 13:00 CET.
    assert_eq!(
        due.with_timezone(&Paris).format("%d %H:%M %Z").to_string(),
        "27 13:00 CET"
    );
}

#[test]
fn not_applicable_until_the_organisation_is_an_entity_then_counted_from_the_trigger() {
    let mut early = def("nis2-early", "significant", "24h");
    early.applies = vec![Flag::Nis2Entity];
    let mut facts = ClockFacts::default();
    facts.flags.insert(Flag::Significant, t0());
    assert_eq!(state(&early, &facts), ClockState::NotApplicable);
    facts
        .flags
        .insert(Flag::Nis2Entity, t0() + TimeDelta::hours(3));
    assert_eq!(deadline(&early, &facts), Some(t0() + TimeDelta::hours(24)));
    let facts = ClockFacts {
        entity: EntityFlags {
            nis2: true,
            dora: false,
        },
        ..ClockFacts::default()
    };
    assert_eq!(state(&early, &facts), ClockState::Waiting);
}

#[test]
fn started_by_hand_met_and_waived() {
    let subjects = def("subjects", "manual", "72h");
    let mut facts = ClockFacts::default();
    assert_eq!(state(&subjects, &facts), ClockState::Waiting);
    facts.started.insert("subjects".into(), t0());
    assert!(matches!(
        state(&subjects, &facts),
        ClockState::Running { .. }
    ));
    facts.waived.insert(
        "subjects".into(),
        (t0() + TimeDelta::hours(1), "data encrypted".into()),
    );
    assert!(matches!(
        state(&subjects, &facts),
        ClockState::Waived { ref reason, .. } if reason == "data encrypted"
    ));
    // Met before it was waived: met wins, being first.
    facts.met.insert(
        "subjects".into(),
        (t0() + TimeDelta::minutes(30), "mail".into()),
    );
    assert!(matches!(state(&subjects, &facts), ClockState::Met { .. }));
}

#[test]
fn urgency_orders_overdue_first_then_due_soon_then_running() {
    let running = |hours: i64, started_ago: i64| ClockState::Running {
        start: t0() - TimeDelta::hours(started_ago),
        deadline: t0() + TimeDelta::hours(hours),
        warn_at: t0() + TimeDelta::hours(hours) - TimeDelta::hours(2),
    };
    let now = t0();
    let mut all = [
        (ClockState::Waiting, "waiting"),
        (running(10, 1), "later"),
        (running(1, 1), "due soon"),
        (running(-3, 5), "overdue 3h"),
        (running(-1, 5), "overdue 1h"),
        (running(5, 1), "sooner"),
    ];
    all.sort_by_key(|(s, _)| s.urgency(now));
    let order: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
    assert_eq!(
        order,
        [
            "overdue 3h",
            "overdue 1h",
            "due soon",
            "sooner",
            "later",
            "waiting"
        ]
    );
}

fn rank(s: &ClockState) -> u8 {
    match s {
        ClockState::NotApplicable | ClockState::Waiting => 0,
        ClockState::Running { .. } => 1,
        ClockState::Met { .. } | ClockState::Waived { .. } => 2,
    }
}

#[derive(Debug, Clone)]
enum Fact {
    Flag(Flag, i64),
    Start(i64),
    Met(i64),
    Waive(i64),
    Retainer(i64),
}

fn any_fact() -> impl Strategy<Value = Fact> {
    let flag = prop_oneof![
        Just(Flag::PersonalData),
        Just(Flag::Significant),
        Just(Flag::Major),
        Just(Flag::Nis2Entity)
    ];
    prop_oneof![
        (flag, 0i64..10_000).prop_map(|(f, m)| Fact::Flag(f, m)),
        (0i64..10_000).prop_map(Fact::Start),
        (0i64..10_000).prop_map(Fact::Met),
        (0i64..10_000).prop_map(Fact::Waive),
        (0i64..10_000).prop_map(Fact::Retainer),
    ]
}

/// Records `fact` as an event at minute `clock` (which only moves forward, as event
/// instants do); a flag may be backdated by its own minutes, as the CLI allows.
fn record(facts: &mut ClockFacts, fact: &Fact, id: &str, clock: &mut i64) {
    let at = |m: i64| t0() + TimeDelta::minutes(m);
    match fact {
        Fact::Flag(f, back) => {
            facts.flags.entry(*f).or_insert(at(*clock - back));
        }
        Fact::Start(step) => {
            *clock += step;
            ClockFacts::earliest(&mut facts.started, id, at(*clock), |t| *t);
        }
        Fact::Met(step) => {
            *clock += step;
            ClockFacts::earliest(&mut facts.met, id, (at(*clock), "r".into()), |(t, _)| *t);
        }
        Fact::Waive(step) => {
            *clock += step;
            ClockFacts::earliest(&mut facts.waived, id, (at(*clock), "w".into()), |(t, _)| *t);
        }
        Fact::Retainer(step) => {
            *clock += step;
            facts
                .retainer
                .get_or_insert(RetainerTerms::around_the_clock(at(*clock), 60));
        }
    }
}

fn defs() -> Vec<ClockDef> {
    let mut nis2 = def("c", "significant", "24h");
    nis2.applies = vec![Flag::Nis2Entity];
    vec![
        def("c", "personal-data", "72h"),
        def("c", "retainer-alerted", "contract"),
        def("c", "manual", "1 month"),
        nis2,
    ]
}

proptest! {
    #[test]
    fn states_only_move_forward(facts_in in proptest::collection::vec(any_fact(), 0..20)) {
        for d in defs() {
            let mut facts = ClockFacts::default();
            let mut clock = 0;
            let mut last = 0;
            for fact in &facts_in {
                record(&mut facts, fact, "c", &mut clock);
                let now = rank(&state(&d, &facts));
                prop_assert!(now >= last, "{:?} went back", d.starts);
                last = now;
            }
        }
    }

    /// A deadline once set never moves later. It may move earlier, only when a start by
    /// hand or a backdated flag says the clock started before it was thought to.
    #[test]
    fn a_deadline_once_set_never_moves_later(facts_in in proptest::collection::vec(any_fact(), 0..20)) {
        for d in defs() {
            let mut facts = ClockFacts::default();
            let mut clock = 0;
            let mut last: Option<DateTime<Utc>> = None;
            for fact in &facts_in {
                record(&mut facts, fact, "c", &mut clock);
                let earlier_start = matches!(fact, Fact::Start(_) | Fact::Flag(_, 1..));
                let now = deadline(&d, &facts);
                match (last, now) {
                    (Some(was), Some(now)) if earlier_start => prop_assert!(now <= was),
                    (Some(was), Some(now)) => prop_assert_eq!(was, now),
                    (Some(_), None) => prop_assert!(false, "a deadline disappeared"),
                    _ => {}
                }
                last = now.or(last);
            }
        }
    }
}
