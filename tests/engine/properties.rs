//! Properties of the ID engine over generated IDs, checked against the check-digit rule (the
//! last digit of every group is the sum of the other digits weighted 1, 2, 1, 2… from the left,
//! modulo 7) written out again here, so a mistake in the engine's own rule cannot hide in the
//! test. The script output the IDs are pasted in is the recorded output in
//! `tests/fixtures/windows/`, with the generated values in place of its own.

use crate::common;

use activation_companion::id::{
    CidFormat, ConfirmationId, IdKind, IdProblem, IidFormat, InstallationId, find_installation_ids,
    read_confirmation_id, read_confirmation_id_in, read_installation_ids,
};
use activation_companion::{Language, Localized};
use proptest::prelude::*;
use proptest::test_runner::Config;

use common::{crlf, recorded_with};

// ---------------------------------------------------------------------------------------------
// The rule, independently: the last digit of a group is the sum of its other digits, weighted
// 1, 2, 1, 2, … from the left (restarting in every group), modulo 7.

/// Check digit (0–6) for data digit values (0–9).
fn rule_check(data: &[u8]) -> u8 {
    let odd: u32 = data.iter().step_by(2).map(|&d| u32::from(d)).sum();
    let even: u32 = data.iter().skip(1).step_by(2).map(|&d| u32::from(d)).sum();
    ((odd + 2 * even) % 7) as u8
}

/// Whether a group of digit values passes the rule.
fn rule_passes(group: &[u8]) -> bool {
    let (last, data) = group.split_last().expect("a group has digits");
    !data.is_empty() && *last == rule_check(data)
}

/// One generated ID: its groups (IID) or blocks (CID) as digit values.
#[derive(Debug, Clone)]
struct Generated {
    groups: Vec<Vec<u8>>,
}

impl Generated {
    fn group_strings(&self) -> Vec<String> {
        self.groups
            .iter()
            .map(|g| g.iter().map(|d| char::from(b'0' + d)).collect())
            .collect()
    }

    fn digits(&self) -> String {
        self.group_strings().concat()
    }

    fn joined(&self, separator: &str) -> String {
        self.group_strings().join(separator)
    }

    fn digit_count(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }
}

const IID_LAYOUTS: [(&[usize], IidFormat); 3] = [
    (&[7; 9], IidFormat::NineGroupsOfSeven),
    (&[6; 9], IidFormat::NineGroupsOfSix),
    (
        &[6, 6, 6, 6, 6, 6, 6, 6, 2],
        IidFormat::EightGroupsOfSixAndTwo,
    ),
];

const CID_LAYOUTS: [(&[usize], CidFormat); 2] = [
    (&[6; 8], CidFormat::EightBlocks),
    (&[6; 7], CidFormat::SevenBlocks),
];

/// Random data digits per group, then the check digit computed by `rule_check`.
fn valid_groups(lengths: &'static [usize]) -> impl Strategy<Value = Generated> {
    lengths
        .iter()
        .map(|&n| proptest::collection::vec(0u8..10, n - 1))
        .collect::<Vec<_>>()
        .prop_map(|data| Generated {
            groups: data
                .into_iter()
                .map(|mut g| {
                    let check = rule_check(&g);
                    g.push(check);
                    g
                })
                .collect(),
        })
}

fn valid_iid() -> impl Strategy<Value = (Generated, IidFormat)> {
    (0..IID_LAYOUTS.len()).prop_flat_map(|i| {
        let (lengths, format) = IID_LAYOUTS[i];
        valid_groups(lengths).prop_map(move |g| (g, format))
    })
}

fn valid_cid() -> impl Strategy<Value = (Generated, CidFormat)> {
    (0..CID_LAYOUTS.len()).prop_flat_map(|i| {
        let (lengths, format) = CID_LAYOUTS[i];
        valid_groups(lengths).prop_map(move |g| (g, format))
    })
}

/// An Extended PID shaped like `03612-04921-000-000001-00-1033-26100.0000-2062025`.
fn extended_pid() -> impl Strategy<Value = String> {
    "[0-9]{5}-[0-9]{5}-[0-9]{3}-[0-9]{6}-[0-9]{2}-[0-9]{4}-[0-9]{5}\\.[0-9]{4}-[0-9]{7}"
}

/// A GUID such as `4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c` (random hex, so some groups are all
/// digits or end in digits).
fn guid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
}

const OFFICE_LABELS: [&str; 4] = [
    "Office 16, Office16ProPlusVL_MAK edition",
    "Office 16, Office16VisioProVL_MAK edition",
    "Office 16, Office16ProjectProVL_KMS_Client edition",
    "Office 15, OfficeStandardVL_MAK edition",
];

/// Full-width digits (U+FF10…), ideographic spaces (U+3000), full-width hyphens and colons.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap(),
            ' ' => '\u{3000}',
            '-' => '\u{FF0D}',
            ':' => '\u{FF1A}',
            _ => c,
        })
        .collect()
}

/// Every way the ID's digits are rendered: (name, text).
fn renderings(id: &Generated) -> Vec<(&'static str, String)> {
    vec![
        ("digits only", id.digits()),
        ("spaces", id.joined(" ")),
        ("hyphens", id.joined("-")),
        ("newlines", id.joined("\n")),
        ("CRLF", id.joined("\r\n")),
        (
            "full-width, ideographic spaces",
            full_width(&id.joined(" ")),
        ),
        ("full-width digits only", full_width(&id.digits())),
    ]
}

/// `slmgr /dti` with its banner, `rendered` in place of the recorded ID.
fn slmgr_dti(rendered: &str) -> String {
    recorded_with(
        common::SLMGR_DTI_EN_BANNER,
        &[(common::SLMGR_DTI_EN_BANNER_IID, rendered)],
    )
}

/// A line with digits, to put right before and after the ID's line in `slmgr /dlv` (the recorded
/// output has its rearm counts further down).
const REARM_COUNT_LINE: &str = "Remaining Windows rearm count: 1001\n";

