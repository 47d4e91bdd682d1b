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
    /// The author's signature could not be made (a key missing or locked, an agent that
    /// does not answer): nothing was written. The reason is already worded.
    #[error("not signed, nothing written: {0}")]
    NotSigned(String),
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
    /// The store was opened read-only (read-only medium, or a full disk): `why` is
    /// the kind of the error that made it so.
    #[error("the store in {} is open read-only ({why}); nothing can be written to it", dir.display())]
    ReadOnly {
        dir: PathBuf,
        why: std::io::ErrorKind,
    },
    #[error("no incident {0} in this store")]
    UnknownIncident(IncidentId),
    #[error("incident {0} already exists")]
    AlreadyExists(IncidentId),
    #[error("incident {id}: {problem}")]
    Rejected { id: IncidentId, problem: Problem },
    #[error("incident {id} is damaged: {problem}")]
    Corrupt { id: IncidentId, problem: Problem },
    /// The index (a cache of the journals) cannot be read; it can be rebuilt.
    #[error(
        "the index of the store ({}) is damaged ({problem}); the journals hold everything: run `warroom repair` to rebuild it from them",
        dir.display()
    )]
    IndexDamaged { dir: PathBuf, problem: Problem },
    #[error("incident {0} already exists here with a different journal; nothing imported")]
    ImportConflict(IncidentId),
    #[error("the contact directory: {0}")]
    Directory(Problem),
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
    #[error("{step} {}: {cause}", path.display())]
    Io {
        step: IoStep,
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("storage engine error in {}: {cause}", dir.display())]
    Engine { dir: PathBuf, cause: sled::Error },
    /// A write to this database failed earlier in this process: sled keeps its lock on
    /// it, so it cannot be opened again before warroom restarts.
    #[error(
        "storage engine error in {}: a write to this database failed and sled cannot open it again in this process: restart warroom (nothing that was saved is lost)",
        dir.display()
    )]
    Unreopenable { dir: PathBuf },
    /// The owner's writer panicked carrying out this write: it was not carried out.
    #[error("internal error: this change was not carried out (see warroom.log)")]
    Internal,
}

/// The step of a file or socket operation that failed, said before the path
/// ([`StoreError::Io`]). Its `Display` is the English of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IoStep {
    /// Flushing a database's files to the disk.
    Sync,
    OpenLockFile,
    Lock,
    CreateDataDir,
    Read,
    Remove,
    /// Renaming a damaged index aside before rebuilding it.
    MoveAside,
    /// The folder holds neither index nor journals (a read-only open).
    NoStore,
    /// Making the private folder a read-only store is copied to.
    MakePrivateCopy,
    /// Copying a database into that folder.
    Copy,
    /// A read waited too long for a write in progress on the same journal.
    WaitForWrite,
    /// Connecting to the socket of the dashboard that owns the store.
    Connect,
    /// Asking the system which process answers on that socket.
    IdentifyPeer,
    /// Using the connection (a second handle on it).
    UseConnection,
}

impl IoStep {
    pub const ALL: [IoStep; 14] = [
        IoStep::Sync,
        IoStep::OpenLockFile,
        IoStep::Lock,
        IoStep::CreateDataDir,
        IoStep::Read,
        IoStep::Remove,
        IoStep::MoveAside,
        IoStep::NoStore,
        IoStep::MakePrivateCopy,
        IoStep::Copy,
        IoStep::WaitForWrite,
        IoStep::Connect,
        IoStep::IdentifyPeer,
        IoStep::UseConnection,
    ];

    /// The English said before the path, for the log.
    pub fn english(self) -> &'static str {
        match self {
            IoStep::Sync => "cannot sync",
            IoStep::OpenLockFile => "cannot open the lock file",
            IoStep::Lock => "cannot lock",
            IoStep::CreateDataDir => "cannot create the data directory",
            IoStep::Read => "cannot read",
            IoStep::Remove => "cannot remove",
            IoStep::MoveAside => "cannot move aside",
            IoStep::NoStore => "no store in",
            IoStep::MakePrivateCopy => "cannot make a private copy to read",
            IoStep::Copy => "cannot copy",
            IoStep::WaitForWrite => "a write in progress for too long in",
            IoStep::Connect => "cannot connect to",
            IoStep::IdentifyPeer => "cannot tell who serves",
            IoStep::UseConnection => "cannot use",
        }
    }
}

