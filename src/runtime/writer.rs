//! The owner's writer: one thread that carries out, in order, the app's writes and the
//! writes other processes send through the socket. Only store writes run here — a flush
//! is milliseconds; hashing evidence and writing exports run on workers — so a write
//! never waits behind a long job, and a write whose client gave up is dropped unseen.

use super::group::{GROUP_MAX, Group, Waiting};
use crate::app::{Effect, Msg};
use crate::config::Config;
use crate::ops;
use crate::share::{Answer, Op, WireError, WriteJob};
use crate::store::{NewEvent, SledStore, Store, StoreError};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::{Duration, Instant};

/// How long the writer waits for more writes when the last group showed several
/// writers at work: a fraction of one sync, which the wait saves for each that comes.
const GATHER: Duration = Duration::from_micros(300);
use tokio::sync::mpsc;

/// The name of the thread that carries out writes, known to the panic hook.
pub const WRITER_THREAD: &str = "warroom-writer";

/// Work for the writer thread.
pub enum Job {
    Effect(Effect),
    Remote(WriteJob),
    /// Finish: everything sent before is carried out, nothing after.
    Stop,
}

/// The running writer.
pub struct Writer {
    jobs: std_mpsc::Sender<Job>,
    done: std_mpsc::Receiver<()>,
    handle: std::thread::JoinHandle<()>,
}

impl Writer {
    /// A handle to send jobs from elsewhere (the socket's connections, workers).
    pub fn jobs(&self) -> std_mpsc::Sender<Job> {
        self.jobs.clone()
    }

    /// False if the writer thread has gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// Lets the writer finish what was sent before, for at most `patience`. False if it
    /// did not finish in time (a disk that stopped answering): the process may then end
    /// without it, the writes it still held never shown as saved.
    pub fn finish(self, patience: Duration) -> bool {
        let _ = self.jobs.send(Job::Stop);
        match self.done.recv_timeout(patience) {
            Ok(()) | Err(std_mpsc::RecvTimeoutError::Disconnected) => self.handle.join().is_ok(),
            Err(std_mpsc::RecvTimeoutError::Timeout) => false,
        }
    }
}

/// Starts the writer on `store`; results go to `results` as the app's messages.
pub fn spawn(
    store: Arc<SledStore>,
    config: Config,
    author: String,
    results: mpsc::UnboundedSender<Msg>,
    mark: Option<crate::identity::Mark>,
) -> std::io::Result<Writer> {
    let (jobs, rx) = std_mpsc::channel::<Job>();
    let (finished, done) = std_mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(WRITER_THREAD.into())
        .spawn(move || {
            // What this screen writes is signed here, after its ids are made free
            // (other processes' writes come signed by their authors).
            let signing = mark.map(|m| crate::identity::Signing::owning(&*store, m));
            // Who wrote a client's append is settled here, in the order writes are
            // carried out, against the roster as stored before it (see `Group::admits`).
            let rosters = crate::identity::Rosters::default();
            // Runs until told to stop (or every sender has gone). The screen going first
            // (the dashboard closing) does not stop it: commands still get their answers.
            // How many jobs the last group had: as many writers are likely at work.
            let mut last_group = 1;
            'jobs: while let Ok(first) = rx.recv() {
                // Everything already waiting is taken at once: its appends are written
                // together (group commit), the rest in order between them. When the
                // last group had several, the writer waits a little for as many (their
                // clients are still sending): one sync then serves them all.
                let mut waiting = vec![first];
                let gather_until = Instant::now() + GATHER;
                while waiting.len() < last_group.min(GROUP_MAX) {
                    match rx.recv_timeout(gather_until.saturating_duration_since(Instant::now())) {
                        Ok(job) => waiting.push(job),
                        Err(_) => break,
                    }
                }
                while waiting.len() < GROUP_MAX {
                    match rx.try_recv() {
                        Ok(job) => waiting.push(job),
                        Err(_) => break,
                    }
                }
                last_group = waiting.len();
                let mut group = Group::default();
                for job in waiting {
                    match job {
                        Job::Stop => {
                            group.commit(&store, &results);
                            break 'jobs;
                        }
                        Job::Effect(Effect::Append {
                            id,
                            changes,
                            occurred,
                        }) => {
                            let now = super::now();
                            let batch = changes
                                .into_iter()
                                .map(|c| NewEvent::new(now, author.as_str(), c).happened(occurred))
                                .collect();
                            let by = match &signing {
                                Some(signing) => By::Screen(signing),
                                None => By::AsIs,
                            };
                            join(&mut group, &store, &results, id, batch, Waiting::Screen, by);
                        }
                        Job::Remote(job) if matches!(job.op, Op::Append { .. }) => {
                            // Dropped unseen once its client has given up (it was told).
                            if job.abandoned() {
                                tracing::info!("a write whose client gave up was dropped");
                                continue;
                            }
                            let Op::Append { id, batch } = job.op.clone() else {
                                continue;
                            };
                            let by = By::Client {
                                rosters: &rosters,
                                uid: job.uid,
                            };
                            join(
                                &mut group,
                                &store,
                                &results,
                                id,
                                batch,
                                Waiting::Remote(job),
                                by,
                            );
                        }
                        Job::Effect(effect) => {
                            group.commit(&store, &results);
                            let through: &dyn Store = match &signing {
                                Some(signing) => signing,
                                None => &*store,
                            };
                            let _ = results.send(effect_result(through, &config, &author, effect));
                        }
                        Job::Remote(job) => {
                            group.commit(&store, &results);
                            if let Some(msg) = remote(&store, &job) {
                                let _ = results.send(msg);
                            }
                        }
                    }
                }
                group.commit(&store, &results);
            }
            // The index made durable and the write marks cleared, even if a reader
            // thread of the socket still holds the store.
            if let Err(e) = store.close() {
                tracing::warn!(error = %e, "closing the store");
            }
            let _ = finished.send(());
        })?;
    Ok(Writer { jobs, done, handle })
}

