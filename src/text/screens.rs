//! What the dashboard says: pane titles and labels, forms and their hints, flashes,
//! confirmations, the status line, the welcome screen, clocks and contacts as shown.

use super::*;

words! {
    // Pane titles.
    pane_incident => "pane-incident";
    pane_checklist => "pane-checklist";
    pane_clocks => "pane-clocks";
    pane_contacts => "pane-contacts";
    pane_journal => "pane-journal";
    pane_help => "pane-help";
    pane_picker => "pane-picker";
    pane_note => "pane-note";
    pane_new => "pane-new";
    // Incident pane labels.
    label_severity => "label-severity";
    label_category => "label-category";
    label_phase => "label-phase";
    label_declared => "label-declared";
    label_detected => "label-detected";
    label_commander => "label-commander";
    label_scope => "label-scope";
    label_summary => "label-summary";
    label_title => "label-title";
    carried_mark => "carried-mark";
    confirm_carried(items: &str) => "confirm-carried";
    clocks_more_running(n: usize) => "clocks-more-running";
    closed => "closed";
    closed_line(resolution: &str, at: &str, lasted: &str) => "closed-line";
    closed_after(lasted: &str, resolution: &str) => "closed-after";
    clock_since_declared => "clock-since-declared";
    clock_left => "clock-left";
    clock_overdue => "clock-overdue";
    clock_due_text => "clock-due";
    // Checklist pane.
    checklist_empty => "checklist-empty";
    // Status line.
    status_saved => "status-saved";
    status_saving => "status-saving";
    status_help_hint => "status-help-hint";
    status_local => "status-local";
    /// In place of "local" when `TZ` names no known zone (the times shown are UTC).
    status_tz_unknown(tz: &str) => "status-tz-unknown";
    pane_when => "pane-when";
    when_form_hint => "when-form-hint";
    /// `t` answered: the next entry will be dated `at`.
    flash_nothing_changed => "flash-nothing-changed";
    form_duplicate_of => "form-duplicate-of";
    confirm_close_leaving(clocks: &str) => "confirm-close-leaving";
    pane_close => "pane-close";
    pane_reopen => "pane-reopen";
    pane_edit_incident => "pane-edit-incident";
    close_form_hint => "close-form-hint";
    edit_incident_hint => "edit-incident-hint";
    label_resolution => "label-resolution";
    label_reason => "label-reason";
}

/// A fact's name in the "Edit incident" form.
pub fn field_name(field: crate::domain::Field) -> String {
    tr(&format!("field-{}", field.slug()))
}

words! {
    flash_backdate(at: &str) => "flash-backdate";
    /// In the status line while a stated time waits for the next entry.
    status_backdate(at: &str) => "status-backdate";
}

pub const STATUS_UTC: &str = "UTC";

words! {
    // Forms.
    form_submit_hint => "form-submit-hint";
    form_choice_hint => "form-choice-hint";
    form_title_required => "form-title-required";
    picker_empty => "picker-empty";
    // Welcome screen.
    welcome_title => "welcome-title";
}

/// Paragraphs, wrapped to the screen.
pub fn welcome_body() -> Vec<String> {
    vec![
        tr("welcome-empty"),
        String::new(),
        tr("welcome-about"),
        String::new(),
    ]
}

