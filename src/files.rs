//! Files warroom writes for people — reports, drafts, exports — are written whole or
//! not at all: into a temporary file beside the target, synced, then renamed over it,
//! and the folder synced. A process killed half-way leaves the previous file as it was
//! (an export cut short used to leave a truncated report in its place).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically and durably (see the module's comment). The
/// file is private to this user, as everything warroom writes.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (folder, temporary) = written_beside(path, bytes)?;
    temporary.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(folder)?.sync_all()
}

/// As `write_atomically`, but only where nothing is yet: an existing file (or link) at
/// `path` is left as it is and the error is `AlreadyExists`. The file is created with
/// mode 0600, so it is never readable by others, not even while it is written.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (folder, temporary) = written_beside(path, bytes)?;
    temporary.persist_noclobber(path).map_err(|e| e.error)?;
    std::fs::File::open(folder)?.sync_all()
}

/// Makes the folder that will hold `path`, private (0700), when it is missing: an
/// identity or a key is the first thing written in a fresh configuration folder.
pub fn private_folder_for(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder),
        None => Ok(()),
    }
}

/// `bytes` in a synced temporary file (mode 0600) in the folder of `path`, and that folder.
fn written_beside<'a>(
    path: &'a Path,
    bytes: &[u8],
) -> std::io::Result<(&'a Path, tempfile::NamedTempFile)> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".warroom-")
        .suffix(".part")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    Ok((folder, temporary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_file_stays_until_the_new_one_is_whole() {
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("report.md");
        write_atomically(&path, b"first").unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&path, b"second").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"second"[..]));
        // Nothing left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
        // A folder that does not exist: an error, and nothing written.
        assert!(write_atomically(&dir.path().join("none").join("x.md"), b"x").is_err());
    }

    #[test]
    fn a_new_file_never_replaces_one_and_is_private_from_the_start() {
        use std::os::unix::fs::PermissionsExt;
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("key");
        write_new(&path, b"first").unwrap_or_else(|e| panic!("{e}"));
        let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600));
        let again = write_new(&path, b"second").map_err(|e| e.kind());
        assert_eq!(again, Err(std::io::ErrorKind::AlreadyExists));
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"first"[..]));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
