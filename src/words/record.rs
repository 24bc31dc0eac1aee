//! The activation record: its entries, the offer to use a kept Confirmation ID again, and why
//! a record could not be read or written.

use super::{Localized, license_status};
use crate::language::Language;
use crate::licensing::LicenseStatus;
use crate::record::{Activation, Merged, Outcome, RecordError};

/// What became of an activation, in a few words.
pub fn outcome(outcome: Outcome, language: Language) -> String {
    match (outcome, language) {
        (Outcome::Completed, Language::Japanese) => "入力完了・このアプリからは未適用".to_string(),
        (Outcome::Completed, Language::English) => {
            "completed, not applied from this app".to_string()
        }
        (Outcome::Activated, Language::Japanese) => "ライセンス認証されました".to_string(),
        (Outcome::Activated, Language::English) => "activated".to_string(),
        (Outcome::NotActivated { license_status: s }, Language::Japanese) => format!(
            "適用しましたが未認証（{}）",
            license_status(LicenseStatus::from_code(s), language)
        ),
        (Outcome::NotActivated { license_status: s }, Language::English) => format!(
            "applied, not activated ({})",
            license_status(LicenseStatus::from_code(s), language)
        ),
        (Outcome::Refused { code }, Language::Japanese) => {
            format!("Windows が拒否 (0x{code:08X})")
        }
        (Outcome::Refused { code }, Language::English) => {
            format!("refused by Windows (0x{code:08X})")
        }
    }
}

/// One entry as a line: date, product (when known), verdict.
pub fn activation_line(activation: &Activation, language: Language) -> String {
    let verdict = outcome(activation.outcome, language);
    match activation.product.as_str() {
        "" => format!("{} - {verdict}", activation.date()),
        product => format!("{} {product} - {verdict}", activation.date()),
    }
}

/// Offered when the Installation ID on screen was recorded with a Confirmation ID before.
pub fn seen_before(activation: &Activation, language: Language) -> String {
    let date = activation.date();
    match (activation.outcome, language) {
        (Outcome::Activated, Language::Japanese) => format!(
            "このインストール ID は {date} にライセンス認証されています。同じ確認 ID をもう一度適用しますか？\
             同じハードウェアと同じプロダクト キーなら受け付けられることがありますが、決めるのは Windows で、拒否されることもあります。"
        ),
        (Outcome::Activated, Language::English) => format!(
            "Activated with this Installation ID on {date}: apply the same Confirmation ID again? \
             With the same hardware and the same product key it may be accepted, but Windows \
             decides, and it may refuse it."
        ),
        (_, Language::Japanese) => format!(
            "このインストール ID の確認 ID を {date} に記録しています（{}）。もう一度使いますか？\
             決めるのは Windows で、拒否されることもあります。",
            outcome(activation.outcome, language)
        ),
        (_, Language::English) => format!(
            "A Confirmation ID for this Installation ID was recorded on {date} ({}): use it \
             again? Windows decides, and it may refuse it.",
            outcome(activation.outcome, language)
        ),
    }
}

/// The command line's count after an import.
pub fn merged(merged: Merged, language: Language) -> String {
    let Merged { added, left_out } = merged;
    match language {
        Language::Japanese => format!(
            "{added} 件を記録に加えました（重複は 1 件にまとめています）。{}",
            if left_out > 0 {
                format!("ID の桁数かチェック数字が正しくない {left_out} 件は取り込んでいません。")
            } else {
                String::new()
            }
        ),
        Language::English => format!(
            "{added} added to the record (the same IDs are kept once).{}",
            if left_out > 0 {
                format!(
                    " {left_out} left out: an ID of the wrong length or with a wrong check digit."
                )
            } else {
                String::new()
            }
        ),
    }
}

impl Localized for RecordError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (RecordError::Corrupt { kept_as: Some(path) }, Language::Japanese) => format!(
                "ライセンス認証の記録を読み込めなかったため、新しい記録を始めます（元のファイルは {} に残してあります）。",
                path.display()
            ),
            (RecordError::Corrupt { kept_as: Some(path) }, Language::English) => format!(
                "The activation record could not be read, so a new one is started (the old file is kept as {}).",
                path.display()
            ),
            (RecordError::Corrupt { kept_as: None }, Language::Japanese) => {
                "ライセンス認証の記録を読み込めませんでした。".to_string()
            }
            (RecordError::Corrupt { kept_as: None }, Language::English) => {
                "The activation record could not be read.".to_string()
            }
            (RecordError::Unwritable { path, reason }, Language::Japanese) => {
                format!("{} に書き込めません（{reason}）。", path.display())
            }
            (RecordError::Unwritable { path, reason }, Language::English) => {
                format!("Cannot write {} ({reason}).", path.display())
            }
            (RecordError::Unreadable { path, reason }, Language::Japanese) => {
                format!("{} を読めません（{reason}）。", path.display())
            }
            (RecordError::Unreadable { path, reason }, Language::English) => {
                format!("Cannot read {} ({reason}).", path.display())
            }
            (RecordError::NotARecord, Language::Japanese) => {
                "ライセンス認証の記録（このアプリが書き出した JSON または CSV）ではありません。何も取り込んでいません。"
                    .to_string()
            }
            (RecordError::NotARecord, Language::English) => {
                "This is not an activation record (the JSON or CSV this app exports). Nothing was imported."
                    .to_string()
            }
        }
    }
}
