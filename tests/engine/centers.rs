//! The activation-center table, lookups, dial forms and the phone.inf parser, on real data.

use activation_companion::centers::{
    ActivationCenter, CenterNote, NumberKind, Origin, PhoneInfError, Source, SourceList,
    bundled_centers, center_by_iso, find_centers, find_in, parse_phone_inf, prefer_this_pc,
};
use activation_companion::{Language, Localized};
use proptest::prelude::*;

const PHONE_INF: &[u8] = include_bytes!("../fixtures/phone.inf");
const PHONE_INF_UTF16: &[u8] = include_bytes!("../fixtures/phone-utf16.inf");

fn isos(centers: &[&ActivationCenter]) -> Vec<String> {
    centers.iter().map(|c| c.iso.clone()).collect()
}

#[test]
fn the_bundled_table_has_236_regions_each_with_a_unique_code_and_a_japanese_name() {
    let centers = bundled_centers();
    assert_eq!(centers.len(), 236);
    let mut codes: Vec<&str> = centers.iter().map(|c| c.iso.as_str()).collect();
    for code in &codes {
        assert!(
            code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
            "{code}"
        );
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 236, "duplicate codes");
    for center in centers {
        assert!(!center.country_ja.is_empty(), "{}", center.iso);
        assert!(!center.sources.is_empty(), "{}", center.iso);
        assert_eq!(center.origin, Origin::Bundled);
        // Every number is shown with a dial form: its own, or as written (with a warning).
        for number in center.numbers() {
            assert!(!number.domestic.is_empty(), "{}", center.iso);
            assert!(number.dial_form_known || number.domestic == number.written);
        }
    }
}

#[test]
fn the_bundled_table_is_sorted_by_english_name() {
    let names: Vec<&str> = bundled_centers()
        .iter()
        .map(|c| c.country.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"Afghanistan"));
    assert_eq!(names.last(), Some(&"Zimbabwe"));
    let at = |start: &str| {
        names
            .iter()
            .position(|n| n.starts_with(start))
            .expect(start)
    };
    assert_eq!(names[at("Japan") - 1], "Jamaica");
    // Accents are ignored: C\u{F4}te d'Ivoire sorts as Cote.
    assert!(at("Costa Rica") < at("C\u{F4}te") && at("C\u{F4}te") < at("Croatia"));
}

#[test]
fn japan_shows_0120_801_734_and_keeps_704_only_as_a_noted_alternative() {
    let japan = center_by_iso("jp").expect("Japan");
    assert_eq!(japan.name(Language::Japanese), "日本");
    assert_eq!(japan.name(Language::English), "Japan");
    assert!(!japan.sources.is_empty());

    let numbers = japan.numbers();
    assert_eq!(numbers.len(), 2);
    let free = &numbers[0];
    assert_eq!(free.kind, NumberKind::TollFree);
    assert_eq!(free.domestic, "0120-801-734");
    assert_eq!(free.e164.as_deref(), Some("+81120801734"));
    assert_eq!(free.tel_uri().as_deref(), Some("tel:+81120801734"));
    assert!(free.may_fail_from_abroad());
    let toll = &numbers[1];
    assert_eq!(toll.kind, NumberKind::Toll);
    assert_eq!(toll.written, "+81-3-6831-3460");
    assert_eq!(toll.domestic, "03-6831-3460");
    assert_eq!(toll.tel_uri().as_deref(), Some("tel:+81368313460"));
    assert!(!toll.may_fail_from_abroad());

    assert!(numbers.iter().all(|n| !n.domestic.contains("704")));
    let [alternative] = japan.alternatives.as_slice() else {
        panic!("Japan should have exactly one alternative");
    };
    assert_eq!(alternative.number.written, "0120-801-704");
    assert_eq!(alternative.number.kind, NumberKind::TollFree);
    assert_eq!(
        alternative.number.tel_uri().as_deref(),
        Some("tel:+81120801704")
    );
    let note = &alternative.note;
    assert!(note.in_language(Language::English).contains("0120-801-734"));
    assert!(
        note.in_language(Language::English)
            .contains("no Microsoft list")
    );
    assert!(
        note.in_language(Language::Japanese)
            .contains("0120-801-734")
    );
    assert!(!alternative.source.is_empty());
}

