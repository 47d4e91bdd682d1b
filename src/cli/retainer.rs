//! `warroom retainer record ID …` records the review of the retainer's work on an
//! incident; `warroom retainer review [ID]` lists the reviews, over every incident (the
//! exercises left out), with the totals an organisation brings to the renewal.

use super::items::Writer;
use super::{Failure, Outcome};
use crate::domain::{ClockState, IncidentId, RetainerReview, Verdict, fold, rules};
use crate::store::Store;
use crate::text;
use crate::ui::format::{hms, safe};

/// The shape of `--json`, bumped when it changes.
const SCHEMA_VERSION: u32 = 1;

pub fn record(w: &Writer, id: IncidentId, told: super::args::ReviewTold) -> Outcome {
    let state = super::items::state(w.store, id)?;
    let known = state.retainer_review_prefilled();
    let review = RetainerReview {
        sla_met: told.sla.unwrap_or(known.sla_met),
        scope_sufficient: told.scope.unwrap_or(known.scope_sufficient),
        evidence_access: told.evidence.unwrap_or(known.evidence_access),
        report_received: told.report.unwrap_or(known.report_received),
        report_complete: told.complete.unwrap_or(known.report_complete),
        note: told
            .note
            .map(|n| crate::input::clean_line(&n).trim().to_string())
            .unwrap_or_default(),
    };
    let change = rules::review_retainer(&state, review)
        .map_err(|refusal| Failure::Failed(text::refusal(id, &refusal)))?;
    let line = text::event_line(&change, None);
    for event in crate::ops::append(w.store, id, w.when(), w.author, vec![change])? {
        outln!("{}", text::cli_saved(id, event.id));
    }
    outln!("{}", safe(&line));
    Ok(())
}

/// One incident's review, as listed.
#[derive(serde::Serialize)]
struct Listed {
    id: IncidentId,
    title: String,
    retainer: String,
    reviewed_at: chrono::DateTime<chrono::Utc>,
    by: String,
    /// From the alert to the start of work (its clock met), when known.
    response_seconds: Option<i64>,
    #[serde(flatten)]
    review: RetainerReview,
}

pub fn review(store: &dyn Store, only: Option<IncidentId>, json: bool) -> Outcome {
    let mut listed = Vec::new();
    for summary in store.list()? {
        if summary.exercise || only.is_some_and(|id| id != summary.id) {
            continue;
        }
        // A journal that cannot be read or folded is left out, and said: the others
        // still make the list.
        let state = match store.events(summary.id).map(|events| fold(&events)) {
            Ok(Ok(state)) => state,
            Ok(Err(e)) => {
                eprintln!("warroom: {}", safe(&format!("{}: {e}", summary.id)));
                continue;
            }
            Err(e) => {
                eprintln!("warroom: {}", safe(&text::store_error(&e)));
                continue;
            }
        };
        let (Some((at, by, review)), Some(alert)) = (&state.retainer_review, &state.retainer_alert)
        else {
            continue;
        };
        let response_seconds = match state.clocks().get("retainer-sla").map(|c| &c.state) {
            Some(ClockState::Met { at: met, .. }) => Some((*met - alert.at).num_seconds()),
            _ => None,
        };
        listed.push(Listed {
            id: state.id,
            title: state.title.clone(),
            retainer: alert.retainer.clone(),
            reviewed_at: *at,
            by: by.clone(),
            response_seconds,
            review: review.clone(),
        });
    }
    listed.sort_by_key(|l| l.reviewed_at);
    let totals: Vec<(&'static str, [usize; 3])> = RetainerReview::default()
        .verdicts()
        .iter()
        .enumerate()
        .map(|(n, (what, _))| {
            let mut counts = [0; 3];
            for l in &listed {
                let verdict = l.review.verdicts()[n].1;
                counts[Verdict::ALL.iter().position(|v| *v == verdict).unwrap_or(2)] += 1;
            }
            (*what, counts)
        })
        .collect();
    if json {
        let totals: serde_json::Map<String, serde_json::Value> = totals
            .iter()
            .map(|(what, [yes, no, unknown])| {
                (
                    what.to_string(),
                    serde_json::json!({ "yes": yes, "no": no, "unknown": unknown }),
                )
            })
            .collect();
        let value = serde_json::json!({
            "schema_version": SCHEMA_VERSION,
            "reviews": listed,
            "totals": totals,
        });
        outln!("{}", crate::report::pretty_json(&value).unwrap_or_default());
        return Ok(());
    }
    if listed.is_empty() {
        outln!("{}", text::review_none());
        return Ok(());
    }
    for l in &listed {
        let response = l
            .response_seconds
            .and_then(chrono::TimeDelta::try_seconds)
            .map_or_else(String::new, |t| {
                format!(" · {}", text::review_responded_in(&hms(t)))
            });
        outln!(
            "{} · {} · {}{response}",
            l.id,
            safe(&l.title),
            safe(&l.retainer)
        );
        let verdicts: Vec<String> = l
            .review
            .verdicts()
            .iter()
            .map(|(what, v)| format!("{} {}", text::review_aspect(what), text::verdict_name(*v)))
            .collect();
        outln!("  {}", verdicts.join(" · "));
        if !l.review.note.is_empty() {
            outln!("  {}", safe(&l.review.note));
        }
    }
    outln!("{}", text::review_totals_title(listed.len()));
    for (what, [yes, ..]) in totals {
        outln!(
            "  {}",
            text::review_total(&text::review_aspect(what), yes, listed.len())
        );
    }
    Ok(())
}
