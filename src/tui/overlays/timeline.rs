//! A subject's stages of change over time, topic by topic, moves back shown plainly.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::Stage;
use crate::model::text::sanitize_line;
use crate::store::StagePoint;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// One subject's stage notes.
#[derive(Debug)]
pub struct Timeline {
    subject: String,
    points: Vec<StagePoint>,
}

impl Timeline {
    #[must_use]
    pub fn new(subject: String, points: Vec<StagePoint>) -> Timeline {
        Timeline { subject, points }
    }
}

impl Overlay for Timeline {
    fn context(&self) -> Context {
        Context::Timeline
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Timeline, Context::Window])
    }

    fn act(&mut self, _action: Action, _env: &mut Env) -> Result<Outcome> {
        Ok(Outcome::Close)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let mut lines = Vec::new();
        let mut last: Option<(&str, Stage)> = None;
        for p in &self.points {
            if last.is_none_or(|(topic, _)| topic != p.topic) {
                if last.is_some() {
                    lines.push(Line::from(""));
                }
                lines.push(Line::from(Span::styled(
                    sanitize_line(&p.topic).into_owned(),
                    t.accent,
                )));
                last = None;
            }
            let bar = "▮".repeat(usize::from(p.stage.level()) + 1);
            let moved = match last {
                Some((_, prev)) if prev.moves_back_to(p.stage) => {
                    format!("  moved back from {prev}")
                }
                _ => String::new(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", p.on), t.dim),
                Span::raw(format!("{:<16} ", p.stage.as_str())),
                Span::styled(format!("{bar:<6} "), t.strength),
                Span::raw(format!("{} change talk", p.change_talk)),
                Span::styled(moved, t.dim),
            ]));
            last = Some((p.topic.as_str(), p.stage));
        }
        if self.points.is_empty() {
            lines.push(Line::from(Span::styled("No stage notes yet.", t.dim)));
        }
        lines.insert(
            0,
            Line::from(Span::styled(
                sanitize_line(&self.subject).into_owned(),
                t.title,
            )),
        );
        let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(3);
        widgets::window(
            f,
            t,
            size,
            "Stage timeline (any key closes)",
            lines,
            76,
            h,
            false,
        );
    }
}
