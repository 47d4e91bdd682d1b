//! Every sentence the dashboard and the command line show, in one place. Those already
//! translated are functions reading `assets/locales/*.ftl` through `i18n::tr`; the
//! rest are English constants still to move there.

use crate::app::Action;
use crate::app::keymap::Mode;
use crate::i18n::tr;

pub const APP_NAME: &str = "warroom";
pub const EXERCISE: &str = "EXERCISE";

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
pub const CLOCK_LEFT: &str = "left";
pub const CLOCK_OVERDUE: &str = "OVERDUE";
pub const CLOCK_DUE: &str = "due";

// Checklist pane.
pub const CHECKLIST_EMPTY: &str = "No items in this phase.";

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
pub const FORM_TITLE_REQUIRED: &str = "A title is needed to declare an incident.";
pub const PICKER_EMPTY: &str = "No incidents in this store yet.";

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
pub const TOO_SMALL: &str = "warroom needs a terminal of at least";
pub const TOO_SMALL_NOW: &str = "this one is";
pub const FLASH_RETAINER_ALERTED: &str =
    "Retainer alert recorded; its response clock runs from the first alert.";
pub const FLASH_RETAINER_AGAIN: &str =
    "Retainer alerted again (a reminder); the clock still runs from the first alert.";
pub const FLASH_NO_INCIDENT: &str = "No incident is open: press N to declare one.";
pub const FLASH_SAVE_FAILED: &str = "NOT SAVED";

pub fn too_small(min_w: u16, min_h: u16, w: u16, h: u16) -> String {
    format!("{TOO_SMALL} {min_w}×{min_h}; {TOO_SMALL_NOW} {w}×{h}.")
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
pub const CLI_NO_DATA_DIR: &str = "no data directory: this platform has none, pass --data-dir DIR";
pub const CLI_THE_NOTE: &str = "the note";
pub const CLI_OK: &str = "ok";
pub const CLI_NO_DECLARATION: &str = "the store returned no declaration";

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
pub const RETAINER_HOURS: &str = "24/7";

pub fn retainer_role(minutes: u32) -> String {
    format!("Retainer CSIRT, responds within {minutes} min")
}

pub fn cli_unknown_playbook(found: &str, known: &str) -> String {
    format!("unknown playbook '{found}'; valid values: {known}")
}

pub const FLASH_LAST_PHASE: &str = "This is the last phase";
pub const FLASH_FIRST_PHASE: &str = "This is the first phase";
pub const FLASH_NO_ITEM: &str = "No item selected";
pub const FORM_TEXT_REQUIRED: &str = "Type some text first";

pub fn confirm_advance(open: usize, from: &str, to: &str) -> String {
    let items = if open == 1 { "item is" } else { "items are" };
    format!("{open} {items} still open in {from}. Move on to {to} anyway?")
}

pub fn confirm_back(to: &str) -> String {
    format!("Move the incident back to {to}?")
}

pub const CHECKLIST_NONE_OPEN: &str = "Nothing left open in this phase.";
pub const CHECKLIST_NONE_MINE: &str = "Nothing in this phase is assigned to you.";
pub const CHECKLIST_NOT_CURRENT: &str = "not the current phase";
pub const HINT_NOT_APPLICABLE: &str = "N/A";
pub const HINT_CALL: &str = "Call";
pub const HINT_KEEP: &str = "Keep";
pub const HINT_STARTS: &str = "Starts";
pub const HINT_STOPS: &str = "Stops";
pub const HINT_ID: &str = "Id";
pub fn label_next() -> String {
    tr("label-next")
}
pub fn label_playbook() -> String {
    tr("label-playbook")
}
pub const LABEL_OWNER: &str = "Owner";
pub const NOBODY: &str = "nobody";
pub const PANE_REASON: &str = "Why does this item not apply?";
pub const PANE_ADD_ITEM: &str = "Add an item to this phase";
pub const PANE_ASSIGN: &str = "Give this item to";
pub const PANE_CONFIRM: &str = "Confirm";
pub const CONFIRM_HINT: &str = "y: yes   n / Esc: no";
pub const ASSIGN_HINT: &str = "Type to filter · ↑↓ choose · Enter assign · Esc cancel";
pub const ADD_ITEM_HINT: &str = "Enter: add   Tab: change owner   Esc: cancel";
pub const NEXT_NONE: &str = "nothing open in this phase";

pub fn filter_name(filter: crate::app::Filter) -> &'static str {
    match filter {
        crate::app::Filter::All => "all",
        crate::app::Filter::Open => "open only",
        crate::app::Filter::Mine => "mine",
    }
}

