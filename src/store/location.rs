//! Where the data directory is, and creating it private to its owner.

use super::{IoStep, StoreError};
use std::path::{Path, PathBuf};

/// The platform data directory (e.g. `~/.local/share/warroom`), if the platform has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "warroom").map(|d| d.data_dir().to_path_buf())
}

/// Creates `dir` and its missing parents; the directory itself gets mode 0700 because it
/// holds incident data that is at least TLP:AMBER.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |cause| StoreError::Io {
        step: IoStep::CreateDataDir,
        path: dir.to_path_buf(),
        cause,
    };
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(io(e)),
    }
}

/// Refuses a data directory that other users can reach, or that is not this user's, as
/// PostgreSQL does: its incidents are at least TLP:AMBER, its contacts personal data,
/// and whoever can write in it can take its lock or plant a socket. The message says
/// how to fix it.
pub fn check_private_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(dir).map_err(|cause| StoreError::Io {
        step: IoStep::Read,
        path: dir.to_path_buf(),
        cause,
    })?;
    let me = rustix::process::geteuid().as_raw();
    let unsafe_because = |why| StoreError::Unsafe {
        path: dir.to_path_buf(),
        why,
    };
    if meta.uid() != me {
        return Err(unsafe_because(super::Exposure::DirectoryNotYours {
            owner: meta.uid(),
            me,
        }));
    }
    // Sticky, as /tmp: shared on purpose, not to be made private (a folder of one's
    // own inside it is the fix).
    if meta.mode() & 0o1000 != 0 {
        return Err(unsafe_because(super::Exposure::DirectoryShared));
    }
    let mode = meta.mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(unsafe_because(super::Exposure::DirectoryOpen { mode }));
    }
    Ok(())
}

/// A folder only this user can reach, as a data directory must be (tests).
#[cfg(test)]
pub fn private_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap_or_else(|e| panic!("{e}"))
}
