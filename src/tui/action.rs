//! Everything a key can do in the journal app, by name: the keymap, the config's `[keys]`
//! table, the status bar and the help overlay all read this one table.

use super::keymap::{self, Group, actions};

/// Where an action applies: a pane, a window over the panes, or everywhere. A key is
/// looked up along a chain of these, the focused one first (a pane's: the pane, moving,
/// everywhere; a window's: its own, and what it shares with other windows), so one key
/// can mean different things in different places but never two in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Moving,
    Journal,
    Search,
    Write,
    Supervision,
    Patterns,
    /// Any window over the panes.
    Window,
    /// Windows that are a list to choose from.
    Choose,
    Help,
    Strengths,
    Models,
    NewKind,
    /// The forms in a window: the filter and the check-in.
    Form,
    Filter,
    CheckIn,
    Drafts,
    /// Throwing away the writing, asked first.
    Discard,
    Quit,
    Trash,
    Conflict,
    Gone,
    Timeline,
    /// A positive-risk plan's review.
    PlanReview,
    /// Recognition marked said.
    MarkSaid,
    /// Emptying the trash, asked first.
    EmptyTrash,
    /// Exporting to a file.
    Export,
}

impl Group for Context {
    fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Moving => "Moving in a list (the journal, the board, patterns, windows)",
            Context::Journal => "Journal",
            Context::Search => "Journal search (letters are the search)",
            Context::Write => "Write (letters, arrows and enter are text)",
            Context::Supervision => "Supervision",
            Context::Patterns => "Patterns",
            Context::Window => "Any window",
            Context::Choose => "Choosing from a list (model, kind of entry)",
            Context::Help => "This help",
            Context::Strengths => "Strengths picker (letters find a strength)",
            Context::Models => "Model chooser",
            Context::NewKind => "Another kind of entry",
            Context::Form => {
                "Forms: filter, check-in, export (letters are text in their text fields)"
            }
            Context::Filter => "Filter",
            Context::CheckIn => "Check-in",
            Context::Drafts => "Recover your writing",
            Context::Discard => "Throw away the writing",
            Context::Quit => "Quit with unsaved writing",
            Context::Trash => "Move to the trash",
            Context::Conflict => "Changed elsewhere",
            Context::Gone => "Deleted elsewhere",
            Context::Timeline => "Stage timeline",
            Context::PlanReview => "Review a positive-risk plan (letters are text)",
            Context::MarkSaid => "Recognition said",
            Context::EmptyTrash => "Delete for good",
            Context::Export => "Export (letters are text in the file's name)",
        }
    }
}

/// The journal app's keymap.
pub type Keymap = keymap::Keymap<Action>;

