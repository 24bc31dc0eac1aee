//! Every sentence the window shows, in Japanese and English, in one place.
//!
//! `texts!` takes each entry's two translations side by side: an entry without both does not
//! compile. Sentences with numbers in them are the functions at the end.

use crate::language::Language;

macro_rules! texts {
    ($($name:ident => $ja:literal, $en:literal;)*) => {
        /// A fixed sentence of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($name),* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$name),*];

            pub fn in_language(self, language: Language) -> &'static str {
                match self { $(Text::$name => language.pick($ja, $en)),* }
            }
        }
    };
}

texts! {
    AppTitle => "Activation Companion — 電話・ポータル認証の手助け", "Activation Companion — offline activation helper";
    StepInstallationId => "1  インストール ID", "1  Installation ID";
    StepRoute => "2  確認 ID をもらう", "2  Get the Confirmation ID";
    StepConfirmationId => "3  確認 ID を入力", "3  Type the Confirmation ID";
    SwitchLanguage => "English", "日本語";
    StartOver => "最初からやり直す (Ctrl+N)", "Start over (Ctrl+N)";
    ConfirmStartOver => "本当に消去する (もう一度 Ctrl+N)", "Really clear everything (Ctrl+N again)";
    Cancel => "やめる (Esc)", "Cancel (Esc)";
    StartOverQuestion => "入力した ID と確認 ID をすべて消去します。", "This clears the Installation ID and every typed block.";
    ZoomIn => "拡大", "Zoom in";
    ZoomOut => "縮小", "Zoom out";
    Restored => "前回の続きから再開しました。", "Your unfinished session was restored.";
    Copied => "コピーしました。", "Copied.";
    KeyboardHelp => "Ctrl+1/2/3 画面切替・Tab 次の欄・Ctrl+L 言語・Ctrl + +/- 拡大縮小", "Ctrl+1/2/3 screens · Tab next field · Ctrl+L language · Ctrl + +/- zoom";

    IidPrompt => "slui 4 の画面、または slmgr /dti の出力を貼り付けるか、数字を入力してください。", "Paste what slui 4 or slmgr /dti shows, or type the digits.";
    IidPlaceholder => "インストール ID（63 桁）をここに貼り付け", "Paste the Installation ID (63 digits) here";
    IidEmpty => "まだインストール ID がありません。", "No Installation ID yet.";
    KeptOnlyIds => "長いテキスト（16 KB 超）だったため、含まれていたインストール ID だけを製品名とともに残しました。", "The text was long (over 16 KB), so only the Installation IDs in it were kept, with their product names.";
    IidAllConsistent => "すべてのグループのチェック数字が一致しています。", "Every group's check digit matches.";
    ChooseProduct => "製品を選んでください：", "Choose the product:";
    ReadAloud => "1 グループずつ表示・読み上げ用 (Ctrl+R)", "One group at a time, to read aloud (Ctrl+R)";
    CopyDigits => "数字だけをコピー (Ctrl+D)", "Copy digits only (Ctrl+D)";
    CopyGrouped => "区切り付きでコピー (Ctrl+G)", "Copy with groups (Ctrl+G)";
    QrInstruction => "スマートフォンでこの QR コードを読み取り、ポータルのインストール ID 欄に貼り付けてください。", "Scan this with your phone, then paste it into the portal's Installation ID field.";
    QrOnlyWhenValid => "すべてのグループが一致すると QR コードが表示されます。", "The QR code appears once every group checks out.";
    ReadingHelp => "Space / → 次へ　← 前へ　Esc 閉じる", "Space / → next   ← previous   Esc close";
    Previous => "← 前へ", "← Previous";
    Next => "次へ →", "Next →";
    Close => "閉じる", "Close";
    Group => "グループ", "Group";

    RoutePortal => "ポータル・推奨 (Ctrl+P)", "Portal, recommended (Ctrl+P)";
    RoutePhone => "電話 (Ctrl+T)", "Phone (Ctrl+T)";
    PortalScan => "スマートフォンで読み取ると aka.ms/aoh が開きます。", "Scan to open aka.ms/aoh on your phone.";
    PortalAccount => "Microsoft アカウントでのサインインが必要です（個人用、または職場・学校用）。", "A Microsoft account sign-in is needed (personal, or work or school).";
    SearchCountry => "国・地域名か ISO コード", "Country, region or code";
    NoCountryMatch => "該当する国・地域がありません。", "No country or region matches.";
    ChooseCountry => "国・地域を選んでください。", "Choose a country or region.";
    TollFree => "フリーダイヤル", "Toll-free";
    Toll => "有料", "Toll";
    International => "国外から", "From abroad";
    AbroadWarning => "フリーダイヤルは国外からはつながらないことがよくあります。", "Toll-free numbers often do not work from abroad.";
    NoE164 => "この番号は国内から表示どおりにダイヤルしてください。", "Dial this one exactly as shown, from inside the country.";
    ScanToCall => "スマートフォンで読み取ると電話をかけられます。", "Scan to call from your phone.";
    Alternative => "別の番号", "Alternative";
    Provenance => "出典", "Source";
    FromThisPc => "この PC の Windows の一覧（phone.inf）より。最も新しい一覧です。", "From this PC's Windows (phone.inf): the most current list.";
    FromBundledList => "Microsoft の一覧（Windows の phone.inf など）をこのアプリに収録したもの。", "From Microsoft's lists (Windows' own phone.inf and others), bundled with this app.";
    Checklist => "チェックリスト（済んだ手順に印を付けます。Ctrl+Enter で次の手順）", "Checklist (tick each step as you go; Ctrl+Enter ticks the next)";
    IfRejected => "インストール ID が受け付けられないとき", "If the Installation ID is rejected";
    PhoneRetired => "2025 年 12 月以降、自動音声の電話認証は終了しポータルへ案内されると報告されています。", "Since December 2025 the automated phone line is reported to only point callers to the portal.";

    CidPrompt => "読み上げられた、または表示された確認 ID を A から順に入力してください。", "Type the Confirmation ID block by block, starting at A.";
    EightBlocks => "8 ブロック（Vista 以降）", "8 blocks (Vista and later)";
    SevenBlocks => "7 ブロック（XP）", "7 blocks (XP)";
    AllBlocksConsistent => "すべてのブロックが矛盾なく入力されています。", "All blocks typed consistently.";
    OnlyWindowsDecides => "正しいかどうかは Windows が判定します。", "Only Windows can tell whether it activates.";
    CopyCidDigits => "数字だけをコピー・slmgr /atp やポータル用 (Ctrl+D)", "Copy digits only, for slmgr /atp or the portal (Ctrl+D)";
    CopySlmgr => "slmgr.vbs /atp コマンドをコピー (Ctrl+K)", "Copy the slmgr.vbs /atp command (Ctrl+K)";
    CopyOspp => "Office 用 ospp.vbs /actcid: コマンドをコピー (Ctrl+O)", "Copy the ospp.vbs /actcid: command for Office (Ctrl+O)";
    WhatNext => "次に：SLUI の A〜H の欄に同じ数字を入力し、「Windows のライセンス認証」を押します。", "Next: type the same blocks A–H into SLUI and press Activate.";
    Empty => "未入力", "empty";
    Incomplete => "入力中", "typing";

    ReadFromPc => "この PC から読み取る", "Read from this PC";
    ReadingPc => "Windows のライセンス サービスを読み取っています…（最長 60 秒）", "Reading Windows' licensing service… (up to 60 s)";
    NoProductKey => "この PC には、プロダクト キーの入った Windows も Office もありません。次に: 先にプロダクト キーを入力してください（[設定] > [システム] > [ライセンス認証]）。", "Neither Windows nor Office has a product key on this PC. Next: enter the product key first (Settings > System > Activation).";
    UseNewInstallationId => "新しいインストール ID を画面 1 に表示する", "Show the new Installation ID on screen 1";
    ReadOnlyOnWindows => "認証する Windows PC でこのアプリを動かすと、ID をその PC から直接読み取れます。", "Run this app on the Windows PC being activated to read the ID from it directly.";
    ApplyToPc => "この PC に適用する", "Apply to this PC";
    ApplyAgain => "もう一度適用する", "Apply again";
    RunIt => "実行する", "Run it";
    ApplyRunning => "適用しています…", "Applying…";
    ApplyOnlyOnWindows => "認証する Windows PC でこのアプリを動かすと、確認 ID をこの画面から直接適用できます。", "Run this app on the Windows PC being activated to apply the Confirmation ID from here.";
    RestartAsAdministrator => "管理者として再起動する", "Restart as administrator";
    Consistent => "✓ 一致", "✓ consistent";
    Inconsistent => "× 不一致", "× inconsistent";
}

