//! The owner's side of the socket. Each connection has its own thread, so a silent,
//! slow or stopped client holds up nobody but itself; every read and write on it has a
//! deadline and every line a length limit. Reads of the store are answered on that
//! thread; writes go to the owner's single writer, in order, each with the expiry its
//! client gave it: a write its client has given up on is dropped, never carried out
//! late. Followers are fed by a thread of their own through a bounded queue, so the
//! dashboard never waits on a follower's socket.

use super::peer::{check_peer, peer};
use super::protocol::{
    Answer, Greeting, Hello, Op, Request, Response, Role, Update, VERSION, WireError, wrap_all,
};
use super::socket_path;
use super::wire::{Lines, encode, monotonic_ms, send, write_all};
use crate::store::{Store, StoreError};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::time::{Duration, Instant};

/// How long a new connection has to say who it is.
const HELLO_DEADLINE: Duration = Duration::from_secs(2);
const HELLO_LIMIT: usize = 4096;
/// The longest request line: an imported journal travels in one (a larger journal is
/// imported with the dashboard closed).
pub const REQUEST_LIMIT: usize = 16 << 20;
/// A client connection with no request for this long is closed (a client that was busy
/// longer reconnects first, see `RemoteStore`).
pub const IDLE: Duration = Duration::from_secs(60);
/// How long the owner tries to write one answer or update to a peer that is not reading.
const WRITE_DEADLINE: Duration = Duration::from_secs(5);
/// After its expiry, how long a write already started may take before the connection
/// gives up waiting for it (the client waits as long).
pub const GRACE: Duration = Duration::from_secs(2);
/// Connections served at once; more are told so and closed.
const MAX_CONNECTIONS: usize = 32;
/// Updates queued for one follower before it is dropped as too slow (it can reconnect).
const FOLLOWER_QUEUE: usize = 256;
/// A follower hears from the owner at least this often.
pub const HEARTBEAT: Duration = Duration::from_secs(2);

/// Where a write sent by a client stands. It moves once, from `PENDING`, either to
/// `STARTED` (the writer is carrying it out: its client waits for the outcome) or to
/// `CANCELLED` (its client was told nothing was written: the writer drops it).
const PENDING: u8 = 0;
const STARTED: u8 = 1;
const CANCELLED: u8 = 2;

/// How long a client is kept waiting, past its own wait, for a write the writer has
/// started (a disk that answers slowly) before it is told the outcome is unknown.
pub const STARTED_PATIENCE: Duration = Duration::from_secs(30);

/// A write sent by a client, for the owner's writer to carry out or drop.
pub struct WriteJob {
    pub op: Op,
    /// Who sent it, as the kernel says (`SO_PEERCRED`): the writer records an append
    /// under the roster member of this user, never under the name it carries.
    pub uid: u32,
    expires_ms: u64,
    state: Arc<AtomicU8>,
    reply: SyncSender<Result<Answer, WireError>>,
}

impl WriteJob {
    /// Whether its client has given up on it (expired, or told it was not done): then
    /// it must not be carried out.
    pub fn abandoned(&self) -> bool {
        self.state.load(Ordering::SeqCst) == CANCELLED || monotonic_ms() > self.expires_ms
    }