impl std::fmt::Display for IoStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

/// A text in a journal that may not hold a control character, named in
/// [`Problem::ControlCharacter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Author,
    PhaseId,
    ItemId,
    ClockId,
    ContactId,
    EvidenceReference,
    ScenarioId,
    InjectAuthor,
    ObservableValue,
    ObservableId,
    AssetName,
    AssetOwner,
    AssetId,
    AttackStepId,
    AttackStepLink,
    /// A roster member's handle, roles or login.
    MemberHandle,
    MemberKey,
}

impl Part {
    pub const ALL: [Part; 17] = [
        Part::Author,
        Part::PhaseId,
        Part::ItemId,
        Part::ClockId,
        Part::ContactId,
        Part::EvidenceReference,
        Part::ScenarioId,
        Part::InjectAuthor,
        Part::ObservableValue,
        Part::ObservableId,
        Part::AssetName,
        Part::AssetOwner,
        Part::AssetId,
        Part::AttackStepId,
        Part::AttackStepLink,
        Part::MemberHandle,
        Part::MemberKey,
    ];

    /// The English name, for the log.
    pub fn english(self) -> &'static str {
        match self {
            Part::Author => "the author",
            Part::PhaseId => "the phase id",
            Part::ItemId => "the item id",
            Part::ClockId => "the clock id",
            Part::ContactId => "the contact id",
            Part::EvidenceReference => "the evidence reference",
            Part::ScenarioId => "the scenario id",
            Part::InjectAuthor => "the inject author",
            Part::ObservableValue => "the value of the observable",
            Part::ObservableId => "the observable id",
            Part::AssetName => "the asset's name",
            Part::AssetOwner => "the asset's owner",
            Part::AssetId => "the asset id",
            Part::AttackStepId => "the attack step id",
            Part::AttackStepLink => "a tactic, technique, observable or asset of an attack step",
            Part::MemberHandle => "a roster member's handle, roles or login",
            Part::MemberKey => "a roster member's public key",
        }
    }

    /// The last part of its message ids (`part-…`).
    pub fn slug(self) -> &'static str {
        match self {
            Part::Author => "author",
            Part::PhaseId => "phase-id",
            Part::ItemId => "item-id",
            Part::ClockId => "clock-id",
            Part::ContactId => "contact-id",
            Part::EvidenceReference => "evidence-reference",
            Part::ScenarioId => "scenario-id",
            Part::InjectAuthor => "inject-author",
            Part::ObservableValue => "observable-value",
            Part::ObservableId => "observable-id",
            Part::AssetName => "asset-name",
            Part::AssetOwner => "asset-owner",
            Part::AssetId => "asset-id",
            Part::AttackStepId => "attack-step-id",
            Part::AttackStepLink => "attack-step-link",
            Part::MemberHandle => "member-handle",
            Part::MemberKey => "member-key",
        }
    }
}

