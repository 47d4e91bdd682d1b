//! The stages of a response. Playbook items name a stage; each phase of a phase model
//! covers some stages. That indirection lets any playbook run under any phase model.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Detect,
    Analyse,
    Contain,
    Eradicate,
    Recover,
    Learn,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Detect,
        Stage::Analyse,
        Stage::Contain,
        Stage::Eradicate,
        Stage::Recover,
        Stage::Learn,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Stage::Detect => "detect",
            Stage::Analyse => "analyse",
            Stage::Contain => "contain",
            Stage::Eradicate => "eradicate",
            Stage::Recover => "recover",
            Stage::Learn => "learn",
        }
    }
}
