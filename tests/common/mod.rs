//! Shared by the integration tests: the published samples and the ways people paste them.

#![allow(dead_code)]

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Sample {
    pub kind: String,
    pub product: String,
    pub value: String,
    pub expect_valid: bool,
}

/// `tests/fixtures/id-samples.json`, a copy of the shared published samples.
pub fn samples() -> Vec<Sample> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/id-samples.json"
    ))
    .expect("the samples fixture is in the repository");
    serde_json::from_str(&text).expect("the samples fixture is valid JSON")
}

/// The digits of the samples of `kind` ("iid" or "cid") that are valid.
pub fn valid_samples(kind: &str) -> Vec<String> {
    let valid: Vec<String> = samples()
        .iter()
        .filter(|s| s.kind == kind && s.expect_valid)
        .map(|s| digits(&s.value))
        .collect();
    assert!(valid.len() >= 2, "the fixture holds valid {kind} samples");
    valid
}

/// Words for the people who make the tables and the code, never for a Japanese user: phone
/// numbering and source jargon, file names, 「報告ベース」 (say who reported it), backticks.
pub const NOT_FOR_USERS: &[&str] = &[
    "プロジェクト",
    ".md",
    "報告ベース",
    "E.164",
    "ITFS",
    "UIFN",
    "libphonenumber",
    "pastebin",
    "MicrosoftDocs",
    "`",
];

/// Fails on the first text that holds a word of [`NOT_FOR_USERS`], naming where it is.
pub fn assert_nothing_for_maintainers<P: std::fmt::Display, T: AsRef<str>>(
    texts: impl IntoIterator<Item = (P, T)>,
) {
    for (place, text) in texts {
        let text = text.as_ref();
        for word in NOT_FOR_USERS {
            assert!(!text.contains(word), "{place}: {word:?} in {text}");
        }
    }
}

pub fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

/// Splits digits into the groups of their format (the last group takes the rest).
pub fn groups(digits: &str) -> Vec<String> {
    let size = if digits.len() == 63 { 7 } else { 6 };
    digits
        .as_bytes()
        .chunks(size)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect()
}

pub fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            ' ' => '\u{3000}',
            ':' => '：',
            _ => c,
        })
        .collect()
}

// ---- Consistent IDs made up for a test ------------------------------------------------------

/// The check-digit rule written out again, independently of the crate: the sum of the digits
/// weighted 1, 2, 1, 2... from the left, modulo 7.
pub fn check_digit(data: &str) -> char {
    let sum: u32 = data
        .bytes()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 1 } else { 2 })
        .sum();
    char::from(b'0' + (sum % 7) as u8)
}

/// A consistent ID of `groups` groups of `length` digits, different for every `seed`.
pub fn consistent_id(seed: u64, groups: usize, length: usize) -> String {
    (0..groups)
        .map(|g| {
            let data = format!(
                "{:0width$}",
                (seed * 7919 + g as u64 * 104_729) % 10u64.pow(length as u32 - 1),
                width = length - 1
            );
            format!("{data}{}", check_digit(&data))
        })
        .collect()
}

/// A consistent Confirmation ID (8 blocks of 6), different for every `seed`.
pub fn cid(seed: u64) -> String {
    consistent_id(seed, 8, 6)
}

/// A consistent Installation ID (9 groups of 7), different for every `seed`.
pub fn iid(seed: u64) -> String {
    consistent_id(seed, 9, 7)
}

// ---- Recorded script output -------------------------------------------------------------------
//
// The files in `tests/fixtures/windows/`, and the values each holds, so a test can put its own
// values in their place and keep the rest of the recorded text as it is.

/// `slmgr.vbs /dti`: the Installation ID line alone.
pub const SLMGR_DTI_EN: &str = "slmgr_dti_en.txt";
/// The Installation ID `slmgr_dti_en.txt` holds (Windows 11 Pro, a published sample).
pub const SLMGR_DTI_EN_IID: &str =
    "489126343257012289105546522085205332958764158851011127139061121";

/// `slmgr.vbs /dti` run with cscript: the Windows Script Host banner, the Installation ID and
/// the sentence about phone.inf.
pub const SLMGR_DTI_EN_BANNER: &str = "slmgr_dti_en_banner.txt";
/// The Installation ID `slmgr_dti_en_banner.txt` holds.
pub const SLMGR_DTI_EN_BANNER_IID: &str =
    "130096098742538877424757780434931350325192537413574684069762241";

/// `slmgr.vbs /dti` on a Japanese Windows: the Japanese label (with an ASCII colon) and the
/// sentence about phone.inf.
pub const SLMGR_DTI_JA: &str = "slmgr_dti_ja.txt";
/// The Installation ID `slmgr_dti_ja.txt` holds.
pub const SLMGR_DTI_JA_IID: &str =
    "508760583450367066786558223034732344271525457574499727444472481";

