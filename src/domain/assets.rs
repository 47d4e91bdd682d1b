//! The affected assets of an incident: the hosts, accounts, services, sites and data
//! stores it touches, who owns each, and how far each is compromised or back in
//! service. Each asset is in the register once: a second report of the same kind and
//! name is merged into the first. Its state moves by events, forward or back, and every
//! move is kept with when it happened, for the report. Entries are numbered `A1`,
//! `A2`… in the order they were first reported, as observables are `O1`, `O2`…

use super::Scope;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What an asset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssetKind {
    /// A machine: workstation, server, virtual machine, appliance.
    Host,
    /// A user or service account.
    Account,
    /// An application or service (mail, VPN, ERP, a cloud tenant's service).
    Service,
    /// A place or a web site.
    Site,
    /// Where data is kept: a share, a database, a bucket, a backup set.
    DataStore,
}

impl AssetKind {
    pub const ALL: [AssetKind; 5] = [
        AssetKind::Host,
        AssetKind::Account,
        AssetKind::Service,
        AssetKind::Site,
        AssetKind::DataStore,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            AssetKind::Host => "host",
            AssetKind::Account => "account",
            AssetKind::Service => "service",
            AssetKind::Site => "site",
            AssetKind::DataStore => "data-store",
        }
    }
}

crate::closed_list_by_slug!(AssetKind => "asset-kind");

/// How far an asset is compromised, or back. The usual path is the order below, but
/// any state may follow any other: a contained host found compromised again goes
/// back, a suspicion ruled out is set back to suspected or left there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssetState {
    Suspected,
    /// Confirmed compromised.
    Compromised,
    Contained,
    Cleaned,
    Restored,
}

impl AssetState {
    pub const ALL: [AssetState; 5] = [
        AssetState::Suspected,
        AssetState::Compromised,
        AssetState::Contained,
        AssetState::Cleaned,
        AssetState::Restored,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            AssetState::Suspected => "suspected",
            AssetState::Compromised => "compromised",
            AssetState::Contained => "contained",
            AssetState::Cleaned => "cleaned",
            AssetState::Restored => "restored",
        }
    }

    /// Whether the asset was confirmed compromised (and may since be contained,
    /// cleaned or restored): only those say anything about the incident's scope.
    pub fn confirmed(self) -> bool {
        self != AssetState::Suspected
    }

    /// Whether the attacker is shut out of it: contained, or past that (cleaned,
    /// restored). The first such move of any asset is when containment was reached.
    pub fn holds_attacker_out(self) -> bool {
        matches!(
            self,
            AssetState::Contained | AssetState::Cleaned | AssetState::Restored
        )
    }
}

crate::closed_list_by_slug!(AssetState => "asset-state");

/// An asset as one report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetSpec {
    pub kind: AssetKind,
    /// As typed, on one line and trimmed; the register matches it by [`asset_key`].
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Unset: suspected for a new asset, unchanged for a known one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AssetState>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Observables (`O3`) found on it or about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observables: Vec<String>,
    /// Evidence items taken from it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

impl AssetSpec {
    pub fn new(kind: AssetKind, name: String) -> Self {
        AssetSpec {
            kind,
            name,
            owner: String::new(),
            state: None,
            note: String::new(),
            observables: Vec::new(),
            evidence: Vec::new(),
        }
    }
}

/// A fact of an asset set anew (`asset set A2 owner "IT ops"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "kebab-case")]
pub enum AssetEdit {
    Kind(AssetKind),
    Name(String),
    Owner(String),
    Note(String),
}

/// One move of an asset's state: to what, when it happened, who said so, in which
/// journal event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateChange {
    pub state: AssetState,
    pub at: DateTime<Utc>,
    pub by: String,
    pub event: u64,
}

/// An asset in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssetRecord {
    /// `A1`, `A2`…
    pub id: String,
    pub kind: AssetKind,
    pub name: String,
    pub owner: String,
    pub note: String,
    pub observables: Vec<String>,
    pub evidence: Vec<String>,
    /// Every state it was said to be in, in the order they happened (by when, then by
    /// event): a state given when it was reported, then each move. Empty while it is
    /// suspected as first reported, without a state.
    pub history: Vec<StateChange>,
    pub reported_at: DateTime<Utc>,
    pub reported_by: String,
    /// How many reports were merged into it.
    pub reports: u32,
}

impl AssetRecord {
    /// Its state now: the last one by when it happened, so that a move entered late
    /// with `--at` (filling in the history) takes its place in time rather than
    /// overriding later ones; the facts do not depend on when they were written down.
    /// A state that is only the default of a report (suspected) is not dated, so that
    /// any move, however early, follows it.
    pub fn state(&self) -> AssetState {
        self.history
            .last()
            .map_or(AssetState::Suspected, |change| change.state)
    }

