//! Operations on the store that both faces run, so that every dashboard action and its
//! command-line twin write exactly the same events: declaring an incident, a demo or a
//! drill (declare.rs), appending changes with ids checked against the stored journal
//! (append.rs), registering evidence (evidence.rs), writing reports, exchange files and
//! drafts to files (files.rs), and which incident to open first (opening.rs). The
//! dashboard's effects are carried out by `runtime::effects`, which calls these.

mod append;
mod declare;
mod evidence;
mod files;
mod opening;

pub use append::{When, append, append_events, names_something, ready};
pub use declare::{Plan, declare, declared_id, open_demo, plan, start_drill};
pub use evidence::{Hashed, hash_evidence, registration};
pub use files::{export_exchange, export_reports, save_draft, typed_path};
pub use opening::{Opening, opening};
