//! HTML exports: one self-contained page per export (inline CSS and hand-made SVG, no
//! scripts, nothing fetched), calm on screen in light or dark, printable to PDF.
//!
//! Every piece of journal text goes through [`escape`]; the only links are in-page
//! anchors, and a Content-Security-Policy forbids the browser to fetch anything even if
//! an entry were to smuggle markup through. Output is built in a small buffer per entry
//! (or per section) and handed to the writer at once, so an unbuffered writer stays fast
//! and nothing holds the whole export.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;

use chrono::{Datelike as _, NaiveDate};

use super::export::{Head, Sink, month_year};
use super::profile::ProfileDoc;
use super::summary::{CheckinWeekSummary, Excerpt, StrengthSummary, Summary, WeekTotal};
use crate::insights::Trend;
use crate::model::details::format_hours;
use crate::model::text::plural;
use crate::model::{
    Action, ActionStatus, CallIn, Details, Entry, EntryKind, Stage, StageNote, Supervision, Whose,
};

/// The wording of the page, in one place.
mod words {
    pub const REDACTED: &str = "Identifying details were replaced by placeholders such as \
        [PERSON-1]; dates are shown by month.";
    pub const REDACTED_SUMMARY: &str = "Identifying details were replaced by placeholders \
        such as [PERSON-1]; dates are shown by month, and weeks by their number in the \
        period.";
    pub const PROMPTS: &str = "These patterns are prompts for a supervision conversation, \
        not a measure of anyone’s practice.";
    pub const NOTHING: &str = "Nothing in this period: no entries and no check-ins.";
    pub const NO_ENTRIES: &str = "No entries in this export.";
    pub const UNTITLED: &str = "Untitled";
    pub const CONTENTS: &str = "List of entries";
    pub const MOVES_BACK: &str = "A return to an earlier stage is a common part of change.";
    pub const WITH_OTHERS: &str = "What was written, counted: never how well, and never \
        about anyone but the writer's own practice.";
    pub const SUMMARY_TITLE: &str = "Practice summary";
    pub const REVIEW_TITLE: &str = "Practice summaries side by side";
    pub const REVIEW_NOTE: &str = "Each person chose what their summary shares: read it \
        with them.";
}

/// The policy that keeps the page offline: no fetches of any kind, inline styles only.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
    base-uri 'none'; form-action 'none'";

/// Fewer entries than this need no table of contents.
const TOC_MIN: usize = 4;
/// More entries than this get no table of contents: it would mean keeping a second copy
/// of every title until the end, and a list that long helps nobody find anything.
const TOC_MAX: usize = 500;
/// The most rows a horizontal bar chart shows (the table below it has them all).
const CHART_ROWS: usize = 20;

// ---------------------------------------------------------------------------------------
// Escaping and text

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'` become references; control characters a page cannot carry safely (C0 but
/// newline and tab, DEL, C1) become U+FFFD, and carriage returns are dropped (CRLF line
/// ends read as LF).
#[must_use]
pub fn escape(s: &str) -> Cow<'_, str> {
    if first_special(s.as_bytes(), 0).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    push_text(&mut out, s);
    Cow::Owned(out)
}

/// The replacement for the special byte sequence at `i`, and its length.
fn special_at(b: &[u8], i: usize) -> Option<(&'static str, usize)> {
    Some(match b[i] {
        b'&' => ("&amp;", 1),
        b'<' => ("&lt;", 1),
        b'>' => ("&gt;", 1),
        b'"' => ("&quot;", 1),
        b'\'' => ("&#39;", 1),
        b'\n' | b'\t' => return None,
        b'\r' => ("", 1),
        0x00..=0x1f | 0x7f => ("\u{fffd}", 1),
        // C1 controls, U+0080..=U+009F, are 0xC2 0x80..=0x9F in UTF-8.
        0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => ("\u{fffd}", 2),
        _ => return None,
    })
}

fn first_special(b: &[u8], from: usize) -> Option<usize> {
    (from..b.len()).find(|&i| special_at(b, i).is_some())
}

/// Appends `s` escaped (see [`escape`]) without building a copy first.
fn push_text(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some((rep, len)) = special_at(b, i) {
            // Special sequences start at ASCII bytes or a 0xC2 lead byte: char boundaries.
            out.push_str(&s[start..i]);
            out.push_str(rep);
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
}

/// Appends `s` escaped, cut to `max` characters (ending in `…` when cut), all on one line.
fn push_short(out: &mut String, s: &str, max: usize) {
    let s = s.trim();
    let cut = s.char_indices().nth(max).map(|(i, _)| i);
    let shown = cut.map_or(s, |i| &s[..i]);
    for (n, part) in shown.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        push_text(out, part);
    }
    if cut.is_some() {
        out.push('…');
    }
}

/// Markdown as HTML, conservatively: blank-line-separated paragraphs, `- `/`* ` list
/// items (`- [ ]`/`- [x]` as ☐/☑ tasks), `**bold**` and `*italic*`. Everything else,
/// raw HTML included, is shown as the text it is.
fn push_markdown(out: &mut String, text: &str) {
    push_markdown_tasks(out, text, &mut |_, _| None);
}

/// [`push_markdown`], where `task(text, done)` may give the whole `<li>` of a task line
/// (a tracked action shown as it stands).
fn push_markdown_tasks(
    out: &mut String,
    text: &str,
    task: &mut dyn FnMut(&str, bool) -> Option<String>,
) {
    #[derive(PartialEq)]
    enum Open {
        None,
        Para,
        List,
    }
    let mut open = Open::None;
    let close = |out: &mut String, open: &mut Open| {
        match open {
            Open::Para => out.push_str("</p>\n"),
            Open::List => out.push_str("</ul>\n"),
            Open::None => {}
        }
        *open = Open::None;
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            close(out, &mut open);
            continue;
        }
        let t = line.trim_start();
        if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            if open != Open::List {
                close(out, &mut open);
                out.push_str("<ul>\n");
                open = Open::List;
            }
            let item = item.trim_start();
            let task_line = [("[ ]", false), ("[x]", true), ("[X]", true)]
                .into_iter()
                .find_map(|(mark, done)| {
                    let rest = item.strip_prefix(mark)?;
                    (rest.is_empty() || rest.starts_with(' ')).then_some((rest.trim_start(), done))
                });
            // A whole `<li>…</li>` from the hook, else the line as written.
            if let Some(li) = task_line.and_then(|(rest, done)| task(rest, done)) {
                out.push_str(li.trim_end());
                out.push('\n');
                continue;
            }
            match task_line {
                Some((rest, done)) => {
                    out.push_str(if done {
                        "<li class=\"task done\">☑ "
                    } else {
                        "<li class=\"task\">☐ "
                    });
                    push_inline(out, rest);
                }
                None => {
                    out.push_str("<li>");
                    push_inline(out, item);
                }
            }
            out.push_str("</li>\n");
        } else {
            match open {
                Open::Para => out.push_str("<br>\n"),
                Open::List | Open::None => {
                    close(out, &mut open);
                    out.push_str("<p>");
                    open = Open::Para;
                }
            }
            push_inline(out, line.trim_end());
        }
    }
    close(out, &mut open);
}

/// One line of Markdown text: `**bold**` and `*italic*` (an opener followed by a
/// non-space, a closer after one), the rest escaped. Linear: once a closer is not found
/// for a delimiter, none is looked for again on this line.
fn push_inline(out: &mut String, line: &str) {
    let mut rest = line;
    let mut no_closer = [false, false]; // "*", "**"
    while let Some(p) = rest.find('*') {
        let bold = rest[p..].starts_with("**");
        let (delim, tag, slot) = if bold {
            ("**", "strong", 1)
        } else {
            ("*", "em", 0)
        };
        let inner_at = p + delim.len();
        let after = &rest[inner_at..];
        let opens = after
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '*');
        let closer = if opens && !no_closer[slot] {
            let found = find_closer(after, delim);
            no_closer[slot] = found.is_none();
            found
        } else {
            None
        };
        match closer {
            Some(q) => {
                push_text(out, &rest[..p]);
                let _ = write!(out, "<{tag}>");
                push_text(out, &after[..q]);
                let _ = write!(out, "</{tag}>");
                rest = &after[q + delim.len()..];
            }
            None => {
                push_text(out, &rest[..inner_at]);
                rest = after;
            }
        }
    }
    push_text(out, rest);
}

