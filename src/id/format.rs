//! The layouts an Installation ID and a Confirmation ID are shown in: how many groups (or
//! blocks) of how many digits. The extractor and both IDs build on these.

use serde::{Deserialize, Serialize};

/// The three layouts an Installation ID has been shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum IidFormat {
    /// 63 digits, 9 groups of 7: Vista to 11, Server 2008+, Office 2010+.
    #[serde(rename = "9x7")]
    NineGroupsOfSeven,
    /// 54 digits, 9 groups of 6: XP SP1+, Server 2003, Office XP-2007, Office KMS hosts.
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

    /// The Confirmation IDs that answer an Installation ID of this format: 63 digits is
    /// Vista and later (8 blocks, A-H); 50 is XP RTM (7 blocks, A-G); 54 was XP SP1 and later
    /// and Office XP-2007 (7 blocks), and is an Office KMS host on today's service too (8).
    pub fn confirmation_formats(self) -> &'static [CidFormat] {
        match self {
            IidFormat::NineGroupsOfSeven => &[CidFormat::EightBlocks],
            IidFormat::NineGroupsOfSix => &CidFormat::ALL,
            IidFormat::EightGroupsOfSixAndTwo => &[CidFormat::SevenBlocks],
        }
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

/// The longest group any ID format has (7); longer stretches of digits stand on their own.
pub(crate) const LONGEST_GROUP: usize = 7;

/// Every block of a Confirmation ID holds 6 digits, the last a check digit.
pub const BLOCK_LENGTH: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum CidFormat {
    /// 48 digits, blocks A-H: Vista and later.
    #[default]
    #[serde(rename = "8x6")]
    EightBlocks,
    /// 42 digits, blocks A-G: Windows XP era.
    #[serde(rename = "7x6")]
    SevenBlocks,
}

impl CidFormat {
    pub const ALL: [CidFormat; 2] = [CidFormat::EightBlocks, CidFormat::SevenBlocks];
    pub const LENGTHS: &'static [usize] = &[48, 42];
    /// The most blocks any format has (8, A-H).
    pub const MOST_BLOCKS: usize = 8;

    pub fn block_lengths(self) -> &'static [usize] {
        match self {
            CidFormat::EightBlocks => &[BLOCK_LENGTH; 8],
            CidFormat::SevenBlocks => &[BLOCK_LENGTH; 7],
        }
    }

    pub fn block_count(self) -> usize {
        self.block_lengths().len()
    }

    pub fn digit_count(self) -> usize {
        self.block_count() * BLOCK_LENGTH
    }

    pub fn for_digit_count(count: usize) -> Option<CidFormat> {
        CidFormat::ALL
            .into_iter()
            .find(|f| f.digit_count() == count)
    }

    /// The digit counts of these formats (the lengths a message names as expected).
    pub fn lengths(formats: &[CidFormat]) -> &'static [usize] {
        match formats {
            [CidFormat::EightBlocks] => &[48],
            [CidFormat::SevenBlocks] => &[42],
            _ => CidFormat::LENGTHS,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CidFormat::EightBlocks => "8x6",
            CidFormat::SevenBlocks => "7x6",
        }
    }
}

/// A block's name as SLUI and the phone line say it: A, B, ... H, then on past H for overlong
/// pastes.
pub fn block_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// The letters of blocks in order: A, B, C...
pub fn block_letters() -> impl Iterator<Item = char> {
    (0..).map(block_letter)
}

/// Group layouts of every ID format, longest first (so a 9x6 IID is not read as an 8x6 CID).
pub fn layouts() -> impl Iterator<Item = &'static [usize]> {
    IidFormat::ALL
        .into_iter()
        .map(IidFormat::group_lengths)
        .chain(CidFormat::ALL.into_iter().map(CidFormat::block_lengths))
}

/// Whether some format of either ID has exactly this many digits.
pub fn is_id_length(length: usize) -> bool {
    IidFormat::for_digit_count(length).is_some() || CidFormat::for_digit_count(length).is_some()
}
