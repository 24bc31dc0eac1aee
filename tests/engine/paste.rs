//! The Confirmation ID copied from the portal (or anywhere) and pasted back, in every shape a
//! copy gives: the one reading the window's paste and the command line share.

use crate::common;

use activation_companion::id::{
    CidFormat, IdKind, IdProblem, read_confirmation_id, read_installation_ids,
};
use common::{Card, ENGLISH_CARD, JAPANESE_CARD, card_layouts, numbered_fields};

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

// ---- The portal's result card, and numbered Installation ID fields ---------------------------

/// A published Windows 11 Installation ID (9 groups of 7), every group consistent.
const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";

/// Headings whose digits must never become a block or a group: a version, a build, a year,
/// and six (or seven) digits that pass their check digit as a block (or group) would.
const HEADINGS: [&str; 6] = [
    "Windows 11 Version 24H2 (OS Build 26100.2605)",
    "Office 2021",
    "Windows 10 version 22H2",
    "Windows 10 Build 190443",
    "Windows 11 Build 2610001",
    "Windows 11 バージョン 24H2 (OS ビルド 26100.2605)",
];

#[test]
fn the_heading_digits_in_these_tests_pass_as_a_block_and_a_group() {
    use activation_companion::id::check_digit::group_is_consistent;
    assert!(group_is_consistent(b"190443"));
    assert!(group_is_consistent(b"2610001"));
}

/// The whole card around each layout, in `card`'s words, under `heading` if one is given
/// (else the card's own).
fn cards(card: &Card, heading: Option<&str>, digits: &str) -> Vec<(String, String)> {
    card_layouts(digits)
        .into_iter()
        .map(|(layout, body)| {
            (
                format!("{layout} under {heading:?}"),
                card.around(heading, &body),
            )
        })
        .collect()
}

#[test]
fn the_portals_card_as_copied_gives_its_confirmation_id() {
    for (digits, format) in [
        (CID, CidFormat::EightBlocks),
        (XP_CID, CidFormat::SevenBlocks),
    ] {
        for card in [&JAPANESE_CARD, &ENGLISH_CARD] {
            let headings = std::iter::once(None).chain(HEADINGS.map(Some));
            for heading in headings {
                for (shape, text) in cards(card, heading, digits) {
                    let cid =
                        read_confirmation_id(&text).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
                    assert_eq!(cid.digits(), digits, "{shape}: {text}");
                    assert_eq!(cid.format(), Some(format), "{shape}");
                }
            }
        }
    }
}

#[test]
fn a_misheard_block_on_the_card_is_named() {
    let misheard = CID.replacen("829081", "829082", 1);
    for card in [&JAPANESE_CARD, &ENGLISH_CARD] {
        for (shape, text) in cards(card, None, &misheard) {
            let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
            assert_eq!(cid.bad_blocks(), vec!['C'], "{shape}");
        }
    }
}

/// Digits in another script, which NFKC leaves as they are.
fn in_script(digits: &str, zero: char) -> String {
    digits
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero as u32 + (c as u32 - u32::from(b'0'))).unwrap(),
            c => c,
        })
        .collect()
}

#[test]
fn arabic_indic_digits_are_digits() {
    for zero in ['\u{0660}', '\u{06F0}'] {
        for (shape, text) in cards(&ENGLISH_CARD, None, CID) {
            let text = in_script(&text, zero);
            let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
            assert_eq!(cid.digits(), CID, "{shape}: {text}");
        }
        let typed = in_script(&blocks(CID).join(" "), zero);
        assert_eq!(read_confirmation_id(&typed).unwrap().digits(), CID);
        let iid = read_installation_ids(&in_script(IID, zero));
        assert_eq!(iid.ids.len(), 1);
        assert_eq!(iid.ids[0].digits(), IID);
    }
}

/// Blocks one a line under a heading whose six digits pass as a block: the heading's number
/// and the seven blocks of an XP-era ID made 48 "consistent" digits, an ID never given.
#[test]
fn a_headings_number_never_becomes_a_ninth_block() {
    for digits in [CID, XP_CID] {
        for heading in HEADINGS {
            for gap in ["\n", "\t", " "] {
                let text = format!("{heading}\n{}\n", blocks(digits).join(gap));
                let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                assert_eq!(cid.digits(), digits, "{text}");
            }
        }
    }
}

