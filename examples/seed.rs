//! Fills a store with incidents, for the figures in docs/PERFORMANCE.md:
//! `cargo run --release --example seed -- DIR INCIDENTS EVENTS`.
//!
//! Each incident is declared with the config's checklist, then gets EVENTS - 1 more
//! events (notes, with a checklist tick every tenth), appended 500 per `Store::append`
//! so that each batch costs one transaction and one flush.

use chrono::{TimeDelta, Utc};
use color_eyre::eyre::{Result, WrapErr, eyre};
use warroom::app::NewIncident;
use warroom::config::Config;
use warroom::domain::{Category, Change, Severity, Tlp};
use warroom::ops;
use warroom::store::{NewEvent, SledStore, Store};

const BATCH: usize = 500;
const USAGE: &str = "usage: seed DIR INCIDENTS EVENTS";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, incidents, events] = args.as_slice() else {
        eprintln!("{USAGE}");
        return std::process::ExitCode::from(2);
    };
    match seed(dir, incidents, events) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seed: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn seed(dir: &str, incidents: &str, events: &str) -> Result<()> {
    let incidents: usize = incidents
        .parse()
        .wrap_err_with(|| format!("INCIDENTS must be a number, not {incidents:?}"))?;
    let events: usize = events
        .parse()
        .wrap_err_with(|| format!("EVENTS must be a number, not {events:?}"))?;
    let dir = std::path::Path::new(dir);
    let store =
        SledStore::open(dir).wrap_err_with(|| format!("opening the store in {}", dir.display()))?;
    let config = Config::embedded()?;
    let items = warroom::ops::plan(&config, None, Category::Other).checklist;
    let started = std::time::Instant::now();
    // Events one second apart, ending shortly before now.
    let start = Utc::now() - TimeDelta::seconds(i64::try_from(events)?) - TimeDelta::hours(1);
    for n in 0..incidents {
        let new = NewIncident {
            title: format!("Seeded incident {n}"),
            severity: Severity::ALL[n % Severity::ALL.len()],
            category: Category::ALL[n % Category::ALL.len()],
            tlp: Tlp::Amber,
            exercise: false,
            playbook: None,
            scope: Default::default(),
        };
        let declared = ops::declare(&store, &config, start, "seed", &new, None)?;
        let Some(Change::Declared(d)) = declared.first().map(|e| &e.change) else {
            return Err(eyre!("the store returned no declaration"));
        };
        let mut batch = Vec::with_capacity(BATCH);
        for k in 1..events {
            let at = start + TimeDelta::seconds(i64::try_from(k)?);
            let change = match items.get((k / 10) % items.len().max(1)) {
                Some(item) if k % 10 == 0 => Change::ItemChecked {
                    item: item.id.clone(),
                },
                _ => Change::NoteAdded {
                    text: format!("seeded note {k}: something was observed and logged"),
                },
            };
            batch.push(NewEvent::new(at, "seed", change));
            if batch.len() == BATCH {
                store.append(d.id, &batch)?;
                batch.clear();
            }
        }
        if !batch.is_empty() {
            store.append(d.id, &batch)?;
        }
    }
    println!(
        "seeded {incidents} incidents of {events} events in {} ({:.1} s)",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