#[test]
fn only_japan_has_alternatives() {
    let with: Vec<&str> = bundled_centers()
        .iter()
        .filter(|c| !c.alternatives.is_empty())
        .map(|c| c.iso.as_str())
        .collect();
    assert_eq!(with, ["JP"]);
}

#[test]
fn japan_is_found_by_code_and_by_name_in_either_script_and_width() {
    for query in [
        "jp",
        "JP",
        " jp ",
        "日本",
        "ｊａｐａｎ",
        "Japan",
        "JAPAN",
        "ｊｐ",
    ] {
        assert_eq!(isos(&find_centers(query)), ["JP"], "{query}");
    }
}

#[test]
fn united_finds_several_regions() {
    let found = isos(&find_centers("united"));
    assert!(found.len() >= 3, "{found:?}");
    assert!(found.contains(&"GB".to_owned()) && found.contains(&"US".to_owned()));
    assert!(found.contains(&"AE".to_owned()));
}

#[test]
fn lookups_that_should_find_nothing_or_everything() {
    assert!(find_centers("zz-nothing").is_empty());
    assert!(center_by_iso("ZZ").is_none());
    assert_eq!(find_centers("").len(), 236);
    assert_eq!(find_centers("   ").len(), 236);
}

#[test]
fn names_match_without_accents_and_in_japanese_katakana() {
    assert_eq!(isos(&find_centers("cote d'ivoire")), ["CI"]);
    assert_eq!(isos(&find_centers("Réunion")), ["RE"]);
    assert_eq!(isos(&find_centers("オーストラリア")), ["AU"]);
    // CLDR's name is searched too.
    assert_eq!(isos(&find_centers("Türkiye")), ["TR"]);
}

#[test]
fn find_in_works_over_any_slice() {
    let some: Vec<ActivationCenter> = bundled_centers()[..10].to_vec();
    assert!(find_in(&some, "japan").is_empty());
    assert_eq!(find_in(&some, "").len(), 10);
}

#[test]
fn india_access_string_has_no_tel_link_and_may_fail_from_abroad() {
    let india = center_by_iso("IN").unwrap();
    let numbers = india.numbers();
    assert_eq!(numbers.len(), 1);
    assert_eq!(numbers[0].domestic, "000800 040 4453");
    assert_eq!(numbers[0].e164, None);
    assert_eq!(numbers[0].tel_uri(), None);
    assert!(numbers[0].may_fail_from_abroad());
}

#[test]
fn a_toll_number_without_e164_may_also_fail_from_abroad() {
    // Qatar's only number is in the pre-2010 format: no dial form, no E.164 form.
    let qatar = center_by_iso("QA").unwrap();
    let [number] = qatar.numbers() else {
        panic!("Qatar has one number");
    };
    assert_eq!(number.kind, NumberKind::Toll);
    assert!(!number.dial_form_known);
    assert_eq!(number.domestic, "(974) (4) 119418");
    assert!(number.may_fail_from_abroad());
}

#[test]
fn indonesia_pairs_its_one_e164_form_with_the_right_number() {
    let indonesia = center_by_iso("ID").unwrap();
    let free: Vec<_> = indonesia
        .numbers()
        .iter()
        .filter(|n| n.kind == NumberKind::TollFree)
        .collect();
    assert_eq!(free[0].written, "001 803 657 668");
    assert_eq!(free[0].e164, None);
    assert_eq!(free[1].written, "0800-120 1201");
    assert_eq!(free[1].e164.as_deref(), Some("+628001201201"));
}

fn parsed(bytes: &[u8]) -> Vec<ActivationCenter> {
    parse_phone_inf(bytes).expect("the fixture parses")
}

fn row<'a>(rows: &'a [ActivationCenter], iso: &str) -> &'a ActivationCenter {
    rows.iter()
        .find(|r| r.iso == iso)
        .unwrap_or_else(|| panic!("{iso} missing"))
}