pub fn playbook_auto(name: &str) -> String {
    format!("from the category: {name}")
}

pub fn assign_typed(name: &str) -> String {
    format!("{name} (not in the directory)")
}

pub fn assign_nobody() -> &'static str {
    "Nobody (take it back)"
}
pub const LABEL_ASSIGNEE: &str = "Given to";

pub const CLI_THE_PERSON: &str = "the person";
pub const CLI_THE_ITEM: &str = "the item text";
pub const CLI_THE_REASON: &str = "the reason";

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

pub const PLAYBOOK_FALLBACK: &str = "any category no other playbook claims";
pub const PLAYBOOK_ITEMS: &str = "items";
pub const PLAYBOOK_PICKED_BY: &str = "picked by";

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
pub const DRAFT_TO_COMPLETE: &str = "TO COMPLETE";
pub const DRAFT_PREPARED: &str = "Draft prepared";
pub const DRAFT_RECIPIENT: &str = "To";
pub const DRAFT_DEADLINE: &str = "Deadline";
pub const DRAFT_LATE: &str = "Sent after the deadline; reasons";
pub const DRAFT_LATE_REASONS: &str = "why it is late";
pub const DRAFT_SECTION_ENTITY: &str = "Notifying organisation";
pub const DRAFT_ORGANISATION: &str = "Organisation";
pub const DRAFT_CONTACT: &str = "Contact point";
pub const DRAFT_SECTION_INCIDENT: &str = "Incident";
pub const DRAFT_REFERENCE: &str = "Internal reference";
pub const DRAFT_DETECTED: &str = "when it was detected";
pub const DRAFT_AWARE: &str = "Became aware";
pub const DRAFT_DESCRIPTION: &str = "what happened, in a few sentences";
pub const DRAFT_SECTION_MEASURES: &str = "Measures taken so far";
pub const DRAFT_PLANNED: &str = "measures planned, and to reduce the effects";
pub const DRAFT_GDPR_NATURE: &str =
    "Nature of the breach (confidentiality, integrity, availability)";
pub const DRAFT_GDPR_PEOPLE: &str = "Categories and approximate number of people concerned";
pub const DRAFT_GDPR_RECORDS: &str = "Categories and approximate number of records concerned";
pub const DRAFT_GDPR_DPO: &str = "Name and contact of the DPO or other contact point";
pub const DRAFT_GDPR_CONSEQUENCES: &str = "Likely consequences for the people";
pub const DRAFT_GDPR_PHASED: &str = "Complete or initial notification";
pub const DRAFT_GDPR_PHASED_DEFAULT: &str =
    "Initial notification; complements will follow as the investigation progresses.";
pub const DRAFT_NIS2_MALICIOUS: &str = "Is an unlawful or malicious act suspected?";
pub const DRAFT_NIS2_CROSS_BORDER: &str = "Could the incident have a cross-border impact?";
pub const DRAFT_NIS2_UPDATE: &str = "Update of the early warning";
pub const DRAFT_NIS2_ASSESSMENT: &str = "Initial assessment of severity and impact";
pub const DRAFT_NIS2_IOCS: &str = "Indicators of compromise, where available";
pub const DRAFT_NIS2_DESCRIPTION: &str = "Detailed description, with severity and impact";
pub const DRAFT_NIS2_ROOT_CAUSE: &str = "Type of threat or root cause";
pub const DRAFT_NIS2_MITIGATION: &str = "Mitigation applied and ongoing";

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

pub const FLASH_SELECT_CLOCK: &str = "Select a clock first: press c, then move with ↑ ↓";
pub const STARTS_NO_CLOCK: &str = "no clock starts now";
pub const PANE_MET_REFERENCE: &str = "Deadline met: reference (receipt number, mail…)";
pub const PANE_WAIVE_REASON: &str = "Why does this clock not apply?";

pub fn flash_clock_not_waiting(name: &str) -> String {
    format!("{name} is not waiting to start")
}

pub fn flash_clock_closed(name: &str) -> String {
    format!("{name} is already met or waived")
}