actions! {
    /// A named thing the user can do.
    pub enum Action in Context, reject_unknown = true {
        Quit = "quit", Global, ["ctrl-q", "ctrl-c", "q"], "quit", "quit praxis (asks first if something is unsaved)";
        Help = "help", Global, ["f1", "?"], "help", "show or hide this help";
        FocusJournal = "focus_journal", Global, ["alt-1", "1"], "journal", "go to the journal";
        FocusWrite = "focus_write", Global, ["alt-2", "2"], "write", "go to the entry being written";
        FocusSupervision = "focus_supervision", Global, ["alt-3", "3"], "supervision", "go to the supervision board";
        FocusPatterns = "focus_patterns", Global, ["alt-4", "4"], "patterns", "go to patterns over time";
        Up = "up", Moving, ["up", "k"], "up", "move up";
        Down = "down", Moving, ["down", "j"], "down", "move down";
        PageUp = "page_up", Moving, ["pageup", "ctrl-u"], "page up", "a page up";
        PageDown = "page_down", Moving, ["pagedown", "ctrl-d"], "page down", "a page down";
        Top = "top", Moving, ["home", "g"], "top", "to the top (newest entry)";
        Bottom = "bottom", Moving, ["end", "G"], "bottom", "to the bottom";
        Search = "search", Journal, ["/"], "search", "search: type to narrow the list";
        ClearSearch = "clear_search", Journal, ["esc"], "clear", "clear the search and filters";
        Filter = "filter", Journal, ["f"], "filter", "filter by kind, strength, tag and dates";
        NewEntry = "new_entry", Journal, ["n", "a"], "new", "write a new reflection";
        NewOther = "new_other", Journal, ["N"], "other kind", "write another kind: check-in, call-in, stage note, CPD, recognition, feedback, rupture, positive risk, group session…";
        NewCheckIn = "new_check_in", Journal, ["c"], "check-in", "a check-in on its own";
        Timeline = "timeline", Journal, ["t"], "timeline", "the stage timeline of the selected stage note's subject";
        Open = "open", Journal, ["enter", "e"], "open", "edit the selected entry";
        Delete = "delete", Journal, ["d", "delete"], "delete", "move the selected entry to the trash (from the trash: delete it for good)";
        ToggleFlagSelected = "toggle_flag_selected", Journal, ["b"], "flag", "flag the selected entry for supervision";
        PreviewDown = "preview_down", Journal, ["J", "ctrl-down"], "preview down", "scroll the preview down";
        PreviewUp = "preview_up", Journal, ["K", "ctrl-up"], "preview up", "scroll the preview up";
        SearchDone = "search_done", Search, ["enter", "down"], "done", "stop typing: the hits are ranked and the keys move in the list again";
        Save = "save", Write, ["ctrl-s"], "save", "save the entry";
        NextField = "next_field", Write, ["tab"], "next", "next field";
        PrevField = "prev_field", Write, ["shift-tab"], "previous", "previous field";
        FieldDone = "field_done", Write, ["enter"], "next", "on the title, the date or a choice: on to the next field";
        Undo = "undo", Write, ["ctrl-z"], "undo", "undo the last change to the field";
        Redo = "redo", Write, ["ctrl-r"], "redo", "redo what was undone";
        ChoicePrev = "choice_prev", Write, ["left"], "choose", "the choice before, in a field of fixed choices (also ↑; a letter jumps to a choice)";
        ChoiceNext = "choice_next", Write, ["right"], "choose", "the next choice, in a field of fixed choices (also ↓)";
        PickModel = "pick_model", Write, ["f4"], "model", "choose the reflective model (of a group session: its session model)";
        PickStrengths = "pick_strengths", Write, ["ctrl-t", "f2"], "strengths", "tag strengths (mine, person's, team's)";
        CheckIn = "check_in", Write, ["ctrl-g", "f3"], "check-in", "add a wellbeing check-in";
        ToggleFlag = "toggle_flag", Write, ["ctrl-b", "f5"], "flag", "bring this entry to supervision";
        CycleScope = "cycle_scope", Write, ["f6"], "scope", "who may see it: private, supervision, shareable";
        ExternalEditor = "external_editor", Write, ["ctrl-o", "f7"], "editor", "write this section in $EDITOR";
        DiscardEntry = "discard_entry", Write, ["f8"], "discard", "throw this writing away (asked first)";
        Back = "back", Write, ["esc"], "back", "back to the journal (the draft is kept)";
        Refresh = "refresh", Supervision, ["r"], "gather again", "gather the board again";
        Gather = "gather", Supervision, ["p"], "prepare", "prepare the next session: save a prep with its agenda";
        AgendaUp = "agenda_up", Supervision, ["K"], "item up", "move the agenda item up";
        AgendaDown = "agenda_down", Supervision, ["J"], "item down", "move the agenda item down";
        CycleFunction = "cycle_function", Supervision, ["f"], "function", "agenda item's function: normative, formative, restorative, mediation";
        RecordSession = "record_session", Supervision, ["R"], "record", "write the record of the session";
        PeriodPrev = "period_prev", Patterns, ["["], "shorter", "a shorter period (4 weeks, quarter, year, all)";
        PeriodNext = "period_next", Patterns, ["]"], "longer", "a longer period";
        WeekPrev = "week_prev", Patterns, ["left", "h"], "week", "select the week before";
        WeekNext = "week_next", Patterns, ["right", "l"], "week", "select the week after";
        DrillDown = "drill_down", Patterns, ["enter"], "show entries", "show the selected week's or strength's entries in the journal";
        OthersView = "others_view", Patterns, ["o"], "with others", "switch to practice with others (what keeps me going, how long repairs take) and back";
        Close = "close", Window, ["esc"], "close", "close the window, nothing done (in the help, the timeline and lists any other key closes it too)";
        Choose = "choose", Choose, ["enter"], "choose", "choose the selected one";
        Tag = "tag", Strengths, ["enter"], "tag", "tag or untag the selected strength (with #word typed: the topic tag)";
        Whose = "whose", Strengths, ["tab"], "whose", "whose strength it is: mine, the person's, the team's";
        FormNext = "form_next", Form, ["down", "tab"], "field", "the next field";
        FormPrev = "form_prev", Form, ["up", "shift-tab"], "field", "the field before";
        FormMore = "form_more", Form, ["right"], "change", "the next value of a choice (kind, mood, energy, load, carrying)";
        FormLess = "form_less", Form, ["left"], "change", "the value before";
        FormDone = "form_done", Form, ["enter"], "done", "apply the filter, take the check-in (and save, when saving asked for it), or write the export";
        FormCancel = "form_cancel", Form, ["esc"], "cancel", "close the form; a check-in offered on saving is skipped and the entry saved";
        RecoverDraft = "recover_draft", Drafts, ["enter", "r"], "recover", "take the selected writing back into the Write pane";
        DiscardDraft = "discard_draft", Drafts, ["d"], "discard", "throw the selected writing away";
        ConfirmDiscard = "confirm_discard", Discard, ["d"], "discard", "throw the writing away for good, then go on";
        ResumeWriting = "resume_writing", Discard, ["w"], "writing", "back to the writing (it is kept)";
        SaveAndQuit = "save_and_quit", Quit, ["s"], "save", "save the entry, then quit";
        KeepAndQuit = "keep_and_quit", Quit, ["k", "q"], "keep", "keep it as a draft (offered back next time), then quit";
        DiscardAndQuit = "discard_and_quit", Quit, ["d"], "discard", "throw it away (asked first), then quit";
        ConfirmDelete = "confirm_delete", Trash, ["y", "enter"], "trash", "move the entry to the trash (the trash view brings it back)";
        SaveCopy = "save_copy", Conflict, ["c"], "copy", "save your version as a copy beside the other";
        TakeTheirs = "take_theirs", Conflict, ["t"], "theirs", "keep the other version; yours is not saved";
        SaveAsNew = "save_as_new", Gone, ["s"], "save", "save the entry deleted elsewhere as a new entry";
        Lock = "lock", Global, ["ctrl-l"], "lock", "lock the app now (an encrypted journal)";
        ReviewPlan = "review_plan", Journal, ["v"], "review", "review the selected positive-risk plan: what happened, the decision, the next review";
        MarkSaid = "mark_said", Journal, ["s"], "said", "mark the selected recognition (given, not yet said) said: how, and when";
        BoardReviewPlan = "board_review_plan", Supervision, ["v"], "review plan", "review a positive-risk plan whose review is due";
        BoardMarkSaid = "board_mark_said", Supervision, ["s"], "said", "mark recognition not yet said as said";
        ShowTrash = "show_trash", Journal, ["T"], "trash", "show the trash instead of the journal, and back";
        Restore = "restore", Journal, ["r"], "restore", "in the trash: put the selected entry back in the journal";
        EmptyTrash = "empty_trash", Journal, ["D"], "empty trash", "in the trash: delete every entry in it for good (asked first)";
        Export = "export", Journal, ["x"], "export", "export the selected entry, or the list as shown, to a file (redacted unless you say otherwise)";
        ConfirmEmptyTrash = "confirm_empty_trash", EmptyTrash, ["y"], "delete", "delete the entry, or the whole trash, for good";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Bindable as _, Key, Text};
    use std::collections::BTreeMap;

    #[test]
    fn every_default_key_parses() {
        for action in Action::ALL {
            for k in action.default_keys() {
                assert!(Key::parse(k).is_ok(), "{action:?}: {k}");
            }
        }
        assert!(
            Keymap::defaults()
                .help_rows()
                .iter()
                .all(|(_, k, _)| k != "unbound")
        );
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_unknown_names_are_refused() {
        let mut t = BTreeMap::new();
        t.insert("save".to_string(), vec!["f12".to_string()]);
        let m = Keymap::with_overrides(&t).unwrap();
        assert_eq!(m.first_key(Action::Save), "F12");
        let write = [Context::Write, Context::Global];
        assert_eq!(
            m.lookup(Key::parse("ctrl-s").unwrap(), Text::Area, &write),
            None
        );
        t.insert("sav".to_string(), vec!["x".to_string()]);
        assert!(
            Keymap::with_overrides(&t)
                .unwrap_err()
                .contains("unknown action 'sav'")
        );
        let mut bad = BTreeMap::new();
        bad.insert("quit".to_string(), vec!["ctrl-".to_string()]);
        assert!(
            Keymap::with_overrides(&bad)
                .unwrap_err()
                .contains("[keys] quit")
        );
    }

    #[test]
    fn plain_keys_are_text_while_typing() {
        let m = Keymap::defaults();
        let k = |s: &str| Key::parse(s).unwrap();
        let journal = [Context::Journal, Context::Global];
        let write = [Context::Write, Context::Global];
        assert_eq!(m.lookup(k("q"), Text::None, &journal), Some(Action::Quit));
        assert_eq!(m.lookup(k("q"), Text::Area, &write), None);
        assert_eq!(
            m.lookup(k("ctrl-s"), Text::Area, &write),
            Some(Action::Save)
        );
        assert_eq!(m.lookup(k("esc"), Text::Area, &write), Some(Action::Back));
        assert_eq!(m.lookup(k("down"), Text::Area, &write), None);
        assert_eq!(
            m.lookup(k("ctrl-q"), Text::Area, &write),
            Some(Action::Quit)
        );
        // Searching the journal is typing too: 'n' is a letter of the query.
        assert_eq!(m.lookup(k("n"), Text::Area, &journal), None);
        assert_eq!(
            m.lookup(k("esc"), Text::Area, &journal),
            Some(Action::ClearSearch)
        );
    }
}
