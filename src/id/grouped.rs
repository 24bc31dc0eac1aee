//! Digits split into groups (IID) or blocks (CID): the part both IDs share.

use std::ops::Range;

use super::check_digit::{GroupState, group_state};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupedDigits {
    digits: String,
    groups: Vec<Range<usize>>,
    /// How many digits a complete group holds, group by group.
    full_lengths: Vec<usize>,
}

impl GroupedDigits {
    /// Splits `digits` into groups of the given lengths; the last group takes what is left.
    pub fn split(digits: String, lengths: &[usize]) -> GroupedDigits {
        let mut groups = Vec::with_capacity(lengths.len());
        let mut start = 0;
        for &length in lengths {
            if start >= digits.len() {
                break;
            }
            let end = (start + length).min(digits.len());
            groups.push(start..end);
            start = end;
        }
        if start < digits.len() {
            // More digits than the lengths cover: the surplus forms one last (overlong) group.
            groups.push(start..digits.len());
        }
        let full_lengths = groups
            .iter()
            .enumerate()
            .map(|(i, g)| lengths.get(i).copied().unwrap_or(g.len()))
            .collect();
        GroupedDigits {
            digits,
            groups,
            full_lengths,
        }
    }

    pub fn digits(&self) -> &str {
        &self.digits
    }

    pub fn groups(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.groups.iter().map(|range| &self.digits[range.clone()])
    }

    pub fn states(&self) -> Vec<GroupState> {
        self.groups()
            .zip(&self.full_lengths)
            .map(|(group, &full)| group_state(group, full))
            .collect()
    }

    /// 0-based positions of the groups whose check digit fails.
    pub fn inconsistent(&self) -> Vec<usize> {
        self.states()
            .iter()
            .enumerate()
            .filter(|(_, state)| **state == GroupState::Inconsistent)
            .map(|(i, _)| i)
            .collect()
    }

    pub fn joined(&self, separator: &str) -> String {
        self.groups().collect::<Vec<_>>().join(separator)
    }
}
