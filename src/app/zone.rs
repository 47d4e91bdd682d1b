//! The time zone the screen shows local times in. `Local` follows the system; tests and
//! snapshots use a fixed offset so they do not depend on where they run.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, FixedOffset, Local, Utc};
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    /// `t` in this zone, formatted with a chrono format string, day and month names in
    /// the language of the frame (`sam. 28 nov.` in French).
    pub fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        // Most formats (the journal's `%H:%M:%S`) name no day or month: skip the locale.
        const NAMED: [&str; 8] = ["%a", "%A", "%b", "%B", "%h", "%p", "%c", "%x"];
        if !NAMED.iter().any(|n| fmt.contains(n)) {
            return match self {
                Zone::Local => t.with_timezone(&Local).format(fmt).to_string(),
                Zone::Fixed(offset) => t.with_timezone(offset).format(fmt).to_string(),
            };
        }
        let locale = match crate::i18n::current() {
            crate::i18n::Lang::En => chrono::Locale::en_GB,
            crate::i18n::Lang::Fr => chrono::Locale::fr_FR,
        };
        // Parsing a localized format string is the costly part (about 30 µs, for every
        // row of the journal view): parse each (format, locale) once per thread.
        LOCALIZED.with(|cache| {
            let mut cache = cache.borrow_mut();
            let items = cache.entry((fmt.to_string(), locale)).or_insert_with(|| {
                StrftimeItems::new_with_locale(fmt, locale)
                    .parse_to_owned()
                    .unwrap_or_default()
            });
            match self {
                Zone::Local => t
                    .with_timezone(&Local)
                    .format_localized_with_items(items.iter(), locale)
                    .to_string(),
                Zone::Fixed(offset) => t
                    .with_timezone(offset)
                    .format_localized_with_items(items.iter(), locale)
                    .to_string(),
            }
        })
    }
}

type ParsedFormats = HashMap<(String, chrono::Locale), Vec<Item<'static>>>;

thread_local! {
    static LOCALIZED: RefCell<ParsedFormats> = RefCell::new(HashMap::new());
}

impl Zone {
    /// Hours and minutes in UTC, shown beside every local time.
    pub fn format_utc(&self, t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }
}
