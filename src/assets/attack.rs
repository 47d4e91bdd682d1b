//! The shipped ATT&CK catalogue, parsed once. A test below keeps the file sound, so the
//! empty catalogue a broken file would give can never ship.

use crate::domain::Catalogue;
use std::sync::OnceLock;

/// The tactics and techniques of `assets/attack.yaml`.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| serde_yaml::from_str(super::SHIPPED_ATTACK.1).unwrap_or_default())
}

/// The key of a tactic's or technique's French name in `fr-content.ftl`:
/// `attack-t1566-001` for `T1566.001` (Fluent ids have no dots).
pub fn text_key(id: &str) -> String {
    format!("attack-{}", id.to_ascii_lowercase().replace('.', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalogue;
    use std::collections::HashSet;

    #[test]
    fn the_shipped_catalogue_parses_whole() {
        let parsed: Result<Catalogue, _> = serde_yaml::from_str(super::super::SHIPPED_ATTACK.1);
        let parsed = parsed.unwrap_or_else(|e| panic!("assets/attack.yaml: {e}"));
        assert_eq!(&parsed, catalogue());
        assert!(parsed.version.contains("ATT&CK"), "{}", parsed.version);
    }

    #[test]
    fn it_holds_the_fourteen_enterprise_tactics() {
        let ids: Vec<&str> = catalogue().tactics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006",
                "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"
            ]
        );
    }

    #[test]
    fn ids_are_unique_well_formed_and_every_tactic_named_exists() {
        let c = catalogue();
        assert!(c.techniques.len() >= 50, "{}", c.techniques.len());
        let mut seen = HashSet::new();
        for t in &c.tactics {
            assert!(seen.insert(t.id.clone()), "{} twice", t.id);
            assert!(seen.insert(t.short.clone()), "{} twice", t.short);
            assert!(!t.name.trim().is_empty(), "{}", t.id);
        }
        for t in &c.techniques {
            assert!(seen.insert(t.id.clone()), "{} twice", t.id);
            assert_eq!(Catalogue::read_technique(&t.id).as_ref(), Ok(&t.id));
            assert!(!t.name.trim().is_empty(), "{}", t.id);
            assert!(!t.tactics.is_empty(), "{} has no tactic", t.id);
            for tactic in &t.tactics {
                assert!(c.tactic(tactic).is_some(), "{}: no tactic {tactic}", t.id);
            }
        }
    }

    /// In ATT&CK a sub-technique has its parent's tactics; the list must agree.
    #[test]
    fn a_sub_technique_has_its_parents_tactics() {
        let c = catalogue();
        for t in c.techniques.iter().filter(|t| t.id.contains('.')) {
            let parent = t.id.split('.').next().unwrap_or_default();
            if let Some(parent) = c.technique(parent) {
                assert_eq!(t.tactics, parent.tactics, "{}", t.id);
            }
        }
    }
}
