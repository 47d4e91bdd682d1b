//! Room on the disk, checked before a write. sled 0.34 does not survive running out of
//! space in the middle of a write: the failed flush leaves its handle broken for good,
//! and dropping that handle waits forever (its drop flushes again, and waits for a log
//! position that never becomes stable). So a write first checks that the disk has room
//! for it, with a margin for what sled may add (a new 512 KiB log segment, a file for a
//! large value), and is refused untouched when it has not: the handles stay sound, and
//! the next write once space is back succeeds without a restart.

use super::super::StoreError;
use std::path::Path;

/// What sled may need besides the records themselves.
const MARGIN: u64 = 2 << 20;

/// Refuses a write of about `bytes` when the disk holding `dir` has not room for it.
pub fn room_for(dir: &Path, bytes: usize) -> Result<(), StoreError> {
    let needed =
        MARGIN.saturating_add(2u64.saturating_mul(u64::try_from(bytes).unwrap_or(u64::MAX)));
    // A filesystem that cannot say is given the benefit of the doubt: sled says then.
    let Ok(stat) = rustix::fs::statvfs(dir) else {
        return Ok(());
    };
    let free = stat.f_bavail.saturating_mul(stat.f_frsize);
    if free >= needed {
        return Ok(());
    }
    Err(StoreError::DiskFull {
        dir: dir.to_path_buf(),
        free,
        needed,
    })
}
