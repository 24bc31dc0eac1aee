//! The embedded fonts: BIZ UDGothic (SIL OFL), subset to the characters the UI uses, so the
//! window looks the same on a bare Windows, in CI and in tests. Its 0/8, 1/7 and 6/9 cannot be
//! mistaken for one another - the point, when 63 digits are read aloud.
//!
//! The subsets carry their own family name ([`FAMILY`]): under the original name, an installed
//! copy of BIZ UDGothic would be chosen instead of them on machines that have one.

use iced::Font;
use iced::font::Weight;

pub const REGULAR_BYTES: &[u8] = include_bytes!("../../data/fonts/BIZUDGothic-Regular.subset.ttf");
pub const BOLD_BYTES: &[u8] = include_bytes!("../../data/fonts/BIZUDGothic-Bold.subset.ttf");

/// The subsets' family name, set by `scripts/make_fonts.py`.
pub const FAMILY: &str = "Activation Companion UDGothic";

pub const REGULAR: Font = Font::with_name(FAMILY);
pub const BOLD: Font = Font {
    weight: Weight::Bold,
    ..REGULAR
};

/// Both faces, for `application().font()` and the test simulator's settings.
pub fn all() -> [&'static [u8]; 2] {
    [REGULAR_BYTES, BOLD_BYTES]
}
