//! The windows over the journal app's panes, one file each. Each owns its state, turns
//! the actions of its contexts (and typed text, where it has a field) into outcomes, and
//! draws itself; a new window is a new file here and its actions in the keymap.

pub mod checkin;
pub mod conflict;
pub mod discard;
pub mod drafts;
pub mod export;
pub mod filter;
pub mod gone;
pub mod help;
pub mod models;
pub mod new_kind;
pub mod practice;
pub mod quit;
pub mod strengths;
pub mod timeline;
pub mod trash;
