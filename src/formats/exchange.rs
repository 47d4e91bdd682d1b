//! What each exchange file is made of, in one place for both faces: the command line
//! (`ioc export`, `asset export`, `export --format misp|stix|timesketch-*`) writes one
//! of them, `ops::export_exchange` (the dashboard's) writes them all, and both call
//! [`export`], so a file is the same whichever wrote it.

use super::{Audience, Export, Source};

/// One of the exchange files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A MISP event: the incident, its observables as attributes.
    Misp,
    /// A STIX 2.1 bundle: the incident, its observables, the attack timeline as notes.
    Stix,
    ObservablesCsv,
    AssetsCsv,
    /// The response journal and the attack timeline together, for Timesketch.
    TimesketchCsv,
    TimesketchJsonl,
}

impl Target {
    /// What the team's own copy of an incident is made of (the dashboard's export).
    pub const TEAM_COPY: [Target; 5] = [
        Target::Misp,
        Target::Stix,
        Target::TimesketchJsonl,
        Target::ObservablesCsv,
        Target::AssetsCsv,
    ];

    /// The file's name for incident `id`: `INC-2026-0001-misp.json`.
    pub fn file_name(self, id: &str) -> String {
        let tail = match self {
            Target::Misp => "misp.json",
            Target::Stix => "stix.json",
            Target::ObservablesCsv => "observables.csv",
            Target::AssetsCsv => "assets.csv",
            Target::TimesketchCsv => "timesketch.csv",
            Target::TimesketchJsonl => "timesketch.jsonl",
        };
        format!("{id}-{tail}")
    }
}

/// The file `target` of the incident `source`, for `audience`, and what it left out.
pub fn export(source: &Source<'_>, audience: Audience, target: Target) -> Export {
    use super::timesketch::Flavour;
    match target {
        Target::Misp => super::misp::export(source, audience),
        Target::Stix => {
            let notes = super::stix::attack_notes(source.state);
            super::stix::export(source, audience, &notes)
        }
        Target::ObservablesCsv => super::table::observables(source, audience),
        Target::AssetsCsv => super::table::assets(source, audience),
        Target::TimesketchCsv => super::timesketch::export(source, audience, Flavour::Csv),
        Target::TimesketchJsonl => super::timesketch::export(source, audience, Flavour::Jsonl),
    }
}