/// An append joins the group, made ready first (taken ids replaced by free ones); a
/// group it may not join is written first. One that cannot be made ready fails at
/// once, after the group before it (answers keep the order the writes came in).
/// Whose an append is, and what makes it theirs before it is written.
enum By<'a> {
    /// This screen's operator: signed here, once its ids are final.
    Screen(&'a crate::identity::Signing<'a>),
    /// No identity: as it is.
    AsIs,
    /// A client, signed already: its author is the roster member of its user.
    Client {
        rosters: &'a crate::identity::Rosters,
        uid: u32,
    },
}

impl By<'_> {
    /// The batch made ready to write: ids made free, then signed or authored.
    fn ready(
        &self,
        store: &SledStore,
        id: crate::domain::IncidentId,
        batch: Vec<NewEvent>,
    ) -> Result<Vec<NewEvent>, StoreError> {
        match self {
            By::Screen(signing) => signing.marked(id, &ops::ready(store, id, batch)?),
            By::AsIs => ops::ready(store, id, batch),
            By::Client { rosters, uid } => {
                let mut batch = ops::ready(store, id, batch)?;
                rosters.authored(store, id, &mut batch, *uid)?;
                Ok(batch)
            }
        }
    }
}

fn join(
    group: &mut Group,
    store: &SledStore,
    results: &mpsc::UnboundedSender<Msg>,
    id: crate::domain::IncidentId,
    batch: Vec<NewEvent>,
    waiting: Waiting,
    by: By<'_>,
) {
    let ready = catch_unwind(AssertUnwindSafe(|| {
        #[cfg(debug_assertions)]
        for new in &batch {
            if let crate::domain::Change::NoteAdded { text } = &new.change {
                injected_write_panic(text);
                injected_write_stall(text);
            }
        }
        if !group.admits(id, &batch) {
            return Err(batch);
        }
        Ok(by.ready(store, id, batch))
    }));
    let ready = match ready {
        Ok(Ok(ready)) => ready,
        // Not admitted: the group is written first, then this append starts the next.
        Ok(Err(batch)) => {
            group.commit(store, results);
            catch_unwind(AssertUnwindSafe(|| by.ready(store, id, batch)))
                .unwrap_or_else(|_| Err(StoreError::Internal))
        }
        Err(_) => Err(StoreError::Internal),
    };
    match (ready, waiting) {
        (Ok(batch), waiting) => group.push(id, batch, waiting),
        (Err(e), waiting) => {
            group.commit(store, results);
            match waiting {
                Waiting::Screen => {
                    let _ = results.send(Msg::Failed(crate::failure::Failure::from(e)));
                }
                Waiting::Remote(job) => {
                    if job.start() {
                        job.answer(Err(WireError::from(&e)));
                    }
                }
            }
        }
    }
}

