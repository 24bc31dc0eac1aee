//! Activation Companion's engine: everything a script or another UI needs to carry an
//! Installation ID to Microsoft and a Confirmation ID back, offline. No UI code, no printing.

pub mod id;
pub mod language;

pub use language::{Language, Localized};
