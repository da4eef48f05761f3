//! Online handles and emails, obfuscated ones included.

use super::*;

// ---------------------------------------------------------------------------------------
// Online handles.

/// Whether a character may be part of an online handle ("shaq_tbm09", "@kez.x").
pub(super) fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

/// Online handles, which name someone as surely as their name: a run of letters, digits,
/// dots and underscores holding an underscore and a letter ("shaq_tbm09"), one after an
/// "@" that starts a word ("@kez.x"), not an email's, or one in quotes with a dot and a
/// digit in it and no web domain's ending ("dreamz.kay99").
pub(super) fn handles(text: &str, out: &mut Vec<Cand>) {
    if !text.contains(['_', '@', '"', '“']) {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let at = c == b'@' && (i == 0 || !is_handle_char(char::from(bytes[i - 1])));
        if !(at || (c as char).is_ascii_alphanumeric() || c == b'_')
            || (!at && i > 0 && (is_handle_char(char::from(bytes[i - 1])) || bytes[i - 1] == b'@'))
        {
            i += 1;
            continue;
        }
        let from = if at { i + 1 } else { i };
        let mut end = from;
        while end < bytes.len() && is_handle_char(char::from(bytes[end])) {
            end += 1;
        }
        // A sentence's full stop ends the handle.
        while end > from && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let h = &text[from..end];
        let followed_by_at = bytes.get(end) == Some(&b'@');
        // A file's name is no one's: "care_plan_v2.docx".
        let file = h.rsplit_once('.').is_some_and(|(_, ext)| {
            [
                "doc", "docx", "pdf", "txt", "xls", "xlsx", "csv", "jpg", "jpeg", "png", "gif",
                "md", "ppt", "pptx", "odt", "rtf", "zip", "json", "html", "htm", "mp3", "mp4",
            ]
            .contains(&ext.to_ascii_lowercase().as_str())
        });
        let quoted = i > 0
            && matches!(char_before(text, i), Some('"' | '“'))
            && matches!(char_at(text, end), Some('"' | '”'));
        let dotted = quoted
            && h.bytes().any(|b| b.is_ascii_digit())
            && h.bytes().all(|b| !b.is_ascii_uppercase())
            && h.split('.').count() == 2
            && h.split('.')
                .all(|p| p.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
            && h.rsplit_once('.')
                .is_some_and(|(_, end)| !WEB_ENDINGS.contains(&end));
        let shaped = h.len() >= 3
            && h.bytes().any(|b| b.is_ascii_alphabetic())
            && (at || dotted || (h.contains('_') && !h.starts_with('_') && !h.ends_with('_')));
        if shaped
            && !file
            && !followed_by_at
            && text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            out.push(Cand::new(FindingKind::Name, i, end));
        }
        i = end.max(i + 1);
    }
}

/// A hashtag made of someone's first name and an initial or a number, as a group chat
/// tags the person it is about: "#jordanG", "#Kayla99", "#samT". The first name is a
/// listed one that is no everyday word; a tag of words ("#missingfromcare") or a name
/// alone ("#jordan") is left.
pub(super) fn name_hashtags(text: &str, out: &mut Vec<Cand>) {
    if !text.contains('#') {
        return;
    }
    for (at, _) in text.match_indices('#') {
        if !left_boundary(text, at) {
            continue;
        }
        let from = at + 1;
        let tag = &text[from..];
        let len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let tag = &tag[..len];
        // The name, then an initial in capitals or figures to its end.
        let Some(split) = tag
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c.is_ascii_uppercase() || c.is_ascii_digit())
            .map(|(i, _)| i)
        else {
            continue;
        };
        let (name, mark) = tag.split_at(split);
        let initial = mark.len() <= 2 && mark.bytes().all(|b| b.is_ascii_uppercase());
        let number = mark.len() <= 4 && mark.bytes().all(|b| b.is_ascii_digit());
        let listed = name.len() >= 3
            && name_list()
                .get(name.to_ascii_lowercase().as_str())
                .is_some_and(|&(everyday, _)| !everyday);
        if (initial || number) && listed && right_boundary(text, from + len) {
            out.push(Cand::new(FindingKind::Name, from, from + len));
        }
    }
}

/// The endings of web domains, which a handle with a dot does not have.
#[rustfmt::skip]
pub(super) const WEB_ENDINGS: &[&str] = &[
    "com", "uk", "org", "net", "io", "gov", "ac", "co", "info", "biz", "app", "me", "tv",
    "ie", "eu", "edu", "nhs", "wales", "scot", "cymru", "london", "online", "site",
];

// ---------------------------------------------------------------------------------------
// Emails.

