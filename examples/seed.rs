//! Fills a store with incidents, for the figures in docs/PERFORMANCE.md:
//! `cargo run --release --example seed -- DIR INCIDENTS EVENTS`.

use chrono::{TimeDelta, Utc};
use color_eyre::eyre::{Result, WrapErr, eyre};
use warroom::app::NewIncident;
use warroom::config::Config;
use warroom::domain::{Category, Change, Severity, Tlp};
use warroom::ops;
use warroom::store::{NewEvent, SledStore, Store};

fn main() -> Result<()> {
    color_eyre::install()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, incidents, events] = args.as_slice() else {
        return Err(eyre!("usage: seed DIR INCIDENTS EVENTS"));
    };
    let incidents: usize = incidents.parse().wrap_err("INCIDENTS")?;
    let events: usize = events.parse().wrap_err("EVENTS")?;
    let store = SledStore::open(std::path::Path::new(dir))?;
    let config = Config::embedded()?;
    let start = Utc::now() - TimeDelta::days(2);
    for n in 0..incidents {
        let new = NewIncident {
            title: format!("Seeded incident {n}"),
            severity: Severity::ALL[n % 6],
            category: Category::ALL[n % 11],
            tlp: Tlp::Amber,
            exercise: false,
        };
        let declared = ops::declare(&store, &config, start, "seed", &new)?;
        let Some(Change::Declared(d)) = declared.first().map(|e| &e.change) else {
            return Err(eyre!("no declaration"));
        };
        let items = config.phase_model.checklist();
        let mut batch = Vec::new();
        for k in 1..events {
            let at = start + TimeDelta::seconds(k as i64);
            let change = if k % 10 == 0 {
                Change::ItemChecked {
                    item: items[k / 10 % items.len()].id.clone(),
                }
            } else {
                Change::NoteAdded {
                    text: format!("seeded note {k}: something was observed and logged"),
                }
            };
            batch.push(NewEvent::new(at, "seed", change));
            if batch.len() == 500 {
                store.append(d.id, &batch)?;
                batch.clear();
            }
        }
        if !batch.is_empty() {
            store.append(d.id, &batch)?;
        }
    }
    println!("seeded {incidents} incidents of {events} events in {dir}");
    Ok(())
}
