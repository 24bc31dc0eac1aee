//! Applying a Confirmation ID: the product it goes to, and what Windows made of it.

use super::code_in_brackets;
use super::product::{license_status, no_offline_route, product_label};
use crate::language::Language;
use crate::licensing::{
    ActivationState, ApplyError, ApplyVerdict, LicensingError, TargetError, codes, days_left,
};
use crate::words::{Localized, Text, explain_hresult};

impl Localized for TargetError {
    fn message(&self, language: Language) -> String {
        match self {
            TargetError::InvalidActivationId(id) => {
                ApplyError::InvalidActivationId(id.clone()).message(language)
            }
            TargetError::NotFound(id) => match language {
                Language::English => format!(
                    "No product with a product key has the Activation ID {id} on this PC. Next: \
                     read this PC again and choose one of the products listed."
                ),
                Language::Japanese => format!(
                    "アクティベーション ID が {id} の製品（プロダクト キーがインストールされているもの）は、この PC にはありません。次に: この PC をもう一度読み取り、表示された製品から選んでください。"
                ),
            },
            TargetError::NothingToActivate => language
                .pick(
                    "この PC の Windows はすでにライセンス認証されていて、このセッションのインストール ID を\
                     持つ製品もありません。次に: ESU などの追加ライセンスや Office に適用する場合は、\
                     その製品をアクティベーション ID で選んでください。",
                    "Windows on this PC is already activated, and no product has this session's \
                     Installation ID. Next: to apply to an add-on (such as ESU) or to Office, \
                     choose that product by its Activation ID.",
                )
                .to_string(),
            TargetError::NoInstallationId(product) => {
                let name = product_label(product, language);
                match language {
                    Language::English => format!(
                        "{name} shows no Installation ID, so there is nothing to check the \
                         Confirmation ID against and nothing was applied. Next: read this PC again."
                    ),
                    Language::Japanese => format!(
                        "{name} にはインストール ID が表示されないため、確認 ID と照らし合わせられず、\
                         何も適用していません。次に: この PC をもう一度読み取ってください。"
                    ),
                }
            }
            TargetError::NoOfflineRoute(product) => {
                let name = product_label(product, language);
                match language {
                    Language::English => format!(
                        "Nothing was applied to {name}. {}",
                        no_offline_route(product.offline_route(), language)
                    ),
                    Language::Japanese => format!(
                        "{name} には何も適用していません。{}",
                        no_offline_route(product.offline_route(), language)
                    ),
                }
            }
            TargetError::Ambiguous(products) => {
                let names: Vec<String> = products
                    .iter()
                    .map(|p| format!("{} ({})", product_label(p, language), p.activation_id))
                    .collect();
                match language {
                    Language::English => format!(
                        "Several Windows products are not activated ({}). Next: choose one by its \
                         Activation ID.",
                        names.join("; ")
                    ),
                    Language::Japanese => format!(
                        "ライセンス認証されていない Windows 製品が複数あります（{}）。次に: \
                         アクティベーション ID で 1 つ選んでください。",
                        names.join("、")
                    ),
                }
            }
        }
    }
}

impl Localized for LicensingError {
    fn message(&self, language: Language) -> String {
        match self {
            LicensingError::NotApplied(error) => error.message(language),
            LicensingError::Service(error) => error.message(language),
            LicensingError::Target(error) => error.message(language),
        }
    }
}

impl Localized for ApplyVerdict {
    fn message(&self, language: Language) -> String {
        let verdict = self.verdict(language);
        // Where the portal asks "was it activated?", the answer to give (the callback route
        // opens behind a second "no").
        let portal = match self {
            ApplyVerdict::Activated { .. } => Some(Text::AnswerYesOnPortal),
            ApplyVerdict::DepositedNotActivated { .. } => Some(Text::WhenNotActivated),
            ApplyVerdict::Refused { error, .. } if codes::cid_did_not_take(error.code) => {
                Some(Text::WhenNotActivated)
            }
            _ => None,
        };
        match portal {
            Some(portal) => crate::words::then(&verdict, portal.in_language(language), language),
            None => verdict,
        }
    }
}

