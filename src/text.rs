//! Every sentence the dashboard and the command line show, in one place. Those already
//! translated are functions reading `assets/locales/*.ftl` through `i18n::tr`; the
//! rest are English constants still to move there.

use crate::app::Action;
use crate::app::keymap::Mode;
use crate::i18n::{tr, tr_args};

pub const APP_NAME: &str = "warroom";
pub fn exercise() -> String {
    tr("exercise")
}

// Pane titles.
pub fn pane_incident() -> String {
    tr("pane-incident")
}
pub fn pane_checklist() -> String {
    tr("pane-checklist")
}
pub fn pane_clocks() -> String {
    tr("pane-clocks")
}
pub fn pane_contacts() -> String {
    tr("pane-contacts")
}
pub fn pane_journal() -> String {
    tr("pane-journal")
}
pub fn pane_help() -> String {
    tr("pane-help")
}
pub fn pane_picker() -> String {
    tr("pane-picker")
}
pub fn pane_note() -> String {
    tr("pane-note")
}
pub fn pane_new() -> String {
    tr("pane-new")
}

// Incident pane labels.
pub fn label_severity() -> String {
    tr("label-severity")
}
pub fn label_category() -> String {
    tr("label-category")
}
pub fn label_phase() -> String {
    tr("label-phase")
}
pub fn label_declared() -> String {
    tr("label-declared")
}
pub fn label_detected() -> String {
    tr("label-detected")
}
pub fn label_commander() -> String {
    tr("label-commander")
}
pub fn label_scope() -> String {
    tr("label-scope")
}
pub fn label_summary() -> String {
    tr("label-summary")
}
pub fn label_title() -> String {
    tr("label-title")
}
pub fn not_set() -> String {
    tr("not-set")
}
pub fn scope_network() -> String {
    tr("scope-network")
}
pub fn scope_cloud() -> String {
    tr("scope-cloud")
}
pub fn scope_endpoints() -> String {
    tr("scope-endpoints")
}
pub fn scope_personal_data() -> String {
    tr("scope-personal-data")
}
pub fn scope_none() -> String {
    tr("scope-none")
}

// Clocks pane.
pub fn clock_since_declared() -> String {
    tr("clock-since-declared")
}
pub fn clock_left() -> String {
    tr("clock-left")
}
pub fn clock_overdue() -> String {
    tr("clock-overdue")
}
pub fn clock_due_text() -> String {
    tr("clock-due")
}

// Checklist pane.
pub fn checklist_empty() -> String {
    tr("checklist-empty")
}

// Status line.
pub fn status_saved() -> String {
    tr("status-saved")
}
pub fn status_saving() -> String {
    tr("status-saving")
}
pub fn status_help_hint() -> String {
    tr("status-help-hint")
}
pub fn status_local() -> String {
    tr("status-local")
}
pub const STATUS_UTC: &str = "UTC";

// Forms.
pub fn form_submit_hint() -> String {
    tr("form-submit-hint")
}
pub fn form_choice_hint() -> String {
    tr("form-choice-hint")
}
pub fn form_title_required() -> String {
    tr("form-title-required")
}
pub fn picker_empty() -> String {
    tr("picker-empty")
}

