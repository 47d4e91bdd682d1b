//! How a process reaches the store: it takes the store's lock and owns it; or a
//! dashboard owns it, and the process works through it (a command) or follows it (a
//! dashboard, a wall); or another command holds it for a moment, and the process waits
//! its turn, for a bounded time, saying on a terminal whom it waits for.

use crate::share::{Connection, Role, connect};
use crate::store::lock::{Holder, Waiting};
use crate::store::{SledStore, StoreError, check_private_dir, create_private_dir};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a process waits for a busy store unless told otherwise (`--wait`).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// The longest a waiting process sleeps between two looks at the store.
const POLL: Duration = Duration::from_millis(100);

/// What reaching the store gave.
pub enum Reached {
    /// This process owns the store.
    Own(SledStore),
    /// A dashboard owns it; this is a connection to it, greeted in the role asked.
    Owner(Connection),
}

/// Reaches the store in `dir` within `wait`. While another process holds it without
/// serving the socket (a command, or a dashboard still starting), `waiting(holder,
/// waited)` is called between attempts.
pub fn reach(
    dir: &Path,
    role: Role,
    wait: Duration,
    waiting: &mut dyn FnMut(Option<&Holder>, Duration),
) -> Result<Reached, StoreError> {
    let started = Instant::now();
    create_private_dir(dir)?;
    check_private_dir(dir)?;
    let mut lock = Waiting::new(dir)?;
    loop {
        if let Some(lock) = lock.try_take()? {
            return SledStore::open_locked(dir, lock).map(Reached::Own);
        }
        let holder = crate::store::lock::holder(dir);
        let left = wait.saturating_sub(started.elapsed());
        if let Some(connection) = connect(dir, role, left.max(Duration::from_millis(500)))? {
            return Ok(Reached::Owner(connection));
        }
        let waited = started.elapsed();
        if waited >= wait {
            return Err(StoreError::Busy {
                dir: dir.to_path_buf(),
                holder,
                waited: wait,
            });
        }
        waiting(holder.as_ref(), waited);
        // Woken when the holder lets go; at the latest after a short while, to look
        // for a dashboard that started serving meanwhile.
        lock.wait(POLL.min(wait.saturating_sub(waited)));
    }
}
