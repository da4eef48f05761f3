//! The practice kinds, patterns over time and the demo journal.

mod demo;
mod insights;
mod kinds;
mod others;
