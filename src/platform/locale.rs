//! The user's locale: the language to speak and which country's activation numbers to show
//! first.

use crate::language::Language;

/// The region of a locale tag, upper-cased: `ja-JP` -> `JP`, `en_GB.UTF-8` -> `GB`,
/// `zh-Hans-CN` -> `CN`. `None` when the tag names no country (`ja`, `C`, `POSIX`, `es-419`, ``).
/// Works with BCP-47 (Windows) and POSIX (`LANG`) tags alike.
pub fn country_from_locale_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    for subtag in subtags {
        match subtag.len() {
            // A script such as `Hans` comes before the region.
            4 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => continue,
            2 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => {
                return Some(subtag.to_ascii_uppercase());
            }
            // `419` (Latin America) and anything else: no single country.
            _ => return None,
        }
    }
    None
}

/// The user's locale tag: Windows' user default locale on Windows (`ja-JP`), the POSIX
/// locale (`LANG`...) elsewhere.
pub fn user_locale_tag() -> Option<String> {
    windows_user_locale().or_else(sys_locale::get_locale)
}

/// The user locale's language: Japanese on a Japanese PC, English otherwise.
pub fn user_language() -> Language {
    user_locale_tag()
        .and_then(|tag| Language::from_tag(&tag))
        .unwrap_or_default()
}

/// The user's default locale as Windows names it (BCP-47, e.g. `ja-JP`, `en-GB`);
/// `None` on other OSes or when Windows gives none.
pub fn windows_user_locale() -> Option<String> {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Globalization::GetUserDefaultLocaleName;
        /// LOCALE_NAME_MAX_LENGTH, including the terminating NUL.
        const MAX: usize = 85;
        let mut buffer = [0u16; MAX];
        // SAFETY: the buffer is writable and its length in UTF-16 units is passed with it.
        let written = unsafe { GetUserDefaultLocaleName(buffer.as_mut_ptr(), MAX as i32) };
        if written <= 1 {
            return None;
        }
        let name = String::from_utf16(&buffer[..written as usize - 1]).ok()?;
        (!name.is_empty()).then_some(name)
    }
    #[cfg(not(windows))]
    {
        None
    }
}

/// The country of the user's locale (`JP`), for picking activation numbers.
pub fn locale_country() -> Option<String> {
    user_locale_tag().and_then(|tag| country_from_locale_tag(&tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_comes_from_the_locale_tag() {
        assert_eq!(country_from_locale_tag("ja-JP").as_deref(), Some("JP"));
        assert_eq!(
            country_from_locale_tag("en_GB.UTF-8").as_deref(),
            Some("GB")
        );
        assert_eq!(country_from_locale_tag("ja"), None);
        assert_eq!(country_from_locale_tag(""), None);
    }

    #[test]
    fn script_subtags_are_skipped() {
        assert_eq!(country_from_locale_tag("zh-Hans-CN").as_deref(), Some("CN"));
        assert_eq!(
            country_from_locale_tag("sr_Latn_RS@latin").as_deref(),
            Some("RS")
        );
    }

    #[test]
    fn numeric_regions_and_posix_names_give_none() {
        assert_eq!(country_from_locale_tag("es-419"), None);
        assert_eq!(country_from_locale_tag("POSIX"), None);
        assert_eq!(country_from_locale_tag("C.UTF-8"), None);
    }
}