pub(super) fn emails(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-'".contains(&c);
    // An address inside a link a mail system rewrote has its "@" encoded, after an
    // encoded "mailto:": "?url=mailto%3Apaloma.c%40example.org&data=".
    let encoded = text.match_indices("%40");
    for (at, sign) in text.match_indices(['@', '＠']).chain(encoded) {
        let at_len = sign.len();
        let mut start = at;
        while start > 0 && local(b[start - 1]) {
            start -= 1;
        }
        if let Some(colon) = text[start..at]
            .rfind("%3A")
            .or_else(|| text[start..at].rfind("%3a"))
        {
            start += colon + 3;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        if start == at {
            continue;
        }
        let mut end = at + at_len;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'-')) {
            end += 1;
        }
        if end < b.len()
            && !b[end].is_ascii()
            && char_at(text, end).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut labels: Vec<&str> = text[at + at_len..end].split('.').collect();
        while labels.last().is_some_and(|l| l.is_empty()) {
            labels.pop();
        }
        // Drop trailing labels until the last is a real top-level domain.
        while labels.len() >= 2
            && !labels
                .last()
                .is_some_and(|l| l.len() >= 2 && l.bytes().all(|c| c.is_ascii_alphabetic()))
        {
            labels.pop();
        }
        let ok = labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
        if ok {
            let domain_len = labels.iter().map(|l| l.len() + 1).sum::<usize>() - 1;
            out.push(Cand::new(
                FindingKind::Email,
                start,
                at + at_len + domain_len,
            ));
        }
    }
}

/// How "at" may be written between the parts of an obfuscated email, and whether the
/// dots must then be written as words too ("dan at example dot com").
pub(super) const AT_SIGNS: &[(&str, bool)] = &[
    ("(at)", false),
    ("[at]", false),
    ("{at}", false),
    ("(AT)", false),
    ("[AT]", false),
    (" (at) ", false),
    (" [at] ", false),
    (" @ ", false),
    (" at ", true),
    (" AT ", true),
];
pub(super) const DOT_SIGNS: &[&str] = &[
    "(dot)", "[dot]", "{dot}", " (dot) ", " [dot] ", " dot ", " DOT ", "(DOT)", "[DOT]",
];
/// Top-level domains an "at … dot …" written in words must end with.
#[rustfmt::skip]
pub(super) const WORD_TLDS: &[&str] = &[
    "com", "org", "net", "uk", "gov", "nhs", "io", "info", "edu", "me", "co", "ac", "scot",
];

/// Emails written to dodge a scraper: "dan(at)example.com", "dan @ example.com",
/// "dan at example dot com".
pub(super) fn obfuscated_emails(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let label = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    // A sign with a bracket or an @ cannot be where that character is not (one pass
    // over the text instead of one search per sign).
    let mut present = [false; 4];
    for &c in b {
        match c {
            b'(' => present[0] = true,
            b'[' => present[1] = true,
            b'{' => present[2] = true,
            b'@' => present[3] = true,
            _ => {}
        }
    }
    // An "at" written as a word needs a dot written as one, and every dot sign holds
    // "dot" or "DOT": without one, " at " (in most sentences) need not be looked at.
    let dot_words = text.contains("dot") || text.contains("DOT");
    for &(sign, words) in AT_SIGNS {
        let needs = |c: u8, k: usize| !sign.as_bytes().contains(&c) || present[k];
        if !(needs(b'(', 0) && needs(b'[', 1) && needs(b'{', 2) && needs(b'@', 3))
            || (words && !dot_words)
        {
            continue;
        }
        for (at, _) in text.match_indices(sign) {
            let mut start = at;
            while start > 0 && local(b[start - 1]) {
                start -= 1;
            }
            while start < at && matches!(b[start], b'.' | b'-') {
                start += 1;
            }
            if start == at || !left_boundary(text, start) {
                continue;
            }
            // The name before the "at" spelt out too: "tom dot h dot 94 at gmail dot com".
            while let Some(dot) = DOT_SIGNS.iter().find(|d| text[..start].ends_with(**d)) {
                let joined = start - dot.len();
                let mut s = joined;
                while s > 0 && local(b[s - 1]) {
                    s -= 1;
                }
                if s == joined || !left_boundary(text, s) {
                    break;
                }
                start = s;
            }
            // Labels joined by dots (or dot words).
            let mut i = at + sign.len();
            let mut labels: Vec<(usize, usize)> = Vec::new();
            let mut worded = true;
            loop {
                let s = i;
                while i < b.len() && label(b[i]) {
                    i += 1;
                }
                if i == s {
                    break;
                }
                labels.push((s, i));
                let dot = if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|&c| label(c)) {
                    worded = false;
                    Some(1)
                } else {
                    DOT_SIGNS
                        .iter()
                        .find(|d| text[i..].starts_with(*d))
                        .map(|d| d.len())
                };
                match dot {
                    Some(n) if b.get(i + n).is_some_and(|&c| label(c)) => i += n,
                    _ => break,
                }
            }
            // Drop trailing labels until the last is a plausible top-level domain.
            let tld_ok = |l: &str| {
                l.len() >= 2
                    && l.bytes().all(|c| c.is_ascii_alphabetic())
                    && (!words || WORD_TLDS.contains(&l.to_ascii_lowercase().as_str()))
            };
            while labels.len() >= 2
                && !tld_ok(&text[labels[labels.len() - 1].0..labels[labels.len() - 1].1])
            {
                labels.pop();
            }
            if labels.len() < 2 || (words && !worded) {
                continue;
            }
            let end = labels[labels.len() - 1].1;
            if !right_boundary(text, end) {
                continue;
            }
            out.push(Cand::new(FindingKind::Email, start, end));
        }
    }
}

