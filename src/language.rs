//! The two languages every user-facing sentence exists in. Which one the user speaks is found
//! by `crate::platform` (the OS's locale) or chosen; the sentences are in `crate::words`.

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

    pub fn tag(self) -> &'static str {
        match self {
            Language::Japanese => "ja",
            Language::English => "en",
        }
    }

    /// The other one: what the language button switches to.
    pub fn other(self) -> Language {
        match self {
            Language::Japanese => Language::English,
            Language::English => Language::Japanese,
        }
    }

    /// Picks the translation for this language; keeps both side by side where they are written.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Language::Japanese => ja,
            Language::English => en,
        }
    }
}

/// Text from data that comes in both languages (a note of the activation-center table).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub en: String,
    pub ja: String,
}

impl Bilingual {
    /// The text in `language`; the English one where no Japanese was written.
    pub fn in_language(&self, language: Language) -> &str {
        match language {
            Language::Japanese if !self.ja.is_empty() => &self.ja,
            _ => &self.en,
        }
    }
}
