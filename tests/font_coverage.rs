//! The embedded fonts (subsets of BIZ UDGothic, see data/fonts/README.md) must
//! cover every character the UI can show, in both Regular and Bold.
//!
//! The characters are collected the same way `scripts/make_fonts.py` collects
//! them: the contents of every string literal in `src/**/*.rs` (outside the
//! unit-test modules) and every string value in `data/*.json`, minus control
//! characters and whitespace. When a string gains a new character, this test fails until
//! `python3 scripts/make_fonts.py` is run again.

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

// ---------------------------------------------------------------------------
// Rust string/char literals: mirrors `rust_literals` in scripts/make_fonts.py.
// ---------------------------------------------------------------------------

/// A source file without its unit tests (a `#[cfg(test)]` module at the end, by convention):
/// test inputs are not UI text.
fn shipped_code(source: &str) -> &str {
    source.split("\n#[cfg(test)]").next().unwrap_or(source)
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn starts_with(s: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| s.get(i + k) == Some(&p))
}

fn parse_hex(digits: &[char]) -> Option<u32> {
    let text: String = digits.iter().filter(|&&c| c != '_').collect();
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(&text, 16).ok()
}

/// `s[i] == '\\'`. Returns the character (if it is one) and the index after the escape.
fn escape(s: &[char], i: usize) -> (Option<char>, usize) {
    let n = s.len();
    let Some(&e) = s.get(i + 1) else {
        return (None, n);
    };
    match e {
        'n' => (Some('\n'), i + 2),
        'r' => (Some('\r'), i + 2),
        't' => (Some('\t'), i + 2),
        '\\' => (Some('\\'), i + 2),
        '0' => (Some('\0'), i + 2),
        '\'' => (Some('\''), i + 2),
        '"' => (Some('"'), i + 2),
        'x' => {
            if i + 4 > n || !s[i + 2..i + 4].iter().all(|c| c.is_ascii_hexdigit()) {
                return (None, i + 2);
            }
            let v = parse_hex(&s[i + 2..i + 4]).unwrap_or(0x80);
            // \x80..\xFF only occur in byte literals: bytes, not characters shown.
            let c = if v < 0x80 { char::from_u32(v) } else { None };
            (c, i + 4)
        }
        'u' if s.get(i + 2) == Some(&'{') => match s[i + 3..].iter().position(|&c| c == '}') {
            None => (None, n),
            Some(len) => {
                let end = i + 3 + len;
                (parse_hex(&s[i + 3..end]).and_then(char::from_u32), end + 1)
            }
        },
        '\n' | '\r' => {
            // Line continuation: skip the newline and the following whitespace.
            let mut j = i + 1;
            while j < n && matches!(s[j], ' ' | '\t' | '\n' | '\r') {
                j += 1;
            }
            (None, j)
        }
        _ => (None, i + 2),
    }
}

/// `s[i]` is just after the opening `"`. Returns the value and the index after the closing `"`.
fn quoted(s: &[char], mut i: usize) -> (String, usize) {
    let mut out = String::new();
    while i < s.len() {
        match s[i] {
            '"' => return (out, i + 1),
            '\\' => {
                let (c, j) = escape(s, i);
                out.extend(c);
                i = j;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    (out, s.len())
}

/// `s[i] == '\''`. A char literal, or `None` for a lifetime or label.
fn char_lit(s: &[char], i: usize) -> (Option<char>, usize) {
    let n = s.len();
    if s.get(i + 1) == Some(&'\\') {
        let (c, j) = escape(s, i + 1);
        if s.get(j) == Some(&'\'') {
            return (c, j + 1);
        }
        return (None, i + 1);
    }
    if i + 2 < n && s[i + 2] == '\'' && s[i + 1] != '\'' {
        return (Some(s[i + 1]), i + 3);
    }
    (None, i + 1)
}

/// Contents of every string and char literal in Rust source (comments skipped).
fn rust_literals(src: &str) -> Vec<String> {
    let s: Vec<char> = src.chars().collect();
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = s[i];
        if starts_with(&s, i, "//") {
            i = s[i..].iter().position(|&c| c == '\n').map_or(n, |p| i + p);
        } else if starts_with(&s, i, "/*") {
            let mut depth = 1;
            i += 2;
            while i < n && depth > 0 {
                if starts_with(&s, i, "/*") {
                    depth += 1;
                    i += 2;
                } else if starts_with(&s, i, "*/") {
                    depth -= 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            let (v, j) = quoted(&s, i + 1);
            out.push(v);
            i = j;
        } else if c == '\'' {
            // Char literals are code (ranges, separators), not text the UI shows: skipped.
            let (_, j) = char_lit(&s, i);
            i = j;
        } else if is_ident(c) {
            let mut j = i;
            while j < n && is_ident(s[j]) {
                j += 1;
            }
            let word: String = s[i..j].iter().collect();
            i = j;
            let next = s.get(j).copied();
            if matches!(word.as_str(), "r" | "br" | "cr") && matches!(next, Some('"' | '#')) {
                let mut k = j;
                while k < n && s[k] == '#' {
                    k += 1;
                }
                if s.get(k) == Some(&'"') {
                    // Raw string; otherwise a raw identifier such as r#type.
                    let close: Vec<char> = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', k - j))
                        .collect();
                    let end = (k + 1..n)
                        .find(|&p| s[p..].starts_with(&close))
                        .unwrap_or(n);
                    out.push(s[k + 1..end].iter().collect());
                    i = end + close.len();
                }
            } else if matches!(word.as_str(), "b" | "c") && next == Some('"') {
                let (v, e) = quoted(&s, j + 1);
                out.push(v);
                i = e;
            } else if word == "b" && next == Some('\'') {
                let (_, e) = char_lit(&s, j);
                i = e;
            }
        } else {
            i += 1;
        }
    }
    out
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

/// Every character the UI can show, with one file that uses it.
fn ui_chars() -> BTreeMap<char, String> {
    let root = root();
    let mut sources: Vec<(PathBuf, Vec<String>)> = Vec::new();

    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        sources.push((path, rust_literals(shipped_code(&text))));
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
fn the_literal_scanner_finds_literals_and_skips_comments() {
    let src = r##"fn f<'a>(x: &'a str) -> char { 'x' } // "comment ★"
/* "block /* nested ◆ */ still" */ let s = r#"raw "q" ☆"#; let t = "a\"b\u{263A}\
     c"; let b = b'\''; let r#type = 1; let z = br"zz"; let q = '\u{2605}'; 'l: loop {}"##;
    assert_eq!(
        rust_literals(src),
        ["raw \"q\" ☆", "a\"b☺c", "zz"].map(String::from)
    );
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
