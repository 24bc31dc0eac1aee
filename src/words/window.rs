//! Sentences with values in them that only the window says.

use crate::language::Language;

/// "Group 4 / 9" (reading mode).
pub fn group_position(number: usize, total: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!("グループ {number} / {total}"),
        Language::English => format!("Group {number} / {total}"),
    }
}

/// Said over a group copied for the portal's box of the same number.
pub fn group_on_clipboard(number: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "グループ {number} をコピーしました。ポータルの {number} 番の欄に Ctrl+V で貼り付けてください。"
        ),
        Language::English => format!(
            "Group {number} is on the clipboard: paste it into the portal's box {number} with Ctrl+V."
        ),
    }
}

/// The group on the clipboard, large: "Box 3: 1234567".
pub fn box_and_group(number: usize, digits: &str, language: Language) -> String {
    match language {
        Language::Japanese => format!("{number} 番の欄: {digits}"),
        Language::English => format!("Box {number}: {digits}"),
    }
}

/// Progress while the first groups of an Installation ID are typed.
pub fn typed_so_far(typed: usize, of: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!("{of} 桁中 {typed} 桁を入力しました。"),
        Language::English => format!("{typed} of {of} digits typed."),
    }
}

/// A paste that was one enormous run of digits.
pub fn digit_run_too_long(digits: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "貼り付けられた {digits} 桁の数字の並びは、インストール ID（63 桁、54 桁、または 50 桁）としては長すぎるため、取り込んでいません。"
        ),
        Language::English => format!(
            "The pasted run of {digits} digits is far too long to be an Installation ID (63, 54 or 50 digits), so it was not kept."
        ),
    }
}

/// A paste into a Confirmation ID box that is neither a whole ID nor whole blocks that fit
/// from that box on: the boxes keep what they had.
pub fn paste_does_not_fit(digits: usize, box_letter: char, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "ボックス {box_letter} に貼り付けた {digits} 桁は、確認 ID 全体でも、そこから収まるブロック（6 桁ずつ）でもないため、入力欄は変更していません。確認 ID 全体を貼り付けるか、1 ブロックずつ貼り付けてください。"
        ),
        Language::English => format!(
            "The {digits} digits pasted into box {box_letter} are neither a whole Confirmation ID nor whole blocks that fit from there, so the boxes are unchanged. Paste the whole Confirmation ID, or one block (6 digits) per box."
        ),
    }
}

/// A product button with no name: "Product 2".
pub fn product_number(number: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!("製品 {number}"),
        Language::English => format!("Product {number}"),
    }
}

/// Asked before a Confirmation ID is applied.
pub fn apply_question(product: Option<&str>, language: Language) -> String {
    match (product, language) {
        (Some(product), Language::Japanese) => format!(
            "Windows のソフトウェア ライセンス サービスを通じて、{product} に確認 ID を適用します（管理者権限が必要です）。よろしいですか?"
        ),
        (Some(product), Language::English) => format!(
            "The Confirmation ID will be applied to {product} through Windows' licensing service (administrator rights are needed)."
        ),
        (None, Language::Japanese) => "Windows のソフトウェア ライセンス サービスを通じて、画面 1 のインストール ID の製品に確認 ID を適用します（管理者権限が必要です）。よろしいですか?".to_string(),
        (None, Language::English) => "The Confirmation ID will be applied, through Windows' licensing service, to the product whose Installation ID is on screen 1 (administrator rights are needed).".to_string(),
    }
}

/// The window cannot open: no display (`display` names the one that could not be reached).
pub fn no_display(display: Option<&str>, language: Language) -> String {
    match (display.filter(|d| !d.is_empty()), language) {
        (None, Language::Japanese) => "画面（ディスプレイ）がないため、ウィンドウを開けません\
             （DISPLAY も WAYLAND_DISPLAY も設定されていません）。コマンドはウィンドウなしで使えます: \
             activation-companion --help"
            .to_string(),
        (None, Language::English) => "The window cannot open: there is no display (neither \
             DISPLAY nor WAYLAND_DISPLAY is set). The commands work without one: \
             activation-companion --help"
            .to_string(),
        (Some(display), Language::Japanese) => format!(
            "画面（ディスプレイ {display}）に接続できないため、ウィンドウを開けません。\
             コマンドはウィンドウなしで使えます: activation-companion --help"
        ),
        (Some(display), Language::English) => format!(
            "The window cannot open: the display {display} cannot be reached. The commands work \
             without one: activation-companion --help"
        ),
    }
}

/// The window cannot open for another reason (the toolkit's own words).
pub fn window_failed(reason: &str, language: Language) -> String {
    let reason = super::os_text(reason);
    match language {
        Language::Japanese => format!("ウィンドウを開けません（{reason}）。"),
        Language::English => format!("The window cannot open ({reason})."),
    }
}

/// A note under a call script's checklist.
pub fn script_note(note: &str) -> String {
    format!("※ {note}")
}

/// An item of a list of hints.
pub fn bullet(item: &str) -> String {
    format!("• {item}")
}
