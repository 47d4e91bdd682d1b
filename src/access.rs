//! How a process reaches the store: it takes the store's lock and owns it; or a
//! dashboard owns it, and the process works through it (a command) or follows it (a
//! dashboard, a wall); or another command holds it for a moment, and the process waits
//! its turn, for a bounded time, saying on a terminal whom it waits for.

use crate::share::{Connection, Role, connect};
use crate::store::lock::Holder;
use crate::store::{SledStore, StoreError};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a process waits for a busy store unless told otherwise (`--wait`).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

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
    // Short at first (most holders are commands of a few milliseconds), then longer;
    // staggered by pid so that waiting processes do not retry in step.
    let mut pause = Duration::from_millis(2 + u64::from(std::process::id() % 5));
    loop {
        let holder = match SledStore::open(dir) {
            Ok(store) => return Ok(Reached::Own(store)),
            Err(StoreError::Locked { holder, .. }) => holder,
            Err(e) => return Err(e),
        };
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
        std::thread::sleep(pause.min(wait.saturating_sub(waited)));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}
