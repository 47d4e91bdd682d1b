//! When something happened, as an operator types it after the fact, and whether that
//! is plausible. Accepted: RFC 3339 (`2026-11-28T13:05:00Z`); `2026-11-28 13:05` and
//! `13:05` in local time (a time alone is today, or yesterday if today's would be in
//! the future); and `-25m`, `-2h`, `-3d` before now. Pure: `now` and the zone are
//! given.

use super::Zone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

/// How far ahead of the machine's clock a stated time may be (clocks of two machines,
/// a minute rounded up).
pub const SKEW: TimeDelta = TimeDelta::minutes(2);

/// How long before the declaration a stated time may be without `--force`: attacker
/// activity and detection come first, but `1900-01-01` is a typo.
pub const PLAUSIBLE: TimeDelta = TimeDelta::days(366);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error(
        "'{0}' is not a time: write 2026-11-28T13:05:00Z, 2026-11-28 13:05, 13:05, -25m or -2h"
    )]
    Unreadable(String),
    #[error("{0} does not exist in local time (a clock change skipped it)")]
    Skipped(String),
    #[error("{at} is in the future")]
    Future { at: DateTime<Utc> },
    #[error("{at} is more than a year before {before}")]
    TooOld {
        at: DateTime<Utc>,
        before: DateTime<Utc>,
    },
}

/// The instant `text` names, seen from `now` in `zone`.
pub fn parse(text: &str, now: DateTime<Utc>, zone: Zone) -> Result<DateTime<Utc>, WhenError> {
    let text = text.trim();
    let unreadable = || WhenError::Unreadable(text.to_string());
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Some(ago) = text.strip_prefix('-') {
        let (number, unit) = ago.split_at(ago.len().saturating_sub(1));
        let n: i64 = number.parse().map_err(|_| unreadable())?;
        let span = match unit {
            "s" => Duration::try_seconds(n),
            "m" => Duration::try_minutes(n),
            "h" => Duration::try_hours(n),
            "d" => Duration::try_days(n),
            _ => None,
        }
        .ok_or_else(unreadable)?;
        return now.checked_sub_signed(span).ok_or_else(unreadable);
    }
    for format in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return local(naive, zone).ok_or_else(|| WhenError::Skipped(text.to_string()));
        }
    }
    let time = ["%H:%M", "%H:%M:%S", "%Hh%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(text, f).ok())
        .ok_or_else(unreadable)?;
    let today = zone.date_of(now);
    let at = local(NaiveDateTime::new(today, time), zone)
        .ok_or_else(|| WhenError::Skipped(text.to_string()))?;
    if at <= now + SKEW {
        return Ok(at);
    }
    // Later today than now: it was yesterday.
    let yesterday = today.pred_opt().unwrap_or(NaiveDate::MIN);
    local(NaiveDateTime::new(yesterday, time), zone)
        .ok_or_else(|| WhenError::Skipped(text.to_string()))
}

/// Refuses a stated time in the future (beyond [`SKEW`]), or more than [`PLAUSIBLE`]
/// before `reference` (the declaration; or now, for a declaration) unless `force`.
pub fn check(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    reference: DateTime<Utc>,
    force: bool,
) -> Result<(), WhenError> {
    if at > now + SKEW {
        return Err(WhenError::Future { at });
    }
    let limit = reference.min(now) - PLAUSIBLE;
    if at < limit && !force {
        return Err(WhenError::TooOld {
            at,
            before: reference.min(now),
        });
    }
    Ok(())
}

/// A wall-clock time of `zone` as an instant: the earlier of two when a clock change
/// repeats it, none when a clock change skipped it.
fn local(naive: NaiveDateTime, zone: Zone) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    match zone {
        Zone::Local => chrono::Local
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
        Zone::Fixed(offset) => offset
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// A leading `@WHEN ` in text typed into a form (`@13:05 FS01 unplugged`): the instant
/// and the rest of the text; `None` when the text does not start with `@` and a digit
/// or a minus (`@Camille, call back` is a note to Camille, not a time).
pub fn leading(
    text: &str,
    now: DateTime<Utc>,
    zone: Zone,
) -> Option<Result<(DateTime<Utc>, String), WhenError>> {
    let rest = text.trim_start().strip_prefix('@')?;
    if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        return None;
    }
    // `@2026-11-28 13:05 text`: a date and a time are two words.
    let words: Vec<&str> = rest.splitn(3, ' ').collect();
    let two = words.get(..2).map(|w| w.join(" "));
    if let Some(two) = two.filter(|t| t.len() > 10)
        && let Ok(at) = parse(&two, now, zone)
    {
        return Some(Ok((at, words.get(2).unwrap_or(&"").trim().to_string())));
    }
    let (when, text) = rest.split_once(' ').unwrap_or((rest, ""));
    Some(parse(when, now, zone).map(|at| (at, text.trim().to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn paris() -> Zone {
        Zone::Fixed(FixedOffset::east_opt(3600).unwrap_or_else(|| panic!("offset")))
    }

    fn now() -> DateTime<Utc> {
        // 14:20 in Paris.
        DateTime::parse_from_rfc3339("2026-11-28T13:20:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn every_accepted_form_names_its_instant() {
        let cases = [
            ("2026-11-28T09:12:00Z", "2026-11-28T09:12:00Z"),
            ("2026-11-28 13:05", "2026-11-28T12:05:00Z"),
            ("13:05", "2026-11-28T12:05:00Z"),
            // Later than now today: yesterday.
            ("23:10", "2026-11-27T22:10:00Z"),
            ("-25m", "2026-11-28T12:55:00Z"),
            ("-2h", "2026-11-28T11:20:00Z"),
            ("-3d", "2026-11-25T13:20:00Z"),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse(typed, now(), paris()), Ok(utc(expected)), "{typed}");
        }
        assert!(matches!(
            parse("soon", now(), paris()),
            Err(WhenError::Unreadable(_))
        ));
        assert!(matches!(
            parse("-5y", now(), paris()),
            Err(WhenError::Unreadable(_))
        ));
    }

    #[test]
    fn the_future_and_the_implausibly_old_are_refused() {
        let declared = utc("2026-11-01T00:00:00Z");
        let ahead = now() + TimeDelta::minutes(10);
        assert_eq!(
            check(ahead, now(), declared, false),
            Err(WhenError::Future { at: ahead })
        );
        assert!(check(now() + TimeDelta::minutes(1), now(), declared, false).is_ok());
        let old = utc("1900-01-01T00:00:00Z");
        assert!(matches!(
            check(old, now(), declared, false),
            Err(WhenError::TooOld { .. })
        ));
        assert!(check(old, now(), declared, true).is_ok());
        // Weeks before the declaration: attacker activity, normal.
        assert!(check(utc("2026-10-01T00:00:00Z"), now(), declared, false).is_ok());
    }

    #[test]
    fn a_leading_at_in_typed_text_is_when_it_happened() {
        assert_eq!(
            leading("@13:05 FS01 unplugged", now(), paris()),
            Some(Ok((utc("2026-11-28T12:05:00Z"), "FS01 unplugged".into())))
        );
        assert_eq!(
            leading("@2026-11-27 09:30 phishing mail opened", now(), paris()),
            Some(Ok((
                utc("2026-11-27T08:30:00Z"),
                "phishing mail opened".into()
            )))
        );
        assert_eq!(leading("no time here", now(), paris()), None);
        assert_eq!(leading("@Camille call back", now(), paris()), None);
        assert!(matches!(
            leading("@13h ate", now(), paris()),
            Some(Err(WhenError::Unreadable(_)))
        ));
    }
}
