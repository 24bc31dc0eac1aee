//! The check-digit rule shared by every Installation ID group and Confirmation ID block. This is
//! the only place the rule is written down.
//!
//! The last digit of a group is the sum of the group's other digits, weighted 1, 2, 1, 2, ...
//! from the left, modulo 7 (so it is always 0-6). It held for every genuine published ID: 19
//! of 63 digits, 12 of 54, 3 of 50, 4 Confirmation IDs of 48 digits and 8 of 42; rival rules
//! (reversed weights, a plain sum, Luhn, weights carried across groups) fail on them. A single
//! wrong digit goes unnoticed only when it differs by exactly 7 (0/7, 1/8, 2/9): a consistent
//! group means "typed plausibly", never "will activate".

/// The check digit (0-6) for a group's data digits. `data` holds ASCII digits only.
pub fn check_digit(data: &[u8]) -> u8 {
    let sum: u32 = data
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 1 } else { 2 })
        .sum();
    (sum % 7) as u8
}

/// Whether a whole group (data digits followed by its check digit) satisfies the rule.
/// A group needs at least one data digit and its check digit.
pub fn group_is_consistent(group: &[u8]) -> bool {
    match group.split_last() {
        Some((last, data)) if !data.is_empty() => last.wrapping_sub(b'0') == check_digit(data),
        _ => false,
    }
}

/// How a group or block reads against the rule, as it is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupState {
    /// No digit yet.
    Empty,
    /// Fewer digits than the group holds: nothing to judge yet.
    Incomplete,
    /// The check digit matches: typed plausibly (never a promise that it will activate).
    Consistent,
    /// The check digit does not match, or the group is too long: a digit is wrong.
    Inconsistent,
}

/// Judges a group of ASCII digits that should hold `full_length` digits.
pub fn group_state(group: &str, full_length: usize) -> GroupState {
    use std::cmp::Ordering;
    match group.len().cmp(&full_length) {
        _ if group.is_empty() => GroupState::Empty,
        Ordering::Less => GroupState::Incomplete,
        Ordering::Equal if group_is_consistent(group.as_bytes()) => GroupState::Consistent,
        _ => GroupState::Inconsistent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_from_the_facts() {
        // 1*1 + 5*2 + 4*1 + 8*2 + 1*1 = 32; 32 mod 7 = 4.
        assert_eq!(check_digit(b"15481"), 4);
        assert!(group_is_consistent(b"154814"));
        assert!(!group_is_consistent(b"154815"));
    }

    #[test]
    fn weights_restart_and_alternate() {
        // 9*1 + 9*2 + 9*1 + 9*2 + 9*1 + 9*2 = 81; 81 mod 7 = 4.
        assert_eq!(check_digit(b"999999"), 4);
        // The one-digit tail of a 50-digit IID: 6 mod 7 = 6, 8 mod 7 = 1.
        assert!(group_is_consistent(b"66"));
        assert!(group_is_consistent(b"81"));
        assert!(!group_is_consistent(b"88"));
    }

    #[test]
    fn too_short_to_hold_a_check_digit() {
        assert!(!group_is_consistent(b""));
        assert!(!group_is_consistent(b"0"));
    }
}
