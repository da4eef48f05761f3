//! The safety of the data: nothing lost (kill -9, concurrency, damaged files), hostile
//! input, and nothing leaving the machine.

mod encryption;
mod hostile;
mod privacy;
mod reliability;
