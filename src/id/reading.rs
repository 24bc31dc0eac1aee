//! What a text holds of each ID: the one reading behind the command line and the window, so
//! the same text gets the same answer everywhere.

use super::confirmation::ConfirmationId;
use super::extract;
use super::format::{CidFormat, IidFormat};
use super::installation::InstallationId;
use super::lookalike::{lookalike_letter, typed_lookalike_letter};
use super::normalize;
use super::problem::{IdKind, IdProblem};

/// The Installation IDs in a text, as [`read_installation_ids`] finds them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InstallationIds {
    /// In order of appearance, valid or not.
    pub ids: Vec<InstallationId>,
    /// The text is an ID being typed: nothing but digits and separators, too few digits to be
    /// ID-like, so `ids` holds the one ID they make so far.
    pub typed: bool,
    /// A slip the reading found, said instead of what was found: a letter where a digit
    /// belongs (`O` for 0), or letters and digits beside an ID on its line that it did not use
    /// (`IdProblem::Beside`). Looked for always, valid IDs or not: an ID that a slip cut short
    /// is never offered as the ID.
    pub slip: Option<IdProblem>,
    /// An ID was found more than once (pasted twice): `ids` holds it once.
    pub repeated: bool,
    /// No ID was found, but a whole one's worth of groups was seen (`IdProblem::Unmatched`).
    pub unmatched: Option<IdProblem>,
}

impl InstallationIds {
    /// What stops the text from giving an ID at all: a slip, a whole ID's worth of groups
    /// that could not be read as one, or nothing found.
    pub fn problem(&self) -> Option<IdProblem> {
        if let Some(problem) = self.slip.as_ref().or(self.unmatched.as_ref()) {
            return Some(problem.clone());
        }
        self.ids.is_empty().then_some(IdProblem::NotFound {
            kind: IdKind::Installation,
        })
    }

    /// Every ID found, and every group of each, consistent, and no slip beside them.
    pub fn all_valid(&self) -> bool {
        self.slip.is_none() && !self.ids.is_empty() && self.ids.iter().all(InstallationId::is_valid)
    }
}

/// Every Installation ID in a paste (slmgr or ospp output, a message box, typed groups), or
/// the one being typed when the text is nothing but digits and separators.
pub fn read_installation_ids(text: &str) -> InstallationIds {
    let runs = extract::find_runs(text);
    let count = runs.len();
    let beside = first_beside(&runs, IdKind::Installation);
    let mut ids = distinct(
        runs.into_iter().map(InstallationId::from_run),
        InstallationId::digits,
    );
    let repeated = ids.len() < count;
    let typed = ids.is_empty() && is_typed_digits(text);
    if typed {
        ids.push(InstallationId::from_typed(text));
    }
    let unmatched = ids
        .is_empty()
        .then(|| unmatched(text, IdKind::Installation))
        .flatten();
    InstallationIds {
        ids,
        typed,
        slip: lookalike(text, IdKind::Installation).or(beside),
        repeated,
        unmatched,
    }
}

/// The Confirmation ID a text holds, in any format: see [`read_confirmation_id_in`].
pub fn read_confirmation_id(text: &str) -> Result<ConfirmationId, IdProblem> {
    read_confirmation_id_in(text, &CidFormat::ALL)
}

