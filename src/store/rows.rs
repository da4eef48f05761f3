//! Reading and writing the columns every table shares: timestamps and days as text, the
//! entry summary row, and binding a set of row ids as one parameter.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use rusqlite::types::Type;
use uuid::Uuid;

use crate::model::{EntrySummary, StrengthTag, Whose, entry::short_id};

/// Separates values inside one aggregated column (a character no tag can hold).
pub(crate) const SEP: char = '\u{1f}';

pub(crate) const SUMMARY_COLUMNS: &str = "e.id, e.uuid, e.kind, e.model, e.title, e.occurred_on, \
    e.created_at, e.updated_at, e.scope, e.for_supervision, e.deleted_at, \
    (SELECT group_concat(strength || ':' || whose, char(31)) FROM entry_strengths WHERE entry_id = e.id), \
    (SELECT group_concat(tag, char(31)) FROM entry_tags WHERE entry_id = e.id)";

pub(crate) fn conv<T, E: std::error::Error + Send + Sync + 'static>(
    idx: usize,
    r: std::result::Result<T, E>,
) -> rusqlite::Result<T> {
    r.map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// A text column read in place: the conversions below parse it without copying it.
fn text<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(idx)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// A text column that may be NULL, read in place.
fn opt_text<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<Option<&'r str>> {
    row.get_ref(idx)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

pub(crate) fn word<T: std::str::FromStr<Err = String>>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    conv(
        idx,
        text(row, idx)?.parse::<T>().map_err(std::io::Error::other),
    )
}

/// A day as the journal keeps it, "2026-03-14" (`NaiveDate`'s own `FromStr` reads that
/// form without compiling a format pattern for every value).
fn parse_day(s: &str) -> chrono::ParseResult<NaiveDate> {
    s.parse::<NaiveDate>()
}

pub(crate) fn date(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    conv(idx, parse_day(text(row, idx)?))
}

pub(crate) fn opt_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    opt_text(row, idx)?
        .map(|s| conv(idx, parse_day(s)))
        .transpose()
}

pub(crate) fn time(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    conv(idx, DateTime::parse_from_rfc3339(text(row, idx)?)).map(|t| t.with_timezone(&Utc))
}

pub(crate) fn opt_time(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    opt_text(row, idx)?
        .map(|s| conv(idx, DateTime::parse_from_rfc3339(s)).map(|t| t.with_timezone(&Utc)))
        .transpose()
}

pub(crate) fn uuid(row: &Row<'_>, idx: usize) -> rusqlite::Result<Uuid> {
    conv(idx, Uuid::parse_str(text(row, idx)?))
}

/// RFC 3339 in UTC with second precision: sorts as text, reads back exactly.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn day(d: NaiveDate) -> String {
    // `NaiveDate`'s Display writes what `%Y-%m-%d` does, without reading that format again
    // for every day: an import writes several days an entry (0.5 s of the CPU of
    // 1,000,000 entries).
    d.to_string()
}

/// Reads a row selected with [`SUMMARY_COLUMNS`].
pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EntrySummary> {
    let id = uuid(row, 1)?;
    let strengths: Option<String> = row.get(11)?;
    let tags: Option<String> = row.get(12)?;
    let mut strengths: Vec<StrengthTag> = strengths
        .unwrap_or_default()
        .split(SEP)
        .filter(|s| !s.is_empty())
        .filter_map(|s| {
            let (name, whose) = s.rsplit_once(':')?;
            Some(StrengthTag::new(name, whose.parse().unwrap_or(Whose::Mine)))
        })
        .collect();
    strengths.sort();
    let mut tags: Vec<String> = tags
        .unwrap_or_default()
        .split(SEP)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    tags.sort();
    Ok(EntrySummary {
        rowid: row.get(0)?,
        short_id: short_id(&id),
        id,
        kind: word(row, 2)?,
        model: row.get(3)?,
        title: row.get(4)?,
        occurred_on: date(row, 5)?,
        created_at: time(row, 6)?,
        updated_at: time(row, 7)?,
        scope: word(row, 8)?,
        for_supervision: row.get(9)?,
        deleted_at: opt_time(row, 10)?,
        strengths,
        tags,
    })
}

/// How a query picks the rows of some entries: `= ?1` for one (no temporary table to
/// build), `IN` a JSON array (`json_each`) for several; with the value to bind.
pub(crate) fn id_match(ids: &[i64]) -> (&'static str, rusqlite::types::Value) {
    match ids {
        [one] => ("= ?1", rusqlite::types::Value::Integer(*one)),
        _ => (
            "IN (SELECT value FROM json_each(?1))",
            rusqlite::types::Value::Text(id_list(ids)),
        ),
    }
}

/// Row ids as a JSON array, for `json_each`: one bound parameter however many ids.
pub(crate) fn id_list(ids: &[i64]) -> String {
    let mut s = String::with_capacity(ids.len() * 7 + 2);
    s.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&id.to_string());
    }
    s.push(']');
    s
}

#[cfg(test)]
mod day_tests {
    use super::parse_day;
    use chrono::{Datelike as _, NaiveDate};

    #[test]
    fn days_read_back_as_written_and_others_are_refused() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        assert_eq!(parse_day(&super::day(d)).unwrap(), d);
        for bad in ["2026-02-30", "2026-3", "14/03/2026", ""] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        let mut d = NaiveDate::from_ymd_opt(-3, 12, 25).unwrap();
        let end = NaiveDate::from_ymd_opt(10_003, 1, 10).unwrap();
        while d < end {
            assert_eq!(super::day(d), d.format("%Y-%m-%d").to_string());
            // Every day of some years, and a day in each month of the others.
            let step = if d.year() % 997 == 0 || !(10..=9990).contains(&d.year()) {
                1
            } else {
                27
            };
            d = d.checked_add_days(chrono::Days::new(step)).unwrap();
        }
    }
}
