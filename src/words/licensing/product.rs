//! A product on this PC: its kind, its status, its name with its ESU year, and what it lacks.

use crate::language::Language;
use crate::licensing::esu::EsuYear;
use crate::licensing::{
    ActivationState, InstalledProduct, LicenseStatus, OfflineRoute, ProductKind, days_left,
};
use crate::words::{Localized, explain_hresult};

/// What kind of product it is: `Windows`, `Office`, an add-on, another product.
pub fn product_kind(kind: ProductKind, language: Language) -> &'static str {
    match kind {
        ProductKind::Windows => "Windows",
        ProductKind::Office => "Office",
        ProductKind::AddOn => language.pick("追加ライセンス（ESU など）", "add-on (such as ESU)"),
        ProductKind::Other => language.pick("その他の製品", "other product"),
    }
}

/// `LicenseStatus` in words.
pub fn license_status(status: LicenseStatus, language: Language) -> String {
    let text = match status {
        LicenseStatus::Unlicensed => language.pick("ライセンスなし", "unlicensed"),
        LicenseStatus::Licensed => language.pick("ライセンス認証済み", "licensed"),
        LicenseStatus::OutOfBoxGrace => language.pick("初期猶予期間", "initial grace period"),
        LicenseStatus::OutOfToleranceGrace => language.pick(
            "ハードウェア変更後の猶予期間",
            "grace period after hardware changes",
        ),
        LicenseStatus::NonGenuineGrace => {
            language.pick("非正規品の猶予期間", "non-genuine grace period")
        }
        LicenseStatus::Notification => language.pick("通知モード", "notification mode"),
        LicenseStatus::ExtendedGrace => language.pick("延長猶予期間", "extended grace period"),
        LicenseStatus::Unknown(code) => {
            return match language {
                Language::English => format!("unknown status {code}"),
                Language::Japanese => format!("不明な状態 {code}"),
            };
        }
    };
    text.to_string()
}

/// The product's name: its short name, or its kind when the row has none; a Windows 10 ESU
/// add-on Microsoft lists is named by its year and period first.
pub fn product_label(product: &InstalledProduct, language: Language) -> String {
    let name = product.short_name().map_or_else(
        || product_kind(product.kind, language).to_string(),
        str::to_string,
    );
    match product.esu_year() {
        Some(year) => format!("{}: {name}", esu_year_name(year, language)),
        None => name,
    }
}

/// A product on offer on screen 1, from what is kept of it as data: Windows' own name, with
/// its ESU year when its Activation ID is one's. `None` without a name.
pub fn offered_product_label(
    name: Option<&str>,
    activation_id: Option<&str>,
    language: Language,
) -> Option<String> {
    let name = name?;
    Some(
        match activation_id.and_then(crate::licensing::esu::esu_year) {
            Some(year) => format!("{}: {name}", esu_year_name(year, language)),
            None => name.to_string(),
        },
    )
}

pub(super) fn month(year: u16, month: u8, day: Option<u8>, language: Language) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = MONTHS[usize::from(month.clamp(1, 12)) - 1];
    match (day, language) {
        (Some(day), Language::English) => format!("{day} {name} {year}"),
        (None, Language::English) => format!("{name} {year}"),
        (Some(day), Language::Japanese) => format!("{year} 年 {month} 月 {day} 日"),
        (None, Language::Japanese) => format!("{year} 年 {month} 月"),
    }
}

/// "ESU Year 2 (October 2026 to October 2027)" / "ESU 2 年目（2026 年 10 月～2027 年 10 月）".
pub fn esu_year_name(year: EsuYear, language: Language) -> String {
    let from = month(year.from.0, year.from.1, year.from.2, language);
    let to = month(year.to.0, year.to.1, year.to.2, language);
    match language {
        Language::English => format!("ESU Year {} ({from} to {to})", year.year),
        Language::Japanese => format!("ESU {} 年目（{from}～{to}）", year.year),
    }
}

