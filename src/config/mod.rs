//! The configuration: the embedded default (`assets/config.default.yaml`) with the user's
//! file laid over it, validated once. Every error names file:line:column, what was found
//! and what was expected.

mod catalog;
mod lei;
mod limits;
mod retainer;
mod yaml;

pub use catalog::{Catalog, SHIPPED, Vocabulary, merge_by_id, parse_playbook};
pub use yaml::{ConfigError, Source};

use crate::domain::{ClockDef, Contact, EntityFlags, EscalationRule, PhaseModel, Retainer, Role};
use crate::keys::Keymap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const DEFAULT_YAML: &str = crate::assets::DEFAULT_CONFIG.1;
pub const DEFAULT_NAME: &str = crate::assets::DEFAULT_CONFIG.0;

/// How the screen is coloured: the standard theme, a high-contrast one for projectors,
/// or monochrome (no colour at all: `NO_COLOR`, or terminals without colour).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeKind {
    #[default]
    Standard,
    HighContrast,
    Mono,
}

/// The validated configuration the rest of the program uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Config {
    pub organisation: String,
    /// The organisation's Legal Entity Identifier (ISO 17442), for DORA reports.
    pub lei: Option<String>,
    pub operator: Option<String>,
    pub point_of_contact: Contact,
    pub retainer: Retainer,
    pub contacts: Vec<Contact>,
    /// Whom to alert, in order, by severity.
    pub escalation: Vec<EscalationRule>,
    /// Whether the organisation is an essential or important entity under NIS2.
    pub nis2_entity: bool,
    /// Whether the organisation is a financial entity under DORA.
    pub dora_entity: bool,
    /// What the organisation's own config states, not the defaults: `warroom ready`
    /// asks for what it never stated.
    #[serde(skip)]
    pub stated: Stated,
    /// The organisation's sector, and the sector CSIRT chosen (a contact id).
    pub sector: Option<crate::domain::Sector>,
    pub sector_csirt: Option<String>,
    /// The organisation's clocks, laid over the shipped ones by id.
    pub clocks: Vec<ClockDef>,
    /// Who owns or is called for a playbook step, by id.
    pub roles: Vec<Role>,
    /// Id of the phase model new incidents are declared with.
    pub phase_model: String,
    /// The organisation's own phase models (the shipped ones are always available).
    pub phase_models: Vec<PhaseModel>,
    pub keymap: Keymap,
    /// standard, high-contrast (projectors) or mono; `NO_COLOR` forces mono.
    pub theme: ThemeKind,
    /// en or fr; `--lang` overrides it for one run; unset: the environment (LC_ALL,
    /// LC_MESSAGES, LANG), else English.
    pub language: Option<crate::i18n::Lang>,
    /// A shared war-room host: the group whose members share the store, and where.
    pub shared_host: Option<SharedHost>,
    /// Phase models and playbooks, resolved from the keys above and the files around.
    #[serde(skip)]
    pub catalog: Catalog,
}

/// One file's worth of configuration: anything it leaves out comes from the layer below.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layer {
    organisation: Option<String>,
    lei: Option<String>,
    operator: Option<String>,
    point_of_contact: Option<Contact>,
    retainer: Option<Retainer>,
    contacts: Option<Vec<Contact>>,
    escalation: Option<Vec<EscalationRule>>,
    nis2_entity: Option<bool>,
    dora_entity: Option<bool>,
    sector: Option<crate::domain::Sector>,
    sector_csirt: Option<String>,
    clocks: Option<Vec<ClockDef>>,
    roles: Option<Vec<Role>>,
    phase_model: Option<String>,
    phase_models: Option<Vec<PhaseModel>>,
    keymap: Option<Keymap>,
    theme: Option<ThemeKind>,
    language: Option<crate::i18n::Lang>,
    shared_host: Option<SharedHost>,
}

/// Which of the keys a readiness check asks about the organisation's config sets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stated {
    pub nis2: bool,
    pub dora: bool,
    pub sector: bool,
}

/// Several Unix users on one machine, one store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedHost {
    /// The Unix group of the responders (`groupadd warroom`; `usermod -aG warroom LOGIN`).
    pub group: String,
    /// The store they share, when `--data-dir` does not say (an absolute path).
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
}

