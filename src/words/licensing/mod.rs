//! The licensing service's words, mirroring `src/licensing/`: why the service could not be
//! used and restarting as administrator (here); each product (`product`), installing a key
//! (`key`), applying a Confirmation ID (`apply`), the support report (`report`).

use super::Localized;
use crate::language::Language;
use crate::licensing::{ServiceError, codes};
use crate::platform::ElevationError;

mod apply;
mod key;
mod product;
mod report;

pub use product::{
    esu_note, esu_year_name, license_status, microsoft_365_note, no_installation_id,
    no_offline_route, offered_product_label, product_kind, product_label,
};
pub use report::{finish_report, report_written, say_in_report, support_report};

/// " (0x80041017)" for a service error with a code; nothing otherwise.
pub(super) fn code_in_brackets(problem: Option<&ServiceError>) -> String {
    problem
        .and_then(ServiceError::code)
        .map(|code| format!(" (0x{code:08X})"))
        .unwrap_or_default()
}

/// The manual route, for every service error: paste the IID, apply with slmgr or slui.
fn manual_route(language: Language) -> &'static str {
    language.pick(
        "次に: インストール ID を手動で取得してください。slui 4 の画面に表示される数字をこのアプリに入力するか、コマンド プロンプトで slmgr /dti を実行して、表示された内容を貼り付けます。確認 ID は、slui 4 の画面に入力するか、管理者として開いたコマンド プロンプトで slmgr /atp <確認 ID> [アクティベーション ID] を実行して適用します（アクティベーション ID は ESU などの追加ライセンスの場合だけ必要です）。",
        "Next: paste the Installation ID that slui 4 shows (or that slmgr /dti prints in a \
         Command Prompt) into this app. Apply the Confirmation ID by typing it into slui 4, or in \
         a Command Prompt opened as administrator with slmgr /atp <Confirmation ID> \
         [Activation ID] (the Activation ID is needed only for an add-on such as ESU).",
    )
}

impl Localized for ServiceError {
    fn message(&self, language: Language) -> String {
        match self {
            ServiceError::Unavailable { code } => {
                let cause = match (*code, language) {
                    (codes::WMI_INVALID_QUERY, Language::English) => {
                        "the query was not accepted: no real licensing service, as under Wine"
                    }
                    (codes::WMI_INVALID_QUERY, Language::Japanese) => {
                        "問い合わせが受け付けられません。Wine のように本物のソフトウェア ライセンス サービスがありません"
                    }
                    (codes::WMI_INVALID_CLASS, Language::English) => "its class is missing",
                    (codes::WMI_INVALID_CLASS, Language::Japanese) => "クラスがありません",
                    (codes::WMI_INVALID_NAMESPACE, Language::English) => {
                        "the root\\cimv2 namespace is missing"
                    }
                    (codes::WMI_INVALID_NAMESPACE, Language::Japanese) => {
                        "名前空間 root\\cimv2 がありません"
                    }
                    (codes::ACCESS_DENIED, Language::English) => "access was denied",
                    (codes::ACCESS_DENIED, Language::Japanese) => "アクセスが拒否されました",
                    (_, Language::English) => "it reported an error",
                    (_, Language::Japanese) => "エラーが報告されました",
                };
                match language {
                    Language::English => format!(
                        "This app could not use Windows' licensing service through WMI ({cause}; \
                         0x{code:08X}). Nothing was changed. {}",
                        manual_route(language)
                    ),
                    Language::Japanese => format!(
                        "このアプリは WMI 経由で Windows のソフトウェア ライセンス サービスを使えませんでした（{cause}、0x{code:08X}）。何も変更していません。{}",
                        manual_route(language)
                    ),
                }
            }
            ServiceError::TimedOut { after } => match language {
                Language::English => format!(
                    "Windows' licensing service did not answer within {} seconds, so this app \
                     stopped waiting (the request may still finish in the background). Read this \
                     PC again to see the current status; if it keeps happening, restart the PC. \
                     {}",
                    after.as_secs(),
                    manual_route(language)
                ),
                Language::Japanese => format!(
                    "{} 秒以内に Windows のソフトウェア ライセンス サービスから応答がなかったため、待機を打ち切りました（処理はバックグラウンドで完了する場合があります）。この PC をもう一度読み取って現在の状態を確かめてください。何度も起こる場合は PC を再起動してください。{}",
                    after.as_secs(),
                    manual_route(language)
                ),
            },
            ServiceError::NotWindows => language
                .pick(
                    "ライセンス情報の読み取りと確認 ID の適用は Windows でのみ使えます。ライセンス認証する PC の slui 4 の画面か slmgr /dti に表示されるインストール ID を、このアプリに入力してください。確認 ID は、その PC の slui 4 の画面に入力するか、slmgr /atp <確認 ID> で適用します。",
                    "Reading the licensing service and applying a Confirmation ID work on Windows \
                     only. On the PC being activated, paste the Installation ID that slui 4 or \
                     slmgr /dti shows, and type the Confirmation ID into slui 4 (or use \
                     slmgr /atp <Confirmation ID>).",
                )
                .to_string(),
        }
    }
}

impl Localized for ElevationError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (ElevationError::Declined, Language::English) => {
                "Administrator rights were not granted, so nothing was changed. To apply the \
                 Confirmation ID, answer “Yes” in the User Account Control prompt, or right-click \
                 Activation Companion and choose “Run as administrator”."
                    .into()
            }
            (ElevationError::Declined, Language::Japanese) => {
                "管理者権限が許可されなかったため、何も変更していません。確認 ID を適用するには、もう一度 [管理者としてこのアプリを開き直す] を押し、ユーザー アカウント制御の画面で [はい] を選んでください。"
                    .into()
            }
            (ElevationError::Failed { code }, Language::English) => format!(
                "Could not restart as administrator (Windows error {code}). Right-click Activation \
                 Companion and choose “Run as administrator”."
            ),
            (ElevationError::Failed { code }, Language::Japanese) => format!(
                "管理者としてこのアプリを開き直せませんでした（Windows エラー {code}）。Activation Companion を右クリックして [管理者として実行] を選んでください。"
            ),
            (ElevationError::NotWindows, Language::English) => {
                "Running as administrator applies to Windows only.".into()
            }
            (ElevationError::NotWindows, Language::Japanese) => {
                "管理者として実行できるのは Windows の場合だけです。".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensing::LicenseStatus;

    #[test]
    fn every_status_has_words_in_both_languages() {
        for code in 0..=7 {
            let status = LicenseStatus::from_code(code);
            assert_eq!(status.code(), code);
            let en = license_status(status, Language::English);
            let ja = license_status(status, Language::Japanese);
            assert!(!en.is_empty() && !ja.is_empty());
            assert_ne!(en, ja, "{code}");
        }
    }
}
