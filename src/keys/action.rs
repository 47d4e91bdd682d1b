//! What a user can ask for. Derives `Deserialize` so the keymap in the config maps keys
//! straight to actions; the help overlay is generated from that map.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    ToggleItem,
    AddNote,
    NewIncident,
    SwitchIncident,
    AlertRetainer,
    OpenDemo,
    Submit,
    Cancel,
    NextField,
    PrevField,
    /// Show the checklist of the next / previous phase (the incident stays where it is).
    ViewNextPhase,
    ViewPrevPhase,
    /// Move the incident to its next phase (asks first if items are still open).
    AdvancePhase,
    /// Move the incident back one phase (asks first).
    PhaseBack,
    /// All items / open items / items assigned to me.
    CycleFilter,
    Assign,
    AddItem,
    NotApplicable,
    /// Put the focus on the Clocks pane.
    FocusClocks,
    /// Start the selected clock by hand (asks first).
    StartClock,
    /// Mark the selected clock met (asks for a reference).
    ClockMet,
    /// Waive the selected clock (asks for a reason).
    WaiveClock,
    /// Record that a personal-data breach is established (asks first).
    FlagPersonalData,
    /// Record the incident as significant under NIS2 (asks first).
    FlagSignificant,
    /// Record the incident as major under DORA (asks first).
    FlagMajor,
    /// Show (and save) the notification draft for the selected clock.
    Draft,
    /// Search the directory (fuzzy).
    SearchContacts,
    /// Record a call, message or e-mail to the selected contact.
    LogCall,
    /// Add a contact to the directory.
    NewContact,
    /// Edit the selected contact.
    EditContact,
    /// Open (or close) the full-screen journal.
    OpenJournal,
    /// Correct the selected journal event.
    Correct,
    /// Retract the selected journal event (with a reason).
    Retract,
    /// Write the post-incident report (Markdown, HTML, JSON) to the data directory.
    ExportReport,
    /// Write the exchange files (MISP, STIX, Timesketch, CSV) to the data directory.
    ExportExchange,
    /// Read observables from another tool's file (MISP event or STIX bundle).
    ImportExchange,
    /// Add the observables written in the selected journal event (asks first).
    AddObservables,
    /// Open (or close) the investigation view: observables, assets, attack timeline.
    OpenInvestigation,
    /// The selected observable is an indicator of compromise, or no longer.
    ToggleIoc,
    /// The selected observable was seen in our systems, or no longer.
    ToggleSighted,
    /// The selected observable's TLP: the next level (then the incident's again).
    CycleTlp,
    /// The selected asset's next state (suspected → compromised → contained → cleaned
    /// → restored).
    AssetForward,
    /// The selected asset's previous state.
    AssetBack,
    /// Switch between the dashboard and the war-room wall.
    ToggleWall,
    /// (Followers) take over the store once its owner has closed.
    TakeOver,
    /// Switch between French and English.
    ToggleLanguage,
    /// Say when the next entry happened (it is written down later than it happened).
    Backdate,
    /// Change the incident's facts: title, severity, TLP, commander, scope… (with why).
    EditIncident,
    /// Close the incident (how it ended), or reopen it when it is closed.
    CloseIncident,
}
