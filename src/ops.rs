//! Operations on the store shared by the command line and the dashboard, so that every
//! dashboard action and its CLI twin write exactly the same events.

use crate::app::{Effect, Msg, NewIncident};
use crate::config::Config;
use crate::domain::{
    Category, Change, ClockDef, Declaration, EntityFlags, Event, IncidentId, IncidentSummary,
    ItemSpec, Origin, PhaseSpec, Scope, Trigger, demo,
};
use crate::store::{NewEvent, Store, StoreError};
use chrono::{DateTime, Datelike, Utc};

/// When a write is made (`now`), and when what it records happened, if the writer
/// said so (`--at`, `@13:05`): events keep both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub now: DateTime<Utc>,
    pub occurred: Option<DateTime<Utc>>,
}

impl When {
    pub fn new(now: DateTime<Utc>, occurred: Option<DateTime<Utc>>) -> Self {
        When { now, occurred }
    }
}

impl From<DateTime<Utc>> for When {
    fn from(now: DateTime<Utc>) -> Self {
        When {
            now,
            occurred: None,
        }
    }
}

fn year(now: DateTime<Utc>) -> u16 {
    u16::try_from(now.year()).unwrap_or(0)
}

/// What an incident is declared with: the chosen phase model's phases, and the items of
/// the named playbook (or the one its category picks) placed in those phases.
pub struct Plan {
    pub clocks: Vec<ClockDef>,
    pub entity: EntityFlags,
    pub phases: Vec<PhaseSpec>,
    pub checklist: Vec<ItemSpec>,
    pub phase_model: Origin,
    pub playbook: Option<Origin>,
}

pub fn plan(config: &Config, playbook: Option<&str>, category: Category) -> Plan {
    let catalog = &config.catalog;
    let model = &catalog.model;
    let chosen = playbook
        .and_then(|id| catalog.playbook(id))
        .or_else(|| catalog.playbook_for(category));
    // A retainer clock with no counterparty named is owed to the configured retainer.
    let clocks = catalog
        .clocks
        .iter()
        .cloned()
        .map(|mut c| {
            if c.authority.trim().is_empty() && c.starts == Trigger::RetainerAlerted {
                c.authority = config.retainer.name.clone();
            }
            c
        })
        .collect();
    Plan {
        clocks,
        entity: config.entity(),
        phases: model.phase_specs(),
        checklist: chosen.map(|p| p.checklist(model)).unwrap_or_default(),
        phase_model: Origin {
            id: model.id.clone(),
            name: model.name.clone(),
        },
        playbook: chosen.map(|p| Origin {
            id: p.id.clone(),
            name: p.name.clone(),
        }),
    }
}

/// Declares an incident with the config's phase model and the playbook's checklist;
/// returns its journal.
pub fn declare(
    store: &dyn Store,
    config: &Config,
    when: impl Into<When>,
    author: &str,
    new: &NewIncident,
) -> Result<Vec<Event>, StoreError> {
    let when = when.into();
    let now = when.now;
    let plan = plan(config, new.playbook.as_deref(), new.category);
    with_new_id(store, new.exercise, when.occurred.unwrap_or(now), |id| {
        let declaration = Declaration {
            id,
            title: new.title.clone(),
            severity: new.severity,
            category: new.category,
            tlp: new.tlp,
            detected_at: None,
            commander: None,
            scope: Scope::default(),
            summary: String::new(),
            exercise: new.exercise,
            phases: plan.phases.clone(),
            checklist: plan.checklist.clone(),
            phase_model: Some(plan.phase_model.clone()),
            playbook: plan.playbook.clone(),
            clocks: plan.clocks.clone(),
            entity: plan.entity,
        };
        vec![NewEvent::new(now, author, Change::Declared(declaration)).happened(when.occurred)]
    })
}

/// Appends the journal `make` writes for a new incident, under the next free id. Two
/// processes declaring at once through a dashboard can pick the same id: the second
/// is refused (`AlreadyExists`) and takes the next one.
fn with_new_id(
    store: &dyn Store,
    exercise: bool,
    now: DateTime<Utc>,
    make: impl Fn(IncidentId) -> Vec<NewEvent>,
) -> Result<Vec<Event>, StoreError> {
    const ATTEMPTS: usize = 20;
    let mut attempt = 0;
    loop {
        let id = store.next_id(exercise, year(now))?;
        match store.append(id, &make(id)) {
            Err(StoreError::AlreadyExists(_)) if attempt < ATTEMPTS => attempt += 1,
            other => return other,
        }
    }
}

