//! Writing and finding entries: the command line, the store under it, and properties
//! that hold for any input.

mod cli;
mod properties;
mod readme;
mod search;
mod store;