/// `slmgr.vbs /dti` run with wscript, its message box copied with Ctrl+C.
pub const SLMGR_DTI_MESSAGE_BOX: &str = "slmgr_dti_message_box.txt";
/// The Installation ID `slmgr_dti_message_box.txt` holds.
pub const SLMGR_DTI_MESSAGE_BOX_IID: &str =
    "489126343257012289105546522085205332958764158851011127139061121";

/// `slmgr.vbs /dlv`: the service version, GUIDs, an Extended PID, the Installation ID between
/// other `Name: value` lines, rearm counts and a date.
pub const SLMGR_DLV: &str = "slmgr_dlv_en.txt";
/// The Installation ID `slmgr_dlv_en.txt` holds.
pub const SLMGR_DLV_IID: &str = "130096098742538877424757780434931350325192537413574684069762241";
/// The Extended PID `slmgr_dlv_en.txt` holds.
pub const SLMGR_DLV_EXTENDED_PID: &str = "03612-04921-000-000001-00-1033-26100.0000-2062025";
/// The Activation ID (a GUID) `slmgr_dlv_en.txt` holds.
pub const SLMGR_DLV_ACTIVATION_ID: &str = "4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c";
/// The product name (`Name:`) `slmgr_dlv_en.txt` holds: the label of its Installation ID.
pub const SLMGR_DLV_NAME: &str = "Windows(R), Professional edition";

/// `ospp.vbs /dinstid` with two Office products, each `Installation ID for: <product>: <IID>`.
pub const OSPP_TWO_PRODUCTS: &str = "ospp_dinstid_two_products.txt";
/// The first product `ospp_dinstid_two_products.txt` holds: the label of the first ID.
pub const OSPP_FIRST_PRODUCT: &str = "Office 16, Office16ProPlusVL_MAK edition";
/// The first Installation ID `ospp_dinstid_two_products.txt` holds.
pub const OSPP_FIRST_IID: &str = "508831629972734709523077637100002144783846185825177198406775204";
/// The second product `ospp_dinstid_two_products.txt` holds: the label of the second ID.
pub const OSPP_SECOND_PRODUCT: &str = "Office 16, Office16VisioProVL_MAK edition";
/// The second Installation ID `ospp_dinstid_two_products.txt` holds.
pub const OSPP_SECOND_IID: &str = "646355660400033504842832215355112068815955740688245380222098326";

