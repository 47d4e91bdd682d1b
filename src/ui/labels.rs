//! Words only the dashboard shows: pane titles, labels, hints, the status line, the
//! welcome screen, names of its filters and fields. Each is a message of the Fluent
//! files; sentences the app makes too (flashes, confirmations) stay in `text`.

use crate::i18n::tr;
use crate::keys::Mode;

pub fn filter_name(filter: crate::app::Filter) -> String {
    use crate::app::Filter;
    tr(match filter {
        Filter::All => "filter-all",
        Filter::Open => "filter-open",
        Filter::Mine => "filter-mine",
    })
}

pub fn kind_filter_name(filter: crate::app::KindFilter) -> String {
    use crate::app::KindFilter;
    tr(match filter {
        KindFilter::All => "journal-filter-all",
        KindFilter::Notes => "journal-filter-notes",
        KindFilter::Checklist => "journal-filter-checklist",
        KindFilter::Clocks => "journal-filter-clocks",
        KindFilter::Contacts => "journal-filter-contacts",
        KindFilter::Evidence => "journal-filter-evidence",
        KindFilter::Investigation => "journal-filter-investigation",
        KindFilter::Amendments => "journal-filter-amendments",
    })
}

pub fn contact_field_name(field: crate::app::forms::ContactField) -> String {
    use crate::app::forms::ContactField;
    tr(match field {
        ContactField::Name => "contact-field-name",
        ContactField::Role => "contact-field-role",
        ContactField::Organisation => "contact-field-organisation",
        ContactField::Phone => "contact-field-phone",
        ContactField::Email => "contact-field-email",
        ContactField::Availability => "contact-field-availability",
        ContactField::Roles => "contact-field-roles",
        ContactField::Notes => "contact-field-notes",
    })
}

pub fn ending_name(ending: crate::app::forms::Ending) -> String {
    use crate::app::forms::Ending as E;
    tr(match ending {
        E::Resolved => "ending-resolved",
        E::FalsePositive => "ending-false-positive",
        E::Duplicate => "ending-duplicate",
        E::Transferred => "ending-transferred",
    })
}

crate::words! {
    // Pane titles.
    pane_incident => "pane-incident";
    pane_checklist => "pane-checklist";
    pane_clocks => "pane-clocks";
    pane_contacts => "pane-contacts";
    pane_help => "pane-help";
    pane_picker => "pane-picker";
    pane_note => "pane-note";
    pane_new => "pane-new";
    label_phase => "label-phase";
    carried_mark => "carried-mark";
    clocks_more_running(n: usize) => "clocks-more-running";
    closed_after(lasted: &str, resolution: &str) => "closed-after";
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
    pane_close => "pane-close";
    pane_reopen => "pane-reopen";
    pane_edit_incident => "pane-edit-incident";
    close_form_hint => "close-form-hint";
    edit_incident_hint => "edit-incident-hint";
    pane_review_retainer => "pane-review-retainer";
    review_retainer_hint => "review-retainer-hint";
    label_note => "label-note";
    form_scope_hint => "form-scope-hint";
    label_resolution => "label-resolution";
    label_reason => "label-reason";
    /// In the status line while a stated time waits for the next entry.
    status_backdate(at: &str) => "status-backdate";
    // Forms.
    form_submit_hint => "form-submit-hint";
    form_choice_hint => "form-choice-hint";
    picker_empty => "picker-empty";
    // Welcome screen.
    welcome_title => "welcome-title";
    welcome_keys_intro => "welcome-keys-intro";
    welcome_dashboard_intro => "welcome-dashboard-intro";
    checklist_none_open => "checklist-none-open";
    checklist_none_mine => "checklist-none-mine";
    checklist_not_current => "checklist-not-current";
    hint_not_applicable => "hint-not-applicable";
    hint_id => "hint-id";
    label_next => "label-next";
    label_owner => "label-owner";
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
    welcome_more_keys => "welcome-more-keys";
    pane_met_reference => "pane-met-reference";
    pane_waive_reason => "pane-waive-reason";
    viewer_hint => "viewer-hint";
    clocks_none => "clocks-none";
    clock_met_at => "clock-met-at";
    clock_waits => "clock-waits";
    clock_waits_met => "clock-waits-met";
    clock_by_hand => "clock-by-hand";
    clock_retainer_alert => "clock-retainer-alert";
    clock_closure => "clock-closure";
    clock_business_hours => "clock-business-hours";
    clocks_not_applicable(n: usize) => "clocks-not-applicable";
    search_editing => "search-editing";
    search_applied => "search-applied";
    search_none => "search-none";
    nobody_for_role => "nobody-for-role";
    contact_contract => "contact-contract";
    contact_checked => "contact-checked";
    contact_source => "contact-source";
    pane_call => "pane-call";
    call_hint => "call-hint";
    label_outcome => "label-outcome";
    pane_contact_new => "pane-contact-new";
    pane_contact_edit => "pane-contact-edit";
    contact_form_hint => "contact-form-hint";
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
    wall_no_clock => "wall-no-clock";
    /// Who has a dashboard or wall open: the label, a wall, and how long.
    label_here => "label-here";
    here_wall => "here-wall";
    here_since(time: &str) => "here-since";
    /// The wall: how many people are at a dashboard (walls not counted).
    wall_responders(n: usize) => "wall-responders";
    /// The status line of a store that can only be read.
    status_read_only(why: &str) => "status-read-only";
    /// (Followers) the owner has not answered, not even its heartbeat.
    status_owner_silent(pid: u32) => "status-owner-silent";
    status_following => "status-following";
}

/// A fact's name in the "Edit incident" form.
pub fn field_name(field: crate::domain::Field) -> String {
    tr(&format!("field-{}", field.slug()))
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

pub fn mode_name(mode: Mode) -> String {
    let name = serde_json::to_value(mode)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr(&format!("mode-{name}"))
}

crate::words! {
    /// The journal view's tab of observables.
    observables_tab => "observables-tab";
    observables_none => "observables-none";
    pane_observable => "pane-observable";
    observable_form_hint => "observable-form-hint";
    /// The kind of an observable left to be guessed from its value.
    observable_kind_auto => "observable-kind-auto";
    investigation_view_title => "investigation-view-title";
    /// The keys of the observables tab, after the tab strip.
    observables_keys => "observables-keys";
    search_nothing => "search-nothing";
    pane_observable_note(observable: &str) => "pane-observable-note";
    observable_detail(first: &str, last: &str, by: &str, reports: u32) => "observable-detail";
    observable_links(source: &str, links: &str) => "observable-links";
    /// The investigation view's tabs of assets and of the attack timeline.
    assets_tab => "assets-tab";
    attack_tab => "attack-tab";
    assets_none => "assets-none";
    attack_none => "attack-none";
    assets_keys => "assets-keys";
    attack_keys => "attack-keys";
    pane_asset => "pane-asset";
    asset_form_hint => "asset-form-hint";
    pane_asset_note(asset: &str) => "pane-asset-note";
    pane_attack_step => "pane-attack-step";
    pane_import_file => "pane-import-file";
    import_file_hint => "import-file-hint";
    attack_step_form_hint => "attack-step-form-hint";
    /// An asset's owner and links, under its history.
    asset_links(owner: &str, links: &str) => "asset-links";
    /// Who wrote a step down and when, where it is known from, what it is linked to.
    attack_step_detail(by: &str, at: &str, source: &str, links: &str) => "attack-step-detail";
}