    /// Claims the write for the writer, right before it is carried out; false if its
    /// client has given up on it (then it must be dropped, unanswered: it was told).
    pub fn start(&self) -> bool {
        if monotonic_ms() > self.expires_ms {
            let _ =
                self.state
                    .compare_exchange(PENDING, CANCELLED, Ordering::SeqCst, Ordering::SeqCst);
        }
        self.state
            .compare_exchange(PENDING, STARTED, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// Answers the client (it may have gone; then nobody hears).
    pub fn answer(&self, result: Result<Answer, WireError>) {
        let _ = self.reply.try_send(result);
    }
}

/// What a connection brings to the owner's loop or writer.
pub enum Incoming {
    /// A dashboard or wall that wants the snapshot and then every update.
    Follower(FollowerLink),
    Write(WriteJob),
}

/// Serving the socket; the socket file is removed when this is dropped.
pub struct Server {
    path: PathBuf,
    /// Connections between reading a request and having sent its answer.
    answering: Arc<AtomicUsize>,
}

impl Server {
    /// Takes the socket away: no new connection (those open are still answered).
    pub fn stop_accepting(&self) {
        let _ = std::fs::remove_file(&self.path);
    }

    /// Waits, at most `patience`, for every answer being written to be sent: the
    /// process must not end before a command has heard what became of its write.
    pub fn settle(&self, patience: Duration) {
        let deadline = Instant::now() + patience;
        while self.answering.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Serves the store in `dir`: reads answered from `store`, writes and followers handed
/// to `submit` (which returns false once the owner is closing).
pub fn serve(
    dir: &Path,
    store: Arc<dyn Store + Send + Sync>,
    submit: impl Fn(Incoming) -> bool + Send + Sync + 'static,
) -> std::io::Result<Server> {
    let path = socket_path(dir);
    // A socket left by an owner that died: we hold the store's lock, so it is stale.
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            &path,
            std::fs::Permissions::from_mode(crate::store::sharing().socket_mode()),
        )?;
    }
    let submit = Arc::new(submit);
    let open = Arc::new(AtomicUsize::new(0));
    let answering = Arc::new(AtomicUsize::new(0));
    let counting = Arc::clone(&answering);
    let shown_path = path.clone();
    std::thread::Builder::new()
        .name("warroom-accept".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let mut stream = match stream {
                    Ok(stream) => stream,
                    Err(e) => {
                        // Out of file handles, say: wait rather than spin.
                        tracing::warn!(error = %e, "cannot accept a connection");
                        std::thread::sleep(Duration::from_millis(100));
                        continue;
                    }
                };
                if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                    open.fetch_sub(1, Ordering::SeqCst);
                    let refused = Greeting::Refused {
                        reason: format!(
                            "the dashboard already serves {MAX_CONNECTIONS} connections; try again"
                        ),
                    };
                    let _ = send(
                        &mut stream,
                        &refused,
                        Instant::now() + Duration::from_millis(100),
                    );
                    continue;
                }
                let (store, submit, open, path, answering) = (
                    Arc::clone(&store),
                    Arc::clone(&submit),
                    Arc::clone(&open),
                    shown_path.clone(),
                    Arc::clone(&counting),
                );
                let spawned = std::thread::Builder::new()
                    .name("warroom-conn".into())
                    .spawn(move || {
                        connection(stream, &*store, &*submit, &path, &answering);
                        open.fetch_sub(1, Ordering::SeqCst);
                    });
                if let Err(e) = spawned {
                    tracing::warn!(error = %e, "cannot start a connection thread");
                }
            }
        })?;
    Ok(Server { path, answering })
}

fn connection(
    mut stream: UnixStream,
    store: &(dyn Store + Send + Sync),
    submit: &(dyn Fn(Incoming) -> bool + Send + Sync),
    path: &Path,
    answering: &AtomicUsize,
) {
    let caller = match peer(&stream) {
        Ok(caller) => caller,
        Err(e) => {
            tracing::warn!(error = %e, "cannot tell who connected");
            return;
        }
    };
    if let Err(e) = check_peer(caller, path) {
        tracing::warn!(pid = caller.pid, uid = caller.uid, "refused: {e}");
        return;
    }
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut lines = Lines::new(read_half, HELLO_LIMIT);
    let hello = match lines.next_before(Instant::now() + HELLO_DEADLINE) {
        Ok(Some(line)) => serde_json::from_slice::<Hello>(&line).ok(),
        _ => None,
    };
    let Some(hello) = hello else {
        return;
    };
    if hello.version != VERSION {
        let refused = Greeting::Refused {
            reason: format!(
                "the dashboard runs another version of warroom (protocol {VERSION}, this command {}); use the same warroom for both",
                hello.version
            ),
        };
        let _ = send(&mut stream, &refused, Instant::now() + WRITE_DEADLINE);
        return;
    }
    let welcome = Greeting::Welcome {
        version: VERSION,
        pid: std::process::id(),
    };
    if send(&mut stream, &welcome, Instant::now() + WRITE_DEADLINE).is_err() {
        return;
    }
    match hello.role {
        Role::Follower => {
            let present = crate::app::Present {
                login: crate::identity::login::login_of(caller.uid)
                    .unwrap_or_else(|| format!("uid {}", caller.uid)),
                handle: hello.seat.handle,
                wall: hello.seat.wall,
                since: chrono::Utc::now(),
            };
            submit(Incoming::Follower(FollowerLink::start(stream, present)));
        }
        Role::Client => {
            lines.set_limit(REQUEST_LIMIT);
            serve_client(stream, lines, store, submit, answering, caller.uid);
        }
    }
}

