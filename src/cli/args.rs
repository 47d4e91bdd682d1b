//! The command line, as other tools call it. Keep these forms stable.

use crate::domain::{
    AssetKind, AssetState, Category, ClosedList, ContactKind, ContactOutcome, EvidenceKind, Flag,
    IncidentId, LessonKind, ObservableKind, Severity, Tlp,
};
use crate::drafts::DraftKind;
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "warroom",
    version,
    about = "A terminal war room for security incidents: journal, checklist, clocks, contacts.",
    long_about = "Without a subcommand, opens the dashboard. Every dashboard action has a subcommand \
                  twin working on the same store, for scripts and SOC integrations.\n\n\
                  Exit codes: 0 success, 1 failure (unknown incident, store in use), 2 bad usage or input."
)]
pub struct Cli {
    /// Configuration file laid over the built-in default.
    #[arg(long, global = true, env = "WARROOM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory holding the incident store (default: the platform data directory).
    #[arg(long, global = true, env = "WARROOM_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the screens, reports and messages for this run (en, fr); overrides the config.
    #[arg(long, global = true, value_name = "LANG", value_parser = closed::<crate::i18n::Lang>)]
    pub lang: Option<crate::i18n::Lang>,
    /// When what a writing command records happened, if not now: 2026-11-28T13:05:00Z, "2026-11-28 13:05" or 13:05 in local time, -25m, -2h.
    #[arg(long, global = true, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Go ahead anyway: a phase move with items still open, an --at more than a year before the declaration.
    #[arg(long, global = true)]
    pub force: bool,
    /// Write without your signature, on purpose (no identity or key at hand): the events say so, and `verify` names them.
    #[arg(long, global = true)]
    pub unsigned: bool,
    /// Seconds to wait for the store when another process holds it, or for the dashboard that owns it to answer (default 10).
    #[arg(long, global = true, env = "WARROOM_WAIT", value_name = "SECONDS", value_parser = parse_wait)]
    pub wait: Option<std::time::Duration>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Declare a new incident; prints its id.
    New {
        /// One line saying what is happening.
        #[arg(long)]
        title: String,
        /// 0-5 or baseline, low, medium, high, severe, emergency.
        #[arg(long, value_name = "LEVEL", value_parser = closed::<Severity>)]
        severity: Severity,
        /// ENISA taxonomy class, e.g. malicious-code, fraud, intrusions.
        #[arg(long, value_name = "C", default_value = "other", value_parser = closed::<Category>)]
        category: Category,
        /// TLP 2.0 label: red, amber+strict, amber, green, clear.
        #[arg(long, value_name = "TLP", default_value = "TLP:AMBER", value_parser = closed::<Tlp>)]
        tlp: Tlp,
        /// Playbook id (see `warroom playbook list`); default: the one the category picks.
        #[arg(long, value_name = "NAME")]
        playbook: Option<String>,
        /// The areas it touches: network, cloud, endpoints, ot, personal-data
        /// (comma-separated). Said at once if the retainer's contract leaves one out.
        #[arg(long, value_name = "AREAS", value_parser = parse_scope)]
        scope: Option<crate::domain::Scope>,
        /// Print a JSON object with the id instead of the bare id.
        #[arg(long)]
        json: bool,
    },
    /// List incidents, most recently updated first (exercises only with --all).
    List {
        #[arg(long)]
        json: bool,
        /// Include exercises (drills and the demo).
        #[arg(long)]
        all: bool,
    },
    /// Show an incident: phase, checklist with item ids, clocks, journal.
    Show {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Add a note to an incident's journal.
    Note {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        text: String,
    },
    /// Tick a checklist item.
    Check {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        item_id: String,
        /// For a step that meets a deadline (a notification sent): its reference, e.g.
        /// the authority's receipt number.
        #[arg(long = "ref", value_name = "R")]
        reference: Option<String>,
        /// Tick the step only: leave the clocks it is tied to as they are.
        #[arg(long)]
        no_clocks: bool,
    },
    /// Untick a checklist item.
    Uncheck {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        item_id: String,
    },
    /// Give a checklist item to a person ("-" takes it back).
    Assign {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        item_id: String,
        /// A name, usually from the directory; "-" for nobody.
        person: String,
    },
    /// Move the incident to its next phase, back one, or to a named phase.
    Phase {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// `next`, `back`, or a phase id (see `warroom show ID`); with --force, even
        /// though items of the current phase are still open.
        target: String,
    },
    /// Add an item to a running incident's checklist; prints its id.
    AddItem {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        text: String,
        /// Phase id (default: the current phase).
        #[arg(long)]
        phase: Option<String>,
        /// Role id of the owner, e.g. it-lead (see the config's roles).
        #[arg(long)]
        owner: Option<String>,
    },
    /// Mark a checklist item not applicable, with the reason.
    NotApplicable {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        item_id: String,
        reason: String,
    },
    /// Set a flag that makes clocks apply or starts them (personal-data, significant,
    /// major, nis2-entity, dora-entity); prints the clocks it starts.
    Flag {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// With --at, when it became true (the instant of awareness starts the GDPR
        /// clock).
        #[arg(value_parser = closed::<Flag>)]
        flag: Flag,
    },
    /// Change a fact of the incident, with why: title, severity, category, tlp,
    /// commander, scope, summary, detected-at, nis2, dora ("none" clears commander and
    /// detected-at).
    Set {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(value_parser = closed::<crate::domain::Field>)]
        field: crate::domain::Field,
        /// The new value: severity 1-5 or a name, a category, TLP:AMBER, a time (like
        /// --at), yes/no, network,cloud,endpoints,personal-data…
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Close the incident: refused while a clock still runs, unless --leave-open.
    Close {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// resolved, false-positive, duplicate:IR-2026-0003, transferred:WHO
        #[arg(long, value_parser = parse_resolution)]
        resolution: crate::domain::Resolution,
        /// What happened and how it ended, in a few words (for the report).
        #[arg(long)]
        summary: Option<String>,
        /// Close though clocks still run (they are named in the journal).
        #[arg(long)]
        leave_open: bool,
    },
    /// Reopen a closed incident.
    Reopen {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        reason: String,
    },
    /// Start a clock by hand, mark it met, or waive it.
    Clock {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Clock id, e.g. gdpr-authority (see `warroom show ID`).
        clock: String,
        #[arg(value_enum)]
        action: ClockAction,
        /// With `met`: the reference, e.g. the authority's receipt number.
        #[arg(long = "ref", value_name = "R")]
        reference: Option<String>,
        /// With `waive`: why the clock does not bind this incident.
        #[arg(long, value_name = "R")]
        reason: Option<String>,
    },
    /// Write a notification draft: gdpr, nis2-early, nis2-notification, nis2-final,
    /// dora-initial, dora-intermediate, dora-final.
    Draft {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(value_parser = closed::<DraftKind>)]
        kind: DraftKind,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The directory: list (ranked by a fuzzy search with --search), export, add.
    Contacts {
        #[command(subcommand)]
        command: Option<ContactsCommand>,
        /// Fuzzy search on name, role, organisation and tags.
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a call, message or e-mail to a contact (reached, no-answer, message,
    /// email). Reaching or telling the retainer starts its SLA clock.
    Call {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Contact id or exact name (see `warroom contacts`).
        contact: String,
        #[arg(value_parser = closed::<ContactOutcome>)]
        outcome: ContactOutcome,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// The evidence register: add (hashing a file), list, hand over, verify.
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
    /// The observables register (indicators): add, list, set a field.
    Ioc {
        #[command(subcommand)]
        command: IocCommand,
    },
    /// The affected assets: add, list, move to a state, set a field, export.
    Asset {
        #[command(subcommand)]
        command: AssetCommand,
    },
    /// The attack timeline (what the attacker did, apart from what the team did): add,
    /// list, set a field; and the ATT&CK techniques warroom names.
    Timeline {
        #[command(subcommand)]
        command: TimelineCommand,
    },
    /// The retainer's work reviewed: record the review of one incident, or list them all
    /// (what to bring to the contract's renewal).
    Retainer {
        #[command(subcommand)]
        command: RetainerCommand,
    },
    /// Who you are (init, show) and who may write to an incident (its roster: list,
    /// add, revoke). Every event is signed with its author's SSH key.
    Identity {
        #[command(subcommand)]
        command: IdentityCommand,
    },
    /// An incident's roster for other tools: an OpenSSH allowed-signers file.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// Add a lesson learned: cause, weakness, went-well or recommendation.
    Lesson {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(value_parser = closed::<LessonKind>)]
        kind: LessonKind,
        text: String,
        /// Recommendations: who carries it out.
        #[arg(long)]
        owner: Option<String>,
        /// Recommendations: by when (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
    },
    /// Correct an event: a new event that refers to it (the original stays).
    Correct {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// The event's number, as `show` lists it: 26 or #26.
        #[arg(value_parser = parse_event)]
        event: u64,
        text: String,
        /// When the corrected event really happened: clocks and ticks follow it.
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        happened: Option<String>,
    },
    /// Retract an event: it stays in the journal, shown struck, with the reason, and
    /// loses its effect (a flag, a tick, a call… count as if never recorded).
    Retract {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// The event's number, as `show` lists it: 26 or #26.
        #[arg(value_parser = parse_event)]
        event: u64,
        #[arg(long)]
        reason: String,
    },
    /// Write the post-incident report (md, html, json), the raw journal (journal), or
    /// the incident for other tools: a MISP event (misp), a STIX 2.1 bundle (stix), a
    /// Timesketch timeline (timesketch-csv, timesketch-jsonl).
    Export {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// misp, stix, timesketch-*: leave out what the audience may not see (clear, green, amber, amber+strict; red: everything); said on standard error.
        #[arg(long, value_name = "TLP", value_parser = closed::<Tlp>)]
        max_tlp: Option<Tlp>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add an incident from a journal file written by `export --format journal`.
    Import { file: PathBuf },
    /// Record that the retainer CSIRT was alerted; starts its SLA clock.
    AlertRetainer {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
    },
    /// Create the demo incident (an exercise); prints its id.
    Demo,
    /// Open the war-room wall: big clock and banner for a shared screen.
    Wall,
    /// Start a drill: an exercise incident whose injects arrive in the dashboard at
    /// their time. Without SCENARIO, lists the scenarios; `drill report ID` says how
    /// fast one went, beside the drill before it.
    #[command(args_conflicts_with_subcommands = true)]
    Drill {
        #[command(subcommand)]
        command: Option<DrillCommand>,
        scenario: Option<String>,
    },
    /// Render the dashboard once as plain text.
    Snapshot {
        /// Incident to show (default: the most recently updated).
        #[arg(value_parser = parse_id)]
        id: Option<IncidentId>,
        #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: u16,
        #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u16).range(1..=1000))]
        height: u16,
        /// Render the war-room wall instead of the dashboard.
        #[arg(long)]
        wall: bool,
    },
    /// The organisation's one-page response plan, from the config: whom to call first,
    /// the first five things to do, whom to alert by severity, the retainer, the outside
    /// numbers. HTML prints on one A4 page; `--lang` chooses French or English.
    Plan {
        /// html (one A4 page when printed) or md.
        #[arg(long, value_enum, default_value = "html")]
        format: PlanFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// What the preparation lacks (point of contact and deputy, the retainer's contract,
    /// contacts verified within a year, a drill within a year, NIS2 / DORA status, the
    /// sector's CSIRT), each with its fix. Exit 0 when ready, 1 otherwise.
    Ready {
        /// Print a JSON object (schema_version, ready, gaps) for a monitoring script.
        #[arg(long)]
        json: bool,
    },
    /// Check the hash chain of one incident, or of all, and whose each event is (its
    /// signature against the incident's roster); names the first bad event and every
    /// event unsigned, signed by a key not on the roster, or whose signature fails.
    Verify {
        #[arg(value_parser = parse_id)]
        id: Option<IncidentId>,
        /// With --out: write this event's signed bytes and signature, to check with
        /// `ssh-keygen -Y verify` and the roster's allowed-signers file.
        #[arg(long, requires = "id", requires = "out", value_parser = parse_event)]
        event: Option<u64>,
        /// The folder --event writes ID-N.body and ID-N.sig into.
        #[arg(long, value_name = "DIR", requires = "event")]
        out: Option<PathBuf>,
    },
    /// Repair the store: rebuild its index from the journals when the index is
    /// damaged, and a journal that no longer opens from its own records when they all
    /// still read and chain; nothing is deleted (what is replaced is kept beside it).
    Repair {
        /// Accept this incident's journal as it is, though it ends before the head the
        /// index recorded (a journal restored from a backup): it is indexed again, and
        /// a note in it records what the index had (repeatable).
        #[arg(long, value_name = "ID", value_parser = parse_id)]
        accept: Vec<IncidentId>,
    },
    /// Configuration commands.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Playbooks: list them, show one, check a file.
    Playbook {
        #[command(subcommand)]
        command: PlaybookCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Write the directory as vCard 4.0, for a phone, before the network goes down.
    Export {
        /// vCard 4.0 (the only format; the flag says what you get).
        #[arg(long, required = true)]
        vcard: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Record that a contact's details were checked and are right (today, or --on):
    /// `warroom ready` asks for it every 12 months.
    Verify {
        /// Contact id or exact name (see `warroom contacts`).
        contact: String,
        /// The day they were checked (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        on: Option<chrono::NaiveDate>,
    },
    /// Add a contact, or replace the one whose --id is given (kept in the store's directory).
    Save {
        #[arg(long)]
        name: String,
        /// Short id; an existing id is replaced. Default: made from the name, never one in use.
        #[arg(long)]
        id: Option<String>,
        #[arg(long, default_value = "")]
        role: String,
        /// Role ids covered, for the escalation plan (repeat or comma-separate).
        #[arg(long = "roles", value_delimiter = ',')]
        roles: Vec<String>,
        #[arg(long, default_value = "")]
        organisation: String,
        /// internal, provider, retainer, authority, public-csirt, insurer, bank, police, other.
        #[arg(long, default_value = "internal", value_parser = closed::<ContactKind>)]
        kind: ContactKind,
        #[arg(long = "phone")]
        phones: Vec<String>,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long, default_value = "")]
        availability: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RetainerCommand {
    /// Record the review of the retainer's work on an incident, once it closes. What is
    /// not said comes from the journal (its response clock met in time, its report
    /// received), else is recorded as not known. Each: yes, no or unknown.
    Record {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[command(flatten)]
        told: ReviewTold,
    },
    /// The reviews over every incident (exercises left out), or of one, with totals.
    Review {
        #[arg(value_parser = parse_id)]
        id: Option<IncidentId>,
        #[arg(long)]
        json: bool,
    },
}

/// What `retainer record` is told; what it is not told comes from the journal, else
/// is recorded as not known.
#[derive(Debug, clap::Args)]
pub struct ReviewTold {
    /// Work started within the contract's response time.
    #[arg(long, value_name = "V", value_parser = parse_verdict)]
    pub sla: Option<crate::domain::Verdict>,
    /// What the incident touched was within the contract.
    #[arg(long, value_name = "V", value_parser = parse_verdict)]
    pub scope: Option<crate::domain::Verdict>,
    /// The provider had the access to evidence it needed.
    #[arg(long, value_name = "V", value_parser = parse_verdict)]
    pub evidence: Option<crate::domain::Verdict>,
    /// The post-incident report arrived.
    #[arg(long, value_name = "V", value_parser = parse_verdict)]
    pub report: Option<crate::domain::Verdict>,
    /// It gave probable causes, weaknesses found and recommendations.
    #[arg(long, value_name = "V", value_parser = parse_verdict)]
    pub complete: Option<crate::domain::Verdict>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DrillCommand {
    /// How fast a drill went: from the briefing to the first entry, to the retainer's
    /// alert, to reaching the commander, to each notification sent; items left open;
    /// beside the drill before it.
    Report {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    /// One A4 page when printed.
    Html,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Json,
    /// The raw journal, JSON lines with the hash chain, for `warroom import`.
    Journal,
    /// A MISP event: the incident, its observables as attributes.
    Misp,
    /// A STIX 2.1 bundle: identity, incident, observables, indicators, sightings, the attack timeline as notes.
    Stix,
    /// The journal and the attack timeline as a Timesketch timeline, CSV.
    TimesketchCsv,
    /// The journal and the attack timeline as a Timesketch timeline, JSON lines.
    TimesketchJsonl,
}

/// What `ioc export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IocFormat {
    Misp,
    Stix,
    Csv,
}

/// What `ioc import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IocImportFormat {
    Misp,
    Stix,
}

pub use crate::ops::Hashed;

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Register an item; with --file, its SHA-256 and size are computed (streaming).
    Add {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// log, disk-image, memory-image, snapshot, backup, email, artefact, screenshot, other.
        #[arg(long, value_parser = closed::<EvidenceKind>)]
        kind: EvidenceKind,
        #[arg(long)]
        description: String,
        /// A file to hash; its path becomes the location unless --location is given.
        #[arg(long, conflicts_with = "sha256")]
        file: Option<PathBuf>,
        /// The hash, when the file is not on this machine.
        #[arg(long)]
        sha256: Option<String>,
        /// Where it is kept.
        #[arg(long)]
        location: Option<String>,
        /// Who collected it (default: you).
        #[arg(long)]
        collected_by: Option<String>,
        /// When it was collected, if earlier (RFC 3339).
        #[arg(long, value_parser = parse_instant)]
        collected_at: Option<DateTime<Utc>>,
        /// The file's hash, size and absolute path, computed before the store is reached.
        #[arg(skip)]
        hashed: Option<Hashed>,
    },
    /// The register with hashes and custodians.
    List {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Record that an item changed hands.
    Transfer {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        item: String,
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Re-hash every item whose file is reachable; any mismatch fails (exit 1).
    Verify {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClockAction {
    Start,
    Met,
    Waive,
}

#[derive(Debug, Subcommand)]
pub enum PlaybookCommand {
    /// Every playbook, shipped or yours, with the categories that pick it.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One playbook's items, phase by phase under the configured phase model.
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Validate a playbook file; prints "ok" or file:line:column and what is wrong.
    Check { file: PathBuf },
}

impl Command {
    /// The incident the command works on, if one.
    pub fn incident(&self) -> Option<IncidentId> {
        match self {
            Command::Show { id, .. }
            | Command::Note { id, .. }
            | Command::Check { id, .. }
            | Command::Uncheck { id, .. }
            | Command::Assign { id, .. }
            | Command::Phase { id, .. }
            | Command::AddItem { id, .. }
            | Command::NotApplicable { id, .. }
            | Command::Flag { id, .. }
            | Command::Clock { id, .. }
            | Command::Draft { id, .. }
            | Command::Call { id, .. }
            | Command::Lesson { id, .. }
            | Command::Correct { id, .. }
            | Command::Retract { id, .. }
            | Command::Set { id, .. }
            | Command::Close { id, .. }
            | Command::Reopen { id, .. }
            | Command::Export { id, .. }
            | Command::AlertRetainer { id } => Some(*id),
            Command::Evidence { command } => match command {
                EvidenceCommand::Add { id, .. }
                | EvidenceCommand::List { id, .. }
                | EvidenceCommand::Transfer { id, .. }
                | EvidenceCommand::Verify { id } => Some(*id),
            },
            Command::Ioc { command } => match command {
                IocCommand::Add { id, .. }
                | IocCommand::List { id, .. }
                | IocCommand::Set { id, .. }
                | IocCommand::Export { id, .. }
                | IocCommand::Import { id, .. } => Some(*id),
            },
            Command::Asset { command } => match command {
                AssetCommand::Add { id, .. }
                | AssetCommand::List { id, .. }
                | AssetCommand::State { id, .. }
                | AssetCommand::Set { id, .. }
                | AssetCommand::Export { id, .. } => Some(*id),
            },
            Command::Timeline { command } => match command {
                TimelineCommand::Add { id, .. }
                | TimelineCommand::List { id, .. }
                | TimelineCommand::Set { id, .. } => Some(*id),
                TimelineCommand::Techniques { .. } => None,
            },
            Command::Identity { command } => match command {
                IdentityCommand::List { id, .. }
                | IdentityCommand::Add { id, .. }
                | IdentityCommand::Revoke { id, .. } => Some(*id),
                IdentityCommand::Init { .. } | IdentityCommand::Show { .. } => None,
            },
            Command::Roster {
                command: RosterCommand::Export { id, .. },
            } => Some(*id),
            Command::Snapshot { id, .. } | Command::Verify { id, .. } => *id,
            _ => None,
        }
    }

    /// Whether the command only reads the store: then a store that cannot be written
    /// (a read-only medium, a full disk) is read from a private copy instead.
    pub fn only_reads(&self) -> bool {
        matches!(
            self,
            Command::List { .. }
                | Command::Ready { .. }
                | Command::Plan { .. }
                | Command::Retainer {
                    command: RetainerCommand::Review { .. }
                }
                | Command::Show { .. }
                | Command::Export { .. }
                | Command::Snapshot { .. }
                | Command::Verify { .. }
                | Command::Draft { .. }
                | Command::Drill { scenario: None, .. }
                | Command::Contacts {
                    command: None | Some(ContactsCommand::Export { .. }),
                    ..
                }
                | Command::Evidence {
                    command: EvidenceCommand::List { .. } | EvidenceCommand::Verify { .. }
                }
                | Command::Ioc {
                    command: IocCommand::List { .. } | IocCommand::Export { .. }
                }
                | Command::Asset {
                    command: AssetCommand::List { .. } | AssetCommand::Export { .. }
                }
                | Command::Timeline {
                    command: TimelineCommand::List { .. } | TimelineCommand::Techniques { .. }
                }
                | Command::Identity {
                    command: IdentityCommand::List { .. }
                }
                | Command::Roster { .. }
        )
    }
}

#[derive(Debug, Subcommand)]
pub enum IocCommand {
    /// Add an observable, checked and written one way for its kind; one already in the
    /// register is merged into it. Typed defanged (hxxp, [.]) is fine.
    Add {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// ip, cidr, domain, url, email, md5, sha1, sha256, sha512, file-name, file-path, registry-key, account, process, cve, technique, other.
        #[arg(value_parser = closed::<ObservableKind>)]
        kind: ObservableKind,
        value: String,
        /// Context only, not an indicator of compromise to look for elsewhere.
        #[arg(long)]
        not_ioc: bool,
        /// Seen in our own systems, not only reported by someone else.
        #[arg(long)]
        sighted: bool,
        /// Its own TLP (default: the incident's).
        #[arg(long, value_parser = closed::<Tlp>)]
        tlp: Option<Tlp>,
        /// Where it comes from (a tool, a report, a partner).
        #[arg(long, default_value = "")]
        source: String,
        /// What it is, in a few words.
        #[arg(long, default_value = "")]
        note: String,
        /// A journal event it was found in or is about (repeatable).
        #[arg(long = "event", value_parser = parse_event)]
        events: Vec<u64>,
        /// An evidence item it was found in (repeatable).
        #[arg(long = "evidence")]
        evidence: Vec<String>,
        /// An affected asset it concerns (repeatable).
        #[arg(long = "asset")]
        assets: Vec<String>,
    },
    /// The register, values defanged (with --json: as they are, for machines).
    List {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Set one field of an observable: ioc, sighted (yes/no), tlp, source, note.
    Set {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Its id, such as O3.
        observable: String,
        /// ioc, sighted, tlp, source or note.
        field: String,
        value: String,
    },
    /// Write the register for other tools: a MISP event, a STIX 2.1 bundle or CSV, values as they are (refanged).
    Export {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// misp, stix or csv.
        #[arg(long, value_enum)]
        format: IocFormat,
        /// Leave out what the audience may not see (clear, green, amber, amber+strict; red: everything); said on standard error.
        #[arg(long, value_name = "TLP", value_parser = closed::<Tlp>)]
        max_tlp: Option<Tlp>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add the observables of a MISP event or a STIX 2.1 bundle to the register (merged with those it has); a file with an error is refused whole, with where.
    Import {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        file: PathBuf,
        /// misp or stix (default: as the file's content shows).
        #[arg(long, value_enum)]
        format: Option<IocImportFormat>,
        /// Print the counts as a JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AssetCommand {
    /// Add an affected asset; one already in the register (same kind and name, whatever
    /// the case but for accounts) is merged into it.
    Add {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// host, account, service, site or data-store.
        #[arg(value_parser = closed::<AssetKind>)]
        kind: AssetKind,
        /// How it is known: a host name, an account, a service's or a share's name.
        name: String,
        /// Who answers for it (a team, a person, a provider).
        #[arg(long, default_value = "")]
        owner: String,
        /// suspected (the default), compromised, contained, cleaned or restored.
        #[arg(long, value_parser = closed::<AssetState>)]
        state: Option<AssetState>,
        /// What it is or what happened to it, in a few words.
        #[arg(long, default_value = "")]
        note: String,
        /// An observable found on it or about it, such as O3 (repeatable).
        #[arg(long = "observable")]
        observables: Vec<String>,
        /// An evidence item taken from it (repeatable).
        #[arg(long = "evidence")]
        evidence: Vec<String>,
    },
    /// The register: each asset, its state and when it last changed (--json for machines).
    List {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Move an asset to a state, forward or back; --at says when it happened.
    State {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Its id, such as A2, or its name when no other asset has it.
        asset: String,
        /// suspected, compromised, contained, cleaned or restored.
        #[arg(value_parser = closed::<AssetState>)]
        state: AssetState,
    },
    /// Set one field of an asset: owner, name, note or kind.
    Set {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Its id, such as A2, or its name when no other asset has it.
        asset: String,
        /// owner, name, note or kind.
        field: String,
        value: String,
    },
    /// Write the assets for other tools, as CSV: id, kind, name, owner, state, since, note, observables, evidence.
    Export {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// csv (the only format; the flag says what you get).
        #[arg(long, value_enum, default_value = "csv")]
        format: AssetFormat,
        /// Leave them out if the audience may not see the incident's TLP (clear, green, amber, amber+strict; red: everything); said on standard error.
        #[arg(long, value_name = "TLP", value_parser = closed::<Tlp>)]
        max_tlp: Option<Tlp>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// What `asset export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AssetFormat {
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    /// Make your identity: a handle, your name, and the key that signs your events (a
    /// new ed25519 key beside the identity file, a key file with --key, or a key held
    /// by ssh-agent with --agent). The file is $WARROOM_IDENTITY, else identity.yaml
    /// in warroom's configuration folder.
    Init {
        /// Short, lowercase, shown on every journal line you write (alex, sam.b).
        #[arg(long)]
        handle: String,
        /// Your name, as colleagues know it.
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: Option<String>,
        /// A private key file of yours (OpenSSH format, ed25519), not locked by a
        /// passphrase; for a locked one, `ssh-add` it and use --agent.
        #[arg(long, value_name = "FILE", conflicts_with = "agent")]
        key: Option<PathBuf>,
        /// The fingerprint of a key held by ssh-agent (`ssh-add -l`: SHA256:…).
        #[arg(long, value_name = "FINGERPRINT")]
        agent: Option<String>,
        /// Replace an identity you already have.
        #[arg(long)]
        force: bool,
    },
    /// Your identity: handle, name, key fingerprint and public key.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// An incident's roster: every member it has had, revoked ones marked.
    List {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Put someone on an incident's roster: you (without --key), or the owner of a
    /// public key. A handle already there gets the new key and roles.
    Add {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        handle: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// Their public key (`ssh-ed25519 AAAA…`) or its .pub file.
        #[arg(long, value_name = "KEY")]
        key: Option<String>,
        /// A role of the configuration (incident-commander, it-lead, dpo…); repeatable.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// May follow the incident but not write to it (management, the wall).
        #[arg(long)]
        read_only: bool,
        /// Their login on this host, for a shared war-room host (default for you: yours).
        #[arg(long, value_name = "LOGIN")]
        unix_user: Option<String>,
    },
    /// Take someone off an incident's roster: their key signs no later event.
    Revoke {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        handle: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Write the roster's keys as an OpenSSH allowed-signers file (namespace warroom),
    /// for `ssh-keygen -Y verify`.
    Export {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// The file to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TimelineCommand {
    /// Add a step of the attack: when the attacker did it (weeks before detection is
    /// normal) and what they did.
    Add {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// When the attacker did it: 2026-11-02T03:14:00Z, "2026-11-02 03:14" in local time, 03:14, -3d. More than a year before the declaration needs --force.
        #[arg(allow_hyphen_values = true)]
        when: String,
        /// What the attacker did.
        description: String,
        /// Its ATT&CK tactic: an id (TA0001) or short name (initial-access).
        #[arg(long)]
        tactic: Option<String>,
        /// Its ATT&CK technique id, such as T1566.001; one warroom does not list is kept, without a name.
        #[arg(long)]
        technique: Option<String>,
        /// An observable it left or used, such as O3 (repeatable).
        #[arg(long = "observable")]
        observables: Vec<String>,
        /// An affected asset it touched, such as A2 (repeatable).
        #[arg(long = "asset")]
        assets: Vec<String>,
        /// How we know, and how sure it is (an EDR alert, the retainer's report, an estimate).
        #[arg(long, default_value = "")]
        source: String,
    },
    /// The steps in the order they happened, with their tactics and techniques by name,
    /// and dwell time (with --json: ids only, for machines).
    List {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        #[arg(long)]
        json: bool,
    },
    /// Set one field of a step: when, description, tactic, technique, observables, assets
    /// (comma-separated), source; '-' clears an optional one.
    Set {
        #[arg(value_parser = parse_id)]
        id: IncidentId,
        /// Its id, such as S2.
        step: String,
        /// when, description, tactic, technique, observables, assets or source.
        field: String,
        value: String,
    },
    /// The ATT&CK tactics and the techniques warroom names, in your language.
    Techniques {
        /// Only this tactic's techniques: an id (TA0001) or short name (initial-access).
        #[arg(long)]
        tactic: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate a config file (default: the one warroom would use); prints "ok" or the error.
    Check { file: Option<PathBuf> },
}

/// A value of a closed list (severity, category, TLP, flag, draft, kinds, language,
/// field), refused in the operator's language with the valid ones.
fn closed<T: ClosedList>(s: &str) -> Result<T, String> {
    T::parse_typed(s).map_err(|e| crate::text::unknown_value(&e))
}

fn parse_verdict(s: &str) -> Result<crate::domain::Verdict, String> {
    crate::domain::Verdict::parse(s)
        .ok_or_else(|| crate::i18n::tr_args("err-bad-verdict", &[("found", s.to_string().into())]))
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::i18n::tr_args("err-bad-day", &[("found", s.to_string().into())]))
}

fn parse_scope(s: &str) -> Result<crate::domain::Scope, String> {
    crate::input::amend::parse_scope(s).ok_or_else(|| {
        let areas: Vec<&str> = crate::domain::Area::ALL.iter().map(|a| a.slug()).collect();
        crate::i18n::tr_args(
            "err-bad-scope",
            &[
                ("found", s.to_string().into()),
                ("areas", areas.join(", ").into()),
            ],
        )
    })
}

fn parse_id(s: &str) -> Result<IncidentId, String> {
    s.parse().map_err(|_: crate::domain::BadIncidentId| {
        crate::i18n::tr_args("err-bad-incident-id", &[("found", s.to_string().into())])
    })
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| crate::i18n::tr_args("err-bad-instant", &[("found", s.to_string().into())]))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::i18n::tr_args("err-bad-date", &[("found", s.to_string().into())]))
}

/// `resolved`, `false-positive`, `duplicate:IR-2026-0003`, `transferred:WHO`.
fn parse_resolution(s: &str) -> Result<crate::domain::Resolution, String> {
    use crate::domain::Resolution;
    let (kind, detail) = match s.split_once(':') {
        Some((kind, detail)) => (kind.trim().to_ascii_lowercase(), Some(detail.trim())),
        None => (s.trim().to_ascii_lowercase(), None),
    };
    let resolution = match (kind.as_str(), detail) {
        ("resolved", None) => Some(Resolution::Resolved),
        ("false-positive", None) => Some(Resolution::FalsePositive),
        ("duplicate", Some(of)) => of.parse().ok().map(|of| Resolution::Duplicate { of }),
        ("transferred", Some(to)) if !to.is_empty() => Some(Resolution::Transferred {
            to: crate::input::clean_line(to),
        }),
        _ => None,
    };
    resolution.ok_or_else(|| {
        crate::i18n::tr_args("cli-bad-resolution", &[("found", s.to_string().into())])
    })
}

/// An event's number in the journal, with or without its `#`.
fn parse_event(s: &str) -> Result<u64, String> {
    let digits = s.trim().trim_start_matches('#');
    match digits.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(crate::i18n::tr_args(
            "cli-bad-event",
            &[("found", s.to_string().into())],
        )),
    }
}

fn parse_wait(s: &str) -> Result<std::time::Duration, String> {
    match s.trim().parse::<u64>() {
        Ok(secs) if secs <= 3600 => Ok(std::time::Duration::from_secs(secs)),
        _ => Err(crate::i18n::tr_args(
            "cli-bad-wait",
            &[("found", s.to_string().into())],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `said` rebuilds the domain's English "unknown KIND 'X'; valid values: …" in the
    /// operator's language. A reworded domain message would silently stay English: this
    /// fails instead, for every parser of a closed list of values.
    #[test]
    fn every_unknown_value_is_said_in_french() {
        crate::i18n::set(crate::i18n::Lang::Fr);
        let said_in_french: [(&str, Result<(), String>); 10] = [
            ("severity", closed::<Severity>("bogus").map(drop)),
            ("category", closed::<Category>("bogus").map(drop)),
            ("tlp", closed::<Tlp>("bogus").map(drop)),
            ("flag", closed::<Flag>("bogus").map(drop)),
            ("draft", closed::<DraftKind>("bogus").map(drop)),
            ("outcome", closed::<ContactOutcome>("bogus").map(drop)),
            ("contact kind", closed::<ContactKind>("bogus").map(drop)),
            ("evidence kind", closed::<EvidenceKind>("bogus").map(drop)),
            ("lesson kind", closed::<LessonKind>("bogus").map(drop)),
            ("language", closed::<crate::i18n::Lang>("bogus").map(drop)),
        ];
        for (what, result) in said_in_french {
            let message = result.err().unwrap_or_default();
            assert!(
                message.contains("« bogus »")
                    && message.contains("inconnu")
                    && !message.contains("unknown")
                    && !message.contains("valid values"),
                "{what}: {message}"
            );
        }
        crate::i18n::set(crate::i18n::Lang::En);
    }
}
