//! A person or organisation in the response plan's directory.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub email: String,
    /// When they can be reached, e.g. `24/7` or `Mon-Fri 09:00-18:00 Europe/Paris`.
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub notes: String,
}

/// The external CSIRT on retainer and the terms that start its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retainer {
    pub name: String,
    #[serde(default)]
    pub hotline: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub contract: String,
    /// Contractual time from the alert to the start of work, in minutes.
    pub response_minutes: u32,
}
