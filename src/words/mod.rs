//! Every sentence the user sees, in Japanese and English side by side: the window's, the
//! command line's, and the explanation of every verdict the engine returns as data. Nothing
//! outside this folder holds a sentence (`tests/engine/architecture.rs` checks that no Japanese, and
//! no other non-ASCII character, appears in `src/` outside it), so the font subset is made from
//! this folder and `data/`, and a new language is added here alone.
//!
//! - Fixed sentences and labels are the [`Text`] enum: `texts!` takes both translations of
//!   each, or does not compile.
//! - Sentences with values in them are functions, and the engine's verdicts implement
//!   [`Localized`], each a `match` on the language the compiler checks for completeness.
//!
//! ## The Japanese glossary: one form per concept
//!
//! Microsoft Japan's own words (its support blog, Windows' ja-JP strings, the portal's
//! screens); `tests/engine/japanese_words.rs` holds every Japanese string here and in `data/` to it.
//!
//! | concept | write | not |
//! |---|---|---|
//! | Installation ID / Confirmation ID | インストール ID / 確認 ID | a bare 「ID」 |
//! | get a Confirmation ID | 取得する | もらう, 受け取る (in headings) |
//! | the portal | Microsoft 製品ライセンス認証ポータル first, then ポータル | Web ポータル, 窓口 |
//! | a phone centre | ライセンス認証窓口 | |
//! | Windows' dialog | 電話によるライセンス認証の画面 (slui 4), then slui 4 の画面 | SLUI |
//! | its last button | [Windows のライセンス認証]（表示によっては [ライセンス認証] または [次へ]） | |
//! | the key of 0xC004C020 | マルチ ライセンス認証キー (MAK), Windows' own words | |
//! | the licensing service | ソフトウェア ライセンス サービス (in errors) | ライセンス サービス |
//! | abroad | 海外から | 国外から |
//! | cancel | キャンセル | やめる |
//! | a check digit passed | ✓ OK / × 要確認 (it is not "matches Microsoft's number") | ✓ 一致, 矛盾なく |
//! | Windows 10's settings | [設定] > [更新とセキュリティ] > [ライセンス認証], Windows 11's beside it | Windows 11's alone |
//! | labels | [buttons and menus], 「screen titles, messages, quoted speech」 | |
//! | a range | ～ (U+FF5E, what Windows' Japanese text uses) | 〜 (U+301C) |
//! | punctuation | half-width ?, : and (…) around ASCII; full-width （…） around Japanese; no space after 。 | ？, ： |
//! | spacing | a half-width space between Japanese and ASCII words or digits: インストール ID が, 63 桁 | IDが |

mod centers;
mod clipboard;
mod command_line;
mod hresult;
mod ids;
mod in_progress;
mod licensing;
mod record;
mod saving;
mod text;
mod window;

pub use centers::{alternative_number, number_kind, source_line};
pub use command_line::{
    JAPANESE_ARGUMENTS, JAPANESE_COMMANDS, JAPANESE_HELP_TEMPLATE, JAPANESE_OPTIONS,
    JAPANESE_USAGE_WORDS, argument_not_text, japanese_command_line_error, japanese_help,
    key_argument_is_visible, key_prompt, module_pixels_out_of_range, no_window_in_this_build,
    standard_input_too_long, two_sentences, window_exe_not_started,
};
pub use hresult::{explain_hresult, explained_codes, explains};
pub use ids::{iid_verdict, lookalike_or_not_found};
pub use in_progress::{blocks_not_taken, product_key_in_iid_box, visible_character};
pub use licensing::{
    esu_note, esu_year_name, finish_report, license_status, microsoft_365_note, no_installation_id,
    no_offline_route, offered_product_label, product_kind, product_label, report_written,
    say_in_report, support_report,
};
pub use record::{
    SHOWN_PRODUCT_CHARS, activation_line, kept_unshown, left_out, merged, more_left_out,
    not_in_the_csv, outcome, record_problem_elsewhere, remove_question, seen_before, shown_product,
};
pub use saving::{cannot_write, cannot_write_for};
pub use text::Text;
pub use window::{
    apply_question, box_and_group, bullet, digit_run_too_long, group_on_clipboard, group_position,
    no_display, paste_does_not_fit, product_number, script_note, typed_so_far, window_failed,
};

use crate::language::Language;

/// Something the user is told, in either language.
pub trait Localized {
    fn message(&self, language: Language) -> String;
}

/// Text the OS or a toolkit hands over (on a Japanese Windows, in Japanese, with its own
/// 「。」, as in 「アクセスが拒否されました。 (os error 5)」), ready to go inside parentheses: no
/// full stop at its end or before the OS's error number.
fn os_text(text: &str) -> String {
    let text = text.trim();
    let (said, code) = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text.split_at(at),
        _ => (text, ""),
    };
    let said = said.trim_end().trim_end_matches(['。', '.']).trim_end();
    format!("{said}{code}")
}

/// A date as people read it: `2026/11/29` in Japanese (the usual short form there),
/// `2026-11-29` in English. Files keep the ISO form.
pub fn shown_date(iso: &str, language: Language) -> String {
    match language {
        Language::Japanese => iso.replace('-', "/"),
        Language::English => iso.to_string(),
    }
}

/// What goes between two sentences: nothing after 「。」, a space in English.
fn sentence_gap(language: Language) -> &'static str {
    language.pick("", " ")
}

/// Two sentences as one text: Japanese runs them on after 「。」, English puts a space.
fn then(first: &str, second: &str, language: Language) -> String {
    format!("{first}{}{second}", sentence_gap(language))
}

/// `A, B and C` / `A、B、C`.
fn and_list(parts: &[String], language: Language) -> String {
    match (parts, language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        (all, Language::English) => all.join(""),
        (all, Language::Japanese) => all.join("、"),
    }
}

/// `63, 54 or 50` / `63、54、または 50`, `48 または 42` (「・」 would read as "all of them").
fn or_list(parts: &[String], language: Language) -> String {
    match (parts, language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} or {last}", init.join(", "))
        }
        ([first, last], Language::Japanese) => format!("{first} または {last}"),
        ([init @ .., last], Language::Japanese) if !init.is_empty() => {
            format!("{}、または {last}", init.join("、"))
        }
        (all, _) => all.join(""),
    }
}

/// The first letter upper-cased (`group` → `Group`), for English sentences.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_os_text_loses_its_own_full_stops_inside_parentheses() {
        assert_eq!(
            os_text("アクセスが拒否されました。 (os error 5)"),
            "アクセスが拒否されました (os error 5)"
        );
        assert_eq!(
            os_text("アクセスが拒否されました。\r\n"),
            "アクセスが拒否されました"
        );
        assert_eq!(
            os_text("Access is denied. (os error 5)"),
            "Access is denied (os error 5)"
        );
        assert_eq!(os_text("no adapter found"), "no adapter found");
        assert_eq!(
            then(
                "確認 ID は受け付けられていません。",
                "次に: もう一度。",
                Language::Japanese
            ),
            "確認 ID は受け付けられていません。次に: もう一度。"
        );
    }
}
