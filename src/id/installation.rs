//! The Installation ID: what the PC shows in slui 4 and must be carried to Microsoft.

use super::check_digit::GroupState;
use super::extract::{self, DigitRun};
use super::format::IidFormat;
use super::grouped::GroupedDigits;
use super::problem::{IdKind, IdProblem};

/// An Installation ID as found or typed: possibly incomplete or mistyped, which it can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationId {
    grouped: GroupedDigits,
    format: Option<IidFormat>,
    label: Option<String>,
}

/// Every Installation ID in a paste - slmgr or ospp output, a message box, typed groups -
/// in order of appearance, valid or not.
pub fn find_installation_ids(text: &str) -> Vec<InstallationId> {
    extract::find_runs(text)
        .into_iter()
        .map(InstallationId::from_run)
        .collect()
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
            id.problem(),
            Some(IdProblem::Mistyped {
                kind: IdKind::Installation,
                parts: vec!["4".into()]
            })
        );
    }

    #[test]
    fn a_truncated_id_says_how_many_digits_it_has() {
        let id = InstallationId::from_typed(&WINDOWS_11[..62]);
        assert_eq!(id.format(), None);
        assert_eq!(id.groups().len(), 9);
        assert_eq!(id.group_states()[8], GroupState::Incomplete);
        assert_eq!(
            id.problem(),
            Some(IdProblem::WrongLength {
                kind: IdKind::Installation,
                found: 62,
                expected: IidFormat::LENGTHS,
                first_bad: None,
            })
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