/// Creates the demo incident (an exercise with some history) in one durable write.
pub fn open_demo(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    let plan = plan(config, None, demo::CATEGORY);
    let inputs = demo::DemoInputs {
        phases: &plan.phases,
        checklist: &plan.checklist,
        phase_model: Some(&plan.phase_model),
        playbook: plan.playbook.as_ref(),
        clocks: &plan.clocks,
        retainer: &config.retainer.name,
        retainer_minutes: config.retainer.response_minutes,
    };
    with_new_id(store, true, now, |id| {
        demo::script(now, id, &inputs)
            .into_iter()
            .map(|(at, author, change)| NewEvent::new(at, author, change))
            .collect()
    })
}

pub fn append(
    store: &dyn Store,
    id: IncidentId,
    when: impl Into<When>,
    author: &str,
    changes: Vec<Change>,
) -> Result<Vec<Event>, StoreError> {
    let when = when.into();
    let batch = changes
        .into_iter()
        .map(|c| NewEvent::new(when.now, author, c).happened(when.occurred))
        .collect();
    append_events(store, id, batch)
}

/// Appends `batch`, giving a taken item id or evidence reference the next free one
/// against the stored journal (see below). The owner of a store runs this for writes
/// that other processes send it, so that their ids are checked against its journal.
pub fn append_events(
    store: &dyn Store,
    id: IncidentId,
    batch: Vec<NewEvent>,
) -> Result<Vec<Event>, StoreError> {
    store.append(id, &ready(store, id, batch)?)
}

/// `batch` as it will be appended: taken ids replaced by free ones (see below).
pub fn ready(
    store: &dyn Store,
    id: IncidentId,
    mut batch: Vec<NewEvent>,
) -> Result<Vec<NewEvent>, StoreError> {
    with_free_ids(store, id, &mut batch)?;
    Ok(batch)
}

/// Whether `batch` names a new item or evidence: its id is checked against the
/// stored journal, so it is not grouped with another write to the same incident.
pub fn names_something(batch: &[NewEvent]) -> bool {
    batch.iter().any(|e| {
        matches!(
            e.change,
            Change::ItemAdded { .. } | Change::EvidenceRegistered { .. }
        )
    })
}

/// The dashboard picks the id of an added item (`add-N`) or the reference of new
/// evidence (`EN`) from the state on screen, which may not yet hold a write still in
/// flight (a slow hash, a command run meanwhile by another process). The fold ignores a
/// second item or evidence with a taken id, so such a change would be stored yet shown
/// nowhere: here, against the stored journal, a taken id is replaced by the next free one.
fn with_free_ids(
    store: &dyn Store,
    id: IncidentId,
    batch: &mut [NewEvent],
) -> Result<(), StoreError> {
    if !names_something(batch) {
        return Ok(());
    }
    let Ok(state) = crate::domain::fold(&store.events(id)?) else {
        // The append below refuses a journal that does not fold; let it say so.
        return Ok(());
    };
    let mut taken: Vec<String> = Vec::new();
    let free = |prefix: &str, taken: &[String], used: &dyn Fn(&str) -> bool| {
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|c| !used(c) && !taken.contains(c))
            .unwrap_or_default()
    };
    for new in batch.iter_mut() {
        match &mut new.change {
            Change::ItemAdded { item } => {
                let used = |c: &str| state.item(c).is_some();
                if used(&item.id) || taken.contains(&item.id) {
                    item.id = free("add-", &taken, &used);
                }
                taken.push(item.id.clone());
            }
            Change::EvidenceRegistered { evidence } => {
                let used = |c: &str| state.evidence_item(c).is_some();
                if used(&evidence.reference) || taken.contains(&evidence.reference) {
                    evidence.reference = free("E", &taken, &used);
                }
                taken.push(evidence.reference.clone());
            }
            _ => {}
        }
    }
    Ok(())
}

