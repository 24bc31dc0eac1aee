//! The embedded fonts (subsets of BIZ UDGothic, see data/fonts/README.md) must
//! cover every character the UI can show, in both Regular and Bold.
//!
//! The characters are collected the same way `scripts/make_fonts.py` collects
//! them: every character of `src/words/` and every string value in `data/*.json`,
//! minus control characters and whitespace. When a sentence gains a new character,
//! this test fails until `python3 scripts/make_fonts.py` is run again.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use activation_companion::gui::fonts;

const FONTS: [&str; 2] = [
    "data/fonts/BIZUDGothic-Regular.subset.ttf",
    "data/fonts/BIZUDGothic-Bold.subset.ttf",
];
const MAX_FONT_BYTES: usize = 2 * 1024 * 1024;
const REGENERATE: &str = "run `python3 scripts/make_fonts.py` (needs `apt-get install \
                          fonts-morisawa-bizud-gothic` and `pip install fonttools`) and commit \
                          data/fonts/";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_font(rel: &str) -> Vec<u8> {
    let path = root().join(rel);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; {REGENERATE}", path.display()))
}

fn with_face<R>(rel: &str, f: impl FnOnce(&ttf_parser::Face<'_>) -> R) -> R {
    let data = read_font(rel);
    let face = ttf_parser::Face::parse(&data, 0)
        .unwrap_or_else(|e| panic!("{rel} is not a valid font: {e}; {REGENERATE}"));
    f(&face)
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every character the UI can show, with one file that uses it: every character of
/// `src/words/` (the one home of the sentences; the rest of `src/` is ASCII, see
/// `tests/architecture.rs`) and of the string values in `data/*.json`.
fn ui_chars() -> BTreeMap<char, String> {
    let root = root();
    let mut sources: Vec<(PathBuf, Vec<String>)> = Vec::new();

    let mut files = Vec::new();
    rs_files(&root.join("src/words"), &mut files);
    assert!(files.len() > 3, "src/words/ holds the sentences");
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        sources.push((path, vec![text]));
    }
    if let Ok(entries) = fs::read_dir(root.join("data")) {
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_file() && path.extension().is_some_and(|e| e == "json") {
                let text =
                    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let doc: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let mut strings = Vec::new();
                json_strings(&doc, &mut strings);
                sources.push((path, strings));
            }
        }
    }
    sources.sort();

    let mut chars = BTreeMap::new();
    for (path, strings) in sources {
        let shown = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for c in strings.iter().flat_map(|s| s.chars()) {
            if !c.is_control() && !c.is_whitespace() {
                chars.entry(c).or_insert_with(|| shown.clone());
            }
        }
    }
    chars
}

fn missing_in(rel: &str, chars: impl IntoIterator<Item = char>) -> Vec<char> {
    with_face(rel, |face| {
        chars
            .into_iter()
            .filter(|&c| face.glyph_index(c).is_none())
            .collect()
    })
}

// ---------------------------------------------------------------------------

#[test]
fn font_files_exist_are_valid_and_small() {
    for rel in FONTS {
        let data = read_font(rel);
        assert!(
            data.len() < MAX_FONT_BYTES,
            "{rel} is {} bytes, over the 2 MB budget; keep it a subset ({REGENERATE})",
            data.len()
        );
        with_face(rel, |face| {
            assert!(face.number_of_glyphs() > 95, "{rel} has almost no glyphs");
            assert!(face.units_per_em() > 0);
            // Every family name, in every language of the name table, is the subsets' own:
            // an installed "BIZ UDGothic" (or "BIZ UDゴシック") must not be able to stand in.
            let families: Vec<String> = face
                .names()
                .into_iter()
                .filter(|n| {
                    [
                        ttf_parser::name_id::FAMILY,
                        ttf_parser::name_id::TYPOGRAPHIC_FAMILY,
                    ]
                    .contains(&n.name_id)
                })
                .filter_map(|n| n.to_string())
                .collect();
            assert!(!families.is_empty(), "{rel}: no family name");
            for family in families {
                assert_eq!(family, fonts::FAMILY, "{rel}: family name ({REGENERATE})");
            }
        });
    }
    let licence = fs::read_to_string(root().join("data/fonts/OFL.txt"))
        .unwrap_or_else(|e| panic!("data/fonts/OFL.txt: {e}; {REGENERATE}"));
    assert!(licence.contains("SIL OPEN FONT LICENSE Version 1.1"));
    assert!(licence.contains("BIZ UDGothic Project Authors"));
}