/// The Confirmation ID a text holds: a run of 48 digits, blocks with dashes or spaces, blocks
/// labelled A-H, a copied table, full-width digits. The same ID written twice counts once.
/// Only `formats` are whole IDs (the Installation ID it answers decides; a block dropped from
/// eight leaves a perfect seven): another format's length is the wrong length.
///
/// `Ok` is the ID as found, which may still be mistyped or of the wrong length (see
/// [`ConfirmationId::problem`]). `Err` when the text gives no ID to show: nothing found, a
/// letter where a digit belongs, letters or digits beside the ID on its line that it did not
/// use, or several different IDs (which one is meant cannot be told).
pub fn read_confirmation_id_in(
    text: &str,
    formats: &'static [CidFormat],
) -> Result<ConfirmationId, IdProblem> {
    let runs = extract::find_runs(text);
    let beside = first_beside(&runs, IdKind::Confirmation);
    let found = distinct(
        runs.into_iter().map(ConfirmationId::from_run),
        ConfirmationId::digits,
    );
    if let Some(slip) = lookalike(text, IdKind::Confirmation).or(beside) {
        return Err(slip);
    }
    let (whole, other): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|cid| CidFormat::for_digit_count(cid.digits().len()).is_some());
    let reading = match (whole.len(), other.len()) {
        (1, _) => whole.into_iter().next(),
        (0, 1) => other.into_iter().next(),
        (0, 0) if is_typed_digits(text) => Some(ConfirmationId::from_typed(text)),
        (0, 0) => None,
        (0, count) | (count, _) => {
            return Err(IdProblem::SeveralDifferent {
                kind: IdKind::Confirmation,
                count,
            });
        }
    };
    let cid = reading.ok_or_else(|| {
        unmatched(text, IdKind::Confirmation).unwrap_or(IdProblem::NotFound {
            kind: IdKind::Confirmation,
        })
    })?;
    Ok(cid.in_formats(formats))
}

/// A letter where a digit belongs, in an ID-like run or in a field being typed.
fn lookalike(text: &str, kind: IdKind) -> Option<IdProblem> {
    lookalike_letter(text, kind).or_else(|| typed_lookalike_letter(text, kind))
}

/// What stands beside the first run that has something beside it.
fn first_beside(runs: &[extract::DigitRun], kind: IdKind) -> Option<IdProblem> {
    let text = runs.iter().find_map(|run| run.beside.clone())?;
    Some(IdProblem::Beside { kind, text })
}

/// For a text in which no ID was found: the problem saying what was seen, when it holds as many
/// groups (or blocks) of one size as a format of the ID has.
fn unmatched(text: &str, kind: IdKind) -> Option<IdProblem> {
    let layouts: Vec<&[usize]> = match kind {
        IdKind::Installation => IidFormat::ALL.map(IidFormat::group_lengths).to_vec(),
        IdKind::Confirmation => CidFormat::ALL.map(CidFormat::block_lengths).to_vec(),
    };
    let seen = extract::seen(text);
    layouts.into_iter().find_map(|layout| {
        let &size = layout.first()?;
        let uniform = layout.iter().all(|&length| length == size);
        (uniform && seen.pieces.get(size) == Some(&layout.len())).then(|| IdProblem::Unmatched {
            kind,
            digits: size * layout.len(),
            parts: layout.len(),
            labelled: seen.labelled,
        })
    })
}

/// The same digits found twice (a table and its digits-only line, a paste pasted again) are
/// one ID: the first.
fn distinct<Id>(ids: impl Iterator<Item = Id>, digits: fn(&Id) -> &str) -> Vec<Id> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| seen.insert(digits(id).to_string()))
        .collect()
}