/// A row's notes as the English window shows them.
fn notes(center: &ActivationCenter) -> String {
    center
        .notes
        .iter()
        .map(|note| note.message(Language::English))
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_fixture(rows: &[ActivationCenter]) {
    let codes: Vec<&str> = rows.iter().map(|r| r.iso.as_str()).collect();
    assert_eq!(
        codes,
        [
            "AU", "BY", "GB", "HT", "ID", "IN", "JP", "LU", "ME", "RO", "VI", "TH", "EG", "QA",
            "XXQ"
        ]
    );
    assert!(rows.iter().all(|r| r.origin == Origin::ThisPc));
    // Numbers from this PC come with this PC's file as their one source: no list, date or
    // address to show (the window once drew an empty " - " line for each).
    for row in rows {
        assert_eq!(
            row.sources,
            [Source {
                list: SourceList::ThisPc,
                url: None,
                copied_on: None
            }]
        );
    }

    let japan = row(rows, "JP");
    assert_eq!(japan.country, "Japan");
    assert_eq!(japan.country_ja, "日本");
    assert_eq!(japan.written(NumberKind::TollFree), ["0120-801-734"]);
    assert_eq!(japan.written(NumberKind::Toll), ["+81-3-6831-3460"]);
    assert_eq!(notes(japan), "+81-3-6831-3460: Tokyo.");
    let numbers = japan.numbers();
    assert_eq!(numbers[0].tel_uri().as_deref(), Some("tel:+81120801734"));
    assert_eq!(numbers[1].domestic, "03-6831-3460");
    assert_eq!(numbers[1].e164.as_deref(), Some("+81368313460"));

    let australia = row(rows, "AU");
    assert_eq!(
        australia.written(NumberKind::TollFree),
        ["1800 642 008", "13 20 58"]
    );
    assert_eq!(
        australia.written(NumberKind::Toll),
        ["+61 2 9870 2131", "+61 2 9870 2200"]
    );
    assert_eq!(
        australia.numbers()[0].e164.as_deref(),
        Some("+611800642008")
    );
    assert_eq!(australia.numbers()[1].e164.as_deref(), Some("+61132058"));
    assert_eq!(australia.numbers()[2].domestic, "(02) 9870 2131");
    assert!(australia.numbers()[2].dial_form_known);

    let belarus = row(rows, "BY");
    assert_eq!(
        belarus.written(NumberKind::TollFree),
        ["(8) (820) 0071 0003"]
    );
    assert_eq!(
        belarus.written(NumberKind::Toll),
        ["(7) (495) 745 5445", "+43 (0)179567029", "+43 0179567028"]
    );
    assert_eq!(notes(belarus), "(7) (495) 745 5445: Moscow Russia.");
    assert_eq!(belarus.numbers()[0].e164, None);

    let uk = row(rows, "GB");
    assert_eq!(
        uk.written(NumberKind::Toll),
        ["(44) (203) 147 4930", "+44 20 7946 0000"]
    );
    let uk_numbers = uk.numbers();
    assert_eq!(uk_numbers[1].domestic, "020 3147 4930");
    // A number the bundled table does not have: E.164 from its digits, dial form unchecked.
    assert_eq!(uk_numbers[2].e164.as_deref(), Some("+442079460000"));
    assert!(!uk_numbers[2].dial_form_known);

    assert_eq!(row(rows, "HT").written(NumberKind::Toll), ["193 PIN 3141"]);
    assert!(!row(rows, "HT").numbers()[0].dial_form_known);

    let indonesia = row(rows, "ID");
    assert_eq!(
        indonesia.written(NumberKind::TollFree),
        ["001 803 657 668", "0800-120 1201"]
    );
    assert_eq!(
        indonesia.written(NumberKind::Toll),
        ["+65 6324-8098", "1 500 288"]
    );
    assert_eq!(notes(indonesia), "001 803 657 668: ITFS.");
    let free = indonesia.numbers();
    assert_eq!(free[0].e164, None);
    assert_eq!(free[1].e164.as_deref(), Some("+628001201201"));

    let india = row(rows, "IN");
    assert_eq!(india.written(NumberKind::TollFree), ["000800 040 4453"]);
    assert!(india.written(NumberKind::Toll).is_empty());
    assert_eq!(india.numbers()[0].tel_uri(), None);

    let luxembourg = row(rows, "LU");
    assert_eq!(luxembourg.written(NumberKind::TollFree), ["8002 99 77"]);
    assert_eq!(
        luxembourg.written(NumberKind::Toll),
        ["(33) (1) 7226 6080", "(49) (89) 2444 5093"]
    );
    assert_eq!(
        notes(luxembourg),
        "(33) (1) 7226 6080: French. (49) (89) 2444 5093: GERMAN."
    );

    assert_eq!(
        row(rows, "ME").written(NumberKind::Toll),
        ["(381) (11) 3305 500"]
    );

    let romania = row(rows, "RO");
    assert_eq!(romania.country, "Romania");
    assert_eq!(romania.country_ja, "ルーマニア");
    assert_eq!(romania.written(NumberKind::TollFree), ["(0800) 822 222"]);
    assert_eq!(romania.written(NumberKind::Toll), ["(40) (21) 204 70 15"]);

    let virgin = row(rows, "VI");
    assert_eq!(
        virgin.written(NumberKind::TollFree),
        ["1-877-678-8034", "1-866-678-8034"]
    );
    let merged = notes(virgin);
    assert!(merged.contains("STT ('Saint_Thomas')"), "{merged}");
    assert!(merged.contains("VIR ("), "{merged}");

    let thailand = row(rows, "TH");
    assert_eq!(
        thailand.written(NumberKind::TollFree),
        ["001 800 2468 1668", "001 800 4410560"]
    );
    assert_eq!(
        thailand.written(NumberKind::Toll),
        ["+65 6324 8098", "66 2 263 6888"]
    );
    assert_eq!(
        notes(thailand),
        "001 800 2468 1668: International Access Code."
    );
    assert_eq!(thailand.numbers()[0].e164.as_deref(), Some("+80024681668"));
    assert_eq!(thailand.numbers()[1].e164, None);

    let egypt = row(rows, "EG");
    assert!(egypt.written(NumberKind::TollFree).is_empty());
    assert_eq!(egypt.written(NumberKind::Toll), ["+202 3 5393333"]);

    assert_eq!(
        row(rows, "QA").written(NumberKind::Toll),
        ["(974) (4) 119418"]
    );
    assert_eq!(row(rows, "QA").numbers()[0].e164, None);

    let unknown = row(rows, "XXQ");
    assert_eq!(unknown.country, "Atlantis");
    assert_eq!(unknown.name(Language::Japanese), "Atlantis");
    assert_eq!(unknown.written(NumberKind::TollFree), ["0800 123 4567"]);
    assert_eq!(unknown.numbers()[0].e164, None);
}

#[test]
fn the_utf8_fixture_parses_to_the_rows_written_in_it() {
    check_fixture(&parsed(PHONE_INF));
}

#[test]
fn the_utf16_fixture_parses_to_the_same_rows() {
    assert_eq!(&PHONE_INF_UTF16[..2], [0xFF, 0xFE]);
    let utf16 = parsed(PHONE_INF_UTF16);
    check_fixture(&utf16);
    assert_eq!(utf16, parsed(PHONE_INF));
}

#[test]
fn utf8_with_a_bom_and_big_endian_utf16_parse_too() {
    let text = std::str::from_utf8(PHONE_INF).unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(PHONE_INF);
    check_fixture(&parsed(&bom));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    check_fixture(&parsed(&be));
}

#[test]
fn the_pcs_rows_replace_the_bundled_ones_and_keep_the_alternatives() {
    let merged = prefer_this_pc(parsed(PHONE_INF));
    // 236 bundled regions, 14 of them replaced, plus the unknown XXQ.
    assert_eq!(merged.len(), 237);
    let japan = merged.iter().find(|c| c.iso == "JP").unwrap();
    assert_eq!(japan.origin, Origin::ThisPc);
    assert_eq!(japan.alternatives.len(), 1);
    let france = merged.iter().find(|c| c.iso == "FR").unwrap();
    assert_eq!(france.origin, Origin::Bundled);
    let names: Vec<&str> = merged.iter().map(|c| c.country.as_str()).collect();
    let atlantis = names.iter().position(|n| *n == "Atlantis").unwrap();
    assert_eq!(
        names[atlantis - 1..=atlantis + 1],
        ["Aruba", "Atlantis", "Australia"]
    );
}

#[test]
fn files_that_are_not_phone_inf_are_refused_with_a_reason() {
    assert_eq!(parse_phone_inf(b""), Err(PhoneInfError::Empty));
    assert_eq!(parse_phone_inf(b"  \r\n "), Err(PhoneInfError::Empty));
    assert_eq!(
        parse_phone_inf(b"[Version]\nSignature = $Chicago$\n"),
        Err(PhoneInfError::NotPhoneInf)
    );
    assert_eq!(
        parse_phone_inf(&[0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0x00]),
        Err(PhoneInfError::NotPhoneInf)
    );
    assert_eq!(
        parse_phone_inf(b"[IsoCodes]\n; nothing\nJPN,,,%Japan%\n"),
        Err(PhoneInfError::NoCenters)
    );
    let error = parse_phone_inf(b"hello").unwrap_err();
    assert!(error.message(Language::Japanese).contains("[IsoCodes]"));
    assert!(error.message(Language::English).contains("[IsoCodes]"));
}

#[test]
fn truncated_utf16_does_not_panic() {
    for cut in [
        1,
        2,
        3,
        101,
        PHONE_INF_UTF16.len() / 2 + 1,
        PHONE_INF_UTF16.len() - 1,
    ] {
        let _ = parse_phone_inf(&PHONE_INF_UTF16[..cut]);
    }
    // Cut in the middle of the [IsoCodes] rows: the rows before the cut still come through.
    let rows = parse_phone_inf(&PHONE_INF_UTF16[..PHONE_INF_UTF16.len() * 3 / 5]).unwrap();
    assert!(rows.iter().any(|r| r.iso == "AU"));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_phone_inf(&bytes);
    }

    #[test]
    fn arbitrary_iso_code_rows_never_panic(body in "[A-Z%(),;+0-9 _\"\\[\\]=\n-]{0,300}") {
        let text = format!("[IsoCodes]\n{body}\n[Strings]\n{body}");
        if let Ok(rows) = parse_phone_inf(text.as_bytes()) {
            for row in rows {
                let _ = row.numbers();
            }
        }
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let _ = parse_phone_inf(&utf16);
    }
}

