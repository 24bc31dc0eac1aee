//! The fixed sentences and labels, each in Japanese and English.

use crate::language::Language;

/// Fixed sentences: `Name => "Japanese", "English";`. An entry without both does not compile.
macro_rules! texts {
    ($($name:ident => $ja:literal, $en:literal;)*) => {
        /// A fixed sentence or label the user sees.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($name),* }

        impl Text {
            pub fn in_language(self, language: Language) -> &'static str {
                match self { $(Text::$name => language.pick($ja, $en)),* }
            }

            /// Every entry, for the test that no sentence exists twice.
            #[cfg(test)]
            const ALL: &'static [Text] = &[$(Text::$name),*];
        }
    };
}

texts! {
    AppTitle => "Activation Companion — 電話・ポータル認証の手助け", "Activation Companion — offline activation helper";
    StepInstallationId => "1  インストール ID", "1  Installation ID";
    StepRoute => "2  確認 ID をもらう", "2  Get the Confirmation ID";
    StepConfirmationId => "3  確認 ID を入力", "3  Type the Confirmation ID";
    StepRecord => "4  記録", "4  Record";
    SwitchLanguage => "English", "日本語";
    StartOver => "最初からやり直す (Ctrl+N)", "Start over (Ctrl+N)";
    ConfirmStartOver => "本当に消去する", "Really clear everything";
    Cancel => "やめる (Esc)", "Cancel (Esc)";
    StartOverQuestion => "入力した ID と確認 ID をすべて消去します。", "This clears the Installation ID and every typed block.";
    TryAgain => "もう一度試す", "Try again";
    Restored => "前回の続きから再開しました。", "Your unfinished session was restored.";
    Copied => "コピーしました。", "Copied.";
    ZoomOut => "−", "−";
    ZoomIn => "+", "+";
    KeyboardHelp => "Ctrl+1〜4 画面切替・Tab 次の欄・Ctrl+L 言語・Ctrl + +/- 拡大縮小", "Ctrl+1–4 screens · Tab next field · Ctrl+L language · Ctrl + +/- zoom";

    IidPrompt => "slui 4 の画面、または slmgr /dti の出力を貼り付けるか、数字を入力してください。", "Paste what slui 4 or slmgr /dti shows, or type the digits.";
    IidPlaceholder => "インストール ID（63 桁）をここに貼り付け", "Paste the Installation ID (63 digits) here";
    IidEmpty => "まだインストール ID がありません。", "No Installation ID yet.";
    KeptOnlyIds => "長いテキスト（16 KB 超）だったため、含まれていたインストール ID だけを製品名とともに残しました。", "The text was long (over 16 KB), so only the Installation IDs in it were kept, with their product names.";
    SameIidAgain => "同じインストール ID が 2 回以上含まれています（貼り付けが重なった場合など）。1 つとして扱います。", "The same Installation ID is here more than once (pasted twice?); it is read once.";
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

    RoutePortalHere => "この PC でポータル (Ctrl+B)", "Portal on this PC (Ctrl+B)";
    RoutePortal => "スマートフォンでポータル (Ctrl+P)", "Portal on a phone (Ctrl+P)";
    WhichRoute => "この PC でインターネットとブラウザーが使えるなら、この PC でポータルを開いてください。使えなければ、スマートフォンで QR コードを読み取ってください。", "Has this PC got internet and a browser? Use it. Otherwise scan with your phone.";
    OpenPortalHere => "インストール ID をコピーしてポータルを開く (Ctrl+B)", "Copy the Installation ID and open the portal (Ctrl+B)";
    PortalOpening => "ブラウザーでポータルを開いています…", "Opening the portal in your browser…";
    PortalOpened => "インストール ID をコピーしました。ブラウザーに開いたポータルの ID の欄で Ctrl+V を押してください。", "The Installation ID is copied: in the portal your browser opened, paste it into the ID field with Ctrl+V.";
    BrowserFailed => "ブラウザーを開けませんでした。ブラウザーで https://aka.ms/aoh を開いてください（インストール ID はコピーしてあります）。", "The browser could not be opened: open https://aka.ms/aoh in your browser yourself (the Installation ID is copied).";
    NeedsValidIid => "先に画面 1（Ctrl+1）で、すべてのグループが一致するインストール ID を用意してください。", "First get an Installation ID whose every group checks out, on screen 1 (Ctrl+1).";
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

    CidPrompt => "読み上げられた、または表示された確認 ID を A から順に入力するか、貼り付けてください。", "Type the Confirmation ID block by block, starting at A, or paste it.";
    PasteConfirmationId => "確認 ID を貼り付け (Ctrl+V)", "Paste the Confirmation ID (Ctrl+V)";
    EightBlocks => "8 ブロック（Vista 以降）", "8 blocks (Vista and later)";
    SevenBlocks => "7 ブロック（XP）", "7 blocks (XP)";
    EightBlocksForThisId => "このインストール ID は Windows Vista 以降のもので、確認 ID は 8 ブロック（A〜H）です。", "This Installation ID is from Windows Vista or later: its Confirmation ID has 8 blocks, A–H.";
    SevenBlocksForThisId => "このインストール ID（50 桁）は Windows XP のもので、確認 ID は 7 ブロック（A〜G）です。", "This Installation ID (50 digits) is from Windows XP: its Confirmation ID has 7 blocks, A–G.";
    BlockHNotInSeven => "7 ブロック（XP）の確認 ID にブロック H はありません。H の数字を消すか、8 ブロックに切り替えてください。", "A 7-block (XP) Confirmation ID has no block H: clear block H, or switch to 8 blocks.";
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

    // The command line's labels and lines.
    InstallationIdHeading => "インストール ID", "Installation ID";
    ConfirmationIdHeading => "確認 ID", "Confirmation ID";
    ActivationId => "アクティベーション ID", "Activation ID";
    PartialProductKey => "プロダクト キー（末尾 5 文字）", "Product key (last 5)";
    EndsOn => "終了予定日", "Ends on";
    NoActivationsYet => "ライセンス認証の記録はまだありません。", "No activation is recorded yet.";
    RecordIntro => "このアプリで入力を終えた確認 ID と、この PC に適用した確認 ID の記録です（新しい順）。同じハードウェアに同じプロダクト キーで入れ直すと、インストール ID も同じになり、記録した確認 ID をもう一度使えることがあります。", "The Confirmation IDs completed in this app or applied to this PC, newest first. Reinstalled on the same hardware with the same product key, a PC shows the same Installation ID, and a recorded Confirmation ID may be used again.";
    RecordKeptIn => "記録は、このアプリのデータ フォルダーに作業内容と並べて activations.json として保存しています。ほかの PC へは activation-companion history --export / --import で持ち運べます。", "The record is kept as activations.json in this app's data folder, beside the session. activation-companion history --export / --import carries it to other PCs.";
    CopyRecordedCid => "確認 ID をコピー", "Copy the Confirmation ID";
    RemoveEntry => "記録から削除…", "Remove from the record…";
    ReallyRemoveQuestion => "この記録を削除します。元に戻せません。", "This removes the entry for good.";
    ReallyRemove => "削除する", "Remove";
    UseRecordedCid => "記録した確認 ID を画面 3 に入れる", "Put the recorded Confirmation ID on screen 3";
    MayNotWorkFromAbroad => "国外からはつながらないことがあります", "may not work from abroad";
    XpEraConfirmationId => "42 桁（A〜G の 7 ブロック）は Windows XP 時代の確認 ID です。Windows Vista 以降と Office 2010 以降の確認 ID は A〜H の 8 ブロック 48 桁なので、そのための ID ならブロック H が抜けています。", "42 digits (7 blocks, A–G) is a Windows XP-era Confirmation ID. Windows Vista and later, and Office 2010 and later, use 48 digits in 8 blocks A–H: if it is for one of them, block H is missing.";
    Channel => "チャネル", "Channel";
    InstallKeyOpen => "プロダクト キーをインストール…", "Install a product key…";
    InstallKeyIntro => "ESU など新しいプロダクト キー（MAK）をこの PC にインストールします（slmgr /ipk と同じ。管理者として実行が必要です）。入力中のキーは画面に表示せず、保存もしません。表示・記録するのは末尾の 5 文字だけです。", "Installs a new product key (such as each ESU year's MAK) on this PC, as slmgr /ipk does (needs Run as administrator). The key is hidden while you type and never kept: only its last five characters are shown or recorded.";
    InstallKeyRun => "インストールする", "Install";
    InstallingKey => "プロダクト キーをインストールしています…", "Installing the product key…";
    KeyPlaceholder => "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX (25 characters)";
    WriteReport => "サポート レポートを保存", "Write a support report";
    WritingReport => "サポート レポートを書いています…", "Writing the support report…";
    LeaveOutInstallationIds => "インストール ID を含めない（ハードウェアを特定できるため）", "Leave out the Installation IDs (they identify this PC's hardware)";
    InstallOnlyOnWindows => "プロダクト キーのインストールは Windows でのみ使えます。", "Installing a product key works on Windows only.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_sentence_exists_twice() {
        for language in Language::ALL {
            let mut seen = std::collections::HashMap::new();
            for &text in Text::ALL {
                let words = text.in_language(language);
                if let Some(earlier) = seen.insert(words, text) {
                    panic!("{earlier:?} and {text:?} both say {words:?}");
                }
            }
        }
    }
}
