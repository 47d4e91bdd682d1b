//! Phase models and playbooks as data, and the pure step that turns a (model, playbook)
//! pair into the phases and checklist an incident is declared with.

use super::{Category, Hints, ItemSpec, PhaseSpec, Stage};
use serde::{Deserialize, Serialize};

/// How an incident is cut into phases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseModel {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub source: String,
    pub phases: Vec<ModelPhase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelPhase {
    pub id: String,
    pub name: String,
    /// The stages this phase covers; every stage is covered by exactly one phase.
    pub stages: Vec<Stage>,
}

/// What to do in one kind of situation, stage by stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// ENISA classes that pick this playbook when none is named.
    #[serde(default)]
    pub categories: Vec<Category>,
    pub items: Vec<PlaybookItem>,
    /// Where it was read from ("shipped" or a file path); not part of the file.
    #[serde(skip_deserializing, default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaybookItem {
    pub id: String,
    pub stage: Stage,
    pub owner: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starts: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stops: Vec<String>,
    /// The incident's facts this step sets: ticking it offers the Edit incident form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sets: Vec<super::Field>,
    /// A step that must not go out of sight when the incident moves on (it is carried
    /// over to later phases until done or marked not applicable).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

/// A name for who does something: "it-lead" → "IT lead".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
}

/// The id of the playbook used when no other claims an incident's category.
pub const FALLBACK_PLAYBOOK: &str = "generic";

impl PhaseModel {
    pub fn phase_specs(&self) -> Vec<PhaseSpec> {
        self.phases
            .iter()
            .map(|p| PhaseSpec {
                id: p.id.clone(),
                name: p.name.clone(),
                stages: p.stages.clone(),
            })
            .collect()
    }

    /// The phase covering `stage`, if the model is complete.
    pub fn phase_of(&self, stage: Stage) -> Option<&ModelPhase> {
        self.phases.iter().find(|p| p.stages.contains(&stage))
    }

    /// Stages no phase covers, and stages more than one phase covers.
    pub fn coverage_faults(&self) -> (Vec<Stage>, Vec<Stage>) {
        let count = |s: Stage| self.phases.iter().filter(|p| p.stages.contains(&s)).count();
        let missing = Stage::ALL.into_iter().filter(|s| count(*s) == 0).collect();
        let doubled = Stage::ALL.into_iter().filter(|s| count(*s) > 1).collect();
        (missing, doubled)
    }
}

impl Playbook {
    /// The items as an incident's checklist under `model`: each item goes to the phase
    /// covering its stage, phases in model order, items in file order within a phase.
    pub fn checklist(&self, model: &PhaseModel) -> Vec<ItemSpec> {
        model
            .phases
            .iter()
            .flat_map(|phase| {
                self.items
                    .iter()
                    .filter(|i| phase.stages.contains(&i.stage))
                    .map(|i| i.spec(&phase.id))
            })
            .collect()
    }
}

impl PlaybookItem {
    fn spec(&self, phase: &str) -> ItemSpec {
        ItemSpec {
            id: self.id.clone(),
            phase: phase.to_string(),
            text: self.text.clone(),
            owner: Some(self.owner.clone()),
            hints: Hints {
                call: self.call.clone(),
                evidence: self.evidence.clone(),
                starts: self.starts.clone(),
                stops: self.stops.clone(),
                sets: self.sets.clone(),
                required: self.required,
            },
        }
    }
}

/// The playbook for an incident of `category`: the last that claims the category (user
/// playbooks come after the shipped ones, so they win), else the fallback, else the first.
pub fn pick_playbook(playbooks: &[Playbook], category: Category) -> Option<&Playbook> {
    playbooks
        .iter()
        .rev()
        .find(|p| p.categories.contains(&category))
        .or_else(|| playbooks.iter().find(|p| p.id == FALLBACK_PLAYBOOK))
        .or_else(|| playbooks.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> PhaseModel {
        PhaseModel {
            id: "m".into(),
            name: "M".into(),
            source: String::new(),
            phases: vec![
                ModelPhase {
                    id: "first".into(),
                    name: "First".into(),
                    stages: vec![Stage::Detect, Stage::Analyse, Stage::Contain],
                },
                ModelPhase {
                    id: "rest".into(),
                    name: "Rest".into(),
                    stages: vec![Stage::Eradicate, Stage::Recover, Stage::Learn],
                },
            ],
        }
    }

    fn item(id: &str, stage: Stage) -> PlaybookItem {
        PlaybookItem {
            id: id.into(),
            stage,
            owner: "it-lead".into(),
            text: format!("do {id}"),
            call: None,
            evidence: None,
            starts: vec!["gdpr-authority".into()],
            stops: vec![],
            sets: vec![],
            required: false,
        }
    }

    fn playbook(id: &str, categories: Vec<Category>) -> Playbook {
        Playbook {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            categories,
            items: vec![
                item("learn", Stage::Learn),
                item("detect", Stage::Detect),
                item("contain", Stage::Contain),
            ],
            source: String::new(),
        }
    }

    #[test]
    fn items_land_in_the_phase_covering_their_stage_in_model_order() {
        let list = playbook("p", vec![]).checklist(&model());
        let placed: Vec<(&str, &str)> = list
            .iter()
            .map(|i| (i.id.as_str(), i.phase.as_str()))
            .collect();
        assert_eq!(
            placed,
            [("detect", "first"), ("contain", "first"), ("learn", "rest")]
        );
        assert_eq!(list[0].owner.as_deref(), Some("it-lead"));
        assert_eq!(list[0].hints.starts, ["gdpr-authority"]);
    }

    #[test]
    fn coverage_faults_name_missing_and_doubled_stages() {
        let mut m = model();
        assert_eq!(m.coverage_faults(), (vec![], vec![]));
        m.phases[1].stages = vec![Stage::Recover, Stage::Contain];
        assert_eq!(
            m.coverage_faults(),
            (vec![Stage::Eradicate, Stage::Learn], vec![Stage::Contain])
        );
    }

    #[test]
    fn category_picks_its_playbook_else_the_fallback() {
        let books = [
            playbook("ransomware", vec![Category::MaliciousCode]),
            playbook(FALLBACK_PLAYBOOK, vec![]),
            playbook("ours", vec![Category::MaliciousCode]),
        ];
        let pick = |c| pick_playbook(&books, c).map(|p| p.id.as_str());
        assert_eq!(
            pick(Category::MaliciousCode),
            Some("ours"),
            "the later one wins"
        );
        assert_eq!(pick(Category::Fraud), Some(FALLBACK_PLAYBOOK));
        assert_eq!(pick_playbook(&[], Category::Fraud), None);
    }
}
