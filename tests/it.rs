//! The integration tests, one binary (the crate is linked once) with a folder per
//! feature: the journal on the command line, the practice kinds, moving entries in and
//! out, the coach's review, the app, and the safety of the data.

mod app;
mod common;
mod journal;
mod practice;
mod review;
mod safety;
mod transfer;
