//! The incident domain: pure Rust, no I/O, no clock reads (`now` is always passed in).

mod amendment;
pub mod assets;
pub mod attack;
pub mod attack_timeline;
mod category;
mod change;
pub mod clocks;
mod closed_list;
mod contact;
pub mod coverage;
pub mod demo;
mod directory;
mod drill_times;
pub mod dwell;
mod effective;
mod event;
mod incident;
mod incident_id;
pub mod links;
pub mod observable;
mod observables;
mod playbook;
mod retainer;
pub mod retainer_review;
pub mod roster;
pub mod rules;
mod scenario;
mod sector;
mod severity;
mod stage;
mod summary;
mod tlp;

pub use amendment::{Amendment, Field, Resolution};
pub use assets::{
    AssetEdit, AssetKind, AssetRecord, AssetSpec, AssetState, Assets, StateChange, Unresolved,
};
pub use attack::{BadAttack, Catalogue};
pub use attack_timeline::{AttackStep, AttackStepEdit, AttackStepSpec, AttackTimeline};
pub use category::Category;
pub use change::{
    Area, Change, ContactOutcome, Declaration, EvidenceKind, EvidenceSpec, Hints, Inject, ItemSpec,
    Lesson, LessonKind, Origin, PhaseSpec, Scope, is_sha256,
};
pub use clocks::{
    Cap, ClockDef, ClockFacts, ClockState, ClockStatus, ClockView, Clocks, Countdown, EntityFlags,
    Flag, Span, Trigger, Urgency, Warn,
};
pub use closed_list::{ClosedList, UnknownValue};
pub use contact::{Contact, ContactKind, slug};
pub use coverage::Coverage;
pub use directory::{
    Condition, EscalationRule, EscalationStep, StepStatus, build as build_directory, escalation,
    free_contact_id, severity_of,
};
pub use drill_times::{DrillTimes, Notification};
pub use effective::{effective, may_be_retracted, withdrawn};
pub use event::{
    ChainBreak, ChainHead, Event, GENESIS_HASH, record_hash, signed_body, verify_chain,
};
pub use incident::{
    ChecklistItem, Closure, ContactAttempt, Custody, Done, Drill, EvidenceRecord, FoldError,
    IncidentState, NotApplicable, RetainerAlert, fold,
};
pub use incident_id::{BadIncidentId, IncidentId};
pub use links::BadLink;
pub use observable::{BadObservable, ObservableKind};
pub use observables::{ObservableEdit, ObservableRecord, ObservableSpec, Observables};
pub use playbook::{
    FALLBACK_PLAYBOOK, ModelPhase, PhaseModel, Playbook, PlaybookItem, Role, pick_playbook,
};
pub use retainer::{ResponseTier, Retainer, RetainerMode, Within};
pub use retainer_review::{RetainerReview, Verdict};
pub use roster::{Access, Member, Roster, RosterEntry};
pub use rules::Refusal;
pub use scenario::Scenario;
pub use sector::Sector;
pub use severity::Severity;
pub use stage::Stage;
pub use summary::{Declared, IncidentSummary};
pub use tlp::Tlp;

#[cfg(test)]
mod attack_timeline_tests;
#[cfg(test)]
mod fold_tests;