impl Config {
    /// The embedded default alone.
    pub fn embedded() -> Result<Config, ConfigError> {
        Self::from_layers(None, None)
    }

    /// The embedded default with the YAML `text` (read from `file`) laid over it.
    pub fn with_user_text(file: &str, text: &str) -> Result<Config, ConfigError> {
        Self::from_layers(Some(Source::new(file, text)), None)
    }

    /// The display name of a role id, or the id itself when no role has it.
    pub fn role_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id, |r| r.name.as_str())
    }

    /// Reads and lays the user's file over the default; user playbooks come from the
    /// `playbooks/` folder beside the file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: name.clone(),
            line: 1,
            column: 1,
            message: crate::i18n::tr_args(
                "err-config-unreadable",
                &[("error", e.to_string().into())],
            ),
        })?;
        let playbooks = path.parent().map(|dir| dir.join("playbooks"));
        Self::from_layers(Some(Source::new(&name, &text)), playbooks.as_deref())
    }

    /// The embedded default with the user playbooks of `dir` (when there is no file).
    pub fn embedded_with_playbooks(dir: &Path) -> Result<Config, ConfigError> {
        Self::from_layers(None, Some(dir))
    }

    fn from_layers(
        user: Option<Source>,
        playbook_dir: Option<&Path>,
    ) -> Result<Config, ConfigError> {
        let default = Source::new(DEFAULT_NAME, DEFAULT_YAML);
        let mut config = complete(parse_layer(default)?)?;
        // Which file set the keys checked at resolve time, to locate their errors.
        let mut sources = Sources {
            chosen_in: default,
            clocks_in: default,
            contacts_in: default,
            retainer_in: default,
        };
        if let Some(source) = user {
            let layer = parse_layer(source)?;
            if layer.phase_model.is_some() {
                sources.chosen_in = source;
            }
            if layer.clocks.is_some() {
                sources.clocks_in = source;
            }
            if layer.retainer.is_some() || layer.sector_csirt.is_some() {
                sources.retainer_in = source;
            }
            if layer.contacts.is_some() || layer.escalation.is_some() || layer.roles.is_some() {
                sources.contacts_in = source;
            }
            config.overlay(layer);
        }
        config.resolve(sources, playbook_dir)?;
        Ok(config)
    }

    fn overlay(&mut self, layer: Layer) {
        let Layer {
            organisation,
            lei,
            operator,
            point_of_contact,
            retainer,
            contacts,
            escalation,
            nis2_entity,
            dora_entity,
            sector,
            sector_csirt,
            clocks,
            roles,
            phase_model,
            phase_models,
            keymap,
            theme,
            language,
            shared_host,
        } = layer;
        if let Some(v) = organisation {
            self.organisation = v;
        }
        if lei.is_some() {
            self.lei = lei;
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
        if let Some(v) = escalation {
            self.escalation = v;
        }
        if let Some(v) = nis2_entity {
            self.nis2_entity = v;
            self.stated.nis2 = true;
        }
        if let Some(v) = dora_entity {
            self.dora_entity = v;
            self.stated.dora = true;
        }
        if sector.is_some() {
            self.sector = sector;
            self.stated.sector = true;
        }
        if sector_csirt.is_some() {
            self.sector_csirt = sector_csirt;
        }
        if let Some(v) = clocks {
            self.clocks = v;
        }
        if let Some(v) = roles {
            merge_by_id(&mut self.roles, &v, |r| &r.id);
        }
        if let Some(v) = phase_model {
            self.phase_model = v;
        }
        if let Some(v) = phase_models {
            self.phase_models = v;
        }
        if let Some(v) = keymap {
            self.keymap.overlay(&v);
        }
        if let Some(v) = theme {
            self.theme = v;
        }
        if language.is_some() {
            self.language = language;
        }
        if shared_host.is_some() {
            self.shared_host = shared_host;
        }
    }

    /// Whether the organisation is a NIS2 / DORA entity, as recorded in new incidents.
    pub fn entity(&self) -> EntityFlags {
        EntityFlags {
            nis2: self.nis2_entity,
            dora: self.dora_entity,
        }
    }

    /// What a playbook may name: the roles and the clocks.
    pub fn vocabulary(&self) -> Vocabulary<'_> {
        Vocabulary {
            roles: &self.roles,
            clocks: &self.catalog.clocks,
        }
    }

    /// Builds the catalog: shipped clocks, models and playbooks, the user's laid over.
    fn resolve(
        &mut self,
        sources: Sources,
        playbook_dir: Option<&Path>,
    ) -> Result<(), ConfigError> {
        let Sources {
            chosen_in,
            clocks_in,
            contacts_in,
            retainer_in,
        } = sources;
        let mut clocks = catalog::shipped_clocks()?;
        merge_by_id(&mut clocks, &self.clocks, |c| &c.id);
        catalog::check_clocks(clocks_in, &self.clocks, &clocks)?;
        let mut models = catalog::shipped_models()?;
        merge_by_id(&mut models, &self.phase_models, |m| &m.id);
        let Some(model) = models.iter().find(|m| m.id == self.phase_model).cloned() else {
            let ids: Vec<&str> = models.iter().map(|m| m.id.as_str()).collect();
            return Err(chosen_in.error_at(
                chosen_in.key_value("phase_model", &self.phase_model, 0),
                crate::i18n::tr_args(
                    "err-phase-model",
                    &[
                        ("model", self.phase_model.escape_debug().to_string().into()),
                        ("models", ids.join(", ").into()),
                    ],
                ),
            ));
        };
        let public_contacts = catalog::shipped_contacts(&self.roles)?;
        catalog::check_contacts(contacts_in, &self.contacts, &self.roles)?;
        check_escalation(contacts_in, &self.escalation, &self.roles)?;
        retainer::check_out_of_scope(
            retainer_in,
            &self.retainer,
            &self.contacts,
            &public_contacts,
        )?;
        retainer::check_sector_csirt(
            retainer_in,
            self.sector_csirt.as_deref(),
            &self.contacts,
            &public_contacts,
        )?;
        let words = Vocabulary {
            roles: &self.roles,
            clocks: &clocks,
        };
        let mut playbooks = catalog::shipped_playbooks(words)?;
        if let Some(dir) = playbook_dir {
            let user = catalog::user_playbooks(dir, words)?;
            merge_by_id(&mut playbooks, &user, |p| &p.id);
        }
        let drills = catalog::shipped_drills(&playbooks)?;
        self.catalog = Catalog {
            drills,
            public_contacts,
            clocks,
            models,
            model,
            playbooks,
        };
        Ok(())
    }
}

