//! The Installation ID: what the PC shows in slui 4 and must be carried to Microsoft.

use serde::Serialize;

use super::check_digit::GroupState;
use super::extract::{self, DigitRun};
use super::grouped::GroupedDigits;
use super::problem::{IdKind, IdProblem};

/// The three layouts an Installation ID has been shown in (activation-facts §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum IidFormat {
    /// 63 digits, 9 groups of 7: Vista to 11, Server 2008+, Office 2010+.
    #[serde(rename = "9x7")]
    NineGroupsOfSeven,
    /// 54 digits, 9 groups of 6: XP SP1+, Server 2003, Office XP–2007, Office KMS hosts.
    #[serde(rename = "9x6")]
    NineGroupsOfSix,
    /// 50 digits, 8 groups of 6 and a final group of 2: XP RTM.
    #[serde(rename = "8x6+2")]
    EightGroupsOfSixAndTwo,
}

impl IidFormat {
    pub const ALL: [IidFormat; 3] = [
        IidFormat::NineGroupsOfSeven,
        IidFormat::NineGroupsOfSix,
        IidFormat::EightGroupsOfSixAndTwo,
    ];

    /// Every digit count an Installation ID can have, most common first.
    pub const LENGTHS: &'static [usize] = &[63, 54, 50];

    pub fn group_lengths(self) -> &'static [usize] {
        match self {
            IidFormat::NineGroupsOfSeven => &[7; 9],
            IidFormat::NineGroupsOfSix => &[6; 9],
            IidFormat::EightGroupsOfSixAndTwo => &[6, 6, 6, 6, 6, 6, 6, 6, 2],
        }
    }

    pub fn digit_count(self) -> usize {
        self.group_lengths().iter().sum()
    }

    pub fn for_digit_count(count: usize) -> Option<IidFormat> {
        IidFormat::ALL
            .into_iter()
            .find(|format| format.digit_count() == count)
    }

    /// The short name scripts see in `--json`: `9x7`, `9x6`, `8x6+2`.
    pub fn code(self) -> &'static str {
        match self {
            IidFormat::NineGroupsOfSeven => "9x7",
            IidFormat::NineGroupsOfSix => "9x6",
            IidFormat::EightGroupsOfSixAndTwo => "8x6+2",
        }
    }
}

/// An Installation ID as found or typed: possibly incomplete or mistyped, which it can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationId {
    grouped: GroupedDigits,
    format: Option<IidFormat>,
    label: Option<String>,
}

/// Every Installation ID in a paste — slmgr or ospp output, a message box, typed groups —
/// in order of appearance, valid or not.
pub fn find_installation_ids(text: &str) -> Vec<InstallationId> {
    extract::find_runs(text)
        .into_iter()
        .map(InstallationId::from_run)
        .collect()
}

/// One ID as a line that `find_installation_ids` reads back with its label (the
/// `ospp.vbs /dinstid` form): for showing IDs read from a PC, or kept from a huge paste.
pub fn labelled_line(label: Option<&str>, digits: &str) -> String {
    match label {
        Some(label) => format!("Installation ID for: {label}: {digits}"),
        None => format!("Installation ID: {digits}"),
    }
}

impl InstallationId {
    /// Reads every digit of a field meant to hold just the ID (as the user types it).
    pub fn from_typed(text: &str) -> InstallationId {
        InstallationId::from_run(extract::all_digits(text))
    }

    pub(crate) fn from_run(run: DigitRun) -> InstallationId {
        let DigitRun {
            digits,
            pieces,
            label,
            ..
        } = run;
        let format = IidFormat::for_digit_count(digits.len());
        let grouped = match format {
            Some(format) => GroupedDigits::split(digits, format.group_lengths()),
            None => {
                let lengths = guess_group_lengths(digits.len(), &pieces);
                GroupedDigits::split(digits, &lengths)
            }
        };
        InstallationId {
            grouped,
            format,
            label,
        }
    }

    pub fn digits(&self) -> &str {
        self.grouped.digits()
    }

    pub fn groups(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.grouped.groups()
    }

    pub fn group_states(&self) -> Vec<GroupState> {
        self.grouped.states()
    }

    pub fn format(&self) -> Option<IidFormat> {
        self.format
    }

    /// The product this ID belongs to, when the pasted output named it.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// 1-based numbers of the groups whose check digit fails.
    pub fn bad_groups(&self) -> Vec<usize> {
        self.grouped
            .inconsistent()
            .into_iter()
            .map(|i| i + 1)
            .collect()
    }

    /// Why this ID cannot be used as it is; `None` when every group is consistent.
    pub fn problem(&self) -> Option<IdProblem> {
        IdProblem::judge(
            IdKind::Installation,
            self.digits().len(),
            self.format.is_some(),
            IidFormat::LENGTHS,
            self.bad_groups().iter().map(ToString::to_string).collect(),
        )
    }

    pub fn is_valid(&self) -> bool {
        self.problem().is_none()
    }

    /// The groups joined by `separator` (`" "` to read aloud, `"-"` for the Office wizard).
    pub fn grouped(&self, separator: &str) -> String {
        self.grouped.joined(separator)
    }
}

/// Groups for a digit count no format has: the pieces as typed when the user typed groups,
/// else chunks of the most likely group size, so a truncated ID still shows which complete
/// groups are wrong.
fn guess_group_lengths(count: usize, pieces: &[usize]) -> Vec<usize> {
    if pieces.len() > 1 {
        return pieces.to_vec();
    }
    let size = if (44..=54).contains(&count) { 6 } else { 7 };
    vec![size; count.div_ceil(size)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::{Language, Localized};

    const WINDOWS_11: &str = "489126343257012289105546522085205332958764158851011127139061121";

    #[test]
    fn a_published_63_digit_id_is_valid_and_grouped_by_seven() {
        let id = InstallationId::from_typed(WINDOWS_11);
        assert_eq!(id.format(), Some(IidFormat::NineGroupsOfSeven));
        assert_eq!(id.groups().next(), Some("4891263"));
        assert_eq!(id.groups().len(), 9);
        assert!(id.is_valid(), "{:?}", id.problem());
    }

    #[test]
    fn one_changed_digit_names_its_group() {
        // Group 4 is digits 22..28; change its first digit by 1.
        let mut digits = WINDOWS_11.as_bytes().to_vec();
        digits[21] = if digits[21] == b'9' {
            b'8'
        } else {
            digits[21] + 1
        };
        let id = InstallationId::from_typed(std::str::from_utf8(&digits).unwrap());
        assert_eq!(id.bad_groups(), vec![4]);
        assert_eq!(
            id.problem().unwrap().message(Language::English),
            "Group 4 looks mistyped: its check digit does not match (check those digits against the screen)."
        );
    }

    #[test]
    fn a_truncated_id_says_how_many_digits_it_has() {
        let id = InstallationId::from_typed(&WINDOWS_11[..62]);
        assert_eq!(id.format(), None);
        assert_eq!(id.groups().len(), 9);
        assert_eq!(id.group_states()[8], GroupState::Incomplete);
        assert_eq!(
            id.problem().unwrap().message(Language::English),
            "Found 62 digits; an Installation ID has 63, 54 or 50 digits."
        );
    }

    #[test]
    fn the_fifty_digit_layout_ends_in_two() {
        let id = InstallationId::from_typed("14037188531115461057117122732036502128316172554233");
        assert_eq!(id.format(), Some(IidFormat::EightGroupsOfSixAndTwo));
        assert_eq!(id.groups().last(), Some("33"));
        assert!(id.is_valid());
    }
}
