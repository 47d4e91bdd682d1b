//! The rules of the retainer contract that its types alone cannot state: business hours
//! need a time zone, a severity tier is named once and within 0–5, a report is due in
//! one day or more, and whom to call outside the contract is someone the directory has.

use super::{ConfigError, Source};
use crate::domain::{Contact, Retainer, coverage::Hours};
use crate::i18n::{tr, tr_args};

/// The contract's own rules, in the file that set it.
pub fn check(source: Source, r: &Retainer) -> Result<(), ConfigError> {
    let from = source.key("retainer", 0).0;
    let at = |key: &str| source.nth_key_after(from, key, 0);
    if r.response_minutes == 0 {
        return Err(source.error_at(at("response_minutes"), tr("err-response-minutes")));
    }
    let mut seen = Vec::new();
    for (n, tier) in r.response.iter().enumerate() {
        let here = source.nth_key_after(from, "from_severity", n);
        if tier.from_severity > 5 {
            let found = tier.from_severity.to_string();
            return Err(source.error_at(
                here,
                tr_args("err-tier-severity", &[("found", found.into())]),
            ));
        }
        if seen.contains(&tier.from_severity) {
            let found = tier.from_severity.to_string();
            return Err(
                source.error_at(here, tr_args("err-tier-twice", &[("found", found.into())]))
            );
        }
        seen.push(tier.from_severity);
    }
    let c = &r.coverage;
    if let Some(zone) = &c.time_zone {
        zone.check()
            .map_err(|m| source.error_at(source.nth_key_after(from, "time_zone", 0), m))?;
    }
    if let Some(country) = &c.holidays {
        country
            .check()
            .map_err(|m| source.error_at(source.nth_key_after(from, "holidays", 0), m))?;
    }
    if matches!(c.hours, Hours::Between(..)) && c.time_zone.is_none() {
        return Err(source.error_at(at("coverage"), tr("err-coverage-time-zone")));
    }
    // Around the clock, days, holidays and closures would silently count for nothing.
    let business_only = c.time_zone.is_some()
        || c.holidays.is_some()
        || !c.closed.is_empty()
        || !c.days.is_weekdays();
    if c.hours == Hours::Always && business_only {
        return Err(source.error_at(at("coverage"), tr("err-coverage-always")));
    }
    if r.report_due_days == Some(0) {
        return Err(source.error_at(at("report_due_days"), tr("err-report-due-days")));
    }
    Ok(())
}

/// Whom to call outside the contract: contacts of the directory (the organisation's or
/// the shipped public ones), by id.
pub fn check_out_of_scope(
    source: Source,
    r: &Retainer,
    contacts: &[Contact],
    public: &[Contact],
) -> Result<(), ConfigError> {
    for id in &r.out_of_scope {
        if !contacts.iter().chain(public).any(|c| c.key() == *id) {
            let from = source.key("out_of_scope", 0);
            let here = source.word_after(from.0, id);
            return Err(source.error_at(
                here,
                tr_args(
                    "err-out-of-scope-contact",
                    &[("id", id.escape_debug().to_string().into())],
                ),
            ));
        }
    }
    Ok(())
}

/// The sector CSIRT chosen is a contact of the directory.
pub fn check_sector_csirt(
    source: Source,
    id: Option<&str>,
    contacts: &[Contact],
    public: &[Contact],
) -> Result<(), ConfigError> {
    match id {
        Some(id) if !contacts.iter().chain(public).any(|c| c.key() == id) => Err(source.error_at(
            source.key_value("sector_csirt", id, 0),
            tr_args(
                "err-sector-csirt",
                &[("id", id.escape_debug().to_string().into())],
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn error_of(yaml: &str) -> String {
        Config::with_user_text("user.yaml", yaml)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn business_hours_need_a_time_zone() {
        let err = error_of(
            "retainer: {name: R, response_minutes: 60, coverage: {hours: '08:00-18:00'}}\n",
        );
        assert!(err.starts_with("user.yaml:1:"), "{err}");
        assert!(err.contains("time_zone"), "{err}");
    }

    #[test]
    fn a_tier_is_within_the_scale_and_named_once() {
        let text = "retainer:\n  name: R\n  response_minutes: 60\n  response:\n    - { from_severity: 4, within: 1h }\n    - { from_severity: 4, within: 2h }\n";
        let err = error_of(text);
        assert!(err.starts_with("user.yaml:6:"), "{err}");
        assert!(err.contains("twice"), "{err}");
        let err = error_of(
            "retainer:\n  name: R\n  response_minutes: 60\n  response:\n    - { from_severity: 7, within: 1h }\n",
        );
        assert!(err.starts_with("user.yaml:5:"), "{err}");
        assert!(err.contains("0 to 5"), "{err}");
    }

    #[test]
    fn business_hours_settings_without_business_hours_are_refused() {
        let err = error_of(
            "retainer:\n  name: R\n  response_minutes: 60\n  coverage: {days: mon-fri, time_zone: Europe/Paris, holidays: FR}\n",
        );
        assert!(err.starts_with("user.yaml:4:"), "{err}");
        assert!(err.contains("count only with business hours"), "{err}");
    }

    #[test]
    fn an_unknown_zone_or_country_is_located() {
        let err = error_of(
            "retainer:\n  name: R\n  response_minutes: 60\n  coverage:\n    hours: 08:00-18:00\n    time_zone: Mars/Olympus\n",
        );
        assert!(err.starts_with("user.yaml:6:"), "{err}");
        assert!(err.contains("expected a time zone name"), "{err}");
        let err = error_of(
            "retainer:\n  name: R\n  response_minutes: 60\n  coverage:\n    hours: 08:00-18:00\n    time_zone: Europe/Paris\n    holidays: ZZ\n",
        );
        assert!(err.starts_with("user.yaml:7:"), "{err}");
        assert!(err.contains("public holidays are known"), "{err}");
    }

    #[test]
    fn bad_coverage_is_located() {
        let err =
            error_of("retainer:\n  name: R\n  response_minutes: 60\n  coverage:\n    hours: 9-5\n");
        assert!(err.starts_with("user.yaml:5:"), "{err}");
        assert!(err.contains("expected 24/7 or opening hours"), "{err}");
    }

    #[test]
    fn whom_to_call_outside_the_contract_is_in_the_directory() {
        let err = error_of(
            "retainer:\n  name: R\n  response_minutes: 60\n  out_of_scope: [nobody-here]\n",
        );
        assert!(err.starts_with("user.yaml:4:"), "{err}");
        assert!(err.contains("nobody-here"), "{err}");
        // A shipped public contact will do.
        let config = Config::with_user_text(
            "user.yaml",
            "retainer:\n  name: R\n  response_minutes: 60\n  out_of_scope: [cert-fr]\n",
        );
        assert!(config.is_ok(), "{config:?}");
    }

    #[test]
    fn the_example_contract_is_read_as_written() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.yaml"))
                .unwrap();
        let config = Config::with_user_text("config.example.yaml", &text).unwrap();
        let r = &config.retainer;
        assert_eq!(r.response_for(crate::domain::Severity::Severe), 60);
        assert_eq!(r.response_for(crate::domain::Severity::High), 240);
        assert!(!r.coverage.around_the_clock());
        assert_eq!(r.report_due_days, Some(10));
        assert_eq!(r.out_of_scope, vec!["karim".to_string()]);
    }
}
