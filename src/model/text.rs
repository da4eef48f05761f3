//! Small text helpers shared by the CLI and the TUI: neutralising control characters,
//! widths, titles, counted words and close-match suggestions.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A count and the word that goes with it: "1 entry", "2 entries", "0 entries".
#[must_use]
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

/// Replaces every control character that a terminal could act on (ESC and the rest of
/// C0 except newline and tab, DEL, C1) with a visible stand-in, so journal text can never
/// move the cursor, change colours or set the window title; and drops the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a
/// terminal show text in an order other than the one it is stored in. Right-to-left text
/// itself is untouched: the terminal lays it out.
#[must_use]
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe_control(c) || is_bidi_control(c))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !is_bidi_control(*c))
            .map(visible_control)
            .collect(),
    )
}

/// Like [`sanitize`], for one line: newlines and tabs become spaces too.
#[must_use]
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !is_bidi_control(*c))
            .map(|c| match c {
                '\n' | '\t' => ' ',
                c => visible_control(c),
            })
            .collect(),
    )
}

fn is_unsafe_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Explicit bidirectional formatting: embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn visible_control(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        // Control pictures: U+2400 + code point for C0, U+2421 for DEL.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Display width in terminal cells.
#[must_use]
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending in `…` when cut; never splits a character.
#[must_use]
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    // A string is not always as wide as its characters added up (`❤` + U+FE0F is two
    // cells, a control character one): measure each character together with the
    // zero-width ones that follow it.
    let budget = max - 1;
    let (mut used, mut start, mut end) = (0, 0, 0);
    let starts = s
        .char_indices()
        .skip(1)
        .filter(|&(_, c)| UnicodeWidthChar::width(c) != Some(0))
        .map(|(i, _)| i);
    for at in starts.chain([s.len()]) {
        let w = width(&s[start..at]);
        if used + w > budget {
            break;
        }
        used += w;
        (start, end) = (at, at);
    }
    let mut out = s[..end].to_string();
    // Joined sequences are narrower than their parts, never wider; this is a safeguard.
    while width(&out) > budget {
        out.pop();
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads `s` with spaces to exactly `cells` cells, truncating if it is wider.
#[must_use]
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cells.saturating_sub(w)))
}

/// Splits quick-capture text into a title and a body the way journal tools do: the
/// first line, up to its first sentence end, is the title; the rest is the body.
#[must_use]
pub fn split_title(text: &str) -> (String, String) {
    let text = text.trim();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut cut = None;
    let chars: Vec<(usize, char)> = first.char_indices().collect();
    for (i, &(pos, c)) in chars.iter().enumerate() {
        if matches!(c, '.' | '?' | '!') && chars.get(i + 1).is_some_and(|&(_, n)| n == ' ') {
            cut = Some(pos + c.len_utf8());
            break;
        }
    }
    match cut {
        Some(at) => {
            let body = format!("{}\n{}", first[at..].trim(), rest);
            (first[..at].trim().to_string(), body.trim().to_string())
        }
        None => (first.trim().to_string(), rest.trim().to_string()),
    }
}

/// 1-based line and column of a byte offset, for error messages.
#[must_use]
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Edit distance between two short words (for "did you mean" suggestions).
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `n` candidates close to `typed`: within a third of its length in edits, or
/// starting with it.
#[must_use]
pub fn closest<'a>(
    typed: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let limit = (typed.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let d = levenshtein(typed, c);
            (d <= limit || (typed.len() >= 3 && c.starts_with(typed))).then_some((d, c))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_takes_the_word_for_one_only_for_one() {
        assert_eq!(plural(1_usize, "entry", "entries"), "1 entry");
        assert_eq!(plural(0_usize, "entry", "entries"), "0 entries");
        assert_eq!(plural(2_i64, "day", "days"), "2 days");
        assert_eq!(plural(-1_i64, "day", "days"), "-1 days");
        assert_eq!(plural(1_u32, "review", "reviews"), "1 review");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let evil = "ok\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m";
        let clean = sanitize(evil);
        assert!(!clean.chars().any(|c| c.is_control()), "{clean:?}");
        assert_eq!(clean, "ok␛]0;pwned␇␛[2J␍\u{fffd}31m");
        assert_eq!(sanitize("plain\nlines\ttabs"), "plain\nlines\ttabs");
        assert_eq!(sanitize_line("a\nb\tc"), "a b c");
    }

    #[test]
    fn bidi_overrides_are_dropped_but_right_to_left_text_stays() {
        // "Trojan source": an override that makes the terminal show "txt.exe" reversed.
        let evil = "file\u{202e}txt.exe\u{202c} and \u{2067}isolated\u{2069}";
        assert_eq!(sanitize(evil), "filetxt.exe and isolated");
        assert_eq!(sanitize_line(evil), "filetxt.exe and isolated");
        assert_eq!(sanitize("שלום עולם"), "שלום עולם");
        assert!(matches!(sanitize("שלום"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(width(&truncate("日本語のテキスト", 7)), 7);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn titles_split_at_the_first_sentence() {
        assert_eq!(
            split_title("Hard handover. Stayed calm though."),
            ("Hard handover.".into(), "Stayed calm though.".into())
        );
        assert_eq!(
            split_title("Title line\nbody here"),
            ("Title line".into(), "body here".into())
        );
        assert_eq!(
            split_title("v1.2 went fine"),
            ("v1.2 went fine".into(), String::new())
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncdé\nx", 7), (2, 4));
        assert_eq!(line_col("", 5), (1, 1));
    }

    #[test]
    fn close_matches() {
        let names = ["listening", "warmth", "empathy", "leadership"];
        assert_eq!(closest("listenin", names.iter().copied(), 3), ["listening"]);
        assert_eq!(closest("empaty", names.iter().copied(), 3), ["empathy"]);
        assert!(closest("zzz", names.iter().copied(), 3).is_empty());
    }
}