// Welcome screen.
pub fn welcome_title() -> String {
    tr("welcome-title")
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
pub fn welcome_keys_intro() -> String {
    tr("welcome-keys-intro")
}
pub fn welcome_dashboard_intro() -> String {
    tr("welcome-dashboard-intro")
}

// Messages.
pub fn too_small_text() -> String {
    tr("too-small")
}
pub fn too_small_now() -> String {
    tr("too-small-now")
}
pub fn flash_retainer_alerted() -> String {
    tr("flash-retainer-alerted")
}
pub fn flash_retainer_again() -> String {
    tr("flash-retainer-again")
}
pub fn flash_no_incident() -> String {
    tr("flash-no-incident")
}
pub fn flash_save_failed() -> String {
    tr("flash-save-failed")
}

pub fn too_small(min_w: u16, min_h: u16, w: u16, h: u16) -> String {
    format!(
        "{} {min_w}×{min_h}; {} {w}×{h}.",
        too_small_text(),
        too_small_now()
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

/// How a journal event reads in one line.
/// Item ids are shown with their text when `state` knows them.
pub fn event_line(
    change: &crate::domain::Change,
    state: Option<&crate::domain::IncidentState>,
) -> String {
    use crate::domain::Change;
    let item_text = |id: &str| {
        state
            .and_then(|s| s.item(id))
            .map_or_else(|| id.to_string(), |i| i.text.clone())
    };
    match change {
        Change::Declared(d) => format!("Declared: {} (severity {})", d.title, d.severity),
        Change::TitleChanged { title } => format!("Title changed to {title}"),
        Change::SeverityChanged { severity } => format!("Severity changed to {severity}"),
        Change::CategoryChanged { category } => format!("Category changed to {category}"),
        Change::TlpChanged { tlp } => format!("Label changed to {tlp}"),
        Change::CommanderChanged { commander } => format!("Incident commander: {commander}"),
        Change::ScopeChanged { .. } => "Scope changed".into(),
        Change::SummaryChanged { summary } => format!("Summary: {summary}"),
        Change::DetectedAtChanged { detected_at } => format!("Detected at {detected_at}"),
        Change::PhaseAdvanced {
            name, left_open, ..
        } => match left_open.len() {
            0 => format!("Phase: {name}"),
            n => format!("Phase: {name} ({n} left open before)"),
        },
        Change::ItemAdded { item } => format!("Item added: {}", item.text),
        Change::ItemChecked { item } => format!("Done: {}", item_text(item)),
        Change::ItemUnchecked { item } => format!("Reopened: {}", item_text(item)),
        Change::ItemAssigned { item, person } => match person {
            Some(person) => format!("Assigned to {person}: {}", item_text(item)),
            None => format!("Unassigned: {}", item_text(item)),
        },
        Change::ItemNotApplicable { item, reason } => {
            format!("Not applicable: {} ({reason})", item_text(item))
        }
        Change::NoteAdded { text } => text.clone(),
        Change::RetainerAlerted {
            retainer,
            response_minutes,
        } => {
            format!("Retainer alerted: {retainer} (responds within {response_minutes} min)")
        }
        Change::ContactAttempted {
            contact,
            outcome,
            note,
            ..
        } => {
            let how = outcome_name(*outcome);
            if note.is_empty() {
                format!("Called {contact}: {how}")
            } else {
                format!("Called {contact}: {how} ({note})")
            }
        }
        Change::ContactSaved { contact } => format!("Contact saved: {}", contact.name),
        Change::EvidenceRegistered { evidence } => format!(
            "Evidence {}: {} ({})",
            evidence.reference,
            evidence.description,
            evidence.kind.slug()
        ),
        Change::EvidenceTransferred { evidence, to, note } => {
            if note.is_empty() {
                format!("Evidence {evidence} handed to {to}")
            } else {
                format!("Evidence {evidence} handed to {to} ({note})")
            }
        }
        Change::LessonAdded { lesson } => {
            format!(
                "Lesson ({}): {}",
                lesson_kind_name(lesson.kind),
                lesson.text
            )
        }
        Change::Retracted { event, reason } => format!("Retraction of #{event}: {reason}"),
        Change::DrillStarted {
            scenario, briefing, ..
        } => {
            format!("Drill started ({scenario}): {briefing}")
        }
        Change::InjectDelivered { from, text, .. } => {
            if from.is_empty() {
                format!("INJECT: {text}")
            } else {
                format!("INJECT from {from}: {text}")
            }
        }
        Change::FlagSet { flag, at } => match at {
            Some(at) => format!(
                "Flag set: {} (as of {})",
                flag_name(*flag),
                at.format("%Y-%m-%d %H:%M UTC")
            ),
            None => format!("Flag set: {}", flag_name(*flag)),
        },
        Change::ClockStarted { clock } => format!("Clock started by hand: {clock}"),
        Change::ClockMet { clock, reference } => format!("Clock met: {clock} (ref. {reference})"),
        Change::ClockWaived { clock, reason } => format!("Clock waived: {clock} ({reason})"),
        Change::ReportFieldWritten { field, .. } => format!("Report: {field} written"),
        Change::Corrected { event, text } => format!("Correction of #{event}: {text}"),
        Change::Closed { reason } => format!("Closed: {reason}"),
    }
}

// Command line.
pub fn cli_no_data_dir() -> String {
    tr("cli-no-data-dir")
}
pub fn cli_the_note() -> String {
    tr("cli-the-note")
}
pub fn cli_ok() -> String {
    tr("cli-ok")
}
pub fn cli_no_declaration() -> String {
    tr("cli-no-declaration")
}

pub fn cli_empty(what: &str) -> String {
    format!("{what} is empty; give some text")
}

pub fn cli_saved(id: impl std::fmt::Display, event: u64) -> String {
    format!("saved {id} event {event}")
}

pub fn cli_unknown_item(id: impl std::fmt::Display, item: &str, known: &[&str]) -> String {
    format!(
        "{id} has no checklist item '{item}'; its items are: {}",
        known.join(", ")
    )
}

/// A check of a done item, or an uncheck of an open one: nothing to record.
pub fn cli_already(id: impl std::fmt::Display, item: &str, done: bool) -> String {
    let state = if done { "already done" } else { "not done" };
    format!("{id}: {item} is {state}; nothing recorded")
}

pub fn cli_verified(id: impl std::fmt::Display, count: u64, head: &str) -> String {
    format!("{id}: ok, {count} events, head {head}")
}

pub fn cli_broken(id: impl std::fmt::Display, why: impl std::fmt::Display) -> String {
    format!("{id}: BROKEN at {why}")
}

pub fn cli_failed_verification(count: usize) -> String {
    format!("{count} journal(s) failed verification")
}

// Directory.
pub fn retainer_hours() -> String {
    tr("retainer-hours")
}

pub fn retainer_role(minutes: u32) -> String {
    tr_args("retainer-role", &[("minutes", minutes.into())])
}

pub fn cli_unknown_playbook(found: &str, known: &str) -> String {
    format!("unknown playbook '{found}'; valid values: {known}")
}

pub fn flash_last_phase() -> String {
    tr("flash-last-phase")
}
pub fn flash_first_phase() -> String {
    tr("flash-first-phase")
}
pub fn flash_no_item() -> String {
    tr("flash-no-item")
}
pub fn form_text_required() -> String {
    tr("form-text-required")
}

pub fn confirm_advance(open: usize, from: &str, to: &str) -> String {
    tr_args(
        "confirm-advance",
        &[
            ("open", open.into()),
            ("from", from.into()),
            ("to", to.into()),
        ],
    )
}

pub fn confirm_back(to: &str) -> String {
    tr_args("confirm-back", &[("to", to.into())])
}

pub fn checklist_none_open() -> String {
    tr("checklist-none-open")
}
pub fn checklist_none_mine() -> String {
    tr("checklist-none-mine")
}
pub fn checklist_not_current() -> String {
    tr("checklist-not-current")
}
pub fn hint_not_applicable() -> String {
    tr("hint-not-applicable")
}
pub fn hint_call() -> String {
    tr("hint-call")
}
pub fn hint_keep() -> String {
    tr("hint-keep")
}
pub fn hint_starts() -> String {
    tr("hint-starts")
}
pub fn hint_stops() -> String {
    tr("hint-stops")
}
pub fn hint_id() -> String {
    tr("hint-id")
}
pub fn label_next() -> String {
    tr("label-next")
}
pub fn label_playbook() -> String {
    tr("label-playbook")
}
pub fn label_owner() -> String {
    tr("label-owner")
}
pub fn nobody() -> String {
    tr("nobody")
}
pub fn pane_reason() -> String {
    tr("pane-reason")
}
pub fn pane_add_item() -> String {
    tr("pane-add-item")
}
pub fn pane_assign() -> String {
    tr("pane-assign")
}
pub fn pane_confirm() -> String {
    tr("pane-confirm")
}
pub fn confirm_hint() -> String {
    tr("confirm-hint")
}
pub fn assign_hint() -> String {
    tr("assign-hint")
}
pub fn add_item_hint() -> String {
    tr("add-item-hint")
}
pub fn next_none() -> String {
    tr("next-none")
}

pub fn filter_name(filter: crate::app::Filter) -> &'static str {
    match filter {
        crate::app::Filter::All => "all",
        crate::app::Filter::Open => "open only",
        crate::app::Filter::Mine => "mine",
    }
}

pub fn playbook_auto(name: &str) -> String {
    tr_args("playbook-auto", &[("name", name.into())])
}

pub fn assign_typed(name: &str) -> String {
    tr_args("assign-typed", &[("name", name.into())])
}

pub fn assign_nobody() -> &'static str {
    "Nobody (take it back)"
}
pub fn label_assignee() -> String {
    tr("label-assignee")
}

pub fn cli_the_person() -> String {
    tr("cli-the-person")
}
pub fn cli_the_item() -> String {
    tr("cli-the-item")
}
pub fn cli_the_reason() -> String {
    tr("cli-the-reason")
}

pub fn cli_already_assigned(
    id: impl std::fmt::Display,
    item: &str,
    person: Option<&str>,
) -> String {
    match person {
        Some(p) => format!("{id} {item} is already assigned to {p}; nothing recorded"),
        None => format!("{id} {item} is assigned to nobody already; nothing recorded"),
    }
}

pub fn cli_unknown_phase(id: impl std::fmt::Display, phase: &str, known: &[&str]) -> String {
    format!(
        "{id} has no phase '{phase}'; use next, back or one of: {}",
        known.join(", ")
    )
}

pub fn cli_already_in_phase(id: impl std::fmt::Display, name: &str) -> String {
    format!("{id} is already in {name}; nothing recorded")
}

pub fn cli_items_open(id: impl std::fmt::Display, open: &[&str]) -> String {
    format!(
        "{id}: {} item(s) of the current phase are still open ({}); tick them, mark them not applicable, or pass --force",
        open.len(),
        open.join(", ")
    )
}

pub fn cli_unknown_role(found: &str, known: &[&str]) -> String {
    format!("unknown role '{found}'; valid values: {}", known.join(", "))
}

pub fn playbook_fallback() -> String {
    tr("playbook-fallback")
}
pub fn playbook_items() -> String {
    tr("playbook-items")
}
pub fn playbook_picked_by() -> String {
    tr("playbook-picked-by")
}

pub fn cli_playbook_ok(id: &str, counts: &str) -> String {
    format!("ok: playbook {id} ({counts})")
}
pub fn welcome_more_keys() -> String {
    tr("welcome-more-keys")
}

pub fn flag_name(flag: crate::domain::Flag) -> &'static str {
    use crate::domain::Flag;
    match flag {
        Flag::PersonalData => "personal-data breach established",
        Flag::Significant => "significant incident (NIS2)",
        Flag::Major => "major incident (DORA)",
        Flag::Nis2Entity => "NIS2 entity",
        Flag::DoraEntity => "DORA entity",
    }
}

