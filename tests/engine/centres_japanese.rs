//! The activation-centres table's Japanese (issue 18): what a Japanese user reads in the country
//! list and the notes says things in plain words, in Microsoft Japan's style, and names each
//! country one way. The table is `data/activation_centers.json`, made by
//! `scripts/make_centers.py`; these tests read it through the crate, as the window does.

use std::process::Command;

use activation_companion::centers::{
    ActivationCenter, CenterNote, bundled_centers, center_by_iso, find_centers,
};
use activation_companion::language::Bilingual;

const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");

/// A row's researched notes, in both languages.
fn researched(center: &ActivationCenter) -> impl Iterator<Item = &Bilingual> {
    center.notes.iter().filter_map(|note| match note {
        CenterNote::Researched(text) => Some(text),
        _ => None,
    })
}

/// The Japanese notes of a row: its researched notes and its alternatives' notes.
fn notes_ja(center: &ActivationCenter) -> Vec<&str> {
    researched(center)
        .map(|text| text.ja.as_str())
        .chain(center.alternatives.iter().map(|a| a.note.ja.as_str()))
        .collect()
}

/// Every Japanese text a user reads from the table, with the row and field it is in.
fn japanese_texts() -> Vec<(String, &'static str)> {
    let mut texts = Vec::new();
    for center in bundled_centers() {
        texts.push((
            format!("{} country_ja", center.iso),
            center.country_ja.as_str(),
        ));
        for note in notes_ja(center) {
            texts.push((format!("{} notes", center.iso), note));
        }
    }
    texts
}

fn us() -> &'static ActivationCenter {
    center_by_iso("US").expect("the US row")
}

fn isos(centers: &[&ActivationCenter]) -> Vec<String> {
    centers.iter().map(|c| c.iso.clone()).collect()
}

#[test]
fn no_words_meant_for_maintainers_in_what_a_japanese_user_reads() {
    crate::common::assert_nothing_for_maintainers(japanese_texts());
}

#[test]
fn a_number_without_an_international_form_is_said_in_plain_words() {
    let plain = "国際電話の形式（+ で始まる番号）では表せません。";
    let mut said = 0;
    for center in bundled_centers() {
        let without = researched(center)
            .map(|text| text.en.as_str())
            .map(|note| note.matches("no E.164").count() + note.matches("no usable E.164").count())
            .sum::<usize>();
        let japanese: usize = notes_ja(center)
            .iter()
            .map(|note| note.matches(plain).count())
            .sum();
        assert_eq!(japanese, without, "{}: {:?}", center.iso, notes_ja(center));
        said += japanese;
    }
    assert!(said >= 30, "the shape the review found in ~37 rows: {said}");
}

#[test]
fn from_abroad_is_kaigai_kara_never_kokugai() {
    for (at, text) in japanese_texts() {
        assert!(!text.contains("国外"), "{at}: {text}");
    }
    let japan = center_by_iso("JP").unwrap();
    assert!(
        notes_ja(japan)[0].starts_with("日本の 0120 番号は海外からはつながりません。"),
        "{:?}",
        notes_ja(japan)
    );
    // The other toll-free lines that cannot be reached from abroad say it the same way.
    let estonia = center_by_iso("EE").unwrap();
    assert!(
        notes_ja(estonia)[0].contains("（+3728002230）は海外からはつながりません。"),
        "{:?}",
        notes_ja(estonia)
    );
}

#[test]
fn typography_follows_microsoft_japans_style() {
    for (at, text) in japanese_texts() {
        assert!(
            !text.contains('\u{301C}'),
            "{at}: a range is written with U+FF5E: {text}"
        );
        assert!(!text.contains("。 "), "{at}: a space after 。: {text}");
        if at.ends_with("notes") && !text.is_empty() {
            assert!(text.ends_with('。'), "{at}: {text}");
        }
    }
}

#[test]
fn country_names_use_full_width_parentheses() {
    for center in bundled_centers() {
        let name = &center.country_ja;
        assert!(
            !name.contains('(') && !name.contains(')') && !name.contains(" （"),
            "{}: {name}",
            center.iso
        );
    }
    let name = |iso: &str| center_by_iso(iso).unwrap().country_ja.as_str();
    assert_eq!(name("MM"), "ミャンマー（ビルマ）");
    assert_eq!(name("CG"), "コンゴ共和国（ブラザビル）");
    assert_eq!(name("CC"), "ココス（キーリング）諸島");
}