/// "Group 4 / 9".
pub fn position(language: Language, number: usize, total: usize) -> String {
    match language {
        Language::Japanese => format!("グループ {number} / {total}"),
        Language::English => format!("Group {number} / {total}"),
    }
}

/// "63 digits".
pub fn digit_count(language: Language, count: usize) -> String {
    match language {
        Language::Japanese => format!("{count} 桁"),
        Language::English => format!("{count} digits"),
    }
}

/// Progress while the first groups of an Installation ID are typed.
pub fn typed_so_far(language: Language, typed: usize, of: usize) -> String {
    match language {
        Language::Japanese => format!("{of} 桁中 {typed} 桁を入力しました。"),
        Language::English => format!("{typed} of {of} digits typed."),
    }
}

/// A paste that was one enormous run of digits.
pub fn digit_run_too_long(language: Language, digits: usize) -> String {
    match language {
        Language::Japanese => format!(
            "貼り付けられた {digits} 桁の数字の並びは、インストール ID（63・54・50 桁）にしては長すぎるため、残していません。"
        ),
        Language::English => format!(
            "The pasted run of {digits} digits is far too long to be an Installation ID (63, 54 or 50 digits), so it was not kept."
        ),
    }
}

/// The hint under an inconsistent CID block.
pub fn block_misheard(language: Language, letter: char) -> String {
    match language {
        Language::Japanese => {
            format!("ブロック {letter} が一致しません。数字の聞き間違いかもしれません。")
        }
        Language::English => {
            format!("Block {letter} does not check out: a digit may have been misheard.")
        }
    }
}

/// "Product 2 of 3".
pub fn product(language: Language, number: usize) -> String {
    match language {
        Language::Japanese => format!("製品 {number}"),
        Language::English => format!("Product {number}"),
    }
}

/// Asked before a Confirmation ID is applied.
pub fn apply_question(language: Language, product: Option<&str>) -> String {
    match (product, language) {
        (Some(product), Language::Japanese) => format!(
            "Windows のライセンス サービスを通じて、{product} に確認 ID を適用します（管理者権限が必要です）。"
        ),
        (Some(product), Language::English) => format!(
            "The Confirmation ID will be applied to {product} through Windows' licensing service (administrator rights are needed)."
        ),
        (None, Language::Japanese) => "Windows のライセンス サービスを通じて、画面 1 のインストール ID の製品に確認 ID を適用します（管理者権限が必要です）。".to_string(),
        (None, Language::English) => "The Confirmation ID will be applied, through Windows' licensing service, to the product whose Installation ID is on screen 1 (administrator rights are needed).".to_string(),
    }
}
