//! Files: the saved session, a QR code written to a file, any output that cannot be written.

use std::path::Path;

use super::Localized;
use crate::language::Language;
use crate::qr::QrError;
use crate::session::SessionError;

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
                "作業内容を {} に保存できません（{reason}）。入力は画面に残っていますが、アプリを閉じると失われます。",
                path.display()
            ),
            (SessionError::Unwritable { path, reason }, Language::English) => format!(
                "Cannot save your work to {} ({reason}). What you typed is still on screen but will be lost if the app closes.",
                path.display()
            ),
        }
    }
}

impl Localized for QrError {
    fn message(&self, language: Language) -> String {
        match self {
            QrError::InvalidInstallationId(problem) => format!(
                "{} {}",
                language.pick("QR コードは作りません。", "No QR code made:"),
                problem.message(language)
            ),
            QrError::TooLong { bytes } => match language {
                Language::Japanese => format!("{bytes} バイトは QR コードに入りきりません。"),
                Language::English => format!("{bytes} bytes do not fit in a QR code."),
            },
        }
    }
}

/// "Cannot write FILE (...)", or "Cannot write the output (...)" when there is no file.
pub fn cannot_write(path: Option<&Path>, error: &std::io::Error, language: Language) -> String {
    match (path, language) {
        (Some(path), Language::Japanese) => {
            format!("{} に書き込めません（{error}）。", path.display())
        }
        (Some(path), Language::English) => format!("Cannot write {} ({error}).", path.display()),
        (None, Language::Japanese) => format!("出力を書き込めません（{error}）。"),
        (None, Language::English) => format!("Cannot write the output ({error})."),
    }
}
