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

/// An argument that is not UTF-8 text: which one (1 for the first after the program's name),
/// as far as it can be read.
pub fn argument_not_text(position: usize, lossy: &str, language: Language) -> String {
    match language {
        Language::Japanese => format!(
            "エラー: {position} 番目の引数「{lossy}」を読み取れませんでした（UTF-8 ではない文字があります）。使い方は activation-companion --help で表示できます。"
        ),
        Language::English => format!(
            "error: argument {position}, \"{lossy}\", cannot be read: it is not UTF-8 text (what cannot be read is replaced). For help: activation-companion --help"
        ),
    }
}

/// Two sentences on one line: a space between them in English, none after 。 in Japanese.
pub fn two_sentences(first: &str, second: &str, language: Language) -> String {
    match language {
        Language::Japanese => format!("{first}{second}"),
        Language::English => format!("{first} {second}"),
    }
}

/// A size in bytes as the help and the messages say it: `4 KB`, `1 MB` (of 1,024).
fn size_in_words(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 && b % (1024 * 1024) == 0 => format!("{} MB", b / (1024 * 1024)),
        b if b >= 1024 && b % 1024 == 0 => format!("{} KB", b / 1024),
        b => format!("{b} B"),
    }
}

/// Standard input longer than a command reads (`limit` bytes): nothing past it was read.
pub fn standard_input_too_long(limit: u64, language: Language) -> String {
    let size = size_in_words(limit);
    match language {
        Language::Japanese => format!(
            "標準入力が {size} を超えています。このコマンドが読み取るのは {size} までです。何もしていません。入力を必要な部分だけにするか、引数で指定してください。"
        ),
        Language::English => format!(
            "Standard input is longer than {size}, the most this command reads. Nothing was done: give it only the part that matters, or the text as arguments."
        ),
    }
}

/// `install-key` at a terminal: what to type (nothing typed is shown).
pub fn key_prompt(language: Language) -> &'static str {
    language.pick(
        "プロダクト キーを入力して Enter を押してください（入力した文字は表示されません）: ",
        "Type the product key and press Enter (what you type is not shown): ",
    )
}

/// `install-key KEY`: a key on the command line can be seen by others.
pub fn key_argument_is_visible(language: Language) -> &'static str {
    language.pick(
        "注意: 引数のプロダクト キーは、実行中はほかのプロセスから見え、シェルが記録するコマンドにも残ります。次回は KEY を省略すると、表示せずに入力できます。",
        "Note: a key given as an argument is visible to other processes while this runs and stays in the shell's history; without KEY it is asked for and not shown.",
    )
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
            "TEXT（または標準入力。1 MB まで）にあるインストール ID をすべて見つけ、グループごとにチェックします（slmgr や ospp の出力、入力したグループなど）。"
        }
        ("cid", None) => {
            "TEXT（または標準入力。1 MB まで）の確認 ID をブロック（A～H）ごとにチェックします。"
        }
        ("cid", Some("blocks")) => {
            "確認 ID のブロック数: 8（A～H。Windows Vista 以降、Office 2010 以降）または 7（A～G。Windows XP の時代）。この数のブロックだけを確認 ID 全体として読み取ります（8 ブロックから 1 ブロック抜けても、7 ブロックの ID に見えるためです）。"
        }
        ("iid" | "cid", Some("text")) => "ID を含むテキスト（省略すると標準入力）。",
        (_, Some("json")) => "JSON で出力します。",
        ("qr", None) => {
            "TEXT（または標準入力。1 MB まで）の最初のインストール ID の数字、またはポータルのアドレスの QR コードを PNG で書き出します。"
        }
        ("qr", Some("text")) => "インストール ID を含むテキスト（省略すると標準入力）。",
        ("qr", Some("out")) => "書き出す PNG ファイル（- は標準出力）。",
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
        ("apply", Some("cid")) => {
            "確認 ID（区切りはあってもなくてもかまいません。省略すると標準入力、1 MB まで）。"
        }
        ("apply", Some("activation_id")) => {
            "製品のアクティベーション ID（GUID。status で表示されます）: ESU などの追加ライセンスや Office の場合。"
        }
        ("apply", Some("iid")) => {
            "確認 ID を取得したときのインストール ID: 製品のインストール ID がもう違う場合は、何も適用しません。"
        }
        ("install-key", None) => {
            "この PC にプロダクト キーをインストールし（slmgr /ipk と同じ。Windows、管理者として実行）、インストールされた製品を表示します。ESU の年ごとの新しい MAK など。KEY は引数から、省略すると入力を求めます（入力した文字は表示しません）。パイプなどからは標準入力（4 KB まで）。表示するのは末尾 5 文字だけです。"
        }
        ("install-key", Some("key")) => {
            "プロダクト キー（5 文字ずつ 5 グループ。ハイフンやスペースはあってもなくてもかまいません）。"
        }
        ("report", None) => {
            "サポート レポート（JSON）を書き出します: バージョン、ソフトウェア ライセンス サービスの応答、このアプリの判断。サービスが失敗しても書き出します。"
        }
        ("report", Some("out")) => {
            "標準出力の代わりに FILE に書き出します（- は標準出力。デバイス、パイプ、シンボリック リンクの先にはそのまま書き込みます）。"
        }
        ("report", Some("leave_out_ids")) => {
            "インストール ID を含めません（この PC のハードウェアを特定できるため）。"
        }
        ("history", None) => {
            "ライセンス認証の記録: この PC に適用した確認 ID と、ウィンドウで入力を終えた確認 ID（新しい順）。"
        }
        ("history", Some("export")) => {
            "記録を FILE に書き出します: JSON、または名前が .csv で終わるときは CSV（- は標準出力）。"
        }
        ("history", Some("import")) => {
            "ほかの PC で書き出した記録（JSON または CSV。- は標準入力。32 MB まで）を取り込みます。同じ ID の組は 1 件にまとめます。"
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
/// clap's placeholders in the usage line, and what the Japanese one says instead.
pub const JAPANESE_USAGE_WORDS: [(&str, &str); 3] = [
    ("[OPTIONS]", "[オプション]"),
    ("[COMMAND]", "[コマンド]"),
    ("<COMMAND>", "<コマンド>"),
];
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
