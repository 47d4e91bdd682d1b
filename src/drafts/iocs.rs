//! The indicators of compromise a notification gives an authority: the register's
//! entries marked IOC, defanged so that no mail client or portal makes them live links,
//! without those whose TLP keeps them inside the response (RED, AMBER+STRICT) — a
//! notification leaves the organisation — and saying how many were left out.

use crate::domain::observable::{ObservableKind, defang};
use crate::domain::{IncidentState, ObservableRecord, Tlp};
use crate::text;

/// Whether an entry may go to an authority: not TLP:RED, not TLP:AMBER+STRICT.
fn shareable(o: &ObservableRecord, incident: Tlp) -> bool {
    !matches!(o.tlp(incident), Tlp::Red | Tlp::AmberStrict)
}

/// The IOC lines of a draft, each `- kind: defanged value (TLP)`, then how many were
/// left out; `None` when the register has no IOC at all (the question stays open).
pub(super) fn listed(s: &IncidentState) -> Option<String> {
    let iocs: Vec<&ObservableRecord> = s.observables.all.iter().filter(|o| o.spec.ioc).collect();
    if iocs.is_empty() {
        return None;
    }
    let (given, withheld): (Vec<&ObservableRecord>, Vec<&ObservableRecord>) =
        iocs.into_iter().partition(|o| shareable(o, s.tlp));
    let mut lines: Vec<String> = given.iter().map(|o| line(o, s.tlp)).collect();
    if lines.is_empty() {
        lines.push(format!("[{}]", text::draft_to_complete()));
    }
    if !withheld.is_empty() {
        lines.push(text::draft_iocs_withheld(withheld.len()));
    }
    Some(lines.join("\n  "))
}

/// The entries of one kind that may go to an authority (ATT&CK techniques, for the
/// threats a DORA report asks about), or `None`.
pub(super) fn of_kind(s: &IncidentState, kind: ObservableKind) -> Option<String> {
    let lines: Vec<String> = s
        .observables
        .all
        .iter()
        .filter(|o| o.spec.kind == kind && shareable(o, s.tlp))
        .map(|o| line(o, s.tlp))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n  "))
}

fn line(o: &ObservableRecord, incident: Tlp) -> String {
    format!(
        "- {} {} ({})",
        text::colon(o.spec.kind.slug()),
        defang(o.spec.kind, &o.spec.value),
        o.tlp(incident).label()
    )
}