    /// When its state last moved, or else when it was reported.
    pub fn last_change(&self) -> DateTime<Utc> {
        self.history
            .last()
            .map_or(self.reported_at, |change| change.at)
    }

    fn move_to(&mut self, change: StateChange) {
        let place = self
            .history
            .partition_point(|c| (c.at, c.event) <= (change.at, change.event));
        self.history.insert(place, change);
    }

    /// Another report of the same asset: an owner stated later fills an empty one,
    /// notes add up, links are united, a state stated differently is a move.
    fn merge(&mut self, spec: &AssetSpec, change: Option<StateChange>) {
        if self.owner.is_empty() && !spec.owner.is_empty() {
            self.owner.clone_from(&spec.owner);
        }
        if !spec.note.is_empty() && !self.note.contains(&spec.note) {
            if !self.note.is_empty() {
                self.note.push_str("; ");
            }
            self.note.push_str(&spec.note);
        }
        unite(&mut self.observables, &spec.observables);
        unite(&mut self.evidence, &spec.evidence);
        if let Some(change) = change.filter(|c| c.state != self.state()) {
            self.move_to(change);
        }
        self.reports += 1;
    }
}

fn unite(into: &mut Vec<String>, from: &[String]) {
    for x in from {
        if !into.contains(x) {
            into.push(x.clone());
        }
    }
}

/// How the register tells two names of the same kind apart: spaces trimmed and runs of
/// them made one; host names also lose a final dot (an FQDN), and every kind but
/// accounts is matched whatever its case (`FS01` is `fs01`, `HR Share` is `hr share`).
/// Account names keep their case: on Unix `Root` and `root` are two accounts.
pub fn asset_key(kind: AssetKind, name: &str) -> String {
    let mut key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if kind == AssetKind::Host {
        while key.ends_with('.') {
            key.pop();
        }
    }
    if kind != AssetKind::Account {
        key = key.to_lowercase();
    }
    key
}

/// The register, with an index by kind and name so that a report is merged in constant
/// time however many assets the incident has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Assets {
    pub all: Vec<AssetRecord>,
    #[serde(skip)]
    by_name: HashMap<(AssetKind, String), usize>,
}

impl Assets {
    /// An asset reported in event `event`, at `at`, by `by`.
    pub fn report(&mut self, spec: &AssetSpec, at: DateTime<Utc>, by: &str, event: u64) {
        let change = spec.state.map(|state| StateChange {
            state,
            at,
            by: by.to_string(),
            event,
        });
        let key = (spec.kind, asset_key(spec.kind, &spec.name));
        if let Some(&i) = self.by_name.get(&key)
            && let Some(record) = self.all.get_mut(i)
        {
            record.merge(spec, change);
            return;
        }
        self.by_name.insert(key, self.all.len());
        self.all.push(AssetRecord {
            id: format!("A{}", self.all.len() + 1),
            kind: spec.kind,
            name: spec.name.clone(),
            owner: spec.owner.clone(),
            note: spec.note.clone(),
            observables: spec.observables.clone(),
            evidence: spec.evidence.clone(),
            history: change.into_iter().collect(),
            reported_at: at,
            reported_by: by.to_string(),
            reports: 1,
        });
    }

    /// Asset `id` moved to `state` at `at`. An unknown id changes nothing (the command
    /// line refuses it before it is written).
    pub fn set_state(
        &mut self,
        id: &str,
        state: AssetState,
        at: DateTime<Utc>,
        by: &str,
        event: u64,
    ) {
        if let Some(record) = self.get_mut(id) {
            record.move_to(StateChange {
                state,
                at,
                by: by.to_string(),
                event,
            });
        }
    }

    /// A fact of asset `id` set anew. A new kind or name moves it in the index, unless
    /// another asset is known by that kind and name already (the command line refuses
    /// that; an imported journal may hold it): then the other keeps the name for merges.
    pub fn edit(&mut self, id: &str, edit: &AssetEdit) {
        let Some(i) = self.index_of(id) else {
            return;
        };
        let Some(record) = self.all.get_mut(i) else {
            return;
        };
        let old = (record.kind, asset_key(record.kind, &record.name));
        match edit {
            AssetEdit::Kind(kind) => record.kind = *kind,
            AssetEdit::Name(name) => record.name.clone_from(name),
            AssetEdit::Owner(owner) => record.owner.clone_from(owner),
            AssetEdit::Note(note) => record.note.clone_from(note),
        }
        let new = (record.kind, asset_key(record.kind, &record.name));
        if new != old {
            if self.by_name.get(&old) == Some(&i) {
                self.by_name.remove(&old);
            }
            self.by_name.entry(new).or_insert(i);
        }
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        let n: usize = id.trim().strip_prefix(['A', 'a'])?.parse().ok()?;
        let i = n.checked_sub(1)?;
        (i < self.all.len()).then_some(i)
    }

