//! The terminal app: logic and screens on a TestBackend, and end to end in a pseudo-terminal.

mod e2e;
mod keys;
mod lock;
mod newcomer;
mod others;
mod tui;