const IID_HEADINGS: [&str; 4] = [
    "Office 2021",
    "Windows 11 Version 24H2 (OS Build 26100.2605)",
    "Windows 11 Build 2610001",
    "インストール ID（Windows 11 バージョン 24H2）",
];

#[test]
fn numbered_fields_give_the_installation_id_under_any_heading() {
    for heading in IID_HEADINGS {
        for (shape, body) in numbered_fields(IID) {
            for text in [body.clone(), format!("{heading}\n{body}\n")] {
                let reading = read_installation_ids(&text);
                let digits: Vec<&str> = reading.ids.iter().map(|id| id.digits()).collect();
                assert_eq!(digits, [IID], "{shape}: {text}");
                assert!(reading.all_valid(), "{shape}");
            }
        }
    }
}

#[test]
fn a_mistyped_numbered_field_blames_its_own_group_only() {
    let mistyped = IID.replacen("5465220", "5465221", 1);
    for (shape, body) in numbered_fields(&mistyped) {
        let text = format!("Office 2021\n{body}\n");
        let reading = read_installation_ids(&text);
        assert_eq!(reading.ids.len(), 1, "{shape}");
        assert_eq!(reading.ids[0].digits(), mistyped, "{shape}");
        assert_eq!(reading.ids[0].bad_groups(), vec![4], "{shape}");
    }
}

/// Groups one a line under a heading whose seven digits pass as a group: the heading's number
/// and the first eight groups made a "consistent" ID, an ID never given.
#[test]
fn a_headings_number_never_becomes_a_tenth_group() {
    let groups: Vec<&str> = (0..9).map(|g| &IID[g * 7..g * 7 + 7]).collect();
    for heading in IID_HEADINGS {
        for gap in ["\n", " ", "-"] {
            let text = format!("{heading}\n{}\n", groups.join(gap));
            let reading = read_installation_ids(&text);
            let digits: Vec<&str> = reading.ids.iter().map(|id| id.digits()).collect();
            assert_eq!(digits, [IID], "{text}");
        }
    }
    // Ten such groups each on a line of its own: which nine are the ID cannot be told, so
    // none is offered as consistent.
    let ten = format!("2610001\n{}", groups.join("\n"));
    let reading = read_installation_ids(&ten);
    assert!(!reading.all_valid(), "{:?}", reading.ids);
    let ten_on_a_line = format!("ID: 2610001 {}", groups.join(" "));
    assert!(!read_installation_ids(&ten_on_a_line).all_valid());
}

/// A block whose label is missing from the card: which blocks the labels name cannot be told,
/// so the seven labelled ones are not taken for an XP-era ID (block H dropped).
#[test]
fn a_block_whose_label_was_lost_is_never_dropped() {
    let lost_h = "A B C D E\n426296 483130 829081 394993 064403\nF G\n777482 905722 580616";
    for text in [
        lost_h.to_string(),
        ENGLISH_CARD.around(None, lost_h),
        lost_h
            .replace("F G", "F: 777482 G:")
            .replace("\n777482", ""),
    ] {
        assert!(read_confirmation_id(&text).is_err(), "{text}");
    }
}

/// What looks like a whole ID but cannot be read is said as what was seen, not as nothing.
#[test]
fn a_whole_id_that_cannot_be_read_says_what_was_seen() {
    let shuffled =
        "A: 426296 C: 829081 B: 483130 D: 394993 E: 064403 F: 777482 G: 905722 H: 580616";
    assert_eq!(
        read_confirmation_id(shuffled),
        Err(IdProblem::Unmatched {
            kind: IdKind::Confirmation,
            digits: 48,
            parts: 8,
            labelled: true,
        })
    );
    let between = blocks(CID).join(" and then ");
    assert_eq!(
        read_confirmation_id(&between),
        Err(IdProblem::Unmatched {
            kind: IdKind::Confirmation,
            digits: 48,
            parts: 8,
            labelled: false,
        })
    );
    let groups: Vec<String> = (0..9)
        .map(|g| {
            format!(
                "{}: {}",
                [1, 2, 3, 5, 4, 6, 7, 8, 9][g],
                &IID[g * 7..g * 7 + 7]
            )
        })
        .collect();
    assert_eq!(
        read_installation_ids(&format!("Office 2021\n{}", groups.join("\n"))).problem(),
        Some(IdProblem::Unmatched {
            kind: IdKind::Installation,
            digits: 63,
            parts: 9,
            labelled: true,
        })
    );
}
