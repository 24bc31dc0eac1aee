//! Activation Companion's engine: everything a script or another UI needs to carry an
//! Installation ID to Microsoft and a Confirmation ID back, offline. No UI code, no printing.

pub mod centers;
pub mod cli;
pub mod gui;
pub mod id;
pub mod language;
pub mod qr;
pub mod script;
pub mod session;
pub mod text;
pub mod windows;

pub use language::{Language, Localized};