// Notification drafts.
pub fn draft_to_complete() -> String {
    tr("draft-to-complete")
}
pub fn draft_prepared() -> String {
    tr("draft-prepared")
}
pub fn draft_recipient() -> String {
    tr("draft-recipient")
}
pub fn draft_deadline() -> String {
    tr("draft-deadline")
}
pub fn draft_late() -> String {
    tr("draft-late")
}
pub fn draft_late_reasons() -> String {
    tr("draft-late-reasons")
}
pub fn draft_section_entity() -> String {
    tr("draft-section-entity")
}
pub fn draft_organisation() -> String {
    tr("draft-organisation")
}
pub fn draft_contact() -> String {
    tr("draft-contact")
}
pub fn draft_section_incident() -> String {
    tr("draft-section-incident")
}
pub fn draft_reference() -> String {
    tr("draft-reference")
}
pub fn draft_detected() -> String {
    tr("draft-detected")
}
pub fn draft_aware() -> String {
    tr("draft-aware")
}
pub fn draft_description() -> String {
    tr("draft-description")
}
pub fn draft_section_measures() -> String {
    tr("draft-section-measures")
}
pub fn draft_planned() -> String {
    tr("draft-planned")
}
pub fn draft_gdpr_nature() -> String {
    tr("draft-gdpr-nature")
}
pub fn draft_gdpr_people() -> String {
    tr("draft-gdpr-people")
}
pub fn draft_gdpr_records() -> String {
    tr("draft-gdpr-records")
}
pub fn draft_gdpr_dpo() -> String {
    tr("draft-gdpr-dpo")
}
pub fn draft_gdpr_consequences() -> String {
    tr("draft-gdpr-consequences")
}
pub fn draft_gdpr_phased() -> String {
    tr("draft-gdpr-phased")
}
pub fn draft_gdpr_phased_default() -> String {
    tr("draft-gdpr-phased-default")
}
pub fn draft_nis2_malicious() -> String {
    tr("draft-nis2-malicious")
}
pub fn draft_nis2_cross_border() -> String {
    tr("draft-nis2-cross-border")
}
pub fn draft_nis2_update() -> String {
    tr("draft-nis2-update")
}
pub fn draft_nis2_assessment() -> String {
    tr("draft-nis2-assessment")
}
pub fn draft_nis2_iocs() -> String {
    tr("draft-nis2-iocs")
}
pub fn draft_nis2_description() -> String {
    tr("draft-nis2-description")
}
pub fn draft_nis2_root_cause() -> String {
    tr("draft-nis2-root-cause")
}
pub fn draft_nis2_mitigation() -> String {
    tr("draft-nis2-mitigation")
}

