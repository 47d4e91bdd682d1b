//! A writer as a command is one, for tests and benches of many writers at once: a
//! connection to the dashboard that owns the store, and the operator's key (the
//! identity `alex` made with `identity init` in the store's folder, which is `HOME`).

use std::path::Path;
use std::time::Duration;
use warroom::identity::{KeySource, Mark, Signer};
use warroom::share::{RemoteStore, Role, connect};

/// A connection to the owner of the store in `dir` and how its writes are signed;
/// `None` when no owner serves the store.
pub fn writer(dir: &Path, wait: Duration) -> Option<(RemoteStore, Mark)> {
    let connection = connect(dir, Role::Client, wait).ok().flatten()?;
    let key = dir.join(".config/warroom/id_ed25519");
    let signer = Signer::open(&KeySource::File(key), wait).unwrap();
    let mark = Mark::Signed {
        handle: "alex".into(),
        signer,
    };
    Some((RemoteStore::new(dir, connection, wait), mark))
}