/// The file each group of keys came from, to locate errors found once all are known.
struct Sources<'a> {
    chosen_in: Source<'a>,
    clocks_in: Source<'a>,
    contacts_in: Source<'a>,
    retainer_in: Source<'a>,
}

/// Every escalation role is a known role.
fn check_escalation(
    source: Source,
    rules: &[EscalationRule],
    roles: &[crate::domain::Role],
) -> Result<(), ConfigError> {
    let known: std::collections::HashSet<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    for rule in rules {
        for role in &rule.roles {
            if !known.contains(role.as_str()) {
                return Err(source.error_at(
                    source.word_after(source.key("escalation", 0).0, role),
                    crate::i18n::tr_args(
                        "err-escalation-role",
                        &[
                            ("role", role.escape_debug().to_string().into()),
                            ("roles", catalog::role_list(roles).into()),
                        ],
                    ),
                ));
            }
        }
        if rule.from_severity > 5 {
            return Err(source.error_at(
                source.key_value("from_severity", &rule.from_severity.to_string(), 0),
                crate::i18n::tr_args(
                    "err-escalation-severity",
                    &[("severity", rule.from_severity.into())],
                ),
            ));
        }
    }
    Ok(())
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
        lei: base.lei,
        operator: base.operator,
        point_of_contact: base
            .point_of_contact
            .ok_or_else(|| missing("point_of_contact"))?,
        retainer: base.retainer.ok_or_else(|| missing("retainer"))?,
        contacts: base.contacts.ok_or_else(|| missing("contacts"))?,
        escalation: base.escalation.ok_or_else(|| missing("escalation"))?,
        nis2_entity: base.nis2_entity.unwrap_or(false),
        dora_entity: base.dora_entity.unwrap_or(false),
        stated: Stated::default(),
        sector: base.sector,
        sector_csirt: base.sector_csirt,
        clocks: base.clocks.unwrap_or_default(),
        roles: base.roles.ok_or_else(|| missing("roles"))?,
        phase_model: base.phase_model.ok_or_else(|| missing("phase_model"))?,
        phase_models: base.phase_models.unwrap_or_default(),
        keymap: base.keymap.ok_or_else(|| missing("keymap"))?,
        theme: base.theme.unwrap_or_default(),
        language: base.language,
        shared_host: base.shared_host,
        catalog: Catalog::default(),
    })
}

