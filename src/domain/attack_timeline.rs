//! The attack timeline: what the attacker did, each step at its own time (weeks before
//! detection is normal), apart from the response journal, which says what the team
//! did. Steps are numbered `S1`, `S2`… when written (the number is in the event, so a
//! retraction never renumbers the others) and read in the order they happened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A step as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttackStepSpec {
    /// `S1`, `S2`…
    pub id: String,
    /// When the attacker did it.
    pub at: DateTime<Utc>,
    pub description: String,
    /// An ATT&CK tactic id (`TA0001`), one of the shipped catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tactic: Option<String>,
    /// An ATT&CK technique id (`T1566.001`), canonical; maybe one the catalogue does
    /// not list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
    /// Observables (`O3`) the step left or used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observables: Vec<String>,
    /// Affected assets (`A2`) it touched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<String>,
    /// How we know, and how sure it is (an EDR alert, the retainer's report, "estimated
    /// from the firewall logs").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl AttackStepSpec {
    pub fn new(id: String, at: DateTime<Utc>, description: String) -> Self {
        AttackStepSpec {
            id,
            at,
            description,
            tactic: None,
            technique: None,
            observables: Vec::new(),
            assets: Vec::new(),
            source: String::new(),
        }
    }
}

/// What a step is linked to, then how it is known, in one line: `O1, A2 — EDR`;
/// empty when it has neither.
pub fn links_and_source(observables: &[String], assets: &[String], source: &str) -> String {
    let links: Vec<&str> = observables
        .iter()
        .chain(assets)
        .map(String::as_str)
        .collect();
    let parts: Vec<String> = [links.join(", "), source.to_string()]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    parts.join(" — ")
}

/// A fact of a step set anew (`timeline set ID S2 technique T1486`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "kebab-case")]
pub enum AttackStepEdit {
    At(DateTime<Utc>),
    Description(String),
    Tactic(Option<String>),
    Technique(Option<String>),
    Observables(Vec<String>),
    Assets(Vec<String>),
    Source(String),
}

/// A step in the timeline: its facts, who wrote it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttackStep {
    #[serde(flatten)]
    pub spec: AttackStepSpec,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl AttackStep {
    fn edit(&mut self, edit: &AttackStepEdit) {
        let spec = &mut self.spec;
        match edit {
            AttackStepEdit::At(at) => spec.at = *at,
            AttackStepEdit::Description(d) => spec.description.clone_from(d),
            AttackStepEdit::Tactic(t) => spec.tactic.clone_from(t),
            AttackStepEdit::Technique(t) => spec.technique.clone_from(t),
            AttackStepEdit::Observables(o) => spec.observables.clone_from(o),
            AttackStepEdit::Assets(a) => spec.assets.clone_from(a),
            AttackStepEdit::Source(s) => spec.source.clone_from(s),
        }
    }
}

/// The steps of an incident, in the order they were written; [`AttackTimeline::sorted`]
/// gives them in the order they happened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AttackTimeline {
    pub steps: Vec<AttackStep>,
    /// Ids of steps whose event was retracted: never given again, so that the journal's
    /// `S2` always means one step.
    #[serde(skip)]
    retired: Vec<String>,
}

impl AttackTimeline {
    /// A step added; an id already taken adds nothing (the writer gives free ones).
    pub fn add(&mut self, spec: &AttackStepSpec, at: DateTime<Utc>, by: &str) {
        if self.get(&spec.id).is_some() {
            return;
        }
        self.steps.push(AttackStep {
            spec: spec.clone(),
            recorded_by: by.to_string(),
            recorded_at: at,
        });
    }

    pub fn edit(&mut self, id: &str, edit: &AttackStepEdit) {
        if let Some(step) = self.steps.iter_mut().find(|s| s.spec.id == id) {
            step.edit(edit);
        }
    }

    /// A step withdrawn with its event: its id stays used.
    pub fn retire(&mut self, id: &str) {
        if !self.retired.iter().any(|r| r == id) {
            self.retired.push(id.to_string());
        }
    }

    /// The step `S3`, as typed (`s3` too).
    pub fn get(&self, id: &str) -> Option<&AttackStep> {
        let id = id.trim();
        self.steps
            .iter()
            .find(|s| s.spec.id.eq_ignore_ascii_case(id))
    }

    /// Whether `id` names a step, or one withdrawn.
    pub fn is_used(&self, id: &str) -> bool {
        self.get(id).is_some() || self.retired.iter().any(|r| r.eq_ignore_ascii_case(id))
    }

    /// The next free id: `S` and one more than the highest ever given.
    pub fn next_id(&self) -> String {
        let highest = self
            .steps
            .iter()
            .map(|s| s.spec.id.as_str())
            .chain(self.retired.iter().map(String::as_str))
            .filter_map(|id| id.strip_prefix('S')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("S{}", highest + 1)
    }

    /// The steps in the order they happened (the order written among equals).
    pub fn sorted(&self) -> Vec<&AttackStep> {
        let mut steps: Vec<&AttackStep> = self.steps.iter().collect();
        steps.sort_by_key(|s| s.spec.at);
        steps
    }

    /// When the attacker was first seen at work.
    pub fn first_activity(&self) -> Option<DateTime<Utc>> {
        self.steps.iter().map(|s| s.spec.at).min()
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}
