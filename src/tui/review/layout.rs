//! Where things are on the review's screen, shared by drawing and the mouse.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest screen the review draws on; below it a message says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;
/// The narrowest a person's column may be.
pub const MIN_COLUMN: u16 = 38;

/// Where things are on screen, shared by drawing and mouse handling.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub header: Rect,
    pub main: Rect,
    pub status: Rect,
    /// Overview: one per person on screen, from [`Shape::first`].
    pub columns: Vec<Rect>,
    /// Person screen: the excerpt list, open actions, the excerpt, the notes.
    pub list: Rect,
    pub actions: Rect,
    pub reading: Rect,
    pub notes: Rect,
}

/// What a frame's layout depends on, read from the review's state.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    /// The person screen (else the overview).
    pub person: bool,
    /// The excerpt read full-screen.
    pub zoom: bool,
    pub notes_focused: bool,
    /// The notes are written in or hold something, so they take room.
    pub notes_used: bool,
    /// The selected person's summary has open actions.
    pub has_actions: bool,
    pub people: usize,
    /// The first column on screen, as the state last had it.
    pub first: usize,
    pub selected: usize,
}

impl Shape {
    /// The first column on screen: the state's, kept in range whatever the size.
    #[must_use]
    pub fn first(&self, fit: usize) -> usize {
        let mut first = self.first.min(self.people.saturating_sub(fit));
        if self.selected < first {
            first = self.selected;
        } else if self.selected >= first + fit {
            first = self.selected + 1 - fit;
        }
        first
    }
}

/// How many columns fit side by side in `width` for `people` people.
#[must_use]
pub fn columns_fit(width: u16, people: usize) -> usize {
    usize::from((width / MIN_COLUMN).max(1)).min(people.max(1))
}

/// The layout of a frame of this size.
#[must_use]
pub fn layout(size: Rect, s: &Shape) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas::default();
    }
    let [header, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut a = Areas {
        header,
        main,
        status,
        ..Areas::default()
    };
    match (s.person, s.zoom) {
        (false, _) => {
            let fit = columns_fit(main.width, s.people);
            let shown = s.people.saturating_sub(s.first(fit)).min(fit).max(1);
            let n = u32::try_from(shown).unwrap_or(1);
            a.columns = Layout::horizontal(vec![Constraint::Ratio(1, n); shown])
                .split(main)
                .to_vec();
        }
        (true, true) => a.reading = main,
        (true, false) => {
            let (has_actions, notes_used) = (s.has_actions, s.notes_used);
            if main.width >= 100 {
                let [left, right] =
                    Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)])
                        .areas(main);
                let notes_h = if notes_used {
                    (main.height * 2 / 5).max(6)
                } else {
                    5
                };
                [a.reading, a.notes] =
                    Layout::vertical([Constraint::Min(5), Constraint::Length(notes_h)])
                        .areas(right);
                if has_actions {
                    [a.list, a.actions] =
                        Layout::vertical([Constraint::Min(5), Constraint::Percentage(35)])
                            .areas(left);
                } else {
                    a.list = left;
                }
            } else {
                let notes_h = match (s.notes_focused, notes_used) {
                    (true, _) => main.height / 3 + 1,
                    (false, true) => main.height / 4,
                    (false, false) => 4,
                };
                let [top, reading, notes] = Layout::vertical([
                    Constraint::Length(6),
                    Constraint::Min(5),
                    Constraint::Length(notes_h.max(4)),
                ])
                .areas(main);
                a.reading = reading;
                a.notes = notes;
                if has_actions {
                    [a.list, a.actions] = Layout::horizontal([
                        Constraint::Percentage(58),
                        Constraint::Percentage(42),
                    ])
                    .areas(top);
                } else {
                    a.list = top;
                }
            }
        }
    }
    a
}

/// The first excerpt shown in a list of this area (the selected one stays in view).
#[must_use]
pub fn list_first(selected: usize, list: Rect) -> usize {
    let rows = usize::from(list.height.saturating_sub(2)).max(1);
    (selected + 1).saturating_sub(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_by_width() {
        assert_eq!(columns_fit(80, 2), 2);
        assert_eq!(columns_fit(80, 5), 2);
        assert_eq!(columns_fit(120, 5), 3);
        assert_eq!(columns_fit(60, 3), 1);
        assert_eq!(columns_fit(200, 1), 1);
    }
}
