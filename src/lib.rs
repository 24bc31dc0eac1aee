//! Activation Companion: carry a Windows or Office Installation ID to Microsoft and the
//! Confirmation ID back, offline, without one wrong digit.
//!
//! The layers, each using only those listed before it (`tests/engine/architecture.rs` checks this):
//!
//! - **the engine**: [`language`], [`decode`], [`date`], [`storage`], [`id`], [`centers`], [`script`], [`qr`],
//!   [`session`], [`record`], [`licensing`]. Text and rows in, typed values and verdicts out;
//!   no sentence, no printing, no UI.
//! - [`platform`]: every call into the operating system (Windows' licensing service through
//!   WMI, the locale, the console, administrator rights, the browser).
//! - [`words`]: every sentence the user sees, in Japanese and English side by side.
//! - the presenters: [`cli`] (the command line) and `gui` (the iced window, behind the `gui`
//!   feature, on by default, so the engine and the command line build without iced).

pub mod centers;
pub mod date;
pub mod decode;
pub mod id;
pub mod in_progress;
pub mod language;
pub mod licensing;
pub mod qr;
pub mod record;
pub mod script;
pub mod session;
pub mod storage;

pub mod platform;

pub mod words;

pub mod cli;
#[cfg(feature = "gui")]
pub mod gui;

pub use language::Language;
pub use words::Localized;
