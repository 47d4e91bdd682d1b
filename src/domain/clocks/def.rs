//! A clock's definition: what starts it, how long it runs, when it applies.

use super::{Flag, RetainerTerms};
use chrono::{DateTime, Months, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockDef {
    pub id: String,
    pub name: String,
    /// Who the deadline is owed to: the authority or the counterparty.
    pub authority: String,
    pub starts: Trigger,
    pub duration: Span,
    #[serde(default)]
    pub warn: Warn,
    /// Organisation flags that must all hold for the clock to apply (`nis2-entity`,
    /// `dora-entity`); empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies: Vec<Flag>,
    /// An outer limit counted from awareness (DORA: 4 h after classification, but at
    /// most 24 h after awareness).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Cap>,
    /// A short note shown with the clock (e.g. what the notification must contain).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl ClockDef {
    /// Whether the deadline is owed by the retainer (its response, its report): then its
    /// name stands for the authority.
    pub fn owed_by_retainer(&self) -> bool {
        self.starts == Trigger::RetainerAlerted || self.duration == Span::Report
    }
}

/// What starts a clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    Declared,
    RetainerAlerted,
    /// The incident being closed (the retainer's report after it).
    Closed,
    /// One of the flags `personal-data`, `significant`, `major`.
    Flag(Flag),
    /// Another clock being met (e.g. NIS2's final report after the notification).
    Met(String),
    /// Only started by hand.
    Manual,
}

/// How long a clock runs: a fixed span, calendar months, or the retainer's terms
/// recorded when it was alerted: its response time (in the hours it covers) or the days
/// its report is due in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Minutes(i64),
    Months(u32),
    Contract,
    Report,
}

/// When a clock turns amber: with a fraction of its span left, or a fixed time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warn {
    Percent(u8),
    Minutes(i64),
}

/// `deadline = min(start + duration, awareness + within)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub after_awareness: Span,
}

impl Default for Warn {
    fn default() -> Self {
        Warn::Percent(25)
    }
}

/// `start` moved by `minutes`, or the last (first) representable instant when that is
/// out of range: a span too long for the calendar must not panic every reader of the
/// journal that carries it.
fn plus_minutes(start: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    let saturated = if minutes < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    };
    TimeDelta::try_minutes(minutes)
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(saturated)
}

/// The longest span a configuration may define: ten years (3653 days, leap days
/// included).
const LONGEST_SPAN_MINUTES: i64 = (10 * 365 + 3) * 24 * 60;

impl Span {
    /// The instant this span after `start`; the retainer's recorded terms stand in for
    /// `Contract` and `Report` (an hour, and no time, without them). Saturates at the
    /// last representable instant rather than overflow.
    pub fn after(self, start: DateTime<Utc>, terms: Option<&RetainerTerms>) -> DateTime<Utc> {
        match self {
            Span::Minutes(m) => plus_minutes(start, m),
            // Calendar months in UTC; the last day of a shorter month if need be.
            Span::Months(n) => start
                .checked_add_months(Months::new(n))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            Span::Contract => match terms {
                Some(terms) => terms.coverage.after(start, i64::from(terms.minutes)),
                None => plus_minutes(start, 60),
            },
            Span::Report => {
                let days = terms.and_then(|t| t.report_due_days).unwrap_or(0);
                plus_minutes(start, i64::from(days) * 24 * 60)
            }
        }
    }

    /// True when the span is at most ten years (`contract` always is): what a
    /// configuration may define.
    pub fn within_ten_years(self) -> bool {
        match self {
            Span::Minutes(m) => m <= LONGEST_SPAN_MINUTES,
            Span::Months(n) => n <= 120,
            Span::Contract | Span::Report => true,
        }
    }
}

impl Warn {
    /// The instant the clock turns amber; never before the first representable instant.
    pub fn from(self, start: DateTime<Utc>, deadline: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Warn::Percent(p) => {
                let span = (deadline - start).num_seconds();
                let back = span.saturating_mul(i64::from(p.min(100))) / 100;
                TimeDelta::try_seconds(back)
                    .and_then(|d| deadline.checked_sub_signed(d))
                    .unwrap_or(start)
            }
            Warn::Minutes(m) => plus_minutes(deadline, m.checked_neg().unwrap_or(i64::MIN)),
        }
    }

    /// The instant the clock turns amber when its span is `minutes` of the retainer's
    /// covered time: the share or the time left counted in that time too, so that a
    /// response time in business hours does not turn amber over a weekend.
    pub fn in_covered_time(
        self,
        start: DateTime<Utc>,
        minutes: u32,
        coverage: &crate::domain::Coverage,
    ) -> DateTime<Utc> {
        let minutes = i64::from(minutes);
        let elapsed = match self {
            Warn::Percent(p) => minutes - minutes * i64::from(p.min(100)) / 100,
            Warn::Minutes(m) => minutes.saturating_sub(m).max(0),
        };
        coverage.after(start, elapsed)
    }

    /// True when a fixed time left is at most ten years (a share always is).
    pub fn within_ten_years(self) -> bool {
        match self {
            Warn::Percent(_) => true,
            Warn::Minutes(m) => m <= LONGEST_SPAN_MINUTES,
        }
    }
}