pub fn flash_no_draft(name: &str) -> String {
    format!("No notification draft for {name}")
}

pub fn flash_flag_already(flag: &str, at: &str) -> String {
    format!("Already recorded: {flag}, {at}")
}

pub fn flash_draft_saved(path: &str) -> String {
    format!("Draft saved: {path}")
}

pub fn clock_due(name: &str, local: &str, utc: &str) -> String {
    format!("{name} due {local} ({utc} UTC)")
}

pub fn confirm_start(name: &str, due: &str) -> String {
    format!("Start {name} now? {due}.")
}

pub fn confirm_flag(flag: &str, due: &str) -> String {
    format!("Record \"{flag}\" as of now? Starts: {due}.")
}
pub const VIEWER_HINT: &str =
    "↑↓ PgUp PgDn scroll · Esc close · also saved in the data directory under drafts/";

pub const CLOCKS_NONE: &str = "No clock defined.";
pub const CLOCK_WAIVED: &str = "waived";
pub const CLOCK_MET: &str = "met";
pub const CLOCK_MET_AT: &str = "met";
pub const CLOCK_REF: &str = "ref.";
pub const CLOCK_WAITING: &str = "waiting";
pub const CLOCK_WAITS: &str = "waits:";
pub const CLOCK_WAITS_MET: &str = "starts when met:";
pub const CLOCK_BY_HAND: &str = "start by hand";
pub const CLOCK_RETAINER_ALERT: &str = "alert";

pub fn clocks_not_applicable(n: usize) -> String {
    format!("+{n} not applicable")
}

pub fn clock_met_early(by: &str) -> String {
    format!("met {by} early")
}

pub fn clock_met_late(by: &str) -> String {
    format!("met {by} late")
}
pub const CLOCK_NOT_APPLICABLE: &str = "not applicable";

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
    format!("checklist step {item}")
}

pub fn clock_start_named(name: &str) -> String {
    format!("start {name}")
}

pub fn clock_met_named(name: &str) -> String {
    format!("{name} met")
}

pub fn confirm_step_clocks(what: &str) -> String {
    format!("This step is linked to the clocks. Record also: {what}?")
}

pub const FLASH_SELECT_CONTACT: &str = "Select a contact first: Tab to the Contacts pane";
pub const FORM_NAME_REQUIRED: &str = "A contact needs a name";

pub fn outcome_name(outcome: crate::domain::ContactOutcome) -> &'static str {
    use crate::domain::ContactOutcome;
    match outcome {
        ContactOutcome::Reached => "reached",
        ContactOutcome::NoAnswer => "no answer",
        ContactOutcome::Message => "message left",
        ContactOutcome::Email => "e-mail sent",
    }
}

pub const SEARCH_EDITING: &str = "Enter keep · Esc clear";
pub const SEARCH_APPLIED: &str = "Esc clear · / edit";
pub const SEARCH_NONE: &str = "No contact matches.";
pub const NOBODY_FOR_ROLE: &str = "nobody in the directory";
pub const STEP_REACHED: &str = "reached";
pub const STEP_TO_CALL: &str = "to call";
pub const VERIFY_BEFORE_USE: &str = "⚠ Verify before use";
pub const CONTACT_CONTRACT: &str = "contract";
pub const CONTACT_CHECKED: &str = "checked";
pub const CONTACT_SOURCE: &str = "source:";
pub const PANE_CALL: &str = "Log a call";
pub const CALL_HINT: &str = "Tab: outcome   Enter: save (note optional)   Esc: cancel";
pub const LABEL_OUTCOME: &str = "Outcome";
pub const PANE_CONTACT_NEW: &str = "Add a contact";
pub const PANE_CONTACT_EDIT: &str = "Edit contact";
pub const CONTACT_FORM_HINT: &str = "Tab / Shift-Tab: field   Enter: save   Esc: cancel";

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
pub const LABEL_ESCALATION: &str = "Escalation";

pub fn lesson_kind_name(kind: crate::domain::LessonKind) -> &'static str {
    use crate::domain::LessonKind;
    match kind {
        LessonKind::Cause => "probable cause",
        LessonKind::Weakness => "weakness found",
        LessonKind::WentWell => "what went well",
        LessonKind::Recommendation => "recommendation",
    }
}

