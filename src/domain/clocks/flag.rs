//! Flags on an incident that decide which clocks apply and start them.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// A personal-data breach is established: starts the GDPR clocks.
    PersonalData,
    /// The incident is judged significant under NIS2: starts the NIS2 clocks.
    Significant,
    /// The incident is classified major under DORA: starts the DORA clocks.
    Major,
    /// The organisation is an essential or important entity under NIS2.
    Nis2Entity,
    /// The organisation is a financial entity under DORA.
    DoraEntity,
}

impl Flag {
    pub const ALL: [Flag; 5] = [
        Flag::PersonalData,
        Flag::Significant,
        Flag::Major,
        Flag::Nis2Entity,
        Flag::DoraEntity,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Flag::PersonalData => "personal-data",
            Flag::Significant => "significant",
            Flag::Major => "major",
            Flag::Nis2Entity => "nis2-entity",
            Flag::DoraEntity => "dora-entity",
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

crate::closed_list_by_slug!(Flag => "flag");

/// What the organisation is, as recorded when the incident was declared (from the
/// config); a flag event can still set either later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntityFlags {
    pub nis2: bool,
    pub dora: bool,
}
