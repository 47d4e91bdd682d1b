//! The post-incident report: one model built from the journal (pure), written as
//! Markdown, HTML (one self-contained file that prints well) or JSON. User text is
//! escaped for each format, so nothing typed during the incident can inject markup.
//! Markdown and HTML come from one walk through the model (`walk`): the order, the rows
//! and the words are decided there; each writer lays them out and escapes them.

mod affected;
mod attack;
mod html;
mod markdown;
pub mod plan;
mod plan_html;
mod plan_markdown;
mod walk;

use crate::config::Config;
use crate::domain::{
    ChecklistItem, ClockState, Custody, Event, EvidenceRecord, IncidentState, Lesson,
};
use crate::text;
use chrono::{DateTime, Utc};
use serde::Serialize;

pub use affected::{AssetReport, ObservableReport};
pub use attack::AttackStepReport;
pub use html::html;
pub use markdown::markdown;
pub use plan_html::html as plan_html;
pub use plan_markdown::markdown as plan_markdown;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub tlp: String,
    pub exercise: bool,
    pub id: String,
    pub title: String,
    pub organisation: String,
    pub severity: String,
    pub category: String,
    pub declared_at: DateTime<Utc>,
    pub detected_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// How it ended, and what was said of it when closing.
    pub resolution: Option<String>,
    pub closing_summary: Option<String>,
    /// From declaration to closing (or to when the report was written).
    pub duration_seconds: i64,
    /// Detection, declaration, retainer engaged, containment, closing: when each was
    /// reached and how long after the first.
    pub milestones: Vec<Milestone>,
    pub commander: Option<String>,
    pub summary: String,
    pub playbook: Option<String>,
    pub phase_model: Option<String>,
    pub generated_at: DateTime<Utc>,
    /// What the attacker did, in the order it happened.
    pub attack_timeline: Vec<AttackStepReport>,
    /// First attacker activity, detection, containment, and the spans between.
    pub dwell: crate::domain::dwell::Dwell,
    /// What we did: the response journal, in the order things happened.
    pub timeline: Vec<TimelineEntry>,
    /// Events withdrawn, left out of everything above and below, with why.
    pub retractions: Vec<RetractionReport>,
    pub phases: Vec<PhaseReport>,
    pub clocks: Vec<ClockReport>,
    pub contacts: Vec<ContactReport>,
    pub evidence: Vec<EvidenceReport>,
    /// Affected assets and observables (`affected.rs`); left out of the JSON when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<AssetReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observables: Vec<ObservableReport>,
    pub lessons: Vec<LessonReport>,
    pub journal: JournalHead,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub event: u64,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// When it was written down, if more than a minute apart from when it happened.
    pub logged_at: Option<DateTime<Utc>>,
    pub author: String,
    pub kind: String,
    pub text: String,
    /// "retracted: reason" or the ids of corrections, for the reader.
    pub amended: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    pub id: &'static str,
    pub name: String,
    pub at: Option<DateTime<Utc>>,
    /// "2d 03:10:00" after the first milestone reached.
    pub after: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RetractionReport {
    pub event: u64,
    pub text: String,
    pub retracted_by: u64,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseReport {
    pub name: String,
    pub current: bool,
    pub items: Vec<ItemReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemReport {
    pub id: String,
    pub text: String,
    pub status: String,
    pub owner: Option<String>,
    pub assignee: Option<String>,
    pub done_by: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
    pub not_applicable: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClockReport {
    pub name: String,
    pub authority: String,
    pub state: String,
    pub deadline: Option<DateTime<Utc>>,
    pub met_at: Option<DateTime<Utc>>,
    /// "met 02:13:00 early", "missed by 01:00:00", "waived: reason"…
    pub outcome: String,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactReport {
    pub at: DateTime<Utc>,
    pub contact: String,
    pub outcome: String,
    pub by: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceReport {
    pub reference: String,
    pub kind: String,
    pub description: String,
    pub location: String,
    pub sha256: Option<String>,
    pub size: Option<u64>,
    pub custody: Vec<Custody>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LessonReport {
    pub kind: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalHead {
    pub events: u64,
    pub sha256: String,
}

fn item_report(config: &Config, i: &ChecklistItem) -> ItemReport {
    let status = match (&i.done, &i.not_applicable) {
        (Some(_), _) => "done",
        (None, Some(_)) => "not applicable",
        (None, None) => "open",
    };
    ItemReport {
        id: i.id.clone(),
        text: crate::i18n::localized(&i.text).into_owned(),
        status: status.into(),
        owner: i
            .owner
            .as_deref()
            .map(|o| crate::i18n::localized(config.role_name(o)).into_owned()),
        assignee: i.assignee.clone(),
        done_by: i.done.as_ref().map(|d| d.by.clone()),
        done_at: i.done.as_ref().map(|d| d.at),
        not_applicable: i.not_applicable.as_ref().map(|n| n.reason.clone()),
    }
}

fn clock_report(c: &crate::domain::ClockView, now: DateTime<Utc>) -> ClockReport {
    let hms = crate::text::hms;
    let (state, met_at, reference, outcome) = match &c.state {
        ClockState::NotApplicable => ("not applicable", None, None, String::new()),
        ClockState::Waiting => ("not started", None, None, String::new()),
        ClockState::Running { deadline, .. } => {
            let outcome = if now > *deadline {
                text::report_missed(&hms(now - *deadline))
            } else {
                text::report_running(&hms(*deadline - now))
            };
            ("running", None, None, outcome)
        }
        ClockState::Met {
            at,
            deadline,
            reference,
            ..
        } => {
            let outcome = match deadline {
                Some(d) if at <= d => text::clock_met_early(&hms(*d - *at)),
                Some(d) => text::clock_met_late(&hms(*at - *d)),
                None => text::clock_met(),
            };
            ("met", Some(*at), Some(reference.clone()), outcome)
        }
        ClockState::Waived { reason, .. } => (
            "waived",
            None,
            None,
            format!("{}: {reason}", text::clock_waived()),
        ),
    };
    ClockReport {
        name: crate::i18n::localized(&c.name).into_owned(),
        authority: crate::i18n::localized(&c.authority).into_owned(),
        state: state.into(),
        deadline: c.state.deadline(),
        met_at,
        outcome,
        reference,
    }
}

fn evidence_report(e: &EvidenceRecord) -> EvidenceReport {
    EvidenceReport {
        reference: e.spec.reference.clone(),
        kind: e.spec.kind.slug().into(),
        description: e.spec.description.clone(),
        location: e.spec.location.clone(),
        sha256: e.spec.sha256.clone(),
        size: e.spec.size,
        custody: e.custody.clone(),
    }
}

fn lesson_report(l: &Lesson) -> LessonReport {
    LessonReport {
        kind: text::lesson_kind_name(l.kind),
        text: l.text.clone(),
        owner: l.owner.clone(),
        due: l.due,
    }
}

/// The report of the incident whose journal is `events` (folded as `state`).
pub fn build(
    state: &IncidentState,
    events: &[Event],
    config: &Config,
    head_hash: &str,
    now: DateTime<Utc>,
) -> Report {
    let retractions = events
        .iter()
        .filter_map(|e| {
            let (by, reason) = state.retracted.get(&e.id)?;
            Some(RetractionReport {
                event: e.id,
                text: text::event_line(&e.change, Some(state)),
                retracted_by: *by,
                reason: reason.clone(),
            })
        })
        .collect();
    // A retraction in force is told in `retractions`, with what it withdrew.
    let told_apart = |e: &Event| {
        state.retracted.contains_key(&e.id) || state.retracted.values().any(|(by, _)| *by == e.id)
    };
    // In the order things happened; the journal's numbers keep the written order.
    let mut timeline: Vec<TimelineEntry> = events
        .iter()
        .filter(|e| !told_apart(e))
        .map(|e| {
            let amended = state.corrections.get(&e.id).map(|ids| {
                text::report_corrected(
                    &ids.iter()
                        .map(|i| format!("#{i}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            });
            TimelineEntry {
                event: e.id,
                at: e.occurred(),
                logged_at: e.logged_apart(),
                author: e.author.clone(),
                kind: change_kind(&e.change),
                text: text::event_line(&e.change, Some(state)),
                amended,
            }
        })
        .collect();
    timeline.sort_by_key(|e| (e.at, e.event));
    let phases = state
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| PhaseReport {
            name: crate::i18n::localized(&p.name).into_owned(),
            current: i == state.current_phase,
            items: state
                .items_of_phase(i)
                .map(|it| item_report(config, it))
                .collect(),
        })
        .collect();
    Report {
        tlp: state.tlp.label().to_string(),
        exercise: state.exercise,
        id: state.id.to_string(),
        title: crate::i18n::localized(&state.title).into_owned(),
        organisation: crate::i18n::localized(&config.organisation).into_owned(),
        severity: format!(
            "{} {}",
            state.severity.level(),
            crate::i18n::terms::severity(state.severity)
        ),
        category: crate::i18n::terms::category(state.category),
        declared_at: state.declared_at,
        detected_at: state.detected_at,
        closed_at: state.closed_at(),
        resolution: state
            .closure
            .as_ref()
            .map(|c| text::resolution_name(&c.resolution)),
        closing_summary: state
            .closure
            .as_ref()
            .map(|c| c.summary.clone())
            .filter(|s| !s.is_empty()),
        duration_seconds: state.elapsed(now).num_seconds(),
        milestones: milestones(state),
        commander: state.commander.clone(),
        summary: crate::i18n::localized(&state.summary).into_owned(),
        playbook: state
            .playbook
            .as_ref()
            .map(|p| crate::i18n::localized(&p.name).into_owned()),
        phase_model: state
            .phase_model
            .as_ref()
            .map(|p| crate::i18n::localized(&p.name).into_owned()),
        generated_at: now,
        attack_timeline: attack::attack_timeline(state),
        dwell: crate::domain::dwell::dwell(state),
        timeline,
        retractions,
        phases,
        clocks: state
            .clocks()
            .by_urgency(now)
            .into_iter()
            .filter(|c| c.state != ClockState::NotApplicable)
            .map(|c| clock_report(c, now))
            .collect(),
        contacts: state
            .contact_attempts
            .iter()
            .map(|a| ContactReport {
                at: a.at,
                contact: a.contact.clone(),
                outcome: text::outcome_name(a.outcome),
                by: a.by.clone(),
                note: a.note.clone(),
            })
            .collect(),
        evidence: state.evidence.iter().map(evidence_report).collect(),
        assets: affected::assets(state),
        observables: affected::observables(state),
        lessons: state.lessons.iter().map(lesson_report).collect(),
        journal: JournalHead {
            events: state.event_count,
            sha256: head_hash.to_string(),
        },
    }
}

/// The event's kind as stored (`note_added`, `item_checked`…).
fn change_kind(change: &crate::domain::Change) -> String {
    serde_json::to_value(change)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str().map(String::from)))
        .unwrap_or_default()
}

pub fn json(report: &Report) -> String {
    pretty_json(report).unwrap_or_default()
}

/// JSON as people may read it on a terminal: serde escapes C0 controls but leaves DEL
/// and the C1 controls raw (valid JSON, yet U+009B is a CSI to some terminals); they
/// are written `\u009b` here. They can only occur inside strings, so this stays JSON.
pub fn pretty_json(value: &impl Serialize) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(raw_control) {
        return Ok(text);
    }
    Ok(text
        .chars()
        .map(|c| {
            if raw_control(c) {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect())
}

fn raw_control(c: char) -> bool {
    c.is_control() && c != '\n'
}

fn milestones(state: &IncidentState) -> Vec<Milestone> {
    let reached = [
        ("detected", text::milestone_detected(), state.detected_at),
        (
            "declared",
            text::milestone_declared(),
            Some(state.declared_at),
        ),
        (
            "retainer-engaged",
            text::milestone_retainer(),
            state.retainer_alert.as_ref().map(|a| a.at),
        ),
        (
            "contained",
            text::milestone_contained(),
            crate::domain::dwell::containment(state),
        ),
        ("closed", text::milestone_closed(), state.closed_at()),
    ];
    let first = reached.iter().filter_map(|(_, _, at)| *at).min();
    reached
        .into_iter()
        .map(|(id, name, at)| Milestone {
            id,
            name,
            at,
            after: at
                .zip(first)
                .map(|(at, first)| crate::text::hms(at - first)),
        })
        .collect()
}
