//! What the dashboard says: pane titles and labels, forms and their hints, flashes,
//! confirmations, the status line, the welcome screen, clocks and contacts as shown.

use super::*;

words! {
    pane_journal => "pane-journal";
    // Incident pane labels.
    label_severity => "label-severity";
    label_category => "label-category";
    label_declared => "label-declared";
    label_detected => "label-detected";
    label_commander => "label-commander";
    label_summary => "label-summary";
    label_title => "label-title";
    confirm_carried(items: &str) => "confirm-carried";
    closed => "closed";
    closed_line(resolution: &str, at: &str, lasted: &str) => "closed-line";
    clock_since_declared => "clock-since-declared";
    clock_left => "clock-left";
    clock_overdue => "clock-overdue";
    clock_due_text => "clock-due";
    /// The Edit incident form submitted with nothing changed.
    flash_nothing_changed => "flash-nothing-changed";
    form_duplicate_of => "form-duplicate-of";
    confirm_close_leaving(clocks: &str) => "confirm-close-leaving";
}

words! {
    /// `t` answered: the next entry will be dated `at`.
    flash_backdate(at: &str) => "flash-backdate";
}

pub const STATUS_UTC: &str = "UTC";

words! {
    form_title_required => "form-title-required";
}

words! {
    // Messages.
    too_small_text => "too-small";
    too_small_now => "too-small-now";
    flash_retainer_alerted => "flash-retainer-alerted";
    flash_retainer_again => "flash-retainer-again";
    flash_no_incident => "flash-no-incident";
    flash_save_failed => "flash-save-failed";
}

pub fn too_small(min_w: u16, min_h: u16, w: u16, h: u16) -> String {
    tr_args(
        "too-small-size",
        &[
            ("min-w", min_w.into()),
            ("min-h", min_h.into()),
            ("w", w.into()),
            ("h", h.into()),
        ],
    )
}

/// One line per action, for the help overlay (message `action-NAME`).
pub fn describe(action: Action) -> String {
    let name = serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr(&format!("action-{name}"))
}

words! {
    // Directory.
    flash_last_phase => "flash-last-phase";
    flash_first_phase => "flash-first-phase";
    flash_no_item => "flash-no-item";
    form_text_required => "form-text-required";
    /// An attack step typed without `@WHEN` (and no `t` before it).
    attack_step_when_required => "attack-step-when-required";
    confirm_advance(open: usize, from: &str, to: &str) => "confirm-advance";
    confirm_back(to: &str) => "confirm-back";
    hint_call => "hint-call";
    hint_keep => "hint-keep";
    hint_starts => "hint-starts";
    hint_stops => "hint-stops";
    label_playbook => "label-playbook";
    nobody => "nobody";
    playbook_fallback => "playbook-fallback";
    playbook_items => "playbook-items";
    playbook_picked_by => "playbook-picked-by";
    flash_select_clock => "flash-select-clock";
    confirm_flag_uncovered(flag: &str, covered: &str, due: &str) => "confirm-flag-uncovered";
    starts_no_clock => "starts-no-clock";
    flash_clock_not_waiting(name: &str) => "flash-clock-not-waiting";
    flash_clock_closed(name: &str) => "flash-clock-closed";
    flash_no_draft(name: &str) => "flash-no-draft";
    flash_flag_already(flag: &str, at: &str) => "flash-flag-already";
    flash_draft_saved(path: &str) => "flash-draft-saved";
    clock_due(name: &str, local: &str, utc: &str) => "clock-due-at";
    confirm_start(name: &str, due: &str) => "confirm-start";
    confirm_flag(flag: &str, due: &str) => "confirm-flag";
    clock_waived => "clock-waived";
    clock_met => "clock-met";
    clock_ref => "clock-ref";
    clock_waiting => "clock-waiting";
    clock_met_early(by: &str) => "clock-met-early";
    clock_met_late(by: &str) => "clock-met-late";
    clock_not_applicable => "clock-not-applicable";
    met_by_step(item: &str) => "met-by-step";
    clock_start_named(name: &str) => "clock-start-named";
    clock_met_named(name: &str) => "clock-met-named";
    confirm_step_clocks(what: &str) => "confirm-step-clocks";
    flash_select_contact => "flash-select-contact";
    form_name_required => "form-name-required";
    step_reached => "step-reached";
    step_to_call => "step-to-call";
    verify_before_use => "verify-before-use";
    label_escalation => "label-escalation";
    hashing => "hashing";
    evidence_at => "evidence-at";
    evidence_ok => "evidence-ok";
    evidence_mismatch => "evidence-mismatch";
    evidence_unreachable => "evidence-unreachable";
    evidence_no_hash => "evidence-no-hash";
    flash_report_saved(paths: &str) => "flash-report-saved";
    flash_exchange_saved(paths: &str) => "flash-exchange-saved";
    read_only => "read-only";
    owner_gone => "owner-gone";
}

/// On opening: an incident found damaged earlier.
pub fn damaged_incident(id: crate::domain::IncidentId, why: &str) -> String {
    tr_args(
        "damaged-incident",
        &[("id", shown(id)), ("why", why.to_string().into())],
    )
}

words! {
    /// `list`: an incident found damaged.
    damaged => "damaged";
}

words! {
    /// `o` on an event with no observable not yet in the register.
    flash_no_observables(event: u64) => "flash-no-observables";
    confirm_add_observables(event: u64, values: &str) => "confirm-add-observables";
    /// A value typed with its kind left to be guessed, that is no known kind.
    observable_kind_unknown(value: &str) => "observable-kind-unknown";
}
