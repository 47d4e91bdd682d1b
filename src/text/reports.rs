//! The words of the post-incident report, in Markdown and HTML alike.

use super::*;

words! {
    // Reports.
    report_title => "report-title";
    report_summary => "report-summary";
    report_milestones => "report-milestones";
    report_resolution => "report-resolution";
    report_closing_summary => "report-closing-summary";
    report_duration => "report-duration";
    milestone_not_reached => "milestone-not-reached";
    report_running_for => "report-running-for";
    milestone_detected => "milestone-detected";
    milestone_declared => "milestone-declared";
    milestone_retainer => "milestone-retainer";
    milestone_contained => "milestone-contained";
    milestone_closed => "milestone-closed";
    report_retractions => "report-retractions";
    report_timeline => "report-timeline";
    report_phases => "report-phases";
    report_clocks => "report-clocks";
    report_contacts => "report-contacts";
    report_evidence => "report-evidence";
    report_lessons => "report-lessons";
    report_integrity_text => "report-integrity";
    report_none => "report-none";
    report_current => "report-current";
    report_custody => "report-custody";
    report_generated => "report-generated";
    report_organisation => "report-organisation";
    report_missed(by: &str) => "report-missed";
    report_running(left: &str) => "report-running";
    report_retracted(by: u64, reason: &str) => "report-retracted";
    report_corrected(ids: &str) => "report-corrected";
    report_integrity(events: u64, hash: &str) => "report-integrity-note";
}

/// A report table's column title, given in English as the code writes it (`Done by`),
/// in the current language (message `report-col-done-by`). `#`, `UTC` and `SHA-256`
/// are the same in every language.
pub fn report_column(english: &str) -> String {
    let id: String = english
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if id.is_empty() || matches!(english, "UTC" | "SHA-256") {
        english.to_string()
    } else {
        tr(&format!("report-col-{id}"))
    }
}

/// A code of the report model (`open`, `not started`) as a word for the reader; the
/// JSON report keeps the code.
pub fn report_code(code: &str) -> String {
    tr(&format!("report-code-{}", code.replace(' ', "-")))
}

words! {
    /// The report's sections on what the incident touched (report/affected.rs).
    report_assets => "report-assets";
    report_observables => "report-observables";
    /// The report's section on the attack timeline.
    report_attack_timeline => "report-attack-timeline";
    /// The report's section on dwell time.
    report_dwell => "report-dwell";
    dwell_first_activity => "dwell-first-activity";
    dwell_detected => "dwell-detected";
    /// Detection stood in for by the declaration, at `at`.
    dwell_detected_declared(at: &str) => "dwell-detected-declared";
    dwell_contained => "dwell-contained";
    /// An instant not reached yet (containment).
    dwell_not_yet => "dwell-not-yet";
    /// A span that cannot be told (no attack step).
    dwell_unknown => "dwell-unknown";
    dwell_dwell => "dwell-dwell";
    dwell_to_containment => "dwell-to-containment";
    dwell_exposure => "dwell-exposure";
}

/// The dwell figures as (label, value) rows in the current language, times written by
/// `time`: the report's and `timeline list`'s.
pub fn dwell_rows(
    d: &crate::domain::dwell::Dwell,
    time: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
) -> Vec<(String, String)> {
    // A span not known: never, without an attack step; not yet, before containment.
    let span = |s: Option<chrono::TimeDelta>, reached: bool| match s {
        Some(s) => super::hms(s),
        None if reached => dwell_unknown(),
        None => dwell_not_yet(),
    };
    let detected = if d.detected_is_declared {
        dwell_detected_declared(&time(d.detected))
    } else {
        time(d.detected)
    };
    let contained = d.contained.is_some();
    vec![
        (
            dwell_first_activity(),
            d.first_activity.map_or_else(dwell_unknown, &time),
        ),
        (dwell_detected(), detected),
        (
            dwell_contained(),
            d.contained.map_or_else(dwell_not_yet, &time),
        ),
        (dwell_dwell(), span(d.dwell, true)),
        (dwell_to_containment(), span(d.to_containment, contained)),
        (dwell_exposure(), span(d.exposure, contained)),
    ]
}

// Exchange formats: what a file for other tools says in words.
words! {
    /// A STIX indicator's description when the observable has no note.
    stix_indicator(kind: &str, id: &str) => "stix-indicator";
    /// A STIX note's abstract for a step of the attack timeline without ATT&CK ids.
    stix_attack_step_bare(id: &str, at: &str) => "stix-attack-step";
    /// The same, with its tactic and technique ids.
    stix_attack_step_attack(id: &str, at: &str, attack: &str) => "stix-attack-step-attack";
}

/// A STIX note's abstract for attack step `id` at `at`; `attack`: its ATT&CK ids, if any.
pub fn stix_attack_step(id: &str, at: &str, attack: &str) -> String {
    if attack.is_empty() {
        stix_attack_step_bare(id, at)
    } else {
        stix_attack_step_attack(id, at, attack)
    }
}
