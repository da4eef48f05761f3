//! Dates as people type them: `2026-03-14`, `today`, `yesterday`, `monday`.

use chrono::{Datelike, Days, NaiveDate, Weekday};

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

/// Strict `YYYY-MM-DD` (four-digit year, real calendar day).
#[must_use]
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
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
        ] {
            let err = parse_date_arg(bad).unwrap_err();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }
}
