//! Group commit. When several appends wait for the writer at once — scripts writing
//! through the dashboard, a burst from the screen — they are written together and each
//! journal is synced once for all of them (`Store::append_all`): a sync costs as much
//! as the write, so this is what lets many writers share one disk. Each append still
//! succeeds or fails on its own and is answered in the order it came.

use crate::app::Msg;
use crate::domain::IncidentId;
use crate::share::{Answer, WireError, WriteJob};
use crate::store::{NewEvent, SledStore, Store};
use std::panic::{AssertUnwindSafe, catch_unwind};
use tokio::sync::mpsc;

/// The most appends written together.
pub const GROUP_MAX: usize = 64;

/// Who waits for an append: this screen, or another process.
pub enum Waiting {
    Screen,
    Remote(WriteJob),
}

fn changes_roster(batch: &[NewEvent]) -> bool {
    batch.iter().any(|e| e.change.changes_roster())
}

#[derive(Default)]
pub struct Group {
    items: Vec<(IncidentId, Vec<NewEvent>, Waiting)>,
}

impl Group {
    /// Whether an append may join: one that names a new item or evidence, or changes
    /// the roster, does not join a group that already writes to its incident, and none
    /// joins after a roster change to it (ids and authors are checked against the stored
    /// journal, which does not hold the group's writes yet).
    pub fn admits(&self, id: IncidentId, batch: &[NewEvent]) -> bool {
        let mut same = self.items.iter().filter(|(i, _, _)| *i == id).peekable();
        let alone = crate::ops::names_something(batch) || changes_roster(batch);
        let written_to = same.peek().is_some();
        self.items.len() < GROUP_MAX
            && !(alone && written_to)
            && !same.any(|(_, written, _)| changes_roster(written))
    }

    pub fn push(&mut self, id: IncidentId, batch: Vec<NewEvent>, waiting: Waiting) {
        self.items.push((id, batch, waiting));
    }

    /// Writes the group, answers everyone, and empties it. Other processes are answered
    /// first, and whatever the screen does: a screen that has gone (the dashboard is
    /// closing) must not leave a command without the outcome of its write.
    pub fn commit(&mut self, store: &SledStore, results: &mpsc::UnboundedSender<Msg>) {
        // A write whose client has given up is dropped, unseen: it was told so.
        let items: Vec<_> = std::mem::take(&mut self.items)
            .into_iter()
            .filter(|(_, _, waiting)| match waiting {
                Waiting::Screen => true,
                Waiting::Remote(job) => job.start(),
            })
            .collect();
        if items.is_empty() {
            return;
        }
        let batches: Vec<(IncidentId, Vec<NewEvent>)> = items
            .iter()
            .map(|(id, batch, _)| (*id, batch.clone()))
            .collect();
        // A panic fails the group (shown NOT SAVED, commands exit 1), not the writer.
        let written =
            catch_unwind(AssertUnwindSafe(|| store.append_all(&batches))).unwrap_or_else(|_| {
                tracing::error!("a group of writes panicked");
                batches
                    .iter()
                    .map(|_| Err(crate::store::StoreError::Internal))
                    .collect()
            });
        // Other processes first: their answers do not wait for the index read below.
        let saved_any = written.iter().any(Result::is_ok);
        let mut news = Vec::with_capacity(items.len());
        for ((id, _, waiting), result) in items.into_iter().zip(written) {
            match (waiting, result) {
                (Waiting::Screen, result) => news.push((id, result, false)),
                (Waiting::Remote(job), Ok(events)) => {
                    job.answer(Ok(Answer::Events(events.clone())));
                    news.push((id, Ok(events), true));
                }
                (Waiting::Remote(job), Err(e)) => {
                    tracing::error!(error = %e, "a write sent by another process failed");
                    job.answer(Err(WireError::from(&e)));
                }
            }
        }
        let incidents = if saved_any {
            store.list().unwrap_or_else(|e| {
                tracing::error!(error = %e, "listing incidents after a save");
                Vec::new()
            })
        } else {
            Vec::new()
        };
        let news = news.into_iter().map(|(id, result, remote)| match result {
            Ok(events) if remote => Msg::Written {
                id,
                events,
                incidents: incidents.clone(),
            },
            Ok(events) => Msg::Saved {
                id,
                events,
                incidents: incidents.clone(),
            },
            Err(e) => {
                tracing::error!(error = %e, "write failed");
                Msg::Failed(crate::failure::Failure::from(e))
            }
        });
        for msg in news {
            // The screen may have gone (closing): its news no longer matter.
            let _ = results.send(msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Access, Change, Member};

    fn note() -> Vec<NewEvent> {
        vec![NewEvent::new(
            chrono::DateTime::UNIX_EPOCH,
            "a",
            Change::NoteAdded { text: "x".into() },
        )]
    }

    fn added() -> Vec<NewEvent> {
        let member = Member {
            handle: "sam".into(),
            name: "Sam".into(),
            email: None,
            roles: vec![],
            access: Access::Write,
            public_key: "ssh-ed25519 K".into(),
            unix_user: Some("sam".into()),
        };
        vec![NewEvent::new(
            chrono::DateTime::UNIX_EPOCH,
            "a",
            Change::MemberAdded { member },
        )]
    }

    #[test]
    fn a_roster_change_is_written_alone_in_its_incident_before_what_follows() {
        let (one, two) = (
            IncidentId::new(false, 2026, 1),
            IncidentId::new(false, 2026, 2),
        );
        let mut group = Group::default();
        assert!(group.admits(one, &note()));
        group.push(one, note(), Waiting::Screen);
        assert!(group.admits(one, &note()), "notes go together");
        assert!(!group.admits(one, &added()), "not after other writes");
        assert!(group.admits(two, &added()), "another incident's roster");
        group.push(two, added(), Waiting::Screen);
        assert!(
            !group.admits(two, &note()),
            "its author is checked after it"
        );
        assert!(group.admits(one, &note()));
    }
}
