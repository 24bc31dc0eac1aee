//! The PC being activated: each product's status, the verdict after applying a Confirmation
//! ID, why the licensing service could not be used, and restarting as administrator.

use super::{Localized, Text, explain_hresult};
use crate::language::Language;
use crate::licensing::esu::EsuYear;
use crate::licensing::{
    ActivationState, ApplyError, ApplyVerdict, InstallError, InstallVerdict, InstalledProduct,
    KeyProblem, LicenseStatus, LicensingError, OfflineRoute, ProductKind, ServiceError,
    TargetError, codes, days_left, is_invisible,
};
use crate::platform::ElevationError;

/// " (0x80041017)" for a service error with a code; nothing otherwise.
fn code_in_brackets(problem: Option<&ServiceError>) -> String {
    problem
        .and_then(ServiceError::code)
        .map(|code| format!(" (0x{code:08X})"))
        .unwrap_or_default()
}

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

fn month(year: u16, month: u8, day: Option<u8>, language: Language) -> String {
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

/// A typed product key that is not one.
impl Localized for KeyProblem {
    fn message(&self, language: Language) -> String {
        let what = |c: char| -> String {
            let kind = match (c.is_ascii_digit(), c.is_ascii_alphabetic(), language) {
                (true, _, Language::English) => "the digit",
                (_, true, Language::English) => "the letter",
                (_, _, Language::English) => "the character",
                (true, _, Language::Japanese) => "数字",
                (_, true, Language::Japanese) => "文字",
                (_, _, Language::Japanese) => "文字",
            };
            let rule = match (c.to_ascii_uppercase(), language) {
                ('O' | '0', Language::English) => "product keys have no O or 0",
                ('O' | '0', Language::Japanese) => "プロダクト キーに O と 0 はありません",
                ('I' | '1' | 'L', Language::English) => "product keys have no I, L or 1",
                ('I' | '1' | 'L', Language::Japanese) => "プロダクト キーに I、L、1 はありません",
                ('S' | '5', Language::English) => "product keys have no S or 5",
                ('S' | '5', Language::Japanese) => "プロダクト キーに S と 5 はありません",
                ('Z', Language::English) => "product keys have no Z",
                ('Z', Language::Japanese) => "プロダクト キーに Z はありません",
                ('A' | 'E' | 'U', Language::English) => "product keys have no vowels",
                ('A' | 'E' | 'U', Language::Japanese) => {
                    "プロダクト キーに A、E、I、O、U はありません"
                }
                (_, Language::English) => {
                    "product keys hold only B C D F G H J K M N P Q R T V W X Y 2 3 4 6 7 8 9"
                }
                (_, Language::Japanese) => {
                    "プロダクト キーに使われるのは B C D F G H J K M N P Q R T V W X Y 2 3 4 6 7 8 9 だけです"
                }
            };
            match language {
                Language::English => format!("{kind} {c}: {rule}"),
                Language::Japanese => format!("{kind}「{c}」です。{rule}"),
            }
        };
        let refused = language.pick(
            "（Windows には何も送っていません）",
            " Nothing was sent to Windows.",
        );
        match (self, language) {
            (KeyProblem::Empty, _) => language
                .pick(
                    "プロダクト キーが入力されていません。25 文字（5 文字ずつ 5 グループ）を入力してください。",
                    "No product key was typed. Type its 25 characters (five groups of five).",
                )
                .to_string(),
            // An invisible character (a zero-width space from a web page) is named by its code
            // point, after the character the user sees before it.
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::English,
            ) if is_invisible(*found) => {
                let code = format!("U+{:04X}", u32::from(*found));
                let place = match position {
                    1 => "at its start".to_string(),
                    _ => format!("after character {}", position - 1),
                };
                format!(
                    "Group {group} holds an invisible character, {code}, {place}: delete it (copies from web pages often bring one). Check the key.{refused}"
                )
            }
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::Japanese,
            ) if is_invisible(*found) => {
                let code = format!("U+{:04X}", u32::from(*found));
                let place = match position {
                    1 => "最初".to_string(),
                    _ => format!(" {} 文字目の後", position - 1),
                };
                format!(
                    "グループ {group} の{place}に、見えない文字（{code}）があります。消してから、キーを確かめてください{refused}。"
                )
            }
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::English,
            ) => format!(
                "Group {group}, character {position} is {}. Check the key.{refused}",
                what(*found)
            ),
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::Japanese,
            ) => format!(
                "グループ {group} の {position} 文字目が{}。キーを確かめてください{refused}。",
                what(*found)
            ),
            (KeyProblem::SecondN { group, position }, Language::English) => format!(
                "Group {group}, character {position} is a second N: a product key holds at most \
                 one N. Check the key.{refused}"
            ),
            (KeyProblem::SecondN { group, position }, Language::Japanese) => format!(
                "グループ {group} の {position} 文字目は 2 つ目の N です。プロダクト キーに N は 1 つまでです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::GroupLength { group, found }, Language::English) => format!(
                "Group {group} has {found} characters: a product key is five groups of five. \
                 Check the key.{refused}"
            ),
            (KeyProblem::GroupLength { group, found }, Language::Japanese) => format!(
                "グループ {group} が {found} 文字です。プロダクト キーは 5 文字ずつの 5 グループです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::GroupCount { found }, Language::English) => format!(
                "The key has {found} groups: a product key is five groups of five. Check the \
                 key.{refused}"
            ),
            (KeyProblem::GroupCount { found }, Language::Japanese) => format!(
                "キーが {found} グループです。プロダクト キーは 5 文字ずつの 5 グループです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::WrongLength { found }, Language::English) => format!(
                "The key has {found} characters: a product key has 25. Check the key.{refused}"
            ),
            (KeyProblem::WrongLength { found }, Language::Japanese) => format!(
                "キーが {found} 文字です。プロダクト キーは 25 文字です。キーを確かめてください{refused}。"
            ),
        }
    }
}

