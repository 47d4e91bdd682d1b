//! Every sentence the dashboard and the command line show, in one place, so that the
//! French translation (a later issue) replaces this module and nothing else.

use crate::app::Action;
use crate::app::keymap::Mode;

pub const APP_NAME: &str = "warroom";
pub const EXERCISE: &str = "EXERCISE";

// Pane titles.
pub const PANE_INCIDENT: &str = "Incident";
pub const PANE_CHECKLIST: &str = "Checklist";
pub const PANE_CLOCKS: &str = "Clocks";
pub const PANE_CONTACTS: &str = "Contacts";
pub const PANE_JOURNAL: &str = "Journal";
pub const PANE_HELP: &str = "Keys";
pub const PANE_PICKER: &str = "Switch incident";
pub const PANE_NOTE: &str = "Add a note to the journal";
pub const PANE_NEW: &str = "Declare a new incident";

// Incident pane labels.
pub const LABEL_SEVERITY: &str = "Severity";
pub const LABEL_CATEGORY: &str = "Category";
pub const LABEL_PHASE: &str = "Phase";
pub const LABEL_DECLARED: &str = "Declared";
pub const LABEL_DETECTED: &str = "Detected";
pub const LABEL_COMMANDER: &str = "Commander";
pub const LABEL_SCOPE: &str = "Scope";
pub const LABEL_SUMMARY: &str = "Summary";
pub const LABEL_TITLE: &str = "Title";
pub const NOT_SET: &str = "not set";
pub const SCOPE_NETWORK: &str = "network";
pub const SCOPE_CLOUD: &str = "cloud";
pub const SCOPE_ENDPOINTS: &str = "endpoints";
pub const SCOPE_PERSONAL_DATA: &str = "personal data";
pub const SCOPE_NONE: &str = "none recorded";

// Clocks pane.
pub const CLOCK_SINCE_DECLARED: &str = "Since declared";
pub const CLOCK_RETAINER: &str = "Retainer SLA";
pub const CLOCK_NOT_ALERTED: &str = "not alerted yet";
pub const CLOCK_LEFT: &str = "left";
pub const CLOCK_OVERDUE: &str = "OVERDUE";
pub const CLOCK_DUE: &str = "due";

// Checklist pane.
pub const CHECKLIST_EMPTY: &str = "No items in this phase.";

// Status line.
pub const STATUS_SAVED: &str = "saved";
pub const STATUS_SAVING: &str = "saving…";
pub const STATUS_HELP_HINT: &str = "? keys";
pub const STATUS_LOCAL: &str = "local";
pub const STATUS_UTC: &str = "UTC";

// Forms.
pub const FORM_SUBMIT_HINT: &str = "enter save · esc cancel · tab next field";
pub const FORM_CHOICE_HINT: &str = "←/→ or the first letter to change";
pub const FORM_TITLE_REQUIRED: &str = "A title is needed to declare an incident.";
pub const PICKER_EMPTY: &str = "No incidents in this store yet.";

// Welcome screen.
pub const WELCOME_TITLE: &str = "warroom — the incident war room in your terminal";
/// Paragraphs, wrapped to the screen.
pub const WELCOME_BODY: &[&str] = &[
    "No incident in this store yet.",
    "",
    "warroom keeps the journal of a security incident: what happened, what was done, by whom and when; the checklist of the current phase; the deadlines that run; and the people to call. Every change is saved to disk before it is shown as saved.",
    "",
];
pub const WELCOME_KEYS_INTRO: &str = "Keys on this screen:";
pub const WELCOME_DASHBOARD_INTRO: &str = "Once an incident is open:";

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

/// One line per action, for the help overlay.
pub fn describe(action: Action) -> &'static str {
    match action {
        Action::Quit => "Quit",
        Action::Help => "Show or hide this list of keys",
        Action::FocusNext => "Focus the next pane",
        Action::FocusPrev => "Focus the previous pane",
        Action::Up => "Move up",
        Action::Down => "Move down",
        Action::PageUp => "Move up a page",
        Action::PageDown => "Move down a page",
        Action::Top => "Go to the first line",
        Action::Bottom => "Go to the last line",
        Action::ToggleItem => "Tick or untick the selected checklist item",
        Action::AddNote => "Add a note to the journal",
        Action::NewIncident => "Declare a new incident",
        Action::SwitchIncident => "Switch to another incident",
        Action::AlertRetainer => "Record the retainer alert (starts its SLA clock)",
        Action::OpenDemo => "Open a demo incident, marked EXERCISE",
        Action::Submit => "Confirm",
        Action::Cancel => "Close / cancel",
        Action::NextField => "Next field",
        Action::PrevField => "Previous field",
    }
}

pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Global => "Everywhere",
        Mode::Welcome => "Welcome screen",
        Mode::Dashboard => "Dashboard",
        Mode::Picker => "Incident switcher",
        Mode::Form => "Forms",
        Mode::Help => "This list",
    }
}

/// How a journal event reads in one line.
/// Item ids are shown with their text when `state` knows them.
pub fn event_line(
    change: &crate::domain::Change,
    state: Option<&crate::domain::IncidentState>,
) -> String {
    use crate::domain::{Change, ContactOutcome};
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
        Change::PhaseAdvanced { name, .. } => format!("Phase: {name}"),
        Change::ItemAdded { item } => format!("Item added: {}", item.text),
        Change::ItemChecked { item } => format!("Done: {}", item_text(item)),
        Change::ItemUnchecked { item } => format!("Reopened: {}", item_text(item)),
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
        } => {
            let how = match outcome {
                ContactOutcome::Reached => "reached",
                ContactOutcome::NoAnswer => "no answer",
                ContactOutcome::Message => "message left",
                ContactOutcome::Email => "e-mail sent",
            };
            format!("Called {contact}: {how} {note}")
        }
        Change::EvidenceRegistered { evidence } => format!("Evidence: {}", evidence.description),
        Change::ClockStarted { name, .. } => format!("Clock started: {name}"),
        Change::ClockMet { clock, reference } => format!("Clock met: {clock} {reference}"),
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
