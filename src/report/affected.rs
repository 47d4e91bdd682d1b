//! What the incident touched, in the report: the affected assets (each with its state
//! and when it last changed) and the observables (values defanged, so that nothing in a
//! report is a live link). Kept apart from the rest of the report: its model, how it is
//! built from the state, and its place in the walk. An incident that has neither has no
//! such sections (as one without retractions has no section for them), so reports of
//! incidents without them read as before.

use super::walk::{Line, ReportSink, table, text, utc, word};
use crate::domain::observable::defang;
use crate::domain::{
    AssetKind, AssetRecord, AssetState, IncidentState, ObservableKind, ObservableRecord,
    StateChange,
};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AssetReport {
    pub id: String,
    pub kind: AssetKind,
    pub name: String,
    pub owner: String,
    pub state: AssetState,
    pub last_change: DateTime<Utc>,
    /// Every move, in the order they happened.
    pub history: Vec<StateChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObservableReport {
    pub id: String,
    pub kind: ObservableKind,
    /// Canonical, for a machine reading the JSON report.
    pub value: String,
    /// As people read it in every report: `hxxps://evil[.]example`.
    pub defanged: String,
    pub ioc: bool,
    pub sighted: bool,
    /// Its own, else the incident's.
    pub tlp: String,
    pub source: String,
}

pub(super) fn assets(state: &IncidentState) -> Vec<AssetReport> {
    state.assets.all.iter().map(asset_report).collect()
}

fn asset_report(a: &AssetRecord) -> AssetReport {
    AssetReport {
        id: a.id.clone(),
        kind: a.kind,
        name: a.name.clone(),
        owner: a.owner.clone(),
        state: a.state(),
        last_change: a.last_change(),
        history: a.history.clone(),
    }
}

pub(super) fn observables(state: &IncidentState) -> Vec<ObservableReport> {
    state
        .observables
        .all
        .iter()
        .map(|o| observable_report(o, state.tlp))
        .collect()
}

fn observable_report(o: &ObservableRecord, incident: crate::domain::Tlp) -> ObservableReport {
    ObservableReport {
        id: o.id.clone(),
        kind: o.spec.kind,
        value: o.spec.value.clone(),
        defanged: defang(o.spec.kind, &o.spec.value),
        ioc: o.spec.ioc,
        sighted: o.spec.sighted,
        tlp: o.tlp(incident).label().to_string(),
        source: o.spec.source.clone(),
    }
}

/// The two sections, each only when it has rows.
pub(super) fn walk(r: &super::Report, sink: &mut impl ReportSink) {
    let none = crate::text::report_none();
    if !r.assets.is_empty() {
        sink.heading(2, &[word(crate::text::report_assets())]);
        let columns = [
            "Ref.",
            "Kind",
            "Name",
            "Owner",
            "State",
            "Last change (UTC)",
        ];
        table(sink, &columns, &r.assets, asset, &none);
    }
    if !r.observables.is_empty() {
        sink.heading(2, &[word(crate::text::report_observables())]);
        let columns = ["Ref.", "Kind", "Value", "Flags", "TLP", "Source"];
        table(sink, &columns, &r.observables, observable, &none);
    }
}

fn asset(a: &AssetReport) -> Vec<Line<'_>> {
    vec![
        vec![word(a.id.as_str())],
        vec![word(crate::text::asset_kind_name(a.kind))],
        vec![text(&a.name)],
        vec![text(&a.owner)],
        vec![word(crate::text::asset_state_name(a.state))],
        vec![word(utc(a.last_change))],
    ]
}

fn observable(o: &ObservableReport) -> Vec<Line<'_>> {
    let mut flags = vec![if o.ioc {
        crate::text::observable_ioc()
    } else {
        crate::text::observable_context()
    }];
    if o.sighted {
        flags.push(crate::text::observable_sighted());
    }
    vec![
        vec![word(o.id.as_str())],
        vec![word(o.kind.slug())],
        // Typed by someone (or reported by a partner): escaped like any user text.
        vec![text(&o.defanged)],
        vec![word(flags.join(", "))],
        vec![word(o.tlp.as_str())],
        vec![text(&o.source)],
    ]
}
