//! Where everything is on the journal app's screen, computed once per frame from its
//! size and the little of the state that moves things: the views draw into these areas
//! and the mouse is hit-tested against the same ones.

use ratatui::layout::{Constraint, Layout as Split, Position, Rect};
use ratatui::widgets::Block;

use super::component::Pane;

/// The smallest screen the app draws on; below it a message says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

/// One frame's areas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The whole screen.
    pub size: Rect,
    /// Smaller than the app can draw on: nothing else is laid out.
    pub too_small: bool,
    pub tabs: Rect,
    pub main: Rect,
    pub status: Rect,
    /// Journal: the search bar (empty when not searching), the list, the preview.
    pub search: Rect,
    pub list: Rect,
    pub preview: Rect,
    /// Write: the entry's header, the list of fields with one row per field, and the
    /// field being written.
    pub meta: Rect,
    pub nav: Rect,
    pub fields: Vec<Rect>,
    pub editor: Rect,
}

/// What of the state moves things on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub pane: Pane,
    /// The journal shows its search bar.
    pub search_bar: bool,
    /// Fields of the entry being written.
    pub fields: usize,
}

impl Layout {
    /// The areas of a frame of `size` for a screen of this shape.
    #[must_use]
    pub fn new(size: Rect, shape: Shape) -> Layout {
        if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
            return Layout {
                size,
                too_small: true,
                ..Layout::default()
            };
        }
        let [tabs, main, status] = Split::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(size);
        let mut a = Layout {
            size,
            too_small: false,
            tabs,
            main,
            status,
            ..Layout::default()
        };
        match shape.pane {
            Pane::Journal => {
                let body = if shape.search_bar {
                    let [bar, rest] =
                        Split::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
                    a.search = bar;
                    rest
                } else {
                    main
                };
                let halves = [Constraint::Percentage(55), Constraint::Percentage(45)];
                [a.list, a.preview] = if body.width >= 100 {
                    Split::horizontal(halves).areas(body)
                } else {
                    Split::vertical(halves).areas(body)
                };
            }
            Pane::Write => {
                let [meta, rest] =
                    Split::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(main);
                let nav_width = if rest.width >= 100 { 26 } else { 20 };
                let [nav, editor] =
                    Split::horizontal([Constraint::Length(nav_width), Constraint::Min(1)])
                        .areas(rest);
                a.meta = meta;
                a.nav = nav;
                a.editor = editor;
                let inner = Block::bordered().inner(nav);
                a.fields = (0..shape.fields)
                    .map(|i| {
                        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
                        Rect::new(inner.x, y, inner.width, 1).intersection(inner)
                    })
                    .collect();
            }
            Pane::Supervision | Pane::Patterns => {}
        }
        a
    }

    /// The pane whose tab is at column `x` of the tab bar.
    #[must_use]
    pub fn tab_at(&self, at: Position) -> Option<Pane> {
        if !self.tabs.contains(at) {
            return None;
        }
        let mut x = self.tabs.x + TABS_START;
        for p in Pane::ALL {
            let w = tab_width(p);
            if at.x >= x && at.x < x + w {
                return Some(p);
            }
            x += w + 1;
        }
        None
    }

    /// The field of the Write pane's list at `at`.
    #[must_use]
    pub fn field_at(&self, at: Position) -> Option<usize> {
        self.fields.iter().position(|r| r.contains(at))
    }

    /// The row of the journal's list at `at` (0: the first row shown).
    #[must_use]
    pub fn list_row_at(&self, at: Position) -> Option<usize> {
        let inner = Block::bordered().inner(self.list);
        inner
            .contains(at)
            .then(|| usize::from(at.y.saturating_sub(inner.y)))
    }
}

/// Where the first tab starts: after " praxis  ".
pub const TABS_START: u16 = 9;

/// A tab's width: its title with a space each side.
#[must_use]
pub fn tab_width(p: Pane) -> u16 {
    u16::try_from(p.title().len() + 2).unwrap_or(0)
}
