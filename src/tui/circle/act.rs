//! What the pane does to the circle and to my journal: reply, thank, bring a contribution
//! to my supervision, and contribute (a question, a learning note or one of my entries),
//! each shown redacted exactly as the circle will read it and confirmed before it is
//! written.

use chrono::{DateTime, Utc};
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

use super::CirclePane;
use crate::circle::{Body, Contribution, share, short_id};
use crate::clock::Clock;
use crate::config::catalog::Catalog;
use crate::model::{EntryKind, Scope};
use crate::store::{EntryFilter, Store};
use crate::transfer::redact::{Checker, Redactor};
use crate::tui::review::clean_line;

/// How many of my entries the pane offers to share: the newest shareable ones.
const CHOICES: usize = 40;

/// My journal, for what the pane takes from it or brings to it.
pub struct Journal {
    pub store: Store,
    /// The config's words never to share, and words never to redact.
    pub never_export: Vec<String>,
    pub allow: Vec<String>,
    pub catalog: Catalog,
    pub clock: Clock,
}

/// What is being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Writing {
    /// A reply to a contribution: its id, and how it is named ("river's question “…”").
    Reply {
        to: String,
        about: String,
    },
    Question,
    Learning,
}

impl Writing {
    /// The writing box's title.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Writing::Reply { about, .. } => format!("Reply to {about}"),
            Writing::Question => "A question for the circle".into(),
            Writing::Learning => "A learning note".into(),
        }
    }
}

/// One thing to contribute, as the list offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Question,
    Learning,
    /// One of my shareable entries: its row id, and how it is listed.
    Entry {
        rowid: i64,
        label: String,
    },
}

impl Choice {
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Choice::Question => "Write a question for the circle".into(),
            Choice::Learning => "Write a learning note".into(),
            Choice::Entry { label, .. } => label.clone(),
        }
    }
}

/// What the pane shows and where keys go.
pub enum Mode {
    /// The stream, one contribution selected.
    Stream,
    /// The selected contribution full-screen, scrolled this far.
    Reading(u16),
    /// Writing a reply, a question or a learning note.
    Write {
        what: Writing,
        area: Box<TextArea<'static>>,
    },
    /// Choosing what to contribute.
    Pick {
        choices: Vec<Choice>,
        selected: usize,
    },
    /// What the circle will read, written only on yes.
    Confirm {
        what: Pending,
        lines: Vec<String>,
        replaced: Option<String>,
    },
}

/// What is written on yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Contribution(Body),
    /// A welcome of the member card with this id.
    Welcome(String),
}

impl CirclePane {
    fn now(&self) -> DateTime<Utc> {
        self.journal
            .as_ref()
            .map_or_else(|| self.now, |j| j.clock.now_utc())
    }

