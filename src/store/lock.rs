//! The store's lock file, `warroom.lock`: an OS file lock that makes one process at a
//! time the owner of the data directory. The owner writes its pid and command line into
//! the file, so that a process waiting for the store can say whom it waits for; the OS
//! releases the lock when the owner dies, whatever state it left the file in.

use super::{IoStep, StoreError};
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const LOCK_FILE: &str = "warroom.lock";

/// Who holds the store, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// The holder's command line, shortened (`warroom note IR-2026-0001 …`).
    pub command: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pid {} ({})", self.pid, self.command)
    }
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

fn lock_path(dir: &Path) -> PathBuf {
    dir.join(LOCK_FILE)
}

/// Takes the lock of the store in `dir` without waiting; [`StoreError::Locked`] names
/// the holder when another process has it.
pub fn try_take(dir: &Path) -> Result<Lock, StoreError> {
    let mut waiting = Waiting::new(dir)?;
    waiting.try_take()?.ok_or_else(|| StoreError::Locked {
        dir: dir.to_path_buf(),
        holder: holder(dir),
    })
}

/// A process waiting for the lock, in turn. It takes a ticket in `queue/` (a file named
/// by the time it arrived, locked by it for as long as it waits, so that the ticket of
/// a process that died is seen as such), and tries the store's lock only when its
/// ticket is the oldest: writers are served in the order they came, and a script in a
/// loop cannot jump ahead of the others. It keeps one descriptor of the lock file open
/// and tries the lock on it (opening and closing the file at each try would wake the
/// other waiters), and sleeps until the holder closes the file (the kernel says so
/// through inotify) or a short while has passed.
pub struct Waiting {
    dir: PathBuf,
    file: Option<File>,
    /// Reports the lock file being closed after writing: the holder letting go.
    released: Option<rustix::fd::OwnedFd>,
    /// This process's place in the queue; none if no ticket could be made (a full
    /// disk): it then tries whenever it wakes.
    ticket: Option<Ticket>,
    /// Since when an older ticket has been ahead of this one.
    behind_since: Option<std::time::Instant>,
}

/// How long a waiter lets an older ticket go first. A waiter that does not take its
/// turn (stopped with Ctrl-Z, say: its ticket stays locked) must not hold up the queue:
/// past this, the others try out of turn.
const TURN_PATIENCE: Duration = Duration::from_secs(2);

const QUEUE: &str = "queue";

/// A ticket: its file, locked while its process waits.
struct Ticket {
    path: PathBuf,
    _held: File,
}

impl Ticket {
    fn take(dir: &Path) -> std::io::Result<Ticket> {
        let queue = dir.join(QUEUE);
        match std::fs::create_dir(&queue) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        // Zero-padded so that names sort in the order of arrival.
        let name = format!(
            "{:012}{:09}-{}",
            now.tv_sec,
            now.tv_nsec,
            std::process::id()
        );
        let path = queue.join(name);
        let held = File::options().create_new(true).write(true).open(&path)?;
        held.try_lock().map_err(|e| match e {
            std::fs::TryLockError::Error(e) => e,
            std::fs::TryLockError::WouldBlock => std::io::ErrorKind::WouldBlock.into(),
        })?;
        Ok(Ticket { path, _held: held })
    }

    /// Whether no live ticket is older than this one. Tickets of processes that died
    /// (their file no longer locked) are removed on the way.
    fn first(&self) -> bool {
        let Some(queue) = self.path.parent() else {
            return true;
        };
        let Ok(entries) = std::fs::read_dir(queue) else {
            return true;
        };
        let mut older: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name() < self.path.file_name())
            .collect();
        older.sort();
        for other in older {
            let Ok(file) = File::open(&other) else {
                continue;
            };
            match file.try_lock() {
                // Nobody holds it: its process is gone without cleaning up.
                Ok(()) => {
                    let _ = std::fs::remove_file(&other);
                }
                Err(_) => return false,
            }
        }
        true
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Waiting {
    pub fn new(dir: &Path) -> Result<Self, StoreError> {
        let path = lock_path(dir);
        let file = File::options()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|cause| StoreError::Io {
                step: IoStep::OpenLockFile,
                path: path.clone(),
                cause,
            })?;
        use rustix::fs::inotify;
        let released =
            inotify::init(inotify::CreateFlags::NONBLOCK | inotify::CreateFlags::CLOEXEC)
                .and_then(|fd| {
                    inotify::add_watch(&fd, &path, inotify::WatchFlags::CLOSE_WRITE)?;
                    Ok(fd)
                })
                .map_err(|e| tracing::debug!(error = %e, "no inotify: waiting by time only"))
                .ok();
        let ticket = Ticket::take(dir)
            .map_err(|e| tracing::debug!(error = %e, "no ticket: trying out of turn"))
            .ok();
        Ok(Waiting {
            dir: dir.to_path_buf(),
            file: Some(file),
            released,
            ticket,
            behind_since: None,
        })
    }