/// `slmgr /dlv` with `rendered`, `pid` and `activation_guid` in place of the recorded ID,
/// Extended PID and Activation ID, and `beside` (whole lines, or nothing) right before and after
/// the ID's line. Its ID is labelled with `common::SLMGR_DLV_NAME`.
fn slmgr_dlv(rendered: &str, pid: &str, activation_guid: &str, beside: &str) -> String {
    recorded_with(
        common::SLMGR_DLV,
        &[
            (
                &format!("Installation ID: {}\n", common::SLMGR_DLV_IID),
                &format!("{beside}Installation ID: {rendered}\n{beside}"),
            ),
            (common::SLMGR_DLV_EXTENDED_PID, pid),
            (common::SLMGR_DLV_ACTIVATION_ID, activation_guid),
        ],
    )
}

/// `ospp.vbs /dinstid` with each (product, rendered ID) in place of the recorded ones.
fn ospp_two(first: (&str, &str), second: (&str, &str)) -> String {
    recorded_with(
        common::OSPP_TWO_PRODUCTS,
        &[
            (common::OSPP_FIRST_PRODUCT, first.0),
            (common::OSPP_FIRST_IID, first.1),
            (common::OSPP_SECOND_PRODUCT, second.0),
            (common::OSPP_SECOND_IID, second.1),
        ],
    )
}

/// Japanese `slmgr /dti` with `rendered` in place of the recorded ID and `colon` after the label
/// (the recorded colon is `": "`; U+FF1A is the full-width one a Japanese IME types).
fn japanese(rendered: &str, colon: &str) -> String {
    recorded_with(
        common::SLMGR_DTI_JA,
        &[(
            &format!(": {}", common::SLMGR_DTI_JA_IID),
            &format!("{colon}{rendered}"),
        )],
    )
}

