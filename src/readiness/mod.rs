//! Ready before the storm: what an organisation's preparation lacks, each with its fix.
//! `gaps` is pure: the config, the directory, when drills began and today go in; the
//! list comes out, the same for `warroom ready` and the welcome screen. `last_drill`
//! reads when the latest drill began from a store.

use crate::config::Config;
use crate::domain::coverage::LAST_HOLIDAY_YEAR;
use crate::domain::{Contact, ContactKind};
use crate::text;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How long a verification or a drill counts.
const YEAR_DAYS: i64 = 365;

/// Something missing or stale, with how to put it right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// A stable id for scripts: `no-deputy`, `contact-stale`...
    pub id: &'static str,
    /// What it is about, when there are several of a kind (a contact's id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// What is missing, in the operator's language.
    pub what: String,
    /// What to do about it.
    pub fix: String,
}

impl Gap {
    fn new(id: &'static str, what: String, fix: String) -> Self {
        Gap {
            id,
            subject: None,
            what,
            fix,
        }
    }
}

/// What the preparation lacks; empty when ready. `drills` are the days drills began.
pub fn gaps(
    config: &Config,
    directory: &[Contact],
    drills: &[NaiveDate],
    today: NaiveDate,
) -> Vec<Gap> {
    let mut gaps = Vec::new();
    people(config, directory, &mut gaps);
    contract(config, today, &mut gaps);
    verifications(config, directory, today, &mut gaps);
    match drills.iter().max() {
        Some(last) if (today - *last).num_days() <= YEAR_DAYS => {}
        last => gaps.push(Gap::new(
            "no-drill",
            match last {
                Some(last) => text::ready_drill_old(&last.to_string()),
                None => text::ready_drill_never(),
            },
            text::ready_drill_fix(),
        )),
    }
    statuses(config, &mut gaps);
    gaps
}

fn reachable(c: &Contact) -> bool {
    !c.phones.is_empty() || !c.email.trim().is_empty()
}

/// A point of contact to call, and a deputy for when they cannot be reached.
fn people(config: &Config, directory: &[Contact], gaps: &mut Vec<Gap>) {
    let poc = &config.point_of_contact;
    if !reachable(poc) {
        gaps.push(Gap::new(
            "no-point-of-contact",
            text::ready_poc(),
            text::ready_poc_fix(),
        ));
    }
    let deputy = directory
        .iter()
        .any(|c| c.key() != poc.key() && c.covers("point-of-contact") && reachable(c));
    if !deputy {
        gaps.push(Gap::new(
            "no-deputy",
            text::ready_deputy(),
            text::ready_deputy_fix(),
        ));
    }
}

/// The retainer's contract: a hotline, a number to quote, response times by severity,
/// a scope; public holidays known for the year to come.
fn contract(config: &Config, today: NaiveDate, gaps: &mut Vec<Gap>) {
    let r = &config.retainer;
    let missing = [
        ("retainer-hotline", r.hotline.trim().is_empty(), "hotline"),
        (
            "retainer-contract",
            r.contract.trim().is_empty(),
            "contract",
        ),
        ("retainer-tiers", r.response.is_empty(), "response"),
        ("retainer-scope", r.scope.is_none(), "scope"),
    ];
    for (id, lacking, key) in missing {
        if lacking {
            gaps.push(Gap::new(
                id,
                text::ready_retainer(key),
                text::ready_retainer_fix(key),
            ));
        }
    }
    if let Some(country) = &r.coverage.holidays
        && today.year() + 1 > LAST_HOLIDAY_YEAR
    {
        gaps.push(Gap::new(
            "holidays-unknown",
            text::ready_holidays(country.code(), LAST_HOLIDAY_YEAR),
            text::ready_holidays_fix(),
        ));
    }
}

/// Each of the organisation's own contacts checked within the year (the shipped public
/// directory is checked with warroom's releases, its sources named).
fn verifications(config: &Config, directory: &[Contact], today: NaiveDate, gaps: &mut Vec<Gap>) {
    let public = &config.catalog.public_contacts;
    let own = directory
        .iter()
        .filter(|c| !public.iter().any(|p| p.key() == c.key()) || c.kind == ContactKind::Retainer);
    for c in own {
        let what = match c.checked {
            Some(on) if (today - on).num_days() <= YEAR_DAYS => continue,
            Some(on) => text::ready_contact_old(&c.name, &on.to_string()),
            None => text::ready_contact_never(&c.name),
        };
        gaps.push(Gap {
            id: "contact-stale",
            subject: Some(c.key()),
            what,
            fix: text::ready_contact_fix(&c.key()),
        });
    }
}

/// NIS2 and DORA status stated, the sector stated, its CSIRT chosen where it has one.
fn statuses(config: &Config, gaps: &mut Vec<Gap>) {
    if !config.stated.nis2 {
        gaps.push(Gap::new(
            "nis2-unstated",
            text::ready_unstated("nis2_entity"),
            text::ready_unstated_fix("nis2_entity"),
        ));
    }
    if !config.stated.dora {
        gaps.push(Gap::new(
            "dora-unstated",
            text::ready_unstated("dora_entity"),
            text::ready_unstated_fix("dora_entity"),
        ));
    }
    match config.sector {
        None => gaps.push(Gap::new(
            "sector-unstated",
            text::ready_unstated("sector"),
            text::ready_sector_fix(),
        )),
        Some(sector) => {
            if let Some(csirt) = sector.csirt()
                && config.sector_csirt.is_none()
            {
                gaps.push(Gap::new(
                    "no-sector-csirt",
                    text::ready_sector_csirt(csirt),
                    text::ready_sector_csirt_fix(csirt),
                ));
            }
        }
    }
}

/// The day the latest drill began, from the store: exercises newest first, each
/// journal read only until one starts a drill script (the demo is an exercise too, but
/// no drill). At start-up this is one journal read, seldom more.
pub fn last_drill(
    store: &dyn crate::store::Store,
) -> Result<Option<NaiveDate>, crate::store::StoreError> {
    let mut exercises: Vec<_> = store.list()?.into_iter().filter(|s| s.exercise).collect();
    exercises.sort_by_key(|s| std::cmp::Reverse(s.declared_at));
    for summary in exercises {
        // A journal that cannot be read is for `warroom verify` and `repair` to report;
        // it must not stop the check of everything else.
        let events = match store.events(summary.id) {
            Ok(events) => events,
            Err(e) => {
                tracing::warn!(id = %summary.id, error = %e, "a drill's journal could not be read");
                continue;
            }
        };
        let started = events.into_iter().find_map(|e| {
            matches!(e.change, crate::domain::Change::DrillStarted { .. })
                .then(|| e.occurred_at.unwrap_or(e.at).date_naive())
        });
        if started.is_some() {
            return Ok(started);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests;
