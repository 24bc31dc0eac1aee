//! The activation record: its entries, the offer to use a kept Confirmation ID again, and why
//! a record could not be read or written.

use std::borrow::Cow;

use super::saving::{OwnFile, started_anew};
use super::{Localized, cannot_write_for, license_status};
use crate::date::TimeProblem;
use crate::language::Language;
use crate::licensing::LicenseStatus;
use crate::record::{
    Activation, LeftOut, LeftOutReason, MAX_ACTIVATION_ID_CHARS, MAX_PRODUCT_CHARS, Merged,
    Outcome, Place, RecordError,
};

/// The most characters of a product name an entry's line shows; a longer name is cut with
/// `…` (the file keeps it whole).
pub const SHOWN_PRODUCT_CHARS: usize = 80;

/// A product name as a line shows it: on one line, at most [`SHOWN_PRODUCT_CHARS`].
pub fn shown_product(product: &str) -> Cow<'_, str> {
    let long = product.chars().nth(SHOWN_PRODUCT_CHARS).is_some();
    if !long && !product.contains(char::is_control) {
        return Cow::Borrowed(product);
    }
    let one_line = product
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c });
    Cow::Owned(if long {
        one_line
            .take(SHOWN_PRODUCT_CHARS - 1)
            .chain(std::iter::once('…'))
            .collect()
    } else {
        one_line.collect()
    })
}

/// What became of an activation, in a few words.
pub fn outcome(outcome: Outcome, language: Language) -> String {
    match (outcome, language) {
        (Outcome::Completed, Language::Japanese) => {
            "入力済み（このアプリからは未適用）".to_string()
        }
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
            format!("Windows が拒否しました (0x{code:08X})")
        }
        (Outcome::Refused { code }, Language::English) => {
            format!("refused by Windows (0x{code:08X})")
        }
    }
}

fn date(activation: &Activation, language: Language) -> String {
    super::shown_date(activation.date(), language)
}

/// One entry as a line: date, product (when known, cut to [`SHOWN_PRODUCT_CHARS`]), verdict.
pub fn activation_line(activation: &Activation, language: Language) -> String {
    let verdict = outcome(activation.outcome, language);
    match shown_product(&activation.product) {
        product if product.is_empty() => format!("{} - {verdict}", date(activation, language)),
        product => format!("{} {product} - {verdict}", date(activation, language)),
    }
}

/// The question before an entry is removed: which entry (its line as screen 4 shows it, and
/// the end of its Installation ID, which tells apart two entries of one day), and that it is
/// for good.
pub fn remove_question(activation: &Activation, language: Language) -> String {
    let line = activation_line(activation, language);
    let digits = &activation.installation_id;
    let end = &digits[digits.len().saturating_sub(7)..];
    match language {
        Language::Japanese => {
            format!("記録「{line}」（インストール ID の末尾 {end}）を削除します。元に戻せません。")
        }
        Language::English => {
            format!("This removes the entry \"{line}\" (Installation ID ending {end}) for good.")
        }
    }
}

/// Said after the entries when the record holds some this version does not understand.
pub fn kept_unshown(count: usize, language: Language) -> String {
    match (language, count) {
        (Language::Japanese, n) => format!(
            "このバージョンでは読めない {n} 件は、表示せずにそのままファイルに残しています（新しいバージョンで表示できます）。"
        ),
        (Language::English, 1) => "1 entry this version does not understand is kept in the file as it is, unshown (a newer version shows it).".to_string(),
        (Language::English, n) => format!(
            "{n} entries this version does not understand are kept in the file as they are, unshown (a newer version shows them)."
        ),
    }
}

/// Said after a CSV export when the record holds entries this version does not understand.
pub fn not_in_the_csv(count: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "このバージョンでは読めない {count} 件は CSV に書き出していません（.json に書き出せば含まれます）。"
        ),
        Language::English => format!(
            "{count} entries this version does not understand are not in the CSV (an export to .json holds them)."
        ),
    }
}

