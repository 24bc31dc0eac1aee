//! The Japanese words held to the glossary in `src/words/mod.rs`: every Japanese string of
//! `src/words/` and of the call scripts, one form per concept (review of December 2026).

use std::path::Path;

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}')
}

/// Every string literal of a Rust source, with `\` line continuations joined, that holds
/// Japanese: `(file, literal)`.
fn rust_literals(dir: &Path) -> Vec<(String, String)> {
    let literal = regex::Regex::new(r#"(?s)"((?:[^"\\]|\\.)*)""#).unwrap();
    let continuation = regex::Regex::new(r"\\\n\s*").unwrap();
    let char_literal = regex::Regex::new(r"'(\\.|[^\\'])'").unwrap();
    let comment = regex::Regex::new(r"(?m)^\s*//.*$").unwrap();
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(rust_literals(&path));
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // The tests under `#[cfg(test)]` quote old wordings on purpose; a character literal
        // such as '"' would pair the quotes wrongly, and comments are not shown.
        let source = source.split("#[cfg(test)]").next().unwrap();
        let source = char_literal.replace_all(source, "' '").to_string();
        let source = comment.replace_all(&source, "");
        for capture in literal.captures_iter(&source) {
            let text = continuation.replace_all(&capture[1], "").to_string();
            if text.chars().any(is_japanese) {
                found.push((path.display().to_string(), text));
            }
        }
    }
    found
}

/// Every Japanese text of the call scripts: `(script, text)`.
fn script_texts() -> Vec<(String, String)> {
    let scripts: serde_json::Value =
        serde_json::from_str(include_str!("../../data/call_scripts.json")).unwrap();
    let mut found = Vec::new();
    for script in scripts["scripts"].as_array().unwrap() {
        let id = script["id"].as_str().unwrap().to_string();
        let ja = &script["ja"];
        let mut texts = vec![ja["title"].clone(), ja["summary"].clone()];
        for list in ["steps", "if_rejected"] {
            for step in ja[list].as_array().unwrap() {
                texts.push(step["text"].clone());
                texts.extend(step.get("detail").cloned());
            }
        }
        texts.extend(ja["notes"].as_array().unwrap().iter().cloned());
        found.extend(
            texts
                .into_iter()
                .map(|text| (id.clone(), text.as_str().unwrap().to_string())),
        );
    }
    found
}

fn every_japanese_text() -> Vec<(String, String)> {
    let mut all = rust_literals(Path::new("src/words"));
    all.extend(script_texts());
    assert!(all.len() > 250, "the texts were found: {}", all.len());
    all
}

/// Words the glossary puts another form in place of, and that form.
const AVOID: &[(&str, &str)] = &[
    ("国外", "海外"),
    (
        "SLUI",
        "電話によるライセンス認証の画面 (slui 4), then slui 4 の画面",
    ),
    ("やめる", "キャンセル"),
    ("報告ベース", "(say who reported it)"),
    ("確認 ID をもらう", "確認 ID を取得する"),
    ("Web ポータル", "ポータル"),
    (
        "ライセンス認証窓口（ポータル",
        "ポータル (a 窓口 is a phone centre)",
    ),
    ("矛盾なく", "入力ミスは見つかりませんでした"),
    ("✓ 一致", "✓ OK"),
    ("〜", "～ (U+FF5E, what Windows' Japanese text uses)"),
    ("：", ": (half-width, as in 次に: )"),
    (
        "？",
        "? (half-width, as Microsoft's UI and the portal write it)",
    ),
    ("無い", "ない"),
    ("入力に誤り", "入力ミス"),
    ("に当たる", "に該当する (as the window says)"),
    ("打ち間違", "入力ミス"),
    (
        "を右クリックして「管理者として実行」",
        "[管理者としてこのアプリを開き直す] (the window's button) or [管理者として実行]",
    ),
];

/// Windows calls it the software licensing service in every error it shows.
#[test]
fn the_licensing_service_has_windows_own_name() {
    for (place, text) in every_japanese_text() {
        let bare = text.replace("ソフトウェア ライセンス サービス", "");
        assert!(!bare.contains("ライセンス サービス"), "{place}: {text}");
    }
}

#[test]
fn one_form_per_concept() {
    let mut problems = Vec::new();
    for (place, text) in every_japanese_text() {
        for (avoid, instead) in AVOID {
            if text.contains(avoid) {
                problems.push(format!("{place}: {avoid:?} (use {instead}): {text}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Windows 10 (the ESU machines, the seed's PC) has its own Settings path: Windows 11's is
/// never named without it.
#[test]
fn windows_11_settings_path_never_stands_alone() {
    for (place, text) in every_japanese_text() {
        if text.contains("[設定] > [システム] > [ライセンス認証]") {
            assert!(
                text.contains("[設定] > [更新とセキュリティ] > [ライセンス認証]"),
                "{place}: {text}"
            );
        }
    }
}

/// Japanese puts no space after 「。」 (two sentences joined in code use `words::then`).
#[test]
fn no_space_after_a_japanese_full_stop() {
    for (place, text) in every_japanese_text() {
        assert!(!text.contains("。 "), "{place}: {text:?}");
        assert!(
            !text.starts_with(' ') || !text.trim_start().starts_with(is_japanese),
            "{place}: {text:?}"
        );
    }
}

/// Notes meant for the people who made the tables never reach a Japanese user.
#[test]
fn no_words_meant_for_maintainers() {
    crate::common::assert_nothing_for_maintainers(every_japanese_text());
}

/// A space between Japanese and an ASCII word, as Microsoft writes 「インストール ID が」.
#[test]
fn a_half_width_space_between_japanese_and_ascii_words() {
    let glued = regex::Regex::new(r"(ID|CID|IID|PC|QR)[ぁ-ん]").unwrap();
    for (place, text) in every_japanese_text() {
        assert!(!glued.is_match(&text), "{place}: {text}");
    }
}