fn serve_client(
    mut stream: UnixStream,
    mut lines: Lines,
    store: &(dyn Store + Send + Sync),
    submit: &(dyn Fn(Incoming) -> bool + Send + Sync),
    answering: &AtomicUsize,
    uid: u32,
) {
    loop {
        let line = match lines.next_before(Instant::now() + IDLE) {
            Ok(Some(line)) => line,
            Ok(None) => return,
            Err(e) => {
                tracing::debug!(error = %e, "a client connection ends");
                return;
            }
        };
        answering.fetch_add(1, Ordering::SeqCst);
        let response = match serde_json::from_slice::<Request>(&line) {
            Ok(request) => Response {
                id: request.id,
                result: carry_out(request, store, submit, uid),
            },
            Err(e) => Response {
                id: 0,
                result: Err(WireError::Other {
                    message: format!("a request that does not parse: {e}"),
                }),
            },
        };
        let sent = send(&mut stream, &response, Instant::now() + WRITE_DEADLINE);
        answering.fetch_sub(1, Ordering::SeqCst);
        if sent.is_err() {
            return;
        }
    }
}

fn carry_out(
    request: Request,
    store: &(dyn Store + Send + Sync),
    submit: &(dyn Fn(Incoming) -> bool + Send + Sync),
    uid: u32,
) -> Result<Answer, WireError> {
    if !request.op.writes() {
        return read(store, &request.op).map_err(|e| WireError::from(&e));
    }
    let (reply, answer) = sync_channel(1);
    let state = Arc::new(AtomicU8::new(PENDING));
    let job = WriteJob {
        op: request.op,
        uid,
        expires_ms: request.expires_ms,
        state: Arc::clone(&state),
        reply,
    };
    if !submit(Incoming::Write(job)) {
        return Err(WireError::Closing { started: false });
    }
    let wait = Duration::from_millis(request.expires_ms.saturating_sub(monotonic_ms())) + GRACE;
    match answer.recv_timeout(wait) {
        Ok(result) => return result,
        Err(RecvTimeoutError::Disconnected) => {
            let started = state.load(Ordering::SeqCst) == STARTED;
            return Err(WireError::Closing { started });
        }
        Err(RecvTimeoutError::Timeout) => {}
    }
    // Not started by now: it never will be, and the client may say nothing was written.
    match state.compare_exchange(PENDING, CANCELLED, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) | Err(CANCELLED) => return Err(WireError::Expired),
        Err(_) => {}
    }
    // Started: its outcome is what the client must hear, within reason.
    match answer.recv_timeout(STARTED_PATIENCE) {
        Ok(result) => result,
        Err(RecvTimeoutError::Disconnected) => Err(WireError::Closing { started: true }),
        Err(RecvTimeoutError::Timeout) => Err(WireError::Unknown {
            waited_s: (wait + STARTED_PATIENCE).as_secs(),
        }),
    }
}

fn read(store: &dyn Store, op: &Op) -> Result<Answer, StoreError> {
    Ok(match op {
        Op::List => Answer::List(store.list()?),
        Op::Summary { id } => Answer::Summary(store.summary(*id)?),
        Op::Records { id } => Answer::Records(wrap_all(store.records(*id)?)),
        Op::DirectoryRecords => Answer::Records(wrap_all(store.directory_records()?)),
        Op::TakenIds => Answer::Ids(store.taken_ids()?),
        Op::Damaged => Answer::Damaged(store.damaged()?),
        Op::RebuiltAt => Answer::Text(store.index_rebuilt_at()?),
        Op::Append { .. }
        | Op::AppendDirectory { .. }
        | Op::Import { .. }
        | Op::ReindexUnlisted
        | Op::Verified { .. } => {
            return Err(StoreError::Owner("a write sent as a read".into()));
        }
    })
}