/// One entry of an import that was left out: where it is and why.
pub fn left_out(left_out: &LeftOut, language: Language) -> String {
    let place = match (left_out.place, language) {
        (Place::Line(line), Language::Japanese) => format!("{line} 行目"),
        (Place::Line(line), Language::English) => format!("line {line}"),
        (Place::Entry(n), Language::Japanese) => format!("{n} 件目"),
        (Place::Entry(n), Language::English) => format!("entry {n}"),
    };
    let why = match (&left_out.why, language) {
        (LeftOutReason::UnknownVerdict(verdict), Language::Japanese) => {
            format!("このバージョンの知らない結果「{verdict}」")
        }
        (LeftOutReason::UnknownVerdict(verdict), Language::English) => {
            format!("the verdict \"{verdict}\" is not one this version knows")
        }
        (LeftOutReason::NotAnEntry, _) => language
            .pick(
                "ライセンス認証の記録の形ではありません",
                "not an activation entry",
            )
            .to_string(),
        (LeftOutReason::BadCode(code), Language::Japanese) => {
            format!("コード「{code}」が数値ではありません")
        }
        (LeftOutReason::BadCode(code), Language::English) => {
            format!("the code \"{code}\" is not a number")
        }
        (LeftOutReason::IdMadeANumber, _) => language
            .pick(
                "表計算ソフトが ID を数値に変えたため、桁が失われています",
                "a spreadsheet has turned an ID into a number, and its digits are lost",
            )
            .to_string(),
        (LeftOutReason::BadInstallationId, _) => language
            .pick(
                "インストール ID の桁数かチェック数字が正しくありません",
                "the Installation ID is of the wrong length or has a wrong check digit",
            )
            .to_string(),
        (LeftOutReason::BadConfirmationId, _) => language
            .pick(
                "確認 ID の桁数かチェック数字が正しくありません",
                "the Confirmation ID is of the wrong length or has a wrong check digit",
            )
            .to_string(),
        (LeftOutReason::Time(TimeProblem::NotATime, text), Language::Japanese) => {
            format!("日時「{text}」が 2026-11-29T01:16:18Z の形（RFC 3339）ではありません")
        }
        (LeftOutReason::Time(TimeProblem::NotATime, text), Language::English) => {
            format!("the time \"{text}\" is not an RFC 3339 time such as 2026-11-29T01:16:18Z")
        }
        (LeftOutReason::Time(TimeProblem::InTheFuture, text), Language::Japanese) => {
            format!("日時「{text}」が 1 日以上先（未来）です")
        }
        (LeftOutReason::Time(TimeProblem::InTheFuture, text), Language::English) => {
            format!("the time \"{text}\" is more than a day in the future")
        }
        (LeftOutReason::ProductTooLong { chars }, Language::Japanese) => {
            format!("製品名が {chars} 文字あり、取り込める {MAX_PRODUCT_CHARS} 文字を超えています")
        }
        (LeftOutReason::ProductTooLong { chars }, Language::English) => format!(
            "the product name has {chars} characters, more than the {MAX_PRODUCT_CHARS} an import takes"
        ),
        (LeftOutReason::ActivationIdTooLong, Language::Japanese) => {
            format!("アクティベーション ID が {MAX_ACTIVATION_ID_CHARS} 文字を超えています")
        }
        (LeftOutReason::ActivationIdTooLong, Language::English) => {
            format!("the Activation ID is longer than {MAX_ACTIVATION_ID_CHARS} characters")
        }
    };
    match language {
        Language::Japanese => format!("{place}: {why}。"),
        Language::English => format!("{place}: {why}."),
    }
}

/// After the entries left out that are named: how many more there are.
pub fn more_left_out(count: usize, language: Language) -> String {
    match language {
        Language::Japanese => format!("ほかに {count} 件を取り込んでいません。"),
        Language::English => format!("{count} more left out."),
    }
}

