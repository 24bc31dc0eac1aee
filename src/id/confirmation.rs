//! The Confirmation ID: what Microsoft gives back, to be typed into SLUI blocks A-H.

use super::check_digit::{GroupState, group_state};
use super::extract::{self, DigitRun};
use super::format::{BLOCK_LENGTH, CidFormat, block_letter};
use super::grouped::GroupedDigits;
use super::problem::{IdKind, IdProblem};

/// One block as typed so far (up to 6 digits): incomplete, consistent or inconsistent.
pub fn block_state(block: &str) -> GroupState {
    group_state(block, BLOCK_LENGTH)
}

/// A Confirmation ID as found or typed: possibly incomplete or mistyped, which it can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationId {
    grouped: GroupedDigits,
    format: Option<CidFormat>,
    /// The formats it may have: every one, unless the Installation ID it answers decides.
    formats: &'static [CidFormat],
}

impl ConfirmationId {
    /// Reads every digit of a field meant to hold just the ID; other characters are ignored.
    pub fn from_typed(text: &str) -> ConfirmationId {
        ConfirmationId::from_run(extract::all_digits(text))
    }

    pub(crate) fn from_run(run: DigitRun) -> ConfirmationId {
        let format = CidFormat::for_digit_count(run.digits.len());
        let blocks = run.digits.len().div_ceil(BLOCK_LENGTH).max(1);
        ConfirmationId {
            grouped: GroupedDigits::split(run.digits, &vec![BLOCK_LENGTH; blocks]),
            format,
            formats: &CidFormat::ALL,
        }
    }

    /// The same digits as an answer to an Installation ID that takes only `formats`: of
    /// another format's length, it has the wrong length (a block dropped from eight leaves a
    /// perfect seven).
    pub fn in_formats(mut self, formats: &'static [CidFormat]) -> ConfirmationId {
        self.formats = formats;
        self.format = self.format.filter(|format| formats.contains(format));
        self
    }

    pub fn digits(&self) -> &str {
        self.grouped.digits()
    }

    pub fn blocks(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.grouped.groups()
    }

    pub fn block_states(&self) -> Vec<GroupState> {
        self.grouped.states()
    }

    pub fn format(&self) -> Option<CidFormat> {
        self.format
    }

    /// Letters of the blocks whose check digit fails (`'I'`, `'J'`... past H on an overlong paste).
    pub fn bad_blocks(&self) -> Vec<char> {
        self.grouped
            .inconsistent()
            .into_iter()
            .map(block_letter)
            .collect()
    }

    pub fn problem(&self) -> Option<IdProblem> {
        IdProblem::judge(
            IdKind::Confirmation,
            self.digits().len(),
            self.format.is_some(),
            CidFormat::lengths(self.formats),
            self.bad_blocks().iter().map(ToString::to_string).collect(),
        )
    }

    /// Every block typed consistently. Never read this as "correct": only Windows can say that.
    pub fn is_valid(&self) -> bool {
        self.problem().is_none()
    }

    pub fn grouped(&self, separator: &str) -> String {
        self.grouped.joined(separator)
    }

    /// Deposits the CID for Windows: one argument, digits only.
    pub fn slmgr_command(&self) -> String {
        format!("slmgr.vbs /atp {}", self.digits())
    }

    /// Deposits the CID for Office (run with cscript in the Office folder).
    pub fn ospp_command(&self) -> String {
        format!("ospp.vbs /actcid:{}", self.digits())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_cid_is_consistent_in_every_block() {
        let cid =
            ConfirmationId::from_typed("426296 483130 829081 394993 064403 777482 905722 580616");
        assert_eq!(cid.format(), Some(CidFormat::EightBlocks));
        assert!(cid.is_valid());
        assert_eq!(
            cid.slmgr_command(),
            "slmgr.vbs /atp 426296483130829081394993064403777482905722580616"
        );
        assert_eq!(
            cid.ospp_command(),
            "ospp.vbs /actcid:426296483130829081394993064403777482905722580616"
        );
        assert_eq!(
            cid.grouped("-"),
            "426296-483130-829081-394993-064403-777482-905722-580616"
        );
    }

    #[test]
    fn a_mistyped_block_is_named_by_letter() {
        let cid = ConfirmationId::from_typed("154814-744406-423501-209405-874111-676042-686055");
        assert_eq!(cid.format(), Some(CidFormat::SevenBlocks));
        assert_eq!(cid.bad_blocks(), vec!['C']);
    }

    #[test]
    fn blocks_are_judged_only_when_complete() {
        assert_eq!(block_state("15481"), GroupState::Incomplete);
        assert_eq!(block_state("154814"), GroupState::Consistent);
        assert_eq!(block_state("154815"), GroupState::Inconsistent);
    }
}