    /// The identifiability check over my journal's subjects and my own word lists.
    fn redactor(&self) -> Result<Redactor, String> {
        let Some(j) = &self.journal else {
            return Ok(Redactor::new(Checker::new(Vec::new(), &[], &[])));
        };
        let keys = j
            .store
            .subjects()
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|s| s.key);
        Ok(Redactor::new(Checker::new(keys, &j.never_export, &j.allow)))
    }

    /// The selected contribution, verified; an error says why there is none to act on.
    fn target(&self) -> Result<Contribution, String> {
        let Some(p) = self.posts.get(self.selected) else {
            return Err("Nothing here yet: the stream is empty.".into());
        };
        let Some(id) = &p.id else {
            return Err(
                "This file is not trusted: it cannot be replied to, thanked or brought.".into(),
            );
        };
        self.circle.find(id)
    }

    pub(super) fn start_reply(&mut self) {
        match self.target() {
            Ok(c) => {
                let about = format!(
                    "{}'s {} “{}”",
                    self.circle.members.name(&c.author),
                    c.body.kind(),
                    c.body.headline()
                );
                self.mode = Mode::Write {
                    what: Writing::Reply {
                        to: c.id,
                        about: clean_line(&about),
                    },
                    area: Box::new(text_area()),
                };
            }
            Err(why) => self.status = Some(clean_line(&why)),
        }
    }

    pub(super) fn thank(&mut self) {
        let done = self.target().and_then(|c| {
            if c.author == self.circle.membership.member {
                return Err("That contribution is yours: thanks go to someone else's.".into());
            }
            if self
                .circle
                .thanked_by_me(&c.id)
                .map_err(|e| e.to_string())?
            {
                return Err(format!(
                    "You have thanked {} for this already.",
                    self.circle.members.name(&c.author)
                ));
            }
            self.circle
                .contribute(Body::Thanks { to: c.id.clone() }, self.now())
                .map_err(|e| e.to_string())?;
            Ok(format!(
                "Thanked {} for {}.",
                self.circle.members.name(&c.author),
                short_id(&c.id)
            ))
        });
        self.after_write(done);
    }

    pub(super) fn bring(&mut self) {
        let done = self.target().and_then(|c| {
            let Some(j) = &mut self.journal else {
                return Err("No journal is open to bring it to.".into());
            };
            let e = share::brought(&self.circle, &c, j.clock.today(), j.clock.now_utc());
            j.store.insert_entry(&e).map_err(|e| e.to_string())?;
            Ok(format!(
                "Brought to your supervision: entry {}, flagged for it.",
                e.short_id()
            ))
        });
        self.status = Some(clean_line(&done.unwrap_or_else(|why| why)));
    }

    pub(super) fn start_pick(&mut self) {
        let mut choices = vec![Choice::Question, Choice::Learning];
        if let Some(j) = &self.journal {
            match shareable(&j.store, CHOICES) {
                Ok(entries) => choices.extend(entries),
                Err(why) => self.status = Some(clean_line(&why)),
            }
        }
        self.mode = Mode::Pick {
            choices,
            selected: 0,
        };
    }

    pub(super) fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Question | Choice::Learning => {
                self.mode = Mode::Write {
                    what: if choice == Choice::Question {
                        Writing::Question
                    } else {
                        Writing::Learning
                    },
                    area: Box::new(text_area()),
                };
            }
            Choice::Entry { rowid, .. } => {
                let body = self.redactor().and_then(|mut r| {
                    let Some(j) = &self.journal else {
                        return Err("no journal is open".to_string());
                    };
                    let e = j.store.entry_by_rowid(rowid).map_err(|e| e.to_string())?;
                    let body = share::entry_body(e, None, &mut r, |m| {
                        j.catalog
                            .model(m)
                            .map_or_else(|_| m.to_string(), |t| t.name.clone())
                    })?;
                    Ok((body, r))
                });
                match body {
                    Ok((body, r)) => self.confirm(body, &r),
                    Err(why) => {
                        self.mode = Mode::Stream;
                        self.status = Some(clean_line(&why));
                    }
                }
            }
        }
    }

    /// What was written, redacted, to confirm.
    pub(super) fn preview_writing(&mut self) {
        let Mode::Write { what, area } = &self.mode else {
            return;
        };
        let text = area.lines().join("\n");
        let text = text.trim();
        if text.is_empty() {
            self.status = Some("Nothing written yet.".into());
            return;
        }
        let mut r = match self.redactor() {
            Ok(r) => r,
            Err(why) => {
                self.status = Some(clean_line(&why));
                return;
            }
        };
        let text = r.redact(text);
        let body = match what {
            Writing::Reply { to, .. } => Body::Reply {
                to: to.clone(),
                text,
            },
            Writing::Question => Body::Question { text },
            Writing::Learning => Body::Learning { text },
        };
        self.confirm(body, &r);
    }

    fn confirm(&mut self, body: Body, redactor: &Redactor) {
        let preview = Contribution {
            id: String::new(),
            circle: self.circle.manifest.id.clone(),
            author: self.circle.membership.member.clone(),
            written_at: self.now(),
            themes: Vec::new(),
            body,
        };
        let lines = self
            .circle
            .lines(&preview)
            .iter()
            .map(|l| clean_line(l))
            .collect();
        self.mode = Mode::Confirm {
            what: Pending::Contribution(preview.body),
            lines,
            replaced: share::replaced(redactor),
        };
    }

    /// Asks before welcoming the card that wrote the selected contribution.
    pub(super) fn start_welcome(&mut self) {
        let Some(id) = self
            .posts
            .get(self.selected)
            .and_then(|p| p.unwelcomed.clone())
        else {
            self.status = Some(
                "Only a contribution from a card nobody has welcomed yet can be welcomed.".into(),
            );
            return;
        };
        let Some(m) = self.circle.members.by_id.get(&id) else {
            return;
        };
        let fp = crate::circle::keys::fingerprint(&m.key);
        let lines = vec![
            clean_line(&format!("Welcome '{}' into the circle?", m.pseudonym)),
            String::new(),
            format!("Fingerprint: {fp}"),
            String::new(),
            "Compare it with them in person or by phone first: the folder alone cannot prove \
             who wrote a card. Once welcomed, everyone's praxis trusts what it writes."
                .into(),
        ];
        self.mode = Mode::Confirm {
            what: Pending::Welcome(id),
            lines,
            replaced: None,
        };
    }

    /// Writes what was confirmed.
    pub(super) fn write_confirmed(&mut self) {
        let Mode::Confirm { what, .. } = std::mem::replace(&mut self.mode, Mode::Stream) else {
            return;
        };
        let body = match what {
            Pending::Contribution(body) => body,
            Pending::Welcome(id) => {
                let now = self.now();
                let done = self
                    .circle
                    .welcome(&id, now)
                    .map(|m| format!("Welcomed {}.", m.pseudonym))
                    .map_err(|e| e.to_string());
                self.after_write(done);
                return;
            }
        };
        let done = self
            .circle
            .contribute(body, self.now())
            .map(|c| {
                format!(
                    "Written as {}{}.",
                    short_id(&c.id),
                    if self.circle.manifest.encrypted {
                        ", signed and encrypted to the members"
                    } else {
                        ", signed"
                    }
                )
            })
            .map_err(|e| e.to_string());
        self.after_write(done);
    }

    /// Reads my folder again after writing to it, and says what happened.
    fn after_write(&mut self, done: Result<String, String>) {
        let now = self.now();
        let done = done.and_then(|msg| {
            self.circle
                .refresh_arrivals(now)
                .and_then(|_| self.reload())
                .map_err(|e| e.to_string())?;
            Ok(msg)
        });
        self.status = Some(clean_line(&done.unwrap_or_else(|why| why)));
    }
}

