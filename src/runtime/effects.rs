//! Carries out the app's effects on the store and the disk, and answers with the app's
//! next message: the one interpreter of `Effect`, run by the writer thread (and by the
//! tests' harness on a `MemoryStore`).

use crate::app::{Effect, Msg};
use crate::config::Config;
use crate::domain::Change;
use crate::failure::Failure;
use crate::ops::{self, When, declared_id};
use crate::store::{NewEvent, Store};
use chrono::{DateTime, Utc};

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
                Err(e) => Msg::LoadFailed(e.into()),
            };
        }
        Effect::Append {
            id,
            changes,
            occurred,
        } => {
            ops::append(store, id, When::new(now, occurred), author, changes).map(|e| (Some(id), e))
        }
        Effect::Declare(new) => {
            ops::declare(store, config, now, author, &new, None).map(|e| (declared_id(&e), e))
        }
        Effect::OpenDemo => ops::open_demo(store, config, now).map(|e| (declared_id(&e), e)),
        Effect::SaveContact(contact) => {
            let change = Change::ContactSaved { contact: *contact };
            return match store.append_directory(&[NewEvent::new(now, author, change)]) {
                Ok(events) => Msg::DirectorySaved(events),
                Err(e) => Msg::Failed(e.into()),
            };
        }
        Effect::RegisterEvidence {
            id,
            spec,
            path,
            occurred,
        } => {
            return match ops::hash_evidence(&ops::typed_path(&path), &mut |_, _| {}) {
                Ok(hashed) => Msg::Hashed {
                    id,
                    change: Box::new(ops::registration(*spec, Some(hashed))),
                    path,
                    occurred,
                },
                Err(e) => Msg::ReadFailed {
                    error: Failure::reading(&path, e),
                    path,
                },
            };
        }
        Effect::Refresh(id) => {
            let incidents = match store.list() {
                Ok(list) => list,
                Err(e) => return Msg::LoadFailed(e.into()),
            };
            let Some(id) = id.or_else(|| incidents.first().map(|s| s.id)) else {
                return Msg::LoadFailed(Failure::NoIncident);
            };
            return match store.events(id) {
                Ok(events) => Msg::Refreshed {
                    id,
                    events,
                    incidents,
                },
                Err(e) => Msg::LoadFailed(e.into()),
            };
        }
        Effect::ExportReport(id, lang) => {
            // In the language the report was asked in; the writer thread's own is
            // given back after.
            return match crate::i18n::speaking(lang, || ops::export_reports(store, config, id, now))
            {
                Ok(paths) => Msg::ReportSaved(paths),
                Err(e) => Msg::ExportFailed(e),
            };
        }
        Effect::ExportExchange(id, lang) => {
            return match crate::i18n::speaking(lang, || ops::export_exchange(store, config, id)) {
                Ok(paths) => {
                    Msg::ExchangeSaved(paths.iter().map(|p| p.display().to_string()).collect())
                }
                Err(e) => Msg::ExportFailed(e),
            };
        }
        Effect::ReadExchange { id, path, tlp } => {
            let content = match std::fs::read_to_string(ops::typed_path(&path)) {
                Ok(content) => content,
                Err(e) => {
                    let error = Failure::reading(&path, e);
                    return Msg::ReadFailed { path, error };
                }
            };
            return match crate::formats::read(&content, None, tlp) {
                Ok((_, imported)) => Msg::ExchangeRead {
                    id,
                    path,
                    imported: Box::new(imported),
                },
                Err(error) => Msg::ImportRefused { path, error },
            };
        }
        Effect::SaveDraft { file, text } => {
            return match store.directory() {
                Some(dir) => match ops::save_draft(dir, &file, &text) {
                    Ok(path) => Msg::DraftSaved(path.display().to_string()),
                    Err(e) => Msg::ExportFailed(e),
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
        Ok((None, _)) => Msg::Failed(Failure::NoDeclaration),
        Err(e) => Msg::Failed(e.into()),
    }
}