/// What is wrong with a journal, a batch or the index ([`StoreError::Rejected`],
/// [`StoreError::Corrupt`], [`StoreError::Directory`], [`StoreError::IndexDamaged`]):
/// numbers, ids and paths, worded in the reader's language at the edge. A `cause` is a
/// parser's own message (serde_json's, English), shown as a technical detail only.
/// Its `Display` is the English of the log (and of the damage recorded in the index).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    #[error("nothing to append")]
    NothingToAppend,
    /// A signed write names an item, evidence or step id another write took meanwhile:
    /// it cannot be renumbered without breaking its author's signature.
    #[error(
        "an id it names was taken meanwhile by another write, and a signed write cannot be renumbered; nothing was written: run it again"
    )]
    TakenMeanwhile,
    /// A write through the owner by a Unix user no member of the incident's roster
    /// logs in as (the kernel says who connected).
    #[error(
        "{login} (uid {uid}) is not on this incident's roster, so nothing was written; a member adds you with `warroom identity add ID --handle HANDLE --name NAME --key YOUR_PUBLIC_KEY --unix-user {login}`"
    )]
    NotOnRoster { login: String, uid: u32 },
    /// A write by a member who may only follow the incident.
    #[error("{handle} may follow this incident but not write to it (read-only on its roster)")]
    ReadOnlyMember { handle: String },
    /// A signed write whose key is not that of a member logging in as the Unix user
    /// who sent it: someone else's key, refused rather than recorded under either.
    #[error(
        "the write is signed with a key the roster does not give to {login}, the Unix user who sent it; nothing was written: sign with your own key"
    )]
    SignedAsAnother { login: String },
    /// An unsigned write from a login several members share: it cannot say whose it is.
    #[error(
        "several members of this incident log in as {login}, so an unsigned write cannot say whose it is; nothing was written: write it signed (without --unsigned)"
    )]
    SharedLoginUnsigned { login: String },
    /// A write to an incident with a roster, neither signed nor said to be unsigned
    /// (its writer has no identity).
    #[error(
        "this incident's writes are signed and this one is not; nothing was written: make your identity (`warroom identity init`) and have a member add you, or write it with --unsigned"
    )]
    UnsignedUnsaid,
    #[error("the declaration names another id")]
    DeclarationNamesAnotherId,
    #[error("a journal can be declared only once")]
    DeclaredOnlyOnce,
    #[error("no declaration")]
    NoDeclaration,
    #[error("only contact changes belong in the directory")]
    NotAContactChange,
    #[error("the journal does not start with its declaration")]
    NotStartedByDeclaration,
    #[error("its first event is not a declaration")]
    FirstNotDeclaration,
    /// Event `event` (from 1) is not JSON warroom reads.
    #[error("event {event} does not parse: {cause}")]
    Unparsable { event: u64, cause: String },
    /// The hash chain of an imported journal breaks at `event`; `reason` is the
    /// chain check's own words.
    #[error("event {event}: {reason}")]
    ChainBroken { event: u64, reason: String },
    #[error("event #{event}: {} `{}` holds a control character", part.english(), text.escape_debug())]
    ControlCharacter {
        event: u64,
        part: Part,
        text: String,
    },
    #[error(
        "event #{event}: the evidence {reference} has the sha256 `{}`, expected 64 lower-case hex digits",
        hash.escape_debug()
    )]
    BadSha256 {
        event: u64,
        reference: String,
        hash: String,
    },
    #[error("the journal is empty")]
    JournalEmpty,
    #[error("event {event} should declare the incident but records something else")]
    NotDeclaredFirst { event: u64 },
    #[error("event {event} declares the incident a second time")]
    DeclaredTwice { event: u64 },
    /// The journal ends before the event the index recorded as its last.
    #[error(
        "its journal holds {holds} events but the index recorded {recorded} (last hash {hash}…): events {}–{recorded} are missing. A copy of the journal older than the index was restored, or the journal was damaged; nothing was written (run warroom verify)",
        holds + 1
    )]
    JournalShort {
        holds: u64,
        recorded: u64,
        /// The first characters of the hash recorded.
        hash: String,
    },
    /// The journal does not hold the event the index recorded.
    #[error(
        "its journal does not contain the event the index recorded as event {recorded} (hash {hash}…): the journal was replaced or altered; nothing was written (run warroom verify)"
    )]
    JournalReplaced { recorded: u64, hash: String },
    /// The journal in `path` declares another incident than its folder names.
    #[error(
        "the journal in {} is incident {declared}'s, not {expected}'s: journal folders were swapped or copied by hand; nothing was written",
        path.display()
    )]
    JournalSwapped {
        #[serde(with = "lossy_path")]
        path: PathBuf,
        declared: IncidentId,
        expected: IncidentId,
    },
    #[error("its database {} does not open: damaged data (run warroom verify)", path.display())]
    DatabaseDamaged {
        #[serde(with = "lossy_path")]
        path: PathBuf,
    },
    #[error("its journal {} is missing", path.display())]
    JournalMissing {
        #[serde(with = "lossy_path")]
        path: PathBuf,
    },
    /// An entry of the index does not parse.
    #[error("an entry does not parse: {cause}")]
    EntryUnparsable { cause: String },
    /// An entry could not be made into JSON.
    #[error("{cause}")]
    EntryUnwritable { cause: String },
    /// The index's database reports damaged data.
    #[error("its database reports damaged data")]
    IndexReportsDamage,
}