pub fn draft_title(kind: crate::drafts::DraftKind) -> &'static str {
    use crate::drafts::DraftKind;
    match kind {
        DraftKind::Gdpr => "Personal-data breach notification (GDPR Art. 33) - DRAFT",
        DraftKind::Nis2Early => "NIS2 early warning (Art. 23(4)(a)) - DRAFT",
        DraftKind::Nis2Notification => "NIS2 incident notification (Art. 23(4)(b)) - DRAFT",
        DraftKind::Nis2Final => "NIS2 final report (Art. 23(4)(d)) - DRAFT",
    }
}

pub fn unknown_draft(found: &str, known: &str) -> String {
    format!("unknown draft '{found}'; valid values: {known}")
}

pub fn flash_select_clock() -> String {
    tr("flash-select-clock")
}
pub fn starts_no_clock() -> String {
    tr("starts-no-clock")
}
pub fn pane_met_reference() -> String {
    tr("pane-met-reference")
}
pub fn pane_waive_reason() -> String {
    tr("pane-waive-reason")
}

pub fn flash_clock_not_waiting(name: &str) -> String {
    tr_args("flash-clock-not-waiting", &[("name", name.into())])
}

pub fn flash_clock_closed(name: &str) -> String {
    tr_args("flash-clock-closed", &[("name", name.into())])
}

