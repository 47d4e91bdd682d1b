use super::lock::Holder;
use crate::domain::IncidentId;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the store right now (callers wait, see `access`).
    #[error("the data directory {} is in use by {}", dir.display(), holder_or_unknown(holder.as_ref()))]
    Locked {
        dir: PathBuf,
        holder: Option<Holder>,
    },
    /// The store stayed held for as long as this process would wait.
    #[error(
        "the data directory {} stayed in use by {} for {} s; try again, or wait longer with --wait",
        dir.display(),
        holder_or_unknown(holder.as_ref()),
        waited.as_secs()
    )]
    Busy {
        dir: PathBuf,
        holder: Option<Holder>,
        waited: Duration,
    },
    /// The dashboard that owns the store did not answer in time.
    #[error(
        "the dashboard that owns the store (pid {pid}) did not answer {what} within {} s; it may be stopped (Ctrl-Z) or stuck on its disk",
        waited.as_secs()
    )]
    OwnerSilent {
        pid: u32,
        what: &'static str,
        waited: Duration,
    },
    /// The owner was too busy to start a write before its client would give up.
    #[error(
        "the dashboard that owns the store (pid {pid}) could not start this write within {} s; nothing was written, try again",
        waited.as_secs()
    )]
    NotStarted { pid: u32, waited: Duration },
    /// The owner closed the connection while a command was using it.
    /// The owner closed the connection while a command was using it; a write it had
    /// started may have been saved.
    #[error("the dashboard that owns the store (pid {pid}) closed while this command ran")]
    OwnerClosed { pid: u32, maybe_written: bool },
    /// The owner started a write and did not finish it in time: it may yet be saved.
    #[error(
        "the dashboard that owns the store (pid {pid}) started this write {waited_s} s ago and has not finished it"
    )]
    OutcomeUnknown { pid: u32, waited_s: u64 },
    /// The owner answered with an error that has no variant of its own here.
    #[error("the dashboard that owns the store answered: {0}")]
    Owner(String),
    /// A command that needs the store to itself found a dashboard owning it.
    #[error("the dashboard that owns the store (pid {pid}) must be closed first")]
    OwnedByDashboard { pid: u32 },
    /// The data directory or its socket is not safe to use.
    #[error("{}: {why}", path.display())]
    Unsafe { path: PathBuf, why: Exposure },
    /// The disk holding the store has not room for a write; nothing was written.
    #[error(
        "the disk holding {} is full ({free} bytes free, a write needs about {needed}); free some space and try again",
        dir.display()
    )]
    DiskFull {
        dir: PathBuf,
        free: u64,
        needed: u64,
    },
    /// The store was opened read-only (read-only medium, or a full disk).
    #[error("the store in {} is open read-only ({why}); nothing can be written to it", dir.display())]
    ReadOnly { dir: PathBuf, why: String },
    #[error("no incident {0} in this store")]
    UnknownIncident(IncidentId),
    #[error("incident {0} already exists")]
    AlreadyExists(IncidentId),
    #[error("incident {id}: {detail}")]
    Rejected { id: IncidentId, detail: String },
    #[error("incident {id} is damaged: {detail}")]
    Corrupt { id: IncidentId, detail: String },
    /// The index (a cache of the journals) cannot be read; it can be rebuilt.
    #[error(
        "the index of the store ({}) is damaged ({cause}); the journals hold everything: run `warroom repair` to rebuild it from them",
        dir.display()
    )]
    IndexDamaged { dir: PathBuf, cause: String },
    #[error("incident {0} already exists here with a different journal; nothing imported")]
    ImportConflict(IncidentId),
    #[error("the contact directory: {0}")]
    Directory(String),
    #[error(
        "the store in {} has schema version {found}, newer than this warroom understands ({supported}); use a newer warroom",
        dir.display()
    )]
    SchemaTooNew {
        dir: PathBuf,
        found: u32,
        supported: u32,
    },
    // The cause is part of the one-line message; it is not also chained as a `source`,
    // which made reports print it twice.
    #[error("{what} {}: {cause}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("storage engine error in {}: {cause}", dir.display())]
    Engine { dir: PathBuf, cause: sled::Error },
}