/// Why a product has no offline route, and what to do instead.
pub fn no_offline_route(route: OfflineRoute, language: Language) -> &'static str {
    match route {
        OfflineRoute::KmsClient => language.pick(
            "KMS クライアント キー（GVLK）です。組織の KMS ホストに対してライセンス認証するキーで、\
             インストール ID と確認 ID によるオフライン認証はできません。次に: 組織のネットワークに\
             接続するか、オフラインで認証するには MAK またはリテールのプロダクト キーをインストールしてください。",
            "A KMS client key (GVLK): it activates against your organisation's KMS host, and \
             cannot be activated offline with an Installation ID and a Confirmation ID. Next: \
             connect to your organisation's network, or, to activate offline, install a MAK or \
             retail key.",
        ),
        OfflineRoute::Evaluation => language.pick(
            "評価版です。評価版はオンラインでのみライセンス認証でき、インストール ID と確認 ID によるオフライン認証（ポータル）はできません。次に: 評価期間の後も使うには、評価版ではないエディションをインストールしてください。",
            "An evaluation edition: it activates online only, never offline with an \
             Installation ID and a Confirmation ID (portal or phone). Next: to keep using it \
             after the evaluation period, install an edition that is not an evaluation.",
        ),
        OfflineRoute::Possible => language.pick(
            "インストール ID と確認 ID でオフライン認証できます。",
            "It can be activated offline with an Installation ID and a Confirmation ID.",
        ),
    }
}

/// A product with a key whose row gives no Installation ID: what it means, what to do.
pub fn no_installation_id(product: &InstalledProduct, language: Language) -> String {
    let key = &product.partial_key;
    match language {
        Language::English => format!(
            "Windows holds a key for it (ending {key}) but gives no Installation ID for it, so \
             there is nothing to carry to Microsoft yet: the licensing service has not prepared \
             offline activation for this key. Next: restart the PC and read this PC again; if \
             it is still empty, install the key again (as administrator). For a Windows 10 ESU \
             add-on, Windows 10 22H2 needs the October 2025 update KB5066791 or later, then \
             KB5072653."
        ),
        Language::Japanese => format!(
            "この製品にはプロダクト キー（末尾 {key}）がインストールされていますが、Windows がインストール ID を表示しないため、まだポータルに入力するものがありません。ソフトウェア ライセンス サービスが、このキーのオフライン認証を準備していない状態です。次に: PC を再起動して、この PC をもう一度読み取ってください。それでも空なら、管理者としてキーをインストールし直してください。Windows 10 の ESU の場合は、Windows 10 22H2 に 2025 年 10 月の更新プログラム KB5066791 以降と KB5072653 が必要です。"
        ),
    }
}

/// Windows 10 shows no ESU add-on with a key.
pub fn esu_note(language: Language) -> &'static str {
    language.pick(
        "この Windows 10 には、プロダクト キーがインストールされた ESU（Extended Security Updates）の追加ライセンスがありません。個人向けの ESU（[設定] > [更新とセキュリティ] > [Windows Update] で Microsoft アカウントを使って有効にするもの）はストアのライセンスで、インストール ID も確認 ID も不要です。法人向けの ESU は、先にその年の ESU キー（MAK）をインストールしてください（このアプリの [プロダクト キーをインストール…]、または activation-companion install-key）。その後、ESU の追加ライセンスのインストール ID が表示されます。",
        "This Windows 10 has no ESU (Extended Security Updates) add-on with a product key. \
         Consumer ESU (enrolled in Settings > Update & Security > Windows Update with a \
         Microsoft account) is a Store licence: it needs no Installation ID and no Confirmation \
         ID. For commercial ESU, install that year's ESU key (a MAK) first (\u{201c}Install a \
         product key\u{201d} here, or activation-companion install-key); its add-on then shows \
         an Installation ID.",
    )
}