/// Why the licensing service refused a key, and what to do next.
fn key_refusal(error: &codes::ActivationError, language: Language) -> String {
    if error.needs_administrator() {
        return match language {
            Language::English => format!(
                "Installing a product key needs administrator rights (0x{:08X}). Next: restart \
                 as administrator (or right-click Activation Companion and choose “Run as \
                 administrator”) and install the key again.",
                error.code
            ),
            Language::Japanese => format!(
                "プロダクト キーのインストールには管理者権限が必要です (0x{:08X})。次に: 管理者として実行してから、もう一度キーをインストールしてください（ウィンドウでは [管理者としてこのアプリを開き直す] を押し、コマンドでは管理者として開いたコマンド プロンプトで実行します）。",
                error.code
            ),
        };
    }
    explain_hresult(error.code, language)
}

impl Localized for InstallVerdict {
    fn message(&self, language: Language) -> String {
        match self {
            InstallVerdict::Installed {
                product,
                refresh_error,
                ..
            } => {
                let name = product_label(product, language);
                let key = &product.partial_key;
                let mut text = match language {
                    Language::English => {
                        format!("The product key ending {key} is installed: it belongs to {name}.")
                    }
                    Language::Japanese => format!(
                        "末尾が {key} のプロダクト キーをインストールしました。製品: {name}。"
                    ),
                };
                if let Some(code) = refresh_error {
                    text.push_str(&match language {
                        Language::English => format!(
                            " (Refreshing the license status failed with 0x{code:08X}: the \
                             status below may be out of date.)"
                        ),
                        Language::Japanese => format!(
                            "（ライセンス状態の更新が 0x{code:08X} で失敗したため、この状態は古い可能性があります。）"
                        ),
                    });
                }
                text.push_str(super::sentence_gap(language));
                text.push_str(&product.message(language));
                text
            }
            InstallVerdict::InstalledNotShown {
                last_five, problem, ..
            } => {
                let detail = code_in_brackets(problem.as_ref());
                match language {
                    Language::English => format!(
                        "Windows took the product key ending {last_five}, but no product shows it \
                         when read again{detail}. Next: restart the PC and read this PC again."
                    ),
                    Language::Japanese => format!(
                        "末尾が {last_five} のプロダクト キーは Windows に受け付けられましたが、読み取り直してもそのキーの製品が見つかりません{detail}。次に: PC を再起動して、この PC をもう一度読み取ってください。"
                    ),
                }
            }
            InstallVerdict::Refused { last_five, error } => match language {
                Language::English => format!(
                    "The product key ending {last_five} was not installed; nothing changed. {}",
                    key_refusal(error, language)
                ),
                Language::Japanese => format!(
                    "末尾が {last_five} のプロダクト キーはインストールされませんでした（何も変更していません）。{}",
                    key_refusal(error, language)
                ),
            },
        }
    }
}

