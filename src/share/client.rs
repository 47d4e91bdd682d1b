//! The client's side: a command works on the owner's store through [`RemoteStore`] (the
//! command itself runs here, in its own process, language and working directory; only
//! store operations cross the socket), and a dashboard follows through [`follow`].
//! Nothing is sent before the socket and the process behind it are known to be this
//! user's, and nothing is waited for past a deadline.

use super::peer::{check_peer, check_socket_file, peer};
use super::protocol::{
    Answer, Greeting, Hello, Op, Request, Response, Role, Seat, Update, VERSION, unwrap_all,
    wrap_all,
};
use super::server::{GRACE, HEARTBEAT, IDLE, STARTED_PATIENCE};
use super::socket_path;
use super::wire::{Lines, millis, monotonic_ms, send};
use crate::domain::{Event, IncidentId, IncidentSummary};
use crate::store::{IoStep, NewEvent, Store, StoreError};
use std::io::ErrorKind;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The longest line accepted from the owner (a snapshot or a journal of a long
/// incident); the owner is known to be this user.
const ANSWER_LIMIT: usize = 1 << 30;
/// A follower that hears nothing for this long says the owner is not answering.
const SILENCE: Duration = Duration::from_secs(3 * HEARTBEAT.as_secs());

/// A connection to the owner, greeted.
pub struct Connection {
    stream: UnixStream,
    lines: Lines,
    /// The owner's process id, as the kernel reports it.
    pub pid: u32,
}

/// Connects to the owner of the store in `dir`, as `role`. `Ok(None)` when nobody
/// serves the socket (no owner, or one that died and left its socket behind).
pub fn connect(dir: &Path, role: Role, wait: Duration) -> Result<Option<Connection>, StoreError> {
    connect_seated(dir, role, &Seat::default(), wait)
}

/// [`connect`], saying who sits at this follower (shown to the others as present).
pub fn connect_seated(
    dir: &Path,
    role: Role,
    seat: &Seat,
    wait: Duration,
) -> Result<Option<Connection>, StoreError> {
    let path = socket_path(dir);
    if !check_socket_file(&path)? {
        return Ok(None);
    }
    let mut stream = match UnixStream::connect(&path) {
        Ok(stream) => stream,
        Err(e) if matches!(e.kind(), ErrorKind::ConnectionRefused | ErrorKind::NotFound) => {
            return Ok(None);
        }
        Err(cause) => {
            return Err(StoreError::Io {
                step: IoStep::Connect,
                path,
                cause,
            });
        }
    };
    let owner = peer(&stream).map_err(|cause| StoreError::Io {
        step: IoStep::IdentifyPeer,
        path: path.clone(),
        cause,
    })?;
    check_peer(owner, &path)?;
    let silent = |what| StoreError::OwnerSilent {
        pid: owner.pid,
        what,
        waited: wait,
    };
    let deadline = Instant::now() + wait;
    let hello = Hello {
        version: VERSION,
        role,
        seat: seat.clone(),
    };
    send(&mut stream, &hello, deadline).map_err(|_| silent("the connection"))?;
    let read_half = stream.try_clone().map_err(|cause| StoreError::Io {
        step: IoStep::UseConnection,
        path: path.clone(),
        cause,
    })?;
    let mut lines = Lines::new(read_half, ANSWER_LIMIT);
    let greeting = match lines.next_before(deadline) {
        Ok(Some(line)) => serde_json::from_slice::<Greeting>(&line)
            .map_err(|e| StoreError::Owner(format!("an answer that does not parse: {e}")))?,
        // It closed at once: it is on its way out; the lock will tell.
        Ok(None) => return Ok(None),
        Err(e) if e.kind() == ErrorKind::TimedOut => return Err(silent("the connection")),
        Err(_) => return Ok(None),
    };
    match greeting {
        Greeting::Welcome { version, .. } if version == VERSION => Ok(Some(Connection {
            stream,
            lines,
            pid: owner.pid,
        })),
        Greeting::Welcome { version, .. } => Err(StoreError::Owner(format!(
            "it runs another version of warroom (protocol {version}, this command {VERSION}); use the same warroom for both"
        ))),
        Greeting::Refused { reason } => Err(StoreError::Owner(reason)),
    }
}

/// The store of a dashboard that owns it, reached through its socket. Every operation
/// is one request and one answer; a write carries an expiry after which the owner drops
/// it, and this side waits that long plus [`GRACE`], never more.
pub struct RemoteStore {
    dir: PathBuf,
    pid: u32,
    wait: Duration,
    conn: Mutex<Link>,
}

/// The connection, the last request's id and when it was answered, and whether it
/// is out of step (an answer did not come in time: a late one may still be on its way,
/// so the next request goes on a fresh connection).
struct Link {
    connection: Connection,
    last_id: u64,
    last_used: Instant,
    broken: bool,
}

impl RemoteStore {
    pub fn new(dir: &Path, connection: Connection, wait: Duration) -> Self {
        RemoteStore {
            dir: dir.to_path_buf(),
            pid: connection.pid,
            wait,
            conn: Mutex::new(Link {
                connection,
                last_id: 0,
                last_used: Instant::now(),
                broken: false,
            }),
        }
    }

    /// The owner's process id.
    pub fn owner_pid(&self) -> u32 {
        self.pid
    }

    fn call(&self, op: Op) -> Result<Answer, StoreError> {
        let mut link = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        // The owner closes a connection idle for `IDLE`: a command that worked long
        // without the store (hashing a disk image) starts a fresh one well before.
        if link.broken || link.last_used.elapsed() > IDLE / 2 {
            link.connection =
                connect(&self.dir, Role::Client, self.wait)?.ok_or(StoreError::OwnerClosed {
                    pid: self.pid,
                    maybe_written: false,
                })?;
            link.broken = false;
            link.last_used = Instant::now();
        }
        // Until an answer is read whole and matches, the link is out of step.
        link.broken = true;
        let writes = op.writes();
        // A write the owner has started is waited for (see `server::STARTED_PATIENCE`).
        let patience = if writes {
            GRACE + STARTED_PATIENCE + Duration::from_secs(1)
        } else {
            GRACE
        };
        let closed = StoreError::OwnerClosed {
            pid: self.pid,
            maybe_written: writes,
        };
        link.last_id += 1;
        let id = link.last_id;
        let started = Instant::now();
        let request = Request {
            id,
            expires_ms: monotonic_ms().saturating_add(millis(self.wait)),
            op,
        };
        let silent = || StoreError::OwnerSilent {
            pid: self.pid,
            what: "this command",
            waited: self.wait,
        };
        let conn = &mut link.connection;
        send(&mut conn.stream, &request, started + self.wait).map_err(|_| silent())?;
        let line = match conn.lines.next_before(started + self.wait + patience) {
            Ok(Some(line)) => line,
            Ok(None) => return Err(closed),
            Err(e) if e.kind() == ErrorKind::TimedOut => return Err(silent()),
            Err(_) => return Err(closed),
        };
        let response: Response = serde_json::from_slice(&line)
            .map_err(|e| StoreError::Owner(format!("an answer that does not parse: {e}")))?;
        if response.id != id {
            return Err(StoreError::Owner(format!(
                "the answer to request {} came for request {id}",
                response.id
            )));
        }
        link.last_used = Instant::now();
        link.broken = false;
        response
            .result
            .map_err(|e| e.into_store_error(self.pid, self.wait))
    }

    fn unexpected(&self, answer: &Answer) -> StoreError {
        StoreError::Owner(format!("an unexpected answer: {answer:?}"))
    }
}

impl Store for RemoteStore {
    fn list(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        match self.call(Op::List)? {
            Answer::List(list) => Ok(list),
            other => Err(self.unexpected(&other)),
        }
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        match self.call(Op::Summary { id })? {
            Answer::Summary(summary) => Ok(summary),
            other => Err(self.unexpected(&other)),
        }
    }

    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError> {
        match self.call(Op::Records { id })? {
            Answer::Records(records) => unwrap_all(records),
            other => Err(self.unexpected(&other)),
        }
    }

    /// The owner also gives a taken item id or evidence reference the next free one,
    /// against its journal, as `ops::append` does here.
    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let op = Op::Append {
            id,
            batch: batch.to_vec(),
        };
        match self.call(op)? {
            Answer::Events(events) => Ok(events),
            other => Err(self.unexpected(&other)),
        }
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError> {
        let op = Op::Import {
            id,
            records: wrap_all(records.to_vec()),
        };
        match self.call(op)? {
            Answer::Imported(done) => Ok(done),
            other => Err(self.unexpected(&other)),
        }
    }

    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        match self.call(Op::DirectoryRecords)? {
            Answer::Records(records) => unwrap_all(records),
            other => Err(self.unexpected(&other)),
        }
    }

    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        match self.call(Op::AppendDirectory {
            batch: batch.to_vec(),
        })? {
            Answer::Events(events) => Ok(events),
            other => Err(self.unexpected(&other)),
        }
    }

    fn reindex_unlisted(&self) -> Result<Vec<IncidentId>, StoreError> {
        match self.call(Op::ReindexUnlisted)? {
            Answer::Ids(ids) => Ok(ids),
            other => Err(self.unexpected(&other)),
        }
    }

    fn directory(&self) -> Option<&Path> {
        Some(&self.dir)
    }

    fn damaged(&self) -> Result<Vec<(IncidentId, String)>, StoreError> {
        match self.call(Op::Damaged)? {
            Answer::Damaged(found) => Ok(found),
            other => Err(self.unexpected(&other)),
        }
    }

    fn index_rebuilt_at(&self) -> Result<Option<String>, StoreError> {
        match self.call(Op::RebuiltAt)? {
            Answer::Text(when) => Ok(when),
            other => Err(self.unexpected(&other)),
        }
    }

    fn verified(&self, id: IncidentId) -> Result<(), StoreError> {
        match self.call(Op::Verified { id })? {
            Answer::Done => Ok(()),
            other => Err(self.unexpected(&other)),
        }
    }

    fn taken_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        match self.call(Op::TakenIds)? {
            Answer::Ids(ids) => Ok(ids),
            other => Err(self.unexpected(&other)),
        }
    }
}