/// Why a data directory or socket is not safe to use (said with the fix).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Exposure {
    #[error("this data directory belongs to user id {owner}, not to you ({me})")]
    DirectoryNotYours { owner: u32, me: u32 },
    #[error("this data directory is open to other users (mode {mode:o})")]
    DirectoryOpen { mode: u32 },
    /// A folder shared on purpose (sticky, as `/tmp`): it is not to be made private.
    #[error("this is a folder shared by every user, not a data directory")]
    DirectoryShared,
    /// On a shared host: a directory that is not the configured group's alone (mode
    /// 2770 and that group).
    #[error(
        "this data directory is not shared with group {group} alone (mode {mode:o}): it must be the group's, with mode 2770"
    )]
    DirectoryNotShared { mode: u32, group: String },
    #[error("this is not a socket")]
    NotASocket,
    #[error("this socket belongs to user id {owner}, not to you ({me}); nothing was sent to it")]
    SocketNotYours { owner: u32, me: u32 },
    #[error("this socket is open to other users (mode {mode:o}); nothing was sent to it")]
    SocketOpen { mode: u32 },
    /// On a shared host: a socket that is not the configured group's alone.
    #[error(
        "this socket is not shared with group {group} alone (mode {mode:o}); nothing was sent to it"
    )]
    SocketNotShared { mode: u32, group: String },
    #[error(
        "the process answering on this socket (pid {pid}) runs as user id {uid}, not as you ({me}); nothing was sent to it"
    )]
    PeerNotYou { pid: u32, uid: u32, me: u32 },
    /// On a shared host: the process at the other end is neither this user nor a
    /// member of the group.
    #[error(
        "the process at the other end of this socket (pid {pid}) runs as user id {uid}, who is not in group {group}; nothing was exchanged"
    )]
    PeerNotInGroup { pid: u32, uid: u32, group: String },
}

/// A path on the owner/client socket: as text, replacing what is not UTF-8, so that any
/// path crosses (serde refuses a path that is not UTF-8).
mod lossy_path {
    use std::path::{Path, PathBuf};

    pub fn serialize<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&path.to_string_lossy())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        <String as serde::Deserialize>::deserialize(d).map(PathBuf::from)
    }
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
    pub fn read_only_cause(&self) -> Option<std::io::ErrorKind> {
        let io = match self {
            StoreError::Io { cause, .. } => cause,
            StoreError::Engine {
                cause: sled::Error::Io(cause),
                ..
            } => cause,
            _ => return None,
        };
        super::only_readable(io).then(|| io.kind())
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
            E::NotSigned(why) => E::NotSigned(why.clone()),
            E::OwnedByDashboard { pid } => E::OwnedByDashboard { pid: *pid },
            E::Unsafe { path, why } => E::Unsafe {
                path: path.clone(),
                why: why.clone(),
            },
            E::DiskFull { dir, free, needed } => E::DiskFull {
                dir: dir.clone(),
                free: *free,
                needed: *needed,
            },
            E::ReadOnly { dir, why } => E::ReadOnly {
                dir: dir.clone(),
                why: *why,
            },
            E::UnknownIncident(id) => E::UnknownIncident(*id),
            E::AlreadyExists(id) => E::AlreadyExists(*id),
            E::Rejected { id, problem } => E::Rejected {
                id: *id,
                problem: problem.clone(),
            },
            E::Corrupt { id, problem } => E::Corrupt {
                id: *id,
                problem: problem.clone(),
            },
            E::IndexDamaged { dir, problem } => E::IndexDamaged {
                dir: dir.clone(),
                problem: problem.clone(),
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
            E::Io { step, path, cause } => E::Io {
                step: *step,
                path: path.clone(),
                cause: std::io::Error::new(cause.kind(), cause.to_string()),
            },
            E::Engine { dir, cause } => E::Engine {
                dir: dir.clone(),
                cause: cause.clone(),
            },
            E::Unreopenable { dir } => E::Unreopenable { dir: dir.clone() },
            E::Internal => E::Internal,
        }
    }
}
