//! `praxis circle open`: a circle's stream full-screen, read-only over the local index
//! like the review: newest first, replies threaded under what they answer, what is new
//! since the last look marked, flagged files shown as such. Everything drawn comes from
//! other people's files, so every string is cleaned for the terminal first.

pub mod keys;

use anyhow::Result;
use crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use self::keys::{Action, CircleKeymap};
use chrono::{DateTime, Utc};

use crate::circle::{Body, Circle, CircleError, Sweep};
use crate::model::text::truncate;
use crate::tui::keymap::{self, Key};
use crate::tui::review::{clean_line, clean_text};
use crate::tui::runtime::{Handled, Screen};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, wrap};

/// The smallest screen the pane draws on.
pub const MIN: (u16, u16) = (40, 10);

/// How many files one tick checks for a rewrite in place: a few milliseconds.
const CHECK_BATCH: usize = 2048;

/// One contribution of the stream, prepared for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The contribution's id; none for a flagged file.
    pub id: Option<String>,
    /// "river · 18 March 2026 · question", or the file's name when it is flagged.
    pub head: String,
    /// The title or first line.
    pub headline: String,
    /// Everything it says, for reading.
    pub lines: Vec<String>,
    /// Replies, oldest first: "heron: text".
    pub replies: Vec<String>,
    pub thanked: Vec<String>,
    pub new: bool,
    pub mine: bool,
    /// Why the file is not trusted.
    pub flagged: Option<String>,
}

/// The pane's state.
pub struct CirclePane {
    pub circle: Circle,
    /// The files still to check for a rewrite in place, a batch a tick.
    sweep: Sweep,
    /// The time the pane was opened: what is read is first seen then.
    now: DateTime<Utc>,
    /// The last look before this one: what is new is measured from it.
    last: Option<String>,
    limit: usize,
    /// A message for the status line (what an action did, or why it could not).
    pub status: Option<String>,
    pub name: String,
    /// "3 members · signed and encrypted · 2 new since you last looked (river 2)".
    pub summary: String,
    pub posts: Vec<Post>,
    pub selected: usize,
    /// Reading the selected post full-screen, scrolled this far.
    pub reading: Option<u16>,
    pub help: bool,
    keymap: CircleKeymap,
    theme: Theme,
    quit: bool,
}

impl CirclePane {
    /// The newest `limit` contributions of `circle` with their replies, drawn from its
    /// index once what arrived is read ([`Circle::refresh_arrivals`]); `sweep`'s files are
    /// checked for a rewrite in place between frames. What is new is measured from the
    /// last look (which the caller marks as now).
    pub fn load(
        circle: Circle,
        sweep: Sweep,
        now: DateTime<Utc>,
        limit: usize,
        keymap: CircleKeymap,
        theme: Theme,
    ) -> Result<CirclePane, CircleError> {
        let last = circle.last_look()?;
        let mut pane = CirclePane {
            name: clean_line(&circle.manifest.name),
            circle,
            sweep,
            now,
            last,
            limit,
            status: None,
            summary: String::new(),
            posts: Vec::new(),
            selected: 0,
            reading: None,
            help: false,
            keymap,
            theme,
            quit: false,
        };
        pane.reload()?;
        Ok(pane)
    }

    /// Reads the stream again from the index, keeping the selected contribution.
    pub fn reload(&mut self) -> Result<(), CircleError> {
        let keep = self.posts.get(self.selected).and_then(|p| p.id.clone());
        self.posts = posts(&self.circle, self.last.as_deref(), self.limit)?;
        self.summary = summary(&self.circle, self.last.is_some())?;
        if let Some(i) = keep.and_then(|id| {
            self.posts
                .iter()
                .position(|p| p.id.as_deref() == Some(id.as_str()))
        }) {
            self.selected = i;
        }
        self.selected = self.selected.min(self.posts.len().saturating_sub(1));
        Ok(())
    }

    /// Checks one batch of files for a rewrite in place, and draws again what changed.
    pub fn check_batch(&mut self) {
        if self.sweep.is_done() {
            return;
        }
        let done = self
            .circle
            .check(&mut self.sweep, CHECK_BATCH, self.now)
            .and_then(|r| {
                if r.read + r.gone > 0 {
                    self.reload()
                } else {
                    Ok(())
                }
            });
        if let Err(e) = done {
            self.sweep = Sweep::default();
            self.status = Some(clean_line(&e.to_string()));
        }
    }

