//! A drill scenario: an exercise incident with a briefing and timed injects.

use super::{Category, Inject};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    /// The exercise incident's title.
    pub title: String,
    /// 0-5.
    pub severity: u8,
    pub category: Category,
    /// Playbook id; default: the one the category picks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub playbook: Option<String>,
    pub briefing: String,
    pub injects: Vec<Inject>,
}
