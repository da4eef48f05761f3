//! Hostile and odd text given to every reader: an error or entries, never a panic.

use std::path::Path;

use proptest::prelude::*;

use praxis::transfer::{detect, jrnl, json, markdown, tuijournal};

/// Text made of the pieces the readers look for (dates, headings, tags, fences, JSON
/// punctuation), multibyte letters and stray bytes, in any order.
fn readerish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(vec![
            "[2024-03-05 09:15] ", "[2024-03-05 09:15 AM] ", "2024-03-05 09:15 ", "\n", "\n\n",
            "# ", "## ", "### ", "#### ", "##### ", "---\n", "title: ", "date: ", "tags: ",
            "@tag ", "*", " ", "{", "}", "[", "]", "\"", ":", ",", "\"entries\"", "\"title\"",
            "\"body\"", "\"date\"", "\"time\"", "\"tags\"", "\"starred\"", "true", "null",
            "0", "9", "é", "ß", "🌱", "Ł", "ą", "ف", "你", "\u{200b}", "\u{1b}[31m", "\r\n",
            "\t", "```", "> ", "- ", "1. ", "(due 2024-03-05)", "**", "_", "\\", "'", "’s",
        ]).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_reader_panics_on_odd_text(s in readerish()) {
        let p = Path::new("odd.txt");
        let _ = detect::detect(p, &s, None);
        let _ = jrnl::parse_text(p, &s, None);
        let _ = jrnl::parse_text(p, &s, Some("%Y-%m-%d %I:%M %p"));
        let _ = jrnl::parse_md(p, &s, None);
        let _ = jrnl::parse_json(p, &s);
        let _ = json::parse(p, &s);
        let _ = markdown::parse_file(Path::new("2024-03-05é.md"), &s);
        let _ = markdown::parse_file(Path::new("odd.md"), &s);
        let _ = tuijournal::parse_backend(p, &s);
        let _ = tuijournal::parse_export(p, &s);
    }
}