/// The registration of evidence whose file is at `path`: hashed (a regular file only;
/// it can take minutes for a disk image, so the dashboard runs this on a worker) and
/// stored absolute, so that `evidence verify` finds it from any directory.
pub fn evidence_change(
    mut spec: crate::domain::EvidenceSpec,
    path: &str,
) -> Result<Change, String> {
    let path =
        std::path::absolute(path).map_or_else(|_| path.to_string(), |a| a.display().to_string());
    if std::path::Path::new(&spec.location).is_relative() {
        spec.location.clone_from(&path);
    }
    let (sha256, size) = crate::evidence::hash_file(std::path::Path::new(&path), &mut |_, _| {})
        .map_err(|e| format!("{path}: {e}"))?;
    spec.sha256 = Some(sha256);
    spec.size = Some(size);
    Ok(Change::EvidenceRegistered { evidence: spec })
}

/// Carries out one effect of the app and says how it went, as the app's next message.
pub fn execute(
    store: &dyn Store,
    config: &Config,
    effect: Effect,
    now: DateTime<Utc>,
    author: &str,
) -> Msg {
    let written = match effect {
        Effect::Load(id) => {
            return match store.events(id) {
                Ok(events) => Msg::Loaded { id, events },
                Err(e) => Msg::LoadFailed(crate::text::store_error(&e)),
            };
        }
        Effect::Append {
            id,
            changes,
            occurred,
        } => append(store, id, When::new(now, occurred), author, changes).map(|e| (Some(id), e)),
        Effect::Declare(new) => {
            declare(store, config, now, author, &new).map(|e| (declared_id(&e), e))
        }
        Effect::OpenDemo => open_demo(store, config, now).map(|e| (declared_id(&e), e)),
        Effect::SaveContact(contact) => {
            let change = Change::ContactSaved { contact: *contact };
            return match store.append_directory(&[NewEvent::new(now, author, change)]) {
                Ok(events) => Msg::DirectorySaved(events),
                Err(e) => Msg::Failed(crate::text::store_error(&e)),
            };
        }
        Effect::RegisterEvidence {
            id,
            spec,
            path,
            occurred,
        } => {
            return match evidence_change(*spec, &path) {
                Ok(change) => Msg::Hashed {
                    id,
                    path,
                    change: Box::new(change),
                    occurred,
                },
                Err(error) => Msg::HashFailed { path, error },
            };
        }
        Effect::Refresh(id) => {
            let incidents = match store.list() {
                Ok(list) => list,
                Err(e) => return Msg::LoadFailed(crate::text::store_error(&e)),
            };
            let Some(id) = id.or_else(|| incidents.first().map(|s| s.id)) else {
                return Msg::LoadFailed(String::new());
            };
            return match store.events(id) {
                Ok(events) => Msg::Refreshed {
                    id,
                    events,
                    incidents,
                },
                Err(e) => Msg::LoadFailed(crate::text::store_error(&e)),
            };
        }
        Effect::ExportReport(id, lang) => {
            // This runs on the writer thread, whose language is its own.
            crate::i18n::set(lang);
            return match export_reports(store, config, id, now) {
                Ok(paths) => Msg::ReportSaved(paths),
                Err(e) => Msg::LoadFailed(e),
            };
        }
        Effect::SaveDraft { file, text } => {
            return match store.directory() {
                Some(dir) => match save_draft(dir, &file, &text) {
                    Ok(path) => Msg::DraftSaved(path.display().to_string()),
                    Err(e) => Msg::LoadFailed(e.to_string()),
                },
                // A store not on disk (tests): the draft stays on screen only.
                None => Msg::DraftSaved(file),
            };
        }
    };
    match written {
        Ok((Some(id), events)) => Msg::Saved {
            id,
            events,
            // The events are stored: a failing list must not turn that into "not saved"
            // (the user would write them twice). An empty list keeps the one on screen.
            incidents: store.list().unwrap_or_else(|e| {
                tracing::error!(error = %e, "listing incidents after a save");
                Vec::new()
            }),
        },
        Ok((None, _)) => Msg::Failed("the store returned no declaration".into()),
        Err(e) => Msg::Failed(crate::text::store_error(&e)),
    }
}

fn declared_id(events: &[Event]) -> Option<IncidentId> {
    match events.first().map(|e| &e.change) {
        Some(Change::Declared(d)) => Some(d.id),
        _ => None,
    }
}

/// Writes a draft to `drafts/` in the data directory (created private), replacing an
/// older draft of the same kind; returns its path.
pub fn save_draft(
    dir: &std::path::Path,
    file: &str,
    text: &str,
) -> std::io::Result<std::path::PathBuf> {
    save_in(&dir.join("drafts"), file, text)
}

