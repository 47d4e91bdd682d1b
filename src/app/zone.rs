//! The time zone the screen shows local times in. `Local` follows the system; tests and
//! snapshots use a fixed offset so they do not depend on where they run.

use chrono::{DateTime, FixedOffset, Local, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    /// `t` in this zone, formatted with a chrono format string, day and month names in
    /// the language of the frame (`sam. 28 nov.` in French).
    pub fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        let locale = match crate::i18n::current() {
            crate::i18n::Lang::En => chrono::Locale::en_GB,
            crate::i18n::Lang::Fr => chrono::Locale::fr_FR,
        };
        match self {
            Zone::Local => t
                .with_timezone(&Local)
                .format_localized(fmt, locale)
                .to_string(),
            Zone::Fixed(offset) => t
                .with_timezone(offset)
                .format_localized(fmt, locale)
                .to_string(),
        }
    }
}

impl Zone {
    /// Hours and minutes in UTC, shown beside every local time.
    pub fn format_utc(&self, t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }
}
