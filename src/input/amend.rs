//! A fact of the incident as typed (on the command line or in the dashboard's "Edit
//! incident" form) read into the amendment it means, and the typed form of a current
//! value, so that both faces read and show values the same way.

use super::{Zone, when};
use crate::domain::{Amendment, Area, Category, Field, Scope, Severity, Tlp};
use chrono::{DateTime, Utc};

/// Why a typed value is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// Not one of the valid values (listed).
    Unknown {
        found: String,
        valid: String,
    },
    Empty,
    When(when::WhenError),
}

pub struct Context {
    pub now: DateTime<Utc>,
    pub zone: Zone,
    pub declared_at: DateTime<Utc>,
    pub force: bool,
}

/// The amendment `typed` means for `field`. `none` (or nothing) clears the commander
/// and the detection time.
pub fn parse_value(field: Field, typed: &str, cx: &Context) -> Result<Amendment, BadValue> {
    let cleaned = super::clean_line(typed);
    let value = cleaned.trim();
    let cleared = value.is_empty() || value.eq_ignore_ascii_case("none");
    let unknown = |valid: String| BadValue::Unknown {
        found: value.to_string(),
        valid,
    };
    Ok(match field {
        Field::Title if value.is_empty() => return Err(BadValue::Empty),
        Field::Title => Amendment::Title(value.to_string()),
        Field::Summary => Amendment::Summary(value.to_string()),
        Field::Severity => Amendment::Severity(value.parse().map_err(|_| {
            unknown(format!(
                "1-5, {}",
                Severity::ALL.map(|s| s.name().to_lowercase()).join(", ")
            ))
        })?),
        Field::Category => Amendment::Category(
            value
                .parse()
                .map_err(|_| unknown(Category::ALL.map(Category::slug).join(", ")))?,
        ),
        Field::Tlp => Amendment::Tlp(
            value
                .parse()
                .map_err(|_| unknown(Tlp::ALL.map(Tlp::label).join(", ")))?,
        ),
        Field::Commander => Amendment::Commander((!cleared).then(|| value.to_string())),
        Field::Scope => Amendment::Scope(parse_scope(value).ok_or_else(|| {
            let areas: Vec<&str> = Area::ALL.iter().map(|a| a.slug()).collect();
            unknown(format!("{} (comma-separated), none", areas.join(", ")))
        })?),
        Field::DetectedAt if cleared => Amendment::DetectedAt(None),
        Field::DetectedAt => {
            let at = when::parse(value, cx.now, cx.zone)
                .and_then(|at| when::check(at, cx.now, cx.declared_at, cx.force).map(|()| at))
                .map_err(BadValue::When)?;
            Amendment::DetectedAt(Some(at))
        }
        Field::Nis2 => Amendment::Nis2(yes_no(value).ok_or_else(|| unknown("yes, no".into()))?),
        Field::Dora => Amendment::Dora(yes_no(value).ok_or_else(|| unknown("yes, no".into()))?),
    })
}

/// A value as the form shows it and `parse_value` reads it back.
pub fn typed_value(amendment: &Amendment, zone: Zone) -> String {
    match amendment {
        Amendment::Title(t) | Amendment::Summary(t) => t.clone(),
        Amendment::Severity(s) => s.level().to_string(),
        Amendment::Category(c) => c.slug().to_string(),
        Amendment::Tlp(t) => t.label().to_string(),
        Amendment::Commander(c) => c.clone().unwrap_or_default(),
        Amendment::Scope(s) => {
            let areas: Vec<&str> = s.areas().map(Area::slug).collect();
            areas.join(", ")
        }
        Amendment::DetectedAt(at) => {
            at.map_or_else(String::new, |t| zone.format(t, "%Y-%m-%d %H:%M"))
        }
        Amendment::Nis2(on) | Amendment::Dora(on) => if *on { "yes" } else { "no" }.into(),
    }
}

/// The next value of a field that has a fixed set of them (for ←/→ in the form);
/// `None` for free text.
pub fn cycled(amendment: &Amendment, forward: bool) -> Option<Amendment> {
    Some(match amendment {
        Amendment::Severity(s) => Amendment::Severity(super::cycle(&Severity::ALL, *s, forward)),
        Amendment::Category(c) => Amendment::Category(super::cycle(&Category::ALL, *c, forward)),
        Amendment::Tlp(t) => Amendment::Tlp(super::cycle(&Tlp::ALL, *t, forward)),
        Amendment::Nis2(on) => Amendment::Nis2(!on),
        Amendment::Dora(on) => Amendment::Dora(!on),
        _ => return None,
    })
}

/// `network,cloud` → those areas; `none` or nothing → none.
pub fn parse_scope(typed: &str) -> Option<Scope> {
    let mut scope = Scope::default();
    if typed.trim().eq_ignore_ascii_case("none") {
        return Some(scope);
    }
    for typed in typed.split([',', ' ']).filter(|a| !a.trim().is_empty()) {
        let typed = typed.trim().to_ascii_lowercase().replace('_', "-");
        let area = Area::ALL.into_iter().find(|a| a.slug() == typed)?;
        scope = scope.with(area);
    }
    Some(scope)
}

fn yes_no(typed: &str) -> Option<bool> {
    match typed.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "on" | "oui" => Some(true),
        "no" | "n" | "false" | "off" | "non" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context {
        let now = DateTime::parse_from_rfc3339("2026-11-28T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        Context {
            now,
            zone: Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()),
            declared_at: now,
            force: false,
        }
    }

    #[test]
    fn every_value_reads_back_what_the_form_shows() {
        let cx = cx();
        for amendment in [
            Amendment::Title("Mail down".into()),
            Amendment::Severity(Severity::High),
            Amendment::Category(Category::MaliciousCode),
            Amendment::Tlp(Tlp::Red),
            Amendment::Commander(Some("Camille".into())),
            Amendment::Commander(None),
            Amendment::Scope(Scope {
                network: true,
                personal_data: true,
                ..Scope::default()
            }),
            Amendment::Scope(Scope::default()),
            Amendment::Summary("x".into()),
            Amendment::DetectedAt(Some(cx.now - chrono::TimeDelta::hours(3))),
            Amendment::DetectedAt(None),
            Amendment::Nis2(true),
            Amendment::Dora(false),
        ] {
            let typed = typed_value(&amendment, cx.zone);
            assert_eq!(
                parse_value(amendment.field(), &typed, &cx),
                Ok(amendment.clone()),
                "{typed}"
            );
        }
    }

    #[test]
    fn bad_values_say_which_are_valid() {
        let cx = cx();
        let Err(BadValue::Unknown { valid, .. }) = parse_value(Field::Scope, "moon", &cx) else {
            panic!("refused");
        };
        assert!(valid.contains("personal-data"));
        assert_eq!(parse_value(Field::Title, "  ", &cx), Err(BadValue::Empty));
        assert!(matches!(
            parse_value(Field::DetectedAt, "2027-01-01 00:00", &cx),
            Err(BadValue::When(_))
        ));
    }
}
