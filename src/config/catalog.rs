//! The phase models and playbooks warroom knows: the shipped ones embedded from
//! `assets/`, then the user's (phase models from the config, playbooks from the
//! `playbooks/` folder beside it), each validated with file:line:column errors.

use super::yaml::{ConfigError, Source};
use crate::domain::{
    Category, ClockDef, Contact, PhaseModel, Playbook, Role, Scenario, Stage, Trigger,
    pick_playbook,
};
use std::path::Path;

/// Shipped phase models, default first.
const SHIPPED_MODELS: [(&str, &str); 4] = [
    (
        "assets/phase_models/picerl.yaml",
        include_str!("../../assets/phase_models/picerl.yaml"),
    ),
    (
        "assets/phase_models/nist-800-61r2.yaml",
        include_str!("../../assets/phase_models/nist-800-61r2.yaml"),
    ),
    (
        "assets/phase_models/nist-800-61r3.yaml",
        include_str!("../../assets/phase_models/nist-800-61r3.yaml"),
    ),
    (
        "assets/phase_models/iso-27035.yaml",
        include_str!("../../assets/phase_models/iso-27035.yaml"),
    ),
];

/// Shipped playbooks; the generic one is the fallback for unclaimed categories.
const SHIPPED_PLAYBOOKS: [(&str, &str); 5] = [
    (
        "assets/playbooks/generic.yaml",
        include_str!("../../assets/playbooks/generic.yaml"),
    ),
    (
        "assets/playbooks/ransomware.yaml",
        include_str!("../../assets/playbooks/ransomware.yaml"),
    ),
    (
        "assets/playbooks/phishing-bec.yaml",
        include_str!("../../assets/playbooks/phishing-bec.yaml"),
    ),
    (
        "assets/playbooks/personal-data-breach.yaml",
        include_str!("../../assets/playbooks/personal-data-breach.yaml"),
    ),
    (
        "assets/playbooks/ddos.yaml",
        include_str!("../../assets/playbooks/ddos.yaml"),
    ),
];

const SHIPPED_CONTACTS: (&str, &str) = (
    "assets/contacts.yaml",
    include_str!("../../assets/contacts.yaml"),
);

const SHIPPED_DRILLS: [(&str, &str); 4] = [
    (
        "assets/drills/phishing-campaign.yaml",
        include_str!("../../assets/drills/phishing-campaign.yaml"),
    ),
    (
        "assets/drills/ransomware-file-server.yaml",
        include_str!("../../assets/drills/ransomware-file-server.yaml"),
    ),
    (
        "assets/drills/hosting-outage.yaml",
        include_str!("../../assets/drills/hosting-outage.yaml"),
    ),
    (
        "assets/drills/personal-data-leak.yaml",
        include_str!("../../assets/drills/personal-data-leak.yaml"),
    ),
];

const SHIPPED_CLOCKS: (&str, &str) = (
    "assets/clocks.yaml",
    include_str!("../../assets/clocks.yaml"),
);

/// The names a playbook may use: roles for `owner`/`call`, clocks for `starts`/`stops`.
#[derive(Clone, Copy)]
pub struct Vocabulary<'a> {
    pub roles: &'a [Role],
    pub clocks: &'a [ClockDef],
}

/// Where a playbook came from, as `playbook list` shows it.
pub const SHIPPED: &str = "shipped";

/// What the configuration resolved to: the chosen phase model and every playbook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Drill scenarios shipped in `assets/drills/`.
    pub drills: Vec<Scenario>,
    /// The public directory shipped in `assets/contacts.yaml`.
    pub public_contacts: Vec<Contact>,
    /// Every clock definition: shipped, with the config's laid over by id.
    pub clocks: Vec<ClockDef>,
    pub models: Vec<PhaseModel>,
    pub model: PhaseModel,
    pub playbooks: Vec<Playbook>,
}

impl Catalog {
    pub fn playbook(&self, id: &str) -> Option<&Playbook> {
        self.playbooks.iter().find(|p| p.id == id)
    }

    /// The playbook an incident of `category` gets when none is named.
    pub fn playbook_for(&self, category: Category) -> Option<&Playbook> {
        pick_playbook(&self.playbooks, category)
    }

    pub fn playbook_ids(&self) -> String {
        let ids: Vec<&str> = self.playbooks.iter().map(|p| p.id.as_str()).collect();
        ids.join(", ")
    }
}

pub fn shipped_models() -> Result<Vec<PhaseModel>, ConfigError> {
    SHIPPED_MODELS
        .iter()
        .map(|(file, text)| {
            let source = Source::new(file, text);
            let model: PhaseModel = source.parse()?;
            check_model(source, &model)?;
            Ok(model)
        })
        .collect()
}

