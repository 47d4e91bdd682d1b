//! When a retainer works: around the clock, or business hours in a time zone, less the
//! public holidays of a country and the days the contract names. A response time in
//! business hours counts covered time only: four hours from an alert on Friday at 17:00,
//! with hours 08:00-18:00 Monday to Friday, end on Monday at 11:00 — and on Tuesday when
//! Monday is a public holiday. Counted in the contract's time zone, so a change of
//! summer time moves nothing.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// When the retainer's people work, and so when its response time runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// `24/7`, or the hours of a covered day, `08:00-18:00`.
    #[serde(default)]
    pub hours: Hours,
    /// The covered days of the week: `mon-fri` unless said.
    #[serde(default, skip_serializing_if = "Days::is_weekdays")]
    pub days: Days,
    /// The time zone the hours are in (IANA name, `Europe/Paris`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Zone>,
    /// The country whose public holidays are not covered (ISO 3166, `FR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Country>,
    /// Other days not covered: the provider's own closures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<NaiveDate>,
}

/// The hours of a covered day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Hours {
    /// Every hour of every day.
    #[default]
    Always,
    /// From the first time to the second, the same day.
    Between(NaiveTime, NaiveTime),
}

impl TryFrom<String> for Hours {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        let expected =
            || format!("found `{text}`: expected 24/7 or opening hours such as 08:00-18:00");
        let text = text.trim();
        if text == "24/7" {
            return Ok(Hours::Always);
        }
        let (open, close) = text.split_once('-').ok_or_else(expected)?;
        let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| expected());
        let (open, close) = (time(open)?, time(close)?);
        if open >= close {
            return Err(format!(
                "found `{text}`: the hours must open before they close on the same day"
            ));
        }
        Ok(Hours::Between(open, close))
    }
}

impl From<Hours> for String {
    fn from(hours: Hours) -> String {
        match hours {
            Hours::Always => "24/7".into(),
            Hours::Between(open, close) => {
                format!("{}-{}", open.format("%H:%M"), close.format("%H:%M"))
            }
        }
    }
}

/// Days of the week, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Days([bool; 7]);

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Default for Days {
    fn default() -> Self {
        Days([true, true, true, true, true, false, false])
    }
}

impl Days {
    pub fn is_weekdays(&self) -> bool {
        *self == Days::default()
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0[day.num_days_from_monday() as usize]
    }
}

impl TryFrom<String> for Days {
    type Error = String;
    /// `mon-fri`, `mon-sat`, `mon,wed,fri`, `sun-thu` (a range may wrap round the week).
    fn try_from(text: String) -> Result<Self, String> {
        let expected =
            || format!("found `{text}`: expected days such as mon-fri, mon-sat or mon,wed,fri");
        let day = |name: &str| {
            DAY_NAMES
                .iter()
                .position(|d| *d == name.trim().to_lowercase())
                .ok_or_else(expected)
        };
        let mut days = [false; 7];
        for part in text.split(',') {
            let (first, last) = match part.split_once('-') {
                Some((a, b)) => (day(a)?, day(b)?),
                None => (day(part)?, day(part)?),
            };
            let mut d = first;
            loop {
                days[d] = true;
                if d == last {
                    break;
                }
                d = (d + 1) % 7;
            }
        }
        Ok(Days(days))
    }
}

impl From<Days> for String {
    fn from(days: Days) -> String {
        let named: Vec<&str> = DAY_NAMES
            .iter()
            .zip(days.0)
            .filter(|(_, on)| *on)
            .map(|(name, _)| *name)
            .collect();
        match (
            days.0.iter().position(|on| *on),
            days.0.iter().rposition(|on| *on),
        ) {
            (Some(first), Some(last))
                if last > first && days.0[first..=last].iter().all(|on| *on) =>
            {
                format!("{}-{}", DAY_NAMES[first], DAY_NAMES[last])
            }
            _ => named.join(","),
        }
    }
}

/// An IANA time zone name. Read as written, even one this build does not know (then
/// counted as UTC): a journal must stay readable whatever the time-zone tables of the
/// build that reads it. The config checks it (`check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Zone(String);

