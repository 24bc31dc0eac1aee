//! The licensing service's codes explained for the user, each with what to do next.

use super::Localized;
use crate::language::Language;
use crate::licensing::codes::{self, ActivationError};

/// What happened and what to do next, for the codes a user meets (code, Japanese, English):
/// the one list of the codes this app explains itself.
const EXPLAINED: &[(u32, &str, &str)] = &[
    (
        codes::INVALID_OFFLINE_BLOB,
        "確認 ID の形式が正しくないと Windows が判断しました (0xC004F02C)。\
         次に: A～H の 8 ブロックがすべて数字だけで入力されているか確かめて、もう一度適用してください。\
         それでも失敗する場合は、確認 ID を取得し直してください。",
        "Windows says the Confirmation ID is not in the right format (0xC004F02C). \
         Next: check that all 8 blocks A-H were entered, digits only, and apply again; \
         if it still fails, get a new Confirmation ID.",
    ),
    (
        codes::OFFLINE_BLOB_WRONG_LENGTH,
        "確認 ID の長さが正しくありません (0xC004F02F)。ブロックの抜けか重複があるようです。\
         次に: A～H の 8 ブロック（48 桁）を入力し直してください。",
        "Windows says the Confirmation ID has the wrong length (0xC004F02F). \
         Next: a block is missing or doubled; enter all 8 blocks A-H (48 digits) again.",
    ),
    (
        codes::IID_CID_MISMATCH,
        "確認 ID がこの PC の現在のインストール ID に対応していません (0xC004F031)。\
         次に: この PC のインストール ID をもう一度読み取り、その ID で確認 ID を取得し直してください。",
        "The Confirmation ID does not belong to this PC's current Installation ID (0xC004F031). \
         Next: read the Installation ID from this PC again and get a new Confirmation ID for \
         exactly that ID.",
    ),
    (
        codes::CHECK_DIGIT,
        "インストール ID か確認 ID のチェック数字が合いません (0xC004F04D)。\
         次に: ポータルに表示された数字と、ブロックごとに 1 桁ずつ見比べてください\
         （1 と 8 のように 7 違う数字への入力ミスは、このアプリのチェックでは見つけられません）。\
         合っている場合は、確認 ID を取得し直してください。",
        "Windows found a wrong check digit in the Installation ID or the Confirmation ID \
         (0xC004F04D). Next: compare every block with what the portal showed, digit by digit \
         (digits 7 apart, such as 1 and 8, pass this app's check); if they match, get a new \
         Confirmation ID.",
    ),
    (
        codes::PRODUCT_KEY_MISMATCH,
        "インストール ID と確認 ID が、現在インストールされているプロダクト キーと一致しません \
         (0xC004F07E)。インストール ID を読み取った後にキーが変わった可能性があります。\
         次に: インストール ID を読み取り直し、その ID で確認 ID を取得し直してください。",
        "The Installation ID and the Confirmation ID do not match the product key installed \
         now (0xC004F07E); the key may have changed after the Installation ID was read. \
         Next: read the Installation ID again and get a new Confirmation ID for it.",
    ),
    (
        codes::NOT_BOUND_TO_ENVIRONMENT,
        "確認 ID がこの PC の現在の環境に対応していません (0xC004F07F)。別の PC 用の ID か、\
         ハードウェアが変わった可能性があります。\
         次に: この PC のインストール ID を読み取り直し、確認 ID を取得し直してください。",
        "The Confirmation ID is not bound to this PC as it is now (0xC004F07F): it may be for \
         another PC, or the hardware changed. Next: read this PC's Installation ID again and \
         get a new Confirmation ID.",
    ),
    // Windows' own words first (sppc.dll, ja-JP: 「ライセンス認証サーバーで、マルチ ライセンス
    // 認証キーが制限値を超えたことが報告されました。」), so the two texts are seen to be one.
    // A MAK is always a volume-licence key; the human route is the portal's callback, and
    // a volume-licensing administrator can ask Microsoft to raise the limit.
    (
        codes::MAK_LIMIT,
        "ライセンス認証サーバーで、マルチ ライセンス認証キー (MAK) が制限値を超えたことが報告されました (0xC004C020)。\
         このプロダクト キーは企業・団体向けのボリューム ライセンスのキー (MAK) で、認証できる回数を使い切っています。\
         マザーボードなどを交換した後によく起こります。\
         次に: ポータル（https://aka.ms/aoh）でインストール ID を入力します。確認 ID が表示されない、\
         または認証できないときは、ポータルの [サポートに連絡する] から担当者の折り返し電話を依頼してください。\
         会社や学校の PC なら、ボリューム ライセンスの管理者が Microsoft に MAK の認証回数の追加を依頼できます\
         （Web のフォーム。ボリューム ライセンスの管理者、キー管理者、キー閲覧者のいずれかの役割が必要です）。",
        "The activation server reported that the Multiple Activation Key (MAK) has exceeded its \
         limit (0xC004C020): this product key is a volume-licence key (MAK) whose activations \
         are used up, which often happens after a motherboard or other hardware was replaced. \
         Next: enter the Installation ID on the portal (https://aka.ms/aoh); if it shows no \
         Confirmation ID, or the ID does not activate, ask for a callback from an agent \
         through the portal's contact-support page. For a company or school PC, the \
         volume-licensing administrator can ask Microsoft to raise the MAK limit (a web form, \
         for the VL Administrator, Key Administrator or Key Viewer role).",
    ),
    (
        codes::ACCESS_DENIED,
        "管理者権限がないため、Windows が拒否しました (0x80070005)。\
         次に: 管理者として実行してから、もう一度適用してください（ウィンドウでは [管理者としてこのアプリを開き直す] \
         を押してユーザー アカウント制御で [はい] を選び、コマンドでは管理者として開いたコマンド プロンプトで実行します）。",
        "Windows refused because this app is not running with administrator rights \
         (0x80070005). Next: run it as administrator and apply again (in the window, press \
         \"Restart as administrator\" and answer Yes to User Account Control; for a command, \
         run it in a Command Prompt opened as administrator).",
    ),
    (
        codes::SL_ACCESS_DENIED,
        "この操作には管理者権限が必要なため、ソフトウェア ライセンス サービスが拒否しました (0xC004F025)。\
         次に: 管理者として実行してから、もう一度適用してください（ウィンドウでは [管理者としてこのアプリを開き直す] \
         を押してユーザー アカウント制御で [はい] を選び、コマンドでは管理者として開いたコマンド プロンプトで実行します）。",
        "The licensing service refused because this needs administrator rights \
         (0xC004F025). Next: run it as administrator and apply again (in the window, press \
         \"Restart as administrator\" and answer Yes to User Account Control; for a command, \
         run it in a Command Prompt opened as administrator).",
    ),
    (
        codes::LICENSE_NOT_INSTALLED,
        "この製品のライセンスがインストールされていないと Windows が報告しました (0xC004F015)。\
         インストール ID を読み取った後に、製品かプロダクト キーが削除・変更された可能性があります。\
         次に: この PC をもう一度読み取り、製品を選び直してください。インストール ID が変わっていれば、\
         確認 ID を取得し直してください。",
        "Windows says this product's license is not installed (0xC004F015): the product or its \
         key may have been removed or changed after the Installation ID was read. Next: read \
         this PC again and choose the product again; if its Installation ID changed, get a new \
         Confirmation ID.",
    ),
    (
        codes::INVALID_ARGUMENT,
        "Windows から「パラメーターが間違っています」というエラーが返されました (0x80070057)。インストール ID か確認 ID が、\
         Windows の期待する形になっていません。\
         次に: この PC をもう一度読み取り、確認 ID の 8 ブロックを確かめてから適用し直してください。",
        "Windows rejected an argument (0x80070057): the Installation ID or the Confirmation ID \
         was not in the form it expects. Next: read this PC again, check the 8 blocks of the \
         Confirmation ID, and apply again.",
    ),
    (
        codes::GRACE_EXPIRED,
        "猶予期間が終了しています (0xC004F009)。\
         次に: インストール ID をポータルに入力して確認 ID を取得し、このアプリで入力してライセンス認証してください。",
        "The grace period has ended (0xC004F009). Next: activate: enter the Installation ID on \
         the portal and type the Confirmation ID it gives into this app.",
    ),
    (
        codes::HARDWARE_CHANGED,
        "ライセンス認証の後にハードウェアが大きく変更されたため、ライセンス認証が無効になっています (0xC004F00F)。\
         次に: この PC のインストール ID を読み取り直し、その ID で確認 ID を取得してください。\
         Windows の画面に 0xC004C020 と表示されている場合は、マルチ ライセンス認証キー (MAK) の認証回数が上限に達しています。ポータルで確認 ID を取得できないときは、ポータルの [サポートに連絡する] を使ってください。",
        "The hardware changed too much since activation, so the activation no longer holds \
         (0xC004F00F). Next: read this PC's Installation ID again and get a Confirmation ID \
         for it. If Windows shows 0xC004C020, the Multiple Activation Key (MAK) has used up its activations: if the portal gives no Confirmation ID, use its contact-support page.",
    ),
    (
        codes::LICENSE_NOT_FOUND,
        "有効なライセンスが見つからないか、ライセンスが無効です (0xC004F034)。\
         次に: このアプリの画面 2 の手順で、ポータルから確認 ID を取得してライセンス認証してください。",
        "Windows found no valid license for this product, or the license is invalid \
         (0xC004F034). Next: get a Confirmation ID from the portal, as screen 2 of this app \
         shows, and activate.",
    ),
    (
        codes::NOT_GENUINE,
        "Windows は現在の状態を正規品ではないと判断しています (0xC004F200)。\
         次に: 正規のプロダクト キーを入力してから、ライセンス認証してください。",
        "Windows considers the current state not genuine (0xC004F200). Next: enter a genuine \
         product key, then activate.",
    ),
    (
        codes::IN_GRACE_PERIOD,
        "まだライセンス認証されておらず、猶予期間中です (0x4004F00C)。\
         次に: 猶予期間が終わる前にライセンス認証してください。",
        "Not activated yet: the product is running in its grace period (0x4004F00C). Next: \
         activate it before the grace period ends.",
    ),
    (
        codes::IN_OUT_OF_TOLERANCE_GRACE,
        "ハードウェアが変更されたため、再度ライセンス認証が必要です（現在は猶予期間中です）(0x4004F00D)。\
         次に: インストール ID を読み取り直し、猶予期間が終わる前にライセンス認証してください。\
         Windows の画面に 0xC004C020 と表示されている場合は、マルチ ライセンス認証キー (MAK) の認証回数が上限に達しています。ポータルで確認 ID を取得できないときは、ポータルの [サポートに連絡する] を使ってください。",
        "After hardware changes the product is in a grace period to activate again \
         (0x4004F00D). Next: read the Installation ID again and activate before it ends. \
         If Windows shows 0xC004C020, the Multiple Activation Key (MAK) has used up its activations: if the portal gives no Confirmation ID, use its contact-support page.",
    ),
    (
        codes::WMI_INVALID_QUERY,
        "ソフトウェア ライセンス サービスが WMI の問い合わせに答えませんでした (0x80041017)。この PC の WMI に\
         本物のソフトウェア ライセンス サービスがないか（Wine など）、WMI が壊れています。\
         次に: 管理者として開いたコマンド プロンプトで slmgr /dti（インストール ID の表示）と \
         slmgr /atp <確認 ID> [アクティベーション ID]（確認 ID の適用）を使ってください。",
        "The licensing service did not answer the WMI query (0x80041017): this PC's WMI has no \
         real licensing service (as under Wine), or WMI is damaged. Next: in a Command Prompt \
         opened as administrator, use slmgr /dti (shows the Installation ID) and \
         slmgr /atp <Confirmation ID> [Activation ID] (applies the Confirmation ID).",
    ),
    (
        codes::WMI_INVALID_CLASS,
        "WMI にソフトウェア ライセンス サービスのクラスがありません (0x80041010)。\
         次に: 管理者として開いたコマンド プロンプトで slmgr /dti（インストール ID の表示）と \
         slmgr /atp <確認 ID> [アクティベーション ID]（確認 ID の適用）を使ってください。",
        "WMI has no licensing service class on this PC (0x80041010). Next: in a Command Prompt \
         opened as administrator, use slmgr /dti (shows the Installation ID) and \
         slmgr /atp <Confirmation ID> [Activation ID] (applies the Confirmation ID).",
    ),
    (
        codes::WMI_INVALID_NAMESPACE,
        "WMI の名前空間 root\\cimv2 が見つかりません (0x8004100E)。WMI が壊れている可能性があります。\
         次に: 管理者として開いたコマンド プロンプトで slmgr /dti（インストール ID の表示）と \
         slmgr /atp <確認 ID> [アクティベーション ID]（確認 ID の適用）を使ってください。",
        "WMI's root\\cimv2 namespace is missing (0x8004100E); WMI may be damaged. Next: in a \
         Command Prompt opened as administrator, use slmgr /dti (shows the Installation ID) \
         and slmgr /atp <Confirmation ID> [Activation ID] (applies the Confirmation ID).",
    ),
    (
        codes::INVALID_PRODUCT_KEY,
        "このプロダクト キーは無効だとソフトウェア ライセンス サービスが判断しました (0xC004F050)。入力の誤りか、\
         この Windows のエディション（ESU の場合はその年）用のキーではありません。\
         次に: キーを 1 文字ずつ見比べて入力し直してください。ESU の場合は、今年の ESU 用に\
         発行された MAK か、ライセンスの管理者に確かめてください。",
        "The licensing service says this product key is invalid (0xC004F050): it is \
         mistyped, or not for this edition of Windows (for ESU: not for this year). Next: \
         compare the key character by character and type it again; for ESU, check with \
         whoever manages the contract that it is this year's ESU MAK.",
    ),
    (
        codes::SKU_NOT_FOUND,
        "このプロダクト キーの製品（SKU）がこの PC に見つからないとソフトウェア ライセンス サービスが報告しました \
         (0xC004F069)。別の製品やエディション用のキーか、その製品のライセンスがまだ入っていません。\
         次に: キーの製品を確かめてください。Windows 10 の ESU キーなら、先に Windows Update で \
         KB5066791 以降と KB5072653 をインストールしてください。",
        "The licensing service found no product (SKU) on this PC for this key \
         (0xC004F069): the key is for another product or edition, or that product's licence \
         is not on this PC yet. Next: check which product the key is for; for a Windows 10 \
         ESU key, install KB5066791 or later and KB5072653 through Windows Update first.",
    ),
    (
        codes::KEY_NOT_AVAILABLE,
        "この製品のプロダクト キーが利用できないと Windows が報告しました (0xC004F014)。\
         次に: 製品のプロダクト キーを管理者としてインストールしてから、ライセンス認証してください。",
        "Windows says the product key for this product is not available (0xC004F014). Next: \
         install the product's key (as administrator), then activate it.",
    ),
];

