//! The configuration: the embedded default (`assets/config.default.yaml`) with the user's
//! file laid over it, validated once. Every error names file:line:column, what was found
//! and what was expected.

use crate::app::keymap::Keymap;
use crate::domain::{Contact, ItemSpec, PhaseSpec, Retainer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

pub const DEFAULT_YAML: &str = include_str!("../assets/config.default.yaml");
pub const DEFAULT_NAME: &str = "<embedded default config>";

/// The validated configuration the rest of the program uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Config {
    pub organisation: String,
    pub operator: Option<String>,
    pub point_of_contact: Contact,
    pub retainer: Retainer,
    pub contacts: Vec<Contact>,
    pub phase_model: PhaseModel,
    pub keymap: Keymap,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseModel {
    pub name: String,
    pub phases: Vec<PhaseConfig>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseConfig {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub checklist: Vec<ItemConfig>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemConfig {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
}

/// One file's worth of configuration: anything it leaves out comes from the layer below.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layer {
    organisation: Option<String>,
    operator: Option<String>,
    point_of_contact: Option<Contact>,
    retainer: Option<Retainer>,
    contacts: Option<Vec<Contact>>,
    phase_model: Option<PhaseModel>,
    keymap: Option<Keymap>,
}

/// A configuration error, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl PhaseModel {
    pub fn phase_specs(&self) -> Vec<PhaseSpec> {
        self.phases
            .iter()
            .map(|p| PhaseSpec {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect()
    }

    /// The default checklist of every phase, as the items an incident is declared with.
    pub fn checklist(&self) -> Vec<ItemSpec> {
        self.phases
            .iter()
            .flat_map(|p| {
                p.checklist.iter().map(|i| ItemSpec {
                    id: i.id.clone(),
                    phase: p.id.clone(),
                    text: i.text.clone(),
                    owner: i.owner.clone(),
                })
            })
            .collect()
    }
}

impl Config {
    /// The embedded default alone.
    pub fn embedded() -> Result<Config, ConfigError> {
        Self::from_layers(None)
    }

    /// The embedded default with the YAML `text` (read from `file`) laid over it.
    pub fn with_user_text(file: &str, text: &str) -> Result<Config, ConfigError> {
        Self::from_layers(Some((file, text)))
    }

    /// Reads and lays the user's file over the default.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: name.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read the file: {e}"),
        })?;
        Self::with_user_text(&name, &text)
    }

    fn from_layers(user: Option<(&str, &str)>) -> Result<Config, ConfigError> {
        let base = parse_layer(DEFAULT_NAME, DEFAULT_YAML)?;
        let mut config = complete(base)?;
        if let Some((file, text)) = user {
            let layer = parse_layer(file, text)?;
            config.overlay(layer);
        }
        Ok(config)
    }

    fn overlay(&mut self, layer: Layer) {
        let Layer {
            organisation,
            operator,
            point_of_contact,
            retainer,
            contacts,
            phase_model,
            keymap,
        } = layer;
        if let Some(v) = organisation {
            self.organisation = v;
        }
        if operator.is_some() {
            self.operator = operator;
        }
        if let Some(v) = point_of_contact {
            self.point_of_contact = v;
        }
        if let Some(v) = retainer {
            self.retainer = v;
        }
        if let Some(v) = contacts {
            self.contacts = v;
        }
        if let Some(v) = phase_model {
            self.phase_model = v;
        }
        if let Some(v) = keymap {
            self.keymap.overlay(&v);
        }
    }
}

fn complete(base: Layer) -> Result<Config, ConfigError> {
    let missing = |what: &str| ConfigError {
        file: DEFAULT_NAME.into(),
        line: 1,
        column: 1,
        message: format!("the default config lacks `{what}`"),
    };
    Ok(Config {
        organisation: base.organisation.ok_or_else(|| missing("organisation"))?,
        operator: base.operator,
        point_of_contact: base
            .point_of_contact
            .ok_or_else(|| missing("point_of_contact"))?,
        retainer: base.retainer.ok_or_else(|| missing("retainer"))?,
        contacts: base.contacts.ok_or_else(|| missing("contacts"))?,
        phase_model: base.phase_model.ok_or_else(|| missing("phase_model"))?,
        keymap: base.keymap.ok_or_else(|| missing("keymap"))?,
    })
}

fn parse_layer(file: &str, text: &str) -> Result<Layer, ConfigError> {
    // An empty file (or one with only comments) changes nothing.
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Layer::default());
    }
    let layer: Layer = serde_yaml::from_str(text).map_err(|e| yaml_error(file, &e))?;
    validate(file, text, &layer)?;
    Ok(layer)
}

/// serde_yaml's message without its own " at line … column …" tail, located ourselves.
fn yaml_error(file: &str, e: &serde_yaml::Error) -> ConfigError {
    let full = e.to_string();
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    ConfigError {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// Rules the types alone cannot state.
fn validate(file: &str, text: &str, layer: &Layer) -> Result<(), ConfigError> {
    let at = |needle: &str, nth: usize, message: String| {
        let (line, column) = locate(text, needle, nth);
        ConfigError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    if let Some(r) = &layer.retainer
        && r.response_minutes == 0
    {
        return Err(at(
            "response_minutes",
            0,
            "found response_minutes: 0, expected the contractual response time in minutes (1 or more)".into(),
        ));
    }
    if let Some(model) = &layer.phase_model {
        if model.phases.is_empty() {
            return Err(at(
                "phases",
                0,
                "found no phases, expected at least one phase".into(),
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        let ids = model.phases.iter().map(|p| p.id.as_str()).chain(
            model
                .phases
                .iter()
                .flat_map(|p| p.checklist.iter().map(|i| i.id.as_str())),
        );
        for id in ids {
            if id.trim().is_empty() {
                return Err(at(
                    "id:",
                    0,
                    "found an empty id, expected a short name such as `contain-hosts`".into(),
                ));
            }
            if seen.contains(&id) {
                let needle = format!("id: {id}");
                return Err(at(
                    &needle,
                    1,
                    format!(
                        "found the id `{id}` twice, expected every phase and checklist id to be unique"
                    ),
                ));
            }
            seen.push(id);
        }
    }
    Ok(())
}

/// 1-based line and column of the `nth` (0-based) occurrence of `needle`, or 1:1.
fn locate(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| line.find(needle).map(|col| (n + 1, col + 1)))
        .nth(nth)
        .unwrap_or((1, 1))
}

/// Where the user's config is looked for when `--config` and `WARROOM_CONFIG` are unset.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "warroom").map(|d| d.config_dir().join("config.yaml"))
}

#[cfg(test)]
mod tests;
