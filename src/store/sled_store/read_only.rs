//! Reading a store that cannot be written: on a read-only medium (a forensic image, a
//! mounted backup), or on a full disk. sled has no read-only mode (every open writes:
//! it pads its log, syncs it, may write a snapshot), so each database is copied, as it
//! is needed, into a private folder in memory (`/dev/shm`, else the temporary folder)
//! and opened there. The original is never written; the copy is removed on close.

use std::path::{Path, PathBuf};

pub(super) struct Copy {
    /// Where the copies live; removed when dropped.
    folder: tempfile::TempDir,
}

impl Copy {
    pub fn new() -> std::io::Result<Self> {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let folder = tempfile::Builder::new()
            .prefix("warroom-read-only-")
            .tempdir_in(&base)
            .or_else(|_| {
                tempfile::Builder::new()
                    .prefix("warroom-read-only-")
                    .tempdir()
            })?;
        Ok(Copy { folder })
    }

    pub fn root(&self) -> &Path {
        self.folder.path()
    }

    /// The copy of `original/relative` (a database folder), made now if it is not yet.
    /// `None` when the original does not exist.
    pub fn place(&self, original: &Path, relative: &Path) -> std::io::Result<Option<PathBuf>> {
        let from = original.join(relative);
        let to = self.folder.path().join(relative);
        if to.exists() {
            return Ok(Some(to));
        }
        if !from.exists() {
            return Ok(None);
        }
        copy_folder(&from, &to)?;
        Ok(Some(to))
    }
}

/// Copies the files of `from` into `to`, folders included.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Whether an error opening or writing the store means it can only be read: a
/// read-only medium, no permission to write, or no space left.
pub fn only_readable(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem, StorageFull};
    matches!(
        e.kind(),
        ReadOnlyFilesystem | StorageFull | PermissionDenied
    )
}
