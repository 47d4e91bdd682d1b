//! MITRE ATT&CK as warroom knows it: the Enterprise tactics and a list of techniques
//! (shipped in `assets/attack.yaml`), and the rules for an attack step's tactic and
//! technique. The catalogue is data handed in; this module reads no file.
//!
//! A technique id is checked for its form (`T1566`, `T1566.001`) and may be one the
//! list does not hold: ATT&CK is larger, and the step keeps it, unnamed. A tactic must
//! be one of the catalogue's. A technique the list holds refuses a tactic it does not
//! belong to; one it does not hold is checked against its parent's tactics when the
//! parent is listed (a sub-technique has its parent's tactics in ATT&CK).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Which ATT&CK release the ids and names come from.
    pub version: String,
    pub tactics: Vec<Tactic>,
    pub techniques: Vec<Technique>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tactic {
    /// `TA0001`.
    pub id: String,
    /// ATT&CK's short name (`initial-access`), which may be typed instead of the id.
    pub short: String,
    /// MITRE's English name.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    /// `T1566` or `T1566.001`.
    pub id: String,
    /// MITRE's English name.
    pub name: String,
    /// The ids of its tactics.
    pub tactics: Vec<String>,
}

/// Why a tactic or technique is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadAttack {
    #[error("'{0}' is not an ATT&CK Enterprise tactic")]
    UnknownTactic(String),
    #[error("'{0}' is not an ATT&CK technique id such as T1486 or T1059.001")]
    NotATechnique(String),
    /// The technique does not belong to the tactic; `belongs` lists its tactics.
    #[error("{technique} does not belong to the tactic {tactic} (its tactics: {belongs:?})")]
    WrongTactic {
        technique: String,
        tactic: String,
        belongs: Vec<String>,
    },
}

impl Catalogue {
    pub fn tactic(&self, id: &str) -> Option<&Tactic> {
        self.tactics.iter().find(|t| t.id == id)
    }

    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.iter().find(|t| t.id == id)
    }

    /// A tactic as typed, by its id (`ta0001`) or short name (`initial-access`), as its
    /// id.
    pub fn read_tactic(&self, typed: &str) -> Result<String, BadAttack> {
        let typed = typed.trim();
        self.tactics
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(typed) || t.short.eq_ignore_ascii_case(typed))
            .map(|t| t.id.clone())
            .ok_or_else(|| BadAttack::UnknownTactic(typed.to_string()))
    }

    /// A technique id as typed, in its canonical form (`t1059.001` → `T1059.001`).
    pub fn read_technique(typed: &str) -> Result<String, BadAttack> {
        let typed = typed.trim();
        super::observable::technique(typed).map_err(|_| BadAttack::NotATechnique(typed.into()))
    }

    /// The tactics `technique` belongs to, as far as the catalogue knows: its own, else
    /// its parent's; none when neither is listed.
    pub fn tactics_of(&self, technique: &str) -> Option<&[String]> {
        let parent = technique.split('.').next().unwrap_or(technique);
        self.technique(technique)
            .or_else(|| self.technique(parent))
            .map(|t| t.tactics.as_slice())
    }

    /// Refuses a tactic and technique that do not go together (both canonical).
    pub fn check_pair(&self, tactic: &str, technique: &str) -> Result<(), BadAttack> {
        match self.tactics_of(technique) {
            Some(belongs) if !belongs.iter().any(|t| t == tactic) => Err(BadAttack::WrongTactic {
                technique: technique.to_string(),
                tactic: tactic.to_string(),
                belongs: belongs.to_vec(),
            }),
            _ => Ok(()),
        }
    }

    /// A step's tactic and technique as typed, read and checked together.
    pub fn read(
        &self,
        tactic: Option<&str>,
        technique: Option<&str>,
    ) -> Result<(Option<String>, Option<String>), BadAttack> {
        let tactic = tactic.map(|t| self.read_tactic(t)).transpose()?;
        let technique = technique.map(Catalogue::read_technique).transpose()?;
        if let (Some(tactic), Some(technique)) = (&tactic, &technique) {
            self.check_pair(tactic, technique)?;
        }
        Ok((tactic, technique))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let tactic = |id: &str, short: &str| Tactic {
            id: id.into(),
            short: short.into(),
            name: short.into(),
        };
        Catalogue {
            version: "test".into(),
            tactics: vec![
                tactic("TA0001", "initial-access"),
                tactic("TA0040", "impact"),
            ],
            techniques: vec![Technique {
                id: "T1566".into(),
                name: "Phishing".into(),
                tactics: vec!["TA0001".into()],
            }],
        }
    }

    #[test]
    fn a_tactic_is_read_by_id_or_short_name_and_must_be_known() {
        let c = catalogue();
        assert_eq!(c.read_tactic(" ta0001 "), Ok("TA0001".into()));
        assert_eq!(c.read_tactic("Impact"), Ok("TA0040".into()));
        assert_eq!(
            c.read_tactic("TA0099"),
            Err(BadAttack::UnknownTactic("TA0099".into()))
        );
    }

    #[test]
    fn a_technique_needs_its_form_but_not_a_place_in_the_list() {
        assert_eq!(
            Catalogue::read_technique("t1059.001"),
            Ok("T1059.001".into())
        );
        assert_eq!(Catalogue::read_technique("T9999"), Ok("T9999".into()));
        for bad in ["T15", "T1566.1", "1566", "T1566.0011", ""] {
            assert!(Catalogue::read_technique(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_technique_with_a_tactic_it_does_not_belong_to_is_refused() {
        let c = catalogue();
        assert_eq!(
            c.read(Some("TA0001"), Some("T1566")),
            Ok((Some("TA0001".into()), Some("T1566".into())))
        );
        assert_eq!(
            c.read(Some("impact"), Some("T1566")),
            Err(BadAttack::WrongTactic {
                technique: "T1566".into(),
                tactic: "TA0040".into(),
                belongs: vec!["TA0001".into()],
            })
        );
        // A sub-technique not listed has its parent's tactics.
        assert!(c.read(Some("TA0040"), Some("T1566.004")).is_err());
        assert!(c.read(Some("TA0001"), Some("T1566.004")).is_ok());
        // Nothing is known of T1234: any tactic goes.
        assert!(c.read(Some("TA0040"), Some("T1234")).is_ok());
        assert_eq!(c.read(None, None), Ok((None, None)));
    }
}
