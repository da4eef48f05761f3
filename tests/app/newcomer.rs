//! What a newcomer meets at 80x24: every step of the app on a TestBackend the size of a
//! small terminal, each test a step that once got in the way (writing, finding, the board
//! and the panes), and nothing on any screen cut at its edge.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use super::{press, press_n, type_text};
use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::model::{Entry, EntryKind, Load, StrengthTag, Whose};
use praxis::store::Store;
use praxis::tui::action::Context;
use praxis::tui::app::App;
use praxis::tui::component::Pane;
use praxis::tui::keymap::Keymap;
use praxis::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn app_with(store: Store) -> App {
    App::new(
        store,
        Catalog::builtin(),
        Config::default(),
        Clock::fixed(now().fixed_offset()),
        Keymap::defaults(),
        Theme::monochrome(),
    )
    .unwrap()
}

fn empty() -> App {
    app_with(Store::open_in_memory().unwrap())
}

/// The 80x24 screen, one string per row (without the quotes TestBackend puts round it).
fn rows(app: &mut App) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..24)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < 80 {
                let cell = &buf[(x, y)];
                row.push_str(cell.symbol());
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1))
                    .unwrap();
            }
            row
        })
        .collect()
}

/// The status line at the foot of the screen: its last rows that are not the pane's.
fn footer(app: &mut App) -> String {
    let r = rows(app);
    let last = r.len() - 1;
    let first = if r[last - 1].starts_with('└') || r[last - 1].starts_with('┘') {
        last
    } else {
        last - 1
    };
    r[first..].join("\n")
}

/// The screen at 80x24 and at 120x40, each an insta snapshot.
macro_rules! snap {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!(
            format!("{}_80x24", $name),
            super::tui::screen(&mut $app, 80, 24)
        );
        insta::assert_snapshot!(
            format!("{}_120x40", $name),
            super::tui::screen(&mut $app, 120, 40)
        );
    };
}

/// The field of the form being written, by key.
fn text_of(app: &App, key: &str) -> String {
    app.write.form().unwrap().text(key)
}

/// Opens the form of another kind of entry from the journal (`N`), by its label.
fn new_kind(app: &mut App, label: &str) {
    press(app, "N");
    let i = praxis::tui::overlays::new_kind::NEW_KINDS
        .iter()
        .position(|(l, ..)| *l == label)
        .unwrap();
    press_n(app, "down", i);
    press(app, "enter");
    assert_eq!(app.pane, Pane::Write, "{:?}", app.env.status);
}

/// Moves the focus of the form to the field with this key.
fn focus(app: &mut App, key: &str) {
    let i = app
        .write
        .form()
        .unwrap()
        .fields
        .iter()
        .position(|f| f.key == key)
        .unwrap();
    while app.write.form().unwrap().focus != i {
        press(app, "tab");
    }
}

// ---------------------------------------------------------------------------------------
// Writing

#[test]
fn undo_and_redo_take_back_a_word_and_are_shown_in_the_footer() {
    let mut app = empty();
    press(&mut app, "n");
    type_text(&mut app, "Hello there");
    let f = footer(&mut app);
    assert!(f.contains("ctrl-z undo"), "{f}");
    assert!(f.contains("ctrl-r redo"), "{f}");
    press(&mut app, "ctrl-z");
    assert_eq!(text_of(&app, "body"), "Hello ");
    press(&mut app, "ctrl-z");
    assert_eq!(text_of(&app, "body"), "");
    press(&mut app, "ctrl-r");
    assert_eq!(text_of(&app, "body"), "Hello");
    press(&mut app, "ctrl-r");
    assert_eq!(text_of(&app, "body"), "Hello there");
    // In the one-line fields too, and nothing else is touched.
    press(&mut app, "shift-tab");
    press(&mut app, "shift-tab");
    type_text(&mut app, "A title");
    press(&mut app, "ctrl-z");
    assert_eq!(text_of(&app, "title"), "A ");
    assert_eq!(text_of(&app, "body"), "Hello there");
    // ctrl-u stays page up for the whole app: it takes nothing back.
    press(&mut app, "ctrl-u");
    assert_eq!(text_of(&app, "title"), "A ");
}

