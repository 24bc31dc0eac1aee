//! Files: the saved session, a QR code written to a file, any output that cannot be written.

use std::path::Path;

use std::io::ErrorKind;

use super::Localized;
use crate::language::Language;
use crate::qr::QrError;
use crate::session::SessionError;
use crate::storage::IoReason;

impl Localized for IoReason {
    /// Why the OS refused, in a few words (the OS's own text is English only).
    fn message(&self, language: Language) -> String {
        let (ja, en) = match self.kind {
            ErrorKind::ReadOnlyFilesystem => {
                ("読み取り専用のドライブです", "the drive is read-only")
            }
            ErrorKind::PermissionDenied => ("アクセスが許可されていません", "permission denied"),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
                "ドライブの空き容量がありません",
                "no space left on the drive",
            ),
            ErrorKind::NotFound => (
                "ファイルまたはフォルダーが見つかりません",
                "no such file or folder",
            ),
            ErrorKind::IsADirectory => (
                "ファイルではなくフォルダーです",
                "it is a folder, not a file",
            ),
            ErrorKind::NotADirectory => (
                "途中の名前がフォルダーではありません",
                "a part of the path is not a folder",
            ),
            ErrorKind::DirectoryNotEmpty => (
                "空でないフォルダーがあります",
                "a folder there is not empty",
            ),
            ErrorKind::FileTooLarge => ("ファイルが大きすぎます", "the file is too large"),
            ErrorKind::AlreadyExists => (
                "同じ名前のものがすでにあります",
                "something of that name is already there",
            ),
            ErrorKind::InvalidFilename => (
                "ファイル名に使えない名前です",
                "the name cannot be a file name",
            ),
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => (
                "ほかのプログラムが使用中です",
                "another program is using it",
            ),
            ErrorKind::TooManyLinks => ("リンクが多すぎます", "too many links"),
            ErrorKind::TimedOut => ("時間切れになりました", "it timed out"),
            ErrorKind::OutOfMemory => ("メモリーが足りません", "out of memory"),
            ErrorKind::UnexpectedEof => ("ファイルが途中で終わっています", "the file ends early"),
            ErrorKind::BrokenPipe => ("読み取る側が閉じられました", "the reader has gone"),
            ErrorKind::Unsupported => ("この場所ではできない操作です", "not supported there"),
            _ => {
                return match (self.os_code, language) {
                    (Some(code), Language::Japanese) => format!("OS のエラー {code}"),
                    (Some(code), Language::English) => format!("OS error {code}"),
                    (None, _) => language
                        .pick("予期しないエラー", "an unexpected error")
                        .to_string(),
                };
            }
        };
        language.pick(ja, en).to_string()
    }
}

impl Localized for SessionError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (
                SessionError::Corrupt {
                    kept_as: Some(path),
                },
                Language::Japanese,
            ) => format!(
                "前回の作業内容を読み込めなかったため、新しく始めます（元のファイルは {} に残してあります）。",
                path.display()
            ),
            (
                SessionError::Corrupt {
                    kept_as: Some(path),
                },
                Language::English,
            ) => format!(
                "The saved session could not be read, so this is a fresh start (the old file is kept as {}).",
                path.display()
            ),
            (SessionError::Corrupt { kept_as: None }, _) => language
                .pick(
                    "前回の作業内容を読み込めなかったため、新しく始めます。",
                    "The saved session could not be read, so this is a fresh start.",
                )
                .to_string(),
            (SessionError::Unwritable { path, reason }, Language::Japanese) => format!(
                "作業内容を {} に保存できません（{}）。入力は画面に残っていますが、アプリを閉じると失われます。",
                path.display(),
                reason.message(language)
            ),
            (SessionError::Unwritable { path, reason }, Language::English) => format!(
                "Cannot save your work to {} ({}). What you typed is still on screen but will be lost if the app closes.",
                path.display(),
                reason.message(language)
            ),
            (SessionError::InUse { .. }, _) => language
                .pick(
                    "この作業は別の Activation Companion のウィンドウで開かれています。そちらで続けてください。そちらを閉じると、このウィンドウが引き継ぎます。",
                    "This work is open in another Activation Companion window: carry on there. When that window closes, this one takes over.",
                )
                .to_string(),
        }
    }
}

impl Localized for QrError {
    fn message(&self, language: Language) -> String {
        match self {
            QrError::InvalidInstallationId(problem) => super::then(
                language.pick("QR コードを作成できません。", "No QR code made:"),
                &problem.message(language),
                language,
            ),
            QrError::TooLong { bytes } => match language {
                Language::Japanese => format!("{bytes} バイトのデータは QR コードに収まりません。"),
                Language::English => format!("{bytes} bytes do not fit in a QR code."),
            },
        }
    }
}

/// "Cannot write FILE (...)", or "Cannot write the output (...)" when there is no file.
pub fn cannot_write(path: Option<&Path>, error: &std::io::Error, language: Language) -> String {
    cannot_write_for(path, IoReason::from(error), language)
}

/// [`cannot_write`] with the OS's reason already taken from its error.
pub fn cannot_write_for(path: Option<&Path>, reason: IoReason, language: Language) -> String {
    let reason = reason.message(language);
    match (path, language) {
        (Some(path), Language::Japanese) => {
            format!("{} に書き込めません（{reason}）。", path.display())
        }
        (Some(path), Language::English) => format!("Cannot write {} ({reason}).", path.display()),
        (None, Language::Japanese) => format!("出力を書き込めません（{reason}）。"),
        (None, Language::English) => format!("Cannot write the output ({reason})."),
    }
}
