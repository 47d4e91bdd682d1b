//! Links typed by an operator (`--asset WS-042`, `--observable o3`, `--evidence E1`)
//! made into the ids the registers write, or refused: a link is a fact about entries
//! that exist, never free text. Each register says what a typed link means
//! ([`Assets::resolve`], [`Observables::resolve`], [`IncidentState::resolve_evidence`]);
//! this applies those rules to a list, keeps each entry once, and says which typed
//! link named nothing. Pure: the command line and the dashboard call it alike.

use super::assets::Unresolved;
use super::{Assets, IncidentState, Observables};

/// A typed link that names no entry, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadLink {
    UnknownAsset(String),
    /// A name several assets share: their ids.
    AmbiguousAsset(String, Vec<String>),
    UnknownObservable(String),
    UnknownEvidence(String),
}

/// Asset ids (`A2`) for typed ids or names, each once, in the order given; blanks
/// skipped.
pub fn assets(register: &Assets, typed: &[String]) -> Result<Vec<String>, BadLink> {
    ids(typed, |t| match register.resolve(t) {
        Ok(found) => Ok(found.id.clone()),
        Err(Unresolved::Unknown) => Err(BadLink::UnknownAsset(t.to_string())),
        Err(Unresolved::Ambiguous(ids)) => Err(BadLink::AmbiguousAsset(t.to_string(), ids)),
    })
}

/// Observable ids (`O3`) for typed ids, each once, in the order given.
pub fn observables(register: &Observables, typed: &[String]) -> Result<Vec<String>, BadLink> {
    ids(typed, |t| {
        register
            .resolve(t)
            .map(|found| found.id.clone())
            .ok_or_else(|| BadLink::UnknownObservable(t.to_string()))
    })
}

/// Evidence references as registered, for typed ones, each once, in the order given.
pub fn evidence(state: &IncidentState, typed: &[String]) -> Result<Vec<String>, BadLink> {
    ids(typed, |t| {
        state
            .resolve_evidence(t)
            .map(|found| found.spec.reference.clone())
            .ok_or_else(|| BadLink::UnknownEvidence(t.to_string()))
    })
}

fn ids(
    typed: &[String],
    resolve: impl Fn(&str) -> Result<String, BadLink>,
) -> Result<Vec<String>, BadLink> {
    let mut ids: Vec<String> = Vec::new();
    for t in typed.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let id = resolve(t)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
