//! Dates as people type them: `2026-03-14`, `today`, `yesterday`, `monday`, `in 4 weeks`,
//! `3 days ago`.

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
    /// So many days or months from today: ahead (`in 4 weeks`) when positive,
    /// back (`2 days ago`) when negative, whichever way the date is meant.
    From(i64, Unit),
}

/// What a number of [`DateArg::From`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days (weeks are counted as seven).
    Days,
    /// Calendar months (years are counted as twelve): a month from 31 January is the
    /// last day of February.
    Months,
}

/// The longest stretch `in N …` / `N … ago` may name: a century, in days (and in weeks
/// and months as many as fit in it).
const MOST_DAYS: i64 = 36_525;

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
            DateArg::From(n, unit) => {
                let days = |d: i64| Days::new(d.unsigned_abs());
                let months =
                    |m: i64| chrono::Months::new(u32::try_from(m.unsigned_abs()).unwrap_or(0));
                let moved = match (unit, n >= 0) {
                    (Unit::Days, true) => today.checked_add_days(days(n)),
                    (Unit::Days, false) => today.checked_sub_days(days(n)),
                    (Unit::Months, true) => today.checked_add_months(months(n)),
                    (Unit::Months, false) => today.checked_sub_months(months(n)),
                };
                moved.unwrap_or(today)
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
        _ => match relative(&t) {
            Some(Ok(from)) => from,
            Some(Err(e)) => return Err(format!("invalid date '{}': {e}", s.trim())),
            None => DateArg::On(parse_iso_date(&t).ok_or_else(|| {
                format!(
                    "invalid date '{}': use YYYY-MM-DD, 'today', 'yesterday', a weekday name \
                     such as 'monday', 'in 4 weeks' or '3 days ago'",
                    s.trim()
                )
            })?),
        },
    };
    Ok(arg)
}

/// `in N days|weeks|months|years` or `N days|weeks|months|years ago` (N in digits, or in
/// words from "a" and "one" to "twelve"; a unit in the singular too, a day as `d`, a week
/// as `w` or `wk`): None when `t` (lowercase) is neither; an error when it is one of them
/// with a number too large (more than a century).
fn relative(t: &str) -> Option<Result<DateArg, String>> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let (n, unit, ahead) = match words.as_slice() {
        ["in", n, unit] => (*n, *unit, true),
        [n, unit, "ago"] => (*n, *unit, false),
        _ => return None,
    };
    // Weeks are counted in days and years in months, as they are added to a day.
    let (unit, times, named) = match unit {
        "d" | "day" | "days" => (Unit::Days, 1, "days"),
        "w" | "wk" | "wks" | "week" | "weeks" => (Unit::Days, 7, "weeks"),
        "month" | "months" => (Unit::Months, 1, "months"),
        "year" | "years" => (Unit::Months, 12, "years"),
        _ => return None,
    };
    let n: i64 = match n {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        n if n.bytes().all(|b| b.is_ascii_digit()) && n.len() <= 6 => n.parse().ok()?,
        _ => return None,
    };
    let most = match unit {
        Unit::Days => MOST_DAYS,
        Unit::Months => 1200,
    } / times;
    if n > most {
        return Some(Err(format!(
            "that is more than a hundred years away: at most {most} {named}, or the day \
             itself as YYYY-MM-DD"
        )));
    }
    let n = n * times;
    Some(Ok(DateArg::From(if ahead { n } else { -n }, unit)))
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
    fn numbers_one_to_twelve_in_words_count_as_their_digits() {
        let today = d(2026, 3, 18);
        let words = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        for (n, w) in (1_i64..).zip(words) {
            for unit in ["days", "weeks", "months"] {
                let ahead = parse_date_arg(&format!("in {w} {unit}"));
                let digits = parse_date_arg(&format!("in {n} {unit}")).unwrap();
                assert_eq!(
                    ahead.map(|a| a.resolve(today)),
                    Ok(digits.resolve(today)),
                    "in {w} {unit}"
                );
                let back = parse_date_arg(&format!("{w} {unit} ago"));
                let digits = parse_date_arg(&format!("{n} {unit} ago")).unwrap();
                assert_eq!(
                    back.map(|a| a.resolve(today)),
                    Ok(digits.resolve(today)),
                    "{w} {unit} ago"
                );
            }
        }
    }

    #[test]
    fn so_many_days_weeks_or_months_from_today_either_way() {
        let today = d(2026, 3, 18);
        let r = |s: &str| parse_date_arg(s).unwrap().resolve(today);
        let ahead = |s: &str| parse_date_arg(s).unwrap().resolve_ahead(today);
        assert_eq!(r("in 4 weeks"), d(2026, 4, 15));
        assert_eq!(ahead("in 4 weeks"), d(2026, 4, 15));
        assert_eq!(ahead("In 10 Days"), d(2026, 3, 28));
        assert_eq!(ahead("in a week"), d(2026, 3, 25));
        assert_eq!(ahead("in 2 wks"), d(2026, 4, 1));
        assert_eq!(r("3 days ago"), d(2026, 3, 15));
        assert_eq!(
            ahead("3 days ago"),
            d(2026, 3, 15),
            "ago is back whichever way"
        );
        assert_eq!(r("a week ago"), d(2026, 3, 11));
        assert_eq!(r("in 0 days"), today);
        // Calendar months, to the last day of a shorter one.
        let end_of_january = d(2026, 1, 31);
        let month = |s: &str| parse_date_arg(s).unwrap().resolve(end_of_january);
        assert_eq!(month("in 1 month"), d(2026, 2, 28));
        assert_eq!(month("2 months ago"), d(2025, 11, 30));
        assert_eq!(month("in six months"), d(2026, 7, 31));
        assert_eq!(month("a year ago"), d(2025, 1, 31));
        assert_eq!(month("in 2 years"), d(2028, 1, 31));
        // What is none of these says what is taken; a century is the furthest.
        for bad in [
            "in weeks",
            "in 4 fortnights",
            "4 weeks",
            "in -2 days",
            "in 4.5 weeks",
        ] {
            let e = parse_date_arg(bad).unwrap_err();
            assert!(e.contains("'in 4 weeks' or '3 days ago'"), "{bad}: {e}");
        }
        let far = parse_date_arg("in 999999 weeks").unwrap_err();
        assert!(parse_date_arg("in 101 years").is_err());
        assert!(far.contains("more than a hundred years"), "{far}");
        // It says what is taken instead.
        assert!(
            far.contains("5217 weeks") && far.contains("YYYY-MM-DD"),
            "{far}"
        );
        assert!(parse_date_arg("in 1200 months").is_ok());
        assert!(parse_date_arg("1201 months ago").is_err());
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
