//! The one source of "now". `PRAXIS_NOW` (RFC 3339) fixes it, for tests and demos.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

/// The current moment, with the local offset that decides what "today" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    now: Option<DateTime<FixedOffset>>,
}

impl Clock {
    /// The system clock in the local time zone.
    #[must_use]
    pub fn system() -> Self {
        Clock { now: None }
    }

    /// A clock stopped at `now`.
    #[must_use]
    pub fn fixed(now: DateTime<FixedOffset>) -> Self {
        Clock { now: Some(now) }
    }

    /// The system clock, unless `PRAXIS_NOW` holds an RFC 3339 time.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("PRAXIS_NOW") {
            Ok(s) if !s.trim().is_empty() => {
                let now = DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
                    format!("PRAXIS_NOW='{s}' is not an RFC 3339 time such as 2026-03-14T18:30:00+00:00: {e}")
                })?;
                // Every entry is stamped with it: it must be a time the journal can keep,
                // in UTC and in its own offset ("today").
                crate::model::date::check_time(now.with_timezone(&Utc))
                    .and_then(|()| crate::model::date::check_day(now.date_naive()))
                    .map_err(|e| format!("PRAXIS_NOW='{s}': {e}"))?;
                Ok(Clock::fixed(now))
            }
            _ => Ok(Clock::system()),
        }
    }

    #[must_use]
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now.unwrap_or_else(|| Local::now().fixed_offset())
    }

    #[must_use]
    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now().with_timezone(&Utc)
    }

    /// The local date: what "today" means to the writer.
    #[must_use]
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}
