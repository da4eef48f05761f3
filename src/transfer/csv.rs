//! CSV exports: one row per entry (or per regulator record) for spreadsheets.
//!
//! RFC 4180: comma-separated, CRLF rows, fields quoted when they hold a comma, a quote or
//! a line break. A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) is prefixed with `'`, so journal text is never
//! executed when the file is opened (the OWASP advice for CSV injection).

use std::borrow::Cow;
use std::io::Write;

use super::export::{Head, Sink};
use super::md::strengths_text;
use super::profile::ProfileDoc;
use crate::model::{ActionStatus, Details, Entry};

const COLUMNS: &[&str] = &[
    "id",
    "date",
    "kind",
    "model",
    "title",
    "text",
    "strengths",
    "tags",
    "scope",
    "for_supervision",
    "mood",
    "energy",
    "load",
    "carrying",
    "check_in_word",
    "what_helped",
    "actions_open",
    "actions",
    "details",
    "created_at",
    "updated_at",
];

/// Writes entries as CSV rows.
#[derive(Debug, Default)]
pub struct CsvSink;

/// One field, quoted and defused as needed.
#[must_use]
pub fn field(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || s.contains([',', '"', '\n', '\r']);
    if !quote {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 3);
    out.push('"');
    if formula {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    Cow::Owned(out)
}

/// Writes one row.
pub fn row<S: AsRef<str>>(out: &mut dyn Write, cells: &[S]) -> anyhow::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(c.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")?;
    Ok(())
}

/// The entry's writing as one text: body, then each section as "Label: text".
fn entry_text(e: &Entry) -> String {
    let mut parts = Vec::new();
    if !e.body.trim().is_empty() {
        parts.push(e.body.trim_end().to_string());
    }
    for s in &e.sections {
        if !s.text.trim().is_empty() {
            parts.push(format!("{}: {}", s.label, s.text.trim_end()));
        }
    }
    parts.join("\n\n")
}

fn details_text(e: &Entry) -> String {
    match &e.details {
        Details::None => String::new(),
        Details::StageNote(n) => format!("{} — {}: {}", n.subject, n.topic, n.stage),
        Details::CallIn(c) => format!("{} · {}", c.approach, c.status),
        Details::Supervision(s) => {
            let agenda = s
                .agenda
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            format!("{} · {agenda}", s.stage)
        }
        Details::Cpd(c) => format!(
            "{} · {} h{}",
            c.activity_type,
            c.hours,
            if c.participatory {
                " · participatory"
            } else {
                ""
            }
        ),
        other => crate::model::practice::facts(other, &|d| d.to_string())
            .into_iter()
            .map(|(label, text)| format!("{label}: {text}"))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

impl Sink for CsvSink {
    fn begin(&mut self, out: &mut dyn Write, _head: &Head) -> anyhow::Result<()> {
        row(out, COLUMNS)
    }

    fn entry(&mut self, out: &mut dyn Write, head: &Head, e: &Entry) -> anyhow::Result<()> {
        let c = e.checkin.clone().unwrap_or_default();
        let opt = |v: Option<String>| v.unwrap_or_default();
        let stamp = |t: chrono::DateTime<chrono::Utc>| {
            if head.redacted {
                head.when(t.date_naive())
            } else {
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            }
        };
        let actions = e
            .actions
            .iter()
            .map(|a| {
                let mark = if a.status == ActionStatus::Done {
                    "[x]"
                } else {
                    "[ ]"
                };
                format!("{mark} {}", a.text)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let cells: Vec<String> = vec![
            e.short_id(),
            head.when(e.occurred_on),
            e.kind.to_string(),
            e.model
                .as_deref()
                .map(|m| head.model_name(m).to_string())
                .unwrap_or_default(),
            e.title.clone(),
            entry_text(e),
            strengths_text(e),
            e.tags.join(", "),
            e.scope.to_string(),
            if e.for_supervision { "yes" } else { "no" }.into(),
            opt(c.mood.map(|v| v.to_string())),
            opt(c.energy.map(|v| v.to_string())),
            opt(c.load.map(|v| v.to_string())),
            opt(c.carrying.map(|v| v.to_string())),
            opt(c.word.clone()),
            opt(c.helped.clone()),
            e.actions
                .iter()
                .filter(|a| a.status != ActionStatus::Done)
                .count()
                .to_string(),
            actions,
            details_text(e),
            stamp(e.created_at),
            stamp(e.updated_at),
        ];
        row(out, &cells)
    }

    fn end(&mut self, _out: &mut dyn Write, _head: &Head) -> anyhow::Result<()> {
        Ok(())
    }
}

/// A regulator profile as CSV: one row per record (then per row of its log, such as the
/// NMC's CPD log), one column per field label in the regulator's order, and a last column
/// saying what is still to write before submitting.
pub fn write_profile(out: &mut dyn Write, doc: &ProfileDoc) -> anyhow::Result<()> {
    let log_rows = doc.log.as_ref().map_or(&[][..], |l| l.rows.as_slice());
    let mut labels: Vec<&str> = Vec::new();
    for r in doc.records.iter().chain(log_rows) {
        for (l, _) in &r.fields {
            if !labels.contains(&l.as_str()) {
                labels.push(l);
            }
        }
    }
    let mut header = vec!["record"];
    header.extend(labels.iter().copied());
    header.push("still to write");
    row(out, &header)?;
    let log_title = doc.log.as_ref().map(|l| l.title.as_str());
    for (r, in_log) in doc
        .records
        .iter()
        .map(|r| (r, false))
        .chain(log_rows.iter().map(|r| (r, true)))
    {
        let heading = match (in_log, log_title) {
            (true, Some(t)) => format!("{t}: {}", r.heading),
            _ => r.heading.clone(),
        };
        let mut cells = vec![heading];
        for l in &labels {
            cells.push(
                r.fields
                    .iter()
                    .find(|(k, _)| k == l)
                    .map_or(String::new(), |(_, v)| v.clone()),
            );
        }
        cells.push(r.missing.join("; "));
        row(out, &cells)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_bare() {
        assert_eq!(field("listening"), "listening");
        assert_eq!(field(""), "");
    }

    #[test]
    fn commas_quotes_and_newlines_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("one\ntwo"), "\"one\ntwo\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "\"'+1\"");
        assert_eq!(field("-2"), "\"'-2\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("a=b"), "a=b");
    }
}