fn explain_code(code: u32, language: Language) -> Option<&'static str> {
    EXPLAINED
        .iter()
        .find(|(explained, ..)| *explained == code)
        .map(|&(_, ja, en)| language.pick(ja, en))
}

/// Every code with an explanation of its own.
pub fn explained_codes() -> impl Iterator<Item = u32> {
    EXPLAINED.iter().map(|(code, ..)| *code)
}

/// Whether this code has an explanation of its own (else the code is shown with where to look
/// it up).
pub fn explains(code: u32) -> bool {
    explain_code(code, Language::English).is_some()
}

/// A code from the licensing service explained for the user: the specific explanation when
/// there is one, else the code with the way to see Windows' own description of it.
pub fn explain_hresult(code: u32, language: Language) -> String {
    if let Some(text) = explain_code(code, language) {
        return text.to_string();
    }
    match language {
        Language::English => format!(
            "Windows reported code 0x{code:08X}. Next: run slui.exe 0x2a 0x{code:08X} to see \
             Windows' own description, or look the code up on Microsoft's support site."
        ),
        Language::Japanese => format!(
            "Windows がコード 0x{code:08X} を報告しました。次に: slui.exe 0x2a 0x{code:08X} を実行すると、\
             Windows 自身の説明が表示されます。Microsoft のサポート サイトでこのコードを調べることもできます。"
        ),
    }
}

