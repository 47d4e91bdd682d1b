use super::*;
use proptest::prelude::*;

fn business(yaml: &str) -> Coverage {
    serde_yaml::from_str(yaml).unwrap()
}

fn paris() -> Coverage {
    business("{hours: '08:00-18:00', time_zone: Europe/Paris, holidays: FR}")
}

/// An instant given in Paris time.
fn paris_at(text: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    chrono_tz::Europe::Paris
        .from_local_datetime(&naive)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn four_hours_from_friday_evening_end_on_monday_morning() {
    // Friday 2026-11-27, 17:00: one hour that day, three on Monday.
    let due = paris().after(paris_at("2026-11-27 17:00"), 240);
    assert_eq!(due, paris_at("2026-11-30 11:00"));
}

#[test]
fn a_public_holiday_is_not_counted() {
    // Easter Monday 2026 is 6 April, a public holiday in France.
    let due = paris().after(paris_at("2026-04-03 17:00"), 240);
    assert_eq!(due, paris_at("2026-04-07 11:00"));
    // Without the country's holidays, Monday counts.
    let mut no_holidays = paris();
    no_holidays.holidays = None;
    let due = no_holidays.after(paris_at("2026-04-03 17:00"), 240);
    assert_eq!(due, paris_at("2026-04-06 11:00"));
}

#[test]
fn a_change_to_summer_time_moves_nothing() {
    // Summer time begins on Sunday 29 March 2026: Monday's 08:00 is 06:00 UTC.
    let due = paris().after(paris_at("2026-03-27 17:00"), 240);
    assert_eq!(due, paris_at("2026-03-30 11:00"));
    assert_eq!(due.to_rfc3339(), "2026-03-30T09:00:00+00:00");
}

#[test]
fn covered_hours_that_span_a_change_of_clocks_count_real_time() {
    // Hours 01:00-05:00 every day; clocks go forward at 02:00 on 29 March 2026, so that
    // day covers 3 real hours. An hour from 01:30 (00:30 UTC) ends at 01:30 UTC, which
    // the wall clock shows as 03:30.
    let night = business("{hours: '01:00-05:00', days: mon-sun, time_zone: Europe/Paris}");
    let due = night.after(paris_at("2026-03-29 01:30"), 60);
    assert_eq!(due.to_rfc3339(), "2026-03-29T01:30:00+00:00");
    let start = paris_at("2026-03-29 00:00");
    assert_eq!(
        night.covered(start, start + TimeDelta::days(1)),
        TimeDelta::hours(3)
    );
    // Back on 25 October: that day covers 5 real hours.
    let start = paris_at("2026-10-25 00:00");
    assert_eq!(
        night.covered(start, start + TimeDelta::days(1)),
        TimeDelta::hours(5)
    );
}

#[test]
fn an_alert_before_opening_counts_from_opening() {
    let due = paris().after(paris_at("2026-12-07 06:30"), 60);
    assert_eq!(due, paris_at("2026-12-07 09:00"));
    let due = paris().after(paris_at("2026-12-05 10:00"), 60); // a Saturday
    assert_eq!(due, paris_at("2026-12-07 09:00"));
}

#[test]
fn the_contracts_own_closed_days_are_not_counted() {
    let mut coverage = paris();
    coverage.closed = vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()];
    let due = coverage.after(paris_at("2026-12-23 17:00"), 120);
    // 23rd: one hour; 24th closed; 25th Christmas; 26th–27th weekend; 28th: one hour.
    assert_eq!(due, paris_at("2026-12-28 09:00"));
}

#[test]
fn around_the_clock_counts_plain_time() {
    let coverage = Coverage::default();
    let start = paris_at("2026-11-27 17:00");
    assert_eq!(coverage.after(start, 240), start + TimeDelta::hours(4));
    assert!(coverage.around_the_clock());
}

#[test]
fn a_coverage_with_no_day_never_ends() {
    let mut coverage = paris();
    coverage.days = Days([false; 7]);
    let start = paris_at("2026-11-27 17:00");
    assert_eq!(coverage.after(start, 60), DateTime::<Utc>::MAX_UTC);
    assert_eq!(
        coverage.covered(start, start + TimeDelta::days(30)),
        TimeDelta::zero()
    );
}