/// Exactly one ID found, with exactly these digits, valid, in this format.
fn assert_found_once(
    text: &str,
    id: &Generated,
    format: IidFormat,
    label: Option<&str>,
) -> Result<(), TestCaseError> {
    let found = find_installation_ids(text);
    prop_assert_eq!(found.len(), 1, "found {:?} in {:?}", found, text);
    let found = &found[0];
    prop_assert_eq!(found.digits(), id.digits(), "in {:?}", text);
    prop_assert!(found.is_valid(), "{:?} in {:?}", found.problem(), text);
    prop_assert_eq!(found.bad_groups(), Vec::<usize>::new());
    prop_assert_eq!(found.format(), Some(format));
    prop_assert_eq!(found.groups().collect::<Vec<_>>(), id.group_strings());
    prop_assert_eq!(found.label(), label, "in {:?}", text);
    Ok(())
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        // No regressions file: a failure prints its minimal input instead.
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// The independent rule accepts published IDs (a Windows 11 IID, a Windows XP IID and a
    /// Windows 7 CID) and the generator obeys it, so the other properties are about the engine,
    /// not about a broken rule or generator.
    #[test]
    fn the_independent_rule_accepts_published_ids((id, _) in valid_iid(), (cid, _) in valid_cid()) {
        let published: [(&str, usize); 3] = [
            ("489126343257012289105546522085205332958764158851011127139061121", 7),
            ("14037188531115461057117122732036502128316172554233", 6),
            ("426296483130829081394993064403777482905722580616", 6),
        ];
        for (digits, size) in published {
            let values: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
            prop_assert!(values.chunks(size).all(rule_passes), "{}", digits);
        }
        prop_assert!(rule_passes(&[1, 5, 4, 8, 1, 4]));
        prop_assert!(!rule_passes(&[1, 5, 4, 8, 1, 5]));
        prop_assert!(id.groups.iter().chain(&cid.groups).all(|g| rule_passes(g)));
    }

    /// Every valid IID, typed into the field in any rendering, is read whole and valid.
    #[test]
    fn every_valid_iid_is_valid_when_typed((id, format) in valid_iid()) {
        for (name, text) in renderings(&id) {
            let typed = InstallationId::from_typed(&text);
            prop_assert_eq!(typed.digits(), id.digits(), "{}", name);
            prop_assert!(typed.is_valid(), "{}: {:?}", name, typed.problem());
            prop_assert_eq!(typed.format(), Some(format));
            prop_assert_eq!(typed.groups().collect::<Vec<_>>(), id.group_strings());
            // Its own grouped rendering reads back as itself.
            assert_found_once(&typed.grouped(" "), &id, format, None)?;
            assert_found_once(&typed.grouped("-"), &id, format, None)?;
        }
    }

    /// Every valid IID, in every rendering and every paste it arrives in, is found exactly once
    /// with exactly its digits, valid, and with the label the output gives it.
    #[test]
    fn every_valid_iid_is_found_once_in_every_paste(
        (id, format) in valid_iid(),
        pid in extended_pid(),
        activation_guid in guid(),
    ) {
        for (name, rendered) in renderings(&id) {
            let pastes = [
                ("bare", rendered.clone(), None),
                ("slmgr /dti", slmgr_dti(&rendered), None),
                (
                    "slmgr /dlv",
                    slmgr_dlv(&rendered, &pid, &activation_guid, ""),
                    Some(common::SLMGR_DLV_NAME),
                ),
                (
                    "slmgr /dlv, digits on the lines beside the ID",
                    slmgr_dlv(&rendered, &pid, &activation_guid, REARM_COUNT_LINE),
                    Some(common::SLMGR_DLV_NAME),
                ),
                ("Japanese label", japanese(&rendered, ": "), None),
                ("Japanese label, full-width colon", japanese(&rendered, "\u{FF1A}"), None),
                ("Japanese label, full-width", full_width(&japanese(&rendered, ": ")), None),
            ];
            for (paste, text, label) in pastes {
                for text in [crlf(&text), text] {
                    assert_found_once(&text, &id, format, label)
                        .map_err(|e| TestCaseError::fail(format!("{name} in {paste}: {e}")))?;
                }
            }
        }
    }

    /// `ospp.vbs /dinstid` with two products: both found, in order, each with its label.
    #[test]
    fn ospp_two_products_are_found_in_order_with_labels(
        (first, first_format) in valid_iid(),
        (second, second_format) in valid_iid(),
        labels in proptest::sample::subsequence(OFFICE_LABELS.to_vec(), 2).prop_shuffle(),
        rendering in 0usize..7,
    ) {
        let first_text = &renderings(&first)[rendering].1;
        let second_text = &renderings(&second)[rendering].1;
        let output = ospp_two((labels[0], first_text), (labels[1], second_text));
        for text in [crlf(&output), output] {
            let found = find_installation_ids(&text);
            prop_assert_eq!(found.len(), 2, "{:?}", text);
            for (found, (id, format, label)) in found.iter().zip([
                (&first, first_format, labels[0]),
                (&second, second_format, labels[1]),
            ]) {
                prop_assert_eq!(found.digits(), id.digits(), "{:?}", text);
                prop_assert!(found.is_valid(), "{:?}", found.problem());
                prop_assert_eq!(found.format(), Some(format));
                prop_assert_eq!(found.label(), Some(label), "{:?}", text);
            }
        }
    }

    /// Every valid CID, typed or pasted with digits, dashes, spaces or full-width, is read
    /// whole and consistent in every block, and deposits as digits only.
    #[test]
    fn every_valid_cid_is_found_and_valid((id, format) in valid_cid()) {
        let texts = [
            ("digits", id.digits()),
            ("dashes", id.joined("-")),
            ("spaces", id.joined(" ")),
            ("newlines", id.joined("\n")),
            ("full-width, ideographic spaces", full_width(&id.joined(" "))),
            ("full-width dashes", full_width(&id.joined("-"))),
            ("full-width digits", full_width(&id.digits())),
        ];
        for (name, text) in texts {
            for text in [
                format!("確認 ID：{text}\n"),
                format!("Confirmation ID: {text}\r\n"),
                text,
            ] {
                let found = read_confirmation_id(&text).ok();
                prop_assert!(found.is_some(), "{}: {:?}", name, text);
                let typed = ConfirmationId::from_typed(&text);
                for cid in [found.unwrap(), typed] {
                    prop_assert_eq!(cid.digits(), id.digits(), "{}: {:?}", name, text);
                    prop_assert!(cid.is_valid(), "{}: {:?}", name, cid.problem());
                    prop_assert_eq!(cid.bad_blocks(), Vec::<char>::new());
                    prop_assert_eq!(cid.format(), Some(format));
                    prop_assert_eq!(cid.blocks().collect::<Vec<_>>(), id.group_strings());
                    prop_assert_eq!(cid.slmgr_command(), format!("slmgr.vbs /atp {}", id.digits()));
                    prop_assert_eq!(cid.ospp_command(), format!("ospp.vbs /actcid:{}", id.digits()));
                }
            }
        }
    }

    /// One changed digit in an IID is flagged exactly when the independent rule says its group
    /// now fails, and then exactly that group (1-based) is named.
    #[test]
    fn one_changed_iid_digit_is_flagged_exactly_when_the_rule_says(
        (id, format) in valid_iid(),
        position in any::<proptest::sample::Index>(),
        shift in 1u8..10,
    ) {
        let mut changed = id.clone();
        let position = position.index(id.digit_count());
        let (mut group, mut offset) = (0, position);
        while offset >= changed.groups[group].len() {
            offset -= changed.groups[group].len();
            group += 1;
        }
        let digit = &mut changed.groups[group][offset];
        let before = *digit;
        *digit = (*digit + shift) % 10;
        let after = *digit;
        let still_passes = rule_passes(&changed.groups[group]);
        // The facts' reading of the rule: only a data digit changed by exactly 7 goes unnoticed.
        prop_assert_eq!(
            still_passes,
            offset + 1 < changed.groups[group].len() && before.abs_diff(after) == 7
        );

        let typed = InstallationId::from_typed(&changed.digits());
        let found = find_installation_ids(&format!("Installation ID: {}\n", changed.joined(" ")));
        prop_assert_eq!(found.len(), 1);
        for iid in [typed, found[0].clone()] {
            prop_assert_eq!(iid.digits(), changed.digits());
            prop_assert_eq!(iid.format(), Some(format));
            if still_passes {
                prop_assert!(iid.is_valid(), "{:?}", iid.problem());
            } else {
                prop_assert_eq!(iid.bad_groups(), vec![group + 1], "{}", changed.digits());
                prop_assert_eq!(
                    iid.problem(),
                    Some(IdProblem::Mistyped { kind: IdKind::Installation, parts: vec![(group + 1).to_string()] })
                );
            }
        }
    }

    /// The same for a CID: the failing block is named by its letter.
    #[test]
    fn one_changed_cid_digit_is_flagged_exactly_when_the_rule_says(
        (id, format) in valid_cid(),
        position in any::<proptest::sample::Index>(),
        shift in 1u8..10,
    ) {
        let mut changed = id.clone();
        let position = position.index(id.digit_count());
        let (block, offset) = (position / 6, position % 6);
        let digit = &mut changed.groups[block][offset];
        let before = *digit;
        *digit = (*digit + shift) % 10;
        let after = *digit;
        let still_passes = rule_passes(&changed.groups[block]);
        prop_assert_eq!(still_passes, offset < 5 && before.abs_diff(after) == 7);
        let letter = char::from(b'A' + block as u8);

        let typed = ConfirmationId::from_typed(&changed.joined("-"));
        let found = read_confirmation_id(&changed.joined(" ")).expect("48 or 42 digits are found");
        for cid in [typed, found] {
            prop_assert_eq!(cid.digits(), changed.digits());
            prop_assert_eq!(cid.format(), Some(format));
            if still_passes {
                prop_assert!(cid.is_valid(), "{:?}", cid.problem());
            } else {
                prop_assert_eq!(cid.bad_blocks(), vec![letter], "{}", changed.digits());
            }
        }
    }

    /// An IID rendered next to `slmgr /dlv`'s Extended PID and GUID lines never takes digits from
    /// them, whichever line comes first.
    #[test]
    fn an_iid_never_glues_onto_an_extended_pid_or_guid(
        (id, format) in valid_iid(),
        pid in extended_pid(),
        guids in proptest::collection::vec(guid(), 2),
        rendering in 0usize..7,
    ) {
        let rendered = &renderings(&id)[rendering].1;
        let texts = [
            format!("Extended PID: {pid}\nInstallation ID: {rendered}\nActivation ID: {}\n", guids[0]),
            format!("Activation ID: {}\nInstallation ID: {rendered}\nExtended PID: {pid}\n", guids[0]),
            format!("Application ID: {}\nExtended PID: {pid}\nInstallation ID: {rendered}\nActivation ID: {}", guids[0], guids[1]),
            format!("Extended PID: {pid} Installation ID: {rendered} Activation ID: {}", guids[0]),
        ];
        for text in texts {
            for text in [crlf(&text), text] {
                assert_found_once(&text, &id, format, None)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// The same with the value lines bare (no `Installation ID:` label between them), as when
    /// only the values are copied. (This once failed: with a single line break read as a group
    /// separator, `…26100.0000-2062025\n4891263 4325701 …` was one 74-digit ID.)
    #[test]
    fn an_unlabelled_iid_line_never_glues_onto_a_pid_or_guid_line(
        (id, format) in valid_iid(),
        pid in extended_pid(),
        guids in proptest::collection::vec(guid(), 2),
        rendering in 0usize..7,
    ) {
        let rendered = &renderings(&id)[rendering].1;
        for text in [
            format!("{pid}\n{rendered}\n{}", guids[0]),
            format!("{}\n{rendered}\n{pid}", guids[0]),
        ] {
            assert_found_once(&text, &id, format, None)?;
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Arbitrary strings (any script, NUL, other digits) never panic, and whatever is found is
    /// made of ASCII digits, long enough to be ID-like, and can explain itself.
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        exercise(&text)?;
    }

    /// Arbitrary bytes, decoded as a paste would be.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(&String::from_utf8_lossy(&bytes))?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Text built from the characters the extractor cares about (digits in several scripts,
    /// separators, NUL, circled and superscript digits), long enough to form chains.
    #[test]
    fn digit_heavy_junk_never_panics(
        chars in proptest::collection::vec(
            prop_oneof![
                6 => proptest::char::range('0', '9'),
                2 => Just(' '),
                1 => Just('-'),
                1 => Just('\n'),
                1 => Just('\r'),
                1 => proptest::char::range('\u{FF10}', '\u{FF19}'),
                1 => proptest::char::range('\u{0660}', '\u{0669}'),
                1 => prop::sample::select(vec!['\0', '\u{3000}', '\u{FF0D}', '①', '¹', '⑳', ':', 'a', '.', '\u{2212}', 'ー']),
            ],
            0..4000,
        )
    ) {
        let text: String = chars.into_iter().collect();
        exercise(&text)?;
    }
}

/// Calls everything a paste goes through and checks the answers hang together.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    let found = find_installation_ids(text);
    prop_assert!(found.len() <= text.len() / 2 + 1);
    for id in &found {
        prop_assert!(id.digits().bytes().all(|b| b.is_ascii_digit()));
        prop_assert!(id.digits().len() >= 36, "{}", id.digits());
        prop_assert_eq!(id.groups().collect::<String>(), id.digits());
        check_iid_answers(id)?;
    }
    check_iid_answers(&InstallationId::from_typed(text))?;
    for cid in read_confirmation_id(text)
        .ok()
        .into_iter()
        .chain([ConfirmationId::from_typed(text)])
    {
        prop_assert!(cid.digits().bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(cid.blocks().collect::<String>(), cid.digits());
        prop_assert_eq!(cid.is_valid(), cid.problem().is_none());
        prop_assert_eq!(
            cid.is_valid(),
            CidFormat::LENGTHS.contains(&cid.digits().len()) && cid.bad_blocks().is_empty()
        );
        if let Some(problem) = cid.problem() {
            for language in Language::ALL {
                prop_assert!(!problem.message(language).is_empty());
            }
        }
        let _ = (cid.grouped("-"), cid.slmgr_command(), cid.ospp_command());
    }
    Ok(())
}

fn check_iid_answers(id: &InstallationId) -> Result<(), TestCaseError> {
    prop_assert_eq!(id.is_valid(), id.problem().is_none());
    prop_assert_eq!(
        id.is_valid(),
        IidFormat::LENGTHS.contains(&id.digits().len()) && id.bad_groups().is_empty()
    );
    let groups = id.groups().len();
    prop_assert!(id.bad_groups().iter().all(|&g| (1..=groups).contains(&g)));
    if let Some(problem) = id.problem() {
        for language in Language::ALL {
            prop_assert!(!problem.message(language).is_empty());
        }
    }
    let _ = (id.grouped(" "), id.label(), id.group_states());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Fixed inputs: very long runs, and bounded work on big adversarial pastes.

fn assert_wrong_length(id: &InstallationId, count: usize) {
    match id.problem() {
        Some(IdProblem::WrongLength { found, .. }) => assert_eq!(found, count),
        other => panic!("expected a wrong-length problem, got {other:?}"),
    }
    let message = id.problem().unwrap().message(Language::English);
    assert!(
        message.contains(&count.to_string()),
        "the message names the count: {message}"
    );
    assert!(
        id.problem()
            .unwrap()
            .message(Language::Japanese)
            .contains(&count.to_string())
    );
}

#[test]
fn a_200_000_digit_run_is_one_wrong_length_id() {
    const COUNT: usize = 200_000;
    let digits: String = (0..COUNT)
        .map(|i| char::from(b'0' + (i * 7 % 10) as u8))
        .collect();
    for text in [
        digits.clone(),
        format!("Installation ID: {digits}\n"),
        full_width(&digits),
    ] {
        let found = find_installation_ids(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].digits(), digits);
        assert_wrong_length(&found[0], COUNT);
        assert_wrong_length(&InstallationId::from_typed(&text), COUNT);
        assert!(!ConfirmationId::from_typed(&text).is_valid());
    }
}

/// Big pastes built to hit the slow paths (one endless chain of short pieces, thousands of IDs
/// on one line, many label lookalikes) give the right answer. (Their speed is measured by
/// `cargo bench --bench engine`, not here.)
#[test]
fn big_adversarial_pastes_are_read_correctly() {
    let iid = "489126343257012289105546522085205332958764158851011127139061121";
    let lengths = |text: &str| -> Vec<usize> {
        find_installation_ids(text)
            .iter()
            .map(|id| id.digits().len())
            .collect()
    };
    // One endless chain of groups that fail their check: one overlong run, as found.
    assert_eq!(lengths(&"1234567 ".repeat(50_000)), vec![350_000]);
    assert_eq!(lengths(&"1 ".repeat(200_000)), vec![200_000]);
    assert_eq!(lengths(&"１２３ ".repeat(50_000)), vec![150_000]);
    // Thousands of IDs on one line, with and without labels.
    let bare = find_installation_ids(&format!("{iid} ").repeat(5_000));
    assert_eq!(bare.len(), 5_000);
    assert!(bare.iter().all(|id| id.is_valid() && id.digits() == iid));
    let labelled = find_installation_ids(&format!("Installation ID for: x: {iid} ").repeat(3_000));
    assert_eq!(labelled.len(), 3_000);
    assert!(labelled.iter().all(|id| id.label() == Some("x")));
    // Label lookalikes and short runs: nothing ID-like.
    assert!(lengths(&"Installation ID for: a: 1 2 3:".repeat(10_000)).is_empty());
    assert!(lengths(&format!("Name: x\n{}\n", "12345".repeat(7)).repeat(5_000)).is_empty());
    // Arabic-Indic digits are digits (NFKC leaves them alone); other scripts' are not.
    assert_eq!(
        lengths(&("٣".repeat(100_000) + &"0".repeat(100_000))),
        vec![200_000]
    );
    assert_eq!(
        lengths(&("\u{0969}".repeat(100_000) + &"0".repeat(100_000))),
        vec![100_000]
    );
    assert_wrong_length(&InstallationId::from_typed(&"1 ".repeat(200_000)), 200_000);
}

proptest! {
    #![proptest_config(config(64))]

    /// Every valid CID in every layout of the portal's card, under a heading whose number has
    /// a block's or a group's length (passing its check digit or not), is read as that CID;
    /// and every 63-digit IID in nine numbered fields under such a heading, as that IID. The
    /// heading's number never becomes a block or a group.
    #[test]
    fn the_portals_card_and_numbered_fields_keep_a_headings_number_out(
        (cid, cid_format) in valid_cid(),
        iid in valid_groups(&[7; 9]),
        number in "[0-9]{6,7}",
        japanese in any::<bool>(),
    ) {
        let card = if japanese { &common::JAPANESE_CARD } else { &common::ENGLISH_CARD };
        let digits = cid.digits();
        for heading in [format!("Windows 10 Build {number}"), number.clone()] {
            for (layout, body) in common::card_layouts(&digits) {
                let text = card.around(Some(&heading), &body);
                let found = read_confirmation_id(&text);
                prop_assert_eq!(
                    found.as_ref().map(ConfirmationId::digits),
                    Ok(digits.as_str()),
                    "{}: {:?}", layout, text
                );
                prop_assert_eq!(found.unwrap().format(), Some(cid_format));
            }
            for (layout, body) in common::numbered_fields(&iid.digits()) {
                let text = format!("{heading}\n{body}\n");
                let found: Vec<String> =
                    find_installation_ids(&text).iter().map(|id| id.digits().to_string()).collect();
                prop_assert_eq!(found, vec![iid.digits()], "{}: {:?}", layout, text);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One slip, anywhere, in any shape: never a valid ID other than the original without a word.

/// One slip of a hand or an eye, made to an ID's groups before they are rendered.
#[derive(Debug, Clone)]
enum Slip {
    /// A letter in place of the digit at this position (of all the ID's digits).
    Letter(usize, char),
    /// A digit inserted before this position.
    Insert(usize, u8),
    /// The digit at this position left out.
    Delete(usize),
    /// This group or block written twice.
    Double(usize),
    /// This group or block left out.
    Drop(usize),
}

fn slip() -> impl Strategy<Value = Slip> {
    // Look-alikes first among the letters, then any ASCII letter.
    let letter = prop_oneof![
        prop::sample::select(vec!['O', 'o', 'l', 'I', 'B', 'S', 'Z', 'G']),
        prop::char::range('A', 'Z'),
        prop::char::range('a', 'z'),
    ];
    prop_oneof![
        (0..63usize, letter).prop_map(|(at, c)| Slip::Letter(at, c)),
        (0..64usize, 0u8..10).prop_map(|(at, d)| Slip::Insert(at, d)),
        (0..63usize).prop_map(Slip::Delete),
        (0..9usize).prop_map(Slip::Double),
        (0..9usize).prop_map(Slip::Drop),
    ]
}

/// The groups as text with the slip made (positions past the end fall on the last digit).
fn slipped(id: &Generated, slip: &Slip) -> Vec<String> {
    let mut groups = id.group_strings();
    let digits = id.digit_count();
    // The group and the place in it of a position among all the digits.
    let locate = |at: usize, groups: &[String]| {
        let mut at = at.min(digits - 1);
        for (index, group) in groups.iter().enumerate() {
            if at < group.len() {
                return (index, at);
            }
            at -= group.len();
        }
        unreachable!("a position inside the ID")
    };
    match *slip {
        Slip::Letter(at, letter) => {
            let (group, at) = locate(at, &groups);
            groups[group].replace_range(at..at + 1, &letter.to_string());
        }
        Slip::Insert(at, digit) => {
            let (group, at) = locate(at, &groups);
            groups[group].insert(at, char::from(b'0' + digit));
        }
        Slip::Delete(at) => {
            let (group, at) = locate(at, &groups);
            groups[group].remove(at);
        }
        Slip::Double(group) => {
            let group = group.min(groups.len() - 1);
            groups.insert(group, groups[group].clone());
        }
        Slip::Drop(group) => {
            groups.remove(group.min(groups.len() - 1));
        }
    }
    groups
}

/// The shapes an ID is pasted or typed in, from its groups: runs, separators, lines, full
/// width, and labels (`A: 426296`, the portal's card, numbered fields).
fn shapes(groups: &[String], kind: IdKind) -> Vec<(&'static str, String)> {
    let labels: Vec<String> = match kind {
        IdKind::Confirmation => (0..groups.len())
            .map(|i| char::from(b'A' + i as u8).to_string())
            .collect(),
        IdKind::Installation => (1..=groups.len()).map(|n| n.to_string()).collect(),
    };
    let rows =
        |row: usize, cell: &str, gap: &str| common::labelled_rows(&labels, groups, row, cell, gap);
    vec![
        ("one run", groups.concat()),
        ("spaces", groups.join(" ")),
        ("dashes", groups.join("-")),
        ("a line each", groups.join("\n")),
        ("full width", full_width(&groups.join(" "))),
        ("labelled: A: 426296", rows(1, "", ": ")),
        ("labelled, a line each", rows(1, "", "\t")),
        ("labels in rows of five above", rows(5, "\t", "\n")),
        ("after a label", format!("ID: {}", groups.join(" "))),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// Issue 22 (a): every valid ID, in every shape, with one slip (a letter for a digit, a
    /// digit inserted or left out at any position, a group or block doubled or dropped) never
    /// reads as a valid ID other than the original unless the reading names a slip. A
    /// Confirmation ID is read in its own format, as the Installation ID it answers decides,
    /// and in either (a block dropped or doubled excepted: eight less one is a perfect seven).
    #[test]
    fn one_slip_never_reads_as_another_valid_id(
        (iid, _) in valid_iid(),
        (cid, cid_format) in valid_cid(),
        slip in slip(),
    ) {
        let formats: &'static [CidFormat] = match cid_format {
            CidFormat::EightBlocks => &[CidFormat::EightBlocks],
            CidFormat::SevenBlocks => &[CidFormat::SevenBlocks],
        };
        // Where the format is open (a 54-digit Installation ID answers in either, and screen 3
        // before any ID) a block dropped or doubled can pass unseen: eight less one is a
        // perfect seven, seven and one more a perfect eight.
        let open: &'static [CidFormat] = &CidFormat::ALL;
        let whole_blocks = matches!(slip, Slip::Drop(_) | Slip::Double(_));
        let readings = [Some(formats), (!whole_blocks).then_some(open)];
        for (shape, text) in shapes(&slipped(&cid, &slip), IdKind::Confirmation) {
            for formats in readings.into_iter().flatten() {
                if let Ok(found) = read_confirmation_id_in(&text, formats) {
                    prop_assert!(
                        !found.is_valid() || found.digits() == cid.digits(),
                        "{:?} in {} ({:?}): {:?} read as the valid {}",
                        slip, shape, formats, text, found.digits()
                    );
                }
            }
        }
        for (shape, text) in shapes(&slipped(&iid, &slip), IdKind::Installation) {
            let reading = read_installation_ids(&text);
            if reading.slip.is_none() {
                for found in reading.ids.iter().filter(|id| id.is_valid()) {
                    prop_assert_eq!(
                        found.digits(), iid.digits(),
                        "{:?} in {}: {:?}", slip, shape, text
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 22 (b): the activation in progress under random sequences of user actions.

mod activation_in_progress {
    use std::collections::{HashMap, HashSet};

    use activation_companion::id::{CidFormat, InstallationId};
    use activation_companion::in_progress::{ActivationInProgress, Product, Saved};
    use proptest::prelude::*;

    use super::common;

    /// The Installation IDs a user meets: three Windows 10/11 PCs (63 digits), one read from
    /// this PC (with its Activation ID), an Office KMS host or XP SP1 (54: either format), an XP
    /// RTM (50: seven blocks), one half typed, and none.
    fn products() -> Vec<Option<Product>> {
        let product = |digits: String, activation_id: Option<&str>| {
            Some(Product {
                id: InstallationId::from_typed(&digits),
                name: activation_id.map(|_| "Windows(R), Professional edition".to_string()),
                activation_id: activation_id.map(str::to_string),
            })
        };
        vec![
            product(common::iid(1), None),
            product(common::iid(2), None),
            product(common::iid(3), Some("2de67392-b7a7-462a-b1ca-108dd189f588")),
            product(common::consistent_id(4, 9, 6), None),
            product(common::consistent_id(5, 8, 6) + "11", None),
            product(common::iid(6)[..30].to_string(), None),
            None,
        ]
    }

    /// Each product's own Confirmation ID (eight blocks; the XP RTM's seven), and a second one
    /// for the first PC (a corrected ID, or a new one after a reinstall).
    fn confirmation_ids() -> Vec<String> {
        let mut cids: Vec<String> = (10..17).map(common::cid).collect();
        cids[4].truncate(42);
        cids.push(common::cid(20));
        cids
    }

    fn blocks(cid: &str) -> Vec<String> {
        common::groups(cid)
    }

    #[derive(Debug, Clone)]
    enum Act {
        /// Screen 1's product changes (typed, pasted, chosen, read from this PC, `--iid`).
        Choose(usize),
        /// A block of a Confirmation ID typed into a box: whole, part of it, with a letter, a
        /// digit too many, or emptied.
        Type {
            into: usize,
            cid: usize,
            block: usize,
            how: u8,
        },
        /// A whole Confirmation ID pasted into a box or with no box chosen, in a shape.
        PasteWhole {
            into: Option<usize>,
            cid: usize,
            shape: u8,
        },
        /// Whole blocks pasted into a box.
        PasteBlocks {
            into: usize,
            cid: usize,
            from: usize,
            count: usize,
        },
        /// Something that is no Confirmation ID pasted.
        PasteJunk {
            into: Option<usize>,
            which: u8,
        },
        SetFormat(bool),
        /// The record's offer taken: an entry (Installation ID, Confirmation ID) as recorded.
        UseAgain {
            product: usize,
            cid: usize,
        },
        StartOver,
        /// Saved and restored (a restart, a second window taking over).
        Restart,
    }

    fn act() -> impl Strategy<Value = Act> {
        let products = products().len();
        let cids = confirmation_ids().len();
        prop_oneof![
            2 => (0..products).prop_map(Act::Choose),
            6 => (0..8usize, 0..cids, 0..8usize, 0u8..6)
                .prop_map(|(into, cid, block, how)| Act::Type { into, cid, block, how }),
            3 => (proptest::option::of(0..8usize), 0..cids, 0u8..4)
                .prop_map(|(into, cid, shape)| Act::PasteWhole { into, cid, shape }),
            2 => (0..8usize, 0..cids, 0..8usize, 1..4usize)
                .prop_map(|(into, cid, from, count)| Act::PasteBlocks { into, cid, from, count }),
            1 => (proptest::option::of(0..8usize), 0u8..4)
                .prop_map(|(into, which)| Act::PasteJunk { into, which }),
            1 => any::<bool>().prop_map(Act::SetFormat),
            1 => (0..products, 0..cids).prop_map(|(product, cid)| Act::UseAgain { product, cid }),
            1 => Just(Act::StartOver),
            1 => Just(Act::Restart),
        ]
    }

    /// What the user did, kept apart from the model: for each Installation ID (its digits),
    /// every value each box was given by the user while that ID was chosen, since its last
    /// completion, and ever.
    #[derive(Default)]
    struct Witness {
        since_completion: HashMap<String, [HashSet<String>; 8]>,
        ever: HashMap<String, [HashSet<String>; 8]>,
    }

    fn key(progress: &ActivationInProgress) -> String {
        progress
            .product()
            .map_or(String::new(), |p| p.id.digits().to_string())
    }

    impl Witness {
        /// The boxes the user's action gave a new value (every box, for a whole Confirmation
        /// ID), for the ID chosen.
        fn entered(&mut self, id: &str, before: &[String; 8], after: &[String; 8], whole: bool) {
            for (index, (old, new)) in before.iter().zip(after).enumerate() {
                if old != new || whole {
                    for map in [&mut self.since_completion, &mut self.ever] {
                        map.entry(id.to_string()).or_default()[index].insert(new.clone());
                    }
                }
            }
        }
    }

    /// The text of a whole Confirmation ID in one of the shapes people paste.
    fn shaped(cid: &str, shape: u8) -> String {
        let blocks = blocks(cid);
        match shape {
            0 => cid.to_string(),
            1 => blocks.join("-"),
            2 => blocks
                .iter()
                .enumerate()
                .map(|(i, b)| format!("{}: {b}", char::from(b'A' + i as u8)))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => format!("Confirmation ID\n{}\n", blocks.join(" ")),
        }
    }

    const JUNK: [&str; 4] = [
        "VK7JG-NPHTM-C97JM-9MPGT-3V66T",
        "not an ID at all",
        "426296-483130-829O81-394993-064403-777482-905722-580616",
        "O26296-483130-829081-394993-064403-777482-905722-580616",
    ];

    /// Runs the actions, checking the invariants after each; a failure says which step.
    fn run(acts: &[Act]) -> Result<(), TestCaseError> {
        let products = products();
        let cids = confirmation_ids();
        let mut progress = ActivationInProgress::default();
        let mut witness = Witness::default();
        let mut recorded: Vec<(String, String)> = Vec::new();
        for (step, act) in acts.iter().enumerate() {
            let id = key(&progress);
            let before = progress.blocks().clone();
            let mut restarted = None;
            let result = match act {
                Act::Choose(at) => {
                    progress.choose(products[*at].clone());
                    None
                }
                Act::Type {
                    into,
                    cid,
                    block,
                    how,
                } => {
                    let block = blocks(&cids[*cid]).get(*block).cloned().unwrap_or_default();
                    let value = match how {
                        _ if block.is_empty() => block,
                        0 | 1 => block,
                        2 => block[..3].to_string(),
                        3 => format!("{}O{}", &block[..2], &block[3..]),
                        4 => format!("{block}7"),
                        _ => String::new(),
                    };
                    Some(progress.type_into(*into, &value))
                }
                Act::PasteWhole { into, cid, shape } => {
                    let text = shaped(&cids[*cid], *shape);
                    Some(match into {
                        Some(into) => progress.paste_into(*into, &text, Some(&text)),
                        None => progress.paste(&text),
                    })
                }
                Act::PasteBlocks {
                    into,
                    cid,
                    from,
                    count,
                } => {
                    let blocks = blocks(&cids[*cid]);
                    let end = (*from + *count).min(blocks.len());
                    let text = blocks[(*from).min(end)..end].join(" ");
                    Some(progress.paste_into(*into, &text, Some(&text)))
                }
                Act::PasteJunk { into, which } => {
                    let text = JUNK[usize::from(*which)];
                    Some(match into {
                        Some(into) => progress.paste_into(*into, text, Some(text)),
                        None => progress.paste(text),
                    })
                }
                Act::SetFormat(eight) => Some(progress.set_format(if *eight {
                    CidFormat::EightBlocks
                } else {
                    CidFormat::SevenBlocks
                })),
                Act::UseAgain { product, cid } => {
                    let recorded_id = products[*product]
                        .as_ref()
                        .map_or(String::new(), |p| p.id.digits().to_string());
                    Some(progress.use_again(&recorded_id, &cids[*cid]))
                }
                Act::StartOver => {
                    progress.start_over();
                    witness = Witness::default();
                    None
                }
                Act::Restart => {
                    let saved: Saved = progress.saved();
                    let (back, not_taken) =
                        ActivationInProgress::restore(&saved, progress.product().cloned());
                    prop_assert!(not_taken.is_empty(), "step {}: {:?}", step, not_taken);
                    restarted = Some(back.blocks().clone());
                    progress = back;
                    None
                }
            };
            let after = progress.blocks().clone();
            let now = key(&progress);
            // Nothing but the user's entries changes the boxes of one ID: choosing another ID
            // shows that ID's, and a restart gives back every block as it was.
            if let Some(back) = restarted {
                prop_assert_eq!(
                    &back,
                    &before,
                    "step {}: a restart lost or moved a block",
                    step
                );
            }
            if result.is_some() {
                prop_assert_eq!(&id, &now, "step {}: an entry changed the ID", step);
                // A whole Confirmation ID put into every box: the user gave every block.
                let whole = matches!(act, Act::PasteWhole { .. } | Act::UseAgain { .. })
                    && cids.iter().any(|cid| after.concat() == *cid);
                witness.entered(&id, &before, &after, whole);
                // As entered: every block is six digits or fewer, digits only.
                for block in &after {
                    prop_assert!(block.len() <= 6 && block.bytes().all(|b| b.is_ascii_digit()));
                }
            }
            // Pairing: every block on show was entered for this ID.
            for (index, block) in after.iter().enumerate() {
                if !block.is_empty() {
                    let entered_here = witness
                        .ever
                        .get(&now)
                        .is_some_and(|e| e[index].contains(block));
                    prop_assert!(
                        entered_here,
                        "step {} ({:?}): box {} shows {} for {:?}, never entered for it",
                        step,
                        act,
                        index,
                        block,
                        now
                    );
                }
            }
            // Only whole entries are recorded, with the ID they were entered for.
            if let Some(completed) = result.and_then(|step| step.completed) {
                prop_assert_eq!(completed.product.id.digits(), now.as_str());
                prop_assert!(completed.product.id.is_valid());
                prop_assert!(completed.confirmation_id.is_valid());
                let since = witness.since_completion.remove(&now).unwrap_or_default();
                for (index, block) in completed.confirmation_id.blocks().enumerate() {
                    prop_assert!(
                        since[index].contains(block),
                        "step {}: {} recorded with block {} = {} from an earlier entry",
                        step,
                        completed.confirmation_id.digits(),
                        index,
                        block
                    );
                }
                recorded.push((now.clone(), completed.confirmation_id.digits().to_string()));
            }
        }
        Ok(())
    }

    fn config() -> proptest::test_runner::Config {
        proptest::test_runner::Config {
            cases: 512,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// Random sessions of typing, pasting, changing the Installation ID, the format, the
        /// record's offer, starting over and restarting: after every step, every block on show
        /// was entered for the Installation ID on show, none was cut or moved, a restart gives
        /// every block back, and only Confirmation IDs entered whole are recorded, each with the
        /// Installation ID it was entered for.
        #[test]
        fn the_activation_in_progress_keeps_its_promise(acts in proptest::collection::vec(act(), 1..60)) {
            run(&acts)?;
        }
    }

    /// Issue 22 item 2: a Confirmation ID for one PC, then the next PC's Installation ID:
    /// the boxes are empty, and retyping a digit records nothing for the new ID.
    #[test]
    fn a_new_installation_id_never_keeps_the_old_confirmation_id() {
        let acts = [
            Act::Choose(0),
            Act::PasteWhole {
                into: None,
                cid: 0,
                shape: 1,
            },
            Act::Choose(1),
            Act::Type {
                into: 0,
                cid: 0,
                block: 0,
                how: 0,
            },
        ];
        run(&acts).expect("the invariants hold");
        let products = products();
        let mut progress = ActivationInProgress::default();
        progress.choose(products[0].clone());
        let first = progress.paste(&confirmation_ids()[0]);
        assert!(first.completed.is_some(), "the first PC's ID is recorded");
        progress.choose(products[1].clone());
        assert!(
            progress.blocks().iter().all(String::is_empty),
            "{:?}",
            progress.blocks()
        );
        assert_eq!(progress.consistent_id(), None);
        let retyped = progress.type_into(0, &confirmation_ids()[0][..6]);
        assert_eq!(retyped.completed, None);
        // Back on the first PC, its Confirmation ID comes back.
        progress.choose(products[0].clone());
        assert_eq!(progress.blocks().concat(), confirmation_ids()[0]);
    }

    /// Issue 22 item 3: typing a new first block over a finished Confirmation ID records no
    /// mix; the new one is recorded once every block is typed.
    #[test]
    fn typing_over_a_finished_confirmation_id_records_only_the_new_one_whole() {
        let products = products();
        let cids = confirmation_ids();
        let mut progress = ActivationInProgress::default();
        progress.choose(products[0].clone());
        assert!(progress.paste(&cids[0]).completed.is_some());
        let new = blocks(&cids[7]);
        for (index, block) in new.iter().enumerate() {
            let step = progress.type_into(index, block);
            assert_eq!(
                step.completed.is_some(),
                index == 7,
                "block {index}: {step:?}"
            );
        }
        assert_eq!(progress.blocks().concat(), cids[7]);
    }
}
