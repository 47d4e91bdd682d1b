//! How a process reaches the store: it takes the store's lock and owns it; or a
//! dashboard owns it, and the process works through it (a command) or follows it (a
//! dashboard, a wall); or another command holds it for a moment, and the process waits
//! its turn, for a bounded time, saying on a terminal whom it waits for. A store that
//! cannot be written (a read-only medium, a full disk) is read from a private copy
//! when reading is all that is asked.

use crate::share::{Connection, Role, connect, connect_seated};
use crate::store::lock::{Holder, Lock, Waiting, holder};
use crate::store::{SledStore, StoreError, check_private_dir, create_private_dir};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a process waits for a busy store unless told otherwise (`--wait`).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// The longest a waiting process sleeps between two looks at the store.
const POLL: Duration = Duration::from_millis(100);

/// What reaching the store gave.
pub enum Reached {
    /// This process owns the store (read-only if it could not be written).
    Own(SledStore),
    /// A dashboard owns it; this is a connection to it, greeted in the role asked.
    Owner(Connection),
}

/// What a process asks of the store.
#[derive(Debug, Clone)]
pub struct Need {
    pub role: Role,
    /// Who sits at a follower (shown to the others as present).
    pub seat: crate::share::Seat,
    /// A store that cannot be written may be read from a private copy.
    pub read_only_will_do: bool,
}

/// Reaches the store in `dir` within `wait`. While another process holds it without
/// serving the socket (a command, or a dashboard still starting), `waiting(holder,
/// waited)` is called between attempts.
pub fn reach(
    dir: &Path,
    need: Need,
    wait: Duration,
    waiting: &mut dyn FnMut(Option<&Holder>, Duration),
) -> Result<Reached, StoreError> {
    let readable = |e: StoreError| match e.read_only_cause() {
        Some(why) if need.read_only_will_do => {
            SledStore::open_read_only(dir, why).map(Reached::Own)
        }
        _ => Err(e),
    };
    let opened = take_turn(dir, wait, waiting, &mut |left| {
        Ok(connect_seated(dir, need.role, &need.seat, left)?.map(Reached::Owner))
    });
    match opened {
        Ok(Taken::Lock(lock)) => SledStore::open_locked(dir, lock)
            .map(Reached::Own)
            .or_else(readable),
        Ok(Taken::Other(reached)) => Ok(reached),
        Err(e) => readable(e),
    }
}

/// Waits for the store's own lock, for a command that needs the store to itself and
/// must not open it first (`repair`, whose store may not open). A dashboard that owns
/// the store is named, to be closed first.
pub fn lock(
    dir: &Path,
    wait: Duration,
    waiting: &mut dyn FnMut(Option<&Holder>, Duration),
) -> Result<Lock, StoreError> {
    let taken = take_turn(dir, wait, waiting, &mut |left| {
        Ok(connect(dir, Role::Client, left)?.map(|owner| owner.pid))
    })?;
    match taken {
        Taken::Lock(lock) => Ok(lock),
        Taken::Other(pid) => Err(StoreError::OwnedByDashboard { pid }),
    }
}

enum Taken<T> {
    Lock(Lock),
    Other(T),
}

/// Waits in turn for the lock of the store in `dir`; while it is held, `instead` is
/// asked whether to go another way (through the dashboard that owns the store).
fn take_turn<T>(
    dir: &Path,
    wait: Duration,
    waiting: &mut dyn FnMut(Option<&Holder>, Duration),
    instead: &mut dyn FnMut(Duration) -> Result<Option<T>, StoreError>,
) -> Result<Taken<T>, StoreError> {
    let started = Instant::now();
    create_private_dir(dir)?;
    check_private_dir(dir)?;
    let mut turn = Waiting::new(dir)?;
    loop {
        if let Some(lock) = turn.try_take()? {
            return Ok(Taken::Lock(lock));
        }
        let holder = holder(dir);
        let left = wait.saturating_sub(started.elapsed());
        if let Some(other) = instead(left.max(Duration::from_millis(500)))? {
            return Ok(Taken::Other(other));
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
        turn.wait(POLL.min(wait.saturating_sub(waited)));
    }
}