    /// The lock if it is free now; `Ok(None)` while another process holds it.
    pub fn try_take(&mut self) -> Result<Option<Lock>, StoreError> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        if self.ticket.as_ref().is_some_and(|t| !t.first()) {
            let since = *self
                .behind_since
                .get_or_insert_with(std::time::Instant::now);
            if since.elapsed() < TURN_PATIENCE {
                return Ok(None);
            }
        } else {
            self.behind_since = None;
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(cause)) => {
                return Err(StoreError::Io {
                    step: IoStep::Lock,
                    path: lock_path(&self.dir),
                    cause,
                });
            }
        }
        let Some(mut file) = self.file.take() else {
            return Ok(None);
        };
        // Served: out of the queue.
        self.ticket = None;
        // Who we are, for those who will wait: informative only, so a failure to write
        // it (a full disk) does not stop the owner.
        let me = format!("{}\n{}\n", std::process::id(), command_line());
        let written = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()));
        if let Err(e) = written {
            tracing::warn!(error = %e, "cannot write the holder into the lock file");
        }
        Ok(Some(Lock { _file: file }))
    }

    /// Sleeps until the lock file is released or `max` has passed.
    pub fn wait(&self, max: Duration) {
        let Some(released) = &self.released else {
            std::thread::sleep(max);
            return;
        };
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let timeout = Timespec {
            tv_sec: i64::try_from(max.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(max.subsec_nanos()),
        };
        let mut fds = [PollFd::new(released, PollFlags::IN)];
        if poll(&mut fds, Some(&timeout)).is_err() {
            std::thread::sleep(max);
            return;
        }
        // Drain the events: only their arrival mattered.
        let mut buf = [0u8; 1024];
        while rustix::io::read(released, &mut buf).is_ok_and(|n| n > 0) {}
    }
}

/// For a store that is only read: the lock taken through the existing lock file opened
/// for reading (a read-only medium allows that); `Ok(None)` when there is no lock file
/// to take; [`StoreError::Locked`] when another process holds it.
pub fn try_take_existing(dir: &Path) -> Result<Option<Lock>, StoreError> {
    let path = lock_path(dir);
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(_) => return Ok(None),
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(Lock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            dir: dir.to_path_buf(),
            holder: holder(dir),
        }),
        Err(std::fs::TryLockError::Error(cause)) => Err(StoreError::Io {
            step: IoStep::Lock,
            path,
            cause,
        }),
    }
}

/// The holder the lock file names, if it can be read.
pub fn holder(dir: &Path) -> Option<Holder> {
    let mut text = String::new();
    File::open(lock_path(dir))
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    let mut lines = text.lines();
    let pid = lines.next()?.trim().parse().ok()?;
    let command = lines.next().unwrap_or("warroom").to_string();
    Some(Holder { pid, command })
}

/// This process's command line, cut to a readable length and made safe to print.
fn command_line() -> String {
    const MAX: usize = 80;
    let words: Vec<String> = std::env::args()
        .enumerate()
        .map(|(n, a)| {
            if n == 0 {
                Path::new(&a)
                    .file_name()
                    .map_or(a.clone(), |f| f.to_string_lossy().into_owned())
            } else {
                a
            }
        })
        .collect();
    let joined = words.join(" ");
    let mut line: String = joined
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX)
        .collect();
    if joined.chars().count() > MAX {
        line.push('…');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_is_named_to_whoever_finds_the_store_locked() {
        let dir = crate::store::private_tempdir();
        let held = try_take(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        match try_take(dir.path()) {
            Err(StoreError::Locked {
                holder: Some(h), ..
            }) => assert_eq!(h.pid, std::process::id()),
            other => panic!("expected Locked with a holder, got {other:?}"),
        }
        drop(held);
        assert!(try_take(dir.path()).is_ok());
    }
}