/// One follower: its updates go through a bounded queue to a thread that writes them
/// with a deadline, and pings when there is nothing to say.
pub struct FollowerLink {
    queue: SyncSender<Arc<[u8]>>,
    /// Who follows, as the kernel and its hello said.
    pub present: crate::app::Present,
    /// Cleared when its thread ends (the follower went away or could not keep up).
    alive: Arc<AtomicBool>,
}

impl FollowerLink {
    fn start(mut stream: UnixStream, present: crate::app::Present) -> Self {
        let (queue, lines) = sync_channel::<Arc<[u8]>>(FOLLOWER_QUEUE);
        let ping: Arc<[u8]> = encode(&Update::Ping).unwrap_or_default().into();
        let alive = Arc::new(AtomicBool::new(true));
        let living = Arc::clone(&alive);
        let spawned = std::thread::Builder::new()
            .name("warroom-follower".into())
            .spawn(move || {
                // Whichever way the thread ends, the follower is gone.
                struct Gone(Arc<AtomicBool>);
                impl Drop for Gone {
                    fn drop(&mut self) {
                        self.0.store(false, Ordering::SeqCst);
                    }
                }
                let _gone = Gone(living);
                loop {
                    let line = match lines.recv_timeout(HEARTBEAT) {
                        Ok(line) => line,
                        Err(RecvTimeoutError::Timeout) => Arc::clone(&ping),
                        Err(RecvTimeoutError::Disconnected) => return,
                    };
                    if write_all(&mut stream, &line, Instant::now() + WRITE_DEADLINE).is_err() {
                        // Dropping the stream closes it; the follower sees the owner
                        // gone and can follow again.
                        return;
                    }
                }
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "cannot start a follower thread");
            alive.store(false, Ordering::SeqCst);
        }
        FollowerLink {
            queue,
            present,
            alive,
        }
    }

    /// Queues a line; false if the follower has gone or fell too far behind.
    fn send(&self, line: &Arc<[u8]>) -> bool {
        match self.queue.try_send(Arc::clone(line)) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => false,
        }
    }
}

/// The followers of an owner.
#[derive(Default)]
pub struct Followers {
    links: Vec<FollowerLink>,
    /// Whether one came or went since `joined_or_left` was last asked.
    changed: bool,
}

impl Followers {
    /// A new follower, which first gets the whole picture.
    pub fn add(&mut self, link: FollowerLink, snapshot: &Update) {
        match encode(snapshot) {
            Ok(line) => {
                if link.send(&line.into()) {
                    self.links.push(link);
                    self.changed = true;
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot encode a snapshot"),
        }
    }

    /// Sends `update` to every follower; drops those that went away or fell behind.
    pub fn send(&mut self, update: &Update) {
        if self.links.is_empty() {
            return;
        }
        match encode(update) {
            Ok(line) => {
                let line: Arc<[u8]> = line.into();
                self.keep(|f| f.send(&line));
            }
            Err(e) => tracing::warn!(error = %e, "cannot encode an update"),
        }
    }

    /// Drops the followers whose connection has ended (their thread says so), and
    /// whether anyone came or went since last asked.
    pub fn joined_or_left(&mut self) -> bool {
        self.keep(|f| f.alive.load(Ordering::SeqCst));
        std::mem::take(&mut self.changed)
    }

    fn keep(&mut self, keep: impl FnMut(&FollowerLink) -> bool) {
        let before = self.links.len();
        self.links.retain(keep);
        self.changed |= self.links.len() != before;
    }

    /// Who follows now, in the order they came.
    pub fn present(&self) -> Vec<crate::app::Present> {
        self.links.iter().map(|f| f.present.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }
}
