//! What the activation in progress says: why the boxes did not take something, and which
//! saved blocks could not be taken back.

use super::{Localized, paste_does_not_fit};
use crate::in_progress::{NotTaken, Refused};
use crate::language::Language;

/// A character as the user sees it, or by its code point when it cannot be seen (a space of
/// another width, a zero-width character, a control character).
pub fn visible_character(c: char) -> String {
    if c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("\"{c}\"")
    }
}

impl Localized for Refused {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (Refused::Id(problem), _) => problem.message(language),
            (Refused::DoesNotFit { digits, box_letter }, _) => {
                paste_does_not_fit(*digits, *box_letter, language)
            }
            (Refused::NotADigit { character, box_letter }, Language::English) => format!(
                "{} is not a digit, so box {box_letter} was not changed: a Confirmation ID is digits only.",
                visible_character(*character)
            ),
            (Refused::NotADigit { character, box_letter }, Language::Japanese) => format!(
                "{} は数字ではないため、ボックス {box_letter} は変更していません。確認 ID は数字だけです。",
                visible_character(*character)
            ),
            (Refused::BoxFull { box_letter }, Language::English) => format!(
                "Box {box_letter} already holds six digits and the boxes after it are not empty, so nothing was changed: correct that block, or go on in the next box."
            ),
            (Refused::BoxFull { box_letter }, Language::Japanese) => format!(
                "ボックス {box_letter} にはすでに 6 桁が入っていて、次のボックスも空ではないため、変更していません。そのブロックを修正するか、次のボックスに入力してください。"
            ),
            (Refused::ProductKey, Language::English) => {
                "This is a product key, not a Confirmation ID: it was not kept. Install it with \"Install a product key…\" on screen 1.".to_string()
            }
            (Refused::ProductKey, Language::Japanese) => {
                "これはプロダクト キーで、確認 ID ではありません。入力欄には残していません。プロダクト キーは画面 1 の [プロダクト キーをインストール…] でインストールしてください。".to_string()
            }
        }
    }
}

/// The session came back, but these saved blocks could not be taken (not six digits or fewer):
/// each named with what the file held, to be typed again.
pub fn blocks_not_taken(not_taken: &[NotTaken], language: Language) -> String {
    let each: Vec<String> = not_taken
        .iter()
        .map(|block| format!("{} {}", block.box_letter, block.saved))
        .collect();
    let each = each.join(", ");
    match language {
        Language::English => format!(
            "Your unfinished session was restored, but these Confirmation ID blocks as saved are not six digits or fewer, so they were left empty: {each}. Type them again from the portal's card."
        ),
        Language::Japanese => format!(
            "前回の続きから再開しましたが、保存されていた次の確認 ID のブロックは 6 桁以内の数字ではないため、空のままにしました: {each}。ポータルに表示された数字から入力し直してください。"
        ),
    }
}

/// A product key was found in the Installation ID box: taken out, not kept.
pub fn product_key_in_iid_box(language: Language) -> &'static str {
    language.pick(
        "これはプロダクト キーで、インストール ID ではありません。入力欄から取り除き、保存していません。プロダクト キーはこの画面の [プロダクト キーをインストール…] でインストールしてください。",
        "That is a product key, not an Installation ID: it was taken out of the box and not kept. Install it with \"Install a product key…\" on this screen.",
    )
}
