//! Application state and the one place it changes ([`App::update`]). No I/O here: writes
//! are returned as [`Effect`]s for the runtime (or a test) to carry out, and their
//! results come back as [`Msg`]s.

mod checklist;
mod clocks;
mod contacts;
pub mod forms;
pub mod incident_form;
mod investigation;
mod journal;
pub mod review_form;

mod lifecycle;
mod presence;
mod update;

use crate::input::cycle;
pub use crate::input::{Zone, unknown_tz};
pub use crate::keys::Action;
pub use checklist::Filter;
pub use contacts::{ContactRow, ContactSearch};
pub use investigation::{InvestigationTab, InvestigationView};
pub use journal::{JournalTab, JournalView, KindFilter};
pub use presence::{Gathered, Present, gathered, responders};

use crate::config::Config;
use crate::domain::{Change, Contact, Event, IncidentId, IncidentState, IncidentSummary, fold};
use crate::failure::Failure;
use crate::keys::Mode;
use crate::text::Said;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;
use forms::{AssignForm, ContactForm, LineForm, NewIncidentForm};

/// Everything that can happen to the app: input, time, and the results of effects.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Action(Action),
    Tick(DateTime<Utc>),
    Resize,
    /// Events are durably stored; `incidents` is the index after the write.
    Saved {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    /// A whole journal was read (switching incident).
    Loaded {
        id: IncidentId,
        events: Vec<Event>,
    },
    /// A write failed; nothing was saved.
    Failed(Failure),
    /// The evidence file at `path` was hashed: its registration can be written.
    Hashed {
        id: IncidentId,
        path: String,
        change: Box<Change>,
        occurred: Option<DateTime<Utc>>,
    },
    /// The exchange file at `path` was read and checked: its observables can be
    /// written (merged into the register where already there).
    ExchangeRead {
        id: IncidentId,
        path: String,
        imported: Box<crate::formats::Imported>,
    },
    /// The exchange file at `path` is not one warroom reads, or holds a bad value;
    /// nothing was written.
    ImportRefused {
        path: String,
        error: crate::formats::ImportError,
    },
    /// The file at `path` (evidence to hash, observables to import) could not be read;
    /// nothing was written.
    ReadFailed {
        path: String,
        error: Failure,
    },
    /// A journal could not be read.
    LoadFailed(Failure),
    /// A report or draft could not be written to its file (the journal is untouched).
    ExportFailed(Failure),
    /// A draft was written to this path.
    DraftSaved(String),
    /// Directory events are durably stored.
    DirectorySaved(Vec<Event>),
    /// The report was written to these files.
    ReportSaved(Vec<String>),
    /// The exchange files (MISP, STIX, Timesketch, CSV) were written to these files.
    ExchangeSaved(Vec<String>),
    /// Another process wrote events through this owner (a command run while the
    /// dashboard is open); `incidents` is the index after the write.
    Written {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    /// Another process saved contacts through this owner.
    DirectoryWritten(Vec<Event>),
    /// Who has a dashboard or wall open on the store now (the owner says).
    Presence(Vec<Present>),
    /// Another process changed the store in a way that needs a re-read (an import).
    External,
    /// The re-read after `External`: the index, and the journal of incident `id`.
    Refreshed {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    /// (Followers) the owning dashboard has closed.
    OwnerGone,
    /// (Followers) the owner has said nothing, not even its heartbeat, for a while: it
    /// may be stopped (Ctrl-Z) or frozen. `false` when it speaks again.
    OwnerSilent(bool),
}

/// Work for the runtime. Each write is acknowledged by `Saved` or `Failed`; a load by
/// `Loaded` or `LoadFailed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Append {
        id: IncidentId,
        changes: Vec<Change>,
        /// When it happened, if the operator said (`t`, or `@13:05` in a form).
        occurred: Option<DateTime<Utc>>,
    },
    Declare(NewIncident),
    OpenDemo,
    Load(IncidentId),
    /// Write a notification draft to a file in the data directory.
    SaveDraft {
        file: String,
        text: String,
    },
    /// Add or replace a directory entry (directory journal).
    SaveContact(Box<Contact>),
    /// Write the incident's report, in every format, to the data directory, in the
    /// language of the screen.
    ExportReport(IncidentId, crate::i18n::Lang),
    /// The team's copy of the exchange files, beside the report.
    ExportExchange(IncidentId, crate::i18n::Lang),
    /// Read and check the MISP event or STIX bundle at `path` for incident `id` (whose
    /// TLP is `tlp`: observables at that level follow the incident's).
    ReadExchange {
        id: IncidentId,
        path: String,
        tlp: crate::domain::Tlp,
    },
    /// Re-read the index and the journal of incident `id` (or just the index).
    Refresh(Option<IncidentId>),
    /// Hash the file at `path`, then register the evidence with its SHA-256 and size.
    RegisterEvidence {
        id: IncidentId,
        spec: Box<crate::domain::EvidenceSpec>,
        path: String,
        occurred: Option<DateTime<Utc>>,
    },
}

