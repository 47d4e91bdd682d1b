use crate::domain::IncidentId;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the data directory {} is in use by another warroom process; close it or use --data-dir",
        dir.display()
    )]
    Locked { dir: PathBuf },
    #[error("no incident {0} in this store")]
    UnknownIncident(IncidentId),
    #[error("incident {0} already exists")]
    AlreadyExists(IncidentId),
    #[error("incident {id}: {detail}")]
    Rejected { id: IncidentId, detail: String },
    #[error("incident {id} is damaged: {detail}")]
    Corrupt { id: IncidentId, detail: String },
    #[error("incident {0} already exists here with a different journal; nothing imported")]
    ImportConflict(IncidentId),
    #[error("the contact directory: {0}")]
    Directory(String),
    #[error(
        "the store in {} has schema version {found}, newer than this warroom understands ({supported}); use a newer warroom",
        dir.display()
    )]
    SchemaTooNew {
        dir: PathBuf,
        found: u32,
        supported: u32,
    },
    // The cause is part of the one-line message; it is not also chained as a `source`,
    // which made reports print it twice.
    #[error("{what} {}: {cause}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("storage engine error in {}: {cause}", dir.display())]
    Engine { dir: PathBuf, cause: sled::Error },
}
