//! Calendar dates and times (UTC) from the system clock, without a date library.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date (UTC), for "until" in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The UTC date `minutes` after `now`.
    pub fn after_minutes(now: SystemTime, minutes: u32) -> Date {
        let seconds = seconds_since_epoch(now) + i64::from(minutes) * 60;
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Seconds since 1970-01-01 UTC (negative before it).
fn seconds_since_epoch(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(since) => since.as_secs() as i64,
        Err(before) => -(before.duration().as_secs() as i64),
    }
}

/// `2026-11-29T01:16:18Z`: a moment as ISO 8601 in UTC (sorts as text in time order).
pub fn timestamp(time: SystemTime) -> String {
    let seconds = seconds_since_epoch(time);
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let in_day = seconds.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn dates_are_gregorian() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        // 2000-02-29 is day 11 016; 2024-12-31 is day 20 088.
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_088).to_string(),
            "2024-12-31"
        );
        let now = UNIX_EPOCH + Duration::from_secs(20_088 * 86_400 + 3600);
        assert_eq!(Date::after_minutes(now, 24 * 60).to_string(), "2025-01-01");
    }

    #[test]
    fn timestamps_are_iso_8601_in_utc() {
        let moment = UNIX_EPOCH + Duration::from_secs(20_088 * 86_400 + 3600 + 2 * 60 + 3);
        assert_eq!(timestamp(moment), "2024-12-31T01:02:03Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
    }
}
