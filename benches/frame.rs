//! One full dashboard frame with a long incident, and the fold behind it.
//! `cargo bench --bench frame`; figures in docs/PERFORMANCE.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use warroom::app::{App, NewIncident, Start, Zone};
use warroom::config::Config;
use warroom::domain::{Category, Change, ContactOutcome, Event, Severity, Tlp, fold};
use warroom::ops;
use warroom::store::{MemoryStore, Store};

const EVENTS: usize = 10_000;

/// A long, realistic incident written the way the dashboard writes it (`ops::declare`,
/// then one `ops::append` per action): the retainer alerted, a 72 h notification clock,
/// phase changes, checklist ticks, contact attempts, corrections, and notes of varying
/// length. Returns the config, the journal as stored, and a `now` just after the last
/// event.
fn incident(events: usize) -> (Config, Vec<Event>, DateTime<Utc>) {
    let config = Config::embedded().unwrap();
    let store = MemoryStore::new();
    let t0 = DateTime::parse_from_rfc3339("2026-11-28T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let new = NewIncident {
        title: "Ransomware on the file servers".into(),
        severity: Severity::Severe,
        category: Category::MaliciousCode,
        tlp: Tlp::Amber,
        exercise: false,
        playbook: None,
        scope: Default::default(),
    };
    let declared = ops::declare(&store, &config, t0, "alice", &new, None).unwrap();
    let Some(Change::Declared(d)) = declared.first().map(|e| &e.change) else {
        unreachable!("declare returns the declaration first")
    };
    let id = d.id;
    let items = warroom::ops::plan(&config, None, new.category).checklist;
    let phases = config.catalog.model.phase_specs();
    let contacts: Vec<String> = warroom::contacts::directory(&config, &[])
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let authors = ["alice", "bob", "carol.longname", "dave"];
    let mut at = t0;
    for k in 1..events {
        at += TimeDelta::seconds(17);
        let change = match k {
            1 => config.retainer.alert(warroom::domain::Severity::High),
            2 => Change::FlagSet {
                flag: warroom::domain::Flag::PersonalData,
                at: None,
            },
            k if k % 2500 == 0 => {
                let p = &phases[(k / 2500) % phases.len()];
                Change::PhaseAdvanced {
                    phase: p.id.clone(),
                    name: p.name.clone(),
                    left_open: vec![],
                }
            }
            k if k % 250 == 0 => Change::Corrected {
                event: (k - 3) as u64,
                text: "wrong host: it was fs-02, not fs-01".into(),
                occurred_at: None,
            },
            k if k % 97 == 0 => Change::ContactAttempted {
                contact_id: None,
                contact: contacts[k % contacts.len()].clone(),
                outcome: ContactOutcome::NoAnswer,
                note: "left a message with the duty officer".into(),
            },
            k if k % 10 == 0 => Change::ItemChecked {
                item: items[(k / 10) % items.len()].id.clone(),
            },
            k => Change::NoteAdded {
                text: format!(
                    "note {k}: firewall logs for segment {} exported{}",
                    k % 7,
                    " and hashed to the evidence share".repeat(k % 4)
                ),
            },
        };
        ops::append(&store, id, at, authors[k % authors.len()], vec![change]).unwrap();
    }
    let journal = store.events(id).unwrap();
    assert_eq!(journal.len(), events);
    (config, journal, at + TimeDelta::minutes(5))
}

fn benches(c: &mut Criterion) {
    let (config, events, now) = incident(EVENTS);
    let app = App::new(Start {
        config,
        author: "alice".into(),
        data_dir: "/var/lib/warroom".into(),
        now,
        zone: Zone::Fixed(FixedOffset::east_opt(3600).unwrap()),
        incidents: vec![],
        events: Some(events.clone()),
        directory: vec![],
    });
    assert!(app.active.is_some(), "the journal folds");
    for (w, h) in [(120, 40), (250, 70)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("frame {w}x{h}, 10k events"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| warroom::ui::draw(f, black_box(&app)))
                    .unwrap();
            })
        });
    }
    c.bench_function("fold 10k events", |b| {
        b.iter(|| fold(black_box(&events)).unwrap())
    });
    journal_view(c);
}

/// The full-screen journal of a 100,000-event incident: only the rows shown are drawn.
fn journal_view(c: &mut Criterion) {
    let store = warroom::store::MemoryStore::new();
    let config = Config::embedded().unwrap();
    let t0 = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
    let new = warroom::app::NewIncident {
        title: "Long incident".into(),
        severity: Severity::High,
        category: Category::Other,
        tlp: Tlp::Amber,
        exercise: false,
        playbook: None,
        scope: Default::default(),
    };
    let declared = ops::declare(&store, &config, t0, "alice", &new, None).unwrap();
    let Some(Change::Declared(d)) = declared.first().map(|e| &e.change) else {
        unreachable!("declare returns the declaration first")
    };
    let notes: Vec<Change> = (0..100_000)
        .map(|n| Change::NoteAdded {
            text: format!("note {n}: something observed and logged"),
        })
        .collect();
    ops::append(&store, d.id, t0, "bob", notes).unwrap();
    let events = store.events(d.id).unwrap();
    let mut app = App::new(Start {
        config,
        author: "alice".into(),
        data_dir: "/var/lib/warroom".into(),
        now: t0,
        zone: Zone::Fixed(FixedOffset::east_opt(3600).unwrap()),
        incidents: vec![],
        events: Some(events),
        directory: vec![],
    });
    app.update(warroom::app::Msg::Action(warroom::app::Action::OpenJournal));
    assert!(app.journal_view.is_some());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("journal view 120x40, 100k events", |b| {
        b.iter(|| {
            terminal
                .draw(|f| warroom::ui::draw(f, black_box(&app)))
                .unwrap();
        })
    });
}

criterion_group!(frame, benches);
criterion_main!(frame);