#[test]
fn a_refused_save_focuses_the_field_at_fault_and_says_why_until_it_is_put_right() {
    let mut app = empty();
    new_kind(&mut app, "Stage note");
    type_text(&mut app, "YP-B");
    // Topic is required and left empty.
    press(&mut app, "ctrl-s");
    let w = app.write.form().unwrap();
    assert_eq!(w.fields[w.focus].key, "topic");
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Topic is required"), "{s}");
    assert!(s.contains("! Topic"), "the field is marked:\n{s}");
    // The next key goes into the field at fault, and the message stays until it is fixed.
    type_text(&mut app, "sch");
    assert_eq!(text_of(&app, "topic"), "sch");
    let s = rows(&mut app).join("\n");
    assert!(!s.contains("Topic is required"), "{s}");
    // A bad date: focus on the date, never the next keystroke into another field.
    press(&mut app, "shift-tab");
    press(&mut app, "shift-tab");
    assert_eq!(app.write.form().unwrap().focus, 1);
    type_text(&mut app, "N");
    focus(&mut app, "topic");
    press(&mut app, "ctrl-s");
    let w = app.write.form().unwrap();
    assert_eq!(w.fields[w.focus].key, "date");
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Date: "), "{s}");
    // Still there after other keys, gone once the date is right.
    press(&mut app, "backspace");
    press(&mut app, "ctrl-s");
    let w = app.write.form().unwrap();
    assert_eq!(w.fields[w.focus].key, "stage", "{:?}", w.error);
}

#[test]
fn fields_of_fixed_choices_are_pickers_that_show_every_choice() {
    let mut app = empty();
    new_kind(&mut app, "Stage note");
    type_text(&mut app, "YP-B");
    press(&mut app, "tab");
    type_text(&mut app, "school");
    press(&mut app, "tab");
    let s = rows(&mut app).join("\n");
    // Every stage is on the screen, the last one included.
    for stage in [
        "precontemplation",
        "contemplation",
        "preparation",
        "action",
        "maintenance",
        "recycling",
        "termination",
    ] {
        assert!(s.contains(stage), "{stage}:\n{s}");
    }
    // → picks, ← goes back, a letter jumps; nothing typed is ever refused.
    press(&mut app, "right");
    assert_eq!(text_of(&app, "stage"), "precontemplation");
    press(&mut app, "right");
    press(&mut app, "right");
    assert_eq!(text_of(&app, "stage"), "preparation");
    press(&mut app, "left");
    assert_eq!(text_of(&app, "stage"), "contemplation");
    type_text(&mut app, "r");
    assert_eq!(text_of(&app, "stage"), "recycling");
    press(&mut app, "down");
    assert_eq!(text_of(&app, "stage"), "termination");
    type_text(&mut app, "q");
    assert!(!app.quit, "a letter in a picker is not a key of the app");
    // Optional choices can be unset.
    press(&mut app, "tab");
    type_text(&mut app, "c");
    assert_eq!(text_of(&app, "certainty"), "clear");
    press(&mut app, "backspace");
    assert_eq!(text_of(&app, "certainty"), "");
    press(&mut app, "ctrl-s");
    assert_eq!(
        app.pane,
        Pane::Journal,
        "{:?}",
        app.write.form().map(|w| &w.error)
    );
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.title, "YP-B · school · termination");
}