/// Where `delim` closes in `s`: preceded by a non-space (and, for `*`, not part of `**`).
fn find_closer(s: &str, delim: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find(delim) {
        let at = from + rel;
        let before_ok = s[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        let single_ok = delim != "*" || !s[at + 1..].starts_with('*');
        if at > 0 && before_ok && single_ok {
            return Some(at);
        }
        from = at + delim.len();
        if delim == "*" {
            // Skip a whole run of asterisks.
            from += s[from..].len() - s[from..].trim_start_matches('*').len();
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// The page around everything

const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#fbfaf7;--fg:#24221f;--muted:#5f5b54;--rule:#dad5cc;--panel:#f1ede5;--accent:#2b5d7a;
--k-reflection:#3b6db3;--k-supervision:#8455a0;--k-call-in:#b0611c;--k-stage-note:#2b856a;--k-check-in:#a8861f;--k-cpd:#b8475f;--k-other:#777;
--k-recognition:#1b7f94;--k-feedback:#5f7211;--k-rupture:#9c2f22;--k-positive-risk:#7a5230;--k-group-session:#3f3aa8;
--mood:#2f6fae;--energy:#b86a1e;--mine:#3b6db3;--person:#2b856a;--team:#b0611c;--colleague:#8455a0;--bar:#56789c}
@media (prefers-color-scheme:dark){:root{--bg:#17191c;--fg:#e7e4de;--muted:#a9a49a;--rule:#3b3f45;--panel:#212429;--accent:#8fc0df;
--k-reflection:#79a5e6;--k-supervision:#bb92d6;--k-call-in:#e09a5a;--k-stage-note:#62c4a4;--k-check-in:#dcbf5c;--k-cpd:#e57f96;--k-other:#aaa;
--k-recognition:#4fc3d9;--k-feedback:#b2c855;--k-rupture:#f0806e;--k-positive-risk:#c9a27e;--k-group-session:#d98ad0;
--mood:#79b1e8;--energy:#e6a15c;--mine:#79a5e6;--person:#62c4a4;--team:#e09a5a;--colleague:#bb92d6;--bar:#8fb0d2}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:46rem;padding:1.25rem 1rem 3rem;background:var(--bg);color:var(--fg);
font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,Cantarell,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
h1,h2,h3,h4{line-height:1.25;font-weight:600;margin:1.6em 0 .5em}
h1{font-size:1.6rem;margin-top:.5em}h2{font-size:1.25rem}h3{font-size:1.05rem}
p,li,dd,dt,td,th,h1,h2,h3,figcaption,summary{unicode-bidi:plaintext}
a{color:var(--accent)}
.meta,.note,footer,.muted{color:var(--muted)}
.meta{margin:.2em 0 .8em;font-size:.92rem}
.note{border-left:3px solid var(--rule);padding:.2em .8em;font-size:.95rem}
header.doc{border-bottom:1px solid var(--rule);margin-bottom:1.5rem}
article{border-left:4px solid var(--k-other);padding:.1rem 0 .6rem 1rem;margin:0 0 2.2rem}
article header h2{margin-top:.4em}
.kind-reflection{border-left-color:var(--k-reflection)}.kind-supervision{border-left-color:var(--k-supervision)}
.kind-call-in{border-left-color:var(--k-call-in)}.kind-stage-note{border-left-color:var(--k-stage-note)}
.kind-check-in{border-left-color:var(--k-check-in)}.kind-cpd{border-left-color:var(--k-cpd)}
.kind-recognition{border-left-color:var(--k-recognition)}.kind-feedback{border-left-color:var(--k-feedback)}
.kind-rupture{border-left-color:var(--k-rupture)}.kind-positive-risk{border-left-color:var(--k-positive-risk)}
.kind-group-session{border-left-color:var(--k-group-session)}
.flag{font-weight:600}
ul.chips{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:.35em}
ul.chips li{border:1px solid var(--rule);border-radius:1em;padding:0 .6em;font-size:.88rem;unicode-bidi:isolate}
.label{font-weight:600;margin-right:.4em}
.whose{color:var(--muted)}
li.task{list-style:none;margin-left:-1.2em}
ul.actions{padding-left:1.2em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.6em 0;font-size:.95rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
dl.fields dt{font-weight:600;margin-top:.8em}dl.fields dd{margin:.2em 0 0 0}
table{border-collapse:collapse;margin:.6em 0;font-size:.92rem}
th,td{border-bottom:1px solid var(--rule);padding:.25em .7em .25em 0;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.wide{overflow-x:auto}
.stats{display:flex;flex-wrap:wrap;gap:.5em 2em;list-style:none;padding:0}
.stats strong{font-size:1.3rem;display:block}
figure{margin:1em 0}
svg.chart{display:block;width:100%;height:auto;max-width:40rem;color:var(--fg)}
svg text{fill:var(--muted);font-size:11px;font-family:inherit}
svg .grid{stroke:var(--rule);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}
svg text.v-mood{fill:var(--mood)}svg text.v-energy{fill:var(--energy)}
.legend{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.88rem}
svg.sw{width:.8em;height:.8em;vertical-align:-.05em;margin-right:.3em}
.k-reflection{fill:var(--k-reflection)}.k-supervision{fill:var(--k-supervision)}.k-call-in{fill:var(--k-call-in)}
.k-stage-note{fill:var(--k-stage-note)}.k-check-in{fill:var(--k-check-in)}.k-cpd{fill:var(--k-cpd)}.k-other{fill:var(--k-other)}
.k-recognition{fill:var(--k-recognition)}.k-feedback{fill:var(--k-feedback)}.k-rupture{fill:var(--k-rupture)}
.k-positive-risk{fill:var(--k-positive-risk)}.k-group-session{fill:var(--k-group-session)}
.s-mine{fill:var(--mine)}.s-person{fill:var(--person)}.s-team{fill:var(--team)}.s-colleague{fill:var(--colleague)}.s-bar{fill:var(--bar)}
.l-mood{fill:none;stroke:var(--mood);stroke-width:2}.l-energy{fill:none;stroke:var(--energy);stroke-width:2;stroke-dasharray:5 3}
.l-stage{fill:none;stroke:var(--accent);stroke-width:2}
.p-mood{fill:var(--mood)}.p-energy{fill:var(--energy)}
.sw-mood{stroke:var(--mood);stroke-width:3}.sw-energy{stroke:var(--energy);stroke-width:3;stroke-dasharray:3 2}
details{margin:.3em 0 1.2em}summary{cursor:pointer;color:var(--muted);font-size:.9rem}
nav#contents{border-top:1px solid var(--rule);margin-top:2rem}
nav#contents ol{padding-left:1.6em}
body:not(:has(nav#contents)) .to-contents{display:none}
.excerpt{border-left-color:var(--rule)}
p.from{margin:.6em 0 .1em;font-size:.92rem;color:var(--muted)}p.from strong{color:var(--fg)}
blockquote{margin:0 0 .6em;padding:0 0 0 .8em;border-left:2px solid var(--rule)}
.missing{border-left:3px solid var(--k-call-in);padding:.1em .8em;margin:.6em 0}
.missing p{margin:.2em 0}.missing ul{margin:.2em 0}
table.log{width:100%}table.log td p{margin:0 0 .3em}
table.log th,table.log td{overflow-wrap:normal}table.log td:first-child{white-space:nowrap}table.log td:nth-child(3){min-width:15em}
table.log-cpd-log td:nth-child(n+5),table.log-cpd-log th:nth-child(n+5){text-align:right;font-variant-numeric:tabular-nums}
body.review{max-width:100rem}
.people{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:0 2.5rem;align-items:start}
.person{border-top:3px solid var(--accent);margin-top:1.5rem}
.person>h2{margin-top:.6em}
table.glance th[scope=row]{color:var(--muted);font-weight:600}
table.glance td{min-width:10rem}
nav.people-list ul{padding-left:1.2em}
footer{border-top:1px solid var(--rule);margin-top:2.5rem;padding-top:.6rem;font-size:.85rem}
@page{size:A4;margin:16mm 15mm}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#3d3d3d;--rule:#b8b8b8;--accent:#000;color-scheme:light}
body{max-width:none;padding:0;font-size:10pt;line-height:1.38}
h1{font-size:16pt;margin-top:0}h2{font-size:12.5pt;margin:1em 0 .3em}h3{font-size:10.5pt;margin:.7em 0 .15em}
p,ul,ol,dl{margin-top:.3em;margin-bottom:.3em}
p,li,dd{orphans:3;widows:3}
header.doc{margin-bottom:.8rem}
article{margin:0 0 1.1rem;padding:0 0 .1rem .7rem;border-left-width:2pt}
article header h2{margin-top:0}
.meta{margin:.1em 0 .35em}
figure{margin:.5em 0}
figure,dl.facts,.stats,ul.chips,li,tr{break-inside:avoid;page-break-inside:avoid}
h1,h2,h3,h4,dt,article>header,summary,caption{break-after:avoid;page-break-after:avoid}
h2+*,h3+*,h4+*,article>header+*{break-before:avoid;page-break-before:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
.to-contents{display:none}
details::details-content{content-visibility:visible;display:block}
details table{font-size:8.5pt}
body.review{max-width:none}.people{display:block}.person{break-before:page;page-break-before:always;border-top:0}
svg.chart{max-width:100%}
}
"#;

/// The document head and the opening of the body.
fn page_start(o: &mut String, title: &str) {
    page_start_as(o, title, None);
}

/// [`page_start`], with a class on the body that widens or reshapes the page.
fn page_start_as(o: &mut String, title: &str, body_class: Option<&str>) {
    o.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        o,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    o.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"praxis\">\n<title>",
    );
    push_short(o, title, 200);
    o.push_str("</title>\n<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n");
    match body_class {
        Some(c) => {
            let _ = writeln!(o, "<body class=\"{c}\">");
        }
        None => o.push_str("<body>\n"),
    }
}

/// Who, when and how the export was made, under its main heading.
fn doc_header(
    o: &mut String,
    title: &str,
    from: Option<&str>,
    period: &str,
    made_on: NaiveDate,
    redacted: bool,
) {
    o.push_str("<header class=\"doc\">\n<h1>");
    push_short(o, title, 300);
    o.push_str("</h1>\n<p class=\"meta\">");
    if let Some(f) = from.filter(|f| !f.trim().is_empty()) {
        o.push_str("From ");
        push_short(o, f, 200);
        o.push_str(" · ");
    }
    push_short(o, period, 200);
    let _ = writeln!(o, " · made on {}</p>", long_date(made_on));
    if redacted {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", words::REDACTED);
    }
}

fn page_end(o: &mut String, made_on: NaiveDate) {
    let _ = write!(
        o,
        "<footer>Made with praxis on {}. This page works offline and fetches nothing.</footer>\n\
         </body>\n</html>\n",
        long_date(made_on)
    );
}

/// "18 March 2026".
fn long_date(d: NaiveDate) -> String {
    format!("{} {}", d.day(), month_year(d))
}

/// Hands what was built to the writer and empties the buffer.
fn flush(out: &mut dyn Write, buf: &mut String) -> anyhow::Result<()> {
    out.write_all(buf.as_bytes())?;
    buf.clear();
    Ok(())
}

/// A kind as a person would read it; unknown kinds (from a summary file) as they are.
fn kind_label(kind: &str) -> &str {
    match kind {
        "stage-note" => "stage note",
        "cpd" => "CPD",
        "positive-risk" => "positive-risk plan",
        "group-session" => "group session",
        k => k,
    }
}

/// The CSS class of a kind's colour: only known kinds, never text from a file.
fn kind_class(kind: &str) -> &'static str {
    match kind.parse::<EntryKind>() {
        Ok(EntryKind::Reflection) => "k-reflection",
        Ok(EntryKind::Supervision) => "k-supervision",
        Ok(EntryKind::CallIn) => "k-call-in",
        Ok(EntryKind::StageNote) => "k-stage-note",
        Ok(EntryKind::CheckIn) => "k-check-in",
        Ok(EntryKind::Cpd) => "k-cpd",
        Ok(EntryKind::Recognition) => "k-recognition",
        Ok(EntryKind::Feedback) => "k-feedback",
        Ok(EntryKind::Rupture) => "k-rupture",
        Ok(EntryKind::PositiveRisk) => "k-positive-risk",
        Ok(EntryKind::GroupSession) => "k-group-session",
        Err(_) => "k-other",
    }
}

/// A legend or key swatch that prints (an SVG fill, not a background).
fn swatch(o: &mut String, class: &str) {
    let _ = write!(
        o,
        "<svg class=\"sw\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"{class}\" width=\"10\" height=\"10\" rx=\"2\"/></svg>"
    );
}

/// "week of…" → "Week of…".
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Entries

/// Full entries, one `<article>` each, written as they arrive. A table of contents
/// follows the articles when there are between [`TOC_MIN`] and [`TOC_MAX`] entries (a
/// link at the top leads to it).
#[derive(Debug, Default)]
pub struct HtmlSink {
    buf: String,
    count: usize,
    /// Ready-made `<li>` lines of the table of contents, while there are few enough.
    toc: Vec<String>,
}

impl Sink for HtmlSink {
    fn begin(&mut self, out: &mut dyn Write, head: &Head) -> anyhow::Result<()> {
        self.count = 0;
        self.toc.clear();
        self.buf.clear();
        let o = &mut self.buf;
        page_start(o, &head.title);
        doc_header(
            o,
            &head.title,
            head.from.as_deref(),
            &head.period,
            head.made_on,
            head.redacted,
        );
        let _ = write!(
            o,
            "<p class=\"to-contents\"><a href=\"#contents\">{}</a></p>\n</header>\n<main>\n",
            words::CONTENTS
        );
        flush(out, &mut self.buf)
    }

    fn entry(&mut self, out: &mut dyn Write, head: &Head, e: &Entry) -> anyhow::Result<()> {
        self.count += 1;
        let n = self.count;
        write_entry(&mut self.buf, head, e, n);
        if n <= TOC_MAX {
            let mut li = String::with_capacity(96);
            let _ = write!(li, "<li><a href=\"#e{n}\">");
            if e.title.trim().is_empty() {
                li.push_str(words::UNTITLED);
            } else {
                push_short(&mut li, &e.title, 100);
            }
            li.push_str("</a> <span class=\"meta\">");
            push_text(&mut li, &head.when(e.occurred_on));
            let _ = writeln!(li, " · {}</span></li>", kind_label(e.kind.as_str()));
            self.toc.push(li);
        } else if !self.toc.is_empty() {
            self.toc = Vec::new();
        }
        flush(out, &mut self.buf)?;
        // One huge entry should not keep a huge buffer for the rest of the export.
        if self.buf.capacity() > 1 << 20 {
            self.buf = String::new();
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, head: &Head) -> anyhow::Result<()> {
        let o = &mut self.buf;
        if self.count == 0 {
            let _ = writeln!(o, "<p class=\"muted\">{}</p>", words::NO_ENTRIES);
        }
        o.push_str("</main>\n");
        if (TOC_MIN..=TOC_MAX).contains(&self.count) {
            let _ = write!(
                o,
                "<nav id=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">{}</h2>\n<ol>\n",
                words::CONTENTS
            );
            for li in &self.toc {
                o.push_str(li);
            }
            o.push_str("</ol>\n</nav>\n");
        } else {
            // The link at the top is hidden without a list, but never leads nowhere.
            o.push_str("<div id=\"contents\"></div>\n");
        }
        self.toc = Vec::new();
        page_end(o, head.made_on);
        flush(out, &mut self.buf)
    }
}

fn write_entry(o: &mut String, head: &Head, e: &Entry, n: usize) {
    let _ = write!(
        o,
        "<article id=\"e{n}\" class=\"entry kind-{}\">\n<header>\n<h2>",
        e.kind.as_str(),
    );
    if e.title.trim().is_empty() {
        o.push_str(words::UNTITLED);
    } else {
        push_short(o, &e.title, 1000);
    }
    o.push_str("</h2>\n<p class=\"meta\">");
    push_text(o, &head.when(e.occurred_on));
    let _ = write!(o, " · {}", kind_label(e.kind.as_str()));
    if e.kind == EntryKind::Reflection
        && let Some(m) = e.model.as_deref().filter(|m| !m.is_empty() && *m != "free")
    {
        o.push_str(" · ");
        push_short(o, head.model_name(m), 200);
    }
    if e.for_supervision {
        o.push_str(" · <span class=\"flag\">for supervision</span>");
    }
    o.push_str("</p>\n</header>\n");
    write_details(o, head, e);
    if !e.body.trim().is_empty() {
        push_markdown(o, &e.body);
    }
    // A tracked action written as a `- [ ]` line of a section is shown there, where it was
    // written, with where it stands now; the list of actions holds only the others.
    let mut shown = vec![false; e.actions.len()];
    for s in e.sections.iter().filter(|s| !s.text.trim().is_empty()) {
        o.push_str("<section>\n<h3>");
        let label = if s.label.trim().is_empty() {
            &s.key
        } else {
            &s.label
        };
        push_short(o, label, 200);
        o.push_str("</h3>\n");
        push_markdown_tasks(o, &s.text, &mut |text, _| {
            let i = super::export::tracked_action(text, &e.actions, &shown)?;
            shown[i] = true;
            let mut li = String::new();
            write_action(&mut li, head, &e.actions[i]);
            Some(li)
        });
        o.push_str("</section>\n");
    }
    if !e.strengths.is_empty() {
        o.push_str("<ul class=\"chips strengths\" aria-label=\"Strengths\">\n");
        for s in &e.strengths {
            o.push_str("<li>");
            push_short(o, &s.name, 100);
            let _ = writeln!(o, " <span class=\"whose\">{}</span></li>", whose(s.whose));
        }
        o.push_str("</ul>\n");
    }
    if !e.tags.is_empty() {
        o.push_str("<ul class=\"chips tags\" aria-label=\"Tags\">\n");
        for t in &e.tags {
            o.push_str("<li>#");
            push_short(o, t, 100);
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    if let Some(c) = e.checkin.as_ref().filter(|c| !c.is_empty()) {
        o.push_str("<p class=\"checkin\"><span class=\"label\">Check-in</span>");
        push_text(o, &c.summary());
        o.push_str("</p>\n");
    }
    if shown.iter().any(|s| !s) {
        o.push_str("<h3>Actions</h3>\n<ul class=\"actions\">\n");
        for (a, _) in e.actions.iter().zip(&shown).filter(|(_, s)| !**s) {
            write_action(o, head, a);
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</article>\n");
}

fn whose(w: Whose) -> &'static str {
    match w {
        Whose::Mine => "mine",
        Whose::Person => "person supported",
        Whose::Team => "team",
        Whose::Colleague => "colleague",
    }
}

fn write_action(o: &mut String, head: &Head, a: &Action) {
    let (class, mark) = match a.status {
        ActionStatus::Done => ("task done", "☑"),
        ActionStatus::Partly => ("task partly", "◐"),
        ActionStatus::Open => ("task", "☐"),
    };
    let _ = write!(o, "<li class=\"{class}\">{mark} ");
    push_short(o, &a.text, 2000);
    let mut about: Vec<String> = Vec::new();
    if let Some(w) = a.owner.as_deref().filter(|w| !w.trim().is_empty()) {
        about.push(format!("with {}", escape(w.trim())));
    }
    if let Some(d) = a.due_on {
        about.push(format!("due {}", escape(&head.when(d))));
    }
    about.push(a.status.as_str().to_string());
    if let Some(d) = a.done_on.filter(|_| a.status == ActionStatus::Done) {
        about.push(format!("done {}", escape(&head.when(d))));
    }
    if let Some(b) = a.blocker.as_deref().filter(|b| !b.trim().is_empty()) {
        about.push(format!("blocked by: {}", escape(b.trim())));
    }
    let _ = writeln!(
        o,
        " <span class=\"meta\">({})</span></li>",
        about.join(" · ")
    );
}

/// One fact of a structured entry: a line of text or a list.
enum Fact {
    Text(String),
    List(Vec<String>),
}

/// The typed facts of structured kinds, as (label, fact), plain text (escaped on output).
fn facts(head: &Head, e: &Entry) -> Vec<(&'static str, Fact)> {
    let text = Fact::Text;
    let mut v: Vec<(&'static str, Fact)> = Vec::new();
    match &e.details {
        Details::None => {}
        Details::StageNote(n) => stage_facts(head, n, &mut v),
        Details::CallIn(c) => callin_facts(head, c, &mut v),
        Details::Supervision(s) => supervision_facts(head, s, &mut v),
        Details::Cpd(c) => {
            v.push(("Activity", text(c.activity_type.clone())));
            v.push(("Hours", text(format_hours(c.hours))));
            v.push((
                "Participatory",
                text(if c.participatory { "yes" } else { "no" }.into()),
            ));
        }
        other => {
            for (label, t) in crate::model::practice::facts(other, &|d| head.when(d)) {
                v.push((label, text(t)));
            }
        }
    }
    v.retain(|(_, f)| match f {
        Fact::Text(t) => !t.trim().is_empty(),
        Fact::List(l) => !l.is_empty(),
    });
    v
}

fn stage_facts(head: &Head, n: &StageNote, v: &mut Vec<(&'static str, Fact)>) {
    v.push(("Subject", Fact::Text(n.subject.clone())));
    v.push(("Topic", Fact::Text(n.topic.clone())));
    let mut stage = n.stage.to_string();
    if let Some(c) = n.certainty {
        let _ = write!(stage, " ({c})");
    }
    v.push(("Stage", Fact::Text(stage)));
    if let Some(p) = n.mi_process {
        v.push(("MI process", Fact::Text(p.to_string())));
    }
    v.push((
        "Change talk",
        Fact::List(
            n.change_talk
                .iter()
                .map(|c| format!("{}: {}", c.code, c.text))
                .collect(),
        ),
    ));
    if let Some(i) = n.importance {
        v.push((
            "Importance",
            Fact::Text(format!("{i} of 10, as they rated it")),
        ));
    }
    if let Some(c) = n.confidence {
        v.push((
            "Confidence",
            Fact::Text(format!("{c} of 10, as they rated it")),
        ));
    }
    if let Some(d) = n.review_on {
        v.push(("Review", Fact::Text(head.when(d))));
    }
}

fn callin_facts(head: &Head, c: &CallIn, v: &mut Vec<(&'static str, Fact)>) {
    if let Some(s) = &c.subject {
        v.push(("Subject", Fact::Text(s.clone())));
    }
    v.push(("Approach", Fact::Text(c.approach.to_string())));
    v.push(("Status", Fact::Text(c.status.to_string())));
    if let Some(d) = c.held_on {
        v.push(("Held", Fact::Text(head.when(d))));
    }
    if let Some(r) = c.rating {
        v.push(("How it went", Fact::Text(format!("{r} of 5, as I saw it"))));
    }
    if let Some(r) = c.rupture {
        v.push(("Rupture signs", Fact::Text(r.to_string())));
    }
    if let Some(d) = c.follow_up_on {
        v.push(("Follow up", Fact::Text(head.when(d))));
    }
    if let Some(d) = c.followed_up_on {
        v.push(("Followed up", Fact::Text(head.when(d))));
    }
}

fn supervision_facts(head: &Head, s: &Supervision, v: &mut Vec<(&'static str, Fact)>) {
    let stage = match s.stage {
        crate::model::SessionStage::Prep => "preparation",
        crate::model::SessionStage::Record => "record",
    };
    v.push(("Supervision", Fact::Text(stage.into())));
    v.push(("Session", Fact::Text(head.when(s.session_on))));
    if let Some(t) = s.session_type {
        v.push(("Type", Fact::Text(t.to_string())));
    }
    if let Some(r) = &s.supervisor_role {
        v.push(("Supervisor’s role", Fact::Text(r.clone())));
    }
    if let Some(m) = s.length_minutes {
        v.push(("Length", Fact::Text(format!("{m} minutes"))));
    }
    v.push((
        "Agenda",
        Fact::List(
            s.agenda
                .iter()
                .map(|a| {
                    let mut about = Vec::new();
                    if let Some(f) = a.function {
                        about.push(f.to_string());
                    }
                    if let Some(m) = a.minutes {
                        about.push(format!("{m} min"));
                    }
                    if let Some(w) = a.want {
                        about.push(format!("wants {w}"));
                    }
                    if about.is_empty() {
                        a.text.clone()
                    } else {
                        format!("{} ({})", a.text, about.join(" · "))
                    }
                })
                .collect(),
        ),
    ));
    if s.stage == crate::model::SessionStage::Record {
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        v.push(("Counts as CPD", Fact::Text(yes_no(s.counts_as_cpd))));
        v.push(("Peer reflection", Fact::Text(yes_no(s.peer_reflection))));
    }
}

fn write_details(o: &mut String, head: &Head, e: &Entry) {
    let facts = facts(head, e);
    if facts.is_empty() {
        return;
    }
    o.push_str("<dl class=\"facts\">\n");
    for (label, fact) in facts {
        let _ = write!(o, "<dt>{label}</dt><dd>");
        match fact {
            Fact::Text(t) => push_short(o, &t, 2000),
            Fact::List(items) => {
                o.push_str("<ul>");
                for i in items {
                    o.push_str("<li>");
                    push_short(o, &i, 2000);
                    o.push_str("</li>");
                }
                o.push_str("</ul>");
            }
        }
        o.push_str("</dd>\n");
    }
    o.push_str("</dl>\n");
}

// ---------------------------------------------------------------------------------------
// Charts: plain SVG with a viewBox, coloured by class, each with a table below it.

/// Width of every chart's coordinate system (it scales to the page).
const CHART_W: f64 = 480.0;

/// A finite number for an SVG attribute: two decimals at most, never NaN or inf.
fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// A 1–5 average for people: one decimal, or "–" when there is none.
fn avg(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite())
        .map_or_else(|| "–".into(), |v| format!("{:.1}", v.clamp(1.0, 5.0)))
}

/// The top of a count axis and its gridline step: a round number at or above `max`, in
/// at most four steps of 1, 2 or 5 × 10ⁿ.
fn nice_axis(max: i64) -> (i64, i64) {
    let max = max.max(1);
    let mut unit = 1_i64;
    loop {
        for m in [1, 2, 5] {
            let step = unit.saturating_mul(m);
            let top = ((max - 1) / step + 1).saturating_mul(step);
            if top / step <= 4 {
                return (top, step);
            }
        }
        if unit > i64::MAX / 10 {
            return (max, max);
        }
        unit *= 10;
    }
}

/// The height of a count's bar when `top` fills `plot_h`: proportional, never negative.
fn bar_height(count: i64, top: i64, plot_h: f64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts of entries are far below 2^52
    let h = count.max(0) as f64 / top.max(1) as f64 * plot_h;
    h.clamp(0.0, plot_h)
}

/// Positions along a weekly x axis: `n` slots across `plot_w` from `left`.
#[derive(Clone, Copy)]
struct Slots {
    left: f64,
    pitch: f64,
}

impl Slots {
    fn new(n: usize, left: f64, plot_w: f64) -> Slots {
        #[allow(clippy::cast_precision_loss)]
        let pitch = plot_w / n.max(1) as f64;
        Slots { left, pitch }
    }
    #[allow(clippy::cast_precision_loss)]
    fn start(self, i: usize) -> f64 {
        self.left + i as f64 * self.pitch
    }
    fn centre(self, i: usize) -> f64 {
        self.start(i) + self.pitch / 2.0
    }
}

/// The labels under a weekly axis: month names on one row, years on a row below them.
struct Ticks {
    months: Vec<(f64, String)>,
    years: Vec<(f64, String)>,
}

/// Month labels under a weekly axis (`weeks` are the dates of slots 0, 1, 2…), and the
/// year under the first label of each year. Every month is named when the labels fit;
/// otherwise every 2nd, 3rd, 6th or 12th month, always the same months (January, April,
/// July, October…), so no single month goes missing between two named ones. A first
/// month that is only a week or two of the chart gives way to the next one. When not even
/// one label a year fits, only years are named.
fn month_ticks(weeks: impl Iterator<Item = NaiveDate>, slots: Slots) -> Ticks {
    const CHAR_W: f64 = 6.2;
    const GAP: f64 = 6.0;
    #[allow(clippy::cast_precision_loss)]
    let width = |s: &str| s.chars().count() as f64 * CHAR_W;
    // (x, month's date) where each month starts on the axis; the first slot starts one.
    let mut starts: Vec<(f64, NaiveDate)> = Vec::new();
    let mut prev: Option<NaiveDate> = None;
    for (i, d) in weeks.enumerate() {
        if prev.is_none_or(|p| (p.year(), p.month()) != (d.year(), d.month())) {
            starts.push((slots.start(i), d));
        }
        prev = Some(d);
    }
    // Labels as (x, month, year if it is the first label of its year).
    let label = |chosen: &[(f64, NaiveDate)]| -> Vec<(f64, String, Option<String>)> {
        let mut year: Option<i32> = None;
        chosen
            .iter()
            .map(|(x, d)| {
                let y = (year != Some(d.year())).then(|| d.year().to_string());
                year = Some(d.year());
                (*x, d.format("%b").to_string(), y)
            })
            .collect()
    };
    let fits = |labels: &[(f64, String, Option<String>)]| {
        labels.windows(2).all(|w| {
            let (x, m, y) = &w[0];
            let used = width(m).max(y.as_deref().map_or(0.0, width));
            w[1].0 >= x + used + GAP
        }) && labels
            .last()
            .is_none_or(|(x, m, y)| x + width(m).max(y.as_deref().map_or(0.0, width)) <= CHART_W)
    };
    for step in [1_u32, 2, 3, 6, 12] {
        let mut chosen: Vec<(f64, NaiveDate)> = starts
            .iter()
            .enumerate()
            .filter(|(i, (_, d))| *i == 0 || d.month0().is_multiple_of(step))
            .map(|(_, s)| *s)
            .collect();
        // The first month may be a sliver of the chart, or off the step: it goes first.
        if chosen.len() > 1 {
            let first = label(&chosen[..2]);
            let off_step = !chosen[0].1.month0().is_multiple_of(step);
            if off_step || !fits(&first) {
                chosen.remove(0);
            }
        }
        let labels = label(&chosen);
        if fits(&labels) {
            let mut t = Ticks {
                months: Vec::new(),
                years: Vec::new(),
            };
            for (x, m, y) in labels {
                if let Some(y) = y {
                    t.years.push((x, y));
                }
                t.months.push((x, m));
            }
            return t;
        }
    }
    // Years only, every 1, 2, 5, 10… years.
    let year_starts: Vec<(f64, i32)> = starts
        .iter()
        .filter(|(_, d)| d.month() == 1)
        .map(|(x, d)| (*x, d.year()))
        .collect();
    for step in [1, 2, 5, 10, 20, 50, 100] {
        let chosen: Vec<(f64, String)> = year_starts
            .iter()
            .filter(|(_, y)| y.rem_euclid(step) == 0)
            .map(|(x, y)| (*x, y.to_string()))
            .collect();
        let ok = chosen
            .windows(2)
            .all(|w| w[1].0 >= w[0].0 + width(&w[0].1) + GAP)
            && chosen.last().is_none_or(|(x, y)| x + width(y) <= CHART_W);
        if ok {
            return Ticks {
                months: Vec::new(),
                years: chosen,
            };
        }
    }
    Ticks {
        months: Vec::new(),
        years: Vec::new(),
    }
}

/// Opens a chart: the `<svg>` with its accessible name and description.
fn svg_open(o: &mut String, id: &str, height: f64, title: &str, desc: &str) {
    let _ = write!(
        o,
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">\n<title id=\"{id}-t\">",
        num(CHART_W),
        num(height)
    );
    push_text(o, title);
    let _ = write!(o, "</title>\n<desc id=\"{id}-d\">");
    push_text(o, desc);
    o.push_str("</desc>\n");
}

/// Horizontal gridlines with their values at the left.
fn y_grid(o: &mut String, ticks: &[(f64, String)], left: f64, right: f64) {
    for (y, label) in ticks {
        let _ = writeln!(
            o,
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(left),
            num(right),
            num(left - 4.0),
            num(y + 3.5),
            escape(label),
            y = num(*y),
        );
    }
}

/// The axis labels: months on the first row at `y`, years on the row below (or on the
/// first row when there are no months).
fn x_labels(o: &mut String, ticks: &Ticks, y: f64) {
    let year_y = if ticks.months.is_empty() { y } else { y + 12.0 };
    for (row_y, row) in [(y, &ticks.months), (year_y, &ticks.years)] {
        for (x, label) in row {
            let _ = writeln!(
                o,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                num(*x),
                num(row_y),
                escape(label)
            );
        }
    }
}

/// The order kinds stack in: the journal's own kinds first, then any others by name.
fn kinds_in(weeks: &[WeekTotal]) -> Vec<String> {
    let seen: BTreeSet<&str> = weeks
        .iter()
        .flat_map(|w| {
            w.by_kind
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, _)| k.as_str())
        })
        .collect();
    let mut out: Vec<String> = EntryKind::ALL
        .iter()
        .map(|k| k.as_str())
        .filter(|k| seen.contains(k))
        .map(str::to_string)
        .collect();
    out.extend(
        seen.iter()
            .filter(|k| k.parse::<EntryKind>().is_err())
            .map(|k| (*k).to_string()),
    );
    out
}

/// How a summary names its weeks. A redacted summary shows dates by month, so its weeks
/// are numbered within the period and named by month ("Week 3 (March 2026)"), never by
/// the day they start on.
#[derive(Clone, Copy)]
struct WeekNames {
    redacted: bool,
    /// The first week of the period: week 1.
    origin: NaiveDate,
}

impl WeekNames {
    fn for_summary(s: &Summary) -> WeekNames {
        let origin = s
            .weeks
            .iter()
            .map(|w| w.week)
            .chain(s.checkins.weeks.iter().map(|w| w.week))
            .min()
            .unwrap_or(s.made_on);
        WeekNames {
            redacted: s.redacted,
            origin,
        }
    }

    fn numbered(self, d: NaiveDate) -> String {
        let n = (d - self.origin).num_days().div_euclid(7) + 1;
        format!("Week {n} ({})", month_year(d))
    }

    /// For a sentence or a tooltip: "week of 16 March 2026" or "week 3 (March 2026)".
    fn phrase(self, d: NaiveDate) -> String {
        if self.redacted {
            let mut w = self.numbered(d);
            w.replace_range(..1, "w");
            w
        } else {
            format!("week of {}", long_date(d))
        }
    }

    /// For a table cell: "2026-03-16" or "Week 3 (March 2026)".
    fn cell(self, d: NaiveDate) -> String {
        if self.redacted {
            self.numbered(d)
        } else {
            d.format("%Y-%m-%d").to_string()
        }
    }

    /// The heading of a table's week column.
    fn header(self) -> &'static str {
        if self.redacted { "Week" } else { "Week of" }
    }
}

/// Entries per week: one bar per week, stacked by kind, heights proportional to counts.
fn weeks_chart(o: &mut String, weeks: &[WeekTotal], names: WeekNames, place: Place<'_>) {
    const H: f64 = 212.0;
    const LEFT: f64 = 30.0;
    const RIGHT: f64 = 6.0;
    const TOP: f64 = 8.0;
    const BOTTOM: f64 = 34.0;
    let plot_h = H - TOP - BOTTOM;
    let base = H - BOTTOM;
    let kinds = kinds_in(weeks);
    let max = weeks.iter().map(|w| w.total).max().unwrap_or(0);
    let (top, step) = nice_axis(max);
    let slots = Slots::new(weeks.len(), LEFT, CHART_W - LEFT - RIGHT);
    let total: i64 = weeks.iter().map(|w| w.total.max(0)).sum();
    let busiest = weeks.iter().filter(|w| w.total > 0).max_by_key(|w| w.total);
    let mut desc = format!(
        "{} over {}, stacked by kind.",
        plural(total, "entry", "entries"),
        plural(weeks.len(), "week", "weeks")
    );
    if let Some(b) = busiest {
        let _ = write!(
            desc,
            " The most in one week: {} ({}).",
            b.total,
            names.phrase(b.week)
        );
    }
    o.push_str("<figure>\n");
    svg_open(o, &place.id("weeks"), H, "Entries per week", &desc);
    let ticks: Vec<(f64, String)> = (0..=top / step)
        .map(|i| {
            let v = i * step;
            (base - bar_height(v, top, plot_h), v.to_string())
        })
        .collect();
    y_grid(o, &ticks, LEFT, CHART_W - RIGHT);
    let bw = (slots.pitch * 0.72).max(0.4);
    for (i, w) in weeks.iter().enumerate() {
        let x = slots.start(i) + (slots.pitch - bw) / 2.0;
        let _ = write!(
            o,
            "<g class=\"bar\" data-total=\"{}\"><title>{}: {}",
            w.total.max(0),
            capitalised(&names.phrase(w.week)),
            plural(w.total.max(0), "entry", "entries")
        );
        let mut y = base;
        let parts: Vec<(String, i64)> = kinds
            .iter()
            .map(|k| (k.clone(), w.by_kind.get(k).copied().unwrap_or(0).max(0)))
            .filter(|(_, n)| *n > 0)
            .collect();
        if !parts.is_empty() {
            let list: Vec<String> = parts
                .iter()
                .map(|(k, n)| format!("{n} {}", escape(kind_label(k))))
                .collect();
            let _ = write!(o, " ({})", list.join(", "));
        }
        o.push_str("</title>");
        // A week whose kinds do not add up to its total still gets a bar of its total.
        let by_kind: i64 = parts.iter().map(|(_, n)| n).sum();
        let mut parts: Vec<(&'static str, i64)> =
            parts.iter().map(|(k, n)| (kind_class(k), *n)).collect();
        if by_kind < w.total {
            parts.push(("k-other", w.total - by_kind));
        }
        for (class, n) in parts {
            let h = bar_height(n, top, plot_h);
            y -= h;
            let _ = write!(
                o,
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                num(x),
                num(y),
                num(bw),
                num(h)
            );
        }
        o.push_str("</g>\n");
    }
    let ticks = month_ticks(weeks.iter().map(|w| w.week), slots);
    x_labels(o, &ticks, base + 14.0);
    o.push_str("</svg>\n<figcaption><ul class=\"legend\">\n");
    for k in &kinds {
        o.push_str("<li>");
        swatch(o, kind_class(k));
        push_text(o, kind_label(k));
        o.push_str("</li>\n");
    }
    o.push_str("</ul></figcaption>\n</figure>\n");
    // The same numbers as a table.
    let _ = write!(
        o,
        "<details><summary>Entries per week as a table</summary>\n<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">Entries</th>",
        names.header()
    );
    for k in &kinds {
        o.push_str("<th scope=\"col\" class=\"n\">");
        push_text(o, kind_label(k));
        o.push_str("</th>");
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for w in weeks {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td>",
            names.cell(w.week),
            w.total.max(0)
        );
        for k in &kinds {
            let _ = write!(
                o,
                "<td class=\"n\">{}</td>",
                w.by_kind.get(k).copied().unwrap_or(0).max(0)
            );
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div></details>\n");
}

/// One value of a week's check-ins (mood or energy).
type WeekValue = fn(&CheckinWeekSummary) -> Option<f64>;

/// Mood and energy per week on the 1–5 scale: two lines, broken where a week had no
/// check-in. `frame` are the weeks of the entries chart, so both charts line up.
fn checkins_chart(
    o: &mut String,
    cweeks: &[CheckinWeekSummary],
    frame: &[WeekTotal],
    names: WeekNames,
    place: Place<'_>,
) {
    const H: f64 = 200.0;
    const LEFT: f64 = 30.0;
    const RIGHT: f64 = 6.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 34.0;
    /// Room between the lowest value (1) and the axis, so that no point sits on it.
    const LIFT: f64 = 12.0;
    let base = H - BOTTOM;
    let plot_h = base - LIFT - TOP;
    let dates = frame
        .iter()
        .map(|w| w.week)
        .chain(cweeks.iter().map(|w| w.week));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return;
    };
    // Slots by week from the first to the last, whatever the dates are.
    let index = |d: NaiveDate| usize::try_from((d - first).num_days() / 7).unwrap_or(0);
    let n = index(last) + 1;
    let slots = Slots::new(n, LEFT, CHART_W - LEFT - RIGHT);
    let y_of = |v: f64| TOP + (5.0 - v.clamp(1.0, 5.0)) / 4.0 * plot_h;
    let mut sorted: Vec<&CheckinWeekSummary> = cweeks.iter().collect();
    sorted.sort_by_key(|w| w.week);
    let series: [(&str, WeekValue); 2] = [("mood", |w| w.mood), ("energy", |w| w.energy)];
    let points = |get: WeekValue| -> Vec<(usize, f64)> {
        sorted
            .iter()
            .filter_map(|w| get(w).filter(|v| v.is_finite()).map(|v| (index(w.week), v)))
            .collect()
    };
    let desc = checkins_desc(n, &series.map(|(name, get)| (name, points(get))));
    o.push_str("<figure>\n");
    svg_open(
        o,
        &place.id("checkins"),
        H,
        "Check-in mood and energy per week",
        &desc,
    );
    let ticks: Vec<(f64, String)> = (1..=5)
        .map(|v| (y_of(f64::from(v)), v.to_string()))
        .collect();
    y_grid(o, &ticks, LEFT, CHART_W - RIGHT);
    let _ = writeln!(
        o,
        "<line class=\"axis\" x1=\"{l}\" x2=\"{r}\" y1=\"{b}\" y2=\"{b}\"/>",
        l = num(LEFT),
        r = num(CHART_W - RIGHT),
        b = num(base)
    );
    for (name, get) in series {
        let points = points(get);
        let mut path = String::new();
        let mut prev: Option<usize> = None;
        for &(i, v) in &points {
            let cmd = if prev.is_some_and(|p| i == p + 1) {
                'L'
            } else {
                'M'
            };
            let _ = write!(path, "{cmd}{} {} ", num(slots.centre(i)), num(y_of(v)));
            prev = Some(i);
        }
        if !points.is_empty() {
            let _ = writeln!(o, "<path class=\"l-{name}\" d=\"{}\"/>", path.trim_end());
        }
        for (k, &(i, v)) in points.iter().enumerate() {
            let (x, y) = (slots.centre(i), y_of(v));
            let _ = writeln!(
                o,
                "<circle class=\"p-{name}\" cx=\"{}\" cy=\"{}\" r=\"2.6\"><title>{name} {}</title></circle>",
                num(x),
                num(y),
                avg(Some(v))
            );
            // A week with no neighbour draws no line: its value is written beside it (in
            // the line's colour, mood above and energy below), so that a lone point is not
            // mistaken for a mark on the axis.
            let joined = (k > 0 && points[k - 1].0 + 1 == i)
                || points.get(k + 1).is_some_and(|p| p.0 == i + 1);
            if !joined {
                let (tx, anchor) = if x + 24.0 > CHART_W {
                    (x - 5.0, "end")
                } else {
                    (x + 5.0, "start")
                };
                let ty = if name == "mood" { y - 4.0 } else { y + 11.0 };
                let _ = writeln!(
                    o,
                    "<text class=\"v-{name}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    num(tx),
                    num(ty),
                    avg(Some(v))
                );
            }
        }
    }
    let ticks = month_ticks(
        (0..n.min(5_000)).map(|i| {
            first
                .checked_add_days(chrono::Days::new(7 * i as u64))
                .unwrap_or(last)
        }),
        slots,
    );
    x_labels(o, &ticks, base + 14.0);
    o.push_str(
        "</svg>\n<figcaption><ul class=\"legend\">\n\
         <li><svg class=\"sw\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><line class=\"sw-mood\" x1=\"0\" x2=\"10\" y1=\"5\" y2=\"5\"/></svg>mood</li>\n\
         <li><svg class=\"sw\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><line class=\"sw-energy\" x1=\"0\" x2=\"10\" y1=\"5\" y2=\"5\"/></svg>energy (dashed)</li>\n\
         </ul></figcaption>\n</figure>\n",
    );
    let _ = write!(
        o,
        "<details><summary>Check-ins per week as a table</summary>\n<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">Check-ins</th><th scope=\"col\" class=\"n\">Mood</th><th scope=\"col\" class=\"n\">Energy</th><th scope=\"col\" class=\"n\">Heavy days</th></tr></thead>\n<tbody>\n",
        names.header()
    );
    for w in sorted {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            names.cell(w.week),
            w.checkins.max(0),
            avg(w.mood),
            avg(w.energy),
            w.heavy_days.max(0)
        );
    }
    o.push_str("</tbody>\n</table></div></details>\n");
}

/// The text alternative of the mood and energy chart: the range of each line, in words.
fn checkins_desc(weeks: usize, series: &[(&str, Vec<(usize, f64)>)]) -> String {
    let mut parts = Vec::new();
    for (name, points) in series {
        let values: Vec<f64> = points.iter().map(|(_, v)| v.clamp(1.0, 5.0)).collect();
        let (Some(lo), Some(hi)) = (
            values.iter().copied().reduce(f64::min),
            values.iter().copied().reduce(f64::max),
        ) else {
            parts.push(format!("no {name} recorded"));
            continue;
        };
        let n = i64::try_from(values.len()).unwrap_or(i64::MAX);
        let span = if (hi - lo).abs() < 0.05 {
            format!("{name} {} in {}", avg(Some(lo)), plural(n, "week", "weeks"))
        } else {
            format!(
                "{name} from {} to {} over {}",
                avg(Some(lo)),
                avg(Some(hi)),
                plural(n, "week", "weeks")
            )
        };
        parts.push(span);
    }
    format!(
        "Average mood and energy (1 to 5) of each week's check-ins, over {}: {}. A gap \
         is a week without a check-in.",
        plural(i64::try_from(weeks).unwrap_or(i64::MAX), "week", "weeks"),
        parts.join("; ")
    )
}

/// One row of a horizontal bar chart.
struct HRow {
    label: String,
    /// (CSS class, count), drawn left to right.
    parts: Vec<(&'static str, i64)>,
    /// After the count: a trend word.
    note: String,
    /// The tooltip.
    title: String,
}

/// Breaks a chart label into lines of at most `max` characters, at spaces where it can:
/// a name is never cut short in a chart.
fn label_lines(label: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in label.split_whitespace() {
        let mut word = word;
        loop {
            let used = cur.chars().count();
            let wide = word.chars().count();
            if used == 0 && wide <= max {
                cur.push_str(word);
                break;
            }
            if used > 0 && used + 1 + wide <= max {
                cur.push(' ');
                cur.push_str(word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut cur));
                continue;
            }
            // A word longer than a line is split where it must be.
            let at = word.char_indices().nth(max).map_or(word.len(), |(i, _)| i);
            lines.push(word[..at].to_string());
            word = &word[at..];
            if word.is_empty() {
                break;
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Horizontal bars, one row each, lengths proportional to the row totals. Labels sit to
/// the left of their bars, whole: a long one takes two lines or more.
fn hbar_chart(o: &mut String, id: &str, title: &str, desc: &str, rows: &[HRow]) {
    const LINE: f64 = 13.0;
    const LABEL_W: f64 = 170.0;
    const BAR_X: f64 = 176.0;
    const CHAR_W: f64 = 6.2;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    const LABEL_CHARS: usize = (LABEL_W / CHAR_W) as usize;
    let rows = &rows[..rows.len().min(CHART_ROWS)];
    // The bars leave room for the longest "count · trend" after them.
    #[allow(clippy::cast_precision_loss)]
    let after = rows
        .iter()
        .map(|r| {
            let total: i64 = r.parts.iter().map(|(_, n)| (*n).max(0)).sum();
            let note = if r.note.is_empty() {
                0
            } else {
                r.note.chars().count() + 3
            };
            (total.to_string().len() + note) as f64 * CHAR_W
        })
        .fold(0.0, f64::max);
    let bar_w = (CHART_W - BAR_X - 8.0 - after).clamp(60.0, 300.0);
    // Three lines hold any model or strength name; text beyond them (only a summary file
    // from elsewhere has such) is cut, and its tooltip and table have it whole.
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let head: String = r.label.chars().take(LABEL_CHARS * 4).collect();
            let mut lines = label_lines(&head, LABEL_CHARS);
            if lines.len() > 3 {
                lines.truncate(3);
                lines[2].push('…');
            }
            lines
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let row_h = |lines: usize| (lines as f64 * LINE + 7.0).max(20.0);
    let h = labels.iter().map(|l| row_h(l.len())).sum::<f64>() + 6.0;
    let max = rows
        .iter()
        .map(|r| r.parts.iter().map(|(_, n)| (*n).max(0)).sum::<i64>())
        .max()
        .unwrap_or(0);
    o.push_str("<figure>\n");
    svg_open(o, id, h, title, desc);
    let mut y = 3.0;
    for (r, lines) in rows.iter().zip(&labels) {
        let rh = row_h(lines.len());
        // The bar in the middle of its row; the label's lines around the same middle.
        let mid = y + rh / 2.0;
        o.push_str("<g class=\"row\"><title>");
        push_text(o, &r.title);
        o.push_str("</title>");
        #[allow(clippy::cast_precision_loss)]
        let first = mid + 4.0 - (lines.len() - 1) as f64 * LINE / 2.0;
        for (k, line) in lines.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let ly = first + k as f64 * LINE;
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">",
                num(LABEL_W),
                num(ly)
            );
            push_text(o, line);
            o.push_str("</text>");
        }
        let mut x = BAR_X;
        let mut total = 0;
        for &(class, n) in &r.parts {
            let w = bar_height(n, max, bar_w);
            total += n.max(0);
            if w > 0.0 {
                let _ = write!(
                    o,
                    "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"13\"/>",
                    num(x),
                    num(mid - 6.5),
                    num(w)
                );
            }
            x += w;
        }
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\">{total}",
            num(x + 5.0),
            num(mid + 4.0)
        );
        if !r.note.is_empty() {
            o.push_str(" · ");
            push_text(o, &r.note);
        }
        o.push_str("</text></g>\n");
        y += rh;
    }
    o.push_str("</svg>\n");
}

fn trend_word(t: Trend) -> &'static str {
    match t {
        Trend::New => "new",
        Trend::Up => "more than before",
        Trend::Same => "as before",
        Trend::Down => "less than before",
        Trend::Unknown => "",
    }
}

fn strengths_chart(o: &mut String, strengths: &[StrengthSummary], place: Place<'_>) {
    let rows: Vec<HRow> = strengths
        .iter()
        .map(|s| {
            let note = trend_word(s.trend).to_string();
            let mut title = format!(
                "{}: {} mine, {} person supported, {} team, {} colleague",
                s.name,
                s.mine.max(0),
                s.person.max(0),
                s.team.max(0),
                s.colleague.max(0)
            );
            if !note.is_empty() {
                let _ = write!(title, "; {note}");
            }
            HRow {
                label: s.name.clone(),
                parts: vec![
                    ("s-mine", s.mine),
                    ("s-person", s.person),
                    ("s-team", s.team),
                    ("s-colleague", s.colleague),
                ],
                note,
                title,
            }
        })
        .collect();
    let desc = format!(
        "{} tagged, split by whose strength it was (mine, the person supported's, the \
         team's, a colleague's){}.",
        plural(strengths.len(), "strength", "strengths"),
        if strengths.len() > CHART_ROWS {
            format!("; the {CHART_ROWS} most used are drawn, the table has all")
        } else {
            String::new()
        }
    );
    hbar_chart(
        o,
        &place.id("strengths"),
        "Strengths by whose they were",
        &desc,
        &rows,
    );
    o.push_str("<figcaption><ul class=\"legend\">\n");
    for (class, label) in [
        ("s-mine", "mine"),
        ("s-person", "person supported"),
        ("s-team", "team"),
        ("s-colleague", "colleague"),
    ]
    .into_iter()
    // A colleague's share is keyed only where someone was recognised.
    .filter(|(class, _)| *class != "s-colleague" || strengths.iter().any(|s| s.colleague > 0))
    {
        o.push_str("<li>");
        swatch(o, class);
        let _ = writeln!(o, "{label}</li>");
    }
    o.push_str("</ul></figcaption>\n</figure>\n");
    o.push_str("<details><summary>Strengths as a table</summary>\n<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Strength</th><th scope=\"col\">Group</th><th scope=\"col\" class=\"n\">Mine</th><th scope=\"col\" class=\"n\">Person supported</th><th scope=\"col\" class=\"n\">Team</th><th scope=\"col\" class=\"n\">Colleague</th><th scope=\"col\" class=\"n\">All</th><th scope=\"col\">Against the period before</th></tr></thead>\n<tbody>\n");
    for s in strengths {
        o.push_str("<tr><td>");
        push_short(o, &s.name, 200);
        o.push_str("</td><td>");
        push_short(o, &s.group, 200);
        let _ = writeln!(
            o,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            s.mine.max(0),
            s.person.max(0),
            s.team.max(0),
            s.colleague.max(0),
            s.total.max(0),
            trend_word(s.trend)
        );
    }
    o.push_str("</tbody>\n</table></div></details>\n");
}

// ---------------------------------------------------------------------------------------
// Summary

/// Where a summary's parts go on a page: the prefix of their ids (a review page holds
/// several people's) and the level of their section headings.
#[derive(Clone, Copy)]
struct Place<'a> {
    prefix: &'a str,
    level: u8,
}

impl Place<'_> {
    /// A summary's own page: ids as they are, sections under `<h2>`.
    const PAGE: Place<'static> = Place {
        prefix: "",
        level: 2,
    };

    fn id(self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// A section's heading tag, and the one under it.
    fn h(self) -> String {
        format!("h{}", self.level)
    }

    fn sub(self) -> String {
        format!("h{}", self.level + 1)
    }

    /// Opens a section: `<section id="…"><hN>title</hN>`.
    fn open(self, o: &mut String, name: &str, title: &str) {
        let _ = writeln!(
            o,
            "<section id=\"{}\">\n<{h}>{title}</{h}>",
            self.id(name),
            h = self.h()
        );
    }
}

/// A summary as one page: the period's patterns as charts (each with its numbers as a
/// table), then the chosen excerpts, stages and call-ins.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_summary(out: &mut dyn Write, s: &Summary) -> anyhow::Result<()> {
    let mut o = String::with_capacity(64 * 1024);
    let title = match s.from.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(f) => format!("{}: {f}, {}", words::SUMMARY_TITLE, s.period.label),
        None => format!("{}, {}", words::SUMMARY_TITLE, s.period.label),
    };
    page_start(&mut o, &title);
    doc_header(
        &mut o,
        words::SUMMARY_TITLE,
        s.from.as_deref(),
        &s.period.label,
        s.made_on,
        false,
    );
    if s.redacted {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", words::REDACTED_SUMMARY);
    }
    let _ = write!(
        o,
        "<p class=\"note\">{}</p>\n</header>\n<main>\n",
        words::PROMPTS
    );
    flush(out, &mut o)?;
    write_summary_parts(out, &mut o, s, Place::PAGE)?;
    o.push_str("</main>\n");
    page_end(&mut o, s.made_on);
    flush(out, &mut o)?;
    out.flush()?;
    Ok(())
}

/// A summary's patterns, excerpts, stages and call-ins, in `place`.
fn write_summary_parts(
    out: &mut dyn Write,
    o: &mut String,
    s: &Summary,
    place: Place<'_>,
) -> anyhow::Result<()> {
    let checkins = s.checkins.checkins.max(0);
    if s.entries <= 0 && checkins == 0 {
        let _ = writeln!(o, "<p class=\"empty\">{}</p>", words::NOTHING);
    } else {
        write_counts(o, s, place);
        flush(out, o)?;
        write_checkins(o, s, place);
        flush(out, o)?;
        if !s.strengths.is_empty() {
            place.open(o, "strengths", "Strengths");
            strengths_chart(o, &s.strengths, place);
            o.push_str("</section>\n");
        }
        if !s.models.is_empty() {
            write_models(o, s, place);
        }
        flush(out, o)?;
    }
    write_actions(o, s, place);
    flush(out, o)?;
    if !s.excerpts.is_empty() {
        place.open(o, "excerpts", "Excerpts");
        for x in &s.excerpts {
            write_excerpt(o, x, place);
            flush(out, o)?;
        }
        o.push_str("</section>\n");
    }
    if let Some(others) = s.with_others.as_ref().filter(|w| !w.is_empty()) {
        write_with_others(o, others, place);
    }
    if let Some(stages) = s.stages.as_deref().filter(|v| !v.is_empty()) {
        write_stages(o, stages, place);
    }
    if let Some(c) = &s.callins
        && (!c.by_status.is_empty() || !c.by_rupture.is_empty())
    {
        place.open(o, "callins", "Call-ins");
        count_table(o, "By where they stand", "Status", &c.by_status);
        count_table(o, "By signs of rupture", "Rupture signs", &c.by_rupture);
        o.push_str("</section>\n");
    }
    flush(out, o)
}

// ---------------------------------------------------------------------------------------
// The coach's review

/// Several people's summaries side by side on one page: a table that compares them, then
/// each person's patterns, excerpts, stages and call-ins in a column of their own. Every
/// chart has a text alternative and its numbers as a table, as on a summary's own page.
/// `people` are (name, summary); `made_on` is the day the page is made.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_review(
    out: &mut dyn Write,
    people: &[(String, &Summary)],
    made_on: NaiveDate,
) -> anyhow::Result<()> {
    let mut o = String::with_capacity(64 * 1024);
    page_start_as(&mut o, words::REVIEW_TITLE, Some("review"));
    let _ = write!(
        o,
        "<header class=\"doc\">\n<h1>{}</h1>\n<p class=\"meta\">{} · made on {}</p>\n\
         <p class=\"note\">{}</p>\n<p class=\"note\">{}</p>\n",
        words::REVIEW_TITLE,
        plural(people.len(), "person", "people"),
        long_date(made_on),
        words::REVIEW_NOTE,
        words::PROMPTS
    );
    o.push_str("<nav class=\"people-list\" aria-label=\"People\">\n<ul>\n");
    for (i, (name, s)) in people.iter().enumerate() {
        let _ = write!(o, "<li><a href=\"#p{}\">", i + 1);
        push_short(&mut o, name, 200);
        o.push_str("</a> <span class=\"meta\">");
        push_short(&mut o, &period_named(s), 200);
        o.push_str("</span></li>\n");
    }
    o.push_str("</ul>\n</nav>\n</header>\n<main>\n");
    write_glance(&mut o, people);
    flush(out, &mut o)?;
    o.push_str("<div class=\"people\">\n");
    for (i, (name, s)) in people.iter().enumerate() {
        let prefix = format!("p{}-", i + 1);
        let _ = write!(
            o,
            "<section class=\"person\" id=\"p{n}\" aria-labelledby=\"p{n}-h\">\n<h2 id=\"p{n}-h\">",
            n = i + 1
        );
        push_short(&mut o, name, 200);
        o.push_str("</h2>\n<p class=\"meta\">");
        push_short(&mut o, &period_named(s), 200);
        let _ = writeln!(o, " · made on {}</p>", long_date(s.made_on));
        if s.redacted {
            let _ = writeln!(o, "<p class=\"note\">{}</p>", words::REDACTED_SUMMARY);
        }
        write_summary_parts(
            out,
            &mut o,
            s,
            Place {
                prefix: &prefix,
                level: 3,
            },
        )?;
        o.push_str("</section>\n");
        flush(out, &mut o)?;
    }
    o.push_str("</div>\n</main>\n");
    page_end(&mut o, made_on);
    flush(out, &mut o)?;
    out.flush()?;
    Ok(())
}

/// A summary's period as the review names it: the writer's name for it, or its days where
/// that name may not be shown ([`Summary::label_shown`]).
fn period_named(s: &Summary) -> String {
    s.label_shown()
        .map_or_else(|| s.days_shown(), str::to_string)
}

/// The comparison: one row per measure, one column per person.
fn write_glance(o: &mut String, people: &[(String, &Summary)]) {
    o.push_str(
        "<section id=\"glance\" aria-labelledby=\"glance-h\">\n<h2 id=\"glance-h\">At a glance</h2>\n\
         <div class=\"wide\"><table class=\"glance\">\n<caption>The summaries compared, one column each</caption>\n\
         <thead><tr><td></td>",
    );
    for (i, (name, _)) in people.iter().enumerate() {
        let _ = write!(o, "<th scope=\"col\"><a href=\"#p{}\">", i + 1);
        push_short(o, name, 200);
        o.push_str("</a></th>");
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    let row = |o: &mut String, label: &str, cell: &dyn Fn(&Summary) -> String| {
        let _ = write!(o, "<tr><th scope=\"row\">{label}</th>");
        for (_, s) in people {
            o.push_str("<td>");
            push_short(o, &cell(s), 600);
            o.push_str("</td>");
        }
        o.push_str("</tr>\n");
    };
    row(o, "Period", &period_named);
    row(o, "Entries", &|s| {
        let mut kinds: Vec<String> = s
            .by_kind
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(k, n)| format!("{n} {}", kind_label(k)))
            .collect();
        kinds.truncate(6);
        if kinds.is_empty() {
            s.entries.max(0).to_string()
        } else {
            format!("{} ({})", s.entries.max(0), kinds.join(", "))
        }
    });
    row(o, "Entries per week", &|s| {
        let weeks = i64::try_from(s.weeks.len()).unwrap_or(i64::MAX);
        match s.weeks.iter().map(|w| w.total.max(0)).max() {
            Some(most) => format!(
                "over {}, at most {most} in one",
                plural(weeks, "week", "weeks")
            ),
            None => "none".into(),
        }
    });
    row(o, "Check-ins", &|s| {
        let c = &s.checkins;
        if c.checkins <= 0 {
            return "none shared".into();
        }
        format!(
            "{}; mood {} and energy {} on average (1 to 5)",
            c.checkins,
            avg(c.mood),
            avg(c.energy)
        )
    });
    row(o, "Heavy-load days", &|s| {
        let c = &s.checkins;
        let mut t = c.heavy_days.max(0).to_string();
        if c.heavy_persists {
            t.push_str(" (heavy load keeps coming up)");
        }
        t
    });
    row(o, "Strengths most used", &|s| {
        if s.strengths.is_empty() {
            return "none tagged".into();
        }
        s.strengths
            .iter()
            .take(3)
            .map(|st| {
                let mut whose = Vec::new();
                for (n, w) in [
                    (st.mine, "mine"),
                    (st.person, "person supported"),
                    (st.team, "team"),
                    (st.colleague, "colleague"),
                ] {
                    if n > 0 {
                        whose.push(format!("{n} {w}"));
                    }
                }
                format!("{} ({})", st.name, whose.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    row(o, "Reflective models", &|s| {
        if s.models.is_empty() {
            return "none".into();
        }
        s.models
            .iter()
            .take(3)
            .map(|m| format!("{} ({})", m.name, m.count.max(0)))
            .collect::<Vec<_>>()
            .join("; ")
    });
    row(o, "Actions", &|s| {
        let a = &s.actions;
        format!(
            "{} open, {} past their date, {} done in the period",
            a.open.max(0),
            a.overdue.max(0),
            a.done_in_period.max(0)
        )
    });
    row(o, "Practice with others", &|s| match &s.with_others {
        None => "not counted".into(),
        Some(w) if w.is_empty() => "none written".into(),
        Some(w) => w
            .lines()
            .iter()
            .map(|(_, label, text)| format!("{label}: {text}"))
            .collect::<Vec<_>>()
            .join("; "),
    });
    row(o, "Excerpts", &|s| s.excerpts.len().to_string());
    row(o, "Stages of change", &|s| match &s.stages {
        None => "not shared".into(),
        Some(t) => plural(t.len(), "subject and topic", "subjects and topics"),
    });
    row(o, "Call-ins", &|s| match &s.callins {
        None => "not shared".into(),
        Some(c) if c.by_status.is_empty() => "none".into(),
        Some(c) => c
            .by_status
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(", "),
    });
    row(o, "Identifying details", &|s| {
        if s.redacted {
            "replaced by placeholders; dates by month".into()
        } else {
            "as written".into()
        }
    });
    o.push_str("</tbody>\n</table></div>\n</section>\n");
}

fn write_counts(o: &mut String, s: &Summary, place: Place<'_>) {
    place.open(o, "entries", "Entries");
    let _ = write!(
        o,
        "<p>{} in the period",
        plural(s.entries.max(0), "entry", "entries")
    );
    let mut kinds: Vec<(&String, &i64)> = s.by_kind.iter().filter(|(_, n)| **n > 0).collect();
    // The journal's own kinds in their usual order, then any others.
    kinds.sort_by_key(|(k, _)| {
        k.parse::<EntryKind>().map_or(usize::MAX, |k| {
            EntryKind::ALL
                .iter()
                .position(|a| *a == k)
                .unwrap_or(usize::MAX)
        })
    });
    if kinds.is_empty() {
        o.push_str(".</p>\n");
    } else {
        o.push_str(":</p>\n<ul class=\"legend\">\n");
        for (k, n) in kinds {
            o.push_str("<li>");
            swatch(o, kind_class(k));
            let _ = write!(o, "{n} ");
            push_text(o, kind_label(k));
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    if s.weeks.iter().any(|w| w.total > 0) {
        weeks_chart(o, &s.weeks, WeekNames::for_summary(s), place);
    }
    o.push_str("</section>\n");
}

fn write_checkins(o: &mut String, s: &Summary, place: Place<'_>) {
    let c = &s.checkins;
    place.open(o, "checkins", "Check-ins");
    if c.checkins <= 0 {
        o.push_str("<p>No check-ins in this period.</p>\n</section>\n");
        return;
    }
    let _ = write!(
        o,
        "<p>{}; on average mood {} and energy {} (1 to 5)",
        plural(c.checkins, "check-in", "check-ins"),
        avg(c.mood),
        avg(c.energy)
    );
    if c.heavy_days > 0 {
        let _ = write!(
            o,
            "; a heavy load on {}",
            plural(c.heavy_days, "day", "days")
        );
    }
    o.push_str(".</p>\n");
    if c.heavy_persists {
        let _ = writeln!(
            o,
            "<p class=\"signpost\">{}</p>",
            escape(crate::insights::SIGNPOST)
        );
    }
    if c.weeks
        .iter()
        .any(|w| w.mood.is_some() || w.energy.is_some())
    {
        checkins_chart(o, &c.weeks, &s.weeks, WeekNames::for_summary(s), place);
    }
    o.push_str("</section>\n");
}

fn write_models(o: &mut String, s: &Summary, place: Place<'_>) {
    place.open(o, "models", "Reflective models used");
    let rows: Vec<HRow> = s
        .models
        .iter()
        .map(|m| HRow {
            label: m.name.clone(),
            parts: vec![("s-bar", m.count)],
            note: String::new(),
            title: format!("{}: {}", m.name, plural(m.count.max(0), "entry", "entries")),
        })
        .collect();
    let desc = format!(
        "How many entries used each of {}.",
        plural(rows.len(), "model", "models")
    );
    hbar_chart(
        o,
        &place.id("models"),
        "Reflective models used",
        &desc,
        &rows,
    );
    o.push_str("</figure>\n<details><summary>Models as a table</summary>\n<table>\n<thead><tr><th scope=\"col\">Model</th><th scope=\"col\" class=\"n\">Entries</th></tr></thead>\n<tbody>\n");
    for m in &s.models {
        o.push_str("<tr><td>");
        push_short(o, &m.name, 200);
        let _ = writeln!(o, "</td><td class=\"n\">{}</td></tr>", m.count.max(0));
    }
    o.push_str("</tbody>\n</table></details>\n</section>\n");
}

fn write_actions(o: &mut String, s: &Summary, place: Place<'_>) {
    let a = &s.actions;
    if a.open <= 0 && a.overdue <= 0 && a.done_in_period <= 0 && a.items.is_empty() {
        return;
    }
    place.open(o, "actions", "Actions");
    let _ = write!(
        o,
        "<ul class=\"stats\">\n\
         <li><strong>{}</strong>open</li>\n<li><strong>{}</strong>past their date</li>\n\
         <li><strong>{}</strong>done in the period</li>\n</ul>\n",
        a.open.max(0),
        a.overdue.max(0),
        a.done_in_period.max(0)
    );
    if !a.items.is_empty() {
        o.push_str("<ul class=\"actions\">\n");
        for i in &a.items {
            let mark = match i.status.as_str() {
                "done" => "☑",
                "partly" => "◐",
                _ => "☐",
            };
            let _ = write!(o, "<li class=\"task\">{mark} ");
            push_short(o, &i.text, 2000);
            o.push_str(" <span class=\"meta\">(");
            if let Some(d) = i.due_on {
                let when = if s.redacted {
                    month_year(d)
                } else {
                    d.format("%Y-%m-%d").to_string()
                };
                let _ = write!(o, "due {when} · ");
            }
            push_short(o, &i.status, 50);
            o.push_str(")</span></li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");
}

fn write_excerpt(o: &mut String, x: &Excerpt, place: Place<'_>) {
    let class = x.kind.parse::<EntryKind>().map_or("other", |k| k.as_str());
    let h = place.sub();
    let _ = write!(o, "<article class=\"excerpt kind-{class}\">\n<{h}>");
    if x.title.trim().is_empty() {
        o.push_str(words::UNTITLED);
    } else {
        push_short(o, &x.title, 1000);
    }
    let _ = write!(o, "</{h}>\n<p class=\"meta\">");
    push_short(o, &x.when, 100);
    o.push_str(" · ");
    push_short(o, kind_label(&x.kind), 100);
    // Other kinds name their template here, which is not a reflective model.
    if let Some(m) = x
        .model
        .as_deref()
        .filter(|m| x.kind == "reflection" && !m.trim().is_empty() && *m != "free")
    {
        o.push_str(" · ");
        push_short(o, m, 200);
    }
    if x.for_supervision {
        o.push_str(" · <span class=\"flag\">for supervision</span>");
    }
    o.push_str("</p>\n");
    if x.parts.is_empty() && x.of.trim().is_empty() {
        // A summary from before excerpts were chosen parts.
        push_markdown(o, &x.text);
    } else {
        if !x.of.trim().is_empty() {
            o.push_str("<p class=\"meta of\">Excerpt: ");
            push_short(o, &x.of, 200);
            o.push_str("</p>\n");
        }
        for part in &x.parts {
            o.push_str("<p class=\"from\">From <strong>");
            push_short(o, &part.from, 300);
            o.push_str("</strong></p>\n<blockquote>\n");
            push_markdown(o, &part.text);
            o.push_str("</blockquote>\n");
        }
    }
    if !x.strengths.is_empty() || !x.tags.is_empty() {
        o.push_str("<ul class=\"chips\" aria-label=\"Strengths and tags\">\n");
        for s in &x.strengths {
            // Spelled as on the command line: `name` (mine) or `name:whose`.
            let (name, whose_word) = match s.rsplit_once(':') {
                Some((n, w)) => match w.parse::<Whose>() {
                    Ok(w) => (n, whose(w)),
                    Err(_) => (s.as_str(), whose(Whose::Mine)),
                },
                None => (s.as_str(), whose(Whose::Mine)),
            };
            o.push_str("<li>");
            push_short(o, name, 100);
            let _ = writeln!(o, " <span class=\"whose\">{whose_word}</span></li>");
        }
        for t in &x.tags {
            o.push_str("<li>#");
            push_short(o, t, 100);
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</article>\n");
}

/// Practice with others as counts in words, each line marked with its kind's colour.
fn write_with_others(o: &mut String, w: &super::summary::WithOthers, place: Place<'_>) {
    place.open(o, "with-others", "Practice with others");
    o.push_str("<dl class=\"facts\">\n");
    for (kind, label, text) in w.lines() {
        o.push_str("<dt>");
        swatch(o, kind_class(kind.as_str()));
        let _ = write!(o, "{label}</dt><dd>");
        push_short(o, &text, 600);
        o.push_str("</dd>\n");
    }
    let _ = write!(
        o,
        "</dl>\n<p class=\"muted\">{}</p>\n</section>\n",
        words::WITH_OTHERS
    );
}

fn write_stages(o: &mut String, stages: &[super::summary::StageSummary], place: Place<'_>) {
    place.open(o, "stages", "Stages of change");
    o.push_str(
        "<div class=\"wide\"><table>\n\
         <thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Topic</th><th scope=\"col\">Stages over time</th><th scope=\"col\" class=\"n\">Returns to an earlier stage</th></tr></thead>\n<tbody>\n",
    );
    for t in stages {
        o.push_str("<tr><td>");
        push_short(o, &t.subject, 200);
        o.push_str("</td><td>");
        push_short(o, &t.topic, 300);
        o.push_str("</td><td>");
        for (i, (when, stage)) in t.points.iter().enumerate() {
            if i > 0 {
                o.push_str(" → ");
            }
            push_short(o, stage, 50);
            o.push_str(" <span class=\"meta\">(");
            push_short(o, when, 50);
            o.push_str(")</span>");
        }
        let _ = writeln!(o, "</td><td class=\"n\">{}</td></tr>", t.moves_back);
    }
    let _ = write!(
        o,
        "</tbody>\n</table></div>\n<p class=\"muted\">{}</p>\n",
        words::MOVES_BACK
    );
    // Tiny step charts: the stage level (precontemplation at the bottom) entry by entry.
    for (n, t) in stages.iter().enumerate() {
        let levels: Vec<u8> = t
            .points
            .iter()
            .filter_map(|(_, s)| s.parse::<Stage>().ok().map(Stage::level))
            .collect();
        if levels.len() < 2 {
            continue;
        }
        step_chart(o, &place.id(&format!("stage{n}")), t, &levels);
    }
    o.push_str("</section>\n");
}

/// A stage track as a step line: one step per note, higher is further along.
fn step_chart(o: &mut String, id: &str, t: &super::summary::StageSummary, levels: &[u8]) {
    const H: f64 = 70.0;
    const LEFT: f64 = 6.0;
    let slots = Slots::new(levels.len(), LEFT, CHART_W - 2.0 * LEFT);
    let y_of = |l: u8| H - 8.0 - f64::from(l.min(5)) / 5.0 * (H - 16.0);
    let mut title = String::from("Stages: ");
    title.push_str(t.subject.trim());
    title.push_str(", ");
    title.push_str(t.topic.trim());
    let desc = t
        .points
        .iter()
        .map(|(w, s)| format!("{s} ({w})"))
        .collect::<Vec<_>>()
        .join(", then ");
    let mut path = String::new();
    for (i, l) in levels.iter().enumerate() {
        let (x0, x1, y) = (slots.start(i), slots.start(i + 1), y_of(*l));
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(path, "{cmd}{} {} L{} {} ", num(x0), num(y), num(x1), num(y));
    }
    o.push_str("<figure class=\"step\">\n");
    svg_open(o, id, H, &title, &desc);
    let _ = writeln!(
        o,
        "<line class=\"grid\" x1=\"{l}\" x2=\"{r}\" y1=\"{b}\" y2=\"{b}\"/><path class=\"l-stage\" d=\"{}\"/>",
        path.trim_end(),
        l = num(LEFT),
        r = num(CHART_W - LEFT),
        b = num(y_of(0)),
    );
    // Each step named above it, when the steps are wide enough to hold a name.
    if slots.pitch >= 90.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let fits = ((slots.pitch - 8.0) / 6.2) as usize;
        let names = t.points.iter().filter(|(_, s)| s.parse::<Stage>().is_ok());
        for (i, ((_, stage), l)) in names.zip(levels).enumerate() {
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\">",
                num(slots.start(i) + 4.0),
                num(y_of(*l) - 4.0)
            );
            push_short(o, stage, fits);
            o.push_str("</text>\n");
        }
    }
    o.push_str("</svg>\n<figcaption class=\"meta\">");
    push_short(o, &title, 300);
    o.push_str("</figcaption>\n</figure>\n");
}

fn count_table(
    o: &mut String,
    caption: &str,
    what: &str,
    counts: &std::collections::BTreeMap<String, i64>,
) {
    if counts.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<table>\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{what}</th><th scope=\"col\" class=\"n\">Call-ins</th></tr></thead>\n<tbody>\n"
    );
    for (k, n) in counts {
        o.push_str("<tr><td>");
        push_short(o, k, 100);
        let _ = writeln!(o, "</td><td class=\"n\">{}</td></tr>", n.max(&0));
    }
    o.push_str("</tbody>\n</table>\n");
}

// ---------------------------------------------------------------------------------------
// Regulator profiles

/// A regulator-shaped document: guidance, each record as a section of labelled fields,
/// and the totals as a table.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_profile(out: &mut dyn Write, head: &Head, doc: &ProfileDoc) -> anyhow::Result<()> {
    let mut o = String::with_capacity(64 * 1024);
    page_start(&mut o, &doc.title);
    doc_header(
        &mut o,
        &doc.title,
        head.from.as_deref(),
        &head.period,
        head.made_on,
        head.redacted,
    );
    for g in &doc.guidance {
        o.push_str("<p class=\"note\">");
        push_text(&mut o, g.trim());
        o.push_str("</p>\n");
    }
    o.push_str("</header>\n<main>\n");
    flush(out, &mut o)?;
    if doc.records.is_empty() {
        o.push_str("<p class=\"muted\">No records in this period.</p>\n");
    }
    for (i, r) in doc.records.iter().enumerate() {
        let _ = write!(o, "<section class=\"record\" id=\"r{}\">\n<h2>", i + 1);
        if r.heading.trim().is_empty() {
            let _ = write!(o, "Record {}", i + 1);
        } else {
            push_short(&mut o, &r.heading, 500);
        }
        o.push_str("</h2>\n<dl class=\"fields\">\n");
        for (label, text) in &r.fields {
            o.push_str("<dt>");
            push_short(&mut o, label, 300);
            o.push_str("</dt>\n<dd>");
            if text.trim().is_empty() {
                o.push_str("<span class=\"muted\">–</span>");
            } else {
                push_markdown(&mut o, text);
            }
            o.push_str("</dd>\n");
        }
        o.push_str("</dl>\n");
        write_missing(&mut o, &r.missing);
        o.push_str("</section>\n");
        flush(out, &mut o)?;
    }
    for (i, log) in doc.logs.iter().enumerate() {
        write_log(&mut o, log, i + 1);
        flush(out, &mut o)?;
    }
    if !doc.totals.is_empty() {
        o.push_str("<section id=\"totals\">\n<h2>Totals</h2>\n<table>\n<tbody>\n");
        for (label, value) in &doc.totals {
            o.push_str("<tr><th scope=\"row\">");
            push_short(&mut o, label, 300);
            o.push_str("</th><td>");
            push_short(&mut o, value, 1000);
            o.push_str("</td></tr>\n");
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
    }
    o.push_str("</main>\n");
    page_end(&mut o, head.made_on);
    flush(out, &mut o)?;
    out.flush()?;
    Ok(())
}

/// What is still to write before the record is submitted, when anything is.
fn write_missing(o: &mut String, missing: &[String]) {
    if missing.is_empty() {
        return;
    }
    o.push_str(
        "<div class=\"missing\"><p><strong>Still to write before you submit:</strong></p>\n<ul>\n",
    );
    for m in missing {
        o.push_str("<li>");
        push_short(o, m, 500);
        o.push_str("</li>\n");
    }
    o.push_str("</ul></div>\n");
}

/// A log laid out as the regulator's template lays it out: one table, its columns in the
/// template's order, then what each row still needs. `n` numbers the logs of a page.
fn write_log(o: &mut String, log: &super::profile::Log, n: usize) {
    // The id names a class: only the letters, digits and hyphens of a known word.
    let class: String = log
        .id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let _ = write!(
        o,
        "<section id=\"log{n}\" class=\"log\" aria-labelledby=\"log{n}-h\">\n<h2 id=\"log{n}-h\">"
    );
    push_short(o, &log.title, 200);
    o.push_str("</h2>\n");
    if log.rows.is_empty() {
        o.push_str("<p class=\"muted\">");
        push_short(o, &log.empty, 300);
        o.push_str("</p>\n</section>\n");
        return;
    }
    let _ = write!(
        o,
        "<div class=\"wide\"><table class=\"log log-{class}\" aria-labelledby=\"log{n}-h\">\n<thead><tr>"
    );
    for c in &log.columns {
        o.push_str("<th scope=\"col\">");
        push_short(o, c, 200);
        o.push_str("</th>");
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for r in &log.rows {
        o.push_str("<tr>");
        for (_, v) in &r.fields {
            o.push_str("<td>");
            if v.trim().is_empty() {
                o.push_str("<span class=\"muted\">–</span>");
            } else {
                push_markdown(o, v);
            }
            o.push_str("</td>");
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div>\n");
    let gaps: Vec<&super::profile::Record> =
        log.rows.iter().filter(|r| !r.missing.is_empty()).collect();
    if !gaps.is_empty() {
        o.push_str("<div class=\"missing\"><p><strong>Before you submit the ");
        push_short(o, &super::md::lower_first(&log.title), 200);
        o.push_str(":</strong></p>\n<ul>\n");
        for r in gaps {
            o.push_str("<li>");
            push_short(o, &r.heading, 300);
            o.push_str(": ");
            push_short(o, &r.missing.join("; "), 1000);
            o.push_str("</li>\n");
        }
        o.push_str("</ul></div>\n");
    }
    o.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn escape_leaves_plain_text_alone_and_escapes_the_five() {
        assert!(matches!(escape("plain text, é ✓ 🙂"), Cow::Borrowed(_)));
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn escape_removes_control_characters_but_keeps_newlines_and_tabs() {
        assert_eq!(escape("a\u{1b}[31mb"), "a\u{fffd}[31mb");
        assert_eq!(
            escape("nul\0 del\u{7f} csi\u{9b} nel\u{85}"),
            "nul\u{fffd} del\u{fffd} csi\u{fffd} nel\u{fffd}"
        );
        assert_eq!(escape("line\r\nnext\tcol"), "line\nnext\tcol");
        // U+00A0..: not C1, kept (0xC2 0xA0 is a no-break space).
        assert_eq!(escape("a\u{a0}b ©"), "a\u{a0}b ©");
        assert_eq!(escape("שלום 👩🏽‍⚕️"), "שלום 👩🏽‍⚕️");
    }

    #[test]
    fn markdown_makes_paragraphs_lists_and_tasks_and_never_raw_html() {
        let mut o = String::new();
        push_markdown(
            &mut o,
            "First line\nsecond line\n\n- one\n* two\n- [ ] to do\n- [x] done\n\n<b>bold?</b> **yes** and *this*",
        );
        assert_eq!(
            o,
            "<p>First line<br>\nsecond line</p>\n<ul>\n<li>one</li>\n<li>two</li>\n\
             <li class=\"task\">☐ to do</li>\n<li class=\"task done\">☑ done</li>\n</ul>\n\
             <p>&lt;b&gt;bold?&lt;/b&gt; <strong>yes</strong> and <em>this</em></p>\n"
        );
    }

    #[test]
    fn emphasis_needs_a_closer_and_is_linear_on_asterisk_soup() {
        let mut o = String::new();
        push_inline(&mut o, "2 * 3 * 4 and **open only");
        assert_eq!(o, "2 * 3 * 4 and **open only");
        let soup = "*a ".repeat(200_000);
        let t = std::time::Instant::now();
        let mut o = String::new();
        push_inline(&mut o, &soup);
        assert!(t.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(o.matches("<em>").count(), o.matches("</em>").count());
    }

    #[test]
    fn the_count_axis_is_round_and_bars_are_proportional() {
        assert_eq!(nice_axis(0), (1, 1));
        assert_eq!(nice_axis(3), (3, 1));
        assert_eq!(nice_axis(4), (4, 1));
        assert_eq!(nice_axis(7), (8, 2));
        assert_eq!(nice_axis(13), (15, 5));
        assert_eq!(nice_axis(95), (100, 50));
        assert_eq!(nice_axis(1234), (1500, 500));
        let (top, _) = nice_axis(4);
        let h: Vec<f64> = [0, 1, 2, 4]
            .iter()
            .map(|&n| bar_height(n, top, 100.0))
            .collect();
        assert_eq!(h, [0.0, 25.0, 50.0, 100.0]);
        assert!((bar_height(-3, 4, 100.0)).abs() < f64::EPSILON);
        assert!((bar_height(9, 4, 100.0) - 100.0).abs() < f64::EPSILON);
    }

    #[test]
    fn numbers_in_svg_are_short_and_always_finite() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(avg(Some(f64::NAN)), "–");
        assert_eq!(avg(Some(3.44)), "3.4");
    }

    fn mondays(first: NaiveDate, n: u64) -> Vec<NaiveDate> {
        (0..n).map(|i| first + chrono::Days::new(7 * i)).collect()
    }

    /// Labels on one row never overlap and stay inside the chart.
    fn assert_apart(row: &[(f64, String)], also: &[(f64, String)]) {
        for pair in row.windows(2) {
            let width = |x: &(f64, String)| {
                let under = also.iter().find(|y| (y.0 - x.0).abs() < 0.01);
                #[allow(clippy::cast_precision_loss)]
                let w = |s: &str| s.chars().count() as f64 * 6.2;
                w(&x.1).max(under.map_or(0.0, |u| w(&u.1)))
            };
            assert!(pair[1].0 >= pair[0].0 + width(&pair[0]), "{row:?}");
        }
    }

    #[test]
    fn a_quarter_names_every_month_from_any_start() {
        // The quarter that lost September: it starts on the last Monday of August.
        let weeks = mondays(NaiveDate::from_ymd_opt(2026, 8, 31).unwrap(), 14);
        let t = month_ticks(weeks.iter().copied(), Slots::new(14, 30.0, 444.0));
        let months: Vec<&str> = t.months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(months, ["Aug", "Sep", "Oct", "Nov"], "{:?}", t.months);
        assert_eq!(t.years.len(), 1);
        assert_eq!(t.years[0], (30.0, "2026".to_string()));
        // Whatever Monday a quarter starts on, no month between two named ones is missing.
        let mut first = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        for _ in 0..60 {
            let weeks = mondays(first, 14);
            let t = month_ticks(weeks.iter().copied(), Slots::new(14, 30.0, 444.0));
            let named: Vec<u32> = t
                .months
                .iter()
                .map(|(x, _)| {
                    let i = ((x - 30.0) / (444.0 / 14.0)).round() as usize;
                    weeks[i].year() as u32 * 12 + weeks[i].month0()
                })
                .collect();
            assert!(
                named.windows(2).all(|w| w[1] == w[0] + 1),
                "{first}: {t:?}",
                t = t.months
            );
            // Every month that starts inside the chart is named.
            let starts = weeks
                .windows(2)
                .filter(|w| w[0].month() != w[1].month())
                .count();
            assert!(named.len() >= starts, "{first}: {:?}", t.months);
            assert_apart(&t.months, &t.years);
            first = first + chrono::Days::new(7);
        }
    }

    #[test]
    fn longer_charts_thin_months_evenly_then_name_years_only() {
        let year = mondays(NaiveDate::from_ymd_opt(2025, 11, 17).unwrap(), 53);
        let t = month_ticks(year.iter().copied(), Slots::new(53, 30.0, 444.0));
        assert!(t.months.len() >= 12, "{:?}", t.months);
        assert_eq!(
            t.years.iter().map(|y| y.1.as_str()).collect::<Vec<_>>(),
            ["2025", "2026"]
        );
        assert_apart(&t.months, &t.years);
        // Five years: every third or sixth month, the same months each year.
        let five = mondays(NaiveDate::from_ymd_opt(2021, 1, 4).unwrap(), 261);
        let t = month_ticks(five.iter().copied(), Slots::new(261, 30.0, 444.0));
        let names: Vec<&str> = t.months.iter().map(|m| m.1.as_str()).collect();
        assert!(names.len() >= 5 && names.len() < 30, "{names:?}");
        let distinct: BTreeSet<&str> = names.iter().copied().collect();
        assert!(distinct.len() <= 4, "{names:?}");
        assert_apart(&t.months, &t.years);
        // Twenty-five years: years only, evenly.
        let all = mondays(NaiveDate::from_ymd_opt(2001, 1, 1).unwrap(), 1305);
        let t = month_ticks(all.iter().copied(), Slots::new(1305, 30.0, 444.0));
        assert!(t.months.is_empty());
        let years: Vec<i32> = t.years.iter().map(|y| y.1.parse().unwrap()).collect();
        assert!(years.len() >= 4, "{years:?}");
        let gaps: BTreeSet<i32> = years.windows(2).map(|w| w[1] - w[0]).collect();
        assert_eq!(gaps.len(), 1, "{years:?}");
        assert_apart(&t.years, &[]);
    }

    #[test]
    fn chart_labels_wrap_whole_words_and_never_cut_a_name() {
        assert_eq!(
            label_lines("Rolfe's framework for reflexive practice", 27),
            ["Rolfe's framework for", "reflexive practice"]
        );
        assert_eq!(
            label_lines("Gibbs' reflective cycle", 27),
            ["Gibbs' reflective cycle"]
        );
        assert_eq!(label_lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(label_lines("", 4), [""]);
    }
}
