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

// Exchange formats: what a file for other tools says in words.
words! {
    /// A STIX indicator's description when the observable has no note.
    stix_indicator(kind: &str, id: &str) => "stix-indicator";
}
