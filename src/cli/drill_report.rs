//! `warroom drill report ID`: how fast a drill went, beside the drill before it.

use super::{Failure, Outcome};
use crate::config::Config;
use crate::domain::{DrillTimes, IncidentId, fold};
use crate::store::Store;
use crate::text;
use crate::ui::format::{hms, safe};
use chrono::TimeDelta;

/// The shape of `--json`, bumped when it changes.
const SCHEMA_VERSION: u32 = 1;

fn times_of(
    store: &dyn Store,
    id: IncidentId,
    commanders: &[String],
) -> Result<Option<DrillTimes>, Failure> {
    let events = store.events(id)?;
    let state = fold(&events).map_err(|e| Failure::Failed(format!("{id}: {e}")))?;
    Ok(DrillTimes::of(&state, &events, commanders))
}

pub fn report(store: &dyn Store, config: &Config, id: IncidentId, json: bool) -> Outcome {
    let directory = crate::contacts::directory(config, &store.directory_events()?);
    let commanders: Vec<String> = directory
        .iter()
        .filter(|c| c.covers("incident-commander"))
        .map(|c| c.key())
        .collect();
    let Some(this) = times_of(store, id, &commanders)? else {
        return Err(Failure::Failed(text::drill_not_a_drill(&id.to_string())));
    };
    // The drill before it: the latest that began earlier.
    let mut previous: Option<DrillTimes> = None;
    for summary in store
        .list()?
        .into_iter()
        .filter(|s| s.exercise && s.id != id)
    {
        // Another drill's journal that cannot be read is left out, and said.
        let other = times_of(store, summary.id, &commanders).unwrap_or_else(|e| {
            eprintln!("warroom: {}", safe(e.message()));
            None
        });
        if let Some(other) = other
            && other.started < this.started
            && previous.as_ref().is_none_or(|p| p.started < other.started)
        {
            previous = Some(other);
        }
    }
    if json {
        let value = serde_json::json!({
            "schema_version": SCHEMA_VERSION,
            "drill": this,
            "previous": previous,
        });
        outln!("{}", crate::report::pretty_json(&value).unwrap_or_default());
        return Ok(());
    }
    outln!(
        "{}",
        text::drill_report_title(
            &this.id.to_string(),
            &safe(&this.scenario),
            &this.started.format("%Y-%m-%d %H:%M UTC").to_string()
        )
    );
    let before = previous.as_ref();
    if let Some(p) = before {
        outln!("{}", text::drill_report_compared(&p.id.to_string()));
    }
    let mut rows: Vec<(String, Option<TimeDelta>, Option<Option<TimeDelta>>)> = vec![
        (
            text::drill_to_declare(),
            this.to_declare,
            before.map(|p| p.to_declare),
        ),
        (
            text::drill_to_alert_retainer(),
            this.to_alert_retainer,
            before.map(|p| p.to_alert_retainer),
        ),
        (
            text::drill_to_reach_commander(),
            this.to_reach_commander,
            before.map(|p| p.to_reach_commander),
        ),
    ];
    for n in &this.notifications {
        let earlier = before.map(|p| {
            p.notifications
                .iter()
                .find(|o| o.clock == n.clock)
                .and_then(|o| o.sent_after)
        });
        rows.push((
            text::drill_notification_sent(&safe(&crate::i18n::localized(&n.name))),
            n.sent_after,
            earlier,
        ));
    }
    let width = rows
        .iter()
        .map(|(label, ..)| label.chars().count())
        .max()
        .unwrap_or(0);
    for (label, now, then) in rows {
        let shown = |t: Option<TimeDelta>| t.map_or_else(text::drill_never, hms);
        let mut line = format!("{label:<width$}  {:>9}", shown(now));
        if let Some(then) = then {
            line.push_str(&format!("  {:>9}", shown(then)));
            if let (Some(now), Some(then)) = (now, then) {
                line.push_str(&format!("  {}", compared(now, then)));
            }
        }
        outln!("{}", line.trim_end());
    }
    let mut open = text::drill_items_open(this.items_open, this.items);
    if let Some(p) = before {
        open = format!("{open} ({})", text::drill_items_open(p.items_open, p.items));
    }
    outln!("{open}");
    Ok(())
}

/// `12:00 faster`, `03:00 slower`, or `same`.
fn compared(now: TimeDelta, then: TimeDelta) -> String {
    match now.cmp(&then) {
        std::cmp::Ordering::Less => text::drill_faster(&hms(then - now)),
        std::cmp::Ordering::Greater => text::drill_slower(&hms(now - then)),
        std::cmp::Ordering::Equal => text::drill_same(),
    }
}