impl ApplyVerdict {
    fn verdict(&self, language: Language) -> String {
        match self {
            ApplyVerdict::Activated { product } => {
                let name = product_label(product, language);
                match (product.state(), language) {
                    (ActivationState::Volume { minutes_left }, Language::English) => format!(
                        "Activated: {name} is activated through volume licensing for about {} \
                         more days.",
                        days_left(minutes_left)
                    ),
                    (ActivationState::Volume { minutes_left }, Language::Japanese) => format!(
                        "ライセンス認証されました: {name} はボリューム ライセンスで、あと約 {} 日有効です。",
                        days_left(minutes_left)
                    ),
                    (_, Language::English) => {
                        format!("Activated: {name} is permanently activated. Nothing else to do.")
                    }
                    (_, Language::Japanese) => format!(
                        "ライセンス認証されました: {name} は永続的にライセンス認証されています。\
                         これ以上の操作は不要です。"
                    ),
                }
            }
            ApplyVerdict::AlreadyActivated { product } => {
                let name = product_label(product, language);
                match language {
                    Language::English => format!(
                        "{name} is already permanently activated, so the Confirmation ID was not \
                         applied. Nothing to do."
                    ),
                    Language::Japanese => format!(
                        "{name} はすでに永続的にライセンス認証されているため、確認 ID は適用していません。\
                         操作は不要です。"
                    ),
                }
            }
            ApplyVerdict::DepositedNotActivated {
                product,
                refresh_error,
            } => {
                let name = product_label(product, language);
                let status = product.status;
                let mut text = match language {
                    Language::English => format!(
                        "Windows took the Confirmation ID, but {name} is still not activated: its \
                         status is “{}” (LicenseStatus {}).",
                        license_status(status, language),
                        status.code()
                    ),
                    Language::Japanese => format!(
                        "確認 ID は Windows に受け付けられましたが、{name} はまだライセンス認証されていません。状態: 「{}」（LicenseStatus {}）。",
                        license_status(status, language),
                        status.code()
                    ),
                };
                if product.reason != 0 {
                    text.push_str(language.pick("理由: ", " Reason: "));
                    text.push_str(&explain_hresult(product.reason, language));
                }
                if let Some(code) = refresh_error {
                    text.push_str(&match language {
                        Language::English => format!(
                            " (Refreshing the license status failed with 0x{code:08X}, so the \
                             status may be out of date: restart the PC and check again.)"
                        ),
                        Language::Japanese => format!(
                            "（ライセンス状態の更新が 0x{code:08X} で失敗したため、状態が古い可能性があります。\
                             PC を再起動してもう一度確認してください。）"
                        ),
                    });
                }
                text.push_str(crate::words::sentence_gap(language));
                text.push_str(language.pick(
                    "次に: この PC をもう一度読み取り、インストール ID が変わっていれば、その ID で確認 ID を\
                     取得し直してください。",
                    "Next: read this PC again; if the Installation ID changed, get a new \
                     Confirmation ID for it.",
                ));
                text
            }
            ApplyVerdict::Refused { product, error } => {
                let name = product_label(product, language);
                match language {
                    Language::English => format!(
                        "The Confirmation ID was not applied to {name}. {}",
                        error.message(language)
                    ),
                    Language::Japanese => format!(
                        "{name} に確認 ID を適用できませんでした。{}",
                        error.message(language)
                    ),
                }
            }
            ApplyVerdict::IidChanged { product, .. } => {
                let name = product_label(product, language);
                match (&product.installation_id, language) {
                    (Some(iid), Language::English) => format!(
                        "Nothing was applied: {name}'s Installation ID has changed since the \
                         Confirmation ID was obtained, so that Confirmation ID cannot fit. Next: \
                         get a new Confirmation ID for the new Installation ID: {}",
                        iid.grouped(" ")
                    ),
                    (Some(iid), Language::Japanese) => format!(
                        "何も適用していません: 確認 ID を取得した後に {name} のインストール ID が変わったため、\
                         その確認 ID は合いません。次に: 新しいインストール ID で確認 ID を取得し直してください: {}",
                        iid.grouped(" ")
                    ),
                    (None, Language::English) => format!(
                        "Nothing was applied: Windows shows no Installation ID for {name} now. \
                         Next: read this PC again."
                    ),
                    (None, Language::Japanese) => format!(
                        "何も適用していません: {name} のインストール ID が今は表示されません。\
                         次に: この PC をもう一度読み取ってください。"
                    ),
                }
            }
            ApplyVerdict::ProductNotFound { activation_id } => match language {
                Language::English => format!(
                    "Nothing was applied: no product with a product key has the Activation ID \
                     {activation_id} on this PC now. Next: read this PC again and choose a product."
                ),
                Language::Japanese => format!(
                    "何も適用していません: アクティベーション ID が {activation_id} の製品（プロダクト キーがインストールされているもの）は、この PC にはもうありません。次に: この PC をもう一度読み取り、製品を選び直してください。"
                ),
            },
            ApplyVerdict::DepositedStatusUnknown { product, problem } => {
                let name = product_label(product, language);
                let detail = code_in_brackets(problem.as_ref());
                match language {
                    Language::English => format!(
                        "Windows took the Confirmation ID for {name}, but its status could not be \
                         read again afterwards{detail}. Next: check Settings > System > \
                         Activation (for Office: File > Account in any Office app)."
                    ),
                    Language::Japanese => format!(
                        "{name} の確認 ID は Windows に受け付けられましたが、その後の状態を読み取れませんでした{detail}。次に: [設定] > [更新とセキュリティ] > [ライセンス認証]（Windows 11 では [設定] > [システム] > [ライセンス認証]、Office は Office アプリの [ファイル] > [アカウント]）で確認してください。"
                    ),
                }
            }
        }
    }
}

impl Localized for ApplyError {
    fn message(&self, language: Language) -> String {
        match self {
            ApplyError::InvalidCid(problem) => match language {
                Language::English => format!(
                    "The Confirmation ID was not applied, and nothing was sent to Windows: {} \
                     Correct it first.",
                    problem.message(language)
                ),
                Language::Japanese => format!(
                    "確認 ID は適用していません（Windows には何も送っていません）。{}先に修正してください。",
                    problem.message(language)
                ),
            },
            ApplyError::WrongCidFormat => language
                .pick(
                    "これは 42 桁（Windows XP 時代）の確認 ID です。Windows Vista 以降と Office 2010 以降には A～H の 8 ブロック（48 桁）の確認 ID が必要なため、適用していません。",
                    "This is a 42-digit Confirmation ID (Windows XP era). Windows Vista and later \
                     and Office 2010 and later take 48 digits in blocks A-H, so it was not applied.",
                )
                .to_string(),
            ApplyError::InvalidActivationId(id) => match language {
                Language::English => format!(
                    "“{id}” is not an Activation ID (a GUID such as \
                     2de67392-b7a7-462a-b1ca-108dd189f588), so nothing was applied."
                ),
                Language::Japanese => format!(
                    "「{id}」はアクティベーション ID（2de67392-b7a7-462a-b1ca-108dd189f588 のような \
                     GUID）ではないため、適用していません。"
                ),
            },
        }
    }
}