pub fn flash_no_draft(name: &str) -> String {
    tr_args("flash-no-draft", &[("name", name.into())])
}

pub fn flash_flag_already(flag: &str, at: &str) -> String {
    tr_args(
        "flash-flag-already",
        &[("flag", flag.into()), ("at", at.into())],
    )
}

pub fn flash_draft_saved(path: &str) -> String {
    tr_args("flash-draft-saved", &[("path", path.into())])
}

pub fn clock_due(name: &str, local: &str, utc: &str) -> String {
    tr_args(
        "clock-due-at",
        &[
            ("name", name.into()),
            ("local", local.into()),
            ("utc", utc.into()),
        ],
    )
}

pub fn confirm_start(name: &str, due: &str) -> String {
    tr_args(
        "confirm-start",
        &[("name", name.into()), ("due", due.into())],
    )
}

pub fn confirm_flag(flag: &str, due: &str) -> String {
    tr_args(
        "confirm-flag",
        &[("flag", flag.into()), ("due", due.into())],
    )
}
pub fn viewer_hint() -> String {
    tr("viewer-hint")
}

pub fn clocks_none() -> String {
    tr("clocks-none")
}
pub fn clock_waived() -> String {
    tr("clock-waived")
}
pub fn clock_met() -> String {
    tr("clock-met")
}
pub fn clock_met_at() -> String {
    tr("clock-met-at")
}
pub fn clock_ref() -> String {
    tr("clock-ref")
}
pub fn clock_waiting() -> String {
    tr("clock-waiting")
}
pub fn clock_waits() -> String {
    tr("clock-waits")
}
pub fn clock_waits_met() -> String {
    tr("clock-waits-met")
}
pub fn clock_by_hand() -> String {
    tr("clock-by-hand")
}
pub fn clock_retainer_alert() -> String {
    tr("clock-retainer-alert")
}

