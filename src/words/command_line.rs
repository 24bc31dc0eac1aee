//! Sentences only the command line says.

use crate::language::Language;

/// `--module-pixels` out of its range.
pub fn module_pixels_out_of_range(low: u32, high: u32, given: u32, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "--module-pixels は {low} から {high} の間で指定してください（{given} は範囲外です）。"
        ),
        Language::English => {
            format!("--module-pixels must be between {low} and {high} ({given} is not).")
        }
    }
}

/// The command that opens the window, asked for where the window cannot be.
pub fn no_window_in_this_build(language: Language) -> &'static str {
    language.pick(
        "このビルドにはウィンドウがありません（gui 機能なしでビルドされています）。コマンドはそのまま使えます: activation-companion --help",
        "This build has no window (it was built without the gui feature). The commands work as they are: activation-companion --help",
    )
}

/// The command line's help in Japanese (the English is the commands' own doc comments in
/// `cli`): by command (`""` the program) and argument id (`None` the command itself). A
/// command or argument without an entry fails `cli`'s test, so none ships English-only.
pub fn japanese_help(command: &str, arg: Option<&str>) -> Option<&'static str> {
    Some(match (command, arg) {
        ("", None) => {
            "Windows や Office のインストール ID を Microsoft に届け、確認 ID を 1 桁も間違えずに持ち帰るための道具です。コマンドを指定しないと、ウィンドウが開きます。"
        }
        ("", Some("lang")) => {
            "メッセージの言語: ja（日本語）または en（英語）。指定しないと、システムの言語です。"
        }
        ("iid", None) => {
            "TEXT（または標準入力）にあるインストール ID をすべて見つけ、グループごとにチェックします（slmgr や ospp の出力、入力したグループなど）。"
        }
        ("cid", None) => "確認 ID をブロック（A～H）ごとにチェックします。",
        ("iid" | "cid", Some("text")) => "ID を含むテキスト（省略すると標準入力）。",
        (_, Some("json")) => "JSON で出力します。",
        ("qr", None) => {
            "最初のインストール ID の数字（またはポータルのアドレス）の QR コードを PNG で書き出します。"
        }
        ("qr", Some("text")) => "インストール ID を含むテキスト（省略すると標準入力）。",
        ("qr", Some("out")) => "書き出す PNG ファイル。",
        ("qr", Some("tel")) => {
            "使えません。自動音声の電話認証は 2025 年 12 月に終了したため、電話番号の QR コードは作りません。"
        }
        ("qr", Some("portal")) => {
            "代わりにポータルのアドレス（https://aka.ms/aoh）を QR コードにします。"
        }
        ("qr", Some("module_pixels")) => "QR コードの 1 マスのピクセル数（8～64、既定は 10）。",
        ("centers", None) => {
            "ライセンス認証窓口の電話番号を記録として表示します（自動音声の電話認証は 2025 年 12 月に終了）。QUERY は ISO コード（JP、JPN、UK）か国・地域名の一部です。"
        }
        ("centers", Some("query")) => {
            "ISO コードか国・地域名の一部（日本語または英語）。省略するとすべて。"
        }
        ("script", None) => {
            "確認 ID を取得する手順: スマートフォンでポータル、この PC でポータル、または担当者と話す（ポータルからの折り返し電話）。"
        }
        ("script", Some("route")) => {
            "手順: portal（スマートフォンでポータル、既定）、portal-this-pc（この PC でポータル）、phone（担当者と話す）。"
        }
        ("script", Some("country")) => {
            "--route phone のとき、以前の自動音声の流れを表示する国・地域（ISO コードか名前）。"
        }
        ("status", None) => {
            "この PC のプロダクト キーのある製品と、そのライセンス状態を表示します（Windows。管理者権限は不要です）。"
        }
        ("apply", None) => {
            "この PC に確認 ID を適用し、製品がライセンス認証されたかどうかを表示します（Windows。管理者として実行）。"
        }
        ("apply", Some("cid")) => "確認 ID（区切りはあってもなくてもかまいません）。",
        ("apply", Some("activation_id")) => {
            "製品のアクティベーション ID（GUID。status で表示されます）: ESU などの追加ライセンスや Office の場合。"
        }
        ("apply", Some("iid")) => {
            "確認 ID を取得したときのインストール ID: 製品のインストール ID がもう違う場合は、何も適用しません。"
        }
        ("install-key", None) => {
            "この PC にプロダクト キーをインストールし（slmgr /ipk と同じ。Windows、管理者として実行）、インストールされた製品を表示します。ESU の年ごとの新しい MAK など。KEY は引数か標準入力から。表示するのは末尾 5 文字だけです。"
        }
        ("install-key", Some("key")) => {
            "プロダクト キー（5 文字ずつ 5 グループ。ハイフンやスペースはあってもなくてもかまいません）。"
        }
        ("report", None) => {
            "サポート レポート（JSON）を書き出します: バージョン、ソフトウェア ライセンス サービスの応答、このアプリの判断。サービスが失敗しても書き出します。"
        }
        ("report", Some("out")) => "標準出力の代わりに FILE に書き出します。",
        ("report", Some("leave_out_ids")) => {
            "インストール ID を含めません（この PC のハードウェアを特定できるため）。"
        }
        ("history", None) => {
            "ライセンス認証の記録: この PC に適用した確認 ID と、ウィンドウで入力を終えた確認 ID（新しい順）。"
        }
        ("history", Some("export")) => {
            "記録を FILE に書き出します: JSON、または名前が .csv で終わるときは CSV。"
        }
        ("history", Some("import")) => {
            "ほかの PC で書き出した記録（JSON または CSV）を取り込みます。同じ ID の組は 1 件にまとめます。"
        }
        ("gui", None) => "ウィンドウを開きます。",
        ("gui", Some("iid")) => "最初に表示するインストール ID（または ID を含むテキスト）。",
        ("gui", Some("country")) => "担当者と話す画面で最初に選ぶ国・地域（ISO コードか名前）。",
        (_, Some("help")) => "ヘルプを表示します。",
        (_, Some("version")) => "バージョンを表示します。",
        _ => return None,
    })
}

