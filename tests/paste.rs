//! The Confirmation ID copied from the portal (or anywhere) and pasted back, in every shape a
//! copy gives: the one reading the window's paste and the command line share.

use activation_companion::id::{CidFormat, IdKind, IdProblem, read_confirmation_id};

/// A published Windows 7 Confirmation ID, every block consistent.
const CID: &str = "426296483130829081394993064403777482905722580616";
/// A published Windows XP-era Confirmation ID (7 blocks, A-G).
const XP_CID: &str = "154814744406423500209405874111676042686055";

fn blocks(digits: &str) -> Vec<&str> {
    (0..digits.len() / 6)
        .map(|b| &digits[b * 6..b * 6 + 6])
        .collect()
}

fn letter(n: usize) -> char {
    char::from(b'A' + n as u8)
}

/// Full-width digits, as Japanese input writes them.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - u32::from(b'0') + 0xFF10).unwrap(),
            c => c,
        })
        .collect()
}

/// Every shape the copy of one Confirmation ID comes in.
fn shapes(digits: &str) -> Vec<(&'static str, String)> {
    let blocks = blocks(digits);
    let labelled = |separator: &str, between: &str| {
        blocks
            .iter()
            .enumerate()
            .map(|(n, b)| format!("{}{separator}{b}", letter(n)))
            .collect::<Vec<_>>()
            .join(between)
    };
    vec![
        ("one run of digits", digits.to_string()),
        ("blocks with dashes", blocks.join("-")),
        ("blocks with spaces", blocks.join(" ")),
        ("blocks on lines", blocks.join("\r\n")),
        ("labelled A: B: ...", labelled(": ", " ")),
        (
            "a copied table: letters over blocks",
            format!(
                "{}\n{}\n",
                (0..blocks.len())
                    .map(letter)
                    .map(String::from)
                    .collect::<Vec<_>>()
                    .join("\t"),
                blocks.join("\t")
            ),
        ),
        ("a copied table: a row per block", labelled("\t", "\n")),
        ("full-width digits", full_width(&blocks.join(" "))),
        (
            "the portal's page around it",
            format!(
                "Confirmation ID\n{}\nEnter the Confirmation ID on your device.",
                labelled("\t", "\n")
            ),
        ),
        (
            "the same ID twice (a table and its digits)",
            format!("{}\n\n{digits}", labelled(" ", "  ")),
        ),
    ]
}

#[test]
fn every_shape_of_a_copy_gives_the_one_confirmation_id() {
    for (digits, format) in [
        (CID, CidFormat::EightBlocks),
        (XP_CID, CidFormat::SevenBlocks),
    ] {
        for (shape, text) in shapes(digits) {
            let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
            assert_eq!(cid.digits(), digits, "{shape}: {text:?}");
            assert_eq!(cid.format(), Some(format), "{shape}");
            assert!(cid.is_valid(), "{shape}");
        }
    }
}

#[test]
fn a_misheard_block_is_found_and_named_whatever_the_shape() {
    let misheard = CID.replacen("829081", "829082", 1);
    for (shape, text) in shapes(&misheard) {
        let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
        assert_eq!(cid.bad_blocks(), vec!['C'], "{shape}");
    }
}

#[test]
fn text_with_two_different_ids_or_none_gives_none() {
    let other = CID.replacen("426296", "154814", 1);
    for text in [
        format!("{CID}\n\n{other}"),
        format!(
            "A: {} ...\n\nA: {} ...",
            blocks(CID).join(" "),
            blocks(&other).join(" ")
        ),
    ] {
        assert_eq!(
            read_confirmation_id(&text),
            Err(IdProblem::SeveralDifferent {
                kind: IdKind::Confirmation,
                count: 2
            }),
            "{text}"
        );
    }
    for text in [
        "",
        "Thank you for activating.",
        "Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c",
    ] {
        assert_eq!(
            read_confirmation_id(text),
            Err(IdProblem::NotFound {
                kind: IdKind::Confirmation
            }),
            "{text}"
        );
    }
}

#[test]
fn a_letter_for_a_digit_is_named_not_taken() {
    let text = blocks(CID).join("-").replacen("829081", "829O81", 1);
    assert_eq!(
        read_confirmation_id(&text),
        Err(IdProblem::LookalikeLetter {
            kind: IdKind::Confirmation,
            part: "C".into(),
            letter: 'O',
            digit: '0'
        })
    );
}