/// Offered when the Installation ID on screen was recorded with a Confirmation ID before.
pub fn seen_before(activation: &Activation, language: Language) -> String {
    let date = date(activation, language);
    match (activation.outcome, language) {
        (Outcome::Activated, Language::Japanese) => format!(
            "{date} に、このインストール ID でライセンス認証しています。同じ確認 ID をもう一度適用しますか? \
             同じハードウェアと同じプロダクト キーなら受け付けられることがありますが、受け付けるかどうかは Windows が判断するため、拒否される場合もあります。"
        ),
        (Outcome::Activated, Language::English) => format!(
            "Activated with this Installation ID on {date}: apply the same Confirmation ID again? \
             With the same hardware and the same product key it may be accepted, but Windows \
             decides, and it may refuse it."
        ),
        (_, Language::Japanese) => format!(
            "このインストール ID の確認 ID を {date} に記録しています（{}）。もう一度使いますか? \
             受け付けるかどうかは Windows が判断するため、拒否される場合もあります。",
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
                format!("{left_out} 件は取り込んでいません（理由は次のとおり）。")
            } else {
                String::new()
            }
        ),
        Language::English => format!(
            "{added} added to the record (the same IDs are kept once).{}",
            if left_out > 0 {
                format!(" {left_out} left out:")
            } else {
                String::new()
            }
        ),
    }
}

impl Localized for RecordError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (RecordError::Corrupt {
                kept_as: Some(path),
            }, _) => started_anew(OwnFile::Record, Some(path), language),
            (RecordError::Corrupt { kept_as: None }, Language::Japanese) => {
                "ライセンス認証の記録を読み込めませんでした。ファイルはそのままにしてあります。".to_string()
            }
            (RecordError::Corrupt { kept_as: None }, Language::English) => {
                "The activation record could not be read. The file is left as it is.".to_string()
            }
            (RecordError::Unwritable { path, reason }, _) => {
                cannot_write_for(Some(path), *reason, language)
            }
            (RecordError::Unreadable { path, reason }, Language::Japanese) => {
                format!("{} を読めません（{}）。", path.display(), reason.message(language))
            }
            (RecordError::Unreadable { path, reason }, Language::English) => {
                format!("Cannot read {} ({}).", path.display(), reason.message(language))
            }
            (RecordError::TooLarge { path, limit }, Language::Japanese) => format!(
                "{} は {} MB を超えているため読み込みません（取り込めるのは {} MB まで）。何も取り込んでいません。",
                path.display(),
                limit / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            (RecordError::TooLarge { path, limit }, Language::English) => format!(
                "{} is larger than {} MB, the most an import reads. Nothing was imported.",
                path.display(),
                limit / (1024 * 1024)
            ),
            (RecordError::NotARecord, Language::Japanese) => {
                "このファイルは、このアプリが書き出したライセンス認証の記録（JSON または CSV）ではありません。何も取り込んでいません。"
                    .to_string()
            }
            (RecordError::NotARecord, Language::English) => {
                "This is not an activation record (the JSON or CSV this app exports). Nothing was imported."
                    .to_string()
            }
        }
    }
}

/// Said on the other screens, until screen 4 has shown it: the record was kept aside.
pub fn record_problem_elsewhere(problem: &RecordError, language: Language) -> String {
    match language {
        Language::Japanese => format!("{}（画面 4 を参照）", problem.message(language)),
        Language::English => format!("{} (see screen 4)", problem.message(language)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{ConfirmationId, InstallationId};
    use crate::record::Outcome;

    #[test]
    fn the_remove_question_names_the_entry() {
        let activation = Activation::of(
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_914_978),
            &InstallationId::from_typed(
                "489126343257012289105546522085205332958764158851011127139061121",
            ),
            &ConfirmationId::from_typed("426296483130829081394993064403777482905722580616"),
            Outcome::Activated,
        )
        .of_product(Some("Windows(R), Professional edition"), None);
        assert_eq!(
            remove_question(&activation, Language::English),
            "This removes the entry \"2026-11-29 Windows(R), Professional edition - activated\" (Installation ID ending 9061121) for good."
        );
        assert_eq!(
            remove_question(&activation, Language::Japanese),
            "記録「2026/11/29 Windows(R), Professional edition - ライセンス認証されました」（インストール ID の末尾 9061121）を削除します。元に戻せません。"
        );
    }
}
