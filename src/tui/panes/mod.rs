//! The journal app's four panes, one module each: each owns its state, turns the actions
//! of its contexts into outcomes (passing on what is not its own) and draws itself into
//! the frame's layout. The app holds them in fixed fields and routes between them.

pub mod journal;
pub mod patterns;
pub mod supervision;
pub mod write;
