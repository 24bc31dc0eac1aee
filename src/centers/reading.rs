//! The Japanese list's order: by how each region's name is read (gojuon order, as a Japanese
//! reader looks a country up), from `data/country_readings_ja.json` (made by
//! `scripts/make_country_readings.py`, its input recorded beside it).

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::ActivationCenter;
use crate::language::Language;

/// ISO code -> reading (katakana).
fn readings() -> &'static HashMap<String, String> {
    static READINGS: OnceLock<HashMap<String, String>> = OnceLock::new();
    READINGS.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct File {
            readings: HashMap<String, (String, String)>,
        }
        let file: Result<File, _> =
            serde_json::from_str(include_str!("../../data/country_readings_ja.json"));
        file.map(|file| {
            file.readings
                .into_iter()
                .map(|(iso, (_, reading))| (iso, reading))
                .collect()
        })
        .unwrap_or_default()
    })
}

/// How the region's Japanese name is read: the data's reading for its ISO code, else the name
/// itself (a region only this PC's phone.inf has).
pub fn reading_ja(center: &ActivationCenter) -> &str {
    readings()
        .get(&center.iso)
        .map(String::as_str)
        .unwrap_or(&center.country_ja)
}

/// Hiragana as katakana; small kana as their full-size letters.
fn plain_kana(c: char) -> char {
    let c = match c {
        '\u{3041}'..='\u{3096}' => char::from_u32(u32::from(c) + 0x60).unwrap_or(c),
        _ => c,
    };
    match c {
        // Small a i u e o, tsu, ya yu yo, wa: the next code point is the full-size letter.
        '\u{30A1}' | '\u{30A3}' | '\u{30A5}' | '\u{30A7}' | '\u{30A9}' | '\u{30C3}'
        | '\u{30E3}' | '\u{30E5}' | '\u{30E7}' | '\u{30EE}' => {
            char::from_u32(u32::from(c) + 1).unwrap_or(c)
        }
        // Small ka and ke.
        '\u{30F5}' => '\u{30AB}',
        '\u{30F6}' => '\u{30B1}',
        _ => c,
    }
}

/// The key a Japanese dictionary orders a reading by: first the kana without their voicing
/// marks, small kana as full-size, without the long-vowel mark, the middle dot, brackets or
/// spaces; then, between readings that tie, the reading as written (so a plain kana comes
/// before its voiced one: ha, ba, pa).
pub fn gojuon_key(reading: &str) -> (String, String) {
    let primary = reading
        .nfd()
        .filter(|c| !matches!(c, '\u{3099}' | '\u{309A}'))
        .map(plain_kana)
        .filter(|c| {
            !matches!(
                c,
                '\u{30FC}' | '\u{30FB}' | '\u{FF08}' | '\u{FF09}' | '(' | ')' | ' ' | '\u{3000}'
            )
        })
        .collect();
    (primary, reading.to_string())
}

/// The regions in the order a reader of `language` looks them up: by English name (as they
/// are kept), or in Japanese by reading.
pub fn in_order(centers: &mut [&ActivationCenter], language: Language) {
    if language == Language::Japanese {
        centers.sort_by_cached_key(|center| (gojuon_key(reading_ja(center)), center.iso.clone()));
    }
}
