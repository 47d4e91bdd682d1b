//! `warroom ready`: what the preparation lacks, each with its fix; exit 0 when ready,
//! 1 with the list otherwise, `--json` for a monitoring script.

use super::{Failure, Outcome};
use crate::config::Config;
use crate::store::Store;
use crate::text;
use crate::ui::format::safe;
use chrono::{DateTime, Utc};

/// The shape of `--json`, bumped when it changes.
const SCHEMA_VERSION: u32 = 1;

pub fn ready(store: &dyn Store, config: &Config, now: DateTime<Utc>, json: bool) -> Outcome {
    let directory = crate::contacts::directory(config, &store.directory_events()?);
    let drill = crate::readiness::last_drill(store)?;
    let gaps = crate::readiness::gaps(config, &directory, drill.as_slice(), now.date_naive());
    if json {
        let value = serde_json::json!({
            "schema_version": SCHEMA_VERSION,
            "ready": gaps.is_empty(),
            "gaps": gaps,
        });
        outln!("{}", crate::report::pretty_json(&value).unwrap_or_default());
    } else if gaps.is_empty() {
        outln!("{}", text::ready_yes());
    } else {
        for gap in &gaps {
            outln!("✗ {}", safe(&gap.what));
            outln!("  {} {}", text::ready_fix_label(), safe(&gap.fix));
        }
    }
    if gaps.is_empty() {
        Ok(())
    } else {
        Err(Failure::Failed(text::ready_no(gaps.len())))
    }
}
