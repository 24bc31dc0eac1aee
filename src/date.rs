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
    timestamp_of_seconds(seconds_since_epoch(time))
}
/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Why a text is not a time this app takes (see [`parse_rfc3339`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    /// Not an RFC 3339 date and time (`2026-11-29T01:16:18Z`, with an offset or a fraction).
    NotATime,
    /// Later than the clock allows, beyond a day of clock skew.
    InTheFuture,
}

/// How far ahead of this PC's clock a time may be: another PC's clock may be a day wrong.
pub const CLOCK_SKEW_SECONDS: i64 = 86_400;

/// Seconds since 1970-01-01 UTC of an RFC 3339 date and time: `2026-11-29T01:16:18Z`,
/// `2026-11-29T10:16:18+09:00`, `2026-11-29 01:16:18.5z` (a fraction is dropped; a leap
/// second is taken as the second before it).
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = bytes.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let at = |index: usize, allowed: &[u8]| bytes.get(index).is_some_and(|b| allowed.contains(b));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let year = number(0..4)?;
    let month = u32::try_from(number(5..7)?).ok()?;
    let day = u32::try_from(number(8..10)?).ok()?;
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let value = |a: u8, b: u8| i64::from(a - b'0') * 10 + i64::from(b - b'0');
            let (hours, minutes) = (value(*h1, *h2), value(*m1, *m2));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'+' { seconds } else { -seconds }
        }
        _ => return None,
    };
    let in_day = hour * 3600 + minute * 60 + second.min(59);
    Some(days_from_civil(year, month, day) * 86_400 + in_day - offset)
}

/// An RFC 3339 time written the one way this app writes it (UTC, whole seconds, see
/// [`timestamp`]), when it is one and not later than `now` plus a day of clock skew.
pub fn checked_timestamp(text: &str, now: SystemTime) -> Result<String, TimeProblem> {
    let seconds = parse_rfc3339(text.trim()).ok_or(TimeProblem::NotATime)?;
    if seconds > seconds_since_epoch(now) + CLOCK_SKEW_SECONDS {
        return Err(TimeProblem::InTheFuture);
    }
    Ok(timestamp_of_seconds(seconds))
}

fn timestamp_of_seconds(seconds: i64) -> String {
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
    fn rfc_3339_times_are_read_with_offsets_and_fractions() {
        let utc = parse_rfc3339("2026-11-29T01:16:18Z");
        assert_eq!(utc, Some(1_795_914_978));
        for same in [
            "2026-11-29T10:16:18+09:00",
            "2026-11-28T20:16:18-05:00",
            "2026-11-29t01:16:18.999z",
            "2026-11-29 01:16:18.5Z",
        ] {
            assert_eq!(parse_rfc3339(same), utc, "{same}");
        }
        for not_one in [
            "2026-11-29",
            "2026-11-29T01:16:18",
            "2026-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T01:16:18+9:00",
            "2026-11-29T01:16:18.Z",
            "29/11/2026 01:16",
            "",
        ] {
            assert_eq!(parse_rfc3339(not_one), None, "{not_one}");
        }
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Some(19_782 * 86_400));
    }

    #[test]
    fn a_checked_time_is_utc_and_not_beyond_a_day_ahead() {
        let now = UNIX_EPOCH + Duration::from_secs(1_795_914_978);
        assert_eq!(
            checked_timestamp("2026-11-29T10:16:18+09:00", now).as_deref(),
            Ok("2026-11-29T01:16:18Z")
        );
        checked_timestamp("2026-11-30T01:16:18Z", now).expect("a day of skew");
        assert_eq!(
            checked_timestamp("2026-11-30T01:16:19Z", now),
            Err(TimeProblem::InTheFuture)
        );
        assert_eq!(
            checked_timestamp("9999-12-31T00:00:00Z", now),
            Err(TimeProblem::InTheFuture)
        );
        assert_eq!(checked_timestamp("soon", now), Err(TimeProblem::NotATime));
    }

    #[test]
    fn timestamps_are_iso_8601_in_utc() {
        let moment = UNIX_EPOCH + Duration::from_secs(20_088 * 86_400 + 3600 + 2 * 60 + 3);
        assert_eq!(timestamp(moment), "2024-12-31T01:02:03Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
    }
}