#[test]
fn hong_kong_and_macao_in_microsofts_short_form() {
    assert_eq!(center_by_iso("HK").unwrap().country_ja, "香港特別行政区");
    assert_eq!(center_by_iso("MO").unwrap().country_ja, "マカオ特別行政区");
    for center in bundled_centers() {
        assert!(
            !center.country_ja.starts_with("中華人民共和国"),
            "{}: {}",
            center.iso,
            center.country_ja
        );
    }
}

#[test]
fn the_us_is_beikoku_in_the_list_and_in_the_notes() {
    assert_eq!(us().country_ja, "米国");
    let mut numbers_in_the_us = 0;
    for center in bundled_centers() {
        for note in notes_ja(center) {
            assert!(!note.contains("アメリカ"), "{}: {note}", center.iso);
            numbers_in_the_us += note.matches("は米国（+1）の番号で").count();
        }
    }
    assert!(numbers_in_the_us >= 30, "{numbers_in_the_us}");
    assert!(notes_ja(us())[0].starts_with("ほかに見つかった米国の番号は、"));
}

#[test]
fn renamed_countries_are_still_found_by_every_name() {
    for (query, iso) in [
        ("米国", "US"),
        ("アメリカ合衆国", "US"),
        ("香港", "HK"),
        ("香港特別行政区", "HK"),
        ("中華人民共和国香港特別行政区", "HK"),
        ("中華人民共和国マカオ特別行政区", "MO"),
        ("マカオ", "MO"),
        ("ビルマ", "MM"),
        ("ミャンマー (ビルマ)", "MM"),
        ("ミャンマー（ビルマ）", "MM"),
        ("ココス(キーリング)諸島", "CC"),
        ("ココス（キーリング）諸島", "CC"),
        ("ブラザビル", "CG"),
    ] {
        assert_eq!(isos(&find_centers(query)), [iso], "{query}");
    }
    assert!(isos(&find_centers("アメリカ")).contains(&"US".to_string()));
}

fn centers_json(query: &str) -> Vec<String> {
    let output = Command::new(BINARY)
        .args(["centers", query, "--json"])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(0), "centers {query}");
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| row["iso"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_command_line_finds_the_us_as_beikoku_and_as_america() {
    assert_eq!(centers_json("米国"), ["US"]);
    assert!(centers_json("アメリカ").contains(&"US".to_string()));
    assert_eq!(centers_json("中華人民共和国香港特別行政区"), ["HK"]);
}

/// The Japanese list is in reading order (gojuon), as a Japanese reader looks a country up:
/// 南極 (ナンキョク) in the な row, 日本 (ニホン) among the に, 中国 (チュウゴク) among the ち;
/// the English order put 南極 between アンギラ and アンティグア (issue 24).
#[test]
fn the_japanese_list_is_in_reading_order() {
    use activation_companion::centers::{self, ActivationCenter};
    use activation_companion::language::Language;

    let mut list: Vec<&ActivationCenter> = centers::bundled_centers().iter().collect();
    centers::in_order(&mut list, Language::Japanese);
    let at = |iso: &str| {
        list.iter()
            .position(|center| center.iso == iso)
            .unwrap_or_else(|| panic!("{iso} is in the list"))
    };
    // ナミビア, 南極, then ニウエ: the な row, before the に row.
    assert!(at("NA") < at("AQ") && at("AQ") < at("NU"));
    // ニジェール, 日本, ニューカレドニア.
    assert!(at("NE") < at("JP") && at("JP") < at("NC"));
    // タンザニア, 中国, ツバル.
    assert!(at("TZ") < at("CN") && at("CN") < at("TV"));
    // アンギラ, アンゴラ, アンティグア・バーブーダ, アンドラ: next to each other.
    assert_eq!(
        [at("AO"), at("AG"), at("AD")],
        [at("AI") + 1, at("AI") + 2, at("AI") + 3]
    );
    // Every name has its reading, in katakana (kanji read by hand in the data).
    for center in &list {
        let reading = centers::reading_ja(center);
        assert!(
            !reading.is_empty()
                && reading
                    .chars()
                    .all(|c| matches!(c, '\u{30A1}'..='\u{30FC}' | '（' | '）')),
            "{} {}: {reading}",
            center.iso,
            center.country_ja
        );
    }
    // In order from first to last.
    for pair in list.windows(2) {
        assert!(
            centers::gojuon_key(centers::reading_ja(pair[0]))
                <= centers::gojuon_key(centers::reading_ja(pair[1])),
            "{} before {}",
            pair[0].country_ja,
            pair[1].country_ja
        );
    }
    // English keeps the English order.
    let mut english: Vec<&ActivationCenter> = centers::bundled_centers().iter().collect();
    centers::in_order(&mut english, Language::English);
    assert_eq!(english[0].country, "Afghanistan");
}
