//! Installation IDs and Confirmation IDs: the check-digit rule, the formats, and finding them
//! in whatever the user pastes. No UI, no printing.

pub mod check_digit;
mod confirmation;
mod extract;
mod grouped;
mod installation;
mod lookalike;
mod problem;

pub use check_digit::{GroupState, group_state};
pub use confirmation::{
    BLOCK_LENGTH, BLOCK_LETTERS, CidFormat, ConfirmationId, block_letter, block_letters,
    block_state, find_confirmation_id,
};
pub use extract::{MIN_ID_LIKE_DIGITS, digit_lookalike};
pub use installation::{IidFormat, InstallationId, find_installation_ids, labelled_line};
pub use lookalike::{lookalike_letter, typed_lookalike_letter};
pub use problem::{IdKind, IdProblem};