// Text forms, as written in YAML: `72h`, `30m`, `2d`, `1 month`, `contract`;
// `25%` or `6h`; `declared`, `retainer-alerted`, `personal-data`, `met:CLOCK`, `manual`.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("found '{found}', expected {expected}")]
pub struct BadValue {
    found: String,
    expected: &'static str,
}

const SPAN_EXPECTED: &str = "a duration such as 30m, 72h, 2d, 1 month, `contract` (the \
                             retainer's response time) or `report` (the days its report is due in)";
const TRIGGER_EXPECTED: &str = "declared, retainer-alerted, closed, personal-data, significant, \
                                major, met:CLOCK_ID or manual";
const WARN_EXPECTED: &str = "a share of the span such as 25% or a time left such as 6h";

fn minutes_of(text: &str) -> Option<i64> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = t.split_at(split);
    let n: i64 = number.parse().ok()?;
    let per = match unit.trim() {
        "m" | "min" | "minute" | "minutes" => 1,
        "h" | "hour" | "hours" => 60,
        "d" | "day" | "days" => 24 * 60,
        _ => return None,
    };
    n.checked_mul(per).filter(|m| *m > 0)
}

impl FromStr for Span {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadValue {
            found: s.to_string(),
            expected: SPAN_EXPECTED,
        };
        let t = s.trim();
        if t == "contract" {
            return Ok(Span::Contract);
        }
        if t == "report" {
            return Ok(Span::Report);
        }
        if let Some(number) = t.strip_suffix("months").or_else(|| t.strip_suffix("month")) {
            let n: u32 = number.trim().parse().map_err(|_| bad())?;
            return if n > 0 {
                Ok(Span::Months(n))
            } else {
                Err(bad())
            };
        }
        minutes_of(t).map(Span::Minutes).ok_or_else(bad)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Contract => f.write_str("contract"),
            Span::Report => f.write_str("report"),
            Span::Months(1) => f.write_str("1 month"),
            Span::Months(n) => write!(f, "{n} months"),
            // Legal deadlines read in hours up to 72 h, in days beyond.
            Span::Minutes(m) if m % (24 * 60) == 0 && *m > 72 * 60 => {
                write!(f, "{}d", m / (24 * 60))
            }
            Span::Minutes(m) if m % 60 == 0 => write!(f, "{}h", m / 60),
            Span::Minutes(m) => write!(f, "{m}m"),
        }
    }
}

impl FromStr for Warn {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadValue {
            found: s.to_string(),
            expected: WARN_EXPECTED,
        };
        match s.trim().strip_suffix('%') {
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= 100)
                .map(Warn::Percent)
                .ok_or_else(bad),
            None => minutes_of(s).map(Warn::Minutes).ok_or_else(bad),
        }
    }
}

impl fmt::Display for Warn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warn::Percent(p) => write!(f, "{p}%"),
            Warn::Minutes(m) => Span::Minutes(*m).fmt(f),
        }
    }
}

impl FromStr for Trigger {
    type Err = BadValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Ok(match t {
            "declared" => Trigger::Declared,
            "retainer-alerted" => Trigger::RetainerAlerted,
            "closed" => Trigger::Closed,
            "manual" => Trigger::Manual,
            "personal-data" => Trigger::Flag(Flag::PersonalData),
            "significant" => Trigger::Flag(Flag::Significant),
            "major" => Trigger::Flag(Flag::Major),
            _ => match t.strip_prefix("met:") {
                Some(id) if !id.trim().is_empty() => Trigger::Met(id.trim().to_string()),
                _ => {
                    return Err(BadValue {
                        found: s.to_string(),
                        expected: TRIGGER_EXPECTED,
                    });
                }
            },
        })
    }
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::Declared => f.write_str("declared"),
            Trigger::RetainerAlerted => f.write_str("retainer-alerted"),
            Trigger::Closed => f.write_str("closed"),
            Trigger::Manual => f.write_str("manual"),
            Trigger::Flag(flag) => f.write_str(flag.slug()),
            Trigger::Met(id) => write!(f, "met:{id}"),
        }
    }
}

/// Serde through the text forms above, so YAML errors carry serde_yaml's location.
macro_rules! text_serde {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
text_serde!(Span);
text_serde!(Warn);
text_serde!(Trigger);
