//! Dates as people type them: `2026-03-14`, `today`, `yesterday`, `monday`.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

/// The years a date or time may fall in. The journal keeps them as text with four-digit
/// years, which sorts, and which every reader (praxis itself, an export, SQLite's own date
/// functions) reads back; a time past 9999 would be written `+10000-…` and read by none.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Refuses a day outside [`YEARS`].
pub fn check_day(d: NaiveDate) -> Result<(), String> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(format!("{d} is outside the years 1 to 9999"))
    }
}

/// Refuses a time outside [`YEARS`], in UTC as the journal keeps it
/// (`9999-12-31T23:59:59-14:00` is already the year 10000 there).
pub fn check_time(t: DateTime<Utc>) -> Result<(), String> {
    if YEARS.contains(&t.year()) {
        Ok(())
    } else {
        Err(format!(
            "{} is outside the years 1 to 9999 (in UTC)",
            t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        ))
    }
}

/// A date as typed, resolved against "today" only when it is used, so that parsing
/// never depends on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateArg {
    On(NaiveDate),
    Today,
    Yesterday,
    Tomorrow,
    /// The most recent such weekday, today included.
    Last(Weekday),
}

impl DateArg {
    #[must_use]
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::On(d) => d,
            DateArg::Today => today,
            DateArg::Yesterday => today.pred_opt().unwrap_or(today),
            DateArg::Tomorrow => today.succ_opt().unwrap_or(today),
            DateArg::Last(w) => {
                let back =
                    (7 + today.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
                today
                    .checked_sub_days(Days::new(u64::from(back)))
                    .unwrap_or(today)
            }
        }
    }
}

impl DateArg {
    /// Resolves a date in the future, as for a due date: a weekday name means the next
    /// such day, today included.
    #[must_use]
    pub fn resolve_ahead(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::Last(w) => {
                let ahead =
                    (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
                today
                    .checked_add_days(Days::new(u64::from(ahead)))
                    .unwrap_or(today)
            }
            other => other.resolve(today),
        }
    }
}

impl std::str::FromStr for DateArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        parse_date_arg(s)
    }
}

/// Parses a date argument, with an error that says what is accepted.
pub fn parse_date_arg(s: &str) -> Result<DateArg, String> {
    let t = s.trim().to_lowercase();
    let arg = match t.as_str() {
        "today" => DateArg::Today,
        "yesterday" => DateArg::Yesterday,
        "tomorrow" => DateArg::Tomorrow,
        "mon" | "monday" => DateArg::Last(Weekday::Mon),
        "tue" | "tues" | "tuesday" => DateArg::Last(Weekday::Tue),
        "wed" | "wednesday" => DateArg::Last(Weekday::Wed),
        "thu" | "thurs" | "thursday" => DateArg::Last(Weekday::Thu),
        "fri" | "friday" => DateArg::Last(Weekday::Fri),
        "sat" | "saturday" => DateArg::Last(Weekday::Sat),
        "sun" | "sunday" => DateArg::Last(Weekday::Sun),
        _ => DateArg::On(parse_iso_date(&t).ok_or_else(|| {
            format!(
                "invalid date '{}': use YYYY-MM-DD, 'today', 'yesterday' or a weekday name such as 'monday'",
                s.trim()
            )
        })?),
    };
    Ok(arg)
}

/// Strict `YYYY-MM-DD` (four-digit year from 0001, real calendar day).
#[must_use]
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| check_day(*d).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn relative_dates_resolve_against_today() {
        let today = d(2026, 3, 18); // a Wednesday
        let r = |s: &str| parse_date_arg(s).unwrap().resolve(today);
        assert_eq!(r("today"), today);
        assert_eq!(r("yesterday"), d(2026, 3, 17));
        assert_eq!(r("wednesday"), today);
        assert_eq!(r("Monday"), d(2026, 3, 16));
        assert_eq!(r("thu"), d(2026, 3, 12));
        assert_eq!(r("2025-12-31"), d(2025, 12, 31));
        let ahead = |s: &str| parse_date_arg(s).unwrap().resolve_ahead(today);
        assert_eq!(ahead("friday"), d(2026, 3, 20));
        assert_eq!(ahead("wed"), today);
        assert_eq!(ahead("monday"), d(2026, 3, 23));
        assert_eq!(ahead("tomorrow"), d(2026, 3, 19));
    }

    #[test]
    fn bad_dates_say_what_is_accepted() {
        for bad in [
            "2026-02-30",
            "14/03/2026",
            "2026-3-1",
            "someday",
            "",
            "+02026-01-01",
            "0000-12-31",
            "10000-01-01",
        ] {
            let err = parse_date_arg(bad).unwrap_err();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }

    #[test]
    fn times_past_9999_in_utc_are_refused() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(check_time(t("9999-12-31T23:59:59Z")).is_ok());
        assert!(check_time(t("0001-01-01T00:00:00Z")).is_ok());
        let err = check_time(t("9999-12-31T23:59:59-14:00")).unwrap_err();
        assert!(
            err.contains("+10000-01-01T13:59:59Z") && err.contains("1 to 9999"),
            "{err}"
        );
        assert!(check_time(t("0001-01-01T00:00:00+01:00")).is_err());
        assert!(check_day(d(9999, 12, 31)).is_ok());
        assert!(check_day(d(0, 12, 31)).is_err());
        assert!(check_day(d(10000, 1, 1)).is_err());
    }
}