    /// The entry `A3`, found by its number.
    pub fn get(&self, id: &str) -> Option<&AssetRecord> {
        self.all.get(self.index_of(id)?)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut AssetRecord> {
        let i = self.index_of(id)?;
        self.all.get_mut(i)
    }

    /// The asset an operator means by `typed`, the one rule for every face (command
    /// line, dashboard): its id (`A2`, `a2`), else its name whatever the case and of
    /// whatever kind (`ws-042` is the host `WS-042`), spaces trimmed as [`asset_key`]
    /// does. A name that several assets share (a host and a data store both `FS01`)
    /// names none of them: the operator must give the id.
    pub fn resolve(&self, typed: &str) -> Result<&AssetRecord, Unresolved> {
        if let Some(record) = self.get(typed) {
            return Ok(record);
        }
        let wanted = |kind: AssetKind| asset_key(kind, typed).to_lowercase();
        let mut named = self
            .all
            .iter()
            .filter(|a| asset_key(a.kind, &a.name).to_lowercase() == wanted(a.kind));
        match (named.next(), named.next()) {
            (Some(only), None) => Ok(only),
            (Some(first), Some(second)) => Err(Unresolved::Ambiguous(
                [first, second]
                    .into_iter()
                    .chain(named)
                    .map(|a| a.id.clone())
                    .collect(),
            )),
            (None, _) => Err(Unresolved::Unknown),
        }
    }

    /// When the attacker was first shut out of an asset: the earliest move of any
    /// asset to contained, cleaned or restored (an asset reported as contained counts
    /// from when it was reported; every asset was suspected at least until then).
    pub fn first_contained(&self) -> Option<DateTime<Utc>> {
        self.all
            .iter()
            .filter_map(|a| {
                a.history
                    .iter()
                    .find(|c| c.state.holds_attacker_out())
                    .map(|c| c.at)
            })
            .min()
    }

    /// The entry for this kind and name (matched as [`asset_key`] says), if reported.
    pub fn find(&self, kind: AssetKind, name: &str) -> Option<&AssetRecord> {
        let &i = self.by_name.get(&(kind, asset_key(kind, name)))?;
        self.all.get(i)
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// How many assets are in each state now, in the order of [`AssetState::ALL`],
    /// states with none left out.
    pub fn counts(&self) -> Vec<(AssetState, usize)> {
        AssetState::ALL
            .into_iter()
            .map(|state| {
                (
                    state,
                    self.all.iter().filter(|a| a.state() == state).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The scope the assets imply, by a deliberately narrow rule: only assets confirmed
    /// compromised (in any state after suspected, since cleaned or restored ones were
    /// compromised) count, and only a host says which area it is in — a host is an
    /// endpoint or a server, which the scope counts as endpoints. The other kinds are
    /// left out because their kind alone does not say where they are: an account may
    /// live in a directory on premises or in a cloud tenant, a service or a data store
    /// may run on premises or in a cloud, a data store may or may not hold personal
    /// data, and a site may be a place or a web site.
    ///
    /// This is a hint for the operator, never applied by itself: the declared scope is
    /// changed only by an amendment someone makes (`warroom set ID scope …`), with its
    /// reason, because scope drives who is told and which clocks apply.
    pub fn implied_scope(&self) -> Scope {
        let confirmed = |kind: AssetKind| {
            self.all
                .iter()
                .any(|a| a.kind == kind && a.state().confirmed())
        };
        Scope {
            endpoints: confirmed(AssetKind::Host),
            ..Scope::default()
        }
    }
}

/// Why a typed link names no entry of a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// No entry has that id or name.
    Unknown,
    /// Several entries have that name: these ids.
    Ambiguous(Vec<String>),
}

/// The areas of `implied` that `declared` leaves out: what the assets suggest adding
/// to the declared scope. Empty (every field false) when the declared scope covers it.
pub fn scope_beyond(declared: Scope, implied: Scope) -> Scope {
    Scope {
        network: implied.network && !declared.network,
        cloud: implied.cloud && !declared.cloud,
        endpoints: implied.endpoints && !declared.endpoints,
        ot: implied.ot && !declared.ot,
        personal_data: implied.personal_data && !declared.personal_data,
    }
}

#[cfg(test)]
#[path = "assets_tests.rs"]
mod tests;
