//! Registering evidence, the same way from the dashboard and the command line: a file
//! is hashed where it is (a regular file only; it can take minutes for a disk image, so
//! the dashboard runs this on a worker and the command line before it reaches the
//! store), and recorded at its absolute path with links resolved, so that `evidence
//! verify` finds it from any directory; typed text is kept on one line.

use crate::domain::{Change, EvidenceSpec};
use crate::input::clean_line;
use std::path::Path;

/// A file hashed as evidence: its SHA-256, its size, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed {
    pub sha256: String,
    pub size: u64,
    pub location: String,
}

/// Hashes the file at `path`; `progress(done, total)` after each chunk.
pub fn hash_evidence(path: &Path, progress: &mut dyn FnMut(u64, u64)) -> std::io::Result<Hashed> {
    let (sha256, size) = crate::evidence::hash_file(path, progress)?;
    let location = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    Ok(Hashed {
        sha256,
        size,
        location: location.display().to_string(),
    })
}

/// The registration of `spec`, with its file's hash when it was hashed: the location
/// stated stays, else the file's.
pub fn registration(mut spec: EvidenceSpec, hashed: Option<Hashed>) -> Change {
    if let Some(h) = hashed {
        spec.sha256 = Some(h.sha256);
        spec.size = Some(h.size);
        if spec.location.trim().is_empty() {
            spec.location = h.location;
        }
    }
    spec.description = clean_line(&spec.description);
    spec.location = clean_line(&spec.location);
    spec.collected_by = spec.collected_by.as_deref().map(clean_line);
    Change::EvidenceRegistered { evidence: spec }
}
