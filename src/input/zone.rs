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
    /// The date `t` falls on in this zone.
    pub fn date_of(&self, t: DateTime<Utc>) -> chrono::NaiveDate {
        match self {
            Zone::Local => t.with_timezone(&Local).date_naive(),
            Zone::Fixed(offset) => t.with_timezone(offset).date_naive(),
        }
    }

    /// Hours and minutes in UTC, shown beside every local time.
    pub fn format_utc(&self, t: DateTime<Utc>) -> String {
        t.format("%H:%M").to_string()
    }
}

/// The value of `TZ` when it names no time zone this system knows (the C library and
/// chrono then show UTC and call it local time); `None` when `TZ` is unset, empty, a
/// POSIX rule (`CET-1CEST,M3.5.0,M10.5.0/3`), or a zone found under one of `zoneinfo`.
/// The environment and the file system are passed in, so that this stays testable.
pub fn unknown_tz(
    tz: Option<String>,
    zoneinfo: &[std::path::PathBuf],
    exists: impl Fn(&std::path::Path) -> bool,
) -> Option<String> {
    let tz = tz.filter(|t| !t.trim().is_empty())?;
    let name = tz.strip_prefix(':').unwrap_or(&tz);
    if matches!(name, "UTC" | "GMT" | "UTC0" | "GMT0" | "Z") {
        return None;
    }
    // An absolute path is a zone file itself.
    if name.starts_with('/') {
        return (!exists(std::path::Path::new(name))).then_some(tz);
    }
    if zoneinfo.iter().any(|dir| exists(&dir.join(name))) {
        return None;
    }
    // A POSIX rule: a name of three letters or more (or `<…>`), then its offset.
    let letters = name.chars().take_while(char::is_ascii_alphabetic).count();
    let offset = name[letters..].trim_start_matches(['+', '-']);
    let rule =
        name.starts_with('<') || (letters >= 3 && offset.starts_with(|c: char| c.is_ascii_digit()));
    (!rule).then_some(tz)
}

#[cfg(test)]
mod tests {
    use super::unknown_tz;
    use std::path::{Path, PathBuf};

    fn check(tz: &str) -> Option<String> {
        let zoneinfo = [PathBuf::from("/usr/share/zoneinfo")];
        let exists = |p: &Path| p == Path::new("/usr/share/zoneinfo/Europe/Paris");
        unknown_tz(Some(tz.to_string()), &zoneinfo, exists)
    }

    #[test]
    fn a_zone_the_system_does_not_know_is_said_as_such() {
        assert_eq!(check("Europe/Paris"), None);
        assert_eq!(check(":Europe/Paris"), None);
        assert_eq!(check("UTC"), None);
        assert_eq!(check("CET-1CEST,M3.5.0,M10.5.0/3"), None);
        assert_eq!(check("<+03>-3"), None);
        assert_eq!(check(""), None);
        assert_eq!(check("Europe/Pariss"), Some("Europe/Pariss".into()));
        assert_eq!(check("Nowhere"), Some("Nowhere".into()));
        assert_eq!(check("/no/such/zone"), Some("/no/such/zone".into()));
    }
}
