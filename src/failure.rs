//! Why something the dashboard asked for did not happen — a write, a read, a file made
//! or hashed — kept typed until it is shown, so that `text` words it in the language
//! on screen then, not in the language of the thread that met it.

use crate::domain::FoldError;
use crate::store::StoreError;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub enum Failure {
    /// The store could not do it (or refused).
    Store(Arc<StoreError>),
    /// A file could not be read (evidence to hash) or written (a report, a draft).
    File {
        path: PathBuf,
        writing: bool,
        cause: Arc<std::io::Error>,
    },
    /// A journal read back does not make an incident.
    Journal(FoldError),
    /// The store answered a declaration without one.
    NoDeclaration,
    /// The work panicked, or its thread could not start; it was not carried out.
    Internal,
    /// This screen follows another's, which alone writes.
    ReadOnly,
    /// There is no incident to show.
    NoIncident,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(Arc::new(e))
    }
}

impl From<FoldError> for Failure {
    fn from(e: FoldError) -> Self {
        Failure::Journal(e)
    }
}

impl Failure {
    pub fn reading(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Failure::File {
            path: path.into(),
            writing: false,
            cause: Arc::new(cause),
        }
    }

    pub fn writing(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Failure::File {
            path: path.into(),
            writing: true,
            cause: Arc::new(cause),
        }
    }
}

/// Why a path given as evidence cannot be hashed: it is not a regular file. Carried
/// inside an `io::Error` (kind `InvalidInput`) and worded by `text::io_cause`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a regular file ({0})")]
pub struct NotAFile(pub &'static str);