impl Localized for InstallError {
    fn message(&self, language: Language) -> String {
        match self {
            InstallError::Service(ServiceError::NotWindows) => language
                .pick(
                    "プロダクト キーのインストールは Windows でのみ使えます。ライセンス認証する PC で、管理者として開いたコマンド プロンプトから slmgr /ipk <プロダクト キー> と入力することもできます。",
                    "Installing a product key works on Windows only. On the PC being activated, \
                     slmgr /ipk <product key> in a Command Prompt opened as administrator does \
                     the same.",
                )
                .to_string(),
            InstallError::Service(error @ ServiceError::TimedOut { .. }) => {
                format!(
                    "{} {}",
                    language.pick(
                        "キーがインストールされたかどうかは分かりません。",
                        "Whether the key was installed is not known."
                    ),
                    error.message(language)
                )
            }
            InstallError::Service(error) => format!(
                "{} {} {}",
                language.pick(
                    "プロダクト キーはインストールしていません。",
                    "The product key was not installed."
                ),
                error.message(language),
                language.pick(
                    "キーは、管理者として開いたコマンド プロンプトで slmgr /ipk <プロダクト キー> と入力してもインストールできます。",
                    "The key can also be installed with slmgr /ipk <product key> in a Command \
                     Prompt opened as administrator.",
                )
            ),
        }
    }
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
            Some(portal) => super::then(&verdict, portal.in_language(language), language),
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
                text.push_str(super::sentence_gap(language));
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

/// Writes into a support report the sentences the user saw: each product's status, and the
/// reading's own notes (the service's failure, a class that failed, the ESU note).
pub fn say_in_report(
    recorded: &mut crate::licensing::report::RecordedPc,
    reading: &Result<crate::licensing::LicensingReading, ServiceError>,
    language: Language,
) {
    match reading {
        Ok(reading) => {
            for (verdict, product) in recorded.verdicts.iter_mut().zip(&reading.products) {
                verdict.said = product.message(language);
            }
            for (_, problem) in &reading.problems {
                recorded.notes.push(problem.message(language));
            }
            if reading.needs_esu_note() {
                recorded.notes.push(esu_note(language).to_string());
            }
        }
        Err(error) => recorded.notes.push(error.message(language)),
    }
}

/// A support report made ready to write: who wrote it and when, the sentences the user saw,
/// and the Installation IDs left out when asked.
pub fn finish_report(
    mut recorded: crate::licensing::report::RecordedPc,
    reading: &Result<crate::licensing::LicensingReading, ServiceError>,
    language: Language,
    leave_out_ids: bool,
    now: std::time::SystemTime,
) -> crate::licensing::report::RecordedPc {
    recorded.about = format!(
        "Support report written by activation-companion {} ({})",
        env!("CARGO_PKG_VERSION"),
        language.tag()
    );
    recorded.written_at = Some(crate::date::timestamp(now));
    say_in_report(&mut recorded, reading, language);
    if leave_out_ids {
        recorded.leave_out_installation_ids();
    }
    recorded
}

/// "The support report is written to FILE…": what it holds and where to send it.
pub fn report_written(path: &std::path::Path, left_out: bool, language: Language) -> String {
    let path = path.display();
    let ids = match (left_out, language) {
        (true, Language::English) => "The Installation IDs are left out.",
        (true, Language::Japanese) => "インストール ID は含めていません。",
        (false, Language::English) => {
            "It includes the Installation IDs, which identify this PC's hardware; to leave them \
             out, write it again with report --leave-out-ids or the window's \u{201c}Leave out \
             the Installation IDs\u{201d}."
        }
        (false, Language::Japanese) => {
            "インストール ID（この PC のハードウェアを特定できます）を含みます。含めない場合は、report --leave-out-ids か、ウィンドウの [インストール ID を含めない] でもう一度保存してください。"
        }
    };
    match language {
        Language::English => format!(
            "The support report is written to {path}. It holds this app's and Windows' versions, \
             what the licensing service answered (product keys only as their last five \
             characters) and what this app concluded. {ids} Next: send the file to this app's \
             developers (attach it to an issue on the project's page) or to whoever helps you."
        ),
        Language::Japanese => format!(
            "サポート レポートを {path} に保存しました。このアプリと Windows のバージョン、ソフトウェア ライセンス サービスの応答（プロダクト キーは末尾 5 文字だけ）、このアプリの判断が入っています。{ids}次に: このファイルを、このアプリの開発元（配布元のページの問い合わせ先）か、サポートしてくれる人に送ってください。"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
