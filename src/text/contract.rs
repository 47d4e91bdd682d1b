//! What is said of the retainer contract: its response times and hours as the Contacts
//! pane shows them, and an incident that goes beyond what it covers.

use super::*;
use crate::domain::coverage::Hours;
use crate::domain::{Area, Contact, Coverage, Retainer, RetainerMode};

words! {
    retainer_hours_always => "retainer-hours";
    retainer_role_plain(minutes: u32) => "retainer-role";
    retainer_role_tiers(times: &str) => "retainer-role-tiers";
    retainer_tier(time: &str, severity: u32) => "retainer-tier";
    retainer_tier_rest(time: &str) => "retainer-tier-rest";
    retainer_managed => "retainer-managed";
    retainer_evidence(how: &str) => "retainer-evidence";
    review_none => "review-none";
    review_responded_in(time: &str) => "review-responded-in";
    review_totals_title(count: usize) => "review-totals-title";
    review_total(what: &str, yes: usize, of: usize) => "review-total";
    retainer_business_hours(days: &str, hours: &str, zone: &str) => "retainer-business-hours";
    retainer_holidays_off(country: &str) => "retainer-holidays-off";
    outside_contract(areas: &str) => "outside-contract";
    form_bad_scope(typed: &str) => "form-bad-scope";
    outside_contract_call(areas: &str, contacts: &str) => "outside-contract-call";
}

/// `1 h`, `4 h`, `90 min`, `2 d`.
fn response_time(minutes: u32) -> String {
    match minutes {
        m if m % (24 * 60) == 0 => format!("{} d", m / (24 * 60)),
        m if m % 60 == 0 => format!("{} h", m / 60),
        m => format!("{m} min"),
    }
}

/// The retainer's role as the directory shows it: its response times by severity.
pub fn retainer_role(r: &Retainer) -> String {
    let role = if r.response.is_empty() {
        retainer_role_plain(r.response_minutes)
    } else {
        let mut tiers = r.response.clone();
        tiers.sort_by_key(|t| std::cmp::Reverse(t.from_severity));
        let mut times: Vec<String> = tiers
            .iter()
            .map(|t| retainer_tier(&response_time(t.within.0), u32::from(t.from_severity)))
            .collect();
        if tiers.iter().all(|t| t.from_severity > 0) {
            times.push(retainer_tier_rest(&response_time(r.response_minutes)));
        }
        retainer_role_tiers(&times.join(", "))
    };
    match r.mode {
        RetainerMode::OnDemand => role,
        RetainerMode::Managed => format!("{role} · {}", retainer_managed()),
    }
}

/// When the retainer answers: `24/7`, or `mon-fri 08:00-18:00 Europe/Paris, FR public
/// holidays off`.
pub fn retainer_hours(coverage: &Coverage) -> String {
    match coverage.hours {
        Hours::Always => retainer_hours_always(),
        hours @ Hours::Between(..) => {
            let zone = coverage.time_zone.as_ref().map_or("UTC", |z| z.name());
            let mut text =
                retainer_business_hours(&String::from(coverage.days), &String::from(hours), zone);
            if let Some(country) = &coverage.holidays {
                text = format!("{text}, {}", retainer_holidays_off(country.code()));
            }
            text
        }
    }
}

/// The areas of an incident the contract leaves out, and whom to call for them:
/// `outside the retainer contract: OT — call Karim Benali (+33 6 00 00 00 02)`.
pub fn contract_gap(
    r: &Retainer,
    scope: &crate::domain::Scope,
    directory: &[Contact],
) -> Option<String> {
    let outside = r.outside(scope);
    if outside.is_empty() {
        return None;
    }
    let areas: Vec<String> = outside.iter().map(|a| area_name(*a)).collect();
    let instead: Vec<String> = r
        .out_of_scope
        .iter()
        .filter_map(|id| directory.iter().find(|c| c.key() == *id))
        .map(|c| match c.phones.first() {
            Some(phone) => format!("{} ({phone})", c.name),
            None => c.name.clone(),
        })
        .collect();
    Some(if instead.is_empty() {
        outside_contract(&areas.join(", "))
    } else {
        outside_contract_call(&areas.join(", "), &instead.join(", "))
    })
}

fn area_name(area: Area) -> String {
    match area {
        Area::Network => scope_network(),
        Area::Cloud => scope_cloud(),
        Area::Endpoints => scope_endpoints(),
        Area::Ot => scope_ot(),
        Area::PersonalData => scope_personal_data(),
    }
}

/// A verdict of a retainer review, in words.
pub fn verdict_name(v: crate::domain::Verdict) -> String {
    tr(match v {
        crate::domain::Verdict::Yes => "verdict-yes",
        crate::domain::Verdict::No => "verdict-no",
        crate::domain::Verdict::Unknown => "verdict-unknown",
    })
}

/// What a verdict of a retainer review is about, by its stable name (`sla_met`).
pub fn review_aspect(what: &str) -> String {
    tr(match what {
        "sla_met" => "review-sla-met",
        "scope_sufficient" => "review-scope-sufficient",
        "evidence_access" => "review-evidence-access",
        "report_received" => "review-report-received",
        _ => "review-report-complete",
    })
}
