//! One owner, many clients. The process that owns the store (a dashboard) serves a Unix
//! socket in the data directory (mode 0600). Another `warroom` started on the same store
//! either follows it read-only (a dashboard, a wall) or runs its command in its own
//! process, reaching the store through the owner ([`RemoteStore`]): so scripts keep
//! working while the dashboard is open, and heavy work (hashing evidence, writing
//! exports) never runs inside the owner. JSON lines both ways (see [`protocol`]).

mod client;
mod peer;
pub mod protocol;
mod server;
mod wire;

pub use client::{Connection, Following, Heard, RemoteStore, connect, connect_seated, follow};
pub use peer::my_uid;
pub use protocol::{Answer, Op, Role, Seat, Update, WireError};
pub use server::{FollowerLink, Followers, GRACE, HEARTBEAT, Incoming, Server, WriteJob, serve};

use std::path::{Path, PathBuf};

pub fn socket_path(dir: &Path) -> PathBuf {
    dir.join("warroom.sock")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Change;
    use crate::store::{MemoryStore, NewEvent, Store, StoreError};
    use std::sync::Arc;
    use std::sync::mpsc::channel;
    use std::time::Duration;

    fn note(text: &str) -> NewEvent {
        NewEvent::new(
            chrono::DateTime::UNIX_EPOCH,
            "t",
            Change::NoteAdded { text: text.into() },
        )
    }

    /// A served store whose writer never takes a job until the test does.
    fn served() -> (
        tempfile::TempDir,
        Server,
        std::sync::mpsc::Receiver<WriteJob>,
        crate::domain::IncidentId,
    ) {
        let dir = crate::store::private_tempdir();
        let store = Arc::new(MemoryStore::new());
        let config = crate::config::Config::embedded().unwrap_or_else(|e| panic!("{e}"));
        let new = crate::app::NewIncident {
            title: "served".into(),
            severity: crate::domain::Severity::High,
            category: crate::domain::Category::Other,
            tlp: crate::domain::Tlp::default(),
            exercise: false,
            playbook: None,
            scope: Default::default(),
        };
        let declared = crate::ops::declare(&*store, &config, chrono::Utc::now(), "t", &new, None)
            .unwrap_or_else(|e| panic!("{e}"));
        let id = match declared.first().map(|e| &e.change) {
            Some(Change::Declared(d)) => d.id,
            _ => panic!("no declaration"),
        };
        let (jobs, taken) = channel();
        let server = serve(dir.path(), store, move |incoming| match incoming {
            Incoming::Write(job) => jobs.send(job).is_ok(),
            Incoming::Follower(_) => false,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        (dir, server, taken, id)
    }

    fn remote(dir: &std::path::Path, wait: Duration) -> RemoteStore {
        let connection = connect(dir, Role::Client, wait)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("nobody serves {}", dir.display()));
        RemoteStore::new(dir, connection, wait)
    }

    #[test]
    fn a_write_its_client_gave_up_on_is_never_carried_out() {
        let (dir, _server, taken, id) = served();
        let client = remote(dir.path(), Duration::from_millis(200));
        // The writer is busy (stuck on its disk, stopped…): the client gives up.
        let result = client.append(id, &[note("phantom")]);
        assert!(
            matches!(
                result,
                Err(StoreError::NotStarted { .. } | StoreError::OwnerSilent { .. })
            ),
            "{result:?}"
        );
        // When the writer comes to it, the job says it must be dropped.
        let job = taken
            .recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(job.abandoned());
    }

    #[test]
    fn reads_are_answered_while_a_write_waits() {
        let (dir, _server, taken, id) = served();
        let writer = remote(dir.path(), Duration::from_secs(5));
        let pending = std::thread::spawn(move || writer.append(id, &[note("later")]));
        let job = taken
            .recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{e}"));
        // Another client reads meanwhile, on its own connection.
        let reader = remote(dir.path(), Duration::from_secs(5));
        assert_eq!(reader.list().map(|l| l.len()).ok(), Some(1));
        assert!(!job.abandoned());
        job.answer(Ok(Answer::Events(Vec::new())));
        let written = pending
            .join()
            .unwrap_or_else(|_| panic!("the writer panicked"));
        assert_eq!(written.map(|e| e.len()).ok(), Some(0));
    }

    #[test]
    fn a_silent_client_and_an_endless_line_hold_up_nobody() {
        use std::io::Write;
        let (dir, _server, _taken, _id) = served();
        let path = socket_path(dir.path());
        let _silent = std::os::unix::net::UnixStream::connect(&path);
        let mut endless =
            std::os::unix::net::UnixStream::connect(&path).unwrap_or_else(|e| panic!("{e}"));
        let _ = endless.set_write_timeout(Some(Duration::from_secs(5)));
        // Past a line's limit the owner stops reading and closes: the write fails
        // instead of filling the owner's memory. Before the hello (4 KiB)…
        let chunk = vec![b'x'; 1 << 20];
        let cut = (0..64).any(|_| endless.write_all(&chunk).is_err());
        assert!(cut, "the owner read 64 MiB of a hello");
        // …and in a request (16 MiB).
        let mut greeted =
            std::os::unix::net::UnixStream::connect(&path).unwrap_or_else(|e| panic!("{e}"));
        let _ = greeted.set_write_timeout(Some(Duration::from_secs(5)));
        let hello = wire::encode(&protocol::Hello {
            version: protocol::VERSION,
            role: Role::Client,
            seat: protocol::Seat::default(),
        })
        .unwrap_or_default();
        greeted.write_all(&hello).unwrap_or_else(|e| panic!("{e}"));
        let cut = (0..64).any(|_| greeted.write_all(&chunk).is_err());
        assert!(cut, "the owner read 64 MiB of one request");
        let client = remote(dir.path(), Duration::from_secs(2));
        assert_eq!(client.list().map(|l| l.len()).ok(), Some(1));
    }
}
