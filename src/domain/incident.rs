//! The current state of an incident: a pure fold over its journal.

use super::{
    Amendment, Category, Change, ClockDef, ClockFacts, Clocks, ContactOutcome, Declaration, Event,
    EvidenceSpec, Hints, IncidentId, ItemSpec, Lesson, Origin, PhaseSpec, Resolution, Scope,
    Severity, Tlp,
};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentState {
    pub id: IncidentId,
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
    pub detected_at: Option<DateTime<Utc>>,
    pub declared_at: DateTime<Utc>,
    pub declared_by: String,
    pub commander: Option<String>,
    pub scope: Scope,
    pub summary: String,
    pub exercise: bool,
    pub phases: Vec<PhaseSpec>,
    pub current_phase: usize,
    /// Phase id → when the incident first entered it (the first phase: declared).
    pub phase_entered: BTreeMap<String, DateTime<Utc>>,
    pub phase_model: Option<Origin>,
    pub playbook: Option<Origin>,
    pub checklist: Vec<ChecklistItem>,
    pub retainer_alert: Option<RetainerAlert>,
    /// The latest review of the retainer's work on it, who made it and when.
    pub retainer_review: Option<(DateTime<Utc>, String, super::RetainerReview)>,
    pub contact_attempts: Vec<ContactAttempt>,
    pub evidence: Vec<EvidenceRecord>,
    /// Observables (indicators), each once, numbered in the order first reported.
    pub observables: super::Observables,
    /// Affected assets, each once, numbered in the order first reported.
    pub assets: super::Assets,
    /// What the attacker did, step by step (`S1`, `S2`…).
    pub attack_timeline: super::AttackTimeline,
    pub lessons: Vec<Lesson>,
    /// Who may write to it, with which key (issue 17: signed authorship).
    pub roster: crate::domain::Roster,
    /// The drill's script, when the incident is an exercise run from one.
    pub drill: Option<Drill>,
    /// Event id → (id of the retracting event, reason).
    pub retracted: BTreeMap<u64, (u64, String)>,
    pub clock_defs: Vec<ClockDef>,
    pub clock_facts: ClockFacts,
    pub report: BTreeMap<String, String>,
    /// Event id → ids of the events that correct it.
    pub corrections: BTreeMap<u64, Vec<u64>>,
    /// How it ended, while it stays closed (a reopening clears it).
    pub closure: Option<Closure>,
    pub event_count: u64,
    pub last_event_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub phase: String,
    pub text: String,
    /// Role id of the owner, from the playbook.
    pub owner: Option<String>,
    pub hints: Hints,
    /// The person it was given to.
    pub assignee: Option<String>,
    pub done: Option<Done>,
    pub not_applicable: Option<NotApplicable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closure {
    pub at: DateTime<Utc>,
    pub by: String,
    pub resolution: Resolution,
    pub summary: String,
    pub left_running: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotApplicable {
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetainerAlert {
    pub at: DateTime<Utc>,
    pub by: String,
    pub retainer: String,
    pub response_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactAttempt {
    pub at: DateTime<Utc>,
    pub by: String,
    pub contact: String,
    pub contact_id: Option<String>,
    pub outcome: ContactOutcome,
    pub note: String,
}

/// A running drill: its script and which injects have been delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drill {
    pub scenario: String,
    pub briefing: String,
    pub injects: Vec<super::Inject>,
    pub started_at: DateTime<Utc>,
    pub delivered: Vec<usize>,
}

impl Drill {
    /// Injects whose time has come and that are not in the journal yet, in order.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<(usize, &super::Inject)> {
        self.injects
            .iter()
            .enumerate()
            .filter(|(i, inject)| {
                !self.delivered.contains(i) && inject.after.after(self.started_at, None) <= now
            })
            .collect()
    }
}

/// An evidence item and its chain of custody (the first entry is its collection).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRecord {
    pub spec: EvidenceSpec,
    pub registered_at: DateTime<Utc>,
    pub registered_by: String,
    pub custody: Vec<Custody>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Custody {
    pub at: DateTime<Utc>,
    /// Who holds it from then on.
    pub to: String,
    /// Who recorded the hand-over.
    pub by: String,
    pub note: String,
}

impl EvidenceRecord {
    /// Who holds it now.
    pub fn custodian(&self) -> &str {
        self.custody.last().map_or("", |c| c.to.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FoldError {
    #[error("the journal is empty")]
    Empty,
    #[error("event {0} should declare the incident but records something else")]
    NotDeclaredFirst(u64),
    #[error("event {0} declares the incident a second time")]
    DeclaredTwice(u64),
}

impl ChecklistItem {
    fn from_spec(spec: &ItemSpec) -> Self {
        ChecklistItem {
            id: spec.id.clone(),
            phase: spec.phase.clone(),
            text: spec.text.clone(),
            owner: spec.owner.clone(),
            hints: spec.hints.clone(),
            assignee: None,
            done: None,
            not_applicable: None,
        }
    }

    /// Neither done nor marked not applicable.
    pub fn is_open(&self) -> bool {
        self.done.is_none() && self.not_applicable.is_none()
    }
}

/// Replays a journal into the incident's current state. Deterministic: the same events
/// always give the same state. Changes that refer to something unknown (an item id that
/// does not exist) are kept in the journal but change nothing. A retracted event is
/// counted and listed but has no effect; a re-dated one counts at its corrected time.
pub fn fold(events: &[Event]) -> Result<IncidentState, FoldError> {
    let (first, rest) = events.split_first().ok_or(FoldError::Empty)?;
    let mut state = IncidentState::declared(first)?;
    let withdrawn = super::withdrawn(events);
    let redated = super::effective::redated(events, &withdrawn);
    for event in rest {
        if withdrawn.contains(&event.id) {
            state.pass(event)?;
        } else if let Some(at) = redated.get(&event.id) {
            state.apply(&event.redated(*at))?;
        } else {
            state.apply(event)?;
        }
    }
    Ok(state)
}

impl IncidentState {
    /// The state right after the declaring event.
    pub fn declared(event: &Event) -> Result<Self, FoldError> {
        let Change::Declared(d) = &event.change else {
            return Err(FoldError::NotDeclaredFirst(event.id));
        };
        let Declaration {
            id,
            title,
            severity,
            category,
            tlp,
            detected_at,
            commander,
            scope,
            summary,
            exercise,
            phases,
            checklist,
            phase_model,
            playbook,
            clocks,
            entity,
        } = d.clone();
        let phase_entered = phases
            .first()
            .map(|p| (p.id.clone(), event.occurred()))
            .into_iter()
            .collect();
        Ok(IncidentState {
            id,
            title,
            severity,
            category,
            tlp,
            detected_at,
            declared_at: event.occurred(),
            declared_by: event.author.clone(),
            commander,
            scope,
            summary,
            exercise,
            phases,
            current_phase: 0,
            phase_entered,
            phase_model,
            playbook,
            checklist: checklist.iter().map(ChecklistItem::from_spec).collect(),
            retainer_alert: None,
            retainer_review: None,
            contact_attempts: Vec::new(),
            evidence: Vec::new(),
            observables: super::Observables::default(),
            assets: super::Assets::default(),
            attack_timeline: super::AttackTimeline::default(),
            lessons: Vec::new(),
            roster: crate::domain::Roster::default(),
            drill: None,
            retracted: BTreeMap::new(),
            clock_defs: clocks,
            clock_facts: ClockFacts {
                entity,
                ..ClockFacts::default()
            },
            report: BTreeMap::new(),
            corrections: BTreeMap::new(),
            closure: None,
            event_count: 1,
            last_event_at: event.at,
        })
    }

    /// One more event on a live state, `events` being the whole journal up to and
    /// including it. Most apply in place, by the same function the full fold uses; a
    /// retraction or a re-dating correction changes what came before, so the state is
    /// folded again. Either way a live screen always equals a fresh fold.
    pub fn follow(&mut self, events: &[Event]) -> Result<(), FoldError> {
        match events.last() {
            Some(last) if last.change.rewrites_history() => {
                *self = fold(events)?;
                Ok(())
            }
            Some(last) => self.apply(last),
            None => Err(FoldError::Empty),
        }
    }

    /// A withdrawn event: in the journal's count, without effect.
    fn pass(&mut self, event: &Event) -> Result<(), FoldError> {
        if matches!(event.change, Change::Declared(_)) {
            return Err(FoldError::DeclaredTwice(event.id));
        }
        // A withdrawn step keeps its id: a later one never takes it.
        if let Change::AttackStepAdded { step } = &event.change {
            self.attack_timeline.retire(&step.id);
        }
        self.event_count += 1;
        self.last_event_at = event.at;
        Ok(())
    }

    /// Applies one more event that is in force.
    fn apply(&mut self, event: &Event) -> Result<(), FoldError> {
        let by = &event.author;
        // When it happened: every fact below is dated by it, not by when it was written.
        let at = event.occurred();
        match &event.change {
            Change::Declared(_) => return Err(FoldError::DeclaredTwice(event.id)),
            Change::Amended { amendment, .. } => self.amend(amendment),
            Change::PhaseAdvanced { phase, .. } => {
                if let Some(index) = self.phases.iter().position(|p| &p.id == phase) {
                    self.current_phase = index;
                    self.phase_entered
                        .entry(phase.clone())
                        .and_modify(|first| *first = (*first).min(at))
                        .or_insert(at);
                }
            }
            Change::ItemAdded { item } => {
                if self.item(&item.id).is_none() {
                    self.checklist.push(ChecklistItem::from_spec(item));
                }
            }
            Change::ItemChecked { item } => {
                if let Some(entry) = self.item_mut(item) {
                    entry.not_applicable = None;
                    entry.done = Some(Done { by: by.clone(), at });
                }
            }
            Change::ItemUnchecked { item } => {
                if let Some(entry) = self.item_mut(item) {
                    entry.done = None;
                    entry.not_applicable = None;
                }
            }
            Change::ItemAssigned { item, person } => {
                if let Some(entry) = self.item_mut(item) {
                    entry.assignee = person.clone();
                }
            }
            Change::ItemNotApplicable { item, reason } => {
                if let Some(entry) = self.item_mut(item) {
                    entry.done = None;
                    entry.not_applicable = Some(NotApplicable {
                        reason: reason.clone(),
                        by: by.clone(),
                        at,
                    });
                }
            }
            Change::NoteAdded { .. } => {}
            Change::RetainerAlerted {
                retainer,
                response_minutes,
                coverage,
                report_due_days,
            } => {
                // The contractual clock runs from the first alert (the earliest, when one
                // is written down late); later alerts are reminders.
                if self
                    .retainer_alert
                    .as_ref()
                    .is_none_or(|first| at < first.at)
                {
                    self.clock_facts.retainer = Some(super::clocks::RetainerTerms {
                        at,
                        minutes: *response_minutes,
                        coverage: coverage.clone(),
                        report_due_days: *report_due_days,
                    });
                    self.clock_facts.retainer_name = Some(retainer.clone());
                    self.retainer_alert = Some(RetainerAlert {
                        at,
                        by: by.clone(),
                        retainer: retainer.clone(),
                        response_minutes: *response_minutes,
                    });
                }
            }
            Change::RetainerReviewed { review, .. } => {
                self.retainer_review = Some((at, by.clone(), review.clone()));
            }
            Change::ContactAttempted {
                contact,
                contact_id,
                outcome,
                note,
            } => self.contact_attempts.push(ContactAttempt {
                at,
                by: by.clone(),
                contact: contact.clone(),
                contact_id: contact_id.clone(),
                outcome: *outcome,
                note: note.clone(),
            }),
            // Directory journal events mean nothing to an incident.
            Change::ContactSaved { .. } | Change::ContactVerified { .. } => {}
            Change::EvidenceRegistered { evidence } => {
                if self.evidence_item(&evidence.reference).is_none() {
                    let first = evidence.collected_by.clone().unwrap_or_else(|| by.clone());
                    self.evidence.push(EvidenceRecord {
                        spec: evidence.clone(),
                        registered_at: at,
                        registered_by: by.clone(),
                        custody: vec![Custody {
                            at: evidence.collected_at.unwrap_or(at),
                            to: first,
                            by: by.clone(),
                            note: String::new(),
                        }],
                    });
                }
            }
            Change::ObservableReported { observable } => {
                self.observables.report(observable, at, by);
            }
            Change::ObservableEdited { observable, edit } => {
                self.observables.edit(observable, edit);
            }
            Change::AssetAdded { asset } => self.assets.report(asset, at, by, event.id),
            Change::AssetStateChanged { asset, state } => {
                self.assets.set_state(asset, *state, at, by, event.id);
            }
            Change::AssetEdited { asset, edit } => self.assets.edit(asset, edit),
            Change::AttackStepAdded { step } => self.attack_timeline.add(step, at, by),
            Change::AttackStepEdited { step, edit } => self.attack_timeline.edit(step, edit),
            Change::EvidenceTransferred { evidence, to, note } => {
                if let Some(item) = self
                    .evidence
                    .iter_mut()
                    .find(|e| &e.spec.reference == evidence)
                {
                    item.custody.push(Custody {
                        at,
                        to: to.clone(),
                        by: by.clone(),
                        note: note.clone(),
                    });
                }
            }
            Change::LessonAdded { lesson } => self.lessons.push(lesson.clone()),
            Change::MemberAdded { .. } | Change::MemberRevoked { .. } => self.roster.apply(event),
            Change::DrillStarted {
                scenario,
                briefing,
                injects,
            } => {
                if self.drill.is_none() {
                    self.drill = Some(Drill {
                        scenario: scenario.clone(),
                        briefing: briefing.clone(),
                        injects: injects.clone(),
                        started_at: at,
                        delivered: Vec::new(),
                    });
                }
            }
            Change::InjectDelivered { index, .. } => {
                if let Some(drill) = &mut self.drill
                    && !drill.delivered.contains(index)
                {
                    drill.delivered.push(*index);
                }
            }
            Change::Retracted {
                event: target,
                reason,
            } => {
                if super::effective::retractable(*target, event.id)
                    && !self.roster.changed_by(*target)
                {
                    self.retracted
                        .entry(*target)
                        .or_insert((event.id, reason.clone()));
                }
            }
            Change::FlagSet { flag, at: stated } => {
                // The earliest instant wins: a flag backdated later moves deadlines earlier.
                let at = stated.unwrap_or(at);
                let facts = &mut self.clock_facts;
                facts
                    .flags
                    .entry(*flag)
                    .and_modify(|first| *first = (*first).min(at))
                    .or_insert(at);
            }
            Change::ClockStarted { clock } => {
                ClockFacts::earliest(&mut self.clock_facts.started, clock, at, |t| *t);
            }
            Change::ClockMet { clock, reference } => {
                // Met at the earliest time said; the reference is the last one given, so
                // a receipt number that arrives later can be added to a met clock.
                let kept = self.clock_facts.met.get(clock).map(|(_, r)| r.clone());
                ClockFacts::earliest(
                    &mut self.clock_facts.met,
                    clock,
                    (at, reference.clone()),
                    |(t, _)| *t,
                );
                let reference = if reference.is_empty() {
                    kept.unwrap_or_default()
                } else {
                    reference.clone()
                };
                if let Some(met) = self.clock_facts.met.get_mut(clock)
                    && !reference.is_empty()
                {
                    met.1 = reference;
                }
            }
            Change::ClockWaived { clock, reason } => {
                ClockFacts::earliest(
                    &mut self.clock_facts.waived,
                    clock,
                    (at, reason.clone()),
                    |(t, _)| *t,
                );
            }
            Change::ReportFieldWritten { field, text } => {
                self.report.insert(field.clone(), text.clone());
            }
            Change::Corrected { event: target, .. } => {
                self.corrections.entry(*target).or_default().push(event.id);
            }
            Change::Closed {
                resolution,
                summary,
                left_running,
            } => {
                self.clock_facts.closed = Some(at);
                self.closure = Some(Closure {
                    at,
                    by: by.clone(),
                    resolution: resolution.clone(),
                    summary: summary.clone(),
                    left_running: left_running.clone(),
                });
            }
            Change::Reopened { .. } => {
                self.closure = None;
                self.clock_facts.closed = None;
            }
        }
        self.event_count += 1;
        self.last_event_at = event.at;
        Ok(())
    }

    fn amend(&mut self, amendment: &Amendment) {
        match amendment {
            Amendment::Title(title) => self.title = title.clone(),
            Amendment::Severity(severity) => self.severity = *severity,
            Amendment::Category(category) => self.category = *category,
            Amendment::Tlp(tlp) => self.tlp = *tlp,
            Amendment::Commander(commander) => self.commander = commander.clone(),
            Amendment::Scope(scope) => self.scope = *scope,
            Amendment::Summary(summary) => self.summary = summary.clone(),
            Amendment::DetectedAt(at) => self.detected_at = *at,
            Amendment::Nis2(applies) => self.clock_facts.entity.nis2 = *applies,
            Amendment::Dora(applies) => self.clock_facts.entity.dora = *applies,
        }
    }

    /// When containment was reached: the incident first entered a phase past the one
    /// that covers containment (by its stages, or by its id in older incidents).
    pub fn contained_at(&self) -> Option<DateTime<Utc>> {
        let containing = self.phases.iter().rposition(|p| {
            p.stages.contains(&super::Stage::Contain)
                || (p.stages.is_empty() && p.id.contains("contain"))
        })?;
        self.phases[containing + 1..]
            .iter()
            .filter_map(|p| self.phase_entered.get(&p.id))
            .min()
            .copied()
    }

    /// How long it has run: from its declaration to now, or to its closing.
    pub fn elapsed(&self, now: DateTime<Utc>) -> chrono::TimeDelta {
        self.closed_at().unwrap_or(now) - self.declared_at
    }

    /// When it was closed, while it stays closed.
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.closure.as_ref().map(|c| c.at)
    }

    pub fn evidence_item(&self, reference: &str) -> Option<&EvidenceRecord> {
        self.evidence.iter().find(|e| e.spec.reference == reference)
    }

    /// The evidence item an operator means by `typed`, the one rule for every face:
    /// its reference as written (`E1`, `DISK-01`), else the one reference that matches
    /// whatever the case (`e1`), spaces around it trimmed.
    pub fn resolve_evidence(&self, typed: &str) -> Option<&EvidenceRecord> {
        let typed = typed.trim();
        self.evidence_item(typed).or_else(|| {
            let mut alike = self
                .evidence
                .iter()
                .filter(|e| e.spec.reference.eq_ignore_ascii_case(typed));
            match (alike.next(), alike.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        })
    }

    /// A fresh evidence reference: `E1`, `E2`, …
    pub fn new_evidence_ref(&self) -> String {
        (1..)
            .map(|n| format!("E{n}"))
            .find(|r| self.evidence_item(r).is_none())
            .unwrap_or_default()
    }

    /// Every clock's state, from the definitions and facts of the journal.
    pub fn clocks(&self) -> Clocks {
        Clocks::compute(
            &self.clock_defs,
            &self.clock_facts,
            self.declared_at,
            self.detected_at.unwrap_or(self.declared_at),
        )
    }

    /// The clocks as they would be if `change` were recorded at `at`: what a flag or a
    /// start by hand would set going, shown before the operator confirms.
    pub fn clocks_if(&self, change: &Change, at: DateTime<Utc>) -> Clocks {
        self.clone().with_change(change, at).clocks()
    }

    /// The state as it would be with `changes` recorded at `at`, in order (a preview).
    pub fn with_changes(&self, changes: &[Change], at: DateTime<Utc>) -> IncidentState {
        changes
            .iter()
            .fold(self.clone(), |state, c| state.with_change(c, at))
    }

    /// The state as it would be with `change` recorded at `at` (a preview).
    pub fn with_change(self, change: &Change, at: DateTime<Utc>) -> IncidentState {
        let mut preview = self;
        let event = Event {
            id: preview.event_count + 1,
            at,
            occurred_at: None,
            author: String::new(),
            prev_hash: String::new(),
            change: change.clone(),
            signature: None,
            unsigned: false,
        };
        // Only a second declaration fails to apply, and that is not a clock change.
        let _ = preview.apply(&event);
        preview
    }

    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|i| i.id == id)
    }

    fn item_mut(&mut self, id: &str) -> Option<&mut ChecklistItem> {
        self.checklist.iter_mut().find(|i| i.id == id)
    }

    /// Index of the phase with this id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    /// The phase after the current one, if any.
    pub fn next_phase(&self) -> Option<&PhaseSpec> {
        self.phases.get(self.current_phase + 1)
    }

    /// The change that moves the incident to the phase at `index`, naming the items of
    /// the phase it leaves that are still open. `None` if there is no such phase or it
    /// is already the current one.
    pub fn move_to_phase(&self, index: usize) -> Option<Change> {
        let target = self.phases.get(index)?;
        if index == self.current_phase {
            return None;
        }
        Some(Change::PhaseAdvanced {
            phase: target.id.clone(),
            name: target.name.clone(),
            left_open: self
                .open_items_of_phase(self.current_phase)
                .map(|i| i.id.clone())
                .collect(),
        })
    }

    /// A fresh id for an item added during the incident: `add-1`, `add-2`, …
    pub fn new_item_id(&self) -> String {
        (1..)
            .map(|n| format!("add-{n}"))
            .find(|id| self.item(id).is_none())
            .unwrap_or_default()
    }

    /// Open items of the phases before the current one that are tied to a clock still
    /// waiting or running, or marked required: a phase move does not make a legal or contractual step go away,
    /// so they stay in sight ("carried over") until done or marked not applicable.
    pub fn carried_over(&self) -> impl Iterator<Item = &ChecklistItem> {
        let earlier: Vec<&str> = self.phases[..self.current_phase.min(self.phases.len())]
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        // A clock still waiting or running; one met, waived or not applicable to this
        // incident no longer keeps its step in sight.
        let open_clocks: Vec<String> = self
            .clocks()
            .0
            .into_iter()
            .filter(|c| {
                matches!(
                    c.state,
                    super::ClockState::Waiting | super::ClockState::Running { .. }
                )
            })
            .map(|c| c.id)
            .collect();
        self.checklist.iter().filter(move |i| {
            let tied = i
                .hints
                .starts
                .iter()
                .chain(&i.hints.stops)
                .any(|c| open_clocks.contains(c));
            i.is_open() && earlier.contains(&i.phase.as_str()) && (i.hints.required || tied)
        })
    }

    /// What to do next: the carried-over steps first, then the current phase's.
    pub fn next_open(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.carried_over()
            .chain(self.open_items_of_phase(self.current_phase))
    }

    /// Items of the phase at `index` still to be dealt with.
    pub fn open_items_of_phase(&self, index: usize) -> impl Iterator<Item = &ChecklistItem> {
        self.items_of_phase(index).filter(|i| i.is_open())
    }

    pub fn phase(&self) -> Option<&PhaseSpec> {
        self.phases.get(self.current_phase)
    }

    /// Items of the phase at `index`, in checklist order.
    pub fn items_of_phase(&self, index: usize) -> impl Iterator<Item = &ChecklistItem> {
        let phase = self.phases.get(index).map(|p| p.id.as_str());
        self.checklist
            .iter()
            .filter(move |i| Some(i.phase.as_str()) == phase)
    }

    /// (closed, total) for the phase at `index`: closed means done or not applicable.
    pub fn progress(&self, index: usize) -> (usize, usize) {
        self.items_of_phase(index)
            .fold((0, 0), |(closed, total), i| {
                (closed + usize::from(!i.is_open()), total + 1)
            })
    }
}