impl Zone {
    fn tz(&self) -> chrono_tz::Tz {
        self.0.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn name(&self) -> &str {
        &self.0
    }
}

impl From<String> for Zone {
    fn from(text: String) -> Self {
        match text.trim().parse::<chrono_tz::Tz>() {
            Ok(tz) => Zone(tz.name().to_string()),
            Err(_) => Zone(text),
        }
    }
}

impl Zone {
    /// Whether this build knows the zone, else why not.
    pub fn check(&self) -> Result<(), String> {
        match self.0.parse::<chrono_tz::Tz>() {
            Ok(_) => Ok(()),
            Err(_) => Err(format!(
                "found `{}`: expected a time zone name such as Europe/Paris",
                self.0
            )),
        }
    }
}

impl From<Zone> for String {
    fn from(zone: Zone) -> String {
        zone.0
    }
}

/// A country, for its public holidays. Read as written, even one this build does not
/// know (then none are counted), so that a journal stays readable; the config checks it
/// (`check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Country(String);

/// The countries whose public holidays are known (the features of `holidays` in
/// Cargo.toml).
pub const HOLIDAY_COUNTRIES: &str = "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT \
                                     LI LT LU LV MT NL NO PL PT RO SE SI SK";

/// The last year whose public holidays are known; later years count none but the
/// contract's own `closed` days (`warroom ready` says so as it comes near).
pub const LAST_HOLIDAY_YEAR: i32 = 2030;

impl Country {
    pub fn code(&self) -> &str {
        &self.0
    }
}

impl From<String> for Country {
    fn from(text: String) -> Self {
        Country(text.trim().to_uppercase())
    }
}

impl Country {
    /// Whether this build knows the country's public holidays, else why not.
    pub fn check(&self) -> Result<(), String> {
        if HOLIDAY_COUNTRIES.split_whitespace().any(|c| c == self.0) {
            Ok(())
        } else {
            Err(format!(
                "found `{}`: expected the code of a country whose public holidays are \
                 known: {HOLIDAY_COUNTRIES}",
                self.0
            ))
        }
    }
}

impl From<Country> for String {
    fn from(country: Country) -> String {
        country.0
    }
}

/// The public holidays of `country`, read once from the `holidays` crate's tables.
fn public_holidays(country: &Country) -> Arc<BTreeSet<NaiveDate>> {
    static KNOWN: OnceLock<Mutex<HashMap<String, Arc<BTreeSet<NaiveDate>>>>> = OnceLock::new();
    let mut known = KNOWN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let dates = known.entry(country.0.clone()).or_insert_with(|| {
        let dates = country
            .0
            .parse::<holidays::Country>()
            .ok()
            .and_then(|c| holidays::Builder::new().countries(&[c]).build().ok())
            .into_iter()
            .flat_map(|map| map.into_values())
            .flat_map(|years| years.into_values())
            .flat_map(|days| days.into_keys())
            .collect();
        Arc::new(dates)
    });
    Arc::clone(dates)
}

/// The longest a count may run before it gives up: more than ten years of days, for a
/// coverage with no covered day at all.
const MOST_DAYS: usize = 4000;

impl Coverage {
    /// Around the clock: a response time is counted in plain hours.
    pub fn around_the_clock(&self) -> bool {
        self.hours == Hours::Always
    }

    fn zone(&self) -> chrono_tz::Tz {
        self.time_zone.as_ref().map_or(chrono_tz::UTC, Zone::tz)
    }

    /// The covered stretches of time, day by day, from the day of `start` on (the
    /// first cut to begin at `start`).
    fn stretches(
        &self,
        start: DateTime<Utc>,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let zone = self.zone();
        let holidays = self.holidays.as_ref().map(public_holidays);
        let first = start.with_timezone(&zone).date_naive();
        first
            .iter_days()
            .take(MOST_DAYS)
            .filter(move |day| {
                self.days.contains(day.weekday())
                    && !self.closed.contains(day)
                    && !holidays.as_ref().is_some_and(|h| h.contains(day))
            })
            .filter_map(move |day| {
                let Hours::Between(open, close) = self.hours else {
                    return None;
                };
                let from = local(zone, day, open).max(start);
                let to = local(zone, day, close);
                (from < to).then_some((from, to))
            })
    }

    /// The instant `minutes` of covered time after `start`; the last representable
    /// instant when the coverage never covers that much.
    pub fn after(&self, start: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
        let wanted = TimeDelta::try_minutes(minutes.max(0)).unwrap_or(TimeDelta::MAX);
        if self.around_the_clock() {
            return start
                .checked_add_signed(wanted)
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
        }
        let mut left = wanted;
        for (from, to) in self.stretches(start) {
            let span = to - from;
            if left <= span {
                return from + left;
            }
            left -= span;
        }
        DateTime::<Utc>::MAX_UTC
    }

    /// The covered time between two instants.
    pub fn covered(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        if to <= from {
            return TimeDelta::zero();
        }
        if self.around_the_clock() {
            return to - from;
        }
        self.stretches(from)
            .take_while(|(open, _)| *open < to)
            .map(|(open, close)| close.min(to) - open)
            .sum()
    }
}

/// The instant a local time of `day` is in `zone`: the earlier of two when the clocks
/// go back, the first after the gap when they go forward.
fn local(zone: chrono_tz::Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = day.and_time(time);
    zone.from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(naive + TimeDelta::hours(1)))
                .earliest()
        })
        .map_or_else(|| naive.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod tests;
