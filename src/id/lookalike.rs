//! Letters typed where digits belong (O for 0, l or I for 1), named with their group or
//! block, so the user can correct them. Never converted silently: the ID stays as typed.

use super::confirmation::ConfirmationId;
use super::extract::{Lookalike, find_lookalike, find_typed_lookalike};
use super::format::block_letter;
use super::installation::InstallationId;
use super::problem::{IdKind, IdProblem};

/// The first look-alike letter in an ID-like run of `text`, as a problem naming its group
/// (Installation ID) or block (Confirmation ID).
pub fn lookalike_letter(text: &str, kind: IdKind) -> Option<IdProblem> {
    named(find_lookalike(text)?, kind)
}

/// [`lookalike_letter`] for a field meant to hold just the ID, as it is typed: also in the
/// first digits (`48912O3`), when the field holds nothing but digits, separators and such
/// letters.
pub fn typed_lookalike_letter(text: &str, kind: IdKind) -> Option<IdProblem> {
    named(find_typed_lookalike(text)?, kind)
}

fn named(found: Lookalike, kind: IdKind) -> Option<IdProblem> {
    let lengths: Vec<usize> = match kind {
        IdKind::Installation => InstallationId::from_run(found.run)
            .groups()
            .map(str::len)
            .collect(),
        IdKind::Confirmation => ConfirmationId::from_run(found.run)
            .blocks()
            .map(str::len)
            .collect(),
    };
    let mut end = 0;
    let part = lengths.iter().position(|length| {
        end += length;
        found.index < end
    })?;
    let part = match kind {
        IdKind::Installation => (part + 1).to_string(),
        IdKind::Confirmation => block_letter(part).to_string(),
    };
    Some(IdProblem::LookalikeLetter {
        kind,
        part,
        letter: found.letter,
        digit: found.digit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_and_its_place_are_named() {
        let cid = "426296-483130-829O81-394993-064403-777482-905722-580616";
        assert_eq!(
            lookalike_letter(cid, IdKind::Confirmation),
            Some(IdProblem::LookalikeLetter {
                kind: IdKind::Confirmation,
                part: "C".into(),
                letter: 'O',
                digit: '0',
            })
        );
        let iid = "4891263 4325701 2289105 5465220 8520533 2958764 l588510 1112713 9061121";
        assert_eq!(
            lookalike_letter(iid, IdKind::Installation),
            Some(IdProblem::LookalikeLetter {
                kind: IdKind::Installation,
                part: "7".into(),
                letter: 'l',
                digit: '1',
            })
        );
    }

    #[test]
    fn a_letter_in_the_first_digits_typed_is_named() {
        assert_eq!(
            typed_lookalike_letter("4891263 43257O1", IdKind::Installation),
            Some(IdProblem::LookalikeLetter {
                kind: IdKind::Installation,
                part: "2".into(),
                letter: 'O',
                digit: '0',
            })
        );
        // A field with words in it is not being typed digit by digit.
        assert_eq!(
            typed_lookalike_letter("IID 43257O1", IdKind::Installation),
            None
        );
    }

    #[test]
    fn words_with_those_letters_are_left_alone() {
        for text in [
            "Office 16, Office16ProPlusVL_MAK edition: 1234",
            "Installation ID: 489126343257012289105546522085205332958764158851011127139061121",
            "Retail channel, IIS 10, Version 10.0.19045",
        ] {
            assert_eq!(lookalike_letter(text, IdKind::Installation), None, "{text}");
        }
    }
}
