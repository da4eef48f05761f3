//! Which entries an export takes: the list filters plus the sharing scope and the kinds
//! that only leave when the writer says so.

use super::entries::{EntryFilter, filter_sql};
use super::{Result, Store};
use crate::model::{EntryKind, Scope};

/// An export's selection.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Dates, kind, strength and tag, as for `praxis list` (never the trash).
    pub filter: EntryFilter,
    /// The narrowest scope taken: `Shareable` takes shareable entries only,
    /// `Supervision` adds those shared with supervision, `Private` takes every entry.
    /// `None`: every scope (the full backup).
    pub scope: Option<Scope>,
    /// Kinds left out unless asked for by name (stage notes, call-ins).
    pub exclude_kinds: Vec<EntryKind>,
}

impl Scope {
    /// The scopes at least as open as this one.
    #[must_use]
    pub fn and_wider(self) -> &'static [&'static str] {
        match self {
            Scope::Private => &["private", "supervision", "shareable"],
            Scope::Supervision => &["supervision", "shareable"],
            Scope::Shareable => &["shareable"],
        }
    }
}

impl Store {
    /// Row ids of the selected entries, oldest first (as exports write them).
    pub fn select_entries(&self, sel: &Selection) -> Result<Vec<i64>> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut wh = filter_sql(&sel.filter, &mut args);
        if let Some(scope) = sel.scope {
            let list = scope
                .and_wider()
                .iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", ");
            wh.push_str(&format!(" AND e.scope IN ({list})"));
        }
        for k in &sel.exclude_kinds {
            args.push(Box::new(k.as_str()));
            wh.push_str(&format!(" AND e.kind <> ?{}", args.len()));
        }
        let sql = format!(
            "SELECT e.id FROM entries e WHERE {wh} ORDER BY e.occurred_on, e.created_at, e.uuid"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