pub const HASHING: &str = "hashing";
pub const EVIDENCE_AT: &str = "at";
pub const EVIDENCE_OK: &str = "ok: the file matches its SHA-256";
pub const EVIDENCE_MISMATCH: &str = "MISMATCH: the file changed; its SHA-256 is now";
pub const EVIDENCE_UNREACHABLE: &str = "not checked, file not reachable";
pub const EVIDENCE_NO_HASH: &str = "not checked, no SHA-256 recorded";
pub const CLI_THE_LESSON: &str = "the lesson";
pub const CLI_THE_CORRECTION: &str = "the correction";
pub const CLI_CANNOT_RETRACT_DECLARATION: &str =
    "event 1 declares the incident and cannot be retracted; correct it instead";

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
pub const REPORT_TITLE: &str = "Post-incident report";
pub const REPORT_SUMMARY: &str = "Summary";
pub const REPORT_TIMELINE: &str = "Timeline";
pub const REPORT_PHASES: &str = "Phases and actions";
pub const REPORT_CLOCKS: &str = "Deadlines";
pub const REPORT_CONTACTS: &str = "Contacts reached";
pub const REPORT_EVIDENCE: &str = "Evidence";
pub const REPORT_LESSONS: &str = "Lessons learned";
pub const REPORT_INTEGRITY: &str = "Integrity";
pub const REPORT_NONE: &str = "None recorded.";
pub const REPORT_CURRENT: &str = "current phase";
pub const REPORT_CUSTODY: &str = "custody";
pub const REPORT_GENERATED: &str = "Generated";
pub const REPORT_ORGANISATION: &str = "Organisation";

pub fn report_missed(by: &str) -> String {
    format!("missed by {by}")
}

pub fn report_running(left: &str) -> String {
    format!("running, {left} left")
}

pub fn report_retracted(by: u64, reason: &str) -> String {
    format!("retracted by #{by}: {reason}")
}

pub fn report_corrected(ids: &str) -> String {
    format!("corrected by {ids}")
}

pub fn report_integrity(events: u64, hash: &str) -> String {
    format!(
        "The journal has {events} events; its head SHA-256 is {hash}. Check it with `warroom verify`."
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

pub const PANE_CORRECT: &str = "Correction (the original stays, struck)";
pub const PANE_RETRACT: &str = "Why is this event retracted?";
pub const PANE_EVIDENCE: &str = "Register evidence: description";
pub const PANE_LESSON: &str = "Add a lesson learned";
pub const PANE_TRANSFER: &str = "Hand this evidence to";
pub const LABEL_KIND: &str = "Kind";
pub const EVIDENCE_FORM_HINT: &str =
    "Tab: kind   Enter: save   (hash files with `warroom evidence add --file`)";
pub const LESSON_FORM_HINT: &str =
    "Tab: kind   Enter: save   recommendation: text @owner 2027-01-31";

pub const JOURNAL_VIEW_TITLE: &str = "Journal · Tab: evidence, lessons · f filter · / search · n note · c correct · r retract · + add · Esc close";
pub const LABEL_SHOWING: &str = "showing";
pub const QUICK_NOTE: &str = "Note:";
pub const QUICK_NOTE_HINT: &str = "Enter: save, stays open · Esc: close";
pub const JOURNAL_NOTHING: &str = "No event matches.";
pub const EVIDENCE_NONE: &str =
    "No evidence registered. + registers an item; `warroom evidence add --file` hashes a file.";
pub const EVIDENCE_NO_HASH_SHORT: &str = "no hash";
pub const LESSONS_NONE: &str =
    "No lesson yet. + adds a cause, a weakness, what went well, a recommendation.";

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
    format!("Report written: {paths}")
}

pub const WALL_NO_CLOCK: &str = "No deadline running.";

pub fn cli_unknown_drill(found: &str, known: &str) -> String {
    format!("unknown drill '{found}'; valid values: {known}")
}

pub const CLI_FORWARD_NO_COMMAND: &str =
    "only commands can be sent to the dashboard that owns the store";
pub const READ_ONLY: &str = "Read-only: this screen follows the dashboard that owns the store";
pub const OWNER_GONE: &str = "Owner closed: T takes over";

pub fn cli_forward_failed(why: &str) -> String {
    format!("the store is in use by a dashboard, and it could not be reached: {why}")
}
pub fn status_following() -> String {
    tr("status-following")
}
