//! "What the attacker did" and "Dwell time" in the walk, before "What we did".

use super::{Line, ReportSink, Span, table, text, utc, word};
use crate::report::{AttackStepReport, Report};
use std::borrow::Cow;

/// The attack timeline, then dwell time.
pub(in crate::report) fn what_the_attacker_did(r: &Report, sink: &mut impl ReportSink) {
    let none = text::report_none();
    sink.heading(2, &[word(text::report_attack_timeline())]);
    let columns = ["#", "UTC", "Tactic", "Technique", "Description", "Links"];
    table(sink, &columns, &r.attack_timeline, step, &none);

    sink.heading(2, &[word(text::report_dwell())]);
    // Label and value a row, as the facts under the title.
    let rows: Vec<(String, Line)> = text::dwell_rows(&r.dwell, utc)
        .into_iter()
        .map(|(label, value)| (label, vec![word(value)]))
        .collect();
    sink.facts(&rows);
}

/// Text recorded in the journal (ids included: an imported journal may hold anything),
/// escaped by every writer.
fn owned(value: String) -> Span<'static> {
    Span::Text(Cow::Owned(value))
}

/// An id with its name when warroom knows it: `T1486 Data Encrypted for Impact`.
fn named(id: &Option<String>, name: &Option<String>) -> Line<'static> {
    let shown = match (id, name) {
        (Some(id), Some(name)) => format!("{id} {name}"),
        (Some(id), None) => id.clone(),
        (None, _) => return Vec::new(),
    };
    vec![owned(shown)]
}

fn step(s: &AttackStepReport) -> Vec<Line<'_>> {
    // "O1, A2 — the retainer's report": what it is linked to, then how it is known.
    let about =
        crate::domain::attack_timeline::links_and_source(&s.observables, &s.assets, &s.source);
    vec![
        vec![owned(s.id.clone())],
        vec![word(utc(s.at))],
        named(&s.tactic, &s.tactic_name),
        named(&s.technique, &s.technique_name),
        vec![owned(s.description.clone())],
        if about.is_empty() {
            Vec::new()
        } else {
            vec![owned(about)]
        },
    ]
}
