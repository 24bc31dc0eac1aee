//! Installation IDs and Confirmation IDs: the check-digit rule, the formats, and finding them
//! in whatever the user pastes. Verdicts are data; `crate::words` says them.
//!
//! Layers, each using only those above it: `check_digit`, `format`, `normalize`; `labels`;
//! `extract` (the runs of digits) and `grouped`; then `installation` and `confirmation`; then
//! `lookalike` (letters where digits belong) and `reading` (the one reading for every caller).

pub mod check_digit;
mod confirmation;
mod extract;
mod format;
mod grouped;
mod installation;
mod labels;
mod lookalike;
mod normalize;
mod problem;
mod reading;

pub use check_digit::{GroupState, group_state};
pub use confirmation::{ConfirmationId, block_state};
pub use format::{BLOCK_LENGTH, CidFormat, IidFormat, block_letter, block_letters};
pub use installation::{InstallationId, find_installation_ids};
pub use lookalike::digit_lookalike;
pub use normalize::normalize;
pub use problem::{IdKind, IdProblem};
pub use reading::{
    InstallationIds, read_confirmation_id, read_confirmation_id_in, read_installation_ids,
};