    /// Handles a key through the keymap.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let action = self.keymap.lookup(
            Key::from_event(&key),
            keymap::Text::None,
            &[keys::Context::Stream],
        );
        if self.help {
            self.help = false;
            if action != Some(Action::Quit) {
                return;
            }
        }
        if let Some(a) = action {
            self.act(a);
        }
    }

    /// Does an action.
    pub fn act(&mut self, action: Action) {
        let last = self.posts.len().saturating_sub(1);
        match (action, self.reading) {
            (Action::Quit, _) => self.quit = true,
            (Action::Help, _) => self.help = true,
            (Action::Back, Some(_)) | (Action::Read, Some(_)) => self.reading = None,
            (Action::Back, None) => self.quit = true,
            (Action::Read, None) if !self.posts.is_empty() => self.reading = Some(0),
            (Action::Down, Some(s)) => self.reading = Some(s.saturating_add(1)),
            (Action::Up, Some(s)) => self.reading = Some(s.saturating_sub(1)),
            (Action::Down, None) => self.selected = (self.selected + 1).min(last),
            (Action::Up, None) => self.selected = self.selected.saturating_sub(1),
            (Action::Top, _) => {
                self.selected = 0;
                self.reading = self.reading.map(|_| 0);
            }
            (Action::Bottom, _) => self.selected = last,
            _ => {}
        }
    }

    /// Draws one frame.
    pub fn draw(&self, f: &mut Frame<'_>) {
        if widgets::too_small(f, "praxis circle", MIN) {
            return;
        }
        let t = &self.theme;
        let [header, main, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(f.area());
        let w = usize::from(header.width);
        let head = format!("{} — {}", self.name, self.summary);
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                truncate(&head, w).into_owned(),
                t.title,
            ))),
            header,
        );
        let hint = if self.reading.is_some() {
            vec![
                (self.keymap.first_key(Action::Down), "scroll"),
                (self.keymap.first_key(Action::Back), "back"),
                (self.keymap.first_key(Action::Quit), "quit"),
            ]
        } else {
            vec![
                (self.keymap.first_key(Action::Down), "next"),
                (self.keymap.first_key(Action::Read), "read"),
                (self.keymap.first_key(Action::Help), "help"),
                (self.keymap.first_key(Action::Quit), "quit"),
            ]
        };
        match &self.status {
            Some(msg) => f.render_widget(
                Paragraph::new(Line::from(Span::styled(
                    truncate(msg, usize::from(status.width)).into_owned(),
                    t.flag,
                ))),
                status,
            ),
            None => f.render_widget(Paragraph::new(widgets::key_hint(t, &hint)), status),
        }
        match self.reading {
            Some(scroll) => self.draw_reading(f, main, scroll),
            None => self.draw_stream(f, main),
        }
        if self.help {
            widgets::help(
                f,
                t,
                &self.keymap,
                &widgets::HelpText {
                    title: "praxis circle — keys",
                    notes: &[
                        "The circle is read-only here: reply, thank, bring to supervision and \
                         contribute with `praxis circle` on the command line."
                            .to_string(),
                    ],
                    footer: "Any key closes this help.".to_string(),
                },
                0,
                f.area(),
            );
        }
    }

    fn draw_stream(&self, f: &mut Frame<'_>, area: Rect) {
        let t = &self.theme;
        let block = widgets::block(t, "Stream, newest first", true);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let w = usize::from(inner.width);
        if self.posts.is_empty() {
            f.render_widget(
                Paragraph::new(
                    "Nothing shared yet. `praxis circle contribute --question TEXT` starts it.",
                )
                .wrap(Wrap { trim: true })
                .style(t.dim),
                inner,
            );
            return;
        }
        // Each post: its head line, its headline, its replies; the selected one kept on
        // screen by starting from the post that lets it show.
        let blocks: Vec<Vec<Line<'static>>> = self
            .posts
            .iter()
            .enumerate()
            .map(|(i, p)| self.post_lines(p, i == self.selected, w))
            .collect();
        let height = usize::from(inner.height);
        let mut first = 0;
        loop {
            let used: usize = blocks[first..=self.selected.min(blocks.len() - 1)]
                .iter()
                .map(Vec::len)
                .sum();
            if used <= height || first >= self.selected {
                break;
            }
            first += 1;
        }
        let lines: Vec<Line<'static>> = blocks[first..].iter().flatten().cloned().collect();
        f.render_widget(Paragraph::new(lines), inner);
    }

    fn post_lines(&self, p: &Post, selected: bool, w: usize) -> Vec<Line<'static>> {
        let t = &self.theme;
        let marker = if p.flagged.is_some() {
            "⚠"
        } else if p.mine {
            "○"
        } else {
            "●"
        };
        let new = if p.new { "  new" } else { "" };
        let head_w = w.saturating_sub(2 + new.len());
        let style = if selected { t.selected } else { t.dim };
        let mut out = vec![Line::from(vec![
            Span::styled(
                format!("{marker} "),
                if p.flagged.is_some() {
                    t.warn
                } else {
                    t.accent
                },
            ),
            Span::styled(truncate(&p.head, head_w).into_owned(), style),
            Span::styled(new.to_string(), t.flag),
        ])];
        let body_style = if selected { t.selected } else { t.base };
        out.push(Line::from(Span::styled(
            format!("  {}", truncate(&p.headline, w.saturating_sub(2))),
            if p.flagged.is_some() {
                t.warn
            } else {
                body_style
            },
        )));
        for r in &p.replies {
            out.push(Line::from(Span::styled(
                format!(
                    "    ↳ {}",
                    truncate(r.lines().next().unwrap_or(""), w.saturating_sub(6))
                ),
                t.dim,
            )));
        }
        if !p.thanked.is_empty() {
            out.push(Line::from(Span::styled(
                format!(
                    "    ♥ {}",
                    truncate(&p.thanked.join(", "), w.saturating_sub(6))
                ),
                t.dim,
            )));
        }
        out
    }

    fn draw_reading(&self, f: &mut Frame<'_>, area: Rect, scroll: u16) {
        let t = &self.theme;
        let Some(p) = self.posts.get(self.selected) else {
            return;
        };
        let block = widgets::block(t, truncate(&p.head, usize::from(area.width) / 2 + 10), true);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let w = usize::from(inner.width);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for l in &p.lines {
            lines.extend(wrap(l, w).into_iter().map(Line::from));
        }
        if !p.replies.is_empty() {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled("Replies", t.accent)));
            for r in &p.replies {
                for (i, part) in wrap(r, w.saturating_sub(4)).into_iter().enumerate() {
                    let lead = if i == 0 { "  ↳ " } else { "    " };
                    lines.push(Line::from(format!("{lead}{part}")));
                }
            }
        }
        if !p.thanked.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("♥ thanked by {}", p.thanked.join(", ")),
                t.dim,
            )));
        }
        let max = u16::try_from(lines.len().saturating_sub(usize::from(inner.height)))
            .unwrap_or(u16::MAX);
        f.render_widget(Paragraph::new(lines).scroll((scroll.min(max), 0)), inner);
    }
}