words! {
    welcome_keys_intro => "welcome-keys-intro";
    welcome_dashboard_intro => "welcome-dashboard-intro";
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

pub fn mode_name(mode: Mode) -> String {
    let name = serde_json::to_value(mode)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr(&format!("mode-{name}"))
}

words! {
    // Directory.
    retainer_hours => "retainer-hours";
    retainer_role(minutes: u32) => "retainer-role";
    flash_last_phase => "flash-last-phase";
    flash_first_phase => "flash-first-phase";
    flash_no_item => "flash-no-item";
    form_text_required => "form-text-required";
    confirm_advance(open: usize, from: &str, to: &str) => "confirm-advance";
    confirm_back(to: &str) => "confirm-back";
    checklist_none_open => "checklist-none-open";
    checklist_none_mine => "checklist-none-mine";
    checklist_not_current => "checklist-not-current";
    hint_not_applicable => "hint-not-applicable";
    hint_call => "hint-call";
    hint_keep => "hint-keep";
    hint_starts => "hint-starts";
    hint_stops => "hint-stops";
    hint_id => "hint-id";
    label_next => "label-next";
    label_playbook => "label-playbook";
    label_owner => "label-owner";
    nobody => "nobody";
    pane_reason => "pane-reason";
    pane_add_item => "pane-add-item";
    pane_assign => "pane-assign";
    pane_confirm => "pane-confirm";
    confirm_hint => "confirm-hint";
    assign_hint => "assign-hint";
    add_item_hint => "add-item-hint";
    next_none => "next-none";
    playbook_auto(name: &str) => "playbook-auto";
    assign_typed(name: &str) => "assign-typed";
    assign_nobody => "assign-nobody";
    label_assignee => "label-assignee";
    playbook_fallback => "playbook-fallback";
    playbook_items => "playbook-items";
    playbook_picked_by => "playbook-picked-by";
    welcome_more_keys => "welcome-more-keys";
    flash_select_clock => "flash-select-clock";
    confirm_flag_uncovered(flag: &str, covered: &str, due: &str) => "confirm-flag-uncovered";
    starts_no_clock => "starts-no-clock";
    pane_met_reference => "pane-met-reference";
    pane_waive_reason => "pane-waive-reason";
    flash_clock_not_waiting(name: &str) => "flash-clock-not-waiting";
    flash_clock_closed(name: &str) => "flash-clock-closed";
    flash_no_draft(name: &str) => "flash-no-draft";
    flash_flag_already(flag: &str, at: &str) => "flash-flag-already";
    flash_draft_saved(path: &str) => "flash-draft-saved";
    clock_due(name: &str, local: &str, utc: &str) => "clock-due-at";
    confirm_start(name: &str, due: &str) => "confirm-start";
    confirm_flag(flag: &str, due: &str) => "confirm-flag";
    viewer_hint => "viewer-hint";
    clocks_none => "clocks-none";
    clock_waived => "clock-waived";
    clock_met => "clock-met";
    clock_met_at => "clock-met-at";
    clock_ref => "clock-ref";
    clock_waiting => "clock-waiting";
    clock_waits => "clock-waits";
    clock_waits_met => "clock-waits-met";
    clock_by_hand => "clock-by-hand";
    clock_retainer_alert => "clock-retainer-alert";
    clocks_not_applicable(n: usize) => "clocks-not-applicable";
    clock_met_early(by: &str) => "clock-met-early";
    clock_met_late(by: &str) => "clock-met-late";
    clock_not_applicable => "clock-not-applicable";
    met_by_step(item: &str) => "met-by-step";
    clock_start_named(name: &str) => "clock-start-named";
    clock_met_named(name: &str) => "clock-met-named";
    confirm_step_clocks(what: &str) => "confirm-step-clocks";
    flash_select_contact => "flash-select-contact";
    form_name_required => "form-name-required";
    search_editing => "search-editing";
    search_applied => "search-applied";
    search_none => "search-none";
    nobody_for_role => "nobody-for-role";
    step_reached => "step-reached";
    step_to_call => "step-to-call";
    verify_before_use => "verify-before-use";
    contact_contract => "contact-contract";
    contact_checked => "contact-checked";
    contact_source => "contact-source";
    pane_call => "pane-call";
    call_hint => "call-hint";
    label_outcome => "label-outcome";
    pane_contact_new => "pane-contact-new";
    pane_contact_edit => "pane-contact-edit";
    contact_form_hint => "contact-form-hint";
    label_escalation => "label-escalation";
    hashing => "hashing";
    evidence_at => "evidence-at";
    evidence_ok => "evidence-ok";
    evidence_mismatch => "evidence-mismatch";
    evidence_unreachable => "evidence-unreachable";
    evidence_no_hash => "evidence-no-hash";
    pane_correct => "pane-correct";
    pane_retract => "pane-retract";
    pane_evidence => "pane-evidence";
    pane_lesson => "pane-lesson";
    pane_transfer => "pane-transfer";
    label_kind => "label-kind";
    evidence_form_hint => "evidence-form-hint";
    lesson_form_hint => "lesson-form-hint";
    journal_view_title => "journal-view-title";
    label_showing => "label-showing";
    quick_note => "quick-note";
    quick_note_hint => "quick-note-hint";
    journal_nothing => "journal-nothing";
    evidence_none => "evidence-none";
    evidence_no_hash_short => "evidence-no-hash-short";
    lessons_none => "lessons-none";
    flash_report_saved(paths: &str) => "flash-report-saved";
    wall_no_clock => "wall-no-clock";
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
    /// The status line of a store that can only be read.
    status_read_only(why: &str) => "status-read-only";
    /// `list`: an incident found damaged.
    damaged => "damaged";
    /// (Followers) the owner has not answered, not even its heartbeat.
    status_owner_silent(pid: u32) => "status-owner-silent";
    status_following => "status-following";
}