#[test]
fn digits_and_key_phrase_are_covered() {
    let probe: BTreeSet<char> = "0123456789インストール ID"
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for rel in FONTS {
        let missing = missing_in(rel, probe.iter().copied());
        assert!(missing.is_empty(), "{rel} lacks {missing:?}; {REGENERATE}");
    }
}

#[test]
fn every_ui_character_is_in_both_fonts() {
    let chars = ui_chars();
    assert!(
        chars.len() > 50,
        "found only {} UI characters; is the scanner broken?",
        chars.len()
    );
    let mut report = String::new();
    for rel in FONTS {
        let missing = missing_in(rel, chars.keys().copied());
        if !missing.is_empty() {
            report.push_str(&format!("\n{rel} lacks {} character(s):", missing.len()));
            for c in missing {
                report.push_str(&format!(
                    "\n  {c:?} U+{:04X} (used in {})",
                    u32::from(c),
                    chars[&c]
                ));
            }
        }
    }
    assert!(
        report.is_empty(),
        "UI strings use characters the embedded fonts do not cover:{report}\n\nFix: {REGENERATE}. \
         If the script then says BIZ UDGothic itself lacks a character, change the string instead."
    );
}

/// The window's default text size (iced's), in pixels.
const DEFAULT_TEXT_SIZE: f32 = 16.0;

/// Every dash a sentence uses is drawn at least a pixel thick at the default size, in both
/// fonts: BIZ UDGothic's en and em dashes are 0.77 px there (98 units of 2,048), and the en
/// dash of "groups 1–9" was not drawn at all. The window title (the OS draws it in its own
/// font) is left out.
#[test]
fn every_dash_in_a_sentence_is_at_least_a_pixel_thick() {
    let dashes = |c: char| {
        matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}'
        )
    };
    let thin: BTreeMap<char, String> = ui_chars()
        .into_iter()
        .filter(|(c, _)| dashes(*c))
        .filter(|(c, _)| {
            FONTS.iter().any(|font| {
                with_face(font, |face| {
                    let glyph = face.glyph_index(*c).expect("covered (see the test above)");
                    let bounds = face
                        .glyph_bounding_box(glyph)
                        .expect("a dash has an outline");
                    let height = f32::from(bounds.y_max - bounds.y_min);
                    height * DEFAULT_TEXT_SIZE / f32::from(face.units_per_em()) < 1.0
                })
            })
        })
        .collect();
    // Where each thin dash stands in a sentence (not a comment, not the window title).
    let mut used = Vec::new();
    let mut files = Vec::new();
    rs_files(&root().join("src/words"), &mut files);
    for path in files {
        let text = fs::read_to_string(&path).expect("a source file");
        let shown = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in shown.lines().enumerate() {
            let comment = line.trim_start().starts_with("//");
            if !comment && !line.contains("AppTitle") && line.chars().any(|c| thin.contains_key(&c))
            {
                used.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    let scripts = fs::read_to_string(root().join("data/call_scripts.json")).expect("the scripts");
    for (number, line) in scripts.lines().enumerate() {
        if line.chars().any(|c| thin.contains_key(&c)) {
            used.push(format!(
                "data/call_scripts.json:{}: {}",
                number + 1,
                line.trim()
            ));
        }
    }
    assert!(
        used.is_empty(),
        "dashes thinner than a pixel at {DEFAULT_TEXT_SIZE} px ({:?}) in sentences:\n{}",
        thin.keys().collect::<Vec<_>>(),
        used.join("\n")
    );
}