#[test]
fn every_choice_field_of_every_template_is_a_picker_with_its_options() {
    let catalog = Catalog::builtin();
    for t in &catalog.templates {
        let mut e = Entry::new(t.kind, day(18), now());
        e.model = Some(t.id.clone());
        let form = praxis::tui::panes::write::form::Form::new(e, Some(t.clone()));
        for spec in &t.fields {
            let Some(field) = form.fields.iter().find(|f| f.key == spec.key) else {
                continue;
            };
            match spec.kind {
                praxis::model::FieldType::Choice => {
                    for o in &spec.options {
                        assert!(field.choices.contains(o), "{}.{}: {o}", t.id, spec.key);
                    }
                }
                praxis::model::FieldType::Bool => {
                    assert!(field.choices.contains(&"yes".to_string()), "{}", spec.key);
                }
                _ => assert!(!field.is_choice(), "{}.{}", t.id, spec.key),
            }
        }
    }
}

#[test]
fn a_draft_in_the_way_can_be_gone_back_to_or_discarded_and_menu_keys_never_become_text() {
    let mut app = empty();
    press(&mut app, "n");
    type_text(&mut app, "Unwanted start");
    press(&mut app, "esc");
    // Another kind while writing: a question, not a jump into the writing.
    press(&mut app, "N");
    assert_eq!(app.overlay(), Some(Context::Discard));
    assert_eq!(app.pane, Pane::Journal);
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Unwanted start"), "{s}");
    // Keys meant for the menu decide nothing and are typed nowhere.
    press(&mut app, "j");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), Some(Context::Discard));
    assert_eq!(text_of(&app, "body"), "Unwanted start");
    // Back to it...
    press(&mut app, "w");
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(text_of(&app, "body"), "Unwanted start");
    // ...or thrown away (asked first) and on to what was asked for.
    press(&mut app, "esc");
    press(&mut app, "N");
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::NewKind));
    assert!(app.write.form().is_none());
    assert!(
        app.env.store.drafts().unwrap().is_empty(),
        "its draft went too"
    );
    press(&mut app, "esc");
    // From the Write pane itself, with the footer's key.
    press(&mut app, "n");
    type_text(&mut app, "Second thoughts");
    assert!(footer(&mut app).contains("F8 discard"));
    press(&mut app, "f8");
    assert_eq!(app.overlay(), Some(Context::Discard));
    press(&mut app, "esc");
    assert_eq!(text_of(&app, "body"), "Second thoughts");
    press(&mut app, "f8");
    press(&mut app, "d");
    assert!(app.write.form().is_none());
    assert_eq!(app.pane, Pane::Journal);
    // And on the way out.
    press(&mut app, "n");
    type_text(&mut app, "Last words");
    press(&mut app, "ctrl-q");
    assert_eq!(app.overlay(), Some(Context::Quit));
    assert!(rows(&mut app).join("\n").contains("throw it away and quit"));
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::Discard));
    assert!(!app.quit);
    press(&mut app, "d");
    assert!(app.quit);
    assert!(app.env.store.drafts().unwrap().is_empty());
    assert_eq!(app.journal.rows.len(), 0, "nothing was saved");
}

#[test]
fn prompts_and_hints_are_wrapped_never_cut() {
    let mut app = empty();
    press(&mut app, "n");
    let s = rows(&mut app).join("\n");
    assert!(s.contains("as it is."), "{s}");
    // Every model's prompts, every kind's: each word of each prompt is on the screen.
    let catalog = Catalog::builtin();
    let model_count = catalog.models.len();
    for m in 0..model_count {
        let mut app = empty();
        press(&mut app, "n");
        press(&mut app, "f4");
        press_n(&mut app, "down", m);
        press(&mut app, "enter");
        let n = app.write.form().unwrap().fields.len();
        for i in 0..n {
            let field = &app.write.form().unwrap().fields[i];
            let words: Vec<String> = field
                .prompts
                .iter()
                .flat_map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect();
            let label = field.label.clone();
            while app.write.form().unwrap().focus != i {
                press(&mut app, "tab");
            }
            let s = rows(&mut app).join("\n");
            let last = words.last().cloned().unwrap_or_default();
            assert!(
                s.contains(&last),
                "{label}: '{last}' is not on the screen\n{s}"
            );
        }
    }
}

