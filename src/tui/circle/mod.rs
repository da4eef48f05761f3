//! `praxis circle open`: a circle's stream full-screen over the local index: newest first,
//! replies threaded under what they answer, what is new since the last look marked,
//! flagged files shown as such; replying, thanking, bringing and contributing are in
//! `act`. Everything drawn comes from other people's files, so every string is cleaned
//! for the terminal first.

pub mod act;
pub mod keys;

use anyhow::Result;
use crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub use self::act::{Choice, Journal, Mode, Pending, Writing};
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
    /// The member card that wrote it, when nobody has welcomed that card yet.
    pub unwelcomed: Option<String>,
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
    /// The theme the stream is on (none: every contribution).
    pub on_theme: Option<String>,
    /// A message for the status line (what an action did, or why it could not).
    pub status: Option<String>,
    pub name: String,
    /// "3 members · signed and encrypted · 2 new since you last looked (river 2)".
    pub summary: String,
    pub posts: Vec<Post>,
    pub selected: usize,
    /// What is shown, and where keys go.
    pub mode: Mode,
    /// My journal: what I share from, and where I bring contributions (none: the pane
    /// only reads and writes to the circle).
    journal: Option<Journal>,
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
            on_theme: None,
            status: None,
            summary: String::new(),
            posts: Vec::new(),
            selected: 0,
            mode: Mode::Stream,
            journal: None,
            help: false,
            keymap,
            theme,
            quit: false,
        };
        pane.reload()?;
        Ok(pane)
    }

    /// Gives the pane my journal, to share my entries and bring contributions to.
    #[must_use]
    pub fn with_journal(mut self, journal: Journal) -> CirclePane {
        self.journal = Some(journal);
        self
    }

    /// The scroll of the contribution read full-screen, when one is.
    #[must_use]
    pub fn reading(&self) -> Option<u16> {
        match self.mode {
            Mode::Reading(s) => Some(s),
            _ => None,
        }
    }

    /// Reads the stream again from the index, keeping the selected contribution.
    pub fn reload(&mut self) -> Result<(), CircleError> {
        let keep = self.posts.get(self.selected).and_then(|p| p.id.clone());
        self.posts = posts(
            &self.circle,
            self.last.as_deref(),
            self.on_theme.as_deref(),
            self.limit,
        )?;
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

    /// Handles a key through the keymap; while writing, plain keys are text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let (text, chain): (keymap::Text, &[keys::Context]) = match self.mode {
            Mode::Write { .. } => (
                keymap::Text::Area,
                &[keys::Context::Write, keys::Context::Stream],
            ),
            Mode::Confirm { .. } => (
                keymap::Text::None,
                &[keys::Context::Confirm, keys::Context::Stream],
            ),
            _ => (keymap::Text::None, &[keys::Context::Stream]),
        };
        let k = Key::from_event(&key);
        let action = self.keymap.lookup(k, text, chain);
        if self.help {
            self.help = false;
            if action != Some(Action::Quit) {
                return;
            }
        }
        self.status = None;
        match action {
            Some(a) => self.act(a),
            None if text.takes(k) => {
                if let Mode::Write { area, .. } = &mut self.mode {
                    area.input(key);
                }
            }
            None => {}
        }
    }

    /// Does an action.
    pub fn act(&mut self, action: Action) {
        let last = self.posts.len().saturating_sub(1);
        match (&mut self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Help) => self.help = true,
            (Mode::Stream, Action::Back) => self.quit = true,
            (Mode::Stream, Action::Read) if !self.posts.is_empty() => {
                self.mode = Mode::Reading(0);
            }
            (Mode::Stream, Action::Down) => self.selected = (self.selected + 1).min(last),
            (Mode::Stream, Action::Up) => self.selected = self.selected.saturating_sub(1),
            (Mode::Stream, Action::Top) => self.selected = 0,
            (Mode::Stream, Action::Bottom) => self.selected = last,
            (Mode::Reading(_), Action::Back | Action::Read) => self.mode = Mode::Stream,
            (Mode::Reading(s), Action::Down) => *s = s.saturating_add(1),
            (Mode::Reading(s), Action::Up) => *s = s.saturating_sub(1),
            (Mode::Reading(s), Action::Top) => *s = 0,
            (Mode::Stream | Mode::Reading(_), Action::Reply) => self.start_reply(),
            (Mode::Stream | Mode::Reading(_), Action::Thank) => self.thank(),
            (Mode::Stream | Mode::Reading(_), Action::Bring) => self.bring(),
            (Mode::Stream | Mode::Reading(_), Action::Contribute) => self.start_pick(),
            (Mode::Stream, Action::Theme) => self.next_theme(),
            (Mode::Stream | Mode::Reading(_), Action::Welcome) => self.start_welcome(),
            (Mode::Pick { choices, selected }, a) => match a {
                Action::Down => *selected = (*selected + 1).min(choices.len().saturating_sub(1)),
                Action::Up => *selected = selected.saturating_sub(1),
                Action::Top => *selected = 0,
                Action::Bottom => *selected = choices.len().saturating_sub(1),
                Action::Read => {
                    if let Some(c) = choices.get(*selected).cloned() {
                        self.choose(c);
                    }
                }
                Action::Back | Action::No => self.mode = Mode::Stream,
                _ => {}
            },
            (Mode::Write { .. }, Action::Done) => self.preview_writing(),
            (Mode::Write { .. } | Mode::Confirm { .. }, Action::Back | Action::No) => {
                self.mode = Mode::Stream;
                self.status = Some("Nothing was written.".into());
            }
            (Mode::Confirm { .. }, Action::Yes) => self.write_confirmed(),
            _ => {}
        }
    }

    /// The stream on the next theme (by how many carry it), then on all of them again.
    fn next_theme(&mut self) {
        let themes = match self.circle.themes() {
            Ok(t) => t,
            Err(e) => {
                self.status = Some(clean_line(&e.to_string()));
                return;
            }
        };
        if themes.is_empty() {
            self.status = Some("No contribution has a theme yet.".into());
            return;
        }
        let at = self
            .on_theme
            .as_ref()
            .and_then(|t| themes.iter().position(|(x, _)| x == t));
        self.on_theme = match at {
            None if self.on_theme.is_none() => themes.first().map(|(t, _)| t.clone()),
            Some(i) => themes.get(i + 1).map(|(t, _)| t.clone()),
            None => None,
        };
        self.selected = 0;
        if let Err(e) = self.reload() {
            self.status = Some(clean_line(&e.to_string()));
        }
    }

    /// Types `text` into the box being written (for tests and pastes).
    pub fn type_text(&mut self, text: &str) {
        if let Mode::Write { area, .. } = &mut self.mode {
            area.insert_str(text);
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
        let k = |a: Action| self.keymap.first_key(a);
        let hint = match &self.mode {
            Mode::Stream => vec![
                (k(Action::Read), "read"),
                (k(Action::Reply), "reply"),
                (k(Action::Thank), "thank"),
                (k(Action::Bring), "bring"),
                (k(Action::Contribute), "contribute"),
                (k(Action::Help), "help"),
                (k(Action::Quit), "quit"),
            ],
            Mode::Reading(_) => vec![
                (k(Action::Down), "scroll"),
                (k(Action::Reply), "reply"),
                (k(Action::Thank), "thank"),
                (k(Action::Bring), "bring"),
                (k(Action::Back), "back"),
            ],
            Mode::Write { .. } => vec![
                (k(Action::Done), "see it as the circle will"),
                (k(Action::Back), "cancel"),
            ],
            Mode::Pick { .. } => vec![(k(Action::Read), "choose"), (k(Action::Back), "back")],
            Mode::Confirm { .. } => vec![(k(Action::Yes), "write it"), (k(Action::No), "don't")],
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
        match &self.mode {
            Mode::Stream => self.draw_stream(f, main),
            Mode::Reading(scroll) => self.draw_reading(f, main, *scroll),
            Mode::Write { what, area } => {
                let block = widgets::block(t, truncate(&what.title(), w.saturating_sub(6)), true);
                let inner = block.inner(main);
                f.render_widget(block, main);
                f.render_widget(&**area, inner);
            }
            Mode::Pick { choices, selected } => self.draw_pick(f, main, choices, *selected),
            Mode::Confirm {
                what,
                lines,
                replaced,
            } => self.draw_confirm(f, main, what, lines, replaced.as_deref()),
        }
        if self.help {
            widgets::help(
                f,
                t,
                &self.keymap,
                &widgets::HelpText {
                    title: "praxis circle — keys",
                    notes: &[
                        "What you write or share is redacted and shown as the circle will \
                         read it, and written only when you say yes."
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
        let title = match &self.on_theme {
            Some(th) => format!("Stream on #{th}, newest first"),
            None => "Stream, newest first".to_string(),
        };
        let block = widgets::block(t, title, true);
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

    fn draw_pick(&self, f: &mut Frame<'_>, area: Rect, choices: &[Choice], selected: usize) {
        let t = &self.theme;
        let block = widgets::block(t, "Contribute: choose what to share", true);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let w = usize::from(inner.width);
        let height = usize::from(inner.height).max(1);
        let first = (selected + 1).saturating_sub(height);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (i, c) in choices.iter().enumerate().skip(first).take(height) {
            let text = format!("{} {}", if i == selected { "›" } else { " " }, c.label());
            lines.push(Line::from(Span::styled(
                truncate(&text, w).into_owned(),
                if i == selected { t.selected } else { t.base },
            )));
        }
        if choices.len() == 2 && self.journal.is_some() {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                "None of your entries is shareable yet: set an entry's scope to shareable to \
                 offer it here.",
                t.dim,
            )));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }

    fn draw_confirm(
        &self,
        f: &mut Frame<'_>,
        area: Rect,
        what: &Pending,
        body: &[String],
        replaced: Option<&str>,
    ) {
        let t = &self.theme;
        let title = match what {
            Pending::Contribution(_) => "This is what the circle will read",
            Pending::Welcome(_) => "Welcome a member",
        };
        let block = widgets::block(t, title, true);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let w = usize::from(inner.width);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for l in body {
            lines.extend(wrap(l, w).into_iter().map(Line::from));
        }
        lines.push(Line::from(""));
        if let Some(r) = replaced {
            lines.extend(
                wrap(r, w)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.flag))),
            );
        }
        let who = if matches!(what, Pending::Welcome(_)) {
            "Signed with your key, in your folder."
        } else if self.circle.manifest.encrypted {
            "Signed, and encrypted to the members."
        } else {
            "Signed; readable by anyone with the folder."
        };
        lines.push(Line::from(Span::styled(who, t.dim)));
        // The end stays in sight: the question is below it.
        let skip = lines.len().saturating_sub(usize::from(inner.height));
        f.render_widget(Paragraph::new(lines.split_off(skip)), inner);
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
fn posts(
    circle: &Circle,
    last: Option<&str>,
    theme: Option<&str>,
    limit: usize,
) -> Result<Vec<Post>, CircleError> {
    let is_new = |seen: &str| last.is_none_or(|l| seen > l);
    let mut posts = Vec::new();
    let items = match theme {
        Some(t) => circle.stream_on(t, limit)?,
        None => circle.stream(limit)?,
    };
    for item in items {
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
                    unwelcomed: item.unwelcomed.clone(),
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
        for (depth, r) in circle.thread(&c.id)? {
            let Ok(r) = r.content else { continue };
            let who = clean_line(&circle.members.name(&r.author));
            let indent = "  ".repeat(depth);
            match &r.body {
                Body::Reply { text, .. } => {
                    replies.push(format!("{indent}{who}: {}", clean_text(text)));
                }
                Body::Thanks { .. } if depth == 0 => thanked.push(who),
                Body::Thanks { .. } => replies.push(format!("{indent}♥ {who}")),
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
            // My own writing is never news to me.
            new: is_new(&item.first_seen) && c.author != circle.membership.member,
            mine: c.author == circle.membership.member,
            flagged: None,
            unwelcomed: None,
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
        // Nothing is kept on disk: text being written, not yet in the circle, is handed
        // back on the terminal once it is restored.
        Ok(())
    }

    fn after_restore(&mut self, _kept: &Result<()>) {
        let unsent = match &self.mode {
            Mode::Write { what, area } => Some((what.title(), area.lines().join("\n"))),
            _ => None,
        };
        if let Some((title, text)) = unsent.filter(|(_, t)| !t.trim().is_empty()) {
            eprintln!(
                "Not written to the circle ({}), so you can copy it:\n\n{}\n",
                clean_line(&title),
                clean_text(&text)
            );
        }
    }
}

/// Runs the pane until the reader quits.
pub fn run(mut pane: CirclePane) -> Result<()> {
    crate::tui::runtime::run(&mut pane, crate::tui::runtime::Options::default())
}