/// The Japanese help's own headings and template (clap's are English).
pub const JAPANESE_HELP_TEMPLATE: &str = "{about-with-newline}\n使い方: {usage}\n\n{all-args}";
pub const JAPANESE_COMMANDS: &str = "コマンド";
pub const JAPANESE_OPTIONS: &str = "オプション";
pub const JAPANESE_ARGUMENTS: &str = "引数";

/// A mistake on the command line, in Japanese (clap says it in English): what was wrong, and
/// where the help is. `what` is the argument or command clap names, `value` what was given.
pub fn japanese_command_line_error(
    kind: clap::error::ErrorKind,
    what: Option<&str>,
    value: Option<&str>,
) -> String {
    use clap::error::ErrorKind;
    let what = what.unwrap_or("");
    let value = value.unwrap_or("");
    let problem = match kind {
        ErrorKind::UnknownArgument => format!("{what} というオプションはありません。"),
        ErrorKind::InvalidSubcommand => format!("{what} というコマンドはありません。"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("{what} に「{value}」は指定できません。")
        }
        ErrorKind::MissingRequiredArgument => format!("{what} を指定してください。"),
        ErrorKind::ArgumentConflict => format!("{what} はほかのオプションと一緒には使えません。"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{what} の値の数が正しくありません。")
        }
        ErrorKind::NoEquals => format!("{what} には「=」で値を付けてください。"),
        _ => "コマンドラインを読み取れませんでした。".to_string(),
    };
    format!("エラー: {problem}使い方は activation-companion --help で表示できます。")
}

/// `activation-companion.com` (the console companion) could not start the window's exe beside
/// it.
pub fn window_exe_not_started(path: &str, reason: &str, language: Language) -> String {
    let reason = super::os_text(reason);
    match language {
        Language::Japanese => format!(
            "ウィンドウのプログラム（{path}）を起動できません（{reason}）。コマンドはそのまま使えます: activation-companion --help"
        ),
        Language::English => format!(
            "The window's program ({path}) cannot be started ({reason}). The commands work as they are: activation-companion --help"
        ),
    }
}
