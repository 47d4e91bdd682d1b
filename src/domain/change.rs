//! Every kind of change an incident's journal can record. Events are never edited: a
//! correction is itself a change that names the event it corrects.

use super::{
    Amendment, Category, ClockDef, Contact, Coverage, EntityFlags, Flag, IncidentId, Member,
    Resolution, Severity, Tlp,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    Declared(Declaration),
    /// A fact of the incident set anew after the declaration, and why.
    Amended {
        amendment: Amendment,
        reason: String,
    },
    /// The incident moved to `phase` (forward or back). `left_open` lists the items of
    /// the phase it left that were neither done nor marked not applicable.
    PhaseAdvanced {
        phase: String,
        name: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        left_open: Vec<String>,
    },
    ItemAdded {
        item: ItemSpec,
    },
    ItemChecked {
        item: String,
    },
    /// Back to open: clears done and not-applicable alike.
    ItemUnchecked {
        item: String,
    },
    /// `person: None` takes the item back from whoever had it.
    ItemAssigned {
        item: String,
        person: Option<String>,
    },
    ItemNotApplicable {
        item: String,
        reason: String,
    },
    NoteAdded {
        text: String,
    },
    /// The retainer alerted, with the contract's terms for this incident: its response
    /// time by severity, the hours it is counted in, when its report is due.
    RetainerAlerted {
        retainer: String,
        response_minutes: u32,
        #[serde(default, skip_serializing_if = "Coverage::around_the_clock")]
        coverage: Coverage,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report_due_days: Option<u32>,
    },
    /// The organisation's review of the retainer's work on this incident.
    RetainerReviewed {
        retainer: String,
        review: super::RetainerReview,
    },
    /// A call, message or e-mail to a contact. `contact` is the name as it was then;
    /// `contact_id` links it to the directory entry.
    ContactAttempted {
        contact: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contact_id: Option<String>,
        outcome: ContactOutcome,
        note: String,
    },
    /// A directory entry added or edited (directory journal only).
    ContactSaved {
        contact: Contact,
    },
    /// A directory entry's details checked and found right that day (directory journal
    /// only): `warroom ready` counts a year from it.
    ContactVerified {
        id: String,
        on: chrono::NaiveDate,
    },
    EvidenceRegistered {
        evidence: EvidenceSpec,
    },
    /// An observable reported; one already in the register (same kind and value) is
    /// merged into it.
    ObservableReported {
        observable: super::ObservableSpec,
    },
    /// A fact of observable `observable` (its id, `O3`) set anew.
    ObservableEdited {
        observable: String,
        edit: super::ObservableEdit,
    },
    /// An affected asset reported; one already in the register (same kind and name,
    /// see `assets::asset_key`) is merged into it.
    AssetAdded {
        asset: super::AssetSpec,
    },
    /// Asset `asset` (its id, `A2`) moved to `state`, forward or back, at the event's
    /// time.
    AssetStateChanged {
        asset: String,
        state: super::AssetState,
    },
    /// A fact of asset `asset` set anew.
    AssetEdited {
        asset: String,
        edit: super::AssetEdit,
    },
    /// A step of the attack timeline: what the attacker did, and when.
    AttackStepAdded {
        step: super::AttackStepSpec,
    },
    /// A fact of attack step `step` (its id, `S2`) set anew.
    AttackStepEdited {
        step: String,
        edit: super::AttackStepEdit,
    },
    /// Custody of an evidence item passed to someone.
    EvidenceTransferred {
        evidence: String,
        to: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// A lesson learned: a cause, a weakness, what went well, or a recommendation.
    LessonAdded {
        lesson: Lesson,
    },
    /// A flag that makes clocks apply or starts them. `at` backdates it (e.g. the
    /// instant a breach became known, recorded later); unset means the event's instant.
    FlagSet {
        flag: Flag,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<Utc>>,
    },
    /// A clock started by hand, at the event's instant.
    ClockStarted {
        clock: String,
    },
    /// The deadline was met, with a reference (e.g. the authority's receipt number).
    ClockMet {
        clock: String,
        reference: String,
    },
    /// The clock does not bind this incident, and why.
    ClockWaived {
        clock: String,
        reason: String,
    },
    ReportFieldWritten {
        field: String,
        text: String,
    },
    /// What was wrong with an earlier event. `occurred_at` says when it really
    /// happened: the fold then dates the event (a flag: its instant) by it.
    Corrected {
        event: u64,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurred_at: Option<DateTime<Utc>>,
    },
    /// A drill's script, recorded when the exercise starts: the briefing and the injects
    /// to deliver at their time.
    DrillStarted {
        scenario: String,
        briefing: String,
        injects: Vec<Inject>,
    },
    /// A drill inject delivered into the journal (index into the script).
    InjectDelivered {
        index: usize,
        from: String,
        text: String,
    },
    /// An event withdrawn: it stays in the journal, shown struck, with the reason.
    Retracted {
        event: u64,
        reason: String,
    },
    /// The incident is over: how it ended, what was said of it, and the clocks left
    /// running on purpose (none unless the operator said so).
    Closed {
        resolution: Resolution,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        summary: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        left_running: Vec<String>,
    },
    Reopened {
        reason: String,
    },
    /// Someone may now write to the incident (or their key or roles changed): the
    /// roster, kept in the journal so it travels with it.
    MemberAdded {
        member: Member,
    },
    /// Someone may no longer write: their key signs no later event.
    MemberRevoked {
        handle: String,
        reason: String,
    },
}

impl Change {
    /// Whether it adds someone to the roster or takes them off.
    pub fn changes_roster(&self) -> bool {
        matches!(
            self,
            Change::MemberAdded { .. } | Change::MemberRevoked { .. }
        )
    }
}

/// Everything known when an incident is declared, including the phase model and the
/// checklist copied from the configuration, so that a later change of the config or of
/// a shipped playbook never changes an incident already running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub id: IncidentId,
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
    pub detected_at: Option<DateTime<Utc>>,
    pub commander: Option<String>,
    pub scope: Scope,
    pub summary: String,
    pub exercise: bool,
    pub phases: Vec<PhaseSpec>,
    pub checklist: Vec<ItemSpec>,
    /// The phase model and playbook the phases and checklist were copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_model: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub playbook: Option<Origin>,
    /// The clock definitions in force when it was declared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clocks: Vec<ClockDef>,
    /// Whether the organisation is a NIS2 / DORA entity, from the config.
    #[serde(default)]
    pub entity: EntityFlags,
}

