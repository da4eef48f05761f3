//! Writing left unsaved by an app that is gone (a crash, a kill, a closed terminal),
//! offered back at the start: recover it, throw it away, or decide later.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{sanitize_line, truncate};
use crate::store::Draft;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::draft;
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "1 entry", "2 entries".
fn plural(n: usize) -> String {
    if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    }
}

/// The drafts on offer, each with when and what, one selected.
#[derive(Debug)]
pub struct Drafts {
    drafts: Vec<(Draft, String, String)>,
    selected: usize,
}

impl Drafts {
    /// The window for the drafts left in the journal by apps that are gone, if there
    /// are any. Another app's drafts are its own while it runs: they are only counted.
    pub fn offer(env: &mut Env) -> Result<Option<Drafts>> {
        let (left, live): (Vec<Draft>, Vec<Draft>) = env
            .store
            .drafts()?
            .into_iter()
            .partition(|d| d.writer.as_ref().is_none_or(|w| !w.is_alive()));
        if !live.is_empty() {
            env.say(format!(
                "Another praxis window is writing {}: offered here once it closes",
                plural(live.len())
            ));
        }
        let drafts: Vec<_> = left
            .into_iter()
            .map(|d| {
                let (when, what) = draft::describe(&d);
                (d, when, what)
            })
            .collect();
        Ok((!drafts.is_empty()).then_some(Drafts {
            drafts,
            selected: 0,
        }))
    }
}

impl Overlay for Drafts {
    fn context(&self) -> Context {
        Context::Drafts
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[Context::Drafts, Context::Moving, Context::Window],
        )
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let last = self.drafts.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::Top => self.selected = 0,
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Bottom => self.selected = last,
            Action::RecoverDraft => {
                if self.selected < self.drafts.len() {
                    let (draft, ..) = self.drafts.remove(self.selected);
                    return Ok(Outcome::CloseThen(Msg::Write(WriteMsg::Recover(Box::new(
                        draft,
                    )))));
                }
                return Ok(Outcome::Close);
            }
            Action::DiscardDraft => {
                if self.selected < self.drafts.len() {
                    let (draft, ..) = self.drafts.remove(self.selected);
                    env.store.delete_draft(draft.id, draft.writer.as_ref())?;
                    self.selected = 0;
                }
                if self.drafts.is_empty() {
                    return Ok(Outcome::Close);
                }
            }
            _ => return Ok(Outcome::Close),
        }
        Ok(Outcome::Done)
    }

    /// A stray key must not decide what happens to someone's writing.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let mut lines = vec![
            Line::from("Writing from an earlier session was not saved:"),
            Line::from(""),
        ];
        for (i, (_, when, what)) in self.drafts.iter().enumerate() {
            let style = if i == self.selected {
                t.selected
            } else {
                t.base
            };
            lines.push(Line::from(Span::styled(
                format!("{when}  {}", truncate(&sanitize_line(what), 40)),
                style,
            )));
        }
        lines.push(Line::from(""));
        lines.push(widgets::key_hint(
            t,
            &[
                (env.key(Action::RecoverDraft), "recover"),
                (env.key(Action::DiscardDraft), "discard"),
                (env.key(Action::Close), "later"),
            ],
        ));
        let h = u16::try_from(self.drafts.len()).unwrap_or(10) + 6;
        widgets::window(f, t, size, "Recover your writing?", lines, 64, h, false);
    }
}