/// What the new-incident form asks; the runtime adds the id, the phase model and the
/// checklist from the config (see `ops::declare`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIncident {
    pub title: String,
    pub severity: crate::domain::Severity,
    pub category: crate::domain::Category,
    pub tlp: crate::domain::Tlp,
    pub exercise: bool,
    /// Playbook id; `None` lets the category pick it.
    pub playbook: Option<String>,
    /// The areas it touches, when known at declaration.
    pub scope: crate::domain::Scope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Checklist,
    Clocks,
    Contacts,
    Journal,
}

impl Pane {
    pub const CYCLE: [Pane; 4] = [Pane::Checklist, Pane::Clocks, Pane::Contacts, Pane::Journal];
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Picker {
        cursor: usize,
    },
    Line(LineForm),
    NewIncident(NewIncidentForm),
    Assign(AssignForm),
    Confirm(Confirm),
    Contact(Box<ContactForm>),
    Incident(Box<incident_form::IncidentForm>),
    /// The retainer's review, asked as an incident it was alerted on closes.
    Review(Box<review_form::ReviewForm>),
    /// A notification draft, read-only, scrolled by `scroll` lines.
    Draft {
        title: String,
        text: String,
        scroll: usize,
    },
}

impl Overlay {
    /// The form this overlay is, if it takes typed text.
    pub fn form_mut(&mut self) -> Option<&mut dyn forms::Form> {
        match self {
            Overlay::Line(form) => Some(form),
            Overlay::NewIncident(form) => Some(form),
            Overlay::Assign(form) => Some(form),
            Overlay::Contact(form) => Some(&mut **form),
            Overlay::Incident(form) => Some(&mut **form),
            Overlay::Review(form) => Some(&mut **form),
            Overlay::Help { .. }
            | Overlay::Picker { .. }
            | Overlay::Confirm(_)
            | Overlay::Draft { .. } => None,
        }
    }
}

/// A yes/no question; yes writes `changes` to incident `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub id: IncidentId,
    pub changes: Vec<Change>,
}

/// The incident on screen: its journal and the fold of it.
#[derive(Debug, Clone)]
pub struct Active {
    pub state: IncidentState,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// Worded when drawn, in the language on screen then.
    pub text: Said,
    pub error: bool,
}

impl Flash {
    pub fn info(say: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Flash {
            text: Said::new(say),
            error: false,
        }
    }

