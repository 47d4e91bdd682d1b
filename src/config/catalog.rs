//! The phase models and playbooks warroom knows: the shipped ones embedded from
//! `assets/`, then the user's (phase models from the config, playbooks from the
//! `playbooks/` folder beside it), each validated with file:line:column errors.

use super::yaml::{ConfigError, Source};
use crate::domain::{
    Category, ClockDef, Contact, PhaseModel, Playbook, Role, Scenario, Stage, Trigger,
    pick_playbook,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::assets::{
    SHIPPED_CLOCKS, SHIPPED_CONTACTS, SHIPPED_DRILLS, SHIPPED_MODELS, SHIPPED_PLAYBOOKS,
};

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
            crate::i18n::tr_args("err-model-no-phases", &[("model", model.id.clone().into())]),
        ));
    }
    let ids = std::iter::once(model.id.as_str()).chain(model.phases.iter().map(|p| p.id.as_str()));
    check_ids(source, ids, "what-model-phase")?;
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
            crate::i18n::tr_args(
                "err-model-stage-twice",
                &[
                    ("stage", stage.slug().into()),
                    ("model", model.id.clone().into()),
                ],
            ),
        ));
    }
    if !missing.is_empty() {
        return Err(source.error_at(
            at_model,
            crate::i18n::tr_args(
                "err-model-stage-missing",
                &[
                    ("missing", names(&missing).into()),
                    ("model", model.id.clone().into()),
                    ("all", names(&Stage::ALL).into()),
                ],
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
    let mut seen: HashSet<&str> = HashSet::new();
    for id in ids {
        let well_formed = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            return Err(source.error_at(
                source.key_value("id", id, 0),
                crate::i18n::tr_args(
                    "err-bad-id",
                    &[("id", id.escape_debug().to_string().into())],
                ),
            ));
        }
        if seen.contains(&id) {
            return Err(source.error_at(
                source.key_value("id", id, 1),
                crate::i18n::tr_args(
                    "err-id-twice",
                    &[
                        ("what", crate::i18n::tr(what).into()),
                        ("id", id.to_string().into()),
                    ],
                ),
            ));
        }
        seen.insert(id);
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
    check_ids(source, ids, "what-playbook-item")?;
    let role_ids = || {
        roles
            .iter()
            .map(|r| format!("`{}`", r.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let known_role = |id: &str| roles.iter().any(|r| r.id == id);
    // Located through one pass over the text, not one search per item.
    let item_ids = source.key_index("id");
    for item in &playbook.items {
        let item_line = item_ids.line_of(&item.id);
        if item.text.trim().is_empty() || item.text.chars().any(char::is_control) {
            return Err(source.error_at(
                source.nth_key_after(item_line, "text", 0),
                crate::i18n::tr_args("err-item-text", &[("item", item.id.clone().into())]),
            ));
        }
        let roles_used =
            std::iter::once(("owner", &item.owner)).chain(item.call.iter().map(|c| ("call", c)));
        for (key, role) in roles_used {
            if !known_role(role) {
                return Err(source.error_at(
                    // On the line of the key that names it, not in the text above.
                    source.word_after(source.nth_key_after(item_line, key, 0).0, role),
                    crate::i18n::tr_args(
                        "err-item-role",
                        &[
                            ("role", role.escape_debug().to_string().into()),
                            ("key", key.into()),
                            ("item", item.id.clone().into()),
                            ("roles", role_ids().into()),
                        ],
                    ),
                ));
            }
        }
        for clock in item.starts.iter().chain(&item.stops) {
            if !words.clocks.iter().any(|c| &c.id == clock) {
                return Err(source.error_at(
                    source.word_after(item_line, clock),
                    crate::i18n::tr_args(
                        "err-item-clock",
                        &[
                            ("clock", clock.escape_debug().to_string().into()),
                            ("item", item.id.clone().into()),
                            (
                                "clocks",
                                words
                                    .clocks
                                    .iter()
                                    .map(|c| c.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                                    .into(),
                            ),
                        ],
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
        message: crate::i18n::tr_args("err-unreadable", &[("error", e.to_string().into())]),
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
    // Where each id is in `base` (its first place, as a search from the top would find).
    let mut at: HashMap<String, usize> = HashMap::with_capacity(base.len() + extra.len());
    for (i, b) in base.iter().enumerate() {
        at.entry(id(b).to_string()).or_insert(i);
    }
    for item in extra {
        match at.get(id(item)) {
            Some(&i) => base[i] = item.clone(),
            None => {
                at.insert(id(item).to_string(), base.len());
                base.push(item.clone());
            }
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
    check_ids(source, defined.iter().map(|c| c.id.as_str()), "what-clock")?;
    // Spans beyond ten years are refused: they say nothing a deadline could mean, and
    // some would not even fit the calendar.
    let clocks_from = source.key("clocks", 0).0;
    for clock in defined {
        let too_long = [
            (
                "duration",
                clock.duration.to_string(),
                clock.duration.within_ten_years(),
            ),
            (
                "warn",
                clock.warn.to_string(),
                clock.warn.within_ten_years(),
            ),
        ]
        .into_iter()
        .chain(clock.cap.map(|cap| {
            let span = cap.after_awareness;
            ("after_awareness", span.to_string(), span.within_ten_years())
        }))
        .find(|(_, _, ok)| !ok);
        if let Some((key, span, _)) = too_long {
            let id_line = source.key_after(clocks_from, "id", Some(&clock.id)).0;
            return Err(source.error_at(
                source.key_after(id_line, key, None),
                crate::i18n::tr_args(
                    "err-clock-too-long",
                    &[
                        ("key", key.into()),
                        ("span", span.to_string().into()),
                        ("clock", clock.id.clone().into()),
                    ],
                ),
            ));
        }
    }
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
                    crate::i18n::tr_args(
                        "err-clock-met",
                        &[
                            ("other", other.escape_debug().to_string().into()),
                            ("clock", clock.id.clone().into()),
                            ("clocks", ids.join(", ").into()),
                        ],
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
                crate::i18n::tr_args("err-contact-source", &[("contact", c.id.clone().into())]),
            ));
        }
    }
    Ok(contacts)
}

/// Contact names present, ids unique, roles known.
/// The role ids, for "expected one of …" messages.
pub(super) fn role_list(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn check_contacts(
    source: Source,
    contacts: &[Contact],
    roles: &[Role],
) -> Result<(), ConfigError> {
    // Each contact's place is looked up in indexes made in one pass over the text (a
    // search from the top for each contact made checking grow with the square of their
    // number: seconds for a few thousand contacts).
    let mut seen: HashSet<String> = HashSet::with_capacity(contacts.len());
    let known: HashSet<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    // Contacts are under `contacts:` in a config, the whole file in assets/contacts.yaml;
    // each has one `name:`, so the n-th `name:` from there is the n-th contact's.
    let from = source.key("contacts", 0).0;
    let names = source.key_index("name");
    for (n, c) in contacts.iter().enumerate() {
        let name_at = names.nth_after(from, n);
        if c.name.trim().is_empty() {
            return Err(source.error_at(name_at, crate::i18n::tr("err-contact-name")));
        }
        let key = c.key();
        if seen.contains(&key) {
            let at = if c.id.is_empty() {
                // The id was made from the name: point at the name.
                source.key_value("name", &c.name, 1)
            } else {
                source.key_value("id", &key, 1)
            };
            return Err(source.error_at(
                at,
                crate::i18n::tr_args("err-contact-twice", &[("contact", key.clone().into())]),
            ));
        }
        seen.insert(key);
        for role in &c.roles {
            if !known.contains(role.as_str()) {
                let roles_line = source.nth_key_after(name_at.0, "roles", 0).0;
                return Err(source.error_at(
                    source.word_after(roles_line, role),
                    crate::i18n::tr_args(
                        "err-contact-role",
                        &[
                            ("role", role.escape_debug().to_string().into()),
                            ("contact", c.name.clone().into()),
                            ("roles", role_list(roles).into()),
                        ],
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
            crate::i18n::tr_args("err-drill-severity", &[("severity", d.severity.into())]),
        ));
    }
    if let Some(p) = &d.playbook
        && !playbooks.iter().any(|b| &b.id == p)
    {
        return Err(source.error_at(
            source.key_value("playbook", p, 0),
            crate::i18n::tr_args("err-drill-playbook", &[("playbook", p.clone().into())]),
        ));
    }
    if d.injects.is_empty() || d.injects.iter().any(|i| i.text.trim().is_empty()) {
        return Err(source.error_at(
            source.key("injects", 0),
            crate::i18n::tr("err-drill-injects"),
        ));
    }
    Ok(())
}