/// Why a data directory or socket is not safe to use (said with the fix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Exposure {
    #[error("this data directory belongs to user id {owner}, not to you ({me})")]
    DirectoryNotYours { owner: u32, me: u32 },
    #[error("this data directory is open to other users (mode {mode:o})")]
    DirectoryOpen { mode: u32 },
    /// A folder shared on purpose (sticky, as `/tmp`): it is not to be made private.
    #[error("this is a folder shared by every user, not a data directory")]
    DirectoryShared,
    #[error("this is not a socket")]
    NotASocket,
    #[error("this socket belongs to user id {owner}, not to you ({me}); nothing was sent to it")]
    SocketNotYours { owner: u32, me: u32 },
    #[error("this socket is open to other users (mode {mode:o}); nothing was sent to it")]
    SocketOpen { mode: u32 },
    #[error(
        "the process answering on this socket (pid {pid}) runs as user id {uid}, not as you ({me}); nothing was sent to it"
    )]
    PeerNotYou { pid: u32, uid: u32, me: u32 },
}

fn holder_or_unknown(holder: Option<&Holder>) -> String {
    holder.map_or_else(
        || "another warroom process".to_string(),
        ToString::to_string,
    )
}

impl StoreError {
    /// Why the store can only be read, when that is what this error means: a read-only
    /// medium, no permission to write, no space left.
    pub fn read_only_cause(&self) -> Option<String> {
        let io = match self {
            StoreError::Io { cause, .. } => cause,
            StoreError::Engine {
                cause: sled::Error::Io(cause),
                ..
            } => cause,
            _ => return None,
        };
        super::only_readable(io).then(|| io.to_string())
    }
}

/// A copy of an error, for every write of a group that failed together. I/O errors are
/// copied by kind and message (`std::io::Error` is not `Clone`).
impl Clone for StoreError {
    fn clone(&self) -> Self {
        use StoreError as E;
        match self {
            E::Locked { dir, holder } => E::Locked {
                dir: dir.clone(),
                holder: holder.clone(),
            },
            E::Busy {
                dir,
                holder,
                waited,
            } => E::Busy {
                dir: dir.clone(),
                holder: holder.clone(),
                waited: *waited,
            },
            E::OwnerSilent { pid, what, waited } => E::OwnerSilent {
                pid: *pid,
                what,
                waited: *waited,
            },
            E::NotStarted { pid, waited } => E::NotStarted {
                pid: *pid,
                waited: *waited,
            },
            E::OwnerClosed { pid, maybe_written } => E::OwnerClosed {
                pid: *pid,
                maybe_written: *maybe_written,
            },
            E::OutcomeUnknown { pid, waited_s } => E::OutcomeUnknown {
                pid: *pid,
                waited_s: *waited_s,
            },
            E::Owner(m) => E::Owner(m.clone()),
            E::OwnedByDashboard { pid } => E::OwnedByDashboard { pid: *pid },
            E::Unsafe { path, why } => E::Unsafe {
                path: path.clone(),
                why: *why,
            },
            E::DiskFull { dir, free, needed } => E::DiskFull {
                dir: dir.clone(),
                free: *free,
                needed: *needed,
            },
            E::ReadOnly { dir, why } => E::ReadOnly {
                dir: dir.clone(),
                why: why.clone(),
            },
            E::UnknownIncident(id) => E::UnknownIncident(*id),
            E::AlreadyExists(id) => E::AlreadyExists(*id),
            E::Rejected { id, detail } => E::Rejected {
                id: *id,
                detail: detail.clone(),
            },
            E::Corrupt { id, detail } => E::Corrupt {
                id: *id,
                detail: detail.clone(),
            },
            E::IndexDamaged { dir, cause } => E::IndexDamaged {
                dir: dir.clone(),
                cause: cause.clone(),
            },
            E::ImportConflict(id) => E::ImportConflict(*id),
            E::Directory(m) => E::Directory(m.clone()),
            E::SchemaTooNew {
                dir,
                found,
                supported,
            } => E::SchemaTooNew {
                dir: dir.clone(),
                found: *found,
                supported: *supported,
            },
            E::Io { what, path, cause } => E::Io {
                what,
                path: path.clone(),
                cause: std::io::Error::new(cause.kind(), cause.to_string()),
            },
            E::Engine { dir, cause } => E::Engine {
                dir: dir.clone(),
                cause: cause.clone(),
            },
        }
    }
}