#[test]
fn hours_and_days_are_read_and_written_back() {
    let coverage = business(
        "{hours: '09:30-17:00', days: 'sun-thu', time_zone: Asia/Jerusalem, holidays: fr, \
         closed: [2026-12-24]}",
    );
    assert_eq!(
        coverage.hours,
        Hours::Between(
            NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap()
        )
    );
    assert!(coverage.days.contains(Weekday::Sun) && coverage.days.contains(Weekday::Thu));
    assert!(!coverage.days.contains(Weekday::Fri) && !coverage.days.contains(Weekday::Sat));
    assert_eq!(coverage.holidays.as_ref().map(Country::code), Some("FR"));
    let again: Coverage = serde_yaml::from_str(&serde_yaml::to_string(&coverage).unwrap()).unwrap();
    assert_eq!(again, coverage);
    assert_eq!(
        String::from(Days::try_from("mon,wed,fri".to_string()).unwrap()),
        "mon,wed,fri"
    );
    assert_eq!(
        String::from(Days::try_from("mon-sat".to_string()).unwrap()),
        "mon-sat"
    );
}

#[test]
fn bad_coverage_says_what_was_expected() {
    let err = |yaml: &str| {
        serde_yaml::from_str::<Coverage>(yaml)
            .unwrap_err()
            .to_string()
    };
    assert!(err("{hours: '8-18'}").contains("expected 24/7 or opening hours such as 08:00-18:00"));
    assert!(err("{hours: '18:00-08:00'}").contains("open before they close"));
    assert!(err("{days: 'weekdays'}").contains("expected days such as mon-fri"));
    // Zones and countries are read as written (a journal stays readable whatever the
    // build); the config checks them.
    let read = business("{hours: '08:00-18:00', time_zone: Paris, holidays: xx}");
    let zone = read.time_zone.as_ref().unwrap().check().unwrap_err();
    assert!(
        zone.contains("expected a time zone name such as Europe/Paris"),
        "{zone}"
    );
    let country = read.holidays.as_ref().unwrap().check().unwrap_err();
    assert!(
        country.contains("public holidays are known: AT BE"),
        "{country}"
    );
    // Unknown, they count as UTC and as no holidays.
    let start = paris_at("2026-12-07 10:00");
    assert_eq!(read.after(start, 60), start + TimeDelta::hours(1));
}

/// An independent count, minute by minute: whether the minute starting at `t` is
/// covered, read off the local clock.
fn covered_minute(coverage: &Coverage, t: DateTime<Utc>) -> bool {
    let local = t.with_timezone(&chrono_tz::Europe::Paris);
    let day = local.date_naive();
    let Hours::Between(open, close) = coverage.hours else {
        return true;
    };
    coverage.days.contains(day.weekday())
        && !coverage.closed.contains(&day)
        && !public_holidays(coverage.holidays.as_ref().unwrap()).contains(&day)
        && local.time() >= open
        && local.time() < close
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The deadline is where a plain minute-by-minute count of covered minutes on the
    /// local clock reaches the response time.
    #[test]
    fn the_deadline_is_where_a_minute_by_minute_count_ends(
        start in 29_446_560i64..31_550_400, // minutes: 2026 to 2029
        minutes in 1i64..(2 * 24 * 60),
    ) {
        let mut coverage = paris();
        coverage.closed = vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()];
        let start = DateTime::from_timestamp(start * 60, 0).unwrap();
        let mut t = start;
        let mut counted = 0;
        while counted < minutes {
            if covered_minute(&coverage, t) {
                counted += 1;
            }
            t += TimeDelta::minutes(1);
        }
        // `t` is the end of the last covered minute counted.
        prop_assert_eq!(coverage.after(start, minutes), t);
    }
}

proptest! {
    /// Whatever the start and the time, the covered time from the start to the
    /// deadline is that time, and more time never gives an earlier deadline.
    #[test]
    fn the_deadline_is_exactly_that_much_covered_time_later(
        start in 1_767_225_600i64..1_893_456_000, // 2026 to 2029
        minutes in 0i64..(5 * 24 * 60),
        more in 0i64..600,
    ) {
        let coverage = paris();
        let start = DateTime::from_timestamp(start, 0).unwrap();
        let due = coverage.after(start, minutes);
        prop_assert_eq!(coverage.covered(start, due), TimeDelta::minutes(minutes));
        prop_assert!(coverage.after(start, minutes + more) >= due);
    }
}
