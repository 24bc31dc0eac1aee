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
    AppTitle => "Activation Companion — オフラインでのライセンス認証の手助け", "Activation Companion — offline activation helper";
    StepInstallationId => "1  インストール ID", "1  Installation ID";
    StepRoute => "2  確認 ID の取得", "2  Get the Confirmation ID";
    StepConfirmationId => "3  確認 ID を入力", "3  Type the Confirmation ID";
    StepRecord => "4  記録", "4  Record";
    SwitchLanguage => "English", "日本語";
    StartOver => "最初からやり直す (Ctrl+N)", "Start over (Ctrl+N)";
    ConfirmStartOver => "本当に消去する", "Really clear everything";
    Cancel => "キャンセル (Esc)", "Cancel (Esc)";
    StartOverQuestion => "インストール ID と、入力した確認 ID をすべて消去します。", "This clears the Installation ID and every typed block.";
    TryAgain => "もう一度試す", "Try again";
    Restored => "前回の続きから再開しました。", "Your unfinished session was restored.";
    Copied => "コピーしました。", "Copied.";
    WorkerDied => "処理が応答しないまま終了しました。何が行われたかはわかりません。もう一度実行してください。", "The work ended without an answer, so what it did is not known. Try again.";
    SevenBlocksOnlyAsked => "Windows XP の時代の 7 ブロック（A～G）の確認 ID なら、--blocks 7 を付けて実行してください。", "For a 7-block Confirmation ID of the Windows XP era (A–G), run it again with --blocks 7.";
    ZoomOut => "−", "−";
    ZoomIn => "+", "+";
    KeyboardHelp => "Ctrl+1～4 画面の切り替え・Tab 次の欄・Ctrl+L 言語・Ctrl++ / Ctrl+- 拡大・縮小", "Ctrl+1-4 screens · Tab next field · Ctrl+L language · Ctrl++ / Ctrl+- zoom";

    IidPrompt => "slmgr /dti の出力を貼り付けるか、slui 4 の画面に表示された数字を入力してください。", "Paste what slmgr /dti prints, or type the digits slui 4 shows.";
    IidPlaceholder => "インストール ID（63 桁）をここに貼り付け", "Paste the Installation ID (63 digits) here";
    IidEmpty => "インストール ID はまだ入力されていません。", "No Installation ID yet.";
    KeptOnlyIds => "長いテキスト（16 KB 超）だったため、含まれていたインストール ID だけを製品名とともに残しました。", "The text was long (over 16 KB), so only the Installation IDs in it were kept, with their product names.";
    SameIidAgain => "同じインストール ID が 2 回以上含まれています（貼り付けが重なった場合など）。1 つとして扱います。", "The same Installation ID is here more than once (pasted twice?); it is read once.";
    ChooseProduct => "製品を選んでください:", "Choose the product:";
    ReadAloud => "1 グループずつ大きく表示 (Ctrl+R)", "One group at a time, to read aloud (Ctrl+R)";
    CopyDigits => "数字だけをコピー (Ctrl+D)", "Copy digits only (Ctrl+D)";
    CopyGrouped => "ハイフン区切りでコピー (Ctrl+G)", "Copy with groups (Ctrl+G)";
    QrInstruction => "スマートフォンでこの QR コードを読み取ると、インストール ID の数字がまとめて表示されます。ポータルの 1 番の欄に貼り付け、1～9 の欄が埋まらなければ、グループを同じ番号の欄に 1 つずつ入力してください。", "Scan this with your phone to get all the digits: paste them into the portal's box 1; if boxes 1-9 do not all fill, type each group into the box with its number.";
    QrOnlyWhenValid => "すべてのグループに ✓ が付くと、QR コードが表示されます。", "The QR code appears once every group shows ✓.";
    ReadingHelp => "Space / → 次へ・← 前へ・Esc 閉じる", "Space / → next · ← previous · Esc close";
    Previous => "← 前へ", "← Previous";
    Next => "次へ →", "Next →";
    Close => "閉じる", "Close";
    Group => "グループ", "Group";
    GroupsAreBoxes => "グループ 1～9 は、ポータルの 1～9 の欄です。", "Groups 1-9 are the portal's boxes 1-9.";

    RoutePortalHere => "この PC でポータル (Ctrl+B)", "Portal on this PC (Ctrl+B)";
    RoutePortal => "スマートフォンでポータル (Ctrl+P)", "Portal on a phone (Ctrl+P)";
    WhichRoute => "確認 ID は、いまは Microsoft のポータル（aka.ms/aoh）で取得します。この PC でインターネットとブラウザーが使えるなら、この PC でポータルを開きます。使えなければスマートフォンで開きます。担当者とは、ポータルからの折り返し電話で話せます。", "A Confirmation ID now comes from Microsoft's portal (aka.ms/aoh). Has this PC got internet and a browser? Open the portal here; otherwise on your phone. A person is reached through the portal's callback.";
    OpenPortalHere => "インストール ID をコピーしてポータルを開く (Ctrl+B)", "Copy the Installation ID and open the portal (Ctrl+B)";
    PortalOpening => "ブラウザーでポータルを開いています…", "Opening the portal in your browser…";
    PortalOpened => "インストール ID をコピーしました。ポータルの手順を進め、インストール ID の 1 番の欄で Ctrl+V を押してください。1～9 の欄がすべて埋まったか確かめてください。", "The Installation ID is copied. Go through the portal's steps; on the Installation ID page, paste into box 1 with Ctrl+V and check that boxes 1-9 all filled.";
    BoxByBox => "1 番の欄にしか入らなかったら、1 グループずつ:", "If only box 1 took the paste, one group at a time:";
    CopyNextGroup => "次のグループをコピー (Ctrl+G)", "Copy the next group (Ctrl+G)";
    CopyFirstGroup => "グループ 1 をコピー (Ctrl+G)", "Copy group 1 (Ctrl+G)";
    GroupCopiedIdChanged => "インストール ID が変わりました。コピーしたグループはもう使えません。もう一度コピーしてください。", "The Installation ID changed: the group copied before is no longer right. Copy again.";
    BrowserFailed => "ブラウザーを開けませんでした。ブラウザーで https://aka.ms/aoh を開いてください（インストール ID はコピーしてあります）。", "The browser could not be opened: open https://aka.ms/aoh in your browser yourself (the Installation ID is copied).";
    NeedsValidIid => "先に画面 1 (Ctrl+1) で、すべてのグループに ✓ が付いたインストール ID を用意してください。", "First get an Installation ID whose every group shows ✓, on screen 1 (Ctrl+1).";
    RoutePhone => "担当者と話す (Ctrl+T)", "Talk to a person (Ctrl+T)";
    PortalScan => "スマートフォンで読み取ると aka.ms/aoh が開きます。", "Scan to open aka.ms/aoh on your phone.";
    PortalAccount => "Microsoft アカウントでのサインインが必要です（個人用、または職場・学校用）。", "A Microsoft account sign-in is needed (personal, or work or school).";
    SearchCountry => "国・地域名か ISO コード", "Country, region or code";
    NoCountryMatch => "該当する国・地域がありません。", "No country or region matches.";
    ChooseCountry => "国・地域を選んでください。", "Choose a country or region.";
    TollFree => "フリーダイヤル", "Toll-free";
    Toll => "有料", "Toll";
    International => "国際表記", "International form";
    NoE164 => "この番号は国内から表示どおりにダイヤルしてください。", "Dial this one exactly as shown, from inside the country.";
    Alternative => "参考（Microsoft の一覧にない番号）", "For reference (in no Microsoft list)";
    Provenance => "出典", "Source";
    FromThisPc => "この PC の Windows の一覧（phone.inf）より。最も新しい一覧です。", "From this PC's Windows (phone.inf): the most current list.";
    FromBundledList => "Microsoft の一覧（Windows の phone.inf など）をこのアプリに収録したもの。", "From Microsoft's lists (Windows' own phone.inf and others), bundled with this app.";
    Checklist => "チェックリスト（済んだ手順に印を付けます。Ctrl+Enter で次の手順）", "Checklist (tick each step as you go; Ctrl+Enter ticks the next)";
    IfRejected => "インストール ID が受け付けられないとき", "If the Installation ID is rejected";
    PhoneRetired => "自動音声による電話認証は 2025 年 12 月 12 日に終了しました（日本マイクロソフトの案内）。下の番号に電話しても確認 ID は受け取れず、ポータル（aka.ms/aoh）を案内する録音が流れます。", "Voice phone activation ended on 12 December 2025 (Microsoft Japan's announcement). A call to the numbers below no longer gets a Confirmation ID: a recording points to the portal (aka.ms/aoh).";
    LineEnded => "自動音声の電話認証は 2025 年 12 月に終了: いまは録音でポータル（aka.ms/aoh）が案内されます。確認 ID は受け取れません。", "Voice activation ended in December 2025: a call now plays a recording that points to the portal (aka.ms/aoh), and gets no Confirmation ID.";
    PhoneHistory => "ライセンス認証窓口の電話番号（記録）", "The activation centers' phone numbers (history)";
    PhoneHistoryWhy => "slui 4 が表示する番号です（Windows の phone.inf）。国・地域ごとに、以前の自動音声の流れとともに記録として残しています。", "The numbers slui 4 shows (Windows' phone.inf), kept for each country or region as a record, with how its automated line worked.";
    NoTelQr => "電話番号の QR コードは作りません。自動音声の電話認証は 2025 年 12 月に終了し、電話しても確認 ID は受け取れません。ポータルの QR コードは qr --portal で作れます。", "No QR code of a phone number: voice phone activation ended in December 2025, and a call gets no Confirmation ID. qr --portal makes the portal's QR code.";
    AnswerYesOnPortal => "ポータルの「製品のライセンス認証に成功しましたか?」には [はい] と答えてください。", "On the portal, answer yes to whether the product was activated.";
    WhenNotActivated => "それでも認証できない場合: まず、A～H の各ブロック（ポータルでは「グループ」と表示されます）をポータルのカードと 1 桁ずつ見比べてください。合っていれば、ポータルの「製品のライセンス認証に成功しましたか?」で [いいえ] を選び、各グループを確かめてもう一度試します。もう一度 [いいえ] を選ぶと、[サポートに連絡する] から担当者の折り返し電話を依頼できます（チャットは aka.ms/vpah）。", "If it still does not activate: first compare each block A-H (the portal calls them groups) with the portal's card, digit by digit. If they match, answer no on the portal to whether the product was activated, check each group and try again; after a second no, contact support there for a callback from an agent (or chat at aka.ms/vpah).";

    CidPrompt => "読み上げられた、または表示された確認 ID を A から順に入力するか、貼り付けてください。", "Type the Confirmation ID block by block, starting at A, or paste it.";
    PasteConfirmationId => "確認 ID を貼り付け (Ctrl+V)", "Paste the Confirmation ID (Ctrl+V)";
    EightBlocks => "8 ブロック（Vista 以降）", "8 blocks (Vista and later)";
    SevenBlocks => "7 ブロック（XP）", "7 blocks (XP)";
    EightBlocksForThisId => "このインストール ID は Windows Vista 以降のもので、確認 ID は 8 ブロック（A～H）です。", "This Installation ID is from Windows Vista or later: its Confirmation ID has 8 blocks, A-H.";
    SevenBlocksForThisId => "このインストール ID（50 桁）は Windows XP のもので、確認 ID は 7 ブロック（A～G）です。", "This Installation ID (50 digits) is from Windows XP: its Confirmation ID has 7 blocks, A-G.";
    BlockHNotInSeven => "7 ブロック（XP）の確認 ID にブロック H はありません。H の数字を消すか、8 ブロックに切り替えてください。", "A 7-block (XP) Confirmation ID has no block H: clear block H, or switch to 8 blocks.";
    AllBlocksConsistent => "すべてのブロックで入力ミスは見つかりませんでした。", "No typing mistake found in any block.";
    OnlyWindowsDecides => "この確認 ID で認証できるかどうかは、適用したときに Windows が判断します。", "Only Windows can tell whether it activates, when it is applied.";
    CopyCidDigits => "数字だけをコピー （slmgr /atp 用）(Ctrl+D)", "Copy digits only, for slmgr /atp (Ctrl+D)";
    CopySlmgr => "slmgr.vbs /atp コマンドをコピー (Ctrl+K)", "Copy the slmgr.vbs /atp command (Ctrl+K)";
    CopyOspp => "Office 用 ospp.vbs /actcid: コマンドをコピー (Ctrl+O)", "Copy the ospp.vbs /actcid: command for Office (Ctrl+O)";
    WhatNext => "次に: 電話によるライセンス認証の画面 (slui 4) の A～H の欄に同じ数字を入力し、[Windows のライセンス認証]（表示によっては [ライセンス認証] または [次へ]）を押します。", "Next: type the same blocks A-H into the phone activation window (slui 4) and press Activate Windows (or Activate, or Next, as it shows).";
    Empty => "未入力", "empty";
    Incomplete => "入力中", "typing";

    ReadFromPc => "この PC から読み取る", "Read from this PC";
    ReadingPc => "Windows のライセンス情報を読み取っています…（最大 60 秒）", "Reading Windows' licensing information… (up to 60 s)";
    NoProductKey => "この PC には、プロダクト キーがインストールされた Windows も Office も見つかりません。次に: プロダクト キーを入力してください（[設定] > [更新とセキュリティ] > [ライセンス認証]。Windows 11 では [設定] > [システム] > [ライセンス認証]）。", "Neither Windows nor Office has a product key installed on this PC. Next: enter the product key (Settings > Update & Security > Activation; on Windows 11, Settings > System > Activation).";
    UseNewInstallationId => "新しいインストール ID を画面 1 に表示する", "Show the new Installation ID on screen 1";
    ReadOnlyOnWindows => "ライセンス認証する Windows PC でこのアプリを実行すると、インストール ID をその PC から直接読み取れます。", "Run this app on the Windows PC being activated to read the ID from it directly.";
    ApplyToPc => "この PC に適用する", "Apply to this PC";
    ApplyAgain => "もう一度適用する", "Apply again";
    RunIt => "実行する", "Run it";
    ApplyRunning => "適用しています…", "Applying…";
    ApplyOnlyOnWindows => "ライセンス認証する Windows PC でこのアプリを実行すると、確認 ID をこの画面から直接適用できます。", "Run this app on the Windows PC being activated to apply the Confirmation ID from here.";
    RestartAsAdministrator => "管理者としてこのアプリを開き直す", "Restart as administrator";
    Consistent => "✓ OK", "✓ OK";
    Inconsistent => "× 要確認", "× check it";

    // The command line's labels and lines.
    InstallationIdHeading => "インストール ID", "Installation ID";
    ConfirmationIdHeading => "確認 ID", "Confirmation ID";
    ActivationId => "アクティベーション ID", "Activation ID";
    PartialProductKey => "プロダクト キー（末尾 5 文字）", "Product key (last 5)";
    EndsOn => "終了予定日", "Ends on";
    NoActivationsYet => "ライセンス認証の記録はまだありません。", "No activation is recorded yet.";
    RecordIntro => "このアプリで入力を終えた確認 ID と、この PC に適用した確認 ID の記録です（新しい順）。同じハードウェアに同じプロダクト キーで Windows を再インストールすると、インストール ID も同じになり、記録した確認 ID をもう一度使えることがあります。", "The Confirmation IDs completed in this app or applied to this PC, newest first. Reinstalled on the same hardware with the same product key, a PC shows the same Installation ID, and a recorded Confirmation ID may be used again.";
    RecordKeptIn => "記録は、このアプリのデータ フォルダー（作業内容と同じフォルダー）に activations.json として保存されています。ほかの PC に移すには、コマンド activation-companion history --export と --import を使います。", "The record is kept as activations.json in this app's data folder, beside the session. activation-companion history --export / --import carries it to other PCs.";
    CopyRecordedCid => "確認 ID をコピー", "Copy the Confirmation ID";
    RemoveEntry => "記録から削除…", "Remove from the record…";
    ReallyRemove => "削除する", "Remove";
    UseRecordedCid => "記録した確認 ID を画面 3 に入力する", "Put the recorded Confirmation ID on screen 3";
    MayNotWorkFromAbroad => "海外からはつながらない場合があります", "may not work from abroad";
    XpEraConfirmationId => "42 桁（A～G の 7 ブロック）は Windows XP 時代の確認 ID です。Windows Vista 以降と Office 2010 以降の確認 ID は A～H の 8 ブロック（48 桁）です。これらの製品用であれば、ブロック H が抜けています。", "42 digits (7 blocks, A-G) is a Windows XP-era Confirmation ID. Windows Vista and later, and Office 2010 and later, use 48 digits in 8 blocks A-H: if it is for one of them, block H is missing.";
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
