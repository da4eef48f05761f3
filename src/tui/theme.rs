//! Styles in one place: a dark and a light theme (chosen after the terminal's background
//! when it says), a high-contrast one, and no colour at all when NO_COLOR is set.

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

/// Whether the terminal's background is light, from `COLORFGBG` (`fg;bg`, set by many
/// terminals): the colours 7 and 9 to 15 are light, the others dark. None when unsaid.
#[must_use]
pub fn light_background(colorfgbg: Option<&str>) -> Option<bool> {
    let bg: u8 = colorfgbg?.rsplit(';').next()?.trim().parse().ok()?;
    Some(bg == 7 || (9..=15).contains(&bg))
}

impl Theme {
    /// The theme for a config choice; `no_color` wins over all. The default is light or
    /// dark after the terminal's background (see [`light_background`]), else dark.
    #[must_use]
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        Theme::for_background(
            name,
            no_color,
            light_background(std::env::var("COLORFGBG").ok().as_deref()),
        )
    }

    /// The theme for a config choice on a background known to be light (or dark, or
    /// unknown: `None`).
    #[must_use]
    pub fn for_background(name: ThemeName, no_color: bool, light: Option<bool>) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Default if light == Some(true) => Theme::light(),
            ThemeName::Default | ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// For a dark background. Every colour that carries text is set with its
    /// background: the selected row is white on dark blue, whatever the terminal's own
    /// foreground.
    #[must_use]
    pub fn dark() -> Theme {
        Theme {
            base: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default().add_modifier(Modifier::BOLD),
            accent: Style::default().fg(Color::Cyan),
            selected: Style::default()
                .fg(Color::White)
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
            flag: Style::default().fg(Color::LightMagenta),
            strength: Style::default().fg(Color::Green),
            highlight: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            placeholder: Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
        }
    }

    /// For a light background: dark colours of their own (the terminal's palette of named
    /// colours is made for dark backgrounds), the selected row black on pale blue.
    #[must_use]
    pub fn light() -> Theme {
        let ink = Color::Rgb(0, 0, 0);
        let grey = Color::Rgb(88, 88, 88);
        let blue = Color::Rgb(0, 80, 140);
        Theme {
            base: Style::default(),
            dim: Style::default().fg(grey),
            title: Style::default().add_modifier(Modifier::BOLD),
            accent: Style::default().fg(blue),
            selected: Style::default()
                .fg(ink)
                .bg(Color::Rgb(200, 222, 245))
                .add_modifier(Modifier::BOLD),
            tab_active: Style::default()
                .fg(Color::Rgb(255, 255, 255))
                .bg(blue)
                .add_modifier(Modifier::BOLD),
            tab: Style::default().fg(grey),
            border: Style::default().fg(Color::Rgb(120, 120, 120)),
            border_focus: Style::default().fg(blue),
            status: Style::default().fg(grey),
            key: Style::default().fg(blue).add_modifier(Modifier::BOLD),
            warn: Style::default().fg(Color::Rgb(160, 60, 0)),
            flag: Style::default().fg(Color::Rgb(150, 0, 120)),
            strength: Style::default().fg(Color::Rgb(0, 110, 40)),
            highlight: Style::default()
                .fg(Color::Rgb(120, 60, 0))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            placeholder: Style::default().fg(grey).add_modifier(Modifier::ITALIC),
        }
    }

    /// Bright on a dark background.
    #[must_use]
    pub fn high_contrast() -> Theme {
        Theme {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A colour as a terminal with the common xterm palette draws it; the terminal's own
    /// foreground and background (`Reset`) are `fg` and `bg`.
    fn rgb(c: Option<Color>, default: (u8, u8, u8)) -> (u8, u8, u8) {
        match c {
            None | Some(Color::Reset) => default,
            Some(Color::Rgb(r, g, b)) => (r, g, b),
            Some(Color::Black) => (0, 0, 0),
            Some(Color::Red) => (205, 0, 0),
            Some(Color::Green) => (0, 205, 0),
            Some(Color::Yellow) => (205, 205, 0),
            Some(Color::Blue) => (0, 0, 238),
            Some(Color::Magenta) => (205, 0, 205),
            Some(Color::Cyan) => (0, 205, 205),
            Some(Color::Gray) => (229, 229, 229),
            Some(Color::DarkGray) => (127, 127, 127),
            Some(Color::LightRed) => (255, 0, 0),
            Some(Color::LightGreen) => (0, 255, 0),
            Some(Color::LightYellow) => (255, 255, 0),
            Some(Color::LightBlue) => (92, 92, 255),
            Some(Color::LightMagenta) => (255, 0, 255),
            Some(Color::LightCyan) => (0, 255, 255),
            Some(Color::White) => (255, 255, 255),
            Some(other) => panic!("no test colour for {other:?}"),
        }
    }

    /// The contrast ratio of two colours, 1 to 21 (the web's accessibility measure).
    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let lum = |(r, g, b): (u8, u8, u8)| {
            let lin = |c: u8| {
                let c = f64::from(c) / 255.0;
                if c <= 0.039_28 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Every style of `theme` drawn on a terminal whose background is `bg` and text
    /// `fg`: text at least 4.5:1, the dimmed hints, borders and tabs at least 3:1.
    fn readable(name: &str, theme: &Theme, fg: (u8, u8, u8), bg: (u8, u8, u8)) {
        let styles = [
            ("base", theme.base, 4.5),
            ("title", theme.title, 4.5),
            ("accent", theme.accent, 4.5),
            ("selected", theme.selected, 4.5),
            ("tab_active", theme.tab_active, 4.5),
            ("status", theme.status, 4.5),
            ("key", theme.key, 4.5),
            ("warn", theme.warn, 4.5),
            ("flag", theme.flag, 4.5),
            ("strength", theme.strength, 4.5),
            ("highlight", theme.highlight, 4.5),
            ("dim", theme.dim, 3.0),
            ("placeholder", theme.placeholder, 3.0),
            ("tab", theme.tab, 3.0),
            ("border", theme.border, 3.0),
            ("border_focus", theme.border_focus, 3.0),
        ];
        for (what, style, least) in styles {
            let ratio = contrast(rgb(style.fg, fg), rgb(style.bg, bg));
            assert!(
                ratio >= least,
                "{name}: {what} is {ratio:.2}:1 on this background, under {least}:1"
            );
        }
    }

    const DARK: ((u8, u8, u8), (u8, u8, u8)) = ((229, 229, 229), (0, 0, 0));
    const LIGHT: ((u8, u8, u8), (u8, u8, u8)) = ((0, 0, 0), (255, 255, 255));

    #[test]
    fn each_theme_reads_on_the_background_it_is_for() {
        readable("dark", &Theme::dark(), DARK.0, DARK.1);
        readable("light", &Theme::light(), LIGHT.0, LIGHT.1);
        readable("high-contrast", &Theme::high_contrast(), DARK.0, DARK.1);
    }

    #[test]
    fn the_selected_row_sets_its_own_text_colour_so_it_reads_on_either_background() {
        for theme in [Theme::dark(), Theme::light()] {
            for (fg, bg) in [DARK, LIGHT] {
                let s = theme.selected;
                let ratio = contrast(rgb(s.fg, fg), rgb(s.bg, bg));
                assert!(ratio >= 4.5, "{ratio:.2}");
            }
        }
    }

    #[test]
    fn the_default_follows_the_terminals_background_when_it_says() {
        assert_eq!(light_background(Some("0;15")), Some(true));
        assert_eq!(light_background(Some("15;0")), Some(false));
        assert_eq!(light_background(Some("12;7")), Some(true));
        assert_eq!(light_background(Some("15;default;0")), Some(false));
        assert_eq!(light_background(Some("")), None);
        assert_eq!(light_background(None), None);
        let pick = |light| Theme::for_background(ThemeName::Default, false, light);
        assert_eq!(pick(Some(true)), Theme::light());
        assert_eq!(pick(Some(false)), Theme::dark());
        assert_eq!(pick(None), Theme::dark());
        assert_eq!(
            Theme::for_background(ThemeName::Light, false, Some(false)),
            Theme::light()
        );
        assert_eq!(
            Theme::for_background(ThemeName::Light, true, None),
            Theme::monochrome()
        );
    }
}
