//! Deadlines as absolute instants. A countdown is a start and a deadline, never a stored
//! "time left", so it is right after a restart, a suspend or a change of time zone.

use chrono::{DateTime, TimeDelta, Utc};

/// By default a clock turns amber when less than this share of its span is left.
pub const DUE_SOON_FRACTION: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    pub started: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStatus {
    Running { left: TimeDelta },
    DueSoon { left: TimeDelta },
    Overdue { by: TimeDelta },
}

impl Countdown {
    pub fn from_minutes(started: DateTime<Utc>, minutes: u32) -> Self {
        Countdown {
            started,
            deadline: started + TimeDelta::minutes(i64::from(minutes)),
        }
    }

    pub fn status(&self, now: DateTime<Utc>) -> ClockStatus {
        let left = self.deadline - now;
        if left <= TimeDelta::zero() {
            return ClockStatus::Overdue { by: -left };
        }
        let span = (self.deadline - self.started).num_milliseconds().max(1) as f64;
        if (left.num_milliseconds() as f64) < span * DUE_SOON_FRACTION {
            ClockStatus::DueSoon { left }
        } else {
            ClockStatus::Running { left }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn runs_then_warns_then_overdue() {
        let c = Countdown::from_minutes(t0(), 60);
        assert_eq!(
            c.status(t0() + TimeDelta::minutes(10)),
            ClockStatus::Running {
                left: TimeDelta::minutes(50)
            }
        );
        // 25 % of 60 min is 15 min: 14 min left is due soon, 15 min left is not.
        assert!(matches!(
            c.status(t0() + TimeDelta::minutes(45)),
            ClockStatus::Running { .. }
        ));
        assert_eq!(
            c.status(t0() + TimeDelta::minutes(46)),
            ClockStatus::DueSoon {
                left: TimeDelta::minutes(14)
            }
        );
        assert_eq!(
            c.status(t0() + TimeDelta::minutes(60)),
            ClockStatus::Overdue {
                by: TimeDelta::zero()
            }
        );
        assert_eq!(
            c.status(t0() + TimeDelta::minutes(75)),
            ClockStatus::Overdue {
                by: TimeDelta::minutes(15)
            }
        );
    }

    #[test]
    fn a_clock_in_the_past_is_overdue_however_the_clock_jumped() {
        let c = Countdown::from_minutes(t0(), 60);
        let after_suspend = t0() + TimeDelta::days(3);
        assert_eq!(
            c.status(after_suspend),
            ClockStatus::Overdue {
                by: TimeDelta::days(3) - TimeDelta::hours(1)
            }
        );
    }
}