fn parse_layer(source: Source) -> Result<Layer, ConfigError> {
    // An empty file (or one with only comments) changes nothing.
    if source.is_blank() {
        return Ok(Layer::default());
    }
    let layer: Layer = source.parse()?;
    validate(source, &layer)?;
    Ok(layer)
}

/// Rules the types alone cannot state.
fn validate(source: Source, layer: &Layer) -> Result<(), ConfigError> {
    if let Some(lei) = &layer.lei {
        lei::check(lei)
            .map_err(|message| source.error_at(source.key_value("lei", lei, 0), message))?;
    }
    if let Some(r) = &layer.retainer {
        retainer::check(source, r)?;
    }
    if let Some(roles) = &layer.roles {
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for role in roles {
            if role.id.trim().is_empty() || seen.contains(&role.id.as_str()) {
                return Err(source.error_at(
                    source.key_value("id", &role.id, usize::from(!role.id.trim().is_empty())),
                    if role.id.trim().is_empty() {
                        crate::i18n::tr("err-role-id-empty")
                    } else {
                        crate::i18n::tr_args(
                            "err-role-id",
                            &[("role", role.id.escape_debug().to_string().into())],
                        )
                    },
                ));
            }
            seen.insert(&role.id);
        }
    }
    for model in layer.phase_models.iter().flatten() {
        catalog::check_model(source, model)?;
    }
    if let Some(shared) = &layer.shared_host {
        check_shared_host(source, shared)?;
    }
    Ok(())
}

/// A group name as `groupadd` takes it, and a store path that does not depend on
/// where warroom is started from.
fn check_shared_host(source: Source, shared: &SharedHost) -> Result<(), ConfigError> {
    let group = &shared.group;
    let portable = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    if group.is_empty() || group.starts_with('-') || !group.chars().all(portable) {
        return Err(source.error_at(
            source.key_value("group", group, 0),
            crate::i18n::tr_args(
                "err-shared-group",
                &[("group", group.escape_debug().to_string().into())],
            ),
        ));
    }
    if let Some(dir) = &shared.data_dir
        && !dir.is_absolute()
    {
        let typed = dir.display().to_string();
        return Err(source.error_at(
            source.key_value("data_dir", &typed, 0),
            crate::i18n::tr_args(
                "err-shared-data-dir",
                &[("dir", typed.escape_debug().to_string().into())],
            ),
        ));
    }
    Ok(())
}

/// The `language` key of a config file's text, read before the command runs (to write
/// the help in that language), the rest left to the command's own check. Brackets
/// nested past the limit are not handed to the parser, which would take minutes (see
/// `Source::within_limits`); aliases are not expanded here.
pub fn language_of(text: &str) -> Option<crate::i18n::Lang> {
    #[derive(Deserialize)]
    struct LanguageOnly {
        language: Option<crate::i18n::Lang>,
    }
    if limits::too_deep_brackets(text).is_some() {
        return None;
    }
    serde_yaml::from_str::<LanguageOnly>(text)
        .ok()
        .and_then(|c| c.language)
}

/// Where the user's config is looked for when `--config` and `WARROOM_CONFIG` are unset.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "warroom").map(|d| d.config_dir().join("config.yaml"))
}

/// The config file used when none is named: the user's, else the host's
/// (`warroom/config.yaml` in `$XDG_CONFIG_DIRS`, `/etc/xdg` by default), so that on a
/// shared war-room host every responder gets the administrator's without setting up.
pub fn found_config_path() -> Option<PathBuf> {
    let dirs = std::env::var_os("XDG_CONFIG_DIRS")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "/etc/xdg".into());
    default_config_path()
        .into_iter()
        .chain(std::env::split_paths(&dirs).map(|d| d.join("warroom").join("config.yaml")))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod playbook_tests;

#[cfg(test)]
mod clock_tests;
