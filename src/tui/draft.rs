//! What a draft of the Write pane holds (enough to put the form back exactly), and how
//! the recovery window describes one.

use serde::{Deserialize, Serialize};

use crate::model::Entry;
use crate::store::Draft;

/// A draft's data, kept as JSON in the journal's drafts table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DraftData {
    pub entry: Entry,
    pub model: Option<String>,
    pub fields: Vec<(String, String)>,
    pub focus: usize,
}

/// When a draft was written, and its title or first words.
#[must_use]
pub fn describe(d: &Draft) -> (String, String) {
    let what = serde_json::from_str::<DraftData>(&d.data)
        .ok()
        .map(|data| {
            let title = data
                .fields
                .iter()
                .find(|(k, _)| k == "title")
                .map(|(_, t)| t.clone())
                .filter(|t| !t.trim().is_empty());
            let first_words = data
                .fields
                .iter()
                .filter(|(k, _)| k != "title" && k != "date")
                .map(|(_, t)| t.trim())
                .find(|t| !t.is_empty())
                .map(|t| t.chars().take(60).collect::<String>());
            title.or(first_words).unwrap_or_else(|| "(empty)".into())
        })
        .unwrap_or_else(|| "(unreadable)".into());
    (
        d.updated_at
            .replace('T', " ")
            .trim_end_matches('Z')
            .to_string(),
        what,
    )
}