/// What a follower hears.
#[derive(Debug)]
pub enum Heard {
    Update(Update),
    /// Nothing, not even a ping, for a while: the owner may be stopped.
    Silent,
    /// The owner speaks again after a silence.
    Back,
    /// The owner closed the connection (or it broke): it has gone.
    Gone,
}

/// Following the owner: the snapshot it sent first, its pid, and what it says next.
pub struct Following {
    pub snapshot: Update,
    pub pid: u32,
    pub heard: Box<dyn Iterator<Item = Heard> + Send>,
}

/// Follows the owner over `connection` (greeted as a follower): waits at most `wait`
/// for the snapshot.
pub fn follow(mut connection: Connection, wait: Duration) -> Result<Following, StoreError> {
    let pid = connection.pid;
    let snapshot = match connection.lines.next_before(Instant::now() + wait) {
        Ok(Some(line)) => serde_json::from_slice::<Update>(&line)
            .map_err(|e| StoreError::Owner(format!("a snapshot that does not parse: {e}")))?,
        Ok(None) => {
            return Err(StoreError::OwnerClosed {
                pid,
                maybe_written: false,
            });
        }
        Err(e) if e.kind() == ErrorKind::TimedOut => {
            return Err(StoreError::OwnerSilent {
                pid,
                what: "the follower",
                waited: wait,
            });
        }
        Err(_) => {
            return Err(StoreError::OwnerClosed {
                pid,
                maybe_written: false,
            });
        }
    };
    let mut lines = connection.lines;
    let mut silent = false;
    let mut ended = false;
    let mut pending: Option<Heard> = None;
    let heard = std::iter::from_fn(move || {
        if let Some(next) = pending.take() {
            return Some(next);
        }
        if ended {
            return None;
        }
        loop {
            match lines.next_before(Instant::now() + SILENCE) {
                Ok(Some(line)) => {
                    let update = serde_json::from_slice::<Update>(&line).ok();
                    let was_silent = std::mem::replace(&mut silent, false);
                    match (was_silent, update) {
                        (true, Some(Update::Ping) | None) => return Some(Heard::Back),
                        (true, Some(update)) => {
                            pending = Some(Heard::Update(update));
                            return Some(Heard::Back);
                        }
                        (false, Some(Update::Ping) | None) => {}
                        (false, Some(update)) => return Some(Heard::Update(update)),
                    }
                }
                Err(e) if e.kind() == ErrorKind::TimedOut => {
                    if !std::mem::replace(&mut silent, true) {
                        return Some(Heard::Silent);
                    }
                }
                Ok(None) | Err(_) => {
                    ended = true;
                    return Some(Heard::Gone);
                }
            }
        }
    });
    Ok(Following {
        snapshot,
        pid,
        heard: Box::new(heard),
    })
}