#[test]
fn agreed_actions_say_their_form_take_checkboxes_and_the_record_is_dated_today() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(16), now());
    e.title = "To bring".into();
    e.for_supervision = true;
    s.insert_entry(&e).unwrap();
    let mut app = app_with(s);
    // A prep for Friday, the session brought forward to today.
    press(&mut app, "3");
    press(&mut app, "p");
    assert!(app.board.prep.is_some());
    press(&mut app, "R");
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(text_of(&app, "date"), "2026-03-18");
    focus(&mut app, "agreed-actions");
    let screen = rows(&mut app).join("\n");
    assert!(screen.contains("what | who | by when"), "{screen}");
    type_text(&mut app, "- [ ] Ask about induction packs");
    press(&mut app, "ctrl-s");
    assert_eq!(
        app.pane,
        Pane::Journal,
        "{:?}",
        app.write.form().map(|w| &w.error)
    );
    let actions = app
        .env
        .store
        .list_actions(praxis::store::ActionFilter::Open)
        .unwrap();
    assert_eq!(actions[0].action.text, "Ask about induction packs");
    // The board knows the session now.
    press(&mut app, "3");
    let screen = rows(&mut app).join("\n");
    assert!(
        screen.contains("Since the last session on 2026-03-18"),
        "{screen}"
    );
}

#[test]
fn a_title_made_from_the_writing_keeps_no_ellipsis() {
    let mut app = empty();
    press(&mut app, "n");
    let sentence = "Talked with R about her medication changes and why the new times upset \
                    her morning routine so much";
    type_text(&mut app, &format!("{sentence}. More after."));
    press(&mut app, "ctrl-s");
    press(&mut app, "esc");
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.title, format!("{sentence}."));
}

#[test]
fn the_model_chooser_filters_as_you_type() {
    let mut app = empty();
    press(&mut app, "n");
    press(&mut app, "f4");
    type_text(&mut app, "gib");
    assert_eq!(
        app.overlay(),
        Some(Context::Models),
        "a letter keeps it open"
    );
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Gibbs' reflective cycle"), "{s}");
    assert!(!s.contains("Borton"), "{s}");
    press(&mut app, "enter");
    assert_eq!(
        app.write.form().unwrap().template.as_ref().unwrap().id,
        "gibbs"
    );
}

#[test]
fn the_strengths_picker_clears_what_was_typed_once_it_tags() {
    let mut app = empty();
    press(&mut app, "n");
    press(&mut app, "ctrl-t");
    type_text(&mut app, "listen");
    press(&mut app, "enter");
    let s = rows(&mut app).join("\n");
    assert!(!s.contains("Find: listen"), "{s}");
    type_text(&mut app, "advoc");
    press(&mut app, "enter");
    press(&mut app, "esc");
    assert_eq!(
        app.write.form().unwrap().entry.strengths,
        vec![
            StrengthTag::new("listening", Whose::Mine),
            StrengthTag::new("advocacy", Whose::Mine)
        ]
    );
}

#[test]
fn the_check_in_steps_from_empty_either_way_and_shows_its_choices() {
    let mut app = empty();
    press(&mut app, "c");
    press(&mut app, "right"); // mood: the first → is the first value
    press(&mut app, "down");
    press(&mut app, "left"); // energy: ← on empty is the last value
    press(&mut app, "down");
    let s = rows(&mut app).join("\n");
    for load in ["light", "manageable", "heavy", "overloaded"] {
        assert!(s.contains(load), "{load}:\n{s}");
    }
    press(&mut app, "left");
    press(&mut app, "enter");
    let c = app.journal.preview.clone().unwrap().checkin.unwrap();
    assert_eq!(
        (c.mood, c.energy, c.load),
        (Some(1), Some(5), Some(Load::Overloaded))
    );
}

// ---------------------------------------------------------------------------------------
// Finding

/// The demo journal, as `praxis demo` writes it.
fn demo() -> App {
    let mut s = Store::open_in_memory().unwrap();
    praxis::demo::fill(&mut s, &Catalog::builtin(), day(18), now(), 6, 7).unwrap();
    app_with(s)
}

