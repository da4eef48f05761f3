//! Everything a key can do, by name: the keymap, the config's `[keys]` table and the help
//! overlay all speak these names.

use serde::Deserialize;

/// Where an action applies. The focused pane gets a key first; what it does not use
/// falls through to the global keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Journal,
    Write,
    Supervision,
    Patterns,
}

impl Context {
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Journal => "Journal",
            Context::Write => "Write",
            Context::Supervision => "Supervision",
            Context::Patterns => "Patterns",
        }
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal, $ctx:ident, $help:literal;)+) => {
        /// A named thing the user can do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the config's `[keys]` table.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),+ }
            }

            /// Where the action applies.
            #[must_use]
            pub fn context(self) -> Context {
                match self { $(Action::$variant => Context::$ctx),+ }
            }

            /// One line for the help overlay.
            #[must_use]
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help),+ }
            }

            /// The action with this config name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<Action> {
                Self::ALL.iter().copied().find(|a| a.name() == name)
            }
        }
    };
}

actions! {
    Quit = "quit", Global, "quit praxis (asks first if something is unsaved)";
    Help = "help", Global, "show or hide this help";
    FocusJournal = "focus_journal", Global, "go to the journal";
    FocusWrite = "focus_write", Global, "go to the entry being written";
    FocusSupervision = "focus_supervision", Global, "go to the supervision board";
    FocusPatterns = "focus_patterns", Global, "go to patterns over time";
    Up = "up", Global, "move up";
    Down = "down", Global, "move down";
    PageUp = "page_up", Global, "a page up";
    PageDown = "page_down", Global, "a page down";
    Top = "top", Global, "to the top (newest entry)";
    Bottom = "bottom", Global, "to the bottom";
    Search = "search", Journal, "search: type to narrow the list";
    ClearSearch = "clear_search", Journal, "clear the search and filters";
    Filter = "filter", Journal, "filter by kind, strength, tag and dates";
    NewEntry = "new_entry", Journal, "write a new reflection";
    NewOther = "new_other", Journal, "write another kind: check-in, call-in, stage note, CPD…";
    NewCheckIn = "new_check_in", Journal, "a check-in on its own";
    Timeline = "timeline", Journal, "the stage timeline of the selected stage note's subject";
    Open = "open", Journal, "edit the selected entry";
    Delete = "delete", Journal, "move the selected entry to the trash";
    ToggleFlagSelected = "toggle_flag_selected", Journal, "flag the selected entry for supervision";
    PreviewDown = "preview_down", Journal, "scroll the preview down";
    PreviewUp = "preview_up", Journal, "scroll the preview up";
    Save = "save", Write, "save the entry";
    NextField = "next_field", Write, "next field";
    PrevField = "prev_field", Write, "previous field";
    PickModel = "pick_model", Write, "choose the reflective model";
    PickStrengths = "pick_strengths", Write, "tag strengths (mine, person's, team's)";
    CheckIn = "check_in", Write, "add a wellbeing check-in";
    ToggleFlag = "toggle_flag", Write, "bring this entry to supervision";
    CycleScope = "cycle_scope", Write, "who may see it: private, supervision, shareable";
    ExternalEditor = "external_editor", Write, "write this section in $EDITOR";
    Back = "back", Write, "back to the journal (the draft is kept)";
    Refresh = "refresh", Supervision, "gather the board again";
    Gather = "gather", Supervision, "prepare the next session: save a prep with its agenda";
    AgendaUp = "agenda_up", Supervision, "move the agenda item up";
    AgendaDown = "agenda_down", Supervision, "move the agenda item down";
    CycleFunction = "cycle_function", Supervision, "agenda item's function: normative, formative, restorative, mediation";
    RecordSession = "record_session", Supervision, "write the record of the session";
    PeriodPrev = "period_prev", Patterns, "a shorter period (4 weeks, quarter, year, all)";
    PeriodNext = "period_next", Patterns, "a longer period";
    WeekPrev = "week_prev", Patterns, "select the week before";
    WeekNext = "week_next", Patterns, "select the week after";
    DrillDown = "drill_down", Patterns, "show the selected week's or strength's entries in the journal";
}
