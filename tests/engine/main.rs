//! The engine and the data, tested without a window or a process: IDs and their readings,
//! the activation in progress, the phone table, the call scripts, the licensing decisions, the
//! record and the session, and the shape of the sources (one binary, so the test build links
//! the crate once for all of them).

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod call_scripts;
mod centers;
mod centres_japanese;
mod font_coverage;
mod japanese_words;
mod licensing;
mod paste;
mod properties;
mod qr;
mod record;
mod samples;
mod session;