pub fn clocks_not_applicable(n: usize) -> String {
    tr_args("clocks-not-applicable", &[("n", n.into())])
}

pub fn clock_met_early(by: &str) -> String {
    tr_args("clock-met-early", &[("by", by.into())])
}

pub fn clock_met_late(by: &str) -> String {
    tr_args("clock-met-late", &[("by", by.into())])
}
pub fn clock_not_applicable() -> String {
    tr("clock-not-applicable")
}

pub fn cli_future_instant(at: &str) -> String {
    format!("--at {at} is in the future; give the instant it became true")
}

pub fn cli_flag_already(id: impl std::fmt::Display, flag: &str, at: &str) -> String {
    format!("{id} already has {flag} since {at}; nothing recorded")
}

pub fn cli_clock_started(clock: &str, deadline: &str) -> String {
    format!("started {clock}, due {deadline}")
}

pub fn cli_unknown_clock(id: impl std::fmt::Display, clock: &str, known: &[&str]) -> String {
    format!(
        "{id} has no clock '{clock}'; its clocks are: {}",
        known.join(", ")
    )
}

pub fn cli_clock_not_applicable(id: impl std::fmt::Display, clock: &str) -> String {
    format!(
        "{clock} does not apply to {id} (set nis2-entity or dora-entity with `warroom flag` if it should)"
    )
}

pub fn cli_clock_already(id: impl std::fmt::Display, clock: &str) -> String {
    format!("{id} {clock} is already past that state; nothing recorded")
}

pub fn cli_cannot_write(path: &str, why: &str) -> String {
    format!("cannot write {path}: {why}")
}

/// A flag in a few words, for tight places.
pub fn flag_short(flag: crate::domain::Flag) -> &'static str {
    use crate::domain::Flag;
    match flag {
        Flag::PersonalData => "breach",
        Flag::Significant => "significant",
        Flag::Major => "major",
        Flag::Nis2Entity => "NIS2 entity",
        Flag::DoraEntity => "DORA entity",
    }
}

pub fn met_by_step(item: &str) -> String {
    tr_args("met-by-step", &[("item", item.into())])
}

pub fn clock_start_named(name: &str) -> String {
    tr_args("clock-start-named", &[("name", name.into())])
}

pub fn clock_met_named(name: &str) -> String {
    tr_args("clock-met-named", &[("name", name.into())])
}

pub fn confirm_step_clocks(what: &str) -> String {
    tr_args("confirm-step-clocks", &[("what", what.into())])
}

pub fn flash_select_contact() -> String {
    tr("flash-select-contact")
}
pub fn form_name_required() -> String {
    tr("form-name-required")
}

pub fn outcome_name(outcome: crate::domain::ContactOutcome) -> &'static str {
    use crate::domain::ContactOutcome;
    match outcome {
        ContactOutcome::Reached => "reached",
        ContactOutcome::NoAnswer => "no answer",
        ContactOutcome::Message => "message left",
        ContactOutcome::Email => "e-mail sent",
    }
}

pub fn search_editing() -> String {
    tr("search-editing")
}
pub fn search_applied() -> String {
    tr("search-applied")
}
pub fn search_none() -> String {
    tr("search-none")
}
pub fn nobody_for_role() -> String {
    tr("nobody-for-role")
}
pub fn step_reached() -> String {
    tr("step-reached")
}
pub fn step_to_call() -> String {
    tr("step-to-call")
}
pub fn verify_before_use() -> String {
    tr("verify-before-use")
}
pub fn contact_contract() -> String {
    tr("contact-contract")
}
pub fn contact_checked() -> String {
    tr("contact-checked")
}
pub fn contact_source() -> String {
    tr("contact-source")
}
pub fn pane_call() -> String {
    tr("pane-call")
}
pub fn call_hint() -> String {
    tr("call-hint")
}
pub fn label_outcome() -> String {
    tr("label-outcome")
}
pub fn pane_contact_new() -> String {
    tr("pane-contact-new")
}
pub fn pane_contact_edit() -> String {
    tr("pane-contact-edit")
}
pub fn contact_form_hint() -> String {
    tr("contact-form-hint")
}

