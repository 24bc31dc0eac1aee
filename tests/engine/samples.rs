//! Every published sample gives its expected verdict, pasted in every way people paste it.

use crate::common;

use activation_companion::id::{ConfirmationId, find_installation_ids, read_confirmation_id};
use common::{crlf, digits, ospp_two_products, recorded, samples, valid_samples, wrappings};

#[test]
fn every_sample_gives_its_expected_verdict() {
    let samples = samples();
    assert!(samples.len() >= 30, "the fixture holds the shared samples");
    for sample in &samples {
        let valid = match sample.kind.as_str() {
            "iid" => {
                let found = find_installation_ids(&sample.value);
                assert_eq!(found.len(), 1, "{}: {}", sample.product, sample.value);
                assert_eq!(found[0].digits(), digits(&sample.value));
                found[0].is_valid()
            }
            "cid" => ConfirmationId::from_typed(&sample.value).is_valid(),
            other => panic!("unknown sample kind {other}"),
        };
        assert_eq!(
            valid, sample.expect_valid,
            "{}: {}",
            sample.product, sample.value
        );
    }
}

#[test]
fn every_valid_iid_is_found_exactly_in_every_wrapping() {
    for expected in valid_samples("iid") {
        for (wrapping, text) in wrappings(&expected) {
            let found = find_installation_ids(&text);
            assert_eq!(found.len(), 1, "{wrapping}: {text}");
            assert_eq!(found[0].digits(), expected, "{wrapping}");
            assert!(found[0].is_valid(), "{wrapping}: {:?}", found[0].problem());
        }
    }
}

#[test]
fn ospp_output_yields_each_product_with_its_label() {
    let iids = valid_samples("iid");
    for pair in iids.windows(2) {
        let found = find_installation_ids(&ospp_two_products(&pair[0], &pair[1]));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].digits(), pair[0]);
        assert_eq!(found[0].label(), Some(common::OSPP_FIRST_PRODUCT));
        assert_eq!(found[1].digits(), pair[1]);
        assert_eq!(found[1].label(), Some(common::OSPP_SECOND_PRODUCT));
    }
}

#[test]
fn the_fabricated_iid_is_caught_by_its_groups() {
    let fake = samples()
        .into_iter()
        .find(|s| s.kind == "iid" && !s.expect_valid)
        .unwrap();
    let found = &find_installation_ids(&fake.value)[0];
    // Worked by hand: only group 3 (7812154: 7+16+1+4+1+10 = 39, 39 mod 7 = 4) passes.
    // (The shared sample's note says group 1; its arithmetic gives 36 mod 7 = 1, not 9.)
    assert_eq!(found.bad_groups(), vec![1, 2, 4, 5, 6, 7, 8, 9]);
}

#[test]
fn every_valid_cid_is_found_when_pasted_with_dashes_or_full_width() {
    for expected in valid_samples("cid") {
        for (wrapping, text) in wrappings(&expected) {
            let cid = read_confirmation_id(&text).unwrap_or_else(|e| panic!("{wrapping}: {e:?}"));
            assert_eq!(cid.digits(), expected, "{wrapping}");
            assert!(cid.is_valid(), "{wrapping}");
        }
    }
}

/// Recorded slmgr.vbs and ospp.vbs output (written from Microsoft's script sources; the
/// Japanese sentence stands in for one nobody published): what people paste, as UTF-8, and as
/// `cscript //U` writes it (UTF-16LE, CRLF, no byte-order mark).
fn script_output(name: &str) -> Vec<Vec<u8>> {
    let text = recorded(name);
    let utf16: Vec<u8> = crlf(&text)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    vec![text.into_bytes(), utf16]
}

#[test]
fn pasted_script_output_gives_its_ids_with_their_products() {
    /// Each ID's digits and the product it is labelled with.
    type Found<'a> = &'a [(&'a str, Option<&'a str>)];
    let cases: [(&str, Found); 6] = [
        (common::SLMGR_DTI_EN, &[(common::SLMGR_DTI_EN_IID, None)]),
        (
            common::SLMGR_DTI_EN_BANNER,
            &[(common::SLMGR_DTI_EN_BANNER_IID, None)],
        ),
        (common::SLMGR_DTI_JA, &[(common::SLMGR_DTI_JA_IID, None)]),
        (
            common::SLMGR_DTI_MESSAGE_BOX,
            &[(common::SLMGR_DTI_MESSAGE_BOX_IID, None)],
        ),
        (
            common::SLMGR_DLV,
            &[(common::SLMGR_DLV_IID, Some(common::SLMGR_DLV_NAME))],
        ),
        (
            common::OSPP_TWO_PRODUCTS,
            &[
                (common::OSPP_FIRST_IID, Some(common::OSPP_FIRST_PRODUCT)),
                (common::OSPP_SECOND_IID, Some(common::OSPP_SECOND_PRODUCT)),
            ],
        ),
    ];
    for (name, expected) in cases {
        for bytes in script_output(name) {
            let found = find_installation_ids(&activation_companion::decode::text(&bytes));
            let found: Vec<(&str, Option<&str>)> =
                found.iter().map(|id| (id.digits(), id.label())).collect();
            assert_eq!(found, expected, "{name}");
        }
    }
}

#[test]
fn pasted_replies_without_an_id_hold_none() {
    // The user pasted the wrong output: a deposit's reply (a GUID, an error code) is no ID.
    for name in [
        "slmgr_atp_success.txt",
        "slmgr_atp_0xC004F031.txt",
        "slmgr_atp_0xC004F04D.txt",
        "slmgr_atp_access_denied.txt",
        "slmgr_atp_activation_failed.txt",
        "slmgr_product_not_found.txt",
        "ospp_actcid_success.txt",
        "ospp_actcid_error.txt",
        "ospp_no_product_keys.txt",
    ] {
        for bytes in script_output(name) {
            let text = activation_companion::decode::text(&bytes);
            assert!(find_installation_ids(&text).is_empty(), "{name}");
            assert!(read_confirmation_id(&text).is_err(), "{name}");
        }
    }
}
