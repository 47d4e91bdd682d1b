//! The store's lock file, `warroom.lock`: an OS file lock that makes one process at a
//! time the owner of the data directory. The owner writes its pid and command line into
//! the file, so that a process waiting for the store can say whom it waits for; the OS
//! releases the lock when the owner dies, whatever state it left the file in.

use super::StoreError;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

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
    let path = lock_path(dir);
    let io = |what, cause| StoreError::Io {
        what,
        path: path.clone(),
        cause,
    };
    let mut file = File::options()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|cause| io("cannot open the lock file", cause))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(StoreError::Locked {
                dir: dir.to_path_buf(),
                holder: holder(dir),
            });
        }
        Err(std::fs::TryLockError::Error(cause)) => return Err(io("cannot lock", cause)),
    }
    // Who we are, for those who will wait: informative only, so a failure to write it
    // (a full disk) does not stop the owner.
    let me = format!("{}\n{}\n", std::process::id(), command_line());
    let written = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(me.as_bytes()));
    if let Err(e) = written {
        tracing::warn!(error = %e, "cannot write the holder into the lock file");
    }
    Ok(Lock { _file: file })
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
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
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