/// Which shipped or user file something was copied from, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scope {
    pub network: bool,
    pub cloud: bool,
    pub endpoints: bool,
    /// Operational technology: industrial control systems. Left out when false, so an
    /// event written before it existed serialises to the bytes it was signed over.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ot: bool,
    pub personal_data: bool,
}

/// An area an incident touches, or a contract covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Network,
    Cloud,
    Endpoints,
    /// Operational technology: industrial control systems.
    Ot,
    /// Personal data (GDPR work: breach assessment, notification).
    PersonalData,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Network,
        Area::Cloud,
        Area::Endpoints,
        Area::Ot,
        Area::PersonalData,
    ];

    /// As typed and written in files: `network`, `personal-data`.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Network => "network",
            Area::Cloud => "cloud",
            Area::Endpoints => "endpoints",
            Area::Ot => "ot",
            Area::PersonalData => "personal-data",
        }
    }
}

impl Scope {
    /// Whether the scope takes in `area`.
    pub fn takes_in(&self, area: Area) -> bool {
        *self.flag(area)
    }

    /// The scope with `area` in it.
    pub fn with(mut self, area: Area) -> Scope {
        *self.flag_mut(area) = true;
        self
    }

    /// The areas it takes in, in the order of [`Area::ALL`].
    pub fn areas(&self) -> impl Iterator<Item = Area> + '_ {
        Area::ALL.into_iter().filter(|a| self.takes_in(*a))
    }

    fn flag(&self, area: Area) -> &bool {
        match area {
            Area::Network => &self.network,
            Area::Cloud => &self.cloud,
            Area::Endpoints => &self.endpoints,
            Area::Ot => &self.ot,
            Area::PersonalData => &self.personal_data,
        }
    }

    fn flag_mut(&mut self, area: Area) -> &mut bool {
        match area {
            Area::Network => &mut self.network,
            Area::Cloud => &mut self.cloud,
            Area::Endpoints => &mut self.endpoints,
            Area::Ot => &mut self.ot,
            Area::PersonalData => &mut self.personal_data,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    pub id: String,
    pub name: String,
    /// The stages the phase covers (how far the response got, for the report's
    /// milestones). Empty in incidents declared before it was recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<super::Stage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    pub id: String,
    /// Id of the phase the item belongs to.
    pub phase: String,
    pub text: String,
    /// Role id of who owns the step (e.g. `it-lead`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Hints::is_empty")]
    pub hints: Hints,
}

/// What a playbook suggests around a step: whom to call, what to keep, which clocks
/// it starts or stops (the clock engine acts on these links).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Hints {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub starts: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stops: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sets: Vec<super::Field>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

impl Hints {
    pub fn is_empty(&self) -> bool {
        *self == Hints::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactOutcome {
    Reached,
    NoAnswer,
    Message,
    Email,
}

impl ContactOutcome {
    pub const ALL: [ContactOutcome; 4] = [
        ContactOutcome::Reached,
        ContactOutcome::NoAnswer,
        ContactOutcome::Message,
        ContactOutcome::Email,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ContactOutcome::Reached => "reached",
            ContactOutcome::NoAnswer => "no-answer",
            ContactOutcome::Message => "message",
            ContactOutcome::Email => "email",
        }
    }

    /// Whether the other side now knows (a retainer alerted this way starts its clock).
    pub fn delivered(self) -> bool {
        self != ContactOutcome::NoAnswer
    }
}

crate::closed_list_by_slug!(ContactOutcome => "outcome");

/// Whether `text` is a SHA-256 as warroom writes it: 64 lower-case hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSpec {
    /// Short id within the incident: `E1`, `E2`, …
    pub reference: String,
    #[serde(default)]
    pub kind: EvidenceKind,
    pub description: String,
    /// Where it is kept (path, safe, share).
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Size in bytes, when hashed from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Who collected it (the first custodian); unset means the author of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_by: Option<String>,
    /// When it was collected, if not when it was registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    Log,
    DiskImage,
    MemoryImage,
    Snapshot,
    Backup,
    Email,
    Artefact,
    Screenshot,
    #[default]
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 9] = [
        EvidenceKind::Log,
        EvidenceKind::DiskImage,
        EvidenceKind::MemoryImage,
        EvidenceKind::Snapshot,
        EvidenceKind::Backup,
        EvidenceKind::Email,
        EvidenceKind::Artefact,
        EvidenceKind::Screenshot,
        EvidenceKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            EvidenceKind::Log => "log",
            EvidenceKind::DiskImage => "disk-image",
            EvidenceKind::MemoryImage => "memory-image",
            EvidenceKind::Snapshot => "snapshot",
            EvidenceKind::Backup => "backup",
            EvidenceKind::Email => "email",
            EvidenceKind::Artefact => "artefact",
            EvidenceKind::Screenshot => "screenshot",
            EvidenceKind::Other => "other",
        }
    }
}

crate::closed_list_by_slug!(EvidenceKind => "evidence-kind");

/// One timed event of a drill: after this long from the start, this news arrives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    pub after: super::Span,
    #[serde(default)]
    pub author: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub kind: LessonKind,
    pub text: String,
    /// Recommendations: who carries it out, and by when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LessonKind {
    Cause,
    Weakness,
    WentWell,
    Recommendation,
}

impl LessonKind {
    pub const ALL: [LessonKind; 4] = [
        LessonKind::Cause,
        LessonKind::Weakness,
        LessonKind::WentWell,
        LessonKind::Recommendation,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            LessonKind::Cause => "cause",
            LessonKind::Weakness => "weakness",
            LessonKind::WentWell => "went-well",
            LessonKind::Recommendation => "recommendation",
        }
    }
}

crate::closed_list_by_slug!(LessonKind => "lesson-kind");
