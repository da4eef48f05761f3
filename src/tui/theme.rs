//! Styles in one place: the default theme, a high-contrast one, and no colour at all
//! when NO_COLOR is set.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub selected: Style,
    pub tab_active: Style,
    pub tab: Style,
    pub border: Style,
    pub border_focus: Style,
    pub status: Style,
    pub key: Style,
    pub warn: Style,
    pub flag: Style,
    pub strength: Style,
    pub highlight: Style,
    pub placeholder: Style,
}

impl Theme {
    /// The theme for a config choice; `no_color` wins over both.
    #[must_use]
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Default => Theme {
                base: Style::default(),
                dim: Style::default().fg(Color::DarkGray),
                title: Style::default().add_modifier(Modifier::BOLD),
                accent: Style::default().fg(Color::Cyan),
                selected: Style::default()
                    .bg(Color::Rgb(40, 60, 80))
                    .add_modifier(Modifier::BOLD),
                tab_active: Style::default()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                tab: Style::default().fg(Color::Gray),
                border: Style::default().fg(Color::DarkGray),
                border_focus: Style::default().fg(Color::Cyan),
                status: Style::default().fg(Color::Gray),
                key: Style::default()
                    .fg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                warn: Style::default().fg(Color::Yellow),
                flag: Style::default().fg(Color::Magenta),
                strength: Style::default().fg(Color::Green),
                highlight: Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                placeholder: Style::default()
                    .fg(Color::DarkGray)
                    .add_modifier(Modifier::ITALIC),
            },
            ThemeName::HighContrast => Theme {
                base: Style::default().fg(Color::White),
                dim: Style::default().fg(Color::White),
                title: Style::default()
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                accent: Style::default()
                    .fg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                selected: Style::default()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                tab_active: Style::default()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(Modifier::BOLD),
                tab: Style::default().fg(Color::White),
                border: Style::default().fg(Color::White),
                border_focus: Style::default()
                    .fg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                status: Style::default().fg(Color::White),
                key: Style::default()
                    .fg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                warn: Style::default()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
                flag: Style::default()
                    .fg(Color::LightMagenta)
                    .add_modifier(Modifier::BOLD),
                strength: Style::default().fg(Color::LightGreen),
                highlight: Style::default().fg(Color::Black).bg(Color::LightYellow),
                placeholder: Style::default()
                    .fg(Color::White)
                    .add_modifier(Modifier::ITALIC),
            },
        }
    }

    /// Only bold, reverse, italic and underline: readable on any terminal, no colour.
    #[must_use]
    pub fn monochrome() -> Theme {
        let plain = Style::default();
        Theme {
            base: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            accent: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab: plain,
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            status: plain,
            key: plain.add_modifier(Modifier::BOLD),
            warn: plain.add_modifier(Modifier::BOLD),
            flag: plain.add_modifier(Modifier::BOLD),
            strength: plain,
            highlight: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            placeholder: plain.add_modifier(Modifier::ITALIC),
        }
    }
}