#[test]
fn codes_resolve_before_names() {
    use activation_companion::centers::{CountryError, country};

    // "UK" is the United Kingdom, never Ukraine by its name; alpha-3 codes work too.
    for (query, iso) in [
        ("UK", "GB"),
        ("uk", "GB"),
        ("GBR", "GB"),
        ("jpn", "JP"),
        ("USA", "US"),
    ] {
        assert_eq!(isos(&find_centers(query)), [iso], "{query}");
        assert_eq!(country(query).unwrap().iso, iso, "{query}");
    }
    // Microsoft's own codes in phone.inf are not ISO: ANG is not Angola.
    assert!(country("ANG").is_err());
    // A code-shaped query names a code or nothing ("ZZ" is inside "Brazzaville").
    assert_eq!(
        country("ZZ"),
        Err(CountryError::Unknown { query: "ZZ".into() })
    );
    assert!(matches!(
        country("united"),
        Err(CountryError::Ambiguous { .. })
    ));
    assert_eq!(country("Japan").unwrap().iso, "JP");
}

/// The research table's notes were English only and the Japanese window showed them as they
/// were: every row now has them in Japanese too, with every number kept as written.
#[test]
fn every_note_of_the_bundled_table_is_in_japanese_with_its_numbers() {
    let digit_runs = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .map(str::to_string)
            .collect()
    };
    for center in bundled_centers() {
        for note in &center.notes {
            let CenterNote::Researched(note) = note else {
                panic!(
                    "{}: a bundled row's notes are the research table's",
                    center.iso
                );
            };
            let (en, ja) = (&note.en, note.in_language(Language::Japanese));
            assert!(!note.ja.is_empty() && ja != en, "{}: {en}", center.iso);
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)),
                "{}: {ja}",
                center.iso
            );
            // "E.164" is the name of a standard, said in plain words in Japanese (the script's
            // NAMES_NOT_NUMBERS): its digits are no number the user dials.
            let mut in_english = digit_runs(&en.replace("E.164", ""));
            let mut in_japanese = digit_runs(ja);
            in_english.sort();
            in_japanese.sort();
            for run in &in_english {
                assert!(
                    in_japanese.contains(run),
                    "{}: {run} lost in {ja}",
                    center.iso
                );
            }
        }
    }
}
