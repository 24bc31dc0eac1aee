//! Files: the saved session, a QR code written to a file, any output that cannot be written.

use std::path::Path;

use std::io::ErrorKind;

use super::{Localized, then};
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

/// The app's own files, as a problem with one of them names it.
#[derive(Clone, Copy)]
pub(super) enum OwnFile {
    Session,
    Record,
}

/// One of the app's own files could not be read, so the app starts it anew; `kept_as`: where
/// the old file was moved aside. One sentence for both stores.
pub(super) fn started_anew(file: OwnFile, kept_as: Option<&Path>, language: Language) -> String {
    let (name, anew) = match (file, language) {
        (OwnFile::Session, Language::Japanese) => ("前回の作業内容", "新しく始めます"),
        (OwnFile::Session, Language::English) => ("The saved session", "this is a fresh start"),
        (OwnFile::Record, Language::Japanese) => ("ライセンス認証の記録", "新しい記録を始めます"),
        (OwnFile::Record, Language::English) => ("The activation record", "a new one is started"),
    };
    match (kept_as, language) {
        (Some(path), Language::Japanese) => format!(
            "{name}を読み込めなかったため、{anew}（元のファイルは {} に残してあります）。",
            path.display()
        ),
        (Some(path), Language::English) => format!(
            "{name} could not be read, so {anew} (the old file is kept as {}).",
            path.display()
        ),
        (None, Language::Japanese) => format!("{name}を読み込めなかったため、{anew}。"),
        (None, Language::English) => format!("{name} could not be read, so {anew}."),
    }
}

impl Localized for SessionError {
    fn message(&self, language: Language) -> String {
        match self {
            SessionError::Corrupt { kept_as } => {
                started_anew(OwnFile::Session, kept_as.as_deref(), language)
            }
            SessionError::Unwritable { path, reason } => then(
                &cannot_write_for(Some(path), *reason, language),
                language.pick(
                    "入力は画面に残っていますが、アプリを閉じると失われます。",
                    "What you typed is still on screen but will be lost if the app closes.",
                ),
                language,
            ),
            SessionError::InUse { .. } => language
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordError;
    use std::path::PathBuf;

    /// Each error's sentence in English and Japanese.
    fn says(error: &dyn Localized, en: &str, ja: &str) {
        assert_eq!(
            (
                error.message(Language::English),
                error.message(Language::Japanese)
            ),
            (en.to_string(), ja.to_string())
        );
    }

    /// The two stores say "could not be read, so ... anew" in one sentence, each naming itself.
    #[test]
    fn a_file_kept_aside_is_said_alike_for_the_session_and_the_record() {
        let kept_as = Some(PathBuf::from("/d/x.unreadable"));
        says(
            &SessionError::Corrupt {
                kept_as: kept_as.clone(),
            },
            "The saved session could not be read, so this is a fresh start (the old file is kept as /d/x.unreadable).",
            "前回の作業内容を読み込めなかったため、新しく始めます（元のファイルは /d/x.unreadable に残してあります）。",
        );
        says(
            &RecordError::Corrupt { kept_as },
            "The activation record could not be read, so a new one is started (the old file is kept as /d/x.unreadable).",
            "ライセンス認証の記録を読み込めなかったため、新しい記録を始めます（元のファイルは /d/x.unreadable に残してあります）。",
        );
        says(
            &SessionError::Corrupt { kept_as: None },
            "The saved session could not be read, so this is a fresh start.",
            "前回の作業内容を読み込めなかったため、新しく始めます。",
        );
    }

    /// The session that cannot be saved says where, why, and what it means for what was typed.
    #[test]
    fn a_session_that_cannot_be_saved_says_what_is_at_stake() {
        let reason = IoReason {
            kind: ErrorKind::PermissionDenied,
            os_code: Some(13),
        };
        says(
            &SessionError::Unwritable {
                path: PathBuf::from("/d/session.json"),
                reason,
            },
            "Cannot write /d/session.json (permission denied). What you typed is still on screen but will be lost if the app closes.",
            "/d/session.json に書き込めません（アクセスが許可されていません）。入力は画面に残っていますが、アプリを閉じると失われます。",
        );
    }
}