/// Every stage covered exactly once, phase ids unique and present.
pub fn check_model(source: Source, model: &PhaseModel) -> Result<(), ConfigError> {
    let at_model = source.key_value("id", &model.id, 0);
    if model.phases.is_empty() {
        return Err(source.error_at(
            at_model,
            format!(
                "found no phases in the phase model `{}`, expected at least one",
                model.id
            ),
        ));
    }
    let ids = std::iter::once(model.id.as_str()).chain(model.phases.iter().map(|p| p.id.as_str()));
    check_ids(source, ids, "phase model and phase")?;
    let (missing, doubled) = model.coverage_faults();
    let names = |stages: &[Stage]| {
        stages
            .iter()
            .map(|s| format!("`{}`", s.slug()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(&stage) = doubled.first() {
        // Point at the second phase that claims the stage.
        let second = model
            .phases
            .iter()
            .filter(|p| p.stages.contains(&stage))
            .nth(1)
            .map_or(at_model.0, |p| source.key_value("id", &p.id, 0).0);
        return Err(source.error_at(
            source.word_after(second, stage.slug()),
            format!(
                "found the stage `{}` in more than one phase of `{}`, expected each stage in exactly one phase",
                stage.slug(),
                model.id
            ),
        ));
    }
    if !missing.is_empty() {
        return Err(source.error_at(
            at_model,
            format!(
                "found no phase covering {} in the phase model `{}`, expected every stage ({}) in exactly one phase",
                names(&missing),
                model.id,
                names(&Stage::ALL)
            ),
        ));
    }
    Ok(())
}

/// Ids are non-empty, lower-case words with dashes, and unique.
fn check_ids<'a>(
    source: Source,
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<(), ConfigError> {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        let well_formed = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            return Err(source.error_at(
                source.key_value("id", id, 0),
                format!(
                    "found the id `{}`, expected lower-case letters, digits and dashes, such as `contain-hosts`",
                    id.escape_debug()
                ),
            ));
        }
        if seen.contains(&id) {
            return Err(source.error_at(
                source.key_value("id", id, 1),
                format!("found the {what} id `{id}` twice, expected each id once"),
            ));
        }
        seen.push(id);
    }
    Ok(())
}

/// Parses and validates one playbook file against the known roles.
pub fn parse_playbook(source: Source, words: Vocabulary) -> Result<Playbook, ConfigError> {
    let roles = words.roles;
    if source.is_blank() {
        return Err(source.error(
            "found an empty file, expected a playbook with `id`, `name` and `items`".into(),
        ));
    }
    let mut playbook: Playbook = source.parse()?;
    playbook.source = source.file.to_string();
    if playbook.items.is_empty() {
        return Err(source.error_at(
            source.key("items", 0),
            "found no items, expected at least one checklist item".into(),
        ));
    }
    let ids =
        std::iter::once(playbook.id.as_str()).chain(playbook.items.iter().map(|i| i.id.as_str()));
    check_ids(source, ids, "playbook and item")?;
    let role_ids = || {
        roles
            .iter()
            .map(|r| format!("`{}`", r.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let known_role = |id: &str| roles.iter().any(|r| r.id == id);
    for item in &playbook.items {
        let item_line = source.key_value("id", &item.id, 0).0;
        if item.text.trim().is_empty() || item.text.chars().any(char::is_control) {
            return Err(source.error_at(
                source.word_after(item_line, "text"),
                format!(
                    "found an empty or multi-line text in item `{}`, expected one line saying what to do",
                    item.id
                ),
            ));
        }
        let roles_used =
            std::iter::once(("owner", &item.owner)).chain(item.call.iter().map(|c| ("call", c)));
        for (key, role) in roles_used {
            if !known_role(role) {
                return Err(source.error_at(
                    source.word_after(item_line, role),
                    format!(
                        "found the role `{}` as {key} of item `{}`, expected one of {} (or add it under `roles:` in the config)",
                        role.escape_debug(),
                        item.id,
                        role_ids()
                    ),
                ));
            }
        }
        for clock in item.starts.iter().chain(&item.stops) {
            if !words.clocks.iter().any(|c| &c.id == clock) {
                return Err(source.error_at(
                    source.word_after(item_line, clock),
                    format!(
                        "found the clock `{}` in item `{}`, expected one of {}",
                        clock.escape_debug(),
                        item.id,
                        words
                            .clocks
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    Ok(playbook)
}

pub fn shipped_playbooks(words: Vocabulary) -> Result<Vec<Playbook>, ConfigError> {
    SHIPPED_PLAYBOOKS
        .iter()
        .map(|(file, text)| {
            let mut playbook = parse_playbook(Source::new(file, text), words)?;
            playbook.source = SHIPPED.into();
            Ok(playbook)
        })
        .collect()
}

/// Reads every `*.yaml` / `*.yml` file of `dir` (if it exists), in name order.
pub fn user_playbooks(dir: &Path, words: Vocabulary) -> Result<Vec<Playbook>, ConfigError> {
    let unreadable = |path: &Path, e: std::io::Error| ConfigError {
        file: path.display().to_string(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(dir, e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| unreadable(dir, e))?.path();
        let yaml = path.extension().is_some_and(|x| x == "yaml" || x == "yml");
        if yaml && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| unreadable(path, e))?;
            let name = path.display().to_string();
            parse_playbook(Source::new(&name, &text), words)
        })
        .collect()
}

/// `extra` laid over `base` by id: same id replaces, new id is added at the end.
pub fn merge_by_id<T: Clone>(base: &mut Vec<T>, extra: &[T], id: impl Fn(&T) -> &str) {
    for item in extra {
        match base.iter().position(|b| id(b) == id(item)) {
            Some(i) => base[i] = item.clone(),
            None => base.push(item.clone()),
        }
    }
}

pub fn shipped_clocks() -> Result<Vec<ClockDef>, ConfigError> {
    let (file, text) = SHIPPED_CLOCKS;
    let source = Source::new(file, text);
    let clocks: Vec<ClockDef> = source.parse()?;
    check_clocks(source, &clocks, &clocks)?;
    Ok(clocks)
}

/// Clock ids well formed and unique in `defined`; a `met:` trigger names a clock of
/// `all` other than itself.
pub fn check_clocks(
    source: Source,
    defined: &[ClockDef],
    all: &[ClockDef],
) -> Result<(), ConfigError> {
    check_ids(source, defined.iter().map(|c| c.id.as_str()), "clock")?;
    for clock in defined {
        if let Trigger::Met(other) = &clock.starts {
            let known = all.iter().any(|c| &c.id == other);
            if !known || other == &clock.id {
                let ids: Vec<&str> = all
                    .iter()
                    .filter(|c| c.id != clock.id)
                    .map(|c| c.id.as_str())
                    .collect();
                return Err(source.error_at(
                    source.key_value("starts", &format!("met:{other}"), 0),
                    format!(
                        "found `met:{}` as what starts `{}`, expected met: followed by another clock: {}",
                        other.escape_debug(),
                        clock.id,
                        ids.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

pub fn shipped_contacts(roles: &[Role]) -> Result<Vec<Contact>, ConfigError> {
    let (file, text) = SHIPPED_CONTACTS;
    let source = Source::new(file, text);
    let contacts: Vec<Contact> = source.parse()?;
    check_contacts(source, &contacts, roles)?;
    for c in &contacts {
        if c.source.trim().is_empty() {
            return Err(source.error_at(
                source.key_value("id", &c.id, 0),
                format!(
                    "found no `source` for `{}`, expected where its details come from",
                    c.id
                ),
            ));
        }
    }
    Ok(contacts)
}

/// Contact names present, ids unique, roles known.
pub fn check_contacts(
    source: Source,
    contacts: &[Contact],
    roles: &[Role],
) -> Result<(), ConfigError> {
    let mut seen: Vec<String> = Vec::new();
    for c in contacts {
        if c.name.trim().is_empty() {
            return Err(source.error_at(
                source.key("name", 0),
                "found a contact with an empty name, expected who to call".into(),
            ));
        }
        let key = c.key();
        if seen.contains(&key) {
            return Err(source.error_at(
                source.key_value("id", &key, 1),
                format!("found the contact id `{key}` twice, expected each contact once"),
            ));
        }
        seen.push(key);
        for role in &c.roles {
            if !roles.iter().any(|r| &r.id == role) {
                let line = source.key_value("name", &c.name, 0).0;
                return Err(source.error_at(
                    source.word_after(line, role),
                    format!(
                        "found the role `{}` for `{}`, expected one of the config's roles: {}",
                        role.escape_debug(),
                        c.name,
                        roles
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

pub fn shipped_drills(playbooks: &[Playbook]) -> Result<Vec<Scenario>, ConfigError> {
    SHIPPED_DRILLS
        .iter()
        .map(|(file, text)| {
            let source = Source::new(file, text);
            let drill: Scenario = source.parse()?;
            check_drill(source, &drill, playbooks)?;
            Ok(drill)
        })
        .collect()
}

fn check_drill(source: Source, d: &Scenario, playbooks: &[Playbook]) -> Result<(), ConfigError> {
    if d.severity > 5 {
        return Err(source.error_at(
            source.key("severity", 0),
            format!(
                "found severity {}, expected a level from 0 to 5",
                d.severity
            ),
        ));
    }
    if let Some(p) = &d.playbook
        && !playbooks.iter().any(|b| &b.id == p)
    {
        return Err(source.error_at(
            source.key_value("playbook", p, 0),
            format!("found the playbook `{p}`, expected a known playbook id"),
        ));
    }
    if d.injects.is_empty() || d.injects.iter().any(|i| i.text.trim().is_empty()) {
        return Err(source.error_at(
            source.key("injects", 0),
            "found no injects or an empty one, expected timed news with text".into(),
        ));
    }
    Ok(())
}