/// An empty box to write in.
fn text_area() -> TextArea<'static> {
    let mut a = TextArea::default();
    a.set_wrap_mode(WrapMode::WordOrGlyph);
    a.set_cursor_line_style(Style::default());
    a
}

/// My newest shareable reflections, recognitions and group sessions (at most `limit`),
/// from their summaries: no entry's text is read to list them.
fn shareable(store: &Store, limit: usize) -> Result<Vec<Choice>, String> {
    let mut out = Vec::new();
    let mut after = None;
    // Pages of summaries, newest first, until enough are found or a few pages are read.
    for _ in 0..10 {
        let page = store
            .list_entries(&EntryFilter::default(), after, 500)
            .map_err(|e| e.to_string())?;
        let Some(last) = page.last() else { break };
        after = Some((last.occurred_on, last.rowid));
        for s in &page {
            let kind = match s.kind {
                EntryKind::Reflection => "excerpt of",
                EntryKind::Recognition => "recognition",
                EntryKind::GroupSession => "group session",
                _ => continue,
            };
            if s.scope != Scope::Shareable {
                continue;
            }
            let title = if s.title.trim().is_empty() {
                "(untitled)"
            } else {
                s.title.trim()
            };
            out.push(Choice::Entry {
                rowid: s.rowid,
                label: clean_line(&format!(
                    "{kind} {} · {} · {title}",
                    s.short_id,
                    s.occurred_on.format("%-d %B %Y")
                )),
            });
            if out.len() >= limit {
                return Ok(out);
            }
        }
        if page.len() < 500 {
            break;
        }
    }
    Ok(out)
}
