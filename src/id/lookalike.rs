//! Letters typed where digits belong (O for 0, l or I for 1), named with their group or
//! block, so the user can correct them. Never converted silently: the ID stays as typed.

use super::confirmation::ConfirmationId;
use super::extract::{DigitRun, all_digits, scan};
use super::format::block_letter;
use super::installation::InstallationId;
use super::labels::unlabel;
use super::normalize::{is_separator, normalize};
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

/// A letter typed where a digit belongs, found in an ID-like run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookalike {
    pub letter: char,
    /// The digit it looks like.
    pub digit: char,
    /// The run as it would read with the letter taken for the digit (never used as an ID:
    /// only to say which group or block holds the letter).
    pub run: DigitRun,
    /// Where the letter is among the run's digits (0-based).
    pub index: usize,
}

/// The digit a letter is easily taken for (O for 0, l and I for 1), when it is one of those.
pub fn digit_lookalike(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

/// The first letter in the text that stands among digits where a digit belongs (`43257O1`:
/// an O for a zero, an l or I for a one), if reading it as that digit makes an ID-like run.
/// The text itself is never changed: this only finds what to tell the user.
pub fn find_lookalike(text: &str) -> Option<Lookalike> {
    let normalized = normalize(text);
    let mut substituted = normalized.as_bytes().to_vec();
    let mut letters = Vec::new();
    // Maximal stretches of digits and look-alike letters that hold at least one of each.
    let mut start = 0;
    for (at, c) in normalized.char_indices().chain([(normalized.len(), ' ')]) {
        if c.is_ascii_digit() || digit_lookalike(c).is_some() {
            continue;
        }
        let stretch = &normalized[start..at];
        if stretch.bytes().any(|b| b.is_ascii_digit()) {
            for (offset, c) in stretch.char_indices() {
                if let Some(digit) = digit_lookalike(c) {
                    substituted[start + offset] = digit as u8;
                    letters.push((start + offset, c, digit));
                }
            }
        }
        start = at + c.len_utf8();
    }
    if letters.is_empty() {
        return None;
    }
    // Only ASCII letters were replaced by ASCII digits: the same length, still UTF-8.
    let substituted = String::from_utf8(substituted).ok()?;
    let unlabelled = unlabel(&substituted);
    scan(&unlabelled).into_iter().find_map(|run| {
        let &(at, letter, digit) = letters.iter().find(|(at, ..)| run.span.contains(at))?;
        let index = unlabelled[run.span.start..at]
            .bytes()
            .filter(u8::is_ascii_digit)
            .count();
        Some(Lookalike {
            letter,
            digit,
            run,
            index,
        })
    })
}

/// [`find_lookalike`] for a field meant to hold just the ID, as the user types it (`48912O3`):
/// when it holds nothing but digits, separators and look-alike letters, the first letter
/// among them, however few digits there are.
pub fn find_typed_lookalike(text: &str) -> Option<Lookalike> {
    let normalized = normalize(text);
    let typed = normalized
        .chars()
        .all(|c| c.is_ascii_digit() || is_separator(c) || digit_lookalike(c).is_some());
    if !typed || !normalized.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (at, letter) = normalized
        .char_indices()
        .find(|&(_, c)| digit_lookalike(c).is_some())?;
    let substituted: String = normalized
        .chars()
        .map(|c| digit_lookalike(c).unwrap_or(c))
        .collect();
    Some(Lookalike {
        letter,
        digit: digit_lookalike(letter)?,
        index: normalized[..at].bytes().filter(u8::is_ascii_digit).count(),
        run: all_digits(&substituted),
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