pub fn kind_name(kind: crate::domain::ContactKind) -> &'static str {
    use crate::domain::ContactKind;
    match kind {
        ContactKind::Internal => "internal",
        ContactKind::Provider => "provider",
        ContactKind::Retainer => "retainer CSIRT",
        ContactKind::Authority => "authority",
        ContactKind::PublicCsirt => "public CSIRT",
        ContactKind::Insurer => "insurer",
        ContactKind::Bank => "bank",
        ContactKind::Police => "police",
        ContactKind::Other => "other",
    }
}

pub fn contact_field_name(field: crate::app::forms::ContactField) -> &'static str {
    use crate::app::forms::ContactField;
    match field {
        ContactField::Name => "Name",
        ContactField::Role => "Role",
        ContactField::Organisation => "Organisation",
        ContactField::Phone => "Phones",
        ContactField::Email => "E-mail",
        ContactField::Availability => "Hours",
        ContactField::Roles => "Role ids",
        ContactField::Notes => "Notes",
    }
}

pub fn cli_contact_saved(id: &str) -> String {
    format!("saved contact {id}")
}

pub fn cli_unknown_contact(who: &str, close: &[String]) -> String {
    if close.is_empty() {
        format!("no contact '{who}' in the directory (see `warroom contacts`)")
    } else {
        format!(
            "no contact '{who}' in the directory; closest: {}",
            close.join(", ")
        )
    }
}
pub fn label_escalation() -> String {
    tr("label-escalation")
}

pub fn lesson_kind_name(kind: crate::domain::LessonKind) -> &'static str {
    use crate::domain::LessonKind;
    match kind {
        LessonKind::Cause => "probable cause",
        LessonKind::Weakness => "weakness found",
        LessonKind::WentWell => "what went well",
        LessonKind::Recommendation => "recommendation",
    }
}

pub fn hashing() -> String {
    tr("hashing")
}
pub fn evidence_at() -> String {
    tr("evidence-at")
}
pub fn evidence_ok() -> String {
    tr("evidence-ok")
}
pub fn evidence_mismatch() -> String {
    tr("evidence-mismatch")
}
pub fn evidence_unreachable() -> String {
    tr("evidence-unreachable")
}
pub fn evidence_no_hash() -> String {
    tr("evidence-no-hash")
}
pub fn cli_the_lesson() -> String {
    tr("cli-the-lesson")
}
pub fn cli_the_correction() -> String {
    tr("cli-the-correction")
}
pub fn cli_cannot_retract_declaration() -> String {
    tr("cli-cannot-retract-declaration")
}

pub fn cli_bad_sha256(found: &str) -> String {
    format!("--sha256 '{found}' is not a SHA-256 (64 hexadecimal digits)")
}

pub fn cli_cannot_read(path: &str, why: &str) -> String {
    format!("cannot read {path}: {why}")
}

pub fn cli_unknown_evidence(id: impl std::fmt::Display, item: &str) -> String {
    format!("{id} has no evidence item '{item}' (see `warroom evidence list {id}`)")
}

pub fn cli_evidence_changed(n: usize) -> String {
    format!("{n} evidence file(s) no longer match their recorded SHA-256")
}

pub fn cli_unknown_event(id: impl std::fmt::Display, event: u64, count: u64) -> String {
    format!("{id} has no event #{event}; its events are #1 to #{count}")
}