impl Localized for ActivationError {
    fn message(&self, language: Language) -> String {
        match explain_code(self.code, language) {
            Some(text) => text.to_string(),
            None => super::then(
                language.pick(
                    "確認 ID は受け付けられていません。",
                    "The Confirmation ID was not accepted.",
                ),
                &explain_hresult(self.code, language),
                language,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explained_code_is_explained_once_in_both_languages_with_a_next_step() {
        let mut seen = std::collections::BTreeSet::new();
        for code in explained_codes() {
            assert!(seen.insert(code), "0x{code:08X} is listed twice");
            let error = ActivationError::from_code(code);
            let hex = format!("0x{code:08X}");
            for language in Language::ALL {
                let text = error.message(language);
                assert!(text.contains(&hex), "{language:?}: {text}");
                assert!(
                    text.contains(language.pick("次に", "Next:")),
                    "{language:?}: {text}"
                );
            }
        }
        assert!(
            seen.contains(&codes::MAK_LIMIT) && seen.contains(&codes::CHECK_DIGIT),
            "the codes users meet most are explained: {seen:?}"
        );
    }

    #[test]
    fn an_unknown_code_is_shown_with_where_to_look_it_up() {
        // SL_E_LICENSE_FILE_NOT_INSTALLED, which this app does not explain itself.
        let error = ActivationError::from_code(0xC004_F011);
        assert!(!explains(0xC004_F011));
        for language in Language::ALL {
            let text = error.message(language);
            assert!(
                text.contains("0xC004F011") && text.contains("slui.exe 0x2a 0xC004F011"),
                "{text}"
            );
        }
    }
}