/// One of the app's effects, carried out; a panic fails this write only (shown NOT
/// SAVED) instead of silently killing the thread and every write after it.
fn effect_result(store: &dyn Store, config: &Config, author: &str, effect: Effect) -> Msg {
    let msg = catch_unwind(AssertUnwindSafe(|| {
        #[cfg(debug_assertions)]
        injected_write_panic(&effect_text(&effect));
        #[cfg(debug_assertions)]
        injected_write_stall(&effect_text(&effect));
        super::effects::execute(store, config, effect, super::now(), author)
    }))
    .unwrap_or_else(|_| Msg::Failed(crate::failure::Failure::Internal));
    if let Msg::Failed(e) = &msg {
        tracing::error!(error = ?e, "write failed");
    }
    msg
}

/// A write sent by another process: dropped if its client has given up, else carried
/// out and answered; what the screen must learn of it comes back as a message.
fn remote(store: &SledStore, job: &WriteJob) -> Option<Msg> {
    if !job.start() {
        tracing::info!("a write whose client gave up was dropped");
        return None;
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| carry_out(store, &job.op)));
    match outcome {
        Ok(Ok((answer, msg))) => {
            job.answer(Ok(answer));
            msg
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a write sent by another process failed");
            job.answer(Err(WireError::from(&e)));
            None
        }
        Err(_) => {
            job.answer(Err(WireError::Other {
                message: crate::text::internal_error(),
            }));
            None
        }
    }
}

fn carry_out(store: &SledStore, op: &Op) -> Result<(Answer, Option<Msg>), StoreError> {
    Ok(match op {
        Op::AppendDirectory { batch } => {
            let events = store.append_directory(batch)?;
            let msg = Msg::DirectoryWritten(events.clone());
            (Answer::Events(events), Some(msg))
        }
        Op::Import { id, records } => {
            let records = crate::share::protocol::unwrap_all(records.clone())?;
            let done = store.import(*id, &records)?;
            (Answer::Imported(done), Some(Msg::External))
        }
        Op::ReindexUnlisted => (Answer::Ids(store.reindex_unlisted()?), Some(Msg::External)),
        Op::Verified { id } => {
            store.verified(*id)?;
            (Answer::Done, None)
        }
        // Appends are written in groups (see `group`), never here.
        Op::Append { .. }
        | Op::List
        | Op::Summary { .. }
        | Op::Records { .. }
        | Op::DirectoryRecords
        | Op::TakenIds
        | Op::Damaged
        | Op::RebuiltAt => return Err(StoreError::Owner("not a write for this path".into())),
    })
}

/// The text a write carries, for the injected panic below.
#[cfg(debug_assertions)]
fn effect_text(effect: &Effect) -> String {
    match effect {
        Effect::Append { changes, .. } => changes
            .iter()
            .find_map(|c| match c {
                crate::domain::Change::NoteAdded { text } => Some(text.clone()),
                _ => None,
            })
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Debug builds only: a note whose text is `WARROOM_PANIC_WRITE` panics the writer
/// thread, whether typed in the dashboard or sent by another process, so a test can
/// check that the write fails alone and the dashboard goes on. Release builds have none.
#[cfg(debug_assertions)]
fn injected_write_panic(text: &str) {
    if std::env::var("WARROOM_PANIC_WRITE").is_ok_and(|marker| marker == text) {
        panic!("injected panic (WARROOM_PANIC_WRITE)");
    }
}

/// Debug builds only: a note whose text is `WARROOM_STALL_WRITE` holds the writer for an
/// hour, as a disk that stopped answering would, so a test can check that `q` still
/// quits in bounded time. Release builds have none.
#[cfg(debug_assertions)]
fn injected_write_stall(text: &str) {
    if std::env::var("WARROOM_STALL_WRITE").is_ok_and(|marker| marker == text) {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