/// The stream's newest `limit` posts with their replies; new is measured from `last`.
fn posts(circle: &Circle, last: Option<&str>, limit: usize) -> Result<Vec<Post>, CircleError> {
    let is_new = |seen: &str| last.is_none_or(|l| seen > l);
    let mut posts = Vec::new();
    for item in circle.stream(limit)? {
        let c = match item.content {
            Ok(c) => c,
            Err(why) => {
                posts.push(Post {
                    id: None,
                    head: clean_line(&item.file),
                    headline: clean_line(&why),
                    lines: vec![clean_line(&item.file), String::new(), clean_line(&why)],
                    replies: Vec::new(),
                    thanked: Vec::new(),
                    new: is_new(&item.first_seen),
                    mine: false,
                    flagged: Some(clean_line(&why)),
                });
                continue;
            }
        };
        let mut lines: Vec<String> = circle.lines(&c).iter().map(|l| clean_line(l)).collect();
        let head = if lines.is_empty() {
            String::new()
        } else {
            lines.remove(0)
        };
        let mut replies = Vec::new();
        let mut thanked = Vec::new();
        for r in circle.responses(&c.id)? {
            let Ok(r) = r.content else { continue };
            let who = clean_line(&circle.members.name(&r.author));
            match &r.body {
                Body::Reply { text, .. } => replies.push(format!("{who}: {}", clean_text(text))),
                Body::Thanks { .. } => thanked.push(who),
                _ => {}
            }
        }
        posts.push(Post {
            id: Some(c.id.clone()),
            head,
            headline: clean_line(&c.body.headline()),
            lines,
            replies,
            thanked,
            new: is_new(&item.first_seen),
            mine: c.author == circle.membership.member,
            flagged: None,
        });
    }
    Ok(posts)
}

/// "3 members · signed and encrypted · 2 new (river 2)".
fn summary(circle: &Circle, looked: bool) -> Result<String, CircleError> {
    let new = circle.new_since_last_look()?;
    let total: i64 = new.iter().map(|(_, n)| n).sum();
    let members = circle.members.current().count();
    let mut summary = format!(
        "{members} member{} · {}",
        if members == 1 { "" } else { "s" },
        if circle.manifest.encrypted {
            "signed and encrypted"
        } else {
            "signed"
        }
    );
    if total > 0 {
        let by: Vec<String> = new.iter().map(|(w, n)| format!("{w} {n}")).collect();
        summary.push_str(&format!(" · {total} new ({})", by.join(", ")));
    } else if looked {
        summary.push_str(" · nothing new");
    }
    Ok(clean_line(&summary))
}

impl Screen for CirclePane {
    fn handle(&mut self, event: &Event) -> Handled {
        if let Event::Key(k) = event {
            self.handle_key(*k);
            return Handled::Consumed;
        }
        Handled::Passed
    }

    fn draw(&mut self, frame: &mut Frame<'_>) {
        CirclePane::draw(self, frame);
    }

    fn tick(&mut self, _now: std::time::Instant) {
        self.check_batch();
    }

    fn busy(&self) -> bool {
        !self.sweep.is_done()
    }

    fn done(&self) -> bool {
        self.quit
    }

    fn on_exit(&mut self) -> Result<()> {
        // Read-only: nothing to keep.
        Ok(())
    }
}

/// Runs the pane until the reader quits.
pub fn run(mut pane: CirclePane) -> Result<()> {
    crate::tui::runtime::run(&mut pane, crate::tui::runtime::Options::default())
}
