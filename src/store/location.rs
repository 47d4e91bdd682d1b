//! Where the data directory is, and creating it private to its owner.

use super::StoreError;
use std::path::{Path, PathBuf};

/// The platform data directory (e.g. `~/.local/share/warroom`), if the platform has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "warroom").map(|d| d.data_dir().to_path_buf())
}

/// Creates `dir` and its missing parents; the directory itself gets mode 0700 because it
/// holds incident data that is at least TLP:AMBER.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |cause| StoreError::Io {
        what: "cannot create the data directory",
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