/// Text that is an ID being typed: some digit (full-width ones too) and no letter of any
/// script, so nothing but digits, separators and punctuation.
fn is_typed_digits(text: &str) -> bool {
    !text.chars().any(char::is_alphabetic)
        && text.chars().any(|c| {
            c.is_ascii_digit()
                || ('\u{FF10}'..='\u{FF19}').contains(&c)
                || normalize::other_script_digit(c).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CID: &str = "426296483130829081394993064403777482905722580616";

    #[test]
    fn the_first_groups_typed_are_one_short_id() {
        let reading = read_installation_ids("4891263 4325701");
        assert!(reading.typed);
        assert_eq!(reading.ids.len(), 1);
        assert_eq!(
            reading.ids[0].problem(),
            Some(IdProblem::WrongLength {
                kind: IdKind::Installation,
                found: 14,
                expected: &[63, 54, 50],
                first_bad: None,
            })
        );
        // Words around digits are not an ID being typed.
        let reading = read_installation_ids("call 4891263");
        assert!(!reading.typed && reading.ids.is_empty());
        assert_eq!(
            reading.problem(),
            Some(IdProblem::NotFound {
                kind: IdKind::Installation
            })
        );
    }

    #[test]
    fn one_confirmation_id_in_any_shape() {
        let blocks: Vec<&str> = (0..8).map(|b| &CID[b * 6..b * 6 + 6]).collect();
        let table: String = blocks
            .iter()
            .enumerate()
            .map(|(i, b)| format!("{}\t{b}\n", char::from(b'A' + i as u8)))
            .collect();
        for text in [
            CID.to_string(),
            blocks.join("-"),
            blocks.join(" "),
            table.clone(),
            format!("{table}\n{CID}"),
        ] {
            let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(cid.digits(), CID, "{text}");
        }
    }

    #[test]
    fn the_same_id_pasted_twice_in_a_row_is_read_once() {
        let grouped: Vec<&str> = (0..8).map(|b| &CID[b * 6..b * 6 + 6]).collect();
        let grouped = grouped.join("-");
        for twice in [
            format!("{grouped}-{grouped}"),
            format!("{grouped} {grouped}"),
            format!("{CID}{CID}"),
            format!("{CID}{CID}{CID}"),
        ] {
            let cid = read_confirmation_id(&twice).unwrap_or_else(|e| panic!("{twice}: {e:?}"));
            assert_eq!(cid.digits(), CID, "{twice}");
        }
        let iid = "489126343257012289105546522085205332958764158851011127139061121";
        for twice in [format!("{iid}{iid}"), format!("{iid}\n{iid}")] {
            let reading = read_installation_ids(&twice);
            assert_eq!(reading.ids.len(), 1, "{twice}");
            assert_eq!(reading.ids[0].digits(), iid);
            assert!(reading.repeated && reading.all_valid(), "{twice}");
        }
        // Two different IDs run together are not copies: still one run of their length.
        let other = CID.replace("426296", "154814");
        let reading = read_confirmation_id(&format!("{CID}{other}")).unwrap();
        assert_eq!(reading.digits().len(), 96);
        assert!(!read_installation_ids(iid).repeated);
    }

    #[test]
    fn two_different_ids_or_none_are_said() {
        let other = CID.replace("426296", "154814");
        assert_eq!(
            read_confirmation_id(&format!("{CID}\n\n{other}")),
            Err(IdProblem::SeveralDifferent {
                kind: IdKind::Confirmation,
                count: 2
            })
        );
        assert_eq!(
            read_confirmation_id("no digits here"),
            Err(IdProblem::NotFound {
                kind: IdKind::Confirmation
            })
        );
        // A whole ID beside a stray number: the whole one.
        let with_iid =
            format!("489126343257012289105546522085205332958764158851011127139061121\n\n{CID}");
        assert_eq!(read_confirmation_id(&with_iid).unwrap().digits(), CID);
    }

    /// The shrunk cases the generator of one slip found (tests/engine/properties.rs): each left a
    /// valid ID of other digits, or of another format, and a part unread beside it.
    #[test]
    fn slips_the_generator_found_are_named() {
        let seven = |last: &str| format!("{}\n{last}", ["000000"; 7].join("\n"));
        let labelled = |last: &str| {
            let blocks: Vec<String> = (0..7)
                .map(|i| format!("{}: 000000", char::from(b'A' + i)))
                .collect();
            format!("{}\n{last}", blocks.join("\n"))
        };
        for (text, slip) in [
            (seven("J00000"), "J00000"),
            (labelled("H: A00000"), "H: A00000"),
            (
                "0000000 000000 000000 000000 000000 000000 000000 000000".to_string(),
                "0000000",
            ),
        ] {
            assert_eq!(
                read_confirmation_id(&text),
                Err(IdProblem::Beside {
                    kind: IdKind::Confirmation,
                    text: slip.to_string()
                }),
                "{text}"
            );
        }
        // A group written twice under a number of its own (10) makes the ID too long.
        let numbered: Vec<String> = (1..=9).map(|n| format!("{n}: 000000")).collect();
        let reading = read_installation_ids(&format!("{}\n10: 11", numbered.join("\n")));
        assert!(!reading.all_valid(), "{reading:?}");
        // A letter glued to a 50-digit prefix of a 54-digit ID.
        let nine_by_six = "000000".repeat(9);
        let reading =
            read_installation_ids(&format!("{}O{}", &nine_by_six[..50], &nine_by_six[51..]));
        assert!(
            reading.slip.is_some() && !reading.all_valid(),
            "{reading:?}"
        );
    }
}