/// Writes `text` to `file` in `folder`, creating the folder private (0700) first.
fn save_in(
    folder: &std::path::Path,
    file: &str,
    text: &str,
) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
    }
    let path = folder.join(file);
    crate::files::write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// Writes the incident's report as Markdown, HTML and JSON into `reports/` of the data
/// directory (created private); returns the paths, or where it would have written them
/// for a store not on disk.
pub fn export_reports(
    store: &dyn Store,
    config: &Config,
    id: IncidentId,
    now: DateTime<Utc>,
) -> Result<Vec<String>, String> {
    let events = store.events(id).map_err(|e| crate::text::store_error(&e))?;
    let state = crate::domain::fold(&events).map_err(|e| e.to_string())?;
    let head = store
        .summary(id)
        .map_err(|e| crate::text::store_error(&e))?
        .map(|s| s.head.hash)
        .unwrap_or_default();
    let report = crate::report::build(&state, &events, config, &head, now);
    let files = [
        (format!("{id}.md"), crate::report::markdown(&report)),
        (format!("{id}.html"), crate::report::html(&report)),
        (format!("{id}.json"), crate::report::json(&report)),
    ];
    let Some(dir) = store.directory() else {
        return Ok(files.into_iter().map(|(name, _)| name).collect());
    };
    let reports = dir.join("reports");
    let mut paths = Vec::new();
    for (name, body) in files {
        let path = save_in(&reports, &name, &body).map_err(|e| e.to_string())?;
        paths.push(path.display().to_string());
    }
    Ok(paths)
}

/// Starts a drill: an exercise incident declared from the scenario, then its script
/// (briefing and injects) recorded so that the dashboard delivers each inject at its
/// time. Returns the journal.
pub fn start_drill(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
    author: &str,
    scenario: &crate::domain::Scenario,
) -> Result<Vec<Event>, StoreError> {
    let new = NewIncident {
        title: scenario.title.clone(),
        severity: crate::domain::severity_of(scenario.severity)
            .unwrap_or(crate::domain::Severity::Medium),
        category: scenario.category,
        tlp: crate::domain::Tlp::default(),
        exercise: true,
        playbook: scenario.playbook.clone(),
    };
    let mut events = declare(store, config, now, author, &new)?;
    let Some(id) = declared_id(&events) else {
        return Ok(events);
    };
    let script = Change::DrillStarted {
        scenario: scenario.id.clone(),
        briefing: scenario.briefing.clone(),
        injects: scenario.injects.clone(),
    };
    events.extend(append(store, id, now, author, vec![script])?);
    Ok(events)
}

/// What a dashboard opens on: the index, the contacts, and the incident to show.
pub struct Opening {
    pub incidents: Vec<IncidentSummary>,
    pub directory: Vec<Event>,
    /// The journal of the incident asked for, else of the most recent one that reads.
    pub events: Option<Vec<Event>>,
    /// Incidents found damaged, with what was found.
    pub damaged: Vec<(IncidentId, String)>,
    /// What could not be read, to say on screen.
    pub problem: Option<String>,
}

/// Reads what a dashboard opens on. A damaged incident does not stop it: it is listed
/// as damaged and the next most recent one is opened; contacts that do not read are
/// said and left out. `wanted` must read (it was asked for by name).
pub fn opening(store: &dyn Store, wanted: Option<IncidentId>) -> Result<Opening, StoreError> {
    let incidents = store.list()?;
    let mut damaged = store.damaged()?;
    let mut problems = Vec::new();
    let directory = store.directory_events().unwrap_or_else(|e| {
        problems.push(crate::text::store_error(&e));
        Vec::new()
    });
    let events = match wanted {
        Some(id) => Some(store.events(id)?),
        None => {
            let mut opened = None;
            for summary in &incidents {
                if damaged.iter().any(|(id, _)| *id == summary.id) {
                    continue;
                }
                match store.events(summary.id) {
                    Ok(events) => {
                        opened = Some(events);
                        break;
                    }
                    Err(e) => {
                        let why = crate::text::store_error(&e);
                        damaged.push((summary.id, why.clone()));
                        problems.push(why);
                    }
                }
            }
            opened
        }
    };
    if let Some((id, why)) = damaged.first().filter(|_| problems.is_empty()) {
        problems.push(crate::text::damaged_incident(*id, why));
    }
    Ok(Opening {
        incidents,
        directory,
        events,
        damaged,
        problem: (!problems.is_empty()).then(|| problems.join("; ")),
    })
}
