//! People and organisations of the response plan's directory.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Short stable id (`cert-fr`, `dpo`); made from the name when left out.
    #[serde(default)]
    pub id: String,
    pub name: String,
    /// What they do, in words (shown).
    #[serde(default)]
    pub role: String,
    /// Role ids (from the config's `roles`) this contact covers, for escalation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub kind: ContactKind,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub email: String,
    /// Web portals, chat, other ways in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
    /// When they can be reached, e.g. `24/7` or `Mon-Fri 09:00-18:00 Europe/Paris`.
    #[serde(default, alias = "hours")]
    pub availability: String,
    /// Escalation level (1 first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// False marks details to verify before use.
    #[serde(default = "yes")]
    pub verified: bool,
    /// When the details were last checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<NaiveDate>,
    /// Where the details come from (for public entries).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Providers and the retainer: contract reference.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contract: String,
    /// Providers and the retainer: contractual response time, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_minutes: Option<u32>,
}

fn yes() -> bool {
    true
}

impl Default for Contact {
    /// An empty entry; details count as verified unless said otherwise.
    fn default() -> Self {
        Contact {
            id: String::new(),
            name: String::new(),
            role: String::new(),
            roles: Vec::new(),
            organisation: String::new(),
            kind: ContactKind::default(),
            phones: Vec::new(),
            email: String::new(),
            channels: Vec::new(),
            availability: String::new(),
            escalation: None,
            languages: Vec::new(),
            notes: String::new(),
            tags: Vec::new(),
            verified: true,
            checked: None,
            source: String::new(),
            contract: String::new(),
            response_minutes: None,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    #[default]
    Internal,
    Provider,
    Retainer,
    Authority,
    PublicCsirt,
    Insurer,
    Bank,
    Police,
    Other,
}

impl ContactKind {
    pub const ALL: [ContactKind; 9] = [
        ContactKind::Internal,
        ContactKind::Provider,
        ContactKind::Retainer,
        ContactKind::Authority,
        ContactKind::PublicCsirt,
        ContactKind::Insurer,
        ContactKind::Bank,
        ContactKind::Police,
        ContactKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ContactKind::Internal => "internal",
            ContactKind::Provider => "provider",
            ContactKind::Retainer => "retainer",
            ContactKind::Authority => "authority",
            ContactKind::PublicCsirt => "public-csirt",
            ContactKind::Insurer => "insurer",
            ContactKind::Bank => "bank",
            ContactKind::Police => "police",
            ContactKind::Other => "other",
        }
    }
}

crate::closed_list_by_slug!(ContactKind => "contact-kind");

impl Contact {
    /// The id, or one made from the name: lower case, words joined by dashes.
    pub fn key(&self) -> String {
        if !self.id.trim().is_empty() {
            return self.id.trim().to_string();
        }
        slug(&self.name)
    }

    /// Whether this contact covers the role id.
    pub fn covers(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// `CERT-FR (ANSSI)` → `cert-fr-anssi`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_names_when_left_out() {
        assert_eq!(slug("CERT-FR (ANSSI)"), "cert-fr-anssi");
        assert_eq!(slug("  Zoé  Dupont "), "zoé-dupont");
        let c = Contact {
            name: "Police / gendarmerie".into(),
            ..Contact::default()
        };
        assert_eq!(c.key(), "police-gendarmerie");
    }

    #[test]
    fn kinds_parse_by_slug_or_words() {
        assert_eq!("public csirt".parse(), Ok(ContactKind::PublicCsirt));
        assert!(
            "friend"
                .parse::<ContactKind>()
                .unwrap_err()
                .to_string()
                .contains("valid values: internal")
        );
    }
}
