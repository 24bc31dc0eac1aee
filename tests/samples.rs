//! Every published sample gives its expected verdict, pasted in every way people paste it.

mod common;

use activation_companion::id::{ConfirmationId, find_confirmation_id, find_installation_ids};
use common::{digits, ospp_two_products, samples, wrappings};

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
    for sample in samples()
        .iter()
        .filter(|s| s.kind == "iid" && s.expect_valid)
    {
        let expected = digits(&sample.value);
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
    let iids: Vec<String> = samples()
        .iter()
        .filter(|s| s.kind == "iid" && s.expect_valid)
        .map(|s| digits(&s.value))
        .collect();
    for pair in iids.windows(2) {
        let found = find_installation_ids(&ospp_two_products(&pair[0], &pair[1]));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].digits(), pair[0]);
        assert_eq!(
            found[0].label(),
            Some("Office 16, Office16ProPlusVL_MAK edition")
        );
        assert_eq!(found[1].digits(), pair[1]);
        assert_eq!(
            found[1].label(),
            Some("Office 16, Office16VisioProVL_MAK edition")
        );
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
    for sample in samples()
        .iter()
        .filter(|s| s.kind == "cid" && s.expect_valid)
    {
        let expected = digits(&sample.value);
        for (wrapping, text) in wrappings(&expected) {
            let cid =
                find_confirmation_id(&text).unwrap_or_else(|| panic!("{wrapping}: nothing found"));
            assert_eq!(cid.digits(), expected, "{wrapping}");
            assert!(cid.is_valid(), "{wrapping}");
        }
    }
}