// Reports.
pub fn report_title() -> String {
    tr("report-title")
}
pub fn report_summary() -> String {
    tr("report-summary")
}
pub fn report_timeline() -> String {
    tr("report-timeline")
}
pub fn report_phases() -> String {
    tr("report-phases")
}
pub fn report_clocks() -> String {
    tr("report-clocks")
}
pub fn report_contacts() -> String {
    tr("report-contacts")
}
pub fn report_evidence() -> String {
    tr("report-evidence")
}
pub fn report_lessons() -> String {
    tr("report-lessons")
}
pub fn report_integrity_text() -> String {
    tr("report-integrity")
}
pub fn report_none() -> String {
    tr("report-none")
}
pub fn report_current() -> String {
    tr("report-current")
}
pub fn report_custody() -> String {
    tr("report-custody")
}
pub fn report_generated() -> String {
    tr("report-generated")
}
pub fn report_organisation() -> String {
    tr("report-organisation")
}

pub fn report_missed(by: &str) -> String {
    tr_args("report-missed", &[("by", by.into())])
}

pub fn report_running(left: &str) -> String {
    tr_args("report-running", &[("left", left.into())])
}

pub fn report_retracted(by: u64, reason: &str) -> String {
    tr_args(
        "report-retracted",
        &[("by", by.into()), ("reason", reason.into())],
    )
}

pub fn report_corrected(ids: &str) -> String {
    tr_args("report-corrected", &[("ids", ids.into())])
}

pub fn report_integrity(events: u64, hash: &str) -> String {
    tr_args(
        "report-integrity-note",
        &[("events", events.into()), ("hash", hash.into())],
    )
}

pub fn cli_not_a_journal(file: &str) -> String {
    format!(
        "{file}:1:1: not a warroom journal (its first line must declare an incident); write one with `warroom export ID --format journal`"
    )
}

pub fn cli_imported(id: impl std::fmt::Display, n: usize) -> String {
    format!("imported {id} ({n} events, chain verified)")
}

pub fn cli_already_imported(id: impl std::fmt::Display) -> String {
    format!("{id} is already here with the same journal; nothing imported")
}

pub fn pane_correct() -> String {
    tr("pane-correct")
}
pub fn pane_retract() -> String {
    tr("pane-retract")
}
pub fn pane_evidence() -> String {
    tr("pane-evidence")
}
pub fn pane_lesson() -> String {
    tr("pane-lesson")
}
pub fn pane_transfer() -> String {
    tr("pane-transfer")
}
pub fn label_kind() -> String {
    tr("label-kind")
}
pub fn evidence_form_hint() -> String {
    tr("evidence-form-hint")
}
pub fn lesson_form_hint() -> String {
    tr("lesson-form-hint")
}

pub fn journal_view_title() -> String {
    tr("journal-view-title")
}
pub fn label_showing() -> String {
    tr("label-showing")
}
pub fn quick_note() -> String {
    tr("quick-note")
}
pub fn quick_note_hint() -> String {
    tr("quick-note-hint")
}
pub fn journal_nothing() -> String {
    tr("journal-nothing")
}
pub fn evidence_none() -> String {
    tr("evidence-none")
}
pub fn evidence_no_hash_short() -> String {
    tr("evidence-no-hash-short")
}
pub fn lessons_none() -> String {
    tr("lessons-none")
}

pub fn kind_filter_name(filter: crate::app::KindFilter) -> &'static str {
    use crate::app::KindFilter;
    match filter {
        KindFilter::All => "all events",
        KindFilter::Notes => "notes",
        KindFilter::Checklist => "checklist",
        KindFilter::Clocks => "clocks",
        KindFilter::Contacts => "calls",
        KindFilter::Evidence => "evidence",
        KindFilter::Amendments => "corrections",
    }
}

pub fn flash_report_saved(paths: &str) -> String {
    tr_args("flash-report-saved", &[("paths", paths.into())])
}

pub fn wall_no_clock() -> String {
    tr("wall-no-clock")
}

pub fn cli_unknown_drill(found: &str, known: &str) -> String {
    format!("unknown drill '{found}'; valid values: {known}")
}

pub fn cli_forward_no_command() -> String {
    tr("cli-forward-no-command")
}
pub fn read_only() -> String {
    tr("read-only")
}
pub fn owner_gone() -> String {
    tr("owner-gone")
}

pub fn cli_forward_failed(why: &str) -> String {
    format!("the store is in use by a dashboard, and it could not be reached: {why}")
}
pub fn status_following() -> String {
    tr("status-following")
}
