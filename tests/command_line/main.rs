//! The command line, tested by running the built binary: its contract, the outputs it writes,
//! the record it keeps, the clipboard it holds and the spreadsheet round trip.

#[path = "../common/mod.rs"]
mod common;

mod binary;
mod cli;
mod clipboard;
mod history;
mod outputs;
mod record_writers;
mod spreadsheet;