/// A spot on the map by its coordinates or its plus code, given so that someone can be
/// found there: a latitude and a longitude in degrees with four decimals or more
/// ("60.7712, -0.8381", "51.5074,-0.1278"; readings have fewer), and an Open Location Code ("9CHQRV8P+4W",
/// eight of its twenty letters and figures, "+", two or three more). Shown as an
/// address.
pub(super) fn map_positions(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    // A number of degrees: a sign, one to three figures, a point, four figures or more.
    let degrees = |i: usize| -> Option<usize> {
        let mut j = i;
        if b.get(j) == Some(&b'-') {
            j += 1;
        }
        let whole = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=3).contains(&whole) || b.get(j + whole) != Some(&b'.') {
            return None;
        }
        let frac = b[j + whole + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (frac >= 4).then_some(j + whole + 1 + frac)
    };
    if text.contains('.') {
        for (i, _) in text.match_indices(',') {
            // Back from the comma to the latitude's start.
            let mut s = i;
            while s > 0 && (b[s - 1].is_ascii_digit() || b[s - 1] == b'.') {
                s -= 1;
            }
            if s > 0 && b[s - 1] == b'-' {
                s -= 1;
            }
            if s == i || !left_boundary(text, s) || degrees(s) != Some(i) {
                continue;
            }
            let lon = if b.get(i + 1) == Some(&b' ') {
                i + 2
            } else {
                i + 1
            };
            let Some(e) = degrees(lon) else { continue };
            let lat: f64 = text[s..i].parse().unwrap_or(f64::MAX);
            let long: f64 = text[lon..e].parse().unwrap_or(f64::MAX);
            if lat.abs() <= 90.0 && long.abs() <= 180.0 && right_boundary(text, e) {
                out.push(Cand::new(FindingKind::Address, s, e));
            }
        }
    }
    const CODE: &[u8] = b"23456789CFGHJMPQRVWX";
    for (i, _) in text.match_indices('+') {
        if i < 8 || !b[i - 8..i].iter().all(|c| CODE.contains(c)) || !left_boundary(text, i - 8) {
            continue;
        }
        let tail = b[i + 1..].iter().take_while(|c| CODE.contains(c)).count();
        // Letters and figures both: not a run of figures before a "+".
        let letters = b[i - 8..i]
            .iter()
            .filter(|c| c.is_ascii_uppercase())
            .count();
        if (2..=3).contains(&tail)
            && (1..8).contains(&letters)
            && right_boundary(text, i + 1 + tail)
        {
            out.push(Cand::new(FindingKind::Address, i - 8, i + 1 + tail));
        }
    }
}

/// What3words addresses: "///filled.count.soap", three words of letters joined by dots
/// after three slashes, a spot three metres square. The words are the finding; a fourth
/// word or a slash before the three says it is something else (a path, a comment).
pub(super) fn what3words(text: &str, out: &mut Vec<Cand>) {
    for (at, _) in text.match_indices("///") {
        if at > 0 && text[..at].ends_with('/') {
            continue;
        }
        let start = at + 3;
        let mut end = start;
        let mut words = 0;
        loop {
            let len: usize = text[end..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .map(char::len_utf8)
                .sum();
            if len == 0 {
                break;
            }
            end += len;
            words += 1;
            let rest = &text[end..];
            let dot_then_word =
                rest.starts_with('.') && rest[1..].chars().next().is_some_and(char::is_alphabetic);
            if !dot_then_word {
                break;
            }
            end += 1;
        }
        let ends_clean = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '_' && c != '-');
        if words == 3 && ends_clean {
            out.push(Cand::new(FindingKind::Address, start, end));
        }
    }
}
