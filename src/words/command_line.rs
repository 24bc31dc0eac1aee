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
