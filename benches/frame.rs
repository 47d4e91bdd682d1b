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
use warroom::domain::{Category, Change, Event, Severity, Tlp, fold};
use warroom::ops;
use warroom::store::{MemoryStore, NewEvent, Store};

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
    };
    let declared = ops::declare(&store, &config, t0, "bench", &new).unwrap();
    let Change::Declared(d) = &declared[0].change else {
        unreachable!()
    };
    let items = config.phase_model.checklist();
    let batch: Vec<NewEvent> = (1..events)
        .map(|k| {
            let change = if k % 10 == 0 {
                Change::ItemChecked {
                    item: items[k / 10 % items.len()].id.clone(),
                }
            } else {
                Change::NoteAdded {
                    text: format!("note {k}: firewall logs for segment {} exported", k % 7),
                }
            };
            NewEvent::new(t0 + TimeDelta::seconds(k as i64), "bench", change)
        })
        .collect();
    store.append(d.id, &batch).unwrap();
    store
        .append(
            d.id,
            &[NewEvent::new(
                t0,
                "bench",
                Change::RetainerAlerted {
                    retainer: "R".into(),
                    response_minutes: 60,
                },
            )],
        )
        .unwrap();
    (
        config,
        store.events(d.id).unwrap(),
        t0 + TimeDelta::hours(3),
    )
}

fn frames(c: &mut Criterion) {
    let (config, events, now) = incident(10_000);
    let app = App::new(Start {
        config,
        author: "bench".into(),
        data_dir: "/var/lib/warroom".into(),
        now,
        zone: Zone::Fixed(FixedOffset::east_opt(3600).unwrap()),
        incidents: vec![],
        events: Some(events.clone()),
    });
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
}

criterion_group!(benches, frames);
criterion_main!(benches);