#[test]
fn live_search_finds_a_strength_shown_on_the_row_even_in_part() {
    let mut app = demo();
    press(&mut app, "/");
    type_text(&mut app, "listening");
    let rows = &app.journal.rows;
    assert!(!rows.is_empty(), "/listening found nothing");
    assert!(
        rows.iter()
            .take(5)
            .all(|r| r.strengths.iter().any(|s| s.name == "listening")),
        "{:?}",
        rows.iter()
            .take(5)
            .map(|r| &r.strengths)
            .collect::<Vec<_>>()
    );
    press(&mut app, "esc");
    press(&mut app, "esc");
    press(&mut app, "/");
    type_text(&mut app, "netw");
    let rows = &app.journal.rows;
    assert!(
        rows.first()
            .is_some_and(|r| r.strengths.iter().any(|s| s.name == "networks")),
        "/netw: {:?}",
        rows.iter()
            .take(3)
            .map(|r| (&r.title, &r.strengths))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_filter_completes_a_name_says_what_emptied_the_list_and_the_header_counts_what_is_shown() {
    let mut app = demo();
    let all = app.journal.total;
    press(&mut app, "f");
    assert_eq!(app.overlay(), Some(Context::Filter));
    press(&mut app, "down");
    type_text(&mut app, "advoc");
    let s = rows(&mut app).join("\n");
    assert!(s.contains("advocacy"), "the completion is shown:\n{s}");
    snap!("filter_completes", app);
    press(&mut app, "enter");
    assert_eq!(app.journal.filter.strength.as_deref(), Some("advocacy"));
    let shown = app.journal.rows.len();
    assert!(shown > 0 && i64::try_from(shown).unwrap() < all);
    let top = rows(&mut app)[0].clone();
    assert!(top.contains(&format!("{shown} of {all} entries")), "{top}");
    // A filter that leaves nothing says which it was, not the kind.
    press(&mut app, "f");
    press(&mut app, "down");
    press(&mut app, "down");
    type_text(&mut app, "zzzzqqq");
    press(&mut app, "enter");
    assert!(app.journal.rows.is_empty());
    let s = rows(&mut app).join("\n");
    assert!(!s.contains("No entries of this kind"), "{s}");
    assert!(s.contains("#zzzzqqq"), "{s}");
    assert!(s.contains(&format!("0 of {all} entries")), "{s}");
    snap!("filter_emptied_the_list", app);
}

// ---------------------------------------------------------------------------------------
// The supervision board and the panes at 80x24

#[test]
fn the_board_scrolls_to_every_section_and_its_footer_shows_every_key_that_acts() {
    let mut app = demo();
    press(&mut app, "3");
    assert!(app.board.prep.is_some(), "the demo has an open prep");
    let f = footer(&mut app);
    for key in [
        "R record",
        "K item up",
        "J item down",
        "f function",
        "r gather again",
    ] {
        assert!(f.contains(key), "{key}: {f}");
    }
    let first = rows(&mut app).join("\n");
    assert!(first.contains("↓ more"), "{first}");
    assert!(
        !first.contains("Check-ins"),
        "the demo's board is longer than a screen"
    );
    // The arrows go through the agenda, then on down the board.
    press_n(&mut app, "j", 60);
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Check-ins"), "{s}");
    assert!(s.contains("↑ more"), "{s}");
    snap!("board_scrolled_to_the_end", app);
    rows(&mut app); // as drawn at 80x24 again
    // Page keys too, both ways, and back to the first item of the agenda.
    press(&mut app, "ctrl-u");
    press(&mut app, "home");
    press_n(&mut app, "k", 60);
    assert_eq!(app.board.selected, 0);
    assert_eq!(app.board.scroll, 0);
    press(&mut app, "ctrl-d");
    assert!(app.board.scroll > 0);
    press(&mut app, "g");
    // Reordering says what it did.
    press(&mut app, "J");
    let said = app.env.status.clone().unwrap_or_default();
    assert!(said.starts_with("Moved"), "{said}");
    assert!(said.contains("down to 2 of"), "{said}");
    snap!("board_with_an_open_prep", app);
}

#[test]
fn help_says_how_it_scrolls_never_scrolls_into_blank_pages_and_grows_with_the_screen() {
    let mut app = empty();
    press(&mut app, "f1");
    let s = rows(&mut app).join("\n");
    assert!(!s.contains("Any other key closes"), "{s}");
    assert!(s.contains("↓ more"), "{s}");
    // To the end: the last row of the help is the footer, and a single step back up
    // shows more of it (no blank pages to climb back through).
    press_n(&mut app, "pagedown", 40);
    let end = rows(&mut app).join("\n");
    assert!(end.contains("or any other key closes"), "{end}");
    assert!(end.contains("↑ more") && !end.contains("↓ more"), "{end}");
    press(&mut app, "up");
    let back = rows(&mut app).join("\n");
    assert_ne!(back, end, "one step up moves the window");
    assert!(back.contains("↓ more"), "{back}");
    snap!("help_at_its_end", app);
    // Wider on a wide screen.
    let wide = super::tui::screen(&mut app, 120, 40);
    let top = wide
        .lines()
        .find(|l| l.contains("Keys"))
        .unwrap()
        .to_string();
    let cells = unicode_width::UnicodeWidthStr::width(top.trim_matches('"').trim());
    assert!(cells > 100, "{cells}: {top}");
}

#[test]
fn no_cell_has_a_background_of_its_own_without_a_foreground_of_its_own_in_any_theme() {
    use praxis::config::ThemeName;
    use ratatui::style::Color;
    let config = Config::parse(
        std::path::Path::new("config.toml"),
        "[ui]\ntheme = \"light\"\n",
    )
    .unwrap();
    assert_eq!(config.ui.theme, ThemeName::Light);
    for name in [
        ThemeName::Default,
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
    ] {
        for light in [Some(true), Some(false), None] {
            let mut s = Store::open_in_memory().unwrap();
            praxis::demo::fill(&mut s, &Catalog::builtin(), day(18), now(), 1, 7).unwrap();
            let mut app = App::new(
                s,
                Catalog::builtin(),
                Config::default(),
                Clock::fixed(now().fixed_offset()),
                Keymap::defaults(),
                Theme::for_background(name, false, light),
            )
            .unwrap();
            // The journal with its selected row, and a window over the board.
            for keys in [&[][..], &["3", "f1"][..]] {
                for k in keys {
                    press(&mut app, k);
                }
                let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
                t.draw(|f| app.draw(f)).unwrap();
                for cell in t.backend().buffer().content() {
                    if cell.bg != Color::Reset {
                        assert_ne!(
                            cell.fg,
                            Color::Reset,
                            "{name:?} on {light:?}: '{}' takes the terminal's own text colour on {:?}",
                            cell.symbol(),
                            cell.bg
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_preview_names_the_form_the_list_is_never_narrower_at_120_and_the_demo_says_so() {
    let mut app = demo();
    app.env.label = Some("demo journal".into());
    let top = rows(&mut app)[0].clone();
    assert!(top.contains("demo journal · 221 entries"), "{top}");
    // A call-in: its form's name, not its key.
    let at = app
        .journal
        .rows
        .iter()
        .position(|r| r.kind == EntryKind::CallIn)
        .unwrap();
    app.journal.select(&app.env.store, at).unwrap();
    let s = super::tui::screen(&mut app, 80, 24);
    assert!(s.contains("call-in · Call-in plan"), "{s}");
    assert!(!s.contains("· callin ·"), "{s}");
    // The list is at least as wide at 120 columns as at 80.
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    assert!(app.layout().list.width >= 80, "{:?}", app.layout().list);
    snap!("journal_of_the_demo", app);
}

#[test]
fn a_move_back_in_the_stage_timeline_is_never_cut() {
    let mut app = empty();
    for letters in ["pp", "c"] {
        new_kind(&mut app, "Stage note");
        type_text(&mut app, "YP-A");
        press(&mut app, "tab");
        type_text(&mut app, "going back to college");
        press(&mut app, "tab");
        type_text(&mut app, letters);
        press(&mut app, "ctrl-s");
        assert_eq!(
            app.pane,
            Pane::Journal,
            "{:?}",
            app.write.form().map(|w| &w.error)
        );
    }
    press(&mut app, "t");
    assert_eq!(app.overlay(), Some(Context::Timeline));
    let s = rows(&mut app).join("\n");
    assert!(s.contains("moved back from preparation"), "{s}");
    snap!("stage_timeline_moved_back", app);
}

#[test]
fn patterns_name_their_columns_line_up_heavy_load_and_grow_from_weeks_to_months() {
    let mut app = demo();
    press(&mut app, "4");
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Mood ⠒⠒ and energy ••"), "a legend:\n{s}");
    assert!(s.contains("whose: me/person/team/colleague"), "{s}");
    // Whose adds up to the times tagged on every row (colleague was once left out).
    let mut checked = 0;
    for row in s.lines() {
        let words: Vec<&str> = row.split(['│', ' ']).filter(|w| !w.is_empty()).collect();
        let Some(whose) = words.iter().find(|w| {
            w.matches('/').count() == 3 && w.split('/').all(|x| x.parse::<i64>().is_ok())
        }) else {
            continue;
        };
        let Some(n) = words.iter().find_map(|w| w.parse::<i64>().ok()) else {
            continue;
        };
        let sum: i64 = whose.split('/').filter_map(|x| x.parse::<i64>().ok()).sum();
        assert_eq!(sum, n, "{row}");
        checked += 1;
    }
    assert!(checked > 0, "{s}");
    assert!(s.contains("heavy-load days"), "{s}");
    // Weeks carry their month.
    assert!(s.contains("16/3"), "{s}");
    let (unit, _, weeks) = (*app.patterns.bars().unwrap()).clone();
    assert_eq!(unit, praxis::tui::panes::patterns::Unit::Week);
    // Every bar has its heavy-load days under it, from the check-ins of its weeks.
    let ins = app.patterns.insights.clone().unwrap();
    let heavy: i64 = ins.checkins.weeks.iter().map(|w| w.heavy_days).sum();
    assert_eq!(weeks.iter().map(|b| b.heavy).sum::<i64>(), heavy);
    snap!("patterns_of_the_demo", app);
    // A quarter's 13 weeks do not fit across 80 columns: months do, with every entry.
    press(&mut app, "]");
    let (unit, _, months) = (*app.patterns.bars().unwrap()).clone();
    assert_eq!(unit, praxis::tui::panes::patterns::Unit::Month);
    let ins = app.patterns.insights.clone().unwrap();
    assert_eq!(
        months.iter().map(|b| b.total).sum::<i64>(),
        ins.weeks.iter().map(|w| w.total).sum::<i64>()
    );
    let s = rows(&mut app).join("\n");
    assert!(s.contains("Entries per month") && s.contains("Mar"), "{s}");
    // The year has more months than the quarter; each period shows its own.
    press(&mut app, "]");
    let (_, _, year) = (*app.patterns.bars().unwrap()).clone();
    assert!(year.len() > months.len(), "{} {}", year.len(), months.len());
    snap!("patterns_of_a_year_in_months", app);
    rows(&mut app); // as drawn at 80x24 again
    // The selected bar's entries are the ones the journal shows.
    press(&mut app, "enter");
    let last = year.last().unwrap();
    assert_eq!(app.journal.filter.since, Some(last.since));
    assert_eq!(app.journal.filter.until, Some(last.until));
    assert_eq!(i64::try_from(app.journal.rows.len()).unwrap(), last.total);
}
