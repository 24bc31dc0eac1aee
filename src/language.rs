//! The two languages every user-facing sentence exists in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "ja")]
    Japanese,
    #[default]
    #[serde(rename = "en")]
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Japanese, Language::English];

    /// `ja` / `en` (also accepts locale tags such as `ja-JP`, `ja_JP.UTF-8`, `en-GB`).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.starts_with("ja") {
            Some(Language::Japanese)
        } else if lower.starts_with("en") {
            Some(Language::English)
        } else {
            None
        }
    }

    /// The user locale's language (Windows' user locale, `LANG` elsewhere): Japanese on a
    /// Japanese PC, English otherwise.
    pub fn from_system() -> Language {
        crate::windows::user_locale_tag()
            .and_then(|tag| Language::from_tag(&tag))
            .unwrap_or_default()
    }

    pub fn tag(self) -> &'static str {
        match self {
            Language::Japanese => "ja",
            Language::English => "en",
        }
    }

    /// Picks the sentence for this language; keeps both translations side by side at the call site.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Language::Japanese => ja,
            Language::English => en,
        }
    }
}

/// Something that can explain itself to the user in either language.
pub trait Localized {
    fn message(&self, language: Language) -> String;
}
