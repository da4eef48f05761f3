//! Statements held prepared for the length of an import, found by the address of their
//! SQL text instead of through the connection's cache.
//!
//! The connection's cache (`prepare_cached`) hashes a statement's whole text twice and
//! copies it each time a statement is taken and given back: an entry written takes four
//! to ten statements. An import holds its statements here, keyed by where their text is
//! (every one is a string in the program), for as long as the import runs.

use std::cell::{OnceCell, RefCell, RefMut};
use std::ops::{Deref, DerefMut};

use rusqlite::{CachedStatement, Connection, PrepFlags, Statement};

use super::Result;

/// Statements held at most; more are taken from the connection's cache.
const SLOTS: usize = 64;

/// The statements held for an import on one connection, prepared as they are first asked
/// for.
pub(crate) struct Prepared<'c> {
    slots: [OnceCell<(&'static str, RefCell<Statement<'c>>)>; SLOTS],
}

impl<'c> Prepared<'c> {
    pub(crate) fn new() -> Self {
        Prepared {
            slots: std::array::from_fn(|_| OnceCell::new()),
        }
    }

    /// The statement of `sql` on `conn`, prepared the first time; one already in use (a
    /// statement asked for again while it runs), or one beyond [`SLOTS`], from the
    /// connection's cache.
    fn get<'h>(&'h self, conn: &'c Connection, sql: &'static str) -> Result<Stmt<'h, 'c>> {
        for slot in &self.slots {
            match slot.get() {
                Some((text, st)) if std::ptr::eq(*text, sql) => {
                    return Ok(match st.try_borrow_mut() {
                        Ok(st) => Stmt::Held(st),
                        Err(_) => Stmt::Cached(conn.prepare_cached(sql)?),
                    });
                }
                Some(_) => {}
                None => {
                    // Persistent, as the connection's cache prepares them: a statement
                    // prepared otherwise keeps some of the connection's small blocks of
                    // memory for good, and every statement run then allocates its own
                    // (an import of 100,000 entries took 9% more instructions).
                    let st = conn.prepare_with_flags(sql, PrepFlags::SQLITE_PREPARE_PERSISTENT)?;
                    let _ = slot.set((sql, RefCell::new(st)));
                    if let Some((_, st)) = slot.get()
                        && let Ok(st) = st.try_borrow_mut()
                    {
                        return Ok(Stmt::Held(st));
                    }
                    break;
                }
            }
        }
        Ok(Stmt::Cached(conn.prepare_cached(sql)?))
    }
}

/// A statement taken from [`Prepared`] or from the connection's cache.
pub(crate) enum Stmt<'h, 'c> {
    Held(RefMut<'h, Statement<'c>>),
    Cached(CachedStatement<'c>),
}

impl<'c> Deref for Stmt<'_, 'c> {
    type Target = Statement<'c>;

    fn deref(&self) -> &Statement<'c> {
        match self {
            Stmt::Held(st) => st,
            Stmt::Cached(st) => st,
        }
    }
}

impl DerefMut for Stmt<'_, '_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Stmt::Held(st) => &mut *st,
            Stmt::Cached(st) => &mut *st,
        }
    }
}

/// A connection in a transaction, with the statements an import holds when it is one: the
/// connection for everything, and its statements through [`Tx::prepare_cached`].
#[derive(Clone, Copy)]
pub(crate) struct Tx<'h, 'c> {
    conn: &'c Connection,
    held: Option<&'h Prepared<'c>>,
}

impl<'h, 'c> Tx<'h, 'c> {
    /// Statements from the connection's cache.
    pub(crate) fn new(conn: &'c Connection) -> Self {
        Tx { conn, held: None }
    }

    /// Statements held in `held`.
    pub(crate) fn holding(conn: &'c Connection, held: &'h Prepared<'c>) -> Self {
        Tx {
            conn,
            held: Some(held),
        }
    }

    /// The statement of `sql`: held, or from the connection's cache.
    pub(crate) fn prepare_cached(&self, sql: &'static str) -> Result<Stmt<'h, 'c>> {
        match self.held {
            Some(held) => held.get(self.conn, sql),
            None => Ok(Stmt::Cached(self.conn.prepare_cached(sql)?)),
        }
    }
}

impl Deref for Tx<'_, '_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use super::*;

    const ONE: &str = "SELECT ?1 + 1";
    const TWO: &str = "SELECT ?1 + 2";

    #[test]
    fn a_statement_is_prepared_once_and_one_in_use_is_prepared_again() {
        let conn = Connection::open_in_memory().unwrap();
        let held = Prepared::new();
        let tx = Tx::holding(&conn, &held);
        let add = |sql, n: i64| -> i64 {
            tx.prepare_cached(sql)
                .unwrap()
                .query_row([n], |r| r.get(0))
                .unwrap()
        };
        assert_eq!((add(ONE, 1), add(TWO, 1), add(ONE, 5)), (2, 3, 6));
        assert_eq!(held.slots.iter().filter(|s| s.get().is_some()).count(), 2);
        let outer = tx.prepare_cached(ONE).unwrap();
        assert!(matches!(outer, Stmt::Held(_)));
        // Asked for again while the first is taken: another, from the connection's cache.
        let inner = tx.prepare_cached(ONE).unwrap();
        assert!(matches!(inner, Stmt::Cached(_)));
        drop((outer, inner));
        assert!(matches!(tx.prepare_cached(ONE).unwrap(), Stmt::Held(_)));
    }

    #[test]
    fn statements_beyond_the_slots_come_from_the_cache() {
        let conn = Connection::open_in_memory().unwrap();
        let held = Prepared::new();
        let tx = Tx::holding(&conn, &held);
        let texts: Vec<&'static str> = (0..=SLOTS)
            .map(|n| &*Box::leak(format!("SELECT {n}").into_boxed_str()))
            .collect();
        for (n, sql) in (0_i64..).zip(&texts) {
            let mut st = tx.prepare_cached(sql).unwrap();
            assert_eq!(
                matches!(st, Stmt::Held(_)),
                n < SLOTS as i64,
                "statement {n}"
            );
            assert_eq!(st.query_row([], |r| r.get::<_, i64>(0)).unwrap(), n);
        }
        // Each held one is found again.
        for (n, sql) in (0_i64..).zip(&texts).take(SLOTS) {
            let mut st = tx.prepare_cached(sql).unwrap();
            assert!(matches!(st, Stmt::Held(_)));
            assert_eq!(st.query_row([], |r| r.get::<_, i64>(0)).unwrap(), n);
        }
    }
}
