//! A journal's files as they were before sled opened them. sled's recovery rewrites a
//! database before it reports anything wrong: from the first damaged byte it treats the
//! rest of that log segment as a torn write and fills it with zeros (and may delete
//! blob files). So the files are read first, and kept beside the journal
//! (`<folder>.damaged-<time>`) when the journal turns out damaged: `verify` reads past
//! the damage in them, and the operator has the original bytes.

use std::path::{Path, PathBuf};

/// Journals larger than this are opened without a copy (their damage, if any, is still
/// detected against the index, but what follows it may be lost).
const LIMIT: u64 = 256 << 20;

pub(super) struct Preimage {
    /// Paths relative to the database folder, with their bytes.
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl Preimage {
    /// The log and blob files of the database at `path`, if they can be read.
    pub fn read(path: &Path) -> Option<Self> {
        let mut names = vec![PathBuf::from("db"), PathBuf::from("conf")];
        if let Ok(blobs) = std::fs::read_dir(path.join("blobs")) {
            names.extend(
                blobs
                    .flatten()
                    .map(|b| Path::new("blobs").join(b.file_name())),
            );
        }
        let mut total = 0;
        let mut files = Vec::new();
        for name in names {
            let full = path.join(&name);
            let Ok(meta) = std::fs::metadata(&full) else {
                continue;
            };
            total += meta.len();
            if total > LIMIT {
                tracing::info!(path = %path.display(), "journal too large to keep a copy before opening");
                return None;
            }
            match std::fs::read(&full) {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) => tracing::warn!(file = %full.display(), error = %e, "cannot read"),
            }
        }
        Some(Preimage { files })
    }

    /// Writes the files to `<path>.damaged-<time>/`, synced; returns that folder.
    /// Nothing is written when the last folder kept holds the same log already (each
    /// failed open of a damaged journal would otherwise keep another copy).
    pub fn keep(self, path: &Path) -> Option<PathBuf> {
        let log = self.files.iter().find(|(name, _)| name == Path::new("db"));
        if let (Some(last), Some((_, bytes))) = (kept_folders(path).pop(), log)
            && std::fs::read(last.join("db")).is_ok_and(|kept| kept == *bytes)
        {
            return Some(last);
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let name = path.file_name()?.to_string_lossy().into_owned();
        let kept = path.with_file_name(format!("{name}.damaged-{stamp}"));
        match self.write(&kept) {
            Ok(()) => {
                tracing::warn!(kept = %kept.display(), "a damaged journal's files were kept as they were");
                Some(kept)
            }
            Err(e) => {
                tracing::error!(kept = %kept.display(), error = %e, "cannot keep the damaged journal's files");
                None
            }
        }
    }

    fn write(&self, kept: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(kept.join("blobs"))?;
        for (name, bytes) in &self.files {
            let file = kept.join(name);
            std::fs::write(&file, bytes)?;
            std::fs::File::open(&file)?.sync_all()?;
        }
        super::durable::sync_dir(&kept.join("blobs"))?;
        super::durable::sync_dir(kept)?;
        if let Some(parent) = kept.parent() {
            super::durable::sync_dir(parent)?;
        }
        Ok(())
    }
}

/// The folders kept for the journal at `path` (`<path>.damaged-*`), oldest first.
pub fn kept_folders(path: &Path) -> Vec<PathBuf> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let prefix = format!("{}.damaged-", name.to_string_lossy());
    let mut found: Vec<PathBuf> = std::fs::read_dir(parent)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
