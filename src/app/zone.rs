//! The time zone the screen shows local times in. `Local` follows the system; tests and
//! snapshots use a fixed offset so they do not depend on where they run.

use chrono::{DateTime, FixedOffset, Local, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    /// `t` in this zone, formatted with a chrono format string.
    pub fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        match self {
            Zone::Local => t.with_timezone(&Local).format(fmt).to_string(),
            Zone::Fixed(offset) => t.with_timezone(offset).format(fmt).to_string(),
        }
    }
}

impl Zone {
    /// Hours and minutes in UTC, shown beside every local time.
    pub fn format_utc(&self, t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }
}
