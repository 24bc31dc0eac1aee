//! Sentences about keeping the clipboard after the window closes (X11's holder).

use crate::language::Language;
use crate::platform::{ClipboardError, HOLDER_CONFIRMS_WITHIN, MAX_HELD_BYTES};

use super::Localized;

impl Localized for ClipboardError {
    fn message(&self, language: Language) -> String {
        let max = MAX_HELD_BYTES;
        match (self, language) {
            (ClipboardError::TooLong { .. }, Language::English) => format!(
                "The text to keep on the clipboard is longer than {max} bytes, so it was not \
                 kept."
            ),
            (ClipboardError::TooLong { .. }, Language::Japanese) => {
                format!("クリップボードに残すテキストが {max} バイトを超えるため、残していません。")
            }
            (ClipboardError::NoDisplay, Language::English) => {
                "There is no X display to keep the clipboard on (DISPLAY is not set, or the \
                 display cannot be reached)."
                    .into()
            }
            (ClipboardError::NoDisplay, Language::Japanese) => {
                "クリップボードを保持する X ディスプレイがありません（DISPLAY が設定されていないか、\
                 ディスプレイに接続できません）。"
                    .into()
            }
            (ClipboardError::Clipboard(reason), Language::English) => {
                format!("The clipboard could not be set ({}).", super::os_text(reason))
            }
            (ClipboardError::Clipboard(reason), Language::Japanese) => {
                format!(
                    "クリップボードに設定できませんでした（{}）。",
                    super::os_text(reason)
                )
            }
            (ClipboardError::Spawn { code }, Language::English) => format!(
                "The process that keeps the clipboard could not be started{}.",
                os_error(*code, language)
            ),
            (ClipboardError::Spawn { code }, Language::Japanese) => format!(
                "クリップボードを保持するプロセスを起動できませんでした{}。",
                os_error(*code, language)
            ),
            (ClipboardError::NotHeld { code }, Language::English) => format!(
                "The process that keeps the clipboard ended without taking it{}.",
                exit_code(*code, language)
            ),
            (ClipboardError::NotHeld { code }, Language::Japanese) => format!(
                "クリップボードを保持するプロセスが、クリップボードを受け取らずに終了しました{}。",
                exit_code(*code, language)
            ),
            (ClipboardError::NotConfirmed, Language::English) => format!(
                "The process that keeps the clipboard did not take it within {} seconds; it may \
                 still do so.",
                HOLDER_CONFIRMS_WITHIN.as_secs()
            ),
            (ClipboardError::NotConfirmed, Language::Japanese) => format!(
                "クリップボードを保持するプロセスが {} 秒以内にクリップボードを受け取りませんでした\
                 （このあと受け取ることもあります）。",
                HOLDER_CONFIRMS_WITHIN.as_secs()
            ),
            (ClipboardError::NotNeeded, Language::English) => {
                "This system keeps the clipboard by itself; nothing needs to hold it.".into()
            }
            (ClipboardError::NotNeeded, Language::Japanese) => {
                "このシステムではクリップボードの内容がそのまま残るため、保持する必要はありません。"
                    .into()
            }
        }
    }
}

/// ` (OS error 2)` / `（OS エラー 2）`, or nothing without a code.
fn os_error(code: Option<i32>, language: Language) -> String {
    match (code, language) {
        (None, _) => String::new(),
        (Some(code), Language::English) => format!(" (OS error {code})"),
        (Some(code), Language::Japanese) => format!("（OS エラー {code}）"),
    }
}

/// ` (exit code 3)` / `（終了コード 3）`, or nothing without a code.
fn exit_code(code: Option<i32>, language: Language) -> String {
    match (code, language) {
        (None, _) => String::new(),
        (Some(code), Language::English) => format!(" (exit code {code})"),
        (Some(code), Language::Japanese) => format!("（終了コード {code}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clipboard_error_has_words_in_both_languages() {
        for error in [
            ClipboardError::TooLong { bytes: 2_000_000 },
            ClipboardError::NoDisplay,
            ClipboardError::Clipboard("refused".into()),
            ClipboardError::Spawn { code: Some(2) },
            ClipboardError::Spawn { code: None },
            ClipboardError::NotHeld { code: Some(3) },
            ClipboardError::NotHeld { code: None },
            ClipboardError::NotConfirmed,
            ClipboardError::NotNeeded,
        ] {
            let en = error.message(Language::English);
            let ja = error.message(Language::Japanese);
            assert!(!en.is_empty() && !ja.is_empty(), "{error:?}");
            assert_ne!(en, ja, "{error:?}");
        }
        let too_long = ClipboardError::TooLong { bytes: 2_000_000 }.message(Language::English);
        assert!(too_long.contains("1048576"), "{too_long}");
    }
}