    pub fn error(say: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Flash {
            text: Said::new(say),
            error: true,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursors {
    /// The phase whose checklist is shown; `None` follows the incident's current phase.
    pub phase: Option<usize>,
    pub checklist: usize,
    pub clocks: usize,
    pub contacts: usize,
    /// How many of the newest journal events are scrolled past.
    pub journal: usize,
}

pub struct App {
    pub config: Config,
    pub author: String,
    pub data_dir: String,
    pub now: DateTime<Utc>,
    pub zone: Zone,
    pub incidents: Vec<IncidentSummary>,
    pub active: Option<Active>,
    pub focus: Pane,
    pub cursors: Cursors,
    pub filter: Filter,
    /// The Contacts pane's search, while one is typed or applied.
    pub search: Option<ContactSearch>,
    /// The directory journal: contacts added or edited from the dashboard.
    pub directory_events: Vec<Event>,
    /// The full-screen journal, when open.
    pub journal_view: Option<JournalView>,
    /// The investigation view (observables, assets, attack timeline), when open.
    pub investigation: Option<InvestigationView>,
    /// The war-room wall layout instead of the dashboard.
    pub wall: bool,
    /// The language the screen is drawn in (`L` switches).
    pub lang: crate::i18n::Lang,
    /// A read-only follower of another process's dashboard.
    pub follower: bool,
    /// (Followers) the owner has closed; `T` takes over the store.
    pub owner_gone: bool,
    /// (Followers) the owner's pid, and whether it has stopped answering.
    pub owner: Option<(u32, bool)>,
    /// Incidents found damaged, with what was found (listed as such in the picker).
    pub damaged: Vec<(IncidentId, String)>,
    /// Why the store can only be read, when it can only be read.
    pub read_only: Option<String>,
    /// `TZ` when it names no known zone: local times are then UTC, and said so.
    pub unknown_tz: Option<String>,
    /// What the organisation's preparation lacks, shown on the welcome screen.
    pub readiness: Vec<crate::readiness::Gap>,
    /// (Followers) asked to take over the store when the loop ends.
    pub take_over: bool,
    pub overlay: Option<Overlay>,
    /// Writes sent to the store and not yet acknowledged, in order (the store answers
    /// in order), each with the form it was typed in: a write that fails reopens its
    /// form with what was typed, so that nothing typed is lost.
    pub in_flight: std::collections::VecDeque<Option<Overlay>>,
    /// Evidence files being hashed (which takes as long as the file is large, and ends
    /// in any order), by path, with the form: written once hashed, in order then.
    pub reading_files: Vec<(String, Option<Overlay>)>,
    pub flash: Option<Flash>,
    /// When the next entry happened, as the operator said with `t`: taken by the next
    /// write the operator makes (not by a drill's inject), then forgotten.
    pub backdate: Option<DateTime<Utc>>,
    /// Who has a dashboard or wall open on the store (empty until the owner says).
    pub presence: Vec<Present>,
    pub should_quit: bool,
    /// Set by every change that needs a redraw; the runtime clears it after drawing.
    pub dirty: bool,
}

/// What the app needs from outside to start.
pub struct Start {
    pub config: Config,
    pub author: String,
    pub data_dir: String,
    pub now: DateTime<Utc>,
    pub zone: Zone,
    pub incidents: Vec<IncidentSummary>,
    /// The journal of the incident to open first, if any.
    pub events: Option<Vec<Event>>,
    /// The directory journal.
    pub directory: Vec<Event>,
}

impl App {
    /// Works out what the preparation lacks, given the days drills began.
    pub fn assess_readiness(&mut self, drills: &[chrono::NaiveDate]) {
        let directory = self.directory();
        self.readiness =
            crate::readiness::gaps(&self.config, &directory, drills, self.now.date_naive());
    }

    pub fn new(start: Start) -> Self {
        let lang = start.config.language.unwrap_or_default();
        let active = start.events.and_then(|events| {
            let state = fold(&events).ok()?;
            Some(Active { state, events })
        });
        App {
            config: start.config,
            author: start.author,
            data_dir: start.data_dir,
            now: start.now,
            zone: start.zone,
            incidents: start.incidents,
            active,
            focus: Pane::Checklist,
            cursors: Cursors::default(),
            filter: Filter::All,
            search: None,
            directory_events: start.directory,
            journal_view: None,
            investigation: None,
            wall: false,
            lang,
            follower: false,
            owner_gone: false,
            owner: None,
            damaged: Vec::new(),
            read_only: None,
            unknown_tz: None,
            readiness: Vec::new(),
            take_over: false,
            overlay: None,
            in_flight: std::collections::VecDeque::new(),
            reading_files: Vec::new(),
            flash: None,
            backdate: None,
            should_quit: false,
            presence: Vec::new(),
            dirty: true,
        }
    }

    /// What opening the store found that the screen must say: incidents damaged, and
    /// anything that could not be read.
    pub fn opened_with(&mut self, damaged: Vec<(IncidentId, String)>, problem: Option<String>) {
        self.damaged = damaged;
        if let Some(problem) = problem {
            self.flash = Some(Flash::error(move || problem.clone()));
        }
    }

    /// How many writes are not yet acknowledged.
    pub fn pending(&self) -> usize {
        self.in_flight.len() + self.reading_files.len()
    }

    /// Which keymap applies now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Picker { .. }) => Mode::Picker,
            Some(
                Overlay::Line(_)
                | Overlay::NewIncident(_)
                | Overlay::Assign(_)
                | Overlay::Contact(_)
                | Overlay::Incident(_)
                | Overlay::Review(_),
            ) => Mode::Form,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Draft { .. }) => Mode::Viewer,
            None if self.journal_view.as_ref().is_some_and(JournalView::typing) => Mode::Form,
            None if self.journal_view.is_some() => Mode::Journal,
            None if self
                .investigation
                .as_ref()
                .is_some_and(InvestigationView::typing) =>
            {
                Mode::Form
            }
            None if self.investigation.is_some() => Mode::Investigation,
            None if self.search.as_ref().is_some_and(|s| s.editing) => Mode::Form,
            None if self.active.is_none() => Mode::Welcome,
            None => Mode::Dashboard,
        }
    }

    /// The display name of a role id, or the id itself when the config has no such role.
    pub fn role_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.config.role_name(id)
    }

    /// How long until the screen shows something new on its own: every second while a
    /// clock is on screen, else at the next minute for the status-line clock.
    pub fn next_tick_in(&self, now: DateTime<Utc>) -> std::time::Duration {
        use chrono::Timelike;
        let ms_into_second = u64::from(now.timestamp_subsec_millis());
        let to_next_second = 1000 - ms_into_second.min(999);
        if self.active.is_some() {
            std::time::Duration::from_millis(to_next_second)
        } else {
            let secs_left = 59 - u64::from(now.second().min(59));
            std::time::Duration::from_millis(secs_left * 1000 + to_next_second)
        }
    }
}