/// The status sentence: "Windows(R), Professional edition: activated; nothing to do." etc.
impl Localized for InstalledProduct {
    fn message(&self, language: Language) -> String {
        let name = product_label(self, language);
        // The reason the service gives says what to do next itself; otherwise the way on is
        // this app's.
        let reason = self.why_not_activated().map(|code| {
            format!(
                "{}{}",
                language.pick("理由: ", "Reason: "),
                explain_hresult(code, language)
            )
        });
        let activate_next = match reason {
            // No offline route: the way on is another key or the KMS host, whatever the reason.
            _ if !self.offline_route().is_possible() => {
                no_offline_route(self.offline_route(), language).to_string()
            }
            _ if self.lacks_installation_id() => no_installation_id(self, language),
            Some(reason) => reason,
            None => language
                .pick(
                    "次に: インストール ID をポータルに入力して確認 ID を取得し、このアプリで適用してください。",
                    "Next: enter its Installation ID on the portal and apply the Confirmation ID \
                     it gives with this app.",
                )
                .to_string(),
        };
        match (self.state(), language) {
            (ActivationState::Permanent, Language::English) => {
                format!("{name}: activated; nothing to do.")
            }
            (ActivationState::Permanent, Language::Japanese) => {
                format!("{name}: ライセンス認証されています。操作は不要です。")
            }
            (ActivationState::Volume { minutes_left }, Language::English) => format!(
                "{name}: activated through volume licensing (KMS) for about {} more days; it \
                 renews itself while the organisation's activation server can be reached. \
                 Nothing to do now.",
                days_left(minutes_left)
            ),
            (ActivationState::Volume { minutes_left }, Language::Japanese) => format!(
                "{name}: ボリューム ライセンス（KMS）で認証されています。あと約 {} 日有効で、組織の\
                 認証サーバーに接続できれば自動で更新されます。今は操作は不要です。",
                days_left(minutes_left)
            ),
            (
                ActivationState::Grace {
                    status,
                    minutes_left,
                },
                Language::English,
            ) => format!(
                "{name}: not activated; {} with {} days left. {activate_next}",
                license_status(status, language),
                days_left(minutes_left)
            ),
            (
                ActivationState::Grace {
                    status,
                    minutes_left,
                },
                Language::Japanese,
            ) => format!(
                "{name}: ライセンス認証されていません（{}、残り {} 日）。{activate_next}",
                license_status(status, language),
                days_left(minutes_left)
            ),
            (ActivationState::Notification, Language::English) => format!(
                "{name}: not activated (notification mode: Windows keeps asking to activate). \
                 {activate_next}"
            ),
            (ActivationState::Notification, Language::Japanese) => format!(
                "{name}: ライセンス認証されていません（通知モード: 認証を求める表示が続きます）。{activate_next}"
            ),
            (ActivationState::Unlicensed, Language::English) => {
                format!("{name}: not activated (unlicensed). {activate_next}")
            }
            (ActivationState::Unlicensed, Language::Japanese) => {
                format!("{name}: ライセンス認証されていません（ライセンスなし）。{activate_next}")
            }
            (ActivationState::Unknown(code), Language::English) => format!(
                "{name}: licensing status {code}, which this app does not know. Next: check \
                 Settings > System > Activation."
            ),
            (ActivationState::Unknown(code), Language::Japanese) => format!(
                "{name}: このアプリが知らないライセンス状態 {code} です。次に: [設定] > [更新とセキュリティ] > [ライセンス認証]（Windows 11 では [設定] > [システム] > [ライセンス認証]）で確認してください。"
            ),
        }
    }
}

/// The sentence for when no Office product has a key: Microsoft 365 is not activated by phone.
/// (Telling whether Microsoft 365 is installed is not this module's job.)
pub fn microsoft_365_note(language: Language) -> &'static str {
    language.pick(
        "Microsoft 365（サブスクリプション）の Office にはポータルによるライセンス認証がなく、インストール ID もありません。次に: Office アプリを開き、[ファイル] > [アカウント] でサブスクリプションのある Microsoft アカウントにサインインしてください。",
        "Microsoft 365 (subscription) Office has no phone or portal activation and no \
         Installation ID. Next: open any Office app and sign in with the Microsoft account that \
         has the subscription (File > Account).",
    )
}