/// `tests/fixtures/windows/<name>` as recorded (UTF-8, LF line ends).
pub fn recorded(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `recorded(name)` with other values in place of its own: each `(own, other)` replaces `own`,
/// which must occur exactly once in the fixture, by `other`. All at once, so one `other` is never
/// replaced by a later pair (two products may swap names).
pub fn recorded_with(name: &str, values: &[(&str, &str)]) -> String {
    let text = recorded(name);
    let mut spans: Vec<(usize, usize, &str)> = values
        .iter()
        .map(|&(own, other)| {
            let at: Vec<usize> = text.match_indices(own).map(|(at, _)| at).collect();
            assert_eq!(at.len(), 1, "{name} holds {own:?} exactly once");
            (at[0], at[0] + own.len(), other)
        })
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (start, end, other) in spans {
        assert!(start >= done, "{name}: the values to replace overlap");
        out.push_str(&text[done..start]);
        out.push_str(other);
        done = end;
    }
    out.push_str(&text[done..]);
    out
}

/// Windows line ends, as the console and the clipboard give them.
pub fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// The ways an ID reaches the tool, each with the ID's digits in it exactly once.
pub fn wrappings(digits: &str) -> Vec<(&'static str, String)> {
    let grouped = groups(digits);
    vec![
        (
            "slmgr /dti",
            crlf(&recorded_with(
                SLMGR_DTI_EN_BANNER,
                &[(SLMGR_DTI_EN_BANNER_IID, digits)],
            )),
        ),
        (
            "slmgr /dlv",
            recorded_with(SLMGR_DLV, &[(SLMGR_DLV_IID, digits)]),
        ),
        (
            "message box",
            recorded_with(
                SLMGR_DTI_MESSAGE_BOX,
                &[(SLMGR_DTI_MESSAGE_BOX_IID, digits)],
            ),
        ),
        (
            "Japanese full-width",
            full_width(&recorded_with(
                SLMGR_DTI_JA,
                &[(SLMGR_DTI_JA_IID, &grouped.join(" "))],
            )),
        ),
        ("grouped with dashes", grouped.join("-")),
        ("grouped across lines", grouped.join("\n")),
        ("grouped across CRLF lines", grouped.join("\r\n")),
    ]
}

/// `ospp.vbs /dinstid` output with two products, the first carrying `first`.
pub fn ospp_two_products(first: &str, second: &str) -> String {
    recorded_with(
        OSPP_TWO_PRODUCTS,
        &[(OSPP_FIRST_IID, first), (OSPP_SECOND_IID, second)],
    )
}

// ---- The portal's result card and numbered fields, as a browser copies them -----------------

/// Labels over their parts in rows of `row`: a row's labels joined by `cell`, then `gap`, then
/// its parts joined by `cell`; the rows one a line. Rows of 5 with `\t` are the portal's card
/// (A-E, then F-H); rows of 1 with gap `" "` are `A 426296`, a line each.
pub fn labelled_rows(
    labels: &[String],
    parts: &[String],
    row: usize,
    cell: &str,
    gap: &str,
) -> String {
    labels
        .chunks(row)
        .zip(parts.chunks(row))
        .map(|(labels, parts)| format!("{}{gap}{}", labels.join(cell), parts.join(cell)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the portal's card says around the blocks: its heading (product and version), the ID's
/// name, and the buttons below.
pub struct Card {
    pub heading: &'static str,
    pub name: &'static str,
    pub buttons: &'static str,
}

pub const JAPANESE_CARD: Card = Card {
    heading: "Windows 10 — 成功です。✓",
    name: "確認 ID",
    buttons: "スクリーンショットを撮る\n続ける",
};

pub const ENGLISH_CARD: Card = Card {
    heading: "Windows 10 — Success.",
    name: "Confirmation ID",
    buttons: "Take a screenshot\nContinue",
};

impl Card {
    /// The whole card around `body`, under `heading` if one is given (else the card's own).
    pub fn around(&self, heading: Option<&str>, body: &str) -> String {
        let heading = heading.unwrap_or(self.heading);
        format!("{heading}\n{}\n{body}\n{}\n", self.name, self.buttons)
    }
}

/// A Confirmation ID's blocks as a browser copies the card: the labels in rows of five (A-E,
/// then F-H) or one row, above their blocks or beside them, with tabs, spaces or lines between.
pub fn card_layouts(digits: &str) -> Vec<(&'static str, String)> {
    let blocks = groups(digits);
    let letters: Vec<String> = ('A'..='H').take(blocks.len()).map(String::from).collect();
    let rows = |row: usize, cell: &str, gap: &str| labelled_rows(&letters, &blocks, row, cell, gap);
    vec![
        ("labels A-E then F-H above, tabs", rows(5, "\t", "\n")),
        ("labels A-E then F-H above, spaces", rows(5, " ", "\n")),
        (
            "labels A-E then F-H above, blank lines",
            rows(5, "\t", "\n").replace('\n', "\n\n"),
        ),
        ("each cell on its own line", rows(5, "\n", "\n")),
        ("labels in one row above", rows(8, "\t", "\n")),
        ("each label above its block", rows(1, "", "\n")),
        ("label and block: A 426296", rows(1, "", " ")),
        ("label and block: A: 426296", rows(1, "", ": ")),
        ("label and block: A-426296", rows(1, "", "-")),
        ("label and block: A<TAB>426296", rows(1, "", "\t")),
    ]
}

/// An Installation ID from a form of nine numbered fields, as copied: each number before its
/// group (on its own line, or with a space, a tab or brackets), or the numbers in a row above.
pub fn numbered_fields(digits: &str) -> Vec<(&'static str, String)> {
    let groups = groups(digits);
    let numbers: Vec<String> = (1..=groups.len()).map(|n| n.to_string()).collect();
    let bracketed: Vec<String> = numbers.iter().map(|n| format!("({n})")).collect();
    let each = |gap: &str| labelled_rows(&numbers, &groups, 1, "", gap);
    vec![
        ("the number on its own line", each("\n")),
        ("1 4891263", each(" ")),
        ("1<TAB>4891263", each("\t")),
        (
            "(1) 4891263",
            labelled_rows(&bracketed, &groups, 1, "", " "),
        ),
        (
            "the numbers in a row above",
            labelled_rows(&numbers, &groups, groups.len(), "\t", "\n"),
        ),
    ]
}

// ---- Activations made up for a test ----------------------------------------------------------

/// An activation of these IDs (digits, grouped or not) with this outcome, `seconds` after the
/// epoch; give it a product with [`Activation::of_product`].
pub fn activation(
    seconds: u64,
    installation_id: &str,
    confirmation_id: &str,
    outcome: activation_companion::record::Outcome,
) -> activation_companion::record::Activation {
    activation_companion::record::Activation::of(
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds),
        &activation_companion::id::InstallationId::from_typed(installation_id),
        &activation_companion::id::ConfirmationId::from_typed(confirmation_id),
        outcome,
    )
}

/// The record of the data folder `home`, as the app reads it.
pub fn record_in(home: &std::path::Path) -> activation_companion::record::ActivationRecord {
    activation_companion::record::RecordStore::in_dir(home)
        .load()
        .expect("the record in the data folder reads")
}

/// The activations in the record of the data folder `home`.
pub fn recorded_in(home: &std::path::Path) -> Vec<activation_companion::record::Activation> {
    record_in(home).activations
}
