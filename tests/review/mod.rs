//! The coach's read-only review of several people's summaries.

mod coach;
